"""The messages of a map's checks (several layers published as one WMTS), by problem code;
``naming.MESSAGES`` includes them. Each names the layer concerned."""

from __future__ import annotations

from typing import Dict

MAP_MESSAGES: Dict[str, Dict[str, str]] = {
    "map_empty": {
        "en": "The group '{value}' holds no layer to publish.",
        "fr": "Le groupe « {value} » ne contient aucune couche à publier.",
    },
    "map_not_vector": {
        "en": "The layer '{value}' is not a vector layer (a raster, a mesh, a web service...): "
              "a map published as a WMTS is made of vector layers only. Take it out of the "
              "group.",
        "fr": "La couche « {value} » n'est pas une couche vecteur (raster, maillage, service "
              "web…) : une carte publiée en WMTS ne contient que des couches vecteur. Sortez-la "
              "du groupe.",
    },
    "map_no_geometry": {
        "en": "The layer '{value}' is a table without geometry: it cannot be drawn. Take it "
              "out of the group.",
        "fr": "La couche « {value} » est une table sans géométrie : elle ne peut pas être "
              "dessinée. Sortez-la du groupe.",
    },
    "map_duplicate_name": {
        "en": "Two layers are named '{value}': rename one, each layer becomes a table named "
              "after it.",
        "fr": "Deux couches s'appellent « {value} » : renommez-en une, chaque couche devient "
              "une table qui porte son nom.",
    },
    "map_names_collide": {
        "en": "The layers '{value}' and '{other}' would both become the table '{table}' on "
              "the platform (names are lower-cased and cleaned): rename one.",
        "fr": "Les couches « {value} » et « {other} » deviendraient toutes deux la table "
              "« {table} » sur la plateforme (les noms sont mis en minuscules et nettoyés) : "
              "renommez-en une.",
    },
    "map_style_refused": {
        "en": "The style of the layer '{value}' cannot be published: {detail}",
        "fr": "Le style de la couche « {value} » ne peut pas être publié : {detail}",
    },
}
