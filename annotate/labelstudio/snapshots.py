"""Export snapshot files that Label Studio leaves on disk, removed once read.

Label Studio 1.23 writes each export snapshot to ``media/export/<project id>/`` in its data
folder as ``project-<id>-at-<date>-<md5[:8]>.json`` (Django adds ``_<random>`` to a repeated
name) and keeps the file, world-readable, after the export is deleted through the API: six
exports left 59 MB of texts and annotator e-mails behind. :func:`remove_export_snapshots` deletes
the files of the snapshots the API no longer lists, so an export a person made in the interface
(still listed) keeps its file.
"""

from __future__ import annotations

import re
from pathlib import Path

from label_studio_sdk.client import LabelStudio
from label_studio_sdk.core.api_error import ApiError

from annotate.labelstudio import server

SNAPSHOT_DIR = Path("media") / "export"


def snapshot_folder(data_dir: Path, project_id: int) -> Path:
    """Where Label Studio writes the export snapshots of ``project_id``."""
    return data_dir / SNAPSHOT_DIR / str(int(project_id))


def local_data_dir(client: LabelStudio, data_dir: Path | None = None) -> Path | None:
    """The data folder of the local server ``client`` talks to, or None for another server."""
    running = server.status(data_dir)
    base = client._client_wrapper.get_base_url().rstrip("/")
    return running.data_dir if running.running and running.url == base else None


def remove_export_snapshots(client: LabelStudio, project_id: int, data_dir: Path | None = None) -> list[Path]:
    """Delete the snapshot files of ``project_id`` whose export the API no longer lists; returns them.

    Only for the local server (``data_dir``, default: the one ``annotate server`` runs); a remote
    server's files are not ours to touch, and nothing is done for it.
    """
    folder_root = local_data_dir(client, data_dir)
    if folder_root is None:
        return []
    folder = snapshot_folder(folder_root, project_id)
    if not folder.is_dir():
        return []
    try:
        listed = {str(e.md5)[:8] for e in client.projects.exports.list(id=int(project_id)) if e.md5}
    except ApiError:
        return []  # cannot tell which files are still wanted: keep them all
    pattern = re.compile(rf"project-{int(project_id)}-at-[0-9-]+-([0-9a-f]{{8}})(?:_[A-Za-z0-9]+)?\.[A-Za-z0-9.]+")
    removed = []
    for path in sorted(folder.iterdir()):
        match = pattern.fullmatch(path.name)
        if match and match.group(1) not in listed and path.is_file():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
