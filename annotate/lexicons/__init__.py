"""Word lists as data: loaded once, validated, normalised for matching.

Fact-checkers extend the YAML files beside this module without touching Python, or layer a
folder of additions over them (``annotate pre --lexicons DIR``, ``ANNOTATE_LEXICONS``). A malformed file raises
:class:`LexiconError` naming the file and entry; a mistake in a layer is named in the layer's own file, by
its number there, because each layer is checked on its own, not only once merged.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotate.errors import LexiconError
from annotate.io import read_yaml
from annotate.preannotate.text import normalize_word

DEFAULT_DIR = Path(__file__).resolve().parent
FILES = ("cues.yaml", "sources.yaml", "organizations.yaml", "media.yaml", "affiliations.yaml", "forenames.yaml")
IGNORED_CUE_KEYS = frozenset({"deleted_by_reviewers"})  # `annotate learn`'s deleted cues, for a person to act on
VERB_KEYS = ("forms", "object", "preposition", "nested", "accuses", "topic", "object_words", "complement_too",
             "document_subject", "marked_only", "describes", "outlet_subject", "warns")
Phrase = tuple[str, ...]


@dataclass(frozen=True)
class VerbForm:
    """A reporting-verb surface form and what agreement it shows."""

    gender: str  # "m", "f" or "pl"
    takes_object: bool
    prepositions: frozenset[str]
    nested: bool
    accuses: bool = False  # "اتهم X Y بـ…": the first object is the accused, the content follows بـ
    topic: bool = False  # "تحدث عن …": a claim only when the noun is an event noun (object_starters)
    object_words: frozenset[str] = frozenset()  # "حمّل X مسؤولية …": the content must open with one of these
    complement_too: bool = False  # with object_words, أن reports too ("قدّر حجم السوق بـ…", "قدّر أن …")
    document_subject: bool = False  # "تضمن القرار …", "يقضي بـ…": reports only when a document speaks
    marked_only: bool = False  # "وزاد: …": reports only when the words follow at once or after a known source
    describes: bool = False  # with accuses, "وصف المباراة بالقوية": the one described is part of the content
    outlet_subject: bool = False  # "علمت «عكاظ» أن …": a subject no list knows is the outlet that learned it
    warns: bool = False  # "حذّر من تناول …": a warning against doing something is advice, no claim


@dataclass(frozen=True)
class Lexicon:
    """All word lists, normalised (see :func:`annotate.preannotate.text.normalize_word`)."""

    verbs: dict[str, VerbForm]
    participles: frozenset[str]
    verbal_nouns: frozenset[str]
    prepositions: frozenset[Phrase]
    closing_prepositions: frozenset[Phrase]  # "كما أعلنت X" after its claim, only when X closes the clause
    preposition_verbs: frozenset[str]
    passive: frozenset[Phrase]
    passive_vocalized: frozenset[str]
    # passive entries written only with their damma (ذُكر، أُعلن), as plain words: unvocalised, the text
    # may mean the active verb as well
    passive_vocalized_only: frozenset[str]
    complementizers: frozenset[str]
    complementizer_prepositions: frozenset[str]
    anonymous_heads: frozenset[str]
    anonymity_markers: frozenset[Phrase]
    local_markers: frozenset[Phrase]
    person_titles: frozenset[Phrase]
    organization_heads: frozenset[Phrase]
    media_heads: frozenset[Phrase]
    anaphors: dict[str, tuple[str, ...]]  # antecedent heads, most likely first
    channel_starters: frozenset[Phrase]
    np_prepositions: frozenset[str]
    organizations: dict[Phrase, str]
    media: dict[Phrase, str]
    affiliation_words: dict[Phrase, str]
    government_words: dict[Phrase, str]
    affiliation_keys: dict[str, str]
    affiliations: tuple[str, ...]
    forenames: frozenset[str] = frozenset()
    background: frozenset[Phrase] = frozenset()  # the outlet's own background: "يذكر أن"
    object_participles: frozenset[str] = frozenset()  # مؤكداً أهمية …
    judging_words: frozenset[str] = frozenset()  # اعتبر، عدّ، معتبراً: "… هذا العمل اعتداءً"
    not_claim_objects: frozenset[str] = frozenset()  # شكره، أمله: no claim as an object
    praised_objects: frozenset[str] = frozenset()  # جهود، دور …: after بـ (نوه بجهود …) praise, no claim
    boundary_words: frozenset[str] = frozenset()  # داعياً، وطالب: end a claim, never cue one
    state_names: frozenset[str] = frozenset()  # السودان، البحرين: a state as a source is an organization
    # small word classes the stages consult (see the comments in cues.yaml and sources.yaml)
    clause_connectives: frozenset[str] = frozenset()
    content_connectives: frozenset[str] = frozenset()
    not_complementizer_before: frozenset[str] = frozenset()
    proverb_words: frozenset[str] = frozenset()  # "يقول المثل …": a proverb, nobody's claim
    rumour_nouns: frozenset[str] = frozenset()  # "وترددت أنباء عن …": the news a passive report is about
    warned_against: frozenset[str] = frozenset()  # "حذّر من تناول …": what one is told not to do, no claim
    rumour_verbs: frozenset[str] = frozenset()  # "ترددت أنباء عن …": passive reports of circulated news only
    copulas: frozenset[str] = frozenset()
    so_called: frozenset[str] = frozenset()
    not_object_words: frozenset[str] = frozenset()
    one_of: frozenset[str] = frozenset()
    some_of: frozenset[str] = frozenset()
    counts: frozenset[str] = frozenset()  # "ثلاثة مسؤولين", "عدة مصادر": a number of people, typed by them
    government_heads: frozenset[str] = frozenset()
    woman_words: frozenset[str] = frozenset()
    masculine_names_in_ta: frozenset[str] = frozenset()
    feminine_names: frozenset[str] = frozenset()
    plural_heads: frozenset[str] = frozenset()
    feminine_plural_heads: frozenset[str] = frozenset()
    object_starters: frozenset[str] = frozenset()
    position_starters: frozenset[str] = frozenset()  # أهمية، ضرورة: a stated position, never a topic's event
    document_heads: frozenset[str] = frozenset()  # القرار، البيان، التقرير …: what a document verb needs as subject
    mention_trailers: frozenset[str] = frozenset()  # رحمه، حفظه، ومقره …: words after a mention, never part of it
    manner_words: frozenset[str] = frozenset()  # بنبرة، بالنص …: how it was said, after the verb; never a source
    named_body_heads: frozenset[str] = frozenset()  # شركة، مجموعة …: "شركة جازبروم" then "جازبروم" is the body
    sector_adjectives: frozenset[str] = frozenset()  # الأمني، المصرفي …: what an official deals with, never a family name
    holder_titles: frozenset[str] = frozenset()  # اللواء، المهندس، الدكتور …: the holder's name follows
    generic_persons: frozenset[str] = frozenset()  # ابن، طالب، طبيب …: a person only with a name after them
    directorates: frozenset[str] = frozenset()  # صحة، تعليم، جوازات …: "صحة الأحساء" is the region's directorate
    norms: frozenset[str] = frozenset()  # ميثاق، قانون، ضوابط …: what "وفقاً لـ" follows when it means "in accordance with"
    honorifics: frozenset[Phrase] = frozenset()  # "قال تعالى", "قال صلى الله عليه وسلم": praise, no named speaker


# ---------------------------------------------------------------- reading and checking

def _load(path: Path) -> Any:
    return read_yaml(path, LexiconError)


def _listed(value: Any) -> Any:
    """``value``, or an empty list for a missing file or key (a layer holds only what it adds)."""
    return [] if value is None else value


def _phrase(entry: Any, where: str) -> Phrase:
    if not isinstance(entry, str) or not entry.strip():
        raise LexiconError(f"{where}: expected a non-empty word or phrase, got {entry!r}")
    return tuple(w for w in normalize_word(entry).replace('"', " ").split() if w)


def _phrases(entries: Any, where: str, item: str = "entry") -> frozenset[Phrase]:
    """A word list, normalised; a bad entry is named by its number in the list (the first is 1)."""
    if not isinstance(entries, list):
        raise LexiconError(f"{where}: expected a list")
    return frozenset(_phrase(entry, f"{where}: {item} {n}") for n, entry in enumerate(entries, start=1))


def _vowelled(entry: Any) -> bool:
    """An entry written with a short vowel or tanween (ذُكر): the vowel says what the plain word cannot."""
    return isinstance(entry, str) and any("\u064b" <= ch <= "\u0652" for ch in entry)


def _vocalized_only(entries: list[str]) -> frozenset[str]:
    """The plain words of the passive entries written only with a short vowel (ذُكر but no ذكر entry)."""
    plain = {normalize_word(e) for e in entries if isinstance(e, str) and not _vowelled(e)}
    return frozenset(normalize_word(e) for e in entries if _vowelled(e)) - plain


def _words(entries: Any, where: str) -> frozenset[str]:
    return frozenset(" ".join(p) for p in _phrases(entries, where))


class _Lists:
    """A file (or affiliation) that maps keys to word lists, read key by key so that a message names the key.

    :meth:`check_all_read` then refuses a key nothing read: misspelt in a layer, it would add nothing, silently.
    """

    def __init__(self, content: Any, where: str, ignored: frozenset[str] = frozenset()) -> None:
        content = {} if content is None else content
        if not isinstance(content, dict):
            raise LexiconError(f"{where}: expected a mapping of keys to lists, got a {type(content).__name__}")
        self.where = where
        self._content = content
        self._unread = set(content) - ignored

    def get(self, key: str) -> Any:
        """The value of ``key`` as written; an empty list when it is missing or empty."""
        self._unread.discard(key)
        return _listed(self._content.get(key))

    def phrases(self, key: str) -> frozenset[Phrase]:
        return _phrases(self.get(key), f"{self.where}, {key}")

    def words(self, key: str) -> frozenset[str]:
        return _words(self.get(key), f"{self.where}, {key}")

    def kept(self, key: str, withdrawn: frozenset[str]) -> list[str]:
        """The entries of ``key`` as written whose normalised form is not ``withdrawn``."""
        self.phrases(key)  # a bad entry is named by its number here, before any is left out
        return [entry for entry in self.get(key) if " ".join(_phrase(entry, self.where)) not in withdrawn]

    def check_all_read(self) -> None:
        if self._unread:
            raise LexiconError(f"{self.where}: unknown key {min(self._unread, key=str)!r}")


def _flag(entry: dict[str, Any], key: str, where: str) -> bool:
    value = entry.get(key)
    if value is not None and not isinstance(value, bool):
        raise LexiconError(f"{where}: '{key}' must be true or false, got {value!r}")
    return bool(value)


def _entry_words(entry: dict[str, Any], key: str, where: str) -> frozenset[str]:
    """A verb entry's optional word list, normalised; a bare string would be read letter by letter."""
    words = entry.get(key) or []
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise LexiconError(f"{where}: '{key}' must be a list of words")
    return frozenset(normalize_word(w) for w in words)


