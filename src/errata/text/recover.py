"""Choose the characters whose UTF-8 bytes were partly lost, with a language model.

A damaged character is a :class:`Slot`: the candidates its surviving bytes
allow, each with the log-likelihood that exactly its missing bytes vanished
(the *channel*). A line is a list of known characters and slots; a beam search
over the line picks the candidates that make the most likely text under

    character bigrams (packaged prose, mixed with the document's own text)
  + beta * best segmentation into dictionary words (a word-unigram model)
  + channel
  + a Markdown punctuation prior at line ends (``详细信息：`` before a block).

Known characters far from any slot cannot change the choice, so the search
runs only over short windows around clusters of slots.
"""

from __future__ import annotations

import heapq
import unicodedata
import math
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from .config import DEFAULT_CONFIG, RepairConfig
from .langmodel import BOUNDARY, MAX_WORD, LanguageModel, simplified_forms, simplified_only, symbols


class SearchSettings(NamedTuple):
    """How wide the search looks; wider is slower and (a little) better."""

    beam_width: int = DEFAULT_CONFIG.beam_width  # hypotheses kept per position
    candidates_per_slot: int = DEFAULT_CONFIG.candidates_per_slot  # candidates per slot entering the beam

    @classmethod
    def thorough(cls, config: RepairConfig) -> SearchSettings:
        """The final pass."""
        return cls(config.beam_width, config.candidates_per_slot)

    @classmethod
    def quick(cls, config: RepairConfig) -> SearchSettings:
        """A first pass whose choices only serve to estimate which bytes the document loses."""
        return cls(config.quick_beam_width, config.quick_candidates_per_slot)


THOROUGH = SearchSettings.thorough(DEFAULT_CONFIG)
#: What a slot becomes when no character fits its surviving bytes; the
#: caller puts the damaged text back in its place.
UNRESOLVED = "\ufffd"
#: Known characters on each side of a slot cluster that the search reads.
CONTEXT = MAX_WORD


@dataclass
class Slot:
    """A character with lost bytes: where it is and what it could be."""

    line: int
    column: int
    candidates: list[tuple[str, float]]  # (character, channel log-likelihood)
    prior: dict[str, float] = field(default_factory=dict)  # Markdown punctuation prior
    source: object = None  # what the slot was made from (the damaged bytes)
    #: Where the damage stood in the line as read (1-based; 0: as ``column``). ``column`` is the slot's
    #: place in the line as it is being repaired, which a run read before it may have made shorter.
    origin: int = 0


@dataclass(frozen=True)
class Choice:
    slot: Slot
    chosen: str
    runner_up: str | None
    margin: float
    confident: bool  # the margin reaches the config's low_confidence_margin


#: A document is written in Traditional characters where its intact text holds at least this many that
#: Simplified text writes otherwise, and twice as many as it holds Simplified ones of that kind (dev split,
#: 古文码 of Traditional Chinese: the fold takes code page 936's 2.24% to 2.19% beside the scoring's own).
TRADITIONAL_MIN_CHARACTERS = 5
#: What a Simplified character that Traditional text writes otherwise (记 for 記) costs in such a document:
#: the packaged model, asked of Simplified forms, cannot tell it from the Traditional one. Dev split, the
#: first 20 documents of Traditional 古文码 by code page 936 and by .NET: 0 / -2 / -4 / -8 nats cost
#: 2.19%·3.66% / 2.16%·3.63% / 2.15%·3.62% / 2.15%·3.62% of characters.
SIMPLIFIED_IN_TRADITIONAL_LOGP = -4.0


def is_traditional(characters: Counter[str]) -> bool:
    """Whether a document's intact characters (with their counts) are Traditional Chinese.

    >>> is_traditional(Counter("這個變數的說明與設定值")), is_traditional(Counter("这个变数的说明与设定值")), is_traditional(Counter("中文"))
    (True, False, False)
    """
    forms, simplified = simplified_forms(), simplified_only()
    traditional = sum(count for ch, count in characters.items() if ch in forms)
    written_simplified = sum(count for ch, count in characters.items() if ch in simplified)
    return traditional >= TRADITIONAL_MIN_CHARACTERS and traditional > 2 * written_simplified


def traditional_scoring(characters: Counter[str]) -> tuple[dict[str, str], frozenset[str]]:
    """How a document is scored by a model of Simplified Chinese: in one written in Traditional characters
    (:func:`is_traditional`), each Traditional character as its Simplified form, and the Simplified characters that
    Traditional text writes otherwise, which cost SIMPLIFIED_IN_TRADITIONAL_LOGP; elsewhere as written.

    >>> fold, otherwise = traditional_scoring(Counter("這個變數的說明與設定值"))
    >>> fold["說"], "说" in otherwise, traditional_scoring(Counter("中文"))
    ('说', True, ({}, frozenset()))
    """
    if not is_traditional(characters):
        return {}, frozenset()
    return simplified_forms(), simplified_only()


