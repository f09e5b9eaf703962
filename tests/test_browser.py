"""In headless Chromium: the lookup page, the search box, and the page's fingerprint code.

Chromium is Debian's (``apt-get install chromium``); .ci/run installs it, and
in CI a missing browser fails these tests instead of skipping them.
"""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, ROOT
from dev.devtools import serve
from errata.entries import anchor_for

pytestmark = pytest.mark.browser
VECTORS = json.loads((FIXTURES / "fingerprint_vectors.json").read_text(encoding="utf-8"))

OOM = anchor_for("CUDA out of memory. Tried to allocate 2.00 GiB")
SEED = anchor_for("one of the variables needed for gradient computation has been modified by an inplace operation")
TRACEBACK = """Traceback (most recent call last):
  File "/home/zhao/mmdetection/tools/train.py", line 187, in <module>
    main()
  File "/home/zhao/anaconda3/envs/mm/lib/python3.9/site-packages/mmcv/runner/epoch_based_runner.py", line 50, in train
    self.call_hook('after_train_iter')
  File "/home/zhao/anaconda3/envs/mm/lib/python3.9/site-packages/torch/autograd/__init__.py", line 173, in backward
    Variable._execution_engine.run_backward(
RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.cuda.FloatTensor [4, 256, 50, 50]], which is output 0 of ReluBackward0, is at version 3; expected version 2 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True)."""


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(20_000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    page.close()
    assert errors == [], errors  # no JavaScript error on any page a test visits


def open_search(page, base_url):
    page.goto(base_url)
    page.locator(".md-search__input").click()
    page.wait_for_selector(".md-search__input:focus")


def test_pasted_traceback_on_the_lookup_page_finds_the_entry_first(page, base_url):
    page.goto(base_url + "lookup/")
    page.fill("#errata-lookup textarea", TRACEBACK)
    first = page.wait_for_selector(".errata-matches li:first-child a")
    assert first.get_attribute("href").endswith(f"mmdetection/mmdetection-errors/#{SEED}")
    first.click()
    page.wait_for_url(f"**/mmdetection/mmdetection-errors/#{SEED}")
    assert page.locator(f"[id='{SEED}']").is_visible()


def test_lookup_works_when_the_site_is_served_under_a_sub_path(page, site, tmp_path):
    """GitHub Pages serves a project at /NAME/: the page finds errors.json and links entries under it."""
    (tmp_path / "errata").symlink_to(site, target_is_directory=True)
    with serve(tmp_path) as root:
        page.goto(root + "errata/lookup/")
        page.fill("#errata-lookup textarea", TRACEBACK)
        first = page.wait_for_selector(".errata-matches li:first-child a")
        first.click()
        page.wait_for_url(f"{root}errata/mmdetection/mmdetection-errors/#{SEED}")
        # The entry's page fetches the search index: let it finish before the server stops, or its
        # requests fail as page errors that belong to the test, not to the site.
        page.wait_for_load_state("networkidle")


def test_unknown_error_on_the_lookup_page_gets_no_match(page, base_url):
    page.goto(base_url + "lookup/")
    page.fill("#errata-lookup textarea", "ZeroDivisionError: division by zero")
    page.wait_for_selector(".errata-none")
    assert page.locator(".errata-matches a").count() == 0


def test_where_the_lookup_knows_no_entry_it_opens_the_site_search_with_the_paste(page, base_url):
    """No entry for the paste, but a page with its words: the link opens Material's search, here, on the
    paste's words without the numbers and paths, and the page is among the results."""
    page.goto(base_url + "lookup/")
    page.fill("#errata-lookup textarea", 'File "/srv/a.py", line 3\nZeroDivisionError: pycocotools annotations 17 were empty')
    page.click(".errata-none a.errata-search-all")
    page.wait_for_function("() => document.getElementById('__search').checked")
    assert page.input_value(".md-search__input") == "ZeroDivisionError pycocotools annotations were empty"
    page.wait_for_function("() => [...document.querySelectorAll('.md-search-result__item a')].some(a => a.href.includes('english/data-loading/'))")
    assert page.url == base_url + "lookup/"  # opened in place: the paste is still in the box


def test_a_found_entry_still_offers_the_site_search(page, base_url):
    page.goto(base_url + "lookup/?error=" + "KeyError%3A%20%27bbox%27")
    page.wait_for_selector(".errata-matches a")
    href = page.get_attribute(".errata-more a.errata-search-all", "href")
    assert href.endswith("lookup/?q=KeyError+bbox")  # Material's own deep link, should the dialog be missing


def test_typed_error_message_with_other_numbers_puts_the_entry_first(page, base_url):
    open_search(page, base_url)
    page.keyboard.type("RuntimeError: CUDA out of memory. Tried to allocate 512.00 MiB (GPU 3; 23.70 GiB total capacity)")
    first = page.wait_for_selector(".md-search-result__list > li:first-child a")
    page.wait_for_function(f"() => document.querySelector('.md-search-result__list > li a').href.includes('{OOM}')")
    assert first.get_attribute("href") and OOM in page.locator(".md-search-result__list > li a").first.get_attribute("href")


def test_pasted_traceback_in_the_search_box_is_cleaned_and_finds_the_entry(page, base_url):
    open_search(page, base_url)
    page.evaluate(
        """text => {
            const input = document.querySelector('.md-search__input');
            const data = new DataTransfer();
            data.setData('text/plain', text);
            input.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        TRACEBACK,
    )
    page.wait_for_function(f"() => (document.querySelector('.md-search-result__list > li a') || {{}}).href?.includes('{SEED}')")
    query = page.input_value(".md-search__input")
    assert "/home/zhao" not in query and "256" not in query and ":" not in query
    assert "inplace operation" in query


def test_chinese_query_finds_its_entry(page, base_url):
    open_search(page, base_url)
    page.keyboard.type("显存不够")
    page.keyboard.press("End")  # an IME ends its input with key events; Material listens for them
    page.wait_for_selector(".md-search-result__list a")
    hrefs = page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.href)")
    assert any(OOM in href for href in hrefs), hrefs


def test_search_survives_query_syntax_in_error_messages(page, base_url):
    open_search(page, base_url)
    page.keyboard.type("KeyError: 'bbox' [x]^2 ~1 +y -z")
    page.wait_for_selector(".md-search-result__meta")
    assert page.locator(".md-search-result__meta").inner_text() != ""


def test_page_javascript_meets_the_shared_vectors(page, base_url):
    rules = json.loads((ROOT / "src" / "errata" / "data" / "fingerprint_rules.json").read_text(encoding="utf-8"))
    page.goto(base_url + "lookup/")
    failures = page.evaluate(
        """([vectors, rules]) => {
            const R = Errata.compileRules(rules);
            const failures = [];
            for (const v of vectors.fingerprints) {
                if (Errata.fingerprint(v.input, R) !== v.fingerprint) failures.push(v.input);
            }
            const index = new Errata.LookupIndex(vectors.records, rules);
            for (const r of vectors.ranking) {
                const got = index.search(r.query, 3, 0).map(m => ({message: m.message, score: Math.round(m.score * 10000) / 10000}));
                if (JSON.stringify(got) !== JSON.stringify(r.top)) failures.push(r.query);
            }
            for (const c of vectors.pathological) {
                const text = c.prefix + c.unit.repeat(c.repeat) + c.suffix, fp = Array.from(Errata.fingerprint(text, R));
                if (fp.length !== c.fingerprint_length || fp.slice(0, 60).join("") !== c.fingerprint_head) failures.push(c.name);
                if (index.search(text, 5).length) failures.push(c.name + ": a match");
            }
            return failures;
        }""",
        [VECTORS, rules],
    )
    assert failures == []


def test_pathological_pastes_cost_the_page_about_what_a_real_traceback_does(page, base_url):
    """The site's own index, in the page: each paste against a real traceback of its size (before: up to 86 s frozen)."""
    page.goto(base_url + "lookup/")
    timings = page.evaluate(
        """async (vectors) => {
            const data = await (await fetch("../errors.json")).json();
            const index = new Errata.LookupIndex(data.entries, data.rules);
            const best = (text) => {
                let least = Infinity;
                for (let i = 0; i < 3; i++) { const t = performance.now(); index.search(text, 5); least = Math.min(least, performance.now() - t); }
                return least;
            };
            const paste = (c) => c.prefix + c.unit.repeat(c.repeat) + c.suffix;
            const timings = {reference: best(paste(vectors.reference_paste)), short: best("KeyError: 'bbox'")};
            for (const c of vectors.pathological) timings[c.name] = best(paste(c));
            return timings;
        }""",
        VECTORS,
    )
    reference, short = timings.pop("reference"), timings.pop("short")
    assert {name: ms for name, ms in timings.items() if ms > 20 * reference + 5 or ms > 2000} == {}, (reference, short)


#: The pastes of issue 12 that froze the lookup page or the search box.
FREEZING = {
    "RuntimeError: x, 100,000 spaces, y": "RuntimeError: x" + " " * 100_000 + "y",
    "ERROR: x, 100,000 spaces, y": "ERROR: x" + " " * 100_000 + "y",
    "a. 50,000 times": "a." * 50_000,
}


def test_lookup_page_answers_pathological_pastes_at_once(page, base_url):
    page.goto(base_url + "lookup/")
    textarea = "#errata-lookup textarea"

    def elapsed(text: str) -> float:
        page.evaluate("() => document.getElementById('errata-lookup-results').removeAttribute('data-elapsed-ms')")
        page.fill(textarea, text)
        page.wait_for_selector("#errata-lookup-results[data-elapsed-ms]")
        return float(page.get_attribute("#errata-lookup-results", "data-elapsed-ms"))

    reference = min(elapsed(TRACEBACK * 40) for _ in range(2))  # ~50,000 characters of a real traceback
    assert page.locator(".errata-matches li").count() > 0
    for name, text in FREEZING.items():
        took = min(elapsed(text) for _ in range(2))
        assert page.locator(".errata-none").count() == 1, name  # no match, and said so
        assert took < 20 * reference + 20 and took < 2000, (name, took, reference)


def test_search_box_keeps_pastes_short(page, base_url):
    open_search(page, base_url)
    paste = """text => {
        const input = document.querySelector('.md-search__input');
        const data = new DataTransfer();
        data.setData('text/plain', text);
        input.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
    }"""
    page.evaluate(paste, " " * 40_000)
    assert page.input_value(".md-search__input") == ""
    page.evaluate(paste, "x" + " " * 40_000 + "y")
    assert page.input_value(".md-search__input") == "x y"
    page.fill(".md-search__input", "")
    page.keyboard.insert_text("z" * 40_000)  # typed or dropped text: the box's own limit
    assert len(page.input_value(".md-search__input")) == 200
    page.fill(".md-search__input", "")
    page.evaluate(paste, TRACEBACK * 40)  # an error: the query is its message, cut between words
    page.wait_for_function("() => document.querySelector('.md-search__input').value.startsWith('RuntimeError one of the variables')")
    assert len(page.input_value(".md-search__input")) <= 200
    page.wait_for_function(f"() => (document.querySelector('.md-search-result__list > li a') || {{}}).href?.includes('{SEED}')")


def test_errors_index_filters_by_tag(page, base_url):
    page.goto(base_url + "errors/")
    total = page.locator(".errata-index tbody tr").count()
    page.click(".errata-filter-tags button[data-tag='KeyError']")
    visible = page.locator(".errata-index tbody tr:not([hidden])")
    assert 0 < visible.count() < total
    assert all("KeyError" in text for text in visible.all_inner_texts())
