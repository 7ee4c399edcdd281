"""The server's process and files: who may be signalled, one server per database, a private folder.

These tests need no real Label Studio: a stand-in ``label-studio`` script (made per test, named
and called exactly like the real one) answers ``/health`` and ``whoami`` with the key it was
given, or never answers (a frozen server). What is checked is our bookkeeping around it; the real
server's files are checked in test_labelstudio_server.py on the session server.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from annotate.errors import LabelStudioError
from annotate.labelstudio import server

ROOT = Path(__file__).resolve().parent.parent

_FAKE = textwrap.dedent(
    """\
    #!{python}
    import http.server, json, os, sys, time
    args = sys.argv[1:]
    port, data = int(args[args.index("-p") + 1]), args[args.index("--data-dir") + 1]
    with open(os.path.join(data, "launches.log"), "a") as log:
        log.write(f"{{os.getpid()}}\\n")
    with open(os.path.join(data, "label_studio.sqlite3"), "w") as db:  # like the real one: default mode
        db.write("secret")
    if {frozen}:
        time.sleep(3600)
    token = os.environ["LABEL_STUDIO_USER_TOKEN"]

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            ok = self.path == "/health" or self.path == "/api/version" or (
                self.path.startswith("/api/current-user/whoami") and self.headers.get("Authorization") == f"Token {{token}}")
            body = json.dumps({{"release": "stand-in"}}).encode()
            self.send_response(200 if ok else 401)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
    """
)


def _fake_binary(folder: Path, frozen: bool = False) -> Path:
    binary = folder / "bin" / "label-studio"
    binary.parent.mkdir(parents=True)
    binary.write_text(_FAKE.format(python=sys.executable, frozen=frozen), encoding="utf-8")
    binary.chmod(0o755)
    return binary


def _launches(data_dir: Path) -> list[int]:
    log = data_dir / "launches.log"
    return [int(line) for line in log.read_text().split()] if log.exists() else []


def _alive(process: subprocess.Popen) -> bool:
    return process.poll() is None


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "ls data"
    yield folder
    server.stop(folder)
    for pid in _launches(folder):  # whatever a failing test left running
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _forge_state(data_dir: Path, pid: int, port: int = 8) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "server.json").write_text(json.dumps({"pid": pid, "port": port, "url": f"http://127.0.0.1:{port}"}))
    (data_dir / "credentials.json").write_text(json.dumps({"email": "a@b.c", "password": "p", "api_key": "k"}))


@pytest.mark.parametrize("leader", [True, False])
def test_stop_never_signals_a_process_that_is_not_our_server(data_dir: Path, leader: bool) -> None:
    """A stale or forged server.json names an unrelated process (here: a `sleep`, in its own
    process group or not): stop leaves it alone and removes the file."""
    victim = subprocess.Popen(["sleep", "300"], start_new_session=leader)
    try:
        _forge_state(data_dir, victim.pid)
        assert server.stop(data_dir) is False
        assert _alive(victim)
        assert not (data_dir / "server.json").exists()
    finally:
        victim.kill()
        victim.wait()


def test_stop_never_signals_a_label_studio_of_another_folder(data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(server.BINARY_ENV, str(_fake_binary(tmp_path)))
    other = tmp_path / "other folder"
    running = server.start(other)
    try:
        _forge_state(data_dir, running.pid, int(running.url.rsplit(":", 1)[1]))
        assert server.stop(data_dir) is False
        assert server.status(other).running
    finally:
        assert server.stop(other) is True
    assert not server.status(other).running


def test_a_start_while_our_server_is_frozen_starts_no_second_one(data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    """Two servers on one SQLite database corrupt it: a frozen one is reported, not doubled."""
    binary = _fake_binary(tmp_path, frozen=True)
    monkeypatch.setenv(server.BINARY_ENV, str(binary))
    data_dir.mkdir()
    port = server.free_port()
    frozen = subprocess.Popen(
        [str(binary), "start", "--no-browser", "-p", str(port), "--data-dir", str(data_dir.resolve())],
        start_new_session=True, env={**os.environ, "LABEL_STUDIO_USER_TOKEN": "k"},
    )
    try:
        _forge_state(data_dir, frozen.pid, port)
        while _launches(data_dir) != [frozen.pid]:  # it has started (and will answer nothing)
            assert _alive(frozen)
            time.sleep(0.1)
        with pytest.raises(LabelStudioError, match=rf"\(pid {frozen.pid}\) runs but does not answer"):
            server.start(data_dir, timeout=2)
        assert _launches(data_dir) == [frozen.pid]
        assert _alive(frozen)
        assert server.stop(data_dir) is True  # it is ours: stop may signal it
        frozen.wait(timeout=60)
    finally:
        if _alive(frozen):
            frozen.kill()


def test_two_first_starts_at_once_share_one_server(data_dir: Path, tmp_path: Path) -> None:
    env = {**os.environ, server.BINARY_ENV: str(_fake_binary(tmp_path)), "PYTHONPATH": str(ROOT)}
    code = "import sys; from pathlib import Path; from annotate.labelstudio import server; print(server.start(Path(sys.argv[1])).pid)"
    starters = [subprocess.Popen([sys.executable, "-c", code, str(data_dir)], env=env, stdout=subprocess.PIPE, text=True)
                for _ in range(2)]
    pids = [int(p.communicate(timeout=300)[0]) for p in starters]
    assert pids[0] == pids[1]
    assert _launches(data_dir) == [pids[0]]
    assert server.stop(data_dir) is True


def test_the_data_folder_and_what_the_server_writes_are_private(data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(server.BINARY_ENV, str(_fake_binary(tmp_path)))
    data_dir.mkdir(mode=0o755)
    (data_dir / "old.sqlite3").write_text("from an older version")
    (data_dir / "old.sqlite3").chmod(0o644)
    server.start(data_dir)
    assert data_dir.stat().st_mode & 0o777 == 0o700
    for path in data_dir.rglob("*"):
        assert path.stat().st_mode & 0o077 == 0, f"{path.name} is readable by others"


def test_state_files_nested_deep_enough_to_crash_a_parser_are_refused_before_parsing(tmp_path: Path) -> None:
    # 100,000 levels take json.loads to the recursion limit; the files are refused by their brackets.
    deep = b'{"email": ' + b'{"a": ' * 100_000 + b"1" + b"}" * 100_000 + b"}"
    server.credentials_path(tmp_path).write_bytes(deep)
    with pytest.raises(LabelStudioError, match="unreadable credentials file"):
        server.read_credentials(tmp_path)
    (tmp_path / server.STATE_FILE).write_bytes(b"[" * 100_000)
    assert server._read_state(tmp_path) is None
