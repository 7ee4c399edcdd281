"""The review project in Label Studio: one task per disagreeing document, one prediction per annotator.

Label Studio's result JSON is known only to ``annotate.labelstudio.convert``; this module gets the
conversion, the interface and the client from the Label Studio package and only arranges tasks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from annotate.agreement.adjudicate import AdjudicationPlan, review_document
from annotate.errors import InputError, LabelStudioError
from annotate.schema import Document

BATCH = 200


@dataclass(frozen=True)
class ReviewProject:
    """The project that was created and how many tasks it holds."""

    id: int
    title: str
    tasks: int


def review_tasks(
    plan: AdjudicationPlan,
    to_task: Callable[[Document], dict[str, Any]],
    to_results: Callable[[Document], list[dict[str, Any]]],
) -> list[dict[str, Any]]:
    """Import payloads: the document's text as the task, each annotator's version as a prediction."""
    tasks = []
    for disagreement in plan.disagreed:
        tasks.append(
            {
                "data": to_task(review_document(disagreement)),
                "predictions": [
                    {"model_version": annotator, "score": 1.0, "result": to_results(version)}
                    for annotator, version in disagreement.versions.items()
                ],
            }
        )
    return tasks


def push_review(
    client: Any,
    title: str,
    tasks: list[dict[str, Any]],
    label_config: str,
    instructions: str | None = None,
) -> ReviewProject:
    """Create the review project (refusing a title already in use) and import the tasks in batches.

    ``show_collab_predictions`` lets the reviewer see every annotator's version, not only the one
    whose model version matches the project's.
    """
    if len(title) < 3:
        raise InputError(f"project title {title!r} is too short (Label Studio needs at least 3 characters)")
    try:
        if any(p.title == title for p in client.projects.list()):
            raise InputError(f"a project titled {title!r} already exists; give the review project a new title")
        options: dict[str, Any] = {"title": title, "label_config": label_config, "show_collab_predictions": True}
        if instructions:
            options.update(expert_instruction=instructions, show_instruction=True)
        project = client.projects.create(**options)
        for start in range(0, len(tasks), BATCH):
            client.projects.import_tasks(id=project.id, request=tasks[start : start + BATCH], return_task_ids=True)
    except InputError:
        raise
    except Exception as error:  # the SDK raises its own ApiError and httpx errors
        raise LabelStudioError(f"Label Studio refused the review project: {str(error).splitlines()[0][:200]}") from None
    return ReviewProject(id=project.id, title=title, tasks=len(tasks))
