"""The Chinese mojibake table, class by class: each damage made here with Python's codecs, undone and named."""

from __future__ import annotations

import difflib
import random
import re

import pytest

from dev.damage import character_errors, legacy_as_code_page, utf8_as_cp932_by_windows, utf8_as_cp936, utf8_as_gbk, utf8_as_gbk_by_dotnet
from errata.repair import FrontMatterError, repair_bytes, repair_text
from errata.text.mojibake import repair_mojibake
from errata.text.legacy_pages import CODE_PAGES, LEGACY, read_in_code_page

ESSAY = "---\ntitle: 开发环境报错汇总\ntags:\n- 显存\n---\n# 开发环境\n\n显存不够，训练报错。请把批大小减半后重试。\n"


def utf8_as_latin1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def read_as_sloppy_cp1252(data: bytes) -> str:
    """Bytes read as Windows-1252, the five bytes it leaves undefined kept as C1 controls."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def utf8_as_sloppy_cp1252(text: str) -> str:
    return read_as_sloppy_cp1252(text.encode("utf-8"))


def gbk_as_latin1(text: str) -> str:
    return text.encode("gbk").decode("latin-1")


@pytest.mark.parametrize("damage", [utf8_as_latin1, utf8_as_sloppy_cp1252])
def test_front_matter_is_repaired_before_yaml_reads_it(damage):
    damaged = damage(ESSAY)
    assert "\x8f" in damaged or "\x80" in damaged  # C1 controls YAML refuses
    result = repair_text(damaged, "a.md")
    assert result.text == ESSAY
    assert result.report.title_fixed
    assert result.report.front_matter_problem == ""


def test_front_matter_that_still_does_not_parse_is_left_and_the_body_repaired():
    body = "# 开发环境\n\n显存不够，训练报错。\n"
    text = "---\ntitle: [unclosed\n---\n" + utf8_as_sloppy_cp1252(body)
    with pytest.raises(FrontMatterError, match="b.md:3: invalid YAML front matter") as caught:
        repair_bytes(text.encode(), "b.md")
    result = caught.value.result
    assert result.text == "---\ntitle: [unclosed\n---\n" + body
    assert result.report.front_matter_problem.startswith("b.md:3: invalid YAML front matter")
    assert "front matter left as found (b.md:3:" in result.report.summary()
    assert [f.kind for f in result.report.fixes] == ["utf8-as-cp1252"] * 2


@pytest.mark.parametrize(
    ("front", "problem"),
    [("date: yesterday", 'b.md:3: date: "yesterday" is not a date'), ("tags: [[a]]", "b.md:3: tags: item 1: want text, not a list")],
)
def test_a_front_matter_value_of_the_wrong_shape_is_left_and_the_body_repaired(front, problem):
    body = "# 开发环境\n\n显存不够，训练报错。\n"
    text = f"---\ntitle: 环境\n{front}\n---\n" + utf8_as_sloppy_cp1252(body)
    with pytest.raises(FrontMatterError) as caught:
        repair_bytes(text.encode(), "b.md")
    assert str(caught.value).startswith(problem)
    result = caught.value.result
    assert result.text == f"---\ntitle: 环境\n{front}\n---\n" + body
    assert result.report.front_matter_problem.startswith(problem)


# 期间, 变量 and 起来: their GBK bytes are also Big5 (ぶ潔, 曹講, れ懂), which a bonus for Big5 readings once let win.
@pytest.mark.parametrize("word", ["我们", "手册", "显存", "报错", "训练", "模型", "安装", "版本", "环境", "数据", "期间", "变量", "起来"])
def test_gbk_as_latin1_two_character_titles(word):
    damaged = f"---\ntitle: pytorch {gbk_as_latin1(word)}\n---\n正文。\n"
    result = repair_text(damaged, "c.md")
    assert f"title: pytorch {word}\n" in result.text
    assert [f.kind for f in result.report.fixes] == ["gbk-as-latin1"]


def test_gbk_as_latin1_inside_an_utf8_mojibake_document():
    text = "# " + gbk_as_latin1("报错汇总") + "\n\n" + utf8_as_sloppy_cp1252("显存不够，训练报错。") + "\n"
    fixed, report = repair_mojibake(text)
    assert fixed == "# 报错汇总\n\n显存不够，训练报错。\n"
    assert [(f.line, f.kind) for f in report.fixes] == [(1, "gbk-as-latin1"), (3, "utf8-as-cp1252")]


def test_each_fix_names_its_class_line_and_column():
    cases = {
        "utf8-as-latin1": utf8_as_latin1("训练报错"),
        "utf8-as-cp1252": utf8_as_sloppy_cp1252("训练报错"),
        "utf8-as-cp1252-twice": utf8_as_sloppy_cp1252(utf8_as_sloppy_cp1252("训练报错")),
        "gbk-as-latin1": gbk_as_latin1("训练报错"),
    }
    for kind, damaged in cases.items():
        fixed, report = repair_mojibake(f"ok\nabc {damaged}\n")
        assert fixed == "ok\nabc 训练报错\n", kind
        assert [(f.line, f.column, f.kind) for f in report.fixes] == [(2, 5, kind)]


def test_report_counts_classes_in_summary_and_json():
    text = "# " + gbk_as_latin1("报错汇总") + "\n" + utf8_as_sloppy_cp1252("显存不够") + "\n" + utf8_as_sloppy_cp1252("训练") + "\n"
    report = repair_text(text, "d.md").report
    assert "by class: 1 gbk-as-latin1, 2 utf8-as-cp1252" in report.summary()
    data = report.to_json()
    assert data["fix_counts"] == {"gbk-as-latin1": 1, "utf8-as-cp1252": 2}
    assert data["fixes"][0] == {"line": 1, "column": 3, "kind": "gbk-as-latin1"}
    assert all(v >= 0 for v in data.values() if isinstance(v, int))


@pytest.mark.parametrize(
    "latin", ['print("café")  # naïve', "NESTLÉ® Ôôô VIDA MINHA", "4288× faster", "Jürgen Köhler, élève", "Değişiklik başarılı; ağır işçi, İzmir"]
)
def test_latin_text_stays_in_a_document_with_mojibake_elsewhere(latin):
    text = "# " + utf8_as_sloppy_cp1252("显存不够") + "\n\n```python\n" + latin + "\n```\n\n" + latin + "\n"
    fixed, _ = repair_mojibake(text)
    assert fixed == "# 显存不够\n\n```python\n" + latin + "\n```\n\n" + latin + "\n"


def test_gbk_read_as_windows_1254_is_undone_too():
    """A charset detector that guesses Windows-1254 (Turkish) for GBK text, as some search indexes do,
    leaves 拼音码 with six letters of its own (女性 as ``Å®ĞÔ``, 别 as ``±ğ``)."""
    body = "性别：女性。\n\n这是个身穿红衣的女郎，一脸精灵顽皮的神气，别有一番动人风韵。\n"
    damaged = body.encode("gbk").decode("cp1254")
    assert "ĞÔ" in damaged and "±ğ" in damaged
    fixed, report = repair_mojibake(damaged)
    assert fixed == body and {f.kind for f in report.fixes} == {"gbk-as-latin1"}


GUWEN = "训练的时候显存不够，请把批大小减半，然后重新运行训练脚本。"


def utf8_as(codec: str, text: str) -> str:
    return text.encode("utf-8").decode(codec, errors="replace")


def test_utf8_read_as_gb18030_is_undone_and_named():
    damaged = "# " + utf8_as("gb18030", "显存不够") + "\n\n" + utf8_as("gb18030", GUWEN) + "\n"
    fixed, report = repair_mojibake(damaged)
    assert fixed == "# 显存不够\n\n" + GUWEN + "\n"
    assert {f.kind for f in report.fixes} >= {"utf8-as-gbk"}


@pytest.mark.parametrize("saved_back", [False, True])
def test_utf8_read_as_gbk_fills_gaps_or_leaves_them_visible(saved_back):
    damaged = utf8_as("gbk", GUWEN)
    if saved_back:  # 问句码: the U+FFFD became ? when the text was saved as GBK again
        damaged = damaged.encode("gbk", errors="replace").decode("gbk")
    assert "\ufffd" in damaged or "?" in damaged
    fixed, report = repair_mojibake(damaged)
    assert len(fixed) == len(GUWEN)
    wrong = sum(a != b for a, b in zip(fixed, GUWEN))
    assert wrong <= 3  # the lost bytes are guessed from context; the rest is exact
    assert "鏄" not in fixed and "璇" not in fixed
    assert report.characters_recovered + report.lossy_left >= 4


def test_utf8_read_as_gbk_in_the_middle_of_a_clean_line():
    line = "详细报错：" + utf8_as("gb18030", "显存不够，训练报错") + " (CUDA out of memory)"
    fixed, report = repair_mojibake(line)
    assert fixed.startswith("详细报错：显存不够，训练报")
    assert fixed.endswith(" (CUDA out of memory)")


def test_a_word_whose_every_character_lost_a_byte_is_read_in_a_line_of_guwenma():
    # 目标 is E7 9B AE E6 A0 87: GBK pairs E7 9B and E6 A0, marks AE and 87. No character is left whole, so
    # alone the span is no evidence; beside the line's other 古文码 it is, and 鏍 was turned into a mark.
    damaged = utf8_as_gbk("必须 (目标 URI, 清单位置) 对。")
    assert "(鐩\ufffd鏍\ufffd URI" in damaged
    fixed, _ = repair_mojibake(damaged)
    assert fixed == "必须 (目标 URI, 清单位置) 对。"
    # A line of nothing else stays as it was read: two characters short of a byte each could be anything.
    assert repair_mojibake("(鐩\ufffd鏍\ufffd URI)")[0] == "(鐩\ufffd鏍\ufffd URI)"


@pytest.mark.parametrize(
    "clean",
    [GUWEN, "某些情况下会出错", "中文标点，冒号：括号（）顿号、", "烫烫烫"],
)
def test_clean_chinese_is_not_taken_for_utf8_read_as_gbk(clean):
    assert repair_mojibake(clean)[0] == clean


def test_unrecoverable_damage_is_reported_with_line_and_column_and_left_as_it_is():
    kouzi = "显存不够".encode("gbk").decode("utf-8", errors="replace")  # 口字码
    kunkao = kouzi.encode("utf-8").decode("gbk", errors="replace")  # 锟斤拷
    text = f"# 报错\n\n{kouzi}\n变量的值是 烫烫烫烫烫\n{kunkao}\n"
    result = repair_text(text, "e.md")
    assert result.text.endswith(text.split("---\n")[-1].split("# 报错\n", 1)[1])
    kinds = [(f.line, f.column, f.kind) for f in result.report.unrecoverable]
    assert (3, 1, "gbk-as-utf8-replaced") in kinds
    assert (4, 7, "uninitialised-memory") in kinds
    assert any(line == 5 and kind == "kunkao" for line, _, kind in kinds)
    assert "not recoverable: " in result.report.summary()
    assert result.report.to_json()["unrecoverable_counts"]["kunkao"] >= 1



@pytest.mark.parametrize("mark", ["ï»¿", "Ã¯Â»Â¿", "锘"])
def test_line_one_columns_count_a_misread_byte_order_mark(mark):
    """A fix's column counts in the file as read, the mark the repair removes included; the damage
    left counts in the repaired line, where a person mends it (the mark is gone there)."""
    damaged = utf8_as_sloppy_cp1252("详细")
    text = f"{mark}# 报错 {damaged} 烫烫烫\n"
    fixed, report = repair_mojibake(text)
    assert fixed == "# 报错 详细 烫烫烫\n"
    mark_fix, fix = report.fixes
    assert (mark_fix.line, mark_fix.column) == (1, 1)
    assert (fix.line, text[fix.column - 1 :].startswith(damaged)) == (1, True)
    finding = report.unrecoverable[0]
    assert (finding.line, fixed[finding.column - 1 :].startswith("烫烫烫")) == (1, True)

REPLACED = "在计算梯度之前不要修改变量的值，否则会报错。请把批大小减半后重新发布。"


def test_cp1252_replacement_characters_are_filled_without_debris():
    # UTF-8 read as strict cp1252 with replacement: the five undefined bytes became U+FFFD.
    damaged = REPLACED.encode("utf-8").decode("cp1252", errors="replace")
    assert damaged.count("\ufffd") >= 5
    fixed, report = repair_mojibake(damaged)
    assert "\ufffd" not in fixed or report.lossy_left == fixed.count("\ufffd")
    assert "å" not in fixed and "è" not in fixed  # the mojibake after each gap is decoded too
    assert sum(a != b for a, b in zip(fixed, REPLACED)) <= 1 and len(fixed) == len(REPLACED)


def test_an_unsure_gap_keeps_one_visible_mark_and_is_reported():
    # With an impossible bar every gap stays a single U+FFFD, reported as lost bytes.
    from errata.text.config import DEFAULT_CONFIG

    damaged = REPLACED.encode("utf-8").decode("cp1252", errors="replace")
    fixed, report = repair_mojibake(damaged, config=DEFAULT_CONFIG._replace(gap_min_margin=1e9))
    assert len(fixed) == len(REPLACED)
    assert fixed.count("\ufffd") == report.lossy_left == len(report.unsure) > 0
    assert {f.kind for f in report.unrecoverable} == {"lost-bytes"}
    assert all(a == b for a, b in zip(fixed, REPLACED) if a != "\ufffd")


def test_gbk_as_latin1_body_with_single_characters_between_ascii():
    body = "# mmdetection 获取最高map的epoch\n\n自动从训练结果中获取最高的mAP所对应的epoch。\n“自我妥协”的细菌 · 完成\n"
    fixed, report = repair_mojibake(gbk_as_latin1(body))
    assert fixed == body
    assert {f.kind for f in report.fixes} == {"gbk-as-latin1"}


def read_as_gbk_pairing_greedily(text: str) -> str:
    """UTF-8 read by a GBK reader that takes every byte from 0x80 with the byte after it, whatever
    it is, and writes one U+FFFD for a pair it cannot map (a newline after it goes with it)."""
    return utf8_as_gbk(text, greedy=True)


def test_utf8_read_by_a_greedy_gbk_reader_is_read_around_its_marks():
    # Each mark stands for two bytes: the end of one character and the start (or all) of the next,
    # or a newline. 的 after 中 (涓�殑) lost its lead byte with 中's last byte: it is recovered too.
    text = "正在校验译文中的引用。\n已创建初始目录结构。\n"
    damaged = read_as_gbk_pairing_greedily(text)
    assert "涓\ufffd殑" in damaged and damaged.count("\n") < text.count("\n")
    result = repair_text(damaged, "a.md")
    body = result.text.split("---\n", 2)[2]
    assert "正在校验译文中的引用" in body and "已创建初始目录结构" in body
    assert not any("\u9000" <= ch <= "\u9fff" and ch not in text for ch in body)  # no 古文码 left (鏂, 閫…)
    assert any(fix.kind == "utf8-as-gbk" for fix in result.report.fixes)


def test_a_character_that_lost_its_lead_byte_gets_every_three_byte_character_that_fits():
    from errata.text.bytemap import Piece
    from errata.text.langmodel import load_model
    from errata.text.mojibake import CandidateIndex

    index = CandidateIndex(load_model(), set())
    whole = {fit.char for fit in index.matches(Piece(0, "的".encode()[1:], 0, cp1252=False, gap=True, lead_lost=True))}
    assert "的" in whole and all(ch.encode()[1:] == "的".encode()[1:] for ch in whole) and len(whole) <= 16
    half = {fit.char for fit in index.matches(Piece(0, "的".encode()[2:], 1, cp1252=False, gap=True, gap_at=0, lead_lost=True))}
    assert "的" in half and whole < half


def test_gbk_read_as_utf8_is_never_worse_than_careful_ftfy_and_an_author_s_letter_before_a_mark_stays():
    import ftfy
    from rapidfuzz.distance import Levenshtein

    from errata.text.mojibake import FTFY_CONFIG

    clean = "---\ntitle: 模型\n---\n# 模型\n\n正文照常。\n"
    damaged = clean.replace("模型", "模型".encode("gbk").decode("utf-8", "replace"))  # 口字码: ģ and marks
    assert "ģ" in damaged
    ours = repair_text(damaged, "a.md").text
    assert Levenshtein.distance(ours, clean) <= Levenshtein.distance(ftfy.fix_text(damaged, FTFY_CONFIG), clean)
    assert any(f.kind == "gbk-as-utf8-replaced" for f in repair_text(damaged, "a.md").report.unrecoverable)
    authored = "---\ntitle: t\n---\n# café\ufffd\n"
    assert repair_text(authored, "a.md").text == authored


def test_an_author_s_letter_in_a_word_before_a_mark_stays_whatever_its_script():
    # ftfy reads a letter before U+FFFD as a UTF-8 lead byte whose sequence lost bytes, in any of its
    # code pages (ę and ě are Windows-1250 0xEA and 0xEC): in a word they are an author's, as é is.
    for line in ("Proszę\ufffd\ufffd", "Polska: się\ufffd\ufffd", "Czech: ně\ufffd\ufffd"):
        authored = f"---\ntitle: t\n---\n正文。\n\n{line}\n"
        assert repair_text(authored, "a.md").text == authored, line


GREEDY_ESSAY = (
    "---\ntitle: 开发环境报错汇总\ndate: 2021-03-05\ntags:\n- 显存\n---\n# 开发环境\n\n"
    "运行训练脚本 train.py 时出现这个错误，请把批大小减半后重试。\n\n"
    "- 编辑配置文件 conf.py 即可\n- 训练 5 次都报错\n\n"
    "版本 ≥ 7.0 → 行为改变，运行训练脚本时出现这个错误。\n"
)


def test_a_greedy_reader_s_swallowed_newlines_and_spaces_are_put_back():
    damaged = read_as_gbk_pairing_greedily(GREEDY_ESSAY)
    assert damaged.count("\n") < GREEDY_ESSAY.count("\n")  # lines merged, a blank line gone
    result = repair_text(damaged, "a.md")
    # The front matter's lines are apart again, so it parses: its date is a date, not a title's tail.
    assert result.report.front_matter_problem == ""
    assert result.text.count("\n") == GREEDY_ESSAY.count("\n")
    for line in ("运行训练脚本 train.py 时出现这个错误", "- 编辑配置文件 conf.py 即可"):
        assert line in result.text
    # The spaces around symbols are back whether or not the symbols (≥ →) could be chosen surely.
    assert re.search("版本 . 7\\.0 . 行为改变", result.text)
    assert any(fix.kind == "swallowed-byte" for fix in result.report.fixes)


def test_a_greedy_reader_is_told_by_the_words_right_after_its_marks():
    """.NET's GBK reader (PowerShell's) pairs a byte with the space after it and writes ``?``: a word
    then follows the mark (``鐢?`open()``` for 由 `open()`), where a standard reader keeps the space.
    In a short text both readings make sense of as much, so the words after the marks tell."""
    clean = "由 `open()` 返回的文件描述符\n\n出错时设置 `errno` 变量\n\n设备支持该 ioctl 调用\n"
    damaged = read_as_gbk_pairing_greedily(clean).replace("\ufffd", "?")
    assert "鐢?`open()`" in damaged
    fixed, report = repair_mojibake(damaged)
    assert "出错时设置 `errno` 变量" in fixed and " `open()` 返回的文件描述" in fixed
    assert fixed.count("\n") == clean.count("\n") and any(fix.kind == "swallowed-byte" for fix in report.fixes)
    standard = clean.encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?")
    assert repair_mojibake(standard)[0].count("\n") == clean.count("\n")


@pytest.mark.parametrize("private_use", [True, False])
def test_a_greedy_reader_s_merged_lines_come_apart_with_or_without_its_private_use_characters(private_use):
    """A file PowerShell 5 rewrote: list items merged at ``銆?- **`` come apart, and, where the private-use
    characters went, pairs lost without a mark beside the marks are read too. (A heading merged with its
    paragraph stays one line: between two Chinese characters a swallowed byte may be a quote or a digit.)"""
    clean = (
        "## 目标与价值\n解决模板与实景之间的特征错位问题。通过让用户在屏幕上当场框选区域，即刻生成模板。\n\n"
        "- **触发机制**：在预览区上增加长按手势。\n- **交互动作**：\n  - 手指拖动形成矩形遮罩。\n  - 松开手指确认区域。\n"
    )
    damaged = utf8_as_gbk_by_dotnet(clean, private_use)
    assert damaged.count("\n") < clean.count("\n") - 3 and any("\ue000" <= ch <= "\uf8ff" for ch in damaged) == private_use
    fixed = repair_mojibake(damaged)[0]
    assert [line[:4] for line in fixed.split("\n")] == [line[:4] for line in clean.replace("价值\n解决", "价值 解决").split("\n")]
    assert "## 目标与价值 解决模板与实" in fixed and "即刻生成模板。" in fixed  # the line end it took stays a space
    want_text = clean.replace("价值\n解决", "价值 解决")
    if private_use:  # every pair is there: what is not read for sure keeps its mark
        assert len(fixed) == len(want_text) and all(got in (want, "\ufffd") for got, want in zip(fixed, want_text))
    else:
        assert difflib.SequenceMatcher(None, fixed, want_text).ratio() > 0.9


def test_a_two_character_heading_that_lost_a_pair_silently_is_read_in_a_document_of_古文码():
    """``## 瀹夎`` for 安装: 装 lost E8's pair partner without a mark (a private-use character dropped), so
    one character reads whole and one is short of bytes. Alone that is too little to read silently (many
    a clean character reads as one short of a byte); in a document that shows 古文码 elsewhere, it is read."""
    clean = "# 使用说明\n\n这个工具可以自动检测设备，并把结果写入日志文件。\n\n## 安装\n\n先下载压缩包，然后运行脚本。\n"
    damaged = utf8_as_cp936(clean, private_use=False)
    assert "## 瀹夎\n" in damaged
    assert "## 安装\n" in repair_mojibake(damaged)[0]
    assert repair_mojibake("## 瀹夎\n")[0] == "## 瀹夎\n"  # alone: nothing else shows 古文码


def test_a_greedy_reader_that_read_line_by_line_keeps_its_line_ends():
    """A tool that reads a file line by line pairs a byte with the space after it (``鐢?`open()```) but
    never sees a line end: no line end is put back after a mark at one, so no blank lines are added."""
    clean = (
        "## 说明\n\n如果总线过载，该调用会恢复供电。并非所有适配器都支持该 ioctl。\n\n成功时返回 0。\n\n"
        "出错时返回 -1，并相应地设置 `errno` 变量。\n\n由 `open()` 返回的文件描述符。\n\n"
        '- 速率，即缓冲区大小，类似于"块大小"）；\n'
    )
    damaged = "\n".join(utf8_as_gbk_by_dotnet(line) for line in clean.split("\n"))
    assert damaged.count("\n") == clean.count("\n") and "鐢?`open()`" in damaged
    fixed = repair_mojibake(damaged)[0]
    assert fixed.count("\n") == clean.count("\n")
    assert "出错时返回 -1，并相应地设置 `errno` 变量。" in fixed and " `open()` 返回的文件描述符。" in fixed and "成功时返回 0。" in fixed
    assert "- 速率，即缓冲区大小，类似于" in fixed  # the quotes it took with two bytes are spaces or marks, never line ends


def test_a_greedy_reader_s_swallowed_space_before_a_table_s_pipe_stays_a_space():
    """A table row ends with its pipe, and a swallowed byte follows a Chinese character: before a pipe it
    was a cell's space, not a line end (``| 特性 | 说明 |`` came apart into two rows)."""
    clean = (
        "## 特性\n\n| 特性 | 说明 |\n|---|---|\n| 六模态统一存储 | 关系型与图与向量，一套接口统一查询 |\n"
        "| 实时本体推理 | 七条推理规则，推导链可追溯 |\n| 自适应内存管理 | 系统压力大时自动收缩 |\n\n由 `open()` 返回，设置 `errno` 变量。\n"
    )
    damaged = utf8_as_gbk_by_dotnet(clean)
    assert "?|" in damaged
    fixed = repair_mojibake(damaged)[0]
    assert all(line.startswith("|") for line in fixed.split("\n")[2:7]) and fixed.count("\n") == clean.count("\n")


