"""Encodings in, UTF-8 with LF out."""

from __future__ import annotations

import pytest

from errata.errors import EssayError
from errata.repair import repair_bytes

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
