"""An essay's entries rendered as cards, in Markdown that Material understands.

Each entry becomes a heading (so it is its own section in the search index,
titled by its message, with the entry's stable anchor), a line with the
exception type and libraries, and one admonition per section; a long
traceback is collapsed. Everything else in the essay is left as written.
"""

from __future__ import annotations

import html
import textwrap

from .entries import SECTION_TITLES, ErrorEntry
from .fingerprint import short_type

#: The card's container. Markdown inside a ``<div markdown>`` costs md_in_html
#: a second parse of every card, so the Markdown carries these comments and
#: :func:`close_cards` turns them into the ``<div>`` once the page is HTML.
CARD_OPEN = "<!-- errata-entry -->"
CARD_CLOSE = "<!-- /errata-entry -->"
#: Tracebacks longer than this many lines start collapsed.
COLLAPSE_AFTER_LINES = 12
_ADMONITION = {"details": "failure", "analysis": "abstract", "solution": "success", "references": "info"}


def render_card(entry: ErrorEntry, level: int = 2) -> str:
    """The Markdown of one entry's card.

    >>> print(render_card(ErrorEntry("KeyError: 'bbox'", line=1, sections={"solution": "检查标注。"})))
    <!-- errata-entry -->
    <BLANKLINE>
    ## `KeyError: 'bbox'` { #keyerror-bbox-91469f .errata-entry-title }
    <BLANKLINE>
    <p class="errata-meta"><span class="errata-type" title="异常类型">KeyError</span></p>
    <BLANKLINE>
    !!! success "解决方案"
    <BLANKLINE>
        检查标注。
    <BLANKLINE>
    <!-- /errata-entry -->
    """
    ticks = "``" if "`" in entry.message else "`"
    pad = " " if ticks == "``" else ""
    parts = [
        CARD_OPEN,
        f"{'#' * level} {ticks}{pad}{entry.message}{pad}{ticks} {{ #{entry.anchor} .errata-entry-title }}",
        _meta_line(entry),
    ]
    for key, title in SECTION_TITLES.items():
        text = entry.sections.get(key)
        if not text:
            continue
        kind = _ADMONITION[key]
        marker = "!!!"
        if key == "details":
            marker = "???" if text.count("\n") + 1 > COLLAPSE_AFTER_LINES else "???+"
        parts.append(f'{marker} {kind} "{title}"\n\n' + textwrap.indent(text, "    "))
    parts.append(CARD_CLOSE)
    return "\n\n".join(parts)


def close_cards(html: str) -> str:
    """The rendered page with each card's markers made its container.

    >>> close_cards("<!-- errata-entry --><h2>x</h2><!-- /errata-entry -->")
    '<div class="errata-entry"><h2>x</h2></div>'
    """
    return html.replace(CARD_OPEN, '<div class="errata-entry">').replace(CARD_CLOSE, "</div>")


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
    if not entries:
        return body
    lines = body.split("\n")
    out: list[str] = []
    cursor = 0
    for entry in entries:
        start, end = entry.line - first_line, entry.end_line - first_line + 1
        out.extend(lines[cursor:start])
        heading = lines[start].lstrip()
        level = len(heading) - len(heading.lstrip("#")) if heading.startswith("#") else 2
        out.extend(["", render_card(entry, level), ""])
        cursor = end
    out.extend(lines[cursor:])
    return "\n".join(out)
