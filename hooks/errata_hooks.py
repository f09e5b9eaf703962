"""MkDocs hooks: thin glue between MkDocs events and the ``errata`` package.

Every essay is parsed once per build (``Catalogue``, kept across ``mkdocs
serve`` rebuilds while files are unchanged); each event below is a few lines
that ask the model for Markdown, JSON or problems. Problems are logged as
warnings with file and line, so ``mkdocs build --strict`` fails on them.
"""

from __future__ import annotations

import logging
import re

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from errata.cards import finish_cards, render_essay
from errata.checks import check_mojibake, check_unsafe_html
from errata.entries import find_entries
from errata.metadata import display_name
from errata.safety import sanitize_html
from errata.site import Catalogue, unnumbered_dest, url_clashes

log = logging.getLogger("mkdocs.hooks.errata")

#: Top-level pages in the order the navigation shows them, before the essays.
FIRST_PAGES = ("index.md", "lookup.md", "errors.md", "tags.md", "categories.md", "archive.md")
_catalogue: Catalogue | None = None
_errors_tables: dict[str, str] = {}  # /errors/ tables by marker, made in on_files
_page_entries: dict[str, list] = {}  # the entries each page shows as cards, from Markdown to HTML


def on_config(config):
    global _catalogue
    _catalogue = Catalogue.shared(config.docs_dir).refresh()
    redirects = config.plugins.get("redirects")
    if redirects is not None:
        redirects.config["redirect_maps"].update(_catalogue.redirects())
    return config


def on_files(files: Files, config) -> Files:
    for file in files:
        file.dest_uri = unnumbered_dest(file.dest_uri, file.is_documentation_page())  # 01.a/05.x.md → a/x/
    for clash in url_clashes([(file.src_uri, file.dest_uri) for file in files]):
        log.warning(clash)  # --strict fails: one file would silently replace the other
    urls = {file.src_uri: file.url for file in files.documentation_pages()}
    url_of = urls.__getitem__
    global _errors_tables
    _errors_tables = _catalogue.errors_tables(url_of)
    generated = {
        "errors.md": _catalogue.errors_page(),
        "categories.md": _catalogue.categories_page(),
        "archive.md": _catalogue.archive_page(),
    }
    for name, content in generated.items():
        files.append(File.generated(config, name, content=content))
    files.append(File.generated(config, "errors.json", content=_catalogue.errors_json(url_of)))
    return files


def on_nav(nav: Navigation, config, files) -> Navigation:
    """Numbered folders give the order and lose their numbers; the site's own pages come first."""
    _tidy_sections(nav.items)
    first = {page: n for n, page in enumerate(FIRST_PAGES)}
    nav.items.sort(key=lambda item: first.get(getattr(getattr(item, "file", None), "src_uri", None), len(first)))
    # MkDocs linked previous/next pages before this event: link them again in the new order.
    nav.pages = list(_pages(nav.items))
    for before, page, after in zip([None, *nav.pages], nav.pages, [*nav.pages[1:], None]):
        page.previous_page, page.next_page = before, after
    return nav


def _pages(items):
    for item in items:
        if isinstance(item, Page):
            yield item
        if item.children:
            yield from _pages(item.children)


def _tidy_sections(items) -> None:
    items.sort(key=_order_key)
    for item in items:
        if isinstance(item, Section):
            item.title = display_name(item.title)
            _tidy_sections(item.children)


def _order_key(item) -> tuple:
    name = item.file.src_uri.rsplit("/", 1)[-1] if getattr(item, "file", None) else str(item.title)
    number = re.match(r"^(\d+)[.\-_ ]", name)
    return (0 if name == "index.md" else 1, int(number.group(1)) if number else 10**6, name)


def on_page_markdown(markdown: str, page, config, files) -> str:
    essay = _catalogue.essays.get(page.file.src_uri)
    if essay is None:
        return markdown  # a generated page
    for problem in essay.problems:
        log.warning(str(problem))
    for problem in check_mojibake(markdown, page.file.src_uri, essay.body_line) + check_unsafe_html(markdown, page.file.src_uri, essay.body_line):
        log.warning(str(problem))
    if essay.tags:
        page.meta["tags"] = essay.tags  # read by Material's tags plugin, which runs after this hook
    entries = essay.entries if markdown == essay.body else find_entries(markdown, essay.body_line)
    _page_entries[page.file.src_uri] = entries
    return render_essay(markdown, entries, essay.body_line)


@event_priority(-100)  # after every other plugin has had the page
def on_page_content(html: str, page, config, files) -> str:
    html = sanitize_html(html)  # before our own HTML goes in: it is escaped already
    if page.file.src_uri == "errors.md":
        for marker, table in _errors_tables.items():
            html = html.replace(marker, table)
    return finish_cards(html, _page_entries.pop(page.file.src_uri, []))
