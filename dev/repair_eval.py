"""The repair on text it was not tuned on: every mojibake class, Errata against ftfy and doing nothing.

Run on its own::

    python -m dev.repair_eval                 # the test split (what BENCHMARKS.md reports)
    python -m dev.repair_eval --split dev     # the split to tune on
    python -m dev.repair_eval --quick         # fewer cases, for a look while working
    python -m dev.repair_eval --constants     # and each tuning constant's neighbours (seed vs dev split)

or as the repair section of ``scripts/bench.py --only repair``. Each damaged
file goes through what a user runs (:func:`errata.repair.repair_bytes` on the
file's bytes), through ``ftfy.fix_text`` with its default config and with the
repair's careful one (``FTFY_CONFIG``), and through nothing; every figure is
from the same cases in the same run. Clean text comes from :mod:`dev.evaltext`,
damage from :mod:`dev.damage` (which shares nothing with the repair).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass, field
from typing import Callable

import ftfy

from dev import evaltext
from dev.damage import CLASSES, character_errors, lost_bytes, mix_classes, raw_lost_bytes

METHODS = ("errata", "ftfy", "ftfy-careful", "nothing")
#: Mixtures as real files show them: (title's class, body's class).
MIXTURES = [("gbk-as-latin1", "cp1252"), ("cp1252", "latin1"), ("cp1252-twice", "cp1252"), ("gbk-as-latin1", "utf8-as-gbk")]
LOSS_RATES = (0.02, 0.08)
LOSS_MARKS = ("silent", "fffd", "question")
#: The kind of the cases whose lost bytes are left as raw UTF-8 (no code page read them).
RAW_LOSS = "raw-lost-bytes"


@dataclass
class Case:
    """One damaged file and the clean text it came from."""

    kind: str
    clean: str
    damaged: str | bytes
    lossless: bool


@dataclass
class Tally:
    """One method's results over one kind of case."""

    cases: int = 0
    exact: int = 0
    errors: int = 0  # characters wrong, summed
    length: int = 0  # characters of clean text, summed
    cer_sum: float = 0.0
    aborted: int = 0
    seconds: float = 0.0
    named: int = 0  # files whose report names the class of damage
    worse_than: dict[str, int] = field(default_factory=dict)

    def add(self, got: str, want: str, seconds: float) -> int:
        wrong = character_errors(got, want)
        self.cases += 1
        self.exact += wrong == 0
        self.errors += wrong
        self.length += len(want)
        self.cer_sum += wrong / max(len(want), 1)
        self.seconds += seconds
        return wrong

    @property
    def exact_share(self) -> float:
        return self.exact / self.cases if self.cases else 0.0

    @property
    def mean_cer(self) -> float:
        return self.cer_sum / self.cases if self.cases else 0.0


def _texts(split: str, script: str, limit: int | None) -> list[str]:
    docs = evaltext.documents(split, script)
    return docs[:limit] if limit else docs


def class_cases(split: str, limit: int | None = None, seed: int = 0) -> dict[str, list[Case]]:
    """Every class of :data:`dev.damage.CLASSES` and every mixture, applied to the split's essays."""
    out: dict[str, list[Case]] = {}
    clean = [t for script in ("zh_CN", "zh_TW", "ja") for t in _texts(split, script, limit)] + evaltext.dense_prose(split, limit or 40)
    out["clean text, no damage (catalogues in zh_CN, zh_TW, ja; dense prose)"] = [Case("clean", t, t, True) for t in clean]
    for name, cls in CLASSES.items():
        cases = []
        for i, text in enumerate(_texts(split, cls.script, limit)):
            clean = cls.fit(text)
            cases.append(Case(name, clean, cls.apply(clean, random.Random(seed * 7919 + i)), cls.lossless))
        out[name] = cases
    for title, body in MIXTURES:
        name = f"mixed: title {title}, body {body}"
        lossless = CLASSES[title].lossless and CLASSES[body].lossless
        out[name] = [
            Case(name, text, mix_classes(text, random.Random(seed * 7919 + i), title, body), lossless)
            for i, text in enumerate(_texts(split, "zh_CN", limit))
        ]
    return out


