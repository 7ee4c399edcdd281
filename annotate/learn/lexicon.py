"""Lexicon additions from reviews: what the engine missed or mistyped, as entries of the word lists.

Compared per document (claims matched as ``annotate evaluate`` matches them, character Dice >= 0.5):

- a gold claim the engine missed after a cue it knows, whose content is a noun object: the noun that
  opens it, as an object starter (أكد جاهزية …);
- a gold claim the engine missed, introduced by a cue the lexicon does not know: a verb, a
  participle (مضيفا), a prepositional cue (بحسب) or a passive report (أفيد) when gold gives it no source.
  Verbs and participles are counted and written as their lemma with its agreement forms (وصفت and
  ووصفوه are one verb: وصف، وصفت، وصفوا), so sightings in different forms recur and a form no
  reviewer met is known too; a verb takes a noun object when two documents show one;
- the gold source of a missed or wrongly attributed claim, or one typed differently, whose head the
  lexicon does not know: anonymous heads, local markers, person titles (a first word with the article)
  or forenames (one without), organization and media names (a new key each, its affiliation linked in
  affiliations.yaml), and names that reveal an affiliation the engine did not give;
- cues of claims reviewers deleted, with how often the same cue (its lemma) was kept: listed for a
  person to decide (``deleted_by_reviewers`` in cues.yaml, a key the loader ignores); a cue deleted in
  ``min_count`` documents and more than twice as often as kept is also ``withdrawn`` (the loader takes
  its forms out of the cue lists below the layer; verification keeps it only if the reviewed documents
  gain).

Every entry carries in how many documents it was seen and up to three examples (document id, span text).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotate.agreement.spans import match_spans
from annotate.learn.pairs import Pair
from annotate.lexicons import Lexicon
from annotate.preannotate.text import normalize_word
from annotate.preannotate.words import derived_verbal_noun, tafil_verbal_noun, without_object_pronoun
from annotate.schema import Claim, Document, SourceMention

EXAMPLES = 3
FILES = ("cues.yaml", "sources.yaml", "organizations.yaml", "media.yaml", "affiliations.yaml", "forenames.yaml")
DELETED = "deleted_by_reviewers"  # a section of cues.yaml the loader ignores: for a person to act on
WITHDRAWN = "withdrawn"  # cue forms a layer takes out of the lists below it (see annotate.lexicons)
WITHDRAW_RATIO = 2  # a cue deleted more than twice as often as kept is withdrawn (verification still decides)


@dataclass
class Entry:
    """One addition to one list: where it goes, what is written, how often it was seen and where."""

    file: str
    section: str | None  # key inside the file (``verbs``, ``person_titles``, ``regime.words`` …); None: a list file
    key: str  # normalised form: what makes two sightings the same entry
    value: Any  # what is written into the list
    reason: str
    count: int = 0
    examples: list[tuple[str, str]] = field(default_factory=list)
    kept: int = 0  # deletions only: how often the same cue's claim was kept
    documents: set[str] = field(default_factory=set)

    def seen(self, doc_id: str, text: str) -> None:
        """Counted once per document: a name repeated in one article is one sighting."""
        if doc_id not in self.documents:
            self.documents.add(doc_id)
            self.count += 1
        if len(self.examples) < EXAMPLES and (doc_id, text) not in self.examples:
            self.examples.append((doc_id, text))


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(w for w in normalize_word(text).replace('"', " ").split() if w)


def _unprefixed(word: str) -> str:
    """A word without an attached و or ف (the matchers allow them by themselves)."""
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def _unconjoined(word: str) -> str:
    """A name's first word without an attached و before the article (والمتحدث); وزارة stays whole."""
    return word[1:] if word.startswith(("وال", "وا")) and len(word) > 4 else word


def _surface(text: str, strip=_unprefixed) -> str:
    words = text.split()
    return " ".join([strip(words[0]), *words[1:]]) if words else text


def _without_object(word: str) -> str:
    """A verb form without its attached object pronoun, stripped to find the verb (وصفته → وصفت)."""
    bare = without_object_pronoun(word)
    return bare + "ا" if bare != word and bare.endswith("و") else bare  # وصفوه → وصفوا


