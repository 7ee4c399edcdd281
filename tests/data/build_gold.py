"""Compile the development gold set from strings (dev_gold.yaml) into canonical JSONL.

The YAML is what annotators write and review: claims, cues and sources as strings, located by
:func:`annotate.authoring.document_from_spec`. Two additions for this file only:

* ``text_file: sample/…`` loads the text from a file of the repository, read exactly as the
  pre-annotator reads it (``newline=""``, non-breaking spaces kept), so the bundled sample
  article is annotated without pasting its text into the YAML;
* ``tags: [...]`` (conventions and phenomena the example covers) goes into ``meta.tags``.

Run ``python tests/data/build_gold.py [NAME …]`` (or ``invoke gold``) to build ``NAME.yaml`` into
``NAME.jsonl`` for the dev gold and the holdouts (default: every set here); a bad example stops the
build with a one-line message naming it, and a JSONL is only replaced when every example compiles.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotate.authoring import document_from_spec
from annotate.errors import AnnotateError, InputError
from annotate.io import read_documents, read_yaml, write_jsonl
from annotate.schema import Document

GOLD_YAML = Path(__file__).with_name("dev_gold.yaml")
GOLD_JSONL = Path(__file__).with_name("dev_gold.jsonl")


def _spec_with_text(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with ``text`` filled from ``text_file`` and ``tags`` moved into ``meta``."""
    doc_id = spec.get("id", "?")
    spec = dict(spec)
    text_file = spec.pop("text_file", None)
    if text_file is not None:
        if "text" in spec:
            raise InputError(f"example {doc_id}: give either 'text' or 'text_file', not both")
        path = ROOT / text_file
        if path.suffix != ".txt" or not path.is_file():
            raise InputError(f"example {doc_id}: text_file {text_file!r} is not a .txt file of the repository")
        spec["text"] = next(iter(read_documents([path]))).text
    tags = spec.pop("tags", None)
    if not isinstance(tags, list) or not tags or not all(isinstance(t, str) for t in tags):
        raise InputError(f"example {doc_id}: 'tags' must be a non-empty list of strings")
    spec["meta"] = {**(spec.get("meta") or {}), "tags": tags}
    return spec


def compile_gold(path: Path = GOLD_YAML) -> list[Document]:
    """Every example of the YAML file as a validated document, in file order."""
    examples = read_yaml(path)
    if not isinstance(examples, list):
        raise InputError(f"{path}: expected a YAML list of examples")
    documents: list[Document] = []
    seen: set[str] = set()
    for number, spec in enumerate(examples, start=1):
        if not isinstance(spec, dict) or not isinstance(spec.get("id"), str):
            raise InputError(f"{path}: example {number} has no string 'id'")
        if spec["id"] in seen:
            raise InputError(f"{path}: example id {spec['id']!r} is used twice")
        seen.add(spec["id"])
        try:
            documents.append(document_from_spec(_spec_with_text(spec)))
        except ValidationError as error:  # a field of the wrong kind (say, kind: sideways)
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise InputError(f"example {spec['id']}: {error.title} {where}: {first['msg']}") from None
        except (KeyError, TypeError, ValueError) as error:  # a field missing
            raise InputError(f"example {spec['id']}: {error.__class__.__name__}: {error}") from None
    return documents


def main(yaml_path: Path = GOLD_YAML, jsonl_path: Path = GOLD_JSONL) -> int:
    """Build dev_gold.jsonl; print one line on success or failure."""
    try:
        documents = compile_gold(yaml_path)
        count = write_jsonl(documents, jsonl_path)
    except AnnotateError as error:
        print(f"build_gold: {error}", file=sys.stderr)
        return 1
    claims = sum(len(d.claims) for d in documents)
    print(f"wrote {jsonl_path}: {count} documents, {claims} claims")
    return 0


def build(names: list[str]) -> int:
    """Build ``NAME.yaml`` into ``NAME.jsonl`` for each name (default: every YAML set in this folder)."""
    here = Path(__file__).parent
    targets = names or sorted(p.stem for p in here.glob("*.yaml"))
    for name in targets:
        status = main(here / f"{name}.yaml", here / f"{name}.jsonl")
        if status:
            return status
    return 0


if __name__ == "__main__":
    sys.exit(build(sys.argv[1:]))
