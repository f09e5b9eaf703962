"""How much a reading of some bytes looks like text: one score to choose between decoders.

A damaged run can often be read several ways (GBK, Big5, EUC-KR, UTF-8);
every strict decoder that succeeds gives *some* characters. Which decoder
happened to succeed says nothing; the characters do. The score is the mean
log-probability per character under the packaged Chinese model (character
bigrams from a line start), with flat rates for the scripts the model did not
learn: kana and hangul are as likely as a character picked at random from a
common-use set of their script. Punctuation and ASCII cost what the model says.
:func:`non_ascii_score` scores what a whole file's reading adds to ASCII, and
gives the accented letters of Latin words (``crème``, ``Zürich``) a flat rate too.

>>> model = load_model()
>>> text_score("显存不够", model) > text_score("鏄惧瓨涓嶅", model)
True
>>> text_score("手册", model) > text_score("忒聊", model)
True
"""

from __future__ import annotations

import math
import re
import unicodedata

from .config import DEFAULT_CONFIG, RepairConfig
from .langmodel import BOUNDARY, HANGUL_SYLLABLE, LanguageModel, in_simplified, is_hangul_syllable, load_model, symbols

#: Per-character log-probability of a kana in Japanese text (about 170 kana in use).
KANA_LOGP = math.log(1 / 170)
#: Per-character log-probability of a hangul syllable in Korean text (about 2,350 in common use).
HANGUL_LOGP = math.log(1 / 2350)

__all__ = ["script_of", "scripts_beyond_ascii", "text_score", "text_logp", "non_ascii_score", "with_lost_characters", "LOST_CHARACTER_LOGP", "is_accented_letter", "latin_word_letters", "load_model"]

#: What a character with lost bytes counts for when a damaged UTF-8 reading
#: competes with another reading of the same bytes: a common character's
#: log-probability and a lost byte's.
LOST_CHARACTER_LOGP = -10.0


#: Per-character log-probability of a box-drawing character in a drawn tree or table (├── a.py, │,
#: └──, about a dozen in use): READMEs draw their folders so, and the model's newspaper never did.
BOX_DRAWING_LOGP = math.log(1 / 12)


def is_box_drawing(ch: str) -> bool:
    """A character of the Box Drawing block (U+2500–U+257F).

    >>> is_box_drawing("├"), is_box_drawing("─"), is_box_drawing("-")
    (True, True, False)
    """
    return "\u2500" <= ch <= "\u257f"


#: Per-character log-probability of an emoji in a README's headings and lists (🏠 📷 ⚙ 📋 ⚠ ✅; a few
#: hundred in use): the model's newspaper never wrote one.
EMOJI_LOGP = math.log(1 / 500)


def is_emoji(ch: str) -> bool:
    """A pictograph of the blocks emoji are drawn from: U+1F300–U+1FAFF, the older Miscellaneous
    Symbols, Dingbats and Miscellaneous Symbols and Arrows (⚠ ✅ ❌ ⭐ ⬆), which READMEs write as often,
    and the emoji of the enclosed supplements: squared words (🆘 🆕 🆗 🅰), the regional indicators
    that make flags (🇨🇳 is two), squared ideographs (🈶 🉑), U+1F170–U+1F251.

    >>> is_emoji("🏠"), is_emoji("⚠"), is_emoji("✅"), is_emoji("中"), is_emoji("🆘"), is_emoji("🇨")
    (True, True, True, False, True, True)
    """
    return "\U0001f300" <= ch <= "\U0001faff" or "\U0001f170" <= ch <= "\U0001f251" or "\u2600" <= ch <= "\u27bf" or "\u2b00" <= ch <= "\u2bff"


