"""Compile a part of the real-news gold: passages (JSONL, exact corpus text) + annotations (YAML).

Why two files: the passage text must stay byte-for-byte what the corpus holds, so annotators never
retype it; they write only sources and claims as strings in ``annotations-PART*.yaml`` (one or
more files per part), located in the text by :func:`annotate.authoring.document_from_spec`.

Each YAML entry::

    - id: real-007
      tags: [sport, noun_object]          # section first, then phenomena
      sources:
        - {id: s1, text: 'مدرب الفريق', type: named_person, affiliation: null, entity: e1}
      claims:
        - {text: '…', kind: indirect, cue: 'وأكد', source: s1}

Every passage of the part must have exactly one entry (``claims: []`` for none).
``python tests/data/real/build_real.py a`` writes ``gold-a.jsonl``; with ``--check`` it only
validates; with ``--partial`` it writes the passages annotated so far (a part annotated in batches).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pydantic import ValidationError  # noqa: E402

from annotate.authoring import document_from_spec  # noqa: E402
from annotate.errors import AnnotateError, InputError  # noqa: E402
from annotate.io import read_documents, read_yaml, write_jsonl  # noqa: E402
from annotate.schema import Document  # noqa: E402


def compile_part(part: str, *, require_all: bool = True) -> list[Document]:
    """The gold documents of one part, in passage order."""
    passages = {d.id: d for d in read_documents([HERE / f"passages-{part}.jsonl"])}
    entries: dict[str, dict] = {}
    for path in sorted(HERE.glob(f"annotations-{part}[0-9]*.yaml")):
        examples = read_yaml(path) or []
        if not isinstance(examples, list):
            raise InputError(f"{path}: expected a YAML list of passages")
        for number, spec in enumerate(examples, start=1):
            if not isinstance(spec, dict) or spec.get("id") not in passages:
                raise InputError(f"{path}: entry {number} names no passage of part {part}")
            if spec["id"] in entries:
                raise InputError(f"{path}: passage {spec['id']} is annotated twice")
            entries[spec["id"]] = spec
    missing = [pid for pid in passages if pid not in entries]
    if missing and require_all:
        raise InputError(f"part {part}: {len(missing)} passages not annotated yet, first {missing[0]}")
    documents = []
    for pid, passage in passages.items():
        if pid not in entries:
            continue
        spec = dict(entries[pid])
        tags = spec.pop("tags", None) or []
        spec["text"] = passage.text
        spec["meta"] = {**passage.meta, "tags": tags, "part": part}
        try:
            documents.append(document_from_spec(spec))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(f"passage {pid}: {where}: {first['msg']}") from None
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(f"passage {pid}: {error.__class__.__name__}: {error}") from None
    return documents


def main(argv: list[str]) -> int:
    check = "--check" in argv
    partial = "--partial" in argv
    parts = [a for a in argv if not a.startswith("--")] or ["a", "b", "c"]
    for part in parts:
        try:
            documents = compile_part(part, require_all=not (check or partial))
            if not check:
                write_jsonl(documents, HERE / f"gold-{part}.jsonl")
        except AnnotateError as error:
            print(f"build_real: {error}", file=sys.stderr)
            return 1
        claims = sum(len(d.claims) for d in documents)
        print(f"part {part}: {len(documents)} passages, {claims} claims" + (" (checked)" if check else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
