"""After a whole publication signed in with password + TOTP, logging at DEBUG, no secret (access
and refresh tokens, password, TOTP secret, the harvest API key) is in the captured logs, the
QGIS profile (QgsSettings ini, auth DB), the journals or the saved project."""

from __future__ import annotations

import logging
from pathlib import Path

import pyotp
import pytest
from gpf_wmts_publisher.plugin.entrepot.api import EntrepotApi
from gpf_wmts_publisher.plugin.entrepot.auth import TokenProvider
from gpf_wmts_publisher.plugin.log import install_qgis_log_handler, remove_log_handler
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from gpf_wmts_publisher.plugin.publish.session import api_for
from gpf_wmts_publisher.plugin.publish.spec import Publication
from gpf_wmts_publisher.plugin.publish.steps.wmsv import key_hash
from gpf_wmts_publisher.plugin.publish.workflow import Workflow
from gpf_wmts_publisher.plugin.settings import PluginSettings
from gpf_wmts_publisher.plugin.wmts.access_key import key_auth_config
from gpf_wmts_publisher.ui import session as session_module
from gpf_wmts_publisher.ui.wmts_layer import layer_info_task_function
from qgis.core import QgsApplication, QgsProject, QgsSettings

from scripts.scan_secrets import key_secrets, scan_paths
from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.fixtures.sandbox import start_sandbox


class RecordingTokens(TokenProvider):
    """The plugin's token provider, remembering every token it handed out (to search them)."""

    seen: list

    def _remember(self, token):
        self.seen.append(token.reveal())
        current = getattr(self, "_token", None)
        if current is not None and current.refresh is not None:
            self.seen.append(current.refresh.reveal())
        return token

    def access_token(self):
        return self._remember(super().access_token())

    def refresh_after_unauthorized(self, rejected):
        return self._remember(super().refresh_after_unauthorized(rejected))


@pytest.fixture
def debug_log(tmp_path):
    """Every Python log record at DEBUG and every QGIS message-log line, into files."""
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    handler = logging.FileHandler(log_dir / "python-debug.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    qgis_handler = install_qgis_log_handler()
    logging.getLogger("gpf_wmts_publisher").setLevel(logging.DEBUG)
    qgis_lines = (log_dir / "qgis-message-log.txt").open("w", encoding="utf-8")

    def on_message(message, tag, level):
        qgis_lines.write(f"{tag} {int(level)} {message}\n")

    QgsApplication.messageLog().messageReceived.connect(on_message)
    try:
        yield log_dir
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(on_message)
        qgis_lines.close()
        remove_log_handler(qgis_handler)
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()


@pytest.mark.timeout(240)
@pytest.mark.parametrize("restricted", [False, True], ids=["public", "restricted"])
def test_no_secret_is_left_in_logs_profile_journals_or_project_after_a_publication(
        qgis_app, unlocked_auth_db, debug_log, tmp_path, capfd, restricted):
    settings = PluginSettings()
    previous_config_id = settings.auth_config_id()
    with start_sandbox(tmp_path / "sandbox", token_lifetime=3) as sandbox:
        account = sandbox.accounts["totp"]
        # Sign in as the plugin does: settings hold the platform and the auth config id only.
        settings.set_value("platform/use_sandbox", True)
        settings.set_value("platform/sandbox_url", sandbox.base_url)
        config_id = session_module.store_basic_credentials(account["username"],
                                                           account["password"])
        settings.set_auth_config_id(config_id)
        username, password = session_module.load_basic_credentials(config_id)
        totp = pyotp.TOTP(account["totp_secret"])
        tokens = RecordingTokens.password(sandbox.token_url, username, password,
                                          totp=totp.now)
        tokens.seen = []
        api = api_for(sandbox.api_url, tokens)
        source = LayerSource.from_layer(open_styled_layer(make_polygon_gpkg(str(tmp_path))))
        spec = Publication(
            datastore_id=sandbox.datastores("totp")["own"], datasheet_name="fiche_secrets",
            wmsv_name="secrets_wmsv", wmts_name="secrets_wmts", pyramid_name="secrets_pyr",
            wmsv_title="Secrets", wmts_title="Secrets (WMTS)", abstract="Recherche de secrets",
            layer=source, top_level=12, bottom_level=13, restricted=restricted)
        journals = tmp_path / "journals"
        result = Workflow(api, spec, journal_dir=str(journals), poll_first_s=0.05,
                          poll_max_s=0.5).run()

        harvest_key = next(k for k in api.list_keys() if k.name == f"harvest_{spec.wmsv_name}")
        api_key = key_hash(api.key(harvest_key.id))
        access_key = None
        if restricted:  # "Add to map": the plugin's BASIC key, in QGIS's auth database
            key_api = EntrepotApi(api.client, spec.datastore_id)
            authcfg = key_auth_config(key_api, result.wmts_offering_id, result.permission_id)
            access_key = lambda: authcfg  # noqa: E731
        wmts_layer, _ = layer_info_task_function(result.capabilities_url,
                                                 result.wmts_layer_name,
                                                 access_key=access_key)(None)
        assert wmts_layer.isValid()
        # every key of the account, the harvest's HASH and the plugin's BASIC key included
        every_key = key_secrets(api.key(k.id) for k in api.list_keys())
        project = QgsProject()
        project.addMapLayers([source.open_layer(), wmts_layer])
        assert project.write(str(tmp_path / "project.qgz"))
        assert project.write(str(tmp_path / "project.qgs"))
    QgsSettings().sync()
    captured = capfd.readouterr()
    (debug_log / "stdout-stderr.txt").write_text(captured.out + captured.err, encoding="utf-8")

    secrets = {f"token {i}": t for i, t in enumerate(dict.fromkeys(tokens.seen))}
    secrets.update(password=password.reveal(), totp_secret=account["totp_secret"],
                   api_key=api_key)
    secrets.update(every_key)
    assert api_key in every_key.values()
    assert len(secrets) >= 5, "tokens were refreshed during the run (3 s lifetime)"
    if restricted:
        assert any("(BASIC) password" in label for label in every_key)
    profile = Path(QgsApplication.qgisSettingsDirPath())
    places = [debug_log, Path(QgsSettings().fileName()), profile, journals,
              tmp_path / "project.qgz", tmp_path / "project.qgs"]
    assert (debug_log / "python-debug.log").stat().st_size > 0
    assert any(journals.rglob("*.json"))
    try:
        hits = scan_paths(places, secrets)
        assert not hits, "\n".join(str(hit) for hit in hits)
        # The scan is able to fail: the same secrets written down are found.
        control = tmp_path / "control.txt"
        control.write_text(" ".join(secrets.values()), encoding="utf-8")
        assert {hit.label for hit in scan_paths([control], secrets)} == set(secrets)
    finally:
        session_module.remove_credentials(config_id)
        if restricted:
            session_module.remove_credentials(authcfg)
        settings.set_auth_config_id(previous_config_id)
        settings.set_value("platform/use_sandbox", False)