def test_a_mark_before_a_closing_quote_gets_no_space_put_back():
    """Windows' code page 936 marks a lead byte that cannot pair with the ASCII after it and keeps that
    byte; with its private-use characters marked too (one mark for two bytes), the document reads as a
    greedy reader's. A string's closing quote after a mark was then given a space (``"全真教 "``), which
    no one writes there and which a greedy reader seldom swallowed either."""
    clean = (
        '// 门派检查\nif (family == "全真教") {\n    say("先去找师兄学点基本功吧。");\n}\n'
        'else if (gender == "男性") {\n    say("是" + master + "叫你来找我的？好，好。");\n}\n'
    )
    damaged = "".join("\ufffd" if "\ue000" <= ch <= "\uf8ff" else ch for ch in utf8_as_cp936(clean))
    assert '鏁\ufffd")' in damaged and '鐢锋€\ufffd")' in damaged and '銆\ufffd");' in damaged
    fixed = repair_mojibake(damaged)[0]
    for literal in ('"全真教")', '"男性")', '好。");', '"是" +'):
        assert literal in fixed


def test_a_standard_reader_s_marks_swallow_nothing():
    # Python's decoder keeps the ASCII byte after a lead byte it cannot pair: nothing to put back.
    damaged = GREEDY_ESSAY.encode("utf-8").decode("gbk", errors="replace")
    result = repair_text(damaged, "a.md")
    assert not any(fix.kind == "swallowed-byte" for fix in result.report.fixes)
    assert result.text.count("\n") == GREEDY_ESSAY.count("\n")


def test_two_continuation_bytes_lost_at_one_greedy_mark_rule_out_characters_gbk_can_pair():
    from errata.text.bytemap import Piece
    from errata.text.langmodel import load_model
    from errata.text.mojibake import CandidateIndex

    index = CandidateIndex(load_model(), set())
    loose = {fit.char for fit in index.matches(Piece(0xE5, b"", 2, cp1252=False, gap=True))}
    paired = {fit.char for fit in index.matches(Piece(0xE5, b"", 2, cp1252=False, gap=True, pair_lost=True))}
    # 够 (E5 A4 9F): A4 9F is no GBK character, so a greedy reader lost both at one mark; 好 (E5 A5 BD) it reads as one.
    assert "够" in paired and "好" in loose and "好" not in paired
    assert paired < loose and len(paired) < len(loose) / 2


def test_pieces_that_differ_only_in_where_their_byte_went_are_scored_apart():
    from errata.text.bytemap import Piece
    from errata.text.langmodel import load_model
    from errata.text.mojibake import CandidateIndex

    index = CandidateIndex(load_model(), set())
    table = [0.0] * 256
    # 的 is E7 9A 84: with 0x9A kept, the lost byte is its last; with it kept as the last, its first.
    first = dict(index.candidates(Piece(0xE7, b"\x9a", 1, cp1252=False, gap=True, gap_at=1), table, 40))
    second = dict(index.candidates(Piece(0xE7, b"\x9a", 1, cp1252=False, gap=True, gap_at=0), table, 40))
    assert "的" in first and "的" not in second


def test_a_greedy_reader_s_swallowed_carriage_return_adds_no_line():
    damaged = read_as_gbk_pairing_greedily(GREEDY_ESSAY.replace("\n", "\r\n"))
    assert "\r\n" in damaged and damaged.count("\r") < GREEDY_ESSAY.count("\n")  # some CRs swallowed
    result = repair_bytes(damaged.encode("utf-8"), "a.md")
    assert result.text.count("\n") == GREEDY_ESSAY.count("\n") and "\r" not in result.text
    assert "- 编辑配置文件 conf.py 即可\n" in result.text


def test_utf8_read_as_gbk_by_a_reader_that_dropped_what_it_could_not_map_is_read_too():
    # errors="ignore" (iconv -c): the bytes GBK cannot map vanish without a mark, so a character
    # may miss a byte anywhere; the reading finds where, and the lost-byte recovery fills it.
    damaged = GREEDY_ESSAY.encode("utf-8").decode("gbk", errors="ignore")
    assert "\ufffd" not in damaged and "?" not in damaged
    result = repair_text(damaged, "a.md")
    assert result.report.front_matter_problem == ""
    body = result.text.split("---\n", 2)[2]
    assert "运行训练脚本 train.py 时出现这个错误，请把批大小减半后重试。" in body
    assert not any("\u9000" <= ch <= "\u9fff" and ch not in GREEDY_ESSAY for ch in body)  # no 古文码 left (鏂, 閫…)
    assert any(fix.kind == "utf8-as-gbk" for fix in result.report.fixes)


def test_clean_chinese_is_not_read_as_utf8_that_lost_bytes():
    clean = "---\ntitle: 模型训练\n---\n# 模型\n\n训练时显存不够，报错退出。把批大小减半后重试，问题解决了。\n"
    assert repair_text(clean, "a.md").text == clean


def read_as_gbk_dropping_pairs(text: str) -> str:
    """UTF-8 read as GBK the way glibc's ``iconv -c`` reads it: 0x80 is €, a pair it cannot map is dropped
    whole, a byte that no byte can follow (before ASCII) alone."""
    data, out, i = text.encode("utf-8"), [], 0
    while i < len(data):
        if data[i] < 0x80:
            out.append(chr(data[i]))
            i += 1
        elif data[i] == 0x80:
            out.append("€")
            i += 1
        else:
            pair = data[i : i + 2]
            try:
                out.append(pair.decode("gbk"))
            except UnicodeDecodeError:
                if len(pair) < 2 or not (0x40 <= pair[1] <= 0xFE and pair[1] != 0x7F):
                    i += 1  # the next byte cannot be a second byte: only this one goes
                    continue
            i += 2
    return "".join(out)


def test_a_heading_whose_characters_iconv_left_mostly_short_of_bytes_is_read_beside_other_gu_wen_ma():
    """Real set 33: glibc drops the user-defined pair AB E9 across 快 (E5 BF AB) and 速 (E9 80 9F), both short of a byte,
    and 0x80 reads as ``€``: ``蹇€熻瘖鏂``, one character of four whole. A silently damaged span needs two whole ones, so
    the heading stayed 古文码, unreported; in a document that shows 古文码 elsewhere it is read."""
    clean = "## 快速诊断\n\n检查端口是否被占用，然后修改配置文件。\n"
    damaged = read_as_gbk_dropping_pairs(clean)
    assert damaged.startswith("## 蹇€熻瘖鏂\n")
    fixed, report = repair_mojibake(damaged)
    assert fixed.startswith("## 快速诊断\n")
    assert {(fix.line, fix.kind) for fix in report.fixes} >= {(1, "utf8-as-gbk"), (1, "lost-bytes")}


def test_a_character_cut_between_two_chunks_is_reported_as_lost_bytes_not_kou_zi_ma():
    """Real set 33: a program that decoded a file 1 KB at a time with replacement marks a character cut after its lead
    byte three times (the lead at one chunk's end, each continuation byte at the next one's start)."""
    clean = "即文件所属用户有读、写权限，群组只有读权限，其它用户只有读权限。权限用数字表示时，读是四，写是二，执行是一。\n"
    data = clean.encode("utf-8")
    cut = data.index("文".encode("utf-8")) + 1
    damaged = data[:cut].decode("utf-8", errors="replace") + data[cut:].decode("utf-8", errors="replace")
    assert "\ufffd" * 3 in damaged
    assert {f.kind for f in repair_mojibake(damaged)[1].unrecoverable} == {"lost-bytes"}


def test_utf8_read_as_gbk_by_a_reader_that_drops_pairs_and_knows_the_euro_sign_is_read_too():
    damaged = read_as_gbk_dropping_pairs(GREEDY_ESSAY)
    assert "€" in damaged and "\ufffd" not in damaged
    result = repair_text(damaged, "a.md")
    body = result.text.split("---\n", 2)[2]
    assert "运行训练脚本 train.py 时出现这个错误" in body and "€" not in body
    assert not any("\u9000" <= ch <= "\u9fff" and ch not in GREEDY_ESSAY for ch in body)


