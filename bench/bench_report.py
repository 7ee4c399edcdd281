"""Time and memory of ``annotate report`` on a pre-annotated corpus; optional screenshots for the docs.

Runs the report end to end (read and validate every document, count, draw, write HTML and CSV)
on PRE (canonical JSONL, e.g. the development corpus after ``annotate pre``), once over the file
and once over it read ``--repeat`` times in a row, and prints seconds, documents/s and peak
memory of each run in a fresh process, so the second line shows whether memory grows with the
number of documents. Figures are printed, never asserted.

    zcat ../shared/data/saudinewsnet-dev/articles.jsonl.gz > /tmp/corpus.jsonl
    annotate pre /tmp/corpus.jsonl -o /tmp/corpus.pre.jsonl
    python bench/bench_report.py /tmp/corpus.pre.jsonl [--repeat 3] [--screenshots docs/img]

``--screenshots`` keeps images of the figures that show no article text (claims per article,
source types, anonymous sourcing over time, direct/indirect) for docs/report.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = """
import json, resource, sys, time
from annotate.report import report
inputs, html, csv_dir = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
start = time.perf_counter()
data = report(inputs, html, csv_dir=csv_dir)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "documents": data["overall"]["articles"], "claims": data["overall"]["claims"],
                  "peak_mb": peak}))
"""
FIGURES = ("claims-per-article", "source-types", "anonymous-over-time", "kinds")


def run(inputs: list[str], folder: Path) -> dict:
    html = folder / "report.html"
    out = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(inputs), str(html), str(folder / "csv")],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def screenshots(html: Path, target: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    target.mkdir(parents=True, exist_ok=True)
    kept = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        tab = browser.new_page(viewport={"width": 1200, "height": 900})
        tab.goto(html.as_uri())
        tab.locator("#basis").screenshot(path=str(target / "report-dev-basis.png"))
        kept.append(target / "report-dev-basis.png")
        for name in FIGURES:
            path = target / f"report-dev-{name}.png"
            tab.locator(f"#figure-{name}").screenshot(path=str(path))
            kept.append(path)
        browser.close()
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pre", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--screenshots", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for times in (1, args.repeat):
            folder = Path(tmp) / f"x{times}"
            result = run([str(args.pre)] * times, folder)
            print(f"{result['documents']:>9,} documents  {result['claims']:>9,} claims  {result['seconds']:6.1f} s  "
                  f"{result['documents'] / result['seconds']:8,.0f} docs/s  peak memory {result['peak_mb']:6.0f} MB")
            if times == 1 and args.screenshots:
                for path in screenshots(folder / "report.html", args.screenshots):
                    print(f"kept {path}")


if __name__ == "__main__":
    main()
