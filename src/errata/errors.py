"""The one error type for bad input: it always names the file, and the line when known."""

from __future__ import annotations


class EssayError(Exception):
    """Bad input in an essay.

    >>> str(EssayError("docs/a.md", 3, "invalid YAML"))
    'docs/a.md:3: invalid YAML'
    """

    def __init__(self, path: str, line: int | None, message: str):
        self.path = path
        self.line = line
        self.message = message
        super().__init__(self.location + ": " + message)

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)