@pytest.mark.parametrize("reader", [read_as_gbk_dropping_pairs, lambda text: utf8_as_cp936(text, private_use=False)])
def test_a_clean_character_before_silently_damaged_text_is_not_read_as_one_that_lost_its_lead_byte(reader):
    # ：is A3 BA in GBK, two bytes that look like a three-byte character's continuation bytes (棺 is E6 A3 BA)
    line = "详细报错：" + reader("显存不够，训练报错") + " (CUDA out of memory)"
    fixed, _ = repair_mojibake(line)
    assert fixed.startswith("详细报错：显存不够，") and fixed.endswith(" (CUDA out of memory)")


@pytest.mark.parametrize("private_use", [True, False])
def test_utf8_read_by_windows_code_page_936_is_read_with_its_marks_and_its_silent_losses(private_use):
    """Windows' code page 936 (PowerShell 5, Notepad's "ANSI") marks a byte it cannot pair (U+FFFD) and
    maps GBK's user-defined pairs to private-use characters, which a later step often drops: then one
    line holds marked losses and silent ones (``鏈湴`` for 本地: AC E5 went as a private-use character)."""
    damaged = utf8_as_cp936(GREEDY_ESSAY, private_use=private_use)
    assert "\ufffd" in damaged and any("\ue000" <= ch <= "\uf8ff" for ch in damaged) == private_use
    body = repair_text(damaged, "a.md").text.split("---\n", 2)[2]
    assert "运行训练脚本 train.py 时出现这个错误" in body
    assert not any("\u9000" <= ch <= "\u9fff" and ch not in GREEDY_ESSAY for ch in body)  # no 古文码 left (鏂, 閫…)
    line = utf8_as_cp936("今天教你在本地部署模型，而且完全开源免费。", private_use=private_use)
    assert repair_mojibake(line)[0] == "今天教你在本地部署模型，而且完全开源免费。"


def test_no_break_spaces_of_windows_1252_mojibake_turned_plain_are_read_as_their_byte():
    """0xA0 is inside 标 (E6 A0 87) and ends 你 (E4 BD A0) and 无 (E6 97 A0); Windows-1252 reads it as a
    no-break space, which a browser, an editor or a search index turns into a plain one (``æ ‡``). A
    document that shows one inside a character, where only 0xA0 makes sense, gets each back."""
    clean = "# 故障排除\n\n你也可以设置环境变量代替标志，无需重新安装。\n"
    damaged = clean.encode("utf-8").decode("cp1252", errors="ignore").replace("\xa0", " ")
    assert "æ ‡" in damaged and "ä½ ä¹Ÿ" in damaged
    assert repair_mojibake(damaged)[0] == clean
    # One space alone, between two Chinese characters, where 0xA0 makes 无 (likelier than 旁, which a dropped 81
    # would make): Chinese puts no space there, so it was the 0xA0 too.
    without_the_tell = "无需重新安装。\n".encode("utf-8").decode("cp1252", errors="ignore").replace("\xa0", " ")
    assert repair_mojibake(without_the_tell)[0] == "无需重新安装。\n"


def test_a_no_break_space_made_plain_before_a_dropped_byte_is_read_as_its_byte():
    """码 (E7 A0 81) through a web page is ``ç `` alone: its 0xA0 a plain space, its 81 dropped. Before,
    the lead byte stood alone, a character that lost both bytes, and became 等 or 的."""
    clean = "# 源码安装\n\n先下载源码 `main` 分支，再设置标志，无需重新安装。把密码写进配置文件。\n"
    damaged = clean.encode("utf-8").decode("cp1252", errors="ignore").replace("\xa0", " ")
    assert "ç  `main`" in damaged
    assert repair_mojibake(damaged)[0] == clean


TREE_ESSAY = "目录结构如下：\n\n```\n项目/\n├── src/\n│   └── main.py\n└── README.md\n```\n\n输出到桌面。\n"


@pytest.mark.parametrize("errors", ["replace", "ignore"])
def test_a_folder_tree_read_as_gbk_is_drawn_again(errors):
    """READMEs draw their folders with box-drawing characters (├── is E2 94 9C E2 94 80 E2 94 80), which
    GBK reads as 鈹溾攢鈹; with no Han among them and the model's newspaper never drawing one, such
    lines were left as 古文码. A character short of a byte stays marked where the choice is not sure."""
    fixed, _ = repair_mojibake(TREE_ESSAY.encode("utf-8").decode("gbk", errors=errors))
    assert "鈹" not in fixed and "攢" not in fixed
    assert "项目/\n├─" in fixed and "\n└─" in fixed
    if errors == "ignore":
        assert "├── src/" in fixed and "└── main.py" in fixed and "└── README.md" in fixed


README_SYMBOLS_ESSAY = """# 使用说明

- ❌ 不要直接修改配置文件
- ✅ 先检查脚本，再提交
- ⚠️ 注意：版本 ≥ 7.0 → 行为改变

先由 nyx研究所 的脚本分析素材，再进入 ❷ 编排。
"""


def test_an_emoji_whose_last_byte_was_a_no_break_space_comes_back_before_its_selector():
    # 🛠️ is F0 9F 9B A0 EF B8 8F: through a web page ``ðŸ› ï¸``, the space the 0xA0 made plain.
    clean = "## 🛠️ 最小依赖\n\n标志：⚠️ 注意\n"
    damaged = clean.encode("utf-8").decode("cp1252", errors="ignore").replace("\xa0", " ")
    assert "ðŸ› ï¸" in damaged
    assert repair_mojibake(damaged)[0] == clean


def test_readme_symbols_through_a_web_page_come_back():
    """❌ (E2 9D 8C) and ❷ (E2 9D B7) lose their 9D through a web page, and the model's newspaper never
    wrote either: they were no candidates (❷ stayed ``â·``), or a symbol paid its unigram twice as a
    word of its own. ⚠ (E2 9A A0) lost its 0xA0 to a plain space before the variation selector of ⚠️,
    and 研 (E7 A0 94) right after a Latin name (nyx研究所) to one before the next character."""
    damaged = README_SYMBOLS_ESSAY.encode("utf-8").decode("cp1252", errors="ignore").replace("\xa0", " ")
    assert "âŒ " in damaged and "nyxç ”" in damaged
    assert repair_mojibake(damaged)[0] == README_SYMBOLS_ESSAY


@pytest.mark.parametrize("reading", ["latin-1", "cp1252 with U+FFFD", "cp1252 twice"])
def test_a_keycap_emoji_beside_chinese_comes_back(reading):
    """A twentieth set of real files: a troubleshooting note numbers its sections ``1️⃣`` (1, U+FE0F, U+20E3).
    Read as Latin-1 or Windows-1252, once or twice, the enclosing keycap (a combining mark) was no character a
    Chinese text writes, so ``ï¸âƒ£`` stayed on every line that held Chinese mojibake too (ftfy reads it)."""
    clean = "# 故障排查手册\n\n## 1️⃣ 云服务连接问题\n\n## #️⃣ 编号 2️⃣ 数据同步异常\n"
    data = clean.encode("utf-8")
    damaged = {
        "latin-1": data.decode("latin-1"),
        "cp1252 with U+FFFD": data.decode("cp1252", errors="replace"),
        "cp1252 twice": utf8_as_sloppy_cp1252(utf8_as_sloppy_cp1252(clean)),
    }[reading]
    assert "⃣" not in damaged
    assert repair_mojibake(damaged)[0] == clean


@pytest.mark.parametrize("outer", ["latin-1", "cp1252"])
def test_guwen_read_again_as_a_western_code_page_is_read_through_both_layers(outer):
    """A twentieth set of real files: a note in 古文码 (UTF-8 read as GBK) was opened again as Windows-1252 or
    Latin-1. The outer reading was undone and the 古文码 under it left (``鍦ㄨ繘琛宯pm install``), named as 口字码;
    a second run of the repair read it. Now one run reads both, and the report names both."""
    clean = "# 编译失败\n\n在进行安装时，出现了报错，具体报错内容如下：\n\n显存不够，换小一点的批量大小。\n\n目录树中引用的文档 %r 不存在单页全索引\n"
    guwen = clean.encode("utf-8").decode("gbk", errors="replace")
    damaged = utf8_as_latin1(guwen) if outer == "latin-1" else utf8_as_sloppy_cp1252(guwen)  # the bytes Windows-1252 leaves undefined kept
    fixed, report = repair_mojibake(damaged)
    # The bytes GBK could not map are lost: a character or two may be guessed wrong. After ``%r`` the outer reading's run
    # reads as 古文码, which the model finds unlikely Chinese: it is undone all the same.
    assert character_errors(fixed, clean) <= 3
    kinds = {fix.kind for fix in report.fixes}
    assert {"utf8-as-gbk", "utf8-as-latin1" if outer == "latin-1" else "utf8-as-cp1252"} <= kinds


def test_a_single_byte_reading_undone_is_not_read_again_where_it_left_clean_chinese():
    """The second reading is asked only where what the first gave reads back as Chinese: clean text, and a
    single layer of Windows-1252 mojibake, come out as before."""
    clean = "# 编译失败\n\n显存不够，换小一点的批量大小。鏄 is a rare character here.\n"
    fixed, report = repair_mojibake(clean.encode("utf-8").decode("cp1252", errors="replace"))
    assert fixed.replace("\ufffd", "") == clean.replace("\ufffd", "") or character_errors(fixed, clean) <= 2
    assert {fix.kind for fix in report.fixes} <= {"utf8-as-cp1252", "lost-bytes"}


def test_a_no_break_space_made_plain_at_a_line_end_or_before_the_authors_space_is_read_as_its_byte():
    # 核 (E6 A0 B8) at a line's end, 无 (E6 97 A0) before an author's space: ``æ ¸`` and ``æ—  API``.
    clean = "标志：增加风险审核\n无 API Key 时的标志\n"
    damaged = clean.encode("utf-8").decode("cp1252", errors="ignore").replace("\xa0", " ")
    assert repair_mojibake(damaged)[0] == clean


LIST_ESSAY = """# 使用场景

- 需要一个符合规范的浏览器工具时。
- 需要在命令缺失时也能先读到安装帮助。
- 安装之后，先检查命令是否可见。
- 更新之后，重新运行路径检查命令。

## 更新

先按上游仓库的方式更新命令行工具。
"""


def test_a_reader_that_kept_its_line_ends_in_a_list_gets_none_put_back():
    """A tool that reads line by line (pairing a byte with the next, a mark for a pair it cannot map)
    never swallows a line end. After a list item ending in a mark comes the next item, where a reader
    of the whole text would have had to swallow a blank line between two items: before, the repair
    took it for one and put back a line end after every such item."""
    damaged = "\n".join(read_as_gbk_pairing_greedily(line) for line in LIST_ESSAY.split("\n"))
    assert damaged.count("\ufffd\n- ") >= 2
    fixed = repair_text(damaged, "a.md").text.split("---\n", 2)[2]
    assert "\n\n- " not in fixed.split("## 更新")[0].split("# 使用场景\n\n")[1]


EMOJI_ESSAY = "## 功能特性\n\n### 🏠 主界面（今日）\n\n- 显示今日日期和服药状态\n\n### 📷 摄像头拍照\n\n- 全屏拍照\n"


@pytest.mark.parametrize("reader", ["line by line, greedy", "python, replace"])
def test_an_emoji_read_as_gbk_is_read_back(reader):
    """🏠 (F0 9F 8F A0) reads as 馃彔 in GBK: four bytes, two pairs, no Han in the UTF-8 reading and a
    pictograph the model never saw, so a heading's emoji stayed 古文码 where its text came back."""
    if reader == "python, replace":
        damaged = EMOJI_ESSAY.encode("utf-8").decode("gbk", errors="replace")
    else:
        damaged = "\n".join(read_as_gbk_pairing_greedily(line) for line in EMOJI_ESSAY.split("\n"))
    assert "馃彔" in damaged
    fixed = repair_mojibake(damaged)[0]
    assert "### 🏠 主界面" in fixed and "### 📷 摄像头拍照" in fixed


SIGNS_ESSAY = "## 运行条件\n\n温度是 25°C，误差 ±5 以内。\n\n- 注意 ⚠️ 版本\n- 状态：✅ 通过\n- 尺寸 3×3 的卷积\n"


@pytest.mark.parametrize("reader", ["python, replace", "line by line, greedy", "dotnet"])
def test_signs_read_as_gbk_are_read_back(reader):
    """° (C2 B0) reads as 掳 in GBK, ± as 卤, × as 脳, and ⚠️ (E2 9A A0 EF B8 8F) as 鈿狅笍: the
    model's newspaper hardly wrote a sign, so the sign scored below the garble and stayed 古文码
    while the Chinese around it came back. A sign now scores as an emoji does; the variation
    selector after ⚠ counts as nothing."""
    if reader == "python, replace":
        damaged = SIGNS_ESSAY.encode("utf-8").decode("gbk", errors="replace")
    elif reader == "dotnet":
        damaged = utf8_as_gbk_by_dotnet(SIGNS_ESSAY)
    else:
        damaged = "\n".join(read_as_gbk_pairing_greedily(line) for line in SIGNS_ESSAY.split("\n"))
    assert "掳" in damaged and "鈿狅笍" in damaged
    fixed = repair_mojibake(damaged)[0]
    for part in ("25°C", "±5", "⚠️ 版本", "3×3"):
        assert part in fixed
    if reader != "python, replace":  # the standard reader's mark after ✅ holds one byte of three: no sure choice
        assert "状态：✅ 通过" in fixed


def test_a_short_note_read_by_dotnet_is_read_as_a_greedy_reader_s():
    """→ (E2 86 92) then a space reads as 鈫? in .NET's reader, the space swallowed. Read as a standard
    reader's one-byte mark, only ↪ (E2 86 AA) fits before 鎴 (AA E6 cannot pair in Python's GBK), so
    the arrows came back as an invented ↪ and no space. A private-use character shows a Windows reader,
    which pairs every byte before a Han character: a mark right before one took a byte with it."""
    clean = "# 说明\n\n状态：✅ 通过\n结果 → 成功\n箭头 ← 左边\n温度 25°C，误差 ±0.5\n"
    damaged = utf8_as_gbk_by_dotnet(clean)
    assert "\ue15e" in damaged and "鈫?鎴" in damaged
    fixed = repair_mojibake(damaged)[0]
    assert "↪" not in fixed
    assert "结果 \ufffd 成功" in fixed or "结果 → 成功" in fixed
    assert "状态：✅ 通过" in fixed and "误差 ±0.5" in fixed


@pytest.mark.parametrize("clean", ["掳掠的人", "卤水豆腐", "路上小心，温度适中。"])
def test_a_clean_rare_character_that_reads_as_a_sign_in_utf8_stays(clean):
    # 掳 is C2 B0 in GBK, which UTF-8 reads as °: clean Chinese beside clean Chinese is no 古文码.
    text = f"# 说明\n\n这是一篇干净的中文笔记。\n\n{clean}\n"
    assert repair_mojibake(text)[0] == text


def _twice_through_a_web_page(text: str) -> str:
    """符号码 twice (C1 controls kept both times), then shown by a web page or a search index:
    C1 controls and soft hyphens gone, no-break spaces plain."""
    once = "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in text.encode("utf-8"))
    twice = "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in once.encode("utf-8"))
    return "".join(ch for ch in twice if not ("\x80" <= ch <= "\x9f" or ch == "\xad")).replace("\xa0", " ")


def test_mojibake_twice_that_lost_its_invisible_characters_is_undone():
    """A search index showed a real file garbled twice this way. 码 (E7 A0 81) reads ``ç``, a no-break
    space and U+0081 once, ``Ã§Â Â`` twice once the U+0081 is gone and the space plain; 用 (E7 94 A8)
    keeps ``â€`` of ” (E2 80 9D) short of its 9D; 把 (E6 8A 8A) holds two spaces that were 0xA0.
    Before, such characters were filled in as if read once, into Chinese that was never there."""
    clean = "# 调整码率\n\n我们把码率调高了，问题就解决了 → 完成。\n\n使用 Python 运行：先安装依赖，再重新生成 ReStructuredText。\n"
    damaged = _twice_through_a_web_page(clean)
    assert "Ã§Â Â" in damaged and "\x81" not in damaged
    fixed, report = repair_mojibake(damaged)
    assert fixed == clean
    assert {fix.kind for fix in report.fixes} == {"utf8-as-cp1252-twice", "lost-bytes"}  # 码 lost its 81 too


