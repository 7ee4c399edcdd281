"""Reading an export folder (``annotations.jsonl``) and the pre-annotator's predictions.

Only what agreement needs is kept from each export line: who annotated which document, and the
canonical document they produced. Errors name the file and line, as everywhere in the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from annotate.errors import InputError
from annotate.io import json_objects, read_jsonl, validation_message
from annotate.schema import Document

ANNOTATIONS_FILE = "annotations.jsonl"
PREDICTIONS_FILE = "predictions.jsonl"
LEFT_OUT_FILE = "left_out.jsonl"
LEFT_OUT, IGNORED = "annotation left out", "part ignored"  # the kinds of line `annotate export` writes there
PRE_ANNOTATOR = "pre-annotator"


@dataclass(frozen=True)
class Annotation:
    """One annotator's version of one document."""

    annotator: str
    document: Document
    task_id: int | None = None
    annotation_id: int | None = None
    updated_at: str = ""

    @property
    def document_id(self) -> str:
        return self.document.id


def _parse_record(path: Path, number: int, record: dict) -> Annotation:
    for field in ("annotator", "document"):
        if field not in record:
            raise InputError(f"{path}:{number}: missing field '{field}'")
    if not isinstance(record["annotator"], str) or not record["annotator"]:
        raise InputError(f"{path}:{number}: 'annotator' must be a non-empty string")
    try:
        document = Document.model_validate(record["document"])
    except ValidationError as error:
        raise InputError(f"{path}:{number}: document: {validation_message(error)}") from None
    for field in ("task_id", "annotation_id"):
        value = record.get(field)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise InputError(f"{path}:{number}: '{field}' must be an integer, not {value!r}"[:300])
    for field in ("updated_at", "created_at"):
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{path}:{number}: '{field}' must be a date string, not {value!r}"[:300])
    declared = record.get("document_id")
    if declared is not None and declared != document.id:
        raise InputError(f"{path}:{number}: document_id {declared!r} differs from the document's id {document.id!r}")
    return Annotation(
        annotator=record["annotator"],
        document=document,
        task_id=record.get("task_id"),
        annotation_id=record.get("annotation_id"),
        updated_at=str(record.get("updated_at") or record.get("created_at") or ""),
    )


def read_annotations(path: Path | str) -> list[Annotation]:
    """Every annotation of an ``annotations.jsonl``; one per annotator and document.

    Label Studio lets one person submit two annotations of a task; the later one (by
    ``updated_at``, then annotation id) is taken as that person's final word.
    """
    source = Path(path)
    if not source.is_file():
        raise InputError(f"{source}: no such file (expected the annotations.jsonl of `annotate export`)")
    latest: dict[tuple[str, str], Annotation] = {}
    texts: dict[str, tuple[str, int]] = {}
    for number, record in json_objects(source):
        annotation = _parse_record(source, number, record)
        doc = annotation.document
        if doc.id in texts and texts[doc.id][0] != doc.text:
            raise InputError(f"{source}:{number}: document {doc.id!r} has a different text than on line {texts[doc.id][1]}")
        texts.setdefault(doc.id, (doc.text, number))
        key = (doc.id, annotation.annotator)
        previous = latest.get(key)
        if previous is None or (annotation.updated_at, annotation.annotation_id or 0) >= (
            previous.updated_at,
            previous.annotation_id or 0,
        ):
            latest[key] = annotation
    return sorted(latest.values(), key=lambda a: (a.document_id, a.annotator))


def read_predictions(path: Path | str, annotations: list[Annotation]) -> list[Annotation]:
    """The pre-annotator's documents that were also annotated, as annotations by ``pre-annotator``.

    A prediction whose text differs from the annotated text cannot be compared by offsets, so it
    is an input error naming the document.
    """
    texts = {a.document_id: a.document.text for a in annotations}
    found = []
    for doc in read_jsonl(path):
        if doc.id not in texts:
            continue
        if doc.text != texts[doc.id]:
            raise InputError(f"{path}: document {doc.id!r}: its text differs from the annotated text")
        found.append(Annotation(annotator=PRE_ANNOTATOR, document=doc))
    return found


def default_predictions(directory: Path | str) -> Path | None:
    """``DIR/predictions.jsonl`` when the export wrote one."""
    candidate = Path(directory) / PREDICTIONS_FILE
    return candidate if candidate.is_file() else None


def read_left_out(directory: Path | str) -> dict[str, int]:
    """What the export left out, counted: annotations left out whole, and dangling parts ignored
    (with the number of annotations kept without them). Empty when the export wrote no ``left_out.jsonl``."""
    source = Path(directory) / LEFT_OUT_FILE
    if not source.is_file():
        return {}
    left_out, ignored, touched = 0, 0, set()
    for number, record in json_objects(source):
        kind = record.get("kind")
        if kind == LEFT_OUT:
            left_out += 1
        elif kind == IGNORED:
            ignored += 1
            touched.add((record.get("task_id"), record.get("annotation_id")))
        else:
            raise InputError(f"{source}:{number}: unknown kind {kind!r} (expected {LEFT_OUT!r} or {IGNORED!r})")
    return {"annotations_left_out": left_out, "annotations_with_parts_ignored": len(touched), "parts_ignored": ignored}
