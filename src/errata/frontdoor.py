"""The home page as the front door of the knowledge base, made from the catalogue.

A page that has the line ``<!-- errata:front-door -->`` gets, in its place, a
lookup box (a plain form that opens ``/lookup/?error=…``, so it works without
JavaScript), how many entries and essays there are, the latest entries, and
the most used tags and libraries. Nothing of it is written by hand: it follows
the essays. Every title, tag and message is contributed text, so every value
is HTML-escaped here, where the HTML is made.

Two steps, like the cards: :func:`mark_front_door` swaps the marker for a
placeholder paragraph before Markdown (a comment would not survive the
sanitiser), and :func:`fill_front_door` puts the HTML in once the page is
HTML; its container carries ``data-search-exclude``, so that search does not
send a reader to the home page for an entry's words.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable

from .entries import ErrorEntry

MARKER = "<!-- errata:front-door -->"
#: The lookup page's query parameter: the paste travels in it (the front door's form, a shared link), and
#: errata.js reads it (``LOOKUP_PARAM`` there). Not ``q``: that is Material's own, and a page opened with
#: ``?q=`` gets Material's search dialog over it, the whole paste for its query.
LOOKUP_PARAM = "error"
_PLACEHOLDER = "errata-front-door"
_PLACEHOLDER_HTML = f"<p>{_PLACEHOLDER}</p>"
#: How much the front door shows.
LATEST_ENTRIES = 8
TOP_TAGS = 12
TOP_LIBRARIES = 8


@dataclass(frozen=True)
class LatestEntry:
    message: str
    essay_title: str
    src_path: str  # the essay's docs path
    anchor: str
    date: str  # ISO 8601, as the essay's front matter has it ('' when undated)


@dataclass(frozen=True)
class FrontDoor:
    """What the front door says: counts, the latest entries, the most used tags and libraries."""

    entries: int
    essays: int  # essays with at least one entry
    latest: tuple[LatestEntry, ...]
    tags: tuple[tuple[str, int], ...]  # (tag, entries with it), most used first
    libraries: tuple[tuple[str, int], ...]


def front_door(essays: Iterable, latest: int = LATEST_ENTRIES, tags: int = TOP_TAGS, libraries: int = TOP_LIBRARIES) -> FrontDoor:
    """Count and rank the catalogue's essays (:class:`errata.site.Essay`) for the front door.

    >>> from errata.site import Essay
    >>> old = Essay("a.md", {"title": "旧", "date": "2021-01-01"}, "", 1, [ErrorEntry("KeyError: 'a'", 1)])
    >>> new = Essay("b.md", {"title": "新", "date": "2024-05-01", "tags": ["训练"]}, "", 1, [ErrorEntry("KeyError: 'b'", 1)])
    >>> door = front_door([old, new])
    >>> door.entries, door.essays, [e.message for e in door.latest], door.tags
    (2, 2, ["KeyError: 'b'", "KeyError: 'a'"], (('KeyError', 2), ('训练', 1)))
    """
    with_entries = [essay for essay in essays if essay.entries]
    newest = sorted(with_entries, key=lambda essay: essay.date, reverse=True)
    recent = [
        LatestEntry(entry.message, essay.title, essay.src_path, entry.anchor, essay.date)
        for essay in newest
        for entry in essay.entries
    ][:latest]
    tag_counts: Counter[str] = Counter()
    library_counts: Counter[str] = Counter()
    for essay in with_entries:
        for entry in essay.entries:
            tag_counts.update(essay.entry_tags(entry))
            library_counts.update(entry.libraries)
    return FrontDoor(
        entries=sum(len(essay.entries) for essay in with_entries),
        essays=len(with_entries),
        latest=tuple(recent),
        tags=tuple(_most_used(tag_counts, tags)),
        libraries=tuple(_most_used(library_counts, libraries)),
    )


def _most_used(counts: Counter[str], limit: int) -> list[tuple[str, int]]:
    # Ties in name order, so the page does not change from one build to the next.
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def mark_front_door(markdown: str) -> str:
    """The page's Markdown with each marker line swapped for the placeholder paragraph; other pages as they are.

    >>> mark_front_door("# 首页\\n<!-- errata:front-door -->\\n")
    '# 首页\\n\\nerrata-front-door\\n\\n'
    """
    if MARKER not in markdown:
        return markdown
    return "\n".join(f"\n{_PLACEHOLDER}\n" if line.strip() == MARKER else line for line in markdown.split("\n"))


def fill_front_door(page_html: str, make_door: Callable[[], str]) -> str:
    """The rendered page with the front door where the placeholder is; ``make_door`` is called only when it is there.

    >>> fill_front_door("<h1>首页</h1>\\n<p>errata-front-door</p>", lambda: "<section>…</section>")
    '<h1>首页</h1>\\n<section>…</section>'
    >>> fill_front_door("<p>x</p>", lambda: 1 / 0)
    '<p>x</p>'
    """
    if _PLACEHOLDER_HTML not in page_html:
        return page_html
    return page_html.replace(_PLACEHOLDER_HTML, make_door())


def render_front_door(door: FrontDoor, href: Callable[[str], str], tag_href: Callable[[str], str] | None = None, lookup_href: str | None = None) -> str:
    """The front door as HTML. ``href`` gives a docs path's link from the page; ``tag_href`` a tag's.

    >>> from errata.site import Essay
    >>> essay = Essay("a.md", {"title": "<script>x()</script>"}, "", 1, [ErrorEntry("KeyError: '<b>'", 1)])
    >>> page = render_front_door(front_door([essay]), href=lambda path: "a/")
    >>> "<script>" in page, "&lt;script&gt;x()&lt;/script&gt;" in page, "KeyError: &#x27;&lt;b&gt;&#x27;" in page
    (False, True, True)
    """
    e = html.escape
    # A <section>, and none inside: Material's search parser ends an exclusion at the first closing
    # tag of the same name, so an excluded <div> would stop at its first inner </div>.
    parts = ['<section class="errata-front-door" data-search-exclude>']
    if lookup_href is not None:
        parts += [
            f'<form class="errata-front-lookup" action="{e(lookup_href)}" method="get" role="search">',
            '<label for="errata-front-q">粘贴报错或整段 Traceback，直接找到条目：</label>',
            f'<textarea id="errata-front-q" name="{LOOKUP_PARAM}" rows="4" spellcheck="false" '
            'placeholder="RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB"></textarea>',
            '<button type="submit" class="md-button md-button--primary">查错</button>',
            "</form>",
        ]
    parts.append(
        f'<p class="errata-front-counts"><strong>{door.entries}</strong> 条报错，'
        f"来自 <strong>{door.essays}</strong> 篇文章。</p>"
    )
    if door.latest:
        # Headings without ids: Material's search would make each id a (hidden, empty) result.
        parts.append('<div class="errata-front-latest"><h2>最新条目</h2><ul>')
        for item in door.latest:
            link = f"{href(item.src_path)}#{item.anchor}"
            date = f'<span class="errata-front-date">{e(item.date[:10])}</span>' if item.date else ""
            parts.append(
                f'<li><a href="{e(link)}"><code>{e(item.message)}</code></a>'
                f'<span class="errata-front-essay">{e(item.essay_title)}</span>{date}</li>'
            )
        parts.append("</ul></div>")
    for title, items, kind in (("常见标签", door.tags, "errata-chip"), ("涉及最多的库", door.libraries, "errata-lib")):
        if not items:
            continue
        chips = []
        for name, count in items:
            label = f'{e(name)} <span class="errata-front-count">{count}</span>'
            chips.append(f'<a class="{kind}" href="{e(tag_href(name))}">{label}</a>' if tag_href else f'<span class="{kind}">{label}</span>')
        parts.append(f'<div class="errata-front-tags"><h2>{title}</h2><p>{" ".join(chips)}</p></div>')
    parts.append("</section>")
    return "\n".join(parts)
