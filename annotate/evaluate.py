"""Score predicted documents against gold: claims, attribution, source type, affiliation, kind.

Claims match one-to-one, exactly or by character Dice >= 0.5. A matched claim is correctly
attributed when its predicted source mention overlaps any mention of the gold source's
entity, or when both sources are null; attribution F1 counts those as true positives.
Type, affiliation and kind accuracy are over matched claims (type and affiliation only where
both sides have a source).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotate.agreement.spans import match_spans
from annotate.errors import InputError
from annotate.schema import Claim, Document, Span


def _bounds(spans: Iterable[Span]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in spans]


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def prf(true_positives: int, n_predicted: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 (1.0 by convention when both sides are empty)."""
    precision = true_positives / n_predicted if n_predicted else (1.0 if n_gold == 0 else 0.0)
    recall = true_positives / n_gold if n_gold else (1.0 if n_predicted == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


@dataclass(frozen=True)
class EvaluationError:
    """One disagreement with the gold, for a person to read: where the engine fails on their texts."""

    document: str
    kind: str  # missed, spurious, wrong_source, wrong_type, wrong_affiliation, wrong_kind
    claim: str  # the gold claim's text (the predicted one for a spurious claim)
    predicted: str | None = None
    gold: str | None = None

    def line(self) -> str:
        """The error on one line, tab-separated, with line breaks of the text shown as ⏎."""
        def flat(value: str | None) -> str:
            return "—" if value is None else " ".join(value.replace("\t", " ").splitlines())
        detail = "" if self.predicted is None and self.gold is None else \
            f"\tpredicted: {flat(self.predicted)}\tgold: {flat(self.gold)}"
        return f"{flat(self.document)}\t{self.kind}\t{flat(self.claim)}{detail}"


def _source_text(doc: Document, claim: Claim) -> str | None:
    return doc.source_by_id()[claim.source].text if claim.source else None


@dataclass
class _Tally:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0
    attributed: int = 0
    typed: int = 0
    type_correct: int = 0
    affiliation_correct: int = 0
    kind_correct: int = 0
    per_type: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    confusion: Counter = field(default_factory=Counter)
    errors: list[EvaluationError] = field(default_factory=list)


def _attribution_correct(gold_doc: Document, gold: Claim, pred_doc: Document, pred: Claim) -> bool:
    if gold.source is None or pred.source is None:
        return gold.source is None and pred.source is None
    gold_entity = gold_doc.source_by_id()[gold.source].entity
    predicted = pred_doc.source_by_id()[pred.source]
    return any(m.entity == gold_entity and _overlaps(m, predicted) for m in gold_doc.sources)


def _score_document(gold_doc: Document, pred_doc: Document, tally: _Tally) -> None:
    tally.gold += len(gold_doc.claims)
    tally.predicted += len(pred_doc.claims)
    gold_bounds, pred_bounds = _bounds(gold_doc.claims), _bounds(pred_doc.claims)
    tally.exact += len(match_spans(gold_bounds, pred_bounds, mode="exact"))
    pairs = match_spans(gold_bounds, pred_bounds)
    tally.overlap += len(pairs)
    gold_sources, pred_sources = gold_doc.source_by_id(), pred_doc.source_by_id()
    matched_gold = {gi for gi, _ in pairs}
    for gi, pi in pairs:
        gold, pred = gold_doc.claims[gi], pred_doc.claims[pi]
        attributed = _attribution_correct(gold_doc, gold, pred_doc, pred)
        tally.attributed += attributed
        tally.kind_correct += gold.kind == pred.kind
        _record_errors(gold_doc, gold, pred_doc, pred, attributed, tally.errors)
        gold_type = gold_sources[gold.source].type if gold.source else "none"
        row = tally.per_type[gold_type]
        row["matched"] += 1
        row["attributed"] += attributed
        if gold.source and pred.source:
            g, p = gold_sources[gold.source], pred_sources[pred.source]
            tally.typed += 1
            tally.type_correct += g.type == p.type
            tally.affiliation_correct += g.affiliation == p.affiliation
            tally.confusion[(g.type, p.type)] += 1
            row["typed"] += 1
            row["type_correct"] += g.type == p.type
            row["affiliation_correct"] += g.affiliation == p.affiliation
    for gi, gold in enumerate(gold_doc.claims):
        tally.per_type[gold_sources[gold.source].type if gold.source else "none"]["gold"] += 1
        if gi not in matched_gold:
            tally.per_type[gold_sources[gold.source].type if gold.source else "none"]["missed"] += 1
            tally.errors.append(EvaluationError(gold_doc.id, "missed", gold.text, None, _source_text(gold_doc, gold)))
    matched_pred = {pi for _, pi in pairs}
    for pi, pred in enumerate(pred_doc.claims):
        if pi not in matched_pred:
            tally.errors.append(EvaluationError(pred_doc.id, "spurious", pred.text, _source_text(pred_doc, pred), None))


def _record_errors(gold_doc: Document, gold: Claim, pred_doc: Document, pred: Claim, attributed: bool,
                   errors: list[EvaluationError]) -> None:
    """The ways a matched claim differs from its gold claim, one error each."""
    gold_source, pred_source = _source_text(gold_doc, gold), _source_text(pred_doc, pred)
    if not attributed:
        errors.append(EvaluationError(gold_doc.id, "wrong_source", gold.text, pred_source, gold_source))
    if gold.source and pred.source:
        g, p = gold_doc.source_by_id()[gold.source], pred_doc.source_by_id()[pred.source]
        if g.type != p.type:
            errors.append(EvaluationError(gold_doc.id, "wrong_type", gold.text, f"{p.text} ({p.type})",
                                          f"{g.text} ({g.type})"))
        elif g.affiliation != p.affiliation:
            errors.append(EvaluationError(gold_doc.id, "wrong_affiliation", gold.text,
                                          f"{p.text} ({p.affiliation})", f"{g.text} ({g.affiliation})"))
    if gold.kind != pred.kind:
        errors.append(EvaluationError(gold_doc.id, "wrong_kind", gold.text, pred.kind, gold.kind))


def evaluate(gold: Iterable[Document], predicted: Iterable[Document], *, errors: bool = False) -> dict[str, Any]:
    """All scores as a JSON-ready dict; documents are paired by id (every gold id must be predicted).

    With ``errors``, the dict also lists every miss, spurious claim, wrong source, type, affiliation
    and kind under ``"errors"`` (see :class:`EvaluationError`), in document order."""
    predictions = {doc.id: doc for doc in predicted}
    tally = _Tally()
    documents = 0
    for gold_doc in gold:
        pred_doc = predictions.pop(gold_doc.id, None)
        if pred_doc is None:
            raise InputError(f"document {gold_doc.id!r} is in the gold file but not in the predictions")
        if pred_doc.text != gold_doc.text:
            raise InputError(f"document {gold_doc.id!r}: predicted text differs from the gold text")
        _score_document(gold_doc, pred_doc, tally)
        documents += 1
    if predictions:
        raise InputError(f"{len(predictions)} predicted document(s) not in the gold file, e.g. {next(iter(predictions))!r}")

    def ratio(a: int, b: int) -> float | None:
        return a / b if b else None

    per_type = {}
    for name, row in sorted(tally.per_type.items()):
        per_type[name] = {
            "gold_claims": row["gold"],
            "recall": ratio(row["matched"], row["gold"]),
            "attribution_accuracy": ratio(row["attributed"], row["matched"]),
            "type_accuracy": ratio(row["type_correct"], row["typed"]),
            "affiliation_accuracy": ratio(row["affiliation_correct"], row["typed"]),
        }
    result: dict[str, Any] = {
        "documents": documents,
        "gold_claims": tally.gold,
        "predicted_claims": tally.predicted,
        "claims_exact": prf(tally.exact, tally.predicted, tally.gold),
        "claims_overlap": prf(tally.overlap, tally.predicted, tally.gold),
        "attribution": prf(tally.attributed, tally.predicted, tally.gold),
        "type_accuracy": ratio(tally.type_correct, tally.typed),
        "affiliation_accuracy": ratio(tally.affiliation_correct, tally.typed),
        "kind_accuracy": ratio(tally.kind_correct, tally.overlap),
        "per_type": per_type,
        "type_confusion": {f"{g}->{p}": n for (g, p), n in sorted(tally.confusion.items()) if g != p},
    }
    if errors:
        result["errors"] = [vars(error) for error in tally.errors]
    return result
