"""Large projects (issue 12): push in batches with progress, export in chunks of task ids (one
snapshot per chunk through a temporary data-manager tab) into the very bytes of today's single
snapshot, with no tab and no snapshot file left behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from _labelstudio_support import make_annotator, review_through_api

from annotate.io import read_jsonl
from annotate.labelstudio import server
from annotate.labelstudio.export import CHUNK_TAB, build_export, export_project, fetch_snapshot, task_ids, write_export
from annotate.labelstudio.push import push_documents
from annotate.labelstudio.snapshots import remove_export_snapshots, snapshot_folder

pytestmark = pytest.mark.labelstudio

DEV_GOLD = Path(__file__).resolve().parent / "data" / "dev_gold.jsonl"
FILES = ["annotations.jsonl", "gold.jsonl", "predictions.jsonl", "README.md", "gold.conll", "left_out.jsonl"]


@pytest.fixture
def reviewed_project(ls_client, ls_title):
    """Eleven dev-gold documents pushed in batches of 3, reviewed through the API."""
    seen: list[int] = []
    pushed = push_documents(ls_client, read_jsonl(DEV_GOLD)[:11], ls_title, batch_size=3, progress=seen.append)
    assert seen == [0, 3, 6, 9, 11]  # one step per batch, up to every document
    review_through_api(ls_client, pushed.project_id, make_annotator(ls_client, "reviewer"))
    return pushed


def _today(client, project_id: int, title: str, model_version: str, out: Path) -> None:
    """The export as it was before chunks: one snapshot of the whole project."""
    write_export(build_export(fetch_snapshot(client, project_id), title, project_id, model_version), out)
    remove_export_snapshots(client, project_id)


@pytest.mark.parametrize("chunk", [1, 4, 11, 0])
def test_a_chunked_export_writes_the_bytes_of_one_snapshot(ls_client, ls_title, reviewed_project, labelstudio_server,
                                                             tmp_path, monkeypatch, chunk):
    monkeypatch.setenv(server.DATA_DIR_ENV, str(labelstudio_server.data_dir))  # so its snapshot files are ours to remove
    project_id = reviewed_project.project_id
    _today(ls_client, project_id, ls_title, reviewed_project.model_version, tmp_path / "today")
    seen: list[tuple[int, int]] = []
    result = export_project(ls_client, ls_title, tmp_path / "chunked", chunk=chunk, progress=lambda *a: seen.append(a))
    assert (result.tasks, result.annotations, result.gold, len(result.ignored)) == (11, 4, 3, 1)
    for name in FILES:
        assert (tmp_path / "chunked" / name).read_bytes() == (tmp_path / "today" / name).read_bytes(), name
    chunks = 1 if chunk in (0, 11) else -(-11 // chunk)
    assert len(seen) == chunks and seen[-1] == (11, 11)
    assert [v.data.get("title") for v in ls_client.views.list(project=project_id)] == []  # the tab is gone
    assert list(ls_client.projects.exports.list(id=project_id)) == []
    folder = snapshot_folder(labelstudio_server.data_dir, project_id)
    assert not folder.exists() or list(folder.iterdir()) == []


def test_task_ids_page_through_the_project(ls_client, reviewed_project):
    ids = task_ids(ls_client, reviewed_project.project_id, page_size=4)
    assert len(ids) == 11 and ids == sorted(ids)


def test_the_chunk_tab_goes_even_when_the_export_fails(ls_client, ls_title, reviewed_project, tmp_path, monkeypatch):
    from annotate.errors import LabelStudioError
    from annotate.labelstudio import export as export_module

    calls = []

    def failing(client, project_id, timeout=600.0, view=None):
        calls.append(view)
        if len(calls) == 2:
            raise LabelStudioError("snapshot failed")
        return fetch_snapshot(client, project_id, timeout, view)

    monkeypatch.setattr(export_module, "fetch_snapshot", failing)
    with pytest.raises(LabelStudioError, match="snapshot failed"):
        export_project(ls_client, ls_title, tmp_path / "out", chunk=3)
    assert calls[0] is not None  # chunks went through the tab
    titles = [v.data.get("title") for v in ls_client.views.list(project=reviewed_project.project_id)]
    assert CHUNK_TAB not in titles
    assert not (tmp_path / "out").exists()
