"""The lexicon compiled into lookups the stages use; built once per lexicon."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from annotate.lexicons import Lexicon, VerbForm
from annotate.preannotate.words import PhraseIndex, bare, stems, without_conjunction

# "مصادره" (his sources), "مراسلنا" (our correspondent), "مسؤولان" (two officials)
_POSSESSIVE_OR_DUAL = ("ه", "ها", "هم", "نا", "ان")
_PRONOUN_SUFFIXES = ("", "ه", "ها", "هم", "هما", "هن", "ني", "نا", "كم")


@dataclass(frozen=True)
class Matchers:
    """Lookups over one :class:`Lexicon`."""

    lexicon: Lexicon
    prepositions: PhraseIndex
    passive: PhraseIndex
    background: PhraseIndex
    anonymity: PhraseIndex
    local: PhraseIndex
    titles: PhraseIndex
    organization_heads: PhraseIndex
    media_heads: PhraseIndex
    channel: PhraseIndex
    organizations: PhraseIndex
    media: PhraseIndex
    affiliation_words: PhraseIndex
    government_words: PhraseIndex
    honorifics: PhraseIndex
    complementizers: frozenset[str]
    definite_sides: frozenset[str]  # "النظام" names a side only with its article ("نظام روما" is a statute)
    participles: frozenset[str]  # the lexicon's, and each with و and ف (see _with_conjunction)
    verbal_nouns: frozenset[str]
    _openers: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)  # memo of may_open_attribution
    # memo of is_anonymous_head, asked of the first word of every candidate noun phrase
    _anonymous: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def verb(self, word: str) -> VerbForm | None:
        """The reporting-verb reading of a word (with or without و/ف), if it has one."""
        verbs = self.lexicon.verbs
        found = verbs.get(word) or verbs.get(without_conjunction(word))
        if found is None:
            bare_word = without_conjunction(word)
            if len(bare_word) > 4 and bare_word[0] == "ل" and bare_word[1] in "يت":
                found = verbs.get(bare_word[1:])  # "ليؤكد أن …", "لتشير إلى …": لـ + a present form
        return found

    def may_open_attribution(self, word: str) -> bool:
        """False for a word at which no cue can start (no background phrase, preposition, passive, verb,
        participle or verbal noun): most words of a text, which the reader then skips at once."""
        known = self._openers.get(word)
        if known is None:
            if len(self._openers) > 200_000:
                self._openers.clear()  # bounded: a corpus brings millions of distinct words
            known = bool(self.background.may_start(word) or self.prepositions.may_start(word)
                         or self.passive.may_start(word) or self.verb(word) is not None
                         or self.is_participle(word) or self.is_verbal_noun(word))
            self._openers[word] = known
        return known

    def is_participle(self, word: str) -> bool:
        """A participle of the lexicon, with or without و/ف (asked of nearly every word of a claim's content)."""
        return word in self.participles

    def is_verbal_noun(self, word: str) -> bool:
        """A verbal noun of the lexicon, with or without و/ف."""
        return word in self.verbal_nouns

    def is_feeling(self, word: str) -> bool:
        """A noun object that states no content (guidelines 5.7): "سعادته", "إعجابهم", "شكرها"."""
        objects = self.lexicon.not_claim_objects
        if word in objects or bare(word) in objects:
            return True
        for suffix in ("هما", "هم", "هن", "ها", "نا", "ه"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                stem = word[: -len(suffix)]
                stem = stem[:-1] + "ة" if stem.endswith("ت") else stem  # "رغبتهم" → "رغبة"
                if stem in objects or bare(stem) in objects:
                    return True
                break
        return False

    def is_complementizer(self, word: str, before: str | None) -> bool:
        """أن/إن/بأن (+pronoun), unless the word before makes it temporal (بعد أن)."""
        if word not in self.complementizers:
            return False
        return before is None or before not in self.lexicon.not_complementizer_before

    def is_forename(self, word: str) -> bool:
        """A forename, by its matching form (the caller rules out على written with ى). No و is stripped:
        "وجود" is not و + جود."""
        return word in self.lexicon.forenames

    def is_anonymous_head(self, word: str) -> bool:
        """مصدر، مسؤولون، مصادره ("his sources"): an unnamed-source noun, possessive allowed."""
        known = self._anonymous.get(word)
        if known is None:
            if len(self._anonymous) > 200_000:
                self._anonymous.clear()  # bounded, like _openers
            heads = self.lexicon.anonymous_heads
            known = any(s in heads or any(s.removesuffix(x) in heads for x in _POSSESSIVE_OR_DUAL) for s in stems(word))
            self._anonymous[word] = known
        return known


_COMPILED: dict[int, Matchers] = {}


def _with_conjunction(words: frozenset[str]) -> frozenset[str]:
    """``words`` and each with و or ف before it: ``w in _with_conjunction(words)`` is
    ``w in words or without_conjunction(w) in words``, in one look-up."""
    return words | {c + w for w in words for c in "وف" if len(c + w) > 2}


def _with_ha_for_ta_marbuta(words: frozenset[str]) -> frozenset[str]:
    """``words`` and each feminine form in ة also typed with ه, as much news is ("مضيفه بأن")."""
    return words | {w[:-1] + "ه" for w in words if w.endswith("ة")}


def _definite_only(phrases: Iterable[tuple[str, ...]]) -> frozenset[str]:
    """One-word entries listed only with the article (النظام، الأسد), by their bare form."""
    single = {p[0] for p in phrases if len(p) == 1}
    nisba = ("ي", "يه", "ية", "يون", "يين", "ين")  # "الأمريكيين" is also "أمريكيين" after an indefinite noun
    return frozenset(w[2:] for w in single if w.startswith("ال") and w[2:] not in single and not w.endswith(nisba))


def matchers_for(lexicon: Lexicon) -> Matchers:
    """Compile ``lexicon``, once per lexicon object (lexicons are never mutated)."""
    cached = _COMPILED.get(id(lexicon))
    if cached is not None and cached.lexicon is lexicon:
        return cached
    complementizers = set()
    for base in lexicon.complementizers:
        for suffix in _PRONOUN_SUFFIXES:
            complementizers.add(base + suffix)
            if base.startswith("ان"):
                complementizers.add("ب" + base + suffix)
                complementizers.add("ف" + base + suffix)
    compiled = Matchers(
        lexicon=lexicon,
        prepositions=PhraseIndex(lexicon.prepositions),
        passive=PhraseIndex(lexicon.passive),
        background=PhraseIndex(lexicon.background),
        anonymity=PhraseIndex(lexicon.anonymity_markers),
        local=PhraseIndex(lexicon.local_markers),
        titles=PhraseIndex(lexicon.person_titles),
        organization_heads=PhraseIndex(lexicon.organization_heads),
        media_heads=PhraseIndex(lexicon.media_heads),
        channel=PhraseIndex(lexicon.channel_starters, ignore_article=False),
        organizations=PhraseIndex(lexicon.organizations),
        media=PhraseIndex(lexicon.media, keep_article_alone=True),
        affiliation_words=PhraseIndex(lexicon.affiliation_words),
        government_words=PhraseIndex(lexicon.government_words),
        honorifics=PhraseIndex(lexicon.honorifics, ignore_article=False),
        definite_sides=_definite_only(lexicon.affiliation_words),
        complementizers=frozenset(complementizers),
        participles=_with_conjunction(_with_ha_for_ta_marbuta(lexicon.participles)),
        verbal_nouns=_with_conjunction(lexicon.verbal_nouns),
    )
    _COMPILED[id(lexicon)] = compiled
    return compiled
