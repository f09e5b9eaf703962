"""Repair one essay: bytes in, clean UTF-8 Markdown with normalised front matter out.

The steps, in order, each reported:

1. decode (charset-normalizer), drop a BOM, LF line ends;
2. undo mojibake, GBK-read-as-Latin-1 and lost bytes (:mod:`errata.text.mojibake`),
   on the raw text, front matter included: a damaged title is the normal case,
   so YAML only ever sees the repaired text;
3. normalise the front matter (:mod:`errata.metadata`). A front matter that
   still does not parse raises :class:`FrontMatterError`, which names the file
   and line and carries the result all the same: the body repaired, the block
   left as found (the caller decides whether to write it).

>>> result = repair_text("---\\ntitle: mmdetection±¨´í»ã×Ü\\ntags:\\n  - \\n---\\n# è¯¦ç»†\\n", "05.a.md")
>>> print(result.text, end="")
---
title: mmdetection报错汇总
tags: []
---
# 详细
>>> result.report.title_fixed, result.report.mojibake_runs
(True, 1)
>>> [(f.line, f.kind) for f in result.report.fixes]
[(2, 'gbk-as-latin1'), (6, 'utf8-as-cp1252')]
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import PurePath

import ftfy

from .errors import EssayError
from .metadata import (
    DEFAULT_TIMEZONE,
    MetadataValueError,
    SplitEssay,
    comments_in,
    dump_front_matter,
    front_matter_end,
    front_matter_moved_up,
    front_matter_reformatted,
    normalise_metadata,
    split_front_matter,
    title_name,
    toml_front_matter_as_yaml,
)
from .text.config import DEFAULT_CONFIG, RepairConfig
from .text.encoding import READ_BACK_WHOLE, cut_inside_a_character, decode_bytes, decode_or_none, substitutes_as_marks
from .text.mojibake import Finding, Fix, MojibakeReport, repair_mojibake
from .text.legacy_pages import chinese_characters, read_in_code_page, shows_letters, utf8_lines_undone
from .text.references import characters_for_escapes, characters_for_references
from .text.unrecoverable import DROPPED, find_unrecoverable


@dataclass(frozen=True)
class RepairOptions:
    """Every switch of the repair, with its default."""

    timezone: dt.tzinfo = DEFAULT_TIMEZONE  # for dates written without a zone
    strict: bool = False  # a low-confidence recovery is an error, not a note
    config: RepairConfig = DEFAULT_CONFIG  # the text repair's tuning constants


@dataclass(frozen=True)
class LowConfidence:
    """A recovered character whose runner-up came close: worth a person's look."""

    line: int
    column: int  # 1-based, in the repaired line: the character is only there (no misread byte order mark there)
    chosen: str
    runner_up: str | None
    margin: float


