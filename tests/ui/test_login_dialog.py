"""The login dialog keeps secrets in QGIS's auth database and shows who is connected."""

from __future__ import annotations

from gpf_wmts_publisher.plugin.metadata.remembered import SETTINGS_NAME as REMEMBERED_METADATA
from gpf_wmts_publisher.plugin.settings import PluginSettings
from gpf_wmts_publisher.ui import session as session_module
from gpf_wmts_publisher.ui.login_dialog import LoginDialog
from qgis.core import QgsSettings

from tests.fixtures.auth import play_the_browser, resource_owner_oauth2_config
from tests.ui.conftest import wait_until


def _dialog(sandbox, account="formateur"):
    session = session_module.Session()
    dialog = LoginDialog(session=session)
    dialog.sandboxRadio.setChecked(True)
    dialog.sandboxUrlEdit.setText(sandbox.base_url)
    creds = sandbox.accounts[account]
    dialog.usernameEdit.setText(creds["username"])
    dialog.passwordEdit.setText(creds["password"])
    return dialog, session


def _settings_text() -> str:
    settings = QgsSettings()
    settings.sync()
    with open(settings.fileName(), encoding="utf-8", errors="replace") as handle:
        return handle.read()


def test_login_shows_user_and_datastores_and_stores_only_the_auth_id(
        unlocked_auth_db, sandbox):
    # the metadata page remembers the contact e-mail other tests typed (formateur@…): not
    # the login's doing, and not what this test is about
    PluginSettings().set_value(REMEMBERED_METADATA, "")
    dialog, session = _dialog(sandbox)
    dialog.connectButton.click()
    wait_until(lambda: session.connected or "failed" in dialog.statusLabel.text(),
               what="login")
    assert session.connected, dialog.statusLabel.text()
    assert dialog.datastoreTree.topLevelItemCount() == len(session.user.datastores) >= 2
    assert any(d.sandbox for d in session.user.datastores)
    config_id = PluginSettings().auth_config_id()
    assert config_id
    stored = session_module.load_basic_credentials(config_id)
    assert stored[0] == "formateur" and stored[1].reveal() == "formateur"
    text = _settings_text()
    assert config_id in text and "formateur" not in text  # neither login nor password


def test_totp_code_is_used_once_and_never_kept(unlocked_auth_db, sandbox):
    import pyotp

    dialog, session = _dialog(sandbox, "totp")
    code = pyotp.TOTP(sandbox.accounts["totp"]["totp_secret"]).now()
    dialog.totpEdit.setText(code)
    dialog.connectButton.click()
    assert dialog.totpEdit.text() == ""
    wait_until(lambda: session.connected or "failed" in dialog.statusLabel.text(),
               what="login with TOTP")
    assert session.connected, dialog.statusLabel.text()
    assert code not in _settings_text()


def test_wrong_password_shows_the_platform_words(unlocked_auth_db, sandbox):
    dialog, session = _dialog(sandbox)
    dialog.passwordEdit.setText("not-the-password")
    dialog.connectButton.click()
    wait_until(lambda: "failed" in dialog.statusLabel.text().lower(), what="refusal")
    assert not session.connected
    assert "not-the-password" not in dialog.statusLabel.text()


def test_logout_forgets_the_credentials(unlocked_auth_db, sandbox):
    dialog, session = _dialog(sandbox)
    dialog.connectButton.click()
    wait_until(lambda: session.connected, what="login")
    config_id = PluginSettings().auth_config_id()
    dialog.logoutButton.click()
    assert not session.connected
    assert PluginSettings().auth_config_id() == ""
    assert session_module.load_basic_credentials(config_id) is None


def test_browser_sign_in_the_qgis_way_connects_with_an_oauth2_configuration(
        unlocked_auth_db, sandbox):
    """Authorization-code flow through QGIS's OAuth2 method; the test plays the user's
    browser (QGIS desktop opens a real one)."""
    import json

    from gpf_wmts_publisher.plugin.auth_config import QgisOAuth2TokenProvider
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    settings = PluginSettings()
    settings.set_value("auth/oauth2_config_id", "")
    dialog, session = _dialog(sandbox)
    dialog.usernameEdit.clear()
    dialog.passwordEdit.clear()
    dialog.oauthMethodRadio.setChecked(True)
    assert not dialog.passwordEdit.isEnabled()
    browser = play_the_browser(sandbox, session_module.OAUTH2_REDIRECT_PORT)
    dialog.connectButton.click()
    wait_until(lambda: session.connected or "failed" in dialog.statusLabel.text(),
               what="the OAuth2 sign-in")
    browser.join(timeout=10)
    assert session.connected, dialog.statusLabel.text()
    assert isinstance(session.client.token_provider, QgisOAuth2TokenProvider)
    assert dialog.datastoreTree.topLevelItemCount() == len(session.user.datastores) >= 2
    config_id = settings.value("auth/oauth2_config_id", "")
    found, config = QgsApplication.authManager().loadAuthenticationConfig(
        config_id, QgsAuthMethodConfig(), True)
    assert found and config.method() == "OAuth2"
    oauth2 = json.loads(config.config("oauth2config"))
    assert oauth2["grantFlow"] == 0 and oauth2["tokenUrl"].startswith(sandbox.base_url)
    token = session.client.token_provider.access_token().reveal()
    assert token not in _settings_text()
    dialog.logoutButton.click()
    assert not session.connected


