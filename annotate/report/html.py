"""The report as one self-contained HTML page: inline CSS and SVG, no scripts, nothing fetched.

It opens offline and can be mailed. Headings are bilingual (English · Arabic); tables are laid
out right to left with Arabic headers above the English ones, in fonts that have Arabic glyphs
(Noto Naskh / Noto Sans Arabic where installed, then the system's Arabic fonts). Every value that
comes from the data is escaped, and only http(s) links are made links.
"""

from __future__ import annotations

from html import escape
from typing import Any

from annotate.report.labels import ReportLabels

_AR_FONTS = '"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Segoe UI", Tahoma, "Geeza Pro", "Arabic Typesetting", serif'
_UI_FONTS = '"Noto Sans", "Noto Sans Arabic", "Segoe UI", Tahoma, "Helvetica Neue", Arial, sans-serif'

_STYLE = f"""
body{{font-family:{_UI_FONTS};margin:2rem auto;color:#222;max-width:72rem;padding:0 1rem;line-height:1.45}}
[lang="ar"]{{font-family:{_AR_FONTS}}}
h1{{font-size:1.6rem;margin-bottom:.2rem}}h2{{font-size:1.2rem;margin-top:2.4rem;border-bottom:1px solid #ddd}}
h3{{font-size:1rem}}
.sub{{color:#555;font-size:.9rem}}
.basis{{border-left:6px solid #e9c46a;background:#fff8e6;padding:.8rem 1rem;margin:1.2rem 0}}
.basis.gold{{border-color:#2a9d8f;background:#eef8f6}}
.basis p{{margin:.3rem 0}}
.basis h2{{margin-top:0}}
.cards{{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}}
.card{{border:1px solid #ddd;border-radius:6px;padding:.6rem .9rem;min-width:9rem}}
.card b{{display:block;font-size:1.5rem;font-variant-numeric:tabular-nums}}
.card span{{font-size:.8rem;color:#555}}
figure{{margin:1.2rem 0}}
svg.plot{{max-width:100%;height:auto}}
svg.plot text{{font-family:"Noto Sans Arabic","Noto Naskh Arabic","DejaVu Sans","Segoe UI",Tahoma,"Geeza Pro",sans-serif !important}}
table.data{{border-collapse:collapse;margin:.6rem 0;font-size:.85rem}}
table.data th,table.data td{{border:1px solid #ddd;padding:.25rem .5rem;vertical-align:top}}
table.data th{{background:#f4f4f4;font-weight:600}}
table.data th small{{display:block;font-weight:normal;color:#666;font-family:{_UI_FONTS}}}
table.data td.n{{text-align:left;font-variant-numeric:tabular-nums;white-space:nowrap;direction:ltr}}
table.data td.claim{{max-width:38rem}}
details{{margin:.4rem 0}}
.scroll{{overflow-x:auto}}
.note{{color:#555;font-size:.85rem}}
code{{font-size:.85em}}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}" if digits or isinstance(value, float) else f"{value:,}"


def _bi(en: str, ar: str) -> str:
    return f'<span lang="en">{_e(en)}</span> · <span lang="ar" dir="rtl">{_e(ar)}</span>'


def _th(ar: str, en: str) -> str:
    return f'<th><span lang="ar">{_e(ar)}</span><small lang="en" dir="ltr">{_e(en)}</small></th>'


def _table(table_id: str, headers: list[tuple[str, str]], rows: list[str]) -> str:
    head = "".join(_th(ar, en) for ar, en in headers)
    return (f'<div class="scroll" dir="rtl"><table class="data" id="{table_id}" dir="rtl" lang="ar"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _cell(value: Any) -> str:
    return f'<td dir="auto">{_e(value)}</td>'


def _n(text: str) -> str:
    return f'<td class="n">{_e(text)}</td>'


def _link(url: Any, text: str) -> str:
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return f'<a href="{_e(url)}" rel="noreferrer noopener">{_e(text)}</a>'
    return _e(text)


def _basis(basis: dict[str, Any]) -> str:
    parts = [f'<p lang="en">{_e(basis["en"])}</p>', f'<p lang="ar" dir="rtl">{_e(basis["ar"])}</p>']
    accuracy = basis.get("accuracy")
    if accuracy:
        figures = []
        for key, name in (("claim_f1_overlap", "claim F1 (overlap)"), ("attribution_f1", "attribution F1"),
                          ("source_type_accuracy", "source type accuracy")):
            entry = accuracy.get(key) or {}
            if "range" in entry:
                low, high = entry["range"]
                figures.append(f"{name} {low:.1f}–{high:.1f}")
            elif "value" in entry:
                figures.append(f"{name} {entry['value']:.1f}")
        parts.append(f'<p lang="en"><b>Measured accuracy of the engine</b> on {_e(accuracy.get("measured_on"))}: '
                     f'{_e("; ".join(figures))} ({_e(accuracy.get("status"))}).</p>')
    parts.append(f'<p class="note">{basis["pre_annotated_documents"]:,} documents without review marks, '
                 f'{basis["reviewed_documents"]:,} reviewed; basis from {_e(basis["detected_from"])}.</p>')
    css = "basis gold" if basis["kind"] == "gold" else "basis"
    return f'<section class="{css}" id="basis"><h2>{_bi("What this rests on", "على ماذا يستند التقرير")}</h2>{"".join(parts)}</section>'


def _cards(data: dict[str, Any]) -> str:
    overall = data["overall"]
    cards = [
        (_num(overall["articles"]), "articles · مقالات"),
        (_num(overall["claims"]), "claims · ادعاءات"),
        (_num(overall["claims_per_article"]["mean"], 2), "claims per article · لكل مقال"),
        (_pct(overall["source_type"]["anonymous"]["share"]), "anonymous · مجهول"),
        (_pct(overall["no_source"]["share"]), "no stated source · بلا مصدر"),
        (_pct(overall["kind"]["direct"]["share"]), "direct quotes · اقتباس مباشر"),
    ]
    return '<div class="cards" id="key-figures">' + "".join(
        f'<div class="card"><b>{_e(value)}</b><span>{_e(label)}</span></div>' for value, label in cards) + "</div>"


def _groups_table(data: dict[str, Any], labels: ReportLabels) -> str:
    types = list(labels.source_types)
    headers = [("المجموعة", data["settings"]["by"]), ("مقالات", "articles"), ("ادعاءات", "claims"),
               ("لكل مقال", "per article"), ("الوسيط", "median"), ("مقالات بلا ادعاءات", "articles without claims"),
               *((labels.source_types[t].ar, labels.source_types[t].en) for t in types),
               *((labels.kinds[k].ar, labels.kinds[k].en) for k in labels.kinds)]
    rows = []
    for name, figures in [("All · الكل", data["overall"]), *data["groups"].items()]:
        cells = [_cell(name), _n(_num(figures["articles"])), _n(_num(figures["claims"])),
                 _n(_num(figures["claims_per_article"]["mean"], 2)), _n(_num(figures["claims_per_article"]["median"], 1)),
                 _n(f'{figures["articles_without_claims"]:,} ({_pct(figures["articles_without_claims"] / figures["articles"] if figures["articles"] else None)})')]
        for t in types:
            entry = figures["source_type"][t]
            cells.append(_n(f'{entry["count"]:,} ({_pct(entry["share"])})'))
        for k in labels.kinds:
            entry = figures["kind"][k]
            cells.append(_n(f'{entry["count"]:,} ({_pct(entry["share"])})'))
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return _table("groups-table", headers, rows)


def _affiliations_table(data: dict[str, Any], labels: ReportLabels) -> str:
    keys = list(data["overall"]["affiliation"])
    headers = [("المجموعة", data["settings"]["by"]), *((labels.affiliations[k].ar, labels.affiliations[k].en)
                                                      if k in labels.affiliations else (k, k) for k in keys)]
    rows = []
    for name, figures in [("All · الكل", data["overall"]), *data["groups"].items()]:
        cells = [_cell(name)]
        for key in keys:
            entry = figures["affiliation"].get(key) or {"count": 0, "share": 0.0 if figures["claims"] else None}
            cells.append(_n(f'{entry["count"]:,} ({_pct(entry["share"])})'))
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return _table("affiliations-table", headers, rows)


def _sources_table(table_id: str, rows_data: list[dict], labels: ReportLabels, total_claims: int, detail: bool) -> str:
    headers = [("#", "rank"), ("المصدر", "source"), ("النوع", "type"), ("الانتماء", "affiliation"),
               ("ادعاءات", "claims"), ("النسبة", "share of claims")]
    if detail:
        headers += [("مقالات", "articles"), ("أسماء أخرى", "other names"), ("حسب المجموعة", "by group")]
    rows = []
    for rank, row in enumerate(rows_data, start=1):
        kind = labels.source_types.get(row["type"])
        cells = [_n(str(rank)), _cell(row["name"]), _cell(kind.ar if kind else row["type"]),
                 _cell(labels.affiliation(row["affiliation"]) if row["affiliation"] else ""),
                 _n(_num(row["claims"])), _n(_pct(row["claims"] / total_claims if total_claims else None))]
        if detail:
            by_group = "، ".join(f"<bdi>{_e(g)}: {n:,}</bdi>" for g, n in list(row["by_group"].items())[:6])
            cells += [_n(_num(row["documents"])), _cell("، ".join(row["other_names"])), f'<td dir="auto">{by_group}</td>']
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return _table(table_id, headers, rows)


def _lowest_table(table_id: str, rows_data: list[dict], labels: ReportLabels) -> str:
    headers = [("الدرجة", "score"), ("الادعاء", "claim"), ("أداة النسبة", "cue"), ("المصدر", "source"),
               ("النوع", "type"), ("المجموعة", "group"), ("التاريخ", "date"), ("الوثيقة", "document")]
    rows = []
    for row in rows_data:
        kind = labels.source_types.get(row["source_type"])
        score = f'{row["score"]:.2f}' + (f' / {row["source_score"]:.2f}' if row["source_score"] is not None else "")
        rows.append("<tr>" + "".join([
            _n(score), f'<td class="claim" dir="rtl" lang="ar">{_e(row["text"])}</td>', _cell(row["cue"]),
            _cell(row["source"]), _cell(kind.ar if kind else row["source_type"]), _cell(row["group"]), _n(row["date"] or "—"),
            f'<td dir="ltr">{_link(row["url"], row["document"])} <small>{_e(row["claim"])}</small></td>',
        ]) + "</tr>")
    return _table(table_id, headers, rows)


def _figure(svgs: dict[str, str], name: str, caption: str = "") -> str:
    if name not in svgs:
        return ""
    note = f'<figcaption class="note">{_e(caption)}</figcaption>' if caption else ""
    return f'<figure id="figure-{name}">{svgs[name]}{note}</figure>'


def render_html(data: dict[str, Any], svgs: dict[str, str], labels: ReportLabels, title: str = "Sourcing report") -> str:
    """The whole page from the report's data and its inline SVG plots."""
    settings, dates, overall = data["settings"], data["dates"], data["overall"]
    sources = data["top_sources"]
    span = f"{dates['first']} – {dates['last']}" if dates["first"] else "no dates"
    summary = (f"{overall['articles']:,} articles, {overall['claims']:,} claims, {span}; "
               f"grouped by meta.{settings['by']}, time per {settings['period']}")
    head = f'<h1>{_bi(title, "تقرير المصادر")}</h1><p class="sub">{_e(summary)}</p>'
    undated = dates["undated_documents"] + dates["unparseable_dates"]
    date_note = (f"{dates['dated_documents']:,} documents dated (fields used: "
                 f"{', '.join(f'{k} {v:,}' for k, v in dates['fields_used'].items()) or 'none'}); {undated:,} without a usable date "
                 f"are counted everywhere except in the time series")
    if dates["unparseable_dates"]:
        date_note += f" ({dates['unparseable_dates']:,} had a date we could not read, e.g. {dates['unparseable_example']})"
    body = [
        head, _basis(data["basis"]), _cards(data),
        f'<h2>{_bi("Claims per article", "الادعاءات في كل مقال")}</h2>',
        _figure(svgs, "claims-per-article"),
        f'<h2>{_bi("Who is quoted", "من يُقتبس")}</h2>',
        _figure(svgs, "source-types", "Shares of all claims of each group (claims in brackets); “no source” = a claim "
                "with no source mention (passive reports such as أفيد، تردد, or content the engine could not attribute)."),
        _figure(svgs, "anonymous-over-time", date_note),
        f'<h2>{_bi("Direct and indirect", "مباشر وغير مباشر")}</h2>',
        _figure(svgs, "kinds", "Shares of all claims of each group (claims in brackets)."),
        f'<h2>{_bi("Which side", "أي طرف")}</h2>',
        _figure(svgs, "affiliations", "Claims whose source has a stated affiliation, as shares of all claims of each "
                "group; the table below also counts claims with no affiliation stated and with no source."),
        _affiliations_table(data, labels),
        f'<h2>{_bi("Per group, in numbers", "حسب المجموعة بالأرقام")}</h2>', _groups_table(data, labels),
        f'<h2>{_bi("Most-quoted sources", "أكثر المصادر اقتباساً")}</h2>',
        _figure(svgs, "top-sources"),
        _sources_table("top-sources-table", sources["overall"], labels, overall["claims"], detail=True),
        (f'<p class="note">{_e(sources["distinct_sources"])} distinct named sources (people, organizations, media; '
         f'anonymous and local sources are counted by type above, not ranked). Mentions of one source in an article '
         f'are merged across articles by their normalised names; a bare surname shared by several sources is not ranked '
         f'({_e(sources["claims_with_ambiguous_names"])} claims, e.g. '
         f'{_e("، ".join(list(sources["ambiguous_names"])[:5]) or "none")}); '
         f'{_e(sources["claims_with_unnamed_sources"])} claims name their source only by a title (الوزير، البيان).</p>'),
        "".join(f'<details><summary>{_e(group)}</summary>'
                f'{_sources_table(f"top-sources-{i}", rows, labels, data["groups"][group]["claims"], detail=False)}</details>'
                for i, (group, rows) in enumerate(sources["by_group"].items()) if rows),
        f'<h2>{_bi("Check these first: the lowest-scored claims", "راجع هذه أولاً: الادعاءات الأقل ثقة")}</h2>',
        ('<p class="note">Score of the claim / of its source mention, as the pre-annotator gave them (reviewed gold has 1 '
         'everywhere).</p>'),
        _lowest_table("lowest-scores-table", data["lowest_scores"]["overall"], labels),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)} · تقرير المصادر</title><style>{_STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )
