"""Rules vs stanza vs hybrid on the development gold: scores and documents per second.

    .venv/bin/python bench/bench_engines.py [--gold tests/data/dev_gold.jsonl] [--models DIR] [--out bench/engines.md]

Each engine pre-annotates the gold texts (annotations stripped); ``annotate.evaluate`` scores
them. Speed (documents per second through ``engine.annotate``, after loading; stanza's load time
on its own) is measured on the gold passages and on the sample article repeated 10 times. The
hybrid engine is also scored with each of its signals alone, reusing one parse.
Models: the trained folder (``annotate models train``); default ANNOTATE_STANZA_MODELS or the cache.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotate.evaluate import evaluate
from annotate.io import atomic_writer, read_documents, read_jsonl
from annotate.schema import Document

SAMPLE = ROOT / "sample" / "syria-tv-2024-08-09.txt"


def _rate(engine: object, docs: list[Document], repeats: int = 3) -> float:
    """Documents per second through ``engine.annotate`` (pipeline loaded and warmed up).

    The best of ``repeats`` runs: on a shared machine the slower runs measure the neighbours.
    """
    best = 0.0
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in engine.annotate(docs):  # type: ignore[attr-defined]
            pass
        best = max(best, len(docs) / (time.perf_counter() - started))
    return best


def _row(label: str, gold: list[Document], predicted: list[Document]) -> dict:
    scores = evaluate(gold, predicted)
    return {"engine": label, "claim_f1": scores["claims_overlap"]["f1"], "claim_exact_f1": scores["claims_exact"]["f1"],
            "attribution_f1": scores["attribution"]["f1"], "type_accuracy": scores["type_accuracy"],
            "affiliation_accuracy": scores["affiliation_accuracy"], "kind_accuracy": scores["kind_accuracy"],
            "predicted": scores["predicted_claims"], "gold": scores["gold_claims"]}


def run(gold_path: Path, models: Path | None) -> list[dict]:
    """Scores of every configuration, and speed of the three engines."""
    from annotate.preannotate.hybrid_engine import DEFAULT_SIGNALS, SIGNALS, HybridEngine
    from annotate.preannotate.rules import RulesEngine
    from annotate.preannotate.stanza_engine import StanzaEngine

    gold = read_jsonl(gold_path)
    bare = [Document(id=d.id, text=d.text, meta=d.meta) for d in gold]
    article = next(iter(read_documents([SAMPLE])))
    articles = [Document(id=f"a{i}", text=article.text) for i in range(10)]

    started = time.perf_counter()
    stanza = StanzaEngine(models)
    load = time.perf_counter() - started
    rules = RulesEngine()
    hybrid = HybridEngine(models)
    parsed = list(stanza.parsed(bare))  # one parse, shared by every stanza-based configuration (and a warm-up)

    rows = [_row("rules", gold, list(rules.annotate(bare))),
            _row("stanza", gold, [stanza.annotate_parsed(d, s) for d, s in parsed]),
            _row(f"hybrid (default: {', '.join(sorted(DEFAULT_SIGNALS)) or 'no signal'})", gold,
                 [hybrid.annotate_parsed(d, s) for d, s in parsed])]
    for label, engine in (("rules", rules), ("stanza", stanza), ("hybrid", hybrid)):
        row = next(r for r in rows if r["engine"].startswith(label))
        row["docs_per_s_gold"] = _rate(engine, bare)
        row["docs_per_s_article"] = _rate(engine, articles)
        row["load_s"] = 0.0 if label == "rules" else load
    for signal in SIGNALS:
        variant = HybridEngine(models, signals={signal})
        rows.append(_row(f"hybrid, {signal} only", gold, [variant.annotate_parsed(d, s) for d, s in parsed]))
    variant = HybridEngine(models, signals=SIGNALS)
    rows.append(_row("hybrid, all signals", gold, [variant.annotate_parsed(d, s) for d, s in parsed]))
    return rows


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}"


def _speed(row: dict, key: str, digits: int) -> str:
    return f"{row[key]:.{digits}f}" if key in row else "(same parse)"


def table(rows: list[dict]) -> str:
    head = ("| engine | claim F1 (overlap) | claim F1 (exact) | attribution F1 | type acc. | affiliation acc. | "
            "kind acc. | claims predicted / gold | docs/s (gold passages) | docs/s (article) | load s |")
    lines = [head, "|" + "---|" * 11]
    for r in rows:
        lines.append(f"| {r['engine']} | {_pct(r['claim_f1'])} | {_pct(r['claim_exact_f1'])} | {_pct(r['attribution_f1'])} | "
                     f"{_pct(r['type_accuracy'])} | {_pct(r['affiliation_accuracy'])} | {_pct(r['kind_accuracy'])} | "
                     f"{r['predicted']} / {r['gold']} | {_speed(r, 'docs_per_s_gold', 1)} | {_speed(r, 'docs_per_s_article', 2)} | "
                     f"{_speed(r, 'load_s', 1)} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "dev_gold.jsonl")
    parser.add_argument("--models", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None, help="Also write the table into this Markdown file's marked section.")
    args = parser.parse_args()
    rows = run(args.gold, args.models)
    text = table(rows)
    print(text)
    if args.out is not None:
        content = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        start, end = "<!-- table:start -->", "<!-- table:end -->"
        block = f"{start}\n{text}\n{end}"
        if start in content and end in content:
            content = content[: content.index(start)] + block + content[content.index(end) + len(end):]
        else:
            content = content + ("\n" if content else "") + block + "\n"
        with atomic_writer(args.out) as handle:
            handle.write(content)


if __name__ == "__main__":
    main()
