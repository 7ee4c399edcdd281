"""``annotate export``: write the reviewed corpus of a Label Studio project to a folder."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from annotate.cli._app import app, friendly_errors
from annotate.cli._progress import stderr
from annotate.labelstudio.client import connection_errors, make_client, resolve_connection
from annotate.labelstudio.export import CHUNK, ExportResult, export_project


def export(project: str, out_dir: Path, chunk: int = CHUNK, show_progress: bool = True) -> ExportResult:
    """Export project ``project`` of the configured server into ``out_dir`` (``chunk`` tasks per snapshot)."""
    connection = resolve_connection()
    client = make_client(connection)
    columns = (TextColumn("exporting", style="bold", markup=False), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, disable=not (show_progress and stderr.is_terminal)) as bar:
        task = bar.add_task("export", total=None)
        with connection_errors(connection.url, f"exporting {project!r}"):
            result = export_project(client, project, out_dir, chunk=chunk,
                                    progress=lambda done, total: bar.update(task, completed=done, total=total))
    return result


@app.command("export")
@friendly_errors
def export_cli(
    project: str = typer.Option(..., "--project", help="Project title."),
    out_dir: Path = typer.Option(..., "-o", "--output", help="Output folder (annotations, gold, predictions, left_out .jsonl, README.md, gold.conll), replaced whole."),
    chunk: int = typer.Option(CHUNK, "--chunk", min=0, help="Tasks per export snapshot (one request each); 0: the whole project in one."),
) -> None:
    """Export annotations, adjudicated gold, a dataset card and BIO tags (byte-identical when nothing changed)."""
    result = export(project, out_dir, chunk=chunk)
    for problem in result.problems:
        where = f"task {problem.task_id}" + (f", annotation {problem.annotation_id}" if problem.annotation_id else "")
        print(f"left out: {where}: {problem.reason}", file=sys.stderr)
    for part in result.ignored:
        print(f"ignored: task {part.task_id}, annotation {part.annotation_id}: {part.reason}", file=sys.stderr)
    print(f"{result.tasks} tasks: {result.annotations} annotations, {result.gold} gold documents, "
          f"{result.without_annotations} tasks without annotations, {len(result.problems)} annotations left out, "
          f"{len(result.ignored)} dangling parts ignored")
    for path in result.files:
        print(f"  {path}")
