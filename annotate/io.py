"""Reading articles and canonical JSONL, and writing files atomically.

One reader and one writer for the whole project. Text is read with ``newline=""`` so CRLF,
non-breaking spaces and everything else reach the pre-annotator exactly as they are in the
file: offsets are code points into that text, never into a normalised copy.
"""

from __future__ import annotations

import ctypes
import fcntl
import gzip
import hashlib
import io
import itertools
import json
import os
import re
import secrets
import shutil
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import yaml
from pydantic import ValidationError

from annotate.errors import AnnotateError, InputError, OutputError
from annotate.schema import Document, json_line

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def validation_message(error: ValidationError) -> str:
    """pydantic's first complaint, in one line, for an error message that names the place."""
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


STDIN = "-"  # as an input path: standard input; as an output path: standard output
_STDIN_NAME = "<stdin>"


def _is_stdio(path: Path | str) -> bool:
    return str(path) == STDIN


def _kind(path: Path) -> str | None:
    """``"text"`` or ``"jsonl"`` by suffix (``.gz`` looked through), else None."""
    name = path.name.lower().removesuffix(".gz")
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return None


def _text_id(name: str) -> str:
    """A text file's name (or relative path) without ``.txt`` and ``.gz``: its document id."""
    lowered = name.lower()
    for suffix in (".gz", *TEXT_SUFFIXES):
        if lowered.endswith(suffix):
            name, lowered = name[: -len(suffix)], lowered[: -len(suffix)]
    return name


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def _decode(where: str, raw: bytes) -> str:
    """UTF-8, or an :class:`InputError` that says what the bytes look like."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise InputError(f"{where}: UTF-16 text; save it as UTF-8") from None
        raise InputError(f"{where}: not UTF-8 text (byte {error.start})") from None


def _binary_lines(path: Path) -> Iterator[bytes]:
    """Raw lines of a file, a .gz file or standard input, split at \\n only.

    Bytes are split before decoding, so a line number is exact even when a line is not UTF-8,
    and U+2028 / U+0085 (which JSON leaves unescaped inside strings) never end a line.
    """
    if _is_stdio(path):
        yield from sys.stdin.buffer
        return
    try:
        with _open_binary(path) as handle:
            yield from handle
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise InputError(f"{path}: not a readable gzip file ({error or type(error).__name__})") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None


def _name(path: Path) -> str:
    return _STDIN_NAME if _is_stdio(path) else str(path)


def _parse_line(where: str, line: str) -> Any:
    if nested_too_deeply(line):
        raise InputError(f"{where}: JSON nested too deeply (more than {MAX_DEPTH} levels)")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not valid JSON ({error.msg})") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply") from None
    except ValueError as error:  # e.g. an integer of more than 4,300 digits
        raise InputError(f"{where}: not valid JSON ({str(error).split(';')[0]})") from None
    if "\\u" in line and _has_lone_surrogate(record):
        raise InputError(f"{where}: holds a lone surrogate escape (such as \\ud800), which is not a character")
    return record


MAX_DEPTH = 64  # deeper than any document needs; pydantic cannot write much deeper values back


_JSON_STRING = {str: re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"'), bytes: re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')}
_JSON_BRACKET = {str: re.compile(r"[][{}]"), bytes: re.compile(rb"[][{}]")}


def nested_too_deeply(data: str | bytes, limit: int = MAX_DEPTH) -> bool:
    """True when the JSON text's lists and objects nest more than ``limit`` levels, found by
    counting brackets outside strings *before* parsing: a hostile file never takes the parser
    down to Python's recursion limit, where even a garbage collection fails noisily."""
    kind = bytes if isinstance(data, bytes) else str
    opening = b"[{" if kind is bytes else "[{"
    if data.count(opening[0:1]) + data.count(opening[1:2]) <= limit:
        return False
    depth = 0
    for bracket in _JSON_BRACKET[kind].findall(_JSON_STRING[kind].sub(opening[0:0], data)):
        depth += 1 if bracket in opening else -1
        if depth > limit:
            return True
    return False


def json_loads(data: str | bytes) -> Any:
    """``json.loads`` for files we do not control: ValueError when nested too deeply to parse safely."""
    if nested_too_deeply(data):
        raise ValueError(f"JSON nested more than {MAX_DEPTH} levels")
    return json.loads(data)


