"""The vdoing theme's parts of a blog: its config, its home page, its own pages.

The config (``.vuepress/config.js|ts|mjs|cjs|yml|yaml|toml``) is read, never executed: a JS/TS
config is scanned for the literal object it exports, and whatever is not a literal (a function,
a type cast) is skipped as :data:`UNREAD`. A name the object uses (``theme,`` or ``navbar: nav``) is
looked up the same way: a ``const`` of the file, or what a file of ``.vuepress/`` it imports from
(``import theme from "./theme.js"``) exports, a few files deep at most. The scan is one pass over
the tokens of each file, so a hostile config cannot hang it.
"""

from __future__ import annotations

import html
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from typing import Any

import yaml

from ..errors import EssayError
from ..files import read_regular_file
from ..safety import is_plain_web_url
from .markup import OPTIONAL_SYNTAX, Card, card_grid, markdown_text, markdown_url, url_path

CONFIG_NAMES = ("config.ts", "config.js", "config.mjs", "config.cjs", "config.yml", "config.yaml", "config.toml")
MAX_CONFIG = 1_000_000  # characters
MAX_DEPTH = 40  # nesting a config needs; deeper is skipped (no recursion limit, no quadratic scan)
MAX_CONFIG_FILES = 12  # files a config's names are looked up in (theme.ts, navbar.ts, sidebar/…)
MAX_NAME_DEPTH = 4  # a name that names a name that names…: as deep as configs go
MAX_CONFIG_NAMES = 200  # names looked up in all (a config uses a few dozen)

#: vdoing's own pages (front matter flag) → the page Errata generates for the same purpose.
THEME_PAGES = {"archivesPage": "archive.md", "categoriesPage": "categories.md", "tagsPage": "tags.md"}
#: The addresses vdoing gives those pages, for links that name them.
THEME_ADDRESSES = {"archives": "archive.md", "archive": "archive.md", "categories": "categories.md", "tags": "tags.md"}
#: The first folder of the addresses VuePress 2's blog themes give their lists (reco ``/categories/linux/1/``,
#: ``/tags/pip/1/``, ``/timeline/``; hope ``/category/前端/``, ``/tag/vite/``, ``/timeline/``) → Errata's page.
THEME_FOLDERS = {**THEME_ADDRESSES, "category": "categories.md", "tag": "tags.md", "timeline": "archive.md"}
#: The address of a theme's list of posts (plume ``/blog/``, hope ``/article/``) → Errata's archive, where the
#: blog has no page there of its own; only the address itself (``/blog/img/a.png`` is a file of the blog's).
THEME_LISTS = {"blog": "archive.md", "article": "archive.md"}

_TOKEN = re.compile(
    r"""(?P<space>\s+|//[^\n]*|/\*.*?(?:\*/|\Z))"""
    r"""|(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)"""
    r"""|(?P<number>-?\d+(?:\.\d+)?)"""
    r"""|(?P<name>[A-Za-z_$][\w$]*)"""
    r"""|(?P<punct>[{}\[\](),:;=<>.?!+*/%&|^~-])""",
    re.DOTALL,
)
_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "b": "\b", "f": "\f", "v": "\v"}
_EXPORT = re.compile(r"module\.exports\s*=|export\s+default\b")


@dataclass
class SiteConfig:
    """What a blog's config says that an Errata site can use."""

    title: str = ""
    description: str = ""
    repo: str = ""
    url: str = ""  # where the site is published (a sitemap plugin's hostname, with the config's base)
    url_source: str = ""  # what said so: a plugin's hostname, GitHub Pages' address of the repository, a CNAME
    base: str = ""  # the path VuePress publishes the site under (``/blog/`` → ``blog``), which links may begin with
    docs_branch: str = ""  # themeConfig.docsBranch / docsDir: where an edit link finds a page's source
    docs_dir: str = ""
    nav: list[dict[str, Any]] = field(default_factory=list)
    posts_category: str = "随笔"  # vdoing's name for the loose posts of _posts/ (themeConfig.categoryText)
    #: The addresses the theme puts behind a password (hope's encrypt.config, plume's encrypt.rules):
    #: a page's route, a folder's ending in '/', a source path; '/' for hope's encrypt.global.
    protected: list[str] = field(default_factory=list)
    #: The optional Markdown syntaxes the blog has on (``"sub"``: ``H~2~O``, ``"sup"``: ``2^10^``).
    syntax: frozenset[str] = frozenset()
    source: str = ""  # the file it came from ('' when there was none)
    notes: list[str] = field(default_factory=list)
    theme: str = ""  # VuePress 1's theme by name (``theme: 'vdoing'``); '' for a theme given as code (VuePress 2)
    categories_from_folders: bool = True  # vdoing's themeConfig.category: false turns its categories off

    @property
    def vdoing(self) -> bool:
        """Whether the blog is vuepress-theme-vdoing's, which gives every page a permalink when it builds
        (written into the file), and categories from the folders where the page names none."""
        return "vdoing" in self.theme


def _read_config_text(path: Path) -> str:
    """A config file's first :data:`MAX_CONFIG` characters; no more of it is read (a character is 4 bytes at most).

    >>> _read_config_text(Path(__file__)).startswith(chr(34) * 3)  # this module, its docstring first
    True
    """
    return read_regular_file(path, MAX_CONFIG * 4).decode("utf-8", errors="replace")[:MAX_CONFIG]


def _with_plume_settings(data: Any, folder: Path, names: "_Names") -> Any:
    """The config with plume's theme settings from ``plume.config.ts`` beside it (``defineThemeConfig({…})``:
    its navbar, docsRepo, hostname…), where the config's own ``plumeTheme({…})`` does not give them.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "plume.config.ts").write_text("export default defineThemeConfig({ docsRepo: 'a/b', navbar: [{ text: '首页', link: '/' }] })")
    ...     _with_plume_settings({"title": "R", "theme": {"docsRepo": "c/d"}}, Path(tmp), _Names(Path(tmp)))
    {'title': 'R', 'theme': {'docsRepo': 'c/d', 'navbar': [{'text': '首页', 'link': '/'}]}}
    """
    source = next((folder / f"plume.config{suffix}" for suffix in _SCRIPT_SUFFIXES if (folder / f"plume.config{suffix}").is_file()), None)
    if not isinstance(data, dict) or source is None or source.is_symlink():
        return data
    text = _read_config_text(source)
    settings = names.resolve(read_js_object(text), source, text)
    if not isinstance(settings, dict):
        return data
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    return {**data, "theme": {**settings, **theme}}


def find_config(vuepress_dir: Path) -> Path | None:
    for name in CONFIG_NAMES:
        path = vuepress_dir / name
        if path.is_file() and not path.is_symlink():
            return path
    return None


