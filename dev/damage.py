"""A seeded simulator of Chinese mojibake, for tests and benchmarks of the repair.

Written from Python's codecs and the table in ``shared/docs/MOJIBAKE.md``; it
imports nothing from ``errata``, so it cannot share the repair's assumptions
(an earlier simulator dropped exactly the byte set the recovery assumed lost,
and so measured the recovery against itself). One function per class:

===========================  ==========================================  =========
function                     what happened                               lossless
===========================  ==========================================  =========
:func:`utf8_as_cp1252`       符号码: UTF-8 read as Windows-1252           C1 kept
:func:`utf8_as_latin1`       符号码: UTF-8 read as ISO-8859-1             yes
:func:`utf8_as_cp1252_twice` the same mistake twice                      C1 kept
:func:`utf8_as_latin1_c1_stripped` 符号码, C1 controls stripped later      no
:func:`gbk_as_latin1`        拼音码: GBK/GB18030 read as Latin-1          yes
:func:`utf8_as_gbk`          古文码 / 问句码: UTF-8 read as GBK           no
:func:`utf8_as_gb18030`      古文码, GB18030 decoder                      almost
:func:`utf8_as_gbk_twice`    古文码 read as GBK again                     no
:func:`utf8_as_big5`         UTF-8 read as Big5                          no
:func:`utf8_as_big5_by_a_browser` UTF-8 read as Big5 by a web browser    no
:func:`utf8_as_cp932_by_windows` UTF-8 read by a Japanese Windows tool   no
:func:`utf8_as_euc_kr`       UTF-8 read as Korean (code page 949)        no
:func:`big5_as_latin1`       Big5 read as Latin-1                        yes
:func:`legacy_as_code_page`  GBK or Big5 read as Latin-2, Cyrillic, …    C1 kept
:func:`gbk_as_big5`          GBK read as Big5 (Python, a browser)        no
:func:`big5_as_gbk_by_python` Big5 read as GBK, a mark a byte (Python)    no
:func:`gbk_as_utf8`          口字码: GBK read as UTF-8 with replacement   never
:func:`kunjinkao`            锟拷码: 口字码 saved as UTF-8, read as GBK    never
:func:`uninitialised`        烫烫烫 / 屯屯屯: memory printed as GBK        not text
:func:`save_as`              a whole file in GB18030, Big5, UTF-16, …    yes
:func:`round_trip_through`   UTF-8 through code page 936 and back (``?``) no
:func:`mix_utf8_gbk_lines`   a file whose lines are part UTF-8, part GBK yes
:func:`lost_bytes`           continuation bytes lost, then 符号码          no
:func:`utf8_with_lost_bytes` continuation bytes lost, read as UTF-8      no
:func:`raw_lost_bytes`       continuation bytes lost, the bytes as they are no
:func:`mix_classes`          a title in one class, a body in another     as parts
===========================  ==========================================  =========

:data:`CLASSES` names each class with how it is applied to a text, which
script its text must be in, and whether it is lossless. Everything random
takes a :class:`random.Random`, so a case is reproduced from its seed.
"""

from __future__ import annotations

import codecs
import random
import subprocess
from typing import Callable, NamedTuple

from rapidfuzz.distance import Levenshtein

#: The bytes Windows-1252 leaves undefined (MOJIBAKE.md): a reader keeps them as
#: C1 controls, drops them, or shows U+FFFD.
CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
UNDEFINED_AS = {"keep": None, "drop": "", "replace": "\ufffd"}
#: How a decoder shows a byte it cannot pair: U+FFFD, or ``?`` once the text is
#: saved back in a legacy encoding (问句码), or nothing at all.
MARKS = {"fffd": "\ufffd", "question": "?", "silent": ""}


def _question_mark(error: UnicodeError) -> tuple[str, int]:
    return "?", error.end


codecs.register_error("dev.damage.question", _question_mark)


def read_cp1252(data: bytes, undefined: str = "keep") -> str:
    """Bytes read as Windows-1252; ``undefined`` says what the five undefined bytes become.

    >>> read_cp1252(b"\\xe4\\xb8\\x8d"), read_cp1252(b"\\xe4\\xb8\\x8d", "drop"), read_cp1252(b"\\xe4\\xb8\\x8d", "replace")
    ('ä¸\\x8d', 'ä¸', 'ä¸�')
    """
    shown = UNDEFINED_AS[undefined]
    return "".join(_cp1252_char(b, shown) for b in data)


def _cp1252_char(byte: int, undefined: str | None) -> str:
    if byte in CP1252_UNDEFINED:
        return chr(byte) if undefined is None else undefined
    return bytes([byte]).decode("cp1252")


def utf8_as_cp1252(text: str, undefined: str = "keep") -> str:
    """符号码: UTF-8 read as Windows-1252 (``keep``: C1 controls, lossless; ``drop``; ``replace``).

    >>> utf8_as_cp1252("显存不够")
    'æ˜¾å\\xad˜ä¸\\x8då¤Ÿ'
    """
    return read_cp1252(text.encode("utf-8"), undefined)


def utf8_as_cp1252_through_a_web_page(text: str) -> str:
    """符号码 as it comes back from a web page or a search index: undefined bytes dropped, the no-break
    space (0xA0) turned into a plain space and the invisible soft hyphen (0xAD) gone.

    >>> utf8_as_cp1252_through_a_web_page("无需显存")
    'æ— éœ€æ˜¾å˜'
    """
    return utf8_as_cp1252(text, "drop").replace("\xa0", " ").replace("\xad", "")


def utf8_as_latin1(text: str) -> str:
    """符号码 (Latin-1): every byte a character, C1 controls included.

    >>> utf8_as_latin1("≥")
    'â\\x89¥'
    """
    return text.encode("utf-8").decode("latin-1")


