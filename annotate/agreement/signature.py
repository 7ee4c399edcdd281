"""What two annotations of a document must share to count as the same annotation.

Adjudication sends a document to review unless every annotator's version has the same signature.
Ids, scores and free-text notes are left out: two annotators who mark the same spans with the
same labels and link each claim to the same source entity agree, whatever ids the tool gave.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from annotate.schema import Document


def annotation_signature(doc: Document) -> tuple[Any, ...]:
    """Spans, labels, cue, check-worthiness, and each claim's source as the entity's mention set."""
    entities: dict[str, frozenset[tuple[int, int]]] = {}
    for source in doc.sources:
        entities[source.entity] = entities.get(source.entity, frozenset()) | {(source.start, source.end)}
    by_id = doc.source_by_id()
    sources = Counter(
        (s.start, s.end, s.type, s.affiliation, entities[s.entity]) for s in doc.sources
    )
    claims = Counter(
        (
            c.start,
            c.end,
            c.kind,
            None if c.cue is None else (c.cue.start, c.cue.end),
            c.check_worthy,
            None if c.source is None else entities[by_id[c.source].entity],
        )
        for c in doc.claims
    )
    return (doc.text, frozenset(sources.items()), frozenset(claims.items()))


def same_annotation(a: Document, b: Document) -> bool:
    """True when the two versions agree on everything a reviewer would have to decide."""
    return annotation_signature(a) == annotation_signature(b)
