"""``annotate learn`` and lexicon layering, on documents written as strings (no server)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from annotate.authoring import document_from_spec
from annotate.cli import app
from annotate.errors import LexiconError
from annotate.io import write_jsonl
from annotate.learn.calibration import expected_calibration_error, fit_curve
from annotate.learn.model import load_model
from annotate.learn.run import learn
from annotate.lexicons import layered_lexicon, load_lexicon

WHISPERS = ["همس الوزير أحمد العلي بأن الاتفاق أصبح قريبا جدا.",
            "وهمس المسؤول خالد الناصر بأن الموعد تأجل إلى الشهر المقبل.",
            "همست الوزيرة سعاد الحسن بأن القرار نهائي."]


def _gold(i: int, text: str):
    return document_from_spec({"id": f"w{i}", "text": text, "sources": [
        {"id": "s1", "text": text.split(" بأن")[0].split(" ", 1)[1], "type": "named_person", "entity": "e1"}],
        "claims": [{"text": text.split("بأن ")[1].rstrip("."), "kind": "indirect", "cue": text.split(" ")[0],
                    "source": "s1"}]})


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """A review export simulated from the engine's output and the gold reviewers would submit."""
    gold = [_gold(i, t) for i, t in enumerate(WHISPERS)]
    folder = tmp_path / "export"
    folder.mkdir()
    write_jsonl(load_model().annotate([g.model_copy(update={"claims": [], "sources": []}) for g in gold]),
                folder / "predictions.jsonl")
    write_jsonl(gold, folder / "gold.jsonl")
    return folder


def test_an_empty_layer_changes_nothing(tmp_path: Path) -> None:
    assert layered_lexicon(tmp_path) == load_lexicon()


def test_a_layer_adds_and_a_broken_layer_is_named(tmp_path: Path) -> None:
    (tmp_path / "cues.yaml").write_text("verbs:\n  - {forms: [همس, همست]}\n", encoding="utf-8")
    assert layered_lexicon(tmp_path).verbs["همست"].gender == "f"
    (tmp_path / "sources.yaml").write_text("person_titles: البطريرك\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"sources\.yaml, person_titles: a layer must add a list"):
        layered_lexicon(tmp_path)


def test_learn_writes_the_missed_cue_with_counts_and_examples_and_pre_then_finds_it(export, tmp_path, monkeypatch):
    out = tmp_path / "learned"
    result = learn([export], out, min_count=2)
    cues = (out / "cues.yaml").read_text(encoding="utf-8")
    assert "verb form of missed claims: seen in 2 documents" in cues
    assert "#   w0: همس → الاتفاق أصبح قريبا جدا" in cues
    assert yaml.safe_load(cues)["verbs"] == [{"forms": ["همس"], "object": False}]  # همست was seen once: left out
    assert {e.key for e in result.entries if e.section == "verbs"} == {"همس"}
    for name in ("report.md", "reliability.svg", "calibration.json", "learned.json"):
        assert (out / name).is_file()
    text = [_gold(9, "همس النائب سامي الأحمد بأن الجلسة ستعقد غدا.").model_copy(update={"claims": [], "sources": []})]
    assert [c.text for doc in load_model().annotate(text) for c in doc.claims] == []
    assert [c.text for doc in load_model([out]).annotate(text) for c in doc.claims] == ["الجلسة ستعقد غدا"]
    monkeypatch.setenv("ANNOTATE_LEXICONS", str(out))
    assert [c.text for doc in load_model().annotate(text) for c in doc.claims] == ["الجلسة ستعقد غدا"]


def test_min_count_one_keeps_what_was_seen_once(export, tmp_path):
    learn([export], tmp_path / "learned", min_count=1)
    verbs = yaml.safe_load((tmp_path / "learned" / "cues.yaml").read_text(encoding="utf-8"))["verbs"]
    assert {"forms": ["همست"], "object": False} in verbs


@pytest.mark.parametrize(("scores", "accepted", "ece"), [
    ([0.9, 0.9, 0.9, 0.9], [True, True, True, False], 0.15),
    ([0.2, 0.2, 0.8, 0.8], [False, False, True, True], 0.2),
    ([], [], None),
])
def test_expected_calibration_error(scores, accepted, ece):
    assert expected_calibration_error(scores, accepted) == pytest.approx(ece)


def test_isotonic_calibration_never_reverses_the_order():
    curve = fit_curve([0.3, 0.4, 0.6, 0.9, 0.9, 0.95], [False, True, False, True, True, True])
    mapped = [curve(s) for s in (0.1, 0.3, 0.5, 0.7, 0.9, 1.0)]
    assert mapped == sorted(mapped) and all(0 <= m <= 1 for m in mapped)


def test_learn_cli_names_a_folder_that_is_not_an_export(tmp_path):
    result = CliRunner().invoke(app, ["learn", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output.strip().endswith("no predictions.jsonl (is it a folder written by `annotate export`?)")
