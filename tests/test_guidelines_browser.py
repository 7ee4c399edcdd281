"""The HTML guidelines in a real browser: Arabic blocks lay out right-to-left, English
left-to-right, and the highlighted claims are exactly the example claims.

Headless Debian Chromium driven by Playwright; the screenshot is kept in test-artifacts/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _browser_support import headless_chromium

from annotate.guidelines import load_guidelines, render_html

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]

_DIRECTIONS = """() => {
  const dir = (sel) => [...document.querySelectorAll(sel)].map((el) => getComputedStyle(el).direction);
  return {ar: dir('[lang="ar"]'), en: dir('[lang="en"]')};
}"""

_CLAIMS = """() => {
  const found = {};
  for (const example of document.querySelectorAll('.example')) {
    const texts = {};
    for (const mark of example.querySelectorAll('.text mark.claim')) {
      const copy = mark.cloneNode(true);
      copy.querySelectorAll('sup').forEach((s) => s.remove());
      texts[mark.title] = (texts[mark.title] || '') + copy.textContent;
    }
    found[example.id] = texts;
  }
  return found;
}"""


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory):
    guide = load_guidelines()
    html_file = tmp_path_factory.mktemp("guidelines") / "guidelines.html"
    html_file.write_text(render_html(guide), encoding="utf-8")
    with headless_chromium() as browser:
        tab = browser.new_page(viewport={"width": 1280, "height": 1600})
        tab.goto(html_file.as_uri())
        tab.wait_for_load_state("load")
        yield guide, tab


def test_arabic_blocks_are_rtl_and_english_ltr(page) -> None:
    _, tab = page
    directions = tab.evaluate(_DIRECTIONS)
    assert len(directions["ar"]) > 200 and len(directions["en"]) > 150
    assert set(directions["ar"]) == {"rtl"}
    assert set(directions["en"]) == {"ltr"}


def test_side_by_side_english_left_arabic_right(page) -> None:
    _, tab = page
    boxes = tab.evaluate("""() => [...document.querySelectorAll('.pair')].slice(0, 20).map((p) => {
        const en = p.querySelector(':scope > [lang="en"]').getBoundingClientRect();
        const ar = p.querySelector(':scope > [lang="ar"]').getBoundingClientRect();
        return [en.left, en.right, ar.left, ar.right];
    })""")
    assert boxes
    for en_left, en_right, ar_left, ar_right in boxes:
        assert en_right <= ar_left and en_left < ar_right  # two columns, English on the left


def test_highlighted_claims_are_the_example_claims(page) -> None:
    guide, tab = page
    shown = tab.evaluate(_CLAIMS)
    for example in guide.examples:
        expected = {f"claim {c.id}": c.text for c in example.document.claims}
        assert shown[example.id] == expected, example.id


def test_screenshot_is_kept(page) -> None:
    _, tab = page
    out = ROOT / "test-artifacts" / "guidelines.png"
    out.parent.mkdir(exist_ok=True)
    tab.locator("#ex-direct-quote").scroll_into_view_if_needed()
    tab.screenshot(path=str(out))
    assert out.stat().st_size > 20_000
    example = ROOT / "test-artifacts" / "guidelines-example.png"
    tab.locator("#ex-organization-units").screenshot(path=str(example))
    assert example.stat().st_size > 5_000
