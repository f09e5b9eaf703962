#!/usr/bin/env python3
"""Find the entry for an error: paste a message or a whole traceback. (see errata.cli.lookup; ``--help`` for usage)."""

import sys

from errata.cli.lookup import main

if __name__ == "__main__":
    sys.exit(main())
