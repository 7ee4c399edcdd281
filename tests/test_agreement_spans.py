"""Span matching (exact and character Dice >= 0.5, one-to-one), span F1 and attribution agreement."""

from __future__ import annotations

import pytest

from annotate.agreement.spans import F1Counts, attribution_agreement, dice, match_spans, span_f1
from annotate.authoring import document_from_spec


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 10), (0, 10), 1.0),
        ((0, 10), (0, 5), 2 * 5 / 15),
        ((0, 10), (10, 20), 0.0),
        ((0, 4), (2, 6), 0.5),
        ((3, 3), (3, 3), 1.0),
        ((3, 3), (4, 4), 0.0),
    ],
)
def test_dice(a: tuple[int, int], b: tuple[int, int], expected: float) -> None:
    assert dice(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("a", "b", "mode", "pairs"),
    [
        # exact: same offsets only, one-to-one even with duplicates
        ([(0, 5), (10, 20)], [(10, 20), (0, 6)], "exact", [(1, 0)]),
        ([(0, 5), (0, 5)], [(0, 5)], "exact", [(0, 0)]),
        # overlap: Dice 2*5/11 = 0.91 matches, Dice 0.5 exactly matches, below does not
        ([(0, 5), (10, 20)], [(10, 20), (0, 6)], "overlap", [(0, 1), (1, 0)]),
        ([(0, 4)], [(2, 6)], "overlap", [(0, 0)]),
        ([(0, 4)], [(3, 8)], "overlap", []),
        # one-to-one: a long span overlapping two halves takes the better one only
        ([(0, 10)], [(0, 6), (6, 10)], "overlap", [(0, 0)]),
        # greedy by best Dice: b's (0, 9) goes to a's (0, 10) (0.947), not to (0, 8) (0.941)
        ([(0, 8), (0, 10)], [(0, 9)], "overlap", [(1, 0)]),
        ([], [(0, 1)], "overlap", []),
    ],
)
def test_match_spans(a, b, mode, pairs) -> None:
    assert match_spans(a, b, mode) == pairs


def test_f1_counts() -> None:
    counts = span_f1([(0, 5), (10, 20), (30, 40)], [(0, 5), (12, 20)], "overlap")
    assert (counts.matched, counts.a, counts.b) == (2, 3, 2)
    assert counts.f1 == pytest.approx(0.8)
    assert counts.precision == 1.0 and counts.recall == pytest.approx(2 / 3)
    assert span_f1([(0, 5), (10, 20)], [(0, 5), (12, 20)], "exact").f1 == pytest.approx(0.5)
    nothing = F1Counts()
    assert nothing.f1 is None and nothing.to_json()["f1"] is None


TEXT = 'وأفاد مصدر خاص بأن "القوات وصلت". وأضاف المصدر أن الطائرات حلقت. وقال ناشطون إن القصف مستمر.'


def _doc(sources, claims):
    return document_from_spec({"id": "d", "text": TEXT, "sources": sources, "claims": claims})


def test_attribution_same_entity_through_another_mention() -> None:
    # A links claim 2 to the second mention (المصدر) of entity e1, B to the first (مصدر خاص): same source.
    a = _doc(
        [{"id": "s1", "text": "مصدر خاص", "type": "anonymous", "entity": "e1"},
         {"id": "s2", "text": "المصدر", "type": "anonymous", "entity": "e1"},
         {"id": "s3", "text": "ناشطون", "type": "local", "entity": "e2"}],
        [{"text": "القوات وصلت", "cue": "وأفاد", "source": "s1", "kind": "direct"},
         {"text": "الطائرات حلقت", "cue": "وأضاف", "source": "s2"},
         {"text": "القصف مستمر", "cue": "وقال", "source": "s3"}],
    )
    b = _doc(
        [{"id": "x", "text": "مصدر", "type": "anonymous", "entity": "one"},
         {"id": "y", "text": "ناشطون", "type": "local", "entity": "two"}],
        [{"text": "القوات وصلت", "cue": "وأفاد", "source": "x", "kind": "direct"},
         {"text": "الطائرات حلقت", "cue": "وأضاف", "source": "x"},
         {"text": "القصف مستمر", "cue": "وقال", "source": "x"}],
    )
    pairs = match_spans([(c.start, c.end) for c in a.claims], [(c.start, c.end) for c in b.claims])
    assert pairs == [(0, 0), (1, 1), (2, 2)]
    # claims 1 and 2: e1 overlaps B's "مصدر"; claim 3: A says ناشطون (e2), B says مصدر: disagree.
    assert attribution_agreement(a, b, pairs) == (2, 3)


def test_attribution_missing_sources() -> None:
    a = _doc([], [{"text": "القوات وصلت", "cue": "وأفاد"}])
    b = _doc([{"id": "s", "text": "مصدر خاص", "type": "anonymous", "entity": "e"}],
             [{"text": "القوات وصلت", "cue": "وأفاد", "source": "s"}])
    assert attribution_agreement(a, a, [(0, 0)]) == (1, 1)  # both without a source agree
    assert attribution_agreement(a, b, [(0, 0)]) == (0, 1)
    assert attribution_agreement(a, b, []) == (0, 0)
