"""古文码 read as GBK a second time: ``閸旂喕鍏`` for 功能 (``鍔熻兘`` once).

A tool reads UTF-8 Chinese as GBK and saves the 古文码 as UTF-8; a second tool
(or the same one, on the next save) does it again. Each pass marks the pairs it
cannot map (U+FFFD, or ``?`` once saved as GBK), so the outer reading loses
bytes of the inner 古文码, and the inner 古文码 lost bytes of the text.

This module peels the outer reading off, line by line: the characters are
written back as GB18030 and read as UTF-8, which gives the inner 古文码 back;
a character of it that lost a byte to the outer reading's marks becomes one
U+FFFD, a lost pair of the text's bytes for the 古文码 reader to recover. The
repair then reads the peeled text as it reads any 古文码
(:func:`errata.text.mojibake.repair_mojibake` keeps the peeled reading where
the language model likes its result better).

Only a line that can be peeled *twice* is peeled once: one reading back of
clean Chinese is almost never valid UTF-8, and one of single 古文码 gives the
clean text, which cannot be read back again.

>>> reading = read_back_once("閺勬儳鐡ㄦ稉宥咁檮")  # 显存不够, read as GBK by code page 936 twice
>>> reading.text, reading.cjk, reading.lost
('鏄惧瓨涓嶅\ue644', 6, 0)
>>> read_back_once(reading.text).text
'显存不够'
>>> peel("# 閺勬儳鐡ㄦ稉宥咁檮\\n显存不够").text, peel("# 鏄惧瓨涓嶅\\n显存不够") is None
('# 鏄惧瓨涓嶅\ue644\\n显存不够', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .bytemap import is_continuation, utf8_length
from .cjk_reading import MAX_LINE

#: What a character of the inner 古文码 that lost bytes to the outer reading becomes.
LOST = "\ufffd"
#: A line is read back only where at most this share of what it gives was lost. Its reading back read back
#: again (the test that the line is 古文码 read twice) may lose any share: its marks are the first reading's,
#: and the characters the outer one took besides. Dev split, the first 12 documents, characters wrong read
#: twice by .NET, code page 936 (with and without its private-use characters) and Python: a third of the
#: second reading lost at most 20.5%, 3.5%, 17.2%, 19.0%; half 18.2%, 3.5%, 15.0%, 11.7%; any 14.3%, 3.5%,
#: 14.9%, 11.5% (as they were, 53.8%, 62.7%, 56.4%, 65.9%; measured before the lines as read decided the greedy reading). No line of 17,000 (the dev and test documents in
#: three languages, dense prose, the blog; clean or read as GBK, Big5 or Latin-1 once) is taken at any.
MAX_LOST_SHARE = 1 / 3
#: Of the characters beyond ASCII a reading gives whole, at least this share must be Chinese ones
#: (:data:`QUICK_CJK_SHARE` of the quick look's second reading, which loses more).
MIN_CJK_SHARE = 0.8
QUICK_CJK_SHARE = 0.4
#: What starts a Markdown line: a front matter's or a rule's dashes alone, a fence, a heading, a list item.
_LINE_START = re.compile(r"-{3,}[ \t]*$|`{3,}|~{3,}|#{1,6}[ \t]|[ \t]{0,16}(?:[-*+]|\d{1,9}[.)])[ \t]")
#: What a UTF-8 Chinese character's first two bytes (E4–E9, then 80–BF) read as GBK give: 古文码 of Chinese is
#: full of them, clean Chinese text hardly holds any (rare characters, GBK's second level). The outer reading of
#: 古文码 read twice is made of them too, as the inner 古文码 is Chinese characters again.
_OUTER_TELLS = re.compile(
    "[" + "".join(sorted({ch for lead in range(0xE4, 0xEA) for trail in range(0x80, 0xC0) for ch in bytes([lead, trail]).decode("gbk", "ignore")})) + "]"
)
#: A character of Chinese text or of its 古文码: CJK, its punctuation and full-width forms, or a private-use
#: character (code page 936 reads GBK's user-defined pairs as such); and every character beyond ASCII but U+FFFD.
_WRITES_CJK = re.compile("[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef\ue000-\uf8ff]")
_BEYOND_ASCII = re.compile("[^\x00-\x7f\ufffd]")
#: A letter of a Latin script beyond ASCII (é of café), as :attr:`ReadBack.latin` counts them.
_LATIN_LETTER = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
#: A front matter's key, at a line's start (``title: …``, ``tags:``).
_YAML_KEY = re.compile(r"[A-Za-z_][\w-]*:(?:[ \t]|$)")
#: A line holds 古文码 only where it holds a CJK character.
_CJK = re.compile("[\u4e00-\u9fff]")


@dataclass(frozen=True)
class ReadBack:
    """A line written back as GB18030 and read as UTF-8.

    ``columns`` holds, for each character of ``text``, the (0-based) column of the
    line its first byte came from; ``whole`` counts the characters beyond ASCII
    read whole, ``cjk`` those of them that Chinese text (or 古文码) writes, and
    ``lost`` those that lost a byte to a mark (each one :data:`LOST`).
    """

    text: str
    columns: tuple[int, ...]
    whole: int
    cjk: int
    lost: int
    latin: int = 0  # of the characters read whole, the letters of Latin scripts beyond ASCII (é of café)

    def plausible_with(self, lost_share: float, least: int = 2, latin: bool = False) -> bool:
        """Read back as Chinese: ``least`` such characters or more, hardly any other character beyond ASCII
        (clean Chinese read back gives Armenian or Cyrillic letters now and then, ``显存不`` ``Դ治``), and at
        most ``lost_share`` of it lost. ``latin``: Latin letters count as Chinese characters do."""
        wanted = self.cjk + (self.latin if latin else 0)
        return wanted >= least and wanted >= MIN_CJK_SHARE * self.whole and self.lost <= lost_share * len(self.text)


def _writes_cjk(ch: str) -> bool:
    """A character of Chinese text or of its 古文码 (:data:`_WRITES_CJK`).

    >>> _writes_cjk("显"), _writes_cjk("，"), _writes_cjk("\ue644"), _writes_cjk("Դ")
    (True, True, True, False)
    """
    return _WRITES_CJK.match(ch) is not None


def _written_back(line: str) -> tuple[bytes, list[int], dict[int, int]] | None:
    """The line's bytes as GB18030 (``€`` as 0x80, as code page 936 reads it), the column each byte
    came from, and the byte offsets where a mark stood (with the mark's column); ``None`` where a
    character has no such bytes."""
    data, owner, gaps = bytearray(), [], {}
    after_text = False  # whether the character before is one beyond ASCII, or a mark after one
    for index, ch in enumerate(line):
        # A lost byte's mark: U+FFFD, or ``?`` after a character beyond ASCII (after ASCII it is an author's).
        if ch == "\ufffd" or (ch == "?" and after_text):
            gaps.setdefault(len(data), index)
            after_text = True
            continue
        after_text = not ch.isascii()
        try:
            raw = b"\x80" if ch == "€" else ch.encode("gb18030")
        except UnicodeEncodeError:  # a lone surrogate
            return None
        data += raw
        owner.extend([index] * len(raw))
    return bytes(data), owner, gaps


def read_back_once(line: str) -> ReadBack | None:
    """The line's characters written back as GB18030 and read as UTF-8, marks taken as lost bytes.

    A sequence cut by a mark, or short of bytes, is one lost character; so are
    the continuation bytes left after a mark took their lead.

    >>> read_back_once("鍔熻兘").text, read_back_once("鍔熻?").text
    ('功能', '功\\ufffd')
    """
    written = _written_back(line)
    if written is None:
        return None
    data, owner, gaps = written
    out: list[str] = []
    columns: list[int] = []
    whole = cjk = lost = latin = 0
    i, n = 0, len(data)
    used = -1  # the offset of the last mark a lost character took
    while i <= n:
        mark = gaps.get(i)
        if mark is not None and used != i and line[mark] == "?" and (i == n or not is_continuation(data[i])):
            # A ``?`` between whole characters took none of their bytes: the inner 古文码's own mark, kept
            # as it was (an ASCII byte the outer reading read as itself).
            out.append("?")
            columns.append(mark)
        if i == n:
            break
        size = utf8_length(data[i])
        column = owner[i]
        if size == 1:
            out.append(chr(data[i]))
            i += 1
        elif size and _whole_sequence(data, i, size, gaps):
            ch = data[i : i + size].decode("utf-8")
            out.append(ch)
            if ch != LOST:  # the inner reading's own mark (锟斤拷 read back) is no character of its text
                whole += 1
                cjk += _writes_cjk(ch)
                latin += _LATIN_LETTER.match(ch) is not None
            i += size
        else:
            # A lead without its bytes, or continuation bytes without a lead: one lost character either way.
            i = _past_lost_character(data, i, size, gaps)
            out.append(LOST)
            lost += 1
            mark = gaps.get(i)
            used = i if mark is not None else used
            taken = None if mark is None else _taken_with(line, mark)
            if taken:
                # A greedy reader's mark took the byte after the character's last one: a line end (``銆?---``,
                # 。 then a front matter's end), a space before a table's pipe. It comes back; the character is lost.
                columns.append(column)
                out.append(taken)
                column = mark
        columns.append(column)
    return ReadBack("".join(out), tuple(columns), whole, cjk, lost, latin)


def _taken_with(line: str, mark: int) -> str | None:
    """The ASCII byte that went into the mark at ``mark`` with the last byte of the character before it, where
    what follows shows it: a line end before what starts a Markdown line (or, in a front matter's line,
    ``title: …``, before a key of its own), a space before a table row's pipe; ``None`` where nothing shows.

    >>> _taken_with("- 閺傚洦銆?---", 6), _taken_with("title: 鐠佺矊?tags:", 10), _taken_with("| 閸旂偞纭?| 甲 |", 6), _taken_with("閿?tags: 甲", 1)
    ('\\n', '\\n', ' ', None)
    """
    after = mark + 1
    if _LINE_START.match(line, after) or (_YAML_KEY.match(line) and _YAML_KEY.match(line, after)):
        return "\n"
    if line.startswith("|", after) and line.lstrip().startswith("|"):
        return " "
    return None


def _whole_sequence(data: bytes, start: int, size: int, gaps: dict[int, int]) -> bool:
    """Whether a UTF-8 sequence of ``size`` bytes stands whole at ``start``: no mark inside it, and valid."""
    end = start + size
    if end > len(data) or any(offset in gaps for offset in range(start + 1, end)):
        return False
    if not all(is_continuation(b) for b in data[start + 1 : end]):
        return False
    try:
        data[start:end].decode("utf-8")
    except UnicodeDecodeError:  # an overlong form or a surrogate
        return False
    return True


def _past_lost_character(data: bytes, start: int, size: int, gaps: dict[int, int]) -> int:
    """Where the character that lost bytes at ``start`` ends: a lead takes the continuation bytes
    before the next mark (at most its own); stray continuation bytes go up to three, to the next mark."""
    limit = start + (size if size else 3)
    i = start + 1
    while i < len(data) and i < limit and is_continuation(data[i]) and i not in gaps:
        i += 1
    return i


def reads_twice(line: str, least: int = 2, latin: bool = False) -> ReadBack | None:
    """The line read back once, where it holds 古文码 read twice: that reading is plausible text and
    so is its own reading back, which holds Chinese; ``None`` elsewhere (and on a line longer than the
    古文码 reader reads, :data:`~errata.text.cjk_reading.MAX_LINE`). ``least``: how many Chinese
    characters each reading must give whole (one beside lines that hold two); ``latin``: whether the second
    reading may give Latin letters instead (``The caf鑼?s`` for The café's, beside such lines).

    >>> reads_twice("閸旂喕鍏樼拠瀛樻??").text, reads_twice("鍔熻兘璇存槑"), reads_twice("功能说明")
    ('鍔熻兘璇存\\ufffd', None, None)
    """
    if len(line) > MAX_LINE or line.isascii() or not _CJK.search(line) or not _may_read_back_twice(line, least, latin):
        return None
    once = read_back_once(line)
    if once is None or not once.plausible_with(MAX_LOST_SHARE, least):
        return None
    again = read_back_once(once.text)
    if again is None or not again.plausible_with(1.0, least, latin) or not (latin or _CJK.search(again.text)):
        return None
    return once


def _may_read_back_twice(line: str, least: int, latin: bool = False) -> bool:
    """A quick look (the codecs' speed, not a walk through the bytes) at whether the line can read back
    as Chinese, and that reading again: clean Chinese almost never reads back once, 古文码 read once reads
    back as clean Chinese, which does not read back again. Most of what a repair sees stops here.

    >>> _may_read_back_twice("閸旂喕鍏樼拠瀛樻??", 2), _may_read_back_twice("功能说明，以及安装步骤。", 2), _may_read_back_twice("鍔熻兘璇存槑", 2)
    (True, False, False)
    """
    once = _read_back_quickly(line)
    if once.count("\ufffd") * 2 > len(once):  # most of it no UTF-8 at all: clean Chinese, at once
        return False
    # Read quickly, a line read twice loses more than :func:`read_back_once` would (its marks, ``€``), so
    # the second reading is asked only for a lenient share of Chinese: clean Chinese read back twice gives
    # none in nearly every line (dev split: 292 of 323 lines none, 3 a half; lines read twice: 273 of 323
    # a tenth or more).
    return _mostly_chinese(once, least, MIN_CJK_SHARE) and _mostly_chinese(_read_back_quickly(once), 1, QUICK_CJK_SHARE, latin)


def reads_back_as_chinese(text: str) -> bool:
    """Whether some line of a text reads back as Chinese (written as GB18030, read as UTF-8): 古文码 is left in it.
    Clean Chinese reads back as next to no UTF-8 at all. Asked of what a repair of another reading gave (古文码
    read as Windows-1252 after it, ``é–¸æ¥ƒå–•`` for 閸楃喕: the first reading undone leaves the 古文码).

    >>> reads_back_as_chinese("# 鏄惧瓨涓嶅\\nok"), reads_back_as_chinese("显存不够，换小一点的批量。")
    (True, False)
    """
    for line in text.split("\n"):
        if len(line) > MAX_LINE or not _CJK.search(line):
            continue
        once = _read_back_quickly(line)
        if once.count("\ufffd") * 2 <= len(once) and _mostly_chinese(once, 2, MIN_CJK_SHARE):
            return True
    return False


def _read_back_quickly(text: str) -> str:
    return text.encode("gb18030", errors="replace").decode("utf-8", errors="replace")


def _mostly_chinese(text: str, least: int, share: float, latin: bool = False) -> bool:
    chinese = len(_WRITES_CJK.findall(text)) + (len(_LATIN_LETTER.findall(text)) if latin else 0)
    return chinese >= least and chinese >= share * len(_BEYOND_ASCII.findall(text))


@dataclass(frozen=True)
class Row:
    """A line of the peeled text: the line it comes from (0-based), the reading it is part of (``None``
    where the line was not peeled), and where in that reading's text it starts."""

    source: int
    reading: ReadBack | None = None
    offset: int = 0


@dataclass(frozen=True)
class Peeled:
    """A text with its 古文码 read twice peeled once, where each of its lines came from, and the text's lines as read."""

    text: str
    rows: tuple[Row, ...]
    lines_as_read: tuple[str, ...]

    def peeled(self, line: int) -> bool:
        """Whether a (1-based) line of the peeled text was read back."""
        return self.rows[line - 1].reading is not None

    def as_read(self, line: int, column: int) -> tuple[int, int]:
        """Where (line and column, 1-based) a place in the peeled text stood in the text as read."""
        row = self.rows[min(line, len(self.rows)) - 1]
        if row.reading is None or not row.reading.columns:
            return row.source + 1, column
        columns = row.reading.columns
        return row.source + 1, columns[min(row.offset + column, len(columns)) - 1] + 1


def peel(text: str) -> Peeled | None:
    """``text`` with every line that holds 古文码 read twice read back once; ``None`` where no line does.
    Beside such a line, a line that gives one Chinese character each time is read back too, and one whose
    second reading gives Latin letters.

    >>> peeled = peel("功能：\\n閸旂喕鍏樼拠瀛樻??\\n- 閺傚洦銆?---")
    >>> peeled.text
    '功能：\\n鍔熻兘璇存\\ufffd\\n- 鏂囨\\ufffd\\n---'
    >>> peeled.as_read(4, 1), peeled.as_read(2, 3)
    ((3, 8), (2, 4))
    """
    first = _OUTER_TELLS.search(text)
    if first is None or _OUTER_TELLS.search(text, first.end()) is None:
        return None  # no 古文码 at all (and no line to look at): the commonest case, at a regular expression's speed
    lines = text.split("\n")
    found = {index: reading for index, line in enumerate(lines) if (reading := reads_twice(line)) is not None}
    if not found:
        return None
    for index, line in enumerate(lines):
        if index not in found and (reading := reads_twice(line, least=1, latin=True)) is not None:
            found[index] = reading
    out: list[str] = []
    rows: list[Row] = []
    for index, line in enumerate(lines):
        reading = found.get(index)
        if reading is None:
            out.append(line)
            rows.append(Row(index))
            continue
        offset = 0
        for part in reading.text.split("\n"):  # a line end the outer reading took comes back
            out.append(part)
            rows.append(Row(index, reading, offset))
            offset += len(part) + 1
    return Peeled("\n".join(out), tuple(rows), tuple(lines))


def renamed_fix(fix, peeled: Peeled, kind: str):
    """A fix of the peeled text, put back where its damage stood in the text as read; on a peeled line,
    named ``kind`` when its class is the 古文码 reading (lost bytes stay lost bytes)."""
    line, column = peeled.as_read(fix.line, fix.column)
    if not peeled.peeled(fix.line):
        return replace(fix, line=line)
    return replace(fix, line=line, column=column, kind=kind if fix.kind == "utf8-as-gbk" else fix.kind)
