"""The stanza engine: attributed claims read off a dependency parse.

For each reporting verb (its lemma or surface form is a cue verb of the lexicon, in any
inflection), the source mention is the verb's ``nsubj`` subtree and the claim is its complement
clause (``ccomp``; else whatever follows a complementizer أن/إن/بأن or a colon). A verb with no
subject hands its claim to the last speaker, as Arabic drops the pronoun (ولفت إلى أن …).
Typing, affiliation and entity resolution are the rules engine's stages (one way to do each
thing): this module only replaces *finding* the cue, source and claim.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotate.lexicons import Lexicon, VerbForm, default_lexicon
from annotate.preannotate.attribution import Attribution
from annotate.preannotate.matchers import Matchers, matchers_for
from annotate.preannotate.rules import build_document
from annotate.preannotate.text import NormText, normalize_word
from annotate.preannotate.words import without_conjunction
from annotate.schema import Document
from annotate.stanza_models.analysis import Sentence, Word, analyse
from annotate.stanza_models.load import load_pipeline

QUOTES = frozenset('"«»“”')
CLOSING_QUOTES = frozenset('"»”')
EDGE = frozenset(" \t\r\n.,:;!?،؛؟-–—()[]…") | QUOTES
NOT_A_VERB = frozenset({"PUNCT", "ADP", "PRON", "DET", "CCONJ", "SCONJ", "PART", "NUM", "SYM"})
CONJUNCTIONS = frozenset({"و", "ف"})
FUNCTION_UPOS = frozenset({"ADP", "PART", "SCONJ", "CCONJ", "PUNCT", "DET"})
COMPLEMENT_RELATIONS = ("ccomp", "xcomp", "advcl", "obj", "parataxis", "obl")
STANZA_SCORE = 0.6


@dataclass(frozen=True)
class Reading:
    """What the parse says about one reporting verb, in code points of the original text."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    claim: tuple[int, int]
    direct: bool
    gender: str
    sentence: int


def reporting_verb(m: Matchers, word: Word) -> VerbForm | None:
    """The cue-verb reading of ``word``: by stanza's lemma (verbs only) or by its surface form."""
    if word.upos in NOT_A_VERB:
        return None
    surface = normalize_word(word.text)
    candidates = [surface, without_conjunction(surface)]
    if word.upos in {"VERB", "AUX"}:
        candidates.insert(0, normalize_word(word.lemma))
    for form in candidates:
        found = m.lexicon.verbs.get(form)
        if found is not None:
            return found
    return None


def _gender(word: Word, verb: VerbForm) -> str:
    feats = word.feats
    if "Number=Plur" in feats or "Number=Dual" in feats:
        return "pl"
    if "Gender=Fem" in feats:
        return "f"
    if "Gender=Masc" in feats:
        return "m"
    return verb.gender


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def _cue(sentence: Sentence, verb: Word) -> tuple[int, int]:
    """The cue as a reader marks it: the verb with an attached و/ف (وأفاد)."""
    start = verb.start
    for w in sentence.words:
        if w.token_start == verb.token_start and w.end <= verb.start and normalize_word(w.text) in CONJUNCTIONS:
            start = min(start, w.start)
    return start, verb.end


def subject_span(sentence: Sentence, verb: Word, text: str) -> tuple[int, int] | None:
    """The verb's ``nsubj`` subtree (contiguous, punctuation trimmed), if the parse has one."""
    subjects = [w for w in sentence.children(verb.id) if w.deprel.split(":")[0] == "nsubj"]
    if not subjects:
        return None
    words = [w for w in sentence.subtree(subjects[0].id) if w.upos != "PUNCT"]
    if not words:
        return None
    start, end = _trim(text, min(w.start for w in words), max(w.end for w in words))
    return (start, end) if end > start else None


def _is_complementizer(m: Matchers, word: Word, text: str) -> bool:
    """أن/إن as a word, or any word of a token that is a complementizer (بأنه، فإن، أنها)."""
    return (normalize_word(word.text) in m.complementizers
            or normalize_word(text[word.token_start : word.token_end]) in m.complementizers)


def _after_marker(m: Matchers, words: list[Word], text: str, limit: int) -> int | None:
    """End of the token of the first complementizer (or a colon) among the first ``limit`` words."""
    for w in words[:limit]:
        if _is_complementizer(m, w, text) or w.text == ":":
            return w.token_end
    return None


def _opens_quote(text: str, position: int) -> bool:
    while position < len(text) and text[position] in " \t":
        position += 1
    return position < len(text) and text[position] in QUOTES


def _closing_quote(text: str, start: int) -> int | None:
    """The closing quotation mark after ``start``; an unclosed quotation ends with its line."""
    for i in range(start, len(text)):
        if text[i] in CLOSING_QUOTES or text[i] in "\r\n\u2028\u2029":
            return i
    return None


