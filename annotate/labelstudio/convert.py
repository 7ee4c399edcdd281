"""Document <-> Label Studio results: the only module that knows Label Studio's result JSON.

Writing (:func:`document_to_results`): one ``labels`` region per source mention, claim and
distinct cue span, with code-point offsets exactly as in the document (Label Studio 1.23 reads
them as code points, emoji included: see docs/labelstudio.md). Region ids carry the canonical
ids (``s_`` + source id, ``c_`` + claim id, ``q_`` + first claim id for a cue), so a prediction an
annotator accepts keeps its ids, and the export can say which spans were accepted, changed or
added. Per-region choices reuse the region id. Relations: claim -> source (``attributed_to``),
cue -> claim (``introduces``) and, for mentions of one entity, each later mention -> the
previous one (``coref``). The entity id rides along in the region's ``meta`` so names survive
the trip; the partition itself is what the coref relations say.

Reading (:func:`read_results`, or :func:`results_to_document` for the document alone) checks
what the interface cannot enforce and raises :class:`BadAnnotation` with a reason a person can act
on. What deleting a region in the interface leaves behind is not a reason to drop a reviewer's
work: Label Studio removes a deleted claim's relations but keeps its cue, so a cue that
introduces no claim, a relation to a region that does not exist and an answer given on such a
region are ignored, each with a note saying what was ignored, and the rest is read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from pydantic import ValidationError

from annotate.labelstudio.config import (
    AFFILIATION,
    ATTRIBUTED_TO,
    CHECK_WORTHY,
    CLAIM,
    COREF,
    CUE,
    INTRODUCES,
    KIND,
    LABELS,
    NO,
    NOTE,
    TEXT,
    YES,
)
from annotate.schema import CLAIM_KINDS, SOURCE_TYPES, Claim, Document, SourceMention, Span

SOURCE_PREFIX, CLAIM_PREFIX, CUE_PREFIX = "s_", "c_", "q_"
_ENTITY_META = re.compile(r"^entity=(\S+)$")


class BadAnnotation(ValueError):
    """An annotation that cannot become a valid Document; the message says why."""


# ---------------------------------------------------------------- Document -> results


def _region(region_id: str, span: Span, label: str, score: float | None = None) -> dict[str, Any]:
    result: dict[str, Any] = {
        "id": region_id, "from_name": LABELS, "to_name": TEXT, "type": "labels",
        "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [label]},
    }
    if score is not None:
        result["score"] = score
    return result


def _per_region(region_id: str, span: Span, name: str, kind: str, key: str, values: list[str]) -> dict[str, Any]:
    return {
        "id": region_id, "from_name": name, "to_name": TEXT, "type": kind,
        "value": {"start": span.start, "end": span.end, key: values},
    }


def _relation(from_id: str, to_id: str, label: str) -> dict[str, Any]:
    return {"type": "relation", "from_id": from_id, "to_id": to_id, "direction": "right", "labels": [label]}


def document_to_results(doc: Document) -> list[dict[str, Any]]:
    """The Label Studio ``result`` list that shows ``doc``'s annotations."""
    results: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for source in doc.sources:
        region_id = SOURCE_PREFIX + source.id
        region = _region(region_id, source, source.type, source.score)
        region["meta"] = {"text": [f"entity={source.entity}"]}
        results.append(region)
        if source.affiliation:
            results.append(_per_region(region_id, source, AFFILIATION, "choices", "choices", [source.affiliation]))
    cue_regions: dict[tuple[int, int], str] = {}
    for claim in doc.claims:
        region_id = CLAIM_PREFIX + claim.id
        results.append(_region(region_id, claim, CLAIM, claim.score))
        results.append(_per_region(region_id, claim, KIND, "choices", "choices", [claim.kind]))
        if claim.check_worthy is not None:
            answer = YES if claim.check_worthy else NO
            results.append(_per_region(region_id, claim, CHECK_WORTHY, "choices", "choices", [answer]))
        if claim.note:
            results.append(_per_region(region_id, claim, NOTE, "textarea", "text", [claim.note]))
        if claim.cue is not None:
            key = (claim.cue.start, claim.cue.end)
            if key not in cue_regions:  # one region for a cue shared by several claims
                cue_regions[key] = CUE_PREFIX + claim.id
                results.append(_region(cue_regions[key], claim.cue, CUE, claim.score))
            relations.append(_relation(cue_regions[key], region_id, INTRODUCES))
        if claim.source is not None:
            relations.append(_relation(region_id, SOURCE_PREFIX + claim.source, ATTRIBUTED_TO))
    chains: dict[str, list[SourceMention]] = defaultdict(list)
    for source in doc.sources:
        chains[source.entity].append(source)
    for mentions in chains.values():
        ordered = sorted(mentions, key=lambda m: (m.start, m.end, m.id))
        for earlier, later in pairwise(ordered):
            relations.append(_relation(SOURCE_PREFIX + later.id, SOURCE_PREFIX + earlier.id, COREF))
    return results + relations


