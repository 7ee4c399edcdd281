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


def _run(c: Context, command: str) -> None:
    """Run ``command`` without a pseudo-terminal and without standard input.

    invoke mirrors our stdin into the child by default; with no terminal (CI) its stdin
    thread races the child's exit and can fail a finished run with ``ThreadException ...
    I/O operation on closed file``. None of these commands reads input, so none gets any.
    """
    c.run(command, pty=False, in_stream=False)


@task
def pre(c: Context, out: str = "out/sample.pre.jsonl") -> None:
    """Pre-annotate the bundled sample article with the rules engine."""
    _run(c, f"{PY} -m annotate pre {SAMPLE} -o {out}")


@task
def gold(c: Context) -> None:
    """Compile the gold sets in tests/data/ (dev gold and holdouts: strings) into JSONL (offsets)."""
    _run(c, f"{PY} tests/data/build_gold.py")


@task
def test(c: Context, k: str = "", x: bool = False) -> None:
    """Run the whole test suite (what CI runs)."""
    _ensure_labelstudio(c)
    _check_chromium()
    _ensure_stanza_models(c)
    selection = f" -k {k!r}" if k else ""
    _run(c, f"{PY} -m pytest -q -rs{' -x' if x else ''}{selection}")


# --- stanza (issue 7) ---------------------------------------------------------------------

TREEBANK = ROOT.parent / "shared" / "data" / "ud-arabic-pud"


def _ensure_stanza_models(c: Context) -> None:
    """Train the stanza tests' models before pytest starts (cached: at once after the first time).

    Training prints a line per stage on stderr here, in its own step rather than inside a test's
    setup, so it neither runs silent nor counts against pytest's per-test timeout.
    """
    if not TREEBANK.exists():
        print(f"warning: {TREEBANK} is missing, the stanza tests will be skipped", file=sys.stderr)
        return
    _run(c, f"nice -n 10 {PY} -m annotate.stanza_models.train {TREEBANK}")


@task(name="train-stanza")
def train_stanza(c: Context, treebank: str = str(TREEBANK), out: str = "") -> None:
    """Train the small Arabic stanza models offline (fixed step counts; cached per machine)."""
    target = f" -o {out}" if out else ""
    _run(c, f"nice -n 10 {PY} -m annotate models train {treebank}{target}")


# --- agreement (issue 5) -------------------------------------------------------------------------


@task(name="bench-agreement")
def bench_agreement(c: Context, documents: int = 10_000, annotators: int = 3) -> None:
    """Time the full agreement report on a synthetic export (10,000 documents x 3 annotators)."""
    _run(c, f"{PY} bench/bench_agreement.py --documents {documents} --annotators {annotators}")


# --- guidelines (issue 6) ------------------------------------------------------------------------


@task
def guidelines(c: Context, out: str = "out/guidelines.html") -> None:
    """Render the guidelines to HTML and refresh the committed guidelines/guidelines.md."""
    _run(c, f"{PY} -m annotate guidelines --format html -o {out}")
    _run(c, f"{PY} -m annotate guidelines --format md -o guidelines/guidelines.md")


# --- Label Studio (issue 4) ----------------------------------------------------------------------

LABEL_STUDIO = "label-studio==1.23.2"
LS_VENV = ROOT / ".venv-labelstudio"
CHROMIUM = Path("/usr/bin/chromium")
DEMO_PROJECT = "Demo: Syria TV 2024-08-09"


def _ensure_labelstudio(c: Context) -> None:
    """Label Studio lives in its own venv (its pinned dependencies clash with ours): make it once."""
    if (LS_VENV / "bin" / "label-studio").exists():
        return
    print(f"Installing {LABEL_STUDIO} into {LS_VENV.name}/ (first run only: about a minute) ...", file=sys.stderr)
    _run(c, f"{PY} -m venv {LS_VENV}")
    _run(c, f"{LS_VENV}/bin/pip install --quiet {LABEL_STUDIO}")


def _check_chromium() -> None:
    """The browser tests drive the system Chromium through Playwright (executable_path)."""
    if not CHROMIUM.exists():
        print(f"warning: {CHROMIUM} is missing, browser tests will be skipped "
              "(apt-get install chromium chromium-driver fonts-noto-core)", file=sys.stderr)


@task
def labelstudio(c: Context) -> None:
    """Start the local Label Studio (127.0.0.1, data in .labelstudio/) and say how to log in."""
    _ensure_labelstudio(c)
    _run(c, f"{PY} -m annotate server start")


@task
def demo(c: Context, project: str = DEMO_PROJECT) -> None:
    """Pre-annotate the sample article, start Label Studio, push, and print the project URL."""
    _ensure_labelstudio(c)
    _run(c, f"{PY} -m annotate pre {SAMPLE.relative_to(ROOT)} -o out/sample.pre.jsonl")
    _run(c, f"{PY} -m annotate server start")
    _run(c, f"{PY} -m annotate push out/sample.pre.jsonl --project {project!r}")
    print("Open the project URL above, log in as shown, click the task: the pre-annotations are the prediction.")


@task(name="bench-labelstudio")
def bench_labelstudio(c: Context, n: int = 10_000) -> None:
    """Push and export n short documents on a throw-away server; compare with one import call per task."""
    _ensure_labelstudio(c)
    _run(c, f"{PY} bench/bench_labelstudio.py --n {n}")


@task(name="bench-labelstudio-scale")
def bench_labelstudio_scale(c: Context, n: int = 100_000) -> None:
    """Push and export n tasks on SQLite and on PostgreSQL (throw-away servers): tasks/s and peak memory."""
    _ensure_labelstudio(c)
    _run(c, f"{PY} bench/bench_labelstudio_scale.py --n {n}")


@task(name="bench-engines")
def bench_engines(c: Context) -> None:
    """Rules vs stanza vs hybrid on the dev gold (needs trained stanza models); rewrites bench/engines.md's table."""
    _run(c, f"{PY} bench/bench_engines.py --out bench/engines.md")


@task(name="export-dev-gold")
def export_dev_gold(c: Context) -> None:
    """Publish the dev gold through a throw-away Label Studio into exports/dev-gold/ (a real export)."""
    _ensure_labelstudio(c)
    _run(c, f"{PY} exports/publish_dev_gold.py")