def test_an_oauth2_configuration_of_this_platform_is_reused_as_the_user_left_it(
        unlocked_auth_db, sandbox):
    from gpf_wmts_publisher.plugin.settings import GEOPLATEFORME, sandbox_urls

    urls = sandbox_urls(sandbox.base_url)
    tuned = resource_owner_oauth2_config(sandbox)  # e.g. set up by the user in QGIS
    assert session_module.store_oauth2_config(urls, tuned) == tuned
    created = session_module.store_oauth2_config(urls, "")
    assert created != tuned
    # Pointed at another platform, the plugin's configuration follows the chosen one.
    assert session_module.store_oauth2_config(GEOPLATEFORME, created) == created
    assert session_module.store_oauth2_config(GEOPLATEFORME, created) == created


def test_an_oauth2_session_signs_datastore_requests_with_the_token_qgis_gives(
        unlocked_auth_db, sandbox):
    """The client the wizard publishes with signs each request with QGIS's bearer (a full
    publication with it: tests/plugin/processing, AUTHCFG)."""
    from gpf_wmts_publisher.plugin.entrepot.api import EntrepotApi
    from gpf_wmts_publisher.plugin.settings import sandbox_urls

    urls = sandbox_urls(sandbox.base_url)
    client = session_module.make_oauth2_client(urls, resource_owner_oauth2_config(sandbox))
    user = session_module.fetch_user(client)
    datastore = next(d for d in user.datastores if d.sandbox)
    assert EntrepotApi(client, datastore.id).stored_data_list() is not None


def test_stored_credentials_are_prefilled_from_the_auth_database(unlocked_auth_db, sandbox):
    dialog, session = _dialog(sandbox)
    dialog.connectButton.click()
    wait_until(lambda: session.connected, what="login")
    again = LoginDialog(session=session_module.Session())
    wait_until(lambda: again.usernameEdit.text() == "formateur", what="the prefill")
    assert again.passwordEdit.text() == "formateur"


def test_the_dialog_preselects_the_sandbox_named_by_gpf_sandbox_url(monkeypatch):
    """make classroom and the demo start QGIS with GPF_SANDBOX_URL: the dialog opens on that
    sandbox, not on the real platform, even when the stored choice says otherwise."""
    settings = PluginSettings()
    settings.set_value("platform/use_sandbox", False)
    settings.set_value("platform/sandbox_url", "http://127.0.0.1:8765")
    monkeypatch.setenv("GPF_SANDBOX_URL", "http://127.0.0.1:9911")
    dialog = LoginDialog(session=session_module.Session(), settings=settings)
    try:
        assert dialog.sandboxRadio.isChecked() and not dialog.geoplateformeRadio.isChecked()
        assert dialog.sandboxUrlEdit.text() == "http://127.0.0.1:9911"
        assert dialog.platform().api_url == "http://127.0.0.1:9911/api"
    finally:
        dialog.deleteLater()


def test_without_gpf_sandbox_url_the_stored_choice_stands(monkeypatch):
    settings = PluginSettings()
    settings.set_value("platform/use_sandbox", False)
    monkeypatch.delenv("GPF_SANDBOX_URL", raising=False)
    dialog = LoginDialog(session=session_module.Session(), settings=settings)
    try:
        assert dialog.geoplateformeRadio.isChecked() and not dialog.sandboxRadio.isChecked()
    finally:
        dialog.deleteLater()


# -- issue 14, hole 4: a failed login changes nothing stored ----------------------------------
def _config_ids() -> set:
    from qgis.core import QgsApplication

    return set(QgsApplication.authManager().configIds())


def _failed_login(dialog) -> None:
    dialog.passwordEdit.setText("typo-in-the-password")
    dialog.connectButton.click()
    wait_until(lambda: "failed" in dialog.statusLabel.text().lower(), what="refusal")


def test_failed_first_logins_leave_no_auth_configuration(unlocked_auth_db, sandbox):
    PluginSettings().set_auth_config_id("")
    before = _config_ids()
    for _ in range(3):
        dialog, session = _dialog(sandbox)
        _failed_login(dialog)
        assert not session.connected
    assert _config_ids() == before
    assert PluginSettings().auth_config_id() == ""


def test_a_typo_on_relogin_keeps_the_working_stored_password(unlocked_auth_db, sandbox):
    dialog, session = _dialog(sandbox)
    dialog.connectButton.click()
    wait_until(lambda: session.connected, what="login")
    config_id = PluginSettings().auth_config_id()
    before = _config_ids()
    again, _again_session = _dialog(sandbox)
    _failed_login(again)
    stored = session_module.load_basic_credentials(config_id)
    assert stored[1].reveal() == sandbox.accounts["formateur"]["password"]
    assert PluginSettings().auth_config_id() == config_id and _config_ids() == before


def test_a_failed_oauth2_sign_in_removes_the_configuration_it_created(unlocked_auth_db,
                                                                      sandbox):
    from gpf_wmts_publisher.plugin.login import sign_in_with_config

    created = []

    def create():
        created.append(session_module.store_oauth2_config(
            session_module.PlatformUrls(api_url=sandbox.api_url, token_url=sandbox.token_url)))
        return created[-1]

    def refuse(_config_id):
        raise RuntimeError("sign-in cancelled")

    before = _config_ids()
    try:
        sign_in_with_config("", create, refuse, session_module.remove_credentials)
    except RuntimeError:
        pass
    assert created and _config_ids() == before
