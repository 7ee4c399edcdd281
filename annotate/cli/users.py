"""``annotate users add|invite|list``: reviewers' accounts on the Label Studio server."""

from __future__ import annotations

import os
import sys

import typer

from annotate.cli._app import app, friendly_errors
from annotate.errors import InputError
from annotate.labelstudio.client import connection_errors, make_client, resolve_connection
from annotate.labelstudio.users import Reviewer, add_user, invite_link, list_users

users_app = typer.Typer(help="Reviewers' accounts on the Label Studio server.", no_args_is_help=True)
app.add_typer(users_app, name="users")


def add(email: str, password: str) -> Reviewer:
    """Add a reviewer who can log in with ``email`` and ``password`` on the configured server."""
    connection = resolve_connection()
    client = make_client(connection)
    with connection_errors(connection.url, f"adding {email}"):
        return add_user(client, connection.url, email, password)


def _password(variable: str | None) -> str:
    """From the environment variable named (never from the command line, where `ps` shows it), else
    typed twice at a hidden prompt."""
    if variable:
        value = os.environ.get(variable)
        if not value:
            raise InputError(f"environment variable {variable} is not set or empty")
        return value
    if not sys.stdin.isatty():
        raise InputError("give the password in an environment variable: --password-env VAR")
    return typer.prompt("Password for the reviewer", hide_input=True, confirmation_prompt=True)


@users_app.command("add")
@friendly_errors
def add_cli(
    email: str = typer.Argument(..., help="The reviewer's e-mail (their login)."),
    password_env: str = typer.Option(None, "--password-env", metavar="VAR",
                                     help="Environment variable holding the password (else asked at a hidden prompt)."),
) -> None:
    """Make an account that can log in and review every project (through the invite sign-up)."""
    reviewer = add(email, _password(password_env))
    if reviewer.created:
        print(f"added {reviewer.email} (user {reviewer.id}): they log in at {resolve_connection().url}/user/login/")
    else:
        print(f"{reviewer.email} already has an account (user {reviewer.id}); its password is unchanged")


@users_app.command("invite")
@friendly_errors
def invite_cli(
    reset: bool = typer.Option(False, "--reset", help="Make a new link; links sent before stop working."),
) -> None:
    """Print the organization's invite link: whoever opens it can sign up and review."""
    connection = resolve_connection()
    with connection_errors(connection.url, "getting the invite link"):
        print(invite_link(make_client(connection), connection.url, reset=reset))


@users_app.command("list")
@friendly_errors
def list_cli() -> None:
    """The organization's accounts: id and e-mail."""
    connection = resolve_connection()
    with connection_errors(connection.url, "listing users"):
        for reviewer in list_users(make_client(connection)):
            print(f"{reviewer.id}\t{reviewer.email}")