def read_config(path: Path) -> SiteConfig:
    """The site's title, description, repository and nav, from a config file of any kind."""
    config = SiteConfig(source=path.name)
    text = _read_config_text(path)
    try:
        if path.suffix in (".yml", ".yaml"):
            data = yaml.safe_load(text)
        elif path.suffix == ".toml":
            data = tomllib.loads(text)
        else:
            names = _Names(path.parent)
            data = names.resolve(read_js_object(text), path, text)
            data = _with_plume_settings(data, path.parent, names)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as exc:
        config.notes.append(f"{path.name}: cannot be read ({str(exc).splitlines()[0]})")
        return config
    except RecursionError:  # YAML and TOML readers recurse into each nested list: 1,000 deep in 2 KB ended the import
        config.notes.append(f"{path.name}: cannot be read (lists or tables nested too deep)")
        return config
    if not isinstance(data, dict):
        config.notes.append(f"{path.name}: no literal config object found (settings are not read from code)")
        return config
    locale = _get(data, "locales", "/")
    config.theme = _string(data.get("theme")).lower()
    config.title = _site_text(_string(data.get("title")) or _string(_get(locale, "title")), "title", config)
    config.description = _site_text(_string(data.get("description")) or _string(_get(locale, "description")), "description", config)
    # VuePress 1 (and vdoing) keep the theme's settings in themeConfig; VuePress 2 passes them to the theme.
    theme_key = next((key for key in ("themeConfig", "theme") if isinstance(data.get(key), dict)), None)
    theme = data[theme_key] if theme_key else {}
    vuepress_2 = theme_key == "theme"
    # reco and plume name the repository of the pages docsRepo (a URL or owner/name), beside or instead of repo.
    repo = _string(theme.get("repo")) or _string(theme.get("docsRepo"))
    if repo and not repository_url(repo):
        config.notes.append(f"{path.name}: repo {_shown(repo)} is neither owner/name nor a plain http(s) address: left out (set repo_url in mkdocs.yml by hand)")
    config.repo = repo if repository_url(repo) else ""
    # The plugins list is often code (functions, require()), which is not read: the hostname of a
    # sitemap plugin is looked for in the text then, as a literal string only. VuePress 2's themes
    # (hope, plume) take the hostname themselves.
    config.url = (
        _site_url(data)
        or _site_url({"base": data.get("base"), "plugins": [theme]})
        or _site_url({"base": data.get("base"), "plugins": [{"hostname": name} for name in _hostnames_in_code(text, path)]})
    )
    config.url_source = "hostname" if config.url else ""
    base = _string(data.get("base")).strip("/")
    config.base = base if re.fullmatch(r"[\w.~/-]+", base or "-") and ".." not in base.split("/") else ""
    if not config.url and (pages := github_pages_url(config.repo, config.base)):
        config.url, config.url_source = pages, GITHUB_PAGES
    # Edit links: VuePress 1's themes default to the branch master, VuePress 2's to main.
    config.docs_branch = _path_part(_string(theme.get("docsBranch"))) or ("main" if vuepress_2 else "")
    config.docs_dir = _path_part(_string(theme.get("docsDir")))
    category = re.sub(r"[\\/:*?\"<>|\x00-\x1f]", "", _string(theme.get("categoryText"))).strip(". ")
    config.posts_category = category or config.posts_category  # a folder name: no path, no '..'
    config.categories_from_folders = theme.get("category") is not False
    encrypt = theme.get("encrypt")
    if isinstance(encrypt, dict):
        rules = encrypt.get("config", encrypt.get("rules"))
        config.protected = [key for key in rules if isinstance(key, str)] if isinstance(rules, dict) else []
        if encrypt.get("global") is True:
            config.protected.append("/")
    config.syntax = _syntax_on(data, theme, text) | ({"breaks"} if _breaks_on(data, theme, text) else set())
    nav = theme.get("nav", theme.get("navbar"))  # VuePress 2 calls it navbar
    if nav is None:  # vuepress-theme-hope gives each language its own: the root's is the site's
        nav = _get(theme, "locales", "/", "navbar")
    if nav is UNREAD:
        config.notes.append(f"{path.name}: the theme's nav is not a literal (imported or computed): not read")
    elif isinstance(nav, list):
        config.nav = [nav_item(item) for item in nav if isinstance(item, (dict, str))]
    return config


#: What a site's name or description may not hold as it is: mkdocs.yml's ``site_name`` and ``site_description``
#: are printed on every page (the ``<title>``, a ``<meta>`` attribute) by the theme, which does not escape them.
#: Each stands as its typographic or full-width form: the text stays readable, the markup is gone.
_NOT_IN_SITE_TEXT = str.maketrans({"<": "＜", ">": "＞", '"': "＂", "'": "’", "&": "＆"})


def site_text(value: str) -> str:
    """A blog's title or description as plain text for mkdocs.yml: elements that hold code (``<script>``,
    ``<style>``) gone whole, other tags gone with their text kept, ``<>"'&`` as their full-width or
    typographic forms.

    >>> site_text("Tom's <b>Java</b> & Go"), site_text('</title><meta http-equiv="refresh"><script src="/x.txt"></script><title>')
    ('Tom’s Java ＆ Go', '')
    """
    text = _ANY_TAG.sub("", _HIDDEN_ELEMENT.sub("", value))
    return text.translate(_NOT_IN_SITE_TEXT).strip()


def _site_text(value: str, key: str, config: SiteConfig) -> str:
    """:func:`site_text` of the config's ``key``, and a note for a person where that is not the value as written."""
    text = site_text(value)
    if text != value:
        written = f"written as {text!r}" if text else "left out"
        config.notes.append(f"{config.source}: {key} {_shown(value)} holds HTML markup or characters (<>\"'&) the theme would print raw on every page: {written}")
    return text


def repository_url(repo: str) -> str:
    """The web address of the repository a config names (``owner/name`` is on GitHub), or '' when it names
    none that can be written into a page as it is.

    >>> repository_url("someone/blog"), repository_url("https://gitee.com/someone/blog"), repository_url('https://x.org/"><script>')
    ('https://github.com/someone/blog', 'https://gitee.com/someone/blog', '')
    """
    if re.fullmatch(r"[\w.-]+/[\w.-]+", repo):
        return f"https://github.com/{repo}"
    return repo if is_plain_web_url(repo) else ""


def _shown(value: str) -> str:
    """A value of the config, quoted for the report and cut short: a hostile one may be long."""
    return repr(value if len(value) <= 80 else value[:80] + "…")


def nav_item(item: dict[str, Any] | str) -> dict[str, Any]:
    """A nav item as a mapping: VuePress 2 accepts a page's path alone.

    >>> nav_item("/guide/"), nav_item({"text": "首页", "link": "/"})
    ({'text': '/guide/', 'link': '/guide/'}, {'text': '首页', 'link': '/'})
    """
    return item if isinstance(item, dict) else {"text": item, "link": item}


