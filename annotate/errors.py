"""The project's exceptions: one base class the CLI turns into a one-line message and exit code."""

from __future__ import annotations


class AnnotateError(Exception):
    """Base error: anything the user can fix (bad input, missing server, missing models)."""

    exit_code = 1


class InputError(AnnotateError):
    """An input file, line or document is malformed; the message names where."""

    exit_code = 2


class OutputError(AnnotateError):
    """An output cannot be written (permissions, a folder in the way, a full disk); the message names it."""

    exit_code = 1


class LexiconError(AnnotateError):
    """A word-list data file is malformed; the message names the file and entry."""

    exit_code = 2


class LabelStudioError(AnnotateError):
    """The Label Studio server is unreachable, refuses the key, or returns something unexpected."""

    exit_code = 3


class ModelsMissingError(AnnotateError):
    """stanza models are not where we looked; the message says how to get them."""

    exit_code = 4


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, a service manager, a CI timeout): the command stops as on Ctrl-C, so that what it was
    writing is removed rather than left behind half-written; it exits 143."""
