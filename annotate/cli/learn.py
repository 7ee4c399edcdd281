"""``annotate learn``: lexicon additions and a score calibration from reviewed exports."""

from __future__ import annotations

from pathlib import Path

import typer

from annotate.cli._app import app, friendly_errors
from annotate.learn.run import LearnResult, learn


@app.command("learn")
@friendly_errors
def learn_cli(
    exports: list[Path] = typer.Argument(..., help="Export folders of `annotate export` (predictions.jsonl, gold.jsonl)."),
    output: Path = typer.Option(..., "-o", "--output", help="Lexicon folder to write: YAML additions, calibration, report."),
    min_count: int = typer.Option(2, "--min-count", min=1, help="Leave out entries seen fewer times."),
    lexicons: list[Path] = typer.Option(None, "--lexicons", help="Folders already layered over the built-in lists."),
) -> None:
    """Learn lexicon additions (missed cues, sources, names) and score calibration from what reviewers submitted."""
    result: LearnResult = learn(exports, output, min_count, lexicons or ())
    held = result.held
    print(f"{result.documents} reviewed documents: {len(result.entries)} lexicon additions → {result.out_dir}")
    fmt = lambda v: "-" if v is None else f"{v:.3f}"
    print(f"claim calibration error on {held.documents} held-out documents: shown {fmt(held.ece_shown)}, "
          f"raw {fmt(held.ece_raw)}, calibrated {fmt(held.ece_calibrated)}")
    print(f"report: {result.out_dir / 'report.md'}")