def _hostnames_in_code(text: str, path: Path) -> list[str]:
    """The literal ``hostname: '…'`` settings a script config holds anywhere, in code the object scan does
    not read (a plugin's call inside a function), but not in its comments: a theme's template ships
    ``// hostname: 'https://your_site_url'``. A YAML or TOML config is read whole, and holds no code.

    >>> _hostnames_in_code("// hostname: 'https://your_site_url',\\nplugins: () => [sitemap({ hostname: 'https://a.io' })]", Path("config.ts"))
    ['https://a.io']
    """
    if path.suffix not in _SCRIPT_SUFFIXES:
        return []
    tokens = _tokens(text)
    return [
        _unquote(tokens[k + 2][1])
        for k in range(len(tokens) - 2)
        if tokens[k] == ("name", "hostname") and tokens[k + 1] == ("punct", ":") and tokens[k + 2][0] == "string"
    ]


#: What a site address taken from the repository and the base is said to come from.
GITHUB_PAGES = "GitHub Pages' address of the repository and its base"


def github_pages_url(repo: str, base: str) -> str:
    """Where GitHub Pages publishes a blog whose config names its repository and publishes it under the
    repository's name (``base: '/name/'``, as VuePress's guide says for GitHub Pages), or a user's site
    (``owner/owner.github.io``, at the root); '' for any other.

    >>> github_pages_url("someone/notes", "notes"), github_pages_url("https://github.com/Some-One/some-one.github.io", "")
    ('https://someone.github.io/notes/', 'https://some-one.github.io/')
    >>> github_pages_url("someone/notes", ""), github_pages_url("https://gitee.com/someone/notes", "notes")
    ('', '')
    """
    match = re.fullmatch(r"(?:https://github\.com/)?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([\w.-]+?)(?:\.git)?/?", repo)
    if not match:
        return ""
    owner, name = match.group(1).lower(), match.group(2)
    if name.lower() == f"{owner}.github.io" and not base:
        return f"https://{owner}.github.io/"
    return f"https://{owner}.github.io/{name}/" if base == name else ""


def site_settings_left(mkdocs_yml: str, changed: list[str], name: str) -> list[str]:
    """What a person must set in ``mkdocs.yml`` by hand after the import: its site address and repository
    where the blog's config gave none, so that they are still what the file said (Errata's own, say).

    >>> site_settings_left("site_url: https://errata.example.org/\\nrepo_url: x\\n", ["repo_url"], "mkdocs.yml")
    ["mkdocs.yml: site_url is still 'https://errata.example.org/': the blog's config gives no address (no hostname, CNAME or GitHub Pages base): set it to where the site will be published (sitemap.xml and every page's canonical link use it)"]
    """
    said = {
        "site_url": "the blog's config gives no address (no hostname, CNAME or GitHub Pages base): set it to where the site will be published (sitemap.xml and every page's canonical link use it)",
        "repo_url": "the blog's config names no repository: set yours, or remove repo_url and repo_name (the header links to it)",
    }
    left = []
    for key, why in said.items():
        line = next((line for line in mkdocs_yml.split("\n") if line.startswith(f"{key}:")), None)
        value = line[len(key) + 1 :].strip().strip('"') if line is not None else ""
        if value and key not in changed:
            left.append(f"{name}: {key} is still {value!r}: {why}")
    return left


def _site_url(data: dict) -> str:
    """Where the blog was published: the hostname a sitemap (or feed) plugin is given, with the config's ``base``.

    >>> _site_url({"base": "/blog/", "plugins": [["sitemap", {"hostname": "https://example.cn"}]]})
    'https://example.cn/blog/'
    >>> _site_url({"plugins": {"vuepress-plugin-sitemap": {"hostname": "javascript:alert(1)"}}})
    ''

    A hostname may carry the folder the site is published in (hope 1's ``hostname:
    "https://a.github.io/notes/"``, no ``base``); a ``base`` it already ends with is not added twice.

    >>> _site_url({"plugins": [{"hostname": "https://a.github.io/StudyNote/"}]})
    'https://a.github.io/StudyNote/'
    >>> _site_url({"base": "/notes/", "plugins": [{"hostname": "https://a.io/notes"}]})
    'https://a.io/notes/'
    """
    for options in _plugin_options(data.get("plugins")):
        host = _string(options.get("hostname"))
        found = re.fullmatch(r"(https?://[\w.-]+(?::\d+)?)((?:/[\w.~-]+)*)/?", host)
        if found and ".." not in found.group(2).split("/"):
            site = found.group(1) + found.group(2) + "/"
            base = _string(data.get("base")).strip("/")
            # Not added where the hostname's folders already end with it, folder by folder (``/mynotes`` does not end with ``notes``).
            folders, base_folders = found.group(2).strip("/").split("/"), base.split("/")
            if base and re.fullmatch(r"[\w.~/-]+", base) and ".." not in base_folders and folders[-len(base_folders):] != base_folders:
                site += f"{base}/"
            return site
    return ""


def _plugin_options(plugins: Any) -> list[dict]:
    """The options of each plugin a config lists: VuePress 1's ``[name, options]`` or ``{name: options}``,
    VuePress 2's ``namePlugin(options)`` (read as the options).

    >>> _plugin_options([["sitemap", {"hostname": "h"}], {"sub": True}, "x"]), _plugin_options({"md-enhance": {"sup": True}})
    ([{'hostname': 'h'}, {'sub': True}], [{'sup': True}])
    """
    entries = list(plugins.values()) if isinstance(plugins, dict) else plugins if isinstance(plugins, list) else []
    found = []
    for entry in entries:
        options = next((part for part in entry if isinstance(part, dict)), None) if isinstance(entry, list) else entry
        if isinstance(options, dict):
            found.append(options)
    return found


_PLUME = re.compile(r"\bvuepress-theme-plume\b|\bplumeTheme\s*\(")


def _syntax_on(data: dict, theme: dict, text: str) -> frozenset[str]:
    """The optional syntaxes (markdown-it-sub's ``H~2~O``, -sup's ``2^10^``) the blog's Markdown reads: plume's
    always; vuepress-theme-hope's and md-enhance's where their options turn them on (``sub: true``, ``enableAll``).

    >>> sorted(_syntax_on({}, {"plugins": {"mdEnhance": {"sub": True}}}, "")), sorted(_syntax_on({}, {}, "plumeTheme({})"))
    (['sub'], ['math', 'sub', 'sup'])
    >>> sorted(_syntax_on({}, {"mdEnhance": {"katex": True}}, "")), sorted(_syntax_on({}, {}, "plugins: ['vuepress-plugin-mathjax']"))
    (['math'], ['math'])
    """
    if _PLUME.search(text):
        return OPTIONAL_SYNTAX
    places = [theme.get("mdEnhance"), theme.get("markdown"), _get(theme, "plugins", "mdEnhance"), *_plugin_options(data.get("plugins"))]
    on: set[str] = set()
    for options in places:
        if isinstance(options, dict):
            every = options.get("enableAll") is True
            on |= {name for name in OPTIONAL_SYNTAX if every or options.get(name) is True}
            on |= {"math"} if any(options.get(name) not in (None, False) for name in _MATHS_OPTIONS) else set()
    return frozenset(on | ({"math"} if _MATHS_PLUGIN.search(text) else set()))