class DocumentModel:
    """The packaged model mixed with bigram counts of the document's own intact text."""

    def __init__(self, model: LanguageModel, lines: list[list[str | Slot]], config: RepairConfig = DEFAULT_CONFIG):
        self.model = model
        self.config = config
        self.word_weight = config.word_weight
        self.cache_weight = config.cache_weight
        self.packaged_weight, self.log_packaged_weight = 1 - config.cache_weight, math.log(1 - config.cache_weight)
        self.bigrams: Counter[str] = Counter()
        self.unigrams: Counter[str] = Counter()
        for items in lines:
            prev: str | None = BOUNDARY
            for item in [*symbols(items), BOUNDARY]:
                sym = None if isinstance(item, Slot) else item
                if sym is not None:
                    self.unigrams[sym] += 1
                    if prev is not None:
                        self.bigrams[prev + sym] += 1
                prev = sym
        self.total = sum(self.unigrams.values()) or 1
        self.followers: Counter[str] = Counter(pair[0] for pair in self.bigrams)
        self.context_total: Counter[str] = Counter()
        for pair, count in self.bigrams.items():
            self.context_total[pair[0]] += count
        self.memo: dict[str, float] = {}  # bigram_logp by pair
        self._adaptation: dict[str, float] = {}
        self._single: dict[str, float] = {}
        # In a document written in Traditional characters the packaged model is asked of their Simplified
        # forms, and a Simplified character Traditional text writes otherwise costs SIMPLIFIED_IN_TRADITIONAL_LOGP.
        self.fold, self.written_otherwise = traditional_scoring(self.unigrams)

    def single_word_logp(self, sym: str) -> float:
        value = self._single.get(sym)
        if value is None:
            # Punctuation is no word: the bigrams already weigh it, and its
            # unigram counted again would favour ， over ： wherever they compete. Nor is a
            # symbol (─ ❌ →), which the model's words never held: its unigram counted again
            # cost a drawing's ─ 18 nats against —.
            no_word = len(sym) == 1 and unicodedata.category(sym)[0] in "PS"
            value = self._single[sym] = 0.0 if no_word else self.model.single_word_logp(self.fold.get(sym, sym))
        return value

    def adaptation(self, ch: str) -> float:
        """How much likelier the document makes a character than the packaged model does, in nats.

        ``unigram_scale`` · log(P_doc(ch) / P(ch)), with P_doc the document's share of the character
        smoothed towards the packaged unigram by ``unigram_scale_prior`` characters' worth of it (unigram
        scaling, as adaptive language models do it). The packaged bigrams are multiplied by it; the
        document's unigram is no longer a component of the mixture of its own, which added the same floor to
        every pair ending in one of the document's characters, whatever came before (the document's bigram
        cache still backs off to that unigram, at its own weight). A character the document never wrote gets
        the same small share whatever it is; one it wrote gains the more, the rarer it is elsewhere.

        >>> model = LanguageModel({"的": -3.0, "懂": -10.0, "易": -9.0}, {}, {}, {})
        >>> doc = DocumentModel(model, [list("看不懂的书，的的的")])
        >>> doc.adaptation("懂") > doc.adaptation("的") > doc.adaptation("易")
        True
        """
        value = self._adaptation.get(ch)
        if value is None:
            scale, prior = self.config.unigram_scale, self.config.unigram_scale_prior
            packaged = math.exp(self.model.unigram_logp(self.fold.get(ch, ch)))
            in_document = (self.unigrams.get(ch, 0) + prior * packaged) / (self.total + prior)
            value = self._adaptation[ch] = scale * math.log(in_document / packaged) if scale else 0.0
        return value

    def bigram_logp(self, prev: str, ch: str) -> float:
        """log of the mixture: the packaged bigram, adapted to the document's characters, and the document's bigram."""
        cached = self.memo.get(prev + ch)
        return cached if cached is not None else self.bigram_logps(((prev, ch),))[0]

    def bigram_logps(self, pairs) -> list[float]:
        """:meth:`bigram_logp` of many (prev, ch) pairs: the local ranking asks for 160 a slot."""
        memo, packaged, fold = self.memo, self.model.bigram_logp, self.fold
        packaged_weight, log_packaged_weight, cache_weight, adaptation = self.packaged_weight, self.log_packaged_weight, self.cache_weight, self.adaptation
        unigrams, total, context_total, followers, bigrams = self.unigrams, self.total, self.context_total, self.followers, self.bigrams
        out = []
        for prev, ch in pairs:
            key = prev + ch
            value = memo.get(key)
            if value is None:
                if fold:
                    model_logp = packaged(fold.get(prev, prev), fold.get(ch, ch)) + (SIMPLIFIED_IN_TRADITIONAL_LOGP if ch in self.written_otherwise else 0.0)
                else:
                    model_logp = packaged(prev, ch)
                model_logp += adaptation(ch)
                count = unigrams.get(ch)
                if count is None:
                    # Most candidates never occur in the document: only the packaged part is left.
                    value = log_packaged_weight + model_logp
                else:
                    doc_uni = count / total
                    n = context_total.get(prev, 0)
                    if n:
                        types = followers[prev]
                        doc_bi = (bigrams.get(key, 0) + types * doc_uni) / (n + types)
                    else:
                        doc_bi = doc_uni
                    value = math.log(packaged_weight * math.exp(model_logp) + cache_weight * doc_bi)
                memo[key] = value
            out.append(value)
        return out


