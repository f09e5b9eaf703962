"""An essay's entries rendered as cards, in Markdown that Material understands.

Each entry becomes a heading (so it is its own section in the search index,
titled by its message, with the entry's stable anchor), a line with the
exception type and libraries, and one admonition per section; a long
traceback is collapsed, and a well-formed one is highlighted as a traceback.
Everything else in the essay is left as written.

Two steps: :func:`render_essay` writes the cards as Markdown (no raw HTML),
and :func:`finish_cards` puts each card in its container and adds its meta
line once the page is HTML.
"""

from __future__ import annotations

import html
import re
import textwrap

from .entries import SECTION_TITLES, ErrorEntry
from .fingerprint import short_type
from .markdown_lines import FENCE, ITEM_LINE, as_plain_markdown, heading_slug, heading_text, outside_code_spans, prose_lines

#: The paragraph that ends a card in the Markdown. A card carries no raw
#: HTML: one raw HTML block makes Python-Markdown run its HTML parser over the
#: whole page (and ``<div markdown>`` parses the card twice), so the container
#: and the meta line are added to the finished HTML by :func:`finish_cards`.
CARD_END = "errata-card-end"
_CARD_END_HTML = f"<p>{CARD_END}</p>"
#: Tracebacks longer than this many lines start collapsed.
COLLAPSE_AFTER_LINES = 12
_ADMONITION = {"details": "failure", "analysis": "abstract", "solution": "success", "references": "info"}
#: An opening fence that may hold a Python traceback: labelled Python, or not labelled.
#: Spaces are taken once (possessive): two runs of them side by side made a fence of 100,000 spaces quadratic.
_PYTHON_FENCE = re.compile(r"^(?P<indent>[ \t]*+)(?P<fence>`{3,}+|~{3,}+)[ \t]*+(?:(?:python3?|py3?)[ \t]*+)?$")
TRACEBACK_HEADER = "Traceback (most recent call last):"


def render_card(entry: ErrorEntry, level: int = 2) -> str:
    """The Markdown of one entry's card.

    >>> print(render_card(ErrorEntry("KeyError: 'bbox'", line=1, sections={"solution": "检查标注。"})))
    ## `KeyError: 'bbox'` { #keyerror-bbox-91469f .errata-entry-title }
    <BLANKLINE>
    !!! success "解决方案"
    <BLANKLINE>
        检查标注。
    <BLANKLINE>
    errata-card-end
    """
    parts = [f"{'#' * level} {code_span(entry.message)} {{ #{entry.anchor} .errata-entry-title }}"]
    for key, title in SECTION_TITLES.items():
        text = entry.sections.get(key)
        if not text:
            continue
        kind = _ADMONITION[key]
        marker = "!!!"
        if key == "details":
            marker = "???" if text.count("\n") + 1 > COLLAPSE_AFTER_LINES else "???+"
        parts.append(f'{marker} {kind} "{title}"\n\n' + textwrap.indent(traceback_lexer(text), "    "))
    parts.append(CARD_END)
    return "\n\n".join(parts)


def code_span(text: str) -> str:
    """A Markdown code span that holds ``text`` as it is, whatever backticks it holds.

    The span's backtick run is longer than any run inside, so nothing in the text can close it
    (a message holding a double backtick closed a double-backtick span, and raw HTML followed).

    >>> code_span("KeyError: 'a'"), code_span("a``b"), code_span("`x")
    ("`KeyError: 'a'`", '``` a``b ```', '`` `x ``')
    """
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    pad = " " if longest else ""
    return f"{'`' * (longest + 1)}{pad}{text}{pad}{'`' * (longest + 1)}"


