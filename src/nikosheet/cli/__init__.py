"""The command line: a thin layer over the library (see `app`)."""

from __future__ import annotations

import sys


def main() -> None:
    """The console script (`app.main`), loaded here so that a Ctrl-C while the command line is still
    being loaded (importing typer is most of a one-file run's start-up) ends the run as any interrupt
    does: exit 130, no traceback."""
    try:
        from nikosheet.cli.app import main as run
    except KeyboardInterrupt:
        sys.exit(130)  # ExitCode.INTERRUPTED, not imported: the interrupt may have come during any import
    run()


__all__ = ["main"]
