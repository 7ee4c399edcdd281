"""Agreement of an export folder as one call: read, compute, write agreement.json and agreement.html."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotate.agreement.html import write_html
from annotate.agreement.load import (
    ANNOTATIONS_FILE,
    default_predictions,
    read_annotations,
    read_left_out,
    read_predictions,
)
from annotate.agreement.metrics import AgreementReport, compute_agreement
from annotate.agreement.report import HTML_FILE, JSON_FILE, write_json
from annotate.errors import InputError


@dataclass(frozen=True)
class AgreementRun:
    """The report and where it was written."""

    report: AgreementReport
    json_path: Path
    html_path: Path
    predictions: Path | None


def agreement(directory: Path, predictions: Path | None = None, out: Path | None = None) -> AgreementRun:
    """Compute agreement for the export in ``directory``; write agreement.json and agreement.html.

    Predictions come from ``predictions`` or, when not given, from ``DIR/predictions.jsonl``
    if the export wrote one.
    """
    if not directory.is_dir():
        raise InputError(f"{directory}: no such folder (expected the output folder of `annotate export`)")
    annotations = read_annotations(directory / ANNOTATIONS_FILE)
    if not annotations:
        raise InputError(f"{directory / ANNOTATIONS_FILE}: holds no annotations")
    predictions = predictions or default_predictions(directory)
    predicted = read_predictions(predictions, annotations) if predictions else []
    report = compute_agreement(annotations, predicted)
    report.left_out = read_left_out(directory)
    target = out or directory
    json_path = write_json(report, target / JSON_FILE)
    html_path = write_html(report, target / HTML_FILE)
    return AgreementRun(report, json_path, html_path, predictions)

