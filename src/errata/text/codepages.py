"""UTF-8 read through a Cyrillic Windows code page: ``дЅїз”Ё`` for 使用 (``utf8-as-cp1251``).

A Russian Windows reads UTF-8 as Windows-1251 where a Western one reads it
as Windows-1252: one character per byte, as in 符号码, only other characters
stand for the bytes (``д`` for 0xE4 where 符号码 has ``ä``). So a run of such
characters is spelt again as the Windows-1252 characters of the same bytes,
one character for one, and the rest of the repair reads it as it reads
符号码: lost bytes, no-break spaces made plain, mojibake twice.

A run is spelt again only where its bytes read as UTF-8 that the language
model finds plausible, a third of its characters whole at least, in a document where at least
one run reads as Chinese for sure. Russian written as it should be never
reads so: its letters are all lead bytes (``Русский`` is D0 F3 F1 …), and a
lead byte needs continuation bytes after it.

>>> spelt_as_cp1252("使用 дЅїз”Ё")[:2]
('使用 ä½¿ç”¨', [(1, 4, 10, 'utf8-as-cp1251')])
>>> spelt_as_cp1252("Русский язык и её история")[1]
[]
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from .bytemap import ALWAYS_DROPPED, BYTE_TO_CHAR, CHAR_TO_BYTE, is_continuation, undefined_bytes, utf8_length
from .langmodel import LanguageModel, load_model

#: The code pages read here, each with the mojibake class its runs are named by.
CODE_PAGES = {"cp1251": "utf8-as-cp1251"}
NBSP = "\xa0"


@lru_cache(maxsize=None)
def char_to_byte(codec: str) -> dict[str, int]:
    """Which byte each character of ``codec`` stands for, bytes from 0x80; a byte the code page
    leaves undefined stands for itself as a C1 control (as Windows' own decode keeps it).

    >>> table = char_to_byte("cp1251")
    >>> hex(table["д"]), hex(table["Ѕ"]), hex(table["\\x98"]), "ä" in table
    ('0xe4', '0xbd', '0x98', False)
    """
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        try:
            table[bytes([byte]).decode(codec)] = byte
        except UnicodeDecodeError:
            table[chr(byte)] = byte
    return table


@lru_cache(maxsize=None)
def own_character(codec: str) -> re.Pattern[str]:
    """Any character of the code page that Windows-1252's mojibake does not hold (д, Ѕ, ї): a quick
    look that spares clean text the runs' scan."""
    return re.compile("[" + re.escape("".join(sorted(set(char_to_byte(codec)) - set(CHAR_TO_BYTE)))) + "]")


@lru_cache(maxsize=None)
def _run_pattern(codec: str) -> re.Pattern[str]:
    """Runs of the code page's characters, with the marks of lost bytes and single spaces inside, and one
    at the end (a no-break space made plain that ends a character: ``ж— |`` for 无 before a table's pipe)."""
    chars = re.escape("".join(sorted(char_to_byte(codec))))
    return re.compile(f"[{chars}](?:[{chars}\ufffd?]| (?=[{chars}]))* ?")


def _cut_at_spaces(run: str, table: dict[str, int], join: bool = True) -> list[tuple[int, int]]:
    """The parts of a run, cut at its spaces and at its ``?`` where no character is open or one owes a
    byte only (the author's question mark; 是 short of the 0x98 a web page drops, then ``?``: ``жЇ?``,
    is likelier than 是 short of two); not at a space inside a two- or three-byte character (after a lead byte, before the
    continuation bytes it promises), which was a no-break space, 0xA0, made plain (``join=False``: cut
    there too). Not inside an emoji: a web page drops their 0x98 (😅 is F0 9F 98 85) more often than
    an emoji ends in 0xA0.

    >>> table = char_to_byte("cp1251")
    >>> _cut_at_spaces("Р СѓСЃ", table), _cut_at_spaces("дЅї з”Ё", table), _cut_at_spaces("з”Ё?жЇ?", table)
    ([(0, 6)], [(0, 3), (4, 7)], [(0, 3), (4, 6)])
    >>> _cut_at_spaces("Р СѓСЃ", table, join=False)
    [(0, 1), (2, 6)]
    """
    parts, start, owed, lead = [], 0, 0, 0
    for index, ch in enumerate(run):
        if ch == "?" and owed <= 1 or ch == " " and not (join and owed and lead < 0xF0):
            parts.append((start, index))
            start, owed = index + 1, 0
            continue
        byte = 0xA0 if ch == " " else table.get(ch)
        if byte is None or is_continuation(byte):  # a mark of a lost byte takes one owed byte's place
            owed = max(owed - 1, 0)
        else:
            lead, owed = byte, utf8_length(byte) - 1
    parts.append((start, len(run)))
    return [(a, b) for a, b in parts if b > a]


def _respelt(part: str, table: dict[str, int]) -> str:
    """The part in Windows-1252's characters for the same bytes; a space inside it (see
    :func:`_cut_at_spaces`) is the no-break space it was.

    A space after a character short of a byte may also be the author's, after a character that lost
    its soft hyphen; but 0xA0 is as common a byte as 0xAD, and the author's space between Chinese
    characters much rarer (dev split, 符号码 of Windows-1251 through a web page: 0.48% of characters
    wrong this way, 0.71% leaving such spaces to 符号码's reader's own rules).

    >>> _respelt("Р С", char_to_byte("cp1251"))
    'Ð\xa0Ñ'
    """
    return "".join(NBSP if ch == " " else BYTE_TO_CHAR[table[ch]] if ch in table else ch for ch in part)


class Reading(NamedTuple):
    """What one respelt part reads as (:func:`reading_of`)."""

    start: int
    end: int
    line: int
    #: Plausible UTF-8, a third of its characters whole at least.
    plausible: bool
    han: int  # Chinese characters (the model knows each) and fullwidth punctuation, read whole
    whole: int  # characters read whole
    short: int  # characters short of a byte
    #: One character alone that kept its lead byte and a continuation byte (``жЇ`` for 是 without 0x98),
    #: not what Cyrillic writing could be (``её``).
    lone: bool = False
    #: Two letters of :data:`WRITTEN_CYRILLIC` or more, and does not read: Cyrillic written as it should be.
    cyrillic: bool = False
    #: Read whole, or with two characters whole at least, and not what Cyrillic writing could be: what
    #: a part may be beside Cyrillic written as it should be, and what tells a document is Chinese.
    #: (Russian prose ``мне…»`` reads as two characters short of bytes and 养; two whole would take a
    #: letter and two signs twice in one word.)
    sure: bool = False
    #: One letter read whole that Cyrillic writing could be as it stands (``Рё``, и garbled, is also a Р
    #: and an ё): read only beside a part that is read, one space away (``СЏР·С‹Рє Рё`` for язык и).
    leaning: bool = False
    #: An accented letter read inside a Latin word (``cafГ©`` for café), surely.
    latin: bool = False


#: The letters of Russian, Ukrainian and Belarusian: two in a part that does not read are Cyrillic as written
#: (``Да``, ``љубав``). Not the few that Serbian and Macedonian add, which 符号码 makes of continuation
#: bytes as often (``рџ…`` is 😅 short of its 0x98).
WRITTEN_CYRILLIC = frozenset(
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяІіЇїЄєҐґЎў"
)
#: What Cyrillic writing puts after a letter: lower-case letters (Russian ё, Ukrainian і ї є ґ, Belarusian ў,
#: Serbian and Macedonian ђ ј љ њ ћ џ ѕ ѓ ќ), closing and typographic marks, the no-break space after a
#: preposition (``В\xa01812``). A part that holds nothing else after its first letter may be Cyrillic as
#: written (``её…`` is also 帅, ``зі»`` 系): only a part that holds more, or two characters read whole, tells.
NATURAL_AFTER_A_LETTER = frozenset("абвгдежзийклмнопрстуфхцчшщъыьэюяёђѓєѕіїјљњћќўџґ" + "…»«”“„’‘‚—–\xa0№")


def _sign(ch: str) -> bool:
    """A symbol, a punctuation mark or a space (a no-break space: ``В\xa0`` is C2 A0), not a guillemet
    (which Russian writes against its letters).

    >>> _sign("×"), _sign("："), _sign("\xa0"), _sign("ⅻ"), _sign("Π"), _sign("»")
    (True, True, True, False, False, False)
    """
    return unicodedata.category(ch)[0] in "SPZ" and ch not in "«»"


def _latin(ch: str) -> bool:
    """A Latin letter (``û`` of brûlée; not the Π that ``О\xa0Python`` reads as).

    >>> _latin("û"), _latin("Π")
    (True, False)
    """
    return unicodedata.name(ch, "").startswith("LATIN")


def _natural(part: str, table: dict[str, int]) -> bool:
    """Whether every character that stands for a continuation byte is what Cyrillic writing puts after a
    letter: what Cyrillic as written, read as UTF-8, may look like (``её не…»`` is 帠 and 养, ``её…`` 帅).
    Chinese garbled so shows other characters at once (``дЅї`` for 使: Ѕ), but for one in three or so.

    >>> table = char_to_byte("cp1251")
    >>> _natural("её…", table), _natural("её не…»", table), _natural("дЅї", table), _natural("ењЁ", table)
    (True, True, False, False)
    """
    return all(ch == " " or ch in NATURAL_AFTER_A_LETTER for ch in part if ch == " " or is_continuation(table.get(ch, 0)))


def reading_of(part: str, start: int, line: int, table: dict[str, int], model: LanguageModel, touching: str = "") -> Reading:
    """What a part of a run reads as once respelt. ``touching``: the characters just before and after
    it; beside an ASCII letter an accented letter is read (``cafГ©`` for café), and beside a letter the
    code page does not hold the part is Cyrillic as written (Kazakh ``Сөзі»``: ө, then зі» that reads 系).

    >>> model, table = load_model(), char_to_byte("cp1251")
    >>> reading_of("дЅїз”Ё", 0, 1, table, model)[3:6], reading_of("дії", 0, 1, table, model)[3:5]   # 使用; Ukrainian: a rare 䳿
    ((True, 2, 2), (False, 0))
    >>> reading_of("её…", 0, 1, table, model).sure   # Russian as written; or 帅, which a document must show otherwise
    False
    """
    from .mojibake import decode_utf8_run, is_cjk_text_char  # the reader of 符号码, which imports this module's caller

    end = start + len(part)
    letters = sum(ch in WRITTEN_CYRILLIC for ch in part)
    if any(ch.isalpha() and not ch.isascii() and ch not in table for ch in touching):
        return Reading(start, end, line, False, 0, 0, 0, cyrillic=letters >= 1)
    latin_word = any(ch.isascii() and ch.isalpha() for ch in touching)
    items = decode_utf8_run(_respelt(part, table), model.vocabulary, latin_word=latin_word)
    if not items:
        return Reading(start, end, line, False, 0, 0, 0, cyrillic=letters >= 2)
    whole = [item for item in items if isinstance(item, str)]
    short = len(items) - len(whole)
    han = [ch for ch in whole if is_cjk_text_char(ch)]
    natural = _natural(part, table)
    if not whole or 2 * len(whole) < short or any(ch not in model.vocabulary and ch.isalpha() for ch in han):
        # A character in three whole at least: Russian as it should be reads as none. Ukrainian
        # ``дії`` reads as a rare character of Extension A.
        plausible = False
    elif han:
        plausible = True  # even where natural: the commonest, 的, is ``зљ„``
    else:
        # Russian (``Р СѓСЃ`` for Рус, ``РІ`` for в), symbols (``в†’`` for →), accented letters: every
        # character whole, which a word written as it should be never gives (its letters are all lead
        # bytes). One alone where the part holds what Cyrillic does not write after a letter, where it
        # is a sign (``Г—`` for ×, ``В\xa0`` for a no-break space; not ``в…»`` as ⅻ, ``В»`` as »), or
        # inside a Latin word (``brГ»lée`` for brûlée). A no-break space beside Russian (``В\xa01812
        # году``) is a preposition's: where a document holds Russian, only sure parts are read.
        plausible = not short and (len(whole) >= 2 or not natural or _sign(whole[0]) or latin_word and _latin(whole[0]))
    leaning = not plausible and not han and not short and len(whole) == 1
    one_short = len(items) == 1 and short == 1 and len(items[0].tail) >= 1  # 是 short of its 0x98: ``жЇ``; or ``её``
    lone = not plausible and not leaning and one_short and not natural
    sure = plausible and not natural and (not short or len(whole) >= 2)
    written = letters >= 2 and not (plausible or leaning or one_short)
    latin = sure and not han and latin_word and all(_latin(ch) for ch in whole)
    return Reading(start, end, line, plausible, len(han) if plausible else 0, len(whole), short, lone, written, sure, leaning, latin)


class CodePage(NamedTuple):
    """What a document's single-byte decode of UTF-8 was, for the lost-byte recovery."""

    #: The continuation bytes it loses on its own, at no cost (:func:`vanishing_bytes`).
    vanishing: frozenset[int]
    #: The character it shows for each byte: where a damaged character is left as it stood.
    spelling: dict[int, str]


#: Windows-1252's (and Latin-1's): its five undefined bytes, the soft hyphen, and Ž ž, which DAMAGE.md saw dropped.
WINDOWS_1252 = CodePage(ALWAYS_DROPPED, BYTE_TO_CHAR)


def code_page(codec: str) -> CodePage:
    """A code page other than Windows-1252, as its decode of UTF-8 shows it.

    >>> page = code_page("cp1251")
    >>> page.spelling[0xE4], page.spelling[0x98], sorted(page.vanishing)
    ('д', '\x98', [152, 173])
    """
    return CodePage(vanishing_bytes(codec), {byte: ch for ch, byte in char_to_byte(codec).items()})


#: The class of a line the repair took ftfy's reading of, as a whole (its fix stands at the line's column 1).
FTFY_LINE = "ftfy"


class Respelling(NamedTuple):
    """A text with another code page's mojibake spelt as Windows-1252's (:func:`spelt_as_cp1252`)."""

    text: str
    #: Where: (line, first column, last column + 1, class), columns 1-based.
    spans: list[tuple[int, int, int, str]]
    #: The code page the respelt parts were read in (Windows-1252's where nothing was respelt).
    code_page: CodePage = WINDOWS_1252
    #: The same parts as offsets in the text: (start, end).
    parts: tuple[tuple[int, int], ...] = ()

    def unread(self, fixes) -> frozenset[tuple[int, int]]:
        """The parts (offsets) where none of ``fixes`` (anything with a line and a 1-based column) stands:
        respelt, but not read after all.

        >>> from collections import namedtuple
        >>> At = namedtuple("At", "line column")
        >>> respelling = spelt_as_cp1252("使用：дЅїз”Ё")
        >>> respelling.parts, respelling.unread([At(1, 4)]), respelling.unread([At(1, 1)])
        (((3, 9),), frozenset(), frozenset({(3, 9)}))
        """
        read = {self._part_at(fix.line, fix.column) for fix in fixes}
        # ftfy's reading of a whole line (its fix stands at column 1) read every part on it.
        whole_lines = {fix.line for fix in fixes if getattr(fix, "kind", None) == FTFY_LINE}
        return frozenset(part for k, part in enumerate(self.parts) if k not in read and self.spans[k][0] not in whole_lines)

    def respelt(self, line: int, column: int) -> bool:
        """Whether a line's 1-based column stands in a respelt part.

        >>> respelling = spelt_as_cp1252("使用：дЅїз”Ё")
        >>> respelling.respelt(1, 4), respelling.respelt(1, 1)
        (True, False)
        """
        return self._part_at(line, column) is not None

    def named(self, fixes: list) -> list:
        """The fixes (dataclasses with a line, a column and a kind), each made in a respelt part named by
        that part's code page (:func:`renamed_fix_kind`).

        >>> from errata.text.mojibake import Fix
        >>> spelt_as_cp1252("使用：дЅїз”Ё").named([Fix(1, 4, "utf8-as-cp1252"), Fix(1, 1, "ftfy")])
        [Fix(line=1, column=4, kind='utf8-as-cp1251'), Fix(line=1, column=1, kind='ftfy')]
        """
        return [
            fix if (k := self._part_at(fix.line, fix.column)) is None else replace(fix, kind=renamed_fix_kind(fix.kind, self.spans[k][3]))
            for fix in fixes
        ]

    def _part_at(self, line: int, column: int) -> int | None:
        """Which part (its index) covers a line's column, if one does. The spans are in the text's
        order; looked up by bisection, not by a table of every column (a file of megabytes holds millions).
        """
        k = bisect_right(self.spans, (line, column, float("inf"))) - 1
        return k if k >= 0 and self.spans[k][0] == line and column < self.spans[k][2] else None


def vanishing_bytes(codec: str) -> frozenset[int]:
    """The continuation bytes a decode in ``codec`` loses at no cost: the ones it leaves undefined
    (dropped by ``errors="ignore"``) and the invisible soft hyphen.

    >>> sorted(hex(b) for b in vanishing_bytes("cp1251"))
    ['0x98', '0xad']
    """
    undefined = undefined_bytes(codec)
    return frozenset(b for b in range(0x80, 0xC0) if b == 0xAD or b in undefined)


def spelt_as_cp1252(text: str, model: LanguageModel | None = None, leave: frozenset[tuple[int, int]] = frozenset()) -> Respelling:
    """The text with each run of another code page's mojibake spelt in Windows-1252's characters,
    and where: (line, first column, last column + 1, class), columns 1-based in the text as given.

    Nothing moves: each character is replaced by one character, so a fix the rest of the repair
    reports at a line and column stands where the damage stood. ``leave``: parts (offsets) to leave
    as they are, which the rest of the repair did not read (:meth:`Respelling.unread`).

    >>> spelt_as_cp1252("**жњЂж–°пјљ** 2026")[0]
    '**æœ€æ–°ï¼š** 2026'
    """
    if text.isascii():
        return Respelling(text, [])
    model = model or load_model()
    for codec, kind in CODE_PAGES.items():
        if not own_character(codec).search(text):
            continue
        table = char_to_byte(codec)
        found = [reading for reading in _runs_to_respell(text, codec, table, model) if (reading.start, reading.end) not in leave]
        if found:
            parts = tuple((reading.start, reading.end) for reading in found)
            return Respelling(*_respell(text, found, table, kind), code_page(codec), parts)
    return Respelling(text, [])


def _runs_to_respell(text: str, codec: str, table: dict[str, int], model: LanguageModel) -> list[Reading]:
    """The parts of runs to respell: none unless a part reads surely as Chinese the model knows (the
    text is Chinese read in this code page), or two read surely as accented letters inside Latin words
    (``cafГ©``, ``naГЇve``: Cyrillic writing puts no capital and a sign between Latin letters); then every
    part that reads, each lone character short of a byte, and each part that leans on one beside it.
    Where the text holds Cyrillic as written, a part that reads is taken only where it is sure, or on a
    line that holds a sure part and no such Cyrillic."""
    readings = list(_readings(text, codec, table, model))
    if not _shows_chinese_read(text, readings) and sum(reading.latin for reading in readings) < 2:
        return []
    if any(reading.cyrillic for reading in readings):
        sure_lines = {reading.line for reading in readings if reading.sure} - {reading.line for reading in readings if reading.cyrillic}
        taken = [reading.sure or reading.plausible and reading.line in sure_lines for reading in readings]
    else:
        taken = [reading.plausible or reading.lone for reading in readings]
    return [reading for k, reading in enumerate(readings) if taken[k] or reading.leaning and _beside_a_part_taken(text, readings, taken, k)]


#: Two Chinese characters together: a text that writes Chinese as it should be.
_HAN_WORD = re.compile("[\u4e00-\u9fff]{2}")


def _shows_chinese_read(text: str, readings: list[Reading]) -> bool:
    """Whether the text is Chinese read in the code page: a part reads surely as Chinese, or, in a text
    that writes Chinese elsewhere and no Cyrillic as written, a part reads as two Chinese characters or
    more, whole (a title ``жђњзґў``, 搜索, over a Chinese body: its every continuation byte happens to be
    a letter Cyrillic writes after another, so the part alone is not sure).

    >>> model, table = load_model(), char_to_byte("cp1251")
    >>> title = "title: жђњзґў"
    >>> [_shows_chinese_read(t, list(_readings(t, "cp1251", table, model))) for t in (title, title + "\\n\\n速度")]
    [False, True]
    """
    if any(reading.han and reading.sure for reading in readings):
        return True
    if any(reading.cyrillic for reading in readings) or not _HAN_WORD.search(text):
        return False
    return any(reading.plausible and reading.han >= 2 and not reading.short for reading in readings)


def _beside_a_part_taken(text: str, readings: list[Reading], taken: list[bool], k: int) -> bool:
    """Whether the part before or after reading ``k`` is taken and one space away from it."""
    here = readings[k]
    before = k > 0 and taken[k - 1] and readings[k - 1].end + 1 == here.start and text[here.start - 1] == " "
    after = k + 1 < len(readings) and taken[k + 1] and here.end + 1 == readings[k + 1].start and text[here.end] == " "
    return before or after


def _readings(text: str, codec: str, table: dict[str, int], model: LanguageModel):
    """The reading of every part of every run of the code page's characters in ``text``, in order.

    >>> [(reading.start, reading.plausible) for reading in _readings("使用 дЅїз”Ё", "cp1251", char_to_byte("cp1251"), load_model())]
    [(3, True)]
    """
    line_starts = _line_starts(text)
    for match in _run_pattern(codec).finditer(text):
        run = match.group()
        if all(ch in CHAR_TO_BYTE or ch in "\ufffd? " for ch in run):
            continue  # Windows-1252's own characters: 符号码's reader reads them as they stand
        line = bisect_right(line_starts, match.start())
        for a, b in _cut_at_spaces(run, table):
            yield from _part_readings(text, match.start() + a, match.start() + b, line, table, model)


def _part_readings(text: str, first: int, end: int, line: int, table: dict[str, int], model: LanguageModel):
    """The reading of a part; where it holds a space read as a no-break space and does not read, the
    author's space after all: one at its end first (签 short of its soft hyphen before ``%s``: ``зѕ %s``),
    then every one (是 short of its 0x98, then a space: ``жЇ “好”``)."""
    reading = _reading_at(text, first, end, line, table, model)
    if reading.plausible or " " not in text[first:end]:
        yield reading
        return
    if text[end - 1] == " ":
        shorter = _reading_at(text, first, end - 1, line, table, model)
        if shorter.plausible or " " not in text[first : end - 1]:
            yield shorter
            return
    for c, d in _cut_at_spaces(text[first:end], table, join=False):
        yield _reading_at(text, first + c, first + d, line, table, model)


def _reading_at(text: str, first: int, end: int, line: int, table: dict[str, int], model: LanguageModel) -> Reading:
    """:func:`reading_of` the part ``text[first:end]``, with the characters that touch it."""
    return reading_of(text[first:end], first, line, table, model, text[first - 1 : first] + text[end : end + 1])


def _line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts (offsets).

    >>> _line_starts("ab\\ncd\\n")
    [0, 3, 6]
    """
    return [0] + [match.end() for match in re.finditer("\n", text)]


def _respell(text: str, found: list[Reading], table: dict[str, int], kind: str) -> tuple[str, list[tuple[int, int, int, str]]]:
    """The text with the parts found respelt, and where they stand: (line, first column, end column, class).

    A space that ends a part stays plain: a no-break space there and a character short of a byte that
    vanishes on its own before the author's space (明 short of its 0x98 before a table's pipe, ``жЋ |``)
    fit alike, and the lost-byte recovery weighs the two.
    """
    pieces, spans, done = [], [], 0
    line_starts = _line_starts(text)
    for reading in found:
        start, end = reading.start, reading.end
        pieces.append(text[done:start])
        part = text[start:end]
        pieces.append(_respelt(part[:-1], table) + " " if part.endswith(" ") else _respelt(part, table))
        done = end
        column = start - line_starts[reading.line - 1] + 1
        spans.append((reading.line, column, column + end - start, kind))
    pieces.append(text[done:])
    return "".join(pieces), spans


def renamed_fix_kind(kind: str, code_page_kind: str) -> str:
    """The class of a fix made in a respelt run: its code page is the one the run was read in.

    >>> renamed_fix_kind("utf8-as-cp1252", "utf8-as-cp1251"), renamed_fix_kind("utf8-as-latin1-twice", "utf8-as-cp1251")
    ('utf8-as-cp1251', 'utf8-as-cp1251-twice')
    >>> renamed_fix_kind("lost-bytes", "utf8-as-cp1251")
    'lost-bytes'
    """
    for page in ("utf8-as-cp1252", "utf8-as-latin1"):
        if kind.startswith(page):
            return code_page_kind + kind[len(page):]
    return kind
