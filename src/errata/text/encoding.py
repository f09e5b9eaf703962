"""Bytes of an essay → text: detect the encoding, drop the BOM, normalise line ends.

Detection is charset-normalizer's; this module only decides what to ask it
and what to refuse. A file that decodes as strict UTF-8 is UTF-8 (that is
what charset-normalizer would conclude too, and it costs nothing to check).
A line that is UTF-8 but for characters that lost continuation bytes stays
UTF-8: its broken characters are shown by their bytes' Windows-1252
characters, and :attr:`DecodedText.lost_bytes` says where, for the repair to
recover them (:mod:`errata.text.recover`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from itertools import groupby
from operator import itemgetter

from charset_normalizer import from_bytes

from ..errors import EssayError
from .big5_as_gbk import BIG5_READ_AS_GBK, GBK_READ_AS_BIG5, big5_read_as_gbk, gbk_read_as_big5
from .bytemap import BYTE_TO_CHAR, GAP_MARKS, is_continuation, marked_characters, truncated_characters, utf8_length
from .config import DEFAULT_CONFIG
from .langmodel import LanguageModel, load_model
from .legacy_pages import CODE_PAGES, LEGACY, read_in_code_page
from .plausibility import non_ascii_score, script_of, scripts_beyond_ascii, text_score, with_lost_characters

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
#: Chinese, so Japanese text (its kana score flat) scores lower than it deserves.
#: Big5's is RepairConfig.big5_bonus's, for the same reason: the model scores a
#: traditional character as its simplified form, and only GBK's kana rows are left
#: to make up for. EUC-KR competes on equal terms: GBK bytes read as EUC-KR
#: make hangul and rare hanja, which score worse than the Chinese they were.
_LEGACY_ENCODINGS = {"gb18030": 0.0, "big5": DEFAULT_CONFIG.big5_bonus, "shift_jis": 3.0, "euc_kr": 0.0}
#: A legacy reading must score at least this (mean log-probability per
#: character, :func:`~errata.text.plausibility.text_score`) to be believed.
_MIN_SCORE = -14.0
#: A line that is valid UTF-8 in a file of legacy lines, or UTF-8 but for characters
#: that lost bytes, is read as a legacy encoding only when that reading is better by this much.
_UTF8_LINE_MARGIN = 3.0
#: What a legacy reading of a file's lines pays for showing hangul or kana where none of its sure
#: UTF-8 lines shows them: about what the margin asks of a UTF-8 line.
_FOREIGN_SCRIPT_COST = 3.0
#: The scripts the model scores at a flat rate (:mod:`errata.text.plausibility`), not by what it learnt.
_FLAT_SCORED = frozenset({"HANGUL", "HIRAGANA", "KATAKANA"})
#: A line that is not UTF-8 is UTF-8 with lost bytes only when its broken
#: characters left with no continuation byte at all, a bare lead byte, are at most
#: this share of its non-ASCII characters. That is what Latin-1 text mostly makes
#: (``caf\xe9 au lait``: é is a three-byte lead alone), and GBK text whose bytes are
#: all lead bytes (中文 ``D6 D0 CE C4``). A lead byte with some of its continuation
#: bytes looks like UTF-8's whatever share of a short line it makes (a title of three
#: characters, each short of a byte), though cp1252 text makes that too (é before
#: ``…`` or ``’``): there the language model's scores decide (``_UTF8_LINE_MARGIN``).
_MAX_BARE_LEAD_SHARE = 0.5
#: Added to that margin for a CJK reading of a line with lost bytes where other non-ASCII
#: lines of the file are whole UTF-8: a UTF-8 file that lost a byte is commoner than one
#: that mixes in a line of GBK or Shift-JIS short enough to read either way (``title: 练``).
#: Not for Windows-1252, whose Latin lines pasted into such a file are common (``Désolé…``).
_UTF8_FILE_MARGIN = 3.0
#: What the lines of a file that are not UTF-8 may be in (and what a line with lost
#: bytes competes with): the legacy encodings, and the Windows-1252 that Latin text
#: pasted from another tool is in (``Désolé…``, not GBK's ``D閟ol閰``).
_LINE_READINGS = {**_LEGACY_ENCODINGS, "cp1252": 0.0}
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
    #: Characters of UTF-8 lines that lost continuation bytes, each stretch of
    #: them as (1-based line, 0-based start and end column in ``text``): there the
    #: text shows the bytes left, one Windows-1252 character each (:data:`BYTE_TO_CHAR`).
    lost_bytes: tuple[tuple[int, int, int], ...] = ()
    #: A misreading the decode undid before anything else (:data:`UTF16_READ_AS_UTF8`), or ''.
    read_back: str = ""

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
        """Whether writing the text as UTF-8 with LF changes the bytes (UTF-16 read back from its UTF-8 reading too: its
        file is valid UTF-8, a NUL after every ASCII character)."""
        return self.encoding_converted or self.had_bom or self.had_crlf or bool(self.lost_bytes) or bool(self.read_back)


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
    >>> broken = decode_bytes("他用微信发了消息。".encode().replace("信".encode(), "信".encode()[:2]))   # 信 lost its last byte
    >>> broken.text, broken.encoding, broken.lost_bytes
    ('他用微ä¿发了消息。', 'utf-8', ((1, 3, 5),))
    """
    had_bom = data.startswith(codecs.BOM_UTF8)
    if had_bom:
        data = data[len(codecs.BOM_UTF8) :]  # and on as any UTF-8: it may have lost bytes, or hold lines in GBK
    else:
        for bom, name in _BOMS:
            if data.startswith(bom):
                return _finish(data.decode(name), name, True)
    # A NUL is asked about after a UTF-8 byte order mark too: there it was read as UTF-8 whatever it held, the check's
    # links raised on it, and the repair wrote it without the mark, a file it then called binary (red team round 31).
    if b"\x00" in data:
        # Only where the UTF-8 reading lost bytes (U+FFFD, EF BF BD): one that lost none saved UTF-16's own bytes,
        # which UTF-16 reads whole, where reading back by the NULs loses its step at a character whose second byte
        # is 00 after one whose first is ASCII (中一, 2D 4E 00 4E: ``# �N�``; a red-team audit).
        if _UTF8_MARK in data and (read_back := utf16_read_as_utf8(data)) is not None:
            return replace(_finish(read_back, "utf-8", False), read_back=UTF16_READ_AS_UTF8)
        wide = _detect_wide(data, source)
        return _finish(data.decode(wide), wide, False)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(data, source, had_bom)
    if (read_back := utf8_read_as_utf16(text)) is not None:
        return replace(_finish(read_back, "utf-8", had_bom), read_back=UTF8_READ_AS_UTF16)
    if (read_back := big5_read_as_gbk(text)) is not None:
        # Traditional Chinese in Big5 a Simplified system's tool read as GBK: every byte kept, so read back first.
        return replace(_finish(read_back, "utf-8", had_bom), read_back=BIG5_READ_AS_GBK)
    if (read_back := gbk_read_as_big5(text)) is not None:
        # And Simplified Chinese in GBK a Traditional system's tool read as Big5: the characters it marked are lost.
        return replace(_finish(read_back, "utf-8", had_bom), read_back=GBK_READ_AS_BIG5)
    if (read := read_in_code_page(text)) is not None:
        # GBK or Big5 a Polish, Russian or Greek system's tool read one letter a byte: every byte kept.
        return replace(_finish(read[0], "utf-8", had_bom), read_back=read[1])
    return _finish(text, "utf-8", had_bom)


