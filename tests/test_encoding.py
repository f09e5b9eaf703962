"""Encodings in, UTF-8 with LF out."""

from __future__ import annotations

import codecs
import random

import pytest

from errata.errors import EssayError
from errata.repair import repair_bytes
from errata.text.encoding import decode_bytes

TEXT = "---\ntitle: 报错汇总\n---\n# 报错汇总\n\n显存不够，请把批大小减半，然后重新运行训练脚本。\n"


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf_16_le"),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ],
)
def test_every_encoding_comes_out_as_the_same_utf8(encoded, encoding):
    result = repair_bytes(encoded, "a.md")
    assert result.text == TEXT
    assert result.report.encoding == encoding


def test_big5_is_detected():
    text = "---\ntitle: 報錯匯總\n---\n# 報錯匯總\n\n顯存不夠，請把批大小減半，然後重新運行訓練腳本。\n"
    result = repair_bytes(text.encode("big5"), "a.md")
    assert result.text == text
    assert result.report.encoding == "big5"


def test_binary_content_is_refused_with_the_file_name():
    with pytest.raises(EssayError, match="logo.md: not a text file"):
        repair_bytes(bytes(range(256)) * 8, "logo.md")


ESSAY = "---\ntitle: 显存不够\n---\n# 显存不够\n\n请把批大小减半，然后重新运行训练脚本。\n"


def test_a_gbk_line_in_an_ascii_file_is_chinese_not_korean():
    data = b"# Notes\n\nSome ASCII text.\n" + "显存不够，请减小批大小。".encode("gbk") + b"\nmore ASCII\n"
    result = repair_bytes(data, "a.md")
    assert "显存不够，请减小批大小。" in result.text
    assert result.report.encoding == "gb18030"


@pytest.mark.parametrize("text", [ESSAY, "# 显存不够\n\n请减小批大小。\n", "# 报错\n\n训练时显存不够。😀 € ≥\n"])
def test_short_gbk_and_gb18030_essays_are_read_as_such(text):
    codec = "gb18030" if any(ord(c) > 0xFFFF or c in "€≥" for c in text) else "gbk"
    result = repair_bytes(text.encode(codec), "a.md")
    assert result.text.endswith(text.split("---\n")[-1])
    assert result.report.encoding == "gb18030"
    assert [f.kind for f in result.report.fixes][:1] == ["whole-file-gb18030"]


def test_a_file_mixing_utf8_and_gbk_lines_is_read_line_by_line():
    data = "# 报错汇总\n\n显存不够，请减小批大小。\n".encode() + "这一行是后来用记事本加的。\n".encode("gbk")
    result = repair_bytes(data, "a.md")
    assert result.text.endswith("# 报错汇总\n\n显存不够，请减小批大小。\n这一行是后来用记事本加的。\n")
    assert [(f.line, f.kind) for f in result.report.fixes] == [(4, "gb18030-line")]


@pytest.mark.parametrize("short", ["页", "图片", "异常", "'%s（模块）'", "宏"])
def test_a_short_gbk_line_that_also_reads_as_utf8_is_gbk_in_a_file_of_chinese(short):
    """页 in GBK (``D2 B3``) is valid UTF-8, Cyrillic ҳ; 图片 reads ``ͼƬ``, 异常 a lead byte and the hangul 쳣,
    模块 and 宏 read as EUC-KR's hangul. In a file whose sure lines are all Chinese, such a script is no
    evidence for the reading that makes it (a fuzzed property found each)."""
    head = "---\ntitle: 报错汇总\n---\n显存不够，请减小批大小。\n".encode() + "这一行是后来用记事本加的。\n".encode("gbk")
    assert repair_bytes(head + short.encode("gbk") + b"\n", "a.md").text.endswith(f"记事本加的。\n{short}\n")


def test_a_gbk_line_short_of_nothing_is_gbk_where_the_files_gbk_lines_show_chinese():
    """异常 reads as UTF-8 a lead byte short (then 쳣); the file's sure UTF-8 lines are Latin, its GBK lines Chinese."""
    data = "The café's naïve rebuild.\n".encode() + "# 自动文档\n".encode("gbk") + "异常\n".encode("gbk")
    assert repair_bytes(data, "a.md").text.endswith("The café's naïve rebuild.\n# 自动文档\n异常\n")


@pytest.mark.parametrize("line", ["Привет, мир!", "Привет", "Γειά σου Κόσμε", "안녕하세요 세계", "crème brûlée", "Zürich"])
def test_a_utf8_line_of_another_script_stays_in_a_file_mixing_utf8_and_gbk(line):
    """Words of one script are what UTF-8 writes, not what GBK bytes make (Γειά once read as GBK's 螕蔚喂维)."""
    data = "---\ntitle: 报错汇总\n---\n显存不够，请减小批大小。\n".encode() + "这一行是后来用记事本加的。\n".encode("gbk") + line.encode() + b"\n"
    assert repair_bytes(data, "a.md").text.endswith(f"记事本加的。\n{line}\n")


