"""One progress bar style for long commands (on stderr, so stdout stays clean for data)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

T = TypeVar("T")
# Nothing printed is ever read as rich markup or emoji codes: document ids, paths, titles and
# e-mails come from data, and "[red]" or ":x:" in them must print as typed.
# soft_wrap: a long path is never broken over two lines when the output is not a terminal.
stdout = Console(markup=False, emoji=False, highlight=False, soft_wrap=True)
stderr = Console(stderr=True, markup=False, emoji=False, highlight=False, soft_wrap=True)


def track(items: Iterable[T], total: int | None, description: str, unit: str = "docs") -> Iterator[T]:
    """Yield ``items`` while showing count, rate (``unit``/s) and time left; silent when not a terminal."""
    columns = (TextColumn("{task.description}", style="bold", markup=False), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}", style="cyan", markup=False), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=stderr, disable=not stderr.is_terminal) as progress:
        task = progress.add_task(description, total=total, rate="")
        for item in items:
            yield item
            progress.advance(task)
            speed = progress.tasks[0].speed
            if speed:
                progress.update(task, rate=f"{speed:,.0f} {unit}/s")
