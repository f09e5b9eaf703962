"""Walking Markdown line by line: which lines are fenced code, indented code, raw HTML, or prose."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from functools import cache

from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE
from pymdownx.superfences import RE_HL_LINES, RE_LINENUMS

FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")

#: What :func:`line_roles` calls each line.
FENCED, CODE, HTML, PROSE = "fenced", "code", "html", ""


#: An attribute list (``{ #id .class }``), and the id it gives.
BRACES = re.compile(r"\{[^{}\n]*\}")
HASH_ID = re.compile(r"#([\w\-]+)")


def heading_text(line: str) -> str | None:
    """The text of an ATX heading line (closing hashes dropped), or None.

    >>> heading_text("## KeyError ##"), heading_text("#hashtag"), heading_text("# a" + " " * 5 + "b")
    ('KeyError', None, 'a     b')
    """
    hashes = len(line) - len(line.lstrip("#"))
    if not 1 <= hashes <= 6 or line[hashes : hashes + 1] not in (" ", "\t"):
        return None
    text = line[hashes:].strip(" \t")
    closed = text.rstrip("#")
    if closed != text and (not closed or closed[-1] in " \t"):
        text = closed.rstrip(" \t")
    return text or None


def heading_slug(text: str) -> str:
    """The id the site gives a heading of this text, as mkdocs.yml's table of contents makes it (pymdownx's
    slugify, lower case, from the text without backticks); an attribute list that gives an id is left out.

    >>> heading_slug("pip 安装 `403 Forbidden`"), heading_slug("KeyError { #k }")
    ('pip-安装-403-forbidden', 'keyerror')
    >>> heading_slug("Navicat 连接 Oracle 报错：  ORA-28040"), heading_slug("a\u3000b")
    ('navicat-连接-oracle-报错-ora-28040', 'a-b')

    A code span shows its text without the blanks at its ends (Python-Markdown strips them, an ideographic space too):
    ``运行时报`KeyError: 'a' `怎么办`` has the id ``运行时报keyerror-a怎么办`` (red team round 31).

    >>> heading_slug("运行时报`KeyError: 'a'\u3000`怎么办"), heading_slug("报 ` KeyError ` 了")
    ('运行时报keyerror-a怎么办', '报-keyerror-了')
    """
    text = BRACES.sub(lambda group: "" if HASH_ID.search(group.group()) else group.group(), text)
    # The table of contents slugs the heading's text with each run of blanks one space (a tab, a no-break or an
    # ideographic space too): a note's ``报错：  ORA-28040`` has the id ``报错-ora-28040``, not ``报错--ora-28040``.
    return _slugify()(" ".join(_code_spans_shown(text).replace("`", "").split()), "-")


def _code_spans_shown(text: str) -> str:
    """``text`` with each code span as the page shows it: its text alone, without the blanks at its ends.

    >>> _code_spans_shown("a ` b ` c ``x`y `` d `open")
    'a b c x`y d `open'
    """
    if "`" not in text:
        return text
    out, start = [], 0
    for opening, inner, inner_end, closing in code_span_bounds(text):
        out += [text[start:opening], text[inner:inner_end].strip()]
        start = closing
    out.append(text[start:])
    return "".join(out)


@cache
def _slugify() -> Callable[[str, str], str]:
    """pymdownx's slugify as mkdocs.yml configures it, made once (a page's every line may be slugged)."""
    from pymdownx.slugs import slugify

    return slugify(case="lower")


_TICKS = re.compile(r"`+")


def code_span_bounds(line: str) -> list[tuple[int, int, int, int]]:
    """Where each code span of ``line`` stands: its opening run of backticks (start, end) and its closing run
    (start, end). A run closes at the next run of as many backticks; one that no such run follows is text.

    Linear: each run of backticks is looked at once.

    >>> code_span_bounds("a `b` c ``x`y`` d `open")
    [(2, 3, 4, 5), (8, 10, 13, 15)]
    """
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(line)]
    closer: list[int | None] = [None] * len(runs)  # each run's closing run: the next of its length
    following: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        width = runs[index][1] - runs[index][0]
        closer[index] = following.get(width)
        following[width] = index
    bounds, index = [], 0
    while index < len(runs):
        close = closer[index]
        if close is None:
            index += 1
            continue
        bounds.append((*runs[index], *runs[close]))
        index = close + 1
    return bounds


def outside_code_spans(line: str, convert: Callable[[str], str]) -> str:
    """``convert`` applied to the parts of ``line`` outside code spans (linear in the line).

    >>> outside_code_spans("a `[[toc]]` b ``x`` c", str.upper)
    'A `[[toc]]` B ``x`` C'
    """
    if "`" not in line:
        return convert(line)
    out, start = [], 0
    for opening, _, _, closing in code_span_bounds(line):
        out += [convert(line[start:opening]), line[opening:closing]]
        start = closing
    out.append(convert(line[start:]))
    return "".join(out)


def mask_code_spans(line: str) -> str:
    """The line with each code span replaced by spaces (:func:`code_span_bounds`).

    >>> mask_code_spans("a `<b>` c ``x`y`` d `open")
    'a       c         d `open'
    """
    out, cursor = [], 0
    for opening, _, _, closing in code_span_bounds(line):
        out += [line[cursor:opening], " " * (closing - opening)]
        cursor = closing
    out.append(line[cursor:])
    return "".join(out)


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(index, line) for each line outside fenced code blocks (the fences themselves left out), as
    :func:`line_roles` reads them.

    >>> list(prose_lines("a\\n```\\n<script>\\n```\\nb"))
    [(0, 'a'), (4, 'b')]
    """
    lines = text.split("\n")
    for index, role in enumerate(line_roles(text)):
        if role != FENCED:
            yield index, lines[index]