def verb_paradigm(word: str) -> tuple[str, tuple[str, ...]]:
    """(lemma key, the forms that agree with it) of a normalised reporting-verb form.

    What a cue is learned as: not the one form a reviewer met but the verb, so a feminine or plural
    form in another article is known too. Past tense (وصف، وصفت، وصفوا: he, she, they) or present
    (يصف، تصف، يصفون); an attached object pronoun is dropped (وصفته → وصفت) and so is an attached
    و or ف, once the agreement ending is off and four letters or more remain (ووصف, but وصفت is وصف+ت).
    Forms are only the regular agreement endings of the tense seen, never a guessed other tense.
    """
    bare = _without_object(word)
    if bare[:1] in "وف" and bare[1:2] == "ي" and len(bare) >= 5:
        bare = bare[1:]
    if bare.startswith("ي") and len(bare) >= 4:  # present, he/they
        stem = bare[1:-2] if bare.endswith("ون") and len(bare) >= 5 else bare[1:]
        plural = stem[:-1] if stem.endswith("ي") else stem  # يقضي → يقضون
        return "present " + stem, ("ي" + stem, "ت" + stem, "ي" + plural + "ون")
    stem = bare
    if bare.endswith("وا") and len(bare) >= 4:
        stem = bare[:-2]
    elif bare.endswith("ت") and len(bare) >= 4:
        stem = bare[:-1]
    if stem[:1] in "وف" and len(stem) >= 4:
        stem = stem[1:]
    if stem.endswith("ي") and len(stem) >= 4:  # أفتى (normalised افتي): أفتت، أفتوا
        return "past " + stem, (stem, stem[:-1] + "ت", stem[:-1] + "وا")
    return "past " + stem, (stem, stem + "ت", stem + "وا")


def participle_paradigm(word: str) -> tuple[str, tuple[str, ...]]:
    """(lemma key, forms) of a participle cue: مردفا، مردفة، مردفين (he, she, they)."""
    bare = _without_object(word)
    for ending in ("ين", "ة", "ه", "ا"):
        if bare.endswith(ending) and len(bare) - len(ending) >= 3:
            stem = bare[: -len(ending)]
            return "participle " + stem, (stem + "ا", stem + "ة", stem + "ين")
    return "participle " + bare, (bare,)


def looks_like_verbal_noun(word: str) -> bool:
    """A verbal noun by its shape (normalised, article and object pronoun off): إفعال / افتعال (اعلان،
    اتهام), تفعيل (تأكيد), انفعال / استفعال (انطلاق، استمرار)."""
    stem = _without_object(word.removeprefix("ال"))
    if (len(stem) == 5 and stem[0] == "ا" and stem[3] == "ا") or tafil_verbal_noun(stem):
        return True
    return derived_verbal_noun(stem)


def _first_person(word: str) -> bool:
    """The writer's own "I" or "we": a form in نا (قلنا), or one of a few unambiguous first-person forms
    (قلت، أعتقد); "أكدت" could be "she confirmed", so it is not among them."""
    return word.endswith("نا") and len(word) >= 4 or word in _FIRST_PERSON


_PARTICLES = frozenset(normalize_word(w) for w in ("على", "إلى", "عن", "في", "من", "مع", "ما", "لا", "لم", "قد", "هذا",
                                                   "هذه"))  # no object starters, however often they open a claim
_FIRST_PERSON = frozenset(normalize_word(w) for w in ("قلت", "أقول", "أعتقد", "أرى", "أظن", "أؤكد", "أشير"))


