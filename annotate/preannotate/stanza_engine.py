"""The stanza engine: attributed claims read off a dependency parse.

For each reporting verb (recognised by its lemma or surface form against the cue lexicon, with
any part of speech stanza gives it), the source mention is the verb's ``nsubj`` subtree and the
claim is its complement clause (``ccomp``, or whatever follows a complementizer أن/إن/بأن, or a
quotation after a colon). A verb without a subject hands its claim to the most recent source
(Arabic drops the pronoun: ولفت إلى أن …). Offsets come from :mod:`annotate.stanza_models.analysis`
and are code points into the unchanged text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from annotate.preannotate.text import normalize_word
from annotate.schema import Claim, Document, SourceMention, Span
from annotate.stanza_models.analysis import Sentence, Word, analyse

LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"
QUOTES = {'"', "«", "»", "“", "”"}
PUNCT_EDGE = set(" \t\r\n.,:;!?،؛؟-–—()[]…") | QUOTES
COMPLEMENTIZERS = {"ان", "بان", "لان"}
COMPLEMENT_RELATIONS = ("ccomp", "xcomp", "advcl", "obj", "parataxis", "obl")
CLITICS = {"و", "ف"}


@lru_cache(maxsize=1)
def reporting_forms() -> frozenset[str]:
    """Normalised verb forms and lemmas of the cue lexicon (its first form is the lemma)."""
    data = yaml.safe_load((LEXICONS / "cues.yaml").read_text(encoding="utf-8"))
    return frozenset(normalize_word(form) for entry in data.get("verbs", []) for form in entry["forms"])


def _norm(word: str) -> str:
    return normalize_word(word)


def is_reporting_verb(word: Word) -> bool:
    """A cue verb in any inflection: by stanza's lemma, or by the surface form when the lemma is off."""
    if word.upos in {"PUNCT", "ADP", "PRON", "DET", "CCONJ", "SCONJ", "PART", "NUM"}:
        return False
    forms = reporting_forms()
    return _norm(word.lemma) in forms or _norm(word.text) in forms


