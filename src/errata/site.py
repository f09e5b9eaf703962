"""The site's model: every essay read once, its entries, and the pages made from them.

Nothing here imports MkDocs: the hooks hand in paths and URLs, and get
Markdown and JSON back. :class:`Catalogue` keeps what it parsed by file
modification time, so a ``mkdocs serve`` rebuild re-reads only what changed.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote

from .checks import Problem, at_their_lines, check_entry_messages, check_front_matter_html, check_mkdocs_front_matter, first_heading, check_metadata, check_nesting, check_path_names, front_matter_lines
from .entries import ErrorEntry, find_entries
from .errors import EssayError
from .fingerprint import RULES, short_type
from .frontdoor import LOOKUP_PARAM
from .metadata import DEFAULT_TIMEZONE, display_name, normalise_date, split_front_matter, without_order_number
from .paths import GENERATED_FILES, generated_file_problem, not_utf8_problem, permalink_problems, redirect_from_problems, special_file_problem, symlinks_under, through_symlink

#: Pages the hooks generate; an essay of that name would be shadowed (the check and the build refuse one).
GENERATED_PAGES = tuple(name for name in GENERATED_FILES if name.endswith(".md"))
#: The site's own pages (home, lookup, indexes), in the order the navigation shows them, before the essays.
SITE_PAGES = ("index.md", "lookup.md", "errors.md", "tags.md", "categories.md", "archive.md")
#: What lunr multiplies a site page's scores by. A reader who searches wants an entry,
#: and these pages mention everything (the home page's examples, the lookup's help,
#: the indexes' lists), so they come after every entry that matches at all: their
#: text weighs next to nothing, their title still finds them ("查错" finds the lookup).
SITE_PAGE_SEARCH_BOOST = 0.0001


def unnumbered_dest(dest_uri: str, is_page: bool) -> str:
    """Where MkDocs writes a file, without order numbers: off every folder, off a page's own name, never off a file's.

    A page's name is its folder under directory URLs (``05.x/index.html``); an
    image keeps its name, or ``1.png`` and ``2.png`` would both become ``png``.

    >>> unnumbered_dest("01.a/05.x/index.html", True), unnumbered_dest("01.a/1.png", False)
    ('a/x/index.html', 'a/1.png')
    >>> unnumbered_dest("01.a/05.x.html", True)
    'a/x.html'
    >>> unnumbered_dest("01.mmdetection/05.mmdetection-errors.md", True), unnumbered_dest("00.目录页/10.md", True)
    ('mmdetection/mmdetection-errors.md', '目录页/10.md')
    """
    folder, _, name = dest_uri.rpartition("/")
    if is_page:
        stem, dot, extension = name.rpartition(".")
        name = _unnumbered(stem) + dot + extension if dot else name
    return "/".join([*(_unnumbered(part) for part in folder.split("/") if folder), name])


def _unnumbered(part: str) -> str:
    return without_order_number(part)


_ORDER_NUMBER = re.compile(r"^(\d+)[.\-_ ]")


def order_key(name: str) -> tuple:
    """Where a file or folder of the navigation comes among its siblings: an index page first, then by
    its order number as a number (``9.`` before ``80.`` before ``1110.``), then by name.

    >>> sorted(["1110.c", "80.b.md", "9.a.md", "index.md", "x.md"], key=order_key)
    ['index.md', '9.a.md', '80.b.md', '1110.c', 'x.md']
    """
    number = _ORDER_NUMBER.match(name)
    return (0 if name == "index.md" else 1, int(number.group(1)) if number else 10**6, name)


def path_order_key(path: str) -> tuple:
    """Where a page comes in a listing of a folder's pages: as the navigation orders each part of its path.

    >>> sorted(["1110.三级/00.四级.md", "80.八十.md", "9.九.md"], key=path_order_key)
    ['9.九.md', '80.八十.md', '1110.三级/00.四级.md']
    """
    return tuple(order_key(part) for part in path.split("/"))


def url_clashes(files: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(a source file to rename, the message) for each site path that more than one source file would be written to,
    and each file that would be written inside another's file (:func:`inside_files`).

    ``files`` holds (source path, destination path) pairs; the build must fail
    on a clash, or one file silently replaces the other.

    >>> url_clashes([("01.a/x.md", "a/x/index.html"), ("a/x.md", "a/x/index.html"), ("b.png", "b.png")])
    [('01.a/x.md', '01.a/x.md and a/x.md would both be published at a/x/index.html: rename one of them')]
    """
    by_dest: dict[str, list[str]] = defaultdict(list)
    for src, dest in files:
        by_dest[dest].append(src)
    return [
        (min(sources), f"{' and '.join(sorted(sources))} would both be published at {dest}: rename one of them")
        for dest, sources in by_dest.items()
        if len(sources) > 1
    ] + [
        (src, f"{src} would be published at {dest}, inside {by_dest[file][0]}'s file {file}: rename one of them")
        for src, dest, file in inside_files(files)
    ]


