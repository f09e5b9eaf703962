"""The sanitiser of built pages and the check's report of what it removes.

Unsafe HTML goes whatever its spelling; what Material pages are made of (admonitions, tabs, task lists,
tables, footnotes, highlighted code, SVG icons) comes back with every element and attribute.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest

from conftest import ROOT
from errata.safety import find_unsafe_html, find_unsafe_text, mask_code_spans, sanitize_html


@pytest.mark.parametrize(
    "page, gone",
    [
        ("<p>a</p><SCRIPT>alert(1)</SCRIPT>", "alert"),
        ("<p>a</p><ScRiPt src=x></ScRiPt>", "src=x"),
        ('<img src="x" OnError="alert(1)">', "alert"),
        ('<img src="x"\tonload=alert(1)>', "alert"),
        ("<svg/onload=alert(1)>", "alert"),
        ('<img src="x"onerror=alert(1)>', "alert"),
        ('<img alt=">" src=x onerror=alert(1)>', "alert"),
        ('<a href="JavaScript:alert(1)">x</a>', "alert"),
        ('<a href=" vbscript:msgbox(1)">x</a>', "msgbox"),
        ('<a href="&#x6A;avascript:alert(1)">x</a>', "alert"),
        ('<a href="&#0000106;avascript:alert(1)">x</a>', "alert"),
        ('<a href="java&#9;script:alert(1)">x</a>', "alert"),
        ('<a href="java&#x0A;script:alert(1)">x</a>', "alert"),
        ('<a href="javascript&colon;alert(1)">x</a>', "alert"),
        ('<a href="\x01javascript:alert(1)">x</a>', "alert"),
        ('<form action="&#106;avascript:alert(1)"><input type="submit" value="go"></form>', "submit"),
        ("<svg><animate attributeName=href values=javascript:alert(1) /></svg>", "animate"),
        ('<base href="https://evil.example/">', "base"),
        ('<meta http-equiv="refresh" content="1;url=https://evil.example/">', "refresh"),
        ("<style>body{display:none}</style>", "display"),
        ("<scr<iframe>ipt>alert(1)</script>", "<scr"),
        ('<a title="<" onclick="alert(1)">x</a>', "onclick"),
        ("<IFRAME src=//evil></IFRAME>", "evil"),
        ('<div id="__config">{}</div>', "__config"),
        ('<table><tr><td style="text-align: left; background: url(x)">a</td></tr></table>', "background"),
    ],
)
def test_unsafe_html_is_removed_whatever_its_spelling(page, gone):
    assert gone.lower() not in sanitize_html(page).lower()


def test_a_safe_page_comes_back_as_it_was():
    page = '<h2 id="x">KeyError</h2><p>Condition one and <code>&lt;script&gt;</code> shown as text</p>'
    assert sanitize_html(page) == page


FEATURES = """# Features

Text with **bold**, *em*, <kbd>Ctrl</kbd>, <mark>m</mark>, H<sub>2</sub>O<sup>2</sup>, a footnote[^1] and HTML.

*[HTML]: Hyper Text Markup Language

!!! note "Note"
    An admonition with `code`.

??? warning "Details"
    Collapsed.

=== "Tab 1"
    one

=== "Tab 2"
    two

- [x] done
- [ ] todo

| a | b |
|:--|:-:|
| 1 | 2 |

Term
:   Definition

:smile: :material-bug: :fontawesome-brands-github:

```python linenums="1"
import os  # comment
```

Inline `#!python range(3)`.

