"""The technical names the plugin proposes, each behind a per-account prefix.

A layer name is unique on the whole platform: in a class where every trainee publishes the
same sample, names made from the layer alone collide at the first WMTS. So every proposed name
starts with the account's prefix — a plugin setting (``naming/account_prefix``), defaulting to
the login — then the layer's name: ``stagiaire01_communes_demo``, ``…_wmsv``, ``…_pyramide``,
``…_wmts``. The wizard and the Processing algorithms propose the same names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Optional

ACCOUNT_PREFIX_SETTING = "naming/account_prefix"
MAX_PREFIX_LENGTH = 30   # leaves room for the layer's name under the 100-character limit


def technical_slug(text: str) -> str:
    """A technical name from free text: ASCII letters, digits and '_', lower case, starting
    with a letter or '_' ("Forêts 2024" → "forets_2024", "2024" → "_2024")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Za-z0-9_]+", "_", ascii_text).strip("_").lower()
    return name if re.match(r"^[A-Za-z_]", name or "") else f"_{name}"


def account_prefix(stored: Optional[str] = "", login: str = "", email: str = "") -> str:
    """The prefix: the setting when the user set one, else the login, else the part of the
    e-mail before '@' (an OAuth2 sign-in tells the plugin no login). Empty when none is
    known; a slug, cut to ``MAX_PREFIX_LENGTH``."""
    for candidate in (stored or "", login or "", (email or "").split("@")[0]):
        if candidate.strip():
            return technical_slug(candidate.strip())[:MAX_PREFIX_LENGTH].rstrip("_")
    return ""


def prefixed(prefix: str, base: str) -> str:
    """``prefix_base``; ``base`` alone without prefix or when it already starts with it."""
    if not prefix or base == prefix or base.startswith(f"{prefix}_"):
        return base
    return f"{prefix}_{base}"


@dataclass(frozen=True)
class DefaultNames:
    datasheet: str
    wmsv: str
    pyramid: str
    wmts: str


def names_from_datasheet(datasheet: str) -> DefaultNames:
    """The service names the wizard's pages derive from the datasheet's name."""
    return DefaultNames(datasheet=datasheet, wmsv=f"{datasheet}_wmsv",
                        pyramid=f"{datasheet}_pyramide", wmts=f"{datasheet}_wmts")


def default_names(layer_name: str, prefix: str) -> DefaultNames:
    return names_from_datasheet(prefixed(prefix, technical_slug(layer_name)))


def stored_account_prefix(settings) -> str:
    """The setting's value (a PluginSettings), "" when the user set none."""
    return str(settings.value(ACCOUNT_PREFIX_SETTING, "") or "").strip()


def completed_names(datasheet: str, wmsv: str, pyramid: str, wmts: str, layer_name: str,
                    prefix: Callable[[], str]) -> DefaultNames:
    """The names given, the empty ones proposed as the wizard does; ``prefix`` is asked only
    when the datasheet's name is empty (it may need the platform)."""
    if not datasheet:
        datasheet = default_names(layer_name, prefix()).datasheet
    proposed = names_from_datasheet(datasheet)
    return DefaultNames(datasheet=datasheet, wmsv=wmsv or proposed.wmsv,
                        pyramid=pyramid or proposed.pyramid, wmts=wmts or proposed.wmts)
