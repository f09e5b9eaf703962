"""The lookup: held-out error variants find their entry first; unknown errors get no answer."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from conftest import FIXTURES, ROOT
from scaling import cpu_seconds
from test_fingerprint import paste
from errata.fingerprint import stated_cause
from errata.lookup import CONTAINED_SCORE, LookupIndex
from errata.site import Catalogue

VECTORS = json.loads((FIXTURES / "fingerprint_vectors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def index() -> LookupIndex:
    return LookupIndex(Catalogue(ROOT / "docs").refresh().records())


@pytest.mark.parametrize("name", ["lookup_heldout.json", "lookup_fresh.json"])
def test_held_out_variants_rank_their_entry_first(index, name):
    cases = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    hits = 0
    for case in cases["positives"]:
        matches = index.search(case["query"], limit=1)
        hits += bool(matches) and matches[0].message == case["expect"]
    assert hits / len(cases["positives"]) >= 0.95, f"{hits}/{len(cases['positives'])}"


@pytest.mark.parametrize("name", ["lookup_heldout.json", "lookup_fresh.json"])
def test_unknown_errors_get_no_confident_match(index, name):
    cases = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    confident = {q: index.search(q, limit=1) for q in cases["unknown"]}
    assert {q: m[0].message for q, m in confident.items() if m} == {}


def test_python_ranking_meets_the_shared_vectors():
    index = LookupIndex(VECTORS["records"])
    for case in VECTORS["ranking"]:
        got = [{"message": m.message, "score": round(m.score, 4)} for m in index.search(case["query"], 3, threshold=0.0)]
        assert got == case["top"], case["query"]
    for case in [VECTORS["reference_paste"], *VECTORS["pathological"]]:
        assert [m.message for m in index.search(paste(case))] == case["matches"], case.get("name", "reference")


def best_time(function) -> float:
    """CPU seconds of this process, the better of two runs: the machine is shared (another test worker, a
    browser), and wall time stretched with it, which failed this test now and then on a loaded machine."""
    return cpu_seconds(function)


def test_pathological_pastes_cost_about_what_a_real_traceback_does(index):
    """Linear patterns and a capped paste: before, these took 3 s to 86 s (issue 12)."""
    reference = paste(VECTORS["reference_paste"])
    short = best_time(lambda: index.search("KeyError: 'bbox'"))
    allowed = 20 * best_time(lambda: index.search(reference))
    slow = {}
    for case in VECTORS["pathological"]:
        text = paste(case)
        took = best_time(lambda: index.search(text))
        if took > allowed or took > 2.0:
            slow[case["name"]] = f"{took * 1000:.1f} ms (a real traceback of its size: {allowed / 20 * 1000:.1f} ms, a short query {short * 1000:.2f} ms)"
    assert slow == {}


def test_a_query_of_numbers_or_function_words_matches_nothing(index):
    for query in ("12", "1.2.3", "the", "[1, 2, 3] of /a/b/c.py", "1." * 50000):
        assert index.search(query) == [], query


def test_scores_are_between_0_and_1(index):
    for case in json.loads((FIXTURES / "lookup_heldout.json").read_text(encoding="utf-8"))["positives"]:
        for match in index.search(case["query"], limit=5, threshold=0.0):
            assert 0.0 <= match.score <= 1.0


def lookup(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "lookup.py"), *args], input=stdin, capture_output=True, text=True, cwd=ROOT)


def test_cli_json_answer():
    result = lookup("--json", "RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 1; 7.79 GiB total capacity)")
    assert result.returncode == 0
    matches = json.loads(result.stdout)
    assert matches[0]["message"] == "CUDA out of memory. Tried to allocate 2.00 GiB"
    assert matches[0]["url"].startswith("pytorch/cuda-errors/#cuda-out-of-memory")
    assert 0.5 <= matches[0]["score"] <= 1


def test_cli_reads_a_whole_traceback_from_stdin():
    traceback = (FIXTURES / "seed" / "000_c81bc17658af7d4b.txt").read_text(encoding="utf-8")
    traceback = traceback[traceback.index("Traceback"): traceback.index("```", traceback.index("Traceback"))]
    result = lookup("-k", "1", stdin=traceback)
    assert result.returncode == 0
    assert "one of the variables needed for gradient computation" in result.stdout
    assert "#one-of-the-variables-needed-for-gradient" in result.stdout


def test_cli_pathological_paste_answers_as_fast_as_a_short_one():
    """``RuntimeError: x`` + 100,000 spaces + ``y`` ran for more than 30 s; now it costs what a short query does."""
    started = time.perf_counter()
    assert lookup("KeyError: 'bbox'").returncode == 0
    short = time.perf_counter() - started
    started = time.perf_counter()
    result = lookup(stdin="RuntimeError: x" + " " * 100_000 + "y")
    pathological = time.perf_counter() - started
    assert result.returncode == 1 and result.stdout == ""
    assert pathological < 3 * short + 1, (pathological, short)


def test_cli_unknown_error_prints_nothing_and_exits_1():
    result = lookup("--json", "ZeroDivisionError: division by zero")
    assert result.returncode == 1 and json.loads(result.stdout) == []
    plain = lookup("ZeroDivisionError: division by zero")
    assert plain.returncode == 1 and plain.stdout == ""


def test_cli_reads_a_built_index(site):
    result = lookup("--index", str(site / "errors.json"), "--json", "KeyError: 'bbox'")
    assert json.loads(result.stdout)[0]["url"].startswith("english/data-loading/#keyerror-bbox")


def test_errors_json_urls_are_the_ones_the_cli_computes(site):
    built = {r["message"]: r["url"] for r in json.loads((site / "errors.json").read_text(encoding="utf-8"))["entries"]}
    computed = {r["message"]: r["url"] for r in Catalogue(ROOT / "docs").refresh().records()}
    assert built == computed


def test_the_command_reads_bytes_that_are_not_utf8_and_says_when_the_docs_are_missing(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    paste = b"2023 \xd5\xe2\xca\xc7 GBK \xff\xfe\n\x1b[31mKeyError\x1b[0m: 'bbox'\n"
    env = {**__import__("os").environ, "PYTHONIOENCODING": "utf-8:strict"}  # a desktop's strict locale
    found = subprocess.run([sys.executable, str(ROOT / "scripts" / "lookup.py")], input=paste, capture_output=True, cwd=ROOT, env=env)
    assert found.returncode == 0 and b"KeyError: 'bbox'" in found.stdout and b"Traceback" not in found.stderr
    missing = subprocess.run([sys.executable, str(ROOT / "scripts" / "lookup.py"), "--docs", str(tmp_path / "nope"), "KeyError: 'bbox'"], capture_output=True, cwd=ROOT)
    assert missing.returncode == 2 and b"is not a folder of essays" in missing.stderr


def test_python_looks_up_the_error_before_a_launcher_s_as_the_shared_vectors_say():
    index = LookupIndex(VECTORS["records"])
    for case in VECTORS["earlier"]:
        assert [m.message for m in index.search(case["query"], 5)] == case["matches"], case["_comment"]


def test_python_tries_the_errors_before_the_last_below_the_bar_as_the_shared_vectors_say():
    index = LookupIndex(VECTORS["records"])
    for case in VECTORS["earlier_below_the_bar"]:
        assert index.search(case["query"], 5, case["threshold"])[0].message == case["first"], case["_comment"]


def test_python_gives_the_confident_matches_the_shared_vectors_list():
    """``ImportError: No module named cv2`` is not the mmcv._ext entry: ``'cv<num>'`` is a name too."""
    index = LookupIndex(VECTORS["records"])
    for case in VECTORS["confident"]:
        assert [m.message for m in index.search(case["query"])] == case["matches"], case["_comment"]


@pytest.mark.parametrize(
    ("query", "expect"),
    [
        ("运行 demo 时报错：\nModuleNotFoundError: No module named \u2018mmcv._ext\u2019", "ModuleNotFoundError: No module named 'mmcv._ext'"),
        ('ModuleNotFoundError: No module named "mmcv._ext"', "ModuleNotFoundError: No module named 'mmcv._ext'"),
        ('KeyError: "bbox"', "KeyError: 'bbox'"),
    ],
)
def test_a_name_in_quotes_of_another_style_finds_its_entry(index, query, expect):
    """A blog or a chat window curls the quotes, a hand types doubles: the name still agrees (it found nothing)."""
    assert [m.message for m in index.search(query, limit=1)] == [expect]


def test_the_real_error_before_a_wrapper_of_the_same_type_finds_its_entry(index):
    """``raise ValueError(...) from error`` ends the paste with a ValueError of its own: only
    errors of another type than the last were looked up, so this found nothing."""
    paste = (
        'Traceback (most recent call last):\n  File "io.py", line 5, in parse\n    k, v = line.split("=")\n'
        "ValueError: too many values to unpack (expected 2)\n\n"
        "During handling of the above exception, another exception occurred:\n\n"
        'Traceback (most recent call last):\n  File "io.py", line 9, in <module>\nValueError: bad config line 12'
    )
    assert [m.message for m in index.search(paste, limit=1)] == ["ValueError: too many values to unpack (expected 2)"]


def test_pip_finding_nothing_for_another_project_is_not_the_torch_entry(index):
    """pip's requirement names a project as ``No module named`` names a module: tensorflow's or
    mmcv-full's missing version matched the torch==1.7.1+cu110 entry at 0.62 and 0.54."""
    for other in ("ERROR: No matching distribution found for tensorflow==1.15", "ERROR: No matching distribution found for mmcv-full==1.3.0"):
        assert index.search(other) == [], other
    same = index.search("ERROR: Could not find a version that satisfies the requirement torch==1.8.2+cu111\nERROR: No matching distribution found for torch==1.8.2+cu111")
    assert [m.message for m in same][:1] == ["ERROR: No matching distribution found for torch==1.7.1+cu110"]