def cut_inside_a_character(data: bytes, marked: bool = False) -> bool:
    """Whether a file's bytes stop inside a UTF-8 character, with no line end after: a file cut short (a copy or an
    upload that stopped, a tool that kept the first so many bytes), whose tail is gone, not a byte or two of it.
    ``marked``: or stop at a mark (U+FFFD) after a Chinese character, the cut read with a mark for the bytes left (an
    editor's, saved so); only for a file that shows no other damage, as a greedy reader of 古文码 swallows a file's last
    line end into its last mark too.

    >>> cut_inside_a_character("调用当前脚本".encode()[:-1]), cut_inside_a_character("脚本\\n".encode())
    (True, False)
    >>> cut_inside_a_character("调用当前脚本".encode()[:-1].decode(errors="replace").encode(), marked=True)
    True
    >>> cut_inside_a_character("脚本".encode()[:-1] + b"\\n")  # lost bytes in a whole file, not a cut
    False
    """
    if data.endswith(_UTF8_MARK):
        before = data[: -len(_UTF8_MARK)].decode("utf-8", "replace")[-1:]
        return marked and bool(before) and "\u4e00" <= before <= "\u9fff"
    tail = data[-3:]
    for back in range(1, len(tail) + 1):
        byte = tail[-back]
        if byte < 0x80:
            return False
        if byte >= 0xC0:  # the last lead byte: does the file stop before the bytes it promises?
            promised = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return back < promised
    return False


def _finish(text: str, encoding: str, had_bom: bool, legacy_lines: tuple[int, ...] = ()) -> DecodedText:
    if text.startswith("\ufeff"):
        text = text[1:]
    had_crlf = "\r" in text
    if had_crlf:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, lost_bytes = _show_lost_bytes(text)
    return DecodedText(text, encoding, had_bom, had_crlf, legacy_lines, lost_bytes)


#: What ``errors="surrogateescape"`` makes of the bytes a UTF-8 decode rejects: one lone surrogate each.
_ESCAPED = re.compile("[\udc80-\udcff]+")
#: Such a stretch, with the marks (``?``, U+FFFD) a tool wrote inside a character for the bytes it could not read: a
#: mark, then continuation bytes that no lead byte is before (要 ``E8 A6 81`` through code page 936 and back: ``E8 ? 81``).
_MARKED = re.compile(f"[\udc80-\udcff]+(?:[{GAP_MARKS}]+[\udc80-\udcbf]+)*")


def _units(stretch: str) -> list[int | str]:
    """The bytes of a :data:`_MARKED` stretch, and its marks as they stand.

    >>> _units("\\udce8?\\udc81")
    [232, '?', 129]
    """
    return [ch if ch in GAP_MARKS else ord(ch) - 0xDC00 for ch in stretch]