def utf8_as_latin1_c1_stripped(text: str) -> str:
    """符号码 (Latin-1) whose C1 controls a later tool stripped (``tr -d '\\200-\\237'``, an XML 1.0 layer, a database
    that refuses control characters): every continuation byte from 80 to 9F gone, half of them (the twenty-fourth set
    of real files).

    >>> utf8_as_latin1_c1_stripped("报错")   # E6 8A A5 E9 94 99
    'æ¥é'
    """
    return "".join(ch for ch in utf8_as_latin1(text) if not "\x80" <= ch <= "\x9f")


def utf8_as_cp1252_twice(text: str, undefined: str = "keep") -> str:
    """The same mistake made twice (a mojibake file re-read by a second tool).

    >>> utf8_as_cp1252_twice("显")
    'Ã¦Ëœ\\xc2¾'
    """
    return utf8_as_cp1252(utf8_as_cp1252(text, undefined), undefined)


def utf8_as_cp1252_twice_through_a_web_page(text: str) -> str:
    """符号码 twice, as a web page or a search index shows it: C1 controls and soft hyphens (invisible)
    gone, no-break spaces plain.

    >>> utf8_as_cp1252_twice_through_a_web_page("码")   # E7 A0 81: Ã§ Â+NBSP Â+U+0081
    'Ã§Â Â'
    """
    twice = utf8_as_cp1252_twice(text)
    return "".join(ch for ch in twice if not ("\x80" <= ch <= "\x9f" or ch == "\xad")).replace("\xa0", " ")


def utf8_as_cp1251(text: str) -> str:
    """UTF-8 read as Windows-1251, as a Russian Windows reads it; the one byte that code page leaves
    undefined (0x98) kept as a C1 control, as Windows' decoder keeps it.

    >>> utf8_as_cp1251("使用 →")
    'дЅїз”Ё в†’'
    """
    return "".join(chr(byte) if byte == 0x98 else bytes([byte]).decode("cp1251") for byte in text.encode("utf-8"))


def utf8_as_cp1251_through_a_web_page(text: str) -> str:
    """The same, as a web page or a search index shows it: the C1 control and the invisible soft
    hyphen (0xAD) gone, the no-break space (0xA0) plain.

    >>> utf8_as_cp1251_through_a_web_page("中文")   # E4 B8 AD E6 96 87
    'дёж–‡'
    """
    return "".join(ch for ch in utf8_as_cp1251(text) if ch not in "\x98\xad").replace("\xa0", " ")


def gbk_as_latin1(text: str, codec: str = "gb18030") -> str:
    """拼音码: GBK bytes read as Latin-1. GB18030 by default, so that emoji survive too.

    >>> gbk_as_latin1("报错汇总")
    '±¨´í»ã×Ü'
    """
    return text.encode(codec).decode("latin-1")


def gbk_as_cp1254(text: str) -> str:
    """拼音码 through Windows-1254 (Turkish), as a charset detector that guessed it for GBK leaves it: the
    Windows-1252 reading but for six letters; the bytes it leaves undefined stay C1 controls.

    >>> gbk_as_cp1254("女性，别")
    'Å®ĞÔ£¬±ğ'
    """
    return legacy_as_code_page(text, page="cp1254")


def utf8_as_gbk(text: str, mark: str = "fffd", greedy: bool = False) -> str:
    """古文码: UTF-8 read as GBK. ``mark="question"`` is 问句码 (saved back as GBK: ``?``).

    A *greedy* decoder pairs a lead byte with whatever follows, as some tools
    do, so an unpaired byte at a line's end swallows the newline.

    >>> utf8_as_gbk("显存不够")
    '鏄惧瓨涓嶅��'
    >>> utf8_as_gbk("不够", mark="question"), utf8_as_gbk("不够", mark="ignore")
    ('涓嶅??', '涓嶅')
    >>> utf8_as_gbk("够\\n好", greedy=True)
    '澶�濂�'
    """
    data = text.encode("utf-8")
    if mark == "ignore":  # errors="ignore", iconv -c: the bytes GBK cannot map vanish without a mark
        return data.decode("gbk", "ignore")
    decoded = _greedy_gbk(data) if greedy else data.decode("gbk", "replace")
    if mark == "question":  # 问句码: the 古文码 text saved back as GBK, every U+FFFD a '?'
        return decoded.encode("gbk", "dev.damage.question").decode("gbk")
    return decoded if mark == "fffd" else decoded.replace("\ufffd", MARKS[mark])


def utf8_as_gbk_by_java(text: str) -> str:
    """古文码 as Java's GBK decoder reads UTF-8 (``new String(bytes, "GBK")``, an Eclipse project in GBK):
    a lead byte (0x81–0xFE) is paired with the next byte only when that one can end a pair (0x40–0xFE but
    0x7F); a pair GBK has no character for (its user-defined areas) is one U+FFFD for both bytes, and a
    lead byte before one that cannot end a pair is U+FFFD on its own, that byte kept (a space, a line end).
    0x80 and 0xFF start no pair: U+FFFD each.

    >>> utf8_as_gbk_by_java("第一行。"), utf8_as_gbk_by_java("见 a")
    ('绗�竴琛屻��', '瑙� a')
    """
    return _read_by_units(text.encode("utf-8"), _java_gbk_unit)


def _java_gbk_unit(data: bytes, i: int) -> tuple[str, int]:
    byte = data[i]
    if 0x81 <= byte <= 0xFE and i + 1 < len(data) and 0x40 <= data[i + 1] <= 0xFE and data[i + 1] != 0x7F:
        pair = data[i : i + 2]
        return (pair.decode("gbk") if _gbk_maps(pair) else "\ufffd"), 2
    return "\ufffd", 1


