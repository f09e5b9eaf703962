"""Shared test helpers: our own Chinese text, and the optional ../shared corpus."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("ERRATA_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"

#: Prose of our own, in the register of an error note, for damage round trips.
OWN_TEXT = """# 训练时显存不够的排查记录

- `CUDA out of memory. Tried to allocate 2.00 GiB`

  - 详细报错信息：
    ```python
    RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 10.76 GiB total capacity)
    ```

  - 问题分析：
    批大小设置得太大，模型的中间结果占满了显存。另外，验证阶段没有关闭梯度计算，也会额外占用很多内存。

  - 解决方案：
    先把配置文件中的批大小减半，再在验证函数外面加上 `torch.no_grad()`。如果还是不够，可以开启混合精度训练。

我们在服务器上重新运行了一遍，这次训练顺利完成，日志里也没有再出现同样的错误。
需要注意的是，数据加载进程的数量也会影响内存的使用情况，所以最好根据机器的配置来调整。
"""


def corpus_or_skip(*parts: str) -> Path:
    """A path under ../shared/corpus; the test is skipped where the corpus is absent."""
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (it lives in ../shared, not in the repository)")
    return path


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The repository's docs, built once per test session (strict)."""
    from dev.devtools import build_site

    dest = tmp_path_factory.mktemp("built") / "site"
    result = build_site(dest)
    assert result.returncode == 0, result.stderr
    return dest


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, one per test module (skipped locally without it, failed in CI)."""
    from dev.devtools import chromium_path, launch_chromium

    require_tool(chromium_path() is not None, "Chromium (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


def require_tool(found: bool, what: str) -> None:
    """Skip where a tool is missing on a contributor's machine; fail in CI, where .ci/run installs it."""
    if found:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing in CI: .ci/run must install it")
    pytest.skip(f"{what} is not installed here")


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The raw seed essay, as received, copied where a test may rewrite it."""
    target = tmp_path / "01.mmdetection报错汇总.md"
    shutil.copyfile(FIXTURES / "seed" / "000_c81bc17658af7d4b.txt", target)
    return target
