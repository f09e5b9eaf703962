"""Find and undo mojibake in Chinese Markdown, lost bytes included, and name each fix's class.

Line by line and run by run, each reading is taken only when the language
model finds it plausible, never because a decoder happened to succeed:

1. **UTF-8 read as Windows-1252 or Latin-1**, once or twice (``utf8-as-cp1252``,
   ``utf8-as-latin1``, ``utf8-as-cp1252-twice``): ``è¯¦ç»†`` → ``详细``,
   symbols and emoji included (``â‰¥`` → ``≥``). Where continuation bytes are
   missing (dropped, or shown as U+FFFD) the character becomes a :class:`Slot`
   that the language model fills (:mod:`errata.text.recover`, ``lost-bytes``).
   The same mistake through Windows-1251, a Russian Windows' code page (``utf8-as-cp1251``:
   ``дЅїз”Ё`` for 使用), is respelt as Windows-1252's characters first and read the same way
   (:mod:`errata.text.codepages`).
2. **GBK/GB18030, Big5 or Shift-JIS read as Latin-1** (``gbk-as-latin1``, ``big5-as-latin1``,
   ``shift-jis-as-latin1``), which ftfy cannot undo: ``mmdetection±¨´í»ã×Ü`` → ``mmdetection报错汇总``;
   Latin words saved as GBK too, whose accented letters are GBK's pinyin
   letters (``cr¨¨me`` → ``crème``, :func:`shows_gbk_latin_words`).
3. **UTF-8 read as GBK, Big5, Shift-JIS or Korean** (古文码, ``utf8-as-gbk``, ``utf8-as-big5``; Japanese's
   文字化け, ``utf8-as-shift-jis``; code page 949's, ``utf8-as-euc-kr``): ``鏄惧瓨涓嶅`` → ``显存不够``
   (:mod:`errata.text.cjk_reading`).
4. What is left goes through ftfy, configured not to touch what Chinese
   Markdown needs as it is (fullwidth punctuation, curly quotes, HTML
   entities in code, CJK compatibility ideographs).

Characters that lost bytes in a file nobody decoded wrongly, raw UTF-8 short of
bytes, come from the decode (:attr:`~errata.text.encoding.DecodedText.lost_bytes`)
shown as their bytes' Windows-1252 characters: known damage, recovered as
slots in any document (``lost-bytes``).

Damage that cannot be undone (口字码, 锟斤拷, 烫烫烫) is reported, not
guessed (:mod:`errata.text.unrecoverable`). Latin-script text (``NESTLÉ®``,
``print("café")  # naïve``, ``L’épisode``) stays as it is: a run is only
decoded when the result is plausible, and a run that is nothing but a
fragment is only treated as damage in a document that shows confirmed
mojibake elsewhere, and never inside a Latin word.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, partial
from itertools import accumulate, chain, groupby
from operator import itemgetter
from typing import NamedTuple

import ftfy
import ftfy.badness

from .bytemap import (
    ALWAYS_DROPPED,
    BYTE_RUN,
    BYTE_TO_CHAR,
    CP1252_UNDEFINED,
    CHAR_TO_BYTE,
    GAP_MARKS,
    GAPPED_BYTE_RUN,
    JAVA_S_SHIFT_JIS,
    QUESTION_GAPPED_RUN,
    LEGACY_RUN,
    VANISHED,
    Piece,
    marked_characters,
    run_to_bytes,
    sloppy,
    split_gapped_run,
    is_continuation,
    loss_patterns,
    no_gbk_pair,
    utf8_length,
)
from .codepages import FTFY_LINE, WINDOWS_1252, CodePage, spelt_as_cp1252
from .cjk_reading import LIST_ITEM_START, SWALLOWED, cjk_reading_runs, keeps_line_ends, latin_letter_runs, marks_are_replacement_characters, marks_took_the_spaces, reads_paired, without_gbk_pair_rules
from .config import DEFAULT_CONFIG, RepairConfig
from .langmodel import UNKNOWN_LOGP, LanguageModel, is_hangul_syllable, load_model, utf8_lead
from .plausibility import MODIFIERS, README_SYMBOLS, is_accented_letter, is_box_drawing, script_of, text_logp, text_score, with_lost_characters, written_as_a_word
from .recover import SIMPLIFIED_IN_TRADITIONAL_LOGP, UNRESOLVED, Choice, DocumentModel, SearchSettings, Slot, choose_line, traditional_scoring
from .twice import Peeled, peel, reads_back_as_chinese, renamed_fix
from .unrecoverable import Finding, find_unrecoverable

#: ftfy, decided option by option for Chinese Markdown. ftfy's defaults would
#: turn ``，`` into ``,`` (fix_character_width), ``“”`` into ``""``
#: (uncurl_quotes), ``&lt;`` inside code into ``<`` (unescape_html), and CJK
#: compatibility ideographs into their unified twins (NFC/NFKC normalisation).
#: Lost bytes are ours to recover, so ftfy must not replace them with U+FFFD.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=False,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

#: Parts of emoji sequences the model never saw, candidates for lost bytes all the
#: same: the variation selector that makes ⚠ an emoji (⚠️), and the zero-width joiner.
EMOJI_PARTS = frozenset({"\ufe0f", "\u200d"})
#: Japanese kana. The packaged model learnt Chinese and gives them nothing;
#: a document that shows kana in its intact text gets them back as candidates
#: (see :func:`script_bonus`).
KANA = frozenset(chr(c) for c in (*range(0x3041, 0x3097), *range(0x30A1, 0x30FB)))
#: The forms of Greek letters that mathematics writes beside the alphabet's own (ϑ ϕ ϵ).
GREEK_MATH = frozenset("ϐϑϕϖϰϱϵ")


def is_cjk_text_char(ch: str) -> bool:
    """Characters that Chinese (or Japanese) prose is written in.

    >>> is_cjk_text_char("详"), is_cjk_text_char("："), is_cjk_text_char("ɮ")
    (True, True, False)
    """
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= cp <= 0x4DBF  # extension A
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
        or 0x3000 <= cp <= 0x30FF  # CJK punctuation, kana
        or 0xFF00 <= cp <= 0xFFEF  # fullwidth forms
        or 0x2000 <= cp <= 0x206F  # general punctuation: “ ” — …
        or 0xAC00 <= cp <= 0xD7AF  # hangul
        or 0x20000 <= cp <= 0x2FFFF  # supplementary ideographs
    )


#: Latin letters beyond Latin-1 that are no ASCII letter with marks (Polish ł, French œ, Croatian đ,
#: Turkish ı, the ligatures ﬁ ﬂ), but written inside Latin words all the same.
LATIN_LETTERS_UNMARKED = frozenset("ŁłŒœĐđıﬀﬁﬂﬃﬄﬅﬆ")


def is_latin_letter(ch: str) -> bool:
    """A letter of a Latin word beyond Latin-1: pinyin's and Vietnamese's marked letters, ł, œ, ﬁ.

    >>> [is_latin_letter(c) for c in "ǐǎếłœﬁ"], is_latin_letter("ģ"), is_latin_letter("豕"), is_latin_letter("Ŀ")
    ([True, True, True, True, True, True], True, False, False)
    """
    return ch in LATIN_LETTERS_UNMARKED or (0x100 <= ord(ch) <= 0x24F or 0x1E00 <= ord(ch) <= 0x1EFF) and is_accented_letter(ch)


def is_plausible_char(ch: str, vocabulary: frozenset[str] | set[str], latin_word: bool = False) -> bool:
    """Could a decoded character be what the author wrote?

    ``latin_word``: the character stands in a Latin word (an ASCII letter beside
    its run), where ``nǐ hǎo``, ``Łódź`` and ``Việt`` are written. Elsewhere
    those letters are what GBK bytes read as UTF-8 make (模 ``C4 A3`` reads ģ).

    >>> is_plausible_char("é", set()), is_plausible_char("ɮ", set()), is_plausible_char("Ⅰ", set())
    (True, False, True)
    >>> is_plausible_char("α", set()), is_plausible_char("ϕ", set()), is_plausible_char("ͼ", set())
    (True, True, False)
    >>> is_plausible_char("ǐ", set()), is_plausible_char("ǐ", set(), latin_word=True), is_plausible_char("⁶", set()), is_plausible_char("❶", set())
    (False, True, True, True)
    >>> is_plausible_char("\u0301", set()), is_plausible_char("\u0301", set(), latin_word=True)
    (False, True)
    """
    if is_cjk_text_char(ch) or ch in vocabulary:
        return True
    cp = ord(ch)
    if 0x2150 <= cp <= 0x218F or 0x2460 <= cp <= 0x24FF or 0x2776 <= cp <= 0x2793:
        return True  # Roman numerals (Ⅰ Ⅱ) and circled numbers (① ❶ ➊): Chinese text numbers lists with them
    if 0x2070 <= cp <= 0x209F or 0x2100 <= cp <= 0x214F:
        return True  # superscripts and subscripts (10⁶, H₂O) and letterlike symbols (℃, №, ℓ)
    if 0xA0 <= cp <= 0xFF:
        return True  # Latin-1 text double-encoded: Ã© → é
    if latin_word and (is_latin_letter(ch) or 0x300 <= cp <= 0x36F):
        return True  # a letter, or a combining mark that accents one (``i\u0301``, í in two characters)
    if 0x0386 <= cp <= 0x03CE or ch in GREEK_MATH or 0x0400 <= cp <= 0x045F or ch in "Ґґ":
        # The Greek alphabet and the Cyrillic of Russian (and Ukrainian's ґ); not archaic Greek and
        # Coptic letters (ͼ) nor the letters of smaller languages further on (һ ҳ),
        # which GBK bytes read as UTF-8 make (图 ``CD BC``, 一页).
        return unicodedata.category(ch).startswith("L")
    # Three- and four-byte symbols and punctuation (≥ → ∞ € ✓), emoji and the
    # variation selector, joiner and keycap that build them. Letters of scripts a
    # Chinese technical text does not write (Malayalam ൱ from GBK bytes ``àµ±``,
    # Hebrew, IPA) are what other text misread as UTF-8 gives.
    return cp >= 0x800 and (unicodedata.category(ch)[0] in "SP" or ch in MODIFIERS)


@dataclass
class DecodedRun:
    """A run of byte-like characters read back as UTF-8: characters and slots."""

    start: int
    end: int
    items: list[str | Piece]
    complete: int  # multibyte characters that decoded whole
    kind: str = "utf8-as-cp1252"  # the mojibake class (see :class:`Fix`)

    @property
    def lossy(self) -> int:
        return sum(isinstance(item, Piece) for item in self.items)


#: Characters that only a Windows-1252 reading makes (bytes 0x80–0x9F it defines).
CP1252_ONLY = frozenset(bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in CP1252_UNDEFINED)
#: C1 controls that only a Latin-1 reading leaves (cp1252 defines these bytes).
LATIN1_ONLY = frozenset(chr(b) for b in range(0x80, 0xA0) if b not in CP1252_UNDEFINED)


def utf8_run_kind(run: str, twice: bool) -> str:
    """The mojibake class of a run that read back as UTF-8: which single-byte code page did it.

    >>> utf8_run_kind("è¯¦ç»†", False), utf8_run_kind("æ\x98¾", False), utf8_run_kind("Ã¦ËœÂ¾", True)
    ('utf8-as-cp1252', 'utf8-as-latin1', 'utf8-as-cp1252-twice')
    """
    page = "latin1" if any(ch in LATIN1_ONLY for ch in run) and not any(ch in CP1252_ONLY for ch in run) else "cp1252"
    return f"utf8-as-{page}" + ("-twice" if twice else "")


def decode_utf8_run(
    run: str, vocabulary: frozenset[str], depth: int = 0, latin_word: bool = False, scripts: frozenset[str] = frozenset()
) -> list[str | Piece] | None:
    """Read a run of byte-like characters as (possibly damaged) UTF-8.

    Returns decoded characters, with a :class:`Piece` where bytes are missing;
    None when the run is not UTF-8 mojibake. Double mojibake is decoded twice.
    ``latin_word``: the run touches an ASCII letter (see :func:`is_plausible_char`). ``scripts``: the
    scripts the line shows words of (:func:`is_word_of_one_script`), where a shorter one is read too.

    >>> decode_utf8_run("è¯¦ç»†", frozenset())
    ['详', '细']
    >>> decode_utf8_run("NESTLÉ®"[5:], frozenset()) is None
    True
    """
    pieces = split_gapped_run(run)
    if pieces is None:
        return None
    if depth < 2:
        # Decoded into byte-like characters again (C1 controls and ``€`` included, which
        # no author writes here): the run was mojibake twice.
        text = _first_reading(pieces)
        if text is not None:
            again = decode_utf8_run(text, vocabulary, depth + 1, latin_word, scripts)
            # Not ``Ã©`` → é → a lost-byte piece; but where the second reading lost bytes too, or the
            # first reader marked one it left undefined (``ï¿½``), the first is mojibake for sure, and a
            # Chinese character short of a byte is what it held.
            if again is not None and (_mostly_whole(again) or (_marked(pieces) and _wide_text(again))):
                return again
    items: list[str | Piece] = []
    strangers: list[str] = []  # whole characters a Chinese text does not write: a word of another script, or no UTF-8
    for piece in pieces:
        ch = piece.char
        if piece.missing:
            items.append(piece)
        elif ch is None:
            return None
        else:
            if not is_plausible_char(ch, vocabulary, latin_word):
                strangers.append(ch)
            items.append(ch)
    if strangers and not (len(strangers) == len(items) and is_word_of_one_script(strangers, scripts)):
        return None
    return items


#: Characters that join the letters of a word in any script (Persian writes the non-joiner inside words).
_JOINERS = "\u200c\u200d"
#: How many letters a word of another script needs before it is taken as UTF-8 in a Chinese text: in a
#: script of two-byte UTF-8 (Greek to N'Ko) four, for GBK's characters of one row read so make letters of
#: one block (医药业, ``Ò½Ò©Òµ``, is Cyrillic's ҽҩҵ); three in one of three bytes, which GBK text seldom makes.
_ONE_SCRIPT_LETTERS = {2: 4, 3: 3}


def is_word_of_one_script(chars: list[str], shown: frozenset[str] = frozenset()) -> bool:
    """Whether whole characters are a word of one script other than Latin and CJK: at least three or four letters,
    digits or marks (:data:`_ONE_SCRIPT_LETTERS`), the rest its signs or joiners (``अनुपात``, ``שלום``, ``ภาษา``); one letter is enough in a script
    the line ``shown`` words of already (Hebrew ``כ־``, a letter and a hyphen, beside ``תפריט``).

    Letters of such a script are what GBK bytes read as UTF-8 make one at a time (住 ``D7 A1``
    reads Hebrew ס, 模 ``C4 A3`` Latin ģ), next to never a whole word of one script; a byte run
    that reads so is text in that script, beside Chinese or not.

    >>> is_word_of_one_script(list("अनुपात")), is_word_of_one_script(list("ס")), is_word_of_one_script(list("סअनु"))
    (True, False, False)
    >>> is_word_of_one_script(list("שלום")), is_word_of_one_script(list("ҽҩҵ"))
    (True, False)
    >>> is_word_of_one_script(list("כ־"), frozenset({"HEBREW"}))
    True
    """
    scripts = {_script(ch) for ch in chars if ch not in _JOINERS}
    # A vowel sign counts: a word of two consonants and a sign (Hindi गया) is as unlike GBK's bytes.
    letters = sum(unicodedata.category(ch)[0] in "LMN" for ch in chars)
    needed = 1 if scripts <= shown else _ONE_SCRIPT_LETTERS[2 if max(chars) < "\u0800" else 3]
    return letters >= needed and (any(ch.isalnum() for ch in chars) or scripts <= shown) and len(scripts) == 1 and not scripts & _NOT_ONE_SCRIPT and all(
        ch in _JOINERS or unicodedata.category(ch)[0] in "LMNP" for ch in chars
    )


#: Scripts whose letters beyond :func:`is_plausible_char` are no word of their own: Latin's (a Latin word's are
#: its own rule), CJK (Chinese itself), and Cyrillic's beyond Russian's, which GBK's rows D0–D3 make (摇摇曳曳 as ҡҡҷҷ).
_NOT_ONE_SCRIPT = frozenset({"LATIN", "CJK", "CYRILLIC"})


def _whole_word_of(items: list | None, scripts: frozenset[str]) -> bool:
    """Whether a run's reading is whole and in one of ``scripts``: nothing to read again."""
    return bool(items) and all(isinstance(i, str) for i in items) and {_script(i) for i in items if i not in _JOINERS} <= scripts


def _script(ch: str) -> str:
    """A character's script for words of one script (:func:`script_of`, with a script's digits its own).

    >>> _script("۱"), _script("١"), _script("ש")
    ('ARABIC', 'ARABIC', 'HEBREW')
    """
    return unicodedata.name(ch, "?").removeprefix("EXTENDED ").split(" ", 1)[0].split("-", 1)[0]


def _scripts_of_words(runs: list[tuple[int, int, list | None]], vocabulary: frozenset[str]) -> frozenset[str]:
    """The scripts of the runs read as words of one script a Chinese text does not write (:func:`is_word_of_one_script`).

    >>> sorted(_scripts_of_words([(0, 8, list("שלום")), (9, 13, None), (14, 20, list("配置"))], frozenset()))
    ['HEBREW']
    """
    return frozenset(
        _script(items[0])
        for _, _, items in runs
        # Most runs read as Chinese: their first character settles it.
        if items and isinstance(items[0], str) and not is_cjk_text_char(items[0])
        and all(isinstance(i, str) for i in items) and not any(is_plausible_char(i, vocabulary) for i in items) and is_word_of_one_script(items)
    )


def _marked(pieces: list[Piece]) -> bool:
    """Whether a reading shows a loss of its own: a piece short of bytes, or a U+FFFD its reader wrote."""
    return any(piece.missing or piece.char == "\ufffd" for piece in pieces)


def _first_reading(pieces: list[Piece]) -> str | None:
    """What the pieces read as, where that is mojibake itself (each character stands for a byte).

    A character that lost a byte in the second reading counts where only bytes that vanish
    on their own can have gone: those Windows-1252 leaves undefined (81 8D 8F 90 9D, dropped
    by a decode or, as C1 controls, later) and 0xAD (the soft hyphen, which pages and indexes
    drop), and where what is left fits a byte-like character. ``â€`` short of one can only have
    been ``”`` (0x94: U+2001, U+200D, U+2010 and U+202D, the other fits, are no bytes); ``Â``
    short of one was itself one of those six bytes, unknown which: :data:`VANISHED`, a byte the
    first reading lost where it stands.

    >>> _first_reading(split_gapped_run("Ã§â€Â¨"))   # 用 (E7 94 A8), its 9D lost on the way
    'ç”¨'
    >>> _first_reading(split_gapped_run("Ã©ÂÂ¿"))    # 避 (E9 81 BF): which byte, unknown
    'é\\ufffc¿'
    >>> _first_reading(split_gapped_run("ä¸")) is None   # once only: 中 short of a byte
    True
    """
    out = []
    for piece in pieces:
        ch = piece.char
        if ch is None:
            ch = _lost_vanishing_byte(piece)
        elif ch == "\ufffd":
            # A first reader that wrote U+FFFD for a byte it leaves undefined (``ï¿½`` once read again).
            ch = VANISHED
        if ch is None or (ch != VANISHED and ch not in CHAR_TO_BYTE):
            return None
        out.append(ch)
    return "".join(out)


#: Bytes that vanish from Windows-1252 mojibake on their own: the five it leaves undefined
#: (C1 controls once read) and the soft hyphen.
VANISHING_BYTES = CP1252_UNDEFINED | {0xAD}


def _wide_text(items: list[str | Piece]) -> bool:
    """Whether a reading is what Chinese writing is made of throughout: Han characters, CJK and
    fullwidth punctuation and symbols (``→``, ``⚠``), and pieces whose lead byte starts one of those.

    >>> _wide_text(["码", Piece(0xE7, b"\\xa0", 1)]), _wide_text(["→", "，"]), _wide_text(["é"]), _wide_text([])
    (True, True, False, False)
    """
    return bool(items) and all(_wide_lead(i.lead) if isinstance(i, Piece) else _wide_char(i) for i in items)


def _wide_char(ch: str) -> bool:
    """A character of :func:`_wide_text`: one that shows (not a space, a format or a private-use character).

    >>> _wide_char("—"), _wide_char("\\u2006"), _wide_char("\\ufeff")
    (True, False, False)
    """
    return _wide_lead(utf8_lead(ch)) and unicodedata.category(ch)[0] not in "ZC"


def _wide_lead(lead: int) -> bool:
    """UTF-8 lead bytes of three-byte characters that Chinese text uses: punctuation and symbols
    (E2), CJK punctuation (E3), Han (E4–E9), fullwidth forms (EF)."""
    return 0xE2 <= lead <= 0xE9 or lead == 0xEF


def _lost_vanishing_byte(piece: Piece) -> str | None:
    """The byte-like character a piece short of one vanishing byte was: itself where only one
    fits, :data:`VANISHED` where it was one of the vanishing bytes itself (``Â`` short of one), else None.

    A piece whose loss a U+FFFD marked (``â€�``) lost a byte the second reader left undefined: one
    that decode writes U+FFFD for.

    >>> _lost_vanishing_byte(split_gapped_run("â€")[0]), _lost_vanishing_byte(split_gapped_run("Â")[0])
    ('”', '\\ufffc')
    >>> _lost_vanishing_byte(split_gapped_run("â€\\ufffd")[0])
    '”'
    """
    if piece.missing != 1 or piece.lead_lost or not piece.cp1252 or piece.question:
        return None
    fits = set()
    for at in range(len(piece.tail) + 1):
        for byte in CP1252_UNDEFINED if piece.gap else VANISHING_BYTES:
            try:
                ch = (bytes([piece.lead]) + piece.tail[:at] + bytes([byte]) + piece.tail[at:]).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if ch in CHAR_TO_BYTE:
                fits.add(CHAR_TO_BYTE[ch])
    if len(fits) == 1 and not fits <= VANISHING_BYTES:
        return BYTE_TO_CHAR[fits.pop()]
    return VANISHED if fits and fits <= VANISHING_BYTES else None


def decoded_twice(run: str, items: list[str | Piece]) -> bool:
    """Whether :func:`decode_utf8_run` undid the run twice: it has fewer items than one reading makes."""
    # A space inside a run is a no-break space made plain, which utf8_runs read as such (one for one).
    pieces = split_gapped_run(run.replace(" ", "\xa0"))
    return pieces is not None and len(pieces) != len(items)


def _legacy_char(ch: str) -> bool:
    """Characters a GBK, Big5 or Shift-JIS reading may produce: CJK ideographs, kana, fullwidth forms and
    punctuation (“ ” · … included)."""
    cp = ord(ch)
    return 0x4E00 <= cp <= 0x9FFF or 0x3000 <= cp <= 0x30FF or 0xFF01 <= cp <= 0xFF5E or unicodedata.category(ch)[0] == "P"


LEGACY_KINDS = frozenset({"gbk-as-latin1", "big5-as-latin1", "shift-jis-as-latin1"})
#: The class of a character recovered from its surviving bytes; the kind of a run
#: of raw UTF-8 characters short of bytes, which the decode found.
LOST_BYTES = "lost-bytes"
CJK_READING_KINDS = frozenset({"utf8-as-gbk", "utf8-as-big5", "utf8-as-shift-jis", "utf8-as-euc-kr"})
#: The class of 古文码 read as GBK a second time (:mod:`errata.text.twice`).
TWICE_KIND = "utf8-as-gbk-twice"


def read_legacy_run(run: str, model: LanguageModel, config: RepairConfig = DEFAULT_CONFIG, document_kind: str | None = None) -> tuple[str, str] | None:
    """GBK/GB18030, Big5 or Shift-JIS bytes that were read as Latin-1: the text and its class, if that is what they were.

    Both readings are scored by the language model (:func:`text_score`); the
    better one is kept when it is plausible. The model learnt simplified
    Chinese, so a Big5 reading gets ``config.big5_bonus`` and its own bar.

    >>> read_legacy_run("±¨´í»ã×Ü", load_model())
    ('报错汇总', 'gbk-as-latin1')
    >>> read_legacy_run("ÊÖ²á", load_model())  # not the Big5 reading 忒聊
    ('手册', 'gbk-as-latin1')
    >>> read_legacy_run("°O¾ÐÅé¤£¨¬", load_model())
    ('記憶體不足', 'big5-as-latin1')
    >>> read_legacy_run("Ôôô", load_model()) is None
    True
    >>> read_legacy_run("•¶Žš‰»‚¯‚Ì—á", load_model())  # Shift-JIS, as MOJIBAKE.md shows it
    ('文字化けの例', 'shift-jis-as-latin1')

    ``document_kind``: the class the document has shown (:func:`document_legacy_kind`).
    There every pair of high bytes is its codec's, so the run is read in that codec
    alone and any plausible character is taken, however rare (``¡Ý`` for ≥, ``¨¦`` for é).

    >>> read_legacy_run("¡Ý", load_model(), document_kind="gbk-as-latin1")
    ('≥', 'gbk-as-latin1')
    """
    data = run_to_bytes(run)
    if document_kind is not None:
        return _read_in_document_codec(data, document_kind, model)
    if len(data) < config.legacy_min_bytes or len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for codec, kind, bar, bonus in (
        ("gb18030", "gbk-as-latin1", config.gbk_min_logp, 0.0),
        ("big5", "big5-as-latin1", config.big5_min_logp, config.big5_bonus),
        # Japanese (文字化け's other half): the model learnt Chinese, so it takes Big5's bar, not its bonus.
        ("cp932", "shift-jis-as-latin1", config.big5_min_logp, 0.0),
    ):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not all(_legacy_char(c) for c in text):
            continue
        score = text_score(text, model)
        if score >= bar and (best is None or score + bonus > best[0]):
            best = (score + bonus, text, kind)
    return None if best is None else (best[1], best[2])


