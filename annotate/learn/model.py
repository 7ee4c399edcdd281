"""The pre-annotator as ``annotate pre``, ``annotate serve`` and ``bench/`` run it: an engine, its
lexicon (the built-in lists with learned folders layered on top) and, when a learned folder holds
one, the score calibration. One place builds it, so the backend's predictions are exactly what
``annotate pre`` writes for the same text and folders.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotate.errors import AnnotateError
from annotate.learn.calibration import CALIBRATION_FILE, Calibration, read_calibration
from annotate.lexicons import LAYERS_ENV, layered_data, layered_lexicon
from annotate.preannotate import Engine, get_engine
from annotate.schema import Document


@dataclass(frozen=True)
class Model:
    """A ready pre-annotator and a version name derived from everything that decides its output."""

    engine: Engine
    layers: tuple[Path, ...]
    calibration: Calibration | None
    version: str

    def annotate(self, documents: Iterable[Document]) -> Iterator[Document]:
        """Annotated copies of ``documents``, scores calibrated when the model has a calibration."""
        for doc in self.engine.annotate(documents):
            yield self.calibration.apply(doc) if self.calibration else doc


def _engine(name: str, layers: Sequence[Path]) -> Engine:
    if not layers:
        return get_engine(name)
    lexicon = layered_lexicon(*layers)
    if name == "rules":
        from annotate.preannotate.rules import RulesEngine

        return RulesEngine(lexicon)
    if name == "stanza":
        from annotate.preannotate.stanza_engine import StanzaEngine

        return StanzaEngine(lexicon=lexicon)
    if name == "hybrid":
        from annotate.preannotate.hybrid_engine import HybridEngine

        return HybridEngine(lexicon=lexicon)
    raise AnnotateError(f"engine {name!r} cannot take --lexicons (only rules, stanza and hybrid can)")


def model_version(engine: str, layers: Sequence[Path], calibration: Calibration | None, prefix: str = "annotate") -> str:
    """``annotate-`` + 12 hex digits of a SHA-256 over the engine name, the layered lists and the calibration."""
    digest = hashlib.sha256(engine.encode())
    digest.update(json.dumps(layered_data(*layers), sort_keys=True, ensure_ascii=False).encode())
    if calibration is not None:
        digest.update(calibration.to_json().encode())
    return f"{prefix}-{digest.hexdigest()[:12]}"


def load_model(layers: Sequence[Path | str] = (), engine: str = "rules") -> Model:
    """The engine with ``layers`` (lexicon folders, e.g. from ``annotate learn``) over the built-in lists.

    Without ``layers``, the folders of ``ANNOTATE_LEXICONS`` are used. The last layer holding a
    ``calibration.json`` gives the calibration.
    """
    if not layers and os.environ.get(LAYERS_ENV, "").strip():
        layers = os.environ[LAYERS_ENV].strip().split(os.pathsep)
    folders = tuple(Path(p) for p in layers)
    calibration = None
    for folder in folders:
        if (folder / CALIBRATION_FILE).is_file():
            calibration = read_calibration(folder / CALIBRATION_FILE)
    return Model(_engine(engine, folders), folders, calibration, model_version(engine, folders, calibration))
