"""The most-quoted sources: one entity per source across mentions and documents.

Within a document the annotation already says which mentions are one source (``entity``).
Across documents we merge by normalised names, in two steps:

1. Names of two words or more link documents. All such names of one entity in an article are
   one source ("وزير الخارجية السعودي عادل الجبير" and "وزير الخارجية عادل الجبير"), and so are
   two articles that use one of them. A person's name also links by its core, the last two words
   without the title ("عادل الجبير"; "سلمان بن عبدالعزيز" keeps the word before بن/عبد).
2. A one-word name ("الجبير", "أوباما") never links documents by itself: Saudi surnames are
   shared by many people (الغامدي، القحطاني). An article that only says "الجبير" counts for the
   source that "الجبير" names in the other articles, when at least 80% of the articles that
   link it to a longer name link it to that source; otherwise it stays apart and is reported
   as ambiguous, not ranked.

A bare title or head ("الوزير", "البيان", "المتحدث الرسمي", "معاليه") is never a name. Anonymous
and local sources are not ranked (two "مصادر مطلعة" in two articles are not one source); they
are counted in the source-type figures. Memory grows with the number of distinct names, not
with the number of documents.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from annotate.errors import LexiconError
from annotate.io import read_yaml
from annotate.lexicons import load_lexicon
from annotate.preannotate.text import normalize_word
from annotate.schema import Document, SourceMention

RANKED_TYPES = ("organization", "named_person", "media")
DOMINANCE = 0.8
NAMES_FILE = Path(__file__).resolve().parent / "names.yaml"
_NOT_NAME = re.compile(r"[\"'«»“”„()\[\]{}<>.,،؛;:!?؟…\-–—_/\\|*#]+")
_PREFIXES = ("و", "ف")


def normalise_name(text: str) -> str:
    """The matching form of a source name: spelling folded as the pre-annotator folds it,
    punctuation and quotes dropped, spaces collapsed, a leading و/ف conjunction removed, and
    "لـ «عكاظ»" (the outlet the source spoke to, which a mention sometimes takes in) cut off."""
    words = _NOT_NAME.sub(" ", normalize_word(text)).split()
    if "ل" in words:
        words = words[: words.index("ل")]
    if words and len(words[0]) > 2 and words[0].startswith(_PREFIXES) and words[0][1:].startswith("ال"):
        words[0] = words[0][1:]
    return " ".join(words)


@cache
def _name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(never a name, name joiners) from ``names.yaml`` and the lexicon's titles and heads."""
    data = read_yaml(NAMES_FILE, LexiconError)
    if not isinstance(data, dict) or not all(isinstance(data.get(k), list) for k in ("not_names", "name_joiners")):
        raise LexiconError(f"{NAMES_FILE}: expected lists 'not_names' and 'name_joiners'")
    lexicon = load_lexicon()
    phrases: set[str] = set(lexicon.anonymous_heads) | set(data["not_names"])
    for group in (lexicon.person_titles, lexicon.organization_heads, lexicon.media_heads,
                  lexicon.local_markers, lexicon.anonymity_markers):
        phrases.update(" ".join(p) for p in group)
    phrases.update(lexicon.anaphors)
    folded = {normalise_name(p) for p in phrases}
    with_article = {("ال" + p) for p in folded if " " not in p and not p.startswith("ال")}
    return frozenset(folded | with_article), frozenset(normalise_name(w) for w in data["name_joiners"])


@cache
def _titles() -> frozenset[str]:
    """First words of the lexicon's person titles (وزير، الرئيس، المتحدث …)."""
    return frozenset(normalise_name(p[0]) for p in load_lexicon().person_titles if p)


def is_generic(name: str) -> bool:
    """True for an empty name, a bare title or head (الوزير، البيان، المتحدث الرسمي), or one letter."""
    return len(name) < 2 or name in _name_lists()[0]


def core_names(name: str) -> list[str]:
    """A person's name after a title: the last two words, widened over بن/عبد/أبو; with a joiner
    inside, also first + last word ("وزير الخارجية عادل بن احمد الجبير" -> also "عادل الجبير").
    Nothing when the mention does not start with a title (then its end is not surely a name)."""
    words = name.split()
    generic, joiners = _name_lists()
    if len(words) < 3 or words[0] not in _titles():
        return []
    i = len(words) - 2
    while i > 0:
        if words[i] in joiners:
            i -= 1
        elif words[i - 1] in joiners:
            i = max(0, i - 2)
        else:
            break
    core = words[i:]
    if any(w in generic or w in joiners for w in (core[0], core[-1])):
        return []
    names = [" ".join(core)]
    if len(core) > 2:
        names.append(f"{core[0]} {core[-1]}")
    return names


@dataclass
class _Union:
    """Union-find over names; the parent map is the only structure that grows."""

    parent: dict[str, str] = field(default_factory=dict)

    def find(self, name: str) -> str:
        parent = self.parent.setdefault(name, name)
        if parent == name:
            return name
        root = self.find(parent)
        self.parent[name] = root
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the root is the longer (then alphabetically first) name, so it reads as the full form
            if (len(rb), ra) > (len(ra), rb):
                ra, rb = rb, ra
            self.parent[rb] = ra