def traceback_lexer(text: str) -> str:
    """Fenced Python tracebacks, as Python prints them, labelled ``pytb``.

    Pygments' traceback lexer marks the frames and the exception line, where
    the Python lexer colours every name alike; it is also three times quicker.
    A traceback whose frames lost their indentation (copied from a blog) stays
    Python: the traceback lexer would paint all of it as an error.

    >>> print(traceback_lexer('```python\\nTraceback (most recent call last):\\n  File "a.py", line 1, in <module>\\nKeyError: 1\\n```'))
    ```pytb
    Traceback (most recent call last):
      File "a.py", line 1, in <module>
    KeyError: 1
    ```
    """
    lines = text.split("\n")
    fence = None
    for i, line in enumerate(lines):
        marker = FENCE.match(line)
        if not marker:
            continue
        opening = fence is None
        token = marker.group(1)[0]
        fence = None if fence == token else (fence or token)
        python = _PYTHON_FENCE.match(line) if opening else None
        if python and i + 2 < len(lines):
            indent = python.group("indent")
            if lines[i + 1] == indent + TRACEBACK_HEADER and lines[i + 2].startswith(indent + '  File "'):
                lines[i] = f"{indent}{python.group('fence')}pytb"
    return "\n".join(lines)


def finish_cards(html: str, entries: list[ErrorEntry]) -> str:
    """The rendered page with each card in its container and its meta line under its heading.

    ``entries`` are those :func:`render_essay` made cards of, in order. A card
    whose heading is not in the page is left as it is, without its end marker.

    >>> page = '<h2 class="errata-entry-title" id="keyerror-bbox-91469f">KeyError</h2><p>x</p><p>errata-card-end</p><p>y</p>'
    >>> print(finish_cards(page, [ErrorEntry("KeyError: 'bbox'", line=1)]))
    <div class="errata-entry"><h2 class="errata-entry-title" id="keyerror-bbox-91469f">KeyError</h2>
    <p class="errata-meta"><span class="errata-type" title="异常类型">KeyError</span></p><p>x</p></div><p>y</p>
    """
    out: list[str] = []
    cursor = 0
    for entry in entries:
        if entry.heading_id:
            continue  # no card: its heading is the essay's own
        at = html.find(f' id="{entry.anchor}"', cursor)
        start = html.rfind("<h", cursor, at) if at >= 0 else -1
        heading_end = html.find(">", html.find("</h", at)) + 1 if start >= 0 else 0
        end = html.find(_CARD_END_HTML, heading_end) if heading_end else -1
        if end < 0:
            continue
        out += [html[cursor:start], '<div class="errata-entry">', html[start:heading_end], "\n", _meta_line(entry), html[heading_end:end], "</div>"]
        cursor = end + len(_CARD_END_HTML)
    out.append(html[cursor:])
    return "".join(part.replace(_CARD_END_HTML, "") if CARD_END in part else part for part in out)


def _meta_line(entry: ErrorEntry) -> str:
    chips = []
    kind = short_type(entry.exception_type)
    if kind:
        chips.append(f'<span class="errata-type" title="异常类型">{html.escape(kind)}</span>')
    for library in entry.libraries:
        chips.append(f'<span class="errata-lib" title="涉及的库">{html.escape(library)}</span>')
    return '<p class="errata-meta">' + " ".join(chips) + "</p>"


