"""The built site: entry cards and anchors, /errors/, tags, redirects, errors.json, the search index."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path


from conftest import ROOT
from dev.devtools import build_site
from errata.entries import anchor_for
from errata.frontdoor import LOOKUP_PARAM
from errata.site import SITE_PAGE_SEARCH_BOOST

SEED_MESSAGE = "one of the variables needed for gradient computation has been modified by an inplace operation"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_numbers_appear_in_neither_urls_nor_titles(site):
    assert (site / "mmdetection" / "mmdetection-errors" / "index.html").exists()
    assert not any("01." in p.as_posix() for p in site.rglob("*.html"))
    nav = read(site, "index.html")
    # the folder's navigation tab and link read "mmdetection", nothing more
    tabs = re.findall(r'class="md-tabs__link">\s*([^<]*?)\s*</a>', nav)
    assert "mmdetection" in tabs, tabs
    assert "01.mmdetection" not in nav


def test_navigation_follows_the_folder_numbers(site):
    nav = read(site, "index.html")
    order = [nav.index(name) for name in ("mmdetection", "pytorch", "python", "english")]
    assert order == sorted(order)


def test_seed_entry_is_a_card_with_a_stable_anchor(site):
    page = read(site, "mmdetection/mmdetection-errors/index.html")
    anchor = anchor_for(SEED_MESSAGE)
    assert f'id="{anchor}"' in page
    assert 'class="errata-entry"' in page
    assert 'class="errata-type" title="异常类型">RuntimeError<' in page
    for title in ("详细报错信息", "问题分析", "解决方案", "参考文章"):
        assert title in page
    # the 20-line traceback is collapsible (<details>), closed by default
    assert re.search(r'<details class="failure">\s*<summary>详细报错信息</summary>', page)


def test_every_card_is_one_container_with_its_heading_and_meta_line_first(site):
    cards = 0
    for path in site.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        assert "errata-card-end" not in page, path
        for card in re.finditer(r'<div class="errata-entry">(.*?)(?=<div class="errata-entry">|</article>)', page, re.DOTALL):
            cards += 1
            body = card.group(1)
            assert re.match(r'\s*<h([2-6]) class="errata-entry-title" id="[^"]+">.*?</h\1>\n<p class="errata-meta">', body, re.DOTALL), path
            # the container closes after the card's sections, before whatever follows in the essay
            assert body.count("<div") < body.count("</div>"), path
    assert cards >= 9


def test_heading_entries_and_english_labels_are_read(site):
    page = read(site, "python/environment/index.html")
    assert f'id="{anchor_for("ModuleNotFoundError: No module named {0}mmcv._ext{0}".format(chr(39)))}"' in page
    english = read(site, "english/data-loading/index.html")
    assert f'id="{anchor_for("KeyError: {0}bbox{0}".format(chr(39)))}"' in english
    assert "问题分析" in english and "解决方案" in english


def test_errors_index_lists_every_entry_with_links_to_anchors(site):
    page = read(site, "errors/index.html")
    data = json.loads(read(site, "errors.json"))
    assert len(data["entries"]) >= 9
    for entry in data["entries"]:
        href = "../" + entry["url"]
        assert f'href="{href}"' in page, entry["url"]
    assert 'data-tag="torch"' in page and 'data-tag="RuntimeError"' in page


def test_errors_json_has_what_the_lookup_needs(site):
    data = json.loads(read(site, "errors.json"))
    seed = next(e for e in data["entries"] if e["message"] == SEED_MESSAGE)
    assert seed["type"] == "RuntimeError"
    assert {"RuntimeError", "mmcv", "torch"} <= set(seed["tags"])
    assert seed["url"] == f"mmdetection/mmdetection-errors/#{anchor_for(SEED_MESSAGE)}"
    assert seed["fingerprint"].startswith("RuntimeError: one of the variables needed")
    assert "<shape>" in seed["fingerprint"] and "ReluBackward<num>" in seed["fingerprint"]
    assert "exception_line" in data["rules"]  # the page's JavaScript compiles these


def test_tags_page_lists_derived_tags_for_an_essay_that_declared_none(site):
    page = read(site, "tags/index.html")
    for tag in ("RuntimeError", "torch", "mmcv"):
        assert f'id="tag:{tag.lower()}"' in page, tag
    torch_section = page.split('id="tag:torch"', 1)[1].split('id="tag:', 1)[0]
    assert "mmdetection报错汇总" in torch_section


def test_categories_and_archive(site):
    assert "essay" in read(site, "categories/index.html")
    archive = read(site, "archive/index.html")
    assert "2022 年 7 月" in archive and "mmdetection报错汇总" in archive


def test_old_permalink_redirects(site):
    page = read(site, "pages/7c1c52/index.html")
    assert 'url=../../mmdetection/mmdetection-errors/"' in page


def test_search_index_has_one_section_per_entry_titled_by_its_message(site):
    index = json.loads(read(site, "search/search_index.json"))
    sections = {doc["location"]: doc["title"] for doc in index["docs"]}
    location = f"mmdetection/mmdetection-errors/#{anchor_for(SEED_MESSAGE)}"
    assert location in sections
    assert SEED_MESSAGE in sections[location]
    assert "\u200b" in index["config"]["separator"] or "u200b" in index["config"]["separator"]
    assert any("显存" in doc["text"] for doc in index["docs"])  # Chinese is indexed (jieba-segmented)


def test_interface_is_chinese(site):
    assert '<html lang="zh"' in read(site, "index.html")


# -- fixture sites: what strict builds refuse -----------------------------------------


def fixture_site(tmp_path: Path, files: dict[str, str]):
    docs = tmp_path / "docs"
    for name, text in {"index.md": "# 首页\n", **files}.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    dest = tmp_path / "site"
    return build_site(dest, docs_dir=docs), dest


UNSAFE = """\
    ---
    title: 不安全的文章
    ---
    # 不安全的文章

    <script>alert("x")</script>

    <img src="a.png" onerror="alert(1)">

    [点我](javascript:alert(1))
    """


def test_unsafe_html_fails_a_strict_build_naming_file_and_line(tmp_path):
    result, _ = fixture_site(tmp_path, {"bad.md": UNSAFE})
    assert result.returncode != 0
    assert "bad.md:6: unsafe HTML: <script> element" in result.stderr
    assert "bad.md:8: unsafe HTML: event-handler attribute onerror" in result.stderr
    assert "bad.md:10: unsafe HTML: javascript: URL" in result.stderr


def test_the_build_names_the_line_the_check_names_after_blank_lines_under_the_front_matter(tmp_path):
    """MkDocs takes the blank lines after the front matter off the page's Markdown: the build log named the line one
    above each problem of an essay written ``---``, a blank line, its text (a red-team audit; the check was right)."""
    result, _ = fixture_site(tmp_path, {"bad.md": UNSAFE.replace("    ---\n    # ", "    ---\n\n\n    # ")})
    assert result.returncode != 0
    assert "bad.md:8: unsafe HTML: <script> element" in result.stderr
    assert "bad.md:12: unsafe HTML: javascript: URL" in result.stderr


def test_code_and_escaped_text_pass_a_strict_build_and_show_as_text(tmp_path):
    """The same script that fails the build above, in indented code (notebook output is written so),
    is code: the build passes and the page shows it; so does a tag's name written escaped."""
    page = "---\ntitle: 代码\n---\n# 代码\n\n```python\ndf.info\n```\n\n    <script>alert(\"x\")</script>\n    <bound method DataFrame.info>\n\n> 注意：\\<details\\> 里的 Markdown 无效\n"
    result, dest = fixture_site(tmp_path, {"code.md": page})
    assert result.returncode == 0, result.stderr
    content = (dest / "code" / "index.html").read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
    assert "&lt;script&gt;alert" in content and "&lt;bound method DataFrame.info&gt;" in content and "&lt;details&gt;" in content
    assert "<script>alert" not in content


