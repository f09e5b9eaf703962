"""SunPinyin's word model (Debian's sunpinyin-data): the reader, what the language model takes from it, and
how the recovery weighs word bigrams. The files here are written by :func:`write_sunpinyin`, this test's own
writer of the format; one test reads the system's package (skipped where it is absent, failed in CI)."""

from __future__ import annotations

import math
import struct
import warnings
from pathlib import Path

import pytest

from conftest import require_tool
from errata.text import langmodel, sunpinyin
from errata.text.config import DEFAULT_CONFIG
from errata.text.recover import DocumentModel, Slot, choose_line

ROOT_SIZE = 2  # the root node and its sentinel


def write_sunpinyin(folder: Path, words: list[str], unigrams: dict[str, tuple[float, float]], bigrams: dict[tuple[str, str], float]) -> Path:
    """Write ``pydict_sc.bin`` and ``lm_sc.t3g`` for a toy trigram model without trigrams.

    ``words`` get ids from 70 on (1–69 are reserved, as in the real lexicon);
    ``unigrams`` maps a word to (P(word), back-off weight); ``bigrams`` maps
    (word, next) to P(next | word).
    """
    folder.mkdir(parents=True, exist_ok=True)
    spelled = [""] * 70 + words
    ids = {word: 70 + i for i, word in enumerate(words)}
    table = b"".join(word.encode("utf-32-le") + b"\0\0\0\0" for word in spelled)
    (folder / sunpinyin.LEXICON).write_bytes(struct.pack("<4I", len(spelled), 0, 16, 0) + table)

    probabilities, backoffs = [0.0], [1.0]

    def index(values: list[float], value: float) -> int:
        values.append(value)
        return len(values) - 1

    def node(wid: int, bow: int, pr: int, child: int) -> bytes:
        return struct.pack("<3I", wid | bow << 18, pr | (child & 0xFFFF) << 16, (child >> 16) << 25)

    firsts = sorted(unigrams, key=ids.__getitem__)
    unigram_nodes, bigram_nodes = [], []
    for word in firsts:
        p, weight = unigrams[word]
        unigram_nodes.append(node(ids[word], index(backoffs, weight), index(probabilities, p), len(bigram_nodes)))
        for (first, second), q in bigrams.items():
            if first == word:
                bigram_nodes.append(node(ids[second], 0, index(probabilities, q), 0))
    unigram_nodes.append(node(0, 0, 0, len(bigram_nodes)))  # sentinel
    bigram_nodes.append(node(0, 0, 0, 0))
    sizes = (ROOT_SIZE, len(unigram_nodes), len(bigram_nodes), 1)
    blob = struct.pack("<2I", 3, 0) + struct.pack("<4I", *sizes)
    blob += struct.pack(f"<{sunpinyin.PROBABILITIES}f", *probabilities, *[0.0] * (sunpinyin.PROBABILITIES - len(probabilities)))
    blob += struct.pack(f"<{sunpinyin.BACKOFFS}f", *backoffs, *[0.0] * (sunpinyin.BACKOFFS - len(backoffs)))
    blob += node(0, 0, 0, 0) + node(0, 0, 0, len(firsts))
    blob += b"".join(unigram_nodes) + b"".join(bigram_nodes) + b"\0" * 8  # one sentinel leaf
    (folder / sunpinyin.MODEL).write_bytes(blob)
    return folder


TOY_UNIGRAMS = {"酒店": (0.2, 0.5), "入住": (0.1, 0.8), "居住": (0.3, 0.9), "，": (0.4, 1.0)}
TOY_BIGRAMS = {("酒店", "入住"): 0.6, ("酒店", "，"): 0.2, ("居住", "，"): 0.5}


@pytest.fixture
def toy(tmp_path: Path) -> Path:
    return write_sunpinyin(tmp_path / "data", ["酒店", "入住", "居住", "，"], TOY_UNIGRAMS, TOY_BIGRAMS)


def test_the_reader_spells_words_and_unpacks_unigrams_and_bigrams(toy):
    source = sunpinyin.load(toy)
    assert source.words[70:] == ["酒店", "入住", "居住", "，"] and source.words[1] == ""
    unigrams = {word: (round(p, 6), round(weight, 6)) for word, p, weight in source.unigram_words()}
    assert unigrams == TOY_UNIGRAMS
    bigrams = {(a, b): round(p, 6) for a, b, p in source.bigram_words()}
    assert bigrams == TOY_BIGRAMS


