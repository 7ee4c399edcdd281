"""tasks.py: what ./dev runs (and CI through .ci/run)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from invoke import Context, Task

ROOT = Path(__file__).resolve().parent.parent


def _tasks_module():
    spec = importlib.util.spec_from_file_location("_project_tasks", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Recorder(Context):
    """A context that records what each task would run instead of running it."""

    def __init__(self) -> None:
        super().__init__()
        object.__setattr__(self, "calls", [])

    def run(self, command: str, **kwargs) -> None:
        self.calls.append((command, kwargs))


TASKS = {name: value for name, value in vars(_tasks_module()).items() if isinstance(value, Task)}


@pytest.mark.parametrize("name", sorted(TASKS))
def test_no_task_gives_its_commands_standard_input(name: str) -> None:
    """invoke mirrors stdin into every command unless told not to; without a terminal that races
    (ThreadException ... I/O operation on closed file) after the command has finished."""
    recorder = _Recorder()
    TASKS[name].body(recorder)
    assert recorder.calls, f"task {name} runs nothing?"
    for command, kwargs in recorder.calls:
        assert kwargs.get("in_stream") is False, f"task {name}: {command!r} would read standard input"
        assert kwargs.get("pty") is False, command
