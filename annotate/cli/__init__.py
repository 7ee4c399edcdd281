"""Command line: each command is a thin typer wrapper (in its own module) over a plain function."""

from __future__ import annotations

import sys

from annotate.cli._app import app, quiet_broken_pipe
from annotate.cli import pre as _pre  # noqa: F401  (registers commands)
from annotate.cli import evaluate as _evaluate  # noqa: F401
from annotate.cli import guidelines as _guidelines  # noqa: F401
from annotate.cli import agreement as _agreement  # noqa: F401
from annotate.cli import adjudicate as _adjudicate  # noqa: F401
from annotate.cli import models as _models  # noqa: F401
from annotate.cli import server as _server  # noqa: F401
from annotate.cli import config as _config  # noqa: F401
from annotate.cli import push as _push  # noqa: F401
from annotate.cli import export as _export  # noqa: F401
from annotate.cli import report as _report  # noqa: F401
from annotate.cli import learn as _learn  # noqa: F401
from annotate.cli import serve as _serve  # noqa: F401
from annotate.cli import connect as _connect  # noqa: F401
from annotate.cli import users as _users  # noqa: F401


def main() -> None:
    """Entry point of the ``annotate`` command."""
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