def test_mojibake_twice_of_latin_text_without_its_invisible_characters_is_undone():
    clean = "À bientôt, Ângela — Â la carte.\n"
    assert repair_mojibake(_twice_through_a_web_page(clean))[0] == clean


def test_a_character_twice_garbled_that_lost_a_byte_of_its_own_is_chosen_among_the_bytes_that_vanish():
    """``Â`` short of a byte stood for one of the six bytes that vanish on their own (81 8D 8F 90 9D,
    and AD, the soft hyphen), which narrows 中 (E4 B8 AD) and 小 (E5 B0 8F) to six candidates each."""
    clean = "训练时报错，先把批大小调小，再检查模型中的变量。\n"
    fixed, report = repair_mojibake(_twice_through_a_web_page(clean))
    assert fixed == clean
    assert report.characters_recovered >= 2


def _twice_marked_through_a_web_page(text: str) -> str:
    """符号码 twice by a reader that writes U+FFFD for the bytes Windows-1252 leaves undefined (Java's and
    .NET's decoders), shown by a web page: soft hyphens gone, no-break spaces plain. Written here, not
    taken from dev.damage, so that the test does not lean on the simulator the benchmark uses."""
    once = text.encode("utf-8").decode("cp1252", errors="replace")
    twice = once.encode("utf-8").decode("cp1252", errors="replace")
    return twice.replace("\xad", "").replace("\xa0", " ")


def test_mojibake_twice_whose_first_reader_marked_undefined_bytes_is_undone():
    """The first reading's U+FFFD comes back as ``ï¿½`` (EF BF BD read again), a byte that vanished where
    it stands; the second's stays U+FFFD after ``â€`` (” short of its 9D). Found in a real Java file (the
    seventh set), where such comments became Big5 and GBK read as Latin-1, invented characters, and
    careful ftfy did far better. A character that lost two bytes so is left marked, and counted once."""
    clean = "// 当前类的对象创建完毕之前\nthrow new AppException(\"对不起，数据库服务器没有启动，请联系管理员！\");\n"
    damaged = _twice_marked_through_a_web_page(clean)
    assert "ï¿½" in damaged and "â€\ufffd" in damaged
    fixed, report = repair_mojibake(damaged)
    assert fixed == clean
    assert not {"big5-as-latin1", "gbk-as-latin1", "shift-jis-as-latin1"} & {fix.kind for fix in report.fixes}
    lossy = _twice_marked_through_a_web_page("// 强制子类覆盖doQbc方法\n")  # 子 (E5 AD 90): soft hyphen gone, 90 marked
    fixed, report = repair_mojibake(lossy)
    assert fixed.replace("\ufffd", "子") == "// 强制子类覆盖doQbc方法\n" and report.lossy_left == fixed.count("\ufffd")


WEB_PAGE_ESSAY = """# 安装指南

本文说明如何在本地运行服务。

1. 运行安装程序，按照提示操作。
2. 运行 `app configure`，选择要安装的模块。
3. 在终端中运行 `app start`，确认服务已经运行。
4. 支持的语言：Rust、Java、Go、Kotlin。

如果服务没有运行，请查看日志里的错误信息。
"""


def _through_a_web_page(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="ignore").replace("\xa0", " ").replace("\xad", "")


def test_a_page_that_dropped_only_the_free_bytes_is_not_taken_for_one_that_lost_others():
    """运 (E8 BF 90) short of its 90 fits 进 (E8 BF 9B) too, and 进行 is the likelier word. Where the
    bytes a cp1252 decode drops for free account for every loss (their share of the text's bytes
    says how many to expect), no other byte went: before, pass 1 chose 进 and then took 9B for a
    byte this page loses, every 运行 a 进行. And 、 (E3 80 81) short of its 81 between two Latin
    names is no part of a Latin word (no word holds ``ã€``).

    One 运行 may still be read as 进行 on the strength of the words around it alone: every 运 of the page
    lost its byte, so nothing intact says which, and 已经进行 is the commoner phrase (the word model's
    weight chosen on the dev split, 1.5, reads it so; 1.0 did not). What must not come back is the
    systematic error: 9B taken for a byte the page loses, and 进 read for every 运."""
    fixed, _ = repair_mojibake(_through_a_web_page(WEB_PAGE_ESSAY))
    assert fixed.count("运行") >= WEB_PAGE_ESSAY.count("运行") - 1
    assert fixed.replace("已经进行", "已经运行") == WEB_PAGE_ESSAY


def test_a_short_text_keeps_the_usual_loss_rates():
    # Too little text to tell what the decode lost: ： (EF BC 9A, 9A not free) before a block stays ：.
    text = "  - 详细报错信息：\n    ```python\n    x = 1\n    ```\n"
    damaged = text.encode().replace("信息：".encode(), "信息：".encode()[:-1]).decode("cp1252", errors="ignore")
    assert repair_mojibake(damaged)[0] == text


BOM_ESSAY_STARTS = ["---\ntitle: 显存不够\n---\n", "# 显存不够\n\n", "显存不够时的报错。\n\n", "{a}\n\n", "title: 显存不够\n\n"]
BOM_READERS = {
    "cp1252": lambda data: utf8_as_sloppy_cp1252(data.decode("utf-8")),
    "cp1252 twice": lambda data: utf8_as_sloppy_cp1252(utf8_as_sloppy_cp1252(data.decode("utf-8"))),
    "gbk, marks": lambda data: data.decode("gbk", errors="replace"),
    "gbk, dropped": lambda data: data.decode("gbk", errors="ignore"),
    "gbk, greedy": lambda data: read_as_gbk_pairing_greedily(data.decode("utf-8")),
    "gbk, iconv -c": lambda data: read_as_gbk_dropping_pairs(data.decode("utf-8")),
}


@pytest.mark.parametrize("start", BOM_ESSAY_STARTS)
@pytest.mark.parametrize("reader", list(BOM_READERS))
def test_a_byte_order_mark_read_in_another_code_page_goes_and_the_front_matter_parses(start, reader):
    """Windows' editors start UTF-8 files with EF BB BF; read as GBK it is 锘 and a mark (or a
    character made with the next byte: 锘縶 for the mark and ``{``), as Windows-1252 ``ï»¿``. Left
    there, it pushed the front matter down into the body and the first heading out of its line."""
    clean = start + "训练的时候显存不够，报错如下。\n\n解决办法：把批大小调小。\n"
    damaged = BOM_READERS[reader](("\ufeff" + clean).encode("utf-8"))
    assert damaged.startswith(("锘", "ï»¿", "Ã¯"))
    result = repair_text(damaged, "a.md")
    assert not any(debris in result.text for debris in ("锘", "ï»¿", "Ã¯", "\ufeff", "\ufffd"))
    first_line = clean.split("---\n")[-1].splitlines()[0]
    assert first_line in result.text.splitlines()  # and not pushed into the front matter's title
    if start.startswith("---"):
        assert result.text.startswith("---\ntitle: 显存不够\n") and result.report.front_matter_problem == ""
    assert result.report.fixes[0].line == 1 and result.report.fixes[0].kind.startswith("utf8-as-")


@pytest.mark.parametrize("clean", ["锘是一种人工合成的放射性元素。\n", "锘（No）是第 102 号元素。\n"])
def test_a_text_that_starts_with_the_character_锘_is_left_as_it_is(clean):
    assert repair_mojibake(clean)[0] == clean


@pytest.mark.parametrize("errors", ["replace", "ignore"])
def test_utf8_read_as_shift_jis_is_read_back_and_named(errors):
    """文字化け, Japanese's 古文码: UTF-8 read by Windows' code page 932 (``譁�蟄怜喧縺�`` for 文字化け),
    a Japanese Windows opening a Chinese file too. The same reading as GBK's, in that code page."""
    clean = "训练的时候显存不够，报错退出。请把批大小减半后重试，问题就解决了。\n"
    damaged = clean.encode("utf-8").decode("cp932", errors)
    assert "ｮ" in damaged or "ｺ" in damaged or "縺" in damaged  # half-width katakana: continuation bytes read as such
    fixed, report = repair_mojibake(damaged)
    assert sum(a != b for a, b in zip(fixed, clean)) <= 3 and len(fixed) == len(clean)
    assert "utf8-as-shift-jis" in {fix.kind for fix in report.fixes}
    japanese = "設定ファイルを開くと、プロジェクトの名前が表示されます。\n"
    assert repair_mojibake(japanese)[0] == japanese
    assert "ファイル" in repair_mojibake(japanese.encode("utf-8").decode("cp932", errors))[0]


def test_utf8_read_as_korean_is_read_back_and_named():
    """UTF-8 read by Windows' code page 949 (a Korean Windows opening a Chinese file: ``若됭즳`` for 安装). Most of
    UTF-8's lead bytes pair only with a byte above A0 there, so nearly every other character's lead byte is a mark
    and its continuation bytes a Hangul syllable of the code page's extension: the lead bytes are read back."""
    clean = "pip 安装 torch 报错：没有找到匹配的版本。显存不够，训练报错，请检查配置文件，然后重新运行。\n"
    damaged = clean.encode("utf-8").decode("cp949", "replace")
    assert "\ufffd" in damaged and any("\uac00" <= ch <= "\ud7a3" for ch in damaged)
    fixed, report = repair_mojibake(damaged)
    # Where a character and the lead byte after it went at one mark, or three marks stand for one lost whole, not all comes back.
    assert fixed.startswith("pip 安装 torch 报错：没有找到匹配的版本。显存不够，训练报错，") and fixed.endswith("文件，然后重新运行\ufffd\n")
    assert character_errors(fixed, clean) <= 6
    assert "utf8-as-euc-kr" in {fix.kind for fix in report.fixes}
    korean = "설정 파일을 열면 프로젝트 이름이 표시됩니다.\n"
    assert repair_mojibake(korean)[0] == korean


def shift_jis_as_cp1252(text: str) -> str:
    return read_as_sloppy_cp1252(text.encode("shift_jis"))


def test_shift_jis_read_as_cp1252_is_undone_exactly_and_named():
    """Japanese's other 文字化け (``•¶Žš‰»‚¯`` for 文字化け): the same pairs of bytes as 拼音码, in code page 932;
    a trail byte may be 0x80 (準 is 8F 80, ``\\x8f€``)."""
    clean = "---\ntitle: 文字化けの例\n---\n\n標準出力には出力せず、標準エラー出力に警告を出すのみです。\n"
    damaged = shift_jis_as_cp1252(clean)
    assert "•¶Žš‰»‚¯" in damaged and "\x8f€" in damaged
    result = repair_text(damaged, "a.md")
    assert result.text == clean
    assert "shift-jis-as-latin1" in {fix.kind for fix in result.report.fixes}


@pytest.mark.parametrize("clean", ["Prix : 5 € — ça coûte ±10 €, où ½ € de taxe.\n", "Größe: 10 µm, Preis: 3,50 €\n"])
def test_latin_text_with_the_euro_sign_stays(clean):
    assert repair_mojibake(clean)[0] == clean


def utf8_as_cp1251(text: str) -> str:
    """UTF-8 read as Windows-1251 (a Russian Windows), its one undefined byte (0x98) kept as a C1 control."""
    return "".join(bytes([b]).decode("cp1251", errors="ignore") or chr(b) for b in text.encode("utf-8"))


CP1251_ESSAY = (
    "---\ntitle: 在 Windows 下编译\n---\n# 在 Windows 下编译\n\n"
    "**最后更新：** 2026-05-19\n\n- 页面：`Messages.tsx` → `MessagesPage.tsx`\n- 误差 ±0.5%，重试 × 3 次 😅\n\n"
    "目前 Windows Release 使用的版本是 Qt 6.5.x，中文文档见下。\n"
)


def test_utf8_read_as_windows_1251_is_undone_and_named():
    """A Russian Windows reads UTF-8 as Windows-1251 (使用 as ``дЅїз”Ё``): 符号码 in other characters.
    Neither ftfy nor the 符号码 reader knew them; each run is read and named ``utf8-as-cp1251``."""
    damaged = utf8_as_cp1251(CP1251_ESSAY)
    assert "дЅїз”Ё" in damaged and "в†’" in damaged
    fixed, report = repair_mojibake(damaged)
    assert fixed == CP1251_ESSAY
    kinds = {fix.kind for fix in report.fixes}
    assert kinds == {"utf8-as-cp1251"}
    assert (2, 8, "utf8-as-cp1251") in [(f.line, f.column, f.kind) for f in report.fixes]  # 编译 after "title: 在 Windows 下"


def test_utf8_read_as_windows_1251_through_a_web_page_gets_its_lost_bytes_back():
    """Through a web page the C1 control (0x98) and the soft hyphen (0xAD) are gone and the no-break space
    (0xA0) is plain: 中 (E4 B8 AD) is ``дё``, 无 (E6 97 A0) ``ж— ``. Those two bytes vanish on their own,
    so a character short of one of them is read as it (not as 上, E4 B8 8A, which lost a byte on the way)."""
    clean = "# 中文说明\n\n无需重新安装，中文文档见下。把密码写进配置文件中。\n\n这是中文文档的第二段，无法打开时请重试。\n"
    damaged = utf8_as_cp1251(clean).replace("\x98", "").replace("\xad", "").replace("\xa0", " ")
    assert "дё" in damaged and "ж— " in damaged
    fixed, report = repair_mojibake(damaged)
    assert fixed == clean
    assert {"utf8-as-cp1251", "lost-bytes"} == {fix.kind for fix in report.fixes}


@pytest.mark.parametrize(
    "russian",
    [
        "git clone <URL_ЭТОГО_РЕПОЗИТОРИЯ> --recursive",
        "Русский язык и её история — «Война и мир», ёлка, № 5.",
        "Українська: дії, їжак, ґанок, є; српски: љубав, њега, ђак, џеп.",
    ],
)
def test_cyrillic_written_as_it_should_be_stays_beside_windows_1251_mojibake(russian):
    """Windows-1251's letters are what its mojibake is made of; the text written in them is not. Its
    letters are all lead bytes (Русский is D0 F3 F1 …), and none reads as Chinese the model knows
    (Ukrainian дії would be the rare 䳿)."""
    clean = "# 编译\n\n" + russian + "\n\n目前使用的版本是 Qt 6.5，中文文档见下。\n"
    damaged = "\n".join(line if line == russian else utf8_as_cp1251(line) for line in clean.split("\n"))
    assert repair_mojibake(damaged)[0] == clean
    assert repair_mojibake(russian + "\n")[0] == russian + "\n"


def test_russian_read_as_windows_1251_is_read_back_in_a_document_that_shows_it():
    """The language bar of a README (Русский, as UTF-8 read as Windows-1251, ``Р СѓСЃСЃРєРёР№`` with its
    0xA0 a plain space) is read back with the Chinese around it."""
    clean = "中文 | [Русский](README.ru.md) | [English](README.md)\n\n使用说明见下。\n"
    damaged = utf8_as_cp1251(clean).replace("\xa0", " ")
    assert "Р СѓСЃСЃРєРёР№" in damaged
    assert repair_mojibake(damaged)[0] == clean


@pytest.mark.parametrize(
    "cyrillic",
    [
        "Да, её…",  # её… is also 帅 (E5 B8 85), and зі» 系, и…» 腻, е…» 养: each a letter and what Cyrillic writes after one
        "— Так, зі…",
        "Ну, и…»",
        "Ами, е…»",
        "Кітаптың аты «Сөзі» еді.",  # Kazakh: ө is not in Windows-1251, so зі» stands alone
        "В\xa01812 году",  # a preposition's no-break space: В and 0xA0 read as UTF-8 are Р
        "О\xa0Python",
        "— в…»",  # в…» would be ⅻ
        "俄语 её 是她的",
        "介词 зі 表示从",
    ],
)
def test_cyrillic_that_windows_1251_mojibake_could_be_stays_alone_and_beside_it(cyrillic):
    """Found by an audit: a letter and the marks Cyrillic writes after it read as a known character. Such a
    part alone does not tell a document is Chinese read as Windows-1251, nor is it read beside such text."""
    assert repair_mojibake(cyrillic)[0] == cyrillic
    assert repair_mojibake(utf8_as_cp1251("使用方法。") + "\n" + cyrillic)[0] == "使用方法。\n" + cyrillic


