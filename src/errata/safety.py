"""Unsafe HTML: one allowlist sanitiser for built pages, and the check's report of what it would remove.

Contributors write Markdown, and Markdown lets raw HTML through. Every page's
HTML goes through :func:`sanitize_html`, ammonia's allowlist sanitiser (the
``nh3`` binding) configured for what Material pages hold: admonitions,
details, tabs, task lists, tables, footnotes, highlighted code, the inline SVG
of icons and emoji, heading permalinks. Anything else is dropped: scripts,
styles, frames, ``<base>``, ``<meta>``, forms and their buttons, SVG
animation, event handlers, and any URL whose scheme (after the parser decodes
entities and drops control characters, as a browser does) is not http, https
or mailto.

The contribution check does not guess with patterns of its own:
:func:`find_unsafe_html` reads each tag of an essay's Markdown (outside code)
with its line, passes that tag through the same sanitiser, and reports what
the sanitiser took away. Code (fenced and indented blocks, spans) is text, and so is a
tag Python-Markdown reads as text (one ending in an escaped ``\\>``), so they are not
searched: an essay may *show* a script. What is code is :func:`errata.markdown_lines.line_roles`'s
reading, which calls a line code only when Python-Markdown surely does.
"""

from __future__ import annotations

import datetime
import html
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Iterable

import nh3
from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE

from .markdown_lines import PROSE, line_roles, prose_only
from .metadata import MAX_DEPTH

#: Elements a page may keep (besides ammonia's defaults, minus the ones below).
_SVG_SHAPES = {"svg", "path", "g", "circle", "rect", "ellipse", "line", "polyline", "polygon"}
#: Neither ``<bdo>`` nor ``<bdi>`` (nor a ``dir`` attribute, below): they are the markup of the text-direction
#: controls the page drops (:data:`DIRECTION_CONTROLS`). ``pip install requests<bdo dir="rtl"><span dir="ltr">; curl …
#: | sh</span><span dir="ltr"> #</span></bdo>`` showed ``pip install requests #; curl … | sh`` (the curl a comment),
#: and a reader who copied the line got the curl to run (a red-team audit); ``<bdi>`` or ``dir="auto"`` before an
#: invisible right-to-left mark (U+200F) did the same. Their text stays, in the order it is copied.
ALLOWED_TAGS = (set(nh3.ALLOWED_TAGS) - {"map", "area", "bdo", "bdi"}) | {"input", "label", "section", "main"} | _SVG_SHAPES
#: Elements removed together with what they contain (text inside them is code, not prose).
REMOVED_WITH_CONTENT = {
    "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript",
    "noembed", "noframes", "xmp", "textarea", "select", "title", "math",
}  # fmt: skip
#: Elements worth naming as dangerous when they appear anywhere (also in front matter).
DANGEROUS_TAGS = REMOVED_WITH_CONTENT | {
    "base", "meta", "link", "form", "button", "input", "isindex", "animate", "animatemotion",
    "animatetransform", "set", "use", "foreignobject", "image", "handler", "listener", "portal",
}  # fmt: skip

