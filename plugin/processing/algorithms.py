"""Processing algorithms: "Publish layer as WMTS", one per single step, and undo.

Thin by design: they read parameters, build a ``Publication`` and run the same ``Workflow``
as the wizard's task. The layer is snapshotted in ``prepareAlgorithm`` (the thread that owns
it); the network only runs in ``processAlgorithm``.
"""

from __future__ import annotations

import os
import threading
from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..error_messages import user_error_text
from ..i18n import tr
from ..publish.default_names import (
    DefaultNames,
    account_prefix,
    completed_names,
    stored_account_prefix,
)
from ..publish.errors import PublishCancelledError
from ..publish.layer_source import LayerSource
from ..publish.naming import default_language
from ..publish.reopen_survey import reconcile
from ..publish.spec import JPEG, PNG, Publication
from ..publish.steps import STEP_CLASSES
from ..publish.workflow import Workflow, publication_error_text
from ..pyramid.tile_limit import tile_stop_message
from ..settings import PluginSettings
from . import map_input
from .dry_run_output import run_dry_run
from .feedback import FeedbackCancel
from .help_texts import CONNECTION_HELP, STEP_LABELS
from .source_parameters import (
    add_source_parameters,
    datasheet_of_source,
    needs_layer,
    resolved_source,
    reused_extent,
)

FORMATS = [JPEG, PNG]
USERNAME_ENV, PASSWORD_ENV = "GPF_USERNAME", "GPF_PASSWORD"


