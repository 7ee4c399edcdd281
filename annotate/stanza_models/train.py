"""Train a small Arabic stanza model set with stanza's own trainers, reproducibly.

Each trainer runs as ``python -m stanza.models.<trainer> --mode train`` in a child process
(on a shared machine run it under ``nice``, as ``invoke train-stanza`` does). Every trainer
stops at a fixed number of steps (or epochs), never at a time: with a fixed seed, a fixed
number of torch threads and a fixed hash seed, the same treebank, settings and stanza/torch
versions give the same models on a fast machine and on a busy one; a busy machine only takes
longer. After training, the models are scored end to end on the held-out test split (stanza's
CoNLL 2018 scorer) and cached only if UPOS and LAS reach :data:`FLOOR`; below it training
fails with one line naming the scores and the floor.

The cache is ``cache_root()/<hash>``, the hash covering the treebank's bytes, the settings and
the stanza version, so a machine trains at most once. Training into it holds an inter-process
lock (``<hash>.lock``): a second process waits (saying so), then takes the cached result.
Each stage reports a line through ``progress`` (the CLI prints them on stderr), and a long
trainer reports its step once a minute, so training is never silent.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotate.errors import AnnotateError
from annotate.io import atomic_writer
from annotate.locking import exclusive_lock
from annotate.stanza_models.load import MODEL_FILES, cache_root, pipeline_kwargs
from annotate.stanza_models.prepare import prepare, treebank_files

FORMAT_VERSION = 2
SHORTHAND = "ar_pud"
_HEARTBEAT_SECONDS = 60.0
_POLL_SECONDS = 1.0
_EVAL_FLAGS = ("--eval_steps", "--eval_interval")  # the tokenizer's, and the tagger's and parser's

ATTRIBUTION = """\
These models were trained by `annotate models train` with stanza's own trainers on
Universal Dependencies Arabic-PUD (https://github.com/UniversalDependencies/UD_Arabic-PUD),
licensed CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/).
The treebank was prepared automatically (multi-word-token ranges built from SpaceAfter=No
clitic runs; one `# newdoc` per document) and split by document: see settings.json.
As a work derived from the treebank, these model files are shared under CC BY-SA 3.0.
"""


class TrainingError(AnnotateError):
    """A stanza trainer failed; the message names the trainer and its log file."""


class BelowFloorError(TrainingError):
    """The trained models scored below the quality floor on held-out data and were not cached."""


@dataclass(frozen=True)
class Trainer:
    """One stanza trainer: its module, extra arguments, and where it stops (``steps`` of ``unit``)."""

    name: str
    module: str
    args: tuple[str, ...]
    steps_flag: str  # the trainer's own option: --steps, --max_steps or --num_epoch
    steps: int
    unit: str = "steps"

    def arguments(self) -> list[str]:
        return [*self.args, self.steps_flag, str(self.steps)]

    def with_steps(self, steps: int) -> Trainer:
        """This trainer stopping at ``steps``; an evaluation interval longer than that is shortened to it,
        so the trainer still evaluates on dev and saves a model."""
        args = list(self.args)
        for flag in _EVAL_FLAGS:
            if flag in args and int(args[args.index(flag) + 1]) > steps:
                args[args.index(flag) + 1] = str(steps)
        return dataclasses.replace(self, args=tuple(args), steps=steps)


@dataclass(frozen=True)
class Floor:
    """Held-out scores (F1, %) below which trained models are refused rather than cached."""

    upos: float
    las: float

    def failures(self, scores: dict[str, float]) -> list[str]:
        """``["UPOS 36.0 < 70", …]`` for each score under its floor (empty when the models pass)."""
        checks = (("UPOS", scores.get("upos_f1", 0.0), self.upos), ("LAS", scores.get("las_f1", 0.0), self.las))
        return [f"{name} {value:.1f} < {floor:g}" for name, value, floor in checks if value < floor]


@dataclass(frozen=True)
class Settings:
    """Everything that changes the trained models (and so the cache key)."""

    trainers: tuple[Trainer, ...] = field(default_factory=lambda: DEFAULT_TRAINERS)
    seed: int = 1234
    # torch's intra-op threads in every trainer and in scoring: fixed, because the number of
    # threads can change the order of floating-point sums and so the models.
    threads: int = 1

    def with_steps(self, **steps: int) -> Settings:
        """The same settings with some trainers' step (or epoch) counts replaced."""
        unknown = set(steps) - {t.name for t in self.trainers}
        if unknown:
            raise ValueError(f"no trainer named {', '.join(sorted(unknown))}")
        trainers = tuple(t.with_steps(steps[t.name]) if t.name in steps else t for t in self.trainers)
        return dataclasses.replace(self, trainers=trainers)

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "seed": self.seed,
            "threads": self.threads,
            "trainers": [{"name": t.name, "module": t.module, "args": t.arguments(), "steps": t.steps, "unit": t.unit}
                         for t in self.trainers],
        }


