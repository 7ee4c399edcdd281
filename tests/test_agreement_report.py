"""`annotate agreement DIR`: agreement.json contents, the HTML heatmap and bars, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotate.agreement.load import read_annotations
from annotate.agreement.run import agreement
from annotate.errors import InputError
from annotate.io import write_jsonl
from tests.test_agreement_metrics import ALONE, PRE, SAME, A, B, C


def _export_line(annotation, number: int) -> str:
    """One line as `annotate export` writes it (issue 4's contract)."""
    record = {
        "task_id": number, "document_id": annotation.document.id, "annotation_id": 100 + number,
        "annotator": annotation.annotator, "annotator_id": number, "created_at": "2024-08-10T10:00:00Z",
        "updated_at": "2024-08-10T10:00:00Z", "ground_truth": False, "lead_time": 12.5,
        "document": annotation.document.model_dump(mode="json"), "review": {},
    }
    return json.dumps(record, ensure_ascii=False)


@pytest.fixture
def export_dir(tmp_path: Path) -> Path:
    lines = [_export_line(a, n) for n, a in enumerate([A, B, C, *SAME, ALONE], start=1)]
    (tmp_path / "annotations.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_jsonl([PRE.document], tmp_path / "predictions.jsonl")
    return tmp_path


def test_agreement_json_and_html(export_dir: Path) -> None:
    run = agreement(export_dir)
    assert run.predictions == export_dir / "predictions.jsonl"  # picked up by default
    data = json.loads((export_dir / "agreement.json").read_text(encoding="utf-8"))
    assert data["annotators"] == ["a@x.org", "b@x.org", "c@x.org"]
    assert (data["annotations"], data["document_count"], data["documents_compared"]) == (7, 3, 2)
    ab = next(p for p in data["pairs"] if (p["a"], p["b"]) == ("a@x.org", "b@x.org"))
    assert ab["spans"]["claims"]["exact"]["f1"] == pytest.approx(0.6667)
    assert ab["kappa"]["source_type"]["value"] == pytest.approx(0.5)
    assert ab["kappa"]["check_worthy"] == {"value": None, "units": 0, "observed": None,
                                         "reason": "no items rated by both annotators"}
    matrix = data["matrices"]["claims_overlap_f1"]
    assert matrix["annotators"] == ["a@x.org", "b@x.org", "c@x.org", "pre-annotator"]
    assert matrix["values"][0] == [None, 1.0, 0.8, 0.6667]  # a|c: 2*2/(3+2); a|pre: 2*1/(2+1)
    assert matrix["values"][0][1] == matrix["values"][1][0]
    # the pre-annotator's one claim (ARRIVED, d1) matches a's and b's (Dice 0.67), not c's (who has FLEW only)
    pre_claims = data["pre_annotator"]["spans"]["claims"]["overlap"]
    assert (pre_claims["matched"], pre_claims["a"], pre_claims["b"]) == (2, 2 + 2 + 1, 3)
    assert [d["id"] for d in data["documents"]] == ["d1", "d2"]
    assert data["overall"]["alpha_attributes"]["source_type"]["value"] == pytest.approx(1 - 14 / 38, abs=1e-4)

    html = (export_dir / "agreement.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "3 annotators, 7 annotations of 3 documents, 2 annotated by two or more." in html
    assert 'id="heatmap-claims_overlap_f1"' in html
    assert 'data-pair="a@x.org|c@x.org" title="a@x.org × c@x.org: 0.80" style="background:hsl(96,70%,75%)">0.80</td>' in html
    assert 'data-pair="a@x.org|a@x.org"' in html and 'class="cell na"' in html  # empty diagonal
    assert 'data-label="local" data-series="annotators"' in html
    assert 'data-label="claim" data-series="pre-annotator"' in html


def test_out_folder_and_explicit_predictions(export_dir: Path, tmp_path_factory) -> None:
    out = tmp_path_factory.mktemp("out")
    (export_dir / "predictions.jsonl").rename(export_dir / "pre.jsonl")
    run = agreement(export_dir, export_dir / "pre.jsonl", out)
    assert run.report.predictions and (out / "agreement.json").is_file() and (out / "agreement.html").is_file()
    assert not (export_dir / "agreement.json").exists()
    assert not agreement(export_dir, None, out).report.predictions  # no default file any more


def test_later_annotation_of_the_same_person_wins(tmp_path: Path) -> None:
    first = json.loads(_export_line(A, 1))
    second = json.loads(_export_line(B, 2))
    second.update(annotator="a@x.org", updated_at="2024-08-11T09:00:00Z")
    (tmp_path / "annotations.jsonl").write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n", encoding="utf-8")
    [only] = read_annotations(tmp_path / "annotations.jsonl")
    assert only.document == B.document


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "annotations.jsonl:2: not valid JSON"),
        ('{"annotator": "x@y"}', "annotations.jsonl:2: missing field 'document'"),
        ('{"annotator": "x@y", "document": {"id": "d", "text": "ab", "claims": [{"id": "c", "start": 0, "end": 2, '
         '"text": "xx", "kind": "direct"}]}}', "annotations.jsonl:2: document: claim c text 'xx' is not the text at 0:2"),
        # the same person twice, once with a string id: comparing them must not be a TypeError
        (json.dumps({**json.loads(_export_line(A, 1)), "annotation_id": "7"}),
         "annotations.jsonl:2: 'annotation_id' must be an integer, not '7'"),
        (json.dumps({**json.loads(_export_line(A, 1)), "task_id": [1]}), "annotations.jsonl:2: 'task_id' must be an integer"),
        (json.dumps({**json.loads(_export_line(A, 1)), "updated_at": 5}), "annotations.jsonl:2: 'updated_at' must be a date"),
    ],
)
def test_bad_lines_are_named(export_dir: Path, line: str, message: str) -> None:
    path = export_dir / "annotations.jsonl"
    path.write_text(_export_line(A, 1) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message.replace(".", r"\.")):
        agreement(export_dir)
    assert not (export_dir / "agreement.json").exists()


def test_prediction_with_another_text_is_refused(export_dir: Path) -> None:
    other = PRE.document.model_copy(update={"text": PRE.document.text + " ", "sources": [], "claims": []})
    write_jsonl([other], export_dir / "predictions.jsonl")
    with pytest.raises(InputError, match="d1.*text differs"):
        agreement(export_dir)


def test_cli(export_dir: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "annotate", "agreement", str(export_dir), "--top", "1"],
                          check=False, capture_output=True, text=True, encoding="utf-8", env={"COLUMNS": "200", "PATH": ""})
    assert done.returncode == 0, done.stderr
    assert "Pairwise agreement" in done.stdout and "Lowest agreement first (1 of 2 documents)" in done.stdout
    missing = subprocess.run([sys.executable, "-m", "annotate", "agreement", str(export_dir / "nope")],
                             check=False, capture_output=True, text=True)
    assert missing.returncode == 2
    assert missing.stderr.strip().startswith("error:") and "Traceback" not in missing.stderr
