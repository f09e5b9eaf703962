"""vdoing/VuePress Markdown → plain Material for MkDocs Markdown, once, at import time.

What changes (everything outside fenced code and HTML comments; inside them nothing does):

- ``::: tip|note|info|warning|danger|details [title]`` → admonitions (``details`` collapsible ``???``),
  nested containers included; ``::: center|right|left`` → an aligned ``<div markdown>``;
  ``::: cardList`` / ``::: cardImgList`` (YAML inside) → Material grid cards;
- ``<code-group>`` / ``<code-block title=…>`` (VuePress 2: ``<CodeGroup>`` / ``<CodeGroupItem title=…>``),
  ``::: tabs`` / ``::: code-tabs`` with their ``@tab 标题`` lines, and ``::: code-group`` (a tab per fence,
  named by its ``[title]``) → content tabs (pymdownx.tabbed);
- plume's ``::: steps`` → the ordered list it holds; ``::: file-tree`` (a nested list of names) → the tree
  drawn as ``tree`` draws it, in a ``text`` fence (one holding more than the list is noted, as below);
- ```` ```js {1,3-5} ```` → ```` ```js hl_lines="1 3-5" ````; ``:no-line-numbers`` dropped;
- shiki's ``// [!code highlight]`` (``:3``) in a fence → its ``hl_lines``; ``// [!code ++]`` and the like come off, counted;
- ``<Badge text=… type=…/>`` → ``<span class="errata-badge errata-badge--tip">…</span>``;
- GitHub's alerts (``> [!TIP]``, ``> [!WARNING]``…) → admonitions of the same kinds;
- code imports (``@[code{2-5} js{3}](./a.js)``, ``<<< @/a.js{2}``) → a fence with the file's text (the
  importer reads files of the blog only; a file it cannot read leaves the line, noted);
- ``==mark==`` → ``<mark>mark</mark>``;
- where the blog has markdown-it-sub/sup on (``syntax``), ``H~2~O`` → ``H<sub>2</sub>O`` and ``2^10^`` → ``2<sup>10</sup>``;
- TeX formulas (``$$…$$``; ``$…$`` where the blog reads maths) → a ``tex`` code block or a code span (the site
  renders no TeX, and ``{i=1}`` of a formula is an attribute list to Python-Markdown);
- includes (``<!-- @include: ./part.md{3-10} -->``) → that file's Markdown, converted (files of the blog only);
- ``[[toc]]`` → removed (Material has its own table of contents);
- a list or a table on the line after a paragraph (a list after a table or a fence), which VuePress reads as
  one, gets the blank line Python-Markdown wants first; `` ### 标题`` (indented by 1–3 spaces) goes to its margin;
- every link and image URL goes through a resolver (the importer's: assets, permalinks, public files);
- ``<!-- more -->`` stays: it is Material's excerpt marker too.

A container it does not know (``::: demo``, ``::: theorem``) loses its markers, keeps its content and
becomes a :class:`Note` with its line: never dropped silently, never published as a literal ``:::``.

>>> result = convert_markup("::: tip 提示\\n先看 [[toc]] <Badge text=\\"v2\\" type=\\"warning\\"/>\\n:::\\n")
>>> print(result.text, end="")
!!! tip "提示"
<BLANKLINE>
    先看  <span class="errata-badge errata-badge--warning">v2</span>
<BLANKLINE>
>>> sorted(result.counts.items())
[('admonition', 1), ('badge', 1), ('toc', 1)]
"""

from __future__ import annotations

import html
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Union
from urllib.parse import unquote

import yaml

from ..markdown_lines import CODE, FENCED, HTML, line_roles, mask_code_spans, outside_code_spans
from ..safety import REMOVED_WITH_CONTENT, escaped_tag, kept_attributes, start_tags, url_is_allowed, url_scheme, without_autolinks

#: ``resolve(url, is_image, line, in_html)`` → the URL to write, or ``None`` when it leads nowhere.
#: ``in_html``: the URL is in an HTML attribute, which MkDocs does not rewrite, so it must be
#: relative to the page's published address rather than to its source file.
Resolver = Callable[[str, bool, int, bool], Union[str, None]]
#: ``read_code(path, from_root=False)`` → the text of a file a code import names (``@[code](./a.js)``,
#: ``<<< @/a.js``), as written, or ``None`` when there is no such file the import may read; ``from_root``:
#: a path VuePress 1's ``<<<`` names, which it reads from the repository's root (``@/`` is the source folder).
CodeReader = Callable[..., Union[str, None]]

ADMONITIONS = {"tip": "tip", "note": "note", "info": "info", "important": "info", "warning": "warning",
               "caution": "warning", "danger": "danger", "error": "danger", "details": "note"}
#: The titles VuePress shows in Chinese when a container has none.
DEFAULT_TITLES = {"tip": "提示", "note": "注意", "info": "信息", "important": "重要", "warning": "注意",
                  "caution": "注意", "danger": "警告", "error": "错误", "details": "详细信息"}
ALIGNMENTS = ("center", "right", "left")
CARD_LISTS = {"cardlist": "cardList", "cardimglist": "cardImgList"}
BADGE_TYPES = {"tip": "tip", "info": "tip", "warning": "warning", "warn": "warning", "error": "danger", "danger": "danger"}
MAX_CARDS_YAML = 200_000  # characters: a friends list, not a data dump
MAX_NESTING = 16  # containers inside containers; a deeper one is dropped with a note (no recursion limit)

_INVISIBLE = re.compile(r"^[\u00a0\u200b\u200c\u200d\u2060\ufeff]+(?=[ \t]*(?:```|~~~|:::|<code-))")
_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})(.*)$")
_CONTAINER_OPEN = re.compile(r"^( *)(:{3,})[ \t]*([A-Za-z][\w-]*)(.*)$")
_CONTAINER_CLOSE = re.compile(r"^( *)(:{3,})[ \t]*$")
#: vdoing's ``<code-group>``/``<code-block>``; VuePress 2's ``<CodeGroup>``/``<CodeGroupItem>`` (or ``<code-group-item>``).
_GROUP_OPEN = re.compile(r"^( *)<code-?group>[ \t]*$", re.IGNORECASE)
_GROUP_CLOSE = re.compile(r"^[ \t]*</code-?group>[ \t]*$", re.IGNORECASE)
_TAB_OPEN = re.compile(r"^( *)<(?:code-?block|code-?group-?item)\b([^<>]*)>[ \t]*$", re.IGNORECASE)
_TAB_CLOSE = re.compile(r"^[ \t]*</(?:code-?block|code-?group-?item)>[ \t]*$", re.IGNORECASE)
#: A tab of ``::: tabs`` / ``::: code-tabs`` (vuepress-theme-hope, plume, VuePress 2's markdown-tab plugin).
_AT_TAB = re.compile(r"^ *@tab(:active)?(?:[ \t]++(.*))?$")  # the title's spaces are taken off after (linear)
#: The containers whose tabs are marked by ``@tab`` lines.
AT_TABS = ("tabs", "code-tabs")
_TAG = re.compile(r"<[^<>]*>")
_END_TAG = re.compile(r"</([A-Za-z][^\s/<>]*)\s*>")
#: Vue's binding of a URL to ``$withBase('…')``, a literal path (the one thing of it the import can read).
_WITH_BASE = re.compile(r"(\s):(src|href)\s*=\s*\"\s*\$withBase\(\s*(['`])([^'`\"\n]*)\3\s*\)\s*\"")
_HIGHLIGHT = re.compile(r"^\{([\d,\s-]*)\}")
_VUEPRESS_FLAGS = re.compile(r":(?:no-)?(?:line-numbers|v-pre)\b")
_TITLE_ATTRIBUTE = re.compile(r"title=\"([^\"\n]{1,100})\"")
_TAB_TITLE = re.compile(r"\[([^\[\]\n]{1,100})\]")
_ATTRIBUTE = re.compile(r"(:?[\w-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>/]+)")
_INSIDE_TAG = r"(?:[^<>\"']|\"[^\"]*\"|'[^']*')*"  # attributes, a quoted '<' or '>' included; linear
_BADGE = re.compile(rf"<Badge\b({_INSIDE_TAG})>(?:([^<>]*)</Badge>)?", re.IGNORECASE)
#: Vue components: PascalCase (``<ClientOnly>``), kebab-case as custom elements are named (``<router-link>``,
#: ``<my-widget>``), and ``<template>``.
_VUE_TAG = re.compile(rf"</?([A-Z][\w-]*|[a-z][a-z0-9]*(?:-[a-z0-9]+)+|template)\b{_INSIDE_TAG}>")
#: VuePress syntax with no Material counterpart, left as text and reported: code imports (``<<< @/file``),
#: includes at a line's start; Vue interpolation (:func:`_interpolation`). (A Vue single-file component's
#: ``<script>`` and ``<style>`` are left out: :func:`_dropped_elements`.)
_VUEPRESS_ONLY = re.compile(r"\s*(?:<<<\s*@|@include\b|@\[)", re.IGNORECASE)
_TOC = re.compile(r"\[\[toc\]\]", re.IGNORECASE)
#: A code import on a line of its own: VuePress 2's ``@[code{3-10} js{2}](./a.js)`` (lines, then a language
#: and its highlighted lines), VuePress 1's ``<<< @/a.js{2}``. Possessive runs: each character is read once (linear).
_CODE_IMPORT = re.compile(r"^( *)(?:@\[code(?:\{(\d*)-(\d*)\})?(?:[ \t]++([\w+#.-]*+)(?:\{([\d,\s-]*+)\})?)?[^\]\n]*+\]\(([^()\s]+)\)|<<<[ \t]+(@?[^\s{#]+)(?:\{([\d,\s-]*)\})?(?:[ \t]+\[([\w+#.-]+)\])?)[ \t]*$")
#: markdown-it-mark's ``==highlighted==`` (vuepress-theme-hope, plume): no space just inside the markers.
_MARK = re.compile(r"==(?=[^\s=])([^=\n]*?[^\s=])==")
#: VuePress 2's markdown-include (hope, plume): ``<!-- @include: ./part.md{3-10} -->`` stands for that file's text.
_INCLUDE = re.compile(r"^ *<!--[ \t]*@include:[ \t]*([^\s{#]+?)(?:\{(\d*)-(\d*)\})?(?:#[\w-]+)?[ \t]*-->[ \t]*$")
_EMBED = re.compile(r"^ *@\[[\w-]+")
MAX_INCLUDES = 50  # per page, nested ones included
#: Characters a page may bring in from other files, its includes and code imports together: three hundred
#: imports of one large file made an essay of 295 MB (a red-team audit); a page's imports are a few files.
MAX_IMPORTED_CHARACTERS = 2_000_000
#: A path on the author's computer: a drive (``C:\``), ``file:``, a network share (``\\host``).
ON_AUTHORS_COMPUTER = re.compile(r"^(?:[A-Za-z]:[\\/]|file:|\\\\)")
MAX_CODE_LINES = 5000  # an imported file's lines: a snippet, not a data dump
# A label holds no brackets but an image's (``[![alt](img.png)](page.md)``): each '[' scans to the next one, linear.
_LABEL = r"(?:[^\[\]\n!]|!(?!\[)|!\[[^\[\]\n]*\]\([^()\s]*\))*"
#: A link or image; an image may give its size after the URL (``=300x200``, ``=300x``: vuepress-theme-hope, plume).
_MD_LINK = re.compile(rf"(!?)\[({_LABEL})\]\(\s*(<[^<>\n]*>|[^\s()<>]+)(?:\s+=(\d{{0,5}})x(\d{{0,5}}))?((?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?)\s*\)")
#: What markdown-it reads as text but Python-Markdown as a link or image: an address with a space inside it
#: and no title (``![图](/Users/me/Application Support/a.png)``, as Typora writes a picture on the author's disk).
_SPACED_LINK = re.compile(rf"(!?)\[({_LABEL})\]\(([ \t]*[^\s()<>\"']+(?:[ \t]+[^\s()<>\"']+)+[ \t]*)\)")
_HTML_TAG = re.compile(r"<(img|a|source|video|audio)\b[^<>]*>", re.IGNORECASE)
_HTML_URL = re.compile(r"(\s(?:src|href)\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)", re.IGNORECASE)
_HTML_ALT = re.compile(r"\salt\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)", re.IGNORECASE)
_STYLE = re.compile(r"\sstyle\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)", re.IGNORECASE)
_TARGET = re.compile(r"\starget\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)", re.IGNORECASE)
_ZOOM = re.compile(r"\s*zoom\s*:\s*(\d{1,3}(?:\.\d{1,3})?)%\s*;?\s*")
#: A link reference definition (``[id]: url``); a footnote's (``[^1]: text``) holds text, not a URL.
_REFERENCE = re.compile(r"^( {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*)(<[^<>\n]*>|\S+)(.*)$")
#: The labels of a definition written as a comment (``[//]: # (…)``, ``[comment]: <> (…)``): never linked to.
_COMMENT_LABEL = re.compile(r"^ {0,3}\[(?://|comment|_)\]:", re.IGNORECASE)
_BACKTICKS = re.compile(r"`+")
#: The syntaxes a blog may have on or off, which :func:`convert_markup` converts only when told:
#: markdown-it-sub's ``H~2~O`` and markdown-it-sup's ``2^10^``.
OPTIONAL_SYNTAX = frozenset({"sub", "sup", "math"})
#: Sub- and superscript: no space (nor tag, bracket, bar or backslash) inside, and no ``~~`` (strikethrough).
#: First, what they never reach into, kept as it is: an HTML tag, a link's URL, a bare URL, a footnote's ``[^1]``.
#: Each run stops at the character that could start the next attempt: linear.
_SUB_SUP = re.compile(
    r"(<[^<>\n]*>|\]\([^()\n]*\)|\bhttps?://[^\s<>()]*|\[\^[^\]\[\s]*\])"
    r"|(?<![~\\])~([^\s~\\<>|\[\]()]+)~(?!~)"
    r"|(?<![\^\\])\^([^\s^\\<>|\[\]()]+)\^"
)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)")


@dataclass(frozen=True)
class Note:
    """Something a person should look at: its line in the source file, and what."""

    line: int
    message: str


