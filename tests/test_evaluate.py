"""The evaluation measure, on small hand-computed cases."""

from __future__ import annotations

import pytest

from annotate.authoring import document_from_spec
from annotate.errors import InputError
from annotate.evaluate import evaluate

TEXT = "وقال مصدر خاص إن القوات وصلت إلى المدينة. وأضاف المصدر أن المعارك توقفت. وأفيد بأن الطرق مغلقة."
GOLD = document_from_spec({
    "id": "d", "text": TEXT,
    "sources": [{"id": "s1", "text": "مصدر خاص", "type": "anonymous", "entity": "e1"},
                {"id": "s2", "text": "المصدر", "type": "anonymous", "entity": "e1"}],
    "claims": [{"text": "القوات وصلت إلى المدينة", "cue": "وقال", "source": "s1"},
               {"text": "المعارك توقفت", "cue": "وأضاف", "source": "s2"},
               {"text": "الطرق مغلقة", "cue": "وأفيد", "source": None}],
})


def _pred(claims: list[dict], sources: list[dict] | None = None):
    return document_from_spec({"id": "d", "text": TEXT, "sources": sources or [], "claims": claims})


def test_perfect_prediction_scores_one() -> None:
    scores = evaluate([GOLD], [GOLD])
    assert scores["claims_exact"]["f1"] == scores["attribution"]["f1"] == 1.0
    assert scores["type_accuracy"] == scores["affiliation_accuracy"] == scores["kind_accuracy"] == 1.0


def test_overlap_match_exact_miss_and_attribution_to_any_mention_of_the_entity() -> None:
    predicted = _pred(
        claims=[{"text": "القوات وصلت", "cue": "وقال", "source": "p1"},  # Dice 2*11/(11+23) = 0.647: overlap only
                {"text": "المعارك توقفت", "cue": "وأضاف", "source": "p1"},  # exact; p1 overlaps gold s1 (same entity)
                {"text": "وقال مصدر", "kind": "direct", "cue": None}],  # spurious, no source
        sources=[{"id": "p1", "text": "مصدر", "type": "local", "entity": "x"}])
    scores = evaluate([GOLD], [predicted])
    assert scores["claims_exact"] == pytest.approx({"precision": 1 / 3, "recall": 1 / 3, "f1": 1 / 3})
    assert scores["claims_overlap"] == pytest.approx({"precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3})
    assert scores["attribution"]["f1"] == pytest.approx(2 / 3)
    assert scores["type_accuracy"] == 0.0  # local predicted, anonymous gold
    assert scores["per_type"]["none"]["recall"] == 0.0
    assert scores["type_confusion"] == {"anonymous->local": 2}


def test_dice_below_half_does_not_match() -> None:
    predicted = _pred(claims=[{"text": "القوات", "cue": "وقال"}])  # 2*6/(6+23) = 0.41
    assert evaluate([GOLD], [predicted])["claims_overlap"]["recall"] == 0.0


def test_documents_must_pair_up() -> None:
    other = document_from_spec({"id": "other", "text": "نص"})
    with pytest.raises(InputError, match="not in the predictions"):
        evaluate([GOLD], [other])


def test_errors_list_each_miss_spurious_claim_and_wrong_source_once() -> None:
    predicted = _pred(
        claims=[{"text": "القوات وصلت إلى المدينة", "cue": "وقال", "source": "p1"},  # right claim, wrong source
                {"text": "المعارك توقفت", "kind": "direct", "cue": "وأضاف", "source": "p2"},  # right source, kind wrong
                {"text": "وقال مصدر", "cue": None}],  # spurious
        sources=[{"id": "p1", "text": "وقال", "type": "media", "entity": "x"},
                 {"id": "p2", "text": "المصدر", "type": "named_person", "entity": "y"}])
    errors = evaluate([GOLD], [predicted], errors=True)["errors"]
    kinds = sorted((e["kind"], e["claim"]) for e in errors)
    assert kinds == [
        ("missed", "الطرق مغلقة"),
        ("spurious", "وقال مصدر"),
        ("wrong_kind", "المعارك توقفت"),
        ("wrong_source", "القوات وصلت إلى المدينة"),
        ("wrong_type", "القوات وصلت إلى المدينة"),
        ("wrong_type", "المعارك توقفت"),
    ]
    wrong_source = next(e for e in errors if e["kind"] == "wrong_source")
    assert (wrong_source["predicted"], wrong_source["gold"]) == ("وقال", "مصدر خاص")


def test_errors_are_left_out_unless_asked() -> None:
    assert "errors" not in evaluate([GOLD], [GOLD])
    assert evaluate([GOLD], [GOLD], errors=True)["errors"] == []


def test_error_line_keeps_a_multiline_claim_on_one_line() -> None:
    from annotate.evaluate import EvaluationError

    line = EvaluationError("doc\n1", "missed", "سطر أول\nسطر\tثان", None, "مصدر").line()
    assert "\n" not in line
    assert line.split("\t") == ["doc 1", "missed", "سطر أول سطر ثان", "predicted: —", "gold: مصدر"]


def test_cli_errors_prints_one_tab_separated_line_per_error(tmp_path) -> None:
    import subprocess
    import sys

    from annotate.io import write_jsonl

    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    write_jsonl([GOLD], gold)
    write_jsonl([_pred(claims=[{"text": "المعارك توقفت", "cue": "وأضاف"}])], pred)
    result = subprocess.run([sys.executable, "-m", "annotate", "evaluate", str(gold), str(pred), "--errors"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines() if "\t" in line]
    assert sorted((r[0], r[1], r[2]) for r in rows) == [
        ("d", "missed", "الطرق مغلقة"), ("d", "missed", "القوات وصلت إلى المدينة"),
        ("d", "wrong_source", "المعارك توقفت")]
