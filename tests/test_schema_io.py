"""The canonical format: spans that do not match their text cannot be built; I/O is exact and atomic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from annotate.errors import InputError
from annotate.io import atomic_writer, nested_too_deeply, read_documents, read_jsonl, write_jsonl
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


# ---------------------------------------------------------------- bad bytes, odd inputs (issue 11)

GOOD_LINE = '{"id": "a", "text": "نص"}\n'


@pytest.mark.parametrize(("content", "message"), [
    (GOOD_LINE.encode("utf-16"), r"in\.jsonl:1: UTF-16 text; save it as UTF-8"),
    (GOOD_LINE.encode() + '{"id": "b", "text": "é"}\n'.encode("latin-1"), r"in\.jsonl:2: not UTF-8 text \(byte 21\)"),
    (b'{"id": "a", "text": "\\ud800"}\n', r"in\.jsonl:1: holds a lone surrogate"),
    (GOOD_LINE.encode() + b"[" * 100_000 + b"\n", r"in\.jsonl:2: JSON nested too deeply"),
    (b'{"id": "a", "text": "x", "meta": {"n": ' + b"7" * 5000 + b"}}\n", r"in\.jsonl:1: not valid JSON \(Exceeds"),
    (b'{"id": "a", "text": "x", "meta": ' + b'{"a": ' * 900 + b"1" + b"}" * 900 + b"}\n", r"in\.jsonl:1: JSON nested too deeply \(more than 64"),
])
def test_undecodable_or_hostile_jsonl_is_a_one_line_input_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        list(read_documents([path]))
    assert "\n" not in str(caught.value)


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path: Path) -> None:
    text = "[" * 500 + ' \\" {{ ' + "}" * 500  # brackets in an article's text, an escaped quote among them
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text, "meta": {"a": [[1]]}}) + "\n", encoding="utf-8")
    assert [d.text for d in read_documents([path])] == [text]
    assert not nested_too_deeply(json.dumps([[[text]]]), limit=3)
    assert nested_too_deeply(json.dumps([[[[text]]]]).encode(), limit=3)


def test_duplicate_ids_name_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text(GOOD_LINE + '{"id": "b", "text": "y"}\n' + GOOD_LINE, encoding="utf-8")
    with pytest.raises(InputError, match=rf"^{path}:3: document id 'a' already read from {path}:1$"):
        list(read_documents([path]))


def test_files_that_share_a_name_in_subfolders_get_their_relative_path_as_id(tmp_path: Path) -> None:
    for folder in ("2024", "2025"):
        (tmp_path / "news" / folder).mkdir(parents=True)
        (tmp_path / "news" / folder / "article.txt").write_text(f"نص {folder}", encoding="utf-8")
    (tmp_path / "news" / "top.txt").write_text("نص", encoding="utf-8")
    docs = list(read_documents([tmp_path / "news"]))
    assert [(d.id, d.meta["file"]) for d in docs] == [
        ("2024/article", "2024/article.txt"), ("2025/article", "2025/article.txt"), ("top", "top.txt"),
    ]


def test_gzipped_text_and_jsonl_are_read(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "a.txt.gz").write_bytes(gzip.compress("سطر\r\n".encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": "b", "text": "x"}\n'))
    docs = list(read_documents([tmp_path / "a.txt.gz", tmp_path / "b.jsonl.gz"]))
    assert [(d.id, d.text) for d in docs] == [("a", "سطر\r\n"), ("b", "x")]
    (tmp_path / "c.jsonl.gz").write_bytes(b"not gzip")
    with pytest.raises(InputError, match=r"c\.jsonl\.gz: not a readable gzip file"):
        list(read_documents([tmp_path / "c.jsonl.gz"]))


@pytest.mark.parametrize(("stdin", "expected"), [
    ('{"id": "x", "text": "نص"}\n{"id": "y", "text": "آخر"}\n', [("x", "نص"), ("y", "آخر")]),
    ("قال مصدر إن الوضع هادئ.\r\n", [("stdin", "قال مصدر إن الوضع هادئ.\r\n")]),
])
def test_standard_input_is_jsonl_or_one_text(monkeypatch: pytest.MonkeyPatch, stdin: str, expected: list) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    assert [(d.id, d.text) for d in read_documents(["-"])] == expected


def test_write_errors_name_the_output_not_the_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotate.errors import OutputError

    folder_in_the_way = tmp_path / "out.jsonl"
    folder_in_the_way.mkdir()
    with pytest.raises(OutputError, match=rf"^{folder_in_the_way}: cannot write \(Is a directory\)$"):
        write_jsonl([Document.model_validate(_doc())], folder_in_the_way)

    def refused(*args, dir=None, **kwargs):  # what a read-only folder does (the tests may run as root)
        raise PermissionError(13, "Permission denied", f"{dir}/.out2.jsonl.x1y2.tmp")

    monkeypatch.setattr("tempfile.mkstemp", refused)
    with pytest.raises(OutputError, match=rf"^{tmp_path / 'out2.jsonl'}: cannot write \(Permission denied\)$"):
        write_jsonl([Document.model_validate(_doc())], tmp_path / "out2.jsonl")
    assert not list(tmp_path.glob("*.tmp"))