#: Signs that Chinese READMEs and technical essays write and the model's newspaper never did (or
#: hardly): arrows, checks and crosses, the warning sign, stars, shapes, circled numbers. Through a web
#: page ``❶`` (E2 9D B6) loses its 9D, and only a candidate can come back.
README_SYMBOLS = frozenset(
    "←↑→↓↔⇐⇒⇔↩↪⬆⬇⬅➡➜➤✓✔✗✘✅❌❎⚠⚡⭐★☆✨❗❓❕❔▶◀►◄▲▼△▽▸▹◂◃■□▪▫●○◆◇◉◎⬛⬜"
    "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳❶❷❸❹❺❻❼❽❾❿➊➋➌➍➎➏➐➑➒➓"
    "≥≤≠≈±×÷∞√∑∏∈∉⊆⊂∩∪∀∃≡≪≫"
    "‰†‡•‣⁃※"
)
#: The signs of Latin-1 that measurements and notices write (``25°C``, ``±0.5``, ``5µs``, ``m²``, ``©``).
#: UTF-8 writes each in two bytes, which GBK reads as one rare character (° as 掳, ± as 卤): scored as the
#: model does, a sign would never beat the garble.
MEASURE_SIGNS = frozenset("°±×÷µ©®§¶²³¹¼½¾")
#: Per-character log-probability of such a sign (README_SYMBOLS, MEASURE_SIGNS) in a technical note, where
#: the model knows it less: one of a few hundred in use, as an emoji is.
SIGN_LOGP = EMOJI_LOGP
#: What joins or styles the character before it and is no character of its own: the emoji variation
#: selector (``⚠️`` is ⚠ and U+FE0F), the zero-width joiner of emoji sequences and the keycap that encloses a
#: digit (``1️⃣`` is 1, U+FE0F and U+20E3). Scored as nothing.
MODIFIERS = frozenset("\ufe0f\u200d\u20e3")


def _flat_logp(ch: str) -> float | None:
    cp = ord(ch)
    if cp < 0x2500 or 0x4E00 <= cp <= 0x9FFF:
        return None  # most symbols: ASCII's classes, signs and Han characters, none of the kinds below
    if 0x3041 <= cp <= 0x30FA:
        return KANA_LOGP
    if is_hangul_syllable(ch):
        return HANGUL_LOGP
    if is_box_drawing(ch):
        return BOX_DRAWING_LOGP
    if is_emoji(ch):
        return EMOJI_LOGP
    return None


def text_score(
    text: str, model: LanguageModel, before: str = BOUNDARY, as_read: bool = False, signs: bool = False, measures: bool = False
) -> float:
    """Mean log-probability per character of ``text`` after ``before`` (a line start by default).

    An empty text scores 0. Spaces and line ends are context, not characters.
    """
    total, count = text_logp(text, model, before, as_read, signs, measures)
    return total / count if count else 0.0


def text_logp(
    text: str, model: LanguageModel, before: str = BOUNDARY, as_read: bool = False, signs: bool = False, measures: bool = False
) -> tuple[float, int]:
    """The log-probability of ``text`` after ``before``, and how many symbols it counts (see :func:`text_score`).

    A Traditional character counts as its Simplified form (the model learnt Simplified Chinese), in a
    reading without hangul; not in damaged text ``as_read``, where GBK's rare characters that 古文码 is made of are
    often Traditional forms too (``锛歐`` is ``：W``; 歐 would score as 欧, and the garble as text).

    >>> model = load_model()
    >>> text_logp("- 构建", model)[0] > text_logp("- µ₧不σ╗║", model)[0]
    True
    >>> text_logp("變數", model) == text_logp("变数", model)
    True

    ``signs``: a sign of README_SYMBOLS scores at least SIGN_LOGP, as in a reading of UTF-8 bytes (``→``
    from 古文码's ``鈫?``); ``measures``: a sign of MEASURE_SIGNS too, for a reading beside a digit or an
    ASCII letter (``25°C`` from ``25掳C``). A measure's sign is two bytes, one GBK character, and common
    ones among them (录 is ¼, 陆 ½, 漏 ©) stand alone in clean Chinese. Neither in a reading of legacy
    bytes as Latin-1: GBK's Cyrillic and Greek rows are ``§`` and ``¦`` then a letter, its Han rows
    ``°`` to ``÷`` and more, and such a reading would gain where it is garble.

    >>> text_logp("25°C", model, signs=True, measures=True)[0] > text_logp("25°C", model, signs=True)[0]
    True
    """
    total, count = 0.0, 0
    # Nor in text that shows hangul: its hanja are Korean's (a GBK title read as EUC-KR, 函式 as 변駕, would
    # score its 駕 as 驾 and beat the Chinese).
    simplified = (lambda part: part) if as_read or HANGUL_SYLLABLE.search(text) else in_simplified
    prev = symbols([simplified(before)])[0] if before else BOUNDARY
    for sym in symbols(simplified(text)):
        if sym == BOUNDARY or sym == " ":
            prev = BOUNDARY
            continue
        if sym in MODIFIERS:
            continue
        flat = _flat_logp(sym)
        if flat is None:
            flat = model.bigram_logp(prev, sym)
            if (signs and sym in README_SYMBOLS) or (measures and sym in MEASURE_SIGNS):
                flat = max(flat, SIGN_LOGP)
        total += flat
        count += 1
        prev = sym
    return total, count


