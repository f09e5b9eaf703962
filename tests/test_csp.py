"""The Content-Security-Policy of built pages: the policy builder, the scan of a page's inline scripts,
and the built site (every page has one policy whose hashes are exactly its theme's inline scripts).

The built pages are read here with the standard library's HTML parser, not with the scan that chose
the hashes, so that the two are checked against each other. In Chromium: test_browser_csp.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT
from dev.devtools import build_site, config_for
from errata.csp import (
    DIRECTIVES,
    FORMAT_SLOT,
    TemplateScripts,
    at_top_of_head,
    content_security_policy,
    inline_scripts,
    protect_page,
    script_hash,
)

MATERIAL_TEMPLATES = Path(__import__("material").__file__).parent / "templates"


def directives(policy: str) -> dict[str, list[str]]:
    """A policy by directive name: ``{"script-src": ["'self'", …]}``."""
    parsed = {}
    for directive in policy.split(";"):
        name, *sources = directive.split()
        assert name not in parsed, f"{name} twice"
        parsed[name] = sources
    return parsed


# The policy builder.


def test_hashes_are_the_ones_the_csp_standard_gives():
    # The example of the CSP Level 3 specification, section "hash-source".
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    assert script_hash("中文") == "'sha256-" + base64.b64encode(hashlib.sha256("中文".encode()).digest()).decode() + "'"


def test_policy_allows_the_site_and_the_given_hashes_only():
    policy = directives(content_security_policy([script_hash("a()"), script_hash("b()")]))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", script_hash("a()"), script_hash("b()")]
    assert policy["img-src"] == ["'self'", "data:", "https:"]  # no http: an image host sees only https requests
    assert policy["object-src"] == policy["frame-src"] == ["'none'"]
    assert policy["base-uri"] == policy["form-action"] == policy["worker-src"] == ["'self'"]
    assert policy["style-src-elem"] == ["'self'"]  # inline <style> elements refused where CSP 3 is known
    assert not any(source in ("*", "'unsafe-eval'", "blob:", "http:") for sources in policy.values() for source in sources)


def test_policy_has_nothing_a_meta_element_cannot_carry():
    # Chromium logs an error for each of these in a <meta> policy, and ignores it.
    assert not {"frame-ancestors", "report-uri", "report-to", "sandbox"} & directives(content_security_policy()).keys()


def test_without_hashes_no_inline_script_is_allowed():
    assert directives(content_security_policy())["script-src"] == ["'self'"]


def test_live_reload_allows_inline_scripts_without_hashes():
    """A browser ignores 'unsafe-inline' beside a hash: under mkdocs serve no hash is given."""
    policy = directives(content_security_policy([script_hash("a()")], live_reload=True))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert {name: sources for name, sources in policy.items() if name != "script-src"} == {
        name: sources for name, sources in directives(content_security_policy()).items() if name != "script-src"
    }


def test_every_directive_is_written_once_in_order():
    assert [name for name in directives(content_security_policy())] == [name for name, _ in DIRECTIVES]


# The scan of a page's inline scripts.


def test_scripts_inside_the_content_container_are_marked_as_content():
    page = (
        '<head><script>head()</script><script src="x.js"></script></head>'
        '<div class="md-content" data-md-component="content"><article><div><div></div>'
        '<script>one()</script></div><script type="module">two()</script></article></div>'
        '<script>after()</script>'
    )
    assert [(s.text, s.in_content, s.executable) for s in inline_scripts(page)] == [
        ("head()", False, True), ("one()", True, True), ("two()", True, True), ("after()", False, True),
    ]  # fmt: skip


def test_text_that_looks_like_tags_does_not_end_the_container():
    page = (
        "<div data-md-component='content'><p title='</div></div>'>x</p><!-- </div> -->"
        "<textarea></div></textarea><script>var s = '</div>'</script><script>in()</script></div><script>out()</script>"
    )
    assert [(s.text, s.in_content) for s in inline_scripts(page)] == [("var s = '</div>'", True), ("in()", True), ("out()", False)]


def test_data_blocks_are_found_but_not_executable():
    page = '<script id="__config" type="application/json">{"base": "."}</script><script type="text/javascript">x()</script>'
    assert [s.executable for s in inline_scripts(page)] == [False, True]


def test_a_page_without_a_container_has_no_content():
    assert [s.in_content for s in inline_scripts("<html><head><script>a()</script></head><body><div><script>b()</script></div></body>")] == [False, False]


def test_the_policy_goes_first_in_head_after_the_charset():
    page = '<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8">\n    <link rel="stylesheet" href="a.css">\n'
    protected = at_top_of_head(page, "<meta name=x>")
    assert protected.index('<meta charset="utf-8">') < protected.index("<meta name=x>") < protected.index("<link")


# The theme's own inline scripts.


def test_material_templates_give_their_inline_scripts():
    theme = TemplateScripts.from_folders([MATERIAL_TEMPLATES])
    assert len(theme) >= 8  # base, palette, content (two), announce, outdated, consent, analytics…
    assert theme.wrote('var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))')
    scope = '__md_scope=new URL("{}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}'
    assert theme.wrote(scope.format("../.."))
    assert not theme.wrote(scope.format('.",location),alert(1),new URL("'))  # a slot cannot end the string
    assert not theme.wrote(scope.format(".") + ";alert(1)")
    assert not theme.wrote("alert(1)")


def test_the_redirect_page_script_is_the_plugins_own():
    from mkdocs_redirects.plugin import HTML_TEMPLATE

    page = HTML_TEMPLATE.format(url="../../pytorch/cuda-errors/")
    protected = protect_page(page, TemplateScripts.from_templates([HTML_TEMPLATE], slot=FORMAT_SLOT))
    assert protected.refused == [] and len(re.findall(r"'sha256-", protected.policy)) == 1
    hostile = HTML_TEMPLATE.format(url='x";alert(1);"')
    assert len(protect_page(hostile, TemplateScripts.from_templates([HTML_TEMPLATE], slot=FORMAT_SLOT)).refused) == 1


def test_a_script_in_the_content_gets_no_hash_even_when_it_is_the_themes():
    theme = TemplateScripts.from_templates(["<script>theme()</script>"])
    page = '<head><meta charset="utf-8"></head><body><div data-md-component="content"><script>theme()</script></div></body>'
    protected = protect_page(page, theme)
    assert "'sha256-" not in protected.policy
    assert [(s.text, s.in_content) for s in protected.refused] == [("theme()", True)]


def test_a_script_outside_the_content_that_no_template_writes_gets_no_hash():
    theme = TemplateScripts.from_templates(["<script>theme()</script>"])
    page = "<head><title>x</title><script>theme()</script></head><body><header><script>alert(1)</script></header><div data-md-component='content'></div></body>"
    protected = protect_page(page, theme)
    assert directives(protected.policy)["script-src"] == ["'self'", script_hash("theme()")]
    assert [(s.text, s.in_content) for s in protected.refused] == [("alert(1)", False)]


# The built site.


class _PageReader(HTMLParser):
    """What a built page holds, read with the standard library's parser: its policy elements (in
    order, with what came before them), its inline scripts, and the scripts inside ``<article>``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.policies, self.referrers, self.loads_before_policy = [], [], 0
        self.scripts, self.in_article = [], []
        self._article_depth, self._script = 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(attrs["content"])
        if tag == "meta" and attrs.get("name") == "referrer":
            self.referrers.append(attrs["content"])
        if tag in ("link", "script", "style", "img") and not self.policies:
            self.loads_before_policy += 1
        self._article_depth += tag == "article"
        if tag == "script":
            self._script = (attrs, [])

    def handle_endtag(self, tag):
        self._article_depth -= tag == "article" and self._article_depth > 0
        if tag == "script" and self._script:
            attrs, text = self._script
            if "src" not in attrs:
                (self.in_article if self._article_depth else self.scripts).append((attrs.get("type"), "".join(text)))
            self._script = None

    def handle_data(self, data):
        if self._script:
            self._script[1].append(data)


