"""Front matter: vdoing/VuePress style in, clean MkDocs metadata out.

The schema (every key optional but ``title``, which is always derived):

=============  ===============================================================
``title``      text, stripped; from the first ``#`` heading or the numbered
               file name (``05.mmdetection报错汇总.md``) when missing
``date``       ISO 8601 (``2022-07-21T19:09:42+08:00``); a time without a zone
               gets the configured default zone; a bare date stays a date
``permalink``  the old vdoing address (``/pages/7c1c52/``), kept for redirects
``categories`` list of non-empty, unique strings
``tags``       list of non-empty, unique strings
``authors``    list of ``{name, link}``; vdoing's single ``author`` becomes one
``description`` text
=============  ===============================================================

``redirect_from`` (a list of old addresses, ``/笔记/安装.html``) is kept as it is, like any other key: the
site writes a redirect page at each, checked as a permalink is (the importer writes it for a VuePress page
that had no permalink, so that the address VuePress gave it still leads there).

Other keys are kept as they are, after the known ones. Normalising is
symmetric with parsing: a normalised block normalises to itself, byte for byte.

Reading is hostile-input safe: a block opened by ``---`` must be closed (an
unclosed one is an error on line 1, not body text); YAML is read safely within
a budget of size, depth and alias expansion (``MAX_*`` below); a value of the
wrong shape is an error naming its key and line, never Python's way of
printing it; the title heading is found with string operations, in one pass.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import EssayError
from .markdown_lines import prose_lines

#: The keys the schema knows (each normalised in its own way), in the order a block gets them where
#: its author's order does not say (keys the repair adds).
KEY_ORDER = ("title", "date", "permalink", "categories", "tags", "authors", "description")
DEFAULT_TIMEZONE = dt.timezone(dt.timedelta(hours=8))  # the blogs are Chinese: Beijing time

#: Budgets for the YAML parser, so that no front matter can exhaust memory or
#: time. A real blog's block is well under 1 KB and a few levels deep; aliases
#: are rare, and may never make the data much larger than the text that holds it
#: (the "billion laughs": nine lines of aliases that expand to 10⁹ strings).
MAX_FRONT_MATTER = 64 * 1024  # characters between the delimiters
MAX_EXPANDED = 2 * MAX_FRONT_MATTER  # characters once every alias is expanded
MAX_DEPTH = 32  # nested lists and mappings
MAX_TITLE = 200  # characters of a title taken from a heading

#: Keys whose values are text however they look: ``title: yes`` is the word, not YAML 1.1's true
#: (VuePress's reader, YAML 1.2, agrees), ``title: 1.10`` a version, not 1.1. Their list items too.
TEXT_KEYS = ("title", "description", "permalink", "redirect_from", "categories", "tags", "author", "category", "tag")  # the last two: vuepress-theme-hope's
_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"

_DELIMITERS = ("---", "...")
#: vdoing's order number before a file or folder name (``01.``), and the ``01-`` or ``01_`` some
#: blogs write instead; not a date (``2020-01-01-hello``), a code (``404-not-found``), a number (``3.14``) or
#: a compound one (``1-0浏览器``, ``1-0.5优化``: chapter 1-0, not ``0浏览器``); a year after it still goes
#: (``01-2021年终总结`` is ``2021年终总结``).
_NUMBER_PREFIX = re.compile(r"^(?:\d+\.(?!\d)|\d{1,2}[-_ ](?!\d{1,2}(?:\.\d+)?(?!\d)))\s*")


@dataclass(frozen=True)
class SplitEssay:
    """An essay's text cut into its front-matter block and its body."""

    metadata: dict[str, Any]
    body: str
    block: str  # the front-matter block as written, delimiters included ('' when none)
    body_line: int  # 1-based line number of the body's first line
    key_lines: Mapping[str, int] = field(default_factory=dict)  # top-level key → its 1-based line
    #: Values a lenient reading kept as their text: (1-based line, what the value is not).
    kept_as_text: tuple[tuple[int, str], ...] = ()


def split_front_matter(text: str, path: str = "<text>", lenient: bool = False) -> SplitEssay:
    """Separate and parse the front matter; every error names the file and line.

    ``lenient`` keeps a scalar YAML reads as something it cannot build (``date: 2021-02-30``,
    no such day) as its text, for a caller that would rather keep the page than lose it.

    >>> split_front_matter("---\\ntitle: A\\n---\\n# A\\n").metadata
    {'title': 'A'}
    >>> split_front_matter("---\\ntitle: [\\n---\\n")
    Traceback (most recent call last):
    errata.errors.EssayError: <text>:3: invalid YAML front matter: ...
    >>> split_front_matter("---\\ntitle: A\\n# A\\n", "a.md")
    Traceback (most recent call last):
    errata.errors.EssayError: a.md:1: front matter is not closed: add a line '---' after its last key
    """
    end = front_matter_end(text, path)
    if end is None:
        return SplitEssay({}, text, "", 1)
    block = text[:end]
    yaml_text = block[block.index("\n") + 1 : block.rstrip("\n").rfind("\n") + 1]
    kept: list[tuple[int, str]] = []
    loaded, key_lines = load_yaml(yaml_text, path, first_line=2, lenient=lenient, text_keys=TEXT_KEYS, kept=kept)
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise EssayError(path, 2, "front matter must be a mapping of keys to values")
    return SplitEssay(loaded, text[end:], block, block.count("\n") + 1, key_lines, tuple(kept))


