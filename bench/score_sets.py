"""Score the rules engine on every gold set in one table: real news first, then the written sets.

Why: one command shows whether a change helps on real articles without hurting the regression
sets. ``python bench/score_sets.py [--errors SET]``. Every real part here has had its one blind score
(tests/data/real/first-blind-scores/README.md); a new blind part must stay out of this list until it has.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotate.evaluate import EvaluationError, evaluate  # noqa: E402
from annotate.io import read_jsonl  # noqa: E402
from annotate.preannotate import get_engine  # noqa: E402

REAL = ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w",
        "x", "y", "z", "aa")
WRITTEN = ("dev_gold", "holdout", "holdout2", "holdout3")


def sets() -> dict[str, Path]:
    """Name → gold file, real parts first."""
    found = {f"real-{p}": ROOT / f"tests/data/real/gold-{p}.jsonl" for p in REAL}
    found.update({name: ROOT / f"tests/data/{name}.jsonl" for name in WRITTEN})
    return {name: path for name, path in found.items() if path.exists()}


def main(argv: list[str]) -> int:
    engine = get_engine("rules")
    show = argv[argv.index("--errors") + 1] if "--errors" in argv else None
    print(f"{'set':10} {'docs':>5} {'claims':>6} {'claimF1':>8} {'attrP':>6} {'attrR':>6} {'attrF1':>7} {'type':>6} {'affil':>6}")
    for name, path in sets().items():
        gold = list(read_jsonl(path))
        scores = evaluate(gold, engine.annotate(gold), errors=name == show)
        a = scores["attribution"]
        print(f"{name:10} {scores['documents']:5d} {scores['gold_claims']:6d} {100 * scores['claims_overlap']['f1']:8.1f} "
              f"{100 * a['precision']:6.1f} {100 * a['recall']:6.1f} {100 * a['f1']:7.1f} "
              f"{100 * (scores['type_accuracy'] or 0):6.1f} {100 * (scores['affiliation_accuracy'] or 0):6.1f}")
        for row in scores.get("errors", []):
            print("  " + EvaluationError(**row).line())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
