"""Fingerprints of errors: what stays the same when the numbers, shapes and paths change.

A reader pastes ``RuntimeError: ... [torch.cuda.FloatTensor [4, 256, 50, 50]],
which is output 0 of ReluBackward0, is at version 3`` and an essay wrote
``... [2, 2048, 25, 25]] ... ReluBackward1, is at version 2``: both have the
same fingerprint. As in Sentry's grouping, the variable parts are replaced by
placeholders, in an order that keeps the larger patterns whole (a path before
the numbers in it).

The patterns live in ``errata/data/fingerprint_rules.json``, which the site
also publishes inside ``errors.json``: the lookup page's JavaScript compiles
the very same patterns, so the two fingerprints cannot drift apart, and
``tests/fixtures/fingerprint_vectors.json`` holds cases both must agree on.
"""

from __future__ import annotations

import json
import re
import unicodedata
from importlib.resources import files

#: The patterns, shared with the page's JavaScript (see the module docstring).
RULES = json.loads(files("errata").joinpath("data/fingerprint_rules.json").read_text(encoding="utf-8"))
_FLAGS = re.ASCII | re.MULTILINE
_PASTE = RULES["paste"]
#: At most this many characters of a paste are fingerprinted: the end, where the exception line is.
MAX_PASTE_CHARS = _PASTE["max_chars"]
_UNICODE_FORM = _PASTE["unicode_form"]
_INVISIBLE = re.compile(_PASTE["invisible"])
_TERMINAL_CODES = re.compile(_PASTE["terminal_codes"])
_LINE_BREAK = re.compile(_PASTE["line_break"])
_BLANK = re.compile(_PASTE["blank"], _FLAGS)
_LINE_END_BLANK = re.compile(_PASTE["line_end_blank"], _FLAGS)
#: The exception line of a Python traceback: a (qualified) exception type, then the message.
#: Last match wins, so a chained traceback yields the exception the reader saw last.
EXCEPTION_LINE = re.compile(RULES["exception_line"], _FLAGS)
#: Tool errors without a Python type: ``ERROR: Could not find ...`` (pip), ``fatal: ...`` (git).
TOOL_ERROR_LINE = re.compile(RULES["tool_error_line"], _FLAGS)
#: A log's line that says it is an error by its level (``[2017-01-04T11:44:15][ERROR][logstash.pipeline] …``,
#: ``2021-03-02 10:00:01 ERROR [main] …``), read with ``search`` in one line.
LOGGED_ERROR_LINE = re.compile(RULES["logged_error_line"])
#: The cause a tool states under its error line: Gradle's ``> Manifest merger failed …``.
TOOL_CAUSE_LINE = re.compile(RULES["tool_cause_line"], _FLAGS)
#: An exception inside a line (``I get `KeyError: 'bbox'` when...``), read when no line starts with one.
INLINE_EXCEPTION_LINE = re.compile(RULES["inline_exception_line"], _FLAGS)
#: (pattern, placeholder), applied in this order: larger patterns first.
PLACEHOLDERS = tuple((re.compile(pattern, _FLAGS), placeholder) for pattern, placeholder in RULES["placeholders"])
IDENTITY_TOKEN = re.compile(RULES["identity_token"], _FLAGS)
QUOTED_TOKEN = re.compile(RULES["quoted_token"], _FLAGS)
#: A shared library's name as a feature: its ``lib…`` token and ``so``, ``dll``, ``dylib`` or a version (``libgl so``).
LIBRARY_NAME = re.compile(RULES["library_name"], _FLAGS)
#: A quoted token that is nothing but a placeholder (``'<path>'``): it names no particular thing.
PLACEHOLDER_NAME = re.compile(RULES["placeholder_name"], _FLAGS)
STOPWORDS = frozenset(RULES["stopwords"])
#: (short type, start of the message, the type Python 3 prints): see :func:`python3_type`.
PYTHON3_TYPES = tuple((re.compile(kind, _FLAGS), re.compile(start, _FLAGS), modern) for kind, start, modern in RULES["python3_types"]["rules"])
#: A fingerprint that starts with an exception type (``KeyError: ...``).
TYPE_PREFIX = re.compile(RULES["type_prefix"], _FLAGS)
_SPACE = re.compile(RULES["space"], _FLAGS)
#: (a Chinese locale's wording, the C locale's): see the rules file.
_LOCALISED = tuple((wording, english) for wording, english in RULES["localised"]["pairs"])
_CODES = [(re.compile(rule["pattern"], _FLAGS), rule["prefix"], rule["suffix"]) for rule in RULES["codes"]["rules"]]  # \b as JavaScript reads it
_DIGITS_AS_LETTERS = str.maketrans("0123456789", RULES["codes"]["digits_as"])
#: What is taken off a message's ends: whitespace as Python's ``str.strip`` knows it, spelt out so that
#: the page's JavaScript (whose ``trim()`` differs) takes off the same.
_TRIM = RULES["trim"]
_TOKEN = re.compile(RULES["token"], _FLAGS)
_LIBRARY = re.compile(RULES["library"], _FLAGS)


