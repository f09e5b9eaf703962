"""Walking Markdown line by line: which lines are fenced code, indented code, raw HTML, or prose."""

from __future__ import annotations

import re
from collections.abc import Iterator

FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")

#: What :func:`line_roles` calls each line.
FENCED, CODE, HTML, PROSE = "fenced", "code", "html", ""


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(index, line) for each line outside fenced code blocks (the fences themselves left out).

    >>> list(prose_lines("a\\n```\\n<script>\\n```\\nb"))
    [(0, 'a'), (4, 'b')]
    """
    lines = text.split("\n")
    for index, fenced in enumerate(_fenced(lines)):
        if not fenced:
            yield index, lines[index]


def _fenced(lines: list[str]) -> list[bool]:
    """For each line, whether it is a fence's line, its markers included."""
    out, fence = [], None
    for line in lines:
        marker = FENCE.match(line)
        if marker:
            token = marker.group(1)[0]
            fence = None if fence == token else (fence or token)
        out.append(bool(marker or fence))
    return out


#: What an indented block after it belongs to, for Python-Markdown, rather than being code: a list
#: item, an admonition (``!!!``), a collapsible (``???``), a tab (``===``), a footnote, a definition.
#: A line that only looks like one counts too: an indented block taken for content is still checked.
_CONTAINER = re.compile(r" {0,3}(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|!!!|\?\?\?|===|\[\^[^\]\n]*\]:|:[ \t])")
#: Where Python-Markdown's HTML block parser starts a raw block: a tag, a comment, a declaration at a
#: line's start (after at most three spaces).
_HTML_START = re.compile(r" {0,3}<(?:[A-Za-z]|!|\?)")


