"""The plugin's access steps are needed: the sandbox opens a private service only to a key with an
access to the offering (sandbox/key_access.py), so skipping ``add_key_access`` breaks the
restricted publication (the harvest of the private WMS-V) and the restricted WMTS's layer."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.entrepot.api import EntrepotApi
from gpf_wmts_publisher.plugin.publish.errors import PublishError
from gpf_wmts_publisher.plugin.wmts.access_key import ensure_access_key
from gpf_wmts_publisher.plugin.wmts.capabilities import CapabilitiesError, read_capabilities


def _basic(login, password):
    """The header QGIS's Basic method sends for the key (plugin/wmts/key_config.py)."""
    import base64

    token = base64.b64encode(f"{login}:{password.reveal()}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def _skip_access_step(monkeypatch):
    skipped = []
    monkeypatch.setattr(EntrepotApi, "add_key_access",
                        lambda self, key_id, permission_id, offerings: skipped.append(offerings))
    return skipped


def test_without_the_harvest_key_access_the_restricted_publication_fails(
        monkeypatch, datastores, make_spec, workflow_for):
    skipped = _skip_access_step(monkeypatch)
    workflow = workflow_for(make_spec(datastores["own"], restricted=True))
    with pytest.raises(PublishError) as caught:
        workflow.run()
    assert skipped, "the publication never reached its access step"
    # The plugin reports the platform's logs: the harvester met the private WMS-V's refusal
    # (a key without an access to the offering is a 403).
    assert caught.value.step == "pyramid"
    assert any("403" in line for line in caught.value.logs), caught.value.logs
    workflow.undo()


def test_without_the_layer_key_access_the_restricted_wmts_is_refused(
        monkeypatch, api, datastores, make_spec, workflow_for):
    spec = make_spec(datastores["own"], restricted=True)
    result = workflow_for(spec).run()
    offering_id = next(r["id"] for r in result.resources if r["kind"] == "offering_wmts")
    own = api.in_datastore(spec.datastore_id)

    skipped = _skip_access_step(monkeypatch)
    key = _basic(*ensure_access_key(own, offering_id))  # the plugin's BASIC key
    assert skipped == [[offering_id]]
    # The user's one plugin key may already open other offerings of this endpoint (an earlier
    # restricted publication in the same sandbox): the capabilities then list those only
    # (sandbox/README.md, "Key accesses"); a key that opens none gets a 403.
    try:
        caps = read_capabilities(result.capabilities_url, headers=key)
    except CapabilitiesError as refused:
        assert "HTTP 403" in refused.message_en
    else:
        assert result.wmts_layer_name not in caps.contents

    monkeypatch.undo()
    key = _basic(*ensure_access_key(own, offering_id))
    assert result.wmts_layer_name in read_capabilities(result.capabilities_url,
                                                       headers=key).contents
