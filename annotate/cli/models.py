"""``annotate models download|train|info``: get stanza models for Arabic and say what is installed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import typer

from annotate.cli._app import app, friendly_errors
from annotate.errors import AnnotateError
from annotate.stanza_models.load import MODEL_FILES, default_models_dir, layout, missing_models_error, read_scores

models_app = typer.Typer(help="stanza models for Arabic: download the official ones or train small ones offline.",
                         no_args_is_help=True)
app.add_typer(models_app, name="models")


class DownloadError(AnnotateError):
    """The official models could not be downloaded (usually: no internet)."""

    exit_code = 4


def download_models(folder: Path) -> Path:
    """``stanza.download("ar")`` into ``folder`` (a stanza resources folder the engine can load)."""
    import logging

    import stanza

    logging.getLogger("stanza").setLevel(logging.ERROR)
    try:
        stanza.download("ar", model_dir=str(folder), processors="tokenize,mwt,pos,lemma,depparse", verbose=False)
    except Exception as error:  # noqa: BLE001  (requests, stanza and OS errors all mean: no download)
        host = re.search(r"host='([^']+)'", str(error))
        reason = f"cannot reach {host.group(1)}" if host else (str(error).splitlines() or [type(error).__name__])[0][:120]
        raise DownloadError(f"could not download stanza models for Arabic into {folder} ({reason}); "
                            "this needs internet access, or train models offline with `annotate models train`") from None
    return folder


def train_models(treebank: Path, out: Path, progress: Any = None) -> tuple[Path, bool, dict[str, Any]]:
    """Train (or take from the cache) and install into ``out``; returns (folder, was_cached, report)."""
    from annotate.stanza_models.train import install, train

    cached, was_cached = train(treebank, progress=progress)
    folder = install(cached, out, progress=progress)
    return folder, was_cached, read_scores(folder) or {}


def models_info(folder: Path) -> dict[str, Any]:
    """What the engine would load from ``folder``: its layout, model files and held-out scores.

    Raises :class:`ModelsMissingError` (naming the folder and how to get models) when empty.
    """
    kind = layout(folder)
    if kind is None:
        raise missing_models_error(folder)
    files = {name: round((folder / f).stat().st_size / 1e6, 1) for name, f in MODEL_FILES.items() if (folder / f).is_file()}
    return {"folder": str(folder), "layout": kind, "files_mb": files, "report": read_scores(folder)}


@models_app.command("download")
@friendly_errors
def download_cli(
    out: Path = typer.Option(None, "-o", "--out", help="Folder to download into (default: the models folder the engine loads)."),
) -> None:
    """Download the official stanza Arabic models (needs internet)."""
    folder = download_models(out or default_models_dir())
    typer.echo(f"stanza Arabic models downloaded into {folder}")


@models_app.command("train")
@friendly_errors
def train_cli(
    treebank: Path = typer.Argument(..., help="A UD treebank: one .conllu file or a folder of them (e.g. UD Arabic-PUD)."),
    out: Path = typer.Option(None, "-o", "--out", help="Folder to write the models to (default: the models folder the engine loads)."),
) -> None:
    """Train small Arabic models offline with stanza's trainers (fixed step counts; cached per machine).

    Progress goes to stderr, a line per stage; models scoring under the quality floor on held-out
    data are refused, not cached.
    """
    target = out or default_models_dir()
    folder, was_cached, report = train_models(treebank, target, progress=lambda m: typer.echo(m, err=True))
    scores = report.get("scores", {})
    typer.echo(f"models {'taken from the cache' if was_cached else 'trained'} into {folder}")
    if scores:
        typer.echo("held-out test scores (F1): " + ", ".join(f"{k.removesuffix('_f1')} {v:.1f}" for k, v in scores.items()))


@models_app.command("info")
@friendly_errors
def info_cli(
    folder: Path = typer.Option(None, "--models", help="Models folder (default: ANNOTATE_STANZA_MODELS or the cache)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Say which models the stanza engine would load, and their held-out scores."""
    info = models_info(folder or default_models_dir())
    if as_json:
        typer.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    typer.echo(f"folder: {info['folder']}\nlayout: {info['layout']}")
    for name, size in info["files_mb"].items():
        typer.echo(f"  {name}: {size} MB")
    report = info["report"] or {}
    if report.get("minutes") is not None:
        steps = ", ".join(f"{name} {run['steps']} {run['unit']}" for name, run in report.get("trainers", {}).items()
                          if "steps" in run)
        typer.echo(f"trained in {report['minutes']} min ({steps or 'step counts not recorded'})")
    if report.get("floor"):
        typer.echo(f"quality floor: UPOS {report['floor']['upos']:g}, LAS {report['floor']['las']:g}")
    if report.get("scores"):
        typer.echo("held-out test scores (F1): " + ", ".join(f"{k.removesuffix('_f1')} {v:.1f}" for k, v in report["scores"].items()))
