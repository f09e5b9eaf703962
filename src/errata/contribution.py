"""Contributing entries: the check that CI and pre-commit run, and the scaffold of a new entry."""

from __future__ import annotations

import importlib
import os
import re
import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Callable

import yaml

from .cards import code_span
from .checks import (
    Problem,
    at_their_lines,
    check_duplicate_fingerprints,
    check_duplicate_ids,
    check_entries,
    check_entry_anchors,
    check_entry_messages,
    check_front_matter_html,
    check_links,
    check_metadata,
    check_mkdocs_front_matter,
    check_mojibake,
    check_nesting,
    check_path_names,
    check_tags,
    check_unsafe_html,
    front_matter_lines,
    heading_ids,
)
from .entries import ErrorEntry, find_entries
from .errors import EssayError
from .files import atomic_write, read_regular_file
from .fingerprint import exception_line
from .metadata import display_name, dump_front_matter, front_matter_moved_up, split_front_matter
from .paths import OWN_STATIC_FILES, generated_file_problem, name_problem, permalink_problems, redirect_from_problems, special_file_problem, static_file_problem, symlinks_under, through_symlink
from .site import GENERATED_PAGES, page_url, unnumbered_dest, url_clashes
from .text.encoding import READ_BACK_SAYS, decode_bytes


@dataclass
class _Parsed:
    path: Path
    body: str
    body_line: int
    entries: list[ErrorEntry]
    permalink: tuple[object, int] | None = None  # the value and its line
    redirect_from: tuple[object, int] | None = None  # the old addresses, and the line of the key


def load_allowed_tags(path: Path) -> set[str] | None:
    """The site's allowed tags (``tags.yml``: a list), or None where the site keeps no list."""
    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {str(tag) for tag in (data.get("tags", []) if isinstance(data, dict) else data)}


def check_files(
    files: list[Path], allowed_tags: set[str] | None = None, context: list[Path] = (), docs_dir: Path | None = None
) -> list[Problem]:
    """Every rule over the given essays.

    ``context`` are further essays (the rest of the site) that count for
    duplicate fingerprints and link targets but are not themselves reported;
    ``docs_dir`` is where the build adds its generated pages.
    """
    generated = {(docs_dir / name).resolve() for name in GENERATED_PAGES} if docs_dir else set()
    problems: list[Problem] = []
    parsed: dict[Path, _Parsed] = {}
    for path in files:
        refused = _refused(path, docs_dir)
        if refused:
            problems.append(Problem(str(path), 1, "path", refused))
            continue
        problems.extend(_check_one(path, allowed_tags, parsed, docs_dir=docs_dir))
    for path in context:
        if path.resolve() not in parsed and not _refused(path, docs_dir):
            _check_one(path, None, parsed, report=False)
    if docs_dir is not None:
        problems.extend(_site_problems(docs_dir, {str(path) for path in files}))
        problems.extend(_permalink_problems(parsed, docs_dir, {p.resolve() for p in files}))

    reported = {p.resolve() for p in files}
    # The site's existing entries first: a new file repeating one of them is the one reported.
    ordered = sorted(parsed.values(), key=lambda p: (p.path.resolve() in reported, str(p.path)))
    duplicates = check_duplicate_fingerprints([e for p in ordered for e in p.entries])
    problems.extend(d for d in duplicates if Path(d.path).resolve() in reported)

    known_anchors: dict[Path, set[str] | None] = {}
    # Links lead into the docs folder: the one given, or the one of the site around each file (none for a
    # loose file of no site, whose links are then read as they are), looked up once a folder.
    site_root = docs_dir.resolve() if docs_dir is not None else None
    docs_by_folder: dict[Path, Path | None] = {}

    def site_root_of(path: Path) -> Path | None:
        if site_root is not None:
            return site_root
        folder = Path(os.path.abspath(path)).parent
        if folder not in docs_by_folder:
            docs_by_folder[folder] = _links_root_of(path)
        return docs_by_folder[folder]

    def anchors_of(target: Path):
        # Once per page: an essay of thousands of links to its own headings read them all again for each.
        key = target.resolve()
        if key not in known_anchors:
            known_anchors[key] = _anchors_of(key, parsed)
        return known_anchors[key]

    for path in files:
        item = parsed.get(path.resolve())
        if item:
            problems.extend(check_links(item.body, path, item.body_line, generated, anchors_of, site_root_of(path)))
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.rule, p.message))


