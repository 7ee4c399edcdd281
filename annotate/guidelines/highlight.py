"""An example's expected annotations as rows and as runs of text, for both renderers.

The Markdown and HTML renderers show the same thing: the example text with its claims, cues
and source mentions marked, and one row per claim. Computing that here once keeps the two
formats from disagreeing about what an example says.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from annotate.schema import Document


@dataclass(frozen=True)
class Mark:
    """One marked span: ``role`` is claim, cue or source; ``label`` the colour key."""

    role: str
    label: str
    ref: str
    start: int
    end: int


@dataclass(frozen=True)
class Run:
    """A stretch of text and the marks covering it; ``opens`` are marks starting here."""

    text: str
    marks: tuple[Mark, ...]
    opens: tuple[Mark, ...]


@dataclass(frozen=True)
class ClaimRow:
    """What a reviewer checks for one claim, as plain strings."""

    ref: str
    text: str
    kind: str
    cue: str
    source: str
    source_ref: str
    type: str
    affiliation: str
    check_worthy: str


def marks(document: Document) -> list[Mark]:
    """Every span of the document, claims first so sources and cues nest inside them."""
    found: list[Mark] = []
    for claim in document.claims:
        found.append(Mark("claim", "claim", claim.id, claim.start, claim.end))
        if claim.cue is not None:
            found.append(Mark("cue", "cue", claim.id, claim.cue.start, claim.cue.end))
    for source in document.sources:
        found.append(Mark("source", source.type, source.id, source.start, source.end))
    unique = {(m.role, m.start, m.end): m for m in found}  # one cue may introduce two claims
    return sorted(unique.values(), key=lambda m: (m.start, -(m.end - m.start)))


def runs(document: Document) -> list[Run]:
    """The text cut wherever a mark starts or ends, each piece with the marks over it."""
    spans = marks(document)
    cuts = sorted({0, len(document.text)} | {m.start for m in spans} | {m.end for m in spans})
    pieces: list[Run] = []
    for start, end in itertools.pairwise(cuts):
        over = tuple(m for m in spans if m.start <= start and end <= m.end)
        opens = tuple(m for m in spans if m.start == start)
        pieces.append(Run(document.text[start:end], over, opens))
    return pieces


def claim_rows(document: Document) -> list[ClaimRow]:
    """One row per claim: its text, kind, cue, and the source mention it is attributed to."""
    by_id = document.source_by_id()
    rows = []
    for claim in document.claims:
        source = by_id.get(claim.source) if claim.source else None
        rows.append(
            ClaimRow(
                ref=claim.id,
                text=claim.text,
                kind=claim.kind,
                cue=claim.cue.text if claim.cue else "—",
                source=source.text if source else "—",
                source_ref=source.id if source else "",
                type=source.type if source else "—",
                affiliation=(source.affiliation or "—") if source else "—",
                check_worthy={True: "yes", False: "no", None: ""}[claim.check_worthy],
            )
        )
    return rows