def test_unsafe_html_never_reaches_the_pages_even_without_strict(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# 首页\n", encoding="utf-8")
    (docs / "bad.md").write_text(textwrap.dedent(UNSAFE), encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs, strict=False)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "bad" / "index.html").read_text(encoding="utf-8")
    content = page.split('<article', 1)[1].split("</article>", 1)[0]
    assert "<script" not in content and "onerror" not in content and "javascript:" not in content


def test_emoji_shortcodes_load_nothing_from_another_host_and_keep_heading_ids(tmp_path):
    """Material draws :email: as a picture on cdn.jsdelivr.net; here it is the character, drawn by
    the stylesheet from the span's label, and the heading's id is made of its words as before."""
    page = "---\ntitle: 表情\n---\n# 表情\n\n## :email: 联系\n\n:+1: 好 :material-check: [联系](#联系)\n"
    result, dest = fixture_site(tmp_path, {"emoji.md": page})
    assert result.returncode == 0, result.stderr
    content = (dest / "emoji" / "index.html").read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
    assert 'id="联系"' in content
    assert 'aria-label="📧"' in content and 'aria-label="👍"' in content and "<svg" in content
    assert "jsdelivr" not in content and "<img" not in content
    css = (ROOT / "docs" / "assets" / "stylesheets" / "errata.css").read_text(encoding="utf-8")
    assert re.search(r"\.errata-emoji::before\s*\{\s*content: attr\(aria-label\);", css)


