"""How often the lossless round-trip properties fail on random essays, class by class.

The property tests (``tests/test_repair_properties.py``) run in CI on a fixed sequence of 20 examples
each, so that CI is fast and reproducible; this draws as many essays as asked from the same generator
(the dev half of the catalogues, with code, English, symbols, emoji, Latin words and front matter mixed
in), with a seed of its own, and counts the essays each lossless class does not give back exactly::

    python -m dev.property_rates 300 --seed 4              # every lossless class, and the title/body mixtures
    python -m dev.property_rates 400 --seed 2 mixed-utf8-gbk mix --failures fails.json

Issue 11's target is CER 0 on at least 99% of generated cases for every lossless class.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import test_repair_properties as properties  # noqa: E402  (the tests' own generator, not a copy)

from dev.damage import CLASSES, mix_classes  # noqa: E402
from errata.errors import EssayError  # noqa: E402
from errata.repair import repair_bytes, repair_text  # noqa: E402

#: The name that stands for a title of one lossless class over a body of another.
MIXTURES = "mix"


def essay(rng: random.Random, locale: str = "zh_CN", decorations: list[str] | None = None) -> str:
    """One essay as the property tests draw them: front matter, then one to six blocks.

    >>> essay(random.Random(1)).startswith("---\\ntitle: ")
    True
    """
    decorations = properties.DECORATIONS if decorations is None else decorations
    paragraphs = properties.PARAGRAPHS[locale]
    titles = [p[:20].strip() for p in paragraphs if p[:20].strip()]
    blocks = [rng.choice(decorations) if decorations and rng.random() < 1 / 3 else rng.choice(paragraphs) for _ in range(rng.randint(1, 6))]
    return properties._essay(rng.choice(titles), blocks, rng.randint(0, 1000))


def round_trip(name: str, rng: random.Random) -> tuple[str, str | bytes, str]:
    """(clean, damaged, repaired) for one random essay of class ``name`` (or a random mixture)."""
    seed = rng.randint(0, 2**16)
    if name == MIXTURES:
        clean = essay(rng)
        title, body = rng.choice(properties.MIXTURES)
        damaged = mix_classes(clean, random.Random(seed), title, body)
        return clean, damaged, repair_text(damaged, "a.md").text
    damage = CLASSES[name]
    if name in properties.FILE_CLASSES:
        clean = damage.fit(essay(rng, damage.script, properties.DECORATIONS if damage.charset is None else []))
        data = damage.apply(clean, random.Random(seed))
        try:
            return clean, data, repair_bytes(data, "a.md").text
        except EssayError as error:
            return clean, data, f"refused: {error}"
    clean = essay(rng)
    damaged = damage.apply(clean, random.Random(seed))
    return clean, damaged, repair_text(damaged, "a.md").text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="essays per class")
    parser.add_argument("names", nargs="*", help=f"classes (default: every lossless one, and {MIXTURES!r})")
    parser.add_argument("--seed", default="0")
    parser.add_argument("--failures", type=Path, help="write the failing essays here (JSON)")
    args = parser.parse_intermixed_args(argv)
    failures = []
    for name in args.names or [*properties.TEXT_CLASSES, *properties.FILE_CLASSES, MIXTURES]:
        rng = random.Random(f"{args.seed}-{name}")
        failed = 0
        for _ in range(args.count):
            clean, damaged, repaired = round_trip(name, rng)
            if repaired != clean:
                failed += 1
                shown = damaged.decode("latin-1") if isinstance(damaged, bytes) else damaged
                failures.append({"class": name, "clean": clean, "damaged": shown, "repaired": repaired})
        print(f"{name}: {failed} of {args.count} not given back exactly ({100 * failed / args.count:.1f}%)", flush=True)
    if args.failures:
        args.failures.write_text(json.dumps(failures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
