"""The report's plots: matplotlib figures rendered to SVG with the text left as text.

``svg.fonttype = none`` keeps every label a ``<text>`` element, so the browser shapes Arabic and
lays it out right to left with the page's fonts (matplotlib itself does not shape Arabic). The
SVG is inlined in the HTML: no image files, no scripts, nothing fetched. matplotlib (PSF-style
licence, BSD-compatible) is used through :class:`~matplotlib.figure.Figure` only, never pyplot, so
there is no global state and no GUI backend.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable
from typing import Any

import matplotlib
import matplotlib.patches
import matplotlib.ticker
from matplotlib import font_manager
from matplotlib.figure import Figure

from annotate.report.labels import ReportLabels

ARABIC_FONTS = ("Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans")
ALL = "All · الكل"
_OTHER_COLOUR = "#ced4da"
_PALETTE = ("#1d3557", "#e76f51", "#2a9d8f", "#e9c46a", "#9b5de5", "#f15bb5", "#457b9d", "#8d99ae", "#6a994e", "#bc6c25")
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|xlink:href="#|href="#)([^)"]+)')


def _fonts() -> list[str]:
    """The Arabic-capable families installed here (matplotlib measures with them), then fallbacks."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return [name for name in ARABIC_FONTS if name in installed] or ["DejaVu Sans"]


def _rc() -> dict[str, Any]:
    return {"svg.fonttype": "none", "svg.hashsalt": "annotate-report", "font.family": _fonts(), "font.size": 10,
            "axes.spines.top": False, "axes.spines.right": False, "axes.titlesize": 11, "axes.titleweight": "bold"}