DEFAULT_TRAINERS: tuple[Trainer, ...] = (
    # The tokenizer plateaus on dev (98.8) by about step 600.
    Trainer("tokenize", "stanza.models.tokenizer", ("--eval_steps", "100", "--max_seqlen", "300"), "--steps", 600),
    Trainer("mwt", "stanza.models.mwt_expander", (), "--num_epoch", 15, "epochs"),
    # The tagger's batch is counted in sentences (default 250 ≈ 3.7 s a step on 2 cores): small
    # batches give many more updates for the same compute in a short run.
    Trainer("pos", "stanza.models.tagger", (
        "--no_pretrain", "--hidden_dim", "100", "--char_hidden_dim", "100", "--deep_biaff_hidden_dim", "100",
        "--composite_deep_biaff_hidden_dim", "50", "--word_emb_dim", "50", "--char_emb_dim", "50",
        "--batch_size", "50", "--eval_interval", "50", "--fix_eval_interval"), "--max_steps", 600),
    # The lemmatizer's dictionary covers seen words; a few seq2seq epochs do the rest.
    Trainer("lemma", "stanza.models.lemmatizer", (), "--num_epoch", 4, "epochs"),
    # The parser's batch is counted in words; Adam from the start suits a short run.
    Trainer("depparse", "stanza.models.parser", (
        "--no_pretrain", "--no_checkpoint", "--hidden_dim", "100", "--char_hidden_dim", "100",
        "--deep_biaff_hidden_dim", "100", "--deep_biaff_output_dim", "80", "--num_layers", "2",
        "--word_emb_dim", "50", "--char_emb_dim", "50", "--tag_emb_dim", "25",
        "--optim", "adam", "--lr", "0.002", "--batch_size", "1000", "--eval_interval", "50"), "--max_steps", 900),
)

# Chosen from measurement (docs/stanza.md): these settings score UPOS 83.8, LAS 58.5 on the
# held-out split, on any machine (step caps). The floor leaves room for a stanza or torch upgrade
# that moves the scores a little, stays above the models the wall-clock caps used to leave on a
# moderately busy machine (UPOS 78.7, LAS 52.0), and refuses what they left on a crowded one
# (UPOS 36, LAS 13).
FLOOR = Floor(upos=75.0, las=50.0)


def cache_key(treebank: Path, settings: Settings) -> str:
    """Hash of the treebank's CoNLL-U bytes, the settings and the stanza version."""
    import stanza

    digest = hashlib.sha256()
    for path in treebank_files(treebank):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(json.dumps(settings.as_json(), sort_keys=True).encode())
    digest.update(stanza.__version__.encode())
    return digest.hexdigest()[:16]


def cached_folder(treebank: Path, settings: Settings | None = None) -> Path:
    """Where the models for this treebank and these settings are (or will be) cached."""
    return cache_root() / cache_key(treebank, settings or Settings())


