"""What Label Studio shows annotators, rendered from the same files as the guidelines.

The project's instructions (the "expert instruction" HTML that opens before labelling) and the
hint on each label come from ``labels.yaml`` and ``content.yaml``, so the interface and the
guidelines cannot drift apart. Label Studio shows the instructions in a narrow dialog and
drops ``<style>`` blocks, so this is a compact fragment with inline ``dir`` attributes only.
"""

from __future__ import annotations

import html

from annotate.guidelines.html import inline_html
from annotate.guidelines.model import Bi, Guidelines


def _row(pair: Bi, tag: str = "td") -> str:
    """One English | Arabic row; the source files' inline marks (**bold**, `code`) become HTML,
    as in guidelines.html, instead of showing as asterisks."""
    return (f'<tr><{tag} lang="en" dir="ltr" style="vertical-align:top;padding:4px 8px">'
            f'{inline_html(pair.en, isolate_arabic=True)}</{tag}>'
            f'<{tag} lang="ar" dir="rtl" style="vertical-align:top;padding:4px 8px">{inline_html(pair.ar)}</{tag}></tr>')


def label_hints(guide: Guidelines) -> dict[str, str]:
    """One hint per label, choice and relation name: English, then Arabic."""
    hints = {label.name: f"{label.en} — {label.ar}" for label in guide.labels.span_labels}
    hints.update({name: f"{choice.en} — {choice.ar}" for name, choice in guide.labels.choices.items()})
    hints.update({relation.name: f"{relation.en} — {relation.ar}" for relation in guide.labels.relations})
    return hints


def instructions_html(guide: Guidelines, full_guidelines_url: str | None = None) -> str:
    """The instructions fragment: labels, the conventions' rules, the decision tree, frequent mistakes."""
    rows: list[str] = [_row(guide.content.title, "th")]
    rows.extend(_row(p) for p in guide.content.intro[:1])
    rows.append(_row(Bi(en="Labels", ar="التسميات"), "th"))
    for label in guide.labels.span_labels:  # the Arabic column names each label as the interface shows it
        shown = f"{label.display.ar} ({label.name})" if label.display else label.name
        rows.append(_row(Bi(en=f"**{label.name}**: {label.en}", ar=f"**{shown}**: {label.ar}")))
    for name, choice in guide.labels.choices.items():
        shown = f"{choice.title.ar} ({name})" if choice.title else name
        rows.append(_row(Bi(en=f"**{name}**: {choice.en}", ar=f"**{shown}**: {choice.ar}")))
        for value, text in choice.definitions.items():
            arabic = f"{choice.display[value].ar} ({value})" if value in choice.display else value
            rows.append(_row(Bi(en=f"  {value}: {text.en}", ar=f"  {arabic}: {text.ar}")))
    for section in guide.content.sections:
        if not (section.conventions or section.steps or section.items):
            continue
        rows.append(_row(section.title, "th"))
        for convention in section.conventions:
            rows.append(_row(Bi(en=f"{convention.title.en}: " + " ".join(r.en for r in convention.rule),
                                ar=f"{convention.title.ar}: " + " ".join(r.ar for r in convention.rule))))
        for step in section.steps:
            rows.append(_row(Bi(en=f"Q{step.id}. {step.question.en} Yes: {step.if_yes.en} No: {step.if_no.en}",
                                ar=f"س{step.id}. {step.question.ar} نعم: {step.if_yes.ar} لا: {step.if_no.ar}")))
        for number, item in enumerate(section.items, start=1):
            rows.append(_row(Bi(en=f"{number}. {item.en}", ar=f"{number}. {item.ar}")))
    if full_guidelines_url:
        link = html.escape(full_guidelines_url, quote=True)
        rows.append(f'<tr><td colspan="2"><a href="{link}" target="_blank" rel="noopener">'
                    "Full guidelines with examples · الإرشادات الكاملة مع الأمثلة</a></td></tr>")
    return '<table style="border-collapse:collapse;width:100%">' + "".join(rows) + "</table>"
