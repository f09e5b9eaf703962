"""The rules an essay must meet, each a function that returns problems with file and line.

The build (``hooks/errata_hooks.py``) reports some of them as warnings, so that
``mkdocs build --strict`` fails; ``scripts/check.py`` runs all of them for CI
and pre-commit. One place for each rule: both call these functions.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .entries import ErrorEntry, code_span_text
from .markdown_lines import BRACES, HASH_ID, HTML, PROSE, fence_languages, heading_slug, heading_text, line_roles, mask_code_spans, prose_lines, prose_only
from .metadata import DEFAULT_TIMEZONE, display_name, mkdocs_reads_other_front_matter, normalise_date
from .safety import ALLOWED_TAGS, DANGEROUS_TAGS, DIRECTION_CONTROL_RANGES, DIRECTION_CONTROLS, find_unsafe_html, find_unsafe_text, markdown_links
from .text.bytemap import BYTE_RUN, run_to_bytes, split_pieces


#: Characters no log line or report shows as they are: controls, line separators, lone surrogates.
#: What a name may not show as it is: control characters, line separators, bytes that are not UTF-8 (lone
#: surrogates), and the marks that turn text's direction (``a\u202edm.x.md`` shows as ``ax.md.md``).
UNPRINTABLE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\u2028\\u2029\\u200e\\u200f{DIRECTION_CONTROL_RANGES}]")


def printable_name(name: str) -> str:
    """A file name as a log line or a report may show it: control characters, line separators and bytes
    that are not UTF-8 (which Python reads as lone surrogates) escaped, so that no name starts a line of
    its own (``::error …`` in a CI log) or breaks the writer.

    >>> printable_name("a\\n::error x.md"), printable_name("a\\udcffb.md"), printable_name("18.abc\\u202edm.x.md")
    ('a\\\\x0a::error x.md', 'a\\\\xffb.md', '18.abc\\\\u202edm.x.md')
    """
    return UNPRINTABLE.sub(_escaped, name)


class PrintableLog(logging.Filter):
    r"""A log handler's filter that shows the escapes of a record's message instead of passing them to the terminal,
    line by line (MkDocs's own messages may run over lines). MkDocs quotes an essay in its warnings (a link's
    anchor: ``contains a link '#a␛]52;c;…␇'``), and the terminal of whoever builds a pull request obeyed an
    OSC 52 there, which writes its clipboard (round 28).

    >>> record = logging.LogRecord("mkdocs", logging.WARNING, "", 0, "link %s\nnext", ("#a\x1b]52;c;eA==\x07",), None)
    >>> PrintableLog().filter(record)
    True
    >>> print(record.getMessage())
    link #a\x1b]52;c;eA==\x07
    next
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        shown = "\n".join(printable_name(line) for line in message.split("\n"))
        if shown != message:
            record.msg, record.args = shown, None
        return True


def show_log_escapes(logger: logging.Logger) -> None:
    """Every handler of ``logger`` (MkDocs's stream of messages) shows the escapes of what it prints, once each."""
    for handler in logger.handlers:
        if not any(isinstance(f, PrintableLog) for f in handler.filters):
            handler.addFilter(PrintableLog())


def _escaped(match: re.Match) -> str:
    """A character as Python writes it escaped; a lone surrogate as the byte it stands for."""
    code = ord(match.group())
    return f"\\x{code & 0xFF:02x}" if code < 0x100 or 0xD800 <= code <= 0xDFFF else f"\\u{code:04x}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, where it is, and which rule says so."""

    path: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        # The message quotes the essay (a link's anchor, a value): its escapes shown, not obeyed by the terminal (round 28).
        return f"{printable_name(self.path)}:{self.line}: {printable_name(self.message)} [{self.rule}]"

    def github_annotation(self) -> str:
        """The line GitHub Actions turns into an annotation on the pull request.

        A file name is a property: its ``,`` and ``:`` are escaped too, so a hostile name
        cannot add properties or end the command early.

        >>> Problem("a,line=9::x.md", 1, "path", "bad").github_annotation()
        '::error file=a%2Cline=9%3A%3Ax.md,line=1,title=path::bad'
        """
        message = printable_name(self.message).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = printable_name(self.path).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")
        return f"::error file={path},line={self.line},title={self.rule}::{message}"


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

    >>> print(quote("a\tb"), quote("中文"), quote("a\x1b[31mb"))
    'a b' '中文' 'a\\x1b[31mb'
    """
    return "'" + printable_name(" ".join(str(text).split())) + "'"


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

    A converter's substitute character (SUB) on a line beyond ASCII is read as the repair reads it, a mark of lost
    bytes (:func:`~errata.text.encoding.substitutes_as_marks`), one character for one:

    >>> [str(p) for p in check_mojibake("中文\\x1a句子\\n", "x.md")]
    ['x.md:1: SUB substitute character (U+001A): the original bytes are lost; write the character that belongs here [mojibake]']

    Damage only in code, where the prose around it is clean, is quoted on purpose: an entry about 乱码 shows what
    the program printed (the clean-text sweep of real set 33's round: three notes on encodings were refused).

    >>> check_mojibake("程序输出乱码：\\n\\n```text\\n\\ufffd\\ufffd\\ufffd\\ufffdҪ\\n```\\n\\n`ä¸­æ–‡` 是 中文。\\n", "x.md")
    []
    """
    from .text.encoding import SUBSTITUTE, substitutes_as_marks

    marked = substitutes_as_marks(text)
    damaged = _damaged_lines(marked)
    if not damaged or not _damaged_lines(prose_only(marked)):
        return []
    problems = []
    for n, (line, as_marked) in enumerate(zip(text.split("\n"), marked.split("\n")), start=1):
        if "\ufffd" in as_marked:
            what = "U+FFFD replacement character (\ufffd)" if "\ufffd" in line else f"SUB substitute character (U+{ord(SUBSTITUTE):04X})"
            problems.append(Problem(path, n + first_line - 1, "mojibake", f"{what}: the original bytes are lost; write the character that belongs here"))
        elif n in damaged:
            problems.append(Problem(path, n + first_line - 1, "mojibake", f"mojibake (garbled text): run scripts/repair.py --write {path}"))
    return problems


