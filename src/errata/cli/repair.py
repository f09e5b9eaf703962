"""Repair damaged essays: encoding, mojibake, lost bytes, front matter.

    repair.py PATH...                 report what would change (default)
    repair.py PATH... --diff          a unified diff
    repair.py PATH... --check         exit 1 when any file would change (CI, pre-commit)
    repair.py PATH... --write         rewrite in place
    repair.py old-blog/docs --output docs/   write repaired copies under docs/
    repair.py PATH... --json          a machine-readable report, one object per file

Each file stands alone: every file that can be repaired is, each one that
cannot is left untouched and listed with its line. All repairs are prepared
before the first write; a file is replaced atomically, and only if it still
holds what was read (an edit made meanwhile is kept and reported). Symbolic
links and other non-regular files are never read or written: they are listed
as skipped. The per-file report lines, the diff and the JSON go to stdout;
errors, the final tally and progress go to stderr.

Exit status: 0 fine, 1 --check found work, 2 any file failed, was skipped, or has a front matter to
mend by hand (its body is repaired and written all the same; the block is kept as found).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from errata.errors import EssayError
from errata.files import atomic_write, find_essays, is_inside, read_regular_file, replace_if_unchanged
from errata.repair import FrontMatterError, RepairOptions, RepairResult, repair_bytes


def parse_timezone(text: str) -> dt.tzinfo:
    """``+08:00`` or an IANA name such as ``Asia/Shanghai``.

    >>> parse_timezone("+05:30"), parse_timezone("Asia/Shanghai")
    (datetime.timezone(datetime.timedelta(seconds=19800)), zoneinfo.ZoneInfo(key='Asia/Shanghai'))
    >>> parse_timezone("+8h")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: unknown time zone "+8h" (want an offset such as +08:00 or a name such as Asia/Shanghai)
    """
    try:
        if text[:1] in "+-":
            sign = 1 if text[0] == "+" else -1
            hours, _, minutes = text[1:].partition(":")
            return dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes or 0)))
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(
            f'unknown time zone "{text}" (want an offset such as +08:00 or a name such as Asia/Shanghai)'
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="Markdown files or folders (searched for *.md)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--diff", action="store_true", help="print a unified diff of the changes")
    mode.add_argument("--check", action="store_true", help="exit 1 when any file would change")
    mode.add_argument("--write", action="store_true", help="rewrite the files in place")
    mode.add_argument("--output", type=Path, metavar="DIR", help="write repaired copies under DIR")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--strict", action="store_true", help="a low-confidence recovery is an error")
    parser.add_argument("--timezone", type=parse_timezone, default="+08:00", help="zone for dates without one (default +08:00)")
    return parser


@dataclass
class FileOutcome:
    """One file's fate: its repair (when it got that far), and the error that stopped it."""

    path: Path
    root: Path
    original: bytes = b""
    result: RepairResult | None = None
    error: EssayError | None = None
    #: A front matter that does not parse even after the repair: the body is
    #: repaired all the same and the block kept as found, for a person to mend.
    front_matter_problem: EssayError | None = None
    written_to: Path | None = None

    @property
    def status(self) -> str:
        """``failed``, ``written``, ``changed`` (would change) or ``unchanged``."""
        if self.error is not None:
            return "failed"
        if self.written_to is not None:
            return "written"
        return "changed" if self.result.report.changed else "unchanged"

    def to_json(self) -> dict:
        if self.error is not None:
            return {"path": str(self.path), "status": "failed", "line": self.error.line, "error": self.error.message}
        report = {**self.result.report.to_json(), "status": self.status}
        if self.front_matter_problem is not None:
            report["line"] = self.front_matter_problem.line
            report["error"] = self.front_matter_problem.message
        if self.written_to is not None:
            report["written_to"] = str(self.written_to)
        return report


def repair_all(paths: list[str], options: RepairOptions) -> list[FileOutcome]:
    """Read and repair every file, writing nothing: each outcome holds its new text or its error."""
    outcomes = [FileOutcome(path, root) for path, root in find_essays(paths, include_special=True)]
    progress = _progress(len(outcomes))
    for outcome in outcomes:
        try:
            outcome.original = read_regular_file(outcome.path)
            outcome.result = repair_bytes(outcome.original, str(outcome.path), options)
        except FrontMatterError as exc:  # never abort a whole file for its front matter
            outcome.result, outcome.front_matter_problem = exc.result, exc
        except EssayError as exc:
            outcome.error = exc
        except OSError as exc:
            outcome.error = EssayError(str(outcome.path), None, f"cannot read: {exc.strerror or exc}")
        progress.update(1)
    progress.close()
    return outcomes