def test_old_addresses_and_pages_where_the_build_writes_its_own_fail_at_their_line_not_in_a_traceback(tmp_path):
    pages = {
        "victim.md": "---\ntitle: victim\nredirect_from: [/index.html, /tags.json]\n---\n# victim\n",
        "errors/README.md": "---\ntitle: 我的报错\n---\n# 我的报错\n",
        "tags.json/index.md": "---\ntitle: 数据\n---\n# 数据\n",
    }
    result, _ = fixture_site(tmp_path, pages)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "victim.md:3: redirect_from '/index.html' would replace the home page" in result.stderr
    assert "victim.md:3: redirect_from /tags.json/ is a path the site generates" in result.stderr
    assert "errors/README.md:1: errors/README.md would be published at errors/, where the site writes its own page errors.md" in result.stderr
    assert "tags.json/index.md:1: tags.json/index.md would be published at tags.json/, where the site writes its file tags.json" in result.stderr


def test_leftover_mojibake_fails_a_strict_build(tmp_path):
    result, _ = fixture_site(tmp_path, {"garbled.md": "---\ntitle: t\n---\n# t\n\nè¯¦ç»†æŠ¥é”™ä¿¡æ¯\n"})
    assert result.returncode != 0
    assert "garbled.md:6: mojibake" in result.stderr


def test_invalid_front_matter_fails_a_strict_build(tmp_path):
    result, _ = fixture_site(tmp_path, {"meta.md": "---\ntitle: t\ntags:\n  - \n---\n# t\n"})
    assert result.returncode != 0
    assert "meta.md:4: tags: item 1 is empty" in result.stderr  # at the item's line


def test_broken_anchor_fails_a_strict_build(tmp_path):
    result, _ = fixture_site(tmp_path, {"links.md": "---\ntitle: t\n---\n# t\n\n[x](index.md#nowhere)\n"})
    assert result.returncode != 0
    assert "nowhere" in result.stderr


def test_numbered_folders_sort_by_number_not_by_text(tmp_path):
    files = {
        "10.later/01.b.md": "---\ntitle: 第十章\n---\n# 第十章\n",
        "2.earlier/01.a.md": "---\ntitle: 第二章\n---\n# 第二章\n",
    }
    result, dest = fixture_site(tmp_path, files)
    assert result.returncode == 0, result.stderr
    assert (dest / "later" / "b" / "index.html").exists() and (dest / "earlier" / "a" / "index.html").exists()
    nav = (dest / "index.html").read_text(encoding="utf-8")
    assert nav.index("earlier") < nav.index("later")
    assert "10.later" not in nav and "2.earlier" not in nav