def strip_terminal_codes(text: str) -> str:
    r"""A paste without the escape codes a terminal colours its output with.

    >>> strip_terminal_codes("\x1b[1;31mKeyError\x1b[0m: 'y'")
    "KeyError: 'y'"
    """
    return _TERMINAL_CODES.sub("", text)


def trimmed(text: str) -> str:
    """The text without whitespace at its ends, the same in Python and on the page.

    >>> trimmed("\\ufeff[Errno 2] x\\u3000 "), trimmed("\\x1c x")
    ('\\ufeff[Errno 2] x', 'x')
    """
    return text.strip(_TRIM)


def normalise_paste(text: str) -> str:
    r"""A pasted text as it is fingerprinted: full-width forms as ASCII, no invisible characters nor terminal colours,
    plain line breaks, single spaces, its last lines only.

    The exception line of a traceback is at its end, so a paste longer than
    ``MAX_PASTE_CHARS`` keeps its tail, from the first whole line in it. The
    cap and the collapsed spaces bound the work of every pattern after this.

    >>> normalise_paste("Traceback:\r\n  File 'a.py',\t\tline 1   \r\nKeyError:    'x'")
    "Traceback:\n File 'a.py', line 1\nKeyError: 'x'"
    >>> normalise_paste("x" * 20000 + "\nKeyError: 'y'"), normalise_paste("\x1b[1;31mKeyError\x1b[0m: 'y'")
    ("KeyError: 'y'", "KeyError: 'y'")
    >>> normalise_paste("ValueError\uff1a too many values to unpack \uff08expected \uff12\uff09")  # a Chinese input method's
    'ValueError: too many values to unpack (expected 2)'
    >>> normalise_paste("OSError: \u202aC:\\data\\a.json\u202c: No such file\u200b")  # a path copied from Windows' file properties
    'OSError: C:\\data\\a.json: No such file'
    """
    text = _INVISIBLE.sub("", unicodedata.normalize(_UNICODE_FORM, text))
    text = _LINE_BREAK.sub("\n", strip_terminal_codes(text))
    text = _LINE_END_BLANK.sub("", _BLANK.sub(" ", text))
    if len(text) > MAX_PASTE_CHARS:
        text = text[-MAX_PASTE_CHARS:]
        first_break = text.find("\n")
        if 0 <= first_break < len(text) - 1:
            text = text[first_break + 1 :]  # a partial line says nothing
    return text


def exception_line(text: str) -> tuple[str | None, str]:
    """The type and message of the error a text shows: the last exception line, else the last tool's error line,
    else the last exception inside a line, else the text.

    >>> exception_line("Traceback (most recent call last):\\n  File \\"a.py\\", line 1\\nKeyError: 'bbox'")
    ('KeyError', "'bbox'")
    >>> exception_line("torch.cuda.OutOfMemoryError: CUDA out of memory.")
    ('torch.cuda.OutOfMemoryError', 'CUDA out of memory.')
    >>> exception_line("ERROR: No matching distribution found for mmcv-full==1.3.0")
    (None, 'No matching distribution found for mmcv-full==1.3.0')
    >>> exception_line("{ Error: listen EADDRINUSE 127.0.0.1:3000\\n    at Server.setupListenHandle")   # Node 10 prints the error as an object
    (None, 'listen EADDRINUSE 127.0.0.1:3000')

    Where no line starts with one, the last exception inside a line (not a warning's: see the rules file):

    >>> exception_line("I get KeyError: 'bbox' at once\\na.py:3: UserWarning: x"), exception_line("I get `KeyError: 'bbox'` at once")
    (('KeyError', "'bbox' at once"), ('KeyError', "'bbox'"))
    """
    text = normalise_paste(text)
    shown = _shown_error(text)
    return shown[:2] if shown else (None, trimmed(_SPACE.sub(" ", text)))


