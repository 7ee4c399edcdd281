"""A throw-away PostgreSQL server on 127.0.0.1, for tests, benches and trying ``--database`` out.

Uses Debian's ``postgresql`` package (``initdb`` and ``pg_ctl`` from ``pg_config --bindir`` or
``/usr/lib/postgresql/<version>/bin``): a fresh cluster in a temporary folder, a free port,
password authentication (scram-sha-256) for a superuser ``annotate`` with a random password,
one database, and everything removed afterwards. PostgreSQL refuses to run as root, so as root
the cluster belongs to the ``postgres`` user the package creates (else ``nobody``) and runs
through ``runuser``. The password goes to ``initdb`` in a 0600 file and to clients through
``PGPASSWORD``, never on a command line.

    with throwaway_postgres() as pg:
        server.start(data_dir, database=pg.url)
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from annotate.errors import LabelStudioError
from annotate.labelstudio.server import HOST, Database, free_port

SUPERUSER = "annotate"


@dataclass(frozen=True)
class Postgres:
    """A running throw-away server; ``repr`` hides the password."""

    database: Database
    folder: Path

    @property
    def url(self) -> str:
        """``postgresql://annotate:PASSWORD@127.0.0.1:PORT/DB``: a secret, pass it to code, not to a command line."""
        db = self.database
        return f"postgresql://{db.user}:{db.password}@{db.host}:{db.port}/{db.name}"

    def __repr__(self) -> str:
        return f"Postgres({self.database.display!r}, folder={str(self.folder)!r})"


def find_bindir() -> Path:
    """Where ``initdb`` and ``pg_ctl`` live; :class:`LabelStudioError` when PostgreSQL is not installed."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if found.returncode == 0:
            candidates.append(Path(found.stdout.strip()))
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    candidates += reversed(versions)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise LabelStudioError("PostgreSQL is not installed: apt-get install postgresql (needs initdb and pg_ctl)")


def _owner() -> str | None:
    """The user the cluster runs as when we are root (PostgreSQL refuses root); None otherwise."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise LabelStudioError("running as root and neither a 'postgres' nor a 'nobody' user exists to run PostgreSQL")


def _run(command: list[str], owner: str | None, what: str, env: dict[str, str] | None = None) -> None:
    if owner is not None:
        command = ["runuser", "-u", owner, "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env, stdin=subprocess.DEVNULL,
                          timeout=180)
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise LabelStudioError(f"{what} failed (exit code {done.returncode}): {last[0]}")


@contextmanager
def throwaway_postgres(name: str = "labelstudio") -> Iterator[Postgres]:
    """Start a fresh PostgreSQL with database ``name``; stop it and delete its folder afterwards."""
    bindir = find_bindir()
    owner = _owner()
    folder = Path(tempfile.mkdtemp(prefix="annotate-postgres-"))
    password = secrets.token_urlsafe(18)
    started = False
    try:
        if owner is not None:
            info = pwd.getpwnam(owner)
            os.chown(folder, info.pw_uid, info.pw_gid)
        pwfile = folder / "password"
        fd = os.open(pwfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(password + "\n")
        if owner is not None:
            os.chown(pwfile, info.pw_uid, info.pw_gid)
        data = folder / "data"
        _run([str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=scram-sha-256", f"--pwfile={pwfile}",
              "-E", "UTF8", "--locale=C", "--no-sync"], owner, "initdb")
        pwfile.unlink()
        port = free_port()
        options = f"-c listen_addresses={HOST} -c port={port} -c unix_socket_directories={folder} -c fsync=off"
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "postgres.log"), "-w", "-t", "120",
              "-o", options, "start"], owner, "pg_ctl start")
        started = True
        client_env = {"PATH": os.environ.get("PATH", ""), "PGPASSWORD": password}
        _run([str(bindir / "createdb"), "-h", HOST, "-p", str(port), "-U", SUPERUSER, name], None, "createdb", client_env)
        yield Postgres(Database("postgresql", HOST, port, name, SUPERUSER, password), folder)
    finally:
        if started:
            _run([str(bindir / "pg_ctl"), "-D", str(folder / "data"), "-m", "fast", "-w", "stop"], owner, "pg_ctl stop")
        shutil.rmtree(folder, ignore_errors=True)
