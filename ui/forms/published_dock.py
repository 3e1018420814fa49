"""The form of ui/published_dock.ui, compiled ahead by scripts/compile_forms.py (do not edit: edit the .ui and run the script)."""
# source: ui/published_dock.ui sha256 25b8386046575c217b1ed845d490e996ad97dea8cf8fa825f63e0f1f4229db26
# ruff: noqa

from qgis.PyQt import QtCore, QtGui, QtWidgets


class Ui_PublishedServicesDock(object):
    def setupUi(self, PublishedServicesDock):
        PublishedServicesDock.setObjectName("PublishedServicesDock")
        self.contents = QtWidgets.QWidget()
        self.contents.setObjectName("contents")
        self.layout = QtWidgets.QVBoxLayout(self.contents)
        self.layout.setObjectName("layout")
        self.topLayout = QtWidgets.QHBoxLayout()
        self.topLayout.setObjectName("topLayout")
        self.datastoreCombo = QtWidgets.QComboBox(parent=self.contents)
        self.datastoreCombo.setObjectName("datastoreCombo")
        self.topLayout.addWidget(self.datastoreCombo)
        self.refreshButton = QtWidgets.QPushButton(parent=self.contents)
        self.refreshButton.setObjectName("refreshButton")
        self.topLayout.addWidget(self.refreshButton)
        self.layout.addLayout(self.topLayout)
        self.servicesTree = QtWidgets.QTreeWidget(parent=self.contents)
        self.servicesTree.setObjectName("servicesTree")
        self.layout.addWidget(self.servicesTree)
        self.buttonsLayout = QtWidgets.QHBoxLayout()
        self.buttonsLayout.setObjectName("buttonsLayout")
        self.addButton = QtWidgets.QPushButton(parent=self.contents)
        self.addButton.setObjectName("addButton")
        self.buttonsLayout.addWidget(self.addButton)
        self.capabilitiesButton = QtWidgets.QPushButton(parent=self.contents)
        self.capabilitiesButton.setObjectName("capabilitiesButton")
        self.buttonsLayout.addWidget(self.capabilitiesButton)
        self.unpublishButton = QtWidgets.QPushButton(parent=self.contents)
        self.unpublishButton.setObjectName("unpublishButton")
        self.buttonsLayout.addWidget(self.unpublishButton)
        self.deleteButton = QtWidgets.QPushButton(parent=self.contents)
        self.deleteButton.setObjectName("deleteButton")
        self.buttonsLayout.addWidget(self.deleteButton)
        self.layout.addLayout(self.buttonsLayout)
        self.progressLayout = QtWidgets.QHBoxLayout()
        self.progressLayout.setObjectName("progressLayout")
        self.progressBar = QtWidgets.QProgressBar(parent=self.contents)
        self.progressBar.setVisible(False)
        self.progressBar.setProperty("value", 0)
        self.progressBar.setObjectName("progressBar")
        self.progressLayout.addWidget(self.progressBar)
        self.cancelButton = QtWidgets.QPushButton(parent=self.contents)
        self.cancelButton.setVisible(False)
        self.cancelButton.setObjectName("cancelButton")
        self.progressLayout.addWidget(self.cancelButton)
        self.layout.addLayout(self.progressLayout)
        self.statusLabel = QtWidgets.QLabel(parent=self.contents)
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setObjectName("statusLabel")
        self.layout.addWidget(self.statusLabel)
        PublishedServicesDock.setWidget(self.contents)

        self.retranslateUi(PublishedServicesDock)
        QtCore.QMetaObject.connectSlotsByName(PublishedServicesDock)

    def retranslateUi(self, PublishedServicesDock):
        _translate = QtCore.QCoreApplication.translate
        PublishedServicesDock.setWindowTitle(_translate("PublishedServicesDock", "Datasheets"))
        self.refreshButton.setText(_translate("PublishedServicesDock", "Refresh"))
        self.servicesTree.headerItem().setText(0, _translate("PublishedServicesDock", "Datasheet / resource"))
        self.servicesTree.headerItem().setText(1, _translate("PublishedServicesDock", "Type"))
        self.servicesTree.headerItem().setText(2, _translate("PublishedServicesDock", "Status"))
        self.servicesTree.headerItem().setText(3, _translate("PublishedServicesDock", "Details"))
        self.servicesTree.headerItem().setText(4, _translate("PublishedServicesDock", "Created"))
        self.addButton.setText(_translate("PublishedServicesDock", "Add to map"))
        self.capabilitiesButton.setText(_translate("PublishedServicesDock", "Open capabilities"))
        self.unpublishButton.setText(_translate("PublishedServicesDock", "Unpublish…"))
        self.deleteButton.setText(_translate("PublishedServicesDock", "Delete datasheet…"))
        self.cancelButton.setText(_translate("PublishedServicesDock", "Cancel"))


SOURCE_SHA256 = "25b8386046575c217b1ed845d490e996ad97dea8cf8fa825f63e0f1f4229db26"
