"""Run the guideline examples through a pre-annotation engine and say, per example, what differs.

The examples are the conventions made concrete; running them against the pre-annotator shows
which conventions the machine follows. A claim is compared on its span (offsets and text), its
kind, its cue's text, and its source mention's text, type and affiliation.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotate.guidelines.model import Guidelines
from annotate.schema import Claim, Document


@dataclass(frozen=True)
class ExampleResult:
    """The outcome of one example: ``differences`` is empty when the engine got it right."""

    id: str
    differences: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.differences


def _fields(document: Document, claim: Claim) -> dict[str, str | None]:
    source = document.source_by_id().get(claim.source) if claim.source else None
    return {
        "kind": claim.kind,
        "cue": claim.cue.text if claim.cue else None,
        "source": source.text if source else None,
        "type": source.type if source else None,
        "affiliation": source.affiliation if source else None,
    }


def compare_claims(expected: Document, predicted: Document) -> list[str]:
    """Human-readable differences between the expected and the predicted claims (empty: same)."""
    wanted = {(c.start, c.end): c for c in expected.claims}
    got = {(c.start, c.end): c for c in predicted.claims}
    differences = [f"missing claim «{c.text}»" for span, c in wanted.items() if span not in got]
    differences += [f"unexpected claim «{c.text}»" for span, c in got.items() if span not in wanted]
    for span, claim in wanted.items():
        if span not in got:
            continue
        want, have = _fields(expected, claim), _fields(predicted, got[span])
        for name, value in want.items():
            if have[name] != value:
                differences.append(f"claim «{claim.text}»: {name} is {have[name]!r}, expected {value!r}")
    return differences


def check_examples(guide: Guidelines, engine: object = "rules") -> list[ExampleResult]:
    """Each example's text pre-annotated by ``engine`` (a name or a ready engine) and compared."""
    from annotate.preannotate import preannotate  # the engine is only needed when checking

    bare = [Document(id=e.document.id, text=e.document.text) for e in guide.examples]
    predicted = {doc.id: doc for doc in preannotate(bare, engine)}  # type: ignore[arg-type]
    return [ExampleResult(e.id, tuple(compare_claims(e.document, predicted[e.document.id]))) for e in guide.examples]