_PREFIX = re.compile(r"[ \t>]*")
#: A line's quote markers. Possessive: a space between two ``>`` is the first's or the second's, and a pattern that
#: goes on after the markers and fails (``> > > … y`` against a one-line entry) tried both for each, 2ⁿ ways (a red-team
#: audit: 22 levels, 5 s a line; 32, the nesting the check allows, half an hour).
QUOTE_MARKERS = re.compile(r"(?: {0,3}> ?)*+")
#: A line that starts a list item, after any quote markers (``> * 1.错误: …``, ``  2. 解决``), as Python-Markdown reads
#: one: a bullet or a number and a dot (``1)`` starts no list there).
ITEM_LINE = re.compile(r"(?: {0,3}> ?)*+[ \t]*(?:[-*+]|\d{1,9}\.)[ \t]")


def _maybe_code(line: str, sure: int) -> bool:
    """Whether a line (tabs expanded) may start an indented code block: four columns past its quote
    markers and the containers surely open (in a quote, none are counted as open)."""
    quote = QUOTE_MARKERS.match(line).end()
    inside = line[quote:]
    indent = len(inside) - len(inside.lstrip(" "))
    level = 0 if quote else min(sure, indent // 4)
    return indent >= 4 * level + 4


def _fences(lines: list[str]) -> dict[int, tuple[int, bool]]:
    """The fences pymdownx.superfences closes, by their first line: (their last line, whether it surely
    takes them for fences). It reads one line at a time, never back: a fence counts once it closes, by
    the same marker at the same indentation and quote markers it opened with; a fence never closed, or
    left by its indentation or its quote, is text, and so are the fences it held. An opening line it may
    or may not take (:func:`_opens`) is followed as a fence that swallows what comes after it.

    >>> _fences(["```", "<b>", "```", "> ```sh", "> git <REPO>", "> ```", "```", "never closed"])
    {0: (2, True), 3: (5, True)}
    >>> _fences(["- a", "    ```", "  <b>", "    ```"]), _fences(["```js {1,3}", "x", "```"])  # left by its indentation; options it may refuse
    ({}, {0: (2, False)})
    """
    found: dict[int, tuple[int, bool]] = {}
    opened: tuple[int, int, int, str, bool] | None = None  # first line, prefix width, quote level, marker, surely
    empty_lines = 0
    for k, raw in enumerate(lines):
        line = raw.expandtabs(4) if "\t" in raw else raw  # Python-Markdown expands tabs before superfences reads
        if opened is None:
            prefix = _PREFIX.match(line).group()
            surely = _opens(line, len(prefix)) if line.strip() else None
            if surely is not None:
                opened, empty_lines = (k, len(prefix), prefix.count(">"), _FENCE_MARKER.match(line, len(prefix)).group(), surely), 0
            continue
        first, width, level, marker, surely = opened
        ws = _PREFIX.match(line, 0, width).group()  # the prefix, as far as the opening line's went
        content = line[len(ws) :]
        closes = closes_with(marker, content)
        if level:  # in a block quote: its markers may be fewer (a lazy line), never more
            lines_level = ws.count(">")
            if lines_level > level or (content and (len(ws) < width or (empty_lines and lines_level < level))):
                opened = None
            elif not content:
                empty_lines += 1
            elif closes:
                found[first], opened = (k, surely), None
            else:
                empty_lines = 0
        elif ws.count(">"):
            opened = None
        elif not (ws + content).strip():
            empty_lines += 1
        elif len(ws) != width and content:
            opened = None  # not indented as far as the fence: it was none
        elif closes and not content.startswith((" ", "\t")):
            found[first], opened = (k, surely), None
    return found


_FENCE_MARKER = re.compile(r"`{3,}|~{3,}")


def closes_with(marker: str, content: str) -> bool:
    """Whether a line's content (its prefix cut) closes a fence opened with ``marker``, as superfences reads it: the same
    marker, as long, and nothing after it but spaces. Another kind or length of fence inside is the fence's code.

    >>> closes_with("```", "```"), closes_with("````", "```"), closes_with("```", "````"), closes_with("```", "```python"), closes_with("```", "~~~")
    (True, False, False, False, False)
    """
    return content.startswith(marker) and not content[len(marker) :].strip(" \t")


#: A fence's language, as superfences reads one (a ``.`` before it allowed).
_LANGUAGE = re.compile(r"[ \t]*\.?[\w#.+-]++(?=[\t ]|$)")


def fence_languages(lines: list[str]) -> list[str | None]:
    """For each line, the language of the fence it is in, as superfences reads fences (:func:`_fences`), lower case
    (``""`` for a fence that names none); None outside fences.

    >>> fence_languages(["```Bash", "ls", "```", "x", "~~~", "y", "~~~", "```text", "out", "```"])
    ['bash', 'bash', 'bash', None, '', '', '', 'text', 'text', 'text']
    """
    out: list[str | None] = [None] * len(lines)
    for first, (last, _) in _fences(lines).items():
        out[first : last + 1] = [fence_language(lines[first])] * (last + 1 - first)
    return out


def fence_language(fence: str) -> str:
    """The language a fence's opening line names, as superfences reads it, lower case (``""`` for none).

    >>> fence_language("```Bash"), fence_language("~~~ log"), fence_language('```text title="out"'), fence_language("```")
    ('bash', 'log', 'text', '')
    """
    marker = _FENCE_MARKER.search(fence)
    language = _LANGUAGE.match(fence, marker.end()) if marker else None
    return language.group().strip().lstrip(".").lower() if language else ""
#: An option with its value in quotes that hold no quote of their kind.
_OPTION = re.compile(r"""[ \t]+([a-zA-Z][a-zA-Z0-9_]*+)=(?:"([^"]*+)"|'([^']*+)')(?=[\t ]|$)""")
_WORD = re.compile(r"[a-zA-Z][a-zA-Z0-9_]*")
#: The options superfences' highlighter reads, and what each holds; any other makes the fence refused.
_HIGHLIGHT_OPTIONS = {"hl_lines": RE_HL_LINES, "linenums": RE_LINENUMS, "title": None, "title_mode": None}


def _opens(line: str, at: int) -> bool | None:
    """Whether superfences opens a fence with ``line`` (its prefix ``at`` columns wide): ``True`` surely,
    ``False`` maybe (an attribute list, options in quotes it reads another way), ``None`` surely not (an
    info string it reads as neither language nor options, and superfences is not told to be lenient).
    Read in one pass: superfences' own pattern backtracks without end on some lines.

    >>> _opens("```python", 0), _opens('  ```js hl_lines="2 4-5" title="a.js"', 2), _opens("```js {1,3}", 0), _opens("```js a-b", 0), _opens("text", 0)
    (True, True, False, None, None)
    """
    marker = _FENCE_MARKER.match(line, at)
    if marker is None:
        return None
    rest = line[marker.end() :].rstrip(" \t")
    language = _LANGUAGE.match(rest)
    rest = rest[language.end() :] if language else rest
    if not rest:
        return True
    if any(c in rest for c in "{\"'") or rest != rest.translate({ord(c): None for c in "\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0"}):
        options, at = {}, 0
        while at < len(rest) and (option := _OPTION.match(rest, at)):
            options[option.group(1)] = option.group(2) if option.group(2) is not None else option.group(3)
            at = option.end()
        if at < len(rest) or not options:
            return False  # an attribute list, a quote read otherwise, an odd space: superfences may take it
    else:  # words: options without values, each its own value (only a title is that), or text it does not read
        words = rest.split()
        if not all(_WORD.fullmatch(word) for word in words):
            return None
        options = {word: word for word in words}
    for key, value in options.items():
        if key not in _HIGHLIGHT_OPTIONS or (_HIGHLIGHT_OPTIONS[key] and not _HIGHLIGHT_OPTIONS[key].match(value)):
            return None if "=" not in rest else False
    return True


#: What an indented block after it belongs to, for Python-Markdown, rather than being code: a list
#: item, an admonition (``!!!``), a collapsible (``???``), a tab (``===``), a footnote, a definition.
#: A line that only looks like one counts too: an indented block taken for content is still checked.
_CONTAINER = re.compile(r" {0,3}(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|!!!|\?\?\?|===|\[\^[^\]\n]*\]:|:[ \t])")
#: Where Python-Markdown's HTML block parser starts a raw block: a tag, a comment, a declaration at a
#: line's start (after at most three spaces).
_HTML_START = re.compile(r" {0,3}<(?:[A-Za-z]|!|\?)")
#: An autolink at a line's start (``<https://…>``, ``<me@host>``): a link in a paragraph to Python-Markdown,
#: never the start of a raw HTML block (whose element would run on, fences and all, to the page's end).
_AUTOLINK_START = re.compile(f" {{0,3}}(?:{AUTOLINK_RE}|{AUTOMAIL_RE})")


def line_roles(text: str) -> list[str]:
    """For each line, what Python-Markdown reads it as: :data:`FENCED` (a fence, its markers included),
    :data:`CODE` (an indented code block's), :data:`HTML` (a raw HTML block's) or :data:`PROSE`.

    Indented code is a block of lines four columns deeper than the container it is in (a list item,
    an admonition…) after a blank line; a raw HTML block runs from a tag at a line's start to the
    end tag of its element (:func:`_raw_html_end`). Where the reading is in doubt, a line is not
    called code: code is what the checks leave alone, so a doubt must fall on the side of checking.

    >>> line_roles("a\\n\\n    <b>\\n\\n- item\\n\\n    <i>\\n<div>\\n\\n    <s>\\n</div>\\n\\n```\\n<x>\\n```")
    ['', '', 'code', '', '', '', '', 'html', 'html', 'html', 'html', '', 'fenced', 'fenced', 'fenced']
    >>> line_roles("### 3. 实现\\n- a\\n    - b\\n```html\\n<script>\\n```")
    ['', '', '', 'fenced', 'fenced', 'fenced']
    """
    lines = text.split("\n")
    fences = _fences(lines)
    fenced = [False] * len(lines)  # what superfences surely sets aside (as the raw HTML reading leaves it out)
    for first, (last, surely) in fences.items():
        fenced[first : last + 1] = [surely] * (last + 1 - first)
    roles = [PROSE] * len(lines)
    containers = 0  # open containers, at most: their content is 4, 8… columns in
    sure = 0  # open containers, at least: what surely holds an indented block as content, not code
    code_level: int | None = None  # the container level of the code block going on
    block_start = True  # after a blank line (or a code block's last line): a new block
    maybe_code = False  # whether a line of this block so far may be indented code (quote markers aside)
    k = 0
    while k < len(lines):
        line = lines[k].expandtabs(4) if "\t" in lines[k] else lines[k]
        if not line.strip():
            block_start, maybe_code = True, False
            k += 1
            continue
        indent = len(line) - len(line.lstrip(" "))
        if k in fences and (fences[k][1] or maybe_code):
            last = fences[k][0]
            if maybe_code:
                # In a block that may be indented code superfences puts its text back as it was, there: its
                # lines are neither code nor blocks, and what they open is not known: nothing is code until
                # a block at the margin.
                code_level, block_start, containers, sure = None, False, len(lines), 0
            else:
                roles[k : last + 1] = [FENCED] * (last + 1 - k)
                if block_start:
                    containers, sure = min(containers, indent // 4), min(sure, indent // 4)
                code_level, block_start = None, False
            k = last + 1
            continue
        maybe_code = maybe_code or _maybe_code(line, sure)
        if code_level is not None and indent >= 4 * code_level + 4:
            roles[k] = CODE  # the code block goes on, blank lines between included
            k += 1
            continue
        after_code = code_level is not None
        if after_code:  # Python-Markdown reads the rest as a new block, in the container the code was in
            code_level, block_start = None, True
        level = min(containers, indent // 4)
        if block_start and indent - 4 * level >= 4:
            roles[k], code_level, block_start = CODE, level, False
            k += 1
            continue
        if _HTML_START.match(line) and not _AUTOLINK_START.match(line):
            end = min(_raw_html_end(lines, fenced, k), len(lines) - 1)
            inside = k
            while inside <= end:  # Python-Markdown sets fences aside first; one where code may be is put back
                if inside in fences and fences[inside][1] and not maybe_code:
                    last = fences[inside][0]
                    roles[inside : last + 1] = [FENCED] * (last + 1 - inside)
                    inside = last + 1
                    continue
                roles[inside] = HTML
                maybe_code = maybe_code or _maybe_code(lines[inside].expandtabs(4), sure)
                inside += 1
            k, block_start = max(end, inside - 1) + 1, False
            continue
        sure_level = min(sure, indent // 4)
        if block_start:  # what surely opens: a container at a block's start
            sure = sure_level + 1 if _CONTAINER.match(line, 4 * sure_level) else sure_level
        if containers >= len(lines) and (level or not block_start or after_code):
            pass  # after text a fence put back: only a block at the margin, after a blank line, says where we are
        elif _CONTAINER.match(line, 4 * level):
            # A definition right under a line of text nests in the one before it (Python-Markdown's def_list).
            nests = (not block_start or after_code) and line[4 * level :].lstrip(" ").startswith(":")
            containers = max(containers, level) + 1 if nests else max(containers, level + 1) if after_code else level + 1
        elif block_start and not after_code:
            containers = level
        # Python-Markdown takes a heading off its block and reads what follows as a block of its own
        # (``### 3.`` right above a list, or above indented code); in a list item's text, only where it
        # starts a block (else it is the item's text, ``###`` and all). A line that ends in an escaping
        # backslash is no heading to it (``## C:\``): a paragraph, which the next line goes on.
        block_start = (block_start or not containers) and line.startswith("#", 4 * level) and _ends_unescaped(line)
        k += 1
    return roles


def _ends_unescaped(line: str) -> bool:
    """Whether a line's last character is not escaped by it: no backslash at its end, or an even run of them.

    >>> _ends_unescaped("## a"), _ends_unescaped("## C:\\\\"), _ends_unescaped("## a\\\\\\\\")
    (True, False, True)
    """
    return (len(line) - len(line.rstrip("\\"))) % 2 == 0


#: html.parser's elements whose content is text up to their end tag (Python-Markdown's raw blocks read
#: them so); a start tag: its name, its attributes, quoted values holding no ``<`` or ``>``. Possessive runs:
#: the attributes' characters take letters too, so a name given back a letter at a time was read on to the
#: line's end at each (``<`` and 16,000 letters took 9 s).
_CDATA = {"script", "style"}
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*+)(?:[^<>\"']|\"[^\"<>]*\"|'[^'<>]*')*+>")
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


def prose_only(markdown: str, roles: list[str] | None = None) -> str:
    """The Markdown with code (fenced and indented) and code spans blanked out, lines and columns kept; ``roles``: its
    :func:`line_roles`, where the caller has them.

    >>> prose_only("a `<b>`\\n\\n    <bound method f>\\n<i>")
    'a      \\n\\n\\n<i>'
    """
    roles = line_roles(markdown) if roles is None else roles
    return "\n".join("" if role in (FENCED, CODE) else mask_code_spans(line) for line, role in zip(markdown.split("\n"), roles))


def code_lines(text: str) -> list[bool]:
    """For each line, whether it is code (fenced or indented): text a reader sees as written.

    >>> code_lines("p\\n\\n    <bound method f>\\n\\n```\\n<x>\\n```")
    [False, False, True, False, True, True, True]
    """
    return [role in (FENCED, CODE) for role in line_roles(text)]


#: What Python-Markdown would read as markup in a line of text, escaped with a backslash (the characters it lets a
#: backslash escape; ``<`` and ``&`` are written as entities instead).
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!>|:])")


def as_plain_markdown(text: str) -> str:
    """``text`` as one line of Markdown that shows it as written: no emphasis, code, link, HTML, attribute list or
    emoji shortcode is read in it.

    >>> as_plain_markdown("Error: `x` *y* <b> {: .c } a_b [l](u) :smile:")
    'Error\\\\: \\\\`x\\\\` \\\\*y\\\\* &lt;b&gt; \\\\{\\\\: \\\\.c \\\\} a\\\\_b \\\\[l\\\\]\\\\(u\\\\) \\\\:smile\\\\:'
    """
    return _MARKUP.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))
