"""The typer application and the wrapper that turns project errors into one-line messages."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from annotate.errors import AnnotateError, Terminated

app = typer.Typer(
    name="annotate",
    help="Pre-annotate attributed claims and sources in Arabic news; review them in Label Studio.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _always_a_group() -> None:
    # A callback keeps ``annotate`` a group of commands even when only one command module is loaded
    # (annotate.cli loads just the one a command line names): typer runs a lone command without its name.
    pass


P = ParamSpec("P")
R = TypeVar("R")


EXIT_BROKEN_PIPE = 141  # what a shell reports for a program stopped by SIGPIPE (128 + 13)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``error: message`` on stderr, always on one line, and return the Exit to raise."""
    one_line = message.replace("\r", "\\r").replace("\n", "\\n")
    print(f"error: {one_line}", file=sys.stderr)
    return typer.Exit(code)


def quiet_broken_pipe() -> typer.Exit:
    """The reader of our standard output went away (``annotate config | head``): that is not an
    error to report. Point stdout at /dev/null so the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (tests): nothing to flush
        pass
    return typer.Exit(EXIT_BROKEN_PIPE)


def friendly_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Run a CLI command so that a project error ends in one line on stderr and a non-zero exit."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except AnnotateError as error:
            raise fail(str(error), error.exit_code) from None
        except KeyboardInterrupt as stop:
            if isinstance(stop, Terminated):
                raise fail("terminated", 143) from None  # SIGTERM: cleaned up as on Ctrl-C
            raise fail("interrupted", 130) from None
        except BrokenPipeError:
            raise quiet_broken_pipe() from None
        except OSError as error:
            raise fail(f"{error.filename or ''}: {error.strerror or error}".lstrip(": "), 1) from None

    return wrapper