def _gbk_maps(pair: bytes) -> bool:
    try:
        return len(pair.decode("gbk")) == 1
    except UnicodeDecodeError:
        return False


def utf8_as_gbk_by_iconv(text: str) -> str:
    """古文码 as glibc's ``iconv -c -f GBK -t UTF-8`` makes it: a real tool, not this project's model of one
    (0x80 becomes ``€``, as in Windows' code page 936; what it cannot map vanishes). Needs ``iconv``.

    >>> utf8_as_gbk_by_iconv("开发")
    '寮€鍙'
    """
    done = subprocess.run(["iconv", "-c", "-f", "GBK", "-t", "UTF-8"], input=text.encode("utf-8"), capture_output=True, check=False)
    return done.stdout.decode("utf-8")


def utf8_as_cp936(text: str, private_use: bool = True) -> str:
    """古文码 as Windows' code page 936 reads UTF-8 (PowerShell 5's ``Get-Content``, Notepad's "ANSI"):
    0x80 is ``€``, a pair in GBK's user-defined areas is a private-use character, and a byte that cannot
    start a pair with the next one is U+FFFD on its own (the next byte, ASCII, is kept).

    ``private_use=False``: the private-use characters were lost afterwards (an editor, a web page, a
    search index that drops them), so those pairs vanish without a mark while the others are marked.

    >>> utf8_as_cp936("本地部署。")
    '鏈\ue100湴閮ㄧ讲銆�'
    >>> utf8_as_cp936("本地", private_use=False)
    '鏈湴'
    """
    decoded = _read_by_units(text.encode("utf-8"), _cp936_unit)
    return decoded if private_use else "".join(ch for ch in decoded if not "\ue000" <= ch <= "\uf8ff")


def _cp936_unit(data: bytes, i: int) -> tuple[str, int]:
    byte = data[i]
    if byte in (0x80, 0xFF):
        return ("€" if byte == 0x80 else "\ufffd"), 1
    if i + 1 < len(data) and (0x40 <= data[i + 1] <= 0x7E or 0x80 <= data[i + 1] <= 0xFE):
        return data[i : i + 2].decode("gb18030", "replace"), 2
    return "\ufffd", 1


def utf8_as_gbk_by_dotnet(text: str, private_use: bool = True) -> str:
    """问句码 as .NET's GBK reader leaves it (PowerShell 5's ``Get-Content`` then ``Set-Content``): every byte
    from 0x80 taken with the byte after it, whatever it is (a space or a line end goes with it), ``?``
    for a pair it cannot map, a private-use character for a pair of GBK's user-defined areas.
    ``private_use=False``: those were lost afterwards (an editor, a web page, a search index).

    >>> utf8_as_gbk_by_dotnet("由 open。")
    '鐢?open銆?'
    """
    decoded = _greedy_gbk(text.encode("utf-8"), "gb18030", "?")
    return decoded if private_use else "".join(ch for ch in decoded if not "\ue000" <= ch <= "\uf8ff")


def utf8_as_gbk_twice(text: str, reader: str = "python") -> str:
    """古文码 read as GBK a second time: the 古文码, saved as UTF-8, read by the same kind of reader again.
    ``reader``: ``"python"`` (:func:`utf8_as_gbk`, U+FFFD), ``"cp936"`` (:func:`utf8_as_cp936`) or
    ``"dotnet"`` (:func:`utf8_as_gbk_by_dotnet`, private-use characters lost after each pass, as a search
    index or an editor drops them).

    >>> utf8_as_gbk_twice("功能说明", "cp936")
    '閸旂喕鍏樼拠瀛樻\ue756'
    """
    once = {
        "python": utf8_as_gbk,
        "cp936": utf8_as_cp936,
        "dotnet": lambda t: utf8_as_gbk_by_dotnet(t, private_use=False),
    }[reader]
    return once(once(text))


def _greedy_gbk(data: bytes, codec: str = "gbk", mark: str = "\ufffd") -> str:
    def pair(data: bytes, i: int) -> tuple[str, int]:
        try:
            return data[i : i + 2].decode(codec), 2
        except UnicodeDecodeError:
            return mark, 2

    return _read_by_units(data, pair)


def _read_by_units(data: bytes, unit: Callable[[bytes, int], tuple[str, int]]) -> str:
    """``data`` as a legacy decoder walks it: an ASCII byte as itself, from any other byte on the text and the
    number of bytes ``unit(data, i)`` says that decoder reads there.

    >>> _read_by_units("a你".encode(), lambda data, i: ("?", 3))
    'a?'
    """
    out, i = [], 0
    while i < len(data):
        if data[i] < 0x80:
            out.append(chr(data[i]))
            i += 1
            continue
        text, size = unit(data, i)
        out.append(text)
        i += size
    return "".join(out)


def utf8_as_gb18030(text: str, mark: str = "fffd") -> str:
    """古文码 through a GB18030 decoder: fewer bytes lost than GBK (private-use characters instead).

    >>> utf8_as_gb18030("显存不够，")
    '鏄惧瓨涓嶅\\ue644锛�'
    """
    return text.encode("utf-8").decode("gb18030", "replace").replace("\ufffd", MARKS[mark])


def utf8_as_big5(text: str, mark: str = "fffd") -> str:
    """UTF-8 read as Big5.

    >>> utf8_as_big5("顯存")
    '憿臬��'
    """
    return text.encode("utf-8").decode("big5", "replace").replace("\ufffd", MARKS[mark])


