"""Agreement coefficients against published worked examples, hand-computed cases and edge cases.

Where a coefficient is undefined the functions return value None with a reason (not NaN, not an
exception): a report shows the reason in place of the number.
"""

from __future__ import annotations

import numpy as np
import pytest

from annotate.agreement.coefficients import (
    alpha_from_counts,
    cohen_kappa,
    cohen_kappa_table,
    fleiss_kappa,
    fleiss_table,
    krippendorff_alpha_nominal,
)

_ = None

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
# 12 units, values 1-5, missing values shown as "." there and None here. Published: nominal alpha 0.743.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]

# Krippendorff (2011), section A: two observers, 10 units, binary, no missing values. Published: 0.095.
KRIPPENDORFF_2011_BINARY = [
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
]

# Fleiss (1971), Table 1: 30 patients, 6 psychiatrists each (different ones per patient), 5 diagnoses
# (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other). Published kappa: 0.430.
FLEISS_1971 = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
    [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
    [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
    [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
    [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]

# The worked example of Wikipedia's "Fleiss' kappa" article: 10 subjects, 14 raters, 5 categories
# (the table of counts). Published kappa: 0.210 (P-bar 0.378, P-bar-e 0.213).
WIKIPEDIA_FLEISS = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]


# --- Krippendorff's alpha -------------------------------------------------------------------------


def test_alpha_krippendorff_2011_with_missing_values() -> None:
    result = krippendorff_alpha_nominal(KRIPPENDORFF_2011)
    assert result.value == pytest.approx(0.743, abs=5e-4)
    # 11 of 12 units are pairable (unit 12 has one value only); Krippendorff's n is 40 pairable values.
    assert result.units == 11


def test_alpha_krippendorff_2011_binary_two_observers() -> None:
    assert krippendorff_alpha_nominal(KRIPPENDORFF_2011_BINARY).value == pytest.approx(0.095, abs=5e-4)


def test_alpha_hand_computed_small_case() -> None:
    # Units (a,a), (a,b), (b,b): coincidences o_aa=2, o_ab=o_ba=1, o_bb=2; n_a=n_b=3, n=6.
    # alpha = 1 - (n-1) * 2 / (2 * 3 * 3) = 1 - 5*2/18 = 4/9.
    data = [["a", "a", "b"], ["a", "b", "b"]]
    assert krippendorff_alpha_nominal(data).value == pytest.approx(4 / 9)


def test_alpha_weights_equal_repeated_units() -> None:
    # A run of 3 identical characters weighs the same as 3 separate units.
    counts = np.array([[2, 0], [1, 1], [0, 2]])
    repeated = np.repeat(counts, [3, 1, 2], axis=0)
    assert alpha_from_counts(counts, np.array([3, 1, 2])).value == pytest.approx(alpha_from_counts(repeated).value)


def test_alpha_identical_annotations_is_one() -> None:
    assert krippendorff_alpha_nominal([["a", "b", "c", "a"], ["a", "b", "c", "a"]]).value == pytest.approx(1.0)


def test_alpha_all_one_label_is_undefined_with_reason() -> None:
    result = krippendorff_alpha_nominal([["x", "x", "x"], ["x", "x", "x"]])
    assert result.value is None
    assert "same label" in result.reason
    assert result.observed == 1.0


def test_alpha_one_annotator_is_undefined() -> None:
    result = krippendorff_alpha_nominal([["a", "b", "a"]])
    assert result.value is None and result.units == 0
    assert "two or more" in result.reason


def test_alpha_no_overlap_between_annotators_is_undefined() -> None:
    # Each unit was seen by one annotator only: nothing is pairable.
    result = krippendorff_alpha_nominal([["a", "b", _, _], [_, _, "a", "b"]])
    assert result.value is None and result.units == 0


def test_alpha_systematic_disagreement_is_negative() -> None:
    assert krippendorff_alpha_nominal([["a", "b", "a", "b"], ["b", "a", "b", "a"]]).value < 0


# --- Fleiss' kappa --------------------------------------------------------------------------------


def test_fleiss_1971_psychiatric_diagnoses() -> None:
    result = fleiss_kappa(fleiss_table(FLEISS_1971))
    assert result.value == pytest.approx(0.430, abs=5e-4)
    assert result.units == 30


def test_fleiss_wikipedia_example() -> None:
    result = fleiss_kappa(WIKIPEDIA_FLEISS)
    assert result.value == pytest.approx(0.210, abs=5e-4)
    assert result.observed == pytest.approx(0.378, abs=5e-4)


def test_fleiss_hand_computed_small_case() -> None:
    # 2 subjects, 3 raters: (a,a,a) and (a,a,b). P_1 = 1, P_2 = (4+1-3)/6 = 1/3, P-bar = 2/3.
    # p_a = 5/6, p_b = 1/6, P-bar-e = 26/36. kappa = (2/3 - 26/36) / (1 - 26/36) = -0.2.
    assert fleiss_kappa(fleiss_table([["a", "a", "a"], ["a", "a", "b"]])).value == pytest.approx(-0.2)


def test_fleiss_identical_and_all_one_label() -> None:
    assert fleiss_kappa(fleiss_table([["a", "a"], ["b", "b"], ["c", "c"]])).value == pytest.approx(1.0)
    same = fleiss_kappa(fleiss_table([["a", "a"], ["a", "a"]]))
    assert same.value is None and "same label" in same.reason


def test_fleiss_edge_cases() -> None:
    assert fleiss_kappa(np.zeros((0, 3))).value is None
    one_rater = fleiss_kappa([[1, 0], [0, 1]])
    assert one_rater.value is None and "two ratings" in one_rater.reason
    with pytest.raises(ValueError, match="same number of ratings"):
        fleiss_kappa([[2, 0], [1, 0]])


# --- Cohen's kappa --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "kappa"),
    [
        # Wikipedia "Cohen's kappa", worked example: 50 grant proposals, yes/yes 20, yes/no 5,
        # no/yes 10, no/no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4.
        ([[20, 5], [10, 15]], 0.4),
        # Same article, equal agreement but different marginals: 0.1304 and 0.2593.
        ([[45, 15], [25, 15]], 0.1304),
        ([[25, 35], [5, 35]], 0.2593),
        # Hand computed: p_o = 0.8, p_e = 0.5*0.5 + 0.5*0.5 = 0.5, kappa = 0.6.
        ([[4, 1], [1, 4]], 0.6),
    ],
)
def test_cohen_kappa_tables(table: list[list[int]], kappa: float) -> None:
    assert cohen_kappa_table(table).value == pytest.approx(kappa, abs=5e-5)


def test_cohen_kappa_from_label_lists() -> None:
    a = ["local"] * 4 + ["media"] * 1 + ["local"] + ["media"] * 4
    b = ["local"] * 4 + ["local"] * 1 + ["media"] + ["media"] * 4
    assert cohen_kappa(a, b).value == pytest.approx(0.6)


def test_cohen_kappa_edge_cases() -> None:
    empty = cohen_kappa([], [])
    assert empty.value is None and empty.units == 0
    same = cohen_kappa(["a", "a"], ["a", "a"])
    assert same.value is None and same.observed == 1.0 and "same label" in same.reason
    assert cohen_kappa(["a", "b"], ["a", "b"]).value == pytest.approx(1.0)
    with pytest.raises(ValueError):
        cohen_kappa(["a"], ["a", "b"])


# --- cross-checks against statsmodels (BSD), when installed --------------------------------------


def test_cross_check_with_statsmodels() -> None:
    inter_rater = pytest.importorskip("statsmodels.stats.inter_rater")
    rng = np.random.default_rng(7)
    for _trial in range(20):
        table = rng.integers(0, 20, size=(4, 4))
        assert cohen_kappa_table(table).value == pytest.approx(inter_rater.cohens_kappa(table, return_results=False))
        counts = rng.multinomial(5, [0.5, 0.3, 0.2], size=40)
        assert fleiss_kappa(counts).value == pytest.approx(inter_rater.fleiss_kappa(counts, method="fleiss"))


def test_alpha_two_coders_relates_to_scotts_pi() -> None:
    # Two coders, N units, no missing values: alpha = 1 - (2N - 1) / (2N) * (1 - pi), Scott's pi
    # (Krippendorff 2011, section A), computed here independently from the pooled proportions.
    a = ["x", "x", "y", "y", "z", "x", "y", "z", "z", "x"]
    b = ["x", "y", "y", "y", "z", "x", "x", "z", "z", "z"]
    n_units = len(a)
    p_o = sum(x == y for x, y in zip(a, b)) / n_units
    pooled = a + b
    p_e = sum((pooled.count(c) / len(pooled)) ** 2 for c in set(pooled))
    scott_pi = (p_o - p_e) / (1 - p_e)
    expected = 1 - (2 * n_units - 1) / (2 * n_units) * (1 - scott_pi)
    assert krippendorff_alpha_nominal([a, b]).value == pytest.approx(expected)
