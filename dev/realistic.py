"""A real-shaped build corpus: blog prose around error entries pasted the way people paste them.

The synthetic corpus (:mod:`dev.synthetic`) is five tidy entries per essay;
real essays are not. Here each essay is the body of one of the shared blog
essays (``../shared/corpus/blog``, read where it lies, never copied into the
repository; the synthetic essays stand in when it is absent) followed by a
few entries written for this project: full tracebacks with a shell prompt and
warnings around them, chained exceptions, C++ frames, frames that lost their
indentation on the way through a blog, long messages, Chinese analysis. Every
copy gets its own numbers, paths and names, so no two entries are the same
text; a few essays are damaged as DAMAGE.md describes, so the import repairs
them as it would a real blog.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from dev.damage import damage
from errata.metadata import dump_front_matter, split_front_matter

#: Entry templates: (message, traceback lines as pasted, analysis, solution). Fields in braces vary per copy.
ENTRIES = [
    (
        "RuntimeError: CUDA out of memory. Tried to allocate {mib}.00 MiB (GPU {gpu}; 23.70 GiB total capacity; {used}.12 GiB already allocated)",
        [
            "(mm) {user}@gpu{gpu}:~/work/{proj}$ python tools/train.py configs/{proj}/faster_rcnn_r50_fpn_1x.py",
            "/home/{user}/miniconda3/envs/mm/lib/python3.8/site-packages/torch/functional.py:478: UserWarning: torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument.",
            "Traceback (most recent call last):",
            '  File "tools/train.py", line {line}, in <module>',
            "    main()",
            '  File "/home/{user}/miniconda3/envs/mm/lib/python3.8/site-packages/mmcv/runner/epoch_based_runner.py", line 51, in train',
            "    self.run_iter(data_batch, train_mode=True, **kwargs)",
            '  File "/home/{user}/miniconda3/envs/mm/lib/python3.8/site-packages/torch/nn/modules/module.py", line 1102, in _call_impl',
            "    return forward_call(*input, **kwargs)",
            '  File "/home/{user}/miniconda3/envs/mm/lib/python3.8/site-packages/torch/nn/functional.py", line 2282, in batch_norm',
            "    return torch.batch_norm(",
            "RuntimeError: CUDA out of memory. Tried to allocate {mib}.00 MiB (GPU {gpu}; 23.70 GiB total capacity; {used}.12 GiB already allocated; 18.75 MiB free; {used}.40 GiB reserved in total by PyTorch) If reserved memory is >> allocated memory try setting max_split_size_mb to avoid fragmentation.",
        ],
        "显存不够。第{n}次实验把输入尺寸改大以后，单卡放不下{batch}张图；另一个进程也占着同一块卡，nvidia-smi 里能看到。",
        "先用 `nvidia-smi` 确认没有别的进程占用显存，再把 `samples_per_gpu` 从 {batch} 改成 {half}；还不够就打开混合精度 `fp16 = dict(loss_scale=512.)`。",
    ),
    (
        "ModuleNotFoundError: No module named 'mmcv._ext'",
        [
            "Traceback (most recent call last):",
            'File "demo/image_demo.py", line 6, in <module>',
            "from mmdet.apis import inference_detector, init_detector",
            'File "/data/{user}/{proj}/mmdet/apis/__init__.py", line 2, in <module>',
            "from .inference import (async_inference_detector, inference_detector,",
            'File "/data/{user}/{proj}/mmdet/apis/inference.py", line 8, in <module>',
            "from mmcv.ops import RoIPool",
            'File "/usr/local/lib/python3.7/dist-packages/mmcv/ops/__init__.py", line 2, in <module>',
            "from .active_rotated_filter import active_rotated_filter",
            'File "/usr/local/lib/python3.7/dist-packages/mmcv/utils/ext_loader.py", line 13, in load_ext',
            "ext = importlib.import_module('mmcv.' + name)",
            "ModuleNotFoundError: No module named 'mmcv._ext'",
        ],
        "装的是不带 CUDA 算子的 mmcv（`pip install mmcv`），而 {proj} 需要编译好的 `mmcv-full`。这段堆栈是从旧博客复制过来的，缩进已经丢了。",
        "卸载 mmcv，按 PyTorch {torch} 和 CUDA {cuda} 的组合安装 `mmcv-full`：`pip install mmcv-full -f https://download.openmmlab.com/mmcv/dist/cu{cuda_short}/torch{torch}/index.html`。",
    ),
    (
        "KeyError: 'gt_bboxes_{n}'",
        [
            "2023-0{month}-1{day} 10:2{day}:31,044 - mmdet - INFO - Epoch [1][50/{iters}]\tlr: 1.978e-03, eta: 3:1{day}:09",
            "Traceback (most recent call last):",
            '  File "/opt/conda/lib/python3.{py}/site-packages/torch/utils/data/_utils/worker.py", line 287, in _worker_loop',
            "    data = fetcher.fetch(index)",
            '  File "/workspace/{proj}/mmdet/datasets/pipelines/formatting.py", line {line}, in __call__',
            "    results[key] = DC(to_tensor(results[key]))",
            "KeyError: 'gt_bboxes_{n}'",
        ],
        "数据管道里少了一步：`LoadAnnotations` 没有放在 `Collect` 前面，或者某张图的标注是空的，读出来就没有这个键。",
        "检查配置里 `train_pipeline` 的顺序；用脚本把没有标注框的图片从标注文件里去掉（第 {n} 批里有 {batch} 张）。",
    ),
    (
        "RuntimeError: DataLoader worker (pid {pid}) is killed by signal: Bus error.",
        [
            "ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).",
            "Traceback (most recent call last):",
            '  File "/usr/local/lib/python3.{py}/site-packages/torch/utils/data/dataloader.py", line 1163, in _try_get_data',
            "    data = self._data_queue.get(timeout=timeout)",
            '  File "/usr/local/lib/python3.{py}/multiprocessing/queues.py", line 108, in get',
            "    raise Empty",
            "_queue.Empty",
            "",
            "The above exception was the direct cause of the following exception:",
            "",
            "Traceback (most recent call last):",
            '  File "train.py", line {line}, in <module>',
            "    for i, (images, targets) in enumerate(loader):",
            '  File "/usr/local/lib/python3.{py}/site-packages/torch/utils/data/dataloader.py", line 1176, in _try_get_data',
            "    raise RuntimeError(f'DataLoader worker (pid(s) {{pids_str}}) exited unexpectedly') from e",
            "RuntimeError: DataLoader worker (pid {pid}) is killed by signal: Bus error.",
        ],
        "在 Docker 里训练，容器默认只有 64 MB 的共享内存，{workers} 个数据加载进程一起往里写就不够了。",
        "启动容器时加上 `--shm-size=8g`（或 `--ipc=host`）；临时办法是把 `num_workers` 从 {workers} 调成 0。",
    ),
    (
        "ValueError: Expected more than 1 value per channel when training, got input size torch.Size([1, {channels}])",
        [
            "Traceback (most recent call last):",
            '  File "/home/{user}/{proj}/train.py", line {line}, in train_one_epoch',
            "    output = model(samples)",
            '  File "/home/{user}/.local/lib/python3.{py}/site-packages/torch/nn/modules/batchnorm.py", line 171, in forward',
            "    return F.batch_norm(",
            '  File "/home/{user}/.local/lib/python3.{py}/site-packages/torch/nn/functional.py", line 2448, in batch_norm',
            "    _verify_batch_size(input.size())",
            "ValueError: Expected more than 1 value per channel when training, got input size torch.Size([1, {channels}])",
        ],
        "训练集的样本数除以批大小余 1，最后一个批次只有一个样本，BatchNorm 在训练模式下算不出方差。",
        "给 `DataLoader` 加 `drop_last=True`；或者把数据集补到批大小 {batch} 的整数倍。",
    ),
    (
        "OSError: [WinError 126] 找不到指定的模块。 Error loading \"C:\\Users\\{user}\\anaconda3\\envs\\{proj}\\lib\\site-packages\\torch\\lib\\caffe2_detectron_ops_gpu.dll\"",
        [
            "PS C:\\Users\\{user}\\{proj}> python main.py",
            "Traceback (most recent call last):",
            '  File "main.py", line 1, in <module>',
            "    import torch",
            '  File "C:\\Users\\{user}\\anaconda3\\envs\\{proj}\\lib\\site-packages\\torch\\__init__.py", line 129, in <module>',
            "    raise err",
            "OSError: [WinError 126] 找不到指定的模块。 Error loading \"C:\\Users\\{user}\\anaconda3\\envs\\{proj}\\lib\\site-packages\\torch\\lib\\caffe2_detectron_ops_gpu.dll\" or one of its dependencies.",
        ],
        "Windows 上装的 PyTorch {torch} 依赖的 VC++ 运行库缺失，或者 conda 和 pip 各装了一份 torch，互相覆盖了 DLL。",
        "装最新的 Visual C++ Redistributable；`pip uninstall torch` 两遍直到提示没有安装，再只用一种方式重新安装。",
    ),
    (
        "AssertionError: Torch not compiled with CUDA enabled",
        [
            ">>> import torch",
            ">>> torch.zeros({channels}).cuda()",
            "Traceback (most recent call last):",
            '  File "<stdin>", line 1, in <module>',
            '  File "/Users/{user}/opt/anaconda3/lib/python3.{py}/site-packages/torch/cuda/__init__.py", line 211, in _lazy_init',
            '    raise AssertionError("Torch not compiled with CUDA enabled")',
            "AssertionError: Torch not compiled with CUDA enabled",
        ],
        "在 Mac 上跑了服务器上的脚本，这里的 torch 是 CPU 版本，代码里写死了 `.cuda()`。",
        "用 `device = 'cuda' if torch.cuda.is_available() else 'cpu'`，所有 `.cuda()` 改成 `.to(device)`。",
    ),
    (
        "RuntimeError: CUDA error: an illegal memory access was encountered",
        [
            "terminate called after throwing an instance of 'c10::CUDAError'",
            "  what():  CUDA error: an illegal memory access was encountered",
            "CUDA kernel errors might be asynchronously reported at some other API call,so the stacktrace below might be incorrect.",
            "For debugging consider passing CUDA_LAUNCH_BLOCKING=1.",
            "Exception raised from createEvent at ../aten/src/ATen/cuda/CUDAEvent.h:{line} (most recent call first):",
            "frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x42 (0x7f{pid}d in /opt/conda/lib/python3.{py}/site-packages/torch/lib/libc10.so)",
            "frame #1: <unknown function> + 0x{pid} (0x7f{pid}a in /opt/conda/lib/python3.{py}/site-packages/torch/lib/libtorch_cuda_cpp.so)",
            "frame #2: c10d::ProcessGroupNCCL::WorkNCCL::finishedGPUExecutionInternal() const + 0x{channels} (0x7f{pid}c in /opt/conda/lib/python3.{py}/site-packages/torch/lib/libtorch_cuda_cpp.so)",
            "",
            "Aborted (core dumped)",
        ],
        "自定义的 CUDA 算子下标越界（第 {n} 个类别的索引超过了 `num_classes`），错误是异步报告的，所以堆栈指向的地方不对。",
        "用 `CUDA_LAUNCH_BLOCKING=1 python train.py` 重新运行，看同步报出的真正位置；检查标注里的类别编号是否从 0 开始。",
    ),
    (
        "ImportError: libGL.so.1: cannot open shared object file: No such file or directory",
        [
            "root@{proj}-{pid}:/app# python infer.py --img demo.jpg",
            "Traceback (most recent call last):",
            '  File "/app/infer.py", line 3, in <module>',
            "    import cv2",
            '  File "/usr/local/lib/python3.{py}/site-packages/cv2/__init__.py", line 181, in <module>',
            "    bootstrap()",
            '  File "/usr/local/lib/python3.{py}/site-packages/cv2/__init__.py", line 153, in bootstrap',
            "    native_module = importlib.import_module(\"cv2\")",
            "ImportError: libGL.so.1: cannot open shared object file: No such file or directory",
        ],
        "精简的 Docker 镜像里没有图形库，`opencv-python` 依赖 libGL。",
        "服务器上用不到图形界面，装 `opencv-python-headless` 代替；或者在 Dockerfile 里 `apt-get install -y libgl1`。",
    ),
    (
        "TypeError: forward() got an unexpected keyword argument 'img_metas_{n}'",
        [
            "Traceback (most recent call last):",
            '  File "tools/test.py", line {line}, in <module>',
            "    main()",
            '  File "tools/test.py", line 200, in main',
            "    outputs = single_gpu_test(model, data_loader, args.show, args.show_dir)",
            '  File "/home/{user}/{proj}/mmdet/apis/test.py", line 29, in single_gpu_test',
            "    result = model(return_loss=False, rescale=True, **data)",
            "TypeError: forward() got an unexpected keyword argument 'img_metas_{n}'",
        ],
        "模型是用新版本的 {proj} 训练的，测试脚本却是旧版本的，两边 `forward` 的参数名不一样。",
        "让训练和测试用同一个提交；实在要混用，就在旧脚本里把数据字典的键改成新名字。",
    ),
]
PROJECTS = ["mmdetection", "yolov5", "detr", "fcos", "mmseg", "mmocr", "swin", "maskrcnn"]
USERS = ["zhang", "liwei", "chen", "shanya", "xiaoming", "wang", "admin", "ubuntu"]


def _fill(template: str, values: dict) -> str:
    return template.format(**values)


def _values(rng: random.Random, serial: int) -> dict:
    batch = rng.choice([2, 4, 8, 16, 32])
    torch = rng.choice(["1.10", "1.11", "1.12", "1.13", "2.0"])
    cuda = rng.choice(["10.2", "11.3", "11.6", "11.7"])
    return {
        "mib": rng.randint(20, 2048), "gpu": rng.randint(0, 7), "used": rng.randint(1, 22), "user": rng.choice(USERS),
        "proj": rng.choice(PROJECTS), "line": rng.randint(20, 400), "n": serial, "batch": batch, "half": max(1, batch // 2),
        "torch": torch, "cuda": cuda, "cuda_short": cuda.replace(".", ""), "month": rng.randint(1, 9), "day": rng.randint(0, 9),
        "iters": rng.randint(100, 9000), "py": rng.randint(7, 11), "pid": rng.randint(1000, 99999), "workers": rng.choice([4, 8, 16]),
        "channels": rng.choice([64, 128, 256, 512, 1024]),
    }


def entry(rng: random.Random, serial: int, template: tuple) -> str:
    """One list entry as the vdoing essays write it, with its traceback pasted as printed.

    >>> text = entry(random.Random(1), 7, ENTRIES[2])
    >>> text.splitlines()[0], "    Traceback (most recent call last):" in text
    ("- `KeyError: 'gt_bboxes_7'`", True)
    """
    message, traceback, analysis, solution = template
    values = _values(rng, serial)
    frames = "\n".join("    " + _fill(line, values) if line else "" for line in traceback)
    return (
        f"- `{_fill(message, values)}`\n\n"
        f"  - 详细报错信息：\n\n    ```python\n{frames}\n    ```\n\n"
        f"  - 问题分析：\n\n    {_fill(analysis, values)}\n\n"
        f"  - 解决方案：\n\n    {_fill(solution, values)}\n"
    )


def blog_bodies(blog: Path) -> list[str]:
    """The bodies of the shared blog essays, or the synthetic essays' where that folder is absent."""
    if blog.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(blog.glob("*.md"))]
    else:
        from dev.synthetic import essay

        texts = [essay(i)[1] for i in range(18)]
    return [split_front_matter(text).body for text in texts]


