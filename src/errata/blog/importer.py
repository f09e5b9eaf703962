"""A whole vdoing/VuePress blog into an Errata ``docs/`` folder: plan, convert, write, report.

The source is hostile: nothing is read through a symlink or outside the blog's ``docs/``, nothing is
written outside the destination, every pattern is linear, and an essay that fails is reported
while the others are imported. The layout is kept (``01.a/05.x.md`` stays there: Errata takes
the numbers off the URLs), so relative links between essays keep working as written.

A file that pages include (``<!-- @include: ./part.md -->``) is a part, not a page: its text is in
the pages that include it, and it is written as a page of its own only when a page or the nav
links to it (VuePress publishes every file; a part alone, out of its page, is not what the author
meant to be read). The report lists the parts under "included only". Files that include each other with
no page above them (a.md includes b.md, b.md includes a.md) are pages, each with the other's text once:
as parts, neither would be on the site. An include that leads back to a file that includes it is left
out and reported at its line.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     blog = Path(tmp, "blog/docs"); (blog / "01.笔记").mkdir(parents=True)
...     _ = (blog / "01.笔记/01.a.md").write_text("---\\ntitle: A\\npermalink: /pages/a1/\\n---\\n::: tip\\n看 [B](/pages/b2/)\\n:::\\n")
...     _ = (blog / "01.笔记/02.b.md").write_text("---\\ntitle: B\\npermalink: /pages/b2\\n---\\n# B\\n")
...     report = import_blog(Path(tmp, "blog"), Path(tmp, "docs"))
...     print(Path(tmp, "docs/01.笔记/01.a.md").read_text(), end="")
---
title: A
permalink: /pages/a1/
---
!!! tip "提示"
<BLANKLINE>
    看 [B](02.b.md)
<BLANKLINE>
>>> len(report.essays), report.counts["admonition"]
(2, 1)
"""

from __future__ import annotations

import os
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

from ..checks import UNPRINTABLE, hidden_past_blanks, printable_name
from ..errors import EssayError
from ..files import atomic_write, read_regular_file
from ..markdown_lines import PROSE, line_roles
from ..metadata import TOML_FRONT_MATTER, MetadataValueError, SplitEssay, display_name, dump_front_matter, normalise_metadata, split_front_matter, title_name, toml_front_matter_as_yaml
from ..paths import PASSIVE_SUFFIXES, THEME_FILE_KEYS, generated_file_problem, permalink_path, permalink_problems, redirect_from_problems, through_symlink
from ..repair import FrontMatterError, RepairOptions, RepairReport, RepairResult, repair_bytes
from ..safety import find_unsafe_html
from ..site import GENERATED_PAGES, page_url, path_order_key, relative_url, unnumbered_dest, url_clashes
from .anchors import heading_anchors
from .markup import ON_AUTHORS_COMPUTER, Card, Note, blog_path, card_grid, convert_markup, included_paths, markdown_text, url_path
from .theme import GITHUB_PAGES, THEME_ADDRESSES, THEME_FOLDERS, THEME_LISTS, THEME_PAGES, SiteConfig, catalogue_page, find_config, home_page, nav_item, read_config

