"""Label Studio faults and leaks, against the session's real server: a server lost half-way, a
refused request, the data folder's privacy and the export snapshots Label Studio leaves behind."""

from __future__ import annotations

import stat
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from _labelstudio_support import sample_documents
from label_studio_sdk.core.api_error import ApiError
from typer.testing import CliRunner

from annotate.cli import app
from annotate.io import write_jsonl
from annotate.labelstudio import server
from annotate.labelstudio.client import api_error
from annotate.labelstudio.push import push_documents

pytestmark = pytest.mark.labelstudio


class _DyingProxy(ThreadingHTTPServer):
    """Forwards every request to the real server until the first task import; from then on it
    hangs up on every request without an answer, as a server killed mid-push does."""

    daemon_threads = True

    def __init__(self, upstream: str) -> None:
        self.upstream, self.dead = upstream, False
        super().__init__(("127.0.0.1", 0), _Forward)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Forward(BaseHTTPRequestHandler):
    server: _DyingProxy

    def _forward(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.command == "POST" and urllib.parse.urlsplit(self.path).path.rstrip("/").endswith("/import"):
            self.server.dead = True
        if self.server.dead:
            self.close_connection = True
            return
        request = urllib.request.Request(self.server.upstream + self.path, data=body or None, method=self.command)
        for name in ("Authorization", "Content-Type", "Accept"):
            if self.headers.get(name):
                request.add_header(name, self.headers[name])
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                status, payload, kind = response.status, response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            status, payload, kind = error.code, error.read(), error.headers.get("Content-Type", "")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _forward

    def log_message(self, *args) -> None:
        pass


def test_a_server_lost_during_push_ends_in_one_line(labelstudio_server, ls_title, tmp_path: Path, monkeypatch) -> None:
    proxy = _DyingProxy(labelstudio_server.url)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    try:
        path = tmp_path / "docs.jsonl"
        write_jsonl(sample_documents(), path)
        monkeypatch.setenv("LABEL_STUDIO_URL", proxy.url)
        monkeypatch.setenv("LABEL_STUDIO_API_KEY", server.read_credentials(labelstudio_server.data_dir).api_key)
        result = CliRunner().invoke(app, ["push", str(path), "--project", ls_title])
    finally:
        proxy.shutdown()
        proxy.server_close()
    assert proxy.dead, f"the push never reached its import: {result.stderr}"
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 3
    assert result.stderr.strip() == (f"error: pushing to {ls_title!r}: lost the connection to Label Studio at {proxy.url} "
                                     "(RemoteProtocolError)")


def test_a_refused_request_says_what_label_studio_found_wrong(ls_client, ls_title) -> None:
    with pytest.raises(ApiError) as refused:
        ls_client.projects.create(title=ls_title, label_config="<View><Labels name='x' toName='nowhere'/></View>")
    message = str(api_error(refused.value, "creating"))
    assert message.startswith("creating: HTTP 400: Validation error: label_config: ")
    assert "'Label' is a required property" in message and "\n" not in message


def test_the_data_folder_is_private_and_export_snapshots_are_removed(labelstudio_server, ls_client, ls_title,
                                                                      tmp_path: Path, monkeypatch) -> None:
    data_dir = labelstudio_server.data_dir
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for name in ("label_studio.sqlite3", server.CREDENTIALS_FILE, server.STATE_FILE, server.LOG_FILE):
        assert stat.S_IMODE((data_dir / name).stat().st_mode) & 0o077 == 0, name
    result = push_documents(ls_client, sample_documents(), ls_title)
    monkeypatch.delenv("LABEL_STUDIO_URL", raising=False)
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    monkeypatch.setenv(server.DATA_DIR_ENV, str(data_dir))
    from annotate.cli.export import export
    from annotate.labelstudio.snapshots import snapshot_folder

    export(ls_title, tmp_path / "out")
    assert (tmp_path / "out" / "gold.jsonl").is_file()
    folder = snapshot_folder(data_dir, result.project_id)
    assert folder.is_dir()  # Label Studio did write the snapshot there
    assert list(folder.iterdir()) == []
