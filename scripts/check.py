#!/usr/bin/env python3
"""Check essays before they join the site (CI and pre-commit). (see errata.cli.check; ``--help`` for usage)."""

import sys

from errata.cli.check import main

if __name__ == "__main__":
    sys.exit(main())
