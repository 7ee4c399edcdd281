"""Push against the real server: idempotent, versioned predictions, exact offsets."""

from __future__ import annotations

import pytest
from _labelstudio_support import prediction_results, sample_documents, tasks_by_document
from typer.testing import CliRunner

from annotate.authoring import document_from_spec
from annotate.cli import app
from annotate.errors import InputError
from annotate.io import write_jsonl
from annotate.labelstudio.push import find_project, push_documents
from annotate.labelstudio.server import read_credentials

pytestmark = pytest.mark.labelstudio

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


def test_push_twice_creates_no_duplicates_and_a_changed_file_adds_a_new_version(ls_client, ls_title):
    docs = sample_documents()
    first = push_documents(ls_client, docs, ls_title)
    assert (first.created, first.predicted, first.unchanged) == (2, 0, 0)
    again = push_documents(ls_client, docs, ls_title)
    assert (again.created, again.predicted, again.unchanged, again.model_version) == (0, 0, 2, first.model_version)
    assert len(tasks_by_document(ls_client, first.project_id)) == 2

    changed = [docs[0], docs[1].model_copy(update={"claims": [docs[1].claims[0].model_copy(update={"kind": "direct"})]})]
    third = push_documents(ls_client, changed, ls_title)
    assert third.model_version != first.model_version
    assert (third.created, third.predicted, third.unchanged) == (0, 2, 0)
    tasks = tasks_by_document(ls_client, first.project_id)
    assert len(tasks) == 2
    assert sorted(p["model_version"] for p in (x.model_dump() for x in tasks["doc-b"].predictions)) == sorted(
        [first.model_version, third.model_version])
    newest = prediction_results(tasks["doc-b"])
    assert {"id": "c_c1", "from_name": "kind", "to_name": "text", "type": "choices",
            "value": {"start": changed[1].claims[0].start, "end": changed[1].claims[0].end, "choices": ["direct"]}} in newest
    assert ls_client.projects.get(first.project_id).model_version == third.model_version  # annotators see the new one


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