def _has_lone_surrogate(value: Any) -> bool:
    """True when a parsed JSON value holds a string that cannot be written as UTF-8."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    except (ValueError, RecursionError):
        return False
    return False


OnInvalid = Callable[[InputError], None]
"""Called with the error of one document that cannot be read (``--skip-invalid``), instead of raising it."""


def _objects(path: Path, lines: Iterable[bytes], expected: str,
             on_invalid: OnInvalid | None = None) -> Iterator[tuple[int, dict]]:
    name = _name(path)
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        try:
            line = _decode(where, raw.rstrip(b"\n").rstrip(b"\r"))
            if number == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            record = _parse_line(where, line)
            if not isinstance(record, dict):
                raise InputError(f"{where}: expected {expected}")
        except InputError as error:
            if on_invalid is None:
                raise
            on_invalid(error)
            continue
        yield number, record


def json_objects(path: Path | str, expected: str = "a JSON object") -> Iterator[tuple[int, dict]]:
    """``(line number, object)`` for each non-blank line of a JSONL file (``.gz``, or ``-`` for
    standard input); one-line errors name the line, for bad JSON, bad UTF-8 and bad characters."""
    path = Path(path)
    yield from _objects(path, _binary_lines(path), expected)


def _documents_from_records(path: Path, records: Iterable[tuple[int, dict]],
                            on_invalid: OnInvalid | None = None) -> Iterator[tuple[int | None, Document]]:
    name = _name(path)
    for number, record in records:
        try:
            yield number, _document(f"{name}:{number}", record)
        except InputError as error:
            if on_invalid is None:
                raise
            on_invalid(error)


def _document(where: str, record: dict) -> Document:
    for field in ("id", "text"):
        if not isinstance(record.get(field), str):
            raise InputError(f"{where}: missing string field '{field}'")
    try:
        return Document.model_validate(record)
    except ValidationError as error:
        raise InputError(f"{where}: document {record['id']!r}: {validation_message(error)}") from None
    except RecursionError:
        raise InputError(f"{where}: document {record['id']!r}: nested too deeply") from None


_JSONL_EXPECTED = "a JSON object with 'id' and 'text'"


_BLANK = b"\xef\xbb\xbf \t\r\n"  # a UTF-8 BOM and white space, before standard input's first character


def _stdin_documents(on_invalid: OnInvalid | None = None) -> Iterator[tuple[int | None, Document]]:
    """Standard input: JSONL when its first non-blank character is ``{`` (then read line by line, so
    a stream of any length passes through in constant memory), else one text document with id ``stdin``."""
    stdin = Path(STDIN)
    lines = iter(sys.stdin.buffer)
    head: list[bytes] = []
    for line in lines:
        head.append(line)
        if line.strip(_BLANK):
            break
    if b"".join(head).lstrip(_BLANK).startswith(b"{"):
        records = _objects(stdin, itertools.chain(head, lines), _JSONL_EXPECTED, on_invalid)
        yield from _documents_from_records(stdin, records, on_invalid)
        return
    raw = b"".join(itertools.chain(head, lines))
    try:
        text = _decode(_STDIN_NAME, raw).removeprefix("\ufeff")
    except InputError as error:
        if on_invalid is None:
            raise
        on_invalid(error)
        return
    yield None, Document(id="stdin", text=text, meta={})


def _text_document(path: Path, name: str, on_invalid: OnInvalid | None) -> Iterator[tuple[int | None, Document]]:
    raw = b"".join(_binary_lines(path))  # a file that cannot be read at all is not one invalid document: raises
    try:
        text = _decode(str(path), raw).removeprefix("\ufeff")
    except InputError as error:
        if on_invalid is None:
            raise
        on_invalid(error)
        return
    yield None, Document(id=_text_id(name), text=text, meta={"file": name})


def _expand(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Input files, each with the name its documents are known by: the file name when given by
    name, the path relative to the folder (``a/x.txt`` for ``folder/a/x.txt``) when found in a
    folder, so two files that share a name in different subfolders stay two documents."""
    files: list[tuple[Path, str]] = []
    for path in paths:
        if _is_stdio(path):
            files.append((path, _STDIN_NAME))
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _kind(p))
            if not found:
                raise InputError(f"{path}: folder holds no .txt or .jsonl files")
            for file in found:
                files.append((file, file.relative_to(path).as_posix()))
        elif path.exists():  # a file, or a named pipe that a producer is still writing
            if _kind(path) is None:
                raise InputError(f"{path}: expected a .txt or .jsonl file (or either compressed as .gz)")
            files.append((path, path.name))
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def input_files(paths: Iterable[Path | str]) -> list[Path]:
    """The files :func:`read_documents` would read (folders expanded; ``-`` for standard input)."""
    return [path for path, _ in _expand(Path(p) for p in paths)]


