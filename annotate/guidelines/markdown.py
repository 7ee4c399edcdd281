"""The guidelines as Markdown: English then Arabic for every paragraph, Arabic in RTL blocks.

Markdown cannot put two columns side by side, so each English paragraph is followed at once
by its Arabic twin inside ``<div dir="rtl">`` (which GitHub and most viewers honour).
Example texts mark claims ⟦…⟧, cues ⟨…⟩ and source mentions ⟪…⟫; the table under each
example spells out what is expected.
"""

from __future__ import annotations

import re

from annotate.guidelines.highlight import claim_rows, runs
from annotate.guidelines.model import Bi, Example, Guidelines, Section, section_tables

OPEN = {"claim": "⟦", "cue": "⟨", "source": "⟪"}
CLOSE = {"claim": "⟧", "cue": "⟩", "source": "⟫"}
_SPECIAL = re.compile(r"([\\`*_<>\[\]#|])")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _cell(text: str) -> str:
    return _escape(text).replace("\r", "").replace("\n", " ⏎ ")


def _ar(text: str) -> str:
    return f'<div dir="rtl" lang="ar">\n\n{text}\n\n</div>\n'


def _pair(pair: Bi) -> str:
    return f"{pair.en}\n\n{_ar(pair.ar)}"


def _marked_text(example: Example) -> str:
    out: list[str] = []
    pieces = runs(example.document)
    for index, piece in enumerate(pieces):
        for mark in piece.opens:
            out.append(OPEN[mark.role])
        out.append(_escape(piece.text))
        following = pieces[index + 1].marks if index + 1 < len(pieces) else ()
        for mark in reversed(piece.marks):
            if mark not in following:
                out.append(CLOSE[mark.role])
    lines = "".join(out).replace("\r", "").split("\n")
    return "\n".join(f"> {line}" if line.strip() else ">" for line in lines)


def _example(example: Example, limitation: str = "") -> str:
    title = f"**Example `{example.id}`: {example.title}**"
    if example.title_ar:
        title += f" — {example.title_ar}"
    parts = [title, "", _ar(_marked_text(example))]
    rows = claim_rows(example.document)
    if rows:
        parts.append("| # | claim · الادعاء | kind · النوع | cue · أداة النسبة | source · المصدر | type · الصنف | affiliation · الانتماء |")
        parts.append("|---|---|---|---|---|---|---|")
        for row in rows:
            parts.append(
                f"| {row.ref} | {_cell(row.text)} | {row.kind} | {_cell(row.cue)} | {_cell(row.source)} "
                f"| {row.type} | {row.affiliation} |"
            )
    else:
        parts.append("*No claim in this text. · لا ادعاء في هذا النص.*")
    parts.append("")
    parts.append(_pair(Bi(en=example.explanation_en, ar=example.explanation_ar)))
    if limitation:
        parts.append(f"> ⚠ *Pre-annotator limitation · حدود الموسِّم الآلي:* {limitation}\n")
    return "\n".join(parts) + "\n"


def _labels(guide: Guidelines, names: tuple[str, ...]) -> str:
    parts = []
    for name in names:
        label = guide.label(name)
        parts.append(f"#### `{label.name}`\n")
        parts.append(_pair(Bi(en=label.en, ar=label.ar)))
        if label.details_en:
            parts.append(_pair(Bi(en=label.details_en, ar=label.details_ar)))
        if label.phrases:
            parts.append("| phrase · العبارة | type · الصنف | why · السبب |\n|---|---|---|")
            for phrase in label.phrases:
                why = f"{phrase.en} · {phrase.ar}" if phrase.en else ""
                parts.append(f"| {_cell(phrase.text)} | `{phrase.type}` | {_cell(why)} |")
            parts.append("")
        for example in guide.examples_for(f"type-{name}"):
            parts.append(_example(example, guide.limitation(example.id)))
    return "\n".join(parts)


def _choices(guide: Guidelines, names: tuple[str, ...]) -> str:
    parts = []
    for name in names:
        choice = guide.labels.choices[name]
        values = f" ({', '.join(f'`{v}`' for v in choice.values)})" if choice.values else ""
        parts.append(f"#### `{name}`{values}\n")
        parts.append(_pair(Bi(en=choice.en, ar=choice.ar)))
        if choice.details_en:
            parts.append(_pair(Bi(en=choice.details_en, ar=choice.details_ar)))
        if choice.definitions:
            parts.append("| value · القيمة | English | العربية |\n|---|---|---|")
            for value, text in choice.definitions.items():
                parts.append(f"| `{value}` | {_cell(text.en)} | {_cell(text.ar)} |")
            parts.append("")
    return "\n".join(parts)


def _section(guide: Guidelines, number: int, section: Section) -> str:
    parts = [f"## {number}. {section.title.en} · {section.title.ar}\n"]
    parts.extend(_pair(p) for p in section.paragraphs)
    tables = section_tables(guide, section)
    if tables is not None:
        kind, names = tables
        parts.append(_labels(guide, names) if kind == "labels" else _choices(guide, names))
    for sub, convention in enumerate(section.conventions, start=1):
        parts.append(f"### {number}.{sub}. {convention.title.en} · {convention.title.ar}\n")
        parts.extend(_pair(rule) for rule in convention.rule)
        parts.extend(_example(example, guide.limitation(example.id)) for example in guide.examples_for(convention.id))
    for step in section.steps:
        parts.append(f"**Q{step.id}.** {step.question.en}\n")
        parts.append(f"- **Yes:** {step.if_yes.en}\n- **No:** {step.if_no.en}\n")
        parts.append(_ar(f"**س{step.id}.** {step.question.ar}\n\n- **نعم:** {step.if_yes.ar}\n- **لا:** {step.if_no.ar}"))
    for number_item, item in enumerate(section.items, start=1):
        parts.append(f"{number_item}. {item.en}\n")
        parts.append(_ar(f"{number_item}. {item.ar}"))
    return "\n".join(parts)


def render_markdown(guide: Guidelines) -> str:
    """The whole guidelines document as Markdown."""
    content = guide.content
    parts = [f"# {content.title.en} · {content.title.ar}\n"]
    parts.append("<!-- Generated by `annotate guidelines --format md` from guidelines/*.yaml: edit those, not this file. -->\n")
    parts.extend(_pair(p) for p in content.intro)
    parts.append("**Contents · المحتويات**\n")
    parts.extend(f"{n}. {s.title.en} · {s.title.ar}" for n, s in enumerate(content.sections, start=1))
    parts.append("")
    parts.append("Marks in examples · العلامات في الأمثلة: ⟦claim · الادعاء⟧ ⟨cue · أداة النسبة⟩ ⟪source · المصدر⟫\n")
    parts.extend(_section(guide, n, s) for n, s in enumerate(content.sections, start=1))
    return "\n".join(parts).rstrip() + "\n"
