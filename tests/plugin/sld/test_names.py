"""Field and table names as the platform stores them: GDAL's PostgreSQL launder rule, asked
of GDAL (Debian 12's GDAL 3.6 gives the names below)."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.sld.names import (
    columns_from_relation,
    predicted_column,
    predicted_columns,
    predicted_table,
    relation_attributes,
    stored_field_name,
)


@pytest.mark.parametrize(("field", "column"), [
    ("Nom Commune", "nom commune"),      # the space is kept (the old rule said nom_commune)
    ("code-insee", "code_insee"),
    ("a#b", "a_b"),
    ("POPULATION", "population"),
    ("2020_densité", "2020_densité"),    # accent and leading digit kept
    ("catégorie", "catégorie"),
    ("ÉTAT", "État"),                    # only ASCII letters are lowered
    ("l'eau", "l_eau"),
])
def test_columns_are_named_as_gdal_launders_them(field, column):
    assert predicted_column(field) == column


def test_tables_are_named_as_gdal_launders_them():
    assert predicted_table("Communes Démo") == "communes démo"
    assert predicted_table("communes_demo") == "communes_demo"


def test_a_whole_table_is_predicted_in_one_call_in_field_order():
    assert predicted_columns("t", ["Nom Commune", "code-insee", "a#b"]) == {
        "Nom Commune": "nom commune", "code-insee": "code_insee", "a#b": "a_b"}


def test_explicit_mapping_wins_then_stored_columns_then_the_prediction():
    mapping = {"Catégorie-Sol": "cat_sol"}
    assert stored_field_name("Catégorie-Sol", mapping, ["catégorie_sol"]) == "cat_sol"
    assert stored_field_name("NOM", None, ["nom", "geom"]) == "nom"
    assert stored_field_name("nom", None, ["nom", "geom"]) == "nom"
    assert stored_field_name("Surface-Bâtie", None, None) == "surface_bâtie"


def test_real_columns_replace_the_predicted_ones_that_differ():
    predicted = {"Nom Commune": "nom commune", "code-insee": "code_insee", "x": "x"}
    # A platform whose GDAL named two columns otherwise, listed in another order.
    assert columns_from_relation(predicted, ["x", "nom commune_a1", "code_insee_b2"]) == {
        "Nom Commune": "nom commune_a1", "code-insee": "code_insee_b2", "x": "x"}
    assert columns_from_relation(predicted, ["Nom Commune", "code_insee", "x"]) == {
        "Nom Commune": "Nom Commune", "code-insee": "code_insee", "x": "x"}
    long_name = "population_municipale_totale_au_premier_janvier_de_l_annee_de_reference"
    cut = long_name[:54] + "_a3f9c1e2"   # a newer GDAL's 63-byte name with a hash
    assert columns_from_relation({"P": long_name}, [cut, "x"]) == {"P": cut}
    # Nothing alike: the prediction stays, and the SLD check reports it missing.
    assert columns_from_relation(predicted, ["x", "surface"])["Nom Commune"] == "nom commune"


def test_attributes_of_a_table_are_read_from_the_stored_relations():
    relations = [{"name": "routes", "type": "TABLE", "attributes": {"nom": "varchar"},
                  "primary_key": ["gid"]},
                 {"name": "batiments", "attributes": {"hauteur": "float8"}}]
    assert relation_attributes(relations, "batiments") == {"hauteur": "float8"}
    assert relation_attributes(relations, "absent") is None