def test_shift_jis_is_detected():
    text = "---\ntitle: メモリ不足\n---\n# メモリ不足\n\nバッチサイズを小さくしてください。\n"
    result = repair_bytes(text.encode("shift_jis"), "a.md")
    assert result.text == text
    assert result.report.encoding == "shift_jis"


@pytest.mark.parametrize("latin", ["Müller sent his résumé.", "Zhōngwén pīnyīn: nǚ, lǜ"])
def test_a_gbk_line_of_latin_words_is_gbk_not_big5(latin):
    """GBK's pinyin letters (``A8 B9`` ü) are Big5's 邦: inside Latin words they are letters."""
    data = "---\ntitle: 标题\n---\n".encode() + latin.encode("gbk") + "\n\n静态方法\n".encode()
    assert repair_bytes(data, "a.md").text == f"---\ntitle: 标题\n---\n{latin}\n\n静态方法\n"


# -- raw UTF-8 that lost continuation bytes ------------------------------------------------

LOST = "---\ntitle: 显存不够\n---\n# 显存不够\n\n训练时显存不够，请把批大小减半，然后用Python重新运行训练脚本。\n"


def lose(text: str, char: str, kept: tuple[int, ...], occurrence: int = 0) -> bytes:
    """``text`` as UTF-8 with one occurrence of ``char`` keeping only its bytes at ``kept``."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(char, at + 1)
    raw = char.encode()
    return text[:at].encode() + bytes(raw[k] for k in kept) + text[at + 1 :].encode()


def fixes(result) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.kind) for f in result.report.fixes]


@pytest.mark.parametrize(
    ("char", "kept", "lost"),
    [("新", (0, 1), 1), ("新", (0, 2), 1), ("新", (0,), 2), ("然", (0, 1), 1), ("然", (0,), 2)],
    ids=["last byte", "middle byte", "both continuation bytes", "last byte of another", "both of another"],
)
def test_a_character_that_lost_continuation_bytes_is_recovered_not_refused(char, kept, lost):
    result = repair_bytes(lose(LOST, char, kept), "a.md")
    assert result.text == LOST
    column = LOST.split("\n")[5].index(char) + 1
    assert fixes(result) == [(6, 1, "utf-8-lost-bytes-line"), (6, column, "lost-bytes")]
    assert (result.report.encoding, result.report.encoding_converted) == ("utf-8", False)
    assert (result.report.characters_recovered, result.report.bytes_recovered) == (1, lost)
    assert result.report.changed


def test_the_decode_shows_the_bytes_left_and_says_where():
    decoded = decode_bytes(lose(LOST, "新", (0, 1)))
    line = LOST.split("\n")[5]
    start = line.index("新")
    assert decoded.text.split("\n")[5] == line[:start] + "æ–" + line[start + 1 :]  # E6 96, as Windows-1252 shows them
    assert decoded.lost_bytes == ((6, start, start + 2),)
    assert decoded.encoding == "utf-8" and not decoded.mixed and decoded.converted


def test_several_characters_on_a_line_beside_ascii_and_at_its_end():
    damaged = {"然": (0, 1), "后": (0, 2), "重": (0, 1), "。": (0, 1)}  # 重 right after ``Python``; 。 ends the line
    data = LOST.encode()
    for char, kept in damaged.items():
        data = data.replace(char.encode(), bytes(char.encode()[k] for k in kept))
    result = repair_bytes(data, "a.md")
    assert result.text == LOST
    # Each where it stood in the line as read: a damaged character shows one character for each byte it kept.
    line, columns, column = LOST.split("\n")[5], {}, 1
    for char in line:
        columns[char] = column
        column += len(damaged[char]) if char in damaged else 1
    assert [f for f in fixes(result) if f[2] == "lost-bytes"] == [(6, columns[c], "lost-bytes") for c in "然后重。"]


def test_two_broken_characters_side_by_side_are_two():
    data = LOST.encode().replace("然后".encode(), "然".encode()[:2] + "后".encode()[:2])
    result = repair_bytes(data, "a.md")
    assert result.text == LOST
    assert decode_bytes(data).lost_bytes == ((6, 16, 20),)  # one stretch of four bytes …
    assert result.report.characters_recovered == 2  # … that was two characters


def test_a_title_that_lost_a_byte_is_fixed_in_the_front_matter():
    result = repair_bytes(lose(LOST, "存", (0, 1)), "a.md")
    assert result.text == LOST
    assert result.report.title_fixed
    assert fixes(result) == [(2, 1, "utf-8-lost-bytes-line"), (2, 9, "lost-bytes")]


def test_lost_bytes_with_a_bom_and_crlf_line_ends():
    crlf = LOST.replace("\n", "\r\n")
    at = crlf.index("重")
    data = b"\xef\xbb\xbf" + crlf[:at].encode() + "重".encode()[:2] + crlf[at + 1 :].encode()
    result = repair_bytes(data, "a.md")
    assert result.text == LOST
    assert (result.report.bom_removed, result.report.line_endings_converted) == (True, True)
    assert (6, LOST.split("\n")[5].index("重") + 1, "lost-bytes") in fixes(result)



@pytest.mark.parametrize("mark", ["ï»¿", "锘"])
def test_lost_bytes_on_the_line_of_a_misread_byte_order_mark(mark):
    """The decode says where in the file as read; the repair reads the line without the mark."""
    line = f"{mark}# 他用微"
    data = line.encode() + "信".encode()[:2] + "发了消息。\n\n正文。\n".encode()
    result = repair_bytes(data, "a.md")
    assert result.text.endswith("\n# 他用微信发了消息。\n\n正文。\n")
    assert (1, len(line) + 1, "lost-bytes") in fixes(result)

def test_a_character_nothing_fits_is_left_as_a_replacement_character():
    """F4 8F BF: the start of a character of the last private-use plane, which no text writes."""
    data = LOST.encode().replace("新".encode(), b"\xf4\x8f\xbf")
    result = repair_bytes(data, "a.md")
    assert result.text == LOST.replace("新", "\ufffd")
    assert result.report.lossy_left and not result.report.characters_recovered


def test_a_utf8_line_that_lost_bytes_beside_a_gbk_line():
    data = lose(LOST, "新", (0, 1)) + "这一行是后来用记事本加的。\n".encode("gbk")
    result = repair_bytes(data, "a.md")
    assert result.text == LOST + "这一行是后来用记事本加的。\n"
    column = LOST.split("\n")[5].index("新") + 1
    assert fixes(result) == [(7, 1, "gb18030-line"), (6, 1, "utf-8-lost-bytes-line"), (6, column, "lost-bytes")]


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("gbk", "# 笔记\n\n中文的文件，你们看一下。\n"),
        ("gbk", "# 报错\n\n显存不够，请把批大小减半。\n"),
        ("big5", "# 報錯\n\n顯存不夠，請把批大小減半。\n"),
        ("big5", "# 筆記\n\n中文的檔案，你們看一下。\n"),
    ],
)
def test_gbk_and_big5_files_are_read_as_such_not_as_utf8_that_lost_bytes(codec, text):
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text
    assert decoded.lost_bytes == ()
    assert decoded.encoding == ("gb18030" if codec == "gbk" else "big5")


def test_gbk_whose_bytes_are_all_lead_bytes_is_not_utf8_that_lost_bytes():
    """中文 is ``D6 D0 CE C4`` in GBK: four UTF-8 lead bytes, each without its continuation byte."""
    data = "中文".encode("gbk")
    assert decode_bytes("# 笔记\n\n".encode() + data + b"\n").text == "# 笔记\n\n中文\n"


def test_binary_content_without_nul_bytes_is_still_refused():
    rng = random.Random(7)
    with pytest.raises(EssayError, match="not a text file"):
        repair_bytes(bytes(rng.randrange(1, 256) for _ in range(4096)), "logo.md")


def test_a_latin1_file_is_windows_1252_not_utf8_that_lost_bytes():
    """``caf\\xe9 au lait``: é is a three-byte lead with none of its continuation bytes, and every
    non-ASCII character of the line; Latin text, not a character that lost two bytes."""
    decoded = decode_bytes(b"caf\xe9 au lait, cr\xe8me br\xfbl\xe9e\n")
    assert (decoded.text, decoded.encoding, decoded.lost_bytes) == ("café au lait, crème brûlée\n", "cp1252", ())


def test_a_latin1_line_in_a_utf8_file_is_a_windows_1252_line():
    data = "# 笔记\n\n".encode() + b"caf\xe9 au lait\n" + "然后回家写代码。\n".encode()
    result = repair_bytes(data, "a.md")
    assert result.text.endswith("# 笔记\n\ncafé au lait\n然后回家写代码。\n")
    assert fixes(result) == [(3, 1, "cp1252-line")]


def test_a_latin1_word_inside_a_utf8_chinese_line_stays_a_latin_word():
    """The line is UTF-8 with one broken character, but a lead byte alone inside a Latin word is its letter."""
    data = "# 笔记\n\n他在巴黎点了一杯".encode() + b"caf\xe9 au lait" + "，然后回家写代码。\n".encode()
    result = repair_bytes(data, "a.md")
    assert result.text.endswith("他在巴黎点了一杯café au lait，然后回家写代码。\n")
    assert not result.report.characters_recovered


def test_a_broken_character_before_a_curly_quote_is_not_read_with_the_quote():
    """信 short of its last byte is ``E4 BF``; with the ``”`` after it (``94`` in Windows-1252)
    the three would read as 俔. The decode says where the broken character ends."""
    clean = "# 笔记\n\n他说“用微信”发了消息。\n"
    result = repair_bytes(lose(clean, "信", (0, 1)), "a.md")
    assert result.text.endswith(clean)
    assert result.report.characters_recovered == 1 and not result.report.mojibake_runs


@pytest.mark.parametrize("line", ["Désolé…", "Hélène’s", "né·e"])
def test_a_windows_1252_line_in_an_utf8_file_is_read_as_it(line):
    """Latin text pasted through a Windows tool, in a file of Chinese UTF-8: cp1252, not GBK's D閟ol閰."""
    data = "---\ntitle: 标题\n---\n\n中文段落。\n\n".encode() + line.encode("cp1252") + "\n\n更多中文。\n".encode()
    assert repair_bytes(data, "a.md").text.split("\n")[6] == line


