"""A seeded simulator of the damage DAMAGE.md describes, for tests and benchmarks.

Clean text → UTF-8 → each continuation byte lost with probability ``rate`` →
decoded as Windows-1252, where the bytes it cannot map (and the few DAMAGE.md
saw dropped besides) vanish → the mojibake string that was saved as UTF-8.
"""

from __future__ import annotations

import random

from errata.text.bytemap import ALWAYS_DROPPED, is_continuation


def lose_continuation_bytes(data: bytes, rate: float, seed: int) -> bytes:
    """Drop each UTF-8 continuation byte with probability ``rate`` (seeded).

    >>> lose_continuation_bytes("abc".encode(), 0.5, seed=1)
    b'abc'
    """
    rng = random.Random(seed)
    return bytes(b for b in data if not (is_continuation(b) and rng.random() < rate))


def decode_as_cp1252(data: bytes) -> str:
    """Read bytes as Windows-1252 the way the seed was read: unmappable bytes vanish.

    >>> decode_as_cp1252("详细".encode())
    'è¯¦ç»†'
    """
    out = []
    for b in data:
        if b < 0x80:
            out.append(chr(b))
        elif b not in ALWAYS_DROPPED:
            out.append(bytes([b]).decode("cp1252"))
    return "".join(out)


def damage(text: str, rate: float, seed: int = 0) -> str:
    """The mojibake a clean text becomes after losing ``rate`` of its continuation bytes.

    >>> damage("汇总", 0.0)
    'æ±‡æ€»'
    """
    return decode_as_cp1252(lose_continuation_bytes(text.encode("utf-8"), rate, seed))


def character_error_rate(got: str, want: str) -> float:
    """Levenshtein distance / length of ``want``.

    >>> character_error_rate("不返回式", "不返回值")
    0.25
    """
    if not want:
        return float(bool(got))
    previous = list(range(len(want) + 1))
    for i, g in enumerate(got, start=1):
        current = [i]
        for j, w in enumerate(want, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (g != w)))
        previous = current
    return previous[-1] / len(want)