_SVG_PAINT = {"fill", "fill-rule", "clip-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "opacity"}
#: A shape's own transform moves it inside its drawing, which clips it; on the ``<svg>`` itself a browser
#: reads it as CSS, and a drawing scaled thirty times covered the whole page with a link (a red-team audit).
_SVG_SHAPE = _SVG_PAINT | {"transform"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "aria-label", "aria-hidden", "aria-live", "role"},  # no "dir": see ALLOWED_TAGS
    "a": {"href", "name", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "align", "style"},  # Typora writes style="zoom:67%"
    "td": {"style", "align", "colspan", "rowspan"},
    "th": {"style", "align", "colspan", "rowspan", "scope"},
    "col": {"span", "align"},
    "colgroup": {"span", "align"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "p": {"align"},
    "div": {"align", "data-tabs"},  # pymdownx.tabbed numbers its tab sets
    "label": {"for"},
    "input": {"checked", "disabled", "name"},
    "time": {"datetime"},
    "del": {"datetime", "cite"},
    "ins": {"datetime", "cite"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "svg": {"viewBox", "xmlns", "width", "height", "focusable"} | _SVG_PAINT,
    "path": {"d"} | _SVG_SHAPE,
    "g": _SVG_SHAPE,
    "circle": {"cx", "cy", "r"} | _SVG_SHAPE,
    "ellipse": {"cx", "cy", "rx", "ry"} | _SVG_SHAPE,
    "rect": {"x", "y", "width", "height", "rx", "ry"} | _SVG_SHAPE,
    "line": {"x1", "y1", "x2", "y2"} | _SVG_SHAPE,
    "polyline": {"points"} | _SVG_SHAPE,
    "polygon": {"points"} | _SVG_SHAPE,
}
#: Task lists and tabs are inputs; nothing else is (a form is never kept, so nothing submits).
ATTRIBUTE_VALUES = {"input": {"type": {"checkbox", "radio"}}}
URL_SCHEMES = {"http", "https", "mailto"}
#: Ids the generated Markdown uses with a leading ``__`` (tabs, code lines); any other ``__`` id
#: could stand in for one of Material's own elements (``__config``, ``__search``) or a global.
_OWN_IDS = re.compile(r"__(?:tabbed|codelineno|span)[_\-][\w\-]*\Z")
#: The id the site's script finds its lookup form by (errata.js), which the site puts in after the sanitiser:
#: on an essay's element, the script took it for the form and stopped on that page (a red-team audit).
SCRIPT_IDS = frozenset({"errata-lookup"})
#: The theme's own classes (``md-…``): on an essay's element they place it as the theme places its
#: own, a cookie banner's overlay over the whole page, a skip link out of sight (a red-team audit hid a
#: decoy ``__code_0`` so, which the first code block's copy button then copied). Only the buttons
#: Material's documentation offers for content stay.
#: ``mermaid`` too: Material loads mermaid.js from unpkg.com for an element of that class, and the site loads
#: nothing from other hosts (the Content-Security-Policy blocked it, and said so in the reader's console).
#: And the tab controls Material's script makes (``tabbed-control``, ``tabbed-button``, never in the Markdown's
#: HTML): absolutely placed, the button taking clicks, they laid a link over the whole page (a red-team audit).
#: And KaTeX's (the site renders no mathematics): the theme lets an ``<svg>`` in ``katex-html`` past the column.
_THEME_CLASS = re.compile(r"md-|mermaid\Z|tabbed-(?:control|button)|katex")
CONTENT_THEME_CLASSES = frozenset({"md-button", "md-button--primary"})


#: A paint that is not a colour: ``url(…)`` anywhere but this page, which the browser fetches
#: (presentation attributes are CSS, so an escape in one is refused too).
_OUTSIDE_PAINT = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


def theme_class(name: str) -> bool:
    """Whether a class is the theme's own, which the sanitiser takes off an essay's elements.

    >>> theme_class("md-consent__overlay"), theme_class("mermaid"), theme_class("md-button"), theme_class("note")
    (True, True, False, False)
    >>> theme_class("tabbed-control--next"), theme_class("tabbed-button"), theme_class("tabbed-labels")
    (True, True, False)
    """
    return bool(_THEME_CLASS.match(name)) and name not in CONTENT_THEME_CLASSES


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    """Ids that could stand in for Material's own go, the theme's classes, and SVG paint that would load from elsewhere.

    >>> sanitize_html('<svg><rect fill="url(https://evil.example/a.svg#x)" stroke="url(#g)"/></svg>')
    '<svg><rect stroke="url(#g)"></rect></svg>'
    >>> sanitize_html('<div id="__code_0" class="md-skip note"><a class="md-button" href="/a/">a</a></div>')
    '<div class="note"><a class="md-button" href="/a/">a</a></div>'
    >>> sanitize_html('<div id="errata-lookup">x</div><div id="errata-lookup-form"></div>')
    '<div>x</div><div id="errata-lookup-form"></div>'
    """
    if attribute in ("id", "name", "for") and (value.startswith("__") and not _OWN_IDS.match(value) or value in SCRIPT_IDS):
        return None
    if attribute == "class" and any(map(theme_class, value.split())):
        return " ".join(name for name in value.split() if not theme_class(name)) or None
    if attribute == "cite" and not url_is_allowed(value):  # nh3 filters the schemes of links, not of a quote's source
        return None
    if attribute in _SVG_PAINT and ("\\" in value or _OUTSIDE_PAINT.search(html.unescape(value))):  # CSS reads \75rl( as url(
        return None
    return value


#: A style attribute as the sanitiser writes it: its CSS escapes and comments read, each property by its plain
#: name (``z\\oom`` and ``zoom/**/`` come out as ``zoom``), so the rule below reads what a browser will.
_STYLED_TAG = re.compile(r'<([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)\sstyle="([^"]*)"')


def _without_large_zoom(cleaned: str) -> str:
    """Sanitised HTML with no ``zoom`` but an image's own, at most its size (:func:`_without_zoom_beyond_size`).

    >>> _without_large_zoom('<td style="zoom:300">x</td><img src="a.png" style="zoom:50%">')
    '<td>x</td><img src="a.png" style="zoom:50%">'
    """
    if "zoom" not in cleaned:
        return cleaned

    def tag(match: re.Match) -> str:
        if "zoom" not in match[3].lower():
            return match[0]
        style = _without_zoom_beyond_size(match[1].lower(), html.unescape(match[3]))
        return f"<{match[1]}{match[2]}" + (f' style="{html.escape(style)}"' if style else "")

    return _STYLED_TAG.sub(tag, cleaned)


#: Characters that reorder the text around them (Unicode's embeddings, overrides and isolates, and the invisible
#: marks that act as a right-to-left or left-to-right letter): in a code block they showed ``pip install requests #;
#: curl … | sh`` while the copy button copied the command in its own order, the curl no comment (an audit; "Trojan
#: Source"); a right-to-left mark did the same in prose inside ``<bdi>`` (round twenty-two). No Chinese or English
#: text needs them.
DIRECTION_CONTROL_RANGES = "\u061c\u070f\u200e\u200f\u202a-\u202e\u2066-\u2069"
DIRECTION_CONTROLS = re.compile(f"[{DIRECTION_CONTROL_RANGES}]")


def _without_direction_controls(page: str) -> str:
    """The page without :data:`DIRECTION_CONTROLS`.

    >>> _without_direction_controls("pip install requests \u2067\u2066; curl x | sh \u2069\u2066# \u2069\u2069")
    'pip install requests ; curl x | sh # '
    """
    return DIRECTION_CONTROLS.sub("", page)


def _without_zoom_beyond_size(element: str, style: str) -> str:
    """A style with no ``zoom`` but an image's own, at most its size (Typora's ``zoom: 50%``): a table cell
    zoomed 300 times laid its link over the page (an audit), and nothing but an image is zoomed by an editor.

    >>> _without_zoom_beyond_size("img", "zoom: 50%;"), _without_zoom_beyond_size("img", "zoom:300"), _without_zoom_beyond_size("td", "zoom:0.5; width: 3em")
    ('zoom: 50%', '', 'width: 3em')
    """
    kept = []
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        if not declaration.strip() or name.strip().lower() == "zoom" and not (element == "img" and _at_most_full_size(value.strip())):
            continue
        kept.append(declaration.strip())
    return "; ".join(kept)


def _at_most_full_size(value: str) -> bool:
    """Whether a zoom value is 100% or less (``50%``, ``0.5``).

    >>> _at_most_full_size("50%"), _at_most_full_size("1"), _at_most_full_size("300"), _at_most_full_size("normal")
    (True, True, False, False)
    """
    match = re.fullmatch(r"(\d{1,3}(?:\.\d{1,4})?)(%?)", value)
    return bool(match) and float(match[1]) <= (100 if match[2] else 1)


_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=REMOVED_WITH_CONTENT,
    attributes=ATTRIBUTES,
    tag_attribute_values=ATTRIBUTE_VALUES,
    attribute_filter=_attribute_filter,
    url_schemes=URL_SCHEMES,
    # Python-Markdown aligns table columns with a style, Typora sizes images with one; nothing that
    # places an element (position, inset) or draws outside it is kept (``max-width: none`` let an image
    # overflow the column the theme holds it in).
    filter_style_properties={"text-align", "zoom", "width", "height", "vertical-align"},
    link_rel=None,
    strip_comments=True,
)


def sanitize_html(page: str) -> str:
    """A page's HTML with everything outside the allowlist removed.

    >>> sanitize_html('<p>a<script>alert(1)</script><img src="x" onerror="alert(1)"><a href="&#x6A;avascript:x()">b</a></p>')
    '<p>a<img src="x"><a>b</a></p>'
    >>> sanitize_html('<p><code>&lt;script&gt;</code></p>')
    '<p><code>&lt;script&gt;</code></p>'
    """
    # The controls go after the cleaner, which writes a character reference (``&#x202e;``, ``&rlm;``) as its character.
    return _without_hidden_code(_without_large_zoom(_without_text_boxes(_without_direction_controls(_CLEANER.clean(_with_few_attributes(page))))))


#: The most attributes a tag may carry. The HTML parser under the sanitiser (html5ever) compares each attribute with
#: the ones before it: 80,000 on one ``<p>`` took 6 s, four times as many sixteen times as long. No essay's tag has
#: more than a few dozen; beyond this the tag is reported whole, without asking the parser.
MAX_ATTRIBUTES = 256


#: A start tag long enough to hold more than :data:`MAX_ATTRIBUTES` attributes (each one at least two characters).
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{%d,}" % (2 * MAX_ATTRIBUTES))


def _with_few_attributes(page: str) -> str:
    """The page with each start tag cut to its first :data:`MAX_ATTRIBUTES` attributes before the HTML parser reads it
    (it is quadratic in a tag's attributes: a page of one ``<p>`` with 300,000 took minutes to sanitise).

    >>> _with_few_attributes("<p " + " ".join(f"a{i}" for i in range(300)) + ">x</p>").count(" a")
    256
    """
    if not _LONG_TAG.search(page):
        return page
    for _, _, tag, attrs, source in start_tags(page):
        if len(attrs) > MAX_ATTRIBUTES:
            kept = " ".join(f'{name}="{html.escape(value)}"' for name, value in attrs[:MAX_ATTRIBUTES])
            page = page.replace(source, f"<{tag} {kept}>", 1)
    return page


#: A tag as the sanitiser writes it (``<`` and ``>`` in text and in attribute values are escaped): its end
#: mark, its name and its attributes.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")


def _without_hidden_code(cleaned: str) -> str:
    """Sanitised HTML where nothing inside code is hidden: the copy button copies a block's text, shown or not.

    A red-team audit wrote ``pip install requests`` and, in a back-link the theme draws at size 0, `` && curl …
    | sh`` into one block: the reader saw the first, the copy button copied both; the next audit shrank it
    in thirty nested ``<small>`` and in a table cell zoomed to a thousandth. Inside ``<code>`` and ``<pre>``
    only what the highlighter writes stays, a ``<span>`` or an ``<a>`` (a line's number) with its token
    classes, and a ``<br>``; every other element goes with its text kept, now in sight, and no style stays.

    >>> _without_hidden_code('<pre><code>pip<a class="footnote-backref"> &amp;&amp; curl x</a><details><summary></summary>;rm</details></code></pre>')
    '<pre><code>pip<a> &amp;&amp; curl x</a>;rm</code></pre>'
    >>> _without_hidden_code('<pre><code><span class="kd">var</span><small><small> | sh</small></small><td style="zoom:0.001">;x</td></code></pre>')
    '<pre><code><span class="kd">var</span> | sh;x</code></pre>'
    >>> _without_hidden_code('<pre><code>pip' + '<code>' * 3 + ' | sh' + '</code>' * 3 + '</code></pre><p><code>a<code>b</code></code></p>')
    '<pre><code>pip | sh</code></pre><p><code>ab</code></p>'
    >>> _without_hidden_code('<h2 id="a">A<a class="headerlink" href="#a">¶</a></h2><details><summary>S</summary>x</details>')
    '<h2 id="a">A<a class="headerlink" href="#a">¶</a></h2><details><summary>S</summary>x</details>'
    """
    if "<code" not in cleaned and "<pre" not in cleaned:
        return cleaned
    # The code and pre elements open here, each with whether it stays (the sanitiser's output nests them properly).
    # One code in one pre stays: the theme draws each code smaller than what holds it, and thirty nested ones
    # (an audit) drew their text at a tenth of a pixel.
    open_code: list[tuple[str, bool]] = []
    kept_open: set[str] = set()  # the names of the open ones that stay: at most a pre and a code (read in constant time)

    def tag(match: re.Match) -> str:
        closing, name, attributes = match[1], match[2].lower(), match[3]
        if name in ("code", "pre"):
            if closing:
                opened, kept = open_code.pop() if open_code else (name, True)
                if kept:
                    kept_open.discard(opened)
                return match[0] if kept else ""
            kept = "code" not in kept_open and name not in kept_open
            open_code.append((name, kept))
            if kept:
                kept_open.add(name)
            return f"<{name}{_code_attributes(attributes, _LANGUAGE_CLASS)}>" if kept else ""
        if not open_code:
            return match[0]
        if name not in _HIGHLIGHTER_TAGS:
            return ""
        return f"<{closing}{name}>" if closing else f"<{name}{_code_attributes(attributes)}>"

    return _TAG.sub(tag, cleaned)


#: What the highlighter writes inside code: a token's or a line's ``<span>``, a line number's ``<a>``, a break.
_HIGHLIGHTER_TAGS = frozenset({"span", "a", "br"})
#: A Pygments token's class (``k``, ``nf``, ``c1``, ``err``, ``l-Scalar-Plain``), a highlighted line's (``hll``), a line
#: number's (``normal``, ``special``).
_TOKEN_CLASS = re.compile(r"[a-z]{1,3}[0-9]?(?:-[A-Za-z]{1,40}){0,4}\Z|hll\Z|normal\Z|special\Z")
#: The classes of a code element itself: its language (``language-python``) and inline highlighting's.
_LANGUAGE_CLASS = re.compile(r"language-[\w+#.-]{1,40}\Z|highlight\Z")
_CODE_ATTRIBUTE = re.compile(r'\s([a-zA-Z-]+)="([^"]*)"')


def _code_attributes(attributes: str, classes: re.Pattern = _TOKEN_CLASS) -> str:
    """The attributes an element inside code keeps: its id, name and href (a line's number links to
    itself), and the classes the highlighter gives (``classes``); no style, no class that the theme gives a
    look of its own (a permalink's or a footnote back-link's, drawn at size 0 until pointed at).

    >>> _code_attributes(' class="kd footnote-backref" style="font-size:0" id="__span-0-1"')
    ' class="kd" id="__span-0-1"'
    """
    kept = []
    for key, value in _CODE_ATTRIBUTE.findall(attributes):
        if key == "class":
            value = " ".join(name for name in value.split() if classes.match(name))
        elif key not in ("id", "name", "href"):
            continue
        if value or key != "class":
            kept.append(f' {key}="{value}"')
    return "".join(kept)


#: An input element as the sanitiser writes it: every attribute value in double quotes, with ``"`` and
#: ``>`` inside a value escaped, so `` type="…"`` can only be the element's own type.
_INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_CHOICE_TYPE = re.compile(r' type="(?:checkbox|radio)"', re.IGNORECASE)


def _without_text_boxes(cleaned: str) -> str:
    """Sanitised HTML without the inputs that have no type: a browser shows those as text boxes.

    The allowlist keeps an input's ``type`` only when it is a checkbox or a radio button (task lists,
    content tabs); an input whose type was missing or dropped would be an empty text box in the page,
    the start of a fake sign-in form.

    >>> _without_text_boxes('<p>密码<input>：<input type="checkbox" disabled=""></p>')
    '<p>密码：<input type="checkbox" disabled=""></p>'
    """
    return _INPUT.sub(lambda tag: tag[0] if _CHOICE_TYPE.search(tag[0]) else "", cleaned)


#: Titles shown as text: no element at all, entities kept as they are (``&lt;b&gt;`` stays text).
_TEXT_CLEANER = nh3.Cleaner(tags=set(), clean_content_tags=REMOVED_WITH_CONTENT, attributes={}, strip_comments=True)


def sanitize_title(title: str) -> str:
    """A heading's title as the table of contents holds it (HTML text) with every tag removed.

    Python-Markdown strips tags from a heading's title with a pattern, and markup split by a code
    span (``<img src=x onerror=alert(`1`)>``) comes out whole; Material prints the title unescaped
    in the page's sidebar, outside the sanitised content.

    >>> sanitize_title('a <img src=x onerror=alert(1)>'), sanitize_title('vector&lt;int&gt; &amp; b')
    ('a ', 'vector&lt;int&gt; &amp; b')
    """
    return _TEXT_CLEANER.clean(title)


def sanitize_toc(items) -> None:
    """Every title of a page's table of contents (MkDocs' ``page.toc``, nested) reduced to text,
    and every anchor escaped for the ``href`` the theme puts it in."""
    for item in items:
        item.title = sanitize_title(item.title)
        item.id = html.escape(item.id, quote=True)
        sanitize_toc(item.children)


def escape_text(value: str) -> str:
    """A front-matter value or file name made safe to print in a template (quotes too).

    >>> escape_text('"><img src=x onerror=alert(1)>')
    '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'

    Without the characters that turn text's direction, which the content loses too: a title of ``\u202e`` turned the
    sidebar's and the tab's words around on every page (red team round 31).

    >>> escape_text("标题\u202egnp.exe")
    '标题gnp.exe'
    """
    return html.escape(DIRECTION_CONTROLS.sub("", value), quote=True)


#: Settings of mkdocs.yml the theme prints as they are, in text and in attributes, on every page.
PRINTED_SETTINGS = ("site_name", "site_description", "site_author", "repo_name")
#: Settings it prints as links on every page.
LINK_SETTINGS = ("repo_url", "site_url")
#: A web address a page can print in a link as it is: http(s), a host, nothing that ends an attribute.
_PLAIN_WEB_URL = re.compile(r"https?://[\w.-]+(?::\d+)?(?:/[^\s\"'<>`\\]*)?")


def is_plain_web_url(url: str) -> bool:
    """Whether an address is one a page can print in a link as it is (a site's or a repository's).

    >>> is_plain_web_url("https://gitee.com/someone/blog"), is_plain_web_url('https://x.org/"><script>'), is_plain_web_url("javascript:x")
    (True, False, False)
    """
    return _PLAIN_WEB_URL.fullmatch(url) is not None


def site_setting_problems(config) -> list[tuple[str, str, str]]:
    """The settings of a site's configuration that would put markup on every page, each as (setting,
    problem, the value to build with instead): text with ``<``, ``>``, ``"`` or ``&`` (a blog's
    imported title ``</title><script …>``), escaped; a link that is not a plain http(s) URL, dropped.
    A mkdocs.yml comes from a reviewed change or from an imported blog's configuration, and the theme
    prints these where no sanitiser sees them.

    >>> site_setting_problems({"site_name": "Errata 报错手册", "repo_url": "https://github.com/e/e"})
    []
    >>> [(key, new) for key, _, new in site_setting_problems({"site_name": "<script>x</script>", "repo_url": 'https://e/"><x'})]
    [('site_name', '&lt;script&gt;x&lt;/script&gt;'), ('repo_url', '')]
    """
    found = []
    for key in PRINTED_SETTINGS:
        value = config.get(key)
        if isinstance(value, str) and any(ch in value for ch in '<>"&'):
            found.append((key, "holds markup, which the theme would print as it is on every page", escape_text(value)))
    for key in LINK_SETTINGS:
        value = config.get(key)
        if isinstance(value, str) and value and not is_plain_web_url(value):
            found.append((key, "is not a plain http(s) URL; the theme prints it as a link on every page", ""))
    return found


_ATTRIBUTE_BREAKERS = re.compile(r"[\"'<>`\s]")


def quote_url(url: str) -> str:
    """A URL made from a file's path, with what could end the attribute it is printed in percent-encoded.

    The theme prints a page's edit link unescaped, and MkDocs joins it from the file's path as is.

    >>> quote_url('https://github.com/e/e/edit/main/docs/a"onmouseover="x".md')
    'https://github.com/e/e/edit/main/docs/a%22onmouseover=%22x%22.md'
    """
    return _ATTRIBUTE_BREAKERS.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), url)


