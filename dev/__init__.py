"""Development code: the benchmark, the synthetic corpus, the damage simulator and
build/serve helpers for tests. Not part of the installed package: it assumes the
repository layout and is imported from the repository root (pytest's
``pythonpath`` and the scripts put the root on ``sys.path``).
"""
