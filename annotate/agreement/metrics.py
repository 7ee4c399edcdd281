"""Agreement of an annotated corpus: every annotator pair, the pre-annotator, all annotators together.

What is computed and on which units (details in docs/agreement.md):
- pairs (humans with each other, and each human against the pre-annotator) on the documents both
  annotated: span F1 for claims, cues and source mentions (exact and overlap), F1 per span label,
  attribution agreement, and Cohen's kappa on matched spans for claim kind, check-worthiness,
  source type and affiliation;
- all human annotators together: Krippendorff's alpha (nominal) per character for the claim, cue
  and source layers, with a missing value where an annotator did not annotate a document, and
  Fleiss' kappa and alpha for the four attributes on spans matched across annotators;
- per document: the mean pairwise labelled F1, lowest first, and whether all versions are identical.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np

from annotate.agreement.coefficients import Coefficient, alpha_from_counts, cohen_kappa, fleiss_kappa, fleiss_table
from annotate.agreement.load import PRE_ANNOTATOR, Annotation
from annotate.agreement.signature import same_annotation
from annotate.agreement.spans import (
    Bounds,
    F1Counts,
    MatchMode,
    attribution_agreement,
    claim_bounds,
    cue_bounds,
    match_spans,
    source_bounds,
)
from annotate.schema import CLAIM_KINDS, SOURCE_TYPES, Document

LAYERS: dict[str, Callable[[Document], list[Bounds]]] = {
    "claims": claim_bounds,
    "cues": cue_bounds,
    "sources": source_bounds,
}
MODES: tuple[MatchMode, ...] = ("exact", "overlap")
SPAN_LABELS: tuple[str, ...] = ("claim", "cue", *SOURCE_TYPES)
MISSING = None

# attribute -> (layer its spans live in, value of the i-th span of that layer; None = not judged)
ATTRIBUTES: dict[str, tuple[str, Callable[[Document], list[Hashable | None]]]] = {
    "claim_kind": ("claims", lambda d: [c.kind for c in d.claims]),
    "check_worthy": ("claims", lambda d: [c.check_worthy for c in d.claims]),
    "source_type": ("sources", lambda d: [s.type for s in d.sources]),
    "affiliation": ("sources", lambda d: [s.affiliation or "none" for s in d.sources]),
}

# character layers for alpha: layer -> categories after "none" (index 0)
CHARACTER_LAYERS: dict[str, tuple[str, ...]] = {"claims": CLAIM_KINDS, "cues": ("cue",), "sources": SOURCE_TYPES}


@dataclass
class PairResult:
    """Everything compared between annotators ``a`` and ``b`` on the documents both annotated."""

    a: str
    b: str
    documents: int = 0
    spans: dict[str, dict[str, F1Counts]] = field(
        default_factory=lambda: {layer: {mode: F1Counts() for mode in MODES} for layer in LAYERS}
    )
    labels: dict[str, F1Counts] = field(default_factory=lambda: {label: F1Counts() for label in SPAN_LABELS})
    attribution_agree: int = 0
    attribution_compared: int = 0
    attribute_values: dict[str, tuple[list[Hashable], list[Hashable]]] = field(
        default_factory=lambda: {name: ([], []) for name in ATTRIBUTES}
    )

    @property
    def with_pre_annotator(self) -> bool:
        return PRE_ANNOTATOR in (self.a, self.b)

    @property
    def attribution(self) -> float | None:
        return None if self.attribution_compared == 0 else self.attribution_agree / self.attribution_compared

    def kappa(self) -> dict[str, Coefficient]:
        return {name: cohen_kappa(*values) for name, values in self.attribute_values.items()}

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "documents": self.documents,
            "spans": {layer: {mode: c.to_json() for mode, c in modes.items()} for layer, modes in self.spans.items()},
            "labels": {label: c.to_json() for label, c in self.labels.items()},
            "attribution": {
                "value": None if self.attribution is None else round(self.attribution, 4),
                "agree": self.attribution_agree,
                "compared": self.attribution_compared,
            },
            "kappa": {name: k.to_json() for name, k in self.kappa().items()},
        }


@dataclass
class DocumentResult:
    """One document: who annotated it, mean pairwise labelled F1, and whether all versions agree."""

    id: str
    annotators: list[str]
    score: float | None
    identical: bool
    pairs: dict[str, float]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "annotators": self.annotators,
            "score": None if self.score is None else round(self.score, 4),
            "identical": self.identical,
            "pairs": {k: round(v, 4) for k, v in self.pairs.items()},
        }


@dataclass
class AgreementReport:
    """The whole report; ``to_json`` is what ``agreement.json`` holds."""

    annotators: list[str]
    annotations: int
    predictions: bool
    pairs: list[PairResult]
    documents: list[DocumentResult]
    alpha_characters: dict[str, Coefficient]
    alpha_attributes: dict[str, Coefficient]
    fleiss: dict[str, Coefficient]
    fleiss_raters: int
    matched_units: dict[str, int]
    single_annotated_count: int = 0
    left_out: dict[str, int] = field(default_factory=dict)  # what the export left out or ignored (left_out.jsonl)

    @property
    def human_pairs(self) -> list[PairResult]:
        return [p for p in self.pairs if not p.with_pre_annotator]

    def overall_spans(self, pre_annotator: bool = False) -> dict[str, dict[str, F1Counts]]:
        """Span counts pooled (micro-averaged) over human pairs (or over the pairs with the pre-annotator)."""
        total = {layer: {mode: F1Counts() for mode in MODES} for layer in LAYERS}
        for pair in self.pairs:
            if pair.with_pre_annotator != pre_annotator:
                continue
            for layer, modes in pair.spans.items():
                for mode, counts in modes.items():
                    total[layer][mode].add(counts)
        return total

    def overall_labels(self, pre_annotator: bool = False) -> dict[str, F1Counts]:
        """Per-label counts pooled over human pairs (or over the pairs with the pre-annotator)."""
        total = {label: F1Counts() for label in SPAN_LABELS}
        for pair in self.pairs:
            if pair.with_pre_annotator != pre_annotator:
                continue
            for label, counts in pair.labels.items():
                total[label].add(counts)
        return total

    def overall_attribution(self) -> tuple[int, int]:
        return (sum(p.attribution_agree for p in self.human_pairs), sum(p.attribution_compared for p in self.human_pairs))

    def matrix(self, metric: Callable[[PairResult], float | None]) -> dict[str, Any]:
        """A symmetric annotator x annotator matrix of one pairwise figure (diagonal empty)."""
        names = self.annotators + ([PRE_ANNOTATOR] if self.predictions else [])
        index = {name: i for i, name in enumerate(names)}
        values: list[list[float | None]] = [[None] * len(names) for _ in names]
        for pair in self.pairs:
            value = metric(pair)
            value = None if value is None else round(value, 4)
            values[index[pair.a]][index[pair.b]] = values[index[pair.b]][index[pair.a]] = value
        return {"annotators": names, "values": values}

    def matrices(self) -> dict[str, dict[str, Any]]:
        return {
            "claims_overlap_f1": self.matrix(lambda p: p.spans["claims"]["overlap"].f1),
            "sources_overlap_f1": self.matrix(lambda p: p.spans["sources"]["overlap"].f1),
            "cues_overlap_f1": self.matrix(lambda p: p.spans["cues"]["overlap"].f1),
            "attribution": self.matrix(lambda p: p.attribution),
            "source_type_kappa": self.matrix(lambda p: p.kappa()["source_type"].value),
        }

    def to_json(self) -> dict[str, Any]:
        agree, compared = self.overall_attribution()
        return {
            "annotators": self.annotators,
            "annotations": self.annotations,
            "document_count": len(self.documents) + self.single_annotated_count,
            "documents_compared": len(self.documents),
            "predictions": self.predictions,
            "export_left_out": self.left_out or None,
            "overall": {
                "spans": {
                    layer: {mode: c.to_json() for mode, c in modes.items()} for layer, modes in self.overall_spans().items()
                },
                "labels": {label: c.to_json() for label, c in self.overall_labels().items()},
                "attribution": {
                    "value": None if compared == 0 else round(agree / compared, 4),
                    "agree": agree,
                    "compared": compared,
                },
                "alpha_characters": {k: v.to_json() for k, v in self.alpha_characters.items()},
                "alpha_attributes": {k: v.to_json() for k, v in self.alpha_attributes.items()},
                "fleiss": {k: v.to_json() for k, v in self.fleiss.items()},
                "fleiss_raters": self.fleiss_raters,
                "matched_units": self.matched_units,
            },
            "pre_annotator": {
                "spans": {
                    layer: {mode: c.to_json() for mode, c in modes.items()}
                    for layer, modes in self.overall_spans(pre_annotator=True).items()
                },
                "labels": {label: c.to_json() for label, c in self.overall_labels(pre_annotator=True).items()},
            }
            if self.predictions
            else None,
            "pairs": [p.to_json() for p in self.pairs],
            "matrices": self.matrices(),
            "documents": [d.to_json() for d in self.documents],
        }


def _labelled_bounds(doc: Document) -> dict[str, list[Bounds]]:
    spans: dict[str, list[Bounds]] = {label: [] for label in SPAN_LABELS}
    spans["claim"] = claim_bounds(doc)
    spans["cue"] = cue_bounds(doc)
    for source in doc.sources:
        spans[source.type].append((source.start, source.end))
    return spans


def _compare(pair: PairResult, doc_a: Document, doc_b: Document) -> tuple[float, dict[str, list[tuple[int, int]]]]:
    """Add one document to a pair's counts; returns its labelled F1 and the overlap matches per layer."""
    pair.documents += 1
    overlap_matches: dict[str, list[tuple[int, int]]] = {}
    for layer, bounds in LAYERS.items():
        spans_a, spans_b = bounds(doc_a), bounds(doc_b)
        for mode in MODES:
            matches = match_spans(spans_a, spans_b, mode)
            pair.spans[layer][mode].add(F1Counts(len(matches), len(spans_a), len(spans_b)))
            if mode == "overlap":
                overlap_matches[layer] = matches
    labelled = F1Counts()
    labels_a, labels_b = _labelled_bounds(doc_a), _labelled_bounds(doc_b)
    for label in SPAN_LABELS:
        counts = F1Counts(len(match_spans(labels_a[label], labels_b[label])), len(labels_a[label]), len(labels_b[label]))
        pair.labels[label].add(counts)
        labelled.add(counts)
    agree, compared = attribution_agreement(doc_a, doc_b, overlap_matches["claims"])
    pair.attribution_agree += agree
    pair.attribution_compared += compared
    for name, (layer, values) in ATTRIBUTES.items():
        values_a, values_b = values(doc_a), values(doc_b)
        out_a, out_b = pair.attribute_values[name]
        for i, j in overlap_matches[layer]:
            if values_a[i] is not MISSING and values_b[j] is not MISSING:
                out_a.append(values_a[i])
                out_b.append(values_b[j])
    return (1.0 if labelled.f1 is None else labelled.f1), overlap_matches


