"""Chinese written as HTML character references (``&#20013;&#25991;`` for 中文) or as escapes (``\\u4e2d\\u6587``).

A browser sends a form from a page in a legacy encoding (Windows-1252, Latin-1) with every character that encoding
lacks as a numeric character reference, and the server saves what it got: a note pasted into such a form comes back
with all of its Chinese as ``&#NNNNN;``. MkDocs shows a reference in prose, but not in code, a title or the search
index, and the check cannot read it. Where a text writes most of its Chinese (Japanese, Korean) that way, the
references to characters beyond Latin-1 are written as the characters; a note that explains references keeps its
own, its Chinese being written as characters.

A program that wrote its text through Python 2's ``unicode_escape`` (or as JSON or Java strings) left the same: every
character beyond ASCII as ``\\uXXXX``. Those are written back by the same rule (:func:`characters_for_escapes`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right

from ..markdown_lines import code_lines, mask_code_spans

#: A numeric character reference, decimal or hexadecimal.
_REFERENCE = re.compile(r"&#(?:([0-9]{1,7})|[xX]([0-9A-Fa-f]{1,6}));")
#: The writing a Chinese note's text is in, where it is not Latin: CJK, kana, hangul and their punctuation.
_EAST_ASIAN = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")
#: Fewer than this many references to such characters is a note quoting a few, not a text sent by a form.
_LEAST_REFERENCES = 3
#: Categories a reference stays a reference for: controls, format characters (text direction), surrogates, private
#: use, unassigned, line and paragraph separators; written as characters, they would change what the text does.
_KEPT_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def characters_for_references(text: str) -> tuple[str, list[int]]:
    """``text`` with each numeric reference to a character beyond Latin-1 written as the character, where the text
    writes most of its East Asian characters as references (three at least); the (1-based) lines that changed.

    >>> characters_for_references("# Bug&#19982;&#36755;&#20837;\\n&emsp;&emsp; bug&#25351;&#31243;&#24207; &#x4E2D;&#60;b&#62;")
    ('# Bug与输入\\n&emsp;&emsp; bug指程序 中&#60;b&#62;', [1, 2])

    Named references and those to ASCII or Latin-1 (``&#60;``: Markdown would read a tag) stay; so does a note that
    writes its Chinese as characters and quotes references to explain them:

    >>> characters_for_references("中文写成 `&#20013;&#25991;&#23383;`，浏览器显示为中文字。")[1]
    []

    What counts is the text outside code: a note whose words write no references, and quotes them in code (a page
    that showed ``&#20013;&#25991;`` instead of 中文, in a block), keeps its code as written; a text a form sent has its
    words as references too, and its code with them (red team round 33):

    >>> characters_for_references("The page showed:\\n\\n```\\n&#20013;&#25991;&#23383;\\n```\\n")[1]
    []
    """
    if "&#" not in text:
        return text, []
    return _written_as_characters(text, _REFERENCE, _character)


#: An escape of a character as Python, JSON and Java write one: ``\\u4e2d``, a surrogate pair ``\\ud83d\\ude00``, ``\\U0001f600``.
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})(?:\\u([dD][c-fC-F][0-9A-Fa-f]{2}))?|\\U([0-9A-Fa-f]{8})")


def characters_for_escapes(text: str) -> tuple[str, list[int]]:
    """``text`` with each ``\\uXXXX`` escape of a character beyond Latin-1 written as the character, where the text writes
    most of its East Asian characters so (three at least, outside code), as Python 2's ``unicode_escape`` left a note
    (the twenty-fifth set of real files); the (1-based) lines that changed.

    >>> characters_for_escapes("\\\\u95ee\\\\u9898\\\\uff1a\\n404 not found\\\\uff1a\\\\u627e\\\\u4e0d\\\\u5230index.html \\\\ud83d\\\\ude00")
    ('问题：\\n404 not found：找不到index.html 😀', [1, 2])

    A note that writes its Chinese as characters and quotes escapes (a pattern for Chinese characters) keeps them:

    >>> characters_for_escapes("匹配中文的正则是 [\\\\u4e00-\\\\u9fa5]，也可以写成 \\\\u4e2d\\\\u6587\\\\u5b57。")[1]
    []
    """
    if "\\u" not in text and "\\U" not in text:
        return text, []
    return _written_as_characters(text, _ESCAPE, _escaped_character, _json_lines(text))


def _json_lines(text: str) -> set[int]:
    """The (0-based) lines that are JSON data (an object or an array, a response a note quotes outside a code block):
    escapes are how JSON writes its strings, a quote of data and no damage (red team 36: a note that showed an API's
    escaped answer had it rewritten, and every escape in its code blocks with it).

    >>> sorted(_json_lines('答：\\n{"msg":"\\\\u6210\\\\u529f"}\\n[1, "\\\\u4e2d"]\\n{not json \\\\u4e2d}'))
    [1, 2]
    """
    found = set()
    for n, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if "\\u" in stripped and stripped[:1] in "{[" and stripped[-1:] in "}]":
            try:
                json.loads(stripped)
            except (ValueError, RecursionError):
                continue
            found.add(n)
    return found


def _written_as_characters(text: str, written_as: re.Pattern[str], character_of, data_lines: set[int] = frozenset()) -> tuple[str, list[int]]:
    """``text`` with each match of ``written_as`` (a reference, an escape) written as the character it names
    (``character_of``), where the text outside code writes most of its East Asian characters so; the lines changed.
    Those naming ASCII or Latin-1 (a tag's ``<``), controls, format characters and the like stay as they are, and so
    do those on ``data_lines`` (0-based: quoted data, neither counted nor written)."""
    if data_lines:
        text_lines = text.split("\n")
        words = _outside_code("\n".join("" if n in data_lines else line for n, line in enumerate(text_lines)))
    else:
        words = _outside_code(text)
    found = [match for match in written_as.finditer(words) if _EAST_ASIAN.match(character_of(match))]
    if len(found) < _LEAST_REFERENCES or len(found) <= len(_EAST_ASIAN.findall(words)):
        return text, []
    lines: set[int] = set()
    line_ends = [at for at, character in enumerate(text) if character == "\n"]

    def written(match: re.Match[str]) -> str:
        character = character_of(match)
        line = bisect_right(line_ends, match.start())
        if ord(character) <= 0xFF or unicodedata.category(character) in _KEPT_CATEGORIES or line in data_lines:
            return match.group(0)
        lines.add(line + 1)
        return character

    return written_as.sub(written, text), sorted(lines)


def _escaped_character(match: re.Match[str]) -> str:
    """The character an escape names (a surrogate pair as one character); U+0000 for a number that names none."""
    if match.group(3):
        number = int(match.group(3), 16)
        return chr(number) if 0 < number <= 0x10FFFF else "\0"
    high = int(match.group(1), 16)
    if match.group(2) and 0xD800 <= high <= 0xDBFF:
        return chr(0x10000 + ((high - 0xD800) << 10) + (int(match.group(2), 16) - 0xDC00))
    return chr(high) if not match.group(2) else "\0"  # a low surrogate after no high one: no character, kept


def _outside_code(text: str) -> str:
    """``text`` without its code: indented and fenced blocks' lines left out, code spans blanked (:func:`mask_code_spans`).

    >>> _outside_code("a `&#20013;` b\\n```\\n&#25991;\\n```\\n\\n    &#23383;\\nc").split("\\n")
    ['a            b', '', 'c']
    """
    return "\n".join(mask_code_spans(line) for line, code in zip(text.split("\n"), code_lines(text)) if not code)


def _character(match: re.Match[str]) -> str:
    """The character a reference names; U+0000 for a number that names none (the reference then stays)."""
    number = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
    return chr(number) if 0 < number <= 0x10FFFF else "\0"
