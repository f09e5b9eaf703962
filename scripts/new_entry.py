#!/usr/bin/env python3
"""Scaffold an entry from a pasted error (argument or standard input). (see errata.cli.new_entry; ``--help`` for usage)."""

import sys

from errata.cli.new_entry import main

if __name__ == "__main__":
    sys.exit(main())