def _shown_error(text: str) -> tuple[str | None, str, re.Match] | None:
    """:func:`exception_line` of a normalised text where a line of it is an error's, and the match that read it;
    else None."""
    matches = list(EXCEPTION_LINE.finditer(text))
    if matches:
        last = matches[-1]
        return last.group(1), trimmed(last.group(2) or ""), last
    tools = list(TOOL_ERROR_LINE.finditer(text))
    if tools:
        return None, trimmed(tools[-1].group(1)), tools[-1]
    inline = list(INLINE_EXCEPTION_LINE.finditer(text))
    if inline:
        opening, kind, message = inline[-1].groups()
        return kind, trimmed(_in_the_code_span(message) if opening else message), inline[-1]
    return None


def error_line(text: str) -> str | None:
    """The error a text shows, as it would be written as an entry's message (``Type: message``), or None where
    no line of it is an exception's or a tool's error line: a program's output under a heading that says it failed.

    >>> error_line("$ composer update\\nLoading composer repositories\\n[Composer\\\\Downloader\\\\TransportException]\\nerror: curl error 28 while downloading")
    'error: curl error 28 while downloading'
    >>> error_line("Traceback (most recent call last):\\n  File \\"a.py\\", line 1\\nKeyError: 'bbox'"), error_line("$ ls\\na.txt b.txt")
    ("KeyError: 'bbox'", None)
    """
    shown = _shown_error(normalise_paste(text))
    if shown is None or not shown[1]:
        return None
    kind, message, line = shown
    # A tool's line as it printed it, its ``error:`` or ``fatal:`` too (``fatal: refusing to merge …``).
    return f"{kind}: {message}" if kind else trimmed(line.group(0).strip().lstrip("{`").strip())


def _in_the_code_span(message: str) -> str:
    """The message of an exception a backtick opened: the code span's, or, where the span closes right after
    the type (```RuntimeError:` one of the variables…``, a real issue's title), what follows it.

    >>> _in_the_code_span("'bbox'` at once"), _in_the_code_span("` one of the `variables`")
    ("'bbox'", ' one of the variables')
    """
    inside, _, after = message.partition("`")
    return after.replace("`", "") if not trimmed(inside) and after else inside


def earlier_errors(text: str, count: int) -> list[str]:
    """The paste cut after each of up to ``count`` exception lines before its last one, nearest first,
    each error once and not the last one again: a wrapper's error often ends a traceback after the real
    one, a launcher's or one of the same type (``raise RuntimeError("step failed") from error``).

    >>> earlier_errors("KeyError: 'bbox'\\nTraceback...\\nChildFailedError: tools/train.py FAILED", 3)
    ["KeyError: 'bbox'"]
    >>> earlier_errors("RuntimeError: CUDA error\\nRuntimeError: step failed\\nRuntimeError: step failed", 3)
    ['RuntimeError: CUDA error']
    >>> earlier_errors("ERROR: Could not find a version of tensorflow\\nERROR: No matching distribution found for tensorflow", 3)
    ['ERROR: Could not find a version of tensorflow']
    >>> earlier_errors("`ERROR: Could not find a version of tensorflow\\nERROR: No matching distribution found for tensorflow`", 3)   # in a code span
    ['`ERROR: Could not find a version of tensorflow']

    A tool's last error line often follows the line that says what went wrong, in the tool's own words: that
    line is tried last (git's ``fatal: Could not read from remote repository.`` after any of its errors).

    >>> earlier_errors("Cloning into 'x'...\\ngit@github.com: Permission denied (publickey).\\nfatal: Could not read from remote repository.", 3)
    ['git@github.com: Permission denied (publickey).']
    """
    text = normalise_paste(text)
    matches = list(EXCEPTION_LINE.finditer(text))
    tool = not matches
    if tool:
        # A tool's errors where no line is an exception's (the last one read, as exception_line reads it): pip
        # says what it could not find, then that it found nothing to install.
        matches = list(TOOL_ERROR_LINE.finditer(text))
    seen, out = {_error_of(matches[-1])} if matches else set(), []
    for match in reversed(matches[:-1]):
        error = _error_of(match)
        if error not in seen:
            seen.add(error)
            out.append(text[: match.end()])
            if len(out) == count:
                return out
    if tool and matches and (before := _line_before(text, matches[-1].start())):
        out.append(before)
    if tool and matches:
        out += _logged_errors(text, matches[-1].start(), count - len(out), out)
    return out


