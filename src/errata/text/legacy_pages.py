"""GBK or Big5 read through a single-byte code page other than Western Europe's: 拼音码 in other letters.

A note saved as GBK (Notepad's "ANSI" on a Chinese Windows) and opened by a tool on a Polish, Czech, Russian or
Greek system, or by one that guessed such a code page for it, comes out one letter per byte, as 拼音码 does in
Windows-1252, only in that code page's letters: 常见问题 (B3 A3 BC FB CE CA CC E2) is ``łŁźűÎĘĚâ`` in ISO-8859-2,
``іЈјыОКМв`` in Windows-1251. Every byte is still there: writing each line in that code page again and reading it
as GBK (or Big5) gives the note back. (Windows-1252's own 拼音码, and Windows-1254's, is read run by run with the
rest of the mojibake: :func:`errata.text.mojibake.read_legacy_run`.)

A document is taken for such a reading only where it holds at least :data:`MIN_OWN_LETTERS` letters of the code
page that Windows-1252 has not, and its lines, so read back, read as far likelier text than as they stand
(:func:`errata.text.big5_as_gbk.read_back_lines`, the test the other read-backs use) and as Chinese by themselves
(:data:`MIN_HAN_LOGP`): the model knows no Polish or Russian, so any reading beats their letters, but written as they
should be they read as rare characters in no order. A line that is UTF-8 read in such a code page (which ftfy and the
符号码 reader mend) is left to them. A tool that dropped the bytes it could not map (``iconv -c``) leaves a mark or a
stray ASCII letter where a pair lost one; the rest reads back.

>>> damaged = "## 常见问题\\n出现这种错误，是因为没有权限。\\n".encode("gbk").decode("iso8859_2")
>>> damaged.splitlines()[0]
'## łŁźűÎĘĚâ'
>>> read_in_code_page(damaged)
('## 常见问题\\n出现这种错误，是因为没有权限。\\n', 'gbk-as-iso8859-2')
>>> read_in_code_page("## Zażółć gęślą jaźń\\nPříliš žluťoučký kůň úpěl ďábelské ódy.\\n") is None
True
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from itertools import islice

from .big5_as_gbk import read_back_lines
from .bytemap import CHAR_TO_BYTE, run_to_bytes
from .codepages import char_to_byte, own_character
from .langmodel import LanguageModel, load_model
from .plausibility import text_logp, written_as_a_word

#: The code pages a legacy note is read through here, each as its class names it: Central European (Windows, ISO),
#: Cyrillic (Windows, ISO, KOI8-R, DOS), Greek, Baltic, the DOS Latin pages and the old Macintosh's.
CODE_PAGES = {
    "cp1250": "cp1250", "iso8859_2": "iso8859-2", "cp1251": "cp1251", "iso8859_5": "iso8859-5", "koi8_r": "koi8-r",
    "cp866": "cp866", "cp1253": "cp1253", "iso8859_7": "iso8859-7", "cp1257": "cp1257", "cp437": "cp437",
    "cp850": "cp850", "mac_roman": "mac-roman",
}
#: The legacy encodings the bytes may have been, each with the class's first word.
LEGACY = (("gbk", "gbk"), ("cp950", "big5"))
#: How many of a code page's letters that Windows-1252's reading never shows a document needs before its lines are
#: asked (a quick look before the lines are read; the language model decides).
MIN_OWN_LETTERS = 2
#: The pages whose characters beyond Windows-1252's are mostly signs a clean note writes too (Mac Roman's ``≥ √ ∞ π``, DOS's
#: box drawing and ``≤ ≈``), and how many of them a document needs: two ``≥`` in a Chinese note sent every repair of it
#: through the readings (a twentieth of the lossless classes' time).
_SIGNS_MOSTLY = frozenset({"mac_roman", "cp437", "cp850"})
MIN_OWN_SIGNS = 6


@lru_cache(maxsize=None)
def _any_own_letter() -> re.Pattern[str]:
    """A letter of any of :data:`CODE_PAGES` that Windows-1252's reading never shows."""
    own = sorted({ch for codec in CODE_PAGES for ch in char_to_byte(codec) if ch not in CHAR_TO_BYTE})
    return re.compile("[" + re.escape("".join(own)) + "]")  # one class, not an alternation of twelve: a pass a text


