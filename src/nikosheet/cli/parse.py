"""The parse command: inputs to documents on standard output, in a file, or in a folder.

- One input, no -o: the document on standard output.  One input, -o FILE: that file.
- Several inputs (or a folder, or a glob) with json or yaml: -o names a folder, and each
  input gets one output mirroring the input tree (see inputs.py).  So does -o FOLDER/ for one.
- jsonl: one document per line, all in one file (-o FILE) or on standard output.
- What -o and --format ask for together (the format from -o's extension …) is in target.py.

Every file is written atomically, and only for an input that was read: an existing output
of a failed input is left as it was.  An output folder inside an input folder, and an
output that would overwrite an input, are refused before anything is read (exit 2).
"""

from __future__ import annotations

import os
from contextlib import closing
from pathlib import Path

from nikosheet.cli import checks
from nikosheet.cli.batch import Result, run
from nikosheet.cli.config import load as load_config
from nikosheet.cli.exits import ExitCode, Interrupted, say, stderr_is_terminal, write_output, write_stdout
from nikosheet.cli.inputs import Input, check_output_file, check_outputs, chosen
from nikosheet.cli.progress import Progress
from nikosheet.cli.target import Writes, resolve
from nikosheet.errors import UsageError
from nikosheet.i18n import Count, Template
from nikosheet.output.files import can_create_in, writable_file_target, write_atomic
from nikosheet.output.serialize import EXTENSIONS, FORMATS

WRITES = Writes("parse", FORMATS, one_document=("json", "yaml"), folders=True)


# NamedTuples and plain classes, not dataclasses, on the parse command's way: a dataclass costs 0.3 to
# 0.6 ms to define, on every run
class ParseRun:
    """The parse command's options, checked (a plain class with slots: a NamedTuple costs a third of a
    millisecond to define, on every run)."""

    __slots__ = ("debug", "fmt", "folder", "jobs", "lang", "note", "output", "quiet", "several")

    def __init__(
        self,
        output: Path | None,
        fmt: str,  # json, yaml or jsonl
        folder: bool,  # each input's document is written to its own file below `output`
        jobs: int,
        quiet: bool,
        debug: bool,
        several: bool,  # the arguments make a batch (several paths, a folder or a glob)
        note: str | None = None,  # which format -o's name left to the default
        lang: str = "en",  # of the summary
    ) -> None:
        self.output = output
        self.fmt = fmt
        self.folder = folder
        self.jobs = jobs
        self.quiet = quiet
        self.debug = debug
        self.several = several
        self.note = note
        self.lang = lang


def parse_paths(
    paths: list[str],
    output: str | None = None,
    fmt: str | None = None,
    jobs: int | None = None,
    quiet: bool = False,
    config: str | None = None,
    lang: str | None = None,
    debug: bool = False,
) -> ExitCode:
    """The parse command, its options as the command line gives them (None: not given)."""
    several = len(paths) > 1 or not checks.names_files_only(paths)
    to = resolve(WRITES, output, checks.choice("--format", fmt, WRITES.formats) if fmt else None, several)
    cfg = load_config(config)
    inputs = chosen(paths, cfg)
    language = checks.lang(lang, cfg.lang)
    run = ParseRun(to.path, to.fmt, to.folder, checks.jobs(jobs), quiet, debug, several, to.note, language)
    return parse_command(inputs, run)


