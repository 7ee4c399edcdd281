"""A local Label Studio server that the project starts, finds again and stops.

Label Studio 1.23 needs care to run unattended (see docs/labelstudio.md): it reads stray
environment variables such as ``PORT`` or ``USERNAME``, silently moves to another port when
its port is taken, refuses legacy tokens unless told on first start, and phones home. So the
server is started with a clean environment on a port we chose, with analytics and update
checks off, and we only call it running once ``/health`` answers on that port *and* our key is
accepted there (which proves it is our server, not someone else's on a recycled port).

State lives in the data folder (``.labelstudio/`` by default, 0700, everything in it private to
its owner: the database holds the admin key and every annotation):
``label_studio.sqlite3`` and media (Label Studio's own), ``credentials.json`` (admin email,
password and API key), ``config.json`` (the server's port, chosen at the first start and kept, so
links to tasks stay valid across restarts), ``server.json`` (pid, port, url of the running server)
and ``server.log``.
With ``start(database=...)`` Label Studio runs on PostgreSQL instead of SQLite (its production
set-up): the setting is remembered in the 0600 ``database.json`` so later starts, ``status`` and
``stop`` need not be told again, and the password reaches the server through its environment,
never its command line (``ps``) and never a log line.
``start`` and ``stop`` hold the project's inter-process lock for the folder, so two of them
never race on it.

``server.json`` is never trusted alone: before ``stop`` signals its pid, the process must be a
``label-studio start`` with this folder and this port on its command line, leading its own
process group; and ``start`` never starts a second server while that process lives, even if it
does not answer (frozen), because two servers on one SQLite database corrupt it.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from annotate.errors import LabelStudioError
from annotate.io import interprocess_lock, json_loads, pid_alive

DATA_DIR_ENV = "ANNOTATE_LABELSTUDIO_DIR"
BINARY_ENV = "ANNOTATE_LABELSTUDIO_BIN"
ADMIN_EMAIL = "admin@example.com"
CREDENTIALS_FILE = "credentials.json"
STATE_FILE = "server.json"
CONFIG_FILE = "config.json"  # {"port": N}: the port this data folder's server always uses
LOG_FILE = "server.log"
DATABASE_FILE = "database.json"  # 0600: the PostgreSQL settings of this data folder, password included
SQLITE_FILE = "label_studio.sqlite3"
PASSWORD_ENV = "PGPASSWORD"  # libpq's own name: a password kept out of the URL (and so out of `ps`)
PRIVATE_UMASK = 0o077  # files the server creates (database, media, export snapshots): owner only
HOST = "127.0.0.1"

# Passed through to the server; everything else in our environment is left out on purpose.
_KEPT_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TZ", "SYSTEMROOT")
_QUIET_ENV = {
    "LATEST_VERSION_CHECK": "false",
    "COLLECT_ANALYTICS": "false",
    "SENTRY_DSN": "",
    "FRONTEND_SENTRY_DSN": "",
    "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true",
    "PYTHONUNBUFFERED": "1",
    # Label Studio refuses ML backends on reserved addresses (SSRF protection). Our server is local and
    # its ML backend (`annotate serve`) too, so loopback is let through; every other reserved range
    # (link-local cloud metadata, private networks, ...) stays banned.
    "USE_DEFAULT_BANNED_SUBNETS": "false",
    "USER_ADDITIONAL_BANNED_SUBNETS": ",".join((
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
        "224.0.0.0/4", "233.252.0.0/24", "240.0.0.0/4", "255.255.255.255/32", "::/128", "::ffff:0:0/96",
        "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001:0000::/32", "2001:20::/28", "2001:db8::/32", "2002::/16",
        "fc00::/7", "fe80::/10", "ff00::/8",
    )),
}


@dataclass(frozen=True)
class Credentials:
    """Login for people (email, password) and for programs (API key). Never printed."""

    email: str
    password: str
    api_key: str

    def __repr__(self) -> str:  # keeps secrets out of tracebacks and logs
        return f"Credentials(email={self.email!r}, password=***, api_key=***)"


@dataclass(frozen=True)
class Database:
    """Where Label Studio keeps its data: SQLite in the data folder (the default) or PostgreSQL.

    ``repr`` and :attr:`display` never show the password.
    """

    engine: str = "sqlite"  # "sqlite" or "postgresql"
    host: str = ""
    port: int = 5432
    name: str = ""
    user: str = ""
    password: str = ""

    def __repr__(self) -> str:
        return f"Database({self.display!r}, password={'***' if self.password else 'none'})"

    @property
    def display(self) -> str:
        """``sqlite`` or ``postgresql://USER@HOST:PORT/DB``: what may be printed and logged."""
        if self.engine == "sqlite":
            return "sqlite"
        user = urllib.parse.quote(self.user, safe="") + "@" if self.user else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"postgresql://{user}{host}:{self.port}/{urllib.parse.quote(self.name, safe='')}"

    def same_place(self, other: Database) -> bool:
        """Same database (the password may have changed)."""
        return (self.engine, self.host, self.port, self.name, self.user) == (
            other.engine, other.host, other.port, other.name, other.user)

    def server_env(self) -> dict[str, str]:
        """Label Studio's own settings for this database (``DJANGO_DB``, ``POSTGRE_*``)."""
        if self.engine == "sqlite":
            return {"DJANGO_DB": "sqlite"}
        return {
            "DJANGO_DB": "postgresql", "POSTGRE_HOST": self.host, "POSTGRE_PORT": str(self.port),
            "POSTGRE_NAME": self.name, "POSTGRE_USER": self.user,
            "POSTGRE_PASSWORD": self.password,  # given even when empty: Label Studio's default is "postgres"
        }


