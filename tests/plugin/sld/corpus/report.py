"""Runs the SLD pipeline (and the fidelity preview) on corpus styles; prints the table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, List, Optional

from gpf_wmts_publisher.plugin.sld.findings import Severity
from gpf_wmts_publisher.plugin.sld.pipeline import SldResult, prepare_sld
from gpf_wmts_publisher.plugin.sld.preview import preview_fidelity
from gpf_wmts_publisher.plugin.sld.validate import validate_sld

from .styles import CorpusStyle

TABLE_NAME = "corpus"
PREVIEW_LEVELS = (13, 15)


@dataclass
class CorpusRow:
    style: CorpusStyle
    result: SldResult
    schema_valid: bool
    score: Optional[float]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.result.findings if f.severity is severity)

    @property
    def codes(self) -> List[str]:
        return sorted({f.code for f in self.result.findings})


def evaluate(style: CorpusStyle, *, with_preview: bool = True) -> CorpusRow:
    layer = style.build()
    result = prepare_sld(layer, table_name=TABLE_NAME, lang="en")
    schema_valid = bool(result.sld_bytes) and not any(
        f.code == "XSD_INVALID" for f in validate_sld(result.sld_bytes))
    score = None
    if with_preview and result.sld_bytes:
        annex_paths = {a.placeholder: a.local_path for a in result.annexes}
        score = preview_fidelity(layer, result.sld_bytes, PREVIEW_LEVELS,
                                 field_map=result.field_map, annex_paths=annex_paths).score
    return CorpusRow(style, result, schema_valid, score)


def format_table(rows: Iterable[CorpusRow]) -> str:
    lines = [f"{'style':32} {'xsd':5} {'ok':5} {'fixed':>5} {'warn':>5} {'err':>4} "
             f"{'score':>6}  error codes"]
    for row in rows:
        score = "-" if row.score is None else f"{row.score:.3f}"
        errors = sorted({f.code for f in row.result.findings if f.severity is Severity.ERROR})
        lines.append(
            f"{row.style.name:32} {'yes' if row.schema_valid else 'NO':5} "
            f"{'yes' if row.result.ok else 'no':5} {row.count(Severity.FIXED):5d} "
            f"{row.count(Severity.WARNING):5d} {row.count(Severity.ERROR):4d} {score:>6}  "
            f"{','.join(errors)}")
    return "\n".join(lines)
