"""The rules engine: lexicons and surface patterns, no model, no network.

Composes the stages: attribution finding per paragraph (:mod:`attribution`), typing of
source noun phrases (:mod:`sources`), entity resolution (:mod:`coreference`), and maps every
span back to code points of the unchanged text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import replace

from annotate.lexicons import Lexicon, default_lexicon
from annotate.preannotate.attribution import Attribution, ParagraphReader
from annotate.preannotate.coreference import EntityResolver, Mention, speaks_verses
from annotate.preannotate.matchers import Matchers, matchers_for
from annotate.preannotate.segment import paragraphs, tokens
from annotate.preannotate.sources import SAME, classify, has_forename, is_bare_preposition, named_as_a_body_before
from annotate.preannotate.text import NormText
from annotate.preannotate.words import stems
from annotate.schema import Claim, Document, SourceMention, Span


class RulesEngine:
    """Pre-annotates documents with the rules; one instance can serve many documents."""

    name = "rules"

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.matchers: Matchers = matchers_for(lexicon or default_lexicon())

    def annotate(self, documents: Iterable[Document]) -> Iterator[Document]:
        """Annotated copies of ``documents`` (existing annotations are replaced)."""
        for document in documents:
            yield self.annotate_one(document)

    def read(self, nt: NormText) -> ParagraphReader:
        """Every paragraph read: ``.found`` holds the attribution candidates (normalised offsets),
        ``.standing_mentions`` the sources named outside attributions. Other engines start here."""
        reader = ParagraphReader(nt, self.matchers)
        for paragraph in paragraphs(nt):
            reader.read(paragraph)
        reader.accept_name_headlines()
        return reader

    def annotate_one(self, document: Document) -> Document:
        nt = NormText.of(document.text)
        reader = self.read(nt)
        return build_document(document, nt, reader.found, self.matchers, reader.standing_mentions)


class _Intervals:
    """Claim spans already taken, kept sorted and disjoint: an overlap test costs log time, not a scan."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        at = bisect_left(self._starts, end)  # intervals starting before ``end``
        # disjoint and sorted, so their ends are sorted too: only the last one can reach past ``start``
        return at > 0 and self._ends[at - 1] > start

    def add(self, start: int, end: int) -> None:
        at = bisect_left(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)


def _mention(nt: NormText, m: Matchers, span: tuple[int, int], sentence: int, resolver: EntityResolver,
             headline: bool = False, verb_gender: str = "", outlet_verb: bool = False) -> Mention:
    same = resolver.at_span(span[0], span[1])
    if same is not None:
        return same  # one span is one mention, however many claims it speaks for
    words = tokens(nt, span[0], span[1])
    apposition = "،" in nt.norm[span[0] : span[1]] or "," in nt.norm[span[0] : span[1]]
    info = classify(m, words, named_in_apposition=apposition, nt=nt, verb_gender=verb_gender)
    if info.type == "named_person" and not info.confident and len(words) <= 2 \
            and named_as_a_body_before(m, nt, span[0], span[1]):
        info = replace(info, type="organization")  # "شركة جازبروم …" then "جازبروم"
    elif outlet_verb and ((info.type == "named_person" and not info.confident)
                          or (info.type == "organization" and len(words) == 1)):
        info = replace(info, type="media")  # "علمت «عكاظ» أن …", "وعلمت المدينة أن …": the paper learned it
    anaphor = None
    if len(words) == 1 or (len(words) == 2 and words[1].text in SAME):
        anaphor = next((m.lexicon.anaphors[s] for s in stems(words[0].text) if s in m.lexicon.anaphors), None)
        if anaphor is None and len(words) == 1 and any(s.startswith("ال") for s in stems(words[0].text)) \
                and info.confident and (info.type in {"organization", "media", "named_person"}
                                        or info.head in m.lexicon.generic_persons):
            # a bare definite head refers back: "الإدارة" → "الإدارة الذاتية …", "الباحث" → "الباحث محمد …"
            anaphor = (info.head,)
    title = m.titles.match(words, 0) if len(words) >= 2 and info.type == "named_person" else None
    mention = Mention(span[0], span[1], tuple(w.text for w in words), info, sentence, anaphor_of=anaphor,
                      headline=headline, titled_surname=bool(title) and title[0] == len(words) - 1)
    resolver.add(mention)
    return mention


def _opens_no_source(nt: NormText, m: Matchers, span: tuple[int, int]) -> bool:
    """True when a source phrase the reading found opens with a word no source opens with: a bare preposition
    ("على البديه", "في عمر …"), بـ with the article ("باللاعبين", "بالرئيس …": whom or how, not who) or an
    adverb of manner ("بوضوح"); the speaker is then left to the text before."""
    words = tokens(nt, span[0], span[1])
    if not words:
        return False
    first = words[0]
    word = first.text
    if word in _PREPOSITIONS_NO_SOURCE_OPENS or is_bare_preposition(first) or word in _MANNER:
        return True
    return word.startswith("بال") and len(word) > 5 and not has_forename(m, words) \
        and not m.organizations.match(words, 0) and not m.media.match(words, 0)


_PREPOSITIONS_NO_SOURCE_OPENS = frozenset({"في", "عن"})  # and إلى، على; not من: "من كلمات الهزاع …" names its speaker
_MANNER = frozenset({"بوضوح", "بشدة", "بقوة", "بصراحة", "باستغراب"})


