"""Fingerprints of real error shapes, and the vectors the JavaScript must meet too."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import FIXTURES, ROOT, require_tool
from errata.fingerprint import MAX_PASTE_CHARS, exception_line, fingerprint, libraries_in_traceback, normalise_paste, python3_type, tokens

VECTORS = json.loads((FIXTURES / "fingerprint_vectors.json").read_text(encoding="utf-8"))


def paste(case: dict) -> str:
    """A paste of the vectors: ``prefix + unit * repeat + suffix`` (too long to store as it is)."""
    return case["prefix"] + case["unit"] * case["repeat"] + case["suffix"]


@pytest.mark.parametrize("vector", VECTORS["fingerprints"], ids=lambda v: v["input"][:40])
def test_python_meets_the_shared_vectors(vector):
    assert fingerprint(vector["input"]) == vector["fingerprint"]
    assert exception_line(vector["input"])[0] == vector["type"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # other shape, other op number, other versions
            "RuntimeError: ... modified by an inplace operation: [torch.cuda.FloatTensor [2, 2048, 25, 25]], which is output 0 of ReluBackward1, is at version 2",
            "RuntimeError: ... modified by an inplace operation: [torch.cuda.FloatTensor [4, 256, 50, 50]], which is output 0 of ReluBackward0, is at version 3",
        ),
        ("CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0)", "CUDA out of memory. Tried to allocate 512 MiB (GPU 3)"),
        ("found at least two devices, cuda:0 and cpu!", "found at least two devices, cuda:7 and cpu!"),
        ("No such file: '/home/a/x.json'", "No such file: 'D:\\data\\y.json'"),
        ("worker (pid 1234) exited", "worker (pid 99) exited"),
        ("object at 0x7f00aa12 is not callable", "object at 0x55d1 is not callable"),
        ("mmcv-full==1.3.0 required", "mmcv-full==1.7.1 required"),
        # quotes a blog, an editor or a chat turned curly, or a hand typed double: the name is the same
        ("ModuleNotFoundError: No module named 'mmcv._ext'", "ModuleNotFoundError: No module named ‘mmcv._ext’"),
        ("ModuleNotFoundError: No module named 'mmcv._ext'", 'ModuleNotFoundError: No module named "mmcv._ext"'),
        ("KeyError: 'bbox'", 'KeyError: "bbox"'),
        ('Missing key(s) in state_dict: "fc.weight"', "Missing key(s) in state_dict: “fc.weight”"),
        # full-width forms a Chinese input method or editor types
        ("ValueError: too many values to unpack (expected 2)", "ValueError\uff1atoo many values to unpack (expected \uff12)"),
        ("RuntimeError: CUDA out of memory. Tried to allocate 50.00 MiB", "RuntimeError\uff1a CUDA out of memory\uff0e Tried to allocate \uff15\uff10\uff0e\uff10\uff10 MiB"),
    ],
)
def test_variable_parts_do_not_change_the_fingerprint(a, b):
    assert fingerprint(a) == fingerprint(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("KeyError: 'bbox'", "KeyError: 'segm'"),  # quoted names stay: they are the error
        ("OSError: [Errno 28] No space left on device", "OSError: [Errno 24] Too many open files"),
        ("ValueError: too many values to unpack", "TypeError: too many values to unpack"),
        ('KeyError: "it\'s"', "KeyError: 'its'"),  # Python quotes a name with an apostrophe in doubles: still that name
    ],
)
def test_what_identifies_an_error_is_kept(a, b):
    assert fingerprint(a) != fingerprint(b)


def test_chained_traceback_takes_the_last_exception():
    text = "Traceback ...\nValueError: bad\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback ...\nKeyError: 'x'"
    assert fingerprint(text) == "KeyError: 'x'"


@pytest.mark.parametrize(
    "line",
    [
        "[rank0]: KeyError: 'bbox'",  # torchrun, torch 2.2 and later
        "[default0]:KeyError: 'bbox'",  # torch.distributed.launch --tee
        "[1,0]<stderr>:KeyError: 'bbox'",  # mpirun --tag-output
        "E       KeyError: 'bbox'",  # pytest
        "    | KeyError: 'bbox'",  # an exception group's member
    ],
)
def test_the_exception_line_is_read_behind_what_a_tool_puts_before_each_line(line):
    """Behind these, the line was no exception line: a launcher's error after it was taken for the error."""
    assert exception_line(line + "\nTraceback (most recent call last):\nChildFailedError:") == ("ChildFailedError", "")
    assert exception_line(line) == ("KeyError", "'bbox'")


