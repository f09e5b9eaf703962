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

Other keys are kept as they are, after the known ones. Normalising is
symmetric with parsing: a normalised block normalises to itself, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import frontmatter
import yaml

from .errors import EssayError

#: The order of the known keys in the written block.
KEY_ORDER = ("title", "date", "permalink", "categories", "tags", "authors", "description")
DEFAULT_TIMEZONE = dt.timezone(dt.timedelta(hours=8))  # the blogs are Chinese: Beijing time

_BLOCK = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_NUMBER_PREFIX = re.compile(r"^\d+[.\-_ ]\s*")
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_YAML = frontmatter.YAMLHandler()


@dataclass(frozen=True)
class SplitEssay:
    """An essay's text cut into its front-matter block and its body."""

    metadata: dict[str, Any]
    body: str
    block: str  # the front-matter block as written, delimiters included ('' when none)
    body_line: int  # 1-based line number of the body's first line


def split_front_matter(text: str, path: str = "<text>") -> SplitEssay:
    """Separate and parse the front matter; YAML errors name the file and line.

    >>> split_front_matter("---\\ntitle: A\\n---\\n# A\\n").metadata
    {'title': 'A'}
    >>> split_front_matter("---\\ntitle: [\\n---\\n")
    Traceback (most recent call last):
    errata.errors.EssayError: <text>:3: invalid YAML front matter: ...
    """
    match = _BLOCK.match(text)
    if not match:
        return SplitEssay({}, text, "", 1)
    block = match.group(0)
    try:
        loaded = _YAML.load(match.group("yaml") or "")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise EssayError(path, line, f"invalid YAML front matter: {problem}") from None
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise EssayError(path, 2, "front matter must be a mapping of keys to values")
    return SplitEssay(loaded, text[len(block) :], block, block.count("\n") + 1)


@dataclass
class MetadataChanges:
    changed_keys: list[str] = field(default_factory=list)
    title_source: str = "front matter"  # or "heading", "file name"


def normalise_metadata(
    metadata: dict[str, Any],
    body: str,
    filename: str,
    timezone: dt.tzinfo = DEFAULT_TIMEZONE,
    path: str = "<text>",
) -> tuple[dict[str, Any], MetadataChanges]:
    """The metadata in the schema's shape, and which keys changed.

    >>> meta, changes = normalise_metadata({"title": " A ", "tags": [None]}, "", "a.md")
    >>> meta, changes.changed_keys
    ({'title': 'A', 'tags': []}, ['title', 'tags'])
    """
    changes = MetadataChanges()
    out: dict[str, Any] = {}
    title = _text(metadata.get("title"))
    if not title:
        title, changes.title_source = derive_title(body, filename)
    out["title"] = title
    if "date" in metadata:
        out["date"] = normalise_date(metadata["date"], timezone, path)
    if metadata.get("permalink"):
        out["permalink"] = _text(metadata["permalink"])
    for key in ("categories", "tags"):
        if key in metadata:
            out[key] = string_list(metadata[key])
    authors = normalise_authors(metadata.get("authors", metadata.get("author")))
    if authors:
        out["authors"] = authors
    if _text(metadata.get("description")):
        out["description"] = _text(metadata["description"])
    for key, value in metadata.items():
        if key not in KEY_ORDER and key != "author":
            out[key] = value
    for key in dict.fromkeys([*metadata, *out]):
        if metadata.get(key) != out.get(key) or (key in metadata) != (key in out):
            changes.changed_keys.append(key)
    return out, changes


def dump_front_matter(metadata: dict[str, Any]) -> str:
    """The front-matter block for normalised metadata, delimiters included.

    >>> print(dump_front_matter({"title": "报错汇总", "tags": ["mmcv"]}), end="")
    ---
    title: 报错汇总
    tags:
    - mmcv
    ---
    """
    text = yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False, default_flow_style=False, width=4096)
    return "---\n" + text + "---\n"


def derive_title(body: str, filename: str) -> tuple[str, str]:
    """A title for an essay without one: its first heading, else its file name.

    >>> derive_title("text", "05.mmdetection报错汇总.md")
    ('mmdetection报错汇总', 'file name')
    """
    heading = _HEADING.search(body)
    if heading:
        return heading.group(1).strip(), "heading"
    return display_name(filename), "file name"


def display_name(filename: str) -> str:
    """A file or folder name without its vdoing order number and extension.

    >>> display_name("01.mmdetection"), display_name("05.xxx.md"), display_name("readme.md")
    ('mmdetection', 'xxx', 'readme')
    """
    stem = filename.rsplit("/", 1)[-1]
    if stem.endswith(".md"):
        stem = stem[:-3]
    return _NUMBER_PREFIX.sub("", stem).strip() or stem


def normalise_date(value: Any, timezone: dt.tzinfo, path: str = "<text>") -> str:
    """An ISO 8601 string; a naive time gets ``timezone``.

    >>> normalise_date("2022-07-21 19:09:42", DEFAULT_TIMEZONE)
    '2022-07-21T19:09:42+08:00'
    >>> normalise_date(dt.date(2022, 7, 21), DEFAULT_TIMEZONE)
    '2022-07-21'
    """
    if isinstance(value, dt.datetime):
        stamp = value
    elif isinstance(value, dt.date):
        return value.isoformat()
    else:
        text = _text(value)
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return dt.date.fromisoformat(text).isoformat()
            stamp = dt.datetime.fromisoformat(text.replace("/", "-"))
        except ValueError:
            raise EssayError(path, None, f"date {text!r} is not a date (want ISO 8601, e.g. 2022-07-21 19:09:42)") from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone)
    return stamp.isoformat()


def string_list(value: Any) -> list[str]:
    """Non-empty, unique strings, in order, from whatever YAML gave.

    >>> string_list([None, "essay", " essay ", 3]), string_list("posts")
    (['essay', '3'], ['posts'])
    """
    items = value if isinstance(value, list) else [value]
    seen: dict[str, None] = {}
    for item in items:
        text = _text(item)
        if text:
            seen.setdefault(text, None)
    return list(seen)


def normalise_authors(value: Any) -> list[dict[str, str]]:
    """vdoing's ``author: {name, link}`` (or a string, or a list of either) as a list.

    >>> normalise_authors({"name": "Shanya", "link": "https://github.com/shanyaliux"})
    [{'name': 'Shanya', 'link': 'https://github.com/shanyaliux'}]
    """
    items = value if isinstance(value, list) else [value]
    authors = []
    for item in items:
        if isinstance(item, dict):
            name = _text(item.get("name"))
            if name:
                author = {"name": name}
                if _text(item.get("link")):
                    author["link"] = _text(item["link"])
                authors.append(author)
        elif _text(item):
            authors.append({"name": _text(item)})
    return authors


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()
