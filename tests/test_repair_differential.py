"""Never worse than ftfy (issue 11): wherever ``ftfy.fix_text`` with the repair's careful config
leaves no mojibake, Errata's output is at least as right (character error rate ≤ ftfy's).

Clean text from the *dev* half of :mod:`dev.evaltext`, damaged in every class of
:mod:`dev.damage` (lossy and unrecoverable ones too: where ftfy leaves the text
as it is and sees nothing wrong, Errata must not make it worse than untouched).
"""

from __future__ import annotations

import random

import ftfy
import pytest
from ftfy.badness import is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from dev import evaltext
from dev.damage import CLASSES, character_errors, lost_bytes, mix_classes
from dev.repair_eval import repaired
from errata.text.mojibake import FTFY_CONFIG
from test_repair_properties import SETTINGS as PROPERTY_SETTINGS

SETTINGS = settings(PROPERTY_SETTINGS, max_examples=40)
DOCS = evaltext.documents(evaltext.DEV)
TEXT_CLASSES = sorted(n for n, c in CLASSES.items() if c.script == "zh_CN" and not n.startswith(("file-", "mixed-")))


def errata(damaged: str) -> str:
    """What a user gets: the repaired file, or the file untouched where the repair refuses it."""
    got = repaired(damaged.encode("utf-8"))
    return damaged if got is None else got


def check_never_worse(clean: str, damaged: str) -> None:
    theirs = ftfy.fix_text(damaged, FTFY_CONFIG)
    if is_bad(theirs):
        return  # ftfy left mojibake: nothing to compare against here
    ours = errata(damaged)
    assert character_errors(ours, clean) <= character_errors(theirs, clean), (damaged[:200], ours[:200], theirs[:200])


@SETTINGS
@given(doc=st.sampled_from(DOCS), name=st.sampled_from(TEXT_CLASSES), seed=st.integers(0, 2**16))
def test_never_worse_than_ftfy_on_any_class(doc, name, seed):
    check_never_worse(doc, CLASSES[name].apply(doc, random.Random(seed)))


@SETTINGS
@given(doc=st.sampled_from(DOCS), title=st.sampled_from(TEXT_CLASSES), body=st.sampled_from(TEXT_CLASSES), seed=st.integers(0, 2**16))
def test_never_worse_than_ftfy_on_mixtures(doc, title, body, seed):
    check_never_worse(doc, mix_classes(doc, random.Random(seed), title, body))


@SETTINGS
@given(
    doc=st.sampled_from(DOCS),
    rate=st.sampled_from([0.0, 0.02, 0.08, 0.2]),
    mark=st.sampled_from(["silent", "fffd", "question"]),
    undefined=st.sampled_from(["keep", "drop", "replace"]),
    seed=st.integers(0, 2**16),
)
def test_never_worse_than_ftfy_on_lost_bytes(doc, rate, mark, undefined, seed):
    check_never_worse(doc, lost_bytes(doc, rate, random.Random(seed), mark, undefined))


def test_never_worse_than_ftfy_on_every_dev_essay_in_every_class():
    """A deterministic sweep beside the drawn examples: the first essays of the dev split in every class."""
    worse = []
    for i, doc in enumerate(DOCS[:6]):
        for name in TEXT_CLASSES:
            damaged = CLASSES[name].apply(doc, random.Random(i))
            theirs = ftfy.fix_text(damaged, FTFY_CONFIG)
            if not is_bad(theirs) and character_errors(errata(damaged), doc) > character_errors(theirs, doc):
                worse.append((i, name))
    assert not worse, f"worse than ftfy on {len(worse)} of {6 * len(TEXT_CLASSES)}: {worse}"


#: Latin beyond Latin-1 that Chinese technical essays quote: pinyin with its tones, names, units.
LATIN_BEYOND = ["nǐ hǎo", "Běijīng", "lǜsè", "Łódź", "Dvořák", "Tiếng Việt", "œuvre", "ﬁle", "10⁶ 行", "H₂O", "25℃", "№ 3"]
UTF8_READ_AS_BYTES = ["cp1252", "latin1", "cp1252-twice"]


