"""Source noun phrases: where a mention starts and stops, and what kind of source it names.

A mention is the whole noun phrase (title, name, "مصدر مقرب من "قسد"") and stops before what
only describes the channel ("لموقع …", "في بيان", "خلال مؤتمر صحفي") or at a comma. Its type
comes from its head word; its affiliation from words anywhere in it, the longest match winning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotate.preannotate.matchers import Matchers
from annotate.preannotate.segment import Token
from annotate.preannotate.text import NormText
from annotate.preannotate.words import bare, stems

MAX_NP_TOKENS = 10
_GOVERNMENT_HEADS = frozenset({"وزير", "وزيره", "وزاره", "حكومه", "جيش", "رئيس", "رئاسه", "خارجيه", "دفاع", "داخليه",
                               "قوات", "سفير", "سفاره", "مندوب", "وزارة", "حكومة", "رئاسة", "خارجية", "داخلية", "سفارة",
                               "مجلس", "اعلام", "وكاله", "وكالة", "قياده", "قيادة", "مخابرات", "امن", "مسؤول", "مصدر",
                               "مصادر", "ضابط", "متحدث", "ناطق", "نائب", "محافظ", "هيئه", "هيئة", "اركان", "برلمان"})
_FEMININE_NAMES = frozenset({"قسد", "حماس", "داعش", "سانا", "رويترز", "الاناضول"})


@dataclass(frozen=True)
class SourceInfo:
    """What the words of a mention say about the source."""

    type: str
    affiliation: str | None
    key: str | None  # organization or outlet key, for merging mentions into one entity
    head: str  # the head word without prefixes, for anaphora
    gender: str  # "m", "f" or "pl"
    confident: bool


def _gap(nt: NormText, a: Token, b: Token) -> str:
    return nt.norm[a.end : b.start]


def _is_channel(m: Matchers, tokens: Sequence[Token], i: int) -> bool:
    word = tokens[i].text
    if m.channel.match(tokens, i, first_stems=False):
        return True
    if word.startswith("و") and m.channel.match([Token(0, 0, word[1:])], 0, first_stems=False):
        return True
    # لـ / ل + an outlet: "لرويترز", "لـ"عنب بلدي"", "لتلفزيون سوريا".
    if word == "ل" and i + 1 < len(tokens):
        return bool(m.media.match(tokens, i + 1) or m.media_heads.match(tokens, i + 1))
    if len(word) > 2 and word[0] == "ل" and not word.startswith("لل"):
        rest = [Token(0, 0, word[1:]), *tokens[i + 1 : i + 3]]
        return bool(m.media.match(rest, 0, first_stems=False) or m.media_heads.match(rest, 0, first_stems=False))
    return False


def np_extent(nt: NormText, m: Matchers, tokens: Sequence[Token], start: int, stop: int) -> tuple[int, int] | None:
    """Token range ``[i, j)`` of the source noun phrase in ``tokens[start:stop]``, or None.

    Used where the content marker (أن، :، a quotation) delimits the subject: the phrase is
    what comes before the first channel description or comma, at most ten words.
    """
    i = start
    while i < stop and _is_channel(m, tokens, i):
        hit = m.channel.match(tokens, i, first_stems=False)
        word = tokens[i].text
        if hit is None or word in {"في", "وفي", "خلال", "عبر"} or word.startswith("ل"):
            return None  # the region opens with a channel phrase: the subject is unstated
        i += hit[0]  # an adverb before the subject: "وأكد اليوم وزير …"
    j = i
    while j < stop and j - i < MAX_NP_TOKENS:
        if j > i and (_is_channel(m, tokens, j) or any(c in _gap(nt, tokens[j - 1], tokens[j]) for c in ",،:؛;.")):
            break
        j += 1
    return (i, j) if j > i else None


def np_grammar(m: Matchers, nt: NormText, tokens: Sequence[Token], start: int, stop: int) -> int | None:
    """End (exclusive) of a noun phrase at ``start`` recognised from its head, or None.

    Used where nothing delimits the subject (a noun object follows: "أكدت مصادر محلية وقوع …"):
    the head must be a known source word, and only adjective-like words, known phrases and
    short prepositional modifiers extend it.
    """
    if start >= stop:
        return None
    first = tokens[start].text
    known = None
    named = False  # a proper name (قسد) takes no genitive after it; a common head (وزارة) does
    for index in (m.organizations, m.media, m.local, m.titles, m.organization_heads, m.media_heads):
        hit = index.match(tokens, start)
        if hit and (known is None or hit[0] > known):
            known, named = hit[0], index is m.organizations or index is m.media
    if known is None and m.is_anonymous_head(first):
        known = 1
    if known is None and any(s in m.lexicon.anaphors for s in stems(first)):
        known = 1
    if known is None:
        return None
    j = start + known
    definite = first.startswith(("ال", "وال"))
    while j < stop and j - start < MAX_NP_TOKENS:
        word = tokens[j].text
        if any(c in nt.norm[tokens[j - 1].end : tokens[j].start] for c in ",،:؛;."):
            break
        if _is_channel(m, tokens, j):
            break
        phrase = m.anonymity.match(tokens, j) or m.local.match(tokens, j) or m.affiliation_words.match(tokens, j)
        if phrase:
            j += phrase[0]
            continue
        if word in m.lexicon.np_prepositions and j + 1 < stop:
            j += 2
            continue
        adjective_like = bare(word).endswith(("ي", "يه", "ية", "يون", "يين", "يان"))
        if not definite and not named and j == start + known and word.startswith("ال"):
            definite = True  # a definite genitive: وزارة الخارجية, مصادر المعارضة
            j += 1
            continue
        if (definite and word.startswith("ال")) or (not definite and adjective_like and not word.startswith("ال")):
            j += 1
            continue
        break
    return j


def _affiliation(m: Matchers, tokens: Sequence[Token], key: str | None, head: str) -> str | None:
    best: tuple[int, int, str] | None = None  # (length, -position, affiliation)
    for position, length, value in m.affiliation_words.find(tokens):
        candidate = (length, -position, value)
        best = candidate if best is None or candidate > best else best
    if head in _GOVERNMENT_HEADS or any(bare(t.text) in _GOVERNMENT_HEADS for t in tokens[:2]):
        for position, length, value in m.government_words.find(tokens):
            if position == 0:
                continue
            candidate = (length, -position, value)
            best = candidate if best is None or candidate > best else best
    if best is not None:
        return best[2]
    if key is not None:
        return m.lexicon.affiliation_keys.get(key)
    return None


def _gender(head: str, type_: str, first: str) -> str:
    word = bare(head)
    if word in _FEMININE_NAMES or first in _FEMININE_NAMES:
        return "f"
    if word.endswith(("ون", "ين")) or word in {"اهالي", "سكان", "شهود", "نشطاء", "مسؤولو", "مسؤولي", "ضباط", "قاده", "خبراء"}:
        return "pl"
    if word.endswith(("ه", "ة", "ات")) or word in {"مصادر", "قوات", "فصائل", "اوساط", "دوائر", "جهات", "عناصر", "وسائل"}:
        return "f"
    return "m"


def classify(m: Matchers, tokens: Sequence[Token]) -> SourceInfo:
    """Type, affiliation, entity key and gender of a mention from its words."""
    if not tokens:
        return SourceInfo("anonymous", None, None, "", "m", False)
    first = tokens[0].text
    head = next((s for s in reversed(stems(first)) if len(s) > 1), first)
    org = m.organizations.match(tokens, 0)
    outlet = m.media.match(tokens, 0)
    key = org[1] if org else outlet[1] if outlet else None
    has_local = bool(m.local.find(tokens))
    confident = True
    if m.is_anonymous_head(first):
        type_ = "local" if has_local else "anonymous"
        titled = m.titles.match(tokens, 0)
        if titled and len(tokens) > titled[0] + 1 and not has_local and first.startswith(("ال", "وال")):
            type_ = "named_person"
    elif m.local.match(tokens, 0):
        type_ = "local"
    elif outlet or m.media_heads.match(tokens, 0):
        type_ = "media"
    elif org or m.organization_heads.match(tokens, 0):
        type_ = "organization"
    elif m.titles.match(tokens, 0):
        type_ = "named_person"
    else:
        type_ = "named_person"  # an unknown noun phrase before أن is most often a name
        confident = False
    if key is None and type_ in {"organization", "media"}:
        for index in (m.organizations, m.media):
            found = index.find(tokens)
            if found:
                key = found[0][2]
                break
    affiliation = _affiliation(m, tokens, key, bare(head))
    return SourceInfo(type_, affiliation, key, bare(head), _gender(head, type_, first), confident)
