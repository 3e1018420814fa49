"""One publication attempt of the soak, in its own process so that it can be SIGKILLed.

``bench/soak.py`` writes a job file (spec, sandbox URLs, journal folder, cancel step) and
runs this script, with ``GPF_KILL_AT`` naming a kill point when the attempt is to die there
(plugin/publish/kill_points.py). The password comes in ``GPF_SOAK_PASSWORD``, never on the
command line. The last line printed is ``SOAK-RESULT {json}``: the attempt's outcome.

    python bench/soak_child.py JOB.json
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any, Dict

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gpf_wmts_publisher.plugin.entrepot.auth import TokenProvider  # noqa: E402
from gpf_wmts_publisher.plugin.entrepot.errors import EntrepotError  # noqa: E402
from gpf_wmts_publisher.plugin.entrepot.secret import Secret  # noqa: E402
from gpf_wmts_publisher.plugin.publish.context import Timeouts  # noqa: E402
from gpf_wmts_publisher.plugin.publish.errors import (  # noqa: E402
    PublishCancelledError,
    PublishError,
)
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource  # noqa: E402
from gpf_wmts_publisher.plugin.publish.session import api_for  # noqa: E402
from gpf_wmts_publisher.plugin.publish.spec import Publication  # noqa: E402
from gpf_wmts_publisher.plugin.publish.workflow import (  # noqa: E402
    Workflow,
    publication_error_text,
)

RESULT = "SOAK-RESULT "
PASSWORD_ENV = "GPF_SOAK_PASSWORD"
# Bounded waits: a wedged platform must end a run, not the soak.
SOAK_TIMEOUTS = Timeouts(checks_s=120, integration_s=120, harvest_s=180, offering_s=120,
                         unpublish_s=60)


def spec_to_json(spec: Publication) -> Dict[str, Any]:
    return asdict(spec)


def spec_from_json(data: Dict[str, Any]) -> Publication:
    """Back from plain JSON values (lists become the tuples the dataclasses hold)."""
    values = dict(data)
    layer = values.pop("layer")
    if layer is not None:
        layer = LayerSource(**{k: tuple(v) if isinstance(v, list) else v
                               for k, v in layer.items()})
    for key in ("keywords", "extent_wgs84"):
        if isinstance(values.get(key), list):
            values[key] = tuple(values[key])
    return Publication(layer=layer, **values)


def is_clear(error: BaseException) -> bool:
    """An error the plugin shows in words: ours (PublishError) or the platform's."""
    if not isinstance(error, (EntrepotError, PublishError)):
        return False
    text = publication_error_text(error)
    return bool(text.strip()) and "Traceback" not in text


def attempt(job: Dict[str, Any]) -> Dict[str, str]:
    spec = spec_from_json(job["spec"])
    tokens = TokenProvider.password(job["token_url"], job["username"],
                                    Secret(os.environ[PASSWORD_ENV]))
    api = api_for(job["api_url"], tokens)
    holder: Dict[str, Workflow] = {}

    def cancel_in_step(percent, step, message):
        if job.get("cancel_step") and step == job["cancel_step"]:
            holder["workflow"].cancel()

    holder["workflow"] = Workflow(api, spec, journal_dir=job["journal_dir"],
                                  progress=cancel_in_step, timeouts=SOAK_TIMEOUTS,
                                  poll_first_s=0.05, poll_max_s=0.5)
    try:
        holder["workflow"].run()
        return {"outcome": "published", "message": ""}
    except PublishCancelledError:
        return {"outcome": "cancelled", "message": f"cancelled in {job.get('cancel_step')}"}
    except Exception as error:   # the soak's very question: was it said in words?
        if is_clear(error):
            return {"outcome": "clear error", "message": publication_error_text(error)[:300],
                    "processing": isinstance(error, PublishError)}
        return {"outcome": "unclear error", "message": f"{type(error).__name__}: {error}"[:300]}


def main(argv) -> int:
    job = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    result = attempt(job)
    print(RESULT + json.dumps(result, ensure_ascii=False), flush=True)
    # Leave without QGIS's exit sequence: the result is out, and a crash at exit would hide it.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