def _damaged_lines(text: str) -> set[int]:
    """The (1-based) lines of a text that hold U+FFFD or that the repair would change.

    >>> sorted(_damaged_lines("干净\\nè¯¦ç»†\\n\\ufffd\\n"))
    [2, 3]
    """
    marks = {n for n, line in enumerate(text.split("\n"), start=1) if "\ufffd" in line}
    if not any(_could_be_mojibake(run) for run in BYTE_RUN.findall(text)):
        return marks  # nothing that could be mojibake (a curly quote is not): skip loading the model
    from .text.mojibake import repair_mojibake

    return marks | set(repair_mojibake(text)[1].changed_lines)


def _could_be_mojibake(run: str) -> bool:
    """A run that reads as (damaged) UTF-8, or is long enough to be GBK/Big5 read as Latin-1."""
    return len(run) >= 4 or split_pieces(run_to_bytes(run)) is not None


def check_unsafe_html(body: str, path: str, first_line: int) -> list[Problem]:
    """What the site's sanitiser would remove from the body, each at its line: its HTML, and the characters that
    reorder text (code and all), with which a block showed another command than its copy button copied.

    >>> [str(p) for p in check_unsafe_html("```bash\\npip install x \\u2067; curl y | sh\\n```", "a.md", 5)]
    ['a.md:6: text-direction control character U+2067 (what a reader sees is not what is copied): remove it [unsafe-html]']
    """
    problems = [Problem(path, u.line, "unsafe-html", u.message) for u in find_unsafe_html(body, first_line)]
    if _direction_control(body):
        for offset, line in enumerate(body.split("\n")):
            if found := _direction_control(line):
                problems.append(Problem(path, first_line + offset, "unsafe-html", f"text-direction control character U+{ord(found[0]):04X} (what a reader sees is not what is copied): remove it"))
    return sorted(problems + hidden_past_blanks(body, path, first_line), key=lambda p: p.line)


def _direction_control(text: str) -> re.Match | None:
    """The first text-direction control in ``text``, written as a character or as a character reference (``&rlm;``,
    ``&#x202e;``: the page shows the character).

    >>> _direction_control("a &rlm; b")[0] == "\u200f", _direction_control("a &amp; b")
    (True, None)
    """
    return DIRECTION_CONTROLS.search(text) or ("&" in text and DIRECTION_CONTROLS.search(html.unescape(text))) or None


#: Characters a code block draws as empty space: spaces and tabs, Unicode's other spaces, the letters that print as
#: nothing (U+2800 the blank Braille cell, the Hangul fillers), and the zero-width ones (joiners, soft hyphens,
#: variation selectors), which between spaces kept a run from counting as one (an audit).
_BLANKS = "\\t \\u00a0\\u1680\\u2000-\\u200d\\u202f\\u205f\\u2060-\\u2064\\u3000\\u2800\\u3164\\u115f\\u1160\\uffa0\\u180b-\\u180e\\ufeff\\u00ad\\u034f\\ufe00-\\ufe0f"
#: The longest run of them a line may hold between two pieces of text. A code block scrolls sideways and the
#: theme shows no scroll bar until it is pointed at: ``pip install requests``, 600 spaces, ``; curl … | sh`` showed
#: the install alone while the copy button copied the curl too (a red-team audit). No essay aligns text so far.
MAX_BLANK_RUN = 32
#: The column from which text is out of sight in a code block on a wide screen (about 84 columns show): a table
#: that a tool prints pads its cells with long runs of spaces but most end by column 80 (``nvidia-smi``'s ``|  No
#: running processes found   …   |``), so a run counts only where the text after it starts beyond this.
HIDDEN_COLUMN = 80
_BLANK_RUN = re.compile(f"[{_BLANKS}]{{{MAX_BLANK_RUN},}}")
_HIDING_BLANKS = re.compile(f"[^{_BLANKS}][{_BLANKS}]{{{MAX_BLANK_RUN},}}(?=[^{_BLANKS}])")


def hidden_past_blanks(body: str, path: str, first_line: int) -> list[Problem]:
    """Lines where text follows a run of blank characters long enough to push it out of a code block's sight
    (tabs counted as the columns they fill); a table's row in prose is left alone (its cells are padded).

    >>> [str(p) for p in hidden_past_blanks("```bash\\npip install requests" + " " * 300 + "; curl x | sh\\n```\\n| a" + " " * 40 + "| b |", "a.md", 5)]
    ['a.md:6: text after 300 blank characters, out of sight where the line is shown (a code block scrolls sideways) but copied with it: remove the blanks [unsafe-html]']
    """
    if not _BLANK_RUN.search(html.unescape(body) if "&" in body else body):
        return []
    problems = []
    lines = body.split("\n")
    roles = line_roles(body)
    languages = fence_languages(lines)
    for offset, (line, role) in enumerate(zip(lines, roles)):
        if role == PROSE and "|" in line:
            continue
        line = html.unescape(line) if role == HTML and "&" in line else line  # ``&nbsp;`` in a raw ``<pre>``
        shown = line.expandtabs(8) if "\t" in line else line
        found = next((run for run in _HIDING_BLANKS.finditer(shown) if run.end() >= HIDDEN_COLUMN), None)
        # A tool's output padded into columns (``yum list``'s, a hundred blanks wide) is no command: in a block of
        # output, only a tail that would change what a pasted line runs counts (``; curl …``, ``--index-url …``).
        if found and (languages[offset] in _COMMAND_LANGUAGES or _RUNS_SOMETHING.search(shown, found.end() - 1)):
            message = f"text after {len(found[0]) - 1} blank characters, out of sight where the line is shown (a code block scrolls sideways) but copied with it: remove the blanks"
            problems.append(Problem(path, first_line + offset, "unsafe-html", message))
    return problems


#: The languages a code block is copied to a shell or a console in ("" for a block that names none).
_COMMAND_LANGUAGES = frozenset({"", "bash", "sh", "shell", "zsh", "fish", "console", "shellsession", "powershell", "ps1", "pwsh", "cmd", "bat", "batch"})
#: What in a line's hidden tail changes what it runs when pasted: another command, a pipe, a substitution, an option.
_RUNS_SOMETHING = re.compile(r"[;|&`]|\$\(|(?:^|[ \t])--?[A-Za-z]")


#: Deeper than this, Python-Markdown's time grows with the cube of the depth (1,200 levels:
#: 54 s, then a RecursionError); no essay nests lists or quotes half as deep.
MAX_NESTING = 32
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")