#: mkdocs.yml's ``docs_dir`` line. Each part has one way to match (possessive): a lazy value between two optional runs of
#: blanks was split every way at each blank (a line of 6,000 tabs and a letter: a check of over 5 minutes; red team round 31).
#: A blank value names no folder (``docs`` is meant).
_DOCS_DIR_SETTING = re.compile(r"^docs_dir:[ \t]*+['\"]?+([^'\"#\n]++)['\"]?+[ \t]*+(?:#.*)?$", re.MULTILINE)


def site_docs_of(path: Path) -> Path | None:
    """The docs folder (resolved) of the MkDocs site a file is in: the site's ``mkdocs.yml`` (:func:`site_config_of`)
    names it (``docs_dir``, ``docs`` by default); None where no site holds the file.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "mkdocs.yml").write_text("site_name: x\\n", encoding="utf-8")
    ...     site_docs_of(Path(tmp, "docs", "a", "b.md")) == Path(tmp, "docs").resolve(), site_docs_of(Path(tmp, "c.md"))
    (True, None)
    """
    here = Path(os.path.abspath(path)).resolve()
    site = _site_of(here)
    docs = site[1] if site is not None else None
    return docs if docs is not None and here.is_relative_to(docs) else None


def _links_root_of(path: Path) -> Path | None:
    """The folder a file's links may lead into: its site's docs folder (:func:`site_docs_of`); the site's own folder for
    a file of a site whose docs folder cannot be told (``!ENV``, or one outside the site) or that stands outside it; None
    for a loose file of no site, whose links are read as they are."""
    here = Path(os.path.abspath(path)).resolve()
    site = _site_of(here)
    if site is None:
        return None
    config, docs = site
    return docs if docs is not None and here.is_relative_to(docs) else config.parent


def _docs_folder(config: Path) -> Path | None:
    """The docs folder (resolved) a ``mkdocs.yml`` names, read without loading the file; None where it cannot be read:
    the file, or a value that is no plain folder (a tag such as MkDocs' ``!ENV [DOCS, content]``, a flow value)."""
    try:
        with config.open(encoding="utf-8", errors="replace") as file:
            setting = _DOCS_DIR_SETTING.search(file.read(_MAX_SETTING_CHARACTERS))  # not a file of any size
    except OSError:
        return None
    folder = setting.group(1).strip() if setting else "docs"
    if folder.startswith(("!", "[", "{", "&", "*", "|", ">")):
        return None
    docs = (config.parent / folder).resolve()
    # A docs folder outside the site's own folder (``docs_dir: ../..``) would have the check look at files elsewhere on
    # the machine and tell by its problems which exist (red team 41): such a site has no docs folder the check can tell.
    return docs if docs.is_relative_to(config.parent.resolve()) else None


#: The names MkDocs reads a site's configuration from, in its order.
_CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


def site_config_of(path: Path) -> Path | None:
    """The ``mkdocs.yml`` of the site a file belongs to (resolved): the nearest above it that is no file in the docs
    folder of one further up; None where there is none.

    A ``mkdocs.yml`` in a site's docs folder (``docs/x/mkdocs.yml``, a data file the checks let through) is a file the
    site publishes, which the build never reads: taken as the site's, the check loaded it with MkDocs' loader, which
    runs the Python its tags name, and rendered the essays under it with the extensions it chose (red team round 33).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "mkdocs.yml").write_text("site_name: x\\n", encoding="utf-8")
    ...     Path(tmp, "docs", "x").mkdir(parents=True)
    ...     _ = Path(tmp, "docs", "x", "mkdocs.yml").write_text("docs_dir: y\\n", encoding="utf-8")
    ...     site_config_of(Path(tmp, "docs", "x", "y", "a.md")) == Path(tmp, "mkdocs.yml").resolve()
    True
    """
    site = _site_of(path)
    return site[0] if site is not None else None


def _site_of(path: Path) -> tuple[Path, Path | None] | None:
    """The site's ``mkdocs.yml`` a file belongs to (:func:`site_config_of`) and the docs folder it names, each file read
    once; None where there is none."""
    sites: list[tuple[Path, Path | None]] = []  # (config, its docs folder), the outermost first
    for folder in reversed(Path(os.path.abspath(path)).resolve().parents):
        # A site configured in ``mkdocs.yaml`` is a site too: its docs folder's ``mkdocs.yml`` is no more its config.
        config = next((folder / name for name in _CONFIG_NAMES if _site_file(folder / name, folder)), None)
        # Inside a site whose docs folder cannot be told (``!ENV``), no file further in is taken for a site's config.
        if config is not None and not any(docs is None or config.is_relative_to(docs) for _, docs in sites):
            sites.append((config, _docs_folder(config)))
    return sites[-1] if sites else None