@dataclass
class _Including:
    """What a page's includes share with the texts they bring in: how many more may be read, and the files
    being read in now (the page first, by its path in the blog), so that one that leads back to a file
    that includes it is read no further."""

    page: str = ""
    left: int = MAX_INCLUDES
    open: list[str] = field(default_factory=list)
    characters_left: int = MAX_IMPORTED_CHARACTERS

    def take(self, text: str | None) -> str | None:
        """``text``, counted against what the page may still bring in; None where it is more than that."""
        if text is None or len(text) > self.characters_left:
            return None
        self.characters_left -= len(text)
        return text


@dataclass
class Conversion:
    text: str
    notes: list[Note] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)


def keep_url(url: str, image: bool, line: int, in_html: bool = False) -> str:
    """The resolver that changes nothing (for text that is not part of an import)."""
    return url


@dataclass
class _Line:
    text: str
    number: int
    prose: bool


@dataclass
class _Block:
    kind: str  # a container's name as written, or "code-group" / "code-block"
    info: str  # the rest of the opening line: a title, attributes
    indent: str
    colons: int  # 0 for the HTML-tag blocks
    number: int
    children: list = field(default_factory=list)


def no_code(path: str, from_root: bool = False) -> None:
    """The code reader that finds nothing (for text that is not part of an import)."""
    return None


def convert_markup(
    text: str, first_line: int = 1, resolve: Resolver = keep_url, read_code: CodeReader = no_code,
    _includes: _Including | None = None, syntax: frozenset[str] = frozenset(), page_path: str = "",
) -> Conversion:
    """Convert an essay's body (no front matter); notes count lines from ``first_line``;
    ``read_code`` gives the files code imports name; ``syntax``, the blog's optional syntaxes that are on
    (:data:`OPTIONAL_SYNTAX`); ``page_path``, the page's path in the blog (``guide/a.md``), which its
    includes are named from.

    >>> print(convert_markup("```js {1,3}\\nlet a\\n```\\n::: tip\\n```\\n:::\\n```\\n:::\\n").text, end="")
    ```js hl_lines="1 3"
    let a
    ```
    !!! tip "提示"
    <BLANKLINE>
        ```
        :::
        ```
    <BLANKLINE>
    """
    result = Conversion("")
    lines, split_from = _fences_off_item_lines(text.split("\n"))
    if _nests_by_content_column(lines):
        lines = _lists_by_fours(lines)
        result.counts["lists re-indented"] += 1
    lines = _code_notations(lines, result)
    lines, maths_from = _maths_as_code(lines, result, inline="math" in syntax)
    split_from = [split_from[k] for k in maths_from]  # a formula on one line became a block of three
    lines, origins = _alerts_as_containers(lines)
    numbers = [first_line + split_from[origin] for origin in origins]  # each line's in the author's file
    lines = _quoted_containers(lines, numbers, result)
    lines = _paragraphs_ended(lines, result, breaks="breaks" in syntax)
    lines = _cards_on_one_line(lines)
    lines = _unmarked_footnotes_as_comments(lines, result)
    roles = [QUOTED_CODE if quoted else role for role, quoted in zip(_entry_roles(lines), _quoted_fences(lines))]
    lines, gone = _dropped_elements(lines, numbers, roles, resolve, result)
    lines, gone = _components_over_lines(lines, numbers, roles, gone, result)
    root = _parse(lines, numbers, result, roles, gone)
    includes = _includes or _Including(page_path, open=[page_path] if page_path else [])
    lines = _Renderer(result, resolve, read_code, includes, syntax).render(root.children)
    result.text = "\n".join(_quotes_ended(lines))
    return result


#: A display formula's opening line: ``$$`` and maybe the formula (``$$\\sum_{i=1}^r x_i$$``).
_DISPLAY_MATHS = re.compile(r"^( *)\$\$(.*)$")
#: A formula inside a line: ``$$…$$`` always; ``$…$`` where the blog reads maths (KaTeX, MathJax), its ``$``
#: against the formula on both sides (``$x_i$``, not ``$5 and $6``).
_INLINE_DISPLAY_MATHS = re.compile(r"\$\$(?=\S)([^$\n]{1,2000}?)(?<=\S)\$\$")
_INLINE_MATHS = re.compile(r"(?<![\\$\w])\$(?=[^\s$])([^$\n]{1,500}?)(?<=[^\s$\\])\$(?![\w$])")
MAX_MATHS_LINES = 200  # a display formula's lines; an unclosed ``$$`` further on is text


def _maths_as_code(lines: list[str], result: Conversion, inline: bool = False) -> tuple[list[str], list[int]]:
    """TeX formulas as code: a display formula (``$$`` … ``$$``) as a ``tex`` code block, one in a line as a code span;
    ``$…$`` too where the blog reads maths (``inline``). The site renders no TeX, and as text a formula breaks the page:
    ``{i=1}`` of ``\\sum_{i=1}`` is an attribute list to Python-Markdown (the strict build fails on it), ``_`` emphasis.
    Also returns, for each line written, the line of ``lines`` it comes from (a formula on one line becomes three).

    >>> print("\\n".join(_maths_as_code(["公式：", "$$", "\\\\sum_{i=1}^r x_i", "$$", "行内 $$a_1$$ 与 $b_2$ 花了 $5"], Conversion(""), inline=True)[0]))
    公式：
    ```tex
    \\sum_{i=1}^r x_i
    ```
    行内 `a_1` 与 `b_2` 花了 $5
    >>> _maths_as_code(["a", "$$x_1$$", "b"], Conversion(""))
    (['a', '```tex', 'x_1', '```', 'b'], [0, 1, 1, 1, 2])
    """
    if not any("$" in line for line in lines):
        return lines, list(range(len(lines)))
    closing = _next_lines(lines, lambda line: line.rstrip().endswith("$$"))
    stopping = _next_lines(lines, lambda line: not line.strip() or _FENCE.match(line) is not None)
    fenced = _inside_fences(lines)
    out: list[str] = []
    origins: list[int] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if fenced[k]:
            out.append(line)
        elif (display := _DISPLAY_MATHS.match(line)) and (end := _display_end(lines, k, closing[k], stopping[k])) is not None:
            indent, first = display.group(1), display.group(2)
            parts = [(k, first)] + [(j, lines[j][len(indent):] if lines[j].startswith(indent) else lines[j].lstrip()) for j in range(k + 1, end + 1)]
            parts[-1] = (parts[-1][0], parts[-1][1].rstrip()[:-2])
            formula = [(j, part) for j, part in parts if part.strip()]
            out += [f"{indent}```tex", *(f"{indent}{part}" for _, part in formula), f"{indent}```"]
            origins += [k, *(j for j, _ in formula), end]
            result.counts["TeX formulas shown as code"] += 1
            k = end + 1
            continue
        elif "$" in line:
            out.append(outside_code_spans(line, lambda part: _inline_maths(part, result, inline)))
        else:
            out.append(line)
        origins.append(k)
        k += 1
    return out, origins


def _display_end(lines: list[str], start: int, closing: int, stopping: int) -> int | None:
    """The line that closes the display formula ``lines[start]`` opens (the same line, where ``$$`` ends it too);
    ``closing``, the next line that ends in ``$$``, ``stopping``, the next blank line or fence (:func:`_next_lines`)."""
    opened = lines[start].strip()[2:]
    if opened.rstrip().endswith("$$") and len(opened.strip()) > 2:
        return start
    if opened.strip() and "$$" in opened:
        return None  # ``$$a$$ and more``: a formula inside a line
    return closing if closing < stopping and closing - start <= MAX_MATHS_LINES else None


def _next_lines(lines: list[str], test: Callable[[str], bool]) -> list[int]:
    """For each line, the index of the first line after it that passes ``test`` (``len(lines)``: none), found in one
    pass from the end: looked for from each line, 400,000 lines of ``$$ a`` would cost 200 looks each.

    >>> _next_lines(["a", "", "b", ""], lambda line: not line)
    [1, 3, 3, 4]
    """
    found, after = [len(lines)] * len(lines), len(lines)
    for k in range(len(lines) - 1, -1, -1):
        found[k] = after
        if test(lines[k]):
            after = k
    return found


def _inline_maths(text: str, result: Conversion, inline: bool) -> str:
    def code(match: re.Match[str]) -> str:
        result.counts["TeX formulas shown as code"] += 1
        return _code_span(match.group(1))

    text = _INLINE_DISPLAY_MATHS.sub(code, text) if "$$" in text else text
    return _INLINE_MATHS.sub(code, text) if inline and "$" in text else text


def _code_span(text: str) -> str:
    """``text`` as a code span, its fence one backtick longer than any run inside.

    >>> _code_span("a`b"), _code_span("x")
    ('``a`b``', '`x`')
    """
    ticks = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _interpolation(line: str) -> str | None:
    """A line's first Vue interpolation (``{{ $page.title }}``), or ``None``.

    Two searches of the line: a pattern tried from each ``{{`` on to the next ``}}`` read the rest of the
    line from every one of them (quadratic: 50,000 ``{{`` and no ``}}`` took 41 s).

    >>> _interpolation("标题 {{ $page.title }} 与 {{ x }}"), _interpolation("{{{{ 没有结尾"), _interpolation("}} {{")
    ('{{ $page.title }}', None, None)
    """
    start = line.find("{{")
    end = line.find("}}", start + 2) if start >= 0 else -1
    return line[start : end + 2] if end >= 0 else None


def blog_path(src: str, path: str) -> str | None:
    """The file under the blog's ``docs/`` that a code import or include of the page ``src`` names
    (relative to the page, or by VuePress's ``@/``: the source folder); ``None`` for one outside
    ``docs/`` or on the author's computer.

    >>> blog_path("guide/a.md", "./part.md"), blog_path("guide/a.md", "@/code/x.py"), blog_path("a.md", "../x.md"), blog_path("a.md", "/etc/passwd")
    ('guide/part.md', 'code/x.py', None, None)
    """
    raw = unquote(path.strip()).replace("\\", "/")
    if raw.startswith("/") or ON_AUTHORS_COMPUTER.match(raw):
        return None  # a path on the author's computer
    joined = posixpath.normpath(raw[2:] if raw.startswith("@/") else posixpath.join(posixpath.dirname(src), raw))
    if joined == ".." or joined.startswith("../") or joined.startswith("/"):
        return None
    return joined


def included_paths(text: str) -> list[str]:
    """The paths a text's includes name (``<!-- @include: ./part.md{3-10} -->``), as written; none in code.

    >>> included_paths("<!-- @include: ./a.md -->\\n  <!-- @include: ../b.md{2-4} -->\\n```md\\n<!-- @include: ./c.md -->\\n```\\n")
    ['./a.md', '../b.md']
    """
    if "@include:" not in text:
        return []
    lines = text.split("\n")
    return [match.group(1) for line, fenced in zip(lines, _inside_fences(lines)) if not fenced and (match := _INCLUDE.match(line))]


# -- lists: CommonMark's nesting by content column → Python-Markdown's by four spaces ---------

_LIST_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( +|$)")
#: HTML that starts a block (Python-Markdown's raw HTML blocks), not inline tags such as ``<kbd>`` or ``<br>``.
_HTML_BLOCK = r"<(?:!--|/?(?:div|details|summary|table|thead|tbody|tr|td|th|p|pre|ul|ol|li|dl|dd|dt|section|article|figure|blockquote|h[1-6]|center|iframe|video|audio|form|hr)\b)"
_STARTS_BLOCK = re.compile(rf"^ *(?:`{{3,}}|~{{3,}}|:{{3,}}|#{{1,6}}\s|>|{_HTML_BLOCK}|\|)")
#: What Python-Markdown reads as the text before it unless a blank line comes first (a fence it does not).
_NEEDS_BLANK_BEFORE = re.compile(rf"^ *(?::{{3,}}|>|{_HTML_BLOCK}|\|)")
#: Blocks whose lazy lines run on into a next item unless a blank line comes first: quotes, tables, raw HTML.
_RUNS_ON = re.compile(rf"^ *(?:>|\||{_HTML_BLOCK})")


@dataclass
class _Item:
    source_content: int  # the column the item's content starts at in the source (CommonMark's rule)
    content: int  # where it starts in the output: four spaces past the output marker


def _nests_by_content_column(lines: list[str]) -> bool:
    """Whether a list item, a fence or a container of the essay sits inside a list item at less than
    four spaces (``- a`` then ``  - b``; ``1. a`` then ``   ::: tip``), as VuePress nests them and Python-Markdown does not.

    >>> _nests_by_content_column(["- a", "  - b"]), _nests_by_content_column(["- a", "    - b"]), _nests_by_content_column(["1. a", "", "text"])
    (True, False, False)
    >>> _nests_by_content_column(["1. a", "", "   ::: tip", "   x", "   :::"])
    True
    """
    inside = False
    for line, fenced in zip(lines, _inside_fences(lines)):
        if fenced:
            continue
        item = _LIST_ITEM.match(line)
        indent = len(line) - len(line.lstrip(" "))
        if inside and line.strip() and 0 < indent % 4 and (item or _STARTS_BLOCK.match(line)):
            return True  # a nested item, or a fence or container in an item, at CommonMark's column
        if line.strip():
            inside = bool(item) or (inside and line.startswith(" "))
    return False