class _PublicationAlgorithm(QgsProcessingAlgorithm):
    """Parameters and plumbing shared by every algorithm of the provider."""

    needs_layer = True

    def __init__(self):
        super().__init__()
        self._source: Optional[LayerSource] = None
        self._sources, self._map_name = (), ""   # a map: its layers, top first; its name
        self._login = ""   # the login when known (GPF_USERNAME): the default name prefix

    def group(self) -> str:
        return tr("Publication")

    def groupId(self) -> str:
        return "publication"

    def createInstance(self):
        return type(self)()

    # -- parameters -----------------------------------------------------------------------
    def _connection_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterString(
            "PLATFORM_URL", tr("Sandbox base URL (empty: the configured platform)"),
            optional=True))
        self.addParameter(QgsProcessingParameterAuthConfig(
            "AUTHCFG", tr("Authentication configuration (login/password or OAuth2)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "DATASTORE", tr("Datastore id (empty: your first community's)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "JOURNAL_DIR", tr("Journal folder (empty: beside the QGIS profile)"),
            behavior=QgsProcessingParameterFile.Folder, optional=True))

    def _publication_parameters(self) -> None:
        self.addParameter(map_input.input_parameter())
        self.addParameter(QgsProcessingParameterBoolean(
            "SELECTED_ONLY", tr("Selected features only"), defaultValue=False))
        add_source_parameters(self)
        self._name_parameters()
        for name, label, multiline in (
                ("WMSV_TITLE", tr("WMS-V title"), False),
                ("WMTS_TITLE", tr("WMTS title (service title)"), False),
                ("ABSTRACT", tr("Summary"), True)):
            self.addParameter(QgsProcessingParameterString(name, label, multiLine=multiline))
        self.addParameter(QgsProcessingParameterString(
            "KEYWORDS", tr("Keywords (comma separated)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "TOP", tr("Top level (least detailed, 0–21)"), QgsProcessingParameterNumber.Integer,
            defaultValue=4, minValue=0, maxValue=21))
        self.addParameter(QgsProcessingParameterNumber(
            "BOTTOM", tr("Bottom level (most detailed, 0–21)"),
            QgsProcessingParameterNumber.Integer, defaultValue=16, minValue=0, maxValue=21))
        self.addParameter(QgsProcessingParameterExtent(
            "EXTENT", tr("Harvest extent (empty: the layer's extent)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "FORMAT", tr("Tile format"), options=FORMATS, defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            "FORCE", tr("Harvest despite the zoom-level warnings (never beyond the platform's "
                        "tile cap)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            "RESTRICTED", tr("Restricted access (own datastore only)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterString(
            "PRODUCER", tr("Producer (organisation)"), optional=True))

    def _name_parameters(self) -> None:
        # Optional: empty names are proposed as the wizard does, behind the per-account
        # prefix (plugin/publish/default_names.py), so a class never collides.
        for name, label in (("DATASHEET", tr("Datasheet name (empty: <prefix>_<layer>)")),
                            ("WMSV_NAME", tr("WMS-V technical name (empty: <datasheet>_wmsv)")),
                            ("PYRAMID_NAME",
                             tr("Pyramid technical name (empty: <datasheet>_pyramide)")),
                            ("WMTS_NAME", tr("WMTS technical name (empty: <datasheet>_wmts)"))):
            self.addParameter(QgsProcessingParameterString(name, label, optional=True))

    def _outputs(self) -> None:
        self.addOutput(QgsProcessingOutputString("WMTS_LAYER_NAME", tr("WMTS layer name")))
        self.addOutput(QgsProcessingOutputString("CAPABILITIES_URL",
                                                 tr("WMTS capabilities URL")))
        self.addOutput(QgsProcessingOutputString("JOURNAL", tr("Journal file")))

    # -- running --------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback) -> Dict[str, Any]:
        """Every failure (platform down, wrong password, HTTP error, timeout, local file)
        reaches the user as one translated line, never as a Python traceback."""
        try:
            return self._process(parameters, context, feedback)
        except QgsProcessingException:
            raise
        except Exception as error:
            raise QgsProcessingException(user_error_text(error)) from error

    def _process(self, parameters, context, feedback) -> Dict[str, Any]:
        raise NotImplementedError

    def checkParameterValues(self, parameters, context):
        """A group's name is a valid INPUT: QGIS checks its layers instead, after ours."""
        problems = map_input.group_problems(parameters, context)
        return (False, problems) if problems else super().checkParameterValues(
            map_input.parameters_for_checks(parameters, context), context)

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """On the layer's thread: take the snapshot the worker thread will reopen."""
        def text(name: str) -> str:
            return self.parameterAsString(parameters, name, context).strip()

        if self.needs_layer and needs_layer(text):
            selected = self.parameterAsBoolean(parameters, "SELECTED_ONLY", context)
            self._source, self._sources, self._map_name = map_input.snapshot(
                self, parameters, context, selected)
        elif self.needs_layer:
            self._source = map_input.first_source(self, parameters, context)
        return True

    def _api(self, parameters, context, cancel: threading.Event):
        from ..publish.session import auth_config_api, password_api
        from ..settings import PluginSettings, sandbox_urls

        base = self.parameterAsString(parameters, "PLATFORM_URL", context)
        urls = sandbox_urls(base) if base else PluginSettings().platform()
        authcfg = self.parameterAsString(parameters, "AUTHCFG", context)
        self._login = ""
        if authcfg:
            try:
                return auth_config_api(urls.api_url, urls.token_url, authcfg,
                                       client_id=urls.client_id, cancelled=cancel.is_set)
            except ValueError as error:
                raise QgsProcessingException(str(error)) from error
        username, password = os.environ.get(USERNAME_ENV), os.environ.get(PASSWORD_ENV)
        self._login = username or ""
        if not username or not password:
            raise QgsProcessingException(tr(
                "No credentials: choose an authentication configuration, or set GPF_USERNAME "
                "and GPF_PASSWORD."))
        return password_api(urls.api_url, urls.token_url, username, password,
                            client_id=urls.client_id, cancelled=cancel.is_set)

    def _datastore(self, api, parameters, context) -> str:
        chosen = self.parameterAsString(parameters, "DATASTORE", context)
        if chosen:
            return chosen
        communities = api.me().communities
        if not communities:
            raise QgsProcessingException(tr("Your account belongs to no community."))
        return communities[0].datastore_id

    def _publication(self, api, parameters, context) -> Publication:
        text = lambda name: self.parameterAsString(parameters, name, context).strip()  # noqa: E731
        extent = None
        if parameters.get("EXTENT"):
            rect = self.parameterAsExtent(parameters, "EXTENT", context,
                                          QgsCoordinateReferenceSystem("EPSG:4326"))
            if not rect.isEmpty():
                extent = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
        keywords = tuple(k.strip() for k in text("KEYWORDS").split(",") if k.strip())
        datastore_id = self._datastore(api, parameters, context)
        reused = resolved_source(api.in_datastore(datastore_id), text)
        names = self._names(api, text, lambda: datasheet_of_source(
            api.in_datastore(datastore_id), reused))
        spec = Publication(
            datastore_id=datastore_id,
            datasheet_name=names.datasheet, wmsv_name=names.wmsv,
            wmts_name=names.wmts, pyramid_name=names.pyramid,
            wmsv_title=text("WMSV_TITLE"), wmts_title=text("WMTS_TITLE"),
            abstract=text("ABSTRACT"), layer=None if self._sources else self._source,
            layers=self._sources, keywords=keywords, **reused,
            top_level=self.parameterAsInt(parameters, "TOP", context),
            bottom_level=self.parameterAsInt(parameters, "BOTTOM", context),
            extent_wgs84=extent,
            image_format=FORMATS[self.parameterAsEnum(parameters, "FORMAT", context)],
            restricted=self.parameterAsBoolean(parameters, "RESTRICTED", context),
            producer=text("PRODUCER"))
        known = spec.effective_extent_wgs84 or reused_extent(api.in_datastore(datastore_id),
                                                             reused)
        self._check_tiles(spec, self.parameterAsBoolean(parameters, "FORCE", context), known)
        return spec

    @staticmethod
    def _check_tiles(spec: Publication, force: bool, bbox) -> None:
        """The wizard's tile advice as a stop: past a warning only with FORCE, never past the
        platform's tile cap (on the chosen extent, else the data's, also a reused one's)."""
        if spec.reuse_pyramid_id:   # nothing is harvested
            return
        features = sum(s.feature_count for s in spec.sources) if spec.sources else None
        message = tile_stop_message(spec.top_level, spec.bottom_level, bbox, features, force,
                                    default_language())
        if message:
            raise QgsProcessingException(message)

    def _names(self, api, text, source_datasheet) -> DefaultNames:
        """The names given, the empty ones proposed as the wizard does (the datasheet of a
        reused resource is its own)."""
        datasheet = text("DATASHEET") or ("" if self._source else source_datasheet())
        if not datasheet and self._source is None:
            raise QgsProcessingException(tr("DATASHEET is needed when no layer is given."))
        return completed_names(
            datasheet, text("WMSV_NAME"), text("PYRAMID_NAME"), text("WMTS_NAME"),
            self._map_name or (self._source.name if self._source else ""),
            lambda: account_prefix(stored_account_prefix(PluginSettings()), login=self._login,
                                   email="" if self._login else api.me().email))

    def _workflow(self, api, spec, parameters, context, feedback,
                  cancel: threading.Event) -> Workflow:
        journal_dir = self.parameterAsString(parameters, "JOURNAL_DIR", context) or None

        def progress(percent: float, step: str, message: str) -> None:
            feedback.setProgress(percent)
            feedback.setProgressText(f"{step}: {message}")

        return Workflow(api, spec, journal_dir=journal_dir, progress=progress,
                        cancel_event=cancel)

    def _run(self, workflow: Workflow, feedback, until: Optional[str]) -> Dict[str, Any]:
        try:
            result = reconcile(workflow).run(until=until)   # the wizard's reopen rules
        except PublishCancelledError as error:
            raise QgsProcessingException(tr(
                "Cancelled; run again to resume, or use “Undo a publication”.")) from error
        except Exception as error:  # the platform's own words, then its logs
            for line in getattr(error, "logs", [])[-30:]:
                feedback.reportError(line)
            raise QgsProcessingException(publication_error_text(error)) from error
        return {"WMTS_LAYER_NAME": result.wmts_layer_name,
                "CAPABILITIES_URL": result.capabilities_url, "JOURNAL": result.journal_path}


class PublishLayerAsWmts(_PublicationAlgorithm):
    """Every step, in order, resumable."""

    def name(self) -> str:
        return "publishwmts"

    def displayName(self) -> str:
        return tr("Publish layer as WMTS")

    def shortHelpString(self) -> str:
        return tr(
            "<p>Publishes a vector layer as a WMTS on the Géoplateforme, as the guide "
            "<i>Créer et publier un service WMTS</i> does by hand: upload (GeoPackage), "
            "integration, SLD style checked before upload, WMS-Vector, raster pyramid over "
            "the chosen zoom levels (TOP to BOTTOM on the PM grid), metadata, WMTS, access "
            "restriction and cartes.gouv.fr tags.</p>") + tr(
            "<p>As the guide, it can start from what exists (at most one of them): "
            "REUSE_STORED_DATA skips the upload, REUSE_WMSV harvests an existing WMS-V, "
            "REUSE_PYRAMID serves an existing pyramid (only the WMTS). With one of them the "
            "layer may stay empty, and an empty DATASHEET takes the reused resource's. A "
            "datasheet that has a metadata record keeps it: the new WMTS is added to "
            "it.</p>") + tr(CONNECTION_HELP)

    def initAlgorithm(self, config=None) -> None:
        self._connection_parameters()
        self._publication_parameters()
        self.addParameter(QgsProcessingParameterBoolean(
            "DRY_RUN", tr("Dry run: check everything, create nothing"), defaultValue=False))
        self._outputs()
        self.addOutput(QgsProcessingOutputString("DRY_RUN_REPORT", tr("Dry run report")))

    def _process(self, parameters, context, feedback) -> Dict[str, Any]:
        cancel = FeedbackCancel(feedback)
        api = self._api(parameters, context, cancel)
        spec = self._publication(api, parameters, context)
        if self.parameterAsBoolean(parameters, "DRY_RUN", context):
            journal_dir = self.parameterAsString(parameters, "JOURNAL_DIR", context) or None
            return run_dry_run(api, spec, journal_dir, feedback)
        workflow = self._workflow(api, spec, parameters, context, feedback, cancel)
        return self._run(workflow, feedback, until=None)


class PublicationStep(_PublicationAlgorithm):
    """Runs the publication up to one step (earlier steps not yet done run first)."""

    step_name = ""

    def name(self) -> str:
        return f"step_{self.step_name}"

    def displayName(self) -> str:
        return tr("Step {label}").format(label=tr(STEP_LABELS[self.step_name]))

    def group(self) -> str:
        return tr("Publication, step by step")

    def groupId(self) -> str:
        return "steps"

    def shortHelpString(self) -> str:
        return tr(
            "<p>Runs the publication up to this step and stops: “{label}”. Steps before it "
            "that are not finished yet run first; finished ones are skipped (read from the "
            "journal). Use the same names in every step so they form one publication.</p>"
        ).format(label=tr(STEP_LABELS[self.step_name])) + tr(CONNECTION_HELP)

    def initAlgorithm(self, config=None) -> None:
        self._connection_parameters()
        self._publication_parameters()
        self._outputs()

    def _process(self, parameters, context, feedback) -> Dict[str, Any]:
        cancel = FeedbackCancel(feedback)
        api = self._api(parameters, context, cancel)
        spec = self._publication(api, parameters, context)
        workflow = self._workflow(api, spec, parameters, context, feedback, cancel)
        return self._run(workflow, feedback, until=self.step_name)


def _step_algorithm(step_name: str) -> type:
    return type(f"PublicationStep_{step_name}", (PublicationStep,), {"step_name": step_name})


def all_algorithms() -> List[QgsProcessingAlgorithm]:
    from .undo_algorithm import UndoPublication  # it builds on _PublicationAlgorithm

    algorithms: List[QgsProcessingAlgorithm] = [PublishLayerAsWmts(), UndoPublication()]
    algorithms += [_step_algorithm(cls.name)() for cls in STEP_CLASSES]
    return algorithms