def test_dates_the_check_accepts_or_reports_make_the_pages_without_a_traceback(tmp_path):
    """``2021-3-5`` is a date the check accepts: the archive read its month as ``3-`` and the build ended in a
    traceback, as it did on a date the check reports (``"2021-ab"``)."""
    from errata.site import Catalogue

    essay = "---\ntitle: {title}\ndate: {date}\n---\n# {title}\n\n- `KeyError: '{title}'`\n\n  - 解决方案：\n    x\n"
    for title, date in (("loose", "2021-3-5"), ("slashes", "2021/3/6"), ("bad", '"2021-ab"'), ("milliseconds", "99999999999999")):
        (tmp_path / f"{title}.md").write_text(essay.format(title=title, date=date), encoding="utf-8")
    catalogue = Catalogue(tmp_path).refresh()
    archive = catalogue.archive_page()
    assert "## 2021 年 3 月\n\n- 2021-03-06 [slashes](slashes.md)\n- 2021-03-05 [loose](loose.md)" in archive
    assert "bad" not in archive and "ab" not in archive
    dates = {record["essay"]: record["date"] for record in json.loads(catalogue.errors_json())["entries"]}
    assert dates["loose"] == "2021-03-05" and dates["bad"] == ""
    assert any("date '2021-ab' is not a date" in problem.message for problem in catalogue.essays["bad.md"].problems)


def test_a_page_that_is_no_article_is_left_out_of_the_archive(tmp_path):
    """vdoing's ``article: false`` (an about page, dated as every page is) kept it out of the blog's
    archive; imported, it was listed there among the essays."""
    from errata.site import Catalogue

    (tmp_path / "01.文章.md").write_text("---\ntitle: 文章\ndate: 2020-01-02\n---\n正文\n", encoding="utf-8")
    (tmp_path / "99.关于.md").write_text("---\ntitle: 关于\ndate: 2020-01-01\narticle: false\n---\n关于本站\n", encoding="utf-8")
    archive = Catalogue(tmp_path).refresh().archive_page()
    assert "[文章]" in archive and "关于" not in archive


def test_a_title_or_category_with_line_breaks_stays_one_line_of_the_archive_and_the_categories(tmp_path):
    """A red-team audit: a title of ``"t\\n===\\n\\n- x"`` passed a strict build, and its line breaks ended the archive's and
    the categories' list item: the rest became a heading and a list of their own, and the link to the essay was text."""
    import markdown

    from errata.site import Catalogue

    (tmp_path / "a.md").write_text('---\ntitle: "t\\n===\\n\\n- x"\ndate: 2020-01-02\ncategories: ["c\\n---\\nd"]\n---\n正文\n', encoding="utf-8")
    catalogue = Catalogue(tmp_path).refresh()
    for page in (catalogue.archive_page(), catalogue.categories_page()):
        rendered = markdown.markdown(page.split("---\n", 2)[2])
        assert rendered.count("<li>") == 1 and '<a href="a.md">t === - x</a>' in rendered and "<hr" not in rendered


def test_catalogue_rereads_only_changed_essays(tmp_path):
    from errata.site import Catalogue

    (tmp_path / "a.md").write_text("---\ntitle: a\n---\n- `KeyError: 'a'`\n\n  - 解决方案：\n    x\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: b\n---\n正文\n", encoding="utf-8")
    catalogue = Catalogue.shared(tmp_path).refresh()
    assert Catalogue.shared(tmp_path) is catalogue  # what a second `mkdocs serve` rebuild gets
    first_a, first_b = catalogue.essays["a.md"], catalogue.essays["b.md"]
    import os

    os.utime(tmp_path / "b.md", ns=(1, 1))  # b changed on disk
    catalogue.refresh()
    assert catalogue.essays["a.md"] is first_a
    assert catalogue.essays["b.md"] is not first_b


def test_well_formed_tracebacks_are_highlighted_as_tracebacks(site):
    page = read(site, "python/environment/index.html")
    assert 'class="language-pytb highlight"' in page
    assert '<span class="gt">Traceback (most recent call last):</span>' in page
    # the seed's frames lost their indentation: the traceback lexer would paint them all red
    seed = read(site, "mmdetection/mmdetection-errors/index.html")
    assert "language-pytb" not in seed and "language-python highlight" in seed


