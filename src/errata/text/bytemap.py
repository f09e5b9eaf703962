"""Mojibake back to bytes, and bytes back to (possibly incomplete) UTF-8 characters.

Text that was UTF-8 but got decoded as Windows-1252 (or Latin-1) shows one
character per original byte. Mapping those characters back gives the bytes,
minus the ones the decoder dropped. A UTF-8 lead byte is never a continuation
byte, so each lead byte starts exactly one character even when some of its
continuation bytes are gone: that is what makes recovery possible at all.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache, partial

#: The bytes Windows-1252 leaves undefined: the only ones its decode replaces with U+FFFD.
CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
#: Bytes that a Windows-1252 decode with ``errors="ignore"`` drops (undefined
#: there), and the ones DAMAGE.md saw dropped as well (soft hyphen, Ž, ž).
#: When one of them sits in a lost position it costs nothing to assume it.
ALWAYS_DROPPED = CP1252_UNDEFINED | {0xAD, 0x8E, 0x9E}


def _char_to_byte_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        raw = bytes([byte])
        table[raw.decode("latin-1")] = byte  # C1 controls when read as Latin-1
        try:
            table[raw.decode("cp1252")] = byte
        except UnicodeDecodeError:
            pass
        # Windows-1254 (Turkish) differs in six letters (Ğ İ Ş ğ ı ş for Ð Ý Þ ð ý þ): a charset detector
        # that guesses it for GBK text, as some search indexes do, leaves 拼音码 with them (女性 as Å®ĞÔ).
        table.setdefault(raw.decode("cp1254", errors="ignore") or raw.decode("latin-1"), byte)
    return table


CHAR_TO_BYTE: dict[str, int] = _char_to_byte_table()
#: CHAR_TO_BYTE as a translation to Latin-1 characters, for :func:`run_to_bytes`.
_TO_LATIN1 = {ord(ch): byte for ch, byte in CHAR_TO_BYTE.items()}
#: How each byte >= 0x80 shows in Windows-1252 mojibake (Latin-1 where cp1252 has no character).
BYTE_TO_CHAR: dict[int, str] = {
    b: (bytes([b]).decode("cp1252") if b not in CP1252_UNDEFINED else chr(b)) for b in range(0x80, 0x100)
}

_BYTE_CHARS = re.escape("".join(sorted(CHAR_TO_BYTE)))
#: A maximal run of characters that each stand for one byte >= 0x80.
BYTE_RUN = re.compile("[" + _BYTE_CHARS + "]+")
#: The same, with U+FFFD inside or at the end: a byte that a Windows-1252
#: decode could not map (0x81 0x8D 0x8F 0x90 0x9D) and replaced.
GAPPED_BYTE_RUN = re.compile("[" + _BYTE_CHARS + "][" + _BYTE_CHARS + "\ufffd]*")
#: The same, with ``?`` inside or at the end too: what a lost byte leaves when the
#: damaged UTF-8 was saved through a code page that writes ``?`` for what it cannot
#: hold. Whether each ``?`` is such a mark or the author's own is for
#: :func:`split_gapped_run` to tell (a mark falls inside a character that misses a byte).
QUESTION_GAPPED_RUN = re.compile("[" + _BYTE_CHARS + "][" + _BYTE_CHARS + "\ufffd?]*")
#: What a lost byte may leave in a run: U+FFFD, or ``?``.
GAP_MARKS = "\ufffd?"
#: The repair's own mark, never read from a file: a byte that vanished on its own (one Windows-1252
#: leaves undefined, or a soft hyphen), where a reading of mojibake twice shows it gone.
VANISHED = "\ufffc"

_HIGH = "".join(sorted(ch for ch, b in CHAR_TO_BYTE.items() if 0x81 <= b <= 0xFE))
#: A trail byte may be 0x80 too, in GBK and Shift-JIS (準 is 8F 80): ``€`` in Windows-1252.
_TRAIL = _HIGH + "".join(sorted(ch for ch, b in CHAR_TO_BYTE.items() if b == 0x80))
#: Double-byte legacy text (GBK, Big5, Shift-JIS) read as Latin-1: pairs of a lead byte
#: and a trail byte, where a trail byte may be ASCII 0x40–0x7E.
#: GB18030 writes what GBK lacks (⚠ ✓ 🎉, ï É ®) in four bytes: lead, digit, lead, digit.
LEGACY_RUN = re.compile("(?:[" + re.escape(_HIGH) + "](?:[" + re.escape(_TRAIL) + "\x40-\x7e]|[0-9][" + re.escape(_HIGH) + "][0-9]))+")


def run_to_bytes(run: str) -> bytes:
    """The bytes that a mojibake run stood for (ASCII stands for itself).

    >>> run_to_bytes("è¯¦")
    b'\\xe8\\xaf\\xa6'
    """
    # Characters past U+00FF that stand for no byte raise UnicodeEncodeError, a ValueError as bytes() raised.
    return run.translate(_TO_LATIN1).encode("latin-1")


def undefined_bytes(codec: str) -> frozenset[int]:
    """The bytes a single-byte code page leaves undefined (its strict decode refuses them).

    >>> sorted(undefined_bytes("cp1252")), sorted(hex(b) for b in undefined_bytes("cp1251"))
    ([129, 141, 143, 144, 157], ['0x98'])
    """
    return frozenset(b for b in range(0x80, 0x100) if not bytes([b]).decode(codec, errors="ignore"))


@lru_cache(maxsize=None)
def sloppy(codec: str) -> str:
    """The name of a codec error handler that encodes as a sloppy reader of ``codec`` read: a character
    stands for its Latin-1 byte where the code page leaves that byte undefined (Windows-1257's 0x81 kept
    as a C1 control, its 0xA1 as ¡); anything else fails as it did (``Ô`` is no byte of DOS's 437, which
    defines every byte). Registered on first use, one a code page: a codec tells its handler no more
    than "charmap".

    >>> "Š\\x81¡".encode("cp1257", errors=sloppy("cp1257"))
    b'\\xd0\\x81\\xa1'
    >>> "Ô".encode("cp437", errors=sloppy("cp437"))
    Traceback (most recent call last):
    ...
    UnicodeEncodeError: 'charmap' codec can't encode character '\\xd4' in position 0: character maps to <undefined>
    """
    name = f"errata-sloppy-{codec}"
    codecs.register_error(name, partial(_sloppy_bytes, undefined=undefined_bytes(codec)))
    return name


def _sloppy_bytes(error: UnicodeEncodeError, undefined: frozenset[int]) -> tuple[bytes, int]:
    wrong = error.object[error.start : error.end]
    if all(ord(ch) in undefined for ch in wrong):
        return wrong.encode("latin-1"), error.end
    raise error


def utf8_length(lead: int) -> int:
    """How many bytes a UTF-8 sequence starting with ``lead`` has; 0 if not a lead byte.

    >>> utf8_length(0xE8), utf8_length(0xAF), utf8_length(0x41)
    (3, 0, 1)
    """
    if lead < 0x80:
        return 1
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def is_continuation(byte: int) -> bool:
    return 0x80 <= byte <= 0xBF


# Not frozen: a Piece is made for every character of every mojibake run, and a frozen
# dataclass's __init__ costs six times as much. No code changes one after it is made.
@dataclass(slots=True)
class Piece:
    """One character's worth of bytes from a run.

    ``missing`` is how many continuation bytes the lead byte promises but the
    run does not have. ``char`` is the decoded character when nothing is missing.
    """

    lead: int
    tail: bytes
    missing: int
    #: Whether the bytes went through a Windows-1252 decode, which drops
    #: ALWAYS_DROPPED for free; a GBK decode (古文码) loses any byte alike,
    #: and so does a file whose raw bytes went missing (:func:`truncated_characters`).
    cp1252: bool = True
    #: Whether the damage showed where the byte went (U+FFFD or ``?``): a
    #: reader saw the loss, so an unsure guess is worse than the mark.
    gap: bool = False
    #: Where in the continuation bytes the lost ones were, when the damage
    #: showed it (-1: unknown, as when a decode dropped them silently).
    gap_at: int = -1
    #: In a GBK reading (古文码): the byte that followed the lost one. The GBK
    #: decoder lost it because the two made no valid pair, which rules most
    #: candidates out (-1: the line ended or ASCII followed, anything goes).
    after: int = -1
    #: Whether the mark was ``?``: a byte lost on the way and marked, which may be
    #: any continuation byte (a U+FFFD from a cp1252 decode is one it leaves undefined).
    question: bool = False
    #: Whether the lead byte went too (a decoder that lost two bytes at a mark): ``lead`` is then 0
    #: and any three-byte character whose continuation bytes fit may have been there.
    lead_lost: bool = False
    #: Whether both lost continuation bytes went at one mark of a decoder that pairs every byte from
    #: 0x80 with the next: they were one pair GBK cannot map, which rules out most characters.
    pair_lost: bool = False
    #: Whether the mark was :data:`VANISHED`: the lost byte is one that vanishes on its own.
    vanished: bool = False
    #: The double-byte code page that read the bytes (古文码 and its kin), whose pairs say which bytes its decoder could
    #: have lost before :attr:`after`: GBK's, or Big5's and Shift-JIS's, which pair other bytes.
    codec: str = "gbk"

    @property
    def char(self) -> str | None:
        if self.missing or self.lead_lost:
            return None
        try:
            return (bytes([self.lead]) + self.tail).decode("utf-8")
        except UnicodeDecodeError:
            return None


def split_gapped_run(run: str) -> list[Piece] | None:
    """:func:`split_pieces` of a run in which each U+FFFD (or ``?``) stands for one lost byte.

    Each mark must fall inside a character that misses a byte, which is
    then marked as a ``gap``; otherwise the run is not UTF-8 mojibake.

    >>> [(hex(p.lead), p.tail.hex(), p.missing, p.gap) for p in split_gapped_run("ä¸\ufffdå\ufffd‘")]
    [('0xe4', 'b8', 1, True), ('0xe5', '91', 1, True)]
    >>> split_gapped_run("è¯¦\ufffd") is None   # 详 is whole: the U+FFFD is something else
    True
    >>> [(p.tail.hex(), p.missing, p.gap_at) for p in split_gapped_run("ï?Œ")]   # ， lost its 0xBC
    [('8c', 1, 0)]
    """
    if not any(mark in run for mark in GAP_MARKS + VANISHED):
        return split_pieces(run_to_bytes(run))
    data = bytearray()
    gaps = []
    run_marks = {}
    for ch in run:
        if ch in GAP_MARKS or ch == VANISHED:
            run_marks[len(data)] = ch
            gaps.append(len(data))
        else:
            data.append(CHAR_TO_BYTE[ch])
    pieces = split_pieces(bytes(data))
    if pieces is None:
        return None
    out, start, placed, next_gap = [], 0, 0, 0
    for piece in pieces:
        end = start + 1 + len(piece.tail)
        # The gaps are in order: each piece takes the ones up to its end (one pass, not one per piece).
        first_gap = next_gap
        while next_gap < len(gaps) and gaps[next_gap] <= end:
            next_gap += 1
        mine = [g for g in gaps[first_gap:next_gap] if g > start]
        if len(mine) < next_gap - first_gap:
            return None  # a mark before the lead byte: no character was open for it
        inside = [g - start - 1 for g in mine]
        if len(inside) > piece.missing:
            return None
        if inside:
            at = inside[0] if len(set(inside)) == 1 and len(inside) == piece.missing else -1
            marks = {run_marks[g] for g in mine}
            piece = Piece(piece.lead, piece.tail, piece.missing, piece.cp1252, True, at, question="?" in marks, vanished=marks == {VANISHED})
            placed += len(inside)
        out.append(piece)
        start = end
    return out if placed == len(gaps) else None


def split_pieces(data: bytes) -> list[Piece] | None:
    """Cut bytes into one piece per lead byte; None when they cannot be UTF-8.

    >>> [p.missing for p in split_pieces("详细".encode()[:-1])]
    [0, 1]
    >>> split_pieces(b"\\xb1\\xa8") is None   # GBK: starts with a continuation byte
    True
    """
    try:
        whole = data.decode("utf-8")
    except UnicodeDecodeError:
        pass  # short of bytes (or no UTF-8 at all): cut it byte by byte below
    else:
        # Most runs are whole mojibake: one piece per character, none missing (ASCII is no lead byte).
        if not whole or min(whole) < "\x80":
            return None if whole else []
        return [Piece(code[0], code[1:], 0) for code in map(str.encode, whole)]
    pieces: list[Piece] = []
    i = 0
    while i < len(data):
        lead = data[i]
        size = utf8_length(lead)
        if size < 2:
            return None
        j = i + 1
        while j < len(data) and is_continuation(data[j]) and j - i < size:
            j += 1
        tail = data[i + 1 : j]
        pieces.append(Piece(lead, tail, size - 1 - len(tail)))
        i = j
    return pieces


#: Two three-byte UTF-8 sequences in a row (two Chinese characters): UTF-8's bytes always make them, GBK's and Big5's
#: almost never (a line read back from another code page holds none; one whose bytes do is UTF-8 misread).
TWO_UTF8_CHARACTERS = re.compile(rb"(?:[\xe0-\xef][\x80-\xbf]{2}){2}")


#: :attr:`Piece.after` where the byte after the lost one was the next character's lead byte, lost with it at
#: one mark (a greedy GBK reader's): a three-byte character's, and which one its candidates say, not the text.
A_THREE_BYTE_LEAD = 0x100


#: Bytes Python's code page 932 reads as characters (0x80 as U+0080, 0xA0 and 0xFD–0xFF as private-use ones; lead bytes
#: 0x87, 0xED, 0xEE and 0xFA–0xFC as NEC's and IBM's extensions) that Java's decoders mark as lost: ``MS932`` the single
#: bytes, ``Shift_JIS`` (JIS X 0208 alone) the extensions too. A mark in a Shift-JIS reading may stand for any of them:
#: 一 (E4 B8 80) read by Java lost its 0x80, which Python would have kept (real sets 27 and 28: 一 read as 万).
MARKED_BY_JAVA_S_SHIFT_JIS = frozenset({0x80, 0x87, 0xA0, 0xED, 0xEE, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF})
#: :attr:`Piece.codec` of a Shift-JIS reading by Java's decoders: code page 932's pairs, and those bytes marked too.
JAVA_S_SHIFT_JIS = "cp932-java"


@lru_cache(maxsize=None)
def no_gbk_pair(first: int, second: int, codec: str = "gbk") -> bool:
    """Whether two bytes make no GBK pair: what a decoder that pairs every byte from 0x80 with the next
    could have lost at one mark (a pair it could map, it would have written as a character).
    ``second`` may be :data:`A_THREE_BYTE_LEAD`: no pair with one of them.

    >>> no_gbk_pair(0xB8, 0x80), no_gbk_pair(0xAC, 0xE4)   # 竴 is a pair; AC E4 is a user-defined one
    (False, True)
    >>> no_gbk_pair(0x89, A_THREE_BYTE_LEAD), no_gbk_pair(0xAA, A_THREE_BYTE_LEAD)   # 有 (…89) before 找 (E6…): 89 E6 is 夋
    (False, True)

    ``codec``: another double-byte code page's pairs (``big5``, ``cp932``), whose decoder marks a byte that starts
    none it can map with the next one and reads on from that one. 找 (E6 89 BE) read as Big5 lost its 0x89, which
    starts no Big5 pair, though 89 BE is one of GBK's:

    >>> no_gbk_pair(0x89, 0xBE), no_gbk_pair(0x89, 0xBE, "big5"), no_gbk_pair(0xB0, 0xE5, "big5")   # B0 E5 is 啣
    (False, True, False)
    >>> no_gbk_pair(0x80, 0xE4, "cp932"), no_gbk_pair(0x80, 0xE4, JAVA_S_SHIFT_JIS)   # 一's last byte, then a lead
    (False, True)
    """
    if second == A_THREE_BYTE_LEAD:
        return any(no_gbk_pair(first, lead, codec) for lead in range(0xE0, 0xF0))
    if codec == JAVA_S_SHIFT_JIS:
        return first in MARKED_BY_JAVA_S_SHIFT_JIS or no_gbk_pair(first, second, "cp932")
    if codec != "gbk":
        return bytes([first, second]).decode(codec, "replace")[0] == "\ufffd"
    try:
        bytes([first, second]).decode("gbk")
    except UnicodeDecodeError:
        return True
    return False


def loss_patterns(cont: bytes, kept: bytes) -> list[tuple[int, ...]]:
    """Every way ``cont`` can lose bytes and leave ``kept``: the lost bytes of each.

    >>> loss_patterns(bytes([0x80, 0xBC]), bytes([0xBC]))
    [(128,)]
    >>> loss_patterns(bytes([0x80, 0x82]), b"")
    [(128, 130)]
    """
    if len(kept) == len(cont):
        return [()] if kept == cont else []
    if not kept:
        return [tuple(cont)]
    if len(cont) == 2:  # the common case, a 3-byte character that lost one byte
        return [(b,) for b, other in ((cont[1], cont[0]), (cont[0], cont[1])) if other == kept[0]]
    if kept[0] not in cont:
        return []
    out = []
    head = cont[0]
    if head == kept[0]:
        out.extend(loss_patterns(cont[1:], kept[1:]))
    if len(cont) > len(kept):
        out.extend((head,) + rest for rest in loss_patterns(cont[1:], kept))
    return out


def marked_characters(units: list[int | str]) -> list[Piece] | None:
    """Characters that lost continuation bytes, some of them marked where they were (``units``: byte values, and ``?``
    or U+FFFD for a byte a tool could not read and marked); None if they are anything else. A round trip through a
    legacy code page marks a byte inside a character as often as at its end: 要 ``E8 A6 81`` came back ``E8 ? 81``.

    >>> [(hex(p.lead), p.tail.hex(), p.missing, p.gap, p.gap_at) for p in marked_characters([0xE8, "?", 0x81, 0xE4, 0xB8])]
    [('0xe8', '81', 1, True, 0), ('0xe4', 'b8', 1, False, -1)]
    >>> marked_characters(["?", 0x81]), marked_characters([0xE8, "?", "?", "?"])   # no lead byte; more marks than bytes owed
    (None, None)
    """
    pieces: list[Piece] = []
    i = 0
    while i < len(units):
        lead = units[i]
        size = utf8_length(lead) if isinstance(lead, int) else 0
        if size < 2:
            return None
        tail, marks, gap_at, j = bytearray(), "", -1, i + 1
        while j < len(units) and j - i < size and (isinstance(units[j], str) or is_continuation(units[j])):
            if isinstance(units[j], str):
                gap_at = len(tail) if gap_at < 0 else gap_at
                marks += units[j]
            else:
                tail.append(units[j])
            j += 1
        missing = size - 1 - len(tail)
        if missing < 1:
            return None  # whole: no character that lost a byte
        pieces.append(Piece(lead, bytes(tail), missing, cp1252=False, gap=bool(marks), gap_at=gap_at, question="?" in marks))
        i = j
    return pieces


def truncated_characters(data: bytes) -> list[Piece] | None:
    """Bytes a UTF-8 decoder rejected, as characters that each lost continuation bytes; None if they are anything else.

    Each piece is a lead byte and fewer continuation bytes than it promises
    (not necessarily the first ones: 🎉 ``F0 9F 8E 89`` that lost its ``9F``
    leaves ``F0 8E 89``, which no character starts with). The bytes were never
    decoded, so no decode lost a byte value for free (``cp1252=False``).

    >>> [(hex(p.lead), p.tail.hex(), p.missing) for p in truncated_characters("信".encode()[:2] + "发".encode()[:1])]
    [('0xe4', 'bf', 1), ('0xe5', '', 2)]
    >>> truncated_characters("报".encode("gbk")), truncated_characters(b"\\xe0\\x80\\x80")   # a continuation byte first; an overlong form, whole
    (None, None)
    """
    return marked_characters(list(data))  # the same reading, with no marks among the bytes
