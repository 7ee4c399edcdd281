"""Tasks in, predictions out: the same conversion ``annotate push`` uses (regions, relations, score)."""

from __future__ import annotations

import logging
from typing import Any

from label_studio_sdk.label_interface import LabelInterface

from annotate.errors import InputError
from annotate.labelstudio.config import TEXT
from annotate.labelstudio.convert import document_to_results, prediction_score
from annotate.labelstudio.push import DOCUMENT_ID, META
from annotate.learn.model import Model
from annotate.schema import Document

log = logging.getLogger("annotate.serve")


def task_document(task: dict[str, Any]) -> Document:
    """The document a task shows: as ``annotate push`` stored it, or a bare text imported by hand."""
    data = task.get("data") if isinstance(task, dict) else None
    text = data.get(TEXT) if isinstance(data, dict) else None
    if not isinstance(text, str):
        raise InputError(f"task {task.get('id') if isinstance(task, dict) else task!r} has no text in data.{TEXT}")
    doc_id = data.get(DOCUMENT_ID)
    meta = data.get(META)
    return Document(id=doc_id if isinstance(doc_id, str) and doc_id else f"task-{task.get('id')}", text=text,
                    meta=meta if isinstance(meta, dict) else {})


def prediction(doc: Document, model_version: str) -> dict[str, Any]:
    """Label Studio's prediction for an annotated document: exactly what ``annotate push`` imports."""
    return {"model_version": model_version, "score": prediction_score(doc), "result": document_to_results(doc)}


def predict_tasks(model: Model, tasks: list[dict[str, Any]], model_version: str,
                  label_config: str | None = None) -> list[dict[str, Any]]:
    """One prediction per task, in order. A prediction that does not fit ``label_config`` is logged, still sent."""
    documents = [task_document(task) for task in tasks]
    predictions = [prediction(doc, model_version) for doc in model.annotate(documents)]
    if label_config:
        interface = LabelInterface(label_config)
        for task, found in zip(tasks, predictions):
            errors = interface.validate_prediction(found, return_errors=True)
            if errors:
                log.warning("task %s: prediction does not fit the project's interface: %s", task.get("id"), errors[0])
    return predictions