def utf8_as_big5_by_a_browser(text: str) -> str:
    """UTF-8 read as Big5 by a web browser (a page that names no charset, in a Traditional Chinese locale).

    Written from the WHATWG Encoding Standard's Big5 decoder, not from Python's: a lead byte is any of 0x81–0xFE
    and the decoder knows Hong Kong's characters (Python's ``big5hkscs`` table stands in for the standard's
    index); a lead byte with a byte after it that ends no pair it knows is one U+FFFD for both, unless that byte
    is ASCII, which is then read on its own. Python's ``big5`` writes a U+FFFD for each byte.

    >>> utf8_as_big5_by_a_browser("未找到"), utf8_as_big5("未找到")
    ('\ufffd芣𪄳\ufffd\ufffd', '\ufffd\ufffd芣\ufffd曉\ufffd\ufffd')
    """
    data, out, i = text.encode("utf-8"), [], 0
    while i < len(data):
        byte = data[i]
        if byte < 0x80:
            out.append(chr(byte))
            i += 1
            continue
        if byte in (0x80, 0xFF) or i + 1 == len(data):
            out.append("\ufffd")
            i += 1
            continue
        trail = data[i + 1]
        pair = _big5_pair(data[i : i + 2]) if 0x40 <= trail <= 0x7E or 0xA1 <= trail <= 0xFE else None
        if pair is not None:
            out.append(pair)
            i += 2
        else:
            out.append("\ufffd")
            i += 1 if trail < 0x80 else 2
    return "".join(out)


def _big5_pair(pair: bytes) -> str | None:
    """The character a browser's Big5 decoder reads two bytes as, or ``None``."""
    try:
        decoded = pair.decode("big5hkscs")
    except UnicodeDecodeError:
        return None
    return decoded if len(decoded) == 1 else None


def utf8_as_euc_kr(text: str) -> str:
    """UTF-8 read as Korean (Windows' code page 949, EUC-KR with its extension), as a Korean Windows tool reads it.

    >>> damaged = utf8_as_euc_kr("安装依赖")   # 若 (U+F974, a compatibility ideograph), then Hangul of its extension
    >>> len(damaged), damaged.encode("cp949") == "安装依赖".encode()
    (6, True)
    """
    return text.encode("utf-8").decode("cp949", "replace")


def utf8_as_shift_jis(text: str) -> str:
    """UTF-8 read as Shift-JIS (Windows' code page 932): Japanese's 文字化け, as MOJIBAKE.md shows it.

    >>> utf8_as_shift_jis("文字化け")
    '譁�蟄怜喧縺�'
    """
    return text.encode("utf-8").decode("cp932", "replace")


def utf8_as_cp932_by_windows(text: str) -> str:
    """文字化け as a Japanese Windows tool leaves it (the real files of this kind): code page 932 read greedily,
    every byte from 0x81 that starts a pair taken with the byte after it, whatever it is (a line end, a digit),
    ``・`` for a pair it cannot map; a half-width katakana byte (0xA1–0xDF) alone; the bytes that map to nothing
    on their own (0x80, 0xA0, 0xFD–0xFF) lost on the way, as an editor or a web page drops what they became.

    >>> utf8_as_cp932_by_windows("日期：2026")
    '譌･譛滂ｼ・026'
    """
    return _read_by_units(text.encode("utf-8"), _cp932_unit)


def _cp932_unit(data: bytes, i: int) -> tuple[str, int]:
    byte = data[i]
    if 0xA1 <= byte <= 0xDF:
        return bytes([byte]).decode("cp932"), 1
    if byte in (0x80, 0xA0, 0xFD, 0xFE, 0xFF):
        return "", 1
    try:
        return data[i : i + 2].decode("cp932"), 2
    except UnicodeDecodeError:
        return "・", 2


def shift_jis_as_cp1252(text: str) -> str:
    """Shift-JIS read as Windows-1252, the five bytes it leaves undefined kept as C1 controls (as MOJIBAKE.md shows it).

    >>> shift_jis_as_cp1252("文字化け")
    '•¶Žš‰»‚¯'
    """
    return read_cp1252(text.encode("shift_jis"))


def big5_as_latin1(text: str) -> str:
    """Big5 bytes read as Latin-1 (text in Traditional Chinese).

    >>> big5_as_latin1("顯存不夠")
    'Åã¦s¤£°÷'
    """
    return text.encode("big5").decode("latin-1")


def legacy_as_code_page(text: str, legacy: str = "gb18030", page: str = "iso8859_2") -> str:
    """拼音码 in another code page's letters: GBK (or Big5) bytes read by a tool on a Polish, Czech, Russian or Greek
    system, one letter a byte; a byte the code page leaves undefined kept as its C1 control (twenty-eighth set of
    real files: a GBK FAQ through ``iconv -f ISO-8859-2``).

    >>> legacy_as_code_page("常见问题"), legacy_as_code_page("常见问题", page="cp1251")
    ('łŁźűÎĘĚâ', 'іЈјыОКМв')
    """
    return "".join(bytes([b]).decode(page, errors="ignore") or chr(b) for b in text.encode(legacy))


def gbk_as_big5(text: str) -> str:
    """Simplified Chinese saved as GBK and read as Big5 with replacement (a script's ``decode("big5", "replace")`` on a
    zh-TW system; the twenty-eighth set of real files): Python's Big5 table, one U+FFFD for a byte that starts no pair
    it can map, the next byte read on from. Written with Python's codecs, not with the repair's reading back.

    >>> gbk_as_big5("常见问题，")
    '都獗恀枙ㄛ'
    """
    return text.encode("gbk", errors="replace").decode("big5", errors="replace")


def big5_as_gbk_by_python(text: str) -> str:
    """Traditional Chinese saved as Big5 and read by Python's ``gbk`` (a script's ``open(..., encoding="gbk",
    errors="replace")`` on a Simplified system): a pair GBK leaves to its users, or does not define, is one U+FFFD for
    its first byte, and the reader goes on from the next (real set 31).

    >>> big5_as_gbk_by_python("中文，好")
    'いゅ�A�n'
    """
    return text.encode("big5").decode("gbk", errors="replace")


