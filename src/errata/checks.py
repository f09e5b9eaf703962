"""The rules an essay must meet, each a function that returns problems with file and line.

The build (``hooks/errata_hooks.py``) reports some of them as warnings, so that
``mkdocs build --strict`` fails; ``scripts/check.py`` runs all of them for CI
and pre-commit. One place for each rule: both call these functions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .entries import ErrorEntry
from .markdown_lines import prose_lines
from .metadata import display_name
from .safety import find_unsafe_html, find_unsafe_text
from .text.bytemap import BYTE_RUN, run_to_bytes, split_pieces


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, where it is, and which rule says so."""

    path: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} [{self.rule}]"

    def github_annotation(self) -> str:
        """The line GitHub Actions turns into an annotation on the pull request."""
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},title={self.rule}::{message}"


def check_metadata(metadata: dict[str, Any], path: str, line: int = 1) -> list[Problem]:
    """The front matter against the schema of :mod:`errata.metadata`.

    >>> [p.message for p in check_metadata({"title": "", "tags": ["a", None, "a"]}, "x.md")]
    ['title is missing or empty', 'tags: item 2 is empty', "tags: 'a' appears twice"]
    """
    problems = []

    def problem(message: str) -> None:
        problems.append(Problem(path, line, "front-matter", message))

    title = metadata.get("title")
    if not isinstance(title, str) or not title.strip():
        problem("title is missing or empty")
    elif title != title.strip():
        problem("title has leading or trailing spaces")
    if "date" in metadata and not _is_iso_date(metadata["date"]):
        problem(f"date {metadata['date']!r} is not ISO 8601 with a time zone (e.g. 2022-07-21T19:09:42+08:00)")
    for key in ("categories", "tags"):
        if key not in metadata:
            continue
        value = metadata[key]
        if not isinstance(value, list):
            problem(f"{key} must be a list")
            continue
        seen = set()
        for index, item in enumerate(value, start=1):
            if item is None or (isinstance(item, str) and not item.strip()):
                problem(f"{key}: item {index} is empty")
            elif not isinstance(item, str):
                problem(f"{key}: item {index} ({item!r}) is not text")
            elif item in seen:
                problem(f"{key}: {item!r} appears twice")
            else:
                seen.add(item)
    if "author" in metadata:
        problem("author: use authors (a list of {name, link}); scripts/repair.py --write converts it")
    authors = metadata.get("authors", [])
    if not isinstance(authors, list) or not all(isinstance(a, dict) and a.get("name") for a in authors):
        problem("authors must be a list of {name, link}")
    return problems


def at_their_lines(problems: list[Problem], lines: dict[tuple, int]) -> list[Problem]:
    """Front-matter problems moved from line 1 to the line of the key (or list item) they name.

    >>> at_their_lines([Problem("a.md", 1, "front-matter", "tags: item 2 is empty")], {("tags",): 3, ("tags", 1): 5})
    [Problem(path='a.md', line=5, rule='front-matter', message='tags: item 2 is empty')]
    """
    moved = []
    for problem in problems:
        key = _KEY_OF.match(problem.message)
        line = problem.line
        if problem.line == 1 and key:
            item = int(key.group("item")) - 1 if key.group("item") else None
            line = lines.get((key.group("key"), item), lines.get((key.group("key"),), 1)) if item is not None else lines.get((key.group("key"),), 1)
        moved.append(Problem(problem.path, line, problem.rule, problem.message))
    return moved


_KEY_OF = re.compile(r"(?P<key>[a-z_]{1,32})\b(?::? item (?P<item>\d{1,6}))?")


def _is_iso_date(value: Any) -> bool:
    if isinstance(value, dt.datetime):
        return value.tzinfo is not None
    if isinstance(value, dt.date):
        return True
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
            return True
        return dt.datetime.fromisoformat(str(value)).tzinfo is not None
    except ValueError:
        return False


