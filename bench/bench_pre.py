"""Speed of ``annotate pre`` (rules engine) against a single regular-expression pass.

Takes N real articles from ../shared/data/saudinewsnet-dev (or, without it, repeats the bundled
sample and the development passages), then, in the
same run, times (1) one regular expression over every text, the floor any pre-annotator must
read at, and (2) ``annotate.cli.pre.pre`` end to end: read JSONL, annotate, validate, write.
Prints documents/s, MB/s (UTF-8 bytes of text) and the ratio between the two.

    python bench/bench_pre.py [--n 5000]
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from annotate.cli.pre import pre
from annotate.io import read_documents, write_jsonl
from annotate.schema import Document

ROOT = Path(__file__).resolve().parent.parent
# A cue-verb-and-quotation pattern: one pass, the cheapest "pre-annotator" imaginable.
BASELINE = re.compile(r'(?:قال|أفاد|أكد|أشار|بحسب|وفقا)\S*\s+[^.!?؟"«]*(?:["«][^"»]*["»])?')


REAL_CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet-dev" / "articles.jsonl.gz"


def corpus(n: int) -> list[Document]:
    """The first ``n`` real articles of the development corpus when it is beside the checkout (what
    users pre-annotate); else the sample and the dev gold's passages, repeated."""
    if REAL_CORPUS.exists():
        documents = []
        for document in read_documents([REAL_CORPUS]):
            documents.append(Document(id=document.id, text=document.text))
            if len(documents) == n:
                return documents
        return documents
    seeds = list(read_documents([ROOT / "sample"]))
    gold = ROOT / "tests" / "data" / "dev_gold.jsonl"
    if gold.exists():
        seeds += [Document(id=d.id, text=d.text) for d in read_documents([gold])]
    return [Document(id=f"doc-{i}", text=seeds[i % len(seeds)].text) for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="number of documents (default 5000)")
    args = parser.parse_args()
    documents = corpus(args.n)
    megabytes = sum(len(d.text.encode("utf-8")) for d in documents) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        write_jsonl(documents, source)
        started = time.perf_counter()
        matches = sum(len(BASELINE.findall(d.text)) for d in documents)
        regex_seconds = time.perf_counter() - started
        started, cpu_started = time.perf_counter(), time.process_time()
        counts = pre([source], Path(tmp) / "out.jsonl", show_progress=False, jobs=1)
        pre_seconds = time.perf_counter() - started
        pre_cpu = time.process_time() - cpu_started
    print(f"documents: {len(documents):,}  text: {megabytes:.2f} MB  claims found: {counts.claims:,} "
          f"(regex matches: {matches:,})")
    for name, seconds in (("single regex pass", regex_seconds), ("annotate pre (rules)", pre_seconds)):
        print(f"{name:22s} {seconds:8.2f} s  {len(documents) / seconds:10,.0f} docs/s  {megabytes / seconds:8.2f} MB/s")
    print(f"ratio (annotate pre / regex): {pre_seconds / regex_seconds:,.1f}x slower")
    # CPU time of this process: on a machine shared with other work, wall time also counts the waiting
    print(f"annotate pre CPU time   {pre_cpu:8.2f} s  {megabytes / pre_cpu:8.2f} MB/s per core-second of CPU "
          f"(wall / CPU: {pre_seconds / pre_cpu:.2f})")


if __name__ == "__main__":
    main()
