"""The report's figures as CSV tables, for spreadsheets and notebooks.

One file per table, UTF-8 with a byte-order mark (so spreadsheet programs read Arabic right),
every cell quoted by the csv module where needed; a text cell from the data that starts with
= + - @ or a tab is prefixed with an apostrophe so a spreadsheet never runs it as a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotate.io import atomic_writer
from annotate.report.aggregate import TYPE_KEYS
from annotate.schema import CLAIM_KINDS

OVERALL = "(all)"
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A cell that a spreadsheet shows as text: numbers as they are, risky text behind an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _write(path: Path, header: list[str], rows: Iterable[list[Any]]) -> Path:
    with atomic_writer(path) as handle:
        handle.write("\ufeff")
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([safe_cell(v) for v in row])
    return path


def _scopes(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(OVERALL, data["overall"]), *data["groups"].items()]


def write_csv(data: dict[str, Any], directory: Path | str) -> list[Path]:
    """Write every table of the report into ``directory``; returns the files written."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    by = data["settings"]["by"]
    written = []
    header = [by, "articles", "articles_with_claims", "articles_without_claims", "claims", "claims_per_article_mean",
              "claims_per_article_median", "claims_per_article_max"]
    for t in TYPE_KEYS:
        header += [f"source_{t}", f"source_{t}_share"]
    for k in CLAIM_KINDS:
        header += [k, f"{k}_share"]
    rows = []
    for scope, f in _scopes(data):
        row = [scope, f["articles"], f["articles_with_claims"], f["articles_without_claims"], f["claims"],
               f["claims_per_article"]["mean"], f["claims_per_article"]["median"], f["claims_per_article"]["max"]]
        for t in TYPE_KEYS:
            row += [f["source_type"][t]["count"], f["source_type"][t]["share"]]
        for k in CLAIM_KINDS:
            row += [f["kind"][k]["count"], f["kind"][k]["share"]]
        rows.append(row)
    written.append(_write(folder / "groups.csv", header, rows))
    written.append(_write(folder / "claims_per_article.csv", [by, "claims_in_article", "articles"],
                          ([scope, int(n), count] for scope, f in _scopes(data)
                           for n, count in f["claims_per_article"]["histogram"].items())))
    written.append(_write(folder / "affiliations.csv", [by, "affiliation", "claims", "share"],
                          ([scope, key, entry["count"], entry["share"]] for scope, f in _scopes(data)
                           for key, entry in f["affiliation"].items())))
    series = data["time_series"]
    columns = ["articles", "claims", *TYPE_KEYS, "anonymous_share", "no_source_share", "direct_share"]
    written.append(_write(folder / "time_series.csv", [by, series["period"], *columns],
                          ([scope, p["period"], *(p[c] for c in columns)]
                           for scope, points in [(OVERALL, series["overall"]), *series["by_group"].items()] for p in points)))
    sources = data["top_sources"]
    written.append(_write(folder / "top_sources.csv",
                          [by, "rank", "source", "type", "affiliation", "claims", "articles", "other_names"],
                          [[OVERALL, rank, r["name"], r["type"], r["affiliation"], r["claims"], r["documents"],
                            " | ".join(r["other_names"])] for rank, r in enumerate(sources["overall"], start=1)]
                          + [[group, rank, r["name"], r["type"], r["affiliation"], r["claims"], None, None]
                             for group, rows_ in sources["by_group"].items() for rank, r in enumerate(rows_, start=1)]))
    fields = ["document", "claim", "score", "source_score", "kind", "text", "cue", "source", "source_type",
              "affiliation", "group", "date", "url"]
    lowest = data["lowest_scores"]
    written.append(_write(folder / "lowest_scores.csv", ["scope", *fields],
                          ([scope, *(r[k] for k in fields)]
                           for scope, rows_ in [(OVERALL, lowest["overall"]), *lowest["by_group"].items()] for r in rows_)))
    return written
