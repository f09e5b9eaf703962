"""Building, serving and browsing the site from scripts and tests (not used by the site itself).

Chromium is Debian's (``/usr/bin/chromium``), driven by Playwright: browser
downloads (``playwright install``) are not possible on the project's machines.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    """Debian's Chromium, or one named by ``ERRATA_CHROMIUM``."""
    for candidate in (os.environ.get("ERRATA_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


HOOK_LINE = "  - hooks/errata_hooks.py"
REDIRECTS_LINE = "  - redirects:"
CUSTOM_DIR_LINE = "  custom_dir: overrides"


def config_for(docs_dir: Path, path: Path, hooks: bool = True, redirects: bool | None = None) -> Path:
    """Write at ``path`` the project's mkdocs.yml pointed at other docs; without ``hooks``, plain Material
    (no hooks and, unless ``redirects`` says otherwise, no redirects plugin).

    The hooks are named by absolute path, since a config elsewhere finds files relative to itself.
    """
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace(CUSTOM_DIR_LINE, f"  custom_dir: {ROOT / 'overrides'}")  # relative to the config otherwise
    if hooks:
        text = text.replace(HOOK_LINE, f"  - {ROOT / 'hooks' / 'errata_hooks.py'}")
    else:
        text = "\n".join(line for line in text.splitlines() if line not in ("hooks:", HOOK_LINE))
    if not (hooks if redirects is None else redirects):  # by default with the hooks, which fill its map
        text = "\n".join(_without_plugin(text.splitlines(), REDIRECTS_LINE))
    path.write_text(text + f"\ndocs_dir: {Path(docs_dir).resolve()}\n", encoding="utf-8")
    return path


def _without_plugin(lines: list[str], opening: str):
    """The lines of mkdocs.yml without one plugin: its line and the more indented lines under it."""
    skipping = False
    for line in lines:
        if line == opening:
            skipping = True
            continue
        if skipping and line.startswith(" " * (len(opening) - len(opening.lstrip()) + 3)):
            continue
        skipping = False
        yield line


def build_site(dest: Path, config: Path | None = None, docs_dir: Path | None = None, strict: bool = True) -> subprocess.CompletedProcess:
    """``mkdocs build`` into ``dest``; with ``docs_dir`` a copy of the config points at other docs."""
    config = config or ROOT / "mkdocs.yml"
    if docs_dir is not None:
        config = config_for(docs_dir, Path(dest).parent / f"mkdocs-{Path(dest).name}.yml")
    # Not -q: MkDocs counts warnings for --strict only at the WARNING log level.
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(dest)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)


@contextlib.contextmanager
def serve(directory: Path):
    """Serve a built site on a free loopback port; yields its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep test output clean
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def launch_chromium(playwright, **options):
    executable = chromium_path()
    if executable is None:
        raise RuntimeError("Chromium not found: apt-get install -y chromium (or set ERRATA_CHROMIUM)")
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, **options)
