"""The publication's steps, in the contract's order."""

from __future__ import annotations

from .data import DataStep
from .integration import IntegrationStep
from .metadata import MetadataStep
from .pyramid import PyramidStep
from .restriction import RestrictionStep
from .style import StyleStep
from .tags import TagsStep
from .wmsv import WmsvStep
from .wmts import WmtsStep

STEP_CLASSES = (DataStep, IntegrationStep, StyleStep, WmsvStep, PyramidStep, MetadataStep,
                WmtsStep, RestrictionStep, TagsStep)

__all__ = ["STEP_CLASSES", "DataStep", "IntegrationStep", "MetadataStep", "PyramidStep",
           "RestrictionStep", "StyleStep", "TagsStep", "WmsvStep", "WmtsStep"]
