"""The Géoplateforme entrepôt API client (pure ``requests``, no Qt).

Typical use (``platform`` is ``plugin.settings.PlatformUrls``)::

    tokens = password_tokens(platform, user, Secret(password), totp=code)
    api = connect(platform, tokens)          # QGIS's proxy when inside QGIS
    datastore_id = api.me().communities[0].datastore_id
    api = api.in_datastore(datastore_id)
"""

from .api import EntrepotApi, data_path, tag_filters
from .auth import DEFAULT_CLIENT_ID, StaticTokenProvider, Token, TokenProvider
from .client import EntrepotClient, parse_content_range, response_json
from .connect import connect, password_tokens
from .errors import (
    AuthError,
    BadRequest,
    Cancelled,
    Conflict,
    ConnectionFailed,
    EntrepotError,
    Forbidden,
    NotFound,
    ServerError,
    TokenError,
    TooManyRequests,
    Unauthorized,
)
from .models import (
    Annex,
    CheckExecution,
    Checks,
    Community,
    Configuration,
    Datastore,
    Endpoint,
    Execution,
    Metadata,
    Offering,
    Permission,
    Processing,
    Static,
    StoredData,
    TreeEntry,
    Upload,
    User,
    UserKey,
    tree_files,
)
from .multipart import MultipartBody, md5_of_file, md5sum_line
from .proxy import ProxySettings, qgis_proxy_settings
from .retry import RetryPolicy, parse_retry_after
from .secret import Secret
from .useragent import user_agent

__all__ = [
    "DEFAULT_CLIENT_ID",
    "Annex",
    "AuthError",
    "BadRequest",
    "Cancelled",
    "CheckExecution",
    "Checks",
    "Community",
    "Configuration",
    "Conflict",
    "ConnectionFailed",
    "Datastore",
    "Endpoint",
    "EntrepotApi",
    "EntrepotClient",
    "EntrepotError",
    "Execution",
    "Forbidden",
    "Metadata",
    "MultipartBody",
    "NotFound",
    "Offering",
    "Permission",
    "Processing",
    "ProxySettings",
    "RetryPolicy",
    "Secret",
    "ServerError",
    "Static",
    "StaticTokenProvider",
    "StoredData",
    "Token",
    "TokenError",
    "TokenProvider",
    "TooManyRequests",
    "TreeEntry",
    "Unauthorized",
    "Upload",
    "User",
    "UserKey",
    "connect",
    "data_path",
    "md5_of_file",
    "md5sum_line",
    "parse_content_range",
    "parse_retry_after",
    "password_tokens",
    "qgis_proxy_settings",
    "response_json",
    "tag_filters",
    "tree_files",
    "user_agent",
]
