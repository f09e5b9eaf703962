#!/usr/bin/env python3
"""Repair damaged essays: encoding, mojibake, lost bytes, front matter. (see errata.cli.repair; ``--help`` for usage)."""

import sys

from errata.cli.repair import main

if __name__ == "__main__":
    sys.exit(main())
