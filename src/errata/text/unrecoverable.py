"""Damage that cannot be undone, only found and shown: where, and which kind.

Three kinds are common in Chinese text, and none leaves the original bytes behind:

* ``gbk-as-utf8-replaced`` (口字码): GBK bytes read as UTF-8, every invalid
  byte replaced by U+FFFD: ``����Ҫ``. Runs of U+FFFD the repair could not
  place are reported under this name.
* ``kunkao`` (锟斤拷): 口字码 saved as UTF-8 and read as GBK again; U+FFFD
  twice in a row, ``EF BF BD EF BF BD``, reads ``锟斤拷``.
* ``uninitialised-memory``: ``烫烫烫`` and ``屯屯屯`` are the 0xCC and 0xCD
  filler bytes of a debugger's fresh stack and heap, printed as GBK.
* ``gbk-as-utf8-dropped`` (口字码, silent): GBK bytes read as UTF-8 with the
  invalid bytes dropped (``errors="ignore"``, ``iconv -c``): what is left is
  the few pairs that happen to be UTF-8, letters of many scripts side by side
  (``ܵԭһûаװ``), and no mark at all.

>>> [(f.line, f.column, f.kind) for f in find_unrecoverable(["ok", "锟斤拷锟斤拷 and 烫烫烫烫", "a\ufffd\ufffdb"])]
[(2, 1, 'kunkao'), (2, 12, 'uninitialised-memory'), (3, 2, 'gbk-as-utf8-replaced')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .plausibility import script_of


@dataclass(frozen=True)
class Finding:
    """Damage that cannot be undone, only shown: where (1-based), and which kind."""

    line: int
    column: int  # in the repaired line, where the damage is left for a person (no misread byte order mark there)
    kind: str  # gbk-as-utf8-replaced, gbk-as-utf8-dropped, kunkao, uninitialised-memory, lost-bytes (marked or left)


#: Each kind, by the pattern it leaves. ``锟`` alone is 口字码 too (``锟皆``):
#: the UTF-8 of U+FFFD read as GBK starts with it, and no Chinese text uses it.
PATTERNS = (
    ("kunkao", re.compile("锟[斤拷锟]*")),
    ("uninitialised-memory", re.compile("烫{3,}|屯{3,}|(?:烫屯){2,}")),
    ("gbk-as-utf8-replaced", re.compile("\ufffd+")),
)


def find_unrecoverable(lines: list[str], lost_bytes: set[tuple[int, int]] = frozenset(), read_back: frozenset[int] = frozenset()) -> list[Finding]:
    """Every unrecoverable run in the lines, in reading order.

    ``lost_bytes``: (line, column) of the U+FFFD the repair left for a damaged
    character it could not choose surely; reported as ``lost-bytes`` instead.
    ``read_back``: the (1-based) lines the repair read back from another reading
    of UTF-8 (古文码, Big5, …): the U+FFFD left on them are that reading's lost
    bytes, not 口字码.

    >>> [f.kind for f in find_unrecoverable(["显存\ufffd\ufffd\ufffd够", "好"], read_back=frozenset({1}))]
    ['lost-bytes']
    """
    found = [Finding(line, column, "lost-bytes") for line, column in lost_bytes]
    # U+FFFD here and there in Chinese that reads (a UTF-8 file cut inside a character, a copy that lost bytes) is
    # a character short of its bytes, not 口字码, which leaves next to no Chinese and runs of marks.
    marks_kind = "lost-bytes" if _utf8_short_of_bytes(lines) else "gbk-as-utf8-replaced"
    for number, line in enumerate(lines, start=1):
        if line.isascii():
            continue
        for kind, pattern in PATTERNS:
            for match in pattern.finditer(line):
                if kind == "gbk-as-utf8-replaced" and all((number, c + 1) in lost_bytes for c in range(*match.span())):
                    continue
                if kind == "gbk-as-utf8-replaced":
                    kind = "lost-bytes" if number in read_back else marks_kind
                found.append(Finding(number, match.start() + 1, kind))
    found += [Finding(number, column + 1, DROPPED) for number, column in letters_of_many_scripts(lines)]
    found.sort(key=lambda f: (f.line, f.column))
    return found


#: How many Chinese characters a text shows for each U+FFFD, at least, where its marks are characters short of bytes.
_CHINESE_PER_MARK = 10
_CHINESE = re.compile("[\u4e00-\u9fff]")
_MARK_RUN = re.compile("\ufffd+")
#: The most U+FFFD one UTF-8 character short of bytes leaves in a row (a reader marks each byte it cannot start with).
_MOST_MARKS_OF_A_CHARACTER = 3


def _utf8_short_of_bytes(lines: list[str]) -> bool:
    """Whether a text's U+FFFD are UTF-8 characters short of bytes rather than 口字码: three in a row at most (a
    program that decoded a file in pieces marks a three-byte character cut after its lead byte three times: the lead
    at one piece's end, each continuation byte at the next's start; real set 33), among ten Chinese characters or more
    for each.

    >>> _utf8_short_of_bytes(["## 常见问题汇总\ufffd", "诊断工具 arthas 的使用方法和一些排查经验"]), _utf8_short_of_bytes(["\ufffdԴ\ufffd\ufffd治"])
    (True, False)
    >>> note = ["即**\ufffd\ufffd\ufffd属用户**有读、写权限，**群组**只有读权限，**其它**只有读权限。", "权限用数字表示时，读是四，写是二，执行是一。"]
    >>> _utf8_short_of_bytes(note), _utf8_short_of_bytes(note[:1])   # ten Chinese characters for each mark
    (True, False)
    """
    marks = chinese = 0
    for line in lines:
        if "\ufffd" not in line and line.isascii():
            continue
        runs = [len(m.group()) for m in _MARK_RUN.finditer(line)]
        if runs and max(runs) > _MOST_MARKS_OF_A_CHARACTER:
            return False
        marks += sum(runs)
        chinese += len(_CHINESE.findall(line))
    return marks > 0 and chinese >= _CHINESE_PER_MARK * marks


#: 口字码 whose invalid bytes were dropped, not marked.
DROPPED = "gbk-as-utf8-dropped"
#: Letters of the scripts UTF-8 writes in two bytes beyond Latin-1 (Latin Extended, IPA, Greek, Cyrillic, Armenian,
#: Hebrew, Arabic, Syriac, Thaana, N'Ko): a GBK pair whose lead is C2–DF and whose trail is 80–BF reads as one.
#: Not the spacing modifiers (U+02B0–U+02FF: ˆ and ˜ are Windows-1252's, in its 符号码).
_TWO_BYTE_LETTER = re.compile("[\u0100-\u02af\u0300-\u07ff]")
#: How many such letters, and of how many scripts other than Latin, a text must show before it is called 口字码
#: (Windows-1252's 符号码 shows Latin's alone: Œ Š Ž Ÿ ƒ).
_LEAST_LETTERS, _LEAST_SCRIPTS = 4, 2
#: What is no script of its own here: Latin, and the combining marks (U+0300–U+036F) that clean text puts on a letter of
#: any script (a mean's x̄ and an estimate's ŷ, x and y with U+0304 and U+0302; macOS's decomposed é): with a Greek σ and
#: α, a statistics note read as 口字码 and its front matter left as found (a red-team audit).
_NO_SCRIPT = frozenset({"LATIN", "COMBINING"})


def letters_of_many_scripts(lines: list[str]) -> list[tuple[int, int]]:
    """Where a text shows silent 口字码: four letters or more that UTF-8 writes in two bytes, of two scripts or more
    besides Latin, mostly standing apart (GBK's pairs read so one at a time), not as the words a text in those
    scripts writes. Each line (1-based) that holds such a letter apart, with the column (0-based) of its first;
    none where the text as a whole does not show it (a short line shows one or two: ``title: û %r  Babel ѡ``).

    >>> letters_of_many_scripts(["  - ܵԭһûаװXXXģ", "title: û Babel ѡ", "ok"]), letters_of_many_scripts(["Москва, Αθήνα and ירושלים"])
    ([(1, 4), (2, 15)], [])
    >>> letters_of_many_scripts(["Tiếng Việt: ơ ư đ"]), letters_of_many_scripts(["显存不够"]), letters_of_many_scripts(["α 和 ѡ"])
    ([], [], [])
    >>> letters_of_many_scripts(["均值 x\u0304，估计 y\u0302，激活 σ，学习率 α"])  # combining marks: no script
    []
    """
    apart: list[tuple[int, int, str]] = []  # (line, column, letter) of each letter standing apart
    total = 0
    for number, line in enumerate(lines, start=1):
        letters = [(m.start(), m.group()) for m in _TWO_BYTE_LETTER.finditer(line)]
        if not letters:
            continue
        total += len(letters)
        runs = _script_runs(line)  # a word of a script: three letters of it in a row; GBK's come one or two at a time
        apart += [(number, at, ch) for at, ch in letters if runs[at] < 3]
    if len(apart) < _LEAST_LETTERS or len({script_of(ch) for _, _, ch in apart} - _NO_SCRIPT) < _LEAST_SCRIPTS or len(apart) * 2 <= total:
        return []
    first: dict[int, int] = {}
    for number, at, _ in apart:
        first.setdefault(number, at)
    return sorted(first.items())


def _script_runs(line: str) -> list[int]:
    """For each character, how many letters of its script stand in a row around it (0 for what is no letter): one
    pass over the line.

    >>> _script_runs("ab вгд.")
    [2, 2, 0, 3, 3, 3, 0]
    """
    runs = [0] * len(line)
    start = 0
    while start < len(line):
        if not line[start].isalpha():
            start += 1
            continue
        script, end = script_of(line[start]), start + 1
        while end < len(line) and line[end].isalpha() and script_of(line[end]) == script:
            end += 1
        runs[start:end] = [end - start] * (end - start)
        start = end
    return runs


