"""Who is connected: credentials in QGIS's auth database, the client, the user's datastores.

Only the auth configuration *id* is stored in the settings (PluginSettings); the login and
password live in QGIS's encrypted auth database; a TOTP code is used once and never stored.
"""

from __future__ import annotations

from typing import Optional, Tuple

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..plugin.entrepot.models import Account, Datastore
from ..plugin.entrepot.secret import Secret
from ..plugin.settings import PlatformUrls, PluginSettings

AUTH_CONFIG_NAME = "Géoplateforme (gpf_wmts_publisher)"
OAUTH2_CONFIG_NAME = "Géoplateforme OAuth2 (gpf_wmts_publisher)"
OAUTH2_CLIENT_ID = "qgis"  # the client the platform's QGIS tutorial uses
OAUTH2_REDIRECT_PORT = 7070  # where QGIS listens for the browser's redirect (QGIS's default)


class AuthDatabaseLockedError(RuntimeError):
    """QGIS's auth database has no master password yet (QGIS asks the user for one)."""

    user_facing = True  # plugin/error_messages.py shows its words as they are


def _manager():
    manager = QgsApplication.authManager()
    # Verifying the master password hashes it again (PBKDF2, tens of ms): only when unknown.
    if not manager.masterPasswordIsSet() and not manager.setMasterPassword(True):
        raise AuthDatabaseLockedError(
            QgsApplication.translate("Session", "QGIS's authentication database is locked: "
                                     "set its master password first."))
    return manager


def unlock_auth_database() -> None:
    """Makes sure the master password is known (QGIS asks the user once; GUI thread)."""
    _manager()


def store_basic_credentials(username: str, password: str, config_id: str = "") -> str:
    """Creates (or updates ``config_id``) a "Basic" auth configuration; returns its id."""
    manager = _manager()
    config = QgsAuthMethodConfig("Basic")
    found, config = (manager.loadAuthenticationConfig(config_id, config, True) if config_id
                     else (False, config))
    if found and config.method() == "Basic":
        config.setConfig("username", username)
        config.setConfig("password", password)
        manager.updateAuthenticationConfig(config)
        return config.id()
    config = QgsAuthMethodConfig("Basic")
    config.setName(AUTH_CONFIG_NAME)
    config.setConfig("username", username)
    config.setConfig("password", password)
    ok, stored = manager.storeAuthenticationConfig(config)
    if not ok:
        raise AuthDatabaseLockedError(QgsApplication.translate(
            "Session", "The credentials could not be stored in QGIS's authentication database."))
    return stored.id()


def load_basic_credentials(config_id: str) -> Optional[Tuple[str, Secret]]:
    """(username, password) of a Basic configuration, or None when it does not exist."""
    if not config_id:
        return None
    manager = _manager()
    found, config = manager.loadAuthenticationConfig(config_id, QgsAuthMethodConfig(), True)
    if not found or config.method() != "Basic":
        return None
    return config.config("username"), Secret(config.config("password"))


def remove_credentials(config_id: str) -> None:
    if config_id:
        QgsApplication.authManager().removeAuthenticationConfig(config_id)


def store_oauth2_config(platform: PlatformUrls, config_id: str = "") -> str:
    """The OAuth2 configuration to sign in with, the QGIS way (QGIS opens the browser when a
    request needs a token): ``config_id`` is kept untouched when it already signs in to this
    platform (the user may have tuned it in QGIS, e.g. its redirect port); otherwise an
    authorization-code configuration is created. Returns its id."""
    import json

    manager = _manager()
    config = QgsAuthMethodConfig("OAuth2")
    found, config = (manager.loadAuthenticationConfig(config_id, config, True) if config_id
                     else (False, config))
    if found and config.method() == "OAuth2":
        try:
            current = json.loads(config.config("oauth2config") or "{}")
        except ValueError:
            current = {}
        if current.get("tokenUrl") == platform.token_url:
            return config.id()
    settings = {
        "grantFlow": 0,  # authorization code
        "requestUrl": platform.authorize_url,
        "tokenUrl": platform.token_url,
        "refreshTokenUrl": platform.token_url,
        "clientId": OAUTH2_CLIENT_ID,
        "redirectPort": OAUTH2_REDIRECT_PORT,
        "redirectUrl": "",
        "scope": "openid",
        "persistToken": False,
        "accessMethod": 0,
        "requestTimeout": 30,
        "version": 1,
        "configType": 1,
    }
    if found and config.method() == "OAuth2":  # another platform: point it at this one
        config.setConfig("oauth2config", json.dumps(settings))
        manager.updateAuthenticationConfig(config)
        return config.id()
    config = QgsAuthMethodConfig("OAuth2")
    config.setName(OAUTH2_CONFIG_NAME)
    config.setConfig("oauth2config", json.dumps(settings))
    ok, stored = manager.storeAuthenticationConfig(config)
    if not ok:
        raise AuthDatabaseLockedError(QgsApplication.translate(
            "Session", "The OAuth2 configuration could not be stored in QGIS's "
            "authentication database."))
    return stored.id()


def make_client(platform: PlatformUrls, username: str, password: Secret,
                totp: Optional[str] = None):
    """An entrepôt client authenticated with the password grant (plus a one-time TOTP)."""
    from ..plugin.entrepot.auth import TokenProvider
    from ..plugin.entrepot.client import EntrepotClient

    tokens = TokenProvider.password(platform.token_url, username, password,
                                    totp=Secret(totp) if totp else None,
                                    client_id=platform.client_id)
    return EntrepotClient(platform.api_url, tokens)


def make_oauth2_client(platform: PlatformUrls, config_id: str):
    """An entrepôt client whose bearer comes from QGIS's OAuth2 method (which signs in)."""
    from ..plugin.auth_config import QgisOAuth2TokenProvider
    from ..plugin.entrepot.client import EntrepotClient

    return EntrepotClient(platform.api_url, QgisOAuth2TokenProvider(config_id))


def fetch_user(client) -> Account:
    """users/me, then each datastore (for its name, endpoints and quotas). Runs in a task.
    The account and datastores are the plugin's models (plugin/entrepot/models)."""
    from ..plugin.entrepot.account import fetch_account
    from ..plugin.entrepot.api import EntrepotApi

    return fetch_account(EntrepotApi(client))


class Session:
    """The connection the windows share (one per QGIS session)."""

    def __init__(self):
        self.platform: Optional[PlatformUrls] = None
        self.client = None
        self.user: Optional[Account] = None

    @property
    def connected(self) -> bool:
        return self.client is not None and self.user is not None

    def datastore(self, datastore_id: str) -> Optional[Datastore]:
        return self.user.datastore(datastore_id) if self.user else None

    def logout(self, forget_credentials: bool = False) -> None:
        if self.client is not None:
            # Forget the cached token (for OAuth2, QGIS's cached login).
            invalidate = getattr(self.client.token_provider, "invalidate", None)
            if invalidate is not None:
                invalidate()
            self.client.close()
        self.client = None
        self.user = None
        if forget_credentials:
            settings = PluginSettings()
            remove_credentials(settings.auth_config_id())
            settings.set_auth_config_id("")


CURRENT = Session()