![alt](img.png){ width="100" loading=lazy }
[link](https://example.org "t"){ .md-button }

[^1]: The footnote.
"""


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.seen = []

    def handle_starttag(self, tag, attrs):
        if tag != "tbody":  # the HTML parser adds the <tbody> a table implies
            self.seen.append((tag, sorted(name for name, _ in attrs)))


def _elements(html: str) -> list:
    parser = _Elements()
    parser.feed(html)
    return parser.seen


def test_what_material_pages_are_made_of_survives():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    html = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]).convert(FEATURES)
    assert 'class="tabbed-set' in html and "task-list" in html and "<svg" in html and "footnote" in html  # the page has them all
    assert _elements(sanitize_html(html)) == _elements(html)


@pytest.mark.parametrize(
    "line, what",
    [
        ("<svg/onload=alert(1)>", "event-handler attribute onload"),
        ('<img src="x"onerror=alert(1)>', "event-handler attribute onerror"),
        ("<IMG SRC=x OnError=alert(1)>", "event-handler attribute onerror"),
        ('<img alt=">" src=x onerror=alert(1)>', "event-handler attribute onerror"),
        ('<a href="&#x6A;avascript:alert(1)">x</a>', "javascript: URL"),
        ("[x](java&#9;script:alert(1))", "javascript: URL"),
        ("[x]: javascript:alert(1)", "javascript: URL"),
        ("[x](y){ onclick=alert(1) }", "event-handler attribute onclick"),
        ('<form action="https://evil.example/">', "<form> element"),
        ("<base href=//evil.example/>", "<base> element"),
        ("<svg><set attributeName=href to=javascript:alert(1) /></svg>", "<set> element"),
    ],
)
def test_the_check_reports_what_the_sanitiser_removes(line, what):
    assert what in [u.what for u in find_unsafe_html("text\n" + line, first_line=10) if u.line == 11]


def test_code_is_text_and_legitimate_markup_is_not_reported():
    body = "`<script>` and ``a`<img onerror=x>`` b``\n\n```html\n<script>x()</script>\n```\n<div class=\"grid cards\" markdown>\n![a](a.png){ width=100 }"
    assert find_unsafe_html(body) == []


def test_autolinks_are_links_not_elements():
    """``<https://…>`` and ``<name@host>`` are Markdown's autolinks (Python-Markdown makes them links), not
    tags: a list of sites written that way failed the strict build as ``<https:>`` elements. An autolink
    whose scheme the sanitiser drops is still reported, as the URL it is."""
    body = "站点：\n\n- <https://example.org/>\n- <HTTP://Example.org/a b>\n- <someone@example.org>\n"
    assert find_unsafe_html(body) == []
    assert [(u.line, u.what) for u in find_unsafe_html("a\n见 <javascript://x%0aalert(1)> 吧")] == [(2, "javascript: URL")]


def test_text_values_report_only_what_is_dangerous():
    assert find_unsafe_text("std::vector<int> 报错") == []
    assert find_unsafe_text('"><img src=x onerror=alert(1)>') == ["event-handler attribute onerror"]


def test_code_span_masking_is_linear():
    import time

    start = time.perf_counter()
    mask_code_spans("`" * 1 + "a`" * 50_000 + "``" * 25_000)
    assert time.perf_counter() - start < 2


def test_escaping_front_matter_is_linear_in_aliased_yaml():
    """Ten aliases of ten aliases …: 400 bytes of front matter are 10⁸ strings when walked as a tree.

    The build escapes MkDocs' own reading of the front matter (before the fix: 4 s at six levels,
    ten times more at each level after).
    """
    import time

    import yaml

    from errata.safety import escape_values

    lines = ['a0: &a0 ["<b>", "y", "z", "w", "v", "u", "t", "s", "r", "q"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    meta = yaml.safe_load("\n".join(lines))
    start = time.perf_counter()
    escaped = escape_values(meta)
    assert time.perf_counter() - start < 1
    assert escaped["a0"][0] == "&lt;b&gt;" and escaped["a8"][3][2] is escaped["a6"]


def test_escaping_front_matter_nested_as_deep_as_mkdocs_reads_it():
    """MkDocs reads a front matter nested 990 levels deep (libyaml stops at 1,000); the build escapes
    that reading, and a recursive walk ended it in a RecursionError."""
    from mkdocs.utils.meta import get_data

    from errata.safety import escape_values

    depth = 990
    _, meta = get_data("---\ntitle: t\nx: " + "[" * depth + '"<b>"' + "]" * depth + "\ny: " + "{a: " * depth + "<i>" + "}" * depth + "\n---\nbody\n")
    assert meta  # MkDocs read it
    escaped = escape_values(meta)  # no RecursionError
    assert escaped["title"] == "t" and isinstance(escaped["x"], list) and isinstance(escaped["y"], dict)


def test_front_matter_values_nested_as_deep_as_mkdocs_reads_them_print_as_the_theme_prints_them():
    """The theme prints a description, subtitle or status with str(), which recursed 990 levels deep and
    ended the build; what nests deeper than a front matter may is left out, the rest is kept."""
    from mkdocs.utils.meta import get_data

    from errata.metadata import MAX_DEPTH
    from errata.safety import escape_values

    deep = "[" * 990 + '"<b>"' + "]" * 990
    allowed = "[" * (MAX_DEPTH - 2) + '"<i>"' + "]" * (MAX_DEPTH - 2)  # the most the check accepts
    _, meta = get_data(f"---\ndescription: {deep}\nsubtitle: {allowed}\n---\nbody\n")
    escaped = escape_values(meta)
    assert "&lt;b&gt;" not in str(escaped["description"])
    assert str(escaped["subtitle"]) == "[" * (MAX_DEPTH - 2) + "'&lt;i&gt;'" + "]" * (MAX_DEPTH - 2)
