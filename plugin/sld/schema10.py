"""What SLD 1.0.0 allows inside each element, in the order its schema requires.

Each entry lists the allowed children as ranks: a child's rank is its position in the sequence;
names sharing a rank are a choice. Children absent from the list have no 1.0.0 equivalent.
Elements not listed here (ogc:*, parameter values) are copied as they are.
"""

from __future__ import annotations

from typing import Dict, Tuple

SLD_NS = "http://www.opengis.net/sld"
SE_NS = "http://www.opengis.net/se"
OGC_NS = "http://www.opengis.net/ogc"
XLINK_NS = "http://www.w3.org/1999/xlink"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{SLD_NS} http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd"

SYMBOLIZERS = ("LineSymbolizer", "PolygonSymbolizer", "PointSymbolizer", "TextSymbolizer",
               "RasterSymbolizer")

_SEQUENCES: Dict[str, Tuple[Tuple[str, ...], ...]] = {
    "StyledLayerDescriptor": (("Name",), ("Title",), ("Abstract",), ("NamedLayer", "UserLayer")),
    "NamedLayer": (("Name",), ("LayerFeatureConstraints",), ("NamedStyle", "UserStyle")),
    "UserLayer": (("Name",), ("RemoteOWS",), ("LayerFeatureConstraints",), ("UserStyle",)),
    "UserStyle": (("Name",), ("Title",), ("Abstract",), ("IsDefault",), ("FeatureTypeStyle",)),
    "FeatureTypeStyle": (("Name",), ("Title",), ("Abstract",), ("FeatureTypeName",),
                         ("SemanticTypeIdentifier",), ("Rule",)),
    "Rule": (("Name",), ("Title",), ("Abstract",), ("LegendGraphic",),
             ("Filter", "ElseFilter"), ("MinScaleDenominator",), ("MaxScaleDenominator",),
             SYMBOLIZERS),
    "LegendGraphic": (("Graphic",),),
    "LineSymbolizer": (("Geometry",), ("Stroke",)),
    "PolygonSymbolizer": (("Geometry",), ("Fill",), ("Stroke",)),
    "PointSymbolizer": (("Geometry",), ("Graphic",)),
    "TextSymbolizer": (("Geometry",), ("Label",), ("Font",), ("LabelPlacement",), ("Halo",),
                       ("Fill",)),
    "RasterSymbolizer": (("Geometry",), ("Opacity",), ("ChannelSelection",),
                         ("OverlapBehavior",), ("ColorMap",), ("ContrastEnhancement",),
                         ("ShadedRelief",), ("ImageOutline",)),
    "Fill": (("GraphicFill",), ("CssParameter",)),
    "Stroke": (("GraphicFill", "GraphicStroke"), ("CssParameter",)),
    "GraphicFill": (("Graphic",),),
    "GraphicStroke": (("Graphic",),),
    "Graphic": (("ExternalGraphic", "Mark"), ("Opacity",), ("Size",), ("Rotation",)),
    "Mark": (("WellKnownName",), ("Fill",), ("Stroke",)),
    "ExternalGraphic": (("OnlineResource",), ("Format",)),
    "LabelPlacement": (("PointPlacement", "LinePlacement"),),
    "PointPlacement": (("AnchorPoint",), ("Displacement",), ("Rotation",)),
    "AnchorPoint": (("AnchorPointX",), ("AnchorPointY",)),
    "Displacement": (("DisplacementX",), ("DisplacementY",)),
    "LinePlacement": (("PerpendicularOffset",),),
    "Halo": (("Radius",), ("Fill",)),
    "Font": (("CssParameter",),),
}

# Elements whose only content is text/ogc expressions (ParameterValueType and plain values).
VALUE_ELEMENTS = frozenset({
    "Name", "Title", "Abstract", "IsDefault", "FeatureTypeName", "SemanticTypeIdentifier",
    "MinScaleDenominator", "MaxScaleDenominator", "CssParameter", "WellKnownName", "Format",
    "Opacity", "Size", "Rotation", "Label", "Radius", "AnchorPointX", "AnchorPointY",
    "DisplacementX", "DisplacementY", "PerpendicularOffset", "ElseFilter", "Geometry",
    "OnlineResource",
})

# What is lost when an SE-only element is dropped, for the user (en, fr).
DROP_EFFECTS: Dict[str, Tuple[str, str]] = {
    "VendorOption": ("a GeoServer label or rendering option", "une option GeoServer "
                     "d'étiquette ou de rendu"),
    "Displacement": ("the symbol offset", "le décalage du symbole"),
    "AnchorPoint": ("the symbol anchor", "le point d'ancrage du symbole"),
    "PerpendicularOffset": ("the line offset", "le décalage de la ligne"),
    "InitialGap": ("the gap before the first repeated symbol", "l'espace avant le premier "
                   "symbole répété"),
    "Gap": ("the spacing of repeated symbols", "l'espacement des symboles répétés"),
    "IsRepeated": ("label repetition", "la répétition des étiquettes"),
    "IsAligned": ("label alignment", "l'alignement des étiquettes"),
    "GeneralizeLine": ("label line generalisation", "la généralisation de ligne"),
    "MarkIndex": ("the font character", "le caractère de police"),
    "InlineContent": ("an embedded image", "une image intégrée"),
    "ColorReplacement": ("the icon colour replacement", "le remplacement de couleur d'icône"),
}


def sequence(parent: str):
    return _SEQUENCES.get(parent)


_RANKS: Dict[str, Dict[str, int]] = {
    parent: {name: index for index, names in enumerate(seq) for name in names}
    for parent, seq in _SEQUENCES.items()
}


def rank_of(parent: str, child: str):
    """Position of ``child`` in ``parent``'s sequence, or None when 1.0.0 does not allow it."""
    ranks = _RANKS.get(parent)
    return None if ranks is None else ranks.get(child)
