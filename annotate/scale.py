"""Annotating a stream of documents on every core of this machine, or on a Dask cluster, in input order.

Documents travel in chunks (a few dozen at a time). A worker builds its engine once, the first
time it needs it (a pool's initializer, a Dask worker plugin), keeps it for every later chunk, and
sends back the chunk's finished JSONL lines, offsets already re-checked. So the process that reads
and writes does little else, and the bytes written are the same whoever annotated them: one
process, N local processes, or a cluster. At most a few chunks per worker are in flight, so memory
stays flat whatever the input size.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from annotate.errors import AnnotateError, InputError
from annotate.io import document_line
from annotate.learn.model import load_model
from annotate.lexicons import LAYERS_ENV, layered_data
from annotate.preannotate import ENGINES, Engine, register_engine
from annotate.schema import Document

Layers = tuple[str, ...]  # lexicon folders layered over the built-in lists, as absolute paths

CHUNK_DOCUMENTS = 64  # per chunk: ~0.1 s of work for news articles, so a chunk's trip costs little
CHUNK_BYTES = 1_000_000  # and no more than about 1 MB of text, however long the documents
IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker: enough to keep it busy, few enough to keep memory flat


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@dataclass
class ChunkResult:
    """One chunk, annotated: its documents' JSONL lines in input order, and what they hold."""

    lines: list[str] = field(default_factory=list)
    claims: int = 0
    sources: int = 0


class Annotator(Protocol):
    """An engine, or :class:`annotate.learn.model.Model` (an engine with its lexicon layers and calibration)."""

    def annotate(self, documents: Iterable[Document]) -> Iterator[Document]: ...


def lexicon_layers(folders: Iterable[Path | str] | None = None) -> Layers:
    """``folders`` (default: those of ``$ANNOTATE_LEXICONS``), checked, as absolute paths read the same by every
    worker."""
    folders = list(folders or ())
    if not folders and os.environ.get(LAYERS_ENV, "").strip():
        folders = os.environ[LAYERS_ENV].strip().split(os.pathsep)
    if folders:
        layered_data(*folders)  # a mistake in a layer is named here by its path as typed, not absolute in a worker
    return tuple(str(Path(folder).resolve()) for folder in folders)


def annotate_chunk(documents: Iterable[Document], engine: Annotator) -> ChunkResult:
    """Annotate ``documents`` with a ready ``engine`` into their output lines (the one code path every
    way of running takes, so the bytes cannot differ)."""
    result = ChunkResult()
    documents = list(documents)
    try:
        for doc in engine.annotate(documents):
            result.lines.append(document_line(doc))
            result.claims += len(doc.claims)
            result.sources += len(doc.sources)
    except AnnotateError:
        raise
    except Exception as error:  # an engine bug: one line naming the document, so it can be reported
        where = documents[len(result.lines)].id if len(result.lines) < len(documents) else "?"
        raise AnnotateError(f"document {where}: the engine failed on it ({type(error).__name__}: {error}); "
                            f"nothing was written; please report it with this document") from error
    return result


def chunked(documents: Iterable[Document], size: int = CHUNK_DOCUMENTS,
            max_bytes: int = CHUNK_BYTES) -> Iterator[list[Document]]:
    """``documents`` in lists of ``size`` (fewer when their texts pass ``max_bytes`` code points), read lazily."""
    chunk: list[Document] = []
    weight = 0
    for doc in documents:
        chunk.append(doc)
        weight += len(doc.text)
        if len(chunk) >= size or weight >= max_bytes:
            yield chunk
            chunk, weight = [], 0
    if chunk:
        yield chunk


# ---------------------------------------------------------------- one engine per worker process

_models: dict[tuple[str, Layers], Annotator] = {}
_models_lock = threading.Lock()
_annotating = threading.Lock()


def worker_engine(name: str, layers: Layers = (), factory: Callable[[], Engine] | None = None) -> Annotator:
    """This process's engine ``name`` with lexicon ``layers``, built on first use and kept (a worker
    serves many chunks)."""
    with _models_lock:
        if (name, layers) not in _models:
            if name not in ENGINES and factory is not None:
                register_engine(name, factory)  # an engine registered by the caller, unknown to a fresh process
            _models[name, layers] = load_model(layers, name)
        return _models[name, layers]