def read_lone_pair(run: str, model: LanguageModel, config: RepairConfig = DEFAULT_CONFIG, kind: str = "gbk-as-latin1") -> tuple[str, str] | None:
    """One legacy character read as Latin-1 that stands alone: the character and its class, if it is a common one.

    Read in the codec of ``kind``: the one the document shows, or GBK, the
    commoner, where it shows none (``¨¦`` is then é, no Chinese, not Big5's 谷).
    It has no neighbours to be scored with, so how common it is decides: its
    unigram log-probability (with Big5's bonus) must reach ``config.lone_min_logp``.

    >>> read_lone_pair("Í¼", load_model()), read_lone_pair("Ò³", load_model())
    (('图', 'gbk-as-latin1'), ('页', 'gbk-as-latin1'))
    >>> read_lone_pair("¨¦", load_model()), read_lone_pair("¨¦", load_model(), kind="big5-as-latin1")
    (None, ('谷', 'big5-as-latin1'))
    """
    try:
        text = run_to_bytes(run).decode(LEGACY_CODECS[kind])
    except UnicodeDecodeError:
        return None
    if len(text) != 1 or not _legacy_char(text):
        return None
    bonus = config.big5_bonus if kind == "big5-as-latin1" else 0.0
    return (text, kind) if model.unigram_logp(text) + bonus >= config.lone_min_logp else None


#: The codec of each legacy class.
LEGACY_CODECS = {"gbk-as-latin1": "gb18030", "big5-as-latin1": "big5", "shift-jis-as-latin1": "cp932"}


def _read_in_document_codec(data: bytes, kind: str, model: LanguageModel) -> tuple[str, str] | None:
    """The bytes in the document's codec, if every character is one its text may hold.

    GBK's accented letters (row A8, for pinyin: ``¨¦`` é, ``¨¢`` á, ``¨®`` ó) included.

    >>> _read_in_document_codec(run_to_bytes("¨®"), "gbk-as-latin1", load_model())
    ('ó', 'gbk-as-latin1')
    """
    try:
        text = data.decode(LEGACY_CODECS[kind])
    except UnicodeDecodeError:
        return None
    if not all(is_plausible_char(c, model.vocabulary) or is_accented_letter(c) for c in text):
        return None
    return text, kind


def document_legacy_kind(decoded: list[tuple[list[DecodedRun], bool]]) -> str | None:
    """The legacy class a document shows, if any: the one whose runs cover more characters.

    >>> document_legacy_kind([([DecodedRun(0, 4, ["报", "错"], 2, "gbk-as-latin1")], True)])
    'gbk-as-latin1'
    """
    covered: Counter[str] = Counter()
    for runs, _ in decoded:
        for run in runs:
            if run.kind in LEGACY_KINDS:
                covered[run.kind] += run.end - run.start
    return covered.most_common(1)[0][0] if covered else None


def wholly_legacy(decoded: list[tuple[list[DecodedRun], bool]]) -> bool:
    """Whether a document's damage is all legacy text read as Latin-1 (nine tenths of
    what its runs cover): then every high byte in it is the legacy codec's, on any line.

    >>> wholly_legacy([([DecodedRun(0, 4, ["报", "错"], 2, "gbk-as-latin1")], True)])
    True
    """
    legacy = other = 0
    for runs, _ in decoded:
        for run in runs:
            if run.kind in LEGACY_KINDS:
                legacy += run.end - run.start
            else:
                other += run.end - run.start
    return legacy > 0 and legacy >= 9 * other


def decode_legacy_run(run: str, model: LanguageModel, config: RepairConfig = DEFAULT_CONFIG) -> str | None:
    """The text of :func:`read_legacy_run`, without its class.

    >>> decode_legacy_run("ÎÒÃÇ", load_model())
    '我们'
    """
    reading = read_legacy_run(run, model, config)
    return None if reading is None else reading[0]


class LineReadings:
    """What a document's lines read as, kept for the document's later passes (:func:`_repair_read_text` reads a line
    again once the rest of the document tells more of it; the bytes of a run read the same each time).

    >>> memo = LineReadings()
    >>> memo.legacy_run("±¨´í", load_model(), DEFAULT_CONFIG, None) is memo.legacy_run("±¨´í", load_model(), DEFAULT_CONFIG, None)
    True
    """

    def __init__(self) -> None:
        self._utf8: dict[tuple, list] = {}
        self._legacy: dict[tuple, tuple[str, str] | None] = {}

    def utf8_runs(self, line: str, vocabulary: frozenset[str], nbsp: bool, misread: bool | None) -> list:
        """:func:`utf8_runs` of the line (a new list each time; its runs are the first reading's)."""
        key = (line, nbsp, misread)
        if key not in self._utf8:
            self._utf8[key] = utf8_runs(line, vocabulary, nbsp, misread)
        return list(self._utf8[key])

    def legacy_run(self, run: str, model: LanguageModel, config: RepairConfig, document_kind: str | None) -> tuple[str, str] | None:
        """:func:`read_legacy_run` of the run."""
        key = (run, config, document_kind)
        if key not in self._legacy:
            self._legacy[key] = read_legacy_run(run, model, config, document_kind)
        return self._legacy[key]


def _legacy_runs(
    line: str,
    utf8: list[tuple[int, int, list | None]],
    model: LanguageModel,
    config: RepairConfig,
    document: tuple[str, bool] | None = None,
    lone_pairs: str | None = None,
    shown: bool = False,
    memo: LineReadings | None = None,
) -> list[tuple[int, int, str, str]]:
    """Spans of a line that are GBK/Big5 read as Latin-1.

    Not where a byte run they touch reads as UTF-8 with more whole characters
    than damaged ones: UTF-8 mojibake is the likelier damage there. GBK bytes
    seldom make whole UTF-8 sequences (``ÎÄ`` for 文 makes none), and where
    they do it is mostly one character of another script (伪 ``CE B1`` reads α):
    beside a run that only the legacy codec reads, such a character is the
    codec's too (:func:`_stray_utf8`), a line being saved and read as a whole.
    ``document``: the legacy class the document shows, and whether it shows
    nothing else (then no UTF-8 reading competes, unless it is whole Chinese:
    GBK bytes next to never make a three-byte UTF-8 character). ``lone_pairs``: the
    class in whose codec to read a single pair of bytes that stands apart and reads
    as nothing else (:func:`_lone_pair`), as a document that shows mojibake may hold one.
    ``shown``: whether the document shows a legacy class elsewhere. Where it does not, a run is read
    only on a line that is its codec's bytes from end to end (:func:`reads_whole`): double-byte text read
    as Latin-1 pairs every high byte, where Latin text leaves some alone (``ÀÈÌÒÙ €``, GBK's 廊桃 and a
    ``Ù`` before a space; ``’é’è — apostrophe``, Shift-JIS's 帝定 and a ``—`` before a space), and so does
    another script's UTF-8 short of bytes (Bengali through Windows-1252 that dropped some), and a line with
    a letter no Latin-1 reading makes is none (Vietnamese ``đặt``). Where it does, a byte lost after a run
    may explain the one it leaves (编辑 short of its soft hyphen, ``±à¼``), and a letter of another script
    on the line was pasted beside it (``α ±¨´ð``). ``memo``: the document's readings so far (:class:`LineReadings`).
    """
    if holds_chinese(line):
        return []  # a line that Latin-1 was read into holds no Chinese: this one's ``“`` and ``°C`` are the author's
    if document is not None and not reads_whole(line, LEGACY_CODECS[document[0]]):
        document = None  # not a line in the document's codec (``café's`` is no GBK): read run by run
    runs, contested, sure = [], [], False
    utf8_spans = None
    whole: dict[str, bool] = {}  # whether the line reads whole in each class's codec (asked once a line, not once a run)
    for match in LEGACY_RUN.finditer(line):
        if _one_sign_repeated(match.group()):
            continue
        if not shown and not whole:
            # On its own evidence a run needs its line to be a codec's bytes from end to end (below); a
            # line that is none's, as UTF-8 mojibake mostly is, is done without reading a run with the model.
            whole = {kind: reads_whole(line, codec) for kind, codec in LEGACY_CODECS.items()}
            if not any(whole.values()):
                return []
        utf8_spans = utf8_spans or Spans(utf8)  # built for lines that have a legacy run at all
        touched = _touching(utf8_spans, match.start(), match.end())
        only_legacy = document is not None and document[1]
        if not only_legacy and any(start < match.start() or end > match.end() for start, end, _ in touched):
            continue  # the UTF-8 reading reaches beyond: the GBK reading would split a character (asked before it is read)
        legacy = (memo or LineReadings()).legacy_run(match.group(), model, config, document[0] if document else None)
        if legacy is None and lone_pairs and _lone_pair(line, match.start(), match.end()) and all(_bare_leads(items) for _, _, items in touched):
            # A UTF-8 reading of lead bytes alone (``ÔÚ`` for 在) competes with it below as any run does;
            # one that reads a character, whole (``Â°`` is °) or short of a byte (``ä¸`` for 不), is the pair.
            legacy = read_lone_pair(match.group(), model, config, lone_pairs)
        if legacy is None or legacy[1] in ("gbk-as-latin1", "shift-jis-as-latin1") and _latin_word_as_it_stands(line, match.start(), match.end()):
            continue
        if _sign_of_a_latin_word(line, match.start(), match.end()):
            continue
        if not shown and not whole[legacy[1]]:
            continue  # on its own evidence a run needs its line to be the codec's bytes from end to end
        if legacy[1] == "big5-as-latin1" and document is None and _latin_in_big5(line, match.start(), match.end()):
            continue
        run = (match.start(), match.end(), *legacy)
        if only_legacy and not any(_chinese_utf8(items) for _, _, items in touched):
            runs.append(run)
            continue
        if only_legacy and any(start < match.start() or end > match.end() for start, end, _ in touched):
            continue  # the UTF-8 reading reaches beyond: the GBK reading would split a character
        if any(_utf8_likelier(items, legacy[0], model) for _, _, items in touched):
            contested.append((run, touched))  # UTF-8 mojibake is the likelier damage, unless the line says otherwise
            continue
        runs.append(run)
        sure = sure or not touched
    if sure:
        runs.extend(run for run, touched in contested if _stray_utf8(line, run[0], run[1], touched))
        runs.sort()
    return runs


_START_END = itemgetter(0, 1)


class Spans:
    """Entries whose first two fields are a (start, end) span of a line, and which of them overlap a span.

    In logarithmic time: a hostile line holds a hundred thousand runs, and
    every run asks about its neighbours (asking all of them made such a line quadratic).

    >>> spans = Spans([(0, 2, "a"), (5, 9, "b"), (12, 14, "c")])
    >>> spans.overlapping(1, 6), spans.clear_of(9, 12), spans.clear_of(13, 20)
    ([(0, 2, 'a'), (5, 9, 'b')], True, False)
    """

    def __init__(self, entries):
        self.entries = sorted(entries, key=_START_END)
        # The largest end so far: sorted even where entries overlap, so bisect finds the first that may reach a span.
        self.reach = list(accumulate((entry[1] for entry in self.entries), max))

    def overlapping(self, start: int, end: int) -> list:
        """The entries that overlap ``[start, end)``, in order."""
        if not self.entries:
            return []  # most lines: nothing to overlap
        out = []
        for k in range(bisect_right(self.reach, start), len(self.entries)):
            entry = self.entries[k]
            if entry[0] >= end:
                break
            if entry[1] > start:
                out.append(entry)
        return out

    def clear_of(self, start: int, end: int) -> bool:
        """Whether no entry overlaps ``[start, end)``."""
        return not self.overlapping(start, end)


def _touching(utf8: Spans, start: int, end: int) -> list[tuple[int, int, list]]:
    """The UTF-8 readings (those that read at all) of the byte runs that overlap a span."""
    return [(a, b, items) for a, b, items in utf8.overlapping(start, end) if items is not None]


def _latin_word_as_it_stands(line: str, start: int, end: int) -> bool:
    """Whether a run is accented letters of a Latin word, each with the ASCII letter after it (``crème``, ``naïve``).

    GBK reads such a pair only through its extension (a trail byte below 0x80
    is none of GB2312's): ``èm`` is 鑝, ``ïv`` 飗, rare characters no simplified
    Chinese text glues to Latin letters, where a Latin word writes them all the time. Shift-JIS reads
    them too (Croatian ``proširenje``: ``ši`` is 9A 69, 喨), as kanji no Japanese text glues to them.
    (Not so in Big5, whose trail bytes are below 0x80 half the time.)

    >>> _latin_word_as_it_stands("`crème brûlée`", 3, 5), _latin_word_as_it_stands("`crème brûlée`", 9, 13), _latin_word_as_it_stands("ÊÖ²á", 0, 4)
    (True, True, False)

    So are the letters Latin text writes without marks: ``Œuvre`` (GBK's 寀), ``Æsir``, ``Straße``.

    >>> _latin_word_as_it_stands("| Œuvre |", 2, 4), _latin_word_as_it_stands("Straße", 4, 6)
    (True, True)
    """
    pairs = _letter_trailed_pairs(line, start, end)
    return bool(pairs) and all(is_accented_letter(pair[0]) or pair[0] in WINDOWS_1252_LETTERS_UNMARKED for pair in pairs)


def _sign_of_a_latin_word(line: str, start: int, end: int) -> bool:
    """Whether a run starts with a typographic sign of Windows-1252 that belongs to a Latin word: an apostrophe after
    one of its letters (French ``l’écrire``, ``qu’à``, English ``Don’t``), an opening quote before its first letters
    (``“Don``), or a dash, an ellipsis or a bullet before its first letter (``git –version``, ``—force``, ``…more``).

    Shift-JIS and GBK read the signs' bytes (91–94; 96, 97, 85, 95) as lead bytes and the letter after as a trail:
    ``’é`` is 帝, ``’t`` 稚, ``“D`` 泥, ``–v`` 杤, ``—f`` 梖, rare characters that no Chinese or Japanese text glues to a
    Latin word. In their text such a pair stands between other mojibake.

    >>> _sign_of_a_latin_word("l’écrire", 1, 3), _sign_of_a_latin_word("“Don’t", 0, 2), _sign_of_a_latin_word("“Don’t", 4, 6)
    (True, True, True)
    >>> _sign_of_a_latin_word("±¨´í“ok", 0, 4), _sign_of_a_latin_word("ÎÒÃÇ", 0, 4), _sign_of_a_latin_word("Python’†", 6, 8)
    (False, False, False)
    >>> _sign_of_a_latin_word("run git –version", 8, 10), _sign_of_a_latin_word("use—force", 3, 5)
    (True, True)

    A run that goes on past the pair is GBK's however it starts (``npm’A±¨´í``: 扐报错; ``–a±¨´í``).

    >>> _sign_of_a_latin_word("npm’A±¨´í", 3, 9), _sign_of_a_latin_word("–a±¨´í", 0, 6)
    (False, False)
    """
    first, before, after = line[start], *_neighbours(line, start, end)
    if end - start != 2:
        return False
    if first == "’":
        return before.isalpha() and script_of(before) == "LATIN" and line[start + 1].isalpha()
    # A quote opens a word, so nothing of a word stands before it; a dash may stand between two words (``use—force``).
    opens = first in "‘“" and not before.isalnum() or first in "–—…•"
    return opens and _ascii_letter(line[start + 1]) and _ascii_letter(after)


#: Letters of Latin words in Windows-1252 that carry no marks: French œ, Danish and Norwegian æ ø,
#: German ß, Icelandic þ ð (Š Ž Ÿ carry theirs, and count as accented).
WINDOWS_1252_LETTERS_UNMARKED = frozenset("ŒœÆæØøßÞþÐð")


def _latin_in_big5(line: str, start: int, end: int) -> bool:
    """Whether a run that reads as Big5 is rather a piece of a Latin word: signs between its letters
    (:func:`_signs_between_letters`) or a letter GBK writes for pinyin, glued to the word (:func:`_gbk_latin_word`).

    Big5 reads GBK's ``¨¹`` (ü) as 邦: in ``Z¨¹rich`` on a GB18030 line that is Zürich,
    not a character inside an English word. Where the document shows Big5 elsewhere its
    own reading decides.

    >>> _latin_in_big5("so is `Z¨¹rich`.", 8, 10), _latin_in_big5("°O¾ÐÅé¤£¨¬", 0, 10)
    (True, False)
    """
    return _signs_between_letters(line, start, end) or _gbk_latin_word(line, start, end) and reads_whole(line, LEGACY_CODECS["gbk-as-latin1"])


def _signs_between_letters(line: str, start: int, end: int) -> bool:
    """Whether a run is high characters each followed by an ASCII letter, glued to a Latin word (``étudiant·e·s``).

    Big5 takes an ASCII letter as a trail byte, so French inclusive writing
    (``·e·s``) or Catalan ``l·l`` read as Big5 make ideographs (搪新). Where the
    document shows Big5 elsewhere its own reading still decides; alone, such a
    run is Latin text. Real Big5 text gives a high trail byte about half the time.

    >>> _signs_between_letters("Les étudiant·e·s sont là.", 12, 16), _signs_between_letters("pytorch°O¿ý", 7, 11)
    (True, False)
    """
    return bool(_letter_trailed_pairs(line, start, end))


def _letter_trailed_pairs(line: str, start: int, end: int) -> list[str]:
    """A run's pairs of characters if each ends with an ASCII letter and the run touches one; else none.

    The shape Latin text gives a legacy run: a high character, then a letter of the word.

    >>> _letter_trailed_pairs("cr¨¨me", 2, 4), _letter_trailed_pairs("étudiant·e·s sont", 8, 12), _letter_trailed_pairs("°O¿ý", 0, 4)
    ([], ['·e', '·s'], [])
    """
    before, after = _neighbours(line, start, end)
    pairs = [line[k : k + 2] for k in range(start, end, 2)]
    glued = _ascii_letter(before) or _ascii_letter(after)
    return pairs if glued and all(len(pair) == 2 and _ascii_letter(pair[1]) for pair in pairs) else []


def _ascii_letter(ch: str) -> bool:
    """An ASCII letter (a Latin word's, where an accented letter beside it belongs to the word).

    >>> _ascii_letter("e"), _ascii_letter("é"), _ascii_letter("7")
    (True, False, False)
    """
    return ch.isascii() and ch.isalpha()


def _neighbours(line: str, start: int, end: int) -> tuple[str, str]:
    """The characters on either side of a span of a line; a space past either end of it.

    >>> _neighbours("caf¨¦!", 3, 5), _neighbours("¨¦", 0, 2)
    (('f', '!'), (' ', ' '))
    """
    return (line[start - 1] if start else " ", line[end] if end < len(line) else " ")


def _stands_apart(line: str, start: int, end: int) -> bool:
    """Whether a span of a line has no ASCII letter or digit, nor another byte-like character, on either side.

    >>> _stands_apart("title: Í¼ %s", 7, 9), _stands_apart("25Â°C", 2, 4)
    (True, False)
    """
    before, after = _neighbours(line, start, end)
    return not any(ch.isascii() and ch.isalnum() or ch in CHAR_TO_BYTE for ch in (before, after))


def _stray_utf8(line: str, start: int, end: int, touched: list[tuple[int, int, list]]) -> bool:
    """Whether the UTF-8 readings of a span are stray characters of other scripts, or lead bytes that lost the rest, not text.

    No Chinese character among them, and standing apart: an accented letter glued
    to a Latin word (``cafÃ©``) or a sign glued to a number (``25Â°C``) is the
    Latin or UTF-8 text it looks like.

    >>> _stray_utf8("title: Î± XML", 7, 9, [(7, 9, ["α"])]), _stray_utf8("cafÃ© ", 3, 5, [(3, 5, ["é"])])
    (True, False)
    """
    items = [item for _, _, run in touched for item in run]
    return not any(isinstance(i, str) and is_cjk_text_char(i) for i in items) and _stands_apart(line, start, end)


def _chinese_utf8(items: list) -> bool:
    """Whether a UTF-8 reading is whole and holds Chinese: then it is what the bytes were."""
    return all(isinstance(i, str) for i in items) and any(is_cjk_text_char(i) for i in items)


def reads_whole(line: str, codec: str) -> bool:
    """Whether a line read as Latin-1 (or cp1252) is bytes of ``codec`` from end to end.

    >>> reads_whole("NESTL\x810\x877\x810\x853 ¡ª caf¨¦", "gb18030"), reads_whole("NESTLÉ® — café's", "gb18030")
    (True, False)
    """
    try:
        run_to_bytes(line).decode(codec)
    except (ValueError, UnicodeDecodeError):
        return False
    return True


#: Ideographs, kana, hangul and CJK and fullwidth punctuation: what :func:`is_cjk_text_char`
#: accepts but general punctuation, where cp1252 has its ``“ ” — …``.
_CHINESE = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0002ffff]")


def holds_chinese(line: str) -> bool:
    """Whether a line holds Chinese (or Japanese, Korean) text as characters, which no Latin-1 or cp1252 reading makes.

    >>> holds_chinese("正在复制可下载文件……"), holds_chinese("±¨´í “h” …")
    (True, False)
    """
    return _CHINESE.search(line) is not None


def _one_sign_repeated(run: str) -> bool:
    """Whether a run is one character four times or more (``¿¿¿¿``): somebody's marks or a rule, which GBK
    would read as one character repeated (靠靠), text no one writes; not GBK's ideographic space (A1 A1,
    ``¡¡``), which indents Chinese text.

    >>> _one_sign_repeated("¿¿¿¿¿"), _one_sign_repeated("¡¡¡¡"), _one_sign_repeated("¹þ¹þ¹þ¹þ")   # 哈哈哈哈 stays read
    (True, False, False)
    """
    return len(run) >= 4 and run[0] != "¡" and run.count(run[0]) == len(run)


def _lone_pair(line: str, start: int, end: int) -> bool:
    """A single pair of high bytes standing apart (``Í¼`` for 图 in ``title: Í¼ %s``).

    Clean Latin text writes its high characters inside words (``crème``), or
    singly beside spaces (``— ``, ``© 2024``): two of them together and alone,
    one a letter, is a legacy character. Two signs together (``×÷``, ``¹²``,
    ``¿¡``, ``··``) are somebody's notation as often: left as they are.

    >>> _lone_pair("title: Í¼ %s", 7, 9), _lone_pair("Zürich", 1, 3), _lone_pair("| ×÷ | x |", 2, 4)
    (True, False, False)
    """
    pair = line[start:end]
    return (
        end - start == 2
        and all(ord(ch) >= 0x80 for ch in pair)
        and any(unicodedata.category(ch).startswith("L") for ch in pair)
        and _stands_apart(line, start, end)
    )


def _gbk_latin_word(line: str, start: int, end: int) -> bool:
    """Whether a run is GBK (or GB18030) bytes of an accented letter of a Latin word, read as Latin-1.

    GBK writes the pinyin letters in row A8 (``¨¦`` é, ``¨¨`` è, ``¨¹`` ü),
    GB18030 other letters in four bytes (``\x810\x8a7`` ï): the letter the run
    reads as must touch an ASCII letter beside it. Latin-1 text puts no ``¨``
    between the letters of a word.

    >>> line = "`cr¨¨me` and `Z¨¹rich`, 2019¨C2020"
    >>> [_gbk_latin_word(line, m.start(), m.end()) for m in LEGACY_RUN.finditer(line)]
    [True, True, False]
    """
    before, after = _neighbours(line, start, end)
    if before in CHAR_TO_BYTE or after in CHAR_TO_BYTE or not (_ascii_letter(before) or _ascii_letter(after)):
        return False  # part of a longer run of high bytes, or beside no Latin letter
    try:
        text = run_to_bytes(line[start:end]).decode(LEGACY_CODECS["gbk-as-latin1"])
    except UnicodeDecodeError:
        return False
    return _ascii_letter(before) and is_accented_letter(text[0]) or _ascii_letter(after) and is_accented_letter(text[-1])


