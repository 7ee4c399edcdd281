"""Span matching between two annotations, span F1 and attribution agreement.

For span tasks there are no true negatives (every other stretch of text is a "no"), so F1 over
matched spans is the measure the literature recommends (Hripcsak & Rothschild 2005). Spans match
one-to-one either exactly (same start and end) or by overlap: character Dice
2|A∩B| / (|A| + |B|) >= 0.5, taken greedily from the best Dice down (ties by position), which is
deterministic and, for the non-overlapping spans of one annotator, what a human would pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from annotate.schema import Document

MatchMode = Literal["exact", "overlap"]
Bounds = tuple[int, int]
DICE_THRESHOLD = 0.5


def dice(a: Bounds, b: Bounds) -> float:
    """Character Dice coefficient of two half-open ranges (two empty ranges at one place: 1)."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    total = (a[1] - a[0]) + (b[1] - b[0])
    if total == 0:
        return 1.0 if a == b else 0.0
    return 2.0 * inter / total


def match_spans(a: Sequence[Bounds], b: Sequence[Bounds], mode: MatchMode = "overlap") -> list[tuple[int, int]]:
    """One-to-one matched index pairs ``(i, j)`` between span lists ``a`` and ``b``, sorted by ``i``."""
    if not a or not b:
        return []
    if mode == "exact":
        free: dict[Bounds, list[int]] = {}
        for j, span in enumerate(b):
            free.setdefault(span, []).append(j)
        pairs = []
        for i, span in enumerate(a):
            waiting = free.get(span)
            if waiting:
                pairs.append((i, waiting.pop(0)))
        return pairs
    order_b = sorted(range(len(b)), key=lambda j: b[j])
    candidates: list[tuple[float, int, int]] = []
    for i, span_a in enumerate(a):
        for j in order_b:
            span_b = b[j]
            if span_b[0] >= span_a[1] and span_b[0] > span_a[0]:
                break  # later spans of b start after span_a ends
            score = dice(span_a, span_b)
            if score >= DICE_THRESHOLD:
                candidates.append((-score, i, j))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _score, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return sorted(pairs)


@dataclass
class F1Counts:
    """Matched spans and the two sides' totals; F1 = 2·matched / (a + b), symmetric in a and b.

    When ``b`` is the pre-annotator and ``a`` a human, ``precision`` is the pre-annotator's
    precision and ``recall`` its recall against that human.
    """

    matched: int = 0
    a: int = 0
    b: int = 0

    def add(self, other: F1Counts) -> None:
        self.matched += other.matched
        self.a += other.a
        self.b += other.b

    @property
    def f1(self) -> float | None:
        """None when neither side marked anything: there is nothing to agree or disagree on."""
        return None if self.a + self.b == 0 else 2.0 * self.matched / (self.a + self.b)

    @property
    def precision(self) -> float | None:
        return None if self.b == 0 else self.matched / self.b

    @property
    def recall(self) -> float | None:
        return None if self.a == 0 else self.matched / self.a

    def to_json(self) -> dict[str, object]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {"f1": r(self.f1), "matched": self.matched, "a": self.a, "b": self.b,
                "precision": r(self.precision), "recall": r(self.recall)}


def span_f1(a: Sequence[Bounds], b: Sequence[Bounds], mode: MatchMode = "overlap") -> F1Counts:
    """Counts for F1 of two span lists under one matching mode."""
    return F1Counts(matched=len(match_spans(a, b, mode)), a=len(a), b=len(b))


def claim_bounds(doc: Document) -> list[Bounds]:
    return [(c.start, c.end) for c in doc.claims]


def source_bounds(doc: Document) -> list[Bounds]:
    return [(s.start, s.end) for s in doc.sources]


def cue_bounds(doc: Document) -> list[Bounds]:
    """Cue spans, each once even if two claims share a cue (مضيفاً introducing two clauses)."""
    return sorted({(c.cue.start, c.cue.end) for c in doc.claims if c.cue is not None})


def _entity_mentions(doc: Document) -> dict[str, list[Bounds]]:
    mentions: dict[str, list[Bounds]] = {}
    for source in doc.sources:
        mentions.setdefault(source.entity, []).append((source.start, source.end))
    return mentions


def _overlaps(a: Bounds, b: Bounds) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def attribution_agreement(doc_a: Document, doc_b: Document, claim_pairs: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """``(agreeing, compared)`` over matched claims: do both link the claim to the same source entity?

    Entities are mapped across the two annotations by their mentions: A's entity and B's entity
    are the same source when any mention of one overlaps any mention of the other. Two claims
    that both have no source agree; a source on one side only is a disagreement.
    """
    by_id_a, by_id_b = doc_a.source_by_id(), doc_b.source_by_id()
    mentions_a, mentions_b = _entity_mentions(doc_a), _entity_mentions(doc_b)
    agree = 0
    for i, j in claim_pairs:
        source_a, source_b = doc_a.claims[i].source, doc_b.claims[j].source
        if source_a is None or source_b is None:
            agree += source_a is None and source_b is None
            continue
        entity_a = mentions_a[by_id_a[source_a].entity]
        entity_b = mentions_b[by_id_b[source_b].entity]
        agree += any(_overlaps(x, y) for x in entity_a for y in entity_b)
    return agree, len(claim_pairs)