def _logged_errors(text: str, at: int, count: int, taken: list[str]) -> list[str]:
    """Up to ``count`` lines before offset ``at`` that a log marks as errors by their level, not a tool's error lines
    nor ``taken`` already, nearest first: Logstash's ``[ERROR]`` line says what failed, then a line of the plugin's
    settings a thousand characters long, then ``Error: event executor terminated``.

    >>> _logged_errors("[t][ERROR][pipeline] A plugin had an unrecoverable error.\\n  Plugin: <Beats port=>5044>\\n  Error: x", 87, 3, [])
    ['[t][ERROR][pipeline] A plugin had an unrecoverable error.']
    """
    out: list[str] = []
    for line in reversed(text[:at].split("\n")):
        if len(out) >= count:
            break
        line = trimmed(line)
        if line and LOGGED_ERROR_LINE.search(line) and not TOOL_ERROR_LINE.match(line) and line not in taken and line not in out:
            out.append(line)
    return out


def stated_cause(text: str) -> str | None:
    """The cause a tool states on the line right under its last error line, after a ``>``, where no line is an
    exception's: Gradle names only the task that failed on its error line, and why on the next.

    >>> stated_cause("Error:Execution failed for task ':app:processDebugManifest'.\\n> Manifest merger failed with multiple errors, see logs")
    'Manifest merger failed with multiple errors, see logs'
    >>> stated_cause("ERROR: a\\nplain text"), stated_cause("KeyError: 'a'\\n> b c"), stated_cause("> a\\nERROR: b")
    (None, None, None)
    """
    text = normalise_paste(text)
    if EXCEPTION_LINE.search(text):
        return None
    tools = list(TOOL_ERROR_LINE.finditer(text))
    if not tools or not text.startswith("\n", tools[-1].end()):
        return None
    start = tools[-1].end() + 1
    end = text.find("\n", start)
    cause = TOOL_CAUSE_LINE.match(text[start : end if end >= 0 else len(text)])
    return trimmed(cause.group(1)) if cause else None


def _line_before(text: str, at: int) -> str | None:
    """The line before offset ``at`` (a line's start) where it is the tool's words, not one of its error lines.

    >>> _line_before("a\\n\\nb: denied\\nfatal: x", 13), _line_before("ERROR: a\\nERROR: b", 9), _line_before("fatal: x", 0)
    ('b: denied', None, None)
    """
    end = max(at - 1, 0)  # the line break before ``at``
    line = trimmed(text[text.rfind("\n", 0, end) + 1 : end])
    return line if line and at and not TOOL_ERROR_LINE.match(line) else None


def _error_of(match: re.Match) -> tuple[str | None, str]:
    """An exception line's type and message, whatever a tool put before it (``[rank0]:``); a tool's error line's message."""
    if match.re is TOOL_ERROR_LINE:
        return None, trimmed(match.group(1))
    return match.group(1), trimmed(match.group(2) or "")


def exception_type(text: str) -> str | None:
    """The exception's type as the program printed it, or None.

    >>> exception_type("RuntimeError: CUDA error: device-side assert triggered")
    'RuntimeError'
    """
    return exception_line(text)[0] if text else None


