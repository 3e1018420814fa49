"""The client speaks the sandbox's API (the project's stand-in of the platform) end to end:
sign-in with TOTP, discovery, upload with md5 file, checks, integration, style, tags, lists."""

from __future__ import annotations

import time
from pathlib import Path

import pyotp
import pytest
from gpf_wmts_publisher.plugin.entrepot import (
    EntrepotApi,
    EntrepotClient,
    NotFound,
    RetryPolicy,
    connect,
    password_tokens,
    tree_files,
)
from gpf_wmts_publisher.plugin.settings import sandbox_urls

from sandbox.seed import USERS

ROOT = Path(__file__).resolve().parents[3]
SAMPLE_GPKG = ROOT / "resources" / "sample" / "communes_demo.gpkg"
INTEGRATION = "Intégration de données vecteur livrées en base"
HARVEST = "Calcul ou mise à jour de pyramide raster par moissonnage WMS"


def poll(read, done, timeout_s=120.0):
    deadline = time.monotonic() + timeout_s
    while True:
        value = read()
        if done(value) or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


@pytest.fixture
def sandbox_api(sandbox):
    # the seeded account is the truth (the fixture's copy of the TOTP secret may lag)
    account = next(u for u in USERS if u["username"] == "totp")
    platform = sandbox_urls(sandbox.base_url)
    tokens = password_tokens(platform, account["username"], account["password"],
                             totp=lambda: pyotp.TOTP(account["totp_secret"]).now())
    api = connect(platform, tokens, use_qgis_proxy=False,
                  retry=RetryPolicy(backoff_base_s=0.05))
    yield api
    api.client.close()


def test_upload_and_integration_on_the_sandbox(sandbox_api):
    user = sandbox_api.me()
    datastore_id = next(c.datastore_id for c in user.communities if c.datastore_id)
    api = sandbox_api.in_datastore(datastore_id)
    datastore = api.datastore()
    assert datastore.id == datastore_id
    assert api.find_processing(INTEGRATION.upper()).id
    assert api.find_processing(HARVEST).id

    upload = api.create_upload("client_contract", srs="EPSG:2154")
    api.add_tags("uploads", upload.id, {"datasheet_name": "client_contract"})
    progress = []
    md5_hex = api.push_data(upload.id, SAMPLE_GPKG,
                            on_progress=lambda sent, total: progress.append(sent))
    api.push_md5(upload.id, {SAMPLE_GPKG.name: md5_hex})
    assert progress[-1] == SAMPLE_GPKG.stat().st_size
    files = tree_files(api.upload_tree(upload.id))
    assert files.get(f"data/{SAMPLE_GPKG.name}") == SAMPLE_GPKG.stat().st_size
    assert any(u.id == upload.id for u in api.uploads(tags={"datasheet_name": "client_contract"}))

    api.close_upload(upload.id)
    checks = poll(lambda: api.upload_checks(upload.id), lambda c: c.finished)
    assert checks.succeeded, [api.check_logs(c.id) for c in checks.failed]

    execution = api.create_execution(
        api.find_processing(INTEGRATION).id, inputs={"upload": [upload.id]},
        output={"stored_data": {"name": "client_contract", "storage_tags": ["VECTEUR"]}})
    api.launch_execution(execution.id)
    done = poll(lambda: api.execution(execution.id), lambda e: e.finished)
    assert done.status == "SUCCESS", api.execution_logs(execution.id)
    assert all(isinstance(line, str) for line in api.execution_logs(execution.id))
    stored = poll(lambda: api.stored_data(execution.output_stored_data_id),
                  lambda s: s.status in ("GENERATED", "UNSTABLE"))
    assert stored.status == "GENERATED"
    assert stored.relations and stored.relations[0]["name"]


def test_unknown_upload_is_not_found_with_the_platform_words(sandbox_api):
    datastore_id = next(c.datastore_id for c in sandbox_api.me().communities if c.datastore_id)
    api = sandbox_api.in_datastore(datastore_id)
    with pytest.raises(NotFound) as caught:
        api.upload("00000000-0000-0000-0000-000000000000")
    assert caught.value.status == 404
    assert caught.value.details  # the sandbox's error_description reached the user message
    assert caught.value.details[0] in caught.value.user_message


def test_reads_survive_the_sandbox_injected_faults(sandbox, sandbox_api, fake_time):
    """5xx, 429 with Retry-After and cut connections are absorbed by the retries of GETs."""
    datastore_id = next(c.datastore_id for c in sandbox_api.me().communities if c.datastore_id)
    # No real waiting: the client's clock only moves when it sleeps. Each try fails with
    # probability 0.5 here: with 10 tries a request gave up once in 1 000, so about one run
    # in 25 failed (CI on 3.44); with 30, once in 10^9.
    client = EntrepotClient(sandbox.api_url, sandbox_api.client.token_provider,
                            retry=RetryPolicy(max_attempts=30, backoff_base_s=0.01),
                            sleep=fake_time.sleep, clock=fake_time.clock)
    api = EntrepotApi(client, datastore_id)
    sandbox.set_faults(error_rate=0.25, rate_429=0.15, retry_after=2, reset_rate=0.1)
    try:
        for _ in range(20):
            assert api.datastore().id == datastore_id
            assert api.processings()
        injected = sandbox.stats()["injected"]
    finally:
        sandbox.reset_faults()
        client.close()
    assert injected.get("429") and injected.get("reset")
    assert sum(int(v) for k, v in injected.items() if k.isdigit() and k != "429")
    assert fake_time.slept >= 2.0  # it backed off, honouring Retry-After at least once