@pytest.mark.parametrize("title", ["搜索", "更新日志"])
def test_a_windows_1251_title_over_a_chinese_body_is_read(title):
    """搜索 read as Windows-1251 is ``жђњзґў``: every continuation byte a letter Cyrillic writes after
    another, so the part alone is not sure. Over a body that writes Chinese, and holds no Cyrillic as
    written, two Chinese characters read whole are: found by the property rates (title/body mixtures)."""
    body = "---\n\n- 速度（≥2倍）→ 完成\n\n配置文件写在这里。\n"
    damaged = "---\ntitle: " + utf8_as_cp1251(title) + "\n" + body
    fixed, report = repair_mojibake(damaged)
    assert fixed == "---\ntitle: " + title + "\n" + body
    assert {fix.kind for fix in report.fixes} == {"utf8-as-cp1251"}


@pytest.mark.parametrize("cyrillic", ["Да, её…", "Українська: дії, їжак, ґанок, є; српски: љубав, њега, ђак, џеп.", "Ну, и…»"])
def test_cyrillic_titles_over_a_chinese_body_stay(cyrillic):
    """Cyrillic as written, over a Chinese body, is no Windows-1251 mojibake (an audit of 174,557 lines of
    Russian, Ukrainian, Serbian, Belarusian, Bulgarian, Macedonian and Kazakh translation catalogues, each
    as a title over a Chinese body, found none changed)."""
    doc = "---\ntitle: " + cyrillic + "\n---\n\n这是一段中文正文，说明如何配置。\n"
    assert repair_mojibake(doc)[0] == doc


def test_windows_1251_mojibake_keeps_an_author_s_question_mark_and_a_misread_byte_order_mark_goes():
    assert repair_mojibake(utf8_as_cp1251("对的?"))[0] == "对的?"
    lines = utf8_as_cp1251("使用方法。\n\n他是 A。\n\n真的?").replace("\x98", "")  # 是 lost its 0x98 on another line
    assert repair_mojibake(lines)[0] == "使用方法。\n\n他是 A。\n\n真的?"
    fixed, report = repair_mojibake(utf8_as_cp1251("\ufeff使用方法。"))
    assert fixed == "使用方法。" and report.fixes[0].kind == "utf8-as-cp1251"


def test_a_character_nothing_fits_in_windows_1251_mojibake_is_left_in_its_own_characters():
    """😅 (F0 9F 98 85) through a Windows-1251 web page lost its 0x98; no candidate fits, so it stays as it
    was read (``рџ…``), not as Windows-1252 would have shown it (``ðŸ…``)."""
    damaged = utf8_as_cp1251("很好😅，这次没有报错。").replace("\x98", "")
    fixed, report = repair_mojibake(damaged)
    assert fixed == "很好рџ…，这次没有报错。" and report.lossy_left == 1


def test_a_recovered_character_is_reported_where_its_damage_stood_in_the_line_as_read():
    """参 (E5 8F 82) and 见 (E8 A7 81) each lose a byte Windows-1252 leaves undefined: ``å‚è§`` after
    ``abc ``. Each recovery names its own column of that line (5 and 7), not its place in the line as
    repaired."""
    damaged = "abc 参见 的说明".encode("utf-8").decode("cp1252", errors="ignore")
    assert damaged == "abc å‚è§ çš„è¯´æ˜Ž"
    fixed, report = repair_mojibake(damaged)
    assert fixed == "abc 参见 的说明"
    assert [(f.line, f.column) for f in report.fixes if f.kind == "lost-bytes"] == [(1, 5), (1, 7)]


@pytest.mark.parametrize(
    "damaged, clean",
    [
        ("Erdős\n| Ïó°Î°ö |\nÈâºÜ±¥Âú¡£", "Erdős\n| 象拔蚌 |\n肉很饱满。"),
        ("σ\n| ÏÄìÍ±ó | 92 |\n³É¼¨ÒÑÂ¼ÈëÏµÍ³¡£", "σ\n| 夏焱斌 | 92 |\n成绩已录入系统。"),
    ],
)
def test_ftfy_s_korean_reading_of_gbk_does_not_replace_ours_in_a_document_with_other_code_pages_letters(damaged, clean):
    """Found by an audit: in a document that shows a letter of a code page Errata does not read (ő, σ),
    ftfy's reading of a line is taken where the model finds it far likelier; ftfy read this 拼音码 as
    UTF-8 into hangul, which the model scores at a flat rate (엡롚 for 象拔蚌). A reading that brings in
    a script ours does not show is not taken."""
    assert repair_mojibake(damaged)[0] == clean


# A Japanese Windows tool's 文字化け: code page 932 read greedily, ``・`` for every pair it cannot map.

NOTE = """# 训练时显存不够

训练大模型时经常遇到显存不够的问题，常见的解决办法有三种：把批大小调小，打开混合精度训练，或者用梯度累积代替大批量。
如果以上办法都不行，就只能换一张显存更大的显卡了。
"""


def test_a_japanese_windows_tool_s_marks_are_read_as_lost_bytes():
    from dev.damage import character_errors, utf8_as_cp932_by_windows

    damaged = utf8_as_cp932_by_windows(NOTE)
    assert "・" in damaged
    fixed = repair_text(damaged, "note.md").text
    assert character_errors(fixed, NOTE) * 4 <= character_errors(damaged, NOTE)
    assert fixed.count("・") < damaged.count("・") // 4  # the marks went with the characters they stood for


@pytest.mark.parametrize(
    "clean",
    [
        "# 读书笔记\n\n列夫・托尔斯泰的《战争与和平》写得很长。\n",
        "# メモ\n\nヨーロッパ・アジア間の通信は、ケーブル・衛星の二つで行う。\n",
    ],
)
def test_a_middle_dot_written_as_such_stays(clean):
    assert repair_text(clean, "note.md").text.endswith(clean.split("\n", 1)[1])


def test_a_middle_dot_beside_gbk_mojibake_stays():
    """Only a Shift-JIS reading takes ``・`` for a mark: 古文码 in the same text is read, the name stays."""
    damaged = "列夫・托尔斯泰\n" + utf8_as_gbk("训练大模型时经常遇到显存不够的问题。")
    fixed = repair_text(damaged, "note.md").text
    assert "列夫・托尔斯泰" in fixed and "训练大模型时经常遇到显存不够的问题" in fixed


# Traditional Chinese: the model learnt Simplified Chinese, and scores a Traditional character as its Simplified form.

TRADITIONAL_NOTE = """# 設定檔的讀取

這個工具會先讀取設定檔，再把結果寫入資料庫。如果網路不穩定，下載可能會中斷，需要重新執行命令。
請確認設定值是否正確，並檢查記憶體是否足夠。
"""


@pytest.mark.parametrize("reader", ["cp936", "dotnet"])
def test_traditional_chinese_read_as_gbk_is_read_back(reader):
    """古文码 of Traditional Chinese: scored as written, its readings lost to the garbled text they came from."""
    from dev.damage import character_errors

    from errata.metadata import split_front_matter

    damaged = utf8_as_cp936(TRADITIONAL_NOTE) if reader == "cp936" else utf8_as_gbk_by_dotnet(TRADITIONAL_NOTE)
    body = split_front_matter(repair_text(damaged, "note.md").text).body
    # .NET's reader also takes the byte after each mark (a line end, a full stop's last byte): a few characters stay lost.
    assert character_errors(body, TRADITIONAL_NOTE) <= (0 if reader == "cp936" else 8)
    assert "設定檔" in body and "資料庫" in body and "記憶體" in body


@pytest.mark.parametrize(
    "data, word",
    [
        ("引用".encode("big5"), "引用"),  # Big5's commonest characters are GBK's hiragana rows (まノ)
        ("白天".encode("big5"), "白天"),
        ("函式".encode("gbk"), "函式"),  # read as EUC-KR (변駕), its hanja would score as Simplified ones
    ],
)
def test_a_two_character_file_in_big5_or_gbk_is_read_in_its_own_encoding(data, word):
    """Found by an audit of the Traditional scoring: such files read as GBK kana or as EUC-KR."""
    from errata.repair import repair_bytes

    assert repair_bytes(data, "word.md").text.endswith("\n" + word)


def test_a_drawn_tree_read_line_by_line_by_a_greedy_reader_comes_back_with_its_trunk_and_no_new_lines():
    """A folder tree in a code block, read a line at a time by .NET's GBK reader (PowerShell): the trunk
    ``│`` loses its last byte to the space after it (``鈹? 鈹溾攢``), and a line may end in a mark. The
    trunk is the one light line that joins nothing to its left or right; a line end inside a fenced block
    after such a mark is the reader's own, not one it swallowed (no blank line appears)."""
    clean = (
        "# 安装位置\n\n清单文件的位置如下，按平台区分：\n\n```\n├─ 用户级别（无需管理员权限）\n│  ├─ Windows: %APPDATA%\\Hosts\\\n"
        "│  └─ Linux:   ~/.config/hosts/\n│\n└─ 系统级别（需要管理员权限）\n   └─ Linux:   /etc/hosts/\n```\n\n以上路径都会自动创建。\n"
    )
    damaged = "\n".join(utf8_as_gbk_by_dotnet(line) for line in clean.split("\n"))
    assert "鈹? 鈹溾攢 Windows" in damaged
    fixed = repair_text(damaged, "a.md").text
    assert fixed.count("\n") == clean.count("\n") + 3  # the front matter the repair adds, no more
    for line in ("│  ├─ Windows: %APPDATA%\\Hosts\\", "│  └─ Linux:   ~/.config/hosts/", "│", "   └─ Linux:   /etc/hosts/"):
        assert "\n" + line + "\n" in fixed


def test_a_japanese_windows_tool_s_swallowed_line_ends_are_put_back():
    """A Japanese Windows tool reads UTF-8 as code page 932 greedily: ``・`` for a pair it cannot map,
    the line end after it gone (``縲・`` for 。 and the newline). Its marks tell its reading, as ``?``
    tells .NET's GBK reader's, and the line ends come back (the document had 9 lines of 14). (Not on a
    line that also lost a byte the tool maps to nothing, 一's 0x80: that line is read whole, but the
    line end its mark took stays gone.)"""
    clean = (
        "# 项目介绍\n\n站点只用静态页面。\n\n视觉气质：深蓝色的夜空。\n\n"
        "页面很轻，打开很快。\n\n## 技术栈\n\n- **TypeScript**\n"
    )
    damaged = utf8_as_cp932_by_windows(clean)
    assert damaged.count("\n") < clean.count("\n")
    result = repair_text(damaged, "a.md")
    assert result.text.count("\n") == clean.count("\n") + 3  # the front matter the repair adds
    assert "\n\n视觉气质：深蓝色的夜空。\n\n" in result.text
    assert any(fix.kind == "swallowed-byte" for fix in result.report.fixes)


def test_a_japanese_windows_tool_s_line_that_also_lost_bytes_silently_is_read_whole():
    """The tool loses the bytes it maps to nothing (0x80 of 一, 0xA0) beside its marks: where its paired
    reading places less of a line than the reading that allows silent losses, the latter is taken (an
    audit found a line left half as mojibake once the document was read as the tool's)."""
    clean = "# 递归\n\n改成循环，或者用显式的栈。不建议只是调大递归上限。\n"
    fixed = repair_text(utf8_as_cp932_by_windows(clean), "a.md").text
    assert "改成循环" in fixed and "用显式的栈。不建议只是" in fixed


def test_a_drawing_s_padding_does_not_hide_a_greedy_reader():
    """.NET's code page 936 reader, line by line, pairs a character's last byte with the space after it
    (``鍜?Redis`` for 和 Redis). A drawing in a fence pads with two spaces (``│  (Next.js)``), so there a
    mark is followed by the second space, as a standard reader leaves it: a real file's diagram outvoted its
    prose, the document was read as a standard reader's and no swallowed space came back (the seventh set).
    Fenced lines no longer vote."""
    from errata.text.cjk_reading import reads_paired
    from errata.text.langmodel import load_model

    rows = "│  (Next.js)   │     │  (FastAPI)   │\n│  :3000       │     │  :8000       │\n"
    prose = "开发 Vite 项目。\n\n支持 Python 和 Redis。\n\n安装 Node 和 Git 之后运行 npm 脚本。\n"
    clean = "# 部署\n\n```\n" + rows * 3 + "```\n\n" + prose
    damaged = "\n".join(utf8_as_gbk_by_dotnet(line) for line in clean.split("\n"))
    assert "鍜?Redis" in damaged
    assert reads_paired(damaged.split("\n"), load_model())
    assert "支持 Python 和 Redis。\n\n安装 Node 和 Git 之后" in repair_mojibake(damaged)[0]


def test_a_character_whose_lead_and_last_byte_went_with_two_marks_keeps_the_line_end_after_it():
    """The Japanese Windows tool reads ``通过：`` and a line end as ``騾夊ｿ・ｼ・``: the first mark took 过's last
    byte and ：'s lead, the second ：'s last byte and the line end. Only ：'s middle byte (``ｼ``) is left
    between them: a character now (any lead, its last byte lost at the second mark), and the line end
    after it comes back, where the list item after it had been joined to the line (a real file, the seventh set)."""
    clean = "# 复查\n\n1. 新文件语法检查通过：\n   - `templates.py`\n   - 修正后平均长度。\n"
    damaged = utf8_as_cp932_by_windows(clean)
    assert "ｼ・   - `templates.py`" in damaged
    fixed = repair_mojibake(damaged)[0].split("\n")
    assert fixed[2].startswith("1. 新文件语法检查通过") and len(fixed[2]) == len("1. 新文件语法检查通过：")
    assert fixed[3:5] == ["   - `templates.py`", "   - 修正后平均长度。"]


def test_a_drawing_s_own_greedy_marks_still_tell_a_greedy_reader():
    """A greedy reader's document whose only marks are in a drawn tree (``鈹溾攢鈹�src/``: the space
    swallowed) is read as greedy, and the spaces come back: fenced lines do not vote for a standard
    reader (their padding), but they do for a greedy one (an audit of the change above)."""
    from dev.damage import CLASSES

    clean = "# 项目结构\n\n```\nproject/\n├── src/\n│   └── main.py\n```\n"
    damaged = CLASSES["utf8-as-gbk-greedy"].apply(clean, random.Random(1))
    assert repair_mojibake(damaged)[0] == clean


def test_a_front_matter_left_unclosed_by_a_swallowed_line_end_keeps_the_body_repaired():
    """A greedy reader that swallowed the line end before a block's ``---`` leaves it unclosed: the whole
    essay was left as damaged for it. Now the text is repaired all the same, and the problem reported."""
    body = "显存不够，训练报错。请减小批大小后重新运行。\n"
    damaged = "---\ntitle: 显存---\n" + utf8_as_gbk(body)
    with pytest.raises(FrontMatterError, match="front matter is not closed") as caught:
        repair_text(damaged, "open.md")
    assert caught.value.result.text.endswith("\n" + body)


JSDOC = """// 转换器公共模块
import config from './config.js';

/**
 * 根据工具调用 ID 查找函数名
 * @param {Array} messages - 目标消息数组
 */
export function find(messages) {
  return messages;
}

/**
 * @param {string} name - 函数名
 * @returns {string} 函数名
 */
export function same(name) {
  return name;
}
"""


@pytest.mark.parametrize("reader", ["shift-jis", "gbk"])
def test_a_line_by_line_reader_of_code_comments_keeps_its_line_ends(reader):
    """A Japanese (or Chinese) Windows tool that reads a file line by line leaves a mark at the end of
    a comment line whose last character it could not pair, and keeps the line end. Read as a whole-text
    reader's, each such mark had swallowed a blank line's first line end, and the repair put a blank
    line after every one: a comment block's next line (`` * @param``, `` */``) goes on with it, as a
    list item goes on after another."""
    read = utf8_as_cp932_by_windows if reader == "shift-jis" else read_as_gbk_pairing_greedily
    damaged = "\n".join(read(line) for line in JSDOC.split("\n"))
    fixed = repair_text(damaged, "find.js").text
    body = fixed.split("---\n", 2)[2] if fixed.startswith("---\n") else fixed
    assert body.count("\n") == JSDOC.count("\n")