# -- search: entries before the site's own pages ------------------------------------


def test_site_pages_are_demoted_in_search_but_stay_indexed_by_title(site):
    index = json.loads(read(site, "search/search_index.json"))
    boosts = {doc["location"]: doc.get("boost") for doc in index["docs"]}
    for location in ("", "lookup/"):  # the home page and the lookup's help text
        assert location in boosts, location  # still found by their titles
        assert boosts[location] == SITE_PAGE_SEARCH_BOOST < 0.01
    essay_boosts = {boost for location, boost in boosts.items() if location.startswith("pytorch/")}
    assert essay_boosts == {None}  # entries keep lunr's own weight
    assert not any(location.startswith("errors/") for location in boosts)  # the index page stays excluded


def test_front_door_is_left_out_of_the_search_index(site):
    index = json.loads(read(site, "search/search_index.json"))
    home = " ".join(doc["text"] for doc in index["docs"] if doc["location"].split("#")[0] == "")
    assert "最新条目" not in home and "KeyError" not in home


def test_search_segmentation_is_materials_own():
    from material.plugins.search.plugin import SearchIndex

    from errata.search_text import segment_chinese

    text = "CUDA out of memory：显存不够，批大小太大。验证时没有关闭梯度，计算图一直保留。第2次"
    assert segment_chinese(text) == SearchIndex._segment_chinese(None, text)
    assert segment_chinese(text) == segment_chinese(text)  # the memoised second call gives the same


def test_a_long_run_of_chinese_is_segmented_in_linear_time():
    """A red-team audit: jieba reads characters it makes no words of with a Viterbi path it copies at every step,
    and 100,000 ``的`` in one paragraph took a strict build 25 s (160,000: a minute to segment)."""
    import random

    from scaling import grows_linearly

    from errata.search_text import ZERO_WIDTH_SPACE, segment_chinese, segment_han

    def segment(n: int) -> str:
        segment_han.cache_clear()  # each run does the work afresh
        return segment_chinese("".join(random.Random(n).choice("的吗呢") for _ in range(n)))

    assert grows_linearly(segment, 10_000)
    text = "的" * 2500
    segmented = segment_chinese(text)
    assert segmented.replace(ZERO_WIDTH_SPACE, "") == text and 2 * ZERO_WIDTH_SPACE not in segmented


# -- the front door ------------------------------------------------------------------


def test_front_door_counts_and_links_follow_the_catalogue(site):
    home = read(site, "index.html")
    door = home.split('<section class="errata-front-door"', 1)[1].split("</section>", 1)[0]
    data = json.loads(read(site, "errors.json"))
    essays = {entry["url"].split("#")[0] for entry in data["entries"]}
    assert f"<strong>{len(data['entries'])}</strong> 条报错，来自 <strong>{len(essays)}</strong> 篇文章" in door
    latest = re.findall(r'<li><a href="([^"]+)"><code>', door)
    newest = sorted(data["entries"], key=lambda e: e["date"], reverse=True)
    assert latest and latest[0].split("#")[0] == newest[0]["url"].split("#")[0]
    for href in latest:  # every latest entry links to its card
        path, anchor = href.split("#")
        assert f'id="{anchor}"' in read(site, path + "index.html"), href
    tags_page = read(site, "tags/index.html")
    chips = re.findall(r'class="errata-chip" href="tags/#([^"]+)"', door)
    assert "tag:runtimeerror" in chips
    for anchor in chips:
        assert f'id="{anchor}"' in tags_page, anchor
    assert 'action="lookup/" method="get"' in door and f'name="{LOOKUP_PARAM}"' in door  # works without JavaScript
    assert "errata-front-door" not in read(site, "lookup/index.html")  # pages without the marker are untouched


def test_the_lookup_page_and_its_forms_agree_on_the_parameter_and_leave_material_its_own(site):
    """The front door's form, the lookup page's form and errata.js name the paste alike, and not ``q``:
    Material opens its search dialog over any page loaded with ``?q=``."""
    script = (ROOT / "docs" / "assets" / "javascripts" / "errata.js").read_text(encoding="utf-8")
    assert re.search(r'var LOOKUP_PARAM = "([a-z]+)";', script).group(1) == LOOKUP_PARAM != "q"
    assert f'<textarea name="{LOOKUP_PARAM}"' in read(site, "lookup/index.html")