def _verb_entry(entry: Any, where: str) -> tuple[list[str], VerbForm]:
    """One entry of ``verbs``: its forms, normalised, and what they share (each form's ``gender`` is its own)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("forms"), list) or not entry["forms"]:
        raise LexiconError(f"{where} needs a non-empty 'forms' list")
    unknown = [key for key in entry if key not in VERB_KEYS]
    if unknown:
        raise LexiconError(f"{where}: unknown key {unknown[0]!r} (a verb takes {', '.join(VERB_KEYS)})")
    if not all(isinstance(form, str) and form.strip() for form in entry["forms"]):
        raise LexiconError(f"{where}: 'forms' must be a list of words")
    shared = VerbForm(
        gender="m",
        takes_object=_flag(entry, "object", where),
        prepositions=_entry_words(entry, "preposition", where),
        nested=_flag(entry, "nested", where),
        accuses=_flag(entry, "accuses", where),
        topic=_flag(entry, "topic", where),
        object_words=_entry_words(entry, "object_words", where),
        complement_too=_flag(entry, "complement_too", where),
        document_subject=_flag(entry, "document_subject", where),
        marked_only=_flag(entry, "marked_only", where),
        describes=_flag(entry, "describes", where),
        outlet_subject=_flag(entry, "outlet_subject", where),
        warns=_flag(entry, "warns", where),
    )
    return [normalize_word(form) for form in entry["forms"]], shared


def _gender(form: str, forms: list[str]) -> str:
    """The agreement ``form`` shows beside the other ``forms`` of its verb (the first: he said): pl, f or m."""
    base = forms[0]
    if form.endswith(("وا", "ون")) or form == base + "ا":
        return "pl"
    if form == base + "ت" or (form.startswith("ت") and "ي" + form[1:] in forms):
        return "f"
    return "m"


def _verb_forms(entries: Any, where: str) -> dict[str, VerbForm]:
    if not isinstance(entries, list):
        raise LexiconError(f"{where}: 'verbs' must be a list")
    verbs: dict[str, VerbForm] = {}
    for number, entry in enumerate(entries, start=1):
        forms, shared = _verb_entry(entry, f"{where}: verb {number}")
        for form in forms:
            verbs.setdefault(form, replace(shared, gender=_gender(form, forms)))
    return verbs


def _named(entries: Any, where: str) -> dict[Phrase, str]:
    """organizations.yaml, media.yaml: each name -> the key its mentions are merged by."""
    entries = _listed(entries)
    if not isinstance(entries, list):
        raise LexiconError(f"{where}: expected a list of {{key, names}}")
    table: dict[Phrase, str] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or "key" not in entry or not isinstance(entry.get("names"), list):
            raise LexiconError(f"{where}: entry {number} needs 'key' and a 'names' list")
        for phrase in _phrases(entry["names"], f"{where}: entry {number}", item="name"):
            table[phrase] = str(entry["key"])
    return table


def _anaphors(entries: Any, where: str) -> dict[str, tuple[str, ...]]:
    """sources.yaml's ``anaphors``: a word (البيان) -> the heads it refers back to, most likely first."""
    if not isinstance(entries, dict):
        raise LexiconError(f"{where}: expected a mapping of words to lists of heads")
    table: dict[str, tuple[str, ...]] = {}
    for word, heads in entries.items():
        if not isinstance(word, str) or not isinstance(heads, list) or not all(isinstance(h, str) for h in heads):
            raise LexiconError(f"{where}, {word}: expected a list of heads")
        table[normalize_word(word)] = tuple(normalize_word(head) for head in heads)
    return table


