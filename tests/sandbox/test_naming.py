"""The integration's name normalisation (pure function)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sandbox.naming import normalise, normalise_all


@pytest.mark.parametrize(("raw", "expected"), [
    ("Nom_Commune", "nom_commune"),
    ("Population-2020", "population2020"),
    ("Catégorie", "categorie"),
    ("Code INSEE", "code_insee"),
    ("Communes Démo", "communes_demo"),
    ("Chefs-Lieux", "chefslieux"),
    ("Œuvre (m²)", "uvre_m2"),
])
def test_names_lose_case_accents_and_hyphens(raw, expected):
    assert normalise(raw) == expected


@given(st.text(min_size=1, max_size=40))
def test_any_name_becomes_a_stable_lower_ascii_identifier(raw):
    name = normalise(raw)
    assert re.fullmatch(r"[a-z0-9_]+", name)
    assert normalise(name) == name


def test_colliding_names_are_made_unique():
    assert normalise_all(["Catégorie", "categorie", "CATEGORIE"]) == [
        "categorie", "categorie_1", "categorie_2"]
