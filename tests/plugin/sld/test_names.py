"""Field and table names as the platform stores them."""

from __future__ import annotations

import unicodedata

from gpf_wmts_publisher.plugin.sld.names import (
    normalise_name,
    relation_attributes,
    stored_field_name,
)
from hypothesis import given
from hypothesis import strategies as st


def test_accents_hyphens_and_case_go():
    assert normalise_name("Catégorie-Sol") == "categoriesol"
    assert normalise_name("ÉTAT_Œuvre") == "etat_œuvre"
    assert normalise_name("nom") == "nom"
    assert normalise_name("İlot") == "ilot"


@given(st.text(max_size=30))
def test_normalisation_is_stable_and_leaves_no_accent_hyphen_or_capital(name):
    once = normalise_name(name)
    assert normalise_name(once) == once
    assert "-" not in once
    assert once == once.lower()
    assert not any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFKD", once))


def test_explicit_mapping_wins_then_stored_columns_then_the_rule():
    mapping = {"Catégorie-Sol": "cat_sol"}
    assert stored_field_name("Catégorie-Sol", mapping, ["categoriesol"]) == "cat_sol"
    assert stored_field_name("NOM", None, ["nom", "geom"]) == "nom"
    assert stored_field_name("Surface-Bâtie", None, None) == "surfacebatie"


def test_attributes_of_a_table_are_read_from_the_stored_relations():
    relations = [{"name": "routes", "type": "TABLE", "attributes": {"nom": "varchar"},
                  "primary_key": ["gid"]},
                 {"name": "batiments", "attributes": {"hauteur": "float8"}}]
    assert relation_attributes(relations, "batiments") == {"hauteur": "float8"}
    assert relation_attributes(relations, "absent") is None
