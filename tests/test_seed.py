"""The seed essay: title, tags and metadata exactly; the body to within SEED_ERRORS_ALLOWED characters."""

from __future__ import annotations

from conftest import FIXTURES, ROOT, corpus_or_skip
from dev.damage import character_errors
from errata.metadata import split_front_matter
from errata.repair import repair_bytes

SEED = FIXTURES / "seed" / "000_c81bc17658af7d4b.txt"
IMPORTED = ROOT / "docs" / "01.mmdetection" / "01.mmdetection-errors.md"
#: The seed is a regression test, not a tuning target (issue 11: prefer robust settings over its exactness).
#: Without sunpinyin-data the body comes back exactly. With it (which made every lost-byte row of the dev
#: split better) one silently lost byte reads 计算梯度运算之前 as 计算梯度还算之前: 还算 ("fairly") is far
#: commoner on the web than 运算, and nothing in the line says otherwise. The document's own characters tilting
#: the model (``unigram_scale``, chosen on the dev split, where it and the word penalty took silent loss in dense
#: prose from 72 · 371 to 67 · 346 characters wrong) read ``Pytorch中 torch.relu()`` as ``Pytorch不``: 不 is
#: frequent in this essay. At 0.5 the seed is as before and the dev split a little worse (see BENCHMARKS.md); a
#: constant only the seed needs is not taken. More wrong than this is a regression.
SEED_ERRORS_ALLOWED = 2


def repaired_seed():
    return repair_bytes(SEED.read_bytes(), "05.mmdetection报错汇总.md")


def test_seed_title_and_tags():
    meta = split_front_matter(repaired_seed().text).metadata
    assert meta["title"] == "mmdetection报错汇总"
    assert meta["tags"] == []  # the single empty item was YAML null
    assert meta["permalink"] == "/pages/7c1c52/"
    assert meta["authors"] == [{"name": "Shanya", "link": "https://github.com/shanyaliux"}]


def test_seed_body_matches_the_authors_original():
    truth = corpus_or_skip("seed-truth", "original-body.md").read_text(encoding="utf-8")
    assert character_errors(split_front_matter(repaired_seed().text).body, truth) <= SEED_ERRORS_ALLOWED


def test_the_published_seed_is_the_authors_original():
    truth = corpus_or_skip("seed-truth", "original-body.md").read_text(encoding="utf-8")
    assert split_front_matter(IMPORTED.read_text(encoding="utf-8")).body == truth


def test_imported_seed_in_docs_is_the_repair_of_the_fixture():
    # docs/ holds the committed import: what the repair makes today, but for the characters the
    # language model in use may decide otherwise (SEED_ERRORS_ALLOWED; the page keeps the right ones).
    imported = split_front_matter(IMPORTED.read_text(encoding="utf-8"))
    assert character_errors(imported.body, split_front_matter(repaired_seed().text).body) <= SEED_ERRORS_ALLOWED
    assert "\ufffd" not in imported.body and "æ" not in imported.body
