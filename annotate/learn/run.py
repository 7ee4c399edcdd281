"""``annotate learn``: lexicon additions and a score calibration from reviewed exports, with a report.

The additions are learned from every reviewed document. The calibration is fitted on the scores
the engine gives *with* those additions (scores of the lists it will serve), accepted unchanged
vs changed or deleted. Its report is measured honestly: additions and calibration are learned
again from two thirds of the documents (split by document id) and scored on the last third.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotate.errors import InputError
from annotate.evaluate import evaluate
from annotate.io import atomic_folder, atomic_writer
from annotate.learn.calibration import CALIBRATION_FILE, Calibration, expected_calibration_error, fit, reliability
from annotate.learn.lexicon import DELETED, Entry, learn_additions
from annotate.learn.model import Model, load_model
from annotate.learn.pairs import Pair, read_exports, score_labels
from annotate.learn.write import render_all
from annotate.lexicons import layered_lexicon

REPORT_FILE, PLOT_FILE, SUMMARY_FILE = "report.md", "reliability.svg", "learned.json"
HEADER = ("Lexicon additions learned by `annotate learn` from reviewed pre-annotations: layer this folder over the\n"
          "built-in lists with `annotate pre --lexicons DIR` (or ANNOTATE_LEXICONS=DIR). Read and edit before use;\n"
          "each entry says why it is here, how often it was seen and where (document id: span).")


@dataclass
class Held:
    """Calibration measured on held-out documents: ECE of the scores reviewers saw, of the learned model's raw
    scores, and of its calibrated scores; plus the reliability bins for the plot."""

    documents: int = 0
    claims: int = 0
    ece_shown: float | None = None
    ece_raw: float | None = None
    ece_calibrated: float | None = None
    source_ece_raw: float | None = None
    source_ece_calibrated: float | None = None
    bins: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass
class LearnResult:
    """What ``annotate learn`` wrote and measured."""

    out_dir: Path
    documents: int
    entries: list[Entry]
    calibration: Calibration
    held: Held
    files: list[Path]


def _split(pairs: Sequence[Pair], parts: int = 3) -> tuple[list[Pair], list[Pair]]:
    """Two thirds to learn from, one third held out, by a hash of the document id (stable across runs)."""
    bucket = lambda p: int(hashlib.sha256(p.gold.id.encode()).hexdigest(), 16) % parts
    return [p for p in pairs if bucket(p) != 0], [p for p in pairs if bucket(p) == 0]


def _raw(model: Model) -> Model:
    return dataclasses.replace(model, calibration=None)


def repredict(model: Model, pairs: Sequence[Pair]) -> list[Pair]:
    """The same gold, with ``model``'s pre-annotation in place of what reviewers saw."""
    bare = [p.gold.model_copy(update={"claims": [], "sources": []}) for p in pairs]
    return [Pair(pred, p.gold) for pred, p in zip(model.annotate(bare), pairs)]


