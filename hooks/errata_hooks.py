"""MkDocs hooks: thin glue between MkDocs events and the ``errata`` package.

Every essay is parsed once per build (``Catalogue``, kept across ``mkdocs
serve`` rebuilds while files are unchanged); each event below is a few lines
that ask the model for Markdown, JSON or problems. Problems are logged as
warnings with file and line, so ``mkdocs build --strict`` fails on them.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from errata.cards import finish_cards, render_essay
from errata.checks import check_mojibake, check_nesting, check_unsafe_html, printable_name, quote, show_log_escapes
from errata.csp import FORMAT_SLOT, TemplateScripts, protect_page
from errata.entries import find_entries
from errata.files import atomic_write
from errata.frontdoor import fill_front_door, front_door, mark_front_door, render_front_door
from errata.metadata import display_name
from errata.paths import OWN_STATIC_FILES, THEME_KEYS, generated_file_problem, name_problem, special_file_problem, static_file_problem, theme_value_problem, through_symlink
from errata.phases import PhaseClock
from errata.safety import duplicate_ids, escape_text, missing_ids, escape_values, quote_url, sanitize_html, sanitize_toc, site_setting_problems
from errata.search_text import quiet_jieba, segment_chinese
from errata.site import SITE_PAGES, Catalogue, footer_labels_escaped_once, inside_files, order_key, put_widgets, relative_url, search_settings, unnumbered_dest, url_clashes

log = logging.getLogger("mkdocs.hooks.errata")
quiet_jieba()  # Material's search imports jieba, which would announce its dictionary on every build
#: CPU time per phase, for the benchmark (``ERRATA_PHASES=file``); a no-op otherwise.
clock = PhaseClock.from_environment()

_catalogue: Catalogue | None = None
_errors_tables: dict[str, str] = {}  # /errors/ tables by marker, made in on_files
_page_entries: dict[str, list] = {}  # the entries each page shows as cards, from Markdown to HTML
_urls: dict[str, str] = {}  # every page's URL by its docs path, made in on_files
_front_door = None  # what the home page's front door shows, made in on_files
_theme_scripts = TemplateScripts([])  # the inline scripts of the theme's templates, read in on_config
_live_reload = False  # under mkdocs serve, which puts an inline script into every page it serves


def on_startup(command, dirty):
    global _live_reload
    _live_reload = command == "serve"
    show_log_escapes(logging.getLogger("mkdocs"))  # MkDocs's warnings quote essays: their escapes are shown, not obeyed


def on_config(config):
    global _catalogue, _theme_scripts
    for key, problem, value in site_setting_problems(config):  # built safe even without --strict
        log.warning(f"mkdocs.yml: {key} {problem} [config]")
        config[key] = value or None
    with clock.phase("content security policy"):
        _theme_scripts = TemplateScripts.from_folders(config.theme.dirs)  # overrides/ too: trusted, reviewed code
    with clock.phase("catalogue: read every essay"):
        _catalogue = Catalogue.shared(config.docs_dir).refresh()
    redirects = config.plugins.get("redirects")
    if redirects is not None:
        redirects.config["redirect_maps"].update(_catalogue.redirects())
        _time_event(config.plugins, redirects, "post_build", "redirects: one page per permalink")
    _segment_search_text_once()
    return config


def _time_event(plugins, plugin, event: str, phase: str) -> None:
    """Time another plugin's event handler as a phase (MkDocs keeps the bound methods it registered)."""
    handlers = plugins.events[event]
    for n, handler in enumerate(handlers):
        if getattr(handler, "__self__", None) is plugin:
            handlers[n] = clock.wrap(phase, handler)


