"""Repair damaged essays: encoding, mojibake, lost bytes, front matter.

    repair.py PATH...                 report what would change (default)
    repair.py PATH... --diff          a unified diff
    repair.py PATH... --check         exit 1 when any file would change (CI, pre-commit)
    repair.py PATH... --write         rewrite in place
    repair.py old-blog/docs --output docs/   write repaired copies under docs/
    repair.py PATH... --json          a machine-readable report

Exit status: 0 fine, 1 --check found work, 2 an error (nothing is written then).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import sys
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from errata.errors import EssayError
from errata.files import atomic_write, find_essays
from errata.repair import RepairOptions, RepairResult, repair_bytes


def parse_timezone(text: str) -> dt.tzinfo:
    """``+08:00`` or an IANA name such as ``Asia/Shanghai``."""
    if text[:1] in "+-":
        sign = 1 if text[0] == "+" else -1
        hours, _, minutes = text[1:].partition(":")
        return dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes or 0)))
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(f"unknown time zone {text!r}") from None


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


def repair_all(paths: list[str], options: RepairOptions) -> tuple[list[tuple[Path, Path, RepairResult]], list[str]]:
    essays = find_essays(paths)
    results, errors = [], []
    progress = _progress(len(essays))
    for path, root in essays:
        try:
            data = path.read_bytes()
            results.append((path, root, repair_bytes(data, str(path), options)))
        except EssayError as exc:
            errors.append(str(exc))
        except OSError as exc:
            errors.append(f"{path}: cannot read: {exc.strerror or exc}")
        progress.update(1)
    progress.close()
    return results, errors


def _progress(total: int):
    from tqdm import tqdm

    # Only where a person watches a long run.
    return tqdm(total=total, unit="file", disable=total < 20 or not sys.stderr.isatty(), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    options = RepairOptions(timezone=args.timezone, strict=args.strict)
    results, errors = repair_all(args.paths, options)
    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    if errors:
        return 2  # nothing is written when anything failed

    if args.json:
        print(json.dumps([r.report.to_json() for _, _, r in results], ensure_ascii=False, indent=2))
    for path, _root, result in results:
        if args.diff:
            old = path.read_bytes().decode(result.report.encoding, errors="replace").replace("\r\n", "\n")
            sys.stdout.writelines(
                difflib.unified_diff(
                    old.splitlines(keepends=True), result.text.splitlines(keepends=True), f"a/{path}", f"b/{path}"
                )
            )
        elif not args.json:
            print(result.report.summary())
            for low in result.report.low_confidence:
                print(f"  {path}:{low.line}:{low.column}: chose {low.chosen!r} over {low.runner_up!r} (margin {low.margin})")
    try:
        for path, root, result in results:
            if args.write and result.report.changed:
                atomic_write(path, result.text.encode("utf-8"))
            elif args.output:
                atomic_write(args.output / path.relative_to(root), result.text.encode("utf-8"))
    except OSError as exc:
        print(f"error: {exc.filename}: cannot write: {exc.strerror}", file=sys.stderr)
        return 2
    if args.check and any(r.report.changed for _, _, r in results):
        changed = [str(p) for p, _, r in results if r.report.changed]
        shown = ", ".join(changed[:10]) + (f" and {len(changed) - 10} more" if len(changed) > 10 else "")
        print(f"{len(changed)} file(s) would change: {shown}", file=sys.stderr)
        return 1
    return 0