def _data_args(name: str, data: Path, work: Path) -> list[str]:
    """Train/dev file arguments in the form each trainer expects."""
    d = lambda split, suffix: str(data / f"{SHORTHAND}.{split}{suffix}")
    pred = str(work / f"{name}.dev.pred.conllu")
    if name == "tokenize":
        return ["--txt_file", d("train", ".txt"), "--label_file", d("train", "-ud.toklabels"),
                "--mwt_json_file", d("dev", "-mwt.json"), "--dev_txt_file", d("dev", ".txt"),
                "--dev_label_file", d("dev", "-ud.toklabels"), "--dev_conll_gold", d("dev", ".conllu"),
                "--conll_file", pred, "--use_mwt", "--lang", "ar", "--shorthand", SHORTHAND]
    if name == "mwt":
        return ["--train_file", d("train", ".conllu"), "--eval_file", d("dev", ".conllu"),
                "--output_file", pred, "--gold_file", d("dev", ".conllu"), "--lang", "ar", "--shorthand", SHORTHAND]
    if name == "lemma":
        return ["--train_file", d("train", ".conllu"), "--eval_file", d("dev", ".conllu"),
                "--output_file", pred, "--shorthand", SHORTHAND]
    return ["--train_file", d("train", ".conllu"), "--eval_file", d("dev", ".conllu"),
            "--output_file", pred, "--lang", "ar", "--shorthand", SHORTHAND]


def _trainer_env(settings: Settings) -> dict[str, str]:
    """The child's environment: fixed thread counts and hash seed, so its result is reproducible."""
    threads = str(settings.threads)
    return {**os.environ, "OMP_NUM_THREADS": threads, "MKL_NUM_THREADS": threads, "OPENBLAS_NUM_THREADS": threads,
            "PYTHONHASHSEED": str(settings.seed)}


_STEP_PATTERNS = {"steps": re.compile(r"(?i)\bstep\s+(\d+)\s*/"), "epochs": re.compile(r"\bepoch (\d+):")}


def _reached(log_path: Path, trainer: Trainer) -> str:
    """How far the trainer's log says it is ("step 350 of 600"), for the once-a-minute line."""
    try:
        with log_path.open("rb") as handle:
            handle.seek(max(0, log_path.stat().st_size - 20_000))
            tail = handle.read().decode("utf-8", "replace")
    except OSError:
        return "starting"
    found = _STEP_PATTERNS[trainer.unit].findall(tail)
    singular = trainer.unit.removesuffix("s")
    return f"{singular} {found[-1]} of {trainer.steps}" if found else "loading data"


# Runs ``python -m MODULE ARGS…`` in a child that the kernel kills when the training process dies,
# however it dies (Linux's PR_SET_PDEATHSIG; elsewhere the child simply runs): a killed
# ``annotate models train`` leaves no trainer behind. Done in the child rather than in a
# ``preexec_fn``, which is unsafe when the parent has threads.
_LAUNCHER = """\
import ctypes, os, runpy, signal, sys
parent, module, *args = sys.argv[1:]
try:
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
except (OSError, AttributeError):
    pass
if os.getppid() != int(parent):
    sys.exit("the training process is gone")
sys.argv = [module, *args]
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


@dataclass
class _Running:
    """A trainer's child process, its log, and when it started."""

    trainer: Trainer
    process: subprocess.Popen
    log_path: Path
    started: float
    reported: float
    cpu_seconds: float = 0.0


def _start_trainer(trainer: Trainer, data: Path, work: Path, settings: Settings) -> _Running:
    model = work / MODEL_FILES[trainer.name]
    log_path = work / "logs" / f"{trainer.name}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    arguments = ["--mode", "train", *_data_args(trainer.name, data, work), "--save_dir", str(work),
                 "--save_name", model.name, "--seed", str(settings.seed), *trainer.arguments()]
    command = [sys.executable, "-c", _LAUNCHER, str(os.getpid()), trainer.module, *arguments]
    with log_path.open("w", encoding="utf-8") as log:
        log.write(" ".join([sys.executable, "-m", trainer.module, *arguments]) + "\n")
        log.flush()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   env=_trainer_env(settings), cwd=work)
    now = time.monotonic()
    return _Running(trainer, process, log_path, now, now)


