"""Export against the real server: annotators and annotations made through the API, a
schema-breaking annotation reported but not fatal, byte-identical re-export, and the round
trip pre-annotation -> push -> accept -> export on the dev gold set, whose predictions.jsonl must
be what was pushed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from _labelstudio_support import make_annotator, prediction_results, sample_documents, tasks_by_document
from typer.testing import CliRunner

from annotate.agreement.run import agreement
from annotate.cli import app
from annotate.io import atomic_writer, read_jsonl
from annotate.labelstudio import export as export_module
from annotate.labelstudio.convert import document_to_results
from annotate.labelstudio.export import export_project
from annotate.labelstudio.push import push_documents
from annotate.labelstudio.server import read_credentials
from annotate.schema import Document

pytestmark = pytest.mark.labelstudio

DEV_GOLD = Path(__file__).resolve().parent / "data" / "dev_gold.jsonl"
RECORD_KEYS = ["task_id", "document_id", "annotation_id", "annotator", "annotator_id", "created_at", "updated_at",
               "ground_truth", "lead_time", "document", "review"]


@pytest.fixture
def annotated_project(ls_client, ls_title):
    """Three tasks: doc-a annotated by two people (one of them edits), doc-b with one broken
    annotation and one ground truth, doc-c never annotated."""
    a, b = sample_documents()
    c = b.model_copy(update={"id": "doc-c", "sources": [], "claims": []})
    push_documents(ls_client, [a, b, c], ls_title)
    tasks = tasks_by_document(ls_client, _project_id(ls_client, ls_title))
    alice, bob = make_annotator(ls_client, "alice"), make_annotator(ls_client, "bob")

    accepted = prediction_results(tasks["doc-a"])
    ls_client.annotations.create(id=tasks["doc-a"].id, result=accepted, completed_by=alice.id, lead_time=31.5)
    edited = a.model_copy(update={
        "claims": [a.claims[0], a.claims[1].model_copy(update={"kind": "direct", "note": "quote marks missing"})],
    })
    ls_client.annotations.create(id=tasks["doc-a"].id, result=document_to_results(edited), completed_by=bob.id)

    broken = prediction_results(tasks["doc-b"])
    next(r for r in broken if r["id"] == "c_c1" and r["from_name"] == "label")["value"]["end"] += 3
    ls_client.annotations.create(id=tasks["doc-b"].id, result=broken, completed_by=alice.id)
    ls_client.annotations.create(id=tasks["doc-b"].id, result=prediction_results(tasks["doc-b"]),
                                 completed_by=bob.id, ground_truth=True)
    return {"title": ls_title, "alice": alice, "bob": bob, "tasks": tasks, "edited": edited}


def _project_id(client, title):
    from annotate.labelstudio.push import find_project

    return int(find_project(client, title).id)


def test_export_writes_the_contract_reports_problems_and_counts_empty_tasks(ls_client, annotated_project, tmp_path):
    result = export_project(ls_client, annotated_project["title"], tmp_path)
    assert (result.tasks, result.annotations, result.gold, result.without_annotations) == (3, 3, 2, 1)
    [problem] = result.problems
    assert problem.task_id == annotated_project["tasks"]["doc-b"].id
    assert "c_c1 (claim) offsets" in problem.reason and "but the annotation says" in problem.reason

    records = [json.loads(line) for line in (tmp_path / "annotations.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [list(r) for r in records] == [RECORD_KEYS] * 3
    by_user = {(r["document_id"], r["annotator"]): r for r in records}
    alice, bob = annotated_project["alice"].email, annotated_project["bob"].email
    first = by_user[("doc-a", alice)]
    assert first["lead_time"] == 31.5 and first["annotator_id"] == annotated_project["alice"].id
    assert set(first["review"].values()) == {"accepted"}
    assert by_user[("doc-a", bob)]["review"] == {"c1": "accepted", "c2": "changed", "s1": "accepted", "s2": "accepted"}
    assert Document.model_validate(by_user[("doc-a", bob)]["document"]).claims[1].note == "quote marks missing"
    assert by_user[("doc-b", bob)]["ground_truth"] is True

    gold = {d.id: d for d in read_jsonl(tmp_path / "gold.jsonl")}
    assert set(gold) == {"doc-a", "doc-b"}
    assert gold["doc-b"].meta["gold_from"] == "ground_truth" and gold["doc-b"].meta["annotators"] == [bob]
    assert gold["doc-a"].meta["gold_from"] == "majority"
    assert gold["doc-a"].meta["task_id"] == annotated_project["tasks"]["doc-a"].id
    card = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "| tasks without annotations (left out) | 1 |" in card and f"| {alice} | 1 |" in card
    assert "| pre-annotated documents | 3 |" in card and "## Adjudication" not in card
    assert f"| {problem.task_id} | {problem.annotation_id} |" in card
    [line] = [json.loads(x) for x in (tmp_path / "left_out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert line == {"task_id": problem.task_id, "annotation_id": problem.annotation_id, "kind": "annotation left out",
                    "reason": problem.reason}
    assert "B-CLAIM" in (tmp_path / "gold.conll").read_text(encoding="utf-8")


def test_exporting_twice_gives_byte_identical_files(ls_client, annotated_project, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    export_project(ls_client, annotated_project["title"], one)
    export_project(ls_client, annotated_project["title"], two)
    names = sorted(p.name for p in one.iterdir())
    assert names == ["README.md", "annotations.jsonl", "gold.conll", "gold.jsonl", "left_out.jsonl", "predictions.jsonl"]
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_cli_export_reports_left_out_annotations_on_stderr(ls_client, labelstudio_server, annotated_project, tmp_path,
                                                          monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", labelstudio_server.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", read_credentials(labelstudio_server.data_dir).api_key)
    run = CliRunner().invoke(app, ["export", "--project", annotated_project["title"], "-o", str(tmp_path)])
    assert run.exit_code == 0, run.output
    assert run.stdout.startswith("3 tasks: 3 annotations, 2 gold documents, 1 tasks without annotations, 1 annotations left out")
    assert "left out: task" in run.stderr and "but the annotation says" in run.stderr
    missing = CliRunner().invoke(app, ["export", "--project", "no such project", "-o", str(tmp_path / "x")])
    assert missing.exit_code == 3 and missing.stderr.strip() == "error: no project titled 'no such project' on this server"


def _with_scores(doc: Document, number: int) -> Document:
    """Pre-annotator confidences that are not all 1.0, so predictions.jsonl must carry them back."""
    score = lambda k: round(0.5 + ((number + k) % 7) / 14, 4)
    return doc.model_copy(update={
        "sources": [s.model_copy(update={"score": score(k)}) for k, s in enumerate(doc.sources)],
        "claims": [c.model_copy(update={"score": score(k + 3)}) for k, c in enumerate(doc.claims)],
    })


def test_round_trip_on_the_dev_gold_set(ls_client, ls_title, tmp_path):
    documents = read_jsonl(DEV_GOLD) if DEV_GOLD.exists() else sample_documents()
    documents = [_with_scores(doc, number) for number, doc in enumerate(documents)]
    push_documents(ls_client, documents, ls_title)
    annotator = make_annotator(ls_client, "accepter")
    for task in tasks_by_document(ls_client, _project_id(ls_client, ls_title)).values():
        ls_client.annotations.create(id=task.id, result=prediction_results(task), completed_by=annotator.id)
    result = export_project(ls_client, ls_title, tmp_path)
    assert result.problems == [] and result.gold == len(documents)
    exported = {d.id: d for d in read_jsonl(tmp_path / "gold.jsonl")}
    assert read_jsonl(tmp_path / "predictions.jsonl") == documents  # the pre-annotation shown, scores and all

    def canonical(doc: Document) -> Document:  # a human annotation carries no confidence scores
        return doc.model_copy(update={
            "meta": {}, "sources": [s.model_copy(update={"score": 1.0}) for s in doc.sources],
            "claims": [c.model_copy(update={"score": 1.0}) for c in doc.claims],
        })

    for doc in documents:
        assert canonical(exported[doc.id]) == canonical(doc), doc.id
        assert exported[doc.id].meta == {**doc.meta, "task_id": exported[doc.id].meta["task_id"],
                                         "annotators": [annotator.email], "gold_from": "single",
                                         "annotation_id": exported[doc.id].meta["annotation_id"]}


def test_a_deleted_claim_costs_only_that_claim_and_what_was_ignored_is_counted(ls_client, ls_title, tmp_path):
    """Issue 11.2: Label Studio removes a deleted claim's relations and answers but keeps its cue."""
    a, b = sample_documents()
    push_documents(ls_client, [a, b], ls_title)
    tasks = tasks_by_document(ls_client, _project_id(ls_client, ls_title))
    reviewer = make_annotator(ls_client, "deleter")
    kept = [r for r in prediction_results(tasks["doc-a"])
            if r.get("id") != "c_c1" and "c_c1" not in (r.get("from_id"), r.get("to_id"))]
    deleted = ls_client.annotations.create(id=tasks["doc-a"].id, result=kept, completed_by=reviewer.id)
    ls_client.annotations.create(id=tasks["doc-b"].id, result=prediction_results(tasks["doc-b"]), completed_by=reviewer.id)

    result = export_project(ls_client, ls_title, tmp_path)
    assert (result.problems, result.annotations, result.gold) == ([], 2, 2)
    [ignored] = result.ignored
    assert (ignored.task_id, ignored.annotation_id) == (tasks["doc-a"].id, deleted.id)
    assert ignored.reason.startswith("cue 'وأفاد' (0:5) introduces no claim: ignored (to keep it, select the cue, "
                                     "click Create Relation (Alt+R) and then its claim; otherwise delete the cue)")
    gold = {d.id: d for d in read_jsonl(tmp_path / "gold.jsonl")}
    assert [c.text for c in gold["doc-a"].claims] == ["الاجتماع انتهى"]
    assert [s.text for s in gold["doc-a"].sources] == ["مصدر خاص", "المصدر"]
    card = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "| annotations kept with dangling parts ignored | 1 |" in card
    assert f"| {ignored.task_id} | {deleted.id} | cue 'وأفاد' (0:5) introduces no claim: ignored" in card
    assert [json.loads(x)["kind"] for x in (tmp_path / "left_out.jsonl").read_text(encoding="utf-8").splitlines()] == [
        "part ignored"]

    run = agreement(tmp_path)
    expected = {"annotations_left_out": 0, "annotations_with_parts_ignored": 1, "parts_ignored": 1}
    assert run.report.left_out == expected
    assert json.loads((tmp_path / "agreement.json").read_text(encoding="utf-8"))["export_left_out"] == expected
    assert "1 dangling parts ignored in 1 annotations" in (tmp_path / "agreement.html").read_text(encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _annotate_the_empty_task(client, project) -> None:
    """A change on the server, so the next export differs from the previous one."""
    task = project["tasks"]["doc-c"]
    client.annotations.create(id=task.id, result=[], completed_by=project["bob"].id)


def test_an_export_failing_half_way_leaves_the_previous_export_whole(ls_client, annotated_project, tmp_path,
                                                                      monkeypatch):
    """Issue 11.5: the files change together or not at all; files the export does not write stay."""
    out = tmp_path / "export"
    export_project(ls_client, annotated_project["title"], out)
    (out / "agreement.json").write_text("{}\n", encoding="utf-8")  # written by `annotate agreement` into the folder
    before = _files(out)
    _annotate_the_empty_task(ls_client, annotated_project)
    written = []

    def full_disk_on_the_third_file(path, *args, **kwargs):
        written.append(path)
        if len(written) == 3:
            raise OSError(28, "No space left on device", str(path))
        return atomic_writer(path, *args, **kwargs)

    monkeypatch.setattr(export_module, "atomic_writer", full_disk_on_the_third_file)
    with pytest.raises(OSError, match="No space left"):
        export_project(ls_client, annotated_project["title"], out)
    assert _files(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["export"]  # no temporary folder left behind

    monkeypatch.undo()
    result = export_project(ls_client, annotated_project["title"], out)
    after = _files(out)
    assert result.gold == 3
    assert after["gold.jsonl"] != before["gold.jsonl"] and after["README.md"] != before["README.md"]
    assert after["agreement.json"] == b"{}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["export"]


KILLED_EXPORT = """
import os, sys
from annotate.labelstudio import export
from annotate.labelstudio.client import make_client
real, written = export.atomic_writer, []
def killed_on_the_third_file(path, *args, **kwargs):
    written.append(path)
    if len(written) == 3:
        os._exit(9)  # like kill -9: no cleanup runs
    return real(path, *args, **kwargs)
export.atomic_writer = killed_on_the_third_file
export.export_project(make_client(), sys.argv[1], sys.argv[2])
"""


def test_an_export_killed_half_way_leaves_the_previous_export_whole(ls_client, labelstudio_server, annotated_project,
                                                                     tmp_path):
    out = tmp_path / "export"
    export_project(ls_client, annotated_project["title"], out)
    before = _files(out)
    _annotate_the_empty_task(ls_client, annotated_project)
    env = {**os.environ, "LABEL_STUDIO_URL": labelstudio_server.url, "PYTHONPATH": str(Path(__file__).parents[1]),
           "LABEL_STUDIO_API_KEY": read_credentials(labelstudio_server.data_dir).api_key}
    killed = subprocess.run([sys.executable, "-c", KILLED_EXPORT, annotated_project["title"], str(out)], env=env,
                            cwd=tmp_path, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600)
    assert killed.returncode == 9, killed.stderr
    assert _files(out) == before
    [leftover] = [p for p in tmp_path.iterdir() if p.name != "export"]
    assert leftover.name.startswith(".export.") and leftover.name.endswith(".tmp")

    export_project(ls_client, annotated_project["title"], out)  # the next export cleans up after the killed one
    assert [p.name for p in tmp_path.iterdir()] == ["export"] and _files(out) != before