def _escaped_bytes(stretch: str) -> bytes:
    """The bytes a stretch of ``errors="surrogateescape"`` escapes stands for.

    >>> _escaped_bytes("\\udce4\\udcbf")
    b'\\xe4\\xbf'
    """
    return bytes(ord(ch) - 0xDC00 for ch in stretch)


def _show_lost_bytes(text: str) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """Each byte a UTF-8 decode left escaped as its Windows-1252 character, and where each stretch of them is.

    Done once the line ends are LF, so that lines and columns are the text's.

    >>> _show_lost_bytes("ok\\n微\\udce4\\udcbf发")
    ('ok\\n微ä¿发', ((2, 1, 3),))
    """
    if not _ESCAPED.search(text):
        return text, ()
    stretches = [(number, m, _marks_after(m.group(), line, m.end())) for number, line in enumerate(text.split("\n"), start=1) for m in _MARKED.finditer(line)]
    # A ``?`` after a character short of bytes is the author's as often (``是吗?``), unless the document shows a tool
    # that marked what it could not read: a mark inside a character somewhere, or one after most such characters.
    marked = any(set(m.group()) & set(GAP_MARKS) for _, m, _ in stretches) or 2 * sum(1 for *_, after in stretches if after) > len(stretches) >= 2
    found = [(number, m.start(), m.end() + (after if marked else 0)) for number, m, after in stretches]
    shown = _ESCAPED.sub(lambda m: "".join(BYTE_TO_CHAR[b] for b in _escaped_bytes(m.group())), text)
    return shown, tuple(found)


def _marks_after(stretch: str, line: str, end: int) -> int:
    """How many of the ``?`` or U+FFFD right after a stretch of rejected bytes stand for the bytes its last character
    lacks: a tool that could not read them wrote a mark for each and kept the rest (Excel's, or a script's, round trip
    through code page 936 or 950: 环 ``E7 8E AF`` as ``E7 8E ?``). At most as many as it lacks; any after are the author's.

    >>> _marks_after("\\udce7\\udc8e", "\\udce7\\udc8e?境", 2), _marks_after("\\udce3", "\\udce3???", 1), _marks_after("\\udce7\\udc8e\\udcaf", "x?", 1)
    (1, 2, 0)
    """
    units = _units(stretch)
    if not marked_characters(units):
        return 0
    # What the last character lacks beyond the marks already inside it.
    last = max(k for k, unit in enumerate(units) if isinstance(unit, int) and not is_continuation(unit))
    owed = utf8_length(units[last]) - (len(units) - last)
    after = line[end : end + owed]
    return len(after) - len(after.lstrip(GAP_MARKS))


#: The reading :class:`DecodedText` names for UTF-16 text read as UTF-8 and saved so (:func:`utf16_read_as_utf8`).
UTF16_READ_AS_UTF8 = "utf16-as-utf8"
#: U+FFFD in UTF-8: what a UTF-8 reading writes for a byte it cannot read.
_UTF8_MARK = "\ufffd".encode()
#: How many of a text's NULs must stand right after an ASCII character before it is taken for UTF-16 read as UTF-8.
_NULS_AFTER_ASCII = 0.9


def utf16_read_as_utf8(data: bytes) -> str | None:
    """The text of UTF-16 (little-endian, without its byte order mark) that a tool read as UTF-8 and saved so: every
    ASCII character followed by a NUL, each other character's two bytes where the UTF-8 reading kept them (they made a
    UTF-8 character, or were ASCII), U+FFFD where it lost one (a byte that is no UTF-8 became U+FFFD). None for other
    bytes. The NUL after each ASCII character keeps the reading in step: between two of them, the bytes are pairs.

    >>> lost = "pip 安装模块\\n".encode("utf-16-le").decode("utf-8", "replace")   # 安 is 89 5B: 0x89 is no UTF-8
    >>> lost[:10], utf16_read_as_utf8(lost.encode("utf-8"))
    ('p\\x00i\\x00p\\x00 \\x00\\ufffd[', 'pip \\ufffd装模块\\n')
    >>> utf16_read_as_utf8("\\ufeff---\\n".encode("utf-16-le").decode("utf-8", "replace").encode())   # with its byte order mark
    '---\\n'
    >>> utf16_read_as_utf8("plain text, no NUL".encode()) is None, utf16_read_as_utf8(b"\\x00\\x01\\x02") is None
    (True, True)
    """
    text = _utf8_or_none(data)
    if text is None or not text.count("\x00"):
        return None
    after_ascii = sum(1 for k, ch in enumerate(text) if ch == "\x00" and k and text[k - 1].isascii() and text[k - 1] != "\x00")
    if after_ascii < _NULS_AFTER_ASCII * text.count("\x00"):
        return None
    stream = [b for ch in text for b in ((-1,) if ch == "\ufffd" else ch.encode("utf-8"))]  # -1: a byte the reading lost
    if stream[:2] == [-1, -1] and len(stream) > 3 and 0 < stream[2] < 0x80 and stream[3] == 0:
        stream = stream[2:]  # the byte order mark (FF FE), two bytes no UTF-8 reads, before the first character
    out: list[str] = []
    pending: list[int] = []
    k = 0
    while k < len(stream):
        if 0 < stream[k] < 0x80 and k + 1 < len(stream) and stream[k + 1] == 0:
            out.append(_pairs(pending) + chr(stream[k]))
            pending = []
            k += 2
        else:
            pending.append(stream[k])
            k += 1
    out.append(_pairs(pending))
    return "".join(out)


