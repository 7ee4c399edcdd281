"""The command line: real runs in a subprocess, as a user would type them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample" / "syria-tv-2024-08-09.txt"


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotate", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


def test_pre_writes_canonical_jsonl_for_the_sample(tmp_path: Path) -> None:
    out = tmp_path / "sample.jsonl"
    result = _run("pre", str(SAMPLE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    (line,) = out.read_text(encoding="utf-8").splitlines()
    doc = json.loads(line)
    assert doc["id"] == "syria-tv-2024-08-09"
    assert doc["text"] == SAMPLE.read_text(encoding="utf-8")
    assert len(doc["claims"]) >= 12
    for claim in doc["claims"]:
        assert doc["text"][claim["start"] : claim["end"]] == claim["text"]


def test_bad_input_gives_one_line_and_a_nonzero_exit_without_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "نص"}\n{"id": 3, "text": "x"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run("pre", str(bad), "-o", str(out))
    assert result.returncode != 0
    assert result.stderr.strip() == f"error: {bad}:2: missing string field 'id'"
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_unknown_engine_is_a_one_line_error(tmp_path: Path) -> None:
    result = _run("pre", str(SAMPLE), "-o", str(tmp_path / "o.jsonl"), "--engine", "oracle")
    assert result.returncode != 0 and "unknown engine 'oracle'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_evaluate_prints_json_scores(tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    assert _run("pre", str(SAMPLE), "-o", str(out)).returncode == 0
    result = _run("evaluate", str(out), str(out), "--json")
    scores = json.loads(result.stdout)
    assert scores["claims_exact"]["f1"] == 1.0 and scores["attribution"]["f1"] == 1.0


def test_python_dash_m_and_the_console_script_agree() -> None:
    help_text = _run("--help").stdout
    assert "pre" in help_text and "evaluate" in help_text
