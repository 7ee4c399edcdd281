"""``annotate pre``: pre-annotate articles into canonical JSONL."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer

from annotate.cli._app import app, friendly_errors
from annotate.cli._progress import stderr, track
from annotate.errors import InputError
from annotate.io import SHARD_SIZE, STDIN, document_lines_writer, input_files, is_folder_output, read_documents
from annotate.preannotate import ENGINES
from annotate.scale import CHUNK_DOCUMENTS, annotate_stream, default_jobs, lexicon_layers


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


_SHARD_NAME = re.compile(r"part-\d{5,}\.jsonl\.gz")


def check_output_is_not_an_input(inputs: Sequence[Path | str], output: Path | str) -> None:
    """Refuse ``output`` when it is one of the files ``inputs`` would read (by name, through a
    folder, a symbolic or a hard link): writing it would destroy the input. A folder output is
    replaced whole, so it may hold no input, and nothing but shards of an earlier run."""
    if str(output) == STDIN:
        return
    if is_folder_output(output):
        _check_folder_output(inputs, Path(output))
        return
    for path in input_files(inputs):
        if str(path) != STDIN and _same_file(path, Path(output)):
            also = "" if str(path) == str(output) else f" (as {path})"
            raise InputError(f"{output}: the output is also an input{also}; write it to another file")


def _check_folder_output(inputs: Sequence[Path | str], folder: Path) -> None:
    inside = os.path.realpath(folder)
    for path in input_files(inputs):
        if str(path) != STDIN and os.path.commonpath([inside, os.path.realpath(path)]) == inside:
            raise InputError(f"{folder}: the output folder holds an input ({path}); write it to another folder")
    if folder.is_dir():
        other = next((entry.name for entry in folder.iterdir() if not _SHARD_NAME.fullmatch(entry.name)), None)
        if other is not None:
            raise InputError(f"{folder}: the output folder holds {other!r}, which is not a shard of ours; "
                             "write to a new or empty folder")


@dataclass
class PreResult:
    """What ``annotate pre`` wrote, and the documents it skipped (``skip_invalid``), each as its one-line reason."""

    documents: int = 0
    claims: int = 0
    sources: int = 0
    skipped: list[str] = field(default_factory=list)


def pre(inputs: Sequence[Path | str], output: Path | str, engine: str = "rules", show_progress: bool = True,
        jobs: int | None = None, scheduler: Any = None, skip_invalid: bool = False,
        shard_size: int = SHARD_SIZE, chunk_size: int = CHUNK_DOCUMENTS,
        lexicons: Sequence[Path | str] | None = None) -> PreResult:
    """Pre-annotate ``inputs`` (.txt, folders, JSONL, .gz, ``-``) into ``output``: a JSONL file (``.gz``:
    compressed), ``-`` (standard output), or a folder (an existing one, or a name ending in ``/``) of
    gzip shards of ``shard_size`` documents.

    Streams: documents are read, annotated and written a chunk at a time, so memory stays flat
    whatever the input size. ``jobs`` worker processes annotate (default: every core; 1: this
    process), or the Dask cluster at ``scheduler`` (``tcp://HOST:PORT`` or a ``distributed.Client``).
    The output is the same bytes whichever runs it, in input order, and written atomically: on an
    error (one line, naming the file and line) nothing is left behind. With ``skip_invalid``,
    documents that cannot be read are skipped and listed in the result instead.

    ``lexicons``: folders of lexicon additions (``annotate learn``'s output) layered over the built-in
    lists (default: the folders in ``$ANNOTATE_LEXICONS``); workers, local or on a cluster, read the
    same folders by their absolute paths.
    """
    _check_engine(engine)
    if shard_size < 1:
        raise InputError(f"--shard-size must be at least 1 (got {shard_size})")
    check_output_is_not_an_input(inputs, output)
    result = PreResult()
    on_invalid = (lambda error: result.skipped.append(str(error))) if skip_invalid else None
    documents = read_documents(inputs, on_invalid=on_invalid)
    chunks = annotate_stream(documents, engine, jobs=jobs, scheduler=scheduler, chunk_size=chunk_size,
                             layers=lexicon_layers(lexicons))

    def lines() -> Iterator[str]:
        for chunk in chunks:
            result.claims += chunk.claims
            result.sources += chunk.sources
            yield from chunk.lines

    written: Iterable[str] = lines()
    if show_progress:
        where = "on the cluster" if scheduler is not None else f"{jobs or default_jobs()} jobs"
        written = track(written, None, f"pre-annotating ({engine}, {where})")
    with closing(chunks), document_lines_writer(output, shard_size) as write:
        for line in written:
            write(line)
            result.documents += 1
    return result


@app.command("pre")
@friendly_errors
def pre_cli(
    inputs: list[Path] = typer.Argument(
        ..., help="Articles: .txt files, folders of them (or of JSONL shards), JSONL with id, text, meta (any of them "
                  ".gz), or - (standard input)."
    ),
    output: str = typer.Option(..., "-o", "--output", help="Canonical JSONL to write (atomically); .gz: compressed; "
                               "a folder (existing, or ending in /): gzip shards part-00000.jsonl.gz …; - for standard output."),
    engine: str = typer.Option("rules", "--engine", help="rules (no model), stanza or hybrid."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", help="Worker processes [default: the number of cores]; 1 for "
                                    "this process only. Output is identical whatever the number."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Annotate on a Dask cluster instead: its scheduler's "
                                         "address, e.g. tcp://10.0.0.5:8786 (see docs/large-corpora.md)."),
    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Skip documents that cannot be read (bad line, "
                                      "duplicate id, not UTF-8) and list them, instead of stopping at the first."),
    shard_size: int = typer.Option(SHARD_SIZE, "--shard-size", help="Documents per shard when the output is a folder."),
    lexicons: list[Path] = typer.Option(
        None, "--lexicons", help="A folder of lexicon additions (from `annotate learn`) layered over the built-in lists; "
        "repeat for several. Default: the folders in $ANNOTATE_LEXICONS."),
) -> None:
    """Mark attributed claims, cues and sources in Arabic news."""
    if jobs is not None and scheduler is not None:
        raise InputError("--jobs and --scheduler: give one (the cluster decides how many workers run)")
    result = pre(inputs, output, engine, jobs=jobs, scheduler=scheduler, skip_invalid=skip_invalid,
                 shard_size=shard_size, lexicons=lexicons)
    for reason in result.skipped:
        stderr.print(f"skipped {reason}")
    where = "standard output" if str(output) == STDIN else str(output)
    skipped = f", {len(result.skipped)} skipped" if skip_invalid else ""
    stderr.print(f"{result.documents} documents, {result.claims} claims, {result.sources} source mentions{skipped} → {where}")
