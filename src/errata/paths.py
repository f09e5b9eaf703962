"""Paths that stay inside the site: real files only, no file the build makes, no active static files, sound permalinks.

The build publishes what ``docs/`` holds. A symbolic link would publish its
target (a file outside the repository), a contributed ``errors.md`` would be
shadowed by the generated index, an ``.html`` or ``.svg`` file runs its
scripts when opened, and a permalink becomes a redirect page written where it
says: ``/../../x/`` outside the site, ``/lookup/`` over the lookup page. The
check and the build ask the functions here, so both refuse the same things.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .checks import UNPRINTABLE, quote
from .metadata import without_order_number
from .safety import url_scheme

#: Files the build generates into the site; a contributed file there would be shadowed or would shadow it.
GENERATED_FILES = ("errors.md", "categories.md", "archive.md", "errors.json", "tags.json", "search/search_index.json", "sitemap.xml", "sitemap.xml.gz")
#: Site paths the theme and the build own: a redirect may not be written there.
RESERVED_PATHS = {"errors", "categories", "archive", "tags", "lookup", "search", "assets", "index.html", "404.html", "sitemap.xml", "sitemap.xml.gz", "errors.json", "tags.json"}
#: A page's last segment that names its own index: ``x/index.md``, ``x/README.md`` and the ``x/index.html``
#: the build writes are all the page at ``x/``.
_INDEX_NAMES = ("index", "readme", "index.html")
#: Files published as they are because no browser runs anything in them: pictures, media, documents, data and
#: source code to download. Anything else may be served as a document of this site whose scripts run when it
#: is opened: HTML and SVG, but also the hundred-odd XML types a static host knows by suffix (``.xhtm`` is
#: XHTML to Python's server, ``.xpdl`` XML), and scripts a page could be made to load; so the list says what
#: is safe, not what is not. The importer copies the same files (one rule for both).
PASSIVE_SUFFIXES = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".ico", ".tif", ".tiff",
    ".mp4", ".webm", ".ogg", ".ogv", ".mp3", ".wav", ".m4a", ".flac",
    ".pdf", ".txt", ".csv", ".tsv", ".json", ".yaml", ".yml", ".toml", ".ipynb", ".zip", ".gz", ".tgz", ".7z", ".rar",
    ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".py", ".sh", ".c", ".cpp", ".h", ".java", ".kt", ".go", ".rs",
    ".woff", ".woff2", ".ttf", ".otf",
})
#: Files a site's root holds that have no suffix of their own, and run nothing (a custom domain's ``CNAME``).
PASSIVE_NAMES = frozenset({"CNAME"})
#: The suffixes MkDocs builds pages from (its ``utils.markdown_extensions``). Errata reads essays from ``.md``
#: files only: a page of another suffix would be built without the hooks' checks and escaping.
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
#: The site's own scripts and styles under docs/ (mkdocs.yml names them in extra_javascript and extra_css).
OWN_STATIC_FILES = {"assets/javascripts/errata.js", "assets/stylesheets/errata.css"}
_PERMALINK = re.compile(r"[\w.\-~/]+")
#: An old address a page is also reached by (``redirect_from``): a file's path as VuePress published it
#: (``/笔记/10.安装（Windows）.html``), spaces and punctuation included; not what starts a URL's query or
#: fragment, nor a backslash, a control character, a quote or a bracket of a tag.
_OLD_ADDRESS = re.compile(r"[^\x00-\x1f\x7f\\#?\"'<>]+")
#: The most old addresses (``redirect_from``) a page may keep, and segments an address or a permalink may have:
#: each is a redirect page in folders of its own (VuePress gave a page two addresses, with and without .html).
MAX_OLD_ADDRESSES = 16
MAX_SEGMENTS = 16
#: The longest name of a folder (bytes of UTF-8) file systems take, and of a whole permalink: its redirect
#: page is written at ``site/<permalink>/index.html``, which the system must be able to open.
MAX_NAME_BYTES = 255
MAX_PERMALINK_BYTES = 1024


def symlinks_under(docs_dir: Path) -> list[str]:
    """Every symbolic link under ``docs_dir`` (files and folders), relative and POSIX, without following any."""
    found = []
    for folder, dirs, files in os.walk(docs_dir, followlinks=False):
        for name in [*dirs, *files]:
            if os.path.islink(os.path.join(folder, name)):
                found.append(Path(folder, name).relative_to(docs_dir).as_posix())
    return sorted(found)


SPECIAL_FILE = "not a regular file (a FIFO, socket or device): docs/ takes real files only (reading it would block the build)"


def special_file_problem(path: str | Path) -> str | None:
    """Why an entry of the docs is no file to read, or None: a FIFO, a socket or a device, which
    would keep the build (and the check) waiting for a writer that never comes.

    Folders and symbolic links are not special here (links have their own problem).

    >>> special_file_problem("/dev/null") == SPECIAL_FILE, special_file_problem("/tmp"), special_file_problem(__file__)
    (True, None, None)
    """
    try:
        mode = os.lstat(path).st_mode
    except OSError:  # gone since the listing: nothing to read
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode):
        return None
    return SPECIAL_FILE


def through_symlink(path: Path, root: Path) -> bool:
    """Whether ``path`` is a symbolic link, or lies in a linked folder, below ``root``.

    >>> through_symlink(Path("/tmp"), Path("/"))
    False
    """
    path, root = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return path.is_symlink()
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


def name_problem(src_uri: str) -> str | None:
    """Why a file's name cannot be published, or None: a control character or a line break in it (it would
    start a line of its own in logs, where CI reads commands), or bytes that are not UTF-8 (MkDocs cannot
    make a URL of them and ends in a traceback).

    >>> name_problem("a/b.md"), name_problem("x\\n.md"), name_problem("a\\udcffb.md")
    (None, 'the name holds a control character, a line break or a text-direction mark (rename it)', 'the name is not UTF-8 (rename it)')
    """
    if re.search("[\ud800-\udfff]", src_uri):
        return "the name is not UTF-8 (rename it)"
    if UNPRINTABLE.search(src_uri):
        return "the name holds a control character, a line break or a text-direction mark (rename it)"
    return None


def static_file_problem(src_uri: str, own_files: set[str]) -> str | None:
    """Why a non-Markdown file of the docs may not be published, or None.

    ``own_files`` are the site's own scripts and styles (``extra_javascript``, ``extra_css``).

    >>> static_file_problem("img/a.png", set()), static_file_problem("x/page.html", set())
    (None, 'a .html file is published as it is, and a browser may run scripts in it; docs/ takes Markdown, pictures, media and documents')
    >>> static_file_problem("x/p.markdown", set())
    'Errata builds essays from .md files only (a .markdown page would skip its checks): rename it to .md'

    MkDocs takes ``.md`` as a page in lower case only: ``evil.MD`` would be copied as it is, past every check.

    >>> static_file_problem("x/evil.MD", set())
    'Errata builds essays from .md files only (a .MD page would skip its checks): rename it to .md'
    """
    if src_uri in own_files:
        return None
    written = os.path.splitext(src_uri)[1]
    suffix = written.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return None if written == ".md" else f"Errata builds essays from .md files only (a {written} page would skip its checks): rename it to .md"
    if _theme_has_file(src_uri):
        return f"{src_uri} would replace the theme's own file (its script or style would run on every page)"
    if suffix not in PASSIVE_SUFFIXES and os.path.basename(src_uri) not in PASSIVE_NAMES:
        kind = f"a {suffix} file" if suffix else "a file without a suffix"
        return f"{kind} is published as it is, and a browser may run scripts in it; docs/ takes Markdown, pictures, media and documents"
    return None


#: Front-matter keys Material reads as the name of one of its own files: a page's icon, and its template.
THEME_FILE_KEYS = ("icon", "template")
_ICON_NAME = re.compile(r"[a-z0-9-]+(?:/[a-z0-9-]+){1,3}")
_TEMPLATE_NAME = re.compile(r"[\w-]+\.html")
#: Templates a contributed page may name: the theme's page. (Its others are the 404 page, the blog's,
#: which need the blog plugin, and ``redirect.html``, which sends the reader where the page says.)
PAGE_TEMPLATES = {"main.html"}


def theme_file_problem(key: str, value: object) -> str | None:
    """Why a page's ``icon`` or ``template`` would stop the build, or None: Material looks the file up
    while it renders, and a name it cannot find (``icon: pen``, ``../x``) ends the build in a traceback.

    >>> theme_file_problem("icon", "material/emoticon-happy"), theme_file_problem("icon", "../../etc/passwd")
    (None, "icon '../../etc/passwd' is not an icon of the theme (e.g. material/emoticon-happy)")
    >>> theme_file_problem("template", "main.html"), theme_file_problem("template", "nope.html")
    (None, "template 'nope.html' is not a template of the theme")

    Material's other templates are not pages: ``redirect.html`` prints the front matter's ``location``
    into a script and a refresh (``location: javascript:…`` ran, ``https://evil.example`` was a redirect).

    >>> theme_file_problem("template", "redirect.html")
    "template 'redirect.html' is not a page template (a page may name main.html)"
    """
    theme = _theme_dir()
    if key == "icon":
        if isinstance(value, str) and _ICON_NAME.fullmatch(value) and (theme is None or _theme_has_file(f".icons/{value}.svg")):
            return None
        return f"icon {quote(str(value))} is not an icon of the theme (e.g. material/emoticon-happy)"
    if key == "template":
        if isinstance(value, str) and value in PAGE_TEMPLATES:
            return None
        if isinstance(value, str) and _TEMPLATE_NAME.fullmatch(value) and (theme is None or _theme_has_file(value)):
            return f"template {quote(value)} is not a page template (a page may name {', '.join(sorted(PAGE_TEMPLATES))})"
        return f"template {quote(str(value))} is not a template of the theme"
    return None


#: Front-matter keys Material reads as a given shape while it renders: ``hide`` is searched
#: (``"toc" in hide``) and ``search`` is asked ``.get()``, so ``hide: 3`` or ``search: x`` ended the build in a
#: traceback; ``status`` is printed into a class.
THEME_SHAPED_KEYS = ("hide", "search", "status")
#: Material prints ``status`` into a class of the navigation's link (``md-status--new``): one word, or a
#: class of the theme's own came with it (``new md-consent__overlay`` covered the section's pages).
_STATUS = re.compile(r"[a-z][a-z0-9\-]{0,31}")
#: Every front-matter key the theme needs in a form of its own; a page keeps none that is wrong.
THEME_KEYS = (*THEME_FILE_KEYS, *THEME_SHAPED_KEYS)
#: The largest ``search.boost`` a page may set. Material's own example is 2; far more lets one essay
#: push every other page down the results of any search it matches at all.
MAX_SEARCH_BOOST = 10


def theme_value_problem(key: str, value: object) -> str | None:
    """Why the theme could not render a page with this value of one of :data:`THEME_KEYS`, or None.

    >>> theme_value_problem("hide", ["toc", "navigation"]), theme_value_problem("search", {"exclude": True})
    (None, None)
    >>> theme_value_problem("hide", 3), theme_value_problem("search", "x")
    ('hide must be a list of words (hide: [toc])', 'search must be a mapping (search: {exclude: true})')

    Material copies ``search.boost`` into the search index as it is, and ``.nan`` or ``.inf`` there
    make the index invalid JSON, which ends search on every page:

    >>> theme_value_problem("search", {"boost": float("nan")}), theme_value_problem("search", {"boost": 2, "exclude": "no"})
    ('search.boost must be a number from 0 to 10 (search: {boost: 2})', 'search.exclude must be true or false (search: {exclude: true})')
    """
    if key in THEME_FILE_KEYS:
        return theme_file_problem(key, value)
    if key == "hide" and not (isinstance(value, list) and all(isinstance(item, str) for item in value)):
        return "hide must be a list of words (hide: [toc])"
    if key == "search":
        return _search_problem(value)
    if key == "status" and not (isinstance(value, str) and _STATUS.fullmatch(value)):
        return "status must be one word (a-z, 0-9, -), e.g. new"
    return None


def _search_problem(value: object) -> str | None:
    """What is wrong with a page's ``search`` settings (Material reads ``boost`` and ``exclude``), or None."""
    if not isinstance(value, dict):
        return "search must be a mapping (search: {exclude: true})"
    boost = value.get("boost", 1)
    if isinstance(boost, bool) or not isinstance(boost, (int, float)) or not 0 <= boost <= MAX_SEARCH_BOOST:  # NaN compares false
        return f"search.boost must be a number from 0 to {MAX_SEARCH_BOOST} (search: {{boost: 2}})"
    if not isinstance(value.get("exclude", False), bool):
        return "search.exclude must be true or false (search: {exclude: true})"
    return None


def _theme_dir() -> Path | None:
    """Material's own files, where the theme is installed (the check runs without it, too)."""
    try:
        import material
    except ImportError:
        return None
    return Path(material.__file__).parent / "templates"


def not_utf8_problem(data: bytes, src_uri: str) -> str | None:
    """Why a page cannot be published as it is: its bytes are not UTF-8 (a GBK essay, the damage this site
    repairs). MkDocs ended the build in a traceback on it; now it is refused by name, as the check does.

    >>> not_utf8_problem("# 标题\\n正文\\n".encode("gbk"), "a.md"), not_utf8_problem("# 标题".encode(), "a.md")
    ('not UTF-8 (from line 1): run scripts/repair.py --write docs/a.md, which finds its encoding', None)
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return f"not UTF-8 (from line {line}): run scripts/repair.py --write docs/{src_uri}, which finds its encoding"
    return None


def _theme_has_file(relative: str) -> bool:
    """Whether Material's templates hold a file at ``relative``. A name longer than the file system takes
    (a path of 4,000 bytes, a folder named by 86 Chinese characters) is none: asking raised, and the check,
    the build and the import ended in a traceback.

    >>> _theme_has_file("assets/javascripts/" + "长" * 90 + ".js"), _theme_has_file("a/" * 3000)
    (False, False)
    """
    theme = _theme_dir()
    if theme is None:
        return False
    try:
        return (theme / relative).is_file()
    except (OSError, ValueError):
        return False


def generated_file_problem(src_uri: str) -> str | None:
    """Why a docs file may not exist: the build makes a file of that name.

    >>> generated_file_problem("errors.md")
    'the site generates errors.md; this file would be silently replaced (rename it)'
    >>> generated_file_problem("01.errors.json.md")
    '01.errors.json.md would be published at errors.json/, where the site writes its file errors.json (rename it)'
    >>> generated_file_problem("errors/README.md"), generated_file_problem("tags.json/index.md")
    ('errors/README.md would be published at errors/, where the site writes its own page errors.md (rename it)', 'tags.json/index.md would be published at tags.json/, where the site writes its file tags.json (rename it)')
    """
    if src_uri in GENERATED_FILES:
        return f"the site generates {src_uri}; this file would be silently replaced (rename it)"
    if src_uri.endswith(".md"):
        # A page is written at its name's folder (x.md, x/index.md and x/README.md → x/index.html): where
        # the site writes a file of that name, one of the two writes fails and the build ends in a
        # traceback; where it writes a page of its own there, one page silently replaces the other.
        parts = [without_order_number(part) for part in src_uri[: -len(".md")].split("/")]
        while len(parts) > 1 and parts[-1].lower() in _INDEX_NAMES:
            parts = parts[:-1]
        folder = "/".join(parts)
        if f"{folder}.md" in GENERATED_FILES and src_uri != f"{folder}.md":
            return f"{src_uri} would be published at {folder}/, where the site writes its own page {folder}.md (rename it)"
        if folder in GENERATED_FILES or folder in ("index.html", "404.html") or _theme_has_file(folder):
            return f"{src_uri} would be published at {folder}/, where the site writes its file {folder} (rename it)"
    return None


@dataclass(frozen=True)
class PermalinkProblem:
    src_path: str
    line: int
    message: str


def permalink_path(value: object, key: str = "permalink") -> tuple[str | None, str | None]:
    """(site path, problem): a vdoing permalink as the path its redirect page is written at; with ``key``
    ``redirect_from``, one of a page's old addresses (:data:`_OLD_ADDRESS`: a file name as VuePress published it).

    >>> permalink_path("/pages/7c1c52/"), permalink_path("/../../x/")[1]
    (('pages/7c1c52', None), "permalink '/../../x/' must not contain '.' or '..' segments or '//'")
    >>> permalink_path("/README/")[1], permalink_path("/a/b/README")
    ("permalink '/README/' would replace the home page", ('a/b', None))
    >>> permalink_path("https://evil.example/")[1], permalink_path("index")[1], permalink_path("/")[1]
    ("permalink 'https://evil.example/' must be a path under the site, not a URL", "permalink 'index' would replace the home page", "permalink '/' would replace the home page")
    >>> print(permalink_path("/pages/" + "页" * 90 + "/")[1][-98:])
    页页页/' is too long for a path of the site (at most 255 bytes of UTF-8 between two '/', 1024 in all)
    >>> permalink_path("/index.html", "redirect_from")[1], permalink_path("/a/b/index.html", "redirect_from")
    ("redirect_from '/index.html' would replace the home page", ('a/b', None))
    >>> permalink_path("/笔记/10.安装 (Windows).html", "redirect_from"), permalink_path("/a?b.html", "redirect_from")[1]
    (('笔记/10.安装 (Windows).html', None), "redirect_from '/a?b.html' may not hold a control character, a line separator, a text-direction mark, \\\\, #, ?, quotes, < or >")
    """
    text = str(value).strip()
    if not text:
        return None, None
    shown = f"{key} {quote(text)}"
    if url_scheme(text) or text.startswith("//") or text.startswith("\\\\"):
        return None, f"{shown} must be a path under the site, not a URL"
    if key == "permalink" and not _PERMALINK.fullmatch(text):
        return None, f"{shown} may hold only letters, digits and . - _ ~ /"
    if key != "permalink" and (not _OLD_ADDRESS.fullmatch(text) or UNPRINTABLE.search(text)):
        # UNPRINTABLE: a line separator, a C1 control or a text-direction mark, refused in the docs' file names too, made a
        # folder of site/ named so (red team round 31).
        return None, f"{shown} may not hold a control character, a line separator, a text-direction mark, \\, #, ?, quotes, < or >"
    if not text.strip("/"):
        return None, f"{shown} would replace the home page"
    parts = text.strip("/").split("/")
    if any(part.strip() in ("", ".", "..") for part in parts):
        return None, f"{shown} must not contain '.' or '..' segments or '//'"
    if len(parts) > MAX_SEGMENTS:
        return None, f"{shown} has {len(parts)} segments; at most {MAX_SEGMENTS}"
    if any(len(part.encode("utf-8")) > MAX_NAME_BYTES for part in parts) or len(text.encode("utf-8")) > MAX_PERMALINK_BYTES:
        # The redirects plugin would end the build in "File name too long", after writing the site.
        return None, f"{shown} is too long for a path of the site (at most {MAX_NAME_BYTES} bytes of UTF-8 between two '/', {MAX_PERMALINK_BYTES} in all)"
    # MkDocs writes ``x/index.md`` and ``x/README.md`` both at ``x/index.html``: a redirect named so
    # would replace the page at ``x/`` (the home page, for ``/README/`` or ``/index.html``), and one
    # at ``x/index.html`` would be written inside that page's file, which is no folder.
    while parts and parts[-1].lower() in _INDEX_NAMES:
        parts = parts[:-1]
    if not parts:
        return None, f"{shown} would replace the home page"
    return "/".join(parts), None


def permalink_problems(
    permalinks: dict[str, tuple[object, int]], page_urls: dict[str, str], static_files: set[str]
) -> tuple[dict[str, str], list[PermalinkProblem]]:
    """The valid redirects (source path → site path) and the problems of the others.

    ``permalinks`` maps each essay to its permalink and the line it is on; ``page_urls`` maps
    each page's URL (``mmdetection/errors/``) to its source; ``static_files`` are the site
    paths of the other files. A permalink may not name a page, a path the build or the
    theme owns, a static file (or lie under one), or another essay's permalink.
    """
    valid: dict[str, str] = {}
    owner: dict[str, str] = {}
    problems = []
    statics = _StaticFiles.of(static_files)
    pages = {_folded(url): page for url, page in page_urls.items()}
    for src, (value, line) in sorted(permalinks.items()):
        path, problem = permalink_path(value)
        if problem is None and path is not None:
            problem = _clash(path, src, pages, statics, owner)
        if problem:
            problems.append(PermalinkProblem(src, line, problem))
        elif path is not None:
            _own(owner, path, src)
            valid[src] = path
    return valid, problems


def redirect_from_problems(
    redirects: dict[str, tuple[object, int]], page_urls: dict[str, str], static_files: set[str], taken: dict[str, str]
) -> tuple[dict[str, str], list[PermalinkProblem]]:
    """The valid old addresses (site path → source path) of the pages' ``redirect_from`` lists (and the
    problems of the others), checked as permalinks are; ``taken``: the permalinks' site paths (path → source), which come first.

    An imported VuePress page keeps the addresses VuePress gave it (``/笔记/安装.html``) this way.

    >>> redirect_from_problems({"b.md": (["/a.html", "/a/"], 3)}, {"a/": "a.md"}, set(), {})
    ({'a.html': 'b.md'}, [PermalinkProblem(src_path='b.md', line=3, message='redirect_from /a/ would replace the page a.md')])
    """
    valid: dict[str, str] = {}
    owner: dict[str, str] = {}
    for path, taken_by in taken.items():
        _own(owner, path, taken_by)
    problems = []
    statics = _StaticFiles.of(static_files)
    pages = {_folded(url): page for url, page in page_urls.items()}
    for src, (value, line) in sorted(redirects.items()):
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else None
        if items is None:
            problems.append(PermalinkProblem(src, line, f"redirect_from must be a list of old addresses (redirect_from: [/a.html]), not {type(value).__name__}"))
            continue
        if len(items) > MAX_OLD_ADDRESSES:
            # Each address is a redirect page in folders of its own: sixty deep ones made 30,000 folders.
            problems.append(PermalinkProblem(src, line, f"redirect_from lists {len(items)} addresses; a page may keep at most {MAX_OLD_ADDRESSES}"))
            continue
        for item in items:
            path, problem = permalink_path(item, "redirect_from") if isinstance(item, str) else (None, f"redirect_from: {item!r} is no address")
            if problem is None and path is not None:
                problem = _clash(path, src, pages, statics, owner, "redirect_from")
            if problem:
                problems.append(PermalinkProblem(src, line, problem))
            elif path is not None:
                _own(owner, path, src)
                valid[path] = src
    return valid, problems


@dataclass(frozen=True)
class _StaticFiles:
    """The site paths of the static files, and each folder they are in (with one file there, to name): a path
    is looked up in them in the time of its length, not of the files' number (a blog of thousands of pictures
    and of pages, each with two old addresses, took seconds comparing each address with each picture).
    Looked up without case (:func:`_folded`), each giving the file's own name."""

    files: dict[str, str]
    folders: dict[str, str]

    @classmethod
    def of(cls, static_files: set[str]) -> "_StaticFiles":
        files: dict[str, str] = {}
        folders: dict[str, str] = {}
        for static in sorted(static_files):
            files.setdefault(_folded(static), static)
            parts = _folded(static).split("/")
            for end in range(1, len(parts)):
                folders.setdefault("/".join(parts[:end]), static)
        return cls(files, folders)

    def collision(self, path: str) -> str | None:
        """The file a redirect page at ``path`` (a folder there) would collide with: the file itself, one
        under it, or one it would be under."""
        path = _folded(path)
        if path in self.files:
            return self.files[path]
        if path in self.folders:
            return self.folders[path]
        parts = path.split("/")
        return next((self.files[prefix] for prefix in ("/".join(parts[:end]) for end in range(1, len(parts))) if prefix in self.files), None)