#: English words that errors are written with. A word must start a word and must not run on into a
#: name (``console.error()``, ``expected_output.txt``, ``errorHandler`` name things, they report
#: nothing), but may take an ending (``errors``, ``failed``, ``Failure``).
_ENGLISH_ERROR_WORDS = (
    r"error|exception|fail|cannot|can't|could ?n[o']t|unable|not found|no such|no module|denied|invalid|illegal|fatal|"
    r"refused|timed? ?out|out of memory|abort|traceback|warn|segmentation fault|core dumped|killed|not supported|unrecogni[sz]ed|"
    r"unsupported|mismatch|expected|undefined|unknown|missing|does ?n[o']t exist|deprecated|conflict|err!|"
    r"panic|insufficient|n[o']t match|emerg|already (?:exists|in use)|not (?:allowed|permitted)|forbidden|unauthori[sz]ed"
)
#: What a word may stand after: no ASCII letter, digit or dot (Chinese may: ``编译error``), or a lower-case
#: letter when the word starts a camel-case part (``BuildFailure``); and before: no underscore, call, file
#: extension or further camel-case part (a capital after a lower-case letter; ``BUILD FAILED`` is one word).
_WORD_START = r"(?:(?<![A-Za-z0-9.$])|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))"
_WORD_END = r"(?![_(]|\.[A-Za-z0-9_]|(?<=(?-i:[a-z]))(?-i:[A-Z]))"
#: The system's error names (errno and npm codes) as Node and libc print them, in capitals.
_ERROR_CODES = r"(?-i:\bE(?:NOENT|ACCES|PERM|TIMEDOUT|CONNREFUSED|CONNRESET|ADDRINUSE|NOTFOUND|NOSPC|MFILE|PIPE|LIFECYCLE|AI_AGAIN)\b)"
#: The zh_CN words (coreutils, bash, the kernel's OOM killer, people's own notes): no word boundaries in Chinese.
_CHINESE_ERROR_WORDS = (
    r"错误|报错|出错|失败|异常|无法|不能|找不到|未找到|不存在|没有那个|警告|超时|权限不够|拒绝|已杀死|不足|非法|崩溃|溢出|"
    r"无效|不支持|不匹配|冲突|中断|已放弃|已转储"
)
#: Words an error message holds where it names no exception type (``CUDA out of memory``, ``npm ERR!``,
#: ``找不到模块``): what tells an entry written without its sections from a list of names in a blog.
_ERROR_WORDS = re.compile(
    rf"{_WORD_START}(?:{_ENGLISH_ERROR_WORDS}){_WORD_END}|(?<![\w.])nan(?!\w)|{_ERROR_CODES}|{_CHINESE_ERROR_WORDS}",
    re.IGNORECASE,
)


def names_an_error(message: str) -> bool:
    """Whether a message reads as an error: an exception type, or a word errors are written with.

    >>> names_an_error("KeyError: 'bbox'"), names_an_error("CUDA out of memory"), names_an_error("模块找不到")
    (True, True, True)
    >>> names_an_error("package.json"), names_an_error("encodeURI()")
    (False, False)

    The words count where they stand as words, not inside a name:

    >>> [names_an_error(m) for m in ("console.error()", "expected_output.txt", "errorHandler", "nanoseconds")]
    [False, False, False, False]
    >>> [names_an_error(m) for m in ("3 errors generated", "BuildFailure", "npm ERR! code 1", "connect ETIMEDOUT")]
    [True, True, True, True]
    >>> [names_an_error(m) for m in ("BUILD FAILED", "FAILED tests/a.py::t", "编译error", "ERR_OSSL_EVP_UNSUPPORTED")]
    [True, True, True, True]
    >>> [names_an_error(m) for m in ("panic: assignment to entry in nil map", "CUDA driver version is insufficient", "This download does NOT match", "nginx: [emerg] bind() failed", "[Vue warn]: Failed to resolve component")]
    [True, True, True, True, True]
    >>> [names_an_error(m) for m in ("table studies already exists", "401 Unauthorized", "Operation not permitted", "403 Forbidden")]
    [True, True, True, True]

    Messages of the zh_CN locale too (coreutils, bash, the kernel's OOM killer through the shell):

    >>> [names_an_error(m) for m in ("已杀死", "bash: conda: 未找到命令", "没有那个文件或目录", "权限不够", "loss 为 nan")]
    [True, True, True, True, True]
    """
    return exception_type(message) is not None or _ERROR_WORDS.search(message) is not None