SQLITE = Database()


def parse_database(url: str, password: str | None = None) -> Database:
    """``sqlite`` or ``postgresql://USER[:PASS]@HOST[:PORT]/DB`` (``postgres://`` too).

    The password comes from the URL, else ``password``, else ``$PGPASSWORD``; none is allowed
    (trust or peer authentication). Errors never echo the password.
    """
    text = url.strip()
    if text.lower() in ("sqlite", "sqlite3", ""):
        return SQLITE
    try:
        parts = urllib.parse.urlsplit(text)
        port = parts.port or 5432
    except ValueError:
        parts, port = None, 0
    shown = _redacted(text)
    if parts is None or parts.scheme.lower() not in ("postgresql", "postgres"):
        raise LabelStudioError(f"database {shown!r}: give sqlite or postgresql://USER:PASS@HOST:PORT/DB")
    name = urllib.parse.unquote(parts.path.lstrip("/"))
    if not parts.hostname or not name or "/" in name or not parts.username:
        raise LabelStudioError(f"database {shown!r}: give user, host and database name: postgresql://USER:PASS@HOST:PORT/DB")
    if parts.query or parts.fragment:
        raise LabelStudioError(f"database {shown!r}: options after ? are not supported")
    secret = urllib.parse.unquote(parts.password) if parts.password is not None else None
    if secret is None:
        secret = password if password is not None else os.environ.get(PASSWORD_ENV, "")
    return Database("postgresql", parts.hostname, port, name, urllib.parse.unquote(parts.username), secret)


def _redacted(url: str) -> str:
    """``url`` with any password replaced by ``***`` (for messages)."""
    return re.sub(r"(://[^/@:]*):[^/@]*@", r"\1:***@", url)


