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

from .entries import ErrorEntry
from .markdown_lines import prose_lines
from .metadata import DEFAULT_TIMEZONE, normalise_date
from .safety import find_unsafe_html
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
    """The front matter against the schema of :mod:`errata.metadata`; each message says the fix.

    >>> for p in check_metadata({"title": "", "tags": ["a", None, "a"]}, "x.md"):
    ...     print(p.message)
    title is missing or empty: write one (title: ...), or run scripts/repair.py --write x.md to take the first heading
    tags: item 2 is empty: remove it, or run scripts/repair.py --write x.md
    tags: 'a' appears twice: remove one, or run scripts/repair.py --write x.md

    A date without a time zone is what vdoing, Hugo and Jekyll write; it
    means the site's time zone, as the repair reads it:

    >>> check_metadata({"title": "A", "date": dt.datetime(2023, 6, 1, 12, 0)}, "x.md")
    []
    """
    problems = []
    repair = f"scripts/repair.py --write {path}"

    def problem(message: str) -> None:
        problems.append(Problem(path, line, "front-matter", message))

    title = metadata.get("title")
    if not isinstance(title, str) or not title.strip():
        problem(f"title is missing or empty: write one (title: ...), or run {repair} to take the first heading")
    elif title != title.strip():
        problem(f"title has leading or trailing spaces: remove them, or run {repair}")
    if "date" in metadata:
        date_problem = _date_problem(metadata["date"])
        if date_problem:
            problem(date_problem)
    for key in ("categories", "tags"):
        if key not in metadata:
            continue
        value = metadata[key]
        if not isinstance(value, list):
            problem(f"{key} must be a list ({key}: [a, b]), not {describe(value)}")
            continue
        seen = set()
        for index, item in enumerate(value, start=1):
            if item is None or (isinstance(item, str) and not item.strip()):
                problem(f"{key}: item {index} is empty: remove it, or run {repair}")
            elif not isinstance(item, str):
                problem(f"{key}: item {index} is {describe(item)}, not a word: write it as plain text")
            elif item in seen:
                problem(f"{key}: {quote(item)} appears twice: remove one, or run {repair}")
            else:
                seen.add(item)
    if "author" in metadata:
        problem(f"author: this site uses authors (a list of name and link); run {repair} to convert it")
    authors = metadata.get("authors", [])
    if not isinstance(authors, list) or not all(isinstance(a, dict) and a.get("name") for a in authors):
        problem("authors must be a list of entries with a name (authors: [{name: 小林, link: https://...}])")
    return problems


def _date_problem(value: Any) -> str | None:
    """What is wrong with a front-matter date, or None: any date the repair can read is fine.

    >>> _date_problem("2023-06-01 12:00:00") is None, _date_problem(dt.date(2023, 6, 1)) is None
    (True, True)
    >>> print(_date_problem("2023-13-45"))
    date '2023-13-45' is not a date: write it as 2022-07-21 or 2022-07-21 19:09:42 (the site's time zone is meant unless you add one, as in 2022-07-21T19:09:42+08:00)
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return None
    shown = quote(value) if isinstance(value, str) else describe(value)
    advice = "write it as 2022-07-21 or 2022-07-21 19:09:42 (the site's time zone is meant unless you add one, as in 2022-07-21T19:09:42+08:00)"
    if isinstance(value, str):
        try:
            normalise_date(value, DEFAULT_TIMEZONE)  # the repair's reading: one place for what a date is
            return None
        except ValueError:
            pass
    return f"date {shown} is not a date: {advice}"


def quote(text: str) -> str:
    """Text for a message: in quotes, on one line, without Python's escapes.

    >>> print(quote("a\tb"), quote("中文"))
    'a b' '中文'
    """
    return "'" + " ".join(str(text).split()) + "'"


def describe(value: Any) -> str:
    """What a YAML value is, in words, for a message (never a Python repr).

    >>> describe(["a"]), describe({"a": 1}), describe(3), describe(None), describe("x")
    ('a list', 'a mapping', 'a number (3)', 'empty', "the text 'x'")
    """
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"the date {value.isoformat()}"
    return f"the text {quote(value)}"


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
        Problem(path, n + first_line - 1, "mojibake", f"mojibake (garbled text): run scripts/repair.py --write {path}")
        for n in report.changed_lines
    ]
    for n, line in enumerate(text.split("\n"), start=first_line):
        if "\ufffd" in line:
            problems.append(
                Problem(path, n, "mojibake", "U+FFFD replacement character (\ufffd): the original bytes are lost; write the character that belongs here")
            )
    return problems


def _could_be_mojibake(run: str) -> bool:
    """A run that reads as (damaged) UTF-8, or is long enough to be GBK/Big5 read as Latin-1."""
    return len(run) >= 4 or split_pieces(run_to_bytes(run)) is not None


def check_unsafe_html(body: str, path: str, first_line: int) -> list[Problem]:
    return [Problem(path, u.line, "unsafe-html", u.message) for u in find_unsafe_html(body, first_line)]


def check_entries(entries: list[ErrorEntry], path: str) -> list[Problem]:
    """Each entry has a message and at least an analysis or a solution.

    >>> print(check_entries([ErrorEntry("KeyError: 'bbox'", line=5)], "x.md")[0].message)
    entry `KeyError: 'bbox'` has neither 问题分析 (analysis) nor 解决方案 (solution): add at least one under it (  - 问题分析：)
    """
    problems = []
    for entry in entries:
        if not entry.message.strip():
            problems.append(Problem(path, entry.line, "entry", "entry has an empty message: write the error between backticks (- `KeyError: 'x'`)"))
        if not (entry.sections.get("analysis") or entry.sections.get("solution")):
            problems.append(
                Problem(
                    path,
                    entry.line,
                    "entry",
                    f"entry `{entry.message}` has neither 问题分析 (analysis) nor 解决方案 (solution): add at least one under it (  - 问题分析：)",
                )
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
                    f"this error already has an entry at {earlier.source_path}:{earlier.line} (same fingerprint): add what you know there instead",
                )
            )
    return problems


def check_tags(metadata: dict[str, Any], allowed: set[str] | None, path: str, line: int = 1) -> list[Problem]:
    """Declared tags belong to the site's allowed list, when it keeps one."""
    if allowed is None or not isinstance(metadata.get("tags"), list):
        return []
    return [
        Problem(path, line, "tags", f"tag {quote(tag)} is not in the allowed list (tags.yml): use an existing tag or add it there")
        for tag in metadata["tags"]
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
                problems.append(Problem(str(path), where, "link", f"link target {quote(file_part)} does not exist: check the path (relative to this file)"))
                continue
            if anchor and target_file.suffix == ".md" and target_file not in generated:
                anchors = anchors_of(target_file)
                if anchors is not None and anchor not in anchors:
                    problems.append(
                        Problem(str(path), where, "link", f"anchor #{anchor} does not exist in {file_part or 'this page'}: link to a heading that does")
                    )
    return problems

