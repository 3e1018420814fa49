"""Errors of the publication workflow: what went wrong, in words a user can act on."""

from __future__ import annotations

from typing import Optional, Sequence


class PublishError(Exception):
    """A step could not finish. ``logs`` holds the platform's execution/check logs, if any."""

    def __init__(self, message: str, *, step: str = "", logs: Sequence[str] = ()):
        super().__init__(message)
        self.step = step
        self.logs = list(logs)

    def __str__(self) -> str:
        text = super().__str__()
        return f"[{self.step}] {text}" if self.step else text


class PublishCancelledError(PublishError):
    """The user cancelled; what exists stays journaled so the run can resume or be undone."""

    def __init__(self, message: str = "cancelled", *, step: str = ""):
        super().__init__(message, step=step)


class WaitTimeoutError(PublishError):
    """A platform resource did not reach the expected state in time."""


class NamingError(PublishError):
    """Input rejected before anything is created. Carries one message per problem."""

    def __init__(self, problems: Sequence):  # naming.Problem items
        self.problems = list(problems)
        super().__init__("; ".join(p.message() for p in self.problems), step="preflight")

    def messages(self, language: Optional[str] = None) -> list:
        return [p.message(language) for p in self.problems]
