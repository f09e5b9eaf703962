"""Big5 read as GBK: Traditional Chinese that a tool on a Simplified Chinese system read in its own code page.

A note saved as Big5 (Notepad's "ANSI" on a zh-TW Windows) and opened by a tool that reads code page 936 or
GB18030 (a Java program's ``x-mswin-936``, ICU's or iconv's GBK) comes out as other characters, every pair of
bytes one: 中 (A4 A4) is ``い``, 修復 ``確`` and a mark, and every Big5 pair that GBK leaves to its users (Big5's
punctuation ``，。：`` and 的 among them) a private-use character. Where the reader kept those, every byte is
still there: writing the text in GB18030 again and reading it as Big5 gives the note back.

A reader that cannot convert those pairs (glibc's ``iconv -c -f GBK``) drops them, two bytes each: the rest reads
back as before, the dropped characters are lost.

A document is taken for such a reading only where it holds GBK's user-defined characters as these readers
write them, or the kana, Greek and bopomofo Big5's commonest characters read as, and its lines, so read back, read
as far likelier text than as they stand; then each line is
read back but one that reads so far less likely (a line of ASCII or of a later hand's UTF-8 stays).

>>> damaged = "## 安裝失敗\\n執行 `npm install` 後，出現錯誤。\\n".encode("big5").decode("gb18030")
>>> big5_read_as_gbk(damaged)
'## 安裝失敗\\n執行 `npm install` 後，出現錯誤。\\n'
>>> big5_read_as_gbk("## 安装失败\\n执行 `npm install` 后出现错误。\\n") is None
True

The other way round, GBK read as Big5 (:func:`gbk_read_as_big5`): a Simplified note opened on a Traditional system
(Python's or a browser's Big5) comes out as rare Traditional characters, its punctuation as bopomofo (，as ``ㄛ``, ：as
``ㄩ``, 。as ``﹝``). Every pair Big5 can map kept its two bytes; where it could not, the reader marked one byte and read
on from the next, so only the characters with a marked byte are lost, and stay marked.

>>> gbk_read_as_big5("## 常见问题，代码下载慢：".encode("gbk").decode("big5", "replace") * 2)
'## 常见问题，代码下载慢：## 常见问题，代码下载慢：'
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from .bytemap import TWO_UTF8_CHARACTERS, no_gbk_pair
from .langmodel import LanguageModel, load_model
from .plausibility import text_logp

#: The classes a read-back names (the decode's ``read_back``).
BIG5_READ_AS_GBK = "big5-as-gbk"
GBK_READ_AS_BIG5 = "gbk-as-big5"
#: GBK's user-defined pairs as code page 936 and GB18030 read them (AAA1–AFFE, F8A1–FEFE, A140–A7A0 →
#: U+E000–U+E765): Big5's punctuation and many of its commonest characters fall there.
_USER_DEFINED = re.compile("[\ue000-\ue765]")
#: Kana and Han characters: what a real reading's characters beyond its private-use ones mostly are (中 as い).
_KANA_OR_HAN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: How many such characters a document needs before its lines are asked (an icon font's glyph is one).
MIN_USER_DEFINED = 2
#: What GBK's rows A4–A8 hold (kana, Greek, Cyrillic, bopomofo): Big5's commonest characters, leads A4–A8, read as
#: them where their second byte is A1–FE (中 い, 不 ぃ, 有 Τ, 成 Θ; those with 40–A0, 一 也 了 人 上, are user-defined
#: pairs). A reader that cannot convert the user-defined pairs drops them (glibc's ``iconv -c -f GBK``: no private-use
#: character is left, every ``，`` gone), and these are what is left to tell.
_ROW_A4_A8 = re.compile("[\u3041-\u3093\u30a1-\u30f6\u0391-\u03c9\u0410-\u044f\u3105-\u3129]")
#: How many of those a document needs before its lines are asked (a Chinese note may quote α, β or a kana or two).
MIN_ROW_A4_A8 = 4
#: How much likelier, in nats per character beyond ASCII, a document's lines must read back than as they stand. A
#: real one gains 4–12 (the twenty-third and twenty-fourth sets of real files); clean Simplified, Traditional or
#: Japanese text read so loses.
MIN_GAIN = 2.0
#: How much likelier, in nats, the character a marked byte is read as must be than the next likeliest for the mark to
#: be read (:func:`as_big5`); else it stays a mark. Dev split (45 notes read by Python's ``gbk``), the share of the
#: guesses right by margin: under 0.5 nats 58% (exact ties among them), 0.5–1 51%, 1–2 77%; at 1, 527 characters wrong
#: of 19,847 (0: 405, 2: 651). Two nats, as for the marks of 古文码 (:attr:`~errata.text.config.RepairConfig.gap_min_margin`,
#: right 94% of the time there): a note's Greek and bopomofo are never a candidate, and below it a fifth of what was
#: written was wrong (red team 41: β as （, ㄅ as 另).
MARK_MIN_MARGIN = 2.0
#: How many marks a document's read-back reads with the model, at most (:func:`big5_read_as_gbk`).
MAX_MARKS_READ = 20_000
#: The Big5 tables to read with: Windows' own, then Hong Kong's (its characters beyond code page 950's).
_BIG5_CODECS = ("cp950", "big5hkscs")


def big5_read_as_gbk(text: str, model: LanguageModel | None = None) -> str | None:
    """The text of a document that is Big5 read as GBK (see the module), or None where it is not one."""
    user_defined = sum(1 for _ in islice(_USER_DEFINED.finditer(text), MIN_USER_DEFINED)) >= MIN_USER_DEFINED
    if not user_defined and sum(1 for _ in islice(_ROW_A4_A8.finditer(text), MIN_ROW_A4_A8)) < MIN_ROW_A4_A8:
        return None
    model = model or load_model()
    lines = text.split("\n")
    readings, marks_left = [], MAX_MARKS_READ
    for line in lines:
        # Each mark is read with the model, some tens of microseconds: past the budget the marks stay marks (a hostile
        # file of a megabyte of them would take a minute; red team 41: one line of them, too).
        readings.append(as_big5(line, model, MARK_MIN_MARGIN, marks_left))
        marks_left -= line.count("\ufffd")
    # Without user-defined characters the kana and Greek must be in lines that read back: those a UTF-8 reading of
    # other bytes left (``д`` alone on a line of 口字码) tell nothing.
    if not user_defined and sum(
        len(_ROW_A4_A8.findall(line)) for line, reading in zip(lines, readings) if reading is not None
    ) < MIN_ROW_A4_A8:
        return None
    return read_back_lines(lines, readings, model)


def gbk_read_as_big5(text: str, model: LanguageModel | None = None) -> str | None:
    """The text of a document that is GBK read as Big5 (see the module), or None where it is not one: it must show
    at least :data:`MIN_BOPOMOFO` of the bopomofo GBK's punctuation reads as, and read back as :func:`big5_read_as_gbk`
    asks (real set 28: a Simplified FAQ read by a zh-TW user's script, left as it was, 35.86% of its characters wrong)."""
    if sum(1 for _ in islice(_BOPOMOFO.finditer(text), MIN_BOPOMOFO)) < MIN_BOPOMOFO:
        return None
    lines = text.split("\n")
    readings = [as_gbk(line) for line in lines]
    # Nearly every line beyond ASCII reads back in a real one; a few short lines that happen to (in 古文码 read twice, or
    # UTF-8 a browser read as Big5, whose other lines are UTF-8's bytes) are no such document.
    read = sum(_beyond_ascii(line) for line, reading in zip(lines, readings) if reading is not None)
    if read < MIN_READ_SHARE * _beyond_ascii(text):
        return None
    return read_back_lines(lines, readings, model or load_model())


def read_back_lines(lines: list[str], readings: list[str | None], model: LanguageModel, han_alone: bool = True) -> str | None:
    """The lines read back (``readings``: each line's reading, None where it has none) where they read as far
    likelier text, their kana and Han characters too (``han_alone``; a reading of single-byte letters, two for a
    character, has none to weigh); a line whose reading is far less likely stays. None where the document does not
    read back so."""
    gain = weight = others_gain = others = 0.0
    scored: list[tuple[float, float] | None] = []
    for line, reading in zip(lines, readings):
        if reading is None:
            scored.append(None)
            continue
        before, after = text_logp(line, model, as_read=True)[0], text_logp(reading, model)[0]
        scored.append((before, after))
        gain += after - before
        weight += _beyond_ascii(line)
        # The line's kana and Han characters alone, every other character beyond ASCII a space on both sides (no
        # character, no context): private-use ones, and letters and signs (é, α, 「) any reading may make likelier.
        kept = [_KANA_OR_HAN.match(ch) is not None or ch.isascii() for ch in line]
        if not all(kept):
            line, reading = ("".join(ch if keep else " " for ch, keep in zip(text, kept)) for text in (line, reading))
            before, after = text_logp(line, model, as_read=True)[0], text_logp(reading, model)[0]
        others_gain += after - before
        others += _beyond_ascii(line)
    # The private-use characters alone are no evidence: an icon font's glyphs (Nerd Fonts' powerline and devicons,
    # U+E0A0–U+E7C5) read as any Big5 character are likelier than a character the model never saw, and a README in
    # English or Traditional Chinese with a prompt's or a config's icons was "read back" (red team round 34). The
    # kana and Han characters must read back far likelier too: in a real reading they are most of its characters.
    if not weight or gain / weight < MIN_GAIN or han_alone and (not others or others_gain / others < MIN_GAIN):
        return None
    # A line whose reading is far less likely than the line is a later hand's (UTF-8 written into the file after); a
    # short one may read back no likelier (``- ゅ``, a kana the model finds as likely as 文 alone), and is read.
    out = [
        reading if score is not None and score[1] >= score[0] - MIN_GAIN * _beyond_ascii(line) else line
        for line, reading, score in zip(lines, readings, scored)
    ]
    return "\n".join(out)


#: Bopomofo and the small bracket: what GBK's full-width punctuation (A3xx, A1A3) reads as in Big5 (，ㄛ ：ㄩ ！ㄐ 。﹝).
_BOPOMOFO = re.compile("[\u3105-\u3129\ufe5d\ufe5e]")
#: How many a document needs before its lines are asked (a note on Mandarin may write a few).
MIN_BOPOMOFO = 2
#: The share of a document's characters beyond ASCII that must stand in lines that read back.
MIN_READ_SHARE = 0.8


def as_gbk(line: str) -> str | None:
    """A line's Big5 pairs read as the GBK they were, or None where it has none or holds a character that is no Big5
    pair. A mark (U+FFFD) is a byte the Big5 reader could not pair and read past: the GBK character it was part of is
    lost, and stays a mark.

    >>> as_gbk("都獗恀枙"), as_gbk("plain"), as_gbk("忑珂衄�庥帢迄瞨")   # 任 (C8 CE): C8 starts no Big5 pair
    ('常见问题', None, '首先有�何报错�')

    (The last pair read ``错`` and the first byte of what followed it, cut off here: a character short of a byte.)
    """
    if line.isascii():
        return None
    data = bytearray()
    lost = set()
    for ch in line:
        if ch == "\ufffd":
            lost.add(len(data))
            data.append(0x80)
            continue
        pair = _GBK_S_PAIR_OF.get(ch) or next((found for codec in _BIG5_WRITERS if (found := _encoded(ch, codec)) is not None), None)
        if pair is None:
            return None
        data += pair
    if TWO_UTF8_CHARACTERS.search(data):
        return None  # UTF-8 read as Big5 (its bytes two Chinese characters in a row), which 古文码's readings read
    out, at = [], 0
    while at < len(data):
        if data[at] < 0x80 and at not in lost:
            out.append(chr(data[at]))
            at += 1
            continue
        pair = bytes(data[at : at + 2])
        if at in lost or at + 1 in lost or len(pair) < 2:
            out.append("\ufffd")
        else:
            try:
                out.append(pair.decode("gbk"))
            except UnicodeDecodeError:
                return None
        at += 2
    return "".join(out)


#: Characters Big5 has at two places, each at the one a GBK text's bytes make: 十 and 卅 at A2CC and A2CE (a GBK
#: character's last byte A2, then a lead byte: 息文, CF A2 CE C4, was read ``…卅…``), not at A451 and A4CA, which no
#: GBK text makes (A4's row ends at no 0x51, and kana are rare); ／ at A1FE, a GBK character of its own.
_GBK_S_PAIR_OF = {"十": b"\xa2\xcc", "卅": b"\xa2\xce", "／": b"\xa1\xfe"}
#: The Big5 tables a reader may have read with, each character written back by the first that has it: Python's,
#: Windows' (code page 950: a few characters mapped otherwise, 息's CF A2 is not ``big5``'s), Hong Kong's.
_BIG5_WRITERS = ("big5", "cp950", "big5hkscs")


def _encoded(ch: str, codec: str) -> bytes | None:
    try:
        return ch.encode(codec)
    except UnicodeEncodeError:
        return None


def _beyond_ascii(text: str) -> int:
    return sum(1 for ch in text if not ch.isascii())


def as_big5(line: str, model: LanguageModel | None = None, min_margin: float = 0.0, marks_read: int = MAX_MARKS_READ) -> str | None:
    """A line's GBK pairs read as the Big5 they were, or None where it has none, holds a character that is no GBK
    pair (a four-byte GB18030 character: an emoji, a rare character) or reads as no Big5.

    >>> as_big5("い ゅ"), as_big5("plain"), as_big5("显存 🙂")
    ('中 文', None, None)

    A mark (U+FFFD) is a byte a reader without GBK's user-defined pairs (Python's ``gbk``) could not pair, and read
    past, one byte a mark: Big5's ``，``, 的 and 了 among them. The rest reads back in step, and the character a mark
    was part of is the one of its few possible Big5 characters that the text around it makes likeliest
    (:func:`_marked_pair`), where it is likelier than the next by ``min_margin`` nats; else it stays a mark. Only the
    first ``marks_read`` marks are read so.

    >>> as_big5("ES6 穝糤�F`let`㏑�O�Aノㄓ�脓i跑计�C", load_model(), MARK_MIN_MARGIN)  # 了 before a backtick, ，: unsure
    'ES6 新增�`let`命��用來宣告變數。'
    >>> as_big5("ES6 穝糤�F`let`㏑�O�Aノㄓ�脓i跑计�C", load_model(), 0.0)
    'ES6 新增了`let`命令，用來宣告變數。'
    >>> as_big5("瞏瞏稰���� `npm` 骸骸�骇| XD", load_model(), MARK_MIN_MARGIN)  # 受到: each pair's two bytes marked
    '深深感�� `npm` 滿滿的坑 XD'
    """
    if line.isascii():
        return None
    data, lost = bytearray(), set()
    for ch in line:
        if ch == "\ufffd":
            lost.add(len(data))
            data.append(0x80)
            continue
        try:
            pair = ch.encode("gb18030")
        except UnicodeEncodeError:
            return None
        if len(pair) > 2 or len(pair) == 2 and pair[0] < 0x81:
            return None
        data += pair
    if not lost:
        return _read_big5(bytes(data))
    out: list[str] = []
    at = 0
    while at < len(data):
        if data[at] < 0x80 and at not in lost:
            out.append(chr(data[at]))
            at += 1
            continue
        if at in lost or at + 1 in lost:
            out.append(_marked_pair(data, lost, at, out, model if marks_read > 0 else None, min_margin))
            marks_read -= 1
        elif (read := _read_big5(bytes(data[at : at + 2]))) is None:
            return None
        else:
            out.append(read)
        at += 2
    return "".join(out)


def _read_big5(data: bytes) -> str | None:
    for codec in _BIG5_CODECS:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def _marked_pair(data: bytearray, lost: set[int], at: int, before: list[str], model: LanguageModel | None, min_margin: float) -> str:
    """The Big5 character of the pair at ``at`` that holds a marked byte, or a mark.

    The marked byte is one that GBK's reader could not pair with the byte after it (or the line's last), and the
    pair it makes must read as Big5: some 7–13 bytes where it led the pair, up to 94 where it ended it. Each
    candidate is scored with the two characters before it and the one after; both bytes marked is a mark.
    """
    if model is None or (at in lost and at + 1 in lost) or at + 1 >= len(data):
        return "\ufffd"
    marked = at if at in lost else at + 1
    after = data[marked + 1] if marked + 1 < len(data) and marked + 1 not in lost else None
    known = data[at + 1] if marked == at else data[at]
    candidates = _candidates(known, marked == at, after)
    if not candidates:
        return "\ufffd"
    left = "".join(before[-2:]).replace("\ufffd", " ")
    right = _next_character(data, lost, at + 2)
    scored = sorted((text_logp(left + read + right, model)[0], read) for read in candidates)
    if len(scored) > 1 and scored[-1][0] - scored[-2][0] < min_margin:
        return "\ufffd"
    return scored[-1][1]


#: What a marked byte may be read as: a Han character or the punctuation a Chinese note writes. Not Big5's box drawing,
#: Greek, kana or bopomofo, which the model scores by their kind alone (the ╬ of F9E1 beat 後, AB E1, before a comma).
_WRITTEN_IN_A_NOTE = re.compile("[\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e\u2013-\u2026]")


@lru_cache(maxsize=None)
def _candidates(known: int, lead_marked: bool, after: int | None) -> tuple[str, ...]:
    """What a Big5 pair with one marked byte may have been (:func:`_marked_pair`): ``known``, its other byte;
    ``lead_marked``, whether the mark is its first; ``after``, the byte after the mark where it is known.

    >>> "後" in _candidates(0xE1, True, 0xA1), "後" in _candidates(0xE1, True, 0xE1)  # AB E1; GBK reads E1 E1 whole
    (True, True)
    """
    found: list[str] = []
    for byte in range(0x81, 0xFF):
        if after is not None and not no_gbk_pair(byte, after):
            continue  # GBK's reader would have read this byte with the next, not marked it
        read = _read_big5(bytes((byte, known) if lead_marked else (known, byte)))
        if read is not None and _WRITTEN_IN_A_NOTE.fullmatch(read) and read not in found:
            found.append(read)
    return tuple(found)


def _next_character(data: bytearray, lost: set[int], at: int) -> str:
    """The character of the Big5 bytes at ``at`` where none is marked, else nothing (a space: no context)."""
    if at >= len(data) or at in lost:
        return ""
    if data[at] < 0x80:
        return chr(data[at])
    if at + 1 in lost:
        return ""
    return _read_big5(bytes(data[at : at + 2])) or ""