def nesting_depth(line: str) -> int:
    """How many lists and quotes a line opens or sits in: its markers, plus a level for each 4 columns of indentation.

    >>> nesting_depth("- `KeyError`"), nesting_depth("    - 解决方案："), nesting_depth("> > - 1. x")
    (1, 2, 4)
    """
    depth, column, at = 0, 0, 0
    while at < len(line):
        char = line[at]
        if char in " \t":
            if not depth:  # indentation before the first marker; spaces after a marker belong to it
                column += 1 if char == " " else 4 - column % 4
        elif char == ">":
            depth += 1
        else:
            marker = _LIST_ITEM.match(line, at)
            if not marker:
                break
            depth += 1
            at = marker.end()
            continue
        at += 1
    return depth + column // 4


#: Python-Markdown looks for the end of a link from every ``[`` (and of its target from every
#: ``(``) left open in a paragraph: 4,000 open brackets take 3.4 s, 50,000 nine minutes.
MAX_OPEN_BRACKETS = 200
#: Its HTML parser rescans an unfinished tag from each ``<``: 30,000 ``<a b="`` take 79 s.
MAX_TAGS_PER_PARAGRAPH = 1000
#: HTML blocks whose content is Markdown (``<div markdown>``), one inside another: the md_in_html
#: extension reads each level by recursion, and some 400 levels end the build in a RecursionError.
#: A tag is found first and its attributes read after: one pattern for both looked for the tag's end
#: from every ``markdown`` in it, and 40,000 of them in a tag left open took 50 s (a red-team audit).
_OPENING_TAG = re.compile(r"<[A-Za-z][\w-]*(?=[\s/>])[^<>]*>")
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown(?:\s*=\s*[\"']?\w*[\"']?)?(?=[\s/>])")
_HTML_CLOSE = re.compile(r"</[A-Za-z][\w-]*\s*>")
#: Its inline patterns rebuild a block's text after each match, so a block's time grows with the
#: square of its inline markup: 80,000 ``\`a`` in one paragraph take 9.6 s (20,000: 0.37 s), 40,000
#: links 6 s, 40,000 hard line breaks 2.6 s. The essays we know write at most 16 in a paragraph.
MAX_INLINE_MARKS = 2000
#: What starts inline markup: code, emphasis, escapes, links and images, entities, strikethrough.
_INLINE_MARKS = re.compile(r"[`*_\\\[&~]|  $")
#: Where Python-Markdown starts a new inline block without a blank line: a list item, a table row.
_OWN_INLINE_BLOCK = re.compile(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|\|)")
#: Definitions whose cost grows faster than their number, even each in a paragraph of its own:
#: 16,000 footnotes (or abbreviations used in the text) take several seconds, 8,000 footnotes 3.2 s,
#: 2,000 0.37 s. (Written one under another, without blank lines, they are also inline marks of one
#: paragraph: 10,000 abbreviations so took more than ten minutes.) An essay has a handful of either.
MAX_DEFINITIONS = {"abbreviation": 100, "footnote": 500}
#: Lines of one block (no blank line between them) that Python-Markdown takes off it one at a time: a
#: heading, a rule or a setext underline, a definition, a tab's or an admonition's title, in a quote too.
#: Each time, every block processor reads the rest of the block again, so the time grows with the square
#: of their number: 20,000 headings in a row took 73 s to build (a red-team audit). Lists, tables, quotes
#: and paragraphs are read in one go, and are not counted.
MAX_BLOCK_LINES = 1000
#: Where a block's line starts: after any quote markers, up to three spaces in.
_LINE_START = r"(?:[ \t]*>)*[ \t]{0,3}"
#: An ATX heading's marker, and a setext heading's underline.
_ATX = r"#{1,6}(?:[ \t]|$)"
_UNDERLINE = r"(?:=+|-+)[ \t]*$"
_TAKEN_OFF_ONE_BY_ONE = re.compile(_LINE_START + "(?:" + _ATX + r"|[-=*_](?:[ \t]*[-=*_]){2,}[ \t]*$|" + _UNDERLINE + r"|:[ \t]|={3}\+?[ \t]|[!?]{3}\+?[ \t])")
#: Definitions (``: …``) in one block: the def_list extension reads each with a call inside the last,
#: and some 500 in a row end the build in a RecursionError.
MAX_DEFINITIONS_PER_BLOCK = 100
_DEFINITION_LINE = re.compile(r"[ \t]{0,3}:[ \t]")
#: Characters of a heading: the table of contents makes an id of each with pymdownx's slug function, which
#: is quadratic on some text (``>`` and 100,000 ``<``: 5.5 s). No heading is a tenth as long.
MAX_HEADING_CHARS = 1000
_ATX_HEADING = re.compile(_LINE_START + _ATX)
_SETEXT_UNDERLINE = re.compile(_LINE_START + _UNDERLINE)
#: Headings in one essay: Material's search plugin looks each section's heading up in the whole table of
#: contents, so its time grows with their square (20,000 headings, each in a block of its own: 43 s, a
#: red-team audit). An essay of errors has dozens.
MAX_HEADINGS = 1000
#: Headings written as HTML (``<h2 id="a">``, or any ``<h2>`` in a ``<div markdown>``, which the table of contents then
#: holds) count too: 32,000 of them in a Markdown block took 67 s to build, as many as Markdown headings.
_HTML_HEADING = re.compile(r"<h[1-6](?=[\s/>])[^<>]*>", re.IGNORECASE)
#: What Material's search indexer holds between two headings (a section): it looks each closing ``</p>``, ``</li>``,
#: ``</code>`` … up from the section's start, so its time grows with the square of a section's size: a fence of 27,000
#: Python lines then 20,000 paragraphs (220 KB) took 42 s to build, 200 lines of inline tags then 20,000 code spans
#: 16 s (a red-team audit). Counted: each prose line, tag and inline mark; each word, space run and sign of code.
#: The longest section of 449 essays we know (blogs, notes, the samples) holds 2,423 (a code listing); a log of a
#: thousand lines fits.
MAX_SECTION_ITEMS = 20_000
_CODE_ITEMS = re.compile(r"\w+|\s+|[^\w\s]")
#: A tags listing (Material's tags plugin, in every page's Markdown, code too): the plugin reads what follows the
#: directive up to ``-->`` as YAML (nested or bad YAML ended the build in a traceback) with a pattern that takes
#: time growing with the square of the blanks after it when no ``-->`` follows (200,000 spaces: minutes).
_TAGS_LISTING = re.compile(r"<!--\s*material/tags", re.IGNORECASE)
_TAGS_LISTING_END = re.compile(r"\s*-->")
#: Blank lines outside code, each ending a block: Python-Markdown takes every block off the front of the list of those
#: left and puts it back (abbr, footnotes, references), so its time grows with the square of their number: 133,000
#: one-line paragraphs (400 KB) took 20 s to build, 800,000 blank lines 14 s (a red-team audit). Essays hold hundreds.
MAX_BLANK_LINES = 20_000
#: Lines of code in one essay: the highlighter wraps each in a line span and a numbered anchor (110 to 150 bytes),
#: so a fence of 400 KB of short lines made a page of 30 MB (a red-team audit). The essays we know hold at most a few
#: hundred; a log of thousands of lines fits.
MAX_CODE_LINES = 20_000
#: Code blocks in one essay: pymdownx.superfences puts the page back together once per block, so 15,000
#: empty fences took 3 s to build, 60,000 took 85 s (a red-team audit); an essay of notes holds dozens.
MAX_CODE_BLOCKS = 2000
#: A list item that is one code span: an entry, which the card of it makes a heading.
_LIST_ENTRY = re.compile(r"[-*+][ \t]+`")
#: ``{`` in a table row or a definition's term: attr_list looks for an attribute list at the end of each cell
#: and term from every `` {`` (as in a heading), and 40,000 of them in a cell took 36 s to build.
MAX_BRACES_PER_CELL_LINE = 200
#: Tags left open at a line's end (``<a`` and no ``>``), in a whole essay: Python-Markdown's HTML reader
#: looks on for each one's end, and 25,000 of them took two minutes to build.
MAX_OPEN_TAG_LINES = 200
_TAG_OPEN_AT_END = re.compile(r"<[A-Za-z][^<>]*\Z")
#: HTML elements an essay leaves open at once, counted across its paragraphs: html5ever (the sanitiser's parser)
#: checks what is in scope at each block tag, and the theme's search indexer compares each tag with every
#: element around it, so both take time growing with the square of the depth. 12,000 ``<div>`` in paragraphs
#: of 900 took 42 s to build, 40,000 took 108 s, nearly all in the search indexer (a red-team audit). The
#: deepest essay we know leaves a handful open.
MAX_OPEN_ELEMENTS = 256
#: Elements that do not nest: void ones, and those a sibling closes (``<p>``, ``<li>`` …).
_NEVER_NEST = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "option", "optgroup",
    "rt", "rp", "html", "head", "body",
})  # fmt: skip
#: The element names counted for depth: those the sanitiser's parser knows as HTML (a made-up one such as
#: ``List<String>``'s is cheap to nest, and gone after the sanitiser).
_NESTING_ELEMENTS = (ALLOWED_TAGS | DANGEROUS_TAGS | {"font", "big", "nobr", "fieldset", "legend", "address", "dialog", "menu", "search"}) - _NEVER_NEST
#: Elements whose start tag closes one of their kind still open.
_CLOSES_ITS_KIND = frozenset({"a", "nobr"})
#: A tag's start, as html5ever reads one (its name ends at a space, a ``/`` or a ``>``, or at the line's end: the tag goes on).
_TAG_START = re.compile(r"<(/?)([A-Za-z][\w-]*)(?=[\s/>]|$)")
#: What follows a tag's name up to its ``>`` (or the line's end), as html5ever reads it: attributes whose values may
#: hold ``<`` and ``>`` in quotes (``<div title="<">`` is a div: 40,000 in raw HTML passed the count and took 118 s to
#: build, a red-team audit); a quote that opens no value (``<div a"b>``) is part of a name. Possessive: linear.
_TAG_REST = re.compile(r"""(?:[\s/]++|[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"?|'[^']*+'?|[^\s>]*+))?+)*+""")
#: Options a code fence may hold (``title="…" hl_lines="2 3" linenums="1"``: a handful in use).
MAX_FENCE_OPTIONS = 12
#: A line that opens (or closes) a code fence, in a list or a quote too, and what follows its marker.
_FENCE_OPENING = re.compile(r"[ \t>]*(?:`{3,}|~{3,})(.*)")
#: What Python-Markdown takes off a line before it reads the block inside: a quote's ``>``, a list
#: item's marker, a list item's (or admonition's) four columns of indentation. Definitions there count
#: (10,000 ``- *[A1]: x`` were not refused). Possessive, so a line is read once whatever it holds.
_CONTAINERS = re.compile(r"(?:[ ]{0,3}>[ ]?|[ ]{0,3}(?:[-*+]|\d+\.)[ ]+|[ ]{4})*+")
#: The abbr and footnotes extensions' own patterns (AbbrBlockprocessor.RE, FootnoteBlockProcessor.RE)
#: on one line: an abbreviation at the line's start, no ``[`` between ``*`` and its name (a list item
#: ``* 见 [文档]: 这里`` is not one); a footnote after at most three spaces.
_ABBREVIATION = re.compile(r"\*\[(?P<name>[^\\\n]*?)\][ ]?:[ ]*(?P<title>.*)")
_FOOTNOTE = re.compile(r"[ ]{0,3}\[\^[^\]\n]*\]:")


