"""Round trips on clean technical Chinese the repair was not tuned on (issue 11).

Clean text is drawn from the *dev* half of the evaluation corpus
(:mod:`dev.evaltext`: Sphinx's Chinese message catalogues), with code,
English, symbols, emoji, Latin-1 words and front matter mixed in; the *test*
half is kept for the benchmark's reported figures. Damage comes from
:mod:`dev.damage`, which shares nothing with the repair. Properties:

* clean text never changes;
* every lossless class of mojibake is undone exactly, alone or mixed;
* Latin text (``café``, ``naïve``, ``NESTLÉ®``) inside and outside code stays;
* raw UTF-8 that lost continuation bytes is read as UTF-8, not refused.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from dev import evaltext
from dev.damage import CLASSES, mix_classes, raw_lost_bytes, utf8_as_cp1252
from errata.repair import repair_bytes, repair_text

#: Fast and reproducible in CI: a fixed sequence of examples, no example database, and no
#: shrinking (the xfail-marked tests fail on purpose until the repair learns their class).
SETTINGS = settings(
    max_examples=20,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    report_multiple_bugs=False,
    suppress_health_check=[HealthCheck.too_slow],
)

PARAGRAPHS = {locale: evaltext.paragraphs(evaltext.DEV, locale) for locale in ("zh_CN", "zh_TW", "ja")}
LATIN_LINES = [
    "The café's naïve cache — NESTLÉ® — was the culprit.",
    '```python\nprint("café")  # naïve\nname = "NESTLÉ®"\n```',
    "`crème brûlée` is a valid key, and so is `Zürich`.",
]
DECORATIONS = evaltext.SYMBOL_LINES + evaltext.ENGLISH_LINES + evaltext.CODE_BLOCKS + LATIN_LINES


def essays(locale: str = "zh_CN", decorations: list[str] = DECORATIONS):
    """Markdown essays: optional front matter, then paragraphs of the corpus between decorations."""
    paragraph = st.sampled_from(PARAGRAPHS[locale])
    block = st.one_of(paragraph, paragraph, st.sampled_from(decorations)) if decorations else paragraph
    title = st.sampled_from([p[:20].strip() for p in PARAGRAPHS[locale] if p[:20].strip()])
    return st.builds(_essay, title, st.lists(block, min_size=1, max_size=6), st.integers(0, 1000))


def _essay(title: str, blocks: list[str], index: int) -> str:
    """Front matter in the normalised form (an essay without one gets a title: not clean), then the blocks."""
    return evaltext.front_matter(title, index, ["sphinx"]) + "\n\n".join(blocks) + "\n"


@SETTINGS
@given(essays())
def test_clean_text_never_changes(text):
    assert repair_text(text, "a.md").text == text
    assert repair_bytes(text.encode("utf-8"), "a.md").text == text


TEXT_CLASSES = [n for n, c in CLASSES.items() if c.lossless and c.script == "zh_CN" and not n.startswith(("file-", "mixed-"))]
FILE_CLASSES = [n for n, c in CLASSES.items() if c.lossless and (n.startswith(("file-", "mixed-")))]
#: What today's repair (issue 11) gets wrong; the marks come off as the repair learns each class.
FAILING: dict[str, str] = {}


def _param(name: str):
    marks = [pytest.mark.xfail(strict=True, reason=FAILING[name])] if name in FAILING else []
    return pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", [_param(n) for n in TEXT_CLASSES])
@SETTINGS
@given(text=essays(), seed=st.integers(0, 2**16))
def test_every_lossless_text_class_is_undone_exactly(name, text, seed):
    damaged = CLASSES[name].apply(text, random.Random(seed))
    assert repair_text(damaged, "a.md").text == text


@pytest.mark.parametrize("name", [_param("big5-as-latin1")])
@SETTINGS
@given(text=essays("zh_TW", decorations=[]), seed=st.integers(0, 2**16))
def test_big5_read_as_latin1_is_undone_exactly(name, text, seed):
    text = CLASSES[name].fit(text)
    damaged = CLASSES[name].apply(text, random.Random(seed))
    assert repair_text(damaged, "a.md").text == text


@pytest.mark.parametrize("name", [_param(n) for n in FILE_CLASSES])
@SETTINGS
@given(data=st.data(), seed=st.integers(0, 2**16))
def test_every_whole_file_class_is_decoded_exactly(name, data, seed):
    cls = CLASSES[name]
    text = cls.fit(data.draw(essays(cls.script, DECORATIONS if cls.charset is None else [])))
    assert repair_bytes(cls.apply(text, random.Random(seed)), "a.md").text == text


MIXTURES = [(t, b) for t in TEXT_CLASSES for b in TEXT_CLASSES]


@SETTINGS
@given(text=essays(), mixture=st.sampled_from(MIXTURES), seed=st.integers(0, 2**16))
def test_lossless_mixtures_of_title_body_and_clean_lines_are_undone_exactly(text, mixture, seed):
    title, body = mixture
    damaged = mix_classes(text, random.Random(seed), title, body)
    assert repair_text(damaged, "a.md").text == text


@SETTINGS
@given(latin=st.lists(st.sampled_from(LATIN_LINES), min_size=1, max_size=3), chinese=st.lists(st.sampled_from(PARAGRAPHS["zh_CN"]), min_size=1, max_size=3))
def test_latin_text_inside_and_outside_code_stays_beside_mojibake(latin, chinese):
    clean_blocks = [block for pair in zip(chinese, latin) for block in pair] + chinese[len(latin):] + latin[len(chinese):]
    damaged_blocks = [utf8_as_cp1252(b, "drop") if b in chinese else b for b in clean_blocks]
    head = evaltext.front_matter("拉丁文", 0, [])
    clean, damaged = head + "\n\n".join(clean_blocks) + "\n", head + "\n\n".join(damaged_blocks) + "\n"
    repaired = repair_text(damaged, "a.md").text
    for line in latin:
        assert line in repaired


@SETTINGS
@given(st.lists(st.sampled_from(LATIN_LINES + ["Crème fraîche, señor, Ærøskøbing.", "Voilà: `déjà vu` ©®™"]), min_size=1, max_size=4))
def test_latin_text_alone_never_changes(lines):
    text = evaltext.front_matter("Latin", 0, []) + "\n\n".join(lines) + "\n"
    assert repair_text(text, "a.md").text == text


CYRILLIC_LINES = [
    "Русский язык и её история — «Война и мир», ёлка, № 5.",
    "`git clone <URL_ЭТОГО_РЕПОЗИТОРИЯ> --recursive`",
    "Українська: дії, їжак, ґанок, є; српски: љубав, њега, ђак, џеп.",
    "| Язык | Файл |\n|---|---|\n| Русский | README.ru.md |",
]


@SETTINGS
@given(text=essays(decorations=CYRILLIC_LINES + evaltext.SYMBOL_LINES))
def test_clean_text_with_cyrillic_never_changes(text):
    """Windows-1251's letters make its mojibake (``дЅїз”Ё`` for 使用); text written in them stays."""
    assert repair_text(text, "a.md").text == text