def test_a_severity_letter_glued_to_a_date_is_no_prefix():
    """Not pytest's E: the line does not start with its exception, which a later exception line therefore wins over."""
    assert exception_line("E0501 12:00:00.123 KeyError: 'bbox'\nChildFailedError: x")[0] == "ChildFailedError"
    assert exception_line("E0501 12:00:00.123 KeyError: 'bbox'\nERROR: x")[0] is None


def test_an_exception_inside_a_line_is_read_where_no_line_starts_with_one():
    assert exception_line("I get `KeyError: 'bbox'` when I evaluate") == ("KeyError", "'bbox'")
    assert exception_line("报错OSError: [Errno 28] No space left on device，请问") == ("OSError", "[Errno 28] No space left on device,请问")
    assert exception_line("a.py:46: UserWarning: [Errno 28] No space left on device")[0] is None  # a warning is not the error
    assert exception_line("<type 'exceptions.IOError'>: [Errno 28] x") == ("exceptions.IOError", "[Errno 28] x")


def test_a_name_in_quotes_has_no_space_in_it():
    """Quotes around words are a message or a sentence, not a name: its words and the names in it count."""
    assert tokens("KeyError: \"CocoDataset: 'bbox'\"") == ["keyerror", "cocodataset", "'bbox'"]
    assert tokens("TypeError: can't convert 'x'") == ["typeerror", "can", "t", "convert", "'x'"]
    assert tokens("KeyError: \"it's\"") == ["keyerror", "\"it's\""]


@pytest.mark.parametrize("escape", ["", "^[", "\u2190"])
def test_a_colour_code_that_lost_its_escape_character_is_taken_off(escape):
    """A notebook's output pasted into an issue, cat -v, an old Windows console: ``[0;31mKeyError[0m`` hid the type."""
    paste = f"{escape}[0;31mKeyError{escape}[0m: 'bbox'\nTraceback (most recent call last):\n{escape}[1;31mChildFailedError{escape}[0m: x"
    assert exception_line(paste.split("\n")[0]) == ("KeyError", "'bbox'")
    assert exception_line(paste)[0] == "ChildFailedError"
    assert fingerprint("list index [5m] of [1m]") == "list index [<num>m] of [<num>m]"  # a size in brackets is no colour


def test_a_message_that_starts_with_a_line_break_is_read_from_the_next_line():
    """``raise RuntimeError("\\n...")`` prints the type and a colon alone on their line."""
    assert exception_line("RuntimeError:\nCUDA error: device-side assert triggered") == ("RuntimeError", "CUDA error: device-side assert triggered")
    assert exception_line("RuntimeError:\n\nsomething else") == ("RuntimeError", "")  # not across a blank line


def test_libraries_come_from_site_and_dist_packages_paths():
    text = 'File "/u/lib/python3.8/site-packages/mmcv/a.py"\nFile "/usr/lib/python3/dist-packages/torch/b.py"\nFile "tools/train.py"'
    assert libraries_in_traceback(text) == ["mmcv", "torch"]


@pytest.mark.parametrize("case", VECTORS["pathological"], ids=lambda c: c["name"])
def test_python_meets_the_pathological_vectors(case):
    text = paste(case)
    got = fingerprint(text)
    assert (len(got), got[:60], exception_line(text)[0]) == (case["fingerprint_length"], case["fingerprint_head"], case["type"])


@pytest.mark.parametrize("case", VECTORS["says_something"], ids=lambda c: c["text"])
def test_python_reads_what_a_fingerprint_says_as_the_shared_vectors_do(case):
    from errata.fingerprint import says_something

    assert says_something(case["text"]) is case["says"]


def test_a_long_paste_is_fingerprinted_from_its_last_lines():
    traceback = paste(VECTORS["reference_paste"])
    assert len(traceback) > 5 * MAX_PASTE_CHARS
    assert fingerprint(traceback) == "OutOfMemoryError: CUDA out of memory. Tried to allocate <size> (GPU <num>; <size> total capacity)"
    tail = normalise_paste(traceback)
    assert len(tail) <= MAX_PASTE_CHARS
    whole_lines = {re.sub("[ \t]+", " ", line) for line in traceback.split("\n")}
    assert set(tail.split("\n")) <= whole_lines  # whole lines only, runs of spaces collapsed to one


