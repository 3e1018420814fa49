"""Page 5: the WMTS's technical name and the metadata the guide asks for ("Décrire la
ressource" and the complementary information), prefilled from the layer's QGIS metadata, with
ISO 19139 import and validation messages next to the fields."""

from __future__ import annotations

import datetime

from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QFileDialog, QWizardPage

from ...plugin.code_labels import frequency_label, resource_type_label, topic_label
from ...plugin.metadata.codelists import (
    CHARSETS,
    LANGUAGE_NAMES,
    RESOURCE_TYPES,
    TOPIC_CATEGORIES,
    UPDATE_FREQUENCIES,
)
from ...plugin.metadata.model import ServiceMetadata
from ..field_errors import FieldErrors
from . import language, load_form
from .wmsv import split_keywords

FORM = load_form("metadata_page")

FIELD_WIDGETS = {  # ServiceMetadata field → widget attribute
    "technical_name": "wmtsNameEdit", "public_title": "publicTitleEdit",
    "service_title": "wmtsTitleEdit", "abstract": "summaryEdit",
    "file_identifier": "identifierEdit", "contact_email": "emailEdit",
    "organisation": "organisationEdit", "organisation_email": "organisationEmailEdit",
    "creation_date": "creationDateEdit", "keywords": "keywordsEdit",
    "topic_categories": "topicCombo", "update_frequency": "frequencyCombo",
    "lineage": "lineageEdit", "resource_type": "resourceTypeCombo",
    "language": "languageCombo", "charset": "charsetCombo", "crs": "crsEdit",
    "resolution": "resolutionEdit", "attribution_text": "attributionTextEdit",
    "attribution_url": "attributionUrlEdit",
}


# What stays the user's to type when the datasheet's record is reused: the new WMTS's own.
EDITABLE_WITH_EXISTING_RECORD = ("technical_name", "service_title")