#: The reading :class:`DecodedText` names for UTF-8 text read as UTF-16 and saved so (:func:`utf8_read_as_utf16`).
UTF8_READ_AS_UTF16 = "utf8-as-utf16"
#: At most this share of ASCII characters in a text taken for UTF-8 read as UTF-16: that reading makes one only of a
#: NUL byte and its neighbour, and Markdown's line ends are ASCII, so a text of two bytes a character is nearly all beyond ASCII.
_MAX_ASCII_SHARE_UTF16 = 0.01
#: Its UTF-8 reading must score this much better per character (:func:`~errata.text.plausibility.text_score`).
_UTF16_READ_BACK_MARGIN = 3.0


def utf8_read_as_utf16(text: str) -> str | None:
    """The text of UTF-8 that a tool read as UTF-16 (little- or big-endian: PowerShell's ``-Encoding Unicode``, a page
    served as ``charset=utf-16le``) and saved as UTF-8: each two bytes became one character, CJK, hangul or private use
    whatever they were (``# Node`` is ``‣潎敤``), a line end only inside such a pair. Read back by writing the characters'
    UTF-16 again and reading its bytes as UTF-8; a character the reading could not make (an unpaired surrogate, an odd
    last byte: U+FFFD) stays U+FFFD. None unless the text is nearly all beyond ASCII, its bytes so read are UTF-8 but for
    those, hold line ends, and read as far likelier text.

    >>> utf8_read_as_utf16("# 显存不够\\n请减小批大小。\\n".encode().decode("utf-16-le", "replace"))   # an odd byte count: the last lost
    '# 显存不够\\n请减小批大小。\\ufffd'
    >>> utf8_read_as_utf16("显存不够，请减小批大小，然后再试一次。") is None   # Chinese as written, with no line end
    True
    """
    if len(text) < 8 or len(text.encode("ascii", "ignore")) > _MAX_ASCII_SHARE_UTF16 * len(text):
        return None
    model = load_model()
    before = text_score(text, model, as_read=True)
    best: tuple[float, str] | None = None
    lost = text.count("\ufffd")
    for wide in ("utf-16-le", "utf-16-be"):
        # Each U+FFFD stands for bytes the reading lost (two, or an odd last one): one U+FFFD each, the rest read between
        # them; a character the loss cut shows one more mark at the cut, every other mark is bytes that are no UTF-8.
        read = "\ufffd".join(part.encode(wide, "surrogatepass").decode("utf-8", "replace") for part in text.split("\ufffd"))
        if read.count("\ufffd") > 3 * lost or "\n" not in read:
            continue
        score = text_score(read, model)
        if score >= before + _UTF16_READ_BACK_MARGIN and (best is None or score > best[0]):
            best = (score, read)
    return best[1] if best else None


def _pairs(stream: list[int]) -> str:
    """UTF-16 code units of two bytes each (-1 for a byte lost: U+FFFD), one U+FFFD for an odd byte left."""
    units = [stream[k : k + 2] for k in range(0, len(stream) - 1, 2)]
    text = "".join("\ufffd" if min(unit) < 0 else bytes(unit).decode("utf-16-le", "replace") for unit in units)
    return text + ("\ufffd" if len(stream) % 2 else "")


def _nuls_beside_ascii(data: bytes) -> bool:
    """Whether a file's NULs stand beside most of its printable ASCII characters, as UTF-16's ASCII does (``\\0T\\0e``).

    >>> _nuls_beside_ascii("# Vercel 构建失败 126\\n".encode("utf-16-be").decode("utf-8", "ignore").encode()), _nuls_beside_ascii(b"a\\x00b c d e f g h")
    (True, False)
    """
    nuls = data.count(b"\x00")
    printable = sum(1 for byte in data if 0x20 <= byte < 0x7F)
    return nuls >= 8 and nuls * 2 >= printable


def _detect_wide(data: bytes, source: str) -> str:
    best = from_bytes(data, cp_isolation=_WIDE_ENCODINGS).best()
    if best is None:
        # UTF-8 but for its NULs: the line of the first one, where a person can look (an editor shows it as ^@).
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1 if b"\x00" in data and _utf8_or_none(data) is not None else None
        where = f" (a NUL byte on line {line})" if line else ""
        if line and _nuls_beside_ascii(data):
            # Real set 28: UTF-16BE a tool read as UTF-8 with ``errors="ignore"``: its ASCII kept, a NUL beside each
            # character, every other character gone. Say what it was, so that the author looks for the original.
            where += ": a NUL beside most ASCII characters, as UTF-16 writes them; UTF-16 read as UTF-8 with its other characters dropped cannot be read back, repair the original file"
        raise EssayError(source, line, f"not a text file{where or ' (binary content, or an encoding that cannot be detected)'}")
    return best.encoding


