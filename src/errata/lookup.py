"""Find the entry for a pasted error: rank entries by how much of their fingerprint the paste shows.

The score of an entry for a query (both reduced to fingerprint tokens, each
token weighted by how rare it is among the entries):

* ``P`` — the share of the query's weight that the entry has (precision),
* ``R`` — the share of the entry's weight that the query has (recall),
* ``score = (max(P, R) + P * R) / 2``: a whole traceback that contains a short
  message (R = 1) and a fragment of a long one (P = 1) both score well; an
  error that merely shares a few words scores low;
* an entry whose own message template appears inside the query's type and
  message (an entry may be written with its type: ``KeyError: 'bbox'``), or that
  shares an identity feature with it (an ``[Errno 28]`` code: the words
  change with the locale, the code does not) and its type (not where the entry
  names a file or module the paste does not name), or a code that names
  the error whatever wraps it (``ORA-00054``, ``0x800706BA``), scores at least
  ``CONTAINED_SCORE``; a different exception type multiplies by
  ``OTHER_TYPE_FACTOR``, and so do quoted names that disagree (``No module
  named 'timm'`` is not ``No module named 'mmcv._ext'``: in Python's messages
  the quoted value is the thing that differs);
* a query of nothing but placeholders and function words (``12``, ``the``)
  matches nothing: every entry has a ``<num>``; nor does an exception type
  whose message is only that (``RuntimeError:``, ``KeyError: 0``): it would
  match every entry of its type.

Features are tokens and pairs of neighbouring tokens; a feature weighs its
kind (quoted names more, function words less) times its rarity among the
entries (``1 + log((N + 1) / (df + 1))``).

Each entry is scored against its full exception line and against its message
as written; the better counts. The page's JavaScript implements this same
formula, with the numbers from the same rules file (``scores``, ``weights``,
``candidates``); tests/fixtures/fingerprint_vectors.json keeps them in step.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .fingerprint import (
    PLACEHOLDER_NAME,
    LIBRARY_NAME,
    QUOTED_TOKEN,
    RULES,
    earlier_errors,
    stated_cause,
    exception_line,
    feature_weight,
    features,
    fingerprint,
    fingerprint_of,
    head,
    is_code,
    is_identity,
    parameterise,
    python3_type,
    says_something,
    short_type,
)

#: Below this, a match is not confident: the lookup answers nothing rather than guess.
CONFIDENT_SCORE = RULES["scores"]["confident"]
CONTAINED_SCORE = RULES["scores"]["contained"]
OTHER_TYPE_FACTOR = RULES["scores"]["other_type_factor"]
SAME_TYPE_BONUS = RULES["scores"]["same_type_bonus"]
EARLIER_ERRORS = RULES["scores"]["earlier_errors"]
OTHER_NAME_FACTOR = RULES["weights"]["other_name_factor"]
HEAD_WEIGHT = RULES["weights"]["head"]
#: Candidates come from features at most max(RARE_MIN, N / RARE_FRACTION) entries have.
RARE_MIN = RULES["candidates"]["rare_min"]
RARE_FRACTION = RULES["candidates"]["rare_fraction"]


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
    variants: tuple[frozenset[str], ...]  # feature sets: the fingerprint, the message's fingerprint
    heads: tuple[frozenset[str], ...]  # the first words of each
    template: str  # the message, parameterised and lower-cased, for containment
    type: str | None
    names: frozenset[str]  # the quoted names of its message


def _confident(matches: list[Match]) -> bool:
    """Whether the best of some matches (best first) is a confident answer.

    >>> _confident([]), _confident([Match(CONFIDENT_SCORE, "KeyError: 'a'", "a/#x", "KeyError")])
    (False, True)
    """
    return bool(matches) and matches[0].score >= CONFIDENT_SCORE


class LookupIndex:
    """Entries from ``errors.json`` (or built from the docs), ready to rank queries."""

    def __init__(self, records: Iterable[dict]):
        self.entries: list[_Indexed] = []
        # feature → the (entry, variant) pairs that have it
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for record in records:
            full = frozenset(features(record["fingerprint"]))
            kind_printed, message = exception_line(record["message"])  # read once: the fingerprint and the type both need it
            own_fingerprint = fingerprint_of(kind_printed, message)
            own = frozenset(features(own_fingerprint))
            heads = (head(record["fingerprint"]), head(own_fingerprint))
            kind = python3_type(record.get("type"), message)
            indexed = _Indexed(record, (full, own), heads, _template(record["message"]), kind, _names(own))
            for variant, feature_set in enumerate((full, own)):
                for feature in feature_set:
                    postings[feature].append((len(self.entries), variant))
            self.entries.append(indexed)
        count = len(self.entries)
        self.codes = [frozenset(t for t in entry.variants[0] if is_code(t)) for entry in self.entries]  # the codes each entry names
        self.postings = dict(postings)
        self.df = {t: len({i for i, _ in ids}) for t, ids in postings.items()}  # entries that have the feature
        self.rarity = {t: 1 + math.log((count + 1) / (df + 1)) for t, df in self.df.items()}
        self.unknown_rarity = 1 + math.log(count + 1)
        # What each entry weighs on its own does not depend on the query: once.
        self.totals = [
            tuple(self._weigh(variant, lead) for variant, lead in zip(entry.variants, entry.heads)) for entry in self.entries
        ]

    @classmethod
    def from_json(cls, path: Path) -> "LookupIndex":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["entries"] if isinstance(data, dict) else data)

    def weight(self, feature: str) -> float:
        return feature_weight(feature) * self.rarity.get(feature, self.unknown_rarity)

    def _candidates(self, query_features: frozenset[str]) -> set[int]:
        """Entries worth scoring: those sharing a feature that few entries have.

        A feature in nearly every entry (``<num>``, ``in``) cannot make a
        match by itself, and walking its postings would cost more than all
        the rest; when a query has no rarer feature, every sharing entry counts.
        """
        rare_cut = max(RARE_MIN, len(self.entries) // RARE_FRACTION)
        known = [t for t in query_features if t in self.postings]
        rare = [t for t in known if self.df[t] <= rare_cut]
        return {i for t in (rare or known) for i, _ in self.postings[t]}

    def _overlap(self, i: int, query: frozenset[str], query_head: frozenset[str], query_total: float) -> float:
        best = 0.0
        for variant, (feature_set, lead) in enumerate(zip(self.entries[i].variants, self.entries[i].heads)):
            shared = query & feature_set
            if not shared:
                continue
            precision = self._weigh(shared, query_head) / query_total
            recall = self._weigh(shared, lead) / self.totals[i][variant]
            # Sums of the same weights in another order can exceed 1 by a rounding error.
            best = max(best, min(1.0, (max(precision, recall) + precision * recall) / 2))
        return best

    def _weigh(self, feature_set: Iterable[str], lead: frozenset[str]) -> float:
        return sum(self.weight(t) * (HEAD_WEIGHT if t in lead else 1.0) for t in feature_set)

    def search(self, query: str, limit: int = 5, threshold: float = CONFIDENT_SCORE) -> list[Match]:
        """The confident matches for a query, best first; those of the cause a tool states under its error
        line (:func:`~errata.fingerprint.stated_cause`) where they score higher; where its last error has none,
        those of the errors before it (:func:`~errata.fingerprint.earlier_errors`), nearest first.

        >>> index = LookupIndex([{"message": "KeyError: 'bbox'", "url": "a/#k", "type": "KeyError", "fingerprint": "KeyError: 'bbox'"}])
        >>> [m.url for m in index.search("KeyError: 'bbox'\\nERROR:torch.distributed.elastic failed\\nChildFailedError: train.py FAILED")]
        ['a/#k']
        """
        matches = self._search(query, limit, threshold)
        # Gradle's error line names the task that failed, the next line why: every task's failure reads alike.
        if (cause := stated_cause(query)) and (by_cause := self._search(cause, limit, threshold)):
            if not matches or by_cause[0].score > matches[0].score:
                matches = by_cause
        # Asked below the bar (a list of near answers), the paste's last error often has some: the errors before it are
        # tried all the same where none of its answers is confident, and the nearest with a confident one takes their
        # place; where none has, the last error's answers stand, or where it has none, the nearest earlier one's.
        nearest: list[Match] = []
        for earlier in [] if _confident(matches) else earlier_errors(query, EARLIER_ERRORS):
            found = self._search(earlier, limit, threshold)
            if _confident(found):
                return found
            nearest = nearest or found
        return matches or nearest

    def _search(self, query: str, limit: int, threshold: float) -> list[Match]:
        """The confident matches for the last error a query shows, best first.

        >>> index = LookupIndex([{"message": "CUDA out of memory", "url": "a/#x", "type": "RuntimeError",
        ...     "fingerprint": "OutOfMemoryError: CUDA out of memory. Tried to allocate <size>"}])
        >>> [round(m.score, 2) for m in index.search("RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB")]
        [1.0]
        >>> index.search("KeyError: 'bbox'"), index.search("1.2.3"), index.search("RuntimeError:")
        ([], [], [])
        """
        kind, message = exception_line(query)
        query_type = python3_type(kind, message)
        query_fingerprint = fingerprint(query)
        query_features = frozenset(features(query_fingerprint))
        query_head = head(query_fingerprint)
        query_template = _template(message)
        # An entry's message may start with its type (KeyError: 'bbox'): it is looked for in the type and message.
        query_line = _template(f"{short_type(kind)}: {message}") if kind else query_template
        query_names = _names(query_features)
        query_total = self._weigh(query_features, query_head)
        if not query_total or not says_something(query_fingerprint):
            return []
        if kind and not says_something(query_template):
            return []  # a type with no message (RuntimeError:, KeyError: 0) would match every entry of its type
        overlap = {i: self._overlap(i, query_features, query_head, query_total) for i in self._candidates(query_features)}
        identity = {i for t in query_features if is_identity(t) for i, variant in self.postings.get(t, ()) if variant == 0}
        # A code names an entry's error where it is the entry's code: every code the entry names is in the paste (a
        # note that lists ORA-00054 ORA-12541 ORA-00942 … names none of them alone; a red-team audit).
        coded = {i for t in query_features if is_code(t) for i, variant in self.postings.get(t, ()) if variant == 0 and self.codes[i] <= query_features}
        query_codes = frozenset(t for t in query_features if is_code(t))
        matches = []
        for i, score in overlap.items():
            entry = self.entries[i]
            same_type = bool(query_type and entry.type and query_type == entry.type)
            # A code shared with the type says the same error in any locale, unless the entry names a file, module or command
            # the paste does not show: Windows' ``[WinError 2] 系统找不到指定的文件`` is not every file ``[Errno 2]`` an entry names.
            by_identity = same_type and i in identity and (bool(query_names) or not entry.names)
            if (entry.template and entry.template in query_line) or by_identity or i in coded:
                score = max(score, CONTAINED_SCORE)
            if query_type and entry.type:
                score = min(1.0, score * (1 + SAME_TYPE_BONUS)) if same_type else score * OTHER_TYPE_FACTOR
            # Names that agree are no match where both name codes and none agree: MySQL's 1698 is not 1045 for a shared 'root'@'localhost'.
            if entry.names and query_names and (not entry.names & query_names or (self.codes[i] and query_codes and not self.codes[i] & query_codes)):
                score *= OTHER_NAME_FACTOR
                if _libraries(entry.names) and _libraries(query_names):
                    score *= OTHER_NAME_FACTOR  # another shared library is another package to install: twice
            if score >= threshold:
                record = entry.record
                matches.append(Match(score, record["message"], record["url"], record.get("type")))
        # Scores to four places: the page's JavaScript may differ in the last bits of a tie. Of two that tie (each
        # message found whole in the paste), the longer message says more of it.
        matches.sort(key=lambda m: (-_four_places(m.score), -len(m.message), m.message))
        return matches[:limit]


def _four_places(score: float) -> int:
    """A score as the ranking compares it, in ten-thousandths (the page's JavaScript does the same).

    >>> _four_places(0.388743591108382) == _four_places(0.38874359110838186)
    True
    """
    return math.floor(score * 10000 + 0.5)


def _names(features: frozenset[str]) -> frozenset[str]:
    """Quoted names, except a lone placeholder (``'<path>'`` says nothing about which file);
    ``'cv<num>'`` is still a name, and not ``'apex'``.

    >>> sorted(_names(frozenset(["'<path>'", "'cv<num>'", "'apex'", "named 'apex'", "module"])))
    ["'apex'", "'cv<num>'"]

    A shared library's name is one too (its feature with ``so``, ``dll``, ``dylib`` or a version after it):

    >>> sorted(_names(frozenset(["libgl so", "libgthread <num>", "library <num>", "shared object"])))
    ['libgl so', 'libgthread <num>']
    """
    return frozenset(f for f in features if (" " not in f and QUOTED_TOKEN.search(f) and not PLACEHOLDER_NAME.search(f)) or LIBRARY_NAME.search(f))


def _libraries(names: frozenset[str]) -> bool:
    """Whether the names hold a shared library's (:data:`~errata.fingerprint.LIBRARY_NAME`).

    >>> _libraries(frozenset(["libgl so"])), _libraries(frozenset(["'bbox'"]))
    (True, False)
    """
    return any(LIBRARY_NAME.search(name) for name in names)


def _template(message: str) -> str:
    return parameterise(message).lower()