@dataclass
class RepairReport:
    """What the repair did to one file."""

    path: str
    encoding: str = "utf-8"
    encoding_converted: bool = False
    bom_removed: bool = False
    line_endings_converted: bool = False
    mojibake_runs: int = 0
    legacy_runs: int = 0
    ftfy_lines: int = 0
    characters_recovered: int = 0
    bytes_recovered: int = 0
    lossy_left: int = 0
    title_fixed: bool = False
    title_source: str = "front matter"
    metadata_keys_changed: list[str] = field(default_factory=list)
    front_matter_reformatted: bool = False  # same values, other layout (indentation, quotes, anchors)
    front_matter_comments_dropped: int = 0  # lines of the block whose YAML comments writing it again dropped
    low_confidence: list[LowConfidence] = field(default_factory=list)
    #: Each fix, with its line, column and mojibake class (``utf8-as-cp1252``, ``gbk-as-latin1``, …);
    #: the column is where the damage stood in the file as read, a misread byte order mark on line 1 counted.
    fixes: list[Fix] = field(default_factory=list)
    #: Damage that cannot be undone (``gbk-as-utf8-replaced``, ``kunkao``, …): found, reported, left;
    #: the column is in the repaired line, like a low-confidence character's.
    unrecoverable: list[Finding] = field(default_factory=list)
    #: Why the front matter was left as found ('' when it parsed).
    front_matter_problem: str = ""
    changed: bool = False

    def fix_counts(self) -> dict[str, int]:
        """How many fixes of each class, in order of first appearance."""
        return dict(Counter(f.kind for f in self.fixes))  # a Counter keeps first appearances in order

    def unrecoverable_counts(self) -> dict[str, int]:
        return dict(Counter(f.kind for f in self.unrecoverable))

    def summary(self) -> str:
        """One line for a person.

        >>> RepairReport("a.md", mojibake_runs=1, legacy_runs=1, fixes=[Fix(3, 1, "utf8-as-cp1252"), Fix(4, 2, "gbk-as-latin1")]).summary()
        'a.md: 1 mojibake runs fixed; 1 GBK/Big5 runs fixed; by class: 1 utf8-as-cp1252, 1 gbk-as-latin1'
        """
        parts = []
        if self.encoding_converted:
            parts.append(f"converted from {self.encoding}")
        if self.bom_removed:
            parts.append("BOM removed")
        if self.line_endings_converted:
            parts.append("CRLF → LF")
        if self.mojibake_runs:
            parts.append(f"{self.mojibake_runs} mojibake runs fixed")
        if self.legacy_runs:
            parts.append(f"{self.legacy_runs} GBK/Big5 runs fixed")
        if self.fixes:
            parts.append("by class: " + ", ".join(f"{n} {kind}" for kind, n in self.fix_counts().items()))
        if self.ftfy_lines:
            parts.append(f"{self.ftfy_lines} lines fixed by ftfy")
        if self.characters_recovered:
            parts.append(f"{self.characters_recovered} characters recovered ({self.bytes_recovered} lost bytes)")
        if self.low_confidence:
            parts.append(f"{len(self.low_confidence)} to review")
        if self.lossy_left:
            parts.append(f"{self.lossy_left} lossy sequences left")
        if self.unrecoverable:
            parts.append("not recoverable: " + ", ".join(f"{n} {kind}" for kind, n in self.unrecoverable_counts().items()))
        if self.front_matter_problem:
            parts.append(f"front matter left as found ({self.front_matter_problem})")
        if self.title_fixed:
            parts.append("title fixed")
        if self.metadata_keys_changed:
            parts.append("front matter: " + ", ".join(self.metadata_keys_changed))
        if self.front_matter_reformatted:
            parts.append("front matter reformatted")
        if self.front_matter_comments_dropped:
            parts.append(f"{self.front_matter_comments_dropped} front-matter comments dropped")
        if self.changed and not parts:  # never "unchanged" for a file --check would fail
            parts.append("rewritten")
        return f"{self.path}: " + ("; ".join(parts) if parts else "unchanged")

    def to_json(self) -> dict:
        out = asdict(self)
        out["fix_counts"] = self.fix_counts()
        out["unrecoverable_counts"] = self.unrecoverable_counts()
        return out


@dataclass(frozen=True)
class RepairResult:
    text: str
    report: RepairReport


class FrontMatterError(EssayError):
    """A front matter that does not parse even after the repair, or holds a value of the wrong
    shape; ``result`` has the body repaired and the block as found."""

    def __init__(self, error: EssayError, result: RepairResult):
        super().__init__(error.path, error.line, error.message)
        self.result = result
        self.error = error  # what went wrong, as raised (a MetadataValueError names its key)


#: The class of a file cut short inside a character (:func:`~errata.text.encoding.cut_inside_a_character`).
CUT_FILE = "file-cut"


def repair_bytes(data: bytes, path: str, options: RepairOptions = RepairOptions()) -> RepairResult:
    """Repair an essay's raw bytes; :class:`EssayError` for what cannot be repaired."""
    decoded = decode_bytes(data, path)
    try:
        result = repair_text(decoded.text, path, options, decoded.lost_bytes, crlf_converted=decoded.had_crlf, read_whole=decoded.read_back in READ_BACK_WHOLE)
    except FrontMatterError as exc:
        if decoded.read_back and (as_written := decode_or_none(data, "utf-8-sig")) is not None:
            # A whole file read back from another reading: its block as found is the block the file holds, not the
            # reading's (red team 40: a valid block read back as one that no longer parsed, and written so).
            exc.result = replace(exc.result, text=_front_matter_as_found(as_written.replace("\r\n", "\n"), exc.result.text, path))
        _add_decoding(exc.result.report, decoded, data, exc.result.text)
        raise
    _add_decoding(result.report, decoded, data, result.text)
    return result


