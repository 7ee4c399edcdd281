"""An installed wheel works without the checkout: it carries the guidelines and the lexicons."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# Nothing of the checkout may leak in: no PYTHONPATH, no lexicon override.
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ANNOTATE_LEXICONS")}


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=600,
                            stdin=subprocess.DEVNULL, check=False)
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout}\n{result.stderr}"
    return result


def test_an_installed_wheel_runs_guidelines_config_and_pre_outside_the_checkout(tmp_path: Path) -> None:
    # Build from a copy (symbolic links kept, as git keeps them), so the checkout gets no build/ or egg-info.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("annotate", "guidelines"):
        shutil.copytree(ROOT / name, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", tmp_path / "dist",
         source, cwd=tmp_path)
    (wheel,) = (tmp_path / "dist").glob("*.whl")

    # A fresh venv with the wheel and no checkout; its dependencies come from this environment's
    # site-packages through a .pth line (no download, and this environment's editable install of
    # annotate is not activated: .pth files of a directory added that way are not run).
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--quiet", wheel, cwd=tmp_path)
    # Only now (pip would otherwise see this environment's annotate and skip the wheel):
    purelib = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path).stdout.strip())
    (purelib / "_deps_from_test_env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run(python, "-c", "import annotate.io; print(annotate.io.__file__)", cwd=elsewhere).stdout.strip()
    assert Path(where).is_relative_to(venv), where

    annotate = venv / "bin" / "annotate"
    html = _run(annotate, "guidelines", "--format", "html", cwd=elsewhere).stdout
    assert "<html" in html and "مصدر" in html
    config = _run(annotate, "config", cwd=elsewhere).stdout
    assert config.startswith("<View") and "Choice" in config
    shutil.copy2(ROOT / "sample" / "syria-tv-2024-08-09.txt", elsewhere / "article.txt")
    _run(annotate, "pre", "article.txt", "-o", "out.jsonl", cwd=elsewhere)
    doc = json.loads((elsewhere / "out.jsonl").read_text(encoding="utf-8"))
    assert doc["id"] == "article" and len(doc["claims"]) >= 12