HOSTILE = """\
    ---
    title: <script>alert("title")</script>
    date: 2030-01-01T00:00:00+08:00
    tags:
      - <img src=x onerror=alert(1)>
    ---
    # 标题

    - `KeyError: '<script>alert(2)</script>'`

      - 解决方案：
        检查。
    """


def test_front_door_escapes_titles_tags_and_messages(tmp_path):
    result, dest = fixture_site(tmp_path, {"index.md": "# 首页\n\n<!-- errata:front-door -->\n", "hostile.md": HOSTILE, "tags.md": "# 标签\n"})
    home = (dest / "index.html").read_text(encoding="utf-8")
    door = home.split('<section class="errata-front-door"', 1)[1].split("</section>", 1)[0]
    assert "<script" not in door and "<img" not in door
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;" in door
    assert "KeyError: &#x27;&lt;script&gt;alert(2)&lt;/script&gt;&#x27;" in door
    assert "&lt;img src=x onerror=alert(1)&gt;" in door


# -- quiet builds ----------------------------------------------------------------------


def test_a_build_prints_mkdocs_lines_only(tmp_path):
    """No jieba dictionary chatter and no third-party banner: every stderr line is one of MkDocs' own."""
    result, _ = fixture_site(tmp_path, {"essay.md": "---\ntitle: 中文\n---\n# 中文\n\n显存不够的时候怎么办。\n"})
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and all(re.match(r"(INFO|WARNING|ERROR) +-  ", line) for line in lines), result.stderr
    assert "prefix dict" not in result.stderr.lower() and "jieba" not in result.stderr


# -- the benchmark's instruments -------------------------------------------------------


def test_phase_clock_times_the_hooks_phases_when_asked(tmp_path, monkeypatch):
    from errata.phases import ENVIRONMENT_VARIABLE

    target = tmp_path / "phases.json"
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(target))
    essay = "---\ntitle: 报错\npermalink: /pages/abc123/\n---\n# 报错\n\n- `KeyError: 'a'`\n\n  - 解决方案：\n    检查。\n"
    result, _ = fixture_site(tmp_path, {"essay.md": essay})
    assert result.returncode == 0, result.stderr
    phases = json.loads(target.read_text(encoding="utf-8"))["phases"]
    for name in ("catalogue: read every essay", "cards: Markdown", "cards: HTML", "sanitiser",
                 "redirects: one page per permalink", "search: jieba segmentation"):
        assert phases[name]["calls"] >= 1, name
    assert phases["cards: Markdown"]["calls"] == 2  # the two Markdown pages: the essay and the home page


def test_plain_config_drops_the_hooks_and_the_redirects_only(tmp_path):
    from dev.devtools import config_for

    hooked = config_for(tmp_path, tmp_path / "hooks.yml").read_text(encoding="utf-8")
    plain = config_for(tmp_path, tmp_path / "plain.yml", hooks=False).read_text(encoding="utf-8")
    assert "errata_hooks.py" in hooked and "- redirects:" in hooked
    assert "errata_hooks.py" not in plain and "redirects" not in plain.split("validation:")[0]
    assert "  - tags" in plain and "custom_dir: /" in plain  # everything else as the project has it


