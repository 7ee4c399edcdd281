"""Pre-annotation engines behind one function.

``preannotate(documents, engine="rules")`` is what the CLI and other modules call. Engines
register a factory here; the rules engine needs no model and no network.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from annotate.errors import AnnotateError
from annotate.schema import Document


class Engine(Protocol):
    """Anything that turns documents into annotated documents, in order."""

    name: str

    def annotate(self, documents: Iterable[Document]) -> Iterator[Document]: ...


def _rules() -> Engine:
    from annotate.preannotate.rules import RulesEngine

    return RulesEngine()


def _stanza() -> Engine:
    from annotate.preannotate.stanza_engine import StanzaEngine

    return StanzaEngine()


def _hybrid() -> Engine:
    from annotate.preannotate.hybrid_engine import HybridEngine

    return HybridEngine()


ENGINES: dict[str, Callable[[], Engine]] = {"rules": _rules, "stanza": _stanza, "hybrid": _hybrid}


def register_engine(name: str, factory: Callable[[], Engine]) -> None:
    """Make an engine available to ``preannotate`` and ``annotate pre --engine``."""
    ENGINES[name] = factory


def get_engine(name: str = "rules") -> Engine:
    """A ready engine; loading (models, lexicons) happens here, once."""
    try:
        factory = ENGINES[name]
    except KeyError:
        raise AnnotateError(f"unknown engine {name!r}; choose one of: {', '.join(sorted(ENGINES))}") from None
    return factory()


def preannotate(documents: Iterable[Document], engine: str | Engine = "rules") -> Iterator[Document]:
    """Annotated copies of ``documents`` by ``engine`` (a name or a ready engine)."""
    ready = get_engine(engine) if isinstance(engine, str) else engine
    yield from ready.annotate(documents)
