"""Unsafe HTML in contributed Markdown: find it (with lines) and strip it from built pages.

Contributors write Markdown, and Markdown lets raw HTML through. Four things
never belong on this site: ``<script>`` (and ``<iframe>``, ``<object>``,
``<embed>``) elements, event-handler attributes (``onerror=``), and
``javascript:`` URLs, whether in HTML or in a Markdown link. Code blocks and
code spans are text, so they are not searched: an essay may *show* a script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown_lines import prose_lines

UNSAFE_ELEMENTS = ("script", "iframe", "object", "embed", "frame", "frameset")
_ELEMENT = re.compile(r"<\s*(?P<name>" + "|".join(UNSAFE_ELEMENTS) + r")\b", re.IGNORECASE)
# Browsers read an attribute after a space, a slash or a closing quote: <svg/onload=…>, <img src="x"onerror=…>.
_HANDLER = re.compile(r"<[a-zA-Z][^>]*?[\s/\"'](?P<attr>on[a-zA-Z]+)\s*=", re.IGNORECASE)
_JS_URL = re.compile(r"(?:\]\(\s*<?|(?:href|src|action|formaction|xlink:href)\s*=\s*[\"']?\s*)(?P<url>(?:java|vb)script\s*:)", re.IGNORECASE)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


#: Anything that could be unsafe, searched in the lower-cased page (three
#: case-sensitive searches over a lower-cased copy take a third of the time
#: of one case-insensitive alternation).
_RISKS = (
    re.compile(r"<\s*/?\s*(?:" + "|".join(UNSAFE_ELEMENTS) + r")\b"),
    re.compile(r"[\s/\"']on[a-z]+\s*="),
    re.compile(r"(?:java|vb)script\s*:"),
)


def could_be_unsafe(text: str) -> bool:
    """Whether anything in ``text`` looks like unsafe HTML (code included); most pages say no at once.

    >>> could_be_unsafe("<p>KeyError</p>"), could_be_unsafe('<IMG src=x OnError="1">')
    (False, True)
    """
    lowered = text.lower()
    return any(risk.search(lowered) for risk in _RISKS)


@dataclass(frozen=True)
class UnsafeHtml:
    line: int
    column: int
    what: str

    @property
    def message(self) -> str:
        return f"unsafe HTML: {self.what} (not allowed in contributed Markdown)"


def find_unsafe_html(markdown: str, first_line: int = 1) -> list[UnsafeHtml]:
    """Unsafe HTML outside code, with its line (counting from ``first_line``).

    >>> find_unsafe_html("ok\\n<img src=x onerror=alert(1)>\\n`<script>` is fine")
    [UnsafeHtml(line=2, column=1, what='event-handler attribute onerror')]
    """
    if not could_be_unsafe(markdown):
        return []
    found = []
    for offset, line in prose_lines(markdown):
        text = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        number = first_line + offset
        for match in _ELEMENT.finditer(text):
            found.append(UnsafeHtml(number, match.start() + 1, f"<{match.group('name').lower()}> element"))
        for match in _HANDLER.finditer(text):
            found.append(UnsafeHtml(number, match.start() + 1, f"event-handler attribute {match.group('attr').lower()}"))
        for match in _JS_URL.finditer(text):
            found.append(UnsafeHtml(number, match.start("url") + 1, "javascript: URL"))
    return found


_BLOCK_ELEMENT = re.compile(
    r"<\s*(" + "|".join(UNSAFE_ELEMENTS) + r")\b[^>]*>.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL
)
_LONE_ELEMENT = re.compile(r"<\s*/?\s*(?:" + "|".join(UNSAFE_ELEMENTS) + r")\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_TAG_HANDLER = re.compile(r"(?:\s+|(?<=[/\"']))on[a-zA-Z]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
_TAG_JS_URL = re.compile(r"(?P<attr>\b(?:href|src|action|formaction|xlink:href)\s*=\s*)(?P<q>[\"']?)\s*(?:java|vb)script:[^\"'\s>]*(?P=q)", re.IGNORECASE)


def sanitize_html(html: str) -> str:
    """The rendered page without unsafe elements, handlers or ``javascript:`` URLs.

    Text inside code blocks is escaped (``&lt;script&gt;``) and stays as it is.

    >>> sanitize_html('<p>a<script>alert(1)</script><img src="x" onerror="alert(1)"><a href="javascript:x()">b</a></p>')
    '<p>a<img src="x"><a href="#">b</a></p>'
    """
    if not could_be_unsafe(html):
        return html
    html = _BLOCK_ELEMENT.sub("", html)
    html = _LONE_ELEMENT.sub("", html)

    def clean(tag: re.Match[str]) -> str:
        text = _TAG_HANDLER.sub("", tag.group(0))
        return _TAG_JS_URL.sub(lambda m: f'{m.group("attr")}{m.group("q") or chr(34)}#{m.group("q") or chr(34)}', text)

    return _TAG.sub(clean, html)
