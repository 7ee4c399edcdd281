"""The backend's state: the model it serves, the version each project sees, and training.

Label Studio shows a project only the predictions of the project's model version. ``annotate
connect`` therefore pins a project that already has pushed predictions to their version (through
the backend's ``extra_params``, which Label Studio sends with every ``/setup``), so the backend's
predictions sit beside the pushed ones. After a training the backend serves the new lexicon under
its new version, to every project.

Every learned lexicon is stored in the state folder (:mod:`annotate.serve.state`); on start the
backend serves the newest one stored for its base model, under the same version as before.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotate.learn.model import Model, load_model
from annotate.serve.state import LearnedStore

log = logging.getLogger("annotate.serve")


@dataclass
class TrainJob:
    """One training run: what it learned from and what it serves now (or why it failed)."""

    id: int
    status: str = "running"  # running, done, failed
    message: str = ""
    model_version: str | None = None


@dataclass
class Backend:
    """What ``annotate serve`` holds between requests; the model is swapped whole after training."""

    layers: tuple[Path, ...]
    engine: str
    state_dir: Path
    min_count: int = 2
    train_every: int = 0  # annotations (from webhooks) between automatic trainings; 0 = only when asked
    model: Model = field(init=False)
    base_version: str = field(init=False)
    store: LearnedStore = field(init=False)
    installed: int = field(init=False, default=0)  # number of the stored lexicon served (0: the base lists)
    pinned: dict[str, str] = field(default_factory=dict)  # project uid ("id.timestamp") -> version shown there
    jobs: list[TrainJob] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _new_annotations: dict[Any, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.model = load_model(self.layers, self.engine)
        self.base_version = self.model.version
        self.store = LearnedStore(self.state_dir, self.base_version)
        self.store.remove_stale()
        newest = self.store.newest()
        if newest is not None:
            self.installed, folder = newest
            self.model = load_model((*self.layers, folder), self.engine)
            log.info("serving %s: the lexicon learned before the restart (%s)", self.model.version, folder)

    def learned_version(self, folder: Path) -> str:
        """The version the base lists + the learned ``folder`` are served under."""
        return load_model((*self.layers, folder), self.engine).version

    def versions(self) -> list[str]:
        """The base version and every stored learned one, oldest first."""
        return [self.base_version] + [self.learned_version(folder) for _, folder in self.store.learned()]

    def version_for(self, project: str | None) -> str:
        """The pinned version while the first model is served; the served model's own version after training."""
        if project and project in self.pinned and self.model.version == self.base_version:
            return self.pinned[project]
        return self.model.version

    def setup(self, project: str | None, extra_params: Any) -> str:
        """Remember the version ``annotate connect`` pinned for this project; return the version it sees."""
        if isinstance(extra_params, dict) and project and isinstance(extra_params.get("model_version"), str):
            self.pinned[project] = extra_params["model_version"]
        return self.version_for(project)

    def count_annotation(self, project_id: Any) -> bool:
        """Count a new annotation from a webhook; True when it is time to train on the project."""
        if self.train_every <= 0:
            return False
        with self._lock:
            self._new_annotations[project_id] = self._new_annotations.get(project_id, 0) + 1
            if self._new_annotations[project_id] < self.train_every:
                return False
            self._new_annotations[project_id] = 0
            return True

    def start_job(self) -> TrainJob:
        with self._lock:
            job = TrainJob(id=len(self.jobs) + 1)
            self.jobs.append(job)
            return job

    def install(self, write, job: TrainJob) -> None:
        """Store what ``write(folder)`` learns and serve the built-in lists + --lexicons + it from now on.

        The newest stored lexicon is served: when two trainings finish together, the one stored
        last wins, in this process as after a restart.
        """
        number, folder, stored = self.store.store(write, self.learned_version)
        model = load_model((*self.layers, folder), self.engine)
        with self._lock:
            if number >= self.installed:
                self.installed, self.model = number, model
        job.status, job.model_version = "done", model.version
        what = "stored as" if stored else "the same as the stored"
        log.info("training job %d: %s %s, serving %s", job.id, what, folder, self.model.version)
