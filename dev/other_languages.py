"""Text in other languages through the repair: against careful ftfy, and clean text left as it is.

Errata is built for Chinese, but a team's notes are not all Chinese, and issue 11 asks that the repair
be never worse than ftfy on any text. The essays here are Sphinx's message catalogues in every locale it
ships other than Chinese and Japanese (French to Vietnamese, Polish, Hebrew, Tamil: the source and the
dev/test split of :mod:`dev.evaltext`), composed without this project's Chinese decorations, and damaged
by the code pages that read UTF-8 as single bytes in the wild. The damage is Python's own decoders, which
share nothing with the repair.

    python -m dev.other_languages                 # the test split
    python -m dev.other_languages --split dev     # the split to tune on

>>> sorted(DAMAGES)[:3]
['clean', 'cp1250', 'cp1252']
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from typing import Callable

import ftfy

from dev import evaltext
from dev.damage import character_errors, utf8_as_cp1252, utf8_as_cp1252_twice, utf8_as_latin1
from dev.repair_eval import repaired

#: Locales that are not the repair's own (Chinese and Japanese are measured by dev.repair_eval), nor English.
SKIPPED_PREFIXES = ("zh", "yue", "ja", "en")


def _single_bytes(codec: str) -> Callable[[str], str]:
    """UTF-8 bytes read one by one in ``codec``; a byte it leaves undefined kept as its Latin-1 character
    (as a sloppy reader keeps it, and ftfy expects)."""

    def read(text: str) -> str:
        return "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in text.encode("utf-8"))

    return read


#: How the essays are damaged: each a misreading of UTF-8 that real tools make (Windows-1252 and Latin-1
#: as :mod:`dev.damage` reads them, the undefined bytes kept).
DAMAGES: dict[str, Callable[[str], str]] = {
    "clean": lambda text: text,
    "latin1": utf8_as_latin1,
    "cp1252": utf8_as_cp1252,
    "cp1252-twice": utf8_as_cp1252_twice,
    "cp1250": _single_bytes("cp1250"),
    "cp1257": _single_bytes("cp1257"),
    "mac-roman": _single_bytes("mac_roman"),
}


#: A locale's catalogue must hold this many translated messages to be read (some hold none).
MIN_MESSAGES = 100


def locales() -> list[str]:
    """Sphinx's locales other than SKIPPED_PREFIXES' whose catalogue is mostly translated.

    >>> "fr" in locales() and "vi" in locales() and "zh_CN" not in locales()
    True
    """
    base = evaltext._package_dir("sphinx") / "locale"
    found = []
    for path in sorted(base.iterdir()):
        if not (path / "LC_MESSAGES" / "sphinx.po").is_file() or path.name.startswith(SKIPPED_PREFIXES):
            continue
        try:
            if len(evaltext.catalogue(path.name)) >= MIN_MESSAGES:
                found.append(path.name)
        except RuntimeError:  # a catalogue with no translated message
            continue
    return found


def essays(split: str, per_locale: int) -> list[tuple[str, str]]:
    """(locale, essay) pairs: up to ``per_locale`` essays of each locale's catalogue on one side of the split."""
    out = []
    for locale in locales():
        out += [(locale, text) for text in evaltext.documents(split, locale, decorate=False)[:per_locale]]
    return out


def evaluate(split: str = evaltext.TEST, per_locale: int = 12, progress: bool = True) -> str:
    """The table: per damage, Errata and careful ftfy (exact, mean CER), files worse than ftfy, clean files changed."""
    from errata.text.mojibake import FTFY_CONFIG

    rows = ["| damage | essays | Errata: exact / CER | careful ftfy: exact / CER | nothing: CER | Errata worse than ftfy |", "|---|---:|---:|---:|---:|---:|"]
    pool = essays(split, per_locale)
    started = time.perf_counter()
    for name, damage in DAMAGES.items():
        tally: Counter[str] = Counter()
        for _, clean in pool:
            damaged = damage(clean)
            if name != "clean" and damaged == clean:
                continue  # nothing beyond ASCII to damage
            ours = repaired(damaged.encode("utf-8"))
            ours = damaged if ours is None else ours
            theirs = ftfy.fix_text(damaged, FTFY_CONFIG)
            wrong, wrong_ftfy = character_errors(ours, clean), character_errors(theirs, clean)
            tally["essays"] += 1
            tally["length"] += len(clean)
            tally["exact"] += wrong == 0
            tally["exact_ftfy"] += wrong_ftfy == 0
            tally["wrong"] += wrong
            tally["wrong_ftfy"] += wrong_ftfy
            tally["wrong_nothing"] += character_errors(damaged, clean)
            tally["worse"] += wrong > wrong_ftfy
        n, length = tally["essays"] or 1, tally["length"] or 1
        rows.append(
            f"| {name} | {tally['essays']} | {tally['exact'] / n:.0%} / {tally['wrong'] / length:.2%} | "
            f"{tally['exact_ftfy'] / n:.0%} / {tally['wrong_ftfy'] / length:.2%} | {tally['wrong_nothing'] / length:.2%} | {tally['worse']} |"
        )
        if progress:
            print(f"  {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default=evaltext.TEST, choices=[evaltext.DEV, evaltext.TEST])
    parser.add_argument("--per-locale", type=int, default=12, help="essays per locale (default 12)")
    args = parser.parse_args(argv)
    print(f"{len(locales())} locales, {args.split} split; CER: characters wrong of all characters\n")
    print(evaluate(args.split, args.per_locale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