def _lists_by_fours(lines: list[str]) -> list[str]:
    """Lines of lists nested by content column re-indented by fours, everything inside an item
    (paragraphs, fences, comments, containers) moved with it, relative indentation kept.

    Where Python-Markdown needs a blank line that CommonMark does not (a quote, an HTML block, a table
    or a container right under an item's text; an item after a fence, a quote or an HTML block), one is
    carried by the line before, so that every line keeps its number (notes cite them).

    >>> _lists_by_fours(["- a", "  - b", "    - c", "", "  more a", "- d", "", "1. one", "   - sub", "   ```", "   x", "   ```", "after"])
    ['- a', '    - b', '        - c', '', '    more a', '- d', '', '1. one', '    - sub', '    ```', '    x', '    ```', 'after']
    >>> _lists_by_fours(["- a", "  > quoted", "- b"])
    ['- a\\n', '    > quoted\\n', '- b']
    """
    out: list[str] = []
    stack: list[_Item] = []
    verbatim: tuple[str, int, int] | None = None  # an open fence (its character and length) or comment ("<!--"), and its shift
    runs_on = previous_text = False  # since the last blank line: a quote or HTML block; the line before was an item's text
    for line in lines:
        expanded = line.expandtabs(4) if line.startswith("\t") or line.startswith(" \t") else line
        indent = len(expanded) - len(expanded.lstrip(" "))
        if verbatim:
            out.append(_shifted(line, verbatim[2]) if expanded.strip() else "")  # code keeps its tabs
            if verbatim[0] == "<!--":
                closed = "-->" in expanded
            else:
                closing = _FENCE.match(expanded)
                closed = bool(closing and closing.group(2)[0] == verbatim[0] and len(closing.group(2)) >= verbatim[1] and not closing.group(3).strip())
            if closed:
                verbatim = None
                runs_on = True  # an item right after a fence or a comment needs its blank line too
            continue
        if not expanded.strip():
            out.append("")
            runs_on = previous_text = False
            continue
        item = _LIST_ITEM.match(expanded)
        block = _STARTS_BLOCK.match(expanded)
        opens_block = _NEEDS_BLANK_BEFORE.match(expanded) and not _CONTAINER_CLOSE.match(expanded)
        if out and out[-1] and (runs_on and item or previous_text and opens_block and stack and indent >= stack[-1].source_content):
            out[-1] += "\n"
        # A line of text right after the item's text continues its paragraph, however little it is
        # indented (CommonMark's lazy continuation); anything else that starts left of the content ends the item.
        lazy = (previous_text or runs_on) and not item and not block
        while stack and stack[-1].source_content > indent and not lazy:
            stack.pop()
        if item:
            start = stack[-1].content if stack else 0
            marker, spaces = item.group(2), len(item.group(3))
            source_content = indent + len(marker) + (spaces if 0 < spaces <= 4 else 1)
            stack.append(_Item(source_content, start + 4))
            out.append(" " * start + expanded[indent:])
        elif stack and indent >= stack[-1].source_content:
            out.append(" " * (indent + stack[-1].content - stack[-1].source_content) + expanded[indent:])
        else:
            out.append(line)  # outside every list, or a lazy line: Python-Markdown reads it as CommonMark does
        shift = len(out[-1]) - len(out[-1].lstrip(" ")) - indent
        opening = _FENCE.match(expanded)
        if opening and not (opening.group(2)[0] == "`" and "`" in opening.group(3)):
            verbatim = (opening.group(2)[0], len(opening.group(2)), shift)
        elif "<!--" in expanded and "-->" not in expanded[expanded.index("<!--") :]:
            verbatim = ("<!--", 0, shift)
        runs_on = runs_on or bool(_RUNS_ON.match(expanded))
        previous_text = bool(stack or item) and not block
    return out


#: A list item whose content opens with a fence on the marker's line (``- ```js``, as Typora writes it).
_ITEM_FENCE = re.compile(r"^( *(?:[-*+]|\d{1,9}[.)]) {1,4})((`{3,}|~{3,}).*)$")
#: The text a split item keeps (:func:`_fences_off_item_lines`): Python-Markdown starts no list item
#: with a block, and an invisible character is no text a reader sees.
_ITEM_TEXT_BEFORE_A_BLOCK = "\u200b"


def _fences_off_item_lines(lines: list[str]) -> tuple[list[str], list[int]]:
    """Each list item that opens with a fence on its marker's line split in two, with the index of the line
    each line comes from: the item, and the fence on the next line at the item's content column, where
    CommonMark reads it (Python-Markdown takes a fence there for inline code, and the code for text).

    >>> _fences_off_item_lines(["- ```js", "  x", "  ```", "1. ~~~", "   - ```", "   ~~~", "- ```inline```"])
    (['- \u200b', '  ```js', '  x', '  ```', '1. \u200b', '   ~~~', '   - ```', '   ~~~', '- ```inline```'], [0, 0, 1, 2, 3, 3, 4, 5, 6])
    """
    if not any(_ITEM_FENCE.match(line) for line in lines):
        return lines, list(range(len(lines)))
    out: list[str] = []
    origins: list[int] = []
    fence: str | None = None  # the open fence's marker
    for k, line in enumerate(lines):
        match = None if fence else _ITEM_FENCE.match(line)
        if match and not (match.group(3)[0] == "`" and "`" in match.group(2)[len(match.group(3)) :]):
            out += [match.group(1) + _ITEM_TEXT_BEFORE_A_BLOCK, " " * len(match.group(1)) + match.group(2)]
            origins += [k, k]
            fence = match.group(3)
            continue
        out.append(line)
        origins.append(k)
        marker = _FENCE.match(line)
        if fence is None:
            if marker and not (marker.group(2)[0] == "`" and "`" in marker.group(3)):
                fence = marker.group(2)
        elif marker and marker.group(2)[0] == fence[0] and len(marker.group(2)) >= len(fence) and not marker.group(3).strip():
            fence = None
    return out, origins


def _shifted(line: str, by: int) -> str:
    """``line`` moved ``by`` columns (to the left when negative) with its tabs kept: only the indentation
    taken off is counted in columns (a tab to the next multiple of four), and only a tab cut in two
    becomes spaces. Code inside a moved list item moves so: a Makefile's tabs stay tabs.

    >>> _shifted("\\tcc -o app", 0), _shifted("\\tcc", 4), _shifted("      \\tx", -2), _shifted("\\tx", -2)
    ('\\tcc -o app', '    \\tcc', '    \\tx', '  x')
    """
    if by >= 0:
        return " " * by + line
    column, at = 0, 0
    while at < len(line) and line[at] in " \t" and column < -by:
        column += 1 if line[at] == " " else 4 - column % 4
        at += 1
    return " " * max(column + by, 0) + line[at:]


# -- quotes: where CommonMark ends one, Python-Markdown needs a blank line ---------------------------

_QUOTE = re.compile(r"^( *)>")
_ENDS_A_PARAGRAPH = re.compile(rf"^(?:`{{3,}}|~{{3,}}|[-*+][ \t]+\S|1[.)][ \t]+\S|{_HTML_BLOCK})")


def _quotes_ended(lines: list[str]) -> list[str]:
    """The rendered lines with a blank line where VuePress ends a quote and Python-Markdown would not.

    CommonMark ends a quote at a line without ``>`` unless it continues the quote's paragraph: a fence,
    a list item or an HTML block interrupts that paragraph, and after an empty ``>`` line there is none
    to continue. Python-Markdown keeps every line up to a blank one in the quote, so the code, the
    list (as text of the quote's paragraph) or the next paragraph were drawn inside it.

    >>> _quotes_ended(["> 说明", ">", "下一段", "> 引文", "续行", "> 列表：", "- 甲"])
    ['> 说明', '>', '', '下一段', '> 引文', '续行', '> 列表：', '', '- 甲']
    """
    out: list[str] = []
    fenced = _inside_fences(lines)
    for index, line in enumerate(lines):
        out.append(line)
        quote = _QUOTE.match(line)
        if not quote or fenced[index] or index + 1 == len(lines):
            continue
        after = lines[index + 1]
        rest = after.lstrip(" ")
        if not rest or rest.startswith(">") or len(after) - len(rest) >= len(quote.group(1)) + 4:
            continue  # a blank line, the quote going on, or an indented code line (a lazy line of text)
        if not line[quote.end() :].strip() or _ENDS_A_PARAGRAPH.match(rest):
            out.append("")
    return out


# -- paragraphs: where CommonMark ends one, Python-Markdown needs a blank line ----------------------

#: A block quote's markers before a line's content (``> > ``).
_QUOTE_MARKERS = re.compile(r"(?: {0,3}> ?)*")
#: A list item that may end a paragraph in CommonMark: a bullet, or an ordered list's that starts at 1, with text.
_INTERRUPTING_ITEM = re.compile(r"(?:[-*+]|1[.)])[ \t]+\S")
_ATX_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
#: Lines that start a block of their own (an admonition, a tab, a container's ``@tab``): no paragraph's text.
_OTHER_BLOCK = re.compile(r"(?:!!!|\?\?\?|===|@tab\b|\[\^[^\]\n]*\]:)")


@dataclass(frozen=True)
class _Before:
    """What a line is, for the line after it: its quote depth; its kind, ``text`` (a paragraph's), ``item``
    (a list item's text), ``table`` or ``fence`` (a fence's closing line); and a column: where the
    paragraph's container starts (four-space steps), or where the item's text starts."""

    depth: int
    kind: str
    column: int = 0


def _paragraphs_ended(lines: list[str], result: Conversion, breaks: bool = False) -> list[str]:
    """The lines with a blank line where VuePress ends a paragraph and Python-Markdown would read on, and an
    ATX heading indented by one to three spaces moved to its margin; every line keeps its number (a blank
    line is carried by the line before, as a quote's ``>`` where it is in one). With ``breaks`` (markdown-it's
    option, which the blog turned on), a line that a next line of its paragraph follows ends in a hard break
    (two spaces, which a code span that goes on to the next line shows as the space it would be anyway).

    markdown-it (CommonMark) lets a bullet list, an ordered list that starts at 1 and a table (GFM) end a
    paragraph, a table a list item's text, and reads ``   ### 标题`` as a heading; Python-Markdown reads
    them all as the paragraph's text (``- a - b`` on one line, raw ``|`` pipes, ``### 标题``), and a list
    after a table or a fence as their text too. Nothing in code or comments is touched, nor an item
    under an item (Python-Markdown nests those itself), nor ``2.`` after a paragraph (CommonMark's text too).

    >>> _paragraphs_ended(["宏任务：", "- setInterval", "2. 不是列表", "", "> 步骤：", "> 1. 打开", "", " ### 标题"], Conversion(""))
    ['宏任务：\\n', '- setInterval', '2. 不是列表', '', '> 步骤：\\n>', '> 1. 打开', '', '### 标题']
    >>> _paragraphs_ended(["对比：", "| a | b |", "|---|---|", "```", "text", "- 代码里", "```", "- 项"], Conversion(""))
    ['对比：\\n', '| a | b |', '|---|---|', '```', 'text', '- 代码里', '```\\n', '- 项']
    >>> _paragraphs_ended(["一行", "两行", "三行", "", "> 引", "> 文", "- 项", "  续", "## 题"], Conversion(""), breaks=True)
    ['一行  ', '两行  ', '三行', '', '> 引  ', '> 文', '- 项  ', '  续\\n', '## 题']
    """
    physical = [part for entry in lines for part in entry.split("\n")]  # what a pass before joined, line by line
    if not breaks and not any("|" in line or "#" in line or _LIST_ITEM.match(line.lstrip(" >")) for line in physical):
        return lines
    roles = line_roles("\n".join(physical))
    quoted = _quoted_fences(physical)
    fences = _fences(physical)
    fenced = [False] * len(physical)
    for first, last, _ in fences:
        fenced[first : last + 1] = [True] * (last + 1 - first)
    closing = {last for _, last, closed in fences if closed}
    out = list(physical)
    before: _Before | None = None
    in_comment = False
    for k, line in enumerate(physical):
        if in_comment or fenced[k] or quoted[k] or roles[k] in (FENCED, CODE, HTML):
            if not in_comment and before is not None and before.kind == "item" and roles[k] == HTML and not fenced[k]:
                # A comment left of an item's text ends the list (an HTML block ends a paragraph); Python-Markdown
                # would read it as the item's text, and the ``- a`` lines of a comment over lines as items.
                prefix = _QUOTE_MARKERS.match(line).group(0)
                inner = line[len(prefix) :].expandtabs(4)
                body = inner.lstrip(" ")
                if body.startswith("<!--") and len(inner) - len(body) < before.column and prefix.count(">") == before.depth:
                    out[k - 1] += "\n" + prefix.rstrip()
                    result.counts["blank lines added"] += 1
            before = _Before(0, "fence") if k in closing else None
            in_comment = in_comment and "-->" not in line
            continue
        prefix = _QUOTE_MARKERS.match(line).group(0)
        inner = line[len(prefix) :]
        depth = prefix.count(">")
        expanded = inner.expandtabs(4) if "\t" in inner else inner
        body = expanded.lstrip(" ")
        indent = len(expanded) - len(body)
        last = before if before is not None and before.depth == depth else None
        before = None
        if not body.strip():
            continue
        item = None if _thematic_break(body) else _LIST_ITEM.match(expanded)
        heading = _ATX_HEADING.match(body)
        table = k + 1 < len(physical) and _starts_table(body, physical[k + 1], prefix)
        if last is not None and _ends(last, indent, body, item, heading, table):
            out[k - 1] += "\n" + prefix.rstrip()
            result.counts["blank lines added"] += 1
        if heading and indent % 4 and inner.startswith(" " * indent):
            out[k] = prefix + " " * (indent - indent % 4) + body  # its container's column (a list item's: fours by now)
            result.counts["headings unindented"] += 1
        if item:
            spaces = len(item.group(3))
            before = _Before(depth, "item", indent + len(item.group(2)) + (spaces if 0 < spaces <= 4 else 1))
        elif table or (last is not None and last.kind == "table" and "|" in body):
            before = _Before(depth, "table")
        elif heading or _thematic_break(body) or _STARTS_BLOCK.match(expanded) or _OTHER_BLOCK.match(body):
            before = None
        elif last is not None and last.kind in ("text", "item"):
            before = last  # the paragraph goes on (an item's, lazily or not)
            if breaks and not out[k - 1].endswith("  "):
                out[k - 1] += "  "
                result.counts["line breaks kept"] += 1
        else:
            before = _Before(depth, "text", indent - indent % 4)
        if "<!--" in line and "-->" not in line[line.rindex("<!--") :]:
            in_comment = True
    if out == physical:
        return lines
    regrouped, at = [], 0
    for entry in lines:
        count = entry.count("\n") + 1
        regrouped.append("\n".join(out[at : at + count]))
        at += count
    return regrouped


def _ends(last: _Before, indent: int, body: str, item: re.Match[str] | None, heading: re.Match[str] | None, table: bool) -> bool:
    """Whether a line (at ``indent``, its text ``body``) ends the block the line before it is in, for
    markdown-it, where Python-Markdown would read it as that block's text."""
    if last.kind == "text":
        if item:  # an item left of the paragraph's container is the next of a list around it: any item
            return indent < last.column or (indent <= last.column + 3 and bool(_INTERRUPTING_ITEM.match(body)))
        return table and indent <= last.column + 3
    if last.kind == "item":  # an item under an item is Python-Markdown's nesting too
        return (table or bool(heading)) and indent < last.column + 4
    return bool(item) or (table and last.kind == "fence")