def annotate_in_worker(documents: list[Document], name: str, layers: Layers = (),
                       factory: Callable[[], Engine] | None = None) -> ChunkResult:
    engine = worker_engine(name, layers, factory)
    # A Dask worker may run several threads; they take turns on the one engine (the GIL would not
    # let them annotate at once anyway, and an engine's caches are not written for threads).
    with _annotating:
        return annotate_chunk(documents, engine)


_STOPPING_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _start_pool_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: no worker tracebacks


@contextmanager
def _stopping_signals_held() -> Iterator[None]:
    """Ctrl-C and ``kill`` wait while the pool starts a worker process: stopping the parent between
    starting a child and handing it its start-up data left the child to print an EOFError traceback.
    A signal that comes meanwhile is noted and raised again as soon as the worker is started, where its
    usual handler deals with it. (Only the main thread may set handlers; elsewhere nothing is held.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {number: signal.signal(number, lambda signum, frame: caught.append(signum))
                for number in _STOPPING_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        if caught:
            signal.raise_signal(caught[0])


class Future(Protocol):
    def result(self) -> ChunkResult: ...


def in_order(submit: Callable[[list[Document]], Future], chunks: Iterable[list[Document]],
              in_flight: int) -> Iterator[ChunkResult]:
    """Submit chunks as workers free up and yield their results in submission order."""
    pending: deque[Future] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _local(chunks: Iterator[list[Document]], engine: str, layers: Layers, jobs: int) -> Iterator[ChunkResult]:
    first = next(chunks, None)
    second = next(chunks, None) if first is not None else None
    if second is None or jobs == 1:  # one chunk (or one job): starting processes would cost more than it saves
        ready = load_model(layers, engine)
        for chunk in _chain(first, second, chunks):
            yield annotate_chunk(chunk, ready)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # spawn, not fork: a fresh interpreter per worker, whatever threads this process runs (a progress
    # bar, a notebook's kernel). Each worker builds the engine on its first chunk (an error there,
    # such as a bad lexicon, comes back as that chunk's one-line error) and keeps it.
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_pool_worker)
    factory = ENGINES.get(engine)

    def submit(chunk: list[Document]) -> Future:
        with _stopping_signals_held():  # a submit may start a worker process
            return pool.submit(annotate_in_worker, chunk, engine, layers, factory)

    try:
        yield from in_order(submit, _chain(first, second, chunks), jobs * IN_FLIGHT_PER_WORKER)
    except BrokenProcessPool:
        raise AnnotateError(f"a worker process died (out of memory?); nothing was written; try fewer --jobs "
                            f"than {jobs}") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _chain(first: list[Document] | None, second: list[Document] | None,
           rest: Iterator[list[Document]]) -> Iterator[list[Document]]:
    for chunk in (first, second):
        if chunk is not None:
            yield chunk
    yield from rest


def annotate_stream(documents: Iterable[Document], engine: str = "rules", jobs: int | None = None,
                    scheduler: Any = None, chunk_size: int = CHUNK_DOCUMENTS,
                    layers: Layers = ()) -> Iterator[ChunkResult]:
    """Annotated chunks of ``documents`` in input order: in this process (``jobs=1``), in ``jobs`` worker
    processes (default: every core), or on the Dask cluster ``scheduler`` (an address such as
    ``tcp://10.0.0.5:8786``, or a ``distributed.Client``). The lines are the same bytes in every case."""
    if chunk_size < 1:
        raise InputError(f"chunk size must be at least 1 (got {chunk_size})")
    chunks = chunked(documents, chunk_size)
    if scheduler is not None:
        from annotate.cluster import on_cluster  # imports dask.distributed, which only a cluster run needs

        return on_cluster(chunks, engine, layers, scheduler)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise InputError(f"--jobs must be at least 1 (got {jobs})")
    return _local(chunks, engine, layers, jobs)
