"""The figures of a sourcing report, counted while documents stream past.

:func:`aggregate` takes any iterable of :class:`~annotate.schema.Document` and returns plain data
(dicts, lists, numbers, strings) ready for JSON. It keeps counters, not documents: per group, per
(group, day), per source name, and the few lowest-scored claims in a bounded heap, so a million
articles take the memory of their distinct outlets, days and source names.

Every share is a fraction of all claims of its group (claims without a source are a category
of their own, so the source-type shares add up to 1); a share over zero claims is ``None``.
"""

from __future__ import annotations

import functools
import heapq
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from annotate.errors import InputError
from annotate.report.sources import SourceCounter, top_by_group
from annotate.schema import CLAIM_KINDS, SOURCE_TYPES, Claim, Document

Period = Literal["auto", "day", "week", "month"]
PERIODS = ("auto", "day", "week", "month")
NO_SOURCE = "none"
UNAFFILIATED = "unaffiliated"
TYPE_KEYS = (*SOURCE_TYPES, NO_SOURCE)
DEFAULT_DATE_FIELDS = ("date", "date_extracted")
MISSING = "(no {field})"
CLAIM_TEXT_LIMIT = 400
_DATE = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])")


def parse_date(value: Any) -> date | None:
    """The day of a meta value: "2015-07-21", "2015-07-21 02:47:05", "2015-07-21T02:47:05+03:00",
    "2015/07/21". Anything else (a number, a free-text date, an impossible day) is ``None``."""
    if not isinstance(value, str):
        return None
    match = _DATE.match(value)
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def period_of(day: date, period: str) -> str:
    """The label of the period holding ``day``: 2015-07-21, the week's Monday 2015-07-20, or 2015-07."""
    if period == "day":
        return day.isoformat()
    if period == "week":
        return (day - timedelta(days=day.weekday())).isoformat()
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    raise InputError(f"unknown period {period!r} (expected one of {', '.join(PERIODS)})")


def auto_period(first: date | None, last: date | None) -> str:
    """Days for up to three months, weeks for up to two years, months beyond."""
    if first is None or last is None:
        return "day"
    span = (last - first).days
    return "day" if span <= 92 else "week" if span <= 731 else "month"


def group_value(meta: dict[str, Any], by: str) -> str:
    """The group of a document: ``meta[by]`` as text, or "(no BY)" when it is missing or empty."""
    value = meta.get(by)
    if value is None or (isinstance(value, str) and not value.strip()) or value in ([], {}):
        return MISSING.format(field=by)
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def share(count: int, total: int) -> float | None:
    """``count / total``, or ``None`` when there is nothing to divide."""
    return count / total if total else None


@dataclass
class _Counts:
    """Counters of one group (or one group on one day)."""

    articles: int = 0
    claims: int = 0
    per_article: Counter = field(default_factory=Counter)  # claims in an article -> articles
    types: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    affiliations: Counter = field(default_factory=Counter)

    def add(self, doc: Document, types: list[str], affiliations: list[str]) -> None:
        self.articles += 1
        self.claims += len(doc.claims)
        self.per_article[len(doc.claims)] += 1
        self.types.update(types)
        self.kinds.update(c.kind for c in doc.claims)
        self.affiliations.update(affiliations)

    def figures(self) -> dict[str, Any]:
        claims = self.claims
        with_claims = self.articles - self.per_article.get(0, 0)
        affiliations = sorted(self.affiliations.items(), key=lambda kv: (kv[0] in (UNAFFILIATED, NO_SOURCE), -kv[1], kv[0]))
        return {
            "articles": self.articles,
            "articles_with_claims": with_claims,
            "articles_without_claims": self.articles - with_claims,
            "claims": claims,
            "claims_per_article": {
                "mean": share(claims, self.articles),
                "median": _median(self.per_article),
                "max": max(self.per_article, default=None),
                "histogram": {str(k): v for k, v in sorted(self.per_article.items())},
            },
            "source_type": {t: _count(self.types[t], claims) for t in TYPE_KEYS},
            "no_source": _count(self.types[NO_SOURCE], claims),
            "kind": {k: _count(self.kinds[k], claims) for k in CLAIM_KINDS},
            "affiliation": {a: _count(n, claims) for a, n in affiliations},
        }

    def series_point(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "claims": self.claims,
            **{t: self.types[t] for t in TYPE_KEYS},
            "anonymous_share": share(self.types["anonymous"], self.claims),
            "no_source_share": share(self.types[NO_SOURCE], self.claims),
            "direct_share": share(self.kinds["direct"], self.claims),
        }

    def merge(self, other: _Counts) -> None:
        self.articles += other.articles
        self.claims += other.claims
        for mine, theirs in ((self.per_article, other.per_article), (self.types, other.types),
                             (self.kinds, other.kinds), (self.affiliations, other.affiliations)):
            mine.update(theirs)


