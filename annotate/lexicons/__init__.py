"""Word lists as data: loaded once, validated, normalised for matching.

Fact-checkers extend the YAML files beside this module without touching Python, or layer a
folder of additions over them (``annotate pre --lexicons DIR``, ``ANNOTATE_LEXICONS``). A malformed file raises
:class:`LexiconError` naming the file and entry.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotate.errors import LexiconError
from annotate.io import read_yaml
from annotate.preannotate.text import normalize_word

DEFAULT_DIR = Path(__file__).resolve().parent
Phrase = tuple[str, ...]


def _phrase(entry: Any, where: str) -> Phrase:
    if not isinstance(entry, str) or not entry.strip():
        raise LexiconError(f"{where}: expected a non-empty word or phrase, got {entry!r}")
    words = tuple(w for w in normalize_word(entry).replace('"', " ").split() if w)
    return words


def _phrases(entries: Any, where: str) -> frozenset[Phrase]:
    if not isinstance(entries, list):
        raise LexiconError(f"{where}: expected a list")
    return frozenset(_phrase(e, where) for e in entries)


def _words(entries: Any, where: str) -> frozenset[str]:
    return frozenset(" ".join(p) for p in _phrases(entries, where))


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
    document_subject: bool = False  # "تضمن القرار …", "يقضي بـ…": reports only when a document speaks


@dataclass(frozen=True)
class Lexicon:
    """All word lists, normalised (see :func:`annotate.preannotate.text.normalize_word`)."""

    verbs: dict[str, VerbForm]
    participles: frozenset[str]
    verbal_nouns: frozenset[str]
    prepositions: frozenset[Phrase]
    preposition_verbs: frozenset[str]
    passive: frozenset[Phrase]
    passive_vocalized: frozenset[str]
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
    not_claim_objects: frozenset[str] = frozenset()  # شكره، أمله: no claim as an object
    boundary_words: frozenset[str] = frozenset()  # داعياً، وطالب: end a claim, never cue one
    state_names: frozenset[str] = frozenset()  # السودان، البحرين: a state as a source is an organization
    # small word classes the stages consult (see the comments in cues.yaml and sources.yaml)
    clause_connectives: frozenset[str] = frozenset()
    content_connectives: frozenset[str] = frozenset()
    not_complementizer_before: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    so_called: frozenset[str] = frozenset()
    not_object_words: frozenset[str] = frozenset()
    one_of: frozenset[str] = frozenset()
    some_of: frozenset[str] = frozenset()
    government_heads: frozenset[str] = frozenset()
    woman_words: frozenset[str] = frozenset()
    masculine_names_in_ta: frozenset[str] = frozenset()
    feminine_names: frozenset[str] = frozenset()
    plural_heads: frozenset[str] = frozenset()
    feminine_plural_heads: frozenset[str] = frozenset()
    object_starters: frozenset[str] = frozenset()
    document_heads: frozenset[str] = frozenset()  # القرار، البيان، التقرير …: what a document verb needs as subject


def _load(path: Path) -> Any:
    return read_yaml(path, LexiconError)


def _entry_words(entry: dict[str, Any], key: str, where: str, number: int) -> frozenset[str]:
    """A verb entry's optional word list, normalised; a bare string would be read letter by letter."""
    words = entry.get(key) or []
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise LexiconError(f"{where}: verb {number}: '{key}' must be a list of words")
    return frozenset(normalize_word(w) for w in words)


def _verb_forms(entries: Any, where: str) -> dict[str, VerbForm]:
    verbs: dict[str, VerbForm] = {}
    if not isinstance(entries, list):
        raise LexiconError(f"{where}: 'verbs' must be a list")
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("forms"), list) or not entry["forms"]:
            raise LexiconError(f"{where}: verb {number} needs a non-empty 'forms' list")
        forms = [normalize_word(f) for f in entry["forms"]]
        base = forms[0]
        for form in forms:
            if form.endswith(("وا", "ون")) or form == base + "ا":
                gender = "pl"
            elif form == base + "ت" or (form.startswith("ت") and "ي" + form[1:] in forms):
                gender = "f"
            else:
                gender = "m"
            verbs.setdefault(form, VerbForm(
                gender=gender,
                takes_object=bool(entry.get("object", False)),
                prepositions=_entry_words(entry, "preposition", where, number),
                nested=bool(entry.get("nested", False)),
                accuses=bool(entry.get("accuses", False)),
                topic=bool(entry.get("topic", False)),
                object_words=_entry_words(entry, "object_words", where, number),
                document_subject=bool(entry.get("document_subject", False)),
            ))
    return verbs


