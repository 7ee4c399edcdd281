"""A local Label Studio server that the project starts, finds again and stops.

Label Studio 1.23 needs care to run unattended (see docs/labelstudio.md): it reads stray
environment variables such as ``PORT`` or ``USERNAME``, silently moves to another port when
its port is taken, refuses legacy tokens unless told on first start, and phones home. So the
server is started with a clean environment on a port we chose, with analytics and update
checks off, and we only call it running once ``/health`` answers on that port *and* our key is
accepted there (which proves it is our server, not someone else's on a recycled port).

State lives in the data folder (``.labelstudio/`` by default):
``label_studio.sqlite3`` and media (Label Studio's own), ``credentials.json`` (0600: admin
email, password and API key), ``server.json`` (pid, port, url of the running server) and
``server.log``.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from annotate.errors import LabelStudioError

DATA_DIR_ENV = "ANNOTATE_LABELSTUDIO_DIR"
BINARY_ENV = "ANNOTATE_LABELSTUDIO_BIN"
ADMIN_EMAIL = "admin@example.com"
CREDENTIALS_FILE = "credentials.json"
STATE_FILE = "server.json"
LOG_FILE = "server.log"
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
class ServerStatus:
    """What ``annotate server status`` reports."""

    running: bool
    data_dir: Path
    url: str | None = None
    pid: int | None = None
    email: str | None = None
    version: str | None = None


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
        record = json.loads(path.read_text(encoding="utf-8"))
        return Credentials(email=record["email"], password=record["password"], api_key=record["api_key"])
    except (OSError, ValueError, KeyError, TypeError):
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


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child still answers kill(0): reap it if it is ours
        finished, _ = os.waitpid(pid, os.WNOHANG)
        return finished == 0
    except ChildProcessError:
        return True


def _read_state(data_dir: Path) -> dict | None:
    try:
        return json.loads((data_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _version(url: str) -> str | None:
    status, body = _get(f"{url}/api/version")
    if status != 200:
        return None
    try:
        return json.loads(body).get("release")
    except ValueError:
        return None


def status(data_dir: Path | None = None) -> ServerStatus:
    """Whether the server of this data folder runs, and where."""
    data_dir = (data_dir or default_data_dir()).resolve()
    state = _read_state(data_dir)
    creds = read_credentials(data_dir) if credentials_path(data_dir).exists() else None
    email = creds.email if creds else None
    if not state or not creds or not _pid_alive(int(state["pid"])) or not _is_ours(state["url"], creds.api_key):
        return ServerStatus(running=False, data_dir=data_dir, email=email)
    return ServerStatus(
        running=True, data_dir=data_dir, url=state["url"], pid=int(state["pid"]), email=email, version=_version(state["url"])
    )


def _server_env(data_dir: Path, creds: Credentials) -> dict[str, str]:
    env = {key: os.environ[key] for key in _KEPT_ENV if key in os.environ}
    env.update(_QUIET_ENV)
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


def _log_tail(data_dir: Path, lines: int = 5) -> str:
    try:
        text = (data_dir / LOG_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    tail = [line for line in text.splitlines() if line.strip()][-lines:]
    return " | ".join(tail)


def start(data_dir: Path | None = None, port: int | None = None, timeout: float = 240.0) -> ServerStatus:
    """Start (or find running) the server of ``data_dir``; returns once it answers with our key.

    The first start creates the admin user, its API key and the 0600 credentials file;
    later starts reuse the database and the key.
    """
    data_dir = (data_dir or default_data_dir()).resolve()
    current = status(data_dir)
    if current.running:
        return current
    data_dir.mkdir(parents=True, exist_ok=True)
    creds = read_credentials(data_dir) or _new_credentials(data_dir)
    port = port or free_port()
    url = f"http://{HOST}:{port}"
    command = [
        str(find_binary()), "start", "--no-browser", "--internal-host", HOST, "-p", str(port),
        "--data-dir", str(data_dir), "--enable-legacy-api-token", "--log-level", "WARNING",
    ]
    log = open(data_dir / LOG_FILE, "ab")  # noqa: SIM115 (handed to the child)
    try:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            env=_server_env(data_dir, creds), cwd=data_dir, start_new_session=True,
        )
    finally:
        log.close()
    _write_private(data_dir / STATE_FILE, json.dumps({"pid": process.pid, "port": port, "url": url}) + "\n")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            (data_dir / STATE_FILE).unlink(missing_ok=True)
            raise LabelStudioError(f"Label Studio exited with code {process.returncode}: {_log_tail(data_dir)}")
        if _is_ours(url, creds.api_key):
            return ServerStatus(running=True, data_dir=data_dir, url=url, pid=process.pid, email=creds.email, version=_version(url))
        time.sleep(1.0)
    _terminate(process.pid)
    (data_dir / STATE_FILE).unlink(missing_ok=True)
    raise LabelStudioError(f"Label Studio did not answer on {url}/health within {timeout:.0f} s: {_log_tail(data_dir)}")


def _terminate(pid: int, grace: float = 20.0) -> None:
    """SIGTERM the server's process group, SIGKILL it if it lingers."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not _pid_alive(pid):
            return
        time.sleep(0.2)
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def stop(data_dir: Path | None = None) -> bool:
    """Stop the server of ``data_dir``; False when none was running."""
    data_dir = (data_dir or default_data_dir()).resolve()
    state = _read_state(data_dir)
    if not state:
        return False
    pid = int(state["pid"])
    was_running = _pid_alive(pid)
    if was_running:
        _terminate(pid)
    (data_dir / STATE_FILE).unlink(missing_ok=True)
    return was_running


if __name__ == "__main__":  # pragma: no cover - manual use: python -m annotate.labelstudio.server
    print(start(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
