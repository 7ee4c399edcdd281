"""Large projects on Label Studio: push and export N tasks on SQLite and on PostgreSQL.

For each database, starts a throw-away Label Studio (and, for PostgreSQL, a throw-away cluster:
Debian's ``postgresql`` package, see annotate.labelstudio.throwaway_postgres) and measures the
real ``annotate`` commands as child processes: wall time, tasks per second and the peak resident
memory of the ``annotate`` process (``wait4``), not of the server.

  push      ``annotate push`` of N short documents (one claim, cue and source each), batches of 500
  export    ``annotate export`` of a project of the same N tasks, each with its prediction and one
            annotation (imported beforehand, not timed), in chunks of ``--chunk`` tasks
  export-1  the same with ``--chunk 0``: one snapshot of the whole project (the export before issue 12)
  fetch-api only fetching the same tasks through the task list API, pages of 1,000 (in this process)

The two exports must write the same bytes (checked when both run). Prints one table. ``--steps``
picks steps (a full 100,000-task run of all four on both databases takes hours on two cores).

    python bench/bench_labelstudio_scale.py [--n 100000] [--chunk 5000] [--databases sqlite,postgresql]
                                            [--steps push,export,export-1,fetch-api]
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_labelstudio import corpus  # the same documents as the smaller bench

from annotate.labelstudio import server
from annotate.labelstudio.client import make_client, resolve_connection
from annotate.labelstudio.convert import document_to_results, prediction_score
from annotate.labelstudio.export import CHUNK
from annotate.labelstudio.push import ensure_project, task_data
from annotate.labelstudio.throwaway_postgres import throwaway_postgres

ROOT = Path(__file__).resolve().parents[1]
FILES = ["annotations.jsonl", "gold.jsonl", "predictions.jsonl", "README.md", "gold.conll", "left_out.jsonl"]


def run_annotate(args: list[str], data_dir: Path) -> tuple[float, float]:
    """Run ``python -m annotate ARGS`` against ``data_dir``'s server; (seconds, peak RSS in MB)."""
    env = {**os.environ, server.DATA_DIR_ENV: str(data_dir), "PYTHONPATH": str(ROOT)}
    env.pop("LABEL_STUDIO_URL", None)
    env.pop("LABEL_STUDIO_API_KEY", None)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "annotate", *args], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"annotate {' '.join(args)} failed: {process.stderr.read().decode()[-500:]}")
    return seconds, usage.ru_maxrss / 1024


def reviewed_project(client, title: str, documents) -> None:
    """The same tasks, each with its prediction and one accepted annotation (setup, not timed)."""
    project, _ = ensure_project(client, title, documents)
    me = client.users.whoami().id
    for start in range(0, len(documents), 1000):
        client.projects.import_tasks(id=project.id, request=[
            {"data": task_data(doc),
             "predictions": [{"model_version": "bench", "score": prediction_score(doc), "result": document_to_results(doc)}],
             "annotations": [{"result": document_to_results(doc), "completed_by": me}]}
            for doc in documents[start:start + 1000]
        ])
    client.projects.update(id=project.id, model_version="bench")


def fetch_api(client, title: str) -> tuple[float, int]:
    """Page through every task with its annotations and predictions (the other way to export)."""
    project = next(p for p in client.projects.list(title=title) if p.title == title)
    started = time.perf_counter()
    count = sum(1 for _ in client.tasks.list(project=project.id, fields="all", page_size=1000))
    return time.perf_counter() - started, count


STEPS = ("push", "export", "export-1", "fetch-api")


def bench(database: str, n: int, chunk: int, jsonl: Path, documents, folder: Path,
          steps: tuple[str, ...] = STEPS) -> list[tuple]:
    rows = []
    with ExitStack() as stack:
        url = None
        if database == "postgresql":
            url = stack.enter_context(throwaway_postgres()).url
        data_dir = folder / f"ls-{database}"
        print(f"[{database}] starting a throw-away Label Studio ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        server.start(data_dir, database=url)
        stack.callback(server.stop, data_dir)
        print(f"[{database}]   ready in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        client = make_client(resolve_connection(data_dir), timeout=1800)

        if "push" in steps:
            seconds, rss = run_annotate(["push", str(jsonl), "--project", "bench push"], data_dir)
            rows.append((database, "push", n, seconds, rss))
            print(f"[{database}]   push {seconds:.0f} s", file=sys.stderr, flush=True)
        if not {"export", "export-1", "fetch-api"} & set(steps):
            return rows

        reviewed_project(client, "bench export", documents)
        out = {}
        for name, size in (("export", chunk), ("export-1", 0)):
            if name not in steps:
                continue
            out[name] = folder / f"{database}-{name}"
            seconds, rss = run_annotate(["export", "--project", "bench export", "-o", str(out[name]), "--chunk", str(size)],
                                        data_dir)
            rows.append((database, f"{name} (chunk {size})" if size else f"{name} (one snapshot)", n, seconds, rss))
            print(f"[{database}]   {name} {seconds:.0f} s", file=sys.stderr, flush=True)
        if len(out) == 2 and not all(filecmp.cmp(out["export"] / f, out["export-1"] / f, shallow=False) for f in FILES):
            raise SystemExit(f"[{database}] chunked and one-snapshot exports differ")
        if "fetch-api" in steps:
            seconds, count = fetch_api(client, "bench export")
            assert count == n, count
            rows.append((database, "fetch-api (task list pages, fetch only)", n, seconds, None))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="tasks (default 100000)")
    parser.add_argument("--chunk", type=int, default=CHUNK, help=f"tasks per export snapshot (default {CHUNK})")
    parser.add_argument("--databases", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--steps", default=",".join(STEPS), help=f"comma-separated, of: {', '.join(STEPS)}")
    args = parser.parse_args()
    steps = tuple(step.strip() for step in args.steps.split(","))
    if unknown := set(steps) - set(STEPS):
        parser.error(f"unknown step(s): {', '.join(sorted(unknown))}")
    documents = corpus(args.n)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-labelstudio-scale-") as tmp:
        folder = Path(tmp)
        jsonl = folder / "bench.jsonl"
        jsonl.write_text("".join(doc.to_json_line() + "\n" for doc in documents), encoding="utf-8")
        for database in args.databases.split(","):
            rows += bench(database.strip(), args.n, args.chunk, jsonl, documents, folder, steps)
    print("| database | step | tasks | seconds | tasks/s | peak RSS of annotate (MB) |")
    print("|---|---|---:|---:|---:|---:|")
    for database, step, n, seconds, rss in rows:
        memory = "-" if rss is None else f"{rss:.0f}"
        print(f"| {database} | {step} | {n:,} | {seconds:.1f} | {n / seconds:,.0f} | {memory} |")


if __name__ == "__main__":
    main()
