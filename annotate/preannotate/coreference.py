"""Group source mentions into entities and pick the mention each claim is attributed to.

A later mention joins an earlier entity when it is an anaphor of that entity's head (المصدر
→ مصدر خاص, البيان → the organization that issued it), names the same organization or outlet,
repeats the same words, or is the surname of a named person. A claim with an unstated subject
("ولفت إلى أن …") goes to the nearest earlier mention of the last speaker whose gender agrees
with the verb.

Every lookup goes through an index keyed by what the rule compares (words, organization key,
entity head or type, surname, gender), each holding its mentions sorted by position, so a
document of any size is resolved in about linear time: a scraped page with thousands of
mentions must not cost the square of their number.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, replace

from annotate.preannotate.sources import SourceInfo

_GOD = "الله"  # normalised


@dataclass
class Mention:
    """A source mention being resolved (normalised offsets)."""

    start: int
    end: int
    words: tuple[str, ...]
    info: SourceInfo
    sentence: int
    entity: int = -1
    anaphor_of: tuple[str, ...] | None = None  # antecedent heads or types, most likely first
    headline: bool = False
    titled_surname: bool = False  # a title and one name ("الرئيس اوباما"): the name alone finds the person


class _PositionIndex:
    """Mentions under keys, each key's mentions sorted by start: nearest-before in log time."""

    def __init__(self) -> None:
        self._starts: dict[Hashable, list[int]] = defaultdict(list)
        self._mentions: dict[Hashable, list[Mention]] = defaultdict(list)

    def add(self, key: Hashable, mention: Mention) -> None:
        starts = self._starts[key]
        at = bisect_left(starts, mention.start)  # before equal starts: on a tie the first added wins
        starts.insert(at, mention.start)
        self._mentions[key].insert(at, mention)

    def nearest_before(self, key: Hashable, position: int) -> Mention | None:
        """The mention under ``key`` with the greatest start below ``position`` (the first added on ties)."""
        starts = self._starts.get(key)
        if not starts:
            return None
        at = bisect_left(starts, position)
        return self._mentions[key][at - 1] if at else None

    def nearest(self, key: Hashable, position: int) -> Mention | None:
        """The mention under ``key`` closest to ``position`` on either side (before on ties)."""
        starts = self._starts.get(key)
        if not starts:
            return None
        at = bisect_left(starts, position)
        options = [i for i in (at - 1, at) if 0 <= i < len(starts)]
        best = min(options, key=lambda i: (abs(starts[i] - position), starts[i] > position))
        return self._mentions[key][best]


def _closest(found: Iterable[Mention | None], position: int, headline: bool) -> Mention | None:
    """The nearest of several candidates: the latest before ``position``, or for a headline the closest."""
    candidates = [m for m in found if m is not None]
    if not candidates:
        return None
    if headline:
        return min(candidates, key=lambda m: (abs(m.start - position), m.start > position))
    return max(candidates, key=lambda m: m.start)


def _agreeing_keys(verb_gender: str) -> tuple[Hashable, ...]:
    """Index keys of the mentions whose gender agrees with a verb (see :func:`_gender_agrees`)."""
    if not verb_gender:
        return ("any",)
    if verb_gender == "f":
        return (("gender", "f"), ("plural-body",))
    return (("gender", verb_gender),)


def _gender_keys(mention: Mention) -> list[Hashable]:
    keys: list[Hashable] = ["any", ("gender", mention.info.gender)]
    if mention.info.gender == "pl" and mention.info.type in {"anonymous", "organization"}:
        keys.append(("plural-body",))  # "قالت مصادر" / "أعلنت قوات": a feminine verb for a plural body
    return keys