#: Front-matter values whose printed form holds no markup (numbers, booleans, dates, nothing).
_PRINTED_AS_IS = (bool, int, float, type(None), datetime.date)


def escape_values(value):
    """Every string in a front-matter value escaped (lists and mappings walked), other values as they are.

    A list or mapping that YAML aliases share is escaped once and shared again: walked as a tree,
    ten aliases of ten aliases … of a list (400 bytes of front matter) are billions of strings, and
    one that contains itself (``a: &a [*a]``) never ends. The walk keeps its own stack: MkDocs reads
    a front matter nested 990 levels deep (libyaml's limit is 1,000), and a recursive walk ended the
    build in a RecursionError. Lists and mappings deeper than the front matter may nest
    (:data:`errata.metadata.MAX_DEPTH`, reported by the check) are left empty: the theme prints a
    value with ``str()``, which recursed as deep and ended the build the same way.

    >>> escape_values({"description": '"><script>', "hide": ["toc"], "n": 3})
    {'description': '&quot;&gt;&lt;script&gt;', 'hide': ['toc'], 'n': 3}
    >>> shared = ["<b>"]; escaped = escape_values({"a": shared, "b": [shared, shared]}); escaped["a"] is escaped["b"][1]
    True
    >>> looped = ["<b>"]; looped.append(looped); escape_values(looped)
    ['&lt;b&gt;', [...]]
    >>> escape_values({"description": b'"><img>', "tags": {"<b>"}, "n": 3})
    {'description': '&quot;&gt;&lt;img&gt;', 'tags': '{&#x27;&lt;b&gt;&#x27;}', 'n': 3}
    >>> deep = ["<b>"]
    >>> for _ in range(MAX_DEPTH + 5): deep = [deep]
    >>> str(escape_values({"subtitle": deep})).count("[[]]")
    1
    """
    if not isinstance(value, (list, dict)):
        return _escape_scalar(value)
    # Each container gets its (empty) copy when first met, before its items are escaped, so that an
    # alias of a container inside itself, or met again elsewhere, finds the copy.
    done: dict[int, list | dict] = {id(value): type(value)()}
    to_fill = [(value, 1)]
    while to_fill:
        container, depth = to_fill.pop()
        escaped = done[id(container)]
        for key, item in enumerate(container) if isinstance(container, list) else container.items():
            if isinstance(item, (list, dict)) and depth >= MAX_DEPTH:
                copy = type(item)()
            elif isinstance(item, (list, dict)):
                if id(item) not in done:
                    done[id(item)] = type(item)()
                    to_fill.append((item, depth + 1))
                copy = done[id(item)]
            else:
                copy = _escape_scalar(item)
            if isinstance(escaped, list):
                escaped.append(copy)
            else:
                escaped[key] = copy
    return done[id(value)]


