"""``annotate adjudicate DIR --project "TITLE (review)"``: a review project for the disagreeing documents."""

from __future__ import annotations

from pathlib import Path

import typer

from annotate.agreement.review import adjudication
from annotate.cli._app import app, friendly_errors
from annotate.cli._progress import stdout


@app.command("adjudicate")
@friendly_errors
def adjudicate_cli(
    directory: Path = typer.Argument(..., help="Folder written by `annotate export` (holds annotations.jsonl)."),
    project: str = typer.Option(..., "--project", help='Title of the review project, e.g. "News 2024 (review)".'),
    out: Path | None = typer.Option(None, "--out", "-o", help="Folder for agreed.jsonl and adjudication.json; default DIR."),
) -> None:
    """Agreed documents go straight to gold (review tasks that already carry them as ground truth); each
    disagreeing one becomes a review task whose predictions are the annotators' versions (model version =
    annotator). Exporting the review project gives the final gold."""
    run = adjudication(directory, project, out)
    plan, review = run.plan, run.project
    stdout.print(
        f"{len(plan.agreed) - len(plan.single)} agreed and {len(plan.single)} single-annotator documents -> gold "
        f"(also in {run.agreed_path}); {len(plan.disagreed)} disagreeing documents -> review"
    )
    stdout.print(
        f"project {review.title!r} (id {review.id}): {review.created} review tasks and {review.agreed_created} agreed "
        f"tasks added, {review.already_there} already there"
    )
    stdout.print(f"review at {review.url}; manifest {run.manifest_path}")
    stdout.print(f"when reviewed: annotate export --project {review.title!r} -o DIR2 writes the final gold to DIR2/gold.jsonl")
