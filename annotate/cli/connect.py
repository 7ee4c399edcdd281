"""``annotate connect``: register (or remove) ``annotate serve`` as a project's ML backend."""

from __future__ import annotations

import typer

from annotate.cli._app import app, friendly_errors
from annotate.labelstudio.client import make_client
from annotate.labelstudio.connect import DEFAULT_URL, Connected, connect, disconnect


def connect_project(project: str, url: str = DEFAULT_URL, remove: bool = False, timeout: float = 10.0) -> Connected:
    """Connect the backend at ``url`` to ``project`` on the configured server, or remove it."""
    client = make_client()
    return disconnect(client, project, url) if remove else connect(client, project, url, timeout)


@app.command("connect")
@friendly_errors
def connect_cli(
    project: str = typer.Option(..., "--project", help="Project title."),
    url: str = typer.Option(DEFAULT_URL, "--url", help="Where `annotate serve` listens, as Label Studio reaches it."),
    remove: bool = typer.Option(False, "--remove", help="Remove the backend from the project instead."),
    timeout: float = typer.Option(10.0, "--timeout", help="Seconds Label Studio waits for a prediction."),
) -> None:
    """Let Label Studio ask `annotate serve` for predictions of tasks that have none."""
    result = connect_project(project, url, remove, timeout)
    if remove:
        print(f"removed {result.removed} backend(s) at {url} from project {result.project_id}")
    else:
        print(f"project {result.project_id} gets predictions from {url} (model version {result.model_version}; "
              f"ML backend {result.backend_id})")
