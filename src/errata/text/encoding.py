"""Bytes of an essay → text: detect the encoding, drop the BOM, normalise line ends.

Detection is charset-normalizer's; this module only decides what to ask it
and what to refuse. A file that decodes as strict UTF-8 is UTF-8 (that is
what charset-normalizer would conclude too, and it costs nothing to check).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from ..errors import EssayError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: What a Chinese blog's files are written in, besides UTF-8. Restricting the
#: detector to these keeps it from calling GBK text "cp1250". Markdown always
#: holds ASCII (newlines at least), which UTF-16 writes with NUL bytes: so
#: UTF-16 is asked about exactly when there are NUL bytes, and only then.
_BYTE_ENCODINGS = ["gb18030", "big5", "shift_jis", "euc_kr", "cp1252"]
_WIDE_ENCODINGS = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # what the bytes were, as Python names it
    had_bom: bool
    had_crlf: bool

    @property
    def encoding_converted(self) -> bool:
        """Whether the bytes were in another encoding than UTF-8."""
        return self.encoding not in ("utf-8", "ascii")

    @property
    def converted(self) -> bool:
        """Whether writing the text as UTF-8 with LF changes the bytes."""
        return self.encoding_converted or self.had_bom or self.had_crlf


def decode_bytes(data: bytes, source: str = "<bytes>") -> DecodedText:
    """Decode an essay's bytes; raise :class:`EssayError` for a binary file.

    >>> decode_bytes("# 报错汇总\\r\\n显存不够，请减小批大小。\\r\\n".encode("gb18030")).text
    '# 报错汇总\\n显存不够，请减小批大小。\\n'
    >>> decode_bytes(b"\\xef\\xbb\\xbfok").had_bom
    True
    """
    encoding, had_bom = _detect(data, source)
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    had_crlf = "\r" in text
    if had_crlf:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return DecodedText(text, "utf-8" if encoding == "utf-8-sig" else encoding, had_bom, had_crlf)


def _detect(data: bytes, source: str) -> tuple[str, bool]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, True
    wide = b"\x00" in data
    if not wide:
        try:
            data.decode("utf-8")
            return "utf-8", False
        except UnicodeDecodeError:
            pass
    best = from_bytes(data, cp_isolation=_WIDE_ENCODINGS if wide else _BYTE_ENCODINGS).best()
    if best is None:
        raise EssayError(source, None, "not a text file (binary content, or an encoding that cannot be detected)")
    return best.encoding, False
