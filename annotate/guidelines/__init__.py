"""Annotation guidelines: loaded from ``guidelines/*.yaml``, rendered to Markdown, HTML and Label Studio.

One set of source files feeds the document annotators read, the Label Studio instructions and
hints, and the example tests run against the pre-annotator.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from annotate.errors import InputError
from annotate.guidelines.html import render_html
from annotate.guidelines.instructions import instructions_html, label_hints
from annotate.guidelines.markdown import render_markdown
from annotate.guidelines.model import GUIDELINES_DIR, Example, Guidelines, load_guidelines

Format = Literal["html", "md"]
FORMATS: tuple[str, ...] = ("html", "md")

__all__ = [
    "FORMATS", "GUIDELINES_DIR", "Example", "Format", "Guidelines", "instructions_html", "label_hints",
    "load_guidelines", "render_guidelines", "render_html", "render_markdown",
]


def render_guidelines(fmt: str = "html", root: Path | str | None = None) -> str:
    """The guidelines document in ``fmt`` (html or md), from the files under ``root`` (default guidelines/)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown guidelines format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    guide = load_guidelines(root)
    return render_html(guide) if fmt == "html" else render_markdown(guide)