def loss_cases(split: str, limit: int | None = None, seed: int = 0) -> dict[str, list[Case]]:
    """Continuation bytes lost at 2% and 8% from dense prose without code, then read as cp1252 (C1 kept),
    or left as raw UTF-8 bytes (the same losses as the rows read as cp1252: the same seeds)."""
    prose = evaltext.dense_prose(split, count=limit or 40)
    out = {}
    for rate in LOSS_RATES:
        for mark in LOSS_MARKS:
            name = f"lost bytes {rate:.0%}, {mark}, dense prose"
            out[name] = [Case(name, t, lost_bytes(t, rate, random.Random(seed * 7919 + i), mark), False) for i, t in enumerate(prose)]
    for rate in LOSS_RATES:
        name = f"lost bytes {rate:.0%}, raw UTF-8, dense prose"
        out[name] = [Case(RAW_LOSS, t, raw_lost_bytes(t, rate, random.Random(seed * 7919 + i)), False) for i, t in enumerate(prose)]
    # What Errata's own essays are like: technical Chinese between code, English and symbols.
    essays = _texts(split, "zh_CN", limit)
    for rate in LOSS_RATES:
        name = f"lost bytes {rate:.0%}, silent, catalogue essays (technical, with code)"
        out[name] = [Case(name, t, lost_bytes(t, rate, random.Random(seed * 7919 + i), "silent"), False) for i, t in enumerate(essays)]
    return out


# -- the methods --------------------------------------------------------------------------


def repair_result(data: bytes, options=None):
    """The repair's result as ``repair.py --write`` keeps it, or ``None`` where the file is refused.

    A front matter that still does not parse comes with the body repaired and
    the block left as found: that counts as repaired, not as an abort.
    """
    from errata.errors import EssayError
    from errata.repair import RepairOptions, repair_bytes

    try:
        return repair_bytes(data, "essay.md", options or RepairOptions())
    except EssayError as error:
        return getattr(error, "result", None)


def repaired(data: bytes, options=None) -> str | None:
    """What a user gets: the repaired text, or ``None`` where the file is refused.

    >>> repaired("---\\ntitle: è¯¦ç»†\\n---\\n".encode())
    '---\\ntitle: 详细\\n---\\n'
    """
    result = repair_result(data, options)
    return None if result is None else result.text


#: The kind the repair's report should name for each class (``RepairReport.fixes`` and
#: ``.unrecoverable``); whole files are named by the encoding they were converted from.
EXPECTED_KIND = {
    "cp1252": "utf8-as-cp1252", "cp1252-drop": "utf8-as-cp1252", "cp1252-fffd": "utf8-as-cp1252", "cp1252-web": "utf8-as-cp1252",
    "latin1": "utf8-as-latin1", "latin1-c1-stripped": "lost-bytes", "file-cp936-round-trip": "lost-bytes", "cp1252-twice": "utf8-as-cp1252-twice", "cp1252-twice-web": "utf8-as-cp1252-twice", "cp1252-twice-fffd-web": "utf8-as-cp1252-twice", "cp1251": "utf8-as-cp1251", "cp1251-web": "utf8-as-cp1251", "gbk-as-latin1": "gbk-as-latin1", "gbk-as-cp1254": "gbk-as-latin1",
    "utf8-as-gbk": "utf8-as-gbk", "utf8-as-gbk-question": "utf8-as-gbk", "utf8-as-gbk-greedy": "utf8-as-gbk", "utf8-as-gbk-greedy-question": "utf8-as-gbk", "utf8-as-gbk-dotnet": "utf8-as-gbk", "utf8-as-gbk-dotnet-no-pua": "utf8-as-gbk", "utf8-as-gbk-ignore": "utf8-as-gbk", "utf8-as-gbk-iconv": "utf8-as-gbk", "utf8-as-gbk-java": "utf8-as-gbk",
    "utf8-as-gb18030": "utf8-as-gbk", "utf8-as-cp936": "utf8-as-gbk", "utf8-as-cp936-no-pua": "utf8-as-gbk", "utf8-as-cp936-zh-tw": "utf8-as-gbk", "utf8-as-big5": "utf8-as-big5", "utf8-as-big5-browser": "utf8-as-big5", "utf8-as-shift-jis": "utf8-as-shift-jis", "utf8-as-euc-kr": "utf8-as-euc-kr", "utf8-as-shift-jis-windows": "utf8-as-shift-jis", "shift-jis-as-cp1252": "shift-jis-as-latin1", "big5-as-latin1": "big5-as-latin1", "big5-as-gbk": "big5-as-gbk", "big5-as-gbk-python": "big5-as-gbk", "gbk-as-big5": "gbk-as-big5", "gbk-as-iso8859-2": "gbk-as-iso8859-2", "gbk-as-cp1251": "gbk-as-cp1251", "big5-as-cp1250": "big5-as-cp1250",
    "utf8-as-gbk-twice": "utf8-as-gbk-twice", "utf8-as-cp936-twice": "utf8-as-gbk-twice", "utf8-as-gbk-dotnet-twice": "utf8-as-gbk-twice",
    "utf8-as-gbk-then-cp1252": "utf8-as-gbk", "utf8-as-gbk-then-cp1252-web": "utf8-as-gbk",
    "file-bom-cp1252": "utf8-as-cp1252", "file-bom-utf8-as-gbk-iconv": "utf8-as-gbk",
    "gbk-as-utf8": "gbk-as-utf8-replaced", "gbk-as-utf8-ignore": "gbk-as-utf8-dropped", "kunjinkao": "kunkao", RAW_LOSS: "lost-bytes",
}


