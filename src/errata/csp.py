"""What a built page may load and run: its Content-Security-Policy and referrer policy.

A static site cannot count on its server's headers, so every page carries its
policy in ``<meta>`` elements at the top of ``<head>``, before anything that
loads. The sanitiser (:mod:`errata.safety`) is the gate that keeps scripts out
of essays; the policy is the second line behind it: were a script ever to slip
through, the browser would refuse to run it.

Scripts run only from the site's own files (``'self'``) and from the inline
scripts of the theme, each allowed by the SHA-256 hash of its text, computed
per page (Material writes the page's base URL into one of them). An inline
script gets a hash only when both hold:

- it is outside the page's content container (``data-md-component="content"``:
  the essay and its breadcrumbs, everything that comes from the Markdown); and
- its text is one of the inline scripts in the theme's own templates, each
  ``{{ … }}`` slot filled by text that cannot end a JavaScript string or the
  element (a title escaped wrongly, printed as a script in the header or the
  navigation, would not pass).

Any other inline script gets no hash, so the browser refuses it, and the build
reports it (:attr:`ProtectedPage.refused`). Nothing here imports MkDocs: the
hooks hand in the built page and the theme's template folders.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

#: Every directive but the scripts' hashes, which each page adds to ``script-src``.
#: Meta-delivered policies ignore frame-ancestors, report-uri and sandbox (Chromium logs an
#: error for each), so none is here: clickjacking protection needs the server's header.
DIRECTIVES = (
    ("default-src", "'self'"),  # fonts, fetches (search index, errors.json), manifests, media: the site's own
    ("script-src", "'self'"),  # + the theme's inline scripts, by hash
    # Style attributes stay: Python-Markdown aligns table columns with them and Typora sizes images
    # (nh3 keeps a few properties), Material's nested tag lists write one. Browsers that know
    # style-src-elem (CSP 3) refuse inline <style> elements, which nothing on the site writes
    # (Material writes one only for web fonts or custom icons, both off); older ones read style-src.
    ("style-src", "'self' 'unsafe-inline'"),
    ("style-src-elem", "'self'"),
    ("img-src", "'self' data: https:"),  # imported blogs use image hosts; Material's CSS icons are data: URLs
    ("worker-src", "'self'"),  # Material's search runs in a worker from the site's own file (no blob:)
    ("object-src", "'none'"),
    ("frame-src", "'none'"),  # the site embeds nothing
    ("base-uri", "'self'"),
    ("form-action", "'self'"),  # the front door's lookup box submits to /lookup/
)
#: No page address goes with a request: image hosts learn nothing of what was read, and hosts that
#: refuse another site's referrer (many Chinese image hosts do) serve the image.
REFERRER_POLICY = "no-referrer"


def script_hash(text: str) -> str:
    """The source expression that allows one inline script: the SHA-256 of its text as the browser reads it.

    The browser hashes the element's text after it has turned every CR LF and CR into LF.

    >>> script_hash("alert(1)")
    "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    >>> script_hash("a\\r\\nb") == script_hash("a\\nb")
    True
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(script_hashes: Iterable[str] = (), live_reload: bool = False) -> str:
    """The policy of one page, whose theme's inline scripts have ``script_hashes``.

    Under ``mkdocs serve`` (``live_reload``) MkDocs puts an inline script into every page it
    serves, different on every request, so no hash can allow it: inline scripts are allowed
    there instead (a browser ignores ``'unsafe-inline'`` beside a hash, so none is given).

    >>> policy = content_security_policy(["'sha256-AAAA'", "'sha256-BBBB'", "'sha256-AAAA'"])
    >>> print(policy.replace("; ", ";\\n"))
    default-src 'self';
    script-src 'self' 'sha256-AAAA' 'sha256-BBBB';
    style-src 'self' 'unsafe-inline';
    style-src-elem 'self';
    img-src 'self' data: https:;
    worker-src 'self';
    object-src 'none';
    frame-src 'none';
    base-uri 'self';
    form-action 'self'
    >>> content_security_policy(["'sha256-AAAA'"], live_reload=True).split("; ")[1]
    "script-src 'self' 'unsafe-inline'"
    """
    extra = ["'unsafe-inline'"] if live_reload else list(dict.fromkeys(script_hashes))
    return "; ".join(f"{name} {' '.join([sources, *extra]) if name == 'script-src' else sources}" for name, sources in DIRECTIVES)


