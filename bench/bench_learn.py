"""Does learning from reviews help? Cross-validated by document on the real gold sets.

    .venv/bin/python bench/bench_learn.py [--min-count 2] [--folds 3] [--halves-of d | --halves-of a,b,c,d,e,g]
                                          [--lexicons-at COMMIT]

A review export is simulated from (pre-annotation, gold) pairs: ``predictions.jsonl`` is what the
built-in engine gives, ``gold.jsonl`` is the hand annotation (tests/data/real/gold-a.jsonl,
gold-b.jsonl and gold-c.jsonl). Documents are split into folds;
``annotate learn`` learns from all folds but one, the learned folder is layered over the built-in
lists, and the held-out fold is scored with ``annotate.evaluate.evaluate``; the folds rotate. Then
the same with the two parts: learn from part a, score part b, and the other way round; with
``--halves-of d`` the halves are the two halves of part d instead (split by a hash of the id), and with
``--halves-of a,b,c,d,e,g`` the two halves of all those parts together (a reviewed half of 330 documents).
With ``--lexicons-at 6a4dc74`` the built-in word lists are the ones of that commit (written before
any tuning on real news; the code stays today's): how much learning recovers on text the lists
were never tuned on. The bench then runs itself again against a copy of the package in a temporary
folder; the checkout needs its git history.
Printed:
claim F1 (overlap) and attribution F1 before/after, and the expected calibration error of claim
scores before (the scores reviewers saw) and after (the learned model's calibrated scores).
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from annotate.evaluate import evaluate
from annotate.io import read_jsonl
from annotate.learn.calibration import expected_calibration_error
from annotate.learn.model import load_model
from annotate.learn.pairs import Pair, score_labels
from annotate.learn.run import learn_pairs

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real"
PARTS = ("a", "b", "c")  # the folds; part d only with --halves-of d
HALVES = ("a", "b")


def _bare(doc):
    return doc.model_copy(update={"claims": [], "sources": []})


def _scores(gold, predicted) -> tuple[float, float, float | None]:
    result = evaluate(gold, predicted)
    claims, _ = score_labels(Pair(p, g) for p, g in zip(predicted, gold))
    return result["claims_overlap"]["f1"], result["attribution"]["f1"], expected_calibration_error(*claims)


def run(train: list[Pair], test: list[Pair], min_count: int) -> dict[str, tuple]:
    with tempfile.TemporaryDirectory(prefix="bench-learn-") as tmp:
        result = learn_pairs(train, Path(tmp) / "learned", min_count)
        model = load_model([Path(tmp) / "learned"])
        learned = list(model.annotate([_bare(p.gold) for p in test]))
    gold = [p.gold for p in test]
    return {"before": _scores(gold, [p.predicted for p in test]), "after": _scores(gold, learned),
            "entries": len(result.entries)}


def _row(name: str, docs: int, found: dict) -> str:
    (c0, a0, e0), (c1, a1, e1) = found["before"], found["after"]
    return (f"| {name} | {docs} | {found['entries']} | {100 * c0:.1f} → {100 * c1:.1f} | {100 * a0:.1f} → {100 * a1:.1f} "
            f"| {100 * (a1 - a0):+.1f} | {e0:.3f} → {e1:.3f} |")


def _rerun_with_lexicons_at(commit: str, argv: list[str]) -> int:
    """Run this bench again against today's package with the word lists (*.yaml) of ``commit``."""
    with tempfile.TemporaryDirectory(prefix="bench-learn-lexicons-") as tmp:
        shutil.copytree(ROOT / "annotate", Path(tmp) / "annotate", ignore=shutil.ignore_patterns("__pycache__"))
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "annotate/lexicons"],
                                 capture_output=True, check=False)
        if archive.returncode != 0:
            sys.exit(f"--lexicons-at: git archive {commit}: {archive.stderr.decode(errors='replace').strip()}")
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            for member in tar.getmembers():  # only the lists' own files, by their bare names
                name = Path(member.name).name
                if member.isfile() and name.endswith(".yaml") and "/" not in name:
                    data = tar.extractfile(member)
                    if data is not None:
                        (Path(tmp) / "annotate" / "lexicons" / name).write_bytes(data.read())
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [tmp, os.environ.get("PYTHONPATH")]))}
        print(f"built-in word lists as of {commit} (code of today)\n", flush=True)
        return subprocess.run([sys.executable, __file__, *argv], env=env, check=False).returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--lexicons-at", default=None, metavar="COMMIT",
                        help="use the built-in word lists of this git commit (today's code)")
    known = sorted(path.stem.removeprefix("gold-") for path in REAL.glob("gold-*.jsonl"))
    parser.add_argument("--halves-of", default=None,
                        help="real parts, comma-separated, whose documents are split in two halves (default: parts a and b)")
    args = parser.parse_args()
    if args.lexicons_at:
        argv = [a for a in sys.argv[1:] if a != "--lexicons-at" and a != args.lexicons_at
                and not a.startswith("--lexicons-at=")]
        sys.exit(_rerun_with_lexicons_at(args.lexicons_at, argv))
    halved = tuple(args.halves_of.split(",")) if args.halves_of else ()
    unknown = [part for part in halved if part not in known]
    if unknown:
        parser.error(f"--halves-of: no real part {unknown[0]!r} (known: {', '.join(known)})")
    parts = PARTS + tuple(part for part in halved if part not in PARTS)
    gold = {part: read_jsonl(REAL / f"gold-{part}.jsonl") for part in parts}
    base = load_model()
    pairs = {part: [Pair(pred, g) for pred, g in zip(base.annotate([_bare(d) for d in docs]), docs)]
             for part, docs in gold.items()}
    if args.halves_of:
        half = lambda p: int(hashlib.sha256(p.gold.id.encode()).hexdigest(), 16) % 2
        whole = [p for part in halved for p in pairs[part]]
        pairs["1"], pairs["2"] = [p for p in whole if half(p) == 0], [p for p in whole if half(p) == 1]
    everything = [p for part in PARTS for p in pairs[part]]
    fold = lambda p: int(hashlib.sha256(p.gold.id.encode()).hexdigest(), 16) % args.folds
    header = ("| held out | documents | additions | claim F1 (overlap) | attribution F1 | Δ attribution | claim ECE |\n"
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(f"min-count {args.min_count}; {len(everything)} documents of real gold (parts {', '.join(PARTS)})\n")
    print(header)
    totals = []
    for k in range(args.folds):
        test = [p for p in everything if fold(p) == k]
        found = run([p for p in everything if fold(p) != k], test, args.min_count)
        totals.append(found)
        print(_row(f"fold {k + 1} of {args.folds}", len(test), found))
    mean = lambda key, i: sum(t[key][i] for t in totals) / len(totals)
    print(f"| mean | | | {100 * mean('before', 0):.1f} → {100 * mean('after', 0):.1f} | "
          f"{100 * mean('before', 1):.1f} → {100 * mean('after', 1):.1f} | {100 * (mean('after', 1) - mean('before', 1)):+.1f} "
          f"| {mean('before', 2):.3f} → {mean('after', 2):.3f} |")
    print()
    print(header)
    halves = []
    names = ("1", "2") if args.halves_of else HALVES
    for learn_from, score_on in (names, names[::-1]):
        found = run(pairs[learn_from], pairs[score_on], args.min_count)
        halves.append(found)
        label = (f"parts {args.halves_of}, half {score_on} (learned from half {learn_from})" if args.halves_of
                 else f"part {score_on} (learned from {learn_from})")
        print(_row(label, len(pairs[score_on]), found))
    gain = sum(h["after"][1] - h["before"][1] for h in halves) / 2
    print(f"\nmean attribution F1 change over both halves: {100 * gain:+.2f} points")


if __name__ == "__main__":
    main()