def read_documents(paths: Iterable[Path | str], unique_ids: bool = True,
                   on_invalid: OnInvalid | None = None) -> Iterator[Document]:
    """Documents from .txt files, folders of them, JSONL (any of them gzipped), or ``-`` (standard input),
    one at a time: nothing is read before it is asked for.

    A text file's id is its name without ``.txt``, or its path relative to a folder given as input
    (``a/x`` for ``folder/a/x.txt``).
    Raises :class:`InputError` naming the file (and line) for unreadable input and for a
    document id that appears twice, because a duplicate id would silently merge two
    documents downstream (Label Studio tasks are keyed by it). That check keeps every id in
    memory (with the number of its file and line, not their names); ``unique_ids=False`` skips it
    for readers that must stream any number of documents in constant memory (``annotate report``).
    With ``on_invalid``, a document that cannot be read (a bad line, a duplicate id, a text file
    that is not UTF-8) is handed to it and skipped; files that cannot be read at all still raise.
    """
    files = _expand(Path(p) for p in paths)
    seen: dict[str, tuple[int, int | None]] = {}

    def where(index: int, number: int | None) -> str:
        path = files[index][0]
        if _is_stdio(path):
            return _STDIN_NAME if number is None else f"{_STDIN_NAME}:{number}"
        return str(path) if number is None else f"{path}:{number}"

    for index, (path, name) in enumerate(files):
        docs: Iterable[tuple[int | None, Document]]
        if _is_stdio(path):
            docs = _stdin_documents(on_invalid)
        elif _kind(path) == "text":
            docs = _text_document(path, name, on_invalid)
        else:
            docs = _documents_from_records(path, _objects(path, _binary_lines(path), _JSONL_EXPECTED, on_invalid),
                                           on_invalid)
        for number, doc in docs:
            if not unique_ids:
                yield doc
                continue
            if doc.id in seen:
                error = InputError(f"{where(index, number)}: document id {doc.id!r} already read from "
                                   f"{where(*seen[doc.id])}")
                if on_invalid is None:
                    raise error
                on_invalid(error)
                continue
            seen[doc.id] = (index, number)
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
def _stdout(mode: str) -> Iterator[IO]:
    """Standard output for ``-o -``: UTF-8 whatever the locale, never closed."""
    sys.stdout.flush()
    if "b" in mode:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    try:
        yield stream
        stream.flush()
    finally:
        stream.detach()


def _cannot_write(target: Path, error: OSError) -> OutputError:
    """An OS error while writing, naming the file the user asked for (never our temporary file)."""
    return OutputError(f"{target}: cannot write ({error.strerror or error})")


@contextmanager
def atomic_writer(path: Path | str, mode: str = "w") -> Iterator[IO]:
    """Write to a temporary file beside ``path`` and rename it into place only on success.

    A crash or an exception half-way leaves the previous file (or no file), never a
    truncated one. ``-`` writes standard output instead. Failures of the file system (no
    permission, no such folder, a folder in the way, a full disk) are :class:`OutputError`
    naming ``path``.
    """
    if _is_stdio(path):
        with _stdout(mode) as handle:
            yield handle
        return
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise _cannot_write(target, error) from None
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding, newline=None if "b" in mode else "") as handle:
            yield handle
            try:
                handle.flush()
                os.fsync(handle.fileno())
            except OSError as error:
                raise _cannot_write(target, error) from None
        try:
            os.chmod(tmp_name, _permissions_for(target))
            os.replace(tmp_name, target)
        except OSError as error:
            raise _cannot_write(target, error) from None
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _stale_pid(name: str, target: Path) -> int | None:
    """The pid in a temporary folder name of ours for ``target`` (``.NAME.<random>.<pid>.tmp``), else None."""
    found = re.fullmatch(rf"\.{re.escape(target.name)}\.[A-Za-z0-9_]+\.(\d+)\.tmp", name)
    return int(found.group(1)) if found else None


def pid_alive(pid: int) -> bool:
    """True while process ``pid`` runs (a zombie child of ours counts as ended, and is reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child still answers kill(0): reap it if it is ours
        finished, _ = os.waitpid(pid, os.WNOHANG)
        return finished == 0
    except ChildProcessError:
        return True


def _remove_stale_folders(target: Path) -> None:
    """Temporary folders left beside ``target`` by a process that was killed (its pid is gone)."""
    for entry in target.parent.iterdir():
        pid = _stale_pid(entry.name, target)
        if pid is not None and pid != os.getpid() and not pid_alive(pid) and entry.is_dir():
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
def atomic_folder(path: Path | str, carry_over: bool = True) -> Iterator[Path]:
    """Fill a fresh folder beside ``path``; on success it replaces ``path`` whole, in one step.

    The files of a folder must change together (an export's gold and its card describe the same
    snapshot), so they are written into a temporary folder ``.NAME.<random>.<pid>.tmp`` next to the
    target, which is then swapped in with one atomic exchange (two renames where the file system
    cannot exchange). An exception removes the temporary folder; a killed process leaves the
    previous folder intact and its temporary folder is removed by the next write to that target.
    Files of the previous folder that the new one lacks are carried over, unless ``carry_over`` is
    False (shards of a corpus: a stale shard of an earlier, longer run must not survive).
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
            if carry_over:
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