def _escape_scalar(value):
    """A front-matter value that is no list or mapping, as the theme may print it."""
    if isinstance(value, str):
        return escape_text(value)
    if isinstance(value, _PRINTED_AS_IS):
        return value
    if isinstance(value, bytes):  # YAML's !!binary: the theme would print b'"><img …>' as is
        return escape_text(value.decode("utf-8", "replace"))
    return escape_text(str(value))  # a !!set, an !!omap's pairs: printed by str(), their strings unescaped


#: An element's id in sanitised HTML (every attribute written ``name="value"``, no ``<`` in text): only inside a tag, not
#: text that shows one (red team 37: `` `<div id="app">` `` written twice was a duplicate id and failed the strict build;
#: a row's span a code span showed as text counted as its id, and the check passed a link that led nowhere).
_ID = re.compile(r'<[a-zA-Z][^\s/<>]*+(?:\s++[^\s=/<>]++(?:="[^"]*+")?+)*?\s++id="([^"]*+)"')


def duplicate_ids(page: str) -> list[str]:
    """Ids that appear more than once in sanitised HTML (which writes every attribute in double quotes).

    >>> duplicate_ids('<h2 id="a">x</h2><div id="b"></div><h2 id="a">y</h2>')
    ['a']
    >>> duplicate_ids('<p><code>&lt;div id="app"&gt;</code> <code>&lt;div id="app"&gt;</code></p><a href="x" title="t" id="b"></a>')
    []
    """
    seen = Counter(match.group(1) for match in _ID.finditer(page))
    return [name for name, count in seen.items() if count > 1]


