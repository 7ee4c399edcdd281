"""Push pre-annotated documents to a Label Studio project as tasks with predictions.

Idempotent by design: each task stores its ``document_id``, so pushing the same file again
creates nothing, and a document whose pre-annotation is unchanged gets no new prediction.

Label Studio shows annotators only the predictions of the project's single model version. So a
project keeps one model version for good (the first push's, derived from its content unless
given), and every later batch is pushed under it: adding articles never hides the earlier
tasks' predictions. A document whose pre-annotation changed gets a new prediction, and the one
it replaces is renamed ``<version> superseded`` (kept for the annotations that started from it,
no longer shown), so each task shows exactly one prediction.

Two pushes at once are safe: on one machine an inter-process lock per server and title
serialises them; across machines, a push that finds a twin of the project or of a task it just
created (same title, same document id) keeps the oldest and deletes its own empty copy.

Every prediction is validated against the interface before anything is sent: Label Studio 1.23
itself accepts predictions that do not fit the interface.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from label_studio_sdk.client import LabelStudio
from label_studio_sdk.core.api_error import ApiError
from label_studio_sdk.label_interface import LabelInterface

from annotate.errors import InputError, LabelStudioError
from annotate.io import interprocess_lock, read_jsonl
from annotate.labelstudio.client import api_error
from annotate.labelstudio.config import AFFILIATION, TEXT, label_config, project_instructions
from annotate.labelstudio.convert import BadAnnotation, document_to_results, prediction_score, results_to_document
from annotate.schema import Document

BATCH = 500
DOCUMENT_ID = "document_id"  # task data key holding the canonical document id
META = "meta"  # task data key holding the document's meta
SUPERSEDED = " superseded"  # appended to the model version of a prediction replaced by a newer one
Progress = Callable[[int], None]


@dataclass(frozen=True)
class PushResult:
    """What a push did, for the CLI to report and tests to check."""

    project_id: int
    project_url: str
    model_version: str
    created: int  # new tasks (each with its prediction)
    predicted: int  # existing tasks whose pre-annotation changed: a new prediction replaces the shown one
    unchanged: int  # existing tasks already showing this very pre-annotation: nothing sent
    overlap: int | None = None  # annotators per task, when set by this push


def model_version_for(documents: Sequence[Document], prefix: str = "annotate") -> str:
    """A version name derived from the predictions' content: same file, same version."""
    digest = hashlib.sha256()
    for doc in sorted(documents, key=lambda d: d.id):
        digest.update(json.dumps([doc.id, document_to_results(doc)], sort_keys=True, ensure_ascii=False).encode())
    return f"{prefix}-{digest.hexdigest()[:12]}"


def find_project(client: LabelStudio, title: str) -> Any | None:
    """The project with exactly this title, or None; two with that title is an error."""
    found = _projects_titled(client, title)
    if len(found) > 1:
        ids = ", ".join(str(p.id) for p in found)
        raise LabelStudioError(f"several projects are titled {title!r} (ids {ids}); rename one in Label Studio")
    return found[0] if found else None


def _projects_titled(client: LabelStudio, title: str) -> list[Any]:
    return sorted((p for p in client.projects.list(title=title, page_size=100) if p.title == title), key=lambda p: p.id)


def _configured_affiliations(config_xml: str | None) -> list[str]:
    """Affiliation values already in a project's interface: never dropped by a later push."""
    if not config_xml:
        return []
    try:
        root = ElementTree.fromstring(config_xml)
    except ElementTree.ParseError:
        return []
    return [
        choice.get("alias") or choice.get("value", "")  # the stored value; `value` is what is shown
        for choices in root.iter("Choices") if choices.get("name") == AFFILIATION
        for choice in choices.iter("Choice")
    ]


def _create_project(client: LabelStudio, title: str, config: str, instructions: str) -> Any:
    """Create the project; if another push (from another machine) created one of that title at the
    same time, the oldest wins and our new, still empty copy is deleted."""
    project = client.projects.create(
        title=title, label_config=config, expert_instruction=instructions, show_instruction=True,
        description="Attributed claims and their sources (arabic-claims annotate)",
    )
    twins = _projects_titled(client, title)
    if twins and twins[0].id != project.id:
        client.projects.delete(id=project.id)
        return twins[0]
    return project


