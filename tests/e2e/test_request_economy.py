"""A publication sends no request whose answer it already knows (issue 17, P6): the
datastore's processings are listed once per session, a just-created execution is launched
without reading it first, a just-created upload is filled without reading its status or tree."""

from __future__ import annotations

import logging
import re
from typing import List

import pytest
from gpf_wmts_publisher.plugin.publish.session import password_api

CLIENT_LOGGER = "gpf_wmts_publisher.plugin.entrepot.client"
SENT = re.compile(r"^(GET|POST|PUT|PATCH|DELETE) (\S+) -> \d+")
ID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")


class RequestLog(logging.Handler):
    """Every request the client sends, as ``METHOD /path`` with ids written ``/{id}``."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.sent: List[str] = []

    def emit(self, record):
        match = SENT.match(record.getMessage())
        if match:
            path = ID.sub("{id}", match.group(2).split("/datastores/", 1)[-1])
            self.sent.append(f"{match.group(1)} {path}")


@pytest.fixture
def request_log():
    logger = logging.getLogger(CLIENT_LOGGER)
    handler, level = RequestLog(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


def between(sent: List[str], first: str, last: str) -> List[str]:
    """The requests after the first ``first`` and before the next ``last``."""
    start = sent.index(first) + 1
    return sent[start:sent.index(last, start)]


def test_one_publication_sends_no_request_whose_answer_it_knows(
        sandbox, datastores, make_spec, workflow_for, request_log):
    account = sandbox.accounts["formateur"]
    # A session of its own: the processings list is read once per session.
    session_api = password_api(sandbox.api_url, sandbox.token_url, account["username"],
                               account["password"])
    spec = make_spec(datastores["sandbox"])
    workflow = workflow_for(spec)
    workflow.api = workflow.ctx.api = session_api.in_datastore(spec.datastore_id)
    try:
        workflow.run()
        sent = list(request_log.sent)
    finally:
        workflow.undo()

    assert sent.count("GET {id}/processings") == 1   # two processings, one listing
    launches = [i for i, call in enumerate(sent) if call.endswith("/launch")]
    assert len(launches) == 2
    for launch in launches:
        created = max(i for i in range(launch) if sent[i] == "POST {id}/processings/executions")
        reads = [call for call in sent[created + 1:launch]
                 if call == "GET {id}/processings/executions/{id}"]
        assert reads == [], sent[created:launch + 1]
    filling = between(sent, "POST {id}/uploads", "POST {id}/uploads/{id}/data")
    assert [call for call in filling if call.startswith("GET")] == [], filling