def policy_meta(policy: str) -> str:
    """The elements that carry a page's policies, for the top of its ``<head>``.

    >>> print(policy_meta("default-src 'self'"))
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'">
    <meta name="referrer" content="no-referrer">
    """
    content = html.escape(policy, quote=False).replace('"', "&quot;")  # its quotes are apostrophes: kept as they are
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">\n<meta name="referrer" content="{REFERRER_POLICY}">'


@dataclass(frozen=True)
class InlineScript:
    """A ``<script>`` element without ``src``, as it stands in a built page."""

    text: str
    line: int
    executable: bool  # a classic or module script; a data block (``type="application/json"``) is not run
    in_content: bool  # inside the page's content container, made from the essay's Markdown


#: The ``type`` values a browser runs (the HTML standard's JavaScript MIME types, ``module``), and the
#: inline ``<script>`` kinds CSP treats as scripts too; any other type is a data block.
_SCRIPT_TYPES = {
    "", "module", "importmap", "speculationrules", "application/ecmascript", "application/javascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/javascript",
    "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript",
}  # fmt: skip


def is_executable(attrs: dict[str, str | None]) -> bool:
    """Whether a ``<script>`` with these attributes is run (not a data block such as Material's ``#__config``).

    >>> is_executable({}), is_executable({"type": " Text/JavaScript "}), is_executable({"type": "application/json"})
    (True, True, False)
    """
    return (attrs.get("type") or "").strip().lower() in _SCRIPT_TYPES


_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")


def _attributes(source: str) -> dict[str, str]:
    """A start tag's attributes by lower-case name (values as written: only names and ``type`` are read).

    >>> _attributes(' id="__config" TYPE=application/json defer')
    {'id': '__config', 'type': 'application/json', 'defer': ''}
    """
    return {name.lower(): next((value for value in values if value), "") for name, *values in _ATTRIBUTE.findall(source)}


#: Attributes inside a tag: a quoted value may hold ``>`` (possessive: the scan never backtracks). An
#: unquoted ``<`` ends them: a stray ``<`` does not make the scan read on to the end of the page.
_ATTRIBUTES = r"""(?:"[^"]*+"|'[^']*+'|[^'"<>]++)*+"""
#: The attribute of the element that Material puts the page's content in (``<div class="md-content"
#: data-md-component="content">``: the essay, with its breadcrumbs).
CONTAINER_ATTRIBUTE = ("data-md-component", "content")
_TAG_NAME = re.compile(r"<([a-zA-Z][^\s/<>]*)")


@lru_cache(maxsize=8)
def _scan(container: str) -> re.Pattern:
    """The next token that matters, from where the scan stands: a comment, an element of raw text
    (``<div`` inside a script or a textarea is text), a ``<script>`` with its text, or a tag named
    like the container (to find its end). Every other tag, with its attributes, is stepped over whole."""
    name, boundary = re.escape(container), r"(?=[\s/>])"
    matters = rf"(?:!--|script{boundary}|/?{name}{boundary}|(?:style|textarea|title){boundary})"
    other = rf"(?:[^<]++|<(?!{matters})/?[a-zA-Z][^\s/<>]*+{_ATTRIBUTES}>|<(?!{matters}))*+"
    token = (
        r"<!--.*?(?:-->|\Z)"
        rf"|<(?P<raw>style|textarea|title){_ATTRIBUTES}>.*?(?:</(?P=raw){boundary}[^>]*>|\Z)"
        rf"|<script{boundary}(?P<script>{_ATTRIBUTES})>(?P<text>.*?)(?:</script{boundary}[^>]*>|\Z)"
        rf"|<(?P<end>/?){name}{boundary}(?P<attrs>{_ATTRIBUTES})>"
    )
    return re.compile(f"{other}(?P<token>{token})", re.DOTALL | re.IGNORECASE)


