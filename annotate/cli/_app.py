"""The typer application and the wrapper that turns project errors into one-line messages."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from annotate.errors import AnnotateError

app = typer.Typer(
    name="annotate",
    help="Pre-annotate attributed claims and sources in Arabic news; review them in Label Studio.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

P = ParamSpec("P")
R = TypeVar("R")


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``error: message`` on stderr and return the Exit to raise."""
    print(f"error: {message}", file=sys.stderr)
    return typer.Exit(code)


def friendly_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Run a CLI command so that a project error ends in one line on stderr and a non-zero exit."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except AnnotateError as error:
            raise fail(str(error), error.exit_code) from None
        except KeyboardInterrupt:
            raise fail("interrupted", 130) from None
        except OSError as error:
            raise fail(f"{error.filename or ''}: {error.strerror or error}".lstrip(": "), 1) from None

    return wrapper
