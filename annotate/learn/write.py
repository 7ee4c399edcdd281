"""Lexicon additions as YAML a person reads and edits: the lists' own format, each entry preceded by
a comment saying why it is there, how often it was seen and where (document id, span text)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import yaml

from annotate.learn.lexicon import FILES, Entry


def _flow(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6).strip().removesuffix("...").strip()


def _comment(entry: Entry) -> list[str]:
    seen = f"{entry.reason}: seen in {entry.count} documents" + (
        f", kept {entry.kept}×" if entry.section in ("deleted_by_reviewers", "withdrawn") else "")
    lines = [f"# {seen}"]
    lines += [f"#   {doc_id}: {' '.join(text.split())}" for doc_id, text in entry.examples]
    return lines


def _items(entries: list[Entry], indent: str) -> list[str]:
    lines: list[str] = []
    for entry in entries:
        lines += [indent + line for line in _comment(entry)]
        values = entry.value if isinstance(entry.value, list) else [entry.value]  # a word with its other forms
        lines += [f"{indent}- {_flow(value)}" for value in values]
    return lines


def render(file: str, entries: list[Entry], header: str) -> str:
    """One YAML file of additions (only a header comment when there are none)."""
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    if not entries:
        lines.append("# Nothing to add here.")
        return "\n".join(lines) + "\n"
    if all(e.section is None for e in entries):
        return "\n".join(lines + _items(entries, "")) + "\n"
    nested: dict[str, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    flat: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if file == "affiliations.yaml":
            affiliation, part = (entry.section or ".").split(".", 1)
            nested[affiliation][part].append(entry)
        else:
            flat[entry.section or ""].append(entry)
    for section, items in flat.items():
        lines.append(f"{section}:")
        lines += _items(items, "  ")
    for affiliation, parts in nested.items():
        lines.append(f"{affiliation}:")
        for part, items in parts.items():
            lines.append(f"  {part}:")
            lines += _items(items, "    ")
    return "\n".join(lines) + "\n"


def render_all(entries: list[Entry], header: str) -> dict[str, str]:
    """File name -> YAML text, for every lexicon file (empty ones too, so an old addition never survives)."""
    by_file: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_file[entry.file].append(entry)
    return {name: render(name, by_file.get(name, []), header) for name in FILES}

