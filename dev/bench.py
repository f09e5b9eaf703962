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
import shutil
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
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": elapsed, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
                  "returncode": done.returncode, "stderr": done.stderr[-2000:]}))
"""

#: Builds that undo one optimisation, to measure it against the hooked build in the same run:
#: (name, what it undoes, Python run instead of ``-m mkdocs``).
UNDONE = (
    ("no-memo", "jieba run on every Han run again (no memo)",
     "import errata.search_text as s; s.segment_han = s.segment_han.__wrapped__; from mkdocs.__main__ import cli; cli()"),
    ("python-lexer", "tracebacks left to the Python lexer",
     "import errata.cards as c; c.traceback_lexer = lambda text: text; from mkdocs.__main__ import cli; cli()"),
    # Both of those also save work that plain Material does (segmenting, highlighting):
    # without either, what is left is the hooks' own work and nothing that offsets it.
    ("own-work", "neither (no memo, Python lexer): the hooks' own work alone",
     "import errata.search_text as s, errata.cards as c; s.segment_han = s.segment_han.__wrapped__; "
     "c.traceback_lexer = lambda text: text; from mkdocs.__main__ import cli; cli()"),
)


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
    """The project's mkdocs.yml pointed at ``docs``: with its hooks, and plain Material (no hooks, no redirects)."""
    return config_for(docs, work / "hooks.yml"), config_for(docs, work / "plain.yml", hooks=False)


def timed_build(config: Path, dest: Path, runner: list[str] | None = None, env: dict | None = None) -> dict:
    """Build once in a fresh process; its wall time, CPU time (user + system) and peak memory."""
    command = [sys.executable, *(runner or ["-m", "mkdocs"]), "build", "-q", "-f", str(config), "-d", str(dest)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    out = subprocess.run([sys.executable, "-c", _BUILD, *command], capture_output=True, text=True, env=env, cwd=ROOT)
    result = json.loads(out.stdout)
    if result["returncode"]:
        raise RuntimeError(f"build failed:\n{result['stderr']}")
    return result


def prepare_docs(work: Path, essays: int, corpus: str = "real") -> tuple[Path, float, int, str]:
    """Essays imported through the repair as a user would; (docs, seconds, bytes, what the corpus is).

    ``real``: real-shaped essays (:mod:`dev.realistic`: the shared blog's prose, pasted
    tracebacks, one essay in ten damaged); ``synthetic``: :mod:`dev.synthetic`'s tidy ones.
    """
    raw, docs = work / "raw", work / "docs"
    if corpus == "real":
        from dev.realistic import write_corpus as write_real

        made = write_real(raw, essays, SHARED / "corpus" / "blog")
        what = f"real-shaped: prose of {made['source']}, {made['damaged']} of {essays} essays damaged (2%)"
    else:
        write_corpus(raw, essays)
        what = "synthetic (dev.synthetic)"
    size = sum(p.stat().st_size for p in raw.rglob("*.md"))
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "scripts" / "repair.py"), str(raw), "--output", str(docs)], check=True, capture_output=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    for page in ("index.md", "lookup.md", "tags.md"):  # the site's own pages, as a user's site has them
        (docs / page).write_text((ROOT / "docs" / page).read_text(encoding="utf-8"), encoding="utf-8")
    assets = docs / "assets"
    if not assets.exists():
        # A copy, not a link: the build publishes no symbolic link under docs/ (SECURITY.md), so a linked
        # assets folder left the pages without the site's script (the lookup page's Errata was undefined).
        shutil.copytree(ROOT / "docs" / "assets", assets)
    return docs, seconds, size, what


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def _percent(ratio: float) -> str:
    return f"{ratio:.3f}× ({(ratio - 1) * 100:+.1f}%)"


