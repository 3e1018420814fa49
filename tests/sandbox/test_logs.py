"""Keys and tokens never reach the sandbox's own log."""

from __future__ import annotations

import requests

from tests.fixtures.sandbox import start_sandbox
from tests.sandbox.flow import wait_until


def test_access_log_redacts_keys_and_codes_in_query_strings(tmp_path):
    with start_sandbox(tmp_path / "data", quiet=False) as sb:
        requests.get(f"{sb.base_url}/private/wmts", timeout=30, params={
            "SERVICE": "WMTS", "REQUEST": "GetCapabilities", "apikey": "SECRETKEY123"})
        requests.get(f"{sb.base_url}/csw", timeout=10, params={"code": "SECRETCODE456"})
        token = sb.token()
        requests.get(f"{sb.api_url}/users/me", timeout=10,
                     headers={"Authorization": f"Bearer {token}"})
        log = wait_until(sb.log, lambda text: "/csw" in text and "/users/me" in text)
    assert "apikey=***" in log and "code=***" in log
    assert "SECRETKEY123" not in log and "SECRETCODE456" not in log
    assert token not in log and "formateur" not in log
