"""Speed of the Label Studio round trip: push and export N short documents on a real server.

Starts a throw-away Label Studio (temporary data folder, free port), then in the same run times:
  1. ``push_documents``: N tasks with their predictions, imported in batches (validation included);
  2. ``export_project`` of a project holding the same N tasks, each with one annotation
     (the annotations are bulk-imported beforehand, untimed): snapshot, conversion, four files;
  3. the baseline: the same N tasks imported one API call per task.
Prints tasks per second for each.

    python bench/bench_labelstudio.py [--n 10000] [--baseline-n 1000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from annotate.authoring import document_from_spec
from annotate.labelstudio import server
from annotate.labelstudio.client import make_client, resolve_connection
from annotate.labelstudio.convert import document_to_results
from annotate.labelstudio.export import export_project
from annotate.labelstudio.push import ensure_project, push_documents, task_data
from annotate.schema import Document

PLACES = ["القرية", "المطار", "المدينة", "الحي", "المعبر"]


def corpus(n: int) -> list[Document]:
    """Short news-like passages, each with a cue, a claim and a source."""
    docs = []
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        text = f"وقال مصدر عسكري إن القوات وصلت إلى {place} رقم {i} صباح اليوم."
        docs.append(document_from_spec({
            "id": f"bench-{i:06d}", "text": text,
            "sources": [{"id": "s1", "text": "مصدر عسكري", "type": "anonymous", "entity": "e1"}],
            "claims": [{"text": f"القوات وصلت إلى {place} رقم {i} صباح اليوم", "kind": "indirect", "cue": "وقال",
                        "source": "s1"}],
        }))
    return docs


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:8.1f} tasks/s  ({count} tasks in {seconds:.1f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of documents (default 10000)")
    parser.add_argument("--baseline-n", type=int, default=None,
                        help="import only this many tasks one call per task (default: all n; about 8 tasks/s)")
    args = parser.parse_args()
    documents = corpus(args.n)
    with tempfile.TemporaryDirectory(prefix="bench-labelstudio-") as folder:
        data_dir = Path(folder) / "ls"
        print("starting a throw-away Label Studio ...", flush=True)
        started = time.perf_counter()
        status = server.start(data_dir)
        print(f"  ready in {time.perf_counter() - started:.0f} s at {status.url}")
        try:
            client = make_client(resolve_connection(data_dir), timeout=600)

            started = time.perf_counter()
            pushed = push_documents(client, documents, "bench push")
            push_time = time.perf_counter() - started
            assert pushed.created == len(documents)

            # A reviewed project: same tasks, one annotation each (setup, not timed).
            project, _ = ensure_project(client, "bench export", documents)
            me = client.users.whoami().id
            for start in range(0, len(documents), 1000):
                client.projects.import_tasks(id=project.id, request=[
                    {"data": task_data(doc), "annotations": [{"result": document_to_results(doc), "completed_by": me}]}
                    for doc in documents[start:start + 1000]
                ])
            started = time.perf_counter()
            exported = export_project(client, "bench export", Path(folder) / "export")
            export_time = time.perf_counter() - started
            assert exported.annotations == len(documents) and not exported.problems, exported.problems[:3]

            baseline, _ = ensure_project(client, "bench one call per task", documents)
            singles = documents[: args.baseline_n or len(documents)]
            started = time.perf_counter()
            for doc in singles:
                client.projects.import_tasks(id=baseline.id, request=[{"data": task_data(doc)}])
            single_time = time.perf_counter() - started
        finally:
            server.stop(data_dir)
    print(f"push (batched, with predictions):      {_rate(len(documents), push_time)}")
    print(f"export (snapshot -> 4 files):          {_rate(len(documents), export_time)}")
    print(f"import one call per task (no preds):   {_rate(len(singles), single_time)}")
    speedup = (len(documents) / push_time) / (len(singles) / single_time)
    print(f"push is {speedup:.1f}x faster than one call per task")


if __name__ == "__main__":
    main()
