"""Train a small Arabic stanza model set with stanza's own trainers, within a time budget.

Each trainer runs as ``python -m stanza.models.<trainer> --mode train`` in a child process
(on a shared machine run it under ``nice``, as ``invoke train-stanza`` does), with sizes and
step counts chosen so the five models fit in under 14 minutes on 2 CPU cores (the caps add
up to 790 s). Each trainer has a wall-clock cap: stanza keeps the best model on dev as it
goes, so stopping at the cap still leaves a usable model (on a busy machine, a trainer that has
not saved its first model by its cap gets up to three times the cap to do so). The result is cached under ``cache_root()/<hash>`` where the hash covers the
treebank's bytes, the settings and the stanza version, so a machine trains at most once.
Held-out scores (stanza's CoNLL 2018 scorer, end to end from raw text) go to ``scores.json``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotate.errors import AnnotateError
from annotate.io import atomic_writer
from annotate.stanza_models.load import MODEL_FILES, cache_root, pipeline_kwargs
from annotate.stanza_models.prepare import prepare, treebank_files

FORMAT_VERSION = 1
SHORTHAND = "ar_pud"

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


@dataclass(frozen=True)
class Trainer:
    """One stanza trainer: its module, extra arguments and wall-clock cap in seconds."""

    name: str
    module: str
    args: tuple[str, ...]
    cap_seconds: int


@dataclass(frozen=True)
class Settings:
    """Everything that changes the trained models (and so the cache key)."""

    trainers: tuple[Trainer, ...] = field(default_factory=lambda: DEFAULT_TRAINERS)
    seed: int = 1234

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "seed": self.seed,
            "trainers": [{"name": t.name, "module": t.module, "args": list(t.args), "cap_seconds": t.cap_seconds} for t in self.trainers],
        }


DEFAULT_TRAINERS: tuple[Trainer, ...] = (
    # Measured on 2 shared cores (first run: 10 minutes in all, UPOS 78.9, LAS 50.8 with a tagger
    # stopped at 300 steps while still improving): the tokenizer plateaus on dev (98.8) by about
    # step 600; the tagger and parser gain most from extra steps, so they get the time.
    Trainer("tokenize", "stanza.models.tokenizer", ("--steps", "600", "--eval_steps", "100", "--max_seqlen", "300"), 110),
    Trainer("mwt", "stanza.models.mwt_expander", ("--num_epoch", "15"), 40),
    # The tagger's batch is counted in sentences (default 250 ≈ 3.7 s a step here): small
    # batches give many more updates for the same compute in a short run. About 55 s of setup.
    Trainer("pos", "stanza.models.tagger", (
        "--no_pretrain", "--hidden_dim", "100", "--char_hidden_dim", "100", "--deep_biaff_hidden_dim", "100",
        "--composite_deep_biaff_hidden_dim", "50", "--word_emb_dim", "50", "--char_emb_dim", "50",
        "--batch_size", "50", "--max_steps", "600", "--eval_interval", "50", "--fix_eval_interval"), 280),
    # The lemmatizer's dictionary covers seen words; a few seq2seq epochs (about 20 s each) do the rest.
    Trainer("lemma", "stanza.models.lemmatizer", ("--num_epoch", "4"), 100),
    # The parser's batch is counted in words; Adam from the start suits a short run (~0.25 s a step).
    Trainer("depparse", "stanza.models.parser", (
        "--no_pretrain", "--no_checkpoint", "--hidden_dim", "100", "--char_hidden_dim", "100",
        "--deep_biaff_hidden_dim", "100", "--deep_biaff_output_dim", "80", "--num_layers", "2",
        "--word_emb_dim", "50", "--char_emb_dim", "50", "--tag_emb_dim", "25",
        "--optim", "adam", "--lr", "0.002", "--batch_size", "1000",
        "--max_steps", "900", "--eval_interval", "50"), 260),
)


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


def _wait(process: subprocess.Popen, model: Path, cap: int) -> int:
    """Exit code of ``process``; TimeoutExpired once past ``cap`` with a model saved.

    On a busy machine a trainer may not reach its first evaluation (and first save) within
    its cap; then it gets up to three times the cap to save one, rather than failing.
    """
    try:
        return process.wait(timeout=cap)
    except subprocess.TimeoutExpired:
        deadline = time.monotonic() + 2 * cap
        while not model.is_file() and time.monotonic() < deadline:
            try:
                return process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                continue
        raise


def _check_loadable(model: Path, name: str, log_path: Path) -> None:
    """A trainer stopped at its cap could in principle be stopped while saving: check the file."""
    import torch

    try:
        torch.load(model, map_location="cpu", weights_only=False)
    except Exception:  # noqa: BLE001  (any unpickling failure means a truncated file)
        raise TrainingError(f"stanza {name} trainer was stopped at its time cap while saving; rerun (see {log_path})") from None


def _run_trainer(trainer: Trainer, data: Path, work: Path, seed: int) -> dict[str, Any]:
    """Run one trainer to completion or to its cap; the best-on-dev model ends up in ``work``."""
    model = work / MODEL_FILES[trainer.name]
    log_path = work / "logs" / f"{trainer.name}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", trainer.module, "--mode", "train", *_data_args(trainer.name, data, work),
               "--save_dir", str(work), "--save_name", model.name, "--seed", str(seed), *trainer.args]
    started = time.monotonic()
    with log_path.open("w", encoding="utf-8") as log:
        log.write(" ".join(command) + "\n")
        log.flush()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=work)
        try:
            code, capped = _wait(process, model, trainer.cap_seconds), False
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGTERM)
            code, capped = process.wait(), True
        except BaseException:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise
    seconds = round(time.monotonic() - started, 1)
    if capped and model.is_file():
        _check_loadable(model, trainer.name, log_path)
    if not capped and code != 0:
        raise TrainingError(f"stanza {trainer.name} trainer failed (exit {code}); see {log_path}")
    if not model.is_file():
        raise TrainingError(f"stanza {trainer.name} trainer saved no model within {trainer.cap_seconds} s; see {log_path}")
    return {"seconds": seconds, "stopped_at_cap": capped, "size_mb": round(model.stat().st_size / 1e6, 1)}


def _score(work: Path, data: Path) -> dict[str, float]:
    """End-to-end scores on the held-out test split, from raw text, with stanza's UD scorer."""
    import stanza
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL

    text = (data / f"{SHORTHAND}.test.txt").read_text(encoding="utf-8")
    nlp = stanza.Pipeline(**pipeline_kwargs(work))
    doc = nlp(text)
    predicted = work / "test.pred.conllu"
    CoNLL.write_doc2conll(doc, str(predicted))
    evaluation = ud_scores(str(data / f"{SHORTHAND}.test.conllu"), str(predicted))
    names = {"Tokens": "tokens_f1", "Words": "words_f1", "UPOS": "upos_f1", "Lemmas": "lemma_f1", "UAS": "uas_f1", "LAS": "las_f1"}
    return {key: round(evaluation[name].f1 * 100, 2) for name, key in names.items()}