def write_all(outcomes: list[FileOutcome], output: Path | None) -> None:
    """Write each repaired file (in place, or under ``output``); a failure is recorded on its file only."""
    for outcome in outcomes:
        if outcome.error is not None or (output is None and not outcome.result.report.changed):
            continue
        data = outcome.result.text.encode("utf-8")
        try:
            if output is None:
                replace_if_unchanged(outcome.path, data, expected=outcome.original)
                outcome.written_to = outcome.path
            else:
                outcome.written_to = _write_copy(outcome, output, data)
        except EssayError as exc:
            outcome.error = exc
        except OSError as exc:
            outcome.error = EssayError(str(outcome.path), None, f"cannot write {exc.filename or outcome.path}: {exc.strerror or exc}")


def _write_copy(outcome: FileOutcome, output: Path, data: bytes) -> Path:
    target = output / outcome.path.relative_to(outcome.root)
    if not is_inside(target.parent, output):  # a link under the output folder
        raise EssayError(str(outcome.path), None, f"{target.parent} leads outside {output} through a symbolic link: not written")
    if target.exists() and target.samefile(outcome.path):  # --output onto the source folder: as --write
        replace_if_unchanged(target, data, expected=outcome.original)
    else:
        atomic_write(target, data)
    return target


def _progress(total: int):
    from tqdm import tqdm

    # Only where a person watches a long run.
    return tqdm(total=total, unit="file", disable=total < 20 or not sys.stderr.isatty(), file=sys.stderr)


def print_report(outcomes: list[FileOutcome], args: argparse.Namespace) -> None:
    """The results on stdout (report lines, diff or JSON); each failure on stderr, with its file and line."""
    if args.json:
        print(json.dumps([o.to_json() for o in outcomes], ensure_ascii=False, indent=2))
    for outcome in outcomes:
        if outcome.error is not None:
            print(f"error: {outcome.error}", file=sys.stderr)
            continue
        if outcome.front_matter_problem is not None:
            print(f"error: {outcome.front_matter_problem} (the body is repaired; the front matter is left as found)", file=sys.stderr)
        if args.diff:
            print_diff(outcome)
        elif not args.json:
            report = outcome.result.report
            written = f" [written to {outcome.written_to}]" if args.output and outcome.written_to else ""
            written = written or (" [written]" if outcome.written_to else "")
            print(report.summary() + written)
            for low in report.low_confidence:
                runner_up = f'"{low.runner_up}"' if low.runner_up else "nothing else"
                print(f'  {outcome.path}:{low.line}:{low.column}: chose "{low.chosen}" over {runner_up} (margin {low.margin})')


def print_diff(outcome: FileOutcome) -> None:
    result = outcome.result
    old = outcome.original.decode(result.report.encoding, errors="replace").replace("\r\n", "\n")
    path = outcome.path
    sys.stdout.writelines(
        difflib.unified_diff(old.splitlines(keepends=True), result.text.splitlines(keepends=True), f"a/{path}", f"b/{path}")
    )


def _listed(paths: list[str]) -> str:
    return ", ".join(paths[:10]) + (f" and {len(paths) - 10} more" if len(paths) > 10 else "")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    options = RepairOptions(timezone=args.timezone, strict=args.strict)
    outcomes = repair_all(args.paths, options)
    if args.write or args.output:
        write_all(outcomes, args.output)
    print_report(outcomes, args)

    failed = [str(o.path) for o in outcomes if o.status == "failed"]
    if failed:
        written = sum(o.status == "written" for o in outcomes)
        print(f"{len(failed)} of {len(outcomes)} file(s) failed and were left untouched: {_listed(failed)}"
              + (f"; {written} written" if written else ""), file=sys.stderr)
    to_mend = [str(o.path) for o in outcomes if o.front_matter_problem is not None]
    if to_mend:
        print(f"{len(to_mend)} file(s) have a front matter to mend by hand: {_listed(to_mend)}", file=sys.stderr)
    if failed or to_mend:
        return 2
    if not outcomes:
        print("no Markdown files found", file=sys.stderr)
    changed = [str(o.path) for o in outcomes if o.status == "changed"]
    if args.check and changed:
        print(f"{len(changed)} file(s) would change: {_listed(changed)}", file=sys.stderr)
        return 1
    return 0
