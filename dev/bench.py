"""The benchmark: repair, build, search index, lookup; every figure beside its comparison from the same run.

Run it as ``make bench`` (or ``python scripts/bench.py --help``). Timings on a
shared machine are noisy, so the report gives ratios measured in one run
(hooks against plain Material, our repair against ``ftfy.fix_text``) and
medians of repeated runs.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from dev.devtools import ROOT, chromium_path, config_for, launch_chromium, serve
from dev.synthetic import write_corpus

SHARED = Path(os.environ.get("ERRATA_SHARED", ROOT.parent / "shared"))

_BUILD = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_mb": peak / 1024, "returncode": done.returncode, "stderr": done.stderr[-2000:]}))
"""


@dataclass
class Report:
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (section, measure, value)

    def add(self, section: str, measure: str, value: str) -> None:
        self.rows.append((section, measure, value))
        print(f"  {measure}: {value}", flush=True)

    def markdown(self) -> str:
        lines = ["| | measure | result |", "|---|---|---|"]
        last = None
        for section, measure, value in self.rows:
            lines.append(f"| {section if section != last else ''} | {measure} | {value} |")
            last = section
        return "\n".join(lines)


def _configs(work: Path, docs: Path) -> tuple[Path, Path]:
    """The project's mkdocs.yml pointed at ``docs``, with its hooks and without (plain Material)."""
    return config_for(docs, work / "hooks.yml"), config_for(docs, work / "plain.yml", hooks=False)


