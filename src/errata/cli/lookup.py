"""Find the entry for an error: paste a message or a whole traceback.

    lookup.py "RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB"
    python train.py 2>&1 | lookup.py            # the query from standard input
    lookup.py --index site/errors.json --json -k 3 "KeyError: 'segm'"

Prints the best matches (score, message, URL with anchor); with --json a JSON
array of {score, message, url, type}. When nothing matches confidently it
prints nothing ([] with --json) and exits 1: an unknown error gets no guess.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from errata.checks import printable_name
from errata.lookup import LookupIndex
from errata.site import Catalogue

DOCS = Path("docs")  # relative to where the command runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--docs", type=Path, help=f"read the entries from the essays in DIR (default {DOCS})")
    source.add_argument("--index", type=Path, help="read the entries from a built site's errors.json")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.add_argument("-k", type=_positive, default=5, help="at most this many matches (default 5)")
    parser.add_argument("--base-url", default="", help="prefix for the printed URLs, e.g. https://errata.example.org/")
    parser.add_argument("query", nargs="?", help="the error; read from standard input when absent")
    args = parser.parse_args(argv)

    # Bytes, not the locale's decoding: a pasted log may hold bytes that are not UTF-8 (GBK lines, binary
    # junk), and a strict locale would end in a traceback; what is not UTF-8 cannot be the message anyway.
    query = args.query if args.query is not None else sys.stdin.buffer.read().decode("utf-8", errors="replace")
    if not query.strip():
        parser.error("no query: give the error as an argument or on standard input")
    index = _load_index(args.index, args.docs or DOCS)
    if isinstance(index, str):
        print(f"error: {index}", file=sys.stderr)
        return 2
    matches = index.search(query, limit=args.k)
    if args.json:
        print(json.dumps([{**m.to_json(), "url": args.base_url + m.url} for m in matches], ensure_ascii=False, indent=2))
    else:
        for m in matches:
            # Escapes shown, not obeyed: a message from an essay or a fetched errors.json is no terminal command.
            print(f"{m.score:.2f}  {printable_name(m.message)}\n      {printable_name(args.base_url + m.url)}")
    return 0 if matches else 1



def _load_index(index_path: Path | None, docs: Path) -> LookupIndex | str:
    """The entries from a built errors.json, else from the essays; or what went wrong, in words."""
    if index_path is None:
        if not docs.is_dir():
            return f"{docs} is not a folder of essays (run from the site's folder, or give --docs or --index)"
        try:
            return LookupIndex(Catalogue(docs).refresh().records())
        except OSError as exc:
            return f"cannot read the essays in {docs}: {exc.strerror or exc}"
    try:
        return LookupIndex.from_json(index_path)
    except OSError as exc:
        return f"cannot read {index_path}: {exc.strerror or exc}"
    except (ValueError, KeyError, TypeError):
        return f"{index_path} is not an errors.json the site built (JSON with a list of entries)"


def _positive(text: str) -> int:
    """``-k``: a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"want a whole number of at least 1, not {text}")
    return int(text)