def _decode_legacy(data: bytes, source: str, had_bom: bool = False) -> DecodedText:
    """A file that is not UTF-8 throughout: find its legacy encoding by what reads best, line by line.

    Lines that are UTF-8 stay UTF-8 (a file appended to by another tool), and
    so do lines that are UTF-8 but for characters that lost bytes
    (:func:`_utf8_with_lost_bytes`); the others are read in the one legacy
    encoding whose reading of them the language model likes best. Which
    decoder merely succeeds decides nothing.
    """
    lines = data.split(b"\n")
    model = load_model()
    utf8 = [_utf8_or_none(line) for line in lines]
    # Lines of Chinese (or any non-ASCII) that are whole UTF-8 say the file is UTF-8: a line that
    # reads as UTF-8 short of some bytes is then likelier that than a line in another encoding.
    utf8_file = any(t is not None and not line.isascii() for line, t in zip(lines, utf8))
    # The scripts the file's sure UTF-8 lines show (its legacy lines' join them once the encoding is known).
    shown = {script for line, text in zip(lines, utf8) if text is not None and _sure_utf8(line, text, model) for script in scripts_beyond_ascii(text)}
    utf8 = [_utf8_with_lost_bytes(line, model, utf8_file, shown=shown) if text is None else text for line, text in zip(lines, utf8)]
    foreign = b"\n".join(line for line, text in zip(lines, utf8) if text is None)
    encoding = _best_legacy_encoding(foreign, shown) if foreign else "utf-8"
    stretched: list[int] = []  # 1-based numbers of UTF-8 lines with a legacy tail
    if encoding is None:
        # No reading of the lines that are not UTF-8 is plausible. Where each of them is UTF-8 that
        # lost bytes (kana, which the Chinese model scores low whatever the reading) or UTF-8 with
        # a GBK tail (``echo >>`` onto a last line without its newline), that is what they are;
        # otherwise the file is refused, as binary content is.
        for k, (line, text) in enumerate(zip(lines, utf8)):
            if text is None:
                text = _utf8_with_lost_bytes(line, model, utf8_file, against_legacy=False)
                if text is None and (text := _utf8_with_legacy_stretches(line, model)) is not None:
                    stretched.append(k + 1)
                utf8[k] = text
        if all(text is not None for text in utf8):
            encoding = "gb18030" if stretched else "utf-8"
    if encoding is None:
        raise EssayError(source, None, "not a text file (binary content, or an encoding that cannot be detected)")
    out, legacy_lines = [], []
    legacies = [decode_or_none(line, encoding) for line in lines]
    # What the legacy lines show counts too (a file of GBK lines with one UTF-8 line appended).
    shown |= {script for text, legacy in zip(utf8, legacies) if text is None and legacy is not None for script in scripts_beyond_ascii(legacy)}
    for number, (line, text, legacy) in enumerate(zip(lines, utf8, legacies), start=1):
        if text is None or (
            not line.isascii()
            and legacy is not None
            and _legacy_likelier(text, legacy, model, shown)
        ):
            text = legacy if legacy is not None else line.decode(encoding, errors="replace")
            legacy_lines.append(number)
        elif number in stretched:
            legacy_lines.append(number)
        out.append(text)
    text = "\n".join(out)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise EssayError(source, None, "not a text file (binary content, or an encoding that cannot be detected)")
    mixed = any(t is not None and not line.isascii() for line, t in zip(lines, utf8)) and len(legacy_lines) < len(lines)
    return _finish(text, encoding, had_bom, tuple(legacy_lines) if mixed else ())


def _sure_utf8(line: bytes, text: str, model: LanguageModel) -> bool:
    """Whether a line that reads as whole UTF-8 is UTF-8 beyond doubt: beyond ASCII, and no legacy
    encoding reads it, or none as text anywhere near as likely (by ``_UTF8_LINE_MARGIN``).

    >>> model = load_model()
    >>> _sure_utf8("显存不够".encode(), "显存不够", model), _sure_utf8("页".encode("gbk"), "ҳ", model)
    (True, False)
    """
    if line.isascii():
        return False
    score = text_score(text, model) - _UTF8_LINE_MARGIN
    return all(reading is None or text_score(reading, model) < score for reading in (decode_or_none(line, encoding) for encoding in _LEGACY_ENCODINGS))


def _legacy_likelier(text: str, legacy: str, model: LanguageModel, shown: set[str]) -> bool:
    """Whether a line that reads as whole UTF-8 is rather the file's legacy encoding: where that
    reads ``_UTF8_LINE_MARGIN`` likelier, or likelier at all where the UTF-8 reading is foreign
    to the file (:func:`_foreign_reading`). Words of one script stay UTF-8 whatever the model says
    of them (it learnt Chinese: Γειά σου scores below GBK's 螕蔚喂维 蟽慰蠀).

    >>> model = load_model()
    >>> _legacy_likelier("title: ҳ", "title: 页", model, {"CJK"}), _legacy_likelier("title: ҳ", "title: 页", model, set())
    (True, False)
    >>> _legacy_likelier("Γειά σου", "螕蔚喂维 蟽慰蠀", model, {"CJK"})
    False
    """
    outside = _scripts_outside_words(text)  # read once: both rules below ask for it
    if _in_words_of_one_script(text, outside):
        return False
    foreign = _foreign_reading(outside - shown, legacy, shown)
    if _ESCAPED.search(text):
        # Short of bytes: read against every legacy reading already, by what the sure UTF-8 lines
        # showed; now the legacy lines have shown their scripts too.
        return foreign and non_ascii_score(legacy, model) > _lost_bytes_score(text, model)
    return text_score(legacy, model) > text_score(text, model) + (0.0 if foreign else _UTF8_LINE_MARGIN)