def inline_scripts(page: str) -> list[InlineScript]:
    """Every ``<script>`` of a built page that has no ``src``, in page order.

    A scan of the tokens that matter, not a parse of the page (the standard library's parser took
    fifteen times as long, more than the sanitiser). Were it ever to misjudge, it would err towards
    refusing: a script wrongly put in the content gets no hash, and one wrongly put outside still
    has to be the theme's.

    >>> page = '''<head><script>a()</script></head><div data-md-component="content"><div title="</div>">
    ... <!-- </div> --><script type="application/json">{}</script></div></div><script>b("</div>")</script>'''
    >>> for script in inline_scripts(page): print(script)
    InlineScript(text='a()', line=1, executable=True, in_content=False)
    InlineScript(text='{}', line=2, executable=False, in_content=True)
    InlineScript(text='b("</div>")', line=2, executable=True, in_content=False)
    """
    scan = _scan(_container_name(page))
    scripts, depth, entered, at = [], 0, False, 0
    while (found := scan.match(page, at)) is not None:  # each match steps over what does not matter: linear
        at = found.end()
        if found["script"] is not None and "src" not in (attrs := _attributes(found["script"])):
            line = page.count("\n", 0, found.start("token")) + 1
            scripts.append(InlineScript(found["text"], line, is_executable(attrs), depth > 0))
        elif found["end"] is not None and depth:  # a tag named like the container, inside it
            depth += -1 if found["end"] else 1
        elif found["end"] == "" and not entered and CONTAINER_ATTRIBUTE[0] in found["attrs"] and CONTAINER_ATTRIBUTE in _attributes(found["attrs"]).items():
            depth, entered = 1, True
    return scripts


def _container_name(page: str) -> str:
    """The tag name of the content container (Material's is a ``div``), read before its attribute.

    >>> _container_name('<main data-md-component="content">'), _container_name("<p>no container")
    ('main', 'div')
    """
    name, value = CONTAINER_ATTRIBUTE
    at = page.find(f'{name}="{value}"')
    found = _TAG_NAME.match(page, page.rfind("<", 0, at)) if at >= 0 else None
    return found.group(1).lower() if found else "div"


#: A slot of a Jinja template (``{{ base_url }}``, and blocks or comments, which could hold anything).
JINJA_SLOT = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
#: A slot of a ``str.format`` template (``{url}``), as the redirects plugin writes its page.
FORMAT_SLOT = re.compile(r"\{\w+\}")
#: What a slot may be filled with: no quote, backslash, angle bracket or line break, so the
#: filling cannot end a JavaScript string or the ``<script>`` element.
_SLOT_TEXT = r"[^\"'`\\<>\r\n]*"
_TEMPLATE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)


