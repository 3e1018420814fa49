"""The form of ui/pages/publish_page.ui, compiled ahead by scripts/compile_forms.py (do not edit: edit the .ui and run the script)."""
# source: ui/pages/publish_page.ui sha256 cbddf63df1f3ca32c9d11b422e184ff4508887b6a345f3925ccda48adbdb00c6
# ruff: noqa

from qgis.PyQt import QtCore, QtGui, QtWidgets


class Ui_PublishPage(object):
    def setupUi(self, PublishPage):
        PublishPage.setObjectName("PublishPage")
        self.layout = QtWidgets.QVBoxLayout(PublishPage)
        self.layout.setObjectName("layout")
        self.summaryLabel = QtWidgets.QLabel(parent=PublishPage)
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setObjectName("summaryLabel")
        self.layout.addWidget(self.summaryLabel)
        self.stepsTree = QtWidgets.QTreeWidget(parent=PublishPage)
        self.stepsTree.setRootIsDecorated(False)
        self.stepsTree.setObjectName("stepsTree")
        self.layout.addWidget(self.stepsTree)
        self.progressBar = QtWidgets.QProgressBar(parent=PublishPage)
        self.progressBar.setProperty("value", 0)
        self.progressBar.setObjectName("progressBar")
        self.layout.addWidget(self.progressBar)
        self.elapsedLabel = QtWidgets.QLabel(parent=PublishPage)
        self.elapsedLabel.setObjectName("elapsedLabel")
        self.layout.addWidget(self.elapsedLabel)
        self.buttonsLayout = QtWidgets.QHBoxLayout()
        self.buttonsLayout.setObjectName("buttonsLayout")
        self.publishButton = QtWidgets.QPushButton(parent=PublishPage)
        self.publishButton.setObjectName("publishButton")
        self.buttonsLayout.addWidget(self.publishButton)
        self.resumeButton = QtWidgets.QPushButton(parent=PublishPage)
        self.resumeButton.setObjectName("resumeButton")
        self.buttonsLayout.addWidget(self.resumeButton)
        self.cancelButton = QtWidgets.QPushButton(parent=PublishPage)
        self.cancelButton.setObjectName("cancelButton")
        self.buttonsLayout.addWidget(self.cancelButton)
        spacerItem = QtWidgets.QSpacerItem(40, 20, QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Minimum)
        self.buttonsLayout.addItem(spacerItem)
        self.layout.addLayout(self.buttonsLayout)
        self.openInspectorCheck = QtWidgets.QCheckBox(parent=PublishPage)
        self.openInspectorCheck.setChecked(True)
        self.openInspectorCheck.setObjectName("openInspectorCheck")
        self.layout.addWidget(self.openInspectorCheck)
        self.resultLabel = QtWidgets.QLabel(parent=PublishPage)
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse|QtCore.Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.resultLabel.setOpenExternalLinks(True)
        self.resultLabel.setObjectName("resultLabel")
        self.layout.addWidget(self.resultLabel)
        self.logEdit = QtWidgets.QPlainTextEdit(parent=PublishPage)
        self.logEdit.setReadOnly(True)
        self.logEdit.setObjectName("logEdit")
        self.layout.addWidget(self.logEdit)

        self.retranslateUi(PublishPage)
        QtCore.QMetaObject.connectSlotsByName(PublishPage)

    def retranslateUi(self, PublishPage):
        _translate = QtCore.QCoreApplication.translate
        PublishPage.setTitle(_translate("PublishPage", "Publish"))
        PublishPage.setSubTitle(_translate("PublishPage", "Every step runs in the background; you can keep working in QGIS. A failed or cancelled publication can be resumed without creating anything twice."))
        self.stepsTree.headerItem().setText(0, _translate("PublishPage", "Step"))
        self.stepsTree.headerItem().setText(1, _translate("PublishPage", "State"))
        self.publishButton.setText(_translate("PublishPage", "Publish the service now"))
        self.resumeButton.setText(_translate("PublishPage", "Resume"))
        self.cancelButton.setText(_translate("PublishPage", "Cancel the publication"))
        self.openInspectorCheck.setText(_translate("PublishPage", "Add the WMTS to the map and open the zoom-level inspector when published"))


SOURCE_SHA256 = "cbddf63df1f3ca32c9d11b422e184ff4508887b6a345f3925ccda48adbdb00c6"