def _site_file(config: Path, folder: Path) -> bool:
    """Whether ``config`` is a regular file in ``folder`` or below it, where it is a link too: a pull request that made
    ``mkdocs.yml`` a link to a file elsewhere had the check read that file, and tell by its problems whether the file
    exists and what it holds (red team 40; the files a site's settings inherit from are held so too).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     site, elsewhere = Path(tmp, "site"), Path(tmp, "elsewhere.yml")
    ...     site.mkdir(); _ = elsewhere.write_text("site_name: x\\n", encoding="utf-8")
    ...     Path(site, "mkdocs.yml").symlink_to(elsewhere)
    ...     _site_file(site / "mkdocs.yml", site.resolve()), _site_file(elsewhere, Path(tmp).resolve())
    (False, True)
    """
    return config.is_file() and config.resolve().is_relative_to(folder)


#: The modules whose functions a site's ``mkdocs.yml`` may name for its Markdown (``!!python/name:``): Markdown's
#: extensions, PyMdown's, Material's Markdown extensions and Errata's emoji. Named, a function is only looked up; Markdown
#: calls it as an extension does (toc's ``slugify`` with a heading's text), so it must be one the module defines: not
#: ``material.plugins.blog.plugin.rmtree``, shutil's, which toc called with a heading's text (red team 37).
_NAMED_FROM = ("markdown.extensions.", "pymdownx.", "material.extensions.", "errata.emoji.")
#: The only functions such a file may call as it is read (``!!python/object/apply:``): a slug function's maker.
_CALLED_AS_READ = frozenset({"pymdownx.slugs.slugify"})


@cache
def _site_settings_loader() -> type:
    """A loader for a site's settings that runs no Python but what its Markdown needs: PyYAML's safe loader with
    MkDocs' ``!ENV``, the functions of :data:`_NAMED_FROM` by name, and :data:`_CALLED_AS_READ` called. Any other
    Python tag makes the file unreadable (``yaml.constructor.ConstructorError``), so whichever file the check takes
    for the site's configuration, none of its code runs (red team 36: a docs folder's ``mkdocs.yml`` under a site
    configured in ``mkdocs.yaml`` or with ``docs_dir: !ENV …`` was loaded with MkDocs' full loader).

    >>> loader = _site_settings_loader()
    >>> yaml.load("slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}", loader)["slugify"]("A B", "-")
    'a-b'
    >>> yaml.load("x: !!python/object/apply:os.system [echo hi]", loader)
    Traceback (most recent call last):
    yaml.constructor.ConstructorError: ...
    """
    from mkdocs.utils.yaml import get_yaml_loader

    loader = get_yaml_loader(yaml.SafeLoader)

    def python_name(name: str, node: yaml.Node):
        if not name.startswith(_NAMED_FROM) and name not in _CALLED_AS_READ:
            raise yaml.constructor.ConstructorError(None, None, f"the check runs no Python of {name!r}", node.start_mark)
        module, _, attribute = name.rpartition(".")
        found = _defined_in(module, attribute)
        if found is None:
            raise yaml.constructor.ConstructorError(None, None, f"cannot find {name!r}", node.start_mark)
        if getattr(found, "__module__", None) != module:  # imported there from elsewhere (shutil's rmtree), or a module
            raise yaml.constructor.ConstructorError(None, None, f"the check runs no Python of {name!r}", node.start_mark)
        return found

    def named(self, suffix: str, node: yaml.Node):
        return python_name(suffix, node)

    def called(self, suffix: str, node: yaml.Node):
        if suffix not in _CALLED_AS_READ:
            raise yaml.constructor.ConstructorError(None, None, f"the check calls no {suffix!r}", node.start_mark)
        if isinstance(node, yaml.SequenceNode):
            args, kwds = self.construct_sequence(node, deep=True), {}
        else:
            value = self.construct_mapping(node, deep=True)
            args, kwds = value.get("args", []), value.get("kwds", {})
        return python_name(suffix, node)(*args, **kwds)

    loader.add_multi_constructor("tag:yaml.org,2002:python/name:", named)
    loader.add_multi_constructor("tag:yaml.org,2002:python/object/apply:", called)
    return loader


def _readable_extension(name: str) -> bool:
    """Whether the check builds a site's Markdown with an extension of this name: one installed under a name of its own
    (``toc``, ``attr_list``), or a module of :data:`_EXTENSIONS_FROM` (``pymdownx.superfences``), a class of it named
    after a colon only where it is an extension. Markdown imports any module a name says and calls ``module:Callable``
    with the extension's settings: ``"os:system": {command: …}`` ran a command (red team 37).

    >>> _readable_extension("toc"), _readable_extension("pymdownx.superfences"), _readable_extension("markdown.extensions.toc:TocExtension")
    (True, True, True)
    >>> _readable_extension("os:system"), _readable_extension("pymdownx.util:PymdownxDeprecationWarning"), _readable_extension("antigravity")
    (False, False, False)
    """
    from markdown import util
    from markdown.extensions import Extension

    if name in {entry.name for entry in util.get_installed_extensions()}:
        return True
    module, _, attribute = name.partition(":")
    if not module.startswith(_EXTENSIONS_FROM):
        return False
    if not attribute:
        return True
    found = _defined_in(module, attribute)
    return isinstance(found, type) and issubclass(found, Extension)