class TemplateScripts:
    """The inline scripts a set of templates writes: a built script is theirs when its text fits one.

    >>> theme = TemplateScripts.from_templates(['<head><script>scope=new URL("{{ base_url }}",location)</script>'
    ...                                         '<script src="{{ x }}"></script><script type="application/json">{{ c }}</script></head>'])
    >>> theme.wrote('scope=new URL("../..",location)'), theme.wrote('scope=new URL("",location);alert(1)//",location)')
    (True, False)
    >>> theme.wrote('{"base": "."}'), len(theme)
    (False, 1)
    """

    def __init__(self, patterns: Iterable[re.Pattern]) -> None:
        self.patterns = list(patterns)

    @classmethod
    def from_templates(cls, templates: Iterable[str], slot: re.Pattern = JINJA_SLOT) -> TemplateScripts:
        """The executable inline scripts of template texts, each slot of ``slot``'s syntax a hole."""
        patterns = {}
        for template in templates:
            for match in _TEMPLATE_SCRIPT.finditer(template):
                attrs = _attributes(match.group(1))
                if "src" in attrs or not is_executable(attrs):
                    continue
                parts = slot.split(match.group(2))
                patterns[_SLOT_TEXT.join(re.escape(part) for part in parts)] = None
        return cls(re.compile(pattern, re.DOTALL) for pattern in patterns)

    @classmethod
    def from_folders(cls, folders: Iterable[str | Path]) -> TemplateScripts:
        """The inline scripts of every HTML template under ``folders`` (a theme's ``dirs``, overrides first)."""
        texts = (path.read_text(encoding="utf-8", errors="replace") for folder in folders for path in sorted(Path(folder).rglob("*.html")))
        return cls.from_templates(text for text in texts if "<script" in text)

    def __len__(self) -> int:
        return len(self.patterns)

    def wrote(self, text: str) -> bool:
        """Whether one of the templates writes a script of exactly this text."""
        return any(pattern.fullmatch(text) for pattern in self.patterns)


@dataclass(frozen=True)
class ProtectedPage:
    """A built page with its policies, and the inline scripts the policy gives no hash (each a problem)."""

    html: str
    policy: str
    refused: list[InlineScript]


def protect_page(page: str, templates: TemplateScripts, live_reload: bool = False) -> ProtectedPage:
    """``page`` with its Content-Security-Policy and referrer policy at the top of ``<head>``.

    >>> theme = TemplateScripts.from_templates(["<script>theme()</script>"])
    >>> built = ('<!doctype html><html><head><meta charset="utf-8"><title>t</title><script>theme()</script></head>'
    ...          '<body><div data-md-component="content"><article><script>theme()</script><script>evil()</script></article></div></body></html>')
    >>> protected = protect_page(built, theme)
    >>> print(protected.html[: protected.html.index("sha256-") + 7])
    <!doctype html><html><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-
    >>> script_hash("theme()") in protected.policy, script_hash("evil()") in protected.policy
    (True, False)
    >>> [(script.text, script.in_content) for script in protected.refused]
    [('theme()', True), ('evil()', True)]
    """
    scripts = inline_scripts(page)
    allowed = [script for script in scripts if script.executable and not script.in_content and templates.wrote(script.text)]
    refused = [script for script in scripts if script.in_content or (script.executable and script not in allowed)]
    policy = content_security_policy((script_hash(script.text) for script in allowed), live_reload)
    return ProtectedPage(at_top_of_head(page, policy_meta(policy)), policy, refused)


_HEAD_TOP = re.compile(r"<head\b[^>]*>(\s*<meta\s+charset\s*=[^>]*>)?", re.IGNORECASE)
_DOCTYPE = re.compile(r"\s*(<!doctype[^>]*>)?", re.IGNORECASE)


def at_top_of_head(page: str, elements: str) -> str:
    """``page`` with ``elements`` first in its ``<head>``: after the charset declaration, which must
    come within the first 1024 bytes and loads nothing; before every stylesheet and script.

    >>> at_top_of_head('<!doctype html><html><head>\\n  <meta charset="utf-8">\\n  <title>x</title>', "<meta name=a>")
    '<!doctype html><html><head>\\n  <meta charset="utf-8">\\n<meta name=a>\\n  <title>x</title>'
    >>> at_top_of_head('<!DOCTYPE html><p>no head', "<meta name=a>")
    '<!DOCTYPE html>\\n<meta name=a><p>no head'
    """
    top = _HEAD_TOP.search(page) or _DOCTYPE.match(page)
    return page[: top.end()] + "\n" + elements + page[top.end() :]