def inside_files(files: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(source, destination, the other file's destination) for each file that would be written inside another's file,
    a folder of that name: ``a/index.html.md`` is published at ``a/index.html/index.html``, where ``a/index.md`` is the
    file ``a/index.html``. The build ended in a traceback there (``File exists``), which the check did not foresee (round 28).
    One look-up for each folder of each path.

    >>> inside_files([("a/index.md", "a/index.html"), ("a/index.html.md", "a/index.html/index.html"), ("b.png", "b.png")])
    [('a/index.html.md', 'a/index.html/index.html', 'a/index.html')]
    """
    written = {dest for _, dest in files}
    found = []
    for src, dest in files:
        parts = dest.split("/")
        folder = next((f for f in ("/".join(parts[:end]) for end in range(1, len(parts))) if f in written), None)
        if folder is not None:
            found.append((src, dest, folder))
    return found


def search_settings(src_path: str, declared: Any) -> Any:
    """A page's ``search`` front matter: site pages are demoted below every entry, unless excluded.

    >>> search_settings("lookup.md", None), search_settings("errors.md", {"exclude": True})
    ({'boost': 0.0001}, {'exclude': True})
    >>> search_settings("02.pytorch/01.cuda.md", None) is None
    True
    """
    if src_path not in SITE_PAGES or (isinstance(declared, dict) and declared.get("exclude")):
        return declared
    return {**(declared if isinstance(declared, dict) else {}), "boost": SITE_PAGE_SEARCH_BOOST}


def index_marker(group: int | str) -> str:
    """Where a group's table goes in ``/errors/``: a paragraph of its own, which the sanitiser keeps.

    >>> index_marker(0)
    'errata-index-0'
    """
    return f"errata-index-{group}"


def marker_html(marker: str) -> str:
    """The marker as it reads in the rendered page, where the hooks replace it."""
    return f"<p>{marker}</p>"


#: The site's own widgets: each page's HTML is sanitised first (forms and inputs are
#: dropped), then these are put in where a page holds their placeholder.
WIDGETS = {
    '<div id="errata-lookup-form"></div>': (
        '<form id="errata-lookup" class="errata-lookup">\n'
        f'<textarea name="{LOOKUP_PARAM}" rows="10" spellcheck="false" placeholder="Traceback (most recent call last):&#10;  ...&#10;'
        'RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB"></textarea>\n'
        '<button type="submit" class="md-button md-button--primary">查找</button>\n'
        "</form>"
    ),
}


def put_widgets(page_html: str) -> str:
    """The sanitised page with the site's own widgets in their placeholders.

    >>> put_widgets('<p>a</p><div id="errata-lookup-form"></div>').count("<textarea")
    1
    """
    for placeholder, widget in WIDGETS.items():
        if placeholder in page_html:
            page_html = page_html.replace(placeholder, widget)
    return page_html


def footer_labels_escaped_once(page_html: str) -> str:
    """A built page whose previous and next links' ``aria-label`` name the pages as their titles read.

    The hooks escape every title the theme prints (it prints them as they are), and the theme's footer escapes the
    title again for its ``aria-label``: a screen reader read ``下一页: &lt;T&gt;`` out for a page titled ``<T>``. Each such
    label loses that one level, where it is two; one that is not stays as it is.

    >>> footer_labels_escaped_once('<footer class="md-footer"><a href="x/" class="md-footer__link md-footer__link--next" aria-label="下一页: Map&amp;lt;K&amp;gt; &amp;amp; &amp;quot;v&amp;quot;">')
    '<footer class="md-footer"><a href="x/" class="md-footer__link md-footer__link--next" aria-label="下一页: Map&lt;K&gt; &amp; &quot;v&quot;">'
    >>> footer_labels_escaped_once('<footer class="md-footer"><a class="md-footer__link" aria-label="下一页: a &lt;b">')   # escaped once only: kept
    '<footer class="md-footer"><a class="md-footer__link" aria-label="下一页: a &lt;b">'
    """
    # The theme's footer closes the page; no essay's content can hold its tag (the sanitiser drops the theme's classes).
    footer = page_html.rfind('<footer class="md-footer"')
    if footer == -1:
        return page_html
    out, at = [page_html[:footer]], footer
    while (link := page_html.find('class="md-footer__link', at)) != -1:
        tag_end = page_html.find(">", link)
        label = page_html.find('aria-label="', link, tag_end) if tag_end != -1 else -1
        start = label + len('aria-label="')
        end = page_html.find('"', start, tag_end) if label != -1 else -1
        if end == -1:
            out.append(page_html[at : link + 1])
            at = link + 1
            continue
        value = page_html[start:end]
        once = html.unescape(value)
        # Only where unescaping leaves a string escaped as the hooks escape (no raw ``<``, ``&`` or quote in it).
        shown = once if html.escape(html.unescape(once), quote=True) == once else value
        out.append(page_html[at:start] + shown)
        at = end
    out.append(page_html[at:])
    return "".join(out)


def page_url(src_path: str) -> str:
    """The site URL of a docs page (directory URLs), as MkDocs gives it after the hooks.

    >>> page_url("01.mmdetection/05.mmdetection-errors.md"), page_url("index.md"), page_url("a/index.md")
    ('mmdetection/mmdetection-errors/', '', 'a/')
    >>> page_url("01.guide/README.md")  # MkDocs takes a README.md as its folder's index
    'guide/'
    """
    folder, _, name = unnumbered_dest(src_path, True)[: -len(".md")].rpartition("/")
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{folder}/{name}/" if folder else f"{name}/"


def relative_url(target: str, base: str) -> str:
    """``target`` (a site URL) as seen from the page at ``base`` (directory URLs).

    >>> relative_url("mmdetection/errors/#a-1", "errors/")
    '../mmdetection/errors/#a-1'
    """
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path or ".", base or ".")
    rel = "" if rel == "." else rel
    if path.endswith("/") and rel and not rel.endswith("/"):
        rel += "/"
    return rel + (f"#{anchor}" if anchor else "")


@dataclass
class Essay:
    """One Markdown page of the docs, with its metadata and entries."""

    src_path: str  # relative to docs_dir, POSIX
    metadata: dict[str, Any]
    body: str
    body_line: int
    entries: list[ErrorEntry]
    problems: list[Problem] = field(default_factory=list)
    permalink_line: int = 1
    redirect_from_line: int = 1
    #: False when the front matter could not be read within the budget (or at all): MkDocs reads it
    #: without one, and what it read must not reach the theme (see :func:`errata.metadata.load_yaml`).
    front_matter_read: bool = True
    #: Whether MkDocs reads another front matter than the site does (:func:`errata.metadata.mkdocs_reads_other_front_matter`):
    #: the page is then built from what the site read.
    read_otherwise_by_mkdocs: bool = False
    #: Why the page's bytes cannot be published (:func:`errata.paths.not_utf8_problem`), read with the page: the build
    #: refuses the page by it without reading the file again.
    not_utf8: str = ""
    #: Structure the build refuses before Python-Markdown sees it (:func:`errata.checks.check_nesting`, its first
    #: problem), read with the page: the build asks it again only of Markdown other than the essay's body.
    too_deep: list[Problem] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The front matter's title, else the first heading (as MkDocs titles a page), else the file name."""
        return str(self.metadata.get("title") or first_heading(self.body) or display_name(self.src_path))

    @property
    def date(self) -> str:
        """The front matter's date in ISO 8601, as the archive and the indexes sort and cut it; '' when
        there is none or it is no date (which the essay's problems report).

        ``2021-3-5`` is a date the check accepts, and the archive read its month as ``3-``.

        >>> Essay("a.md", {"date": "2021-3-5"}, "", 1, []).date, Essay("a.md", {"date": "2021-ab"}, "", 1, []).date
        ('2021-03-05', '')
        """
        value = self.metadata.get("date")
        if not value:
            return ""
        try:
            return normalise_date(value, DEFAULT_TIMEZONE)
        except (ValueError, OverflowError, OSError):  # OverflowError, OSError: milliseconds past the platform's years
            return ""

    @property
    def declared_tags(self) -> list[str]:
        tags = self.metadata.get("tags")
        return [str(t) for t in tags if t] if isinstance(tags, list) else []

    @property
    def categories(self) -> list[str]:
        value = self.metadata.get("categories")
        return [str(c) for c in value if c] if isinstance(value, list) else []

    @property
    def tags(self) -> list[str]:
        """Declared tags, then the ones the entries show (exception types, libraries)."""
        return list(dict.fromkeys([*self.declared_tags, *(t for e in self.entries for t in e.derived_tags)]))

    def entry_tags(self, entry: ErrorEntry) -> list[str]:
        """One entry's tags: the essay's declared ones, then the entry's own."""
        return list(dict.fromkeys([*self.declared_tags, *entry.derived_tags]))


def read_essay(path: Path, src_path: str) -> Essay:
    """Parse one file. Bad front matter becomes a problem on the essay, not an exception."""
    data = path.read_bytes()
    # As MkDocs reads it: after a byte order mark, every line end a newline (as a file read as text has them).
    text = data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    not_utf8 = not_utf8_problem(data, src_path) or ""
    try:
        split = split_front_matter(text, src_path)
    except EssayError as exc:
        problem = Problem(src_path, exc.line or 1, "front-matter", exc.message)
        return Essay(src_path, {}, text, 1, [], [problem], front_matter_read=False, not_utf8=not_utf8, too_deep=check_nesting(text, src_path, 1))
    # An essay the build refuses for its structure is not read for entries either: the entry reader is linear on what
    # the limits let through, and nobody need find out how it does beyond them (two quadratic paths were found there).
    too_deep = check_nesting(split.body, src_path, split.body_line)
    entries = [] if too_deep else find_entries(split.body, split.body_line, split.metadata.get("title"))
    for entry in entries:
        entry.source_path = src_path
    problems = check_path_names(src_path) + check_entry_messages(entries, src_path)
    if split.block:
        lines = front_matter_lines(split.block)
        problems += at_their_lines(check_metadata(split.metadata, src_path), lines) + check_front_matter_html(split.metadata, src_path, lines)
    read_otherwise = check_mkdocs_front_matter(text, split.block, src_path)
    essay = Essay(
        src_path, split.metadata, split.body, split.body_line, entries, problems + read_otherwise, read_otherwise_by_mkdocs=bool(read_otherwise), not_utf8=not_utf8,
        too_deep=too_deep,
    )
    essay.permalink_line = lines.get(("permalink",), 1) if split.block else 1
    essay.redirect_from_line = lines.get(("redirect_from",), 1) if split.block else 1
    return essay


class Catalogue:
    """Every essay under a docs folder, parsed once and kept while unchanged."""

    _shared: dict[Path, "Catalogue"] = {}

    @classmethod
    def shared(cls, docs_dir: Path) -> "Catalogue":
        """One catalogue per docs folder and process.

        ``mkdocs serve`` executes the hooks file afresh on every rebuild, so a
        cache kept there would be lost; kept here, a rebuild re-reads only the
        essays whose files changed.
        """
        key = Path(docs_dir).resolve()
        if key not in cls._shared:
            cls._shared[key] = cls(key)
        return cls._shared[key]

    def __init__(self, docs_dir: Path):
        self.docs_dir = Path(docs_dir)
        self._cache: dict[str, tuple[float, Essay]] = {}
        self.essays: dict[str, Essay] = {}
        self.problems: list[Problem] = []
        self._spellings: dict[str, str] | None = None  # each tag's spelling on the site, made once a reading

    def refresh(self) -> "Catalogue":
        """Read what changed; site-wide problems (links, shadowed files, permalinks) go to :attr:`problems`."""
        essays = {}
        self.problems = [
            Problem(link, 1, "path", "symbolic link: docs/ takes real files only (it would publish its target)")
            for link in symlinks_under(self.docs_dir)
        ]
        for path in sorted(self.docs_dir.rglob("*.md")):
            src = path.relative_to(self.docs_dir).as_posix()
            if generated_file_problem(src):
                self.problems.append(Problem(src, 1, "path", generated_file_problem(src)))
                continue
            if through_symlink(path, self.docs_dir):
                continue
            if path.is_dir():  # a folder named like a page (notes.md/): its pages are found by themselves
                continue
            if special := special_file_problem(path):  # a FIFO: reading it would wait for ever
                self.problems.append(Problem(src, 1, "path", special))
                continue
            mtime = path.stat().st_mtime
            cached = self._cache.get(src)
            if not cached or cached[0] != mtime:
                cached = (mtime, read_essay(path, src))
                self._cache[src] = cached
            essays[src] = cached[1]
        self.essays = essays
        self._spellings = None
        return self

    def entries(self) -> list[ErrorEntry]:
        return [entry for essay in self.essays.values() for entry in essay.entries]

    def tags_as_shown(self, tags: list[str]) -> list[str]:
        """An essay's tags as the site shows them: tags that differ only in letter case (``git``, ``Git``) are one,
        spelt as most essays spell it (the first in code-point order where as many do each). Material's tags page
        gave both the one id ``tag:git``, and the second could not be reached.

        >>> catalogue = Catalogue(Path("."))
        >>> catalogue.essays = {f"{n}.md": Essay(f"{n}.md", {"tags": [t]}, "", 1, []) for n, t in enumerate(["git", "Git", "git", "Docker"])}
        >>> catalogue.tags_as_shown(["Git", "docker", "GIT"])
        ['git', 'Docker']
        """
        if self._spellings is None:
            self._spellings = self._tag_spellings()
        return list(dict.fromkeys(self._spellings.get(tag.casefold(), tag) for tag in tags))

    def _tag_spellings(self) -> dict[str, str]:
        counts = Counter(tag for essay in self.essays.values() for tag in essay.tags)
        ranked = sorted(counts, key=lambda tag: (-counts[tag], tag))
        spelling: dict[str, str] = {}
        for tag in ranked:
            spelling.setdefault(tag.casefold(), tag)
        return spelling

    def redirects(self) -> dict[str, str]:
        """Old vdoing permalinks (``/pages/7c1c52/``), then the old addresses a page lists under ``redirect_from``
        (an imported VuePress page's ``/笔记/安装.html``) → the essay's source path; invalid ones go to :attr:`problems`."""
        permalinks = {src: (e.metadata["permalink"], e.permalink_line) for src, e in self.essays.items() if e.metadata.get("permalink")}
        pages = {page_url(src): src for src in [*self.essays, *GENERATED_PAGES]}
        static = self.static_files()
        valid, problems = permalink_problems(permalinks, pages, static)
        listed = {src: (e.metadata["redirect_from"], e.redirect_from_line) for src, e in self.essays.items() if e.metadata.get("redirect_from")}
        old, more = redirect_from_problems(listed, pages, static, {path: src for src, path in valid.items()})
        self.problems += [Problem(p.src_path, p.line, "permalink", p.message) for p in problems + more]
        return {f"{path}.md": src for src, path in valid.items()} | {f"{path}.md": src for path, src in old.items()}

    def static_files(self) -> set[str]:
        """The site paths of the docs' other files (images, the site's scripts and styles)."""
        found = set()
        for folder, _, files in os.walk(self.docs_dir):
            for name in files:
                if not name.endswith(".md"):
                    found.add(unnumbered_dest(Path(folder, name).relative_to(self.docs_dir).as_posix(), False))
        return found

    # -- generated data and pages ------------------------------------------

    def errors_json(self, url_of: Callable[[str], str] = None) -> str:
        """``errors.json``: every entry for the lookup and for other tools, with the fingerprint rules."""
        # The fingerprint rules travel with the entries, so that the page's
        # JavaScript compiles exactly the patterns the Python side used.
        return json.dumps({"version": 1, "rules": RULES, "entries": self.records(url_of)}, ensure_ascii=False, separators=(",", ":"))

    def records(self, url_of: Callable[[str], str] | None = None) -> list[dict]:
        """Every entry: message, type, tags, URL (from the site root), fingerprint, essay, date."""
        url_of = url_of or page_url
        records = []
        for essay in self.essays.values():
            for entry in essay.entries:
                records.append(
                    {
                        "message": entry.message,
                        "type": entry.exception_type,
                        "tags": essay.entry_tags(entry),
                        "url": f"{url_of(essay.src_path)}#{entry.anchor}",
                        "fingerprint": entry.fingerprint,
                        "essay": essay.title,
                        "date": essay.date,
                    }
                )
        return records

    def _entries_by_library(self) -> tuple[dict[str, list[tuple[Essay, ErrorEntry]]], list[str]]:
        groups: dict[str, list[tuple[Essay, ErrorEntry]]] = defaultdict(list)
        all_tags: dict[str, None] = {}
        for essay in self.essays.values():
            for entry in essay.entries:
                groups[entry.libraries[0] if entry.libraries else "其他"].append((essay, entry))
                all_tags.update(dict.fromkeys(essay.entry_tags(entry)))
        ordered = {g: groups[g] for g in sorted(groups, key=lambda g: (g == "其他", g.lower()))}
        return ordered, list(all_tags)

    def errors_page(self) -> str:
        """``/errors/`` as Markdown: every entry, grouped by library, filterable by tag.

        Each group's table is a marker here (:func:`index_marker`): thousands
        of rows are HTML already, and passing them through the Markdown parser
        would cost more than the rest of the page. :meth:`errors_tables`
        gives the HTML that replaces each marker in the rendered page.
        """
        groups, _ = self._entries_by_library()
        count = sum(len(v) for v in groups.values())
        lines = [
            "---",
            "title: 错误索引",
            "search:",
            "  exclude: true",
            "hide:",
            "  - toc",
            "---",
            "# 错误索引",
            "",
            f"共 {count} 条错误，来自 {sum(1 for e in self.essays.values() if e.entries)} 篇文章。按标签或库筛选"
            + ("；手里有完整的报错？到 [查错](lookup.md) 页面粘贴它。" if "lookup.md" in self.essays else "。"),
            "",
            index_marker("filter"),
            "",
        ]
        for n, group in enumerate(groups):
            lines += [f"## {group}", "", index_marker(n), ""]
        return "\n".join(lines)

    def errors_tables(self, url_of: Callable[[str], str], page_url: str = "errors/") -> dict[str, str]:
        """The HTML of ``/errors/`` by its marker: the tag filter, then each group's table.

        These go in after the page is sanitised (the filter is an input and buttons, which the
        sanitiser drops from contributed HTML); every value in them is escaped here.
        """
        groups, all_tags = self._entries_by_library()
        tables = {
            marker_html(index_marker("filter")): "\n".join(
                [
                    '<div class="errata-filter">',
                    '<input type="search" class="errata-filter-input" placeholder="筛选错误信息…" aria-label="筛选错误信息">',
                    '<div class="errata-filter-tags">'
                    + "".join(f'<button type="button" class="errata-chip" data-tag="{html.escape(t)}">{html.escape(t)}</button>' for t in all_tags)
                    + "</div>",
                    "</div>",
                ]
            )
        }
        essay_hrefs: dict[str, str] = {}  # an essay's rows share its link (relpath is slow, and an essay has many rows)
        for n, rows in enumerate(groups.values()):
            parts = ['<table class="errata-index">', "<thead><tr><th>错误信息</th><th>类型</th><th>文章</th><th>标签</th><th>日期</th></tr></thead>", "<tbody>"]
            for essay, entry in rows:
                tags = essay.entry_tags(entry)
                essay_href = essay_hrefs.get(essay.src_path)
                if essay_href is None:
                    essay_href = essay_hrefs[essay.src_path] = html.escape(relative_url(url_of(essay.src_path), page_url))
                chips = " ".join(f'<span class="errata-chip">{html.escape(t)}</span>' for t in tags)
                parts.append(
                    f'<tr data-tags="{html.escape("|".join(tags))}">'
                    f'<td><a href="{essay_href}#{html.escape(entry.anchor)}"><code>{html.escape(entry.message)}</code></a></td>'
                    f"<td>{html.escape(short_type(entry.exception_type) or '')}</td>"
                    f'<td><a href="{essay_href}">{html.escape(essay.title)}</a></td>'
                    f"<td>{chips}</td>"
                    f"<td>{html.escape(essay.date[:10])}</td></tr>"
                )
            parts += ["</tbody>", "</table>"]
            tables[marker_html(index_marker(n))] = "\n".join(parts)
        return tables

    def categories_page(self) -> str:
        """``/categories/``: essays by category, as the vdoing blog had."""
        by_category: dict[str, list[Essay]] = defaultdict(list)
        for essay in self.essays.values():
            for category in essay.categories:
                by_category[category].append(essay)
        lines = ["---", "title: 分类", "---", "# 分类", ""]
        if not by_category:
            lines.append("还没有分类。")
        for category in sorted(by_category, key=str.lower):
            lines += [f"## {markdown_text(category)}", ""]
            lines += [f"- [{markdown_text(essay.title)}]({quote(essay.src_path)})" for essay in _newest_first(by_category[category])]
            lines.append("")
        return "\n".join(lines)

    def archive_page(self) -> str:
        """``/archive/``: essays by month, newest first; a page whose front matter says ``article: false``
        (vdoing's: an about page, a friends list) is no essay of the archive, as on the blog."""
        by_month: dict[str, list[Essay]] = defaultdict(list)
        for essay in self.essays.values():
            if essay.date and essay.metadata.get("article") is not False:
                by_month[essay.date[:7]].append(essay)
        lines = ["---", "title: 归档", "---", "# 归档", ""]
        for month in sorted(by_month, reverse=True):
            year, _, number = month.partition("-")
            lines += [f"## {year} 年 {int(number)} 月" if number else f"## {year}", ""]
            lines += [f"- {markdown_text(essay.date[:10])} [{markdown_text(essay.title)}]({quote(essay.src_path)})" for essay in _newest_first(by_month[month])]
            lines.append("")
        return "\n".join(lines)


def markdown_text(text: str) -> str:
    r"""Text put into generated Markdown so that it shows as written: HTML escaped, Markdown's marks backslashed.

    >>> markdown_text("a<b> [x]*y*")
    'a&lt;b&gt; \\[x\\]\\*y\\*'

    On one line: a title of the front matter may hold line breaks (``"t\n===\n\n- x"``), which ended the archive's
    and the categories' list item and made the rest a heading and a list of their own (a red-team audit).

    >>> markdown_text("t\n===\r\n\n- x")
    't === - x'

    A run of blanks is one space, as the page shows it: a category's heading of 60,000 spaces (or 15,000 tabs, four columns
    each to Python-Markdown) took its attribute lists' pattern, tried from each one, 3.5 s a category (red team round 31).

    >>> markdown_text("a \t  b")
    'a b'
    """
    return _MARKDOWN_MARKS.sub(r"\\\1", html.escape(_BLANK_RUN.sub(" ", _LINE_BREAKS.sub(" ", text)), quote=False))


#: A line break with the blanks around it. A match starts at a run of blanks' first, never inside one: tried from each
#: blank of a run no line break ends, it ran to the run's end every time (a title of 60,000 spaces between two words:
#: a build of 30 s; red team round 31).
_LINE_BREAKS = re.compile(r"(?<![ \t])[ \t]*(?:\r\n?|[\n\v\f\x1c-\x1e\x85\u2028\u2029])\s*")


#: Blanks side by side (two or more): one space on the page.
_BLANK_RUN = re.compile(r"[ \t]{2,}")


_MARKDOWN_MARKS = re.compile(r"([\\`*_\[\]{}#!|<>])")


def _newest_first(essays: list[Essay]) -> list[Essay]:
    return sorted(essays, key=lambda e: e.date, reverse=True)
