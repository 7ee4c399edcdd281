"""The agreement report on a small corpus whose every figure is computed by hand in the comments."""

from __future__ import annotations

import pytest

from annotate.agreement.load import PRE_ANNOTATOR, Annotation
from annotate.agreement.metrics import compute_agreement
from annotate.authoring import document_from_spec

TEXT = 'وأفاد مصدر خاص بأن "القوات وصلت إلى المطار". وقال ناشطون إن الطائرات حلقت فوق المدينة.'
OTHER = "وقال مسؤول إن الاجتماع انتهى."

SECRET = {"id": "s1", "text": "مصدر خاص", "type": "anonymous", "entity": "e1"}
ACTIVISTS = {"id": "s2", "text": "ناشطون", "type": "local", "entity": "e2"}
ARRIVED = {"text": "القوات وصلت إلى المطار", "kind": "direct", "cue": "وأفاد", "source": "s1"}  # 22 characters
FLEW = {"text": "الطائرات حلقت فوق المدينة", "kind": "indirect", "cue": "وقال", "source": "s2"}  # 25 characters


def _ann(annotator: str, sources: list, claims: list, doc_id: str = "d1", text: str = TEXT) -> Annotation:
    doc = document_from_spec({"id": doc_id, "text": text, "sources": sources, "claims": claims})
    return Annotation(annotator=annotator, document=doc)


# a: the reference. b: the first claim shortened to its first 11 characters (Dice 2*11/33 = 0.67),
# the activists typed anonymous. c: only the second claim, linked to "مصدر" (Dice with مصدر خاص 0.67).
A = _ann("a@x.org", [SECRET, ACTIVISTS], [ARRIVED, FLEW])
B = _ann("b@x.org", [SECRET, {**ACTIVISTS, "type": "anonymous"}], [{**ARRIVED, "text": "القوات وصلت"}, FLEW])
C = _ann("c@x.org", [{"id": "m", "text": "مصدر", "type": "anonymous", "entity": "k"}], [{**FLEW, "source": "m"}])
SAME = [_ann(n, [{"id": "s", "text": "مسؤول", "type": "named_person", "entity": "e"}],
             [{"text": "الاجتماع انتهى", "cue": "وقال", "source": "s"}], "d2", OTHER) for n in ("a@x.org", "b@x.org", "c@x.org")]
ALONE = _ann("a@x.org", [], [], "d3", OTHER)
PRE = _ann(PRE_ANNOTATOR, [SECRET], [ARRIVED])  # the pre-annotator found claim 1 only


@pytest.fixture(scope="module")
def report():
    return compute_agreement([A, B, C, *SAME, ALONE], [PRE])


def _pair(report, a, b):
    return next(p for p in report.pairs if (p.a, p.b) == (a, b))


def test_pair_span_f1(report) -> None:
    ab = _pair(report, "a@x.org", "b@x.org")
    # d1 claims exact: only FLEW matches (1 of 2 + 2) plus d2's claim: (1+1)*2 / (3+3) = 2/3
    assert ab.spans["claims"]["exact"].f1 == pytest.approx(4 / 6)
    assert ab.spans["claims"]["overlap"].f1 == pytest.approx(1.0)
    assert ab.spans["sources"]["exact"].f1 == pytest.approx(1.0)
    ac = _pair(report, "a@x.org", "c@x.org")
    # sources: d1 a has 2, c has 1 (overlap match only), d2 1-1 exact
    assert ac.spans["sources"]["exact"].f1 == pytest.approx(2 * 1 / (3 + 2))
    assert ac.spans["sources"]["overlap"].f1 == pytest.approx(2 * 2 / (3 + 2))
    assert ac.spans["cues"]["exact"].f1 == pytest.approx(2 * 2 / (3 + 2))


def test_pair_labels_attribution_kappa(report) -> None:
    ab = _pair(report, "a@x.org", "b@x.org")
    assert ab.labels["anonymous"].f1 == pytest.approx(2 * 1 / (1 + 2))
    assert ab.labels["local"].f1 == 0.0
    assert ab.labels["named_person"].f1 == 1.0
    assert ab.attribution == 1.0  # 3 matched claims, all to the same entity
    kappa = ab.kappa()
    # source type on 3 matched mentions: a = anonymous, local, named_person; b = anonymous, anonymous,
    # named_person: p_o = 2/3, p_e = (1/3*2/3) + (1/3*0) + (1/3*1/3) = 1/3, kappa = (2/3-1/3)/(2/3) = 0.5
    assert kappa["source_type"].value == pytest.approx(0.5)
    assert kappa["claim_kind"].value == pytest.approx(1.0)
    assert kappa["check_worthy"].value is None and kappa["check_worthy"].units == 0
    ac = _pair(report, "a@x.org", "c@x.org")
    # FLEW: a says ناشطون (e2), c says مصدر, which overlaps e1 only -> disagree; d2 agrees
    assert (ac.attribution_agree, ac.attribution_compared) == (1, 2)