_Affiliations = tuple[dict[Phrase, str], dict[Phrase, str], dict[str, str], tuple[str, ...]]


def _affiliations(content: Any, where: str) -> _Affiliations:
    """affiliations.yaml: (words, government words, organization and media keys, affiliation keys)."""
    content = {} if content is None else content
    if not isinstance(content, dict):
        raise LexiconError(f"{where}: expected a mapping of affiliation keys")
    words: dict[Phrase, str] = {}
    government: dict[Phrase, str] = {}
    keys: dict[str, str] = {}
    for key, spec in content.items():
        lists = _Lists(spec, f"{where}, {key}", ignored=frozenset({"label"}))
        words |= dict.fromkeys(lists.phrases("words"), key)
        government |= dict.fromkeys(lists.phrases("government"), key)
        known = lists.get("keys")
        if not isinstance(known, list):
            raise LexiconError(f"{lists.where}, keys: expected a list")
        keys |= dict.fromkeys(map(str, known), key)
        lists.check_all_read()
    return words, government, keys, tuple(str(key) for key in content)


def _with_article_dropped(words: frozenset[str]) -> frozenset[str]:
    """``words`` and each without its article, so that a starter matches with or without ال."""
    return frozenset(w for e in words for w in (e, e.removeprefix("ال")))


