"""The front-matter schema, on the variants the vdoing blogs show."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
import yaml

from errata.errors import EssayError
from errata.metadata import dump_front_matter, front_matter_reformatted, normalise_metadata, split_front_matter
from errata.repair import repair_text

VDOING = """---
title:   显存不足的处理
date: 2022-05-12 12:26:17
permalink: /pages/4fe19a/
categories: 
 - mmdetection
tags: 
 - 
 - mmcv
 - mmcv
author: 
 name: 小林
 link: https://example.com/xiaolin
article: false
sidebar: auto
---
# 显存不足的处理

正文。
"""


def normalised(text: str, name: str = "03.笔记.md") -> str:
    return repair_text(text, name).text


def test_vdoing_front_matter_becomes_the_schema():
    meta = split_front_matter(normalised(VDOING)).metadata
    assert meta == {
        "title": "显存不足的处理",
        "date": "2022-05-12T12:26:17+08:00",
        "permalink": "/pages/4fe19a/",
        "categories": ["mmdetection"],
        "tags": ["mmcv"],
        "authors": [{"name": "小林", "link": "https://example.com/xiaolin"}],
        "article": False,  # vdoing-only keys are kept, not guessed at
        "sidebar": "auto",
    }


def test_body_is_kept_byte_for_byte():
    assert normalised(VDOING).split("\n---\n", 1)[1] == VDOING.split("\n---\n", 1)[1]


def test_normalising_twice_changes_nothing():
    once = normalised(VDOING)
    assert normalised(once) == once


def test_timezone_is_configurable_and_explicit_zones_are_kept():
    meta = {"title": "t", "date": dt.datetime(2022, 7, 21, 19, 9, 42)}
    utc, _ = normalise_metadata(meta, "", "a.md", timezone=dt.timezone.utc)
    assert utc["date"] == "2022-07-21T19:09:42+00:00"
    kept, _ = normalise_metadata({"title": "t", "date": "2022-07-21T19:09:42-05:00"}, "", "a.md")
    assert kept["date"] == "2022-07-21T19:09:42-05:00"


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("# 第一个标题\n\n正文\n", "05.whatever.md", "第一个标题"),
        ("没有标题的正文\n", "05.mmdetection报错汇总.md", "mmdetection报错汇总"),
        ("---\ntags: [a]\n---\n正文\n", "12.pip 安装失败.md", "pip 安装失败"),
        # A comment in code is no heading (a notebook's page took its title from "# 创建画布，画图").
        ("```python\n%matplotlib inline\n```\n\n```python\n# 创建画布，画图\nfig = plt.figure()\n```\n", "draw_picture.md", "draw_picture"),
        ("正文\n\n    # 缩进的代码\n\n# 真的标题\n", "a.md", "真的标题"),
    ],
)
def test_title_from_heading_or_numbered_file_name(text, name, title):
    assert split_front_matter(normalised(text, name)).metadata["title"] == title


def test_invalid_yaml_names_the_file_and_line():
    with pytest.raises(EssayError) as err:
        split_front_matter("---\ntitle: ok\ntags: [a, b\ndate: x\n---\n", "docs/bad.md")
    assert err.value.path == "docs/bad.md"
    assert err.value.line in (4, 5)
    assert str(err.value).startswith("docs/bad.md:")


def test_front_matter_that_is_not_a_mapping_is_an_error():
    with pytest.raises(EssayError, match="mapping"):
        split_front_matter("---\n- a\n- b\n---\n", "x.md")


def test_a_bad_date_is_an_error_naming_the_file():
    with pytest.raises(EssayError, match="x.md.*not a date"):
        repair_text("---\ntitle: t\ndate: yesterday\n---\n", "x.md")


def test_dump_is_what_parse_reads_back():
    meta = {"title": "t: with colon", "date": "2022-07-21T19:09:42+08:00", "tags": ["a", "b"]}
    assert split_front_matter(dump_front_matter(meta) + "body").metadata == meta


def test_an_unclosed_front_matter_is_an_error_on_line_1():
    with pytest.raises(EssayError) as err:
        split_front_matter("---\ntitle: t\n\n# t\n\n正文\n", "docs/open.md")
    assert str(err.value) == "docs/open.md:1: front matter is not closed: add a line '---' after its last key"


def test_a_thematic_break_later_in_the_text_is_not_front_matter():
    essay = split_front_matter("# t\n\n---\n\n正文\n", "a.md")
    assert essay.block == "" and essay.body.startswith("# t")


def test_errors_name_the_line_of_their_key():
    with pytest.raises(EssayError, match=r"^x\.md:4: date: \"yesterday\" is not a date"):
        repair_text("---\ntitle: t\ntags: [a]\ndate: yesterday\n---\n", "x.md")
    with pytest.raises(EssayError, match=r"^x\.md:3: authors: want text, not a mapping"):
        repair_text("---\ntitle: t\nauthors:\n  - name: {first: a}\n---\n", "x.md")


def test_a_front_matter_over_the_size_cap_is_refused_without_reading_past_it():
    huge = "---\ntitle: t\nnote: " + "长" * 70_000 + "\n" + "正文\n" * 100_000
    with pytest.raises(EssayError, match=r"^a\.md:1: front matter is longer than 64 KB"):
        split_front_matter(huge, "a.md")


def test_the_title_heading_follows_commonmark():
    assert split_front_matter(normalised("#标签\n\n## 小节\n\n# 真正的标题 #\n", "01.x.md")).metadata["title"] == "真正的标题"
    assert split_front_matter(normalised("# 用 C# 写\n", "01.x.md")).metadata["title"] == "用 C# 写"


@pytest.mark.timeout(20)
@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("# a" + " " * 100_000 + "b", "a b"),
        ("#" + " \t" * 50_000 + "#" * 50_000 + "x", "#" * 199 + "…"),
        ("# " + "# " * 50_000, "# " * 99 + "#…"),
    ],
    ids=["spaces", "tabs-and-hashes", "closing-run"],
)
def test_hostile_headings_take_one_pass_and_give_a_short_title(line, title):
    once = normalised(line + "\n", "01.x.md")
    assert split_front_matter(once).metadata["title"] == title
    assert normalised(once, "01.x.md") == once


def test_the_report_and_the_bytes_agree_on_reformatting():
    # The last two (real set 27): TOML written as YAML, and a block moved up to the first line, are other layouts too.
    for block in ("---\ntitle: t\nhide:\n  - toc\n---\n", "---\ntitle: 't'\n---\n", "---\ntitle: t\na: &x [1]\nb: *x\n---\n",
                  '+++\ntitle = "t"\ntags = ["a"]\n+++\n', "\n---\ntitle: t\n---\n"):
        result = repair_text(block + "正文\n", "a.md")
        assert result.report.changed and result.report.front_matter_reformatted, block
        again = repair_text(result.text, "a.md")
        assert again.text == result.text and not again.report.changed and again.report.summary() == "a.md: unchanged"


scalars = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(), st.dates())
metadata = st.fixed_dictionaries(
    {"title": st.text(min_size=1, max_size=30)},
    optional={
        "tags": st.lists(st.text(max_size=10), max_size=4),
        "categories": st.one_of(st.text(max_size=10), st.lists(st.text(max_size=10), max_size=3)),
        "description": st.text(max_size=40),
        "date": st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)),
        "extra": st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6),
    },
)


@settings(max_examples=150, deadline=None)
@given(metadata)
def test_a_normalised_block_normalises_to_itself_byte_for_byte(meta):
    try:
        out, _ = normalise_metadata(meta, "", "a.md")
    except EssayError:
        return  # e.g. a title of spaces only: no title and no heading, refused or derived
    once = dump_front_matter(out)
    essay = split_front_matter(once + "正文\n")
    again, changes = normalise_metadata(essay.metadata, essay.body, "a.md", key_lines=essay.key_lines)
    assert not front_matter_reformatted(essay, again)
    assert dump_front_matter(again) == once and changes.changed_keys == []


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml writes with its Python emitter only")
@settings(max_examples=300, deadline=None)
@given(metadata)
def test_libyaml_writes_the_block_byte_for_byte_as_the_python_emitter_does(meta):
    # The block is written by libyaml for speed; essays already written by the Python emitter
    # must still read as unchanged, so the two must never differ (an emoji is the case where
    # libyaml alone would escape: the writer falls back there).
    from errata.metadata import _Dumper

    python = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=4096)
    assert dump_front_matter(meta) == "---\n" + python + "---\n"


def test_a_title_beyond_the_bmp_is_written_as_it_is():
    assert dump_front_matter({"title": "显存不够 😀", "tags": ["𠀀"]}) == "---\ntitle: 显存不够 😀\ntags:\n- 𠀀\n---\n"


words = st.text(alphabet="abcxyz 报错汇总显存 -_.", min_size=1, max_size=12).map(str.strip).filter(bool)
layouts = st.fixed_dictionaries(
    {"default_flow_style": st.sampled_from([False, True, None]), "indent": st.sampled_from([2, 4]), "sort_keys": st.booleans()}
)
plain_metadata = st.fixed_dictionaries(
    {"title": words},
    optional={"tags": st.lists(words, max_size=3), "hide": st.lists(st.sampled_from(["toc", "navigation"]), max_size=2), "note": words},
)


@settings(max_examples=100, deadline=None)
@given(plain_metadata, layouts)
def test_whatever_the_layout_the_report_names_each_change_it_makes(meta, layout):
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, **layout) + "---\n正文\n"
    result = repair_text(text, "a.md")
    assert result.report.changed == (result.text != text)
    summary = result.report.summary()
    assert (summary == "a.md: unchanged") != result.report.changed
    assert "rewritten" not in summary  # the fallback for an unnamed change is never needed


def test_text_keys_keep_the_text_as_written_where_yaml_1_1_would_read_something_else():
    """``title: yes`` is the word (YAML 1.1 says true; VuePress's YAML 1.2 reader agrees it is text) and
    ``1.10`` a version, not 1.1; keys that are not text keep YAML's reading."""
    essay = split_front_matter("---\ntitle: yes\ntags: [1.10, on, '2']\ncategories: 3.0\npermalink: 123\ndraft: no\n---\n正文\n", "a.md")
    assert essay.metadata == {"title": "yes", "tags": ["1.10", "on", "2"], "categories": "3.0", "permalink": "123", "draft": False}
    assert repair_text("---\ntitle: off\n---\n正文\n", "a.md").text == "---\ntitle: 'off'\n---\n正文\n"


def test_a_heading_that_lost_characters_gives_no_title():
    """A GBK file read as UTF-8 with U+FFFD (口字码, unrecoverable) has a heading of marks: the repair
    reports it and takes the title from the file name, never ``GaussDB ���ݹ���ʦ`` (a real file, the
    seventh set)."""
    damaged = "---\nname: gaussdb-data-engineer\n---\n\n# GaussDB \ufffd\ufffd\ufffd\ufffd\ufffdʦ\n\n\ufffd\ufffdʹ\ufffd\ufffd\n"
    result = repair_text(damaged, "gaussdb-skill.md")
    assert result.report.title_source == "file name"
    assert "title: gaussdb-skill\n" in result.text


def test_the_authors_order_of_keys_is_kept_and_a_derived_title_comes_first():
    """A repaired file differs from its original only where something changed: the keys stay where
    their author put them (a real file's ``name`` before its ``description`` was moved after it, which
    alone made the repair's output further from the original than doing nothing)."""
    meta, _ = normalise_metadata({"name": "n", "description": "d", "date": "2024-01-02", "author": "Ann"}, "# 标题\n", "a.md")
    assert list(meta) == ["title", "name", "description", "date", "authors"]
    meta, _ = normalise_metadata({"tags": ["x"], "title": "t"}, "", "a.md")
    assert list(meta) == ["tags", "title"]


def test_a_compound_number_keeps_its_digits():
    """``1-0浏览器`` (a hope blog's chapter 1-0) lost ``1-`` and was published as ``0浏览器``; ``0-0数据结构-算法``
    as ``0数据结构-算法`` and ``1-0.5优化`` as ``0.5优化``, in the nav and in the URL. A dash or underscore after
    an order number does not take it off where a short number follows (``1-0``, ``1-0.5``), as a dot does not
    (``3.14``); a year after it is no part of the number (``01-2021年终总结``)."""
    from errata.metadata import without_order_number

    assert without_order_number("1-0浏览器") == "1-0浏览器"
    assert without_order_number("0-0数据结构-算法") == "0-0数据结构-算法"
    assert without_order_number("1-0.5优化") == "1-0.5优化"
    assert without_order_number("02-SEO优化") == "SEO优化"
    assert without_order_number("01_intro") == "intro"
    assert without_order_number("01.mmdetection") == "mmdetection"
    assert without_order_number("01-2021年终总结") == "2021年终总结"


def test_front_matter_after_blank_lines_is_moved_to_the_first_line():
    """A twenty-second set of real files: a Hugo post opens with a blank line, then its front matter, which Hugo
    reads; MkDocs shows such a block as a rule and a heading, and the repair put a second block on top of it."""
    text = "\n---\ntitle:  记一次 OOM 排查过程\ndate: 2019-11-12\n---\n\n许多年以后。\n"
    repaired = repair_text(text, "oom.md").text
    assert repaired.startswith("---\ntitle: 记一次 OOM 排查过程\n") and repaired.count("---") == 2 and repaired.endswith("\n许多年以后。\n")
    rules = "\n---\n一段话，不是键。\n---\n正文\n"  # a rule, a paragraph, a rule: no front matter
    assert split_front_matter(repair_text(rules, "rules.md").text, "rules.md").body.endswith(rules)


def test_a_wordpress_import_s_author_mapping_keeps_its_author():
    """jekyll-import's WordPress importer writes ``author:`` as ``{login, email, display_name}``, with no ``name``;
    the repair dropped the whole mapping (real set 23, PriestTomb's 2017 post: ``front matter: date, author`` and the
    author gone). The author's display name, else login, is kept."""
    text = ("---\nlayout: post\ntitle: Win10控制台乱码问题\ndate: 2017-10-30\npublished: true\nauthor:\n"
            "  login: PriestTomb\n  email: someone@example.com\n  display_name: PriestTomb\n---\n\n之前编译时发现乱码。\n")
    meta, _ = normalise_metadata(split_front_matter(text).metadata, "之前编译时发现乱码。\n", "a.md")
    assert meta["authors"] == [{"name": "PriestTomb"}]
    assert "PriestTomb" in repair_text(text, "a.md").text


def test_a_toml_front_matter_is_repaired_into_yaml():
    """A twenty-third set of real files: the repair put a YAML block on top of a Hugo post's ``+++`` TOML block, which the
    site then showed as text, and named the page after its file. TOML is written as YAML now, as the importer did."""
    text = "+++\ntitle = 'Hugo指南'\ndate = 2024-06-11T12:06:50+08:00\ntags = ['hugo']\n+++\n\n## 常用命令\n"
    repaired = repair_text(text, "hugo.md").text
    assert repaired.startswith("---\ntitle: Hugo指南\n") and "+++" not in repaired and repaired.endswith("\n## 常用命令\n")
    assert split_front_matter(repaired).metadata["tags"] == ["hugo"]


@pytest.mark.parametrize("toml, expected", [
    ("title = 'Hugo指南'\nlastmod = 17:32:00\n", {"title": "Hugo指南", "lastmod": "17:32:00"}),  # a time of day
    ("title = 'Hugo指南'\ntags = [07:30:00, 'a']\n", {"title": "Hugo指南", "tags": ["07:30:00", "a"]}),
    ("title = 'Hugo指南'\ndescription = \"\"\"\n第一段\n---\n第二段\"\"\"\n", {"title": "Hugo指南", "description": "第一段\n---\n第二段"}),
])
def test_a_toml_front_matter_s_values_are_written_as_yaml_that_means_the_same(toml, expected):
    """Red team round 33: a TOML time of day (YAML has no type for it) ended the repair in a traceback
    (``RepresenterError``), and a ``---`` line in a ``+++`` block's multi-line string ended the block there: the repair
    added a YAML block above it and left the TOML on the page as text."""
    repaired = repair_text("+++\n" + toml + "+++\n正文\n", "hugo.md").text
    assert "+++" not in repaired and repaired.endswith("---\n正文\n")
    assert {key: value for key, value in split_front_matter(repaired).metadata.items() if key in expected} == expected


def test_a_toml_front_matter_nested_too_deep_is_no_traceback():
    """Red team round 33: TOML's tables nest a level a name (``[a.a.a…]``, no recursion in tomllib), and the YAML dump
    recursed on 400 of them (``RecursionError``). Nested deeper than a YAML block may be, it is no front matter."""
    text = "+++\ntitle = 'Hugo指南'\n[" + ".".join(["a"] * 400) + "]\nb = 1\n+++\n正文\n"
    repaired = repair_text(text, "hugo.md").text
    assert repaired.endswith(text)


def test_a_rule_and_a_heading_that_reads_as_a_key_stay_on_the_page():
    """Red team round 32: a page that opens with a blank line, a rule and a setext heading whose words read as a YAML key
    (``Note: this page is outdated`` over ``---``) was told by the check to run the repair, which moved the heading into
    the front matter as a key of its own: the heading was gone from the page, and the check then passed. A block after
    blank lines is front matter only where it holds a front matter's key."""
    text = "\n---\nNote: this page is outdated, see the new one\n---\n\n正文\n"
    repaired = repair_text(text, "note.md").text
    assert "Note" not in split_front_matter(repaired, "note.md").metadata
    assert split_front_matter(repaired, "note.md").body.endswith(text)


def test_the_report_says_how_many_front_matter_comments_writing_the_block_dropped():
    """Real set 31: a block's YAML comments in 符号码 were dropped when the block was written again, and the report said
    only "reformatted". It now counts them; a ``#`` inside a value is no comment, and a block left as it is drops none."""
    from errata.repair import repair_bytes

    text = '---\ntitle: "C# 笔记 #1"\n# 分类\ncategories: "hexo" # 文章分类\ndate: 2018-10-23 16:12:48\n---\n正文\n'
    report = repair_bytes(text.encode(), "notes.md").report
    assert report.front_matter_comments_dropped == 2
    assert "2 front-matter comments dropped" in report.summary()
    assert report.to_json()["front_matter_comments_dropped"] == 2
    kept = "---\ntitle: C# 笔记\n---\n正文\n"
    assert repair_bytes(kept.encode(), "notes.md").report.front_matter_comments_dropped == 0
