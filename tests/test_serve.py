"""``annotate serve`` + ``annotate connect`` against the real Label Studio and the real backend process.

A task imported through the API without a prediction gets the backend's prediction when it is
opened and through the "Retrieve predictions" action, span for span what ``annotate pre`` gives
and result for result what ``annotate push`` would import. A backend that is gone, or that never
answers, costs the reviewer nothing but the prediction.
"""

from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import pytest
from _serve_support import backend_process

from annotate.cli.pre import pre
from annotate.io import read_jsonl
from annotate.labelstudio.client import resolve_connection
from annotate.labelstudio.connect import connect, disconnect
from annotate.labelstudio.convert import document_to_results, prediction_score, results_to_document
from annotate.labelstudio.push import push_documents, task_data
from annotate.schema import Document

pytestmark = pytest.mark.labelstudio
DEV_GOLD = Path(__file__).parent / "data" / "dev_gold.jsonl"


def _bare(doc: Document) -> Document:
    return doc.model_copy(update={"claims": [], "sources": []})


def _pre(docs: list[Document], tmp_path: Path) -> dict[str, Document]:
    """What `annotate pre` writes for these texts."""
    source, out = tmp_path / "in.jsonl", tmp_path / "pre.jsonl"
    source.write_text("".join(_bare(d).to_json_line() + "\n" for d in docs), encoding="utf-8")
    pre([source], out, show_progress=False)
    return {doc.id: doc for doc in read_jsonl(out)}


def _predictions(client, task_id: int) -> list[dict]:
    return [p.model_dump() for p in client.predictions.list(task=task_id)]


def _eventually_predicted(client, project_id: int, task_id: int, attempts: int = 60) -> list[dict]:
    """The task's predictions, asking again through "Retrieve predictions" while it has none: on a busy
    machine a first request can outlast Label Studio's wait (the reviewer then simply retries), and
    whether a request is slow must not decide the test. Asking again never adds a second prediction."""
    for _ in range(attempts):
        predictions = _predictions(client, task_id)
        if predictions:
            return predictions
        client.actions.create(id="retrieve_tasks_predictions", project=project_id,
                              selected_items={"all": False, "included": [task_id]})
    return _predictions(client, task_id)


@pytest.fixture
def backend(labelstudio_server, tmp_path):
    with backend_process(tmp_path, resolve_connection(labelstudio_server.data_dir)) as url:
        yield url


def test_a_task_imported_without_prediction_gets_exactly_the_pre_annotation(ls_client, ls_title, backend, tmp_path):
    docs = read_jsonl(DEV_GOLD)[:6]
    expected = _pre(docs, tmp_path)
    pushed = push_documents(ls_client, [expected[docs[0].id]], ls_title)
    connected = connect(ls_client, ls_title, backend, timeout=30)
    assert connected.model_version == pushed.model_version  # the project keeps its version

    imported = ls_client.projects.import_tasks(
        id=pushed.project_id, request=[{"data": task_data(_bare(d))} for d in docs[1:]], return_task_ids=True)
    task_ids = imported.task_ids
    opened = task_ids[0]
    ls_client.tasks.get(id=opened)  # opening a task asks the backend for its prediction
    ls_client.actions.create(id="retrieve_tasks_predictions", project=pushed.project_id,
                             selected_items={"all": False, "included": task_ids[1:]})

    for task_id, doc in zip(task_ids, docs[1:]):
        predictions = _eventually_predicted(ls_client, pushed.project_id, task_id)
        assert len(predictions) == 1, f"task {task_id}"
        got = predictions[0]
        want = expected[doc.id]
        assert got["model_version"] == pushed.model_version
        assert got["result"] == document_to_results(want)
        assert got["score"] == pytest.approx(prediction_score(want))
        back = results_to_document(got["result"], doc.text, doc.id, keep_scores=True)
        assert back.model_dump(exclude={"meta"}) == want.model_dump(exclude={"meta"})
    first = ls_client.tasks.list(project=pushed.project_id, fields="all")
    pushed_task = next(t for t in first if t.data["document_id"] == docs[0].id)
    assert len(pushed_task.predictions) == 1  # the pushed task is not predicted twice

    removed = disconnect(ls_client, ls_title, backend)
    assert removed.removed == 1 and list(ls_client.ml.list(project=pushed.project_id)) == []


def test_the_backend_answers_what_push_would_import(backend, tmp_path):
    import httpx

    doc = read_jsonl(DEV_GOLD)[7]
    want = _pre([doc], tmp_path)[doc.id]
    answer = httpx.post(backend + "/predict", json={"tasks": [{"id": 1, "data": task_data(_bare(doc))}]}, timeout=30)
    assert answer.status_code == 200
    (prediction,) = answer.json()["results"]
    health = httpx.get(backend + "/health").json()
    assert prediction == {"model_version": health["model_version"], "score": prediction_score(want),
                          "result": document_to_results(want)}
    broken = httpx.post(backend + "/predict", json={"tasks": [{"id": 2, "data": {}}]}, timeout=30)
    assert broken.status_code == 422 and "has no text" in broken.json()["error"]


