"""The front-matter schema, on the variants the vdoing blogs show."""

from __future__ import annotations

import datetime as dt

import pytest

from errata.errors import EssayError
from errata.metadata import dump_front_matter, normalise_metadata, split_front_matter
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
