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
from .langmodel import load_model
from .plausibility import non_ascii_score, text_score

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


#: Legacy encodings a file (or some of its lines) may be in, each with the
#: bonus its reading gets against the others: the model learnt simplified
#: Chinese, so traditional text (Big5) and Japanese kanji score lower than
#: they deserve. EUC-KR competes on equal terms: GBK bytes read as EUC-KR
#: make hangul and rare hanja, which score worse than the Chinese they were.
_LEGACY_ENCODINGS = {"gb18030": 0.0, "big5": 3.0, "shift_jis": 3.0, "euc_kr": 0.0}
#: A legacy reading must score at least this (mean log-probability per
#: character, :func:`~errata.text.plausibility.text_score`) to be believed.
_MIN_SCORE = -14.0
#: A line that is valid UTF-8 in a file of legacy lines is read as the legacy
#: encoding only when that reading is better by this much.
_UTF8_LINE_MARGIN = 3.0
#: More than this share of C0 control characters (tab, line ends and form feed aside) is not text.
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # what the bytes were, as Python names it
    had_bom: bool
    had_crlf: bool
    #: In a file that mixes UTF-8 lines with lines in ``encoding``: the
    #: 1-based numbers of the lines decoded as ``encoding`` (empty otherwise).
    legacy_lines: tuple[int, ...] = ()

    @property
    def mixed(self) -> bool:
        """Whether the file mixed UTF-8 lines with lines in another encoding."""
        return bool(self.legacy_lines)

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
    >>> decode_bytes(b"ascii\\n" + "显存不够".encode("gbk")).encoding   # not EUC-KR
    'gb18030'
    >>> mixed = decode_bytes("第一行\\n".encode() + "第二行\\n".encode("gbk"))
    >>> mixed.text, mixed.legacy_lines
    ('第一行\\n第二行\\n', (2,))
    >>> decode_bytes("标题\\n".encode() + "Müller, résumé".encode("gbk")).text   # GBK's pinyin letters, not Big5's 邦 and 谷
    '标题\\nMüller, résumé'
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _finish(data.decode(name), "utf-8" if name == "utf-8-sig" else name, True)
    if b"\x00" in data:
        wide = _detect_wide(data, source)
        return _finish(data.decode(wide), wide, False)
    try:
        return _finish(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, source)


def _finish(text: str, encoding: str, had_bom: bool, legacy_lines: tuple[int, ...] = ()) -> DecodedText:
    if text.startswith("\ufeff"):
        text = text[1:]
    had_crlf = "\r" in text
    if had_crlf:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return DecodedText(text, encoding, had_bom, had_crlf, legacy_lines)


def _detect_wide(data: bytes, source: str) -> str:
    best = from_bytes(data, cp_isolation=_WIDE_ENCODINGS).best()
    if best is None:
        raise EssayError(source, None, "not a text file (binary content, or an encoding that cannot be detected)")
    return best.encoding


def _decode_legacy(data: bytes, source: str) -> DecodedText:
    """A file that is not UTF-8 throughout: find its legacy encoding by what reads best, line by line.

    Lines that are UTF-8 stay UTF-8 (a file appended to by another tool);
    the others are read in the one legacy encoding whose reading of them
    the language model likes best. Which decoder merely succeeds decides nothing.
    """
    lines = data.split(b"\n")
    utf8 = [_utf8_or_none(line) for line in lines]
    foreign = b"\n".join(line for line, text in zip(lines, utf8) if text is None)
    encoding = _best_legacy_encoding(foreign)
    if encoding is None:
        raise EssayError(source, None, "not a text file (binary content, or an encoding that cannot be detected)")
    model = load_model()
    out, legacy_lines = [], []
    for number, (line, text) in enumerate(zip(lines, utf8), start=1):
        legacy = _decode_or_none(line, encoding)
        if text is None or (
            not line.isascii()
            and legacy is not None
            and text_score(legacy, model) > text_score(text, model) + _UTF8_LINE_MARGIN
        ):
            text = legacy if legacy is not None else line.decode(encoding, errors="replace")
            legacy_lines.append(number)
        out.append(text)
    text = "\n".join(out)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise EssayError(source, None, "not a text file (binary content, or an encoding that cannot be detected)")
    mixed = any(t is not None and not line.isascii() for line, t in zip(lines, utf8)) and len(legacy_lines) < len(lines)
    return _finish(text, encoding, False, tuple(legacy_lines) if mixed else ())


def _best_legacy_encoding(data: bytes) -> str | None:
    model = load_model()
    best: tuple[float, str] | None = None
    for encoding, bonus in _LEGACY_ENCODINGS.items():
        text = _decode_or_none(data, encoding)
        if text is None:
            continue
        # What the reading adds to ASCII: Chinese by the model, and the accented letters of
        # Latin words (a GBK line ``crème``, not Big5's ``cr豕me``) at a flat rate.
        score = non_ascii_score(text, model)
        if score >= _MIN_SCORE and (best is None or score + bonus > best[0]):
            best = (score + bonus, encoding)
    if best is not None:
        return best[1]
    guess = from_bytes(data, cp_isolation=_BYTE_ENCODINGS).best()
    return None if guess is None else guess.encoding


def _utf8_or_none(line: bytes) -> str | None:
    return _decode_or_none(line, "utf-8")


def _decode_or_none(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 0x20 and ch not in "\t\n\r\f")
    return controls / max(len(text), 1)