def line_roles(text: str) -> list[str]:
    """For each line, what Python-Markdown reads it as: :data:`FENCED` (a fence, its markers included),
    :data:`CODE` (an indented code block's), :data:`HTML` (a raw HTML block's) or :data:`PROSE`.

    Indented code is a block of lines four columns deeper than the container it is in (a list item,
    an admonition…) after a blank line; a raw HTML block runs from a tag at a line's start to the
    end tag of its element (:func:`_raw_html_end`). Where the reading is in doubt, a line is not
    called code: code is what the checks leave alone, so a doubt must fall on the side of checking.

    >>> line_roles("a\\n\\n    <b>\\n\\n- item\\n\\n    <i>\\n<div>\\n\\n    <s>\\n</div>\\n```\\n<x>\\n```")
    ['', '', 'code', '', '', '', '', 'html', 'html', 'html', 'html', 'fenced', 'fenced', 'fenced']
    """
    lines = text.split("\n")
    fenced = _fenced(lines)
    roles = [FENCED if f else PROSE for f in fenced]
    containers = 0  # open containers: their content is 4, 8… columns in
    code_level: int | None = None  # the container level of the code block going on
    block_start = True  # after a blank line (or a code block's last line): a new block
    k = 0
    while k < len(lines):
        line = lines[k].expandtabs(4) if "\t" in lines[k] else lines[k]
        if not line.strip() and not fenced[k]:
            block_start = True
            k += 1
            continue
        indent = len(line) - len(line.lstrip(" "))
        if fenced[k]:
            if block_start:
                containers = min(containers, indent // 4)
            code_level, block_start = None, False
            k += 1
            continue
        if code_level is not None and indent >= 4 * code_level + 4:
            roles[k] = CODE  # the code block goes on, blank lines between included
            k += 1
            continue
        if code_level is not None:
            code_level, block_start = None, True  # Python-Markdown reads the rest as a new block
        level = min(containers, indent // 4)
        if block_start and indent - 4 * level >= 4:
            roles[k], code_level, block_start = CODE, level, False
            k += 1
            continue
        if _HTML_START.match(line):
            end = _raw_html_end(lines, fenced, k)
            for inside in range(k, min(end + 1, len(lines))):
                roles[inside] = FENCED if fenced[inside] else HTML  # Python-Markdown sets fences aside first
            k, block_start = end + 1, False
            continue
        if _CONTAINER.match(line, 4 * level):
            containers = level + 1
        elif block_start:
            containers = level
        block_start = False
        k += 1
    return roles


#: html.parser's elements whose content is text up to their end tag (Python-Markdown's raw blocks read
#: them so); a start tag: its name, its attributes, quoted values holding no ``<`` or ``>``.
_CDATA = {"script", "style"}
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?:[^<>\"']|\"[^\"<>]*\"|'[^'<>]*')*>")
_END_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)[ \t\n]*>")
_VOID = {"hr", "br", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr", "param"}
MAX_TAG_LINES = 50  # a start tag longer than this is not read on: the block runs to the end


class _Unreadable(Exception):
    """A raw HTML block holds what could hide a tag from the count or fake one."""


def _raw_html_end(lines: list[str], fenced: list[bool], start: int) -> int:
    """The index of the last line of the raw HTML block that starts at ``lines[start]`` (``len(lines)``
    when it runs to the end).

    Python-Markdown's HTML block parser keeps a block open until the end tag of its first element,
    whatever is nested in it (a comment's ``-->`` for a comment), and goes on into a next element
    on that end tag's line. The end tags of the first element's name are counted against its start
    tags here; a block that holds what could hide or fake a tag from that count (a comment or a
    declaration inside the element, a quoted value holding ``<`` or ``>``, a start tag over more
    than :data:`MAX_TAG_LINES` lines) runs to the end. Fenced code inside is left out, as
    Python-Markdown sets it aside first. Linear: each line is read once (an unfinished tag's again).

    >>> lines = ["<div>", "<div>x</div>", "", "</div> <p>", "</p>", "after"]
    >>> _raw_html_end(lines, [False] * 6, 0)
    4
    >>> _raw_html_end(["<div>", "<!-- </div> -->", "</div>", "x"], [False] * 4, 0)
    4
    """
    reader = _RawBlock()
    try:
        for k in range(start, len(lines)):
            if reader.read(("" if fenced[k] else lines[k]) + "\n"):
                return k
    except _Unreadable:
        pass
    return len(lines)


class _RawBlock:
    """The state of one raw HTML block read line by line (see :func:`_raw_html_end`)."""

    def __init__(self):
        self.name: str | None = None  # the element the block is in; None before it and after it
        self.depth = 0  # its start tags read, less its end tags
        self.waiting_for: re.Pattern | None = None  # a comment's or a script's end
        self.pending = ""  # an unfinished start tag, and the lines it is on
        self.pending_lines = 0

    def read(self, line: str) -> bool:
        """Read one more line; whether the block ends with it."""
        text, at = self.pending + line, 0
        self.pending = ""
        while True:
            if self.waiting_for is not None:
                close = self.waiting_for.search(text, at)
                if close is None:
                    return False
                self.waiting_for, at = None, close.end()
            lt = text.find("<", at)
            if lt < 0:
                break
            if text.startswith("<!--", lt) and self.name is None:  # a comment of its own: up to its -->
                self.waiting_for, at = _COMMENT_END, lt + 4
                continue
            if text.startswith("<!", lt) or text.startswith("<?", lt):
                raise _Unreadable
            end = _END_TAG.match(text, lt)
            if end:
                if self.name is not None and end.group(1).lower() == self.name:
                    self.depth -= 1
                    self.name = self.name if self.depth else None
                at = end.end()
                continue
            if not (text[lt + 1 : lt + 2].isascii() and text[lt + 1 : lt + 2].isalpha()):
                at = lt + 1
                continue
            tag = _START_TAG.match(text, lt)
            if tag is None:
                if ">" in text[lt:]:  # a quote or a '<' in the way: not read on
                    raise _Unreadable
                self.pending_lines += 1
                if self.pending_lines > MAX_TAG_LINES:
                    raise _Unreadable
                self.pending = text[lt:]  # the tag goes on on the next line
                return False
            self.pending_lines = 0
            found, at = tag.group(1).lower(), tag.end()
            if found in _CDATA:  # html.parser's end tag, spaces allowed: </ script >
                self.waiting_for = re.compile(rf"</\s*{found}\s*>", re.IGNORECASE)
            elif self.name is None and found not in _VOID:
                self.name, self.depth = found, 1
            elif found == self.name:
                self.depth += 1
        return self.name is None and self.waiting_for is None


_COMMENT_END = re.compile("-->")


def code_lines(text: str) -> list[bool]:
    """For each line, whether it is code (fenced or indented): text a reader sees as written.

    >>> code_lines("p\\n\\n    <bound method f>\\n\\n```\\n<x>\\n```")
    [False, False, True, False, True, True, True]
    """
    return [role in (FENCED, CODE) for role in line_roles(text)]
