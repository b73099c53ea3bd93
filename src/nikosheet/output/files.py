"""Files written whole or not at all: a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from nikosheet.parsing.lazy_re import compile_lazily

_MADE: set[str] = set()  # folders this process has made or seen, so each is made once


def write_atomic(path: str | Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write a regular file whole or not at all: a temporary file beside it, then a rename.

    `data` is text (encoded with `encoding`, newlines written as they are) or bytes.  The
    temporary file is hidden (`.name.PID.tmp`) and removed if anything fails, an interrupt
    included; the target is then left as it was.  A new file gets the usual permissions
    (0666 less the umask), a replaced one keeps its own.  A symbolic link to a file is followed
    (the file is replaced, the link stays).  Anything that is not a regular file — a device such
    as /dev/null, a FIFO, /dev/stdout — is written to as it is, never replaced, as `cp` does.
    """
    if isinstance(data, str):
        data = data.encode(encoding)
    target = os.fspath(path)
    try:
        st: os.stat_result | None = os.stat(target)
    except OSError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        _write_in_place(target, data)
        return
    if st is not None and os.path.islink(target):
        target = os.path.realpath(target)
    _replace(target, data, None if st is None else st.st_mode & 0o7777)


def _write_in_place(path: str, data: bytes) -> None:
    """A device or a FIFO: opened for writing and written, as a shell's `>` would."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


# The path is a string here, taken apart by os.path: a batch writes a file a sheet, and a pathlib.Path
# made, taken apart and turned back into a string for each sheet cost the batch 0.6 % of its instructions.
def _replace(path: str, data: bytes, mode: int | None) -> None:
    parent, name = os.path.split(path)
    parent = parent or "."
    if parent not in _MADE:
        new = _make_folder(Path(parent))
        _MADE.add(parent)
        if not new:  # a folder made just now holds no file left by a killed run
            remove_stale_temporaries(parent)
    tmp = os.path.join(parent, f".{name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, 0o666)
    except FileExistsError:  # left by a run that was killed: it is ours to replace
        os.unlink(tmp)
        fd = os.open(tmp, flags, 0o666)
    except FileNotFoundError:  # the folder went away since it was made
        Path(parent).mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, flags, 0o666)
    try:
        try:
            _write_all(fd, data)  # os.write: a file object would cost four more system calls
        finally:
            os.close(fd)
        if mode is not None and mode != _new_file_mode():
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _make_folder(folder: Path) -> bool:
    """Make `folder` and the folders above it as needed; whether it was made (not there before)."""
    try:
        os.mkdir(folder)
    except FileExistsError:
        folder.mkdir(parents=True, exist_ok=True)  # a file of that name: the error says so
        return False
    except FileNotFoundError:
        folder.mkdir(parents=True, exist_ok=True)
    return True


# compiled on first use: only a folder that was there before the run is looked into
_TEMPORARY_RE = compile_lazily(r"\.(?:.+\.(\d+)\.tmp|nikosheet\.(\d+)\.probe)")


def remove_stale_temporaries(folder: str) -> None:
    """Remove the hidden temporary files of this tool's own naming (`.NAME.PID.tmp`, `.nikosheet.PID.probe`)
    that a process killed while writing left in `folder`: those whose process is gone."""
    try:
        names = [e.name for e in os.scandir(folder) if e.name.startswith(".") and _TEMPORARY_RE.fullmatch(e.name)]
    except OSError:
        return
    for name in names:
        m = _TEMPORARY_RE.fullmatch(name)
        pid = int((m.group(1) or m.group(2)) if m else 0)
        if pid and pid != os.getpid() and not _running(pid):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, name))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):  # another user's process, or not a process number at all
        return True
    return True


def _write_all(fd: int, data: bytes) -> None:
    n = os.write(fd, data)
    if n < len(data):  # a short write (a signal, a pipe): the rest in as many calls as it takes
        view = memoryview(data)[n:]
        while view:
            view = view[os.write(fd, view) :]


def _new_file_mode() -> int:
    """The mode a new file gets: 0666 less the umask (read once: setting it is the only way to read it)."""
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0o022)
        os.umask(_UMASK)
    return 0o666 & ~_UMASK


_UMASK: int | None = None


def can_create_in(folder: str | Path) -> bool:
    """Whether a file can be created in `folder`.  Tried, not asked: os.access() says yes to root
    on a read-only file system, /proc or /sys."""
    probe = os.path.join(folder, f".nikosheet.{os.getpid()}.probe")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(probe, flags, 0o600)
    except FileExistsError:  # left by a process of the same number that was killed
        try:
            os.unlink(probe)
            fd = os.open(probe, flags, 0o600)
        except OSError:
            return False
    except OSError:
        return False
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return True


def writable_file_target(path: Path) -> bool:
    """Whether `path` names a file (not a folder) that can be written: a device or FIFO that takes
    writes, or a file whose folder exists and takes new files (the temporary file goes there)."""
    try:
        st = os.stat(path)
    except OSError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        return False
    if st is not None and not stat.S_ISREG(st.st_mode):
        return os.access(path, os.W_OK)
    real = Path(os.path.realpath(path)) if st is not None else path
    parent = real.parent if str(real.parent) else Path(".")
    return parent.is_dir() and can_create_in(parent)
