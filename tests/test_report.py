"""``annotate report``: every figure against counts made by hand on a small invented corpus.

The corpus has two outlets and documents without one, documents without claims, claims without
a source, a missing date, an unreadable date and a date only in ``date_extracted``; the counts
written in each test were made by reading the corpus below, not by running the code.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from _browser_support import headless_chromium

from annotate.authoring import document_from_spec
from annotate.report import aggregate, build, report
from annotate.report.aggregate import parse_date, period_of
from annotate.report.sources import SourceCounter, core_names, is_generic, normalise_name

ROOT = Path(__file__).resolve().parents[1]

CORPUS = [
    {"id": "a1", "meta": {"outlet": "alpha", "date": "2024-08-05", "url": "https://example.org/a1"},
     "text": 'وقال وزير الخارجية السعودي عادل الجبير إن "المحادثات مستمرة". وأضاف الجبير أن الاتفاق قريب. '
             "وأفاد مصدر مطلع بأن الوفد وصل.",
     "sources": [{"id": "s1", "text": "وزير الخارجية السعودي عادل الجبير", "type": "named_person", "entity": "e1"},
                 {"id": "s2", "text": "الجبير", "type": "named_person", "entity": "e1", "nth": 2},
                 {"id": "s3", "text": "مصدر مطلع", "type": "anonymous", "entity": "e2"}],
     "claims": [{"text": "المحادثات مستمرة", "kind": "direct", "cue": "وقال", "source": "s1", "score": 0.9},
                {"text": "الاتفاق قريب", "cue": "وأضاف", "source": "s2", "score": 0.8},
                {"text": "الوفد وصل", "cue": "وأفاد", "source": "s3", "score": 0.5}]},
    {"id": "a2", "meta": {"outlet": "alpha", "date": "2024-08-06"},
     "text": "وأكد الجبير أن الرياض ترحب بالمبادرة. وأفيد بأن الحدود أغلقت.",
     "sources": [{"id": "s1", "text": "الجبير", "type": "named_person", "entity": "e1"}],
     "claims": [{"text": "الرياض ترحب بالمبادرة", "cue": "وأكد", "source": "s1", "score": 0.7},
                {"text": "الحدود أغلقت", "cue": "وأفيد", "source": None, "score": 0.3}]},
    {"id": "a3", "meta": {"outlet": "alpha"}, "text": "افتتح المعرض اليوم في الرياض."},
    {"id": "b1", "meta": {"outlet": "بلدي", "date_extracted": "2024-08-20 10:00:00"},
     "text": 'وقالت وزارة الداخلية في بيان إن "الطريق مفتوح". وذكرت وكالة رويترز أن الأسعار ارتفعت. '
             "وقال ناشطون إن القصف مستمر.",
     "sources": [{"id": "s1", "text": "وزارة الداخلية", "type": "organization", "affiliation": "regime", "entity": "e1"},
                 {"id": "s2", "text": "وكالة رويترز", "type": "media", "entity": "e2"},
                 {"id": "s3", "text": "ناشطون", "type": "local", "entity": "e3"}],
     "claims": [{"text": "الطريق مفتوح", "kind": "direct", "cue": "وقالت", "source": "s1", "score": 0.95},
                {"text": "الأسعار ارتفعت", "cue": "وذكرت", "source": "s2", "score": 0.6},
                {"text": "القصف مستمر", "cue": "وقال", "source": "s3", "score": 0.4}]},
    {"id": "b2", "meta": {"outlet": "بلدي", "date": "not a date"},
     "text": "وقال الجبير إن الزيارة ناجحة.",
     "sources": [{"id": "s1", "text": "الجبير", "type": "named_person", "entity": "e1"}],
     "claims": [{"text": "الزيارة ناجحة", "cue": "وقال", "source": "s1", "score": 0.85}]},
    {"id": "n1", "meta": {"date": "2024-09-02"},
     "text": "وتردد أن الاجتماع تأجل. وقال مسؤول رفض الكشف عن اسمه إن الخطة جاهزة.",
     "sources": [{"id": "s1", "text": "مسؤول رفض الكشف عن اسمه", "type": "anonymous", "affiliation": "usa", "entity": "e1"}],
     "claims": [{"text": "الاجتماع تأجل", "cue": "وتردد", "source": None, "score": 0.2},
                {"text": "الخطة جاهزة", "cue": "وقال", "source": "s1", "score": 0.65}]},
    {"id": "n2", "meta": {"outlet": ""}, "text": "طقس حار اليوم."},
]


def _docs(specs=CORPUS):
    return [document_from_spec(spec) for spec in specs]


def _write(path: Path, specs=CORPUS) -> Path:
    path.write_text("".join(doc.to_json_line() + "\n" for doc in _docs(specs)), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return _write(tmp_path / "corpus.jsonl")


@pytest.fixture
def data() -> dict:
    return aggregate(_docs(), lowest=3)


# ------------------------------------------------------------------ figures against hand counts


def test_claims_per_article_overall(data) -> None:
    overall = data["overall"]
    assert (overall["articles"], overall["claims"]) == (7, 11)
    assert (overall["articles_with_claims"], overall["articles_without_claims"]) == (5, 2)
    per = overall["claims_per_article"]
    assert per["mean"] == pytest.approx(11 / 7)
    assert per["median"] == 2  # 0 0 1 2 2 3 3
    assert per["max"] == 3
    assert per["histogram"] == {"0": 2, "1": 1, "2": 2, "3": 2}


@pytest.mark.parametrize("group, articles, claims, median, without", [
    ("alpha", 3, 5, 2, 1),          # 3, 2, 0 claims
    ("بلدي", 2, 4, 2, 0),           # 3, 1
    ("(no outlet)", 2, 2, 1, 1),    # 2, 0: no outlet field, and an empty one
])
def test_claims_per_article_by_group(data, group, articles, claims, median, without) -> None:
    figures = data["groups"][group]
    assert (figures["articles"], figures["claims"], figures["articles_without_claims"]) == (articles, claims, without)
    assert figures["claims_per_article"]["mean"] == pytest.approx(claims / articles)
    assert figures["claims_per_article"]["median"] == median


def test_groups_are_ordered_by_size_with_the_missing_group_last(data) -> None:
    assert list(data["groups"]) == ["alpha", "بلدي", "(no outlet)"]


@pytest.mark.parametrize("scope, counts", [
    ("overall", {"anonymous": 2, "local": 1, "organization": 1, "named_person": 4, "media": 1, "none": 2}),
    ("alpha", {"anonymous": 1, "local": 0, "organization": 0, "named_person": 3, "media": 0, "none": 1}),
    ("بلدي", {"anonymous": 0, "local": 1, "organization": 1, "named_person": 1, "media": 1, "none": 0}),
    ("(no outlet)", {"anonymous": 1, "local": 0, "organization": 0, "named_person": 0, "media": 0, "none": 1}),
])
def test_claims_by_source_type_with_shares_of_all_claims(data, scope, counts) -> None:
    figures = data["overall"] if scope == "overall" else data["groups"][scope]
    assert {t: v["count"] for t, v in figures["source_type"].items()} == counts
    total = sum(counts.values())
    assert total == figures["claims"]
    for kind, count in counts.items():
        assert figures["source_type"][kind]["share"] == pytest.approx(count / total)
    assert figures["no_source"] == figures["source_type"]["none"]


@pytest.mark.parametrize("scope, direct, indirect", [("overall", 2, 9), ("alpha", 1, 4), ("بلدي", 1, 3), ("(no outlet)", 0, 2)])
def test_direct_and_indirect(data, scope, direct, indirect) -> None:
    figures = data["overall"] if scope == "overall" else data["groups"][scope]
    assert figures["kind"]["direct"] == {"count": direct, "share": pytest.approx(direct / (direct + indirect))}
    assert figures["kind"]["indirect"]["count"] == indirect


@pytest.mark.parametrize("scope, counts", [
    ("overall", {"regime": 1, "usa": 1, "unaffiliated": 7, "none": 2}),
    ("alpha", {"unaffiliated": 4, "none": 1}),
    ("بلدي", {"regime": 1, "unaffiliated": 3}),
    ("(no outlet)", {"usa": 1, "none": 1}),
])
def test_claims_by_affiliation(data, scope, counts) -> None:
    figures = data["overall"] if scope == "overall" else data["groups"][scope]
    assert {a: v["count"] for a, v in figures["affiliation"].items()} == counts
    assert list(figures["affiliation"])[-len({"unaffiliated", "none"} & set(counts)):] == \
        [k for k in ("unaffiliated", "none") if k in counts]  # stated affiliations first
    for key, count in counts.items():
        assert figures["affiliation"][key]["share"] == pytest.approx(count / figures["claims"])


def test_dates_missing_unreadable_and_from_date_extracted(data) -> None:
    dates = data["dates"]
    assert (dates["first"], dates["last"]) == ("2024-08-05", "2024-09-02")
    assert dates["dated_documents"] == 4
    assert dates["fields_used"] == {"date": 3, "date_extracted": 1}
    assert (dates["undated_documents"], dates["unparseable_dates"]) == (2, 1)
    assert dates["unparseable_example"] == "date='not a date'"
    assert data["settings"]["period"] == "day"  # 28 days: auto picks days


def test_time_series_per_week(corpus) -> None:
    data = build([corpus], period="week")
    overall = {p["period"]: p for p in data["time_series"]["overall"]}
    assert list(overall) == ["2024-08-05", "2024-08-19", "2024-09-02"]  # the weeks' Mondays
    first = overall["2024-08-05"]  # a1 and a2
    assert (first["articles"], first["claims"], first["anonymous"], first["none"]) == (2, 5, 1, 1)
    assert first["anonymous_share"] == pytest.approx(1 / 5) and first["no_source_share"] == pytest.approx(1 / 5)
    assert overall["2024-08-19"]["anonymous_share"] == 0  # b1
    assert overall["2024-09-02"]["anonymous_share"] == pytest.approx(1 / 2)  # n1
    by_group = data["time_series"]["by_group"]
    assert [p["period"] for p in by_group["alpha"]] == ["2024-08-05"]
    assert [p["claims"] for p in by_group["بلدي"]] == [3]  # b2's date is unreadable
    assert [p["claims"] for p in by_group["(no outlet)"]] == [2]


def test_time_series_per_month_and_an_explicit_date_field(corpus) -> None:
    data = build([corpus], period="month")
    assert [(p["period"], p["claims"], p["anonymous"]) for p in data["time_series"]["overall"]] == \
        [("2024-08", 8, 1), ("2024-09", 2, 1)]
    only_extracted = build([corpus], date_field="date_extracted")
    assert only_extracted["dates"]["dated_documents"] == 1
    assert only_extracted["dates"]["undated_documents"] == 6


def test_most_quoted_sources_merge_a_surname_the_articles_link_to_the_full_name(data) -> None:
    top = data["top_sources"]["overall"]
    assert [(r["name"], r["type"], r["claims"], r["documents"]) for r in top] == [
        ("وزير الخارجية السعودي عادل الجبير", "named_person", 4, 3),  # a1 (2 claims), a2 and b2 say only الجبير
        ("وزارة الداخلية", "organization", 1, 1),
        ("وكالة رويترز", "media", 1, 1),
    ]  # anonymous and local sources are not ranked
    assert top[0]["other_names"] == ["الجبير"]
    assert top[0]["by_group"] == {"alpha": 3, "بلدي": 1}
    assert top[1]["affiliation"] == "regime"
    assert data["top_sources"]["by_group"]["بلدي"][0] == {"name": "وزارة الداخلية", "type": "organization",
                                                          "affiliation": "regime", "claims": 1}
    assert data["top_sources"]["distinct_sources"] == 3


def test_lowest_scored_claims_first(data) -> None:
    lowest = data["lowest_scores"]
    assert [(r["document"], r["text"], r["score"]) for r in lowest["overall"]] == [
        ("n1", "الاجتماع تأجل", 0.2), ("a2", "الحدود أغلقت", 0.3), ("b1", "القصف مستمر", 0.4)]
    assert lowest["overall"][0]["source_type"] == "none" and lowest["overall"][0]["cue"] == "وتردد"
    assert lowest["overall"][0]["group"] == "(no outlet)" and lowest["overall"][0]["date"] == "2024-09-02"
    assert [r["score"] for r in lowest["by_group"]["alpha"]] == [0.3, 0.5, 0.7]
    assert aggregate(_docs(), lowest=0)["lowest_scores"]["overall"] == []


def test_an_empty_input_gives_zeros_and_no_shares() -> None:
    data = aggregate([])
    assert data["overall"]["articles"] == 0 and data["overall"]["claims_per_article"]["mean"] is None
    assert data["overall"]["source_type"]["anonymous"] == {"count": 0, "share": None}
    assert data["groups"] == {} and data["time_series"]["overall"] == []


@pytest.mark.parametrize("value, day", [
    ("2015-07-21", "2015-07-21"), ("2015-07-21 02:47:05", "2015-07-21"), ("2015-07-21T02:47:05+03:00", "2015-07-21"),
    ("2015/7/1", "2015-07-01"), ("21-07-2015", None), ("2015-02-30", None), (20150721, None), ("", None),
])
def test_parse_date(value, day) -> None:
    parsed = parse_date(value)
    assert (parsed.isoformat() if parsed else None) == day


def test_period_labels() -> None:
    day = parse_date("2015-07-23")  # a Thursday
    assert (period_of(day, "day"), period_of(day, "week"), period_of(day, "month")) == ("2015-07-23", "2015-07-20", "2015-07")


# ------------------------------------------------------------------ merging sources


@pytest.mark.parametrize("mention, name", [
    ("وزير الخارجية السعودي عادل الجبير", "وزير الخارجية السعودي عادل الجبير"),
    ("وأكّد الجبيـر", "واكد الجبير"),  # diacritics, tatweel and hamza folded; و only cut before ال
    ("والجبير", "الجبير"),
    ("مميش لـ «عكاظ»", "مميش"),  # the outlet the source spoke to is not part of the name
    ('"الأمم المتحدة"', "الامم المتحدة"),
])
def test_normalise_name(mention, name) -> None:
    assert normalise_name(mention) == name


@pytest.mark.parametrize("name, generic", [("الوزير", True), ("البيان", True), ("المتحدث الرسمي", True), ("معاليه", True),
                                           ("مصادر", True), ("الجبير", False), ("وزارة الداخلية", False)])
def test_bare_titles_are_never_names(name, generic) -> None:
    assert is_generic(normalise_name(name)) is generic


@pytest.mark.parametrize("name, cores", [
    ("وزير الخارجية عادل الجبير", ["عادل الجبير"]),
    ("الامير محمد بن سلمان", ["محمد بن سلمان", "محمد سلمان"]),
    ("مدير المتحف حمود عبد الله الغامدي", ["حمود عبد الله الغامدي", "حمود الغامدي"]),
    ("جيراردو مارتينو مدرب الارجنتين", []),  # no title first: its end is not surely a name
    ("عادل الجبير", []),
])
def test_core_names(name, cores) -> None:
    assert core_names(name) == cores


def _entity_doc(doc_id: str, text: str, mentions: list[str], kind: str = "named_person") -> object:
    """One claim attributed to an entity whose mentions are ``mentions`` (the first one is cited)."""
    sources = [{"id": f"s{i}", "text": m, "type": kind, "entity": "e1", "nth": mentions[:i].count(m) + 1}
               for i, m in enumerate(mentions)]
    return document_from_spec({"id": doc_id, "text": text, "sources": sources,
                               "claims": [{"text": "كذا", "cue": "قال", "source": "s0"}]})


def test_a_surname_of_several_people_is_not_ranked() -> None:
    counter = SourceCounter()
    counter.add(_entity_doc("1", "قال الدكتور راشد الغامدي كذا. الغامدي", ["الدكتور راشد الغامدي", "الغامدي"]), "g")
    counter.add(_entity_doc("2", "قال مدير المتحف حمود الغامدي كذا. الغامدي", ["مدير المتحف حمود الغامدي", "الغامدي"]), "g")
    counter.add(_entity_doc("3", "قال الغامدي كذا", ["الغامدي"]), "g")
    merged, ambiguous = counter.merged()
    assert sorted(r["name"] for r in merged) == ["الدكتور راشد الغامدي", "مدير المتحف حمود الغامدي"]
    assert ambiguous == {"الغامدي": 1}


def test_a_bare_title_links_nothing() -> None:
    counter = SourceCounter()
    counter.add(_entity_doc("1", "قال وزير الصحة فهد كذا. الوزير", ["وزير الصحة فهد", "الوزير"]), "g")
    counter.add(_entity_doc("2", "قال وزير النقل سعد كذا. الوزير", ["وزير النقل سعد", "الوزير"]), "g")
    counter.add(_entity_doc("3", "قال الوزير كذا", ["الوزير"]), "g")
    merged, _ = counter.merged()
    assert sorted((r["name"], r["claims"]) for r in merged) == [("وزير الصحة فهد", 1), ("وزير النقل سعد", 1)]
    assert counter.unnamed_claims == 1


def test_full_names_merge_by_their_core_across_articles() -> None:
    counter = SourceCounter()
    counter.add(_entity_doc("1", "قال وزير الخارجية الأمريكي جون كيري كذا", ["وزير الخارجية الأمريكي جون كيري"]), "g")
    counter.add(_entity_doc("2", "قال وزير الخارجية الأميركي جون كيري كذا", ["وزير الخارجية الأميركي جون كيري"]), "h")
    merged, _ = counter.merged()
    assert [(r["claims"], r["documents"], r["by_group"]) for r in merged] == [(2, 2, {"g": 1, "h": 1})]


# ------------------------------------------------------------------ basis


@pytest.mark.parametrize("metas, asked, kind", [
    ([{}], "auto", "pre"),
    ([{"gold_from": "only annotation"}], "auto", "gold"),
    ([{"gold_from": "only annotation"}, {}], "auto", "mixed"),
    ([{}], "gold", "gold"),
])
def test_basis_is_detected_from_meta_or_given(tmp_path, metas, asked, kind) -> None:
    specs = [{"id": f"d{i}", "text": "نص", "meta": meta} for i, meta in enumerate(metas)]
    data = build([_write(tmp_path / "d.jsonl", specs)], basis=asked)
    assert data["basis"]["kind"] == kind
    assert ("accuracy" in data["basis"]) is (kind != "gold")


# ------------------------------------------------------------------ outputs


HOSTILE = [{"id": "x<1>", "meta": {"outlet": '<script>alert("o")</script>', "date": "2024-01-01",
                                   "url": "javascript:alert(1)"},
            "text": 'وقال =HYPERLINK("http://evil") إن "<img src=x onerror=alert(1)> & كذا".',
            "sources": [{"id": "s1", "text": '=HYPERLINK("http://evil")', "type": "named_person", "entity": "e1"}],
            "claims": [{"text": "<img src=x onerror=alert(1)> & كذا", "kind": "direct", "cue": "وقال", "source": "s1",
                        "score": 0.1}]}]


def test_every_value_from_the_data_is_escaped_in_html_and_csv(tmp_path) -> None:
    source = _write(tmp_path / "hostile.jsonl", HOSTILE)
    page, tables = tmp_path / "r.html", tmp_path / "csv"
    report([source], page, csv_dir=tables)
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "<img" not in html and "javascript:" not in html.replace("javascript:alert(1)", "")
    assert "&lt;script&gt;alert(&quot;o&quot;)&lt;/script&gt;" in html or "&lt;script&gt;alert(" in html
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; كذا" in html
    assert 'href="javascript' not in html
    with (tables / "lowest_scores.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["source"] == "'" + '=HYPERLINK("http://evil")'
    assert rows[0]["text"] == "<img src=x onerror=alert(1)> & كذا"  # CSV keeps the text, quoted by the csv module
    with (tables / "groups.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert [r["outlet"] for r in csv.DictReader(handle)] == ["(all)", '<script>alert("o")</script>']


def test_csv_tables_hold_the_same_figures(corpus, tmp_path) -> None:
    data = report([corpus], None, csv_dir=tmp_path / "csv", lowest=3)
    files = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert files == ["affiliations.csv", "claims_per_article.csv", "groups.csv", "lowest_scores.csv",
                     "time_series.csv", "top_sources.csv"]
    with (tmp_path / "csv" / "groups.csv").open(encoding="utf-8-sig", newline="") as handle:
        groups = {r["outlet"]: r for r in csv.DictReader(handle)}
    assert groups["(all)"]["claims"] == "11" and groups["(all)"]["source_none"] == "2"
    assert groups["بلدي"]["source_local"] == "1" and groups["(no outlet)"]["direct"] == "0"
    with (tmp_path / "csv" / "top_sources.csv").open(encoding="utf-8-sig", newline="") as handle:
        first = next(csv.DictReader(handle))
    assert (first["source"], first["claims"], first["other_names"]) == ("وزير الخارجية السعودي عادل الجبير", "4", "الجبير")
    assert data["top_sources"]["overall"][0]["claims"] == 4


def test_html_holds_the_plots_and_rtl_tables(corpus, tmp_path) -> None:
    page = tmp_path / "r.html"
    report([corpus], page)
    html = page.read_text(encoding="utf-8")
    for name in ("claims-per-article", "source-types", "anonymous-over-time", "kinds", "affiliations", "top-sources"):
        assert f'data-figure="{name}"' in html
    assert html.count('dir="rtl" lang="ar"') >= 4
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org", "")  # nothing fetched
    assert "Pre-annotation" in html and "Measured accuracy" in html


def test_an_empty_input_still_gives_a_page(tmp_path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    data = report([empty], tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert data["overall"]["articles"] == 0
    assert 'data-figure="anonymous-over-time"' not in html and 'data-figure="top-sources"' not in html  # nothing to show


# ------------------------------------------------------------------ command line


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotate", "report", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, check=False)


def test_cli_writes_html_and_prints_json(corpus, tmp_path) -> None:
    page = tmp_path / "out" / "report.html"
    result = _run(str(corpus), "-o", str(page), "--json", "--csv", str(tmp_path / "tables"), "--lowest", "3")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["overall"]["claims"] == 11 and data["basis"]["kind"] == "pre"
    assert page.exists() and (tmp_path / "tables" / "groups.csv").exists()
    assert "7 articles, 11 claims" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["missing.jsonl"], "error: missing.jsonl: no such file or folder"),
    (["{corpus}", "--period", "year"], "error: unknown period 'year' (expected one of auto, day, week, month)"),
    (["{corpus}", "--basis", "guess"], "error: unknown basis 'guess' (expected one of auto, pre, gold)"),
    (["{bad}"], "error: {bad}:2: not valid JSON (Expecting property name enclosed in double quotes)"),
])
def test_cli_errors_are_one_line(corpus, tmp_path, args, message) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(corpus.read_text(encoding="utf-8").splitlines()[0] + "\n{oops\n", encoding="utf-8")
    page = tmp_path / "r.html"
    result = _run(*(a.format(corpus=corpus, bad=bad) for a in args), "-o", str(page))
    assert result.returncode != 0
    assert result.stderr.strip() == message.format(bad=bad)
    assert not page.exists()


# ------------------------------------------------------------------ in a real browser


_LAYOUT = """() => {
  const plots = [...document.querySelectorAll('svg.plot')].map((svg) => {
    const box = svg.getBoundingClientRect();
    return {name: svg.dataset.figure, width: box.width, height: box.height, texts: svg.querySelectorAll('text').length,
            bars: svg.querySelectorAll('path').length};
  });
  const tables = [...document.querySelectorAll('table.data')].map((table) => {
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect());
    return {id: table.id, direction: getComputedStyle(table).direction, rows: table.querySelectorAll('tbody tr').length,
            firstRight: heads[0].right, lastRight: heads[heads.length - 1].right};
  });
  return {plots, tables, requests: performance.getEntriesByType('resource').length};
}"""


@pytest.mark.browser
def test_report_in_headless_chromium(corpus, tmp_path, artifacts) -> None:
    page_file = tmp_path / "report.html"
    report([corpus], page_file, title="Sourcing report (test corpus)")
    with headless_chromium() as browser:
        tab = browser.new_page(viewport={"width": 1200, "height": 1500})
        tab.goto(page_file.as_uri())
        tab.wait_for_load_state("load")
        layout = tab.evaluate(_LAYOUT)
        cdp = tab.context.new_cdp_session(tab)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        cell = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#lowest-scores-table td.claim"})["nodeId"]
        fonts = {f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": cell})["fonts"]}
        # kept in test-artifacts/ (the copies in docs/img were taken the same way and looked at)
        tab.screenshot(path=str(artifacts / "report-test-corpus.png"))
        tab.locator("#top-sources-table").screenshot(path=str(artifacts / "report-test-corpus-sources.png"))
    plots = {p["name"]: p for p in layout["plots"]}
    assert set(plots) == {"claims-per-article", "source-types", "anonymous-over-time", "kinds", "affiliations", "top-sources"}
    for plot in plots.values():
        assert plot["width"] > 300 and plot["height"] > 100 and plot["texts"] > 5 and plot["bars"] > 3, plot
    tables = {t["id"]: t for t in layout["tables"]}
    assert {"groups-table", "affiliations-table", "top-sources-table", "lowest-scores-table"} <= set(tables)
    for table in tables.values():
        assert table["direction"] == "rtl" and table["rows"] >= 1
        assert table["firstRight"] > table["lastRight"]  # the first column is on the right
    assert tables["lowest-scores-table"]["rows"] == 11
    assert layout["requests"] == 0  # nothing fetched: one self-contained file
    assert fonts & {"Noto Naskh Arabic", "Noto Sans Arabic"}, fonts  # Arabic drawn with an Arabic font
    assert (ROOT / "docs" / "img" / "report-test-corpus.png").stat().st_size > 50_000
    assert (ROOT / "docs" / "img" / "report-test-corpus-sources.png").stat().st_size > 5_000