def parse_command(inputs: list[Input], opts: ParseRun) -> ExitCode:
    """Parse every input and write the documents where `opts` says; one failure never stops the rest."""
    out_dir = _check_folder(inputs, opts) if opts.folder else None
    if out_dir is None:
        _check_target(inputs, opts)
    if opts.note:
        say(opts.note)
    converted = failed = 0
    severities = [0, 0, 0]  # the converted documents' diagnostics: errors, warnings, info
    jsonl_parts: list[bytes] = []
    unseen: list[Result] = []  # done by workers when the batch was stopped, but not handed over
    progress = Progress(len(inputs), enabled=not opts.quiet and len(inputs) > 1 and stderr_is_terminal())
    try:
        # the results are closed on the way out (Ctrl-C, a broken pipe): worker processes stop then, not at exit
        with progress, closing(run(inputs, opts.fmt, opts.jobs, opts.debug, out_dir, unseen)) as results:
            for res in results:
                progress.advance()
                if res.error is not None:
                    failed += 1
                    progress.failure(res)
                elif _deliver(res, opts, out_dir is not None, jsonl_parts, progress):
                    converted += 1
                    severities = [a + b for a, b in zip(severities, res.severities, strict=True)]
                else:
                    failed += 1
    except KeyboardInterrupt:
        written = 0 if opts.fmt == "jsonl" and opts.output is not None else converted  # JSON Lines: whole or not
        if out_dir is not None:  # the workers wrote these themselves
            written += sum(1 for res in unseen if res.error is None)
        raise Interrupted(f"{written} of {len(inputs)} written") from None
    if opts.fmt == "jsonl" and opts.output is not None and converted:
        _write_jsonl(opts.output, jsonl_parts)
    if not opts.quiet and len(inputs) > 1:  # one input: its error line is the whole story
        say(summary(len(inputs), converted, failed, severities, opts.lang))
    return ExitCode.FAILED if failed else ExitCode.OK


DONE = Template(
    "{sheets:sheet}: {converted} converted, {failed} failed", "{sheets} 枚: {converted} 件を変換、{failed} 件失敗"
)
DIAGNOSED = Template(
    "{done}; diagnostics: {errors:error}, {warnings:warning}, {info} info",
    "{done}。診断: エラー {errors} 件、警告 {warnings} 件、情報 {info} 件",
)


def summary(sheets: int, converted: int, failed: int, severities: list[int], lang: str = "en") -> str:
    """`82 sheets: 80 converted, 2 failed; diagnostics: 1 error, 160 warnings, 300 info` (findings counted)."""
    done = DONE(sheets=Count(sheets), converted=converted, failed=failed)
    if not converted:
        return done.render(lang)
    errors, warnings, info = (Count(n) for n in severities)
    return DIAGNOSED(done=done, errors=errors, warnings=warnings, info=info).render(lang)


def _check_folder(inputs: list[Input], opts: ParseRun) -> Path:
    """The output folder, made and tried before anything is read."""
    out_dir = opts.output
    assert out_dir is not None
    check_outputs(inputs, out_dir, EXTENSIONS[opts.fmt])
    if os.path.lexists(out_dir) and not out_dir.is_dir():
        raise UsageError(
            f"{out_dir} is not a folder: several inputs are written to -o FOLDER/ (one file each)"
            f" or to one JSON Lines file (-o {out_dir.with_suffix('.jsonl').name})"
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{out_dir}: cannot create the output folder ({exc.strerror or exc})") from None
    if not can_create_in(out_dir):
        raise UsageError(f"{out_dir}: cannot write in this folder")
    return out_dir


def _check_target(inputs: list[Input], opts: ParseRun) -> None:
    """Standard output takes one document (or JSON Lines); a file must be writable and no input."""
    output = opts.output
    if output is None:
        if opts.several and opts.fmt != "jsonl" and len(inputs) != 1:
            raise UsageError("several inputs need -o FOLDER, or --format jsonl to write them all to standard output")
        return
    check_output_file(inputs, output)
    if not writable_file_target(output):
        raise UsageError(f"{output}: cannot write here")


def _deliver(res: Result, opts: ParseRun, in_folder: bool, jsonl_parts: list[bytes], progress: Progress) -> bool:
    """Put one document where it goes; False (and a line naming it) when it cannot be written."""
    if in_folder:
        return True  # written by whoever converted it
    assert res.data is not None
    try:
        if opts.output is None:
            write_stdout(res.data)  # a failing standard output ends the run (StdoutError), not one file
        elif opts.fmt == "jsonl":
            jsonl_parts.append(res.data)
        else:
            write_atomic(opts.output, res.data)
    except BrokenPipeError:
        raise
    except OSError as exc:
        progress.print(f"nikosheet: {res.name}: cannot write the output ({exc.strerror or exc})")
        return False
    return True


def _write_jsonl(output: Path, parts: list[bytes]) -> None:
    write_output(output, b"".join(parts))