def read_in_code_page(text: str, model: LanguageModel | None = None) -> tuple[str, str] | None:
    """The text of a document that is GBK or Big5 read through one of :data:`CODE_PAGES` (see the module) and its
    class (``gbk-as-cp1251``), or None where it is no such document."""
    pages = list(_pages_shown(text))
    if not pages or _utf8_read_in_letters(text):
        return None  # no code page's letters; or 符号码 in Cyrillic or Central European ones (``дЅїз”Ё``): its readers'
    model = model or load_model()
    lines = text.split("\n")

    @lru_cache(maxsize=None)
    def utf8(k: int) -> bool:  # asked only of the lines that read in some code page
        return _utf8_in_a_code_page(lines[k])

    found = None
    for codec in pages:
        name = CODE_PAGES[codec]
        written = [_bytes_in(line, codec) for line in lines]
        for legacy, kind in LEGACY:
            # The model knows no Polish or Russian: any Chinese reading of them is likelier than letters it never saw.
            # So each reading must read as Chinese by itself too, and the document's as Chinese for sure.
            readings = [
                reading
                if (reading := _read_as(data, legacy)) is None
                or _chinese_logp(reading, model)[0] >= LINE_HAN_LOGP and not utf8(k)
                else None
                for k, data in enumerate(written)
            ]
            read = read_back_lines(lines, readings, model, han_alone=False)
            read_lines = read.split("\n") if read is not None else []
            if (
                read is not None
                and _reads_as_chinese(lines, read_lines, model)
                and not _a_few_words_of_the_page(lines, read_lines, written, codec, utf8)
                and not _words_as_written(lines, read_lines, codec)
            ):
                # The likeliest reading, where two read back: Windows-1250 and ISO-8859-2 share most letters.
                score = text_logp(read, model)[0]
                if found is None or score > found[0]:
                    found = (score, read, f"{kind}-as-{name}")
    return None if found is None else (found[1], found[2])


#: The mean log-probability per symbol of a reading's runs of Chinese that a document's readings must reach, and how many
#: symbols they must hold. Dev split, each Sphinx message alone through five code pages (GBK and Big5, 3,865 readings)
#: against every reading of every message in 36 other languages (10,722): from three symbols the Chinese score -9.5 or
#: more, the others -9.9 or less (-11.5 or less from six); two symbols overlap (目录 -9.2, a Polish word -7.2), and one
#: tells nothing. Whole notes read back score -4.8 to -6.1 (the twenty-eighth set of real files among them).
MIN_HAN_LOGP = -9.6
MIN_HAN = 3
#: The bar for one line's reading, lower: a short line's few characters score less surely.
LINE_HAN_LOGP = -12.0
#: A reading may hold one mark (a byte the tool dropped) for so many Chinese characters and signs, no more.
MARKS_PER_CHARACTER = 8
#: Chinese characters and the punctuation Chinese writes.
_CHINESE_RUN = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]+")


def _chinese_logp(text: str, model: LanguageModel) -> tuple[float, int]:
    """The mean log-probability per symbol of the text's runs of Chinese, and how many symbols they hold (0.0 and 0
    for none).

    >>> model = load_model()
    >>> _chinese_logp("是因为没有权限。ok", model)[0] > -9 > _chinese_logp("鹋遗团挝倥呐遗紫", model)[0]
    True
    """
    total = count = 0
    for run in _CHINESE_RUN.findall(text):
        logp, symbols = text_logp(run, model)
        total, count = total + logp, count + symbols
    return (total / count if count else 0.0), count


#: What share of the code page's letters the lines that could have been read and were not (no mark of a lost byte in
#: them, no UTF-8) may hold, at most: more, and the reading is a few words of that language, the rest of the page in
#: it as written (a Russian page's ``ЗАПИСЬ`` as 抢先衍, a Bulgarian one's ``ФОРМАТ`` as 木兰奥; red team 40: ``ЛОКАЛЬ``
#: twice in a quoted ``initdb --help``, 6 characters, 12 of its 904 letters). A tool reads a whole file: a real note
#: read so is read back on nearly every line that holds its letters.
LEFT_SHARE = 0.75


