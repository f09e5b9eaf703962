"""Property tests: repairing a repaired file changes nothing; clean bodies are untouched."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from errata.repair import repair_text
from dev.damage import damage

CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
PUNCTUATION = st.sampled_from(list("，。：；！？（）“”、"))
ASCII = st.sampled_from(list("abcxyz_ 0123456789.()[]`=+-#*"))
LINE = st.lists(st.one_of(CHINESE, CHINESE, CHINESE, PUNCTUATION, ASCII), max_size=40).map("".join)
BODY = st.lists(LINE, max_size=8).map(lambda lines: "\n".join(lines) + "\n")
TITLE = st.lists(st.one_of(CHINESE, ASCII), min_size=1, max_size=12).map("".join)
TAGS = st.lists(st.one_of(st.none(), TITLE), max_size=3)


def essay(title: str, tags: list, body: str) -> str:
    tag_lines = "".join(f"  - '{t}'\n" if t is not None else "  - \n" for t in tags)
    return f"---\ntitle: '{title}'\ndate: 2022-07-21 19:09:42\ntags:\n{tag_lines}---\n{body}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TITLE, TAGS, BODY)
def test_repair_is_idempotent_on_clean_essays(title, tags, body):
    once = repair_text(essay(title, tags, body), "a.md").text
    assert repair_text(once, "a.md").text == once
    assert once.endswith(body)  # a clean body is never touched


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BODY, st.sampled_from([0.0, 0.05, 0.15]), st.integers(0, 1000))
def test_repair_is_idempotent_on_damaged_essays(body, rate, seed):
    once = repair_text(damage(essay("标题", [], body), rate, seed), "a.md").text
    assert repair_text(once, "a.md").text == once