def train(treebank: Path, settings: Settings | None = None, progress: Callable[[str], None] | None = None) -> tuple[Path, bool]:
    """Models for ``treebank``: from the cache, or trained now. Returns (folder, was_cached)."""
    settings = settings or Settings()
    say = progress or (lambda _message: None)
    final = cached_folder(treebank, settings)
    if (final / "scores.json").is_file():
        return final, True
    work = final.with_name(f"{final.name}.tmp-{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    (work / "data").mkdir(parents=True)
    started = time.monotonic()
    try:
        say("preparing the treebank")
        counts = prepare(treebank, work / "data", SHORTHAND)
        runs: dict[str, Any] = {}
        for trainer in settings.trainers:
            say(f"training {trainer.name} (at most {trainer.cap_seconds} s)")
            runs[trainer.name] = _run_trainer(trainer, work / "data", work, settings.seed)
        say("scoring on the held-out test split")
        scores = _score(work, work / "data")
        report = {"scores": scores, "sentences": counts, "trainers": runs,
                  "minutes": round((time.monotonic() - started) / 60, 1), "treebank": "UD Arabic-PUD (CC BY-SA 3.0)"}
        with atomic_writer(work / "settings.json") as handle:
            json.dump(settings.as_json(), handle, indent=2)
        (work / "ATTRIBUTION.md").write_text(ATTRIBUTION, encoding="utf-8")
        with atomic_writer(work / "scores.json") as handle:
            json.dump(report, handle, indent=2)
        shutil.rmtree(final, ignore_errors=True)
        os.replace(work, final)
    except TrainingError:
        raise  # keep the work folder: the message points at a log inside it
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final, False


def install(source: Path, target: Path) -> Path:
    """Copy a trained folder to ``target`` (replacing it whole), for the engine to load from."""
    if source.resolve() == target.resolve():
        return target
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
