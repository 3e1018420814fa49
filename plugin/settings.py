"""Plugin settings: platform URLs and user preferences, stored in QgsSettings.

The defaults are the real Géoplateforme's URLs. Every URL can be overridden by an environment
variable (``GPF_API_URL``, ``GPF_TOKEN_URL``, …), which is how the tests, the benchmarks and the
demo point the plugin at the local sandbox. Secrets never go here: credentials live in QGIS's
auth database and only the auth configuration *id* is stored.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

SETTINGS_GROUP = "gpf_wmts_publisher"


@dataclass(frozen=True)
class PlatformUrls:
    """Where the platform answers. ``sandbox`` marks the local training stand-in."""

    api_url: str = "https://data.geopf.fr/api"
    token_url: str = "https://sso.geopf.fr/realms/geoplateforme/protocol/openid-connect/token"  # noqa: S105
    authorize_url: str = "https://sso.geopf.fr/realms/geoplateforme/protocol/openid-connect/auth"
    client_id: str = "gpf-warehouse"
    sandbox: bool = False


GEOPLATEFORME = PlatformUrls()

ENV_OVERRIDES = {
    "api_url": "GPF_API_URL",
    "token_url": "GPF_TOKEN_URL",
    "authorize_url": "GPF_AUTHORIZE_URL",
    "client_id": "GPF_CLIENT_ID",
}


def sandbox_urls(base_url: str) -> PlatformUrls:
    """URLs of a local sandbox started at ``base_url`` (e.g. ``http://127.0.0.1:8765``)."""
    base = base_url.rstrip("/")
    realm = f"{base}/realms/geoplateforme/protocol/openid-connect"
    return PlatformUrls(
        api_url=f"{base}/api",
        token_url=f"{realm}/token",
        authorize_url=f"{realm}/auth",
        client_id="gpf-warehouse",
        sandbox=True,
    )


def platform_from_env(default: PlatformUrls = GEOPLATEFORME) -> PlatformUrls:
    """``default`` with the environment's overrides applied (``GPF_SANDBOX_URL`` wins)."""
    if os.environ.get("GPF_SANDBOX_URL"):
        return sandbox_urls(os.environ["GPF_SANDBOX_URL"])
    changes = {name: os.environ[var] for name, var in ENV_OVERRIDES.items() if os.environ.get(var)}
    return replace(default, **changes)


class PluginSettings:
    """Typed access to the plugin's QgsSettings keys (imports qgis lazily)."""

    def __init__(self, settings=None):
        if settings is None:
            from qgis.core import QgsSettings

            settings = QgsSettings()
        self._settings = settings

    def _key(self, name: str) -> str:
        return f"{SETTINGS_GROUP}/{name}"

    def value(self, name: str, default=None):
        return self._settings.value(self._key(name), default)

    def set_value(self, name: str, value) -> None:
        self._settings.setValue(self._key(name), value)

    def platform(self) -> PlatformUrls:
        """The chosen platform: the stored choice, then environment overrides."""
        if self.value("platform/use_sandbox", False) in (True, "true"):
            return sandbox_urls(self.value("platform/sandbox_url", "http://127.0.0.1:8765"))
        stored = {
            f.name: self.value(f"platform/{f.name}")
            for f in fields(PlatformUrls)
            if f.name != "sandbox" and self.value(f"platform/{f.name}")
        }
        return platform_from_env(replace(GEOPLATEFORME, **stored))

    def auth_config_id(self) -> str:
        """Id of the QGIS auth configuration holding the credentials (never the secret)."""
        return self.value("auth/config_id", "") or ""

    def set_auth_config_id(self, auth_id: str) -> None:
        self.set_value("auth/config_id", auth_id)
