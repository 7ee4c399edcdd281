"""Developer tasks, run with invoke (``./dev TASK`` sets up .venv first).

Sections are owned by feature: pre-annotation and tests here at the top; Label Studio,
stanza, guidelines and agreement tasks further down.
"""

from __future__ import annotations

import sys
from pathlib import Path

from invoke import Context, task

ROOT = Path(__file__).resolve().parent
PY = sys.executable
SAMPLE = ROOT / "sample" / "syria-tv-2024-08-09.txt"


@task
def pre(c: Context, out: str = "out/sample.pre.jsonl") -> None:
    """Pre-annotate the bundled sample article with the rules engine."""
    c.run(f"{PY} -m annotate pre {SAMPLE} -o {out}", pty=False)


@task
def gold(c: Context) -> None:
    """Compile tests/data/dev_gold.yaml (strings) into tests/data/dev_gold.jsonl (offsets)."""
    c.run(f"{PY} tests/data/build_gold.py")


@task
def test(c: Context, k: str = "", x: bool = False) -> None:
    """Run the whole test suite (what CI runs)."""
    selection = f" -k {k!r}" if k else ""
    c.run(f"{PY} -m pytest -q -rs{' -x' if x else ''}{selection}", pty=False)


# --- stanza (issue 7) ---------------------------------------------------------------------

TREEBANK = ROOT.parent / "shared" / "data" / "ud-arabic-pud"


@task(name="train-stanza")
def train_stanza(c: Context, treebank: str = str(TREEBANK), out: str = "") -> None:
    """Train the small Arabic stanza models offline (about 12 min on 2 cores; cached per machine)."""
    target = f" -o {out}" if out else ""
    c.run(f"nice -n 10 {PY} -m annotate models train {treebank}{target}", pty=False)


# --- agreement (issue 5) -------------------------------------------------------------------------


@task(name="bench-agreement")
def bench_agreement(c: Context, documents: int = 10_000, annotators: int = 3) -> None:
    """Time the full agreement report on a synthetic export (10,000 documents x 3 annotators)."""
    c.run(f"{PY} bench/bench_agreement.py --documents {documents} --annotators {annotators}", pty=False)


# --- guidelines (issue 6) ------------------------------------------------------------------------


@task
def guidelines(c: Context, out: str = "out/guidelines.html") -> None:
    """Render the guidelines to HTML and refresh the committed guidelines/guidelines.md."""
    c.run(f"{PY} -m annotate guidelines --format html -o {out}", pty=False)
    c.run(f"{PY} -m annotate guidelines --format md -o guidelines/guidelines.md", pty=False)