@dataclass
class SourceCounter:
    """Counts claims per source entity, merged across documents, while documents stream past.

    Each (document, entity) is counted under a key: its longest name. Keys are merged at the
    end (:meth:`merged`), so the counters never need rewriting while documents arrive.
    """

    union: _Union = field(default_factory=_Union)
    claims: Counter = field(default_factory=Counter)            # key -> claims
    documents: Counter = field(default_factory=Counter)         # key -> documents
    by_group: Counter = field(default_factory=Counter)          # (key, group) -> claims
    forms: Counter = field(default_factory=Counter)             # (key, longest mention as written) -> claims
    types: Counter = field(default_factory=Counter)             # (key, type) -> claims
    affiliations: Counter = field(default_factory=Counter)      # (key, affiliation) -> claims
    links: Counter = field(default_factory=Counter)             # (one-word name, longer key) -> documents
    unnamed_claims: int = 0                                     # ranked-type claims whose entity has only a bare title

    def add(self, doc: Document, group: str) -> None:
        """Count ``doc``'s claims under their sources' entities."""
        by_id = doc.source_by_id()
        per_entity: Counter = Counter()
        for claim in doc.claims:
            if claim.source is not None:
                per_entity[by_id[claim.source].entity] += 1
        if not per_entity:
            return
        mentions: dict[str, list[SourceMention]] = {}
        for mention in doc.sources:
            mentions.setdefault(mention.entity, []).append(mention)
        for entity, count in per_entity.items():
            entity_mentions = mentions[entity]
            kind = _ranked(Counter(m.type for m in entity_mentions))[0]
            if kind not in RANKED_TYPES:
                continue
            named = [(n, m) for n, m in ((normalise_name(m.text), m) for m in entity_mentions) if not is_generic(n)]
            if not named:
                self.unnamed_claims += count
                continue
            key, longest = max(named, key=lambda pair: (len(pair[0].split()), len(pair[0]), -pair[1].start))
            self.union.find(key)
            if " " in key:
                for name in {n for n, _ in named if " " in n}:
                    self.union.union(key, name)
                    if kind == "named_person":
                        for core in core_names(name):
                            self.union.union(key, core)
                for word in {n for n, _ in named if " " not in n}:
                    self.links[(word, key)] += 1
            self.claims[key] += count
            self.documents[key] += 1
            self.by_group[(key, group)] += count
            self.forms[(key, " ".join(longest.text.split()))] += count
            self.types[(key, kind)] += count
            affiliation = _ranked(Counter(m.affiliation for m in entity_mentions if m.affiliation))
            if affiliation:
                self.affiliations[(key, affiliation[0])] += count

    def _resolve_words(self) -> tuple[dict[str, str], set[str]]:
        """One-word key -> the root it names in other articles (80% of its links), and the ambiguous ones."""
        evidence: dict[str, Counter] = {}
        for (word, key), times in self.links.items():
            evidence.setdefault(word, Counter())[self.union.find(key)] += times
        resolved: dict[str, str] = {}
        ambiguous: set[str] = set()
        for word, roots in evidence.items():
            root, times = _ranked_items(roots)[0]
            if times >= DOMINANCE * sum(roots.values()):
                resolved[word] = root
            else:
                ambiguous.add(word)
        return resolved, ambiguous

    def merged(self) -> tuple[list[dict], dict[str, int]]:
        """One record per merged source, most-quoted first (name, other names, type, affiliation,
        claims, documents, claims by group); and the claims left out: {name: claims} of one-word
        names that stand for several sources."""
        resolved, ambiguous = self._resolve_words()

        def root_of(key: str) -> str:
            return resolved.get(key) or self.union.find(key)

        roots: dict[str, dict] = {}
        left_out: Counter = Counter()
        for key, count in self.claims.items():
            if key in ambiguous:
                left_out[key] += count
                continue
            record = roots.setdefault(root_of(key), {"claims": 0, "documents": 0, "by_group": Counter(), "forms": Counter(),
                                                     "types": Counter(), "affiliations": Counter()})
            record["claims"] += count
            record["documents"] += self.documents[key]
        for table, field_name in ((self.by_group, "by_group"), (self.forms, "forms"), (self.types, "types"),
                                  (self.affiliations, "affiliations")):
            for (key, value), count in table.items():
                if key not in ambiguous:
                    roots[root_of(key)][field_name][value] += count
        result = []
        for record in roots.values():
            # the display name: the commonest full form (title and name) over a bare surname
            forms = [form for form, _ in sorted(record["forms"].items(), key=lambda kv: (" " not in kv[0], -kv[1], kv[0]))]
            affiliation = _ranked(record["affiliations"])
            result.append({
                "name": forms[0],
                "other_names": forms[1:6],
                "type": _ranked(record["types"])[0],
                "affiliation": affiliation[0] if affiliation else None,
                "claims": record["claims"],
                "documents": record["documents"],
                "by_group": dict(_ranked_items(record["by_group"])),
            })
        result.sort(key=lambda r: (-r["claims"], -r["documents"], r["name"]))
        return result, dict(_ranked_items(left_out))


def _ranked_items(counter: Counter) -> list[tuple]:
    """Items by count, ties broken by key, so the output does not depend on input order."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def _ranked(counter: Counter) -> list[str]:
    """Keys by count, ties broken alphabetically, so the output does not depend on input order."""
    return [key for key, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def top_by_group(merged: Iterable[dict], groups: Iterable[str], top: int) -> dict[str, list[dict]]:
    """The ``top`` most-quoted sources of each group (name, type, claims in that group)."""
    result: dict[str, list[dict]] = {group: [] for group in groups}
    for record in merged:
        for group, count in record["by_group"].items():
            result.setdefault(group, []).append({"name": record["name"], "type": record["type"],
                                                 "affiliation": record["affiliation"], "claims": count})
    for group, rows in result.items():
        rows.sort(key=lambda r: (-r["claims"], r["name"]))
        del rows[top:]
    return result
