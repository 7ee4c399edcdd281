"""What annotators see: a pushed task opened in the Label Studio UI in headless Chromium.

Every highlighted region's text must be exactly its span's text (emoji with skin-tone
modifiers, CRLF, double spaces, tatweel, diacritics, Latin inside Arabic), the text must be laid
out right-to-left with whitespace kept, and selecting a claim must show its kind. The
screenshot is kept in test-artifacts/.
"""

from __future__ import annotations

import pytest
from _browser_support import headless_chromium, open_task
from _labelstudio_support import tasks_by_document
from test_labelstudio_push import tricky_document

from annotate.labelstudio.push import push_documents
from annotate.labelstudio.server import read_credentials

pytestmark = [pytest.mark.labelstudio, pytest.mark.browser]


# Label Studio marks each piece of a region with the class htx-highlight-<region id>-<n>; a region
# split around another one has several pieces, so texts are joined per region in page order.
_REGIONS = """() => {
  const texts = {};
  for (const el of document.querySelectorAll('.htx-highlight')) {
    const cls = [...el.classList].find((c) => c.startsWith('htx-highlight-') && c !== 'htx-highlight-last');
    const id = cls.slice('htx-highlight-'.length).replace(/-\\d+$/, '');
    texts[id] = (texts[id] || '') + el.textContent;
  }
  const line = document.querySelector('.htx-highlight').parentElement;
  const style = getComputedStyle(line);
  return {texts, direction: style.direction, whiteSpace: style.whiteSpace};
}"""


def test_every_highlight_is_exactly_its_span_in_a_real_browser(ls_client, labelstudio_server, ls_title, artifacts):
    doc = tricky_document()
    result = push_documents(ls_client, [doc], ls_title)
    task = tasks_by_document(ls_client, result.project_id)[doc.id]
    expected = {f"s_{s.id}": s.text for s in doc.sources}
    expected.update({f"c_{c.id}": c.text for c in doc.claims})
    expected.update({f"q_{c.id}": c.cue.text for c in doc.claims})
    creds = read_credentials(labelstudio_server.data_dir)

    with headless_chromium() as browser:
        page = open_task(browser, labelstudio_server.url, creds, result.project_id, task.id,
                         viewport={"width": 1400, "height": 900})
        page.wait_for_selector(".htx-highlight", timeout=90_000)
        page.wait_for_function(f"document.querySelectorAll('.htx-highlight').length >= {len(expected)}",
                               timeout=30_000)
        seen = page.evaluate(_REGIONS)
        page.screenshot(path=str(artifacts / "labelstudio-task.png"), full_page=True)
        page.click("[class*='htx-highlight-c_c1-']")  # select the first claim
        page.wait_for_selector("text=نوع الادعاء · Kind", timeout=30_000)
        # radio inputs are named after the bilingual name shown ("مباشر · direct"); the stored value is the code
        kind = {value: page.is_checked(f"input[type=radio][name$='· {value}']") for value in ("direct", "indirect")}
        page.screenshot(path=str(artifacts / "labelstudio-claim-selected.png"), full_page=True)

    assert seen["texts"] == expected
    assert (seen["direction"], seen["whiteSpace"]) == ("rtl", "pre-wrap")
    assert kind == {"direct": True, "indirect": False}  # the prediction's kind, shown on the selected claim
