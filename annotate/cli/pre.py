"""``annotate pre``: pre-annotate articles into canonical JSONL."""

from __future__ import annotations

from pathlib import Path

import typer

from annotate.cli._app import app, friendly_errors
from annotate.cli._progress import stderr, track
from annotate.io import read_documents, write_jsonl
from annotate.learn.model import load_model


def pre(
    inputs: list[Path], output: Path, engine: str = "rules", show_progress: bool = True,
    lexicons: list[Path] | None = None,
) -> dict[str, int]:
    """Pre-annotate ``inputs`` (.txt, folders, JSONL) into ``output``; returns counts.

    ``lexicons``: folders of lexicon additions (``annotate learn``'s output) layered over the built-in lists.
    """
    documents = list(read_documents(inputs))
    ready = load_model(lexicons or (), engine)
    annotated = ready.annotate(documents)
    if show_progress:
        annotated = track(annotated, len(documents), f"pre-annotating ({engine})")
    counts = {"documents": 0, "claims": 0, "sources": 0}

    def counted():
        for doc in annotated:
            counts["documents"] += 1
            counts["claims"] += len(doc.claims)
            counts["sources"] += len(doc.sources)
            yield doc

    write_jsonl(counted(), output)
    return counts


@app.command("pre")
@friendly_errors
def pre_cli(
    inputs: list[Path] = typer.Argument(..., help="Articles: .txt files, folders of them, or JSONL with id, text, meta."),
    output: Path = typer.Option(..., "-o", "--output", help="Canonical JSONL to write (atomically)."),
    engine: str = typer.Option("rules", "--engine", help="rules (no model), stanza or hybrid."),
    lexicons: list[Path] = typer.Option(
        None, "--lexicons", help="A folder of lexicon additions (from `annotate learn`) layered over the built-in lists; "
        "repeat for several. Default: the folders in $ANNOTATE_LEXICONS."),
) -> None:
    """Mark attributed claims, cues and sources in Arabic news."""
    counts = pre(inputs, output, engine, lexicons=lexicons)
    stderr.print(f"{counts['documents']} documents, {counts['claims']} claims, {counts['sources']} source mentions "
                 f"→ {output}")
