"""古文码 read as GBK a second time (``閸旂喕鍏`` for 功能): peeled once, then read as 古文码 is."""

from __future__ import annotations

import pytest

from dev.damage import character_errors, utf8_as_cp936, utf8_as_gbk, utf8_as_gbk_by_dotnet, utf8_as_gbk_by_iconv, utf8_as_gbk_twice
from errata.repair import repair_text
from errata.text.twice import peel, read_back_once

ESSAY = """---
title: 显存不够时的训练办法
tags:
- pytorch
- 显存
---
# 显存不够时的训练办法

训练大模型时经常遇到显存不够的问题，报错信息如下：

```
RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB
```

常见的解决办法有三种：

- 把批大小调小，比如从 32 改成 8。
- 打开混合精度训练，显存占用大约减半。
- 用梯度累积代替大批量，效果基本相同。

| 办法 | 显存 | 速度 |
|---|---|---|
| 调小批大小 | 少 | 变慢 |
| 混合精度 | 少 | 变快 |

The café's Wi-Fi was too slow, so the naïve fix had to wait.

如果以上办法都不行，就只能换一张显存更大的显卡了。
"""


@pytest.mark.parametrize("reader", ["python", "cp936", "dotnet"])
def test_gbk_read_twice_is_read_back(reader):
    """Each reader's marks, both times: a standard reader's U+FFFD, code page 936's private-use characters,
    .NET's greedy ``?`` that takes the next byte along (a front matter's line ends among them)."""
    damaged = utf8_as_gbk_twice(ESSAY, reader)
    result = repair_text(damaged, "essay.md")  # the front matter parses: no FrontMatterError
    assert character_errors(result.text, ESSAY) * 3 <= character_errors(damaged, ESSAY)
    assert "utf8-as-gbk-twice" in {fix.kind for fix in result.report.fixes}
    assert "RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB" in result.text


def test_code_page_936_read_twice_comes_back_nearly_whole():
    damaged = utf8_as_gbk_twice(ESSAY, "cp936")
    result = repair_text(damaged, "essay.md")
    assert "title: 显存不够时的训练办法\n" in result.text
    assert "- 把批大小调小，比如从 32 改成 8" in result.text
    assert character_errors(result.text, ESSAY) <= 0.05 * len(ESSAY)


def test_each_line_read_twice_is_named_where_its_damage_stood():
    damaged = utf8_as_gbk_twice(ESSAY, "cp936")
    lines = damaged.split("\n")
    fixes = [fix for fix in repair_text(damaged, "essay.md").report.fixes if fix.kind == "utf8-as-gbk-twice"]
    chinese = {number for number, line in enumerate(lines, start=1) if any("\u4e00" <= ch <= "\u9fff" for ch in line)}
    assert {fix.line for fix in fixes} == chinese
    title = next(fix for fix in fixes if fix.line == 2)
    assert lines[1][: title.column - 1] == "title: "  # the fix names the title's first column, as read


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text,
        utf8_as_gbk,
        lambda text: utf8_as_gbk(text, mark="question"),
        lambda text: utf8_as_gbk(text, greedy=True),
        utf8_as_cp936,
        lambda text: utf8_as_cp936(text, private_use=False),
        utf8_as_gbk_by_dotnet,
        utf8_as_gbk_by_iconv,
    ],
    ids=["clean", "gbk", "gbk-question", "greedy", "cp936", "cp936-no-pua", "dotnet", "iconv"],
)
def test_clean_chinese_and_gbk_read_once_are_never_peeled(damage):
    """One reading back of clean Chinese is hardly ever UTF-8, and one of 古文码 read once gives the clean
    text, which cannot be read back again: neither is taken for a second reading."""
    assert peel(damage(ESSAY)) is None


def test_lines_written_after_the_damage_stay_as_they_are():
    clean_tail = "后来补上的一行：换成 A100 之后就好了。\nAdded later: café, naïve, NESTLÉ®."
    damaged = utf8_as_gbk_twice(ESSAY, "cp936") + clean_tail + "\n"
    result = repair_text(damaged, "essay.md")
    assert result.text.endswith(clean_tail + "\n")


def test_a_short_line_reads_back_only_beside_lines_that_show_the_damage():
    """``- 显存`` read twice gives one Chinese character whole: alone it is no evidence, beside a longer
    line read twice it is read back too."""
    short = utf8_as_gbk_twice("- 显存", "cp936")
    assert peel(short) is None
    assert peel(utf8_as_gbk_twice("训练大模型时经常遇到显存不够的问题", "cp936") + "\n" + short).text.split("\n")[1] == read_back_once(short).text


