"""Showing an agreement report: rich tables for the terminal and ``agreement.json`` for machines.

The HTML page is in :mod:`annotate.agreement.html`. Nothing here prints: the CLI prints the
tables this module builds.
"""

from __future__ import annotations

import json
from pathlib import Path

from rich.table import Table

from annotate.agreement.coefficients import Coefficient
from annotate.agreement.metrics import ATTRIBUTES, CHARACTER_LAYERS, SPAN_LABELS, AgreementReport
from annotate.io import atomic_writer

JSON_FILE = "agreement.json"
HTML_FILE = "agreement.html"


def fmt(value: float | None) -> str:
    """Two decimals, or a dash where the figure is undefined (the JSON says why)."""
    return "–" if value is None else f"{value:.2f}"


def write_json(report: AgreementReport, path: Path | str) -> Path:
    """``agreement.json``: every figure of the report, written atomically."""
    target = Path(path)
    with atomic_writer(target) as handle:
        json.dump(report.to_json(), handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return target


def left_out_sentence(report: AgreementReport) -> str:
    """What the export did not bring into these figures (from its left_out.jsonl), or nothing."""
    counts = report.left_out
    if not counts:
        return ""
    return (f" Not compared: {counts['annotations_left_out']} annotations the export left out (they break the schema);"
            f" {counts['parts_ignored']} dangling parts ignored in {counts['annotations_with_parts_ignored']} annotations"
            " (compared without them).")


def pairs_table(report: AgreementReport) -> Table:
    """One row per annotator pair (and per annotator against the pre-annotator)."""
    table = Table(title="Pairwise agreement (F1: exact / overlap; κ: Cohen on matched spans)")
    for column in ("a", "b", "docs", "claims F1", "sources F1", "cues F1", "attribution", *(f"κ {a}" for a in ATTRIBUTES)):
        table.add_column(column, justify="left" if column in ("a", "b") else "right")
    for pair in report.pairs:
        kappa = pair.kappa()
        table.add_row(
            pair.a,
            pair.b,
            str(pair.documents),
            *(f"{fmt(pair.spans[layer]['exact'].f1)} / {fmt(pair.spans[layer]['overlap'].f1)}" for layer in ("claims", "sources", "cues")),
            fmt(pair.attribution),
            *(fmt(kappa[name].value) for name in ATTRIBUTES),
        )
    return table


def _coefficient_cell(coefficient: Coefficient) -> str:
    return f"{fmt(coefficient.value)} ({coefficient.units})"


def coefficients_table(report: AgreementReport) -> Table:
    """All human annotators together: alpha per character layer and per attribute, Fleiss' kappa."""
    table = Table(title=f"All annotators (units in brackets; Fleiss on spans marked by {report.fleiss_raters})")
    table.add_column("what")
    table.add_column("Krippendorff α", justify="right")
    table.add_column("Fleiss κ", justify="right")
    for layer in CHARACTER_LAYERS:
        table.add_row(f"{layer} (per character)", _coefficient_cell(report.alpha_characters[layer]), "")
    for name in ATTRIBUTES:
        table.add_row(name, _coefficient_cell(report.alpha_attributes[name]), _coefficient_cell(report.fleiss[name]))
    return table


def labels_table(report: AgreementReport) -> Table:
    """Overlap F1 per span label, over all human pairs."""
    table = Table(title="Per label (overlap F1 over annotator pairs)")
    table.add_column("label")
    table.add_column("F1", justify="right")
    table.add_column("matched", justify="right")
    table.add_column("spans a + b", justify="right")
    for label, counts in report.overall_labels().items():
        if label in SPAN_LABELS:
            table.add_row(label, fmt(counts.f1), str(counts.matched), str(counts.a + counts.b))
    return table


def documents_table(report: AgreementReport, limit: int = 10) -> Table:
    """The documents with the lowest agreement, where a lead should look first."""
    table = Table(title=f"Lowest agreement first ({min(limit, len(report.documents))} of {len(report.documents)} documents)")
    table.add_column("document")
    table.add_column("annotators", justify="right")
    table.add_column("labelled F1", justify="right")
    table.add_column("identical")
    for doc in report.documents[:limit]:
        table.add_row(doc.id, str(len(doc.annotators)), fmt(doc.score), "yes" if doc.identical else "no")
    return table


def terminal_tables(report: AgreementReport, limit: int = 10) -> list[Table]:
    """Everything the terminal shows, in reading order."""
    return [pairs_table(report), coefficients_table(report), labels_table(report), documents_table(report, limit)]