def _starts_table(header: str, after: str, prefix: str) -> bool:
    """Whether ``header`` (a line's text) and the line ``after`` it (at the same quote ``prefix``) start a
    table as markdown-it reads one: a row holding a ``|``, then a delimiter row of as many cells.

    >>> _starts_table("| | 甲 | 乙 |", "|---|:--:|---|", ""), _starts_table("a | b", "> --|--", "> "), _starts_table("a | b", "---|", "")
    (True, True, False)
    """
    if "|" not in header or not after.startswith(prefix.rstrip()):
        return False
    row = after[len(prefix.rstrip()) :].strip()
    if not row or "|" not in row or row.strip("|-: \t"):
        return False
    cells = _cells(row)
    return all(re.fullmatch(r":?-+:?", cell) for cell in cells) and len(cells) == len(_cells(header))


def _cells(row: str) -> list[str]:
    """A table row's cells (markdown-it's reading: a ``\\|`` is no border, a border at either end makes no cell).

    >>> _cells("| a | b \\\\| c |"), _cells("a|b")
    (['a', 'b \\\\| c'], ['a', 'b'])
    """
    cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip())]
    if cells and not cells[0]:
        cells.pop(0)
    if cells and not cells[-1]:
        cells.pop()
    return cells


def _thematic_break(body: str) -> bool:
    """Whether a line's text is a thematic break (``***``, ``- - -``): no list item, though it starts like one.

    >>> _thematic_break("* * *"), _thematic_break("- a"), _thematic_break("--")
    (True, False, False)
    """
    marks = body.replace(" ", "").replace("\t", "")
    return len(marks) >= 3 and marks[0] in "-*_" and marks == marks[0] * len(marks)


# -- hope's cards (``<VPCard … />``), over several lines as authors write them -------------------------

#: A ``<VPCard …/>`` (or ``<VPCard …></VPCard>``) alone on its line: its attributes, quoted values read as text (a
#: ``desc="讲 <script> 标签"`` is words about a tag, and the card escapes them like any other).
_VP_CARD = re.compile(r"[ \t]*<VPCard\b((?:[^<>\"'/]|/(?!>)|\"[^\"]*\"|'[^']*')*+)(?:/>|>[ \t]*</VPCard>)[ \t]*")
_VP_CARD_START = re.compile(r"[ \t]*<VPCard\b")
MAX_CARD_LINES = 30  # a card's start tag over more lines than this is left as it is (and reported as a component)


def _cards_on_one_line(lines: list[str]) -> list[str]:
    """Each ``<VPCard`` start tag written over several lines (an attribute a line) on its last line, joined by
    spaces, the lines before it empty: every later line keeps its number, and the renderer finds the card whole.
    Nothing in fences, indented code or comments; a tag that never ends within :data:`MAX_CARD_LINES` stays as written.

    >>> _cards_on_one_line(["<VPCard", '  title="甲"', '  link="https://a.example/"', "/>", "后文"])
    ['', '', '', '<VPCard title="甲" link="https://a.example/" />', '后文']
    """
    if not any("<VPCard" in line for line in lines):
        return lines
    roles = _entry_roles(lines)
    fenced = _inside_fences(lines)
    out = list(lines)
    k, in_comment = 0, False
    while k < len(lines):
        line = lines[k]
        k += 1
        if in_comment:
            in_comment = "-->" not in line
            continue
        if fenced[k - 1] or roles[k - 1] in (CODE, FENCED) or "\n" in line or not _VP_CARD_START.match(line) or _VP_CARD.fullmatch(line):
            in_comment = "<!--" in line and "-->" not in line[line.rindex("<!--") :]
            continue
        k -= 1
        end = k
        while end + 1 < len(lines) and end - k < MAX_CARD_LINES and not fenced[end + 1] and ">" not in lines[end]:
            end += 1
        joined = " ".join(part.strip() for part in lines[k : end + 1])
        if _VP_CARD.fullmatch(joined):
            out[k:end] = [""] * (end - k)
            out[end] = lines[k][: len(lines[k]) - len(lines[k].lstrip())] + joined
        k = end + 1
    return out


# -- shiki's notation comments in code (``// [!code highlight]``): VuePress 2, hope, plume ---------------

#: A notation comment at a line's end (the spaces before it are taken off apart: a pattern starting with
#: them would read a long run of spaces again from each of its places).
_NOTATION = re.compile(r"(?://|#|--|;|<!--|/\*)[ \t]*+\[!code[ \t]++([\w+-]+)(?::(\d{1,4}))?\][ \t]*(?:-->|\*/)?[ \t]*$")


def _code_notations(lines: list[str], result: Conversion) -> list[str]:
    """Each fence's ``// [!code highlight]`` (``:3`` for three lines) as line highlights on its opening line
    (``{2,5}``, which the fence's conversion makes ``hl_lines``), and its other notations (``++``, ``--``,
    ``focus``, ``error``, ``warning``: no Material counterpart) taken off the code, counted.

    >>> _code_notations(["```js", "a()", "b() // [!code highlight]", "c() // [!code ++]", "```"], Conversion(""))
    ['```js {2}', 'a()', 'b()', 'c()', '```']
    """
    if not any("[!code" in line for line in lines):
        return lines
    out = list(lines)
    fence: tuple[str, int, int, list[str] | None] | None = None  # the open fence: character, length, line, highlights (None: leave it)
    for k, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None:
            if match and not (match.group(2)[0] == "`" and "`" in match.group(3)):
                fence = (match.group(2)[0], len(match.group(2)), k, [])
                # In Markdown shown as code, a notation is an example: shiki reads one only in a comment of the language.
                shown = re.match(r"\s*(?:md|markdown|mdx|text|txt)\b", match.group(3), re.IGNORECASE)
                fence = (*fence[:3], None) if shown else fence
            continue
        if match and match.group(2)[0] == fence[0] and len(match.group(2)) >= fence[1] and not match.group(3).strip():
            character, length, start, highlighted = fence
            if highlighted and "{" not in lines[start]:
                out[start] = f"{lines[start].rstrip()} {{{','.join(highlighted)}}}"
            fence = None
            continue
        notation = _NOTATION.search(line) if fence[3] is not None and "[!code" in line else None
        if notation:
            out[k] = line[: notation.start()].rstrip(" \t")
            if notation.group(1) == "highlight":
                at, count = k - fence[2], int(notation.group(2) or 1)
                fence[3].append(f"{at}-{at + count - 1}" if count > 1 else str(at))
            else:
                result.counts["code notations dropped"] += 1
    return out


# -- GitHub's alerts (``> [!TIP]``): VuePress 2's markdown-hint, hope, plume -----------------------

_ALERT = re.compile(r"^( *)> ?\[!(note|tip|important|warning|caution)\][ \t]*(.*)$", re.IGNORECASE)


def _alerts_as_containers(lines: list[str]) -> tuple[list[str], list[int]]:
    """Each alert quote (``> [!WARNING]`` then ``> text``) as the container of its kind (``::: warning``),
    its lines unquoted, with the index of the line each line comes from (notes cite the author's lines).

    The blank line (or the end) that ends the quote carries the closing ``:::``; a quote that a block
    ends with no blank line between needs a line more, which counts as the quote's last line.

    >>> _alerts_as_containers(["> [!TIP]", "> 换镜像。", "", "后文", "> 引用"])
    (['::: tip', '换镜像。', ':::', '后文', '> 引用'], [0, 1, 2, 3, 4])
    >>> _alerts_as_containers(["> [!NOTE]", "> 注", "## 下一节"])  # no blank line after it
    (['::: note', '注', ':::', '## 下一节'], [0, 1, 1, 2])
    >>> _alerts_as_containers(["- 项", "", "    > [!NOTE]", "    > 注"])[0]  # in a list item: at its indentation
    ['- 项', '', '    ::: note', '    注', '    :::']
    """
    if not any(_ALERT.match(line) for line in lines):
        return lines, list(range(len(lines)))
    out: list[str] = []
    origins: list[int] = []
    fenced = _inside_fences(lines)
    k = 0
    while k < len(lines):
        alert = None if fenced[k] else _ALERT.match(lines[k])
        origins.append(k)
        if not alert:
            out.append(lines[k])
            k += 1
            continue
        indent = alert.group(1)
        out.append(f"{indent}::: {alert.group(2).lower()} {alert.group(3)}".rstrip())
        k += 1
        # The quote goes on over its '>' lines and the lazy lines of its paragraph, up to a blank line
        # (or one a line before carries, ending in a newline) or a line that starts a block.
        while k < len(lines) and lines[k].strip() and not fenced[k] and not out[-1].endswith("\n"):
            inner = lines[k][len(indent) :] if lines[k].startswith(indent) else lines[k].lstrip(" ")
            if not _QUOTED.match(inner) and (_LIST_ITEM.match(lines[k]) or _STARTS_BLOCK.match(lines[k])):
                break
            out.append(indent + _QUOTED.sub("", inner, count=1))
            origins.append(k)
            k += 1
        out[-1] = out[-1].rstrip("\n")
        out.append(f"{indent}:::")  # on the blank line that ends the quote; with none, a line more
        if k < len(lines) and not lines[k].strip():
            origins.append(k)
            k += 1  # the blank line is where the closing marker went
        else:
            origins.append(k - 1)
    return out, origins


# -- containers in block quotes ---------------------------------------------------------

_QUOTED = re.compile(r"^ {0,3}> ?")
_QUOTE_LEVEL = re.compile(r"[ \t]*> ?")  # one level of a quote's markers (in a list item too), matched where the one before ends
#: The quote's markers are matched once (an atomic group): a space after ``>`` may be the marker's or the
#: next level's indent, and trying both made 26 levels of ``> `` take minutes (a red-team audit).
_QUOTED_FENCE = re.compile(r"((?>(?:[ \t]*> ?)+))[ \t]*(`{3,}|~{3,})(.*)")
#: A quoted list item indented by less than four: maybe nested by content column (``>   - b``).
_QUOTED_NESTED_ITEM = re.compile(r"^ {0,3}> ?(?: {1,3}| {5,7})(?:[-*+]|\d{1,9}[.)])(?: |$)")


def _quoted_containers(lines: list[str], numbers: list[int], result: Conversion) -> list[str]:
    """Each block quote that holds a container (``> ::: warning``) or a list nested by content column
    (``> - a`` then ``>   - b``) with its inside converted and quoted again.

    The quote's converted lines go into its last line (joined by newlines) and its other lines
    become empty, before it: every later line keeps its number (``numbers``: each line's), which notes cite.

    >>> print(_quoted_containers(["> ::: tip", "> 小心", "> :::"], [1, 2, 3], Conversion(""))[-1])
    > !!! tip "提示"
    >
    >     小心
    >>> print(_quoted_containers(["> - a", ">   - b"], [1, 2], Conversion(""))[-1])
    > - a
    >     - b
    """
    if not any(_QUOTED.match(line) and (":::" in line or _QUOTED_NESTED_ITEM.match(line)) for line in lines):
        return lines
    out = list(lines)
    fenced = _inside_fences(lines)
    k = 0
    while k < len(lines):
        if fenced[k] or not _QUOTED.match(lines[k]):
            k += 1
            continue
        end = k
        while end < len(lines) and not fenced[end] and _QUOTED.match(lines[end]):
            end += 1
        inner = [_QUOTED.sub("", line, count=1) for line in lines[k:end]]
        # Not a quote in a quote: one level is what blogs write, and a file of ten thousand ``>`` must not recurse.
        needs_converting = any(_CONTAINER_OPEN.match(line) for line in inner) or _nests_by_content_column(inner)
        if needs_converting and not any(_QUOTED.match(line) for line in inner):
            # Links stay as written here: the outer pass resolves them, once.
            converted = convert_markup("\n".join(inner), numbers[k])  # a quote's lines are the author's, one by one
            result.notes += converted.notes
            result.counts.update(converted.counts)
            quoted = "\n".join(("> " + line).rstrip() for line in _trim(converted.text.split("\n")))
            out[k:end] = [""] * (end - k - 1) + [quoted]
        k = end
    return out


#: The role of a line of a fence in a block quote (markdown-it's reading; Python-Markdown's is :func:`line_roles`').
QUOTED_CODE = "quoted code"


def _quoted_fences(lines: list[str]) -> list[bool]:
    """For each line, whether it is a fence's inside a block quote (``> ```sh`` … ``> ````), as markdown-it
    reads one: the fence runs over the lines quoted as deep, to its closing marker or the quote's end.
    Code there is code: ``<USERNAME>`` in a quoted command is no Vue component.

    >>> _quoted_fences(["> 见：", "> ```sh", "> git push <REPO>", "> ```", "> 后文", "```", "> x", "```"])
    [False, True, True, True, False, False, False, False]
    """
    out = [False] * len(lines)
    if not any(">" in line and ("```" in line or "~~~" in line) for line in lines):
        return out
    fenced = _inside_fences(lines)
    k = 0
    while k < len(lines):
        opening = None if fenced[k] else _QUOTED_FENCE.match(lines[k])
        k += 1
        if not opening or (opening.group(2)[0] == "`" and "`" in opening.group(3)):
            continue
        depth, marker = opening.group(1).count(">"), opening.group(2)
        out[k - 1] = True
        while k < len(lines):
            inner, at = lines[k], 0
            for _ in range(depth):
                level = _QUOTE_LEVEL.match(inner, at)
                if level is None:
                    break
                at = level.end()
            else:
                out[k] = True
                k += 1
                closing = _FENCE.match(inner[at:])
                if closing and closing.group(2)[0] == marker[0] and len(closing.group(2)) >= len(marker) and not closing.group(3).strip():
                    break
                continue
            break  # the quote ends, and the fence with it
    return out


def _inside_fences(lines: list[str]) -> list[bool]:
    """For each line, whether it is a fence's line (its markers included): code, not Markdown.

    >>> _inside_fences(["a", "````md", "```js", "```", "````", "b"])
    [False, True, True, True, True, False]
    """
    out = [False] * len(lines)
    for first, last, _ in _fences(lines):
        out[first : last + 1] = [True] * (last + 1 - first)
    return out


