"""Contributing entries: the check that CI and pre-commit run, and the scaffold of a new entry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .checks import (
    Problem,
    check_duplicate_fingerprints,
    check_entries,
    check_links,
    check_metadata,
    check_mojibake,
    check_tags,
    check_unsafe_html,
    heading_ids,
)
from .entries import ErrorEntry, find_entries
from .errors import EssayError
from .fingerprint import exception_line
from .metadata import split_front_matter
from .site import GENERATED_PAGES
from .text.encoding import decode_bytes


@dataclass
class _Parsed:
    path: Path
    body: str
    body_line: int
    entries: list[ErrorEntry]


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
        problems.extend(_check_one(path, allowed_tags, parsed))
    for path in context:
        if path.resolve() not in parsed:
            _check_one(path, None, parsed, report=False)

    reported = {p.resolve() for p in files}
    # The site's existing entries first: a new file repeating one of them is the one reported.
    ordered = sorted(parsed.values(), key=lambda p: (p.path.resolve() in reported, str(p.path)))
    duplicates = check_duplicate_fingerprints([e for p in ordered for e in p.entries])
    problems.extend(d for d in duplicates if Path(d.path).resolve() in reported)

    def anchors_of(target: Path):
        found = parsed.get(target.resolve())
        if found is None:
            if not target.exists():
                return None
            _check_one(target, None, parsed, report=False)
            found = parsed.get(target.resolve())
        return heading_ids(found.body, found.entries) if found else None

    for path in files:
        item = parsed.get(path.resolve())
        if item:
            problems.extend(check_links(item.body, path, item.body_line, generated, anchors_of))
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.rule, p.message))


def _check_one(path: Path, allowed_tags, parsed: dict, report: bool = True) -> list[Problem]:
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
        problems.append(Problem(name, 1, "encoding", f"not UTF-8 with LF line ends ({', '.join(what)}): run scripts/repair.py --write {name}"))
    text = decoded.text
    problems.extend(check_mojibake(text, name))
    try:
        split = split_front_matter(text, name)
    except EssayError as exc:
        return problems + [Problem(name, exc.line or 1, "front-matter", exc.message)]
    if split.block:
        problems.extend(check_metadata(split.metadata, name))
        problems.extend(check_tags(split.metadata, allowed_tags, name))
    else:
        problems.append(Problem(name, 1, "front-matter", f"no front matter: add at least a title, or run scripts/repair.py --write {name} to add one"))
    entries = find_entries(split.body, split.body_line)
    for entry in entries:
        entry.source_path = name
    problems.extend(check_entries(entries, name))
    problems.extend(check_unsafe_html(split.body, name, split.body_line))
    parsed[path.resolve()] = _Parsed(path, split.body, split.body_line, entries)
    return problems if report else []


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
    text = error_text.strip("\n").replace("\r\n", "\n")
    kind, message = exception_line(text)
    headline = f"{kind}: {message}" if kind and message else (kind or message)
    headline = headline.splitlines()[0] if headline else "error"
    # A code span closes at a run of backticks as long as its own: open it with a longer one.
    ticks = "`" * (max((len(run) for run in re.findall("`+", headline)), default=0) + 1)
    pad = " " if len(ticks) > 1 else ""
    labels = LABELS[language]
    colon = "：" if language == "zh" else ":"
    language_hint = "python" if "Traceback" in text or kind else "text"
    fence = "````" if "```" in text else "```"
    details = "\n".join("    " + line if line else "" for line in [f"{fence}{language_hint}", *text.split("\n"), fence])
    parts = [f"- {ticks}{pad}{headline}{pad}{ticks}", "", f"  - {labels['details']}{colon}", details, ""]
    for key in ("analysis", "solution", "references"):
        parts += [f"  - {labels[key]}{colon}", ""]
    return "\n".join(parts)