def _defined_in(module: str, attribute: str):
    """What a module (imported for it) holds under a name, or None where there is no such module or name.

    >>> _defined_in("pymdownx.slugs", "slugify").__name__, _defined_in("pymdownx.slugs", "nothing"), _defined_in("no.such", "x")
    ('slugify', None, None)
    """
    import importlib

    try:
        return getattr(importlib.import_module(module), attribute)
    except (ImportError, AttributeError):
        return None


#: Extensions that put other files' text into a page (``--8<--``), by their module (``pymdownx.snippets:SnippetExtension``
#: is the same one): the check leaves them out, so that settings it was given cannot make it read a file outside the
#: site; an entry's id is the page's own.
_FILE_READERS = frozenset({"pymdownx.snippets", "pymdownx.b64"})  # b64: each ``<img src>`` a path names, read whole (red team 38)


#: How deep the files a site's settings ``INHERIT`` from may go, and how many values their aliases may expand to: MkDocs
#: merges a parent's settings into its child's key by key, down every path, and two files of 2 KB whose aliases nest 40
#: deep (``l1: &l1 {a: *l0, b: *l0}``…) took 2⁴⁰ steps (red team 38: 23 deep, 19 s).
_MAX_INHERITED = 8
_MAX_SETTING_VALUES = 100_000
#: How many characters the files a site's settings inherit from may hold together: each is parsed in pure Python (a file
#: that inherits itself was parsed nine times: 200 KB, 21 s; red team 39); a site's settings are a few kilobytes.
_MAX_SETTING_CHARACTERS = 1_000_000


def _site_settings(config: Path, loader: type, depth: int = 0, read: list[tuple[Path, int]] | None = None) -> dict:
    """A site's settings as MkDocs reads them (``INHERIT`` merged in), loaded with ``loader``; ValueError where a file is
    no regular file (``INHERIT: /dev/stdin`` waited for ever), inherits too deep or from itself, the files hold more than
    :data:`_MAX_SETTING_CHARACTERS` together, or their aliases expand (or merge keys copy) too far. ``read``: the files
    of the chain read so far, and how many characters each held.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "base.yml").write_text("markdown_extensions: [toc]\\nx: {a: 1, b: 2}\\n", encoding="utf-8")
    ...     _ = Path(tmp, "mkdocs.yml").write_text("INHERIT: base.yml\\nx: {b: 3}\\n", encoding="utf-8")
    ...     _site_settings(Path(tmp, "mkdocs.yml"), yaml.SafeLoader)
    {'markdown_extensions': ['toc'], 'x': {'a': 1, 'b': 3}}

    A file the chain inherits from must stand in the first file's folder or below it:

    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "base.yml").write_text("x: 1\\n", encoding="utf-8")
    ...     Path(tmp, "site").mkdir()
    ...     _ = Path(tmp, "site", "mkdocs.yml").write_text("INHERIT: ../base.yml\\n", encoding="utf-8")
    ...     _site_settings(Path(tmp, "site", "mkdocs.yml"), yaml.SafeLoader)
    Traceback (most recent call last):
    ValueError: ...: settings inherited from outside the site's folder
    """
    import mergedeep

    if depth > _MAX_INHERITED or not Path(config).is_file():  # is_file: a regular file, not a device nor a pipe
        raise ValueError(f"{config}: no settings file the check reads")
    read = [] if read is None else read
    here = Path(config).resolve()
    if any(here == path for path, _ in read):  # MkDocs would never end either (red team 39: a file inheriting itself)
        raise ValueError(f"{config}: settings that inherit from themselves")
    if read and not here.is_relative_to(read[0][0].parent):
        # No path leaves the site: an absolute path, ``../`` or a link to any YAML file of the machine told the check
        # whether it exists and parses (red team 39). The build, which a site's own settings drive, checks the ids there.
        raise ValueError(f"{config}: settings inherited from outside the site's folder")
    left = _MAX_SETTING_CHARACTERS - sum(size for _, size in read)
    with open(config, encoding="utf-8") as file:
        text = file.read(left + 1)  # each file is parsed in pure Python (200 KB: 2 s), the chain's together at most so much
    if len(text) > left:
        raise ValueError(f"{config}: settings too long for the check")
    read.append((here, len(text)))
    settings = yaml.load(text, _merging_at_most(loader))
    if settings is None:
        return {}
    if not isinstance(settings, dict) or _expanded_size(settings) > _MAX_SETTING_VALUES:
        raise ValueError(f"{config}: settings the check does not read")
    if "INHERIT" in settings:
        parent = os.path.normpath(os.path.join(os.path.dirname(config), str(settings.pop("INHERIT"))))
        settings = mergedeep.merge(_site_settings(Path(parent), loader, depth + 1, read), settings)
    return settings


