"""A publication reads its exported GeoPackage once: the MD5 comes from the upload's pass."""

from __future__ import annotations

import builtins
import os


def test_a_publication_reads_and_hashes_the_exported_file_once(
        api, datastores, make_spec, workflow_for, monkeypatch):
    reads = []
    real_open = builtins.open

    def counting_open(file, mode="r", *args, **kwargs):
        # GDAL writes the export from C; every Python read of it is a hash pass.
        if isinstance(file, (str, os.PathLike)) and os.fspath(file).endswith(".gpkg") \
                and "r" in mode and "b" in mode:
            reads.append(os.fspath(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    spec = make_spec(datastores["sandbox"])
    workflow = workflow_for(spec)
    try:
        workflow.run()
        export = workflow.journal.get("export")
        assert reads == [export["path"]]
        assert len(export["md5"]) == 32
    finally:
        monkeypatch.setattr(builtins, "open", real_open)
        workflow.undo()
