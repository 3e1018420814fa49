"""Counting a publication's resources on the platform, through the API only."""

from __future__ import annotations

from typing import Dict

from gpf_wmts_publisher.plugin.publish.spec import Publication


def platform_counts(api, spec: Publication) -> Dict[str, int]:
    """How many resources of this publication the platform holds, by kind (via the API)."""
    api = api.in_datastore(spec.datastore_id)
    datastore = api.datastore()

    def alive(items):
        return [i for i in items if i.status != "DELETED"]

    configurations = alive(api.configurations())
    by_layer = {c.layer_name: c for c in configurations}
    stored = alive(api.stored_data_list())
    counts = {
        "upload": len([u for u in alive(api.uploads()) if u.name == spec.effective_data_name]),
        "stored_data_vector": len([s for s in stored if s.name == spec.effective_data_name]),
        "stored_data_pyramid": len([s for s in stored if s.name == spec.pyramid_name]),
        "static": len([s for s in api.statics()
                       if s.name.startswith(f"style_wmsv_{spec.wmsv_name}_")]),
        "configuration_wmsv": len([c for c in configurations if c.layer_name
                                   == datastore.prefixed_layer_name(spec.wmsv_name)]),
        "configuration_wmts": len([c for c in configurations if c.layer_name
                                   == datastore.prefixed_layer_name(spec.wmts_name)]),
        "metadata": len([m for m in api.metadata_list() if m.file_identifier
                         == datastore.prefixed_file_identifier(spec.effective_identifier)]),
    }
    for kind, name in (("offering_wmsv", spec.wmsv_name), ("offering_wmts", spec.wmts_name)):
        configuration = by_layer.get(datastore.prefixed_layer_name(name))
        counts[kind] = len(api.configuration_offerings(configuration.id)) if configuration else 0
    return counts


ONE_OF_EACH = {"upload": 1, "stored_data_vector": 1, "stored_data_pyramid": 1, "static": 1,
               "configuration_wmsv": 1, "configuration_wmts": 1, "metadata": 1,
               "offering_wmsv": 1, "offering_wmts": 1}
