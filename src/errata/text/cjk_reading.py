"""UTF-8 read as GBK/GB18030 or Big5 (古文码): ``鏄惧瓨涓嶅`` for 显存不够; or as Shift-JIS (文字化け), or as
Korean's code page 949 (``若됭즳`` for 安装).

Each character of the damaged text stands for the one or two GBK bytes it
was read from; written back as GBK they give the UTF-8 bytes again. Where the
GBK decoder met a pair it could not map it wrote U+FFFD (later often saved as
``?``) for one byte: that byte is lost, and the character it belonged to
becomes a damaged :class:`~errata.text.bytemap.Piece` for the lost-byte
recovery, exactly like a cp1252 decode that dropped a byte.

A span is only taken when its UTF-8 reading is valid (lost bytes aside),
holds Chinese, and the language model likes it clearly better than the text
as it stands: clean Chinese written back as GBK is almost never valid UTF-8.

>>> damaged = "显存不够，训练报错".encode().decode("gbk", errors="replace")
>>> damaged
'鏄惧瓨涓嶅�燂紝璁�缁冩姤閿�'
>>> [(start, end, kind) for start, end, _, kind in cjk_reading_runs("详细报错：" + damaged, load_model())]
[(5, 20, 'utf8-as-gbk')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..markdown_lines import prose_lines
from .bytemap import A_THREE_BYTE_LEAD, TWO_UTF8_CHARACTERS, Piece, is_continuation, loss_patterns, no_gbk_pair, utf8_length
from .config import DEFAULT_CONFIG, RepairConfig
from .langmodel import LanguageModel, is_hangul, load_model
from .plausibility import is_accented_letter, is_box_drawing, is_emoji, text_score

#: What a lost byte was written as: U+FFFD, or ``?`` once the text was saved back as GBK.
GAP_CHARS = frozenset("\ufffd?")
#: The encodings UTF-8 bytes are commonly misread as, with the class a fix is reported under: GBK (GB18030
#: reads every GBK byte pair as GBK does, and more), Big5, and Windows' Shift-JIS, code page 932 (a Japanese
#: Windows; its half-width katakana are single bytes, so most continuation bytes survive as one each), and Windows'
#: Korean, code page 949 (EUC-KR and its extension, whose Hangul syllables take most continuation bytes in pairs).
GBK_CODEC = "gb18030"
SHIFT_JIS_CODEC = "cp932"
KOREAN_CODEC = "cp949"
READINGS = ((GBK_CODEC, "utf8-as-gbk"), ("big5", "utf8-as-big5"), (SHIFT_JIS_CODEC, "utf8-as-shift-jis"), (KOREAN_CODEC, "utf8-as-euc-kr"))
#: Longest line (in characters) scanned; a longer one is left to the other repairs.
MAX_LINE = 20_000
#: What a Japanese Windows tool writes for a pair code page 932 cannot map (its bytes and often the line end
#: or digit after them lost): in a Shift-JIS reading of UTF-8 it is a mark, never the middle dot it is.
SJIS_MARK = "\u30fb"
_SJIS_MARKS = GAP_CHARS | {SJIS_MARK}
#: A character beyond ASCII, then a mark of any reader (its groups: the character, the mark).
_MARK_AFTER_CJK = "([^\\x00-\\x7f])([" + "".join(sorted(_SJIS_MARKS)) + "])"
#: A mark of a lost byte: U+FFFD, ``?`` after a character beyond ASCII (after ASCII it is an author's), ``・``.
_MARK = re.compile("\ufffd|[^\x00-\x7f]\\?|\u30fb")
#: 古文码 is made of CJK characters: a line without one is not scanned.
_CJK = re.compile("[\u3000-\uffff]")

__all__ = ["cjk_reading_runs", "latin_letter_runs", "reads_paired", "keeps_line_ends", "marks_took_the_spaces", "load_model", "SWALLOWED", "LIST_ITEM_START"]


class _Swallowed:
    """An ASCII byte that a greedy GBK reader took as the second byte of a pair it could not map: ``够``
    then a newline became ``澶`` and one mark. The byte is gone but its place is known; the repair puts
    back the likeliest byte there (:func:`errata.text.mojibake.swallowed_byte`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "SWALLOWED"


#: In a span's items: where a swallowed ASCII byte stood (no character of the damaged line).
SWALLOWED = _Swallowed()


def cjk_reading_runs(
    line: str, model: LanguageModel, config: RepairConfig = DEFAULT_CONFIG, single: bool = False, paired: bool | None = None,
    readings: frozenset[str] | None = None,
) -> list[tuple[int, int, list, str]]:
    """Spans of a line that are UTF-8 read as GBK (or Big5, Shift-JIS, code page 949): (start, end, items, class).

    ``items`` are the decoded characters with a :class:`Piece` for each
    character that lost bytes, U+FFFD for bytes that cannot be placed, and
    :data:`SWALLOWED` where a greedy reader swallowed an ASCII byte.
    A span of a single character is only taken beside a longer one, or with
    ``single`` (in a document that shows 古文码 elsewhere). ``paired``: whether
    each mark stands for two bytes (:func:`reads_paired`); ``None``, the
    reading that makes sense of more of the line. ``readings``: the kinds a document's lines showed, the only
    ones its second reading tries (beside GBK's 古文码, 體。 of clean Traditional Chinese is no Shift-JIS 铁B).
    """
    if line.isascii() or len(line) > MAX_LINE or not _CJK.search(line):
        return []
    if not single and "\ufffd" not in line and "?" not in line:
        if not any(TWO_UTF8_CHARACTERS.search(line.encode(codec, errors="ignore")) for codec, _ in READINGS):
            return []
    marked = _MARK.search(line) is not None
    for codec, kind in READINGS:
        if (readings is not None and kind not in readings) or (codec == KOREAN_CODEC and not _shows_code_page_949(line)):
            continue
        runs = _readings(line, codec, kind, model, config, single, paired if marked else False, marked)
        if runs and codec == GBK_CODEC and marked:
            # A line Big5 lost most bytes of reads as scraps of GBK here and there: Big5's reading of far more wins.
            big5 = _readings(line, "big5", "utf8-as-big5", model, config, single, False, marked)
            runs = big5 if _covered(big5) > config.big5_over_gbk_share * _covered(runs) else runs
        if runs:
            return runs
    return []


def _shows_code_page_949(line: str) -> bool:
    """Whether a line shows code page 949's reading of UTF-8: U+FFFD, or a Hangul syllable of the code page's extension
    (lead byte below A1 or trail byte below A1), which UTF-8's continuation bytes read as about three pairs in four
    (``됭즳`` of 安装) and Korean text seldom writes. Without one, a line of Hanja and kana or Hangul is an author's:
    read across its characters' bytes, ``誤り`` (E8 A6 AA EA) was 親 and a lead byte short of two, ``冗餘된`` 長段.

    >>> _shows_code_page_949("若됭즳"), _shows_code_page_949("誤り"), _shows_code_page_949("冗餘된 設定"), _shows_code_page_949("若�")
    (True, False, False, True)
    """
    if "\ufffd" in line:
        return True
    for ch in line:
        if "\uac00" <= ch <= "\ud7a3":
            raw = ch.encode(KOREAN_CODEC)
            if raw[0] < 0xA1 or raw[1] < 0xA1:
                return True
    return False


#: The code page of each reading whose characters are pairs of bytes, by the kind of fix it reports.
_PAIRED_CODEC = {"utf8-as-gbk": GBK_CODEC, "utf8-as-big5": "big5"}


def latin_letter_runs(line: str, kind: str) -> list[tuple[int, int, list, str]]:
    """Characters of a line, in a document that shows 古文码 (``kind``), that stand inside a Latin word and were an
    accented letter's two UTF-8 bytes read as one pair (``na茂ve`` for naïve, ``Z眉rich`` for Zürich): read back. Too
    short for the readings of Chinese, which want a character's three bytes.

    Only inside a word, an ASCII letter on each side: some 250 common characters are such a pair in GBK (没 C3 BB,
    模 C4 A3, 全 C8 AB), and an author writes them after a Latin word all the time (``Python模块``, ``这是Java么``,
    ``Tom猫 is here``: a red-team audit), never inside one. So ``caf茅``, é at the word's end, stays as read.

    >>> latin_letter_runs('print("caf茅")  # na茂ve，Z眉rich，Python模块，这是Java么', "utf8-as-gbk")
    [(19, 20, ['ï'], 'utf8-as-gbk'), (24, 25, ['ü'], 'utf8-as-gbk')]
    """
    codec = _PAIRED_CODEC.get(kind)
    if codec is None or line.isascii():
        return []
    return [
        (k, k + 1, [letter], kind)
        for k in range(1, len(line) - 1)
        if not line[k].isascii()
        and _ASCII_LETTER.match(line[k - 1])
        and _ASCII_LETTER.match(line[k + 1])
        and (letter := _latin_letter(line[k], codec)) is not None
    ]


_ASCII_LETTER = re.compile("[A-Za-z]")


def _latin_letter(ch: str, codec: str) -> str | None:
    """The accented letter whose two UTF-8 bytes ``ch`` is in ``codec``, or ``None``."""
    try:
        raw = ch.encode(codec)
        letter = raw.decode("utf-8") if len(raw) == 2 else ""
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return letter if len(letter) == 1 and is_accented_letter(letter) else None


def _readings(
    line: str, codec: str, kind: str, model: LanguageModel, config: RepairConfig, single: bool, paired: bool | None, marked: bool
) -> list[tuple[int, int, list, str]]:
    """The line's runs in one codec: a greedy reader's reading where the document is one (``paired``),
    else the standard reading, or the one beside it that makes sense of more of the line (silent loss
    on a line without marks; two bytes a mark where the document has not decided). A Big5 line chooses for itself:
    the document's decision is read from its GBK readings."""
    if paired and codec not in _LOSES_MOST:
        runs = _runs_in(line, codec, kind, model, config, single, _utf8_spans_paired, damaged=True)
        # Its private-use characters dropped after the reading, as beside a standard reader's marks.
        both = _runs_in(line, codec, kind, model, config, single, _utf8_spans_paired_silent, silent=True, damaged=True)
        runs = both if _covered(both) > _covered(runs) else runs
        # A greedy tool's lines also lose bytes it maps to nothing (the Japanese one's 0x80 and 0xA0)
        # beside its marks, which the paired readings may not place: the silent reading wins where it reads more.
        dropped = _runs_in(line, codec, kind, model, config, single, _utf8_spans_silent, silent=True)
        runs = dropped if _covered(dropped) > _covered(runs) else runs
        return runs
    runs = _runs_in(line, codec, kind, model, config, single, _utf8_spans_in_order if codec in _LOSES_MOST else _utf8_spans, damaged=marked)
    if marked and codec == SHIFT_JIS_CODEC:
        # Code page 932 marks a byte it cannot pair and reads the next again, which may start no pair either: 码 then ：
        # (E7 A0 81 EF BC 9A) is 遐, two marks, then ｼ (BC alone). Read as one character, E7 A0 took BC across the marks
        # (砼), and 9A, read with the ASCII letter after it (啜 for 9A 54), lost the letter: 密码：Tibet became 密砼啜ibet.
        split = _runs_in(line, codec, kind, model, config, single, _utf8_spans_split_at_marks, damaged=marked)
        runs = split if _covered(split) > _covered(runs) else runs
    if marked and codec in _LOSES_MOST:
        # A browser's Big5 (or code page 949) decoder writes one mark for a byte and the next that make no pair, and keeps an ASCII one.
        kept = _runs_in(line, codec, kind, model, config, single, _utf8_spans_kept, damaged=True)
        runs = kept if _covered(kept) > _covered(runs) else runs
    if not marked:
        # A reader that dropped what it could not map left no mark: a character may miss a byte anywhere. In a document
        # that shows 古文码 elsewhere (``single``), a span mostly short of bytes is read too: ``iconv -c`` drops a pair
        # across two characters, each then short of a byte (快速诊断 as ``蹇€熻瘖鏂``: AB E9 gone, 诊 alone whole).
        dropped = _runs_in(line, codec, kind, model, config, single, _utf8_spans_silent, silent=True, damaged=single)
        return dropped if _covered(dropped) > _covered(runs) else runs
    if paired is None:
        # A decoder that pairs a byte only with one that can end a pair (Java's GBK) marks a pair it cannot
        # map with one mark for two bytes, and a byte before ASCII with one for that byte alone, which it keeps.
        kept = _runs_in(line, codec, kind, model, config, single, _utf8_spans_kept)
        if _covered(kept) > _covered(runs):
            runs = kept
        # A decoder that pairs a byte with whatever follows it (some tools do) loses two bytes at each
        # mark, a newline among them now and then: the reading that makes sense of more of the line wins.
        two_bytes = _runs_in(line, codec, kind, model, config, single, _utf8_spans_paired)
        if _covered(two_bytes) > _covered(runs):
            runs = two_bytes
    # Windows' code page 936 marks a byte it cannot pair but maps the user-defined area to private-use
    # characters, which a later step may drop: marked and silent losses in one line.
    both = _runs_in(line, codec, kind, model, config, single, _utf8_spans_silent, silent=True)
    return both if _covered(both) > _covered(runs) else runs


def reads_paired(lines: list[str], model: LanguageModel, config: RepairConfig = DEFAULT_CONFIG) -> bool | None:
    """Whether a document's 古文码 marks each stand for two bytes (a greedy GBK reader's), decided once
    for the whole document: a short line reads as well either way, the document's long ones tell.
    ``None`` where no line shows a mark in 古文码.

    >>> greedy = "璁\ufffd粌鏃舵樉瀛樹笉澶\ufffdOOM锛屾姤閿欓\ufffd鍑\ufffd鏄惧瓨涓嶅\ufffd锛岃\ufffd缁\ufffd5 娆￠兘鎶ラ敊"
    >>> standard = "璁\ufffd缁冩椂鏄惧瓨涓嶅\ufffd\ufffd OOM锛屾姤閿欓\ufffd\ufffd鍑\ufffd"
    >>> reads_paired([greedy], load_model()), reads_paired([standard], load_model()), reads_paired(["没有"], load_model())
    (True, False, None)
    """
    one = two = half_marked = 0
    # A greedy GBK reader's (Big5 lines choose for themselves), or a Japanese Windows tool's, by its marks.
    codec, kind = _reader_of(lines)
    for line in lines:
        if len(line) > MAX_LINE or not _MARK.search(line) or not _CJK.search(line):
            continue
        standard = _runs_in(line, codec, kind, model, config, False, _utf8_spans, damaged=True)
        paired = _runs_in(line, codec, kind, model, config, False, _utf8_spans_paired, damaged=True)
        one, two = one + _covered(standard), two + _covered(paired)
        half_marked += _half_marked(standard) - _half_marked(paired)
    if not (one or two):
        return None
    greedy, standard = _what_follows_the_marks(lines)
    if standard > greedy and marks_are_replacement_characters(lines):
        # Marks with the space after them kept, and none where a greedy reader's swallowed one: a decoder that
        # keeps the byte it cannot pair with (Java's GBK), whose marks of unmappable pairs stand for two bytes
        # too, which each line reads as such (:func:`_utf8_spans_kept`) where that makes sense of more of it.
        # Such a decoder writes U+FFFD; ``?`` is .NET's greedy reader's, whose marks after a space are few.
        return False
    # Read as well both ways, the marks decide: one mark where a standard reader writes two. Not in code page 936's
    # documents (U+FFFD marks beside its private-use characters): it keeps the byte it cannot pair (``<`` of a tag),
    # and read as a greedy reader's, a space went where nothing was swallowed (an audit).
    if two > config.paired_reading_share * one or (greedy >= 2 and greedy > 2 * standard):
        return True
    return two >= one and half_marked > 0 and not (marks_are_replacement_characters(lines) and _shows_private_use(lines))


def _reader_of(lines: list[str]) -> tuple[str, str]:
    """The reading whose marks a document's 古文码 shows: Shift-JIS's (``・``, a Japanese Windows tool's)
    where they outnumber GBK's (``?``, U+FFFD).

    >>> _reader_of(["縺ｧ縺吶・", "荳榊ｿ・・"]), _reader_of(["鐢?`open()`"])
    (('cp932', 'utf8-as-shift-jis'), ('gb18030', 'utf8-as-gbk'))
    """
    marks = Counter(match[2] == SJIS_MARK for line in lines if len(line) <= MAX_LINE for match in _MARK_AFTER.finditer(line))
    return READINGS[2] if marks[True] > marks[False] else READINGS[0]


#: A 古文码 mark after a character beyond ASCII, and what follows it: what a greedy reader leaves (a
#: byte GBK could pair, 0x40–0x7E: letters and `; the start of a line it swallowed the end of: a list
#: item, a heading, an indented list item; a table's pipe, the space before it swallowed) or what a
#: standard one leaves (one space, then text).
_MARK_AND_NEXT = re.compile(
    _MARK_AFTER_CJK +
    "(?:(?P<line>[-*+][ \\t]|#{1,6}[ \\t]|\\d{1,9}[.)][ \\t]|\\||[ \\t]{2,}[-*+][ \\t])|(?P<word>[\\x40-\\x7e])|(?P<space> [^ \\t]))"
)


#: A private-use character of a GBK reading: Windows' code page 936 and .NET's reader (and GB18030) map
#: GBK's user-defined pairs to these.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
#: A 古文码 mark after a character beyond ASCII, right before a Han character.
_MARK_BEFORE_HAN = re.compile(_MARK_AFTER_CJK + "([\u4e00-\u9fff])")


def _a_lone_0x80_between(before: str, after: str) -> bool:
    """Whether a mark between two characters may be GB18030's for a lone 0x80: with the mark read as that
    byte, the bytes around it hold a Han character or CJK punctuation (``涓`` then a mark for 一, E4 B8
    80; ``广`` then a mark then ``傚`` for the 。 of ``…广。即``, B9 [E3 80 82] E5).

    >>> _a_lone_0x80_between("涓", "鑷"), _a_lone_0x80_between("广", "傚"), _a_lone_0x80_between("鈫", "鎴")
    (True, True, False)
    """
    try:
        first = before.encode("gb18030")  # two bytes or four: ``before`` is beyond ASCII
        data = first + b"\x80" + after.encode("gb18030")
    except UnicodeEncodeError:
        return False
    for start in (len(first) - 2, len(first) - 1):  # the 0x80 last of three bytes, or in the middle
        try:
            whole = data[start : start + 3].decode("utf-8")
        except UnicodeDecodeError:
            continue
        if len(whole) == 1 and ("\u4e00" <= whole <= "\u9fff" or "\u3000" <= whole <= "\u303f"):
            return True
    return False


def marks_took_the_spaces(lines: list[str]) -> bool:
    """Whether a document's 古文码 marks are followed by what a greedy reader leaves more than by what a
    standard one does: the greedy reader's tell where both readings make sense of as much of each line
    (``鐢?`open()``` for 由 `open()`: B1 went with the space; ``銆?- **`` for 。, a line end, ``- **``).

    A standard reader writes a mark for a byte that cannot pair with the next one and keeps that one:
    a space after a character short of its last byte stays (``鐢? `open()```), and so does a line end,
    while a word's first letter would mostly have paired with the lost byte into a character. A greedy
    reader swallows the space or the line end, so a word, or the next line's start, follows the mark.

    >>> marks_took_the_spaces(["鐢?`open()` 杩斿洖锛岃缃?`errno`", "璇?ioctl"])
    True
    >>> marks_took_the_spaces(["鐩爣涓庝环鍊?- **瑙ｅ喅**锛?  - 鎵嬫寚"])
    True
    >>> marks_took_the_spaces(["鐢? `open()` 杩斿洖锛岃缃? `errno`", "璇? ioctl"])
    False

    In a document read by Windows' code page 936 (its private-use characters show one, where Python's GBK
    decoder marks GBK's user-defined pairs), a mark right before a Han character is the greedy reader's
    too: that code page pairs a lead byte with every byte from 0x40, so a standard reader marks a byte
    only before one that cannot pair (ASCII below 0x40, a line end). A short note of arrows and checks
    shows no other tell (``鈫?鎴愬姛`` for ``→ 成功``). GB18030's decoder maps the same pairs but marks a
    lone 0x80 (in 一, in 。): a mark it could have left so is no tell.

    >>> marks_took_the_spaces(["缁撴灉 鈫?鎴愬姛", "绠\ue15eご 鈫?宸﹁竟"]), marks_took_the_spaces(["缁撴灉 鈫?鎴愬姛", "鈫?宸﹁竟"])
    (True, False)
    """
    greedy, standard = _what_follows_the_marks(lines)
    return greedy >= 2 and greedy > 2 * standard


def marks_are_replacement_characters(lines: list[str]) -> bool:
    """Whether a document's 古文码 marks are U+FFFD more often than ``?``.

    >>> marks_are_replacement_characters(["鐢\ufffd `open()`"]), marks_are_replacement_characters(["鐢? `open()`"])
    (True, False)
    """
    marks = Counter(match[2] for line in lines if len(line) <= MAX_LINE for match in _MARK_AFTER.finditer(line))
    return marks["\ufffd"] > marks["?"]


def _what_follows_the_marks(lines: list[str]) -> tuple[int, int]:
    """How many of a document's 古文码 marks are followed by what a greedy reader leaves (a word, a line's start:
    the space or line end it swallowed), and how many by a space and text, as a decoder that keeps it leaves
    (see :func:`marks_took_the_spaces`).

    >>> _what_follows_the_marks(["鐢?`open()` 杩斿洖锛岃缃?`errno`", "璇?ioctl"]), _what_follows_the_marks(["鐢? `open()`"])
    ((3, 0), (0, 1))
    """
    greedy = standard = 0
    prose = {k for k, _ in prose_lines("\n".join(lines))}
    windows = _shows_private_use(lines)
    for k, line in enumerate(lines):
        if len(line) > MAX_LINE:
            continue
        if windows:
            greedy += sum(1 for match in _MARK_BEFORE_HAN.finditer(line) if not _a_lone_0x80_between(match[1], match[3]))
        for match in _MARK_AND_NEXT.finditer(line):
            if _starts_a_three_byte_character(match[1], match[2]):
                if not match["space"]:
                    greedy += 1  # in fenced code too: a drawing's ``├──`` then a name, its space swallowed
                elif k in prose:
                    # Not in fenced code: a drawing pads with spaces (``│  (Next.js)``), so a space
                    # after a mark there is as often the second of two as an author's one.
                    standard += 1
    return greedy, standard


def _shows_private_use(lines: list[str]) -> bool:
    """Whether a document's lines (those read at all) hold a private-use character: Windows' code page 936 and
    .NET's reader map GBK's user-defined pairs to them, where Python's GBK decoder marks the pairs.

    >>> _shows_private_use(["绠\ue15eご"]), _shows_private_use(["没有"])
    (True, False)
    """
    return any(_PRIVATE_USE.search(line) for line in lines if len(line) <= MAX_LINE)


#: A 古文码 mark at a line's end, after a character beyond ASCII.
_MARK_AT_END = re.compile(_MARK_AFTER_CJK + "$")
#: Any 古文码 mark after a character beyond ASCII.
_MARK_AFTER = re.compile(_MARK_AFTER_CJK)


def keeps_line_ends(lines: list[str]) -> bool:
    """Whether a greedy reader's document kept its line ends: a reader that reads line by line (as some
    tools do) pairs a byte with the space after it but never with the line end, which it never sees.

    A greedy reader that reads the whole text swallows the first of a blank line's two line ends after
    a mark, so the line after a mark at a line's end is text; read line by line, it is as often blank as
    the author's text has blank lines.

    >>> keeps_line_ends(["鍙戠敓銆?", "", "涓嶈兘銆?", "", "鎴愬姛"]), keeps_line_ends(["鍙戠敓銆?", "涓嶈兘銆?", "鎴愬姛"])
    (True, False)

    A list item after a list item, or a table row after a row, counts as a blank line does: read whole,
    the mark would have taken a line end between them, which Markdown does not leave blank there.

    >>> keeps_line_ends(["- 鍙戠敓銆?", "- 涓嶈兘銆?", "- 鎴愬姛"])
    True

    So does a line of a fenced code block after another (a drawn tree's rows: ``鈹斺攢 绯荤粺锛?``).
    """
    blank = text = 0
    prose = {k for k, _ in prose_lines("\n".join(lines))}
    for k, (line, after) in enumerate(zip(lines, lines[1:])):
        match = _MARK_AT_END.search(line) if len(line) <= MAX_LINE else None
        if match and _starts_a_three_byte_character(match[1], match[2]):
            if after.strip() and not (_same_block(line, after) or {k, k + 1}.isdisjoint(prose)):
                text += 1
            else:
                blank += 1
    return blank >= 2 and blank > text


#: A line that starts a list item (at most 16 columns in: matched at every swallowed byte of a
#: line by the repair, a bounded stretch keeps a line of them linear), an empty one too where it is
#: indented (``     -``; not ``到 100)`` or ``符号为 -``, a line's own last words after a space).
LIST_ITEM_START = re.compile(r"[ \t]{0,16}(?:[-*+]|\d{1,9}[.)])[ \t]|[ \t]{1,16}[-*+]$")


def _same_block(line: str, after: str) -> bool:
    """Whether ``after`` goes on with ``line``'s block: a list item after a list item, a table row after a
    row, a line of a code comment after another (`` * 说明`` then `` * @param`` or `` */``; ``//`` lines).

    >>> _same_block("- a", "- b"), _same_block("| a |", "| b |"), _same_block("# a", "- b")
    (True, True, False)
    >>> _same_block(" * 函数名", " */"), _same_block("// 说明", "// 用法"), _same_block("// 说明", "import x")
    (True, True, False)
    """
    if LIST_ITEM_START.match(line) and LIST_ITEM_START.match(after):
        return True
    if _COMMENT_LINE.match(line) and _COMMENT_LINE.match(after):
        return True
    return line.lstrip().startswith("|") and after.lstrip().startswith("|")


#: A line of a code comment: a block comment's continuation or end (`` * …``, `` */``), or ``//``.
_COMMENT_LINE = re.compile(r"[ \t]*(?:\*(?:[ \t/]|$)|//)")


def _starts_a_three_byte_character(ch: str, mark: str = "?") -> bool:
    """Whether ``ch`` is GBK's (before Shift-JIS's ``・`` mark, Shift-JIS's) reading of a UTF-8
    three-byte character's first two bytes: the character before a 古文码 mark, whose last byte the
    mark stands for (鐢 is E7 94, of 由; 縺 is E7 B8, of 。 after the Japanese tool's ``・``).

    >>> _starts_a_three_byte_character("鐢"), _starts_a_three_byte_character("由"), _starts_a_three_byte_character("縲", "・")
    (True, False, True)
    """
    raw = ch.encode(SHIFT_JIS_CODEC if mark == SJIS_MARK else "gb18030", errors="ignore")
    return len(raw) == 2 and utf8_length(raw[0]) == 3 and is_continuation(raw[1])


def _covered(runs: list[tuple[int, int, list, str]]) -> int:
    return sum(end - start for start, end, _, _ in runs)


def _half_marked(runs: list[tuple[int, int, list, str]]) -> int:
    """How many characters of the runs lost more bytes than their marks stand for: a reading that needs a
    byte to have gone silently beside a mark explains the line worse than one whose marks account for all.

    >>> _half_marked([(0, 2, ["汇", Piece(0xE6, b"", 2, cp1252=False, gap=True)], "utf8-as-gbk")])
    1
    >>> _half_marked([(0, 2, ["汇", Piece(0xE6, b"", 2, cp1252=False, gap=True, pair_lost=True)], "utf8-as-gbk")])
    0
    """
    return sum(1 for _, _, items, _ in runs for i in items if isinstance(i, Piece) and i.gap and i.gap_at < 0 and not i.pair_lost and not i.lead_lost)


def _runs_in(
    line: str, codec: str, kind: str, model: LanguageModel, config: RepairConfig, single: bool, spans, silent: bool = False, damaged: bool = False
) -> list[tuple[int, int, list, str]]:
    """The spans of ``line`` that ``spans`` reads (:func:`_utf8_spans` and its kin) and the language model
    takes, as in :func:`cjk_reading_runs`; ``silent``: the spans' losses left no mark; ``damaged``: the
    document is known to hold this damage."""
    data, owner, gaps = _as_bytes(line, codec)
    if data is None:
        return []
    found, short, pieces_only = [], [], []
    for start, end, items in spans(data, owner, gaps, len(line)):
        if codec != GBK_CODEC:
            items = without_gbk_pair_rules(items, codec)  # another code page's marks: its own pairs, not GBK's
        characters = [i for i in items if i is not SWALLOWED]
        whole = "".join(i for i in characters if isinstance(i, str) and i != "\ufffd")
        lost = len(characters) - len(whole)
        whole = "".join(ch for ch in whole if not ch.isascii())  # swallowed ASCII says nothing
        # Mostly lost: nothing to read (Big5 loses about a byte in three), unless the document is known to be
        # damaged so (a greedy reader's): there a heading of four characters, three short of bytes, is read too.
        if 2 * lost > len(characters) + 1 and not (damaged and lost < len(characters)) and not _all_placed(codec, characters, damaged):
            if damaged and _each_short_of_one_byte(characters):
                # (鐩�鏍� for 目标: every character short of a byte) Evidence of nothing alone; beside other 古文码, a word.
                pieces_only.append((start, _with_trailing_gaps(line, end, items, _marks_in(codec)), items, kind))
            continue
        measures = _beside_a_number_or_word(line, start, end)
        score = text_score(whole, model, signs=True, measures=measures)
        if score < config.cjk_reading_min_logp and lost and ((len(whole) == 1 and not line[end:].strip()) or damaged):
            # One character may be rare alone where its word is not (恢 short of 复 at a line's end, where
            # nothing after it tells more): it is read with the likeliest word ending that fits the piece
            # after it. Only one, and only there, unless the line shows marks: elsewhere garble takes endings
            # too (``杩欎釜`` and 山, a word, in a reading of 古文码 read twice). With marks, the whole
            # characters between them are no phrase (错 and 汇 of ``閿欒�姹囨�``, 错误汇总 short of two pairs).
            completed = _with_word_endings(characters, model)
            if completed != whole:
                score = max(score, text_score(completed, model, signs=True, measures=measures))
        if score < config.cjk_reading_min_logp or score < text_score(line[start:end], model, as_read=True) + config.cjk_reading_margin:
            continue
        end = _with_trailing_gaps(line, end, items, _marks_in(codec))
        # A character that lost its lead byte is any of a dozen: evidence of a reading only beside others.
        # A drawn tree's lines (├── src/) hold no Han at all: its box-drawing characters count as they do,
        # and so does an emoji (``### 馃彔`` for 🏠, F0 9F 8F A0: four bytes read as two pairs).
        whole_hanzi = sum(1 for ch in whole if "\u4e00" <= ch <= "\u9fff" or is_box_drawing(ch) or is_emoji(ch))
        hanzi = whole_hanzi + sum(isinstance(i, Piece) and not i.lead_lost for i in items)
        # Read silently, a span's damaged characters are guesses no mark backs: it stands on what it reads
        # whole (項を参 is ED 97 A4 F2 B2 CE in GBK: 헤 and two characters short of bytes), two characters
        # of it, or one in a document that shows 古文码 elsewhere (``## 瀹夎`` for 安装, 装 short of a pair).
        if hanzi >= 2 and (whole_hanzi >= 2 or not silent or (single and whole_hanzi)):
            found.append((start, end, items, kind))
        elif hanzi or (whole and not any(is_hangul(ch) for ch in whole)):  # one character, or fullwidth punctuation (``锛歔`` for ：[)
            # Not a lone Hangul syllable: Traditional Chinese written back as GB18030 often reads as one and an
            # ASCII byte (沒 and 項 as 헛 and ``]``), and no Chinese read as GBK gives one back.
            short.append((start, end, items, kind))
    # A single character (``鍦≒`` for 在P before ``ython``) only beside confirmed damage. Read silently, only
    # beside damage on its own line: with no mark to show a loss, many a lone clean character (罹, EE BE in
    # GBK; 於, EC B6) reads as a three-byte one short of its last byte, in a document with 古文码 or not.
    runs = sorted(found + short + pieces_only, key=lambda run: run[0]) if found or (single and not silent) else []
    return _with_leading_gaps(line, runs, _marks_in(codec))


#: Code pages whose decoder loses most characters' bytes: Big5 pairs none of UTF-8's continuation bytes below 0xA1, so
#: about a byte in three of Chinese goes (未找到 reads as ``��芣�曉�啣``, no character of it whole); code page 949 pairs
#: a lead byte from E4 to E9 with none of them either, and about every other character loses its lead (报错: a mark, 뒫,
#: a mark, 뵗). Both readers mark each byte where they lose it.
_LOSES_MOST = frozenset({"big5", "cp949"})


def _all_placed(codec: str, characters: list, damaged: bool) -> bool:
    """Whether a span of a line that shows marks, read in a code page that loses most characters' bytes, places its
    marks in two characters or more, at least a third of them read (each whole or a :class:`Piece`; a U+FFFD for one
    wholly lost: ``原文：`` is six marks, then 嚗 and a mark for ：): read so, a span is evidence of the reading though
    no character of it is whole. Dev split, characters wrong in Big5 by Python's decoder and a browser's: half
    4,442 and 3,508, a third 4,130 and 3,512.

    >>> _all_placed("big5", [Piece(0, b"\\xaa", 1, lead_lost=True), Piece(0xE6, b"\\xbe", 1)], True)
    True
    >>> _all_placed("big5", [Piece(0xE6, b"\\xbe", 1), "\\ufffd", "\\ufffd", "\\ufffd"], True), _all_placed("gb18030", [Piece(0xE6, b"\\xbe", 1)] * 2, True)
    (False, False)
    """
    placed = sum(1 for i in characters if isinstance(i, Piece) or i != "\ufffd")
    return damaged and codec in _LOSES_MOST and len(characters) >= 2 and 3 * placed >= len(characters)


def _each_short_of_one_byte(characters: list) -> bool:
    """Whether two characters or more were read, each a three-byte one that kept its lead byte and one other byte.

    >>> _each_short_of_one_byte([Piece(0xE7, b"\\x9b", 1), Piece(0xE6, b"\\xa0", 1)]), _each_short_of_one_byte([Piece(0xE7, b"\\x9b", 1)])
    (True, False)
    """
    return len(characters) >= 2 and all(isinstance(i, Piece) and not i.lead_lost and i.missing == 1 and len(i.tail) == 1 for i in characters)


def _with_leading_gaps(line: str, runs: list, marks: frozenset[str]) -> list:
    """The runs, each that starts with a character short of its lead byte taken back over the marks before it that
    stood for that byte (and the others it lacks), short of the run before."""
    out, floor = [], 0
    for start, end, items, kind in runs:
        if items and (isinstance(items[0], Piece) and items[0].lead_lost or items[0] == "\ufffd"):
            while start > floor and line[start - 1] in marks:
                start -= 1
        out.append((start, end, items, kind))
        floor = end
    return out


def _with_word_endings(items: list, model: LanguageModel) -> str:
    """The whole characters of a reading beyond ASCII, each piece right after one read as the likeliest
    dictionary word that starts with that character and whose last character's bytes fit the piece; a piece
    right before one that none precedes, as the likeliest two-character word that ends with it (目 of 目录).

    >>> _with_word_endings(["恢", Piece(0xE5, b"", 2)], load_model()), _with_word_endings(["x", Piece(0xE5, b"", 2)], load_model())
    ('恢复', '')
    >>> _with_word_endings([Piece(0xE7, b"\\x9b", 1), "录"], load_model())
    '目录'
    """
    out: list[str] = []
    for k, item in enumerate(items):
        if isinstance(item, str):
            if not item.isascii() and item != "\ufffd":
                out.append(item)
            continue
        before = items[k - 1] if k else None
        after = items[k + 1] if k + 1 < len(items) else None
        if isinstance(before, str) and isinstance(item, Piece) and not item.lead_lost:
            fits = [(logp, ch) for ch, logp in model.word_endings.get(before, {}).items() if _fits(ch, item)]
            if fits:
                out.append(max(fits)[1])
        elif isinstance(after, str) and not after.isascii() and isinstance(item, Piece) and not item.lead_lost and item.missing == 1:
            fits = [(logp, ch) for ch in _short_of_one_byte(item) if (logp := model.word_endings.get(ch, {}).get(after)) is not None]
            if fits:
                out.append(max(fits)[1])
    return "".join(out)


def _short_of_one_byte(piece: Piece) -> list[str]:
    """The characters that fit a piece short of one continuation byte.

    >>> "目" in _short_of_one_byte(Piece(0xE7, b"\\x9b", 1)), len(_short_of_one_byte(Piece(0xE7, b"\\x9b", 1))) <= 128
    (True, True)
    """
    out = []
    for at in range(len(piece.tail) + 1):
        for byte in range(0x80, 0xC0):
            code = bytes([piece.lead]) + piece.tail[:at] + bytes([byte]) + piece.tail[at:]
            try:
                ch = code.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if len(ch) == 1 and _fits(ch, piece):
                out.append(ch)
    return out


def _fits(ch: str, piece: Piece) -> bool:
    """Whether a character's UTF-8 is the piece's lead byte and its surviving continuation bytes, in order, with
    as many lost; where both went at one mark, as a pair GBK has no character for (the recovery's rule too).

    >>> _fits("小", Piece(0xE5, b"", 2)), _fits("小", Piece(0xE5, b"", 2, pair_lost=True))   # 小 is E5 B0 8F; B0 8F is 皬
    (True, False)
    """
    code = ch.encode("utf-8")
    return (
        code[0] == piece.lead
        and len(code) - 1 == len(piece.tail) + piece.missing
        and bool(loss_patterns(code[1:], piece.tail))
        and (not piece.pair_lost or no_gbk_pair(*code[1:3]))
    )


def _beside_a_number_or_word(line: str, start: int, end: int) -> bool:
    """Whether a span of a line stands right beside an ASCII digit or letter: where a measure's sign
    stands (``25掳C`` for 25°C, ``卤0.5`` for ±0.5).

    >>> _beside_a_number_or_word("25掳C", 2, 3), _beside_a_number_or_word("未登录 ", 2, 3)
    (True, False)
    """
    return (start > 0 and line[start - 1].isascii() and line[start - 1].isalnum()) or (
        end < len(line) and line[end].isascii() and line[end].isalnum()
    )


def _marks_in(codec: str) -> frozenset[str]:
    """What marks a lost byte in a reading in ``codec``: U+FFFD and ``?``, and in a Shift-JIS one ``・``.

    >>> sorted(_marks_in("cp932") - _marks_in("gb18030"))
    ['・']
    """
    return _SJIS_MARKS if codec == SHIFT_JIS_CODEC else GAP_CHARS


def _as_bytes(line: str, codec: str) -> tuple[bytes | None, list[int], Counter[int]]:
    """The line written back in ``codec``: its bytes, the character each byte came from, and the gaps.

    A gap is a byte offset where a lost byte was (the ``?`` or U+FFFD is dropped).
    A ``?`` only counts as a gap inside non-ASCII text. In a GBK reading ``€`` is 0x80, as Windows'
    code page 936 and glibc's GBK read it (``寮€鍙`` for 开发).

    >>> _as_bytes("寮€", "gb18030")[0] == "开".encode()
    True
    """
    out = bytearray()
    owner: list[int] = []
    gaps: Counter[int] = Counter()  # offset → how many bytes were lost there
    marks = _marks_in(codec)
    for index, ch in enumerate(line):
        if ch in marks and (ch != "?" or (index and (line[index - 1] in marks or not line[index - 1].isascii()))):
            gaps[len(out)] += 1
            continue
        try:
            raw = b"\x80" if ch == "€" and codec == "gb18030" else ch.encode(codec)
        except UnicodeEncodeError:
            raw = (b"\x80" if ch == "\x80" else _big5_user_defined(ch) or _in_hkscs(ch)) if codec == "big5" else None
            if raw is None:
                return None, [], Counter()
        out += raw
        owner.extend([index] * len(raw))
    return bytes(out), owner, gaps


def _in_hkscs(ch: str) -> bytes | None:
    """A character's bytes in Big5-HKSCS, which a browser's Big5 decoder reads (𪄳 for 89 BE, of 找), or ``None``.
    Only CJK: HKSCS spells Latin letters too (é as 88 6D), which an author's Latin word beside the damage is.

    >>> _in_hkscs("𪄳"), _in_hkscs("é")
    (b'\\x89\\xbe', None)
    """
    if ch < "\u2e80":
        return None
    try:
        return ch.encode("big5hkscs")
    except UnicodeEncodeError:
        return None


#: Windows' code page 950 reads 0x80 as U+0080 and Big5's user-defined rows as private-use characters, one range of rows after
#: another: (first character, first lead byte, first cell of that row). A row holds 157 cells: trail bytes
#: 0x40–0x7E, then 0xA1–0xFE. UTF-8 read so makes many of them (its continuation bytes 0x81–0xA0 lead such rows).
_BIG5_USER_DEFINED = ((0xE000, 0xFA, 0), (0xE311, 0x8E, 0), (0xEEB8, 0x81, 0), (0xF6B1, 0xC6, 63))
_BIG5_USER_DEFINED_END = 0xF849


def _big5_user_defined(ch: str) -> bytes | None:
    """The Big5 bytes Windows' code page 950 read as the private-use character ``ch``, or None.

    >>> [_big5_user_defined(chr(c)).hex() for c in (0xE000, 0xE311, 0xEEB8, 0xF6B1, 0xF848)], _big5_user_defined("a")
    (['fa40', '8e40', '8140', 'c6a1', 'c8fe'], None)
    """
    code = ord(ch)
    if not 0xE000 <= code < _BIG5_USER_DEFINED_END:
        return None
    first, lead, cell = next(block for block in reversed(_BIG5_USER_DEFINED) if code >= block[0])
    row, col = divmod(code - first + cell, 157)
    return bytes((lead + row, 0x40 + col if col < 63 else 0xA1 + col - 63))


def _utf8_spans(data: bytes, owner: list[int], gaps: Counter[int], length: int, silent: bool = False, in_order: bool = False, split_at_marks: bool = False):
    """Maximal spans of ``data`` that read as UTF-8, on character boundaries of the line.

    A character may miss continuation bytes only where a gap is; with ``silent``
    (a reader that dropped the bytes it could not map without a mark: ``errors="ignore"``,
    ``iconv -c``) anywhere, and a lead byte too. Yields (first character, end character, items).

    >>> damaged = "显存不够，训练".encode().decode("gbk", errors="ignore")   # 够 (E5 A4 9F) lost A4, 训 and 练 a byte each
    >>> data, owner, gaps = _as_bytes(damaged, "gb18030")
    >>> [[i if isinstance(i, str) else (i.lead, i.tail, i.missing) for i in items] for _, _, items in _utf8_spans(data, owner, gaps, len(damaged), silent=True)]
    [['显', '存', '不', (229, b'\\x9f', 1), '，', (232, b'\\xae', 1), (231, b'\\xbb', 1)]]
    """
    i, n = 0, len(data)
    used: Counter[int] = Counter()  # of the marks at each place, those a character short of bytes took
    while i < n:
        start = i
        items: list = []
        while i < n:
            b = data[i]
            if b < 0x80:
                if not _paired(i, start, owner):
                    break
                items.append(chr(b))  # an ASCII byte swallowed into a GBK pair
                i += 1
                continue
            size = utf8_length(b)
            if size < 2:
                k = _without_lead(items, data, owner, gaps, i, start, gaps[i] - used[i]) if is_continuation(b) and (i in gaps or silent) else None
                if k is None:
                    break
                i = k
                continue
            if in_order and (extra := gaps[i] - used[i]):
                items.extend(_wholly_lost(extra))  # marks before a lead byte that no character before took
                used[i] += extra
            j, inside = _character_bytes(data, gaps, used, i, size, in_order, split_at_marks)
            missing = size - (j - i)
            if missing and not inside and (not silent or not any(_between_characters(at, owner) for at in range(i + 1, j + 1))):
                break
            item = _short_of_bytes(data, owner, i, j, size, inside) if missing else _decoded(data[i:j])
            if item is None:
                break
            used.update(g + i + 1 for g in inside)
            items.append(item)
            i = j
        if in_order and items and (extra := gaps[i] - used[i]) and (i == n or data[i] < 0x80):
            items.extend(_wholly_lost(extra))  # marks at the span's end that its last character did not take
            used[i] += extra
        span, i = _span_and_next(start, i, owner, items, n)
        if span is not None:
            yield span


def _wholly_lost(marks: int) -> list[str]:
    """One U+FFFD for each character whose every byte a reader that marks each byte it loses marked: three of its
    marks a three-byte character's (於, E6 96 BC, is three in Big5: E6 pairs with none of 96, which starts none).

    >>> _wholly_lost(3), _wholly_lost(7)
    (['\ufffd'], ['\ufffd', '\ufffd', '\ufffd'])
    """
    return ["\ufffd"] * -(-marks // 3)


def _character_bytes(data: bytes, gaps: Counter[int], used: Counter[int], i: int, size: int, in_order: bool, split_at_marks: bool = False) -> tuple[int, list[int]]:
    """Where the bytes of the character whose lead byte is at ``i`` end in ``data``, and the marks it takes for
    those it lacks (each as its place among the character's continuation bytes): its continuation bytes that
    follow, then the marks at their end. ``in_order``: a reader that wrote one mark for each byte it lost, where
    it lost it (Big5's): the bytes in the order it met them, marks among them, so that a character short of its
    last byte leaves a continuation byte after its mark to the next character, which lost its lead byte there.
    ``split_at_marks``: continuation bytes after a mark are never the character's (a reader that marked its last byte).

    >>> data, gaps = b"\\xe4\\xbd\\xaf\\xe9", Counter({2: 3})   # 但 (E4 BD 86) 是 (E6 98 AF): 86 E6 98 lost, in Big5
    >>> _character_bytes(data, gaps, Counter(), 0, 3, False), _character_bytes(data, gaps, Counter(), 0, 3, True)
    ((3, []), (2, [1]))

    A mark stands for one byte once: 器 (E5 99 A8) read as Big5 lost 99 and kept A8 after it (real set 26; the mark was
    taken twice, and A8 left out of the character):

    >>> _character_bytes(b"\\xe5\\xa8", Counter({1: 1}), Counter(), 0, 3, True)
    (2, [0])
    """
    n = len(data)
    if not in_order:
        j = i + 1
        while j < n and j - i < size and is_continuation(data[j]) and not (split_at_marks and gaps[j] - used[j]):
            j += 1
        # A character takes the marks it lacks bytes for; more at its end were the next one's.
        return j, [g - i - 1 for g in range(i + 1, j + 1) for _ in range(gaps[g] - used[g])][: size - (j - i)]
    j, got, inside = i + 1, 1, []
    taken = 0  # the marks at ``j`` this character took already: each stands for one byte, once
    while got < size:
        if take := min(gaps[j] - used[j] - taken, size - got):
            inside += [j - i - 1] * take
            got, taken = got + take, taken + take
        elif j < n and is_continuation(data[j]):
            j, got, taken = j + 1, got + 1, 0
        else:
            break
    return j, inside


def _utf8_spans_split_at_marks(data: bytes, owner: list[int], gaps: Counter[int], length: int):
    """:func:`_utf8_spans` where no character reads on across a mark: the continuation bytes after it start the next one."""
    return _utf8_spans(data, owner, gaps, length, split_at_marks=True)


def _utf8_spans_in_order(data: bytes, owner: list[int], gaps: Counter[int], length: int):
    """:func:`_utf8_spans` of a reader that wrote one mark for each byte it lost, where it lost it (Big5's)."""
    return _utf8_spans(data, owner, gaps, length, in_order=True)


def _without_lead(items: list, data: bytes, owner: list[int], gaps: Counter[int], at: int, start: int, marks: int = 0) -> int | None:
    """Read the continuation bytes at ``at``, which have no lead byte before them, into ``items``, and
    return where reading goes on (``None``: they end the span).

    Where the reader marked the loss (``marks``: the marks before them no character before took), a three-byte
    character's lead byte and the continuation bytes it lacks may each have one (a :class:`Piece` with
    ``lead_lost``; a whole character's three marks before it, one U+FFFD); otherwise they cannot be placed (U+FFFD).
    Where it dropped the lead silently, two left are a three-byte character's (a :class:`Piece` with ``lead_lost``);
    one left was taken by the character before, when a reader that drops two bytes at a time (iconv -c) took the end
    of one character and the start of the next: that character read this one's first continuation byte as its last.

    >>> items = []
    >>> _without_lead(items, b"\\xaa\\xe6", [0, 0], Counter({0: 2}), 0, 0, 2), [(i.tail, i.missing, i.lead_lost) for i in items]
    (1, [(b'\\xaa', 1, True)])
    """
    end = at + _continuation_bytes(data, at)
    if marks:
        # A mark among them stands for the next character's lead byte (报错 read as code page 949: a mark, 8A A5, a mark, 94 99).
        end = next((k for k in range(at + 1, end) if gaps[k]), end)
    kept = end - at
    if marks and kept <= 2 and marks >= 3 - kept:
        # 未 (E6 9C AA) read as Big5: E6 starts no pair with 9C, which starts none at all; AA went with 找's E6.
        items.extend(_wholly_lost(marks - (3 - kept)))  # whole characters lost before it: a mark each
        # A lost continuation byte made no pair with the one kept after it, or the reader would have kept both.
        items.append(Piece(0, data[at:end], 2 - kept, cp1252=False, gap=True, gap_at=0 if kept == 1 else -1, after=data[at] if kept == 1 else -1, lead_lost=True))
    elif at in gaps:
        items.append("\ufffd")
    # Not at a span's start: a reader that drops whole pairs took this lead byte with the last byte of a
    # character before it, which lost that byte and so is damaged too, in the span. Read there, it is a
    # clean character of the line whose two bytes look like continuation bytes (：, A3 BA, taken for 棺).
    elif end - at == 2 and at > start and _between_characters(at, owner):
        items.append(Piece(0, data[at:end], 0, cp1252=False, lead_lost=True))
    elif end - at == 1 and _between_characters(at - 1, owner) and _took_the_next_byte(items, data, at, start):
        items[-1] = Piece(data[at - 3], data[at - 2 : at - 1], 1, cp1252=False)
        items.append(Piece(0, data[at - 1 : end], 0, cp1252=False, lead_lost=True))
    else:
        return None
    return end


def _short_of_bytes(data: bytes, owner: list[int], i: int, j: int, size: int, inside: list[int]) -> Piece:
    """The character whose bytes ``data[i:j]`` are, short of some: where the reader marked the loss
    (``inside``: where in its continuation bytes), the byte after the mark rules out candidates; where
    it dropped them silently, two dropped together made no GBK pair (the reader stopped at the first)."""
    lead, tail, missing = data[i], data[i + 1 : j], size - (j - i)
    if not inside:
        return Piece(lead, tail, missing, cp1252=False, pair_lost=missing == 2 and size == 3)
    at = inside[0] if len(set(inside)) == 1 and len(inside) == missing else -1
    gap = i + 1 + inside[0]
    after = data[gap] if gap < len(data) and (owner[gap] != owner[gap - 1] or data[gap] >= 0x80) else -1
    return Piece(lead, tail, missing, cp1252=False, gap=True, gap_at=at, after=after)


def _between_characters(at: int, owner: list[int]) -> bool:
    """Whether a byte could have vanished silently before ``at``: a reader drops whole units and the
    characters it did read kept their bytes together, so a silent loss lies between two characters of
    the line, never inside one: in ``窗体`` (B4 B0 CC E5) no lead byte CC is short of its continuation
    byte, since E5 was read with it, and in ``體`` (F3 77) nothing vanished between F3 and 0x77.

    >>> owner = [0, 0, 1, 1]
    >>> _between_characters(2, owner), _between_characters(1, owner), _between_characters(4, owner)
    (True, False, True)
    """
    return at <= 0 or at >= len(owner) or owner[at] != owner[at - 1]


def _took_the_next_byte(items: list, data: bytes, at: int, start: int) -> bool:
    """Whether the item before ``at`` is a whole three-byte character read from the three bytes before it."""
    return at - 3 >= start and bool(items) and isinstance(items[-1], str) and items[-1].encode("utf-8") == data[at - 3 : at]


def _utf8_spans_silent(data: bytes, owner: list[int], gaps: Counter[int], length: int):
    """:func:`_utf8_spans` of a reader that dropped unmappable bytes without a mark."""
    return _utf8_spans(data, owner, gaps, length, silent=True)


def _utf8_spans_paired(data: bytes, owner: list[int], gaps: Counter[int], length: int, silent: bool = False, keeps_ascii: bool = False):
    """:func:`_utf8_spans` where each mark stands for two lost bytes: a decoder that pairs every byte from
    0x80 with the byte after it, whatever it is, and writes one mark for a pair it cannot map.
    ``silent``: a pair may also have gone without a mark, between two characters of the line (a
    private-use character of the user-defined area, dropped after the reading).

    The two bytes fill in what the character before the mark still lacks; what is left of them was the
    next character's lead byte (its continuation bytes follow: a :class:`Piece` with ``lead_lost``, or
    U+FFFD where too little of it is left to place) or an ASCII byte, a newline or a space, whose place
    is :data:`SWALLOWED`.

    A mark at a line's end leaves a place too: the byte it swallowed came before the line end that is
    left (at the text's end, the file's last newline; or nothing, if the file had none).

    ``keeps_ascii``: a decoder that pairs a byte only with one that can end a pair (0x40 and up) and keeps
    the byte it could not pair with (Java's GBK decoder; code page 936 with its user-defined pairs
    marked): a mark stands for two bytes it could not map, or, before a byte below 0x40 or a line end,
    for one; nothing it swallowed leaves a place.

    >>> damaged = "澶\ufffd濂\ufffd"   # 够, a newline, 好: 9F went with the newline, BD with nothing
    >>> data, owner, gaps = _as_bytes(damaged, "gb18030")
    >>> [(s, e, [i if i is SWALLOWED else (i.lead, i.tail, i.missing) for i in items]) for s, e, items in _utf8_spans_paired(data, owner, gaps, len(damaged))]
    [(0, 3, [(229, b'\\xa4', 1), SWALLOWED, (229, b'\\xa5', 1), SWALLOWED])]
    """
    i, n = 0, len(data)
    while i < n:
        start = i
        items: list = []
        counted: set[int] = set()
        pending = 0  # lost bytes not yet placed, before data[pos]
        item_start = i  # where the last character read starts
        before_kept = False  # whether the last mark stood before a byte the decoder kept (below 0x40, a line end)

        def arrive(at: int) -> int:
            nonlocal before_kept
            if at in gaps and at not in counted:
                counted.add(at)
                before_kept = at >= n or data[at] < 0x40
                return 2 * gaps[at]
            return 0

        pos = i
        while True:
            pending += arrive(pos)
            if pending:
                if pos < n and is_continuation(data[pos]):
                    # The lead byte was lost with the mark (and a continuation byte, where two are left):
                    # the rest of a three-byte character follows.
                    k = pos
                    while k < n and k - pos < max(3 - pending, 1) and is_continuation(data[k]):
                        k += 1
                    if pending <= 2 and k - pos == 3 - pending:
                        items.append(Piece(0, data[pos:k], pending - 1, cp1252=False, gap=True, gap_at=0 if pending == 2 else -1, lead_lost=True))
                    elif pending == 1 and k - pos == 1 and k in gaps and k not in counted and k < n:
                        # Its middle byte alone between two marks: the next mark's first byte was its last
                        # and its second the line end the text after it shows was swallowed (``ｼ・   - `` for
                        # ：, EF BC 9A, before a list item, in the Japanese tool's reading). At the line's end
                        # a tool that reads line by line may have taken nothing more: left marked.
                        items.append(Piece(0, data[pos:k], 1, cp1252=False, gap=True, gap_at=1, lead_lost=True))
                        pending, pos = arrive(k) - 1, k
                        continue
                    else:
                        items.append("\ufffd")
                    pending, pos = 0, k
                    continue
                if pending == 1 and items:
                    if keeps_ascii and not before_kept:
                        # Its second byte would be ASCII, which this decoder keeps: the character before is no
                        # reading of it (a greedy reader's space or line end went there).
                        if isinstance(items[-1], Piece):
                            items.pop()
                            pos = item_start
                        break
                    if not keeps_ascii:
                        items.append(SWALLOWED)  # the mark's second byte was ASCII (a newline, a space): its place
                pending = 0
            if pos >= n:
                break
            b = data[pos]
            if b < 0x80:
                if not _paired(pos, start, owner):
                    break
                items.append(chr(b))  # an ASCII byte paired into a GBK character
                pos += 1
                continue
            size = utf8_length(b)
            if size < 2:
                k = _without_lead(items, data, owner, Counter(), pos, start) if silent and is_continuation(b) else None
                if k is None:
                    break
                pos = k
                continue
            j, got, lost_at = pos + 1, 1, []
            while got < size:
                arrived = arrive(j)
                if arrived and keeps_ascii and not before_kept:
                    # Continuation bytes after the mark belong to this character: the mark stood for what
                    # they leave missing, one byte (a lone 0x80, which starts no pair), not for two.
                    after = 0
                    while after < size - got and j + after < n and is_continuation(data[j + after]):
                        after += 1
                    if after and 0 < size - got - after < arrived:
                        arrived = size - got - after
                pending += arrived
                if pending:
                    take = min(pending, size - got)
                    lost_at += [got - 1] * take
                    got, pending = got + take, pending - take
                    continue
                if j < n and is_continuation(data[j]):
                    got, j = got + 1, j + 1
                    continue
                break
            if got < size and not (silent and _between_characters(j, owner)):
                break
            if got < size:
                items.append(_short_of_bytes(data, owner, pos, j, size, []))
                pos = j
                continue
            raw, piece = data[pos:j], None
            if lost_at:
                at = lost_at[0] if len(set(lost_at)) == 1 and len(lost_at) == 1 else -1
                # The mark's second byte was the next character's lead, whose two continuation bytes follow: the
                # byte lost here made no pair with it, or the reader would have written the pair.
                after = A_THREE_BYTE_LEAD if pending == 1 and at >= 0 and _continuation_bytes(data, j) == 2 else -1
                # Both continuation bytes at one mark (a character enters with nothing pending): one unmappable pair.
                piece = Piece(b, raw[1:], len(lost_at), cp1252=False, gap=True, gap_at=at, after=after, pair_lost=lost_at == [0, 0])
            item = piece or _decoded(raw)
            if item is None:
                break
            items.append(item)
            item_start, pos = pos, j
        span, i = _span_and_next(start, pos, owner, items, n)
        if span is not None:
            yield span


def without_gbk_pair_rules(items: list, codec: str | None = None) -> list:
    """``items`` with the rules of GBK's pairs lifted from their pieces (:attr:`Piece.pair_lost`, and the
    ``after`` of a mark that took the next character's lead byte): where a mark is no GBK reader's
    unmappable pair, any two bytes may have been there. ``codec``: the code page that read the bytes
    instead, whose own pairs say which byte a mark before ``after`` was (:attr:`Piece.codec`).

    >>> [p.after for p in without_gbk_pair_rules([Piece(0xE6, b"\\x9c", 1, gap=True, gap_at=1, after=A_THREE_BYTE_LEAD)])]
    [-1]
    >>> [(p.after, p.codec) for p in without_gbk_pair_rules([Piece(0xE6, b"\\xbe", 1, gap=True, gap_at=0, after=0xE5)], "big5")]
    [(229, 'big5')]
    """
    out = []
    for item in items:
        if isinstance(item, Piece) and (item.pair_lost or item.after == A_THREE_BYTE_LEAD):
            item = replace(item, pair_lost=False, after=-1)
        if isinstance(item, Piece) and codec:
            item = replace(item, codec=codec)
        out.append(item)
    return out


def _continuation_bytes(data: bytes, at: int) -> int:
    """How many continuation bytes stand at ``at`` in a row (up to three).

    >>> _continuation_bytes(bytes([0x89, 0xBE, 0xE5]), 0), _continuation_bytes(b"a", 0)
    (2, 0)
    """
    end = at
    while end < len(data) and end - at < 3 and is_continuation(data[end]):
        end += 1
    return end - at


def _utf8_spans_paired_silent(data: bytes, owner: list[int], gaps: Counter[int], length: int):
    """:func:`_utf8_spans_paired` where pairs may also have gone without a mark."""
    return _utf8_spans_paired(data, owner, gaps, length, silent=True)


def _utf8_spans_kept(data: bytes, owner: list[int], gaps: Counter[int], length: int):
    """:func:`_utf8_spans_paired` of a decoder that keeps the byte it could not pair with: a mark is two bytes,
    or one before ASCII below 0x40 or a line end (the character before it says which).

    >>> damaged = '鍏ㄧ湡鏁\ufffd"\\n绗\ufffd竴'   # 全真教" (教's last byte before the quote), then 第一 (AC E4 one mark)
    >>> data, owner, gaps = _as_bytes(damaged, "gb18030")
    >>> [[i if isinstance(i, str) else (i.lead, i.tail, i.missing) for i in items] for _, _, items in _utf8_spans_kept(data, owner, gaps, len(damaged))]
    [['全', '真', (230, b'\\x95', 1)], [(231, b'\\xac', 1), (0, b'\\xb8\\x80', 0)]]
    """
    return _utf8_spans_paired(data, owner, gaps, length, keeps_ascii=True)


def _paired(at: int, start: int, owner: list[int]) -> bool:
    """Whether the byte at ``at`` (inside a span from ``start``) came from the same character as the one
    before it: an ASCII byte a GBK reader took as a pair's second byte belongs to the span."""
    return at > start and owner[at] == owner[at - 1]


def _decoded(raw: bytes) -> str | None:
    """A whole character's bytes as the character, or None where they are not UTF-8 after all."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _span_and_next(start: int, end: int, owner: list[int], items: list, n: int) -> tuple[tuple | None, int]:
    """The span read (None when it is not on character boundaries) and where the next may start:
    the next character boundary, since damage starts where a character does."""
    span = _on_boundaries(start, end, owner, items, n)
    i = max(end, start + 1)
    while i < n and owner[i] == owner[i - 1]:
        i += 1
    return span, i


def _on_boundaries(start: int, end: int, owner: list[int], items: list, n: int):
    """The span as characters of the line, when it starts and ends on character boundaries."""
    if end <= start or not any(isinstance(i, Piece) or (isinstance(i, str) and not i.isascii()) for i in items):
        return None
    if (start and owner[start] == owner[start - 1]) or (end < n and owner[end] == owner[end - 1]):
        return None
    return owner[start], owner[end - 1] + 1, items


def _with_trailing_gaps(line: str, end: int, items: list, marks: frozenset[str]) -> int:
    """The span's end, past the marks (U+FFFD, ``?``; ``・`` in a Shift-JIS reading) that stood for its last
    character's lost byte (and a swallowed one)."""
    if items and (isinstance(items[-1], Piece) or items[-1] == "\ufffd" or items[-1] is SWALLOWED):
        while end < len(line) and line[end] in marks:
            end += 1
    return end
