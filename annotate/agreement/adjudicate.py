"""Adjudication: agreed documents go straight to gold, disagreeing ones to a review project.

Label Studio Community has no review step, so one is built from what it does have: a second
project whose tasks are the disagreeing documents, each annotator's version attached as a
prediction whose model version is the annotator, so a senior fact-checker can pick one, fix it
and submit. The agreed documents go into the same project as tasks that already carry a
ground-truth annotation, so exporting that project (``annotate export``) gives the final gold,
every document once. They are also written here, next to a manifest saying which documents went
where and who had annotated them.

The trail is ``meta["adjudication"] = {"status": AGREED | SINGLE | REVIEW, "annotators": [...]}``
on every document (and so in every review task's data); the export's dataset card reads it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotate.agreement.load import Annotation
from annotate.agreement.signature import same_annotation
from annotate.io import atomic_writer, write_jsonl
from annotate.schema import Document

AGREED_FILE = "agreed.jsonl"
MANIFEST_FILE = "adjudication.json"
ADJUDICATION = "adjudication"  # meta key of the trail
AGREED, SINGLE, REVIEW = "agreed", "single", "review"  # its statuses


@dataclass(frozen=True)
class Disagreement:
    """A document whose annotators disagree: every annotator's version, by annotator."""

    document_id: str
    versions: dict[str, Document]


@dataclass
class AdjudicationPlan:
    """Which documents are gold already and which need a reviewer."""

    agreed: list[Document] = field(default_factory=list)
    disagreed: list[Disagreement] = field(default_factory=list)
    single: list[str] = field(default_factory=list)  # ids annotated by one person: gold as they are

    def manifest(self) -> dict[str, Any]:
        return {
            "agreed": [
                {"id": d.id, "annotators": d.meta[ADJUDICATION]["annotators"], "status": d.meta[ADJUDICATION]["status"]}
                for d in self.agreed
            ],
            "review": [{"id": d.document_id, "annotators": sorted(d.versions)} for d in self.disagreed],
        }


def _with_adjudication(doc: Document, status: str, annotators: list[str]) -> Document:
    meta = {**doc.meta, ADJUDICATION: {"status": status, "annotators": annotators}}
    return doc.model_copy(update={"meta": meta})


def plan_adjudication(annotations: Iterable[Annotation]) -> AdjudicationPlan:
    """Split documents by whether all their annotators' versions are the same annotation.

    An agreed document's gold version is the first annotator's (by name; they differ at most in
    ids and notes); its ``meta["adjudication"]`` records ``agreed`` (or ``single``) and who
    annotated it, so the trail survives into gold.
    """
    by_document: dict[str, dict[str, Document]] = defaultdict(dict)
    for annotation in annotations:
        by_document[annotation.document_id][annotation.annotator] = annotation.document
    plan = AdjudicationPlan()
    for doc_id in sorted(by_document):
        versions = dict(sorted(by_document[doc_id].items()))
        names = list(versions)
        first = versions[names[0]]
        if len(names) == 1:
            plan.single.append(doc_id)
            plan.agreed.append(_with_adjudication(first, SINGLE, names))
        elif all(same_annotation(first, other) for other in list(versions.values())[1:]):
            plan.agreed.append(_with_adjudication(first, AGREED, names))
        else:
            plan.disagreed.append(Disagreement(doc_id, versions))
    return plan


def review_document(disagreement: Disagreement) -> Document:
    """The review task's document: the text and meta, no spans; the versions come as predictions."""
    first = next(iter(disagreement.versions.values()))
    return _with_adjudication(
        first.model_copy(update={"sources": [], "claims": []}), REVIEW, sorted(disagreement.versions)
    )


def write_plan(plan: AdjudicationPlan, out: Path, project: dict[str, Any]) -> tuple[Path, Path]:
    """``agreed.jsonl`` (gold without review) and ``adjudication.json`` (the manifest), atomically."""
    agreed = out / AGREED_FILE
    write_jsonl(plan.agreed, agreed)
    manifest = out / MANIFEST_FILE
    with atomic_writer(manifest) as handle:
        json.dump({"project": project, **plan.manifest()}, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return agreed, manifest