def _fences(lines: list[str]) -> list[tuple[int, int, bool]]:
    """(first line, last line, whether it is closed) of each fence; one never closed runs to the end.

    >>> _fences(["a", "```js", "x", "```", "~~~", "y"])
    [(1, 3, True), (4, 5, False)]
    """
    found, fence, first = [], None, 0
    for k, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(2)[0] == fence[0] and len(match.group(2)) >= len(fence) and not match.group(3).strip():
                found.append((first, k, True))
                fence = None
        elif match and not (match.group(2)[0] == "`" and "`" in match.group(3)):
            fence, first = match.group(2), k
    if fence:
        found.append((first, len(lines) - 1, False))
    return found


# -- HTML the site drops with what it holds: scripts, styles, frames -------------------------


def _entry_roles(lines: list[str]) -> list[str]:
    """Each entry's role as :func:`errata.markdown_lines.line_roles` reads the text (an entry a pass
    before made of several lines, a converted quote, is code only if all of them are).

    >>> _entry_roles(["p", "", "    <b>", "> a\\n> b"])
    ['', '', 'code', '']
    """
    roles = line_roles("\n".join(lines))
    out, at = [], 0
    for entry in lines:
        parts = roles[at : at + entry.count("\n") + 1]
        at += len(parts)
        out.append(parts[0] if all(role == parts[0] for role in parts) else next(r for r in parts if r not in (CODE, FENCED)))
    return out


#: What the site drops together with its content (the sanitiser's list; ``<template>`` is Vue's, taken
#: apart as a component is), and Vue's ``<component is="style">``, a style by another name.
_DROPPED = sorted(REMOVED_WITH_CONTENT - {"template"})
_DROPPED_START = re.compile(rf"<({'|'.join(_DROPPED)}|component)\b({_INSIDE_TAG})>", re.IGNORECASE)
#: Elements that show another page or a file: what they show becomes a link to it.
_EMBEDS = {"iframe", "frame", "embed", "object", "applet"}
_EMBED_URL = re.compile(r"\s(?:src|data)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)", re.IGNORECASE)
_VOID_DROPPED = {"embed", "frame"}
_WHY_DROPPED = {
    "script": "a script VuePress ran: the site runs no script from a page",
    "style": "a style for VuePress's page: the site takes no style from a page",
    "noscript": "what VuePress showed without scripts: the site shows no such element",
}


@dataclass
class _Dropping:
    """An element being left out: its end tag, what stands for it, and its note, said once it ends."""

    end: re.Pattern
    replacement: str
    number: int  # its start tag's line
    message: str  # "{to}" stands for where it ends

    def note(self, last: int | None) -> Note:
        to = "" if last == self.number else " (never closed: to the end)" if last is None else f" (to line {last})"
        return Note(self.number, self.message.replace("{to}", to))


#: A Vue component's start tag opening a line and left open at its end (``<el-alert``, its attributes on the lines after).
_OPEN_COMPONENT = re.compile(rf"[ \t]*<([A-Z][\w-]*|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?=[\s>/]|$)({_INSIDE_TAG})$")
#: The lines a start tag may take: its attributes, one a line.
MAX_TAG_LINES = 30


def _components_over_lines(lines: list[str], numbers: list[int], roles: list[str], gone: set[int], result: Conversion) -> tuple[list[str], set[int]]:
    """A Vue component's start tag written over several lines (``<el-alert`` then ``title="…"``,
    ``show-icon>``), outside code: left out like one on a line of its own (:meth:`_Renderer.components`),
    its lines with it, noted with what its ``title`` said, which VuePress showed. Left as it was, the
    attribute lines were the page's text and the tag an element the strict build refuses.

    >>> result = Conversion("")
    >>> _components_over_lines(["<el-alert", '  title="先装好"', "  show-icon>", "</el-alert>", "正文"], [1, 2, 3, 4, 5], [""] * 5, set(), result)
    (['', '  title="先装好"', '  show-icon>', '</el-alert>', '正文'], {1, 2})
    >>> result.notes[0].message
    'Vue component <el-alert> (to line 3) is not something Material has: its tags are left out, its content is kept; its title "先装好" is not shown'
    """
    out, gone = list(lines), set(gone)
    k = 0
    while k < len(lines):
        line = lines[k]
        opened = _OPEN_COMPONENT.fullmatch(line) if "<" in line and k not in gone and roles[k] not in (CODE, FENCED, QUOTED_CODE) else None
        start = line.index("<") if opened else 0
        if opened is None or _VUE_TAG.match(line, start):
            k += 1
            continue
        tag, end = line[start:], None
        for j in range(k + 1, min(k + MAX_TAG_LINES, len(lines))):
            if j in gone or roles[j] in (CODE, FENCED, QUOTED_CODE):
                break
            tag += "\n" + lines[j]
            closed = _VUE_TAG.match(tag)
            if closed:
                end = (j, len(lines[j]) - (len(tag) - closed.end()))
                break
        if end is None:
            k += 1
            continue
        j, at = end
        out[k] = line[:start] + lines[j][at:]
        gone.update(range(k + 1, j + 1))
        title = _TITLE_ATTRIBUTE.search(tag)
        said = f'; its title "{title.group(1)}" is not shown' if title else ""
        result.notes.append(Note(numbers[k], f"Vue component <{opened.group(1)}> (to line {numbers[j]}) is not something Material has: its tags are left out, its content is kept{said}"))
        k = j + 1
    return out, gone


def _dropped_elements(lines: list[str], numbers: list[int], roles: list[str], resolve: Resolver, result: Conversion) -> tuple[list[str], set[int]]:
    """The lines with each element the site drops with its content (:data:`_DROPPED`) left out, outside
    code, code spans and comments: a frame becomes a link to what it showed, the rest goes, noted;
    and the lines after an element's first that it took whole, to be left out (the others keep their numbers).

    >>> result = Conversion("")
    >>> _dropped_elements(["a", "<script>", "export default {}", "</script>", "b <style>p{}</style> c"], [1, 2, 3, 4, 5], [""] * 5, keep_url, result)
    (['a', '', '', '', 'b  c'], {2, 3})
    >>> _dropped_elements(['<iframe src="https://codepen.io/x/embed/y" title="居中"></iframe>'], [1], ["html"], keep_url, result)
    (['[居中](https://codepen.io/x/embed/y)'], set())
    >>> [note.message[:44] for note in result.notes]
    ['<script> (to line 4) is a script VuePress ra', "<style> is a style for VuePress's page: the ", '<iframe> is not something the site shows: it']
    """
    out, gone = list(lines), set()
    if not any("<" in line for line in lines):
        return out, gone
    dropping: _Dropping | None = None
    in_comment = False
    for k, line in enumerate(lines):
        if dropping is None and roles[k] in (CODE, FENCED, QUOTED_CODE):
            continue
        if dropping is None and "<VPCard" in line and _VP_CARD.fullmatch(line):
            continue  # a card's quoted values are its text (``desc="讲 <script> 标签"``), escaped when it is made
        kept, at = [], 0
        began_inside = read_from_end = dropping is not None
        visible, in_comment = ("", False) if began_inside else _without_comments(line, in_comment)
        while at <= len(line):
            if dropping is not None:  # its text is no Markdown: its end tag is looked for as written
                end = dropping.end.search(line, at)
                if end is None:
                    in_comment = False  # a "<!--" in a script opens no comment
                    break
                kept.append(dropping.replacement)
                result.notes.append(dropping.note(numbers[k]))
                dropping, at = None, end.end()
                if read_from_end:  # what follows its end is read from there, once
                    tail, in_comment = _without_comments(line[at:], False)
                    visible, read_from_end = " " * at + tail, False
                continue
            start = _DROPPED_START.search(visible, at)
            if start is None:
                kept.append(line[at:])
                break
            if not _is_dropped(start):
                kept.append(line[at : start.end()])
                at = start.end()
                continue
            kept.append(line[at : start.start()])
            dropping, at = _start_dropping(start, k, numbers[k], roles, lines, resolve), start.end()
            if start.group(1).lower() in _VOID_DROPPED or start.group(2).rstrip().endswith("/"):
                kept.append(dropping.replacement)
                result.notes.append(dropping.note(numbers[k]))
                dropping = None
        out[k] = "".join(kept)
        if began_inside and not out[k].strip():
            gone.add(k)
    if dropping is not None:  # never closed: to the end, as a browser reads it
        result.notes.append(dropping.note(None))
    return out, gone


def _is_dropped(start: re.Match[str]) -> bool:
    """Whether a start tag found is one of an element left out (a ``<component>`` only as a style or a script)."""
    if start.group(1).lower() != "component":
        return True
    attributes = {k.lower(): v.strip("\"'").lower() for k, v in _ATTRIBUTE.findall(start.group(2))}
    return attributes.get("is") in ("style", "script")


def _start_dropping(start: re.Match[str], k: int, number: int, roles: list[str], lines: list[str], resolve: Resolver) -> _Dropping:
    """The element that starts at ``start`` on line ``k``: where it ends, what stands for it, its note."""
    name = start.group(1).lower()
    attributes = {key.lower(): value.strip("\"'") for key, value in _ATTRIBUTE.findall(start.group(2))}
    shown = attributes.get("is", name).lower() if name == "component" else name
    written = f'component is="{shown}"' if name == "component" else name
    end = re.compile(rf"</\s*{re.escape(name)}\s*>", re.IGNORECASE)
    if shown not in _EMBEDS:
        why = _WHY_DROPPED.get(shown, "not something the site shows")
        return _Dropping(end, "", number, f"<{written}>{{to}} is {why}; it is left out with what it holds")
    url = _EMBED_URL.search(start.group(0))
    url = html.unescape(url.group(1).strip("\"'")) if url else ""
    # In a raw HTML block (a <div> around it) Markdown is not read: the link is HTML there.
    in_html = roles[k] == HTML and (k > 0 and roles[k - 1] == HTML or bool(lines[k][: start.start()].strip()))
    if url_scheme(url) in ("http", "https") or url.startswith("//"):
        target = "https:" + url if url.startswith("//") else url
    else:
        target = resolve(url, False, number, in_html) if url else None
    if not target or not url_is_allowed(target):
        return _Dropping(end, "", number, f"<{shown}>{{to}} is not something the site shows, and names no address to link to: it is left out")
    title = attributes.get("title") or url
    link = f'<a href="{html.escape(target)}">{html.escape(title, quote=False)}</a>' if in_html else f"[{markdown_text(title)}]({markdown_url(target)})"
    return _Dropping(end, link, number, f"<{shown}>{{to}} is not something the site shows: it is a link to {target} now")


_COMMENT_END = re.compile(r"-->")


def _without_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """The line with its comments and code spans blanked (columns kept), and whether a comment is still open at its end.

    >>> _without_comments("a <!-- <b> --> `<i>` <!-- c", False)
    ('a                          ', True)
    """
    out, at = [], 0
    while at < len(line):
        if in_comment:
            close = line.find("-->", at)
            stop = len(line) if close < 0 else close + 3
            out.append(" " * (stop - at))
            at, in_comment = stop, close < 0
            continue
        opening = line.find("<!--", at)
        stop = len(line) if opening < 0 else opening
        out.append(mask_code_spans(line[at:stop]))
        at, in_comment = stop, opening >= 0
        if in_comment:
            out.append("    ")
            at += 4
    return "".join(out), in_comment


# -- parsing: lines into nested blocks -----------------------------------------


def _parse(lines: list[str], numbers: list[int], result: Conversion, roles: list[str] | None = None, gone: set[int] = frozenset()) -> _Block:
    """The lines as blocks (containers, code groups) of lines, each line with its number in ``numbers``;
    a line ``roles`` calls indented code is code, as written; the lines ``gone`` are left out."""
    root = _Block("root", "", "", 0, numbers[0])
    stack = [root]
    fence: tuple[str, int] | None = None
    in_comment = False
    for index, (raw, number) in enumerate(zip(lines, numbers)):
        if index in gone:
            continue
        line = _INVISIBLE.sub("", raw)  # NBSP or U+200B before a fence hides it from Markdown
        here = stack[-1].children
        if fence:
            here.append(_Line(line, number, False))
            closing = _FENCE.match(line)
            if closing and closing.group(2)[0] == fence[0] and len(closing.group(2)) >= fence[1] and not closing.group(3).strip():
                fence = None
            continue
        if in_comment:
            here.append(_Line(line, number, False))
            in_comment = "-->" not in line
            continue
        if roles is not None and roles[index] in (CODE, QUOTED_CODE):  # indented, or a quote's fence
            here.append(_Line(line, number, False))
            continue
        opening = _FENCE.match(line)
        if opening and not (opening.group(2)[0] == "`" and "`" in opening.group(3)):
            fence = (opening.group(2)[0], len(opening.group(2)))
            here.append(_Line(_fence_info(line, opening, result), number, False))
            continue
        stripped = line.lstrip()
        if stripped.startswith("<!--") and "-->" not in stripped[4:]:
            in_comment = True
            here.append(_Line(line, number, False))
            continue
        if not _open_or_close(line, number, stack, result):
            here.append(_Line(line, number, True))
    return root


def _open_or_close(line: str, number: int, stack: list[_Block], result: Conversion) -> bool:
    """Whether ``line`` opened or closed a block (and did so on ``stack``)."""
    top = stack[-1]
    if len(stack) > MAX_NESTING and (_CONTAINER_OPEN.match(line) or _GROUP_OPEN.match(line) or _TAB_OPEN.match(line)):
        result.notes.append(Note(number, f"containers nested more than {MAX_NESTING} deep: this marker is left out"))
        return True
    if match := _CONTAINER_OPEN.match(line):
        block = _Block(match.group(3), match.group(4).strip(), match.group(1), len(match.group(2)), number)
        top.children.append(block)
        stack.append(block)
        return True
    if match := _CONTAINER_CLOSE.match(line):
        if top.colons and len(match.group(2)) >= top.colons:
            stack.pop()
        else:
            result.notes.append(Note(number, "a ':::' closes no container: the line is left out"))
        return True
    if match := _GROUP_OPEN.match(line):
        block = _Block("code-group", "", match.group(1), 0, number)
        top.children.append(block)
        stack.append(block)
        return True
    if match := _TAB_OPEN.match(line):
        block = _Block("code-block", match.group(2), match.group(1), 0, number)
        top.children.append(block)
        stack.append(block)
        return True
    if _TAB_CLOSE.match(line) or _GROUP_CLOSE.match(line):
        wanted = "code-block" if _TAB_CLOSE.match(line) else "code-group"
        kinds = [block.kind for block in stack]
        if wanted not in kinds:
            result.notes.append(Note(number, f"</{wanted}> closes nothing: the line is left out"))
            return True
        while stack[-1].kind != wanted:
            stack.pop()
        stack.pop()
        return True
    return False