def prediction_score(doc: Document) -> float:
    """One score per task for Label Studio's sorting: the least confident span (1.0 when empty)."""
    scores = [s.score for s in doc.sources] + [c.score for c in doc.claims]
    return round(min(scores), 4) if scores else 1.0


# ---------------------------------------------------------------- results -> Document


class _Region:
    __slots__ = ("end", "entity_hint", "extra", "id", "label", "score", "start", "text")

    def __init__(self, region_id: str, label: str, start: int, end: int, text: str, score: float, hint: str | None):
        self.id, self.label, self.start, self.end, self.text = region_id, label, start, end, text
        self.score, self.entity_hint = score, hint
        self.extra: dict[str, list[str]] = {}

    @property
    def role(self) -> str:
        return self.label if self.label in (CLAIM, CUE) else "source"

    def describe(self) -> str:
        return f"{self.label} {self.text!r} ({self.start}:{self.end})"


def _entity_hint(result: dict[str, Any]) -> str | None:
    meta = result.get("meta")
    texts = meta.get("text") if isinstance(meta, dict) else None
    for line in [texts] if isinstance(texts, str) else texts or []:
        found = _ENTITY_META.match(str(line).strip())
        if found:
            return found.group(1)
    return None


def _offset(value: dict[str, Any], key: str, region_id: str) -> int:
    number = value.get(key)
    if isinstance(number, bool) or not isinstance(number, int):
        raise BadAnnotation(f"region {region_id}: '{key}' is {number!r}, not a character offset")
    return number


def _read_region(result: dict[str, Any], text: str, keep_scores: bool) -> _Region:
    region_id = str(result.get("id") or "")
    if not region_id:
        raise BadAnnotation("a labelled region has no id")
    value = result.get("value") or {}
    labels = value.get("labels") or []
    if len(labels) != 1:
        raise BadAnnotation(f"region {region_id} has {len(labels)} labels {labels}; expected exactly one")
    label = labels[0]
    if label not in (CLAIM, CUE, *SOURCE_TYPES):
        raise BadAnnotation(f"region {region_id} has unknown label {label!r}")
    start, end = _offset(value, "start", region_id), _offset(value, "end", region_id)
    if not 0 <= start < end <= len(text):
        raise BadAnnotation(f"region {region_id} ({label}) offsets {start}:{end} are outside the text's {len(text)} characters")
    covered = text[start:end]
    said = value.get("text")
    if said is not None and said != covered:
        raise BadAnnotation(
            f"region {region_id} ({label}) offsets {start}:{end} cover {covered!r}, but the annotation says {said!r}"
        )
    score = float(result.get("score", 1.0)) if keep_scores and result.get("score") is not None else 1.0
    return _Region(region_id, label, start, end, covered, min(max(score, 0.0), 1.0), _entity_hint(result))


@dataclass
class Reading:
    """An annotation read back: its document, and what was ignored because it was left dangling."""

    document: Document
    ignored: list[str] = field(default_factory=list)


def _relation_name(relation: dict[str, Any], regions: dict[str, _Region]) -> tuple[str, _Region, _Region]:
    """The relation's name and its endpoints, ordered as the schema reads them (both must exist)."""
    first, second = regions[relation["from_id"]], regions[relation["to_id"]]
    labels = relation.get("labels") or []
    if len(labels) > 1:
        raise BadAnnotation(f"relation {first.id} -> {second.id} has several labels {labels}")
    roles = {first.role, second.role}
    if roles == {CLAIM, "source"}:
        name, ordered = ATTRIBUTED_TO, (first, second) if first.role == CLAIM else (second, first)
    elif roles == {CUE, CLAIM}:
        name, ordered = INTRODUCES, (first, second) if first.role == CUE else (second, first)
    elif roles == {"source"}:
        name, ordered = COREF, (first, second)
    else:
        raise BadAnnotation(f"relation between {first.describe()} and {second.describe()} links nothing the schema knows")
    if labels and labels[0] != name:
        raise BadAnnotation(f"relation {labels[0]!r} between {first.describe()} and {second.describe()}; expected {name!r}")
    return name, ordered[0], ordered[1]


