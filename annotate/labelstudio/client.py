"""The one Label Studio client factory.

Settings come from ``LABEL_STUDIO_URL`` and ``LABEL_STUDIO_API_KEY`` (the SDK's own names),
then from the local server's files (``.labelstudio/server.json`` for the URL and the 0600
``credentials.json`` for the key). Legacy tokens and personal access tokens (JWT refresh
tokens) both work: the SDK tells them apart. The key is never printed or logged, and a
refused key is reported without echoing it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
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


def _flatten(value: object) -> str:
    """Label Studio's validation errors ({"field": ["message", ...]}, nested) as ``field: message; ...``."""
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_flatten(item)}" if key not in ("non_field_errors", "__all__") else _flatten(item)
                         for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return "; ".join(_flatten(item) for item in value)
    return str(value)


def api_error(error: ApiError, doing: str) -> LabelStudioError:
    """A one-line project error from an SDK error, keeping the server's reason (with its validation
    messages: "Validation error" alone says nothing) but never headers."""
    body = error.body
    if isinstance(body, dict):
        parts = [str(body["detail"])] if body.get("detail") else []
        if body.get("validation_errors"):
            parts.append(_flatten(body["validation_errors"]))
        reason = ": ".join(parts) if parts else _flatten(body)
    else:
        reason = str(body)
    text = " ".join(reason.split())
    return LabelStudioError(f"{doing}: HTTP {error.status_code}: {text[:500]}")


@contextmanager
def connection_errors(url: str, doing: str) -> Iterator[None]:
    """Turn a connection lost half-way (server stopped, killed, frozen past the timeout) into one line."""
    try:
        yield
    except httpx.TimeoutException:
        raise LabelStudioError(f"{doing}: Label Studio at {url} did not answer in time") from None
    except (httpx.HTTPError, ConnectionError) as error:
        raise LabelStudioError(f"{doing}: lost the connection to Label Studio at {url} ({type(error).__name__})") from None