def read_page(path: Path) -> _PageReader:
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_built_page_has_one_policy_before_anything_loads(site):
    pages = built_pages(site)
    assert len(pages) >= 12  # home, lookup, the indexes, the essays, 404, a redirect page
    for path in pages:
        page = read_page(path)
        assert len(page.policies) == 1, path
        assert page.referrers == ["no-referrer"], path
        assert page.loads_before_policy == 0, path


def test_each_pages_hashes_are_exactly_its_theme_inline_scripts(site):
    theme = TemplateScripts.from_folders([ROOT / "overrides", MATERIAL_TEMPLATES])
    checked = 0
    for path in built_pages(site):
        page = read_page(path)
        assert page.in_article == [], path  # the content container holds no script at all
        executable = [text for kind, text in page.scripts if kind in (None, "", "module", "text/javascript")]
        allowed = [source for source in directives(page.policies[0])["script-src"] if source.startswith("'sha256-")]
        assert sorted(allowed) == sorted({script_hash(text) for text in executable}), path
        assert "'unsafe-inline'" not in directives(page.policies[0])["script-src"], path
        if path.name == "index.html" and "pages" not in path.parts:  # a theme page (a redirect page has the plugin's script)
            assert all(theme.wrote(text) for text in executable), path
            assert any("__md_scope" in text for text in executable), path  # page-dependent: the base URL
        checked += 1
    assert checked == len(built_pages(site))


