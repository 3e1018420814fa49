"""The schema language's error words: unknown, missing, wrong type, enum, variants."""

from __future__ import annotations

from sandbox.contract.check import project, reply_errors
from sandbox.contract.configurations import CONFIGURATION_CREATE
from sandbox.contract.registry import Route
from sandbox.contract.schema import INT, NUM, STR, Enum, ListOf, Obj, Opt

PERSON = Obj({"name": STR, "age": Opt(INT), "kind": Opt(Enum("A", "B")),
              "tags": Opt(ListOf(STR))})


def test_conforming_value_has_no_error():
    assert PERSON.errors({"name": "x", "age": 3, "kind": "A", "tags": ["t"]}) == []


def test_unknown_missing_and_wrong_types_are_named_with_their_path():
    errors = PERSON.errors({"age": "3", "kind": "C", "tags": [1], "colour": "red"})
    assert "Le champ name est obligatoire" in errors
    assert "Le champ age doit être un entier" in errors
    assert "Le champ kind doit valoir l'une des valeurs A, B" in errors
    assert "Le champ tags[0] doit être une chaîne" in errors
    assert "Le champ colour n'est pas autorisé" in errors


def test_booleans_are_not_numbers():
    assert NUM.errors(True) == ["Le corps doit être un nombre"]


def test_configuration_type_infos_depend_on_the_type():
    base = {"name": "n", "layer_name": "l", "type_infos": {
        "title": "t", "used_data": [{"stored_data": "00000000-0000-0000-0000-000000000000",
                                     "top_level": 4, "bottom_level": "16"}]}}
    errors = CONFIGURATION_CREATE.errors({**base, "type": "WMTS-TMS"})
    assert "Le champ type_infos.abstract est obligatoire" in errors
    assert "Le champ type_infos.used_data[0].top_level doit être une chaîne" in errors
    wmsv = CONFIGURATION_CREATE.errors({**base, "type": "WMS-VECTOR"})
    assert "Le champ type_infos.used_data[0].relations est obligatoire" in wmsv
    assert "Le champ type_infos.used_data[0].top_level n'est pas autorisé" in wmsv


def test_list_items_are_cut_to_the_defaults_or_the_fields_asked():
    route = Route(item=Obj({"_id": STR, "name": STR, "status": STR, "size": INT}),
                  defaults=("name",))
    items = [{"_id": "1", "name": "a", "status": "OK", "size": 3}]
    assert project(route, items, None) == [{"_id": "1", "name": "a"}]
    assert project(route, items, "status,size") == [{"_id": "1", "status": "OK", "size": 3}]
    assert reply_errors(route, 200, [{"_id": "1", "name": "a", "size": 3}], None) == [
        "[0] porte des champs non demandés : size"]
