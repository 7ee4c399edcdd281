"""Reviewers: accounts on the Label Studio server, made the way Label Studio itself makes them.

Label Studio 1.23 Community has two ways to make an account, and only one of them gives an
account someone can log in with:

- ``POST /api/users/`` (``client.users.create``) makes a member of the organization *without a
  password*: nobody can log in as it, no API call sets one, and from then on the organization's
  invite link refuses that e-mail ("User with this email already exists"). Tests use such accounts
  only as names on annotations made through the API.
- The organization's invite link (``/user/signup/?token=…``, *Organization → Add People*) makes
  an account with a password in the organization. :func:`add_user` fills in that form for the
  reviewer, with the token the admin's API key fetches (``GET /api/invite``), so the reviewer
  can log in at once, and :func:`invite_link` gives the link itself, to send instead.

A member of the organization sees all its projects; ``annotate push --overlap N`` decides how
many of them annotate each task.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import httpx
from label_studio_sdk.client import LabelStudio
from label_studio_sdk.core.api_error import ApiError

from annotate.errors import InputError, LabelStudioError
from annotate.labelstudio.client import api_error, connection_errors

_FIELD_ERRORS = re.compile(r'<ul class="[^"]*(?:field_errors|errorlist)[^"]*">(.*?)</ul>', re.S)
_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


@dataclass(frozen=True)
class Reviewer:
    """An account of the server's organization."""

    id: int
    email: str
    created: bool = False  # made by this call (False: it was already there, and left unchanged)


def list_users(client: LabelStudio) -> list[Reviewer]:
    """The organization's accounts, by id."""
    try:
        users = client.users.list()
    except ApiError as error:
        raise api_error(error, "listing users") from None
    return sorted((Reviewer(id=u.id, email=u.email or "") for u in users), key=lambda r: r.id)


def invite_link(client: LabelStudio, url: str, reset: bool = False) -> str:
    """The organization's invite link (sign-up page with its token). ``reset`` makes a new token,
    so links sent before stop working (accounts made with them stay)."""
    try:
        if reset:
            client.organizations.reset_token()
        invite = client.organizations.invites.get_invite_link()
    except ApiError as error:
        raise api_error(error, "getting the invite link") from None
    return url.rstrip("/") + invite.invite_url


def _refusal(page: str) -> str:
    """Label Studio's reasons on a sign-up page it sent back (the form's field errors)."""
    reasons = [html.unescape(re.sub(r"<[^>]+>", "", item)).strip()
               for block in _FIELD_ERRORS.findall(page) for item in _ITEM.findall(block)]
    return "; ".join(reason for reason in reasons if reason) or "no reason given"


def add_user(client: LabelStudio, url: str, email: str, password: str) -> Reviewer:
    """An account with this e-mail and password in the server's organization, made through the
    invite link (see the module's docstring for why not ``POST /api/users/``).

    Adding an e-mail that already has an account changes nothing (``created`` is False): Label
    Studio has no API to change another person's password.
    """
    email = email.strip()
    if not _EMAIL.match(email):
        raise InputError(f"{email!r} is not an e-mail address")
    if not password:
        raise InputError("the password is empty")
    for user in list_users(client):
        if user.email.lower() == email.lower():
            return user
    link = invite_link(client, url)
    with connection_errors(url, f"adding {email}"), httpx.Client(follow_redirects=False, timeout=60.0) as browser:
        browser.get(link)  # sets the CSRF cookie, as for a person opening the link
        sent = browser.post(link, headers={"Referer": link}, data={
            "email": email, "password": password, "csrfmiddlewaretoken": browser.cookies.get("csrftoken", ""),
            "allow_newsletters": "false",
        })
    if sent.status_code not in (301, 302, 303):
        reason = _refusal(sent.text) if sent.status_code == 200 else f"HTTP {sent.status_code}"
        raise LabelStudioError(f"Label Studio refused the account {email}: {reason}")
    for user in list_users(client):
        if user.email.lower() == email.lower():
            return Reviewer(id=user.id, email=user.email, created=True)
    raise LabelStudioError(f"Label Studio accepted the sign-up of {email} but lists no such account")
