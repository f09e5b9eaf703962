#!/usr/bin/env python3
"""The benchmark: repair, build, search index and lookup (see dev/bench.py).

    bench.py                         everything: 500, 2,000 and 5,000 essays (about an hour)
    bench.py --sizes 200,500 --only build,lookup
    bench.py --output BENCHMARKS.md  also write the table there
"""

import argparse
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dev/ lives at the repository root

from dev.bench import run


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="500,2000,5000", help="essays per build (5 entries each)")
    parser.add_argument("--repeat", type=int, default=1, help="builds of each kind per size; the median counts")
    parser.add_argument(
        "--only",
        default="repair,import,build,instructions,lookup,pagefind",
        help="parts to run (instructions needs valgrind; pagefind needs: pip install 'pagefind[bin]==1.5.2')",
    )
    parser.add_argument("--corpus", choices=("real", "synthetic"), default="real",
                        help="build corpus: real-shaped essays (the shared blog's prose, pasted tracebacks, some damaged) or synthetic ones")
    parser.add_argument("--baseline", metavar="REV", help="also build with the hooks and package of this git revision (before/after in one run)")
    parser.add_argument("--output", type=Path, help="write the Markdown table here")
    args = parser.parse_args(argv)
    report = run([int(n) for n in args.sizes.split(",")], args.repeat, set(args.only.split(",")), args.corpus, args.baseline)
    table = report.markdown()
    print("\n" + table)
    if args.output:
        args.output.write_text(f"<!-- {platform.node()}, {platform.python_version()} -->\n{table}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