def _add_decoding(report: RepairReport, decoded, data: bytes, text: str) -> None:
    """What decoding the bytes did, added to the text repair's report."""
    report.encoding = decoded.encoding
    report.encoding_converted = decoded.encoding_converted
    report.bom_removed = decoded.had_bom
    report.line_endings_converted = decoded.had_crlf
    if decoded.mixed:
        conversions = [Fix(line, 1, f"{decoded.encoding}-line") for line in decoded.legacy_lines]
    elif decoded.encoding_converted:
        conversions = [Fix(1, 1, f"whole-file-{decoded.encoding}")]
    else:
        conversions = []
    if decoded.read_back:
        conversions.append(Fix(1, 1, decoded.read_back))  # a whole file's misreading (UTF-16 as UTF-8, Big5 as GBK …), read back first
        # Its marks are the bytes that reading lost, not GBK read as UTF-8 (口字码): no GBK original to look for.
        report.unrecoverable = [replace(f, kind="lost-bytes") if f.kind == "gbk-as-utf8-replaced" else f for f in report.unrecoverable]
    undamaged = all(fix.kind == "lost-bytes" for fix in report.fixes)
    if decoded.encoding == "utf-8" and not decoded.read_back and cut_inside_a_character(data, marked=undamaged):
        # The last character short of bytes, and no line end after it: the file was cut there, its tail is gone.
        last_line = text.rstrip("\n").split("\n")[-1]
        report.unrecoverable.append(Finding(text.rstrip("\n").count("\n") + 1, len(last_line), CUT_FILE))
    # Lines read as UTF-8 with characters short of bytes (each recovered one is a ``lost-bytes`` fix).
    conversions += [Fix(line, 1, "utf-8-lost-bytes-line") for line in sorted({line for line, _, _ in decoded.lost_bytes})]
    report.fixes = conversions + report.fixes
    report.changed = text.encode("utf-8") != data


def _read_in_letters_under(text: str, fixed: str) -> tuple[str, str] | None:
    """Two tools: a legacy note read in a code page's letters (Big5 as Mac Roman), saved as UTF-8, then read as
    Windows-1252 (real set 29). Once the outer reading is undone every byte of the inner one is there: its text and class
    (:func:`~errata.text.legacy_pages.read_in_code_page`), or None. Undone by the mojibake repair (``fixed``); or, where
    that left runs whose UTF-8 reads as no Chinese, by reading whole lines of ``text`` as UTF-8 again, or by ftfy (which
    also reads lines that lost bytes, and may take a pair of the inner letters for one more layer)."""
    if not shows_letters(fixed):
        return None  # what the repair left shows no code page's letters: no inner reading (nearly every text)
    undone = utf8_lines_undone(text)
    # ftfy's pass over the whole text only where the lines undone show a code page's letters: it costs what the repair of
    # a lossless class does.
    candidates = (fixed, undone, ftfy.fix_encoding(text)) if shows_letters(undone) else (fixed, undone)
    readings = [inner for outer_undone in candidates if (inner := read_in_code_page(outer_undone))]
    # The one that reads the most: the repair may have undone a title's runs and left a paragraph's.
    return max(readings, key=lambda inner: chinese_characters(inner[0]), default=None)


