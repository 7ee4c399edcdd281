"""Compile the second blind holdout set (holdout2.yaml) into canonical JSONL (holdout2.jsonl).

A second, independently written set of 40 passages in other genres (wire copy, live blogs,
Telegram copies, scraped pages, state media of several countries, court and parliament
reporting, interviews) so that one holdout's quirks do not decide how well the engine
generalises. Like the first holdout it was written blind to the engine's rules, lexicons,
the dev gold and the guideline examples: do not tune on it. It is compiled by the same code
as the dev gold (:func:`build_gold.main`), so all sets share one format and one validation.

Run ``python tests/data/build_holdout2.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from build_gold import main  # noqa: E402  (build_gold puts the repository on sys.path)

HOLDOUT2_YAML = HERE / "holdout2.yaml"
HOLDOUT2_JSONL = HERE / "holdout2.jsonl"

if __name__ == "__main__":
    sys.exit(main(HOLDOUT2_YAML, HOLDOUT2_JSONL))