def _lexicon(data: dict[str, Any], folder: Path) -> Lexicon:
    """The lexicon in ``data`` (file name -> parsed YAML; a missing file or key counts as empty), checked entry by
    entry, messages naming the files as ``folder``'s: the same rules check a layer on its own (:func:`layered_data`)."""
    where = {name: str(folder / name) for name in FILES}
    cues = _Lists(data.get("cues.yaml"), where["cues.yaml"], ignored=IGNORED_CUE_KEYS)
    sources = _Lists(data.get("sources.yaml"), where["sources.yaml"])
    affiliation_words, government_words, affiliation_keys, affiliations = _affiliations(
        data.get("affiliations.yaml"), where["affiliations.yaml"])
    # `withdrawn`: cue forms taken out of the lists (a layer's way to remove, e.g. what `annotate learn`
    # found reviewers always delete); the only key of a layer that removes rather than adds
    withdrawn = cues.words("withdrawn")
    rumour_verbs = cues.kept("rumour_verbs", withdrawn)
    passive = cues.kept("passive", withdrawn) + rumour_verbs  # a rumour verb is found as a passive report
    positions = cues.words("position_starters")
    lexicon = Lexicon(
        verbs={form: verb for form, verb in _verb_forms(cues.get("verbs"), cues.where).items()
               if form not in withdrawn},
        participles=cues.words("participles") - withdrawn,
        verbal_nouns=cues.words("verbal_nouns") - withdrawn,
        prepositions=frozenset(p for p in cues.phrases("prepositions") | cues.phrases("closing_prepositions")
                               if " ".join(p) not in withdrawn),
        closing_prepositions=cues.phrases("closing_prepositions"),
        preposition_verbs=cues.words("preposition_verbs"),
        passive=_phrases(passive, f"{cues.where}, passive"),
        passive_vocalized=frozenset(p for p in passive if _vowelled(p)),
        passive_vocalized_only=_vocalized_only(passive),
        complementizers=cues.words("complementizers"),
        complementizer_prepositions=cues.words("complementizer_prepositions"),
        anonymous_heads=sources.words("anonymous_heads"),
        anonymity_markers=sources.phrases("anonymity_markers"),
        local_markers=sources.phrases("local_markers"),
        person_titles=sources.phrases("person_titles"),
        organization_heads=sources.phrases("organization_heads"),
        media_heads=sources.phrases("media_heads"),
        anaphors=_anaphors(sources.get("anaphors") or {}, f"{sources.where}, anaphors"),
        channel_starters=sources.phrases("channel_starters"),
        np_prepositions=sources.words("np_prepositions"),
        organizations=_named(data.get("organizations.yaml"), where["organizations.yaml"]),
        media=_named(data.get("media.yaml"), where["media.yaml"]),
        affiliation_words=affiliation_words,
        government_words=government_words,
        affiliation_keys=affiliation_keys,
        affiliations=affiliations,
        object_starters=_with_article_dropped(cues.words("object_starters") | positions),
        position_starters=_with_article_dropped(positions),
        forenames=_words(_listed(data.get("forenames.yaml")), where["forenames.yaml"]),
        background=cues.phrases("background"),
        object_participles=cues.words("object_participles") - withdrawn,
        judging_words=cues.words("judging_words"),
        not_claim_objects=cues.words("not_claim_objects"),
        praised_objects=cues.words("praised_objects"),
        boundary_words=cues.words("boundary_words"),
        state_names=sources.words("state_names"),
        clause_connectives=cues.words("clause_connectives"),
        content_connectives=cues.words("content_connectives"),
        not_complementizer_before=cues.words("not_complementizer_before"),
        proverb_words=cues.words("proverb_words"),
        rumour_nouns=cues.words("rumour_nouns"),
        warned_against=_with_article_dropped(cues.words("warned_against")),
        rumour_verbs=_words(rumour_verbs, f"{cues.where}, rumour_verbs"),
        copulas=cues.words("copulas"),
        so_called=cues.words("so_called"),
        not_object_words=cues.words("not_object_words"),
        one_of=sources.words("one_of"),
        some_of=sources.words("some_of"),
        counts=sources.words("counts"),
        government_heads=sources.words("government_heads"),
        woman_words=sources.words("woman_words"),
        masculine_names_in_ta=sources.words("masculine_names_in_ta"),
        feminine_names=sources.words("feminine_names"),
        plural_heads=sources.words("plural_heads"),
        feminine_plural_heads=sources.words("feminine_plural_heads"),
        document_heads=sources.words("document_heads"),
        mention_trailers=sources.words("mention_trailers"),
        manner_words=sources.words("manner_words"),
        sector_adjectives=sources.words("sector_adjectives"),
        named_body_heads=sources.words("named_body_heads"),
        honorifics=sources.phrases("honorifics"),
        norms=frozenset(normalize_word(w).removeprefix("ال") for w in sources.words("norms")),
        generic_persons=sources.words("generic_persons"),
        directorates=sources.words("directorates"),
        holder_titles=sources.words("holder_titles"),
    )
    cues.check_all_read()
    sources.check_all_read()
    return lexicon


