"""``annotate pre`` at scale: streaming, --jobs, a Dask cluster, shards and gzip, all giving the same bytes.

The reference is always ``pre(..., jobs=1)``, which annotates in this process: every other way of
running must write exactly its bytes. Small chunks (``chunk_size``) make a few dozen documents
travel as many chunks, so the worker paths are really taken.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from _cli_support import one_line_error as _one_line_error

from annotate.cli.pre import pre
from annotate.errors import InputError, LexiconError
from annotate.io import read_documents
from annotate.scale import annotate_stream
from annotate.schema import Document

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CORPUS = [DATA / "dev_gold.jsonl", DATA / "holdout.jsonl"]  # 135 documents, a few hundred claims


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotate", *args], capture_output=True, text=True, cwd=cwd, check=False,
                          timeout=300)


def _texts_only(tmp_path: Path) -> Path:
    """The corpus as plain input (id, text, meta): what a newsroom's export looks like."""
    path = tmp_path / "input" / "corpus.jsonl"
    path.parent.mkdir()
    with path.open("w", encoding="utf-8") as handle:
        for doc in read_documents(CORPUS):
            handle.write(json.dumps({"id": doc.id, "text": doc.text, "meta": doc.meta}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The input file and the reference output, annotated in this process."""
    tmp = tmp_path_factory.mktemp("corpus")
    source = _texts_only(tmp)
    reference = tmp / "reference.jsonl"
    pre([source], reference, jobs=1, show_progress=False)
    return source, reference.read_bytes()


def _shards(folder: Path) -> bytes:
    return b"".join(gzip.decompress(p.read_bytes()) for p in sorted(folder.iterdir()))


# ---------------------------------------------------------------- the same bytes, however it runs


@pytest.mark.parametrize("jobs, chunk_size", [(2, 4), (2, 64), (3, 1)])
def test_jobs_write_the_same_bytes_as_one_process(corpus: tuple[Path, bytes], tmp_path: Path, jobs: int,
                                                  chunk_size: int) -> None:
    source, reference = corpus
    out = tmp_path / "out.jsonl"
    result = pre([source], out, jobs=jobs, chunk_size=chunk_size, show_progress=False)
    assert out.read_bytes() == reference
    assert result.documents == reference.count(b"\n") == 135


def test_the_command_line_with_jobs_writes_the_same_bytes(corpus: tuple[Path, bytes], tmp_path: Path) -> None:
    source, reference = corpus
    out = tmp_path / "out.jsonl"
    result = _run("pre", str(source), "-o", str(out), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == reference


def test_gzip_output_is_the_same_jsonl_and_the_same_bytes_every_run(corpus: tuple[Path, bytes], tmp_path: Path) -> None:
    source, reference = corpus
    first, second = tmp_path / "a" / "out.jsonl.gz", tmp_path / "b" / "out.jsonl.gz"
    pre([source], first, jobs=2, chunk_size=8, show_progress=False)
    pre([source], second, jobs=1, show_progress=False)
    assert gzip.decompress(first.read_bytes()) == reference
    assert first.read_bytes() == second.read_bytes()  # no time and no temporary name in the gzip header


def test_a_folder_of_shards_in_and_out_gives_the_same_documents(corpus: tuple[Path, bytes], tmp_path: Path) -> None:
    source, reference = corpus
    lines = source.read_bytes().splitlines(keepends=True)
    shards_in = tmp_path / "shards-in"
    (shards_in / "2015").mkdir(parents=True)
    (shards_in / "2015" / "a.jsonl.gz").write_bytes(gzip.compress(b"".join(lines[:50])))
    (shards_in / "2015" / "b.jsonl").write_bytes(b"".join(lines[50:100]))
    (shards_in / "2016.jsonl.gz").write_bytes(gzip.compress(b"".join(lines[100:])))
    out = tmp_path / "shards-out"
    result = pre([shards_in], f"{out}/", jobs=2, chunk_size=8, shard_size=40, show_progress=False)
    assert result.documents == 135
    assert sorted(p.name for p in out.iterdir()) == [f"part-0000{i}.jsonl.gz" for i in range(4)]
    assert _shards(out) == reference
    # read back as input, a folder of shards is the corpus again, in order
    again = tmp_path / "again.jsonl"
    pre([out], again, jobs=1, show_progress=False)
    assert [json.loads(line)["id"] for line in again.read_bytes().splitlines()] == \
        [json.loads(line)["id"] for line in reference.splitlines()]


def test_a_shorter_run_into_the_same_folder_leaves_no_stale_shard(corpus: tuple[Path, bytes], tmp_path: Path) -> None:
    source, _ = corpus
    out = tmp_path / "out"
    pre([source], f"{out}/", jobs=1, shard_size=10, show_progress=False)
    assert len(list(out.iterdir())) == 14
    pre([DATA / "dev_gold.jsonl"], out, jobs=1, shard_size=100, show_progress=False)  # an existing folder: shards
    assert [p.name for p in out.iterdir()] == ["part-00000.jsonl.gz"]


def test_a_folder_output_that_holds_other_files_or_an_input_is_refused(corpus: tuple[Path, bytes], tmp_path: Path) -> None:
    source, _ = corpus
    with pytest.raises(InputError, match="holds an input"):
        pre([source], source.parent, show_progress=False)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="not a shard of ours"):
        pre([source], notes, show_progress=False)
    assert (notes / "todo.txt").read_text(encoding="utf-8") == "keep me"


# ---------------------------------------------------------------- streaming


def _documents(n: int, pulled: list[int]) -> Iterator[Document]:
    for i in range(n):
        pulled.append(i)
        yield Document(id=f"d{i}", text=f"قال المتحدث باسم الوزارة إن الاجتماع سيعقد غداً. الخبر رقم {i}.")


@pytest.mark.parametrize("jobs", [1, 2])
def test_documents_are_read_only_a_few_chunks_ahead_of_what_is_written(jobs: int) -> None:
    """A generator of 3,000 documents: when the first result comes back, at most a few chunks were read."""
    pulled: list[int] = []
    results = annotate_stream(_documents(3000, pulled), jobs=jobs, chunk_size=10)
    first = next(results)
    assert len(first.lines) == 10
    assert len(pulled) <= 10 * (2 + 3 * jobs)  # the chunk in hand, the one peeked, and those in flight
    results.close()


def test_read_documents_yields_before_the_input_ends(tmp_path: Path) -> None:
    """A named pipe whose writer waits: the first document arrives while the rest is not yet written."""
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    first_read = threading.Event()

    def feed() -> None:
        with fifo.open("w", encoding="utf-8") as handle:
            handle.write(json.dumps({"id": "a", "text": "نص أول"}, ensure_ascii=False) + "\n")
            handle.flush()
            assert first_read.wait(30), "the reader waited for the whole input"
            handle.write(json.dumps({"id": "b", "text": "نص ثان"}, ensure_ascii=False) + "\n")

    writer = threading.Thread(target=feed)
    writer.start()
    documents = read_documents([fifo])
    assert next(documents).id == "a"
    first_read.set()
    assert [d.id for d in documents] == ["b"]
    writer.join(30)


def test_standard_input_jsonl_is_streamed_too(corpus: tuple[Path, bytes]) -> None:
    source, reference = corpus
    result = subprocess.run([sys.executable, "-m", "annotate", "pre", "-", "-o", "-", "--jobs", "2"],
                            input=source.read_bytes(), capture_output=True, timeout=300, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout == reference


# ---------------------------------------------------------------- errors with workers: one line, nothing left




@pytest.mark.parametrize("output", ["out.jsonl", "out.jsonl.gz", "shards/"])
@pytest.mark.parametrize("bad, message", [
    ('{"id": "x", "text": ', "not valid JSON"),
    ('{"id": "dev-001", "text": "نص"}', "document id 'dev-001' already read from"),
])
def test_a_bad_document_late_in_the_input_stops_the_workers_and_leaves_nothing(
        corpus: tuple[Path, bytes], tmp_path: Path, output: str, bad: str, message: str) -> None:
    source, _ = corpus
    first_id = json.loads(source.read_text(encoding="utf-8").splitlines()[0])["id"]
    bad = bad.replace("dev-001", first_id)
    message = message.replace("dev-001", first_id)
    broken = tmp_path / "in" / "broken.jsonl"
    broken.parent.mkdir()
    broken.write_text(source.read_text(encoding="utf-8") + bad + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    line = _one_line_error(_run("pre", str(broken), "-o", str(out / output), "--jobs", "2"))
    assert line.startswith(f"error: {broken}:136: ") and message in line
    assert list(out.iterdir()) == []  # no output, no temporary file or folder


def test_skip_invalid_lists_what_it_skipped_and_writes_the_rest(corpus: tuple[Path, bytes], tmp_path: Path) -> None:
    source, reference = corpus
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    first_id = json.loads(lines[0])["id"]
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("".join(lines[:3]) + "not json\n" + "".join(lines[3:]) + json.dumps({"id": first_id, "text": "x"})
                     + "\n" + '{"id": "y"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run("pre", str(mixed), "-o", str(out), "--jobs", "2", "--skip-invalid")
    assert result.returncode == 0, result.stderr
    claims = sum(len(json.loads(x)["claims"]) for x in reference.splitlines())
    sources = sum(len(json.loads(x)["sources"]) for x in reference.splitlines())
    assert result.stderr.splitlines() == [
        f"skipped {mixed}:4: not valid JSON (Expecting value)",
        f"skipped {mixed}:137: document id {first_id!r} already read from {mixed}:1",
        f"skipped {mixed}:138: missing string field 'text'",
        f"135 documents, {claims} claims, {sources} source mentions, 3 skipped → {out}",
    ]
    assert out.read_bytes() == reference


def test_nonsense_settings_are_one_line_errors(corpus: tuple[Path, bytes], tmp_path: Path) -> None:
    source, _ = corpus
    out = tmp_path / "o.jsonl"
    assert _one_line_error(_run("pre", str(source), "-o", str(out), "--jobs", "0")) == \
        "error: --jobs must be at least 1 (got 0)"
    assert "give one" in _one_line_error(_run("pre", str(source), "-o", str(out), "-j", "2", "--scheduler", "tcp://x:1"))
    assert "--shard-size must be at least 1" in _one_line_error(
        _run("pre", str(source), "-o", f"{tmp_path}/s/", "--shard-size", "0"))
    assert not out.exists()


# ---------------------------------------------------------------- a real Dask cluster on this machine


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A real ``LocalCluster``: a scheduler and two worker processes on 127.0.0.1."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as local:
        yield local.scheduler_address


def test_a_dask_cluster_writes_the_same_bytes(corpus: tuple[Path, bytes], tmp_path: Path, cluster: str) -> None:
    source, reference = corpus
    out = tmp_path / "dask.jsonl"
    result = pre([source], out, scheduler=cluster, chunk_size=8, show_progress=False)
    assert out.read_bytes() == reference
    assert result.documents == 135


def test_the_command_line_reaches_the_cluster_by_its_address(corpus: tuple[Path, bytes], tmp_path: Path,
                                                            cluster: str) -> None:
    source, reference = corpus
    out = tmp_path / "shards"
    result = _run("pre", str(source), "-o", f"{out}/", "--scheduler", cluster, "--shard-size", "50")
    assert result.returncode == 0, result.stderr
    assert _shards(out) == reference
    assert len(list(out.iterdir())) == 3


def test_a_bad_document_on_the_cluster_path_leaves_nothing(corpus: tuple[Path, bytes], tmp_path: Path,
                                                          cluster: str) -> None:
    source, _ = corpus
    broken = tmp_path / "broken.jsonl"
    broken.write_text(source.read_text(encoding="utf-8") + '{"id": 1}\n', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(InputError, match=r"broken.jsonl:136: missing string field 'id'"):
        pre([broken], out / "o.jsonl", scheduler=cluster, chunk_size=8, show_progress=False)
    assert list(out.iterdir()) == []


def test_an_unreachable_scheduler_is_a_one_line_error(corpus: tuple[Path, bytes], tmp_path: Path) -> None:
    source, _ = corpus
    out = tmp_path / "o.jsonl"
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}  # Dask's own setting; 30 s by default
    line = _one_line_error(subprocess.run(
        [sys.executable, "-m", "annotate", "pre", str(source), "-o", str(out), "--scheduler", "tcp://127.0.0.1:9"],
        capture_output=True, text=True, cwd=ROOT, timeout=300, env=env, check=False))
    assert "cannot reach the Dask scheduler" in line
    assert not out.exists()


# ---------------------------------------------------------------- lexicon layers reach the workers


WHISPERED = [{"id": f"w{i}", "text": f"همست المعلمة بأن الدرس رقم {i} سيؤجل إلى الغد."} for i in range(12)]


def test_lexicon_layers_reach_the_workers_and_a_broken_layer_is_one_error(tmp_path: Path) -> None:
    source = tmp_path / "whispers.jsonl"
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in WHISPERED), encoding="utf-8")
    layer = tmp_path / "layer"
    layer.mkdir()
    (layer / "cues.yaml").write_text("verbs:\n  - {forms: [همس, همست]}\n", encoding="utf-8")
    plain, one, two = tmp_path / "plain.jsonl", tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    pre([source], plain, jobs=2, chunk_size=2, show_progress=False)
    pre([source], one, jobs=1, lexicons=[layer], show_progress=False)
    pre([source], two, jobs=2, chunk_size=2, lexicons=[layer], show_progress=False)
    assert one.read_bytes() == two.read_bytes() != plain.read_bytes()
    assert all(json.loads(line)["claims"] for line in two.read_text(encoding="utf-8").splitlines())
    (layer / "sources.yaml").write_text("person_titles: البطريرك\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(LexiconError, match=r"sources\.yaml, person_titles: a layer must add a list"):
        pre([source], out / "o.jsonl", jobs=2, chunk_size=2, lexicons=[layer], show_progress=False)  # before a worker
    line = _one_line_error(_run("pre", str(source), "-o", str(out / "o.jsonl"), "--lexicons", str(layer), "-j", "2"))
    assert "sources.yaml, person_titles: a layer must add a list" in line
    assert list(out.iterdir()) == []


def test_an_engine_failure_names_the_document_in_one_line() -> None:
    """An engine bug on one document ends in one line naming that document, not a traceback."""
    from annotate.errors import AnnotateError
    from annotate.scale import annotate_chunk

    class Failing:
        """An annotator that reads the first document and fails on the second."""

        def annotate(self, documents):
            for doc in documents:
                if doc.id == "b":
                    raise IndexError("list index out of range")
                yield doc

    docs = [Document(id="a", text="نص أول."), Document(id="b", text="نص ثان.")]
    with pytest.raises(AnnotateError, match=r"^document b: the engine failed on it \(IndexError: list index out of range\)"):
        annotate_chunk(docs, Failing())
    assert len(annotate_chunk(docs[:1], Failing()).lines) == 1


def test_kill_waits_while_a_worker_process_is_started() -> None:
    """SIGTERM that arrives while the pool starts a worker is held until the worker has its start-up data
    (stopping the parent in between left the child to print an EOFError traceback), then handled as usual."""
    import signal

    from annotate.scale import _stopping_signals_held

    received: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: received.append(signum))
    try:
        with _stopping_signals_held():
            os.kill(os.getpid(), signal.SIGTERM)
            held = list(received)
        assert held == []
        assert received == [signal.SIGTERM]
    finally:
        signal.signal(signal.SIGTERM, previous)
