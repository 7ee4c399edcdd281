"""What the backend keeps across restarts: every lexicon a training learned, in a state folder.

Layout (folders 0700, files 0600: reviews are the project's own material)::

    STATE_DIR/
      <base version>/            one folder per base model (engine + --lexicons): a restart with other
        .lock                    lists never serves a lexicon learned over different ones
        learned-000001/          each training's folder, as `annotate learn` writes it
        learned-000002/          the newest: what the backend serves, before and after a restart
        .learned-….tmp/          a training being written (or killed half-way): never read

A training writes its folder under a temporary name beside the others and renames it into place
(one atomic step), so a folder named ``learned-N`` is always complete. The number is taken under an
exclusive lock on ``.lock`` (across threads and processes), so two trainings finishing together get
two numbers, and a training whose lexicon is the newest one's again (same model version) is not
stored twice. The default state folder is ``$ANNOTATE_SERVE_STATE``, else ``$XDG_DATA_HOME/annotate/serve``
(else ``~/.local/share/annotate/serve``), so a backend started from another directory finds its lexicons.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from annotate.io import pid_alive
from annotate.locking import exclusive_lock

STATE_ENV = "ANNOTATE_SERVE_STATE"
_LEARNED = re.compile(r"learned-(\d{6})")


def default_state_dir() -> Path:
    """``$ANNOTATE_SERVE_STATE``, else ``$XDG_DATA_HOME/annotate/serve``, else ``~/.local/share/annotate/serve``."""
    configured = os.environ.get(STATE_ENV, "").strip()
    if configured:
        return Path(configured)
    data_home = os.environ.get("XDG_DATA_HOME", "").strip()
    return (Path(data_home) if data_home else Path.home() / ".local" / "share") / "annotate" / "serve"


def _private_folder(path: Path) -> Path:
    """``path`` owner-only; a state folder created for it too (an existing one keeps its mode)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.mkdir(exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


class LearnedStore:
    """The learned lexicon folders of one base model, numbered in the order they were stored."""

    def __init__(self, state_dir: Path, base_version: str) -> None:
        self.folder = Path(state_dir) / base_version

    def learned(self) -> list[tuple[int, Path]]:
        """(number, folder) of every complete learned folder, oldest first."""
        if not self.folder.is_dir():
            return []
        found = [(int(m.group(1)), entry) for entry in self.folder.iterdir()
                 if (m := _LEARNED.fullmatch(entry.name)) and entry.is_dir()]
        return sorted(found)

    def newest(self) -> tuple[int, Path] | None:
        found = self.learned()
        return found[-1] if found else None

    def remove_stale(self) -> None:
        """Temporary folders of trainings whose process was killed half-way (its pid is gone)."""
        if not self.folder.is_dir():
            return
        for entry in self.folder.iterdir():
            found = re.fullmatch(r"\.learned-.+\.(\d+)\.tmp", entry.name)
            if found and int(found.group(1)) != os.getpid() and not pid_alive(int(found.group(1))):
                shutil.rmtree(entry, ignore_errors=True)

    def store(self, write: Callable[[Path], None], version_of: Callable[[Path], str]) -> tuple[int, Path, bool]:
        """Write a learned folder with ``write(path)`` and store it under the next number.

        Returns (number, folder, stored): ``stored`` is False when the new folder's model version
        (``version_of``) is the newest stored one's; that one is returned and the new one dropped.
        """
        _private_folder(self.folder)
        temporary = Path(tempfile.mkdtemp(prefix=".learned-", suffix=f".{os.getpid()}.tmp", dir=self.folder))
        try:
            write(temporary / "lexicon")  # learn_pairs writes its folder atomically inside ours
            written = temporary / "lexicon"
            for path in written.rglob("*"):
                os.chmod(path, 0o700 if path.is_dir() else 0o600)
            os.chmod(written, 0o700)
            version = version_of(written)
            with exclusive_lock(self.folder / ".lock", "storing a learned lexicon"):
                newest = self.newest()
                if newest is not None and version_of(newest[1]) == version:
                    return newest[0], newest[1], False
                number = newest[0] + 1 if newest else 1
                target = self.folder / f"learned-{number:06d}"
                os.rename(written, target)  # a complete folder appears under its name in one step
                return number, target, True
        finally:
            shutil.rmtree(temporary, ignore_errors=True)