def shows_gbk_latin_words(line: str) -> bool:
    """Whether a line holds Latin words saved as GBK and read as Latin-1 (``cr¨¨me``, ``Z¨¹rich``),
    and is GBK (GB18030) bytes from end to end.

    >>> shows_gbk_latin_words("`cr¨¨me` and `Z¨¹rich`"), shows_gbk_latin_words("Crème fraîche, NESTLÉ® ¨¦")
    (True, False)
    >>> shows_gbk_latin_words("a¨¦b ¿Qué?")  # é? is no GBK
    False
    """
    codec = LEGACY_CODECS["gbk-as-latin1"]
    return any(_gbk_latin_word(line, m.start(), m.end()) for m in LEGACY_RUN.finditer(line)) and reads_whole(line, codec)


def _mostly_whole(items: list) -> bool:
    """Whether at least a third of a UTF-8 reading's characters are whole (GBK bytes seldom make one)."""
    whole = sum(isinstance(i, str) for i in items)
    return 2 * whole >= len(items) - whole


def _utf8_likelier(items: list, legacy: str, model: LanguageModel) -> bool:
    """Whether a UTF-8 reading beats a GBK (or Big5) reading of the same bytes.

    A whole reading always does. A damaged one competes by the language
    model's score, each damaged character counted at LOST_CHARACTER_LOGP (:func:`with_lost_characters`):
    GBK bytes make a whole character now and then (每 ``C3 BF`` reads ÿ,
    设 ``C9 E8`` and 备 ``B1 B8`` read É and 豸), seldom a likely text.
    """
    whole = "".join(i for i in items if isinstance(i, str))
    if len(whole) == len(items):
        return True
    return with_lost_characters(text_score(whole, model), len(whole), len(items) - len(whole)) >= text_score(legacy, model)


@dataclass(frozen=True)
class Fix:
    """One repaired run (or recovered character): where, and which mojibake class it was."""

    line: int
    column: int  # 1-based, in the damaged line as read (line 1's after a misread byte order mark the repair removed)
    kind: str  # utf8-as-cp1252, utf8-as-latin1, utf8-as-cp1252-twice, utf8-as-cp1251, gbk-as-latin1, big5-as-latin1, utf8-as-gbk, lost-bytes, …


@dataclass
class MojibakeReport:
    """What the mojibake repair did to one text."""

    fixes: list[Fix] = field(default_factory=list)
    unrecoverable: list[Finding] = field(default_factory=list)
    #: Damaged characters left as one U+FFFD because no candidate was sure enough (the runner-up is the best guess).
    unsure: list[Choice] = field(default_factory=list)

    runs_fixed: int = 0
    legacy_runs_fixed: int = 0
    bytes_recovered: int = 0
    characters_recovered: int = 0
    ftfy_lines: int = 0
    lossy_left: int = 0
    low_confidence: list[Choice] = field(default_factory=list)
    changed_lines: list[int] = field(default_factory=list)
    #: U+FFFD the filled slots wrote, less the U+FFFD marks their damage showed: the part of
    #: the text's change in U+FFFD that ``lossy_left`` already counted slot by slot.
    slot_marks_added: int = 0


def estimate_loss_logp(
    observed: Counter[int],
    assumed_missing: Counter[int] | None = None,
    config: RepairConfig = DEFAULT_CONFIG,
    free: frozenset[int] = ALWAYS_DROPPED,
) -> list[float]:
    # (GBK gaps use a flat table: which byte a GBK decode loses depends on its neighbour, not on its value.)
    """log P(a continuation byte vanished), for each byte value.

    ALWAYS_DROPPED bytes cost nothing. For the others the document itself is
    the evidence: how often a byte value survives (``observed``) against how
    often the last pass had to assume it lost (``assumed_missing``). Damage
    is rarely uniform (the seed's first stage lost mostly 0x80, 0x82 and
    0x9A), so each value gets its own rate, pulled towards the overall one.
    """
    assumed_missing = assumed_missing or Counter()
    # The free bytes' losses say nothing of the others': a page that dropped every soft hyphen and
    # undefined byte (cp1252's web mojibake) lost nothing else, and 运 (…90) is not 进 (…9B).
    lost_total = sum(count for b, count in assumed_missing.items() if b not in free)
    seen_total = sum(count for b, count in observed.items() if b not in free)
    overall = (lost_total + 1) / (lost_total + seen_total + 50) if lost_total else config.default_loss_rate
    table = [0.0] * 256
    free_only = FREE_ONLY in assumed_missing
    if free_only:
        overall = 0.0  # the document lost only the free bytes: every other one at the least rate (below)
    overall = min(max(overall, 0.002), 0.4)
    for b in range(0x80, 0xC0):
        if b in free:
            continue
        if free_only and b != 0xA0:
            # A reader that drops bytes wholesale keeps every other: next to nothing (仍 is not 他, 运 not 进,
            # however likelier the word). Not 0xA0, which a page may have made a space the text does not show as one.
            table[b] = FREE_ONLY_OTHER_LOGP
            continue
        lost, seen = assumed_missing[b], observed[b]
        rate = (lost + config.prior_strength * overall) / (lost + seen + config.prior_strength)
        table[b] = math.log(min(max(rate, 1e-4), 0.95))
    return table


class Fit(NamedTuple):
    """A character that could have left a damaged piece."""

    char: str
    logp: float  # its unigram log-probability
    ways: list[tuple[int, ...]]  # each way its bytes could have been lost: the lost bytes
    # The usual cases, one way of losing one or two bytes, spelt out for
    # speed: the lost bytes, -1 for none (both -1: several ways or more bytes).
    first: int
    second: int

    def channel(self, log_loss: list[float]) -> float:
        """Log-likelihood of the likeliest way, given each byte value's log loss rate (never above 0)."""
        if self.first < 0:
            return max(sum(log_loss[b] for b in lost) for lost in self.ways)
        return log_loss[self.first] if self.second < 0 else log_loss[self.first] + log_loss[self.second]


def _likelihood_order(char: str, logp: float) -> tuple[float, str]:
    """Sort key: likeliest first, ties by code point (so that runs agree)."""
    return (-logp, char)


