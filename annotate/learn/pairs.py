"""What reviewers saw against what they submitted: (prediction, gold) pairs from exports.

An export of ``annotate export`` holds ``predictions.jsonl`` (the pre-annotation shown) and
``gold.jsonl`` (the adjudicated annotation), both keyed by document id. A predicted claim is
*accepted* when gold has the same claim unchanged (span, kind, cue span, source span), a predicted
source mention when gold has the same mention with the same type and affiliation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotate.errors import InputError
from annotate.io import read_jsonl
from annotate.labelstudio.export import GOLD_FILE, PREDICTIONS_FILE, Export
from annotate.schema import Claim, Document


@dataclass(frozen=True)
class Pair:
    """One reviewed document: the pre-annotation shown and the gold submitted."""

    predicted: Document
    gold: Document


def pair_documents(predicted: Iterable[Document], gold: Iterable[Document]) -> list[Pair]:
    """Pairs by document id, in gold order; gold without a prediction (annotated from scratch) is left out."""
    shown = {doc.id: doc for doc in predicted}
    pairs = []
    for doc in gold:
        before = shown.get(doc.id)
        if before is not None and before.text == doc.text:
            pairs.append(Pair(before, doc))
    return pairs


def read_exports(folders: Sequence[Path | str]) -> list[Pair]:
    """Pairs from one or more export folders; a document id seen twice keeps its last export."""
    pairs: dict[str, Pair] = {}
    for folder in map(Path, folders):
        for name in (PREDICTIONS_FILE, GOLD_FILE):
            if not (folder / name).is_file():
                raise InputError(f"{folder}: no {name} (is it a folder written by `annotate export`?)")
        for pair in pair_documents(read_jsonl(folder / PREDICTIONS_FILE), read_jsonl(folder / GOLD_FILE)):
            pairs[pair.gold.id] = pair
    return list(pairs.values())


def pairs_from_export(export: Export) -> list[Pair]:
    """Pairs from an export built in memory (the backend's training)."""
    return pair_documents(export.predictions, export.gold)


def _claim_key(doc: Document, claim: Claim) -> tuple:
    source = doc.source_by_id()[claim.source] if claim.source else None
    return (claim.start, claim.end, claim.kind, (claim.cue.start, claim.cue.end) if claim.cue else None,
            (source.start, source.end) if source else None)


def accepted_claims(pair: Pair) -> list[bool]:
    """For each predicted claim: kept unchanged in gold?"""
    gold = {_claim_key(pair.gold, c) for c in pair.gold.claims}
    return [_claim_key(pair.predicted, c) in gold for c in pair.predicted.claims]


def accepted_sources(pair: Pair) -> list[bool]:
    """For each predicted source mention: kept in gold with the same type and affiliation?"""
    gold = {(s.start, s.end, s.type, s.affiliation) for s in pair.gold.sources}
    return [(s.start, s.end, s.type, s.affiliation) in gold for s in pair.predicted.sources]


def score_labels(pairs: Iterable[Pair]) -> tuple[tuple[list[float], list[bool]], tuple[list[float], list[bool]]]:
    """(claim scores, accepted), (source scores, accepted) over all pairs: what calibration is fitted on."""
    claims: tuple[list[float], list[bool]] = ([], [])
    sources: tuple[list[float], list[bool]] = ([], [])
    for pair in pairs:
        claims[0].extend(c.score for c in pair.predicted.claims)
        claims[1].extend(accepted_claims(pair))
        sources[0].extend(s.score for s in pair.predicted.sources)
        sources[1].extend(accepted_sources(pair))
    return claims, sources
