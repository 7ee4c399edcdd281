"""The rules engine on real news (tests/data/real): floors that keep what was won, not the issue's bars.

The issue's bars for real news are claim F1 >= 0.88, attribution F1 >= 0.82, type and affiliation
accuracy >= 0.90; the engine does not reach them on every part yet (the README gives the figures).
These floors sit a little under today's scores on each part, so a change that loses ground on real
articles fails here even when the written sets still pass. Every part was scored blind once (on record
in tests/data/real/first-blind-scores) before any fix looked at it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotate.evaluate import evaluate
from annotate.io import read_jsonl
from annotate.preannotate import preannotate
from annotate.schema import Document

REAL = Path(__file__).parent / "data" / "real"

# part: (claim F1 overlap, attribution F1, type accuracy, affiliation accuracy), each a floor
FLOORS = {
    "a": (0.935, 0.910, 0.970, 0.985),
    "b": (0.870, 0.820, 0.945, 0.975),
    "c": (0.920, 0.865, 0.945, 0.965),
    "d": (0.880, 0.765, 0.910, 0.980),
    "e": (0.875, 0.820, 0.960, 0.970),
    "f": (0.890, 0.825, 0.910, 0.945),
    "g": (0.895, 0.845, 0.955, 0.965),
    "h": (0.885, 0.840, 0.955, 0.985),
    "i": (0.885, 0.835, 0.955, 0.965),
    "j": (0.875, 0.800, 0.885, 0.915),  # its gold leaves Obama without a side where no title names it (real-1087)
    "k": (0.880, 0.820, 0.925, 0.945),
    "l": (0.890, 0.820, 0.985, 0.970),
    "m": (0.910, 0.840, 0.955, 0.960),
    "n": (0.880, 0.835, 0.970, 0.940),
    "o": (0.850, 0.785, 0.960, 0.985),
    "p": (0.900, 0.840, 0.940, 0.975),
    "q": (0.900, 0.820, 0.920, 0.975),
    "r": (0.870, 0.805, 0.930, 0.985),
    "s": (0.880, 0.810, 0.875, 0.935),
    "t": (0.840, 0.780, 0.925, 0.950),
    "u": (0.840, 0.770, 0.895, 0.945),
    "v": (0.850, 0.810, 0.930, 0.980),
    "w": (0.860, 0.795, 0.905, 0.935),
    "x": (0.910, 0.870, 0.945, 0.985),
    "y": (0.835, 0.750, 0.895, 0.955),
    "z": (0.890, 0.835, 0.895, 0.970),
    "aa": (0.890, 0.820, 0.940, 0.955),
}  # every part has had its one blind score (first-blind-scores/); a new blind part gets no floor until then


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_real_news_scores_stay_above_their_floors(part: str) -> None:
    gold = list(read_jsonl(REAL / f"gold-{part}.jsonl"))
    assert len(gold) == 110
    scores = evaluate(gold, preannotate(Document(id=d.id, text=d.text, meta=d.meta) for d in gold))
    claim, attribution, type_, affiliation = FLOORS[part]
    assert scores["claims_overlap"]["f1"] >= claim
    assert scores["attribution"]["f1"] >= attribution
    assert scores["type_accuracy"] >= type_
    assert scores["affiliation_accuracy"] >= affiliation


def test_the_real_gold_is_complete_and_carries_its_licence() -> None:
    """Twenty-seven parts of 110 real passages, every passage annotated, each with its article's URL."""
    for part in [*"abcdefghijklmnopqrstuvwxyz", "aa"]:
        documents = list(read_jsonl(REAL / f"gold-{part}.jsonl"))
        assert len(documents) == 110
        assert all(str(d.meta.get("url", "")).startswith("http") for d in documents)
    assert "CC BY-NC-SA 4.0" in (REAL / "LICENSE").read_text(encoding="utf-8")
