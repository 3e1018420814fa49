"""Platform URLs: real platform by default, sandbox and environment overrides on demand."""

from __future__ import annotations

from gpf_wmts_publisher.plugin.settings import (
    GEOPLATEFORME,
    PluginSettings,
    platform_from_env,
    sandbox_urls,
)


class DictSettings:
    """A QgsSettings stand-in: the class only needs value/setValue."""

    def __init__(self):
        self.data = {}

    def value(self, key, default=None):
        return self.data.get(key, default)

    def setValue(self, key, value):
        self.data[key] = value


def test_defaults_are_the_real_platform(monkeypatch):
    for var in ("GPF_SANDBOX_URL", "GPF_API_URL", "GPF_TOKEN_URL"):
        monkeypatch.delenv(var, raising=False)
    urls = PluginSettings(DictSettings()).platform()
    assert urls == GEOPLATEFORME
    assert urls.api_url == "https://data.geopf.fr/api"
    assert not urls.sandbox


def test_sandbox_url_environment_points_every_url_at_the_sandbox(monkeypatch):
    monkeypatch.setenv("GPF_SANDBOX_URL", "http://127.0.0.1:9999/")
    urls = platform_from_env()
    assert urls.sandbox
    assert urls.api_url == "http://127.0.0.1:9999/api"
    assert urls.token_url.startswith("http://127.0.0.1:9999/realms/geoplateforme/")


def test_single_url_override(monkeypatch):
    monkeypatch.delenv("GPF_SANDBOX_URL", raising=False)
    monkeypatch.setenv("GPF_API_URL", "http://127.0.0.1:1/api")
    urls = platform_from_env()
    assert urls.api_url == "http://127.0.0.1:1/api"
    assert urls.token_url == GEOPLATEFORME.token_url


def test_stored_sandbox_choice_wins_and_only_the_auth_id_is_stored(monkeypatch):
    monkeypatch.delenv("GPF_SANDBOX_URL", raising=False)
    store = DictSettings()
    settings = PluginSettings(store)
    settings.set_value("platform/use_sandbox", True)
    settings.set_value("platform/sandbox_url", "http://127.0.0.1:8765")
    settings.set_auth_config_id("abc1234")
    assert settings.platform() == sandbox_urls("http://127.0.0.1:8765")
    assert settings.auth_config_id() == "abc1234"
    assert set(store.data) == {
        "gpf_wmts_publisher/platform/use_sandbox",
        "gpf_wmts_publisher/platform/sandbox_url",
        "gpf_wmts_publisher/auth/config_id",
    }
