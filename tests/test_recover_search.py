"""The lost-byte search: which candidates it sees, and that a narrow beam still finds the best line."""

from __future__ import annotations

import math

from errata.text import langmodel
from errata.text.bytemap import Piece
from errata.text.config import DEFAULT_CONFIG
from errata.text.langmodel import load_model
from errata.text.mojibake import CandidateIndex
from errata.text.recover import DocumentModel, SearchSettings, Slot, choose_line

FIRST_SLOT = "甲乙丙丁戊"  # five equally good fits for the first damaged character


def _two_slot_model() -> langmodel.LanguageModel:
    """A toy model where 把 is the better character alone and 惊 the better one before 喜 (惊喜)."""
    chars = FIRST_SLOT + "给了我们把惊喜"
    unigram = {ch: math.log(0.05) for ch in chars} | {"把": math.log(0.2), "惊": math.log(0.01), langmodel.BOUNDARY: math.log(0.1)}
    words = {ch: logp for ch, logp in unigram.items() if ch != langmodel.BOUNDARY} | {"惊喜": math.log(0.5)}
    return langmodel.LanguageModel(unigram=unigram, bigram={}, backoff={}, words=words)


def _two_slot_line() -> tuple[list, Slot, Slot]:
    first = Slot(line=1, column=0, candidates=[(ch, 0.0) for ch in FIRST_SLOT])
    second = Slot(line=1, column=5, candidates=[("把", 0.0), ("惊", 0.0)])
    return [first, "给", "了", "我", "们", second, "喜"], first, second


def test_a_settled_slot_does_not_crowd_the_next_ones_candidates_out_of_a_narrow_beam():
    # Two hypotheses a position: without merging, both would be copies of 把 (one per choice
    # of the first slot, long settled) by the time 喜 shows that 惊 was right.
    items, _, _ = _two_slot_line()
    narrow = SearchSettings(beam_width=2, candidates_per_slot=5)
    first, second = choose_line(items, DocumentModel(_two_slot_model(), [], DEFAULT_CONFIG), narrow)
    assert second.chosen == "惊"
    assert first.chosen in FIRST_SLOT


def test_a_rival_merged_into_the_winner_still_counts_for_the_margin():
    # The five fits of the first slot tie: whichever is written, the choice is not confident,
    # although the rivals left the beam by being merged into the winner, not by losing.
    items, _, _ = _two_slot_line()
    narrow = SearchSettings(beam_width=2, candidates_per_slot=5)
    first, _ = choose_line(items, DocumentModel(_two_slot_model(), [], DEFAULT_CONFIG), narrow)
    assert first.margin == 0.0 and not first.confident
    assert first.runner_up in FIRST_SLOT and first.runner_up != first.chosen


def test_a_character_that_lost_both_bytes_gets_the_candidates_its_neighbours_know():
    # 房 (E6 88 BF) is not among the 30 likeliest characters of the E6 block by unigram;
    # after 的 and before 间 the model has seen it, so it is a candidate there.
    model = load_model()
    index = CandidateIndex(model, set())
    piece = Piece(0xE6, b"", 2)
    flat = [0.0] * 256
    alone = {ch for ch, _ in index.candidates(piece, flat, 30)}
    beside = {ch for ch, _ in index.with_neighbours(piece, flat, 30, "的", "间")}
    assert "房" not in alone and "房" in beside
    assert alone < beside
    # Every added character fits the piece: three bytes starting with E6.
    assert all(len(ch.encode()) == 3 and ch.encode()[0] == 0xE6 for ch in beside)


def test_a_piece_with_few_fits_gets_no_extra_candidates():
    index = CandidateIndex(load_model(), set())
    piece = Piece(0xE6, bytes([0x88]), 1)  # one byte lost: at most 128 fits
    flat = [0.0] * 256
    assert index.with_neighbours(piece, flat, 200, "的", "间") == index.candidates(piece, flat, 200)


def _word_penalty_model() -> langmodel.LanguageModel:
    """A toy model where 道 and 遍 tie as characters, 道 is the commoner word alone, and 找遍 is a word."""
    unigram = {ch: math.log(0.05) for ch in "找道遍了"} | {langmodel.BOUNDARY: math.log(0.1)}
    words = {"找": math.log(0.05), "了": math.log(0.05), "道": math.log(0.05), "遍": math.log(0.01), "找遍": math.log(0.002)}
    return langmodel.LanguageModel(unigram=unigram, bigram={}, backoff={}, words=words)


def test_a_line_of_fewer_longer_words_wins_by_the_word_penalty():
    # 找 / 道 / 了 outscores 找遍 / 了 as a product of word probabilities (0.05³ against 0.002 · 0.05);
    # the penalty on each word is what makes the segmentation reward characters that join into words.
    def chosen(config):
        slot = Slot(line=1, column=1, candidates=[("道", 0.0), ("遍", 0.0)])
        return choose_line(["找", slot, "了"], DocumentModel(_word_penalty_model(), [], config))[0].chosen

    assert DEFAULT_CONFIG.word_penalty > 0
    assert chosen(DEFAULT_CONFIG) == "遍"
    assert chosen(DEFAULT_CONFIG._replace(word_penalty=0.0)) == "道"


def test_the_documents_own_characters_tilt_the_choice():
    # 甲 is twice as common as 乙 in the packaged model, but this document writes 乙 in every third
    # character and never 甲: its rare character is the likelier one here (the bigram cache left out).
    unigram = {"甲": math.log(0.02), "乙": math.log(0.01), "在": math.log(0.05), "里": math.log(0.05), langmodel.BOUNDARY: math.log(0.1)}
    model = langmodel.LanguageModel(unigram=unigram, bigram={}, backoff={}, words=dict(unigram))
    document = [list("乙在里" * 30)]

    def chosen(config):
        slot = Slot(line=2, column=1, candidates=[("甲", 0.0), ("乙", 0.0)])
        return choose_line(["在", slot, "里"], DocumentModel(model, document, config))[0].chosen

    no_cache = DEFAULT_CONFIG._replace(cache_weight=0.0)
    assert chosen(no_cache) == "乙"
    assert chosen(no_cache._replace(unigram_scale=0.0)) == "甲"
