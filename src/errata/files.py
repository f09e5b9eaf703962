"""Finding essays on disk and writing them back safely."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


def find_essays(paths: Iterable[str | Path]) -> list[tuple[Path, Path]]:
    """Each Markdown file under the given files and folders, with the folder it was found under.

    A file named directly is taken whatever its extension; folders are searched
    for ``*.md``. The pair's second item is the root that relative output
    paths are computed from.
    """
    found: list[tuple[Path, Path]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend((p, path) for p in sorted(path.rglob("*.md")) if p.is_file())
        else:
            found.append((path, path.parent))
    return found


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once: a temporary file, then a rename.

    A crash leaves either the old file or the new one, never half of each;
    the file's permission bits are kept.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