#: md-enhance's and hope's options that turn TeX formulas on (``katex: true``, ``math: { type: "katex" }``), and the
#: plugins that do (``vuepress-plugin-mathjax``, ``markdown-it-katex``, ``@vuepress/plugin-markdown-math``).
_MATHS_OPTIONS = ("katex", "mathjax", "tex", "math")
_MATHS_PLUGIN = re.compile(r"(?:plugin|markdown-it)-(?:katex|mathjax\d?|texmath|markdown-math)\b|\bmarkdownMathPlugin\b", re.IGNORECASE)


#: VuePress 1's way to set a markdown-it option: ``extendMarkdown: md => { md.set({ breaks: true }) }`` (code, read as text).
_SET_BREAKS = re.compile(r"\.set\(\s*\{[^{}()]{0,500}?\bbreaks\s*:\s*true\b")


def _breaks_on(data: dict, theme: dict, text: str) -> bool:
    """Whether the blog's markdown-it shows each line break inside a paragraph as one (its ``breaks`` option):
    VuePress 2's ``markdown: { breaks: true }``, vuepress-theme-hope's and md-enhance's ``breaks: true``, or
    VuePress 1's ``md.set({ breaks: true })``.

    >>> _breaks_on({}, {"plugins": {"mdEnhance": {"breaks": True}}}, ""), _breaks_on({"markdown": {"breaks": True}}, {}, "")
    (True, True)
    >>> _breaks_on({}, {}, "extendMarkdown: md => { md.set({ breaks: true }) }"), _breaks_on({}, {"mdEnhance": {"breaks": False}}, "")
    (True, False)
    """
    places = [data.get("markdown"), theme.get("mdEnhance"), theme.get("markdown"), _get(theme, "plugins", "mdEnhance"), *_plugin_options(data.get("plugins"))]
    return any(isinstance(options, dict) and options.get("breaks") is True for options in places) or bool(_SET_BREAKS.search(text))


def _path_part(value: str) -> str:
    """A branch or folder name fit for a URL path ('' for anything else).

    >>> _path_part("master"), _path_part("docs/"), _path_part("../x"), _path_part("a b")
    ('master', 'docs', '', '')
    """
    value = value.strip("/")
    return value if re.fullmatch(r"[\w.-]+(?:/[\w.-]+)*", value) and ".." not in value.split("/") else ""


def read_js_object(text: str) -> Any:
    """The object literal a JS/TS config exports, as Python values; code parts become :data:`UNREAD`.

    >>> read_js_object("import x from 'y'\\nexport default defineConfig({ title: 'A', n: [1, {t: `b`}], f: () => {}, p: <T>[x] })")
    {'title': 'A', 'n': [1, {'t': 'b'}], 'f': <UNREAD>, 'p': <UNREAD>}
    """
    export = _EXPORT.search(text)
    start = text.find("{", export.end() if export else 0)
    if start < 0:
        return None
    tokens = _tokens(text[start:])
    value, _ = _value(tokens, 0)
    return value


class _Unread:
    def __repr__(self) -> str:
        return "<UNREAD>"


UNREAD = _Unread()  # a value the scan could not read without running the code


@dataclass(frozen=True)
class _Name:
    """A name where a value was (``theme,``, ``navbar: nav``): looked up by :class:`_Names`, else :data:`UNREAD`."""

    name: str


@dataclass(frozen=True)
class _Required:
    """``require('./config/nav.js')`` where a value was (vdoing's JS template): what that file exports."""

    source: str


_SCRIPT_SUFFIXES = (".ts", ".js", ".mts", ".mjs", ".cts", ".cjs")


class _Names:
    """Looks up the names a config's object uses, in the file and in the files of ``folder`` it imports
    (read, never run; never outside ``folder`` or through a symlink). Each file is read and scanned once
    and each name looked up once, a bounded number of files and names: a hostile config cannot make it slow.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "navbar.ts").write_text("export default navbar([{ text: '指南', link: '/guide/' }])")
    ...     _ = Path(tmp, "theme.ts").write_text("import navbar from './navbar.js'\\nexport default hopeTheme({ repo: 'a/b', navbar })")
    ...     text = "import theme from './theme.js'\\nconst title: string = '小站'\\nexport default defineUserConfig({ title, theme })"
    ...     _Names(Path(tmp)).resolve(read_js_object(text), Path(tmp, "config.ts"), text)
    {'title': '小站', 'theme': {'repo': 'a/b', 'navbar': [{'text': '指南', 'link': '/guide/'}]}}
    """

    def __init__(self, folder: Path):
        self.folder = folder.resolve()
        self.files: dict[Path, _Script] = {}
        self.found: dict[tuple[Path, str | None], Any] = {}  # (file, name; None: its default export) → value

    def resolve(self, value: Any, path: Path, text: str | None = None, depth: int = 0) -> Any:
        """``value`` with each :class:`_Name` in it replaced by what it names in the file at ``path``."""
        if text is not None and path not in self.files:
            self.files[path] = _Script(text)
        if isinstance(value, _Name):
            return self.lookup(path, value.name, depth + 1) if depth < MAX_NAME_DEPTH else UNREAD
        if isinstance(value, _Required):
            target = self.file(path.parent, value.source) if depth < MAX_NAME_DEPTH else None
            if target is None:
                return UNREAD
            return self.files[target].json if target.suffix == ".json" else self.lookup(target, None, depth + 1)
        if isinstance(value, dict):
            return {key: self.resolve(item, path, None, depth) for key, item in value.items()}
        if isinstance(value, list):
            return [self.resolve(item, path, None, depth) for item in value]
        return value

    def lookup(self, path: Path, name: str | None, depth: int) -> Any:
        """What ``name`` is in the file (its own ``const``, else the import that brings it in), or what it exports by default."""
        key = (path, name)
        if key in self.found:
            return self.found[key]
        if len(self.found) >= MAX_CONFIG_NAMES:
            return UNREAD
        self.found[key] = UNREAD  # a name that leads back to itself stays unread
        script = self.files[path]
        if name is None:
            value = script.literal(script.default) if script.default is not None else UNREAD
        elif name in script.declared:
            value = script.literal(script.declared[name])
        elif name in script.imports:
            exported, source = script.imports[name]
            target = self.file(path.parent, source)
            if target is None:
                value = UNREAD
            elif target.suffix == ".json":  # data, no names in it: taken as it is (however deep it nests)
                self.found[key] = self.files[target].json if exported is None else UNREAD
                return self.found[key]
            else:
                value = self.lookup(target, exported, depth)
        else:
            value = UNREAD
        self.found[key] = self.resolve(value, path, None, depth)
        return self.found[key]

    def file(self, here: Path, source: str) -> Path | None:
        """The file an import names (``./navbar.js`` is ``navbar.ts`` in TypeScript), if it is one of the folder's."""
        if not source.startswith("."):
            return None  # a package: code, not settings
        base = here / source
        stem = base.with_suffix("") if base.suffix in (*_SCRIPT_SUFFIXES, ".json") else base
        for candidate in (base, *(stem.with_suffix(s) for s in _SCRIPT_SUFFIXES), *(base / f"index{s}" for s in _SCRIPT_SUFFIXES)):
            if candidate in self.files:
                return candidate
            try:
                if candidate.is_symlink() or not candidate.is_file() or not candidate.resolve().is_relative_to(self.folder):
                    continue
                if len(self.files) >= MAX_CONFIG_FILES:
                    return None
                self.files[candidate] = _Script(_read_config_text(candidate), candidate.suffix == ".json")
                return candidate
            except (OSError, EssayError):
                continue
        return None


