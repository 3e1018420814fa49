"""Typed messages about an SLD: what is wrong (or was fixed), where, and what the user can do.

Every message exists in English and French; the catalogue below keeps both side by side so a
new code cannot ship with one language missing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Dict, Iterable, List, Tuple


class Severity(str, enum.Enum):
    ERROR = "ERROR"  # the platform would reject the SLD, or it cannot be produced
    WARNING = "WARNING"  # accepted, but the rendering will differ from QGIS
    FIXED = "FIXED"  # changed automatically, no visible difference expected


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    message_en: str
    message_fr: str
    location: str = ""

    def text(self, lang: str = "en") -> str:
        french = lang.lower().startswith("fr")
        message = self.message_fr if french else self.message_en
        severity = SEVERITY_FR[self.severity] if french else self.severity.value
        return f"[{severity}] {self.location}: {message}" if self.location else (
            f"[{severity}] {message}"
        )


# The severity as a French reader sees it (the English word is the code itself).
SEVERITY_FR = {Severity.ERROR: "ERREUR", Severity.WARNING: "AVERTISSEMENT",
               Severity.FIXED: "CORRIGÉ"}


# code -> (English template, French template); templates use str.format(**params).
CATALOGUE: Dict[str, Tuple[str, str]] = {
    "EXPORT_FAILED": (
        "QGIS could not export the style as SLD: {detail}. Simplify the symbology "
        "(single symbol, categorized, graduated or rule-based) and retry.",
        "QGIS n'a pas pu exporter le style en SLD : {detail}. Simplifiez la symbologie "
        "(symbole unique, catégorisé, gradué ou ensemble de règles) et réessayez.",
    ),
    "NOT_XML": (
        "The SLD is not well-formed XML ({detail}); export the style again.",
        "Le SLD n'est pas un XML bien formé ({detail}) ; exportez à nouveau le style.",
    ),
    "VERSION_DOWNGRADED": (
        "SLD {old} (Symbology Encoding) converted to SLD 1.0.0, the only version the platform "
        "accepts.",
        "SLD {old} (Symbology Encoding) converti en SLD 1.0.0, seule version acceptée par la "
        "plateforme.",
    ),
    "SE_ELEMENT": (
        "Element {element} belongs to SE/SLD 1.1, which the platform rejects; use the SLD 1.0.0 "
        "equivalent (e.g. CssParameter instead of SvgParameter).",
        "L'élément {element} relève de SE/SLD 1.1, rejeté par la plateforme ; utilisez "
        "l'équivalent SLD 1.0.0 (par ex. CssParameter au lieu de SvgParameter).",
    ),
    "WRONG_VERSION": (
        "The SLD declares version '{version}'; the platform accepts 1.0.0 only.",
        "Le SLD déclare la version « {version} » ; la plateforme n'accepte que la 1.0.0.",
    ),
    "ELEMENT_DROPPED": (
        "{element} has no SLD 1.0.0 equivalent and was removed; the rendering may differ "
        "slightly ({effect}).",
        "{element} n'a pas d'équivalent en SLD 1.0.0 et a été retiré ; le rendu peut différer "
        "légèrement ({effect_fr}).",
    ),
    "ELEMENT_REORDERED": (
        "Children of {element} put in the order the SLD 1.0.0 schema requires.",
        "Les enfants de {element} ont été remis dans l'ordre exigé par le schéma SLD 1.0.0.",
    ),
    "FIELD_RENAMED": (
        "Field '{old}' renamed '{new}', the name it has in the stored data (the platform's "
        "integration names columns as GDAL's PostgreSQL driver does: lower case, signs such "
        "as '-', '#' or an apostrophe become '_').",
        "Champ « {old} » renommé « {new} », son nom dans la donnée stockée (l'intégration de "
        "la plateforme nomme les colonnes comme le pilote PostgreSQL de GDAL : minuscules, "
        "les signes comme « - », « # » ou l'apostrophe deviennent « _ »).",
    ),
    "FIELD_NAMES_DIFFER": (
        "The stored data names {count} column(s) otherwise than predicted ({pairs}); the style "
        "was rebuilt on the platform's names.",
        "La donnée stockée nomme {count} colonne(s) autrement que prévu ({pairs}) ; le style "
        "a été reconstruit sur les noms de la plateforme.",
    ),
    "NAME_SET": (
        "{element} set to the table name '{table}' (the platform requires the style name to "
        "equal the table name).",
        "{element} fixé au nom de la table « {table} » (la plateforme exige que le nom du "
        "style soit celui de la table).",
    ),
    "EMPTY_STYLE_NAME": (
        "{element} is empty or differs from the table name '{table}'; the platform rejects "
        "it. Set it to '{table}'.",
        "{element} est vide ou différent du nom de la table « {table} » ; la plateforme le "
        "rejette. Mettez « {table} ».",
    ),
    "WKN_MAPPED": (
        "Marker '{old}' (QGIS only) replaced by the GeoServer marker '{new}'.",
        "Marqueur « {old} » (propre à QGIS) remplacé par le marqueur GeoServer « {new} ».",
    ),
    "WKN_APPROXIMATED": (
        "Marker '{old}' does not exist in GeoServer; replaced by '{new}', which looks "
        "different. Choose a simple marker (circle, square, triangle, star, cross, x) in QGIS "
        "for an exact rendering.",
        "Le marqueur « {old} » n'existe pas dans GeoServer ; remplacé par « {new} », d'aspect "
        "différent. Choisissez un marqueur simple (cercle, carré, triangle, étoile, croix, x) "
        "dans QGIS pour un rendu exact.",
    ),
    "COLUMN_NOT_XML_NAME": (
        "Column '{field}' contains a space or starts with a digit. The platform's integration "
        "keeps such names, but GeoServer's feature reader finds attributes by XML name (a "
        "letter or '_' first, no space): it may not evaluate this column when it draws, so "
        "the rules on it would draw nothing (to confirm on the platform). Renaming the field "
        "in QGIS (letters, digits and '_', a letter first) avoids the risk.",
        "La colonne « {field} » contient une espace ou commence par un chiffre. L'intégration "
        "de la plateforme garde ces noms, mais le lecteur d'objets de GeoServer cherche les "
        "attributs par nom XML (une lettre ou « _ » d'abord, sans espace) : il pourrait ne "
        "pas évaluer cette colonne au rendu, et les règles qui l'utilisent ne rien dessiner "
        "(à confirmer sur la plateforme). Renommer le champ dans QGIS (lettres, chiffres et "
        "« _ », une lettre d'abord) évite ce risque.",
    ),
    "WKN_AS_IMAGE": (
        "Marker '{old}' has no name both GeoServer and the cartes.gouv.fr style editor read: "
        "it is drawn as an SVG image of the same shape and colours, hosted as an annex.",
        "Le marqueur « {old} » n'a pas de nom que lisent à la fois GeoServer et l'éditeur de "
        "styles de cartes.gouv.fr : il est dessiné par une image SVG de même forme et de mêmes "
        "couleurs, hébergée en annexe.",
    ),
    "WKN_NOT_EDITABLE_ONLINE": (
        "Marker '{name}' is drawn by GeoServer, but the cartes.gouv.fr style editor refuses it "
        "(it reads circle, square, triangle, star, cross, x, shape:// and ttf:// marks only): "
        "this style could not be edited on cartes.gouv.fr. Choose one of those marks in QGIS "
        "to keep it editable there.",
        "Le marqueur « {name} » est dessiné par GeoServer, mais l'éditeur de styles de "
        "cartes.gouv.fr le refuse (il ne lit que les marques circle, square, triangle, star, "
        "cross, x, shape:// et ttf://) : ce style ne pourra pas y être modifié. Choisissez "
        "l'une de ces marques dans QGIS pour qu'il reste modifiable.",
    ),
    "WKN_UNKNOWN": (
        "Marker name '{name}' is unknown to GeoServer; the platform rejects it. Use circle, "
        "square, triangle, star, cross, x or a shape:// / ttf:// name.",
        "Le nom de marqueur « {name} » est inconnu de GeoServer ; la plateforme le rejette. "
        "Utilisez circle, square, triangle, star, cross, x ou un nom shape:// / ttf://.",
    ),
    "HATCH_STRAIGHTENED": (
        "Line pattern at {angle}° written as the GeoServer hatch '{new}' so the lines join "
        "and keep QGIS's direction and spacing.",
        "Motif de lignes à {angle}° écrit avec la hachure GeoServer « {new} » pour que les "
        "lignes se raccordent et gardent la direction et l'espacement de QGIS.",
    ),
    "FONT_MARKER_MAPPED": (
        "Font marker converted to the GeoServer name '{new}'; the font must exist on the "
        "platform's server, otherwise a square is drawn.",
        "Marqueur de police converti en « {new} » pour GeoServer ; la police doit exister sur "
        "le serveur de la plateforme, sinon un carré est dessiné.",
    ),
    "ANNEX_REQUIRED": (
        "Icon '{path}' ({mime}, {size} bytes) is a local file; it will be uploaded as a "
        "public annex and its URL written in the SLD.",
        "L'icône « {path} » ({mime}, {size} octets) est un fichier local ; elle sera déposée "
        "en annexe publique et son URL écrite dans le SLD.",
    ),
    "ANNEX_PENDING": (
        "Icon reference '{url}' is a placeholder: upload the annex and rewrite the URL "
        "before sending the SLD.",
        "La référence d'icône « {url} » est provisoire : déposez l'annexe et réécrivez l'URL "
        "avant d'envoyer le SLD.",
    ),
    "LOCAL_GRAPHIC": (
        "Icon '{path}' is a local file path; the platform cannot read it. Upload it as an "
        "annex and reference its URL.",
        "L'icône « {path} » est un chemin local ; la plateforme ne peut pas la lire. Déposez-la "
        "en annexe et référencez son URL.",
    ),
    "SYMBOL_LAYER_NOT_EXPORTED": (
        "QGIS has no SLD export for the symbol layer type '{kind}'; it is missing from the "
        "published map. Replace it with a simple fill, line or marker, or an SVG marker.",
        "QGIS ne sait pas exporter en SLD la couche de symbole de type « {kind} » ; elle "
        "manquera sur la carte publiée. Remplacez-la par un remplissage, une ligne ou un "
        "marqueur simple, ou un marqueur SVG.",
    ),
    "GRAPHIC_FALLBACK": (
        "Icon '{path}' replaced by a simple marker ({reason}); the map will show a square "
        "instead of the icon.",
        "Icône « {path} » remplacée par un marqueur simple ({reason_fr}) ; la carte montrera "
        "un carré au lieu de l'icône.",
    ),
    "RULE_WITHOUT_SYMBOLIZER": (
        "{rule} draws nothing (no symbolizer); it was removed because the platform "
        "rejects such rules.",
        "{rule_start_fr} ne dessine rien (aucun symboliseur) ; elle a été retirée car la "
        "plateforme rejette ces règles.",
    ),
    "RULE_WITHOUT_SYMBOLIZER_LEFT": (
        "{rule} has no symbolizer; the platform rejects it. Give it a symbol or delete "
        "it.",
        "{rule_start_fr} n'a aucun symboliseur ; la plateforme la rejette. Donnez-lui un "
        "symbole ou supprimez-la.",
    ),
    "RULE_KEPT_INVISIBLE": (
        "{rule} draws nothing; an invisible symbolizer was added so that its features do not "
        "fall to the ELSE rule (the platform rejects rules without symbolizer).",
        "{rule_start_fr} ne dessine rien ; un symboliseur invisible a été ajouté pour que ses "
        "objets ne tombent pas dans la règle SINON (la plateforme rejette les règles sans "
        "symboliseur).",
    ),
    "ELSE_RESTORED": (
        "{rule} is an ELSE rule that QGIS could not export; ElseFilter restored.",
        "{rule_start_fr} est une règle SINON que QGIS n'a pas pu exporter ; ElseFilter rétabli.",
    ),
    "FILTER_NOT_EXPORTED": (
        "QGIS could not export the filter of {rule}: as it stands the rule would draw every "
        "feature. Rewrite the filter with plain comparisons on fields.",
        "QGIS n'a pas pu exporter le filtre de {rule_fr} : en l'état la règle dessinerait "
        "tous les objets. Réécrivez le filtre avec des comparaisons simples sur les champs.",
    ),
    "NO_RULE": (
        "The style has no rule that draws anything; give the layer at least one symbol.",
        "Le style n'a aucune règle qui dessine ; donnez au moins un symbole à la couche.",
    ),
    "FUNCTION_MAPPED": (
        "Function '{old}' replaced by its GeoServer equivalent '{new}'.",
        "Fonction « {old} » remplacée par son équivalent GeoServer « {new} ».",
    ),
    "LIKE_REWRITTEN": (
        "A LIKE comparison on an expression was rewritten as a regular-expression match "
        "(strMatches), the form SLD 1.0 and GeoServer accept.",
        "Une comparaison LIKE sur une expression a été réécrite en correspondance "
        "d'expression régulière (strMatches), forme acceptée par SLD 1.0 et GeoServer.",
    ),
    "FUNCTION_UNSUPPORTED": (
        "Function '{name}' used in {where} cannot be carried by SLD 1.0 for GeoServer. "
        "Rewrite the expression with plain comparisons on fields, or compute the value as a "
        "new field in the data before publishing.",
        "La fonction « {name} » utilisée dans {where_fr} ne peut pas être transmise en SLD 1.0 "
        "à GeoServer. Réécrivez l'expression avec des comparaisons simples sur les champs, ou "
        "calculez la valeur dans un nouveau champ de la donnée avant publication.",
    ),
    "PROPERTYNAME_EXPRESSION": (
        "'{text}' is an expression, not a field name; SLD 1.0 PropertyName carries field "
        "names only. Create a field holding this value, or use a plain field.",
        "« {text} » est une expression et non un nom de champ ; PropertyName en SLD 1.0 ne "
        "porte que des noms de champs. Créez un champ contenant cette valeur, ou utilisez un "
        "champ simple.",
    ),
    "EMPTY_FIELD_NAME": (
        "Field '{field}' has no usable name once stored (the platform removes accents, "
        "hyphens and case); rename the field in the data, or map it to a stored column.",
        "Le champ « {field} » n'a plus de nom utilisable une fois stocké (la plateforme "
        "retire accents, tirets et majuscules) ; renommez le champ dans la donnée, ou "
        "associez-le à une colonne stockée.",
    ),
    "LABEL_EXPRESSION": (
        "The label expression could not be exported by QGIS (it wrote a placeholder). Label "
        "with a plain field, or create a field holding the label text.",
        "L'expression d'étiquette n'a pas pu être exportée par QGIS (valeur provisoire "
        "écrite). Étiquetez avec un champ simple, ou créez un champ contenant le texte.",
    ),
    "LABEL_EXPRESSION_SPLIT": (
        "Label expression {expression} written as fields and text, the form SLD 1.0 labels "
        "accept.",
        "Expression d'étiquette {expression} écrite sous forme de champs et de texte, forme "
        "acceptée par les étiquettes SLD 1.0.",
    ),
    "SCALE_RANGE_LEVELS": (
        "Scale-dependent visibility kept as the pyramid's levels: drawn at levels {levels} "
        "(where QGIS draws it at each level's scale).",
        "Visibilité selon l'échelle conservée sur les niveaux de la pyramide : dessinée aux "
        "niveaux {levels} (là où QGIS la dessine à l'échelle de chaque niveau).",
    ),
    "LAYER_OPACITY_FOLDED": (
        "Layer opacity ({percent} %) applied to every symbol's opacity, since SLD has no "
        "layer opacity.",
        "Opacité de la couche ({percent} %) reportée sur l'opacité de chaque symbole, le SLD "
        "n'ayant pas d'opacité de couche.",
    ),
    "ATTRIBUTE_MISSING": (
        "Field '{field}' is used by the style but does not exist in table '{table}'{hint}. "
        "Fix the field name in the style, or map it to an existing column.",
        "Le champ « {field} » est utilisé par le style mais n'existe pas dans la table "
        "« {table} »{hint_fr}. Corrigez le nom du champ dans le style, ou associez-le à une "
        "colonne existante.",
    ),
    "ATTRIBUTE_CASE": (
        "matchCase='false' (case-insensitive comparison) does not exist in SLD 1.0; the "
        "comparison is now case-sensitive.",
        "matchCase='false' (comparaison insensible à la casse) n'existe pas en SLD 1.0 ; la "
        "comparaison est désormais sensible à la casse.",
    ),
    "UOM_DROPPED": (
        "Sizes in {uom} are not supported by SLD 1.0 and are now read as pixels; set sizes in "
        "millimetres or pixels in QGIS for a faithful rendering.",
        "Les tailles en {uom} ne sont pas prises en charge en SLD 1.0 et sont lues en pixels ; "
        "exprimez les tailles en millimètres ou pixels dans QGIS pour un rendu fidèle.",
    ),
    "XSD_INVALID": (
        "Not valid against the SLD 1.0.0 schema (line {line}): {detail}",
        "Non valide au regard du schéma SLD 1.0.0 (ligne {line}) : {detail}",
    ),
    "UNSUPPORTED_SYMBOLOGY": (
        "{feature}: SLD cannot carry it, the published map will differ from QGIS. {advice}",
        "{feature_fr} : le SLD ne peut pas le transmettre, la carte publiée différera de "
        "QGIS. {advice_fr}",
    ),
}


def finding(severity: Severity, code: str, location: str = "", **params: object) -> Finding:
    """Build a Finding from the catalogue; missing *_fr params fall back to the English ones."""
    english, french = CATALOGUE[code]
    values = {key: str(value) for key, value in params.items()}
    for key in list(values):
        values.setdefault(f"{key}_fr", values[key])
    return Finding(severity, code, english.format(**values), french.format(**values), location)


def rule_params(label: str) -> Dict[str, str]:
    """``rule``/``rule_fr`` parameters from a location label such as "Rule 'forêt'"."""
    french = "la règle" + label[len("Rule"):] if label.startswith("Rule") else label
    return {"rule": label, "rule_fr": french, "rule_start_fr": french[:1].upper() + french[1:]}


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(item.severity is Severity.ERROR for item in findings)


def by_severity(findings: Iterable[Finding], severity: Severity) -> List[Finding]:
    return [item for item in findings if item.severity is severity]