def definition_kind(line: str, next_line: str = "") -> str | None:
    """Whether Python-Markdown reads ``line`` as an abbreviation or a footnote definition, or neither.

    An abbreviation needs a name and a title, which may be the next line (the extension's pattern
    reads on across one line break).

    >>> definition_kind("*[HTML]: Hyper Text"), definition_kind("> - [^1]: x"), definition_kind("* 见 [文档]: 这里")
    ('abbreviation', 'footnote', None)
    >>> definition_kind("*[HTML]:"), definition_kind("*[HTML]:", "Hyper Text")
    (None, 'abbreviation')
    """
    inside = line.expandtabs(4)  # Markdown expands tabs before it reads blocks
    inside = inside[_CONTAINERS.match(inside).end():]
    abbreviation = _ABBREVIATION.match(inside)
    if abbreviation:
        title = abbreviation["title"].strip() or next_line.strip()
        return "abbreviation" if abbreviation["name"].strip() and title else None
    return "footnote" if _FOOTNOTE.match(inside) else None


def check_nesting(body: str, path: str, first_line: int = 1) -> list[Problem]:
    """Structure the Markdown parser takes super-linear time on, refused before it sees it (first such line):
    lists or quotes nested absurdly deep, paragraphs with hundreds of brackets left open, a thousand tags
    or thousands of inline marks; hundreds of abbreviations or footnotes.

    >>> [str(p) for p in check_nesting("ok\\n" + "> " * 40 + "x", "a.md")]
    ['a.md:2: lists or quotes nested 40 deep (at most 32) [nesting]']
    >>> [str(p) for p in check_nesting("a\\n\\n" + "[" * 300, "a.md")]
    ["a.md:3: 300 '[' left open in one paragraph (at most 200) [nesting]"]
    >>> [str(p) for p in check_nesting("`a` " * 1001, "a.md")], check_nesting("- `a`\\n" * 1001, "a.md")
    (['a.md:1: 2002 inline marks (` * _ \\\\ [ & ~, hard line breaks) in one paragraph (at most 2000); put such text in a code block [nesting]'], [])
    >>> [str(p) for p in check_nesting("*[A]: x\\n" * 101, "a.md")], check_nesting("[^1]: x\\n" * 500, "a.md")
    (['a.md:101: more than 100 abbreviation definitions in one essay [nesting]'], [])
    >>> [str(p) for p in check_nesting("ok\\n``` " + 'x="a" ' * 40 + "!\\ncode\\n```", "a.md")], check_nesting('```py title="a.py" hl_lines="2"\\nx\\n```', "a.md")
    (['a.md:2: a code fence with 40 options (at most 12) [nesting]'], [])
    >>> [str(p) for p in check_nesting("<div markdown>\\n" * 40 + "x\\n" + "</div>\\n" * 40, "a.md")]
    ['a.md:33: HTML blocks of Markdown nested 33 deep (at most 32) [nesting]']
    >>> [str(p) for p in check_nesting("## a\\n\\n" * 1001, "a.md")], [str(p) for p in check_nesting("| a |" + " {a" * 201 + " |", "a.md")]
    (['a.md:2001: more than 1000 headings in one essay; split it into several [nesting]'], ["a.md:1: 201 '{' in a table row or a definition's term (at most 200); put such text in a code block [nesting]"])
    >>> [str(p) for p in check_nesting("- `KeyError: 'a'`\\n\\n" * 1001, "a.md")], [str(p) for p in check_nesting("```\\n```\\n" * 2001, "a.md")]
    (['a.md:2001: more than 1000 headings in one essay; split it into several [nesting]'], ['a.md:4001: more than 2000 code blocks in one essay; split it into several [nesting]'])
    """
    open_brackets = {"[": 0, "(": 0}
    still_open: Counter[str] = Counter()
    open_elements = 0
    tags = marks = markdown_html = block_lines = definition_lines = open_tag_lines = headings = 0
    definitions = {kind: 0 for kind in MAX_DEFINITIONS}
    lines = body.split("\n")
    for listing in _TAGS_LISTING.finditer(body):
        if not _TAGS_LISTING_END.match(body, listing.end()):
            line = first_line + body.count("\n", 0, listing.start())
            return [Problem(path, line, "nesting", "a tags listing with options: write it '<!-- material/tags -->' (the tags page lists every tag)")]
    fences = 0
    for offset, line in enumerate(lines):
        options = fence[1].count("=") if (fence := _FENCE_OPENING.match(line)) else 0
        if options > MAX_FENCE_OPTIONS:
            # pymdownx.superfences reads a fence's options with a regular expression that backtracks
            # exponentially when the line does not end as it expects: 20 options took 0.3 s, 40 would take hours.
            return [Problem(path, first_line + offset, "nesting", f"a code fence with {options} options (at most {MAX_FENCE_OPTIONS})")]
        fences += fence is not None
        if fences > 2 * MAX_CODE_BLOCKS:  # each block opens and closes
            return [Problem(path, first_line + offset, "nesting", f"more than {MAX_CODE_BLOCKS} code blocks in one essay; split it into several")]
    section_items, code_from, blank_lines, code_lines = 0, 0, 0, 0
    for offset, line in prose_lines(body):
        section_items += sum(len(_CODE_ITEMS.findall(code)) for code in lines[code_from:offset])  # fenced lines before this one
        code_lines += offset - code_from
        if code_lines > MAX_CODE_LINES:
            return [Problem(path, first_line + offset - 1, "nesting", f"more than {MAX_CODE_LINES} lines of code in one essay; split it into several, or link the whole log")]
        code_from = offset + 1
        if section_items > MAX_SECTION_ITEMS:
            return [Problem(path, first_line + offset - 1, "nesting", f"more than {MAX_SECTION_ITEMS} lines, tags, inline marks and words of code under one heading; split it with headings")]
        kind = definition_kind(line, lines[offset + 1] if offset + 1 < len(lines) else "")
        if kind:
            definitions[kind] += 1
            if definitions[kind] > MAX_DEFINITIONS[kind]:
                return [Problem(path, first_line + offset, "nesting", f"more than {MAX_DEFINITIONS[kind]} {kind} definitions in one essay")]
        if not line.strip():
            open_brackets, tags, marks, block_lines, definition_lines = {"[": 0, "(": 0}, 0, 0, 0, 0
            blank_lines += 1
            if blank_lines > MAX_BLANK_LINES:
                return [Problem(path, first_line + offset, "nesting", f"more than {MAX_BLANK_LINES} blank lines (paragraphs) in one essay; split it into several")]
            continue
        heading = bool(_ATX_HEADING.match(line) or offset + 1 < len(lines) and _SETEXT_UNDERLINE.match(lines[offset + 1]))
        # An entry's list item is a heading once it is a card; not one of a plain list of code (no entry).
        heading = heading or bool(_LIST_ENTRY.match(line) and not (offset and _LIST_ENTRY.match(lines[offset - 1])) and code_span_text(line[1:].lstrip(" \t")) is not None)
        if heading and len(line) > MAX_HEADING_CHARS:
            return [Problem(path, first_line + offset, "nesting", f"a heading of {len(line)} characters (at most {MAX_HEADING_CHARS})")]
        # Tags in code spans are text: masked once, for the headings and the elements left open below.
        markup = mask_code_spans(line) if "<" in line else ""
        html_headings = _HTML_HEADING.findall(markup)
        headings += heading + len(html_headings)
        # Material's search indexer starts a section at a heading with an id (Markdown gives each one; HTML names it).
        section_items = 0 if heading or any(_HTML_ID.search(tag) for tag in html_headings) else section_items
        line_marks = len(_INLINE_MARKS.findall(line))
        section_items += 1 + line.count("<") + line_marks
        if section_items > MAX_SECTION_ITEMS:
            return [Problem(path, first_line + offset, "nesting", f"more than {MAX_SECTION_ITEMS} lines, tags, inline marks and words of code under one heading; split it with headings")]
        if headings > MAX_HEADINGS:
            return [Problem(path, first_line + offset, "nesting", f"more than {MAX_HEADINGS} headings in one essay; split it into several")]
        if line.count("{") > MAX_BRACES_PER_CELL_LINE and ("|" in line or offset + 1 < len(lines) and _DEFINITION_LINE.match(lines[offset + 1])):
            return [Problem(path, first_line + offset, "nesting", f"{line.count('{')} '{{' in a table row or a definition's term (at most {MAX_BRACES_PER_CELL_LINE}); put such text in a code block")]
        block_lines += bool(_TAKEN_OFF_ONE_BY_ONE.match(line))
        if block_lines > MAX_BLOCK_LINES:
            return [Problem(path, first_line + offset, "nesting", f"more than {MAX_BLOCK_LINES} headings, rules, definitions or titles in one block; put blank lines between them")]
        definition_lines += bool(_DEFINITION_LINE.match(line))
        if definition_lines > MAX_DEFINITIONS_PER_BLOCK:
            return [Problem(path, first_line + offset, "nesting", f"more than {MAX_DEFINITIONS_PER_BLOCK} definitions (': …') in one block; put blank lines between them")]
        open_tag_lines += bool(_TAG_OPEN_AT_END.search(line))
        if open_tag_lines > MAX_OPEN_TAG_LINES:
            return [Problem(path, first_line + offset, "nesting", f"more than {MAX_OPEN_TAG_LINES} lines end inside a tag ('<a' and no '>'); put markup examples in a code block")]
        if "<" in line:
            # Every closing tag counts as one (a closed <b> too): the depth is never overstated.
            markdown_html = max(0, markdown_html + markdown_html_opened(line) - len(_HTML_CLOSE.findall(line)))
            if markdown_html > MAX_NESTING:
                return [Problem(path, first_line + offset, "nesting", f"HTML blocks of Markdown nested {markdown_html} deep (at most {MAX_NESTING})")]
            open_elements += count_open_elements(markup, still_open)
            if open_elements > MAX_OPEN_ELEMENTS:
                return [Problem(path, first_line + offset, "nesting", f"{open_elements} HTML elements left open at once (at most {MAX_OPEN_ELEMENTS}): close them, or put markup examples in a code block")]
        tags += line.count("<")
        if tags > MAX_TAGS_PER_PARAGRAPH:
            return [Problem(path, first_line + offset, "nesting", f"{tags} '<' in one paragraph (at most {MAX_TAGS_PER_PARAGRAPH}); put markup examples in a code block")]
        marks = (0 if _OWN_INLINE_BLOCK.match(line) else marks) + line_marks
        if marks > MAX_INLINE_MARKS:
            return [Problem(path, first_line + offset, "nesting", f"{marks} inline marks (` * _ \\ [ & ~, hard line breaks) in one paragraph (at most {MAX_INLINE_MARKS}); put such text in a code block")]
        if len(line) > MAX_NESTING and line[:MAX_NESTING].strip(" \t>-*+0123456789.)") == "":
            depth = nesting_depth(line)
            if depth > MAX_NESTING:
                return [Problem(path, first_line + offset, "nesting", f"lists or quotes nested {depth} deep (at most {MAX_NESTING})")]
        if "[" in line or "(" in line:
            for opening, closing in (("[", "]"), ("(", ")")):
                open_brackets[opening] = _still_open(line, opening, closing, open_brackets[opening])
                if open_brackets[opening] > MAX_OPEN_BRACKETS:
                    return [Problem(path, first_line + offset, "nesting", f"{open_brackets[opening]} {quote(opening)} left open in one paragraph (at most {MAX_OPEN_BRACKETS})")]
    section_items += sum(len(_CODE_ITEMS.findall(code)) for code in lines[code_from:])
    if code_lines + len(lines) - code_from > MAX_CODE_LINES:
        return [Problem(path, first_line + len(lines) - 1, "nesting", f"more than {MAX_CODE_LINES} lines of code in one essay; split it into several, or link the whole log")]
    if section_items > MAX_SECTION_ITEMS:
        return [Problem(path, first_line + len(lines) - 1, "nesting", f"more than {MAX_SECTION_ITEMS} lines, tags, inline marks and words of code under one heading; split it with headings")]
    return []


