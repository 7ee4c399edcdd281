"""Fuzz: seeded random mutations of the project's real files, fed to every command.

The README promises that bad input ends in one line naming the file, line or document and a
non-zero exit. Each case mutates a real file (the sample article, the gold sets, an export, the
guidelines) at the byte level (invalid UTF-8, UTF-16, truncation, NUL, CR, U+2028) or at the JSON
level (a field replaced by another type, a lone surrogate, deep nesting, a 5,000-digit integer,
markup and newlines in ids), runs a command through typer's CliRunner and fails on any traceback
or on an error that is not one line. Seeded: the same cases on every run; bounded: a few hundred
runs, well under a minute.
"""

from __future__ import annotations

import json
import random
import shutil
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from annotate.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample" / "syria-tv-2024-08-09.txt"
GOLD = ROOT / "tests" / "data" / "dev_gold.jsonl"
HOLDOUT = ROOT / "tests" / "data" / "holdout3.jsonl"
EXPORT = ROOT / "exports" / "dev-gold"
GUIDELINES = ROOT / "guidelines"
CASES_PER_COMMAND = 40
RUNS = {"export": 4}  # its only input is a title
UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens there

# Raw JSON texts that json.dumps would never write but a file can hold.
RAW_VALUES = [
    '"\\ud800"', '"\\udfff x"', "[" * 5000 + "]" * 5000, "9" * 5000, "-" + "1" * 4400, "NaN", "Infinity",
    '{"a": ' * 3000 + "1" + "}" * 3000, "1e999", '"\\u0000"',
]
VALUES: list[Any] = [
    None, True, False, 0, -1, 2**70, 1.5, "", " ", "x" * 5000, "[red]x[/red]", "[/]", "[bold", ":smile:", "a\nb",
    "a\r\nb", "<script>alert(1)</script>", "\u2028", "\u200f", "ـــ", [], {}, [1, "a"], {"x": [None]},
    "../../etc/passwd", "C:\\x", "%s%d{0}", "\x00",
]


def _lines(path: Path, count: int) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [next(handle).rstrip("\n") for _ in range(count)]


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a JSON value that can be replaced."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replace(value: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    value[path[0]] = _replace(value[path[0]], path[1:], new)
    return value


def _mutate_json_line(rng: random.Random, line: str) -> str:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):  # mutated before: mutate its bytes instead
        return _mutate_bytes(rng, line.encode("utf-8", "surrogatepass")).decode("utf-8", "surrogateescape")
    places = _paths(record)
    path = rng.choice(places[1:] if len(places) > 1 else places)
    if rng.random() < 0.3:
        marker = "\u2603MARK\u2603"
        text = json.dumps(_replace(record, path, marker), ensure_ascii=False)
        return text.replace(json.dumps(marker, ensure_ascii=False), rng.choice(RAW_VALUES))
    if rng.random() < 0.15 and isinstance(path[-1] if path else None, str):  # drop a field
        parent = record
        for key in path[:-1]:
            parent = parent[key]
        parent.pop(path[-1], None)
        return json.dumps(record, ensure_ascii=False)
    return json.dumps(_replace(record, path, rng.choice(VALUES)), ensure_ascii=rng.random() < 0.2)


def _mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    choice = rng.randrange(9)
    if not data:
        return b"\xff"
    at = rng.randrange(len(data))
    if choice == 0:
        return data[:at]  # truncated, maybe inside a UTF-8 sequence
    if choice == 1:
        return data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
    if choice == 2:
        return data[:at] + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\r", b"\xe2\x80\xa8"]) + data[at:]
    if choice == 3:
        return data.decode("utf-8", "replace").encode(rng.choice(["utf-16", "utf-16-le", "utf-32"]))
    if choice == 4:
        return b"\xef\xbb\xbf" + data
    if choice == 5:
        return data.replace(b"\n", b"\r\n")
    if choice == 6:
        return data + data[: rng.randrange(len(data))]
    if choice == 7:
        return data.decode("utf-8", "replace").encode("cp1256", "replace")
    return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))