def big5_as_gbk(text: str) -> str:
    """Traditional Chinese saved as Big5 and read by Windows' code page 936 (a Java tool's ``x-mswin-936`` on a
    Simplified Windows): each Big5 pair is read as the GBK pair of the same bytes, and a pair GBK leaves to its
    users as the private-use character code page 936 gives it (Microsoft's table: AAA1–AFFE from U+E000,
    F8A1–FEFE from U+E234, A140–A7A0 from U+E4C6). Written from two real files of this kind (the twenty-third
    and twenty-fourth sets of real files).

    >>> big5_as_gbk("中文，好")
    'いゅ\\ue4c7\\ue6d4'
    """
    data, out, at = text.encode("big5"), [], 0
    while at < len(data):
        lead = data[at]
        if lead < 0x80:
            out.append(chr(lead))
            at += 1
            continue
        out.append(_cp936_pair(lead, data[at + 1]))
        at += 2
    return "".join(out)


def _cp936_pair(lead: int, trail: int) -> str:
    """One pair of bytes as code page 936 reads it, its user-defined areas as private-use characters.

    >>> _cp936_pair(0xA4, 0xA4), _cp936_pair(0xAA, 0xA1), _cp936_pair(0xF8, 0xA1), _cp936_pair(0xA1, 0x80)
    ('い', '\ue000', '\ue234', '\ue505')
    """
    if 0xAA <= lead <= 0xAF and trail >= 0xA1:
        return chr(0xE000 + (lead - 0xAA) * 94 + trail - 0xA1)
    if 0xF8 <= lead <= 0xFE and trail >= 0xA1:
        return chr(0xE234 + (lead - 0xF8) * 94 + trail - 0xA1)
    if 0xA1 <= lead <= 0xA7 and trail <= 0xA0:
        return chr(0xE4C6 + (lead - 0xA1) * 96 + trail - 0x40 - (trail > 0x7F))
    try:
        return bytes([lead, trail]).decode("gbk")
    except UnicodeDecodeError:
        return bytes([lead, trail]).decode("gb18030")  # a few pairs GBK's table leaves out, which the code page maps to private use too


def gbk_as_utf8(text: str) -> str:
    """口字码: GBK bytes read as UTF-8 with replacement. Unrecoverable: only to detect.

    >>> gbk_as_utf8("显存不够")
    '�Դ治��'
    """
    return text.encode("gb18030").decode("utf-8", "replace")


def gbk_as_utf8_ignoring(text: str) -> str:
    """口字码, silent: GBK bytes read as UTF-8 with the bytes that do not read dropped (``errors="ignore"``, ``iconv -c``).
    Unrecoverable: only to detect.

    >>> gbk_as_utf8_ignoring("显存不够")
    'Դ治'
    """
    return text.encode("gb18030").decode("utf-8", "ignore")


def kunjinkao(text: str) -> str:
    """锟拷码: 口字码 saved as UTF-8 and read as GBK. Unrecoverable: only to detect.

    >>> kunjinkao("显存不够")
    '锟皆存不锟斤拷'
    """
    return gbk_as_utf8(text).encode("utf-8").decode("gbk", "replace")


def uninitialised(characters: int, fill: int = 0xCC) -> str:
    """Uninitialised memory printed as GBK: 0xCC is 烫, 0xCD is 屯.

    >>> uninitialised(3), uninitialised(2, 0xCD)
    ('烫烫烫', '屯屯')
    """
    return bytes([fill] * (2 * characters)).decode("gbk")


def round_trip_through(text: str, codec: str = "cp936") -> bytes:
    """UTF-8 bytes read in a legacy code page with replacement and written back in it (Excel opening a UTF-8 CSV as
    code page 936 and saving it; a script's ``decode("cp950", "replace")`` then ``encode``): every pair the code page
    maps comes back as it was, every byte it could not read is a ``?`` (the thirtieth set of real files).

    >>> round_trip_through("环境。")   # E7 8E AF E5 A2 83 E3 80 82: 8E AF, and E3's 80 82 are no pairs code page 936 maps
    b'\\xe7\\x8e?\\xe5\\xa2\\x83\\xe3??'
    """
    return text.encode("utf-8").decode(codec, "replace").encode(codec, "replace")


def save_as(text: str, codec: str) -> bytes:
    """A whole file saved in a legacy encoding (``gb18030``, ``big5``, ``utf-16``, ``shift_jis``).

    >>> save_as("报错", "gb18030")
    b'\\xb1\\xa8\\xb4\\xed'
    """
    return text.encode(codec)


def mix_utf8_gbk_lines(text: str, rng: random.Random, share: float = 0.5) -> bytes:
    """A file whose lines are part UTF-8, part GBK (lines appended by another editor).

    Only a line GBK can hold is saved as GBK (a GBK editor cannot write ``brûlée``);
    at least one such line with non-ASCII text is GBK when any exists.

    >>> mix_utf8_gbk_lines("报错\\n汇总\\n", random.Random(0), share=1.0)
    b'\\xb1\\xa8\\xb4\\xed\\n\\xbb\\xe3\\xd7\\xdc\\n'
    """
    lines = text.split("\n")
    wide = [i for i, line in enumerate(lines) if not line.isascii() and _fits(line, "gbk")]
    chosen = {i for i in wide if rng.random() < share}
    if wide and not chosen:
        chosen.add(rng.choice(wide))
    return b"\n".join(line.encode("gbk" if i in chosen else "utf-8") for i, line in enumerate(lines))


