"""Every exception turned into one clear, translated line for the user.

``plugin/entrepot/errors.py`` stays free of Qt and carries a stable ``kind``; the text shown
is chosen here by that kind and translated (French in i18n/*.ts), followed by the HTTP status
and the platform's own words. Used by every user-facing path: the wizard, the services and
inspector docks (through ui/background.py), Processing and ``qgis_process``.
"""

from __future__ import annotations

import logging
from typing import Dict

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from .entrepot.errors import EntrepotError
from .i18n import tr

LOGGER = logging.getLogger(__name__)

# kind → English source text (translated at display time, under the "@default" context)
KIND_TEXTS: Dict[str, str] = {
    "error": QT_TRANSLATE_NOOP("@default", "The Géoplateforme refused the request"),
    "bad_request": QT_TRANSLATE_NOOP(
        "@default", "The Géoplateforme rejected the request as invalid"),
    "auth": QT_TRANSLATE_NOOP("@default", "Authentication with the Géoplateforme failed"),
    "unauthorized": QT_TRANSLATE_NOOP(
        "@default", "Not signed in to the Géoplateforme, or the session expired; sign in "
        "again"),
    "forbidden": QT_TRANSLATE_NOOP(
        "@default", "Your account has no right to do this on this datastore"),
    "token": QT_TRANSLATE_NOOP(
        "@default", "The Géoplateforme sign-in service refused the credentials: check the "
        "login, the password and the one-time code"),
    "not_found": QT_TRANSLATE_NOOP("@default", "The Géoplateforme does not know this resource"),
    "conflict": QT_TRANSLATE_NOOP(
        "@default", "The Géoplateforme refused because of a conflict (name taken or wrong "
        "state)"),
    "too_many_requests": QT_TRANSLATE_NOOP(
        "@default", "The Géoplateforme asks to slow down; try again in a moment"),
    "server_error": QT_TRANSLATE_NOOP(
        "@default", "The Géoplateforme had an internal error; try again later"),
    "connection_failed": QT_TRANSLATE_NOOP(
        "@default", "Could not reach the Géoplateforme (network, proxy or timeout); check "
        "the connection and try again"),
    "cancelled": QT_TRANSLATE_NOOP("@default", "Cancelled"),
}


def entrepot_error_text(error: EntrepotError) -> str:
    summary = tr(KIND_TEXTS.get(error.kind, KIND_TEXTS["error"]))
    status = f" (HTTP {error.status})" if error.status else ""
    words = " ".join(error.details)
    return f"{summary}{status}" + (f": {words}" if words else "") + "."


def user_error_text(error: BaseException) -> str:
    """One line for the user, whatever ``error`` is; never a traceback."""
    from .publish.errors import PublishError  # the workflow's own words, already translated

    if isinstance(error, EntrepotError):
        return entrepot_error_text(error)
    if isinstance(error, PublishError):
        cause = error.__cause__
        if isinstance(cause, EntrepotError) and not str(error):
            return entrepot_error_text(cause)
        return str(error)
    if getattr(error, "message_en", None) and getattr(error, "message_fr", None):
        from .publish.naming import default_language  # bilingual errors (capabilities, zoom)

        return error.message_fr if default_language() == "fr" else error.message_en
    if getattr(error, "user_facing", False):  # our own words (auth database, key store)
        return str(error)
    if isinstance(error, OSError):
        # a file the plugin writes (journal, GeoPackage copy): the reason, not the full path
        reason = error.strerror or type(error).__name__
        return tr("A local file could not be written or read: {reason}.").format(
            reason=reason)
    if isinstance(error, (ValueError, LookupError)) and str(error):
        return str(error)
    LOGGER.error("unexpected error shown to the user", exc_info=error)
    return tr("Unexpected error ({kind}): {message}. The QGIS log (Géoplateforme WMTS) "
              "has the details.").format(kind=type(error).__name__,
                                         message=str(error) or "-")
