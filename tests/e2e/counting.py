"""Counting a publication's resources on the platform, through the API only."""

from __future__ import annotations

from typing import Dict

from gpf_wmts_publisher.plugin.publish.spec import Publication


def platform_counts(gateway, spec: Publication) -> Dict[str, int]:
    """How many resources of this publication the platform holds, by kind (via the API)."""
    ds = spec.datastore_id
    datastore = gateway.datastore(ds)
    prefix = datastore.get("configuration_layer_name_prefix")
    md_prefix = datastore.get("metadata_file_identifier_prefix")

    def full(name: str, pre) -> str:
        return f"{pre}.{name}" if pre else name

    def alive(items):
        return [i for i in items if i.get("status") != "DELETED"]

    configurations = alive(gateway.list_configurations(ds))
    by_layer = {c["layer_name"]: c for c in configurations}
    counts = {
        "upload": len([u for u in alive(gateway.list_uploads(ds))
                       if u["name"] == spec.effective_data_name]),
        "stored_data_vector": len([s for s in alive(gateway.list_stored_data(ds))
                                   if s["name"] == spec.effective_data_name]),
        "stored_data_pyramid": len([s for s in alive(gateway.list_stored_data(ds))
                                    if s["name"] == spec.pyramid_name]),
        "static": len([s for s in gateway.list_statics(ds)
                       if s["name"].startswith(f"style_wmsv_{spec.wmsv_name}_")]),
        "configuration_wmsv": len([c for c in configurations
                                   if c["layer_name"] == full(spec.wmsv_name, prefix)]),
        "configuration_wmts": len([c for c in configurations
                                   if c["layer_name"] == full(spec.wmts_name, prefix)]),
        "metadata": len([m for m in gateway.list_metadata(ds)
                         if m.get("file_identifier") == full(spec.effective_identifier,
                                                             md_prefix)]),
    }
    for kind, name in (("offering_wmsv", spec.wmsv_name), ("offering_wmts", spec.wmts_name)):
        configuration = by_layer.get(full(name, prefix))
        counts[kind] = len(gateway.configuration_offerings(ds, configuration["_id"])
                           ) if configuration else 0
    return counts


ONE_OF_EACH = {"upload": 1, "stored_data_vector": 1, "stored_data_pyramid": 1, "static": 1,
               "configuration_wmsv": 1, "configuration_wmts": 1, "metadata": 1,
               "offering_wmsv": 1, "offering_wmts": 1}
