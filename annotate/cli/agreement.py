"""``annotate agreement DIR``: inter-annotator agreement of an export, and of the pre-annotator."""

from __future__ import annotations

from pathlib import Path

import typer

from annotate.agreement.report import left_out_sentence, terminal_tables
from annotate.agreement.run import agreement
from annotate.cli._app import app, friendly_errors
from annotate.cli._progress import stdout


@app.command("agreement")
@friendly_errors
def agreement_cli(
    directory: Path = typer.Argument(..., help="Folder written by `annotate export` (holds annotations.jsonl)."),
    predictions: Path | None = typer.Option(
        None, "--predictions", "-p", help="Pre-annotations (canonical JSONL) to compare with; default DIR/predictions.jsonl."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Folder for agreement.json and agreement.html; default DIR."),
    top: int = typer.Option(10, "--top", help="How many lowest-agreement documents to list."),
) -> None:
    """Compare every pair of annotators (and each with the pre-annotator): span F1, attribution, κ, α."""
    run = agreement(directory, predictions, out)
    for table in terminal_tables(run.report, top):
        stdout.print(table)
    if run.predictions:
        stdout.print(f"pre-annotator: {run.predictions}")
    if run.report.left_out:
        stdout.print(left_out_sentence(run.report).strip())
    stdout.print(f"wrote {run.json_path} and {run.html_path}")