def _finished(run: _Running, work: Path) -> dict[str, Any]:
    """The run's record once its process has exited; TrainingError if it failed or saved nothing."""
    trainer, code = run.trainer, run.process.returncode
    model = work / MODEL_FILES[trainer.name]
    if code != 0:
        raise TrainingError(f"stanza {trainer.name} trainer failed (exit {code}); see {run.log_path}")
    if not model.is_file():
        raise TrainingError(f"stanza {trainer.name} trainer saved no model in {trainer.steps} {trainer.unit}; see {run.log_path}")
    seconds = round(time.monotonic() - run.started, 1)
    # CPU seconds measure the work itself (the same on a busy machine); wall-clock seconds do not.
    return {"steps": trainer.steps, "unit": trainer.unit, "seconds": seconds, "cpu_seconds": round(run.cpu_seconds, 1),
            "size_mb": round(model.stat().st_size / 1e6, 1)}


def _run_trainers(settings: Settings, data: Path, work: Path, jobs: int, say: Callable[[str], None]) -> dict[str, Any]:
    """Run every trainer to its step cap, ``jobs`` at a time; their best-on-dev models end up in ``work``.

    The five trainers are independent (each reads the gold training and dev files), and each
    child uses ``settings.threads`` threads whatever ``jobs`` is, so running them side by side
    changes how long training takes, never what it produces.
    """
    pending = list(settings.trainers)
    total = len(pending)
    running: list[_Running] = []
    runs: dict[str, Any] = {}
    try:
        while pending or running:
            while pending and len(running) < jobs:
                trainer = pending.pop(0)
                number = total - len(pending)
                say(f"training {trainer.name} ({number}/{total}): {trainer.steps} {trainer.unit}")
                running.append(_start_trainer(trainer, data, work, settings))
            time.sleep(_POLL_SECONDS)
            for run in list(running):
                pid, status, usage = os.wait4(run.process.pid, os.WNOHANG)
                if pid:
                    run.process.returncode = os.waitstatus_to_exitcode(status)
                    run.cpu_seconds = usage.ru_utime + usage.ru_stime
                    running.remove(run)
                    runs[run.trainer.name] = _finished(run, work)
                    record = runs[run.trainer.name]
                    say(f"  {run.trainer.name} done in {_minutes(record['seconds'])} ({_minutes(record['cpu_seconds'])} of CPU)")
                elif time.monotonic() - run.reported >= _HEARTBEAT_SECONDS:
                    run.reported = time.monotonic()
                    say(f"  {run.trainer.name}: {_reached(run.log_path, run.trainer)} "
                        f"({(run.reported - run.started) / 60:.0f} min)")
    finally:
        for run in running:  # a failure or an interrupt: stop the others too
            run.process.kill()
            run.process.wait()
    return {t.name: runs[t.name] for t in settings.trainers}


def _score(work: Path, data: Path, threads: int) -> dict[str, float]:
    """End-to-end scores on the held-out test split, from raw text, with stanza's UD scorer."""
    import stanza
    import torch
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL
    from udtools.udeval import UDError  # the CoNLL 2018 scorer stanza uses

    text = (data / f"{SHORTHAND}.test.txt").read_text(encoding="utf-8")
    previous = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        nlp = stanza.Pipeline(**pipeline_kwargs(work))
        doc = nlp(text)
    finally:
        torch.set_num_threads(previous)
    predicted = work / "test.pred.conllu"
    CoNLL.write_doc2conll(doc, str(predicted))
    names = {"Tokens": "tokens_f1", "Words": "words_f1", "UPOS": "upos_f1", "Lemmas": "lemma_f1", "UAS": "uas_f1", "LAS": "las_f1"}
    try:
        evaluation = ud_scores(str(data / f"{SHORTHAND}.test.conllu"), str(predicted))
    except UDError:
        # The scorer refuses output whose words do not spell the text (an undertrained MWT expander
        # writes <UNK>): no word is right, so every score is 0 and the floor refuses the models.
        return dict.fromkeys(names.values(), 0.0)
    return {key: round(evaluation[name].f1 * 100, 2) for name, key in names.items()}


def default_jobs() -> int:
    """Trainers run side by side: one per CPU core, at most two (more only adds memory)."""
    return max(1, min(2, len(os.sched_getaffinity(0))))


def _minutes(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.1f} min"