def test_javascript_meets_the_shared_vectors_under_node():
    node = shutil.which("node")
    require_tool(node is not None, "node")
    result = subprocess.run(
        [node, str(ROOT / "tests" / "js" / "check_vectors.js"), str(ROOT / "src" / "errata" / "data" / "fingerprint_rules.json"), str(FIXTURES / "fingerprint_vectors.json")],
        capture_output=True, text=True, check=True, timeout=120,
    )
    report = json.loads(result.stdout)
    assert report["checked"] == (
        len(VECTORS["fingerprints"]) + len(VECTORS["ranking"]) + len(VECTORS["earlier"]) + len(VECTORS["earlier_below_the_bar"]) + len(VECTORS["earlier_lines"]) + len(VECTORS["confident"]) + len(VECTORS["names"]["confident"]) + len(VECTORS["codes"]["confident"])
        + len(VECTORS["localised"]["confident"]) + len(VECTORS["causes"]["cases"]) + len(VECTORS["says_something"]) + 1 + len(VECTORS["pathological"])
    )
    assert report["failures"] == []
    # Linear patterns: no pathological paste costs much more than a real traceback of its size (before: 3 s to 86 s).
    timings = report["timings"]
    reference = timings.pop("reference")
    assert {name: ms for name, ms in timings.items() if ms > 20 * reference + 1} == {}, reference


@pytest.mark.parametrize(
    ("before", "now"),
    [
        ("RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB", "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB"),
        ("RuntimeError: CUDA out of memory.", "torch.OutOfMemoryError: CUDA out of memory."),
        ("RuntimeError: CUDA error: device-side assert triggered", "torch.AcceleratorError: CUDA error: device-side assert triggered"),
    ],
)
def test_an_error_a_library_later_gave_a_type_of_its_own_is_one_error(before, now):
    """PyTorch 1.13's OutOfMemoryError and 2.8's AcceleratorError were RuntimeErrors before: an essay of then and a paste of now
    had other types and scored 0.54 at best (0.36 for the short message)."""
    assert fingerprint(before) == fingerprint(now)


@pytest.mark.parametrize(
    ("paste", "python3"),
    [
        ("IOError: [Errno 32] Broken pipe", "BrokenPipeError"),
        ("OSError: [Errno 1] Operation not permitted", "PermissionError"),
        ("IOError: [Errno 3] No such process", "ProcessLookupError"),
        ("IOError: [Errno 4] Interrupted system call", "InterruptedError"),
        ("OSError: [Errno 10] No child processes", "ChildProcessError"),
        ("IOError: [Errno 28] No space left on device", "OSError"),  # no subclass for ENOSPC
        ("IOError: Unable to open file (errno = 2)", "OSError"),  # an errno inside the message is not Python's
    ],
)
def test_an_old_python_s_errno_compares_as_the_type_python_3_raises_for_it(paste, python3):
    """Python 3 picks OSError's subclass by errno (PEP 3151) for every code the same on Linux, macOS and Windows."""
    assert python3_type(*exception_line(paste)) == python3


@pytest.mark.parametrize("case", VECTORS["earlier_lines"], ids=lambda c: c["query"][:40])
def test_python_tries_the_errors_before_the_last_as_the_shared_vectors_say(case):
    """A lookup round on eight more fields: ``git@github.com: Permission denied (publickey).`` then git's
    ``fatal: Could not read from remote repository.``; only the last line was looked up, and it names no error."""
    from errata.fingerprint import earlier_errors

    assert earlier_errors(case["query"], case["count"]) == case["earlier"]


def test_a_long_c_plus_plus_qualified_name_is_read_in_linear_time():
    """A red-team audit: ``::`` joined a type's qualifiers, but the inline pattern still started after every ``::`` of
    ``a::a::a…``, each start reading the rest again: time growing with the square of the name (16 KB: 1.4 s in Python,
    0.27 s in the page, 45 times a real traceback)."""
    from scaling import grows_linearly

    assert grows_linearly(lambda n: exception_line("x " + "a::" * n + " y"), 1_000)
    assert exception_line("Code: 48. DB::Exception: There was an error")[0] == "DB::Exception"
    assert exception_line("报错 std::runtime_error 之后 DB::Exception: x")[0] == "DB::Exception"


@pytest.mark.parametrize("unit", ["a:1:1: errorx ", "a : error Q", "a(1): error ", "a: version `", "x" * 250 + "\n"])
def test_a_compiler_s_place_before_its_error_is_read_in_linear_time(unit):
    """The place a compiler or linker prints before ``error`` (``main.cpp:3:10: ``, ``a.cpp(12): ``, ``main.obj : ``) is
    read up to a bounded length from each line's start, so lines of near misses cost each line's length, no more."""
    from scaling import grows_linearly

    assert grows_linearly(lambda n: exception_line(unit * n), 2_000)