def test_a_gbk_line_with_russian_in_a_utf8_file_is_read_as_gbk():
    """GBK writes Cyrillic in rows A7 (``§°§ê§Ú`` as Latin-1): a sign scored as a README's sign would make
    that Latin-1 garble likelier than the GBK line. Signs score so only in a reading of UTF-8 bytes."""
    gbk = "服务器返回：Ошибка подключения к базе данных\n\n意思是数据库连接失败。\n"
    data = "# 错误信息是俄语\n\n".encode("utf-8") + gbk.encode("gbk")
    assert repair_bytes(data, "log.md").text.endswith(gbk)


def test_a_title_whose_no_break_space_went_plain_reads_in_a_short_note():
    # 标 (E6 A0 87) then 签 (E7 AD BE) short of its soft hyphen: ``æ ‡ç¾``, before more mojibake.
    damaged = "# " + "标签".encode("utf-8").decode("cp1252", errors="ignore").replace("\xa0", " ").replace("\xad", "") + "\n"
    assert damaged == "# æ ‡ç¾\n"
    assert repair_mojibake(damaged)[0] == "# 标签\n"


@pytest.mark.parametrize("clean", ["| 401 | 未登录 |", "大陆 1/2 的用户", "没有遗漏。"])
def test_a_clean_line_beside_guwenma_keeps_characters_that_read_as_signs(clean):
    """录 is C2 BC in GBK, UTF-8's ¼; 陆 ½, 漏 ©. In a document that shows 古文码 elsewhere a single
    character is read on a line of its own, and a sign scored as a README's sign took them: a measure's
    sign scores so only beside a digit or an ASCII letter (``25掳C``)."""
    damaged = "# " + "安装步骤".encode("utf-8").decode("gbk", errors="replace") + f"\n\n{clean}\n"
    fixed = repair_mojibake(damaged)[0]
    assert fixed.endswith(f"\n\n{clean}\n"), fixed


@pytest.mark.parametrize("reader", [lambda text: utf8_as_cp936(text, private_use=False), lambda text: utf8_as_gbk_by_dotnet(text, private_use=False)])
def test_a_line_that_ends_in_one_character_and_one_short_of_its_pair_is_read(reader):
    """``## 鏆傚仠/鎭㈠`` for ``## 暂停/恢复``: after the slash only 恢 reads whole, and 复 lost the pair A4 8D (a
    private-use character dropped). 恢 alone is too rare to clear the bar a reading must pass; read with the
    likeliest word ending that fits what is left of 复 (its lead byte), it does."""
    clean = "# 使用说明\n\n这个工具可以自动检测设备，并把结果写入日志文件。\n\n## 暂停/恢复\n\n先下载压缩包，然后运行脚本。\n"
    damaged = reader(clean)
    assert "/鎭㈠\n" in damaged
    assert "## 暂停/恢复\n" in repair_mojibake(damaged)[0]


def test_java_s_gbk_reading_is_read_with_its_own_marks():
    """Java's GBK decoder (an Eclipse project in GBK reading UTF-8) marks a pair GBK cannot map with one
    U+FFFD for both bytes (``第一`` → ``绗�竴``) and a byte before ASCII with one for that byte alone,
    which it keeps. Read as a greedy reader's, a space or a line end was put back after each mark that
    kept its byte (``耗时 ✓  2 秒``, a blank line after each sentence's end)."""
    from dev.damage import character_errors, utf8_as_gbk_by_java

    clean = (
        "# 第一次构建\n\n构建通过，耗时 ≥ 2 秒。\n\n- ✓ 第一步：安装依赖\n- → 第二步：运行 make html\n\n"
        "参见 Python 的文档。结果目录在 _build 中。\n"
    )
    damaged = utf8_as_gbk_by_java(clean)
    assert "\ufffd" in damaged and "绗\ufffd竴" in damaged
    fixed = repair_mojibake(damaged)[0]
    assert fixed.count("\n") == clean.count("\n") and "  " not in fixed
    assert all(text in fixed for text in ("# 第一次构建", "构建通过，耗时", "第一步：安装依赖", "第二步：运行 make html")), fixed
    # What is left: symbols and sentence ends short of two bytes keep their marks (no guess is sure enough).
    assert character_errors(fixed, clean) < character_errors(damaged, clean) / 4


def test_a_number_or_a_dash_ending_a_list_item_is_no_new_item_after_a_swallowed_space():
    """An audit of round twenty's change: a bare list marker ends a line where a greedy reader swallowed the line
    end before it (``     -``, indented), not where the swallowed byte was a space before a line's own last
    words (``到 100)``, ``符号为 -``)."""
    for clean in ("- 批大小取值是 1 到 100)\n", "- 第一步完成后执行第 2.\n", "- 连接符号为 -\n"):
        fixed = repair_mojibake(utf8_as_gbk(clean, greedy=True))[0]
        assert fixed.count("\n") == clean.count("\n"), fixed


@pytest.mark.parametrize("title", ["安装步骤说明", "第一步骤", "常见问题"])
def test_a_short_heading_that_lost_most_of_its_bytes_to_marks_is_read(title):
    """``# 瀹夎�呮�ラ�よ�存槑`` for 安装步骤说明 (Python's GBK reader, one mark a byte): most characters are
    short of a byte, so the reading was skipped as "mostly lost" and the document was taken for a greedy
    reader's, whose reading of two bytes a mark kept two characters of it. A line with marks is known
    damage: the standard reading is tried as the greedy one is, and the heading comes back."""
    damaged = "# " + title.encode("utf-8").decode("gbk", errors="replace") + "\n\n正文。\n"
    assert repair_mojibake(damaged)[0] == f"# {title}\n\n正文。\n"


PYTHON_SOURCE = """import os


def load(path):
    # 检查路径是否存在
    if not os.path.exists(path):
        raise FileNotFoundError(path)  # 文件不存在
    # 读取配置文件
    return open(path).read()  # 返回内容


def fetch(url):
    pass  # 暂不支持
"""


def test_source_code_whose_heading_comment_lost_most_of_its_bytes_is_read_as_a_standard_reader_s():
    """One short line with most bytes marked made the whole file a greedy reader's: a space went after
    each mark (``检 查``) and a blank line after each comment that ended in one."""
    clean = "# 安装步骤\n" + PYTHON_SOURCE
    damaged = clean.encode("utf-8").decode("gbk", errors="replace")
    fixed = repair_mojibake(damaged)[0]
    assert fixed.split("\n")[1:] == clean.split("\n")[1:]


@pytest.mark.parametrize("reader", [lambda text: utf8_as_gbk(text, greedy=True), utf8_as_gbk_by_dotnet])
def test_a_greedy_reader_s_swallowed_line_end_before_indented_code_comes_back(reader):
    """A comment that ends in a character whose last byte went with the newline (``杩斿洖鍐呭��    return``):
    the code after it, indented, starts a line again, as indented text after 。 did."""
    assert repair_mojibake(reader(PYTHON_SOURCE))[0] == PYTHON_SOURCE


def test_a_mark_that_took_the_next_character_s_lead_byte_rules_out_bytes_that_pair_with_it():
    """``鏈�壘`` for 未找: the greedy reader paired 未's last byte with 找's lead (AA E6, user-defined, one
    mark). 有 (…89) fits what is left of 未 as well, but 89 E6 is a GBK pair the reader would have written."""
    clean = "        // 未找到时返回空\n        return null;\n"
    fixed = repair_mojibake(utf8_as_gbk(clean, greedy=True))[0]
    assert fixed.startswith("        // 未找到") and fixed.endswith("\n        return null;\n")


def test_a_no_break_space_made_plain_between_two_chinese_characters_tells_the_document():
    """A thirteenth set of real files: ``æ— éœ€`` is 无需 whose 0xA0 a web page made a plain space. Only a space inside
    a character counted as such evidence, so 无 was read as a character short of a byte (时 ) beside an author's
    space. Between two Chinese characters a space is the 0xA0 (Chinese puts none there); not where no-break spaces
    stand as such, nor before a sign (``完成 ✓``)."""
    from dev.damage import utf8_as_cp1252_through_a_web_page

    clean = "# 说明\n\n这里无需配置。\n"
    assert repair_mojibake(utf8_as_cp1252_through_a_web_page(clean))[0] == clean


def test_a_document_that_lost_only_what_a_web_page_drops_lost_no_other_byte():
    """A thirteenth set of real files: 运 (E8 BF 90) through a web page is ``è¿``, its 90 dropped; 进 (E8 BF 9B) fits
    too, by a 9B lost, and 进行 is the likelier word, so 运行 became 进行 three times and 仍 became 他. Where the
    bytes such a page drops explain every loss, losing another is as good as impossible now."""
    from dev.damage import utf8_as_cp1252_through_a_web_page

    clean = (
        "# 故障排除\n\n如果仍有问题，请重新运行安装脚本。运行时问题多半来自环境变量，先检查配置文件里的路径是否正确，"
        "再确认依赖的版本和系统的版本一致。日志会写在用户目录下，打开它可以看到每一步的输出。\n\n"
        "## 运行时问题\n\n重新运行完整的工具检查，然后把输出贴到问题里。安装完成以后，记得重新打开终端，让新的环境变量生效。\n"
    )
    assert repair_mojibake(utf8_as_cp1252_through_a_web_page(clean))[0] == clean


@pytest.mark.parametrize("reader", [lambda text: utf8_as_gbk(text, greedy=True), utf8_as_gbk_by_dotnet])
def test_a_heading_whose_whole_characters_are_no_phrase_is_read_with_the_words_its_marks_end(reader):
    """``## 閿欒�姹囨�`` for 错误汇总 (a greedy reader: 误 and 总 each lost two bytes at one mark): the whole
    characters, 错 and 汇, are no phrase together, so the reading scored under the bar and the heading stayed
    古文码. Each is read with the likeliest word that starts with it and fits the piece after it (错误, 汇总)."""
    damaged = reader("## 错误汇总\n\n正文。\n")
    fixed = repair_mojibake(damaged)[0]
    assert fixed.startswith("## 错误汇"), fixed
    assert "閿" not in fixed and "姹" not in fixed


@pytest.mark.parametrize("mark", ["\ufffd", "?"])
def test_a_byte_order_mark_that_swallowed_a_script_s_hash_gives_it_back(mark):
    """A greedy reader took the mark's last byte (BF) with the ``#`` of ``#!/usr/bin/env``; only a ``#`` starts so."""
    fixed = repair_mojibake("锘" + mark + "!/usr/bin/env python\n" + utf8_as_gbk("# 说明\n"))[0]
    assert fixed == "#!/usr/bin/env python\n# 说明\n"


def test_a_byte_order_mark_that_swallowed_a_heading_s_hash_gives_it_back_where_the_document_shows_a_greedy_reader():
    """``锘� 标题`` was always a ``#`` swallowed; ``锘�# 标题`` may be a standard reader's mark before ``# 标题`` or a
    greedy reader's that took the first ``#`` of ``## 标题``: the document's other marks tell which."""
    body = "运行时报错 ok，由 open 打开。\n- 第一项\n- 第二项\n"
    greedy = utf8_as_gbk_by_dotnet("\ufeff## 错误汇总\n\n" + body)
    standard = utf8_as_gbk("\ufeff# 错误汇总\n\n" + body)
    assert greedy.startswith("锘?# ") and standard.startswith("锘\ufffd# ")
    assert repair_mojibake(greedy)[0].startswith("## 错误汇")
    assert repair_mojibake(standard)[0].startswith("# 错误汇")


def _read_by_windows_code_page_950(text: str) -> str:
    """UTF-8 read by Windows' code page 950, as a real file of the fifteenth set was: a pair the code page maps, a
    private-use character for a pair of Big5's user-defined rows (Microsoft's table: FA40–FEFE from U+E000, then
    8E40–A0FE, 8140–8DFE, C6A1–C8FE, row after row of 157 cells), U+0080 for 0x80, ``?`` for any other pair."""
    cells = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    rows = [*range(0xFA, 0xFF), *range(0x8E, 0xA1), *range(0x81, 0x8E), *range(0xC6, 0xC9)]
    user_defined = [bytes((lead, trail)) for lead in rows for trail in cells if not (lead == 0xC6 and trail < 0xA1)]
    private = {pair: chr(0xE000 + k) for k, pair in enumerate(user_defined)}
    data, out, i = text.encode("utf-8"), [], 0
    while i < len(data):
        if data[i] <= 0x80:
            out.append(chr(data[i]))
            i += 1
            continue
        pair = data[i : i + 2]
        try:
            out.append(pair.decode("cp950"))
        except UnicodeDecodeError:
            out.append(private.get(pair, "?"))
        i += 2
    return "".join(out)


def test_utf8_read_by_windows_code_page_950_is_read_with_its_private_use_characters():
    """The fifteenth set of real files: a C file's Traditional Chinese comments read by Windows' code page 950 kept
    175 private-use characters (Big5's user-defined rows) and seven U+0080. Python's Big5 has neither, so no Big5
    reading was tried and the file stayed as it was (16.7% wrong, as doing nothing). A byte Big5 lost is guessed only
    where the model is far surer than a GBK reading asks (``big5_gap_min_margin``): 結 comes back, 果 stays marked."""
    from dev.damage import character_errors

    clean = "// 國旗長寬比為 3:2\n// 根據內政部的規定繪製\n# 說明\n\n這個工具會檢查設定檔，並且輸出結果。\n"
    damaged = _read_by_windows_code_page_950(clean)
    assert any("\ue000" <= ch <= "\uf8ff" for ch in damaged)
    fixed = repair_mojibake(damaged)[0]
    assert "寬比為 3:2" in fixed and "檢查" in fixed and "輸出結" in fixed
    assert character_errors(fixed, clean) < character_errors(damaged, clean) / 2


def test_a_character_short_of_a_byte_before_a_whole_one_is_read_as_the_word_they_make():
    # 目录。 read as GBK: 鐩 (E7 9B), a mark for AE, 褰曘 (录 whole), marks for the full stop's last bytes. 录 alone
    # is too rare a character to carry the reading; 目录, the word it ends, is not.
    damaged = utf8_as_gbk("已删除 %(dir)s 目录。")
    assert damaged.endswith("鐩\ufffd褰曘\ufffd\ufffd")
    assert repair_mojibake(damaged)[0] == "已删除 %(dir)s 目录。"


def test_an_ascii_letter_a_shift_jis_reader_paired_with_a_character_s_last_byte_comes_back():
    # 码 then ： (E7 A0 81 EF BC 9A) then T: code page 932 marks 81 and EF, reads BC alone (ｼ) and 9A with the T (啜).
    # E7 A0 read on across the marks as 砼 (E7 A0 BC), and the T stayed inside 啜: a password lost its first letter.
    damaged = "输入密码：Tibet2024".encode().decode("cp932", errors="replace")
    assert "遐\ufffd\ufffdｼ啜ibet2024" in damaged
    fixed = repair_text("# 数据库\n\n" + damaged + "\n用户名：root\n", "a.md").text
    assert "：Tibet2024\n用户名：root\n" in fixed and "啜" not in fixed and "砼" not in fixed


