"""Shared fixtures. Label Studio: ONE real server per session (free port, temporary data folder)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from _labelstudio_support import unique_title


@pytest.fixture(scope="session")
def labelstudio_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A real Label Studio 1.23 on 127.0.0.1 with its own data folder; stopped at the end of the session."""
    from annotate.errors import LabelStudioError
    from annotate.labelstudio import server

    try:
        server.find_binary()
    except LabelStudioError as error:
        pytest.skip(str(error))
    data_dir = tmp_path_factory.mktemp("labelstudio")
    status = server.start(data_dir)
    yield status
    server.stop(data_dir)


@pytest.fixture(scope="session")
def ls_client(labelstudio_server):
    """An SDK client made by the project's one client factory, from the server's credentials file."""
    from annotate.labelstudio.client import make_client, resolve_connection

    return make_client(resolve_connection(labelstudio_server.data_dir))


@pytest.fixture
def ls_title(request: pytest.FixtureRequest) -> str:
    """A fresh project title for this test (push creates the project)."""
    return unique_title(request.node.name[:40])


@pytest.fixture
def ls_project(ls_client, ls_title):
    """A fresh, empty project with the generated interface."""
    from annotate.labelstudio.push import ensure_project

    project, _ = ensure_project(ls_client, ls_title)
    return project


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ (kept by CI): screenshots and the like."""
    folder = Path(__file__).resolve().parents[1] / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def stanza_models(pytestconfig: pytest.Config) -> Path:
    """stanza models for this machine: from the cache, or trained now (only the first session pays for it).

    Training prints its progress on the terminal (it is never silent), and is bounded by its step
    counts rather than by pytest's clock: see ``pytest_collection_modifyitems``. CI trains before
    pytest starts (``./dev test``), so there this takes the cached folder at once.
    """
    from _stanza_support import trained_models

    capture = pytestconfig.pluginmanager.getplugin("capturemanager")

    def say(line: str) -> None:
        with capture.global_and_fixture_disabled():
            print(f"[stanza] {line}", file=sys.stderr, flush=True)

    return trained_models(progress=say)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The per-test timeout covers the test bodies of tests using the trained models, not their setup,
    where the session may be training them (step-capped: how long depends only on the machine's load)."""
    for item in items:
        if "stanza_models" in getattr(item, "fixturenames", ()) and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(func_only=True))
