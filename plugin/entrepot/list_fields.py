"""The fields asked with ``fields=`` on each list route.

The platform's list routes return a default subset of each item's fields (the published API
types: stored data lists leave out ``status``, ``tags``…; offerings ``endpoint``,
``configuration``, ``urls``…; configurations ``tags``…). Every list call therefore names each
field the plugin reads from a list item — whatever the server's default — so a reuse check,
a resume or the services dock never reads a field the platform did not send.
Detail-only fields (``type_infos``, ``extent``…) are never read from a list item: the code
asks for the entity itself. The other lists the plugin reads (statics, metadata, permissions,
keys, key accesses, annexes, executions) have no ``fields=`` parameter in the published types
and return their whole item; the plugin sends none there.
"""

from __future__ import annotations

# models.Upload reads these (reuse by name, resume); size and dates: the datasheet view.
UPLOADS = ("name", "description", "type", "srs", "status", "tags", "size", "creation")
# models.StoredData: reuse by datasheet (status, tags), resume by name/type, naming preflight;
# size and dates: the datasheet view.
STORED_DATA = ("name", "type", "status", "srs", "tags", "size", "creation")
# models.Configuration: resume by layer_name/type, naming preflight, the datasheet view (tags
# group the rows by datasheet; dates).
CONFIGURATIONS = ("name", "layer_name", "type", "status", "tags", "creation", "update")
# models.Offering: resume, the datasheet view (urls for Add to map / Capabilities; dates), undo.
OFFERINGS = ("open", "available", "layer_name", "type", "status", "endpoint", "configuration",
             "urls", "creation", "update")
# models.Processing: found by name.
PROCESSINGS = ("name", "description")