def _folded(path: str) -> str:
    """A site path as a file system that ignores case sees it (macOS's and Windows' by default, where a
    contributor may build): ``/Python/Environment/`` is the page at ``python/environment/`` there, and a
    redirect written at it would replace the page.

    >>> _folded("Python/Environment"), _folded("404.HTML")
    ('python/environment', '404.html')
    """
    return path.lower()


def _clash(path: str, src: str, page_urls: dict[str, str], statics: _StaticFiles, owner: dict[str, str], key: str = "permalink") -> str | None:
    """Why a redirect at ``path`` cannot be written (``page_urls`` and ``owner`` are keyed by :func:`_folded` paths)."""
    shown = f"{key} /{path}/"
    folded = _folded(path)
    if folded.split("/")[0] in RESERVED_PATHS or folded in RESERVED_PATHS:
        return f"{shown} is a path the site generates; choose another"
    page = page_urls.get(folded + "/")
    if page is not None:
        return f"{shown} would replace the page {page}"
    static = statics.collision(path)
    if static is not None:
        return f"{shown} collides with the file {static}"
    if folded in owner:
        return f"{shown} is already {'an address' if key != 'permalink' else 'the permalink'} of {owner[folded]}"
    # A page's file, or a redirect written as a file (``a.html``), is no folder to write another one in: the
    # build ended in a traceback there, with the pages written so far left without their security policy.
    parts = folded.split("/")
    for end in range(1, len(parts)):
        ancestor = "/".join(parts[:end])
        if ancestor.endswith("index.html") and ancestor[: -len("index.html")] in page_urls:
            return f"{shown} lies inside the file of the page {page_urls[ancestor[: -len('index.html')]]}"
        if ancestor.endswith(".html") and ancestor in owner:
            return f"{shown} lies inside the file of the address /{ancestor} of {owner[ancestor]}"
    if folded.endswith(".html") and folded + "/" in owner:
        return f"{shown} is a folder of the address of {owner[folded + '/']}"
    return None


def _own(owner: dict[str, str], path: str, src: str) -> None:
    """Note ``path`` as ``src``'s redirect, and each folder it is written in (``a/`` for ``a/b``), whose
    name no redirect written as a file may take.

    >>> owner = {}; _own(owner, "a.html/b", "x.md"); owner
    {'a.html/b': 'x.md', 'a.html/': 'x.md'}
    """
    folded = _folded(path)
    owner[folded] = src
    parts = folded.split("/")
    for end in range(1, len(parts)):
        owner.setdefault("/".join(parts[:end]) + "/", src)