def _named(entries: Any, where: str) -> dict[Phrase, str]:
    table: dict[Phrase, str] = {}
    if not isinstance(entries, list):
        raise LexiconError(f"{where}: expected a list of {{key, names}}")
    for entry in entries:
        if not isinstance(entry, dict) or "key" not in entry or not isinstance(entry.get("names"), list):
            raise LexiconError(f"{where}: entry {entry!r} needs 'key' and a 'names' list")
        for name in entry["names"]:
            table[_phrase(name, f"{where}, {entry['key']}")] = str(entry["key"])
    return table


def load_lexicon(directory: Path | str | None = None) -> Lexicon:
    """Read and validate every word list in ``directory`` (default: the bundled lists, with the folders
    of ``ANNOTATE_LEXICONS`` layered on top: see :func:`layered_lexicon`)."""
    if directory is None and os.environ.get(LAYERS_ENV, "").strip():
        return layered_lexicon(*os.environ[LAYERS_ENV].strip().split(os.pathsep))
    folder = Path(directory or DEFAULT_DIR)
    cues = _load(folder / "cues.yaml")
    sources = _load(folder / "sources.yaml")
    organizations = _named(_load(folder / "organizations.yaml"), str(folder / "organizations.yaml"))
    media = _named(_load(folder / "media.yaml"), str(folder / "media.yaml"))
    affiliations_raw = _load(folder / "affiliations.yaml")
    where_c, where_s, where_a = (str(folder / n) for n in ("cues.yaml", "sources.yaml", "affiliations.yaml"))
    if not isinstance(affiliations_raw, dict) or not affiliations_raw:
        raise LexiconError(f"{where_a}: expected a mapping of affiliation keys")
    affiliation_words: dict[Phrase, str] = {}
    government_words: dict[Phrase, str] = {}
    affiliation_keys: dict[str, str] = {}
    for key, spec in affiliations_raw.items():
        if not isinstance(spec, dict):
            raise LexiconError(f"{where_a}: {key} needs 'words'")
        for phrase in _phrases(spec.get("words", []), f"{where_a}, {key}"):
            affiliation_words[phrase] = key
        for phrase in _phrases(spec.get("government", []), f"{where_a}, {key}"):
            government_words[phrase] = key
        for known in spec.get("keys", []) or []:
            affiliation_keys[str(known)] = key
    anaphors_raw = sources.get("anaphors") or {}
    # `withdrawn`: cue forms taken out of the lists (a layer's way to remove, e.g. what `annotate learn`
    # found reviewers always delete); the only key of a layer that removes rather than adds
    withdrawn = _words(cues.get("withdrawn", []), where_c)
    passive_raw = cues.get("passive", [])
    if isinstance(passive_raw, list):
        passive_raw = [p for p in passive_raw if " ".join(_phrase(p, where_c)) not in withdrawn]
    return Lexicon(
        verbs={form: verb for form, verb in _verb_forms(cues.get("verbs"), where_c).items() if form not in withdrawn},
        participles=_words(cues.get("participles", []), where_c) - withdrawn,
        verbal_nouns=_words(cues.get("verbal_nouns", []), where_c) - withdrawn,
        prepositions=frozenset(p for p in _phrases(cues.get("prepositions", []), where_c) if " ".join(p) not in withdrawn),
        preposition_verbs=_words(cues.get("preposition_verbs", []), where_c),
        passive=_phrases(passive_raw, where_c),
        passive_vocalized=frozenset(p for p in passive_raw if any("\u064b" <= ch <= "\u0652" for ch in p)),
        complementizers=_words(cues.get("complementizers", []), where_c),
        complementizer_prepositions=_words(cues.get("complementizer_prepositions", []), where_c),
        anonymous_heads=_words(sources.get("anonymous_heads", []), where_s),
        anonymity_markers=_phrases(sources.get("anonymity_markers", []), where_s),
        local_markers=_phrases(sources.get("local_markers", []), where_s),
        person_titles=_phrases(sources.get("person_titles", []), where_s),
        organization_heads=_phrases(sources.get("organization_heads", []), where_s),
        media_heads=_phrases(sources.get("media_heads", []), where_s),
        anaphors={normalize_word(k): tuple(normalize_word(v) for v in vs) for k, vs in anaphors_raw.items()},
        channel_starters=_phrases(sources.get("channel_starters", []), where_s),
        np_prepositions=_words(sources.get("np_prepositions", []), where_s),
        organizations=organizations,
        media=media,
        affiliation_words=affiliation_words,
        government_words=government_words,
        affiliation_keys=affiliation_keys,
        affiliations=tuple(str(k) for k in affiliations_raw),
        object_starters=frozenset(w for e in _words(cues.get("object_starters", []), where_c) for w in (e, e.removeprefix("ال"))),
        forenames=_words(_load(folder / "forenames.yaml"), str(folder / "forenames.yaml")),
        background=_phrases(cues.get("background", []), where_c),
        object_participles=_words(cues.get("object_participles", []), where_c) - withdrawn,
        not_claim_objects=_words(cues.get("not_claim_objects", []), where_c),
        boundary_words=_words(cues.get("boundary_words", []), where_c),
        state_names=_words(sources.get("state_names", []), where_s),
        clause_connectives=_words(cues.get("clause_connectives", []), where_c),
        content_connectives=_words(cues.get("content_connectives", []), where_c),
        not_complementizer_before=_words(cues.get("not_complementizer_before", []), where_c),
        copulas=_words(cues.get("copulas", []), where_c),
        so_called=_words(cues.get("so_called", []), where_c),
        not_object_words=_words(cues.get("not_object_words", []), where_c),
        one_of=_words(sources.get("one_of", []), where_s),
        some_of=_words(sources.get("some_of", []), where_s),
        government_heads=_words(sources.get("government_heads", []), where_s),
        woman_words=_words(sources.get("woman_words", []), where_s),
        masculine_names_in_ta=_words(sources.get("masculine_names_in_ta", []), where_s),
        feminine_names=_words(sources.get("feminine_names", []), where_s),
        plural_heads=_words(sources.get("plural_heads", []), where_s),
        feminine_plural_heads=_words(sources.get("feminine_plural_heads", []), where_s),
        document_heads=_words(sources.get("document_heads", []), where_s),
    )


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
    raise LexiconError(f"{where}: a layer must add a {type(base).__name__}, not a {type(layer).__name__}")


