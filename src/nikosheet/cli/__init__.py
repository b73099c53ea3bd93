"""The command line: a thin layer over the library (see `app`)."""

from nikosheet.cli.app import app, main

__all__ = ["app", "main"]