@SETTINGS
@given(
    doc=st.sampled_from(DOCS),
    words=st.lists(st.sampled_from(LATIN_BEYOND), min_size=1, max_size=3),
    name=st.sampled_from(UTF8_READ_AS_BYTES),
    seed=st.integers(0, 2**16),
)
def test_never_worse_than_ftfy_on_latin_beyond_latin1(doc, words, name, seed):
    """Pinyin tone marks, Polish and Vietnamese letters, ligatures, superscripts and letterlike
    symbols in UTF-8 read as single bytes: ftfy undoes them, so Errata must too."""
    lines = doc.splitlines()
    rng = random.Random(seed)
    at = rng.randrange(len(lines) // 2, len(lines) + 1)  # into the body, past the front matter
    clean = "\n".join([*lines[:at], "读音和写法：" + "，".join(words) + "。", *lines[at:]]) + "\n"
    check_never_worse(clean, CLASSES[name].apply(clean, rng))


@pytest.mark.parametrize("name", UTF8_READ_AS_BYTES)
@pytest.mark.parametrize("words", LATIN_BEYOND)
def test_latin_beyond_latin1_read_as_bytes_is_undone(words, name):
    clean = f"---\ntitle: 发音\n---\n\n中文叫做 {words}，见下文。\n"
    assert errata(CLASSES[name].apply(clean, random.Random(0))) == clean


FILE_CLASSES = sorted(n for n, c in CLASSES.items() if n.startswith(("file-", "mixed-")))


@pytest.mark.parametrize("name", FILE_CLASSES)
def test_never_worse_than_ftfy_reading_the_same_bytes(name):
    """Whole files in a legacy encoding: Errata's decoding against ftfy's own (``guess_bytes``, then ``fix_text``)."""
    cls = CLASSES[name]
    for i, doc in enumerate(evaltext.documents(evaltext.DEV, cls.script)[:6]):
        clean = cls.fit(doc)
        data = cls.apply(clean, random.Random(i))
        theirs = ftfy.fix_text(ftfy.guess_bytes(data)[0], FTFY_CONFIG)
        ours = repaired(data)
        assert ours is not None, (name, i)
        assert character_errors(ours, clean) <= character_errors(theirs, clean), (name, i)


def test_no_file_of_dense_prose_falls_apart_at_8_percent_loss():
    """Lost bytes at 8% in dense prose (dev split): each file at most 10% wrong, none left as mojibake."""
    from dev.repair_eval import loss_cases

    for index, case in enumerate(loss_cases(evaltext.DEV, 20)["lost bytes 8%, silent, dense prose"]):
        got = repaired(case.damaged.encode("utf-8"))
        assert got is not None and character_errors(got, case.clean) <= 0.1 * len(case.clean), index


@pytest.mark.parametrize("rate", [0.02, 0.08])
def test_lost_bytes_marked_with_question_marks_never_worse_than_ftfy(rate):
    """Issue 11: continuation bytes lost and written as ``?`` (dev dense prose): each file at
    least as right as careful ftfy's, the marks read as lost characters, not as new damage."""
    from dev.repair_eval import loss_cases

    for index, case in enumerate(loss_cases(evaltext.DEV, 12)[f"lost bytes {rate:.0%}, question, dense prose"]):
        theirs = ftfy.fix_text(case.damaged, FTFY_CONFIG)
        ours = errata(case.damaged)
        assert character_errors(ours, case.clean) <= character_errors(theirs, case.clean), index


#: Single-byte code pages Errata does not read UTF-8 through (Windows-1251 aside), each as a decoder
#: with replacement reads it: Central Europe's (Windows-1250, ISO 8859-2), the Baltic one, Greek,
#: DOS's 437 (a Western Windows console), the Mac's. ftfy reads several of them.
OTHER_CODE_PAGES = ["cp1250", "iso8859_2", "cp1257", "cp1253", "cp437", "mac_roman"]


@pytest.mark.parametrize("codec", OTHER_CODE_PAGES)
def test_never_worse_than_ftfy_through_a_code_page_errata_does_not_read(codec):
    """A run read partly (the characters Windows-1252 shares with these code pages) gave single Chinese
    characters among the mojibake (``仍Ąč‡Ş``), which kept ftfy's reading of the line out: where
    ftfy's reads as far likelier Chinese, it is taken."""
    for doc in DOCS[:12]:
        damaged = "".join(bytes([b]).decode(codec, errors="replace") for b in doc.encode("utf-8"))
        theirs = ftfy.fix_text(damaged, FTFY_CONFIG)
        ours = errata(damaged)
        assert character_errors(ours, doc) <= character_errors(theirs, doc), (codec, damaged[:120], ours[:120], theirs[:120])