#: The choices of a hypothesis, last first: ``(character, the choices before it)``, ``None`` for
#: none. Hypotheses share what they have in common, so extending one costs the same at the
#: ten-thousandth slot of a line as at the first.
Chosen = tuple | None
#: Rivals merged into a hypothesis, newest first: ``(slot index, how far behind, what it chose,
#: the rivals before)``, ``None`` for none.
Rivals = tuple | None


@dataclass(slots=True)
class _Hypothesis:
    score: float  # bigram + channel + prior
    text: str  # the last classed characters of the window (for words and bigrams)
    chosen: Chosen  # the choice for each slot so far, last first
    slots: int  # how many slots that is
    seg: tuple[float, ...]  # best word-segmentation log P (word bigram terms included) up to each of the last MAX_WORD positions
    last_words: tuple[str, ...]  # the last word of each of those segmentations
    total: float  # score + word_weight * seg[-1], what the beam ranks by
    #: Hypotheses merged into this one (or into those it extends) where they chose otherwise.
    rivals: Rivals = None

    def same_segmentation(self, other: _Hypothesis) -> bool:
        """Whether the word segmentations of the last positions compare as ``other``'s do.

        With the same text and last words, that makes the same state: what the rest of the
        window adds to both is the same, so only the better of the two can ever win.
        """
        mine, theirs = self.seg, other.seg
        return len(mine) == len(theirs) and all(abs((a - mine[-1]) - (b - theirs[-1])) < 1e-9 for a, b in zip(mine, theirs))

    def absorb(self, other: _Hypothesis) -> None:
        """Note ``other`` (same state, lower total) as the rival of each slot it chose otherwise.

        The two share their choices up to where they parted, so only the choices since are read.
        """
        gap = self.total - other.total
        mine, theirs, k = self.chosen, other.chosen, self.slots - 1
        while mine is not theirs and mine is not None and theirs is not None:
            if mine[0] != theirs[0]:
                self.rivals = (k, gap, theirs[0], self.rivals)
            mine, theirs, k = mine[1], theirs[1], k - 1


def _in_order(chosen: Chosen) -> list[str]:
    """The choices first to last.

    >>> _in_order(("c", ("b", ("a", None))))
    ['a', 'b', 'c']
    """
    out = []
    while chosen is not None:
        out.append(chosen[0])
        chosen = chosen[1]
    return out[::-1]


def _closest_rivals(rivals: Rivals) -> dict[int, tuple[float, str]]:
    """For each slot, the closest merged rival: how far behind it was and what it chose.

    >>> _closest_rivals((0, 2.5, "乙", (0, 1.0, "丙", (3, 4.0, "丁", None))))
    {0: (1.0, '丙'), 3: (4.0, '丁')}
    """
    closest: dict[int, tuple[float, str]] = {}
    while rivals is not None:
        k, gap, ch, rivals = rivals
        if k not in closest or gap < closest[k][0]:
            closest[k] = (gap, ch)
    return dict(sorted(closest.items()))