def render_essay(body: str, entries: list[ErrorEntry], first_line: int = 1) -> str:
    """The essay's Markdown with each entry replaced by its card.

    ``entries`` must come from :func:`errata.entries.find_entries` on the same
    body with the same ``first_line``.
    """
    cards = [entry for entry in entries if not entry.heading_id]  # an entry under the essay's own heading stays as written
    paragraphs = [entry for entry in entries if entry.id_after_line]  # a bold paragraph stays too, and gets the entry's id
    # The error the title names: the title is the page's heading (the theme shows it so where the page has none), with the id.
    titled = "".join(f"# {as_plain_markdown(entry.title_heading)} {{ #{entry.anchor} }}\n\n" for entry in entries[:1] if entry.title_heading)
    rows = [entry for entry in entries if entry.row_line]  # a table's row stays too, its first cell opened by the id
    if not cards and not paragraphs and not rows:
        return titled + body
    lines = body.split("\n")
    for entry in rows:
        # No attribute list reaches a table's row: an empty span with the id opens its first cell (after the row's pipe).
        at = entry.row_line - first_line
        opening = _ROW_OPENING.match(lines[at]).end()
        lines[at] = f'{lines[at][:opening]}<span id="{entry.anchor}"></span>{lines[at][opening:]}'
    for entry in paragraphs:
        # attr_list gives a paragraph the id on a line of its own right after it; kept inside one item, no line moves.
        # A blank line after it where the paragraph has none: a fence right under the paragraph (``报的错是：`` then
        # the log) is lifted out before attr_list reads the block, and the id line would be its text, shown.
        at = entry.id_after_line - first_line
        after = "" if at + 1 >= len(lines) or not lines[at + 1].strip(" \t") or _items_in_a_row(lines, at) else "\n"  # a no-break space is text to Markdown
        # An item in a quote (``> * 1.错误: …``) keeps its id in the quote, a paragraph in a container (an admonition's
        # four spaces) in the container: at the margin, the id line ends the container and is shown as text.
        prefix = _ID_LINE_PREFIX.match(lines[at])[0]
        lines[at] += f"\n{prefix}{{ #{entry.anchor} }}{after}"
    out: list[str] = []
    cursor = 0
    renamed: dict[str, str] = {}  # a heading's id as the essay wrote it → its card's anchor
    for entry in cards:
        start, end = entry.line - first_line, entry.end_line - first_line + 1
        out.extend(lines[cursor:start])
        heading = lines[start].lstrip()
        level = len(heading) - len(heading.lstrip("#")) if heading.startswith("#") else 2
        if (text := heading_text(heading)) and (slug := heading_slug(text)) != entry.anchor:
            renamed.setdefault(slug, entry.anchor)
        out.extend(["", render_card(entry, level), ""])
        cursor = end
    out.extend(lines[cursor:])
    return titled + _links_renamed("\n".join(out), renamed)


#: What opens a table's row before its first cell's text: indentation and the pipe, where the row writes one.
_ROW_OPENING = re.compile(r"[ \t]*\|?[ \t]*")
#: What an id line copies of the line it follows: quote markers and indentation (the item's marker not).
_ID_LINE_PREFIX = re.compile(r"[ \t>]*")


def _items_in_a_row(lines: list[str], at: int) -> bool:
    """Whether the line at ``at`` and the next start items of one list: a blank line between them would make the list
    loose (each item a paragraph) and, in a quote, end the quote.

    >>> _items_in_a_row(["> * 1.错误: a，解决: b", "> * 2.错误: c，解决: d"], 0), _items_in_a_row(["**报错：a**", "- 1"], 0)
    (True, False)
    """
    return ITEM_LINE.match(lines[at]) is not None and at + 1 < len(lines) and ITEM_LINE.match(lines[at + 1]) is not None


def _links_renamed(markdown: str, renamed: dict[str, str]) -> str:
    """The page's own links to a heading that became a card (its table of contents: ``[KeyError](#keyerror)``)
    led to an id the page no longer has, and the strict build failed on them: they lead to the card now.

    >>> _links_renamed("[见](#keyerror) [外](a.md#keyerror) [别](#other) `[码](#keyerror)`", {"keyerror": "keyerror-bbox-91469f"})
    '[见](#keyerror-bbox-91469f) [外](a.md#keyerror) [别](#other) `[码](#keyerror)`'
    >>> _links_renamed("```md\\n[码](#keyerror)\\n```", {"keyerror": "k-1"})
    '```md\\n[码](#keyerror)\\n```'
    """
    if not renamed or "](#" not in markdown:
        return markdown
    lines = markdown.split("\n")
    for index, line in prose_lines(markdown):
        if "](#" in line:
            lines[index] = outside_code_spans(line, lambda text: _SAME_PAGE_LINK.sub(lambda m: f"](#{renamed.get(m[1], m[1])})", text))
    return "\n".join(lines)


_SAME_PAGE_LINK = re.compile(r"\]\(#([^()\s]+)\)")
