"""The review project in Label Studio: one task per disagreeing document, one prediction per annotator.

Everything Label Studio-specific is reused from :mod:`annotate.labelstudio`: the project and its
interface (``ensure_project``), the task data (``task_data``), and the result JSON
(``convert.document_to_results``, the only place that knows it). This module only arranges the
tasks: each annotator's version becomes a prediction whose model version is the annotator.
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
from annotate.labelstudio.client import api_error, make_client
from annotate.labelstudio.convert import document_to_results
from annotate.labelstudio.push import DOCUMENT_ID, ensure_project, task_data

BATCH = 200


@dataclass(frozen=True)
class ReviewProject:
    """The review project, how many tasks this run added and how many were there already."""

    id: int
    title: str
    url: str
    created: int
    already_there: int


def _existing_documents(client: LabelStudio, project_id: int) -> set[str]:
    tasks = client.tasks.list(project=project_id, include="id,data", page_size=1000)
    return {str((t.data or {}).get(DOCUMENT_ID)) for t in tasks}


def review_tasks(plan: AdjudicationPlan, label_config: str, skip: set[str] = frozenset()) -> list[dict[str, Any]]:
    """Import payloads, each prediction validated against the interface (the server does not check)."""
    interface = LabelInterface(label_config)
    tasks = []
    for disagreement in plan.disagreed:
        if disagreement.document_id in skip:
            continue
        predictions = []
        for annotator, version in disagreement.versions.items():
            prediction = {"model_version": annotator, "score": 1.0, "result": document_to_results(version)}
            errors = interface.validate_prediction(prediction, return_errors=True)
            if errors:
                raise InputError(f"document {disagreement.document_id!r}, {annotator}: does not fit the interface: {errors[0]}")
            predictions.append(prediction)
        tasks.append({"data": task_data(review_document(disagreement)), "predictions": predictions})
    return tasks


def push_review(client: LabelStudio, plan: AdjudicationPlan, title: str) -> ReviewProject:
    """Create (or reuse) project ``title`` and add a task for each disagreeing document not yet in it.

    Running it twice adds nothing the second time. ``show_collab_predictions`` is switched on so
    the reviewer sees every annotator's version, not only one model version's.
    """
    versions = [doc for d in plan.disagreed for doc in d.versions.values()]
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
    return ReviewProject(
        id=int(project.id), title=title, url=f"{base}/projects/{project.id}/data", created=len(tasks),
        already_there=len(plan.disagreed) - len(tasks),
    )


@dataclass(frozen=True)
class AdjudicationRun:
    """What ``annotate adjudicate`` did: the plan, the review project and the files written."""

    plan: AdjudicationPlan
    project: ReviewProject
    agreed_path: Path
    manifest_path: Path


def adjudication(directory: Path, title: str, out: Path | None = None, client: LabelStudio | None = None) -> AdjudicationRun:
    """Send disagreeing documents of the export in ``directory`` to review project ``title``.

    Agreed (and single-annotator) documents are written to ``agreed.jsonl`` with
    ``adjudication.json`` next to it (default: ``directory``).
    """
    if not directory.is_dir():
        raise InputError(f"{directory}: no such folder (expected the output folder of `annotate export`)")
    annotations = read_annotations(directory / ANNOTATIONS_FILE)
    if not annotations:
        raise InputError(f"{directory / ANNOTATIONS_FILE}: holds no annotations")
    plan = plan_adjudication(annotations)
    project = push_review(client or make_client(), plan, title)
    agreed, manifest = write_plan(plan, out or directory, {"id": project.id, "title": title, "url": project.url})
    return AdjudicationRun(plan, project, agreed, manifest)
