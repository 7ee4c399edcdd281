"""Label Studio's ML backend protocol on Starlette (through FastAPI).

- ``GET /health``: ``{"status": "UP", "model_version": …}``.
- ``POST /setup``: Label Studio sends the project (``"id.timestamp"``), its interface and the
  backend's ``extra_params``; we answer the version this project sees.
- ``POST /predict``: ``{"tasks": […], "project": …}`` → ``{"results": [one prediction per task]}``,
  each exactly what ``annotate push`` would import for the task's text.
- ``POST /webhook``: ``START_TRAINING`` (Label Studio's *Start Training*) trains on the project's
  annotations; ``ANNOTATION_CREATED``/``UPDATED`` count towards ``--train-every``.
- ``POST /train``: the older training call with the annotated tasks in the body.
- ``GET /versions``, ``POST /job_status``: what Label Studio may ask besides.

Predicting runs in a worker thread with a time budget: past it, the request ends with HTTP 503
and a log line, so Label Studio (which waits at most its own timeout) never waits on us longer.
Errors are logged and answered with a JSON error; Label Studio logs them and goes on without a
prediction.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from annotate.errors import AnnotateError
from annotate.serve.backend import Backend
from annotate.serve.predict import predict_tasks
from annotate.serve.training import start_training

log = logging.getLogger("annotate.serve")
TRAIN_ACTIONS = {"START_TRAINING"}
COUNTED_ACTIONS = {"ANNOTATION_CREATED", "ANNOTATION_UPDATED", "ANNOTATIONS_CREATED"}


async def _body(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def create_app(backend: Backend, predict_timeout: float = 20.0) -> FastAPI:
    """The web application serving ``backend``."""
    app = FastAPI(title="annotate ML backend", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.backend = backend

    @app.get("/")
    @app.get("/health")
    def health() -> dict[str, Any]:
        return {"status": "UP", "model_class": "annotate", "model_version": backend.model.version}

    @app.post("/setup")
    async def setup(request: Request) -> dict[str, Any]:
        body = await _body(request)
        version = backend.setup(body.get("project"), body.get("extra_params"))
        log.info("setup: project %s sees model version %s", body.get("project"), version)
        return {"model_version": version}

    @app.post("/predict")
    async def predict(request: Request) -> Any:
        body = await _body(request)
        tasks = body.get("tasks")
        if not isinstance(tasks, list) or not tasks:
            log.error("predict: no tasks in the request")
            return _error(400, "no tasks in the request")
        version = backend.version_for(body.get("project"))
        started = time.monotonic()
        try:
            results = await asyncio.wait_for(
                run_in_threadpool(predict_tasks, backend.model, tasks, version, body.get("label_config")),
                timeout=predict_timeout,
            )
        except TimeoutError:
            log.error("predict: %d tasks not done in %.1f s; answered 503", len(tasks), predict_timeout)
            return _error(503, f"prediction took longer than {predict_timeout:.1f} s")
        except AnnotateError as error:
            log.error("predict: %s", error)
            return _error(422, str(error))
        except Exception as error:  # logged with its traceback; Label Studio goes on without a prediction
            log.exception("predict: %d tasks failed", len(tasks))
            return _error(500, f"{type(error).__name__}: {error}")
        log.info("predict: %d tasks in %.0f ms (model version %s)", len(tasks), 1000 * (time.monotonic() - started), version)
        return {"results": results, "model_version": version}

    @app.post("/webhook")
    async def webhook(request: Request) -> Any:
        body = await _body(request)
        action = body.get("action")
        project = body.get("project") if isinstance(body.get("project"), dict) else None
        if action in TRAIN_ACTIONS or (action in COUNTED_ACTIONS and project and backend.count_annotation(project.get("id"))):
            if not project or project.get("id") is None:
                return _error(400, f"{action}: no project in the webhook")
            job = start_training(backend, project=project)
            return JSONResponse({"status": "training", "job": job.id}, status_code=201)
        return JSONResponse({"status": "ignored", "action": action}, status_code=200)

    @app.post("/train")
    async def train(request: Request) -> Any:
        body = await _body(request)
        tasks = body.get("annotations")
        if not isinstance(tasks, list):
            return _error(400, "no 'annotations' (annotated tasks) in the request")
        job = start_training(backend, tasks=tasks)
        return JSONResponse({"status": "training", "job": job.id}, status_code=201)

    @app.get("/versions")
    def versions() -> dict[str, Any]:
        return {"versions": backend.versions()}

    @app.post("/job_status")
    async def job_status(request: Request) -> Any:
        body = await _body(request)
        found = next((j for j in backend.jobs if str(j.id) == str(body.get("job"))), None)
        if found is None:
            return _error(404, f"no training job {body.get('job')!r}")
        return {"job": found.id, "status": found.status, "message": found.message, "model_version": found.model_version}

    return app
