"""The rules engine against the development gold set: the bar the issue sets, and no lower.

Thresholds are the issue's (claim F1 >= 0.90, attribution F1 >= 0.85 on the dev gold). The dev
gold was written independently of the engine but the engine has since been tuned on it, so the
figures here are an upper bound; bench/engines.md and the README report the blind holdout too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotate.evaluate import evaluate
from annotate.io import read_jsonl
from annotate.preannotate import preannotate
from annotate.schema import Document

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def scores() -> dict:
    gold = read_jsonl(DATA / "dev_gold.jsonl")
    predicted = list(preannotate(Document(id=d.id, text=d.text, meta=d.meta) for d in gold))
    return evaluate(gold, predicted)


def test_claim_f1_reaches_the_bar(scores: dict) -> None:
    assert scores["claims_overlap"]["f1"] >= 0.90
    assert scores["claims_exact"]["f1"] >= 0.85


def test_attribution_f1_reaches_the_bar(scores: dict) -> None:
    assert scores["attribution"]["f1"] >= 0.85


def test_source_type_affiliation_and_kind_are_mostly_right(scores: dict) -> None:
    assert scores["type_accuracy"] >= 0.85
    assert scores["affiliation_accuracy"] >= 0.85
    assert scores["kind_accuracy"] >= 0.90


def test_passages_without_claims_stay_empty() -> None:
    gold = [d for d in read_jsonl(DATA / "dev_gold.jsonl") if not d.claims]
    assert len(gold) >= 10
    predicted = list(preannotate(Document(id=d.id, text=d.text) for d in gold))
    spurious = [(d.id, c.text) for d in predicted for c in d.claims]
    assert len(spurious) <= 1, spurious


@pytest.mark.parametrize("name", ["holdout.jsonl", "holdout2.jsonl", "holdout3.jsonl"])
def test_holdouts_meet_the_bars_set_for_unseen_news(name: str) -> None:
    """The holdouts were written after the engine, in other outlets' styles (holdout 3 is still blind):
    they stand in for the hidden evaluation, so they are held to that evaluation's bars."""
    gold = read_jsonl(DATA / name)
    scores = evaluate(gold, preannotate(Document(id=d.id, text=d.text, meta=d.meta) for d in gold))
    assert scores["claims_overlap"]["f1"] >= 0.85
    assert scores["attribution"]["f1"] >= 0.80
    assert scores["type_accuracy"] >= 0.85
    assert scores["affiliation_accuracy"] >= 0.85
