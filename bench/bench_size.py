"""Time and memory of the rules engine on ONE document of 1, 2, 5 and 10 MB with no line break.

Why: a scraped page or a PDF dump arrives as one huge line, and the engine must stay linear in
document size (a 10 MB document no more than about 10 times a 1 MB one). The document is built by
joining real articles (../shared/data/saudinewsnet-dev when present, else the bundled sample and
dev gold) with spaces. Prints seconds, MB/s, peak traced memory and the ratio to the 1 MB run,
all measured in this one run.

    python bench/bench_size.py [--sizes 1 2 5 10]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
import tracemalloc
from pathlib import Path

from annotate.io import read_documents
from annotate.preannotate.rules import RulesEngine
from annotate.schema import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet-dev" / "articles.jsonl.gz"


def _texts() -> list[str]:
    if CORPUS.exists():
        with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
            return [json.loads(line)["text"] for _, line in zip(range(4000), handle)]
    return [d.text for d in read_documents([ROOT / "sample", ROOT / "tests" / "data" / "dev_gold.jsonl"])]


def one_line_document(megabytes: float, texts: list[str]) -> Document:
    """A single document of about ``megabytes`` MB of UTF-8 text with every line break made a space."""
    target, parts, size, i = int(megabytes * 1_000_000), [], 0, 0
    while size < target:
        part = " ".join(texts[i % len(texts)].split())
        parts.append(part)
        size += len(part.encode("utf-8")) + 1
        i += 1
    return Document(id=f"{megabytes}MB", text=" ".join(parts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 5, 10])
    args = parser.parse_args()
    engine, texts = RulesEngine(), _texts()
    engine.annotate_one(Document(id="warm", text=texts[0]))
    print(f"{'MB':>6} {'seconds':>8} {'MB/s':>6} {'peak MB':>8} {'time / time of first':>21} {'claims':>7}")
    first = None
    for size in args.sizes:
        document = one_line_document(size, texts)
        megabytes = len(document.text.encode("utf-8")) / 1e6
        started = time.perf_counter()
        annotated = engine.annotate_one(document)
        seconds = time.perf_counter() - started
        tracemalloc.start()  # a second pass for memory: tracing slows the engine several times
        engine.annotate_one(document)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        first = first or (seconds, megabytes)
        print(f"{megabytes:6.1f} {seconds:8.2f} {megabytes / seconds:6.2f} {peak:8.0f} "
              f"{seconds / first[0]:10.2f} (size {megabytes / first[1]:4.1f}x) {len(annotated.claims):7d}")

if __name__ == "__main__":
    main()