def _likeliest_first(chars: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Characters with their unigram log-probability, likeliest first."""
    return sorted(chars, key=lambda c: _likelihood_order(*c))


def _by_lead(chars: list[tuple[str, float]]) -> dict[tuple[int, int], list[tuple[str, float, bytes]]]:
    """Plausible non-ASCII characters by (UTF-8 lead byte, continuation bytes), keeping their order."""
    table: dict[tuple[int, int], list[tuple[str, float, bytes]]] = {}
    for ch, logp in chars:
        if len(ch) == 1 and ord(ch) >= 0x80 and is_plausible_char(ch, ()):
            raw = ch.encode("utf-8")
            table.setdefault((raw[0], len(raw) - 1), []).append((ch, logp, raw[1:]))
    return table


def _lost_at(piece: Piece, fit: Fit) -> Fit | None:
    """The fit, if it lost its bytes exactly where the piece's gap is: then in that one way."""
    raw = fit.char.encode("utf-8")
    cont = raw[1:]
    at, missing, tail = piece.gap_at, piece.missing, piece.tail
    if cont[:at] != tail[:at] or cont[at + missing :] != tail[at:]:
        return None
    lost = tuple(cont[at : at + missing])
    # Big5's reader marks each byte it loses: a lead byte lost with the byte after it made no pair with that one either.
    chain = (raw[0], *lost) if piece.lead_lost and piece.codec == "big5" else lost
    if not piece.cp1252 and not all(no_gbk_pair(b, nxt, piece.codec) for b, nxt in zip(chain, (*chain[1:], piece.after)) if nxt >= 0):
        return None  # a GBK (or Big5) decode would have kept these bytes as a pair
    return Fit(fit.char, fit.logp, [lost], *lost, *(-1,) * (2 - len(lost))) if len(lost) <= 2 else Fit(fit.char, fit.logp, [lost], -1, -1)


def _matching(chars: list[tuple[str, float, bytes]], tail: bytes) -> list[Fit]:
    found = []
    for ch, logp, cont in chars:
        ways = loss_patterns(cont, tail)
        if ways:
            only = ways[0] if len(ways) == 1 and len(ways[0]) <= 2 else ()
            found.append(Fit(ch, logp, ways, *only, *(-1,) * (2 - len(only))))
    return found


class _ModelCharacters:
    """The model's characters by lead byte, likeliest first, and what fits each damaged piece.

    The same for every document, so built once per model and shared.
    """

    def __init__(self, model: LanguageModel):
        self.by_lead = _by_lead(_likeliest_first(list(model.unigram.items())))
        self.model = model

    @property
    def neighbours(self) -> tuple[dict[tuple[str, int], str], dict[tuple[str, int], str]]:
        return self.model.neighbours_by_lead

    @lru_cache(maxsize=65536)
    def matches(self, lead: int, tail: bytes, missing: int) -> tuple[Fit, ...]:
        return tuple(_matching(self.by_lead.get((lead, len(tail) + missing), []), tail))


_MODEL_CHARACTERS: dict[int, tuple[LanguageModel, _ModelCharacters]] = {}


def _model_characters(model: LanguageModel) -> _ModelCharacters:
    """The shared table of one model (held with the model, so its id stays its own)."""
    held = _MODEL_CHARACTERS.get(id(model))
    if held is None:
        held = _MODEL_CHARACTERS[id(model)] = (model, _ModelCharacters(model))
    return held[1]


class CandidateIndex:
    """Characters that could have left a damaged piece, for filling in lost bytes.

    The model's vocabulary and the document's own characters are the
    candidates; matches are memoised per piece shape, since a document repeats
    the same damaged characters (the seed loses ``：`` the same way each time).
    """

    def __init__(
        self,
        model: LanguageModel,
        document_chars: set[str],
        bonus: dict[str, float] | None = None,
        scoring: tuple[dict[str, str], frozenset[str]] = ({}, frozenset()),
    ):
        self.bonus = bonus or {}
        self.model_characters = _model_characters(model)
        # In a document written in Traditional characters a candidate is first ranked as the search will score it: as
        # its Simplified form (裝 as 装, which the model knows far better), a Simplified one that Traditional text writes
        # otherwise at a cost; and every Traditional character is one, the model's vocabulary or not. Left out, or
        # ranked by its own count, 裝 lost to 装, and 安装 was written in a Traditional file (``scoring``:
        # :func:`~errata.text.recover.traditional_scoring` of the document's characters).
        self.fold, self.written_otherwise = scoring
        self.unigram_logp = model.unigram_logp
        unknown = (document_chars | set(self.bonus)) - model.vocabulary
        traditional_forms = {ch: model.unigram_logp(simplified) for ch, simplified in self.fold.items() if ch not in model.vocabulary}
        self.extra = _by_lead(_likeliest_first([(ch, traditional_forms.get(ch, UNKNOWN_LOGP)) for ch in unknown | set(traditional_forms)]))
        self._matches: dict[tuple[int, bytes, int], list[Fit]] = {}
        self._scored: dict[tuple[tuple, int], list[tuple[str, float]]] = {}
        self._tables: dict[int, list[float]] = {}
        self._fit_maps: dict[tuple, dict[str, Fit]] = {}

    def matches(self, piece: Piece) -> list[Fit]:
        """Each character that fits the piece, likeliest first, with the ways its bytes could have been lost.

        Where the damage showed where the bytes went (``piece.gap_at``), only
        characters that lost them exactly there fit, in that one way.
        """
        shape = _shape(piece)
        found = self._matches.get(shape)
        if found is None:
            found = []
            for lead in _leads(piece):
                found += self.model_characters.matches(lead, piece.tail, piece.missing)
                extra = self.extra.get((lead, len(piece.tail) + piece.missing))
                if extra:
                    found += _matching(extra, piece.tail)
            if len(found) > 1:
                found.sort(key=lambda f: _likelihood_order(f.char, f.logp))
            if piece.gap_at >= 0:
                found = [fit for fit in map(partial(_lost_at, piece), found) if fit is not None]
            if piece.pair_lost:
                found = [fit for fit in found if no_gbk_pair(*fit.char.encode("utf-8")[1:3])]
            self._matches[shape] = found
        return found

    def candidates(self, piece: Piece, log_loss: list[float], keep: int) -> list[tuple[str, float]]:
        """The ``keep`` likeliest fitting characters by channel and unigram, with their channel.

        The channel is the log-likelihood of the likeliest way the character
        could have lost its bytes; memoised per piece shape and loss table.
        """
        key = (_shape(piece), id(log_loss))
        self._tables.setdefault(id(log_loss), log_loss)  # held, so that its id is never reused by another table
        found = self._scored.get(key)
        if found is None:
            found = self._scored[key] = self._best(self.matches(piece), log_loss, keep)
        return found

    def with_neighbours(
        self, piece: Piece, log_loss: list[float], keep: int, left: str | None, right: str | None
    ) -> list[tuple[str, float]]:
        """:meth:`candidates`, plus up to ``keep`` more on each side: the fitting characters the
        model has seen after ``left`` and before ``right``, likeliest first. A character that lost
        two bytes fits thousands, and the unigram's likeliest leave out 房 (E6 88 BF) in ``的□间``,
        which 房间 needs.
        """
        found = self.candidates(piece, log_loss, keep)
        fits = self.matches(piece)
        if len(fits) <= keep:
            return found
        by_char = self._fits_by_char(piece)
        after, before = self.model_characters.neighbours
        seen = {ch for ch, _ in found}
        added = []
        for table, neighbour in ((after, left), (before, right)):
            if neighbour is None:
                continue
            room = keep
            for ch in chain.from_iterable(table.get((neighbour, lead), "") for lead in _leads(piece)):
                fit = by_char.get(ch)
                if fit is not None and ch not in seen:
                    seen.add(ch)
                    added.append((ch, fit.channel(log_loss)))
                    room -= 1
                    if not room:
                        break
        return found + added if added else found

    def _folded_logp(self, fit: Fit) -> float:
        """A fit's unigram log-probability as a Traditional document's search scores it."""
        ch = fit.char
        simplified = self.fold.get(ch)
        if simplified is not None:
            return max(fit.logp, self.unigram_logp(simplified))
        return fit.logp + (SIMPLIFIED_IN_TRADITIONAL_LOGP if ch in self.written_otherwise else 0.0)

    def _fits_by_char(self, piece: Piece) -> dict[str, Fit]:
        shape = _shape(piece)
        found = self._fit_maps.get(shape)
        if found is None:
            found = self._fit_maps[shape] = {fit.char: fit for fit in self.matches(piece)}
        return found

    def _best(self, fits: list[Fit], log_loss: list[float], keep: int) -> list[tuple[str, float]]:
        bonus, fold = self.bonus, self.fold
        kept: list[tuple[float, int, str, float]] = []  # min-heap of (score, -rank, character, channel)
        for rank, fit in enumerate(fits):
            # Fits come likeliest first and a channel is never above 0: once the
            # unigram alone cannot beat the worst kept score, nothing later can.
            if not bonus and not fold and len(kept) == keep and fit.logp <= kept[0][0]:
                break
            channel = fit.channel(log_loss)
            logp = fit.logp if not fold else self._folded_logp(fit)
            score = channel + logp + (bonus.get(fit.char, 0.0) if bonus else 0.0)
            entry = (score, -rank, fit.char, channel)  # an equal score: the likelier character first
            if len(kept) < keep:
                heapq.heappush(kept, entry)
            elif entry > kept[0]:
                heapq.heapreplace(kept, entry)
        return [(ch, channel) for _, _, ch, channel in sorted(kept, reverse=True)]


#: The lead bytes a character that lost its own may have had: those of three-byte characters (CJK among them).
LOST_LEADS = tuple(range(0xE0, 0xF0))


def _shape(piece: Piece) -> tuple:
    """What decides which characters fit a piece (a lost lead byte is lead 0): the key their lists are kept by."""
    return (piece.lead, piece.tail, piece.missing, piece.gap_at, piece.after, piece.cp1252, piece.pair_lost, piece.codec)


def _leads(piece: Piece) -> tuple[int, ...]:
    """The lead bytes a piece may have had: its own, or any three-byte one where it was lost."""
    return LOST_LEADS if piece.lead_lost else (piece.lead,)


def _line_indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def line_role(lines: list[str], index: int) -> str:
    """What a line does in its Markdown: ``"label"`` introduces what follows, ``"paragraph"`` ends a paragraph.

    >>> line_role(["- 详细报错信息：", "    ```python"], 0)
    'label'
    >>> line_role(["所谓inplace就是直接修改值。", ""], 0)
    'paragraph'
    """
    this = lines[index]
    if this.endswith("  ") and this.strip():
        return "label"  # a hard break after it
    content_indent = _line_indent(this) + (2 if this.lstrip().startswith(("- ", "* ", "+ ")) else 0)
    if index + 1 == len(lines) or not lines[index + 1].strip():
        return "paragraph"
    nxt = lines[index + 1]  # only the next line says: no slice of the rest (a file of 100,000 lines asks for each)
    if nxt.strip().startswith(("```", "~~~")) or _line_indent(nxt) > content_indent:
        return "label"
    return "other"


def repair_mojibake(
    text: str,
    model: LanguageModel | None = None,
    config: RepairConfig = DEFAULT_CONFIG,
    lost_bytes: tuple[tuple[int, int, int], ...] = (),
    crlf_converted: bool = False,
) -> tuple[str, MojibakeReport]:
    """Undo mojibake in a whole text; returns the text and what was done.

    >>> repair_mojibake("详细信息：")[0]
    '详细信息：'
    >>> repair_mojibake("# è¯¦ç»†æŠ¥é”™ä¿¡æ¯ï¼š")[0]
    '# 详细报错信息：'

    ``lost_bytes``: where the decode found raw UTF-8 characters short of bytes
    (:attr:`~errata.text.encoding.DecodedText.lost_bytes`); damage in any document.
    ``crlf_converted``: the text's line ends were CR LF, made LF by the decode (a byte
    a greedy GBK reader swallowed at a line end was then a CR, gone with the rest).

    >>> repair_mojibake("他用微ä¿发了消息。", lost_bytes=((1, 3, 5),))[0]
    '他用微信发了消息。'

    A reading of 古文码 as Windows-1252 or Latin-1 undone leaves the 古文码, which is read in turn:

    >>> guwen = "# 编译失败，显存不够。".encode().decode("gbk", "replace")  # ``# 缂栬瘧澶辫触锛屾樉瀛樹笉澶熴��``
    >>> repair_mojibake(guwen.encode().decode("cp1252", "replace"))[0]
    '# 编译失败，显存不够。'
    """
    if text.isascii():
        return text, MojibakeReport()
    model = model or load_model()
    fixed, report = _repair_one_reading(text, model, config, lost_bytes, crlf_converted)
    if _undid_a_single_byte_reading(report) and reads_back_as_chinese(fixed):
        fixed, report = _read_inner(_outer_reading_whole(text, fixed), fixed, report, model, config, crlf_converted)
    return fixed, report


def _outer_reading_whole(text: str, fixed: str) -> str:
    """``fixed`` (a repair that undid a single-byte reading of 古文码) with each line where ftfy undoes more of that
    reading taken as ftfy reads it: the repair leaves a run whose reading is 古文码 as it stands where the model finds
    it unlikely Chinese (``æ¶“å¶…ç“¨`` after ``%r``), which here is what the run is. A line ftfy reads as more Chinese
    characters, and that reads back as Chinese itself, is that reading undone whole.

    >>> guwen = "不存在链接".encode().decode("gbk", "replace")  # ``涓嶅瓨鍦ㄩ摼鎺�``
    >>> as_read = "%r " + guwen.encode().decode("latin-1")
    >>> _outer_reading_whole(as_read, as_read) == "%r " + guwen
    True
    """
    read, mine = text.split("\n"), fixed.split("\n")
    if len(read) != len(mine):
        return fixed
    out = []
    for as_read, repaired in zip(read, mine):
        theirs = _ftfy_reading(as_read)
        better = theirs is not None and _chinese_count(theirs) > _chinese_count(repaired) and reads_back_as_chinese(theirs)
        out.append(theirs if better else repaired)
    return "\n".join(out)


def _chinese_count(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def _undid_a_single_byte_reading(report: MojibakeReport) -> bool:
    """Whether a repair undid UTF-8 read in a single-byte code page (Windows-1252, Latin-1, …; once or twice)."""
    return any(fix.kind.startswith("utf8-as-") and fix.kind not in CJK_READING_KINDS and fix.kind != TWICE_KIND for fix in report.fixes)


def _read_inner(
    outer: str, fixed: str, report: MojibakeReport, model: LanguageModel, config: RepairConfig, crlf_converted: bool
) -> tuple[str, MojibakeReport]:
    """The 古文码 a repair of a single-byte reading left (``outer``: :func:`_outer_reading_whole` of ``fixed``, the
    repair's text), read where the language model likes the result better than ``fixed``. Both readings' fixes are
    reported on the lines they stand on (the inner ones' columns are the first reading's text's); what is
    unrecoverable or unsure is the inner repair's, asked of the text it left."""
    again, inner = _repair_one_reading(outer, model, config, (), crlf_converted)
    if not any(fix.kind in CJK_READING_KINDS or fix.kind == TWICE_KIND for fix in inner.fixes) or text_score(again, model) <= text_score(fixed, model):
        return fixed, report
    inner.fixes = sorted(report.fixes + inner.fixes, key=lambda fix: (fix.line, fix.column))
    inner.low_confidence = report.low_confidence + inner.low_confidence
    for name in ("runs_fixed", "legacy_runs_fixed", "bytes_recovered", "characters_recovered", "ftfy_lines"):
        setattr(inner, name, getattr(report, name) + getattr(inner, name))
    inner.changed_lines = sorted(set(report.changed_lines) | set(inner.changed_lines))
    return again, inner


def _repair_one_reading(
    text: str, model: LanguageModel, config: RepairConfig, lost_bytes: tuple[tuple[int, int, int], ...], crlf_converted: bool
) -> tuple[str, MojibakeReport]:
    """:func:`repair_mojibake`, one reading undone (or 古文码 read twice)."""
    as_read = text
    # A heading's first ``#`` went with the mark only where the document shows a greedy reader's marks.
    text, bom_kind = misread_bom(text, lambda rest: marks_took_the_spaces(rest.split("\n")))
    mark = len(as_read) - len(text)
    known_lost = spans_without_the_mark(lost_bytes, mark)  # the decode counted the mark; these lines do not hold it
    # Another code page's 符号码 (``дЅїз”Ё``) is spelt as Windows-1252's, one character for one, and read as that.
    respelling = spelt_as_cp1252(text, model)
    fixed, report = _repair_read_text(respelling.text, model, config, known_lost, crlf_converted, respelling.code_page, respelt=respelling.respelt)
    if respelling.spans:
        if unread := respelling.unread(report.fixes):
            # A part 符号码's reader would not take (a letter alone beside a sign) stays as it was.
            respelling = spelt_as_cp1252(text, model, leave=unread)
            fixed, report = _repair_read_text(respelling.text, model, config, known_lost, crlf_converted, respelling.code_page, respelt=respelling.respelt)
        report.fixes = respelling.named(report.fixes)
    elif (peeled := peel(text)) is not None:
        # 古文码 read as GBK twice (``閸旂喕鍏`` for 功能): its outer reading peeled off, the rest read as 古文码 is.
        fixed, report = _read_twice(peeled, fixed, report, model, config, known_lost, crlf_converted)
    # Fixes say where the damage stood in the file as read: on line 1, after the mark the repair removed.
    report.fixes = ([Fix(1, 1, bom_kind)] if bom_kind else []) + after_the_mark(report.fixes, mark)
    # A byte order mark a reading gave back (the first line's 古文码 began with it) goes, as the decode drops one.
    return (fixed[1:] if fixed.startswith(BOM) and not text.startswith(BOM) else fixed), report


def _repair_read_text(
    text: str,
    model: LanguageModel,
    config: RepairConfig,
    lost_bytes: tuple[tuple[int, int, int], ...],
    crlf_converted: bool,
    code_page: CodePage = WINDOWS_1252,
    paired_by: list[str] | None = None,
    respelt: Callable[[int, int], bool] | None = None,
    lost_later: bool = False,
) -> tuple[str, MojibakeReport]:
    """:func:`repair_mojibake` of a text without a misread byte order mark, any other code page's 符号码
    respelt as Windows-1252's; ``code_page``: the one its single-byte mojibake was read in; ``respelt``:
    whether a line's column stands in a part so respelt (:meth:`~errata.text.codepages.Respelling.respelt`);
    ``paired_by``: the lines that tell whether a greedy reader made its 古文码 (the text's own, by default);
    ``lost_later``: its marks stand for pairs a later reading lost, not pairs the reader could not map."""
    report = MojibakeReport()
    lines = text.split("\n")
    known = known_damage(lines, lost_bytes)
    # A greedy reader's document is read so throughout; elsewhere each line takes the reading that makes sense of more of it.
    # Not 古文码 read twice with U+FFFD for marks (``lost_later``): Python's, Java's and code page 936's readers keep the
    # byte they cannot pair, and only the outer reading's cuts stand for two bytes (a space was put back after ``录 ``).
    telling = lines if paired_by is None else paired_by
    greedy = reads_paired(telling, model, config) and not (lost_later and marks_are_replacement_characters(telling))
    paired = True if greedy else None
    # Where the document shows a no-break space turned plain inside a character, it did so throughout.
    misread = shows_misread_bytes(text)
    # The passes below read a line again with more of the document known: what a line's bytes read as is the same each time.
    _decode_line = partial(_decode_document_line, nbsp=shows_plain_nbsp(text, model), misread=misread, memo=LineReadings())
    decoded = [_decode_line(line, model, config, known=runs, paired=paired) for line, runs in zip(lines, known)]
    decoded = _without_latin_words_alone(lines, decoded)
    if kinds := Counter(run.kind for runs, _ in decoded for run in runs if run.kind in CJK_READING_KINDS):
        # Likewise single characters read as GBK (``鍦–om`` for 在Com) in a document that shows 古文码.
        shown = frozenset(kinds)  # only the readings the first pass found: 體。 of clean Traditional text is no Shift-JIS 铁B
        decoded = [
            _decode_line(line, model, config, single=True, known=own, paired=paired, readings=shown) if not runs else (runs, confirmed)
            for line, (runs, confirmed), own in zip(lines, decoded, known)
        ]
        # And an accented letter's two bytes, read as one character inside a Latin word (``na茂ve``).
        reading = kinds.most_common(1)[0][0]
        decoded = [_with_latin_letters(line, found, reading) for line, found in zip(lines, decoded)]
    single = config._replace(legacy_min_bytes=2)
    if config.legacy_min_bytes > 2 and any(run.kind in LEGACY_KINDS for runs, _ in decoded for run in runs):
        # A document that shows GBK (or Big5) read as Latin-1 shows it in single
        # characters too (``µÄ`` for 的 between ASCII words).
        decoded = [
            _decode_line(line, model, single, known=own, paired=paired, legacy_shown=True) if LEGACY_RUN.search(line) else found
            for line, found, own in zip(lines, decoded, known)
        ]
        # Then the document's codec reads every pair of high bytes on the lines that
        # show it (on every line where that is all the document shows): 模組 not
        # GBK's 家舱 in a Big5 document, symbols (¡Ý ≥) and GB18030's four-byte forms.
        document = (document_legacy_kind(decoded), wholly_legacy(decoded))
        decoded = [
            _decode_line(line, model, single, document=document, known=own, paired=paired, legacy_shown=True)
            if LEGACY_RUN.search(line) and (document[1] or any(run.kind in LEGACY_KINDS for run in runs))
            else (runs, confirmed)
            for line, (runs, confirmed), own in zip(lines, decoded, known)
        ]
    if document_legacy_kind(decoded) in (None, "gbk-as-latin1"):
        # Latin words saved as GBK show GBK's pinyin letters (cr¨¨me, Z¨¹rich): such a
        # line is GBK, every pair on it read so (— ``¡ª``, NESTLÉ® in GB18030's four bytes).
        # Not in a Big5 document, where ``¨¹`` is 邦.
        gbk_line = ("gbk-as-latin1", True)
        decoded = [
            _decode_line(line, model, single, document=gbk_line, known=own, paired=paired) if shows_gbk_latin_words(line) else found
            for line, found, own in zip(lines, decoded, known)
        ]
    # A lone fragment (``å`` between ASCII words) is only damage in a document
    # that is demonstrably mojibake; in a clean one it is somebody's Latin text.
    mojibake_document = any(confirmed for _, confirmed in decoded)
    if mojibake_document or any(run.kind in LEGACY_KINDS for runs, _ in decoded for run in runs):
        # So is a lone pair of high bytes that reads as nothing else (``Í¼`` for 图; as UTF-8 the archaic Greek ͼ).
        kind = document_legacy_kind(decoded) or "gbk-as-latin1"  # GBK, the commoner, where the document shows neither
        decoded = [_with_lone_pairs(line, found, model, config, kind) for line, found in zip(lines, decoded)]
    if lost_later:
        decoded = [([_without_pair_rules(run) for run in runs], confirmed) for runs, confirmed in decoded]
    if not _KEPT_BY_PYTHON_S_CODE_PAGE_932.search(text) and any(run.kind == "utf8-as-shift-jis" for runs, _ in decoded for run in runs):
        decoded = [([_read_by_java(run) for run in runs], confirmed) for runs, confirmed in decoded]
    swallowed: dict[int, list[int]] = {}  # line number → where in its items a swallowed byte stood
    line_items = [
        _line_items(line, runs, number, mojibake_document, report, swallowed)
        for number, (line, (runs, _)) in enumerate(zip(lines, decoded), start=1)
    ]
    # Only a line with runs can hold a slot: the others are not walked character by character.
    slots = [item for items, (runs, _) in zip(line_items, decoded) if runs for item in items if isinstance(item, Slot)]
    if slots:
        _recover_lost_bytes(line_items, slots, lines, model, report, config, code_page, respelt)
    if swallowed and paired:
        _restore_swallowed(line_items, swallowed, crlf_converted or _crlf(lines), crlf_converted, report, not keeps_line_ends(lines))
    legacy_lines = {number for number, (runs, _) in enumerate(decoded, start=1) if any(run.kind in LEGACY_KINDS for run in runs)}
    fixed = _join_lines(text, lines, line_items, model, report, _lines_ftfy_may_read(lines, decoded), legacy_lines, misread)
    return fixed, report


#: What Python's (and Windows') code page 932 makes of bytes Java's decoders mark as lost (:data:`MARKED_BY_JAVA_S_SHIFT_JIS`):
#: U+0080, and private-use characters for 0xA0 and 0xFD–0xFF. A Shift-JIS reading of Chinese that shows none of them
#: (一, E4 B8 80, is in most notes) was Java's.
_KEPT_BY_PYTHON_S_CODE_PAGE_932 = re.compile("[\x80\uf8f0-\uf8f3]")


def _read_by_java(run: DecodedRun) -> DecodedRun:
    """A Shift-JIS reading's run with its marks read as Java's (:data:`~errata.text.bytemap.JAVA_S_SHIFT_JIS`): a mark
    may stand for 一's 0x80 too (real sets 27 and 28: ``一`` came back as ``万``, ``所`` as ``扇``)."""
    if run.kind != "utf8-as-shift-jis":
        return run
    items = [replace(item, codec=JAVA_S_SHIFT_JIS) if isinstance(item, Piece) and item.codec == "cp932" else item for item in run.items]
    return replace(run, items=items)


def _without_pair_rules(run: DecodedRun) -> DecodedRun:
    """The run with its pieces' GBK pair rules lifted: in the inner 古文码 of a text read twice, a mark
    stands for a pair of bytes the outer reading cut, which any two bytes may have been, not for one the
    inner reader could not map."""
    return replace(run, items=without_gbk_pair_rules(run.items))


#: A character of a CJK script: an ideograph, kana or a hangul syllable. Unlike _CHINESE, no punctuation nor
#: full-width forms: what is asked is whether a reading gave a script's characters (``锛`` is ：, a sign).
_CJK_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3]")


#: The single-byte code pages ftfy reads UTF-8 mojibake in (besides Windows-1252 and Latin-1, which CHAR_TO_BYTE holds).
_FTFY_CODE_PAGES = ("cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "iso8859_2", "mac_roman", "cp437")


def _lines_ftfy_may_read(lines: list[str], decoded: list[tuple[list[DecodedRun], bool]]) -> list[bool] | None:
    """Which lines ftfy may read unguarded (:func:`_ftfy_trusted`): those where the repair read no
    Chinese (nor Japanese, nor Korean) and that hold none, in a text that shows no 拼音码 only a legacy
    code page explains. ``None`` where the text shows such 拼音码: there ftfy's readings stay guarded.

    A legacy reading of bytes that are whole UTF-8 is no evidence of Chinese on its own: Vietnamese
    ``Cáº¤P`` is Big5's 廕匕 as well as UTF-8's CẤP, Hebrew ``×©×§×¨`` GBK's 砖拽专 as well as UTF-8's
    שקר. Where nothing else on a line is Chinese, ftfy's reading of it is the likelier.

    >>> _lines_ftfy_may_read(["ÎÒÃÇ"], [([DecodedRun(0, 4, list("我们"), 2, "gbk-as-latin1")], False)]) is None
    True
    >>> vietnamese = ([DecodedRun(1, 5, list("廕匕"), 2, "big5-as-latin1")], False)
    >>> _lines_ftfy_may_read(["Cáº¤P", "ok"], [vietnamese, ([], False)])
    [True, True]

    Beside Chinese read elsewhere such a reading stands (a GBK title over a body of 符号码), and so does
    every line that reads Chinese:

    >>> _lines_ftfy_may_read(["Cáº¤P", "æˆ‘", "ok"], [vietnamese, ([DecodedRun(0, 3, ["我"], 1)], True), ([], False)])
    [False, False, True]
    """
    reads_cjk, legacy = [], []
    for line, (runs, _) in zip(lines, decoded):
        read = has_legacy = False
        around: _BeyondAscii | None = None  # built for lines that have a legacy run at all
        for run in runs:
            if run.kind in LEGACY_KINDS:
                around = around or _BeyondAscii(line)
                if not around.whole_utf8(run.start, run.end):
                    return None
                has_legacy = True
            elif any(_cjk_item(item) for item in run.items):
                read = True
        reads_cjk.append(read)
        legacy.append(has_legacy)
    # Beside Chinese read elsewhere, a legacy reading of whole UTF-8 stands (a GBK title over a body of 符号码).
    chinese = any(reads_cjk)
    return [not read and not (chinese and has_legacy) and not _CJK_SCRIPT.search(line) for line, read, has_legacy in zip(lines, reads_cjk, legacy)]


def _cjk_item(item: object) -> bool:
    """Whether an item of a run is a CJK character, read whole or short of bytes (a lead byte E3–E9 with a
    continuation byte after it: kana and the ideographs, what a Chinese character that lost a byte is);
    not a swallowed byte's place (:data:`~errata.text.cjk_reading.SWALLOWED`).

    >>> _cjk_item("中"), _cjk_item("é"), _cjk_item(Piece(0xE7, b"\\xb6", 1)), _cjk_item(Piece(0xC5, b"", 1))
    (True, False, True, False)
    """
    if isinstance(item, str):
        return bool(_CJK_SCRIPT.match(item))
    return isinstance(item, Piece) and 0xE3 <= item.lead <= 0xE9 and bool(item.tail)


class _BeyondAscii:
    """A line's stretches of characters beyond ASCII, to ask whether a legacy run, with the stretch on either
    side of it (a reading may start inside a character; a no-break space is byte A0, the last of Georgian
    ვ's three), is whole UTF-8. Each stretch is spelt once: a hostile line of a hundred thousand runs in
    one stretch would have spelt it once a run.

    >>> around = _BeyondAscii("x à®¤à®µ y")
    >>> around.span(4, 8), around.whole_utf8(4, 8)
    ((2, 8), True)
    """

    def __init__(self, line: str):
        self.line = line
        self.stretches = [m.span() for m in _BEYOND_ASCII.finditer(line)]
        self.starts = [start for start, _ in self.stretches]
        self.verdicts: dict[tuple[int, int], bool] = {}

    def _stretch_holding(self, at: int) -> tuple[int, int] | None:
        k = bisect_right(self.starts, at) - 1
        return self.stretches[k] if k >= 0 and self.stretches[k][0] <= at < self.stretches[k][1] else None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """``start``–``end`` with the characters beyond ASCII on either side of it."""
        before, after = self._stretch_holding(start - 1) if start else None, self._stretch_holding(end)
        return (before[0] if before else start), (after[1] if after else end)

    def whole_utf8(self, start: int, end: int) -> bool:
        """:func:`_whole_utf8` of the span around ``start``–``end``, once per span."""
        span = self.span(start, end)
        if span not in self.verdicts:
            self.verdicts[span] = _whole_utf8(self.line[span[0] : span[1]])
        return self.verdicts[span]


#: A stretch of characters beyond ASCII.
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]+")


def _whole_utf8(run: str) -> bool:
    """Whether a run of byte-like characters is UTF-8 read byte by byte: its bytes decode, a character beyond
    ASCII among them. Read as Windows-1252 or Latin-1, a sequence may be short of the continuation bytes a
    reader dropped or marked U+FFFD (Hindi's virama, E0 A5 8D, loses its 8D), where whole characters of
    another script than Chinese are as many at least: GBK's 设备, ``Éè±¸``, is UTF-8's 豸 after a lead
    byte short of its own. Read through another code page ftfy reads, each is whole (eight code pages would make
    some short GBK of a title UTF-8 short of a byte: ``ÏÔ´æ`` for 显存).

    >>> _whole_utf8("áº¤"), _whole_utf8("ÎÒÃÇ"), _whole_utf8("abc"), _whole_utf8("à¤•à¥à¤›"), _whole_utf8("à¥\ufffdà¤›")
    (True, False, False, True, True)
    >>> _whole_utf8("ÏÔ´æ"), _whole_utf8("Ô´Âë"), _whole_utf8("Éè±¸")
    (False, False, False)
    """
    try:
        whole, short = _utf8_sequences(run_to_bytes(run.replace("\ufffd", "")))
        if whole and not short or short and short <= sum(not _CJK_SCRIPT.match(ch) for ch in whole):
            return True
    except ValueError:
        pass
    for codec in _FTFY_CODE_PAGES:
        try:
            if not run.encode(codec, errors=sloppy(codec)).decode("utf-8").isascii():
                return True
        except (ValueError, UnicodeError):
            continue
    return False


def _utf8_sequences(data: bytes) -> tuple[str, int]:
    """The characters beyond ASCII that UTF-8 sequences in ``data`` make whole, and how many sequences are
    short of continuation bytes; ValueError where the bytes are no UTF-8 so damaged (a continuation byte
    no sequence holds, a byte no sequence starts with).

    >>> _utf8_sequences("क्छ".encode()), _utf8_sequences(bytes.fromhex("e0a495 e0a5 e0a49b")), _utf8_sequences("我们".encode("gbk"))
    (('क्छ', 0), ('कछ', 1), ('', 4))
    >>> _utf8_sequences("啊".encode("gbk"))
    Traceback (most recent call last):
    ...
    ValueError: byte 0xb0 at 0 starts no UTF-8 sequence
    """
    whole, short = [], 0
    at = 0
    while at < len(data):
        length = utf8_length(data[at])
        if length == 1:
            at += 1
            continue
        if length == 0:
            raise ValueError(f"byte {data[at]:#04x} at {at} starts no UTF-8 sequence")
        end = at + 1
        while end < len(data) and end - at < length and 0x80 <= data[end] <= 0xBF:
            end += 1
        if end - at == length:
            whole.append(data[at:end].decode("utf-8"))  # UnicodeDecodeError (a ValueError): an overlong form, a surrogate
        else:
            short += 1
        at = end
    return "".join(whole), short


def _read_twice(
    peeled: Peeled,
    fixed: str,
    report: MojibakeReport,
    model: LanguageModel,
    config: RepairConfig,
    lost_bytes: tuple[tuple[int, int, int], ...],
    crlf_converted: bool,
) -> tuple[str, MojibakeReport]:
    """The repair of a text whose lines :func:`~errata.text.twice.peel` read back once, where the language
    model likes it better than ``fixed`` (the text's repair as it was); its fixes where the damage stood.

    Every peeled line gets a fix of the class ``utf8-as-gbk-twice``: its 古文码 fixes are named so, and a line
    whose inner reading the 古文码 reader left as it was changed all the same.
    """
    if lost_bytes:
        # Characters the decode found short of bytes are raw UTF-8 that lost bytes, not 古文码 (whose every
        # byte the decode read): a text that shows them is not read twice.
        return fixed, report
    # Whether a greedy reader made the 古文码 is told by the lines as read: in the peeled ones, a character
    # the outer reading cut is one mark for two bytes, as a greedy reader's, and lines read once beside
    # them would be read as a greedy reader's too (a space put into 可能会中断).
    # The byte order mark read twice is read once now (``锘`` and a mark): it goes, as misread_bom takes it.
    inner, bom_kind = misread_bom(peeled.text)
    mark = len(peeled.text) - len(inner)
    again, again_report = _repair_read_text(inner, model, config, (), crlf_converted, paired_by=list(peeled.lines_as_read), lost_later=True)
    if text_score(again, model) <= text_score(fixed, model):
        return fixed, report
    fixes = [renamed_fix(fix, peeled, TWICE_KIND) for fix in after_the_mark(again_report.fixes, mark) + ([Fix(1, 1, bom_kind)] if bom_kind else [])]
    named = {fix.line for fix in fixes if fix.kind == TWICE_KIND}
    for number, row in enumerate(peeled.rows, start=1):
        if row.reading is not None and row.offset == 0 and row.source + 1 not in named:
            first = next((i for i, ch in enumerate(row.reading.text) if not ch.isascii()), 0)
            fixes.append(Fix(*peeled.as_read(number, first + 1), TWICE_KIND))
            named.add(row.source + 1)
    again_report.fixes = sorted(fixes, key=lambda fix: (fix.line, fix.column))
    again_report.low_confidence = [_choice_as_read(choice, peeled, mark) for choice in again_report.low_confidence]
    again_report.unsure = [_choice_as_read(choice, peeled, mark) for choice in again_report.unsure]
    return again, again_report


def _choice_as_read(choice: Choice, peeled: Peeled, mark: int) -> Choice:
    """A recovered character of the peeled text (read without a misread byte order mark of ``mark``
    characters), placed where its damage stood in the text as read."""
    slot = choice.slot
    column = slot.origin or slot.column
    line, column = peeled.as_read(slot.line, column + mark if slot.line == 1 else column)
    return replace(choice, slot=replace(slot, line=line, column=column, origin=column))


BOM = "\ufeff"
#: The UTF-8 byte order mark (EF BB BF) at a text's start as code pages read it: Windows-1252 and
#: Latin-1 make ``ï»¿`` of it (twice over, ``Ã¯Â»Â¿``), Windows-1251 ``п»ї``; GBK and GB18030 read EF BB as 锘 and BF as
#: the lead byte of a pair with the byte after it, which leaves a mark where that byte cannot end a pair.
_BOM_AS_SINGLE_BYTE = (("ï»¿", "utf8-as-cp1252"), ("Ã¯Â»Â¿", "utf8-as-cp1252-twice"), ("п»ї", "utf8-as-cp1251"))
_BOM_AS_GBK = "锘"


def misread_bom(text: str, greedy: Callable[[str], bool] | None = None) -> tuple[str, str | None]:
    """``text`` without the byte order mark misread at its start, and the mojibake class of that
    reading (``None`` where there is none). Windows' editors start UTF-8 files with a mark; read
    in another code page it becomes text before the first line (and a front matter no longer parses).

    >>> misread_bom("ï»¿# 标题"), misread_bom("锘�---"), misread_bom("锘縶}"), misread_bom("锘# 标题")
    (('# 标题', 'utf8-as-cp1252'), ('---', 'utf8-as-gbk'), ('{}', 'utf8-as-gbk'), ('# 标题', 'utf8-as-gbk'))

    A greedy reader's mark stands for BF and the byte after it (see :func:`_swallowed_first_byte`).
    Where BF paired with the lead byte of the first character, the whole line is
    古文码, left to its reading (which gives the mark back, and the repair drops it):

    >>> misread_bom("锘?--\\ntitle: 甲"), misread_bom("锘挎樉瀛"), misread_bom("锘是元素")
    (('---\\ntitle: 甲', 'utf8-as-gbk'), ('锘挎樉瀛', None), ('锘是元素', None))

    ``greedy``: whether the text after the mark shows a greedy reader's marks (:func:`marks_took_the_spaces`), asked
    only where the byte it swallowed may have been a heading's ``#``.
    """
    for reading, kind in _BOM_AS_SINGLE_BYTE:
        if text.startswith(reading):
            return text[len(reading) :], kind
    if not text.startswith(_BOM_AS_GBK):
        return text, None
    rest = text[len(_BOM_AS_GBK) :]
    following = rest[:1]
    if following in ("\ufffd", "?"):  # BF could not pair with the next byte
        return _swallowed_first_byte(rest[1:], greedy), "utf8-as-gbk"
    if following == "" or following.isascii():  # BF dropped without a mark (``errors="ignore"``, ``iconv -c``)
        return rest, "utf8-as-gbk"
    try:
        pair = following.encode("gbk")
    except UnicodeEncodeError:
        return text, None
    if len(pair) == 2 and pair[0] == 0xBF and pair[1] < 0x80:  # BF paired with an ASCII byte: 縶 for BF and {
        return chr(pair[1]) + rest[1:], "utf8-as-gbk"
    return text, None


def after_the_mark(fixes: list[Fix], mark: int) -> list[Fix]:
    """The fixes with line 1's columns counted after a misread byte order mark of ``mark`` characters
    (what :func:`misread_bom` took off: the repair finds them in the text without it).

    >>> after_the_mark([Fix(1, 3, "gbk-as-latin1"), Fix(2, 3, "gbk-as-latin1")], 3)
    [Fix(line=1, column=6, kind='gbk-as-latin1'), Fix(line=2, column=3, kind='gbk-as-latin1')]
    """
    return [Fix(1, fix.column + mark, fix.kind) if fix.line == 1 else fix for fix in fixes]


def spans_without_the_mark(spans: tuple[tuple[int, int, int], ...], mark: int) -> tuple[tuple[int, int, int], ...]:
    """The decode's spans of lost bytes (line, start, end), which count in the file as read, counted
    without a misread byte order mark of ``mark`` characters on line 1 (a span in the mark is left out).

    >>> spans_without_the_mark(((1, 6, 8), (2, 6, 8), (1, 1, 2)), 3)
    ((1, 3, 5), (2, 6, 8))
    """
    return tuple((1, start - mark, end - mark) if line == 1 else (line, start, end) for line, start, end in spans if line > 1 or start >= mark)


def _swallowed_first_byte(rest: str, greedy: Callable[[str], bool] | None = None) -> str:
    """The text after a greedy reader's mark for the BOM's last byte, with the first byte it swallowed put
    back where what is left shows it: a front matter's first dash (``--``), a heading's ``#`` (`` 标题``),
    a script's ``#!`` (``!/usr/bin/env``). A standard reader keeps that byte (``---``, ``# 标题``), and
    nothing is added; where the rest is a heading, only the document tells whose mark it is (``greedy``):
    a greedy reader took the first ``#`` of ``## 标题``.

    >>> _swallowed_first_byte("--\\ntitle: 甲"), _swallowed_first_byte(" 标题"), _swallowed_first_byte("!/bin/sh")
    ('---\\ntitle: 甲', '# 标题', '#!/bin/sh')
    >>> _swallowed_first_byte("# 标题"), _swallowed_first_byte("# 标题", greedy=lambda rest: True)
    ('# 标题', '## 标题')
    """
    if re.match(r"--\r?\n", rest):
        return "-" + rest
    if re.match(r" \S|!/", rest) or (re.match(r"#{1,5} \S", rest) and greedy is not None and greedy(rest)):
        return "#" + rest
    return rest


def known_damage(lines: list[str], lost_bytes: tuple[tuple[int, int, int], ...]) -> list[list[DecodedRun]]:
    """Each line's runs of raw UTF-8 characters short of bytes, where the decode found them
    (:attr:`~errata.text.encoding.DecodedText.lost_bytes`); a span that does not hold such
    characters (the text changed since) is left out.

    >>> [[(run.start, run.end, run.kind) for run in runs] for runs in known_damage(["ok", "微ä¿发"], ((2, 1, 3),))]
    [[], [(1, 3, 'lost-bytes')]]
    """
    known: list[list[DecodedRun]] = [[] for _ in lines]
    for number, start, end in lost_bytes:
        span = lines[number - 1][start:end] if 0 < number <= len(lines) else ""
        # With the marks a tool wrote for lost bytes, inside a character or after it (``E7 8E ?`` for 环): those were seen.
        units = [ch if ch in GAP_MARKS else CHAR_TO_BYTE.get(ch, -1) for ch in span]
        pieces = marked_characters(units) if span and -1 not in units else None
        if pieces:
            known[number - 1].append(DecodedRun(start, end, list(pieces), 0, LOST_BYTES))
    return known


def _decode_document_line(
    line: str,
    model: LanguageModel,
    config: RepairConfig,
    single: bool = False,
    document: tuple[str, bool] | None = None,
    known: list[DecodedRun] | None = None,
    paired: bool | None = None,
    nbsp: bool = False,
    misread: bool = False,
    legacy_shown: bool = False,
    readings: frozenset[str] | None = None,
    memo: LineReadings | None = None,
) -> tuple[list[DecodedRun], bool]:
    """The line's runs read as UTF-8 (or GBK/Big5), and whether any is confirmed Chinese mojibake.

    ``known``: runs of the line the decode found (:func:`known_damage`); no reading
    overlaps them (``ä¿”`` where 信 lost a byte before a quote is no 俔). ``nbsp``: the
    document turned its no-break spaces plain (:func:`shows_plain_nbsp`). ``legacy_shown``: the
    document shows GBK, Big5 or Shift-JIS read as Latin-1 on other lines (see :func:`_legacy_runs`). ``readings``: the
    only kinds of :func:`~errata.text.cjk_reading.cjk_reading_runs` tried (a document's second pass: those its first found).
    ``memo``: the document's readings so far (:class:`LineReadings`).
    """
    if not known and line.isascii():
        return [], False  # every reading below reads characters past ASCII: code, blank lines, English
    known = known or []
    memo = memo or LineReadings()
    utf8 = memo.utf8_runs(line, model.vocabulary, nbsp, misread or None)
    known_spans = Spans((run.start, run.end) for run in known) if known else None
    if known_spans:
        utf8 = [(start, end, items) for start, end, items in utf8 if known_spans.clear_of(start, end)]
    legacy = _legacy_runs(line, utf8, model, config, document, shown=legacy_shown or document is not None, memo=memo)
    if known_spans:
        legacy = [found for found in legacy if known_spans.clear_of(found[0], found[1])]
    runs = [DecodedRun(start, end, list(text), len(text), kind) for start, end, text, kind in legacy] + known
    taken = Spans((run.start, run.end) for run in runs)
    confirmed = False
    for start, end, items in utf8:
        if items is None or not taken.clear_of(start, end):
            continue
        complete = sum(isinstance(i, str) for i in items)
        kind = utf8_run_kind(line[start:end], decoded_twice(line[start:end], items))
        runs.append(DecodedRun(start, end, items, complete, kind))
        confirmed = confirmed or bool(complete and any(isinstance(i, str) and is_cjk_text_char(i) for i in items))
    taken = Spans((run.start, run.end) for run in runs)
    for start, end, items, kind in cjk_reading_runs(line, model, config, single, paired, readings):
        if taken.clear_of(start, end):
            runs.append(DecodedRun(start, end, items, sum(isinstance(i, str) for i in items), kind))
            confirmed = True
    runs.sort(key=lambda run: run.start)
    return runs, confirmed


def _without_latin_words_alone(lines: list[str], decoded: list[tuple[list[DecodedRun], bool]]) -> list[tuple[list[DecodedRun], bool]]:
    """The first reading of a document's lines without its runs of a Latin word's letters, where nothing else in the
    document is mojibake.

    A run that touches an ASCII letter on a line that shows no byte only a misreading makes (:func:`shows_misread_bytes`)
    may be a Latin word's own letters: French ``désactivé`` before a no-break space and ``»`` is 頻's UTF-8 bytes
    (``é``, A0, ``»``), Spanish ``DINÁMICO`` holds Big5's 簍 (red team 40; careful ftfy leaves them all). Such a run
    (a legacy reading: inside the word) is read only in a document that shows mojibake elsewhere, in a run of its own.

    >>> doc = ["Le service est «\xa0désactivé\xa0» par défaut."]
    >>> _without_latin_words_alone(doc, [([DecodedRun(23, 26, ["頻"], 1)], True)])
    [([], False)]
    """
    def alone(line: str, run: DecodedRun) -> bool:
        # Only readings of Latin-1's letters: not a run the decode found short of bytes, nor 古文码's Chinese characters.
        # A GBK, Big5 or Shift-JIS reading only inside a word (``DINÁMICO``) or of a word's letters written as words are
        # (``Arrêté``, ``¡¡¡HAY``): a title's 拼音码 is glued to the ASCII word before it all the time
        # (``mmdetection±¨´í»ã×Ü``, ``pytorchÎÒÃÇ``).
        glued = [_ascii_letter(ch) for ch in _neighbours(line, run.start, run.end)]
        if not any(glued) or shows_mojibake(line):
            return False
        if run.kind in LEGACY_KINDS:
            return all(glued) or _in_a_word_as_written(line, run.start, run.end)
        return run.kind.startswith(("utf8-as-cp1252", "utf8-as-latin1"))

    shown: dict[str, bool] = {}

    def shows_mojibake(line: str) -> bool:  # once a line: a long line holds thousands of runs
        if line not in shown:
            shown[line] = _shows_mojibake(line)
        return shown[line]

    if not any(run.complete and not alone(line, run) for line, (runs, _) in zip(lines, decoded) for run in runs):
        if any(runs for runs, _ in decoded):
            kept = [[run for run in runs if not alone(line, run)] for line, (runs, _) in zip(lines, decoded)]
            return [(runs, confirmed and bool(runs)) for runs, (_, confirmed) in zip(kept, decoded)]
    return decoded


def _shows_mojibake(line: str) -> bool:
    """Whether a line shows bytes only a misreading makes (:func:`shows_misread_bytes`) and careful ftfy finds it bad
    too: Slovak ``„Iné…“`` holds Windows-1252's ``„ … “``, as an author types them (red team 40).

    >>> _shows_mojibake("Zahrnúť položku „Iné…“"), _shows_mojibake("Itâ€™s"), _shows_mojibake("12Å²b")
    (False, True, False)
    """
    return shows_misread_bytes(line) and ftfy.badness.is_bad(line)


#: What may open a Latin word (Spanish ``¡Hola!``, ``¿Qué?``).
_OPENS_A_WORD = "¡¿"
#: Letters a word of a language holds at most (German compounds run to forty).
_LONGEST_WORD = 48


def _in_a_word_as_written(line: str, start: int, end: int) -> bool:
    """Whether a run of a line is letters of a Latin word it is glued to, the word written as a language writes words: in
    lower case, in capitals, or a capital then lower case (``Arrêté``, ``abcdefghijkõäöü``, ``¡¡¡HAY``). 拼音码 glued to an
    ASCII word mixes the cases (``pytorchÎÒÃÇ``) or holds signs (``mmdetection±¨´í»ã×Ü``).

    >>> _in_a_word_as_written("Arrêté\xa0: %s", 3, 7), _in_a_word_as_written("¡¡¡HAY UN", 0, 4)
    (True, True)
    >>> _in_a_word_as_written("pytorchÎÒÃÇ", 7, 11), _in_a_word_as_written("mmdetection±¨´í»ã×Ü", 11, 19)
    (False, False)
    """
    text = line[start:end]
    opening = len(text) - len(text.lstrip(_OPENS_A_WORD))
    past = len(text)
    while past > opening and not text[past - 1].isalnum():
        past -= 1  # what ends a word inside the run: a no-break space, ``…“``
    closing = len(text) - past
    letters = text[opening:past]
    if not letters or not all(_latin_letter(ch) for ch in letters):
        return False
    # Bounded: no language writes a word so long, and a hostile line of one "word" holds thousands of runs.
    left = start
    while not opening and left and start - left <= _LONGEST_WORD and _latin_letter(line[left - 1]):
        left -= 1
    right = end
    while not closing and right < len(line) and right - end <= _LONGEST_WORD and _latin_letter(line[right]):
        right += 1
    word = line[left : start + opening] + letters + line[end:right]
    return len(word) <= _LONGEST_WORD and written_as_a_word(word)


def _latin_letter(ch: str) -> bool:
    """A letter of the Latin alphabets Latin-1 and its neighbours write (``a``, ``é``, ``ť``), not a Chinese character.

    >>> _latin_letter("é"), _latin_letter("ť"), _latin_letter("中"), _latin_letter("×")
    (True, True, False, False)
    """
    return ch < "\u0250" and ch.isalpha()


def _with_latin_letters(line: str, found: tuple[list[DecodedRun], bool], kind: str) -> tuple[list[DecodedRun], bool]:
    """A line's runs with the Latin letters its 古文码 made of (:func:`~errata.text.cjk_reading.latin_letter_runs`) that
    no run covers yet."""
    runs, confirmed = found
    letters = latin_letter_runs(line, kind)
    if not letters:
        return found  # most lines
    taken = Spans((run.start, run.end) for run in runs)
    extra = [DecodedRun(start, end, items, len(items), kind) for start, end, items, kind in letters if taken.clear_of(start, end)]
    return (sorted(runs + extra, key=lambda run: run.start), confirmed) if extra else found


def _with_lone_pairs(
    line: str, found: tuple[list[DecodedRun], bool], model: LanguageModel, config: RepairConfig, kind: str
) -> tuple[list[DecodedRun], bool]:
    """A line's runs with the lone pairs of legacy bytes (:func:`_lone_pair`) that no run covers yet, read as ``kind``."""
    runs, confirmed = found
    lone = [m for m in LEGACY_RUN.finditer(line) if _lone_pair(line, m.start(), m.end())]
    if not lone:
        return found  # most lines
    # A UTF-8 reading that reads nothing whole (``ÔÚ``: two lead bytes alone) holds no pair from a reading.
    taken = Spans((run.start, run.end) for run in runs if not _nothing_whole(run))
    lone = [m for m in lone if taken.clear_of(m.start(), m.end())]
    if not lone:
        return found
    spans = {(m.start(), m.end()) for m in lone}
    utf8 = utf8_runs(line, model.vocabulary)
    read = _legacy_runs(line, utf8, model, config, lone_pairs=kind)
    extra = [DecodedRun(a, b, list(text), len(text), cls) for a, b, text, cls in read if (a, b) in spans]
    if not extra:
        return found
    read_spans = Spans((run.start, run.end) for run in extra)
    kept = [run for run in runs if read_spans.clear_of(run.start, run.end)]
    return sorted(kept + extra, key=lambda run: run.start), confirmed


def _nothing_whole(run: DecodedRun) -> bool:
    """Whether a run is a UTF-8 reading of lead bytes alone (:func:`_bare_leads`)."""
    return run.kind not in LEGACY_KINDS and run.kind != LOST_BYTES and _bare_leads(run.items)


def _bare_leads(items: list) -> bool:
    """Whether a UTF-8 reading is lead bytes alone, each short of every byte it promises: what two
    GBK bytes read as Latin-1 make of it (``ÔÚ`` for 在), and lost bytes next to never (a character
    loses all its continuation bytes far more rarely than one).

    >>> _bare_leads(utf8_runs("ÔÚ", frozenset())[0][2]), _bare_leads(utf8_runs("ä¸", frozenset())[0][2])
    (True, False)
    """
    return bool(items) and all(isinstance(item, Piece) and not item.tail for item in items)


def utf8_runs(line: str, vocabulary: frozenset[str], nbsp: bool = False, misread: bool | None = None) -> list[tuple[int, int, list[str | Piece] | None]]:
    """The line's byte runs read as UTF-8: (start, end, items or None); with ``nbsp``, a space inside a
    character is read as the no-break space it was (:func:`spaces_that_were_nbsp`).

    A ``?`` inside a run is a lost byte where it falls inside a character that
    misses one (the damaged text went through a code page that writes ``?``);
    where no character is open it is the author's, and the run is cut there
    (:func:`_authors_marks`). A part that still does not read is read as the
    pieces between its marks.

    >>> [(a, b, items) for a, b, items in utf8_runs("æ¯?è¾ƒ 吗?", frozenset())][0][2][1]
    '较'
    >>> [(a, b, "".join(items)) for a, b, items in utf8_runs("å\x90\x97? ok", frozenset())]
    [(0, 3, '吗')]
    >>> ["".join(i if isinstance(i, str) else "_" for i in items) for _, _, items in utf8_runs("å\x91¢?å·²è?§", frozenset())]
    ['呢', '已_']
    """
    out: list[tuple[int, int, list[str | Piece] | None]] = []
    if nbsp:
        line = spaces_that_were_nbsp(line)
    for match in QUESTION_GAPPED_RUN.finditer(line):
        if misread is None:
            misread = shows_misread_bytes(line)
        start, run = match.start(), match.group()
        if "?" not in run:
            out.append((start, match.end(), decode_utf8_run(run, vocabulary, latin_word=_in_latin_word(line, start, match.end(), misread))))
            continue
        cuts = [-1, *_authors_marks(run), len(run)]
        for a, b in zip(cuts, cuts[1:]):
            part = run[a + 1 : b]
            if not part:
                continue
            items = decode_utf8_run(part, vocabulary, latin_word=_in_latin_word(line, start + a + 1, start + b, misread))
            if items is not None:
                out.append((start + a + 1, start + b, items))
                continue
            for m in GAPPED_BYTE_RUN.finditer(part):
                first, last = start + a + 1 + m.start(), start + a + 1 + m.end()
                out.append((first, last, decode_utf8_run(m.group(), vocabulary, latin_word=_in_latin_word(line, first, last, misread))))
    if out and (scripts := _scripts_of_words(out, vocabulary)):
        # The line writes words of another script: its shorter words and signs are that script's too
        # (once misread or twice: a run that read once only may read twice now).
        out = [
            (a, b, decode_utf8_run(line[a:b], vocabulary, latin_word=_in_latin_word(line, a, b, misread), scripts=scripts) if not _whole_word_of(items, scripts) else items)
            for a, b, items in out
        ]
    return out


def _byte_class(low: int, high: int) -> str:
    """A regular expression class of the characters that stand for bytes ``low``–``high`` in mojibake."""
    return "[" + re.escape("".join(sorted(ch for ch, b in CHAR_TO_BYTE.items() if low <= b <= high))) + "]"


_LEAD3, _CONT, _BYTE = _byte_class(0xE0, 0xEF), _byte_class(0x80, 0xBF), _byte_class(0x80, 0xFF)
_LEAD4 = _byte_class(0xF0, 0xF4)
#: A space that only 0xA0 explains: between a three-byte character's lead byte and a continuation byte,
#: inside a run of mojibake (before more of it, a space or the line's end; after a Latin letter, as in ``café — “``, only where
#: the next character's lead byte follows: ``nyxç ”ç©¶æ‰€`` for nyx研究所).
_NBSP_INSIDE = re.compile(f"(?<![A-Za-z])({_LEAD3}) ({_CONT})(?={_BYTE}|\\s|$)|(?<=[A-Za-z])({_LEAD3}) ({_CONT})(?={_LEAD3}{_CONT})")
#: A space right after a character that stands for a byte: where a no-break space made plain can be.
_SPACE_AFTER_A_BYTE = re.compile(f"{_BYTE} ")
#: A three-byte character in Windows-1252 mojibake, whole (``æ ‡`` is one only with its space, ``å¿—`` is 志).
_HAN_MOJIBAKE = re.compile(f"{_LEAD3}{_CONT}{_CONT}")
#: A space that may have been 0xA0: after a three-byte character short of its last byte, before the next
#: character or the author's own space (无, E6 97 A0, as ``æ—  API``).
_NBSP_AT_END = re.compile(f"(?<![A-Za-z])({_LEAD3}{_CONT}|{_LEAD4}{_CONT}{_CONT}) (?={_LEAD3}| )")
#: A space that may have been 0xA0 after a three-byte character's lead byte, its last byte gone too (码,
#: E7 A0 81, as ``ç `` once its 81 is dropped and the no-break space plain).
_NBSP_THEN_LOST = re.compile(f"(?<![A-Za-z])({_LEAD3}) (?!{_CONT})")
#: In mojibake twice, a byte 0xA0 of the second reading shows as a no-break space after ``Â`` (a byte 0xA0
#: of the first), ``â€`` (†, 0x86) or ``Å`` (Š, 0x8A); once it is plain, a space inside a run (码, E7 A0 81,
#: as ``Ã§Â Â``; 了, E4 BA 86, as ``Ã¤Âºâ€ ``).
_NBSP_TWICE = re.compile(f"(?:Â|â€|Å) (?={_BYTE}| |$)")
#: The first character of an outer reading of a character that reads twice: an inner lead byte (C0–FF) is ``Ã`` and one more.
_TWICE_START = "Ã"


def shows_plain_nbsp(text: str, model: LanguageModel | None = None) -> bool:
    """Whether Windows-1252 mojibake shows a no-break space turned plain (a browser, an editor or a search
    index does that): a space between a three-byte character's lead byte and its continuation byte,
    where only 0xA0 makes the character (``æ ‡å¿—`` for 标志, 标 being E6 A0 87).

    >>> shows_plain_nbsp("æ ‡å¿—"), shows_plain_nbsp("æ— éœ€"), shows_plain_nbsp("æ— API"), shows_plain_nbsp("naïve café — “引号”")
    (True, False, False, False)

    With the language model, a character that 0xA0 completes better than any byte a web page drops, then a
    space and another Chinese character, tells it too (``æ— éœ€`` for 无需; not ``è§ çš„``, 见 short of its 81
    before an author's space, where 0xA0 would make 觠):

    >>> shows_plain_nbsp("æ— éœ€", load_model()), shows_plain_nbsp("//æ— å°æ•°ä½", load_model()), shows_plain_nbsp("abc å‚è§ çš„è¯´æ˜Ž", load_model())
    (True, True, False)
    >>> shows_plain_nbsp("Return a < é – b."), shows_plain_nbsp("Return a < é – b. 标志"), shows_plain_nbsp("# æ ‡ç¾")
    (False, False, True)
    >>> shows_plain_nbsp("isto é «índice», é dicir")
    False
    """
    if not _SPACE_AFTER_A_BYTE.search(text):
        return False  # most documents: every pattern below has a byte-like character before its space
    if any(_nbsp_completes_twice(m) for m in _NBSP_TWICE.finditer(text)):
        return True
    inside = [m for m in _NBSP_INSIDE.finditer(text) if _nbsp_completes(_inside(m))]
    # Before more mojibake it tells on its own; before a space or a line's end only where the text shows a
    # Chinese character whole in such mojibake too: an Italian ``è – `` or an English ``é – `` (E8 A0 93
    # is 蠓, E9 A0 96 頖) is somebody's letter before a dash.
    if any(_before_a_byte(m) for m in inside) or (bool(inside) and any(_nbsp_completes(m.group()) for m in _HAN_MOJIBAKE.finditer(text))):
        return True
    # So does a character that 0xA0 completes, then a space, then another Chinese character (``æ— å°`` for 无小):
    # Chinese puts no space between two of its characters. Not where no-break spaces stand as such: there a
    # character that lost a byte came before an author's space (a reader that drops bytes keeps 0xA0); nor
    # where a byte such a reader drops completes it likelier (见 short of its 81, then the author's space).
    return (
        model is not None
        and "\xa0" not in text
        and any(_CHINESE_LEAD.match(text, m.end()) and _nbsp_completes_likelier(m[1], model) for m in _NBSP_AT_END.finditer(text))
    )


def _nbsp_completes_likelier(run: str, model: LanguageModel) -> bool:
    """Whether 0xA0 completes ``run`` (a character short of its last byte, in Windows-1252 mojibake) into a Han
    character the model finds likelier than any a byte Windows-1252 leaves undefined would make.

    >>> _nbsp_completes_likelier("æ—", load_model()), _nbsp_completes_likelier("è§", load_model())   # 无 over 旁; 见 over 觠
    (True, False)
    """
    if not _nbsp_completes(run + "\xa0"):
        return False
    head = bytes(CHAR_TO_BYTE[ch] for ch in run)
    others = [ch for b in CP1252_UNDEFINED if len(ch := (head + bytes([b])).decode("utf-8", "ignore")) == 1]
    nbsp = (head + b"\xa0").decode("utf-8")
    return all(model.unigram_logp(nbsp) > model.unigram_logp(other) for other in others)


def _before_a_byte(match: re.Match) -> bool:
    """Whether a match of _NBSP_INSIDE stands before more mojibake: a lead byte's character and a continuation
    byte's (``æ ‡ç¾``, 标 then 签 short of a byte; not Galician ``é «índice»``, where í stands before n)."""
    return _LEAD_AND_CONTINUATION.match(match.string, match.end()) is not None


#: A Han character's lead byte (E4–E9: U+4E00–U+9FFF) and a continuation byte, in Windows-1252 mojibake (not
#: a sign's: ``âœ“`` is ✓).
_CHINESE_LEAD = re.compile(f"{_byte_class(0xE4, 0xE9)}{_CONT}")
#: A lead byte's character then a continuation byte's, in Windows-1252 mojibake.
_LEAD_AND_CONTINUATION = re.compile(f"{_byte_class(0xC2, 0xF4)}{_CONT}")


def spaces_that_were_nbsp(line: str) -> str:
    """The line with each space that was a byte 0xA0 of a Chinese character given back as the no-break
    space it stood for in the mojibake: between the character's lead and continuation bytes, or after
    a character short of its last byte where the next character starts right after it (Chinese puts
    no space between two of its characters). For a document that shows such spaces (:func:`shows_plain_nbsp`).

    >>> spaces_that_were_nbsp("æ ‡å¿— æ— éœ€ GPU"), spaces_that_were_nbsp("â€ é”™")  # 标志无需; † (E2 80 A0) is no Chinese
    ('æ\\xa0‡å¿— æ—\\xa0éœ€ GPU', 'â€ é”™')
    """
    if " " not in line:
        return line
    line = _NBSP_INSIDE.sub(lambda m: _inside(m) if _nbsp_completes(_inside(m)) else m[0], line)
    # A symbol only before the variation selector (EF B8 8F, ``ï¸``) of an emoji: ``âŒ `` is as often ❌
    # (E2 9D 8C) short of its 9D and a space after it.
    line = _NBSP_AT_END.sub(lambda m: m[1] + "\xa0" if _nbsp_completes(m[1] + "\xa0", m.string.startswith("ï¸", m.end())) else m[0], line)
    line = _NBSP_THEN_LOST.sub(lambda m: m[1] + "\xa0" if _nbsp_then_vanished(m[1]) else m[0], line)
    return _NBSP_TWICE.sub(lambda m: m[0][:-1] + "\xa0" if _nbsp_completes_twice(m) else m[0], line)


def _nbsp_completes_twice(match: re.Match) -> bool:
    """Whether the character around a space after ``Â``, ``â€`` or ``Å`` reads twice as a Chinese
    character or a symbol once the space is a no-break space: mojibake of mojibake, which shows
    every byte 0xA0 of its second reading so. Only that character is read, from its ``Ã`` (its
    lead byte, read twice) to the next one, so a line of a hundred thousand costs one pass.

    A space before plain text is taken for the author's (``成 Python``: 成, E6 88 90, shows as
    ``Ã¦Ë†Â`` with its 90 gone), unless another follows it (``了 C++`` as ``Ã¤Âºâ€  C++``).

    >>> _nbsp_completes_twice(_NBSP_TWICE.search("Ã§Â ÂÃ§Å½â€¡")), _nbsp_completes_twice(_NBSP_TWICE.search("CAFÃ‰Â Ã‰"))  # 码率
    (True, False)
    >>> _nbsp_completes_twice(_NBSP_TWICE.search("Ã¦Å Å Ã¦Ëœ"))   # 把 (E6 8A 8A): two of them in one character
    True
    """
    line, start, end = match.string, match.start(), match.end()
    lead = line.rfind(_TWICE_START, max(0, start - 12), start + 1)
    if lead < 0:
        return False
    stop = end
    while stop < min(len(line), end + 16) and line[stop] != _TWICE_START:
        if line[stop] == " " and not _NBSP_TWICE.match(line, stop - 2 if line[stop - 1] == "€" else stop - 1):
            break
        if line[stop] != " " and line[stop] not in CHAR_TO_BYTE:
            break
        stop += 1
    run = _NBSP_TWICE.sub(lambda m: m[0][:-1] + "\xa0", line[lead:stop]).rstrip(" ")
    if not all(ch in CHAR_TO_BYTE for ch in run):
        return False  # something between the ``Ã`` and the space is no byte: not one character read twice
    items = decode_utf8_run(run, frozenset())
    # The character may have lost a byte of its own (码's 81, as ``Ã§Â Â``): a piece then, known by its lead.
    return items is not None and decoded_twice(run, items) and _wide_text(items)


def _inside(match: re.Match) -> str:
    """An :data:`_NBSP_INSIDE` match with its space the no-break space (either of its two forms)."""
    lead, cont = (match[1], match[2]) if match[1] is not None else (match[3], match[4])
    return lead + "\xa0" + cont


def _nbsp_then_vanished(lead: str) -> bool:
    """Whether a lead byte, 0xA0 and a byte that vanishes on its own make a Han character.

    >>> _nbsp_then_vanished("ç"), _nbsp_then_vanished("â")   # 码 (E7 A0 81); E2 A0 … are braille
    (True, False)
    """
    for byte in VANISHING_BYTES:
        try:
            ch = bytes([CHAR_TO_BYTE[lead], 0xA0, byte]).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if "\u3400" <= ch <= "\u9fff":
            return True
    return False


def _nbsp_completes(run: str, symbol: bool = False) -> bool:
    """Whether ``run``, a three-byte character in mojibake, reads as a Han character; with ``symbol``,
    a symbol too (``âš `` for ⚠, E2 9A A0, before the variation selector that makes it ⚠️).

    >>> _nbsp_completes("æ\xa0‡"), _nbsp_completes("âš\xa0"), _nbsp_completes("âš\xa0", symbol=True)
    (True, False, True)
    >>> _nbsp_completes("ðŸ›\xa0", symbol=True)   # 🛠 (F0 9F 9B A0), before the selector of 🛠️
    True
    """
    try:
        ch = bytes(CHAR_TO_BYTE[c] for c in run).decode("utf-8")
    except UnicodeDecodeError:
        return False
    if len(ch) != 1:
        return False
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or (symbol and unicodedata.category(ch) == "So")


def _in_latin_word(line: str, start: int, end: int, misread: bool) -> bool:
    """Whether a run of a line touches an ASCII letter, on a line that shows bytes only a
    code page's reading of UTF-8 makes (``misread``, :func:`shows_misread_bytes` of the line):
    ``n|Ç\x90| h|ÇŽ|o`` (nǐ hǎo), not ``12Å²b``.

    >>> _in_latin_word("nÇ\x90 hÇŽo", 1, 3, True), _in_latin_word("模 Ä£ 型", 2, 4, True), _in_latin_word("面积 12Å²b", 5, 7, False)
    (True, False, False)
    """
    if not misread:
        return False
    before, after = _neighbours(line, start, end)
    return _ascii_letter(before) or _ascii_letter(after)


def shows_misread_bytes(text: str) -> bool:
    """Whether a text holds a C1 control or a character Windows-1252 gives bytes 0x80–0x9F
    (``€ ‚ … ™ Ž``): what UTF-8 read byte by byte makes, and an author seldom writes beside
    Latin-1 letters. ``Å²`` may be the author's ångström squared; ``Ç\x90`` is no one's.

    >>> shows_misread_bytes("nÇ\x90"), shows_misread_bytes("hÇŽo"), shows_misread_bytes("12Å²b")
    (True, True, False)
    """
    return _MISREAD_BYTE.search(text) is not None


_MISREAD_BYTE = re.compile("[\x80-\x9f" + re.escape("".join(sorted(CP1252_ONLY))) + "]")


def _authors_marks(run: str) -> list[int]:
    """Where a run's ``?`` falls between characters, not inside one: the author's question marks.

    A lost continuation byte leaves its mark inside the character it belonged
    to, after the lead byte and before the character's last byte position.

    >>> _authors_marks("å\x91¢?å·²"), _authors_marks("è?§?")
    ([3], [3])
    """
    marks, open_bytes = [], 0
    for k, ch in enumerate(run):
        if ch in GAP_MARKS:
            if open_bytes:
                open_bytes -= 1
            elif ch == "?":
                marks.append(k)
            continue
        byte = CHAR_TO_BYTE[ch]
        open_bytes = max(open_bytes - 1, 0) if is_continuation(byte) else max(utf8_length(byte) - 1, 0)
    return marks


#: What Latin words hold besides letters: apostrophes (café’s) and hyphens.
_IN_WORDS = "’‘'-"


def _latin_word(line: str, run: DecodedRun) -> bool:
    """Whether a run is Latin letters (``café``, ``naïve``, ``Ôôô``), not a character that lost every continuation byte.

    A lead byte with none of its continuation bytes, twice in a row or inside
    an ASCII word, would need every byte of two characters (or a rare loss
    inside a Latin word) to vanish; Latin text makes it all the time.

    >>> line = 'print("café")  # naïve'
    >>> _latin_word(line, DecodedRun(10, 11, [Piece(0xE9, b"", 2)], 0))
    True
    >>> _latin_word("Rustã€Java", DecodedRun(4, 6, [Piece(0xE3, b"\\x80", 1)], 0))
    False
    """
    if not all(isinstance(i, Piece) for i in run.items):
        return False
    before, after = _neighbours(line, run.start, run.end)
    # Letters, not digits: 12æœ29日 is 月 that lost a byte between two numbers.
    letter_before, letter_after = _ascii_letter(before), _ascii_letter(after)
    if letter_before and letter_after:
        # Inside a Latin word (café’s), where the run is what words hold: ``Rustã€Java`` is 、 (E3 80 81)
        # short of its 81 between two names, no word holds a €.
        return all(ch.isalpha() or ch in _IN_WORDS for ch in line[run.start : run.end])
    return all(not i.tail for i in run.items) and (len(run.items) > 1 or letter_before or letter_after)


def _line_items(
    line: str, runs: list[DecodedRun], number: int, mojibake_document: bool, report: MojibakeReport, swallowed: dict[int, list[int]]
) -> list[str | Slot]:
    """The line as characters, with a slot for each character that lost bytes (and in ``swallowed``,
    where the line's swallowed bytes stood)."""
    if not runs:
        return list(line)  # most lines of most documents: nothing to turn into slots
    items: list[str | Slot | Piece] = []
    origins: list[int] = []  # each item's column in the line as read (a run's: _item_columns)
    cursor = 0
    for run in runs:
        legacy = run.kind in LEGACY_KINDS
        known = run.kind == LOST_BYTES  # the decode found it: damage, whatever the rest of the document shows
        if not (legacy or known) and not mojibake_document and (not run.complete or not any(isinstance(i, str) and is_cjk_text_char(i) for i in run.items)):
            # A fragment, or Latin-only double encoding (Ã© → é) in a clean
            # document: left as it is, or to ftfy, which knows Latin text best.
            continue
        if not legacy and _latin_word(line, run):
            continue  # a Latin-1 ``é`` inside a word of a UTF-8 line too
        items.extend(line[cursor : run.start])
        origins.extend(range(cursor + 1, run.start + 1))
        items.extend(run.items)
        origins.extend(_item_columns(run))
        cursor = run.end
        if known:
            continue  # each character is reported as it is recovered
        if legacy:
            report.legacy_runs_fixed += 1
        else:
            report.runs_fixed += 1
        report.fixes.append(Fix(number, run.start + 1, run.kind))
    items.extend(line[cursor:])
    origins.extend(range(cursor + 1, len(line) + 1))
    out = _to_slots(items, number, origins)
    if len(out) < len(items):
        swallowed[number] = _swallowed_places(items)
    return out


def _recover_lost_bytes(
    line_items: list[list[str | Slot]],
    slots: list[Slot],
    lines: list[str],
    model: LanguageModel,
    report: MojibakeReport,
    config: RepairConfig,
    code_page: CodePage = WINDOWS_1252,
    respelt: Callable[[int, int], bool] | None = None,
) -> None:
    """Fill every slot (``slots``: those of ``line_items``), in three passes over the document.

    ``code_page``: the document's single-byte decode (Windows-1252, or another code page that
    :func:`~errata.text.codepages.spelt_as_cp1252` respelt): the bytes it loses on its own, and how a
    character nothing fits is left where it stands in a part so respelt (``respelt``).
    """
    settle = partial(_settle, line_items=line_items, report=report, config=config, code_page=code_page, respelt=respelt)
    observed: Counter[int] = Counter()
    for items in line_items:
        for item in items:
            if isinstance(item, Slot):
                observed.update(item.source.tail)
            elif ord(item) >= 0x80 and item != "\ufffd":
                observed.update(item.encode("utf-8")[1:])
    intact = Counter(i for items in line_items for i in items if isinstance(i, str))
    bonus = script_bonus(intact, model, config)
    # The box-drawing characters the document shows are candidates up front (a drawing's next line),
    # though only beside a drawing lifted in the choice: the document's own counts weigh them elsewhere.
    drawn = {ch: BOX_DRAWING_MAX_LOGP - model.unigram_logp(ch) for ch in intact if is_box_drawing(ch)}
    index = CandidateIndex(model, set(intact) | EMOJI_PARTS, {**drawn, **bonus}, traditional_scoring(intact))
    free = dropped_by_the_decode(lines, code_page.vanishing | _c1_stripped(lines))
    free_only = Counter({FREE_ONLY: 1}) if _free_losses_explain(slots, observed, free, model) else None
    _fill_candidates(line_items, lines, index, _loss_tables(observed, free_only, config, free), bonus, config)
    report.bytes_recovered = sum(slot.source.missing for slot in slots)
    if len(slots) > config.max_searched_slots:
        # A hostile file holds a hundred thousand damaged characters, and the search takes most
        # of a millisecond for each: past the budget each takes its likeliest fit on its own
        # (channel and unigram), reported as low confidence, or its mark where the damage showed one.
        for slot in slots:
            settle(Choice(slot, slot.candidates[0][0] if slot.candidates else UNRESOLVED, None, 0.0, False))
        return
    # Pass 1 assumes uniform loss; what it had to assume lost tells which
    # byte values this document tends to lose (an EM step).
    assumed: Counter[int] = Counter()
    intact_model = _document_model(line_items, model, config)  # passes 1 and 2 read the same text: one model, one memo
    quick = SearchSettings.quick(config)
    for choice in _choose_all(line_items, intact_model, quick):
        source = choice.slot.source
        lost = _missing_bytes(choice.chosen.encode("utf-8")[1:], source.tail)
        assumed.update(b for b in lost if not (source.cp1252 and b in free))
    if free_only:
        # The decode's own drops explain the damage; any other byte pass 1 took for lost is its
        # guess, which would otherwise feed itself (进, …9B, for 运, …90, on every line of a page).
        assumed = free_only
    _fill_candidates(line_items, lines, index, _loss_tables(observed, assumed, config, free), bonus, config)
    # Pass 2's sure choices join the document's own text for pass 3: a word
    # every occurrence of which was damaged is still the document's word.
    sure = {id(c.slot): c.chosen for c in _choose_all(line_items, intact_model, quick) if c.confident}
    for choice in _choose_all(line_items, _document_model(line_items, model, config, sure), SearchSettings.thorough(config)):
        settle(choice)


def _settle(
    choice: Choice,
    line_items: list[list[str | Slot]],
    report: MojibakeReport,
    config: RepairConfig,
    code_page: CodePage = WINDOWS_1252,
    respelt: Callable[[int, int], bool] | None = None,
) -> None:
    """Put a slot's choice in the text, and in the report (``code_page``: the one the document's mojibake
    was read in). A character nothing fits is left as it stood: in that code page's letters inside a part
    respelt from it (``respelt``), in Windows-1252's elsewhere (an author's ``×`` beside a title in
    Windows-1251's 符号码 is no Ч)."""
    slot = choice.slot
    if code_page is not WINDOWS_1252 and respelt is not None and not respelt(slot.line, slot.origin or slot.column):
        code_page = WINDOWS_1252
    if choice.slot.source.gap and choice.chosen != UNRESOLVED and choice.margin < _gap_min_margin(choice.slot.source, config):
        # The reader saw a U+FFFD here; an unsure guess would hide it.
        choice = Choice(choice.slot, UNRESOLVED, choice.chosen, choice.margin, False)
        report.slot_marks_added += _marks_added(choice.slot.source, _apply(line_items, choice, keep_mark=True))
        report.lossy_left += 1
        report.unsure.append(choice)
        return
    report.slot_marks_added += _marks_added(choice.slot.source, _apply(line_items, choice, spelling=code_page.spelling))
    if choice.chosen == UNRESOLVED:
        report.lossy_left += 1
        return
    report.characters_recovered += 1
    report.fixes.append(Fix(choice.slot.line, choice.slot.origin or choice.slot.column, LOST_BYTES))
    if not choice.confident:
        report.low_confidence.append(choice)


def _gap_min_margin(piece, config: RepairConfig) -> float:
    """How far a guess at a marked gap must beat its rival to be written: further in a Big5 reading, whose marks rule
    out fewer characters than GBK's (:attr:`RepairConfig.big5_gap_min_margin`).

    >>> _gap_min_margin(Piece(0xE5, b"", 2, gap=True, codec="big5"), DEFAULT_CONFIG) == DEFAULT_CONFIG.big5_gap_min_margin
    True
    """
    return config.big5_gap_min_margin if getattr(piece, "codec", "gbk") == "big5" else config.gap_min_margin


#: The fix of a restored swallowed byte: a newline or a space a greedy GBK reader paired away (古文码).
SWALLOWED_BYTE = "swallowed-byte"
#: What a line starts with, where a line of the same kind may follow it directly: a list item, a
#: quote, a YAML key (a front matter). Not a table row: a row ends with its pipe, while a swallowed
#: byte follows a Chinese character, so before a pipe it was the space of ``| 特性 | 说明 |``. Each
#: reads a bounded stretch of the line (16 characters of indent, a key of 64): it is matched at every
#: swallowed byte of a line, and an unbounded one read a line of 10,000 such bytes in one run of word
#: characters 10,000 times over.
_LINE_KINDS = (
    LIST_ITEM_START,
    re.compile(r"[ \t]{0,16}>"),
    re.compile(r"[A-Za-z_][\w.-]{0,63}:(?:[ \t]|$)"),
)
#: What starts a block whatever came before: a heading, a fence, a front matter's end.
_BLOCK_START = re.compile(r"[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|```|~~~|---[ \t]*$)")
#: Text two columns in or more after a character: the next line, indented (a paragraph's under its list item,
#: the code after a comment; Chinese puts no space after 。, let alone three). Not in a drawn tree, whose
#: lines pad with spaces (``│   └──``).
_INDENTED_TEXT = re.compile(r"[ \t]{2,16}\S")


def swallowed_byte(before: str, after: str, crlf: bool = False) -> str:
    """The ASCII byte most likely swallowed between ``before`` and ``after`` (the repaired line around it);
    ``crlf``: in a text whose lines end in CR LF.

    A greedy GBK reader swallows the ASCII byte after a character whose last byte it paired away:
    0x00–0x3F or 0x7F, as any other pairs into a character. In Chinese Markdown that is a line end
    (the first of a blank line's two, when nothing follows on the line; one line's end where the
    rest starts a block or a line of the same kind) or else a space (``版本 ≥``, ``文件 conf.py``; between
    two Chinese characters it may as well have been a quote or a digit, ``类似于"块大小"`` or ``第1章``,
    which nothing tells, and a space breaks less than a line end would).

    >>> swallowed_byte("显存不够", ""), swallowed_byte("显存不够", "", crlf=True)
    ('\\n', '\\r')
    >>> swallowed_byte("title: 报错", "date: 2021-03-05"), swallowed_byte("- 第一项", "- 第二项"), swallowed_byte("原因", "## 解决")
    ('\\n', '\\n', '\\n')
    >>> swallowed_byte("版本", "≥ 7.0"), swallowed_byte("编辑", "conf.py 文件"), swallowed_byte("见", "- 号")
    (' ', ' ', ' ')
    >>> swallowed_byte("| 特性", "| 说明 |")
    ' '
    >>> swallowed_byte("     - 取值在 64 到 4096 之间。", "     -"), swallowed_byte("- 若支持，则启用。", "  否则关闭。")
    ('\\n', '\\n')
    >>> swallowed_byte("    # 读取配置文件", "    return path"), swallowed_byte("│", "   └── main.py")
    ('\\n', ' ')

    """
    line = before + after
    return _swallowed_byte_at(line, len(before), len(line.rstrip()), crlf)


def _swallowed_byte_at(line: str, at: int, text_end: int, crlf: bool, line_kinds: list[re.Match | None] | None = None) -> str:
    """:func:`swallowed_byte` at offset ``at`` of ``line``, whose text ends at ``text_end`` (trailing
    spaces aside): the patterns read the line where they stand, so a line with thousands of places is
    not copied for each of them. ``line_kinds``: each of :data:`_LINE_KINDS` matched on the whole line
    once (:func:`_line_start_kinds`), so that the line's start is not read again for each place."""
    if at >= text_end:
        return "\r" if crlf else "\n"
    if crlf:
        return " "  # a line end swallowed there would have been its CR, and the LF would still be there
    if line_kinds is None:
        line_kinds = _line_start_kinds(line)
    if (
        _BLOCK_START.match(line, at)
        or (at and not is_box_drawing(line[at - 1]) and _INDENTED_TEXT.match(line, at))
        or any(_starts_before(kind, whole, line, at) and kind.match(line, at) for kind, whole in zip(_LINE_KINDS, line_kinds))
    ):
        return "\n"
    return _space_unless_closing(line, at)


#: What follows a character with no space between: a comma, a closing bracket, and a quote that closes
#: (one of those, a space, ``+`` or the line's end after it; ``"全真教");``). Not ``.`` or a backtick,
#: which open as often (`` `.bin` ``, ``.1.0``).
_CLOSING = re.compile(r"""[,;)\]}]|["'](?:[\s,;)\]}+]|$)""")


def _space_unless_closing(line: str, at: int) -> str:
    """A space, or nothing before closing punctuation, or the markup the rest of the line lacks
    (:func:`_markup_byte`).

    A mark there is as likely to be Windows' code page 936's as a greedy reader's: the code page marks
    a lead byte that cannot pair with the ASCII after it and keeps that byte (``"鍏ㄧ湡鏁?"`` for
    ``"全真教"``), so nothing was swallowed; and where a greedy reader did swallow a byte before a
    closing quote or bracket, that was seldom a space.

    >>> _space_unless_closing('"全真教");', 4), _space_unless_closing("见 conf", 1), _space_unless_closing('点击"确定"', 2)
    ('', ' ', ' ')
    """
    return _markup_byte(line, at) or ("" if _CLOSING.match(line, at) else " ")


#: A tag short of its ``<``: ``/strong>``, ``br>``, ``img src="a.png" />``.
_TAG_WITHOUT_OPENER = re.compile(r"/?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>\n]{0,500})?/?>")
#: An attribute's value left open before ``at``: ``alt="一键操作``.
_OPEN_ATTRIBUTE = re.compile(r"""=(["'])[^"'<>\n]*\Z""")
#: What follows an attribute's closing quote: the tag's end, or the next attribute.
_AFTER_ATTRIBUTE = re.compile(r"\s*/?>|\s+[A-Za-z_:][\w:.-]*=")
#: Strong emphasis that opens: ``**`` (not three or more) at a line's start or after a space or a character beyond ASCII.
_STRONG = re.compile(r"(?<![*\w])\*\*(?!\*)")


def _markup_byte(line: str, at: int) -> str | None:
    """The markup character a greedy reader swallowed at ``at``, where the line shows it is missing there; else
    ``None``. Each is a byte below 0x40 that such a reader takes with the last byte of the character before:
    a tag's ``<`` (``。</strong>`` read ``銆?/strong>``), an attribute's closing quote (``alt="一键操作">``),
    strong emphasis's closing ``*`` (``**检测**`` read ``**妫€娴?*``).

    >>> _markup_byte("完成。/strong>", 3), _markup_byte('<img alt="一键操作>', 14), _markup_byte("**漏洞检测*", 6)
    ('<', '"', '*')
    >>> _markup_byte("a <b 完成/c>", 7), _markup_byte("说明 *注意*", 2), _markup_byte('他说"好 >', 4), _markup_byte("见 conf", 1)
    (None, None, None, None)
    """
    # What follows ``at`` is asked first (anchored there, nothing copied): the line before it is read only where that
    # fits, else a line of 古文码 with a swallowed byte every other character read its start again at each one.
    if _TAG_WITHOUT_OPENER.match(line, at) and line.rfind("<", 0, at) <= line.rfind(">", 0, at):
        return "<"
    if _AFTER_ATTRIBUTE.match(line, at) and (opened := _OPEN_ATTRIBUTE.search(line, 0, at)):
        return line[opened.start() + 1]
    if line.startswith("*", at) and not line.startswith("**", at) and len(_STRONG.findall(line, 0, at)) % 2 == 1:
        return "*"
    return None


def _line_start_kinds(line: str) -> list[re.Match | None]:
    """Each of :data:`_LINE_KINDS` matched at the start of the whole line."""
    return [kind.match(line) for kind in _LINE_KINDS]


def _starts_before(kind: re.Pattern, whole: re.Match | None, line: str, at: int) -> bool:
    """Whether ``line[:at]`` starts as ``kind`` does, given ``whole``, its match on the whole line.

    A match that ends by ``at`` is the one the line's first ``at`` characters give. Every pattern of
    :data:`_LINE_KINDS` ends in an ASCII character or at the end of the text, so after a character
    beyond ASCII (where a byte is swallowed, after the character whose byte went with it) no match can
    end at ``at`` that the whole line did not give; only after an ASCII one is the prefix read itself.
    """
    if whole is not None and whole.end() <= at:
        return True
    if at and not line[at - 1].isascii():
        return False
    return kind.match(line, 0, at) is not None


def _crlf(lines: list[str]) -> bool:
    """Whether the text ends its lines with CR LF (most of them: a swallowed CR leaves one without)."""
    ended = lines[:-1]
    return bool(ended) and 2 * sum(line.endswith("\r") for line in ended) > len(ended)


def _restore_swallowed(
    line_items: list[list[str | Slot]],
    swallowed: dict[int, list[int]],
    crlf: bool,
    crlf_converted: bool,
    report: MojibakeReport,
    line_ends: bool = True,
) -> None:
    """Put the likeliest byte (:func:`swallowed_byte`) where each swallowed byte stood, once the slots are settled
    (a CR where the decode made CR LF line ends LF: nothing; at a line's end nothing where the reader
    kept its line ends, ``line_ends=False``: :func:`keeps_line_ends`)."""
    for number, places in swallowed.items():
        items = line_items[number - 1]
        text = [item if isinstance(item, str) else UNRESOLVED for item in items]
        line = "".join(text)
        offsets = list(accumulate(map(len, text), initial=0))  # where each item starts in ``line``
        text_end = len(line.rstrip())
        line_kinds = _line_start_kinds(line)
        restored: dict[int, str] = {}
        for at in reversed(places):
            if offsets[at] >= text_end and not line_ends:
                continue
            # A reader that never saw a line end swallowed none: a space (or what else it was) stood there.
            byte = _swallowed_byte_at(line, offsets[at], text_end, crlf, line_kinds) if line_ends else _space_unless_closing(line, offsets[at])
            if not byte or byte == "\r" and crlf_converted:
                continue
            restored[at] = byte
            report.fixes.append(Fix(number, at + 1, SWALLOWED_BYTE))
        if restored:  # one pass over the line, not one insertion (and a copy of the rest) per place
            rebuilt: list[str | Slot] = []
            for k, item in enumerate(items):
                if k in restored:
                    rebuilt.append(restored[k])
                rebuilt.append(item)
            if len(items) in restored:
                rebuilt.append(restored[len(items)])
            items[:] = rebuilt


def _join_lines(
    text: str,
    lines: list[str],
    line_items: list[list[str | Slot]],
    model: LanguageModel,
    report: MojibakeReport,
    ftfy_trusted: list[bool] | None = None,
    legacy_lines: set[int] = frozenset(),
    misread: bool | None = None,
) -> str:
    """The repaired text; lines nothing else touched get ftfy's (guarded) attention. ``ftfy_trusted``: the
    lines where ftfy's reading is taken unguarded (:func:`_lines_ftfy_may_read`, :func:`_ftfy_trusted`);
    ``legacy_lines``: the numbers of the lines our runs read in a legacy code page (GBK, Big5, Shift-JIS);
    ``misread``: :func:`shows_misread_bytes` of the text, where the caller knows it already."""
    out_lines = []
    other_code_page = bool(_OTHER_CODE_PAGES.search(text))
    misread = ftfy_trusted is not None and (shows_misread_bytes(text) if misread is None else misread)
    # Not in a text that shows 拼音码 only a legacy code page explains: there ftfy reads GBK through a Mac's code page (机会 as Ȝȇ).
    whole_lines = _WholeLines(lines) if ftfy_trusted is not None else None
    forgotten: set[int] = set()  # lines read whole: what our runs did on them is forgotten, once for all of them
    whole_fixes: list[Fix] = []
    for number, (line, items) in enumerate(zip(lines, line_items), start=1):
        try:
            new = "".join(items)  # no slot left on the line: the common case, at the speed of C
        except TypeError:
            new = "".join(i if isinstance(i, str) else "\ufffd" for i in items)
        whole = whole_lines.reading(number - 1, new) if whole_lines else None
        if whole is not None:
            # Every byte of the line read through a code page the text shows, no byte lost: likelier than
            # our runs' reading, which read only what that code page shares with Windows-1252 and assumed
            # the rest lost (Korean through Windows-1250 came back as hangul between 乱 and 螺).
            forgotten.add(number)
            whole_fixes.append(Fix(number, 1, "utf8-as-" + whole[0].replace("_", "-")))
            new = whole[1]
        # ftfy's reading of a line it may read unguarded, taken once: the guarded rules below ask for it too.
        reading = _ftfy_reading(line) if whole is None and ftfy_trusted is not None and ftfy_trusted[number - 1] else None
        fixed = _ftfy_trusted(line, new, reading, misread, number in legacy_lines) if reading is not None else None
        if fixed is None and whole is None:
            fixed = _ftfy_instead(line, new, model, other_code_page, reading)
        if fixed is not None:
            report.ftfy_lines += 1
            report.fixes.append(Fix(number, 1, FTFY_LINE))
            new = fixed
        if new != line:
            report.changed_lines.append(number)
        out_lines.append(new)
    if forgotten:
        _forget_lines(report, forgotten)
        report.fixes.extend(whole_fixes)
    # U+FFFD that no slot accounts for (a 古文码 reading's unpaired byte): lossy too.
    added = sum(line.count("\ufffd") for line in out_lines) - text.count("\ufffd")
    report.lossy_left += max(0, added - report.slot_marks_added)
    marks = {(c.slot.line, c.slot.column) for c in report.unsure}
    read_back = frozenset(fix.line for fix in report.fixes if fix.kind in CJK_READING_KINDS or fix.kind == TWICE_KIND)
    report.unrecoverable = find_unrecoverable(out_lines, marks, read_back)
    return "\n".join(out_lines)


#: glibc's MACINTOSH table (``iconv -f MACINTOSH``) spells two bytes otherwise than Python's mac_roman: 0xF0, the
#: lead byte of every emoji's UTF-8, as the private-use U+E01E (Apple: U+F8FF), and 0xC6 as Greek Δ (Apple: ∆).
_GLIBC_MACINTOSH = str.maketrans({"\ue01e": "\uf8ff", "\u0394": "\u2206"})


def _utf8_through_code_pages(line: str) -> dict[str, str]:
    """The readings of a line as UTF-8 read, every byte of it, through a single-byte code page ftfy reads
    besides Windows-1252 and Latin-1 (a byte the code page leaves undefined kept as its C1 control): code
    page → reading. Nothing where Windows-1252 or Latin-1 spells the line as UTF-8: our own readers have it.

    >>> _utf8_through_code_pages("estĂ\xa0 buscant"), _utf8_through_code_pages("ÏÑú")
    ({'cp1250': 'està buscant', 'iso8859_2': 'està buscant'}, {'mac_roman': '서'})
    >>> _utf8_through_code_pages("è¯¦ç»†"), _utf8_through_code_pages("Proszę"), _utf8_through_code_pages("详细")
    ({}, {}, {})
    """
    if not _OTHER_SPELLING.match(line):
        return {}  # ASCII, or a character no single-byte code page has (Chinese: most lines of a Chinese essay)
    try:
        _spelt_as_read(line).decode("utf-8")
        return {}
    except (ValueError, UnicodeError):
        pass
    readings = {}
    for codec in _FTFY_CODE_PAGES:
        try:
            spelt = line.translate(_GLIBC_MACINTOSH) if codec == "mac_roman" else line
            readings[codec] = spelt.encode(codec, errors=sloppy(codec)).decode("utf-8")
        except UnicodeError:
            continue
    return readings


def _spelt_as_read(line: str) -> bytes:
    """:func:`~errata.text.bytemap.run_to_bytes` of a line, at C's speed where the line is all Latin-1 or all
    Windows-1252 (a document's every line of 符号码 asks; for a short run the character-by-character
    spelling costs less than an encode that fails).

    >>> _spelt_as_read("è¯¦ç»†") == run_to_bytes("è¯¦ç»†"), _spelt_as_read("â€\x9d\x80")
    (True, b'\xe2\x80\x9d\x80')
    """
    for codec in ("latin-1", "cp1252"):
        try:
            return line.encode(codec, errors=sloppy(codec))
        except UnicodeEncodeError:
            continue
    return run_to_bytes(line)


class _WholeLines:
    """A text's lines that are UTF-8 read, every byte, through a code page ftfy reads besides Windows-1252
    and Latin-1 (:func:`_utf8_through_code_pages`), and what the text shows of each such code page: the lines
    ftfy reads through it. A line's reading is taken where the text shows its code page: ftfy alone leaves
    a short line (``estĂ\xa0 buscant``: està) its badness does not flag. A reading that gives hangul or
    kana needs another line to show it: ftfy reads a line of GBK through a Mac's code page as hangul
    (``ÏóÅÎ°ö``, 象拔蚌, as 엡롚).

    >>> whole = _WholeLines(["estĂ\xa0 buscant", "NenĂ\xad to pravda â€“ uĹľ ne", "| ÏóÅÎ°ö |"])
    >>> whole.reading(0, "estĂ\xa0 buscant"), whole.reading(2, "| 象拔蚌 |")
    (('cp1250', 'està buscant'), None)
    >>> _WholeLines(["estĂ\xa0 buscant"]).reading(0, "estĂ\xa0 buscant") is None
    True
    """

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.asked: dict[int, dict[str, str]] = {}  # the readings of the lines asked about so far

    def _readings_of(self, index: int) -> dict[str, str]:
        if index not in self.asked:
            self.asked[index] = _utf8_through_code_pages(self.lines[index])
        return self.asked[index]

    @cached_property
    def readings(self) -> list[dict[str, str]]:
        return [self._readings_of(index) for index in range(len(self.lines))]

    @cached_property
    def ftfy(self) -> list[str | None]:
        return [ftfy.fix_text(line, FTFY_CONFIG) if found else None for line, found in zip(self.lines, self.readings)]

    @cached_property
    def sure(self) -> list[set[str]]:
        return [{codec for codec, text in found.items() if text == fixed} for found, fixed in zip(self.readings, self.ftfy)]

    @cached_property
    def confirmed(self) -> list[set[str]]:
        """The code pages each line shows: ftfy's reading of a line through one shows it, and so does, where
        ftfy leaves a line, a reading of it into clean letters of another script (only the first shows it
        on its own line, :attr:`sure`)."""
        return [
            sure | {codec for codec, text in found.items() if fixed == line and _reads_clean(text)}
            for line, found, fixed, sure in zip(self.lines, self.readings, self.ftfy, self.sure)
        ]

    @cached_property
    def shown(self) -> Counter[str]:
        return Counter(codec for confirmed in self.confirmed for codec in confirmed)

    def reading(self, index: int, new: str) -> tuple[str, str] | None:
        """(code page, reading) of line ``index`` where the text shows that code page (:meth:`_shown`) and our
        reading (``new``) is another, else None. Where code pages read it differently, the one more of the other
        lines show wins (Czech ``Ä¨`` is č through Windows-1257, Ĩ through Windows-1250, which ftfy tries
        first), then the one ftfy reads the line through (档's A1 is Ą in ISO 8859-2, A5 in 1250). ftfy is
        asked about the text's lines only once a line has such a reading."""
        if not self._readings_of(index):
            return None
        left = self.ftfy[index] == self.lines[index]  # where ftfy leaves the line, its words must stay words
        candidates = {
            codec: text
            for codec, text in self.readings[index].items()
            if text != new
            and self._shown(codec, text, index, new)
            and not (left and (not _words_whole(text) or _stranger_in_latin_word(text)))
            and not _unassigned(text, self.lines[index])
        }
        return max(candidates.items(), key=lambda item: (self._elsewhere(item[0], index), item[1] == self.ftfy[index]), default=None)

    def _elsewhere(self, codec: str, index: int) -> int:
        """How many lines other than line ``index`` show ``codec``."""
        return self.shown[codec] - (codec in self.confirmed[index])

    def _shown(self, codec: str, text: str, index: int, new: str) -> bool:
        """Whether the text shows ``codec`` for line ``index``'s reading ``text``: on another line, or by
        ftfy's reading of this one where that adds no hangul or kana to ours (``new``; a wrong code page
        makes them of GBK, :func:`_no_new_script`)."""
        return self._elsewhere(codec, index) > 0 or (codec in self.sure[index] and _no_new_script(text, new))


def _stranger_in_latin_word(text: str) -> bool:
    """Whether a reading puts a character of another alphabet's block, a sign as much as a letter, between two
    letters of a Latin word: Catalan ``l’ús`` is the Mac's ``l՜s`` (``’ú`` is D5 9C, UTF-8's Armenian ՜),
    which no Armenian writes inside a Latin word.

    >>> _stranger_in_latin_word("l՜s"), _stranger_in_latin_word("l’ús"), _stranger_in_latin_word("שלום, world")
    (True, False, False)
    """
    return _STRANGER_IN_LATIN_WORD.search(text) is not None


#: A character from the blocks of Greek to Mongolian between two Latin letters.
_STRANGER_IN_LATIN_WORD = re.compile("(?<=[A-Za-z\u00c0-\u024f])[\u0370-\u1dff](?=[A-Za-z\u00c0-\u024f])")


def _forget_lines(report: MojibakeReport, numbers: set[int]) -> None:
    """Take out of a report what our runs did on lines whose reading gave way to another of the whole line."""
    report.fixes = [fix for fix in report.fixes if fix.line not in numbers]
    report.unsure = [choice for choice in report.unsure if choice.slot.line not in numbers]
    report.low_confidence = [choice for choice in report.low_confidence if choice.slot.line not in numbers]


def _reads_clean(text: str) -> bool:
    """Whether a line's reading through a code page is clean text of another script: words with letters beyond
    Latin-1 (four letters at least), each all of one script other than Latin and Chinese, and nothing ftfy
    calls mojibake. ftfy leaves lines of Russian read through a Mac's code page (``–ù–µ``) that its badness does
    not flag; a French ``’é`` is the Mac's Armenian Վ inside a Latin word, Ukrainian ``Ці дії`` through
    Windows-1251 a lone Hebrew point and 䳿.

    >>> _reads_clean("Не удалось"), _reads_clean("está"), _reads_clean("CՏ lՏ"), _reads_clean("- ֳ 䳿")
    (True, False, False, False)
    """
    words = [_letters(m.group()) for m in _LETTER_RUN.finditer(text) if max(m.group()) > "\xff"]
    if sum(map(len, words)) < 4 or not _words_whole(text) or any(script_of(word[0]) in ("LATIN", "CJK") for word in words):
        return False
    return not ftfy.badness.is_bad(text)


def _unassigned(text: str, line: str = "") -> bool:
    """Whether a reading holds a code point Unicode assigns nothing to, or one for private use: no reading of
    a code page writes one (GBK's 音频, ``ÒôÆµ``, is UTF-8's U+59BB5 through a Mac's code page; 深化,
    ``Éî»¯``, ends in U+EEEF through Windows-1252 short of a byte).

    >>> _unassigned("\U00059bb5"), _unassigned("É\ueeef"), _unassigned("音频 😀"), _unassigned("\ue000", line="\ue000")
    (True, True, False, False)

    ``line``: the line read, whose own such characters (a Windows GBK reader's private-use ones) do not count.
    """
    return any(unicodedata.category(ch) in ("Cn", "Co") and ch not in line for ch in text)


def _words_whole(text: str) -> bool:
    """Whether every word of a reading that holds a character beyond Latin-1 is a word of one script, two
    letters or more unless Latin (``e\u0300``, è with a combining grave): not an Armenian Վ inside a French
    word (``dՎcrire``, ``’é`` through a Mac's code page), nor a lone Greek ͳ (Ukrainian ``Ні`` through
    Windows-1251).

    >>> _words_whole("està buscant"), _words_whole("Не удалось"), _words_whole("dՎcrire"), _words_whole("- ͳ")
    (True, True, False, False)
    >>> _words_whole("informacio\u0301n"), _words_whole("non e\u0300 una"), _words_whole("вывод в стиле")
    (True, True, True)
    """
    words = [_letters(m.group()) for m in _LETTER_RUN.finditer(text) if max(m.group()) > "\xff"]
    if not all(word and _one_script(word) for word in words):
        return False
    # A script other than Latin writes a word of two letters at least on the line (Russian's в beside others).
    longer = {script_of(word[0]) for word in words if len(word) > 1}
    return all(script_of(word[0]) in longer | {"LATIN"} for word in words)


def _letters(word: str) -> str:
    """A word without the combining marks that accent its letters (``informacio\u0301n``).

    >>> _letters("informacio\u0301n")
    'informacion'
    """
    return "".join(ch for ch in word if ch.isalpha())



#: A line that only a single-byte code page's reading of UTF-8 can hold: a character beyond ASCII, each
#: one below U+2600 (letters, the Mac's mathematical signs, DOS's box drawing) or the Mac's Apple logo
#: and ligatures; no CJK, no full-width form.
_OTHER_SPELLING = re.compile("^(?=.*[^\\x00-\\x7f])[\\x00-\\u25ff\\ue01e\\uf8ff\\ufb01\\ufb02]*$")


#: What code pages that neither we nor Windows-1252 read make of UTF-8, and Chinese text seldom writes:
#: Latin letters of Central Europe and the Baltic (``čż™ä¸Ş``), Greek (``Σ╕¡``), DOS's double-line box
#: drawing (``╗║``), a Mac's signs (``‰Ωø``); not the ones Windows-1252 and 1254 hold (Œ š ƒ ı Ş). Where a
#: document shows them, ftfy may read a line we read.
_OTHER_CODE_PAGES = re.compile(
    "["
    + re.escape("".join(sorted(set(map(chr, chain(range(0x100, 0x250), range(0x370, 0x400), range(0x2550, 0x256D)))) - set(CHAR_TO_BYTE))))
    + "√∫≈∂∆◊ﬁﬂ]"
)


def _ftfy_instead(line: str, new: str, model: LanguageModel, other_code_page: bool = False, reading: str | None = None) -> str | None:
    """ftfy's reading of a damaged ``line`` where it is better than ours (``new``), else None: of a line
    nothing else read (guarded), of one our runs read only in part, or, in a document that shows a code
    page we do not read (``other_code_page``), of one ftfy reads as far likelier text (a Mac's 文档,
    ``ÊñáÊ°£``, is GBK's 蜀崾埃 too). ``reading``: ftfy's reading of the line where it is known already.

    >>> _ftfy_instead("plain text", "plain text", load_model()) is None
    True
    """
    if new == line:
        if BYTE_RUN.search(line) or "\ufffd" in line:
            fixed = _ftfy_line(line, model, reading) if BYTE_RUN.search(line) else _ftfy_marked_line(line, model, reading)
            return fixed if fixed != line else None
        return None
    left_bad = bool(BYTE_RUN.search(new)) and ftfy.badness.is_bad(new)
    if not (left_bad or other_code_page):
        return None  # read through: most changed lines (ftfy on each would cost a sixth of the time)
    fixed = _ftfy_line(line, model, reading)
    if fixed in (line, new):
        return None
    if left_bad and not ftfy.badness.is_bad(fixed):
        # Mojibake left where our runs stopped (a word of another script, twice misread): where ftfy
        # reads the whole line into text that shows none and keeps every Chinese character we read
        # (ftfy knows no Shift-JIS nor GBK), its reading is the better one.
        if not _read_beyond(new, fixed, _CHINESE):
            return fixed
    if other_code_page and _no_new_script(fixed, new) and text_logp(fixed, model)[0] >= text_logp(new, model)[0] + FTFY_FAR_LIKELIER:
        # Our runs read only what a code page we do not read shares with the ones we do (Windows-1250's
        # ``čż™ä¸Şĺ·Ą``: 仍 and 不 among the mojibake; a Mac's ``ÊñáÊ°£`` read as GBK), where ftfy
        # read the line as that code page.
        return fixed
    return None


def _ftfy_reading(line: str) -> str | None:
    """ftfy's reading of a line that shows what a misreading makes (a byte-like character, U+FFFD, another
    code page's sign), else None: most lines show none, and ftfy on each would cost its time.

    >>> _ftfy_reading("CÃ¡ch"), _ftfy_reading("plain text")
    ('Cách', None)
    """
    if not (BYTE_RUN.search(line) or "\ufffd" in line or _OTHER_CODE_PAGES.search(line)):
        return None
    return ftfy.fix_text(line, FTFY_CONFIG)


def _ftfy_trusted(line: str, new: str, fixed: str, misread: bool = False, legacy: bool = False) -> str | None:
    """ftfy's reading of a line (``fixed``, :func:`_ftfy_reading`) of a text where nothing Chinese was read, else None: the guards of
    :func:`_ftfy_instead` keep ftfy from reading Chinese mojibake as the letters of other scripts
    (GBK's 模 ``Ä£`` is UTF-8's ģ), which such a text does not hold. Where ftfy reads a line into
    text it finds clean, its reading stands if ours left the line, read CJK characters ftfy does not
    (``Cáº¤P``: Big5's 廕匕, ftfy's CẤP), or left what ftfy calls mojibake; where ftfy's reading still
    shows mojibake, if it shows less than ours (Thai short of the bytes Windows-1252 dropped, which ftfy
    reads in part and we leave). ``misread``: the text shows
    bytes only misread UTF-8 makes (:func:`shows_misread_bytes`), where a letter before a mark is a
    lead byte whose bytes were lost (Latvian ``mÄ\ufffdjÄ\ufffdm``), not an author's (:func:`_took_an_authors_letter`).
    ``legacy``: our runs read the line in a legacy code page; ftfy's reading then stands where ours holds
    CJK characters it does not, even if ftfy's leaves some mojibake (Hindi short of the bytes Windows-1252
    leaves undefined, which ftfy reads in part and we read as GBK): a line may be ftfy's only in a text
    where nothing Chinese was read elsewhere.

    >>> _ftfy_trusted("- BetÅ±kÃ©szletek", "- BetÅ±kÃ©szletek", "- Betűkészletek"), _ftfy_trusted("CÃ¡ch", "Cách", "Cách")
    ('- Betűkészletek', None)
    """
    if fixed in (line, new) or _unassigned(fixed, line) or (not misread and _took_an_authors_letter(line, fixed)):
        return None
    if legacy and _read_beyond(new, fixed, _CJK_SCRIPT):
        return fixed
    if ftfy.badness.is_bad(fixed):
        # ftfy reads part of the line (Thai short of the bytes Windows-1252 dropped): more than nothing where it
        # reads a word (:func:`_reads_words`), not a lone mark (GBK's 碳笔, ``Ì¼±Ê``, is ftfy's ``̼±Ê``).
        return fixed if ftfy.badness.badness(fixed) < ftfy.badness.badness(new) and _reads_words(fixed, new, misread) else None
    if new == line or _read_beyond(new, fixed, _CJK_SCRIPT) or ftfy.badness.is_bad(new):
        return fixed
    return None


def _reads_words(fixed: str, new: str, misread: bool = False) -> bool:
    """Whether ftfy's reading of a line holds a word that ours does not: two letters of one script or more,
    not a lone mark (GBK's 碳笔, ``Ì¼±Ê``, is ftfy's ``̼±Ê``, a combining mark). One letter of three UTF-8 bytes
    is enough in a text that shows bytes only a misreading makes (``misread``, :func:`shows_misread_bytes`:
    Georgian ``áƒ“ი``); not one of two, which GBK's pairs make (寻仇, ``Ñ°³ð``, is ftfy's ``Ѱ³ð``).

    >>> _reads_words("ชื่อà¸à¸¥à¸¸", "à¸Šà¸·à¹ˆà¸­à¸à¸¥à¸¸"), _reads_words("ÄinuÅ¡ki žargon", "ÄinuÅ¡ki Å¾argon"), _reads_words("\u033c±Ê", "Ì¼±Ê")
    (True, True, False)
    """
    ours = set(_words_of_letters_and_marks(new))
    return any(
        word not in ours and (sum(ch.isalpha() for ch in word) >= 2 or misread and any(ch.isalpha() and ch >= "\u0800" for ch in word))
        for word in _words_of_letters_and_marks(fixed)
    )


def _words_of_letters_and_marks(text: str) -> list[str]:
    """The runs of letters and marks of one script in a text: words of any script (Thai and Hindi write
    vowels as marks), cut where the script changes (``ชื่อà¸``: a Thai word, then mojibake).

    >>> _words_of_letters_and_marks("ชื่อà¸ ok, 2 कि")
    ['ชื่อ', 'à', 'ok', 'कि']
    """
    return ["".join(group) for script, group in groupby(text, key=_script_of_letter_or_mark) if script]


def _script_of_letter_or_mark(ch: str) -> str | None:
    return _script(ch) if unicodedata.category(ch)[0] in "LM" else None


def _read_beyond(new: str, fixed: str, script: re.Pattern) -> bool:
    """Whether our reading of a line holds characters of ``script`` that ftfy's (``fixed``) does not (Big5's
    廕匕 where ftfy reads CẤP, GBK's 芚使 where it reads the hangul of 구조).

    >>> _read_beyond("C廕匕", "CẤP", _CJK_SCRIPT), _read_beyond("芚使", "구조", _CJK_SCRIPT), _read_beyond("구조", "구조", _CJK_SCRIPT)
    (True, True, False)
    """
    return bool(Counter(ch for ch in new if script.match(ch)) - Counter(fixed))


def _took_an_authors_letter(line: str, fixed: str) -> bool:
    """Whether ftfy's reading of a line with U+FFFD took away a letter of a word before a mark: ftfy reads
    it as a lead byte whose sequence lost its bytes, in any of its code pages (``Proszę\ufffd``: ę is
    Windows-1250's 0xEA), where a word's letter is its author's. A sign before a mark it may take
    (``×\ufffd`` is Hebrew's lead byte 0xD7, its letter lost).

    >>> _took_an_authors_letter("Proszę\ufffd\ufffd", "Prosz\ufffd"), _took_an_authors_letter("×\ufffd×§", "\ufffdק")
    (True, False)

    Not where the rest of the line, those letters and marks aside, is mojibake that ftfy reads too: there
    the letter is a lead byte (Slovenian ``moÅ¾nost omogoÄ\ufffda``: ž whole, č short of Windows-1252's 8D).

    >>> _took_an_authors_letter("moÅ¾nost omogoÄ\ufffda", "možnost omogo\ufffda")
    False
    """
    if "\ufffd" not in line:
        return False
    in_words = _letters_of_words(line)
    taken = Counter(line) - Counter(fixed)
    if not any(ch in in_words for ch in taken):
        return False
    rest = re.sub("[" + re.escape("".join(taken)) + "]\ufffd+", "", line)
    return ftfy.fix_text(rest, FTFY_CONFIG) == rest


def _no_new_script(fixed: str, new: str) -> bool:
    """Whether ftfy's reading of a line adds no hangul or kana to ours: the model scores them at a flat
    rate, and a wrong code page makes them of Chinese (拼音码 象拔蚌 read as UTF-8: 엡롚).

    >>> _no_new_script("这个工具", "čż™仍Ą"), _no_new_script("엡롚", "象拔蚌")
    (True, False)
    """
    return not any((is_hangul_syllable(ch) or ch in KANA) and ch not in new for ch in fixed)


#: How much likelier (nats, by the model) ftfy's reading of a line must be than ours to be taken on
#: the model's word alone: the two are readings of the same bytes, so the likelier text is the better
#: reading; by a margin of what two rare characters cost, not to trade a reading of ours for one as good
#: (a Mac's 文档 against our GBK reading of it, 蜀崾埃: 29 nats).
FTFY_FAR_LIKELIER = 20.0


def _item_columns(run: DecodedRun) -> list[int]:
    """Where each of a run's items began in the line as read (1-based): one character a byte, and a mark
    for each lost byte that showed one. Where the run does not add up so (mojibake twice, a no-break
    space read back), every item stands where the run began.

    >>> _item_columns(DecodedRun(4, 9, [Piece(0xE4, b"\\xb8", 1), "细"], 1))
    [5, 7]
    """
    if not all(isinstance(item, (str, Piece)) for item in run.items):
        return [run.start + 1] * len(run.items)  # a 古文码 reading's swallowed bytes
    widths = [len(item.encode("utf-8")) if isinstance(item, str) else 1 + len(item.tail) + (item.missing if item.gap else 0) for item in run.items]
    if sum(widths) != run.end - run.start:
        return [run.start + 1] * len(run.items)
    return [run.start + 1 + offset for offset in accumulate([0, *widths[:-1]])]


def _to_slots(items: list[str | Slot | Piece], line_number: int, origins: list[int] | None = None) -> list[str | Slot]:
    """The items with a slot for each damaged character, and without the places of swallowed bytes
    (``origins``: each item's column in the line as read, where its damage is reported).

    >>> slot = _to_slots(["a", Piece(0xE4, b"\\xb8", 1), "b"], 1, [1, 2, 6])[1]
    >>> slot.column, slot.origin
    (2, 2)
    """
    out: list[str | Slot] = []
    column = 0
    for index, item in enumerate(items):
        if item is SWALLOWED:
            continue
        column += 1
        if isinstance(item, Piece):
            out.append(Slot(line_number, column, [], source=item, origin=origins[index] if origins else 0))
        else:
            out.append(item)
    return out


def _swallowed_places(items: list) -> list[int]:
    """Where each swallowed byte stood, as the index of the item it stood before once the places
    are taken out (what :func:`_to_slots` keeps).

    >>> _swallowed_places(["a", SWALLOWED, "b", SWALLOWED])
    [1, 2]
    """
    places, kept = [], 0
    for item in items:
        if item is SWALLOWED:
            places.append(kept)
        else:
            kept += 1
    return places


def script_bonus(intact: Counter[str], model: LanguageModel, config: RepairConfig = DEFAULT_CONFIG) -> dict[str, float]:
    """Log-probability to add to kana in a document that writes in kana.

    The model learnt Chinese, so a kana's own log-probability is that of an
    unknown character. In a document whose intact text is a share ``s`` kana,
    a kana is as likely as ``s`` spread over the kana: the bonus lifts it to that.

    >>> any(ch in KANA for ch in script_bonus(Counter("中文"), load_model()))
    False
    >>> round(script_bonus(Counter("これは日本語の文章です"), load_model())["の"], 1)
    12.2
    """
    cjk = sum(n for ch, n in intact.items() if is_cjk_text_char(ch))
    bonus = _symbol_bonus(model) | _box_drawing_bonus(intact, cjk, model)
    kana = sum(n for ch, n in intact.items() if ch in KANA)
    if not cjk or kana / cjk < config.kana_min_share:
        return bonus
    target = math.log(kana / cjk / len(KANA))
    return bonus | {ch: target - model.unigram_logp(ch) for ch in KANA if target > model.unigram_logp(ch)}


#: The log-probability a README symbol has at least (a rare character's): a candidate it is, a choice
#: only where its bytes fit better than anything the model knows.
SYMBOL_LOGP = -11.0


def _symbol_bonus(model: LanguageModel) -> dict[str, float]:
    """Log-probability to add to each README symbol the model gives less than SYMBOL_LOGP.

    >>> bonus = _symbol_bonus(load_model())
    >>> bonus["❶"] > 0, "—" in bonus
    (True, False)
    """
    return {ch: SYMBOL_LOGP - model.unigram_logp(ch) for ch in README_SYMBOLS if model.unigram_logp(ch) < SYMBOL_LOGP}


def _box_drawing_bonus(intact: Counter[str], cjk: int, model: LanguageModel) -> dict[str, float]:
    """Log-probability to add to the light lines of box drawing a document does not show whole, where it
    draws with others (its folder trees: ├── and └── came through, │ did not): their share of its
    drawing, as the ones it shows have by the document's own counts (the recovery's cache model).

    >>> bonus = _box_drawing_bonus(Counter("├── a\\n└── b 说明"), 2, load_model())
    >>> "│" in bonus, "├" in bonus
    (True, False)
    """
    boxes = {ch: n for ch, n in intact.items() if is_box_drawing(ch)}
    if not boxes:
        return {}
    drawn = sum(boxes.values())
    # At most a common character's: a drawing's share of a page says where its lines are likely, not
    # that they are likelier than the text's own symbols (``- ❌`` is no ``- ┌``).
    target = min(math.log(drawn / len(LIGHT_BOX_DRAWING) / (cjk + drawn)), BOX_DRAWING_MAX_LOGP)
    return {ch: target - model.unigram_logp(ch) for ch in LIGHT_BOX_DRAWING if ch not in boxes and target > model.unigram_logp(ch)}


#: The most a box-drawing character's log-probability is lifted to (about 的's share of Chinese, a tenth).
BOX_DRAWING_MAX_LOGP = -6.0


#: The light lines trees and tables are drawn with.
LIGHT_BOX_DRAWING = "─│┌┐└┘├┤┬┴┼"


#: The loss counts of a document whose losses its decode's free bytes explain (:func:`_free_losses_explain`):
#: no byte value (0x100 is none), and the least loss rate for every other byte.
FREE_ONLY = 0x100


def _free_losses_explain(slots: list[Slot], observed: Counter[int], free: frozenset[int], model: LanguageModel) -> bool:
    """Whether the bytes a cp1252 decode dropped for free account for every byte the document lost.

    The free bytes are a known share of Chinese text's continuation bytes (by the model's
    characters); a decode that dropped them, and nothing else, lost about that share against the
    bytes it kept. Counted before any choice is made: pass 1's guesses would otherwise decide
    (进行 is likelier than 运行, and each 进 chosen for 运 makes the next likelier).
    """
    if not free:
        return False
    lost = sum(slot.source.missing for slot in slots if slot.source.cp1252 and not slot.source.gap)
    if not lost or lost != sum(slot.source.missing for slot in slots):
        return False
    share = _free_share(model, free)
    kept = sum(count for b, count in observed.items() if b not in free)
    expected = share / (1 - share) * kept
    # Too short a text to tell (a line or two) keeps the usual rates; past that, two standard
    # deviations of a count that size (about Poisson's), as a short page varies a lot.
    return expected >= FREE_ONLY_MIN_EXPECTED and lost <= expected + 2 * math.sqrt(expected) + 3


#: How many free bytes a document must be expected to hold before its losses can tell (see above).
FREE_ONLY_MIN_EXPECTED = 8
#: Log-likelihood that a document whose losses the free bytes explain lost another byte.
FREE_ONLY_OTHER_LOGP = math.log(1e-6)


def _free_share(model: LanguageModel, free: frozenset[int]) -> float:
    """The share of the free bytes among the continuation bytes of Chinese text, by the model's unigram."""
    return sum(share for b, share in model.continuation_shares.items() if b in free)


#: The loss table of a lost byte marked with ``?`` in cp1252 mojibake.
QUESTIONED = (True, True, "?")
#: The loss table of a byte that vanished on its own (:data:`VANISHED`).
VANISHED_TABLE = (True, True, VANISHED)
#: Log-likelihood of a byte a decode could not have lost: next to impossible.
_IMPOSSIBLE = -30.0


#: How many continuation bytes from A0 to BF a document must show, and none from 80 to 9F, before it is taken for a
#: Latin-1 reading whose C1 controls were stripped (``tr -d '\200-\237'``, a database or XML layer that drops them): in
#: Chinese UTF-8 about half the continuation bytes are 80–9F, so none among so many is no chance.
C1_STRIPPED_MIN_SHOWN = 24


def _c1_stripped(lines: list[str]) -> frozenset[int]:
    """Bytes 80–9F where the document is a Latin-1 reading of UTF-8 with its C1 controls stripped: it shows none of
    them, in any spelling, among :data:`C1_STRIPPED_MIN_SHOWN` continuation bytes A0–BF or more; else none.

    >>> sorted(_c1_stripped(["ä½¿ç¨ "])), len(_c1_stripped(["ä½¿ç¨ä½¿ç¨ä½¿ç¨ä½¿ç¨ä½¿ç¨ä½¿ç¨ä½¿ç¨ä½¿ç¨ä½¿ç¨ä½¿ç¨ä½¿ç¨ä½¿ç¨"]))
    ([], 32)
    """
    shown = Counter(CHAR_TO_BYTE[ch] for line in lines for ch in line if ch in CHAR_TO_BYTE and 0x80 <= CHAR_TO_BYTE[ch] < 0xC0)
    if any(byte < 0xA0 for byte in shown) or sum(shown.values()) < C1_STRIPPED_MIN_SHOWN:
        return frozenset()
    return frozenset(range(0x80, 0xA0))


def dropped_by_the_decode(lines: list[str], vanishing: frozenset[int] = ALWAYS_DROPPED) -> frozenset[int]:
    """The ``vanishing`` bytes a document's cp1252 decode may have dropped: the ones it never shows.

    A document whose mojibake keeps a byte somewhere (the C1 control ``\x8d``
    of a decode that kept the five undefined bytes, a soft hyphen, ``Ž``) did
    not drop that byte value wholesale: losing it costs what any loss costs.

    >>> sorted(ALWAYS_DROPPED - dropped_by_the_decode(["ä¸\x8dæ˜¯"]))   # 不 kept its 0x8D
    [141]
    """
    text = "\n".join(lines)
    return frozenset(b for b in vanishing if not any(ch in text for ch, byte in CHAR_TO_BYTE.items() if byte == b))


def _loss_tables(observed: Counter[int], assumed: Counter[int] | None, config: RepairConfig, free: frozenset[int] = ALWAYS_DROPPED) -> dict[tuple, list[float]]:
    """Loss tables by (cp1252 decode, visible gap): which bytes each kind of damage loses, and how often.

    A cp1252 decode drops ``free`` (the ALWAYS_DROPPED bytes it never shows) at no cost and, where it wrote U+FFFD,
    lost exactly one of the five bytes it leaves undefined (unless the document
    shows one of them kept: then it marks a loss like ``?``); where a ``?`` shows
    the loss, any other byte costs ``config.question_other_byte_logp``; a GBK
    decode (古文码) loses any byte alike.
    """
    cp1252 = estimate_loss_logp(observed, assumed, config, free)
    if CP1252_UNDEFINED <= free:
        replaced = [0.0 if b in CP1252_UNDEFINED else _IMPOSSIBLE for b in range(256)]
        questioned = [0.0 if b in CP1252_UNDEFINED else config.question_other_byte_logp for b in range(256)]
    else:  # the decode kept undefined bytes (as C1 controls): a U+FFFD or ? marks any byte lost on the way
        replaced = questioned = [0.0] * 256
    gbk = estimate_loss_logp(observed, assumed, config, free=frozenset())
    vanished = [0.0 if b in VANISHING_BYTES else _IMPOSSIBLE for b in range(256)]
    return {(True, False): cp1252, (True, True): replaced, (False, False): gbk, (False, True): [0.0] * 256, QUESTIONED: questioned, VANISHED_TABLE: vanished}


@lru_cache(maxsize=256)
def gbk_gap_table(after: int, codec: str = "gbk") -> list[float]:
    """Log-likelihood of each byte value as the one a GBK decode (or ``codec``'s) lost before ``after``.

    The decoder drops a byte exactly when it makes no valid pair with the next
    one: 0x80 always, others only before a byte GBK cannot follow them with.

    >>> table = gbk_gap_table(0xE5)
    >>> table[0x80], table[0xBB]   # 一 (…80) can vanish before 张 (E5…), 主 (…BB) cannot
    (0.0, -30.0)
    """
    if after < 0:
        return [0.0] * 256
    return [0.0 if no_gbk_pair(b, after, codec) else _IMPOSSIBLE for b in range(256)]


def _fill_candidates(
    line_items: list[list[str | Slot]],
    lines: list[str],
    index: CandidateIndex,
    log_loss: dict[tuple, list[float]],
    bonus: dict[str, float],
    config: RepairConfig,
) -> None:
    for n, items in enumerate(line_items):
        last_text = max((k for k, i in enumerate(items) if not (isinstance(i, str) and i.isspace())), default=-1)
        brackets = BracketPairing(items)
        for k, item in enumerate(items):
            if not isinstance(item, Slot):
                continue
            source = item.source
            if source.gap and not source.cp1252 and source.missing == 1:
                table = gbk_gap_table(source.after, source.codec)
            elif source.vanished:
                table = log_loss[VANISHED_TABLE]
            elif source.question and source.cp1252:
                table = log_loss[QUESTIONED]
            else:
                table = log_loss[source.cp1252, source.gap]
            item.candidates = index.with_neighbours(source, table, config.prefilter_per_slot, _known_symbol(items, k - 1), _known_symbol(items, k + 1))
            prior = dict(config.line_end_prior(line_role(lines, n))) if k == last_text else {}
            if bonus:
                prior = {**{ch: bonus[ch] for ch, _ in item.candidates if ch in bonus}, **prior}
            if _beside_a_drawing(items, k):
                prior = {**prior, **_drawing_goes_on(item.candidates, prior, index.model_characters.model)}
            if misfits := _drawing_misfits(items, k, item.candidates):
                prior = {**prior, **{ch: prior.get(ch, 0.0) + MISFIT_LOGP for ch in misfits}}
            if pairing := brackets.prior(k, item.candidates, config):
                prior = {**prior, **{ch: prior.get(ch, 0.0) + logp for ch, logp in pairing.items()}}
            item.prior = prior


def _drawing_goes_on(candidates: list[tuple[str, float]], prior: dict[str, float], model: LanguageModel) -> dict[str, float]:
    """The box-drawing candidates' priors beside a drawing (├─ then ─): lifted to BOX_DRAWING_MAX_LOGP at least.

    >>> _drawing_goes_on([("─", 0.0), ("—", 0.0)], {}, load_model())
    {'─': 12.0}
    """
    return {
        ch: max(prior.get(ch, 0.0), BOX_DRAWING_MAX_LOGP - model.unigram_logp(ch)) for ch, _ in candidates if is_box_drawing(ch)
    }


#: Which way each light line of a drawing reaches: left, right, up, down.
ARMS = {"─": "LR", "│": "UD", "┌": "RD", "┐": "LD", "└": "UR", "┘": "UL", "├": "UDR", "┤": "UDL", "┬": "LRD", "┴": "LRU", "┼": "LRUD"}
#: What a box-drawing candidate that cannot join its neighbours costs (nats): about a rare character's odds.
MISFIT_LOGP = -8.0


def _drawing_misfits(items: list[str | Slot], k: int, candidates: list[tuple[str, float]]) -> set[str]:
    """The light-line candidates of slot ``k`` that cannot join the drawing around them on its line.

    A neighbour that reaches towards the slot (``─`` on either side) wants a line that reaches back; a
    slot between a line's start (or spaces) and a space or the line's end, on a line that draws, is a
    vertical stroke (``│  ├─ Windows``: a tree's trunk, which code page 936 turns into ``鈹?``).

    >>> sorted(_drawing_misfits([Slot(0, 2, []), " ", " ", "├", "─"], 0, [("─", 0.0), ("│", 0.0), ("├", 0.0), ("中", 0.0)]))
    ['─', '├']
    >>> sorted(_drawing_misfits(["├", Slot(1, 3, []), " ", "a"], 1, [("─", 0.0), ("│", 0.0), ("┐", 0.0)]))
    ['│']
    """
    drawn = [ch for ch, _ in candidates if ch in ARMS]
    if not drawn or not any(isinstance(i, str) and i in ARMS for i in items):
        return set()
    left = items[k - 1] if k > 0 else "\n"
    right = items[k + 1] if k + 1 < len(items) else "\n"
    wanted, refused = set(), set()
    if isinstance(left, str) and "R" in ARMS.get(left, ""):
        wanted.add("L")
    if isinstance(right, str) and "L" in ARMS.get(right, ""):
        wanted.add("R")
    if not wanted and isinstance(left, str) and isinstance(right, str) and right.isspace() and (left.isspace() or all(isinstance(i, str) and i.isspace() for i in items[:k])):
        refused = {"L", "R"}
    return {ch for ch in drawn if not wanted <= set(ARMS[ch]) or refused & set(ARMS[ch])}


def _beside_a_drawing(items: list[str | Slot], k: int) -> bool:
    """Whether an intact neighbour of item ``k`` is a box-drawing character.

    >>> _beside_a_drawing(["├", "─", Slot(0, 2, [])], 2), _beside_a_drawing(["-", " ", Slot(0, 2, [])], 2)
    (True, False)
    """
    return any(0 <= j < len(items) and isinstance(items[j], str) and is_box_drawing(items[j]) for j in (k - 1, k + 1))


def _known_symbol(items: list[str | Slot], k: int) -> str | None:
    """The intact non-ASCII character at ``k`` (the model's own symbol), or ``None``."""
    if 0 <= k < len(items):
        item = items[k]
        if isinstance(item, str) and not item.isascii():
            return item
    return None


#: Paired punctuation: each opening mark and its closing one. (Not ‘’: ’ is also an apostrophe.)
BRACKETS = {"（": "）", "《": "》", "【": "】", "「": "」", "『": "』", "〈": "〉", "［": "］", "｛": "｝", "“": "”"}
_PAIR_OF = {**{open_: (open_, close) for open_, close in BRACKETS.items()}, **{close: (open_, close) for open_, close in BRACKETS.items()}}


class BracketPairing:
    """Paired punctuation as a line's intact text leaves it: a closing mark is likely where an
    opening one before it would otherwise stay unclosed (``小狗（旺财?很可爱``), unlikely where
    nothing before it is open; an opening mark likewise by the closing marks after it.

    >>> pairing = BracketPairing(list("小狗（旺财") + ["?"] + list("很可爱"))
    >>> pairing.prior(5, [("）", 0.0), ("（", 0.0), ("，", 0.0)], DEFAULT_CONFIG)
    {'）': 4.0, '（': -4.0}
    >>> BracketPairing(list("小狗（名叫") + ["?"] + list("旺财）")).prior(5, [("）", 0.0)], DEFAULT_CONFIG)
    {'）': 0.0}
    """

    def __init__(self, items: list):
        self.items = items
        self._depths: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
        # Marks an earlier damaged character of the line was given the pairing for: two slots
        # after one ``「`` (``冰箱?? ``, the closing mark and a ``。``) must not both be its ``」``.
        self._claimed: Counter[str] = Counter()

    def _open_before_and_closing_after(self, pair: tuple[str, str]) -> tuple[list[int], list[int]]:
        """For each position: how many opening marks before it are unclosed, and how many
        closing marks after it close nothing after it."""
        found = self._depths.get(pair)
        if found is None:
            open_, close = pair
            found = self._depths[pair] = (_unmatched(self.items, open_, close), _unmatched(self.items[::-1], close, open_)[::-1])
        return found

    def prior(self, k: int, candidates: list[tuple[str, float]], config: RepairConfig) -> dict[str, float]:
        out = {}
        for ch, _ in candidates:
            pair = _PAIR_OF.get(ch)
            if pair is None:
                continue
            open_before, closing_after = self._open_before_and_closing_after(pair)
            # What this mark would pair with, against what pairs with it anyway.
            mine, theirs = (open_before[k], closing_after[k]) if ch == pair[1] else (closing_after[k], open_before[k])
            if not mine:
                out[ch] = config.bracket_unpaired_logp
            elif mine - self._claimed[ch] > theirs:
                out[ch] = config.bracket_paired_logp
                self._claimed[ch] += 1
            else:
                out[ch] = 0.0
        return out


def _unmatched(items, this: str, other: str) -> list[int]:
    """For each position, how many of ``this`` before it are not yet matched by ``other``."""
    depth, out = 0, []
    for item in items:
        out.append(depth)
        if item == this:
            depth += 1
        elif item == other and depth:
            depth -= 1
    return out


def _choose_all(line_items: list[list[str | Slot]], docmodel: DocumentModel, settings: SearchSettings) -> list[Choice]:
    """Fill every slot of the document."""
    choices: list[Choice] = []
    for items in line_items:
        if any(isinstance(i, Slot) for i in items):
            choices.extend(choose_line(items, docmodel, settings))
    return choices


def _document_model(
    line_items: list[list[str | Slot]], model: LanguageModel, config: RepairConfig, known: dict[int, str] | None = None
) -> DocumentModel:
    """The model mixed with the document's intact text; ``known`` (slot id → character) adds earlier choices."""
    if known:
        line_items = [[known.get(id(i), i) if isinstance(i, Slot) else i for i in items] for items in line_items]
    return DocumentModel(model, line_items, config)


def _missing_bytes(cont: bytes, kept: bytes) -> list[int]:
    """Which of ``cont`` are not in ``kept`` (a subsequence of it), greedily from the left."""
    missing, j = [], 0
    for b in cont:
        if j < len(kept) and kept[j] == b:
            j += 1
        else:
            missing.append(b)
    return missing


def _apply(line_items: list[list[str | Slot]], choice: Choice, keep_mark: bool = False, spelling: dict[int, str] = BYTE_TO_CHAR) -> str:
    """Put the choice in its slot's place, and return what was put; ``keep_mark``: one U+FFFD for the whole
    damaged character; ``spelling``: the characters of the code page the mojibake was read in."""
    items = line_items[choice.slot.line - 1]
    # A slot's column is its place among the line's items (:func:`_to_slots`), which are
    # replaced one for one: no scan of the line for each of its slots (a line of a megabyte may hold 100,000).
    at = choice.slot.column - 1
    places = (at,) if 0 <= at < len(items) and items[at] is choice.slot else range(len(items))
    for k in places:
        item = items[k]
        if item is choice.slot:
            if keep_mark:
                items[k] = UNRESOLVED
            elif choice.chosen == UNRESOLVED:
                # Nothing fitted: keep the damaged characters as they were (reported as lossy left).
                source = item.source
                items[k] = _as_mojibake(source, spelling) if source.cp1252 and not source.gap else UNRESOLVED
            else:
                items[k] = choice.chosen
            return items[k]
    return ""


def _marks_added(piece: Piece, written: str) -> int:
    """U+FFFD written in a damaged character's place, less those its damage showed (one per lost byte marked so).
    A byte that vanished on its own (:data:`VANISHED`, the repair's own mark) showed none.

    >>> _marks_added(Piece(0xE4, b"\\xbf", 1, cp1252=False), UNRESOLVED), _marks_added(Piece(0xE4, b"\\xbf", 1, gap=True), "信")
    (1, -1)
    >>> _marks_added(Piece(0xE4, b"\\xb8", 1, gap=True, vanished=True), "中")
    0
    """
    shown = piece.missing if piece.gap and not piece.question and not piece.vanished else 0
    return written.count("\ufffd") - shown


def _as_mojibake(piece: Piece, spelling: dict[int, str] = BYTE_TO_CHAR) -> str:
    """A piece's bytes as the mojibake characters they were read as (in Windows-1252, or ``spelling``'s code page).

    >>> from errata.text.codepages import code_page
    >>> _as_mojibake(Piece(0xF0, b"\\x9f\\x85", 1)), _as_mojibake(Piece(0xF0, b"\\x9f\\x85", 1), code_page("cp1251").spelling)
    ('ðŸ…', 'рџ…')
    """
    return "".join(spelling[b] for b in bytes([piece.lead]) + piece.tail)


def _ftfy_line(line: str, model: LanguageModel, reading: str | None = None) -> str:
    """ftfy on a line we left alone, kept only if it made nothing implausible (``reading``: ftfy's, where known)."""
    fixed = ftfy.fix_text(line, FTFY_CONFIG) if reading is None else reading
    new_chars = set(fixed) - set(line)
    if all(c.isascii() or is_plausible_char(c, model.vocabulary) for c in new_chars):
        return fixed
    # Latin letters beyond Latin-1 where a line shows the bytes of misread UTF-8 (``nÇ\x90`` for nǐ),
    # in words: ftfy also reads an author's ``12Å²b`` as ``12Ųb``.
    in_words = _latin_word_chars(fixed) if shows_misread_bytes(line) else set()
    if all(c.isascii() or is_plausible_char(c, model.vocabulary, c in in_words) for c in new_chars):
        return fixed
    # Whole words of one script, vowel signs and all (a README's list of its translations: العربية, ไทย,
    # বাংলা): misread UTF-8, where GBK bytes read as UTF-8 make a lone letter at most.
    in_script_words = _script_word_chars(fixed)
    if all(c.isascii() or is_plausible_char(c, model.vocabulary, c in in_words) or c in in_script_words for c in new_chars):
        return fixed
    return line


#: A run of letters and the marks that build them (Thai, Bengali and Arabic vowel signs).
_WORD_RUN = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0900-\u0dff\u0e31-\u0e4e\u0eb1-\u0ecd])+")


