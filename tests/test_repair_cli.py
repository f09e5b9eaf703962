"""scripts/repair.py as a user runs it: modes, exit codes, and bad input."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "repair.py"
CLEAN = "---\ntitle: 干净的文章\n---\n# 干净的文章\n\n正文。\n"


def run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True)


def test_default_reports_and_writes_nothing(seed_copy):
    before = seed_copy.read_bytes()
    result = run(seed_copy)
    assert result.returncode == 0
    assert "mojibake runs fixed" in result.stdout and "title fixed" in result.stdout
    assert seed_copy.read_bytes() == before


def test_check_exits_1_on_the_raw_seed_and_0_once_written(seed_copy):
    assert run("--check", seed_copy).returncode == 1
    assert run("--write", seed_copy).returncode == 0
    written = seed_copy.read_bytes()
    assert run("--check", seed_copy).returncode == 0
    assert run("--write", seed_copy).returncode == 0
    assert seed_copy.read_bytes() == written  # a second --write changes no byte


def test_write_keeps_permissions(seed_copy):
    seed_copy.chmod(0o640)
    run("--write", seed_copy)
    assert stat.S_IMODE(seed_copy.stat().st_mode) == 0o640


def test_output_keeps_relative_paths(tmp_path, seed_copy):
    blog = tmp_path / "old-blog"
    (blog / "01.mmdetection").mkdir(parents=True)
    seed_copy.rename(blog / "01.mmdetection" / "05.报错汇总.md")
    out = tmp_path / "docs"
    assert run(blog, "--output", out).returncode == 0
    assert (out / "01.mmdetection" / "05.报错汇总.md").read_text(encoding="utf-8").startswith("---\ntitle: mmdetection报错汇总\n")


def test_diff_is_a_unified_diff(seed_copy):
    result = run("--diff", seed_copy)
    assert result.stdout.startswith("--- a/")
    assert "+title: mmdetection报错汇总" in result.stdout


def test_json_report(seed_copy):
    report = json.loads(run("--json", seed_copy).stdout)
    assert report[0]["title_fixed"] is True
    assert report[0]["mojibake_runs"] > 10
    assert report[0]["characters_recovered"] > 0
    assert {"line", "column", "chosen", "runner_up", "margin"} <= set(report[0]["low_confidence"][0])


def test_strict_turns_low_confidence_into_an_error(seed_copy):
    result = run("--strict", "--write", seed_copy)
    assert result.returncode == 2
    assert f"{seed_copy}:" in result.stderr and "low-confidence" in result.stderr


def test_one_bad_file_does_not_stop_the_others(tmp_path, seed_copy):
    bad = tmp_path / "bad.md"
    bad.write_bytes(bytes(range(256)) * 4)  # not text at all
    before = bad.read_bytes()
    result = run("--write", tmp_path)
    assert result.returncode == 2
    assert f"{bad}: " in result.stderr and "not a text file" in result.stderr
    assert bad.read_bytes() == before  # the bad file is untouched
    assert seed_copy.read_bytes().startswith("---\ntitle: mmdetection报错汇总\n".encode())  # the good one is written
    assert f"{seed_copy}: " in result.stdout and "[written]" in result.stdout
    assert f"1 of 2 file(s) failed and were left untouched: {bad}; 1 written" in result.stderr


def test_a_front_matter_that_does_not_parse_keeps_its_block_and_the_body_is_repaired(tmp_path):
    essay = tmp_path / "a.md"
    block = "---\ntitle: [unclosed\n---\n"
    essay.write_text(block + "# " + "显存不够".encode().decode("latin-1") + "\n", encoding="utf-8")
    result = run("--write", essay)
    assert result.returncode == 2  # a person must mend the front matter
    assert f"{essay}:3: invalid YAML" in result.stderr and "the body is repaired" in result.stderr
    assert essay.read_text(encoding="utf-8") == block + "# 显存不够\n"  # block as found, body repaired
    assert "1 file(s) have a front matter to mend by hand" in result.stderr


def test_results_on_stdout_diagnostics_on_stderr(tmp_path):
    (tmp_path / "a.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "b.md").write_bytes(bytes(range(256)) * 4)
    result = run(tmp_path)
    assert result.stdout == f"{tmp_path / 'a.md'}: unchanged\n"
    assert result.stderr.startswith(f"error: {tmp_path / 'b.md'}: not a text file")
    report = json.loads(run("--json", tmp_path).stdout)
    assert [r["status"] for r in report] == ["unchanged", "failed"]


def test_the_projects_own_docs_pass_check_and_the_report_agrees():
    result = run("--check", ROOT / "docs")
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(line.rsplit(": ", 1)[1] for line in result.stdout.splitlines()) == {"unchanged"}


def test_the_report_names_a_reindented_front_matter(tmp_path):
    path = tmp_path / "indented.md"
    path.write_text("---\ntitle: 首页\nhide:\n  - toc\n---\n# 首页\n", encoding="utf-8")
    result = run("--check", path)
    assert result.returncode == 1 and result.stdout == f"{path}: front matter reformatted\n"
    assert run("--write", path).returncode == 0
    written = path.read_bytes()
    assert written == "---\ntitle: 首页\nhide:\n- toc\n---\n# 首页\n".encode()
    assert run("--check", path).returncode == 0 and run("--write", path).returncode == 0
    assert path.read_bytes() == written


def test_binary_file_is_exit_2(tmp_path):
    image = tmp_path / "image.md"
    image.write_bytes(bytes(range(256)) * 4)
    result = run(image)
    assert result.returncode == 2 and f"error: {image}: not a text file" in result.stderr and result.stdout == ""


def test_a_symlink_loop_is_skipped_with_exit_2(tmp_path):
    looped = tmp_path / "looped.md"
    looped.symlink_to(looped)
    result = run(looped)
    assert result.returncode == 2 and f"{looped}: a symbolic link: skipped" in result.stderr


def test_missing_file_is_exit_2(tmp_path):
    result = run(tmp_path / "nope.md")
    assert result.returncode == 2 and "nope.md: cannot read" in result.stderr


def test_clean_file_is_left_alone(tmp_path):
    path = tmp_path / "clean.md"
    path.write_text(CLEAN, encoding="utf-8")
    assert run("--check", path).returncode == 0
    assert "unchanged" in run(path).stdout


@pytest.mark.parametrize("value", ["!!bool maybe", "!!timestamp soon"])
def test_an_explicit_tag_its_value_does_not_fit_is_a_front_matter_to_mend_not_a_crash(tmp_path, value):
    """PyYAML fails on these with a KeyError or an AttributeError: once that ended the whole run, no file written."""
    bad, other = tmp_path / "a.md", tmp_path / "b.md"
    block = f"---\ntitle: 环境\ndraft: {value}\n---\n"
    bad.write_text(block + "# " + "显存不够".encode().decode("latin-1") + "\n", encoding="utf-8")
    other.write_text("# " + "训练报错".encode().decode("latin-1") + "\n", encoding="utf-8")
    result = run("--write", bad, other)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{bad}:3: invalid YAML front matter" in result.stderr
    assert bad.read_text(encoding="utf-8") == block + "# 显存不够\n"  # block as found, body repaired
    assert "训练报错" in other.read_text(encoding="utf-8")