def test_the_base_url_script_differs_by_depth_and_so_do_the_hashes(site):
    home = directives(read_page(site / "index.html").policies[0])["script-src"]
    essay = directives(read_page(site / "pytorch" / "cuda-errors" / "index.html").policies[0])["script-src"]
    assert home != essay and len(home) == len(essay)


@pytest.fixture(scope="module")
def leaky_build(tmp_path_factory):
    """The project's docs built with one more hook, run after the sanitiser, that puts scripts where the
    sanitiser and the escaping would have kept them out: one in an essay's content, one in its title."""
    work = tmp_path_factory.mktemp("leaky")
    hook = work / "leaky_hook.py"
    hook.write_text(
        "from mkdocs.plugins import event_priority\n\n"
        "@event_priority(-200)\n"
        "def on_page_content(html, page, config, files):\n"
        "    if page.file.src_uri.endswith('environment.md'):\n"
        "        html += '<script>window.leaked = \"content\"</script>'\n"
        "    return html\n\n"
        "def on_page_context(context, page, config, nav):\n"
        "    if page.file.src_uri.endswith('environment.md'):\n"
        "        page.meta['title'] = 'Leak<script>window.leaked = \"title\"</script>'\n"
        "    return context\n",
        encoding="utf-8",
    )
    config = config_for(ROOT / "docs", work / "mkdocs.yml")
    hooks_line = f"  - {ROOT / 'hooks' / 'errata_hooks.py'}"
    config.write_text(config.read_text(encoding="utf-8").replace(hooks_line, f"{hooks_line}\n  - {hook}"), encoding="utf-8")
    result = build_site(work / "site", config=config, strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "site", result.stderr


def test_scripts_that_slipped_past_the_gates_get_no_hash_and_are_reported(leaky_build):
    site, log = leaky_build
    page = read_page(site / "python" / "environment" / "index.html")
    leaked = {text for _, text in page.scripts + page.in_article if "leaked" in text}
    assert leaked == {'window.leaked = "content"', 'window.leaked = "title"'}
    allowed = directives(page.policies[0])["script-src"]
    assert not {script_hash(text) for text in leaked} & set(allowed)
    assert len(allowed) == 4  # 'self' and the theme's three scripts
    reports = [line for line in log.splitlines() if "[csp]" in line]
    # The content's script once; the title's wherever the theme prints it as markup (the header, the
    # navigation, the next page's footer), never in <title>, where it is text.
    in_content = [line for line in reports if "in the page's content" in line]
    assert len(in_content) == 1 and "03.python/01.environment.md:1:" in in_content[0] and '"content"' in in_content[0]
    outside = [line for line in reports if line not in in_content]
    assert outside and all("none of the theme's templates" in line and '"title"' in line for line in outside), reports
    assert any("03.python/01.environment.md:1:" in line for line in outside)