def script_of(ch: str) -> str:
    """A character's script, as the first word of its Unicode name (LATIN, CYRILLIC, HANGUL, CJK…).

    >>> script_of("页"), script_of("ҳ"), script_of("é")
    ('CJK', 'CYRILLIC', 'LATIN')
    """
    return unicodedata.name(ch, "?").split(" ", 1)[0]


def scripts_beyond_ascii(text: str) -> set[str]:
    """The scripts of a text's letters beyond ASCII (:func:`script_of`); signs (® ，) have none.

    >>> sorted(scripts_beyond_ascii("title: 图片 ͼƬ ®，"))
    ['CJK', 'GREEK', 'LATIN']
    """
    return {script_of(ch) for ch in text if not ch.isascii() and ch.isalpha()}


def written_as_a_word(word: str) -> bool:
    """Whether letters are cased as a language writes a word: in lower case, in capitals, or a capital then lower case.
    A misreading's letters are bytes of Chinese characters, which fall in both cases (``ПФґжІ»``, ``pytorchÎÒÃÇ``).

    >>> written_as_a_word("Arrêté"), written_as_a_word("немесе"), written_as_a_word("ΑΡΧΕΙΟ"), written_as_a_word("ПФґжІ")
    (True, True, True, False)
    """
    return word.islower() or word.isupper() or word.istitle()


def is_accented_letter(ch: str) -> bool:
    """An ASCII letter with diacritics (é ü ǎ ñ Ḿ): what European languages and pinyin add to ASCII.

    Not the letters that are not an ASCII letter with marks (ß Ŀ Ħ ĸ), which a
    legacy Korean reading of GBK's pinyin letters makes (``crĿme``).

    >>> is_accented_letter("é"), is_accented_letter("ǚ"), is_accented_letter("Ŀ"), is_accented_letter("e"), is_accented_letter("豕")
    (True, True, False, False, False)
    """
    base, *marks = unicodedata.normalize("NFD", ch)
    return bool(marks) and base.isascii() and base.isalpha() and all(unicodedata.category(m) == "Mn" for m in marks)


#: A maximal run of letters, accented or not (the candidates for a Latin word).
_LETTERS = re.compile(r"[^\W\d_]+")
#: The blocks the accented letters are in (Latin-1 Supplement, Extended-A and -B, Extended Additional).
_LATIN_BEYOND_ASCII = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")


def latin_word_letters(text: str) -> list[int]:
    """Where the accented letters of Latin words are: in a run of letters with an ASCII letter in it.

    An accented letter alone (``à``) or among other scripts' letters is not counted.

    >>> latin_word_letters("`crème` and `Zürich`, à la 豕é")
    [3, 14]
    """
    found: list[int] = []
    if not _LATIN_BEYOND_ASCII.search(text):
        return found  # most Chinese text: no word to look at
    for word in _LETTERS.finditer(text):
        letters = word.group()
        if not any(ch.isascii() for ch in letters) or not all(ch.isascii() or is_accented_letter(ch) for ch in letters):
            continue
        found.extend(word.start() + k for k, ch in enumerate(letters) if not ch.isascii())
    return found


def non_ascii_score(text: str, model: LanguageModel, config: RepairConfig = DEFAULT_CONFIG) -> float:
    """Mean log-probability per non-ASCII character of a reading of a file's bytes, ASCII left out.

    The accented letters of Latin words count ``config.accented_letter_logp`` each;
    the other characters are read together, as :func:`text_score` reads them.
    A GBK line of Latin words reads as such in GB18030 and as rare ideographs in Big5:

    >>> model = load_model()
    >>> non_ascii_score("`crème` and `Zürich`", model) > non_ascii_score("`cr豕me` and `Z邦rich`", model) + 3
    True
    """
    letters = set(latin_word_letters(text))
    rest = "".join(ch for k, ch in enumerate(text) if not ch.isascii() and k not in letters)
    count = len(letters) + len(rest)
    return (config.accented_letter_logp * len(letters) + text_score(rest, model) * len(rest)) / count if count else 0.0


def with_lost_characters(score: float, whole: int, lost: int) -> float:
    """A damaged UTF-8 reading's score: its ``whole`` characters' mean log-probability
    ``score``, with each of its ``lost`` characters (short of bytes) at LOST_CHARACTER_LOGP.

    >>> with_lost_characters(-6.0, 3, 1)
    -7.0
    """
    count = whole + lost
    return (score * whole + LOST_CHARACTER_LOGP * lost) / count if count else 0.0
