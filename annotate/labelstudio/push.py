"""Push pre-annotated documents to a Label Studio project as tasks with predictions.

Idempotent by design: each task stores its ``document_id``, so pushing the same file again
creates nothing; a file whose pre-annotations changed gets a new model version (derived from
the predictions' content unless given), and each of its documents gains one prediction of that
version, while the project's model version is switched to it so annotators see the new
predictions. Every prediction is validated against the interface before anything is sent:
Label Studio 1.23 itself accepts predictions that do not fit the interface.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from label_studio_sdk.client import LabelStudio
from label_studio_sdk.core.api_error import ApiError
from label_studio_sdk.label_interface import LabelInterface

from annotate.errors import InputError, LabelStudioError
from annotate.io import read_jsonl
from annotate.labelstudio.client import api_error
from annotate.labelstudio.config import AFFILIATION, TEXT, label_config, project_instructions
from annotate.labelstudio.convert import document_to_results, prediction_score
from annotate.schema import Document

BATCH = 500
DOCUMENT_ID = "document_id"  # task data key holding the canonical document id
META = "meta"  # task data key holding the document's meta
Progress = Callable[[int], None]


@dataclass(frozen=True)
class PushResult:
    """What a push did, for the CLI to report and tests to check."""

    project_id: int
    project_url: str
    model_version: str
    created: int  # new tasks (each with its prediction)
    predicted: int  # existing tasks that got a prediction of the new model version
    unchanged: int  # existing tasks that already had this model version


def model_version_for(documents: Sequence[Document], prefix: str = "annotate") -> str:
    """A version name derived from the predictions' content: same file, same version."""
    digest = hashlib.sha256()
    for doc in sorted(documents, key=lambda d: d.id):
        digest.update(json.dumps([doc.id, document_to_results(doc)], sort_keys=True, ensure_ascii=False).encode())
    return f"{prefix}-{digest.hexdigest()[:12]}"


def find_project(client: LabelStudio, title: str) -> Any | None:
    """The project with exactly this title, or None; two with that title is an error."""
    found = [p for p in client.projects.list(title=title, page_size=100) if p.title == title]
    if len(found) > 1:
        ids = ", ".join(str(p.id) for p in found)
        raise LabelStudioError(f"several projects are titled {title!r} (ids {ids}); rename one in Label Studio")
    return found[0] if found else None


def _configured_affiliations(config_xml: str | None) -> list[str]:
    """Affiliation values already in a project's interface: never dropped by a later push."""
    if not config_xml:
        return []
    try:
        root = ElementTree.fromstring(config_xml)
    except ElementTree.ParseError:
        return []
    return [
        choice.get("value", "")
        for choices in root.iter("Choices") if choices.get("name") == AFFILIATION
        for choice in choices.iter("Choice")
    ]


def ensure_project(client: LabelStudio, title: str, documents: Iterable[Document] = ()) -> tuple[Any, str]:
    """Create the project, or bring an existing one's interface and instructions up to date."""
    if len(title.strip()) < 3:
        raise InputError(f"project title {title!r} is too short (Label Studio needs at least 3 characters)")
    project = find_project(client, title)
    extra = {s.affiliation for doc in documents for s in doc.sources if s.affiliation}
    extra.update(_configured_affiliations(project.label_config if project else None))
    config = label_config(extra)
    instructions = project_instructions()
    try:
        if project is None:
            project = client.projects.create(
                title=title, label_config=config, expert_instruction=instructions, show_instruction=True,
                description="Attributed claims and their sources (arabic-claims annotate)",
            )
        elif project.label_config != config or project.expert_instruction != instructions:
            project = client.projects.update(
                id=project.id, label_config=config, expert_instruction=instructions, show_instruction=True
            )
    except ApiError as error:
        raise api_error(error, f"project {title!r}") from None
    return project, config


def _existing_tasks(client: LabelStudio, project_id: int) -> dict[str, tuple[int, str, set[str]]]:
    """document id -> (task id, text, model versions of its predictions)."""
    found: dict[str, tuple[int, str, set[str]]] = {}
    pager = client.tasks.list(project=project_id, include="id,data,predictions_model_versions", page_size=1000)
    for task in pager:
        data = task.data or {}
        doc_id = data.get(DOCUMENT_ID)
        if not isinstance(doc_id, str):
            continue  # a task someone imported by hand: not ours to manage
        versions = task.predictions_model_versions or []
        if isinstance(versions, str):
            versions = versions.split(",")
        found[doc_id] = (int(task.id), str(data.get(TEXT, "")), {v.strip() for v in versions if v and v.strip()})
    return found


def task_data(doc: Document) -> dict[str, Any]:
    """What a task stores: the text the interface shows, the document id and its meta."""
    return {TEXT: doc.text, DOCUMENT_ID: doc.id, META: doc.meta}


def _batches(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _validated_predictions(documents: Sequence[Document], config: str, model_version: str) -> list[dict[str, Any]]:
    interface = LabelInterface(config)
    predictions = []
    for doc in documents:
        prediction = {"model_version": model_version, "score": prediction_score(doc), "result": document_to_results(doc)}
        errors = interface.validate_prediction(prediction, return_errors=True)
        if errors:
            raise InputError(f"document {doc.id!r}: prediction does not fit the interface: {errors[0]}")
        predictions.append(prediction)
    return predictions


def push_documents(
    client: LabelStudio,
    documents: Sequence[Document],
    title: str,
    model_version: str | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH,
) -> PushResult:
    """Push ``documents`` into project ``title``; see the module docstring for what happens twice."""
    if model_version is not None and ("," in model_version or not model_version.strip()):
        raise InputError(f"model version {model_version!r}: use a non-empty name without commas")
    version = model_version or model_version_for(documents)
    project, config = ensure_project(client, title, documents)
    predictions = _validated_predictions(documents, config, version)
    existing = _existing_tasks(client, project.id)
    new_tasks: list[dict[str, Any]] = []
    new_predictions: list[dict[str, Any]] = []
    unchanged = 0
    for doc, prediction in zip(documents, predictions):
        if doc.id not in existing:
            new_tasks.append({"data": task_data(doc), "predictions": [prediction]})
            continue
        task_id, text, versions = existing[doc.id]
        if text != doc.text:
            raise InputError(f"document {doc.id!r} is already task {task_id} in {title!r} with a different text")
        if version in versions:
            unchanged += 1
        else:
            new_predictions.append({"task": task_id, **prediction})
    done = unchanged
    if progress:
        progress(done)
    try:
        for batch in _batches(new_tasks, batch_size):
            client.projects.import_tasks(id=project.id, request=list(batch), return_task_ids=True)
            done += len(batch)
            if progress:
                progress(done)
        for batch in _batches(new_predictions, batch_size):
            client.projects.import_predictions(id=project.id, request=list(batch))
            done += len(batch)
            if progress:
                progress(done)
        if project.model_version != version:
            client.projects.update(id=project.id, model_version=version)
    except ApiError as error:
        raise api_error(error, f"pushing to {title!r}") from None
    base = client._client_wrapper.get_base_url().rstrip("/")
    return PushResult(
        project_id=int(project.id), project_url=f"{base}/projects/{project.id}/data", model_version=version,
        created=len(new_tasks), predicted=len(new_predictions), unchanged=unchanged,
    )


def push(
    client: LabelStudio, path: Path | str, title: str, model_version: str | None = None, progress: Progress | None = None
) -> PushResult:
    """Read canonical JSONL at ``path`` (validated) and push it."""
    documents = read_jsonl(path)
    if not documents:
        raise InputError(f"{path}: no documents")
    return push_documents(client, documents, title, model_version, progress)
