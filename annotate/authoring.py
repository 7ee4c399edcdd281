"""Build canonical documents from examples written with strings instead of offsets.

Gold passages and guideline examples are written the way a reader sees them: the claim,
cue and source as strings. This module finds them in the text and returns a validated
:class:`Document`, so nobody counts code points by hand.

Spec format (YAML or JSON)::

    id: dev-001
    text: وأفاد مصدر خاص بأن "القوات وصلت".
    sources:
      - {id: s1, text: مصدر خاص, type: anonymous, affiliation: null, entity: e1}
      - {id: s2, text: المصدر, type: anonymous, entity: e1, nth: 2}   # 2nd occurrence
    claims:
      - {text: القوات وصلت, kind: direct, cue: وأفاد, source: s1}

``score`` (default 1) sets a claim's or mention's confidence, as the pre-annotator would.
``nth`` (1-based, default 1) picks an occurrence of a repeated string; for a claim, ``cue``
is looked up at the nearest occurrence before the claim, or after it when the attribution
follows the claim; ``cue_nth`` overrides that. ``cue: null`` means no cue (a headline).
"""

from __future__ import annotations

from typing import Any

from annotate.errors import InputError
from annotate.schema import Claim, Document, SourceMention, Span


def _find_nth(text: str, needle: str, nth: int, where: str) -> int:
    if not needle:
        raise InputError(f"{where}: empty string")
    position = -1
    for _ in range(nth):
        position = text.find(needle, position + 1)
        if position < 0:
            raise InputError(f"{where}: {needle!r} occurs fewer than {nth} time(s) in the text")
    return position


def _cue_span(text: str, cue: str, claim_start: int, claim_end: int, nth: int | None, where: str) -> Span:
    if nth is not None:
        start = _find_nth(text, cue, nth, where)
    else:
        before = text.rfind(cue, 0, claim_start)
        after = text.find(cue, claim_end)
        if before < 0 and after < 0:
            raise InputError(f"{where}: cue {cue!r} not found around the claim")
        start = before if before >= 0 else after
    return Span(start=start, end=start + len(cue), text=cue)


def document_from_spec(spec: dict[str, Any]) -> Document:
    """The validated document a spec describes; :class:`InputError` names the example on error."""
    doc_id = str(spec.get("id", "?"))
    text = spec.get("text")
    if not isinstance(text, str):
        raise InputError(f"example {doc_id}: missing 'text'")
    sources = []
    for entry in spec.get("sources") or []:
        where = f"example {doc_id}, source {entry.get('id')}"
        start = _find_nth(text, entry["text"], int(entry.get("nth", 1)), where)
        sources.append(
            SourceMention(
                id=entry["id"], start=start, end=start + len(entry["text"]), text=entry["text"],
                type=entry["type"], affiliation=entry.get("affiliation"), entity=entry["entity"],
                score=entry.get("score", 1.0),
            )
        )
    claims = []
    for number, entry in enumerate(spec.get("claims") or [], start=1):
        where = f"example {doc_id}, claim {number}"
        start = _find_nth(text, entry["text"], int(entry.get("nth", 1)), where)
        end = start + len(entry["text"])
        cue = entry.get("cue")
        claims.append(
            Claim(
                id=entry.get("id", f"c{number}"), start=start, end=end, text=entry["text"],
                kind=entry.get("kind", "indirect"),
                cue=None if cue is None else _cue_span(text, cue, start, end, entry.get("cue_nth"), where),
                source=entry.get("source"),
                check_worthy=entry.get("check_worthy"), score=entry.get("score", 1.0),
            )
        )
    try:
        return Document(id=doc_id, text=text, meta=spec.get("meta") or {}, sources=sources, claims=claims)
    except ValueError as error:
        raise InputError(f"example {doc_id}: {error}") from None
