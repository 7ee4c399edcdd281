"""``annotate pre``: pre-annotate articles into canonical JSONL."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import typer

from annotate.cli._app import app, friendly_errors
from annotate.cli._progress import stderr, track
from annotate.errors import InputError
from annotate.io import STDIN, input_files, read_documents, write_jsonl
from annotate.learn.model import load_model
from annotate.preannotate import ENGINES


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; choose one of: {', '.join(sorted(ENGINES))}")


def _same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name one file: same resolved path, or same inode (hard link)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output_is_not_an_input(inputs: Sequence[Path | str], output: Path | str) -> None:
    """Refuse ``output`` when it is one of the files ``inputs`` would read (by name, through a
    folder, a symbolic or a hard link): writing it would destroy the input."""
    if str(output) == STDIN:
        return
    for path in input_files(inputs):
        if str(path) != STDIN and _same_file(path, Path(output)):
            also = "" if str(path) == str(output) else f" (as {path})"
            raise InputError(f"{output}: the output is also an input{also}; write it to another file")


def pre(
    inputs: Sequence[Path | str], output: Path | str, engine: str = "rules", show_progress: bool = True,
    lexicons: Sequence[Path] | None = None,
) -> dict[str, int]:
    """Pre-annotate ``inputs`` (.txt, folders, JSONL, .gz, ``-``) into ``output`` (``-``: standard output);
    returns counts.

    ``lexicons``: folders of lexicon additions (``annotate learn``'s output) layered over the built-in lists.
    """
    _check_engine(engine)
    check_output_is_not_an_input(inputs, output)
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
    inputs: list[Path] = typer.Argument(
        ..., help="Articles: .txt files, folders of them, JSONL with id, text, meta (any of them .gz), or - (standard input)."
    ),
    output: Path = typer.Option(..., "-o", "--output", help="Canonical JSONL to write (atomically); - for standard output."),
    engine: str = typer.Option("rules", "--engine", help="rules (no model), stanza or hybrid."),
    lexicons: list[Path] = typer.Option(
        None, "--lexicons", help="A folder of lexicon additions (from `annotate learn`) layered over the built-in lists; "
        "repeat for several. Default: the folders in $ANNOTATE_LEXICONS."),
) -> None:
    """Mark attributed claims, cues and sources in Arabic news."""
    counts = pre(inputs, output, engine, lexicons=lexicons)
    where = "standard output" if str(output) == STDIN else str(output)
    stderr.print(f"{counts['documents']} documents, {counts['claims']} claims, {counts['sources']} source mentions → {where}")