class _Script:
    """One JS/TS file, scanned once: its tokens, where each bracket closes, the values its names are
    given (``const navbar = …``, ``export const …``), its default export and its imports."""

    def __init__(self, text: str, is_json: bool = False):
        self.json: Any = UNREAD
        self.tokens: list[tuple[str, str]] = []
        self.declared: dict[str, int] = {}  # name → the index of its value's first token
        self.imports: dict[str, tuple[str | None, str]] = {}  # local name → (exported name; None: the default, source)
        self.default: int | None = None
        if is_json:
            try:
                self.json = json.loads(text)
            except (ValueError, RecursionError):
                pass
            return
        self.tokens = _tokens(text)
        self.closes = _closing_brackets(self.tokens)
        tokens = self.tokens
        for i, (kind, word) in enumerate(tokens):
            if kind != "name":
                continue
            if word == "import" or (word in ("const", "let", "var") and self._require(i + 1)):
                self._import(i + 1)
            if word in ("const", "let", "var") and i + 2 < len(tokens) and tokens[i + 1][0] == "name":
                j = i + 2
                while j < len(tokens) and j < i + 40 and tokens[j][1] not in ("=", ";"):  # a type: `: NavbarConfig`
                    j += 1
                if j < len(tokens) and tokens[j][1] == "=":
                    self.declared.setdefault(tokens[i + 1][1], j + 1)
            elif word == "default" and i and tokens[i - 1][1] == "export":
                self.default = i + 1
            elif word == "exports" and i > 1 and tokens[i - 2][1] == "module" and i + 1 < len(tokens) and tokens[i + 1][1] == "=":
                self.default = i + 2

    def _require(self, i: int) -> bool:
        """Whether tokens from ``i`` are ``name = require('…')`` or ``{ a, b } = require('…')``."""
        after = self.closes.get(i, i) + 1 if i < len(self.tokens) and self.tokens[i][1] == "{" else i + 1
        words = [text for _, text in self.tokens[after : after + 5]]
        return len(words) == 5 and words[:3] == ["=", "require", "("] and self.tokens[after + 3][0] == "string" and words[4] == ")"

    def _import(self, i: int) -> None:
        """The names an import (``import a, { b as c } from '…'``, ``a = require('…')``) from token ``i`` brings in.

        >>> script = _Script("import type x, { b as c, d } from './m.js'\\nconst e = require('./n.js')\\nconst { f } = require('./o')")
        >>> sorted(script.imports.items())
        [('c', ('b', './m.js')), ('d', ('d', './m.js')), ('e', (None, './n.js')), ('f', ('f', './o')), ('x', (None, './m.js'))]
        """
        tokens = self.tokens
        if i < len(tokens) and tokens[i][1] == "type":
            i += 1
        default = None
        if i < len(tokens) and tokens[i][0] == "name" and tokens[i][1] not in ("from",):
            default, i = tokens[i][1], i + 1
        if i < len(tokens) and tokens[i][1] == ",":
            i += 1
        named: list[tuple[str, str]] = []
        if i < len(tokens) and tokens[i][1] == "{":
            end = self.closes.get(i, i)
            words = [text for _, text in tokens[i + 1 : end]]
            for item in " ".join(words).split(","):
                parts = item.split()
                if parts and parts[0] != "type":
                    named.append((parts[0], parts[-1]))  # ``b as c``: c is b
            i = end + 1
        if i + 1 < len(tokens) and tokens[i][1] == "from" and tokens[i + 1][0] == "string":
            source = _unquote(tokens[i + 1][1])
        elif i + 3 < len(tokens) and tokens[i][1] == "=" and tokens[i + 1][1] == "require" and tokens[i + 3][0] == "string":
            source = _unquote(tokens[i + 3][1])
        else:
            return
        if default:
            self.imports[default] = (None, source)
        for exported, local in named:
            self.imports[local] = (exported, source)

    def literal(self, i: int) -> Any:
        """The value of the expression at token ``i``: a literal, a name, or a call with one literal.

        >>> script = _Script("const a = navbar(['/a/'])\\nconst b = [1]\\nfoo()\\nconst c = nav;")
        >>> [script.literal(script.declared[name]) for name in "abc"]
        [['/a/'], [1], _Name(name='nav')]
        """
        tokens = self.tokens
        i = _after_type_assertion(tokens, i)
        if i >= len(tokens):
            return UNREAD
        # A literal (or a call) ends at its bracket, ';' or not; one never closed is no literal.
        if tokens[i][1] in "{[" and tokens[i][0] == "punct":
            if i not in self.closes:
                return UNREAD
            end = self.closes[i] + 1
        elif tokens[i][0] == "name" and i + 1 < len(tokens) and tokens[i + 1][1] == "(":
            if i + 1 not in self.closes:
                return UNREAD
            end = self.closes[i + 1] + 1
        elif i + 1 == len(tokens) or tokens[i + 1][1] in ";,)}]" or tokens[i + 1][0] != "punct":
            # One token, then the statement ends (a ';', or the next statement's first word).
            if tokens[i][0] == "name" and tokens[i][1] not in ("true", "false", "null", "undefined"):
                return _Name(tokens[i][1])
            end = i + 1
        else:
            return UNREAD  # an expression: code
        value, _ = _value(tokens[i:end], 0)
        return value


def _after_type_assertion(tokens: list[tuple[str, str]], i: int) -> int:
    """Where the value starts after a TypeScript type assertion (``<ThemeConfig>{ … }``, ``<Array<NavItem>>[ … ]``),
    which is the value itself to whoever reads it; ``i`` itself when there is none. Only a type goes between the
    brackets (names, dots, ``[]``, ``|``, ``&``, ``,``), and an object or a list must follow: anything else stays code.

    >>> [_after_type_assertion(_tokens(text), 0) for text in ("<A<B.C>>[1]", "<A>{}", "<A>b", "<A>(1)", "[1]")]
    [8, 3, 0, 0, 0]
    """
    if i >= len(tokens) or tokens[i] != ("punct", "<"):
        return i
    depth = 0
    for j in range(i, min(len(tokens), i + 64)):  # a type is a few words: no scan to the end of a long file
        kind, text = tokens[j]
        if text == "<":
            depth += 1
        elif text == ">":
            depth -= 1
            if depth == 0:
                follows = tokens[j + 1] if j + 1 < len(tokens) else ("", "")
                return j + 1 if follows[0] == "punct" and follows[1] in ("{", "[") else i
        elif not (kind == "name" or text in (".", "[", "]", "|", "&", ",")):
            return i
    return i


