"""Register ``annotate serve`` as a project's ML backend (and remove it), through the SDK.

Label Studio shows a project only the predictions of its model version. A project that already
has pushed predictions keeps its version: the backend is registered under that title and told
(``extra_params``) to label its predictions with it, so pushed and live predictions sit side by
side. A project without one takes the backend's own version. The backend gets a short timeout
(Label Studio's default is 100 s), so a slow backend costs a reviewer seconds, not minutes.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from label_studio_sdk.client import LabelStudio
from label_studio_sdk.core.api_error import ApiError

from annotate.errors import LabelStudioError
from annotate.labelstudio.client import api_error
from annotate.labelstudio.push import find_project

DEFAULT_URL = "http://127.0.0.1:9090"


@dataclass(frozen=True)
class Connected:
    """What ``annotate connect`` did."""

    project_id: int
    backend_id: int | None
    url: str
    model_version: str | None
    removed: int = 0


def backend_version(url: str, timeout: float = 5.0) -> str:
    """The version the backend at ``url`` serves; one-line error when it does not answer."""
    try:
        response = httpx.get(url.rstrip("/") + "/health", timeout=timeout)
        response.raise_for_status()
        version = response.json().get("model_version")
    except (httpx.HTTPError, ValueError, AttributeError) as error:
        raise LabelStudioError(f"no annotate ML backend answers at {url} ({type(error).__name__}); start `annotate serve`") from None
    if not isinstance(version, str) or not version:
        raise LabelStudioError(f"{url}/health gives no model version: is it `annotate serve`?")
    return version


def _ours(client: LabelStudio, project_id: int, url: str) -> list:
    wanted = url.rstrip("/")
    return [b for b in client.ml.list(project=project_id) if (b.url or "").rstrip("/") == wanted]


def connect(client: LabelStudio, title: str, url: str = DEFAULT_URL, timeout: float = 10.0) -> Connected:
    """Register the backend at ``url`` on project ``title`` (again: its registration is refreshed)."""
    project = find_project(client, title)
    if project is None:
        raise LabelStudioError(f"no project titled {title!r} on this server")
    served = backend_version(url)
    version = project.model_version or served
    try:
        for old in _ours(client, project.id, url):
            client.ml.delete(id=old.id)
        backend = client.ml.create(
            project=project.id, url=url.rstrip("/"), title=version, is_interactive=False, timeout=timeout,
            auto_update=True, extra_params={"model_version": version},
            description="annotate serve: pre-annotation of attributed claims (rules engine)",
        )
        if project.model_version != version or not project.show_collab_predictions:
            client.projects.update(id=project.id, model_version=version, show_collab_predictions=True)
    except ApiError as error:
        raise api_error(error, f"connecting {url} to {title!r}") from None
    return Connected(int(project.id), int(backend.id), url, version)


def disconnect(client: LabelStudio, title: str, url: str = DEFAULT_URL) -> Connected:
    """Remove the backend at ``url`` from project ``title``; its predictions stay."""
    project = find_project(client, title)
    if project is None:
        raise LabelStudioError(f"no project titled {title!r} on this server")
    try:
        found = _ours(client, project.id, url)
        for backend in found:
            client.ml.delete(id=backend.id)
    except ApiError as error:
        raise api_error(error, f"removing {url} from {title!r}") from None
    return Connected(int(project.id), None, url, project.model_version or None, removed=len(found))