def _outlet_verb(nt: NormText, m: Matchers, cue: tuple[int, int] | None) -> bool:
    """True when the cue is a verb whose unknown subject is an outlet (the lexicon's ``outlet_subject``)."""
    if cue is None:
        return False
    verb = m.verb(nt.norm[cue[0] : cue[1]])
    return verb is not None and verb.outlet_subject


def _person_reported_on(nt: NormText, m: Matchers, content: tuple[int, int]) -> tuple[int, int] | None:
    """The person an outlet's content opens with when a verb the lexicon knows follows the name
    ("أن مانويل بيليجريني المدير الفني … تحدث عن …"), else None."""
    words = tokens(nt, content[0], min(content[1], content[0] + 300))
    verb_at = next((v for v in range(1, min(len(words), 12)) if m.verb(words[v].text) is not None), None)
    if verb_at is None:
        return None
    subject = words[:verb_at]
    info = classify(m, subject, nt=nt)
    if info.type != "named_person" or not (has_forename(m, subject) or m.titles.match(subject, 0)):
        return None
    return words[0].start, words[verb_at - 1].end


def build_document(document: Document, nt: NormText, found: list[Attribution], m: Matchers,
                   standing: list[tuple[tuple[int, int], int]] = ()) -> Document:
    """Resolve entities for ``found`` and return the annotated document (original offsets).

    ``standing`` are mentions outside any attribution (a list header naming the speaker).
    """
    resolver = EntityResolver()
    for span, sentence in standing:
        _mention(nt, m, span, sentence, resolver)
    claims: list[tuple[Attribution, Mention | None]] = []
    last_source: Mention | None = None
    last_sentence_source: dict[int, Mention] = {}
    taken = _Intervals()
    # Headlines last: "مصدر: …" above the article is best read once the article has named its مصدر.
    for attribution in sorted(found, key=lambda a: (a.headline, (a.cue or a.content)[0])):
        start, end = attribution.content
        if taken.overlaps(start, end):
            continue
        outer = _mention(nt, m, attribution.outer, attribution.sentence, resolver) if attribution.outer else None
        source: Mention | None = None
        if attribution.source is not None and _opens_no_source(nt, m, attribution.source):
            attribution.source, attribution.mode = None, "unstated"  # "باللاعبين …", "على البديه", "بوضوح"
        if attribution.source is not None:
            source = _mention(nt, m, attribution.source, attribution.sentence, resolver, attribution.headline,
                              attribution.gender, _outlet_verb(nt, m, attribution.cue))
        elif attribution.mode == "previous" and attribution.sentence in last_sentence_source:
            source = last_sentence_source[attribution.sentence]
        elif attribution.mode in {"unstated", "previous"}:
            source = resolver.speaker_before(start, attribution.gender, last_source)
            if source is None:
                attribution.score -= 0.2
        taken.add(start, end)
        claims.append((attribution, source))
        speaker = (outer or last_source) if attribution.reported_inside else source
        if speaker is not None and speaker.info.type == "media":
            inner = _person_reported_on(nt, m, attribution.content)
            if inner is not None:
                # "ذكرت صحيفة «آس» أن بيليجريني تحدث عن …، مؤكداً أن …": the outlet tells what the person
                # said; the person goes on speaking
                speaker = _mention(nt, m, inner, attribution.sentence, resolver)
        if speaker is not None and not speaks_verses(speaker):
            last_source = speaker  # after "قال إن الدراسة أظهرت أن …", "وأضاف" is still the one who said it
            last_sentence_source[attribution.sentence] = speaker
    return _to_document(document, nt, resolver, claims)


def _original(nt: NormText, start: int, end: int) -> tuple[int, int, str]:
    """Original ``(start, end, text)`` of normalised ``[start, end)``, for a model to validate once."""
    a, b = nt.to_original(start, end)
    return a, b, nt.original[a:b]


def _span(nt: NormText, start: int, end: int) -> Span:
    a, b, text = _original(nt, start, end)
    return Span(start=a, end=b, text=text)


def _to_document(document: Document, nt: NormText, resolver: EntityResolver,
                 claims: list[tuple[Attribution, Mention | None]]) -> Document:
    mention_ids: dict[int, str] = {}
    sources: list[SourceMention] = []
    entity_names: dict[int, str] = {}
    for mention in sorted(resolver.mentions, key=lambda x: x.start):
        if id(mention) in mention_ids:
            continue
        start, end, text = _original(nt, mention.start, mention.end)
        entity = entity_names.setdefault(mention.entity, f"e{len(entity_names) + 1}")
        info = resolver.entity_info[mention.entity]  # type and affiliation belong to the entity
        mention_ids[id(mention)] = f"s{len(sources) + 1}"
        sources.append(SourceMention(id=mention_ids[id(mention)], start=start, end=end, text=text,
                                     type=info.type, affiliation=info.affiliation, entity=entity,
                                     score=0.9 if info.confident else 0.6))
    out: list[Claim] = []
    for number, (attribution, source) in enumerate(sorted(claims, key=lambda c: c[0].content[0]), start=1):
        start, end, text = _original(nt, *attribution.content)
        cue = _span(nt, *attribution.cue) if attribution.cue else None
        out.append(Claim(id=f"c{number}", start=start, end=end, text=text, kind=attribution.kind,
                         cue=cue, source=mention_ids[id(source)] if source is not None else None,
                         score=round(min(1.0, max(0.05, attribution.score)), 3)))
    return document.model_copy(update={"sources": sources, "claims": out})
