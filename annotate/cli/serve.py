"""``annotate serve``: Label Studio's ML backend (live pre-annotation and training from reviews)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from annotate.cli._app import app, friendly_errors
from annotate.serve import make_backend, serve


@app.command("serve")
@friendly_errors
def serve_cli(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(9090, "--port", help="Port to listen on."),
    lexicons: list[Path] = typer.Option(None, "--lexicons", help="Lexicon folders layered over the built-in lists."),
    engine: str = typer.Option("rules", "--engine", help="rules, stanza or hybrid."),
    state_dir: Path = typer.Option(None, "--state-dir",
                                   help="Where learned lexicons are kept across restarts (default: "
                                        "$XDG_DATA_HOME/annotate/serve, else ~/.local/share/annotate/serve)."),
    min_count: int = typer.Option(2, "--min-count", min=1, help="Training: leave out entries seen fewer times."),
    train_every: int = typer.Option(0, "--train-every", min=0,
                                    help="Train after this many new annotations (webhooks); 0: only when asked."),
    predict_timeout: float = typer.Option(20.0, "--predict-timeout", help="Seconds a prediction may take before HTTP 503."),
) -> None:
    """Serve pre-annotations to Label Studio (connect a project with `annotate connect`)."""
    backend = make_backend(lexicons or (), engine, state_dir, min_count, train_every)
    print(f"annotate ML backend on http://{host}:{port} (model version {backend.model.version})", file=sys.stderr, flush=True)
    serve(backend, host, port, predict_timeout)
