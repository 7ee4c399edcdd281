"""Command line: each command is a thin typer wrapper (in its own module) over a plain function.

Command modules are imported when their command runs, not all at start: ``annotate pre`` needs
neither the Label Studio SDK nor pandas (about 120 MB of imports that other commands use), and
neither do the worker processes of ``annotate pre --jobs N``, which import this package again
(``spawn`` re-runs the ``annotate`` script in each worker). ``annotate --help`` and
``from annotate.cli import app`` load every command.
"""

from __future__ import annotations

import signal
import sys
from importlib import import_module
from typing import TYPE_CHECKING, Any

from annotate.errors import Terminated

if TYPE_CHECKING:
    import typer

# The commands, each in annotate/cli/<name>.py, in the order ``annotate --help`` lists them.
COMMANDS = ("pre", "evaluate", "guidelines", "agreement", "adjudicate", "models", "server", "config", "push",
            "export", "report", "learn", "serve", "connect", "users")


def load_commands(names: tuple[str, ...] = COMMANDS) -> typer.Typer:
    """The application with the commands ``names`` registered (importing a command's module registers it)."""
    from annotate.cli._app import app

    for name in names:
        import_module(f"annotate.cli.{name}")
    return app


def _needed(args: list[str]) -> tuple[str, ...]:
    """The command modules a command line needs: its command's alone, or all (help, a typo, no command)."""
    return (args[0],) if args and args[0] in COMMANDS else COMMANDS


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def main() -> None:
    """Entry point of the ``annotate`` command."""
    signal.signal(signal.SIGTERM, _terminate)  # "kill" cleans up like Ctrl-C: no temporary file left behind
    try:  # Ctrl-C while the command's modules load (a second or so) is an interruption, not a traceback
        from annotate.cli._app import quiet_broken_pipe

        app = load_commands(_needed(sys.argv[1:]))
    except KeyboardInterrupt as stop:
        terminated = isinstance(stop, Terminated)
        print(f"error: {'terminated' if terminated else 'interrupted'}", file=sys.stderr)
        sys.exit(143 if terminated else 130)
    try:
        app()
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    try:  # what is still buffered goes out now, while a closed pipe can still be told apart
        sys.stdout.flush()
    except BrokenPipeError:
        code = quiet_broken_pipe().exit_code
    sys.exit(code)


def __getattr__(name: str) -> Any:
    """``from annotate.cli import app``: the application with every command (tests, notebooks)."""
    if name == "app":
        return load_commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
