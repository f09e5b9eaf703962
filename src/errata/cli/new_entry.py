"""Scaffold an entry from a pasted error (argument or standard input).

    python train.py 2>&1 | new_entry.py                       print the entry
    new_entry.py --append docs/02.pytorch/01.cuda-errors.md "RuntimeError: ..."
    new_entry.py --english "KeyError: 'bbox'"                   English labels

Warns (on standard error) when the error already has an entry on the site:
"this error already has an entry: URL".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from errata.checks import printable_name
from errata.contribution import append_entry, scaffold_entry
from errata.errors import EssayError
from errata.fingerprint import strip_terminal_codes
from errata.lookup import LookupIndex
from errata.site import Catalogue


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("error", nargs="?", help="the error; read from standard input when absent")
    parser.add_argument("--append", type=Path, metavar="ESSAY", help="append the entry to this essay of --docs (created if missing; a regular file only)")
    parser.add_argument("--english", action="store_true", help="English section labels")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the site's docs, to find an existing entry")
    parser.add_argument("--site-url", default="", help="prefix for the URL in the duplicate warning")
    args = parser.parse_args(argv)

    if args.error is not None:
        error = args.error
    else:
        try:
            error = sys.stdin.buffer.read().decode("utf-8")
        except UnicodeDecodeError:
            parser.error("standard input is not UTF-8 text: paste the error as the program printed it")
    try:
        error.encode("utf-8")
    except UnicodeEncodeError:  # bytes the shell could not decode, passed as an argument
        parser.error("the error is not UTF-8 text: paste it as the program printed it")
    error = strip_terminal_codes(error)  # a terminal's colours, pasted along with the traceback
    if not error.strip():
        parser.error("no error given: pass it as an argument or on standard input")
    if args.docs.is_dir():
        existing = LookupIndex(Catalogue(args.docs).refresh().records()).search(error, limit=1)
        if existing:
            print(f"warning: this error already has an entry: {printable_name(args.site_url + existing[0].url)} "
                  f"(“{printable_name(existing[0].message)}”, match {existing[0].score:.0%})", file=sys.stderr)
    entry = scaffold_entry(error, "en" if args.english else "zh")
    if not args.append:
        print(entry)
        return 0
    try:
        append_entry(args.append, args.docs, entry)
    except EssayError as exc:
        print(f"error: {exc}; nothing was written", file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(f"error: {args.append} is not UTF-8: run scripts/repair.py --write {args.append} first; nothing was written", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {args.append}: {exc.strerror or 'cannot be read or written'}; nothing was written", file=sys.stderr)
        return 2
    print(f"added an entry to {args.append}; fill in 问题分析 / 解决方案, then run scripts/check.py {args.append}", file=sys.stderr)
    return 0