def bench_build(report: Report, sizes: list[int], repeat: int, work_root: Path, corpus: str = "real", baseline: str | None = None) -> Path | None:
    """Hooks against plain Material in CPU time (median of ``repeat`` interleaved builds), the hooks' phases,
    each optimisation undone, the redirects on their own and (with ``baseline``, a git revision) the hooks
    as they were there, all on the same docs in one run. Returns the largest hooked site."""
    from errata.site import Catalogue

    kept = None
    for essays in sizes:
        section = f"build, {essays} essays"
        print(section, flush=True)
        work = work_root / f"n{essays}"
        work.mkdir(parents=True)
        docs, repair_seconds, raw_bytes, what = prepare_docs(work, essays, corpus)
        entries = len(Catalogue(docs).refresh().entries())
        report.add(section, "corpus", f"{what}; {entries} entries")
        report.add(section, "import with repair.py", f"{repair_seconds:.1f} s, {raw_bytes / repair_seconds / 1e6:.2f} MB/s")
        hooks, plain = _configs(work, docs)
        kinds = _build_kinds(work, docs, baseline)
        runs: dict[str, list[dict]] = {name: [] for name, *_ in kinds}
        for _ in range(repeat):  # interleaved, so that a noisy minute hits every kind alike
            for name, _, config, runner, env in kinds:
                runs[name].append(timed_build(config, work / f"site-{name}", runner, env))
        plain_cpu = _median(runs["plain"], "cpu_seconds")
        for name, label, *_ in kinds:
            figures = f"CPU {_median(runs[name], 'cpu_seconds'):.2f} s, wall {_median(runs[name], 'seconds'):.1f} s, peak {max(r['peak_mb'] for r in runs[name]):.0f} MB"
            if name != "plain":
                # Each build against the plain build of the same round: a busy minute slows both.
                ratios = sorted(k["cpu_seconds"] / p["cpu_seconds"] for k, p in zip(runs[name], runs["plain"]))
                figures += f"; / plain: {_percent(statistics.median(ratios))} (rounds: {', '.join(f'{r:.3f}' for r in ratios)})"
            report.add(section, label, figures)
        report.add(section, "time per essay (hooks, CPU)", f"{_median(runs['hooks'], 'cpu_seconds') / essays * 1000:.1f} ms")
        own_work = next(["-c", code] for name, _, code in UNDONE if name == "own-work")
        bench_phases(report, section, hooks, work, plain_cpu, own_work)
        kept = work / "site-hooks"
        bench_sizes(report, kept, section)
    return kept


def _build_kinds(work: Path, docs: Path, baseline: str | None) -> list[tuple[str, str, Path, list[str] | None, dict | None]]:
    """Every build the comparison needs: (name, what it is, config, runner, environment)."""
    hooks, plain = _configs(work, docs)
    no_redirects = config_for(docs, work / "no-redirects.yml", redirects=False)
    kinds = [
        ("plain", "plain Material build (no hooks, no redirects)", plain, None, None),
        ("hooks", "with the Errata hooks and redirects", hooks, None, None),
        *((name, f"hooks with {undoes}", hooks, ["-c", code], None) for name, undoes, code in UNDONE),
        ("no-redirects", "hooks without the redirects plugin (no page per old permalink)", no_redirects, None, None),
    ]
    if baseline:
        config, env = _baseline(work, hooks, baseline)
        kinds.append(("baseline", f"hooks as of {baseline}", config, None, env))
    return kinds


def _baseline(work: Path, hooks: Path, revision: str) -> tuple[Path, dict]:
    """A config whose hooks and ``errata`` package are those of ``revision`` (from git), for a before/after in one run."""
    import io
    import tarfile

    tree = work / "baseline"
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "hooks", "src"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tree, filter="data")
    config = work / "baseline.yml"
    config.write_text(hooks.read_text(encoding="utf-8").replace(str(ROOT / "hooks"), str(tree / "hooks")), encoding="utf-8")
    return config, {"PYTHONPATH": str(tree / "src")}  # before the editable install on sys.path


def bench_phases(report: Report, section: str, hooks: Path, work: Path, plain_cpu: float, undone: list[str]) -> None:
    """Hooked builds with the phase clock on, as they are and with the savings undone (``undone``, a runner):
    each phase's CPU time, beside the plain build's whole CPU time."""
    from errata.phases import ENVIRONMENT_VARIABLE

    measured = {}
    for name, runner in (("now", None), ("undone", undone)):
        target = work / f"phases-{name}.json"
        timed_build(hooks, work / f"site-phases-{name}", runner, env={ENVIRONMENT_VARIABLE: str(target)})
        measured[name] = json.loads(target.read_text(encoding="utf-8"))["phases"]
    for phase, value in sorted(measured["now"].items(), key=lambda item: -item[1]["seconds"]):
        before = measured["undone"].get(phase, {"seconds": 0.0})["seconds"]
        report.add(section, f"phase: {phase}",
                   f"{value['seconds']:.3f} s CPU in {value['calls']} calls = {value['seconds'] / plain_cpu:.1%} of plain"
                   + f"; with the savings undone {before:.3f} s = {before / plain_cpu:.1%}")


