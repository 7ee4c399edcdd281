"""The guidelines as one self-contained HTML page, English and Arabic side by side.

Every block carries its own ``lang`` and ``dir``: English paragraphs read left-to-right in
the left column, Arabic paragraphs right-to-left in the right column, and example texts are
RTL with claims, cues and source mentions highlighted in the colours of ``labels.yaml`` (the
same colours annotators see in Label Studio). No external CSS, fonts or scripts, so the page
works offline and can be attached to an e-mail.
"""

from __future__ import annotations

import html
import re

from annotate.guidelines.highlight import claim_rows, runs
from annotate.guidelines.model import Bi, Example, Guidelines, Section, section_tables
from annotate.markup import css_colour

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")
_ARABIC_RUN = re.compile(
    r'["«“]?[\u0600-\u06FF](?:[\u0600-\u06FF\s"«»“”…/.\d-]*(?:[\u0600-\u06FF]|…|\.\.\.))?["»”]?'
)

_CSS = """
:root { --ink: #1d232a; --muted: #5b6670; --line: #d9dee3; --paper: #ffffff; --tint: #f5f7f9; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--paper);
       font: 16px/1.6 "Noto Sans", "Noto Naskh Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; }
h1, h2, h3, h4 { line-height: 1.3; margin: 1.6em 0 .6em; }
h1 { margin-top: .4em; }
h2 { border-bottom: 2px solid var(--line); padding-bottom: .2em; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; margin: .5em 0; }
.pair > div { min-width: 0; }
[lang="ar"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", Tahoma, "DejaVu Sans", sans-serif;
              font-size: 1.08em; }
h2 [lang="ar"], h3 [lang="ar"], h4 [lang="ar"] { font-size: 1em; }
.sep { color: var(--muted); padding: 0 .4em; }
code { background: var(--tint); padding: 0 .25em; border-radius: 3px; font-size: .92em; }
nav ol { columns: 2; }
.example { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 16px 0; background: #fcfcfd; }
.example h4 { margin: 0 0 .5em; font-size: 1em; }
.example .text { white-space: pre-wrap; background: var(--paper); border: 1px solid var(--line);
                 border-radius: 6px; padding: 10px 14px; line-height: 2.1; }
mark { background: none; color: inherit; padding: 2px 0; border-radius: 3px; }
mark sup { font-size: .62em; color: var(--muted); padding: 0 2px; font-family: monospace; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; font-size: .93em; }
th, td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; text-align: start; }
th { background: var(--tint); font-weight: 600; }
.legend mark { margin: 0 .3em; padding: 2px 6px; }
.step { border-inline-start: 4px solid var(--line); padding-inline-start: 12px; margin: 12px 0; }
.none { color: var(--muted); font-style: italic; }
.limit { font-size: .9em; color: #8a5a00; background: #fff6e0; border-radius: 6px; padding: 6px 10px; margin: .6em 0 0; }
@media (max-width: 760px) { .pair { grid-template-columns: 1fr; } nav ol { columns: 1; } }
@media print { .example { break-inside: avoid; } }
"""


def inline_html(text: str, isolate_arabic: bool = False) -> str:
    """Escaped text with the two inline marks the source files use: **bold** and `code`.

    In English text, Arabic words with their quotation marks are wrapped in ``<bdi>`` so the
    marks stay around the word they belong to instead of drifting to the line's far end.
    """
    escaped = html.escape(text, quote=False)
    if isolate_arabic:
        escaped = _ARABIC_RUN.sub(r"<bdi>\g<0></bdi>", escaped)
    return _CODE.sub(r"<code>\1</code>", _BOLD.sub(r"<strong>\1</strong>", escaped))


def _en(text: str, tag: str = "div") -> str:
    return f'<{tag} lang="en" dir="ltr">{inline_html(text, isolate_arabic=True)}</{tag}>'


def _ar(text: str, tag: str = "div") -> str:
    return f'<{tag} lang="ar" dir="rtl">{inline_html(text)}</{tag}>'


def _pair(pair: Bi) -> str:
    return f'<div class="pair">{_en(pair.en)}{_ar(pair.ar)}</div>'