def ensure_project(
    client: LabelStudio, title: str, documents: Iterable[Document] = (), overlap: int | None = None
) -> tuple[Any, str]:
    """Create the project, or bring an existing one's interface and instructions up to date.

    ``overlap`` (annotators per task) sets Label Studio's ``maximum_annotations`` with 100 %
    overlap, so that many people annotate every task, each from the prediction, not from one another.
    """
    if len(title.strip()) < 3:
        raise InputError(f"project title {title!r} is too short (Label Studio needs at least 3 characters)")
    if overlap is not None and overlap < 1:
        raise InputError(f"overlap {overlap}: give the number of annotators per task (1 or more)")
    project = find_project(client, title)
    extra = {s.affiliation for doc in documents for s in doc.sources if s.affiliation}
    extra.update(_configured_affiliations(project.label_config if project else None))
    config = label_config(extra)
    instructions = project_instructions()
    try:
        if project is None:
            project = _create_project(client, title, config, instructions)
        changes: dict[str, Any] = {}
        if project.label_config != config or project.expert_instruction != instructions:
            changes.update(label_config=config, expert_instruction=instructions, show_instruction=True)
        if overlap is not None and (project.maximum_annotations != overlap or project.overlap_cohort_percentage != 100):
            changes.update(maximum_annotations=overlap, overlap_cohort_percentage=100)
        if changes:
            project = client.projects.update(id=project.id, **changes)
    except ApiError as error:
        raise api_error(error, f"project {title!r}") from None
    return project, config


@dataclass
class _Task:
    """An existing task of ours: its id, text, and the prediction annotators see (if any)."""

    id: int
    text: str
    shown: dict[str, Any] | None  # newest prediction of the project's model version


def _existing_tasks(client: LabelStudio, project_id: int, version: str | None) -> dict[str, _Task]:
    """document id -> the task holding it."""
    found: dict[str, _Task] = {}
    for task in client.tasks.list(project=project_id, fields="all", page_size=500):
        data = task.data or {}
        doc_id = data.get(DOCUMENT_ID)
        if not isinstance(doc_id, str):
            continue  # a task someone imported by hand: not ours to manage
        predictions = [p if isinstance(p, dict) else p.model_dump() for p in task.predictions or []]
        shown = [p for p in predictions if version is not None and p.get("model_version") == version]
        newest = max(shown, key=lambda p: p.get("id") or 0) if shown else None
        if doc_id not in found or int(task.id) < found[doc_id].id:
            found[doc_id] = _Task(int(task.id), str(data.get(TEXT, "")), newest)
    return found


def _same_prediction(shown: dict[str, Any] | None, doc: Document) -> bool:
    """Whether the prediction annotators see is already ``doc``'s pre-annotation (span for span, scores included)."""
    if shown is None:
        return False
    try:
        before = results_to_document(shown.get("result") or [], doc.text, doc.id, keep_scores=True)
    except BadAnnotation:
        return False
    return before.model_dump(exclude={"meta"}) == doc.model_dump(exclude={"meta"})


def task_data(doc: Document) -> dict[str, Any]:
    """What a task stores: the text the interface shows, the document id and its meta."""
    return {TEXT: doc.text, DOCUMENT_ID: doc.id, META: doc.meta}


