"""A value that never shows itself: for passwords, client secrets, tokens and TOTP codes."""

from __future__ import annotations

from typing import Optional, Union


class Secret:
    """Holds a secret string; ``str``/``repr``/format print a placeholder, never the value.

    Read it with :meth:`reveal` at the one place it must leave the process (an HTTP body or
    header), so a stray log line, exception message or ``repr`` cannot leak it.
    """

    __slots__ = ("_value",)
    PLACEHOLDER = "***"

    def __init__(self, value: str):
        if isinstance(value, Secret):
            value = value.reveal()
        self._value = str(value)

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Secret({self.PLACEHOLDER})"

    def __str__(self) -> str:
        return self.PLACEHOLDER

    def __format__(self, spec: str) -> str:
        return self.PLACEHOLDER

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __reduce__(self):  # no pickling into a file by accident
        raise TypeError("a Secret cannot be pickled")


SecretLike = Union[str, Secret]


def as_secret(value: Optional[SecretLike]) -> Optional[Secret]:
    """``None`` stays ``None``; strings are wrapped; secrets pass through."""
    if value is None or isinstance(value, Secret):
        return value
    return Secret(value)
