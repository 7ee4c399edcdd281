"""The command line: real runs in a subprocess, as a user would type them."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _cli_support import one_line_error as _one_line_error

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


def test_pre_and_its_workers_import_neither_the_label_studio_sdk_nor_pandas(tmp_path: Path) -> None:
    """``annotate pre`` needs neither (about 120 MB of imports in each process, issue 12). Run through a
    script like the installed ``annotate`` one, which each spawned worker runs again; ``-X importtime``
    lists on standard error every module imported by the command and by its workers (they inherit it)."""
    text = SAMPLE.read_text(encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"  # 65 documents: two chunks, so --jobs 2 starts its workers
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": text}, ensure_ascii=False) + "\n" for i in range(65)),
                      encoding="utf-8")
    script = tmp_path / "annotate_command.py"
    script.write_text("from annotate.cli import main\n\nif __name__ == '__main__':\n    main()\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-X", "importtime", str(script), "pre", str(corpus), "-o",
                             str(tmp_path / "out.jsonl"), "--jobs", "2"], check=False, capture_output=True, text=True,
                            cwd=tmp_path, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "annotate.preannotate.rules" in imported  # a worker built the engine (the main process does not)
    assert "label_studio_sdk" not in imported
    assert "pandas" not in imported
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 65


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


# ---------------------------------------------------------------- issue 11: what a probe and a new user found




@pytest.mark.parametrize("how", ["same file", "through its folder", "through a symbolic link", "through a hard link",
                                 "a JSONL input"])
def test_an_output_that_is_one_of_the_inputs_is_refused_and_the_input_kept(tmp_path: Path, how: str) -> None:
    article = tmp_path / "news" / "article.txt"
    article.parent.mkdir()
    article.write_bytes(SAMPLE.read_bytes())
    inputs, output = [str(article)], str(article)
    if how == "through its folder":
        inputs = [str(article.parent)]
    elif how == "through a symbolic link":
        (tmp_path / "link.txt").symlink_to(article)
        output = str(tmp_path / "link.txt")
    elif how == "through a hard link":
        os.link(article, tmp_path / "hard.txt")
        output = str(tmp_path / "hard.txt")
    elif how == "a JSONL input":
        gold = tmp_path / "gold.jsonl"
        gold.write_text(json.dumps({"id": "a", "text": "قال مصدر إن الوضع هادئ."}, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        article, inputs, output = gold, [str(gold)], str(gold)
    before = article.read_bytes()
    line = _one_line_error(_run("pre", *inputs, "-o", output))
    assert "the output is also an input" in line and output in line
    assert article.read_bytes() == before


def test_dash_output_writes_standard_output(tmp_path: Path) -> None:
    result = _run("pre", str(SAMPLE), "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "syria-tv-2024-08-09"
    assert not (tmp_path / "-").exists()


def test_standard_input_and_gzip_are_read_by_pre(tmp_path: Path) -> None:
    gz = tmp_path / "article.txt.gz"
    gz.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    from_gz = _run("pre", str(gz), "-o", "-")
    from_stdin = subprocess.run([sys.executable, "-m", "annotate", "pre", "-", "-o", "-"], input=SAMPLE.read_bytes(),
                                capture_output=True, timeout=300, check=False)
    assert from_gz.returncode == 0 and from_stdin.returncode == 0, (from_gz.stderr, from_stdin.stderr)
    gz_doc, stdin_doc = json.loads(from_gz.stdout), json.loads(from_stdin.stdout)
    assert (gz_doc["id"], stdin_doc["id"]) == ("article", "stdin")
    assert gz_doc["claims"] == stdin_doc["claims"] and len(gz_doc["claims"]) >= 12


def test_a_closed_pipe_ends_quietly() -> None:
    """``annotate config | head -1``: head leaves early; no "error: Broken pipe", no traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte: every write meets a closed pipe
    try:
        result = subprocess.run([sys.executable, "-m", "annotate", "config"], stdout=write_end, stderr=subprocess.PIPE,
                                text=True, timeout=300, check=False)
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 141


def test_an_unknown_engine_exits_2_as_documented(tmp_path: Path) -> None:
    result = _run("pre", str(SAMPLE), "-o", str(tmp_path / "o.jsonl"), "--engine", "foo")
    assert _one_line_error(result) == "error: unknown engine 'foo'; choose one of: hybrid, rules, stanza"
    assert result.returncode == 2


def test_brackets_in_paths_are_printed_as_typed_and_never_read_as_markup(tmp_path: Path) -> None:
    out = tmp_path / "out" / "x[/x]" / "[red]o.jsonl"
    result = _run("pre", str(SAMPLE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.is_file()
    assert result.stderr.strip().endswith(f"→ {out}")
    bad = tmp_path / "[bold]in[red].jsonl"
    bad.write_text('{"id": "[red]x[/red]"}\n', encoding="utf-8")
    assert _one_line_error(_run("pre", str(bad), "-o", str(out))) == f"error: {bad}:1: missing string field 'text'"


def test_the_readme_commands_work_as_written(tmp_path: Path) -> None:
    """The README's "Use it" lines that need no server, run in order in a fresh folder."""
    block = (ROOT / "README.md").read_text(encoding="utf-8").split("## Use it", 1)[1].split("```bash", 1)[1].split("```")[0]
    commands = [line.split("#")[0].replace("[--json]", "").split() for line in block.splitlines()]
    local = [c for c in commands if c[:2] in (["annotate", "pre"], ["annotate", "evaluate"])
             and "--lexicons" not in c]  # learned lexicons come from an export, which needs the server
    assert [c[1] for c in local] == ["pre", "pre", "evaluate"]
    for name in ("sample", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    for command in local:
        result = _run(*command[1:], cwd=tmp_path)
        assert result.returncode == 0, f"{' '.join(command)}: {result.stderr}"


def test_ctrl_c_while_the_commands_load_is_one_line_and_exit_130(monkeypatch, capsys) -> None:
    """A Ctrl-C in the second or so the command's modules take to import ends like one during the command."""
    from annotate import cli

    def interrupted(names):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "load_commands", interrupted)
    monkeypatch.setattr(sys, "argv", ["annotate", "learn", "exports/x", "-o", "learned"])
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 130
    assert capsys.readouterr().err == "error: interrupted\n"


def test_sigterm_while_pre_writes_leaves_no_output_and_no_temporary_file(tmp_path: Path) -> None:
    """`kill` (SIGTERM) during `annotate pre`: one line, exit 143, and nothing left where the output was going."""
    text = SAMPLE.read_text(encoding="utf-8")
    articles = tmp_path / "articles.jsonl"
    with articles.open("w", encoding="utf-8") as handle:
        for number in range(20000):  # long enough to be caught while it writes, on any machine
            handle.write(json.dumps({"id": f"d{number}", "text": text}, ensure_ascii=False) + "\n")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    process = subprocess.Popen([sys.executable, "-m", "annotate", "pre", str(articles), "-o", str(out_dir / "pre.jsonl")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        while not any(p.name.endswith(".tmp") for p in out_dir.iterdir()):
            assert process.poll() is None, "annotate pre ended before it was caught writing"
            time.sleep(0.02)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 143
    assert err.splitlines()[-1] == "error: terminated"
    assert list(out_dir.iterdir()) == []
