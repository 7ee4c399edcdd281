"""The backend keeps what it learned: the real ``annotate serve`` process, trained, stopped, started again.

Trainings arrive through ``POST /train`` (the annotated tasks in the body, as older Label Studio
versions send them), two at once. Each learned lexicon is stored whole and private in the state
folder; after a restart the backend serves the newest one under the same model version and gives
the same predictions.
"""

from __future__ import annotations

import stat
import subprocess
import threading
from pathlib import Path

import httpx
from _serve_support import backend_process

from annotate.authoring import document_from_spec
from annotate.labelstudio.convert import document_to_results
from annotate.labelstudio.push import task_data
from annotate.learn.model import load_model

# Two verbs the built-in lists do not know, each in two reviewed documents.
TEXTS = {
    "همس": ["همس الوزير أحمد العلي بأن الاتفاق أصبح قريبا جدا.", "وهمس المسؤول خالد الناصر بأن الموعد تأجل إلى الشهر المقبل."],
    "غمغم": ["غمغم الوزير سعد الراشد بأن المشروع سيكتمل قريبا.", "وغمغم المدير فهد السالم بأن التقرير سينشر غدا."],
}
NEW = ["همس النائب سامي بأن الجلسة ستعقد غدا.", "غمغم النائب ماجد بأن الميزانية أقرت أمس."]


def _tasks(verb: str, first_id: int) -> list[dict]:
    """Label Studio tasks whose submitted annotation attributes the claim after بأن to the named person."""
    tasks = []
    for i, text in enumerate(TEXTS[verb]):
        doc = document_from_spec({"id": f"{verb}-{i}", "text": text, "sources": [
            {"id": "s1", "text": text.split(" بأن")[0].split(" ", 1)[1], "type": "named_person", "entity": "e1"}],
            "claims": [{"text": text.split("بأن ")[1].rstrip("."), "kind": "indirect", "cue": text.split(" ")[0],
                        "source": "s1"}]})
        tasks.append({"id": first_id + i, "data": task_data(doc),
                      "annotations": [{"id": first_id + i, "result": document_to_results(doc), "was_cancelled": False}]})
    return tasks


def _wait(url: str, job: int) -> dict:
    for _ in range(1200):
        found = httpx.post(url + "/job_status", json={"job": job}, timeout=30).json()
        if found.get("status") in ("done", "failed"):
            return found
        threading.Event().wait(0.2)
    return found


def _served(url: str) -> tuple[str, list[str], list[dict]]:
    """(health's model version, /versions, the predictions for NEW)."""
    health = httpx.get(url + "/health", timeout=30).json()["model_version"]
    versions = httpx.get(url + "/versions", timeout=30).json()["versions"]
    tasks = [{"id": 100 + i, "data": {"text": text}} for i, text in enumerate(NEW)]
    results = httpx.post(url + "/predict", json={"tasks": tasks}, timeout=60).json()["results"]
    return health, versions, results


def _claims(prediction: dict) -> list[str]:
    return [r["value"]["text"] for r in prediction["result"] if r.get("value", {}).get("labels") == ["claim"]]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_learned_lexicons_survive_a_restart_and_concurrent_trainings_keep_both(tmp_path):
    base = load_model().version
    store = tmp_path / "state" / base
    with backend_process(tmp_path, None, "--min-count", "1") as url:
        assert httpx.get(url + "/health").json()["model_version"] == base
        assert [_claims(p) for p in _served(url)[2]] == [[], []]  # neither verb is known yet

        answers: dict[str, dict] = {}
        def train(verb: str, first_id: int) -> None:
            answers[verb] = httpx.post(url + "/train", json={"annotations": _tasks(verb, first_id)}, timeout=60).json()
        threads = [threading.Thread(target=train, args=args) for args in (("همس", 1), ("غمغم", 11))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        jobs = {verb: _wait(url, answer["job"]) for verb, answer in answers.items()}
        assert all(job["status"] == "done" for job in jobs.values()), jobs

        folders = sorted(store.glob("learned-*"))
        assert [f.name for f in folders] == ["learned-000001", "learned-000002"]  # neither lost, none twice
        stored_versions = [load_model([f]).version for f in folders]
        assert sorted(stored_versions) == sorted(job["model_version"] for job in jobs.values())
        assert len(set(stored_versions)) == 2
        newest_verb = next(verb for verb, job in jobs.items() if job["model_version"] == stored_versions[-1])
        assert f"forms: [{newest_verb}, {newest_verb}ت, {newest_verb}وا]" in (folders[-1] / "cues.yaml").read_text(encoding="utf-8")

        assert _mode(tmp_path / "state") == _mode(store) == 0o700
        assert all(_mode(f) == 0o700 for f in folders)
        assert {_mode(p) for f in folders for p in f.iterdir()} == {0o600}
        assert not [p.name for p in store.iterdir() if p.name.endswith(".tmp")]

        # the same reviews again: the newest lexicon is not stored a second time
        again = httpx.post(url + "/train", json={"annotations": _tasks(newest_verb, 21)}, timeout=60).json()
        assert _wait(url, again["job"])["model_version"] == stored_versions[-1]
        assert len(list(store.glob("learned-*"))) == 2

        before = _served(url)
        assert before[0] == stored_versions[-1]
        assert before[1] == [base, *stored_versions]
        learned = [bool(_claims(p)) for p in before[2]]
        assert learned == [newest_verb == "همس", newest_verb == "غمغم"]  # the newest lexicon is served

    # a training killed half-way leaves a temporary folder (broken YAML): never read, removed on start
    dead = subprocess.Popen(["true"])
    dead.wait()
    killed = store / f".learned-x1y2.{dead.pid}.tmp"
    (killed / "lexicon").mkdir(parents=True)
    (killed / "lexicon" / "cues.yaml").write_text("verbs: [unclosed\n", encoding="utf-8")

    with backend_process(tmp_path, None, "--min-count", "1") as url:
        after = _served(url)
    assert after == before  # same model version, same version list, the same predictions
    assert not killed.exists()
