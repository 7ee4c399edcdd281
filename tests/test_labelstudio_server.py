"""The local server and the client factory, against the session's real Label Studio."""

from __future__ import annotations

import os
import socket
import stat

import pytest
from label_studio_sdk.client import LabelStudio

from annotate.errors import LabelStudioError
from annotate.labelstudio import server
from annotate.labelstudio.client import Connection, make_client, resolve_connection

pytestmark = pytest.mark.labelstudio


def test_first_start_stores_the_key_in_a_private_file_and_never_logs_it(labelstudio_server):
    path = server.credentials_path(labelstudio_server.data_dir)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    creds = server.read_credentials(labelstudio_server.data_dir)
    assert creds.api_key not in repr(creds) and creds.password not in repr(creds)
    log = (labelstudio_server.data_dir / server.LOG_FILE).read_text(encoding="utf-8", errors="replace")
    assert creds.api_key not in log and creds.password not in log
    assert labelstudio_server.url.startswith("http://127.0.0.1:") and labelstudio_server.version == "1.23.2"


def test_start_again_finds_the_running_server(labelstudio_server):
    again = server.start(labelstudio_server.data_dir)
    assert (again.pid, again.url) == (labelstudio_server.pid, labelstudio_server.url)
    assert server.status(labelstudio_server.data_dir).running


def test_environment_comes_before_the_credentials_file(labelstudio_server, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", labelstudio_server.url + "/")
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "not-the-key")
    connection = resolve_connection(labelstudio_server.data_dir)
    assert (connection.url, connection.api_key, connection.key_from) == (labelstudio_server.url, "not-the-key", "environment")
    with pytest.raises(LabelStudioError, match="refused the API key from environment") as error:
        make_client(connection)
    assert "not-the-key" not in str(error.value) and "not-the-key" not in repr(connection)


def test_a_personal_access_token_works_like_the_legacy_token(labelstudio_server, ls_client):
    token = ls_client.tokens.create().token
    client = make_client(Connection(url=labelstudio_server.url, api_key=token, key_from="test"))
    assert client.users.whoami().email == server.ADMIN_EMAIL
    assert isinstance(client, LabelStudio)


def test_a_stopped_server_restarts_on_its_data(labelstudio_server, ls_client, ls_project):
    data_dir, port = labelstudio_server.data_dir, int(labelstudio_server.url.rsplit(":", 1)[1])
    assert server.stop(data_dir)
    assert not server.status(data_dir).running
    with pytest.raises(LabelStudioError, match="no Label Studio server"):
        env = {k: os.environ.pop(k) for k in ("LABEL_STUDIO_URL", "LABEL_STUDIO_API_KEY") if k in os.environ}
        try:
            resolve_connection(data_dir)
        finally:
            os.environ.update(env)
    assert server.stored_port(data_dir) == port  # kept in the data folder's config.json
    again = server.start(data_dir)  # no --port: the kept one, so links to tasks keep working
    assert again.url == labelstudio_server.url
    assert ls_client.projects.get(ls_project.id).title == ls_project.title  # same database, same key


def test_a_restart_keeps_the_port_and_a_taken_port_is_a_clear_error(labelstudio_server, ls_client, ls_project):
    """Issue 11.16: links break if the port changes; Label Studio itself would silently move on."""
    data_dir, url = labelstudio_server.data_dir, labelstudio_server.url
    port = int(url.rsplit(":", 1)[1])
    assert server.stop(data_dir)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:  # another program takes the port
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        squatter.bind(("127.0.0.1", port))
        squatter.listen()
        with pytest.raises(LabelStudioError, match=f"port {port} on 127.0.0.1 is taken by another program.*config.json"):
            server.start(data_dir)
        assert not (data_dir / server.STATE_FILE).exists()  # nothing was started
    assert server.stored_port(data_dir) == port  # the error did not move the server
    again = server.start(data_dir)
    assert again.url == url
    assert server.status(data_dir).url == url  # so {url}/projects/{id}/data still opens the project
    assert ls_client.projects.get(ls_project.id).title == ls_project.title