def missing_ids(page: str, wanted: Iterable[str]) -> list[str]:
    """The ``wanted`` ids that sanitised HTML does not have: an entry whose link would lead nowhere.

    >>> missing_ids('<h2 id="a-b">x</h2><p id="k&amp;1">y</p>', ["a-b", "k&1", "a--b"])
    ['a--b']
    >>> missing_ids('<p><code>&lt;span id="e-1"&gt;&lt;/span&gt;</code></p><td title="a>b" id="e-2"></td>', ["e-1", "e-2"])
    ['e-1']
    """
    present = {html.unescape(match.group(1)) for match in _ID.finditer(page)}
    return [name for name in wanted if name not in present]


@dataclass(frozen=True)
class UnsafeHtml:
    line: int
    column: int
    what: str
    dangerous: bool = True  # scripts, handlers, bad URLs; False for harmless markup the site drops

    @property
    def message(self) -> str:
        return f"unsafe HTML: {self.what} (not allowed in contributed Markdown)"


StartTag = tuple[int, int, str, list[tuple[str, str]], str]  # line, column (0-based), name, attributes, source

#: Elements whose content a browser reads as text up to their end tag (no tags inside).
_RAW_TEXT = {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title", "plaintext"}
_SPACE = " \t\n\r\f"


def start_tags(text: str) -> list[StartTag]:
    """Each start tag of ``text`` as a browser's tokenizer reads it, with its line and column.

    Written as the HTML tokenizer's states (tag name, attribute name, quoted and unquoted
    values, comments, raw text), so a ``>`` inside quotes does not end a tag and ``<scr<iframe>``
    is one odd element. Linear: each character is read once (the standard library's parser
    took minutes on ``<a b="`` repeated, since it rescans an unfinished tag).

    >>> [(t[2], t[3]) for t in start_tags('<img alt=">" src=x onerror=alert(1)><!-- <b> --><style><i></style>')]
    [('img', [('alt', '>'), ('src', 'x'), ('onerror', 'alert(1)')]), ('style', [])]
    """
    found: list[StartTag] = []
    lowered = text.lower()
    line_starts = _LineStarts(text)
    memo: dict[str, int] = {}
    at, end = 0, len(text)
    while True:
        at = text.find("<", at)
        if at < 0 or at + 1 >= end:
            return found
        following = text[at + 1]
        if following == "!":
            close = _comment_end(text, at, memo)
            if close < 0:
                return found
            at = close
            continue
        if following in "/?":
            close = text.find(">", at)
            if close < 0:
                return found
            at = close + 1
            continue
        if not following.isascii() or not following.isalpha():
            at += 1
            continue
        tag = _read_tag(text, at)
        if tag is None:  # the text ends inside the tag: a browser drops it
            return found
        name, attrs, close = tag
        line, column = line_starts.position(at)
        found.append((line, column, name.lower(), attrs, text[at:close]))
        at = close
        if name.lower() in _RAW_TEXT:
            after = lowered.find("</" + name.lower(), at)
            if after < 0:
                return found
            at = after


def _comment_end(text: str, at: int, memo: dict[str, int]) -> int:
    """Where the comment (or ``<!DOCTYPE``-like bogus comment) at ``at`` ends, as a browser ends it; -1 if never.

    >>> _comment_end("<!--><img>", 0, {}), _comment_end("<!-- a --!><b>", 0, {}), _comment_end("<!x>", 0, {})
    (5, 11, 4)
    """
    if not text.startswith("<!--", at):
        close = text.find(">", at)
        return close + 1 if close >= 0 else -1
    for empty in ("<!-->", "<!--->"):
        if text.startswith(empty, at):
            return at + len(empty)
    closes = [c for c in (_find_after(text, "-->", at + 4, memo), _find_after(text, "--!>", at + 4, memo)) if c >= 0]
    if not closes:
        return -1
    close = min(closes)
    return close + (3 if text.startswith("-->", close) else 4)


def _find_after(text: str, needle: str, at: int, memo: dict[str, int]) -> int:
    """``text.find(needle, at)``, remembering the answer for one scan of ``text``: a rare
    needle asked after every comment of a long page is searched for once, not once per comment."""
    last = memo.get(needle)
    if last is None or (last != -1 and last < at):
        last = memo[needle] = text.find(needle, at)
    return last


def _read_tag(text: str, at: int) -> tuple[str, list[tuple[str, str]], int] | None:
    """The name, attributes and end (after ``>``) of the start tag at ``at``; None at the end of the text."""
    end = len(text)
    i = at + 1
    while i < end and text[i] not in _SPACE + "/>":
        i += 1
    name = text[at + 1 : i]
    attrs: list[tuple[str, str]] = []
    seen: set[str] = set()  # the names so far: a list read for each one was quadratic (20,000 names: 35 s)
    while i < end:
        char = text[i]
        if char in _SPACE or char == "/":
            i += 1
            continue
        if char == ">":
            return name, attrs, i + 1
        start = i
        i += 1  # the first character of a name may be '=' or anything but space, '/' and '>'
        while i < end and text[i] not in _SPACE + "/>=":
            i += 1
        attribute = text[start:i].lower()
        while i < end and text[i] in _SPACE:
            i += 1
        value = ""
        if i < end and text[i] == "=":
            i += 1
            while i < end and text[i] in _SPACE:
                i += 1
            if i < end and text[i] in "\"'":
                close = text.find(text[i], i + 1)
                if close < 0:
                    return None
                value, i = text[i + 1 : close], close + 1
            else:
                start = i
                while i < end and text[i] not in _SPACE + ">":
                    i += 1
                value = text[start:i]
        if attribute not in seen:
            seen.add(attribute)
            attrs.append((attribute, html.unescape(value)))
    return None


class _LineStarts:
    """Line and column of an offset, for offsets asked in increasing order (amortised linear)."""

    def __init__(self, text: str):
        self.text, self.line, self.line_start = text, 1, 0
        self.scanned = 0  # no line break before here past line_start: a line of 80,000 tags is read once, not once a tag

    def position(self, offset: int) -> tuple[int, int]:
        while True:
            newline = self.text.find("\n", max(self.line_start, self.scanned), offset)
            if newline < 0:
                self.scanned = max(self.scanned, offset)
                return self.line, offset - self.line_start
            self.line, self.line_start = self.line + 1, newline + 1


#: Where the HTML parser puts a lone tag of these: a ``<td>`` outside a table is dropped as an error.
_CONTEXT = {
    **dict.fromkeys(("td", "th"), ("<table><tr>", "</tr></table>")),
    "tr": ("<table>", "</table>"),
    **dict.fromkeys(("thead", "tbody", "tfoot", "caption", "colgroup", "col"), ("<table>", "</table>")),
    **dict.fromkeys(_SVG_SHAPES - {"svg"}, ("<svg>", "</svg>")),
}


def _what_is_removed(tag: str, attrs: list[tuple[str, str]], source: str) -> list[tuple[str, bool]]:
    """What the sanitiser takes from this one tag: the element, or some of its attributes.

    >>> _what_is_removed("p", [(f"a{i}", "") for i in range(300)], "<p …>")
    [('<p> with 300 attributes (at most 256)', True)]
    """
    if len(attrs) > MAX_ATTRIBUTES:
        return [(f"<{tag}> with {len(attrs)} attributes (at most {MAX_ATTRIBUTES})", True)]
    return _removed_from(tag, tuple(attrs), source)


def kept_attributes(tag: str, attrs: list[tuple[str, str]], source: str) -> frozenset[str] | None:
    """The names of a start tag's attributes that the sanitiser keeps (``markdown`` too, which md_in_html
    reads), or ``None`` when it drops the element: what Markdown that passes the check may hold.

    >>> sorted(kept_attributes("p", [("class", "codepen"), ("data-height", "600"), ("style", "height: 6px")], '<p class="codepen" data-height="600" style="height: 6px">'))
    ['class']
    >>> kept_attributes("iframe", [("src", "https://codepen.io/")], '<iframe src="https://codepen.io/">') is None
    True
    """
    return _kept(tag, tuple(attrs), source)


@lru_cache(maxsize=4096)  # an essay repeats its tags: each distinct one goes through the sanitiser once
def _kept(tag: str, attrs: tuple[tuple[str, str], ...], source: str) -> frozenset[str] | None:
    before, after = _CONTEXT.get(tag, ("", ""))
    kept = [t for t in start_tags(sanitize_html(before + source + after)) if t[2] == tag]
    if not kept:
        return None
    return frozenset(name.lower() for name, _ in kept[0][3]) | ({"markdown"} & {name for name, _ in attrs})


@lru_cache(maxsize=4096)
def _removed_from(tag: str, attrs: tuple[tuple[str, str], ...], source: str) -> list[tuple[str, bool]]:
    kept_names = _kept(tag, attrs, source)
    if kept_names is None:  # dangerous if it is one of the active elements or carries a handler or a URL
        risky = any(name.startswith("on") or (name in _URL_ATTRIBUTES and url_scheme(value)) for name, value in attrs)
        return [(f"<{tag}> element", tag in DANGEROUS_TAGS or risky)]
    removed = []
    for name, value in attrs:
        if name.lower() == "class":
            # The theme's classes go one by one, the attribute may stay: each is named (``class md-x``).
            theirs = [(f"class {token} (the theme's own)", False) for token in (value or "").split() if theme_class(token)]
            removed += theirs
            if "class" in kept_names or theirs:
                continue
        if name.lower() in kept_names:
            continue
        scheme = url_scheme(value or "")
        if name.startswith("on"):
            removed.append((f"event-handler attribute {name}", True))
        elif scheme and name in _URL_ATTRIBUTES:
            removed.append((f"{scheme}: URL", True))
        else:
            removed.append((f"attribute {name}", name in _RISKY_ATTRIBUTES or bool(scheme) or "url(" in value.lower()))
    return removed


_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "cite", "background", "poster", "data", "srcset", "values", "to", "from"}
_RISKY_ATTRIBUTES = _URL_ATTRIBUTES | {"style", "id", "name", "target", "http-equiv", "content", "attributename", "type"}
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")


