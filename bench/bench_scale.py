"""``annotate pre`` at scale, on the real corpus: one core, every core, a Dask cluster, and memory.

All in one run, each as a user would type it (``python -m annotate pre …`` in a subprocess, start-up
included), on the SaudiNewsNet development corpus (../shared/data/saudinewsnet-dev/articles.jsonl.gz,
read where it is, never copied into the repository):

1. ``--jobs 1`` and ``--jobs 2`` (and ``--jobs N`` for the machine's cores when more than 2): MB of
   article text per second, and the ratio to one job;
2. ``--scheduler`` on a ``dask.distributed.LocalCluster`` of 2 worker processes on 127.0.0.1
   (cluster start-up reported apart);
3. peak resident memory while annotating a 300 MB input (the corpus repeated with new ids, built in
   a temporary folder and deleted afterwards): the main process alone, and the main process plus
   its workers, sampled every 0.1 s.

Every output is compared with the ``--jobs 1`` output, byte for byte. The figures are printed,
never asserted; the machine may be shared, so read them with the load average printed beside them.

    python bench/bench_scale.py [--corpus PATH] [--limit-mb 0] [--big-mb 300] [--big-jobs 2]
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet-dev" / "articles.jsonl.gz"


def _text_megabytes(path: Path) -> tuple[int, float]:
    documents, size = 0, 0
    with gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                documents += 1
                size += len(json.loads(line)["text"].encode("utf-8"))
    return documents, size / 1e6


def _limited(corpus: Path, megabytes: float, folder: Path) -> Path:
    """The first ``megabytes`` of the corpus's lines (for a quick run), as plain JSONL."""
    out, written = folder / "corpus-part.jsonl", 0
    with gzip.open(corpus, "rb") as source, out.open("wb") as sink:
        for line in source:
            if written >= megabytes * 1e6:
                break
            sink.write(line)
            written += len(line)
    return out


def _repeated(corpus: Path, megabytes: float, folder: Path) -> Path:
    """The corpus repeated with new ids until the file holds ``megabytes`` MB."""
    out, written, copy = folder / "big.jsonl", 0, 0
    with out.open("wb") as sink:
        while written < megabytes * 1e6:
            with gzip.open(corpus, "rt", encoding="utf-8") as source:
                for line in source:
                    record = json.loads(line)
                    record["id"] = f"{record['id']}~{copy}"
                    data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
                    sink.write(data)
                    written += len(data)
                    if written >= megabytes * 1e6:
                        break
            copy += 1
    return out


class _PeakMemory:
    """Peak resident memory of a process, and of it with its children, sampled every 0.1 s."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.main = self.worker = self.tree = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._done.is_set():
            try:
                main = self.process.memory_info().rss
                workers = [child.memory_info().rss for child in self.process.children(recursive=True)]
            except psutil.Error:
                main, workers = 0, []
            self.main, self.tree = max(self.main, main), max(self.tree, main + sum(workers))
            self.worker = max(self.worker, *workers, 0)
            self._done.wait(0.1)

    def stop(self) -> None:
        self._done.set()
        self._thread.join()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _pre(args: list[str], memory: bool = False) -> tuple[float, float, _PeakMemory | None]:
    """Wall seconds, CPU seconds (the command and the worker processes it waited for) and, with
    ``memory``, its peak resident memory."""
    cpu = _children_cpu()
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    process = subprocess.Popen([sys.executable, "-m", "annotate", "pre", *args], stderr=subprocess.PIPE, text=True,
                               cwd=ROOT, env=env)
    watcher = _PeakMemory(process.pid) if memory else None
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    if watcher:
        watcher.stop()
    if process.returncode != 0:
        raise SystemExit(f"annotate pre {' '.join(args)} failed: {errors.strip()}")
    return seconds, _children_cpu() - cpu, watcher


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="JSONL(.gz) of id, text (default: SaudiNewsNet dev)")
    parser.add_argument("--limit-mb", type=float, default=0, help="use only the first MB of the corpus (0: all)")
    parser.add_argument("--big-mb", type=float, default=300, help="size of the memory run's input (0: skip it)")
    parser.add_argument("--big-jobs", type=int, default=2, help="--jobs for the memory run (default 2)")
    args = parser.parse_args()
    from dask.distributed import LocalCluster

    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        folder = Path(tmp)
        corpus = _limited(args.corpus, args.limit_mb, folder) if args.limit_mb else args.corpus
        documents, megabytes = _text_megabytes(corpus)
        print(f"corpus: {args.corpus.name}{f' (first {args.limit_mb:g} MB)' if args.limit_mb else ''}: "
              f"{documents:,} documents, {megabytes:.1f} MB of text; {cores} cores; "
              f"load average before: {os.getloadavg()[0]:.2f}")
        rows: list[tuple[str, float, float | None]] = []
        reference = folder / "jobs1.jsonl"
        jobs = sorted({1, 2, cores})
        for n in jobs:
            out = folder / f"jobs{n}.jsonl"
            seconds, cpu, _ = _pre([str(corpus), "-o", str(out), "--jobs", str(n)])
            rows.append((f"--jobs {n}", seconds, cpu))
            if n != 1:
                assert filecmp.cmp(out, reference, shallow=False), f"--jobs {n} output differs from --jobs 1"
                out.unlink()
        started = time.perf_counter()
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster:
            cluster_start = time.perf_counter() - started
            out = folder / "dask.jsonl"
            seconds, _, _ = _pre([str(corpus), "-o", str(out), "--scheduler", cluster.scheduler_address])
        rows.append(("--scheduler (LocalCluster, 2 workers)", seconds, None))
        assert filecmp.cmp(out, reference, shallow=False), "Dask output differs from --jobs 1"
        print(f"{'run':40s} {'seconds':>8s} {'MB/s':>7s} {'docs/s':>8s} {'vs --jobs 1':>11s} {'CPU s':>7s} "
              f"{'CPU vs --jobs 1':>15s}")
        for name, seconds, cpu in rows:
            cpu_columns = f"{cpu:7.1f} {cpu / rows[0][2]:14.2f}x" if cpu is not None and rows[0][2] else ""
            print(f"{name:40s} {seconds:8.1f} {megabytes / seconds:7.2f} {documents / seconds:8.0f} "
                  f"{rows[0][1] / seconds:10.2f}x {cpu_columns}")
        print(f"(outputs byte-identical to --jobs 1; LocalCluster start-up {cluster_start:.1f} s, not counted; "
              f"load average after: {os.getloadavg()[0]:.2f})")
        for name, _, cpu in rows[1:]:
            n = int(name.split()[1]) if cpu is not None else 0
            if n > 1 and cpu:
                print(f"{name}: {cpu / rows[0][2]:.2f}x the CPU of --jobs 1 for the same work, so on {n} idle cores "
                      f"at most {n * rows[0][2] / cpu:.2f}x its speed (an estimate from CPU time, not a measurement)")
        if args.big_mb:
            big = _repeated(args.corpus, args.big_mb, folder)
            size = big.stat().st_size / 1e6
            seconds, _, peak = _pre([str(big), "-o", str(folder / "big.out.jsonl.gz"), "--jobs", str(args.big_jobs)],
                                 memory=True)
            assert peak is not None
            print(f"memory: {size:.0f} MB input file, --jobs {args.big_jobs}, "
                  f"{seconds:.0f} s: peak resident {peak.main / 1e6:.0f} MB in the main process, "
                  f"{peak.worker / 1e6:.0f} MB in the largest worker, {peak.tree / 1e6:.0f} MB for all "
                  f"{1 + args.big_jobs} processes together")


if __name__ == "__main__":
    main()