@pytest.mark.parametrize(
    ("query", "expect"),
    [
        ('{"level": "error", "msg": "KeyError: \'bbox\'"}', "KeyError: 'bbox'"),
        ("error='ValueError: too many values to unpack (expected 2)'", "ValueError: too many values to unpack (expected 2)"),
        ("Task exception was never retrieved\nexception=ValueError('too many values to unpack (expected 2)')>", "ValueError: too many values to unpack (expected 2)"),
    ],
)
def test_an_error_a_log_quotes_whole_finds_its_entry(index, query, expect):
    """Quotes around a whole message made it one quoted name, which no entry had: these found nothing."""
    assert [m.message for m in index.search(query, limit=1)] == [expect]


def test_a_full_width_colon_after_the_type_still_makes_an_exception_line(index):
    """``ValueError：`` (a Chinese input method's colon) was no exception line: the wrapper after it was taken for the error."""
    paste = "ValueError\uff1atoo many values to unpack\uff08expected 2\uff09\n\nThe above exception was the direct cause of the following exception:\n\nRuntimeError: worker 3 failed"
    assert [m.message for m in index.search(paste, limit=1)] == ["ValueError: too many values to unpack (expected 2)"]


@pytest.mark.parametrize("query", ["RuntimeError:", "RuntimeError", "KeyError: 0", "Traceback (most recent call last):\n  File \"a.py\", line 3\nRuntimeError:\n\nDone."])
def test_a_type_without_a_message_is_no_match(index, query):
    """A type alone matched every entry of its type: RuntimeError: at 0.56 on the device entry, wrongly."""
    assert index.search(query) == []