def test_tags_that_differ_only_in_case_are_one_tag(tmp_path):
    """An importer round: one essay tagged ``git``, two ``Git``; Material's tags page gave both the id ``tag:git``,
    and the second could not be reached. They are one tag now, spelt as most essays spell it."""
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    shutil.copy(ROOT / "docs" / "tags.md", docs / "tags.md")
    (docs / "index.md").write_text("# 首页\n", encoding="utf-8")
    for name, tag in (("a", "git"), ("b", "Git"), ("c", "Git")):
        (docs / f"{name}.md").write_text(f"---\ntitle: {name}\ntags:\n- {tag}\n---\n# {name}\n", encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    page = read(tmp_path / "site", "tags/index.html")
    assert len(re.findall(r'id="tag:git"', page)) == 1
    assert all(f"{name}/" in page for name in "abc")


def test_every_entry_s_link_leads_to_an_id_its_page_has_and_no_id_line_shows(tmp_path):
    """Found by a sixth lookup round's check of every built entry: a heading whose words have two blanks between them
    (``报错：  ORA-28040``) got a link to ``报错--ora-28040`` where the page's id is ``报错-ora-28040``, and the id line of
    a note's paragraph with its log fenced right under it (``报的错是：`` then the fence) showed as text, the id missing.
    Each shape the entry reader keeps in place is built here, and every entry of errors.json is looked for."""
    notes = {
        "ora.md": """\
            # Navicat 连接 Oracle 报错：  ORA-28040: 没有匹配的验证协议

            在 sqlnet.ora 里加一行 SQLNET.ALLOWED_LOGON_VERSION=8，再重启监听。
            """,
        "ffmpeg.md": """\
            ---
            title: ffmpeg 加字幕
            ---

            命令是这样的。

            报的错是：
            ```
            [subtitles @ 0x1] Unable to parse option value "x.ass" as image size
            Error initializing filter 'subtitles' with args 'x.ass'
            ```

            Windows 路径里的冒号要转义，写成 `F\\\\:/x.ass` 就好了。
            """,
        "gradle.md": """\
            # 构建问题

            **org.gradle.api.tasks.TaskExecutionException: Execution failed for task ':app:compileDebugJavaWithJavac'**

            先看完整的编译输出，再检查 JDK 版本。
            """,
        "mybatis.md": """\
            ---
            title: mybatis
            ---

            加载数据时报了异常，报错：`org.apache.ibatis.binding.BindingException: Invalid bound statement (not found)`
            其实问题很简单，mapper 忘记写到 mybatis-config.xml 了。
            """,
    }
    result, site = fixture_site(tmp_path, notes)
    assert result.returncode == 0, result.stderr
    entries = json.loads(read(site, "errors.json"))["entries"]
    assert {entry["url"].split("/")[0] for entry in entries} == {"ora", "ffmpeg", "gradle", "mybatis"}
    for entry in entries:
        page, _, anchor = entry["url"].partition("#")
        html = read(site, page + "index.html")
        assert f'id="{anchor}"' in html, entry["url"]
        assert "{ #" not in html, page


def test_the_footer_names_the_next_page_as_its_title_reads(tmp_path):
    """The theme escapes the (already escaped) title again for the footer's ``aria-label``: a screen reader read
    ``&lt;`` out (red team round 28). The label now holds the title escaped once, as the link's text does."""
    title = "Map<K, V> 报错 & \"null\""
    result, site = fixture_site(tmp_path, {"a.md": "---\ntitle: 首页之后\n---\n# a\n", "b.md": f"---\ntitle: '{title}'\n---\n# b\n"})
    assert result.returncode == 0, result.stderr[-2000:]
    page = (site / "a" / "index.html").read_text(encoding="utf-8")
    label = re.search(r'class="md-footer__link md-footer__link--next" aria-label="([^"]*)"', page)
    assert label and label.group(1).endswith(": Map&lt;K, V&gt; 报错 &amp; &quot;null&quot;"), label and label.group(1)


def test_a_title_s_blanks_are_put_on_one_line_in_linear_time():
    """Red team round 31: a title of 60,000 spaces between two words (the front matter's 64 KB allow it) took the archive's
    and the categories' line-break pattern, tried from each blank of the run, a build of 30 s (quadratic); and a category
    of them made a heading of the categories page whose attribute-list pattern (Python-Markdown's) took 3.5 s. A run of
    blanks is one space there, as the page shows it."""
    from scaling import grows_linearly

    from errata.site import markdown_text

    assert grows_linearly(lambda n: markdown_text("t" + " " * n + "x"), 5_000)
    assert markdown_text("a  \t \n  b \u2028 c   d") == "a b c d"
    assert markdown_text("类别" + "\t" * 15_000 + "x") == "类别 x"