def test_a_greedy_reader_s_mark_gives_back_the_line_end_it_took():
    """The second time, .NET's reader took the last byte of ``。`` (which the first made of 档's last two)
    and the line end after it: the peeled text has the front matter's end on a line of its own again."""
    damaged = utf8_as_gbk_twice("---\ntags:\n- 文档\n---\n正文还是正文，说明文档写得很清楚。", "dotnet")
    assert "- 閺傚洦銆?---" in damaged
    assert "\n- 鏂囨\ufffd\n---\n" in peel(damaged).text


def test_an_inner_mark_the_outer_reading_read_as_itself_stays():
    """The first reading's ``?`` is ASCII the second reads as itself: kept, for the 古文码 reader."""
    once = "- 鏂囨。銆?---"
    assert read_back_once(utf8_as_gbk_twice("- 文档。\n---", "dotnet")).text == once



def test_lines_read_once_beside_lines_read_twice_are_read_as_they_were():
    """Found by an audit: whether a greedy reader made the 古文码 was decided on the peeled text, where a
    character the outer reading cut is one mark for two bytes, a greedy reader's: the line read once
    beside was then read as a greedy reader's (``可能会中断`` as ``可 能会不 断``). The lines as read decide."""
    once = "如果网络不稳定，下载可能会中断，需要重新执行命令。"
    damaged = utf8_as_gbk_twice("这个脚本会读取配置文件，然后把结果写入数据库。") + "\n" + utf8_as_gbk(once, mark="question")
    assert repair_text(damaged, "note.md").text.rstrip("\n").endswith("\n" + once)


def test_a_front_matter_read_once_beside_lines_read_twice_still_parses():
    """Found by the same audit: the tags read once lost their ``]`` to the mark, which a greedy reading
    did not give back, and the front matter no longer parsed."""
    damaged = "\n".join(
        [
            "---",
            "title: " + utf8_as_gbk_twice("读书记录"),
            "tags: " + utf8_as_gbk("[读书笔记, 学习笔记]"),
            "---",
            "",
            "| " + utf8_as_gbk_twice("名称") + " | " + utf8_as_gbk_twice("说明") + " |",
            "| --- | --- |",
            "| " + utf8_as_gbk_twice("整理笔记") + " | " + utf8_as_gbk_twice("花了整整一个下午。") + " |",
            "",
        ]
    )
    result = repair_text(damaged, "note.md")  # no FrontMatterError
    assert "tags:\n- 读书笔记\n- 学习笔记\n" in result.text


@pytest.mark.parametrize("reader", ["python", "cp936"])
def test_a_byte_order_mark_read_twice_goes(reader):
    """Read back once, the mark is GBK's reading of it (``锘`` and a mark), which goes as it does read once."""
    result = repair_text(utf8_as_gbk_twice("\ufeff# 功能说明\n\n这个工具可以读取配置文件。\n", reader), "note.md")
    assert "\n# 功能说明\n" in result.text and "title: 功能说明" in result.text
    assert (1, 1, "utf8-as-gbk-twice") in [(fix.line, fix.column, fix.kind) for fix in result.report.fixes]


def test_python_s_reader_twice_keeps_the_spaces_and_line_ends_it_kept():
    """A nineteenth set of real files: a note read by Python's GBK decoder twice (``errors="replace"``) came back with
    spaces and blank lines put in (``Bug回忆录  :star:``, ``消灭 的回忆``): its inner 古文码 was read as a greedy
    reader's, which swallows the byte after a mark. Python's reader keeps it; only the outer reading's cuts stand for
    two bytes."""
    clean = "# Bug回忆录 :star:\n::: tip 记录人生点点滴滴,Bug诞生到消灭的回忆\n记录一下Bug:star::star:\n:::\n\n## 运行报错\n\n- 关掉代理就可以了\n- 端口号被占用，换一个端口\n"
    damaged = utf8_as_gbk_twice(clean)
    fixed = repair_text(damaged, "a.md").text.split("---\n")[-1]
    assert fixed.count("\n") == clean.count("\n") and "  " not in fixed
    assert character_errors(fixed, clean) <= 8  # the bytes both readings lost: a few characters guessed or marked