def test_the_message_on_the_line_after_a_bare_type_finds_its_entry(index):
    """It used to be a bare RuntimeError, which landed on the device-side assert entry whatever the message."""
    for message in ("CUDA out of memory. Tried to allocate 20.00 MiB", "CUDA error: device-side assert triggered"):
        found = index.search(f"Traceback (most recent call last):\n  File \"a.py\", line 3\nRuntimeError:\n{message}", limit=1)
        assert [m.message for m in found] == [message.replace("20.00 MiB", "2.00 GiB")]


def test_a_name_with_a_number_in_it_is_a_message_not_a_bare_type():
    """``KeyError: 'gt_bboxes_12'`` names a key; only a message of placeholders alone (``KeyError: 0``) says nothing.
    The bare-type rule had taken the first for the second: 300 of 300 such queries of the benchmark found their
    entry before it, 272 after."""
    from errata.fingerprint import fingerprint
    from errata.lookup import LookupIndex

    message = "KeyError: 'gt_bboxes_100'"
    index = LookupIndex([{"message": message, "url": "a/#x", "type": "KeyError", "fingerprint": fingerprint(message)}])
    assert [m.message for m in index.search("KeyError: 'gt_bboxes_7'")] == [message]
    assert index.search("KeyError: 7") == []



@pytest.mark.parametrize(
    ("query", "expect"),
    [
        (  # in a code span inside a paragraph, the devices the other way round: not the entry's words in their order
            "Hi, and thanks for sharing the code. When I train the second stage on my own dataset with two GPUs, it stops at the "
            "first iteration with `RuntimeError: Expected all tensors to be on the same device, but found at least two devices, "
            "cpu and cuda:1! (when checking argument for argument weight in method wrapper_linear)`. I moved the model with "
            ".cuda() before building the optimizer, and the batch with .to(device) in the loop. The first stage trained fine "
            "on the same machine. What else could be left on the CPU? Any hint is welcome, I have tried for two days now.",
            "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!",
        ),
        (  # Python 2's repr of the type, then the reader's question on the same line
            "Our nightly job on the shared box fails while writing the checkpoints, the message is <type 'exceptions.IOError'>: "
            "[Errno 28] No space left on device: '/var/tmp/ckpt/epoch_12.pth' and df shows the root partition is fine, only "
            "/var/tmp is small. Should the job write somewhere else, or clean the old epochs first?",
            "OSError: [Errno 28] No space left on device",
        ),
    ],
)
def test_an_error_inside_a_paragraph_finds_its_entry(index, query, expect):
    """A paste whose exception starts inside a line was read as a whole text: the more the reader wrote around it, the
    less its entry scored (here 0.52, just over the bar, and 0.496, under it; two real issues of this shape 0.57 and 0.58).
    Now 0.79 and 0.99."""
    assert [m.message for m in index.search(query, limit=1)] == [expect]


