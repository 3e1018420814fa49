"""Small frozen views of the platform's replies, one module per resource family; ``raw`` keeps
the whole dict. Import them from here: the split into families is an internal matter."""

from .account import (
    ENDPOINT_TYPE_ALIASES,
    Account,
    Community,
    Datastore,
    Endpoint,
    User,
    looks_like_sandbox,
)
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
from .services import (
    Annex,
    Configuration,
    LayerRelation,
    Metadata,
    Offering,
    Permission,
    Static,
    UsedData,
    UserKey,
)

__all__ = [
    "ENDPOINT_TYPE_ALIASES",
    "Account",
    "Annex",
    "CheckExecution",
    "Checks",
    "Community",
    "Configuration",
    "Datastore",
    "Endpoint",
    "Execution",
    "LayerRelation",
    "Metadata",
    "Offering",
    "Permission",
    "Processing",
    "Static",
    "StoredData",
    "TreeEntry",
    "Upload",
    "UsedData",
    "User",
    "UserKey",
    "looks_like_sandbox",
    "tree_files",
]