def _merging_at_most(loader: type, budget: int = _MAX_SETTING_VALUES) -> type:
    """``loader``, that gives up (ValueError) once its mappings hold ``budget`` pairs, merge keys' (``<<: *m``) copied
    pairs counted: a chain of them (``m2: &m2 {<<: *m1, k2: 1}`` …) copies each mapping's pairs into the next while the
    file loads, before :func:`_expanded_size` sees any value (red team 39: 4,000 such lines, 143 KB, took 30 s and
    340 MB; 20,000 would take hours).

    >>> yaml.load("m0: &m0 {k0: 1}\\n" + "".join(f"m{i}: &m{i} {{<<: *m{i - 1}, k{i}: 1}}\\n" for i in range(1, 600)), _merging_at_most(yaml.SafeLoader))
    Traceback (most recent call last):
    ValueError: settings that merge too many keys
    """

    class Budgeted(loader):
        merged = 0

        def flatten_mapping(self, node):
            super().flatten_mapping(node)
            self.merged += len(node.value)
            if self.merged > budget:
                raise ValueError("settings that merge too many keys")

    return Budgeted


def _expanded_size(value, budget: int = _MAX_SETTING_VALUES) -> int:
    """How many values a loaded YAML document holds, each alias counted again, up to just over ``budget``.

    >>> _expanded_size({"a": [1, 2], "b": {"c": 3}})
    6
    """
    count, stack = 0, [value]
    while stack and count <= budget:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set)):
            stack.extend(item)
    return count


#: The packages whose modules a site's ``mkdocs.yml`` may name as Markdown extensions.
_EXTENSIONS_FROM = ("markdown.extensions.", "pymdownx.", "material.extensions.")


@cache
def site_markdown(config: Path) -> Callable[[str], str] | None:
    """The Markdown a site builds its pages with, as a function of the text: MkDocs' own three extensions, then
    mkdocs.yml's ``markdown_extensions`` with their settings (the table of contents' slugs among them). None where the
    file or an extension cannot be read, or MkDocs is not installed: the build says why.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "mkdocs.yml").write_text("markdown_extensions:\\n  - attr_list\\n  - toc:\\n      permalink: true\\n", encoding="utf-8")
    ...     print(site_markdown(Path(tmp, "mkdocs.yml"))("## 运行报错\\n\\n正文\\n{ #x }"))
    <h2 id="_1">运行报错<a class="headerlink" href="#_1" title="Permanent link">&para;</a></h2>
    <p id="x">正文</p>
    """
    import markdown

    try:
        # MkDocs' own loader (mkdocs.yml's ``!!python/name`` tags); the errata-check hook of another blog may run
        # without MkDocs installed, and then has no site Markdown to render with: the build checks the ids. Asked here
        # each time, not only when the (cached) loader is first built.
        importlib.import_module("mkdocs.utils.yaml")
        settings = _site_settings(config, _site_settings_loader())
        names, configs = ["toc", "tables", "fenced_code"], {}
        for item in settings.get("markdown_extensions") or []:
            name, setting = next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (item, None)
            if isinstance(name, str) and not _readable_extension(name):
                return None  # Markdown imports what an extension's name says and calls ``module:Callable`` with the settings
            if isinstance(name, str) and name.partition(":")[0] in _FILE_READERS:
                continue  # it reads files the settings name, anywhere (a root base path; red team 37): no id of an entry's
            if isinstance(name, str) and isinstance(setting, dict) and isinstance(setting.get("options"), dict):
                # Material's emoji index reads every ``*.svg`` under the folders ``custom_icons`` names (``/``: the whole
                # disk), and a page's ``:name:`` reads that file whole (a link to /dev/zero; red team 38). An icon's
                # shortcode makes its heading's slug uncertain anyway (entries._UNCERTAIN_SLUG): the check needs none.
                setting = {**setting, "options": {key: value for key, value in setting["options"].items() if key != "custom_icons"}}
            if isinstance(name, str):
                names += [name] if name not in names else []
                configs[name] = setting if isinstance(setting, dict) else configs.get(name, {})
        site = markdown.Markdown(extensions=names, extension_configs=configs)
    except Exception:  # noqa: BLE001 - a site's configuration the check cannot read is the build's to report
        return None

    def to_html(text: str) -> str:
        return site.reset().convert(text)

    return to_html


