"""``annotate pre --scheduler``: the same chunks as :mod:`annotate.scale`, annotated on a Dask cluster.

Kept apart from :mod:`annotate.scale` because importing ``dask.distributed`` takes a second that a
local run should not pay. The client (this process) reads, keeps chunks flowing to the workers as
futures, a few per worker thread, and writes their results in input order; each worker builds the
engine once, when the :class:`EnginePlugin` is registered, and keeps it for every chunk after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from distributed import Client, KilledWorker, WorkerPlugin

from annotate.errors import AnnotateError, InputError
from annotate.preannotate import ENGINES, Engine
from annotate.scale import IN_FLIGHT_PER_WORKER, ChunkResult, Layers, annotate_in_worker, in_order, worker_engine
from annotate.schema import Document


class EnginePlugin(WorkerPlugin):
    """Builds engine ``name`` on each worker as it joins (at once on workers already running), so
    no chunk waits for it and nothing of the engine travels with the tasks."""

    def __init__(self, name: str, layers: Layers = (), factory: Callable[[], Engine] | None = None) -> None:
        self.name, self.layers, self.factory = name, layers, factory

    def setup(self, worker: Any) -> None:
        try:
            worker_engine(self.name, self.layers, self.factory)
        except Exception:  # noqa: BLE001, S110 - the first chunk builds it again and brings the error back as its own
            pass


def connect(scheduler: str | Client) -> tuple[Client, bool]:
    """A client for ``scheduler`` (an address, or a client already made), and whether we made it."""
    if isinstance(scheduler, Client):
        return scheduler, False
    try:
        # waits up to Dask's distributed.comm.timeouts.connect (30 s unless configured)
        return Client(scheduler, set_as_default=False), True
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(f"{scheduler}: cannot reach the Dask scheduler ({error})") from None


def on_cluster(chunks: Iterator[list[Document]], engine: str, layers: Layers,
               scheduler: str | Client) -> Iterator[ChunkResult]:
    """Annotated ``chunks`` in order, computed on the cluster of ``scheduler``."""
    client, own = connect(scheduler)
    try:
        factory = ENGINES.get(engine)
        client.register_plugin(EnginePlugin(engine, layers, factory), name=f"annotate-engine-{engine}")
        threads = sum(client.nthreads().values()) or 1
        yield from in_order(lambda chunk: client.submit(annotate_in_worker, chunk, engine, layers, factory, pure=False),
                            chunks, threads * IN_FLIGHT_PER_WORKER)
    except KilledWorker as error:
        raise AnnotateError(f"workers of the Dask cluster died on the same chunk ({error}); nothing was written") from None
    finally:
        if own:
            client.close()
