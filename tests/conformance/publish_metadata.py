"""Run by the SDK's own interpreter (never imported by the tests): publish metadata records
through the SDK's Python API, ``Metadata.publish``, because its ``--publish-metadatas``
command-line flag is broken in 0.1.46.

Usage: python publish_metadata.py CONFIG_INI FILE_IDENTIFIER [FILE_IDENTIFIER …]
"""

import sys

from sdk_entrepot_gpf.io.Config import Config


def main(config_ini: str, identifiers: list) -> None:
    Config().read(config_ini)
    # Imported after the configuration is read: the SDK's classes read it when first used.
    from sdk_entrepot_gpf.store.Endpoint import Endpoint
    from sdk_entrepot_gpf.store.Metadata import Metadata

    datastore = Config().get_str("store_api", "datastore")
    endpoints = Endpoint.api_list({"type": "METADATA", "open": "True"}, datastore=datastore)
    if not endpoints:
        raise SystemExit("no open METADATA endpoint on the datastore")
    Metadata.publish(identifiers, endpoints[0].id, datastore=datastore)
    print(f"published {', '.join(identifiers)} on {endpoints[0]['technical_name']}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
