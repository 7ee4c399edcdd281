"""Reading the engine's output as strings, for the spec tables of tests/test_preannotate_*.py."""

from __future__ import annotations

from annotate.preannotate import preannotate
from annotate.schema import Document

Expected = tuple[str, str, str | None, str | None, str | None]  # claim, kind, source, type, affiliation


def claims_as_strings(text: str) -> list[Expected]:
    """Each claim the rules engine finds in ``text``: its text, kind, source mention, type and affiliation."""
    (doc,) = preannotate([Document(id="t", text=text)])
    sources = doc.source_by_id()
    rows = []
    for claim in doc.claims:
        source = sources.get(claim.source) if claim.source else None
        rows.append((claim.text, claim.kind, source.text if source else None, source.type if source else None,
                     source.affiliation if source else None))
    return rows