def count_open_elements(line: str, still_open: Counter[str]) -> int:
    """Count the HTML elements ``line`` opens into ``still_open`` and take away those it closes, by name; return
    how much the number left open changed. Elements that do not nest (``<br>``, ``<p>``, ``<li>``, an ``<a>``
    while one is open) and names HTML does not know are not counted.

    >>> still_open = Counter()
    >>> count_open_elements("<div><b>x</b><p>y<br><div class=a></div><String>", still_open), +still_open
    (1, Counter({'div': 1}))
    >>> count_open_elements("</div></div><font color=red><a name=x><a name=y>", still_open), +still_open
    (1, Counter({'font': 1, 'a': 1}))

    A quoted value may hold ``<`` and ``>``; a tag's text opens nothing, however it looks:

    >>> count_open_elements("<div title='<'><div title='a>b'><span a'b><b title='<i><i>'>", Counter())
    4
    """
    change, at = 0, 0
    while tag := _TAG_START.search(line, at):
        at = _TAG_REST.match(line, tag.end()).end() + 1  # past its ``>``: what the tag holds opens nothing
        name = tag[2].lower()
        if name not in _NESTING_ELEMENTS:
            continue
        if tag[1]:  # a closing tag closes one such element, if one is open
            if still_open[name]:
                still_open[name] -= 1
                change -= 1
        elif not (name in _CLOSES_ITS_KIND and still_open[name]):  # a new <a> closes the one open (the parser's rule)
            still_open[name] += 1
            change += 1
    return change


