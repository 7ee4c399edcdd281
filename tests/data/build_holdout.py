"""Compile the blind holdout set (holdout.yaml) into canonical JSONL (holdout.jsonl).

The holdout measures how the pre-annotator generalises: its passages were written without
looking at the engine's rules, its lexicons or the dev gold, so nobody should tune on it. It is
compiled by exactly the same code as the dev gold (:func:`build_gold.main`, which calls
``compile_gold`` and writes atomically), so both sets follow one format and one validation.

Run ``python tests/data/build_holdout.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from build_gold import main  # noqa: E402  (build_gold puts the repository on sys.path)

HOLDOUT_YAML = HERE / "holdout.yaml"
HOLDOUT_JSONL = HERE / "holdout.jsonl"

if __name__ == "__main__":
    sys.exit(main(HOLDOUT_YAML, HOLDOUT_JSONL))