def _segment_search_text_once() -> None:
    """Material's search asks jieba for every Han run of every section; ours asks once per distinct run."""
    try:
        from material.plugins.search.plugin import SearchIndex
    except ImportError:  # another theme: nothing to speed up
        return
    if hasattr(SearchIndex, "_segment_chinese"):
        SearchIndex._segment_chinese = clock.wrap("search: jieba segmentation", lambda self, data: segment_chinese(data))
    if clock.enabled:  # load jieba's dictionary apart, which plain Material does too, so that it is not counted as segmentation
        import jieba

        with clock.phase("search: jieba loads its dictionary (plain Material too)"):
            jieba.initialize()


def on_files(files: Files, config) -> Files:
    for problem in _catalogue.problems:  # symlinks, shadowed generated files, bad permalinks
        log.warning(str(problem))
    own = OWN_STATIC_FILES | {str(path) for path in [*config.extra_css, *config.extra_javascript]}
    for file in list(files):
        refused = _refused(file, config.docs_dir, own)
        if refused:
            if not any(p.path == file.src_uri for p in _catalogue.problems):
                log.warning(f"{printable_name(file.src_uri)}:1: {refused} [path]")
            files.remove(file)  # not published, even without --strict
            _restore_theme_file(files, file.src_uri, config)
    for file in files:
        file.dest_uri = unnumbered_dest(file.dest_uri, file.is_documentation_page())  # 01.a/05.x.md → a/x/
    for _, clash in url_clashes([(file.src_uri, file.dest_uri) for file in files]):
        log.warning(clash)  # --strict fails: one file would silently replace the other
    nested = {src for src, _, _ in inside_files([(file.src_uri, file.dest_uri) for file in files])}
    for file in [file for file in files if file.src_uri in nested]:
        files.remove(file)  # not published, even without --strict: writing it ended the build in a traceback
    urls = {file.src_uri: file.url for file in files.documentation_pages()}
    url_of = urls.__getitem__
    global _errors_tables, _front_door
    with clock.phase("generated pages and errors.json"):
        _errors_tables = _catalogue.errors_tables(url_of)
        _urls.clear()
        _urls.update(urls)
        _front_door = front_door(_catalogue.essays.values())
        generated = {
            "errors.md": _catalogue.errors_page(),
            "categories.md": _catalogue.categories_page(),
            "archive.md": _catalogue.archive_page(),
        }
        for name, content in generated.items():
            files.append(File.generated(config, name, content=content))
        files.append(File.generated(config, "errors.json", content=_catalogue.errors_json(url_of)))
    return files


def _refused(file: File, docs_dir: str, own: set[str]) -> str | None:
    """Why a docs file must not be published: a link, a name the build generates, an active static file."""
    if file.abs_src_path is None or file.generated_by or not _inside(file.abs_src_path, docs_dir):
        return None  # the theme's own files
    if bad_name := name_problem(file.src_uri):  # before anything makes a URL of it
        return bad_name
    if through_symlink(file.abs_src_path, docs_dir):
        return "symbolic link: docs/ takes real files only (it would publish its target)"
    if special := special_file_problem(file.abs_src_path):  # MkDocs would read or copy it, and wait for ever
        return special
    if file.is_documentation_page() and file.src_uri.endswith(".md"):
        essay = _catalogue.essays.get(file.src_uri)
        return generated_file_problem(file.src_uri) or (essay.not_utf8 if essay else None)
    return generated_file_problem(file.src_uri) or static_file_problem(file.src_uri, own)


def _restore_theme_file(files: Files, src_uri: str, config) -> None:
    """Put back the theme's file that a refused docs file had replaced (MkDocs let the docs file win)."""
    for folder in config.theme.dirs:
        if os.path.isfile(os.path.join(folder, src_uri)):
            files.append(File(src_uri, folder, config.site_dir, config.use_directory_urls))
            return


def _inside(path: str, folder: str) -> bool:
    # Not errata.files.is_inside, which resolves links: a link under docs/ must count as inside,
    # so that through_symlink refuses it instead of the theme's branch letting it through.
    return os.path.commonpath([os.path.abspath(path), os.path.abspath(folder)]) == os.path.abspath(folder)


