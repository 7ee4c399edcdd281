"""Values from data never become markup: annotate.markup, and the export files that must use it."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from annotate.markup import conll_value, css_colour, markdown_code, markdown_text
from annotate.schema import Document

HOSTILE = [
    '"<script>alert(1)</script>"@x.org',
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](https://evil.example/pixel.png)",
    "a | b | c",
    "x\n# Forged heading\n<script>alert(2)</script>",
    "**bold** _it_ `code` ~~s~~",
    "&lt;script&gt; &#60;b&#62;",
    "line\u2028break\rand\x85more",
    "<https://evil.example>",
]


def _html(markdown: str) -> str:
    """How GitHub-like viewers render it: CommonMark with raw HTML allowed, plus tables."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


@pytest.mark.parametrize("value", HOSTILE)
def test_markdown_text_renders_as_the_text_itself(value: str) -> None:
    for markdown in (f"Project: {markdown_text(value)}.", f"| who |\n|---|\n| {markdown_text(value)} |"):
        rendered = _html(markdown)
        assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
        assert "<h1" not in rendered and "<strong" not in rendered and "<em" not in rendered
        assert rendered.count("<td>") in (0, 1)  # a '|' in the value made no new column
    assert "\n" not in markdown_text(value)


@pytest.mark.parametrize("value", [*HOSTILE, "`tick`", "a``b", "` `"])
def test_markdown_code_keeps_everything_inside_one_code_span(value: str) -> None:
    rendered = _html(f"model version {markdown_code(value)}.")
    assert rendered.count("<code>") == 1 and "<script" not in rendered


@pytest.mark.parametrize("value", ["doc\n1\t0\t3\tB-CLAIM", "a\r\nb", "x\u2028y", "back\\slash"])
def test_conll_value_stays_on_one_line_and_reads_back(value: str) -> None:
    escaped = conll_value(value)
    assert len(f"# document_id = {escaped}".splitlines()) == 1 and "\t" not in escaped
    assert escaped.encode().decode("unicode_escape") == value


def test_css_colour_takes_rrggbb_only() -> None:
    assert css_colour("#A1b2C3") == "#A1b2C3"
    for bad in ("#fff", "red", "#fff; } body { background: url(x) }", "#123456 ", "#12345g"):
        with pytest.raises(ValueError, match="#rrggbb"):
            css_colour(bad)


# ---- the export's writers: dataset_card() and conll() escape everything that comes from data.

def test_the_dataset_card_escapes_titles_emails_and_affiliations() -> None:
    from annotate.labelstudio.export import Export, dataset_card

    doc = Document(id="d<1>", text="قال مصدر", meta={})
    record = {"task_id": 1, "document_id": doc.id, "annotation_id": 1, "annotator": HOSTILE[0], "annotator_id": 2,
              "created_at": "2024", "updated_at": "2024", "document": doc.model_dump(mode="json")}
    export = Export(project_title="<img src=x onerror=alert(1)> [x](javascript:alert(1))", project_id=1,
                    model_version="v`<script>alert(3)</script>", tasks=1, records=[record], gold=[doc])
    rendered = _html(dataset_card(export))
    assert "<script" not in rendered and "<img" not in rendered and 'href="javascript' not in rendered


def test_gold_conll_cannot_be_forged_by_a_document_id() -> None:
    from annotate.labelstudio.export import conll

    doc = Document(id="d1\nforged\t0\t6\tB-CLAIM\tO\tO", text="نص", meta={"task_id": 1})
    lines = conll([doc]).splitlines()
    assert not any(line.startswith("forged") for line in lines)