def check_mojibake(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """Lines the repair would still change: leftover mojibake or lost bytes.

    >>> [p.line for p in check_mojibake("干净\\nè¯¦ç»†\\n", "x.md", first_line=5)]
    [6]
    """
    if "\ufffd" not in text and not any(_could_be_mojibake(run) for run in BYTE_RUN.findall(text)):
        return []  # nothing that could be mojibake (a curly quote is not): skip loading the model
    from .text.mojibake import repair_mojibake

    _, report = repair_mojibake(text)
    problems = [
        Problem(path, n + first_line - 1, "mojibake", "mojibake (garbled text); run scripts/repair.py --write on the file")
        for n in report.changed_lines
    ]
    for n, line in enumerate(text.split("\n"), start=first_line):
        if "\ufffd" in line:
            problems.append(Problem(path, n, "mojibake", "U+FFFD replacement character: bytes were lost here"))
    return problems


def _could_be_mojibake(run: str) -> bool:
    """A run that reads as (damaged) UTF-8, or is long enough to be GBK/Big5 read as Latin-1."""
    return len(run) >= 4 or split_pieces(run_to_bytes(run)) is not None


def check_unsafe_html(body: str, path: str, first_line: int) -> list[Problem]:
    """What the site's sanitiser would remove from the body, each at its line."""
    return [Problem(path, u.line, "unsafe-html", u.message) for u in find_unsafe_html(body, first_line)]


def front_matter_lines(block: str) -> dict[tuple, int]:
    """The file line of each top-level key, ``(key,)``, and of each list item, ``(key, index)``.

    >>> front_matter_lines("---\\ntitle: A\\ntags:\\n- a\\n- b\\n---\\n")
    {('title',): 2, ('tags',): 3, ('tags', 0): 4, ('tags', 1): 5}
    """
    text = block.split("\n", 1)[1] if "\n" in block else ""
    try:
        node = yaml.compose(text.rsplit("\n---", 1)[0].rsplit("\n...", 1)[0], Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[tuple, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = str(key.value)
            lines[(name,)] = key.start_mark.line + 2
            if isinstance(value, yaml.SequenceNode):
                for index, item in enumerate(value.value):
                    lines[(name, index)] = item.start_mark.line + 2
    return lines


_STATUS = re.compile(r"[a-z][a-z0-9\-]{0,31}")


def check_front_matter_html(metadata: dict[str, Any], path: str, lines: dict[tuple, int] | None = None) -> list[Problem]:
    """Markup in front-matter values: the site prints them as text, so a script there is an attack.

    ``status`` names a Material status (a word), since the theme puts it in a class attribute.

    >>> [str(p) for p in check_front_matter_html({"title": "<img src=x onerror=alert(1)>", "tags": ["ok", "<script>x</script>"]}, "a.md")]
    ['a.md:1: unsafe HTML in title: event-handler attribute onerror (front matter is text) [unsafe-html]', 'a.md:1: unsafe HTML in tags: <script> element (front matter is text) [unsafe-html]']
    """
    lines = lines or {}
    problems = []
    for key, value in metadata.items():
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            for text in _strings_in(item):
                line = lines.get((str(key), index), lines.get((str(key),), 1))
                for what in find_unsafe_text(text):
                    problems.append(Problem(path, line, "unsafe-html", f"unsafe HTML in {key}: {what} (front matter is text)"))
    status = metadata.get("status")
    if status is not None and not (isinstance(status, str) and _STATUS.fullmatch(status)):
        problems.append(Problem(path, lines.get(("status",), 1), "front-matter", "status must be one word (a-z, 0-9, -), e.g. new"))
    return problems


def _strings_in(value: Any, depth: int = 0):
    """Every string inside a YAML value (keys of mappings too), to a sane depth."""
    if isinstance(value, str):
        yield value
    elif depth < 8 and isinstance(value, dict):
        for key, item in value.items():
            yield from _strings_in(key, depth + 1)
            yield from _strings_in(item, depth + 1)
    elif depth < 8 and isinstance(value, list):
        for item in value:
            yield from _strings_in(item, depth + 1)


def check_path_names(src_path: str, path: str | None = None) -> list[Problem]:
    """Markup in the file and folder names of an essay (they become navigation titles).

    >>> [p.message for p in check_path_names("05.<img src=x onerror=alert(1)>/01.a.md")]
    ["unsafe HTML in the name '05.<img src=x onerror=alert(1)>': event-handler attribute onerror (rename it)"]
    """
    problems = []
    for part in src_path.replace("\\", "/").split("/"):
        for what in find_unsafe_text(display_name(part)):
            problems.append(Problem(path or src_path, 1, "unsafe-html", f"unsafe HTML in the name {part!r}: {what} (rename it)"))
    return problems


def check_entries(entries: list[ErrorEntry], path: str) -> list[Problem]:
    """Each entry has a message and at least an analysis or a solution.

    >>> check_entries([ErrorEntry("KeyError: 'bbox'", line=5)], "x.md")[0].message
    "entry `KeyError: 'bbox'` has neither 问题分析 (analysis) nor 解决方案 (solution)"
    """
    problems = []
    for entry in entries:
        if not entry.message.strip():
            problems.append(Problem(path, entry.line, "entry", "entry has an empty message"))
        if not (entry.sections.get("analysis") or entry.sections.get("solution")):
            problems.append(
                Problem(path, entry.line, "entry", f"entry `{entry.message}` has neither 问题分析 (analysis) nor 解决方案 (solution)")
            )
    return problems


def check_duplicate_fingerprints(entries: list[ErrorEntry]) -> list[Problem]:
    """No two entries of the site share an error fingerprint."""
    first: dict[str, ErrorEntry] = {}
    problems = []
    for entry in entries:
        earlier = first.setdefault(entry.fingerprint, entry)
        if earlier is not entry:
            problems.append(
                Problem(
                    entry.source_path,
                    entry.line,
                    "duplicate",
                    f"this error already has an entry at {earlier.source_path}:{earlier.line} (same fingerprint)",
                )
            )
    return problems


def check_tags(metadata: dict[str, Any], allowed: set[str] | None, path: str, line: int = 1, lines: dict[tuple, int] | None = None) -> list[Problem]:
    """Declared tags belong to the site's allowed list, when it keeps one; each reported at its line."""
    if allowed is None or not isinstance(metadata.get("tags"), list):
        return []
    lines = lines or {}
    return [
        Problem(path, lines.get(("tags", index), line), "tags", f"tag {tag!r} is not in the allowed list (tags.yml); use an existing tag or add it there")
        for index, tag in enumerate(metadata["tags"])
        if isinstance(tag, str) and tag not in allowed
    ]


_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_ATTR_ID = re.compile(r"\{[^}]*#(?P<id>[\w\-]+)[^}]*\}")
_HEADING_LINE = re.compile(r"^#{1,6}[ \t]+(?P<text>.+?)[ \t]*#*[ \t]*$")


def heading_ids(body: str, entries: list[ErrorEntry]) -> set[str]:
    """The anchors a page will have: entry cards, headings (slugified as the site does), explicit ids."""
    from pymdownx.slugs import slugify

    slug = slugify(case="lower")
    ids = {entry.anchor for entry in entries}
    for _, line in prose_lines(body):
        heading = _HEADING_LINE.match(line)
        if heading:
            text = heading.group("text")
            explicit = _ATTR_ID.search(text)
            if explicit:
                ids.add(explicit.group("id"))
            text = _ATTR_ID.sub("", text).replace("`", "").strip()
            ids.add(slug(text, "-"))
        for explicit in _ATTR_ID.finditer(line):
            ids.add(explicit.group("id"))
    return ids


_RAW_ID = re.compile(r"""<[a-zA-Z][^<>]{0,2000}?\sid\s*=\s*["']?([\w\-:.]+)""")


def check_duplicate_ids(body: str, entries: list[ErrorEntry], path: str, first_line: int = 1) -> list[Problem]:
    """Ids given twice on one page: an entry repeated, or a heading or HTML id equal to an entry's anchor.

    (Headings without an explicit id never clash: the Markdown gives them a suffix.)

    >>> [p.message for p in check_duplicate_ids("## x { #a }", [ErrorEntry("KeyError", line=3)], "x.md")]
    []
    >>> [str(p) for p in check_duplicate_ids("## x { #keyerror-740182 }", [ErrorEntry("KeyError", line=3)], "x.md")]
    ["x.md:1: the id 'keyerror-740182' appears twice on the page (also at line 3) [duplicate-id]"]
    """
    first: dict[str, int] = {}
    problems = []

    def seen(name: str, line: int) -> None:
        if name in first:
            problems.append(Problem(path, line, "duplicate-id", f"the id {name!r} appears twice on the page (also at line {first[name]})"))
        else:
            first[name] = line

    for entry in entries:
        seen(entry.anchor, entry.line)
    for offset, line in prose_lines(body):
        if "{" in line or "id" in line:
            for match in [*_ATTR_ID.finditer(line), *_RAW_ID.finditer(line)]:
                seen(match.group(1), first_line + offset)
    return problems


def check_links(body: str, path: Path, first_line: int, generated: set[Path], anchors_of) -> list[Problem]:
    """Relative links to other pages and to anchors resolve.

    ``generated`` are pages the build makes (``errors.md``); ``anchors_of(file)``
    returns the anchor set of a Markdown file in the docs (or None if unknown).
    """
    problems = []
    for offset, line in prose_lines(body):
        for match in _LINK.finditer(line):
            target = match.group("target")
            if re.match(r"^[a-z][a-z0-9+.\-]*:|^//", target, re.IGNORECASE):
                continue  # external, mailto:, javascript: (the unsafe-HTML rule reports that)
            file_part, _, anchor = target.partition("#")
            target_file = (path.parent / file_part).resolve() if file_part else path.resolve()
            where = first_line + offset
            if file_part and not target_file.exists() and target_file not in generated:
                problems.append(Problem(str(path), where, "link", f"link target {file_part!r} does not exist"))
                continue
            if anchor and target_file.suffix == ".md" and target_file not in generated:
                anchors = anchors_of(target_file)
                if anchors is not None and anchor not in anchors:
                    problems.append(Problem(str(path), where, "link", f"anchor #{anchor} does not exist in {file_part or 'this page'}"))
    return problems