@pytest.mark.parametrize(
    "query",
    [
        "训练时报错AssertionError: Torch not compiled with CUDA enabled，怎么办",
        "after the upgrade: `ModuleNotFoundError: No module named 'onnxruntime'` again",
        "the run died with ValueError: not enough values to unpack (expected 2, got 1) after an hour",
    ],
)
def test_an_unknown_error_inside_a_line_of_prose_gets_no_answer(index, query):
    assert index.search(query) == []



@pytest.mark.parametrize(
    ("query", "expect"),
    [
        ("评估时报错 KeyError: 'bbox'，只有验证集会这样，训练集用同一个转换脚本却没问题，是不是有些标注没有写框？", "KeyError: 'bbox'"),
        (
            "跑转换脚本时报错ValueError: too many values to unpack (expected 2)，标签文件每行有五个数，是格式的问题吗？",
            "ValueError: too many values to unpack (expected 2)",
        ),
        ("ModuleNotFoundError: No module named 'mmcv._ext' はどうすれば直りますか、mim で入れ直しても同じです", "ModuleNotFoundError: No module named 'mmcv._ext'"),
    ],
)
def test_an_entry_whose_message_the_paste_shows_whole_scores_as_contained(index, query, expect):
    """An entry written with its type (KeyError: 'bbox') was looked for in the paste's message alone, without the
    type: the reader's words after it on the line then cost it (0.59, 0.70, 0.84), as in real issues whose Chinese or
    Japanese sentence goes on after the error."""
    best = index.search(query, limit=1)[0]
    assert (best.message, best.score >= CONTAINED_SCORE) == (expect, True)


