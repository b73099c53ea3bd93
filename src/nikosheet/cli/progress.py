"""The progress bar of a batch on standard error, and the lines printed above it."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from nikosheet.errors import shown_path

if TYPE_CHECKING:
    import rich.progress
    from rich.text import Text

    from nikosheet.cli.batch import Result


class Progress:
    """A rich progress bar on standard error when it is a terminal (files done, rate, time left); else nothing.

    Messages printed through `print()` appear above the bar, or on standard error as lines.
    """

    def __init__(self, total: int, enabled: bool, description: str = "parsing") -> None:
        self.enabled, self.total, self.description = enabled, total, description
        self._bar: rich.progress.Progress | None = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                ProgressColumn,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.text import Text

            class RateColumn(ProgressColumn):
                def render(self, task: rich.progress.Task) -> Text:
                    speed = task.finished_speed or task.speed
                    return Text("" if speed is None else f"{speed:,.1f} files/s", style="progress.data.speed")

            bar = Progress(
                # a column of Text, not of a markup string: a line printed above the bar with
                # markup=False would render the bar's markup as written ("[progress.description]")
                TextColumn("{task.description}", style="progress.description", markup=False),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                RateColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            bar.__enter__()
            self._task = bar.add_task(self.description, total=self.total)
            self._bar = bar
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def failure(self, res: Result) -> None:
        """The one line naming a failed input and its reason (and, with --debug, the traceback)."""
        self.print(f"nikosheet: {res.name}: {res.error}")
        if res.traceback:
            self.print(res.traceback.rstrip("\n"))

    def print(self, msg: str) -> None:
        msg = shown_path(msg)  # a file name that is not UTF-8, with escapes
        if self._bar is not None:
            self._bar.console.print(msg, markup=False, highlight=False, soft_wrap=True)
        else:
            print(msg, file=sys.stderr)