def layered_data(*layers: Path | str, base: Path | str = DEFAULT_DIR) -> dict[str, Any]:
    """File name -> content of ``base``'s YAML files with each layer folder's files added on top, in order.

    A layer holds any of the files, each with only what it adds (the format of ``annotate learn``'s output);
    entries it repeats are kept once. Layers add; the one exception is ``withdrawn`` in cues.yaml, cue forms
    that :func:`load_lexicon` takes out of the cue lists (what `annotate learn` found reviewers always delete).
    """
    data = {path.name: _load(path) for path in sorted(Path(base).glob("*.yaml"))}
    for layer in map(Path, layers):
        if not layer.is_dir():
            raise LexiconError(f"{layer}: no such lexicon folder")
        for path in sorted(layer.glob("*.yaml")):
            if path.name in data:
                data[path.name] = _merged(data[path.name], _load(path), str(path))
    return data


def layered_lexicon(*layers: Path | str) -> Lexicon:
    """The built-in lists with ``layers`` (folders of additions) on top, validated like any lexicon."""
    import tempfile

    import yaml

    if not layers:
        return load_lexicon(DEFAULT_DIR)
    with tempfile.TemporaryDirectory(prefix="annotate-lexicon-") as folder:
        for name, content in layered_data(*layers).items():
            Path(folder, name).write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return load_lexicon(folder)
