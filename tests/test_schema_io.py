"""The canonical format: spans that do not match their text cannot be built; I/O is exact and atomic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from annotate.errors import InputError
from annotate.io import atomic_writer, read_documents, read_jsonl, write_jsonl
from annotate.schema import Claim, Document, SourceMention, Span, document_json_schema

TEXT = 'وأفاد مصدر خاص بأن "القوات وصلت".'


def _doc(**changes) -> dict:
    record = {
        "id": "d1", "text": TEXT,
        "sources": [{"id": "s1", "start": 6, "end": 14, "text": "مصدر خاص", "type": "anonymous", "entity": "e1"}],
        "claims": [{"id": "c1", "start": 20, "end": 31, "text": "القوات وصلت", "kind": "direct",
                    "cue": {"start": 0, "end": 5, "text": "وأفاد"}, "source": "s1", "score": 0.9}],
    }
    record.update(changes)
    return record


def test_a_consistent_document_validates_and_round_trips_through_json() -> None:
    doc = Document.model_validate(_doc())
    assert Document.model_validate_json(doc.to_json_line()) == doc
    assert "\\u" not in doc.to_json_line()  # Arabic stays readable


@pytest.mark.parametrize(("change", "message"), [
    ({"claims": [{"id": "c1", "start": 20, "end": 31, "text": "القوات وصلت!", "kind": "direct"}]}, "characters"),
    ({"claims": [{"id": "c1", "start": 19, "end": 30, "text": "القوات وصلت", "kind": "direct"}]}, "is not the text"),
    ({"claims": [{"id": "c1", "start": 20, "end": 31, "text": "القوات وصلت", "kind": "direct", "source": "s9"}]},
     "does not exist"),
    ({"sources": [{"id": "s1", "start": 6, "end": 14, "text": "مصدر خاص", "type": "spy", "entity": "e1"}]}, "type"),
    ({"claims": [{"id": "c1", "start": 31, "end": 20, "text": "", "kind": "direct"}]}, "before its start"),
])
def test_inconsistent_spans_cannot_be_built(change: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Document.model_validate(_doc(**change))


def test_json_schema_is_published_and_current() -> None:
    published = json.loads(Path("schema/document.schema.json").read_text(encoding="utf-8"))
    assert published == document_json_schema()


def test_text_files_are_read_unchanged(tmp_path: Path) -> None:
    raw = "سطر أول\r\nسطر\u00a0ثانٍ\r\n"
    (tmp_path / "a.txt").write_bytes(raw.encode("utf-8"))
    (doc,) = read_documents([tmp_path])
    assert doc.text == raw and doc.id == "a"


def test_jsonl_errors_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "نص"}\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"in\.jsonl:2: missing string field 'text'"):
        list(read_documents([path]))
    path.write_text('{"id": "a", "text": "نص"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"in\.jsonl:2: not valid JSON"):
        list(read_documents([path]))
    bad = _doc()
    bad["claims"][0]["start"] = 21
    path.write_text(json.dumps(bad, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"in\.jsonl:1: document 'd1'"):
        list(read_documents([path]))


def test_duplicate_ids_across_inputs_are_refused(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "y.jsonl").write_text('{"id": "x", "text": "آخر"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="already read"):
        list(read_documents([tmp_path / "x.txt", tmp_path / "y.jsonl"]))


def test_a_failed_write_leaves_the_previous_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    write_jsonl([Document.model_validate(_doc())], target)
    before = target.read_bytes()

    def broken():
        yield Document.model_validate(_doc(id="d2"))
        raise RuntimeError("crash half-way")

    with pytest.raises(RuntimeError):
        write_jsonl(broken(), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary file left behind
    with pytest.raises(RuntimeError), atomic_writer(tmp_path / "new.txt") as handle:
        handle.write("partial")
        raise RuntimeError
    assert not (tmp_path / "new.txt").exists()
    assert read_jsonl(target)[0].id == "d1"


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    write_jsonl([Document.model_validate(_doc())], target)
    assert target.stat().st_mode & 0o044  # readable by others (the temp file was 0600)


def test_model_classes_are_the_documented_ones() -> None:
    claim = Claim(id="c", start=0, end=1, text="و", kind="indirect")
    mention = SourceMention(id="s", start=0, end=1, text="و", type="media", entity="e")
    assert isinstance(claim, Span) and isinstance(mention, Span)
