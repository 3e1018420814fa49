"""The login dialog: platform choice, credentials in QGIS's auth database, who is connected."""

from __future__ import annotations

import os
from typing import Optional

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QDialog, QTreeWidgetItem

from ..plugin.login import sign_in_then_store, sign_in_with_config
from ..plugin.settings import GEOPLATEFORME, PluginSettings, sandbox_urls
from . import session as session_module
from .background import run_in_task
from .forms import form_class

FORM = form_class(os.path.join(os.path.dirname(__file__), "login_dialog.ui"))


class LoginDialog(QDialog, FORM):
    """Connect fetches users/me in a task, then, only once the platform accepted them, stores
    the login/password in a "Basic" auth configuration, or keeps the "OAuth2" one (only their
    ids go to the settings; plugin/login.py); the TOTP field is read once and cleared."""

    connected = pyqtSignal(object)  # plugin.entrepot.models.Account
    disconnected = pyqtSignal()

    def __init__(self, parent=None, session: session_module.Session = session_module.CURRENT,
                 settings: Optional[PluginSettings] = None):
        super().__init__(parent)
        self.setupUi(self)
        self.session = session
        self.settings = settings or PluginSettings()
        self.task = None
        self.connectButton.clicked.connect(self.connect_to_platform)
        self.logoutButton.clicked.connect(self.logout)
        self.sandboxRadio.toggled.connect(self._update_enabled)
        self.oauthMethodRadio.toggled.connect(self._update_enabled)
        self._load_settings()
        self._update_enabled()
        if self.session.connected:
            self._show_user(self.session.user)

    # -- settings ----------------------------------------------------------------------
    def _load_settings(self) -> None:
        # GPF_SANDBOX_URL (make classroom, the demo, the tests) names the sandbox to use: it
        # wins over the stored choice, as it does in plugin/settings.py.
        env_url = os.environ.get("GPF_SANDBOX_URL", "").strip()
        use_sandbox = bool(env_url) or self.settings.value("platform/use_sandbox",
                                                           False) in (True, "true")
        self.sandboxRadio.setChecked(use_sandbox)
        self.geoplateformeRadio.setChecked(not use_sandbox)
        url = env_url or self.settings.value("platform/sandbox_url", "")
        if url:
            self.sandboxUrlEdit.setText(url)
        config_id = self.settings.auth_config_id()
        if not config_id:
            return
        try:
            session_module.unlock_auth_database()  # may ask the master password: GUI thread
        except session_module.AuthDatabaseLockedError:
            return
        # QGIS 3.22's auth manager deadlocked when a prefill task and the connect task used it
        # at once: the prefill is a local SQLite read, done here before any task can start.
        self._prefill(session_module.load_basic_credentials(config_id))

    def _prefill(self, stored) -> None:
        if stored and not self.usernameEdit.text() and not self.passwordEdit.text():
            self.usernameEdit.setText(stored[0])
            self.passwordEdit.setText(stored[1].reveal())

    def platform(self):
        if self.sandboxRadio.isChecked():
            return sandbox_urls(self.sandboxUrlEdit.text().strip())
        return GEOPLATEFORME

    def _update_enabled(self) -> None:
        self.sandboxUrlEdit.setEnabled(self.sandboxRadio.isChecked())
        password = self.passwordMethodRadio.isChecked()
        for widget in (self.usernameEdit, self.passwordEdit, self.totpEdit):
            widget.setEnabled(password)
        self.logoutButton.setEnabled(self.session.connected)

    # -- actions -----------------------------------------------------------------------
    def connect_to_platform(self) -> None:
        platform = self.platform()
        self.settings.set_value("platform/use_sandbox", platform.sandbox)
        if platform.sandbox:
            self.settings.set_value("platform/sandbox_url", self.sandboxUrlEdit.text().strip())
        if self.oauthMethodRadio.isChecked():
            self._connect_oauth2(platform)
            return
        username = self.usernameEdit.text().strip()
        password = self.passwordEdit.text()
        if not username or not password:
            self.statusLabel.setText(self.tr("Enter your login and password."))
            return
        try:
            session_module.unlock_auth_database()  # may ask the master password: GUI thread
        except session_module.AuthDatabaseLockedError as error:
            self.statusLabel.setText(str(error))
            return
        totp = self.totpEdit.text().strip() or None
        self.totpEdit.clear()  # a one-time code is never kept
        known_id = self.settings.auth_config_id()
        secret = session_module.Secret(password)

        def sign_in():
            client = session_module.make_client(platform, username, secret, totp)
            return client, session_module.fetch_user(client)

        def work(_task):
            # The network and then the auth database write (an encrypted SQLite commit) run
            # here, off the GUI thread; this is the only task that touches the auth manager
            # (see _load_settings). Nothing is stored unless the platform accepted them.
            config_id, (client, user) = sign_in_then_store(
                sign_in, lambda: session_module.store_basic_credentials(
                    username, secret.reveal(), known_id))
            return config_id, client, user

        self.connectButton.setEnabled(False)
        self.statusLabel.setText(self.tr("Connecting…"))
        self.task = run_in_task(self.tr("Connecting to the Géoplateforme"), work,
                                on_success=lambda found: self._on_connected(platform, *found),
                                on_failure=self._on_failed)

    def _connect_oauth2(self, platform) -> None:
        """QGIS's OAuth2 method signs in (in QGIS desktop, in the browser); the entrepôt
        client then asks it for the bearer, the whole publication long."""
        try:
            session_module.unlock_auth_database()  # may ask the master password: GUI thread
        except session_module.AuthDatabaseLockedError as error:
            self.statusLabel.setText(str(error))
            return
        known_id = self.settings.value("auth/oauth2_config_id", "") or ""

        def sign_in(config_id):
            client = session_module.make_oauth2_client(platform, config_id)
            return client, session_module.fetch_user(client)

        def work(_task):
            config_id, (client, user) = sign_in_with_config(
                known_id, lambda: session_module.store_oauth2_config(platform, known_id),
                sign_in, session_module.remove_credentials)
            return config_id, client, user

        def connected(config_id, client, user):
            self.settings.set_value("auth/oauth2_config_id", config_id)
            self._on_connected(platform, None, client, user)

        self.connectButton.setEnabled(False)
        self.statusLabel.setText(self.tr("Signing in with OAuth2: QGIS opens your browser…"))
        self.task = run_in_task(self.tr("Connecting to the Géoplateforme"), work,
                                on_success=lambda found: connected(*found),
                                on_failure=self._on_failed)

    def _on_connected(self, platform, config_id, client, user) -> None:
        if config_id is not None:
            self.settings.set_auth_config_id(config_id)
        self.session.platform = platform
        self.session.client = client
        self.session.user = user
        self.connectButton.setEnabled(True)
        self._show_user(user)
        self._update_enabled()
        self.connected.emit(user)

    def _on_failed(self, message: str) -> None:
        self.connectButton.setEnabled(True)
        self.statusLabel.setText(self.tr("Connection failed: {0}").format(message))

    def _show_user(self, user) -> None:
        self.statusLabel.setText(self.tr("Connected as {0} ({1}).").format(user.name, user.email))
        self.datastoreTree.clear()
        for datastore in user.datastores:
            item = QTreeWidgetItem([datastore.community_name, datastore.name])
            item.setToolTip(1, datastore.id)
            self.datastoreTree.addTopLevelItem(item)

    def logout(self) -> None:
        self.session.logout(forget_credentials=True)
        self.usernameEdit.clear()
        self.passwordEdit.clear()
        self.datastoreTree.clear()
        self.statusLabel.setText(self.tr("Not connected."))
        self._update_enabled()
        self.disconnected.emit()