def _advance(beam: list[_Hypothesis], options, docmodel: DocumentModel, width: int, slot_choice: bool) -> list[_Hypothesis]:
    """The ``width`` best extensions of the beam's hypotheses by the options ((symbol, gain) pairs).

    Every extension is scored, but only the survivors are built: at a slot
    most of the beam width times the candidates are dropped at once.
    """
    bigram, memo, model = docmodel.bigram_logp, docmodel.memo, docmodel.model
    endings = model.word_endings
    word_weight = docmodel.word_weight
    penalty = docmodel.config.word_penalty
    pmi_weight = docmodel.config.word_pmi_weight if model.word_backoff else 0.0
    # In a document written in Traditional characters, words are looked up by their Simplified forms (安裝 as the model's
    # 安装): the model's dictionary is Simplified, and a Traditional word read as single characters lost to its
    # Simplified spelling, which the document does not write.
    fold = docmodel.fold
    options = [(ch, gain, docmodel.single_word_logp(ch), fold.get(ch, ch)) for ch, gain in options]  # symbols already: never ASCII
    no_gains = [0.0] * len(options)
    # Each option as a word of one character after a previous word: the same for
    # every hypothesis that ends in that word, so worked out once per word.
    single_gains: dict[str, list[float]] = {}
    scored = []
    for h in beam:
        text, seg, last_words = h.text, h.seg, h.last_words
        last, alone = text[-1], seg[-1]
        gains = no_gains
        if pmi_weight:
            gains = single_gains.get(last_words[-1])
            if gains is None:
                gains = single_gains[last_words[-1]] = [pmi_weight * _word_pmi(model, last_words[-1], word_ch) for _, _, _, word_ch in options]
        # The words that could end at the new character, each with the best
        # segmentation before it and that segmentation's last word: looked up
        # once for all the options.
        words = [
            (seg[-length], following, stem, last_words[-length])
            for length in range(2, min(len(text) + 1, len(seg)) + 1)
            if (following := endings.get(stem := _folded(text[1 - length :], fold) if fold else text[1 - length :]))
        ]
        for (ch, gain, single, word_ch), single_gain in zip(options, gains):
            logp = memo.get(last + ch)
            score = h.score + gain + (bigram(last, ch) if logp is None else logp)
            best = alone + single + single_gain - penalty
            best_word = word_ch
            for before, following, stem, previous in words:
                logp = following.get(word_ch)
                if logp is not None:
                    word = stem + word_ch
                    logp += before - penalty
                    if pmi_weight:
                        logp += pmi_weight * _word_pmi(model, previous, word)
                    if logp > best:
                        best, best_word = logp, word
            scored.append((score + word_weight * best, score, best, h, ch, best_word))
    # Sorting by the total alone keeps equal totals in their order (the sort is stable).
    scored.sort(key=_first, reverse=True)
    # Hypotheses that reach the same state are merged (the better one goes on, remembering the
    # other as a rival): otherwise one slot's variants, long settled, fill the beam with copies
    # of one future and crowd out the next slot's candidates (我们□喜 lost 惊 to 把 that way).
    survivors: list[_Hypothesis] = []
    # By text and words first: the segmentation scores are compared only where those agree.
    alike: dict[tuple, list[_Hypothesis]] = {}
    for total, score, best, h, ch, best_word in scored:
        hypothesis = _Hypothesis(
            score,
            (h.text + ch)[-MAX_WORD:],
            (ch, h.chosen) if slot_choice else h.chosen,
            h.slots + 1 if slot_choice else h.slots,
            (h.seg + (best,))[-MAX_WORD:],
            (h.last_words + (best_word,))[-MAX_WORD:],
            total,
            h.rivals,
        )
        group = alike.setdefault((hypothesis.text, hypothesis.last_words), [])
        kept = next((other for other in group if other.same_segmentation(hypothesis)), None) if group else None
        if kept is not None:
            kept.absorb(hypothesis)
            continue
        if len(survivors) == width:
            break
        group.append(hypothesis)
        survivors.append(hypothesis)
    return survivors


_first = itemgetter(0)


def _folded(text: str, fold: dict[str, str]) -> str:
    """``text`` with each Traditional character in its Simplified form (``fold``: :func:`simplified_forms`).

    >>> _folded("安裝", {"裝": "装"})
    '安装'
    """
    return "".join(fold.get(ch, ch) for ch in text)


def _word_pmi(model: LanguageModel, previous: str, word: str) -> float:
    """log(P(word | previous) / P(word)) by the word bigrams; 0 where either word is one they do not know.

    >>> model = LanguageModel({}, {}, {}, {}, word_pmi={"异味": {"太重": 6.4}}, word_backoff={"异味": -0.5, "太重": -0.2, "很重": -0.3})
    >>> _word_pmi(model, "异味", "太重"), _word_pmi(model, "异味", "很重"), _word_pmi(model, "异味", "浓重"), _word_pmi(model, "气味", "太重")
    (6.4, -0.5, 0.0, 0.0)
    """
    backoff = model.word_backoff.get(previous)
    if backoff is None:
        return 0.0
    pmi = model.word_pmi.get(previous, _NO_PMI).get(word)
    if pmi is not None:
        return pmi
    return backoff if word in model.word_backoff else 0.0