def _anchors_of(target: Path, parsed: dict[Path, _Parsed]) -> set[str] | None:
    """The ids a page's headings and entries get, reading the page if it was not read yet; None where there is no page."""
    found = parsed.get(target)
    if found is None:
        if not target.exists():
            return None
        _check_one(target, None, parsed, report=False)
        found = parsed.get(target)
    return heading_ids(found.body, found.entries) if found else None


def _refused(path: Path, docs_dir: Path | None) -> str | None:
    """Why a file is not read at all: a symbolic link (its target may be anything), or a generated page's name."""
    if bad_name := name_problem(str(path)):
        return bad_name
    if through_symlink(path, docs_dir) if docs_dir is not None else Path(path).is_symlink():
        return "symbolic link: docs/ takes real files only (it would publish its target)"
    if special := special_file_problem(path):  # reading a FIFO would wait for ever
        return special
    if docs_dir is not None and Path(os.path.abspath(path)).is_relative_to(os.path.abspath(docs_dir)):
        return generated_file_problem(Path(os.path.abspath(path)).relative_to(os.path.abspath(docs_dir)).as_posix())
    return None


def _site_problems(docs_dir: Path, already: set[str]) -> list[Problem]:
    """What the build would refuse in the docs folder as a whole: links, generated names, active files."""
    problems = []
    for link in symlinks_under(docs_dir):
        name = str(docs_dir / link)
        if name not in already:
            problems.append(Problem(name, 1, "path", "symbolic link: docs/ takes real files only (it would publish its target)"))
    sources = []
    for folder, _, names in os.walk(docs_dir):
        for file_name in names:
            path = Path(folder, file_name)
            src = path.relative_to(docs_dir).as_posix()
            sources.append(src)
            why = name_problem(src) if str(path) not in already else None
            why = why or (generated_file_problem(src) if not src.endswith(".md") else None)
            why = why or static_file_problem(src, OWN_STATIC_FILES)
            why = why or (special_file_problem(path) if str(path) not in already else None)
            if why:
                problems.append(Problem(str(path), 1, "path", why))
    return problems + _clash_problems(docs_dir, sources)


def _clash_problems(docs_dir: Path, sources: list[str]) -> list[Problem]:
    """Files the build would publish at one address, or one inside another's file (``a/index.html.md`` beside
    ``a/index.md``): the build fails on both; reported in the file to rename. ``sources``: the docs folder's files.

    >>> [(p.path, p.rule) for p in _clash_problems(Path("docs"), ["01.a/x.md", "a/x.md", "b/index.md", "b/index.html.md"])]
    [('docs/01.a/x.md', 'path'), ('docs/b/index.html.md', 'path')]
    """
    published = [(src, page_url(src) + "index.html" if src.endswith(".md") else unnumbered_dest(src, False)) for src in sources]
    return [Problem(str(docs_dir / src), 1, "path", message) for src, message in url_clashes(published)]


def _permalink_problems(parsed: dict[Path, _Parsed], docs_dir: Path, reported: set[Path]) -> list[Problem]:
    """Permalinks and old addresses (``redirect_from``) as the build checks them, over the whole site; each reported in a checked file."""
    root = Path(os.path.abspath(docs_dir))
    sources = {}
    for key, item in parsed.items():
        try:
            sources[Path(os.path.abspath(item.path)).relative_to(root).as_posix()] = key
        except ValueError:
            continue
    pages = {page_url(src): str(docs_dir / src) for src in [*sources, *GENERATED_PAGES]}
    permalinks = {src: parsed[key].permalink for src, key in sources.items() if parsed[key].permalink}
    static = {unnumbered_dest(p.relative_to(docs_dir).as_posix(), False) for p in docs_dir.rglob("*") if p.is_file() and p.suffix != ".md"}
    valid, found = permalink_problems(permalinks, pages, static)
    listed = {src: parsed[key].redirect_from for src, key in sources.items() if parsed[key].redirect_from}
    found += redirect_from_problems(listed, pages, static, {path: src for src, path in valid.items()})[1]
    named = {src: str(docs_dir / src) for src in sources}
    return [
        Problem(named[p.src_path], p.line, "permalink", _name_files(p.message, named))
        for p in found
        if sources[p.src_path] in reported
    ]


