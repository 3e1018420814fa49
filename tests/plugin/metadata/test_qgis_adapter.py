"""QgsLayerMetadata pre-fills the form and receives the published description."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.metadata.qgis_adapter import (
    from_layer_metadata,
    suggest_technical_name,
    to_layer_metadata,
)
from qgis.core import (
    QgsAbstractMetadataBase,
    QgsBox3d,
    QgsCoordinateReferenceSystem,
    QgsLayerMetadata,
    QgsRectangle,
    QgsVectorLayer,
)


@pytest.fixture
def layer(qgis_app):
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "Écoles primaires", "memory")
    assert layer.isValid()
    return layer


def _layer_metadata() -> QgsLayerMetadata:
    metadata = QgsLayerMetadata()
    metadata.setIdentifier("ORG.ecoles-2024")
    metadata.setTitle("Écoles & collèges")
    metadata.setAbstract("Établissements <publics>.")
    metadata.setLanguage("FR")
    metadata.setEncoding("UTF-8")
    metadata.setType("dataset")
    metadata.setKeywords({"free": ["école", "éducation"]})
    metadata.setCategories(["society", "not-an-iso-category"])
    contact = QgsAbstractMetadataBase.Contact("Jeanne")
    contact.organization = "Rectorat"
    contact.email = "sig@rectorat.example.fr"
    contact.role = "pointOfContact"
    metadata.setContacts([contact])
    metadata.setHistory(["Extrait de la base académique", "Contrôlé en 2024"])
    spatial = QgsLayerMetadata.SpatialExtent()
    spatial.extentCrs = QgsCoordinateReferenceSystem("EPSG:2154")
    spatial.bounds = QgsBox3d(QgsRectangle(640000, 6850000, 665000, 6875000))
    extent = QgsLayerMetadata.Extent()
    extent.setSpatialExtents([spatial])
    metadata.setExtent(extent)
    return metadata


def test_layer_metadata_prefills_the_form(layer):
    md = from_layer_metadata(_layer_metadata(), layer)
    assert md.public_title == md.service_title == "Écoles & collèges"
    assert md.technical_name == "ecoles_primaires_wmts"
    assert md.file_identifier == "ORG.ecoles-2024"
    assert md.abstract == "Établissements <publics>."
    assert (md.language, md.charset, md.crs) == ("fre", "utf8", "EPSG:3857")
    assert md.keywords == ["école", "éducation"]
    assert md.topic_categories == ["society"]
    assert (md.organisation, md.organisation_email) == ("Rectorat", "sig@rectorat.example.fr")
    assert md.lineage == "Extrait de la base académique\nContrôlé en 2024"
    assert 2.1 < md.bbox.west < md.bbox.east < 2.7 and 48.7 < md.bbox.south < 48.95


def test_empty_layer_metadata_falls_back_on_the_layer(layer):
    md = from_layer_metadata(QgsLayerMetadata(), layer)
    assert md.public_title == "Écoles primaires"
    assert md.file_identifier == "" and md.language == "fre"
    assert md.bbox is None  # an empty memory layer has no extent yet


def test_description_written_back_reads_the_same(layer, qgis_app):
    md = from_layer_metadata(_layer_metadata(), layer).replace(
        inspire_keywords=["Services d'utilité publique"])
    back = from_layer_metadata(to_layer_metadata(md), layer)
    for name in ("public_title", "abstract", "file_identifier", "language", "charset",
                 "keywords", "inspire_keywords", "topic_categories", "organisation",
                 "organisation_email", "lineage"):
        assert getattr(back, name) == getattr(md, name), name
    assert back.bbox == pytest.approx(md.bbox)


@pytest.mark.parametrize(("name", "expected"), [
    ("Routes départementales", "routes_departementales_wmts"),
    ("2024 données", "_2024_donnees_wmts"),
    ("a/b:c", "a_b_c_wmts"),
])
def test_technical_name_suggestion_is_platform_safe(name, expected):
    assert suggest_technical_name(name) == expected