def test_modern_usage_counts_pairs_inside_and_between_words_and_word_bigram_ratios(toy):
    usage = langmodel.modern_usage(sunpinyin.load(toy))
    assert usage.word_probs == pytest.approx({"酒店": 0.2, "入住": 0.1, "居住": 0.3})  # punctuation is no word
    # 住 then ， : inside no word; after 入住 never stored, after 居住 P(居住)·P(，|居住) = 0.3 · 0.5
    assert usage.pair_mass["住，"] == pytest.approx(0.15)
    assert usage.pair_mass["酒店"] == pytest.approx(0.2)
    assert usage.pair_mass["店入"] == pytest.approx(0.2 * 0.6)
    assert usage.word_pmi == {"酒店": {"入住": pytest.approx(math.log(0.6 / 0.1))}}
    assert usage.word_backoff == pytest.approx({"酒店": math.log(0.5), "入住": math.log(0.8), "居住": math.log(0.9)})


def test_the_model_built_with_it_mixes_its_words_and_pools_its_pairs(toy, tmp_path):
    running = tmp_path / "running.txt"
    running.write_text("我/r 们/r 居/v 住/v\n", encoding="utf-8")
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("居住 30 v\n入住 10 v\n", encoding="utf-8")
    plain = langmodel.build_model(running, dictionary, {"居住": 0.5, "入住": 0.5})
    usage = langmodel.modern_usage(sunpinyin.load(toy))
    modern = langmodel.build_model(running, dictionary, {"居住": 0.5, "入住": 0.5}, usage=usage)
    assert not plain.word_pmi and not plain.word_backoff
    assert modern.word_pmi["酒店"]["入住"] > 0 and "居住" in modern.word_backoff
    assert "酒店" in modern.words and "酒店" not in plain.words
    assert "店入" in modern.bigram and "店入" not in plain.bigram  # a pair the newspaper never wrote
    # The newspaper's pairs are still there, and the known pair is likelier than with backoff alone.
    assert modern.bigram_logp("居", "住") > modern.bigram_logp("居", "店")


def _toy_recovery_model(pmi: bool) -> langmodel.LanguageModel:
    """Two readings of a slot before 住: 居 (the likelier word alone) and 入 (likelier after 酒店)."""
    chars = "酒店入居住"
    unigram = {ch: math.log(0.1) for ch in chars} | {langmodel.BOUNDARY: math.log(0.1)}
    words = {"酒店": math.log(0.02), "入住": math.log(0.01), "居住": math.log(0.03)} | {ch: math.log(0.001) for ch in chars}
    return langmodel.LanguageModel(
        unigram=unigram,
        bigram={},
        backoff={},
        words=words,
        word_pmi={"酒店": {"入住": math.log(6.0)}} if pmi else {},
        word_backoff={"酒店": math.log(0.5), "入住": 0.0, "居住": 0.0} if pmi else {},
    )


@pytest.mark.parametrize("pmi, expected", [(False, "居"), (True, "入")])
def test_word_bigrams_choose_the_word_that_follows_the_one_before(pmi, expected):
    slot = Slot(line=1, column=3, candidates=[("入", 0.0), ("居", 0.0)])
    model = _toy_recovery_model(pmi)
    [choice] = choose_line(["酒", "店", slot, "住"], DocumentModel(model, [], DEFAULT_CONFIG))
    assert choice.chosen == expected


def test_a_word_bigram_weight_of_zero_turns_them_off():
    slot = Slot(line=1, column=3, candidates=[("入", 0.0), ("居", 0.0)])
    config = DEFAULT_CONFIG._replace(word_pmi_weight=0.0)
    [choice] = choose_line(["酒", "店", slot, "住"], DocumentModel(_toy_recovery_model(True), [], config))
    assert choice.chosen == "居"


def test_the_folder_comes_from_the_environment_and_an_empty_value_turns_it_off(toy, tmp_path):
    assert sunpinyin.find_data_dir({sunpinyin.ENV: str(toy)}) == toy
    assert sunpinyin.find_data_dir({sunpinyin.ENV: ""}) is None
    (tmp_path / "half").mkdir()
    (tmp_path / "half" / sunpinyin.MODEL).write_bytes(b"")
    with pytest.warns(RuntimeWarning, match=f"{sunpinyin.ENV}=.*half: no {sunpinyin.LEXICON}"):
        assert sunpinyin.find_data_dir({sunpinyin.ENV: str(tmp_path / "half")}) is None  # a typo is said, not taken for "off"


def test_the_cache_is_named_by_the_files_it_was_built_from(toy):
    plain, with_data = langmodel.cache_path(None), langmodel.cache_path(toy)
    assert plain != with_data and "sunpinyin" in with_data.name
    (toy / sunpinyin.MODEL).write_bytes((toy / sunpinyin.MODEL).read_bytes() + b"\0" * 8)
    assert langmodel.cache_path(toy) != with_data  # a changed package builds a new model


