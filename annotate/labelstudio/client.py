"""The one Label Studio client factory.

Settings come from ``LABEL_STUDIO_URL`` and ``LABEL_STUDIO_API_KEY`` (the SDK's own names),
then from the local server's files (``.labelstudio/server.json`` for the URL and the 0600
``credentials.json`` for the key). Legacy tokens and personal access tokens (JWT refresh
tokens) both work: the SDK tells them apart. The key is never printed or logged, and a
refused key is reported without echoing it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import httpx
from label_studio_sdk.client import LabelStudio
from label_studio_sdk.core.api_error import ApiError

from annotate.errors import LabelStudioError
from annotate.labelstudio import server

URL_ENV = "LABEL_STUDIO_URL"
KEY_ENV = "LABEL_STUDIO_API_KEY"


@dataclass(frozen=True)
class Connection:
    """Where the server is and how we authenticate; ``repr`` hides the key."""

    url: str
    api_key: str
    key_from: str  # "environment" or the credentials file path: says where to fix a bad key

    def __repr__(self) -> str:
        return f"Connection(url={self.url!r}, api_key=***, key_from={self.key_from!r})"


def resolve_connection(data_dir: Path | None = None) -> Connection:
    """Environment first, then the local server's files; :class:`LabelStudioError` if neither has it."""
    url = os.environ.get(URL_ENV, "").strip()
    key = os.environ.get(KEY_ENV, "").strip()
    key_from = "environment"
    if not url:
        running = server.status(data_dir)
        if not running.running:
            raise LabelStudioError(
                f"no Label Studio server: set {URL_ENV} (and {KEY_ENV}) or run `annotate server start`"
            )
        url = running.url or ""
    if not key:
        creds = server.read_credentials(data_dir)
        if creds is None:
            raise LabelStudioError(f"no API key: set {KEY_ENV} or start the local server once (`annotate server start`)")
        key, key_from = creds.api_key, str(server.credentials_path(data_dir))
    return Connection(url=url.rstrip("/"), api_key=key, key_from=key_from)


def make_client(connection: Connection | None = None, timeout: float = 300.0) -> LabelStudio:
    """A ready SDK client: the base URL is always given (the SDK's default is not Label Studio's)."""
    connection = connection or resolve_connection()
    try:
        client = LabelStudio(base_url=connection.url, api_key=connection.api_key, timeout=timeout)
        client.users.whoami()
    except ApiError as error:
        if error.status_code in (401, 403):
            raise LabelStudioError(
                f"{connection.url} refused the API key from {connection.key_from} (HTTP {error.status_code})"
            ) from None
        raise LabelStudioError(f"{connection.url}: HTTP {error.status_code} on login") from None
    except (httpx.HTTPError, OSError) as error:  # connection refused, timeout: name the URL, not the key
        raise LabelStudioError(f"cannot reach Label Studio at {connection.url} ({type(error).__name__})") from None
    return client


def api_error(error: ApiError, doing: str) -> LabelStudioError:
    """A one-line project error from an SDK error, keeping the server's reason but never headers."""
    body = error.body
    if isinstance(body, dict):
        reason = body.get("detail") or body.get("validation_errors") or body
    else:
        reason = body
    text = str(reason).replace("\n", " ")
    return LabelStudioError(f"{doing}: HTTP {error.status_code}: {text[:300]}")
