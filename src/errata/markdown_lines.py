"""Walking Markdown line by line, outside fenced code: where prose rules apply."""

from __future__ import annotations

import re
from collections.abc import Iterator

FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(index, line) for each line outside fenced code blocks (the fences themselves left out).

    >>> list(prose_lines("a\\n```\\n<script>\\n```\\nb"))
    [(0, 'a'), (4, 'b')]
    """
    fence = None
    for index, line in enumerate(text.split("\n")):
        marker = FENCE.match(line)
        if marker:
            token = marker.group(1)[0]
            fence = None if fence == token else (fence or token)
            continue
        if not fence:
            yield index, line