def front_matter_end(text: str, path: str) -> int | None:
    """Where the front-matter block ends (after its closing line), or None when there is none.

    Line by line with ``str.find``: linear in the block, whatever it holds.

    >>> front_matter_end("---\\na: 1\\n...\\nbody", "a.md"), front_matter_end("body\\n---\\n", "a.md")
    (13, None)
    """
    first_end = text.find("\n")
    if first_end < 0 or text[:first_end].rstrip(" \t") != "---":
        return None
    start = first_end + 1
    while start < len(text) and start <= MAX_FRONT_MATTER + first_end + 1:
        end = text.find("\n", start)
        line_end = len(text) if end < 0 else end
        if text[start:line_end].rstrip(" \t") in _DELIMITERS:
            return len(text) if end < 0 else end + 1
        start = line_end + 1
    if start < len(text):
        raise EssayError(path, 1, f"front matter is longer than {MAX_FRONT_MATTER // 1024} KB: is its closing '---' missing?")
    raise EssayError(path, 1, "front matter is not closed: add a line '---' after its last key")


#: A TOML front matter: VuePress's ``---toml`` … ``---``, Hugo's ``+++`` … ``+++``. Each closes with its own line: a
#: ``---`` in a ``+++`` block's text (a multi-line string's rule) is no end of it.
TOML_FRONT_MATTER = re.compile(r"\A(\ufeff?)(?:(\+\+\+)|---toml)[ \t]*\r?\n(.*?)\r?\n(?(2)\+\+\+|---)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class _TooDeep(Exception):
    """A TOML value nested deeper than :data:`MAX_DEPTH`."""


def toml_front_matter_as_yaml(text: str) -> str:
    """``text`` with a TOML front matter written as YAML, the same metadata (the repair, the check and the site read
    YAML; the site showed a Hugo post's ``+++`` block as text). A block that is not TOML stays as it is.

    >>> print(toml_front_matter_as_yaml('+++\\ntitle = "P"\\ntags = ["a"]\\n+++\\n正文\\n'), end="")
    ---
    title: P
    tags:
    - a
    ---
    正文
    >>> toml_front_matter_as_yaml("+++\\ntitle = [\\n+++\\n")
    '+++\\ntitle = [\\n+++\\n'

    A time of day, which YAML has no type for, is its text; a block nested deeper than the YAML one may be
    (:data:`MAX_DEPTH`: ``[a.a.a…]``, each table one level) is no front matter either. Both ended the repair and the
    import in a traceback (red team round 33):

    >>> print(toml_front_matter_as_yaml('+++\\ntitle = "P"\\nlastmod = 17:32:00\\n+++\\n'), end="")
    ---
    title: P
    lastmod: '17:32:00'
    ---
    >>> deep = "+++\\n[" + ".".join(["a"] * 400) + "]\\n+++\\n"
    >>> toml_front_matter_as_yaml(deep) == deep
    True
    """
    match = TOML_FRONT_MATTER.match(text)
    if match is None:
        return text
    try:
        metadata = _as_yaml_value(tomllib.loads(match.group(3)))
    except (tomllib.TOMLDecodeError, RecursionError, _TooDeep):  # arrays nested 100,000 deep: tomllib recurses
        return text
    return match.group(1) + dump_front_matter(metadata) + text[match.end() :]


def _as_yaml_value(value: Any, depth: int = 1) -> Any:
    """A value TOML read, as YAML holds it: a time of day (``07:32:00``) as its text; :class:`_TooDeep` where lists and
    tables nest deeper than :data:`MAX_DEPTH` (the dump recursed on them, and the YAML would be refused)."""
    if isinstance(value, (dict, list)) and depth > MAX_DEPTH:
        raise _TooDeep
    if isinstance(value, dict):
        return {key: _as_yaml_value(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_yaml_value(item, depth + 1) for item in value]
    return value.isoformat() if isinstance(value, dt.time) else value


_BLANK_LINES = re.compile(r"(?:[ \t]*\n)+")
#: Keys a blog's front matter holds (the schema's, VuePress's and Hugo's): a block after blank lines is front matter only
#: where it holds one. ``Note: 本文已过时`` between two rules is a heading the page shows, not a key.
_FRONT_MATTER_KEYS = frozenset(KEY_ORDER + TEXT_KEYS + ("redirect_from", "draft", "slug", "lastmod", "weight", "keywords", "summary", "sticky", "comments", "toc"))


def front_matter_moved_up(text: str, path: str = "<text>") -> str:
    """``text`` without the blank lines before its front matter, where a closed block of keys follows them, one of them
    a front matter's (:data:`_FRONT_MATTER_KEYS`): Hugo reads such a block, MkDocs and the site only one on the first
    line (they showed it as a rule and a heading). Anything else stays as it is: a rule, a paragraph and a rule are no
    front matter, nor is a rule and a heading that reads as a key (moved up, the heading was gone from the page).

    >>> front_matter_moved_up("\\n  \\n---\\ntitle: A\\n---\\n正文\\n")
    '---\\ntitle: A\\n---\\n正文\\n'
    >>> front_matter_moved_up("\\n---\\n一段话\\n---\\n"), front_matter_moved_up("\\n---\\ntitle: [\\n---\\n")
    ('\\n---\\n一段话\\n---\\n', '\\n---\\ntitle: [\\n---\\n')
    >>> front_matter_moved_up("\\n---\\nNote: 本文已过时\\n---\\n正文\\n")
    '\\n---\\nNote: 本文已过时\\n---\\n正文\\n'
    """
    blank = _BLANK_LINES.match(text)
    if not blank or not text.startswith("---", blank.end()):
        return text
    rest = text[blank.end() :]
    try:
        metadata = split_front_matter(rest, path).metadata
    except EssayError:
        return text
    return rest if any(str(key).lower() in _FRONT_MATTER_KEYS for key in metadata) else text


#: MkDocs' own readings of a page's front matter (``mkdocs.utils.meta``): a ``---`` block up to a closing line
#: that a line end follows, else MultiMarkdown's ``key: value`` lines at the top of the page.
_MKDOCS_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_MKDOCS_KEY_LINE = re.compile(r"[ ]{0,3}[A-Za-z0-9_-]+:")


def mkdocs_reads_other_front_matter(text: str, block_end: int | None) -> str | None:
    """What MkDocs reads as this page's front matter where the site reads none or another block, or None;
    ``block_end``: where the site's block ends (:func:`front_matter_end`), None where it reads none.

    MkDocs takes ``key: value`` lines at a page's top as front matter (MultiMarkdown's style), and reads a
    block opened by ``---`` and closed at once on to the next ``---``: the theme would print what the check
    never read (a red-team audit put the theme's overlay class into a ``status`` so).

    >>> mkdocs_reads_other_front_matter("status: new\\nsubtitle: x\\n\\n# 标题\\n", None)
    "the lines before the first blank line ('key: value' without '---')"
    >>> mkdocs_reads_other_front_matter("---\\n---\\ntitle: a\\n---\\n正文\\n", 8)
    'a block from line 1 to line 4'
    >>> mkdocs_reads_other_front_matter("---\\ntitle: a\\n---\\n正文\\n", 17), mkdocs_reads_other_front_matter("# 标题\\n正文\\n", None)
    (None, None)
    """
    if block_end is None:
        return "the lines before the first blank line ('key: value' without '---')" if _MKDOCS_KEY_LINE.match(text) else None
    theirs = _MKDOCS_BLOCK.match(text)
    if theirs is None or theirs.end() == block_end:
        return None
    return f"a block from line 1 to line {text.count(chr(10), 0, theirs.end())}"


try:  # libyaml's parser when PyYAML has it: the events come from C, the composing below stays ours
    from yaml._yaml import CParser as _EventParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml

    class _EventParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
        def __init__(self, stream: str):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)


class _BudgetLoader(yaml.composer.Composer, _EventParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """PyYAML's safe loading with a budget: bounded depth, bounded alias expansion, no recursion.

    The budget is kept while composing, node by node, so the composer is
    PyYAML's Python one (the C loader composes a document in one call); the
    parsing under it is libyaml's, about as fast as ``CSafeLoader``.
    """

    def __init__(self, stream: str):
        _EventParser.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._depth = 0
        self._expanded: dict[int, int] = {}  # id(node) → characters it stands for, aliases expanded

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            target = self.anchors.get(event.anchor)
            if target is not None and id(target) not in self._expanded:
                raise yaml.composer.ComposerError(None, None, "an alias refers to the value that contains it", event.start_mark)
            return super().compose_node(parent, index)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise yaml.composer.ComposerError(None, None, f"nested deeper than {MAX_DEPTH} levels", self.peek_event().start_mark)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        self._expanded[id(node)] = size = self._size(node)
        if size > MAX_EXPANDED:
            raise yaml.composer.ComposerError(
                None, None, f"aliases expand it beyond {MAX_EXPANDED // 1024} KB", node.start_mark
            )
        return node

    def _size(self, node: yaml.Node) -> int:
        if isinstance(node, yaml.ScalarNode):
            return len(node.value) + 1
        children = [c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode) else node.value
        return 1 + sum(self._expanded[id(child)] for child in children)

    def construct_object(self, node, deep=False):
        # A scalar PyYAML resolves but cannot build (``2022-13-45``, an integer of
        # 5,000 digits) raises ValueError without a position: give it the node's. An
        # explicit tag on a value it does not fit (``!!bool maybe``, ``!!timestamp soon``)
        # fails deeper in PyYAML, as a KeyError or an AttributeError: the same.
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError, KeyError, AttributeError, TypeError):
            if not isinstance(node, yaml.ScalarNode):
                raise
            return self.unbuildable(node)

    def construct_mapping(self, node, deep=False):
        # PyYAML keeps the last of two equal keys and drops the other without a word; a repair
        # that rewrites the block would lose it. (VuePress's reader refuses such a block too.)
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key, _ in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    first = seen.setdefault((key.tag, key.value), key.start_mark.line)
                    if first != key.start_mark.line:
                        name = _shown(key.value)
                        above = key.start_mark.line - first
                        raise yaml.constructor.ConstructorError(
                            None, None, f"duplicate key {name!r} (also {above} line{'s' if above > 1 else ''} above)", key.start_mark
                        )
        return super().construct_mapping(node, deep)

    def unbuildable(self, node: yaml.ScalarNode) -> Any:
        raise yaml.constructor.ConstructorError(None, None, f"{_shown(node.value)} is not a valid {_kind(node)}", node.start_mark)


class _LenientLoader(_BudgetLoader):
    """:class:`_BudgetLoader`, but a scalar it cannot build is its text (each one noted in ``kept``)."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.kept: list[tuple[int, str]] = []  # (0-based line, what it is not)

    def unbuildable(self, node: yaml.ScalarNode) -> Any:
        self.kept.append((node.start_mark.line, f"{_shown(node.value)!r} is not a valid {_kind(node)}"))
        return node.value


def _kind(node: yaml.ScalarNode) -> str:
    """What a scalar's tag says it should be, in words: ``date`` for a timestamp."""
    tag = node.tag.rsplit(":", 1)[-1]
    return "date" if tag == "timestamp" else tag


def _shown(text: str) -> str:
    """A value as an error message quotes it: its first 40 characters.

    >>> _shown("x" * 41) == "x" * 40 + "…", _shown("2021-02-30")
    (True, '2021-02-30')
    """
    return text if len(text) <= 40 else text[:40] + "…"


def load_yaml(
    text: str,
    path: str,
    first_line: int = 1,
    lenient: bool = False,
    text_keys: tuple[str, ...] = (),
    kept: list[tuple[int, str]] | None = None,
) -> tuple[Any, dict[str, int]]:
    """Parse YAML within the budget; the value and, for a mapping, each key's line.

    ``first_line`` is the file's line number of the text's first line; ``lenient``: see
    :func:`split_front_matter`, which notes in ``kept`` each value it kept as text (file line, what
    it is not). The plain values of ``text_keys`` (and of their lists) are read as
    the text they are written as; an empty one or ``~`` is still nothing.

    >>> load_yaml("title: yes\\ntags: [1.10, on, ~]\\nshow: yes\\n", "a.md", text_keys=("title", "tags"))[0]
    {'title': 'yes', 'tags': ['1.10', 'on', None], 'show': True}

    >>> load_yaml("title: A\\ntags: [a]\\n", "a.md", first_line=2)
    ({'title': 'A', 'tags': ['a']}, {'title': 2, 'tags': 3})
    >>> load_yaml("a: &a " + "x" * 1000 + "\\nb: &b [" + "*a, " * 10 + "]\\nc: [" + "*b, " * 20 + "]\\n", "a.md")
    Traceback (most recent call last):
    errata.errors.EssayError: a.md:3: invalid YAML front matter: aliases expand it beyond 128 KB
    >>> load_yaml("date: 2021-02-30\\n", "a.md", lenient=True)
    ({'date': '2021-02-30'}, {'date': 1})
    """
    loader = (_LenientLoader if lenient else _BudgetLoader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        _read_as_text(node, text_keys)
        value = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + first_line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or "not readable as YAML"
        raise EssayError(path, line, f"invalid YAML front matter: {problem}") from None
    finally:
        loader.dispose()
    if kept is not None and isinstance(loader, _LenientLoader):
        kept += [(line + first_line, what) for line, what in loader.kept]
    key_lines = {}
    if isinstance(node, yaml.MappingNode):
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                key_lines.setdefault(key.value, key.start_mark.line + first_line)
    return value, key_lines


#: What YAML reads a plain scalar as by itself. Only these are read as text: an explicit ``!!binary``
#: stays bytes, as MkDocs reads it (and the theme prints them), so that the check sees what the page gets.
_IMPLICIT_TAGS = {f"tag:yaml.org,2002:{kind}" for kind in ("bool", "int", "float", "timestamp")}


def _read_as_text(node: yaml.Node, text_keys: tuple[str, ...]) -> None:
    """Tag the plain scalars under ``text_keys`` of a top-level mapping (and in their lists) as text.

    >>> load_yaml("title: !!binary PGI+\\n", "a.md", text_keys=("title",))[0]
    {'title': b'<b>'}
    """
    if not text_keys or not isinstance(node, yaml.MappingNode):
        return
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value in text_keys:
            for scalar in value.value if isinstance(value, yaml.SequenceNode) else [value]:
                if isinstance(scalar, yaml.ScalarNode) and not scalar.style and scalar.tag in _IMPLICIT_TAGS:
                    scalar.tag = _STR_TAG


def comments_in(block: str) -> int:
    """How many lines of a front-matter block hold a YAML comment (``# …`` outside any value), which writing the block
    again drops: the report says so (real set 31: two comments in 符号码 were dropped, where the rest was repaired).

    >>> comments_in('---\\n# the tags\\ncategories: "hexo" # a note\\ntitle: "a # b"\\nurl: x#y\\n---\\n')
    2
    >>> comments_in("---\\ntitle: [unclosed\\n---\\n")
    0
    """
    text = block[block.index("\n") + 1 : block.rstrip("\n").rfind("\n") + 1] if "\n" in block else ""
    try:
        tokens = list(yaml.scan(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return 0
    spans = sorted((t.start_mark.index, t.end_mark.index) for t in tokens if t.end_mark.index > t.start_mark.index)
    starts = [start for start, _ in spans]
    line_ends = [match.start() for match in re.finditer("\n", text)]
    commented = set()
    for match in _COMMENT_START.finditer(text):
        at = bisect.bisect_right(starts, match.start()) - 1
        if at < 0 or spans[at][1] <= match.start():
            commented.add(bisect.bisect_left(line_ends, match.start()))
    return len(commented)


#: A ``#`` that may start a comment: at a line's start or after a blank (inside a value it is the value's).
_COMMENT_START = re.compile(r"(?:^|(?<=[ \t]))#", re.MULTILINE)


def front_matter_reformatted(essay: SplitEssay, normalised: dict[str, Any], normalised_block: str | None = None) -> bool:
    """Whether writing ``normalised`` back changes the block beyond the values of its keys.

    Indentation, quoting, flow lists, comments, anchors and the order of the
    keys are not values: two blocks can hold the same data and differ in
    bytes. The report names this, so that ``--check`` never fails a file
    whose report says "unchanged".

    >>> front_matter_reformatted(split_front_matter("---\\nhide:\\n  - toc\\n---\\n"), {"hide": ["toc"]})
    True
    >>> front_matter_reformatted(split_front_matter("---\\nb: 1\\ntitle: t\\n---\\n"), {"title": "t", "b": 1})
    True
    >>> front_matter_reformatted(split_front_matter("---\\nhide:\\n- toc\\n---\\n"), {"hide": ["toc"]})
    False
    """
    if not essay.block:
        return False
    kept_order = [key for key in normalised if key in essay.metadata]
    reordered = kept_order != [key for key in essay.metadata if key in normalised]
    if reordered:
        return True
    # ``normalised_block``: the caller's dump of ``normalised``. The same values of the same types (their repr: not
    # 1 for "1", nor a date for a datetime) write the same block, so it is not written twice.
    same = normalised_block is not None and repr(normalised) == repr(essay.metadata)
    return (normalised_block if same else dump_front_matter(essay.metadata)) != essay.block


@dataclass
class MetadataChanges:
    changed_keys: list[str] = field(default_factory=list)
    title_source: str = "front matter"  # or "heading", "file name"


class ValueProblem(ValueError):
    """A front-matter value of the wrong shape; :func:`normalise_metadata` adds file, line and key."""


class MetadataValueError(EssayError):
    """A front-matter value of the wrong shape, with the file, the line and the key it is under."""

    def __init__(self, path: str, line: int, key: str, problem: str):
        super().__init__(path, line, f"{key}: {problem}")
        self.key = key
        self.problem = problem


def normalise_metadata(
    metadata: dict[str, Any],
    body: str,
    filename: str,
    timezone: dt.tzinfo = DEFAULT_TIMEZONE,
    path: str = "<text>",
    key_lines: Mapping[str, int] | None = None,
) -> tuple[dict[str, Any], MetadataChanges]:
    """The metadata in the schema's shape, and which keys changed.

    ``key_lines`` (from :class:`SplitEssay`) puts the line of the bad key in errors.

    >>> meta, changes = normalise_metadata({"title": " A ", "tags": [None]}, "", "a.md")
    >>> meta, changes.changed_keys
    ({'title': 'A', 'tags': []}, ['title', 'tags'])
    >>> normalise_metadata({"title": ["A"]}, "", "a.md", path="a.md", key_lines={"title": 2})
    Traceback (most recent call last):
    errata.metadata.MetadataValueError: a.md:2: title: want text, not a list
    """
    changes = MetadataChanges()
    out: dict[str, Any] = {}
    key = "title"
    try:
        title = _text(metadata.get("title"))
        if not title:
            title, changes.title_source = derive_title(body, filename)
        out["title"] = title
        for key in ("date", "permalink", "categories", "tags", "author", "authors", "description"):
            if key in metadata:
                _normalise_known(key, metadata, timezone, out)
    except ValueProblem as exc:
        raise MetadataValueError(path, (key_lines or {}).get(key, 1), key, str(exc)) from None
    for key, value in metadata.items():
        if key not in KEY_ORDER and key != "author":
            out[key] = value
    out = _in_the_authors_order(out, metadata)
    for key in dict.fromkeys([*metadata, *out]):
        before, after = metadata.get(key), out.get(key)
        if (key in metadata) != (key in out) or (before is not after and before != after):  # `is`: .nan != .nan
            changes.changed_keys.append(key)
    return out, changes


def _in_the_authors_order(out: dict[str, Any], metadata: dict[str, Any]) -> dict[str, Any]:
    """The normalised keys in the order the author wrote them (a repaired file differs from its
    original only where something changed), a title that was not there first.

    >>> list(_in_the_authors_order({"title": "t", "date": "d", "name": "n"}, {"name": "n", "date": "d"}))
    ['title', 'name', 'date']
    >>> list(_in_the_authors_order({"title": "t", "authors": []}, {"author": "a", "title": "t"}))
    ['authors', 'title']
    """
    written = ["authors" if key == "author" else key for key in metadata]
    order = [key for key in (written if "title" in written else ["title", *written]) if key in out]
    return {key: out[key] for key in dict.fromkeys([*order, *out])}


def _normalise_known(key: str, metadata: dict[str, Any], timezone: dt.tzinfo, out: dict[str, Any]) -> None:
    """Put ``metadata[key]`` into ``out`` in the schema's shape (vdoing's ``author`` becomes ``authors``)."""
    value = metadata[key]
    if key == "date":
        out["date"] = normalise_date(value, timezone)
    elif key in ("categories", "tags"):
        out[key] = string_list(value)
    elif key in ("author", "authors"):
        authors = normalise_authors(metadata.get("authors", value))
        if authors:
            out["authors"] = authors
    elif _text(value):  # permalink, description: dropped when empty
        out[key] = _text(value)


def dump_front_matter(metadata: dict[str, Any]) -> str:
    """The front-matter block for normalised metadata, delimiters included.

    >>> print(dump_front_matter({"title": "报错汇总", "tags": ["mmcv"]}), end="")
    ---
    title: 报错汇总
    tags:
    - mmcv
    ---
    """
    return "---\n" + _yaml_block(metadata) + "---\n"


def _yaml_block(metadata: dict[str, Any]) -> str:
    """The YAML of the block, by libyaml's emitter where PyYAML has it (a sixth of a repair's time
    on a small essay went to the Python one), else by PyYAML's own.

    libyaml writes a character beyond the BMP (an emoji in a title) as a ``\\U`` escape in double
    quotes, where the Python emitter writes it as it is; a block that comes out with such an
    escape is written again by the Python one, so both always give the same bytes.

    >>> _yaml_block({"title": "显存 😀"})
    'title: 显存 😀\\n'
    """
    options = {"allow_unicode": True, "sort_keys": False, "default_flow_style": False, "width": 4096}
    if _FastDumper is not None and _plain_keys(metadata):
        text = yaml.dump(metadata, Dumper=_FastDumper, **options)
        if "\\U" not in text:
            return text
    return yaml.dump(metadata, Dumper=_Dumper, **options)


def _plain_keys(value: Any) -> bool:
    """Whether every mapping key inside is a non-empty string that prints on one line.

    The two emitters disagree on when a key needs YAML's explicit ``? key`` form (an empty key,
    a key holding a carriage return), so metadata with other keys goes to the Python one.

    >>> _plain_keys({"title": "t", "extra": [{"a": 1}]}), _plain_keys({"extra": {"": 1}}), _plain_keys({1: "a"})
    (True, False, False)
    """
    if isinstance(value, dict):
        return all(isinstance(key, str) and key.isprintable() and key and _plain_keys(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_plain_keys(item) for item in value)
    return True


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, made to read back as it wrote.

    Plain and single-quoted scalars would write NEL, LS and PS (U+0085,
    U+2028, U+2029) raw, and a reader takes them for line breaks (a title
    ``a<NEL>b`` comes back as ``a b``): strings holding them are double-quoted,
    where they are escaped.
    """


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if any(c in value for c in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


if yaml.__with_libyaml__:

    class _FastDumper(yaml.CSafeDumper):
        """:class:`_Dumper`'s representers over libyaml's emitter."""

    _FastDumper.add_representer(str, _represent_str)
else:  # pragma: no cover - PyYAML built without libyaml
    _FastDumper = None


def derive_title(body: str, filename: str) -> tuple[str, str]:
    """A title for an essay without one: its first ``#`` heading outside code, else its file name.
    A heading that lost characters (U+FFFD, which the repair could not give back) names nothing: the
    file name does, rather than a title of marks.

    >>> derive_title("text", "05.mmdetection报错汇总.md")
    ('mmdetection报错汇总', 'file name')
    >>> derive_title("#不是标题\\n# 报错汇总 ##\\n", "a.md"), derive_title("# C#\\n", "a.md")
    (('报错汇总', 'heading'), ('C#', 'heading'))
    >>> derive_title("```python\\n# 创建画布\\n```\\n", "draw_picture.md")  # a comment in code is no heading
    ('draw_picture', 'file name')
    >>> derive_title("# GaussDB \ufffd\ufffd\ufffd\\n", "gaussdb.md")
    ('gaussdb', 'file name')

    A heading's runs of white space become one space (as a browser shows
    them), and a heading longer than :data:`MAX_TITLE` is cut, so that the
    block written back stays well inside the front matter's budget.
    """
    for _, line in prose_lines(body):
        heading = atx_heading_text(line, level=1)
        if heading and "\ufffd" not in heading:
            title = " ".join(heading.split())
            return (title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1] + "…"), "heading"
    return display_name(filename), "file name"


def atx_heading_text(line: str, level: int) -> str | None:
    """The text of an ATX heading of exactly ``level`` on this line, else None (CommonMark's rules).

    String operations only, so a line of any length and shape costs one pass.

    >>> atx_heading_text("## 安装   #####  ", 2), atx_heading_text("#标签", 1), atx_heading_text("## a", 1)
    ('安装', None, None)
    """
    marks = "#" * level
    if not line.startswith(marks) or line[level : level + 1] not in ("", " ", "\t"):
        return None
    text = line[level:].strip(" \t")
    closed = text.rstrip("#")
    if not closed or closed.endswith((" ", "\t")):  # a closing run of #s needs a space before it
        text = closed.rstrip(" \t")
    return text or None


def title_name(path: str) -> str:
    """The name a page without a title goes by: its file's, but a folder's own page (``README.md``,
    ``index.md``) goes by its folder's, as its address does (``views/js/03.闭包/README.md`` is ``/views/js/03.闭包/``).

    >>> title_name("views/js/03.闭包/README.md"), title_name("a/index.md"), title_name("README.md"), title_name("a/b.md")
    ('03.闭包', 'a', 'README.md', 'b.md')
    """
    parts = [part for part in str(path).split("/") if part not in ("", ".")]
    if len(parts) > 1 and parts[-1].lower() in ("readme.md", "index.md") and parts[-2] != "..":
        return parts[-2]
    return parts[-1] if parts else path


def display_name(filename: str) -> str:
    """A file or folder name without its vdoing order number and extension.

    >>> display_name("01.mmdetection"), display_name("05.xxx.md"), display_name("readme.md")
    ('mmdetection', 'xxx', 'readme')
    """
    stem = filename.rsplit("/", 1)[-1]
    if stem.endswith(".md"):
        stem = stem[:-3]
    return without_order_number(stem).strip() or stem


def without_order_number(name: str) -> str:
    """A name without its order number; the name itself where nothing would be left.

    >>> without_order_number("01.mmdetection"), without_order_number("2020-01-01-hello"), without_order_number("404-not-found")
    ('mmdetection', '2020-01-01-hello', '404-not-found')
    >>> without_order_number("3.14"), without_order_number("01-intro"), without_order_number("10.")
    ('3.14', 'intro', '10.')

    Nor where only dots would be left: a folder ``01...`` would become ``..``, and its pages
    would be written outside the site (``05...md`` became ``.``, over the home page).

    >>> without_order_number("01..."), without_order_number("05.."), without_order_number("1 ..")
    ('01...', '05..', '1 ..')
    """
    rest = _NUMBER_PREFIX.sub("", name)
    return rest if rest.strip(".") else name


#: A date as blogs write it without ISO 8601's leading zeros: ``2021/3/5``, ``2021-3-5 9:05``.
_LOOSE_DATE = re.compile(
    r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?:[ T](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
)


def normalise_date(value: Any, timezone: dt.tzinfo) -> str:
    """An ISO 8601 string; a naive time gets ``timezone``.

    >>> normalise_date("2022-07-21 19:09:42", DEFAULT_TIMEZONE)
    '2022-07-21T19:09:42+08:00'
    >>> normalise_date(dt.date(2022, 7, 21), DEFAULT_TIMEZONE)
    '2022-07-21'
    >>> normalise_date("2021/3/5", DEFAULT_TIMEZONE), normalise_date("2021-3-5 9:05", DEFAULT_TIMEZONE)   # what VuePress takes too
    ('2021-03-05', '2021-03-05T09:05:00+08:00')
    >>> normalise_date(1614906300000, DEFAULT_TIMEZONE)   # JavaScript's milliseconds
    '2021-03-05T09:05:00+08:00'
    >>> normalise_date("yesterday", DEFAULT_TIMEZONE)
    Traceback (most recent call last):
    errata.metadata.ValueProblem: "yesterday" is not a date (want ISO 8601, e.g. 2022-07-21 19:09:42)
    """
    if isinstance(value, dt.datetime):
        stamp = value
    elif isinstance(value, dt.date):
        return value.isoformat()
    elif isinstance(value, int) and not isinstance(value, bool) and 10**12 <= value < 10**14:
        # Milliseconds since 1970, as JavaScript (and so VuePress) writes a date: 1614906300000.
        stamp = dt.datetime.fromtimestamp(value / 1000, timezone)
    else:
        text = _text(value)
        try:
            loose = _LOOSE_DATE.fullmatch(text)
            if loose and loose["hour"] is None:
                return dt.date(int(loose["year"]), int(loose["month"]), int(loose["day"])).isoformat()
            if loose:
                parts = (loose[name] or "0" for name in ("year", "month", "day", "hour", "minute", "second"))
                stamp = dt.datetime(*map(int, parts))
            else:
                stamp = dt.datetime.fromisoformat(text.replace("/", "-"))
        except ValueError:
            shown = _shown(text)
            raise ValueProblem(f'"{shown}" is not a date (want ISO 8601, e.g. 2022-07-21 19:09:42)') from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone)
    return stamp.isoformat()


def string_list(value: Any) -> list[str]:
    """Non-empty, unique strings, in order, from whatever YAML gave.

    >>> string_list([None, "essay", " essay ", 3]), string_list("posts")
    (['essay', '3'], ['posts'])
    >>> string_list([["a"]])
    Traceback (most recent call last):
    errata.metadata.ValueProblem: item 1: want text, not a list
    """
    items = value if isinstance(value, list) else [value]
    seen: dict[str, None] = {}
    for number, item in enumerate(items, 1):
        try:
            text = _text(item)
        except ValueProblem as exc:
            raise ValueProblem(f"item {number}: {exc}") from None
        if text:
            seen.setdefault(text, None)
    return list(seen)


def normalise_authors(value: Any) -> list[dict[str, str]]:
    """vdoing's ``author: {name, link}`` (or a string, or a list of either) as a list.

    >>> normalise_authors({"name": "Shanya", "link": "https://github.com/shanyaliux"})
    [{'name': 'Shanya', 'link': 'https://github.com/shanyaliux'}]

    vuepress-theme-hope writes the link as ``url``, and ``author: false`` for a page that shows none:

    >>> normalise_authors([{"name": "甲", "url": "https://example.cn"}]), normalise_authors("false")
    ([{'name': '甲', 'link': 'https://example.cn'}], [])

    jekyll-import's WordPress importer writes ``author: {login, email, display_name}`` (no ``name``): the name is its
    ``display_name``, else its ``login`` (the mapping was dropped whole before, the author lost):

    >>> normalise_authors({"login": "PriestTomb", "email": "a@b.c", "display_name": "Priest Tomb"})
    [{'name': 'Priest Tomb'}]
    """
    items = value if isinstance(value, list) else [value]
    authors = []
    for item in items:
        if isinstance(item, dict):
            name = _text(item.get("name")) or _text(item.get("display_name")) or _text(item.get("login"))
            if name:
                author = {"name": name}
                link = _text(item.get("link")) or _text(item.get("url"))
                if link:
                    author["link"] = link
                authors.append(author)
        elif _text(item) and not (item is False or _text(item).lower() == "false"):
            authors.append({"name": _text(item)})
    return authors


_NOT_TEXT = {list: "a list", tuple: "a list", dict: "a mapping", set: "a set", bytes: "binary data"}


def _text(value: Any) -> str:
    """A scalar as stripped text; a list or mapping is refused rather than written as Python would print it."""
    for kind, name in _NOT_TEXT.items():
        if isinstance(value, kind):
            raise ValueProblem(f"want text, not {name}")
    return "" if value is None else str(value).strip()