def _svg(figure: Figure, name: str, title: str) -> str:
    """The figure as inline SVG: no XML prolog, ids prefixed with ``name`` so figures never clash."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.DOTALL)
    svg = _ID.sub(lambda m: f'id="{name}-{m.group(1)}"', svg)
    svg = _REF.sub(lambda m: f"{m.group(1)}{name}-{m.group(2)}", svg)
    label = title.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return svg.replace("<svg ", f'<svg class="plot" data-figure="{name}" role="img" aria-label="{label}" ', 1)


def _short(text: str, limit: int = 45) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rows(data: dict[str, Any], max_groups: int) -> list[tuple[str, dict[str, Any]]]:
    """(label, figures) for the overall row and the largest groups, top to bottom."""
    groups = list(data["groups"].items())[:max_groups]
    return [(ALL, data["overall"]), *((_short(g, 30), f) for g, f in groups)]


def _stacked(data: dict[str, Any], labels: ReportLabels, part: str, keys: list[str], colours: list[str],
             names: list[str], title: str, max_groups: int, xmax: float | None = None) -> Figure:
    """Stacked horizontal bars, one per group (overall on top), shares of all claims (to 100% unless ``xmax``)."""
    rows = _rows(data, max_groups)
    figure = Figure(figsize=(9, 1.2 + 0.42 * len(rows)))
    axes = figure.add_subplot()
    y = list(range(len(rows)))[::-1]
    left = [0.0] * len(rows)
    for key, colour, name in zip(keys, colours, names):
        widths = [(figures[part].get(key) or {}).get("share") or 0.0 for _, figures in rows]
        axes.barh(y, widths, left=left, color=colour, label=name, height=0.7, edgecolor="white", linewidth=0.5)
        for yi, li, wi in zip(y, left, widths):
            if wi >= 0.06:
                axes.text(li + wi / 2, yi, f"{100 * wi:.0f}%", ha="center", va="center", fontsize=8,
                          color="white" if _dark(colour) else "#222")
        left = [a + b for a, b in zip(left, widths)]
    axes.set_yticks(y, [f"{label}  ({figures['claims']:,})" for label, figures in rows])
    axes.set_xlim(0, xmax or 1)
    axes.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    axes.set_title(title, loc="left")
    axes.legend(ncols=min(len(keys), 4), loc="upper left", bbox_to_anchor=(0, -0.35 / (0.5 + 0.42 * len(rows))),
                frameon=False, fontsize=9)
    return figure


def _dark(colour: str) -> bool:
    r, g, b = (int(colour[i: i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b < 150


def source_types(data: dict[str, Any], labels: ReportLabels, max_groups: int = 12) -> Figure:
    keys = list(labels.source_types)
    return _stacked(data, labels, "source_type", keys, [labels.source_types[k].color for k in keys],
                    [labels.source_types[k].both for k in keys],
                    "Who is quoted: claims by source type · من يُقتبس: الادعاءات حسب نوع المصدر", max_groups)


def kinds(data: dict[str, Any], labels: ReportLabels, max_groups: int = 12) -> Figure:
    keys = list(labels.kinds)
    return _stacked(data, labels, "kind", keys, [labels.kinds[k].color for k in keys], [labels.kinds[k].both for k in keys],
                    "How: direct quotes and reported speech · كيف: اقتباس مباشر أو كلام منقول", max_groups)


def affiliations(data: dict[str, Any], labels: ReportLabels, max_groups: int = 12, most: int = 7) -> Figure | None:
    """Claims whose source has a stated affiliation, as shares of all claims: the commonest ``most``
    affiliations, the rest as "other". Unaffiliated and unsourced claims are in the table, not the bars."""
    stated = [k for k in data["overall"]["affiliation"] if k not in ("unaffiliated", "none")]
    if not stated:
        return None
    keys = stated[:most]
    rows = _rows(data, max_groups)
    view: dict[str, Any] = {"overall": None, "groups": {}}
    for label, figures in rows:
        counts = {k: figures["affiliation"].get(k, {"count": 0})["count"] for k in keys}
        counts["other"] = sum(v["count"] for k, v in figures["affiliation"].items()
                              if k not in keys and k not in ("unaffiliated", "none"))
        shown = dict(figures, affiliation={k: {"count": n, "share": n / figures["claims"] if figures["claims"] else None}
                                           for k, n in counts.items()})
        if label == ALL:
            view["overall"] = shown
        else:
            view["groups"][label] = shown
    widest = max(sum(v["share"] or 0 for v in f["affiliation"].values()) for f in [view["overall"], *view["groups"].values()])
    return _stacked(view, labels, "affiliation", [*keys, "other"],
                    [*(_PALETTE[i % len(_PALETTE)] for i in range(len(keys))), "#b08968"],
                    [*(labels.affiliation(k) for k in keys), "Other · أخرى"],
                    "Which side: claims by the source's stated affiliation · أي طرف: الادعاءات حسب انتماء المصدر",
                    len(rows), xmax=min(1.0, widest * 1.1) or 1.0)


def claims_per_article(data: dict[str, Any], labels: ReportLabels, max_groups: int = 12) -> Figure:
    """Mean claims per article per group, with the share of articles that quote nobody."""
    rows = _rows(data, max_groups)
    figure = Figure(figsize=(9, 1.0 + 0.38 * len(rows)))
    axes = figure.add_subplot()
    y = list(range(len(rows)))[::-1]
    means = [f["claims_per_article"]["mean"] or 0.0 for _, f in rows]
    axes.barh(y, means, color=["#264653", *["#2a9d8f"] * (len(rows) - 1)], height=0.65)
    top = max(means, default=0) or 1
    for yi, (_, figures), mean in zip(y, rows, means):
        without = figures["articles_without_claims"] / figures["articles"] if figures["articles"] else 0
        axes.text(mean + top * 0.01, yi, f"{mean:.2f}  ·  {100 * without:.0f}% quote nobody · بلا ادعاءات",
                  va="center", fontsize=8, color="#333")
    axes.set_yticks(y, [f"{label}  ({figures['articles']:,})" for label, figures in rows])
    axes.set_xlim(0, top * 1.6)
    axes.set_title("Claims per article (articles in brackets) · الادعاءات في كل مقال", loc="left")
    axes.set_xlabel("mean claims per article · متوسط الادعاءات لكل مقال", fontsize=8)
    return figure


def anonymous_over_time(data: dict[str, Any], labels: ReportLabels, max_groups: int = 8) -> Figure | None:
    """Share of claims from anonymous sources, and with no source, per period: overall and per group."""
    series = data["time_series"]
    if not series["overall"]:
        return None
    periods = [p["period"] for p in series["overall"]]
    figure = Figure(figsize=(9, 5.6))
    top, bottom = figure.subplots(2, 1, sharex=True)
    lines = [(ALL, series["overall"], "#111", 2.6)]
    for i, group in enumerate(list(series["by_group"])[:max_groups]):
        lines.append((_short(group, 30), series["by_group"][group], _PALETTE[(i + 1) % len(_PALETTE)], 1.3))
    index = {p: i for i, p in enumerate(periods)}
    for axes, key in ((top, "anonymous_share"), (bottom, "no_source_share")):
        for name, points, colour, width in lines:
            xs = [index[p["period"]] for p in points]
            ys = [math.nan if p[key] is None else p[key] for p in points]
            axes.plot(xs, ys, color=colour, linewidth=width, marker="o", markersize=2.5 if width < 2 else 3.5, label=name)
        axes.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        axes.set_ylim(bottom=0)
        axes.grid(axis="y", color="#eee")
    top.set_title(f"Anonymous sources over time (per {series['period']}) · المصادر المجهولة عبر الزمن", loc="left")
    top.set_ylabel("anonymous · مجهول", fontsize=8)
    bottom.set_title("Claims with no stated source · ادعاءات بلا مصدر معلن", loc="left")
    bottom.set_ylabel("no source · بلا مصدر", fontsize=8)
    step = max(1, len(periods) // 12)
    bottom.set_xticks(range(0, len(periods), step), [periods[i] for i in range(0, len(periods), step)],
                      rotation=30, ha="right", fontsize=8)
    bottom.legend(ncols=3, fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(0, -0.32))
    figure.subplots_adjust(hspace=0.35)
    return figure


def top_sources(data: dict[str, Any], labels: ReportLabels, top: int = 20) -> Figure | None:
    """The most-quoted sources as bars coloured by source type; names right-aligned against the bars."""
    rows = data["top_sources"]["overall"][:top]
    if not rows:
        return None
    figure = Figure(figsize=(9, 1.0 + 0.36 * len(rows)))
    axes = figure.add_subplot()
    y = list(range(len(rows)))[::-1]
    counts = [r["claims"] for r in rows]
    axes.barh(y, counts, color=[labels.source_types[r["type"]].color for r in rows], height=0.7)
    for yi, row in zip(y, rows):
        axes.text(row["claims"], yi, f" {row['claims']:,} · {row['documents']:,} art.", va="center", fontsize=8)
    axes.set_yticks(y, [_short(r["name"], 48) for r in rows], fontsize=9)
    axes.set_xlim(0, max(counts) * 1.25)
    axes.set_title("Most-quoted sources (claims · articles) · أكثر المصادر اقتباساً", loc="left")
    used = list(dict.fromkeys(r["type"] for r in rows))
    handles = [matplotlib.patches.Patch(color=labels.source_types[t].color, label=labels.source_types[t].both) for t in used]
    axes.legend(handles=handles, loc="lower right", frameon=False, fontsize=8)
    axes.set_xlabel("claims · الادعاءات", fontsize=8)
    return figure


PLOTS: dict[str, tuple[str, Callable[..., Figure | None]]] = {
    "claims-per-article": ("Claims per article", claims_per_article),
    "source-types": ("Claims by source type per group", source_types),
    "anonymous-over-time": ("Anonymous sourcing over time", anonymous_over_time),
    "kinds": ("Direct and indirect claims per group", kinds),
    "affiliations": ("Claims by affiliation per group", affiliations),
    "top-sources": ("Most-quoted sources", top_sources),
}


def render_all(data: dict[str, Any], labels: ReportLabels) -> dict[str, str]:
    """Every plot the data allows, as inline SVG keyed by name (a plot with nothing to show is left out)."""
    svgs: dict[str, str] = {}
    with matplotlib.rc_context(_rc()):
        for name, (title, make) in PLOTS.items():
            figure = make(data, labels)
            if figure is not None:
                svgs[name] = _svg(figure, name, title)
    return svgs
