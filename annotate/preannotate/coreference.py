"""Group source mentions into entities and pick the mention each claim is attributed to.

A later mention joins an earlier entity when it is an anaphor of that entity's head (المصدر
→ مصدر خاص, البيان → the organization that issued it), names the same organization or outlet,
repeats the same words, or is the surname of a named person. A claim with an unstated subject
("ولفت إلى أن …") goes to the nearest earlier mention of the last speaker whose gender agrees
with the verb.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from annotate.preannotate.sources import SourceInfo


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


def _gender_agrees(verb_gender: str, mention: Mention) -> bool:
    if not verb_gender:
        return True
    return verb_gender == mention.info.gender or (verb_gender == "f" and mention.info.gender == "pl"
                                                   and mention.info.type in {"anonymous", "organization"})


class EntityResolver:
    """Assigns entity numbers to mentions in document order."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.entity_info: dict[int, SourceInfo] = {}
        self._next = 0

    def add(self, mention: Mention) -> Mention:
        """Resolve ``mention`` against earlier ones and record it."""
        antecedent = self._antecedent(mention)
        if antecedent is not None:
            mention.entity = antecedent.entity
            known = self.entity_info[mention.entity]
            if known.affiliation is None and mention.info.affiliation is not None and mention.anaphor_of is None:
                # a later mention may say more ("قسد" after "المكتب الإعلامي"): the entity learns it
                self.entity_info[mention.entity] = replace(known, affiliation=mention.info.affiliation)
        else:
            mention.entity = self._next
            self.entity_info[self._next] = mention.info
            self._next += 1
        self.mentions.append(mention)
        return mention

    def _candidates(self, mention: Mention) -> list[Mention]:
        """Earlier mentions, nearest first; for a headline (read last) every mention, nearest first."""
        if mention.headline:
            return sorted(self.mentions, key=lambda m: abs(m.start - mention.start))
        return sorted((m for m in self.mentions if m.start < mention.start), key=lambda m: -m.start)

    def _antecedent(self, mention: Mention) -> Mention | None:
        candidates = self._candidates(mention)
        if mention.anaphor_of is not None:
            # المصدر prefers an earlier مصدر to an earlier مصادر, however close the latter.
            for wanted in mention.anaphor_of:
                for earlier in candidates:
                    info = self.entity_info[earlier.entity]
                    if wanted in (info.head, info.type):
                        return earlier
        for earlier in candidates:
            if mention.words == earlier.words:
                return earlier
            if mention.info.key and mention.info.key == earlier.info.key and mention.info.type == earlier.info.type:
                return earlier
            if (earlier.info.type == "named_person" and len(mention.words) <= 2 and len(earlier.words) > len(mention.words)
                    and earlier.words[-len(mention.words):] == mention.words):
                return earlier
            if mention.headline and len(mention.words) == 1 and mention.info.head == earlier.info.head:
                return earlier  # "مصدر: …" in a headline is the مصدر the article quotes
        return None

    def speaker_before(self, position: int, verb_gender: str, last_source: Mention | None) -> Mention | None:
        """The mention an unstated subject refers to: the last speaker, else the nearest agreeing mention."""
        if last_source is not None and _gender_agrees(verb_gender, last_source):
            return self.latest_of(last_source.entity, position)
        for earlier in sorted((m for m in self.mentions if m.start < position), key=lambda m: -m.start):
            if _gender_agrees(verb_gender, earlier):
                return earlier
        return self.latest_of(last_source.entity, position) if last_source is not None else None

    def latest_of(self, entity: int, position: int) -> Mention | None:
        """The nearest mention of ``entity`` that starts before ``position``."""
        candidates = [m for m in self.mentions if m.entity == entity and m.start < position]
        return max(candidates, key=lambda m: m.start) if candidates else None
