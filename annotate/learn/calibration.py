"""Scores that mean something: a monotone map from the engine's score to how often reviewers accept.

A claim (or source mention) the reviewers kept exactly as predicted is a success, one they changed
or deleted a failure. :func:`fit` learns scikit-learn's isotonic regression from those pairs (a
step function, never decreasing: a higher raw score never gets a lower calibrated one), and
:func:`expected_calibration_error` says how far scores are from the acceptance rates they
claim (10 equal-width bins, weighted by how many predictions fall in each).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotate.errors import LexiconError
from annotate.io import json_loads
from annotate.schema import Document

# numpy is imported where it is used: ``annotate pre`` loads this module (for a calibration, if its
# lexicon layers have one) in every worker process, and most runs have none.

CALIBRATION_FILE = "calibration.json"
BINS = 10


@dataclass(frozen=True)
class Curve:
    """A step function through (raw score, calibrated score) points; linear in between, flat outside."""

    x: tuple[float, ...]
    y: tuple[float, ...]

    def __call__(self, score: float) -> float:
        if not self.x:
            return score
        import numpy as np

        return round(float(np.interp(score, self.x, self.y)), 4)


@dataclass(frozen=True)
class Calibration:
    """One curve for claims and one for source mentions, with the counts they were fitted on."""

    claims: Curve
    sources: Curve
    fitted_on: dict[str, int] = field(default_factory=dict)

    def apply(self, doc: Document) -> Document:
        """``doc`` with its claim and source scores calibrated (spans untouched)."""
        return doc.model_copy(update={
            "claims": [c.model_copy(update={"score": self.claims(c.score)}) for c in doc.claims],
            "sources": [s.model_copy(update={"score": self.sources(s.score)}) for s in doc.sources],
        })

    def to_json(self) -> str:
        curve = lambda c: {"x": list(c.x), "y": list(c.y)}
        return json.dumps({"method": "isotonic", "claims": curve(self.claims), "sources": curve(self.sources),
                           "fitted_on": self.fitted_on}, indent=1) + "\n"


def read_calibration(path: Path | str) -> Calibration:
    """A calibration written by :meth:`Calibration.to_json`; :class:`LexiconError` naming the file if broken."""
    try:
        raw = json_loads(Path(path).read_text(encoding="utf-8"))
        curves = [Curve(tuple(map(float, raw[k]["x"])), tuple(map(float, raw[k]["y"]))) for k in ("claims", "sources")]
        return Calibration(curves[0], curves[1], dict(raw.get("fitted_on") or {}))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise LexiconError(f"{path}: not a calibration file ({type(error).__name__})") from None


def fit_curve(scores: Sequence[float], accepted: Sequence[bool]) -> Curve:
    """Isotonic regression of acceptance on score; the identity when there is nothing (or one class) to learn from."""
    if len(scores) < 2 or len(set(accepted)) < 2:
        return Curve((), ())
    import numpy as np
    from sklearn.isotonic import IsotonicRegression

    model = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip", increasing=True)
    model.fit(np.asarray(scores, dtype=float), np.asarray(accepted, dtype=float))
    return Curve(tuple(float(v) for v in model.X_thresholds_), tuple(round(float(v), 4) for v in model.y_thresholds_))


def fit(claims: tuple[Sequence[float], Sequence[bool]], sources: tuple[Sequence[float], Sequence[bool]]) -> Calibration:
    """Claim and source curves from (scores, accepted) pairs."""
    return Calibration(fit_curve(*claims), fit_curve(*sources),
                       {"claims": len(claims[0]), "sources": len(sources[0])})


def expected_calibration_error(scores: Sequence[float], accepted: Sequence[bool], bins: int = BINS) -> float | None:
    """Sum over score bins of |mean score - acceptance rate| weighted by the bin's share (None when empty)."""
    if not len(scores):
        return None
    import numpy as np

    s, a = np.asarray(scores, dtype=float), np.asarray(accepted, dtype=float)
    index = np.minimum((s * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        inside = index == b
        if inside.any():
            total += inside.mean() * abs(s[inside].mean() - a[inside].mean())
    return float(total)


def reliability(scores: Sequence[float], accepted: Sequence[bool], bins: int = BINS) -> list[dict[str, Any]]:
    """Per non-empty bin: its range, mean score, acceptance rate and count (what the reliability plot draws)."""
    import numpy as np

    s, a = np.asarray(scores, dtype=float), np.asarray(accepted, dtype=float)
    index = np.minimum((s * bins).astype(int), bins - 1)
    rows = []
    for b in range(bins):
        inside = index == b
        if inside.any():
            rows.append({"bin": (b / bins, (b + 1) / bins), "mean_score": float(s[inside].mean()),
                         "accepted": float(a[inside].mean()), "count": int(inside.sum())})
    return rows