def _select(combo, value) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class MetadataPage(QWizardPage, FORM):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        # The user reads a label in their language; the ISO code is the item's data.
        for code in TOPIC_CATEGORIES:
            self.topicCombo.addItem(topic_label(code), code)
        for code in UPDATE_FREQUENCIES:
            self.frequencyCombo.addItem(frequency_label(code), code)
        for code in RESOURCE_TYPES:
            self.resourceTypeCombo.addItem(resource_type_label(code), code)
        for code, name in LANGUAGE_NAMES.items():
            self.languageCombo.addItem(name, code)
        for code in CHARSETS:
            self.charsetCombo.addItem(code, code)
        self.creationDateEdit.setDate(QDate.currentDate())
        self.errors = FieldErrors(self.form, {name: getattr(self, attribute)
                                              for name, attribute in FIELD_WIDGETS.items()})
        self.importButton.clicked.connect(self._choose_import_file)
        self._prefilled_for = None
        self.existing_record = False   # the datasheet's record is shown, kept, not asked
        from ..name_watch import NameWatch

        self.name_watch = NameWatch(self, "wmts_name", self.wmtsNameEdit, "technical_name")

    # -- prefill -----------------------------------------------------------------------
    def initializePage(self) -> None:
        self.name_watch.soon()   # the proposed name too, once the page has filled it
        wizard = self.wizard()
        key = (wizard.datasheet_name(), id(wizard.source_layer()))
        if key == self._prefilled_for:
            return
        self._prefilled_for = key
        self._show_existing_record(False)
        layer = wizard.source_layer()
        if layer is not None:
            from ...plugin.metadata.qgis_adapter import from_layer_metadata

            metadata = from_layer_metadata(layer.metadata(), layer)
        else:
            metadata = ServiceMetadata()
        base = wizard.datasheet_name()
        wmsv = wizard.wmsv_page
        metadata = metadata.replace(
            technical_name=f"{base}_wmts",
            public_title=metadata.public_title or wmsv.wmsvTitleEdit.text(),
            service_title=metadata.service_title or wmsv.wmsvTitleEdit.text(),
            abstract=metadata.abstract or wmsv.abstractEdit.toPlainText(),
            file_identifier=metadata.file_identifier or f"{base}_wmts",
            keywords=metadata.keywords or list(split_keywords(wmsv.keywordsEdit.text())),
        )
        from ...plugin.metadata.remembered import form_metadata, recall
        from ...plugin.settings import PluginSettings

        # a new datasheet: what earlier runs remembered fills what is still empty; the
        # datasheet's own record, if the platform has one, replaces it all once read
        self.fill(form_metadata(metadata, recall(PluginSettings())))
        self._look_up_existing_record(key)

    def _look_up_existing_record(self, key) -> None:
        wizard = self.wizard()
        session, datastore = wizard.session, wizard.datastore()
        if session is None or not session.connected or datastore is None or not key[0]:
            return
        client, datastore_id, datasheet = session.client, datastore.id, key[0]

        def look_up(_task):
            from ...plugin.entrepot.api import EntrepotApi
            from ...plugin.metadata.remembered import existing_datasheet_metadata

            return existing_datasheet_metadata(EntrepotApi(client, datastore_id), datasheet)

        def found(existing) -> None:
            if existing is None or self._prefilled_for != key:
                return  # a new datasheet, or the user chose another one meanwhile
            self.fill(existing.replace(technical_name=self.wmts_name()))
            self._show_existing_record(True)
            self.importLabel.setText(self.tr(
                "The datasheet \"{0}\" already has its metadata: they are kept as they are "
                "and the new WMTS is added to them. Only the WMTS's name and title are asked "
                "here.").format(datasheet))

        from ..background import run_in_task

        self._existing_task = run_in_task(self.tr("Reading the datasheet's metadata"),
                                          look_up, found)

    def _show_existing_record(self, existing: bool) -> None:
        """The datasheet's record is reused ("à remplir uniquement pour le premier service
        de votre fiche"): its fields are shown read-only; the WMTS's own stay editable."""
        self.existing_record = existing
        self.importButton.setEnabled(not existing)
        for name, attribute in FIELD_WIDGETS.items():
            if name in EDITABLE_WITH_EXISTING_RECORD or attribute == "crsEdit":
                continue
            widget = getattr(self, attribute)
            if hasattr(widget, "setReadOnly"):
                widget.setReadOnly(existing)
            else:
                widget.setEnabled(not existing)

    def fill(self, md: ServiceMetadata) -> None:
        """Puts a ServiceMetadata in the form (technical name and identifier without the
        datastore's prefixes: the publication adds them)."""
        wizard = self.wizard()
        self.wmtsNameEdit.setText(_strip_prefix(md.technical_name, wizard.layer_name_prefix()))
        self.publicTitleEdit.setText(md.public_title)
        self.wmtsTitleEdit.setText(md.service_title)
        self.summaryEdit.setPlainText(md.abstract)
        self.identifierEdit.setText(_strip_prefix(md.file_identifier,
                                                  wizard.metadata_prefix()))
        self.emailEdit.setText(md.contact_email)
        self.organisationEdit.setText(md.organisation)
        self.organisationEmailEdit.setText(md.organisation_email or md.contact_email)
        if md.creation_date:
            self.creationDateEdit.setDate(QDate(md.creation_date.year, md.creation_date.month,
                                                md.creation_date.day))
        self.keywordsEdit.setText(", ".join(md.keywords))
        if md.topic_categories:
            _select(self.topicCombo, md.topic_categories[0])
        _select(self.frequencyCombo, md.update_frequency)
        self.lineageEdit.setPlainText(md.lineage)
        _select(self.resourceTypeCombo, md.resource_type)
        _select(self.languageCombo, md.language)
        _select(self.charsetCombo, md.charset)
        self.resolutionEdit.setText(str(md.resolution) if md.resolution else "")
        self.attributionTextEdit.setText(md.attribution_text)
        self.attributionUrlEdit.setText(md.attribution_url)
        self._imported_extra = md

    # -- import ------------------------------------------------------------------------
    def _choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import ISO 19139 metadata"), "",
                                              self.tr("XML files (*.xml)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        from ...plugin.metadata.iso19139_reader import MetadataImportError, from_iso19139

        try:
            with open(path, "rb") as handle:
                metadata = from_iso19139(handle.read())
        except (OSError, MetadataImportError) as error:
            self.importLabel.setText(self.tr("Import failed: {0}").format(error))
            return False
        if not metadata.technical_name:
            metadata = metadata.replace(technical_name=self.wmtsNameEdit.text())
        self.fill(metadata)
        self.importLabel.setText(self.tr("Imported from {0}.").format(path))
        return True

    # -- read back ---------------------------------------------------------------------
    def wmts_name(self) -> str:
        return self.wmtsNameEdit.text().strip()

    def metadata(self, *, with_prefixes: bool = True) -> ServiceMetadata:
        from ...plugin.publish.naming import prefixed

        wizard = self.wizard()
        name, identifier = self.wmts_name(), self.identifierEdit.text().strip()
        if with_prefixes:
            name = prefixed(name, wizard.layer_name_prefix()) if name else name
            identifier = prefixed(identifier, wizard.metadata_prefix()) if identifier else ""
        resolution = self.resolutionEdit.text().strip()
        date = self.creationDateEdit.date()
        base = getattr(self, "_imported_extra", None) or ServiceMetadata()
        return base.replace(
            technical_name=name, public_title=self.publicTitleEdit.text(),
            service_title=self.wmtsTitleEdit.text(), abstract=self.summaryEdit.toPlainText(),
            file_identifier=identifier, contact_email=self.emailEdit.text().strip(),
            organisation=self.organisationEdit.text(),
            organisation_email=self.organisationEmailEdit.text().strip(),
            creation_date=datetime.date(date.year(), date.month(), date.day()),
            keywords=list(split_keywords(self.keywordsEdit.text())),
            topic_categories=[self.topicCombo.currentData()],
            update_frequency=self.frequencyCombo.currentData(),
            lineage=self.lineageEdit.toPlainText(),
            resource_type=self.resourceTypeCombo.currentData(),
            language=self.languageCombo.currentData(), charset=self.charsetCombo.currentData(),
            crs=self.crsEdit.text(),
            resolution=int(resolution) if resolution.isdigit() else None,
            attribution_text=self.attributionTextEdit.text(),
            attribution_url=self.attributionUrlEdit.text().strip(),
        )

    # -- validation --------------------------------------------------------------------
    def problems(self):
        from ...plugin.metadata.validation import validate
        from ...plugin.publish.naming import check_technical_name

        lang = language()
        wizard = self.wizard()
        found = {}
        resolution = self.resolutionEdit.text().strip()
        if resolution and not resolution.isdigit():
            found["resolution"] = [self.tr("Enter a scale denominator, e.g. 25000.")]
        names = check_technical_name(self.wmts_name(), "wmts_name", wizard.layer_name_prefix())
        if self.wmts_name() and self.wmts_name() == wizard.wmsv_page.wmsvNameEdit.text():
            from ...plugin.publish.naming import Problem

            names.append(Problem("same_names", "wmts_name", {"value": self.wmts_name()}))
        if names:
            found["technical_name"] = [p.message(lang) for p in names]
        elif self.name_watch.refusal():
            found["technical_name"] = [self.name_watch.refusal()]
        for error in validate(self.metadata(),
                              layer_name_prefix=wizard.layer_name_prefix() or "",
                              file_identifier_prefix=wizard.metadata_prefix() or ""):
            target = error.field if error.field in FIELD_WIDGETS else "technical_name"
            if self.existing_record and target not in EDITABLE_WITH_EXISTING_RECORD:
                continue   # the platform's record, kept as it is: not the user's to fix here
            if target == "technical_name" and "technical_name" in found:
                continue  # the naming rules already said it, in the same words
            found.setdefault(target, []).append(error.message(lang))
        return found

    def validatePage(self) -> bool:
        if not self.errors.show_all(self.problems()):
            return False
        if self.existing_record:
            return True   # the datasheet's record is not what to remember for new ones
        from ...plugin.metadata.remembered import remember
        from ...plugin.settings import PluginSettings

        remember(PluginSettings(), self.metadata(with_prefixes=False))  # for the next runs
        return True


def _strip_prefix(name: str, prefix) -> str:
    if prefix and name.startswith(prefix + "."):
        return name[len(prefix) + 1:]
    return name