def bench_instructions(report: Report, work_root: Path, essays: int = 100, corpus: str = "real", baseline: str | None = None) -> None:
    """CPU instructions of every kind of build, counted by valgrind: the one build figure this machine cannot blur.

    Wall time on a shared VM moves by ±20% from run to run, CPU time by ±10%;
    the instruction count of the same build moves by 0.1%. It misses what is
    not computing (the kernel writing files, cache misses), so it complements the timings.
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
    docs, _, _, _ = prepare_docs(work, essays, corpus)
    counts = {}
    for name, label, config, runner, env in _build_kinds(work, docs, baseline):
        command = [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                   sys.executable, *(runner or ["-m", "mkdocs"]), "build", "-q", "-f", str(config), "-d", str(work / f"site-{name}")]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
        found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
        if done.returncode or not found:
            raise RuntimeError(f"valgrind build failed:\n{done.stderr[-2000:]}")
        counts[name] = int(found.group(1).replace(",", ""))
        figures = f"{counts[name] / 1e9:.2f} G instructions"
        if name != "plain":
            figures += f"; / plain: {_percent(counts[name] / counts['plain'])}"
        report.add(section, label, figures)


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


VECTORS = ROOT / "tests" / "fixtures" / "fingerprint_vectors.json"
_PASTES_IN_PAGE = """async (pastes) => {
    const data = await (await fetch("../errors.json")).json();
    const index = new Errata.LookupIndex(data.entries, data.rules);
    const timings = {};
    for (const [name, text] of Object.entries(pastes)) {
        let best = Infinity;
        for (let i = 0; i < 3; i++) { const t = performance.now(); index.search(text, 5); best = Math.min(best, performance.now() - t); }
        timings[name] = best;
    }
    return timings;
}"""


def lookup_pastes() -> dict[str, str]:
    """A short query, a real-shaped 110 KB traceback and the pathological pastes of the shared vectors (issue 12)."""
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    paste = lambda case: case["prefix"] + case["unit"] * case["repeat"] + case["suffix"]  # noqa: E731
    return {"short query": "KeyError: 'bbox'", "real traceback": paste(vectors["reference_paste"]), **{c["name"]: paste(c) for c in vectors["pathological"]}}


def bench_pastes(report: Report, site: Path) -> None:
    """Each paste's search, best of 3, in the command line's Python and in the page's JavaScript, one run."""
    from errata.lookup import LookupIndex

    section = "lookup pastes"
    print(section, flush=True)
    pastes = lookup_pastes()
    index = LookupIndex.from_json(site / "errors.json")
    python = {}
    for name, text in pastes.items():
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            index.search(text, limit=5)
            best = min(best, time.perf_counter() - started)
        python[name] = best * 1000
    page = None
    if chromium_path() is not None:
        from playwright.sync_api import sync_playwright

        with serve(site) as base, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            tab = browser.new_page()
            tab.goto(base + "lookup/")
            page = tab.evaluate(_PASTES_IN_PAGE, pastes)
            browser.close()
    for name in pastes:
        in_page = f"; page {page[name]:.2f} ms" if page else ""
        report.add(section, f"{name} ({len(pastes[name]):,} characters)", f"command line {python[name]:.2f} ms{in_page}")
    worst = max((n for n in pastes if n not in ("short query", "real traceback")), key=python.get)
    report.add(section, "worst pathological paste (target: under 100 ms)", f"{worst}: {python[worst]:.1f} ms" + (f", page {max(page.values()):.1f} ms" if page else ""))


def bench_repair(report: Report) -> None:
    import ftfy

    from dev.damage import character_error_rate, damage
    from errata.text.langmodel import load_model
    from errata.text.mojibake import FTFY_CONFIG, repair_mojibake

    section = "repair"
    print(section, flush=True)
    load_model()  # built and cached on first use, so that the timing below reads the cache
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
    bench_other_languages(report)
    section = "repair constants: seed against dev split"
    print(section, flush=True)
    for line in repair_eval.sensitivity_table().splitlines()[2:]:
        setting, seed, *dev = [c.strip() for c in line.strip("|").split("|")]
        report.add(section, setting, f"seed {seed} characters wrong; dev CER {' / '.join(dev)}")


def bench_other_languages(report: Report) -> None:
    """Text in 36 languages other than Chinese and Japanese, misread as single bytes (dev/other_languages.py)."""
    from dev import other_languages

    section = "repair, other languages, test split"
    print(section, flush=True)
    for line in other_languages.evaluate(progress=False).splitlines()[2:]:
        damage, essays, ours, careful, nothing, worse = [c.strip() for c in line.strip("|").split("|")]
        report.add(section, damage, f"Errata {ours}; careful ftfy {careful}; nothing {nothing} (share exact / CER; {essays} essays, {worse} worse than ftfy)")


def bench_import(report: Report, essays: int = 200) -> None:
    """A generated vdoing blog of ``essays`` essays imported (dev.import_bench), beside the repair alone."""
    from dev.import_bench import measure

    figures = measure(essays)
    report.add(
        "import",
        f"{figures['essays']} essays, {figures['assets']} assets, {figures['conversions']} conversions (median of 3)",
        f"{figures['import_s']:.2f} s (repair alone {figures['repair_s']:.2f} s; target < 60 s)",
    )


def run(sizes: list[int], repeat: int, parts: set[str], corpus: str = "real", baseline: str | None = None) -> Report:
    report = Report()
    with tempfile.TemporaryDirectory(prefix="errata-bench-") as tmp:
        if "repair" in parts:
            bench_repair(report)
        if "import" in parts:
            bench_import(report)
        site = bench_build(report, sizes, repeat, Path(tmp), corpus, baseline) if "build" in parts else None
        if "instructions" in parts:
            bench_instructions(report, Path(tmp), corpus=corpus, baseline=baseline)
        if "lookup" in parts and site is not None:
            bench_lookup(report, site)
            bench_pastes(report, site)
        if "pagefind" in parts and site is not None:
            bench_pagefind(report, site)
    return report