def load_lexicon(directory: Path | str | None = None) -> Lexicon:
    """Read and validate every word list in ``directory`` (default: the bundled lists, with the folders
    of ``ANNOTATE_LEXICONS`` layered on top: see :func:`layered_lexicon`)."""
    if directory is None and os.environ.get(LAYERS_ENV, "").strip():
        return layered_lexicon(*os.environ[LAYERS_ENV].strip().split(os.pathsep))
    folder = Path(directory or DEFAULT_DIR)
    return _lexicon({name: _load(folder / name) for name in FILES}, folder)


@lru_cache(maxsize=4)
def default_lexicon() -> Lexicon:
    """The lexicon used by the engines, loaded once per process."""
    return load_lexicon()


# ---------------------------------------------------------------- layering

LAYERS_ENV = "ANNOTATE_LEXICONS"  # folders (os.pathsep-separated) layered over the built-in lists


def _merged(base: Any, layer: Any, where: str) -> Any:
    """``layer`` added to ``base``: lists are extended (entries already there kept once), mappings merged."""
    if base is None:
        return layer
    if layer is None:
        return base
    if isinstance(base, dict) and isinstance(layer, dict):
        merged = dict(base)
        for key, value in layer.items():
            merged[key] = _merged(base.get(key), value, f"{where}, {key}")
        return merged
    if isinstance(base, list) and isinstance(layer, list):
        return base + [entry for entry in layer if entry not in base]
    if type(base) is type(layer):
        raise LexiconError(f"{where}: a layer adds to lists and mappings; it cannot change {base!r}")
    raise LexiconError(f"{where}: a layer must add a {type(base).__name__}, not a {type(layer).__name__}")


