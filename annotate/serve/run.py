"""``annotate serve``: the ML backend under uvicorn."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from annotate.serve.app import create_app
from annotate.serve.backend import Backend
from annotate.serve.state import default_state_dir


def make_backend(lexicons: Sequence[Path | str] = (), engine: str = "rules", state_dir: Path | str | None = None,
                 min_count: int = 2, train_every: int = 0) -> Backend:
    """A backend with its model loaded: the newest lexicon stored in ``state_dir`` (default
    :func:`~annotate.serve.state.default_state_dir`) for these lists, else the lists themselves.
    A broken lexicon fails here, before the server starts."""
    state = Path(state_dir) if state_dir is not None else default_state_dir()
    return Backend(layers=tuple(Path(p) for p in lexicons), engine=engine, state_dir=state.resolve(),
                   min_count=min_count, train_every=train_every)


def serve(backend: Backend, host: str = "127.0.0.1", port: int = 9090, predict_timeout: float = 20.0) -> None:
    """Serve until interrupted (uvicorn handles SIGINT/SIGTERM)."""
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    uvicorn.run(create_app(backend, predict_timeout), host=host, port=port, log_level="info", access_log=True)
