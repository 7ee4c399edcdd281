"""Reading articles and canonical JSONL, and writing files atomically.

One reader and one writer for the whole project. Text is read with ``newline=""`` so CRLF,
non-breaking spaces and everything else reach the pre-annotator exactly as they are in the
file: offsets are code points into that text, never into a normalised copy.
"""

from __future__ import annotations

import ctypes
import fcntl
import hashlib
import json
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import yaml
from pydantic import ValidationError

from annotate.errors import AnnotateError, InputError
from annotate.schema import Document

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def validation_message(error: ValidationError) -> str:
    """pydantic's first complaint, in one line, for an error message that names the place."""
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def _read_text(path: Path) -> str:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None


def json_objects(path: Path, expected: str = "a JSON object") -> Iterator[tuple[int, dict]]:
    """``(line number, object)`` for each non-blank line of a JSONL file; one-line errors name the line."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for number, line in enumerate(_jsonl_lines(handle), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{path}:{number}: not valid JSON ({error.msg})") from None
            if not isinstance(record, dict):
                raise InputError(f"{path}:{number}: expected {expected}")
            yield number, record


def _documents_from_jsonl(path: Path) -> Iterator[Document]:
    for number, record in json_objects(path, "a JSON object with 'id' and 'text'"):
        for field in ("id", "text"):
            if not isinstance(record.get(field), str):
                raise InputError(f"{path}:{number}: missing string field '{field}'")
        try:
            yield Document.model_validate(record)
        except ValidationError as error:
            raise InputError(f"{path}:{number}: document {record['id']!r}: {validation_message(error)}") from None


def _jsonl_lines(handle: IO[str]) -> Iterator[str]:
    """File lines without their ending. Unlike ``str.splitlines`` this never breaks at U+2028 or
    U+0085, which JSON leaves unescaped inside strings; control characters are always escaped."""
    for raw in handle:
        yield raw.rstrip("\n").rstrip("\r")


def _expand(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES)
            if not found:
                raise InputError(f"{path}: folder holds no .txt or .jsonl files")
            files.extend(found)
        elif path.is_file():
            if path.suffix.lower() not in TEXT_SUFFIXES + JSONL_SUFFIXES:
                raise InputError(f"{path}: expected a .txt or .jsonl file")
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def read_documents(paths: Iterable[Path | str], unique_ids: bool = True) -> Iterator[Document]:
    """Documents from .txt files (id = file name without suffix), folders of them, or JSONL.

    Raises :class:`InputError` naming the file (and line) for unreadable input and for a
    document id that appears twice, because a duplicate id would silently merge two
    documents downstream (Label Studio tasks are keyed by it). That check keeps every id in
    memory; ``unique_ids=False`` skips it for readers that must stream any number of documents
    in constant memory (``annotate report``).
    """
    seen: dict[str, str] = {}
    for path in _expand(Path(p) for p in paths):
        if path.suffix.lower() in TEXT_SUFFIXES:
            docs: Iterable[tuple[str, Document]] = [(str(path), Document(id=path.stem, text=_read_text(path), meta={"file": path.name}))]
        else:
            docs = ((f"{path}", doc) for doc in _documents_from_jsonl(path))
        for where, doc in docs:
            if not unique_ids:
                yield doc
                continue
            if doc.id in seen:
                raise InputError(f"{where}: document id {doc.id!r} already read from {seen[doc.id]}")
            seen[doc.id] = where
            yield doc


def read_jsonl(path: Path | str) -> list[Document]:
    """All documents of one canonical JSONL file, validated."""
    return list(read_documents([Path(path)]))


def _permissions_for(target: Path) -> int:
    """Keep an existing file's mode; a new file gets the usual 0666 minus umask (mkstemp makes 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o666 & ~_umask()


