"""The backend's training: the project's submitted annotations, learned from as ``annotate learn`` does.

Label Studio 1.23 asks for training with a ``START_TRAINING`` webhook naming the project (older
versions POST the annotated tasks to ``/train``). Either way the tasks go through the export's own
reader (:func:`annotate.labelstudio.export.build_export`), the gold is compared with what the
backend's *base* lexicon predicts for the same texts (so a second training never forgets what a
first one added), and the new lexicon folder is served from then on under its new version.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from annotate.labelstudio.client import make_client
from annotate.labelstudio.export import build_export, fetch_snapshot
from annotate.learn.pairs import Pair
from annotate.learn.run import learn_pairs, repredict
from annotate.serve.backend import Backend, TrainJob

log = logging.getLogger("annotate.serve")


def _train(backend: Backend, job: TrainJob, tasks: list[dict[str, Any]], project: str) -> None:
    export = build_export(tasks, project, 0, None)
    gold = [Pair(doc, doc) for doc in export.gold]
    if not gold:
        job.status, job.message = "done", "no submitted annotations: nothing learned"
        log.info("training job %d (%s): no submitted annotations, still serving %s", job.id, project, backend.model.version)
        return
    from annotate.learn.model import load_model

    pairs = repredict(load_model(backend.layers, backend.engine), gold)

    def write(folder):
        result = learn_pairs(pairs, folder, backend.min_count, backend.layers, backend.engine)
        job.message = f"{result.documents} documents, {len(result.entries)} lexicon additions"

    backend.install(write, job)


def _run(backend: Backend, job: TrainJob, fetch, project: str) -> None:
    try:
        _train(backend, job, fetch(), project)
    except Exception as error:  # noqa: BLE001 - a failed training is logged; the backend keeps serving its model
        job.status, job.message = "failed", f"{type(error).__name__}: {error}"
        log.error("training job %d (%s) failed: %s", job.id, project, job.message)


def start_training(backend: Backend, project: dict[str, Any] | None = None,
                   tasks: list[dict[str, Any]] | None = None, wait: bool = False) -> TrainJob:
    """Train in a background thread on ``tasks`` (sent by Label Studio) or on the project's export (fetched)."""
    job = backend.start_job()
    if tasks is not None:
        fetch, name = (lambda: tasks), "tasks sent to /train"
    else:
        project_id = int((project or {}).get("id"))
        fetch, name = (lambda: fetch_snapshot(make_client(), project_id)), f"project {project_id}"
    log.info("training job %d on %s started", job.id, name)
    thread = threading.Thread(target=_run, args=(backend, job, fetch, name), name=f"train-{job.id}", daemon=True)
    thread.start()
    if wait:
        thread.join()
    return job
