"""How much a reading of some bytes looks like text: one score to choose between decoders.

A damaged run can often be read several ways (GBK, Big5, EUC-KR, UTF-8);
every strict decoder that succeeds gives *some* characters. Which decoder
happened to succeed says nothing; the characters do. The score is the mean
log-probability per character under the packaged Chinese model (character
bigrams from a line start), with flat rates for the scripts the model did not
learn: kana and hangul are as likely as a character picked at random from a
common-use set of their script. Punctuation and ASCII cost what the model says.

>>> model = load_model()
>>> text_score("显存不够", model) > text_score("鏄惧瓨涓嶅", model)
True
>>> text_score("手册", model) > text_score("忒聊", model)
True
"""

from __future__ import annotations

import math

from .langmodel import BOUNDARY, LanguageModel, load_model, symbols

#: Per-character log-probability of a kana in Japanese text (about 170 kana in use).
KANA_LOGP = math.log(1 / 170)
#: Per-character log-probability of a hangul syllable in Korean text (about 2,350 in common use).
HANGUL_LOGP = math.log(1 / 2350)

__all__ = ["text_score", "load_model"]


def _flat_logp(ch: str) -> float | None:
    cp = ord(ch)
    if 0x3041 <= cp <= 0x30FA:
        return KANA_LOGP
    if 0xAC00 <= cp <= 0xD7A3:
        return HANGUL_LOGP
    return None


def text_score(text: str, model: LanguageModel, before: str = BOUNDARY) -> float:
    """Mean log-probability per character of ``text`` after ``before`` (a line start by default).

    An empty text scores 0. Spaces and line ends are context, not characters.
    """
    total, count = 0.0, 0
    prev = symbols([before])[0] if before else BOUNDARY
    for sym in symbols(text):
        if sym == BOUNDARY or sym == " ":
            prev = BOUNDARY
            continue
        flat = _flat_logp(sym)
        total += flat if flat is not None else model.bigram_logp(prev, sym)
        count += 1
        prev = sym
    return total / count if count else 0.0