def _script_word_chars(text: str) -> set[str]:
    """The characters that stand in a word of one script other than Latin, two characters or more (letters
    and their marks). Latin words have their own rule (:func:`_latin_word_chars`): an author's ``12Å²b``
    is UTF-8's ``12Ųb`` to ftfy.

    >>> words = _script_word_chars("README: العربية, ไทย, α")
    >>> set("العربيةไทย") <= words, "α" in words
    (True, False)
    """
    return {ch for m in _WORD_RUN.finditer(text) if len(m.group()) > 1 and _one_script(m.group()) and script_of(m.group()[0]) != "LATIN" for ch in m.group()}


def _one_script(run: str) -> bool:
    """Whether every character of ``run`` is of one script (by its Unicode name's first word).

    >>> _one_script("বাংলা"), _one_script("rС")
    (True, False)
    """
    return len({script_of(ch) for ch in run}) == 1


def _ftfy_marked_line(line: str, model: LanguageModel, reading: str | None = None) -> str:
    """ftfy on a line with U+FFFD that nothing else read (口字码, GBK read as UTF-8), kept only where it took
    away characters beyond Latin-1 beside the marks: the 口字码 left of a GBK character (``ģ\ufffd``),
    never an author's ``é`` before a mark, nor a letter of an author's word (``się\ufffd``: ftfy reads
    ę as Windows-1250's lead byte 0xEA).

    >>> _ftfy_marked_line("# ģ\ufffd\ufffd", load_model()), _ftfy_marked_line("# café\ufffd", load_model())
    ('# \ufffd', '# café\ufffd')
    >>> _ftfy_marked_line("Polska: się\ufffd\ufffd", load_model())
    'Polska: się\ufffd\ufffd'
    """
    fixed = _ftfy_line(line, model, reading)
    taken = Counter(line) - Counter(fixed)
    in_words = _letters_of_words(line)
    return fixed if all(ord(ch) >= 0x100 and ch not in in_words for ch in taken) else line


