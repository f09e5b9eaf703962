"""In headless Chromium: the Content-Security-Policy lets the whole site work and stops what slipped into content.

Every violation is caught twice: the page's ``securitypolicyviolation`` events (reported to Python by
a binding, which no policy governs) and Chromium's console messages about the policy (which also
report a directive the browser ignored or could not read).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT
from dev.devtools import serve
from test_browser import SEED, TRACEBACK, base_url, open_search  # noqa: F401  (base_url is a fixture)

pytestmark = pytest.mark.browser

_REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", e => window.__cspViolation(
    {page: location.pathname, directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample}))"""


class Watched:
    """A page, with every policy violation and page error it meets."""

    def __init__(self, page):
        self.page, self.violations, self.errors = page, [], []
        page.expose_function("__cspViolation", lambda event: self.violations.append(event))
        page.add_init_script(_REPORT_VIOLATIONS)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.violations.append({"console": message.type, "text": message.text})

    def visit(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")


@pytest.fixture
def watched(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(20_000)
    watched = Watched(page)
    yield watched
    page.close()
    assert watched.errors == []


def page_urls(site: Path, base: str) -> list[str]:
    """Every built HTML page of ``site`` as a URL under ``base`` (directory URLs end in ``/``)."""
    return [base + str(path.relative_to(site)).removesuffix("index.html") for path in sorted(site.rglob("*.html"))]


def test_every_page_runs_the_themes_scripts_without_a_violation(watched, site, base_url):
    urls = page_urls(site, base_url)
    assert len(urls) >= 12
    ran = 0
    for url in urls:
        watched.visit(url)
        if "/pages/" in url:  # a redirect page (a permalink): its script sends the browser on
            watched.page.wait_for_url(lambda now: "/pages/" not in now)
            watched.page.wait_for_load_state("networkidle")
        # The theme's hashed head script defined __md_scope and its palette script read it; a redirect
        # page's own script has already sent the browser on to a theme page.
        ran += watched.page.evaluate("() => typeof __md_scope === 'object' && document.body.hasAttribute('data-md-color-scheme')")
    assert ran == len(urls)
    assert watched.violations == []


def test_lookup_finds_a_pasted_traceback_without_a_violation(watched, base_url):
    watched.visit(base_url + "lookup/")
    watched.page.fill("#errata-lookup textarea", TRACEBACK)
    first = watched.page.wait_for_selector(".errata-matches li:first-child a")
    assert first.get_attribute("href").endswith(f"#{SEED}")
    watched.visit(base_url)  # the front door's box sends its paste to the lookup: a form (form-action)
    watched.page.fill(".errata-front-lookup textarea", "RuntimeError: CUDA out of memory. Tried to allocate 512.00 MiB")
    watched.page.click(".errata-front-lookup button[type=submit]")
    watched.page.wait_for_selector(".errata-matches li:first-child a")
    assert watched.violations == []


def test_search_answers_in_its_worker_without_a_violation(watched, base_url):
    watched.visit(base_url)
    open_search(watched.page, base_url)
    watched.page.keyboard.type("CUDA out of memory")
    watched.page.wait_for_selector(".md-search-result__list a")
    watched.page.click("[data-md-component=search-share]")  # Material's link is href="javascript:void(0)"
    watched.page.wait_for_timeout(300)
    assert watched.violations == []


def test_tags_page_and_its_links_without_a_violation(watched, base_url):
    watched.visit(base_url + "tags/")
    links = watched.page.locator("article a[href*='/']")
    assert links.count() > 0
    links.first.click()
    watched.page.wait_for_load_state("networkidle")
    assert watched.violations == []


#: What could reach an essay were the sanitiser to fail, each with what would show that it ran or loaded.
INJECTED = {
    "inline script": ("<script>window.PWNED_SCRIPT = 1</script>", "script-src-elem"),
    "event handler": ('<img src="data:,not-an-image" onerror="window.PWNED_HANDLER = 1">', "script-src-attr"),
    "javascript: link": ('<a id="pwned-link" href="javascript:window.PWNED_LINK = 1">x</a>', "script-src-elem"),
    "style element": ("<style>body { display: none }</style>", "style-src-elem"),
    "frame": ('<iframe src="../../"></iframe>', "frame-src"),
    "plugin": ('<object data="../../"></object>', "object-src"),
}


@pytest.fixture(scope="module")
def injected_site(site, tmp_path_factory):
    """A copy of the built site whose essay has, at the top of its <article>, everything in INJECTED."""
    copy = tmp_path_factory.mktemp("injected") / "site"
    shutil.copytree(site, copy)
    essay = copy / "pytorch" / "cuda-errors" / "index.html"
    text = essay.read_text(encoding="utf-8")
    opening = text.index(">", text.index("<article")) + 1
    essay.write_text(text[:opening] + "".join(markup for markup, _ in INJECTED.values()) + text[opening:], encoding="utf-8")
    with serve(copy) as url:
        yield url


def test_what_slipped_into_an_article_is_blocked_and_reported(watched, injected_site):
    watched.visit(injected_site + "pytorch/cuda-errors/")
    watched.page.click("#pwned-link")
    watched.page.wait_for_timeout(300)
    ran = watched.page.evaluate("() => [window.PWNED_SCRIPT, window.PWNED_HANDLER, window.PWNED_LINK]")
    assert ran == [None, None, None]
    assert watched.page.is_visible("article")  # the injected style did not hide the page
    assert watched.page.evaluate("() => typeof __md_scope") == "object"  # the theme's own scripts still ran
    reported = {event["directive"] for event in watched.violations if "directive" in event}
    assert reported == {directive for _, directive in INJECTED.values()}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_live_reload_works_under_mkdocs_serve(watched):
    """mkdocs serve puts an inline script of its own into each page: its policy allows inline scripts."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "mkdocs serve did not start"
                time.sleep(0.3)
        with watched.page.expect_request(lambda request: "/livereload/" in request.url):  # its poll began
            watched.page.goto(url)
        assert watched.page.evaluate("() => typeof livereload") == "function"
        assert watched.violations == []
    finally:
        server.terminate()
        server.wait(timeout=20)
