"""Runs one level-range update in its own process (tests/e2e/test_update_killed.py kills it
at a named point with ``GPF_KILL_AT``, plugin/publish/kill_points.py).

Arguments: api_url token_url username password datastore_id wmts_configuration_id
journal_dir top bottom.
"""

from __future__ import annotations

import sys

from gpf_wmts_publisher.plugin.publish.session import password_api
from gpf_wmts_publisher.plugin.publish.update import UpdateChanges, UpdateRequest
from gpf_wmts_publisher.plugin.publish.update_workflow import UpdateWorkflow


def main(argv) -> int:
    api_url, token_url, user, password, ds, conf, journal_dir, top, bottom = argv
    api = password_api(api_url, token_url, user, password)
    request = UpdateRequest(ds, conf, UpdateChanges(top_level=int(top), bottom_level=int(bottom)))
    UpdateWorkflow(api, request, journal_dir=journal_dir, poll_first_s=0.05,
                   poll_max_s=0.5).run()
    print("updated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