GZIP_LEVEL = 6  # zlib's default: a third the size of the JSONL, several times faster than gzip's 9


def _is_gzip_name(path: Path | str) -> bool:
    return str(path).lower().endswith(".gz")


def _gzip_text(raw: IO[bytes], name: str) -> IO[str]:
    """UTF-8 text into gzip on ``raw``, reproducible: the header holds ``name`` and no time, so one
    output is byte-identical from run to run (and never names our temporary file). Closing it
    ends the gzip stream but leaves ``raw`` open."""
    compressed = gzip.GzipFile(filename=name, mode="wb", fileobj=raw, compresslevel=GZIP_LEVEL, mtime=0)
    return io.TextIOWrapper(compressed, encoding="utf-8", newline="")


@contextmanager
def jsonl_writer(path: Path | str) -> Iterator[IO[str]]:
    """A text handle for JSONL written atomically to ``path`` (see :func:`atomic_writer`);
    gzip-compressed when the name ends in ``.gz``; ``-`` is standard output."""
    if _is_stdio(path) or not _is_gzip_name(path):
        with atomic_writer(path) as handle:
            yield handle
        return
    with atomic_writer(path, "wb") as raw, _gzip_text(raw, Path(path).name[:-3]) as text:
        yield text  # leaving ``text`` writes the gzip trailer before atomic_writer syncs and renames


SHARD_SIZE = 10_000  # documents per shard of a folder output


def is_folder_output(path: Path | str) -> bool:
    """An output path names a folder of shards when it is an existing folder or ends with ``/``."""
    text = str(path)
    return not _is_stdio(text) and (text.endswith(("/", os.sep)) or Path(text).is_dir())


class _Shards:
    """Lines written into ``part-00000.jsonl.gz``, ``part-00001.jsonl.gz`` … of ``folder``,
    ``size`` documents each, in order (so the folder, read back, gives the documents in order)."""

    def __init__(self, folder: Path, size: int) -> None:
        if size < 1:
            raise InputError(f"shard size must be at least 1 (got {size})")
        self.folder, self.size = folder, size
        self.count, self.in_shard = 0, 0
        self._raw: IO[bytes] | None = None
        self._text: IO[str] | None = None

    def write(self, line: str) -> None:
        if self._text is None or self.in_shard == self.size:
            self.close()
            name = f"part-{self.count:05d}.jsonl"
            self._raw = (self.folder / f"{name}.gz").open("wb")
            self._text = _gzip_text(self._raw, name)
            self.count, self.in_shard = self.count + 1, 0
        self._text.write(line)
        self.in_shard += 1

    def close(self) -> None:
        if self._text is not None and self._raw is not None:
            self._text.close()
            self._raw.close()
        self._text = self._raw = None


@contextmanager
def document_lines_writer(path: Path | str, shard_size: int = SHARD_SIZE) -> Iterator[Callable[[str], Any]]:
    """A function that writes one document's JSONL line (with its ``\\n``) to ``path``: one file (``.gz``
    compressed, ``-`` standard output) or, for a folder (:func:`is_folder_output`), gzip shards of
    ``shard_size`` documents. Either way atomic: on an exception nothing new is left behind."""
    if not is_folder_output(path):
        with jsonl_writer(path) as handle:
            yield handle.write
        return
    shards: _Shards | None = None
    with atomic_folder(path, carry_over=False) as folder:
        try:
            shards = _Shards(folder, shard_size)
            yield shards.write
        finally:
            if shards is not None:
                shards.close()


def document_line(doc: Document) -> str:
    """One document as written: its canonical JSON line, after re-checking its offsets."""
    data = doc.model_dump(mode="json")  # dumped once, for the check and the line
    Document.model_validate(data)  # re-check offsets on every write
    return json_line(data) + "\n"


def write_jsonl(documents: Iterable[Document], path: Path | str) -> int:
    """Write canonical JSONL atomically (gzip when the name ends in ``.gz``); returns the number of documents written."""
    count = 0
    with jsonl_writer(path) as handle:
        for doc in documents:
            handle.write(document_line(doc))
            count += 1
    return count
