"""Every tuning constant of the text repair, in one immutable value.

In the manner of ftfy's ``TextFixerConfig``: a :class:`RepairConfig` is a
named tuple, so a variant is one ``_replace`` away and can be passed down
the whole repair without touching a module global.

>>> DEFAULT_CONFIG.word_weight
1.5
>>> DEFAULT_CONFIG._replace(word_weight=2.0).word_weight
2.0
>>> dict(DEFAULT_CONFIG.line_end_prior("label"))["："]
4.0
"""

from __future__ import annotations

from typing import NamedTuple


class RepairConfig(NamedTuple):
    """The constants of the mojibake repair and the lost-byte recovery, each with its default."""

    #: How strongly the word model (best segmentation into dictionary words)
    #: counts against the character bigrams when filling lost bytes. Dev split,
    #: dense prose at 2% / 8% silent loss, 40 files, with ``word_penalty`` and
    #: ``unigram_scale`` as below: 1.0 / 1.5 cost 67·358 / 67·346 characters
    #: (the two models' plain product, 1.0, was the default before the penalty).
    word_weight: float = 1.5
    #: How strongly how words follow each other counts: log(P(w | v) / P(w)) of
    #: the word bigrams the language model knows (``异味`` then ``太重``; only
    #: when the system has sunpinyin-data, see langmodel). Dev split, dense
    #: prose at 2% / 8% silent loss, 40 files: 0 (no word bigrams) / 0.7 / 1.0 /
    #: 1.5 cost 88·506 / 77·446 / 76·440 / 80·458 characters.
    word_pmi_weight: float = 1.0
    #: What each word of a segmentation costs, in nats (a word insertion penalty, as speech
    #: recognisers have): the character bigrams already score every character, and what the word
    #: model should add is whether they join into words, so a line read as fewer, longer dictionary
    #: words is preferred (找遍了 over 找道了 on the dev split). Dev split as above: 0 / 1.5
    #: cost 68·351 / 67·346, and at 8% marked by U+FFFD 363 / 338.
    word_penalty: float = 1.5
    #: Weight of the document's own bigrams in the bigram mixture (a cache
    #: model: a document that wrote 值 after 数 will write it again).
    cache_weight: float = 0.25
    #: How strongly the document's own characters tilt the packaged bigrams (``DocumentModel.adaptation``),
    #: and how many characters' worth of the packaged unigram their shares are smoothed with. This replaced
    #: a linear mixture with the document's unigram (weight 0.1). Dev split as above: 0 / 0.4 / 0.7 / 0.85 /
    #: 1.0 cost 71·361 / 68·356 / 67·346 / 66·349 / 67·357; a prior of 50 / 100 66·349 / 67·346.
    unigram_scale: float = 0.7
    unigram_scale_prior: float = 100.0
    #: A recovered character that beats its runner-up by less than this many
    #: nats is reported as low confidence.
    low_confidence_margin: float = 2.0
    #: Where the damage showed the loss (U+FFFD or ``?``), a recovered
    #: character must beat its runner-up by this many nats to be written;
    #: below it one U+FFFD stands for the whole damaged character and is
    #: reported. Where bytes vanished unseen, the best guess is always written
    #: (and reported when below ``low_confidence_margin``).
    gap_min_margin: float = 2.0
    #: The same for a byte lost in a Big5 reading of UTF-8. Big5 pairs far fewer bytes than GBK, so a marked byte may
    #: have been any of some 33 values (not two or three), and the characters around it are mostly damaged too: the
    #: margin means less. Dev split (48 + 48 files, UTF-8 read as Big5 by Python's decoder and by a browser's), share
    #: of the guesses right by margin: 2–6 nats 27% and 25%, 6–10 35% / 32%, 10–14 53% / 52%, 14–20 62% / 67%, 20–30
    #: 85% / 59%, over 30 all 12. GBK's readings are right 94% of the time from 2 nats. At 20, what is written is
    #: right 54 times in 68 and 1,266 wrong characters fewer are written (characters wrong: 7,613 → 8,316, a mark
    #: each where a guess was right).
    big5_gap_min_margin: float = 20.0
    #: Log-likelihood that a ``?`` in Windows-1252 mojibake stands for a continuation
    #: byte other than the five that code page leaves undefined (which its encode
    #: writes as ``?``, at no cost): a byte lost on the way and marked, as any
    #: continuation byte can be. (A U+FFFD there is what its decode made of an
    #: undefined byte: any other byte is next to impossible.) Only in a document
    #: that never shows those five kept: where it does, both marks stand for any byte alike.
    question_other_byte_logp: float = -3.0
    #: Probability that a continuation byte vanished, before the document says otherwise.
    default_loss_rate: float = 0.02
    #: How many bytes' worth of evidence the overall loss rate counts for when
    #: estimating one byte value's own rate.
    prior_strength: float = 20.0
    #: Log-priors for punctuation at the end of a *label* line (one that
    #: introduces a block or ends in a hard break): ``详细报错信息：``.
    label_line_end: tuple[tuple[str, float], ...] = (
        ("：", 4.0), ("。", 1.0), ("！", 0.5), ("？", 0.5), ("）", 0.5), ("，", -2.0), ("、", -2.0), ("；", -1.0),
    )
    #: Log-prior of a bracket or quote mark (``（）《》“”``) for a damaged character where its line
    #: leaves the other half of the pair open (``小狗（旺财?很可爱``), and where nothing is open
    #: for it to pair with. Dev split, silent loss at 2% / 8%, dense prose and technical essays
    #: (40 and 54 files), characters wrong: 0 (no such prior) 76·440·34·152, 2 75·438·34·148,
    #: 4 75·436·34·146, 8 74·442·34·145.
    bracket_paired_logp: float = 4.0
    bracket_unpaired_logp: float = -4.0
    #: Log-priors for punctuation at the end of a paragraph's last line.
    paragraph_line_end: tuple[tuple[str, float], ...] = (
        ("。", 2.0), ("！", 1.0), ("？", 1.0), ("）", 1.0), ("”", 1.0), ("：", 0.5), ("，", -2.0), ("、", -2.0), ("；", -1.0),
    )
    #: A GBK/GB18030 reading of a Latin-1 run must score at least this
    #: (mean bigram log-probability per character, ``plausibility.text_score``)
    #: to be taken. Common two-character words score above -11.5, a Latin
    #: word read as GBK below -15.
    gbk_min_logp: float = -12.0
    #: The same bar for a Big5 reading: the model learnt simplified Chinese,
    #: so traditional characters score lower.
    big5_min_logp: float = -16.0
    #: Added to a Big5 reading's score when it competes with the GBK reading of the same bytes. It was 3.0,
    #: the traditional characters' handicap in a model of simplified Chinese; since the model scores a
    #: traditional character as its simplified form (``plausibility.text_logp``) only GBK's kana rows are
    #: left to make up for (Big5's commonest characters are GBK's hiragana, which score flat: 引用 as まノ).
    #: Two-character words of a helper's list (1,208 files: saved as GBK or Big5, or read as Latin-1),
    #: files wrong at 0 / 1 / 2 / 3: 106 / 88 / 88 / 112; 600 common two-character GBK titles right: 600 /
    #: 600 / 599 / 598; the dev split's rows the same at each.
    big5_bonus: float = 1.0
    #: A UTF-8 reading of GBK (or Big5) text (古文码) must score at least this
    #: (``plausibility.text_score``, lost characters left out) to be taken ...
    cjk_reading_min_logp: float = -11.0
    #: ... and beat the text as it stands by this much: 古文码 itself is made
    #: of real, if rare, characters. 1.6 on the dev split, where 2.0 left more
    #: 古文码 (3.84% against 3.53% mean CER, the greedy decoder's 16.7% against
    #: 16.3%) and no other row, clean text included, moved.
    cjk_reading_margin: float = 1.6
    #: A document's 古文码 is read as a greedy reader's (two bytes a mark, swallowed bytes put back)
    #: when that reading makes sense of this many times as much of its marked lines as the standard one.
    #: Dev split: the standard reader's 54 essays reach at most 1.008 (the greedy reader's, 1.009 to
    #: 2.3, two below 1.0); at 1.0, two standard essays were read as greedy (3.19% → 3.40%).
    paired_reading_share: float = 1.02
    #: A line of 古文码 marks that GBK reads in scraps is read as Big5's where that reading covers this many times as
    #: much of it: Big5 loses most characters' bytes (a lead byte before any continuation byte below 0xA1), and what
    #: is left of a line so damaged reads as GBK here and there. Dev split, characters wrong in UTF-8 read as Big5 by
    #: Python's decoder and by a browser's: 1.5, 2 and 3 alike (4,565 and 3,581, no GBK row moved); never, 4,698 and 3,585.
    big5_over_gbk_share: float = 2.0
    #: The shortest legacy (GBK/Big5-as-Latin-1) run considered, in bytes: one character pair.
    legacy_min_bytes: int = 4
    #: A single legacy character standing alone (``Í¼`` for 图) in a document that shows
    #: mojibake must be at least this common (unigram log-probability, Big5 with
    #: ``big5_bonus``): 图 -7.3, 页 -9.9; pairs of Latin-1 symbols read as rare
    #: ones (``¨¨`` as Big5's 豕 -15.4, ``»«`` as GBK's 猾 -13.8).
    lone_min_logp: float = -11.0
    #: Log-probability of an accented letter inside a Latin word (one of the sixty-odd
    #: that French, German, Spanish and pinyin write: é ü ñ ǎ), where a legacy
    #: reading of a file is scored (``plausibility.non_ascii_score``): a GBK line
    #: ``crème`` against Big5's ``cr豕me``.
    accented_letter_logp: float = -4.16
    #: The share of kana among a document's intact CJK characters from which kana are candidates.
    kana_min_share: float = 0.05
    #: Candidates per damaged character kept by the cheapest score (channel + unigram); the
    #: characters the model has seen beside its intact neighbours come on top of these
    #: (``CandidateIndex.with_neighbours``). Dev split, dense prose, 40 files, characters wrong at
    #: 2% / 8% silent loss and 8% marked by U+FFFD: 80 costs 72·387·577, 30 72·386·452, 20
    #: 72·386·449 (and a little more on the catalogue essays). Fewer rare candidates leave fewer
    #: spurious rivals: where the loss was marked, 303 U+FFFD are kept and 149 characters written
    #: wrong, against 353 and 224 with 80.
    prefilter_per_slot: int = 30
    #: Hypotheses the final beam search keeps per position.
    beam_width: int = 12
    #: Candidates per damaged character entering the final beam, after local ranking. Dev split,
    #: dense prose at 2% / 8% silent loss: 10 / 14 / 20 / 28 cost 72·394 / 72·386 / 72·373 /
    #: 72·367 characters, 28 at a fifth more time than 20. With the word penalty and unigram
    #: scaling the wider choice pays more: 20 / 24 / 28 / 32 / 36 / 48 cost 67·346 / 67·338 /
    #: 67·336 / 67·329 / 67·327 / 67·326, 32 at an eighth more time than 20 (CPU time of the
    #: lossy dev rows, best of three).
    candidates_per_slot: int = 32
    #: Damaged characters a document may have searched for (most of a millisecond each, three
    #: passes); past it each takes its likeliest fit alone. A long essay with heavy loss holds a
    #: few thousand; a hostile file a hundred thousand, which would take minutes.
    max_searched_slots: int = 10_000
    #: The same two for the quick passes that only estimate the document's loss rates.
    quick_beam_width: int = 6
    quick_candidates_per_slot: int = 8

    def line_end_prior(self, role: str) -> tuple[tuple[str, float], ...]:
        """The line-end punctuation priors for a line's role (``label``, ``paragraph`` or other)."""
        if role == "label":
            return self.label_line_end
        if role == "paragraph":
            return self.paragraph_line_end
        return ()


DEFAULT_CONFIG = RepairConfig()