def markdown_html_opened(line: str) -> int:
    """How many HTML blocks of Markdown (``<div markdown>``) a line opens.

    >>> markdown_html_opened('<div markdown="1"><p class="markdown">x</p><details markdown>'), markdown_html_opened("<a markdown")
    (2, 0)
    """
    return sum(1 for tag in _OPENING_TAG.finditer(line) if _MARKDOWN_ATTRIBUTE.search(tag.group()))


def _still_open(line: str, opening: str, closing: str, depth: int) -> int:
    """How many ``opening`` brackets are unclosed after ``line``, ``depth`` being open before it."""
    if closing not in line:
        return depth + line.count(opening)
    for char in line:
        if char == opening:
            depth += 1
        elif char == closing and depth:
            depth -= 1
    return depth


def check_entry_messages(entries: list[ErrorEntry], path: str) -> list[Problem]:
    """Markup in an entry's message: the site shows it as code, but no error prints a script.

    >>> [str(p) for p in check_entry_messages([ErrorEntry("x `` <img src=x onerror=alert(1)>", line=7)], "a.md")]
    ['a.md:7: unsafe HTML in the entry message: event-handler attribute onerror (shown as code; write the error as printed) [unsafe-html]']
    """
    problems = [
        Problem(path, entry.line, "unsafe-html", f"unsafe HTML in the entry message: {what} (shown as code; write the error as printed)")
        for entry in entries
        for what in find_unsafe_text(entry.message)
    ]
    for entry in entries:
        # scripts/lookup.py and new_entry.py print a message to the reader's terminal: an escape in one set the
        # terminal's title, erased the line and wrote the clipboard (OSC 52) there (an audit).
        if found := _TERMINAL_CONTROL.search(entry.message):
            problems.append(Problem(path, entry.line, "unsafe-html", f"control character U+{ord(found[0]):04X} in the entry message (a terminal that prints it obeys it): write the error as printed, without its colours"))
    return sorted(problems, key=lambda p: p.line)