@contextmanager
def atomic_writer(path: Path | str, mode: str = "w") -> Iterator[IO]:
    """Write to a temporary file beside ``path`` and rename it into place only on success.

    A crash or an exception half-way leaves the previous file (or no file), never a
    truncated one.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding, newline=None if "b" in mode else "") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, _permissions_for(target))
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _stale_pid(name: str, target: Path) -> int | None:
    """The pid in a temporary folder name of ours for ``target`` (``.NAME.<random>.<pid>.tmp``), else None."""
    found = re.fullmatch(rf"\.{re.escape(target.name)}\.[A-Za-z0-9_]+\.(\d+)\.tmp", name)
    return int(found.group(1)) if found else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale_folders(target: Path) -> None:
    """Temporary folders left beside ``target`` by a process that was killed (its pid is gone)."""
    for entry in target.parent.iterdir():
        pid = _stale_pid(entry.name, target)
        if pid is not None and pid != os.getpid() and not _alive(pid) and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)


_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    return False  # e.g. a file system without RENAME_EXCHANGE: fall back to two renames


def _carry_over(old: Path, new: Path) -> None:
    """Files of the old folder the new one lacks (e.g. agreement.json written into an export) stay."""
    for entry in old.iterdir():
        destination = new / entry.name
        if destination.exists() or _stale_pid(entry.name, old) is not None:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, destination, symlinks=True)
            continue
        try:
            os.link(entry, destination, follow_symlinks=False)
        except OSError:
            shutil.copy2(entry, destination, follow_symlinks=False)


@contextmanager
def atomic_folder(path: Path | str) -> Iterator[Path]:
    """Fill a fresh folder beside ``path``; on success it replaces ``path`` whole, in one step.

    The files of a folder must change together (an export's gold and its card describe the same
    snapshot), so they are written into a temporary folder ``.NAME.<random>.<pid>.tmp`` next to the
    target, which is then swapped in with one atomic exchange (two renames where the file system
    cannot exchange). An exception removes the temporary folder; a killed process leaves the
    previous folder intact and its temporary folder is removed by the next write to that target.
    Files of the previous folder that the new one lacks are carried over.
    """
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise InputError(f"{target}: exists and is not a folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_folders(target)
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=f".{os.getpid()}.tmp", dir=target.parent))
    try:
        yield temporary
        if target.is_dir():
            os.chmod(temporary, target.stat().st_mode & 0o7777)
            _carry_over(target, temporary)
        else:
            os.chmod(temporary, 0o777 & ~_umask())
        if not target.exists():
            os.rename(temporary, target)
        elif _exchange(temporary, target):
            shutil.rmtree(temporary)  # now the previous folder
        else:
            old = target.parent / f".{target.name}.old{secrets.token_hex(4)}.{os.getpid()}.tmp"
            os.rename(target, old)
            os.rename(temporary, target)
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def lock_folder() -> Path:
    """Where inter-process locks live: ``$ANNOTATE_LOCK_DIR``, else ``~/.cache/annotate/locks``."""
    configured = os.environ.get("ANNOTATE_LOCK_DIR", "").strip()
    return Path(configured) if configured else Path.home() / ".cache" / "annotate" / "locks"


@contextmanager
def interprocess_lock(name: str) -> Iterator[Path]:
    """Hold an exclusive lock named ``name`` against every other process of this user on this machine.

    ``flock`` on a file in :func:`lock_folder`: the kernel releases it when the process ends,
    however it ends, so a killed process never leaves a stale lock behind. Blocks until free.
    """
    folder = lock_folder()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:80]
    path = folder / f"{safe}-{hashlib.sha256(name.encode()).hexdigest()[:8]}.lock"
    with path.open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield path
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_yaml(path: Path | str, error: type[AnnotateError] = InputError) -> Any:
    """A YAML data file (lexicons, guidelines, gold sets); ``error`` names the file and line on failure."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except UnicodeDecodeError as failure:
        raise error(f"{path}: not UTF-8 text (byte {failure.start})") from None
    except yaml.YAMLError as failure:
        mark = getattr(failure, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise error(f"{where}: not valid YAML ({getattr(failure, 'problem', None) or failure})") from None


def write_jsonl(documents: Iterable[Document], path: Path | str) -> int:
    """Write canonical JSONL atomically; returns the number of documents written."""
    count = 0
    with atomic_writer(path) as handle:
        for doc in documents:
            Document.model_validate(doc.model_dump())  # re-check offsets on every write
            handle.write(doc.to_json_line() + "\n")
            count += 1
    return count