def _spoil(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "name, damage, message",
    [
        (sunpinyin.MODEL, lambda data: data[:-8], "bytes where the header's level sizes"),
        (sunpinyin.MODEL, lambda data: b"\x02" + data[1:], "only SunPinyin's trigram"),
        (sunpinyin.MODEL, lambda data: data[:5], "too short"),
        (sunpinyin.LEXICON, lambda data: data[:8] + struct.pack("<I", 10**9) + data[12:], "string table offset"),
        (sunpinyin.LEXICON, lambda data: data[:16] + b"\xff\xff\xff\xff" + data[20:], "not UTF-32"),
    ],
)
def test_a_damaged_file_is_refused_with_its_name(toy, name, damage, message):
    path = toy / name
    _spoil(path, damage(path.read_bytes()))
    with pytest.raises(sunpinyin.SunpinyinDataError, match=message) as caught:
        sunpinyin.load(toy)
    assert str(path) in str(caught.value)


def _stored_value(name: str, index: int, value: float, log_stored: bool = False):
    def damage(data: bytes) -> bytes:
        data = bytearray(data)
        struct.pack_into("<I", data, 4, int(log_stored))
        table = 8 + 4 * 4 + (0 if name == "probability" else 4 * sunpinyin.PROBABILITIES)
        struct.pack_into("<f", data, table + 4 * index, value)
        return bytes(data)

    return damage


@pytest.mark.parametrize(
    "damage",
    [
        _stored_value("probability", 1, float("nan")),
        _stored_value("probability", 1, -0.5),
        _stored_value("probability", 1, 1.5),
        _stored_value("back-off", 1, float("inf")),
        _stored_value("probability", 1, -1e30, log_stored=True),  # exp(1e30) would overflow
    ],
    ids=["NaN", "negative", "above one", "infinite back-off", "log-stored overflow"],
)
def test_values_out_of_range_are_refused(toy, damage):
    path = toy / sunpinyin.MODEL
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(sunpinyin.SunpinyinDataError, match="out of range"):
        sunpinyin.load(toy)


def test_an_oversized_file_is_refused_unread(toy):
    path = toy / sunpinyin.MODEL
    with path.open("r+b") as handle:
        handle.truncate(sunpinyin.MAX_MODEL_BYTES + 1)  # sparse: no disk, and never read
    with pytest.raises(sunpinyin.SunpinyinDataError, match="more than a SunPinyin file has"):
        sunpinyin.load(toy)


def test_children_outside_the_bigram_level_are_refused(toy):
    path = toy / sunpinyin.MODEL
    data = bytearray(path.read_bytes())
    first_unigram = 8 + 4 * 4 + 4 * (sunpinyin.PROBABILITIES + sunpinyin.BACKOFFS) + 12 * ROOT_SIZE
    struct.pack_into("<I", data, first_unigram + 4, struct.unpack_from("<I", data, first_unigram + 4)[0] | 0xFFFF << 16)
    path.write_bytes(bytes(data))
    with pytest.raises(sunpinyin.SunpinyinDataError, match="outside"):
        sunpinyin.load(toy)


def test_a_damaged_package_builds_the_model_without_it_and_says_which_file(toy):
    path = _spoil(toy / sunpinyin.MODEL, b"\x03\0\0\0")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert langmodel._modern_usage_or_none(toy) is None
    assert any(str(path) in str(w.message) and "without sunpinyin-data" in str(w.message) for w in caught)


def test_a_damaged_package_is_not_cached_under_its_name(toy, tmp_path, monkeypatch):
    # Cached under the files' name, the plain model would be loaded silently ever after, even once they are mended.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv(sunpinyin.ENV, str(toy))
    _spoil(toy / sunpinyin.MODEL, b"\x03\0\0\0")
    with pytest.warns(RuntimeWarning, match="without sunpinyin-data"):
        model = langmodel.load_model.__wrapped__()
    assert not model.word_backoff
    assert [p.name for p in (tmp_path / "cache" / "errata").iterdir()] == [langmodel.cache_path(None).name]


def test_the_systems_sunpinyin_data_is_read():
    folder = sunpinyin.find_data_dir()
    require_tool(folder is not None, "sunpinyin-data (apt-get install sunpinyin-data; or ERRATA_SUNPINYIN_DATA= turned it off)")
    model = langmodel.load_model()
    assert model.word_pmi and len(model.word_backoff) > 50_000
    # Read right, the words line up with the model: one books a hotel, and a smell is too strong.
    assert model.word_pmi["酒店"]["预订"] > 1.0 and model.word_pmi["异味"]["太重"] > 1.0
    assert model.bigram_logp("入", "住") > model.bigram_logp("入", "注")