def _clip(text: str, size: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[: size - 1] + "…"


class _Collector:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.entries: dict[tuple[str, str | None, str], Entry] = {}
        self.objects: dict[str, set[str]] = defaultdict(set)  # verb lemma -> documents where it took a noun object

    def add(self, file: str, section: str | None, key: str, value: Any, reason: str, doc_id: str, text: str) -> Entry:
        entry = self.entries.setdefault((file, section, key), Entry(file, section, key, value, reason))
        entry.seen(doc_id, text)
        return entry

    # ------------------------------------------------------------ cues

    def known_cue(self, words: tuple[str, ...]) -> bool:
        lex = self.lexicon
        first = _unprefixed(words[0])
        if len(words) == 1:
            return any(w in lex.verbs or w in lex.participles or w in lex.verbal_nouns for w in (words[0], first)) \
                or any((w,) in lex.passive or (w,) in lex.prepositions or (w,) in lex.background for w in (words[0], first))
        phrase = (first, *words[1:])
        known_phrases = lex.prepositions | lex.passive | lex.background
        return words in known_phrases or phrase in known_phrases or first in lex.verbs or first in lex.participles

    def missed_cue(self, doc: Document, claim: Claim) -> None:
        if claim.cue is None:
            return
        words = _phrase(claim.cue.text)
        if not words:
            return
        if self.known_cue(words):
            self.missed_object(doc, claim)
            return
        surface = _surface(claim.cue.text)
        key = " ".join((_unprefixed(words[0]), *words[1:]))
        example = f"{claim.cue.text} → {_clip(claim.text)}"
        if len(words) > 1:
            self.add("cues.yaml", "prepositions", key, surface, "cue of missed claims", doc.id, example)
        elif looks_like_verbal_noun(key):
            # "الإعلان عن …", "اتهامه بـ…": a noun, learned as one, never given verb endings (اعلانت)
            self.add("cues.yaml", "verbal_nouns", key, _surface(claim.cue.text), "verbal noun of missed claims",
                     doc.id, example)
        elif _first_person(key):
            return  # "قلت إن …", "قلنا": the writer speaks; no cue to learn for others
        elif claim.source is None:
            self.add("cues.yaml", "passive", key, surface, "passive cue of missed claims (no source)", doc.id, example)
        elif key.startswith("م") and key.endswith(("ا", "ه", "ين", "ة")):
            lemma, forms = participle_paradigm(key)
            entry = self.add("cues.yaml", "participles", lemma, [], "participle of missed claims", doc.id, example)
            entry.value = sorted(set(entry.value) | set(forms))
        else:
            lemma, forms = verb_paradigm(words[0])
            if any(form in self.lexicon.verbs for form in forms):
                return  # "يتحدثون" of the known تحدث: the engine missed the claim for another reason
            with_object = _without_object(words[0]) != words[0]
            met = _unprefixed(words[0])
            seen = (*forms, met) if with_object else forms  # the form met, object pronoun and all (no و)
            entry = self.add("cues.yaml", "verbs", lemma, {"forms": [], "object": False},
                             "verb of missed claims", doc.id, example)
            entry.value["forms"] += [f for f in seen if f not in entry.value["forms"]]
            if _takes_object(doc, claim, self.lexicon):
                self.objects[lemma].add(doc.id)
                # content as a noun object (وصف المباراة بالقوية) in two documents or more: one could be a slip
                entry.value["object"] = len(self.objects[lemma]) >= 2

    def missed_object(self, doc: Document, claim: Claim) -> None:
        """A known cue whose noun object the engine did not read ("أكد جاهزية …"): the noun that opens
        the object, learned as an object starter (its article and object pronoun off)."""
        words = claim.text.split()
        if not words or not _takes_object(doc, claim, self.lexicon):
            return
        first = normalize_word(words[0])
        plain = first.removeprefix("ال")
        noun = without_object_pronoun(plain)
        if noun != plain and noun.endswith("ت"):
            noun = noun[:-1] + "ة"  # "استقالته" opens with استقالة
        lex = self.lexicon
        if len(noun) < 3 or noun in _PARTICLES or noun[:1] in "وفبلك" or any(ch.isdigit() for ch in noun) \
                or noun in lex.object_starters or noun in lex.not_claim_objects or first in lex.complementizers \
                or first in lex.forenames:
            return  # a particle, a preposition's word, a number, a feeling or a name is no object starter
        self.add("cues.yaml", "object_starters", noun, noun, "noun opening the object of missed claims", doc.id,
                 f"{claim.cue.text} → {_clip(claim.text)}")

    # ------------------------------------------------------------ sources

    def _new_name_key(self, prefix: str, name: tuple[str, ...]) -> str:
        return f"learned_{prefix}_" + hashlib.sha256(" ".join(name).encode()).hexdigest()[:8]

    def source(self, doc: Document, gold: SourceMention, predicted: SourceMention | None, why: str) -> None:
        lex = self.lexicon
        words = _phrase(gold.text)
        if not words:
            return
        if len(words) > 6:  # a description, not a name or a head
            return
        name = (_unconjoined(words[0]), *words[1:])
        surface = _surface(gold.text, _unconjoined)
        head = name[0]
        example = gold.text
        wrong_type = predicted is None or predicted.type != gold.type
        if gold.type in ("organization", "media"):
            table = lex.organizations if gold.type == "organization" else lex.media
            if _common_head(name, lex):
                return  # "الوزارة", "التقرير": a head that refers back, no name to learn
            if name not in table and words not in table:
                key = self._new_name_key("org" if gold.type == "organization" else "media", name)
                file = "organizations.yaml" if gold.type == "organization" else "media.yaml"
                self.add(file, None, " ".join(name), {"key": key, "names": [surface]}, f"{gold.type} name ({why})",
                         doc.id, example)
                if gold.affiliation:
                    self.add("affiliations.yaml", f"{gold.affiliation}.keys", key, key,
                             f"affiliation of a learned {gold.type} name", doc.id, example)
                return
        elif wrong_type and gold.type == "anonymous" and head not in lex.anonymous_heads \
                and _unprefixed(head) not in lex.one_of | lex.some_of:  # "بعض الخبراء": the head is خبراء
            self.add("sources.yaml", "anonymous_heads", head, _unconjoined(gold.text.split()[0]),
                     f"head of anonymous sources ({why})", doc.id, example)
        elif wrong_type and gold.type == "local" and (head,) not in lex.local_markers and head not in lex.anonymous_heads:
            self.add("sources.yaml", "local_markers", head, _unconjoined(gold.text.split()[0]),
                     f"head of local sources ({why})", doc.id, example)
        elif gold.type == "named_person" and len(name) > 1 and (head,) not in lex.person_titles \
                and head not in lex.forenames and head.removeprefix("ال") not in lex.forenames:
            if len(head) <= 3:
                pass
            elif head.startswith("ال"):
                self.add("sources.yaml", "person_titles", head, _unconjoined(gold.text.split()[0]),
                         f"title of named persons ({why})", doc.id, example)
            else:
                self.add("forenames.yaml", None, head, _unconjoined(gold.text.split()[0]),
                         f"forename of named persons ({why})", doc.id, example)
        if gold.affiliation and (predicted is None or predicted.affiliation != gold.affiliation) \
                and gold.type in ("named_person", "organization", "media") and len(name) > 1 \
                and lex.affiliation_words.get(name) != gold.affiliation:
            self.add("affiliations.yaml", f"{gold.affiliation}.words", " ".join(name), surface,
                     f"name revealing the affiliation ({why})", doc.id, example)


def _common_head(name: tuple[str, ...], lex: Lexicon) -> bool:
    """One word the lists already know as a body's head, a document or an anaphor ("الشركة", "التقرير")."""
    if len(name) != 1:
        return False
    word = name[0].removeprefix("ال")
    return any(w in lex.anaphors or w in lex.document_heads or (w,) in lex.organization_heads
               or (w,) in lex.media_heads for w in (name[0], word))


def _takes_object(doc: Document, claim: Claim, lexicon: Lexicon) -> bool:
    """The claim follows its cue (and source) with no complementizer, colon or quote between: a noun object."""
    source = doc.source_by_id()[claim.source] if claim.source else None
    after = max(claim.cue.end, source.end if source is not None and source.end <= claim.start else 0)
    gap = doc.text[after:claim.start]
    if any(mark in gap for mark in ':"«“'):
        return False
    words = [normalize_word(w) for w in gap.split()]
    return not any(w in lexicon.complementizers or w.removeprefix("و") in lexicon.complementizers for w in words) \
        and not normalize_word(claim.text.split()[0] if claim.text.split() else "") in lexicon.complementizers


def _overlap(a: SourceMention, b: SourceMention) -> bool:
    return a.start < b.end and b.start < a.end


def learn_additions(pairs: Iterable[Pair], lexicon: Lexicon, min_count: int = 2) -> list[Entry]:
    """Entries seen at least ``min_count`` times (deletions: deleted that often and more often than kept)."""
    found = _Collector(lexicon)
    deletions: dict[str, Entry] = {}
    kept: dict[str, int] = defaultdict(int)
    for pair in pairs:
        gold, pred = pair.gold, pair.predicted
        matches = match_spans([(c.start, c.end) for c in gold.claims], [(c.start, c.end) for c in pred.claims])
        matched_gold = {gi: pi for gi, pi in matches}
        matched_pred = {pi for _, pi in matches}
        gold_sources, pred_sources = gold.source_by_id(), pred.source_by_id()
        for gi, claim in enumerate(gold.claims):
            source = gold_sources[claim.source] if claim.source else None
            if gi not in matched_gold:
                found.missed_cue(gold, claim)
                if source is not None:
                    found.source(gold, source, None, "missed claim")
                continue
            predicted_claim = pred.claims[matched_gold[gi]]
            p_source = pred_sources[predicted_claim.source] if predicted_claim.source else None
            if source is None:
                continue
            same_entity = p_source is not None and any(
                m.entity == source.entity and _overlap(m, p_source) for m in gold.sources)
            if not same_entity:
                found.source(gold, source, None, "wrong source")
            elif p_source.type != source.type:
                found.source(gold, source, p_source, f"typed {p_source.type}")
            elif p_source.affiliation != source.affiliation:
                found.source(gold, source, p_source, f"affiliation {p_source.affiliation or 'none'}")
        for pi, claim in enumerate(pred.claims):
            words = _phrase(claim.cue.text) if claim.cue is not None else ()
            if not words:
                continue
            key, _ = _cue_lemma(words, lexicon)
            if pi in matched_pred:
                kept[key] += 1
                continue
            entry = deletions.setdefault(key, Entry("cues.yaml", DELETED, key, None, "cue of claims reviewers deleted"))
            entry.seen(pred.id, f"{claim.cue.text} → {_clip(claim.text)}")
    entries = [e for e in found.entries.values() if e.count >= min_count]
    for key, entry in deletions.items():
        entry.kept = kept.get(key, 0)
        cue = _surface(entry.examples[0][1].split(" → ")[0])
        entry.value = {"cue": cue, "deleted": entry.count, "kept": entry.kept}
        if entry.count >= min_count and entry.count > entry.kept:
            entries.append(entry)
        if entry.count >= min_count and entry.kept * WITHDRAW_RATIO < entry.count:
            forms = _cue_lemma(_phrase(cue), lexicon)[1]
            withdrawn = Entry("cues.yaml", WITHDRAWN, key, sorted(forms), "cue whose every claim reviewers deleted",
                              entry.count, entry.examples, documents=entry.documents)
            entries.append(withdrawn)
    return sorted(entries, key=lambda e: (FILES.index(e.file), e.section or "", -e.count, e.key))


def _cue_lemma(words: tuple[str, ...], lexicon: Lexicon) -> tuple[str, tuple[str, ...]]:
    """(lemma key, the known cue forms of that lemma) of a predicted claim's cue: deletions and kept
    claims are counted per verb (أبدى and أبدت together), and a cue is withdrawn with all its forms."""
    known = lexicon.verbs.keys() | lexicon.participles | lexicon.object_participles | lexicon.verbal_nouns
    whole = words[0] in known or (words[0],) in lexicon.prepositions or (words[0],) in lexicon.passive
    word = words[0] if whole else _unprefixed(words[0])  # وفقا is a cue of its own, not و + فقا
    if len(words) > 1:
        phrase = " ".join((word, *words[1:]))
        return phrase, (phrase,)
    if word in lexicon.participles or word in lexicon.object_participles:
        lemma, forms = participle_paradigm(word)
    elif word in lexicon.verbs:
        lemma, forms = verb_paradigm(words[0])
    else:
        return word, (word,)
    return lemma, tuple(dict.fromkeys([word, *(f for f in forms if f in known)]))
