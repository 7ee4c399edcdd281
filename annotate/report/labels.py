"""Bilingual names and colours of the report's categories, from ``labels.yaml`` beside this module.

Source-type colours are taken from ``guidelines/labels.yaml`` when the guidelines are there, so
the report, the guidelines and the Label Studio interface show a type in one colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from annotate.errors import LexiconError
from annotate.io import read_yaml

LABELS_FILE = Path(__file__).resolve().parent / "labels.yaml"
GUIDELINE_LABELS = Path(__file__).resolve().parents[2] / "guidelines" / "labels.yaml"


@dataclass(frozen=True)
class Name:
    """An English and an Arabic name (and a colour for plotted categories)."""

    en: str
    ar: str
    color: str = "#888888"

    @property
    def both(self) -> str:
        return f"{self.en} · {self.ar}"


@dataclass(frozen=True)
class ReportLabels:
    source_types: dict[str, Name]
    kinds: dict[str, Name]
    affiliations: dict[str, Name]

    def affiliation(self, key: str) -> str:
        """"English · Arabic" for a known affiliation, the key itself for any other."""
        name = self.affiliations.get(key)
        return name.both if name else key


def _names(data: dict, section: str) -> dict[str, Name]:
    entries = data.get(section)
    if not isinstance(entries, dict):
        raise LexiconError(f"{LABELS_FILE}: '{section}' must be a mapping")
    names = {}
    for key, entry in entries.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("en"), str) or not isinstance(entry.get("ar"), str):
            raise LexiconError(f"{LABELS_FILE}: {section}.{key} needs 'en' and 'ar'")
        names[str(key)] = Name(entry["en"], entry["ar"], str(entry.get("color", "#888888")))
    return names


def _guideline_colours() -> dict[str, str]:
    if not GUIDELINE_LABELS.exists():
        return {}
    data = read_yaml(GUIDELINE_LABELS, LexiconError) or {}
    return {label["name"]: label["color"] for label in data.get("span_labels", []) if "color" in label}


@cache
def load_labels() -> ReportLabels:
    """The report's names and colours, validated once."""
    data = read_yaml(LABELS_FILE, LexiconError)
    if not isinstance(data, dict):
        raise LexiconError(f"{LABELS_FILE}: expected a mapping")
    colours = _guideline_colours()
    types = {k: Name(v.en, v.ar, colours.get(k, v.color)) for k, v in _names(data, "source_types").items()}
    return ReportLabels(types, _names(data, "kinds"), _names(data, "affiliations"))
