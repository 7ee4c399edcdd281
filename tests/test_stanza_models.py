"""Preparing Arabic-PUD for stanza, the trained models' report, loading offline, and missing models."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from _stanza_support import ROOT, need_treebank

from annotate.stanza_models.prepare import Sentence, clitic_runs, prepare, to_conllu
from annotate.stanza_models.train import FLOOR, Settings

ROWS = [
    # id form lemma upos xpos feats head deprel deps misc
    ["1", "و", "و", "CCONJ", "_", "_", "2", "cc", "_", "SpaceAfter=No"],
    ["2", "قال", "قال", "VERB", "_", "_", "0", "root", "_", "_"],
    ["3", "المصدر", "مصدر", "NOUN", "_", "_", "2", "nsubj", "_", "SpaceAfter=No"],
    ["4", ",", ",", "PUNCT", "_", "_", "2", "punct", "_", "_"],
    ["5", "ب", "ب", "ADP", "_", "_", "6", "mark", "_", "SpaceAfter=No"],
    ["6", "أن", "أن", "SCONJ", "_", "_", "2", "ccomp", "_", "SpaceAfter=No"],
    ["7", "ه", "هو", "PRON", "_", "_", "6", "nsubj", "_", "SpaceAfter=No"],
    ["8", ".", ".", "PUNCT", "_", "_", "2", "punct", "_", "_"],
]


def test_clitic_runs_become_multiword_tokens_whose_pieces_add_up():
    sentence = Sentence(comments=["# newdoc id = d1", "# sent_id = 1"], doc_id="d1", rows=ROWS)
    assert clitic_runs(ROWS) == [(0, 1), (4, 6)]  # و+قال and ب+أن+ه; never across punctuation
    lines = to_conllu(sentence, keep_newdoc=False).splitlines()
    assert "# newdoc id = d1" not in lines
    ranges = [line.split("\t") for line in lines if line.split("\t")[0].count("-") == 1]
    assert [(r[0], r[1], r[9]) for r in ranges] == [("1-2", "وقال", "_"), ("5-7", "بأنه", "SpaceAfter=No")]
    inside = [line.split("\t") for line in lines if line.split("\t")[0] in {"5", "6"}]
    assert all(cols[9] == "_" for cols in inside)  # SpaceAfter moved to the range line


def test_prepare_is_deterministic_and_splits_by_document(tmp_path: Path):
    treebank = need_treebank()
    counts = prepare(treebank, tmp_path / "a")
    prepare(treebank, tmp_path / "b")
    assert counts["train"] + counts["dev"] + counts["test"] == 1000
    assert counts["mwt"] > 2000
    for name in ("ar_pud.train.conllu", "ar_pud.test.conllu", "ar_pud.dev-ud.toklabels"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    docs = {}
    for split in ("train", "dev", "test"):
        text = (tmp_path / "a" / f"ar_pud.{split}.conllu").read_text(encoding="utf-8")
        docs[split] = {line.split("=", 1)[1].strip() for line in text.splitlines() if line.startswith("# newdoc")}
        assert text.count("# newdoc") == len(docs[split])  # one newdoc per document, not per sentence
        for line in text.splitlines():
            cols = line.split("\t")
            if len(cols) == 10 and "-" in cols[0]:
                first, last = (int(x) for x in cols[0].split("-"))
                assert first < last
    assert not (docs["train"] & docs["test"]) and not (docs["dev"] & docs["test"])


@pytest.mark.stanza
def test_trained_folder_reports_held_out_scores_and_attribution(stanza_models: Path):
    report = json.loads((stanza_models / "scores.json").read_text(encoding="utf-8"))
    scores = report["scores"]
    assert set(scores) >= {"tokens_f1", "upos_f1", "lemma_f1", "uas_f1", "las_f1"}
    assert scores["tokens_f1"] > 90 and 0 < scores["las_f1"] <= scores["uas_f1"]
    assert FLOOR.failures(scores) == []  # cached models are never below the floor
    settings = Settings()
    assert {name: run["steps"] for name, run in report["trainers"].items()} == {t.name: t.steps for t in settings.trainers}
    assert "CC BY-SA 3.0" in (stanza_models / "ATTRIBUTION.md").read_text(encoding="utf-8")


@pytest.mark.stanza
def test_pipeline_loads_offline(stanza_models: Path):
    """In a child process whose every HTTP(S) request would fail, the pipeline loads and parses."""
    code = (
        "from annotate.stanza_models.load import load_pipeline\n"
        f"nlp = load_pipeline({str(stanza_models)!r})\n"
        "doc = nlp('وقال المصدر إن القوات وصلت.')\n"
        "print(len(doc.sentences[0].words))\n"
    )
    env = {**os.environ, "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9",
           "https_proxy": "http://127.0.0.1:9", "http_proxy": "http://127.0.0.1:9", "NO_PROXY": ""}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300,
                            check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.strip().splitlines()[-1]) >= 6


@pytest.mark.parametrize("argv", [["models", "info"], ["pre", "--engine", "stanza"]])
def test_missing_models_give_one_line_error(tmp_path: Path, argv: list[str]):
    missing = tmp_path / "no-models-here"
    env = {**os.environ, "ANNOTATE_STANZA_MODELS": str(missing)}
    extra = [str(ROOT / "sample" / "syria-tv-2024-08-09.txt"), "-o", str(tmp_path / "out.jsonl")] if argv[0] == "pre" else []
    result = subprocess.run([sys.executable, "-m", "annotate", *argv, *extra], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=300, check=False)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(missing) in lines[0]
    assert "annotate models download" in lines[0] and "annotate models train" in lines[0]
    assert not (tmp_path / "out.jsonl").exists()