def url_scheme(value: str) -> str | None:
    """The scheme a browser reads in a URL (control characters and spaces dropped), if any.

    >>> url_scheme("java\\tscript:alert(1)"), url_scheme(" \\x01JavaScript:x"), url_scheme("../a.md#b")
    ('javascript', 'javascript', None)
    """
    match = _SCHEME.match(_CONTROL.sub("", value).lower())
    return match.group(1) if match else None


def url_is_allowed(url: str) -> bool:
    """Whether the sanitiser keeps ``url`` as a link target (entities in it decoded first).

    >>> url_is_allowed("https://pytorch.org"), url_is_allowed("../a.md#x"), url_is_allowed("&#106;avascript:x")
    (True, True, False)
    """
    kept = _CLEANER.clean(f'<a href="{url.replace(chr(34), "&quot;")}">x</a>')
    return "href=" in kept


def find_unsafe_html(markdown: str, first_line: int = 1) -> list[UnsafeHtml]:
    """What the sanitiser would remove from an essay's Markdown, outside code and escaped text, with its line.

    >>> find_unsafe_html("ok\\n<div>\\n<img alt='>' src=x onerror=alert(1)>\\n`<script>` is fine")
    [UnsafeHtml(line=3, column=1, what='event-handler attribute onerror', dangerous=True)]
    >>> [u.what for u in find_unsafe_html("[a](java&#9;script:x) <style>p{}</style>")]
    ['javascript: URL', '<style> element']
    >>> [u.what for u in find_unsafe_html("## Setup {#__config}\\n\\n## Run {#run}")]
    ['attribute id']
    >>> find_unsafe_html("[x][r]\\n\\n[r]:\\n  javascript:alert(1)")
    [UnsafeHtml(line=4, column=3, what='javascript: URL', dangerous=True)]
    """
    if not any(mark in markdown for mark in ("<", "](", "]:", "{", "!!!", "???")):
        return []
    roles = line_roles(markdown)
    text, autolinks = without_autolinks(prose_only(markdown, roles))
    found = [UnsafeHtml(first_line + line, column + 1, f"{url_scheme(html.unescape(url)) or 'this'}: URL") for line, column, url in autolinks if not url_is_allowed(url)]
    for line, column, tag, attrs, source in start_tags(text):
        if roles[line - 1] == PROSE and escaped_tag(source):
            continue
        for what, dangerous in _what_is_removed(tag, attrs, source):
            found.append(UnsafeHtml(first_line + line - 1, column + 1, what, dangerous))
    lines = text.split("\n")
    for offset, line in enumerate(lines):
        links = list(markdown_links(line, closed=False))
        if offset and _REFERENCE_OPEN.match(lines[offset - 1]) and (target := _NEXT_LINE_TARGET.match(line)):
            links.append((target.start(1), target.group(1)))  # a definition's URL may stand on the next line
        for column, url in links:
            if not url_is_allowed(url):
                scheme = url_scheme(html.unescape(url)) or "this"
                found.append(UnsafeHtml(first_line + offset, column + 1, f"{scheme}: URL"))
        for column, tag, attrs in _attribute_lists(line):
            for what, dangerous in _what_is_removed(tag, attrs, f"<{tag} " + " ".join(_attribute_source(attrs)) + ">"):
                found.append(UnsafeHtml(first_line + offset, column + 1, what, dangerous))
        if (title := _ADMONITION_CLASSES.match(line)) is not None:  # each word is a class of the box
            for word in re.finditer(r"\S+", title[1]):
                if theme_class(word[0]):
                    found.append(UnsafeHtml(first_line + offset, title.start(1) + word.start() + 1, f"class {word[0]} (the theme's own)", False))
    return sorted(found, key=lambda u: (u.line, u.column))


