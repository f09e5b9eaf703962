"""A seeded generator of vdoing-style essays full of error entries, for benchmarks at scale.

The prose comes from templates written for this project; the tracebacks pass
through realistic ``site-packages`` paths so that the derived tags (exception
types, libraries) look like the real ones. Every entry's message carries a
distinct identifier, so fingerprints stay distinct across tens of thousands.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from errata.metadata import dump_front_matter
from dev.damage import damage

LIBRARIES = ["torch", "mmcv", "mmdet", "numpy", "pandas", "transformers", "cv2", "PIL", "sklearn", "tensorflow"]
TYPES = ["RuntimeError", "ValueError", "KeyError", "TypeError", "AttributeError", "IndexError", "ImportError", "OSError", "AssertionError"]
MESSAGES = [
    "Expected tensor for argument #{n} '{name}' to have the same device as tensor for argument #{m}",
    "could not broadcast input array from shape ({n},{m}) into shape ({m},{n}) in '{name}'",
    "'{name}' object has no attribute '{attr}'",
    "unsupported operand type(s) for +: '{name}' and '{attr}'",
    "index {n} is out of bounds for dimension {m} with size {n} in '{name}'",
    "cannot import name '{name}' from '{attr}'",
    "[Errno {errno}] No such file or directory: '/data/{name}/{attr}.json'",
    "size mismatch for {name}.{attr}: copying a param with shape torch.Size([{n}, {m}]) from checkpoint",
    "Given groups={n}, weight of size [{m}, {n}, 3, 3] in layer '{name}', expected input to have {m} channels",
    "{name} is not in the {attr} registry",
    "Default process group has not been initialized for '{name}'",
    "Input contains NaN, infinity or a value too large for dtype('{name}')",
]
WORDS = [
    "backbone", "neck", "head", "roi", "anchor", "loss", "optimizer", "sampler", "loader", "encoder", "decoder",
    "proj", "norm", "conv", "embed", "mask", "bbox", "label", "score", "feature", "stage", "block", "layer",
]
ANALYSES = [
    "这个报错通常出现在{lib}的版本和代码不匹配的时候，升级以后接口发生了变化。",
    "数据预处理阶段产生了不符合预期的形状，后面的层拿到的输入和它需要的不一致。",
    "配置文件里的名字写错了，或者注册表里根本没有这个模块，所以构建时找不到它。",
    "多卡训练时各个进程的设置不一致，导致其中一个进程先退出，其余进程等待超时。",
    "模型权重是用另一份配置训练出来的，加载时参数的形状对不上。",
]
SOLUTIONS = [
    "检查{lib}的版本，按照官方文档安装对应的版本，然后重新运行。",
    "在出错的位置打印输入的形状，从数据加载开始逐步排查，找到第一个形状不对的地方。",
    "核对配置文件中的名字，确认对应的模块已经被导入并注册。",
    "把批大小调小一些，或者关闭不必要的中间结果缓存，再观察显存的使用情况。",
    "重新导出权重，或者在加载时设置 strict=False，并确认缺少的参数不影响推理。",
]
INTROS = [
    "这篇记录了最近在训练检测模型时遇到的几个报错，以及最终的解决办法。",
    "整理一下部署模型时踩过的坑，方便以后查阅。",
    "下面这些报错都和环境配置有关，换了一台机器以后又遇到了一遍。",
]


def _entry(rng: random.Random, serial: int) -> tuple[str, str]:
    lib = rng.choice(LIBRARIES)
    kind = rng.choice(TYPES)
    name = f"{rng.choice(WORDS)}_{serial}"
    message = rng.choice(MESSAGES).format(
        n=rng.randint(1, 512), m=rng.randint(1, 512), name=name, attr=rng.choice(WORDS), errno=rng.randint(1, 40)
    )
    frames = "\n".join(
        f'  File "/home/user/miniconda3/envs/dev/lib/python3.{rng.randint(7, 11)}/site-packages/{frame_lib}/{rng.choice(WORDS)}.py", '
        f"line {rng.randint(10, 900)}, in {rng.choice(WORDS)}\n    {rng.choice(WORDS)} = {rng.choice(WORDS)}({rng.choice(WORDS)})"
        for frame_lib in (lib, rng.choice(LIBRARIES))
    )
    body = (
        f"- `{kind}: {message}`\n\n"
        f"  - 详细报错信息：\n    ```python\n    Traceback (most recent call last):\n"
        + "\n".join("    " + line for line in frames.split("\n"))
        + f"\n    {kind}: {message}\n    ```\n\n"
        f"  - 问题分析：\n    {rng.choice(ANALYSES).format(lib=lib)}\n\n"
        f"  - 解决方案：\n    {rng.choice(SOLUTIONS).format(lib=lib)}\n"
    )
    return body, lib


def essay(index: int, entries: int = 5, seed: int = 0) -> tuple[str, str]:
    """(relative path, text) of one essay with ``entries`` entries.

    >>> path, text = essay(3)
    >>> path, text.count("- `")
    ('01.synthetic-1/004.errors-3.md', 5)
    """
    rng = random.Random(seed * 1_000_003 + index)
    bodies, libs = zip(*(_entry(rng, index * entries + k) for k in range(entries)))
    title = f"{libs[0]} 报错记录 {index}"
    meta = {
        "title": title,
        "date": (dt.datetime(2022, 1, 1, 9, 0) + dt.timedelta(hours=7 * index)).strftime("%Y-%m-%d %H:%M:%S"),
        "permalink": f"/pages/{index:06x}/",
        "categories": [f"synthetic-{index // 500 + 1}"],
        "tags": sorted({libs[0], "训练"}),
        "author": {"name": "bench", "link": "https://example.org/bench"},
    }
    text = dump_front_matter(meta) + f"# {title}\n\n{rng.choice(INTROS)}\n\n" + "\n".join(bodies)
    folder = f"{index // 500 + 1:02d}.synthetic-{index // 500 + 1}"
    return f"{folder}/{index % 500 + 1:03d}.errors-{index}.md", text


def write_corpus(dest: Path, essays: int = 2000, entries: int = 5, seed: int = 0, damage_rate: float | None = None) -> int:
    """Write ``essays`` essays under ``dest``; with ``damage_rate``, damaged as DAMAGE.md describes."""
    written = 0
    for index in range(essays):
        relative, text = essay(index, entries, seed)
        if damage_rate is not None:
            text = damage(text, damage_rate, seed=seed + index)
        path = Path(dest) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written += 1
    return written
