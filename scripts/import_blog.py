#!/usr/bin/env python3
"""Bring a VuePress/vdoing blog across into an Errata site (see errata.cli.import_blog; ``--help`` for usage)."""

import sys

from errata.cli.import_blog import main

if __name__ == "__main__":
    sys.exit(main())