@pytest.mark.parametrize("char", ["练", "置"])
def test_a_one_character_title_short_of_a_byte_in_an_utf8_file_stays_utf8(char):
    """Alone, ``title: `` + two bytes of 练 reads as well in Shift-JIS (扈); beside whole UTF-8 Chinese it is UTF-8 that lost a byte."""
    data = b"---\ntitle: " + char.encode()[:2] + "\n---\n\n这是正文，用中文写的。\n".encode()
    result = repair_bytes(data, "a.md")
    assert result.report.encoding == "utf-8" and "shift_jis-line" not in {fix.kind for fix in result.report.fixes}
    assert result.text.endswith("\n---\n\n这是正文，用中文写的。\n") and "\ufffd" not in result.text


@pytest.mark.parametrize("ending", ["。", "追加的一行", "（完）"])
def test_a_gbk_stretch_appended_to_a_utf8_line_is_read_not_refused(ending):
    """``echo 追加的一行 >> essay.md`` on Chinese Windows, where the essay's last line had no newline."""
    head = "参考：[链接](https://example.com)"
    decoded = decode_bytes(head.encode() + ending.encode("gbk") + b"\r\n")
    assert decoded.text == head + ending + "\n"


@pytest.mark.parametrize("codec", ["gbk", "big5"])
def test_a_short_table_of_box_drawing_in_a_legacy_encoding_is_read_not_refused(codec):
    """Notepad's "ANSI" on a Chinese Windows: a table whose box drawing the language model has never seen."""
    text = "# 表格\n```\n┌──────┬──────┐\n│ 香港 │ 台灣 │\n└──────┴──────┘\n```\n"
    if codec == "gbk":
        text = text.replace("灣", "湾")
    assert decode_bytes(text.encode(codec)).text == text


