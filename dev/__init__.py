"""Development code: the benchmark, the synthetic corpus, the damage simulator, the repair's
evaluation (its dev/test text and every mojibake class against ftfy) and
build/serve helpers for tests. Not part of the installed package: it assumes the
repository layout and is imported from the repository root (pytest's
``pythonpath`` and the scripts put the root on ``sys.path``).
"""