def repair_text(
    text: str,
    path: str,
    options: RepairOptions = RepairOptions(),
    lost_bytes: tuple[tuple[int, int, int], ...] = (),
    crlf_converted: bool = False,
    read_whole: bool = False,
) -> RepairResult:
    """Repair an essay already decoded to text; ``lost_bytes``: where the decode found
    characters short of bytes (:attr:`~errata.text.encoding.DecodedText.lost_bytes`);
    ``crlf_converted``: whether the decode made the file's CR LF line ends LF; ``read_whole``: the decode read the
    text back from one code page's reading of another (:data:`~errata.text.encoding.READ_BACK_WHOLE`), so no mojibake
    is left in it to undo, only its marks to report."""
    report = RepairReport(path)
    # Chinese a web form sent as ``&#20013;`` first: what the mojibake repair reads is then the text as written.
    # A converter's substitute characters are marks of lost bytes, as U+FFFD is (ICU's readings of code pages).
    readable, referenced = characters_for_references(substitutes_as_marks(text))
    readable, escaped = characters_for_escapes(readable)  # Python 2's ``unicode_escape``: ``\u4e2d\u6587``
    if read_whole:
        lines = readable.split("\n")
        fixed, mojibake = readable, MojibakeReport(unrecoverable=find_unrecoverable(lines, read_back=frozenset(range(1, len(lines) + 1))))
    else:
        fixed, mojibake = repair_mojibake(readable, config=options.config, lost_bytes=lost_bytes, crlf_converted=crlf_converted)
        if mojibake.fixes and (inner := _read_in_letters_under(readable, fixed)) is not None:
            fixed = inner[0]
            mojibake.fixes.append(Fix(1, 1, inner[1]))
    mojibake.fixes[:0] = sorted([Fix(line, 1, "html-character-references") for line in referenced] + [Fix(line, 1, "unicode-escapes") for line in escaped], key=lambda fix: fix.line)
    report.mojibake_runs = mojibake.runs_fixed
    report.legacy_runs = mojibake.legacy_runs_fixed
    report.ftfy_lines = mojibake.ftfy_lines
    report.characters_recovered = mojibake.characters_recovered
    report.bytes_recovered = mojibake.bytes_recovered
    report.lossy_left = mojibake.lossy_left
    report.low_confidence = [
        LowConfidence(c.slot.line, c.slot.column, c.chosen, c.runner_up, round(c.margin, 2))
        for c in mojibake.low_confidence
    ]
    if options.strict and report.low_confidence:
        first = report.low_confidence[0]
        raise EssayError(
            path,
            first.line,
            f"low-confidence recovery at column {first.column}: chose {first.chosen!r} over {first.runner_up!r} "
            f"(margin {first.margin}); review it, or run without --strict",
        )

    report.fixes = mojibake.fixes
    report.unrecoverable = mojibake.unrecoverable
    as_the_site_reads = _front_matter_as_the_site_reads(fixed, path)
    # TOML written as YAML, or a block moved up to the first line: the same values in another layout (real set 27).
    moved_or_respelt, fixed = as_the_site_reads != fixed, as_the_site_reads
    try:
        essay = split_front_matter(fixed, path)
    except EssayError as exc:
        # Repair first, parse second: what still does not parse is the
        # author's to mend. The body is repaired; the block stays as found.
        report.front_matter_problem = str(exc)
        new_text = _front_matter_as_found(text, fixed, path)
        report.changed = new_text != text
        raise FrontMatterError(exc, RepairResult(new_text, report)) from None
    if lost := _lost_in_front_matter(report.unrecoverable, text):
        # Values whose bytes are gone are no metadata to normalise: the block stays as found (none is made where there
        # was none: a title from the damaged text's heading would be as lost), its damage reported.
        if essay.body_line > 1:
            report.front_matter_problem = f"line {lost.line}: {lost.kind}, not recoverable"
        new_text = _front_matter_as_found(text, fixed, path)
        report.changed = new_text != text
        return RepairResult(new_text, report)
    try:
        metadata, changes = normalise_metadata(
            essay.metadata, essay.body, title_name(PurePath(path).as_posix()), options.timezone, path, essay.key_lines
        )
    except MetadataValueError as exc:
        # A value of the wrong shape (a date that is no date) is the author's to mend, like a
        # block that does not parse: the body is repaired all the same.
        report.front_matter_problem = str(exc)
        new_text = _front_matter_as_found(text, fixed, path)
        report.changed = new_text != text
        raise FrontMatterError(exc, RepairResult(new_text, report)) from None
    before = essay.metadata.get("title") if fixed == text else _title_as_found(text, path, essay)
    report.title_fixed = before is None and "title" in essay.metadata or before is not None and str(before).strip() != metadata["title"]
    report.title_source = changes.title_source
    report.metadata_keys_changed = changes.changed_keys
    block = dump_front_matter(metadata)
    report.front_matter_reformatted = moved_or_respelt or front_matter_reformatted(essay, metadata, block)
    if "#" in essay.block and block != essay.block:
        report.front_matter_comments_dropped = comments_in(essay.block)
    new_text = block + essay.body
    report.changed = new_text != text
    return RepairResult(new_text, report)


