"""The range of PM levels of a pyramid ("plage de visibilité"), validated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from .grid import MAX_LEVEL, MIN_LEVEL, Level

# cartes.gouv.fr's slider default.
DEFAULT_TOP = 4
DEFAULT_BOTTOM = 16


class ZoomRangeError(ValueError):
    """An impossible zoom range; carries the message in English and French."""

    def __init__(self, field: str, message_en: str, message_fr: str) -> None:
        super().__init__(message_en)
        self.field = field
        self.message_en = message_en
        self.message_fr = message_fr

    def message(self, language: str = "en") -> str:
        return self.message_fr if language.lower().startswith("fr") else self.message_en


def _check_level(field: str, value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ZoomRangeError(
            field,
            f"The {field} level must be a whole number, got {value!r}.",
            f"Le niveau {'le plus haut' if field == 'top' else 'le plus bas'} doit être un "
            f"nombre entier (reçu {value!r}).",
        )
    if not MIN_LEVEL <= value <= MAX_LEVEL:
        raise ZoomRangeError(
            field,
            f"The {field} level {value} is outside {MIN_LEVEL}–{MAX_LEVEL}.",
            f"Le niveau {'le plus haut' if field == 'top' else 'le plus bas'} {value} est hors "
            f"de la plage {MIN_LEVEL}–{MAX_LEVEL}.",
        )


@dataclass(frozen=True)
class ZoomRange:
    """Levels `top` (least detailed, smallest number) to `bottom` (most detailed), inclusive."""

    top: int = DEFAULT_TOP
    bottom: int = DEFAULT_BOTTOM

    def __post_init__(self) -> None:
        _check_level("top", self.top)
        _check_level("bottom", self.bottom)
        if self.top > self.bottom:
            raise ZoomRangeError(
                "top",
                f"The top level ({self.top}) must not be more detailed than the bottom level "
                f"({self.bottom}).",
                f"Le niveau le plus haut ({self.top}) doit être inférieur ou égal au niveau le "
                f"plus bas ({self.bottom}).",
            )

    def __len__(self) -> int:
        return self.bottom - self.top + 1

    def __contains__(self, z: object) -> bool:
        return isinstance(z, int) and self.top <= z <= self.bottom

    def levels(self) -> Iterator[Level]:
        """Top to bottom."""
        return (Level(z) for z in range(self.top, self.bottom + 1))

    @property
    def top_level(self) -> Level:
        return Level(self.top)

    @property
    def bottom_level(self) -> Level:
        return Level(self.bottom)
