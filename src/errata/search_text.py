"""Chinese text for the search index: jieba's segmentation, once per distinct run of Han characters.

Material's search plugin segments every section's title and text with jieba
so that lunr, which splits on spaces, can index Chinese words: each run of Han
characters becomes its words joined by U+200B (a separator in mkdocs.yml).
It calls jieba for every run of every section, and an error knowledge base
repeats its runs endlessly (详细报错信息, 问题分析, 解决方案, the same phrases in
every card). :func:`segment_chinese` gives exactly Material's output and asks
jieba once per distinct run; the hooks put it in Material's place.

jieba is also chatty: it announces its dictionary on stderr at DEBUG level
("Building prefix dict …"). :func:`quiet_jieba` keeps it to warnings.
"""

from __future__ import annotations

import functools
import logging

ZERO_WIDTH_SPACE = "\u200b"


def quiet_jieba() -> None:
    """jieba logs its dictionary loading on stderr at every start; only its warnings are worth seeing."""
    import jieba

    jieba.setLogLevel(logging.WARNING)


@functools.lru_cache(maxsize=None)
def _han_pattern():
    from backrefs import bre  # Material's own dependency, with the Unicode script property re lacks

    return bre.compile(r"(\p{script: Han}+)", bre.UNICODE)


@functools.lru_cache(maxsize=1 << 16)
def segment_han(run: str) -> str:
    """One run of Han characters as jieba's words, each side and between them a U+200B.

    >>> segment_han("显存不够").split(ZERO_WIDTH_SPACE)
    ['', '显存', '不够', '']
    """
    import jieba

    if len(run) > MAX_RUN:  # see MAX_RUN: pieces of it, each as its own run
        return "".join(segment_han(run[at : at + MAX_RUN]) for at in range(0, len(run), MAX_RUN)).replace(2 * ZERO_WIDTH_SPACE, ZERO_WIDTH_SPACE)
    return ZERO_WIDTH_SPACE + ZERO_WIDTH_SPACE.join(jieba.cut(run)) + ZERO_WIDTH_SPACE


#: The longest run of Han characters given to jieba at once. Its HMM reads the characters its dictionary makes no
#: words of with a Viterbi path copied at every step, quadratic in their number: 100,000 ``的`` in a row took a build
#: 25 s, 160,000 took segmentation a minute (a red-team audit). Prose breaks its runs with punctuation long before
#: this; a longer run is cut here, and only a word across a cut is split otherwise than Material would split it.
MAX_RUN = 1000


def segment_chinese(text: str) -> str:
    """``text`` with every Han run segmented, as Material's search plugin segments it.

    >>> segment_chinese("CUDA 显存不够").split(ZERO_WIDTH_SPACE)
    ['CUDA ', '显存', '不够']
    """
    # segment_han is looked up at each call, so the benchmark can put the unmemoised one back.
    return _han_pattern().sub(lambda match: segment_han(match.group(0)), text).strip(ZERO_WIDTH_SPACE)