_NO_PMI: dict[str, float] = {}


def _rank_locally(slot: Slot, left: str | None, right: str | None, docmodel: DocumentModel, keep: int) -> list[tuple[str, float]]:
    """Keep the ``keep`` candidates likeliest next to their known neighbours.

    Candidates are never ASCII, so they are their own model symbols.
    """
    candidates, prior = slot.candidates, slot.prior
    chars = [ch for ch, _ in candidates]
    if left:
        before = docmodel.bigram_logps([(left, ch) for ch in chars])
    else:
        before = [docmodel.model.unigram_logp(ch) for ch in chars]
    after = docmodel.bigram_logps([(ch, right) for ch in chars]) if right else [0.0] * len(chars)
    scored = [
        (channel + prior.get(ch, 0.0) + left_logp + right_logp, ch, channel)
        for (ch, channel), left_logp, right_logp in zip(candidates, before, after)
    ]
    return [(ch, channel) for _, ch, channel in heapq.nlargest(keep, scored)]


def _windows(items: list[str | Slot]) -> list[tuple[int, int]]:
    """(start, end) index ranges around clusters of slots, with CONTEXT known items on each side."""
    slots = [i for i, item in enumerate(items) if isinstance(item, Slot)]
    windows: list[tuple[int, int]] = []
    for i in slots:
        start, end = max(0, i - CONTEXT), min(len(items), i + CONTEXT + 1)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def choose_line(items: list[str | Slot], docmodel: DocumentModel, settings: SearchSettings = THOROUGH) -> list[Choice]:
    """Pick a character for every slot of one line.

    ``items`` is the line: known characters and slots. The line's end (after
    any trailing spaces, which Markdown uses for a hard break) counts as
    context: a ``：`` is likelier before a line end than a ``，``.
    """
    end = len(items)
    while end and isinstance(items[end - 1], str) and items[end - 1].isspace():
        end -= 1  # one slice at the end, not one per trailing space (a line may end in 100,000)
    items = symbols(items[:end])
    choices: list[Choice] = []
    for start, end in _windows(items):
        choices.extend(_search_window(items, start, end, docmodel, settings))
    return choices


def _search_window(
    items: list[str | Slot], start: int, end: int, docmodel: DocumentModel, settings: SearchSettings
) -> list[Choice]:
    def neighbour(i: int) -> str | None:
        if i < 0 or i >= len(items):
            return BOUNDARY
        item = items[i]
        return None if isinstance(item, Slot) else item

    first = neighbour(start - 1) if start > 0 else BOUNDARY
    beam = [_Hypothesis(0.0, first or BOUNDARY, None, 0, (0.0,), (first or BOUNDARY,), 0.0)]
    slots: list[Slot] = []
    width = settings.beam_width
    for i in range(start, end):
        item = items[i]
        if isinstance(item, Slot):
            slots.append(item)
            # A slot nothing fits stays unresolved (UNRESOLVED), and the line goes on.
            ranked = _rank_locally(item, neighbour(i - 1), neighbour(i + 1), docmodel, settings.candidates_per_slot) or [(UNRESOLVED, 0.0)]
            options = [(ch, channel + item.prior.get(ch, 0.0)) for ch, channel in ranked]
            # Every candidate survives its own step: its right neighbour, still
            # to come, may be what makes it (训 is unlikely at a line start, 训练 is not).
            beam = _advance(beam, options, docmodel, max(width, len(options)), True)
        else:
            beam = _advance(beam, ((item, 0.0),), docmodel, width, False)
    if end == len(items):
        beam = _advance(beam, ((BOUNDARY, 0.0),), docmodel, width, False)
    return _choices(beam, slots, docmodel.config.low_confidence_margin)


def _choices(beam: list[_Hypothesis], slots: list[Slot], threshold: float) -> list[Choice]:
    best = beam[0]
    best_total, best_chosen, merged = best.total, _in_order(best.chosen), _closest_rivals(best.rivals)
    others = [(h, _in_order(h.chosen)) for h in beam[1:]]
    out = []
    for k, slot in enumerate(slots):
        chosen = best_chosen[k]
        margin, runner_up = merged.get(k, (math.inf, None))
        rival = next(((h.total, theirs[k]) for h, theirs in others if theirs[k] != chosen), None)
        if rival is not None and best_total - rival[0] < margin:
            margin, runner_up = best_total - rival[0], rival[1]
        out.append(Choice(slot, chosen, runner_up, margin, margin >= threshold))
    return out

