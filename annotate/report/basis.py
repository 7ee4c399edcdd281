"""What a report rests on: pre-annotation (with the engine's measured accuracy) or reviewed gold.

Detected from the documents: ``annotate export`` stamps each gold document's ``meta`` with
``gold_from`` (how its annotation was chosen), and ``meta.reviewed: true`` marks other reviewed
data; anything else is taken as pre-annotation. ``--basis pre|gold`` overrides the detection.
The statements and the accuracy figures are data, in ``basis.yaml`` beside this module.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from annotate.errors import InputError, LexiconError
from annotate.io import read_yaml

BASIS_FILE = Path(__file__).resolve().parent / "basis.yaml"
BASES = ("auto", "pre", "gold")


@cache
def _statements() -> dict[str, Any]:
    data = read_yaml(BASIS_FILE, LexiconError)
    if not isinstance(data, dict) or not all(isinstance(data.get(k), dict) for k in ("pre", "gold")):
        raise LexiconError(f"{BASIS_FILE}: expected mappings 'pre' and 'gold'")
    return data


def describe_basis(counts: dict[str, int], asked: str = "auto") -> dict[str, Any]:
    """The basis block of the report from the per-document marks counted by the aggregator."""
    if asked not in BASES:
        raise InputError(f"unknown basis {asked!r} (expected one of {', '.join(BASES)})")
    pre, gold = counts.get("pre_annotated_documents", 0), counts.get("reviewed_documents", 0)
    if asked != "auto":
        kind, detected_from = asked, "--basis"
    else:
        kind = "gold" if gold and not pre else "mixed" if gold and pre else "pre"
        detected_from = "meta (gold_from / reviewed)"
    statements = _statements()
    block: dict[str, Any] = {"kind": kind, "detected_from": detected_from, **counts}
    if kind == "mixed":
        block["en"] = (f"Mixed: {gold:,} reviewed documents and {pre:,} pre-annotated ones. "
                       + statements["pre"]["en"])
        block["ar"] = f"مزيج: {gold:,} وثيقة مراجَعة و{pre:,} وثيقة بتعليق آلي. " + statements["pre"]["ar"]
    else:
        block["en"], block["ar"] = statements[kind]["en"], statements[kind]["ar"]
    if kind in ("pre", "mixed"):
        block["accuracy"] = statements["pre"].get("accuracy")
    return block
