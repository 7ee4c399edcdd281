"""What every command-line test checks of a failure: one line, no traceback, a non-zero exit."""

from __future__ import annotations

import subprocess


def one_line_error(result: subprocess.CompletedProcess) -> str:
    """The single ``error: …`` line of a failed run (asserting there is exactly one and no traceback)."""
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ")
    return line
