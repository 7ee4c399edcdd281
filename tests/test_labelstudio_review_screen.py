"""The review screen an Arabic-speaking fact-checker works in (issue 11.15), in headless Chromium
on the real Label Studio, with the bundled Syria TV article pre-annotated and pushed.

Checked: labels, kinds, check-worthiness and affiliations are shown in Arabic and English; the
answers about the selected claim or source sit beside the article and stay in view when the
claim is far down; no relation name is drawn over the words; the instructions are HTML (no
``**``); and what a reviewer changes in the interface comes back through the export with the
codes of labels.yaml, everything else exactly as pushed. The screenshots are kept in
test-artifacts/ (docs/img/review-*.png are copies of them).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _browser_support import headless_chromium, open_task
from _labelstudio_support import tasks_by_document

from annotate.cli.pre import pre
from annotate.guidelines import load_guidelines
from annotate.io import read_jsonl
from annotate.labelstudio.export import export_project
from annotate.labelstudio.push import push_documents
from annotate.labelstudio.server import read_credentials
from annotate.schema import Document

pytestmark = [pytest.mark.labelstudio, pytest.mark.browser]

SAMPLE = Path(__file__).resolve().parents[1] / "sample" / "syria-tv-2024-08-09.txt"
VIEWPORT = {"width": 1600, "height": 1000}

_RELATION_NAMES = """() => {
  const boxes = [...document.querySelectorAll('.relations-overlay g[text-anchor="middle"]')];
  return {arrows: document.querySelectorAll('.relations-overlay path[stroke]').length,
          names: boxes.length, shown: boxes.filter((g) => getComputedStyle(g).display !== 'none').length};
}"""


def _shown(pair, code: str) -> str:
    return f"{pair.ar} · {pair.en}" if pair else code


def _in_view(box: dict, height: int) -> bool:
    return box is not None and 0 <= box["y"] and box["y"] + 40 <= height


def _canonical(doc: Document) -> Document:  # a human annotation carries no confidence scores
    return doc.model_copy(update={
        "meta": {}, "sources": [s.model_copy(update={"score": 1.0}) for s in doc.sources],
        "claims": [c.model_copy(update={"score": 1.0}) for c in doc.claims],
    })


def test_the_review_screen_is_bilingual_answers_beside_the_claim_and_round_trips(
        ls_client, labelstudio_server, ls_title, artifacts, tmp_path):
    pre([SAMPLE], tmp_path / "pre.jsonl", show_progress=False)
    [doc] = read_jsonl(tmp_path / "pre.jsonl")
    claim, late = doc.claims[0], doc.claims[-1]
    local = next(s for s in doc.sources if s.type == "local" and s.affiliation is None)
    assert claim.kind == "direct" and claim.check_worthy is None and late.kind == "indirect"
    pushed = push_documents(ls_client, [doc], ls_title)
    task = tasks_by_document(ls_client, pushed.project_id)[doc.id]
    creds = read_credentials(labelstudio_server.data_dir)
    labels = load_guidelines().labels
    choices = labels.choices

    with headless_chromium() as browser:
        page = open_task(browser, labelstudio_server.url, creds, pushed.project_id, task.id, viewport=VIEWPORT)
        page.wait_for_selector(f"[class*='htx-highlight-c_{late.id}-']", timeout=90_000)
        page.wait_for_selector(".relations-overlay path[stroke]", timeout=30_000)

        # Before any selection: bilingual labels, a hint where the answers will be, no relation names on the words
        body = page.inner_text("body")
        for label in labels.span_labels:
            assert _shown(label.display, label.name) in body
        assert page.is_visible(".annotate-hint") and not page.is_visible("text=نوع الادعاء · Kind")
        relations = page.evaluate(_RELATION_NAMES)
        assert relations["arrows"] > 0 and relations["names"] > 0 and relations["shown"] == 0, relations
        page.screenshot(path=str(artifacts / "review-task.png"))

        # A claim: its kind, check-worthiness (bilingual) and note beside it, left of the article
        page.click(f"[class*='htx-highlight-c_{claim.id}-']")
        page.wait_for_selector("text=نوع الادعاء · Kind", timeout=30_000)
        direct, indirect = (_shown(choices["kind"].display[v], v) for v in ("direct", "indirect"))
        assert page.is_checked(f"input[type=radio][name='{direct}']")
        assert not page.is_checked(f"input[type=radio][name='{indirect}']")
        assert page.is_visible(f"text={_shown(choices['check_worthy'].title, 'check_worthy')}")
        yes = _shown(choices["check_worthy"].display["yes"], "yes")
        panel = page.locator(".annotate-panel").bounding_box()
        region = page.locator(f"[class*='htx-highlight-c_{claim.id}-']").first.bounding_box()
        assert panel["x"] + panel["width"] <= region["x"], (panel, region)  # beside the article, on its left
        assert _in_view(panel, VIEWPORT["height"]) and _in_view(region, VIEWPORT["height"])
        page.click(f".annotate-panel label:has-text('{yes}')")  # the reviewer: check-worthy
        assert page.is_checked(f"input[type=radio][name='{yes}']")
        page.screenshot(path=str(artifacts / "review-claim-selected.png"))

        # The article's last claim, far down: the answers are still in view (sticky), its kind shown
        page.click(f"[class*='htx-highlight-c_{late.id}-']")
        page.wait_for_function(f"document.querySelector(\"input[type=radio][name='{indirect}']\").checked",
                               timeout=30_000)
        panel = page.locator(".annotate-panel").bounding_box()
        region = page.locator(f"[class*='htx-highlight-c_{late.id}-']").first.bounding_box()
        assert _in_view(panel, VIEWPORT["height"]) and _in_view(region, VIEWPORT["height"]), (panel, region)
        page.screenshot(path=str(artifacts / "review-late-claim.png"))

        # A source: its affiliation, in Arabic and English; the reviewer gives one
        page.click(f"[class*='htx-highlight-s_{local.id}-']")
        affiliation = choices["affiliation"]
        page.wait_for_selector(f"text={_shown(affiliation.title, 'affiliation')}", timeout=30_000)
        for code, pair in affiliation.display.items():
            assert page.is_visible(f".annotate-panel label:has-text('{_shown(pair, code)}')")
        opposition = _shown(affiliation.display["opposition"], "opposition")
        page.click(f".annotate-panel label:has-text('{opposition}')")
        page.screenshot(path=str(artifacts / "review-source-selected.png"))

        # The instructions: HTML, bold where the guidelines say **bold**
        page.click("button:has-text('Instructions')")
        bold = page.locator("strong:has-text('who said what')")
        bold.wait_for(timeout=30_000)
        shown = bold.evaluate("(el) => el.closest('table').innerText")
        assert "**" not in shown and "من قال ماذا" in shown and "ادعاء (claim)" in shown
        page.screenshot(path=str(artifacts / "review-instructions.png"))
        page.keyboard.press("Escape")
        bold.wait_for(state="hidden", timeout=30_000)

        with page.expect_response(lambda r: "/annotations" in r.url and r.request.method == "POST",
                                  timeout=60_000) as submitted:
            page.click("button:has-text('Submit')")
        assert submitted.value.ok, submitted.value.text()

    # What the interface saved uses the codes of labels.yaml only, never the names shown
    [annotation] = [a for a in ls_client.tasks.get(id=task.id).annotations]
    saved = annotation["result"] if isinstance(annotation, dict) else annotation.result
    values = {v for r in saved for key in ("labels", "choices") for v in (r.get("value") or {}).get(key, [])}
    assert values <= {label.name for label in labels.span_labels} | {"direct", "indirect", "yes", "no"} | set(
        affiliation.display), values

    # ... and the export gives back the pushed document with exactly the reviewer's two changes
    result = export_project(ls_client, ls_title, tmp_path / "export")
    assert (result.problems, result.ignored, result.gold) == ([], [], 1)
    [gold] = read_jsonl(tmp_path / "export" / "gold.jsonl")
    expected = doc.model_copy(update={
        "claims": [c.model_copy(update={"check_worthy": True}) if c.id == claim.id else c for c in doc.claims],
        "sources": [s.model_copy(update={"affiliation": "opposition"}) if s.id == local.id else s for s in doc.sources],
    })
    assert _canonical(gold) == _canonical(expected)
    [record] = [json.loads(line) for line in (tmp_path / "export" / "annotations.jsonl").read_text().splitlines()]
    changed = {key for key, status in record["review"].items() if status != "accepted"}
    assert changed == {claim.id, local.id}
