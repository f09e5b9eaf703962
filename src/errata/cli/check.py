"""Check essays before they join the site (CI and pre-commit).

    check.py docs                       every essay of the site
    check.py docs/02.pytorch/new.md     one file, against the rest of docs/

Rules: UTF-8 without mojibake; front matter in the schema; each entry has a
message and an analysis or a solution; no two entries share a fingerprint;
tags from tags.yml (when the site keeps one); links and anchors resolve; no
HTML the site's sanitiser would remove, in the body, front matter, entry
messages or file names; no symbolic links, generated page names, script-running
static files or bad permalinks under the docs folder; no duplicate ids; no
absurd nesting (see SECURITY.md). One line per problem, `file:line: message
[rule]`, or GitHub annotations when run in Actions. Exit 1 when anything is
found, 0 when not.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from errata.contribution import check_files, load_allowed_tags
from errata.files import find_essays



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="Markdown files or folders")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the site's docs, for duplicates and links (default docs/)")
    parser.add_argument("--tags", type=Path, default=Path("tags.yml"), help="allowed tags (default tags.yml; absent = any tag)")
    parser.add_argument("--github", action="store_true", default=os.environ.get("GITHUB_ACTIONS") == "true",
                        help="GitHub annotation lines (default when GITHUB_ACTIONS=true)")
    args = parser.parse_args(argv)

    files = [path for path, _ in find_essays(args.paths)]
    context = [path for path, _ in find_essays([args.docs])] if args.docs.is_dir() else []
    problems = check_files(files, load_allowed_tags(args.tags), context, args.docs if args.docs.is_dir() else None)
    for problem in problems:
        print(problem.github_annotation() if args.github else str(problem))
    count = len(problems)
    print(f"{len(files)} file(s) checked, {count} problem(s)" if count else f"{len(files)} file(s) checked, no problems", file=sys.stderr)
    return 1 if problems else 0