def complement_span(m: Matchers, sentence: Sentence, verb: Word, after: int, text: str) -> tuple[tuple[int, int], bool] | None:
    """The claim (span, is_direct).

    Its start: after a colon that opens a quotation; else after the complementizer's whole token
    (بأنه، على أن) or colon that opens the verb's complement clause (``ccomp``/``xcomp``, or another dependent starting with أن);
    failing that, after the first complementizer or colon following the verb and its subject.
    Its end: the end of that clause, or the closing quotation mark when the content is quoted,
    or the end of the sentence when only a complementizer was found.
    """
    following = [w for w in sentence.words if w.start >= after]
    start: int | None = None
    end = 0
    colon = next((w for w in following if w.text == ":"), None)
    if colon is not None and _opens_quote(text, colon.end) and not any(
            _is_complementizer(m, w, text) for w in following if w.start < colon.start):
        start, end = colon.end, sentence.end  # "X said, …: «…»": the quotation is the claim
    for relation in COMPLEMENT_RELATIONS if start is None else ():
        for child in sentence.children(verb.id):
            if child.deprel.split(":")[0] != relation or child.start < verb.end:
                continue
            subtree = [w for w in sentence.subtree(child.id) if w.start >= after]
            marker = _after_marker(m, subtree, text, 4)
            if marker is None and relation not in {"ccomp", "xcomp"}:
                continue
            content = [w for w in subtree if w.start >= (marker or 0)]
            if content and all(w.upos in FUNCTION_UPOS for w in content):
                continue  # a lone preposition parsed as the complement (شدد على أن …): not a clause
            if content:
                # right after the complementizer's token: words the parser hung elsewhere (a clause's
                # subject attached to the reporting verb) still belong to the claim
                start, end = marker or content[0].start, max(w.end for w in content)
                break
        if start is not None:
            break
    if start is None:
        marker = _after_marker(m, following, text, 12)
        if marker is None:
            return None
        start, end = marker, sentence.end
    direct = _opens_quote(text, start)
    if direct:
        opening = start
        while text[opening] not in QUOTES:
            opening += 1
        close = _closing_quote(text, opening + 1)
        if close is not None:
            start, end = opening + 1, close
        else:
            direct = False
    start, end = _trim(text, start, end)
    return ((start, end), direct) if end > start else None


def readings(m: Matchers, sentences: list[Sentence], text: str) -> list[Reading]:
    """Every reporting verb of the text that has a claim, in text order; overlapping claims keep the first."""
    found: list[Reading] = []
    for number, sentence in enumerate(sentences):
        for verb in sentence.words:
            form = reporting_verb(m, verb)
            if form is None:
                continue
            source = subject_span(sentence, verb, text)
            claim = complement_span(m, sentence, verb, max(verb.end, source[1] if source else verb.end), text)
            if claim is None:
                continue
            (c_start, c_end), direct = claim
            if source is not None and source[0] < c_end and c_start < source[1]:
                source = _trim(text, source[0], c_start) if source[0] < c_start else None
                source = source if source and source[1] > source[0] else None
            cue = _cue(sentence, verb)
            if any(r.claim[0] < c_end and c_start < r.claim[1] or r.claim[0] <= cue[0] < r.claim[1] for r in found):
                continue
            found.append(Reading(cue=cue, source=source, claim=(c_start, c_end), direct=direct,
                                 gender=_gender(verb, form), sentence=number))
    return found


def to_normalised(nt: NormText, span: tuple[int, int]) -> tuple[int, int]:
    """Original code points → positions in ``nt.norm`` (the rules engine's offsets)."""
    return bisect_left(nt.index, span[0]), bisect_left(nt.index, span[1])


def as_attributions(nt: NormText, found: list[Reading]) -> list[Attribution]:
    """Readings in the rules engine's data type, so its typing and entity stages apply."""
    return [Attribution(content=to_normalised(nt, r.claim), kind="direct" if r.direct else "indirect",
                        cue=to_normalised(nt, r.cue), source=to_normalised(nt, r.source) if r.source else None,
                        mode="explicit" if r.source else "unstated", gender=r.gender, score=STANZA_SCORE,
                        sentence=r.sentence)
            for r in found]


class StanzaEngine:
    """Pre-annotates with stanza's parse; the pipeline is loaded once, when the engine is made.

    Documents are parsed in batches and yielded as each batch is done, so a progress bar over
    ``annotate`` (as ``annotate pre`` shows) advances at the pipeline's real rate.
    """

    name = "stanza"

    def __init__(self, models: Path | str | None = None, lexicon: Lexicon | None = None, batch_size: int = 8) -> None:
        self.models = models
        load_pipeline(models)  # fails here, before any output, when models are missing
        self.matchers = matchers_for(lexicon or default_lexicon())
        self.batch_size = batch_size

    def parsed(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Sentence]]]:
        """Each document with stanza's sentences, batched through the pipeline."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= self.batch_size:
                yield from self._flush(batch)
        yield from self._flush(batch)

    def _flush(self, batch: list[Document]) -> Iterator[tuple[Document, list[Sentence]]]:
        if not batch:
            return
        analysed = list(analyse([d.text for d in batch], self.models, batch_size=len(batch)))
        ready = list(zip(list(batch), analysed))
        batch.clear()
        yield from ready

    def annotate(self, documents: Iterable[Document]) -> Iterator[Document]:
        for document, sentences in self.parsed(documents):
            yield self.annotate_parsed(document, sentences)

    def annotate_parsed(self, document: Document, sentences: list[Sentence]) -> Document:
        nt = NormText.of(document.text)
        found = as_attributions(nt, readings(self.matchers, sentences, document.text))
        return build_document(document, nt, found, self.matchers)
