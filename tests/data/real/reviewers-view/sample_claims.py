"""Draw predicted claims at random from the whole corpus for "a reviewer's view".

Why a script: the sample must be reproducible and visibly random. It annotates SaudiNewsNet's
development part with the engine of the checkout, leaves out every article a gold passage was drawn
from (tests/data/real/passages-*.jsonl), draws ``--n`` claims with a seed and writes them in two
halves (one per judge) with the context a reviewer sees:

    python tests/data/real/reviewers-view/sample_claims.py --round 2 [--n 200] [--seed 20261206]

writes ``claims-3.jsonl`` and ``claims-4.jsonl`` for round 2 (round 1 wrote claims-1 and claims-2).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
sys.path.insert(0, str(ROOT))

from annotate.preannotate import get_engine  # noqa: E402
from annotate.schema import Document  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet-dev" / "articles.jsonl.gz"
CONTEXT = 300  # code points each side of the claim


def _gold_articles() -> set[str]:
    used: set[str] = set()
    for path in sorted((HERE.parent).glob("passages-*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            used.update(json.loads(line)["meta"]["article_id"] for line in handle)
    return used


def _rows(engine, used: set[str]):
    """Every predicted claim of the corpus outside the gold articles, with what a reviewer sees."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            raw = json.loads(line)
            if raw["id"] in used:
                continue
            doc = next(iter(engine.annotate([Document(id=raw["id"], text=raw["text"], meta=raw.get("meta", {}))])))
            sources = {s.id: s for s in doc.sources}
            for claim in doc.claims:
                source = sources.get(claim.source)
                yield {"doc": doc.id, "claim": claim.text, "kind": claim.kind,
                       "cue": claim.cue.text if claim.cue else None,
                       "source": {"text": source.text, "type": source.type, "affiliation": source.affiliation}
                       if source else None,
                       "context": doc.text[max(0, claim.start - CONTEXT) : claim.end + CONTEXT]}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", type=int, required=True, help="round number: files 2R-1 and 2R")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261206)
    args = parser.parse_args(argv)
    rows = list(_rows(get_engine("rules"), _gold_articles()))
    sample = random.Random(args.seed).sample(rows, args.n)
    half = args.n // 2
    for index, chunk in enumerate((sample[:half], sample[half:]), start=2 * args.round - 1):
        with (HERE / f"claims-{index}.jsonl").open("w", encoding="utf-8") as out:
            for n, row in enumerate(chunk, start=1):
                out.write(json.dumps({"n": n, **row}, ensure_ascii=False) + "\n")
    print(f"{len(rows)} claims in the corpus outside the gold articles; {args.n} drawn (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