def _lost_bytes_score(text: str, model: LanguageModel) -> float:
    """What :func:`_utf8_with_lost_bytes` scores a reading short of bytes at: its whole characters by
    the model, each broken one as a lost character.

    >>> round(_lost_bytes_score("异常".encode("gbk").decode("utf-8", "surrogateescape"), load_model()), 2)
    -8.88
    """
    pieces = [piece for stretch in _ESCAPED.findall(text) for piece in truncated_characters(_escaped_bytes(stretch)) or ()]
    return _score_short_of_bytes(_ESCAPED.sub("", text), len(pieces), model)


def _score_short_of_bytes(valid: str, lost: int, model: LanguageModel) -> float:
    """A reading's score with ``lost`` characters short of bytes, ``valid`` its whole text (the broken ones taken out)."""
    return with_lost_characters(non_ascii_score(valid, model), sum(not ch.isascii() for ch in valid), lost)


def _foreign_reading(unshown: set[str], legacy: str, shown: set[str]) -> bool:
    """Whether a UTF-8 reading of a line shows a script beyond Latin that no sure line of the file
    shows (``unshown``: the scripts of its letters outside words, :func:`_scripts_outside_words`, less
    ``shown``), while the legacy reading shows only the file's own: then the UTF-8 reading keeps no
    margin. GBK lines of a word or two often read as valid UTF-8 (页 ``D2 B3`` is Cyrillic ҳ, 图片 Greek
    and Latin ``ͼƬ``) or as UTF-8 short of a byte (异常: a lead byte, then the hangul 쳣). Latin is never
    foreign (an author's crème reads as GBK's 猫 too), nor is a word of three letters or more of one
    script (Привет, Εντάξει), which GBK bytes make next to never.

    >>> def foreign(text, legacy, shown):
    ...     return _foreign_reading(_scripts_outside_words(text) - shown, legacy, shown)
    >>> foreign("ҳ", "页", {"CJK"}), foreign("ҳ", "页", set()), foreign("crème", "cr猫me", {"CJK"})
    (True, False, False)
    >>> foreign("希臘文：Εντάξει", "甯岃嚇鏂囷細螘谓蟿维尉蔚喂", {"CJK"})
    False
    """
    return bool(unshown - {"LATIN"}) and scripts_beyond_ascii(legacy) <= shown


#: A run of letters (a word, or words of scripts that do not space them).
_LETTERS = re.compile(r"[^\W\d_]+")


def _scripts_outside_words(text: str) -> set[str]:
    """The scripts of a text's letters beyond ASCII, less those standing in a word of three letters or
    more of one script other than CJK (whose characters make no words of letters), however close the
    Chinese beside it stands (``俄文Готово``). The escapes of bytes short of a character
    (``surrogateescape``) are no letters: they part words as a space does.

    >>> sorted(_scripts_outside_words("希臘文：Εντάξει ҳ")), _scripts_outside_words("Привет, мир!"), _scripts_outside_words("俄文Готово")
    (['CJK', 'CYRILLIC'], set(), {'CJK'})
    """
    outside = set()
    for run in _LETTERS.findall(text):
        for script, letters in groupby(run, key=script_of):
            letters = list(letters)
            if script == "CJK" or len(letters) < 3 or any(ch.isascii() for ch in letters):
                outside.update(scripts_beyond_ascii("".join(letters)))
    return outside


def _in_words_of_one_script(text: str, outside: set[str]) -> bool:
    """Whether a text has letters beyond ASCII, all in words of three or more of one script other
    than Latin and CJK (``outside``, :func:`_scripts_outside_words` of it, is empty): UTF-8 as it
    should be, whatever a model of Chinese says of it.

    >>> [_in_words_of_one_script(t, _scripts_outside_words(t)) for t in ("Привет, мир!", "ҳ", "中文")]
    [True, False, False]
    """
    beyond = scripts_beyond_ascii(text)
    return bool(beyond) and "LATIN" not in beyond and not outside