def test_kana_that_lost_bytes_to_question_marks_are_read_not_refused():
    """Japanese UTF-8 where a tool wrote ``?`` for some bytes: no reading is likely Chinese, and it is still UTF-8."""
    clean = "Windows のメモ帳で開くと、正しく表示される。しかし、Linux では文字化けすることがある。"
    data = clean.encode().replace("の".encode(), b"\xe3\x81?", 1).replace("る。".encode(), "る".encode() + b"\xe3??", 1)
    text = repair_bytes(data, "essay.md").text
    assert "メモ帳で開くと、正しく表示される" in text and "しかし、Linux では文字化けすることがある" in text


def test_a_utf8_line_of_chinese_and_a_greek_word_stays_in_a_file_mixing_utf8_and_gbk():
    """Εντάξει is a word of one script, whatever Chinese stands beside it (an audit found the line read as GBK)."""
    data = "# 语言\n\n1. 中文：好的\n".encode() + "2. 英文：OK\n".encode("gbk") + "4. 希臘文：Εντάξει\n".encode()
    assert repair_bytes(data, "a.md").text.endswith("2. 英文：OK\n4. 希臘文：Εντάξει\n")


def test_a_utf8_line_short_of_a_byte_beside_a_russian_word_is_read_as_utf8():
    line = "3. 俄文：Готово"
    data = ("# 语言\n\n1. 中文：好的\n2. 英文：完成\n" + line + "\n").encode()
    colon = "：".encode()
    data = data.replace(("俄文" + "：").encode(), "俄文".encode() + colon[:2])
    assert repair_bytes(data, "a.md").text.endswith(line + "\n")


@pytest.mark.parametrize("gbk", [["Кириллица", "这一行是俄语的写法。"], ["│ α │ 学习率 │", "│ λ │ 正则化 │"]])
def test_gbk_lines_with_greek_or_cyrillic_letters_are_gbk_in_a_file_of_utf8_chinese(gbk):
    """GBK writes Greek and Cyrillic letters too: they are no reason to read its lines as Big5 (an audit found
    ``Кириллица`` read as Big5's 妞我把我抖, a table's α row as 岫 汐)."""
    head = "# 笔记\n\n这是用 UTF-8 写的一行中文。\n"
    data = head.encode() + "".join(line + "\n" for line in gbk).encode("gbk")
    assert repair_bytes(data, "a.md").text.endswith(head + "".join(line + "\n" for line in gbk))