def _fits(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def lose_continuation_bytes(data: bytes, rate: float, rng: random.Random) -> list[int | None]:
    """Each UTF-8 continuation byte (0x80–0xBF) lost with probability ``rate``: ``None`` where it was.

    >>> lose_continuation_bytes("报".encode(), 1.0, random.Random(0))
    [230, None, None]
    """
    return [None if 0x80 <= b <= 0xBF and rng.random() < rate else b for b in data]


def lost_bytes(text: str, rate: float, rng: random.Random, mark: str = "silent", undefined: str = "keep") -> str:
    """Continuation bytes lost at ``rate``, then the bytes read as Windows-1252.

    ``mark`` is what a lost byte leaves: nothing (``silent``), ``?`` or U+FFFD.
    Every continuation byte may be lost, whatever its value.

    >>> lost_bytes("报错", 1.0, random.Random(0)), lost_bytes("报错", 1.0, random.Random(0), mark="fffd")
    ('æé', 'æ��é��')
    """
    shown = UNDEFINED_AS[undefined]
    kept = lose_continuation_bytes(text.encode("utf-8"), rate, rng)
    return "".join(MARKS[mark] if b is None else _cp1252_char(b, shown) for b in kept)


def utf8_with_lost_bytes(text: str, rate: float, rng: random.Random, mark: str = "fffd") -> str:
    """Continuation bytes lost at ``rate``, then the bytes read as UTF-8: a broken character
    becomes U+FFFD (or ``?``) or vanishes (``silent``). Only detection or a guess can follow.

    >>> utf8_with_lost_bytes("报错", 1.0, random.Random(0)), utf8_with_lost_bytes("报错", 1.0, random.Random(0), "silent")
    ('��', '')
    """
    kept = bytes(b for b in lose_continuation_bytes(text.encode("utf-8"), rate, rng) if b is not None)
    errors = {"fffd": "replace", "question": "dev.damage.question", "silent": "ignore"}[mark]
    return kept.decode("utf-8", errors)


def raw_lost_bytes(text: str, rate: float, rng: random.Random) -> bytes:
    """Continuation bytes lost at ``rate``, and the bytes left as they are: a file nobody
    has read yet, whose reader meets a UTF-8 character short of bytes.

    >>> raw_lost_bytes("报错", 1.0, random.Random(0))
    b'\\xe6\\xe9'
    """
    return bytes(b for b in lose_continuation_bytes(text.encode("utf-8"), rate, rng) if b is not None)


BOM = "\ufeff"


class DamageClass(NamedTuple):
    """One class of damage, as the evaluation applies it to a whole clean text."""

    name: str
    label: str  # as MOJIBAKE.md names it
    apply: Callable[[str, random.Random], str | bytes]  # bytes: a whole file for the decoder
    lossless: bool  # the clean text can be rebuilt exactly from the damage
    script: str = "zh_CN"  # the text it needs: zh_CN, zh_TW (Big5) or ja (Shift-JIS)
    charset: str | None = None  # characters outside it cannot be in such a file
    recoverable: bool = True  # False: only detection is possible

    def fit(self, text: str) -> str:
        """The clean text as a file of this class could hold it (no emoji in a Big5 file).

        >>> CLASSES["file-big5"].fit("顯存 ✓"), CLASSES["cp1252"].fit("显存 ✓")
        ('顯存 ', '显存 ✓')
        """
        return text if self.charset is None else text.encode(self.charset, "ignore").decode(self.charset)


def utf8_as_gbk_then_cp1252(text: str, undefined: str = "keep") -> str:
    """古文码 opened in a Western editor or web page: UTF-8 read as GBK (U+FFFD), saved as UTF-8, then read as
    Windows-1252 (``keep``: C1 controls; ``drop``: the undefined bytes gone, as a web page drops them). Written
    from a real file of this kind (the twentieth set of real files: two layers, the inner one left).

    >>> utf8_as_gbk_then_cp1252("显存")   # 鏄惧瓨
    'é\\x8f„æƒ§ç“¨'
    """
    return utf8_as_cp1252(utf8_as_gbk(text), undefined)


def _text_class(function: Callable[..., str], **options) -> Callable[[str, random.Random], str]:
    return lambda text, rng: function(text, **options)


def utf8_as_cp1252_twice_marked_through_a_web_page(text: str) -> str:
    """符号码 twice by a reader that writes U+FFFD for each byte Windows-1252 leaves undefined (Java's and
    .NET's decoders do), as a web page shows it: the first reading's marks come back as ``ï¿½`` (EF BF BD
    read again), the second's stay U+FFFD; soft hyphens gone, no-break spaces plain. Written from a real
    file of this kind (a Java source's comments, the seventh set of real files).

    >>> utf8_as_cp1252_twice_marked_through_a_web_page("前")   # E5 89 8D
    'Ã¥â€°ï¿½'
    """
    twice = read_cp1252(read_cp1252(text.encode("utf-8"), "replace").encode("utf-8"), "replace")
    return twice.replace("\xad", "").replace("\xa0", " ")


#: Every class, by name. Lossless ones must be undone exactly; the others measured by CER.
CLASSES: dict[str, DamageClass] = {
    c.name: c
    for c in [
        DamageClass("cp1252", "符号码 (cp1252, C1 kept)", _text_class(utf8_as_cp1252), True),
        DamageClass("cp1252-drop", "符号码 (cp1252, undefined dropped)", _text_class(utf8_as_cp1252, undefined="drop"), False),
        DamageClass("cp1252-fffd", "符号码 (cp1252, undefined as U+FFFD)", _text_class(utf8_as_cp1252, undefined="replace"), False),
        DamageClass("cp1252-web", "符号码 through a web page (undefined dropped, no-break space plain, soft hyphen gone)", _text_class(utf8_as_cp1252_through_a_web_page), False),
        DamageClass("latin1", "符号码 (Latin-1)", _text_class(utf8_as_latin1), True),
        DamageClass("latin1-c1-stripped", "符号码 (Latin-1), its C1 controls stripped later (80–9F gone)", _text_class(utf8_as_latin1_c1_stripped), False),
        DamageClass("cp1252-twice", "符号码 twice (C1 kept)", _text_class(utf8_as_cp1252_twice), True),
        DamageClass(
            "cp1252-twice-web", "符号码 twice, through a web page (C1 controls and soft hyphens gone, no-break space plain)", _text_class(utf8_as_cp1252_twice_through_a_web_page), False
        ),
        DamageClass(
            "cp1252-twice-fffd-web",
            "符号码 twice by a reader that marks undefined bytes U+FFFD, through a web page",
            _text_class(utf8_as_cp1252_twice_marked_through_a_web_page),
            False,
        ),
        DamageClass("cp1251", "UTF-8 read as Windows-1251 (a Russian Windows; 0x98 kept)", _text_class(utf8_as_cp1251), True),
        DamageClass("cp1251-web", "UTF-8 read as Windows-1251, through a web page (0x98 and soft hyphen gone, no-break space plain)", _text_class(utf8_as_cp1251_through_a_web_page), False),
        DamageClass("gbk-as-latin1", "拼音码 (GB18030 read as Latin-1)", _text_class(gbk_as_latin1), True),
        DamageClass("gbk-as-cp1254", "拼音码 through Windows-1254 (a detector's guess)", _text_class(gbk_as_cp1254), True),
        DamageClass("utf8-as-gbk", "古文码 (UTF-8 read as GBK, U+FFFD)", _text_class(utf8_as_gbk), False),
        DamageClass("utf8-as-gbk-question", "问句码 (古文码 saved as GBK, ?)", _text_class(utf8_as_gbk, mark="question"), False),
        DamageClass("utf8-as-gbk-greedy", "古文码, newline swallowed", _text_class(utf8_as_gbk, greedy=True), False),
        DamageClass("utf8-as-gbk-dotnet", "问句码 by .NET's GBK reader (greedy, ?, private use)", _text_class(utf8_as_gbk_by_dotnet), False),
        DamageClass(
            "utf8-as-gbk-dotnet-no-pua", "问句码 by .NET's GBK reader, private-use characters lost later", _text_class(utf8_as_gbk_by_dotnet, private_use=False), False
        ),
        DamageClass("utf8-as-gbk-greedy-question", "问句码 of a greedy reader (.NET's: ?, a space or newline swallowed)", _text_class(utf8_as_gbk, mark="question", greedy=True), False),
        DamageClass("utf8-as-gbk-java", "古文码 by Java's GBK decoder (an unmappable pair is one U+FFFD, a byte before ASCII kept)", _text_class(utf8_as_gbk_by_java), False),
        DamageClass("utf8-as-gbk-iconv", "古文码 by glibc's iconv -c (0x80 as €, unmapped dropped)", _text_class(utf8_as_gbk_by_iconv), False),
        DamageClass("utf8-as-gbk-ignore", "古文码, unmapped bytes dropped (errors='ignore', iconv -c)", _text_class(utf8_as_gbk, mark="ignore"), False),
        DamageClass("utf8-as-gb18030", "古文码 (GB18030 decoder)", _text_class(utf8_as_gb18030), False),
        DamageClass("utf8-as-cp936", "古文码 by Windows' code page 936 (€, private use, U+FFFD)", _text_class(utf8_as_cp936), False),
        DamageClass(
            "utf8-as-cp936-no-pua", "古文码 by code page 936, private-use characters lost later", _text_class(utf8_as_cp936, private_use=False), False
        ),
        DamageClass("utf8-as-cp936-zh-tw", "古文码 of Traditional Chinese by code page 936", _text_class(utf8_as_cp936), False, "zh_TW"),
        DamageClass("utf8-as-gbk-twice", "古文码 read as GBK again (U+FFFD both times)", _text_class(utf8_as_gbk_twice), False),
        DamageClass("utf8-as-cp936-twice", "古文码 by code page 936, twice", _text_class(utf8_as_gbk_twice, reader="cp936"), False),
        DamageClass(
            "utf8-as-gbk-dotnet-twice", "问句码 by .NET's GBK reader, twice (private-use characters lost each time)", _text_class(utf8_as_gbk_twice, reader="dotnet"), False
        ),
        DamageClass("utf8-as-gbk-then-cp1252", "古文码 read as Windows-1252 (C1 kept)", _text_class(utf8_as_gbk_then_cp1252), False),
        DamageClass("utf8-as-gbk-then-cp1252-web", "古文码 read as Windows-1252 by a web page (undefined bytes dropped)", _text_class(utf8_as_gbk_then_cp1252, undefined="drop"), False),
        # Windows' editors start UTF-8 files with a byte order mark, which is damaged with the rest (the damaged
        # text saved as UTF-8 again: a whole file, as only a file starts with the mark).
        DamageClass("file-bom-cp1252", "符号码 of a file saved with a BOM", lambda t, rng: utf8_as_cp1252(BOM + t).encode("utf-8"), True),
        DamageClass(
            "file-bom-utf8-as-gbk-iconv", "古文码 by iconv -c of a file saved with a BOM", lambda t, rng: utf8_as_gbk_by_iconv(BOM + t).encode("utf-8"), False
        ),
        DamageClass("utf8-as-big5", "UTF-8 read as Big5", _text_class(utf8_as_big5), False, "zh_TW"),
        DamageClass("utf8-as-big5-browser", "UTF-8 read as Big5 by a web browser (WHATWG)", _text_class(utf8_as_big5_by_a_browser), False, "zh_TW"),
        DamageClass("big5-as-latin1", "Big5 read as Latin-1", _text_class(big5_as_latin1), True, "zh_TW", "big5"),
        DamageClass("big5-as-gbk", "Big5 read as GBK (code page 936: user-defined pairs as private use)", _text_class(big5_as_gbk), True, "zh_TW", "big5"),
        DamageClass("big5-as-gbk-python", "Big5 read as GBK by Python's reader (a mark for a byte it cannot pair)", _text_class(big5_as_gbk_by_python), False, "zh_TW", "big5"),
        DamageClass("gbk-as-iso8859-2", "拼音码 in ISO-8859-2's letters (a Central European tool)", _text_class(legacy_as_code_page), False),
        DamageClass("gbk-as-cp1251", "拼音码 in Windows-1251's letters (a Russian Windows; 0x98 kept)", _text_class(legacy_as_code_page, page="cp1251"), False),
        DamageClass("big5-as-cp1250", "Big5 read as Windows-1250 (a Central European Windows; undefined bytes kept)", _text_class(legacy_as_code_page, legacy="big5", page="cp1250"), False, "zh_TW", "big5"),
        DamageClass("gbk-as-big5", "GBK read as Big5 (Python's reader, a mark for a byte it cannot pair)", _text_class(gbk_as_big5), False, "zh_CN", "gbk"),
        DamageClass("utf8-as-shift-jis", "文字化け (UTF-8 read as Shift-JIS, U+FFFD)", _text_class(utf8_as_shift_jis), False, "ja"),
        DamageClass("utf8-as-euc-kr", "UTF-8 read as Korean (code page 949, U+FFFD)", _text_class(utf8_as_euc_kr), False),
        DamageClass("utf8-as-shift-jis-windows", "文字化け by a Japanese Windows tool (greedy, ・, single bytes lost)", _text_class(utf8_as_cp932_by_windows), False),
        DamageClass("shift-jis-as-cp1252", "文字化け (Shift-JIS read as cp1252, C1 kept)", _text_class(shift_jis_as_cp1252), True, "ja", "shift_jis"),
        DamageClass("file-gb18030", "whole file in GB18030", lambda t, rng: save_as(t, "gb18030"), True),
        DamageClass("file-big5", "whole file in Big5", lambda t, rng: save_as(t, "big5"), True, "zh_TW", "big5"),
        DamageClass("file-utf16", "whole file in UTF-16", lambda t, rng: save_as(t, "utf-16"), True),
        DamageClass("file-shift-jis", "whole file in Shift-JIS", lambda t, rng: save_as(t, "shift_jis"), True, "ja", "shift_jis"),
        DamageClass("file-cp936-round-trip", "a UTF-8 file through code page 936 and back (Excel): ? for bytes it could not read", lambda t, rng: round_trip_through(t), False),
        DamageClass("mixed-utf8-gbk", "lines part UTF-8, part GBK", lambda t, rng: mix_utf8_gbk_lines(t, rng), True),
        DamageClass("gbk-as-utf8", "口字码 (GBK read as UTF-8)", _text_class(gbk_as_utf8), False, recoverable=False),
        DamageClass("gbk-as-utf8-ignore", "口字码, silent (GBK read as UTF-8, bytes that do not read dropped)", _text_class(gbk_as_utf8_ignoring), False, recoverable=False),
        DamageClass("kunjinkao", "锟拷码", _text_class(kunjinkao), False, charset="gbk", recoverable=False),
    ]
}


def mix_classes(
    text: str,
    rng: random.Random,
    title: str = "gbk-as-latin1",
    body: str = "cp1252",
    clean_share: float = 0.3,
) -> str:
    """A real file's mixture: the ``title:`` line in one class, each other line in
    ``body``'s class or (with probability ``clean_share``) left clean.

    Both classes must give text, not bytes (every class whose function is not a file's).

    >>> mix_classes("---\\ntitle: 报错\\n---\\n显存\\n", random.Random(1), clean_share=0.0)
    '---\\ntitle: ±¨´í\\n---\\næ˜¾å\\xad˜\\n'
    """
    title_damage, body_damage = CLASSES[title].apply, CLASSES[body].apply
    out = []
    for line in text.split("\n"):
        if line.startswith("title: "):
            out.append("title: " + title_damage(line[len("title: ") :], rng))
        elif line.isascii() or rng.random() < clean_share:
            out.append(line)
        else:
            out.append(body_damage(line, rng))
    return "\n".join(out)


def character_error_rate(got: str, want: str) -> float:
    """Levenshtein distance / length of ``want`` (rapidfuzz).

    >>> character_error_rate("不返回式", "不返回值")
    0.25
    """
    if not want:
        return float(bool(got))
    return Levenshtein.distance(got, want) / len(want)


def character_errors(got: str, want: str) -> int:
    """Levenshtein distance: characters inserted, deleted or substituted.

    >>> character_errors("汇总", "汇 总")
    1
    """
    return Levenshtein.distance(got, want)


# -- what the tests and the synthetic corpus used before: the seed's history, now built
#    from the functions above (DAMAGE.md: bytes lost, then read as cp1252 with the
#    undefined bytes dropped).


def decode_as_cp1252(data: bytes) -> str:
    """Read bytes as Windows-1252 with the five undefined bytes dropped.

    >>> decode_as_cp1252("详细".encode())
    'è¯¦ç»†'
    """
    return read_cp1252(data, "drop")


def damage(text: str, rate: float, seed: int = 0) -> str:
    """The seed's kind of damage: continuation bytes lost at ``rate`` (silently), the rest read as
    Windows-1252 with the undefined bytes dropped.

    >>> damage("汇总", 0.0)
    'æ±‡æ€»'
    """
    return lost_bytes(text, rate, random.Random(seed), mark="silent", undefined="drop")
