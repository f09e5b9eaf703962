"""Error entries: what an essay says about one error, read out of its Markdown.

Two shapes are read. The vdoing essays write an entry as a top-level list
item whose first line is the backticked message, with labelled sub-items::

    - `CUDA out of memory. Tried to allocate 2.00 GiB`

      - 详细报错信息：
        ```python
        Traceback (most recent call last): ...
        ```
      - 问题分析：
        ...
      - 解决方案：
        ...
      - 参考文章：
        ...

and an entry may also be a heading, ``## `message` ``, with the same labels as
sub-items or as sub-headings. English labels (Details, Analysis, Solution,
References) are read as well. Each becomes a card on the page.

Blogs write their notes in their own words too: a heading that names the error
in a code span among other words (``## 依赖缺失：`Could not find gem 'rails'`（下载超时）``),
or whose first paragraph is the error alone in a code span. With an analysis or
a solution under it, such a note is an entry *in place*: the errors index and
the lookup lead to its heading, and the page keeps it as written. An essay
without entries is an ordinary page.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from .fingerprint import error_line, exception_type, fingerprint, libraries_in_traceback, names_an_error, short_type
from .markdown_lines import BRACES, CODE, FENCE, FENCED, HASH_ID, HTML, ITEM_LINE, PROSE, QUOTE_MARKERS, closes_with, code_span_bounds, fence_language, heading_slug, heading_text, line_roles, mask_code_spans, prose_lines

#: Section labels, in the order a card shows them, with the words that name them.
SECTION_LABELS: dict[str, tuple[str, ...]] = {
    "details": (
        "详细报错信息", "详细信息", "报错信息", "错误信息", "错误详情", "错误现象", "报错现象", "问题现象", "报错内容", "错误内容", "问题描述",
        "错误描述", "异常信息", "报错提示", "错误提示", "现象", "错误日志", "报错日志", "异常日志", "坑", "踩坑", "details", "detail", "traceback", "error details",
        "error message", "error log", "error output", "stack trace", "stacktrace", "symptom", "symptoms",
    ),  # fmt: skip
    "analysis": ("问题分析", "原因分析", "分析", "原因", "问题原因", "错误原因", "报错原因", "产生原因", "analysis", "cause", "causes", "reason", "root cause", "why"),
    "solution": ("解决方案", "解决方法", "解决办法", "解决", "解法", "修复", "修复方法", "处理方法", "方案", "solution", "fix", "answer",
        "solutions", "fixes", "the fix", "workaround", "resolution", "how to fix", "how to solve", "how i fixed it", "how to resolve",
    ),
    "references": ("参考文章", "参考资料", "参考链接", "参考", "references", "reference", "see also"),
}
#: How a card names each section (the site's interface is Chinese).
SECTION_TITLES = {"details": "详细报错信息", "analysis": "问题分析", "solution": "解决方案", "references": "参考文章"}

_LIST_MARKER = re.compile(r"[-*+][ \t]+")
_HEADING_MARKER = re.compile(r"(?P<hashes>#{2,6})[ \t]+")
#: A first-level heading: many blogs write their sections so, and one may hold an error note in place.
_TITLE_MARKER = re.compile(r"(?P<hashes>#)[ \t]+")
#: A section label's line. Each run of spaces has one way to match (possessive, and the label starts with
#: a character that is no space): with three, a line of 1,200 spaces and a ``*`` took 50 s (a red-team audit).
#: The colon may stand inside the bold (``- **问题分析：**``), as Chinese notes often write it; a quoted line
#: (``> 如何解决``) is a label too.
_LABEL = re.compile(r"^(?P<indent>[ \t]*+)(?:[-*+][ \t]++|#{1,6}[ \t]++|>[ \t]*+)(?:\*\*)?(?P<label>[^：:* \t\n][^：:*\n]{0,23}?)(?:[：:]?\*\*)?[ \t]*+(?:[：:][ \t]*+)?$")
_HEADING = re.compile(r"^#{1,6}[ \t]")
#: A thematic break's marks (``---``, ``***``, ``_ _ _``), up to three spaces in; the line holds nothing else.
_RULE = r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})"
_CJK = re.compile("[\u4e00-\u9fff]")
#: A list item that is a label and its section's first words at once: ``- **原因**：包名含 `:amd64` 后缀``, or
#: ``- 修复: 去掉后缀``. The label is bold, or a colon ends it and it is Chinese (``- fix: crash on start`` is a
#: changelog's line).
_INLINE_LABEL = re.compile(
    r"^(?P<indent>[ \t]*+)[-*+][ \t]++(?:\*\*(?P<bold>[^：:*\n]{1,24}?)(?:[：:]?\*\*)[ \t]*+[：:]?|(?P<plain>[^：:*\s][^：:*\n]{0,23}?)[ \t]*+[：:])[ \t]*+(?P<rest>\S.*)$"
)
#: A paragraph that starts with a label and a colon, as most Chinese notes write their sections under a heading
#: that names the error: ``原因：远程仓库名写错``, ``解决：``, ``**解决方案**：``. The label is bold, or it is Chinese
#: and a colon ends it (an English ``Fix: ...`` line is prose); only the labels :data:`SECTION_LABELS` knows count.
_PARAGRAPH_LABEL = re.compile(
    r"^[ ]{0,8}[\u2600-\u27bf\U0001f300-\U0001faff\ufe0f]{0,3}(?:\*\*(?P<bold>[^：:*\n]{1,24}?)(?:[：:]?\*\*)[ \t]*+[：:]?|【(?P<bracketed>[^】：:\n]{1,24})】[ \t]*+[：:]?|(?P<plain>[^：:*\s#>|`【][^：:*\n]{0,23}?)[ \t]*+[：:])[ \t]*+(?P<rest>.*)$"
)
#: A paragraph that is a Chinese label alone, without a colon (``解决办法``, ``✅ 解决方式``).
#: Bold written with underscores too (``__解决方案__``, as some editors write it).
_BARE_LABEL = re.compile(r"^[ ]{0,8}[\u2600-\u27bf\U0001f300-\U0001faff\ufe0f]{0,3}[ \t]*(?P<bold>__)?(?P<plain>[\u4e00-\u9fff]{2,12})(?(bold)__)[ \t]*$")


@dataclass
class ErrorEntry:
    """One error an essay explains.

    >>> entry = ErrorEntry("CUDA out of memory. Tried to allocate 2.00 GiB", line=3)
    >>> entry.anchor
    'cuda-out-of-memory-tried-to-allocate-2-00-gib-201382'
    """

    message: str
    line: int  # 1-based, in the essay's body
    end_line: int = 0  # last line of the entry, inclusive
    sections: dict[str, str] = field(default_factory=dict)  # label key → Markdown, dedented
    source_path: str = ""
    #: The id of the essay's own heading the entry sits under, where that heading stays as written (a
    #: blog's error note, ``### pip 安装 `403 Forbidden` ``): the page gets no card for it, only the index
    #: and the lookup lead there. Empty for an entry written as Errata's cards are.
    heading_id: str = ""
    #: Where the page gives an entry written as a bold paragraph its id (``**报错：…**``): the paragraph's last line,
    #: in the essay's body (``{ #id }`` goes on the line after it). 0 for an entry under a heading or a card.
    id_after_line: int = 0
    #: Where the page gives an entry that is a row of a table its id (``| `AllocateTensors() failed` | arena 太小 | 加大 |``):
    #: the row's line, in the essay's body (an empty ``<span>`` with the id opens its first cell). 0 elsewhere.
    row_line: int = 0
    #: The essay's title, where the entry is the error its front matter's title names on a page with no heading of its
    #: own for it: the page gets the title as its first-level heading, with the entry's id (:func:`_title_entry`).
    title_heading: str = ""

    @property
    def anchor(self) -> str:
        """A stable id from the message alone: reordering or adding entries never changes it (an entry
        under a heading of its essay's own: that heading's id)."""
        return self.heading_id or anchor_for(self.message)

    @property
    def details(self) -> str:
        return self.sections.get("details", "")

    @cached_property  # entries are read once and not changed after
    def exception_type(self) -> str | None:
        return exception_type(self.details) or exception_type(self.message)

    @cached_property  # entries are read once and not changed after
    def libraries(self) -> list[str]:
        return libraries_in_traceback(self.details)

    @cached_property  # entries are read once and not changed after
    def fingerprint(self) -> str:
        """The error's fingerprint: the traceback's exception line when there is one, else the message."""
        return fingerprint(self.details if exception_type(self.details) else self.message)

    @cached_property  # entries are read once and not changed after
    def derived_tags(self) -> list[str]:
        """The exception type (short: ``OutOfMemoryError``), then the libraries of the traceback."""
        kind = short_type(self.exception_type)
        tags = [kind] if kind else []
        return tags + [lib for lib in self.libraries if lib not in tags]


def anchor_for(message: str) -> str:
    """The anchor of an entry: readable words of the message, then a short hash of it.

    >>> anchor_for("显存不够")
    'error-54b8e4'
    """
    words = re.findall(r"[a-z0-9]+", message.lower())
    slug = "-".join(words)[:48].rstrip("-")
    digest = hashlib.sha1(message.strip().encode("utf-8")).hexdigest()[:6]
    return f"{slug or 'error'}-{digest}"


def section_key(label: str) -> str | None:
    """Which section a label names, if any.

    >>> section_key("问题分析"), section_key("Solution"), section_key("其他")
    ('analysis', 'solution', None)
    >>> section_key("问题产生的原因"), section_key("如何解决"), section_key("解决办法如下："), section_key("原因是 cudnn 版本不一致")
    ('analysis', 'solution', 'solution', None)
    >>> section_key("解决方案1"), section_key("解决方法二"), section_key("解决1个问题")
    ('solution', 'solution', None)

    A number after a label, where a note gives more than one (``推测原因 1``, ``解决方案 1-1``), names the same section:

    >>> section_key("推测原因 1"), section_key("解决方案 1-1"), section_key("原因解析"), section_key("错误日志")
    ('analysis', 'solution', 'analysis', 'details')

    So does a label numbered in its heading, or glossed in English (a STAR report's ``A · 解决方案（Action）``):

    >>> section_key("4. 解决方案"), section_key("三、原因分析"), section_key("A · 解决方案（Action）"), section_key("(2) 解决办法")
    ('solution', 'analysis', 'solution', 'solution')
    >>> section_key("4. 安装"), section_key("S · 背景（Situation）")
    (None, None)
    """
    text = _label_text(label)
    bare = _ENGLISH_GLOSS.sub("", _ENUMERATOR.sub("", text, count=1)).rstrip()
    for candidate in dict.fromkeys((text, _NUMBER_AFTER_A_LABEL.sub("", text), bare)):
        for key, names in SECTION_LABELS.items():
            if candidate in names:
                return key
        if key := next((key for key, pattern in _LABEL_PHRASES.items() if pattern.fullmatch(candidate)), None):
            return key
    return None


#: What numbers a label in its heading: ``4. ``, ``三、``, ``(2) ``, ``第3步：``, a STAR report's ``A · ``.
_ENUMERATOR = re.compile(
    r"\A(?:(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3}|[a-z])(?:[.、．)）]|\s*[·•]\s*)\s*|[（(](?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[)）]\s*"
    r"|(?:step\s*[0-9]{1,2}|第[0-9一二三四五六七八九十]{1,3}步)\s*[.:：、]?\s*)"
)
#: An English gloss after a label: ``解决方案（Action）``, ``原因 (Root cause)``.
_ENGLISH_GLOSS = re.compile(r"[（(][a-z][a-z /&-]{0,30}[)）]$")  # no blanks before it: a run of them was tried from each
#: A number after a label's words: ``推测原因 1``, ``解决方案 1-1``, ``方法二``.
_NUMBER_AFTER_A_LABEL = re.compile(r"(?<=[\u4e00-\u9fff])[ ]?(?:[0-9]{1,2}(?:[-.][0-9]{1,2})?|[一二三四五六七八九])$")


#: Labels written as a short Chinese phrase rather than a word: ``问题产生的原因``, ``出现这个错误的原因可能是``,
#: ``如何解决``, ``解决办法如下``. Chinese only and short, so that a sentence (``原因是 cudnn 版本不一致``) is none.
_LABEL_PHRASES = {
    "analysis": re.compile(r"[\u4e00-\u9fff]{0,8}原因(?:分析|解析|如下|是|可能是|可能有)?"),
    # A number after it, where a note gives more than one (``解决方案1``, ``解决方法二``).
    # ``解决方法及步骤`` (lookup round 17), ``排查步骤``.
    "solution": re.compile(r"(?:[\u4e00-\u9fff]{0,4}(?:解决|修复|处理)(?:方法|办法|方案|方式|步骤|思路)?(?:[及和与](?:步骤|过程|思路|方法))?(?:如下)?|(?:如何|怎么|怎样)(?:解决|修复|处理)|排查(?:方法|步骤|思路))(?:[ ]?(?:[0-9]{1,2}|[一二三四五六七八九]))?"),
}


def find_entries(body: str, first_line: int = 1, title: object = None) -> list[ErrorEntry]:
    """Every error entry in an essay's body (Markdown without front matter).

    ``first_line`` is the file line of the body's first line, so that entry
    lines point into the file.
    """
    lines = body.split("\n")
    starts = _without_plain_lists(lines, _entry_starts(lines))
    in_place = any(start.in_place for start in starts)
    taken = _ids_on_the_page(lines) if in_place else Counter()
    references = _reference_labels(lines) if in_place else frozenset()
    entries = []
    given: set[str] = set()  # the ids bold paragraphs were given: the same error in bold twice gets one
    for n, (start, message, kind, in_place, fix_after, bold_heading, block_end, label_end) in enumerate(starts):
        limit = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        end = _entry_end(lines, block_end if kind == SHOWN else start, kind, limit)
        if kind.startswith("#"):
            end = _through_sibling_labels(lines, end, len(kind), limit)
        entry = ErrorEntry(message, start + first_line, end + first_line - 1)
        if kind == SHOWN:
            # A block, then a label: the block is the details, the sections are the prose after it, and the id goes
            # on the label's paragraph (no id reaches a fenced block), right under the error.
            after = block_end + 1
            entry.sections = {"details": _tidy(lines[start:after]), **_sections(lines[after:end])}
            if taken[entry.anchor] or entry.anchor in given or not entry.sections.keys() & {"analysis", "solution"}:
                continue
            given.add(entry.anchor)
            # Where the block that label starts ends as the page reads it: not at the next blank line whatever comes
            # first (an HTML block, a reference's definition: the id line was shown as text; red team round 32).
            entry.heading_id, entry.id_after_line = entry.anchor, label_end + first_line
            entries.append(entry)
            continue
        entry.sections = _sections(lines[start + 1 : end])
        if kind == BOLD:
            # The label says it is an error; the page keeps the paragraph, which gets the entry's id.
            last = start if bold_heading else _paragraph_end(lines, start, end) or start
            if fix_after and not entry.sections.keys() & {"analysis", "solution"} and (fix := _tidy(lines[last + 1 : end])):
                entry.sections["solution"] = fix  # ``**报错：… 解决：**``: what follows is the fix (not nothing: a heading may follow)
            if bold_heading and not entry.sections.keys() & {"analysis", "solution"} and _names_its_error_plainly(message) and (fix := _prose_under(lines[start + 1 : end])):
                entry.sections["solution"] = fix  # as under a heading that is an error as printed: the prose is the fix
            if taken[entry.anchor] or entry.anchor in given or not entry.sections.keys() & {"analysis", "solution"}:
                continue  # as a heading that names an error: an entry where the note says what to do
            given.add(entry.anchor)
            entry.heading_id, entry.id_after_line = entry.anchor, last + first_line
        elif kind == ONE_LINE:
            entry.sections = {"solution": _error_and_fix_on_one_line(lines, start)[1]}
            if taken[entry.anchor] or entry.anchor in given:
                continue
            given.add(entry.anchor)
            entry.heading_id, entry.id_after_line = entry.anchor, start + first_line
        elif kind == ITEM:
            if not entry.sections.keys() & {"analysis", "solution"} and (after := _label_items_after(lines, end, limit)) > end:
                # ``- 报错：ModuleNotFoundError: No module named cv2``, then ``- 解决：pip install opencv-python``: the items
                # after it that each open with a label are its sections (lookup round 18: a RocketMQ install note).
                end = after
                entry.end_line = end + first_line - 1
                entry.sections = _sections(lines[start + 1 : end])
            if not entry.sections.keys() & {"analysis", "solution"} and _names_its_error_plainly(message) and (fix := _prose_under(lines[start + 1 : end])):
                entry.sections["solution"] = fix  # as under a heading that is an error as printed: the prose is the fix
            if not entry.sections.keys() & {"analysis", "solution"} or taken[entry.anchor] or entry.anchor in given:
                continue  # an item that names an error is an entry where the note says what caused it or what to do
            given.add(entry.anchor)
            # The id goes on the item's first paragraph, where attr_list gives it to the item's text.
            entry.heading_id, entry.id_after_line = entry.anchor, _item_text_end(lines, start, end) + first_line
        elif in_place:
            text = " ".join((heading_text(lines[start]) or "").split())  # as the message was read: one blank between words
            # The heading says an error happened and the block under it shows one as a program prints it: the reader
            # took a tool's line from the block only where it opens the block or a label names it, never git's last
            # ``fatal: Could not read from remote repository.``, as often what follows the error as the error.
            shown = kind != "#" and names_an_error(text) and not _follows_the_error(message) and (
                _names_its_error_plainly(message) or _reported_by_cmake(lines[start + 1 : end], message)
            )
            printed = _as_printed(text)  # as _error_in_words read it
            plainly = message in printed and (_names_its_error_plainly(message) or _after_the_word_for_an_error(printed, message)) or shown
            if not entry.sections.keys() & {"analysis", "solution"} and plainly and (fix := _prose_under(lines[start + 1 : end])):
                # The heading is an error as a program prints it, or says one happened and shows it in a block (not a
                # page's title: its block may be any entry's), and what to do stands in prose under it, unlabelled.
                entry.sections["solution"] = fix
            if not entry.sections.keys() & {"analysis", "solution"} and not (_a_whole_exception(message) and message in text):
                continue  # a heading that names an error is an entry only where the note says what to do, or names it whole
            if not _slug_is_certain(text, references) or taken[heading_slug(text)] > 1:
                continue  # the page may give the heading another id than its slug: no link would lead there
            entry.heading_id = heading_slug(text)
        elif not entry.sections and not names_an_error(message):
            continue  # a blog's item of a file or a command with prose under it (`package.json`), no error
        if "details" not in entry.sections and kind not in (ONE_LINE, ITEM) and (block := _first_code_block(lines[start + 1 : end])):
            entry.sections = {"details": block, **entry.sections}
        entries.append(entry)
    # One id a page: the same error in two rows (two causes of ``Connection refused``) gets one, on its first row's cell
    # (red team 37: each row got the span, and the check refused the page for an id it holds twice).
    if rows := [row for row in _table_entries(lines, first_line) if row.anchor not in given and not taken[row.anchor] and not given.add(row.anchor)]:
        known = {entry.message for entry in entries}
        entries = sorted(entries + [row for row in rows if row.message not in known], key=lambda entry: entry.line)
    if not entries:
        whole = _page_entry(lines, first_line)
        entries = [whole] if whole else _introduced_entries(lines, first_line)
    if not entries and isinstance(title, str) and (named := _title_entry(title, lines, first_line)):
        entries = [named]
    return entries


def _error_in_words(text: str, under_errors: bool = False) -> str | None:
    """The error a heading's words name, as a bold line's or a post's title are read too: in a code span, as English among
    the Chinese (``under_errors``: under a heading that says errors follow), or by its code.

    >>> _error_in_words("helm 报错：another operation (install/upgrade/rollback) is in progress处理方法"), _error_in_words("helm 安装笔记")
    ('another operation (install/upgrade/rollback) is in progress', None)
    >>> _error_in_words("Bazel 报错：/tmp/bin/x86_64-linux-gcc： No such file or directory")
    '/tmp/bin/x86_64-linux-gcc: No such file or directory'
    """
    text = _as_printed(text)
    return _error_in_heading(text) or _error_as_heading(text, under_errors) or _coded_error_in_heading(text)


#: A full-width colon between a printed name and English words: ``gcc： No such file``.
_FULL_WIDTH_COLON_IN_A_MESSAGE = re.compile(r"(?<=[A-Za-z0-9_./)\]-])：[ \t]*(?=[A-Za-z])")


def _as_printed(text: str) -> str:
    """A heading's or a title's words with each full-width colon typed inside a printed message as the program printed
    it, so that the message is the whole line the word for an error introduces (lookup round 18: a Bazel post).

    >>> _as_printed("Bazel 报错：/tmp/x86_64-linux-gcc： No such file")
    'Bazel 报错：/tmp/x86_64-linux-gcc: No such file'
    """
    return _FULL_WIDTH_COLON_IN_A_MESSAGE.sub(": ", text)


def _title_entry(title: str, lines: list[str], first_line: int = 1) -> ErrorEntry | None:
    """The error a post's title names (``title: 'Nuxt 报错：render function or template not defined in component'``), read
    as a heading's words are, where the page has no entry otherwise and no first-level heading (the site then shows the
    title as the page's heading): an entry where the body says what to do, as under a heading that names an error. The
    page gets the title as its heading, with the entry's id (:func:`~errata.cards.render_essay`).

    >>> entry = _title_entry("helm 报错：another operation (install/upgrade/rollback) is in progress处理方法", ["### 解决方案", "", "回滚到上一个版本。"])
    >>> entry.message, entry.sections, entry.title_heading == "helm 报错：another operation (install/upgrade/rollback) is in progress处理方法"
    ('another operation (install/upgrade/rollback) is in progress', {'solution': '回滚到上一个版本。'}, True)
    >>> _title_entry("helm 安装笔记", ["### 解决方案", "", "回滚。"]), _title_entry("Error: x y z", ["# 我的标题", "", "改配置。"])
    (None, None)
    """
    text = " ".join(title.split())
    if not text or len(text) > _MAX_BOLD_HEADING_CHARS or _shows_a_first_level_heading(lines):
        return None
    message = _error_in_words(text)
    if not message:
        return None
    sections = _sections(lines)
    printed = _as_printed(text)  # as _error_in_words read it
    plainly = message in printed and (_names_its_error_plainly(message) or _after_the_word_for_an_error(printed, message))
    if not sections.keys() & {"analysis", "solution"} and plainly and (fix := _prose_under(lines)):
        sections["solution"] = fix
    if not sections.keys() & {"analysis", "solution"}:
        return None
    return ErrorEntry(message, first_line, first_line + len(lines) - 1, sections, heading_id=anchor_for(message), title_heading=text)


#: A first-level heading however the page writes it, after any quote markers and a list item's marker: ``# x`` (or a lone
#: ``#``), a setext underline of ``=`` (its line before is the heading), or an HTML ``<h1>``. The theme shows the title as
#: the page's heading only where the page has no ``<h1>`` of its own; a title entry's heading where it has one is a second.
_FIRST_LEVEL_ATX = re.compile(r"#(?:[ \t]|$)")
_SETEXT_FIRST_LEVEL = re.compile(r"=+[ \t]*$")  # at the margin, as Python-Markdown reads one
_HTML_H1 = re.compile(r"<h1[\s/>]|<h1$", re.IGNORECASE)
_ITEM_MARKER_AT_START = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}\.)[ \t]+")
#: Every container's mark a line's ``# x`` may stand behind, in any order and nesting, with the indentation a container's
#: content has (a line ``line_roles`` reads as no code): quote markers, items' markers (``- - # x``, ``1. 2. # x``), a
#: definition's ``:``, a footnote's label; an admonition's, a tab's or an item's indented content (red team 36).
_CONTAINER_MARKS = re.compile(r"(?:[ \t]*+(?:>|[-*+:](?=[ \t])|\d{1,9}[.)](?=[ \t])|\[\^[^\]\n]{1,999}\]:))*+[ \t]*+")


def _shows_a_first_level_heading(lines: list[str]) -> bool:
    """Whether the page shows a first-level heading of its own: an ATX ``#`` one (in a quote or a list item too), a
    setext one (``===`` under a line of text) or an HTML ``<h1>``, outside fenced and indented code.

    >>> [_shows_a_first_level_heading(body.split("\\n")) for body in ("# 标题\\n正文", "标题\\n===\\n正文", "> # 引用", "<h1>标题</h1>", "正文 `<h1>`")]
    [True, True, True, True, False]
    >>> [_shows_a_first_level_heading(body.split("\\n")) for body in ("## 二级\\n正文", "```\\n# 注释\\n```", "    # 注释", "\\n===\\n", "#hashtag")]
    [False, False, False, False, False]
    """
    previous_text = False
    for line, role in zip(lines, line_roles("\n".join(lines))):
        if role in (FENCED, CODE):
            previous_text = False
            continue
        inside = line[QUOTE_MARKERS.match(line).end() :]
        if previous_text and _SETEXT_FIRST_LEVEL.match(inside):
            return True
        inside = inside[item.end() :] if (item := _ITEM_MARKER_AT_START.match(inside)) else inside
        if _FIRST_LEVEL_ATX.match(inside) or ("<" in line and _HTML_H1.search(mask_code_spans(line))):
            return True
        if "#" in line and _FIRST_LEVEL_ATX.match(line, _CONTAINER_MARKS.match(line).end()):
            return True  # inside containers (``!!! note`` then ``    # x``): where in doubt, the page's own heading
        previous_text = bool(inside.strip())
    return False


#: A short line that says the error follows, at the margin (``报错如下``, ``报的错是：``, ``跳出一个报错：``, ``报错信息``).
#: The Chinese words a note says an error happened with (``报错``, ``报的错``, ``出错``).
_SAYS_AN_ERROR = "(?:报错|错误|异常|报的错|出错)"
_SAYS_THE_ERROR_FOLLOWS = re.compile(rf"^(?![-*+>#|`\s])[^\n]{{0,48}}{_SAYS_AN_ERROR}[^\n，。,.]{{0,6}}?[：:]?[ \t]*$")
#: The last clause of a longer line that says the error follows, with its colon (``……（如弹窗、工具窗口），这会导致 WebView2
#: 报错：``; lookup round 17): read on the line's last 64 characters, after its last comma or full stop.
_LAST_CLAUSE_SAYS_THE_ERROR_FOLLOWS = re.compile(rf"[，。；,;][^\n，。；,;`]{{0,40}}{_SAYS_AN_ERROR}[^\n，。；,;]{{0,6}}?[：:][ \t]*$")
#: The same in English, always with its colon (``I met a problem when I start the web:``, ``If you meet the error:``,
#: ``It fails with the following error:``; lookup round sixteen: a Chinese author's English notes).
_SAYS_THE_ERROR_FOLLOWS_IN_ENGLISH = re.compile(
    r"^(?![-*+>#|`\s])[^\n:]{0,60}\b(?:errors?|exception|problem|issue)\b[^\n,.:]{0,40}:[ \t]*$",
    re.IGNORECASE,
)


#: A line that quotes the error it says happened, in a code span after the word and a colon: ``加载表格数据时报了异常，
#: 报错：`org.apache.ibatis.binding.BindingException: Invalid bound statement (not found)` ``.
_QUOTES_THE_ERROR = re.compile(rf"{_SAYS_AN_ERROR}(?:信息|内容)?[ \t]*[：:][ \t]*`(?P<span>[^`\n]+)`")
def _prose_paragraph_end(lines: list[str], at: int, prose: dict[int, str]) -> int:
    """The last line of the paragraph line ``at`` is in, going down: it ends before a blank line, a fence or a line
    that is not prose (``prose``: :func:`~errata.markdown_lines.prose_lines` by line).

    >>> lines = ["报错如下：", "```", "x", "```", "", "a", "b", "", "c"]
    >>> _prose_paragraph_end(lines, 0, {0: "", 4: "", 5: "", 6: "", 7: "", 8: ""}), _prose_paragraph_end(lines, 5, {0: "", 4: "", 5: "", 6: "", 7: "", 8: ""})
    (0, 6)
    """
    end = at
    while end + 1 < len(lines) and end + 1 in prose and lines[end + 1].strip() and not FENCE.match(lines[end + 1]):
        end += 1
    return end


#: A line that ends the block before it wherever it stands, as Python-Markdown reads one: a heading (``#`` at the margin,
#: a blank after it or not), a rule, a quote, a reference's, an abbreviation's or a footnote's definition, an admonition,
#: a details block or a tab. An id line right before it is the last line of its block.
_ENDS_THE_BLOCK_BEFORE = re.compile(
    r" {0,3}(?:#|>|\[\^?[^\]\n]+\]:|\*\[[^\]\n]+\]:)|(?:!!!|\?\?\?\+?|===[+!]{0,2})[ \t]" rf"|{_RULE}$"
)
#: Of those, a definition that leaves the lines after it where they are (a reference's, an abbreviation's): read past,
#: going up to a block's first line; a footnote's takes them into the footnote.
_LEAVES_THE_LINES_AFTER = re.compile(r" {0,3}(?:\[[^\^\]\n][^\]\n]*\]:|\*\[[^\]\n]+\]:)")
#: A setext heading's underline, read as one under a block's first line.
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
#: A footnote's definition, whose block the lines after it go on.
_FOOTNOTE_START = re.compile(r" {0,3}\[\^[^\]\n]+\]:")
#: A table's delimiter row (``|---|:--:|``).
_TABLE_DELIMITER_ROW = re.compile(r"[ \t]*+\|?+[ \t]*+:?+-++:?+[ \t]*+\|")  # possessive: a line of blanks is read once (red team 33)


def _block_start(lines: list[str], at: int, roles: list[str], memo: dict[int, tuple[int, bool]]) -> tuple[int, bool]:
    """The first line of the block line ``at`` is in, as far as the lines before tell, and whether the line is a footnote's
    or a table's (a footnote's definition, a delimiter row before it in the block). ``memo`` keeps what lines asked
    before found: a page's lines asked in turn (a long paragraph of lines that say an error follows) are each read once.

    >>> _block_start(["| a |", "|---|", "报错如下：", "", "[^1]: 注", "续行"], 2, [""] * 6, {}), _block_start(["", "[^1]: 注", "续行"], 2, [""] * 3, {})
    ((0, True), (2, True))
    """
    first, refused = at, False
    while first and lines[first - 1].strip() and roles[first - 1] == PROSE and not FENCE.match(lines[first - 1]):
        above = lines[first - 1]
        if _ENDS_THE_BLOCK_BEFORE.match(above) and not _LEAVES_THE_LINES_AFTER.match(above):
            refused = refused or _FOOTNOTE_START.match(above) is not None
            break
        refused = refused or _TABLE_DELIMITER_ROW.match(above) is not None
        if first - 1 in memo:  # that line's block is this one's
            first, refused = memo[first - 1][0], refused or memo[first - 1][1]
            break
        first -= 1
    memo[at] = (first, refused)
    return first, refused


def _id_line_after(lines: list[str], at: int, roles: list[str], stop: int | None = None, memo: dict[int, tuple[int, bool]] | None = None) -> int | None:
    """The line after which an id line reaches the block line ``at`` is in, going down (before ``stop``): the last line
    before a blank one, a fence or a line that ends the block (:data:`_ENDS_THE_BLOCK_BEFORE`). None where no id line
    works: the block runs into raw HTML (an inline tag at a line's start goes on the paragraph), a definition follows (each
    line before it is a term, an id line too), or the line is a setext heading's (an id line after its underline is text).

    >>> lines = ["解决办法 :", "改参数", "[文档]: https://x", "", "报错如下：", "<div>", "x", "</div>", "", "解决办法", "---"]
    >>> roles = line_roles("\\n".join(lines))
    >>> _id_line_after(lines, 0, roles), _id_line_after(lines, 4, roles), _id_line_after(lines, 9, roles)
    (1, None, None)
    >>> _id_line_after(["前面", "报错如下：", "---"], 1, ["", "", ""]), _id_line_after(["原因：x", ":   定义"], 0, ["", ""])
    (1, None)
    """
    stop = len(lines) if stop is None else min(stop, len(lines))
    if roles[at] != PROSE:
        return None
    memo = memo if memo is not None else {}
    first, refused = _block_start(lines, at, roles, memo)
    if refused:
        return None  # a footnote's lines (gone where nothing marks it), or a table's rows: an id line is its text
    if at > first and stop == len(lines) and (-1 - first) in memo:
        return memo[-1 - first]  # a line further down the same block: where the block ends was found (no setext there)
    found = _block_end(lines, at, first, roles, stop)
    if stop == len(lines) and at > first:
        memo[-1 - first] = found
    return found


def _block_end(lines: list[str], at: int, first: int, roles: list[str], stop: int) -> int | None:
    """:func:`_id_line_after` going down, from line ``at`` of the block that starts at line ``first``."""
    end = at
    while end + 1 < stop and lines[end + 1].strip():
        following = lines[end + 1]
        if _SETEXT_UNDERLINE.match(following) and end == first:
            return None  # ``解决办法`` over ``===``: a heading, where an id line after the underline is shown as text
        if FENCE.match(following) or _ENDS_THE_BLOCK_BEFORE.match(following):
            break
        if roles[end + 1] != PROSE or _DEFINITION.match(following):
            return None
        end += 1
    k = end + 1
    while k < len(lines) and not lines[k].strip():
        k += 1  # a definition after blank lines makes the paragraph its term too
    return None if k < len(lines) and _DEFINITION.match(lines[k]) else end


class _Shown(NamedTuple):
    """An error a line introduces (:func:`_introduced_entries`): the line, the line the entry's id line goes after (the
    end of the line's block as Python-Markdown reads it), the lines that show the error (``start`` to ``stop``, none
    where the line quotes it) and the message."""

    line: int
    id_after: int
    start: int
    stop: int
    message: str


def _quoted_error(lines: list[str], at: int, span: str, roles: list[str], memo: dict | None = None) -> _Shown | None:
    """The error a line quotes (:data:`_QUOTES_THE_ERROR`) where the span is an error as a program prints it (its type or
    a tool's error line).

    >>> lines = ["加载数据时报了异常，报错：`BindingException: Invalid bound statement (not found)`", "原来是 mapper 没写进配置。"]
    >>> _quoted_error(lines, 0, "BindingException: Invalid bound statement (not found)", line_roles("\\n".join(lines)))
    _Shown(line=0, id_after=1, start=1, stop=1, message='BindingException: Invalid bound statement (not found)')
    """
    message = error_line(span)
    if not message or len(message.split()) < 2:
        return None
    last = _id_line_after(lines, at, roles, memo=memo)
    return _Shown(at, last, at + 1, at + 1, message) if last is not None else None


#: An errno as Python prints it (``[Errno 2]``, ``[WinError 5]``): a system call's error, whoever reports it.
_ERRNO = re.compile(r"\[(?:Errno|WinError) ?\d{1,5}\]")
#: How many lines that say an error follows a note with no heading for it are read for: a note of errors has a few for
#: each (a first try, a second).
_INTRODUCTIONS_TRIED = 40


def _introduced_entries(lines: list[str], first_line: int = 1) -> list[ErrorEntry]:
    """A note of errors with no heading for them: a line says the error follows (``报错如下：``), the error is the
    block, quote or paragraph after it, and prose after that, up to the next such error, says what was done. The page
    keeps it as written; the line's paragraph gets the entry's id. Asked only where the page gives no other entry.

    >>> lines = ["今天升级后启动，跳出一个报错：", "", "Vagrant could not detect VirtualBox! Make sure it is installed.", "", "把安装目录加进 PATH 就好了。"]
    >>> [entry] = _introduced_entries(lines)
    >>> entry.message, entry.id_after_line, entry.sections["solution"]
    ('Vagrant could not detect VirtualBox!', 1, '把安装目录加进 PATH 就好了。')
    >>> _introduced_entries(["错误处理是这样写的：", "", "```python", "try:", "    x()", "```", "", "这样就好。"])
    []

    A line that shows no error is passed over; each that does is an entry where prose after its error, up to the next
    one, says what was done (a note of two errors, each with its fix); one with nothing after it is the one before's:

    >>> [e.message for e in _introduced_entries(["报错如下：", "```", "$ pg_ctl start", "```", "", "再试一次，报错如下：", "```", "postgres: invalid argument: x", "```", "", "路径里有空格，加上引号。"])]
    ['postgres: invalid argument: x']
    >>> [e.message for e in _introduced_entries(["安装时报错：", "```", "Error: Cannot find module 'x'", "```", "重装一次 x。", "", "运行时报错：", "```", "Error: listen EADDRINUSE: address already in use", "```", "换个端口。"])]
    ["Error: Cannot find module 'x'", 'Error: listen EADDRINUSE: address already in use']
    """
    roles = line_roles("\n".join(lines))
    prose = {i: lines[i] for i, role in enumerate(roles) if role != FENCED}
    found: list[_Shown] = []
    memo: dict[int, tuple[int, bool]] = {}  # the block each line asked is in (:func:`_block_start`)
    tried = 0
    for i, line in prose.items():
        if roles[i] == HTML or (found and i < found[-1].stop):
            continue  # a raw HTML block or comment (no id line works there), or a line of the error shown before
        said = _SAYS_THE_ERROR_FOLLOWS.match(line) is not None
        in_english = not said and _SAYS_THE_ERROR_FOLLOWS_IN_ENGLISH.match(line) is not None
        says = said or in_english or _LAST_CLAUSE_SAYS_THE_ERROR_FOLLOWS.search(line[-64:]) is not None
        quoted = None if says else _QUOTES_THE_ERROR.search(line)
        if not says and not quoted:
            continue
        tried += 1
        if tried > _INTRODUCTIONS_TRIED:
            break  # a page of such lines, each read on to its error: a few tens are a note's
        shown = _quoted_error(lines, i, quoted["span"], roles, memo) if quoted else _error_shown_after(lines, i, prose, roles, memo)
        if in_english and shown and not (_names_its_error_plainly(shown.message) or _ERRNO.search(shown.message)):
            # English says "problem" and "issue" of other things (``Targets (from the issues):``), and a reference says
            # "error" of what it documents (``Subclasses of the native error types are also native errors:``, then a
            # class; red team 37): an error as a program prints it only.
            continue
        if shown and not (found and shown.id_after == found[-1].id_after):
            # One id a paragraph: a second error its paragraph quotes (``后来又报错：`…` ``) is part of the first's entry,
            # whose id line it would share (the first line shown as text, its link leading nowhere).
            found.append(shown)
    # From the last: an error with nothing said after it is part of the one before (``可使用 --provider 查看出错原因``
    # says what to do about the first error and shows a second one, whose fix is the first's).
    entries: list[ErrorEntry] = []
    limit = len(lines)
    for shown in reversed(found):
        fix = _prose_under(lines[shown.stop : limit])
        if not fix:
            continue
        entry = ErrorEntry(shown.message, shown.line + first_line, limit + first_line - 1, heading_id=anchor_for(shown.message))
        entry.id_after_line = shown.id_after + first_line
        entry.sections = {"solution": fix} if shown.start == shown.stop else {"details": _tidy(lines[shown.start : shown.stop]), "solution": fix}
        entries.insert(0, entry)
        limit = shown.line
    given: set[str] = set()  # the same error twice: the first is its entry
    return [entry for entry in entries if not (entry.heading_id in given or given.add(entry.heading_id))]


def _error_shown_after(lines: list[str], at: int, prose: dict[int, str], roles: list[str], memo: dict | None = None) -> _Shown | None:
    """The error shown after the paragraph of a line that says one follows: the block, quote or paragraph after it.

    >>> lines = ["跳出一个报错：", "", "Vagrant could not detect VirtualBox! Make sure it is installed.", "", "重装。"]
    >>> _error_shown_after(lines, 0, dict(enumerate(lines)), line_roles("\\n".join(lines)))
    _Shown(line=0, id_after=0, start=2, stop=3, message='Vagrant could not detect VirtualBox!')
    """
    end = _prose_paragraph_end(lines, at, prose)  # the paragraph the line ends (a fence may follow at once)
    start = next((k for k in range(end + 1, len(lines)) if lines[k].strip()), None)
    if start is None:
        return None
    if FENCE.match(lines[start]):
        # Where the fence's lines end (as the roles read it: one look over the block, not one for each line after it)
        stop = next((k for k in range(start + 1, len(lines)) if roles[k] != FENCED), len(lines))
        message = _first_error_line(lines[start + 1 : stop - 1])  # a log: commands, then the error
    else:  # a quote or a paragraph: what the program printed, from its first sentence
        stop = next((k for k in range(start, len(lines)) if not lines[k].strip()), len(lines))
        shown = [_QUOTED.sub("", text).strip() for text in lines[start:stop]]
        shown = [code_span_text(text) or text for text in shown]  # `1045 - Access denied …` as one code span
        message = error_line("\n".join(shown)) or _first_statement("\n".join(shown))
        if message and not (names_an_error(message) or _STATEMENT.search(message)):
            message = None  # ``<!-- more -->``, a file name: no statement of an error
    last = _id_line_after(lines, at, roles, memo=memo)  # where the id line reaches the line's paragraph: None, nowhere
    return _Shown(at, last, start, stop, message) if message and last is not None else None


def _first_error_line(shown: list[str]) -> str | None:
    """The error a block shows where nothing labels it more: its exception, else its first line that names an error in
    three words or more (a tool's last line is as often what followed the error).

    >>> _first_error_line(["$ ffmpeg -i a.mkv", "[subtitles @ 0x1] Unable to parse option value", "Error while processing"])
    '[subtitles @ 0x1] Unable to parse option value'
    """
    shown_text = "\n".join(shown)
    typed = error_line(shown_text)
    if typed and exception_type(typed):
        return typed
    return next((
        line for line in _without_banners([text.strip() for text in shown if text.strip()])
        if len(line.split()) >= 3 and not line.startswith(("$", "#", ">")) and _mostly_latin(line) and names_an_error(line) and not _MAKE_S_FAILURE.match(line)
    ), None)


def _mostly_latin(line: str) -> bool:
    """More Latin letters than Chinese ones: a line a program printed (a Chinese file name in it or not), not prose.

    >>> _mostly_latin('Unable to parse option value "老友记字幕.ass" as image size'), _mostly_latin("程序会打印出一个错误信息")
    (True, False)
    """
    return sum(ch.isascii() and ch.isalpha() for ch in line) > len(_CJK.findall(line))


def _table_entries(lines: list[str], first_line: int = 1) -> list[ErrorEntry]:
    """Each row of a table whose columns are an error and what to do about it (``| 报错 | 原因 | 解决 |``; lookup round
    sixteen: a quick reference of a project's errors, a row each): the row's error is an entry, its other columns the
    sections their headers name. The row keeps its place; its first cell gets the entry's id.

    >>> lines = ["## 报错速查", "", "| 报错 | 原因 | 解决 |", "|---|---|---|", "| `AllocateTensors() failed` | arena 太小 | 加大 arena |",
    ...          "| 结果与 PC 端差很多 | 量化误差 | 对齐模型 |"]
    >>> [(e.message, e.sections, e.row_line) for e in _table_entries(lines)]
    [('AllocateTensors() failed', {'analysis': 'arena 太小', 'solution': '加大 arena'}, 5)]
    """
    if not any(_TABLE_DELIMITER_ROW.match(line) for line in lines):
        return []  # most pages: no table, and no need to read every line's role for one
    roles = line_roles("\n".join(lines))
    entries = []
    read = 0  # the rows read so far: a table's row is no other table's header or delimiter (Python-Markdown reads the
    # block as one table); reading each again made a page of header and delimiter lines quadratic (red team 37)
    for at in range(1, len(lines)):
        if at < read or roles[at] != PROSE or not _TABLE_DELIMITER_ROW.match(lines[at]) or roles[at - 1] != PROSE:
            continue
        if at > 1 and lines[at - 2].strip() and roles[at - 2] not in (CODE, HTML) and not _OPENS_A_TABLE_S_BLOCK.match(lines[at - 2]):
            continue  # a header under a paragraph's line makes no table: the row is text, where the span can land in a code
            # span a backtick on an earlier line opens (an unclosed fence's; red team 37: the span shown as text, no id)
        header = _cells(lines[at - 1])
        error_column = next((k for k, cell in enumerate(header) if _names_the_error_column(cell)), None)
        sections = {k: key for k, cell in enumerate(header) if k != error_column and (key := _column_section(cell))}
        if error_column is None or "solution" not in sections.values():
            continue
        row = at + 1
        while row < len(lines) and roles[row] == PROSE and "|" in lines[row] and lines[row].strip():
            cells = _cells(lines[row])
            message = _error_in_cell(cells[error_column]) if error_column < len(cells) else None
            said = {key: cells[k].strip() for k, key in sections.items() if k < len(cells) and cells[k].strip()}
            if message and said:
                entry = ErrorEntry(message, row + first_line, row + first_line, said, heading_id=anchor_for(message))
                entry.row_line = row + first_line
                entries.append(entry)
            row += 1
        read = row
    return entries


#: A line after which a table's header starts a block of its own, as the tables extension needs (besides a blank line, code
#: and raw HTML): a heading, a setext heading's underline or a rule, a reference's definition, a footnote's label alone,
#: or the opening line of an admonition, a collapsible block or a tab (their content is a block).
_OPENS_A_TABLE_S_BLOCK = re.compile(
    r"[ \t>]*+(?:#{1,6}(?:[ \t]|$)|(?:!!!|\?\?\?\+?|===\+?)[ \t]|(?:[-=*_][ \t]*+)++$|\[\^[^\]\n]++\]:[ \t]*+$|\[(?!\^)[^\]\n]++\]:[ \t]*+\S)"
)


def _names_the_error_column(cell: str) -> bool:
    """Whether a table's header cell labels its error column: ``报错``, ``错误信息``, ``报错关键词``, ``现象``, ``Error``.

    >>> _names_the_error_column("**报错**"), _names_the_error_column("Error message"), _names_the_error_column("报错关键词")
    (True, True, True)
    >>> _names_the_error_column("命令"), _names_the_error_column("错误处理")
    (False, False)
    """
    label = _label_text(_without_wrapping_emphasis(cell.strip())).lower()
    if label in _PROBLEM_HEADINGS or label in ("symptom", "症状") or section_key(label) == "details":
        return True
    return _SAYS_THE_ERROR_COLUMN.fullmatch(label) is not None


#: A header that says its column holds errors: the word for one, then at most a few words (``报错关键词``, ``错误提示``,
#: ``Error message``), not the word for one's handling (``错误处理`` is the fix's column).
_SAYS_THE_ERROR_COLUMN = re.compile(r"(?:报错|错误|异常|error|exception)(?:关键词|关键字|信息|提示|内容|消息|日志|输出|现象| message| text| output)?|常见(?:报错|错误)")


def _column_section(cell: str) -> str | None:
    """The section a table's header cell names: a label's (``原因``, ``解决方法``), or the words a quick reference heads
    its fix with (``优先检查``, ``排查``, ``对策``, ``Fix``; lookup round 17).

    >>> _column_section("原因"), _column_section("优先检查"), _column_section("Workaround"), _column_section("命令")
    ('analysis', 'solution', 'solution', None)
    """
    label = _without_wrapping_emphasis(cell.strip())
    key = section_key(label)
    if key in ("analysis", "solution"):
        return key
    return "solution" if _HEADS_A_FIX_COLUMN.search(label.lower()) else None


#: Words a table's fix column may be headed with.
_HEADS_A_FIX_COLUMN = re.compile(r"解决|处理|修复|排查|检查|办法|方案|对策|做法|\bfix|solution|workaround|remed")


def _error_in_cell(cell: str) -> str | None:
    """The error a table cell gives: its code span (its first, where a name beside it says what it is in words), or
    its text where that is mostly Latin words as a program printed them; None for Chinese words about an error.

    >>> _error_in_cell(" `cannot open file` / 路径过长 "), _error_in_cell("Permission denied (publickey)"), _error_in_cell("编译 OOM")
    ('cannot open file', 'Permission denied (publickey)', None)
    >>> _error_in_cell("`database_id` 未替换就 deploy"), _error_in_cell("`AllocateTensors() failed`")
    (None, 'AllocateTensors() failed')
    """
    spans = code_spans(cell)
    if spans and code_span_text(cell.strip()) is None:
        # A span among words: the error only where it names one (not ``database_id`` in ``\`database_id\` 未替换``).
        spans = [span for span in spans if names_an_error(span)]
        if not spans:
            return None
    text = (spans[0] if spans else cell).strip()
    if not spans and (not _mostly_latin(text) or _CJK.search(text) or len(text.split()) < 2):
        return None
    return text if len(text) >= 6 and any(ch.isalpha() for ch in text) else None


def _cells(row: str) -> list[str]:
    """A table row's cells: its text split at the pipes that are neither escaped nor in a code span, as the tables
    extension reads it, without the pipes that open and close the row.

    >>> _cells(r"| `a|b` | c \\| d | e |"), _cells("x | y")
    (['`a|b`', 'c \\\\| d', 'e'], ['x', 'y'])
    """
    cells, start, at, ticks = [], 0, 0, 0
    text = row.strip()
    while at < len(text):
        ch = text[at]
        if ch == "\\":
            at += 2
            continue
        if ch == "`":
            run = len(text) - at - len(text[at:].lstrip("`"))
            ticks = 0 if ticks == run else ticks or run
            at += run
            continue
        if ch == "|" and not ticks:
            cells.append(text[start:at])
            start = at + 1
        at += 1
    cells.append(text[start:])
    if text.startswith("|"):
        cells = cells[1:]
    if text.endswith("|") and not text.endswith("\\|") and cells:
        cells = cells[:-1]
    return [cell.strip() for cell in cells]


#: Headings that say "the problem" over a note's one error (``### 问题``, ``## 问题描述``); with headings for its
#: cause or its fix beside them, the page is that error's entry.
_PROBLEM_HEADINGS = frozenset({"问题", "报错", "错误", "异常", "现象", "problem", "issue", "error", "question"})


def _page_entry(lines: list[str], first_line: int = 1) -> ErrorEntry | None:
    """A note that is one error under label headings (``### 问题描述``, the error, ``### 解决方法``) as one entry,
    in place at the problem's heading: no heading names the error, the page is about it. Its message is what
    the problem's section shows (a block's error line, else its first English sentence; a quote; a code span
    the Chinese around calls the error); where nothing shows one, the page has no entry.

    >>> entry = _page_entry(["### 问题描述", "", "运行时报错：", "", "```", "Can't load tokenizer for 'gpt2'. If you were trying to load it", "```", "", "### 解决方法", "", "下载到本地。"])
    >>> entry.message, entry.heading_id, sorted(entry.sections), entry.line, entry.end_line
    ("Can't load tokenizer for 'gpt2'.", '问题描述', ['details', 'solution'], 1, 11)
    >>> _page_entry(["## 安装", "", "```", "pip install x", "```", "", "## 解决方法", "", "重装。"])
    """
    headings = [(i, len(marker["hashes"]), heading_text(line) or "") for i, line in prose_lines("\n".join(lines)) if (marker := _HEADING_MARKER.match(line) or _TITLE_MARKER.match(line))]
    problem = next(((i, level, text) for i, level, text in headings if section_key(text) == "details" or _label_text(text) in _PROBLEM_HEADINGS), None)
    if problem is None:
        return None
    at, level, text = problem
    labels = [(i, section_key(words) or "details") for i, depth, words in headings if i >= at and depth == level and (section_key(words) or i == at)]
    if not any(key in ("analysis", "solution") for _, key in labels):
        return None
    end = next((i for i, depth, _ in headings if i > at and depth < level), len(lines))
    labels = [(i, key) for i, key in labels if i < end]
    shown = lines[at : labels[1][0]] if len(labels) > 1 else lines[at:end]
    # An exception in a block first, then what the words call the error, then whatever the block shows.
    message = _error_in_code_under_heading(shown, 0, "问题") or _error_shown_in_words(shown[1:])
    # Whatever a block or a quote shows only where the heading or the words around say it is an error (``运行时报错：``):
    # under ``## 问题描述`` a puzzle's statement or a spec's log is shown so too (``> Given an integer array …``).
    said = " ".join([text, *(line for _, line in prose_lines("\n".join(shown[1:])) if not _QUOTED.match(line))])
    if not message and names_an_error(said):
        message = _error_in_code_under_heading(shown, 0, "问题", labelled=True)
    if not message or not _slug_is_certain(text) or _ids_on_the_page(lines)[heading_slug(text)] > 1:
        return None
    entry = ErrorEntry(message, at + first_line, end + first_line - 1, heading_id=heading_slug(text))
    for n, (i, key) in enumerate(labels):
        stop = labels[n + 1][0] if n + 1 < len(labels) else end
        if key not in entry.sections and (section := _tidy(lines[i + 1 : stop])):
            entry.sections[key] = section
    return entry


def _label_text(text: str) -> str:
    """A label's words as they are compared: no emphasis, colon or case, nor the emoji many notes put before a label
    (``## 📋 错误信息``, ``### ✅ 解决方案``).

    >>> _label_text("**问题：**"), _label_text("Problem"), _label_text("📋 错误信息"), _label_text("✅️ 解决方案：")
    ('问题', 'problem', '错误信息', '解决方案')
    """
    text = text.strip().strip("*").strip()
    start = 0
    while start < len(text) and (text[start].isspace() or text[start] in "\ufe0f\u200d" or unicodedata.category(text[start])[0] == "S"):
        start += 1
    return text[start:].strip().strip("*").strip().rstrip("：:").strip().lower()


def _error_shown_in_words(lines: list[str]) -> str | None:
    """A code span a paragraph calls the error in Chinese (``会抛出`Can't load tokenizer for 'gpt2'`的异常``):
    three words or more, with a word for an error right before or after it.

    >>> _error_shown_in_words(["使用时会抛出`Can't load tokenizer for 'gpt2'`的异常"]), _error_shown_in_words(["运行 `pip install x y` 即可"])
    ("Can't load tokenizer for 'gpt2'", None)
    """
    for line in lines:
        for opening, start, end, closing in code_span_bounds(line):
            span = line[start:end].strip()
            around = line[max(0, opening - 6) : opening] + " " + line[closing : closing + 6]
            if len(span.split()) >= 3 and _chinese_says_an_error(around):
                return span
    return None


#: An error's code as a database or a tool prints it before its words (``ORA-00054``, ``ORA-28040``); not a standard's
#: or an advisory's number (``ISO-8859``, ``RFC-2616``, ``CVE-2021``).
_ERROR_CODE = re.compile(r"\b(?!(?:ISO|RFC|CVE|UTF|GB|IEEE|ECMA|JSR|PEP)-)[A-Z]{2,5}-\d{4,5}\b")
#: Words that make a title of English (``London Hard Fork Changes``), not a message, after a code's colon.
_TITLE_CASE = re.compile(r"(?:[A-Z0-9][\w'.-]*|of|on|in|for|and|or|the|to|a|an|with|vs)(?:[ \t]+(?:[A-Z0-9][\w'.-]*|of|on|in|for|and|or|the|to|a|an|with|vs))+")


def _error_code(text: str) -> re.Match[str] | None:
    """The code in ``text`` that names an error: one a program prints before its message, a colon between
    (``ORA-00054: 资源正忙``, ``ORA-25847:connection to server failed``), or one the Chinese around calls an error
    (``出现 ORA-12154 报错``). A code alone, or before a title, is an identifier of anything: an issue
    (``HBASE-12345``, ``HDU-5710 Digit-Sum``), a proposal (``EIP-1559: London Hard Fork Changes``), a key size.

    >>> [bool(_error_code(t)) for t in ("ORA-00054: 资源正忙", "连接报错 ORA-12154", "ORA-25847:connection to server failed")]
    [True, True, True]
    >>> [bool(_error_code(t)) for t in ("HDU-5710 Digit-Sum 思维", "EIP-1559: London Hard Fork Changes", "EIP-1559 Support", "RSA-2048 密钥")]
    [False, False, False, False]
    """
    called_an_error: bool | None = None  # asked once, where a code needs it
    for coded in _ERROR_CODE.finditer(text):
        after = _CODE_MESSAGE.match(text, coded.end())
        if after and after.group(1).strip() and not _TITLE_CASE.fullmatch(after.group(1).strip(" 。.，,；;")):
            return coded
        if called_an_error is None:
            called_an_error = _chinese_says_an_error(text)
        if called_an_error:
            return coded
    return None


#: What follows a code as a program prints one: a colon, then its message.
_CODE_MESSAGE = re.compile(r"[ \t]*[:：][ \t]*(.*)")


def _chinese_says_an_error(text: str) -> bool:
    """Whether the Chinese words of ``text`` (its English left out) name an error: ``报错``, ``异常``, ``失败``.

    >>> _chinese_says_an_error("selenium报错Element is not clickable"), _chinese_says_an_error("Error handling 的用法")
    (True, False)
    """
    return names_an_error(" ".join(_NOT_THE_MESSAGE.findall(text)))


#: A tool's message id before its message, as Xilinx's tools print them: ``[Synth 8-91] ambiguous clock in event
#: control``, ``[Place 30-494] The design is empty``, ``[DRC NSTD-1] Unspecified I/O Standard``.
_MESSAGE_ID = re.compile(r"\[[A-Z][A-Za-z]{1,15} [A-Z0-9]{1,10}-\d{1,5}\][ \t]+(?=[A-Za-z])")


def _coded_error_in_heading(text: str) -> str | None:
    """The error a heading names by its code, from the code on, in whatever language its words are (``# ORA-00054:
    资源正忙…``, ``Navicat 连接 Oracle 报错：ORA-28040: 没有匹配的验证协议``), or by an exception with an error number
    (``## WindowsError:[Error 6]``): the code, not the words, says which error it is.

    >>> _coded_error_in_heading("Navicat 连接 Oracle 报错：  ORA-28040: 没有匹配的验证协议。"), _coded_error_in_heading("## WindowsError:[Error 6]"[3:])
    ('ORA-28040: 没有匹配的验证协议', 'WindowsError:[Error 6]')
    >>> _coded_error_in_heading("升级到 UTF-8 编码"), _coded_error_in_heading("ValueError 的用法")
    (None, None)

    So does a tool's message id (Xilinx's): ``[Synth 8-91] ambiguous clock in event control``.

    >>> _coded_error_in_heading("[Synth 8-91] ambiguous clock in event control"), _coded_error_in_heading("[Figure 3-1] 时序图")
    ('[Synth 8-91] ambiguous clock in event control', None)
    """
    if "`" in text:
        return None
    coded = _error_code(text) or _MESSAGE_ID.search(text)
    if coded:
        return text[coded.start() :].strip(" 。.，,；;") or None
    numbered = _NUMBERED_EXCEPTION.search(text)
    return numbered.group(0).strip() if numbered and exception_type(numbered.group(0)) else None


#: An exception with an error number in brackets (``WindowsError:[Error 6]``, ``OSError: [Errno 28] …``).
_NUMBERED_EXCEPTION = re.compile(r"\b[A-Za-z_][\w.]*(?:Error|Exception)[ \t]*[:：][ \t]*\[(?:Errno|WinError|Error)[ \t]?\d+\].*")


def _names_its_error_plainly(message: str) -> bool:
    """Whether a message is an error as a program prints it: with its type, as a tool's error line, or with its code.
    A heading that names one so is an error note even where nothing under it is labelled (most notes write the fix
    as prose); a statement read from the heading's words alone (``Element is not clickable``) still asks for labels.

    >>> _names_its_error_plainly("Error: Checksum mismatch."), _names_its_error_plainly("ORA-28040: 没有匹配的验证协议")
    (True, True)
    >>> _names_its_error_plainly("Element is not clickable at point")
    False

    A system call's error as the C library words it, after the colon a program puts before it, is one as printed too:

    >>> _names_its_error_plainly("redis-server.service: PID file /run/redis.pid not readable (yet?) after start: No such file or directory")
    True
    """
    return exception_type(message) is not None or error_line(message) is not None or bool(_ERROR_CODE.search(message) or _STRERROR.search(message))


def _error_said_in_heading(text: str, under_errors: bool = False) -> str | None:
    """The error a heading gives after its word for an error and a colon (``igraph报错：At optimal_modularity.c:85 : GLPK
    is not available``): read before any error the paragraph under it names, which is as often a later one the author met
    on the way (``又出现了`cd: GLPK: No such file or directory```).

    >>> _error_said_in_heading("igraph报错：At optimal_modularity.c:85 : GLPK is not available, Unimplemented function call")
    'At optimal_modularity.c:85 : GLPK is not available, Unimplemented function call'
    >>> _error_said_in_heading("GLPK is not available 的解决") is None
    True
    """
    message = _error_as_heading(text, under_errors)
    return message if message and _after_the_word_for_an_error(text, message) else None


def _after_the_word_for_an_error(text: str, message: str) -> bool:
    """Whether a heading gives the message right after its word for an error and a colon (``### install.packages()的时候
    报错：curl: (60) SSL certificate problem``): the author says it is the error as surely as a label would.

    >>> _after_the_word_for_an_error("install.packages()的时候报错：curl: (60) SSL certificate problem", "curl: (60) SSL certificate problem")
    True
    >>> _after_the_word_for_an_error("curl: (60) SSL certificate problem 的解决", "curl: (60) SSL certificate problem")
    False

    Or quoted right after it, as FAQs write their questions (``Q5: gunicorn 报错 "Failed to find attribute 'app'"``):

    >>> _after_the_word_for_an_error("Q5: gunicorn 报错 “Failed to find attribute 'app'”", "Failed to find attribute 'app'")
    True
    """
    at = text.find(message)
    return at > 0 and _WORD_FOR_AN_ERROR_THEN_COLON.search(text, 0, at) is not None


#: The word for an error and a colon, or an opening quote, at the end of what comes before a message.
_WORD_FOR_AN_ERROR_THEN_COLON = re.compile(rf"{_SAYS_AN_ERROR}[ \t]*(?:[：:][ \t]*[\"“「`]?|[\"“「`])$")


#: The C library's words for the commonest system errors (strerror), as programs print them after a colon:
#: ``bind: Cannot assign requested address``, ``open(/run/x.pid): No such file or directory``.
_STRERROR = re.compile(
    r"[:：][ \t]*(?:[0-9]{1,3}[ \t]+)?(?:No such file or directory|Permission denied|Connection refused|Address already in use|Cannot assign requested address|"
    r"Operation not permitted|Connection timed out|No space left on device|Too many open files|Broken pipe|Connection reset by peer|"
    r"Network is unreachable|Cannot allocate memory|Read-only file system|Device or resource busy|No route to host)\b",
    re.IGNORECASE,
)


def _prose_under(lines: list[str]) -> str:
    """The prose of an entry's lines (no code blocks, no headings): what a note says to do where it labels nothing.

    >>> _prose_under(["", "```", "Error: x", "```", "", "删掉缓存文件，再装一次。"])
    '删掉缓存文件，再装一次。'
    >>> _prose_under(["", "```", "Error: x", "```"])
    ''
    """
    prose = [line for _, line in prose_lines("\n".join(lines)) if line.strip() and not _HEADING.match(line)]
    return _tidy(prose) if sum(ch.isalnum() for line in prose for ch in line) >= 4 else ""


def _reference_labels(lines: list[str]) -> frozenset[str]:
    """The labels the page defines as references, lower case (``[vue warn]: https://…``).

    >>> sorted(_reference_labels(["[Vue Warn]: https://vuejs.org", "text [a]: no", "   [b]: /x"]))
    ['b', 'vue warn']
    """
    return frozenset(match[1].lower() for line in lines if "]:" in line and (match := _REFERENCE_LABEL.match(line)))


def _a_whole_exception(message: str) -> bool:
    """Whether a message is an exception with what it says (``ImportError: libGL.so.1: cannot open shared object
    file``): a note headed so (the heading itself, not a block under it) is about that error even where nothing under
    it is labelled; a type alone, or a few words, may be a tutorial's topic.

    >>> _a_whole_exception("ImportError: libGL.so.1: cannot open shared object file"), _a_whole_exception("ValueError: bad"), _a_whole_exception("连接被拒绝 Connection refused")
    (True, False, False)
    """
    return exception_type(message) is not None and len(message.split()) >= 5


def _ids_on_the_page(lines: list[str]) -> Counter[str]:
    """How many times each id a heading's slug could be stands on the page: the slug of every line as a heading of
    any kind would show it (an admonition's, a setext one's, a quote's), and every id an attribute list gives.
    Where a slug is there twice, the table of contents numbers the second (``_1``) or an explicit id holds it.
    A line inside a fenced code block is none of these (a note's error output repeats its heading's words).

    >>> ids = _ids_on_the_page(["## 报错 KeyError a", "## 报错 `KeyError: 'a'`", "## 其他 { #运行-x }", "```", "报错 KeyError a", "```"])
    >>> ids["报错-keyerror-a"], ids["运行-x"]
    (2, 1)
    """
    taken: Counter[str] = Counter()
    for _, line in prose_lines("\n".join(lines)):
        words = line.strip().lstrip(">").strip().strip("#").strip()
        if words:
            taken[heading_slug(words)] += 1
        if "{" in line:
            taken.update(match.group(1) for group in BRACES.finditer(line) if (match := HASH_ID.search(group.group())))
    return taken


#: What the table of contents reads otherwise than its raw text outside code spans: links, entities, HTML, escapes,
#: emoji and footnote references. (An underscore only where it can open or close emphasis; not an asterisk, which
#: the slug drops whether it is emphasis or a sign: ``### **OpenWrt SDK 第一次Make时出错**``, ``package * was installed``.)
#: An emoji's shortcode is a name (``:bug:``); of those made of digits the emoji indexes hold ``:100:`` and ``:1234:`` only, and a
#: place a program prints (``(anon):12:``, ``main.c:3:``) is text: its heading's id is its slug.
_UNCERTAIN_SLUG = re.compile(r"[&<>\\~^|]|:(?![0-9]+:)[\w+-]+:|:(?:100|1234):")
#: Brackets that the Markdown reads as a link or a footnote: ``[pip](…)``, ``[a][b]``, ``[^1]``; ``[Vue warn]:`` is text
#: (unless the page defines that label as a reference: see :func:`_slug_is_certain`).
#: No ``[`` between the brackets: a ``[`` with another before its ``]`` is tried from that one (the same ``]``), and a
#: heading of 40,000 ``[`` took 13 s to read, each one scanning to the line's end (a red-team audit).
_LINKING_BRACKETS = re.compile(r"\[(?:\^|[^\[\]\n]*\][ \t]*[(\[])")
#: Underscores that open emphasis (at a word's start) and that close it (at a word's end): Python-Markdown reads
#: none inside a word (``SSL_read``), nor one that opens with nothing to close it (``importing _ssl``).
_UNDERSCORES_OPENING = re.compile(r"(?<![\w_])_+(?=[^\s_])")
_UNDERSCORES_CLOSING = re.compile(r"(?<=[^\s_])_+(?![\w_])")
#: A reference definition's label (``[vue warn]: https://…``), and any bracketed text, which is a link where the page
#: defines its label.
_REFERENCE_LABEL = re.compile(r" {0,3}\[([^\]\n]+)\]:")
_BRACKET_END = re.compile(r"[\]\n]")
#: An attribute list's brace, read as one even inside a code span by the slug of the raw text.
_BRACE = re.compile(r"[{}]")


def _slug_is_certain(text: str, references: frozenset[str] = frozenset()) -> bool:
    """Whether a heading's id is the slug of its raw text: nothing outside its code spans that the Markdown
    renders otherwise (``[pip](…)``, ``&amp;``, ``__init__``, ``:bug:``, ``[^1]``).

    >>> _slug_is_certain("报 `KeyError: '__init__'`"), _slug_is_certain("调用 __init__ 时 `KeyError`"), _slug_is_certain("用 [pip](https://pip.pypa.io) 装 `x`")
    (True, False, False)
    >>> _slug_is_certain("OpenSSL SSL_read: Connection reset"), _slug_is_certain("DLL load failed while importing _ssl"), _slug_is_certain("import _ssl_ 失败")
    (True, True, False)

    ``references``: the page's reference labels, lower case; ``[Vue warn]`` is a link where the page defines ``[vue warn]:``.

    >>> _slug_is_certain("[Vue warn]: Failed to resolve"), _slug_is_certain("[Vue warn]: x", frozenset({"vue warn"})), _slug_is_certain("见 [^1] 与 [a][b]")
    (True, False, False)
    """
    outside = _TICKED.sub("", text)
    if _UNCERTAIN_SLUG.search(outside) or _BRACE.search(text) or _underscore_emphasis(outside) or _LINKING_BRACKETS.search(outside):
        return False
    return not any(label.lower() in references for label in _bracketed(outside))


def _bracketed(text: str) -> list[str]:
    """The text of each ``[…]`` in ``text`` (on one line), as ``re.findall(r"\\[([^\\]\\n]*)\\]")`` reads it, in linear
    time: that pattern tried each ``[`` of a run that no ``]`` closes to the line's end again (quadratic).

    >>> _bracketed("[a] b [c [d] [e"), _bracketed("[" * 5 + "x")
    (['a', 'c [d'], [])
    """
    labels, at = [], 0
    while (opening := text.find("[", at)) >= 0 and (end := _BRACKET_END.search(text, opening + 1)):
        if end.group() == "]":
            labels.append(text[opening + 1 : end.start()])
        at = end.end()  # every ``[`` before a line break that ends none fails there alike
    return labels


def _underscore_emphasis(text: str) -> bool:
    """Whether underscores in ``text`` make emphasis: one that opens a word before one that closes a word.

    >>> _underscore_emphasis("_a b_ c"), _underscore_emphasis("foo_ bar _baz"), _underscore_emphasis("a _b_c d")
    (True, False, False)
    """
    opening = _UNDERSCORES_OPENING.search(text)
    return opening is not None and _UNDERSCORES_CLOSING.search(text, opening.end()) is not None


_TICKED = re.compile(r"`[^`]*`")


def _without_plain_lists(lines: list[str], starts: list[_Start]) -> list[_Start]:
    """The starts that are entries: not the items of a plain list of code (``- `encodeURI()` `` right under
    ``- `decodeURI()` ``), each one code span with nothing under it and the next item on the very next line,
    as lists of functions and commands in blogs are; an exception stays an entry. An entry has its sections
    under it; one written alone without them is still an entry (the check asks for them).

    >>> items = [_Start(0, "a()", LIST, False), _Start(1, "b()", LIST, False), _Start(3, "KeyError: x", LIST, False)]
    >>> [s.message for s in _without_plain_lists(["- `a()`", "- `b()`", "", "- `KeyError: x`", "", "  - 解决：y"], items)]
    ['KeyError: x']
    """
    bare = []
    for n, (start, _, kind, *_) in enumerate(starts):
        end = _entry_end(lines, start, kind, starts[n + 1][0] if n + 1 < len(starts) else len(lines)) if kind == LIST else start
        nothing_under = kind == LIST and not any(line.strip() for line in lines[start + 1 : end])
        bare.append(nothing_under)
    plain = set()
    for n, (start, *_) in enumerate(starts):
        if bare[n] and n + 1 < len(starts) and bare[n + 1] and starts[n + 1][0] == start + 1:
            plain.update((n, n + 1))
    # An exception (`KeyError: 'a'` right under `KeyError: 'b'`) is an entry however it is written: the
    # check then asks for its sections.
    return [start for n, start in enumerate(starts) if n not in plain or exception_type(start.message) is not None]


#: The kinds of entry start that are not headings (a heading's kind is its hashes: ``##``, its level).
LIST, BOLD, ONE_LINE, ITEM, SHOWN = "list", "bold", "line", "item", "shown"


class _Start(NamedTuple):
    """A place an entry may start (:func:`_entry_starts`)."""

    line: int
    message: str
    kind: str  # LIST, BOLD, ONE_LINE, ITEM, SHOWN, or a heading's hashes
    in_place: bool  # the page keeps the text as written, and the entry's id goes on it
    fix_after: bool = False  # a bold label that says the fix follows it (``**报错：… 解决：**``)
    bold_heading: bool = False  # a bold line standing as a heading would (``**Execution failed for task …**``)
    block_end: int = 0  # SHOWN: the line that closes the block
    label_end: int = 0  # SHOWN: the line the id line goes after, its label's paragraph's last


def _entry_starts(lines: list[str]) -> list[_Start]:
    """Each place an entry may start (:class:`_Start`): a list item
    or a heading that is one code span; or, in place, a heading that names an error in a code span among
    other words (``### pip 安装 `403 Forbidden` ``), or whose first line under it is one such span."""
    starts = []
    above: list[tuple[int, str]] = []  # the headings this line stands under: (level, text)
    opens = _opens_a_block(lines)
    last_text = -1  # the last line that holds text, before this one
    roles = line_roles("\n".join(lines))
    fix_since_start = True  # since the last start, the note said what to do (or there is none): a block may start one
    for i, role in enumerate(roles):
        previous_text, last_text = last_text, (i if lines[i].strip() else last_text)
        if role == FENCED and fix_since_start and (i == 0 or roles[i - 1] != FENCED) and (shown := _error_block_then_fix(lines, i, roles)):
            starts.append(_Start(i, shown[0], SHOWN, True, block_end=shown[1], label_end=shown[2]))
            fix_since_start = False
            continue
        if role in (FENCED, HTML):
            continue  # code, or a raw HTML block or comment: the page shows it as written, and no id line or card works there
        # What to do said, or a heading that no start is (a section of its own): a block after it may start an entry.
        fix_since_start = fix_since_start or bool(_HEADING.match(lines[i])) or _says_what_to_do(lines[i])
        line = lines[i]
        marker = _LIST_MARKER.match(line)
        message = code_span_text(line[marker.end() :]) if marker else None
        if message is not None:
            starts.append(_Start(i, message.strip(), LIST, False))
            continue
        if line.startswith("**") and (bold := _bold_error(lines, i)):
            starts.append(_Start(i, bold[0], BOLD, True, fix_after=bold[1]))
            continue
        # Where the line opens a block of its own (an id line after it reaches that block), not in indented code.
        if role != CODE and opens[i] and (pair := _error_and_fix_on_one_line(lines, i)) is not None:
            starts.append(_Start(i, pair[0], ONE_LINE, True))
            continue
        # Not the first line under a heading that names an error: that is the heading's own (its log or a note's echo of it).
        under_its_heading = bool(starts) and starts[-1].kind.startswith("#") and starts[-1].line == previous_text
        if role != CODE and opens[i] and not under_its_heading and (printed := _error_item(line) or _error_on_the_item_s_next_line(lines, i)) is not None:
            starts.append(_Start(i, printed, ITEM, True))
            continue
        if line.startswith("**") and (text := _bold_heading(lines, i)):
            # Read as a heading's words are; the section it stands in is the last real heading's.
            under_errors = bool(above) and names_an_error(above[-1][1])
            if message := _error_in_words(text, under_errors):
                starts.append(_Start(i, message, BOLD, True, bold_heading=True))
            continue
        marker = _HEADING_MARKER.match(line) or _TITLE_MARKER.match(line)
        if marker:
            level = len(marker.group("hashes"))
            while above and above[-1][0] >= level:
                above.pop()
            # ``## 3.错误解决``, then ``### 3.7 max virtual memory areas … too low``: the section says these are errors
            under_errors = bool(above) and names_an_error(above[-1][1])
            rest = heading_text(line) or ""  # without a closing sequence (``### 3.1 unable to install syscall filter ###``)
            above.append((level, rest))
            message = code_span_text(_without_attribute_list(rest))
            if message is None and rest != _without_attribute_list(rest):
                message = code_span_text(rest)
            if message is not None and marker.re is _HEADING_MARKER:
                starts.append(_Start(i, message.strip(), marker.group("hashes"), False))
            elif message is None and rest == _without_attribute_list(rest) and not section_key(rest) and (
                message := _error_in_heading(words := _without_wrapping_emphasis(rest))
                or _error_said_in_heading(words, under_errors)
                or _error_under_heading(lines, i, words)
                or _error_under_a_numbered_problem(lines, i, words, roles)
                or _error_as_heading(words, under_errors)
                or _coded_error_in_heading(words)
                or _error_in_code_under_heading(lines, i, words, roles=roles)
            ):
                starts.append(_Start(i, message, marker.group("hashes"), True))
        if starts and starts[-1].line == i:
            fix_since_start = False
    return starts


def _says_what_to_do(line: str) -> bool:
    """Whether a line labels a cause or a fix (``解决办法 :``, ``- **原因**：…``, ``### 解决``).

    >>> _says_what_to_do("解决办法 :"), _says_what_to_do("### 解决"), _says_what_to_do("运行后报错：")
    (True, True, False)
    """
    found = _inline_label(line) or _paragraph_label(line) or _label_alone(line)
    key = found[0] if found else section_key(heading_text(line) or "") if _HEADING.match(line) else None
    return key in ("analysis", "solution")


def _error_block_then_fix(lines: list[str], at: int, roles: list[str]) -> tuple[str, int, int] | None:
    """The error a fenced block at the margin shows, where the line after it labels a cause or a fix in a paragraph of
    its own (``解决办法 :``): a note of errors written as block, label, fix, block, label, fix, with no headings. A
    thrown exception only, the line closing the block and the line the id line goes after (:func:`_id_line_after`).

    >>> note = ["```", "ERROR tool.ImportTool: Import failed: java.io.IOException: Generating splits", "```", "", "解决办法 :", "加参数"]
    >>> _error_block_then_fix(note, 0, line_roles("\\n".join(note)))
    ('java.io.IOException: Generating splits', 2, 5)
    >>> tutorial, listed = ["```", "pip install x", "```", "解决办法：", "重装"], ["```", "KeyError: 'a b'", "```", "- 解决：重装"]
    >>> _error_block_then_fix(tutorial, 0, line_roles("\\n".join(tutorial))), _error_block_then_fix(listed, 0, line_roles("\\n".join(listed)))
    (None, None)
    """
    if not FENCE.match(lines[at]) or lines[at][0] in " \t":
        return None
    end = next((k for k in range(at + 1, len(lines)) if roles[k] != FENCED), len(lines)) - 1  # the closing fence
    after = next((k for k in range(end + 1, len(lines)) if lines[k].strip()), None) if end > at else None
    if after is None or lines[after][0] in " \t-*+>#|" or not _says_what_to_do(lines[after]):
        return None
    # The label's paragraph takes the id: none where no id line reaches it (a definition under it, raw HTML in it).
    if (label_end := _id_line_after(lines, after, roles)) is None:
        return None
    message = _first_error_line(lines[at + 1 : end])
    # A thrown exception only: a tool's line in a block under any heading is as often what followed the error (git's
    # ``fatal: Could not read from remote repository.``) or an example of one.
    return (message, end, label_end) if message and exception_type(message) and not _follows_the_error(message) and len(message.split()) >= 2 else None


def _without_wrapping_emphasis(text: str) -> str:
    """A heading's words without the emphasis around all of them (``### *Error: permission denied*``, ``### **OpenWrt
    SDK 第一次Make时出错**``): the page shows the words alone.

    >>> _without_wrapping_emphasis("*Error: permission denied*"), _without_wrapping_emphasis("**a** and **b**"), _without_wrapping_emphasis("a * b")
    ('Error: permission denied', '**a** and **b**', 'a * b')
    """
    match = _WRAPPED_IN_EMPHASIS.fullmatch(text)
    return match["words"] if match else text


_WRAPPED_IN_EMPHASIS = re.compile(r"(?P<marks>\*{1,3}|_{1,3})(?P<words>[^*_\s](?:[^*_]*[^*_\s])?)(?P=marks)")


#: A paragraph that is all bold and labels the error it names: ``**报错：WslRegisterDistribution failed with error:
#: 0x800706ba 解决：**`` (what follows it is the fix, up to the next heading or rule).
#: The labels a note writes an error after (``**报错：…**``, ``错误: …，解决方法: …``).
_ERROR_LABEL = "(?:报错|错误|异常|报错信息|错误信息|error)"
_BOLD_ERROR = re.compile(rf"\*\*[ \t]*{_ERROR_LABEL}[ \t]*[：:](?P<rest>[^*]*)\*\*[ \t]*[：:]?", re.IGNORECASE)
#: What may end the label: a word saying the fix follows (``解决：``). Taken off by hand, not by the pattern: a lazy message
#: before three optional runs of blanks took time growing with the fourth power of a run (1,000 spaces in a 1 KB
#: essay: a check of 2 minutes; a red-team audit).
_FIX_WORDS = ("解决方法", "解决办法", "解决方案", "解决")
#: The longest bold paragraph read as an error's label (its lines): longer ones are prose.
_BOLD_LINES = 6
#: Lines that end a paragraph before them without a blank line: a fence, a heading, a rule or a setext underline, a quote.
#: A bold label across one (``**报错：…``, a fence, ``解决：**``) is no paragraph; its id would land in the code, the
#: index's link nowhere (a red-team audit).
_INTERRUPTS_A_PARAGRAPH = re.compile(r"[ \t]*(?:`{3,}|~{3,})| {0,3}(?:#{1,6}(?:[ \t]|$)|>|(?:=+|-+|(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})[ \t]*$)")


def _bold_error(lines: list[str], at: int) -> tuple[str, bool] | None:
    """The error a paragraph starting at ``at`` names, where the paragraph is all bold and starts with an error label
    (``**报错：…**``): its message, lines joined, where it names an error or states one in English (four words), and
    whether the paragraph ends by saying the fix follows (``解决：``).

    >>> _bold_error(["**报错：WslRegisterDistribution failed with error: 0x800706ba 解决：**", ""], 0)
    ('WslRegisterDistribution failed with error: 0x800706ba', True)
    >>> _bold_error(["**报错：Could not write value to key", "HKLM/SOFTWARE/WSL. Verify that you have access：**"], 0)
    ('Could not write value to key HKLM/SOFTWARE/WSL. Verify that you have access', False)
    >>> _bold_error(["**报错：先看日志**", ""], 0), _bold_error(["**注意：this is not an error**"], 0)
    (None, None)
    """
    if at and lines[at - 1].strip() and not _HEADING.match(lines[at - 1]):
        return None  # not a paragraph's first line
    end = _paragraph_end(lines, at, at + _BOLD_LINES)
    if end is None or any(_INTERRUPTS_A_PARAGRAPH.match(line) for line in lines[at + 1 : end + 1]):
        return None  # a fence, a heading, a rule or a quote would end the paragraph there: not one paragraph
    match = _BOLD_ERROR.fullmatch(" ".join(line.strip() for line in lines[at : end + 1]))
    if not match:
        return None
    message, fix = _without_colon(_without_colon(match["rest"])), False
    for word in _FIX_WORDS:
        if message.endswith(word):
            message, fix = message[: -len(word)], True
            break
    message = message.strip(" ：:，,。")
    statement = " ".join(_NOT_THE_MESSAGE.sub(" ", message).split())
    if message and (names_an_error(message) or len(statement.split()) >= 4 and _STATEMENT.search(statement)):
        return message, fix
    return None


#: A line that is all bold: ``**Execution failed for task ':app:compileDebugJavaWithJavac'**``.
_ALL_BOLD = re.compile(r"\*\*(?P<text>[^*]+?)\*\*[ \t]*")
#: As long as a heading may be (``MAX_HEADING_CHARS`` in :mod:`errata.checks`): a heading's words are read with patterns
#: that are not all linear in them (80 KB of ``a.`` in one bold line: a check of 13.7 s, and it passed).
_MAX_BOLD_HEADING_CHARS = 1000


#: A line that names an error and its fix, each after its label: ``> * 1.错误: make: Command not found，解决方法: apt install
#: make``. Quote markers, a list marker, a number and stray asterisks may come before the error's label.
#: Its runs of blanks are possessive and none stands right before the lazy message's end: a run the message could share
#: with one beside it was split every way at each of its ends (``错误`` then 500 spaces then 490 letters: 190 ms a line,
#: a 100 KB essay 19 s; a red-team audit). The message keeps the blanks before its separator; they are stripped.
_ONE_LINE_ENTRY = re.compile(
    rf"(?P<lead>{QUOTE_MARKERS.pattern})[ \t]*+(?:[-*+][ \t]++)?(?:\d{{1,3}}[.、)][ \t]*+)?(?:\*{{1,2}}[ \t]*+)?"
    rf"{_ERROR_LABEL}(?:[ \t]*+[：:][ \t]*+|[ \t]++)(?P<message>[^\n]+?)[，,；;。][ \t]*+"
    r"(?:解决方法|解决办法|解决方案|解决|处理方法|fix|solution)[ \t]*+[：:][ \t]*+(?P<fix>[^\n]*\S)[ \t]*",
    re.IGNORECASE,
)
#: A list item (a task's too, ``- [x]``) that gives an error in code, then its fix after a comma: what comes before the
#: code is at most a name and the word for an error (:data:`_SAYS_IT_IS_THE_ERROR`).
_ITEM_ERROR_THEN_FIX = re.compile(
    r"[ \t]{0,3}[-*+][ \t]++(?:\[[ xX]\][ \t]++)?(?P<before>[^`\n]{0,40}+)`(?P<message>[^`\n]{4,300}+)`[ \t]*+[，,；;][ \t]*+(?P<fix>[^\n]*\S)[ \t]*"
)
#: What may stand before such an item's error: nothing, or a name and the word for an error (``Sequelize 报错``).
_SAYS_IT_IS_THE_ERROR = re.compile(rf"^(?:[^\n]{{0,30}}{_SAYS_AN_ERROR}[ \t]*[：:]?[ \t]*)?$")
#: The longest line read as an error and its fix: longer ones are prose (and the pattern's lazy message stays linear).
_MAX_ONE_LINE_CHARS = 1000


#: A top-level list item, ordered or not, and its words, as Python-Markdown reads one (``1)`` starts no list there).
_TOP_LEVEL_ITEM = re.compile(r"[ ]{0,3}(?:[-*+]|\d{1,9}\.)[ \t]++(?P<words>\S.*)")


def _error_item(line: str) -> str | None:
    """The error a top-level list item names in its words (``3. error: Job submit/allocate failed: Invalid partition
    name specified``, ``2. **debug时提示/bin/sh: 1: lesscpy: not found**``), as a heading's words are read: with a label
    under it that says what to do, or what caused it, the item is an entry the page keeps (an item that is one code
    span is read as Errata's own cards are).

    >>> _error_item("3. error: Job submit/allocate failed: Invalid partition name specified"), _error_item("6. batch job submission failed: Requested node configuration is not available")
    ('error: Job submit/allocate failed: Invalid partition name specified', 'batch job submission failed: Requested node configuration is not available')
    >>> _error_item("1. 安装依赖，再编译。"), _error_item("- `KeyError: 'a'`"), _error_item("5. (QOSMaxWallDurationPerJobLimit)")
    (None, None, None)
    """
    if len(line) > _MAX_ONE_LINE_CHARS or not (match := _TOP_LEVEL_ITEM.fullmatch(line)):
        return None
    words = _without_wrapping_emphasis(match["words"].strip())
    if "`" in words:
        return None
    return error_line(words) or _error_as_heading(words) or _coded_error_in_heading(words)


def _label_items_after(lines: list[str], at: int, stop: int) -> int:
    """Where the run of list items that each open with a section's label (``- 解决：``, ``* **原因**：``) starting at line
    ``at`` ends (blank lines between them too), before ``stop``; ``at`` where none does.

    >>> _label_items_after(["- 报错：x y z", "- 原因：版本不对", "", "- 解决：升级", "- 下一步：部署"], 1, 5), _label_items_after(["- 报错：x", "- 下一步"], 1, 2)
    (4, 1)
    """
    end, k = at, at
    while k < stop:
        if not lines[k].strip():
            k += 1
            continue
        if _inline_label(lines[k]) is None:
            break
        k = end = k + 1
    return end


def _error_on_the_item_s_next_line(lines: list[str], at: int) -> str | None:
    """The error a top-level list item says follows (``2. 运行 data visualizer 报错：``), where the item's next line, in
    its paragraph, is an exception's or a tool's error line as printed: the item is read as if it named it.

    >>> _error_on_the_item_s_next_line(["2. 运行 gazebo 报错：", "    FileNotFoundError: [Errno 2] No such file or directory: 'gz'", "    解决方法：安装 gazebo"], 0)
    "FileNotFoundError: [Errno 2] No such file or directory: 'gz'"
    >>> _error_on_the_item_s_next_line(["2. 运行 gazebo 报错：", "3. FileNotFoundError: x y"], 0), _error_on_the_item_s_next_line(["2. 安装步骤：", "    pip install x"], 0)
    (None, None)

    Its next paragraph too, indented under it after a blank line:

    >>> _error_on_the_item_s_next_line(["* 问题1：启动`Broker`时报错：", "", "    Error: Could not create the Java Virtual Machine."], 0)
    'Error: Could not create the Java Virtual Machine.'
    """
    if at + 1 >= len(lines) or len(lines[at]) > _MAX_ONE_LINE_CHARS or not (match := _TOP_LEVEL_ITEM.fullmatch(lines[at])):
        return None
    following = lines[at + 1]
    if not following.strip() and at + 2 < len(lines) and lines[at + 2].startswith("  ") and lines[at + 2].strip():
        # A blank line, then the error indented under the item, its next paragraph (``* 问题1：启动Broker时报错：``, then
        # ``    Error: VM option 'UseG1GC' is experimental …``; lookup round 18, a RocketMQ install note).
        following = lines[at + 2]
    bullet = bool((marker := _ITEM_MARKER.match(lines[at])) and marker.group(1))
    if not following.strip() or len(following) > _MAX_ONE_LINE_CHARS or _ends_item_text(following, bullet) or FENCE.match(following) or _HEADING.match(following):
        return None
    if not _SAYS_THE_ERROR_FOLLOWS.match(_without_wrapping_emphasis(match["words"].strip())):
        return None
    message = error_line(following.strip())
    return message if message and len(message.split()) >= 2 else None


def _item_text_end(lines: list[str], at: int, stop: int) -> int:
    """The last line of the text of the list item at ``at``: before a blank line, another item (a tight list's next
    one, or one nested in it), a fence or a heading.

    >>> _item_text_end(["- 错误 1：a", "  - 原因：b", "- 错误 2：c"], 0, 3), _item_text_end(["1. error: x", "   y", "", "   原因：z"], 0, 4)
    (0, 1)

    An item of the other kind less than four columns in goes on the text, as Python-Markdown reads it (``sane_lists``: a
    ``-`` does not go on a numbered list, and a list inside an item is four columns in): the id line after the item's
    first line was shown as text there, and the index's link led nowhere (red team round 31).

    >>> _item_text_end(["3. error: x", "  - 原因：b", "  - 解决：c", "", "4. d"], 0, 5), _item_text_end(["3. error: x", "    - 原因：b"], 0, 2)
    (2, 0)
    """
    bullet = bool((marker := _ITEM_MARKER.match(lines[at])) and marker.group(1))
    end = at
    while end + 1 < stop and lines[end + 1].strip() and not (_ends_item_text(lines[end + 1], bullet) or FENCE.match(lines[end + 1]) or _HEADING.match(lines[end + 1])):
        end += 1
    return end


def _ends_item_text(line: str, bullet: bool) -> bool:
    """Whether ``line`` starts a list item that ends the text of a top-level item before it (a bullet's, where
    ``bullet``, else a number's): one of its own kind, a list four columns in (inside the item), or one in a quote.

    >>> _ends_item_text("  - b", True), _ends_item_text("  - b", False), _ends_item_text("    - b", False), _ends_item_text("4. b", False)
    (True, False, True, True)
    """
    if not ITEM_LINE.match(line):
        return False
    if QUOTE_MARKERS.match(line).end():
        return True
    marker = _ITEM_MARKER.match(line)
    indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
    return indent >= 4 or marker is not None and bool(marker.group(1)) == bullet


def _error_and_fix_on_one_line(lines: list[str], at: int) -> tuple[str, str] | None:
    """The error and the fix a line names, each after its label, where the line stands alone: a list item the next
    line does not go on (a blank line, another item), or a paragraph of its own; there the page can give it an id.

    >>> _error_and_fix_on_one_line(["> * 1.错误: Makefile:8: /make/project.mk: 没有那个文件或目录，解决方法: 去掉多的一层目录", "> * 2.错误 x"], 0)
    ('Makefile:8: /make/project.mk: 没有那个文件或目录', '去掉多的一层目录')
    >>> _error_and_fix_on_one_line(["6.错误 gperf: not found，解决方法: apt install gperf", "7.错误 …"], 0) is None  # one paragraph with the next line
    True
    >>> _error_and_fix_on_one_line(["错误的做法：先装 A，解决：先装 B"], 0) is None  # the label is a word of a sentence
    True

    An item that gives the error in code, then what fixed it after a comma, unlabelled (a task list of bugs; lookup round
    17), where nothing but the word for an error stands before the code:

    >>> _error_and_fix_on_one_line(["- [x] Sequelize 报错 `Cannot read property 'hooks' of undefined`，关闭 `User.sync()`"], 0)
    ("Cannot read property 'hooks' of undefined", '关闭 `User.sync()`')
    >>> _error_and_fix_on_one_line(["- 运行 `npm install`，等它装完"], 0) is None
    True
    """
    line = lines[at]
    if len(line) > _MAX_ONE_LINE_CHARS:
        return None
    if not (match := _ONE_LINE_ENTRY.fullmatch(line) or _ITEM_ERROR_THEN_FIX.fullmatch(line)):
        return None
    if match.re is _ITEM_ERROR_THEN_FIX and not (names_an_error(match["message"]) and _SAYS_IT_IS_THE_ERROR.search(match["before"])):
        return None
    after = lines[at + 1] if at + 1 < len(lines) else ""
    alone = not after.strip() or _next_item_of_one_list(line, after)
    if alone and not after.strip():
        # A definition after the blank lines (``:   …``) makes each line of the paragraph before it a term, the id line too.
        k = at + 1
        while k < len(lines) and not lines[k].strip():
            k += 1  # blank lines are no other line's to look past: linear
        alone = k == len(lines) or not _DEFINITION.match(lines[k])
    message = match["message"].strip(" \t*`")
    if not alone or sum(ch.isalnum() for ch in message) < 4:
        return None
    return message, match["fix"].strip(" \t*")


#: A list item's marker, after the quote markers, as Python-Markdown reads one; its kind is a bullet's or a number's.
_ITEM_MARKER = re.compile(r"[ \t]*(?:([-*+])|\d{1,9}\.)[ \t]")


def _next_item_of_one_list(line: str, after: str) -> bool:
    """Whether ``after`` is the next item of the list ``line`` is an item of: in as many quotes, as far in, of the same
    kind. Another kind (``1.`` after ``-``) or a line out of the quote is read into the item as a lazy line, and an id
    line between them is shown as text.

    >>> _next_item_of_one_list("> - a", "> - b"), _next_item_of_one_list("- a", "1. b"), _next_item_of_one_list("> > - a", "- b")
    (True, False, False)
    """
    items = []
    for text in (line, after):
        quote = QUOTE_MARKERS.match(text)
        inside = text[quote.end() :]
        item = _ITEM_MARKER.match(inside)
        if item is None:
            return False
        items.append((quote.group().count(">"), len(inside) - len(inside.lstrip(" \t")), bool(item.group(1))))
    return items[0] == items[1]


def _opens_a_block(lines: list[str]) -> list[bool]:
    """For each line, whether Python-Markdown starts a block there that an id line right after the line reaches: the
    first line after a blank one (in its quote), a heading, a rule or the text's start, or deeper in quotes than the
    line before; or the next item of a list whose every line so far is an item of its kind (a bullet's, a number's).
    Not a line inside a paragraph (``前面的话`` then ``- 错误: …``, one paragraph to Python-Markdown), a table or a
    list item's lazy lines, nor one after a line that opens a container or a definition (``!!! note``, ``[^1]:``, which
    Python-Markdown finds anywhere in a block), nor a block four columns in (a container's, or code), nor a text's
    first block after a first line of blanks: an id line there is shown as text. One pass.

    >>> _opens_a_block(["前面的话", "- a", "", "- b", "- c", "1. d", "- e", "", "!!! note", "    f", "> g", "> > h"])
    [True, False, False, True, True, False, False, False, True, False, True, True]
    >>> _opens_a_block(["    i", "", "- j", "    - k", "***", "    - l", "## m", "- n"]), _opens_a_block(["  ", "- o"])
    ([False, False, True, True, False, False, False, True], [False, False])
    """
    out: list[bool] = []
    opened: tuple[bool, int] | str | None = None  # the list the lines so far are items of ('' for none); None: a block starts
    depth = 0
    lazy = False  # a line of this run stood in fewer quotes than the one before: what follows is read in its quote
    for number, line in enumerate(lines):
        quote = QUOTE_MARKERS.match(line)
        inside, level = line[quote.end() :], quote.group().count(">")
        if not inside.strip(" \t"):
            out.append(False)
            # Python-Markdown makes a line of blanks empty only after a line break: the text's first is a paragraph's.
            opened, depth, lazy = (None if number or not line else ""), level, False
            continue
        if heading_text(inside) is not None or _BLOCK_BOUNDARY.match(inside):  # Python-Markdown's heading is at the margin
            out.append(False)
            opened, depth, lazy = None, level, False  # a heading, a rule or a setext underline is a block of its own line
            continue
        item = _ITEM_MARKER.match(inside)
        kind = None if item is None else (bool(item.group(1)), level)
        # After a blank line in a quote, a line in fewer quotes goes on the quote's paragraph (a lazy line).
        if (opened is None and level >= depth) or (level > depth and not lazy):
            opens = len(inside.expandtabs(4)) - len(inside.expandtabs(4).lstrip(" ")) < 4
            out.append(opens)
            opened = (kind or "") if opens else ""
        else:
            lazy = lazy or level < depth
            out.append(kind is not None and kind == opened)
            if kind is None or kind != opened:
                opened = ""  # no list of one-line items any more
        depth = level
    return out


#: A definition's line, as Python-Markdown's def_list reads one.
_DEFINITION = re.compile(r" {0,3}:[ \t]")
#: A thematic break or a setext heading's underline: the block ends with it.
_BLOCK_BOUNDARY = re.compile(rf"{_RULE}$| {{0,3}}=+[ \t]*$")


def _bold_heading(lines: list[str], at: int) -> str | None:
    """The text of a bold line that stands as a heading would: a paragraph of its own (a blank line, a heading or
    the text's start before it; a blank line, a heading or the end after it), all bold. Notes write their errors so
    where they keep headings for the page's parts. A list or a fence right under it is still the same paragraph to
    the site's Markdown (Python-Markdown is not CommonMark there), where the entry's id line would show as text.

    >>> _bold_heading(["", "**Execution failed for task ':app:compileDebugJavaWithJavac'**", ""], 1)
    "Execution failed for task ':app:compileDebugJavaWithJavac'"
    >>> _bold_heading(["前面一句", "**不是标题**", ""], 1), _bold_heading(["**加粗**的开头", ""], 0), _bold_heading(["**a b**", "1. 列表"], 0)
    (None, None, None)
    """
    if len(lines[at]) > _MAX_BOLD_HEADING_CHARS:
        return None  # no heading is so long (the check refuses one): a page-long bold line is none
    if at and lines[at - 1].strip(" \t") and not _HEADING.match(lines[at - 1]):
        return None
    following = lines[at + 1] if at + 1 < len(lines) else ""
    if following.strip(" \t") and not _HEADING.match(following):
        return None  # blank as Python-Markdown reads it: a no-break space is text, and the paragraph goes on
    match = _ALL_BOLD.fullmatch(lines[at])
    return match["text"].strip() if match else None


def _paragraph_end(lines: list[str], at: int, stop: int) -> int | None:
    """The last line of the paragraph that starts at ``at`` (the line before a blank one, or the text's last), if it
    ends before ``stop``.

    >>> _paragraph_end(["a", "b", "", "c"], 0, 4), _paragraph_end(["a", "b", "c"], 0, 2)
    (1, None)
    """
    return next((k for k in range(at, min(len(lines), stop)) if k + 1 == len(lines) or not lines[k + 1].strip()), None)


def _without_colon(text: str) -> str:
    """``text`` without the blanks that end it, and one colon before them.

    >>> _without_colon("x 解决： "), _without_colon("x")
    ('x 解决', 'x')
    """
    text = text.rstrip(" \t")
    return text[:-1].rstrip(" \t") if text.endswith(("：", ":")) else text


def _error_in_heading(text: str) -> str | None:
    """The first code span of a heading's text that names an error in words: a message, not a name alone (a
    tutorial's ``## 为什么不要捕获 `Exception` ``, ``## 自定义 `MyError` 异常类``).

    >>> _error_in_heading("apt update 报 `404 Not Found`"), _error_in_heading("安装 `numpy`"), _error_in_heading("自定义 `MyError` 异常类")
    ('404 Not Found', None, None)
    """
    return next((span for span in code_spans(text) if len(span.split()) >= 2 and names_an_error(span)), None)


#: What a plain heading's error is read without: Chinese words around it, a number before it (``1.``, ``三``).
_NOT_THE_MESSAGE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")
_CHINESE_BETWEEN = re.compile(f"({_NOT_THE_MESSAGE.pattern})")
#: Chinese that ends by saying an error happened, so that the English after it is the error (``rsync 报错：unlink(…) failed``).
_ENDS_SAYING_AN_ERROR = re.compile(f"{_SAYS_AN_ERROR}[\u3000-\u303f\uff00-\uffef]*$")
_NUMBERING = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}[.、)]?|\(\d{1,3}\))\s*")
#: Quotes a heading puts around the error it names (``1.1 "Permission denied" 错误``).
_QUOTES = {'"': '"', "'": "'", "“": "”", "「": "」"}


def _error_as_heading(text: str, under_errors: bool = False) -> str | None:
    """The error a plain heading names in English (``## undefined reference to XXX``, ``### 1.Back-off
    restarting failed container``, ``## Connection refused 问题``): its words outside the Chinese ones and
    a leading number, where those name an error; no code span, so the heading's words are all there is.

    >>> _error_as_heading("1.Back-off restarting failed container"), _error_as_heading("DSO missing from command line 问题")
    ('Back-off restarting failed container', 'DSO missing from command line')
    >>> _error_as_heading("安装报错"), _error_as_heading("Exception 类的继承"), _error_as_heading("Error handling")
    (None, None, None)
    >>> _error_as_heading("Github 推送时提示：ssh: connect to host github.com port 22"), _error_as_heading("`KeyError` 的原因")
    (None, None)
    >>> _error_as_heading("安装babel包，Error: Cannot find module '@babel/core' 问题"), _error_as_heading("Spring Boot 启动 Error handling")
    ("Error: Cannot find module '@babel/core'", None)
    >>> _error_as_heading('问题1: "Gradle sync failed"'), _error_as_heading('1.1 "Permission denied" 错误')   # quoted: two words are enough
    ('Gradle sync failed', 'Permission denied')
    >>> _error_as_heading("selenium报错Element is not clickable at point及解决方法"), _error_as_heading("Docker Desktop for Windows 报错")
    ('Element is not clickable at point', None)

    One quoted word is enough where it is an error's name as a program prints it, with underscores (lookup round 16):

    >>> _error_as_heading('kibana 报错"search_phase_execution_exception"'), _error_as_heading('报错 "KeyError"')
    ('search_phase_execution_exception', None)

    A command in code before it leaves the quoted error the heading's (lookup round 17):

    >>> _error_as_heading('Q: `pnpm install` 报错 "Unsupported engine"'), _error_as_heading("`pip` 的用法")
    ('Unsupported engine', None)

    Three words at least, in one stretch: a tutorial's heading names a class or a topic (``Exception 类的继承``,
    ``Error handling``), and English on both sides of Chinese is no one message. Where the Chinese says an error
    happened (``报错``, ``异常``), or the heading stands in a section whose heading does (``## 常见错误``), four words
    that make a statement (``is``, ``not``, ``can``, ``too``) are its message even if they name no error themselves; a
    product's name (``Docker Desktop for Windows``) makes none.

    >>> _error_as_heading("3.7 max virtual memory areas vm.max_map_count [65530] likely too low", under_errors=True)
    'max virtual memory areas vm.max_map_count [65530] likely too low'

    Where English stands on both sides of the word for an error, what follows that word is the error; what came
    before, the command that failed (``import paddle``):

    >>> _error_as_heading("问题： import paddle 报错, dlopen: cannot load any more object with static TLS, 如何解决？")
    'dlopen: cannot load any more object with static TLS'
    """
    if "`" in text:
        # A command in code, then the error quoted after the word for one (``Q: `pnpm install` 报错 "Unsupported engine"``).
        quoted = _QUOTED_AFTER_THE_WORD_FOR_AN_ERROR.search(mask_code_spans(text))
        return quoted["message"].strip() if quoted and len(quoted["message"].split()) >= 2 else None
    parts, english = _english_between_chinese(text)
    after_error_word = [english[k] for k in range(1, len(english)) if _ENDS_SAYING_AN_ERROR.search(parts[2 * k - 1])]
    # English the Chinese introduces with the word for an error and a colon (``…时报错：Connection error.``).
    introduced = {english[k] for k in range(1, len(english)) if _WORD_FOR_AN_ERROR_THEN_COLON.search(parts[2 * k - 1])}
    stretches = [part for part in english if part and not part.isdigit()]
    for part in after_error_word:
        # An error's name as a program prints it, quoted right after the word for an error (``kibana
        # 报错"search_phase_execution_exception"``): one word is enough where it has underscores, as no name of a topic does.
        name = part.strip(" :：,，.。")
        if len(name) > 2 and _QUOTES.get(name[0]) == name[-1] and "_" in (word := name[1:-1].strip()) and " " not in word and names_an_error(word):
            return word
    # Beside the error, a name alone may stand in the Chinese (``安装babel包，Error: Cannot find module …``).
    long = [part for part in stretches if len(part.split()) > 1]
    chinese_says_so = under_errors or _chinese_says_an_error(text)
    if len(long) > 1 and chinese_says_so:
        # ``import paddle 报错, dlopen: cannot load …``: the command came first, the error right after the word for it.
        # Not where what came before is the error and what follows only says what failed with it (``TypeError: x is not
        # a function 报错 in React useEffect hook is not working``).
        following = [part for part in after_error_word if len(part.split()) > 1]
        if len(following) == 1 and (names_an_error(following[0]) or not any(names_an_error(part) for part in long if part != following[0])):
            long = following
    if len(long) != 1 or len(stretches) > 1 and not (names_an_error(long[0]) or chinese_says_so):
        return None
    message = _NUMBERING.sub("", " ".join(long[0].split())).strip(" :：,，.。")
    quoted = len(message) > 2 and _QUOTES.get(message[0]) == message[-1]
    message = message[1:-1].strip() if quoted else message
    words = message.split()
    # Two words are enough where they are quoted, or where ``报错：`` introduces them and they name an error
    # themselves (``使用ollama本地服务时报错：Connection error.``): the colon says what follows is the message.
    two_will_do = quoted or long[0] in introduced and names_an_error(message)
    if len(words) < (2 if two_will_do else 3) or words[0].lower() in _TOPIC_WORDS:
        return None  # a name or a topic; a tutorial's heading about errors (``How to fix TypeError quickly``)
    if names_an_error(message):
        return message
    return message if chinese_says_so and len(words) >= 4 and _STATEMENT.search(message) else None


#: The word for an error, then a message in quotes (its first, where a heading quotes two). Possessive: the blanks before
#: and after an optional colon were split every way, and a heading of 100,000 blanks after 报错 took 43 s (found on review).
_QUOTED_AFTER_THE_WORD_FOR_AN_ERROR = re.compile(rf'{_SAYS_AN_ERROR}[ \t]*+(?:[：:][ \t]*+)?["“「](?P<message>[^"“”「」\n]{{3,300}})["”」]')


#: Words that make English words a statement (an error's message), not a name: ``Element is not clickable``.
_STATEMENT = re.compile(r"\b(?:is|are|was|were|not|no|cannot|can|can't|could|couldn't|does|doesn't|did|didn't|be|been|has|have|had|too)\b", re.IGNORECASE)


#: First words of a heading about errors, not of one: a question, advice, a topic.
_TOPIC_WORDS = frozenset(
    "how why what when where which avoid avoiding handle handling understanding understand common fix fixing debugging debug dealing about using".split()
)


def _error_under_heading(lines: list[str], at: int, heading: str = "") -> str | None:
    """The error a heading's first paragraph is, where that is one code span that names an error
    (``# 未定义``, then `` `Uncaught ReferenceError: TweenLite is not defined` ``); under a heading that says an
    error happened, the paragraph's first code span that names one among other words (``## 1. Sync 时错误``, then
    ``Sync 时错误：`Caused by: …PluginApplicationException: Failed to apply`。``).

    >>> _error_under_heading(["## 未定义", "", "`ReferenceError: x is not defined`"], 0)
    'ReferenceError: x is not defined'
    >>> _error_under_heading(["## Sync 时错误", "", "Sync 时：`Caused by: PluginApplicationException: Failed to apply`。"], 0, "Sync 时错误")
    'Caused by: PluginApplicationException: Failed to apply'
    >>> _error_under_heading(["## 安装", "", "运行 `pip install x` 时报 `ERROR: No matching distribution`。"], 0, "安装")

    Under a heading that says an error happened, a first paragraph that starts as the program printed the error, with
    no code span (``### 报错：空间不足``, then `` Error: L6406E: No space in execution regions …``):

    >>> _error_under_heading(["### 报错：空间不足", "", " Error: L6406E: No space in execution regions."], 0, "报错：空间不足")
    'Error: L6406E: No space in execution regions.'
    >>> _error_under_heading(["### 报错了", "", "看了一下 Error: x y 是怎么回事。"], 0, "报错了")
    """
    following = next((line for line in lines[at + 1 : at + 4] if line.strip()), "")
    span = code_span_text(following.strip())
    if span is None and names_an_error(heading) and not _HEADING_MARKER.match(following):
        return _error_in_heading(following) or _printed_error(following)
    return span.strip() if span and names_an_error(span) else None


#: A heading that only numbers a problem (``问题1``, ``问题 二：``, ``坑3``, ``Problem 2``, ``Q4``): its error is in its text.
_NUMBERED_PROBLEM = re.compile(
    r"(?:问题|错误|报错|故障|坑|bug|issue|problem|q)[ \t]{0,3}(?:\d{1,3}|[一二三四五六七八九十]{1,3})[ \t]{0,3}[：:.、]?", re.IGNORECASE
)


def _error_under_a_numbered_problem(lines: list[str], at: int, heading: str, roles: list[str]) -> str | None:
    """The error under a heading that only numbers a problem: the first line of its text, before any heading, that is
    an error as a program prints it (lookup round sixteen: a project's troubleshooting page of ``# 问题1`` … ``# 问题12``,
    each a sentence, the error on a line of its own, then ``#### 解决方法``). Code blocks are other rules'.

    >>> lines = ["# 问题2", "执行安装命令时会报以下错误：", 'File "<stdin>", line 1', "SyntaxError: invalid syntax", "#### 解决方法", "退出 Python。"]
    >>> _error_under_a_numbered_problem(lines, 0, "问题2", line_roles("\\n".join(lines)))
    'SyntaxError: invalid syntax'
    >>> _error_under_a_numbered_problem(["# 安装", "SyntaxError: invalid syntax"], 0, "安装", ["", ""]) is None
    True
    """
    if not _NUMBERED_PROBLEM.fullmatch(heading.strip()):
        return None
    for k in range(at + 1, min(at + 1 + _CODE_UNDER_HEADING, len(lines))):
        if _HEADING.match(lines[k]) or roles[k] == FENCED:
            return None
        if found := _printed_error(lines[k]):
            return found
    return None


def _printed_error(line: str) -> str | None:
    """The error a line is as a program prints it, from its start (its type or a tool's error line), in two words or more.

    >>> _printed_error(" Error: L6406E: No space in execution regions."), _printed_error("见 Error: x y"), _printed_error("Error: x")
    ('Error: L6406E: No space in execution regions.', None, None)
    """
    found = error_line(line)
    return found if found and line.strip().startswith(found[:16]) and len(found.split()) >= 3 else None


#: How far under a heading its error's code block may start (a sentence or two may come first).
_CODE_UNDER_HEADING = 8
#: A quoted line's markers.
_QUOTED = re.compile(r"^ {0,3}>[ \t]?")
#: A sentence that says the error follows, as a label would: ``出现了类似如下的编译报错：``, ``报错如下：``.
_INTRODUCES_THE_ERROR = re.compile(r"(?:报错|错误|异常|错误信息|报错信息|提示)(?:如下|信息)?[ \t]*[：:][ \t]*$")
#: A sentence that ends saying an error appeared, with or without a colon: ``安装完docker后，运行命令出现``, ``普通用户登陆
#: docker，报文件权限错误。``. Before a quote, the quote is what the program printed.
#: One run of blanks before the end (or two, a mark between): two optional runs side by side split a long run every way
#: before ``$`` failed, time growing with its square (80,000 spaces after ``报``: an 18 s check; a red-team audit).
_SAYS_IT_APPEARED = re.compile(r"(?:出现|出现了|提示|报|报错|错误|异常)(?:如下|以下)?[ \t]*(?:[：:。][ \t]*)?$")


#: A heading that is only the word for an error, numbered or not (``##### 报错2``): a label for the error under it.
_THE_WORD_FOR_AN_ERROR = frozenset({"报错", "错误", "异常", "error"})


def _error_in_code_under_heading(lines: list[str], at: int, heading: str, labelled: bool = False, roles: list[str] | None = None) -> str | None:
    """The error a heading says happened (``### 更新composer报错``, ``## make build 失败``) where it shows it in the
    code block under it (a sentence or two may come first), before anything else is labelled or headed: the
    program's exception line, as :func:`~errata.fingerprint.error_line` reads it.

    >>> _error_in_code_under_heading(["## 导入报错", "", "```", "Traceback (most recent call last):", "ImportError: No module named x", "```"], 0, "导入报错")
    'ImportError: No module named x'
    >>> _error_in_code_under_heading(["## make 报错", "```", "fatal: Could not read from remote repository.", "```"], 0, "make 报错")
    >>> _error_in_code_under_heading(["## 安装步骤", "```", "error: x y", "```"], 0, "安装步骤"), _error_in_code_under_heading(["## 运行报错", "```", "$ ls", "```"], 0, "运行报错")
    (None, None)

    A tool's error line counts where the block opens with it (:func:`_error_it_opens_with`):

    >>> _error_in_code_under_heading(["#### 报错一", "```text", "error: linker `cc` not found", "  |", "error: could not compile `x`", "```"], 0, "报错一")
    'error: linker `cc` not found'

    Under a label that says the error follows (``报错内容：``), the block is the error whatever it is (a tool's line
    too), and a quote may hold it: ``> Unable to start session for kernel Python 3.``

    >>> _error_in_code_under_heading(["# VS Code 运行 Jupyter 报错", "", "报错内容：", "", "> Unable to start session for kernel Python 3."], 0, "VS Code 运行 Jupyter 报错")
    'Unable to start session for kernel Python 3.'

    ``roles`` (:func:`~errata.markdown_lines.line_roles` of ``lines``, where the caller has them): a line is a fence only
    where the page reads one. A fence line the page reads as indented code or text (``        ```x``) never closes, and
    under every heading of a page such lines each looked down to the page's end (998 headings, 234 KB: a check of 32 s;
    a red-team audit); a fence the page reads closes before the next heading.
    """
    # ``编译问题``: the block must still show an error. A heading that is the error's own words (``### 3. No ExecutorFactory
    # found to execute the application``) says it as surely, where the error the block shows holds them.
    says_an_error = names_an_error(heading)
    says_so = says_an_error or "问题" in heading
    words = None if says_so else _english_words_of(heading)

    def under_this_heading(message: str) -> bool:
        # Under a heading that does not say an error happened (``#### 未使用标准表``), a thrown exception only, or one that
        # holds the heading's words; the entry must still say what to do (find_entries).
        return says_so or (words.lower() in message.lower() if words else bool(exception_type(message)))

    k, stop = at + 1, min(len(lines), at + 1 + _CODE_UNDER_HEADING)
    labelled_details = labelled  # the heading itself says the error follows (``### 问题描述``)
    # A heading that is only the word for an error (``##### 报错2``): the block under it is the error where nothing in it
    # reads as one otherwise (``python.bin: /lib64/libc.so.6: version `GLIBC_2.17' not found``).
    only_the_word = _NUMBER_AFTER_A_LABEL.sub("", _label_text(heading)) in _THE_WORD_FOR_AN_ERROR
    introduced = False
    appeared = False  # the last line said an error appeared (``运行命令出现``): a quote right after it is the error
    right_under = True  # nothing but blank lines yet between the heading and the line read
    while k < stop:
        line = lines[k]
        # Any heading ends the block, a first-level one too: a page of ``# 报错`` over ``报错信息：`` lines each looked
        # down to the page's end (999 headings, 125 KB: 19 s a reading, a strict build 45 s; a red-team audit).
        heading = _HEADING_MARKER.match(line) or _TITLE_MARKER.match(line)
        labelled = None if heading else _inline_label(line) or _paragraph_label(line) or _label_alone(line)
        key = section_key(heading_text(line) or "") if heading else labelled and labelled[0]
        if key == "details":
            labelled_details = True
            k, stop = k + 1, min(len(lines), k + 1 + _CODE_UNDER_HEADING)  # ``#### 错误信息``: the error follows
            continue
        if heading or key:
            return None
        # ``出现了类似如下的编译报错：``: a sentence says the error follows, less surely than a label (it may be a log)
        introduced = introduced or bool(_INTRODUCES_THE_ERROR.search(line))
        if (labelled_details or appeared) and _QUOTED.match(line):
            end = next((j for j in range(k, len(lines)) if not _QUOTED.match(lines[j])), len(lines))
            shown = "\n".join(_QUOTED.sub("", quoted) for quoted in lines[k:end]).strip("”“\"' \t")
            message = error_line(shown) or _first_statement(shown)
            if not labelled_details and not (message and (error_line(shown) or names_an_error(message))):
                return None  # a sentence said an error appeared, but the quote names none: a tip
            return message if message and len(message.split()) >= 2 and under_this_heading(message) else None
        if line.strip():
            appeared = _SAYS_IT_APPEARED.search(line) is not None  # blank lines between keep what it said
        if FENCE.match(line) and (roles is None or roles[k] == FENCED):
            right_under = right_under and not any(text.strip() for text in lines[at + 1 : k])
            end = next((j for j in range(k + 1, len(lines)) if _closes_fence(line, lines[j])), len(lines))
            # An exception's line only: a tool's last ``fatal:`` or ``error:`` line is as often what follows the
            # error (``fatal: Could not read from remote repository.`` after any of git's, ``make: *** Error 1``).
            shown = _without_a_tool_s_marks("\n".join(lines[k + 1 : end]))
            # CMake's report opening the block (``CMake Error at x.cmake:12 (message):``) says where; the lines under it what.
            cmake = _cmake_error(shown)
            # Under a label, the first line that names an error, else the first statement: a log's first lines are often the
            # program starting or the command run (``INFO server starting``, ``npm run build``), not the error (red team 34).
            message = error_line(shown) or cmake or (_labelled_block_error(shown) if labelled_details else None)
            if introduced and not labelled_details and not (message and exception_type(message)):
                # Not a tool's last line there, but a first line that names an error (LaTeX's ``! Package fontspec Error: …``).
                first = None if message else _first_statement(shown)
                message = first if first and names_an_error(first) else None
            opening = cmake or (None if labelled_details or (message and exception_type(message)) else _error_it_opens_with(shown))
            if opening:
                message = opening
            elif (only_the_word or right_under and says_an_error and _shows_output(line)) and not message:
                # ``## Windows上报错`` and right under it a block of what the program printed, no command before it:
                # ``A required privilege is not held by the client.`` (lookup round 18: go-zero's FAQ).
                message = opening = _first_statement(shown)
                # Not a command, nor a tool's line the rules above passed over (``collect2: error: ld returned 1 exit
                # status`` follows every link failure): a sentence the program printed.
                if message and right_under and not only_the_word and (_COMMAND_FIRST.match(message) or _follows_the_error(message) or _TOOL_S_LEVEL.match(message)):
                    message = opening = None
            if message and (exception_type(message) or labelled_details or opening) and len(message.split()) >= 2:
                return message if under_this_heading(message) else None
            k = end  # a block of the commands run: the error may be in the next one
        k += 1
    return None


#: The languages a fence of a program's output is given: none, or plain text or a log (not a shell's, which holds the
#: commands run, nor a language's, which holds code).
_OUTPUT_LANGUAGES = frozenset({"", "text", "txt", "plain", "plaintext", "log", "output", "err", "error"})
#: A statement that is a command run, not what it printed (``go get github.com/x``, ``npm install x``).
_COMMAND_FIRST = re.compile(
    r"(?:sudo |\$ )?(?:go|npm|npx|yarn|pnpm|pip3?|python3?|node|git|docker|kubectl|make|cargo|rustc|gcc|g\+\+|java|javac|mvn|"
    r"gradle|curl|wget|apt(?:-get)?|yum|dnf|brew|cd|ls|cat|echo|export|conda|protoc|helm|terraform|dotnet|composer|php)\s"
)


#: A tool's diagnostic, its level after its name (``collect2: error: ld returned 1 exit status``): where the error-line rules
#: did not take it, it is no error of its own (a linker driver's summary after the real one).
_TOOL_S_LEVEL = re.compile(r"[\w.+-]+:\s*(?:error|fatal|warning|note)\b", re.IGNORECASE)


def _shows_output(fence: str) -> bool:
    """Whether a fence opens a block of a program's output by its language (:data:`_OUTPUT_LANGUAGES`).

    >>> _shows_output("```text"), _shows_output("```"), _shows_output("```bash"), _shows_output("~~~ log")
    (True, True, False, True)
    """
    return fence_language(fence) in _OUTPUT_LANGUAGES


def _labelled_block_error(shown: str) -> str | None:
    """The error a block under a label that says it shows one holds, where no line is an exception's or a tool's error
    line: its first statement (after a prompt, the first line the program printed with a level) where that names an
    error, else the first line that does: a log's first lines are often the program starting or the command run.

    >>> _labelled_block_error("npm run build\\n> app build\\nsh: vite: command not found"), _labelled_block_error("❯ hugo server\\nhugo v0.87 BuildDate=unknown\\nWARN found no layout file for kind page.")
    ('sh: vite: command not found', 'WARN found no layout file for kind page.')
    """
    statement = _first_statement(shown)
    if statement and names_an_error(statement):
        return statement
    return _first_error_line(shown.split("\n")) or statement


#: The mark a build tool puts before each line it prints (hvigor's and Gradle's ``> ``).
_TOOL_MARK = re.compile(r"^> ?", re.MULTILINE)


def _without_a_tool_s_marks(shown: str) -> str:
    """A block's lines without the ``> `` a tool put before every one (``> hvigor ERROR: …``): no error line starts
    with it. A block where some lines have it (Gradle's ``> Task :app:compile FAILED`` among others) stays as it is.

    >>> _without_a_tool_s_marks("> hvigor ERROR: Unable to find 'DEVECO_SDK_HOME'\\n>\\n> hvigor ERROR: BUILD FAILED in 21 ms")
    "hvigor ERROR: Unable to find 'DEVECO_SDK_HOME'\\n\\nhvigor ERROR: BUILD FAILED in 21 ms"
    >>> _without_a_tool_s_marks("> Task :app:compile FAILED\\nerror: x")
    '> Task :app:compile FAILED\\nerror: x'
    """
    written = [line for line in shown.split("\n") if line.strip()]
    return _TOOL_MARK.sub("", shown) if written and all(line.startswith(">") for line in written) else shown


def _english_between_chinese(text: str) -> tuple[list[str], list[str]]:
    """A heading's English stretches and the Chinese between them, alternately; and its English stretches alone, without
    the signs at their ends. A heading's number is no word of its first stretch.

    >>> _english_between_chinese("3. 安装 Docker 时报错：permission denied。")
    (['', '安装', ' Docker ', '时报错：', 'permission denied', '。', ''], ['', 'Docker', 'permission denied', ''])
    """
    parts = _CHINESE_BETWEEN.split(_NUMBERING.sub("", text.strip()))
    return parts, [part.strip(" :：,，.。") for part in parts[::2]]


def _english_words_of(heading: str) -> str | None:
    """A heading's one stretch of English, three words or more, without its number: the words an error it shows may hold.

    >>> _english_words_of("3. No ExecutorFactory found to execute the application"), _english_words_of("安装 Docker"), _english_words_of("Kafka 和 Flink 的 exactly once")
    ('No ExecutorFactory found to execute the application', None, None)
    """
    if "`" in heading:
        return None
    stretches = [part for part in _english_between_chinese(heading)[1] if part]
    return stretches[0] if len(stretches) == 1 and len(stretches[0].split()) >= 3 else None


def _error_it_opens_with(shown: str) -> str | None:
    """The tool's error line a block starts with (cargo's ``error: linker `cc` not found``): shown first, it is the
    error the note is about, where a tool's last line is as often its consequence (cargo's ``error: could not
    compile …`` after it). Not git's ``fatal:``, which ends its output after the line that says what went wrong.

    >>> _error_it_opens_with("\\nerror: linker `cc` not found\\n  |\\nerror: could not compile `x`")
    'error: linker `cc` not found'
    >>> _error_it_opens_with("fatal: Could not read from remote repository."), _error_it_opens_with("$ cargo build\\nerror: x y")
    (None, None)
    """
    first = next((line.strip() for line in shown.split("\n") if line.strip()), "")
    found = error_line(first) if first else None
    return found if found and not _follows_the_error(found) else None


#: The line that opens CMake's report of an error: ``CMake Error at CMake/vtkModule.cmake:4578 (message):``, ``CMake
#: Warning (dev) at CMakeLists.txt:3 (project):``, ``CMake Error in CMakeLists.txt:``. It says where, not what.
_CMAKE_REPORT = re.compile(r"CMake (?:Error|Warning(?: \(dev\))?)(?: (?:at|in) [^\n]+)?:[ \t]*$")


def _cmake_error(shown: str) -> str | None:
    """What CMake says went wrong, where a block opens with its report (after any of its ``-- `` status lines): the
    indented lines under ``CMake Error at <file>:<line> (<command>):``, joined, to the end of their first sentence. The
    report's first line only says where, and it is the same over every error one command raises (VTK's
    ``vtkModule.cmake:4578 (message)`` over each of its missing dependencies).

    >>> _cmake_error("CMake Error at CMake/vtkModule.cmake:4578 (message):\\n  Could not find the FFMPEG external dependency.\\nCall Stack (most recent call first):\\n  IO/FFMPEG/CMakeLists.txt:1 (vtk_module_find_package)")
    'Could not find the FFMPEG external dependency.'
    >>> _cmake_error('-- Detecting CXX compile features\\nCMake Error at CMakeLists.txt:7 (find_package):\\n  By not providing "FindOpenCV.cmake" in CMAKE_MODULE_PATH this project\\n  has asked CMake to find a package configuration file provided by\\n  "OpenCV", but CMake did not find one.\\n\\n  Could not find a package configuration file provided by "OpenCV"')
    'By not providing "FindOpenCV.cmake" in CMAKE_MODULE_PATH this project has asked CMake to find a package configuration file provided by "OpenCV", but CMake did not find one.'
    >>> _cmake_error("make: *** [all] Error 2"), _cmake_error("CMake Error at a.cmake:1 (message):\\n"), _cmake_error("$ cmake ..\\nCMake Error at a.cmake:1 (message):\\n  x y z")
    (None, None, None)
    """
    lines = shown.split("\n")
    first = next((k for k, line in enumerate(lines) if line.strip() and not line.startswith("-- ")), None)
    # Only a line that ends with the colon is searched: elsewhere each ``CMake Error at`` in it read on to the line's end
    # and back, and a line of 160,000 characters of them took 12 s (red team 35).
    if first is None or not lines[first].rstrip(" \t").endswith(":") or not _CMAKE_REPORT.search(lines[first]):
        return None
    said = []
    for line in lines[first + 1 :]:
        if not line.strip() or line[0] not in " \t":
            break  # a blank line or one at the margin (``Call Stack (most recent call first):``) ends what it says
        said.append(line.strip())
    sentence = _SENTENCE_END.split(" ".join(said), maxsplit=1)[0]
    return sentence if len(sentence.split()) >= 3 else None


#: make's lines after a command failed, whatever the command said: ``CMakeFiles/x.dir/build.make:198: recipe for target
#: 'a.o' failed``, ``make[2]: *** [a.o] Error 1``.
_MAKE_S_FAILURE = re.compile(r"\S*:\d+: recipe for target .* failed$|(?:\S*/)?g?make(?:\[\d+\])?: \*\*\* ")


def _follows_the_error(message: str) -> bool:
    """Whether a tool's line is one that follows the line that says what went wrong: git's ``fatal:``, which ends its
    output (``fatal: Could not read from remote repository.``), make's lines after a command failed: as often a
    consequence of the error as the error, and the same after every error.

    >>> _follows_the_error("fatal: Could not read from remote repository."), _follows_the_error("error: linker `cc` not found")
    (True, False)
    >>> _follows_the_error("CMakeFiles/MonoAR.dir/build.make:198: recipe for target 'CMakeFiles/MonoAR.dir/src/AR/ViewerAR.cc.o' failed")
    True
    """
    return message.lower().startswith("fatal") or _MAKE_S_FAILURE.match(message.strip()) is not None


def _first_statement(shown: str) -> str | None:
    """The first line of what a note shows as the error, to the end of its first sentence, where that is English
    of three words or more, not a command: what a program printed without a type or a tool's ``error:``.

    >>> _first_statement("\\nUnable to start session for kernel Python 3. Select another kernel."), _first_statement("$ bundle install")
    ('Unable to start session for kernel Python 3.', None)

    After a command at a prompt (``$``, ``❯``, ``➜``, ``PS C:\\>``), the first line it printed that says it is an error or a
    warning (Hugo's ``WARN … found no layout file``), not the command: the lookup is asked for what a program printed.

    >>> _first_statement("❯ hugo server -D\\nStart building sites …\\nWARN 2021/08/06 found no layout file for kind page. Create one.")
    'WARN 2021/08/06 found no layout file for kind page.'
    """
    lines = _without_banners([text.strip() for text in shown.split("\n") if text.strip()])
    line = lines[0] if lines else ""
    if _PROMPT.match(line):
        line = next((text for text in lines[1:] if _SAYS_ITS_LEVEL.match(text)), "")
    if not line or line.startswith(("#", ">", "//")) or _CJK.search(line):
        return None
    sentence = _SENTENCE_END.split(line, maxsplit=1)[0]
    return sentence if len(sentence.split()) >= 3 else None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
#: A line that only draws a rule (``***************************``, ``=====``).
_RULE_LINE = re.compile(r"[*=#~_-]{3,}")
#: A line that only labels what follows (``Description:``, ``Action:``, ``Error message:``).
_LABEL_LINE = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)?:")


def _without_banners(lines: list[str]) -> list[str]:
    """A program's output without what frames its error: lines that draw a rule, a banner between two of them (Spring
    Boot's failure analysis opens with ``APPLICATION FAILED TO START`` between lines of asterisks, the same over every
    error it explains) and a label alone on its line (its ``Description:``). The sentence after them is the error.

    >>> _without_banners(["*" * 27, "APPLICATION FAILED TO START", "*" * 27, "Description:", "Field repo required a bean that could not be found."])
    ['Field repo required a bean that could not be found.']
    """
    framed = [bool(_RULE_LINE.fullmatch(line)) for line in lines]
    return [
        line
        for k, line in enumerate(lines)
        if not framed[k] and not (0 < k < len(lines) - 1 and framed[k - 1] and framed[k + 1]) and not _LABEL_LINE.fullmatch(line)
    ]
#: A line a program printed as an error or a warning, by its level or a tool's word for it (``WARN 2021/08/06 …``, ``error: …``).
_SAYS_ITS_LEVEL = re.compile(r"\[?(?:ERROR|WARN|WARNING|FATAL|CRITICAL|SEVERE)\]?(?:[ \t]|:)|(?:error|fatal|warning)(?:\[\w+\])?:[ \t]", re.IGNORECASE)
#: A command typed at a shell's prompt: ``$ ``, zsh's ``❯ ``/``➜ ``, ``% ``, PowerShell's ``PS C:\\> ``, ``user@host:~$ ``.
_PROMPT = re.compile(r"(?:[$❯➜λ%][ \t]|PS [A-Za-z]:\\[^>\n]{0,200}>|[\w.-]{1,64}@[\w.-]{1,64}:[^$#\n]{0,200}[$#][ \t])")


def code_spans(text: str) -> list[str]:
    """The text of each code span in ``text`` (:func:`~errata.markdown_lines.code_span_bounds`).

    >>> code_spans("a `KeyError` b ``x`y`` c `open")
    ['KeyError', 'x`y']
    """
    return [inner.strip(" ") or inner for _, start, end, _ in code_span_bounds(text) for inner in [text[start:end]]]


def code_span_text(text: str) -> str | None:
    """The text of ``text`` if all of it is one code span (spaces after it allowed), else None.

    Read without a regular expression: a backreference to the backtick run made a line of
    ten thousand backticks take half a minute; this looks at each character once.

    >>> code_span_text("`KeyError: 'a'`  "), code_span_text("`` a`b ``"), code_span_text("`a` and `b")
    ("KeyError: 'a'", 'a`b', None)
    """
    text = text.rstrip(" \t")
    opening = len(text) - len(text.lstrip("`"))
    closing = len(text) - len(text.rstrip("`"))
    if not opening or closing < opening or len(text) <= 2 * opening:
        return None
    inner = text[opening : len(text) - opening]
    if _has_run_of(inner, opening):
        return None  # the span closes there: `a` and `b` is two spans and text between
    if inner[:1] in (" ", "\t") and len(inner) > 1:
        inner = inner[1:]
    if inner[-1:] in (" ", "\t") and len(inner) > 1:
        inner = inner[:-1]
    return inner


def _has_run_of(text: str, length: int) -> bool:
    """Whether ``text`` holds a run of exactly ``length`` backticks (which would close a span opened by as many).

    >>> _has_run_of("a`b", 1), _has_run_of("a``b", 1), _has_run_of("x` y ``", 2)
    (True, False, True)
    """
    run = 0
    for char in text + " ":
        if char == "`":
            run += 1
            continue
        if run == length:
            return True
        run = 0
    return False


def _without_attribute_list(text: str) -> str:
    """A heading's text without a trailing ``{ #id .class }``.

    >>> _without_attribute_list("`KeyError` { #k }")
    '`KeyError`'
    """
    if not text.endswith("}"):
        return text
    start = text.rfind("{")
    if start < 0 or "}" in text[start + 1 : -1]:
        return text
    return text[:start].rstrip(" \t")


def _entry_end(lines: list[str], start: int, kind: str, limit: int) -> int:
    """Where an entry stops: the next entry, or the first line that is not part of it."""
    if kind == ONE_LINE:
        return start + 1  # the error and its fix are on the line
    for offset, line in prose_lines("\n".join(lines[start + 1 : limit])):
        if not line.strip():
            continue
        if kind in (LIST, ITEM) and not line[0].isspace():
            return start + 1 + offset  # a top-level line ends a list item
        if kind in (BOLD, SHOWN) and (_HEADING.match(line) or _THEMATIC_BREAK.match(line)):
            return start + 1 + offset  # any heading or rule ends a bold paragraph's entry
        if kind not in (LIST, BOLD, ITEM, SHOWN) and _HEADING.match(line) and len(line) - len(line.lstrip("#")) <= len(kind):
            return start + 1 + offset  # a heading of the same or a higher level ends a heading entry
    return limit


def _through_sibling_labels(lines: list[str], end: int, level: int, limit: int) -> int:
    """Where a heading's entry ends once the headings of its own level that label its cause or fix right after it are
    its too (``## supervisor 报错``, its log, then ``## 解决方案``; lookup rounds fifteen and sixteen): a note that
    writes the fix as the error's sibling, not under it.

    >>> lines = ["## ImportError: No module named cv2", "", "```", "ImportError", "```", "## 解决方法", "", "pip install x", "## 其他"]
    >>> _through_sibling_labels(lines, 5, 2, len(lines))
    8
    >>> _through_sibling_labels(lines, 8, 2, len(lines))
    8
    """
    if not (end < limit and _sibling_label(lines[end], level)):
        return end
    # One reading of the lines after the first label (red team 37: each label's own :func:`_entry_end` read the page to
    # its end, and a page of ``## 解决方法`` headings took 16 s at 8,000 lines): a heading of the same or a higher level
    # ends the entry unless it is a label's too.
    for offset, line in prose_lines("\n".join(lines[end + 1 : limit])):
        if _HEADING.match(line) and len(line) - len(line.lstrip("#")) <= level and not _sibling_label(line, level):
            return end + 1 + offset
    return limit


def _sibling_label(line: str, level: int) -> bool:
    """Whether a line is a heading of the level given that labels a cause or a fix (``## 解决方案``)."""
    marker = _HEADING_MARKER.match(line) or _TITLE_MARKER.match(line)
    return bool(marker) and len(marker.group("hashes")) == level and section_key(_without_colon(heading_text(line) or "")) in ("analysis", "solution")


#: A thematic break (``---``, ``-----``, ``***``): notes put one between errors written as bold paragraphs.
_THEMATIC_BREAK = re.compile(rf"^{_RULE}$")


#: An admonition's first line (``!!! warning "Tips"``, ``??? note``): its body is indented four more spaces.
_ADMONITION = re.compile(r"^(?P<indent>[ ]*)(?:!!!|\?\?\?\+?)[ \t]")


def _sections(lines: list[str]) -> dict[str, str]:
    """Split an entry's lines at its labels; each section's text dedented. A label inside an admonition counts
    as one at the margin: a blog's ``::: warning`` around its ``原因：`` and ``解决：`` is one after the import."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    fence: str | None = None  # the line that opened the fence the lines are in
    body: int | None = None  # the indent of the admonition body the lines are in
    for line in lines:
        opening = None if fence is not None else _ADMONITION.match(line)
        if opening:
            body = len(opening["indent"]) + 4
        elif body is not None and line.strip() and not line.startswith(" " * body):
            body = None
        if body is not None and line.startswith(" " * body):
            line = line[body:]
        if fence is None and FENCE.match(line):
            fence = line
        elif fence is not None and _closes_fence(fence, line):
            fence = None
        in_fence = fence is not None
        label = None if in_fence else _LABEL.match(line)
        key = section_key(label.group("label")) if label else None
        if key:
            current = sections.setdefault(key, [])
            continue
        inline = None if in_fence or label else _inline_label(line) or _paragraph_label(line)
        if inline:
            current = sections.setdefault(inline[0], [])
            if inline[1]:
                current.append(inline[1])
            continue
        if current is not None:
            current.append(line)
    tidied = {key: _tidy(text) for key, text in sections.items()}
    return {key: text for key, text in tidied.items() if text}


def _closes_fence(opening: str, line: str) -> bool:
    """Whether ``line`` closes the fence ``opening`` opened: its marker again, as many backticks or tildes, and nothing
    after it, as pymdownx.superfences reads it. A fence line of another kind or length inside is code: taken for the
    end, it let the code's next lines (a ``- 解决方案：`` and a command) be the card's solution (round 28).

    >>> _closes_fence("````text", "```"), _closes_fence("```", "~~~"), _closes_fence("````text", "````"), _closes_fence("```", "```python")
    (False, False, True, False)
    """
    marker = FENCE.match(opening)
    return bool(marker) and closes_with(marker.group(1), line.lstrip(" \t"))


def _reported_by_cmake(lines: list[str], message: str) -> bool:
    """Whether the block an entry's lines open with is CMake's report of ``message`` (:func:`_cmake_error`): an error
    as CMake prints it, under its ``CMake Error at …:`` line, as plainly as a program's typed exception.

    >>> _reported_by_cmake(["", "```", "CMake Error at CMakeLists.txt:3 (find_package):", "  Could not find a package named Foo.", "```"], "Could not find a package named Foo.")
    True
    >>> _reported_by_cmake(["```", "Could not find a package named Foo.", "```"], "Could not find a package named Foo.")
    False
    """
    block = _first_code_block(lines)
    return bool(block) and _cmake_error("\n".join(block.split("\n")[1:-1])) == message


def _first_code_block(lines: list[str]) -> str:
    """The code block an entry's lines open with, before any label, fences and all (or ``""``): blogs put the
    whole error right under the heading that names it (``### `java.lang.IllegalStateException` ``, then the
    stack trace), which is its details where no label names them.

    >>> _first_code_block(["", "```text", "IllegalStateException: Unable to find a @SpringBootConfiguration", "```", "- 解决：加上注解"])
    '```text\\nIllegalStateException: Unable to find a @SpringBootConfiguration\\n```'
    >>> _first_code_block(["说明", "```", "x", "```"])
    ''
    """
    start = next((k for k, line in enumerate(lines) if line.strip()), None)
    if start is None or not FENCE.match(lines[start]):
        return ""
    end = next((k for k in range(start + 1, len(lines)) if _closes_fence(lines[start], lines[k])), None)
    return _tidy(lines[start : end + 1]) if end is not None else ""


def _inline_label(line: str) -> tuple[str, str] | None:
    """The section a list item's label names and the words after it on its line (:data:`_INLINE_LABEL`), or None.

    >>> _inline_label("- **原因**：包名带了后缀"), _inline_label("- 修复: 去掉后缀"), _inline_label("- fix: crash on start")
    (('analysis', '包名带了后缀'), ('solution', '去掉后缀'), None)
    """
    match = _INLINE_LABEL.match(line)
    key = _label_key(match)
    return (key, match["rest"]) if key else None


def _label_alone(line: str) -> tuple[str, str] | None:
    """The section a label standing alone in a list item or a quote names (:data:`_LABEL`: ``+ 问题描述：``, ``> 如何解决``),
    with no words after it, or None.

    >>> _label_alone("+ 问题描述："), _label_alone("- **解决办法**"), _label_alone("- 安装步骤："), _label_alone("- 原因：见下")
    (('details', ''), ('solution', ''), None, None)
    """
    match = _LABEL.match(line)
    key = section_key(match["label"]) if match else None
    return (key, "") if key else None


def _label_key(match: re.Match | None) -> str | None:
    """The section a label pattern's match names (:data:`_INLINE_LABEL`, :data:`_PARAGRAPH_LABEL`): a bold label,
    or a plain one that is Chinese (an English ``fix: …`` line is a changelog's or prose)."""
    marked = match and (match["bold"] or match.groupdict().get("bracketed"))
    if not match or not (marked or _CJK.search(match["plain"])):
        return None
    return section_key(marked or match["plain"])


def _paragraph_label(line: str) -> tuple[str, str] | None:
    """The section a paragraph's leading label names and the words after it on its line (:data:`_PARAGRAPH_LABEL`),
    or None.

    >>> _paragraph_label("原因：远程仓库名可能写错"), _paragraph_label("解决："), _paragraph_label("**解决方案**：清缓存")
    (('analysis', '远程仓库名可能写错'), ('solution', ''), ('solution', '清缓存'))
    >>> _paragraph_label("Fix: crash on start"), _paragraph_label("原因是 cudnn 版本不一致：见下"), _paragraph_label("- 原因：x")
    (None, None, None)
    >>> _paragraph_label("解决办法"), _paragraph_label("✅解决办法：重装"), _paragraph_label("    原因：版本不对"), _paragraph_label("这是正文")
    (('solution', ''), ('solution', '重装'), ('analysis', '版本不对'), None)
    >>> _paragraph_label("【解决方案】端口冲突，修改默认端口"), _paragraph_label("【现象】启动集群报如下错误："), _paragraph_label("【注意】别删")
    (('solution', '端口冲突，修改默认端口'), ('details', '启动集群报如下错误：'), None)
    >>> _paragraph_label("__解决方案__  "), _paragraph_label("__解决方案")
    (('solution', ''), None)
    """
    match = _PARAGRAPH_LABEL.match(line)
    if key := _label_key(match):
        return key, match["rest"].rstrip()
    bare = _BARE_LABEL.match(line)
    key = section_key(bare["plain"]) if bare else None
    return (key, "") if key else None


def _tidy(lines: list[str]) -> str:
    text = textwrap.dedent("\n".join(lines)).strip("\n")
    # Markdown hard breaks ("two spaces") at the ends of lines mean nothing in a card.
    return "\n".join(line.rstrip() for line in text.split("\n"))