def _heading(level: int, pair: Bi, anchor: str = "", prefix: str = "") -> str:
    ident = f' id="{html.escape(anchor)}"' if anchor else ""
    return (f"<h{level}{ident}>{html.escape(prefix)}{_en(pair.en, 'span')}<span class=\"sep\">·</span>"
            f"{_ar(pair.ar, 'span')}</h{level}>")


def _css(guide: Guidelines) -> str:
    rules = [_CSS]
    for label in guide.labels.span_labels:
        color = css_colour(label.color)  # validated on load; checked again where it enters CSS
        if label.name == "claim":
            rules.append(f"mark.claim {{ background: {color}40; box-shadow: inset 0 -2px 0 {color}; }}")
        elif label.name == "cue":
            rules.append(f"mark.cue {{ background: {color}55; outline: 1px dashed {color}; }}")
        else:
            rules.append(f"mark.src-{label.name} {{ background: {color}30; box-shadow: inset 0 -3px 0 {color}; }}")
    return "\n".join(rules)


def _mark_class(role: str, label: str) -> str:
    return {"claim": "claim", "cue": "cue"}.get(role, f"src-{label}")


def _marked_text(example: Example) -> str:
    out: list[str] = []
    for piece in runs(example.document):
        chunk = html.escape(piece.text, quote=False)
        for mark in reversed(piece.marks):
            opening = next((m for m in piece.opens if m == mark), None)
            tag = f' title="{html.escape(mark.label)} {html.escape(mark.ref)}"'
            sup = f"<sup>{html.escape(mark.ref)}</sup>" if opening is not None and mark.role != "cue" else ""
            chunk = f'<mark class="{_mark_class(mark.role, mark.label)}"{tag}>{sup}{chunk}</mark>'
        out.append(chunk)
    return "".join(out)


