"""The hybrid engine: the rules engine's attributions, with stanza's parse as a supporting signal.

Each signal is a small, separately measurable change to the rules' candidates (see
``bench/engines.md`` for what each does on the development gold):

- ``new_cues``: a reporting verb the rules did not read as a cue (an inflection missing from the
  lexicon, recognised by stanza's lemma) adds its parse-based claim, where it overlaps nothing
  the rules found;
- ``unstated_subjects``: when the rules found no subject for a cue verb (and would hand the claim
  to the last speaker) but the parse gives the verb an ``nsubj``, that subject becomes the source;
- ``subject_bounds``: the source noun phrase's boundaries come from the ``nsubj`` subtree when
  the parse and the rules agree on where it starts.

Measured on the development gold (bench/engines.md): ``new_cues`` adds one correct claim the
rules missed (ويروي: an inflection missing from the lexicon), ``unstated_subjects`` changes
nothing, ``subject_bounds`` lowers affiliation accuracy. So the default is ``new_cues`` alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from annotate.lexicons import Lexicon, default_lexicon
from annotate.preannotate.attribution import Attribution
from annotate.preannotate.rules import RulesEngine, build_document
from annotate.preannotate.stanza_engine import StanzaEngine, as_attributions, readings
from annotate.preannotate.text import NormText
from annotate.schema import Document
from annotate.stanza_models.analysis import Sentence

SIGNALS = ("new_cues", "unstated_subjects", "subject_bounds")
DEFAULT_SIGNALS: frozenset[str] = frozenset({"new_cues"})


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _same_cue(rule: Attribution, parsed: Attribution) -> bool:
    return _overlap(rule.cue, parsed.cue)


def combine(rules: list[Attribution], parsed: list[Attribution], signals: frozenset[str]) -> list[Attribution]:
    """The rules' attributions adjusted by the parse, plus the parse's extra cues (normalised offsets)."""
    combined: list[Attribution] = []
    for rule in rules:
        twin = next((p for p in parsed if _same_cue(rule, p)), None)
        if twin is not None and twin.source is not None:
            if "unstated_subjects" in signals and rule.source is None and rule.mode == "unstated":
                rule = replace(rule, source=twin.source, mode="explicit")
            elif ("subject_bounds" in signals and rule.source is not None and twin.source[0] == rule.source[0]
                  and not _overlap(twin.source, rule.content)):
                rule = replace(rule, source=twin.source)
        combined.append(rule)
    if "new_cues" in signals:
        for p in parsed:
            taken = any(_overlap(p.content, r.content) or _overlap(p.cue, r.content) or _overlap(p.cue, r.cue)
                        or _overlap(p.content, r.cue) or _overlap(p.source, r.content) for r in rules)
            if not taken:
                combined.append(replace(p, score=min(p.score, 0.5)))
    return combined


class HybridEngine:
    """Rules first; stanza's analysis (loaded once) adjusts and extends them."""

    name = "hybrid"

    def __init__(self, models: Path | str | None = None, lexicon: Lexicon | None = None,
                 signals: Iterable[str] = DEFAULT_SIGNALS) -> None:
        lexicon = lexicon or default_lexicon()
        self.rules = RulesEngine(lexicon)
        self.stanza = StanzaEngine(models, lexicon)
        self.signals = frozenset(signals)
        unknown = self.signals - set(SIGNALS)
        if unknown:
            raise ValueError(f"unknown hybrid signal(s): {', '.join(sorted(unknown))}")

    def annotate(self, documents: Iterable[Document]) -> Iterator[Document]:
        for document, sentences in self.stanza.parsed(documents):
            yield self.annotate_parsed(document, sentences)

    def annotate_parsed(self, document: Document, sentences: list[Sentence]) -> Document:
        nt = NormText.of(document.text)
        reader = self.rules.read(nt)
        parsed = as_attributions(nt, readings(self.stanza.matchers, sentences, document.text))
        return build_document(document, nt, combine(reader.found, parsed, self.signals), self.rules.matchers,
                              reader.standing_mentions)
