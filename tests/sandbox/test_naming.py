"""The integration's names: GDAL's PostgreSQL launder rule, asked of GDAL (Debian 12's GDAL
3.6 gives the names below)."""

from __future__ import annotations

import pytest

from sandbox.naming import launder, table_name, unique


@pytest.mark.parametrize(("raw", "expected"), [
    ("Nom Commune", "nom commune"),
    ("code-insee", "code_insee"),
    ("a#b", "a_b"),
    ("POPULATION", "population"),
    ("2020_densité", "2020_densité"),
    ("catégorie", "catégorie"),
    ("ÉTAT", "État"),
    ("l'eau", "l_eau"),
])
def test_columns_are_laundered_by_gdal(raw, expected):
    assert launder("t", [raw])[1] == [expected]


def test_tables_are_laundered_by_gdal():
    assert table_name("Communes Démo") == "communes démo"


def test_the_sandbox_and_the_plugin_ask_gdal_the_same_question():
    from gpf_wmts_publisher.plugin.sld.launder import laundered_names

    fields = ["Nom Commune", "2020_densité", "code-insee", "catégorie", "x" * 70, "ÉTAT"]
    assert launder("Communes Démo", fields) == laundered_names("Communes Démo", fields)


def test_colliding_names_are_made_unique():
    assert unique(["nom", "nom", "fid"], ("fid", "geom")) == ["nom", "nom_1", "fid_1"]
