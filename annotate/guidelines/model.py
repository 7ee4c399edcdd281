"""The guidelines' source files, loaded and validated: labels, text, examples, known limitations.

Everything an annotator reads, and everything the tests run, comes from four files under
``guidelines/``. They are validated here once, with errors that name the file and the field,
so a typo in a YAML key fails loudly instead of silently dropping a paragraph.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from annotate.authoring import document_from_spec
from annotate.errors import InputError
from annotate.io import read_yaml
from annotate.markup import css_colour
from annotate.schema import SOURCE_TYPES, Document

# In a checkout, data/ is a symbolic link to the top-level guidelines/ (where people edit them);
# in an installed wheel it is a folder holding copies of the YAML files.
GUIDELINES_DIR = Path(__file__).resolve().parent / "data"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bi(_Strict):
    """One piece of text in English and in Arabic, always kept together."""

    en: str = Field(min_length=1)
    ar: str = Field(min_length=1)


class Phrase(_Strict):
    """A boundary case of a label: a phrase and the type it gets (rendered as a table, tested)."""

    text: str = Field(min_length=1)
    type: str
    en: str = ""
    ar: str = ""


class SpanLabel(_Strict):
    """A span label of the interface (claim, cue, or a source type).

    Its name becomes a CSS class and an HTML id, its colour goes into the style sheet of the
    self-contained guidelines.html and into Label Studio's interface: both are checked here, so a
    colour such as ``#fff; } body { background: url(…) }`` cannot inject CSS.
    """

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    color: str

    @field_validator("color")
    @classmethod
    def _a_colour(cls, value: str) -> str:
        return css_colour(value)
    en: str
    ar: str
    display: Bi | None = None  # the short name shown in Label Studio (Arabic and English); the stored value stays `name`
    details_en: str = ""
    details_ar: str = ""
    phrases: tuple[Phrase, ...] = ()


class Choice(_Strict):
    """A per-region choice (kind, affiliation, check-worthiness)."""

    en: str
    ar: str
    values: tuple[str, ...] = ()
    details_en: str = ""
    details_ar: str = ""
    definitions: dict[str, Bi] = Field(default_factory=dict)
    title: Bi | None = None  # the question shown above the choice in Label Studio
    display: dict[str, Bi] = Field(default_factory=dict)  # value -> short name shown in Label Studio

    @model_validator(mode="after")
    def _display_names_known_values(self) -> Choice:
        known = set(self.values) | set(self.definitions)
        unknown = sorted(set(self.display) - known)
        if unknown:
            raise ValueError(f"display names for values that are not defined: {', '.join(unknown)}")
        return self


class Relation(_Strict):
    name: str
    en: str
    ar: str


class Labels(_Strict):
    """``guidelines/labels.yaml``: the single source of label definitions."""

    span_labels: tuple[SpanLabel, ...]
    choices: dict[str, Choice]
    relations: tuple[Relation, ...] = ()

    def names(self) -> set[str]:
        """Every label, choice, choice value and relation name the guidelines define."""
        names = {label.name for label in self.span_labels} | {r.name for r in self.relations}
        for name, choice in self.choices.items():
            names.add(name)
            names.update(choice.values)
            names.update(choice.definitions)
        return names


class Convention(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: Bi
    rule: tuple[Bi, ...]


class Step(_Strict):
    """One question of the decision tree; ``if_yes``/``if_no`` say what to do or which step is next."""

    id: int
    question: Bi
    if_yes: Bi
    if_no: Bi


class Section(_Strict):
    """A part of the guidelines; what it shows besides paragraphs is said by its fields."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: Bi
    paragraphs: tuple[Bi, ...] = ()
    show: str | None = Field(default=None, pattern=r"^(labels|source_types|affiliations|choices)$")
    conventions: tuple[Convention, ...] = ()
    steps: tuple[Step, ...] = ()
    items: tuple[Bi, ...] = ()


class Content(_Strict):
    """``guidelines/content.yaml``: the prose, conventions, decision tree and frequent mistakes."""

    title: Bi
    intro: tuple[Bi, ...] = ()
    sections: tuple[Section, ...]

    def conventions(self) -> dict[str, Convention]:
        return {c.id: c for s in self.sections for c in s.conventions}