def _task_opens_without_prediction(client, project_id: int, text: str) -> None:
    (task_id,) = client.projects.import_tasks(id=project_id, request=[{"data": {"text": text}}],
                                              return_task_ids=True).task_ids
    task = client.tasks.get(id=task_id)  # Label Studio asks the backend, gives up, answers
    assert task.data["text"] == text
    assert _predictions(client, task_id) == []
    annotation = client.annotations.create(id=task_id, result=[], was_cancelled=False)  # the reviewer goes on
    assert annotation.id
    assert client.users.whoami().email


def test_a_stopped_backend_does_not_block_label_studio(ls_client, ls_project, labelstudio_server, tmp_path):
    with backend_process(tmp_path) as url:
        connect(ls_client, ls_project.title, url, timeout=5)
    _task_opens_without_prediction(ls_client, ls_project.id, "قال مصدر إن الاجتماع انتهى.")


class _SlowBackend(http.server.BaseHTTPRequestHandler):
    """A backend that is healthy but never finishes a prediction (until the test ends)."""

    release = threading.Event()

    def _answer(self, body: dict) -> None:
        payload = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self) -> None:  # /health
        self._answer({"status": "UP", "model_version": "slow"})

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.rstrip("/").endswith("/predict"):
            self.release.wait(120)
        self._answer({"model_version": "slow"})

    def log_message(self, *args) -> None:
        pass


def test_a_backend_that_never_answers_does_not_block_label_studio(ls_client, ls_project):
    slow = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SlowBackend)
    threading.Thread(target=slow.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{slow.server_address[1]}"
        ls_client.ml.create(project=ls_project.id, url=url, title="slow", timeout=2, is_interactive=False)
        _task_opens_without_prediction(ls_client, ls_project.id, "وأفادت مصادر محلية بأن الطريق أغلق.")
    finally:
        _SlowBackend.release.set()
        slow.shutdown()
        slow.server_close()


def test_connect_names_a_missing_backend_in_one_line(ls_client, ls_project):
    from annotate.errors import LabelStudioError
    from annotate.labelstudio.server import free_port

    with pytest.raises(LabelStudioError, match=r"no annotate ML backend answers at http://127\.0\.0\.1:\d+"):
        connect(ls_client, ls_project.title, f"http://127.0.0.1:{free_port()}")


def test_training_from_the_project_serves_a_new_lexicon_under_a_new_version(ls_client, ls_title, labelstudio_server,
                                                                            tmp_path):
    import time

    import httpx

    from annotate.authoring import document_from_spec

    texts = ["همس الوزير أحمد العلي بأن الاتفاق أصبح قريبا جدا.", "وهمس المسؤول خالد الناصر بأن الموعد تأجل إلى الشهر المقبل."]
    gold = [document_from_spec({"id": f"whisper-{i}", "text": text, "sources": [
        {"id": "s1", "text": text.split(" بأن")[0].split(" ", 1)[1], "type": "named_person", "entity": "e1"}],
        "claims": [{"text": text.split("بأن ")[1].rstrip("."), "kind": "indirect", "cue": text.split(" ")[0],
                    "source": "s1"}]}) for i, text in enumerate(texts)]
    shown = list(_pre(gold, tmp_path).values())
    assert all(not doc.claims for doc in shown)  # the built-in lists do not know همس
    pushed = push_documents(ls_client, shown, ls_title)
    for task in ls_client.tasks.list(project=pushed.project_id, fields="all"):
        doc = next(d for d in gold if d.id == task.data["document_id"])
        ls_client.annotations.create(id=task.id, result=document_to_results(doc), was_cancelled=False)
    connection = resolve_connection(labelstudio_server.data_dir)
    with backend_process(tmp_path, connection, "--min-count", "1") as url:
        before = httpx.get(url + "/health").json()["model_version"]
        connected = connect(ls_client, ls_title, url)
        ls_client.ml.train(id=connected.backend_id)  # Label Studio's "Start Training": a START_TRAINING webhook
        for _ in range(600):
            job = httpx.post(url + "/job_status", json={"job": 1}).json()
            if job.get("status") in ("done", "failed"):
                break
            time.sleep(0.2)
        assert job["status"] == "done", job
        assert job["model_version"] != before
        assert httpx.get(url + "/health").json()["model_version"] == job["model_version"]
        new = {"id": 9, "data": {"text": "همس النائب سامي بأن الجلسة ستعقد غدا."}}
        (prediction,) = httpx.post(url + "/predict", json={"tasks": [new]}, timeout=30).json()["results"]
        assert prediction["model_version"] == job["model_version"]
        claims = [r["value"]["text"] for r in prediction["result"] if r.get("value", {}).get("labels") == ["claim"]]
        assert claims == ["الجلسة ستعقد غدا"]
        (stored,) = (tmp_path / "state" / before).glob("learned-*/cues.yaml")  # kept for the next start
        learned = stored.read_text(encoding="utf-8")
        assert "- {forms: [همس, همست, همسوا], object: false}" in learned and "whisper-0" in learned
