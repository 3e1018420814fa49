"""The datasheet view's model and Delete datasheet, without widgets nor network: a small
in-memory platform that refuses removals in the wrong order, as the real one does."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.entrepot.errors import Conflict, NotFound, ServerError
from gpf_wmts_publisher.plugin.entrepot.models import (
    Annex,
    Configuration,
    Execution,
    Metadata,
    Offering,
    Permission,
    Static,
    StoredData,
    Upload,
    UserKey,
)
from gpf_wmts_publisher.plugin.publish.datasheet import NO_DATASHEET, list_datasheets
from gpf_wmts_publisher.plugin.publish.datasheet_delete import ORDER, plan_delete, plan_ids
from gpf_wmts_publisher.plugin.publish.datasheet_delete_run import (
    DatasheetDeleteError,
    run_delete,
    summary_lines,
)

SHEET = {"datasheet_name": "fiche"}
OTHER = {"datasheet_name": "autre"}


def _wmsv(cid, stored, styles, tags):
    return {"_id": cid, "type": "WMS-VECTOR", "layer_name": cid, "status": "PUBLISHED",
            "tags": tags, "type_infos": {"used_data": [{"stored_data": stored, "relations": [
                {"name": f"t{i}", "style": s} for i, s in enumerate(styles)]}]}}


class Platform:
    """Just enough of the entrepôt for the datasheet code; ids are readable names."""

    def __init__(self):
        self.datastore_id = "ds"
        self.upload_rows = {"up": {"_id": "up", "name": "up", "status": "CLOSED", "tags": SHEET},
                        "up_other": {"_id": "up_other", "name": "o", "status": "CLOSED",
                                     "tags": OTHER}}
        self.stored = {
            "vec": {"_id": "vec", "name": "vec", "type": "VECTOR-DB", "status": "GENERATED",
                    "tags": {**SHEET, "upload_id": "up", "proc_int_id": "ex_int"}},
            "pyr": {"_id": "pyr", "name": "pyr", "type": "ROK4-PYRAMID-RASTER",
                    "status": "GENERATED", "tags": {**SHEET, "proc_pyr_creat_id": "ex_pyr"},
                    "type_infos": {"levels": ["12", "10", "11"]}, "size": 10},
            "vec_other": {"_id": "vec_other", "name": "v", "type": "VECTOR-DB",
                          "status": "GENERATED", "tags": OTHER}}
        self.configs = {
            "wmsv": _wmsv("wmsv", "vec", ["st1", "st2"], SHEET),
            "wmts": {"_id": "wmts", "type": "WMTS-TMS", "layer_name": "wmts",
                     "status": "PUBLISHED", "tags": SHEET, "type_infos": {"used_data": [
                         {"stored_data": "pyr", "top_level": "10", "bottom_level": "12"}]}},
            "wmsv_other": _wmsv("wmsv_other", "vec_other", ["st_other"], OTHER),
            "loose": {"_id": "loose", "type": "WMS-VECTOR", "layer_name": "loose",
                      "status": "UNPUBLISHED", "tags": {}, "type_infos": {}}}
        self.offers = {o: {"_id": o, "configuration": {"_id": c}, "layer_name": c,
                           "status": "PUBLISHED", "open": o != "off_wmts"}
                       for o, c in (("off_wmsv", "wmsv"), ("off_wmts", "wmts"),
                                    ("off_other", "wmsv_other"))}
        self.perms = {"perm": {"_id": "perm", "licence": "L", "offerings": ["off_wmts"]},
                      "shared": {"_id": "shared", "licence": "S",
                                 "offerings": ["off_wmts", "off_other"]}}
        self.statics = {s: {"_id": s, "name": s} for s in ("st1", "st2", "st_other")}
        self.static_files = {"st1": "<sld>https://x/annexes/ds/styles/wmsv/0_i%20c.png</sld>",
                             "st2": "<sld/>", "st_other": "<sld/>"}
        self.annex_rows = {
            "icon": {"_id": "icon", "paths": ["/styles/wmsv/0_i c.png"], "labels": []},
            "legend": {"_id": "legend", "paths": ["/legend/pyr.png"],
                       "labels": ["datasheet_name=fiche", "type=legend"]},
            "foreign": {"_id": "foreign", "paths": ["/x.png"], "labels": []}}
        self.metas = {"md": {"_id": "md", "file_identifier": "fid", "tags": SHEET,
                             "endpoints": [{"_id": "csw"}]}}
        self.execs = {e: {"_id": e, "status": "SUCCESS", "output": {"stored_data": {"_id": sd}},
                          "inputs": {"upload": ups}}
                      for e, sd, ups in (("ex_int", "vec", ["up"]), ("ex_pyr", "pyr", []),
                                         ("ex_other", "vec_other", ["up_other"]))}
        # the user's key; the harvest key of this datasheet's private WMS-V; a harvest key
        # that also opens another datasheet's service
        self.keys = {"key": ("ma clé", ["off_wmts"]), "hk": ("harvest_wmsv", ["off_wmsv"]),
                     "hk2": ("harvest_mixte", ["off_wmsv", "off_other"])}
        self.deleted, self.fail_on = [], None

    # -- reads ---------------------------------------------------------------------------
    @staticmethod
    def _tagged(rows, tags):
        return [r for r in rows.values()
                if all(r.get("tags", {}).get(k) == v for k, v in (tags or {}).items())]

    def uploads(self, tags=None):
        return [Upload.from_dict(u) for u in self._tagged(self.upload_rows, tags)]

    def upload(self, i):
        return Upload.from_dict(self._get(self.upload_rows, i))

    def stored_data_list(self, tags=None):
        return [StoredData.from_dict(s) for s in self._tagged(self.stored, tags)]

    def stored_data(self, i):
        return StoredData.from_dict(self._get(self.stored, i))

    def configurations(self, tags=None):
        return [Configuration.from_dict(c) for c in self._tagged(self.configs, tags)]

    def configuration(self, i):
        return Configuration.from_dict(self._get(self.configs, i))

    def offerings(self):
        return [Offering.from_dict(o) for o in self.offers.values()]

    def offering(self, i):
        return Offering.from_dict(self._get(self.offers, i))

    def permissions(self):
        return [Permission.from_dict(p) for p in self.perms.values()]

    def static(self, i):
        return Static.from_dict(self._get(self.statics, i))

    def static_file(self, i):
        self._get(self.statics, i)
        return self.static_files[i]

    def annexes(self):
        return [Annex.from_dict(a) for a in self.annex_rows.values()]

    def annex(self, i):
        return Annex.from_dict(self._get(self.annex_rows, i))

    def metadata_list(self, tags=None):
        return [Metadata.from_dict(m) for m in self._tagged(self.metas, tags)]

    def metadata(self, i):
        return Metadata.from_dict(self._get(self.metas, i))

    def executions(self, output_stored_data=None, input_upload=None):
        return [Execution.from_dict(e) for e in self.execs.values()
                if e["output"]["stored_data"]["_id"] == output_stored_data
                or input_upload in e["inputs"]["upload"]]

    def execution(self, i):
        return Execution.from_dict(self._get(self.execs, i))

    def list_keys(self):
        return [self.key(k) for k in self.keys]

    def key(self, i):
        return UserKey.from_dict({"_id": i, "name": self._get(self.keys, i)[0]})

    def key_accesses(self, key):
        return [{"_id": f"{key}-{o}", "offering": {"_id": o}} for o in self.keys[key][1]
                if o in self.offers]  # an access goes with its offering

    @staticmethod
    def _get(rows, i):
        if i not in rows:
            raise NotFound()
        return rows[i]

    # -- removals, refused while something depends on them --------------------------------
    def _remove(self, rows, i, kind):
        if self.fail_on == (kind, i):
            raise ServerError(details=["panne"])
        self._get(rows, i)
        del rows[i]
        self.deleted.append((kind, i))

    def delete_permission(self, i):
        self._remove(self.perms, i, "permissions")

    def delete_offering(self, i):
        self._remove(self.offers, i, "offerings")
        for perm in self.perms.values():
            perm["offerings"] = [o for o in perm["offerings"] if o != i]

    def delete_configuration(self, i):
        if any(o["configuration"]["_id"] == i for o in self.offers.values()):
            raise Conflict(details=["the configuration still has an offering"])
        self._remove(self.configs, i, "configurations")

    def _used(self, key, value):
        return [c for c in self.configs.values() for u in c["type_infos"].get("used_data", [])
                if value in ([u.get(key)] if key else [r["style"] for r in u.get("relations",
                                                                                   [])])]

    def delete_static(self, i):
        if self._used(None, i):
            raise Conflict(details=["style in use"])
        self._remove(self.statics, i, "statics")

    def delete_stored_data(self, i):
        if self._used("stored_data", i):
            raise Conflict(details=["stored data in use"])
        self._remove(self.stored, i, "stored_data")

    def delete_annex(self, i):
        self._remove(self.annex_rows, i, "annexes")

    def delete_upload(self, i):
        self._remove(self.upload_rows, i, "uploads")

    def unpublish_metadata(self, fids, endpoint):
        self.deleted.append(("unpublish_metadata", endpoint))

    def delete_metadata(self, i):
        self._remove(self.metas, i, "metadata")

    def delete_execution(self, i):
        self._remove(self.execs, i, "executions")

    def delete_key(self, i):
        self._remove(self.keys, i, "keys")


def _wait(poll, done, **_ignored):
    state = poll()
    assert done(state), "a removal was refused: wrong order"
    return state


@pytest.fixture
def platform():
    return Platform()


def test_the_plan_holds_everything_of_the_datasheet_and_nothing_else_in_dependency_order(
        platform):
    plan = plan_delete(platform, "fiche")
    assert plan_ids(plan) == {
        "permissions": {"perm"}, "offerings": {"off_wmsv", "off_wmts"},
        "configurations": {"wmsv", "wmts"}, "statics": {"st1", "st2"},
        "annexes": {"icon", "legend"}, "stored_data": {"vec", "pyr"}, "uploads": {"up"},
        "metadata": {"md"}, "executions": {"ex_int", "ex_pyr"}, "keys": {"hk"}}
    rank = {step: index for index, step in enumerate(ORDER)}
    ranks = [rank[(r.kind, r.action)] for r in plan.removals]
    assert ranks == sorted(ranks)
    assert [p.id for p in plan.kept_permissions] == ["shared"]  # it serves another sheet
    assert sorted(a.name for a in plan.key_accesses) == ["harvest_mixte", "harvest_wmsv",
                                                         "ma clé"]
    assert plan.counts()["key_accesses"] == 3


def test_the_delete_removes_it_all_without_one_refusal_and_leaves_the_rest(platform):
    plan = plan_delete(platform, "fiche")
    assert run_delete(platform, plan, wait=_wait) == len(plan.removals)
    assert ("unpublish_metadata", "csw") in platform.deleted
    assert set(platform.configs) == {"wmsv_other", "loose"}
    assert set(platform.stored) == {"vec_other"} and set(platform.statics) == {"st_other"}
    assert set(platform.annex_rows) == {"foreign"} and set(platform.execs) == {"ex_other"}
    assert platform.perms["shared"]["offerings"] == ["off_other"]
    assert platform.key_accesses("key") == []  # went with the offering; the key stays
    assert set(platform.keys) == {"key", "hk2"} and platform.key_accesses("hk2") == [
        {"_id": "hk2-off_other", "offering": {"_id": "off_other"}}]
    assert plan_delete(platform, "fiche").empty


def test_a_failure_says_where_it_stopped_and_running_again_finishes(platform, tmp_path):
    plan = plan_delete(platform, "fiche", record_dir=str(tmp_path))
    platform.fail_on = ("statics", "st1")
    with pytest.raises(DatasheetDeleteError) as raised:
        run_delete(platform, plan, wait=_wait, record_dir=str(tmp_path))
    done = [r.kind for r in plan.removals].index("statics")
    assert raised.value.done == done and raised.value.total == len(plan.removals)
    assert "st1" in str(raised.value) and f"{done} of {len(plan.removals)}" in str(raised.value)
    assert "again" in str(raised.value)
    platform.fail_on = None
    again = plan_delete(platform, "fiche", record_dir=str(tmp_path))
    assert {"st1", "st2"} <= plan_ids(again)["statics"]  # found only through the record
    run_delete(platform, again, wait=_wait, record_dir=str(tmp_path))
    assert not platform.statics.keys() - {"st_other"}
    assert plan_delete(platform, "fiche", record_dir=str(tmp_path)).empty


def test_the_summary_counts_and_names_what_goes_and_says_what_stays(platform):
    lines = summary_lines(plan_delete(platform, "fiche"))
    text = "\n".join(lines)
    for expected in ("2 stored data: vec, pyr", "2 configurations", "2 style files",
                     "2 annexes", "1 uploads: up", "1 metadata: fid", "3 key accesses",
                     "1 harvest keys",
                     "2 processing executions", "\"S\"", "Your other keys are kept"):
        assert expected in text, (expected, text)


def test_datasheets_are_listed_by_tag_with_levels_and_the_untagged_services_last(platform):
    sheets = list_datasheets(platform)
    assert [s.name for s in sheets] == ["autre", "fiche", NO_DATASHEET]
    fiche = sheets[1]
    assert [s.layer_name for s in fiche.services] == ["wmsv", "wmts"]
    assert fiche.pyramids[0].levels == ("10", "11", "12") and fiche.pyramids[0].size == 10
    assert [v.id for v in fiche.vector_data] == ["vec"] and fiche.metadata[0].name == "fid"
    wmts = fiche.services_of("WMTS-TMS")[0]
    assert {p.id for p in wmts.permissions} == {"perm", "shared"}
    assert [a.name for a in wmts.key_accesses] == ["ma clé"]
    assert sorted(a.name for a in fiche.services_of("WMS-VECTOR")[0].key_accesses) == [
        "harvest_mixte", "harvest_wmsv"]
    assert [s.layer_name for s in sheets[2].services] == ["loose"]


def test_a_wmsv_lists_its_relations_with_their_styles_in_configuration_order(platform):
    fiche = next(s for s in list_datasheets(platform) if s.name == "fiche")
    wmsv = fiche.services_of("WMS-VECTOR")[0]
    assert [(r.table, r.style_id, r.style_name, r.stored_data_id) for r in wmsv.relations] == [
        ("t0", "st1", "st1", "vec"), ("t1", "st2", "st2", "vec")]
    assert fiche.services_of("WMTS-TMS")[0].relations == []
    del platform.statics["st2"]   # a style gone: the relation is still shown, unnamed
    fiche = next(s for s in list_datasheets(platform) if s.name == "fiche")
    assert [r.style_name for r in fiche.services_of("WMS-VECTOR")[0].relations] == ["st1", ""]