def _name_files(message: str, named: dict[str, str]) -> str:
    """A permalink message with the other essay named as the user typed the docs folder."""
    for src, name in named.items():
        if message.endswith(f" of {src}"):
            return message[: -len(src)] + name
    return message


def _check_one(path: Path, allowed_tags, parsed: dict, report: bool = True, docs_dir: Path | None = None) -> list[Problem]:
    name = str(path)
    try:
        raw = path.read_bytes()
        decoded = decode_bytes(raw, name)
    except EssayError as exc:
        return [Problem(name, exc.line or 1, "encoding", exc.message)]
    except OSError as exc:
        return [Problem(name, 1, "encoding", f"cannot read: {exc.strerror or exc}")]
    problems = []
    if decoded.converted:
        what = [f"encoded as {decoded.encoding}"] if decoded.encoding_converted else []
        what += ["starts with a BOM"] * decoded.had_bom + ["has CRLF line ends"] * decoded.had_crlf
        what += ["has UTF-8 characters that lost bytes"] * bool(decoded.lost_bytes)
        what += [READ_BACK_SAYS[decoded.read_back]] if decoded.read_back else []
        problems.append(Problem(name, 1, "encoding", f"not UTF-8 with LF line ends ({', '.join(what)}): run scripts/repair.py --write {name}"))
    text = decoded.text
    problems.extend(check_mojibake(text, name))
    try:
        split = split_front_matter(text, name)
    except EssayError as exc:
        return problems + [Problem(name, exc.line or 1, "front-matter", exc.message)]
    lines = front_matter_lines(split.block) if split.block else {}
    if split.block:
        problems.extend(at_their_lines(check_metadata(split.metadata, name), lines))
        problems.extend(check_tags(split.metadata, allowed_tags, name, lines=lines))
        problems.extend(check_front_matter_html(split.metadata, name, lines))
    elif (moved := front_matter_moved_up(text, name)) != text:
        line = text.count("\n", 0, len(text) - len(moved)) + 1
        problems.append(Problem(name, line, "front-matter", f"front matter after blank lines: the site reads it only on line 1 (it shows a rule and a heading); run scripts/repair.py --write {name}"))
    else:
        problems.append(Problem(name, 1, "front-matter", f"no front matter: add at least a title, or run scripts/repair.py --write {name} to add one"))
    problems.extend(check_mkdocs_front_matter(text, split.block, name))
    too_deep = check_nesting(split.body, name, split.body_line)
    if too_deep:
        return problems + too_deep  # the rest reads the Markdown's structure: not at this depth
    entries = find_entries(split.body, split.body_line, split.metadata.get("title"))
    for entry in entries:
        entry.source_path = name
    problems.extend(check_entries(entries, name))
    problems.extend(check_entry_messages(entries, name))
    problems.extend(check_unsafe_html(split.body, name, split.body_line))
    problems.extend(check_duplicate_ids(split.body, entries, name, split.body_line))
    config = site_config_of(path) if entries else None
    if config is not None and docs_dir is not None and config.is_relative_to(Path(os.path.abspath(docs_dir)).resolve()):
        config = None  # a file of the docs folder given (the site's own may be named mkdocs.yaml): never the site's
    if config is not None and (to_html := site_markdown(config)) is not None:
        try:
            problems.extend(check_entry_anchors(split.body, entries, name, split.body_line, to_html))
        except Exception as exc:  # noqa: BLE001 - the site's settings name the functions its Markdown calls (a slug maker
            # named where its slug function belongs): their error ended the whole check in a traceback (red team 38)
            # Only the error's kind: its words may hold a setting's value, and an ``!ENV`` one is a CI secret.
            problems.append(Problem(name, 1, "site-config", f"the site's Markdown ({config}) fails on this page ({type(exc).__name__}); the build will fail too"))
    problems.extend(check_path_names(_relative_name(path, docs_dir), name))
    permalink = split.metadata.get("permalink") if split.block else None
    old = split.metadata.get("redirect_from") if split.block else None
    parsed[path.resolve()] = _Parsed(
        path, split.body, split.body_line, entries,
        (permalink, lines.get(("permalink",), 1)) if permalink else None,
        (old, lines.get(("redirect_from",), 1)) if old else None,
    )
    return problems if report else []


def _relative_name(path: Path, docs_dir: Path | None) -> str:
    """The path the site names the file by (under docs/), or its name alone."""
    if docs_dir is not None:
        try:
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(docs_dir)).as_posix()
        except ValueError:
            pass
    return Path(path).name


LABELS = {
    "zh": {"details": "详细报错信息", "analysis": "问题分析", "solution": "解决方案", "references": "参考文章"},
    "en": {"details": "Details", "analysis": "Analysis", "solution": "Solution", "references": "References"},
}


