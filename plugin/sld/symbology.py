"""What a QGIS symbology holds that SLD cannot carry, named so the user can act on it."""

from __future__ import annotations

from typing import Dict, List, Tuple

from .filters import GEOSERVER_FUNCTIONS, QGIS_TO_GEOSERVER_FUNCTIONS
from .findings import Finding, Severity, finding

# key -> (English name, French name, advice en, advice fr)
FEATURES: Dict[str, Tuple[str, str, str, str]] = {
    "heatmap": ("Heatmap renderer", "Rendu carte de chaleur",
                "Publish a raster of the heatmap instead.",
                "Publiez plutôt un raster de la carte de chaleur."),
    "25d": ("2.5D renderer", "Rendu 2.5D", "Use a flat symbol.", "Utilisez un symbole plat."),
    "pointCluster": ("Point cluster renderer", "Rendu par regroupement de points",
                     "Clusters are drawn as separate points.",
                     "Les points seront dessinés séparément."),
    "pointDisplacement": ("Point displacement renderer", "Rendu par déplacement de points",
                          "Points are drawn at their true position.",
                          "Les points seront dessinés à leur position réelle."),
    "invertedPolygonRenderer": ("Inverted polygons", "Polygones inversés",
                                "Draw a mask layer instead.",
                                "Dessinez plutôt une couche de masque."),
    "expression_rule": ("Rule expression not expressible in SLD",
                        "Expression de règle non exprimable en SLD",
                        "Use comparisons on fields.", "Utilisez des comparaisons sur des champs."),
    "expression_class": ("Classification by expression", "Classification par expression",
                         "Classify on a field (compute it in the data).",
                         "Classez sur un champ (calculez-le dans la donnée)."),
    "data_defined": ("Data-defined symbol property", "Propriété de symbole définie par les données",
                     "Use fixed values or classes.", "Utilisez des valeurs fixes ou des classes."),
    "paint_effect": ("Paint effect (shadow, glow, blur…)", "Effet de rendu (ombre, lueur, flou…)",
                     "Effects are not drawn.", "Les effets ne seront pas dessinés."),
    "blend_mode": ("Blending mode", "Mode de fusion", "Layers are drawn normally.",
                   "Les couches seront dessinées normalement."),
    "layer_opacity": ("Layer opacity", "Opacité de couche",
                      "Set the opacity on the symbol colours instead.",
                      "Réglez plutôt l'opacité des couleurs du symbole."),
    "geometry_generator": ("Geometry generator", "Générateur de géométrie",
                           "Compute the geometry in the data.",
                           "Calculez la géométrie dans la donnée."),
    "symbol_levels": ("Symbol levels", "Niveaux de symboles",
                      "Drawing order may differ.", "L'ordre de dessin peut différer."),
    "unsupported_symbol_layer": ("Symbol layer type without SLD export",
                                 "Type de couche de symbole sans export SLD",
                                 "Use simple fills, lines, markers or SVG.",
                                 "Utilisez des remplissages, lignes, marqueurs simples ou SVG."),
    "label_expression": ("Label expression", "Expression d'étiquette",
                         "Label with a plain field.", "Étiquetez avec un champ simple."),
    "rule_labels": ("Rule-based labels", "Étiquettes par règles",
                    "Use single labels.", "Utilisez des étiquettes simples."),
}
_RENDERER_KEYS = ("heatmapRenderer", "25dRenderer", "pointCluster", "pointDisplacement",
                  "invertedPolygonRenderer")
_NO_SLD_LAYER_TYPES = frozenset({
    "GradientFill", "ShapeburstFill", "RasterFill", "CentroidFill", "RandomMarkerFill",
    "ArrowLine", "InterpolatedLine", "LineburstLine", "RasterLine", "VectorField",
    "FilledMarker", "RasterMarker", "AnimatedMarker", "EllipseMarker",
})


def _symbols_of(renderer, layer) -> list:
    from qgis.core import QgsRenderContext

    try:
        return list(renderer.symbols(QgsRenderContext.fromMapSettings(_settings_for(layer))))
    except Exception:  # a renderer without symbols() has nothing to inspect
        return []


def _settings_for(layer):
    from qgis.core import QgsMapSettings

    settings = QgsMapSettings()
    settings.setLayers([layer])
    return settings