class EntityResolver:
    """Assigns entity numbers to mentions in document order."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.entity_info: dict[int, SourceInfo] = {}
        self._next = 0
        self._by_words = _PositionIndex()
        self._by_key = _PositionIndex()  # (organization or outlet key, type)
        self._by_surname = _PositionIndex()  # last one or two words of a named person's mention
        self._by_head = _PositionIndex()  # ("head", entity head) and ("type", entity type)
        self._by_entity = _PositionIndex()
        self._by_gender = _PositionIndex()
        self._by_span: dict[tuple[int, int], Mention] = {}

    def at_span(self, start: int, end: int) -> Mention | None:
        """The mention already recorded at exactly this span, if any."""
        return self._by_span.get((start, end))

    def add(self, mention: Mention) -> Mention:
        """Resolve ``mention`` against earlier ones and record it."""
        antecedent = self._antecedent(mention)
        if antecedent is not None:
            mention.entity = antecedent.entity
            known = self.entity_info[mention.entity]
            if known.affiliation is None and mention.info.affiliation is not None and mention.anaphor_of is None:
                # a later mention may say more ("قسد" after "المكتب الإعلامي"): the entity learns it
                known = self.entity_info[mention.entity] = replace(known, affiliation=mention.info.affiliation)
            if known.type == "anonymous" and mention.info.type == "named_person" and mention.info.confident \
                    and mention.anaphor_of is None:
                # "البائع" then "البائع نبيل مروان": the entity turns out to be named
                self.entity_info[mention.entity] = replace(known, type="named_person")
        else:
            mention.entity = self._next
            self.entity_info[self._next] = mention.info
            self._next += 1
        self._index(mention)
        self._by_span.setdefault((mention.start, mention.end), mention)
        self.mentions.append(mention)
        return mention

    def _index(self, mention: Mention) -> None:
        info, entity_info = mention.info, self.entity_info[mention.entity]
        self._by_words.add(mention.words, mention)
        if info.key:
            self._by_key.add((info.key, info.type), mention)
        if info.type == "named_person":
            for length in (1, 2):
                if len(mention.words) > length and not _body_in_construct(mention.words, length):
                    self._by_surname.add(mention.words[-length:], mention)
        self._by_head.add(("head", entity_info.head), mention)
        self._by_head.add(("type", entity_info.type), mention)
        self._by_head.add(("own-head", info.head), mention)
        self._by_entity.add(mention.entity, mention)
        if not speaks_verses(mention):
            for key in _gender_keys(mention):
                self._by_gender.add(key, mention)

    def _lookup(self, index: _PositionIndex, key: Hashable, mention: Mention) -> Mention | None:
        if mention.headline:
            return index.nearest(key, mention.start)
        return index.nearest_before(key, mention.start)

    def _antecedent(self, mention: Mention) -> Mention | None:
        if mention.anaphor_of is not None:
            # المصدر prefers an earlier مصدر to an earlier مصادر, however close the latter.
            for wanted in mention.anaphor_of:
                found = _closest((self._lookup(self._by_head, ("head", wanted), mention),
                                  self._lookup(self._by_head, ("type", wanted), mention)),
                                 mention.start, mention.headline)
                if found is not None:
                    return found
        candidates = [self._lookup(self._by_words, mention.words, mention)]
        if mention.info.key:
            candidates.append(self._lookup(self._by_key, (mention.info.key, mention.info.type), mention))
        if len(mention.words) <= 2:
            candidates.append(self._lookup(self._by_surname, mention.words, mention))
        if mention.titled_surname:
            candidates.append(self._lookup(self._by_surname, mention.words[-1:], mention))
        if mention.headline and len(mention.words) == 1:
            candidates.append(self._lookup(self._by_head, ("own-head", mention.info.head), mention))
        return _closest(candidates, mention.start, mention.headline)

    def speaker_before(self, position: int, verb_gender: str, last_source: Mention | None) -> Mention | None:
        """The mention an unstated subject refers to: the last speaker, else the nearest agreeing mention."""
        if last_source is not None and _gender_agrees(verb_gender, last_source):
            return self.latest_of(last_source.entity, position)
        found = _closest((self._by_gender.nearest_before(key, position) for key in _agreeing_keys(verb_gender)),
                         position, headline=False)
        if found is not None:
            return found
        return self.latest_of(last_source.entity, position) if last_source is not None else None

    def latest_of(self, entity: int, position: int) -> Mention | None:
        """The nearest mention of ``entity`` that starts before ``position``."""
        return self._by_entity.nearest_before(entity, position)


def _body_in_construct(words: tuple[str, ...], length: int) -> bool:
    """True when the last ``length`` words follow a body's head in لـ/بـ ("المديرة العامة لصندوق النقد الدولي",
    "المتحدث الرسمي لهيئة الغذاء والدواء"): they name the body the person works for, not the person, so the
    headline's "النقد الدولي:" is the fund, not its director."""
    before, last = words[-length - 1], words[-length:]
    return len(before) > 3 and before[0] in "لب" and (
        before.endswith("ة") or (length == 2 and all(word.startswith(("ال", "وال")) for word in last)))


def speaks_verses(mention: Mention) -> bool:
    """God, the speaker of a verse ("قال الله تعالى"): never the unstated subject of a later verb."""
    return mention.words[:1] == (_GOD,)


def _gender_agrees(verb_gender: str, mention: Mention) -> bool:
    if not verb_gender:
        return True
    return verb_gender == mention.info.gender or (verb_gender == "f" and mention.info.gender == "pl"
                                                   and mention.info.type in {"anonymous", "organization"})