#: The same, less a one-letter word whose Windows-1251 reading is itself what Cyrillic writes (є, D1 94,
#: reads ``С”``: a capital and a closing quote), which stays as it is (a known limit).
GARBLED_CYRILLIC_LINES = [line.replace(" є;", ";") for line in CYRILLIC_LINES]


@SETTINGS
@given(text=essays(decorations=GARBLED_CYRILLIC_LINES + LATIN_LINES), seed=st.integers(0, 2**16))
def test_windows_1251_mojibake_of_chinese_russian_and_latin_is_undone_exactly(text, seed):
    """The whole essay, Russian and accented Latin letters included, read as Windows-1251 and read back."""
    damaged = CLASSES["cp1251"].apply(text, random.Random(seed))
    assert repair_text(damaged, "a.md").text == text


@SETTINGS
@given(text=essays(decorations=evaltext.SYMBOL_LINES + evaltext.ENGLISH_LINES + evaltext.CODE_BLOCKS), seed=st.integers(0, 2**16))
def test_raw_utf8_that_lost_bytes_is_read_as_utf8_and_every_line_that_lost_nothing_stays(text, seed):
    """Continuation bytes lost from the file itself (nobody read it in another code page).

    Not in Latin lines: ``NESTL\\xc3\\xc2`` (É and ® each short of a byte) is Latin-1 as much as it is UTF-8.
    """
    data = raw_lost_bytes(text, 0.05, random.Random(seed))
    result = repair_bytes(data, "a.md")  # not refused
    assert result.report.encoding == "utf-8"
    repaired = result.text.split("\n")
    for number, (line, raw) in enumerate(zip(text.split("\n"), data.split(b"\n")), start=1):
        if raw == line.encode():
            assert repaired[number - 1] == line, number
        else:
            assert any(f.line == number for f in result.report.fixes if f.kind == "utf-8-lost-bytes-line"), number


UNRECOVERABLE = [n for n, c in CLASSES.items() if not c.recoverable]
#: Paragraphs with Chinese in them: an ASCII-only one has nothing for GBK and UTF-8 to disagree on.
CHINESE_PARAGRAPHS = [p for p in PARAGRAPHS["zh_CN"] if sum("\u4e00" <= ch <= "\u9fff" for ch in p) >= 4]


@pytest.mark.parametrize("name", [_param(n) for n in UNRECOVERABLE])
@SETTINGS
@given(title=st.sampled_from(PARAGRAPHS["zh_CN"]), chinese=st.lists(st.sampled_from(CHINESE_PARAGRAPHS), min_size=1, max_size=4))
def test_unrecoverable_damage_is_reported_and_left_as_found(name, title, chinese):
    """口字码 and 锟拷码 lost their bytes: the repair finds them, says so, and invents nothing. What it may take away is
    what careful ftfy takes away too: the letter a GBK pair left before the marks of the bytes that did not read
    (``ģ\ufffd\ufffd`` → ``\ufffd``, 模 being C4 A3). Silent 口字码 (the bytes dropped, no mark) of a few characters
    leaves next to nothing to find (模块索引 leaves ``ģ``): it is left as found, and reported where the text shows it
    (the benchmark counts how often: every case of its class on both splits)."""
    head = evaltext.front_matter(title[:20].strip() or "标题", 0, [])
    damaged = head + "\n\n".join(CLASSES[name].apply(p, random.Random(0)) for p in chinese) + "\n"
    result = repair_text(damaged, "a.md")
    taken = Counter(damaged) - Counter(result.text)
    assert not Counter(result.text) - Counter(damaged)  # nothing invented
    assert result.text.count("\n") == damaged.count("\n") and all(ch == "\ufffd" or "\u0100" <= ch <= "\u07ff" for ch in taken)
    assert result.report.unrecoverable or name == "gbk-as-utf8-ignore"