def _symbol_issues(symbol, found: set) -> None:
    if symbol is None:
        return
    if hasattr(symbol, "dataDefinedProperties") and \
            symbol.dataDefinedProperties().hasActiveProperties():
        found.add("data_defined")
    for symbol_layer in symbol.symbolLayers():
        kind = symbol_layer.layerType()
        if kind == "GeometryGenerator":
            found.add("geometry_generator")
        elif kind in _NO_SLD_LAYER_TYPES:
            found.add("unsupported_symbol_layer")
        if symbol_layer.dataDefinedProperties().hasActiveProperties():
            found.add("data_defined")
        effect = symbol_layer.paintEffect()
        if effect is not None and effect.enabled() and not _is_plain_effect(effect):
            found.add("paint_effect")
        _symbol_issues(symbol_layer.subSymbol(), found)


def _is_plain_effect(effect) -> bool:
    from qgis.core import QgsPaintEffectRegistry

    return QgsPaintEffectRegistry.isDefaultStack(effect)


def _rule_issues(renderer, found: set) -> None:
    from qgis.core import QgsExpression, QgsOgcUtils
    from qgis.PyQt.QtXml import QDomDocument

    for rule in renderer.rootRule().descendants():
        expression = rule.filterExpression()
        if not expression or rule.isElse():
            continue
        document = QDomDocument()
        element = QgsOgcUtils.expressionToOgcFilter(QgsExpression(expression), document)
        if element.isNull() or not _functions_known(element):
            found.add("expression_rule")


def _functions_known(element) -> bool:
    """Whether every ogc:Function QGIS wrote has a GeoServer counterpart."""
    functions = element.elementsByTagName("ogc:Function")
    for index in range(functions.count()):
        name = functions.at(index).toElement().attribute("name")
        if name not in GEOSERVER_FUNCTIONS and name.lower() not in QGIS_TO_GEOSERVER_FUNCTIONS:
            return False
    return True


def _renderer_issues(layer, found: set) -> None:
    from qgis.core import QgsExpression

    renderer = layer.renderer()
    if renderer is None:
        return
    kind = renderer.type()
    key = {"heatmapRenderer": "heatmap"}.get(kind, kind)
    if kind in _RENDERER_KEYS:
        found.add(key)
    if kind == "RuleRenderer":
        _rule_issues(renderer, found)
    if kind in ("categorizedSymbol", "graduatedSymbol"):
        attribute = renderer.classAttribute()
        if layer.fields().lookupField(attribute) < 0 and QgsExpression(attribute).isValid():
            found.add("expression_class")
    if getattr(renderer, "usingSymbolLevels", lambda: False)():
        found.add("symbol_levels")
    effect = renderer.paintEffect() if hasattr(renderer, "paintEffect") else None
    if effect is not None and effect.enabled() and not _is_plain_effect(effect):
        found.add("paint_effect")
    for symbol in _symbols_of(renderer, layer):
        _symbol_issues(symbol, found)


def _layer_issues(layer, found: set) -> None:
    from qgis.PyQt.QtGui import QPainter

    normal = QPainter.CompositionMode.CompositionMode_SourceOver
    if layer.blendMode() != normal or layer.featureBlendMode() != normal:
        found.add("blend_mode")
    if layer.opacity() < 1.0:
        found.add("layer_opacity")
    if layer.labelsEnabled() and layer.labeling() is not None:
        labeling = layer.labeling()
        if labeling.type() == "rule-based":
            found.add("rule_labels")
        elif labeling.type() == "simple" and labeling.settings().isExpression:
            if layer.fields().lookupField(labeling.settings().fieldName) < 0:
                found.add("label_expression")


def unsupported_symbology(layer) -> List[str]:
    """Names (English) of what the layer's symbology uses that SLD cannot carry."""
    return [FEATURES[key][0] for key in _unsupported_keys(layer)]


def _unsupported_keys(layer) -> List[str]:
    found: set = set()
    _renderer_issues(layer, found)
    _layer_issues(layer, found)
    return [key for key in FEATURES if key in found]


# Renderers whose SLD export draws nothing at all: publishing them cannot work.
_NOTHING_EXPORTED = frozenset({"heatmap"})


def unsupported_symbology_findings(layer, carried: Tuple[str, ...] = ()) -> List[Finding]:
    """One finding per unsupported feature; ``carried``: keys the pipeline managed to
    express in SLD after all (e.g. a label expression split into fields and text)."""
    findings = []
    for key in _unsupported_keys(layer):
        if key in carried:
            continue
        name_en, name_fr, advice_en, advice_fr = FEATURES[key]
        severity = Severity.ERROR if key in _NOTHING_EXPORTED else Severity.WARNING
        findings.append(finding(severity, "UNSUPPORTED_SYMBOLOGY", "", feature=name_en,
                                feature_fr=name_fr, advice=advice_en, advice_fr=advice_fr))
    return findings