def _mutate_jsonl(rng: random.Random, lines: list[str]) -> bytes:
    lines = list(lines)
    for _ in range(rng.randint(1, 3)):
        index = rng.randrange(len(lines))
        if rng.random() < 0.15:
            lines.insert(index, lines[index])  # a duplicate id
        else:
            lines[index] = _mutate_json_line(rng, lines[index])
    data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    return _mutate_bytes(rng, data) if rng.random() < 0.3 else data


def _mutate_yaml(rng: random.Random, text: str) -> bytes:
    lines = text.splitlines()
    for _ in range(rng.randint(1, 4)):
        index = rng.randrange(len(lines))
        action = rng.randrange(5)
        if action == 0:
            lines[index] = lines[index].replace(":", rng.choice([": [", ": {", ": !!python/object", ": &a *a", ""]), 1)
        elif action == 1:
            head = lines[index].split(":", 1)[0]
            lines[index] = f"{head}: {json.dumps(rng.choice(VALUES), ensure_ascii=False)}"
        elif action == 2:
            lines[index] = "\t" + lines[index]
        elif action == 3:
            del lines[index]
        else:
            lines.insert(index, lines[index])
    data = ("\n".join(lines) + "\n").encode("utf-8")
    return _mutate_bytes(rng, data) if rng.random() < 0.2 else data


# ---------------------------------------------------------------- the commands


def _case_pre(rng: random.Random, tmp: Path) -> list[str]:
    if rng.random() < 0.4:
        path = tmp / rng.choice(["in.txt", "in.txt.gz", "[x]/in.txt", "a b.txt"])
        data = _mutate_bytes(rng, SAMPLE.read_bytes()[:3000])
    else:
        path = tmp / rng.choice(["in.jsonl", "in.ndjson", "in.jsonl.gz", "[red]in.jsonl"])
        data = _mutate_jsonl(rng, _lines(GOLD, 4))
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".gz":
        import gzip

        data = gzip.compress(data) if rng.random() < 0.8 else data[:40]
    path.write_bytes(data)
    out = rng.choice(["out.jsonl", "o[/x]/o.jsonl", "-", "in.jsonl"])
    return ["pre", str(path), "-o", out if out == "-" else str(tmp / out)]


def _case_evaluate(rng: random.Random, tmp: Path) -> list[str]:
    gold, predicted = tmp / "gold.jsonl", tmp / "pred.jsonl"
    lines = _lines(HOLDOUT, 4)
    gold.write_bytes(_mutate_jsonl(rng, lines) if rng.random() < 0.5 else "\n".join(lines).encode())
    predicted.write_bytes(_mutate_jsonl(rng, lines))
    return ["evaluate", str(gold), str(predicted), *(["--json"] if rng.random() < 0.5 else [])]


def _export_folder(rng: random.Random, tmp: Path) -> Path:
    folder = tmp / rng.choice(["export", "ex[port]"])
    folder.mkdir()
    lines = _lines(EXPORT / "annotations.jsonl", 3)
    second = []
    for line in lines:
        record = json.loads(line)
        record["annotator"], record["annotation_id"] = "second@example.org", record["annotation_id"] + 1000
        second.append(json.dumps(record, ensure_ascii=False))
    (folder / "annotations.jsonl").write_bytes(_mutate_jsonl(rng, lines + second))
    predictions = _lines(EXPORT / "predictions.jsonl", 3)
    (folder / "predictions.jsonl").write_bytes(
        _mutate_jsonl(rng, predictions) if rng.random() < 0.3 else ("\n".join(predictions) + "\n").encode()
    )
    return folder


def _case_agreement(rng: random.Random, tmp: Path) -> list[str]:
    return ["agreement", str(_export_folder(rng, tmp)), "-o", str(tmp / "report")]


def _case_adjudicate(rng: random.Random, tmp: Path) -> list[str]:
    return ["adjudicate", str(_export_folder(rng, tmp)), "--project", rng.choice(["Review [x]", "r", "Review"])]


def _case_push(rng: random.Random, tmp: Path) -> list[str]:
    path = tmp / "push.jsonl"
    path.write_bytes(_mutate_jsonl(rng, _lines(GOLD, 3)))
    return ["push", str(path), "--project", rng.choice(["P [red]x[/red]", "Project", "a\nb"])]