#: Characters a terminal reads as commands, not text: C0 controls (the escape among them), DEL and C1.
_TERMINAL_CONTROL = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]")


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


def check_mkdocs_front_matter(text: str, block: str, path: str) -> list[Problem]:
    """Front matter MkDocs reads where the site reads none or another (the page is built from the site's reading);
    ``block``: the front matter the site read (:attr:`errata.metadata.SplitEssay.block`, ``""`` for none).

    >>> [str(p) for p in check_mkdocs_front_matter("status: new\\n\\n# 标题\\n", "", "a.md")]
    ["a.md:1: MkDocs would read the lines before the first blank line ('key: value' without '---') as the front matter, which the site does not: write it between two '---' lines (or start the page with its heading) [front-matter]"]
    """
    other = mkdocs_reads_other_front_matter(text, len(block) if block else None)
    if not other:
        return []
    return [Problem(path, 1, "front-matter", f"MkDocs would read {other} as the front matter, which the site does not: write it between two '---' lines (or start the page with its heading)")]


def check_front_matter_html(metadata: dict[str, Any], path: str, lines: dict[tuple, int] | None = None) -> list[Problem]:
    """Markup in front-matter values: the site prints them as text, so a script there is an attack.

    ``status`` names a Material status (a word), since the theme puts it in a class attribute;
    ``icon`` and ``template`` name files of the theme, which it must find.

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
                if found := _direction_control(text):
                    problems.append(Problem(path, line, "unsafe-html", f"text-direction control character U+{ord(found[0]):04X} in {key} (it turns the words around it): remove it"))
    from .paths import THEME_KEYS, theme_value_problem  # paths reads this module's quote()

    for key in THEME_KEYS:
        problem = theme_value_problem(key, metadata[key]) if key in metadata else None
        if problem:
            problems.append(Problem(path, lines.get((key,), 1), "front-matter", problem))
    return problems


def _strings_in(value: Any, depth: int = 0):
    """Every string inside a YAML value (keys of mappings too), to a sane depth."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, bytes):  # !!binary: the theme prints it
        yield value.decode("utf-8", "replace")
    elif depth < 8 and isinstance(value, (set, frozenset, tuple)):  # !!set, and !!omap's pairs
        for item in value:
            yield from _strings_in(item, depth + 1)
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
    >>> print(check_path_names('a"onmouseover="x".md')[0].message)
    the name 'a"onmouseover="x".md' holds a double quote, which ends an HTML attribute (rename it)
    """
    problems = []
    for part in src_path.replace("\\", "/").split("/"):
        for what in find_unsafe_text(display_name(part)):
            problems.append(Problem(path or src_path, 1, "unsafe-html", f"unsafe HTML in the name {quote(part)}: {what} (rename it)"))
        if '"' in part:  # the path goes into attributes (the edit link) where a quote would end the value
            problems.append(Problem(path or src_path, 1, "unsafe-html", f"the name {quote(part)} holds a double quote, which ends an HTML attribute (rename it)"))
    return problems


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
    """No two entries of the site share an error fingerprint. An entry a blog's note holds under a heading of
    its own (:attr:`~errata.entries.ErrorEntry.heading_id`) is not asked to move: blogs note one error in
    several essays, and an imported blog must pass as it came. A new card that repeats one is reported."""
    first: dict[str, ErrorEntry] = {}
    problems = []
    for entry in entries:
        earlier = first.setdefault(entry.fingerprint, entry)
        if earlier is not entry and not entry.heading_id:
            problems.append(
                Problem(
                    entry.source_path,
                    entry.line,
                    "duplicate",
                    f"this error already has an entry at {earlier.source_path}:{earlier.line} (same fingerprint): add what you know there instead",
                )
            )
    return problems


def check_tags(metadata: dict[str, Any], allowed: set[str] | None, path: str, line: int = 1, lines: dict[tuple, int] | None = None) -> list[Problem]:
    """Declared tags belong to the site's allowed list, when it keeps one; each reported at its line."""
    if allowed is None or not isinstance(metadata.get("tags"), list):
        return []
    lines = lines or {}
    return [
        Problem(path, lines.get(("tags", index), line), "tags", f"tag {quote(tag)} is not in the allowed list (tags.yml): use an existing tag or add it there")
        for index, tag in enumerate(metadata["tags"])
        if isinstance(tag, str) and tag not in allowed
    ]


_HTML_ID = re.compile(r"""\sid\s*=\s*["']?([\w\-:.]+)""")


def explicit_ids(line: str) -> list[str]:
    """Ids a line gives by hand: attribute lists (``{ #id }``) and HTML ``id=`` attributes.

    Linear in the line (no pattern scans past a brace or a tag it started in).

    >>> explicit_ids('## A { #a .x } <span id="b">c</span> {.y}')
    ['a', 'b']
    """
    ids = [m.group(1) for group in BRACES.finditer(line) for m in [HASH_ID.search(group.group())] if m]
    if "id" in line and "<" in line:
        for piece in line.split("<")[1:]:
            tag = piece.split(">", 1)[0]
            if tag[:1].isalpha():
                ids += [m.group(1) for m in _HTML_ID.finditer(tag)]
    return ids