def _fence_info(line: str, match: re.Match[str], result: Conversion) -> str:
    """A fence's opening line in Material's words: line highlights as ``hl_lines``, a ``[title]`` or
    ``title="…"`` as ``title``; VuePress's flags (``:line-numbers``, ``:no-v-pre``) dropped, in any order.

    >>> import re
    >>> line = "  ```python{2,4-5}:no-line-numbers [demo.py]"
    >>> _fence_info(line, _FENCE.match(line), Conversion(""))
    '  ```python hl_lines="2 4-5" title="demo.py"'
    >>> [_fence_info(x, _FENCE.match(x), Conversion("")) for x in ("```ts:line-numbers {2}", '```js {1} title="a.js"')]
    ['```ts hl_lines="2"', '```js hl_lines="1" title="a.js"']
    """
    indent, marker, info = match.groups()
    language = re.match(r"[^\s{\[`:]*", info.strip()).group(0)
    rest = info.strip()[len(language) :].strip()
    if not rest or rest[0] not in "{:[" and not _TITLE_ATTRIBUTE.match(rest):
        return line
    if rest.startswith("{") and re.match(r"\{[^}]*[.#=]", rest):
        return line  # a pymdownx attribute list (``{.python .numberLines}``): not ours to change
    rest = _VUEPRESS_FLAGS.sub(" ", rest).strip()
    attributes = []
    while rest:
        if highlight := _HIGHLIGHT.match(rest):
            ranges = [part.strip() for part in highlight.group(1).split(",") if part.strip()]
            if ranges:
                attributes.append(f'hl_lines="{" ".join(ranges)}"')
                result.counts["hl_lines"] += 1
        elif title := _TAB_TITLE.match(rest) or _TITLE_ATTRIBUTE.match(rest):
            attributes.append(f'title="{title.group(1).replace(chr(34), "&quot;")}"')
        else:
            result.counts["fence attributes dropped"] += 1  # VuePress's own, which Material has no use for
            break
        rest = rest[(highlight or title).end() :].strip()
    return f"{indent}{marker}{language}" + "".join(" " + a for a in attributes)


# -- rendering: blocks into Material Markdown --------------------------------


