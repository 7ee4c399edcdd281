"""Shared by the stanza tests: where the treebank is, and the session's trained models.

The models are trained once per machine and cached (``annotate.stanza_models.train``), so
only the first test session on a machine pays the training time (``./dev test`` trains before
pytest starts, printing its progress; a session run another way trains in the fixture, also printing it).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TREEBANK = Path(os.environ.get("ANNOTATE_TREEBANK", ROOT.parent / "shared" / "data" / "ud-arabic-pud"))
SAMPLE = ROOT / "sample" / "syria-tv-2024-08-09.txt"


def need_treebank() -> Path:
    if not TREEBANK.exists():
        pytest.skip(f"UD Arabic-PUD not found at {TREEBANK} (set ANNOTATE_TREEBANK)")
    return TREEBANK


def trained_models(progress: Callable[[str], None] | None = None) -> Path:
    """A trained model folder: from the cache, or trained now (once per machine); see conftest."""
    from annotate.stanza_models.train import train

    folder, _cached = train(need_treebank(), progress=progress)
    return folder
