"""Helpers for the Label Studio tests: the session server and annotating through the API."""

from __future__ import annotations

import itertools
from typing import Any

from label_studio_sdk.client import LabelStudio

from annotate.authoring import document_from_spec
from annotate.schema import Document

_counter = itertools.count(1)


def unique_title(prefix: str) -> str:
    """A project title no other test uses (projects outlive tests on the session server)."""
    return f"{prefix} {next(_counter)}"


def tasks_by_document(client: LabelStudio, project_id: int) -> dict[str, Any]:
    """document id -> task (with predictions and annotations)."""
    return {t.data["document_id"]: t for t in client.tasks.list(project=project_id, fields="all")}


def prediction_results(task: Any) -> list[dict[str, Any]]:
    """The result list of a task's newest prediction, as plain dicts."""
    predictions = [p if isinstance(p, dict) else p.model_dump() for p in task.predictions]
    return max(predictions, key=lambda p: p["id"])["result"]


def make_annotator(client: LabelStudio, name: str) -> Any:
    """A new annotator account (created with the API, as the issue asks)."""
    number = next(_counter)
    return client.users.create(username=f"{name}{number}", email=f"{name}{number}@example.com", first_name=name)


def sample_documents() -> list[Document]:
    """Two short documents built from strings (the way gold is written)."""
    specs = [
        {
            "id": "doc-a",
            "text": 'وأفاد مصدر خاص بأن "القوات وصلت إلى المطار". وأكد المصدر أن الاجتماع انتهى.',
            "sources": [
                {"id": "s1", "text": "مصدر خاص", "type": "anonymous", "entity": "e1"},
                {"id": "s2", "text": "المصدر", "type": "anonymous", "entity": "e1", "nth": 1},
            ],
            "claims": [
                {"text": "القوات وصلت إلى المطار", "kind": "direct", "cue": "وأفاد", "source": "s1"},
                {"text": "الاجتماع انتهى", "kind": "indirect", "cue": "وأكد", "source": "s2", "check_worthy": True},
            ],
        },
        {
            "id": "doc-b",
            "text": "قالت وكالة سانا إن الجيش سيطر على القرية، بحسب بيان وزارة الدفاع.",
            "sources": [
                {"id": "s1", "text": "وكالة سانا", "type": "media", "affiliation": "regime", "entity": "e1"},
            ],
            "claims": [{"text": "الجيش سيطر على القرية", "kind": "indirect", "cue": "قالت", "source": "s1"}],
        },
    ]
    return [document_from_spec(spec) for spec in specs]


def review_through_api(client: LabelStudio, project_id: int, reviewer: Any) -> dict[str, int]:
    """A review pass through the API over the project's tasks in id order: the first task's
    prediction accepted by ``reviewer``, the second's with its first claim deleted (its cue left
    dangling, as Label Studio leaves it), the third accepted twice (reviewer and admin, the admin's
    marked ground truth), the fourth skipped (cancelled); the rest never annotated.
    Returns how many annotations of each kind were made."""
    tasks = sorted(client.tasks.list(project=project_id, fields="all"), key=lambda t: t.id)
    first, second, third, fourth = tasks[:4]
    client.annotations.create(id=first.id, result=prediction_results(first), completed_by=reviewer.id, lead_time=12.5)
    results = prediction_results(second)
    claim = next(r["id"] for r in results if r["id"].startswith("c_"))
    kept = [r for r in results if r.get("id") != claim and claim not in (r.get("from_id"), r.get("to_id"))]
    client.annotations.create(id=second.id, result=kept, completed_by=reviewer.id)
    client.annotations.create(id=third.id, result=prediction_results(third), completed_by=reviewer.id)
    admin = client.users.whoami().id
    client.annotations.create(id=third.id, result=prediction_results(third), completed_by=admin, ground_truth=True)
    client.annotations.create(id=fourth.id, result=[], completed_by=reviewer.id, was_cancelled=True)
    return {"submitted": 4, "cancelled": 1}