def short_type(name: str | None) -> str | None:
    """``torch.cuda.OutOfMemoryError`` → ``OutOfMemoryError``."""
    return name.rsplit(".", 1)[-1] if name else None


def python3_type(kind: str | None, message: str) -> str | None:
    """The short type Python 3 prints for the error, which older Pythons may have named otherwise.

    An essay from Python 2 days and today's paste compare as one error this way (the rules
    file's ``python3_types``): a missing module was an ``ImportError`` before Python 3.6, and a
    missing file an ``IOError`` in Python 2.

    >>> python3_type("ImportError", "No module named mmcv._ext"), python3_type("IOError", "[Errno 2] No such file or directory: 'a'")
    ('ModuleNotFoundError', 'FileNotFoundError')
    >>> python3_type("builtins.ImportError", "cannot import name 'x' from 'y'"), python3_type(None, "No module named x")
    ('ImportError', None)
    """
    short = short_type(kind)
    if short:
        for type_pattern, start, modern in PYTHON3_TYPES:
            if type_pattern.fullmatch(short) and start.match(message):
                return modern
    return short


def parameterise(message: str) -> str:
    """Replace the variable parts of a message with placeholders.

    >>> parameterise("Tried to allocate 2.00 GiB (GPU 0; 10.76 GiB total capacity)")
    'Tried to allocate <size> (GPU <num>; <size> total capacity)'
    >>> parameterise("[torch.cuda.FloatTensor [2, 2048, 25, 25]], which is output 0 of ReluBackward1")
    '[torch.cuda.FloatTensor <shape>], which is output <num> of ReluBackward<num>'
    >>> parameterise("No such file or directory: '/home/lgh/data/coco/train.json'")
    "No such file or directory: '<path>'"
    >>> parameterise("[Errno 28] 磁盘满了")  # an errno code names the error in any locale
    'errno28 磁盘满了'
    >>> parameterise("WslRegisterDistribution failed with error: 0x800706BA at 0x7ffd12ab")  # a Windows status code too
    "WslRegisterDistribution failed with error: 'status_oggngmba' at <hex>"
    >>> parameterise("ORA-00054: resource busy")  # and a database's
    "'code_ora-ggglk': resource busy"
    >>> parameterise("Makefile:8: /make/project.mk: 没有那个文件或目录")  # the C library's words in a Chinese locale
    'Makefile:<num>: <path>: No such file or directory'

    """
    message = _SPACE.sub(" ", message)  # the placeholders rely on it (see the rules file)
    for wording, english in _LOCALISED:
        message = message.replace(wording, english)
    for pattern, prefix, suffix in _CODES:  # codes that name the error (see the rules file), kept whole
        message = pattern.sub(lambda code: prefix + code[1].lower().translate(_DIGITS_AS_LETTERS) + suffix, message)
    for pattern, placeholder in PLACEHOLDERS:
        message = pattern.sub(placeholder, message)
    return trimmed(_SPACE.sub(" ", message))


def fingerprint(text: str) -> str:
    """The fingerprint of an error, from a message or a whole traceback.

    >>> fingerprint("Traceback ...\\nRuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB")  # the type PyTorch 1.13 and later print
    'OutOfMemoryError: CUDA out of memory. Tried to allocate <size>'
    >>> fingerprint("ImportError: No module named mmcv._ext")  # Python 2's words, Python 3's fingerprint
    "ModuleNotFoundError: No module named 'mmcv._ext'"
    """
    return fingerprint_of(*exception_line(text))


def fingerprint_of(kind: str | None, message: str) -> str:
    """:func:`fingerprint` of an exception line already split (:func:`exception_line`) into its type and message.

    >>> fingerprint_of("IOError", "[Errno 2] No such file or directory: 'a.txt'")
    "FileNotFoundError: errno2 No such file or directory: 'a.txt'"
    """
    template = parameterise(message)
    kind = python3_type(kind, message)
    if kind:
        return f"{kind}: {template}" if template else kind
    return template