def test_silent_kouzima_is_reported_and_left_as_it_is():
    """A twentieth set of real files: GBK read as UTF-8 with the bytes that do not read dropped (``errors="ignore"``)
    leaves no U+FFFD, only letters of many scripts side by side (``ܵԭһûаװ``); it was not reported at all. It is
    now reported with its line, as 口字码 is, and nothing of it is changed."""
    clean = "# 错误\n\n可能的原因一：没有安装这个模块\n\n可能的原因二：这个模块是自己写的模块，路径不对\n"
    damaged = clean.encode("gb18030").decode("utf-8", errors="ignore")
    result = repair_text(damaged, "notes.md")
    assert result.text == damaged  # no title made from its damaged heading either
    assert "gbk-as-utf8-dropped" in {finding.kind for finding in result.report.unrecoverable}
    with_front_matter = ("---\ntitle: 错误\ntags:\n  - 构建\n---\n" + clean).encode("gb18030").decode("utf-8", errors="ignore")
    in_front_matter = repair_text(with_front_matter, "notes.md")
    assert in_front_matter.text.startswith("---\ntitle: \ntags:\n  - \n---\n")  # a tag read as nothing is not dropped
    assert "front matter left as found" in in_front_matter.report.summary()
    for text in ("Москва и Αθήνα, ירושלים", "Tiếng Việt có dấu: ơ ư đ", "Œuvre — Šibenik — Ÿ"):
        assert repair_text(f"# t\n\n{text}\n", "clean.md").report.unrecoverable == []


def test_clean_statistics_with_combining_marks_and_greek_letters_is_not_silent_kouzima():
    """A red-team audit: a mean written x̄ and an estimate ŷ (x and y with the combining U+0304 and U+0302, as Wikipedia
    writes them) beside σ and α were letters of two scripts apart, "COMBINING" and Greek: the clean note was reported
    as 口字码 (gbk-as-utf8-dropped) and its front matter left as found (no title, its date and tags not normalised)."""
    text = "---\ndate: 2023-01-05 10:00:00\ntags: 统计\n---\n\n# 均值与方差\n\n样本均值记作 x\u0304，总体均值记作 μ。\n\n预测值记作 y\u0302，激活函数是 σ，学习率是 α。\n"
    result = repair_text(text, "stats.md")
    assert result.report.unrecoverable == [] and result.report.front_matter_problem == ""
    assert result.text.startswith("---\ntitle: 均值与方差\n") and "x\u0304" in result.text and "y\u0302" in result.text


def test_a_utf8_file_cut_inside_characters_is_named_lost_bytes_not_kouzima():
    """A twentieth set of real files: a UTF-8 note whose lines were cut inside a character (``cut -b``), read with
    replacement, shows a U+FFFD at a few line ends among clean Chinese. It was reported as 口字码 (a GBK file read as
    UTF-8), which sends a reader looking for a GBK original that does not exist."""
    clean = "## 常见问题汇总\n\n诊断工具 arthas 的使用方法，以及一些排查经验和注意事项。\n\n线上机器的问题定位到具体代码。\n"
    lines = [line.encode("utf-8")[: len(line.encode("utf-8")) - 1].decode("utf-8", "replace") if line.strip() else line for line in clean.split("\n")]
    report = repair_text("\n".join(lines), "notes.md").report
    assert {finding.kind for finding in report.unrecoverable} == {"lost-bytes"}
    kouzima = "\n".join(line.encode("gb18030").decode("utf-8", "replace") for line in clean.split("\n"))
    assert "gbk-as-utf8-replaced" in {finding.kind for finding in repair_text(kouzima, "gbk.md").report.unrecoverable}


def test_the_marks_a_reading_of_utf8_leaves_are_named_lost_bytes():
    """A twenty-first set of real files: the U+FFFD that UTF-8 read as Big5 or as GBK leaves on the lines it reads are
    the bytes that reading lost, and were reported as 口字码 (a GBK file read as UTF-8), which they are not."""
    clean = "# 环境问题\n\n安装依赖之后运行，出现了报错，具体内容如下：\n\n这个问题与环境变量有关，请检查配置。\n"
    damaged = clean.encode("utf-8").decode("big5", errors="replace")
    kinds = {finding.kind for finding in repair_text(damaged, "notes.md").report.unrecoverable}
    assert "gbk-as-utf8-replaced" not in kinds


def test_a_byte_a_big5_reading_lost_is_guessed_only_where_the_model_is_far_surer_than_for_gbk():
    """A twenty-sixth set of real files: UTF-8 Traditional read as Big5 with replacement came back with plausible wrong
    words (``容器啟動失敗排查指南`` as ``容忍…失望…日本``) and no low-confidence note. Big5 leaves a marked byte
    any of some 33 values, so its guesses need a far wider margin than GBK's (``big5_gap_min_margin``): the rest stays
    marked, as the lost bytes it is."""
    clean = (
        "# 容器啟動失敗排查指南\n\n本文說明如何排查容器啟動失敗的問題，以及常見的解決方法。\n\n## 快速排查步驟\n\n"
        "先檢查容器狀態，再查看服務日誌。如果磁碟空間不足，請先清理舊的映像檔。\n"
        "設定檔裡的連接埠若被其他程式佔用，服務就無法啟動，請改用其他連接埠。\n"
    )
    damaged = clean.encode("utf-8").decode("big5", errors="replace")
    result = repair_text(damaged, "notes.md")
    body = result.text.split("---\n", 2)[-1]
    written_wrong = sum(
        1
        for op, start, end, _, _ in difflib.SequenceMatcher(None, body, clean, autojunk=False).get_opcodes()
        if op != "equal"
        for ch in body[start:end]
        if ch != "\ufffd" and ord(ch) > 0x2E7F
    )
    assert written_wrong <= 6 and body.count("\ufffd") > 40  # 21 wrong characters written and 51 marks before
    assert "lost-bytes" in {finding.kind for finding in result.report.unrecoverable}


def test_chinese_a_web_form_sent_as_character_references_is_written_as_characters():
    """A twenty-third set of real files: a note pasted into a form on a Windows-1252 page came back with its Chinese as
    ``&#20013;`` (each character eight, 212% CER; careful ftfy the same). Written as characters now, in code too, named
    by class; the author's ``&emsp;`` and a reference to ``<`` stay, and a note that quotes references to explain them
    (its own Chinese written as characters) keeps them."""
    clean = "# Bug与输入、输出\n\n&emsp;&emsp; bug指程序运行时出现错误\n\n```python\nprint('中文')  # 注释\n```\n\n&#60;b&#62; 不是标签\n"
    sent = "".join(f"&#{ord(c)};" if ord(c) > 0xFF and c not in "\u2014" else c for c in clean.replace("&#60;b&#62;", "\0"))
    sent = sent.replace("\0", "&#60;b&#62;")
    result = repair_text("---\ntitle: x\n---\n" + sent, "form.md")
    assert result.text.endswith(clean) and {fix.kind for fix in result.report.fixes} == {"html-character-references"}
    explained = "---\ntitle: 字符引用\n---\n中文在 HTML 里可以写成 `&#20013;&#25991;&#23383;`，浏览器显示为中文字。\n"
    assert repair_text(explained, "entities.md").text == explained


def test_character_references_are_read_in_linear_time():
    from scaling import grows_linearly

    from errata.text.references import characters_for_references

    assert grows_linearly(lambda n: characters_for_references("&#20013;\n" * n), 20_000)


@pytest.mark.parametrize("body", [
    "The page showed `&#20013;&#25991;&#23383;` instead of the Chinese text.\n",  # words with no references, a code span
    "页面显示：\n\n```html\n<p>&#20013;&#25991;&#23383;&#x4E2D;&#25991;&#23383;&#20013;&#25991;&#23383;</p>\n```\n",  # a block
    "Output:\n\n    &#20013;&#25991;&#23383;\n",  # indented code
])
def test_references_quoted_only_in_code_stay_as_written(body):
    """Red team round 33: the references a note quotes in code (what a page showed instead of its Chinese) were written
    as characters wherever there were more of them than East Asian characters in the whole text, code included: the
    code no longer showed what the essay was about, and ``repair.py --check`` refused the essay until it did. Only the
    words outside code tell a text a form sent."""
    text = "---\ntitle: Character references\n---\n" + body
    assert repair_text(text, "entities.md").text == text


def test_chinese_written_as_python_2_escapes_is_written_as_characters():
    """The twenty-fifth set of real files: a note a Python 2 script wrote with ``unicode_escape`` had every character
    beyond ASCII as ``\\uXXXX`` (82.79% of characters wrong; careful ftfy 81.90%). Written as characters now (an emoji's
    surrogate pair as one), named by class; a note that writes its Chinese as characters and quotes escapes (a pattern
    for Chinese characters, a JSON string in code) keeps them."""
    clean = "# 问题1：Hexo 部署\n\n404 not found：找不到index.html 😀\n\n解决方法：在根目录建立 .nojekyll 文件。\n"
    escaped = clean.encode("utf-16", "surrogatepass").decode("utf-16").encode("unicode_escape").decode("ascii").replace("\\n", "\n")
    assert "\\u95ee" in escaped and "\\U0001f600" in escaped
    result = repair_text("---\ntitle: x\n---\n" + escaped, "py2.md")
    assert result.text.endswith(clean) and "unicode-escapes" in {fix.kind for fix in result.report.fixes}
    json_style = escaped.replace("\\U0001f600", "\\ud83d\\ude00")
    assert repair_text("---\ntitle: x\n---\n" + json_style, "json.md").text.endswith(clean)
    for quoted in ("匹配中文的正则是 `[\\u4e00-\\u9fa5]`，也可以写成 \\u4e2d\\u6587\\u5b57。\n", '接口返回：\n\n```json\n{"msg": "\\u53c2\\u6570\\u9519\\u8bef"}\n```\n'):
        text = "---\ntitle: 转义\n---\n" + quoted
        assert repair_text(text, "escapes.md").text == text


def test_escapes_are_read_in_linear_time():
    from scaling import grows_linearly

    from errata.text.references import characters_for_escapes

    assert grows_linearly(lambda n: characters_for_escapes("\\u4e2d\n" * n), 20_000)
    assert grows_linearly(lambda n: characters_for_escapes("\\ud83d" * n), 20_000)


def test_escapes_in_json_a_note_quotes_outside_code_are_kept():
    """Red team 36: a note that shows an API's answer as it came, JSON with its strings escaped, outside a code block
    (an English note about a Chinese server's error, a Chinese one about a scraper's escaped list) had more escapes than
    Chinese characters outside code: every escape was written as a character, those in its code blocks too, so the note
    no longer showed what it was about, and ``repair.py --check`` refused the clean note."""
    from errata.text.references import characters_for_escapes

    esc = lambda s: "".join("\\u%04x" % ord(c) for c in s)
    english = f'## Error\n\nThe server answered every request with:\n\n{{"status":500,"error":"{esc("服务器内部错误")}"}}\n\nThat is JSON\'s escaping.\n'
    items = ",".join(f'{{"id":{i},"title":"{esc(t)}"}}' for i, t in enumerate(["新冠疫苗接种指南", "北京今日天气晴", "上海地铁运营调整", "广州马拉松报名开启"]))
    chinese = f'## 现象\n\n接口返回的原始数据：\n\n{{"code":0,"data":[{items}]}}\n\n## 解决方法\n\n用 json.loads 解析：\n\n```python\ns = \'{{"msg":"{esc("成功")}"}}\'\n```\n'
    for body in (english, chinese):
        text = "---\ntitle: 转义\n---\n" + body
        assert repair_text(text, "escapes.md").text == text
    # A note a Python 2 script wrote is still read back, a JSON line in it kept as JSON writes it.
    damaged = f"# {esc('问题')}：Hexo\n\n{esc('解决方法')}：{esc('在根目录建立文件')}。\n\n{{\"msg\":\"{esc('成功')}\"}}\n"
    fixed, lines = characters_for_escapes(damaged)
    assert fixed == f"# 问题：Hexo\n\n解决方法：在根目录建立文件。\n\n{{\"msg\":\"{esc('成功')}\"}}\n" and lines == [1, 3]


def _read_by_java_s_ms932(text: str) -> str:
    """UTF-8 read by Java's ``new String(bytes, "MS932")``: code page 932, with a mark for each byte it cannot map,
    0x80 and 0xA0 and 0xFD–0xFF among them (Python's code page 932 reads those as U+0080 and private-use characters)."""
    marked = {0x80: 0xFFFD, 0xF8F0: 0xFFFD, 0xF8F1: 0xFFFD, 0xF8F2: 0xFFFD, 0xF8F3: 0xFFFD}
    return text.encode("utf-8").decode("cp932", "replace").translate(marked)


def test_utf8_java_read_as_shift_jis_gets_back_the_bytes_java_marks_and_python_keeps():
    """Real sets 27 and 28: UTF-8 read by Java as MS932 or Shift_JIS. Java marks 0x80 (一's last byte, E4 B8 80), which
    Python's code page 932 keeps, so the repair never guessed it: 一 came back as 万, 所 as 扇, 需 as 震. A Shift-JIS
    reading that shows none of what Python's reader keeps for those bytes is Java's, and its marks may be any of them."""
    clean = "# 憑證設定\n\n一般是需要把所有的憑證追加到一個檔案裡，再重新啟動服務。\n\n所有的設定都放在同一個目錄。\n"
    damaged = _read_by_java_s_ms932(clean)
    assert "\ufffd" in damaged and "\x80" not in damaged
    assert repair_text(damaged, "java.md").text.endswith(clean)


def test_simplified_chinese_in_gbk_read_as_big5_is_read_back_and_its_lost_characters_reported():
    """Real set 28: a Simplified FAQ saved as GBK, read by a zh-TW user's script as Big5 with replacement, was left as
    it was (35.86% of its characters wrong; careful ftfy the same): rare Traditional characters, its punctuation as
    bopomofo. Every pair Big5 maps kept its bytes; a character the reader marked a byte of is lost, stays marked and is
    reported, and nothing around it is read again. A Traditional note that writes bopomofo itself stays as it is."""
    clean = (
        "# 常见问题\n\n首先有任何报错，最简单的方法是把报错信息复制到浏览器里面搜索一下！\n\n## 代码下载慢？\n\n换成国内的镜像源：\n\n"
        "## 安装依赖时报错\n\n提示权限不足，请用管理员身份运行命令行，再装一次。\n"
    )
    damaged = clean.encode("gbk").decode("big5", "replace")
    assert "ㄩ" in damaged and "\ufffd" in damaged
    result = repair_text_as_read(damaged)
    body = result.text.split("---\n", 2)[-1]
    assert "gbk-as-big5" in {fix.kind for fix in result.report.fixes}
    assert body.replace("\ufffd", "") and all(a == b or a == "\ufffd" for a, b in zip(body, clean)) and len(body) == len(clean)
    assert {finding.kind for finding in result.report.unrecoverable} == {"lost-bytes"}
    bopomofo = "# 注音符號\n\n注音符號有 ㄅ、ㄆ、ㄇ、ㄈ 等三十七個，例如「中文」寫作 ㄓㄨㄥ ㄨㄣˊ。\n"
    assert repair_bytes(bopomofo.encode("utf-8"), "zhuyin.md").text.endswith(bopomofo)


def repair_text_as_read(text: str):
    """The repair of a file that holds ``text`` in UTF-8, as ``scripts/repair.py`` reads it."""
    return repair_bytes(text.encode("utf-8"), "read.md")


LETTERS_NOTE = (
    "---\ntitle: OneX 常见问题\ncategory:\n- OneX\n---\n\n# OneX 常见故障及解决办法\n\n"
    "## Q：遇到 `mkdir /golang: permission denied` 这类的错误。\n\n"
    "出现这种错误，是因为你没有权限执行当前的操作。解决方法是切换到有权限的用户，或者放弃执行当前操作。\n"
)


@pytest.mark.parametrize(
    ("legacy", "page", "kind"),
    [
        ("gbk", "iso8859_2", "gbk-as-iso8859-2"),
        ("gbk", "cp1250", "gbk-as-cp1250"),
        ("gbk", "cp1251", "gbk-as-cp1251"),
        ("gbk", "koi8_r", "gbk-as-koi8-r"),
        ("gbk", "cp1253", "gbk-as-cp1253"),
        ("big5", "cp1250", "big5-as-cp1250"),
    ],
)
def test_chinese_read_in_another_code_page_s_letters_is_read_back_and_named(legacy, page, kind):
    """Real set 28: a GBK FAQ read through ISO-8859-2 (``łŁźűÎĘĚâ`` for 常见问题), front matter and all, came out
    61% wrong, worse than careful ftfy (58%): only Windows-1252's letters were read. Every byte is still there, so each
    line is written in the code page again and read as GBK (or Big5)."""
    clean = LETTERS_NOTE if legacy == "gbk" else LETTERS_NOTE.encode("big5", "ignore").decode("big5").replace("常见问题", "常見問題")
    damaged = legacy_as_code_page(clean, legacy, page)
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in damaged)
    result = repair_text_as_read(damaged)
    assert result.text == clean
    assert kind in {fix.kind for fix in result.report.fixes}


