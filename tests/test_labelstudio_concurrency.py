"""Two pushes of the same file at once (issue 11.3): real processes against the session's server.

Both processes import everything first and wait at a barrier (a file the test creates), so their
pushes start together; the test then checks the end state only (no timing): one project, each
document once, each task with exactly one prediction. The safety net for pushes from two machines
(which no file lock can serialise) is tested directly: a twin project or twin tasks are removed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from _labelstudio_support import sample_documents, tasks_by_document

from annotate.io import read_jsonl, write_jsonl
from annotate.labelstudio.config import label_config, project_instructions
from annotate.labelstudio.push import (
    _create_project,
    _projects_titled,
    _remove_duplicate_tasks,
    find_project,
    task_data,
)
from annotate.labelstudio.server import read_credentials

pytestmark = pytest.mark.labelstudio

ROOT = Path(__file__).resolve().parents[1]
DEV_GOLD = ROOT / "tests" / "data" / "dev_gold.jsonl"
LAUNCHER = """
import sys, time
from pathlib import Path
from annotate.cli import load_commands, main
load_commands(("push",))  # the command (and the Label Studio SDK) imported before the barrier, so both start pushing together
go = Path(sys.argv[1])
while not go.exists():
    time.sleep(0.005)
sys.argv = ["annotate", "push", *sys.argv[2:]]
main()
"""


def test_two_pushes_of_one_file_at_once_make_one_project_and_each_task_once(labelstudio_server, ls_client, ls_title,
                                                                             tmp_path):
    documents = read_jsonl(DEV_GOLD)[:30]
    path = tmp_path / "pre.jsonl"
    write_jsonl(documents, path)
    go = tmp_path / "go"
    env = {**os.environ, "LABEL_STUDIO_URL": labelstudio_server.url, "PYTHONPATH": str(ROOT),
           "LABEL_STUDIO_API_KEY": read_credentials(labelstudio_server.data_dir).api_key,
           "ANNOTATE_LOCK_DIR": str(tmp_path / "locks")}
    runs = [
        subprocess.Popen([sys.executable, "-c", LAUNCHER, str(go), str(path), "--project", ls_title], env=env,
                         cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
        for _ in range(2)
    ]
    go.touch()
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0, err
        assert "Traceback" not in err
    assert len(_projects_titled(ls_client, ls_title)) == 1
    tasks = list(ls_client.tasks.list(project=find_project(ls_client, ls_title).id, fields="all"))
    assert sorted(t.data["document_id"] for t in tasks) == sorted(d.id for d in documents)
    assert all(len(t.predictions) == 1 for t in tasks)
    firsts = sorted(out.splitlines()[0] for out, _ in outputs)
    assert firsts[0].startswith("0 new tasks, 0 tasks with a new prediction, 30 unchanged")
    assert firsts[1].startswith("30 new tasks, 0 tasks with a new prediction, 0 unchanged")


def test_a_project_created_twice_at_once_keeps_the_oldest(ls_client, ls_title):
    config = label_config()
    other = ls_client.projects.create(title=ls_title, label_config=config)  # another machine was first
    project = _create_project(ls_client, ls_title, config, project_instructions())
    assert project.id == other.id
    assert [p.id for p in _projects_titled(ls_client, ls_title)] == [other.id]


def test_tasks_imported_twice_at_once_keep_the_oldest(ls_client, ls_project):
    docs = sample_documents()
    request = [{"data": task_data(doc)} for doc in docs]
    ls_client.projects.import_tasks(id=ls_project.id, request=request)
    ls_client.projects.import_tasks(id=ls_project.id, request=request)  # another machine's import, interleaved
    assert _remove_duplicate_tasks(ls_client, ls_project.id) == 2
    tasks = tasks_by_document(ls_client, ls_project.id)
    assert sorted(tasks) == ["doc-a", "doc-b"]
    assert len(list(ls_client.tasks.list(project=ls_project.id))) == 2
