"""Time the full agreement report on a synthetic export: 10,000 documents x 3 annotators.

    .venv/bin/python bench/bench_agreement.py [--documents 10000] [--annotators 3]

Each document has three sentences, each with a cue, a source mention and a claim; every annotator
perturbs the reference (drops a claim, shortens a span, retypes a source) at random, so matching,
clustering and the coefficients do real work. Prints the time to read annotations.jsonl, compute,
and write agreement.json and agreement.html.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from annotate.agreement.html import write_html
from annotate.agreement.load import read_annotations
from annotate.agreement.metrics import compute_agreement
from annotate.agreement.report import write_json
from annotate.schema import SOURCE_TYPES, Claim, Document, SourceMention, Span

SENTENCE = 'وأفاد {src} بأن "القوات وصلت إلى مطار المدينة صباح اليوم {n}". '
SOURCES = ["مصدر خاص", "ناشطون محليون", "وزارة الدفاع", "أحمد الخالد", "وكالة الأنباء"]


def _document(doc_id: str, rng: random.Random, noise: float) -> Document:
    text, sources, claims = "", [], []
    for n in range(3):
        src = SOURCES[(hash(doc_id) + n) % len(SOURCES)]
        sentence = SENTENCE.format(src=src, n=n)
        base = len(text)
        text += sentence
        if rng.random() < noise / 2:
            continue  # this annotator missed the attribution
        s_start = base + sentence.index(src)
        s_end = s_start + len(src) - (2 if rng.random() < noise else 0)
        source_type = SOURCE_TYPES[n % 5] if rng.random() > noise else rng.choice(SOURCE_TYPES)
        sources.append(SourceMention(id=f"s{n}", start=s_start, end=s_end, text=text[s_start:s_end],
                                     type=source_type, entity=f"e{n}", affiliation=rng.choice([None, "regime"])))
        c_start = base + sentence.index("القوات")
        c_end = base + sentence.index('".') - (5 if rng.random() < noise else 0)
        cue = Span(start=base, end=base + 5, text=text[base : base + 5])
        claims.append(Claim(id=f"c{n}", start=c_start, end=c_end, text=text[c_start:c_end], kind="direct",
                            cue=cue, source=f"s{n}", check_worthy=rng.random() < 0.5))
    return Document(id=doc_id, text=text, sources=sources, claims=claims)


def _write_export(folder: Path, documents: int, annotators: int, seed: int = 5) -> Path:
    rng = random.Random(seed)
    path = folder / "annotations.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for d in range(documents):
            for a in range(annotators):
                doc = _document(f"doc-{d:05d}", rng, noise=0.15)
                record = {"task_id": d, "document_id": doc.id, "annotation_id": d * annotators + a,
                          "annotator": f"annotator{a}@example.org", "annotator_id": a, "created_at": "2024-08-10T10:00:00Z",
                          "updated_at": "2024-08-10T10:00:00Z", "ground_truth": False, "lead_time": None,
                          "document": doc.model_dump(mode="json"), "review": {}}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--annotators", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = _write_export(folder, args.documents, args.annotators)
        started = time.perf_counter()
        annotations = read_annotations(path)
        read = time.perf_counter()
        report = compute_agreement(annotations)
        computed = time.perf_counter()
        write_json(report, folder / "agreement.json")
        write_html(report, folder / "agreement.html")
        written = time.perf_counter()
    print(f"{args.documents} documents x {args.annotators} annotators ({len(annotations)} annotations)")
    print(f"read {read - started:.2f} s, compute {computed - read:.2f} s, write {written - computed:.2f} s, "
          f"total {written - started:.2f} s")
    claims = report.overall_spans()["claims"]["overlap"]
    print(f"claims overlap F1 {claims.f1:.3f}, alpha per character (claims) {report.alpha_characters['claims'].value:.3f}")


if __name__ == "__main__":
    main()