MAX_ESSAY_BYTES = 5_000_000
MAX_ASSET_BYTES = 50_000_000
MAX_NOTES = 50  # per file: a person reads the first ones, and the count
#: Pages of the Errata site itself: an essay of that name at the top goes under another name.
ERRATA_PAGES = ("lookup.md", "tags.md", *GENERATED_PAGES)
SKIPPED_FOLDERS = {"node_modules", ".vuepress", ".git"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")
_FRONT_MATTER = re.compile(rb"---[ \t]*\r?\n(?:.*?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


#: Layouts every theme has (a page, a post, a blog's list, the home page): a page naming one is a page of text.
_STANDARD_LAYOUTS = {"layout", "page", "post", "posts", "blog", "home", "doc", "article", "notfound", "404"}
#: Front-matter keys a page keeps for itself (the site reads them, or they are the post's own): no layout's data.
_PAGE_KEYS = {"tags", "tag", "categories", "category", "redirect_from", "authors", "author", "head", "meta", "sidebar", "hide", "search"}
#: …and what a post says of itself that no layout needs to show (its title, date, cover, table of contents).
_POST_KEYS = {"layout", "title", "subtitle", "date", "description", "permalink", "sticky", "comment", "comments", "catalog", "draft", "publish",
              "header_style", "header_img", "header_mask", "headerimage", "useheaderimage", "cover", "time", "updated", "lang", "vuepress_icon"}


@dataclass(frozen=True)
class ImportOptions:
    repair: RepairOptions = RepairOptions()


@dataclass
class ImportReport:
    """What an import did, and what a person should look at."""

    source: str
    dest: str
    essays: list[str] = field(default_factory=list)  # written, as destination paths
    repairs: list[RepairReport] = field(default_factory=list)  # of the essays the repair changed
    failed: list[str] = field(default_factory=list)  # "file:line: message"
    assets: list[str] = field(default_factory=list)  # copied, as destination paths
    counts: Counter = field(default_factory=Counter)  # conversions by kind
    theme_pages: list[str] = field(default_factory=list)
    needs_a_person: list[str] = field(default_factory=list)  # "file:line: message"
    skipped: list[str] = field(default_factory=list)
    home: str = ""
    config: SiteConfig | None = None
    overwritten: int = 0
    nav: list[str] = field(default_factory=list)  # the blog's nav items and the page each leads to
    same_address: list[str] = field(default_factory=list)  # pages whose old permalink is their new address
    parts: list[str] = field(default_factory=list)  # files only included by other pages: no pages of their own
    renamed: list[str] = field(default_factory=list)  # files written under another name, and why

    def render(self) -> str:
        """The report for a person (stdout)."""
        lines = [f"Imported {self.source} into {self.dest}", ""]
        lines.append(f"essays imported: {len(self.essays)}" + (f" ({self.overwritten} replaced files already there)" if self.overwritten else ""))
        lines.append(f"essays repaired: {len(self.repairs)}")
        lines += [f"  {report.summary()}" for report in self.repairs]
        lines.append(f"assets copied: {len(self.assets)}")
        converted = ", ".join(f"{count} {kind}" for kind, count in sorted(self.counts.items())) or "none"
        lines.append(f"converted: {converted}")
        if self.home:
            lines.append(f"home page: {self.home}")
        lines += [f"theme page: {line}" for line in self.theme_pages]
        if self.config and self.config.source:
            lines.append(f"config: {self.config.source}: title {self.config.title!r}, description {self.config.description!r}, {len(self.config.nav)} nav items")
        if self.config and self.config.url:
            lines.append(f"site address: {self.config.url} (from {self.config.url_source})")
        if self.nav:
            lines.append("nav (the site's navigation lists these pages by itself): " + "; ".join(self.nav))
        lines += [f"same address: {line}" for line in self.same_address]
        lines += [f"included only: {line}" for line in self.parts]
        lines += [f"renamed: {line}" for line in self.renamed]
        lines += [f"skipped: {line}" for line in self.skipped]
        if self.failed:
            lines += ["", f"failed ({len(self.failed)}, not imported):"] + [f"  {line}" for line in self.failed]
        lines += ["", f"needs a person ({len(self.needs_a_person)}):" if self.needs_a_person else "needs a person: nothing"]
        lines += [f"  {line}" for line in self.needs_a_person]
        # Names and values come from the blog: no escape sequence of theirs reaches the terminal, no line break
        # of theirs starts a line of its own (one place for every line of the report).
        return "\n".join(printable_name(line) for line in lines) + "\n"


@dataclass
class _Page:
    """One Markdown file of the blog, repaired, with where it goes."""

    src: str  # relative to the blog's docs/, POSIX
    metadata: dict[str, Any]
    body: str
    body_line: int
    block: str
    repair: RepairReport
    dest: str = ""  # relative to DEST; '' when the page is not written
    role: str = "essay"  # essay, home, theme, catalogue
    anchors: dict[str, str] | None = None  # ids a link may name → the site's ids, made when first asked
    key_lines: dict[str, int] = field(default_factory=dict)  # top-level front-matter key → its line in the author's file
    old_addresses: list[str] = field(default_factory=list)  # where VuePress published it, redirected here (redirect_from)
    author_block: bytes = b""  # the front matter as the author's file has it: where a nested value stands (a home page's links)


#: Front matter by which the author keeps a page off the site (reco's ``publish: false`` and its passwords
#: ``keys``, a ``draft``, a page ``password``): the static site could publish it only to everyone.
WITHHELD = {"publish": lambda v: v is False, "draft": lambda v: v is True, "keys": bool, "password": bool}

#: Other themes' names for Errata's front-matter keys: vuepress-theme-hope writes ``category`` and
#: ``tag`` (a list or one value) and, in its first version, dates a post by ``time``; vuepress-theme-plume
#: by ``createTime``.
THEME_KEY_NAMES = {"category": "categories", "tag": "tags", "createTime": "date", "time": "date"}

#: Front-matter keys Material for MkDocs reads from a page (an icon, a template, a status badge): a VuePress
#: theme's values for them (vuepress-theme-hope's ``icon: pen``) would make the build look for what is not there.
MATERIAL_PAGE_KEYS = (*THEME_FILE_KEYS, "status")


#: A page that is only the catalogue of its folder: vuepress-theme-hope's and VuePress 2's ``<AutoCatalog />``
#: (``<Catalog />`` in hope's second version), after a heading or not.
#: Each heading line has one way to match (possessive): with ``#{1,6}[^\n]*\n``, sixteen ``#### 标题`` lines and nothing
#: else (a draft's outline) took 4^16 steps to fail, and the import never ended (an audit).
_CATALOGUE_COMPONENT = re.compile(r"(?:#[^\n]*+\n|\s)*+<(?:AutoCatalog|Catalog)\b[^<>]{0,500}?/?>(?:\s*</(?:AutoCatalog|Catalog)>)?\s*")


def _only_a_catalogue(body: str) -> bool:
    """Whether a page's body is nothing but the catalogue component (a heading may stand before it).

    >>> _only_a_catalogue("# 前端\\n\\n<AutoCatalog />\\n"), _only_a_catalogue("<Catalog base='/guide/'/>"), _only_a_catalogue("说明\\n<AutoCatalog />")
    (True, True, False)
    """
    return len(body) < 2_000 and _CATALOGUE_COMPONENT.fullmatch(body) is not None


def line_in_block(block: bytes, value: str) -> int:
    """The line of the author's front matter where a value is first written (a home page's ``heroImage`` or a
    card's ``link``, nested where the key lines do not reach), or 1.

    >>> line_in_block(b"---\\nhome: true\\nheroImage: /hero.png\\n---\\n", "/hero.png"), line_in_block(b"---\\n---\\n", "/x")
    (3, 1)
    """
    at = block.find(value.encode("utf-8")) if value else -1
    return block.count(b"\n", 0, at) + 1 if at >= 0 else 1


def _is_utf8_name(name: str) -> bool:
    """Whether a name read from the disk is UTF-8 (Python keeps other bytes as lone surrogates, which no
    page address, nor any file of the site, can hold).

    >>> _is_utf8_name("笔记.md"), _is_utf8_name(b"x\\xfe.md".decode("utf-8", "surrogateescape"))
    (True, False)
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown_name(path: Path) -> str:
    """A path for a report line, its bytes that are not UTF-8 written as escapes (``x\\xfe.md``)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def find_docs(source: Path) -> Path:
    """The blog's ``docs/`` folder: the one holding ``.vuepress`` (``src/`` in vuepress-theme-hope's
    layout), else ``source/docs``, else ``source``. A ``docs/`` or ``src/`` that is a symbolic link is
    not taken: it may lead anywhere on the machine (a red-team audit imported a home folder's files so).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     (Path(tmp) / "outside").mkdir(); (Path(tmp) / "blog").mkdir(); (Path(tmp) / "blog/docs").symlink_to("../outside")
    ...     find_docs(Path(tmp) / "blog") == Path(tmp) / "blog"
    True
    """
    candidates = [folder for folder in (source / "docs", source / "src") if not folder.is_symlink()] + [source]
    for candidate in candidates:
        if (candidate / ".vuepress").is_dir():
            return candidate
    # Another name (``vuepress dev blog``: vuepress-theme-gungnir's template keeps its pages in ``blog/``): the one
    # folder at the top that holds ``.vuepress``. Taken as the repository, the config and the public folder were
    # not found and every address began with ``/blog/``.
    try:
        others = sorted(folder for folder in source.iterdir() if not folder.name.startswith(".") and folder.name not in SKIPPED_FOLDERS
                        and not folder.is_symlink() and folder.is_dir() and (folder / ".vuepress").is_dir() and not (folder / ".vuepress").is_symlink())
    except OSError:
        others = []
    if len(others) == 1:
        return others[0]
    return source / "docs" if source / "docs" in candidates and (source / "docs").is_dir() else source


def import_blog(source: Path, dest: Path, options: ImportOptions = ImportOptions()) -> ImportReport:
    """Import the blog at ``source`` (a repository or its ``docs/``) into ``dest`` (an Errata ``docs/``)."""
    return _Import(Path(source), Path(dest), options).run()


class _Import:
    def __init__(self, source: Path, dest: Path, options: ImportOptions):
        self.source = source
        self.docs = find_docs(source)
        self.root = self.docs.resolve()
        self.dest = dest
        self.options = options
        self.report = ImportReport(str(source), str(dest))
        for linked in (folder for folder in (source / "docs", source / "src") if folder.is_symlink()):
            self.report.needs_a_person.append(f"{linked.name}: a symbolic link, not followed: import the folder it leads to by its own path")
        self.pages: dict[str, _Page] = {}  # by source path
        # A folder's own page by the folder: VuePress reads ``index.md`` and ``README.md`` whatever their case
        # (``readme.md`` is ``/a/`` too); ``index.md`` first, as :meth:`_in_docs` has always looked.
        self.folder_pages: dict[str, str] = {}
        self.assets: set[str] = set()  # non-Markdown files of docs/, by source path
        self.public: set[str] = set()  # files of .vuepress/public/, by their path there
        self.copies: dict[str, Path] = {}  # destination path → the file to copy there
        self.permalinks: dict[str, str] = {}  # old address without slashes → destination path
        self.config = SiteConfig()
        self.by_dest: dict[str, _Page] = {}  # the pages written, by destination path
        self.led_to: set[str] = set()  # destination paths a link of a page converted (or the nav) leads to
        self.dests: dict[str, str] = {}  # source path → destination path, each decided once
        self.given: set[str] = set()  # the destination paths given so far (every value self.dests has had)

    # -- the plan ---------------------------------------------------------------

    def run(self) -> ImportReport:
        vuepress = self.docs / ".vuepress"
        config_path = find_config(vuepress) if vuepress.is_dir() and not vuepress.is_symlink() else None
        if config_path:
            self.config = read_config(config_path)
            self.report.needs_a_person += self.config.notes
            if not self.config.docs_dir and self.docs != self.source:
                self.config.docs_dir = self.docs.relative_to(self.source).as_posix()  # where edit links find the pages
        self.report.config = self.config
        if (self.docs / "_posts").is_dir():
            self.report.theme_pages.append(f"_posts/ → {self.config.posts_category}/ (vdoing's category for loose posts)")
        for relative in self._walk(self.docs):
            if relative.endswith(".md"):
                self._read_page(relative)
            elif _passive(relative):
                self.assets.add(relative)
            elif relative != "CNAME":  # the domain the repository's GitHub Pages served: _custom_domain reads it
                self.report.skipped.append(f"{relative}: not copied ({_suffix(relative) or 'no extension'} files are not known to be safe to publish as they are)")
        public = vuepress / "public"
        if public.is_dir() and not public.is_symlink() and not vuepress.is_symlink():
            self.public = {path for path in self._walk(public, skip_hidden_folders=False) if _passive(path)}
            self._site_files(public)
        self._custom_domain([public / "CNAME", self.docs / "CNAME", self.source / "CNAME"])
        self._place_pages()
        outputs = self._convert_pages()
        for relative in sorted(self.assets):
            self.copies.setdefault(self._dest(relative), self.docs / relative)
        self._write(outputs)
        return self.report

    def _walk(self, top: Path, skip_hidden_folders: bool = True) -> list[str]:
        """Regular files under ``top`` (POSIX paths relative to it); symlinks are reported, never followed."""
        found = []
        for folder, subfolders, files in os.walk(top, followlinks=False):
            here = Path(folder)
            kept = []
            for name in sorted(subfolders):
                path = here / name
                if path.is_symlink():
                    self.report.skipped.append(f"{path}: a symlink (not followed)")
                elif not _is_utf8_name(name):
                    self.report.needs_a_person.append(f"{_shown_name(path)}: a folder name that is not UTF-8: not imported (rename it)")
                elif not (name in SKIPPED_FOLDERS or (skip_hidden_folders and name.startswith("."))):
                    kept.append(name)
            subfolders[:] = kept
            for name in sorted(files):
                path = here / name
                if path.is_symlink():
                    self.report.skipped.append(f"{path}: a symlink (not read)")
                elif not _is_utf8_name(name):
                    self.report.needs_a_person.append(f"{_shown_name(path)}: a file name that is not UTF-8: not imported (rename it)")
                elif UNPRINTABLE.search(name):  # the check refuses such a name (a log would obey its escapes)
                    self.report.needs_a_person.append(f"{printable_name(str(path))}: a file name with control or direction characters: not imported (rename it)")
                elif name.startswith("."):
                    if name.lower().endswith(".md"):  # ``..md``, ``.draft.md``: said, as an essay the reader may look for
                        self.report.skipped.append(f"{printable_name(str(path))}: a hidden file (its name starts with a dot; VuePress does not publish it either): not imported")
                    continue
                elif not path.is_file():
                    self.report.skipped.append(f"{printable_name(str(path))}: not a regular file (a pipe, a socket or a device): not read")
                    continue
                else:
                    found.append(path.relative_to(top).as_posix())
        return found

    def _with_unreadable_values_kept(self, problem: FrontMatterError, relative: str) -> tuple[RepairResult, SplitEssay] | None:
        """The page with each front-matter value Errata cannot read kept under ``vuepress_<key>``,
        or ``None`` when the block is not YAML at all.

        VuePress shows a post dated ``2021-02-30`` (JavaScript rolls it over to March 2); the
        strict reading refuses the block and the post would be lost. Here the post comes across
        without the date, the value stays in its front matter, and a person is told where.
        """
        repaired = problem.result
        try:
            essay = split_front_matter(repaired.text, relative, lenient=True)
        except EssayError:
            return None
        metadata = dict(essay.metadata)
        aside_lines: set[int] = set()
        for _ in range(len(metadata) + 1):
            try:
                normalised, _ = normalise_metadata(
                    metadata, essay.body, title_name(relative), self.options.repair.timezone, relative, essay.key_lines
                )
            except MetadataValueError as bad:
                if bad.key not in metadata:
                    return None
                aside = _free_key(metadata, f"vuepress_{bad.key}")
                metadata[aside] = metadata.pop(bad.key)
                self.report.needs_a_person.append(f"{bad}: kept as {aside!r}")
                aside_lines.add(bad.line)
                continue
            # The other values read as text (``draft: !!bool maybe``) are said too.
            self.report.needs_a_person += [f"{relative}:{line}: {what}: kept as text" for line, what in essay.kept_as_text if line not in aside_lines]
            text = dump_front_matter(normalised) + essay.body
            return RepairResult(text, repaired.report), split_front_matter(text, relative)
        return None

    def _read_page(self, relative: str) -> None:
        path = self.docs / relative
        try:
            data = read_regular_file(path, MAX_ESSAY_BYTES)
            if len(data) > MAX_ESSAY_BYTES:
                raise EssayError(str(path), None, f"larger than {MAX_ESSAY_BYTES // 1_000_000} MB: not an essay")
            closed = _closed_front_matter(data, relative)
            if closed is not data:
                self.report.counts["front matters never closed, read to the end as VuePress reads them"] += 1
            result = repair_bytes(_yaml_front_matter(closed), relative, self.options.repair)
            split = split_front_matter(result.text, relative)
        except FrontMatterError as exc:
            kept = self._with_unreadable_values_kept(exc, relative)
            if kept is None:
                self.report.failed.append(str(exc))
                return
            result, split = kept
        except EssayError as exc:
            self.report.failed.append(str(exc))
            return
        except OSError as exc:
            self.report.failed.append(f"{relative}: cannot read: {exc.strerror or exc}")
            return
        # Notes name lines of the file as the author has it: its front matter may have had more lines.
        body_line = split.body_line - _block_lines(result.text) + _block_lines(data)
        page = _Page(relative, split.metadata, split.body, body_line, split.block, result.report, key_lines=_key_lines(data), author_block=_author_block(data))
        withheld = next((key for key, says in WITHHELD.items() if key in page.metadata and says(page.metadata[key])), None)
        rule = _protecting_rule(relative, page.metadata.get("permalink"), self.config.protected)
        if rule is not None:
            self.report.needs_a_person.append(
                f"{relative}:1: the theme's encrypt setting {rule!r} puts this page behind a password: "
                f"not imported; remove the rule from {self.config.source} and import again to publish it to everyone"
            )
            return
        if withheld:
            line = page.key_lines.get(withheld, 1)
            self.report.needs_a_person.append(
                f"{relative}:{line}: front matter {withheld!r} keeps this page off the blog (a draft, or behind a password): "
                "not imported; remove the key and import again to publish it to everyone"
            )
            return
        self._rename_theme_keys(page)
        if self.config.vdoing and not TOML_FRONT_MATTER.match(data.decode("utf-8", "replace")):
            self._vdoing_front_matter(page)
        if "/" not in relative and (page.metadata.get("home") is True or relative.lower() in ("index.md", "readme.md")):
            page.role = "home"  # VuePress's root page is the home, whatever its layout
        elif any(page.metadata.get(flag) is True for flag in THEME_PAGES):
            page.role = "theme"
        elif page.metadata.get("pageComponent") or _only_a_catalogue(page.body):
            page.role = "catalogue"
        self.pages[relative] = page
        folder, name = posixpath.split(relative)
        if name.lower() in ("index.md", "readme.md") and (folder not in self.folder_pages or name == "index.md"):
            self.folder_pages[folder] = relative

    def _vdoing_front_matter(self, page: _Page) -> None:
        """What vdoing gave a page the author left without them, when it built (``setFrontmatter``, which wrote them
        into the file): the title from the file's name (not its first heading), and the categories from its folders,
        for an article (numbers off: ``01.人工智能/03.小知识点`` → 人工智能, 小知识点; a ``_posts/`` post its folders
        there, else the posts category). vdoing leaves the files at the top of docs/ and in ``@pages/`` alone."""
        if "/" not in page.src or page.src.startswith("@pages/"):
            return
        metadata = dict(page.metadata)
        name = vdoing_name(posixpath.basename(page.src)).strip()
        if "title" not in page.key_lines and name and metadata.get("title") != name:  # the author's file had none: the repair took a heading's
            metadata = {"title": name, **{k: v for k, v in metadata.items() if k != "title"}}
            self.report.counts["titles from file names (vdoing)"] += 1
        article = "pageComponent" not in metadata and metadata.get("article") is not False
        categories = [c.strip() for c in vdoing_categories(page.src, self.config.posts_category) if c.strip()]
        if article and categories and self.config.categories_from_folders and "categories" not in page.key_lines and not metadata.get("categories"):
            metadata["categories"] = list(dict.fromkeys(categories))  # a category twice is one (the check refuses it twice)
            self.report.counts["categories from folders (vdoing)"] += 1
        if metadata != page.metadata:
            page.metadata = metadata
            page.block = dump_front_matter(metadata)

    def _rename_theme_keys(self, page: _Page) -> None:
        """A theme's names for Errata's keys (:data:`THEME_KEY_NAMES`) renamed and read as Errata reads its own
        (``category: 前端`` → ``categories: [前端]``, ``createTime: 2024/03/02 14:20`` → ``date``); a key
        Errata's name is already given for is left as it is, and a value that cannot be read is kept, said."""
        renamed = {theirs: ours for theirs, ours in THEME_KEY_NAMES.items() if theirs in page.metadata and ours not in page.metadata}
        if not renamed:
            return
        metadata = {renamed.get(key, key): value for key, value in page.metadata.items()}
        lines = {renamed.get(key, key): line for key, line in page.key_lines.items()}
        try:
            normalised, _ = normalise_metadata(metadata, page.body, title_name(page.src), self.options.repair.timezone, page.src, lines)
        except MetadataValueError as bad:
            written = ", ".join(f"{theirs} for {ours}" for theirs, ours in renamed.items())
            self.report.needs_a_person.append(f"{bad} (the theme's {written}): the theme's key is kept as it was")
            return
        page.metadata, page.key_lines = normalised, lines
        page.block = dump_front_matter(normalised)

    def _place_pages(self) -> None:
        """Where each page goes, and the old addresses that lead to it."""
        # The page that says ``home: true`` first (a plain README beside it is no home page), then by name.
        homes = sorted((page for page in self.pages.values() if page.role == "home"), key=lambda page: page.metadata.get("home") is not True)
        for page in self.pages.values():
            if page.role == "essay":
                page.dest = self._dest(page.src)
            elif page.role == "home":
                if page is homes[0]:
                    page.dest = "index.md"
                    self.report.home = f"{page.src} → index.md (hero text, tagline, features)"
                else:
                    self.report.needs_a_person.append(f"{page.src}:1: a second home page: not imported")
            elif page.role == "theme":
                flag = next(flag for flag in THEME_PAGES if page.metadata.get(flag) is True)
                target = THEME_PAGES[flag]
                line = f"{page.src} ({flag}) → Errata's own {target[:-3]}/ page (generated)"
                old = str(page.metadata.get("permalink") or "").strip().strip("/")
                if old and f"{old}/" != page_url(target):
                    line += f"; links to /{old}/ are rewritten, the address itself is not redirected"
                self.report.theme_pages.append(line)
                self._remember_permalink(page, target)
            elif page.role == "catalogue":
                self._place_catalogue(page)
        self._numbered_twins_apart()
        for page in self.pages.values():
            if page.dest and page.role != "theme":
                self._remember_permalink(page, page.dest)
        self.by_dest = {page.dest: page for page in self.pages.values() if page.dest}
        pages = [(page.src, page_url(page.dest)) for page in self.pages.values() if page.dest]
        assets = [(src, unnumbered_dest(self._dest(src), False)) for src in self.assets]
        for _, clash in url_clashes(pages + assets):
            self.report.needs_a_person.append(f"{clash} (the build fails until then)")
        self._check_permalinks()

    def _numbered_twins_apart(self) -> None:
        """Essays whose names differ by their numbers only (``04.清单.md``, ``05.清单.md``), which Errata would publish
        at one address (the numbers come off it; VuePress kept them): the second and later get ``-2``, ``-3``…
        after the name (``05.清单-2.md``, at ``清单-2/``), listed under renamed, instead of failing the build."""
        owner = {page_url(page.dest): page.src for page in self.pages.values() if page.dest and page.role != "essay"}
        # Where the count goes on for each address: a thousand twins must not each count up from -2 again.
        next_number: dict[str, int] = {}
        for page in self.pages.values():
            if not page.dest or page.role != "essay":
                continue
            url = page_url(page.dest)
            index = posixpath.basename(page.dest)[:-3].lower() in ("index", "readme")  # a folder's own page: said, not renamed
            if url in owner and not index:
                stem, number = page.dest[:-3], next_number.get(url, 2)
                while page_url(f"{stem}-{number}.md") in owner or f"{stem}-{number}.md" in self.pages:
                    number += 1
                next_number[url] = number + 1
                page.dest = self.dests[page.src] = f"{stem}-{number}.md"
                self.given.add(page.dest)
                self.report.renamed.append(f"{page.src} → {page.dest} ({owner[url]} is published at {url} too: the numbers come off the address)")
            owner[page_url(page.dest)] = page.src

    def _check_permalinks(self) -> None:
        """What the strict build will refuse, said now: a permalink that leaves the site or names a
        page or a path the site owns, and one that an essay already in DEST holds (Errata's sample
        essays, or an earlier import of another blog)."""
        mine = {
            page.src: (page.metadata.get("permalink"), 1)
            for page in self.pages.values()
            if page.dest and page.role != "theme" and page.metadata.get("permalink") and not self._at_its_permalink(page)
        }
        urls = {page_url(page.dest): page.src for page in self.pages.values() if page.dest}
        _, problems = permalink_problems(mine, urls, set())
        for problem in problems:
            self.report.needs_a_person.append(f"{problem.src_path}:{problem.line}: {problem.message} (the build fails until then)")
        by_permalink: dict[str, list[str]] = {}
        for src, (value, _) in mine.items():
            by_permalink.setdefault(str(value).strip().strip("/"), []).append(src)
        written = {page.dest for page in self.pages.values() if page.dest}
        there = _permalinks_in(self.dest, written)
        for path, permalink in there:
            for src in by_permalink.get(permalink, ()):
                self.report.needs_a_person.append(
                    f"{src}:1: permalink /{permalink}/ is also that of {path}, already in {self.dest} (remove one; the build fails until then)"
                )
        if not self.config.vdoing:  # vdoing gave each page a permalink when it built: it was never at its path
            self._keep_vuepress_addresses(mine, there, written)

    def _keep_vuepress_addresses(self, mine: dict[str, tuple[Any, int]], there: list[tuple[str, str]], written: set[str]) -> None:
        """The addresses VuePress gave the pages that name no permalink (``/javascript/事件循环.html``), kept as
        their ``redirect_from`` where they are not their new ones; one that a page, a file or a permalink of the
        site holds (here or already in DEST) is not, said: a redirect there would replace it, or the build would fail."""
        pages = {page_url(src): src for src in [*GENERATED_PAGES, *_essays_in(self.dest, written)]}
        pages |= {page_url(page.dest): page.src for page in self.pages.values() if page.dest}
        static = {unnumbered_dest(self._dest(src), False) for src in self.assets} | self.public
        taken = {path: src for path, src in ((permalink_path(value)[0], src) for src, (value, _) in mine.items()) if path}
        taken |= {path: f"{src} (in {self.dest})" for path, src in ((permalink_path(value)[0], src) for src, value in there) if path}
        listed = {
            page.src: (addresses, 1)
            for page in self.pages.values()
            if page.role == "essay" and page.dest and not page.metadata.get("permalink") and "redirect_from" not in page.metadata
            and (addresses := [a for a in vuepress_addresses(page.src) if a.strip("/") != page_url(page.dest).strip("/")])
        }
        valid, problems = redirect_from_problems(listed, pages, static, taken)
        for src, (addresses, _) in listed.items():
            self.pages[src].old_addresses = [a for a in addresses if valid.get(permalink_path(a, "redirect_from")[0] or "") == src]
        for problem in problems:
            self.report.needs_a_person.append(f"{problem.src_path}:1: the address VuePress gave it is not kept: {problem.message}")
        # A page's own list (an earlier import's, or the author's) is checked as the build will check it.
        own = {
            page.src: (page.metadata["redirect_from"], 1)
            for page in self.pages.values()
            if page.role == "essay" and page.dest and page.metadata.get("redirect_from") is not None
        }
        for problem in redirect_from_problems(own, pages, static, taken | valid)[1]:
            self.report.needs_a_person.append(f"{problem.src_path}:{problem.line}: {problem.message} (the build fails until then)")

    def _place_catalogue(self, page: _Page) -> None:
        """A vdoing catalogue page as its folder's index page, listing the folder's essays; one that cannot be
        (it names no folder, or one the blog does not have, or one that has an index page) is left out, said."""
        component = page.metadata.get("pageComponent")
        data = component.get("data") if isinstance(component, dict) else None
        # vdoing names the folder a catalogue lists by ``key``; some of its versions by ``path``. An
        # ``<AutoCatalog />`` page (hope, VuePress 2) lists the folder it stands in.
        key = str(data.get("key") or data.get("path") or "").strip("/") if isinstance(data, dict) else ""
        key = key if component else posixpath.dirname(page.src)
        inside = [p for p in self.pages.values() if p.role == "essay" and key and p.src.startswith(key + "/")]
        index = self.folder_pages.get(key) if key else None
        index = None if index == page.src else index
        if inside and index is None:
            page.dest = self._dest(f"{key}/index.md")
            self.report.theme_pages.append(f"{page.src} (catalogue of {key}) → {page.dest}, the folder's index page")
            return
        permalink = str(page.metadata.get("permalink") or "").strip().strip("/")
        lost = f"; its permalink /{permalink}/ leads nowhere now" if permalink else ""
        where = f"{page.src}:{page.key_lines.get('pageComponent', 1)}"
        if index is not None:
            self.report.theme_pages.append(f"{page.src} (catalogue of {key}) → not imported: {index} is that folder's index page{lost}")
        elif not key:
            self.report.needs_a_person.append(f"{where}: a catalogue page that names no folder (pageComponent.data.key): not imported{lost}")
        elif any(src.startswith(key + "/") for src in [*self.pages, *self.assets]):
            self.report.needs_a_person.append(f"{where}: the catalogue of {key} has no page to list (no essay is in that folder): not imported{lost}")
        else:
            self.report.needs_a_person.append(f"{where}: the catalogue names the folder {key!r}, which the blog does not have: not imported{lost}")

    def _remember_permalink(self, page: _Page, dest: str) -> None:
        permalink = str(page.metadata.get("permalink") or "").strip().strip("/")
        if permalink:
            if permalink in self.permalinks and self.permalinks[permalink] != dest:
                self.report.needs_a_person.append(f"{page.src}:1: permalink /{permalink}/ is also {self.permalinks[permalink]}'s")
            self.permalinks.setdefault(permalink, dest)

    # -- conversion ----------------------------------------------------------------

    def _convert_pages(self) -> dict[str, str]:
        """Every page placed, converted; a part (an essay other pages include) only once a page converted
        or the nav leads to it: a file that is only included is in the pages that include it, no page of its own."""
        outputs: dict[str, str] = {}
        parts = self._parts()
        for page in self.pages.values():
            if page.dest and page.src not in parts and page.role != "catalogue":
                self._convert_into(outputs, page)
        self._nav_report()
        waiting = [page for page in self.pages.values() if page.dest and page.src in parts]
        while led_to := [page for page in waiting if page.dest in self.led_to]:
            for page in led_to:  # its links may lead to another part
                waiting.remove(page)
                self._convert_into(outputs, page)
        for page in waiting:
            self.report.parts.append(f"{page.src} (in {', '.join(sorted(parts[page.src]))}): not a page of its own")
            page.dest = ""
        for page in self.pages.values():
            if page.dest and page.role == "catalogue":  # last: they list the essays written
                self._convert_into(outputs, page)
        return outputs

    def _parts(self) -> dict[str, set[str]]:
        """The essays that are parts, each with the pages that include it: those that a top page (one no
        page includes) includes, directly or through other parts. Files that only include each other (a.md
        includes b.md, b.md includes a.md, no page includes either) are pages: as parts, neither would be on the site."""
        included = self._included()
        includes: dict[str, set[str]] = {}
        for src, pages in included.items():
            for page in pages:
                includes.setdefault(page, set()).add(src)
        reached: set[str] = set()
        waiting = [page.src for page in self.pages.values() if page.dest and page.src not in included]
        while waiting:
            for src in includes.get(waiting.pop(), set()) - reached:
                reached.add(src)
                waiting.append(src)
        return {src: pages for src, pages in included.items() if src in reached}

    def _included(self) -> dict[str, set[str]]:
        """The essays that pages include (``<!-- @include: ./part.md -->``), each with the pages that include it."""
        found: dict[str, set[str]] = {}
        for page in self.pages.values():
            for path in included_paths(page.body) if page.dest else ():
                src = blog_path(page.src, path)
                if src != page.src and src in self.pages and self.pages[src].role == "essay":
                    found.setdefault(src, set()).add(page.src)
        return found

    def _convert_into(self, outputs: dict[str, str], page: _Page) -> None:
        """One page converted into ``outputs``, and reported."""
        try:
            outputs[page.dest] = self._convert(page)
        except (EssayError, ValueError, TypeError, RecursionError) as exc:  # one bad page, not the import
            self.report.failed.append(f"{page.src}: cannot convert: {exc}")
            return
        self._refused_html(page, outputs[page.dest])
        if page.role == "essay":
            self.report.essays.append(page.dest)
        if page.repair.changed:
            self.report.repairs.append(page.repair)
        self.report.needs_a_person += [
            f"{page.src}:{low.line}:{low.column}: recovered {low.chosen!r} (or {low.runner_up!r}?): check it"
            for low in page.repair.low_confidence
        ]

    def _convert(self, page: _Page) -> str:
        if page.role == "catalogue":
            folder = posixpath.dirname(page.dest)  # where the folder's pages went (a '#' in its name renamed)
            listed = [(posixpath.relpath(p.dest, folder), _title(p)) for p in self.pages.values() if p.role == "essay" and p.dest.startswith(folder + "/")]
            meta = {"title": _title(page)}
            if self._at_its_permalink(page):
                self._same_address(page)
            elif page.metadata.get("permalink"):
                meta["permalink"] = page.metadata["permalink"]  # the old address still leads here
            # vdoing shows its description under the title (HTML, as a page's text is), a catalogue page's own text
            # under the list; an ``<AutoCatalog />`` page's is only the component
            description = self._converted(page, _catalogue_description(page.metadata), page.key_lines.get("pageComponent", 1)).strip()
            if description and line_roles(description + "\n\n- x")[-1] != PROSE:
                # An element it opens and never closes (``<p>K8S 笔记``, which the browser closes at the description's
                # end): Python-Markdown reads the rest of the page into it, and the list was shown as text (red team
                # round 32). Its tags are shown as written.
                description = description.replace("<", "&lt;")
            listing = catalogue_page(meta, sorted(listed, key=lambda page: path_order_key(page[0])), description)  # as the navigation orders them
            return listing + "\n" + self._converted(page) if page.metadata.get("pageComponent") and page.body.strip() else listing
        text = self._converted(page)
        if page.role == "home":
            resolve = self._resolver(page)
            return home_page(page.metadata, text, self.config, lambda url, image: resolve(url, image, line_in_block(page.author_block, url), False))
        return self._front_matter(page) + text + self._layout_data(page)

    def _layout_data(self, page: _Page) -> str:
        """What a theme's own layout shows from the front matter, which no Material page shows: a list of
        links (gungnir's ``layout: Links``, ``links:`` in groups of ``items`` with ``sitename``, ``url``,
        ``img``, ``desc``) becomes cards under the page's text, a group's title a heading; other data such
        a layout reads (gungnir's ``layout: About``: ``name``, ``interests``, ``education``…) is named under
        "needs a person". Before, both were kept in the front matter only and the page was published empty."""
        layout = str(page.metadata.get("layout") or "")
        if not layout or layout.lower() in _STANDARD_LAYOUTS:
            return ""
        out, shown = [], set()
        links = page.metadata.get("links")
        groups = links if isinstance(links, list) and all(isinstance(g, dict) for g in links) else []
        if groups and not any(isinstance(g.get("items"), list) for g in groups):
            groups = [{"items": groups}]  # one list of sites, no groups
        resolve = self._resolver(page)
        line = page.key_lines.get("links", 1)
        for group in groups:
            items = [item for item in group.get("items") or [] if isinstance(item, dict)] if isinstance(group.get("items"), list) else []
            cards = [Card(str(i.get("sitename") or i.get("name") or i.get("title") or ""), str(i.get("desc") or ""), i.get("url") or i.get("link"), i.get("img") or i.get("avatar") or i.get("logo")) for i in items]
            cards = [card for card in cards if card.name or card.link]
            if not cards:
                continue
            shown.add("links")
            title = str(group.get("title") or "").strip()
            out += ["", f"## {markdown_text(title)}" if title else "", "", *card_grid(cards, lambda url, image: resolve(str(url), image, line, False))]
            self.report.counts["cards"] += len(cards)
        # Keys as text: YAML's may be numbers, dates or null (``1: one``), which ``join`` refused: the page was not imported.
        data = [str(key) for key in page.metadata if key not in shown and key not in _PAGE_KEYS and str(key).lower() not in _POST_KEYS]
        if data:
            self.report.needs_a_person.append(f"{page.src}:{page.key_lines.get('layout', 1)}: layout {layout!r} is the theme's own page: what it shows from the front matter ({', '.join(data[:6])}) is not on the page here; write it into the page")
        return "\n".join(out) + "\n" if out else ""

    def _converted(self, page: _Page, text: str | None = None, first_line: int | None = None) -> str:
        """A page's body (or ``text`` of it, from its line ``first_line``) converted to the site's Markdown, its counts
        and notes added to the report."""
        if text is None:
            text, first_line = page.body, page.body_line
        converted = convert_markup(text, first_line or 1, self._resolver(page), self._code_reader(page), syntax=self.config.syntax, page_path=page.src)
        self.report.counts.update(converted.counts)
        self._notes(page.src, converted.notes)
        return converted.text

    def _front_matter(self, page: _Page) -> str:
        """A page's front matter as written: without a permalink that is its new address, with the keys Material
        reads itself kept under other names; every page the same, whichever of them it needs."""
        metadata = dict(page.metadata)
        if self._at_its_permalink(page):
            del metadata["permalink"]
            self._same_address(page)
        if page.old_addresses:
            metadata["redirect_from"] = page.old_addresses
            self.report.counts["old addresses kept"] += len(page.old_addresses)
        for key in [key for key in MATERIAL_PAGE_KEYS if key in metadata]:
            # Material reads these keys itself (``icon: pen`` names an icon file it must find, or the build
            # stops): another theme's values are kept under another name.
            aside = _free_key(metadata | page.metadata, f"vuepress_{key}")
            metadata[aside] = metadata.pop(key)
            line = page.key_lines.get(key, 1)
            self.report.needs_a_person.append(f"{page.src}:{line}: front matter {key!r} means something else to Material: kept as {aside!r}")
        return page.block if metadata == page.metadata else dump_front_matter(metadata)

    def _same_address(self, page: _Page) -> None:
        """Said of a page whose old address is its new one (99.friends.md, /friends): it keeps no permalink,
        since the redirect would replace the page itself."""
        shown = str(page.metadata["permalink"]).strip().strip("/")
        self.report.same_address.append(f"{page.src}: /{shown}/ is its address here too (permalink left out)")

    def _refused_html(self, page: _Page, text: str) -> None:
        """What the strict build's unsafe-HTML check still finds in a page written (what the conversion
        could not take apart: a start tag over several lines, an element never closed), at its line in
        the author's file when the line is there as written, else at its line in the page written."""
        start = _block_lines(text)
        written = text.split("\n")
        source = page.body.split("\n")
        body = "\n".join(written[start:])

        def where(number: int) -> str:
            line = written[number - 1].strip()
            found = [n for n, original in enumerate(source) if original.strip() == line]
            return f"{page.src}:{page.body_line + found[0]}" if len(found) == 1 else f"{page.dest} (line {number} as written)"

        for unsafe in find_unsafe_html(body, start + 1):
            self.report.needs_a_person.append(f"{where(unsafe.line)}: {unsafe.what} is still in the page: the strict build refuses it until it is removed by hand")
        # Text pushed out of a code block's sight by a run of blanks (a tool's padded table, ``yum list``'s
        # columns): the strict build refuses that too, so it is said here rather than found there.
        for hidden in hidden_past_blanks(body, page.dest, start + 1):
            self.report.needs_a_person.append(f"{where(hidden.line)}: {hidden.message}; the strict build refuses it until then")

    @staticmethod
    def _at_its_permalink(page: _Page) -> bool:
        """Whether a page's old address is its new one, so that it keeps no permalink."""
        permalink = str(page.metadata.get("permalink") or "").strip().strip("/")
        return bool(permalink) and f"{permalink}/" == page_url(page.dest)

    def _notes(self, src: str, notes: list[Note]) -> None:
        notes = sorted(notes, key=lambda note: note.line)  # the passes over a page note in their order, a person reads in the file's
        self.report.needs_a_person += [f"{src}:{note.line}: {note.message}" for note in notes[:MAX_NOTES]]
        if len(notes) > MAX_NOTES:
            self.report.needs_a_person.append(f"{src}: and {len(notes) - MAX_NOTES} more like these")

    def _resolver(self, page: _Page):
        def resolve(url: str, image: bool, line: int, in_html: bool = False) -> str | None:
            def person(problem: str) -> None:
                self.report.needs_a_person.append(f"{page.src}:{line}: {'image' if image else 'link'} {url}: {problem}")

            if url.strip().startswith("#") and not in_html:  # on this page: VuePress's id → the site's
                fragment = self._anchor(page.dest, url.strip()[1:])
                if fragment is None:
                    person("no heading here has that id")
                return None if fragment is None else f"#{fragment}" if fragment else url
            target, problem = self._target(url, page.src)
            if problem:
                person(problem)
                return None
            if target is None:
                return url
            path, fragment = target
            if fragment and path.endswith(".md"):
                anchor = self._anchor(path, fragment)
                if anchor is None:
                    person(f"no heading of {path} has the id #{unquote(fragment)}: the link goes to the page's top")
                fragment = anchor or ""
            if in_html:  # relative to the published page, since MkDocs leaves raw HTML alone
                is_page = path.endswith(".md")
                site_path = page_url(path) if is_page else unnumbered_dest(path, False)
                new = relative_url(site_path, page_url(page.dest))
            else:
                new = posixpath.relpath(path, posixpath.dirname(page.dest) or ".")
            return url_path(new) + (f"#{fragment}" if fragment else "")

        return resolve

    def _code_reader(self, page: _Page):
        """What a code import of ``page`` reads: a file of the blog's ``docs/``, named relative to the
        page or by VuePress's ``@/`` (the source folder), or (VuePress 1's ``<<< ./docs/a.js``) relative to
        the repository, then to the page; nothing outside ``docs/``, nothing through a symlink."""
        # Where docs/ is, seen from where VuePress ran: in the repository given; given docs/ itself, in the
        # folder above it, or (a blog whose .vuepress is at its top) docs/ is where it ran.
        docs_seen_from_root = [self.docs.relative_to(self.source).as_posix()] if self.docs != self.source else [self.docs.name, "."]

        def read_code(path: str, from_root: bool = False) -> str | None:
            candidates = [_repository_path(path, docs) for docs in docs_seen_from_root] if from_root and not path.strip().startswith("@") else []
            for joined in [*candidates, blog_path(page.src, path)]:
                text = self._read_docs_file(joined)
                if text is not None:
                    return text
            return None

        return read_code

    def _read_docs_file(self, joined: str | None) -> str | None:
        """The text of a file of the blog's ``docs/`` (a path there), if it is one to read."""
        if joined is None:
            return None
        file = self.docs / joined
        try:
            if not file.resolve().is_relative_to(self.root):
                return None
            data = read_regular_file(file, MAX_ESSAY_BYTES)  # no symlink, no FIFO; what is read decides the size
        except (OSError, EssayError):
            return None
        return data.decode("utf-8", errors="replace") if len(data) <= MAX_ESSAY_BYTES else None

    def _anchor(self, dest: str, fragment: str) -> str | None:
        """The site's id for a heading a link names by VuePress's id (``None``: no such heading).

        A page this import does not write (Errata's own) is taken at its word: ``''`` keeps the fragment.
        """
        page = self.by_dest.get(dest)
        if page is None:
            return fragment
        if page.anchors is None:
            page.anchors = heading_anchors(page.body)
        wanted = unquote(fragment)
        return page.anchors.get(wanted, page.anchors.get(wanted.lower()))

    def _target(self, url: str, src: str) -> tuple[tuple[str, str] | None, str]:
        """(destination path, fragment) of an internal URL, ``None`` for an external one, or a problem."""
        raw = url.strip()
        if not raw or raw.startswith("#") or raw.startswith("//"):
            return None, ""
        if ON_AUTHORS_COMPUTER.match(raw):
            return None, "a file on the author's computer, not in the blog"
        if _SCHEME.match(raw):
            return None, ""
        path, _, fragment = raw.partition("#")
        path = unquote(path.partition("?")[0]).replace("\\", "/")
        if path.startswith("/"):
            found = self._absolute(path.strip("/"))
        else:
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
            if joined == ".." or joined.startswith("../") or joined.startswith("/"):
                return None, "leads outside the blog"
            # VuePress 1 reads a relative link into the public folder as a file beside the page
            # (``![](../.vuepress/public/img/a.png)``, which webpack bundles): the public file it names.
            public = joined.removeprefix(".vuepress/public/") if joined.startswith(".vuepress/public/") else None
            found = self._public(public) if public else self._in_docs(joined)
        if found is None:
            return None, "leads to nothing in the blog"
        self.led_to.add(found)
        return (found, fragment), ""

    def _absolute(self, key: str) -> str | None:
        """A site-absolute path: a permalink, a theme page, a public file, a docs path; written with the
        config's ``base`` before it (``/blog/img/a.png`` where the site was published under ``/blog/``) too."""
        found = self._absolute_in_site(key)
        base = self.config.base
        if found is None and base and (key == base or key.startswith(base + "/")):
            found = self._absolute_in_site(key[len(base) :].lstrip("/"))
        return found

    def _absolute_in_site(self, key: str) -> str | None:
        bare = key[:-5] if key.endswith(".html") else key
        if key == "" or bare in ("index", "README"):
            return "index.md"
        # A permalink leads there however a link writes it: VuePress 2's themes store it with .html
        # (/favorite/schedule.html), and their router finds it without (/favorite/schedule) as well.
        permalink = next((self.permalinks[k] for k in (key, bare, bare + ".html") if k in self.permalinks), None)
        if permalink is not None:
            return permalink
        if bare in THEME_ADDRESSES:
            return THEME_ADDRESSES[bare]
        normal = posixpath.normpath(key)
        if (public := self._public(normal)) is not None:
            return public
        found = self._in_docs(normal)
        # VuePress 1's router matches paths whatever their case: reco 1's navs write ``/timeLine/``.
        folder = bare.split("/", 1)[0].lower()
        if found is None and folder in THEME_FOLDERS:
            return THEME_FOLDERS[folder]  # one category's or tag's list: Errata's page lists them all
        if found is None and bare.strip("/").lower() in THEME_LISTS:
            return THEME_LISTS[bare.strip("/").lower()]
        return found

    def _public(self, normal: str) -> str | None:
        """A file of the public folder (a normalised path there), copied to the same path in the site."""
        if normal in self.public and not normal.startswith(".."):
            self.copies.setdefault(normal, self.docs / ".vuepress" / "public" / normal)
            return normal
        return None

    def _in_docs(self, path: str) -> str | None:
        bare = path[:-5] if path.endswith(".html") else path
        for candidate in (path, bare + ".md", f"{bare}/index.md", f"{bare}/README.md", self.folder_pages.get(bare.strip("/"))):
            page = self.pages.get(candidate) if candidate else None
            if page is not None:
                if page.dest:
                    return page.dest
                if page.role == "theme":
                    return self.permalinks.get(str(page.metadata.get("permalink") or "").strip("/"))
        if path in self.assets:
            return self._dest(path)
        return None

    def _site_files(self, public: Path) -> None:
        """The public files no page links to that the site still needs: ``robots.txt`` (the ``CNAME``: :meth:`_custom_domain`)."""
        if "robots.txt" in self.public:
            self.copies.setdefault("robots.txt", public / "robots.txt")
            self.report.theme_pages.append("public robots.txt → robots.txt")

    def _custom_domain(self, candidates: list[Path]) -> None:
        """The first ``CNAME`` there is (the public folder's, which VuePress published, then one beside the pages
        or in the repository, which a deploy script did): copied where GitHub Pages reads it if it is a host
        name, and the site's address (``https://domain/``) where the config gives none or only GitHub Pages' own."""
        for cname in candidates:
            # Not through a linked folder either (a ``public`` linked elsewhere): the blog's own files only.
            if through_symlink(cname, self.source) or not cname.is_file():
                continue
            shown = cname.relative_to(self.source).as_posix() if cname.is_relative_to(self.source) else cname.name
            try:
                data = read_regular_file(cname, 256)
            except (OSError, EssayError):
                data = b"\0"
            domain = data.decode("utf-8", errors="replace").strip()
            if len(data) > 256 or not re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?", domain):
                self.report.needs_a_person.append(f"{shown}: not a host name: not copied")
                return
            self.copies.setdefault("CNAME", cname)
            self.report.theme_pages.append(f"{shown} → CNAME (GitHub Pages serves the site at {domain})")
            if not self.config.url or self.config.url_source == GITHUB_PAGES:
                self.config.url, self.config.url_source = f"https://{domain.lower()}/", shown
            return

    def _dest(self, src: str) -> str:
        """Where a file of the blog goes: where it was, but ``_posts/`` is named as vdoing shows it (随笔; a
        ``_posts/随笔/`` folder is that folder too),
        an essay named as one of Errata's own pages (``tags.md``, ``01.archive.md``) takes a ``blog-`` prefix,
        and a ``#`` in a name becomes ``＃`` (reported): the redirects plugin reads a page path's ``#`` as
        the start of a fragment, so no old address could lead to ``30.访问路径#问题.md``."""
        if src in self.dests:
            return self.dests[src]
        dest = src
        if src.startswith("_posts/"):
            inside = src[len("_posts/") :]
            # Posts an author filed under the category's own name (_posts/随笔/x.md) are in that folder once.
            if inside.startswith(self.config.posts_category + "/"):
                inside = inside[len(self.config.posts_category) + 1 :]
            dest = f"{self.config.posts_category}/{inside}"
        site_s_own = unnumbered_dest(dest, True) in ERRATA_PAGES or (dest.endswith(".md") and generated_file_problem(dest) is not None)
        if site_s_own:
            # ``01.archive.md`` (or ``archive/README.md``, or posts filed under a category named so) is published
            # at archive/ too, where Errata's own page is, and ``tags.json/index.md`` where the build writes its
            # file: the page goes under another name.
            dest = f"blog-{dest}"
        named = dest.replace("#", "＃")
        if named != src:  # moved: onto no file of the blog, nor one moved there before
            dest = self._free_path(named)
        ours = src in self.pages or src in self.assets  # a file of the blog, not a catalogue's index made for its folder
        if ours and site_s_own:
            self.report.renamed.append(f"{src} → {dest} (the site publishes its own page or file at that address)")
        elif ours and "#" in src:
            self.report.renamed.append(f"{src} → {dest} (the redirects plugin reads a '#' in a path as a fragment's start: no old address could lead there)")
        elif ours and dest != named:
            self.report.renamed.append(f"{src} → {dest} ({named} is another file's)")
        self.dests[src] = dest
        self.given.add(dest)
        return dest

    def _free_path(self, path: str) -> str:
        """``path``, or ``x-2.md``, ``x-3.md``… when a file of the blog is there already or another is going there:
        a file renamed never replaces one.

        The blog's own files keep their paths, so a path taken is one of theirs or one given before."""
        # Looked up where they are, not gathered into one set each time: a blog of thousands of moved files.
        stem, suffix = posixpath.splitext(path)
        candidate, number = path, 1
        while candidate in self.pages or candidate in self.assets or candidate in self.given:
            number += 1
            candidate = f"{stem}-{number}{suffix}"
        return candidate

    def _nav_report(self) -> None:
        """Where each item of the blog's nav went: Errata's navigation is made from the folders, so a page is in it."""
        for item in _nav_items(self.config.nav):
            link = str(item.get("link") or "")
            text = str(item.get("text") or "")
            if not link:
                continue  # a heading of a drop-down: its items are listed
            target, problem = self._target(link, "index.md")
            if problem:
                self.report.needs_a_person.append(f"{self.config.source}: nav item {text!r} ({link}): {problem}")
            elif target is None:
                self.report.needs_a_person.append(f"{self.config.source}: nav item {text!r} ({link}) leads off the site: add it to the home page or mkdocs.yml by hand")
            else:
                self.report.nav.append(f"{text} ({link}) → {target[0]}")

    # -- writing ------------------------------------------------------------------

    def _write(self, outputs: dict[str, str]) -> None:
        self.dest.mkdir(parents=True, exist_ok=True)
        dest_root = self.dest.resolve()
        for relative, text in outputs.items():
            self._write_one(dest_root, relative, text.encode("utf-8"))
        for relative, source in sorted(self.copies.items()):
            try:
                data = read_regular_file(source, MAX_ASSET_BYTES)
            except OSError as exc:
                self.report.failed.append(f"{source}: cannot read: {exc.strerror or exc}")
                continue
            except EssayError as exc:
                self.report.failed.append(str(exc))
                continue
            if len(data) > MAX_ASSET_BYTES:
                self.report.needs_a_person.append(f"{relative}: larger than {MAX_ASSET_BYTES // 1_000_000} MB: not copied")
                continue
            if self._write_one(dest_root, relative, data):
                self.report.assets.append(relative)

    def _write_one(self, dest_root: Path, relative: str, data: bytes) -> bool:
        target = self.dest / relative
        try:  # a name the file system refuses (longer than 255 bytes: a category of 86 Chinese characters) is reported
            existing = target.parent
            while not existing.exists():
                existing = existing.parent
            if not existing.resolve().is_relative_to(dest_root) or target.is_symlink():
                self.report.failed.append(f"{target}: a symlink in the destination leads elsewhere: not written")
                return False
            if target.exists() and relative.endswith(".md") and relative != "index.md":
                self.report.overwritten += 1
            atomic_write(target, data)  # makes the folders
        except OSError as exc:
            self.report.failed.append(f"{target}: cannot write: {exc.strerror or exc}")
            return False
        return True


def _permalinks_in(dest: Path, skip: set[str]) -> list[tuple[str, str]]:
    """(path under ``dest``, permalink without slashes) of the essays already there, but those at ``skip``;
    and one for each old address an essay lists under ``redirect_from`` (an earlier import's), which it holds as well."""
    if not dest.is_dir():
        return []
    found = []
    for path in sorted(dest.rglob("*.md")):
        relative = path.relative_to(dest).as_posix()
        if relative in skip or path.is_symlink() or not path.is_file():
            continue
        try:
            data = read_regular_file(path, MAX_ESSAY_BYTES)
            if len(data) > MAX_ESSAY_BYTES:
                continue  # no essay: the build refuses it, and it is not read into memory here
            metadata = split_front_matter(data.decode("utf-8")).metadata
        except (OSError, UnicodeDecodeError, EssayError):
            continue  # not this check's business: the build reports it
        old = metadata.get("redirect_from")
        for permalink in [metadata.get("permalink"), *(old if isinstance(old, list) else [old])]:
            permalink = str(permalink or "").strip().strip("/")
            if permalink:
                found.append((relative, permalink))
    return found


_UNCLOSED_START = re.compile(rb"\A(?:\xef\xbb\xbf)?---[ \t]*\r?\n")


def vdoing_name(filename: str) -> str:
    """A page's name as vdoing reads it from its file's: between the first dot and the last (the order number
    off, and whatever else is before a first dot), or all before ``.md`` when there is one dot only.

    >>> vdoing_name("70.nn.Sequential作用.md"), vdoing_name("python中的zip函数.md"), vdoing_name("nn.Module.md")
    ('nn.Sequential作用', 'python中的zip函数', 'Module')
    """
    stem = filename[: filename.rindex(".")] if "." in filename else filename
    return stem.split(".", 1)[1] if "." in stem else stem


def vdoing_categories(src: str, posts_category: str) -> list[str]:
    """The categories vdoing gives a page that names none: its folders, each without what is before its first
    dot (``01.人工智能`` → 人工智能); in ``_posts/``, the folders there, else the posts category.

    >>> vdoing_categories("01.人工智能/03.一些小知识点/70.a.md", "随笔"), vdoing_categories("_posts/a.md", "随笔"), vdoing_categories("_posts/读书/a.md", "随笔")
    (['人工智能', '一些小知识点'], ['随笔'], ['读书'])
    """
    folders = src.split("/")[:-1]
    if folders[:1] == ["_posts"]:
        return folders[1:] or [posts_category]
    return [folder.split(".", 1)[1] if "." in folder else folder for folder in folders]


def _essays_in(dest: Path, skip: set[str]) -> list[str]:
    """The Markdown files already under ``dest`` (paths under it), but those at ``skip``."""
    if not dest.is_dir():
        return []
    return [path.relative_to(dest).as_posix() for path in dest.rglob("*.md") if path.relative_to(dest).as_posix() not in skip]


def vuepress_addresses(src: str) -> list[str]:
    """The addresses VuePress (1 and 2) published a page at that names no permalink: ``a/b.md`` at ``/a/b.html``
    and at ``/a/b`` (VuePress 2's router reads that too, as GitHub Pages and most hosts serve ``b.html``), a
    folder's ``README.md`` at ``/a/``; numbers are kept (VuePress does not take them off).

    >>> vuepress_addresses("01.指南/02.安装.md"), vuepress_addresses("guide/README.md"), vuepress_addresses("index.md")
    (['/01.指南/02.安装.html', '/01.指南/02.安装'], ['/guide/'], [])
    """
    stem = src[:-3]
    folder, name = posixpath.split(stem)
    if name.lower() in ("readme", "index"):
        return [f"/{folder}/"] if folder else []
    return [f"/{stem}.html", f"/{stem}"]


def _protecting_rule(src: str, permalink: Any, rules: list[str]) -> str | None:
    """The first encrypt rule that covers a page (by its route, its permalink or its source path), or None.

    A rule that is a pattern (plume's ``^/secret/``) is not run: only its literal start is compared.

    >>> rules = ["/posts/secret.html", "/private/", "notes/a.md", "^/hidden/"]
    >>> [_protecting_rule(src, None, rules) for src in ("posts/secret.md", "private/x/README.md", "notes/a.md", "hidden/b.md", "posts/open.md")]
    ['/posts/secret.html', '/private/', 'notes/a.md', '^/hidden/', None]
    """
    stem = src[:-3]
    route = "/" + (stem[: -len(PurePosixPath(stem).name)] if PurePosixPath(stem).name.lower() in ("readme", "index") else stem)
    addresses = {route, route + ".html", "/" + src, src}
    if isinstance(permalink, str) and permalink.strip():
        addresses.add("/" + permalink.strip().strip("/") + "/")
    for rule in rules:
        literal = re.match(r"[^\\^$.*+?()\[\]{}|]*", rule.lstrip("^")).group(0) if rule.startswith("^") else rule
        if not literal:
            continue
        if rule.startswith("^") or literal.endswith("/"):
            if any(address.startswith(literal) or address.lstrip("/").startswith(literal.lstrip("/")) for address in addresses):
                return rule
        elif literal in addresses or "/" + literal.lstrip("/") in addresses:
            return rule
    return None


def _free_key(metadata: dict[str, Any], key: str) -> str:
    """``key``, or ``key_2``, ``key_3``… where the front matter already has it: nothing is overwritten.

    >>> _free_key({"vuepress_date": "x"}, "vuepress_date"), _free_key({}, "vuepress_date")
    ('vuepress_date_2', 'vuepress_date')
    """
    name, number = key, 1
    while name in metadata:
        number += 1
        name = f"{key}_{number}"
    return name


def tags_not_allowed(dest: Path, essays: list[str], allowed: set[str] | None, tags_file: str) -> list[str]:
    """What the contribution check will refuse in the imported essays: the tags the site's ``tags.yml`` does not
    list, each with the number of essays that have it (one line for the report; none where the site allows any tag).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "a.md").write_text("---\\ntitle: A\\ntags: [x, y]\\n---\\n", encoding="utf-8")
    ...     tags_not_allowed(Path(tmp), ["a.md"], {"y"}, "tags.yml")
    ["tags.yml: 1 tag of the imported essays is not in it: 'x' (1 essay); add it there, or scripts/check.py refuses those essays"]
    """
    if allowed is None:
        return []
    counts: Counter = Counter()
    for name in essays:
        try:
            metadata = split_front_matter((dest / name).read_text(encoding="utf-8"), name).metadata
        except (OSError, UnicodeDecodeError, EssayError):
            continue
        tags = metadata.get("tags")
        counts.update({tag for tag in tags if isinstance(tag, str) and tag not in allowed} if isinstance(tags, list) else ())
    if not counts:
        return []
    listed = ", ".join(f"{tag!r} ({n} essay{'s' if n > 1 else ''})" for tag, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    one = len(counts) == 1
    return [f"{tags_file}: {len(counts)} tag{'' if one else 's'} of the imported essays {'is' if one else 'are'} not in it: {listed}; "
            f"add {'it' if one else 'them'} there, or scripts/check.py refuses those essays"]


def _closed_front_matter(data: bytes, relative: str) -> bytes:
    """A front matter that is never closed, closed at the end of the file, as VuePress reads it (gray-matter takes
    the rest of the file for the block, and the page has no body): the blog's home page whose YAML ends in
    comments. Only where that rest reads as a mapping of keys: a page that opens with a rule and goes on with
    text is left as it is, and the repair says its front matter is not closed.

    >>> _closed_front_matter(b"---\\nhome: true\\n# a comment\\n", "index.md")
    b'---\\nhome: true\\n# a comment\\n---\\n'
    >>> _closed_front_matter(b"---\\n\\ntext\\n", "a.md"), _closed_front_matter(b"---\\ntitle: A\\n---\\nbody\\n", "a.md")
    (b'---\\n\\ntext\\n', b'---\\ntitle: A\\n---\\nbody\\n')
    """
    if not _UNCLOSED_START.match(data) or _FRONT_MATTER.match(data.lstrip(b"\xef\xbb\xbf")):
        return data
    try:
        text = data.decode("utf-8")
        closed = text + ("" if text.endswith("\n") else "\n") + "---\n"
        metadata = split_front_matter(closed, relative).metadata
    except (UnicodeDecodeError, EssayError):
        return data
    return closed.encode("utf-8") if metadata else data


def _yaml_front_matter(data: bytes) -> bytes:
    """A file whose front matter is TOML, with the same metadata as YAML (the repair and the site read YAML).

    A block that is not TOML, or not UTF-8, is left as it is: the repair reports what it makes of it.

    >>> _yaml_front_matter(b'---toml\\ntitle = "P"\\ntags = ["a"]\\n---\\nbody\\n')
    b'---\\ntitle: P\\ntags:\\n- a\\n---\\nbody\\n'
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    converted = toml_front_matter_as_yaml(text)
    return data if converted == text else converted.encode("utf-8")


def _key_lines(data: bytes) -> dict[str, int]:
    """Each top-level key of a YAML front matter, by the line it is on in the file as the author has it.

    The repair rewrites the block, so the lines of the repaired text are not the author's.

    >>> _key_lines(b"---\\ntitle: a\\ntags:\\n  - x\\nicon: pen\\n---\\nbody icon: no\\n"), _key_lines(b"---\\r\\ntags:\\r\\n---")
    ({'title': 2, 'tags': 3, 'icon': 5}, {'tags': 2})
    """
    found: dict[str, int] = {}
    for number, line in enumerate(_author_block(data).split(b"\n")[1:], start=2):
        if line.rstrip(b" \t\r") in (b"---", b"..."):
            break
        key = _TOP_LEVEL_KEY.match(line)
        if key:
            found.setdefault(key.group(1).decode("ascii"), number)
    return found


_TOP_LEVEL_KEY = re.compile(rb"([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t\r]|$)")


def _author_block(data: bytes) -> bytes:
    """A file's YAML front matter as the author wrote it, delimiters included (``b""`` without one).

    >>> _author_block(b"\\xef\\xbb\\xbf---\\ntitle: a\\n---\\nbody"), _author_block(b"body")
    (b'---\\ntitle: a\\n---\\n', b'')
    """
    match = _FRONT_MATTER.match(data.lstrip(b"\xef\xbb\xbf"))
    return match.group(0) if match else b""


def _block_lines(text: str | bytes) -> int:
    """How many lines the front-matter block takes (0 without one).

    >>> _block_lines(b"---\\r\\ntitle: a\\r\\n---\\r\\nbody"), _block_lines("body")
    (3, 0)
    """
    data = text.encode("utf-8", "replace") if isinstance(text, str) else text
    match = _FRONT_MATTER.match(data.lstrip(b"\xef\xbb\xbf"))
    if match:
        block = match.group(0).decode("utf-8", "replace")
    else:
        toml = TOML_FRONT_MATTER.match(data.decode("utf-8", "replace"))
        block = toml.group(0) if toml else ""
    return block.count("\n") + (not block.endswith("\n")) if block else 0


def _repository_path(path: str, docs: str) -> str | None:
    """The file under the blog's ``docs/`` that VuePress 1's ``<<< ./docs/a.js`` names by a path from
    where VuePress ran (``docs``: where docs/ is from there); ``None`` for one outside ``docs/``.

    >>> _repository_path("./docs/code/a.js", "docs"), _repository_path("code/a.js", "."), _repository_path("src/a.js", "docs"), _repository_path("docs/../x", "docs")
    ('code/a.js', 'code/a.js', None, None)
    """
    raw = unquote(path.strip()).replace("\\", "/")
    if raw.startswith("/") or ON_AUTHORS_COMPUTER.match(raw):
        return None  # a path on the author's computer
    joined = posixpath.normpath(raw)
    prefix = "" if docs == "." else posixpath.normpath(docs) + "/"
    if not joined.startswith(prefix):
        return None
    inside = joined[len(prefix) :]
    return None if inside in ("", ".", "..") or inside.startswith("../") else inside


def _suffix(path: str) -> str:
    return posixpath.splitext(path)[1].lower()


def _passive(path: str) -> bool:
    """Whether a file is one the import copies as it is: one the build publishes (:data:`~errata.paths.PASSIVE_SUFFIXES`).

    >>> _passive("01.a/1.PNG"), _passive("img/logo.svg"), _passive("demo/index.html")
    (True, False, False)
    """
    return _suffix(path) in PASSIVE_SUFFIXES


def _title(page: _Page) -> str:
    return str(page.metadata.get("title") or display_name(page.src))


def _catalogue_description(metadata: dict) -> str:
    """What a vdoing catalogue says under its title (``pageComponent.data.description``), on one line; "" where none.

    >>> _catalogue_description({"pageComponent": {"name": "Catalogue", "data": {"key": "01.指南", "description": "K8S\\n 笔记"}}})
    'K8S 笔记'
    >>> _catalogue_description({"pageComponent": {"data": {"description": ["x"]}}}), _catalogue_description({"pageComponent": "Catalogue"})
    ('', '')
    """
    component = metadata.get("pageComponent")
    data = component.get("data") if isinstance(component, dict) else None
    description = data.get("description") if isinstance(data, dict) else None
    return " ".join(description.split()) if isinstance(description, str) else ""


def _nav_items(items: list, prefix: str = "") -> list[dict]:
    """Every item of a nav, drop-downs' entries included, each link joined to the ``prefix`` its
    drop-down gives (vuepress-theme-hope: ``{prefix: "/posts/", children: ["a", "b/"]}``).

    >>> [i.get("link") for i in _nav_items(["/", {"text": "文", "prefix": "/posts/", "children": ["a", {"link": "b/", "prefix": "c/", "children": ["d"]}]}])]
    ['/', None, '/posts/a', '/posts/b/', '/posts/c/d']
    """
    out = []
    for item in items:
        if not isinstance(item, (dict, str)):
            continue
        item = nav_item(item)
        link = item.get("link")
        if isinstance(link, str) and prefix and not link.startswith("/") and not _SCHEME.match(link):
            item = {**item, "link": posixpath.join(prefix, link)}
        out.append(item)
        inner = item.get("prefix")
        inner = posixpath.join(prefix, inner) if isinstance(inner, str) else prefix
        for key in ("items", "children"):  # a drop-down's entries: VuePress 1's name, then 2's
            if isinstance(item.get(key), list):
                out += _nav_items(item[key], inner)
    return out
