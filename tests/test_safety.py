"""The sanitiser of built pages: unsafe HTML goes whatever its case; safe pages come back unchanged."""

from __future__ import annotations

import pytest

from errata.safety import find_unsafe_html, sanitize_html


@pytest.mark.parametrize(
    "page, gone",
    [
        ("<p>a</p><SCRIPT>alert(1)</SCRIPT>", "alert"),
        ("<p>a</p><ScRiPt src=x></ScRiPt>", "src=x"),
        ('<img src="x" OnError="alert(1)">', "alert"),
        ('<img src="x"\tonload=alert(1)>', "alert"),
        ("<svg/onload=alert(1)>", "alert"),
        ('<img src="x"onerror=alert(1)>', "alert"),
        ('<a href="JavaScript:alert(1)">x</a>', "alert"),
        ('<a href=" vbscript:msgbox(1)">x</a>', "msgbox"),
        ("<IFRAME src=//evil></IFRAME>", "evil"),
    ],
)
def test_unsafe_html_is_removed_whatever_its_case(page, gone):
    assert gone not in sanitize_html(page).lower()


def test_a_safe_page_comes_back_as_it_was():
    page = '<h2 id="x">KeyError</h2><p>Condition one and <code>&lt;script&gt;</code> shown as text</p>'
    assert sanitize_html(page) is page


@pytest.mark.parametrize(
    "line, attribute",
    [("<svg/onload=alert(1)>", "onload"), ('<img src="x"onerror=alert(1)>', "onerror"), ("<IMG SRC=x OnError=alert(1)>", "onerror")],
)
def test_handlers_are_found_after_a_slash_or_a_quote_too(line, attribute):
    assert [u.what for u in find_unsafe_html(line)] == [f"event-handler attribute {attribute}"]
