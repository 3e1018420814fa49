"""The uploads of a publication: one per CRS among its layers (one for a single layer).

The layers of a map that share a CRS are the tables of one GeoPackage, sent in one upload and
integrated into one stored data; a layer in another CRS goes in an upload of its own (the
platform's upload declares one ``srs``). The first upload keeps a single layer's names (journal
kinds ``upload``, ``execution_integration``..., the data name), so a single layer's journal is
unchanged; the next ones add ``_<n>`` to the kinds and their CRS to the data name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Tuple


@dataclass(frozen=True)
class UploadBatch:
    index: int
    sources: Tuple
    tables: Tuple[str, ...]
    data_name: str
    srs: str

    def kind(self, base: str) -> str:
        """The journal kind (or journal key) of this upload's ``base`` resource."""
        return base if self.index == 0 else f"{base}_{self.index}"


def upload_batches(spec) -> List[UploadBatch]:
    """The uploads, in the order the layers' CRSs first appear (top of the tree first)."""
    by_crs: Dict[str, List[int]] = {}
    for position, source in enumerate(spec.sources):
        by_crs.setdefault(source.crs_authid, []).append(position)
    tables = spec.table_names()
    batches = []
    for index, (srs, positions) in enumerate(by_crs.items()):
        name = spec.effective_data_name
        if index:
            name = f"{name}_{srs.lower().replace(':', '')}"
        batches.append(UploadBatch(index, tuple(spec.sources[p] for p in positions),
                                   tuple(tables[p] for p in positions), name, srs))
    return batches
