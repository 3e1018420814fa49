"""scripts/scan_secrets.py finds a secret however it was written down, and never prints it."""

from __future__ import annotations

import base64
import gzip
import json
import zipfile
from urllib.parse import quote

from hypothesis import given, settings
from hypothesis import strategies as st

from scripts import scan_secrets

TOKEN = "eyJhbGciOiJSUzI1NiJ9.payload.sig-Zq9"
PASSWORD = "p@ss w/rd&?=é\"\\"
TOTP_SECRET = "JBSWY3DPEHPK3PXP"
API_KEY = "gpf-apikey-3c1d2e4f5a6b"
SECRETS = {"token": TOKEN, "password": PASSWORD, "totp_secret": TOTP_SECRET,
           "api_key": API_KEY}


def _found(hits):
    return {(hit.label, hit.form) for hit in hits}


def test_plain_token_in_a_log_is_reported_with_its_line(tmp_path):
    log = tmp_path / "logs" / "run.log"
    log.parent.mkdir()
    log.write_text(f"start\nGET /api with Bearer {TOKEN}\nend\n", encoding="utf-8")

    hits = scan_secrets.scan_paths([tmp_path], SECRETS)

    assert [(h.label, h.form, h.path, h.line) for h in hits] == [
        ("token", "plain", str(log), 2)]


def test_urlencoded_password_in_a_settings_file_is_found(tmp_path):
    ini = tmp_path / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text(f"[gpf]\nlogin_body=username=u&password={quote(PASSWORD, safe='')}\n",
                   encoding="utf-8")
    assert ("password", "urlencoded") in _found(scan_secrets.scan_paths([tmp_path], SECRETS))


def test_password_inside_a_basic_auth_header_is_found(tmp_path):
    header = base64.b64encode(f"client-id:{PASSWORD}".encode()).decode()
    (tmp_path / "http.log").write_text(f"Authorization: Basic {header}\n", encoding="utf-8")
    labels = {hit.label for hit in scan_secrets.scan_paths([tmp_path], SECRETS)}
    assert labels == {"password"}


@settings(max_examples=200, deadline=None, database=None)
@given(prefix=st.binary(max_size=20), suffix=st.binary(max_size=20),
       secret=st.text(min_size=scan_secrets.MIN_SECRET_LENGTH, max_size=40))
def test_a_secret_base64_encoded_inside_any_blob_is_detected(prefix, suffix, secret):
    blob = base64.b64encode(prefix + secret.encode("utf-8") + suffix)
    found = scan_secrets.scan_bytes(blob, {"s": scan_secrets.encoded_forms(secret)})
    assert any(form.startswith("base64") for _, form, _ in found)


def test_json_escaped_password_in_a_journal_is_found(tmp_path):
    journal = tmp_path / "journal" / "run-1.json"
    journal.parent.mkdir()
    journal.write_text(json.dumps({"request": {"password": PASSWORD}}), encoding="utf-8")
    assert ("password", "json-escaped") in _found(scan_secrets.scan_paths([tmp_path], SECRETS))


def test_secrets_inside_a_qgz_project_and_a_gzipped_log_are_found(tmp_path):
    project = tmp_path / "project.qgz"
    with zipfile.ZipFile(project, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qgs", f"<qgis><layer source=\"key={API_KEY}\"/></qgis>")
    (tmp_path / "old.log.gz").write_bytes(gzip.compress(f"otp {TOTP_SECRET}\n".encode()))

    hits = scan_secrets.scan_paths([project, tmp_path / "old.log.gz"], SECRETS)

    assert {(h.label, h.path) for h in hits} == {
        ("api_key", f"{project}!project.qgs"),
        ("totp_secret", f"{tmp_path / 'old.log.gz'}!gunzip"),
    }


def test_hex_and_lowercased_forms_are_found(tmp_path):
    (tmp_path / "dump.txt").write_text(
        f"{API_KEY.encode().hex()}\n{TOTP_SECRET.lower()}\n", encoding="utf-8")
    found = _found(scan_secrets.scan_paths([tmp_path], SECRETS))
    assert {("api_key", "hex"), ("totp_secret", "lowercase")} <= found


def test_clean_files_and_missing_paths_give_no_hit(tmp_path):
    (tmp_path / "run.log").write_text(
        "Bearer [redacted]\n" + TOKEN[:10] + "\napikey=gpf-apikey-***\n", encoding="utf-8")
    assert scan_secrets.scan_paths([tmp_path, tmp_path / "no-journal"], SECRETS) == []


def test_a_hit_never_shows_the_secret(tmp_path):
    (tmp_path / "run.log").write_text(f"{TOKEN} {PASSWORD}\n", encoding="utf-8")
    hits = scan_secrets.scan_paths([tmp_path], SECRETS)
    assert hits
    for hit in hits:
        for secret in SECRETS.values():
            assert secret not in str(hit) and secret not in repr(hit)


def test_too_short_a_secret_is_refused():
    try:
        scan_secrets.encoded_forms("12345")
    except ValueError as exc:
        assert "12345" not in str(exc)
    else:
        raise AssertionError("a 5-character secret was accepted")


def test_command_line_reads_secrets_from_the_environment(tmp_path, monkeypatch, capsys):
    (tmp_path / "run.log").write_text(f"key {API_KEY}\n", encoding="utf-8")
    monkeypatch.setenv("SCAN_TEST_KEY", API_KEY)
    monkeypatch.setenv("SCAN_TEST_OTHER", "never-written-anywhere")

    assert scan_secrets.main(["--secret-env", "api_key=SCAN_TEST_KEY", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "api_key (plain)" in captured.out
    assert API_KEY not in captured.out + captured.err

    assert scan_secrets.main(["--secret-env", "other=SCAN_TEST_OTHER", str(tmp_path)]) == 0


def test_command_line_refuses_a_missing_variable_or_no_secret(tmp_path, monkeypatch):
    monkeypatch.delenv("SCAN_TEST_UNSET", raising=False)
    assert scan_secrets.main(["--secret-env", "token=SCAN_TEST_UNSET", str(tmp_path)]) == 2
    assert scan_secrets.main([str(tmp_path)]) == 2


def test_command_line_reads_a_secrets_file(tmp_path):
    secrets_file = tmp_path / "secrets.json"
    secrets_file.write_text(json.dumps({"token": TOKEN}), encoding="utf-8")
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "a.log").write_text(TOKEN, encoding="utf-8")
    assert scan_secrets.main(["--secrets-file", str(secrets_file), str(logs)]) == 1
