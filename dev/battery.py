"""The payload battery against any code tree, with counts instead of assertions (to compare two trees).

    .venv/bin/python dev/battery.py CODE_TREE WORK_DIR

CODE_TREE is a checkout of the project (``git archive main | tar -x -C /tmp/main``); its docs get
every payload of tests/test_payloads.py, then its check, its strict build and Chromium run as the
test does. Prints how many payloads the check reports at their file:line, how many the strict
build names, how many reach a page or the search index in an executable form, and how many run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

import test_payloads as battery  # noqa: E402

from dev.devtools import CUSTOM_DIR_LINE, HOOK_LINE, launch_chromium, serve  # noqa: E402


def main(code: Path, work: Path) -> None:
    if work.exists():
        shutil.rmtree(work)
    docs = work / "docs"
    battery.docs_with_payloads(code / "docs", docs)
    env = {**os.environ, "PYTHONPATH": f"{code / 'src'}:{code}", "GITHUB_ACTIONS": "", "NO_MKDOCS_2_WARNING": "1"}
    check = subprocess.run([sys.executable, str(code / "scripts/check.py"), "docs", "--tags", str(code / "tags.yml")], cwd=work, env=env, capture_output=True, text=True)
    reported = {(m.group(1), int(m.group(2))) for m in (re.match(r"^(.+?):(\d+): ", line) for line in check.stdout.splitlines()) if m}
    config = (code / "mkdocs.yml").read_text(encoding="utf-8").replace(HOOK_LINE, f"  - {code}/hooks/errata_hooks.py")
    config = config.replace(CUSTOM_DIR_LINE, f"  custom_dir: {code / 'overrides'}")  # relative to the config otherwise
    (work / "mkdocs.yml").write_text(config + f"\ndocs_dir: {docs}\n", encoding="utf-8")
    site = work / "site"
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(work / "mkdocs.yml"), "-d", str(site), "--strict"], cwd=code, env=env, capture_output=True, text=True)
    warnings = [line for line in build.stderr.splitlines() if line.startswith("WARNING")]
    reached: set[str] = set()
    texts = [page.read_text(encoding="utf-8") for page in site.rglob("*.html")]
    texts += [doc[key] for doc in json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"] for key in ("title", "text")]
    for text in texts:
        for form in battery.executable_forms(text):
            reached.update(re.findall(r"PWN\d+", form) or ["unnamed: " + form[:50]])
    ran: set[str] = set()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, serve(site) as base:
        browser = launch_chromium(playwright)
        context = browser.new_context()
        context.add_init_script(battery.CANARY)
        context.route("**/*", lambda route: (ran.update(re.findall(r"PWN\d+", route.request.url) or (["request to evil.example"] if "evil.example" in route.request.url else [])), route.abort()) if not route.request.url.startswith(base) else route.continue_())
        page = context.new_page()
        page.on("dialog", lambda dialog: (ran.add(dialog.message), dialog.dismiss()))
        for url in battery._site_urls(site, base):
            try:
                for event in battery.visit(page, url, base, timeout=15_000):
                    name = event.removeprefix("canary ")
                    ran.add(name if name != event else f"{event} from {url}")
            except Exception as exc:  # a page a payload broke: count it, go on
                ran.add(f"{type(exc).__name__} on {url}")
        browser.close()
    named = lambda found: sorted(item for item in found if re.fullmatch(r"PWN\d+", item))  # noqa: E731
    print(f"payloads {len(battery.PAYLOADS)}")
    print(f"check (exit {check.returncode}): {sum((f'docs/{p.path}', p.line) in reported for p in battery.PAYLOADS)} reported at their file:line")
    print(f"strict build (exit {build.returncode}): {sum(any(p.path in line for line in warnings) for p in battery.PAYLOADS)} named")
    print(f"reach a page or the search index in an executable form: {len(named(reached))} payloads (+{len(reached) - len(named(reached))} unnamed forms)")
    print(f"run in Chromium: {len(named(ran))} payloads (+{len(ran) - len(named(ran))} other events: navigations, outside requests, broken pages)")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