def _letters_of_words(line: str) -> set[str]:
    """The letters standing in a word of a line (two letters or more of one script: :func:`_one_script_word`),
    which are the author's wherever a mark follows them.

    >>> sorted(_letters_of_words("się\ufffd rС\ufffd α"))
    ['i', 's', 'ę']
    """
    return {ch for m in _LETTER_RUN.finditer(line) if _one_script_word(m.group()) for ch in m.group()}


def _one_script_word(run: str) -> bool:
    """Whether a run of letters is a word: two letters or more, of one script (``się``, ``жук``),
    not an ASCII letter glued to the 口字码 after it (``rС`` in ``%rС\ufffd``).

    >>> _one_script_word("się"), _one_script_word("rС"), _one_script_word("α")
    (True, False, False)
    """
    return len(run) > 1 and _one_script(run)


#: A maximal run of letters and the combining marks that accent them (a word, in a script that spaces its
#: words; ``i\u0301`` is í written in two characters).
_LETTER_RUN = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")


def _latin_word_chars(text: str) -> set[str]:
    """The characters that stand in a Latin word of the text: a run of letters with an ASCII letter in it,
    or one of Vietnamese's letters (Latin Extended Additional: three bytes of UTF-8, which GBK's bytes read
    as UTF-8 do not make, as they make a lone ģ of two), as ``để`` has none.

    >>> sorted(_latin_word_chars("Łódź, nǐ 好 ǎ để"))
    ['d', 'n', 'ó', 'đ', 'Ł', 'ź', 'ǐ', 'ể']
    """
    return {ch for m in _LETTER_RUN.finditer(text) if any(_ascii_letter(c) or "\u1e00" <= c <= "\u1eff" for c in m.group()) for ch in m.group()}
