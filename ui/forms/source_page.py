"""The form of ui/pages/source_page.ui, compiled ahead by scripts/compile_forms.py (do not edit: edit the .ui and run the script)."""
# source: ui/pages/source_page.ui sha256 5f4f60974c6d902c19cb2b911779afa73fc332d272dc102cdc348f241fdc2275
# ruff: noqa

from qgis.PyQt import QtCore, QtGui, QtWidgets


class Ui_SourcePage(object):
    def setupUi(self, SourcePage):
        SourcePage.setObjectName("SourcePage")
        self.form = QtWidgets.QFormLayout(SourcePage)
        self.form.setObjectName("form")
        self.connectionTitle = QtWidgets.QLabel(parent=SourcePage)
        self.connectionTitle.setObjectName("connectionTitle")
        self.form.setWidget(0, QtWidgets.QFormLayout.ItemRole.LabelRole, self.connectionTitle)
        self.connectionLayout = QtWidgets.QHBoxLayout()
        self.connectionLayout.setObjectName("connectionLayout")
        self.connectionLabel = QtWidgets.QLabel(parent=SourcePage)
        self.connectionLabel.setWordWrap(True)
        self.connectionLabel.setObjectName("connectionLabel")
        self.connectionLayout.addWidget(self.connectionLabel)
        self.loginButton = QtWidgets.QPushButton(parent=SourcePage)
        self.loginButton.setObjectName("loginButton")
        self.connectionLayout.addWidget(self.loginButton)
        self.form.setLayout(0, QtWidgets.QFormLayout.ItemRole.FieldRole, self.connectionLayout)
        self.datastoreLabel = QtWidgets.QLabel(parent=SourcePage)
        self.datastoreLabel.setObjectName("datastoreLabel")
        self.form.setWidget(1, QtWidgets.QFormLayout.ItemRole.LabelRole, self.datastoreLabel)
        self.datastoreCombo = QtWidgets.QComboBox(parent=SourcePage)
        self.datastoreCombo.setObjectName("datastoreCombo")
        self.form.setWidget(1, QtWidgets.QFormLayout.ItemRole.FieldRole, self.datastoreCombo)
        self.uploadRadio = QtWidgets.QRadioButton(parent=SourcePage)
        self.uploadRadio.setChecked(True)
        self.uploadRadio.setObjectName("uploadRadio")
        self.form.setWidget(2, QtWidgets.QFormLayout.ItemRole.SpanningRole, self.uploadRadio)
        self.layerLabel = QtWidgets.QLabel(parent=SourcePage)
        self.layerLabel.setObjectName("layerLabel")
        self.form.setWidget(3, QtWidgets.QFormLayout.ItemRole.LabelRole, self.layerLabel)
        self.layerCombo = QgsMapLayerComboBox(parent=SourcePage)
        self.layerCombo.setObjectName("layerCombo")
        self.form.setWidget(3, QtWidgets.QFormLayout.ItemRole.FieldRole, self.layerCombo)
        self.selectedOnlyCheck = QtWidgets.QCheckBox(parent=SourcePage)
        self.selectedOnlyCheck.setObjectName("selectedOnlyCheck")
        self.form.setWidget(4, QtWidgets.QFormLayout.ItemRole.FieldRole, self.selectedOnlyCheck)
        self.reuseRadio = QtWidgets.QRadioButton(parent=SourcePage)
        self.reuseRadio.setObjectName("reuseRadio")
        self.form.setWidget(5, QtWidgets.QFormLayout.ItemRole.SpanningRole, self.reuseRadio)
        self.storedDataLabel = QtWidgets.QLabel(parent=SourcePage)
        self.storedDataLabel.setObjectName("storedDataLabel")
        self.form.setWidget(6, QtWidgets.QFormLayout.ItemRole.LabelRole, self.storedDataLabel)
        self.storedDataCombo = QtWidgets.QComboBox(parent=SourcePage)
        self.storedDataCombo.setObjectName("storedDataCombo")
        self.form.setWidget(6, QtWidgets.QFormLayout.ItemRole.FieldRole, self.storedDataCombo)
        self.datasheetLabel = QtWidgets.QLabel(parent=SourcePage)
        self.datasheetLabel.setObjectName("datasheetLabel")
        self.form.setWidget(7, QtWidgets.QFormLayout.ItemRole.LabelRole, self.datasheetLabel)
        self.datasheetEdit = QtWidgets.QLineEdit(parent=SourcePage)
        self.datasheetEdit.setObjectName("datasheetEdit")
        self.form.setWidget(7, QtWidgets.QFormLayout.ItemRole.FieldRole, self.datasheetEdit)

        self.retranslateUi(SourcePage)
        QtCore.QMetaObject.connectSlotsByName(SourcePage)

    def retranslateUi(self, SourcePage):
        _translate = QtCore.QCoreApplication.translate
        SourcePage.setTitle(_translate("SourcePage", "Data to publish"))
        SourcePage.setSubTitle(_translate("SourcePage", "The layer whose data go to the Géoplateforme, or a stored data already there, and the datastore that receives them."))
        self.connectionTitle.setText(_translate("SourcePage", "Connection"))
        self.connectionLabel.setText(_translate("SourcePage", "Not connected."))
        self.loginButton.setText(_translate("SourcePage", "Connect…"))
        self.datastoreLabel.setText(_translate("SourcePage", "Datastore"))
        self.uploadRadio.setText(_translate("SourcePage", "Upload the data of a QGIS layer"))
        self.layerLabel.setText(_translate("SourcePage", "Layer"))
        self.selectedOnlyCheck.setText(_translate("SourcePage", "Selected features only"))
        self.reuseRadio.setText(_translate("SourcePage", "Reuse a vector stored data of the datastore"))
        self.storedDataLabel.setText(_translate("SourcePage", "Stored data"))
        self.datasheetLabel.setText(_translate("SourcePage", "Datasheet name"))
        self.datasheetEdit.setToolTip(_translate("SourcePage", "Groups everything of this publication on cartes.gouv.fr (the \"fiche de données\")."))
from qgis.gui import QgsMapLayerComboBox


SOURCE_SHA256 = "5f4f60974c6d902c19cb2b911779afa73fc332d272dc102cdc348f241fdc2275"
