"""Which publication an update belongs to, and what that publication created.

An update removes the old version of what it replaced (pyramid, style static, stored data,
upload) only when this publication made it: a publication started from an existing pyramid,
WMS-V or stored data (plugin/publish/reuse.py) serves something another publication owns,
and an update must never delete it. What "this publication created" is read from journals,
never guessed from names: the publication's journals beside the update's (those holding this
WMTS configuration), the update's own journal, and the journals of the earlier updates of the
same WMTS (set aside as ``….done-<n>.json``), which matter when the WMTS was published
elsewhere and only updated here.
"""

from __future__ import annotations

import json
import os
from typing import Iterator, Set

from .journal import Journal


def _read(path: str) -> Journal:
    with open(path, encoding="utf-8") as handle:
        return Journal(path, json.load(handle))


def _is_update_journal(name: str, journal: Journal) -> bool:
    return "__update__" in name or journal.get("target") is not None


def publication_journals(update_journal: Journal, wmts_configuration_id: str
                         ) -> Iterator[Journal]:
    """The publication journals in the update journal's folder that hold this WMTS."""
    directory = os.path.dirname(update_journal.path) or "."
    if not os.path.isdir(directory):
        return
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if not name.endswith(".json") or path == update_journal.path:
            continue
        try:
            journal = _read(path)
        except (OSError, ValueError):
            continue   # not a journal, or one being written: nothing to learn from it
        if not _is_update_journal(name, journal) and \
                journal.resource_id("configuration_wmts") == wmts_configuration_id:
            yield journal


def _earlier_updates(update_journal: Journal) -> Iterator[Journal]:
    stem = os.path.basename(update_journal.path)[:-len(".json")]
    directory = os.path.dirname(update_journal.path) or "."
    if not os.path.isdir(directory):
        return
    for name in sorted(os.listdir(directory)):
        if name.startswith(stem + ".done-") and name.endswith(".json"):
            try:
                yield _read(os.path.join(directory, name))
            except (OSError, ValueError):
                continue


def created_by_publication(update_journal: Journal, wmts_configuration_id: str) -> Set[str]:
    """The ids of every resource this WMTS's publication or its updates created."""
    journals = [update_journal, *publication_journals(update_journal, wmts_configuration_id),
                *_earlier_updates(update_journal)]
    return {entry["id"] for journal in journals
            for entry in journal.resources(include_removed=True)}