class Example(BaseModel):
    """One worked example: the authoring spec plus what the guidelines say about it."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    id: str
    title: str
    title_ar: str = ""
    convention: str
    explanation_en: str
    explanation_ar: str
    document: Document


class KnownLimitation(_Strict):
    id: str
    reason: str = Field(min_length=10)


class Guidelines(BaseModel):
    """All four files, cross-checked: every example names a known convention or source type."""

    model_config = ConfigDict(frozen=True)

    labels: Labels
    content: Content
    examples: tuple[Example, ...]
    known_limitations: tuple[KnownLimitation, ...]

    @model_validator(mode="after")
    def _cross_checked(self) -> Guidelines:
        known = set(self.content.conventions()) | {f"type-{t}" for t in SOURCE_TYPES}
        for example in self.examples:
            if example.convention not in known:
                raise ValueError(f"example {example.id}: unknown convention {example.convention!r}")
        ids = [e.id for e in self.examples]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate example id(s): {', '.join(duplicates)}")
        for limitation in self.known_limitations:
            if limitation.id not in ids:
                raise ValueError(f"known limitation {limitation.id!r} names no example")
        return self

    def examples_for(self, convention: str) -> list[Example]:
        return [e for e in self.examples if e.convention == convention]

    def limitation(self, example_id: str) -> str:
        """Why the pre-annotator still gets this example wrong ("" when it gets it right)."""
        return next((k.reason for k in self.known_limitations if k.id == example_id), "")

    def label(self, name: str) -> SpanLabel:
        return next(label for label in self.labels.span_labels if label.name == name)


def _validated(model: type[BaseModel], data: Any, where: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        raise InputError(f"{where}: {loc + ': ' if loc else ''}{message}") from None


def _example(entry: Any, path: Path, number: int) -> Example:
    if not isinstance(entry, dict):
        raise InputError(f"{path}: example {number} is not a mapping")
    where = f"{path}: example {entry.get('id', number)}"
    for key in ("id", "title", "convention", "explanation_en", "explanation_ar", "text"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise InputError(f"{where}: missing '{key}'")
    try:
        document = document_from_spec(entry)
    except (KeyError, TypeError) as error:
        raise InputError(f"{where}: malformed source or claim entry ({error})") from None
    except ValidationError as error:
        first = error.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{where}: {loc + ': ' if loc else ''}{first['msg']} (got {first.get('input')!r})") from None
    except InputError as error:
        raise InputError(f"{path}: {error}") from None
    fields = {k: entry[k] for k in ("id", "title", "title_ar", "convention", "explanation_en", "explanation_ar") if k in entry}
    return Example(document=document, **fields)


def section_tables(guide: Guidelines, section: Section) -> tuple[str, tuple[str, ...]] | None:
    """What a section shows besides its paragraphs, for every renderer: ("labels" | "choices", names)."""
    if section.show == "labels":
        return "labels", ("claim", "cue")
    if section.show == "source_types":
        return "labels", tuple(label.name for label in guide.labels.span_labels if label.name not in ("claim", "cue"))
    if section.show == "affiliations":
        return "choices", ("affiliation",)
    if section.show == "choices":
        return "choices", tuple(n for n in guide.labels.choices if n != "affiliation")
    return None


def load_guidelines(root: Path | str | None = None) -> Guidelines:
    """Load and cross-check ``labels.yaml``, ``content.yaml``, ``examples.yaml`` and ``known_limitations.yaml``."""
    base = Path(root) if root is not None else GUIDELINES_DIR
    labels = _validated(Labels, read_yaml(base / "labels.yaml"), str(base / "labels.yaml"))
    content = _validated(Content, read_yaml(base / "content.yaml"), str(base / "content.yaml"))
    examples_path = base / "examples.yaml"
    raw_examples = read_yaml(examples_path)
    if not isinstance(raw_examples, dict) or not isinstance(raw_examples.get("examples"), list):
        raise InputError(f"{examples_path}: expected a mapping with a list under 'examples'")
    examples = tuple(_example(entry, examples_path, n) for n, entry in enumerate(raw_examples["examples"], start=1))
    limits_path = base / "known_limitations.yaml"
    raw_limits = read_yaml(limits_path) or {}
    if not isinstance(raw_limits, dict):
        raise InputError(f"{limits_path}: expected a mapping with a list under 'known_limitations'")
    limitations = tuple(
        _validated(KnownLimitation, entry, f"{limits_path}: entry {n}")
        for n, entry in enumerate(raw_limits.get("known_limitations") or [], start=1)
    )
    try:
        return Guidelines(labels=labels, content=content, examples=examples, known_limitations=limitations)
    except ValidationError as error:
        raise InputError(f"{base}: {error.errors()[0]['msg'].removeprefix('Value error, ')}") from None
