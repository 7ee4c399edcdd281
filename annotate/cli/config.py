"""``annotate config``: print the Label Studio labeling interface (or the project instructions)."""

from __future__ import annotations

import typer

from annotate.cli._app import app, friendly_errors
from annotate.labelstudio.config import label_config, project_instructions


@app.command("config")
@friendly_errors
def config_cli(
    instructions: bool = typer.Option(False, "--instructions", help="Print the project instructions (HTML) instead."),
) -> None:
    """Print the labeling interface generated from the schema and guidelines/labels.yaml."""
    print((project_instructions() if instructions else label_config()).rstrip("\n"))