def _lost_in_front_matter(unrecoverable: list[Finding], text: str) -> Finding | None:
    """Silent 口字码 a document shows (:data:`~errata.text.unrecoverable.DROPPED`) with no mark of any lost byte in it:
    the reader that dropped the bytes read the whole file, its front matter too, where a short value does not show it
    (``title: û %r  Babel ѡ``) and a value read as nothing would be dropped (a tag). Where U+FFFD marks the loss, the
    letters of many scripts are that reading's, and its front matter is read as any other.

    >>> _lost_in_front_matter([Finding(9, 1, "gbk-as-utf8-dropped")], "ܵԭһûаװ"), _lost_in_front_matter([Finding(9, 1, "gbk-as-utf8-dropped")], "ܵԭ\ufffd")
    (Finding(line=9, column=1, kind='gbk-as-utf8-dropped'), None)
    """
    if "\ufffd" in text:
        return None
    return next((finding for finding in unrecoverable if finding.kind == DROPPED), None)


def _front_matter_as_the_site_reads(text: str, path: str) -> str:
    """TOML (Hugo's ``+++``, VuePress's ``---toml``) as YAML, and a block after blank lines (Hugo reads it there) on line
    1: the site reads a YAML block on the first line only.

    >>> _front_matter_as_the_site_reads('\\n---\\ntitle: P\\n---\\n正文\\n', "a.md")
    '---\\ntitle: P\\n---\\n正文\\n'
    >>> _front_matter_as_the_site_reads('+++\\ntitle = "P"\\n+++\\n正文\\n', "a.md")
    '---\\ntitle: P\\n---\\n正文\\n'
    """
    return front_matter_moved_up(toml_front_matter_as_yaml(text), path)


def _title_as_found(text: str, path: str, repaired: SplitEssay):
    """The title before the repair; None when there was none or the damaged block did not parse.

    Where the repair left the block as it was (the damage was in the body), the repaired block's
    title is the one found, and the block is not parsed again (a third of a short file's repair).

    >>> essay = split_front_matter("---\\ntitle: T\\n---\\n详\\n")
    >>> _title_as_found("---\\ntitle: T\\n---\\nè¯¦\\n", "a.md", essay), _title_as_found("---\\ntitle: è¯¦\\n---\\n", "a.md", essay)
    ('T', 'è¯¦')
    """
    as_found = _front_matter_as_the_site_reads(text, path)
    if repaired.block and as_found.startswith(repaired.block):
        return repaired.metadata.get("title")
    try:
        return split_front_matter(as_found, path).metadata.get("title")
    except EssayError:
        return None


def _front_matter_as_found(text: str, fixed: str, path: str) -> str:
    """The original front-matter block followed by the repaired body.

    The mojibake repair keeps the line structure, so the block's lines in the
    original are the block's lines in the repaired text. A block whose end
    cannot be found (not closed, or too long) has no lines of its own to keep:
    the whole text is the repaired one, reported (a greedy reader that swallowed
    the line end before a block's ``---`` leaves it unclosed, and the whole essay
    was left as damaged for it).

    >>> _front_matter_as_found("---\\na: [\\n---\\nè¯¦\\n", "---\\na: [\\n---\\n详\\n", "a.md")
    '---\\na: [\\n---\\n详\\n'
    >>> _front_matter_as_found("---\\na: è¯¦\\n", "---\\na: 详\\n", "a.md")
    '---\\na: 详\\n'
    """
    try:
        end = front_matter_end(text, path)
    except EssayError:  # not closed, or too long
        end = None
    if end is None:
        return fixed
    block_lines = text[:end].count("\n")
    return text[:end] + "\n".join(fixed.split("\n")[block_lines:])