def _utf8_with_lost_bytes(line: bytes, model: LanguageModel, utf8_file: bool = False, against_legacy: bool = True, shown: set[str] = frozenset()) -> str | None:
    """A line that is UTF-8 but for characters that lost continuation bytes: its text,
    with each byte of those characters escaped (``errors="surrogateescape"``); None for any other line.

    Every stretch the UTF-8 decoder rejects must be such characters
    (:func:`~errata.text.bytemap.truncated_characters`), those that kept no
    continuation byte at most ``_MAX_BARE_LEAD_SHARE`` of the line's non-ASCII
    characters, and no legacy (or Windows-1252) reading of the line may read
    ``_UTF8_LINE_MARGIN`` better than the UTF-8 one (a CJK encoding ``_UTF8_FILE_MARGIN`` more in a
    ``utf8_file``: one whose other non-ASCII lines are whole UTF-8), each broken character counted
    as a lost one (:func:`~errata.text.plausibility.with_lost_characters`). ``against_legacy=False``
    skips that last comparison: where no legacy reading of the file is plausible either. No margin
    at all against a legacy reading where the UTF-8 one is foreign to the scripts the file ``shown``
    for sure (:func:`_foreign_reading`): 异常 in GBK reads as UTF-8 a lead byte short and the hangul 쳣.

    >>> model = load_model()
    >>> _utf8_with_lost_bytes("异常".encode("gbk"), model, True), _utf8_with_lost_bytes("异常".encode("gbk"), model, True, shown={"CJK"})
    ('\udcd2쳣', None)
    >>> _utf8_with_lost_bytes("他用微信发了消息。".encode().replace("信".encode(), "信".encode()[:1]), model)
    '他用微\\udce4发了消息。'
    >>> _utf8_with_lost_bytes(b"caf\\xe9 au lait", model) is None, _utf8_with_lost_bytes("显存不够".encode("gbk"), model) is None
    (True, True)
    """
    text = line.decode("utf-8", errors="surrogateescape")
    stretches = _MARKED.findall(text)
    pieces = [marked_characters(_units(stretch)) for stretch in stretches]
    if not stretches or any(found is None for found in pieces):
        return None
    broken = [piece for found in pieces for piece in found]  # type: ignore[union-attr]
    valid = _MARKED.sub("", text)
    whole = sum(not ch.isascii() for ch in valid)
    if sum(not piece.tail for piece in broken) > _MAX_BARE_LEAD_SHARE * (len(broken) + whole):
        return None
    if not against_legacy:
        return text
    score = _score_short_of_bytes(valid, len(broken), model)
    unshown = _scripts_outside_words(text) - shown  # the same for every reading: read once
    for encoding, bonus in _LINE_READINGS.items():
        reading = decode_or_none(line, encoding)
        if reading is None:
            continue
        needed = _UTF8_LINE_MARGIN + (_UTF8_FILE_MARGIN if utf8_file and encoding in _LEGACY_ENCODINGS else 0.0)
        if _foreign_reading(unshown, reading, shown):
            needed = 0.0
        if non_ascii_score(reading, model) + bonus >= score + needed:
            return None
    return text


def _best_legacy_encoding(data: bytes, shown: set[str] = frozenset()) -> str | None:
    """The legacy encoding that reads the lines of a file that are not UTF-8 as the likeliest text.

    A reading that shows hangul or kana, which the model scores at a flat rate, where the file's sure
    lines (``shown``, when there are any) never show them pays ``_FOREIGN_SCRIPT_COST``: GBK's 宏 reads
    as EUC-KR's 브, a little likelier by that rate. (Greek and Cyrillic letters the model scores as the
    rare symbols they are to it: a GBK line's α or Кириллица pays nothing.)

    >>> _best_legacy_encoding("title: 宏".encode("gbk")), _best_legacy_encoding("title: 宏".encode("gbk"), {"CJK"})
    ('euc_kr', 'gb18030')
    """
    model = load_model()
    best: tuple[float, str] | None = None
    for encoding, bonus in _LINE_READINGS.items():
        text = decode_or_none(data, encoding)
        if text is None:
            continue
        # What the reading adds to ASCII: Chinese by the model, and the accented letters of
        # Latin words (a GBK line ``crème``, not Big5's ``cr豕me``) and table symbols at a flat rate.
        score = _reading_score(text, model)
        if shown and scripts_beyond_ascii(text) & _FLAT_SCORED - shown:
            bonus -= _FOREIGN_SCRIPT_COST
        if score >= _MIN_SCORE and (best is None or score + bonus > best[0]):
            best = (score + bonus, encoding)
    if best is not None:
        return best[1]
    guess = from_bytes(data, cp_isolation=_BYTE_ENCODINGS).best()
    return None if guess is None else guess.encoding


def _utf8_with_legacy_stretches(line: bytes, model: LanguageModel) -> str | None:
    """A line of UTF-8 that ends in GBK (or Big5): ``echo`` appending a GBK line to a UTF-8
    file whose last line had no newline. None unless the line starts with whole UTF-8 holding
    more than ASCII and the rest reads whole in a legacy CJK encoding.

    GBK bytes can make valid UTF-8 (追 ``D7 B7`` reads U+05F7), so the cut is tried at each
    of the last characters before the first byte UTF-8 rejects, and the likeliest reading is kept.

    >>> model = load_model()
    >>> _utf8_with_legacy_stretches("参考：[链接](https://example.com)".encode() + "追加的一行".encode("gbk"), model)
    '参考：[链接](https://example.com)追加的一行'
    >>> _utf8_with_legacy_stretches("追加的一行".encode("gbk"), model) is None, _utf8_with_legacy_stretches("测".encode() + "。".encode("gbk"), model)
    (True, '测。')
    """
    decoded = line.decode("utf-8", errors="surrogateescape")
    first_bad = _ESCAPED.search(decoded)
    if first_bad is None:
        return None
    head = decoded[: first_bad.start()]
    # The UTF-8 part must keep some CJK (U+05F7 is GBK's 追 read as UTF-8: no UTF-8 line there).
    first_cjk = next((k for k, ch in enumerate(head) if ch >= "\u2e80"), len(head))
    # A line of one legacy encoding competes with the cuts (``测`` and GBK's ``。`` read whole as Shift-JIS).
    whole = [(text_score(text, model) + bonus, None) for encoding, bonus in _LEGACY_ENCODINGS.items() if (text := decode_or_none(line, encoding)) is not None]
    readings: list[tuple[float, str | None]] = []
    for cut in range(len(head), max(len(head) - _MAX_BACKTRACK, first_cjk + 1) - 1, -1):
        kept = head[:cut]
        rest = line[len(kept.encode("utf-8")) :]
        for encoding in ("gb18030", "big5"):
            tail = decode_or_none(rest, encoding)
            if tail is not None:
                readings.append((text_score(kept + tail, model), kept + tail))
    return max(readings + whole, key=itemgetter(0))[1] if readings else None


