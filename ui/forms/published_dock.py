"""The form of ui/published_dock.ui, compiled ahead by scripts/compile_forms.py (do not edit: edit the .ui and run the script)."""
# source: ui/published_dock.ui sha256 dddc0a3577bc35aa99962f9e8534a6f59a261b09edf3b7372e6d4433030d6d0b
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
        self.statusLabel = QtWidgets.QLabel(parent=self.contents)
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setObjectName("statusLabel")
        self.layout.addWidget(self.statusLabel)
        PublishedServicesDock.setWidget(self.contents)

        self.retranslateUi(PublishedServicesDock)
        QtCore.QMetaObject.connectSlotsByName(PublishedServicesDock)

    def retranslateUi(self, PublishedServicesDock):
        _translate = QtCore.QCoreApplication.translate
        PublishedServicesDock.setWindowTitle(_translate("PublishedServicesDock", "Published services"))
        self.refreshButton.setText(_translate("PublishedServicesDock", "Refresh"))
        self.servicesTree.headerItem().setText(0, _translate("PublishedServicesDock", "Datasheet / service"))
        self.servicesTree.headerItem().setText(1, _translate("PublishedServicesDock", "Type"))
        self.servicesTree.headerItem().setText(2, _translate("PublishedServicesDock", "Status"))
        self.servicesTree.headerItem().setText(3, _translate("PublishedServicesDock", "Access"))
        self.addButton.setText(_translate("PublishedServicesDock", "Add to map"))
        self.capabilitiesButton.setText(_translate("PublishedServicesDock", "Open capabilities"))
        self.unpublishButton.setText(_translate("PublishedServicesDock", "Unpublish…"))
        self.deleteButton.setText(_translate("PublishedServicesDock", "Delete…"))


SOURCE_SHA256 = "dddc0a3577bc35aa99962f9e8534a6f59a261b09edf3b7372e6d4433030d6d0b"
