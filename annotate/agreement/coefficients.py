"""Chance-corrected agreement coefficients: Cohen's kappa, Fleiss' kappa, Krippendorff's alpha.

Written from the published definitions with numpy (the ``krippendorff`` package is GPL, which
this Apache project does not depend on). Every function returns a :class:`Coefficient`; where a
coefficient is undefined (no items, one rater, a single category used by everyone, so that
expected disagreement is zero and the formula is 0/0) its ``value`` is ``None`` and ``reason``
says why, instead of raising or returning NaN, so a report can show the reason next to the gap.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Coefficient:
    """A coefficient's value (``None`` when undefined), how many units entered it, and why not."""

    value: float | None
    units: int
    observed: float | None = None  # observed agreement (share of agreeing pairs), when defined
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON: rounded figures, the reason only where there is one."""
        out: dict[str, Any] = {
            "value": None if self.value is None else round(self.value, 4),
            "units": self.units,
            "observed": None if self.observed is None else round(self.observed, 4),
        }
        if self.reason:
            out["reason"] = self.reason
        return out


def _undefined(units: int, reason: str, observed: float | None = None) -> Coefficient:
    return Coefficient(value=None, units=units, observed=observed, reason=reason)


def cohen_kappa_table(table: Sequence[Sequence[float]] | np.ndarray) -> Coefficient:
    """Cohen's (1960) kappa from a square contingency table (rows: rater A, columns: rater B).

    kappa = (p_o - p_e) / (1 - p_e), with p_e from the two raters' own marginals.
    """
    matrix = np.asarray(table, dtype=float)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"Cohen's kappa needs a square table, got shape {matrix.shape}")
    total = matrix.sum()
    units = round(total)
    if total == 0:
        return _undefined(0, "no items rated by both annotators")
    p = matrix / total
    observed = float(np.trace(p))
    expected = float(p.sum(axis=1) @ p.sum(axis=0))
    if np.isclose(expected, 1.0):
        return _undefined(units, "both annotators used one and the same label for every item (chance agreement is 1)", observed)
    return Coefficient(value=(observed - expected) / (1.0 - expected), units=units, observed=observed)


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> Coefficient:
    """Cohen's kappa for two raters' labels of the same items, given as two parallel sequences."""
    if len(a) != len(b):
        raise ValueError(f"Cohen's kappa needs parallel label lists, got {len(a)} and {len(b)} labels")
    categories = {label: i for i, label in enumerate(sorted(set(a) | set(b), key=repr))}
    table = np.zeros((len(categories), len(categories)))
    for x, y in zip(a, b):
        table[categories[x], categories[y]] += 1
    return cohen_kappa_table(table)


def fleiss_kappa(counts: Sequence[Sequence[int]] | np.ndarray) -> Coefficient:
    """Fleiss' (1971) kappa from a subjects x categories table of how many raters chose each.

    Every subject must have the same number of ratings n >= 2 (the raters need not be the same
    people); that is the coefficient's definition, so other tables raise ``ValueError``.
    """
    table = np.asarray(counts, dtype=float)
    if table.ndim != 2:
        raise ValueError(f"Fleiss' kappa needs a subjects x categories table, got shape {table.shape}")
    subjects = table.shape[0]
    if subjects == 0:
        return _undefined(0, "no items rated by all annotators")
    per_subject = table.sum(axis=1)
    n = per_subject[0]
    if not np.all(per_subject == n):
        raise ValueError("Fleiss' kappa needs the same number of ratings for every subject")
    if n < 2:
        return _undefined(subjects, "fewer than two ratings per item")
    p_category = table.sum(axis=0) / (subjects * n)
    p_subject = ((table * table).sum(axis=1) - n) / (n * (n - 1))
    observed = float(p_subject.mean())
    expected = float((p_category * p_category).sum())
    if np.isclose(expected, 1.0):
        return _undefined(subjects, "every rating is the same label (chance agreement is 1)", observed)
    return Coefficient(value=(observed - expected) / (1.0 - expected), units=subjects, observed=observed)


def fleiss_table(ratings: Sequence[Sequence[Hashable]]) -> np.ndarray:
    """Turn per-subject rating lists (one label per rater) into Fleiss' subjects x categories counts."""
    categories = {label: i for i, label in enumerate(sorted({x for row in ratings for x in row}, key=repr))}
    table = np.zeros((len(ratings), max(len(categories), 1)), dtype=int)
    for row, labels in enumerate(ratings):
        for label in labels:
            table[row, categories[label]] += 1
    return table


def alpha_from_counts(counts: np.ndarray, weights: np.ndarray | None = None) -> Coefficient:
    """Krippendorff's alpha (nominal) from a units x categories table of value counts.

    Follows the coincidence-matrix definition (Krippendorff 2011, "Computing Krippendorff's
    Alpha-Reliability"): each unit with m_u >= 2 values adds n_uc * n_uk / (m_u - 1) to o_ck
    (minus n_uc on the diagonal); alpha = 1 - (n - 1) * sum_{c!=k} o_ck / sum_{c!=k} n_c n_k.
    ``weights`` counts a row as that many identical units (runs of equal characters), which
    gives exactly the per-character figure without a row per character.
    """
    table = np.asarray(counts, dtype=float)
    if table.ndim != 2:
        raise ValueError(f"alpha needs a units x categories table, got shape {table.shape}")
    weight = np.ones(table.shape[0]) if weights is None else np.asarray(weights, dtype=float)
    values_per_unit = table.sum(axis=1)
    pairable = values_per_unit >= 2
    table, weight, values_per_unit = table[pairable], weight[pairable], values_per_unit[pairable]
    units = round(weight.sum())
    if units == 0:
        return _undefined(0, "no unit has values from two or more annotators")
    scaled = table * (weight / (values_per_unit - 1))[:, None]
    coincidence = scaled.T @ table - np.diag(scaled.sum(axis=0))
    n_c = coincidence.sum(axis=1)
    n = n_c.sum()
    observed_disagreement = coincidence.sum() - np.trace(coincidence)
    expected_disagreement = (n_c.sum() ** 2 - (n_c * n_c).sum()) / (n - 1)
    observed = float(np.trace(coincidence) / n)
    if np.isclose(expected_disagreement, 0.0):
        return _undefined(units, "every value is the same label, so there is no variation to agree on", observed)
    alpha = 1.0 - observed_disagreement / expected_disagreement
    return Coefficient(value=float(alpha), units=units, observed=observed)


def krippendorff_alpha_nominal(reliability_data: Sequence[Sequence[Hashable | None]]) -> Coefficient:
    """Krippendorff's alpha (nominal) from a coders x units matrix; ``None`` marks a missing value."""
    rows = [list(row) for row in reliability_data]
    if not rows:
        return _undefined(0, "no annotators")
    width = len(rows[0])
    if any(len(row) != width for row in rows):
        raise ValueError("every coder's row must have one entry per unit (None where missing)")
    categories = {label: i for i, label in enumerate(sorted({x for row in rows for x in row if x is not None}, key=repr))}
    counts = np.zeros((width, max(len(categories), 1)))
    for row in rows:
        for unit, value in enumerate(row):
            if value is not None:
                counts[unit, categories[value]] += 1
    return alpha_from_counts(counts)
