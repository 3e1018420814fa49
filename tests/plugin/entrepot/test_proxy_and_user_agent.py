"""QGIS's proxy settings become requests' proxies; the User-Agent names plugin and QGIS."""

from __future__ import annotations

import re
import sys

from gpf_wmts_publisher.plugin.entrepot import EntrepotClient, qgis_proxy_settings
from gpf_wmts_publisher.plugin.entrepot.proxy import ProxySettings
from gpf_wmts_publisher.plugin.entrepot.useragent import plugin_version
from werkzeug import Response


class FakeQgsSettings:
    def __init__(self, values):
        self.values = values

    def value(self, key, default=None):
        return self.values.get(key, default)


def test_qgis_http_proxy_with_exclusions():
    settings = qgis_proxy_settings(FakeQgsSettings({
        "proxy/proxyEnabled": "true", "proxy/proxyType": "HttpProxy",
        "proxy/proxyHost": "proxy.corp", "proxy/proxyPort": "8080",
        "proxy/proxyUser": "jo@corp", "proxy/proxyPassword": "p:w",
        "proxy/proxyExcludedUrls": "http://127.0.0.1|http://localhost",
    }))
    assert settings.for_url("https://data.geopf.fr/api") == {
        "http": "http://jo%40corp:p%3Aw@proxy.corp:8080",
        "https": "http://jo%40corp:p%3Aw@proxy.corp:8080"}
    assert settings.for_url("http://127.0.0.1:8765/api") is None


def test_disabled_or_system_proxy_leaves_requests_defaults():
    assert qgis_proxy_settings(FakeQgsSettings({"proxy/proxyEnabled": False,
                                                "proxy/proxyHost": "h"})) is None
    assert qgis_proxy_settings(FakeQgsSettings({
        "proxy/proxyEnabled": True, "proxy/proxyType": "DefaultProxy",
        "proxy/proxyHost": "h"})) is None


def test_client_sends_requests_through_the_proxy(httpserver):
    # the test server plays the proxy: a proxied request carries the absolute URL
    seen = []
    httpserver.expect_request("/api/users/me").respond_with_handler(
        lambda request: seen.append(request.url) or Response("{}"))
    proxy = httpserver.url_for("").rstrip("/")
    client = EntrepotClient("http://data.geopf.example/api", proxy_settings=ProxySettings(
        proxies={"http": proxy, "https": proxy}))
    client.get_json("users/me")
    assert seen and "data.geopf.example" in seen[0]


def test_user_agent_names_plugin_version_and_qgis_when_inside_qgis(httpserver, qgis_app):
    agents = []
    httpserver.expect_request("/api/x").respond_with_handler(
        lambda request: agents.append(request.headers["User-Agent"])
        or Response("{}"))
    assert "qgis.core" in sys.modules
    EntrepotClient(httpserver.url_for("/api")).get_json("x")
    from qgis.core import Qgis

    version = Qgis.QGIS_VERSION.split("-")[0]
    assert agents == [f"gpf-wmts-publisher/{plugin_version()} (QGIS {version})"]
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?", plugin_version())