class _Renderer:
    def __init__(self, result: Conversion, resolve: Resolver, read_code: CodeReader = no_code, includes: _Including | None = None, syntax: frozenset[str] = frozenset()):
        self.result = result
        self.resolve = resolve
        self.read_code = read_code
        self.syntax = syntax
        self.includes = includes or _Including()
        self.v_pre = 0  # inside how many ``::: v-pre``

    def note(self, line: int, message: str) -> None:
        self.result.notes.append(Note(line, message))

    def render(self, children: list) -> list[str]:
        out: list[str] = []
        at = 0
        while at < len(children):
            child = children[at]
            at += 1
            if isinstance(child, _Line) and child.prose and _VP_CARD.fullmatch(child.text):
                cards = [child]  # cards one after another, blank lines between, are one grid
                while at < len(children) and isinstance(children[at], _Line) and children[at].prose and (not children[at].text.strip() or _VP_CARD.fullmatch(children[at].text)):
                    cards += [children[at]] if children[at].text.strip() else []
                    at += 1
                out.extend(self.vp_cards(cards))
            elif isinstance(child, _Block):
                out.extend(self.block(child))
            elif not child.prose:
                out.append(child.text)
            elif code := _CODE_IMPORT.match(child.text):
                out.extend(self.code_import(code, child))
            elif include := _INCLUDE.match(child.text):
                out.extend(self.include(include, child))
            else:
                line = self.inline(child.text, child.number)
                if line is not None:
                    out.append(line)
        return out

    def block(self, block: _Block) -> list[str]:
        kind = block.kind.lower()
        if kind in ADMONITIONS:
            return self.admonition(block, kind)
        if kind in ALIGNMENTS:
            self.result.counts["aligned"] += 1
            at = _markdown_indent(block.indent)
            body = _reindent(_trim(self.render(block.children)), block.indent, at)
            return [f'{at}<div class="errata-align-{kind}" markdown>', "", *body, "", f"{at}</div>", ""]
        if kind in CARD_LISTS:
            return self.cards(block, CARD_LISTS[kind])
        if kind == "code-group" and block.colons:
            return self.fence_tabs(block)
        if kind == "code-group":
            return self.code_group(block)
        if kind in AT_TABS:
            return self.at_tabs(block)
        if kind == "v-pre":
            # VuePress shows what is inside as written ({{ }} is no interpolation): so does Material.
            self.result.counts["v-pre"] += 1
            self.v_pre += 1
            try:
                return self.contents(block)
            finally:
                self.v_pre -= 1
        if kind == "steps":
            # plume's steps only number the ordered list they hold in circles: the list stands by itself.
            self.result.counts["steps"] += 1
            return self.contents(block)
        if kind == "file-tree" and (tree := _file_tree(block)) is not None:
            self.result.counts["file tree"] += 1
            return tree
        self.note(block.number, f"'{_describe(block)}' is not something Material has: its markers are left out, its content is kept as it is")
        title = _container_title(block.info)
        if title:  # ``::: theorem 定理``, plume's ``::: card title="小结"``: the title stays, as a bold line
            return [f"{_markdown_indent(block.indent)}**{markdown_text(title)}**", "", *self.render(block.children)]
        return self.render(block.children)

    def contents(self, block: _Block) -> list[str]:
        """What a block holds, converted, where it belongs without the block."""
        return _reindent(_trim(self.render(block.children)), block.indent, _markdown_indent(block.indent))

    def admonition(self, block: _Block, kind: str) -> list[str]:
        self.result.counts["details" if kind == "details" else "admonition"] += 1
        marker = "???" if kind == "details" else "!!!"
        title = block.info or DEFAULT_TITLES[kind]
        at = _markdown_indent(block.indent)
        header = f'{at}{marker} {ADMONITIONS[kind]} "{_title_text(title)}"'
        body = _reindent(_trim(self.render(block.children)), block.indent, at + "    ")
        return [header, "", *body, ""]

    def code_group(self, block: _Block) -> list[str]:
        self.result.counts["code-group"] += 1
        out = []
        for child in block.children:
            if isinstance(child, _Block) and child.kind == "code-block":
                attributes = dict((k.lstrip(":"), v.strip("\"'")) for k, v in _ATTRIBUTE.findall(child.info))
                active = bool(re.search(r"(?:^|\s):?active\b", child.info))
                body = _dedent(_trim(self.render(child.children)))
                out += _tab(attributes.get("title") or "代码", active, body, _markdown_indent(block.indent), first=not out)
            elif isinstance(child, _Block) or child.text.strip():
                self.note(child.number, "only <code-block> belongs in a <code-group>: this is kept after the tabs")
                out += self.render([child])
        return out

    def code_import(self, match: re.Match[str], line: _Line) -> list[str]:
        """A code import → a fence holding the file's text (its lines ``first-last`` when given), its
        language from the import or the file's extension, its highlighted lines as ``hl_lines``.
        A file the import cannot read leaves the line as written, noted."""
        indent, first, last, language, highlights, path = match.group(1, 2, 3, 4, 5, 6)
        from_root = path is None  # VuePress 1's <<< reads a path without @ from where VuePress ran: the repository
        if from_root:
            path, highlights, language = match.group(7, 8, 9)
        text = self.read_code(path, from_root=True) if from_root else self.read_code(path)
        if text is None:
            self.note(line.number, f"code import {path!r} is VuePress's own syntax and names no file of the blog: it is shown as text; rewrite or remove it")
            return [_as_text(line.text)]
        code = text.replace("\r\n", "\n").split("\n")
        if code and code[-1] == "":
            code.pop()
        code = code[int(first) - 1 if first else 0 : int(last) if last else None][:MAX_CODE_LINES]
        if self.includes.take("\n".join(code)) is None:
            self.note(line.number, f"code import {path!r}: the page's imports bring in more than {MAX_IMPORTED_CHARACTERS:,} characters: it is shown as text; paste what matters")
            return [_as_text(line.text)]
        self.result.counts["code import"] += 1
        language = language or posixpath.splitext(path)[1].lstrip(".")
        ranges = [part.strip() for part in (highlights or "").split(",") if part.strip()]
        fence = "`" * max([3, *(len(run) + 1 for run in _BACKTICKS.findall(text))])
        opening = fence + language + (f' hl_lines="{" ".join(ranges)}"' if ranges else "")
        return [indent + opening, *((indent + c) if c else "" for c in code), indent + fence]

    def include(self, match: re.Match[str], line: _Line) -> list[str]:
        """An include → the Markdown of the file it names (its lines ``first-last`` when given), converted
        as this page's text is; notes about it cite the include's line. A file that cannot be read
        leaves the comment (which shows nothing), noted: the page would lack that part."""
        path, first, last = match.groups()
        key = blog_path(self.includes.page, path) or path
        if key in self.includes.open:  # a.md includes b.md, which includes a.md: its text is on the page once
            ring = " → ".join([*self.includes.open[self.includes.open.index(key) :], key])
            self.note(line.number, f"include {path!r} leads back to a file that includes it ({ring}): left out")
            return [line.text]
        text = self.includes.take(self.read_code(path)) if self.includes.left > 0 else None
        if text is None:
            self.note(line.number, f"include {path!r} names no file of the blog (or the page has more than {MAX_INCLUDES} includes, or brings in more than {MAX_IMPORTED_CHARACTERS:,} characters): the page lacks that part; paste it in")
            return [line.text]
        self.includes.left -= 1  # shared with the included texts: a file that includes another twice cannot multiply
        self.result.counts["include"] += 1
        part = "\n".join(text.replace("\r\n", "\n").split("\n")[int(first) - 1 if first else 0 : int(last) if last else None][:MAX_CODE_LINES])
        at_include = lambda url, image, _, in_html: self.resolve(url, image, line.number, in_html)  # noqa: E731  (the page's line)
        self.includes.open.append(key)
        try:
            converted = convert_markup(part, line.number, at_include, self.read_code, self.includes, self.syntax)
        finally:
            self.includes.open.pop()
        self.result.notes += [Note(line.number, f"in {path}: {note.message}") for note in converted.notes]
        self.result.counts.update(converted.counts)
        return converted.text.split("\n")

    def at_tabs(self, block: _Block) -> list[str]:
        """``::: tabs`` / ``::: code-tabs#shell`` with its ``@tab 标题`` (``@tab:active``) lines → content tabs.

        What comes before the first ``@tab`` is kept before the tabs, noted.
        """
        self.result.counts["tabs"] += 1
        at = _markdown_indent(block.indent)
        before: list = []
        tabs: list[tuple[str, bool, list]] = []
        for child in block.children:
            marker = _AT_TAB.match(child.text) if isinstance(child, _Line) and child.prose else None
            if marker:
                # hope's ``@tab 标题#id``: the id names the tab for the theme's memory, no part of the title.
                title = re.sub(r"(?<=\S)#[\w-]+$", "", _TAG.sub("", (marker.group(2) or "").strip()).strip()) or f"标签 {len(tabs) + 1}"
                tabs.append((title, bool(marker.group(1)), []))
            elif tabs:
                tabs[-1][2].append(child)
            else:
                before.append(child)
        out = []
        if any(isinstance(child, _Block) or child.text.strip() for child in before):
            self.note(block.number, f"'{_describe(block)}': what comes before its first @tab is kept before the tabs")
            out += self.render(before)
        for index, (title, active, children) in enumerate(tabs):
            body = _dedent(_trim(self.render(children)))
            out += _tab(title, active, body, at, first=index == 0)
        return out

    def fence_tabs(self, block: _Block) -> list[str]:
        """``::: code-group`` (VitePress, reco, plume): each fence a tab, titled by its ``[title]``; VuePress 2's
        ``::: code-group-item 标题`` in it, a tab each."""
        self.result.counts["code-group"] += 1
        at = _markdown_indent(block.indent)
        out: list[str] = []
        after: list[str] = []
        fence: list[str] = []
        closing: tuple[str, int] | None = None
        for child in block.children:
            if isinstance(child, _Block) and child.kind.lower() == "code-group-item" and closing is None:
                # VuePress 2's default theme before rc: ``::: code-group-item 标题`` (``标题:active``), a tab each.
                title = child.info.strip()
                active = title.endswith(":active")
                title = title[: -len(":active")].strip() if active else title
                out += _tab(title or "代码", active, _dedent(_trim(self.render(child.children))), at, first=not out)
                continue
            if isinstance(child, _Block) or (child.prose and closing is None):
                if isinstance(child, _Block) or child.text.strip():
                    self.note(child.number, "only fenced code belongs in a '::: code-group': this is kept after the tabs")
                    after += self.render([child])
                continue
            if closing is None:
                opening = _FENCE.match(child.text)
                if not opening:  # a comment's line
                    continue
                closing = (opening.group(2)[0], len(opening.group(2)))
                fence = [child.text]
                continue
            fence.append(child.text)
            end = _FENCE.match(child.text)
            if end and end.group(2)[0] == closing[0] and len(end.group(2)) >= closing[1] and not end.group(3).strip():
                closing = None
                title = _FENCE_TITLE.search(fence[0])
                name = html.unescape(title.group(1)) if title else (_FENCE.match(fence[0]).group(3).strip() or "代码")
                if title:
                    fence[0] = fence[0][: title.start()] + fence[0][title.end() :]
                out += _tab(name, False, _dedent(fence), at, first=not out)
        if closing is not None:  # a fence never closed runs to the page's end: kept as it is, noted
            self.note(block.number, "'::: code-group': a fence in it is never closed: it is kept after the tabs, as written")
            after += fence
        return out + after

    def vp_cards(self, lines: list[_Line]) -> list[str]:
        """vuepress-theme-hope's ``<VPCard title=… desc=… logo=… link=…/>`` (a friend's site, a project) → grid
        cards, as ``::: cardList`` becomes; its ``background`` and ``color`` are not kept (the site's cards are its own)."""
        cards = []
        for line in lines:
            attributes = {key.lower(): html.unescape(value.strip("\"'")) for key, value in _ATTRIBUTE.findall(_VP_CARD.fullmatch(line.text).group(1))}
            cards.append(Card(attributes.get("title", ""), attributes.get("desc", ""), attributes.get("link"), attributes.get("logo")))
        self.result.counts["cards"] += len(cards)
        number = lines[0].number
        return ["", *card_grid(cards, lambda url, image: self.resolve(url, image, number, False))]

    def cards(self, block: _Block, name: str) -> list[str]:
        lines = [child for child in block.children if isinstance(child, _Line)]
        code = [line.text for line in lines if not line.prose]  # vdoing wants the YAML in a fence
        source = "\n".join(code[1:-1]) if len(code) >= 2 and _FENCE.match(code[0]) else ""
        items = None
        if len(source) <= MAX_CARDS_YAML:
            try:
                items = yaml.safe_load(source)
            except yaml.YAMLError:
                items = None
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            self.note(block.number, f"'::: {name}' holds no YAML list of cards: its content is kept as it is")
            return self.render(block.children)
        self.result.counts["cards"] += 1
        image_key = "img" if name == "cardImgList" else "avatar"
        cards = [Card(str(i.get("name") or ""), str(i.get("desc") or ""), i.get("link"), i.get(image_key), i.get("author")) for i in items]
        return _reindent(card_grid(cards, lambda url, image: self.resolve(url, image, block.number, False), large_images=image_key == "img"), "", _markdown_indent(block.indent))

    # -- within a line --------------------------------------------------------

    def inline(self, line: str, number: int) -> str | None:
        """A prose line with its badges, table-of-contents marker and links converted; ``None`` drops it."""
        if _TOC.fullmatch(line.strip()):
            self.result.counts["toc"] += 1
            return None
        if _EMBED.match(line):  # a plugin's embed (``@[bilibili](BV…)``): its "URL" is an id, no link to publish
            self.note(number, f"{line.strip()[:60]!r} is a VuePress plugin's embed: it is shown as text; rewrite or remove it")
            return _as_text(line)
        convert = lambda text: self.html_tags(self.links(self.with_base(self.components(self.badges(self.sub_sup(self.marks(self.vuepress_only(_TOC.sub(self._toc, _escapes_as_entities(text)), number)))), number)), number), number)  # noqa: E731
        return _outside_comments(line, lambda part: outside_code_spans(part, convert))

    def _toc(self, match: re.Match[str]) -> str:
        self.result.counts["toc"] += 1
        return ""

    def marks(self, text: str) -> str:
        """``==重点==`` → ``<mark>重点</mark>`` (Python-Markdown has no such syntax; HTML it shows).

        >>> _Renderer(Conversion(""), keep_url).marks("==重点== 和 a == b")
        '<mark>重点</mark> 和 a == b'
        """
        if "==" not in text:
            return text
        marked = _MARK.sub(r"<mark>\1</mark>", text)
        self.result.counts["mark"] += marked.count("<mark>") - text.count("<mark>")
        return marked

    def sub_sup(self, text: str) -> str:
        """``H~2~O`` → ``H<sub>2</sub>O``, ``2^10^`` → ``2<sup>10</sup>``, where the blog has them on
        (Python-Markdown reads neither; the site keeps both elements). Never in a tag, a link's URL or a footnote's mark.

        >>> _Renderer(Conversion(""), keep_url, syntax=frozenset({"sub", "sup"})).sub_sup("H~2~O 2^10^ ~~删~~ [^1] [a](/~u~/)")
        'H<sub>2</sub>O 2<sup>10</sup> ~~删~~ [^1] [a](/~u~/)'
        """
        if not self.syntax or ("~" not in text and "^" not in text):
            return text

        def mark(match: re.Match[str]) -> str:
            kept, sub, sup = match.groups()
            name = "sub" if sub is not None and "sub" in self.syntax else "sup" if sup is not None and "sup" in self.syntax else ""
            if not name:
                return match.group(0)  # text markdown-it reads first, or a syntax the blog has off
            self.result.counts["subscript" if name == "sub" else "superscript"] += 1
            return f"<{name}>{sub or sup}</{name}>"

        return _SUB_SUP.sub(mark, text)

    def badges(self, text: str) -> str:
        def badge(match: re.Match[str]) -> str:
            attributes = {k.lstrip(":"): v.strip("\"'") for k, v in _ATTRIBUTE.findall(match.group(1))}
            label = attributes.get("text") or (match.group(2) or "").strip()
            kind = BADGE_TYPES.get(attributes.get("type", "tip").lower(), "tip")
            self.result.counts["badge"] += 1
            return f'<span class="errata-badge errata-badge--{kind}">{html.escape(label, quote=False)}</span>'

        return _BADGE.sub(badge, text) if "<" in text else text

    def components(self, text: str, number: int) -> str:
        """Vue components other than ``<Badge>`` (``<ClientOnly>``, a theme's own): tags out, content kept, noted."""
        if "<" not in text:
            return text
        names = []

        def drop(match: re.Match[str]) -> str:
            names.append(match.group(1))
            return ""

        text = _VUE_TAG.sub(drop, text)
        for name in dict.fromkeys(names):
            self.note(number, f"Vue component <{name}> is not something Material has: its tags are left out, its content is kept")
        return text

    def vuepress_only(self, text: str, number: int) -> str:
        """Report what only VuePress understands and Material would show as text."""
        found = _VUEPRESS_ONLY.match(text) if "@" in text else None
        syntax = found.group(0) if found else None
        if syntax is None and not self.v_pre:  # ``::: v-pre`` shows ``{{ }}`` as written, as Material does
            syntax = _interpolation(text)
        if syntax:
            self.note(number, f"{syntax.strip()[:40]!r} is VuePress's own syntax: Material shows it as it is written; rewrite or remove it")
        return text

    def with_base(self, text: str) -> str:
        """VuePress's ``:src="$withBase('/img/a.png')"`` (a public file under the site's base) → ``src="/img/a.png"``,
        which the links' resolver then finds; the binding alone the site would drop, and the picture with it.

        >>> _Renderer(Conversion(""), keep_url).with_base('''<img :src="$withBase('/img/logo.png')" alt="logo">''')
        '<img src="/img/logo.png" alt="logo">'
        """
        if "$withBase" not in text:
            return text
        converted, count = _WITH_BASE.subn(lambda m: f'{m.group(1)}{m.group(2)}="{html.escape(m.group(4))}"', text)
        self.result.counts["$withBase"] += count
        return converted

    def html_tags(self, text: str, number: int) -> str:
        """Each HTML tag as the site keeps it (its sanitiser's allowlist, which the strict build checks
        against): attributes it drops are left out (Vue's bindings, ``data-*``, a ``tencent:`` link), and
        the tags of an element it drops (``<video>``, ``<font>``) with their content kept; noted.

        >>> r = _Renderer(Conversion(""), keep_url)
        >>> r.html_tags('<a :href="qqUrl" href="tencent://m?u=1" class="qq">QQ</a> <font color=red>红</font> <https://a.org/>', 3)
        '<a class="qq">QQ</a> 红 <https://a.org/>'
        >>> [n.message for n in r.result.notes]  # doctest: +NORMALIZE_WHITESPACE
        ["<a>: Vue's binding :href is VuePress's own; link tencent://m?u=1: the site keeps no tencent: link: left out",
         '<font>: not an element the site keeps: the tags are left out, their content kept']
        """
        if "<" not in text:
            return text
        starts = [0]
        starts += [m.end() for m in re.finditer("\n", text)]
        out, at, dropped = [], 0, set()
        for line, column, name, attrs, source in start_tags(without_autolinks(text)[0]):  # <https://…> is a link
            offset = starts[line - 1] + column
            if escaped_tag(source):
                continue  # \<details\>: text, as the check reads it
            kept = kept_attributes(name, attrs, source)
            if kept is None and name in REMOVED_WITH_CONTENT:
                continue  # one :func:`_dropped_elements` could not take apart: the import reports what the build refuses
            out.append(text[at:offset])
            at = offset + len(source)
            if kept is None:
                dropped.add(name)
                continue
            removed = [(key, value) for key, value in attrs if key not in kept]
            if not removed:
                out.append(source)
                continue
            written = [key if value == "" else f'{key}="{html.escape(value)}"' for key, value in attrs if key in kept]
            out.append(f"<{name}" + "".join(" " + w for w in written) + ("/>" if source.endswith("/>") else ">"))
            self.note(number, f"<{name}>: {_why_left_out(removed)}: left out")
        out.append(text[at:])
        text = "".join(out)
        if dropped:
            text = _END_TAG.sub(lambda end: "" if end.group(1).lower() in dropped else end.group(0), text)
            names = ", ".join(f"<{name}>" for name in sorted(dropped)[:5]) + (" …" if len(dropped) > 5 else "")
            self.note(number, f"{names}: not {'an element' if len(dropped) == 1 else 'elements'} the site keeps: the tags are left out, their content kept")
        return text

    def links(self, text: str, number: int) -> str:
        if "](" in text:
            text = _MD_LINK.sub(lambda m: self._markdown_link(m, number), text)
            text = _SPACED_LINK.sub(lambda m: self._spaced_link(m, number), text)
        if "<" in text:
            text = _HTML_TAG.sub(lambda m: self._html_tag(m, number), text)
        if "]:" in text:
            text = _REFERENCE.sub(lambda m: self._reference(m, number), text)
        return text

    def _markdown_link(self, match: re.Match[str], number: int) -> str:
        bang, label, url, width, height, title = match.groups()
        if "](" in label:  # an image inside a link
            label = self.links(label, number)
        bare = url[1:-1] if url.startswith("<") else url
        new = self.resolve(bare, bool(bang), number, False)
        if new is not None and not url_is_allowed(new):
            self.note(number, f"{'image' if bang else 'link'} {new[:60]}: the site keeps no {url_scheme(html.unescape(new))}: URL; left out" + (" (save the picture as a file of the blog)" if bang else ", its text kept"))
            new = None
        if new is None:
            return _missing_image(label or bare) if bang else label
        size = " ".join(f'{name}="{value}"' for name, value in (("width", width), ("height", height)) if value)
        if size and bang:
            self.result.counts["image size"] += 1
        return f"{bang}[{label}]({markdown_url(new) if new != bare else url}{title})" + (f"{{ {size} }}" if size and bang else "")

    def _spaced_link(self, match: re.Match[str], number: int) -> str:
        """``![图](/Users/me/Application Support/a.png)``: an address with a space is no link in VuePress
        (markdown-it shows the line as it is written), but Python-Markdown would publish it as one, and the
        strict build refuses a link to a path on the author's disk. It stays the text VuePress showed, noted.

        >>> r = _Renderer(Conversion(""), keep_url)
        >>> print(r.links("见 ![截图](/Users/me/Application Support/a.png) 和 [b](c d)", 3))
        见 !\\[截图](/Users/me/Application Support/a.png) 和 \\[b](c d)
        >>> [note.message.split(":")[0] for note in r.result.notes]
        ["image '/Users/me/Application Support/a.png'", "link 'c d'"]
        """
        bang, label, url = match.groups()
        kind = "image" if bang else "link"
        self.note(number, f"{kind} {url.strip()[:40]!r}: an address with a space is no {kind} in VuePress, which shows it as text; so does the site (write it as <…> or with %20 to make it one)")
        return f"{bang}\\[{label}]({url})"

    def _html_tag(self, match: re.Match[str], number: int) -> str:
        tag = self._attributes(match.group(0), match.group(1).lower(), number)
        image = match.group(1).lower() != "a"
        url_match = _HTML_URL.search(tag)
        if not url_match:
            return tag
        url = html.unescape(url_match.group(2).strip("\"'"))
        new = self.resolve(url, image, number, True)
        if new is None:
            if image:
                alt = _HTML_ALT.search(tag)
                return _missing_image(html.unescape(alt.group(1).strip("\"'")) if alt else url)
            return tag[: url_match.start()] + tag[url_match.end() :]
        if new == url:
            return tag
        return tag[: url_match.start()] + f'{url_match.group(1)}"{html.escape(new)}"' + tag[url_match.end() :]

    def _attributes(self, tag: str, name: str, number: int) -> str:
        """Typora's ``style="zoom: 50%"`` on an image → ``width="50%"``; ``target`` off links; other styles off, noted.

        The site publishes no ``style`` or ``target`` attribute (its sanitiser drops them).
        """
        style = _STYLE.search(tag)
        if style:
            zoom = _ZOOM.fullmatch(style.group(1).strip("\"'"))
            width = f' width="{zoom.group(1)}%"' if zoom and name == "img" and " width" not in tag.lower() else ""
            if zoom and name == "img":
                self.result.counts["image zoom"] += 1
            else:
                self.note(number, f"<{name} style={style.group(1)}>: the site keeps no inline style; it is left out")
            tag = tag[: style.start()] + width + tag[style.end() :]
        if name == "a" and _TARGET.search(tag):
            tag = _TARGET.sub("", tag)
        return tag

    def _reference(self, match: re.Match[str], number: int) -> str:
        url = match.group(2)[1:-1] if match.group(2).startswith("<") else match.group(2)
        if _COMMENT_LABEL.match(match.group(1)):
            # ``[//]: # (说明)``: Markdown's comment, which no page shows; its "target" is ``#`` (or ``<>``), and
            # what stands there otherwise (``[//]: (Go)``) is its text, kept as that.
            return match.group(0) if url in ("#", "") else f"{match.group(1)}# ({_as_comment_text(match.group(2) + match.group(3))})"
        new = self.resolve(url, False, number, False)
        if new is not None and not url_is_allowed(new):
            self.note(number, f"link {new[:60]}: the site keeps no {url_scheme(html.unescape(new))}: URL; the definition is left out")
            new = None
        if new is None:
            return ""
        return match.group(0) if new == url else f"{match.group(1)}{markdown_url(new)}{match.group(3)}"


# -- cards (friends lists and the home page's features) -----------------------


@dataclass
class Card:
    """One card of a grid: a friend's site, a project, a feature of the home page."""

    name: str
    text: str = ""
    link: Any = None
    image: Any = None
    author: Any = None


