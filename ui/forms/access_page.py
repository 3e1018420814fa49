"""The form of ui/pages/access_page.ui, compiled ahead by scripts/compile_forms.py (do not edit: edit the .ui and run the script)."""
# source: ui/pages/access_page.ui sha256 50d0e4899cd4c320e671375549939357549dc5202aa5066f50b00d61953c45b1
# ruff: noqa

from qgis.PyQt import QtCore, QtGui, QtWidgets


class Ui_AccessPage(object):
    def setupUi(self, AccessPage):
        AccessPage.setObjectName("AccessPage")
        self.layout = QtWidgets.QVBoxLayout(AccessPage)
        self.layout.setObjectName("layout")
        self.publicRadio = QtWidgets.QRadioButton(parent=AccessPage)
        self.publicRadio.setChecked(True)
        self.publicRadio.setObjectName("publicRadio")
        self.layout.addWidget(self.publicRadio)
        self.restrictedRadio = QtWidgets.QRadioButton(parent=AccessPage)
        self.restrictedRadio.setObjectName("restrictedRadio")
        self.layout.addWidget(self.restrictedRadio)
        self.restrictionForm = QtWidgets.QFormLayout()
        self.restrictionForm.setObjectName("restrictionForm")
        self.endDateLabel = QtWidgets.QLabel(parent=AccessPage)
        self.endDateLabel.setObjectName("endDateLabel")
        self.restrictionForm.setWidget(0, QtWidgets.QFormLayout.ItemRole.LabelRole, self.endDateLabel)
        self.endDateEdit = QtWidgets.QDateEdit(parent=AccessPage)
        self.endDateEdit.setCalendarPopup(True)
        self.endDateEdit.setObjectName("endDateEdit")
        self.restrictionForm.setWidget(0, QtWidgets.QFormLayout.ItemRole.FieldRole, self.endDateEdit)
        self.licenceLabel = QtWidgets.QLabel(parent=AccessPage)
        self.licenceLabel.setObjectName("licenceLabel")
        self.restrictionForm.setWidget(1, QtWidgets.QFormLayout.ItemRole.LabelRole, self.licenceLabel)
        self.licenceEdit = QtWidgets.QLineEdit(parent=AccessPage)
        self.licenceEdit.setObjectName("licenceEdit")
        self.restrictionForm.setWidget(1, QtWidgets.QFormLayout.ItemRole.FieldRole, self.licenceEdit)
        self.layout.addLayout(self.restrictionForm)
        self.explanationLabel = QtWidgets.QLabel(parent=AccessPage)
        self.explanationLabel.setWordWrap(True)
        self.explanationLabel.setObjectName("explanationLabel")
        self.layout.addWidget(self.explanationLabel)
        spacerItem = QtWidgets.QSpacerItem(20, 40, QtWidgets.QSizePolicy.Policy.Minimum, QtWidgets.QSizePolicy.Policy.Expanding)
        self.layout.addItem(spacerItem)

        self.retranslateUi(AccessPage)
        QtCore.QMetaObject.connectSlotsByName(AccessPage)

    def retranslateUi(self, AccessPage):
        _translate = QtCore.QCoreApplication.translate
        AccessPage.setTitle(_translate("AccessPage", "Access restriction"))
        AccessPage.setSubTitle(_translate("AccessPage", "Who can use the WMTS."))
        self.publicRadio.setText(_translate("AccessPage", "Public (\"Tout public\")"))
        self.restrictedRadio.setText(_translate("AccessPage", "Restricted to my community (a key is needed to use the service)"))
        self.endDateLabel.setText(_translate("AccessPage", "Access until"))
        self.licenceLabel.setText(_translate("AccessPage", "Licence"))


SOURCE_SHA256 = "50d0e4899cd4c320e671375549939357549dc5202aa5066f50b00d61953c45b1"
