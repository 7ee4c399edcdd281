"""``annotate report``: a sourcing report (HTML, and the same figures as JSON or CSV)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from annotate.cli._app import app, friendly_errors
from annotate.cli._progress import stderr
from annotate.report import BASES, PERIODS, report


@app.command("report")
@friendly_errors
def report_cli(
    inputs: list[Path] = typer.Argument(..., help="Canonical JSONL: the output of `annotate pre`, or an export's gold.jsonl."),
    output: Path = typer.Option(..., "-o", "--output", help="The HTML report to write (one self-contained file)."),
    by: str = typer.Option("outlet", "--by", help="Group by this meta field."),
    date_field: str | None = typer.Option(None, "--date-field",
                                          help="Meta field with the article's date; default meta.date, else meta.date_extracted."),
    period: str = typer.Option("auto", "--period", help=f"Time series per {', '.join(PERIODS[1:])}, or auto (by the span of dates)."),
    top: int = typer.Option(20, "--top", min=1, help="How many most-quoted sources to list."),
    lowest: int = typer.Option(20, "--lowest", min=0, help="How many lowest-scored claims to list for review."),
    basis: str = typer.Option("auto", "--basis", help=f"What the annotations are: {', '.join(BASES)} (auto: from meta)."),
    csv_dir: Path | None = typer.Option(None, "--csv", help="Also write the figures as CSV tables into this folder."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON on standard output."),
) -> None:
    """How outlets source their news: who is quoted, how, by which outlet, over time."""
    data = report(inputs, output, csv_dir=csv_dir, by=by, date_field=date_field, period=period, top=top,
                  lowest=lowest, basis=basis)
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
    overall = data["overall"]
    written = f"{output}" + (f" and {csv_dir}/" if csv_dir else "")
    stderr.print(f"{overall['articles']:,} articles, {overall['claims']:,} claims ({data['basis']['kind']}) → {written}",
                 highlight=False, soft_wrap=True)