def card_grid(cards: list[Card], resolve: Callable[[str, bool], str | None], large_images: bool = False) -> list[str]:
    """Material grid cards (``<div class="grid cards" markdown>``), each URL through ``resolve``.

    >>> print("\\n".join(card_grid([Card("某人", "说明", "https://example.org/")], lambda u, i: u)))
    <div class="grid cards errata-cards" markdown>
    <BLANKLINE>
    -   **[某人](https://example.org/)**
    <BLANKLINE>
        ---
    <BLANKLINE>
        说明
    <BLANKLINE>
    </div>
    <BLANKLINE>
    """
    out = ['<div class="grid cards errata-cards" markdown>', ""]
    for card in cards:
        link = resolve(str(card.link), False) if card.link else None
        image = resolve(str(card.image), True) if card.image else None
        name = markdown_text(card.name or (str(card.link) if card.link else ""))
        heading = f"**[{name}]({markdown_url(link)})**" if link else f"**{name}**"
        picture = ""
        if image:
            css = "errata-card-image" if large_images else "errata-card-avatar"
            picture = f"![]({markdown_url(image)}){{ .{css} loading=lazy }}"
        first = f"{picture}\n\n    {heading}" if large_images and picture else " ".join(p for p in (picture, heading) if p)
        out += [f"-   {first}", "", "    ---", ""]
        if card.text:
            out += [f"    {markdown_text(card.text)}", ""]
        if card.author:
            out += [f"    — {markdown_text(str(card.author))}", ""]
    out += ["</div>", ""]
    return out


# -- plume's file trees ------------------------------------------------------------

_TREE_ITEM = re.compile(r"^( *)[-*+][ \t]+(.*?)[ \t]*$")
_TREE_CHANGES = {"++": "（新增）", "--": "（删除）"}


def _file_tree(block: _Block) -> list[str] | None:
    """plume's ``::: file-tree`` (a list of names, nested by folder) drawn as ``tree`` draws it, in a
    ``text`` fence titled by its ``title="…"``; ``None`` when it holds anything but that list.

    >>> lines = ["- src", "  - ++ main.py  入口", "- **README.md**"]
    >>> print("\\n".join(_file_tree(_Block("file-tree", 'title="项目"', "", 3, 1, [_Line(x, 1, True) for x in lines]))))
    ```text title="项目"
    ├── src/
    │   └── main.py（新增）  入口
    └── README.md
    ```
    <BLANKLINE>
    """
    items: list[tuple[int, str]] = []  # (depth, the item's text)
    indents: list[int] = []  # of the items the next one may be inside
    for child in block.children:
        if isinstance(child, _Block) or not child.prose:
            return None
        match = _TREE_ITEM.match(child.text)
        if not match:
            if child.text.strip():
                return None
            continue
        while indents and indents[-1] >= len(match.group(1)):
            indents.pop()
        items.append((len(indents), match.group(2)))
        indents.append(len(match.group(1)))
    if not items:
        return None
    last = [False] * len(items)  # whether an item is the last of its folder
    followed: list[bool] = []  # by depth, walking back: whether a sibling comes after, before the folder ends
    for k in range(len(items) - 1, -1, -1):
        depth = items[k][0]
        del followed[depth + 1 :]
        followed += [False] * (depth + 1 - len(followed))
        last[k], followed[depth] = not followed[depth], True
    at = _markdown_indent(block.indent)
    title = _TITLE_ATTRIBUTE.search(block.info)
    out = [f"{at}```text" + (f' title="{title.group(1)}"' if title else "")]
    going_on: list[bool] = []  # by depth: whether the folder there has more items below
    for k, (depth, text) in enumerate(items):
        folder = k + 1 < len(items) and items[k + 1][0] > depth
        rails = "".join("│   " if more else "    " for more in going_on[:depth])
        out.append(f"{at}{rails}{'└── ' if last[k] else '├── '}{_tree_label(text, folder)}")
        going_on[depth:] = [not last[k]]
    return out + [f"{at}```", ""]


def _tree_label(text: str, folder: bool) -> str:
    """A file tree item's name (``/`` after a folder's), its change (``++`` added, ``--`` removed) and its note, as plain text.

    >>> _tree_label("-- **old.js**  旧的 `入口`", False), _tree_label("node", True), _tree_label("node/", False)
    ('old.js（删除）  旧的 入口', 'node/', 'node/')
    """
    change = _TREE_CHANGES.get(text[:2], "") if text[2:3] == " " else ""
    text = text[3:].strip() if change else text
    bold = re.match(r"\*\*([^*]+)\*\*(.*)$", text)
    name, note = (bold.group(1), bold.group(2)) if bold else (text.split(" ", 1) + [""])[:2]
    name = name.strip().replace("`", "") + ("/" if folder and not name.endswith("/") else "")
    note = " ".join(note.replace("**", "").replace("`", "").split())
    return name + change + (f"  {note}" if note else "")


# -- small helpers --------------------------------------------------------------


def _why_left_out(attributes: list[tuple[str, str]]) -> str:
    """Why attributes the site does not keep go, for a person: Vue's bindings, links it refuses, the rest.

    >>> _why_left_out([(":src", "img"), ("href", "tencent://x"), ("data-height", "600"), ("border", "1")])
    "Vue's binding :src is VuePress's own; link tencent://x: the site keeps no tencent: link; data-height, border: the site keeps no such attribute"
    """
    reasons, plain = [], []
    for key, value in attributes:
        scheme = url_scheme(value) if key in ("href", "src") else None
        if key.startswith((":", "@", "v-")):
            reasons.append(f"Vue's binding {key} is VuePress's own")
        elif scheme:
            reasons.append(f"link {value[:60]}: the site keeps no {scheme}: link")
        else:
            plain.append(key)
    return "; ".join(reasons + ([f"{', '.join(plain)}: the site keeps no such attribute"] if plain else []))


def _describe(block: _Block) -> str:
    if block.colons:
        return f"{':' * block.colons} {block.kind}"
    return f"<{block.kind}>"


_FENCE_TITLE = re.compile(r' title="([^"\n]*)"')


def _tab(title: str, active: bool, body: list[str], at: str, first: bool = False) -> list[str]:
    """One content tab (pymdownx.tabbed): ``+`` marks the tab shown first, ``!`` starts a new set of
    tabs (without it, two groups one after the other would become one).

    >>> _tab("npm", True, ["```bash", "npm i", "```"], "", first=True)
    ['===!+ "npm"', '', '    ```bash', '    npm i', '    ```', '']
    """
    marks = ("!" if first else "") + ("+" if active else "")
    return [f'{at}==={marks} "{_title_text(title)}"', "", *_reindent(body, "", at + "    "), ""]


def _container_title(info: str) -> str:
    """The title on an unknown container's opening line: its ``title="…"``, or the words when no attribute is there.

    >>> _container_title('title="小结" icon="twemoji:books"'), _container_title("定理 1"), _container_title("img no-padding=true")
    ('小结', '定理 1', '')
    """
    attribute = _TITLE_ATTRIBUTE.search(info)
    if attribute:
        return attribute.group(1)
    return "" if "=" in info or "{" in info else info.strip()


def _as_text(line: str) -> str:
    """A line of ``@[name](…)`` with its first brackets escaped: Material shows it as text, not as a link
    to a file that is not there (which the strict build refuses).

    >>> _as_text("@[code](./gone.js)")
    '@\\\\[code\\\\](./gone.js)'
    """
    return line.replace("[", "\\[", 1).replace("]", "\\]", 1) if "@[" in line else line


def _title_text(title: str) -> str:
    """A title safe inside ``"…"`` of an admonition or tab."""
    return html.escape(title.strip(), quote=True)


def markdown_text(text: str) -> str:
    """Plain text for a Markdown line: no HTML, no link syntax, one line.

    >>> markdown_text("a <b> [c]\\nd")
    'a &lt;b&gt; \\\\[c\\\\] d'
    """
    text = " ".join(text.split())
    return html.escape(text, quote=False).replace("[", "\\[").replace("]", "\\]")


def markdown_url(url: str) -> str:
    """A URL as a Markdown link target: in ``<…>`` when it has spaces or parentheses."""
    if any(c in url for c in " ()<>"):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def url_path(path: str) -> str:
    """A file path as a URL path, readable: only what a URL cannot hold as it is gets escaped.

    >>> url_path("../02.笔记/100% 完成#1.md"), url_path("01.用`git`提交.md")
    ('../02.笔记/100%25%20完成%231.md', '01.用%60git%60提交.md')
    """
    # A backtick would start a code span inside the link's Markdown (``[t](a`b`.md)``).
    return path.replace("%", "%25").replace(" ", "%20").replace("#", "%23").replace("?", "%3F").replace("`", "%60")


def _missing_image(label: str) -> str:
    return f"*（图片未导入：{markdown_text(label)}）*"


def _markdown_indent(indent: str) -> str:
    """Where a block at ``indent`` belongs for Python-Markdown, which nests by 4 spaces, not by CommonMark's content column.

    A container in a 2-space list item (``- a`` then ``  ::: tip``) is outside the list for
    Python-Markdown, and ``  !!! tip`` would be a paragraph: it goes to column 0 instead.

    >>> _markdown_indent("  "), _markdown_indent("      ")
    ('', '    ')
    """
    return " " * (len(indent) // 4 * 4)


def _trim(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _reindent(lines: list[str], old: str, new: str) -> list[str]:
    """Lines moved from indentation ``old`` to ``new`` (blank lines stay blank).

    >>> _reindent(["  a", "", "    b", "c"], "  ", "    ")
    ['    a', '', '      b', '    c']
    """
    out = []
    for line in lines:
        if not line.strip():
            out.append("")
        elif line.startswith(old):
            out.append(new + line[len(old) :])
        else:
            out.append(new + line.lstrip(" "))
    return out


def _dedent(lines: list[str]) -> list[str]:
    widths = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    cut = min(widths, default=0)
    return [line[cut:] for line in lines]


#: A backslash escape (or an escaped backslash, which the scan must step over as one).
_ESCAPE = re.compile(r"\\[\\<&]")
_ESCAPED_AS_ENTITY = {"\\<": "&lt;", "\\&": "&amp;"}


#: A footnote's definition (``[^1]: 文字``), and its mark in the text (``见[^1]``).
_FOOTNOTE_DEFINITION = re.compile(r" {0,3}\[\^([^\[\]\s]+)\]:[ \t]*(.*)")
_FOOTNOTE_MARK = re.compile(r"\[\^([^\[\]\s]+)\]")
_FOOTNOTE_TEXT_GOES_ON = re.compile(r"(?: {4}|\t)[ \t]*\S")


def _unmarked_footnotes_as_comments(lines: list[str], result: Conversion) -> list[str]:
    """Each footnote no mark in the text leads to (``[^_^]: (注释)``, a comment as some blogs write one) as a comment,
    its indented lines with it: markdown-it shows no such definition, with its footnote plugin or without, while
    Python-Markdown lists it as a footnote whose back link leads nowhere (the strict build refuses the page).
    Nothing in fences changes; the lines stay as many.

    >>> _unmarked_footnotes_as_comments(["见[^1]。", "", "[^1]: 出处", "[^_^]: (注释)", "    续行", "正文"], Conversion(""))
    ['见[^1]。', '', '[^1]: 出处', '[//]: # (注释 续行)', '', '正文']
    """
    if "[^" not in "".join(lines):
        return lines
    fenced = _inside_fences(lines)
    marked: set[str] = set()  # marked in the text, outside code spans
    marks_in: dict[str, set[str]] = {}  # a footnote's label → the labels its own text marks
    definitions: list[tuple[int, str]] = []  # (line, label)
    label = None  # the footnote whose text this line goes on (its indented lines after it)
    for k, line in enumerate(lines):
        if label is not None and (fenced[k] or not _FOOTNOTE_TEXT_GOES_ON.match(line)):
            label = None
        if fenced[k] or "[^" not in line:
            continue
        definition = _FOOTNOTE_DEFINITION.fullmatch(line)
        if definition:
            definitions.append((k, definition.group(1)))
            label = definition.group(1)
        text = mask_code_spans(line[definition.start(2) :] if definition else line)
        (marks_in.setdefault(label, set()) if label is not None else marked).update(mark.group(1) for mark in _FOOTNOTE_MARK.finditer(text))
    # A mark in a footnote's text counts only where that footnote is marked itself: one that becomes a comment marks
    # nothing, and the footnote it alone marked had a back link leading nowhere (the strict build refused the page).
    reached = list(marked)
    while reached:
        for other in marks_in.pop(reached.pop(), ()):
            if other not in marked:
                marked.add(other)
                reached.append(other)
    out = list(lines)
    for k, label in definitions:
        if label in marked:
            continue
        end = k + 1
        while end < len(lines) and not fenced[end] and _FOOTNOTE_TEXT_GOES_ON.match(lines[end]):
            end += 1
        words = " ".join([_FOOTNOTE_DEFINITION.fullmatch(lines[k]).group(2), *(line.strip() for line in lines[k + 1 : end])])
        out[k : end] = [f"[//]: # ({_as_comment_text(words)})"] + [""] * (end - k - 1)
        result.counts["footnotes nothing marks, as comments"] += 1
    return out


def _as_comment_text(text: str) -> str:
    """Text for the title of a comment written as a link definition, in parentheses: none of its own.

    >>> _as_comment_text("(Go)"), _as_comment_text("javascript:alert(1)")
    ('Go', 'javascript:alert1')
    """
    return text.strip().strip("()").replace("(", "").replace(")", "")


def _escapes_as_entities(text: str) -> str:
    r"""``\<`` and ``\&`` as entities: CommonMark (VuePress's markdown-it) escapes every ASCII punctuation mark,
    Python-Markdown not these two, so ``\<username>`` was a backslash and a tag (dropped), and ``\&amp;`` an
    entity. An escaped backslash stays as it is.

    >>> _escapes_as_entities(r"C:\User\ \<username> \<version\> a \&amp; b \\<b>")
    'C:\\User\\ &lt;username> &lt;version\\> a &amp;amp; b \\\\<b>'
    """
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: _ESCAPED_AS_ENTITY.get(m.group(0), m.group(0)), text)


def _outside_comments(line: str, convert: Callable[[str], str]) -> str:
    """``convert`` applied to the parts of ``line`` outside ``<!-- … -->`` (a comment is never published).

    >>> _outside_comments("a <!-- b --> c", str.upper)
    'A <!-- b --> C'
    """
    if "<!--" not in line:
        return convert(line)
    out, start = [], 0
    for match in _COMMENT.finditer(line):
        out += [convert(line[start : match.start()]), match.group(0)]
        start = match.end()
    out.append(convert(line[start:]))
    return "".join(out)
