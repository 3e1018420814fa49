"""How a background job ends early: its expected failure, or its owner's abort."""

from __future__ import annotations


class JobFailed(Exception):  # noqa: N818 - reads as a status, like Aborted
    """A job's expected failure: its message goes to the logs the user reads."""


class Stopped(BaseException):
    """The sandbox is stopping: the job ends where it stands, as a killed server's would,
    and ``Workers.resume_pending`` takes it up at the next start. A BaseException so that no
    job's own ``except Exception`` turns it into a FAILURE."""


class Aborted(Exception):  # noqa: N818 - an execution status
    """The execution was aborted by its owner."""
