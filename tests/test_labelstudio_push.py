"""Push against the real server: idempotent, versioned predictions, exact offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from _labelstudio_support import make_annotator, prediction_results, sample_documents, tasks_by_document
from typer.testing import CliRunner

from annotate.agreement.run import agreement
from annotate.authoring import document_from_spec
from annotate.cli import app
from annotate.errors import InputError
from annotate.io import read_jsonl, write_jsonl
from annotate.labelstudio.export import export_project
from annotate.labelstudio.push import find_project, push_documents
from annotate.labelstudio.server import read_credentials

pytestmark = pytest.mark.labelstudio

DEV_GOLD = Path(__file__).resolve().parent / "data" / "dev_gold.jsonl"

# Everything that can shift offsets: emoji (one with a skin-tone modifier), CRLF, double spaces,
# tatweel, diacritics, Latin inside Arabic.
TRICKY_TEXT = (
    "عاجل 🔴👍🏽 وقال المتحدث باسم الخارجية ناصر كنعانـــي لوكالة Reuters إنّ \"الوفدَ وصلَ إلى دمشق  اليوم\".\r\n"
    "وأفادت مصادر محلية  بأن قصفاً استهدف قرية الدحلة 🙏🏾 صباحاً.\r\n"
)


def tricky_document():
    """The offsets test's document, built from strings."""
    return document_from_spec({
        "id": "tricky-offsets",
        "text": TRICKY_TEXT,
        "sources": [
            {"id": "s1", "text": "المتحدث باسم الخارجية ناصر كنعانـــي", "type": "named_person", "affiliation": "iran",
             "entity": "e1"},
            {"id": "s2", "text": "Reuters", "type": "media", "entity": "e2"},
            {"id": "s3", "text": "مصادر محلية", "type": "local", "entity": "e3"},
        ],
        "claims": [
            {"text": "الوفدَ وصلَ إلى دمشق  اليوم", "kind": "direct", "cue": "وقال", "source": "s1"},
            {"text": "قصفاً استهدف قرية الدحلة 🙏🏾 صباحاً", "kind": "indirect", "cue": "وأفادت", "source": "s3",
             "check_worthy": True},
        ],
    })


def _visible(task, project) -> list[dict]:
    """The predictions Label Studio shows annotators: those of the project's model version."""
    return [p for p in (x.model_dump() for x in task.predictions) if p["model_version"] == project.model_version]


def test_push_twice_creates_no_duplicates_and_only_a_changed_document_gets_a_new_prediction(ls_client, ls_title):
    docs = sample_documents()
    first = push_documents(ls_client, docs, ls_title)
    assert (first.created, first.predicted, first.unchanged) == (2, 0, 0)
    again = push_documents(ls_client, docs, ls_title)
    assert (again.created, again.predicted, again.unchanged, again.model_version) == (0, 0, 2, first.model_version)
    assert len(tasks_by_document(ls_client, first.project_id)) == 2

    changed = [docs[0], docs[1].model_copy(update={"claims": [docs[1].claims[0].model_copy(update={"kind": "direct"})]})]
    third = push_documents(ls_client, changed, ls_title)
    assert (third.created, third.predicted, third.unchanged, third.model_version) == (0, 1, 1, first.model_version)
    tasks = tasks_by_document(ls_client, first.project_id)
    project = ls_client.projects.get(first.project_id)
    assert project.model_version == first.model_version
    assert len(tasks) == 2 and len(tasks["doc-a"].predictions) == 1  # unchanged: nothing new
    assert sorted(p.model_version for p in tasks["doc-b"].predictions) == [
        first.model_version, first.model_version + " superseded"]
    [shown] = _visible(tasks["doc-b"], project)  # one tab: the new pre-annotation
    assert {"id": "c_c1", "from_name": "kind", "to_name": "text", "type": "choices",
            "value": {"start": changed[1].claims[0].start, "end": changed[1].claims[0].end, "choices": ["direct"]}} in shown["result"]


def test_a_second_batch_keeps_the_first_batchs_predictions_shown_exported_and_compared(ls_client, ls_title, tmp_path):
    """Issue 11.1: push 9 documents, then 3 of them again unchanged, then one changed and two new ones."""
    nine = read_jsonl(DEV_GOLD)[:9]
    first = push_documents(ls_client, nine, ls_title)
    second = push_documents(ls_client, nine[6:], ls_title)
    assert (second.created, second.predicted, second.unchanged, second.model_version) == (0, 0, 3, first.model_version)
    project = find_project(ls_client, ls_title)
    assert project.model_version == first.model_version
    tasks = tasks_by_document(ls_client, first.project_id)
    assert {doc_id: len(task.predictions) for doc_id, task in tasks.items()} == {doc.id: 1 for doc in nine}
    assert all(len(_visible(task, project)) == 1 for task in tasks.values())

    annotator = make_annotator(ls_client, "batch")
    for doc in nine[:2]:  # earlier tasks, annotated from the prediction they show
        ls_client.annotations.create(id=tasks[doc.id].id, result=prediction_results(tasks[doc.id]), completed_by=annotator.id)
    export_project(ls_client, ls_title, tmp_path / "export")
    assert read_jsonl(tmp_path / "export" / "predictions.jsonl") == nine
    assert "| pre-annotated documents | 9 |" in (tmp_path / "export" / "README.md").read_text(encoding="utf-8")
    run = agreement(tmp_path / "export")
    [with_pre] = [pair for pair in run.report.pairs if pair.with_pre_annotator]
    assert with_pre.documents == 2

    edited = nine[0].model_copy(update={"claims": nine[0].claims[1:]})
    extra = [doc.model_copy(update={"id": doc.id + "-copy"}) for doc in nine[:2]]
    third = push_documents(ls_client, [edited, *nine[1:], *extra], ls_title)
    assert (third.created, third.predicted, third.unchanged, third.model_version) == (2, 1, 8, first.model_version)
    project = find_project(ls_client, ls_title)
    tasks = tasks_by_document(ls_client, first.project_id)
    assert all(len(_visible(task, project)) == 1 for task in tasks.values()) and len(tasks) == 11
    assert read_jsonl_prediction(tasks[edited.id], project, edited) == edited


