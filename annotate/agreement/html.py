"""A self-contained HTML agreement report: heatmaps of the pairwise matrices and per-label bars.

One file, inline CSS and SVG, no scripts and nothing fetched from a CDN, so it opens offline and
can be attached to an email. Colours run from red (0 or below) through yellow to green (1).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from annotate.agreement.coefficients import Coefficient
from annotate.agreement.load import PRE_ANNOTATOR
from annotate.agreement.metrics import ATTRIBUTES, CHARACTER_LAYERS, AgreementReport
from annotate.agreement.report import fmt, left_out_sentence
from annotate.io import atomic_writer

MATRIX_TITLES = {
    "claims_overlap_f1": "Claims: overlap F1",
    "sources_overlap_f1": "Source mentions: overlap F1",
    "cues_overlap_f1": "Cues: overlap F1",
    "attribution": "Attribution: same source entity",
    "source_type_kappa": "Source type: Cohen's κ",
}

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:70rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ddd;padding:.3rem .5rem;font-size:.85rem}
th{background:#f4f4f4;text-align:left}
td.cell{text-align:center;min-width:4.5rem;font-variant-numeric:tabular-nums}
td.na{background:#eee;color:#888}
.heatmaps{display:flex;flex-wrap:wrap;gap:1.5rem}
.note{color:#666;font-size:.85rem}
"""


def _colour(value: float | None) -> str:
    """Red at 0 (or below), yellow at 0.5, green at 1: hue 0 -> 120."""
    if value is None:
        return "#eeeeee"
    clamped = max(0.0, min(1.0, value))
    return f"hsl({round(120 * clamped)},70%,75%)"


def _heatmap(key: str, matrix: dict) -> str:
    names = matrix["annotators"]
    head = "".join(f"<th>{escape(n)}</th>" for n in names)
    rows = []
    for name, values in zip(names, matrix["values"]):
        cells = []
        for other, value in zip(names, values):
            css = "cell" if value is not None else "cell na"
            title = f"{name} × {other}: {fmt(value)}"
            cells.append(
                f'<td class="{css}" data-pair="{escape(name)}|{escape(other)}" title="{escape(title)}" '
                f'style="background:{_colour(value)}">{fmt(value)}</td>'
            )
        rows.append(f"<tr><th>{escape(name)}</th>{''.join(cells)}</tr>")
    return (
        f'<div class="heatmap" id="heatmap-{key}"><h3>{escape(MATRIX_TITLES.get(key, key))}</h3>'
        f"<table><tr><th></th>{head}</tr>{''.join(rows)}</table></div>"
    )


def _bars(report: AgreementReport) -> str:
    """Per-label overlap F1: humans among themselves, and the pre-annotator against humans."""
    humans = report.overall_labels()
    row_height, label_width, bar_width = 22, 120, 360
    series = [("annotators", "#2a9d8f", {k: v.f1 for k, v in humans.items()})]
    if report.predictions:
        series.append((PRE_ANNOTATOR, "#f4a261", {k: v.f1 for k, v in report.overall_labels(pre_annotator=True).items()}))
    height = row_height * len(humans) * len(series) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_width + bar_width + 60}" height="{height}" role="img">']
    y = 4
    for label in humans:
        for offset, (name, colour, values) in enumerate(series):
            value = values[label]
            width = 0 if value is None else round(bar_width * max(0.0, value))
            if offset == 0:
                parts.append(f'<text x="0" y="{y + 14}" font-size="12">{escape(label)}</text>')
            parts.append(
                f'<rect class="bar" data-label="{escape(label)}" data-series="{escape(name)}" x="{label_width}" '
                f'y="{y}" width="{width}" height="{row_height - 6}" fill="{colour}"><title>{escape(label)} '
                f"({escape(name)}): {fmt(value)}</title></rect>"
                f'<text x="{label_width + width + 4}" y="{y + 13}" font-size="11">{fmt(value)}</text>'
            )
            y += row_height
    legend_y = y + 14
    for i, (name, colour, _values) in enumerate(series):
        x = label_width + 160 * i
        parts.append(f'<rect x="{x}" y="{legend_y - 10}" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{x + 16}" y="{legend_y}" font-size="11">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _coefficient_cells(coefficient: Coefficient | None) -> str:
    if coefficient is None:
        return '<td class="cell na"></td>'
    title = escape(coefficient.reason or f"{coefficient.units} units")
    return (f'<td class="cell" title="{title}" style="background:{_colour(coefficient.value)}">'
            f"{fmt(coefficient.value)} <span class=note>({coefficient.units})</span></td>")


def _coefficients(report: AgreementReport) -> str:
    rows = [f"<tr><th>{escape(layer)} per character</th>{_coefficient_cells(report.alpha_characters[layer])}"
            f"{_coefficient_cells(None)}</tr>" for layer in CHARACTER_LAYERS]
    rows += [f"<tr><th>{escape(name)}</th>{_coefficient_cells(report.alpha_attributes[name])}"
             f"{_coefficient_cells(report.fleiss[name])}</tr>" for name in ATTRIBUTES]
    return ("<table><tr><th></th><th>Krippendorff α (nominal)</th>"
            f"<th>Fleiss κ ({report.fleiss_raters} raters)</th></tr>{''.join(rows)}</table>")


def _documents(report: AgreementReport, limit: int) -> str:
    rows = "".join(
        f'<tr><td>{escape(d.id)}</td><td>{escape(", ".join(d.annotators))}</td>'
        f'<td class="cell" style="background:{_colour(d.score)}">{fmt(d.score)}</td>'
        f"<td>{'yes' if d.identical else 'no'}</td></tr>"
        for d in report.documents[:limit]
    )
    return ("<table><tr><th>document</th><th>annotators</th><th>labelled F1</th><th>identical</th></tr>"
            f"{rows}</table>")


def render_html(report: AgreementReport, title: str = "Inter-annotator agreement", limit: int = 50) -> str:
    """The whole page as a string."""
    data = report.to_json()
    heatmaps = "".join(_heatmap(key, matrix) for key, matrix in data["matrices"].items())
    summary = (f"{len(report.annotators)} annotators, {data['annotations']} annotations of {data['document_count']} "
               f"documents, {data['documents_compared']} annotated by two or more.")
    summary += left_out_sentence(report)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title><style>{_STYLE}</style></head>
<body>
<h1>{escape(title)}</h1>
<p>{escape(summary)}</p>
<h2>Pairwise matrices</h2>
<p class="note">Each cell compares two annotators on the documents both annotated (rows and columns are the same people);
the pre-annotator, where predictions were given, is compared with each annotator. Red 0, yellow 0.5, green 1; grey: undefined.</p>
<div class="heatmaps">{heatmaps}</div>
<h2>Per label</h2>
<p class="note">Overlap F1 (character Dice ≥ 0.5, one-to-one) of spans with the same label, pooled over pairs.</p>
{_bars(report)}
<h2>All annotators together</h2>
<p class="note">Units in brackets; hover a cell for why a coefficient is undefined.</p>
{_coefficients(report)}
<h2>Documents, lowest agreement first</h2>
{_documents(report, limit)}
</body></html>
"""


def write_html(report: AgreementReport, path: Path | str, title: str = "Inter-annotator agreement") -> Path:
    """Write the page atomically."""
    target = Path(path)
    with atomic_writer(target) as handle:
        handle.write(render_html(report, title))
    return target