def _single(region: _Region, name: str, allowed: Iterable[str] | None = None) -> str | None:
    values = region.extra.get(name) or []
    values = [v for v in values if isinstance(v, str) and v.strip()]
    if len(values) > 1:
        raise BadAnnotation(f"{region.describe()} has several {name} values {values}")
    if values and allowed is not None and values[0] not in allowed:
        raise BadAnnotation(f"{region.describe()} has {name} {values[0]!r}; expected one of {', '.join(allowed)}")
    return values[0] if values else None


def _canonical_ids(regions: list[_Region], prefix: str, fresh: str) -> dict[str, str]:
    """Region id -> canonical id: our prefix stripped, or a fresh ``s<n>``/``c<n>`` for regions drawn by hand."""
    ids = {r.id: r.id[len(prefix):] for r in regions if r.id.startswith(prefix) and len(r.id) > len(prefix)}
    taken = set(ids.values())
    number = 0
    for region in sorted((r for r in regions if r.id not in ids), key=lambda r: (r.start, r.end, r.id)):
        number += 1
        while f"{fresh}{number}" in taken:
            number += 1
        ids[region.id] = f"{fresh}{number}"
        taken.add(ids[region.id])
    return ids


def _entities(sources: list[_Region], coref: list[tuple[_Region, _Region]]) -> dict[str, str]:
    """Region id -> entity id: coref links define the groups, ``meta`` hints keep their names."""
    parent = {s.id: s.id for s in sources}

    def root(region_id: str) -> str:
        while parent[region_id] != region_id:
            parent[region_id] = parent[parent[region_id]]
            region_id = parent[region_id]
        return region_id

    for left, right in coref:
        parent[root(left.id)] = root(right.id)
    groups: dict[str, list[_Region]] = defaultdict(list)
    for source in sorted(sources, key=lambda r: (r.start, r.end, r.id)):
        groups[root(source.id)].append(source)
    names: dict[str, str] = {}
    taken: set[str] = set()
    unnamed: list[list[_Region]] = []
    for members in groups.values():
        hints = {m.entity_hint for m in members if m.entity_hint}
        if len(hints) == 1 and (hint := hints.pop()) not in taken:
            taken.add(hint)
            names.update((m.id, hint) for m in members)
        else:
            unnamed.append(members)
    number = 0
    for members in unnamed:
        number += 1
        while f"e{number}" in taken:
            number += 1
        taken.add(f"e{number}")
        names.update((m.id, f"e{number}") for m in members)
    return names


def results_to_document(
    results: list[dict[str, Any]], text: str, doc_id: str, meta: dict[str, Any] | None = None, keep_scores: bool = False
) -> Document:
    """The Document an annotation (or prediction) describes; :class:`BadAnnotation` says why not."""
    return read_results(results, text, doc_id, meta, keep_scores).document


