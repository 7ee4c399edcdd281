"""UD Arabic-PUD → the files stanza's trainers read (CoNLL-U splits, raw text, tokenizer labels).

Arabic-PUD writes clitics as separate tokens glued by ``SpaceAfter=No`` (و + قال) and has no
multi-word-token range lines, which stanza's tokenizer and MWT expander need; and every
sentence repeats its ``# newdoc``, which would make each sentence its own paragraph. Both are
fixed here, deterministically, so the same treebank bytes always give the same files.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from annotate.errors import InputError
from annotate.io import atomic_writer

SPLITS = ("train", "dev", "test")


@dataclass
class Sentence:
    """One CoNLL-U sentence: its comment lines, its document id and its word rows (10 columns)."""

    comments: list[str]
    doc_id: str
    rows: list[list[str]] = field(default_factory=list)


def treebank_files(path: Path) -> list[Path]:
    """The .conllu files of a treebank given as one file or a folder (sorted, so hashing is stable)."""
    if path.is_dir():
        files = sorted(path.glob("*.conllu"))
        if not files:
            raise InputError(f"{path}: folder holds no .conllu files")
        return files
    if path.is_file():
        return [path]
    raise InputError(f"{path}: no such treebank file or folder")


def read_conllu(paths: list[Path]) -> list[Sentence]:
    """Sentences of the treebank; a malformed row raises InputError naming file and line."""
    sentences: list[Sentence] = []
    for path in paths:
        current: Sentence | None = None
        doc_id = ""
        with path.open(encoding="utf-8") as handle:
            for number, raw in enumerate(handle, start=1):
                line = raw.rstrip("\n")
                if not line.strip():
                    if current is not None and current.rows:
                        sentences.append(current)
                    current = None
                    continue
                if current is None:
                    current = Sentence(comments=[], doc_id=doc_id)
                if line.startswith("#"):
                    if line.startswith("# newdoc"):
                        doc_id = line.split("=", 1)[-1].strip() if "=" in line else f"doc{len(sentences)}"
                        current.doc_id = doc_id
                    current.comments.append(line)
                    continue
                cols = line.split("\t")
                if len(cols) != 10:
                    raise InputError(f"{path}:{number}: expected 10 tab-separated columns, found {len(cols)}")
                if "-" in cols[0] or "." in cols[0]:
                    raise InputError(f"{path}:{number}: treebank already has multi-word or empty nodes; not supported")
                current.rows.append(cols)
        if current is not None and current.rows:
            sentences.append(current)
    if not sentences:
        raise InputError(f"{paths[0]}: no sentences found")
    return sentences


def _misc(cols: list[str]) -> list[str]:
    return [] if cols[9] == "_" else cols[9].split("|")


def _joined(cols: list[str]) -> bool:
    return "SpaceAfter=No" in _misc(cols)


def _without_space_after(misc: list[str]) -> str:
    kept = [m for m in misc if m != "SpaceAfter=No"]
    return "|".join(kept) if kept else "_"


def clitic_runs(rows: list[list[str]]) -> list[tuple[int, int]]:
    """Index ranges [i, j] (inclusive) of ≥ 2 non-punctuation words glued by ``SpaceAfter=No``."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j][3] != "PUNCT" and rows[j + 1][3] != "PUNCT" and _joined(rows[j]):
            j += 1
        if j > i:
            runs.append((i, j))
        i = j + 1
    return runs


def to_conllu(sentence: Sentence, keep_newdoc: bool) -> str:
    """The sentence with MWT range lines for clitic runs; ``# newdoc`` only when asked."""
    lines = [c for c in sentence.comments if keep_newdoc or not c.startswith("# newdoc")]
    starts = {i: j for i, j in clitic_runs(sentence.rows)}
    inside_until = -1
    for index, cols in enumerate(sentence.rows):
        if index in starts:
            end = starts[index]
            pieces = sentence.rows[index : end + 1]
            surface = "".join(p[1] for p in pieces)
            last_misc = _misc(pieces[-1])
            range_misc = "SpaceAfter=No" if "SpaceAfter=No" in last_misc else "_"
            lines.append("\t".join([f"{cols[0]}-{pieces[-1][0]}", surface] + ["_"] * 7 + [range_misc]))
            inside_until = end
        row = list(cols)
        if index <= inside_until:
            row[9] = _without_space_after(_misc(row))
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n\n"


def split_of(doc_index: int) -> str:
    """Deterministic split by whole documents: every 13th document to dev, the next to test."""
    remainder = doc_index % 13
    return "dev" if remainder == 0 else "test" if remainder == 1 else "train"


def prepare(treebank: Path, out_dir: Path, shorthand: str = "ar_pud") -> dict[str, int]:
    """Write ``{shorthand}.{split}.conllu``, ``.txt``, tokenizer labels and MWT json into ``out_dir``.

    Returns sentence counts per split plus the number of MWTs built, for the training report.
    """
    sentences = read_conllu(treebank_files(treebank))
    doc_order: dict[str, int] = {}
    for s in sentences:
        doc_order.setdefault(s.doc_id, len(doc_order))
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {split: 0 for split in SPLITS}
    mwts = 0
    texts: dict[str, list[str]] = {split: [] for split in SPLITS}
    previous_doc: dict[str, str | None] = {split: None for split in SPLITS}
    for s in sentences:
        split = split_of(doc_order[s.doc_id])
        texts[split].append(to_conllu(s, keep_newdoc=s.doc_id != previous_doc[split]))
        previous_doc[split] = s.doc_id
        counts[split] += 1
        mwts += len(clitic_runs(s.rows))
    for split in SPLITS:
        conllu = out_dir / f"{shorthand}.{split}.conllu"
        with atomic_writer(conllu) as handle:
            handle.write("".join(texts[split]))
        _tokenizer_files(conllu, out_dir / f"{shorthand}.{split}")
    return {**counts, "mwt": mwts}


def _tokenizer_files(conllu: Path, stem: Path) -> None:
    """Raw text, character labels and MWT expansions, made by stanza's own converters."""
    from stanza.utils.datasets.conllu_to_text import convert_text

    txt = stem.with_name(stem.name + ".txt")
    convert_text(str(conllu), str(txt))
    subprocess.run(
        [sys.executable, "-m", "stanza.utils.datasets.prepare_tokenizer_data", str(txt), str(conllu),
         "-o", str(stem.with_name(stem.name + "-ud.toklabels")), "-m", str(stem.with_name(stem.name + "-mwt.json"))],
        check=True, capture_output=True,
    )
