"""The Label Studio labeling interface, generated from the schema and guidelines/labels.yaml.

Nothing here is written twice: span labels come from ``annotate.schema`` (claim, cue and the
source types) with colours and hints from ``labels.yaml``; the per-region choices (claim kind,
check-worthiness, source affiliation), the note and the relations come from the same file; the
project's instructions come from the guidelines renderer (:func:`project_instructions`).

The tag names below are the contract with :mod:`annotate.labelstudio.convert`.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from annotate.errors import InputError
from annotate.guidelines import instructions_html, label_hints, load_guidelines
from annotate.guidelines.model import Bi
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

# Right-to-left, and whitespace kept as it is in the text (double spaces, line breaks); lines
# far enough apart that the relation arrows Label Studio draws between them do not hide the words.
_TEXT_STYLE = "direction: rtl; text-align: right; white-space: pre-wrap; font-size: 1.15em; line-height: 2.3"
# The article and, beside it, the answers about the selected region (kind, check-worthiness, note;
# affiliation): a reviewer answers next to the claim instead of scrolling below the article. The
# row is right-to-left, so the article comes first (on the right) and the answers on its left, and
# the answers stay in view (sticky) while the article scrolls.
_ROW_STYLE = "display: flex; flex-direction: row; align-items: flex-start; gap: 18px; direction: rtl"
_ARTICLE_STYLE = "flex: 1 1 auto; min-width: 0"
_PANEL_STYLE = (
    "flex: 0 0 270px; position: sticky; top: 8px; direction: rtl; text-align: right; "
    "background: #f7f9fb; border: 1px solid #d9dee3; border-radius: 8px; padding: 10px 14px"
)
# Label Studio writes each relation's name in a box over the text, on the words it points at. The
# ends already say which relation it is (claim → source is attributed_to, cue → claim introduces,
# source → source coref; the export names relations the same way), and the Relations tab lists
# them by name, so the boxes are hidden and the arrows drawn thinner and lighter.
_CSS = """
.relations-overlay g[text-anchor="middle"] { display: none; }
.relations-overlay path[stroke] { stroke-width: 1.5px; opacity: 0.45; }
.annotate-hint h6, .annotate-hint .ant-typography { font-size: 14px; font-weight: normal; color: #5b6670; margin: 0; }
"""
SEPARATOR = " · "


def display_name(pair: Bi | None, value: str) -> str:
    """What the interface shows for a stored value: Arabic · English, or the value itself."""
    return f"{pair.ar}{SEPARATOR}{pair.en}" if pair else value


def _shown(value: str, pair: Bi | None) -> str:
    """``value="<shown>" alias="<stored>"``: Label Studio shows the value and stores the alias, so
    results, predictions and the export keep the codes of labels.yaml."""
    shown = display_name(pair, value)
    return f"value={quoteattr(shown)} alias={quoteattr(value)}" if shown != value else f"value={quoteattr(value)}"


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
    display = load_guidelines().labels.choices[name].display
    options = "".join(f"<Choice {_shown(v, display.get(v))}/>" for v in values)
    return (
        f'<Choices name="{name}" toName="{TEXT}" perRegion="true" choice="single-radio" showInline="true"'
        f" hint={quoteattr(hint)}{extra}>{options}</Choices>"
    )


def _question(name: str) -> str:
    title = load_guidelines().labels.choices[name].title
    return f'<Header size="6" value={quoteattr(display_name(title, name))}/>'


def label_config(extra_affiliations: Iterable[str] = ()) -> str:
    """The interface XML. ``extra_affiliations`` adds values that documents use beyond labels.yaml.

    Every label and choice shows its bilingual name from labels.yaml and stores its code
    (``alias``), so what Label Studio saves is what :mod:`annotate.labelstudio.convert` reads.
    """
    _check_guidelines()
    guide = load_guidelines()
    hints = label_hints(guide)
    by_name = {label.name: label for label in guide.labels.span_labels}
    labels = "".join(
        f"<Label {_shown(name, by_name[name].display)} background={quoteattr(by_name[name].color)}"
        f" hint={quoteattr(hints[name])}/>"
        for name in SPAN_LABELS
    )
    relations = "".join(f"<Relation value={quoteattr(name)} hint={quoteattr(hints[name])}/>" for name in RELATIONS)
    check_values = guide.labels.choices[CHECK_WORTHY].values or (YES, NO)
    sources = ",".join(SOURCE_TYPES)
    claim_header = display_name(by_name[CLAIM].display, CLAIM)
    lines = [
        "<View>",
        f"  <Style>{escape(_CSS)}</Style>",
        f"  <Relations>{relations}</Relations>",
        f'  <Labels name="{LABELS}" toName="{TEXT}" showInline="true">{labels}</Labels>',
        f"  <View style={quoteattr(_ROW_STYLE)}>",
        f"    <View style={quoteattr(_ARTICLE_STYLE + '; ' + _TEXT_STYLE)}>",
        f'      <Text name="{TEXT}" value="${TEXT}" granularity="symbol" saveTextResult="yes"/>',
        "    </View>",
        f'    <View className="annotate-panel" style={quoteattr(_PANEL_STYLE)}>',
        '      <View visibleWhen="no-region-selected" className="annotate-hint">',
        '        <Header size="6" value="اختر ادعاءً أو مصدراً في النص للإجابة هنا · Select a claim or a source to answer here"/>',
        "      </View>",
        f'      <View visibleWhen="region-selected" whenLabelValue="{CLAIM}">',
        f"        <Header size=\"4\" value={quoteattr(claim_header)}/>",
        f"        {_question(KIND)}",
        "        " + _choices(KIND, CLAIM_KINDS, hints[KIND], f' whenLabelValue="{CLAIM}" required="true"'),
        f"        {_question(CHECK_WORTHY)}",
        "        " + _choices(CHECK_WORTHY, check_values, hints[CHECK_WORTHY], f' whenLabelValue="{CLAIM}"'),
        (f'        <TextArea name="{NOTE}" toName="{TEXT}" perRegion="true" whenLabelValue="{CLAIM}" editable="true"'
         f' maxSubmissions="1" rows="2" placeholder="ملاحظة · Note"/>'),
        "      </View>",
        f'      <View visibleWhen="region-selected" whenLabelValue="{sources}">',
        f"        {_question(AFFILIATION)}",
        "        " + _choices(AFFILIATION, affiliation_values(extra_affiliations), hints[AFFILIATION]),
        "      </View>",
        "    </View>",
        "  </View>",
        "</View>",
    ]
    return "\n".join(lines) + "\n"


def project_instructions() -> str:
    """The HTML Label Studio shows as the project's instructions (single entry point).

    Rendered by the guidelines package from the same files as the guidelines document.
    """
    return instructions_html(load_guidelines())
