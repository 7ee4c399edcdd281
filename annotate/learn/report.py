"""The learn report: what was added and why, and how well scores match acceptance (reliability plot)."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence

from annotate.learn.calibration import Calibration
from annotate.learn.lexicon import Entry

PLOT_FILE = "reliability.svg"


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def report_markdown(documents: int, entries: Sequence[Entry], calibration: Calibration, held) -> str:
    """``report.md``: counts per list, every entry with its examples, and the calibration figures."""
    per_list = Counter(f"{e.file} / {e.section}" if e.section else e.file for e in entries)
    lines = [
        "# What `annotate learn` learned",
        "",
        f"From {documents} reviewed documents (the pre-annotation shown against the gold submitted).",
        "",
        "## Lexicon additions",
        "",
        "| list | entries |",
        "| --- | ---: |",
        *[f"| {name} | {count} |" for name, count in sorted(per_list.items())],
        "",
    ]
    for entry in entries:
        where = f"{entry.file} / {entry.section}" if entry.section else entry.file
        cited = "; ".join(f"{d}: {' '.join(t.split())}" for d, t in entry.examples)
        lines.append(f"- `{where}` **{entry.key}** ({entry.reason}, seen in {entry.count} documents): {cited}")
    lines += [
        "",
        "## Calibration of scores",
        "",
        (f"Isotonic regression (scikit-learn) of 'accepted unchanged' on the score, fitted on "
         f"{calibration.fitted_on.get('claims', 0)} claims and {calibration.fitted_on.get('sources', 0)} source mentions."),
        (f"Measured by learning again from two thirds of the documents and scoring the other {held.documents} "
         "(expected calibration error, 10 bins; lower is better):"),
        "",
        "| scores | claims ECE | sources ECE |",
        "| --- | ---: | ---: |",
        f"| shown to reviewers | {_fmt(held.ece_shown)} | |",
        f"| learned lexicon, raw | {_fmt(held.ece_raw)} | {_fmt(held.source_ece_raw)} |",
        f"| learned lexicon, calibrated | {_fmt(held.ece_calibrated)} | {_fmt(held.source_ece_calibrated)} |",
        "",
        f"![reliability]({PLOT_FILE})",
        "",
    ]
    return "\n".join(lines)


def plot_svg(held) -> str:
    """Reliability plot of held-out claims: acceptance rate against mean score per bin, raw and calibrated."""
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    # a Figure of its own, not pyplot's global state: the backend may train in two threads at once
    figure = Figure(figsize=(4.5, 4.5))
    FigureCanvasSVG(figure)
    axes = figure.subplots()
    axes.plot([0, 1], [0, 1], linestyle=":", color="grey", label="perfect")
    for name, style in (("raw", "o-"), ("calibrated", "s-")):
        rows = held.bins.get(name) or []
        if rows:
            axes.plot([r["mean_score"] for r in rows], [r["accepted"] for r in rows], style, label=name)
    axes.set_xlabel("claim score")
    axes.set_ylabel("accepted unchanged (held-out)")
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.legend(loc="upper left")
    axes.set_title("Reliability of claim scores")
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