def first_heading(body: str) -> str | None:
    """The text of the body's first level-one heading, outside code (what MkDocs would title the page by).

    >>> first_heading("```\\n# not this\\n```\\n## nor this\\n# 报错汇总 #")
    '报错汇总'
    """
    for _, line in prose_lines(body):
        if line.startswith("# ") or line.startswith("#\t"):
            return heading_text(line)
    return None


def heading_ids(body: str, entries: list[ErrorEntry]) -> set[str]:
    """The anchors a page will have: entry cards, headings (slugified as the site does), explicit ids."""
    ids = {entry.anchor for entry in entries}
    for _, line in prose_lines(body):
        text = heading_text(line)
        if text:
            ids.add(heading_slug(text))
        ids.update(explicit_ids(line))
    return ids


def check_duplicate_ids(body: str, entries: list[ErrorEntry], path: str, first_line: int = 1) -> list[Problem]:
    """Ids given twice on one page: an entry repeated, or a heading or HTML id equal to an entry's anchor.

    (Headings without an explicit id never clash with ids Markdown sees: it gives them a suffix. A table row's span it
    does not see.)

    >>> [p.message for p in check_duplicate_ids("## x { #a }", [ErrorEntry("KeyError", line=3)], "x.md")]
    []
    >>> [str(p) for p in check_duplicate_ids("## x { #keyerror-740182 }", [ErrorEntry("KeyError", line=3)], "x.md")]
    ["x.md:1: the id 'keyerror-740182' appears twice on the page (also at line 3): give one of them another id, or merge the repeated entry [duplicate-id]"]
    """
    first: dict[str, int] = {}
    problems = []

    def seen(name: str, line: int) -> None:
        if name in first:
            problems.append(Problem(path, line, "duplicate-id", f"the id {quote(name)} appears twice on the page (also at line {first[name]}): give one of them another id, or merge the repeated entry"))
        else:
            first[name] = line

    for entry in entries:
        seen(entry.anchor, entry.line)
    # A table row's id is an empty span, raw HTML the table of contents does not see: a heading slugged to it keeps
    # that id, and the page holds it twice (red team 38: the check passed what the build refused).
    rows = {entry.anchor for entry in entries if entry.row_line}
    for offset, line in prose_lines(body):
        for name in explicit_ids(line):
            seen(name, first_line + offset)
        if rows and line.startswith("#") and (text := heading_text(line)) and (slug := heading_slug(text)) in rows:
            seen(slug, first_line + offset)
    return problems


def check_entry_anchors(body: str, entries: list[ErrorEntry], path: str, first_line: int, to_html) -> list[Problem]:
    """Entries whose link would lead nowhere: the page the site's Markdown (``to_html``) makes of the essay, its cards
    in and sanitised as the build does, has no element with the entry's id (an id line Python-Markdown reads as text, a
    heading it slugs otherwise). The build reports the same (``entry-anchor``); read here, a contributor learns it
    before CI's strict build, at the entry's line.

    >>> import markdown
    >>> to_html = markdown.Markdown(extensions=["attr_list", "toc"]).convert
    >>> [str(p) for p in check_entry_anchors("**报错：KeyError: 'a'**\\n\\n**解决：** 改键名", [ErrorEntry("KeyError: 'a'", line=1)], "x.md", 1, to_html)]
    []
    """
    from .cards import finish_cards, render_essay
    from .safety import missing_ids, sanitize_html

    if not entries:
        return []
    page = finish_cards(sanitize_html(to_html(render_essay(body, entries, first_line))), entries)
    line_of = {}
    for entry in entries:
        line_of.setdefault(entry.anchor, entry.line)
    return [
        Problem(path, line_of[anchor], "entry-anchor", f"the entry's link would lead nowhere: the page will have no id {quote(anchor)} (write the error's heading once, as plain text)")
        for anchor in missing_ids(page, [entry.anchor for entry in entries])
    ]


def check_links(body: str, path: Path, first_line: int, generated: set[Path], anchors_of, site_root: Path | None = None) -> list[Problem]:
    """Relative links to other pages and to anchors resolve.

    ``generated`` are pages the build makes (``errors.md``); ``anchors_of(file)``
    returns the anchor set of a Markdown file in the docs (or None if unknown).
    ``site_root``: the folder links may lead into (resolved); a link out of it is reported
    without looking at its target, so that the check tells nothing about files elsewhere on
    the machine (a red-team audit read headings of any ``.md`` file, in a public CI log).
    """
    problems = []
    for offset, line in prose_lines(body):
        for _, target in markdown_links(line):
            if re.match(r"^[a-z][a-z0-9+.\-]*:|^//", target, re.IGNORECASE):
                continue  # external, mailto:, javascript: (the unsafe-HTML rule reports that)
            file_part, _, anchor = target.partition("#")
            where = first_line + offset
            try:
                target_file = (path.parent / file_part).resolve() if file_part else path.resolve()
            except (OSError, RuntimeError, ValueError):
                # A NUL in the target (an essay with a byte order mark is read as UTF-8 whatever it holds), or a symbolic
                # link that leads to itself: resolving it raised, and the traceback ended the whole check (red team round 31).
                problems.append(Problem(str(path), where, "link", f"link target {quote(file_part)} cannot be followed (a NUL, or a symbolic link that leads to itself): check the path"))
                continue
            if file_part and site_root is not None and not target_file.is_relative_to(site_root):
                problems.append(Problem(str(path), where, "link", f"link target {quote(file_part)} is outside the site's docs folder: link to a page of the site, or to a full URL"))
                continue
            if file_part and not _exists(target_file) and target_file not in generated:
                problems.append(Problem(str(path), where, "link", f"link target {quote(file_part)} does not exist: check the path (relative to this file)"))
                continue
            if anchor and target_file.suffix == ".md" and target_file not in generated:
                anchors = anchors_of(target_file)
                if anchors is not None and anchor not in anchors:
                    problems.append(
                        Problem(str(path), where, "link", f"anchor #{anchor} does not exist in {file_part or 'this page'}: link to a heading that does")
                    )
    return problems


def _exists(path: Path) -> bool:
    """Whether a link target exists; a name the system refuses (too long, a NUL) does not."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False
