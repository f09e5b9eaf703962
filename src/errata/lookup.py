"""Find the entry for a pasted error: rank entries by how much of their fingerprint the paste shows.

The score of an entry for a query (both reduced to fingerprint tokens, each
token weighted by how rare it is among the entries):

* ``P`` — the share of the query's weight that the entry has (precision),
* ``R`` — the share of the entry's weight that the query has (recall),
* ``score = (max(P, R) + P * R) / 2``: a whole traceback that contains a short
  message (R = 1) and a fragment of a long one (P = 1) both score well; an
  error that merely shares a few words scores low;
* an entry whose own message template appears inside the query scores at
  least ``CONTAINED_SCORE``; a different exception type multiplies by
  ``OTHER_TYPE_FACTOR``.

Each entry is scored against its full exception line and against its message
as written; the better counts. The page's JavaScript implements this same
formula (tests/fixtures/fingerprint_vectors.json keeps them in step).
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .fingerprint import exception_line, fingerprint, parameterise, short_type, tokens

#: Below this, a match is not confident: the lookup answers nothing rather than guess.
CONFIDENT_SCORE = 0.5
CONTAINED_SCORE = 0.9
OTHER_TYPE_FACTOR = 0.6
SAME_TYPE_BONUS = 0.1


@dataclass(frozen=True)
class Match:
    score: float
    message: str
    url: str
    type: str | None

    def to_json(self) -> dict:
        return {"score": round(self.score, 4), "message": self.message, "url": self.url, "type": self.type}


@dataclass(frozen=True)
class _Indexed:
    record: dict
    variants: tuple[frozenset[str], ...]  # token sets: the fingerprint, the message's fingerprint
    template: str  # the message, parameterised and lower-cased, for containment
    type: str | None


class LookupIndex:
    """Entries from ``errors.json`` (or built from the docs), ready to rank queries."""

    def __init__(self, records: Iterable[dict]):
        self.entries: list[_Indexed] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for record in records:
            full = frozenset(tokens(record["fingerprint"]))
            own = frozenset(tokens(fingerprint(record["message"])))
            indexed = _Indexed(record, (full, own), _template(record["message"]), short_type(record.get("type")))
            for token in full | own:
                postings[token].append(len(self.entries))
            self.entries.append(indexed)
        count = len(self.entries)
        self.postings = dict(postings)
        self.weights = {t: 1 + math.log((count + 1) / (len(ids) + 1)) for t, ids in postings.items()}
        self.unknown_weight = 1 + math.log(count + 1)

    @classmethod
    def from_json(cls, path: Path) -> "LookupIndex":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["entries"] if isinstance(data, dict) else data)

    def weight(self, token: str) -> float:
        return self.weights.get(token, self.unknown_weight)

    def search(self, query: str, limit: int = 5, threshold: float = CONFIDENT_SCORE) -> list[Match]:
        """The confident matches for a query, best first.

        >>> index = LookupIndex([{"message": "CUDA out of memory", "url": "a/#x", "type": "RuntimeError",
        ...     "fingerprint": "RuntimeError: CUDA out of memory. Tried to allocate <size>"}])
        >>> [round(m.score, 2) for m in index.search("RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB")]
        [1.0]
        >>> index.search("KeyError: 'bbox'")
        []
        """
        query_type = short_type(exception_line(query)[0])
        query_tokens = frozenset(tokens(fingerprint(query)))
        query_template = _template(exception_line(query)[1])
        candidates = {i for t in query_tokens for i in self.postings.get(t, ())}
        matches = []
        for i in candidates:
            entry = self.entries[i]
            score = max(self._overlap(query_tokens, variant) for variant in entry.variants)
            if entry.template and entry.template in query_template:
                score = max(score, CONTAINED_SCORE)
            if query_type and entry.type:
                score = min(1.0, score * (1 + SAME_TYPE_BONUS)) if query_type == entry.type else score * OTHER_TYPE_FACTOR
            if score >= threshold:
                record = entry.record
                matches.append(Match(score, record["message"], record["url"], record.get("type")))
        matches.sort(key=lambda m: (-m.score, m.message))
        return matches[:limit]

    def _overlap(self, query: frozenset[str], entry: frozenset[str]) -> float:
        if not query or not entry:
            return 0.0
        shared = sum(self.weight(t) for t in query & entry)
        precision = shared / sum(self.weight(t) for t in query)
        recall = shared / sum(self.weight(t) for t in entry)
        return (max(precision, recall) + precision * recall) / 2


def _template(message: str) -> str:
    return parameterise(message).lower()
