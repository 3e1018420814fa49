"""The plugin's one HTTP path follows QGIS: its proxy, the CAs its auth DB trusts, its auth
configurations (plugin/entrepot/network.py)."""

from __future__ import annotations

import datetime
import http.server
import ssl
import threading

import pytest
import requests
from gpf_wmts_publisher.plugin.entrepot.client import EntrepotClient
from gpf_wmts_publisher.plugin.entrepot.network import (
    QgisNetworkSession,
    auth_config_request,
    forget_qgis_network_settings,
    http_get,
    network_session,
)
from gpf_wmts_publisher.plugin.entrepot.proxy import ProxySettings
from gpf_wmts_publisher.plugin.wmts.capabilities import CapabilitiesError, read_capabilities
from werkzeug import Response

PROXY_KEYS = ("proxy/proxyEnabled", "proxy/proxyType", "proxy/proxyHost", "proxy/proxyPort",
              "proxy/noProxyUrls", "proxy/proxyExcludedUrls", "proxy/authcfg")


@pytest.fixture
def qgis_proxy(qgis_app):
    """Sets QGIS's proxy (what Options ▸ Network writes); restores the profile afterwards."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    saved = {key: settings.value(key) for key in PROXY_KEYS if settings.contains(key)}

    def configure(host: str, port: int, no_proxy=()):
        settings.setValue("proxy/proxyEnabled", True)
        settings.setValue("proxy/proxyType", "HttpProxy")
        settings.setValue("proxy/proxyHost", host)
        settings.setValue("proxy/proxyPort", str(port))
        settings.setValue("proxy/noProxyUrls", list(no_proxy))
        forget_qgis_network_settings()  # what ui/main.py does when QGIS's options change

    yield configure
    for key in PROXY_KEYS:
        settings.remove(key)
    for key, value in saved.items():
        settings.setValue(key, value)
    forget_qgis_network_settings()


def test_a_proxy_set_in_qgis_reaches_every_plugin_request(httpserver, qgis_proxy):
    # the test server plays the proxy: a proxied request carries the absolute URL
    seen = []
    httpserver.expect_request("/api/users/me").respond_with_handler(
        lambda request: seen.append(request.url) or Response("{}"))
    httpserver.expect_request("/wmts").respond_with_handler(
        lambda request: seen.append(request.url) or Response("<nothing/>"))
    qgis_proxy("127.0.0.1", httpserver.port)

    EntrepotClient("http://data.geopf.example/api").get_json("users/me")  # no proxy given
    with pytest.raises(CapabilitiesError):  # the proxy answers no WMTS document
        read_capabilities("http://data.geopf.example/wmts")

    assert len(seen) == 2
    assert seen[0].startswith("http://data.geopf.example/api/users/me")
    assert seen[1].startswith("http://data.geopf.example/wmts?")


def test_a_no_proxy_url_of_qgis_goes_direct_even_with_a_proxy_in_the_environment(
        httpserver, qgis_proxy, monkeypatch):
    httpserver.expect_request("/direct").respond_with_data("direct")
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    qgis_proxy("127.0.0.1", 9, no_proxy=[httpserver.url_for("/")])
    assert http_get(httpserver.url_for("/direct"), session=network_session()).text == "direct"


def test_the_callers_own_proxy_choice_wins(httpserver):
    seen = []
    httpserver.expect_request("/x").respond_with_handler(
        lambda request: seen.append(request.url) or Response("ok"))
    never = ProxySettings(proxies={"http": "http://127.0.0.1:9", "https": "http://127.0.0.1:9"})
    session = QgisNetworkSession(proxy_source=lambda: never, ca_source=lambda base: None)
    proxy = httpserver.url_for("").rstrip("/")
    session.get("http://elsewhere.example/x", proxies={"http": proxy}, timeout=10)
    assert seen == ["http://elsewhere.example/x"]


# -- trusted CAs ---------------------------------------------------------------------------
def _certificate_authority_and_server(tmp_path):
    """A CA of its own and a certificate for 127.0.0.1 it signed (PEM files)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)

    def name(text):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(name("gpf test CA")).issuer_name(
        name("gpf test CA")).public_key(ca_key.public_key()).serial_number(
        x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False,
                                     False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    import ipaddress

    leaf = (x509.CertificateBuilder().subject_name(name("127.0.0.1")).issuer_name(
        ca.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        # Python 3.13+ verifies strictly (VERIFY_X509_STRICT): a leaf needs its issuer's key id.
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256()))
    ca_pem = ca.public_bytes(serialization.Encoding.PEM)
    server_pem = tmp_path / "server.pem"
    server_pem.write_bytes(leaf.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return ca_pem, server_pem


@pytest.fixture
def https_server(tmp_path):
    ca_pem, server_pem = _certificate_authority_and_server(tmp_path)

    class Hello(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Length", "5")
            self.end_headers()
            self.wfile.write(b"hello")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hello)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(server_pem))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}/", ca_pem
    server.shutdown()
    server.server_close()


def test_a_ca_added_to_qgis_auth_db_is_trusted(https_server, unlocked_auth_db, tmp_path):
    from qgis.PyQt.QtNetwork import QSslCertificate

    url, ca_pem = https_server
    with pytest.raises(requests.exceptions.SSLError):  # unknown to requests and to QGIS
        network_session().get(url, timeout=10)

    certificate = QSslCertificate(ca_pem)
    assert not certificate.isNull()
    assert unlocked_auth_db.storeCertAuthority(certificate)
    try:
        unlocked_auth_db.rebuildCaCertsCache()
        unlocked_auth_db.rebuildTrustedCaCertsCache()
        forget_qgis_network_settings()  # else read again within QGIS_RECHECK_S
        assert network_session().get(url, timeout=10).text == "hello"
        assert http_get(url, session=network_session()).text == "hello"
    finally:
        unlocked_auth_db.removeCertAuthority(certificate)
        unlocked_auth_db.rebuildCaCertsCache()
        unlocked_auth_db.rebuildTrustedCaCertsCache()
        forget_qgis_network_settings()
    with pytest.raises(requests.exceptions.SSLError):  # and no longer once QGIS drops it
        network_session().get(url, timeout=10)


# -- auth configurations -------------------------------------------------------------------
def test_a_qgis_auth_configuration_is_applied_to_a_plugin_request(httpserver, unlocked_auth_db):
    from qgis.core import QgsAuthMethodConfig

    config = QgsAuthMethodConfig("Basic")
    config.setName("network test")
    config.setConfig("username", "jo")
    config.setConfig("password", "secret")
    ok, stored = unlocked_auth_db.storeAuthenticationConfig(config)
    assert ok
    try:
        headers = []
        httpserver.expect_request("/caps").respond_with_handler(
            lambda request: headers.append(request.headers.get("Authorization")) or Response(
                "ok"))
        url, sent = auth_config_request(httpserver.url_for("/caps"), stored.id())
        assert url == httpserver.url_for("/caps")
        assert sent == {"Authorization": "Basic am86c2VjcmV0"}  # jo:secret
        assert http_get(httpserver.url_for("/caps"), authcfg=stored.id()).text == "ok"
        assert headers == ["Basic am86c2VjcmV0"]
    finally:
        unlocked_auth_db.removeAuthenticationConfig(stored.id())