def read_jsonl_prediction(task, project, doc):
    from annotate.labelstudio.convert import results_to_document

    [shown] = _visible(task, project)
    return results_to_document(shown["result"], doc.text, doc.id, doc.meta, keep_scores=True)


def test_an_explicit_new_model_version_may_not_hide_other_tasks_predictions(ls_client, ls_title):
    docs = sample_documents()
    first = push_documents(ls_client, docs, ls_title)
    with pytest.raises(InputError, match="would hide the pre-annotations of its 1 tasks not in this file"):
        push_documents(ls_client, docs[:1], ls_title, model_version="rules-v2")
    switched = push_documents(ls_client, docs, ls_title, model_version="rules-v2")
    assert (switched.predicted, switched.model_version) == (2, "rules-v2") and first.model_version != "rules-v2"
    project = find_project(ls_client, ls_title)
    assert all(len(_visible(t, project)) == 1 for t in tasks_by_document(ls_client, first.project_id).values())


def test_push_refuses_a_known_document_whose_text_changed(ls_client, ls_title):
    doc = sample_documents()[1]
    push_documents(ls_client, [doc], ls_title)
    edited = doc.model_copy(update={"text": doc.text + " ", "claims": [], "sources": []})
    with pytest.raises(InputError, match="'doc-b' is already task \\d+ .* with a different text"):
        push_documents(ls_client, [edited], ls_title)


def test_a_new_affiliation_is_added_to_the_interface_and_never_dropped(ls_client, ls_title):
    doc = sample_documents()[1]
    odd = doc.model_copy(update={"id": "odd", "sources": [doc.sources[0].model_copy(update={"affiliation": "hezbollah"})]})
    push_documents(ls_client, [odd], ls_title)
    push_documents(ls_client, [doc], ls_title)
    assert '<Choice value="hezbollah"/>' in find_project(ls_client, ls_title).label_config


def test_offsets_land_exactly_with_emoji_crlf_tatweel_and_diacritics(ls_client, ls_title):
    doc = tricky_document()
    assert "\r\n" in doc.text and "  " in doc.text and "ـ" in doc.text and "🏽" in doc.text
    result = push_documents(ls_client, [doc], ls_title)
    task = tasks_by_document(ls_client, result.project_id)[doc.id]
    assert task.data["text"] == doc.text  # stored unchanged, CRLF included
    regions = [r for r in prediction_results(task) if r.get("from_name") == "label"]
    expected = sorted([s.text for s in doc.sources] + [c.text for c in doc.claims] + [c.cue.text for c in doc.claims])
    assert sorted(r["value"]["text"] for r in regions) == expected
    for region in regions:
        assert doc.text[region["value"]["start"]:region["value"]["end"]] == region["value"]["text"]


def test_cli_push_reads_the_environment_and_reports_counts(ls_client, labelstudio_server, ls_title, tmp_path, monkeypatch):
    path = tmp_path / "pre.jsonl"
    write_jsonl(sample_documents(), path)
    monkeypatch.setenv("LABEL_STUDIO_URL", labelstudio_server.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", read_credentials(labelstudio_server.data_dir).api_key)
    runner = CliRunner()
    first = runner.invoke(app, ["push", str(path), "--project", ls_title])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("2 new tasks, 0 tasks with a new prediction, 0 unchanged")
    second = runner.invoke(app, ["push", str(path), "--project", ls_title])
    assert second.stdout.startswith("0 new tasks, 0 tasks with a new prediction, 2 unchanged")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "abc", "claims": [{"id": "c1", "start": 0, "end": 2, "text": "ab", '
                   '"kind": "direct", "source": "s9"}]}\n', encoding="utf-8")
    failed = runner.invoke(app, ["push", str(bad), "--project", ls_title])
    assert failed.exit_code == 2 and "bad.jsonl:1" in failed.stderr and "Traceback" not in failed.output


def test_overlap_makes_every_task_go_to_that_many_annotators(ls_client, labelstudio_server, ls_title, tmp_path,
                                                             monkeypatch):
    """Issue 11.14: blind double annotation needs maximum_annotations = N with 100 % overlap."""
    path = tmp_path / "pre.jsonl"
    write_jsonl(sample_documents(), path)
    monkeypatch.setenv("LABEL_STUDIO_URL", labelstudio_server.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", read_credentials(labelstudio_server.data_dir).api_key)
    run = CliRunner().invoke(app, ["push", str(path), "--project", ls_title, "--overlap", "2"])
    assert run.exit_code == 0, run.output
    assert "each task goes to 2 annotators" in run.stdout
    project = find_project(ls_client, ls_title)
    assert (project.maximum_annotations, project.overlap_cohort_percentage) == (2, 100)
    again = CliRunner().invoke(app, ["push", str(path), "--project", ls_title])  # not given: kept
    assert again.exit_code == 0 and find_project(ls_client, ls_title).maximum_annotations == 2
    bad = CliRunner().invoke(app, ["push", str(path), "--project", ls_title, "--overlap", "0"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
