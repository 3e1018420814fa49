"""How long the client waits for the platform and how often it tries again, configurable.

The defaults suit the real platform (a slow harvest listing may take a minute). The
environment can shorten them: tests of a platform that is down or never answers, and a
``qgis_process`` run that should give up quickly. Read each time a client is built, so a
test's ``monkeypatch.setenv`` applies to the next client.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from typing import Tuple

from .retry import RetryPolicy

LOGGER = logging.getLogger(__name__)

TIMEOUT_ENV = "GPF_HTTP_TIMEOUT_S"      # "read" or "connect,read", in seconds
ATTEMPTS_ENV = "GPF_HTTP_MAX_ATTEMPTS"   # tries of one request, the first included
BACKOFF_ENV = "GPF_HTTP_BACKOFF_S"       # first delay between two tries


def _floats(text: str) -> Tuple[float, ...]:
    return tuple(float(part) for part in text.split(",") if part.strip())


def configured_timeout(default: Tuple[float, float]) -> Tuple[float, float]:
    text = os.environ.get(TIMEOUT_ENV, "").strip()
    if not text:
        return default
    try:
        values = _floats(text)
    except ValueError:
        LOGGER.warning("%s=%r is not a number or 'connect,read': default timeouts kept",
                       TIMEOUT_ENV, text)
        return default
    if len(values) == 1 and values[0] > 0:
        return (min(default[0], values[0]), values[0])
    if len(values) == 2 and min(values) > 0:
        return (values[0], values[1])
    LOGGER.warning("%s=%r is not a positive timeout: default kept", TIMEOUT_ENV, text)
    return default


def configured_retry(default: RetryPolicy) -> RetryPolicy:
    changes = {}
    try:
        if os.environ.get(ATTEMPTS_ENV, "").strip():
            changes["max_attempts"] = max(1, int(os.environ[ATTEMPTS_ENV]))
        if os.environ.get(BACKOFF_ENV, "").strip():
            changes["backoff_base_s"] = max(0.0, float(os.environ[BACKOFF_ENV]))
    except ValueError:
        LOGGER.warning("%s/%s are not numbers: default retries kept", ATTEMPTS_ENV, BACKOFF_ENV)
        return default
    return dataclasses.replace(default, **changes) if changes else default
