"""The review project in Label Studio: one task per document, so that its export is the final gold.

A disagreeing document becomes a task with one prediction per annotator (model version = the
annotator) for a reviewer to pick, fix and submit. An agreed document becomes a task that already
carries its agreed version as a ground-truth annotation (made by the API user), so it needs no
review and exports as gold.

Everything Label Studio-specific is reused from :mod:`annotate.labelstudio`: the project and its
interface (``ensure_project``), the task data (``task_data``), and the result JSON
(``convert.document_to_results``, the only place that knows it). This module only arranges the
tasks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from label_studio_sdk.client import LabelStudio
from label_studio_sdk.core.api_error import ApiError
from label_studio_sdk.label_interface import LabelInterface

from annotate.agreement.adjudicate import AdjudicationPlan, plan_adjudication, review_document, write_plan
from annotate.agreement.load import ANNOTATIONS_FILE, read_annotations
from annotate.errors import InputError
from annotate.labelstudio.client import api_error, connection_errors, make_client, resolve_connection
from annotate.labelstudio.convert import document_to_results
from annotate.labelstudio.push import DOCUMENT_ID, ensure_project, task_data

BATCH = 200


@dataclass(frozen=True)
class ReviewProject:
    """The review project and what this run added to it (documents already there are left alone)."""

    id: int
    title: str
    url: str
    created: int  # review tasks added (disagreeing documents)
    agreed_created: int  # tasks added with their agreed version as ground truth
    already_there: int


def _existing_documents(client: LabelStudio, project_id: int) -> set[str]:
    tasks = client.tasks.list(project=project_id, include="id,data", page_size=1000)
    return {str((t.data or {}).get(DOCUMENT_ID)) for t in tasks}


def _checked(interface: LabelInterface, payload: dict[str, Any], doc_id: str, whose: str) -> dict[str, Any]:
    errors = interface.validate_prediction(payload, return_errors=True)
    if errors:
        raise InputError(f"document {doc_id!r}, {whose}: does not fit the interface: {errors[0]}")
    return payload


def review_tasks(plan: AdjudicationPlan, label_config: str, skip: set[str] = frozenset()) -> list[dict[str, Any]]:
    """Import payloads in document order, each result validated against the interface (the server does not check).

    Disagreeing documents carry every annotator's version as a prediction; agreed ones carry
    their agreed version as a ground-truth annotation.
    """
    interface = LabelInterface(label_config)
    tasks: list[tuple[str, dict[str, Any]]] = []
    for disagreement in plan.disagreed:
        if disagreement.document_id in skip:
            continue
        predictions = [
            _checked(interface, {"model_version": annotator, "score": 1.0, "result": document_to_results(version)},
                     disagreement.document_id, annotator)
            for annotator, version in disagreement.versions.items()
        ]
        tasks.append((disagreement.document_id, {"data": task_data(review_document(disagreement)), "predictions": predictions}))
    for doc in plan.agreed:
        if doc.id in skip:
            continue
        annotation = _checked(interface, {"result": document_to_results(doc), "ground_truth": True}, doc.id, "agreed version")
        tasks.append((doc.id, {"data": task_data(doc), "annotations": [annotation]}))
    return [payload for _, payload in sorted(tasks, key=lambda item: item[0])]


def push_review(client: LabelStudio, plan: AdjudicationPlan, title: str) -> ReviewProject:
    """Create (or reuse) project ``title`` and add a task for each document not yet in it.

    Running it twice adds nothing the second time. ``show_collab_predictions`` is switched on so
    the reviewer sees every annotator's version, not only one model version's.
    """
    versions = [doc for d in plan.disagreed for doc in d.versions.values()] + plan.agreed
    project, config = ensure_project(client, title, versions)
    existing = _existing_documents(client, int(project.id))
    tasks = review_tasks(plan, config, existing)
    try:
        for start in range(0, len(tasks), BATCH):
            client.projects.import_tasks(id=project.id, request=tasks[start : start + BATCH], return_task_ids=True)
        if not project.show_collab_predictions:
            client.projects.update(id=project.id, show_collab_predictions=True)
    except ApiError as error:
        raise api_error(error, f"review project {title!r}") from None
    base = client._client_wrapper.get_base_url().rstrip("/")
    agreed_created = sum(1 for task in tasks if "annotations" in task)
    return ReviewProject(
        id=int(project.id), title=title, url=f"{base}/projects/{project.id}/data",
        created=len(tasks) - agreed_created, agreed_created=agreed_created,
        already_there=len(plan.disagreed) + len(plan.agreed) - len(tasks),
    )


@dataclass(frozen=True)
class AdjudicationRun:
    """What ``annotate adjudicate`` did: the plan, the review project and the files written."""

    plan: AdjudicationPlan
    project: ReviewProject
    agreed_path: Path
    manifest_path: Path


def adjudication(directory: Path, title: str, out: Path | None = None, client: LabelStudio | None = None) -> AdjudicationRun:
    """Build review project ``title`` from the export in ``directory`` (see the module docstring).

    Agreed (and single-annotator) documents are also written to ``agreed.jsonl``, with
    ``adjudication.json`` next to it (default: ``directory``).
    """
    if not directory.is_dir():
        raise InputError(f"{directory}: no such folder (expected the output folder of `annotate export`)")
    annotations = read_annotations(directory / ANNOTATIONS_FILE)
    if not annotations:
        raise InputError(f"{directory / ANNOTATIONS_FILE}: holds no annotations")
    plan = plan_adjudication(annotations)
    if client is None:
        connection = resolve_connection()
        client, url = make_client(connection), connection.url
    else:
        url = client._client_wrapper.get_base_url()
    with connection_errors(url, f"building review project {title!r}"):
        project = push_review(client, plan, title)
    agreed, manifest = write_plan(plan, out or directory, {"id": project.id, "title": title, "url": project.url})
    return AdjudicationRun(plan, project, agreed, manifest)
