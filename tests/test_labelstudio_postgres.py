"""Label Studio on PostgreSQL (issue 12): a real PostgreSQL (Debian's package, a throw-away
cluster on 127.0.0.1 started by the fixture) behind a real Label Studio; the push -> review ->
export round trip gives the same files as on SQLite; the database password shows in no command
line and no log; the setting is remembered for later starts."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from _labelstudio_support import review_through_api
from typer.testing import CliRunner

from annotate.cli import app
from annotate.errors import LabelStudioError
from annotate.io import read_jsonl
from annotate.labelstudio import server
from annotate.labelstudio.client import make_client, resolve_connection
from annotate.labelstudio.export import export_project
from annotate.labelstudio.push import push_documents
from annotate.labelstudio.throwaway_postgres import find_bindir, throwaway_postgres

pytestmark = pytest.mark.labelstudio

DEV_GOLD = Path(__file__).resolve().parent / "data" / "dev_gold.jsonl"
FILES = ["annotations.jsonl", "gold.jsonl", "predictions.jsonl", "README.md", "gold.conll", "left_out.jsonl"]
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")


def _need_binaries() -> None:
    try:
        server.find_binary()
        find_bindir()
    except LabelStudioError as error:
        pytest.skip(str(error))


@pytest.fixture(scope="module")
def postgres():
    """A fresh PostgreSQL cluster for this module, removed afterwards."""
    _need_binaries()
    with throwaway_postgres() as pg:
        yield pg


@pytest.fixture(scope="module")
def pg_server(postgres, tmp_path_factory):
    """Label Studio on that PostgreSQL, with its own data folder (media, credentials)."""
    data_dir = tmp_path_factory.mktemp("labelstudio-postgres")
    status = server.start(data_dir, database=postgres.url)
    yield status
    server.stop(data_dir)


@pytest.fixture(scope="module")
def fresh_sqlite_server(tmp_path_factory):
    """A second, fresh SQLite server: same history as the PostgreSQL one, so the same ids."""
    _need_binaries()
    data_dir = tmp_path_factory.mktemp("labelstudio-sqlite")
    status = server.start(data_dir)
    yield status
    server.stop(data_dir)


def _round_trip(status: server.ServerStatus, out: Path) -> None:
    client = make_client(resolve_connection(status.data_dir))
    documents = read_jsonl(DEV_GOLD)[:12]
    pushed = push_documents(client, documents, "Round trip", batch_size=5)
    assert pushed.created == len(documents)
    reviewer = client.users.create(username="reviewer", email="reviewer@example.com", first_name="Reviewer")
    review_through_api(client, pushed.project_id, reviewer)
    result = export_project(client, "Round trip", out, chunk=5)
    assert (result.tasks, result.annotations, result.gold) == (12, 4, 3)
    assert read_jsonl(out / "predictions.jsonl") == documents


def test_the_round_trip_on_postgresql_exports_what_it_exports_on_sqlite(pg_server, fresh_sqlite_server, tmp_path):
    assert pg_server.database.startswith("postgresql://annotate@127.0.0.1:")
    assert fresh_sqlite_server.database == "sqlite"
    _round_trip(pg_server, tmp_path / "postgresql")
    _round_trip(fresh_sqlite_server, tmp_path / "sqlite")
    for name in FILES:  # the same bytes, but for the times each server stamped
        on_pg = TIMESTAMP.sub("<time>", (tmp_path / "postgresql" / name).read_text(encoding="utf-8"))
        on_sqlite = TIMESTAMP.sub("<time>", (tmp_path / "sqlite" / name).read_text(encoding="utf-8"))
        assert on_pg == on_sqlite, name
    assert "reviewer@example.com" in (tmp_path / "postgresql" / "README.md").read_text(encoding="utf-8")


def test_the_password_is_on_no_command_line_in_no_log_and_in_no_readable_file(pg_server, postgres):
    secret = postgres.database.password
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            assert secret.encode() not in cmdline.read_bytes(), cmdline
        except OSError:
            continue  # the process ended meanwhile
    data_dir = pg_server.data_dir
    for path in data_dir.rglob("*"):
        if path.is_file() and path.name != server.DATABASE_FILE:
            assert secret.encode() not in path.read_bytes(), path
    assert stat.S_IMODE(os.stat(data_dir / server.DATABASE_FILE).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(data_dir).st_mode) == 0o700
    remembered = server.read_database(data_dir)
    assert remembered.same_place(postgres.database) and remembered.password == secret
    assert secret not in repr(remembered) and secret not in repr(postgres) and secret not in remembered.display
    shown = CliRunner().invoke(app, ["server", "status", "--data-dir", str(data_dir)])
    assert shown.exit_code == 0 and f"Database: {postgres.database.display}" in shown.output
    assert secret not in shown.output


def test_stop_and_start_again_without_the_url_runs_on_the_remembered_postgresql(pg_server, postgres):
    data_dir = pg_server.data_dir
    client = make_client(resolve_connection(data_dir))
    project = client.projects.create(title="Kept across restarts")
    stopped = CliRunner().invoke(app, ["server", "stop", "--data-dir", str(data_dir)])
    assert stopped.output.strip() == "stopped"
    assert not server.status(data_dir).running and server.status(data_dir).database == postgres.database.display
    started = CliRunner().invoke(app, ["server", "start", "--data-dir", str(data_dir)])
    assert started.exit_code == 0, started.output
    assert f"Database: {postgres.database.display}" in started.output
    client = make_client(resolve_connection(data_dir))
    assert [p.id for p in client.projects.list(title="Kept across restarts")] == [project.id]
    assert not (data_dir / server.SQLITE_FILE).exists()


def test_a_wrong_password_is_one_line_that_does_not_echo_it(postgres, tmp_path):
    _need_binaries()
    wrong = "not-the-password-" + postgres.database.password[:4]
    url = postgres.url.replace(postgres.database.password, wrong)
    with pytest.raises(LabelStudioError) as caught:
        server.start(tmp_path / "ls", database=url, timeout=120)
    message = str(caught.value)
    assert "\n" not in message and wrong not in message and postgres.database.password not in message
    assert "password authentication failed" in message
    assert not (tmp_path / "ls" / server.DATABASE_FILE).exists()  # a failed start is not remembered


def test_one_data_folder_keeps_one_database(tmp_path):
    used_sqlite = tmp_path / "sqlite"
    used_sqlite.mkdir()
    (used_sqlite / server.SQLITE_FILE).write_bytes(b"")
    with pytest.raises(LabelStudioError, match="holds a SQLite database already: use another --data-dir"):
        server.start(used_sqlite, database="postgresql://ls:pw@db.example:5432/labelstudio")
    used_pg = tmp_path / "pg"
    used_pg.mkdir()
    server._remember_database(used_pg, server.parse_database("postgresql://ls:pw@db.example:5432/labelstudio"))
    with pytest.raises(LabelStudioError, match=r"runs on postgresql://ls@db.example:5432/labelstudio, not sqlite"):
        server.start(used_pg, database="sqlite")
    with pytest.raises(LabelStudioError, match="not postgresql://ls@db.example:5432/other"):
        server.start(used_pg, database="postgresql://ls:pw@db.example:5432/other")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite", "sqlite"),
        ("postgresql://ls:s3cret@127.0.0.1:5433/labelstudio", "postgresql://ls@127.0.0.1:5433/labelstudio"),
        ("postgres://ls:s3cret@db.example/labelstudio", "postgresql://ls@db.example:5432/labelstudio"),
        ("postgresql://ls:p%40ss%2Fword@db/ls", "postgresql://ls@db:5432/ls"),
    ],
)
def test_database_urls_are_shown_without_their_password(url, expected):
    database = server.parse_database(url)
    assert database.display == expected
    assert "s3cret" not in repr(database) and "p@ss" not in repr(database)


def test_the_password_may_come_from_pgpassword_instead_of_the_url(monkeypatch):
    monkeypatch.setenv("PGPASSWORD", "from-env")
    assert server.parse_database("postgresql://ls@db:5432/ls").password == "from-env"
    assert server.parse_database("postgresql://ls:in-url@db:5432/ls").password == "in-url"
    assert server.parse_database("postgresql://ls:p%40ss@db/ls").password == "p@ss"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://ls:s3cret@db/ls", "database 'mysql://ls:***@db/ls': give sqlite or postgresql://"),
        ("postgresql://ls:s3cret@db", "database 'postgresql://ls:***@db': give user, host and database name"),
        ("postgresql://db:5432/ls", "give user, host and database name"),
        ("postgresql://ls:s3cret@db:99999/ls", "give sqlite or postgresql://"),
        ("postgresql://ls:s3cret@db/ls?sslmode=require", "options after ? are not supported"),
    ],
)
def test_a_bad_database_url_is_one_line_without_its_password(url, message):
    with pytest.raises(LabelStudioError) as caught:
        server.parse_database(url)
    assert message in str(caught.value) and "s3cret" not in str(caught.value)