def _clusters(
    count: int, matches: dict[tuple[int, int], list[tuple[int, int]]], sizes: Sequence[int]
) -> list[dict[int, int]]:
    """Spans linked across annotators by pairwise matches: {annotator index: span index} per cluster.

    A chain that would give one annotator two spans in a cluster is ambiguous and left out.
    """
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(x: tuple[int, int]) -> tuple[int, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (i, j), pairs in matches.items():
        for si, sj in pairs:
            parent[find((i, si))] = find((j, sj))
    groups: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for annotator in range(count):
        for span in range(sizes[annotator]):
            groups[find((annotator, span))].append((annotator, span))
    clusters = []
    for members in groups.values():
        annotators = [a for a, _ in members]
        if len(members) >= 2 and len(set(annotators)) == len(annotators):
            clusters.append(dict(members))
    return clusters


def _character_rows(docs: Sequence[Document], categories: tuple[str, ...], layer: str) -> tuple[np.ndarray, np.ndarray]:
    """Per run of characters with the same labels: value counts per category, and the run length."""
    length = len(docs[0].text)
    code = {name: i + 1 for i, name in enumerate(categories)}
    labelled: list[list[tuple[int, int, int]]] = []
    for doc in docs:
        if layer == "claims":
            spans = [(c.start, c.end, code[c.kind]) for c in doc.claims]
        elif layer == "cues":
            spans = [(s, e, 1) for s, e in cue_bounds(doc)]
        else:
            spans = [(s.start, s.end, code[s.type]) for s in doc.sources]
        labelled.append(spans)
    cuts = sorted({0, length} | {x for spans in labelled for s, e, _ in spans for x in (s, e)})
    starts = np.array(cuts[:-1], dtype=np.int64)
    weights = np.diff(np.array(cuts, dtype=np.int64))
    counts = np.zeros((len(starts), len(categories) + 1), dtype=np.int64)
    rows = np.arange(len(starts))
    for spans in labelled:
        codes = np.zeros(length + 1, dtype=np.int64)
        for s, e, c in sorted(spans, reverse=True):  # earliest-starting span wins an overlap
            codes[s:e] = c
        counts[rows, codes[starts]] += 1
    keep = weights > 0
    return counts[keep], weights[keep]


def compute_agreement(annotations: Iterable[Annotation], predictions: Iterable[Annotation] = ()) -> AgreementReport:
    """The full agreement report for human annotations, and the pre-annotator where given."""
    by_document: dict[str, dict[str, Document]] = defaultdict(dict)
    count = 0
    for annotation in annotations:
        by_document[annotation.document_id][annotation.annotator] = annotation.document
        count += 1
    predicted = {p.document_id: p.document for p in predictions}
    annotators = sorted({name for versions in by_document.values() for name in versions})
    pairs: dict[tuple[str, str], PairResult] = {}
    for a, b in combinations(annotators, 2):
        pairs[(a, b)] = PairResult(a, b)
    for a in annotators if predicted else ():
        pairs[(a, PRE_ANNOTATOR)] = PairResult(a, PRE_ANNOTATOR)

    documents: list[DocumentResult] = []
    single = 0
    char_rows: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {layer: [] for layer in CHARACTER_LAYERS}
    cluster_values: dict[str, list[dict[int, Hashable | None]]] = {name: [] for name in ATTRIBUTES}
    for doc_id in sorted(by_document):
        versions = by_document[doc_id]
        names = sorted(versions)
        docs = [versions[n] for n in names]
        prediction = predicted.get(doc_id)
        if prediction is not None:
            for name in names:
                _compare(pairs[(name, PRE_ANNOTATOR)], versions[name], prediction)
        if len(names) < 2:
            single += 1
            continue
        scores: dict[str, float] = {}
        layer_matches: dict[str, dict[tuple[int, int], list[tuple[int, int]]]] = {layer: {} for layer in LAYERS}
        for i, j in combinations(range(len(names)), 2):
            score, matches = _compare(pairs[(names[i], names[j])], docs[i], docs[j])
            scores[f"{names[i]} | {names[j]}"] = score
            for layer, found in matches.items():
                layer_matches[layer][(i, j)] = found
        identical = all(same_annotation(docs[0], other) for other in docs[1:])
        documents.append(DocumentResult(doc_id, names, sum(scores.values()) / len(scores), identical, scores))
        for layer, categories in CHARACTER_LAYERS.items():
            char_rows[layer].append(_character_rows(docs, categories, layer))
        for layer in ("claims", "sources"):
            sizes = [len(LAYERS[layer](d)) for d in docs]
            for cluster in _clusters(len(names), layer_matches[layer], sizes):
                for name, (attr_layer, values) in ATTRIBUTES.items():
                    if attr_layer == layer:
                        cluster_values[name].append({k: values(docs[k])[v] for k, v in cluster.items()})

    alpha_characters = {}
    for layer, rows in char_rows.items():
        if rows:
            counts = np.concatenate([r[0] for r in rows])
            weights = np.concatenate([r[1] for r in rows])
            alpha_characters[layer] = alpha_from_counts(counts, weights)
        else:
            alpha_characters[layer] = alpha_from_counts(np.zeros((0, 1)))
    raters = Counter(len(names) for names in (d.annotators for d in documents)).most_common(1)
    fleiss_raters = raters[0][0] if raters else 0
    alpha_attributes, fleiss = {}, {}
    for name, clusters in cluster_values.items():
        alpha_attributes[name] = _alpha_of_clusters(clusters)
        complete = [list(c.values()) for c in clusters if len(c) == fleiss_raters and MISSING not in c.values()]
        fleiss[name] = fleiss_kappa(fleiss_table(complete)) if complete else fleiss_kappa(np.zeros((0, 1)))
    documents.sort(key=lambda d: (d.score if d.score is not None else 2.0, d.id))
    return AgreementReport(
        annotators=annotators,
        annotations=count,
        predictions=bool(predicted),
        pairs=list(pairs.values()),
        documents=documents,
        alpha_characters=alpha_characters,
        alpha_attributes=alpha_attributes,
        fleiss=fleiss,
        fleiss_raters=fleiss_raters,
        matched_units={"claims": len(cluster_values["claim_kind"]), "sources": len(cluster_values["source_type"])},
        single_annotated_count=single,
    )


def _alpha_of_clusters(clusters: list[dict[int, Hashable | None]]) -> Coefficient:
    categories = sorted({v for c in clusters for v in c.values() if v is not MISSING}, key=repr)
    index = {c: i for i, c in enumerate(categories)}
    counts = np.zeros((len(clusters), max(len(categories), 1)))
    for row, cluster in enumerate(clusters):
        for value in cluster.values():
            if value is not MISSING:
                counts[row, index[value]] += 1
    return alpha_from_counts(counts)
