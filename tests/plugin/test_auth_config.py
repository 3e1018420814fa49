"""Signing in with a QGIS authentication configuration: Basic (our password grant) or OAuth2
(QGIS's own OAuth2 method gives the bearer)."""

from __future__ import annotations

import logging

import pytest
from gpf_wmts_publisher.plugin.auth_config import (
    QgisOAuth2TokenProvider,
    auth_method,
    token_provider_for,
)
from gpf_wmts_publisher.plugin.entrepot.api import EntrepotApi
from gpf_wmts_publisher.plugin.entrepot.auth import TokenProvider
from gpf_wmts_publisher.plugin.entrepot.client import EntrepotClient
from gpf_wmts_publisher.plugin.entrepot.errors import TokenError
from gpf_wmts_publisher.plugin.settings import sandbox_urls
from gpf_wmts_publisher.ui import session as session_module

from tests.fixtures.auth import resource_owner_oauth2_config, store_oauth2_config


def test_a_basic_configuration_signs_in_with_the_password_grant(unlocked_auth_db, sandbox):
    urls = sandbox_urls(sandbox.base_url)
    config_id = session_module.store_basic_credentials("formateur", "formateur")
    assert auth_method(config_id) == "Basic"
    tokens = token_provider_for(config_id, urls.token_url, urls.client_id)
    assert isinstance(tokens, TokenProvider)
    assert EntrepotApi(EntrepotClient(urls.api_url, tokens)).me().raw["email"]


def test_qgis_oauth2_method_gives_the_bearer_and_nothing_leaks(unlocked_auth_db, sandbox,
                                                               caplog):
    urls = sandbox_urls(sandbox.base_url)
    config_id = resource_owner_oauth2_config(sandbox)
    tokens = token_provider_for(config_id, urls.token_url)
    assert isinstance(tokens, QgisOAuth2TokenProvider)
    with caplog.at_level(logging.DEBUG):
        me = EntrepotApi(EntrepotClient(urls.api_url, tokens)).me().raw
    assert me["email"]
    token = tokens.access_token().reveal()
    assert token.count(".") == 2  # a JWT from the sandbox's token endpoint
    assert token not in caplog.text and token not in repr(tokens)
    # After a 401 on the current token, QGIS's cached login is dropped and it signs in again.
    renewed = tokens.refresh_after_unauthorized(tokens.access_token())
    assert renewed.reveal()


def test_a_refused_oauth2_sign_in_is_a_clear_token_error(unlocked_auth_db, sandbox):
    realm = f"{sandbox.base_url}/realms/geoplateforme/protocol/openid-connect"
    config_id = store_oauth2_config({
        "grantFlow": 2, "tokenUrl": f"{realm}/token", "clientId": "gpf-warehouse",
        "username": "formateur", "password": "wrong", "requestTimeout": 5})
    with pytest.raises(TokenError) as raised:
        QgisOAuth2TokenProvider(config_id).access_token()
    assert "OAuth2" in str(raised.value)


def test_unknown_or_unsupported_configurations_are_refused(unlocked_auth_db):
    with pytest.raises(ValueError, match="does not exist"):
        auth_method("nosuch1")
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    config = QgsAuthMethodConfig("EsriToken")
    config.setName("esri")
    config.setConfig("token", "x")
    ok, stored = QgsApplication.authManager().storeAuthenticationConfig(config)
    assert ok
    with pytest.raises(ValueError, match=r"Basic .*or OAuth2"):
        token_provider_for(stored.id(), "http://127.0.0.1:1/token")