def names_its_class(kind: str, report) -> bool:
    """Does the report say what happened to a file of this class?"""
    expected = EXPECTED_KIND.get(kind)
    if expected is None and kind.startswith(("file-", "mixed-utf8")):
        return bool(report.encoding_converted)
    found = {f.kind for f in getattr(report, "fixes", [])} | {f.kind for f in getattr(report, "unrecoverable", [])}
    return expected in found


def _errata(data: bytes) -> tuple[str | None, float, object]:
    start = time.perf_counter()
    result = repair_result(data)
    seconds = time.perf_counter() - start
    return (None, seconds, None) if result is None else (result.text, seconds, result.report)


def _ftfy(config) -> Callable[[str | bytes], str]:
    def fix(damaged: str | bytes) -> str:
        if isinstance(damaged, bytes):
            damaged = ftfy.guess_bytes(damaged)[0]  # ftfy's own way to read bytes of unknown encoding
        return ftfy.fix_text(damaged, config) if config is not None else ftfy.fix_text(damaged)

    return fix


def _nothing(damaged: str | bytes) -> str:
    return damaged.decode("utf-8", "replace") if isinstance(damaged, bytes) else damaged


def _as_bytes(damaged: str | bytes) -> bytes:
    """A case's file: its bytes, or its text saved as UTF-8."""
    return damaged if isinstance(damaged, bytes) else damaged.encode("utf-8")


def run_cases(cases: list[Case]) -> dict[str, Tally]:
    """Every method on every case; Errata's aborted files count as left untouched."""
    from errata.text.mojibake import FTFY_CONFIG

    others = {"ftfy": _ftfy(None), "ftfy-careful": _ftfy(FTFY_CONFIG), "nothing": _nothing}
    tallies = {m: Tally() for m in METHODS}
    for case in cases:
        got, seconds, report = _errata(_as_bytes(case.damaged))
        tallies["errata"].named += report is not None and names_its_class(case.kind, report)
        if got is None:
            tallies["errata"].aborted += 1
            got = _nothing(case.damaged)
        ours = tallies["errata"].add(got, case.clean, seconds)
        for name, method in others.items():
            start = time.perf_counter()
            theirs = method(case.damaged)
            wrong = tallies[name].add(theirs, case.clean, time.perf_counter() - start)
            if ours > wrong:
                tallies["errata"].worse_than[name] = tallies["errata"].worse_than.get(name, 0) + 1
    return tallies


def chinese_characters(text: str) -> int:
    """CJK ideographs in a text (what "damaged Chinese characters per second" counts).

    >>> chinese_characters("显存 OK，够")
    3
    """
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


# -- the report ---------------------------------------------------------------------------


def _row(name: str, cases: list[Case], t: dict[str, Tally]) -> str:
    e = t["errata"]
    figures = " | ".join(f"{t[m].exact_share:.0%} / {t[m].mean_cer:.2%}" for m in METHODS)
    worse = e.worse_than.get("ftfy-careful", 0)
    label = ("lossless " if cases and cases[0].lossless else "") + name
    kind = cases[0].kind if cases else ""
    named = f"{e.named}/{e.cases}" if kind in EXPECTED_KIND or kind.startswith(("file-", "mixed-utf8")) else "—"
    return f"| {label} | {e.cases} | {figures} | {e.aborted} | {named} | {worse} |"