def _example(example: Example, limitation: str = "") -> str:
    title_ar = '<span class="sep">·</span>' + _ar(example.title_ar, "span") if example.title_ar else ""
    parts = [f'<div class="example" id="{html.escape(example.id)}">',
             f"<h4><code>{html.escape(example.id)}</code> {_en(example.title, 'span')}{title_ar}</h4>",
             f'<div class="text" lang="ar" dir="rtl">{_marked_text(example)}</div>']
    rows = claim_rows(example.document)
    if rows:
        parts.append('<table lang="ar" dir="rtl"><thead><tr><th>#</th><th>الادعاء · claim</th><th>النوع · kind</th>'
                     "<th>أداة النسبة · cue</th><th>المصدر · source</th><th>الصنف · type</th>"
                     "<th>الانتماء · affiliation</th></tr></thead><tbody>")
        for row in rows:
            cells = (row.ref, row.text, row.kind, row.cue, f"{row.source}" + (f" ({row.source_ref})" if row.source_ref else ""),
                     row.type, row.affiliation)
            parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        parts.append("</tbody></table>")
    else:
        parts.append('<div class="pair none"><div lang="en" dir="ltr">No claim in this text.</div>'
                     '<div lang="ar" dir="rtl">لا ادعاء في هذا النص.</div></div>')
    parts.append(_pair(Bi(en=example.explanation_en, ar=example.explanation_ar)))
    if limitation:
        parts.append(f'<p class="limit" lang="en" dir="ltr">⚠ Pre-annotator limitation: {inline_html(limitation, True)}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def _labels(guide: Guidelines, names: tuple[str, ...]) -> str:
    parts = []
    for name in names:
        label = guide.label(name)
        css = _mark_class("claim" if name == "claim" else "cue" if name == "cue" else "source", name)
        parts.append(f'<h3 id="label-{html.escape(name)}"><mark class="{css}"><code>{html.escape(name)}</code></mark></h3>')
        parts.append(_pair(Bi(en=label.en, ar=label.ar)))
        if label.details_en:
            parts.append(_pair(Bi(en=label.details_en, ar=label.details_ar)))
        if label.phrases:
            parts.append('<table><thead><tr><th lang="ar" dir="rtl">العبارة · phrase</th><th>type</th>'
                         '<th lang="en" dir="ltr">why</th><th lang="ar" dir="rtl">السبب</th></tr></thead><tbody>')
            for phrase in label.phrases:
                parts.append(f'<tr><td lang="ar" dir="rtl">{html.escape(phrase.text)}</td><td><code>{html.escape(phrase.type)}</code></td>'
                             f"{_en(phrase.en, 'td')}{_ar(phrase.ar, 'td') if phrase.ar else '<td></td>'}</tr>")
            parts.append("</tbody></table>")
        parts.extend(_example(e, guide.limitation(e.id)) for e in guide.examples_for(f"type-{name}"))
    return "\n".join(parts)


def _choices(guide: Guidelines, names: tuple[str, ...]) -> str:
    parts = []
    for name in names:
        choice = guide.labels.choices[name]
        values = " ".join(f"<code>{html.escape(v)}</code>" for v in choice.values)
        parts.append(f'<h3 id="choice-{name}"><code>{html.escape(name)}</code> {values}</h3>')
        parts.append(_pair(Bi(en=choice.en, ar=choice.ar)))
        if choice.details_en:
            parts.append(_pair(Bi(en=choice.details_en, ar=choice.details_ar)))
        if choice.definitions:
            parts.append('<table><thead><tr><th>value</th><th lang="en" dir="ltr">meaning</th>'
                         '<th lang="ar" dir="rtl">المعنى</th></tr></thead><tbody>')
            for value, text in choice.definitions.items():
                parts.append(f"<tr><td><code>{html.escape(value)}</code></td>{_en(text.en, 'td')}{_ar(text.ar, 'td')}</tr>")
            parts.append("</tbody></table>")
    return "\n".join(parts)


def _section(guide: Guidelines, number: int, section: Section) -> str:
    parts = [f'<section id="{section.id}">', _heading(2, section.title, prefix=f"{number}. ")]
    parts.extend(_pair(p) for p in section.paragraphs)
    tables = section_tables(guide, section)
    if tables is not None:
        kind, names = tables
        parts.append(_labels(guide, names) if kind == "labels" else _choices(guide, names))
    for sub, convention in enumerate(section.conventions, start=1):
        parts.append(_heading(3, convention.title, anchor=convention.id, prefix=f"{number}.{sub}. "))
        parts.extend(_pair(rule) for rule in convention.rule)
        parts.extend(_example(e, guide.limitation(e.id)) for e in guide.examples_for(convention.id))
    for step in section.steps:
        parts.append(f'<div class="step" id="q{step.id}"><div class="pair">'
                     f'<div lang="en" dir="ltr"><strong>Q{step.id}.</strong> {inline_html(step.question.en, True)}<br>'
                     f"<strong>Yes:</strong> {inline_html(step.if_yes.en, True)}<br>"
                     f"<strong>No:</strong> {inline_html(step.if_no.en, True)}</div>"
                     f'<div lang="ar" dir="rtl"><strong>س{step.id}.</strong> {inline_html(step.question.ar)}<br>'
                     f"<strong>نعم:</strong> {inline_html(step.if_yes.ar)}<br><strong>لا:</strong> {inline_html(step.if_no.ar)}</div>"
                     "</div></div>")
    if section.items:
        parts.append('<ol class="items">')
        parts.extend(f"<li>{_pair(item)}</li>" for item in section.items)
        parts.append("</ol>")
    parts.append("</section>")
    return "\n".join(parts)


def _legend(guide: Guidelines) -> str:
    marks = ['<mark class="claim">claim · الادعاء</mark>', '<mark class="cue">cue · أداة النسبة</mark>']
    marks += [f'<mark class="src-{label.name}">{label.name}</mark>'
              for label in guide.labels.span_labels if label.name not in ("claim", "cue")]
    return f'<p class="legend">{" ".join(marks)}</p>'


def render_html(guide: Guidelines) -> str:
    """The whole guidelines document as a standalone HTML page."""
    content = guide.content
    toc = "".join(
        f'<li><a href="#{s.id}">{_en(s.title.en, "span")} · {_ar(s.title.ar, "span")}</a></li>'
        for s in content.sections
    )
    body = [_heading(1, content.title)]
    body.extend(_pair(p) for p in content.intro)
    body.append(f"<nav><ol>{toc}</ol></nav>")
    body.append(_legend(guide))
    body.extend(_section(guide, n, s) for n, s in enumerate(content.sections, start=1))
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(content.title.en)} · {html.escape(content.title.ar)}</title>\n"
        '<meta name="generator" content="annotate guidelines --format html">\n'
        f"<style>{_css(guide)}</style>\n</head>\n<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )
