"""The canonical document: text plus claims, cues and source mentions as code-point spans.

Every model validates itself, so a document that exists is a document that is consistent:
each span's ``text`` equals ``doc.text[start:end]``, ids are unique, and each claim's source
refers to an existing mention. Readers, writers, the pre-annotator and the Label Studio
conversion all go through these models, which is what makes the round trip exact.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SourceType = Literal["anonymous", "local", "organization", "named_person", "media"]
ClaimKind = Literal["direct", "indirect"]

SOURCE_TYPES: tuple[str, ...] = ("anonymous", "local", "organization", "named_person", "media")
CLAIM_KINDS: tuple[str, ...] = ("direct", "indirect")


class Span(BaseModel):
    """A half-open range of code points ``[start, end)`` and the text it covers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text has {len(self.text)} characters but offsets {self.start}:{self.end} "
                f"cover {self.end - self.start}"
            )
        return self


class SourceMention(Span):
    """One mention of a source; mentions of the same source share ``entity``."""

    id: str = Field(min_length=1)
    type: SourceType
    affiliation: str | None = None
    entity: str = Field(min_length=1)
    score: float = Field(default=1.0, ge=0.0, le=1.0)


class Claim(Span):
    """Attributed content (without cue, complementizer, quotes or final punctuation)."""

    id: str = Field(min_length=1)
    kind: ClaimKind
    cue: Span | None = None
    source: str | None = None
    score: float = Field(default=1.0, ge=0.0, le=1.0)
    check_worthy: bool | None = None
    note: str | None = None


class Document(BaseModel):
    """One article or passage with its annotations; the text is never changed."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    text: str
    meta: dict[str, Any] = Field(default_factory=dict)
    sources: list[SourceMention] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Document:
        spans: list[tuple[str, Span]] = [(f"source {s.id}", s) for s in self.sources]
        for claim in self.claims:
            spans.append((f"claim {claim.id}", claim))
            if claim.cue is not None:
                spans.append((f"cue of claim {claim.id}", claim.cue))
        for label, span in spans:
            if span.end > len(self.text):
                raise ValueError(f"{label} ends at {span.end}, past the text's {len(self.text)} characters")
            if self.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"{label} text {span.text!r} is not the text at {span.start}:{span.end} "
                    f"({self.text[span.start:span.end]!r})"
                )
        source_ids = [s.id for s in self.sources]
        claim_ids = [c.id for c in self.claims]
        for kind, ids in (("source", source_ids), ("claim", claim_ids)):
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                raise ValueError(f"duplicate {kind} id(s): {', '.join(duplicates)}")
        known = set(source_ids)
        for claim in self.claims:
            if claim.source is not None and claim.source not in known:
                raise ValueError(f"claim {claim.id} refers to source {claim.source!r}, which does not exist")
        return self

    def source_by_id(self) -> dict[str, SourceMention]:
        """Mentions keyed by id, for following a claim's ``source``."""
        return {s.id: s for s in self.sources}

    def to_json_line(self) -> str:
        """One line of canonical JSONL, Arabic kept readable (not ``\\u`` escaped)."""
        return json_line(self.model_dump(mode="json"))


def json_line(data: dict[str, Any]) -> str:
    """A document's ``model_dump(mode="json")`` as its canonical JSONL line (see :meth:`Document.to_json_line`)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def document_json_schema() -> dict[str, Any]:
    """The JSON Schema published as ``schema/document.schema.json``."""
    schema = Document.model_json_schema()
    schema["$id"] = "https://github.com/arabic-claims/annotate/schema/document.schema.json"
    schema["title"] = "Document"
    return schema
