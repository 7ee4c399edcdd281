"""``annotate guidelines``: render the annotation guidelines as HTML or Markdown."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from annotate.cli._app import app, friendly_errors
from annotate.guidelines import render_guidelines
from annotate.io import atomic_writer


def guidelines(fmt: str = "html", output: Path | None = None, source: Path | None = None) -> str:
    """Render the guidelines from ``source`` (default guidelines/); write them atomically to ``output`` if given."""
    text = render_guidelines(fmt, source)
    if output is not None:
        with atomic_writer(output) as handle:
            handle.write(text)
    return text


@app.command("guidelines")
@friendly_errors
def guidelines_cli(
    fmt: str = typer.Option("html", "--format", "-f", help="html (side-by-side, RTL Arabic) or md."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    source: Path | None = typer.Option(None, "--source", help="Folder with labels.yaml, content.yaml, examples.yaml."),
) -> None:
    """Render the annotation guidelines (labels, conventions, worked examples, decision tree)."""
    text = guidelines(fmt, output, source)
    if output is None:
        sys.stdout.write(text)
    else:
        print(f"wrote {output} ({len(text):,} characters, {fmt})", file=sys.stderr)