def class_table(results: dict[str, tuple[list[Case], dict[str, Tally]]]) -> str:
    head = (
        "| class | cases | Errata: CER 0 / mean CER | ftfy (default) | ftfy (careful) | nothing | Errata aborted | report names the class | Errata worse than careful ftfy |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    return "\n".join([head] + [_row(name, cases, t) for name, (cases, t) in results.items()])


def speed_lines(results: dict[str, tuple[list[Case], dict[str, Tally]]]) -> list[str]:
    """Damaged Chinese characters per second and KB/s; lossless classes against ftfy's time."""
    lines = []
    ours = theirs = chars = size = 0.0
    for cases, t in results.values():
        if not cases or not cases[0].lossless or cases[0].kind == "clean":
            continue
        ours += t["errata"].seconds
        theirs += t["ftfy"].seconds
        chars += sum(chinese_characters(c.clean) for c in cases)
        size += sum(len(_as_bytes(c.damaged)) for c in cases)
    if ours:
        lines.append(
            f"lossless damage classes: {chars / ours:,.0f} damaged Chinese characters/s, {size / ours / 1000:.0f} KB/s; "
            f"time {ours / theirs:.2f}× ftfy.fix_text's on the same files (target ≤ 3×)"
        )
    for name, (cases, t) in results.items():
        if name.startswith("lost bytes") and t["errata"].seconds:
            e = t["errata"]
            lines.append(
                f"{name}: {sum(chinese_characters(c.clean) for c in cases) / e.seconds:,.0f} Chinese characters/s, "
                f"{sum(len(_as_bytes(c.damaged)) for c in cases) / e.seconds / 1000:.0f} KB/s; CER {e.errors / e.length:.3%} of all characters"
            )
    return lines


def seed_line() -> str | None:
    """The real seed against the author's original body (a regression figure, not a tuning target)."""
    if not evaltext.SEED_TRUTH.exists():
        return None
    from errata.metadata import split_front_matter
    from errata.repair import repair_bytes
    from errata.text.mojibake import FTFY_CONFIG

    raw = evaltext.SEED.read_bytes()
    result = repair_bytes(raw, "seed.md")
    body = split_front_matter(result.text).body
    want = evaltext.SEED_TRUTH.read_text(encoding="utf-8")
    raw_body = raw.decode("utf-8").split("---\n", 2)[2]
    title = split_front_matter(result.text).metadata.get("title")
    return (
        f"the seed: {character_errors(body, want)} characters wrong of {len(want)} "
        f"(careful ftfy alone {character_errors(ftfy.fix_text(raw_body, FTFY_CONFIG), want)}), title {title!r}"
    )


def warm_up() -> float:
    """Load the language model and build the tables the repair builds once a process (the lost-byte recovery's word
    endings among them), on text of no split; the seconds it took. Without it the first case of whichever class first
    needs a table paid for it: a start-up cost, not the class's (0.4 s of a lossless class's 15 s).

    >>> warm_up() >= 0
    True
    """
    start = time.perf_counter()
    text = "# 训练时报错\n\n显存不够，把批大小调小以后就能正常训练了。\n" * 4
    repaired(lost_bytes(text, 0.08, random.Random(0), "silent").encode("utf-8"))
    repaired(text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"))
    return time.perf_counter() - start


def evaluate(split: str = evaltext.TEST, limit: int | None = None, progress: bool = True) -> tuple[str, list[str]]:
    """(the per-class Markdown table, the speed and seed lines) for one split."""
    results = {}
    started = warm_up()
    for group in (class_cases(split, limit), loss_cases(split, limit)):
        for name, cases in group.items():
            if progress:
                print(f"  {name} ({len(cases)} cases)", file=sys.stderr, flush=True)
            results[name] = (cases, run_cases(cases))
    lines = [f"start-up, once a process (the language model loaded, its tables built; in no figure below): {started:.1f} s", *speed_lines(results)]
    seed = seed_line()
    if seed:
        lines.append(seed)
    return class_table(results), lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default=evaltext.TEST, choices=[evaltext.DEV, evaltext.TEST])
    parser.add_argument("--quick", action="store_true", help="at most 8 essays per class")
    parser.add_argument("--constants", action="store_true", help="also each tuning constant's neighbours: the seed against the dev split")
    parser.add_argument("--output", type=argparse.FileType("w", encoding="utf-8"), help="also write the Markdown here")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    table, lines = evaluate(args.split, 8 if args.quick else None)
    out = [f"split: {args.split}; every cell: share of cases with CER 0 / mean CER per case", "", table, ""]
    out += [f"- {line}" for line in lines]
    if args.constants:
        out += ["", "Each tuning constant's neighbours: the seed against the dev split", ""]
        out.append(sensitivity_table(evaltext.DEV, 4 if args.quick else 20))
    text = "\n".join(out) + "\n"
    print("\n" + text + f"\n({time.perf_counter() - start:.0f} s)")
    if args.output:
        args.output.write(text)
    return 0


# -- does the seed's exactness rest on fitted constants? ----------------------------------

#: Neighbours the issue names; every other constant is tried at ×0.8 and ×1.2.
NAMED_NEIGHBOURS = {"word_weight": (1.0, 1.5), "cache_weight": (0.15, 0.35), "unigram_scale": (0.5,)}


def _scaled(value, factor):
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return max(1, round(value * factor))
    if isinstance(value, float):
        return value * factor if value else (0.5 if factor < 1 else 1.0)
    if isinstance(value, tuple):  # line-end priors: ((char, log-prior), …)
        return tuple((ch, prior * factor) for ch, prior in value)
    return value


def neighbours(config) -> list[tuple[str, object]]:
    """(label, config) for each constant's neighbours: the values the issue names (those that
    differ from the current one) first, then ×0.8 and ×1.2 of every constant.

    >>> from errata.text.config import DEFAULT_CONFIG
    >>> labels = [label for label, _ in neighbours(DEFAULT_CONFIG)]
    >>> "word_weight = 1.0" in labels, f"word_weight = {DEFAULT_CONFIG.word_weight}" in labels
    (True, False)
    """
    out = []
    for name, values in NAMED_NEIGHBOURS.items():
        current = getattr(config, name)
        out += [(f"{name} = {v}", config._replace(**{name: v})) for v in values if v != current]
    if dict(config.label_line_end).get("：", 2.0) != 2.0:
        changed = tuple((ch, 2.0 if ch == "：" else p) for ch, p in config.label_line_end)
        out.append(("label line-end prior of ： = 2.0", config._replace(label_line_end=changed)))
    named = {label for label, _ in out}
    for name, value in config._asdict().items():
        for factor in (0.8, 1.2):
            new = _scaled(value, factor)
            shown = f"×{factor}" if isinstance(value, tuple) else f"{new:g}" if isinstance(new, (int, float)) else new
            label = f"{name} = {shown}"
            if new != value and label not in named:
                out.append((label, config._replace(**{name: new})))
    return out


def sensitivity_cases(split: str, count: int = 10) -> dict[str, list[Case]]:
    """Fixed samples of the split where the constants act: lost bytes in dense prose, and
    拼音码, 古文码, cp1252 with drops and a mixed file in the catalogue essays."""
    by_class = class_cases(split, count)
    legacy = [c for name in ("gbk-as-latin1", "utf8-as-gbk", "cp1252-drop", "mixed: title gbk-as-latin1, body cp1252") for c in by_class[name]]
    return {"lost bytes 8%, dense prose": loss_cases(split, count)["lost bytes 8%, silent, dense prose"], "拼音码, 古文码, cp1252-drop, mixed": legacy}


def _errors_with(config, cases: list[Case]) -> tuple[int, int]:
    from errata.repair import RepairOptions

    options = RepairOptions(config=config)
    wrong = total = 0
    for case in cases:
        got = repaired(_as_bytes(case.damaged), options)
        wrong += character_errors(_nothing(case.damaged) if got is None else got, case.clean)
        total += len(case.clean)
    return wrong, total


def _seed_errors(config) -> int | None:
    if not evaltext.SEED_TRUTH.exists():
        return None
    from errata.metadata import split_front_matter
    from errata.repair import RepairOptions, repair_bytes

    text = repair_bytes(evaltext.SEED.read_bytes(), "seed.md", RepairOptions(config=config)).text
    return character_errors(split_front_matter(text).body, evaltext.SEED_TRUTH.read_text(encoding="utf-8"))


def sensitivity_table(split: str = evaltext.DEV, count: int = 20, progress: bool = True) -> str:
    """Each constant's neighbours: the seed's characters wrong against the split's CER, per sample."""
    from errata.text.config import DEFAULT_CONFIG

    samples = sensitivity_cases(split, count)
    head = " | ".join(f"{split}: {name} ({len(cases)} files), CER" for name, cases in samples.items())
    rows = [f"| setting | seed: characters wrong | {head} |", "|---|---:|" + "---:|" * len(samples)]
    for label, config in [("defaults", DEFAULT_CONFIG)] + neighbours(DEFAULT_CONFIG):
        if progress:
            print(f"  {label}", file=sys.stderr, flush=True)
        cells = []
        for cases in samples.values():
            wrong, total = _errors_with(config, cases)
            cells.append(f"{wrong / total:.3%} ({wrong})")
        seed = _seed_errors(config)
        rows.append(f"| {label} | {'—' if seed is None else seed} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
