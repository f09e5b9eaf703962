"""The repair on real damaged files: a folder of them, and where known their clean twins.

Simulated damage only shows what its simulator knows. Files that real tools damaged
(found in public repositories; they are other people's text, so they stay out of this
repository) show what it does not: PowerShell's reader, a search index that drops
private-use characters, a charset detector that guessed Windows-1254. Give the folder
of damaged files and, where a clean version of a file is known, a folder holding it
under the same name::

    python -m dev.real_files DAMAGED [--clean CLEAN] [--output report.md]

Every file gets a row: whether Errata refused it, what its report names, how many
lines it changed, how many characters of Chinese 古文码 are left (characters that
UTF-8 read as GBK makes and Chinese text rarely writes, such as 鏄 鐨 锛 銆), how
much mojibake ftfy's own measure still sees (``ftfy.badness``: 符号码, 拼音码), and
where a clean twin is known, the character error rate of Errata, of careful ftfy and
of doing nothing, in the same run.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import ftfy
import ftfy.badness

from dev.damage import character_errors
from dev.repair_eval import repair_result

#: Characters that UTF-8 Chinese read as GBK makes all the time and Chinese text almost never writes:
#: the GBK readings of UTF-8's common lead and continuation byte pairs (E4–E9 then 80–BF), which sit in
#: GBK's rows of rare characters. Counting them left behind estimates the 古文码 a repair did not undo.
GUWEN_TELLS = frozenset("鍙鏄鐨锛銆鍒鎴浠涓瀹鏂璇鈥閿鍦闂绗缁鐢妯杩浣鎵")


def guwen_left(text: str) -> int:
    """How many characters of ``text`` are 古文码's tells (:data:`GUWEN_TELLS`).

    >>> guwen_left("鏄惧瓨涓嶅"), guwen_left("显存不够")
    (2, 0)
    """
    return sum(1 for ch in text if ch in GUWEN_TELLS)


def badness_left(text: str) -> int:
    """ftfy's own measure of the mojibake a text shows (``ftfy.badness``), line by line: 符号码 and
    拼音码 count, 古文码 does not (its characters are Chinese ones), hence :func:`guwen_left` beside it.

    >>> badness_left("ä½ çœ‹åˆ°é”™è¯¯"), badness_left("你看到错误")
    (3, 0)
    """
    return sum(ftfy.badness.badness(line) for line in text.split("\n"))


def _careful_ftfy(text: str) -> str:
    from errata.text.mojibake import FTFY_CONFIG

    return ftfy.fix_text(text, FTFY_CONFIG)


def _body(text: str) -> str:
    """The text without a front matter the repair added (the tables compare what the author wrote)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5 :]
    return text


def row(damaged_path: Path, clean_dir: Path | None) -> tuple[str, Counter]:
    """One file's Markdown row, and the totals it adds to."""
    data = damaged_path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    result = repair_result(data)
    totals: Counter = Counter(files=1)
    if result is None:
        totals["refused"] += 1
        return f"| {damaged_path.name} | refused | | {guwen_left(text)} | | {badness_left(text)} | | | | |", totals
    # The file's own front matter stays in the comparison, CR LF line ends or not (the repair makes them LF), and
    # after whatever a byte order mark became (``锘�---``); one the repair added goes. The clean twin tells which.
    clean_path = clean_dir / damaged_path.name if clean_dir else None
    had_one = clean_path.read_text(encoding="utf-8").lstrip("\ufeff \t\r\n").startswith(("---", "+++")) if clean_path and clean_path.exists() else "---" in text.split("\n", 1)[0]
    fixed = result.text if had_one else _body(result.text)
    kinds = Counter(fix.kind for fix in result.report.fixes)
    changed = sum(a != b for a, b in zip(text.split("\n"), fixed.split("\n"))) + abs(text.count("\n") - fixed.count("\n"))
    before, after = guwen_left(text), guwen_left(fixed)
    bad_before, bad_after = badness_left(text), badness_left(fixed)
    by_ftfy = _careful_ftfy(text)
    totals.update(guwen_before=before, guwen_after=after, guwen_ftfy=guwen_left(by_ftfy))
    totals.update(bad_before=bad_before, bad_after=bad_after, bad_ftfy=badness_left(by_ftfy))
    cells = ["", "", ""]
    if clean_path and clean_path.exists():
        # Line ends compared as LF on every side: the repair writes LF, and a CR is no character of the text.
        want = clean_path.read_text(encoding="utf-8").replace("\r\n", "\n")
        scores = [character_errors(got.replace("\r\n", "\n"), want) for got in (fixed, by_ftfy, text)]
        cells = [f"{s / max(len(want), 1):.2%}" for s in scores]
        totals.update(twins=1, length=len(want), errata=scores[0], ftfy=scores[1], nothing=scores[2])
    named = ", ".join(f"{n} {k}" for k, n in kinds.most_common(3))
    return f"| {damaged_path.name} | {named or '—'} | {changed} | {before} | {after} | {bad_before} | {bad_after} | " + " | ".join(cells) + " |", totals


def report(damaged_dir: Path, clean_dir: Path | None = None) -> str:
    """The Markdown report for every file of ``damaged_dir`` (sorted by name)."""
    lines = [
        "| file | the report names | lines changed | 古文码 tells before | after | ftfy badness before | after | CER Errata | careful ftfy | nothing |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    totals: Counter = Counter()
    for path in sorted(p for p in damaged_dir.iterdir() if p.is_file()):
        line, added = row(path, clean_dir)
        lines.append(line)
        totals.update(added)
    lines.append("")
    lines.append(
        f"{totals['files']} files, {totals['refused']} refused; 古文码 tells {totals['guwen_before']} → "
        f"{totals['guwen_after']} (careful ftfy {totals['guwen_ftfy']}); ftfy's badness {totals['bad_before']} → "
        f"{totals['bad_after']} (careful ftfy {totals['bad_ftfy']})"
    )
    if totals["twins"]:
        n = totals["length"]
        lines.append(
            f"{totals['twins']} with a clean twin: CER Errata {totals['errata'] / n:.2%}, careful ftfy "
            f"{totals['ftfy'] / n:.2%}, nothing {totals['nothing'] / n:.2%}"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("damaged", type=Path, help="a folder of damaged files")
    parser.add_argument("--clean", type=Path, help="a folder of their clean twins, under the same names")
    parser.add_argument("--output", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    text = report(args.damaged, args.clean)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
