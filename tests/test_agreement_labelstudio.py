"""Agreement and adjudication against the real Label Studio server of the test session.

Three annotators, created through the API, annotate the same documents with known differences
(the corpus of tests/test_agreement_metrics.py, whose figures are computed by hand there). The
export is read back, the agreement figures must equal the hand-computed ones, the export's
predictions.jsonl must be what was pushed, and the review project must hold the disagreeing
document as a review task (each annotator's version a prediction) and the agreed ones as ground
truth. A reviewer created through the API then adjudicates, and exporting the review project gives
the final gold: every document once, with a card naming the reviewer.
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
    return {"title": title, "folder": folder, "emails": {k: u.email for k, u in users.items()},
            "pushed": list(documents.values())}


@pytest.fixture(scope="module")
def review(annotated, ls_client):
    """The review project built once from the export (the tests below look at it in turn)."""
    return adjudication(annotated["folder"], f"{annotated['title']} (review)", client=ls_client)


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
    nothing = {"annotations_left_out": 0, "annotations_with_parts_ignored": 0, "parts_ignored": 0}
    assert exported.pop("export_left_out") == nothing  # read from the export's left_out.jsonl
    assert exported == {k: v for k, v in json.loads(json.dumps(local.to_json())).items() if k != "export_left_out"}


def test_export_writes_the_pushed_pre_annotation_and_agreement_reads_it(annotated, tmp_path) -> None:
    predictions = annotated["folder"] / "predictions.jsonl"
    assert read_jsonl(predictions) == annotated["pushed"]
    run = agreement(annotated["folder"], out=tmp_path)  # no --predictions: DIR/predictions.jsonl
    assert run.predictions == predictions
    pre = {p.a: p for p in run.report.pairs if p.b == PRE_ANNOTATOR}
    assert sorted(pre) == sorted(annotated["emails"].values())
    assert pre[annotated["emails"]["a@x.org"]].documents == 3  # d1 with a claim, d2 and d3 pushed empty


def test_review_project_holds_the_disagreeing_documents_for_review(annotated, review, ls_client) -> None:
    emails = annotated["emails"]
    title, run = review.project.title, review
    assert (run.project.created, run.project.agreed_created, run.project.already_there) == (1, 2, 0)
    tasks = tasks_by_document(ls_client, run.project.id)
    assert sorted(tasks) == ["d1", "d2", "d3"]
    assert [d for d, t in sorted(tasks.items()) if t.predictions] == ["d1"]
    for doc_id, version in (("d2", SAME[0]), ("d3", ALONE)):  # agreed: gold already, as ground truth
        [truth] = [a if isinstance(a, dict) else a.model_dump() for a in tasks[doc_id].annotations]
        assert truth["ground_truth"] and not tasks[doc_id].predictions
        assert results_to_document(truth["result"], version.document.text, doc_id) == version.document
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
    assert (again.project.created, again.project.agreed_created, again.project.already_there) == (0, 0, 3)
    assert sorted(tasks_by_document(ls_client, run.project.id)) == ["d1", "d2", "d3"]


def _gold(folder) -> dict:
    return {d.id: d for d in read_jsonl(folder / "gold.jsonl")}


def test_exporting_the_review_project_gives_the_final_gold(annotated, review, ls_client, tmp_path) -> None:
    emails = annotated["emails"]
    compared = ", ".join(sorted(emails.values()))
    before = export_project(ls_client, review.project.title, tmp_path / "before")
    assert sorted(_gold(tmp_path / "before")) == ["d2", "d3"] and before.without_annotations == 1
    assert "Awaiting review: d1." in (tmp_path / "before" / "README.md").read_text(encoding="utf-8")

    reviewer = make_annotator(ls_client, "reviewer")
    fixed = A.document.model_copy(update={"claims": [  # a's version, the first claim judged check-worthy
        A.document.claims[0].model_copy(update={"check_worthy": True}), *A.document.claims[1:]]})
    for task in tasks_by_document(ls_client, review.project.id).values():
        if task.predictions:  # a review task
            ls_client.annotations.create(id=task.id, result=document_to_results(fixed), completed_by=reviewer.id)
    result = export_project(ls_client, review.project.title, tmp_path / "after")
    assert (result.tasks, result.gold, result.without_annotations, result.problems) == (3, 3, 0, [])
    lines = (tmp_path / "after" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = _gold(tmp_path / "after")
    assert len(lines) == 3 and sorted(gold) == ["d1", "d2", "d3"]  # every document exactly once
    without_meta = lambda doc: doc.model_copy(update={"meta": {}})
    assert without_meta(gold["d1"]) == fixed  # the reviewer's
    assert without_meta(gold["d2"]) == SAME[0].document and without_meta(gold["d3"]) == ALONE.document  # the agreed
    assert gold["d1"].meta["adjudication"] == {"status": "review", "annotators": sorted(emails.values())}
    assert gold["d1"].meta["annotators"] == [reviewer.email] and gold["d2"].meta["gold_from"] == "ground_truth"
    assert gold["d2"].meta["adjudication"]["status"] == "agreed" and gold["d3"].meta["adjudication"]["status"] == "single"
    assert (tmp_path / "after" / "predictions.jsonl").read_text(encoding="utf-8") == ""  # annotators' versions, not a pre-annotation
    card = (tmp_path / "after" / "README.md").read_text(encoding="utf-8")
    assert "1 documents were adjudicated by a reviewer" in card and "2 went straight to gold" in card
    assert f"| d1 | adjudicated | {reviewer.email} | {compared} |" in card
    assert f"| d2 | straight to gold (agreed) | - | {compared} |" in card
    assert f"| d3 | straight to gold (one annotator) | - | {emails['a@x.org']} |" in card
    assert "Awaiting review" not in card and "Pre-annotations shown to annotators: none (a review project" in card
