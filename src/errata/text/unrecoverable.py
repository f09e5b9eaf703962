"""Damage that cannot be undone, only found and shown: where, and which kind.

Three kinds are common in Chinese text, and none leaves the original bytes behind:

* ``gbk-as-utf8-replaced`` (口字码): GBK bytes read as UTF-8, every invalid
  byte replaced by U+FFFD: ``����Ҫ``. Runs of U+FFFD the repair could not
  place are reported under this name.
* ``kunkao`` (锟斤拷): 口字码 saved as UTF-8 and read as GBK again; U+FFFD
  twice in a row, ``EF BF BD EF BF BD``, reads ``锟斤拷``.
* ``uninitialised-memory``: ``烫烫烫`` and ``屯屯屯`` are the 0xCC and 0xCD
  filler bytes of a debugger's fresh stack and heap, printed as GBK.

>>> [(f.line, f.column, f.kind) for f in find_unrecoverable(["ok", "锟斤拷锟斤拷 and 烫烫烫烫", "a\ufffd\ufffdb"])]
[(2, 1, 'kunkao'), (2, 12, 'uninitialised-memory'), (3, 2, 'gbk-as-utf8-replaced')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """Damage that cannot be undone, only shown: where (1-based), and which kind."""

    line: int
    column: int  # in the repaired line, where the damage is left for a person (no misread byte order mark there)
    kind: str  # gbk-as-utf8-replaced, kunkao, uninitialised-memory, lost-bytes


#: Each kind, by the pattern it leaves. ``锟`` alone is 口字码 too (``锟皆``):
#: the UTF-8 of U+FFFD read as GBK starts with it, and no Chinese text uses it.
PATTERNS = (
    ("kunkao", re.compile("锟[斤拷锟]*")),
    ("uninitialised-memory", re.compile("烫{3,}|屯{3,}|(?:烫屯){2,}")),
    ("gbk-as-utf8-replaced", re.compile("\ufffd+")),
)


def find_unrecoverable(lines: list[str], lost_bytes: set[tuple[int, int]] = frozenset()) -> list[Finding]:
    """Every unrecoverable run in the lines, in reading order.

    ``lost_bytes``: (line, column) of the U+FFFD the repair left for a damaged
    character it could not choose surely; reported as ``lost-bytes`` instead.
    """
    found = [Finding(line, column, "lost-bytes") for line, column in lost_bytes]
    for number, line in enumerate(lines, start=1):
        if line.isascii():
            continue
        for kind, pattern in PATTERNS:
            for match in pattern.finditer(line):
                if kind == "gbk-as-utf8-replaced" and all((number, c + 1) in lost_bytes for c in range(*match.span())):
                    continue
                found.append(Finding(number, match.start() + 1, kind))
    found.sort(key=lambda f: (f.line, f.column))
    return found
