"""Chinese written as HTML character references: ``&#20013;&#25991;`` for 中文.

A browser sends a form from a page in a legacy encoding (Windows-1252, Latin-1) with every character that encoding
lacks as a numeric character reference, and the server saves what it got: a note pasted into such a form comes back
with all of its Chinese as ``&#NNNNN;``. MkDocs shows a reference in prose, but not in code, a title or the search
index, and the check cannot read it. Where a text writes most of its Chinese (Japanese, Korean) that way, the
references to characters beyond Latin-1 are written as the characters; a note that explains references keeps its
own, its Chinese being written as characters.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from ..markdown_lines import code_lines, code_span_bounds

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
    words = _outside_code(text)
    references = [match for match in _REFERENCE.finditer(words) if _EAST_ASIAN.match(_character(match))]
    if len(references) < _LEAST_REFERENCES or len(references) <= len(_EAST_ASIAN.findall(words)):
        return text, []
    lines: set[int] = set()
    line_ends = [at for at, character in enumerate(text) if character == "\n"]

    def written(match: re.Match[str]) -> str:
        character = _character(match)
        if ord(character) <= 0xFF or unicodedata.category(character) in _KEPT_CATEGORIES:
            return match.group(0)
        lines.add(bisect_right(line_ends, match.start()) + 1)
        return character

    return _REFERENCE.sub(written, text), sorted(lines)


def _outside_code(text: str) -> str:
    """``text`` without its code: indented and fenced blocks' lines, and code spans, left out.

    >>> _outside_code("a `&#20013;` b\\n```\\n&#25991;\\n```\\n\\n    &#23383;\\nc")
    'a  b\\n\\nc'
    """
    out = []
    for line, code in zip(text.split("\n"), code_lines(text)):
        if code:
            continue
        start = 0
        for opening, _inner, _inner_end, closing in code_span_bounds(line) if "`" in line else ():
            out.append(line[start:opening])
            start = closing
        out.append(line[start:] + "\n")
    return "".join(out)[:-1]


def _character(match: re.Match[str]) -> str:
    """The character a reference names; U+0000 for a number that names none (the reference then stays)."""
    number = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
    return chr(number) if 0 < number <= 0x10FFFF else "\0"