def test_of_two_messages_found_whole_in_a_paste_the_longer_comes_first():
    """A lookup round: ``unable to load config.yaml: open …: no such file or directory`` holds both entries'
    messages whole; the tie went to the one first in the alphabet, the shorter and less telling one."""
    from errata.fingerprint import fingerprint

    records = [
        {"message": message, "type": None, "url": f"notes/#{n}", "fingerprint": fingerprint(message)}
        for n, message in enumerate(["no such file or directory", "unable to load config.yaml"])
    ]
    found = LookupIndex(records).search("Error: unable to load config.yaml: open /srv/app/config.yaml: no such file or directory")
    assert [m.message for m in found][:2] == ["unable to load config.yaml", "no such file or directory"]
    assert found[0].score == found[1].score


def test_cli_shows_a_message_s_terminal_escapes_without_obeying_them(tmp_path):
    """An audit: an entry's message held a terminal's escapes (OSC 52 writes the clipboard, OSC 0 the window's
    title, CSI 2K erases the line), which lookup.py and new_entry.py printed as they were, so the reader's terminal
    obeyed them. The check reports such a message, and both scripts print the escapes as text."""
    from errata.checks import check_entry_messages
    from errata.entries import find_entries

    message = "RuntimeError: CUDA out of memory\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGV8c2g=\x07\x1b[2K\x1b]0;pwned\x07 Tried"
    essay = f"---\ntitle: t\n---\n# t\n\n- `{message}`\n\n  - 问题分析：\n    x\n\n  - 解决方案：\n    y\n"
    (tmp_path / "e.md").write_text(essay, encoding="utf-8")
    assert [p.line for p in check_entry_messages(find_entries(essay.split("---\n", 2)[2], 4), "e.md")] == [6]
    result = lookup("--docs", str(tmp_path), "RuntimeError: CUDA out of memory Tried")
    assert result.returncode == 0 and "\\x1b]52;c;" in result.stdout
    assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) <= 0x9F for c in result.stdout)
    scaffold = subprocess.run([sys.executable, str(ROOT / "scripts" / "new_entry.py"), "--docs", str(tmp_path), "RuntimeError: CUDA out of memory Tried"], capture_output=True, text=True, cwd=ROOT)
    assert "\\x1b]52;c;" in scaffold.stderr and "\x1b" not in scaffold.stderr


@pytest.mark.parametrize("case", VECTORS["names"]["confident"], ids=lambda c: c["query"][-40:])
def test_python_weighs_a_shared_library_s_name_as_the_shared_vectors_say(case):
    """A second lookup round: ``libgthread-2.0.so.0`` reached the ``libGL.so.1`` entry at 0.83 (another package to
    install). A library's name weighs as a name now, and two that differ twice."""
    index = LookupIndex(VECTORS["names"]["records"])
    assert [m.message for m in index.search(case["query"])] == case["matches"]


@pytest.mark.parametrize("case", VECTORS["causes"]["cases"], ids=lambda c: c["query"][:40])
def test_python_looks_up_the_cause_a_tool_states_under_its_error_as_the_shared_vectors_say(case):
    """A sixth lookup round: Gradle's ``Error:Execution failed for task ':app:processXiaomiDebugManifest'.`` went at 0.56 to
    another task's failure; the line under it (``> Manifest merger failed …``) says which error it is."""
    assert stated_cause(case["query"]) == case["cause"]
    index = LookupIndex(VECTORS["causes"]["records"])
    assert [m.message for m in index.search(case["query"])] == case["matches"], case["_comment"]