def _case_export(rng: random.Random, tmp: Path) -> list[str]:
    return ["export", "--project", rng.choice(["[x]", "P", "P\n"]), "-o", str(tmp / "o[x]")]


def _case_guidelines(rng: random.Random, tmp: Path) -> list[str]:
    source = tmp / "guidelines"
    shutil.copytree(GUIDELINES, source, ignore=shutil.ignore_patterns("*.md"))
    name = rng.choice(["labels.yaml", "content.yaml", "examples.yaml", "known_limitations.yaml"])
    (source / name).write_bytes(_mutate_yaml(rng, (GUIDELINES / name).read_text(encoding="utf-8")))
    fmt = rng.choice(["html", "md", "md", "pdf"])
    return ["guidelines", "--source", str(source), "--format", fmt, "-o", str(tmp / "g[/x].out")]


def _case_report(rng: random.Random, tmp: Path) -> list[str]:
    path = tmp / rng.choice(["pre.jsonl", "[b]pre.jsonl"])
    path.write_bytes(_mutate_jsonl(rng, _lines(GOLD, 4)))
    by = rng.choice(["outlet", "[red]x", "file"])
    return ["report", str(path), "-o", str(tmp / "r[/x].html"), "--by", by, "--csv", str(tmp / "csv")]


def _case_server_status(rng: random.Random, tmp: Path) -> list[str]:
    data = tmp / "ls"
    data.mkdir()
    state = {"pid": rng.choice([1, 0, -1, "x", None, 2**70, [1]]), "port": rng.choice([1, "x", None]),
             "url": rng.choice([UNREACHABLE, 3, None, "[red]"])}
    creds = {"email": "a@b", "password": "p", "api_key": "k"}
    (data / "server.json").write_bytes(_mutate_jsonl(rng, [json.dumps(state)]))
    (data / "credentials.json").write_bytes(_mutate_jsonl(rng, [json.dumps(creds)]) if rng.random() < 0.5 else
                                            json.dumps(creds).encode())
    return ["server", "status", "--data-dir", str(data)]


def _case_users_add(rng: random.Random, tmp: Path) -> list[str]:
    email = rng.choice(["r@example.org", "[red]x[/red]@x.org", "a\nb@x", "", "@", '"<script>"@x.org'])
    return ["users", "add", email] + rng.choice([[], ["--password-env", "PATH"], ["--password-env", "NOT_SET_X"]])


CASES: dict[str, Callable[[random.Random, Path], list[str]]] = {
    "pre": _case_pre, "evaluate": _case_evaluate, "agreement": _case_agreement, "adjudicate": _case_adjudicate,
    "push": _case_push, "export": _case_export, "guidelines": _case_guidelines, "server status": _case_server_status,
    "report": _case_report, "users add": _case_users_add,
}


@pytest.mark.parametrize("command", sorted(CASES))
def test_no_mutated_input_ends_in_a_traceback(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No server: commands that get past their input end at "no Label Studio server" at once (a
    # connection lost half-way is tested against the real server in test_labelstudio_push_faults.py).
    monkeypatch.delenv("LABEL_STUDIO_URL", raising=False)
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    monkeypatch.setenv("ANNOTATE_LABELSTUDIO_DIR", str(tmp_path / "no-server"))
    runner = CliRunner()
    rng = random.Random(f"annotate fuzz {command}")
    failures = []
    runs = RUNS.get(command, CASES_PER_COMMAND)
    for number in range(runs):
        case_dir = tmp_path / str(number)
        case_dir.mkdir()
        args = CASES[command](rng, case_dir)
        result = runner.invoke(app, args, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            trace = "".join(traceback.format_exception(result.exception))
            failures.append(f"case {number}: annotate {' '.join(args)}\n{trace}")
            continue
        errors = result.stderr.strip().splitlines()
        one_error_line = len(errors) == 1 and errors[0].startswith("error: ")
        said_why = one_error_line or (not errors and result.stdout.strip())  # `server status`: "not running", exit 1
        if result.exit_code != 0 and not said_why:
            failures.append(f"case {number}: annotate {' '.join(args)}: exit {result.exit_code}, stderr {result.stderr!r}")
    assert not failures, f"{len(failures)} of {runs} runs failed:\n\n" + "\n\n".join(failures[:3])
