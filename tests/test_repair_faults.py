"""The repair under faults and hostile files: every file ends up untouched or fully rewritten.

Each case runs the command in-process (``main``) with faults injected by
monkeypatch: a disk that fills on the second file, a folder that refuses
writes, a person editing a file while the repair runs. The hostile files are
real: symbolic links out of the folder and in a loop, a FIFO, YAML alias
bombs, a heading of 100,000 spaces, NUL bytes, a 5 MB line. Each case checks
the file's bytes, that the message names the file (and line), the exit code,
and that no traceback escapes. The timeout marks a hang, not a speed target.
"""

from __future__ import annotations

import errno
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from errata import files
from errata.cli.repair import main
from errata.text.mojibake import repair_mojibake

pytestmark = pytest.mark.timeout(20)

CLEAN = "---\ntitle: 干净的文章\n---\n# 干净的文章\n\n正文。\n"
CRLF = CLEAN.replace("\n", "\r\n").encode("utf-8")  # needs a repair: the line ends


@pytest.fixture
def folder(tmp_path):
    """docs/a.md, docs/b.md, docs/c.md, each needing a repair (CRLF line ends)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in "abc":
        (docs / f"{name}.md").write_bytes(CRLF)
    return docs


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "None" not in err
    return code, out, err


def refused(capsys, essay, content: bytes) -> str:
    """Write ``content`` to ``essay``, run ``--write`` on it, check it failed and stayed as it was; stderr."""
    essay.write_bytes(content)
    code, _, err = run(capsys, "--write", essay)
    assert code == 2 and essay.read_bytes() == content
    return err


def repaired(path) -> bool:
    return path.read_bytes() == CLEAN.encode("utf-8")


def no_temp_files(folder) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def fail_on_call(number: int, real, exc: OSError):
    """A stand-in for ``real`` that raises ``exc`` on its ``number``-th call."""
    calls = []

    def fake(*args, **kwargs):
        calls.append(args)
        if len(calls) == number:
            raise exc
        return real(*args, **kwargs)

    return fake


def test_disk_full_on_the_second_file_fails_that_file_only(folder, capsys, monkeypatch):
    monkeypatch.setattr(os, "fsync", fail_on_call(2, os.fsync, OSError(errno.ENOSPC, "No space left on device")))
    code, out, err = run(capsys, "--write", folder)
    assert code == 2
    assert repaired(folder / "a.md") and repaired(folder / "c.md")
    assert (folder / "b.md").read_bytes() == CRLF  # untouched, not half written
    assert f"{folder / 'b.md'}: cannot write" in err and "No space left on device" in err
    assert f"{folder / 'a.md'}: CRLF → LF [written]" in out and "b.md" not in out
    assert "1 of 3 file(s) failed" in err and "2 written" in err
    assert no_temp_files(folder)


def test_read_only_subfolder_fails_its_files_only(folder, capsys, monkeypatch):
    locked = folder / "locked"
    locked.mkdir()
    (locked / "d.md").write_bytes(CRLF)
    real = files._temporary_file

    def refuse_locked(folder, prefix):
        if os.path.samefile(folder, locked):  # as root, chmod would not stop the write
            raise PermissionError(errno.EACCES, "Permission denied", str(folder))
        return real(folder, prefix)

    monkeypatch.setattr(files, "_temporary_file", refuse_locked)
    code, _, err = run(capsys, "--write", folder)
    assert code == 2
    assert all(repaired(folder / f"{n}.md") for n in "abc")
    assert (locked / "d.md").read_bytes() == CRLF
    assert f"{locked / 'd.md'}: cannot write {locked}: Permission denied" in err


def test_output_folder_failure_fails_that_copy_only(folder, tmp_path, capsys, monkeypatch):
    out_dir = tmp_path / "out"
    monkeypatch.setattr(os, "fsync", fail_on_call(2, os.fsync, OSError(errno.ENOSPC, "No space left on device")))
    code, out, err = run(capsys, folder, "--output", out_dir)
    assert code == 2
    assert repaired(out_dir / "a.md") and repaired(out_dir / "c.md") and not (out_dir / "b.md").exists()
    assert all((folder / f"{n}.md").read_bytes() == CRLF for n in "abc")  # sources never touched
    assert f"[written to {out_dir / 'a.md'}]" in out
    assert f"{folder / 'b.md'}: cannot write" in err
    assert no_temp_files(out_dir)


def test_an_edit_made_while_the_repair_runs_survives(folder, capsys, monkeypatch):
    import errata.cli.repair as cli

    edited = CRLF + "我刚加的一行。\r\n".encode("utf-8")
    real = cli.repair_bytes

    def repair_then_edit(data, path, options):
        result = real(data, path, options)
        if path.endswith("b.md"):  # the person saves b.md after the repair read it
            (folder / "b.md").write_bytes(edited)
        return result

    monkeypatch.setattr(cli, "repair_bytes", repair_then_edit)
    code, _, err = run(capsys, "--write", folder)
    assert code == 2
    assert (folder / "b.md").read_bytes() == edited
    assert f"{folder / 'b.md'}: changed on disk while the repair ran" in err
    assert repaired(folder / "a.md") and repaired(folder / "c.md")


def test_an_edit_made_between_the_temporary_file_and_the_rename_survives(folder, capsys, monkeypatch):
    edited = b"# saved by an editor at the last moment\n"
    real = os.fsync

    def fsync_then_edit(fd):
        real(fd)
        if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith(".b.md."):
            (folder / "b.md").write_bytes(edited)

    monkeypatch.setattr(os, "fsync", fsync_then_edit)
    code, _, err = run(capsys, "--write", folder)
    assert code == 2 and (folder / "b.md").read_bytes() == edited
    assert f"{folder / 'b.md'}: changed on disk" in err
    assert no_temp_files(folder)


def test_output_onto_the_source_folder_keeps_an_edit_made_meanwhile(folder, capsys, monkeypatch):
    import errata.cli.repair as cli

    real = cli.repair_bytes

    def repair_then_edit(data, path, options):
        result = real(data, path, options)
        if path.endswith("a.md"):
            (folder / "a.md").write_bytes(b"# edited\n")
        return result

    monkeypatch.setattr(cli, "repair_bytes", repair_then_edit)
    code, _, err = run(capsys, folder, "--output", folder)
    assert code == 2 and (folder / "a.md").read_bytes() == b"# edited\n"
    assert f"{folder / 'a.md'}: changed on disk" in err and repaired(folder / "b.md")


def test_a_symlink_out_of_the_folder_is_neither_followed_nor_replaced(folder, tmp_path, capsys):
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_bytes(b"token-1234\r\n")
    link = folder / "link.md"
    link.symlink_to(secret)
    out_dir = tmp_path / "out"
    for args in (["--write", folder], [folder, "--output", out_dir]):
        code, out, err = run(capsys, *args)
        assert code == 2
        assert link.is_symlink() and os.readlink(link) == str(secret)
        assert secret.read_bytes() == b"token-1234\r\n"
        assert f"{link}: a symbolic link: skipped" in err and "link.md" not in out
    assert not (out_dir / "link.md").exists()  # the outside file is not copied into the site
    assert repaired(out_dir / "a.md") and repaired(folder / "a.md")


def test_a_symlink_inside_the_output_folder_is_not_written_through(folder, tmp_path, capsys):
    (folder / "sub").mkdir()
    (folder / "sub" / "d.md").write_bytes(CRLF)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "sub").symlink_to(elsewhere)
    code, _, err = run(capsys, folder, "--output", out_dir)
    assert code == 2 and not list(elsewhere.iterdir())
    assert f"{folder / 'sub' / 'd.md'}: {out_dir / 'sub'} leads outside {out_dir} through a symbolic link" in err
    assert repaired(out_dir / "a.md")


def test_a_symlink_loop_is_reported(folder, capsys):
    loop = folder / "loop.md"
    loop.symlink_to(loop)
    code, _, err = run(capsys, "--write", folder)
    assert code == 2 and f"{loop}: a symbolic link: skipped" in err
    assert loop.is_symlink() and repaired(folder / "a.md")


@pytest.mark.parametrize("named", [False, True], ids=["in-folder", "named"])
def test_a_fifo_is_skipped_without_being_opened(folder, capsys, named):
    fifo = folder / "pipe.md"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "--write", fifo if named else folder)
    assert code == 2 and f"{fifo}: not a regular file" in err
    assert repaired(folder / "a.md") is not named  # a folder's other files are still written


def test_an_unreadable_file_is_reported_and_the_others_written(folder, capsys, monkeypatch):
    target = str(folder / "b.md")
    real = os.open

    def refuse(path, *args, **kwargs):
        if os.fspath(path) == target:  # as root, chmod 000 would not stop the read
            raise PermissionError(errno.EACCES, "Permission denied", target)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    code, _, err = run(capsys, "--write", folder)
    assert code == 2 and f"{target}: cannot read: Permission denied" in err
    assert (folder / "b.md").read_bytes() == CRLF and repaired(folder / "c.md")


def test_json_reports_every_file_with_no_negative_counts(folder, capsys):
    (folder / "b.md").write_bytes(b"---\ntitle: x\n# no closing line\n")
    code, out, _ = run(capsys, "--json", "--write", folder)
    report = {os.path.basename(r["path"]): r for r in json.loads(out)}
    assert code == 2
    assert report["a.md"]["status"] == "written" and report["a.md"]["line_endings_converted"] is True
    # Not closed: no telling where the body starts, so the file stays as it is, with the problem named.
    assert report["b.md"]["status"] == "unchanged" and report["b.md"]["changed"] is False
    assert report["b.md"]["line"] == 1
    assert report["b.md"]["error"] == "front matter is not closed: add a line '---' after its last key"
    numbers = [v for r in report.values() for v in r.values() if isinstance(v, int) and not isinstance(v, bool)]
    assert numbers and min(numbers) >= 0


def test_unclosed_front_matter_is_an_error_with_its_line(tmp_path, capsys):
    essay = tmp_path / "open.md"
    err = refused(capsys, essay, b"---\ntitle: t\ntags: [a]\n\n# t\n\nbody\n")
    assert f"{essay}:1: front matter is not closed" in err


def alias_bomb(levels: int = 9) -> str:
    """The "billion laughs": each line an anchor holding nine aliases of the one before."""
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("front", "line"),
    [
        (alias_bomb() + "title: *l8\n", 6),  # line 6: l4, the first anchor beyond the budget (9⁵ × "lol")
        ("title: t\n" + alias_bomb() + "tags: *l8\n", 7),
        ("title: t\n" + alias_bomb(), 7),  # an unknown key: kept as it was, were it not refused
    ],
    ids=["title", "tags", "unknown-key"],
)
def test_yaml_alias_bombs_are_refused_quickly(tmp_path, capsys, front, line):
    essay = tmp_path / "bomb.md"
    err = refused(capsys, essay, f"---\n{front}---\n正文\n".encode())
    assert f"{essay}:{line}: invalid YAML front matter: aliases expand it beyond" in err


def test_small_aliases_are_kept_and_the_report_says_the_block_is_rewritten(tmp_path, capsys):
    essay = tmp_path / "alias.md"
    essay.write_text("---\ntitle: t\nbase: &b [x, y]\ncopy: *b\n---\n正文\n", encoding="utf-8")
    code, out, _ = run(capsys, "--check", essay)
    assert code == 1 and "front matter reformatted" in out
    assert run(capsys, "--write", essay)[0] == 0
    assert run(capsys, "--check", essay)[:2] == (0, f"{essay}: unchanged\n")


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("title: !!python/object/apply:os.system [echo hi]\n", ":2: invalid YAML front matter: could not determine a constructor"),
        ("title: t\nx: " + "[" * 200 + "]" * 200 + "\n", ":3: invalid YAML front matter: nested deeper than 32 levels"),
        ("title: [a, b]\n", ":2: title: want text, not a list"),
        ("title: t\ntags: [[a]]\n", ":3: tags: item 1: want text, not a list"),
        ("title: t\ndate: 2022-13-45\n", ":3: invalid YAML front matter: 2022-13-45 is not a valid date"),
        ("title: A\ntags: [x]\ntitle: B\n", ":4: invalid YAML front matter: duplicate key 'title' (also 2 lines above)"),
        ("title: t\nx: '" + "y" * 70000 + "'\n", ":1: front matter is longer than 64 KB"),
    ],
    ids=["python-tag", "deep", "title-list", "nested-tags", "bad-date", "duplicate-key", "too-long"],
)
def test_hostile_front_matter_is_an_error_naming_file_and_line(tmp_path, capsys, front, message):
    essay = tmp_path / "hostile.md"
    err = refused(capsys, essay, f"---\n{front}---\n正文\n".encode())
    assert f"{essay}{message}" in err
    assert "[" not in err.split(message)[-1]  # no Python repr of a value


def test_a_heading_of_100000_spaces_gives_the_title_in_one_pass(tmp_path, capsys):
    essay = tmp_path / "spaces.md"
    essay.write_text("# a" + " " * 100_000 + "b\n\n正文\n", encoding="utf-8")
    code, out, _ = run(capsys, "--write", essay)
    assert code == 0 and "front matter: title" in out
    assert essay.read_text(encoding="utf-8").startswith("---\ntitle: a b\n---\n# a ")
    assert run(capsys, "--check", essay)[0] == 0


def test_nul_bytes_are_refused_with_a_message(tmp_path, capsys):
    essay = tmp_path / "nul.md"
    err = refused(capsys, essay, "---\ntitle: 空字节\n---\n正文\x00中间。\n".encode("utf-8"))
    assert f"{essay}:4: not a text file (a NUL byte on line 4)" in err  # the line a person can look at (red team round 31)


def test_a_5_mb_line_is_repaired(tmp_path, capsys):
    essay = tmp_path / "long.md"
    line = "长行 abc " * 700_000
    essay.write_bytes(("---\ntitle: 长行\n---\n" + line + "\r\n").encode("utf-8"))
    code, out, _ = run(capsys, "--write", essay)
    assert code == 0 and "CRLF → LF [written]" in out
    assert essay.read_bytes() == ("---\ntitle: 长行\n---\n" + line + "\n").encode("utf-8")


#: Common characters for a hostile line, each with its own neighbours.
LINE_OF_HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"


@pytest.mark.parametrize(
    "shape",
    [
        pytest.param(lambda n: ("¨¦a" * n).encode(), id="one line of GBK pinyin letters read as Latin-1"),
        pytest.param(lambda n: b"\xe4\xb8\n" * n, id="a line for each truncated character"),
        pytest.param(lambda n: ("ä¸\n" * n).encode(), id="a line for each cp1252 fragment"),
        pytest.param(lambda n: b" " * 2 * n + b"\xe4\xb8" + b" " * 2 * n, id="a truncated character between spaces"),
        # Past the search budget at both sizes: each damaged character is put in its place without a scan of the line.
        pytest.param(lambda n: ("（".encode() + "）".encode()[:-1]) * (3 * n), id="one line of brackets short of a byte"),
        # Runs glued to Latin words, each asked whether its word is written as words are: the line asked once, the word bounded.
        pytest.param(lambda n: ("Arrêté\u00a0: " * (2 * n)).encode(), id="one line of words whose letters read as Shift-JIS"),
        pytest.param(lambda n: ("x" + "õäöü" * (2 * n)).encode(), id="one word of letters that read as GBK"),
        # One window of a thousand slots, and four thousand: each hypothesis once copied all its
        # choices, and merging two compared them all (59 s against 5 s).
        pytest.param(lambda n: b"".join(LINE_OF_HAN[i % len(LINE_OF_HAN)].encode()[: 2 if i % 4 == 0 else 3] for i in range(n)), id="one line with every fourth character short of a byte"),
        # Each piece of a run looked at every mark of the run (16 s for 16,000 against 0.4 s now).
        pytest.param(lambda n: ("ä?" * n).encode(), id="one line of lead bytes each marked as short of one"),
        pytest.param(lambda n: ("д\ufffd" * n).encode(), id="the same in Windows-1251"),
        # Each fix was looked for in every respelt part (11.8 s for 100,000 characters).
        pytest.param(lambda n: ("дЅїз”Ё " * n).encode(), id="one line of Windows-1251 mojibake, a space after each word"),
        pytest.param(lambda n: ("её… " * n).encode(), id="one line of Russian that Windows-1251 mojibake could be"),
        # 古文码 read twice: each line is read back once before the 古文码 reader reads it.
        pytest.param(lambda n: ("閺勬儳鐡ㄦ稉宥咁檮\n" * (n // 4)).encode(), id="a line for each word of 古文码 read twice"),
        pytest.param(lambda n: ("閸旂喕鍏樼拠瀛樻??" * (n // 4)).encode(), id="one line of 古文码 read twice, marks and all"),
        # Whether the line is its codec's bytes from end to end was asked once a run, not once a line (28 s for 55,000
        # characters against 1.3 s, in a helper's audit).
        pytest.param(lambda n: ("±¨´í ÅäÖÃ " * (n // 4)).encode(), id="one line of GBK words read as Latin-1"),
        pytest.param(lambda n: ("±¨´í’t “D " * (n // 4)).encode(), id="one line of GBK words between quotes"),
        pytest.param(lambda n: ("שלום 配置 ".encode("utf-8").decode("latin-1") * (n // 4)).encode(), id="one line of Hebrew beside Chinese read as Latin-1"),
    ],
)
@pytest.mark.timeout(60)  # four repairs of up to 4,000 damaged characters each, on a shared machine
def test_hostile_damage_scales_linearly(shape):
    """Four times the input takes about four times as long, not sixteen (a quadratic step would)."""
    import time

    from errata.repair import repair_bytes

    def seconds(n: int) -> float:
        # This process's CPU time, not the wall clock: the other test worker (or a browser) on a
        # two-core machine stretches wall time, which made this fail now and then. The better of two.
        data = b"---\ntitle: t\n---\n" + shape(n)
        times = []
        for _ in range(2):
            start = time.process_time()
            repair_bytes(data, "a.md")
            times.append(time.process_time() - start)
        return min(times)

    seconds(500)  # the language model and its tables, loaded once
    assert seconds(16_000) < 8 * max(seconds(4_000), 0.05)


@pytest.mark.parametrize(
    "start, body, first",
    [
        pytest.param([], ["中", "文"], 0, id="a line of Chinese"),
        pytest.param(["a"], ["中", "文"], 0, id="a line whose start is a run of word characters"),
        pytest.param(list("k: "), ["中", "a"], 1, id="a YAML key, then one run of word characters"),
    ],
)
def test_putting_back_swallowed_bytes_scales_linearly(start, body, first):
    """A line of 古文码 from a greedy reader may hold a swallowed byte every other character; each used
    to copy the whole line twice (10,000 of them in one line took 2.2 s, 2,500 took 0.14 s), and to read
    the line's start again, as far as a run of word characters went (after a YAML key, the run after
    each place too: 8,000 places took 0.24 s, 2,000 took 0.018 s)."""
    import time

    from errata.text.mojibake import MojibakeReport, _restore_swallowed

    def seconds(n: int) -> float:
        times = []
        for _ in range(2):
            items = [start + body * n]
            places = list(range(len(start) + first, len(start) + len(body) * n, len(body)))
            start_time = time.process_time()
            _restore_swallowed(items, {1: places}, False, False, MojibakeReport())
            times.append(time.process_time() - start_time)
            assert len(items[0]) == len(start) + (len(body) + 1) * n  # every place got its byte
        return min(times)

    assert seconds(16_000) < 8 * max(seconds(4_000), 0.01)


def test_past_the_search_budget_each_damaged_character_takes_its_likeliest_fit():
    from errata.repair import RepairOptions, repair_bytes
    from errata.text.config import DEFAULT_CONFIG

    data = b"---\ntitle: t\n---\n" + "他说了一个字。\n".encode().replace("个".encode(), "个".encode()[:2]) * 30
    result = repair_bytes(data, "a.md", RepairOptions(config=DEFAULT_CONFIG._replace(max_searched_slots=10)))
    assert result.report.characters_recovered == 30
    assert "\ufffd" not in result.text and "ä" not in result.text


# Mojibake twice as a web page shows it (``Â `` and ``â€ `` with their spaces made plain) beside marks,
# Chinese and the repair's own internal mark: each reading is tried on pieces of the line, which once
# read a window holding a character that is no byte (a KeyError on ``Ãâ€ �©¯斺¹â€ ¶``).
_TWICE_PIECES = ["Ã", "Â", "â€", "Å", "§", "¤", "¦", "¸", "¼", "½", "¹", "¶", "©", "Ÿ", "Ž", "ž", "ˆ", "˜", "\xa0", " ", "?", "\ufffd", "\ufffc", "鈹", "溾", "斺", "中", "a", "\n", "├", "─", "Â ", "â€ ", "Å ", "Ã§Â Â"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TWICE_PIECES), max_size=60).map("".join))
def test_any_line_of_mojibake_twice_pieces_is_read_without_an_error(text):
    fixed, report = repair_mojibake(text)
    assert isinstance(fixed, str)