@SETTINGS
@given(chinese=st.lists(st.sampled_from(PARAGRAPHS["zh_CN"]), min_size=1, max_size=3), fill=st.sampled_from([0xCC, 0xCD]))
def test_uninitialised_memory_is_reported_and_left_as_found(chinese, fill):
    """烫烫烫 / 屯屯屯: memory printed as GBK, not text; a long run of it is flagged, never rewritten."""
    from dev.damage import uninitialised

    damaged = evaltext.front_matter("内存", 0, []) + "\n\n".join(chinese + ["输出：" + uninitialised(12, fill)]) + "\n"
    result = repair_text(damaged, "a.md")
    assert result.text == damaged
    assert result.report.unrecoverable


#: Small cases the property tests found (issue 11); the ones the repair still gets wrong are in STILL_FAILING.
KNOWN_CASES = [
    ("cp1252 with a lost byte shown as ?", "显存不够，训练报错。\n", lambda t, rng: utf8_as_cp1252(t).replace("¤", "?", 1), "显存不�，训练报错。\n"),
    ("gbk-as-latin1 (拼音码): two characters after ASCII", "%s 的 MIME 类型未知\n", CLASSES["gbk-as-latin1"].apply, None),
    ("gbk-as-latin1 (拼音码): glued to ASCII", "检测到仿制的对象：%r危险\n", CLASSES["gbk-as-latin1"].apply, None),
    ("gbk-as-latin1 (拼音码): a full stop after ASCII", "无法导入 %s。\n", CLASSES["gbk-as-latin1"].apply, None),
    ("big5-as-latin1: punctuation, one character between Latin words", "使用 autosummary 指令產生 ReStructuredText。 sphinx-autogen 是前端。\n", CLASSES["big5-as-latin1"].apply, None),
]

STILL_FAILING: set[str] = set()


@pytest.mark.parametrize(
    ("clean", "damage", "acceptable"),
    [
        pytest.param(c, d, a, id=name.split(" (")[0].split(":")[0] + f"-{i}", marks=[pytest.mark.xfail(strict=True, reason=f"issue 11: {name}")] if name in STILL_FAILING else [])
        for i, (name, c, d, a) in enumerate(KNOWN_CASES)
    ],
)
def test_known_cases(clean, damage, acceptable):
    """Exact, or (where a byte is gone) the one character left visibly lost: never a guess plus debris."""
    head = evaltext.front_matter("标题", 0, [])
    got = repair_text(head + damage(clean, random.Random(0)), "a.md").text[len(head):]
    assert got in {clean, acceptable}


def test_a_gbk_line_of_latin_words_in_an_utf8_file():
    lines = ["---", "title: 标题", "---", "`crème` and `Zürich` are valid keys.", "", "静态方法", ""]
    data = b"\n".join(line.encode("gbk" if "crème" in line else "utf-8") for line in lines)
    assert repair_bytes(data, "a.md").text == "\n".join(lines)


@pytest.mark.parametrize("line", ["Les étudiant·e·s sont là.", "cet·te·s lecteur·rice·s", "col·legi i l·lusió"])
def test_signs_between_letters_of_latin_words_stay(line):
    """French inclusive writing and Catalan's l·l: Big5 would take the letters after ``·`` as trail bytes (搪新)."""
    text = evaltext.front_matter("Latin", 0, []) + line + "\n"
    assert repair_text(text, "a.md").text == text


def _pieces_byte_by_byte(data: bytes):
    """The cut :func:`errata.text.bytemap.split_pieces` makes, written the slow, obvious way."""
    from errata.text.bytemap import Piece, is_continuation, utf8_length

    pieces, i = [], 0
    while i < len(data):
        size = utf8_length(data[i])
        if size < 2:
            return None
        j = i + 1
        while j < len(data) and is_continuation(data[j]) and j - i < size:
            j += 1
        pieces.append(Piece(data[i], data[i + 1 : j], size - 1 - (j - i - 1)))
        i = j
    return pieces


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.binary(max_size=12), st.text(alphabet="显存不够é€😀 a", max_size=6).map(lambda t: t.encode("utf-8"))))
def test_whole_runs_are_cut_as_the_byte_by_byte_cut_does(data):
    # split_pieces reads a run that decodes whole in one step (most runs): the same pieces, or None, either way.
    from errata.text.bytemap import split_pieces

    assert split_pieces(data) == _pieces_byte_by_byte(data)
