"""``annotate serve``: Label Studio's ML backend protocol, predicting what ``annotate pre`` + ``push`` would."""

from annotate.serve.app import create_app
from annotate.serve.backend import Backend
from annotate.serve.run import make_backend, serve

__all__ = ["Backend", "create_app", "make_backend", "serve"]