def _batches(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _validated_predictions(documents: Sequence[Document], config: str) -> list[dict[str, Any]]:
    """One prediction per document (without its model version), each checked against the interface."""
    interface = LabelInterface(config)
    predictions = []
    for doc in documents:
        prediction = {"model_version": "check", "score": prediction_score(doc), "result": document_to_results(doc)}
        errors = interface.validate_prediction(prediction, return_errors=True)
        if errors:
            raise InputError(f"document {doc.id!r}: prediction does not fit the interface: {errors[0]}")
        del prediction["model_version"]
        predictions.append(prediction)
    return predictions


def _remove_duplicate_tasks(client: LabelStudio, project_id: int) -> int:
    """Tasks of one document id imported twice by pushes on two machines at once: keep the oldest.

    Only tasks nobody has annotated are deleted; returns how many were.
    """
    by_document: dict[str, list[Any]] = defaultdict(list)
    for task in client.tasks.list(project=project_id, include="id,data,total_annotations", page_size=1000):
        doc_id = (task.data or {}).get(DOCUMENT_ID)
        if isinstance(doc_id, str):
            by_document[doc_id].append(task)
    removed = 0
    for tasks in by_document.values():
        for twin in sorted(tasks, key=lambda t: t.id)[1:]:
            if not twin.total_annotations:
                try:
                    client.tasks.delete(id=twin.id)
                    removed += 1
                except ApiError as error:
                    if error.status_code != 404:  # the other push deleted it first
                        raise
    return removed


def _lock_name(client: LabelStudio, title: str) -> str:
    base = client._client_wrapper.get_base_url().rstrip("/")
    return "push-" + hashlib.sha256(f"{base}\n{title}".encode()).hexdigest()[:16]


def push_documents(
    client: LabelStudio,
    documents: Sequence[Document],
    title: str,
    model_version: str | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH,
    overlap: int | None = None,
) -> PushResult:
    """Push ``documents`` into project ``title``; see the module docstring for what happens twice."""
    if model_version is not None and ("," in model_version or not model_version.strip()):
        raise InputError(f"model version {model_version!r}: use a non-empty name without commas")
    twice = sorted(doc_id for doc_id, n in Counter(doc.id for doc in documents).items() if n > 1)
    if twice:
        raise InputError(f"document id {twice[0]!r} appears twice in what is pushed")
    with interprocess_lock(_lock_name(client, title)):
        return _push_locked(client, documents, title, model_version, progress, batch_size, overlap)


def _push_locked(
    client: LabelStudio, documents: Sequence[Document], title: str, model_version: str | None,
    progress: Progress | None, batch_size: int, overlap: int | None,
) -> PushResult:
    project, config = ensure_project(client, title, documents, overlap)
    predictions = _validated_predictions(documents, config)
    current = project.model_version or None
    existing = _existing_tasks(client, project.id, current)
    version = current or model_version or model_version_for(documents)
    if model_version is not None and current is not None and model_version != current:
        missing = sorted(set(existing) - {doc.id for doc in documents})
        if missing:
            raise InputError(
                f"project {title!r} shows the predictions of model version {current!r}; switching to {model_version!r} "
                f"would hide the pre-annotations of its {len(missing)} tasks not in this file (e.g. {missing[0]!r}): "
                "leave out --model-version, or push every document of the project"
            )
        version = model_version  # every task gets a prediction of the new version below
    new_tasks: list[dict[str, Any]] = []
    new_predictions: list[dict[str, Any]] = []
    superseded: list[int] = []
    unchanged = 0
    for doc, prediction in zip(documents, predictions):
        prediction = {"model_version": version, **prediction}
        task = existing.get(doc.id)
        if task is None:
            new_tasks.append({"data": task_data(doc), "predictions": [prediction]})
            continue
        if task.text != doc.text:
            raise InputError(f"document {doc.id!r} is already task {task.id} in {title!r} with a different text")
        if version == current and _same_prediction(task.shown, doc):
            unchanged += 1
            continue
        new_predictions.append({"task": task.id, **prediction})
        if task.shown is not None and version == current:
            superseded.append(int(task.shown["id"]))
    done = unchanged
    if progress:
        progress(done)
    try:
        for batch in _batches(new_tasks, batch_size):
            client.projects.import_tasks(id=project.id, request=list(batch), return_task_ids=True)
            done += len(batch)
            if progress:
                progress(done)
        if new_tasks:
            _remove_duplicate_tasks(client, project.id)
        for batch in _batches(new_predictions, batch_size):
            client.projects.import_predictions(id=project.id, request=list(batch))
            done += len(batch)
            if progress:
                progress(done)
        for prediction_id in superseded:  # only the changed documents: one call each
            client.predictions.update(id=prediction_id, model_version=version + SUPERSEDED)
        if project.model_version != version:
            client.projects.update(id=project.id, model_version=version)
    except ApiError as error:
        raise api_error(error, f"pushing to {title!r}") from None
    base = client._client_wrapper.get_base_url().rstrip("/")
    return PushResult(
        project_id=int(project.id), project_url=f"{base}/projects/{project.id}/data", model_version=version,
        created=len(new_tasks), predicted=len(new_predictions), unchanged=unchanged, overlap=overlap,
    )


def push(
    client: LabelStudio, path: Path | str, title: str, model_version: str | None = None, progress: Progress | None = None,
    overlap: int | None = None,
) -> PushResult:
    """Read canonical JSONL at ``path`` (validated) and push it."""
    documents = read_jsonl(path)
    if not documents:
        raise InputError(f"{path}: no documents")
    return push_documents(client, documents, title, model_version, progress, overlap=overlap)