def test_utf16_read_as_utf8_and_saved_is_read_back_not_refused():
    """A twentieth set of real files: a UTF-16 file (Windows' "Unicode") that a tool read as UTF-8 and saved, a NUL after
    every ASCII character, was refused as "not a text file". It is read back: every ASCII character, every Chinese one
    whose two bytes the UTF-8 reading kept, U+FFFD where it lost one; the report names the reading."""
    from errata.repair import repair_bytes

    clean = "# pip 安装模块错误\n\npip 安装模块出现这样的错误：\nERROR: No matching distribution found for pwntools\n"
    damaged = clean.encode("utf-16-le").decode("utf-8", "replace").encode("utf-8")
    result = repair_bytes(damaged, "notes.md")
    body = result.text.split("---\n")[-1]
    assert "ERROR: No matching distribution found for pwntools" in body and "\x00" not in body
    assert sum(a == b for a, b in zip(body, clean)) >= 0.8 * len(clean)  # 安 (89 5B) and a few more lost a byte each
    assert "utf16-as-utf8" in {fix.kind for fix in result.report.fixes}
    # its marks are bytes that reading lost, not 口字码 (a red-team audit: named gbk-as-utf8-replaced)
    assert result.report.unrecoverable and {f.kind for f in result.report.unrecoverable} == {"lost-bytes"}
    # UTF-16 without a byte order mark, every byte kept, reads as it did
    assert decode_bytes("# 显存不够\nok\n".encode("utf-16-le")).text == "# 显存不够\nok\n"


def test_utf16_with_its_byte_order_mark_read_as_utf8_keeps_its_front_matter_and_names_its_marks_lost_bytes():
    """A twenty-first set of real files: the byte order mark of such a file (FF FE, no UTF-8 at all) was left as ``�``
    before the front matter's ``---``, so the front matter was not found and another was added above it; the U+FFFD it
    left were reported as 口字码 (a GBK file read as UTF-8), which this is not."""
    clean = "\ufeff---\ntitle: git push 异常\n---\n# 完整报错\nOpenSSL SSL_connect: SSL_ERROR_SYSCALL\n"
    damaged = clean.encode("utf-16-le").decode("utf-8", "replace").encode("utf-8")
    result = repair_bytes(damaged, "notes.md")
    assert result.text.startswith("---\ntitle: git push") and result.text.count("---\n") == 2
    assert "gbk-as-utf8-replaced" not in {finding.kind for finding in result.report.unrecoverable}


def test_utf16_without_a_mark_of_loss_reads_as_utf16_and_the_check_names_a_read_back_file(tmp_path):
    """A red-team audit of the UTF-16 read back: a UTF-16 file without a byte order mark whose bytes happen to be UTF-8
    (中一 is 2D 4E 00 4E) was read back by its NULs, which lost their step at 一 (``# �N�``), where UTF-16 reads it
    whole; and the check, which asks whether the file needs writing again, said nothing of a file read back (the site
    published it with a NUL after every character). The read back is for a reading that lost bytes (U+FFFD)."""
    from errata.contribution import check_files

    assert decode_bytes("# 中一\nok\n".encode("utf-16-le")).text == "# 中一\nok\n"
    essay = "---\ntitle: t\n---\n# t\n\npip 安装模块\n"
    read_back = tmp_path / "read_back.md"
    read_back.write_bytes(essay.encode("utf-16-le").decode("utf-8", "replace").encode("utf-8"))
    plain = tmp_path / "plain.md"
    plain.write_bytes(essay.replace("安装模块", "一").encode("utf-16-le"))
    for path in (read_back, plain):
        assert [p.rule for p in check_files([path]) if p.line == 1] == ["encoding"], path.name


def test_a_nul_after_a_utf8_byte_order_mark_is_read_as_without_it():
    """Red team round 31: after a UTF-8 byte order mark a NUL was read as UTF-8 text (without it, the file is asked whether
    it is UTF-16): the check's links raised on it, and the repair wrote the file without its mark, a file it then called
    binary. Either way it is now one answer, which names the line of the NUL."""
    body = "---\ntitle: t\n---\n# t\n\n见[说明](a\x00b.md)。\n".encode()
    for data in (body, codecs.BOM_UTF8 + body):
        with pytest.raises(EssayError, match=r"not a text file \(a NUL byte on line 6\)") as raised:
            decode_bytes(data, "a.md")
        assert raised.value.line == 6
    # UTF-16 read as UTF-8 and saved with a UTF-8 byte order mark is read back as without it.
    saved = "pip 安装模块\n".encode("utf-16-le").decode("utf-8", "replace").encode()
    assert decode_bytes(codecs.BOM_UTF8 + saved).text == decode_bytes(saved).text == "pip \ufffd装模块\n"


def test_utf8_read_as_utf16_and_saved_is_read_back():
    """A twenty-fourth set of real files: a UTF-8 note served as ``text/plain; charset=utf-16le``, whose page text Chromium
    read as UTF-16 (each two bytes one character: ``# Node`` became ``‣潎敤``) and which was saved as UTF-8, was left as it
    was (99.97% of its characters wrong). Writing the characters' UTF-16 again gives back the UTF-8 bytes; the report
    names the reading. Big-endian too (PowerShell's ``-Encoding BigEndianUnicode``)."""
    from errata.repair import repair_bytes

    clean = "# Node.js 版本问题\n\n您遇到的错误：\n```\nsudo: npm: command not found\n```\n\n## 🔍 解决方案\n\n升级到 v18。\n"
    for wide in ("utf-16-le", "utf-16-be"):
        raw = clean.encode()
        damaged = raw.decode(wide, "replace").encode("utf-8")
        result = repair_bytes(damaged, "notes.md")
        assert result.text.split("---\n")[-1].startswith(clean.rstrip("\n")[:-3])  # an odd last byte stays lost
        assert "utf8-as-utf16" in {fix.kind for fix in result.report.fixes}
    # Chinese as written, no line end, no ASCII: read as it is
    assert decode_bytes("显存不够，请减小批大小，然后再试一次。".encode()).text == "显存不够，请减小批大小，然后再试一次。"
    assert decode_bytes("显存不够，请减小批大小。\n".encode()).read_back == ""


