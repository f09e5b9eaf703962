"""The import's benchmark: a generated vdoing blog brought across, beside the repair alone on the same essays.

The blog is the synthetic corpus of :mod:`dev.synthetic` (clean: no lost-byte recovery) with what a vdoing
blog adds to each essay: a tip container, a badge, a code group, a fence with line highlights, an image of
its own folder, a public image and a link by permalink; plus a home page, the theme's pages, a friends page
and a TypeScript config.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from dev.synthetic import essay
from errata.blog.importer import import_blog
from errata.repair import repair_bytes

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
VDOING = """
::: tip 小结
遇到上面的报错时先看版本 <Badge text="v{n}" type="warning"/>，再看配置。
:::

<code-group>
  <code-block title="pip" active>
  ```bash
  pip install mmcv=={n}
  ```
  </code-block>
  <code-block title="conda">
  ```bash
  conda install mmcv={n}
  ```
  </code-block>
</code-group>

```python {{1,3}}
import torch
x = torch.zeros({n})
print(x.shape)
```

![截图](./img/{n}.png) ![标志](/img/logo.png) 另见 [上一篇](/pages/{previous:06x}/)。

<!-- more -->
"""


def write_vdoing_blog(root: Path, essays: int = 200) -> Path:
    """A vdoing repository at ``root`` with ``essays`` essays; returns ``root``."""
    docs = root / "docs"
    for index in range(essays):
        relative, text = essay(index)
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + VDOING.format(n=index, previous=max(index - 1, 0)), encoding="utf-8")
        (path.parent / "img").mkdir(exist_ok=True)
        (path.parent / "img" / f"{index}.png").write_bytes(PNG)
    (docs / ".vuepress/public/img").mkdir(parents=True)
    (docs / ".vuepress/public/img/logo.png").write_bytes(PNG)
    (docs / ".vuepress/config.ts").write_text(
        "export default defineConfig4CustomTheme({ title: '基准', description: '生成的博客',"
        " themeConfig: { nav: [{ text: '首页', link: '/' }, { text: '归档', link: '/archives/' }] } })\n", encoding="utf-8"
    )
    (docs / "index.md").write_text("---\nhome: true\nheroText: 基准\ntagline: 生成的博客\n---\n", encoding="utf-8")
    (docs / "@pages").mkdir()
    (docs / "@pages/archivesPage.md").write_text("---\narchivesPage: true\ntitle: 归档\npermalink: /archives/\n---\n", encoding="utf-8")
    (docs / "99.friends.md").write_text(
        "---\ntitle: 友链\npermalink: /friends/\n---\n::: cardList\n```yaml\n- name: 某站\n  desc: 说明\n  link: https://example.org/\n```\n:::\n",
        encoding="utf-8",
    )
    return root


def measure(essays: int = 200, repeat: int = 3) -> dict[str, float]:
    """Median seconds of the import and of the repair alone over the same essays, and what the import did."""
    with tempfile.TemporaryDirectory(prefix="errata-import-bench-") as tmp:
        blog = write_vdoing_blog(Path(tmp) / "blog", essays)
        imports, repairs = [], []
        for run in range(repeat):
            start = time.perf_counter()
            report = import_blog(blog, Path(tmp) / f"docs-{run}")
            imports.append(time.perf_counter() - start)
            start = time.perf_counter()
            for path in sorted((blog / "docs").rglob("*.md")):
                repair_bytes(path.read_bytes(), path.name)
            repairs.append(time.perf_counter() - start)
        return {
            "essays": len(report.essays),
            "assets": len(report.assets),
            "conversions": sum(report.counts.values()),
            "failed": len(report.failed),
            "import_s": statistics.median(imports),
            "repair_s": statistics.median(repairs),
        }


if __name__ == "__main__":
    import sys

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    figures = measure(size)
    print(
        f"{figures['essays']} essays, {figures['assets']} assets, {figures['conversions']} conversions, {figures['failed']} failed: "
        f"import {figures['import_s']:.2f} s (repair alone {figures['repair_s']:.2f} s), median of 3"
    )
