"""``annotate push``: send pre-annotated documents to Label Studio as tasks with predictions."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from annotate.cli._app import app, friendly_errors
from annotate.cli._progress import stderr
from annotate.io import read_jsonl
from annotate.labelstudio.client import connection_errors, make_client, resolve_connection
from annotate.labelstudio.push import PushResult, push_documents


def push(
    path: Path, project: str, model_version: str | None = None, show_progress: bool = True, overlap: int | None = None
) -> PushResult:
    """Read ``path`` and push it to project ``project`` on the configured server."""
    documents = read_jsonl(path)
    connection = resolve_connection()
    client = make_client(connection)
    columns = (TextColumn("pushing", style="bold", markup=False), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, disable=not (show_progress and stderr.is_terminal)) as bar:
        task = bar.add_task("push", total=len(documents))
        with connection_errors(connection.url, f"pushing to {project!r}"):
            return push_documents(client, documents, project, model_version,
                                  progress=lambda n: bar.update(task, completed=n), overlap=overlap)


@app.command("push")
@friendly_errors
def push_cli(
    path: Path = typer.Argument(..., help="Canonical JSONL from `annotate pre` (or any valid documents)."),
    project: str = typer.Option(..., "--project", help="Project title: created if missing, reused (and updated) if not."),
    model_version: str = typer.Option(None, "--model-version", help="Name of this pre-annotation run (default: from its content)."),
    overlap: int = typer.Option(None, "--overlap", min=1, help="Annotators per task (e.g. 2 for double annotation); kept if not given."),
) -> None:
    """Create or update a project and import the documents with their pre-annotations as predictions."""
    result = push(path, project, model_version, overlap=overlap)
    print(f"{result.created} new tasks, {result.predicted} tasks with a new prediction, {result.unchanged} unchanged "
          f"(model version {result.model_version})")
    if result.overlap is not None:
        print(f"each task goes to {result.overlap} annotators")
    print(f"project: {result.project_url}")