def test_big5_read_as_gbk_and_saved_is_read_back():
    """The twenty-third and twenty-fourth sets of real files: a Traditional note saved as Big5 and read by a tool on a
    Simplified Windows (Java's ``x-mswin-936``, ICU's GBK) came out as other characters, kana and private-use
    characters among them (中 as い, every ``，`` a private-use one), and was left so (15.34%, 10.95% of characters
    wrong). Every byte is still there: the decode reads it back, a later hand's UTF-8 line left as it is."""
    from errata.repair import repair_bytes

    note = "---\ntitle: 修復 npm 的漫漫長路\n---\n\n## 問題描述\n\n執行 `npm install` 後，出現錯誤：\n\n```\nnpm ERR! code EACCES\n```\n\n## 解決方法\n\n- 先移除全部套件，再重新安裝。\n"
    damaged = note.encode("big5").decode("gb18030")
    later = "\n补充：换成 pnpm 也可以。\n"  # appended afterwards by someone on a Simplified system, in UTF-8
    result = repair_bytes((damaged + later).encode(), "notes.md")
    assert result.text == note + later
    assert "big5-as-gbk" in {fix.kind for fix in result.report.fixes}
    assert decode_bytes((damaged + later).encode()).read_back == "big5-as-gbk"


def _dropping_gbk_reader(big5: bytes) -> str:
    """glibc's ``iconv -c -f GBK``: GBK read, the user-defined pairs it cannot convert dropped (two bytes each)."""
    return "".join(ch for ch in big5.decode("gb18030") if not "\ue000" <= ch <= "\ue765")


def test_big5_read_as_gbk_by_a_reader_that_drops_user_defined_pairs_is_read_back():
    """The twenty-fifth set of real files: a Traditional note saved as Big5 and converted with ``iconv -c -f GBK``
    (glibc drops the pairs GBK leaves to its users: every ``，。：`` and 一, no private-use character left) was left as
    kana and Greek among Simplified characters (15.89% of characters wrong). The rest is every byte: read back, only
    the dropped characters are missing."""
    note = "---\ntitle: SourceTree權限問題\n---\n\n### Sourcetree出現Permission denied (publickey)\n\n這個問題的產生可能是程式問題，已經透過SourceTree的介面去產生SSH的KEY，也已經至GitHub去註冊KEY。\n\n就去找出當初產生的私鑰在哪，執行一下以下語法就可以了：\n\n```\nssh-add ~/.ssh/id_rsa\n```\n"
    damaged = _dropping_gbk_reader(note.encode("big5"))
    assert not any("\ue000" <= ch <= "\ue765" for ch in damaged)
    dropped = "".join(ch for ch in note if not ch.isascii() and "\ue000" <= ch.encode("big5").decode("gb18030") <= "\ue765")
    assert dropped  # ，。： and 一 among them
    result = repair_bytes(damaged.encode(), "notes.md")
    assert result.text == "".join(ch for ch in note if ch not in dropped)
    assert decode_bytes(damaged.encode()).read_back == "big5-as-gbk"


def test_big5_read_by_python_s_gbk_is_read_back_around_its_marks():
    """Real set 31: two Traditional notes saved as Big5 and read by Python's ``gbk`` with ``errors="replace"`` (a mark
    for each byte it could not pair: Big5's ``，`` ``。``, 的 and 了 among them; it read on from the next byte, so a
    trail byte came out as an ASCII letter) were left as they were and each mark called 口字码 (14.58%, 62.07%
    wrong). Every byte but the marked ones is still there: the lines are read back in step, and a marked byte is read
    as the Big5 character the text around it makes far likelier than any other; the rest stay marks, reported."""
    from errata.repair import repair_bytes

    note = (
        "## 問題描述\n\n執行 `npm install` 後，出現了權限錯誤，我們應該如何修復這個問題？\n\n```\nnpm ERR! code EACCES\n```\n\n"
        "## 解決方法\n\n先移除全部的套件，再用管理員身分重新安裝一次，就可以了。\n"
    )
    damaged = note.encode("big5").decode("gbk", "replace")
    marked = damaged.count("\ufffd")
    assert marked >= 15
    result = repair_bytes(damaged.encode(), "notes.md")
    body = result.text.split("---\n")[-1]
    assert len(body) == len(note)
    wrong = [(got, want) for got, want in zip(body, note) if got != want]
    assert all(got == "\ufffd" for got, _ in wrong)  # nothing invented: what is not read stays a mark
    assert len(wrong) <= marked // 2
    assert "big5-as-gbk" in {fix.kind for fix in result.report.fixes}
    assert len(result.report.unrecoverable) == len(wrong)
    assert {finding.kind for finding in result.report.unrecoverable} <= {"lost-bytes"}


