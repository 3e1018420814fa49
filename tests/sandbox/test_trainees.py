"""A class's accounts (``--trainees N``) and the trainer's reset to the class's first state."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import requests

from sandbox.trainees import hash_password, password_matches
from scripts.scan_secrets import scan_paths
from tests.fixtures.sandbox import ROOT, start_sandbox
from tests.sandbox.flow import Flow


def state_of(data_dir: Path) -> dict:
    """Every stored document, by collection and id, as the sandbox wrote it."""
    return {f"{doc.parent.name}/{doc.stem}": json.loads(doc.read_text(encoding="utf-8"))
            for doc in sorted((data_dir / "state").glob("*/*.json"))}


def files_of(data_dir: Path) -> list:
    return sorted(str(p.relative_to(data_dir)) for p in (data_dir / "files").rglob("*")
                  if p.is_file())


def test_a_password_is_kept_as_a_salted_hash_only():
    stored = hash_password("s3cret-pw")
    assert "s3cret-pw" not in json.dumps(stored)
    assert stored != hash_password("s3cret-pw")   # salted
    assert password_matches({"password": None, "password_hash": stored}, "s3cret-pw")
    assert not password_matches({"password": None, "password_hash": stored}, "s3cret-px")
    assert not password_matches({"password": None, "password_hash": stored}, "")
    assert password_matches({"password": "formateur"}, "formateur")


def test_trainees_log_in_with_the_printed_passwords_which_the_data_dir_never_holds(tmp_path):
    data = tmp_path / "data"
    with start_sandbox(data, trainees=3) as sandbox:
        trainees = {k: v for k, v in sandbox.accounts.items() if k.startswith("stagiaire0")}
        assert sorted(trainees) == ["stagiaire01", "stagiaire02", "stagiaire03"]
        assert len({t["password"] for t in trainees.values()}) == 3
        for name in trainees:
            me = sandbox.session(name).get(f"{sandbox.api_url}/users/me", timeout=10).json()
            assert me["email"] == f"{name}@sandbox.invalid"
            assert {m["community"]["name"] for m in me["communities_member"]} == {
                "Découverte", "Formation IGN"}
        wrong = requests.post(sandbox.token_url, timeout=10, data={
            "grant_type": "password", "client_id": "gpf-warehouse",
            "username": "stagiaire01", "password": trainees["stagiaire02"]["password"]})
        assert wrong.status_code == 401
        secrets = {name: t["password"] for name, t in trainees.items()}
        # The terminal (the fixture's log) shows them; the data dir, nowhere.
        assert not scan_paths([data], secrets)
        assert all(p in sandbox.log() for p in secrets.values())
    # A restart with the same class keeps the accounts and prints no password again.
    with start_sandbox(data, trainees=3) as again:
        assert not [k for k in again.accounts if k.startswith("stagiaire0")]
        assert "stagiaire01, stagiaire02, stagiaire03" in again.log()
        form = {"grant_type": "password", "client_id": "gpf-warehouse",
                "username": "stagiaire02", "password": trainees["stagiaire02"]["password"]}
        assert requests.post(again.token_url, data=form, timeout=10).ok


def test_the_trainer_resets_the_sandbox_to_its_first_state_with_one_command(tmp_path):
    data = tmp_path / "data"
    with start_sandbox(data, trainees=2) as sandbox:
        first_state, first_files = state_of(data), files_of(data)
        flow = Flow(sandbox, "stagiaire01", "own")
        upload = flow.upload()
        flow.wait_checks(upload)
        assert state_of(data) != first_state and files_of(data) != first_files
        refused = requests.post(f"{sandbox.base_url}/admin/reset-data", timeout=10)
        assert refused.status_code == 401   # the trainer's token only
        done = subprocess.run(
            [sys.executable, "-m", "sandbox.trainer", "reset", "--url", sandbox.base_url,
             "--data-dir", str(data)], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "1 uploads" in done.stdout
        assert sandbox.trainer_token not in done.stdout + done.stderr
        assert state_of(data) == first_state
        assert files_of(data) == first_files
        assert flow.get(f"/uploads/{upload}").status_code == 404
        # The class's accounts are part of the first state: they still log in.
        assert sandbox.token("stagiaire02")