def scaffold_entry(error_text: str, language: str = "zh") -> str:
    """The Markdown of a new entry for a pasted error: message, traceback, empty sections to fill.

    >>> print(scaffold_entry("Traceback (most recent call last):\\n  File \\"a.py\\", line 1\\nKeyError: 'bbox'"))
    - `KeyError: 'bbox'`
    <BLANKLINE>
      - 详细报错信息：
        ```python
        Traceback (most recent call last):
          File "a.py", line 1
        KeyError: 'bbox'
        ```
    <BLANKLINE>
      - 问题分析：
    <BLANKLINE>
      - 解决方案：
    <BLANKLINE>
      - 参考文章：
    <BLANKLINE>
    """
    # A lone CR is a line break to Markdown (Python-Markdown reads it so): kept, it ended the details' indented
    # fence, and the paste's next lines were the essay's Markdown (a link, an entry of their own; round 28).
    text = error_text.strip("\n").replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    kind, message = exception_line(text)
    headline = f"{kind}: {message}" if kind and message else (kind or message)
    headline = headline.splitlines()[0] if headline else "error"
    labels = LABELS[language]
    colon = "：" if language == "zh" else ":"
    language_hint = "python" if "Traceback" in text or kind else "text"
    # Longer than any run of backticks in the paste, so that no line of it closes the fence (a line of ```` closed a
    # fence of four, and what followed was the essay's Markdown; round 28), as code_span does for the headline.
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", text)), default=0))
    details = "\n".join("    " + line if line else "" for line in [f"{fence}{language_hint}", *text.split("\n"), fence])
    parts = [f"- {code_span(headline)}", "", f"  - {labels['details']}{colon}", details, ""]
    for key in ("analysis", "solution", "references"):
        parts += [f"  - {labels[key]}{colon}", ""]
    return "\n".join(parts)


def append_entry(essay: Path, docs: Path, entry: str) -> None:
    """Append ``entry`` to the essay at ``essay``, in the site's ``docs`` (a new essay, titled from its
    name, where there is none yet).

    Only a regular file inside ``docs`` is written: a symbolic link was replaced by a copy of the file it
    points to (outside the site, maybe) with the entry after it, and a FIFO kept the scaffold waiting for
    a writer forever. Those, a folder, and a path outside ``docs`` or through a linked folder in it are
    refused (:class:`EssayError`), and nothing is written. ``UnicodeDecodeError``: the essay is not UTF-8;
    ``OSError``: it cannot be read or written.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     append_entry(Path(tmp, "01.cuda-errors.md"), Path(tmp), "- `KeyError: 'x'`\\n")
    ...     print(Path(tmp, "01.cuda-errors.md").read_text(encoding="utf-8"), end="")
    ---
    title: cuda-errors
    tags: []
    ---
    # cuda-errors
    <BLANKLINE>
    - `KeyError: 'x'`
    >>> append_entry(Path("docs/../elsewhere.md"), Path("docs"), "- `KeyError: 'x'`\\n")
    Traceback (most recent call last):
    errata.errors.EssayError: docs/../elsewhere.md: not inside the site's docs folder docs (--docs): an entry goes into one of its essays
    """
    problem = _not_appendable(essay, docs)
    if problem:
        raise EssayError(str(essay), None, problem)
    try:
        data = read_regular_file(essay)  # no link, no FIFO: checked again as it is opened
    except FileNotFoundError:
        title = display_name(essay.name)
        text = dump_front_matter({"title": title, "tags": []}) + f"# {title}\n\n" + entry
    else:
        text = data.decode("utf-8").rstrip("\n") + "\n\n" + entry
    atomic_write(essay, text.encode("utf-8"))


def _not_appendable(essay: Path, docs: Path) -> str | None:
    """Why an entry may not be appended to ``essay`` (None: it may): see :func:`append_entry`."""
    if not Path(os.path.abspath(essay)).is_relative_to(os.path.abspath(docs)):
        return f"not inside the site's docs folder {docs} (--docs): an entry goes into one of its essays"
    if essay.is_symlink():
        return "a symbolic link: writing would replace it by a copy of the file it points to; name that file"
    if through_symlink(essay, docs):
        return "in a linked folder: the entry would be written where the link leads; name the essay by its own path"
    try:
        mode = os.lstat(essay).st_mode
    except FileNotFoundError:
        return None  # a new essay
    if stat.S_ISDIR(mode):
        return "a folder, not an essay"
    if not stat.S_ISREG(mode):
        return "not a regular file (a FIFO, socket or device): an essay is a file (reading a FIFO waits for a writer forever)"
    return None
