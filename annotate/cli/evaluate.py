"""``annotate evaluate``: claim, attribution, type, affiliation and kind scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from annotate.cli._app import app, friendly_errors
from annotate.cli._progress import stdout
from annotate.evaluate import EvaluationError, evaluate
from annotate.io import read_jsonl


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:5.1f}"


def _table(scores: dict[str, Any]) -> Table:
    table = Table(title=f"{scores['documents']} documents, {scores['gold_claims']} gold claims, "
                        f"{scores['predicted_claims']} predicted")
    for column in ("measure", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "measure" else "left")
    for name, key in (("claims (exact)", "claims_exact"), ("claims (overlap)", "claims_overlap"),
                      ("attribution", "attribution")):
        row = scores[key]
        table.add_row(name, _pct(row["precision"]), _pct(row["recall"]), _pct(row["f1"]))
    for name, key in (("source type accuracy", "type_accuracy"), ("affiliation accuracy", "affiliation_accuracy"),
                      ("kind accuracy", "kind_accuracy")):
        table.add_row(name, "", "", _pct(scores[key]))
    table.add_section()
    for name, row in scores["per_type"].items():
        table.add_row(f"gold source {name} ({row['gold_claims']})", "", _pct(row["recall"]),
                      f"attr {_pct(row['attribution_accuracy'])} · type {_pct(row['type_accuracy'])}")
    return table


@app.command("evaluate")
@friendly_errors
def evaluate_cli(
    gold: Path = typer.Argument(..., help="Gold canonical JSONL."),
    predicted: Path = typer.Argument(..., help="Predicted canonical JSONL (same document ids)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    errors: bool = typer.Option(False, "--errors", help="List every miss, spurious claim, wrong source, type, "
                                "affiliation and kind, one per line (tab-separated), after the scores."),
) -> None:
    """Score predictions against gold (claims exact/overlap, attribution, type, affiliation, kind)."""
    scores = evaluate(read_jsonl(gold), read_jsonl(predicted), errors=errors)
    if errors and not as_json:
        stdout.print(_table(scores))
        for row in scores["errors"]:
            print(EvaluationError(**row).line())
        return
    if as_json:
        print(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        stdout.print(_table(scores))
