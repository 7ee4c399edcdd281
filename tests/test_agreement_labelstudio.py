"""Agreement and adjudication against the real Label Studio server of the test session.

Three annotators, created through the API, annotate the same documents with known differences
(the corpus of tests/test_agreement_metrics.py, whose figures are computed by hand there). The
export is read back, the agreement figures must equal the hand-computed ones, and the review
project must hold exactly the disagreeing document, each annotator's version a prediction.
"""

from __future__ import annotations

import json

import pytest
from _labelstudio_support import make_annotator, tasks_by_document

from annotate.agreement.load import PRE_ANNOTATOR, Annotation
from annotate.agreement.metrics import compute_agreement
from annotate.agreement.review import adjudication
from annotate.agreement.run import agreement
from annotate.agreement.signature import same_annotation
from annotate.io import read_jsonl, write_jsonl
from annotate.labelstudio.convert import document_to_results, results_to_document
from annotate.labelstudio.export import export_project
from annotate.labelstudio.push import find_project, push_documents
from tests.test_agreement_metrics import ALONE, PRE, SAME, TEXT, A, B, C

pytestmark = pytest.mark.labelstudio

VERSIONS = [A, B, C, *SAME, ALONE]


@pytest.fixture(scope="module")
def annotated(ls_client, tmp_path_factory) -> dict:
    """Push d1-d3 with the pre-annotation, annotate as three new users, export."""
    title = f"agreement three annotators {id(ls_client) % 10000}"
    documents = {v.document.id: v.document.model_copy(update={"sources": [], "claims": []}) for v in VERSIONS}
    documents["d1"] = PRE.document
    push_documents(ls_client, list(documents.values()), title)
    project = find_project(ls_client, title)
    tasks = tasks_by_document(ls_client, int(project.id))
    users = {name: make_annotator(ls_client, name.split("@")[0]) for name in ("a@x.org", "b@x.org", "c@x.org")}
    for version in VERSIONS:
        ls_client.annotations.create(
            id=tasks[version.document.id].id,
            result=document_to_results(version.document),
            completed_by=users[version.annotator].id,
        )
    folder = tmp_path_factory.mktemp("agreement-export")
    export_project(ls_client, title, folder)
    write_jsonl([PRE.document], folder / "pre.jsonl")
    return {"title": title, "folder": folder, "emails": {k: u.email for k, u in users.items()}}


def test_exported_agreement_equals_hand_computed(annotated) -> None:
    emails = annotated["emails"]
    run = agreement(annotated["folder"], annotated["folder"] / "pre.jsonl")
    report = run.report
    assert report.annotators == sorted(emails.values())
    pair = {(p.a, p.b): p for p in report.pairs}
    a, b, c = emails["a@x.org"], emails["b@x.org"], emails["c@x.org"]
    ab, ac = pair[tuple(sorted((a, b)))], pair[tuple(sorted((a, c)))]
    assert ab.spans["claims"]["exact"].f1 == pytest.approx(4 / 6)
    assert ab.spans["claims"]["overlap"].f1 == pytest.approx(1.0)
    assert ab.kappa()["source_type"].value == pytest.approx(0.5)
    assert ac.spans["sources"]["overlap"].f1 == pytest.approx(4 / 5)
    assert (ac.attribution_agree, ac.attribution_compared) == (1, 2)
    pre = pair[(a, PRE_ANNOTATOR)].spans["claims"]["overlap"]
    assert (pre.matched, pre.a, pre.b) == (1, 2, 1)
    d1 = report.documents[0]
    assert d1.id == "d1" and d1.score == pytest.approx((10 / 12 + 6 / 9 + 6 / 9) / 3)
    assert report.alpha_attributes["source_type"].value == pytest.approx(1 - 14 / 38)
    # and every other figure equals the report on the local documents, annotators renamed
    local = compute_agreement(
        [Annotation(annotator=emails[v.annotator], document=v.document) for v in VERSIONS],
        [Annotation(annotator=PRE_ANNOTATOR, document=PRE.document)],
    )
    exported = json.loads(run.json_path.read_text(encoding="utf-8"))
    assert exported == json.loads(json.dumps(local.to_json()))


def test_review_project_holds_exactly_the_disagreeing_documents(annotated, ls_client) -> None:
    emails = annotated["emails"]
    title = f"{annotated['title']} (review)"
    run = adjudication(annotated["folder"], title, client=ls_client)
    assert (run.project.created, run.project.already_there) == (1, 0)
    tasks = tasks_by_document(ls_client, run.project.id)
    assert sorted(tasks) == ["d1"]
    task = tasks["d1"]
    assert task.data["text"] == TEXT
    assert task.data["meta"]["adjudication"] == {"status": "review", "annotators": sorted(emails.values())}
    predictions = [p if isinstance(p, dict) else p.model_dump() for p in task.predictions]
    by_version = {p["model_version"]: p for p in predictions}
    assert sorted(by_version) == sorted(emails.values())
    for version in (A, B, C):
        shown = results_to_document(by_version[emails[version.annotator]]["result"], TEXT, "d1")
        assert same_annotation(shown, version.document)
    assert find_project(ls_client, title).show_collab_predictions
    assert [d.id for d in read_jsonl(run.agreed_path)] == ["d2", "d3"]
    manifest = json.loads(run.manifest_path.read_text(encoding="utf-8"))
    assert manifest["review"] == [{"id": "d1", "annotators": sorted(emails.values())}]
    # a second run adds nothing
    again = adjudication(annotated["folder"], title, client=ls_client)
    assert (again.project.created, again.project.already_there) == (0, 1)
    assert sorted(tasks_by_document(ls_client, run.project.id)) == ["d1"]