#: How many characters before the first byte UTF-8 rejects a legacy stretch may start (see above).
_MAX_BACKTRACK = 8


def _reading_score(text: str, model: LanguageModel) -> float:
    """:func:`~errata.text.plausibility.non_ascii_score`, with box drawing counted at ``_BOX_DRAWING_LOGP``
    each: GBK and Big5 draw tables with it, and the model, which learnt prose, has never seen it (GBK's
    ``┌──`` read as Big5 is ``庚岸岸``, common characters in a row, where the model would prefer it).

    >>> model = load_model()
    >>> table = "┌──┬──┐ 表格"
    >>> _reading_score(table, model) > _reading_score(table.encode("gbk").decode("big5"), model)
    True
    """
    symbols = len(_TABLE_SYMBOLS.findall(text))
    if not symbols:
        return non_ascii_score(text, model)
    rest = _TABLE_SYMBOLS.sub("", text)
    others = sum(not ch.isascii() for ch in rest)
    return (_BOX_DRAWING_LOGP * symbols + non_ascii_score(rest, model) * others) / (symbols + others)


#: Box drawing, what legacy CJK encodings draw tables with.
_TABLE_SYMBOLS = re.compile("[\u2500-\u257f]")
#: What a box-drawing character counts for in a reading: as likely as a character of middling
#: frequency (或 -7.7, 曲 -9.1), so that a table reads in its own encoding, and one or two of its
#: characters do not outweigh a real character of another reading (Big5's 或 is GBK's ┪).
_BOX_DRAWING_LOGP = -9.0


def _utf8_or_none(line: bytes) -> str | None:
    return decode_or_none(line, "utf-8")


def decode_or_none(data: bytes, encoding: str) -> str | None:
    """The bytes read in ``encoding``, or None where they are not that encoding's.

    >>> decode_or_none("常见".encode(), "utf-8"), decode_or_none(b"\\xb3\\xa3", "utf-8")
    ('常见', None)
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 0x20 and ch not in "\t\n\r\f")
    return controls / max(len(text), 1)


#: The read-backs whose marks are whole characters lost (a pair the reader could not map), no bytes of one: nothing
#: is left to read again (real set 28: the marks of GBK read as Big5 made the repair read the clean Chinese beside them
#: as 古文码, ``信息文件`` as ``信悉誓``). Not Big5 read as GBK, under which a reading of UTF-8 may lie (set 25: PowerShell
#: read a UTF-8 note as Big5, and that was read as GBK).
READ_BACK_WHOLE = frozenset({GBK_READ_AS_BIG5})


#: What each misreading the decode reads back did to a file, in the words the check reports it with.
READ_BACK_SAYS = {
    UTF16_READ_AS_UTF8: "UTF-16 a tool read as UTF-8: a NUL after every character",
    UTF8_READ_AS_UTF16: "UTF-8 a tool read as UTF-16: two bytes a character",
    BIG5_READ_AS_GBK: "Big5 a tool read as GBK: Traditional Chinese as other characters",
    GBK_READ_AS_BIG5: "GBK a tool read as Big5: Simplified Chinese as other characters, its punctuation as bopomofo",
    **{
        f"{kind}-as-{name}": f"{kind.upper() if kind == 'gbk' else 'Big5'} a tool read as {name}: Chinese as that code page's letters"
        for _, kind in LEGACY
        for name in CODE_PAGES.values()
    },
}


#: The substitute character (SUB, U+001A) that ICU's converters and a code page's own table write for a byte they cannot
#: read, where others write U+FFFD (``uconv -f windows-932 --from-callback substitute``).
SUBSTITUTE = "\x1a"


def substitutes_as_marks(text: str) -> str:
    """``text`` with each SUB on a line that holds characters beyond ASCII made U+FFFD, the mark the repair reads a lost
    byte by; a SUB that ends the file (DOS's end-of-file mark) and one on a line of ASCII alone stay as they are.

    >>> substitutes_as_marks("涓\\x1a枃\\nascii\\x1a\\n\\x1a"), substitutes_as_marks("plain")
    ('涓\\ufffd枃\\nascii\\x1a\\n\\x1a', 'plain')
    """
    if SUBSTITUTE not in text.rstrip(SUBSTITUTE):
        return text
    body = text.rstrip(SUBSTITUTE)
    lines = [line.replace(SUBSTITUTE, "\ufffd") if SUBSTITUTE in line and not line.isascii() else line for line in body.split("\n")]
    return "\n".join(lines) + text[len(body):]
