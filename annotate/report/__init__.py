"""``annotate report``: how outlets source their news, from canonical JSONL.

:func:`report` streams documents through :mod:`~annotate.report.aggregate`, says what the figures
rest on (:mod:`~annotate.report.basis`), draws the plots (:mod:`~annotate.report.plots`) and
writes one self-contained HTML page (:mod:`~annotate.report.html`) and, if asked, CSV tables
(:mod:`~annotate.report.csv`). It returns the figures as plain data.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotate.io import atomic_writer, read_documents
from annotate.report.aggregate import PERIODS, aggregate, parse_date
from annotate.report.basis import BASES, describe_basis
from annotate.report.labels import load_labels

__all__ = ["BASES", "PERIODS", "aggregate", "build", "parse_date", "report"]


def build(inputs: Iterable[Path | str], by: str = "outlet", date_field: str | None = None, period: str = "auto",
          top: int = 20, lowest: int = 20, basis: str = "auto") -> dict[str, Any]:
    """The report's figures from canonical JSONL files, read one document at a time."""
    inputs = list(inputs)
    describe_basis({}, basis)  # an unknown basis fails before the input is read
    data = aggregate(read_documents(inputs, unique_ids=False), by=by, date_field=date_field, period=period,
                     top=top, lowest=lowest)
    data["basis"] = describe_basis(data["basis"], basis)
    data["settings"]["inputs"] = [str(p) for p in inputs]
    return data


def report(inputs: list[Path | str], output: Path | str | None = None, csv_dir: Path | str | None = None,
           by: str = "outlet", date_field: str | None = None, period: str = "auto", top: int = 20,
           lowest: int = 20, basis: str = "auto", title: str = "Sourcing report") -> dict[str, Any]:
    """Count ``inputs`` and write the HTML report to ``output`` (and CSV tables to ``csv_dir``);
    returns the figures as plain data (dicts, lists, numbers, strings)."""
    from annotate.report.html import render_html
    from annotate.report.plots import render_all

    data = build(inputs, by=by, date_field=date_field, period=period, top=top, lowest=lowest, basis=basis)
    if output is not None:
        labels = load_labels()
        page = render_html(data, render_all(data, labels), labels, title)
        with atomic_writer(output) as handle:
            handle.write(page)
    if csv_dir is not None:
        from annotate.report.csv import write_csv

        write_csv(data, csv_dir)
    return data