#: An admonition's or a collapsible block's first line (``!!! note "标题"``, ``??? tip``): its words before the
#: title are the box's classes.
_ADMONITION_CLASSES = re.compile(r"[ \t>]*(?:!!!|\?\?\?\+?)[ \t]*([^\"\n]*)")


#: Markdown's autolinks, read with Python-Markdown's own patterns: ``<https://…>`` and ``<name@host>``
#: become links there, so they are no tags (a browser would read ``<https:`` as one).
_AUTOLINKS = re.compile(f"{AUTOLINK_RE}|{AUTOMAIL_RE}")


def without_autolinks(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The text with each autolink blanked out (lines and columns kept), and (line offset, column,
    URL) of each web autolink, whose URL the sanitiser judges as any link's (mail links are mailto:).

    >>> text, urls = without_autolinks("see <https://a.org/> or <me@a.org>, <b>")
    >>> text.split(), len(text), urls
    (['see', 'or', ',', '<b>'], 39, [(0, 4, 'https://a.org/')])
    """
    if "<" not in text:
        return text, []
    urls = []
    lines = text.split("\n")

    def blanked(match: re.Match, index: int) -> str:
        if match.group(1) is not None:
            urls.append((index, match.start(), match.group(1)))
        return " " * len(match.group())

    for index, line in enumerate(lines):
        if "<" in line and ("://" in line or "@" in line):
            lines[index] = _AUTOLINKS.sub(partial(blanked, index=index), line)  # one pass: found and blanked
    return "\n".join(lines), urls


def find_unsafe_text(value: str) -> list[str]:
    """Dangerous HTML in a plain-text value (a title, a tag, a file name): what it is, if any.

    The site prints such values as text, so ``vector<int>`` is fine; a script or a handler is not.

    >>> find_unsafe_text("cannot convert the series to <class 'float'>"), find_unsafe_text("</title><script>x()</script>")
    ([], ['<script> element'])
    """
    if "<" not in value:
        return []
    return [what for _, _, tag, attrs, source in start_tags(value) for what, dangerous in _what_is_removed(tag, attrs, source) if dangerous]


def escaped_tag(source: str) -> bool:
    r"""Whether a tag read in prose ends in an escaped ``\>``, which Python-Markdown reads as text (the
    escape goes first, and its inline HTML needs a ``>``), with no other ``<`` in it that could start
    a tag of its own. ``\<script>`` is no such thing: Python-Markdown escapes no ``<``.

    >>> escaped_tag(r"<details\>"), escaped_tag(r"<b\\>"), escaped_tag(r'<a title="<script>"\>'), escaped_tag("<script>")
    (True, False, False, False)
    """
    backslashes = len(source[:-1]) - len(source[:-1].rstrip("\\"))
    return backslashes % 2 == 1 and "<" not in source[1:]


#: A reference definition's label: ``[r]:`` at most three spaces in.
_REFERENCE_LABEL = r"[ \t]{0,3}\[[^\]\n]{1,999}\]:[ \t]*"
_REFERENCE = re.compile("^" + _REFERENCE_LABEL + r"(?:<>(?=\s|\Z)|<?([^\s>]+))")  # ``<>``: no URL (``[comment]: <> (…)``)
#: A reference definition whose URL is on the next line (``[r]:``, then ``  javascript:…``), as Python-Markdown reads it.
_REFERENCE_OPEN = re.compile(_REFERENCE_LABEL + r"\Z")
_NEXT_LINE_TARGET = re.compile(r"[ \t]*<?([^\s>]+)")


def markdown_links(line: str, closed: bool = True):
    """(column, target) of each inline link or image and each reference definition on a line.

    Linear: one pass over the line. With ``closed``, an inline link needs its ``)`` (as the
    Markdown does); the unsafe-URL report takes unclosed ones too.

    >>> list(markdown_links("see [a](b.md#c) and ![i]( <img.png> ) and [x](y"))
    [(8, 'b.md#c'), (27, 'img.png')]
    >>> list(markdown_links("[r]: <javascript:x>")), list(markdown_links("[comment]: <> (草稿)")), list(markdown_links("[r]: <>x"))
    ([(6, 'javascript:x')], [], [(5, '<')])
    """
    reference = _REFERENCE.match(line)
    if reference and reference.group(1):
        yield reference.start(1), reference.group(1)
    last_close = line.rfind(")")
    at = line.find("](")
    while at >= 0:
        start = at + 2
        while start < len(line) and line[start] in " \t<":
            start += 1
        end = start
        while end < len(line) and line[end] not in " \t)>":
            end += 1
        if end > start and (not closed or last_close >= end):
            yield start, line[start:end]
        at = line.find("](", end)


#: ``{: #id .class key=value }``: its inside as one run (leading spaces and all: the pair and id patterns
#: read past them). A run of spaces of its own before it was tried at every split of the spaces, each
#: read on to the line's end: quadratic, 100,000 spaces after ``{{`` took 40 s. A quoted value may hold
#: braces (``{ onclick="f({})" }`` is an attribute list to Python-Markdown); each branch starts with a
#: character of its own, so nothing is read two ways.
_ATTR_LIST = re.compile(r"""\{:?((?:[^{}\n"']|"[^"\n]*"|'[^'\n]*')*)\}""")
_ATTR_ID = re.compile(r"(?:^|\s)#([^\s{}#.]+)")
_ATTR_CLASS = re.compile(r"(?:^|\s)\.([^\s{}#.=]+)")
_ATTR_PAIR = re.compile(r"""([^\s=#.{}"']{1,64})=(?:"([^"]*)"|'([^']*)'|([^\s}]*))""")


def _attribute_lists(line: str):
    """(column, element, attributes) of each ``{ key=value }`` attribute list (attr_list) on a line.

    The element is the one the list most likely sets: an image or a link right before it, else a span.
    """
    for match in _ATTR_LIST.finditer(line):
        pairs = [(m.group(1).lower(), next(g for g in m.groups()[1:] if g is not None)) for m in _ATTR_PAIR.finditer(match.group(1))]
        rest = _ATTR_PAIR.sub("", match.group(1))
        pairs += [("id", m.group(1)) for m in _ATTR_ID.finditer(rest)]  # {#__config}
        classes = [m.group(1) for m in _ATTR_CLASS.finditer(rest)]
        if any(theme_class(name) for name in classes):  # { .md-typeset }: what the sanitiser takes off
            pairs.append(("class", " ".join(classes)))
        if not pairs:
            continue
        before = line[: match.start()].rstrip()
        tag = "span"
        if before.endswith(")"):
            opening = before.rfind("[", 0, before.rfind("]("))
            tag = "img" if opening > 0 and before[opening - 1] == "!" else "a"
        yield match.start(), tag, pairs


def _attribute_source(attrs: list[tuple[str, str]]) -> list[str]:
    return [f'{name}="{value.replace(chr(34), "&quot;")}"' for name, value in attrs]
