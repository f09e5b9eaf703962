"""The repair's tuning constants live in one immutable config that reaches the whole repair."""

from __future__ import annotations

import pytest

from errata.repair import RepairOptions, repair_text
from errata.text.config import DEFAULT_CONFIG, RepairConfig
from errata.text.mojibake import repair_mojibake


def test_config_is_immutable_and_replaceable():
    with pytest.raises(AttributeError):
        DEFAULT_CONFIG.word_weight = 2.0  # type: ignore[misc]
    variant = DEFAULT_CONFIG._replace(word_weight=2.0)
    assert isinstance(variant, RepairConfig) and variant.word_weight == 2.0
    assert DEFAULT_CONFIG.word_weight != 2.0


def test_config_reaches_the_legacy_decoder():
    # The GBK title needs a four-byte run; a config that asks for more leaves it.
    title = "显存".encode("gbk").decode("latin-1")
    assert repair_mojibake(f"# {title}")[0] == "# 显存"
    strict = DEFAULT_CONFIG._replace(legacy_min_bytes=8)
    assert repair_mojibake(f"# {title}", config=strict)[0] == f"# {title}"


def test_repair_options_carry_a_config():
    options = RepairOptions(config=DEFAULT_CONFIG._replace(word_weight=2.0))
    assert repair_text("---\ntitle: 标题\n---\n正文\n", "a.md", options).text.endswith("正文\n")
