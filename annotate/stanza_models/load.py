"""The one place that builds a ``stanza.Pipeline``: offline, explicit paths, once per process.

Two folder layouts are accepted, both found in the same models folder:
- a folder written by ``annotate models train`` (``tokenize.pt``, ``mwt.pt``, ``pos.pt``,
  ``lemma.pt``, ``depparse.pt``), loaded with explicit model paths and no pretrained vectors;
- a stanza resources folder written by ``annotate models download`` (``resources.json`` and
  ``ar/``), loaded by language.
Nothing is ever downloaded here (``download_method=None``).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

from annotate.errors import ModelsMissingError

PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
MODEL_FILES = {"tokenize": "tokenize.pt", "mwt": "mwt.pt", "pos": "pos.pt", "lemma": "lemma.pt", "depparse": "depparse.pt"}
HOW_TO_GET = "run `annotate models download` (needs internet) or `annotate models train TREEBANK -o DIR`"

_PIPELINES: dict[Path, Any] = {}
_LOCK = threading.Lock()


def cache_root() -> Path:
    """Where trained models are cached (``ANNOTATE_STANZA_CACHE`` or ``~/.cache/annotate/stanza``)."""
    override = os.environ.get("ANNOTATE_STANZA_CACHE")
    return Path(override).expanduser() if override else Path.home() / ".cache" / "annotate" / "stanza"


def default_models_dir() -> Path:
    """The folder the engine loads from unless told otherwise (``ANNOTATE_STANZA_MODELS``)."""
    override = os.environ.get("ANNOTATE_STANZA_MODELS")
    return Path(override).expanduser() if override else cache_root() / "models"


def layout(folder: Path) -> str | None:
    """``"trained"``, ``"official"`` or None when the folder holds no usable Arabic models."""
    if all((folder / name).is_file() for name in MODEL_FILES.values()):
        return "trained"
    if (folder / "resources.json").is_file() and (folder / "ar").is_dir():
        return "official"
    return None


def missing_models_error(folder: Path) -> ModelsMissingError:
    if not folder.exists():
        what = "does not exist"
    else:
        absent = [name for name in MODEL_FILES.values() if not (folder / name).is_file()]
        what = f"lacks {', '.join(absent)}" if absent else "holds no stanza models"
    return ModelsMissingError(f"no stanza models for Arabic in {folder} (folder {what}); {HOW_TO_GET}")


def pipeline_kwargs(folder: Path) -> dict[str, Any]:
    """Keyword arguments for ``stanza.Pipeline`` that load ``folder`` without touching the network."""
    kind = layout(folder)
    if kind is None:
        raise missing_models_error(folder)
    common: dict[str, Any] = {"lang": "ar", "processors": PROCESSORS, "download_method": None, "logging_level": "ERROR"}
    if kind == "official":
        return {**common, "dir": str(folder)}
    resources = folder / "resources.json"
    if not resources.exists():
        resources.write_text("{}\n", encoding="utf-8")
    paths = {f"{name}_model_path": str(folder / file) for name, file in MODEL_FILES.items()}
    return {**common, "dir": str(folder), **paths, "pos_pretrain_path": None, "depparse_pretrain_path": None}


def load_pipeline(folder: Path | str | None = None) -> Any:
    """The pipeline for ``folder`` (default: :func:`default_models_dir`), built once per process.

    Raises :class:`ModelsMissingError` naming the folder and how to get models.
    """
    path = Path(folder).expanduser().resolve() if folder is not None else default_models_dir().resolve()
    with _LOCK:
        if path not in _PIPELINES:
            kwargs = pipeline_kwargs(path)
            import stanza

            logging.getLogger("stanza").setLevel(logging.WARNING)
            _PIPELINES[path] = stanza.Pipeline(**kwargs)
        return _PIPELINES[path]


def read_scores(folder: Path) -> dict[str, Any] | None:
    """The held-out scores written at training time, if this is a trained folder."""
    scores = folder / "scores.json"
    return json.loads(scores.read_text(encoding="utf-8")) if scores.is_file() else None