def on_nav(nav: Navigation, config, files) -> Navigation:
    """Numbered folders give the order and lose their numbers; the site's own pages come first."""
    _tidy_sections(nav.items)
    first = {page: n for n, page in enumerate(SITE_PAGES)}
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
            item.title = escape_text(display_name(item.title))  # folder names are printed unescaped by the theme
            _tidy_sections(item.children)


def _order_key(item) -> tuple:
    return order_key(item.file.src_uri.rsplit("/", 1)[-1] if getattr(item, "file", None) else str(item.title))


def on_page_markdown(markdown: str, page, config, files) -> str:
    essay = _catalogue.essays.get(page.file.src_uri)
    if essay is not None and not essay.front_matter_read:
        # MkDocs read the block without a budget (a billion laughs, nesting 990 deep) where the
        # catalogue refused it: the theme would print it, the search index hold it. Reported with the essay.
        page.meta = {}
    elif essay is not None and essay.read_otherwise_by_mkdocs:
        # MkDocs took other lines for the front matter (``key: value`` lines without ``---``, or the block
        # after an empty one) than the checks read: the page is what the site read. Reported with the essay.
        page.meta, markdown = dict(essay.metadata), essay.body
    if essay is not None and markdown != essay.body and essay.body.lstrip("\n") == markdown:
        # MkDocs takes the blank lines after the front matter off; the checks count lines from the essay's body, and the
        # build log named the line above each problem (the check the right one; a red-team audit).
        markdown = essay.body
    for key in THEME_KEYS:  # reported with the essay's problems; the theme would end the build in a traceback on it
        if key in page.meta and theme_value_problem(key, page.meta[key]):
            del page.meta[key]
    search = search_settings(page.file.src_uri, page.meta.get("search"))
    if search is not None:
        page.meta["search"] = search  # read by Material's search plugin when it indexes the page
    if page.edit_url:  # joined by MkDocs from the file's path as is, and printed unescaped: a '"' in a name ended the href
        page.edit_url = quote_url(page.edit_url)
    if page.file.src_uri in SITE_PAGES:  # the site's own pages hold its widgets; an essay naming them gets none
        markdown = mark_front_door(markdown)
    if essay is None:
        return markdown  # a generated page
    for problem in essay.problems:
        log.warning(str(problem))
    too_deep = essay.too_deep if markdown == essay.body else check_nesting(markdown, page.file.src_uri, essay.body_line)
    if too_deep:  # refused before Python-Markdown spends minutes on it
        log.warning(str(too_deep[0]))
        markdown = f"此页未能生成：第 {too_deep[0].line} 行起的内容嵌套过深或过多，构建日志里写明了原因。"
    with clock.phase("checks: mojibake and unsafe HTML"):
        problems = check_mojibake(markdown, page.file.src_uri, essay.body_line) + check_unsafe_html(markdown, page.file.src_uri, essay.body_line)
    for problem in problems:
        log.warning(str(problem))
    # The theme prints front-matter values and titles without escaping (title, description,
    # subtitle, status, tags, in the head, the header and the navigation of every page).
    page.meta = escape_values(page.meta)
    page.meta["title"] = escape_text(essay.title)
    page.meta["tags"] = [escape_text(tag) for tag in _catalogue.tags_as_shown(essay.tags)]  # read by Material's tags plugin, after this hook
    with clock.phase("cards: Markdown"):
        entries = essay.entries if markdown == essay.body else find_entries(markdown, essay.body_line, essay.metadata.get("title"))
        _page_entries[page.file.src_uri] = entries
        return render_essay(markdown, entries, essay.body_line)


