"""The project's one inter-process lock: an exclusive ``fcntl`` lock on a file next to what it guards.

The kernel drops the lock when its holder exits, however it exits, so a killed process never
leaves a stale lock behind. A process that has to wait says so through ``on_wait`` (naming the
holder's pid, which the holder writes into the lock file) and again every minute while it waits,
so waiting is never silent. POSIX only, like the rest of the project.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

_POLL_SECONDS = 0.5
_REMIND_SECONDS = 60.0
_UNKNOWN = "another process"


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return _UNKNOWN
    return f"process {pid}" if pid.isdigit() else _UNKNOWN


@contextmanager
def exclusive_lock(path: Path, what: str, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if missing) for the ``with`` block.

    ``what`` completes "waiting for … to finish" in the messages passed to ``on_wait``.
    """
    say = on_wait or (lambda _message: None)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            started = reminded = time.monotonic()
            announced = _holder(path)
            say(f"waiting for {announced} to finish {what} (lock {path})")
            while True:
                time.sleep(_POLL_SECONDS)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    holder = _holder(path)
                    if holder != announced and holder != _UNKNOWN:  # another waiter got it first
                        announced, reminded = holder, time.monotonic()
                        say(f"waiting for {holder} to finish {what}")
                    elif time.monotonic() - reminded >= _REMIND_SECONDS:
                        reminded = time.monotonic()
                        say(f"still waiting for {holder} to finish {what} ({(reminded - started) / 60:.0f} min)")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
