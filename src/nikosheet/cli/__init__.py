"""The command line: a thin layer over the library (see `app`)."""

from __future__ import annotations

import sys


def main() -> None:
    """The console script: `fastpath` for the usual parse command lines, else `app.main`, loaded here so
    that a Ctrl-C while the command line is still being loaded (importing typer is most of a one-file
    run's start-up) ends the run as any interrupt does: exit 130, no traceback."""
    import gc

    # The command line's modules (typer's most of all) make objects that live as long as the run: the
    # cyclic collector, run while they are made, would look at them again and again for nothing (a
    # tenth of a one-file run's start-up).  They are made with it paused, then set aside for good.
    gc.disable()
    try:
        from nikosheet.cli.fastpath import runner

        fast = runner(sys.argv[1:])  # the usual parse command lines, without typer
        if fast is None:
            from nikosheet.cli.app import main as run
        else:
            run = fast
    except KeyboardInterrupt:
        sys.exit(130)  # ExitCode.INTERRUPTED, not imported: the interrupt may have come during any import
    gc.freeze()
    gc.enable()
    run()


__all__ = ["main"]