def layered_data(*layers: Path | str, base: Path | str = DEFAULT_DIR) -> dict[str, Any]:
    """File name -> content of ``base``'s YAML files with each layer folder's files added on top, in order.

    A layer holds any of the files, each with only what it adds (the format of ``annotate learn``'s output);
    entries it repeats are kept once. Layers add; the one exception is ``withdrawn`` in cues.yaml, cue forms
    that :func:`load_lexicon` takes out of the cue lists (what `annotate learn` found reviewers always delete).
    Each layer is checked on its own by the same rules as the built-in lists, so a mistake is named by the
    layer's path as given, its file and the entry's number there (merged, it would sit at another number).
    """
    data = {name: _load(Path(base) / name) for name in FILES}
    for layer in map(Path, layers):
        if not layer.is_dir():
            raise LexiconError(f"{layer}: no such lexicon folder")
        added = {name: _load(layer / name) for name in FILES if (layer / name).is_file()}
        for name, content in added.items():
            data[name] = _merged(data[name], content, str(layer / name))
        _lexicon(added, layer)
    return data


def layered_lexicon(*layers: Path | str) -> Lexicon:
    """The built-in lists with ``layers`` (folders of additions) on top, validated like any lexicon.

    Each layer was checked on its own (:func:`layered_data`) and its entries come after the built-in ones, so
    what fails here is built-in data, rightly named by its file and entry number.
    """
    return _lexicon(layered_data(*layers, base=DEFAULT_DIR), DEFAULT_DIR)