def _write(entries: Sequence[Entry], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.yaml"):
        stale.unlink()
    for name, text in render_all(list(entries), HEADER).items():
        (folder / name).write_text(text, encoding="utf-8")


def _attribution_f1(pairs: Sequence[Pair], layers: Sequence[Path], engine: str) -> float:
    predicted = repredict(_raw(load_model(layers, engine)), pairs)
    return evaluate([p.gold for p in predicted], [p.predicted for p in predicted])["attribution"]["f1"]


def verified(entries: Sequence[Entry], pairs: Sequence[Pair], layers: Sequence[Path], engine: str = "rules") -> list[Entry]:
    """The entries that earn their place on the reviewed documents they were learned from.

    Why: an entry is learned from what reviewers changed, but it acts on every document; a cue form
    that finds one missed claim may add three false ones. Each entry is taken out in turn; unless the
    reviewed documents score better with it (attribution F1) by more than one attribution's worth, it
    goes: an entry that changes nothing on the documents it was learned from has shown nothing, one
    that mends a single claim may be that claim's accident, and on new text either can only add risk.
    Costs one engine run over the reviewed documents per entry.
    """
    kept = list(entries)
    if not kept or not pairs:
        return kept
    # about what one more correctly attributed claim moves attribution F1 by (2 / (gold + predicted))
    margin = 1.0 / max(1, sum(len(p.gold.claims) for p in pairs))
    with tempfile.TemporaryDirectory(prefix="annotate-verify-") as tmp:
        folder = Path(tmp)
        _write(kept, folder)
        best = _attribution_f1(pairs, (*layers, folder), engine)
        for entry in list(entries):
            if entry.section == DELETED:
                continue  # a note for the person who reads the file; the loader ignores it
            trial = [e for e in kept if e is not entry]
            _write(trial, folder)
            without = _attribution_f1(pairs, (*layers, folder), engine)
            if without > best - margin:
                kept, best = trial, without
    return kept


def fit_model(pairs: Sequence[Pair], layers: Sequence[Path], folder: Path, min_count: int,
              engine: str = "rules") -> tuple[list[Entry], Calibration, Model]:
    """Learn additions from ``pairs`` into ``folder`` (each verified on ``pairs``), then the calibration of
    the resulting engine's scores."""
    entries = verified(learn_additions(pairs, layered_lexicon(*layers), min_count), pairs, layers, engine)
    _write(entries, folder)
    raw = _raw(load_model((*layers, folder), engine))
    calibration = fit(*score_labels(repredict(raw, pairs)))
    return entries, calibration, dataclasses.replace(raw, calibration=calibration)


def measure(train: Sequence[Pair], test: Sequence[Pair], layers: Sequence[Path], min_count: int,
            engine: str = "rules") -> Held:
    """Learn from ``train``, measure calibration on ``test`` (see :class:`Held`)."""
    held = Held(documents=len(test), claims=sum(len(p.predicted.claims) for p in test))
    if not train or not test:
        return held
    with tempfile.TemporaryDirectory(prefix="annotate-learn-") as tmp:
        _, calibration, model = fit_model(train, layers, Path(tmp), min_count, engine)
        shown = score_labels(test)[0]
        raw_claims, raw_sources = score_labels(repredict(_raw(model), test))
    held.ece_shown = expected_calibration_error(*shown)
    held.ece_raw = expected_calibration_error(*raw_claims)
    after = [calibration.claims(s) for s in raw_claims[0]], raw_claims[1]
    held.ece_calibrated = expected_calibration_error(*after)
    held.source_ece_raw = expected_calibration_error(*raw_sources)
    held.source_ece_calibrated = expected_calibration_error([calibration.sources(s) for s in raw_sources[0]], raw_sources[1])
    held.bins = {"raw": reliability(*raw_claims), "calibrated": reliability(*after)}
    return held


def learn_pairs(pairs: Sequence[Pair], out_dir: Path | str, min_count: int = 2, layers: Sequence[Path | str] = (),
                engine: str = "rules") -> LearnResult:
    """Learn from reviewed (prediction, gold) pairs and write the lexicon folder ``out_dir``."""
    if min_count < 1:
        raise InputError(f"--min-count {min_count}: give 1 or more")
    folders = [Path(p) for p in layers]
    out = Path(out_dir)
    held = measure(*_split(pairs), folders, min_count, engine)
    with tempfile.TemporaryDirectory(prefix="annotate-learn-") as tmp:
        entries, calibration, _ = fit_model(pairs, folders, Path(tmp), min_count, engine)
        texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(Path(tmp).glob("*.yaml"))}
    from annotate.learn.report import plot_svg, report_markdown

    texts[CALIBRATION_FILE] = calibration.to_json()
    texts[SUMMARY_FILE] = json.dumps(summary(pairs, entries, calibration, held), ensure_ascii=False, indent=1) + "\n"
    texts[REPORT_FILE] = report_markdown(len(pairs), entries, calibration, held)
    texts[PLOT_FILE] = plot_svg(held)
    with atomic_folder(out) as folder:
        for name, text in texts.items():
            with atomic_writer(folder / name) as handle:
                handle.write(text)
    return LearnResult(out, len(pairs), entries, calibration, held, [out / name for name in texts])


def summary(pairs: Sequence[Pair], entries: Sequence[Entry], calibration: Calibration, held: Held) -> dict[str, Any]:
    """``learned.json``: the same figures as the report, for programs."""
    return {
        "documents": len(pairs),
        "entries": [{"file": e.file, "section": e.section, "value": e.value, "reason": e.reason, "count": e.count,
                     "examples": [{"document": d, "text": t} for d, t in e.examples]} for e in entries],
        "calibration": {"fitted_on": calibration.fitted_on},
        "held_out": {k: v for k, v in dataclasses.asdict(held).items() if k != "bins"},
    }


def learn(exports: Sequence[Path | str], out_dir: Path | str, min_count: int = 2, layers: Sequence[Path | str] = (),
          engine: str = "rules") -> LearnResult:
    """Read export folders (``predictions.jsonl`` against ``gold.jsonl``) and learn from them."""
    pairs = read_exports(exports)
    if not pairs:
        raise InputError(f"no reviewed document with a prediction in {', '.join(map(str, exports))}")
    return learn_pairs(pairs, out_dir, min_count, layers, engine)
