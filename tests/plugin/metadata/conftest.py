"""A complete description as the guide's form would fill it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from gpf_wmts_publisher.plugin.metadata import OnlineResource, ServiceMetadata
from gpf_wmts_publisher.plugin.pyramid import Bbox4326

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def complete_metadata() -> ServiceMetadata:
    return ServiceMetadata(
        public_title="Routes de l'île & ponts <nord>",
        service_title="Routes — WMTS",
        technical_name="SANDBOX.routes_ile_wmts",
        abstract="Réseau routier \"principal\".\nDeuxième ligne ; 'guillemets'.",
        file_identifier="SANDBOX.routes-ile-2024",
        attribution_text="© Département & IGN",
        attribution_url="https://example.org/attribution?a=1&b=2",
        resource_type="dataset",
        language="fre",
        charset="utf8",
        crs="EPSG:3857",
        resolution=25000,
        contact_email="contact@example.fr",
        organisation="Département de l'Île",
        organisation_email="sig@example.fr",
        inspire_keywords=["Réseaux de transport"],
        keywords=["routes", "ponts & chaussées"],
        topic_categories=["transportation", "structure"],
        update_frequency="annually",
        lineage="Extrait de la BD TOPO® 2024.",
        creation_date=date(2024, 3, 1),
        date_stamp=datetime(2024, 6, 3, 9, 15),
        bbox=Bbox4326(-1.5, 46.1, -1.1, 46.3),
        thumbnail_url="https://example.org/thumb.png",
        online_resources=[OnlineResource(
            url="https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
            protocol="OGC:WMTS", name="SANDBOX.routes_ile_wmts", offering_id="abc",
            open=False, description="SANDBOX.routes_ile_wmts - Accès restreint")],
    )