@pytest.mark.parametrize("case", VECTORS["codes"]["confident"], ids=lambda c: c["query"][-40:])
def test_python_reads_a_code_that_names_the_error_as_the_shared_vectors_say(case):
    """A fourth lookup round: ``ORA-00054`` in English inside a SQLException found nothing of a note headed by the same
    code in Chinese (the code was ``ORA-<num>``). A code names the error whatever wraps it; another code is another."""
    index = LookupIndex(VECTORS["codes"]["records"])
    assert [m.message for m in index.search(case["query"])] == case["matches"]


@pytest.mark.parametrize("case", VECTORS["localised"]["confident"], ids=lambda c: c["query"][-40:])
def test_python_reads_a_chinese_locale_s_system_error_as_its_english_as_the_shared_vectors_say(case):
    """A ninth lookup round: a note copied ``Makefile:8: /make/project.mk: 没有那个文件或目录`` from a Chinese terminal,
    the reader pasted ``No such file or directory`` from theirs, and got another entry that shared the English words.
    What the C library and the shell print in a Chinese locale is read as their English."""
    index = LookupIndex(VECTORS["localised"]["records"])
    assert [m.message for m in index.search(case["query"])] == case["matches"], case["_comment"]


def test_a_windows_status_code_names_its_error(tmp_path):
    """A fourth kind of identity (a third lookup round): ``WslRegisterDistribution failed with error: 0x8007001F`` is not
    the entry for ``0x800706BA`` (the codes were both <hex>, and four such pastes were answered at 1.00), and the same
    code, in other words around it, still finds its entry. The entry here is a bold paragraph's, as notes write them."""
    essay = tmp_path / "docs" / "01.wsl" / "01.notes.md"
    essay.parent.mkdir(parents=True)
    essay.write_text(
        "---\ntitle: WSL 笔记\n---\n\n前言。\n\n**报错：WslRegisterDistribution failed with error: 0x800706BA 解决：**\n\n"
        "以管理员身份重启 LxssManager 服务。\n",
        encoding="utf-8",
    )
    index = LookupIndex(Catalogue(tmp_path / "docs").refresh().records())
    same = index.search("Installing, this may take a few minutes...\nWslRegisterDistribution failed with error: 0x800706ba\nError: 0x800706ba The RPC server is unavailable.")
    assert [m.message for m in same] == ["WslRegisterDistribution failed with error: 0x800706BA"]
    assert "#wslregisterdistribution-failed-with-error-" in same[0].url
    other = index.search("Installing, this may take a few minutes...\nWslRegisterDistribution failed with error: 0x8007001F\nError: 0x8007001F")
    assert other == []


def test_a_log_s_error_line_is_tried_where_the_tool_s_last_line_says_nothing_known():
    """Lookup round eleven: Logstash 5 logs ``[…][ERROR][logstash.pipeline] A plugin had an unrecoverable error``, then
    the plugin's settings on one line a thousand characters long, then ``Error: event executor terminated``. Only the
    line before the last was tried, and the settings sank the paste (0.058); the line a log marks ``[ERROR]`` is
    tried after it, nearest first."""
    from errata.fingerprint import fingerprint
    from errata.lookup import LookupIndex

    message = "A plugin had an unrecoverable error. Will restart this plugin."
    index = LookupIndex([{"message": message, "url": "logstash/#plugin", "type": None, "fingerprint": fingerprint(message)}])
    settings = ", ".join(f"option_{n}=>{n}" for n in range(60))
    paste = f"[2017-01-04T11:44:15,077][ERROR][logstash.pipeline        ] {message}\n  Plugin: <LogStash::Inputs::Beats {settings}>\n  Error: event executor terminated"
    assert [m.url for m in index.search(paste)] == ["logstash/#plugin"]
    assert index.search(paste.replace("[ERROR]", "[INFO]")) == []  # a line the log does not mark is not tried