def _closing_brackets(tokens: list[tuple[str, str]]) -> dict[int, int]:
    """Each opening bracket's index → its closing bracket's, in one pass.

    >>> _closing_brackets(_tokens("a([1, {b: 2}])"))
    {5: 9, 2: 10, 1: 11}
    """
    out: dict[int, int] = {}
    stack: list[int] = []
    for i, (kind, text) in enumerate(tokens):
        if kind != "punct":
            continue
        if text in "([{":
            stack.append(i)
        elif text in ")]}" and stack:
            out[stack.pop()] = i
    return out


def _tokens(text: str) -> list[tuple[str, str]]:
    out = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match:
            out.append(("other", text[position]))
            position += 1
            continue
        position = match.end()
        if match.lastgroup != "space":
            out.append((match.lastgroup, match.group(0)))
    return out


def _value(tokens: list[tuple[str, str]], i: int, depth: int = 0) -> tuple[Any, int]:
    """A literal starting at token ``i`` and the index after it; anything else is skipped to the next ``,``."""
    if i >= len(tokens):
        return UNREAD, i
    kind, text = tokens[i]
    end = _expression_end(tokens, i)
    if depth <= MAX_DEPTH and (stop := _options_call(tokens, i, end)):  # the cheap test first: the other scans to the bracket
        # VuePress 2 passes settings to functions: ``theme: defaultTheme({ navbar: [...] })``,
        # ``sitemapPlugin({ hostname: ... })``, ``navbar([...])``. The literal is the settings, read as any other.
        read = _object if tokens[i + 2][1] == "{" else _array
        return read(tokens, i + 3, stop, depth + 1), end
    if text == "require" and end == i + 4 and tokens[i + 1][1] == "(" and tokens[i + 2][0] == "string" and tokens[i + 3][1] == ")":
        return _Required(_unquote(tokens[i + 2][1])), end  # CommonJS: what that file exports
    if end != i + 1 and not (text in "{[" and _closing(tokens, i) == end - 1) or depth > MAX_DEPTH:
        return UNREAD, end  # an expression (a call, a cast, an arrow function)
    if text == "{":
        return _object(tokens, i + 1, end - 1, depth + 1), end
    if text == "[":
        return _array(tokens, i + 1, end - 1, depth + 1), end
    if kind == "string" and not (text[0] == "`" and "${" in text):
        return _unquote(text), end
    if kind == "number":
        return (float(text) if "." in text else int(text)), end
    if kind == "name" and text in ("true", "false", "null", "undefined"):
        return {"true": True, "false": False}.get(text), end
    if kind == "name":
        return _Name(text), end  # looked up by _Names when the reader can see the file
    return UNREAD, end


def _options_call(tokens, i: int, end: int) -> int:
    """Where the literal closes if tokens ``i``..``end`` are a function called with an object or array literal
    first: ``defaultTheme({ ... })``, hope's ``hopeTheme({ ... }, { custom: true })`` (the settings, then how
    the theme behaves); else 0.

    >>> tokens = _tokens("hopeTheme({ repo: 'a/b' }), x")
    >>> _options_call(tokens, 0, _expression_end(tokens, 0)), _options_call(tokens, 0, 2)
    (6, 0)
    >>> tokens = _tokens("hopeTheme({ repo: 'a/b' }, { custom: true })")
    >>> _options_call(tokens, 0, _expression_end(tokens, 0)), _options_call(_tokens("f(x, { a: 1 })"), 0, 9)
    (6, 0)
    """
    if not (end - i >= 5 and tokens[i][0] == "name" and tokens[i + 1][1] == "(" and tokens[i + 2][1] in ("{", "[") and tokens[end - 1][1] == ")"):
        return 0
    stop = _closing(tokens, i + 2)
    return stop if stop < end - 1 and tokens[stop + 1][1] in (")", ",") else 0


