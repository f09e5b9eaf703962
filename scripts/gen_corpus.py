#!/usr/bin/env python3
"""Generate synthetic vdoing essays for benchmarks: gen_corpus.py DEST [-n 2000] [--entries 5] [--damage 0.08]."""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dev/ lives at the repository root

from dev.synthetic import write_corpus


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dest", type=Path)
    parser.add_argument("-n", "--essays", type=int, default=2000)
    parser.add_argument("--entries", type=int, default=5, help="entries per essay (default 5: 2,000 essays ≈ 10,000 entries)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--damage", type=float, default=None, metavar="RATE", help="damage as DAMAGE.md describes, losing RATE of continuation bytes")
    args = parser.parse_args(argv)
    count = write_corpus(args.dest, args.essays, args.entries, args.seed, args.damage)
    print(f"{count} essays, {count * args.entries} entries under {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