def read_results(
    results: list[dict[str, Any]], text: str, doc_id: str, meta: dict[str, Any] | None = None, keep_scores: bool = False
) -> Reading:
    """The Document an annotation (or prediction) describes, with what was ignored as dangling.

    Human annotations get score 1.0 (``keep_scores`` is for reading predictions back).
    Claims and sources come out sorted by position, so every export orders them the same way.
    """
    ignored: list[str] = []
    regions: dict[str, _Region] = {}
    per_region: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for result in results:
        if not isinstance(result, dict):
            raise BadAnnotation(f"result item {result!r} is not an object")
        kind, control = result.get("type"), result.get("from_name")
        if kind == "relation":
            relations.append(result)
        elif control == LABELS and kind == "labels":
            region = _read_region(result, text, keep_scores)
            if region.id in regions:
                raise BadAnnotation(f"two regions share the id {region.id}")
            regions[region.id] = region
        elif (control, kind) in ((KIND, "choices"), (CHECK_WORTHY, "choices"), (AFFILIATION, "choices"), (NOTE, "textarea")):
            per_region.append(result)
        else:
            raise BadAnnotation(f"result {result.get('id')!r} comes from unknown control {control!r} ({kind})")
    for result in per_region:
        control = result["from_name"]
        region = regions.get(str(result.get("id")))
        if region is None:
            ignored.append(f"{control} answer on region {result.get('id')!r}, which does not exist: ignored")
            continue
        wanted = "source" if control == AFFILIATION else CLAIM
        if region.role != wanted:
            raise BadAnnotation(f"{control} given on {region.describe()}; it belongs on a {wanted}")
        value = result.get("value") or {}
        values = value.get("choices" if result["type"] == "choices" else "text") or []
        region.extra.setdefault(control, []).extend([values] if isinstance(values, str) else values)
    linked = []
    for relation in relations:
        missing = [relation.get(key) for key in ("from_id", "to_id") if relation.get(key) not in regions]
        if missing:
            ignored.append(f"relation {relation.get('from_id')!r} -> {relation.get('to_id')!r} refers to region "
                           f"{missing[0]!r}, which does not exist: ignored")
        else:
            linked.append(relation)
    relations = linked

    claims_of: dict[str, list[_Region]] = defaultdict(list)  # claim region id -> sources
    cues_of: dict[str, list[_Region]] = defaultdict(list)  # claim region id -> cues
    introduced: dict[str, int] = defaultdict(int)
    coref: list[tuple[_Region, _Region]] = []
    for relation in relations:
        name, head, tail = _relation_name(relation, regions)
        if name == ATTRIBUTED_TO:
            claims_of[head.id].append(tail)
        elif name == INTRODUCES:
            cues_of[tail.id].append(head)
            introduced[head.id] += 1
        else:
            coref.append((head, tail))

    claim_regions = [r for r in regions.values() if r.role == CLAIM]
    source_regions = [r for r in regions.values() if r.role == "source"]
    for cue in (r for r in regions.values() if r.role == CUE):
        if not introduced[cue.id]:  # typically the cue of a claim the reviewer deleted
            ignored.append(
                f"{cue.describe()} introduces no claim: ignored (to keep it, select the cue, click Create Relation "
                "(Alt+R) and then its claim; otherwise delete the cue)"
            )
    source_ids = _canonical_ids(source_regions, SOURCE_PREFIX, "s")
    claim_ids = _canonical_ids(claim_regions, CLAIM_PREFIX, "c")
    entities = _entities(source_regions, coref)

    sources = [
        SourceMention(
            id=source_ids[r.id], start=r.start, end=r.end, text=r.text, type=r.label,
            affiliation=_single(r, AFFILIATION), entity=entities[r.id], score=r.score,
        )
        for r in source_regions
    ]
    claims = []
    for region in claim_regions:
        attributed = {s.id: s for s in claims_of[region.id]}
        if len(attributed) > 1:
            names = ", ".join(s.describe() for s in attributed.values())
            raise BadAnnotation(f"{region.describe()} is attributed to {len(attributed)} sources ({names}); expected one")
        cues = {(c.start, c.end): c for c in cues_of[region.id]}
        if len(cues) > 1:
            raise BadAnnotation(f"{region.describe()} is introduced by {len(cues)} cues; expected at most one")
        kind = _single(region, KIND, CLAIM_KINDS)
        if kind is None:
            raise BadAnnotation(f"{region.describe()} has no kind (choose direct or indirect)")
        worthy = _single(region, CHECK_WORTHY, (YES, NO))
        note = "\n".join(v for v in region.extra.get(NOTE, []) if isinstance(v, str)).strip() or None
        cue = next(iter(cues.values()), None)
        source = next(iter(attributed.values()), None)
        claims.append(
            Claim(
                id=claim_ids[region.id], start=region.start, end=region.end, text=region.text, kind=kind,
                cue=None if cue is None else Span(start=cue.start, end=cue.end, text=cue.text),
                source=None if source is None else source_ids[source.id], score=region.score,
                check_worthy=None if worthy is None else worthy == YES, note=note,
            )
        )
    order = lambda item: (item.start, item.end, item.id)
    try:
        document = Document(
            id=doc_id, text=text, meta=dict(meta or {}), sources=sorted(sources, key=order), claims=sorted(claims, key=order)
        )
        return Reading(document, ignored)
    except ValidationError as error:  # pragma: no cover - the checks above should catch everything first
        raise BadAnnotation(str(error.errors()[0]["msg"])) from None
