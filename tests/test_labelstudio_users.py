"""Reviewers' accounts (issue 11.14), on the session's real Label Studio: an added reviewer logs
in with their password, gets an API token, sees the project's tasks and gets one from their queue."""

from __future__ import annotations

import httpx
import pytest
from _labelstudio_support import make_annotator, sample_documents, unique_title
from typer.testing import CliRunner

from annotate.cli import app
from annotate.errors import InputError, LabelStudioError
from annotate.labelstudio.client import Connection, make_client
from annotate.labelstudio.push import push_documents
from annotate.labelstudio.server import read_credentials
from annotate.labelstudio.users import add_user, invite_link, list_users

pytestmark = pytest.mark.labelstudio

PASSWORD = "reviewer-passphrase-1"


def _log_in(url: str, email: str, password: str) -> httpx.Client | None:
    """A browser-like session logged in through Label Studio's login form, or None if refused."""
    session = httpx.Client(base_url=url, follow_redirects=False, timeout=60.0)
    session.get("/user/login/")
    sent = session.post("/user/login/", headers={"Referer": f"{url}/user/login/"}, data={
        "email": email, "password": password, "csrfmiddlewaretoken": session.cookies.get("csrftoken", "")})
    if sent.status_code != 302:
        session.close()
        return None
    return session


def test_an_added_reviewer_logs_in_gets_a_token_and_sees_the_projects_tasks(ls_client, labelstudio_server, ls_title):
    url = labelstudio_server.url
    pushed = push_documents(ls_client, sample_documents(), ls_title, overlap=2)
    email = f"{unique_title('reviewer').replace(' ', '')}@example.org"
    reviewer = add_user(ls_client, url, email, PASSWORD)
    assert reviewer.created and reviewer.email == email
    assert email in {user.email for user in list_users(ls_client)}

    session = _log_in(url, email, PASSWORD)
    assert session is not None, "the reviewer cannot log in"
    try:
        token = session.get("/api/current-user/token").json()["token"]
    finally:
        session.close()
    assert _log_in(url, email, "a wrong password") is None

    client = make_client(Connection(url=url, api_key=token, key_from="test"))
    assert client.users.whoami().email == email
    tasks = client.tasks.list(project=pushed.project_id, fields="all")
    assert sorted(task.data["document_id"] for task in tasks) == ["doc-a", "doc-b"]
    queued = httpx.get(f"{url}/api/projects/{pushed.project_id}/next", headers={"Authorization": f"Token {token}"})
    assert queued.status_code == 200 and queued.json()["data"]["document_id"] in {"doc-a", "doc-b"}


def test_adding_an_existing_reviewer_changes_nothing(ls_client, labelstudio_server):
    email = f"{unique_title('again').replace(' ', '')}@example.org"
    first = add_user(ls_client, labelstudio_server.url, email, PASSWORD)
    second = add_user(ls_client, labelstudio_server.url, email, "another-password-2")
    assert (second.id, second.created) == (first.id, False)
    session = _log_in(labelstudio_server.url, email, PASSWORD)
    assert session is not None  # the first password still works
    session.close()


@pytest.mark.parametrize("email, password, error, reason", [
    ("short@example.org", "abc", LabelStudioError, "Please enter a password 8"),
    ("not-an-email", PASSWORD, InputError, "not an e-mail address"),
    ("empty@example.org", "", InputError, "the password is empty"),
])
def test_a_refused_account_says_why(ls_client, labelstudio_server, email, password, error, reason):
    with pytest.raises(error, match=reason):
        add_user(ls_client, labelstudio_server.url, email, password)
    assert email not in {user.email for user in list_users(ls_client)}


def test_an_account_made_by_the_users_api_cannot_log_in(ls_client, labelstudio_server):
    """Why add_user goes through the invite sign-up: POST /api/users/ makes an account without a password."""
    made = make_annotator(ls_client, "apimade")
    assert _log_in(labelstudio_server.url, made.email, PASSWORD) is None
    assert _log_in(labelstudio_server.url, made.email, "") is None


def test_the_invite_link_signs_a_person_up(ls_client, labelstudio_server):
    link = invite_link(ls_client, labelstudio_server.url)
    assert link.startswith(f"{labelstudio_server.url}/user/signup/?token=")
    assert httpx.get(link).status_code == 200


def test_cli_users_add_reads_the_password_from_the_environment(labelstudio_server, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_URL", labelstudio_server.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", read_credentials(labelstudio_server.data_dir).api_key)
    monkeypatch.setenv("REVIEWER_PASSWORD", PASSWORD)
    email = f"{unique_title('cli').replace(' ', '')}@example.org"
    runner = CliRunner()
    added = runner.invoke(app, ["users", "add", email, "--password-env", "REVIEWER_PASSWORD"])
    assert added.exit_code == 0, added.output
    assert added.stdout.startswith(f"added {email} (user ") and PASSWORD not in added.output
    again = runner.invoke(app, ["users", "add", email, "--password-env", "REVIEWER_PASSWORD"])
    assert again.exit_code == 0 and "already has an account" in again.stdout
    listed = runner.invoke(app, ["users", "list"])
    assert email in listed.stdout
    unset = runner.invoke(app, ["users", "add", "x@example.org", "--password-env", "NOT_SET_ANYWHERE"])
    assert unset.exit_code == 2 and "NOT_SET_ANYWHERE is not set" in unset.stderr
    session = _log_in(labelstudio_server.url, email, PASSWORD)
    assert session is not None
    session.close()
