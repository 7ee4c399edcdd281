"""Adjudication: which documents need a reviewer, and what agreed gold looks like."""

from __future__ import annotations

import json
from pathlib import Path

from annotate.agreement.adjudicate import plan_adjudication, review_document, write_plan
from annotate.io import read_jsonl
from tests.test_agreement_metrics import ALONE, SAME, A, B, C, _ann


def test_plan_splits_agreed_and_disagreeing() -> None:
    plan = plan_adjudication([A, B, C, *SAME, ALONE])
    assert [d.document_id for d in plan.disagreed] == ["d1"]
    assert sorted(plan.disagreed[0].versions) == ["a@x.org", "b@x.org", "c@x.org"]
    assert [d.id for d in plan.agreed] == ["d2", "d3"]
    assert plan.agreed[0].meta["adjudication"] == {"status": "agreed", "annotators": ["a@x.org", "b@x.org", "c@x.org"]}
    assert plan.agreed[1].meta["adjudication"] == {"status": "single", "annotators": ["a@x.org"]}
    assert plan.single == ["d3"]
    assert plan.agreed[0].claims == SAME[0].document.claims


def test_ids_and_notes_do_not_make_a_disagreement() -> None:
    renamed = A.document.model_copy(
        update={
            "sources": [s.model_copy(update={"id": f"x{s.id}", "entity": f"y{s.entity}"}) for s in A.document.sources],
            "claims": [c.model_copy(update={"id": f"k{c.id}", "source": f"x{c.source}", "note": "checked"})
                       for c in reversed(A.document.claims)],
        }
    )
    plan = plan_adjudication([A, _ann("z@x.org", [], [])])
    assert [d.document_id for d in plan.disagreed] == ["d1"]
    again = plan_adjudication([A, type(A)(annotator="z@x.org", document=renamed)])
    assert again.disagreed == [] and [d.id for d in again.agreed] == ["d1"]


def test_same_spans_other_entity_is_a_disagreement() -> None:
    # b links the second claim to the first source: spans equal, attribution differs.
    flew = {"text": "الطائرات حلقت فوق المدينة", "kind": "indirect", "cue": "وقال", "source": "s1"}
    arrived = {"text": "القوات وصلت إلى المطار", "kind": "direct", "cue": "وأفاد", "source": "s1"}
    secret = {"id": "s1", "text": "مصدر خاص", "type": "anonymous", "entity": "e1"}
    activists = {"id": "s2", "text": "ناشطون", "type": "local", "entity": "e2"}
    other = _ann("b@x.org", [secret, activists], [arrived, flew])
    assert [d.document_id for d in plan_adjudication([A, other]).disagreed] == ["d1"]


def test_review_document_and_files(tmp_path: Path) -> None:
    plan = plan_adjudication([A, B, C, *SAME, ALONE])
    review = review_document(plan.disagreed[0])
    assert review.text == A.document.text and review.claims == [] and review.sources == []
    assert review.meta["adjudication"] == {"status": "review", "annotators": ["a@x.org", "b@x.org", "c@x.org"]}
    agreed, manifest = write_plan(plan, tmp_path, {"id": 7, "title": "T (review)"})
    assert [d.id for d in read_jsonl(agreed)] == ["d2", "d3"]
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data["project"] == {"id": 7, "title": "T (review)"}
    assert data["review"] == [{"id": "d1", "annotators": ["a@x.org", "b@x.org", "c@x.org"]}]
    assert [d["status"] for d in data["agreed"]] == ["agreed", "single"]