@pytest.mark.parametrize(
    "clean",
    [
        "## インストール\n\nエラーが出ました。`npm install` をもう一度実行してください。\n",
        "## 安装失败\n\n公式 α + β = γ 里的 δ 是误差，Ω 是电阻。\n",
        "## 說明\n\nΑλφα、Βήτα 與 Привет 都只是例子。\n",
        # kana and Greek in a line that reads back as no Big5 (🙂), one Cyrillic letter alone on a line of a link
        "## 符号\n\nαβγδ と ネ 🙂\n- [д](https://example.com/p/1)\n",
    ],
)
def test_kana_or_greek_beside_chinese_is_no_big5_read_as_gbk(clean):
    assert decode_bytes(clean.encode()).text == clean
    assert decode_bytes(clean.encode()).read_back == ""


@pytest.mark.parametrize(
    "clean",
    [
        "## 安装失败\n\n\ue0a0 main \ue0b0 执行 `npm install` 后出现错误。\n",  # a prompt's powerline glyphs (private use)
        "## インストール\n\n\ue0a0 main \ue0b0 `npm install` でエラーが出ました。\n",
        "## 安裝失敗\n\n\ue0a0 main \ue0b0 執行 `npm install` 後出現錯誤。\n",
        # Red team round 34: the icons alone, where no other character stands against them, were "read back".
        "# My prompt\n\nThe prompt shows \ue0a0 main for the branch and \ue0b0 as a separator.\n\n- \ue0a2 read-only\n",
        "## Icons\n\n| icon | lang |\n|---|---|\n| \ue718 | node |\n| \ue73c | python |\n| \ue7a8 | rust |\n",  # devicons
        "# Prompt\n\nIt shows \ue0a0 \ue0b0 \ue718 \ue73c icons in the café, really.\n",  # a Latin letter GBK also has
        "# Starship 設定\n\n安裝 Nerd Font 後，把下面的設定寫進設定檔，重新啟動終端機即可看到圖示。\n\n```toml\n"
        + "".join(f'[m{k}]\nsymbol = "{icon} "\n' for k, icon in enumerate("\ue0a0\ue0b0\ue0b2\ue718\ue73c\ue7a8\ue606\ue60b\ue62b\ue74e\ue70f\ue712"))
        + "```\n",  # Traditional Chinese over a config of icons
    ],
)
def test_text_with_private_use_icons_is_no_big5_read_as_gbk(clean):
    # An icon font's glyphs are private-use characters too; the text they stand in reads far worse as Big5.
    assert decode_bytes(clean.encode()).text == clean
    assert decode_bytes(clean.encode()).read_back == ""


def test_a_converter_s_substitute_characters_are_read_as_marks_of_lost_bytes():
    """The twenty-fifth set of real files: ICU's ``uconv -f windows-932 --from-callback substitute`` wrote SUB (U+001A),
    not U+FFFD, for each byte it could not read (117 in one file); the repair left them, and the characters around them,
    as they were (7.07%; 5.30% read as marks). A SUB that ends a file (DOS's end-of-file mark) stays."""
    import codecs

    from errata.repair import repair_bytes

    clean = "# 安装失败\n\n运行 `npm install` 之后出现了权限错误，需要用管理员身份重新打开终端再执行一次。\n"

    def reader(mark):
        codecs.register_error("as_" + str(ord(mark)), lambda error: (mark, error.end))
        return clean.encode("utf-8").decode("cp932", "as_" + str(ord(mark)))

    marked, substituted = reader("\ufffd"), reader("\x1a")
    assert "\x1a" in substituted and substituted.replace("\x1a", "\ufffd") == marked
    assert repair_bytes(substituted.encode(), "a.md").text == repair_bytes(marked.encode(), "a.md").text
    assert repair_bytes(b"# title\n\nplain\n\x1a", "a.md").text.endswith("plain\n\x1a")


def test_the_check_reads_a_converter_s_substitute_characters_as_the_repair_does():
    """Red team 35: the repair read SUB on a line beyond ASCII as a mark of lost bytes, but the check's mojibake rule
    read the text as it stands: a file the repair rewrites (its mojibake fixed, or SUB made U+FFFD) passed the check."""
    import codecs

    from errata.checks import check_mojibake
    from errata.repair import repair_bytes

    clean = "# 安装失败\n\n运行 `npm install` 之后出现了权限错误，需要用管理员身份重新打开终端再执行一次。\n"
    codecs.register_error("as_sub_for_check", lambda error: ("\x1a", error.end))
    damaged = clean.encode("utf-8").decode("cp932", "as_sub_for_check")
    assert repair_bytes(damaged.encode(), "a.md").text != damaged
    problems = check_mojibake(damaged, "a.md")
    assert {p.line for p in problems} >= {3} and any("U+001A" in p.message for p in problems)
    # A stray SUB on a line of Chinese is what the repair makes U+FFFD; one on a line of ASCII, or ending the file, stays.
    assert [p.line for p in check_mojibake("# 标题\n\n中文\x1a句子\n", "a.md")] == [3]
    assert check_mojibake("# t\n\nplain \x1a ascii\n\x1a", "a.md") == []