def _object(tokens, i: int, stop: int, depth: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    while i < stop:
        kind, text = tokens[i]
        if text == ",":
            i += 1
            continue
        key = _unquote(text) if kind == "string" else text if kind in ("name", "number") else None
        if kind == "name" and (i + 1 >= stop or tokens[i + 1][1] == ","):
            out[key] = _Name(text)  # a shorthand (``{ navbar, sidebar }``): the value is the name's
            i += 1
            continue
        if key is None or i + 1 >= stop or tokens[i + 1][1] != ":":
            i = _expression_end(tokens, i)  # a spread, a method, a shorthand: not a literal entry
            continue
        value, i = _value(tokens, i + 2, depth)
        out[key] = value
    return out


def _array(tokens, i: int, stop: int, depth: int) -> list[Any]:
    out = []
    while i < stop:
        if tokens[i][1] == ",":
            i += 1
            continue
        value, i = _value(tokens, i, depth)
        out.append(value)
    return out


def _closing(tokens, i: int) -> int:
    """The index of the bracket closing the one at ``i`` (or the end)."""
    depth = 0
    for j in range(i, len(tokens)):
        text = tokens[j][1]
        if text in "([{" and tokens[j][0] == "punct":
            depth += 1
        elif text in ")]}" and tokens[j][0] == "punct":
            depth -= 1
            if depth == 0:
                return j
    return len(tokens) - 1


def _expression_end(tokens, i: int) -> int:
    """The index after the expression starting at ``i``: the next ``,`` or closing bracket at its depth."""
    depth = 0
    j = i
    while j < len(tokens):
        kind, text = tokens[j]
        if kind == "punct":
            if text in "([{":
                depth += 1
            elif text in ")]}":
                if depth == 0:
                    return j
                depth -= 1
            elif text in ",;" and depth == 0:
                return j
        j += 1
    return j


def _unquote(token: str) -> str:
    """A JS string literal's value.

    >>> _unquote("'a\\\\'b'"), _unquote('"\\\\u5c71"')
    ("a'b", '山')
    """
    body = token[1:-1]
    if token[0] == '"':
        try:
            return json.loads(token)
        except ValueError:
            pass
    out, i = [], 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            following = body[i + 1]
            if following == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", body[i + 2 : i + 6]):
                out.append(chr(int(body[i + 2 : i + 6], 16)))
                i += 6
                continue
            out.append(_JS_ESCAPES.get(following, following))
            i += 2
            continue
        out.append(char)
        i += 1
    return "".join(out)


def _get(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _string(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


# -- the home page ---------------------------------------------------------------


FRONT_DOOR = "<!-- errata:front-door -->"


def home_page(metadata: dict[str, Any], body: str, site: SiteConfig, resolve) -> str:
    """Errata's ``index.md`` from vdoing's or VuePress 2's home (``home: true``): hero text, tagline,
    actions, features, body, footer.

    The ``<!-- errata:front-door -->`` line is where the site's hook puts the latest entries, tags and counts.

    >>> print(home_page({"heroText": "山高水长", "tagline": "慢慢来"}, "", SiteConfig(), lambda u, i: u), end="")
    ---
    title: 山高水长
    hide:
    - navigation
    - toc
    ---
    # 山高水长
    <BLANKLINE>
    慢慢来
    { .errata-tagline }
    <BLANKLINE>
    <!-- errata:front-door -->
    """
    from ..metadata import dump_front_matter  # the same YAML writer as every essay

    metadata = _common_home(metadata)
    title = _string(metadata.get("heroText")) or site.title or _string(metadata.get("title")) or "首页"
    lines = []
    hero = _string(metadata.get("heroImage"))
    picture = resolve(hero, True) if hero else None
    if picture:
        lines += [f"![]({picture}){{ .errata-hero-image }}", ""]
    lines += [f"# {title}", ""]
    tagline = _string(metadata.get("tagline")) or site.description
    if tagline:
        lines += [tagline, "{ .errata-tagline }", ""]
    description = _string(metadata.get("heroDescription"))
    if description:
        lines += [description, ""]
    buttons = _buttons(metadata, resolve)
    if buttons:
        lines += [" ".join(buttons), ""]
    lines += [FRONT_DOOR, ""]
    features = metadata.get("features")
    if isinstance(features, list):
        cards = [
            Card(str(f.get("title") or ""), str(f.get("details") or ""), f.get("link"), f.get("imgUrl"))
            for f in features
            if isinstance(f, dict)
        ]
        lines += card_grid(cards, resolve)
    if body.strip():
        lines += [body.strip("\n"), ""]
    footer = footer_markdown(_string(metadata.get("footer")), resolve)
    if footer:
        lines += [footer, "{ .errata-footer }", ""]
    meta = {"title": title, "hide": ["navigation", "toc"]}
    return dump_front_matter(meta) + "\n".join(lines).rstrip("\n") + "\n"


#: A link of a footer, and elements dropped whole. None reads past the next tag's ``<`` (a link's label
#: past the next link): an attempt that fails stops there, so a footer of 8,000 unclosed ``<a href>``
#: is read once, not 8,000 times to its end (16 s).
_FOOTER_LINK = re.compile(
    r"""<a\b[^<>]*?\shref\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s<>]+))[^<>]*>((?:(?!<a\b|</a\s*>).)*)</a\s*>""", re.IGNORECASE | re.DOTALL
)
_HIDDEN_ELEMENT = re.compile(r"<(script|style)\b(?:(?!<\1\b).)*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_ANY_TAG = re.compile(r"<[^<>]*>")


def footer_markdown(footer: str, resolve) -> str:
    """A home page's footer, which VuePress renders as HTML, as one line of Markdown: its links as
    links (the ICP filing number a Chinese site must show links to the registry), other tags taken
    off with their text kept, scripts and styles dropped whole. Written as text before, the links'
    markup showed on the page.

    >>> footer_markdown('<a href="https://beian.miit.gov.cn/" target="_blank">京ICP备1号</a> | © <b>我</b><script>x()</script>', lambda u, i: u)
    '[京ICP备1号](https://beian.miit.gov.cn/) | © 我'
    """
    footer = _HIDDEN_ELEMENT.sub("", footer)
    parts, at = [], 0
    for match in _FOOTER_LINK.finditer(footer):
        parts.append(_footer_text(footer[at : match.start()]))
        label = _footer_text(match.group(4)).strip()
        url = next(group for group in match.groups()[:3] if group is not None)
        target = resolve(html.unescape(url), False) if label else None  # None: a link that leads nowhere keeps its text
        parts.append(f"[{label}]({markdown_url(target)})" if target else label)
        at = match.end()
    parts.append(_footer_text(footer[at:]))
    return " ".join("".join(parts).split())


def _footer_text(fragment: str) -> str:
    """HTML text as Markdown text, tags off; the spaces at its ends kept (they part it from a link)."""
    text = markdown_text(html.unescape(_ANY_TAG.sub("", fragment)))
    return (" " if fragment[:1].isspace() else "") + text + (" " if fragment[-1:].isspace() and text else "")


def _common_home(metadata: dict[str, Any]) -> dict[str, Any]:
    """A home page's front matter in VuePress 2's default shape (heroText, tagline, heroImage, actions,
    features), from the shapes of other themes, where the default keys are not given: reco 2's
    ``bannerBrand`` (title, description or tagline, buttons), plume's ``config`` list (a ``hero``
    section: name, tagline or text, actions; a ``features`` section), vuepress-theme-hope's blog
    ``projects`` (name, desc, link) as features.

    >>> home = {"config": [{"type": "hero", "hero": {"name": "梅", "text": "写点东西", "actions": [{"theme": "alt", "text": "博客", "link": "/blog/"}]}}]}
    >>> _common_home(home)["heroText"], _common_home(home)["tagline"], _common_home(home)["actions"]
    ('梅', '写点东西', [{'text': '博客', 'link': '/blog/', 'type': 'secondary'}])
    >>> both = _common_home({"config": [{"type": "hero", "hero": {"name": "梅", "tagline": "技术与思考", "text": "基于 Plume 的博客"}}]})
    >>> both["tagline"], both["heroDescription"]
    ('技术与思考', '基于 Plume 的博客')
    >>> _common_home({"bannerBrand": {"title": "夏", "description": "记录", "buttons": [{"text": "入门", "link": "/a"}]}})["actions"]
    [{'text': '入门', 'link': '/a', 'type': 'primary'}]
    """
    out = dict(metadata)
    sections = metadata.get("config") if isinstance(metadata.get("config"), list) else []
    hero = next((s.get("hero") for s in sections if isinstance(s, dict) and s.get("type") == "hero" and isinstance(s.get("hero"), dict)), None)
    # reco 2 lists the home's ``modules``; a module's settings sit under its name, first letter small
    # (``BannerBrand`` → ``bannerBrand``, ``Banner`` → ``banner``, a blog's own ``CustomModule`` → ``customModule``).
    modules = metadata.get("modules") if isinstance(metadata.get("modules"), list) else []
    names = [m[:1].lower() + m[1:] for m in modules if isinstance(m, str) and m] + ["bannerBrand", "banner"]
    banner = next((metadata[n] for n in names if isinstance(metadata.get(n), dict) and not {"heroText", "title", "tagline", "description"}.isdisjoint(metadata[n])), None)
    if hero or banner:
        source = hero or banner
        out.setdefault("heroText", source.get("name") or source.get("heroText") or source.get("title"))
        # plume's hero has a tagline and a text under it; reco's banner a tagline or a description, or both.
        lines = list(dict.fromkeys(_string(source.get(key)) for key in ("tagline", "text", "description") if _string(source.get(key))))
        if lines:
            out.setdefault("tagline", lines[0])
            out.setdefault("heroDescription", " ".join(lines[1:]))
        buttons = source.get("actions", source.get("buttons"))
        if isinstance(buttons, list) and "actions" not in metadata:
            out["actions"] = [
                {"text": b.get("text"), "link": b.get("link"), "type": "secondary" if b.get("theme", b.get("type")) in ("alt", "plain", "secondary") else "primary"}
                for b in buttons
                if isinstance(b, dict)
            ]
    features = next((s.get("features") for s in sections if isinstance(s, dict) and s.get("type") == "features"), None)
    projects = metadata.get("projects", metadata.get("project"))  # vuepress-theme-hope 2's name, and 1's
    if "features" not in metadata and isinstance(features or projects, list):
        out["features"] = [
            {"title": f.get("title") or f.get("name"), "details": f.get("details") or f.get("desc"), "link": f.get("link")}
            for f in (features or projects)
            if isinstance(f, dict)
        ]
    return out


def _buttons(metadata: dict[str, Any], resolve) -> list[str]:
    """The home page's buttons: vdoing's one action (``actionText``, ``actionLink``) and VuePress 2's
    ``actions`` (``text``, ``link``, ``type`` primary or secondary), as Material's buttons.

    >>> _buttons({"actions": [{"text": "开始", "link": "/guide/"}, {"text": "介绍", "link": "/intro/", "type": "secondary"}]}, lambda u, i: u)
    ['[开始](/guide/){ .md-button .md-button--primary }', '[介绍](/intro/){ .md-button }']
    """
    actions = metadata.get("actions") if isinstance(metadata.get("actions"), list) else []
    wanted = [(a.get("text"), a.get("link"), a.get("type", "primary")) for a in actions if isinstance(a, dict)]
    if metadata.get("actionText"):
        wanted.insert(0, (metadata.get("actionText"), metadata.get("actionLink"), "primary"))
    out = []
    for text, link, kind in wanted:
        target = resolve(_string(link), False) if _string(link) else None
        # A button leads to a page or a web address; ``javascript:`` and the like are no place to go.
        if _string(text) and target and urlsplit(target).scheme in ("", "http", "https"):
            css = ".md-button .md-button--primary" if kind == "primary" else ".md-button"
            out.append(f"[{markdown_text(_string(text))}]({markdown_url(target)}){{ {css} }}")
    return out


def catalogue_page(metadata: dict[str, Any], pages: list[tuple[str, str]], description: str = "") -> str:
    """A folder's index page listing its pages (link, title), for a vdoing catalogue page (``pageComponent``),
    with the ``description`` vdoing shows under the title.

    >>> print(catalogue_page({"title": "前端"}, [("a.md", "A"), ("01.Vue/10.100% 完成?.md", "B")], "页面与样式"), end="")
    ---
    title: 前端
    ---
    # 前端
    <BLANKLINE>
    页面与样式
    <BLANKLINE>
    - [A](a.md)
    - [B](01.Vue/10.100%25%20完成%3F.md)
    """
    from ..metadata import dump_front_matter

    lines = [f"# {metadata['title']}", ""] + ([description, ""] if description else [])
    lines += [f"- [{_link_text(name)}]({markdown_url(url_path(target))})" for target, name in pages]
    return dump_front_matter(metadata) + "\n".join(lines) + "\n"


def _link_text(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


#: What YAML does not read raw in a double-quoted string, which JSON leaves raw: DEL, the C1 controls,
#: U+FFFE/U+FFFF and surrogates (refused: the whole file no longer loads), NEL and the line and paragraph
#: separators (line breaks to YAML 1.1: folded to a space).
_YAML_RAW_REFUSED = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def yaml_string(value: str) -> str:
    r"""``value`` as a double-quoted YAML string that reads back as ``value``: JSON's quoting, which YAML
    reads, with each character YAML would refuse or fold written as an escape (``\u0080``).

    >>> print(yaml_string('博客 "x"\x80\u2028'))
    "博客 \"x\"\u0080\u2028"
    >>> yaml.safe_load(yaml_string("a\x85\x7fb\n")) == "a\x85\x7fb\n"
    True
    """
    return _YAML_RAW_REFUSED.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def apply_site_config(mkdocs_yml: str, site: SiteConfig) -> tuple[str, list[str]]:
    """``mkdocs.yml`` with the blog's title, description and repository, and the keys changed.

    Edited line by line (the file holds ``!!python`` tags a YAML round trip would lose); the
    navigation stays Errata's own, made from the folders, so no page is left out of it.

    >>> text, changed = apply_site_config("site_name: Errata\\nsite_description: x\\n", SiteConfig(title="山高水长", repo="a/b", docs_dir="docs"))
    >>> print(text, end=""); changed
    site_name: "山高水长"
    site_description: x
    repo_url: "https://github.com/a/b"
    repo_name: "a/b"
    edit_uri: "edit/master/docs/"
    ['site_name', 'repo_url', 'repo_name', 'edit_uri']
    >>> apply_site_config("repo_url: https://github.com/errata-kb/errata\\nedit_uri: edit/main/docs/\\n", SiteConfig(title="小站"))[0]
    'repo_url: https://github.com/errata-kb/errata\\nedit_uri: ""\\nsite_name: "小站"\\n'

    A profile's address is no repository: shown as written, and no page gets an edit link into it.

    >>> print(apply_site_config("repo_name: errata-kb/errata\\n", SiteConfig(repo="https://github.com/someone"))[0], end="")
    repo_name: "github.com/someone"
    repo_url: "https://github.com/someone"
    edit_uri: ""
    """
    # None: the blog does not say, and mkdocs.yml keeps its own; "" turns a setting off.
    # The theme prints the name and description raw on every page: plain text only, whoever built ``site``.
    values: dict[str, str | None] = {"site_name": site_text(site.title) or None, "site_description": site_text(site.description) or None, "site_url": site.url or None}
    repo_url = repository_url(site.repo)
    owner_and_name = re.fullmatch(r"https?://[\w.-]+/([\w.-]+/[\w.-]+?)(?:\.git)?/?", repo_url or "")
    if repo_url:
        values["repo_url"] = repo_url
        # An address that names no repository (a profile, ``https://github.com/someone``) is shown as written.
        values["repo_name"] = owner_and_name.group(1) if owner_and_name else re.sub(r"^https?://|/+$", "", repo_url)
    if owner_and_name:
        # vdoing's edit links: its branch (VuePress's default, master) and the folder of its pages.
        values["edit_uri"] = "/".join(["edit", site.docs_branch or "master", *([site.docs_dir] if site.docs_dir else []), ""])
    elif repo_url or re.search(r"^repo_url:", mkdocs_yml, re.MULTILINE):
        # No repository of the blog's own: the one mkdocs.yml names (Errata's, say) holds none of its pages,
        # nor does a profile, so an edit link on each would lead nowhere. Off (MkDocs makes one from
        # repo_url unless told not to).
        values["edit_uri"] = ""
    lines = mkdocs_yml.split("\n")
    changed = []
    for key, value in values.items():
        if value is None:
            continue
        new = f"{key}: {yaml_string(value)}"
        index = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
        if index is None:
            end = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
            lines.insert(end, new)
        elif lines[index] == new:
            continue
        else:
            lines[index] = new
        changed.append(key)
    return "\n".join(lines), changed