def _a_few_words_of_the_page(lines: list[str], read: list[str], written: list, codec: str, utf8) -> bool:
    """Whether a reading is a few words of a page's language (:data:`LEFT_SHARE`; red teams 39 and 40)."""
    own = own_character(codec)
    left = changed = 0
    for k, (before, after) in enumerate(zip(lines, read)):
        letters = len(own.findall(before))
        if after != before:
            changed += letters
        elif letters and written[k] is not None and "\ufffd" not in before and not utf8(k):
            left += letters
    return left >= LEFT_SHARE * (left + changed)


#: How many letters in words such a rule needs (:func:`_words_as_written`), and how long a word of a language is: half
#: the letters must stand in words so long.
MIN_WORD_LETTERS = 6
LONG_WORD = 4
@lru_cache(maxsize=None)
def _both_cases(codec: str) -> bool:
    """Whether the letters a code page reads GBK's and Big5's bytes (A1–FE) as are of both cases, three in ten of them at
    least of each: a reading's words then mix them (red team 41: cp866's are nine in ten lower case, cp437's mostly signs).

    >>> _both_cases("cp1251"), _both_cases("koi8_r"), _both_cases("cp866"), _both_cases("cp437")
    (True, True, False, False)
    """
    letters = [ch for ch in (bytes([b]).decode(codec, "ignore") for b in range(0xA1, 0xFF)) if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return 0.3 <= upper / len(letters) <= 0.7


#: A run of letters (any script's).
_WORD = re.compile(r"[^\W\d_]+")


def _words_as_written(lines: list[str], read: list[str], codec: str) -> bool:
    """Whether every word of two letters or more that a reading read the code page's letters of is written as a
    language writes its words: in lower case, in capitals, or a capital then lower case (red team 40: ``немесе`` three
    times in a Kazakh list, ``ΑΡΧΕΙΟ-ΕΙΣΟΔΟΥ``, ``ФОРМ_ВРЕМЕНИ``). A reading's letters are a byte's each, Chinese
    characters' lead and trail bytes, which fall in both cases and among the page's signs: ``显存不够`` through Windows-1251
    is ``ПФґжІ»№»``. Dev split: whole notes read so have at most 88% of their letters in such words, and of 1,000
    single lines of 3 to 14 characters through seven code pages, 19 read so throughout (a short note is not read).

    >>> _words_as_written(["dav:// немесе davs://"], ["dav:// 闻团优 davs://"], "koi8_r")
    True
    >>> _words_as_written(["ПФґжІ»№»Ј¬ЗлјхРЎЕъґуРЎ"], ["显存不够，请减小批大小"], "cp1251")
    False
    """
    if not _both_cases(codec):
        return False  # DOS's cp866 reads GBK's bytes as lower-case letters alone (and box drawing): case tells nothing there
    own = own_character(codec)
    words = [word for before, after in zip(lines, read) if after != before for word in _WORD.findall(before) if len(word) > 1 and own.search(word)]
    letters = sum(map(len, words))
    # Letters enough to tell (a Big5 note in Mac Roman's signs reads as one pair of letters, ``AΩ``), and in words of a
    # language's length: DOS's cp866 puts all GBK's letters in lower case, between its box drawing (red team 41:
    # ``╡─╒╫`` and two letters a word), where a word of the language is long (``немесе``, ``ΑΡΧΕΙΟ``).
    long_words = sum(len(word) for word in words if len(word) >= LONG_WORD)
    return (
        letters >= MIN_WORD_LETTERS
        and long_words * 2 >= letters
        and all(written_as_a_word(word) for word in words)
    )


#: The mean length of a reading's runs of Chinese, at least: a Latin-script word read in pairs (``Država``, ``Dr靠va``)
#: gives one character between its ASCII letters; a note's runs are phrases (real notes read back: 2 or more).
MIN_MEAN_RUN = 2.0
#: At most one in so many of a reading's Chinese characters may stand inside a Latin word (an ASCII letter either side):
#: a Polish or Croatian word read in pairs (``u縴wanych``, ``program體``); real notes read back: one in twenty.
IN_WORD_SHARE = 0.25
_HAN_IN_WORD = re.compile("(?<=[A-Za-z])[\u4e00-\u9fff](?=[A-Za-z])")


def _reads_as_chinese(lines: list[str], read: list[str], model: LanguageModel) -> bool:
    """Whether the lines a document read back read as Chinese for sure (:data:`MIN_HAN_LOGP`, :data:`MIN_HAN`), in
    phrases, not characters one by one inside Latin words (:data:`MIN_MEAN_RUN`, :data:`IN_WORD_SHARE`; red team 39:
    39 of 18,392 catalogue pages in 22 languages were "read back", ``Država`` as ``Dr靠va``).

    >>> model = load_model()
    >>> _reads_as_chinese(["Dr\u017eava i Dr\u017eava"], ["Dr靠va i Dr靠va"], model)
    False
    """
    changed = "\n".join(after for before, after in zip(lines, read) if after != before)
    logp, count = _chinese_logp(changed, model)
    if count < MIN_HAN or logp < MIN_HAN_LOGP:
        return False
    runs = _CHINESE_RUN.findall(changed)
    han = sum(1 for ch in changed if "\u4e00" <= ch <= "\u9fff")
    return sum(map(len, runs)) >= MIN_MEAN_RUN * len(runs) and len(_HAN_IN_WORD.findall(changed)) <= IN_WORD_SHARE * han


def chinese_characters(text: str) -> int:
    """How many Chinese characters and signs a text holds.

    >>> chinese_characters("安裝 OK，完成")
    5
    """
    return sum(len(run) for run in _CHINESE_RUN.findall(text))


def utf8_lines_undone(text: str) -> str:
    """The text with each line that is UTF-8 read as Windows-1252 (or Latin-1) as a whole read as UTF-8 again: what lies
    under 符号码, where that is not Chinese (a note in a code page's letters, saved as UTF-8 and read once more).

    >>> utf8_lines_undone("âˆ«\\nplain\\ncafé")
    '∫\\nplain\\ncafé'
    """
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if not line.isascii():
            try:
                lines[k] = run_to_bytes(line).decode("utf-8")
            except (UnicodeError, ValueError):
                continue
    return "\n".join(lines)


#: How many of a document's lines beyond ASCII :func:`_utf8_read_in_letters` looks at.
_SAMPLED_LINES = 8


def _utf8_read_in_letters(text: str) -> bool:
    """Whether a document's first lines beyond ASCII (:data:`_SAMPLED_LINES`) are each UTF-8 read in a code page: then
    it is 符号码, and no line of it is asked for another reading (a quick look; each line is asked again where read).

    >>> _utf8_read_in_letters("## дЅїз”Ё\\nok\\nжµЃзЁ‹"), _utf8_read_in_letters("## łŁźűÎĘĚâ")
    (True, False)
    """
    sample = list(islice((line for line in text.split("\n") if not line.isascii()), _SAMPLED_LINES))
    return bool(sample) and all(_utf8_in_a_code_page(line) for line in sample)


def _utf8_in_a_code_page(line: str) -> bool:
    """Whether the line is UTF-8 read in one of the code pages (or Windows-1252): 符号码, which its readers and ftfy
    mend. Turkish ``yapÄ±landÄ±rma`` read by a Central European tool is ``yapılandırma``, not GBK read in Baltic letters.

    >>> _utf8_in_a_code_page("yapÄ±landÄ±rma"), _utf8_in_a_code_page("łŁźűÎĘĚâ")
    (True, False)
    """
    for codec in ("cp1252", *CODE_PAGES):
        data = _bytes_in(line, codec)
        if data is not None:
            try:
                data.decode("utf-8")
                return True
            except UnicodeDecodeError:
                continue
    return False


def shows_letters(text: str) -> bool:
    """Whether the text shows a code page's letters that Windows-1252's reading never does (a quick look).

    >>> shows_letters("## łŁźűÎĘĚâ"), shows_letters("## 常见问题 café")
    (True, False)
    """
    return any(True for _ in _pages_shown(text))


def _pages_shown(text: str):
    """The code pages of which the text shows :data:`MIN_OWN_LETTERS` letters or more."""
    # One look for any of them first: most texts show none, and each page's own look is a pass over the text.
    if text.isascii() or sum(1 for _ in islice(_any_own_letter().finditer(text), MIN_OWN_LETTERS)) < MIN_OWN_LETTERS:
        return
    for codec in CODE_PAGES:
        least = MIN_OWN_SIGNS if codec in _SIGNS_MOSTLY else MIN_OWN_LETTERS
        if sum(1 for _ in islice(own_character(codec).finditer(text), least)) >= least:
            yield codec


def _bytes_in(line: str, codec: str) -> bytes | None:
    """The line written in the code page again, or None where it holds a character the code page has not.

    >>> _bytes_in("łŁ ok", "iso8859_2"), _bytes_in("常见", "iso8859_2")
    (b'\\xb3\\xa3 ok', None)
    """
    if line.isascii():
        return None
    table = char_to_byte(codec)
    data = bytearray()
    for ch in line:
        if ch < "\x80":
            data.append(ord(ch))
        elif (byte := table.get(ch)) is not None:
            data.append(byte)
        elif ch == "\ufffd":  # a byte the page leaves undefined, marked by the reader (Java's, Python's "replace")
            data.append(_LOST)
        else:
            return None
    return bytes(data)


#: The byte :func:`_bytes_in` writes for a reader's mark (U+FFFD): FF, in no pair of GBK's or Big5's.
_LOST = 0xFF


def _read_around_marks(data: bytes, codec: str) -> str:
    """The bytes read as ``codec`` where each :data:`_LOST` byte is one the reader marked: the second of a pair whose
    first byte waits before it, or else the first of a pair, whose second byte follows it (every byte beyond ASCII in
    GBK or Big5 is one of a pair). Each lost pair is one mark; the rest stays in step.

    >>> data = "这是一个问题".encode("gbk").replace(b"\\xd2", bytes([_LOST]))
    >>> _read_around_marks(data, "gb18030")
    '这是\\ufffd个问题'
    >>> _read_around_marks("也要检查".encode("gbk").replace(b"\\xd2", bytes([_LOST])).replace(b"\\xaa", bytes([_LOST])), "gb18030")
    '\\ufffd\\ufffd检查'
    """
    out, waiting, lead_lost = [], False, False
    for k, piece in enumerate(data.split(bytes([_LOST]))):
        if k and lead_lost:
            lead_lost = False  # the mark before was a pair's first byte and nothing came between: this is its second
        elif k:
            out.append("\ufffd")
            lead_lost = not waiting  # no first byte waiting for its second: the lost byte was a first one
        if lead_lost and piece:
            piece, lead_lost = piece[1:], False  # the lost first byte's second
        decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        out.append(decoder.decode(piece, final=False))
        waiting = bool(decoder.getstate()[0])
    if waiting:
        out.append("\ufffd")  # a first byte at the end without its second
    return "".join(out)


#: A UTF-8 character beyond ASCII. GBK's bytes make one by chance (a lead byte C2–DF before a second byte below C0):
#: half of a GBK line's bytes stand in one, nine in ten of a UTF-8 line's that lost a byte here and there.
UTF8_SHARE = 0.8
_UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _read_as(data: bytes | None, legacy: str) -> str | None:
    """The bytes read as ``legacy``, or None where they are no such text (or are UTF-8, which they read as at once).

    >>> _read_as("常见".encode("gbk"), "gbk"), _read_as("常见".encode("utf-8"), "gbk")
    ('常见', None)
    """
    if data is None:
        return None
    try:
        data.decode("utf-8")
        return None  # UTF-8 read in a single-byte code page: 符号码's readers (and ftfy's) mend it
    except UnicodeDecodeError:
        pass
    if sum(len(found) for found in _UTF8_CHARACTER.findall(data)) > UTF8_SHARE * sum(1 for b in data if b >= 0x80):
        return None  # UTF-8 short of a byte here and there: 符号码 with lost bytes, not this
    # GB18030: GBK, and its four-byte characters (ï). A byte the tool could not map and dropped (``iconv -c``) leaves
    # its pair's other byte a mark, or an ASCII letter where that was one (Big5's ``，`` is A1 41: ``A``).
    codec = "gb18030" if legacy == "gbk" else legacy
    reading = _read_around_marks(data, codec) if _LOST in data else data.decode(codec, errors="replace")
    if reading.count("\ufffd") * MARKS_PER_CHARACTER > chinese_characters(reading):
        return None  # bytes in no order: a word of another language (``Садржај`` read as GBK is 列脏中 and a mark)
    return reading