def tokens(fingerprint_text: str) -> list[str]:
    """Quoted names, errno codes, words, placeholders and Chinese characters, lower-cased.

    >>> tokens("OSError: errno28 设备上没有空间: '<path>'")
    ['oserror', 'errno28', '设', '备', '上', '没', '有', '空', '间', "'<path>'"]
    """
    return [t.lower() for t in _TOKEN.findall(fingerprint_text)]


def features(fingerprint_text: str) -> set[str]:
    """What the ranking compares: the tokens, and each pair of neighbouring tokens.

    Pairs keep a little word order: ``too many values`` and ``not enough
    values`` share words but few pairs.

    >>> sorted(features("too many values"))
    ['many', 'many values', 'too', 'too many', 'values']
    """
    words = tokens(fingerprint_text)
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


def head(fingerprint_text: str) -> frozenset[str]:
    """The first few words of the message (after the type): they name the error's kind.

    ``too many values to unpack`` and ``not enough values to unpack`` share a
    tail and differ in their head, so the head counts double.

    >>> sorted(head("ValueError: too many values to unpack (expected <num>)"))
    ['many', 'too', 'values']
    """
    message = fingerprint_text.split(": ", 1)[1] if TYPE_PREFIX.match(fingerprint_text) else fingerprint_text
    words = [t for t in tokens(message) if t not in STOPWORDS and not t.startswith("<")]
    return frozenset(words[: RULES["head_tokens"]])


def feature_weight(feature: str) -> float:
    """How much a feature counts before rarity: quoted names more, function words less."""
    if " " in feature:
        return RULES["weights"]["bigram"]
    if QUOTED_TOKEN.search(feature):
        return RULES["weights"]["quoted"]
    if feature in STOPWORDS:
        return RULES["weights"]["stopword"]
    return 1.0


def is_identity(feature: str) -> bool:
    """Features that name an error on their own, whatever the words (``errno28``)."""
    return bool(IDENTITY_TOKEN.search(feature))


def is_code(feature: str) -> bool:
    """Features that are a code naming the error whatever the exception around it (``'code_ora-ggglk'`` for
    ``ORA-00054``, wrapped in a SQLException, a DatabaseError, a Chinese message; the rules file's ``codes``).

    >>> is_code("'code_ora-ggglk'"), is_code("'status_oggngmba'"), is_code("errno28"), is_code("'bbox'")
    (True, True, False, False)
    """
    return feature.startswith(_CODE_PREFIXES) and " " not in feature


_CODE_PREFIXES = tuple(prefix for _, prefix, _ in _CODES)


def says_something(fingerprint_text: str) -> bool:
    """Whether a fingerprint has a word that is neither a placeholder nor a function word.

    A paste of nothing but numbers, paths and ``the`` names no error: every
    entry has a ``<num>``, so such a query would match them all.

    >>> says_something("<num>.<num>"), says_something("the <path>"), says_something("KeyError: '<path>'")
    (False, False, True)

    A name with a number in it still names something (``'gt_bboxes_<num>'``, ``'layer<num>'``):

    >>> says_something("'gt_bboxes_<num>'"), says_something("'<num>'"), says_something("<num>")
    (True, False, False)
    """
    return any(t not in STOPWORDS and ("<" not in t or any(ch.isalpha() for ch in _PLACEHOLDER.sub("", t))) for t in tokens(fingerprint_text))


#: A placeholder inside a token (``<num>``), what :func:`says_something` reads past.
_PLACEHOLDER = re.compile(r"<[a-z]+>")


def libraries_in_traceback(text: str) -> list[str]:
    """Installed packages a traceback passes through, in order of first appearance.

    >>> libraries_in_traceback('File "/x/lib/python3.8/site-packages/mmcv/runner/a.py"\\nFile "/x/site-packages/torch/tensor.py"')
    ['mmcv', 'torch']
    """
    return list(dict.fromkeys(_LIBRARY.findall(text)))