def timed_build(config: Path, dest: Path) -> dict:
    """Build once in a fresh process; its wall time and peak memory."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    out = subprocess.run([sys.executable, "-c", _BUILD, *command], capture_output=True, text=True, env=env, cwd=ROOT)
    result = json.loads(out.stdout)
    if result["returncode"]:
        raise RuntimeError(f"build failed:\n{result['stderr']}")
    return result


def prepare_docs(work: Path, essays: int) -> tuple[Path, float, int]:
    """Synthetic vdoing essays, imported through the repair as a user would; (docs, seconds, bytes)."""
    raw, docs = work / "raw", work / "docs"
    write_corpus(raw, essays)
    size = sum(p.stat().st_size for p in raw.rglob("*.md"))
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "scripts" / "repair.py"), str(raw), "--output", str(docs)], check=True, capture_output=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    (docs / "index.md").write_text("---\ntitle: 首页\n---\n# 首页\n", encoding="utf-8")
    (docs / "lookup.md").write_text((ROOT / "docs" / "lookup.md").read_text(encoding="utf-8"), encoding="utf-8")
    assets = docs / "assets"
    if not assets.exists():
        assets.symlink_to(ROOT / "docs" / "assets")
    return docs, seconds, size


def bench_build(report: Report, sizes: list[int], repeat: int, work_root: Path) -> Path | None:
    """Hooks against plain Material, and time per essay as the site grows. Returns the site of 2,000 essays."""
    kept = None
    for essays in sizes:
        section = f"build, {essays} essays"
        print(section, flush=True)
        work = work_root / f"n{essays}"
        work.mkdir(parents=True)
        docs, repair_seconds, raw_bytes = prepare_docs(work, essays)
        report.add(section, "import with repair.py (clean essays)", f"{repair_seconds:.1f} s, {raw_bytes / repair_seconds / 1e6:.1f} MB/s")
        hooks, plain = _configs(work, docs)
        runs = {"plain": [], "hooks": []}
        for _ in range(repeat):
            for name, config in (("plain", plain), ("hooks", hooks)):
                runs[name].append(timed_build(config, work / f"site-{name}"))
        plain_s = statistics.median(r["seconds"] for r in runs["plain"])
        hooks_s = statistics.median(r["seconds"] for r in runs["hooks"])
        report.add(section, "plain Material build", f"{plain_s:.1f} s, peak {max(r['peak_mb'] for r in runs['plain']):.0f} MB")
        report.add(section, "with the Errata hooks", f"{hooks_s:.1f} s, peak {max(r['peak_mb'] for r in runs['hooks']):.0f} MB")
        report.add(section, "hooks / plain", f"{hooks_s / plain_s:.2f}× ({(hooks_s / plain_s - 1) * 100:+.0f}%)")
        report.add(section, "time per essay (hooks)", f"{hooks_s / essays * 1000:.1f} ms")
        if essays == 2000 or kept is None:
            kept = work / "site-hooks"
            bench_sizes(report, kept, section)
    return kept


def bench_instructions(report: Report, work_root: Path, essays: int = 200) -> None:
    """CPU instructions of the two builds, counted by valgrind: the one build figure this machine cannot blur.

    Wall time on a shared VM moves by ±20% from run to run; the instruction
    count of the same build moves by 0.1%. It misses what is not computing
    (the kernel writing files, cache misses), so it complements the timings.
    """
    import re
    import shutil

    valgrind = shutil.which("valgrind")
    section = f"build, {essays} essays, instructions"
    if valgrind is None:
        report.add(section, "CPU instructions", "skipped: valgrind is not installed (apt-get install valgrind)")
        return
    print(section, flush=True)
    work = work_root / f"instructions-{essays}"
    work.mkdir(parents=True)
    docs, _, _ = prepare_docs(work, essays)
    hooks, plain = _configs(work, docs)
    # The third build tells the hooks' own cost from the traceback lexer's saving
    # (cards label well-formed tracebacks pytb, which Pygments highlights faster).
    python_lexer = "import sys, errata.cards as c; c.traceback_lexer = lambda text: text; from mkdocs.__main__ import cli; cli()"
    counts = {}
    for name, config, runner in (("hooks", hooks, ["-m", "mkdocs"]), ("plain", plain, ["-m", "mkdocs"]), ("python-lexer", hooks, ["-c", python_lexer])):
        command = [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                   sys.executable, *runner, "build", "-q", "-f", str(config), "-d", str(work / f"site-{name}")]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
        if done.returncode or not found:
            raise RuntimeError(f"valgrind build failed:\n{done.stderr[-2000:]}")
        counts[name] = int(found.group(1).replace(",", ""))
    report.add(section, "plain Material build", f"{counts['plain'] / 1e9:.2f} G instructions")
    report.add(section, "with the Errata hooks", f"{counts['hooks'] / 1e9:.2f} G instructions")
    for name, label in (("hooks", "hooks / plain"), ("python-lexer", "hooks with tracebacks left to the Python lexer / plain")):
        report.add(section, label, f"{counts[name] / counts['plain']:.3f}× ({(counts[name] / counts['plain'] - 1) * 100:+.1f}%)")


def bench_sizes(report: Report, site: Path, section: str) -> None:
    errors = json.loads((site / "errors.json").read_text(encoding="utf-8"))
    entries = len(errors["entries"])
    for name, path in (("search index", site / "search" / "search_index.json"), ("errors.json", site / "errors.json")):
        raw = path.read_bytes()
        packed = len(gzip.compress(raw, 6))
        report.add(section, f"{name} ({entries} entries)", f"{len(raw) / 1e6:.1f} MB raw, {packed / 1e6:.2f} MB gzip; {packed / entries / 1024:.2f} KB/entry gzip")


def bench_pagefind(report: Report, site: Path) -> None:
    """The path past lunr: a chunked static index (Pagefind) over the same built site."""
    section = "pagefind"
    print(section, flush=True)
    probe = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True)
    if probe.returncode:
        report.add(section, "Pagefind", "skipped: pip install 'pagefind[bin]==1.5.2' to measure it")
        return
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind"], check=True, capture_output=True)
    seconds = time.perf_counter() - start
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    fragments = [p for p in files if "fragment" in p.parts or p.suffix == ".pf_fragment"]
    chunks = [p for p in files if p.suffix == ".pf_index"]
    lunr = len(gzip.compress((site / "search" / "search_index.json").read_bytes(), 6))
    report.add(section, "indexing the built site", f"{seconds:.1f} s, {len(files)} files, {total / 1e6:.1f} MB in all (already compressed)")
    if chunks:
        report.add(section, "what a query downloads", f"index chunks of {statistics.median(p.stat().st_size for p in chunks) / 1024:.0f} KB (median) "
                   f"+ a fragment per result ({statistics.median(p.stat().st_size for p in fragments) / 1024:.1f} KB), against lunr's whole index ({lunr / 1e6:.2f} MB gzip) up front")


def _variants(messages: list[str], count: int, seed: int = 7) -> list[str]:
    """Queries as readers paste them: the entry's message with other numbers."""
    rng = random.Random(seed)
    out = []
    for message in rng.sample(messages, min(count, len(messages))):
        out.append("".join(str(rng.randint(0, 999)) if ch.isdigit() else ch for ch in message))
    return out


def bench_lookup(report: Report, site: Path) -> None:
    from errata.lookup import LookupIndex

    section = "lookup"
    print(section, flush=True)
    start = time.perf_counter()
    index = LookupIndex.from_json(site / "errors.json")
    load = time.perf_counter() - start
    messages = [e["message"] for e in json.loads((site / "errors.json").read_text(encoding="utf-8"))["entries"]]
    queries = _variants(messages, 300)
    timings, hits = [], 0
    for query in queries:
        t = time.perf_counter()
        matches = index.search(query, limit=5)
        timings.append((time.perf_counter() - t) * 1000)
        hits += bool(matches)
    timings.sort()
    report.add(section, f"command line, {len(messages)} entries", f"load {load * 1000:.0f} ms; query median {statistics.median(timings):.1f} ms, p95 {timings[int(len(timings) * 0.95)]:.1f} ms")
    report.add(section, "queries with a confident answer", f"{hits}/{len(queries)}")
    if chromium_path() is None:
        report.add(section, "browser", "skipped: no Chromium")
        return
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.goto(base + "lookup/")
        results = page.evaluate(
            """async (queries) => {
                const data = await (await fetch(document.querySelector('#__config') ? '../errors.json' : 'errors.json')).json();
                let t = performance.now();
                const index = new Errata.LookupIndex(data.entries, data.rules);
                const load = performance.now() - t;
                const times = [];
                for (const q of queries) { t = performance.now(); index.search(q, 5); times.push(performance.now() - t); }
                times.sort((a, b) => a - b);
                return {load, median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)]};
            }""",
            queries[:100],
        )
        browser.close()
    report.add(section, f"browser (Chromium), {len(messages)} entries", f"index {results['load']:.0f} ms once; query median {results['median']:.1f} ms, p95 {results['p95']:.1f} ms")