def _count(count: int, total: int) -> dict[str, Any]:
    return {"count": count, "share": share(count, total)}


def _median(histogram: Counter) -> float | None:
    total = sum(histogram.values())
    if not total:
        return None
    ordered = sorted(histogram.items())

    def nth(n: int) -> int:  # the n-th smallest value, 0-based
        seen = 0
        for value, times in ordered:
            seen += times
            if n < seen:
                return value
        raise AssertionError("unreachable")

    return (nth((total - 1) // 2) + nth(total // 2)) / 2


@dataclass
class _Lowest:
    """The ``size`` claims with the smallest keys (score, source score, order read), in a bounded heap."""

    size: int
    heap: list = field(default_factory=list)  # (negated key, row): the root is the largest key kept

    def offer(self, key: tuple[float, float, int], make_row: Callable[[], dict]) -> None:
        """Keep the claim if it is among the lowest so far; ``make_row`` is called only then."""
        negated = tuple(-k for k in key)
        if len(self.heap) < self.size:
            heapq.heappush(self.heap, (negated, make_row()))
        elif self.size and negated > self.heap[0][0]:
            heapq.heapreplace(self.heap, (negated, make_row()))

    def rows(self) -> list[dict]:
        return [row for _, row in sorted(self.heap, reverse=True)]


def _claim_row(doc: Document, claim: Claim, group: str, day: date | None) -> dict[str, Any]:
    source = doc.source_by_id().get(claim.source) if claim.source else None
    text = claim.text if len(claim.text) <= CLAIM_TEXT_LIMIT else claim.text[: CLAIM_TEXT_LIMIT - 1] + "…"
    return {
        "document": doc.id,
        "claim": claim.id,
        "score": claim.score,
        "source_score": source.score if source else None,
        "kind": claim.kind,
        "text": text,
        "cue": claim.cue.text if claim.cue else None,
        "source": source.text if source else None,
        "source_type": source.type if source else NO_SOURCE,
        "affiliation": source.affiliation if source else None,
        "group": group,
        "date": day.isoformat() if day else None,
        "url": doc.meta.get("url") if isinstance(doc.meta.get("url"), str) else None,
    }


@dataclass
class Aggregator:
    """Feed documents with :meth:`add`; :meth:`result` gives the report's plain data."""

    by: str = "outlet"
    date_field: str | None = None
    period: str = "auto"
    top: int = 20
    lowest: int = 20
    overall: _Counts = field(default_factory=_Counts)
    groups: dict[str, _Counts] = field(default_factory=dict)
    days: dict[tuple[str, date], _Counts] = field(default_factory=dict)
    sources: SourceCounter = field(default_factory=SourceCounter)
    lowest_overall: _Lowest | None = None
    lowest_groups: dict[str, _Lowest] = field(default_factory=dict)
    date_fields_used: Counter = field(default_factory=Counter)
    undated: int = 0
    unparseable: int = 0
    unparseable_example: str | None = None
    basis_marks: Counter = field(default_factory=Counter)
    sequence: int = 0

    def __post_init__(self) -> None:
        if self.period not in PERIODS:
            raise InputError(f"unknown period {self.period!r} (expected one of {', '.join(PERIODS)})")
        if self.lowest_overall is None:
            self.lowest_overall = _Lowest(self.lowest)

    def _date(self, meta: dict[str, Any]) -> date | None:
        fields = (self.date_field,) if self.date_field else DEFAULT_DATE_FIELDS
        for name in fields:
            value = meta.get(name)
            if value is None or value == "":
                continue
            day = parse_date(value)
            if day is None:
                self.unparseable += 1
                if self.unparseable_example is None:
                    self.unparseable_example = f"{name}={value!r}"[:80]
                return None
            self.date_fields_used[name] += 1
            return day
        self.undated += 1
        return None

    def add(self, doc: Document) -> None:
        """Count one document."""
        group = group_value(doc.meta, self.by)
        day = self._date(doc.meta)
        self.basis_marks["gold" if _reviewed(doc.meta) else "pre"] += 1
        by_id = doc.source_by_id()
        types: list[str] = []
        affiliations: list[str] = []
        for claim in doc.claims:
            source = by_id.get(claim.source) if claim.source else None
            types.append(source.type if source else NO_SOURCE)
            affiliations.append(NO_SOURCE if source is None else source.affiliation or UNAFFILIATED)
        self.overall.add(doc, types, affiliations)
        self.groups.setdefault(group, _Counts()).add(doc, types, affiliations)
        if day is not None:
            self.days.setdefault((group, day), _Counts()).add(doc, types, affiliations)
        self.sources.add(doc, group)
        if self.lowest > 0:
            heap = self.lowest_groups.setdefault(group, _Lowest(self.lowest))
            for claim in doc.claims:
                source = by_id.get(claim.source) if claim.source else None
                self.sequence += 1  # claims read so far: among equal scores, the first read is listed first
                key = (claim.score, source.score if source else 0.0, self.sequence)
                make_row = functools.partial(_claim_row, doc, claim, group, day)
                self.lowest_overall.offer(key, make_row)
                heap.offer(key, make_row)

    def result(self) -> dict[str, Any]:
        """Every figure as plain data (see the module docstring for what a share is)."""
        group_names = sorted(self.groups, key=lambda g: (g.startswith("(no "), -self.groups[g].articles, g))
        all_days = sorted({day for _, day in self.days})
        first, last = (all_days[0], all_days[-1]) if all_days else (None, None)
        period = auto_period(first, last) if self.period == "auto" else self.period
        merged, ambiguous = self.sources.merged()
        return {
            "basis": {"pre_annotated_documents": self.basis_marks["pre"],
                      "reviewed_documents": self.basis_marks["gold"]},
            "settings": {"by": self.by, "date_field": self.date_field, "period": period, "period_asked": self.period,
                         "top": self.top, "lowest": self.lowest},
            "dates": {"first": first.isoformat() if first else None, "last": last.isoformat() if last else None,
                      "dated_documents": sum(self.date_fields_used.values()),
                      "fields_used": dict(self.date_fields_used), "undated_documents": self.undated,
                      "unparseable_dates": self.unparseable, "unparseable_example": self.unparseable_example},
            "overall": self.overall.figures(),
            "groups": {g: self.groups[g].figures() for g in group_names},
            "time_series": self._series(period, group_names),
            "top_sources": {
                "overall": [{k: v for k, v in r.items()} for r in merged[: self.top]],
                "by_group": top_by_group(merged, group_names, self.top),
                "distinct_sources": len(merged),
                "claims_with_ranked_sources": sum(r["claims"] for r in merged),
                "claims_with_unnamed_sources": self.sources.unnamed_claims,
                "ambiguous_names": dict(list(ambiguous.items())[: self.top]),
                "claims_with_ambiguous_names": sum(ambiguous.values()),
            },
            "lowest_scores": {
                "overall": self.lowest_overall.rows(),
                "by_group": {g: self.lowest_groups[g].rows() for g in group_names if g in self.lowest_groups},
            },
        }

    def _series(self, period: str, group_names: list[str]) -> dict[str, Any]:
        """Per period, overall and per group: articles, claims, claims per source type, shares."""
        overall: dict[str, _Counts] = {}
        groups: dict[str, dict[str, _Counts]] = {}
        for (group, day), counts in self.days.items():
            label = period_of(day, period)
            overall.setdefault(label, _Counts()).merge(counts)
            groups.setdefault(group, {}).setdefault(label, _Counts()).merge(counts)

        def points(cells: dict[str, _Counts]) -> list[dict[str, Any]]:
            return [{"period": label, **cells[label].series_point()} for label in sorted(cells)]

        return {"period": period, "overall": points(overall),
                "by_group": {g: points(groups[g]) for g in group_names if g in groups}}


def _reviewed(meta: dict[str, Any]) -> bool:
    """``annotate export`` stamps gold documents with how they were chosen and by whom."""
    return "gold_from" in meta or bool(meta.get("reviewed"))


def aggregate(documents: Iterable[Document], by: str = "outlet", date_field: str | None = None,
              period: str = "auto", top: int = 20, lowest: int = 20) -> dict[str, Any]:
    """Count ``documents`` (streamed, never held) into the report's figures, as plain data."""
    aggregator = Aggregator(by=by, date_field=date_field, period=period, top=top, lowest=lowest)
    for doc in documents:
        aggregator.add(doc)
    return aggregator.result()
