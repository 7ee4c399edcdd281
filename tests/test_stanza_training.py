"""Training stanza models: step caps (reproducible), a quality floor, and one trainer per cache at a time.

These tests train real models with stanza's trainers, on a slice of UD Arabic-PUD and with a
few steps each, so each run takes about a minute. Nothing here depends on how fast the machine is:
the runs stop at step counts, and the lock test orders its processes with the lock itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import torch
from _stanza_support import ROOT, need_treebank

from annotate.locking import exclusive_lock
from annotate.stanza_models.train import FLOOR, BelowFloorError, Floor, Settings, cached_folder, train

# A few steps (or epochs) per trainer: enough to save a model, far too few for a useful one.
TINY_STEPS = {"tokenize": 10, "mwt": 1, "pos": 10, "lemma": 1, "depparse": 10}
NO_FLOOR = Floor(upos=0, las=0)

# Each run ends at its step counts; how long that takes depends only on how busy the machine is.
# The limit is a guard against a hang, far above any run (a few minutes on a crowded 2-core machine).
pytestmark = pytest.mark.timeout(3600)


@pytest.fixture
def small_treebank(tmp_path: Path) -> Path:
    """The first 80 sentences of Arabic-PUD (about 30 documents: dev and test get three each)."""
    source = min(need_treebank().glob("*.conllu"))
    blocks = source.read_text(encoding="utf-8").split("\n\n")[:80]
    path = tmp_path / "treebank" / "ar_pud-small.conllu"
    path.parent.mkdir()
    path.write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")
    return path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ANNOTATE_STANZA_CACHE", str(folder))
    return folder


def tiny() -> Settings:
    return Settings().with_steps(**TINY_STEPS)


def test_shortened_trainers_still_evaluate_and_stop_at_steps_not_seconds():
    settings = tiny()
    pos = next(t for t in settings.trainers if t.name == "pos")
    assert pos.arguments()[-2:] == ["--max_steps", "10"]
    assert pos.arguments()[pos.arguments().index("--eval_interval") + 1] == "10"  # was 50: would never save
    described = json.dumps(Settings().as_json())
    assert "cap_seconds" not in described and "seconds" not in described
    assert Settings().with_steps(pos=20).as_json() != Settings().as_json()  # steps are part of the cache key


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ({"upos_f1": 78.7, "las_f1": 52.0}, []),
        ({"upos_f1": 36.0, "las_f1": 13.0}, [f"UPOS 36.0 < {FLOOR.upos:g}", f"LAS 13.0 < {FLOOR.las:g}"]),
        ({"upos_f1": 80.0, "las_f1": 13.04}, [f"LAS 13.0 < {FLOOR.las:g}"]),
    ],
)
def test_floor_names_each_score_below_it(scores, expected):
    assert FLOOR.failures(scores) == expected


def test_an_undertrained_run_is_refused_not_cached(small_treebank: Path, cache: Path):
    lines: list[str] = []
    with pytest.raises(BelowFloorError) as raised:
        train(small_treebank, tiny(), progress=lines.append)
    message = str(raised.value)
    assert "\n" not in message
    assert f"< {FLOOR.upos:g}" in message and f"< {FLOOR.las:g}" in message and "UPOS" in message and "LAS" in message
    final = cached_folder(small_treebank, tiny())
    assert not final.exists()  # nothing cached: the next run trains again rather than reusing it
    refused = final.with_name(final.name + ".refused")
    assert str(refused) in message and (refused / "logs" / "pos.log").is_file()
    report = json.loads((refused / "scores.json").read_text(encoding="utf-8"))
    assert f"UPOS {report['scores']['upos_f1']:.1f} < " in message
    # never silent: a line per stage, every trainer named with its step count
    assert lines[1] == "preparing the treebank"
    for trainer in tiny().trainers:
        assert any(line.startswith(f"training {trainer.name} ") and f": {trainer.steps} {trainer.unit}" in line for line in lines)
    assert "scoring on the held-out test split" in lines


def _weights(folder: Path) -> dict[str, dict[str, torch.Tensor]]:
    from annotate.stanza_models.load import MODEL_FILES

    def tensors(value, prefix=""):
        if isinstance(value, torch.Tensor):
            yield prefix, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from tensors(item, f"{prefix}/{key}")

    return {name: dict(tensors(torch.load(folder / file, map_location="cpu", weights_only=False)))
            for name, file in MODEL_FILES.items()}


def test_training_twice_gives_the_same_models(small_treebank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Step caps, a fixed seed, fixed thread counts: two runs (one trainer at a time, then two) agree exactly."""
    folders = []
    for run, jobs in (("a", 1), ("b", 2)):
        monkeypatch.setenv("ANNOTATE_STANZA_CACHE", str(tmp_path / run))
        folder, cached = train(small_treebank, tiny(), floor=NO_FLOOR, jobs=jobs)
        assert not cached
        folders.append(folder)
    first, second = (json.loads((f / "scores.json").read_text(encoding="utf-8")) for f in folders)
    assert first["scores"] == second["scores"]
    assert (folders[0] / "test.pred.conllu").read_text(encoding="utf-8") == (folders[1] / "test.pred.conllu").read_text(encoding="utf-8")
    weights_a, weights_b = _weights(folders[0]), _weights(folders[1])
    for name, tensors in weights_a.items():
        assert tensors.keys() == weights_b[name].keys() and tensors, name
        for key, tensor in tensors.items():
            assert torch.equal(tensor, weights_b[name][key]), f"{name}{key}"


CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from annotate.stanza_models.train import Floor, Settings, train
    settings = Settings().with_steps(**json.loads(sys.argv[2]))
    folder, cached = train(Path(sys.argv[1]), settings, floor=Floor(0, 0),
                           progress=lambda line: print(line, file=sys.stderr, flush=True))
    print(json.dumps({"folder": str(folder), "cached": cached}))
    """
)


def test_two_processes_train_once_into_one_cache(small_treebank: Path, cache: Path):
    """Both find the cache empty and queue on the lock; one trains, the other waits for it and reuses its models."""
    env = {**os.environ, "ANNOTATE_STANZA_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", CHILD, str(small_treebank), json.dumps(TINY_STEPS)]
    final = cached_folder(small_treebank, tiny())
    lock = final.with_name(final.name + ".lock")
    children = []
    with exclusive_lock(lock, "the test's hold"):  # so both children are certainly waiting at once
        for _ in range(2):
            child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
            children.append(child)
            line = "?"
            while line and "waiting for" not in line:
                line = child.stderr.readline()
            assert line.startswith(f"waiting for process {os.getpid()} to finish training stanza models into {final}"), line
    outputs = [child.communicate() for child in children]
    assert [child.returncode for child in children] == [0, 0], [err[-2000:] for _, err in outputs]
    results = [json.loads(out.strip().splitlines()[-1]) for out, _ in outputs]
    assert {r["folder"] for r in results} == {str(final)}
    assert sorted(r["cached"] for r in results) == [False, True]
    waiter_err = next(err for (_, err), r in zip(outputs, results) if r["cached"])
    trainer_pid = next(c.pid for c, r in zip(children, results) if not r["cached"])
    assert f"waiting for process {trainer_pid} to finish training" in waiter_err  # it queued behind the trainer
    assert "training tokenize" not in waiter_err
    assert sum(err.count("training tokenize") for _, err in outputs) == 1  # trained once
    assert (final / "scores.json").is_file()
    assert sorted(p.name for p in cache.iterdir()) == sorted([final.name, lock.name])  # no half-trained folders left
