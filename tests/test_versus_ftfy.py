"""Never worse than ftfy: where ftfy.fix_text restores a line, the repair restores it too."""

from __future__ import annotations

import ftfy
import pytest

from errata.text.mojibake import repair_mojibake

CAREFUL = ftfy.TextFixerConfig(unescape_html=False, fix_character_width=False, uncurl_quotes=False, normalization=None)

LINES = [
    "速度（≥2倍）→ 完成",
    "⚠️ 注意：显存不够 🙂",
    "∞ 循环，耗时 ≤ 3 秒",
    "温度 25°C，费用 €3 · 完成 ✓",
    "naïve café — “引号” … 完成",
    "表情 😀😂 和箭头 ←↑→↓",
    "The café’s naïve façade",
    "print(\"café\")  # naïve 注释",
    "Ελληνικά και русский текст рядом с 中文",
    "数学：α + β ≠ γ，∑ 和 √2",
    # A README's list of its translations: whole words of other scripts, their vowel signs and all.
    "[العربية](README.ar.md) | [ไทย](README.th.md) | [বাংলা](README.bn.md) | [हिन्दी](README.hi.md) | [עברית](README.he.md)",
]


def sloppy_cp1252(text: str) -> str:
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


DAMAGE = {
    "utf8-as-cp1252": sloppy_cp1252,
    "utf8-as-latin1": lambda t: t.encode("utf-8").decode("latin-1"),
    "utf8-as-cp1252-twice": lambda t: sloppy_cp1252(sloppy_cp1252(t)),
}


@pytest.mark.parametrize("kind", DAMAGE)
@pytest.mark.parametrize("line", LINES)
def test_where_ftfy_restores_a_line_so_does_the_repair(line, kind):
    damaged = DAMAGE[kind](line)
    if ftfy.fix_text(damaged, CAREFUL) != line:
        pytest.skip("ftfy does not restore this one")
    assert repair_mojibake(damaged)[0] == line
    assert repair_mojibake(f"# 标题\n\n{damaged}\n")[0] == f"# 标题\n\n{line}\n"


@pytest.mark.parametrize("line", LINES)
def test_the_lines_themselves_are_left_alone(line):
    assert repair_mojibake(line)[0] == line
    assert repair_mojibake(f"# {sloppy_cp1252('显存')}\n{line}\n")[0] == f"# 显存\n{line}\n"