@event_priority(-100)  # after every other plugin has had the page
def on_page_content(html: str, page, config, files) -> str:
    with clock.phase("sanitiser"):
        html = sanitize_html(html)  # before our own HTML goes in: it is escaped already
        sanitize_toc(page.toc)  # the sidebar's titles are the headings' HTML, printed unescaped outside the content
    entries = _page_entries.pop(page.file.src_uri, [])
    for repeated in duplicate_ids(html):
        line = next((e.line for e in entries if e.anchor == repeated), 1)
        log.warning(f"{page.file.src_uri}:{line}: the id {quote(repeated)} appears twice on the page (an entry repeated, or a heading id equal to an entry's anchor) [duplicate-id]")
    if page.file.src_uri in SITE_PAGES:  # a contributor's essay that writes a placeholder gets no form nor front door
        with clock.phase("front door"):
            html = put_widgets(fill_front_door(html, lambda: _front_door_html(page, config)))
    if page.file.src_uri == "errors.md":
        with clock.phase("tables: /errors/"):
            for marker, table in _errors_tables.items():
                html = html.replace(marker, table)
    with clock.phase("cards: HTML"):
        html = finish_cards(html, entries)
    # The errors index and the lookup link each entry to its anchor: one the page lacks would lead nowhere (a heading
    # slugged otherwise than the table of contents does, an id line the page shows as text).
    for anchor in missing_ids(html, [entry.anchor for entry in entries]):
        line = next(entry.line for entry in entries if entry.anchor == anchor)
        log.warning(f"{page.file.src_uri}:{line}: the entry's link leads nowhere: the page has no id {quote(anchor)} (write the error's heading once, as plain text) [entry-anchor]")
    return html


def _front_door_html(page, config) -> str:
    def href(src_path: str) -> str:
        return relative_url(_urls[src_path], page.url)

    tags = config.plugins.get("material/tags")
    tag_href = None
    if tags is not None and "tags.md" in _urls:  # the tags page lists each tag under Material's own anchor
        options = tags.config
        tag_href = lambda tag: href("tags.md") + "#" + options.tags_slugify_format.format(slug=options.tags_slugify(tag, options.tags_slugify_separator))
    lookup = href("lookup.md") if "lookup.md" in _urls else None
    return render_front_door(_front_door, href, tag_href, lookup)


@event_priority(-100)  # after every other plugin has had the page: what it adds is in the hashes or refused
def on_post_page(output: str, page, config) -> str:
    return _protected(footer_labels_escaped_once(output), page.file.src_uri, _theme_scripts)


def on_post_template(output: str, template_name: str, config) -> str:
    if not template_name.endswith(".html"):  # sitemap.xml
        return output
    return _protected(output, template_name, _theme_scripts)  # 404.html


def _protected(output: str, where: str, templates: TemplateScripts) -> str:
    """A built page with its Content-Security-Policy; an inline script that gets no hash is reported."""
    with clock.phase("content security policy"):
        protected = protect_page(output, templates, _live_reload)
    for script in protected.refused:
        place = "in the page's content (past the sanitiser)" if script.in_content else "outside the content that none of the theme's templates writes"
        log.warning(f"{where}:1: an inline script {place}: the page's Content-Security-Policy does not allow it: {quote(script.text[:80])} [csp]")
    return protected.html


@event_priority(-100)  # after the redirects plugin has written its pages
def on_post_build(config) -> None:
    redirects = config.plugins.get("redirects")
    if redirects is not None:
        _protect_redirect_pages(redirects.config["redirect_maps"], config)
    clock.write()


def _protect_redirect_pages(redirect_maps: dict, config) -> None:
    """The redirects plugin writes its pages after the build, from a template of its own: each gets the policy too."""
    from mkdocs_redirects.plugin import HTML_TEMPLATE, get_html_path

    templates = TemplateScripts.from_templates([HTML_TEMPLATE], slot=FORMAT_SLOT)
    for old in redirect_maps:
        path = Path(config.site_dir, get_html_path(old, config.use_directory_urls))
        if path.is_file():  # a redirect to a page that does not exist is not written (the plugin warns)
            atomic_write(path, _protected(path.read_text(encoding="utf-8"), old, templates).encode("utf-8"))
