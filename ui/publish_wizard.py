"""The publication wizard: the guide's steps as pages, from the data to the published WMTS."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QWizard

from ..plugin.entrepot.models import Datastore
from ..plugin.publish.waiting import FIRST_DELAY_S, MAX_DELAY_S
from . import session as session_module
from .pages.access import AccessPage
from .pages.metadata import MetadataPage
from .pages.publish import PublishPage
from .pages.pyramid import PyramidPage
from .pages.source import SourcePage
from .pages.style import StylePage
from .pages.wmsv import WmsvPage


class PublishWizard(QWizard):
    """Pages read each other through the wizard's small accessors below; the publication spec
    is built from all of them by ``publication()``."""

    published = pyqtSignal(object)  # PublishResult

    def __init__(self, iface=None, layer: Optional[QgsVectorLayer] = None,
                 session: session_module.Session = session_module.CURRENT, parent=None,
                 journal_dir: Optional[str] = None, group=None):
        super().__init__(parent if parent is not None else
                         (iface.mainWindow() if iface is not None else None))
        self.setObjectName("GpfPublishWizard")
        self.setWindowTitle(self.tr("Publish a WMTS on the Géoplateforme"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.iface = iface
        self.initial_layer = layer
        self.initial_group = group   # a QgsLayerTreeGroup: published as one map
        self.session = session
        self.journal_dir = journal_dir
        self.poll_first_s, self.poll_max_s = FIRST_DELAY_S, MAX_DELAY_S
        self.source_page = SourcePage(self)
        self.style_page = StylePage(self)
        self.wmsv_page = WmsvPage(self)
        self.pyramid_page = PyramidPage(self)
        self.metadata_page = MetadataPage(self)
        self.access_page = AccessPage(self)
        self.publish_page = PublishPage(self)
        for page in (self.source_page, self.style_page, self.wmsv_page, self.pyramid_page,
                     self.metadata_page, self.access_page, self.publish_page):
            self.addPage(page)
        self.publish_page.publishedResult.connect(self.published)
        # Back works on every page, but not while a run is under way (the run would go on
        # with settings the user is changing). Connected after QWizard's own slot, which
        # enables Back on every change.
        self.publish_page.completeChanged.connect(self._guard_back)
        self._carry_from = None   # (datastore, journal key) of a run refused for a name
        self.resize(760, 640)

    # -- what pages ask each other -----------------------------------------------------
    def source_layer(self) -> Optional[QgsVectorLayer]:
        layer = self.source_page.layer()
        return layer if isinstance(layer, QgsVectorLayer) else None

    def map_layers(self) -> list:
        """A map's layers, top of the layer tree first; [] when one layer is published."""
        return self.source_page.map_layers()

    def source_layers(self) -> list:
        """The layers to publish: a map's, or the one layer (none for a stored data)."""
        layer = self.source_layer()
        return self.map_layers() or ([layer] if layer is not None else [])

    def datasheet_name(self) -> str:
        return self.source_page.datasheetEdit.text().strip()

    def datastore(self) -> Optional[Datastore]:
        return self.session.datastore(self.source_page.datastore_id())

    def _details(self):
        datastore = self.datastore()
        return datastore.details if datastore is not None else {}

    def layer_name_prefix(self) -> Optional[str]:
        return self._details().get("configuration_layer_name_prefix") or None

    def metadata_prefix(self) -> Optional[str]:
        return self._details().get("metadata_file_identifier_prefix") or None

    def journal_resource_ids(self):
        """What this datasheet's journals hold (names they use are the user's own)."""
        from ..plugin.publish.journal import datasheet_resource_ids

        return datasheet_resource_ids(self.source_page.datastore_id(), self.datasheet_name(),
                                      self.journal_dir)

    def canvas(self):
        return self.iface.mapCanvas() if self.iface is not None else None

    def done(self, result: int) -> None:
        self.stop_looking()
        super().done(result)

    def stop_looking(self) -> None:
        """No name look-up starts (and none in flight is heard) once the wizard closes or a
        run starts; a page checks its name again when it is shown again."""
        for page in (self.source_page, self.wmsv_page, self.pyramid_page, self.metadata_page):
            page.name_watch.stop()

    def _guard_back(self) -> None:
        if self.currentPage() is self.publish_page and self.publish_page.state == "running":
            self.button(QWizard.WizardButton.BackButton).setEnabled(False)

    # -- a name refused by the platform ----------------------------------------------------
    def name_refused(self, error, step: str) -> bool:
        """A run stopped because a technical name is taken (plugin/publish/name_check.py):
        go back to the page where that name is typed and say why there; what was created
        stays in the journal and the next run resumes with the new name."""
        from ..plugin.publish.name_check import taken_field
        from . import pages

        found = taken_field(error, step, pages.language()) if error is not None else None
        if found is None:
            return False
        field, message = found
        page, key = {
            "wmsv_name": (self.wmsv_page, "wmsv_name"),
            "wmts_name": (self.metadata_page, "technical_name"),
            "pyramid_name": (self.pyramid_page, "pyramid_name"),
            "datasheet_name": (self.source_page, "datasheet"),
        }[field]
        spec = self.publish_page.task.spec
        self._carry_from = (spec.datastore_id, spec.journal_key)
        while self.currentPage() is not page and self.currentId() > 0:
            self.back()
        page.errors.show(key, [message])
        return True

    def carry_journal(self, spec) -> None:
        """After a name was refused, the journal follows the publication to its new name
        (the WMTS name is part of the journal's key)."""
        if self._carry_from is None:
            return
        from ..plugin.publish.reopen_survey import carry_journal

        datastore_id, old_key = self._carry_from
        if datastore_id == spec.datastore_id and old_key != spec.journal_key:
            carry_journal(datastore_id, old_key, spec.journal_key, self.journal_dir)
        self._carry_from = None

    # -- update in place -------------------------------------------------------------------
    def update_publication(self, decision) -> None:
        """The one way to Update (reopen table row 8): the published WMTS is changed in
        place by plugin/publish/update.py (same URL), with what ``decision.changed`` names
        (new data, style, levels, extent, metadata); the page follows the UpdateTask."""
        from ..plugin.entrepot.api import EntrepotApi
        from ..plugin.publish.journal import Journal
        from ..plugin.publish.update import UpdateTask, changes_between, request_for

        spec = self.publication(snapshot=True)
        journal = Journal.open(spec.datastore_id, spec.journal_key, self.journal_dir)
        changed = set(decision.changed)
        changes = changes_between(
            journal.snapshot().get("spec") or {}, spec, new_data="layer" in changed,
            new_style=bool({"layer_style", "layers_style"} & changed),
            new_metadata=bool({"metadata", "producer", "production_year"} & changed))
        client = self.session.client
        task = UpdateTask(lambda cancelled: EntrepotApi(client.with_cancel(cancelled)),
                          request_for(spec, journal, changes), journal_dir=self.journal_dir,
                          poll_first_s=self.poll_first_s, poll_max_s=self.poll_max_s)
        self.publish_page.run_task(task, on_updated=lambda result: self._updated(spec, result))

    def _updated(self, spec, result) -> None:
        """The journal learns the new settings; the page shows the service as published."""
        from ..plugin.entrepot.api import EntrepotApi
        from ..plugin.publish.reopen_survey import after_update
        from ..plugin.publish.workflow import Workflow

        after_update(spec.datastore_id, spec.journal_key, spec.summary(), self.journal_dir)
        published = Workflow(EntrepotApi(self.session.client), spec,
                             journal_dir=self.journal_dir).result()
        self.publish_page._on_published(published)

    # -- the publication ---------------------------------------------------------------
    def publication(self, snapshot: bool = False):
        """The Publication spec from every page. ``snapshot`` takes the layer's data and
        style (GUI thread) so the task never touches the QGIS layer."""
        from ..plugin.publish.spec import Publication
        from .pages.wmsv import split_keywords

        layer = self.source_layer()
        source, sources = None, ()
        if self.map_layers() and snapshot:
            from ..plugin.publish.map_source import sources_of

            sources = sources_of(self.map_layers())
        elif layer is not None and snapshot:
            from ..plugin.publish.layer_source import LayerSource

            source = LayerSource.from_layer(layer, self.source_page.selectedOnlyCheck.isChecked())
        metadata_page, pyramid = self.metadata_page, self.pyramid_page
        top, bottom = pyramid.levels()
        md = metadata_page.metadata()
        return Publication(
            datastore_id=self.source_page.datastore_id(),
            datasheet_name=self.datasheet_name(),
            wmsv_name=self.wmsv_page.wmsvNameEdit.text().strip(),
            wmts_name=metadata_page.wmts_name(),
            pyramid_name=pyramid.pyramidNameEdit.text().strip(),
            wmsv_title=self.wmsv_page.wmsvTitleEdit.text(),
            wmts_title=metadata_page.wmtsTitleEdit.text(),
            abstract=metadata_page.summaryEdit.toPlainText(),
            layer=source, layers=sources,
            **self.source_page.reuse_fields(),
            keywords=split_keywords(self.wmsv_page.keywordsEdit.text()),
            top_level=top, bottom_level=bottom,
            extent_wgs84=pyramid.extent_wgs84(),
            image_format=pyramid.image_format(),
            restricted=self.access_page.restricted(),
            metadata=md,
            metadata_identifier=metadata_page.identifierEdit.text().strip(),
            theme=", ".join(md.topic_categories),
            producer=md.organisation,
            attribution_title=md.attribution_text,
            attribution_url=md.attribution_url,
            licence=self.access_page.licenceEdit.text(),
            permission_end=self.access_page.end_date() if self.access_page.restricted() else "",
        )

    def new_task(self, spec=None):
        """A PublishTask (plugin/tasks.py) for the spec, on the connected session's client."""
        from ..plugin.entrepot.api import EntrepotApi
        from ..plugin.tasks import PublishTask

        spec = spec if spec is not None and spec.sources else self.publication(
            snapshot=True)
        client = self.session.client

        def api_factory(cancelled):
            return EntrepotApi(client.with_cancel(cancelled))

        return PublishTask(api_factory, spec, journal_dir=self.journal_dir,
                           poll_first_s=self.poll_first_s, poll_max_s=self.poll_max_s)
