"""The real ``annotate serve`` process for the tests, on 127.0.0.1 and a free port."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from annotate.labelstudio.server import free_port

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def backend_process(work_dir: Path, connection=None, *args: str) -> Iterator[str]:
    """Start ``annotate serve`` (state folder ``work_dir/state``, its log ``work_dir/serve.log``) and
    yield its URL once /health answers; stop it afterwards."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if connection is not None:  # the backend's training reads the project through the one client factory
        env.update(LABEL_STUDIO_URL=connection.url, LABEL_STUDIO_API_KEY=connection.api_key)
    log = (work_dir / "serve.log").open("a")
    process = subprocess.Popen(
        [sys.executable, "-m", "annotate", "serve", "--port", str(port), "--state-dir", str(work_dir / "state"), *args],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            if process.poll() is not None:
                raise RuntimeError(f"annotate serve exited: {(work_dir / 'serve.log').read_text()[-2000:]}")
            try:
                if httpx.get(url + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