def read_database(data_dir: Path | None = None) -> Database:
    """The database this data folder runs on: ``database.json``, else SQLite."""
    path = (data_dir or default_data_dir()) / DATABASE_FILE
    if not path.exists():
        return SQLITE
    try:
        record = json_loads(path.read_bytes())
        database = Database(
            engine=record["engine"], host=record["host"], port=int(record["port"]), name=record["name"],
            user=record["user"], password=record.get("password", ""),
        )
        if database.engine != "postgresql" or not all(isinstance(v, str) for v in (database.host, database.name,
                                                                                    database.user, database.password)):
            raise TypeError
        return database
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        raise LabelStudioError(f"{path}: unreadable database settings; delete it to use SQLite, or start with --database") from None


def _remember_database(data_dir: Path, database: Database) -> None:
    if database.engine == "sqlite":
        return
    record = {"engine": database.engine, "host": database.host, "port": database.port, "name": database.name,
              "user": database.user, "password": database.password}
    _write_private(data_dir / DATABASE_FILE, json.dumps(record, indent=2) + "\n")


def _choose_database(data_dir: Path, wanted: Database | None) -> Database:
    """The database to start on: the remembered one, or ``wanted`` if it does not switch a used folder.

    One data folder, one database: a folder that has run on SQLite or on another PostgreSQL
    database keeps it (its credentials and media belong to that database's projects).
    """
    remembered = read_database(data_dir)
    if wanted is None:
        return remembered
    if remembered.engine == "postgresql" and not wanted.same_place(remembered):
        raise LabelStudioError(
            f"{data_dir} runs on {remembered.display}, not {wanted.display}: use another --data-dir for another database"
        )
    if remembered.engine == "sqlite" and wanted.engine != "sqlite" and (data_dir / SQLITE_FILE).exists():
        raise LabelStudioError(
            f"{data_dir} holds a SQLite database already: use another --data-dir for {wanted.display}"
        )
    return wanted if wanted.engine != "sqlite" else remembered


@dataclass(frozen=True)
class ServerStatus:
    """What ``annotate server status`` reports."""

    running: bool
    data_dir: Path
    url: str | None = None
    pid: int | None = None
    email: str | None = None
    version: str | None = None
    database: str = "sqlite"  # Database.display: never the password


def default_data_dir() -> Path:
    """``$ANNOTATE_LABELSTUDIO_DIR`` or ``.labelstudio`` in the current folder."""
    return Path(os.environ.get(DATA_DIR_ENV) or ".labelstudio").resolve()


def credentials_path(data_dir: Path | None = None) -> Path:
    """Where the 0600 credentials file lives."""
    return (data_dir or default_data_dir()) / CREDENTIALS_FILE


def read_credentials(data_dir: Path | None = None) -> Credentials | None:
    """The stored credentials, or None before the first start."""
    path = credentials_path(data_dir)
    if not path.exists():
        return None
    try:
        record = json_loads(path.read_bytes())
        fields = (record["email"], record["password"], record["api_key"])
        if not all(isinstance(field, str) and field for field in fields):
            raise TypeError
        return Credentials(*fields)
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        raise LabelStudioError(f"{path}: unreadable credentials file; delete it and the data folder to start afresh") from None


