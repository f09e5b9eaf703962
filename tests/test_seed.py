"""The seed essay, recovered exactly: every character, title and tags included."""

from __future__ import annotations

from conftest import FIXTURES, ROOT, corpus_or_skip
from errata.metadata import split_front_matter
from errata.repair import repair_bytes

SEED = FIXTURES / "seed" / "000_c81bc17658af7d4b.txt"
IMPORTED = ROOT / "docs" / "01.mmdetection" / "01.mmdetection-errors.md"


def repaired_seed():
    return repair_bytes(SEED.read_bytes(), "05.mmdetection报错汇总.md")


def test_seed_title_and_tags():
    meta = split_front_matter(repaired_seed().text).metadata
    assert meta["title"] == "mmdetection报错汇总"
    assert meta["tags"] == []  # the single empty item was YAML null
    assert meta["permalink"] == "/pages/7c1c52/"
    assert meta["authors"] == [{"name": "Shanya", "link": "https://github.com/shanyaliux"}]


def test_seed_body_matches_the_authors_original_exactly():
    truth = corpus_or_skip("seed-truth", "original-body.md").read_text(encoding="utf-8")
    assert split_front_matter(repaired_seed().text).body == truth


def test_imported_seed_in_docs_is_the_repair_of_the_fixture():
    # docs/ holds the committed import; it must be exactly what the repair makes today.
    imported = split_front_matter(IMPORTED.read_text(encoding="utf-8"))
    assert imported.body == split_front_matter(repaired_seed().text).body
    assert "\ufffd" not in imported.body and "æ" not in imported.body
