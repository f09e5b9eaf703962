"""Finding essays on disk, reading them without surprises, and writing them back safely.

The rules that keep a repair from losing or leaking a byte live here:

- a symbolic link is never read or written through (it is reported and skipped:
  the file it points to may lie outside the folder, and a link inside the
  folder points to a file the repair finds by itself);
- only regular files are opened, and never in a way that blocks (a FIFO named
  ``x.md`` would wait forever for a writer);
- a file is replaced all at once (temporary file, fsync, rename), and only if
  it still holds the bytes the repair read: an edit made meanwhile survives.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from .errors import EssayError


def find_essays(paths: Iterable[str | Path], include_special: bool = False) -> list[tuple[Path, Path]]:
    """Each Markdown file under the given files and folders, with the folder it was found under.

    A file named directly is taken whatever its extension; folders are searched
    for ``*.md`` (symbolic links to folders are not followed). The pair's second
    item is the root that relative output paths are computed from. With
    ``include_special``, a folder's symbolic links and other non-regular
    entries named ``*.md`` are listed too, so that a caller can report them;
    otherwise only what opens as a file is. A path given twice is listed once.

    >>> find_essays(["/dev/null", "/dev/../dev/null"])
    [(PosixPath('/dev/null'), PosixPath('/dev'))]
    """
    found: dict[str, tuple[Path, Path]] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for entry in sorted(path.rglob("*.md")):
                if entry.is_file() or (include_special and not stat.S_ISDIR(_lstat_mode(entry))):
                    found.setdefault(os.path.abspath(entry), (entry, path))
        else:
            found.setdefault(os.path.abspath(path), (path, path.parent))
    return list(found.values())


def _lstat_mode(path: Path) -> int:
    try:
        return os.lstat(path).st_mode
    except OSError:
        return 0  # vanished since the listing: the reader reports it


def read_regular_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file; :class:`EssayError` if it is anything else.

    Neither follows a symbolic link nor blocks on a FIFO or device: the file is
    opened with ``O_NOFOLLOW | O_NONBLOCK`` and checked again once open, so a
    swap between the check and the open is caught too. ``OSError`` for a file
    that cannot be read (missing, no permission).

    With a ``limit``, at most ``limit + 1`` bytes are read: more than ``limit`` say the file is
    larger, whatever size it had a moment before (a file may grow between a look and a read).

    >>> read_regular_file(Path("/dev/null"))
    Traceback (most recent call last):
    errata.errors.EssayError: /dev/null: not a regular file (a device, FIFO or socket): skipped
    >>> len(read_regular_file(Path(__file__), 10))
    11
    """
    _refuse_special(path, os.lstat(path).st_mode)
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as handle:
        _refuse_special(path, os.fstat(fd).st_mode)
        return handle.read(-1 if limit is None else limit + 1)


def _refuse_special(path: Path, mode: int) -> None:
    if stat.S_ISLNK(mode):
        raise EssayError(str(path), None, "a symbolic link: skipped (the repair never writes through links; name the file it points to)")
    if not stat.S_ISREG(mode):
        raise EssayError(str(path), None, "not a regular file (a device, FIFO or socket): skipped")


def replace_if_unchanged(path: Path, data: bytes, expected: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, unless it no longer holds ``expected``.

    The new content is written and synced to a temporary file first; the file
    is read again right before the rename, so an edit made while the repair
    ran is kept and reported (:class:`EssayError`) instead of overwritten.
    ``OSError`` (disk full, read-only folder) leaves the file as it was.
    """

    def still_expected() -> None:
        if read_regular_file(path) != expected:
            raise EssayError(str(path), None, "changed on disk while the repair ran: left as it is now (run the repair again)")

    atomic_write(path, data, before_rename=still_expected)


def atomic_write(path: Path, data: bytes, before_rename=None) -> None:
    """Replace ``path`` with ``data`` all at once: a temporary file, then a rename.

    A crash leaves either the old file or the new one, never half of each;
    the file's permission bits are kept and no temporary file is left behind.
    A new file gets the mode any new file gets (0644 under the usual umask 022),
    not the 0600 of a temporary file: a site's pages and pictures must be readable
    by the web server. ``before_rename`` (no arguments) runs once the data is
    safely on disk; an exception from it cancels the write.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
    # The temporary name must fit wherever the file's own does: a name of 255 bytes (85 Chinese
    # characters) leaves no room for a prefix, so only a short part of the name goes into it.
    fd, tmp = _temporary_file(path.parent, f".{_short(path.name)}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        if before_rename is not None:
            before_rename()
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _temporary_file(folder: Path, prefix: str) -> tuple[int, str]:
    """A new file of a random name in ``folder``, open for writing, created as ``open()`` creates
    files (mode 0666 less the umask, which the system applies: no other thread's umask is changed
    to read it), never through a link, never over a file already there. Its descriptor and path.
    """
    for _ in range(100):
        name = os.path.join(folder, f"{prefix}{secrets.token_hex(6)}.tmp")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder}: no free temporary name")


def _short(name: str, limit: int = 32) -> str:
    """The first characters of a file name, at most ``limit`` bytes of UTF-8 (whole characters).

    >>> _short("a.md"), len(_short("报" * 100).encode())
    ('a.md', 30)
    """
    return name.encode("utf-8")[:limit].decode("utf-8", errors="ignore")  # a character cut in two is left out


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path``, with every link resolved, stays under ``root``.

    >>> is_inside(Path("docs/a/../b.md"), Path("docs")), is_inside(Path("docs/../x.md"), Path("docs"))
    (True, False)
    """
    return path.resolve().is_relative_to(root.resolve())
