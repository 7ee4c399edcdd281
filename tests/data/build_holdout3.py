"""Compile the third blind holdout set (holdout3.yaml) into canonical JSONL (holdout3.jsonl).

Forty more passages written blind to the engine's rules and lexicons, the dev gold, the first
two holdouts and the guideline examples, deliberately away from the Syria-focused material the
engine was tuned on: Maghreb, Egypt, Sudan, the Gulf, Iraq, Lebanon, Jordan, Palestine, Turkey,
Iran and Europe's Arab press; wire copy, features quoting ordinary people, TV-transcript style,
opinion, press releases, parliament, sports, health, science, courts, migration and climate;
with page debris. Do not tune on it. It is compiled by the same code as the dev gold
(:func:`build_gold.main`), so all sets share one format and one validation.

Run ``python tests/data/build_holdout3.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from build_gold import main  # noqa: E402  (build_gold puts the repository on sys.path)

HOLDOUT3_YAML = HERE / "holdout3.yaml"
HOLDOUT3_JSONL = HERE / "holdout3.jsonl"

if __name__ == "__main__":
    sys.exit(main(HOLDOUT3_YAML, HOLDOUT3_JSONL))