def _write_private(path: Path, content: str) -> None:
    """Create ``path`` readable by its owner only (0600) from the first byte on."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)
    os.replace(tmp, path)


def _new_credentials(data_dir: Path) -> Credentials:
    creds = Credentials(email=ADMIN_EMAIL, password=secrets.token_urlsafe(12), api_key=secrets.token_hex(20))
    _write_private(credentials_path(data_dir), json.dumps(creds.__dict__, indent=2) + "\n")
    return creds


def find_binary() -> Path:
    """The ``label-studio`` executable: ``$ANNOTATE_LABELSTUDIO_BIN``, ``.venv-labelstudio``, then PATH."""
    candidates = [os.environ.get(BINARY_ENV)]
    here = Path(__file__).resolve().parents[2]
    candidates += [str(here / ".venv-labelstudio" / "bin" / "label-studio"), shutil.which("label-studio")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return Path(candidate)
    raise LabelStudioError(
        "label-studio is not installed: run `python -m venv .venv-labelstudio && "
        ".venv-labelstudio/bin/pip install label-studio==1.23.2` (or set ANNOTATE_LABELSTUDIO_BIN)"
    )


def stored_port(data_dir: Path | None = None) -> int | None:
    """The port kept in ``config.json`` (None before the first start, or if the file is unusable)."""
    try:
        port = json_loads(((data_dir or default_data_dir()) / CONFIG_FILE).read_bytes()).get("port")
    except (OSError, ValueError, AttributeError, RecursionError):
        return None
    return port if isinstance(port, int) and not isinstance(port, bool) and 0 < port < 65536 else None


def _store_port(data_dir: Path, port: int) -> None:
    if stored_port(data_dir) != port:
        _write_private(data_dir / CONFIG_FILE, json.dumps({"port": port}) + "\n")


def port_is_free(port: int) -> bool:
    """True when nothing listens on ``port`` of 127.0.0.1 (a port left in TIME_WAIT by our own
    stopped server counts as free, as it does for the server itself)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def free_port() -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _get(url: str, api_key: str | None = None, timeout: float = 3.0) -> tuple[int, bytes]:
    request = urllib.request.Request(url)
    if api_key:
        request.add_header("Authorization", f"Token {api_key}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except (urllib.error.URLError, OSError):
        return 0, b""


def _is_ours(url: str, api_key: str) -> bool:
    """True when ``url`` is a healthy Label Studio that accepts our key."""
    status, _ = _get(f"{url}/health")
    if status != 200:
        return False
    status, _ = _get(f"{url}/api/current-user/whoami", api_key)
    return status == 200



def _read_state(data_dir: Path) -> dict | None:
    """``server.json`` when it is well-formed (a positive pid, a port, our URL for it), else None:
    a stale, truncated or forged file never names a process to look at or signal."""
    try:
        state = json_loads((data_dir / STATE_FILE).read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(state, dict):
        return None
    pid, port = state.get("pid"), state.get("port")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (pid, port)) or not 0 < pid < 2**22:
        return None
    if not 0 < port < 65536 or state.get("url") != f"http://{HOST}:{port}":
        return None
    return state


def _version(url: str) -> str | None:
    status, body = _get(f"{url}/api/version")
    if status != 200:
        return None
    try:
        return json.loads(body).get("release")
    except ValueError:
        return None


def _locked(data_dir: Path) -> AbstractContextManager[Path]:
    """The project's inter-process lock for this data folder, held by ``start`` and ``stop``.

    The kernel drops it if the holder dies; a holder keeps it at most a start's timeout.
    """
    return interprocess_lock(f"labelstudio-server {data_dir}")


def make_private(data_dir: Path) -> None:
    """The data folder 0700 and everything in it unreadable by others (folders made by older
    versions, or by a server started with a looser umask, are tightened too)."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(data_dir, 0o700)
    for folder, folders, files in os.walk(data_dir):
        for name in folders + files:
            path = os.path.join(folder, name)
            try:
                info = os.lstat(path)
                if not stat.S_ISLNK(info.st_mode) and info.st_mode & 0o077:
                    os.chmod(path, stat.S_IMODE(info.st_mode) & 0o700)
            except OSError:  # gone meanwhile (the server deletes files too)
                continue


def _command_line(pid: int) -> list[str] | None:
    """The arguments of process ``pid`` (from /proc, else ``ps``), or None when unknown."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        return [part.decode("utf-8", "replace") for part in raw.split(b"\0") if part] or None
    except OSError:
        pass
    try:
        found = subprocess.run(["ps", "-o", "args=", "-p", str(pid)], capture_output=True, text=True, timeout=10,
                               check=False, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return found.stdout.split() or None


def is_our_server_process(pid: int, port: int, data_dir: Path) -> bool:
    """True when ``pid`` is the ``label-studio start`` we launch for ``data_dir`` on ``port``
    (command line checked word by word) and leads its own process group (we signal the group)."""
    args = _command_line(pid)
    if not args or not any(Path(arg).name == "label-studio" for arg in args[:2]) or "start" not in args:
        return False

    def value(flag: str) -> str | None:
        at = args.index(flag) if flag in args else -1
        return args[at + 1] if 0 <= at < len(args) - 1 else None

    try:
        leads_group = os.getpgid(pid) == pid
    except OSError:
        return False
    return leads_group and value("-p") == str(port) and value("--data-dir") == str(data_dir)


def _live_server_process(data_dir: Path) -> dict | None:
    """``server.json`` when the process it names is alive and is our server for ``data_dir``."""
    state = _read_state(data_dir)
    if state and pid_alive(state["pid"]) and is_our_server_process(state["pid"], state["port"], data_dir):
        return state
    return None


def status(data_dir: Path | None = None) -> ServerStatus:
    """Whether the server of this data folder runs, and where."""
    data_dir = (data_dir or default_data_dir()).resolve()
    state = _read_state(data_dir)
    creds = read_credentials(data_dir) if credentials_path(data_dir).exists() else None
    email = creds.email if creds else None
    database = read_database(data_dir).display
    if not state or not creds or not pid_alive(state["pid"]) or not _is_ours(state["url"], creds.api_key):
        return ServerStatus(running=False, data_dir=data_dir, email=email, database=database)
    return ServerStatus(
        running=True, data_dir=data_dir, url=state["url"], pid=int(state["pid"]), email=email,
        version=_version(state["url"]), database=database,
    )


def _server_env(data_dir: Path, creds: Credentials, database: Database = SQLITE) -> dict[str, str]:
    env = {key: os.environ[key] for key in _KEPT_ENV if key in os.environ}
    env.update(_QUIET_ENV)
    env.update(database.server_env())  # the database password too: environment, never argv
    env.update(
        {
            "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir),
            # Given through the environment, not argv, so they do not show in `ps`.
            "LABEL_STUDIO_USERNAME": creds.email,
            "LABEL_STUDIO_PASSWORD": creds.password,
            "LABEL_STUDIO_USER_TOKEN": creds.api_key,
            "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
        }
    )
    return env


def _log_tail(data_dir: Path, lines: int = 5, secrets_: tuple[str, ...] = ()) -> str:
    """The last lines of the server log for an error message, any secret in them replaced by ``***``."""
    try:
        text = (data_dir / LOG_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    tail = " | ".join([line for line in text.splitlines() if line.strip()][-lines:])
    for secret in secrets_:
        if secret:
            tail = tail.replace(secret, "***")
    return tail


def _wait_until_ours(url: str, creds: Credentials, deadline: float, process: subprocess.Popen | None = None) -> bool:
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        if _is_ours(url, creds.api_key):
            return True
        time.sleep(1.0)
    return False


def start(
    data_dir: Path | None = None, port: int | None = None, timeout: float = 240.0, database: Database | str | None = None
) -> ServerStatus:
    """Start (or find running) the server of ``data_dir``; returns once it answers with our key.

    The first start creates the admin user, its API key and the 0600 credentials file;
    later starts reuse the database and the key. Two starts at once (two terminals, two CI
    jobs) queue on ``server.lock``: the second finds the first's server instead of starting
    another on the same database, and never leaves one orphaned.

    ``database``: ``None`` keeps the folder's database (SQLite unless a start was given
    PostgreSQL), else a :class:`Database` or a URL for :func:`parse_database`. A folder keeps
    the database it first ran on; giving the same PostgreSQL database with a new password
    updates the remembered password.
    """
    data_dir = (data_dir or default_data_dir()).resolve()
    wanted = parse_database(database) if isinstance(database, str) else database
    make_private(data_dir)
    with _locked(data_dir):
        chosen = _choose_database(data_dir, wanted)
        current = status(data_dir)
        if current.running:
            return current
        creds = read_credentials(data_dir) or _new_credentials(data_dir)
        deadline = time.monotonic() + timeout
        running = _live_server_process(data_dir)
        if running is not None:  # ours, alive, not answering (yet): never a second server on this database
            if _wait_until_ours(running["url"], creds, deadline):
                return status(data_dir)
            raise LabelStudioError(
                f"Label Studio of {data_dir} (pid {running['pid']}) runs but does not answer on {running['url']}; "
                "stop it with `annotate server stop` and start it again"
            )
        port = _port_to_use(data_dir, port)
        url = f"http://{HOST}:{port}"
        command = [
            str(find_binary()), "start", "--no-browser", "--internal-host", HOST, "-p", str(port),
            "--data-dir", str(data_dir), "--enable-legacy-api-token", "--log-level", "WARNING",
        ]
        log_fd = os.open(data_dir / LOG_FILE, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log_fd, stderr=subprocess.STDOUT,
                env=_server_env(data_dir, creds, chosen), cwd=data_dir, start_new_session=True, umask=PRIVATE_UMASK,
            )
        finally:
            os.close(log_fd)
        _write_private(data_dir / STATE_FILE, json.dumps({"pid": process.pid, "port": port, "url": url}) + "\n")
        if _wait_until_ours(url, creds, deadline, process):
            _remember_database(data_dir, chosen)  # only once it worked: a typo is not remembered
            _store_port(data_dir, port)  # kept for every later start: links to tasks stay valid
            make_private(data_dir)  # what an older, looser server left behind
            return ServerStatus(running=True, data_dir=data_dir, url=url, pid=process.pid, email=creds.email,
                                version=_version(url), database=chosen.display)
        hidden = (chosen.password, creds.password, creds.api_key)
        if process.poll() is not None:
            (data_dir / STATE_FILE).unlink(missing_ok=True)
            raise LabelStudioError(f"Label Studio exited with code {process.returncode}: {_log_tail(data_dir, secrets_=hidden)}")
        _terminate(process.pid)
        (data_dir / STATE_FILE).unlink(missing_ok=True)
        raise LabelStudioError(
            f"Label Studio did not answer on {url}/health within {timeout:.0f} s: {_log_tail(data_dir, secrets_=hidden)}")


def _port_to_use(data_dir: Path, asked: int | None) -> int:
    """``asked`` (``--port``), else the port kept in config.json, else a free one. A port that
    is taken is an error, never a silent move (Label Studio's own habit), which would break every
    link to the server's tasks."""
    kept = stored_port(data_dir)
    port = asked or kept or free_port()
    if not port_is_free(port):
        where = "" if asked else f" (kept in {data_dir / CONFIG_FILE} so that links stay valid)"
        raise LabelStudioError(
            f"port {port} on {HOST} is taken by another program{where}; stop that program, "
            "or start on another port for good with `annotate server start --port N` (links to the old port will break)"
        )
    return port


def _terminate(pid: int, grace: float = 20.0) -> None:
    """SIGTERM the server's process group, SIGKILL it if it lingers."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return
        time.sleep(0.2)
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def stop(data_dir: Path | None = None) -> bool:
    """Stop the server of ``data_dir``; False when none was running.

    The pid in ``server.json`` is signalled only if that process is our Label Studio for this
    folder and port (:func:`is_our_server_process`); a stale or forged file is removed and
    nothing is signalled.
    """
    data_dir = (data_dir or default_data_dir()).resolve()
    if not (data_dir / STATE_FILE).exists():
        return False
    with _locked(data_dir):
        running = _live_server_process(data_dir)
        if running is not None:
            _terminate(running["pid"])
        (data_dir / STATE_FILE).unlink(missing_ok=True)
    return running is not None


if __name__ == "__main__":  # pragma: no cover - manual use: python -m annotate.labelstudio.server
    print(start(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
