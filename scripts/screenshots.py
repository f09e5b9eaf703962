#!/usr/bin/env python3
"""Screenshots of the built site in headless Chromium: home, an essay with entries, /errors/, a tag page, /lookup/.

    screenshots.py [--out screenshots/] [--dark]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dev/ lives at the repository root

from dev.devtools import ROOT, build_site, launch_chromium, serve

PAGES = {
    "home": "",
    "essay": "mmdetection/mmdetection-errors/",
    "errors": "errors/",
    "tags": "tags/",
    "pytorch": "pytorch/cuda-errors/",
}
TRACEBACK = """Traceback (most recent call last):
  File "/data/venv/lib/python3.10/site-packages/torch/autograd/__init__.py", line 200, in backward
RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.cuda.FloatTensor [4, 256, 50, 50]], which is output 0 of ReluBackward0, is at version 3; expected version 2 instead."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--dark", action="store_true", help="the dark palette")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        result = build_site(site)
        if result.returncode:
            print(result.stderr, file=sys.stderr)
            return 2
        with serve(site) as base, sync_playwright() as p:
            browser = launch_chromium(p)
            page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark" if args.dark else "light")
            suffix = "-dark" if args.dark else ""
            for name, path in PAGES.items():
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                target = args.out / f"{name}{suffix}.png"
                page.screenshot(path=str(target), full_page=name != "essay")
                print(target)
            page.goto(base + "lookup/")
            page.fill("#errata-lookup textarea", TRACEBACK)
            page.wait_for_selector(".errata-matches a")
            page.screenshot(path=str(args.out / f"lookup{suffix}.png"))
            print(args.out / f"lookup{suffix}.png")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