def essay(index: int, bodies: list[str], rng: random.Random) -> tuple[str, str]:
    """(relative path, text) of one real-shaped essay: blog prose, then 0 to 7 entries."""
    body = bodies[index % len(bodies)]
    count = rng.choice([0, 1, 2, 3, 4, 5, 6, 7])
    templates = rng.sample(ENTRIES, count)
    title = f"{rng.choice(PROJECTS)} 踩坑记录 {index}"
    meta = {
        "title": title,
        "date": (dt.datetime(2021, 3, 1, 9, 0) + dt.timedelta(hours=13 * index)).strftime("%Y-%m-%d %H:%M:%S"),
        "permalink": f"/pages/{index:06x}/",
        "categories": [rng.choice(PROJECTS)],
        "tags": sorted({rng.choice(PROJECTS), rng.choice(["训练", "部署", "环境"])}),
        "author": {"name": rng.choice(USERS), "link": "https://example.org/"},
    }
    # The blog body keeps its own first heading; the copy's title goes first, as the import would keep it.
    entries = "\n".join(entry(rng, index * 10 + k, t) for k, t in enumerate(templates))
    text = dump_front_matter(meta) + f"# {title}\n\n{body.strip()}\n\n## 遇到的报错\n\n{entries}"
    folder = f"{index // 100 + 1:02d}.part-{index // 100 + 1}"
    return f"{folder}/{index % 100 + 1:03d}.notes-{index}.md", text


def write_corpus(dest: Path, essays: int, blog: Path, damaged_every: int = 10, seed: int = 0) -> dict:
    """Write ``essays`` real-shaped essays under ``dest``; every ``damaged_every``-th is damaged (2% loss)."""
    bodies = blog_bodies(blog)
    rng = random.Random(seed)
    damaged = 0
    for index in range(essays):
        relative, text = essay(index, bodies, rng)
        if damaged_every and index % damaged_every == damaged_every - 1:
            text = damage(text, 0.02, seed=seed + index)
            damaged += 1
        path = Path(dest) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return {"essays": essays, "damaged": damaged, "source": str(blog) if blog.is_dir() else "synthetic bodies (blog folder absent)"}