def test_utf16_read_as_utf8_with_its_other_characters_dropped_is_refused_saying_what_it_was():
    """Real set 28: UTF-16BE a tool read as UTF-8 with ``errors="ignore"`` keeps its ASCII, a NUL beside each, and
    loses the rest; it was refused as "not a text file" with no hint of UTF-16. The refusal names the file's line and
    says what the NULs show, so that the author looks for the original."""
    import pytest

    from errata.errors import EssayError
    from errata.text.encoding import decode_bytes

    data = "# Vercel 构建失败\n\nError: Command \"npm run build\" exited with 126\n".encode("utf-16-be").decode("utf-8", "ignore").encode("utf-8")
    with pytest.raises(EssayError) as raised:
        decode_bytes(data, "vercel.md")
    assert "vercel.md:1:" in str(raised.value) and "UTF-16" in str(raised.value)


def test_a_file_cut_inside_a_character_says_its_tail_is_gone():
    """Real sets 29 and 31: a file cut short inside a character (the bytes left as they were, or read with a mark and
    saved) was reported as one character short of bytes; its tail is gone, and the report now says so."""
    from errata.repair import repair_bytes

    whole = "# 调试脚本\n\n运行 `bash -x` 可以看到调用当前脚本的每一步。\n\n然后再看输出的日志\n"
    cut = whole.rstrip("\n").encode()[:-1]
    for damaged in (cut, cut.decode("utf-8", "replace").encode()):
        result = repair_bytes(damaged, "notes.md")
        found = [f for f in result.report.unrecoverable if f.kind == "file-cut"]
        assert len(found) == 1 and found[0].line == result.text.count("\n") + 1
    for clean in (whole, whole.rstrip("\n"), whole.replace("步", "\ufffd")):
        assert "file-cut" not in {f.kind for f in repair_bytes(clean.encode(), "notes.md").report.unrecoverable}


def test_a_whole_file_read_back_keeps_the_block_the_file_holds_where_the_reading_does_not_parse():
    """Red team 40: a valid front matter read back with the rest of a file (here Big5 read by Python's ``gbk``, whose
    mark before ``]`` is read with it) no longer parsed; the repair said "front matter left as found" and wrote the
    reading's block. The block left is now the file's own, the body read back under it."""
    import yaml

    from errata.repair import FrontMatterError, repair_bytes

    note = "## 問題描述\n\n執行 `npm install` 後，出現了權限錯誤，我們應該如何修復這個問題？\n\n## 解決方法\n\n先移除全部的套件，再用管理員身分重新安裝一次，就可以了。\n"
    block = "---\ntitle: 筆記\ntags: [\ufffd]\n---\n"
    damaged = block + note.encode("big5").decode("gbk", "replace")
    assert yaml.safe_load(block.split("---\n")[1])["tags"] == ["\ufffd"]
    assert decode_bytes(damaged.encode()).read_back == "big5-as-gbk"
    with pytest.raises(FrontMatterError) as raised:
        repair_bytes(damaged.encode(), "notes.md")
    written = raised.value.result.text
    assert written.startswith(block)
    assert "## 問題描述" in written and "## 解決方法" in written


def test_a_document_of_marks_is_read_back_in_time():
    """A document of Big5 read by Python's gbk reads each mark with the model; a megabyte of them must not take a
    minute (the candidates of a pair are tabled, and past a budget the marks stay marks)."""
    import time

    from errata.text.big5_as_gbk import MAX_MARKS_READ

    note = "執行 `npm install` 後，出現了權限錯誤，我們應該如何修復這個問題？先移除全部的套件，再用管理員身分重新安裝一次，就可以了。\n"
    damaged = (note * 2000).encode("big5").decode("gbk", "replace")
    assert damaged.count("\ufffd") > 2 * MAX_MARKS_READ
    start = time.process_time()
    decoded = decode_bytes(damaged.encode())
    assert decoded.read_back == "big5-as-gbk"
    assert decoded.text.startswith("執行 `npm install` ") and "如何修復這個問題" in decoded.text
    assert time.process_time() - start < 30  # about 1 s here; generous for slow machines


def test_one_line_of_marks_is_read_back_in_time():
    """Red team 41: the budget of marks read with the model was kept between lines only; one line of 80,000 characters
    took 9 s. It is kept within a line too."""
    import time

    damaged = "\ufffdい\ufffd" * 30_000
    start = time.process_time()
    decode_bytes(("# 說明\n" + damaged + "\n").encode())
    assert time.process_time() - start < 30  # about 2 s here; generous for slow machines
