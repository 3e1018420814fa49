"""The form of ui/pages/style_page.ui, compiled ahead by scripts/compile_forms.py (do not edit: edit the .ui and run the script)."""
# source: ui/pages/style_page.ui sha256 0af7f7d4a9fff75e787aec6eb5199629e0af59a41398e88aa85a434a830008f7
# ruff: noqa

from qgis.PyQt import QtCore, QtGui, QtWidgets


class Ui_StylePage(object):
    def setupUi(self, StylePage):
        StylePage.setObjectName("StylePage")
        self.layout = QtWidgets.QVBoxLayout(StylePage)
        self.layout.setObjectName("layout")
        self.checkLayout = QtWidgets.QHBoxLayout()
        self.checkLayout.setObjectName("checkLayout")
        self.checkButton = QtWidgets.QPushButton(parent=StylePage)
        self.checkButton.setObjectName("checkButton")
        self.checkLayout.addWidget(self.checkButton)
        self.scoreLabel = QtWidgets.QLabel(parent=StylePage)
        self.scoreLabel.setWordWrap(True)
        self.scoreLabel.setObjectName("scoreLabel")
        self.checkLayout.addWidget(self.scoreLabel)
        self.layout.addLayout(self.checkLayout)
        self.findingsList = QtWidgets.QListWidget(parent=StylePage)
        self.findingsList.setWordWrap(True)
        self.findingsList.setObjectName("findingsList")
        self.layout.addWidget(self.findingsList)
        self.previewLayout = QtWidgets.QGridLayout()
        self.previewLayout.setObjectName("previewLayout")
        self.localCaption = QtWidgets.QLabel(parent=StylePage)
        self.localCaption.setObjectName("localCaption")
        self.previewLayout.addWidget(self.localCaption, 0, 0, 1, 1)
        self.sldCaption = QtWidgets.QLabel(parent=StylePage)
        self.sldCaption.setObjectName("sldCaption")
        self.previewLayout.addWidget(self.sldCaption, 0, 1, 1, 1)
        self.localPreview = QtWidgets.QLabel(parent=StylePage)
        self.localPreview.setMinimumSize(QtCore.QSize(220, 220))
        self.localPreview.setFrameShape(QtWidgets.QFrame.Shape.Box)
        self.localPreview.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.localPreview.setObjectName("localPreview")
        self.previewLayout.addWidget(self.localPreview, 1, 0, 1, 1)
        self.sldPreview = QtWidgets.QLabel(parent=StylePage)
        self.sldPreview.setMinimumSize(QtCore.QSize(220, 220))
        self.sldPreview.setFrameShape(QtWidgets.QFrame.Shape.Box)
        self.sldPreview.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.sldPreview.setObjectName("sldPreview")
        self.previewLayout.addWidget(self.sldPreview, 1, 1, 1, 1)
        self.layout.addLayout(self.previewLayout)

        self.retranslateUi(StylePage)
        QtCore.QMetaObject.connectSlotsByName(StylePage)

    def retranslateUi(self, StylePage):
        _translate = QtCore.QCoreApplication.translate
        StylePage.setTitle(_translate("StylePage", "Style"))
        StylePage.setSubTitle(_translate("StylePage", "The layer\'s QGIS style becomes an SLD 1.0.0 the platform accepts. Errors block the publication; warnings explain what will look different."))
        self.checkButton.setText(_translate("StylePage", "Check the style again"))
        self.scoreLabel.setText(_translate("StylePage", "Not checked yet."))
        self.localCaption.setText(_translate("StylePage", "QGIS rendering"))
        self.sldCaption.setText(_translate("StylePage", "Rendering with the exported SLD"))


SOURCE_SHA256 = "0af7f7d4a9fff75e787aec6eb5199629e0af59a41398e88aa85a434a830008f7"
