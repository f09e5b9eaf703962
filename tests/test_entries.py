"""Error entries read out of essays: Errata's cards, and a blog's notes kept under their own headings."""

from __future__ import annotations

import pytest

from errata.checks import check_duplicate_fingerprints, check_entries
from errata.entries import find_entries


def test_a_heading_that_names_an_error_among_other_words_is_an_entry_in_place():
    entries = find_entries("## 依赖缺失：`Gem::RemoteFetcher::FetchError`（下载超时）\n\n- 解决：换镜像\n")
    assert [(e.message, e.anchor, e.sections) for e in entries] == [
        ("Gem::RemoteFetcher::FetchError", "依赖缺失gemremotefetcherfetcherror下载超时", {"solution": "换镜像"})
    ]


def test_an_error_as_the_first_paragraph_under_a_heading_is_an_entry_in_place():
    entries = find_entries("# 未定义\n\n`Uncaught ReferenceError: TweenLite is not defined`\n\n- 解决方案：引入 CDN\n")
    assert [(e.message, e.heading_id, e.line) for e in entries] == [("Uncaught ReferenceError: TweenLite is not defined", "未定义", 1)]


@pytest.mark.parametrize(
    "body",
    [
        "## 依赖缺失：`Gem::RemoteFetcher::FetchError`\n\n换成国内镜像。\n",  # no analysis nor solution: a page's prose
        "## 安装 `numpy` 的步骤\n\n- 解决：先升级 pip\n",  # the code span names no error
        "## 依赖缺失：`Gem::RemoteFetcher::FetchError` { #gem }\n\n- 解决：换镜像\n",  # an id of the author's own
        "## 说明\n\n先看 `KeyError: 'a'` 这一行。\n\n- 解决：改键名\n",  # the span is part of a sentence
    ],
)
def test_other_headings_are_no_entries(body):
    assert find_entries(body) == []


def test_a_repeated_heading_s_entry_takes_the_id_the_table_of_contents_gives_it():
    body = "## 报错 `KeyError: 'a'`\n\n- 解决：一\n\n## 报错 `KeyError: 'a'`\n\n- 解决：二\n"
    assert [e.anchor for e in find_entries(body)] == ["报错-keyerror-a", "报错-keyerror-a_1"]


def test_a_card_entry_is_read_as_before():
    entries = find_entries("## `KeyError: 'bbox'`\n\n- 解决方案：检查标注\n")
    assert entries[0].heading_id == "" and entries[0].anchor.startswith("keyerror-bbox-")


def test_a_blog_s_note_in_place_passes_the_check_and_is_not_asked_to_merge():
    """Blogs note one error in several essays: the check asks no note kept in place to merge, but a new
    card that repeats one is reported."""
    note = find_entries("## 又遇到 `KeyError: 'a'`\n\n- 解决：改键名\n")
    again = find_entries("## 再记一次 `KeyError: 'a'`\n\n- 原因：键名拼错\n")
    card = find_entries("## `KeyError: 'a'`\n\n- 解决方案：改键名\n")
    for entries, name in ((note, "a.md"), (again, "b.md"), (card, "c.md")):
        for entry in entries:
            entry.source_path = name
    assert check_entries(note + again, "a.md") == []
    assert check_duplicate_fingerprints(note + again) == []
    assert [p.path for p in check_duplicate_fingerprints(note + again + card)] == ["c.md"]