def bench_repair(report: Report) -> None:
    import ftfy

    from dev.damage import character_error_rate, damage
    from errata.text.langmodel import cache_path, load_model
    from errata.text.mojibake import FTFY_CONFIG, repair_mojibake

    section = "repair"
    print(section, flush=True)
    cache_path().exists() or load_model()
    load = subprocess.run(
        [sys.executable, "-c", "import time; t = time.perf_counter(); from errata.text.langmodel import load_model; load_model().word_endings; print(time.perf_counter() - t)"],
        capture_output=True, text=True, check=True,
    )
    report.add(section, "language model load from cache (with its word index)", f"{float(load.stdout) * 1000:.0f} ms")
    model = load_model()

    blog = SHARED / "corpus" / "blog"
    if blog.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(blog.glob("*.md"))]
        source = "../shared/corpus/blog"
    else:
        from dev.synthetic import essay

        texts = [essay(i)[1] for i in range(20)]
        source = "synthetic essays (../shared absent)"
    for text in texts:  # warm the memoised candidate tables once, as a long run would
        repair_mojibake(damage(text, 0.08, seed=1), model)

    def rate(items: list[str], fn) -> float:
        size = sum(len(t.encode()) for t in items)
        start = time.perf_counter()
        for t in items:
            fn(t)
        return size / (time.perf_counter() - start) / 1000

    clean_ours = rate(texts, lambda t: repair_mojibake(t, model))
    clean_ftfy = rate(texts, lambda t: ftfy.fix_text(t, FTFY_CONFIG))
    report.add(section, f"clean text ({source})", f"{clean_ours:.0f} KB/s vs ftfy.fix_text {clean_ftfy:.0f} KB/s: ftfy / ours = {clean_ftfy / clean_ours:.2f}×")
    for loss in (0.02, 0.08, 0.15):
        damaged = [damage(t, loss, seed=i) for i, t in enumerate(texts)]
        ours = rate(damaged, lambda t: repair_mojibake(t, model))
        theirs = rate(damaged, lambda t: ftfy.fix_text(t, FTFY_CONFIG))
        errors = sum(character_error_rate(repair_mojibake(d, model)[0], t) * len(t) for d, t in zip(damaged, texts))
        ftfy_errors = sum(character_error_rate(ftfy.fix_text(d, FTFY_CONFIG), t) * len(t) for d, t in zip(damaged, texts))
        total = sum(len(t) for t in texts)
        report.add(
            section,
            f"{int(loss * 100)}% continuation bytes lost",
            f"CER {errors / total:.3%} (ftfy alone {ftfy_errors / total:.1%}); {ours:.0f} KB/s of damaged text, ftfy {theirs:.0f} KB/s",
        )
    bench_repair_classes(report)


def bench_repair_classes(report: Report) -> None:
    """Every mojibake class on the test split of text it was not tuned on (dev/repair_eval.py)."""
    from dev import repair_eval

    section = "repair, test split"
    print(section, flush=True)
    table, lines = repair_eval.evaluate()
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        report.add(section, cells[0], f"Errata {cells[2]}; ftfy {cells[3]}; careful ftfy {cells[4]}; nothing {cells[5]} "
                   f"(share CER 0 / mean CER; {cells[1]} cases, {cells[6]} aborted)")
    for line in lines:
        measure, _, value = line.partition(": ")
        report.add(section, measure, value)
    section = "repair constants: seed against dev split"
    print(section, flush=True)
    for line in repair_eval.sensitivity_table().splitlines()[2:]:
        setting, seed, *dev = [c.strip() for c in line.strip("|").split("|")]
        report.add(section, setting, f"seed {seed} characters wrong; dev CER {' / '.join(dev)}")


def run(sizes: list[int], repeat: int, parts: set[str]) -> Report:
    report = Report()
    with tempfile.TemporaryDirectory(prefix="errata-bench-") as tmp:
        if "repair" in parts:
            bench_repair(report)
        site = bench_build(report, sizes, repeat, Path(tmp)) if "build" in parts else None
        if "instructions" in parts:
            bench_instructions(report, Path(tmp))
        if "lookup" in parts and site is not None:
            bench_lookup(report, site)
        if "pagefind" in parts and site is not None:
            bench_pagefind(report, site)
    return report
