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
