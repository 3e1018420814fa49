"""Small frozen views of the platform's replies, one module per resource family; ``raw`` keeps
the whole dict. Import them from here: the split into families is an internal matter."""

from .account import ENDPOINT_TYPE_ALIASES, Community, Datastore, Endpoint, User
from .processing import (
    CheckExecution,
    Checks,
    Execution,
    Processing,
    StoredData,
    TreeEntry,
    Upload,
    tree_files,
)
from .services import Annex, Configuration, Metadata, Offering, Permission, Static, UserKey

__all__ = [
    "ENDPOINT_TYPE_ALIASES",
    "Annex",
    "CheckExecution",
    "Checks",
    "Community",
    "Configuration",
    "Datastore",
    "Endpoint",
    "Execution",
    "Metadata",
    "Offering",
    "Permission",
    "Processing",
    "Static",
    "StoredData",
    "TreeEntry",
    "Upload",
    "User",
    "UserKey",
    "tree_files",
]