def test_pre_annotator_pair(report) -> None:
    pre = _pair(report, "a@x.org", PRE_ANNOTATOR)
    claims = pre.spans["claims"]["overlap"]
    assert pre.documents == 1
    assert (claims.matched, claims.a, claims.b) == (1, 2, 1)
    assert claims.precision == 1.0 and claims.recall == 0.5
    assert report.to_json()["matrices"]["claims_overlap_f1"]["annotators"][-1] == PRE_ANNOTATOR


def test_documents_lowest_first(report) -> None:
    docs = report.documents
    assert [d.id for d in docs] == ["d1", "d2"]
    # labelled F1 per pair on d1: a|b 10/12, a|c 6/9, b|c 6/9 (see the module's comments)
    assert docs[0].pairs["a@x.org | b@x.org"] == pytest.approx(10 / 12)
    assert docs[0].pairs["a@x.org | c@x.org"] == pytest.approx(6 / 9)
    assert docs[0].pairs["b@x.org | c@x.org"] == pytest.approx(6 / 9)
    assert docs[0].score == pytest.approx((10 / 12 + 6 / 9 + 6 / 9) / 3)
    assert not docs[0].identical
    assert docs[1].score == 1.0 and docs[1].identical
    assert report.single_annotated_count == 1
    assert report.to_json()["documents_compared"] == 2


def test_multi_rater_coefficients(report) -> None:
    # claim clusters: ARRIVED (a, b: direct), FLEW (a, b, c: indirect), d2's claim (3 x indirect)
    assert report.matched_units == {"claims": 3, "sources": 3}
    assert report.alpha_attributes["claim_kind"].value == pytest.approx(1.0)
    # source type clusters: مصدر خاص (3 x anonymous), ناشطون (local, anonymous), مسؤول (3 x named_person)
    # n_anon = 3+1 = 4, n_local = 1, n_named = 3, n = 8; off-diagonal o = 2
    # alpha = 1 - (8-1) * 2 / (64 - 16 - 1 - 9) = 1 - 14/38
    assert report.alpha_attributes["source_type"].value == pytest.approx(1 - 14 / 38)
    # Fleiss with 3 raters: the two complete source clusters both agree (anonymous x3, named_person x3): 1.0
    assert report.fleiss_raters == 3
    assert report.fleiss["source_type"].value == pytest.approx(1.0)
    assert report.fleiss["check_worthy"].value is None


def test_character_alpha_claims(report) -> None:
    # Per character of d1 (3 coders): 11 chars (direct, direct, none), 11 (direct, none, none),
    # 25 (indirect x3), the rest R (none x3). d2: 14 chars of claim (indirect x3), the rest none x3.
    r1 = len(TEXT) - 47
    r2 = len(OTHER) - 14
    o_dd, o_dn = 11, 22
    o_nn = 11 + 3 * (r1 + r2)
    o_ii = 3 * (25 + 14)
    n_d, n_n, n_i = o_dd + o_dn, o_dn + o_nn, o_ii
    n = n_d + n_n + n_i
    expected = 1 - (n - 1) * (2 * o_dn) / (n * n - n_d**2 - n_n**2 - n_i**2)
    assert report.alpha_characters["claims"].value == pytest.approx(expected)
    assert report.alpha_characters["claims"].units == len(TEXT) + len(OTHER)


def test_edge_cases() -> None:
    one = compute_agreement([A])
    assert one.pairs == [] and one.documents == []
    assert one.alpha_characters["claims"].value is None
    # two annotators on different documents: no overlap at all
    apart = compute_agreement([A, _ann("b@x.org", [], [], "d9", OTHER)])
    assert apart.pairs[0].documents == 0 and apart.pairs[0].spans["claims"]["overlap"].f1 is None
    assert apart.alpha_characters["claims"].reason
    same = compute_agreement([A, _ann("b@x.org", [SECRET, ACTIVISTS], [ARRIVED, FLEW])])
    assert same.documents[0].identical and same.documents[0].score == 1.0
    assert same.alpha_characters["claims"].value == pytest.approx(1.0)