def train(treebank: Path, settings: Settings | None = None, progress: Callable[[str], None] | None = None,
          floor: Floor = FLOOR, jobs: int | None = None) -> tuple[Path, bool]:
    """Models for ``treebank``: from the cache, or trained now. Returns (folder, was_cached).

    ``jobs`` trainers run at once (default :func:`default_jobs`); it changes the time taken, not the models.
    Raises :class:`BelowFloorError` (models left in ``<hash>.refused``, not cached) when the
    held-out UPOS or LAS is under ``floor``, and :class:`TrainingError` when a trainer fails.
    """
    settings = settings or Settings()
    say = progress or (lambda _message: None)
    final = cached_folder(treebank, settings)
    if (final / "scores.json").is_file():
        return final, True
    with exclusive_lock(final.with_name(f"{final.name}.lock"), f"training stanza models into {final}", say):
        if (final / "scores.json").is_file():  # trained by the process we waited for
            return final, True
        for stale in final.parent.glob(f"{final.name}.tmp-*"):  # left by a killed run (we hold the lock)
            shutil.rmtree(stale, ignore_errors=True)
        return _train_locked(treebank, settings, final, floor, jobs, say), False


def _train_locked(treebank: Path, settings: Settings, final: Path, floor: Floor, jobs: int | None,
                  say: Callable[[str], None]) -> Path:
    work = final.with_name(f"{final.name}.tmp-{os.getpid()}")
    (work / "data").mkdir(parents=True)
    total = len(settings.trainers)
    started = time.monotonic()
    try:
        say(f"training stanza models into {final} ({total} trainers with fixed step counts, seed {settings.seed})")
        say("preparing the treebank")
        counts = prepare(treebank, work / "data", SHORTHAND)
        runs = _run_trainers(settings, work / "data", work, jobs or default_jobs(), say)
        say("scoring on the held-out test split")
        scores = _score(work, work / "data", settings.threads)
        seconds = time.monotonic() - started
        report = {"scores": scores, "floor": dataclasses.asdict(floor), "sentences": counts, "trainers": runs,
                  "minutes": round(seconds / 60, 1), "treebank": "UD Arabic-PUD (CC BY-SA 3.0)"}
        with atomic_writer(work / "settings.json") as handle:
            json.dump(settings.as_json(), handle, indent=2)
        (work / "ATTRIBUTION.md").write_text(ATTRIBUTION, encoding="utf-8")
        with atomic_writer(work / "scores.json") as handle:
            json.dump(report, handle, indent=2)
        failures = floor.failures(scores)
        if failures:
            refused = final.with_name(f"{final.name}.refused")
            shutil.rmtree(refused, ignore_errors=True)
            os.replace(work, refused)
            raise BelowFloorError(f"stanza models trained from {treebank} score below the floor on held-out data "
                                  f"({', '.join(failures)}); not cached (models and logs kept in {refused})")
        say(f"held-out UPOS {scores['upos_f1']:.1f}, LAS {scores['las_f1']:.1f} (floor {floor.upos:g} / {floor.las:g}); "
            f"trained in {_minutes(seconds)}")
        shutil.rmtree(final, ignore_errors=True)
        os.replace(work, final)
    except TrainingError:
        raise  # keep the work folder: the message points at a log inside it
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final


def install(source: Path, target: Path, progress: Callable[[str], None] | None = None) -> Path:
    """Copy a trained folder to ``target`` (replacing it whole), for the engine to load from.

    Two processes installing into the same folder take turns (a lock next to it).
    """
    if source.resolve() == target.resolve():
        return target
    with exclusive_lock(target.with_name(f".{target.name}.lock"), f"installing models into {target}", progress):
        staging = target.with_name(f".{target.name}.tmp-{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(source, staging, ignore=shutil.ignore_patterns("data", "*.pred.conllu"))
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    return target


def main(argv: list[str] | None = None) -> None:
    """``python -m annotate.stanza_models.train TREEBANK``: train (or find cached) and print the folder."""
    args = argv if argv is not None else sys.argv[1:]
    folder, cached = train(Path(args[0]), progress=lambda m: print(m, file=sys.stderr, flush=True))
    print(folder, "(cached)" if cached else "(trained)")


if __name__ == "__main__":
    main()
