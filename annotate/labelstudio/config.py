"""The Label Studio labeling interface, generated from the schema and guidelines/labels.yaml.

Nothing here is written twice: span labels come from ``annotate.schema`` (claim, cue and the
source types) with colours and hints from ``labels.yaml``; the per-region choices (claim kind,
check-worthiness, source affiliation), the note and the relations come from the same file; the
project's instructions come from the guidelines renderer (:func:`project_instructions`).

The tag names below are the contract with :mod:`annotate.labelstudio.convert`.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import quoteattr

from annotate.errors import InputError
from annotate.guidelines import instructions_html, label_hints, load_guidelines
from annotate.schema import CLAIM_KINDS, SOURCE_TYPES

TEXT = "text"  # the <Text> object and the task data key holding the document text
LABELS = "label"  # <Labels>: claim, cue and the source types
KIND = "kind"  # per-region <Choices> on claims
CHECK_WORTHY = "check_worthy"  # per-region <Choices> on claims: yes / no
NOTE = "note"  # per-region <TextArea> on claims
AFFILIATION = "affiliation"  # per-region <Choices> on source mentions
CLAIM = "claim"
CUE = "cue"
SPAN_LABELS: tuple[str, ...] = (CLAIM, CUE, *SOURCE_TYPES)
ATTRIBUTED_TO, INTRODUCES, COREF = "attributed_to", "introduces", "coref"
RELATIONS: tuple[str, ...] = (ATTRIBUTED_TO, INTRODUCES, COREF)
YES, NO = "yes", "no"

# Right-to-left, and whitespace kept as it is in the text (double spaces, line breaks).
_TEXT_STYLE = "direction: rtl; text-align: right; white-space: pre-wrap; font-size: 1.15em; line-height: 1.9"


def affiliation_values(extra: Iterable[str] = ()) -> list[str]:
    """The affiliations defined in labels.yaml, then any others the documents use (sorted)."""
    choice = load_guidelines().labels.choices.get(AFFILIATION)
    known = list(choice.values) if choice and choice.values else []
    known += [value for value in (choice.definitions if choice else {}) if value not in known]
    return known + sorted({value for value in extra if value and value not in known})


def _check_guidelines() -> None:
    """labels.yaml must define every label, choice and relation the interface uses."""
    labels = load_guidelines().labels
    defined = {label.name for label in labels.span_labels}
    missing = [name for name in SPAN_LABELS if name not in defined]
    missing += [name for name in (KIND, CHECK_WORTHY, AFFILIATION) if name not in labels.choices]
    missing += [name for name in RELATIONS if name not in {relation.name for relation in labels.relations}]
    if missing:
        raise InputError(f"guidelines/labels.yaml does not define: {', '.join(missing)}")


def _choices(name: str, values: Iterable[str], hint: str, extra: str = "") -> str:
    options = "".join(f"<Choice value={quoteattr(v)}/>" for v in values)
    return (
        f'<Choices name="{name}" toName="{TEXT}" perRegion="true" choice="single-radio" showInline="true"'
        f" hint={quoteattr(hint)}{extra}>{options}</Choices>"
    )


def label_config(extra_affiliations: Iterable[str] = ()) -> str:
    """The interface XML. ``extra_affiliations`` adds values that documents use beyond labels.yaml."""
    _check_guidelines()
    guide = load_guidelines()
    hints = label_hints(guide)
    colors = {label.name: label.color for label in guide.labels.span_labels}
    labels = "".join(
        f"<Label value={quoteattr(name)} background={quoteattr(colors[name])} hint={quoteattr(hints[name])}/>"
        for name in SPAN_LABELS
    )
    relations = "".join(f"<Relation value={quoteattr(name)} hint={quoteattr(hints[name])}/>" for name in RELATIONS)
    check_values = guide.labels.choices[CHECK_WORTHY].values or (YES, NO)
    sources = ",".join(SOURCE_TYPES)
    lines = [
        "<View>",
        f"  <Relations>{relations}</Relations>",
        f'  <Labels name="{LABELS}" toName="{TEXT}" showInline="true">{labels}</Labels>',
        f"  <View style={quoteattr(_TEXT_STYLE)}>",
        f'    <Text name="{TEXT}" value="${TEXT}" granularity="symbol" saveTextResult="yes"/>',
        "  </View>",
        f'  <View visibleWhen="region-selected" whenLabelValue="{CLAIM}">',
        '    <Header value="Claim · الادعاء"/>',
        "    " + _choices(KIND, CLAIM_KINDS, hints[KIND], f' whenLabelValue="{CLAIM}" required="true"'),
        "    " + _choices(CHECK_WORTHY, check_values, hints[CHECK_WORTHY], f' whenLabelValue="{CLAIM}"'),
        (f'    <TextArea name="{NOTE}" toName="{TEXT}" perRegion="true" whenLabelValue="{CLAIM}" editable="true"'
         f' maxSubmissions="1" rows="2" placeholder="Note · ملاحظة"/>'),
        "  </View>",
        f'  <View visibleWhen="region-selected" whenLabelValue="{sources}">',
        '    <Header value="Source affiliation · انتماء المصدر"/>',
        "    " + _choices(AFFILIATION, affiliation_values(extra_affiliations), hints[AFFILIATION]),
        "  </View>",
        "</View>",
    ]
    return "\n".join(lines) + "\n"


def project_instructions() -> str:
    """The HTML Label Studio shows as the project's instructions (single entry point).

    Rendered by the guidelines package from the same files as the guidelines document.
    """
    return instructions_html(load_guidelines())