@dataclass(frozen=True)
class Attribution:
    """One reading of a sentence: cue token, source span (or None) and claim span, all in code points."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    claim: tuple[int, int]
    direct: bool


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in PUNCT_EDGE:
        start += 1
    while end > start and text[end - 1] in PUNCT_EDGE:
        end -= 1
    return start, end


def _cue_span(sentence: Sentence, verb: Word) -> tuple[int, int]:
    """The cue as written: the verb with an attached و/ف, as a reader marks it (وأفاد)."""
    start = verb.start
    for w in sentence.words:
        if w.token_start == verb.token_start and w.end <= verb.start and _norm(w.text) in CLITICS:
            start = min(start, w.start)
    return start, verb.end


def _source_span(sentence: Sentence, verb: Word, text: str) -> tuple[int, int] | None:
    subjects = [w for w in sentence.children(verb.id) if w.deprel.split(":")[0] == "nsubj"]
    if not subjects:
        return None
    words = [w for w in sentence.subtree(subjects[0].id) if w.upos != "PUNCT"]
    start, end = _trim(text, min(w.start for w in words), max(w.end for w in words))
    return (start, end) if end > start else None


def _is_complementizer(word: Word) -> bool:
    return _norm(word.text) in COMPLEMENTIZERS or (_norm(word.text) in {"ان"} and word.upos in {"SCONJ", "PART"})


def _complement_start(sentence: Sentence, verb: Word, after: int) -> int | None:
    """Where the content starts: after the first complementizer or colon following the verb."""
    for w in sentence.words:
        if w.start < after:
            continue
        if _is_complementizer(w) or w.text in {":"}:
            return w.end
    return None


def _claim_span(sentence: Sentence, verb: Word, source: tuple[int, int] | None, text: str) -> tuple[tuple[int, int], bool] | None:
    after = max(verb.end, source[1] if source else verb.end)
    start: int | None = None
    end: int | None = None
    for relation in COMPLEMENT_RELATIONS:
        for child in sentence.children(verb.id):
            if child.deprel.split(":")[0] != relation or child.start < verb.end:
                continue
            subtree = sentence.subtree(child.id)
            has_mark = any(_is_complementizer(w) for w in subtree[:3])
            if relation in {"obj", "obl", "advcl", "parataxis"} and not has_mark:
                continue
            content = [w for w in subtree if not _is_complementizer(w) and w.start >= after]
            if content:
                start, end = content[0].start, max(w.end for w in content)
                break
        if start is not None:
            break
    marked = _complement_start(sentence, verb, after)
    if start is None:
        if marked is None:
            return None
        start, end = marked, sentence.end
    elif marked is not None and marked <= start:
        end = max(end or start, sentence.end if _opens_quote(text, marked) else end or start)
    start, end = _trim(text, start, end or start)
    if end <= start:
        return None
    direct = _opens_quote(text, marked if marked is not None else start) or (start > 0 and text[start - 1] in QUOTES)
    if direct:
        close = _closing_quote(text, start)
        if close is not None:
            end = close
        start, end = _trim(text, start, end)
    return ((start, end), direct) if end > start else None


def _opens_quote(text: str, position: int) -> bool:
    i = position
    while i < len(text) and text[i] in " \t":
        i += 1
    return i < len(text) and text[i] in QUOTES


def _closing_quote(text: str, start: int) -> int | None:
    for i in range(start, len(text)):
        if text[i] in {'"', "»", "”"}:
            return i
        if text[i] == "\n" and i + 1 < len(text) and text[i + 1] == "\n":
            return None
    return None


def attributions(sentences: list[Sentence], text: str) -> list[Attribution]:
    """Every reporting verb with a claim, in text order."""
    found: list[Attribution] = []
    for sentence in sentences:
        for verb in sentence.words:
            if not is_reporting_verb(verb):
                continue
            source = _source_span(sentence, verb, text)
            claim = _claim_span(sentence, verb, source, text)
            if claim is None:
                continue
            span, direct = claim
            if source is not None and source[1] > span[0] and source[0] < span[1]:
                source = (source[0], span[0]) if source[0] < span[0] else None
                if source is not None:
                    source = _trim(text, *source)
                    if source[1] <= source[0]:
                        source = None
            found.append(Attribution(cue=_cue_span(sentence, verb), source=source, claim=span, direct=direct))
    return _without_overlaps(found)


def _without_overlaps(found: list[Attribution]) -> list[Attribution]:
    """Keep the first of claims that overlap (a nested cue inside a claim is part of that claim)."""
    kept: list[Attribution] = []
    for a in found:
        if any(a.claim[0] < k.claim[1] and k.claim[0] < a.claim[1] for k in kept):
            continue
        if any(k.claim[0] <= a.cue[0] < k.claim[1] for k in kept):
            continue
        kept.append(a)
    return kept


def _mention_type(mention: str) -> str:
    """A crude type from the head word; the hybrid engine uses the rules' typing instead."""
    head = _norm(mention.split()[0]) if mention.split() else ""
    head = head[2:] if head.startswith("ال") else head
    if head in {"مصدر", "مصادر", "مسوول", "مسوولون", "ناشط", "ناشطون"}:
        return "anonymous"
    if head in {"وكاله", "صحيفه", "قناه", "موقع", "تلفزيون", "اذاعه", "شبكه", "مجله"}:
        return "media"
    return "organization"


def to_document(doc: Document, found: list[Attribution]) -> Document:
    """The document with sources and claims from ``found``; same-text mentions share an entity."""
    text = doc.text
    sources: list[SourceMention] = []
    entities: dict[str, str] = {}
    claims: list[Claim] = []
    last_source: str | None = None
    for number, a in enumerate(found, start=1):
        source_id = last_source
        if a.source is not None:
            mention = text[a.source[0] : a.source[1]]
            key = _norm(mention).removeprefix("ال")
            entity = entities.setdefault(key, f"e{len(entities) + 1}")
            source_id = f"s{len(sources) + 1}"
            sources.append(SourceMention(id=source_id, start=a.source[0], end=a.source[1], text=mention,
                                         type=_mention_type(mention), entity=entity, score=0.6))
            last_source = source_id
        claims.append(Claim(id=f"c{number}", start=a.claim[0], end=a.claim[1], text=text[a.claim[0] : a.claim[1]],
                            kind="direct" if a.direct else "indirect",
                            cue=Span(start=a.cue[0], end=a.cue[1], text=text[a.cue[0] : a.cue[1]]),
                            source=source_id, score=0.6, note="stanza: nsubj/complement"))
    return Document(id=doc.id, text=text, meta={**doc.meta, "engine": "stanza"}, sources=sources, claims=claims)


def preannotate_stanza(docs: Iterable[Document], models: Path | str | None = None,
                       on_batch: Callable[[int], None] | None = None) -> Iterator[Document]:
    """Pre-annotate documents with the stanza engine (pipeline loaded once, texts batched)."""
    pending = list(docs)
    for doc, sentences in zip(pending, analyse((d.text for d in pending), models, on_batch=on_batch)):
        yield to_document(doc, attributions(sentences, doc.text))
