"""``annotate server start|stop|status``: the local Label Studio server of this folder."""

from __future__ import annotations

from pathlib import Path

import typer

from annotate.cli._app import app, friendly_errors
from annotate.cli._progress import stderr
from annotate.labelstudio import server as ls_server

server_app = typer.Typer(help="Run a local Label Studio (127.0.0.1; SQLite in .labelstudio/, or PostgreSQL).",
                         no_args_is_help=True)
app.add_typer(server_app, name="server")

DATA_DIR_HELP = "Data folder (database, media, 0600 credentials). Default: $ANNOTATE_LABELSTUDIO_DIR or .labelstudio"
DATABASE_HELP = (
    "postgresql://USER:PASS@HOST:PORT/DB to run on PostgreSQL (default: the folder's database, SQLite at first). "
    "Remembered in the folder (0600). Leave the password out of the URL and set $PGPASSWORD, or give the whole URL "
    "in $ANNOTATE_DATABASE, to keep it out of this command's own `ps` line."
)


def login_lines(status: ls_server.ServerStatus) -> list[str]:
    """How to reach and log in to the server, without printing any secret."""
    creds = ls_server.credentials_path(status.data_dir)
    return [
        f"Label Studio {status.version or ''} running at {status.url} (pid {status.pid})".replace("  ", " "),
        f"Database: {'SQLite in ' + str(status.data_dir) if status.database == 'sqlite' else status.database}",
        f"Log in as {status.email}; the password and API key are in {creds} (readable by you only):",
        f"  python -c \"import json; print(json.load(open('{creds}'))['password'])\"",
        "Programs (annotate push/export) pick the key up from that file, or from LABEL_STUDIO_URL / LABEL_STUDIO_API_KEY.",
    ]


@server_app.command("start")
@friendly_errors
def start_cli(
    data_dir: Path = typer.Option(None, "--data-dir", help=DATA_DIR_HELP),
    port: int = typer.Option(None, "--port", help="Port on 127.0.0.1, kept for later starts (default: the port of the first start, else a free one)."),
    database: str = typer.Option(None, "--database", envvar="ANNOTATE_DATABASE", show_envvar=False, help=DATABASE_HELP),
) -> None:
    """Start the server (first start: about a minute) or report the one already running."""
    if not ls_server.status(data_dir).running:
        stderr.print("Starting Label Studio (the first start creates the database: about a minute) ...")
    status = ls_server.start(data_dir, port=port, database=database)
    print("\n".join(login_lines(status)))


@server_app.command("stop")
@friendly_errors
def stop_cli(data_dir: Path = typer.Option(None, "--data-dir", help=DATA_DIR_HELP)) -> None:
    """Stop the server of this data folder (its data stays)."""
    print("stopped" if ls_server.stop(data_dir) else "not running")


@server_app.command("status")
@friendly_errors
def status_cli(data_dir: Path = typer.Option(None, "--data-dir", help=DATA_DIR_HELP)) -> None:
    """Say whether the server runs and where; exit code 1 when it does not."""
    status = ls_server.status(data_dir)
    if not status.running:
        print(f"not running (data folder {status.data_dir})")
        raise typer.Exit(1)
    print("\n".join(login_lines(status)))