@pytest.mark.parametrize(
    "text",
    [
        "# Zażółć gęślą jaźń\n\nPříliš žluťoučký kůň úpěl ďábelské ódy. Łódź, Kraków i Wrocław.\n",
        "# Настройка\n\nПеременные окружения задают путь к документу; ошибка %r означает, что файл не найден.\n",
        "# Ρυθμίσεις\n\nΗ μεταβλητή περιβάλλοντος ορίζει τη διαδρομή του αρχείου.\n",
        "# nākošā tēma\n\nIzpildīt komandu vēlreiz; yapılandırma değeri geçersiz.\n",
        "目录\n\n├── docs\n│   └── index.md\n└── mkdocs.yml\n",
    ],
)
def test_other_languages_and_their_utf8_read_in_a_code_page_are_not_read_as_chinese(text):
    """The model knows no Polish, Russian or Greek: any Chinese reading of their letters scores better than letters it
    never saw. A reading must read as Chinese by itself (from three characters, at a bar no sentence of Sphinx's
    catalogues in 36 languages reaches), and a line that is UTF-8 read in some code page is 符号码, not this."""
    assert repair_text_as_read(text).text.endswith(text)
    for page in ("cp1250", "cp1251", "cp1257", "mac_roman"):
        damaged = legacy_as_code_page(text, "utf-8", page)
        assert "as-" + page.replace("_", "-") not in {fix.kind for fix in repair_text_as_read(damaged).report.fixes}


def test_a_later_hand_s_chinese_beside_letters_read_back_stays():
    """A note read in Windows-1251 letters, then a line added in UTF-8: that line holds characters the code page has
    not, so only the others are read back."""
    damaged = legacy_as_code_page(LETTERS_NOTE, "gbk", "cp1251") + "补充：换成国内的镜像源后就好了。\n"
    assert repair_text_as_read(damaged).text == LETTERS_NOTE + "补充：换成国内的镜像源后就好了。\n"


def test_a_legacy_note_read_in_letters_that_dropped_what_it_could_not_map_is_read_back_around_the_gaps():
    """Real sets 23 and 29: GBK or Big5 through ``iconv -c -f CP1257`` drops the bytes Windows-1257 leaves undefined,
    A1 among them, the lead byte of Big5's and GBK's full-width punctuation (Big5's ``，`` is A1 41: ``A`` is left). The
    rest reads back; a pair that lost a byte is a mark or the ASCII letter that was its second byte."""
    clean = "# 安裝錯誤\n\n您的電腦無法執行這個程式，請確認顯示卡的驅動程式已更新到最新版本。\n\n如果還是不行，請重新安裝。\n"
    data = clean.encode("big5")
    damaged = "".join(bytes([b]).decode("cp1257", errors="ignore") for b in data)
    assert len(damaged.encode("cp1257")) < len(data)
    result = repair_text_as_read(damaged)
    assert "big5-as-cp1257" in {fix.kind for fix in result.report.fixes}
    # Each dropped byte costs its pair, and a dropped second byte the pair after it too (the reading steps out of line).
    assert character_errors(result.text.split("---\n")[-1], clean) <= 12
    assert "您的電腦無法執行這個程" in result.text and "如果還是不行" in result.text


def test_a_note_read_in_letters_under_another_misreading_is_read_back_once_that_is_undone():
    """Real set 29: a Big5 note read as Mac Roman and saved as UTF-8, that file read as Windows-1252 again. 符号码's
    reader undoes the outer reading; the Mac Roman letters under it are then read back as Big5."""
    clean = "# 疑難排解\n\n應用程式無法開啟時，請到系統設定裡按「仍要打開」，再重新啟動一次。\n"
    inner = clean.encode("big5").decode("mac_roman")
    damaged = utf8_as_sloppy_cp1252(inner)
    result = repair_text_as_read(damaged)
    assert result.text.endswith("\n---\n" + clean)  # a title from the heading put before it
    assert "big5-as-mac-roman" in {fix.kind for fix in result.report.fixes}


def test_a_latin1_reading_whose_c1_controls_were_stripped_takes_its_lost_bytes_from_80_to_9f():
    """Real set 24: a serial console stripped every byte 80–9F (``tr -d '\\200-\\237'``), then the capture was read as
    Latin-1: half the continuation bytes gone, all of them from 80 to 9F. A document that shows none of those bytes among
    dozens of A0–BF ones lost them all, so they cost the recovery nothing (37 characters of this short essay came back
    wrong before, 30 now: with a quarter of its characters short of both bytes, the model still guesses many)."""
    clean = (
        "# 显存不够\n\n训练的时候报错，说显存不够。请把批大小减半后重试，或者换一张显存更大的卡。"
        "这个问题在多卡训练时更常见，因为每张卡都要放一份完整的模型。如果还是不行，可以打开混合精度训练，"
        "它能省下将近一半的显存。\n"
    )
    damaged = "".join(ch for ch in clean.encode("utf-8").decode("latin-1") if not "\x80" <= ch <= "\x9f")
    body = repair_text_as_read(damaged).text.split("---\n")[-1]
    assert character_errors(body, clean) <= 32


def test_a_utf8_note_through_code_page_936_and_back_is_read_with_its_marks_not_refused():
    """Real set 30: Excel opened a UTF-8 note as code page 936 and saved it so. Every pair 936 maps came back as it was;
    every byte it could not read is a ``?``, after a character (环 ``E7 8E AF`` as ``E7 8E ?``) or inside one (要
    ``E8 A6 81`` as ``E8 ? 81``). A mark inside a character left continuation bytes with no lead byte before them, and
    8 of 40 such files (dev split) were refused as "not a text file"; the marks after one stayed beside the character
    the recovery chose (``故障排查?``). Now each mark stands for its byte."""
    clean = "# 故障排查\n\n- 环境：生产 / 测试 / 本地。\n- 请把摘要写在前面，静态方法用的选项不对。\n"
    damaged = clean.encode("utf-8").decode("cp936", "replace").encode("cp936", "replace")
    assert b"\xe8?\x81" in damaged and b"\xe7\x8e?" in damaged
    result = repair_bytes(damaged, "excel.md")
    body = result.text.split("---\n")[-1]
    # A character that lost two bytes (对, ``E5 ? ?``) may stay a mark, reported: never a guess the model is unsure of.
    assert len(body) == len(clean) and all(a == b or a == "\ufffd" for a, b in zip(body, clean))
    assert body.count("\ufffd") <= 1 and len(result.report.unrecoverable) == body.count("\ufffd")
    assert "lost-bytes" in {fix.kind for fix in result.report.fixes}


def test_an_author_s_question_mark_after_a_character_short_of_a_byte_stays():
    """Where nothing shows a tool that marked lost bytes, a ``?`` after a character that lost one is the author's."""
    clean = "这家酒店的早餐还不错吗?我觉得一般。房间很干净，服务也很好，下次还会来住。\n"
    data = clean.encode("utf-8")
    at = data.index("吗".encode())
    damaged = data[: at + 2] + data[at + 3 :]  # 吗 short of its last byte, then the author's ?
    text = repair_bytes(damaged, "review.md").text
    assert text.endswith("?我觉得一般。房间很干净，服务也很好，下次还会来住。\n")


@pytest.mark.parametrize(
    "text",
    [
        # A Polish README on GitHub: ``ó`` (F3 in Windows-1250) then ``w`` is GBK's 體, so every ``-ów`` was one.
        "# Aplikacja wspomagająca inwestycje giełdowe\n\n## Funkcje\n\n- Przegląd portfela inwestycyjnego\n"
        "- Wykresy kursów i portfela\n- Generowanie raportów inwestycyjnych\n- Historia raportów\n"
        "- Eksport transakcji, danych i raportów\n\n## Instalacja\n\n1. Rozpakuj projekt.\n",
        # Debian's iso_3166 catalogue in Croatian: ``ža`` is Big5's 靠 in ISO-8859-2 letters, ``Država`` read as ``Dr靠va``.
        "# Nezavisna Država Papua Nova Gvineja\n\nBritanski Djevičanski Otoci Azerbajdžan Republika Džibuti\n\n"
        "Država Izrael Srednjoafrička Republika Bangladeš\n\nBolivija, Plurinacionalna država Država Kuvajt Republika Tadžikistan\n\n"
        "Američki Djevičanski Otoci Savezna Republika Njemačka\n",
        # glibc's catalogues: one word in capitals read as three common characters, the rest of the page left.
        "# ЗАПИСЬ\n\nневерное название месяца\n",
        "# Неправилен аргумент на заявка\n\nФОРМАТ\n",
        # GNU tar's in Polish: one ``ów`` in a page of Polish.
        "# Nie można przemianować %s na %s\n\nCzytanie nazw plików z PLIKU Słowo kluczowe %s jest nieznane albo jeszcze "
        "nie zaimplementowane\n\n%s: błędna specyfikacja ograniczenia czasu ustawianie czasu modyfikacji dodanych plików z "
        "DATA_ALBO_PLIK BLOKI x 512 bajtów na rekord\n",
        # Red team 40: placeholders in capitals twice in a Russian --help quoted in a Chinese note (6 characters of 904
        # letters), one in a short page, a Greek usage line, and a Kazakh word three times in a list of addresses.
        "# initdb 报错\n\n俄语环境下的帮助输出：\n\n```text\n      --locale=ЛОКАЛЬ       локаль по умолчанию для новых баз\n"
        "      --lc-collate=, --lc-ctype=, --lc-messages=ЛОКАЛЬ\n      --lc-monetary=, --lc-numeric=, --lc-time=ЛОКАЛЬ\n"
        "                            установить соответствующий параметр локали\n```\n",
        "  -I[ФОРМ_ВРЕМЕНИ], --iso-8601[=ФОРМ_ВРЕМЕНИ]\n                  вывести дату/время в формате ISO 8601\n",
        "Χρήση: iconv [ΕΠΙΛΟΓΗ...] [ΑΡΧΕΙΟ...]\n-o ΑΡΧΕΙΟ-ΕΞΟΔΟΥ ΑΡΧΕΙΟ-ΕΙΣΟΔΟΥ\nΑΡΧΕΙΟ-ΕΙΣΟΔΟΥ ΑΡΧΕΙΟ-ΕΞΟΔΟΥ\n",
        "Қолдау көрсетілетін адрестер:\ndav:// немесе davs://\nftp:// немесе ftps://\nsftp:// немесе ssh://\n",
    ],
)
def test_real_pages_in_other_languages_are_not_read_back_as_chinese_in_letters(text):
    """Red team 39: 39 of 18,392 pages made of Debian's message catalogues in 22 languages, and a Polish README of four,
    were "read back" as GBK or Big5 in a code page's letters: single characters inside Latin words (``kurs體``,
    ``Dr靠va``) or one word in capitals (``ЗАПИСЬ`` as 抢先衍) beside a page of that language left as it was. A note's
    reading is phrases of Chinese, and leaves no page of letters it could have read. Their UTF-8 read as Windows-1252,
    undone by the mojibake repair, is read no further either."""
    assert repair_text_as_read(text).text.endswith(text)
    assert read_in_code_page(text) is None
    damaged = utf8_as_sloppy_cp1252(text)
    in_letters = {f"{kind}-as-{name}" for _, kind in LEGACY for name in CODE_PAGES.values()}
    assert not in_letters & {fix.kind for fix in repair_text_as_read(damaged).report.fixes}


@pytest.mark.parametrize("page", ["cp1253", "iso8859_7", "cp1257"])
def test_a_legacy_note_read_in_letters_with_replacement_marks_is_read_back_around_them(page):
    """Red team 39: Java's ``new String(bytes, "windows-1253")`` and Python's ``errors="replace"`` mark each byte the
    page leaves undefined with U+FFFD, where ``iconv -c`` drops it. Greek's D2 is GBK's lead byte of 一, 也, 要, 业:
    every line holding one stayed in Greek letters (GBK notes through Windows-1253 read back 53% of their Chinese). The
    mark is a lost byte, as a dropped one is; the rest of the line reads back."""
    clean = "# 安装错误\n\n这是一个常见的问题，重新安装一下就好了。\n\n如果还是不行，请检查显卡驱动。\n"
    damaged = clean.encode("gbk").decode(page, errors="replace")
    assert "\ufffd" in damaged
    result = repair_text_as_read(damaged)
    assert f"gbk-as-{page.replace('_', '-')}" in {fix.kind for fix in result.report.fixes}
    # Each lost byte costs its own character only (a pair whose first byte was lost is one mark, not two misread).
    lost = "".join("\ufffd" if "\ufffd" in ch.encode("gbk").decode(page, errors="replace") else ch for ch in clean)
    assert result.text.endswith("\n---\n" + lost) and lost.count("\ufffd") == 2


@pytest.mark.parametrize(
    "line",
    [
        "Le service est «\u00a0désactivé\u00a0» par défaut.",  # é, A0, » are 頻's UTF-8 bytes
        "界面上的开关显示为 «\u00a0Activé\u00a0»，说明服务已经启动。",
        "Fichier «\u00a0Créé\u00a0»",
        "EL ENLAZADOR DINÁMICO",  # ÁM is Big5's 簍
        "Arrêté\u00a0: %s",  # êt é\u00a0 are Shift-JIS's 黎鬆
        "¡¡¡HAY UN ERROR EN EL ENLAZADOR DINÁMICO!!!",  # ¡¡ ¡H are Big5's ﹛ and another
        "Zahrnúť položku „Iné…“",  # é … “ are 酓's UTF-8 bytes, on a line with Windows-1252's „ as written
        "abcdefghijkõäöü ABCDEFGHIJKÕÄÖÜ",  # õä öü are GBK's 蹁鳇
    ],
)
def test_a_latin_word_s_own_letters_are_read_as_nothing_else_where_nothing_else_is_mojibake(line):
    """Red team 40: clean French, Spanish and Estonian whose accented letters glued to a word happen to be a Chinese
    character's UTF-8 or GBK, Big5 or Shift-JIS bytes were read so, where careful ftfy leaves them: such a run is read
    only in a document that shows mojibake elsewhere."""
    text = f"# 说明\n\n{line}\n"
    assert repair_mojibake(text)[0] == text


@pytest.mark.parametrize("clean", ["pytorch我们", "mmdetection报错汇总", "安装PYTORCH我们"])
def test_a_legacy_title_glued_to_a_word_is_read_where_it_is_all_the_document_shows(clean):
    """拼音码 glued to an ASCII word mixes the cases (``pytorchÎÒÃÇ``) or holds signs (``±¨´í``): not a word of a Latin
    language written as one, so it is read though nothing else in the document is mojibake."""
    damaged = clean.encode("gbk").decode("latin-1")
    text = f"# {damaged}\n\nok\n"
    assert repair_mojibake(text)[0] == f"# {clean}\n\nok\n"


def test_a_run_glued_to_a_latin_word_is_still_read_in_a_document_of_mojibake():
    clean = "# 安装\n\n用Python的时候，先装好依赖。\n\n版本v2版本都可以。\n"
    damaged = utf8_as_sloppy_cp1252(clean)
    assert repair_mojibake(damaged)[0] == clean


@pytest.mark.parametrize("page", ["cp866", "cp437", "koi8_r"])
def test_a_note_in_dos_letters_is_read_back_though_its_words_are_of_one_case(page):
    """Red team 41: DOS's cp866 reads every letter of GBK's bytes in lower case, between box drawing; the rule that
    refuses a reading whose words are all written as a language writes them refused these notes (40 of 54 whole essays
    read back, 53 before). The rule now asks only code pages whose letters there are of both cases."""
    clean = "# 常见问题\n\n安装依赖以后运行报错，提示找不到模块。\n\n## 解决方法\n\n先卸载旧版本，再重新安装一次就可以了。\n"
    damaged = clean.encode("gbk").decode(page)
    assert repair_text_as_read(damaged).text.endswith(clean)
