"""ISO 19139 metadata: checks on upload, publication, CSW GetRecordById."""

from __future__ import annotations

import requests

from tests.sandbox.flow import Flow


def iso(identifier: str, level: str = "dataset") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd"'
        ' xmlns:gco="http://www.isotc211.org/2005/gco">'
        f"<gmd:fileIdentifier><gco:CharacterString>{identifier}</gco:CharacterString>"
        "</gmd:fileIdentifier><gmd:hierarchyLevel><gmd:MD_ScopeCode codeListValue="
        f'"{level}" codeList="x">{level}</gmd:MD_ScopeCode></gmd:hierarchyLevel>'
        "</gmd:MD_Metadata>"
    ).encode()


def _upload(flow, data, **query):
    return flow.post("/metadata", params=query or {"type": "ISOAP", "open_data": "false"},
                     files={"file": ("metadata.xml", data)})


def test_metadata_is_stored_then_served_by_csw_once_published(sandbox):
    flow = Flow(sandbox)
    created = _upload(flow, iso("communes-demo-md"))
    assert created.status_code == 201, created.text
    md = created.json()
    assert md["file_identifier"] == "communes-demo-md" and md["endpoints"] == []
    csw = flow.endpoint("METADATA")
    url = csw["urls"][0]["url"]
    query = {"SERVICE": "CSW", "VERSION": "2.0.2", "REQUEST": "GetRecordById",
             "ID": "communes-demo-md"}
    assert b"communes-demo-md" not in requests.get(url, params=query, timeout=10).content
    published = flow.post("/metadata/publication", json={
        "file_identifiers": ["communes-demo-md"], "endpoint": csw["_id"]})
    assert published.status_code == 204
    endpoints = flow.get(f"/metadata/{md['_id']}").json()["endpoints"]
    assert [e["_id"] for e in endpoints] == [csw["_id"]]
    record = requests.get(url, params=query, timeout=10)
    assert record.ok and b"communes-demo-md" in record.content
    assert flow.get(f"/metadata/{md['_id']}/file").content == iso("communes-demo-md")


def test_type_and_open_data_are_read_from_the_form_too(sandbox):
    flow = Flow(sandbox)
    reply = flow.post("/metadata", data={"type": "INSPIRE", "open_data": "true"},
                      files={"file": ("m.xml", iso("form-params-md"))})
    assert reply.status_code == 201
    assert reply.json()["type"] == "INSPIRE" and reply.json()["open_data"] is True


def test_duplicate_file_identifier_is_409(sandbox):
    flow = Flow(sandbox)
    assert _upload(flow, iso("dup-md")).status_code == 201
    again = _upload(flow, iso("dup-md"))
    assert again.status_code == 409 and "dup-md" in " ".join(again.json()["error_description"])


def test_malformed_or_incomplete_metadata_is_400(sandbox):
    flow = Flow(sandbox)
    assert _upload(flow, b"<gmd:MD_Metadata").status_code == 400
    assert _upload(flow, iso("")).status_code == 400
    assert _upload(flow, iso("bad-level", level="service")).status_code == 400


def test_sandbox_identifiers_carry_the_prefix_and_sandbox_csw_serves_them(sandbox):
    flow = Flow(sandbox, which="sandbox")
    assert _upload(flow, iso("sans-prefixe")).status_code == 400
    md = _upload(flow, iso("sandbox.communes-md"))
    assert md.status_code == 201
    csw = flow.endpoint("METADATA")
    assert csw["urls"][0]["url"].endswith("/sandbox/csw")
    flow.post("/metadata/publication", json={"file_identifiers": ["sandbox.communes-md"],
                                             "endpoint": csw["_id"]})
    record = requests.get(csw["urls"][0]["url"], params={
        "SERVICE": "CSW", "REQUEST": "GetRecordById", "ID": "sandbox.communes-md"}, timeout=10)
    assert b"sandbox.communes-md" in record.content


def test_deleted_metadata_frees_its_identifier(sandbox):
    flow = Flow(sandbox)
    md = _upload(flow, iso("freed-md")).json()
    assert flow.delete(f"/metadata/{md['_id']}").status_code == 204
    assert _upload(flow, iso("freed-md")).status_code == 201
