"""The form of ui/pages/wmsv_page.ui, compiled ahead by scripts/compile_forms.py (do not edit: edit the .ui and run the script)."""
# source: ui/pages/wmsv_page.ui sha256 1193635b07695688dad5ad6e3aff340f1a75a4ee03a1c90289cb59fdc96c8e66
# ruff: noqa

from qgis.PyQt import QtCore, QtGui, QtWidgets


class Ui_WmsvPage(object):
    def setupUi(self, WmsvPage):
        WmsvPage.setObjectName("WmsvPage")
        self.form = QtWidgets.QFormLayout(WmsvPage)
        self.form.setObjectName("form")
        self.wmsvNameLabel = QtWidgets.QLabel(parent=WmsvPage)
        self.wmsvNameLabel.setObjectName("wmsvNameLabel")
        self.form.setWidget(0, QtWidgets.QFormLayout.ItemRole.LabelRole, self.wmsvNameLabel)
        self.wmsvNameEdit = QtWidgets.QLineEdit(parent=WmsvPage)
        self.wmsvNameEdit.setObjectName("wmsvNameEdit")
        self.form.setWidget(0, QtWidgets.QFormLayout.ItemRole.FieldRole, self.wmsvNameEdit)
        self.wmsvTitleLabel = QtWidgets.QLabel(parent=WmsvPage)
        self.wmsvTitleLabel.setObjectName("wmsvTitleLabel")
        self.form.setWidget(1, QtWidgets.QFormLayout.ItemRole.LabelRole, self.wmsvTitleLabel)
        self.wmsvTitleEdit = QtWidgets.QLineEdit(parent=WmsvPage)
        self.wmsvTitleEdit.setObjectName("wmsvTitleEdit")
        self.form.setWidget(1, QtWidgets.QFormLayout.ItemRole.FieldRole, self.wmsvTitleEdit)
        self.abstractLabel = QtWidgets.QLabel(parent=WmsvPage)
        self.abstractLabel.setObjectName("abstractLabel")
        self.form.setWidget(2, QtWidgets.QFormLayout.ItemRole.LabelRole, self.abstractLabel)
        self.abstractEdit = QtWidgets.QPlainTextEdit(parent=WmsvPage)
        self.abstractEdit.setMaximumSize(QtCore.QSize(16777215, 90))
        self.abstractEdit.setObjectName("abstractEdit")
        self.form.setWidget(2, QtWidgets.QFormLayout.ItemRole.FieldRole, self.abstractEdit)
        self.keywordsLabel = QtWidgets.QLabel(parent=WmsvPage)
        self.keywordsLabel.setObjectName("keywordsLabel")
        self.form.setWidget(3, QtWidgets.QFormLayout.ItemRole.LabelRole, self.keywordsLabel)
        self.keywordsEdit = QtWidgets.QLineEdit(parent=WmsvPage)
        self.keywordsEdit.setObjectName("keywordsEdit")
        self.form.setWidget(3, QtWidgets.QFormLayout.ItemRole.FieldRole, self.keywordsEdit)

        self.retranslateUi(WmsvPage)
        QtCore.QMetaObject.connectSlotsByName(WmsvPage)

    def retranslateUi(self, WmsvPage):
        _translate = QtCore.QCoreApplication.translate
        WmsvPage.setTitle(_translate("WmsvPage", "WMS-Vector service"))
        WmsvPage.setSubTitle(_translate("WmsvPage", "The WMS-V renders the data with the style; the raster pyramid is harvested from it."))
        self.wmsvNameLabel.setText(_translate("WmsvPage", "Technical name"))
        self.wmsvTitleLabel.setText(_translate("WmsvPage", "Title"))
        self.abstractLabel.setText(_translate("WmsvPage", "Summary"))
        self.keywordsLabel.setText(_translate("WmsvPage", "Keywords"))
        self.keywordsEdit.setPlaceholderText(_translate("WmsvPage", "comma separated"))


SOURCE_SHA256 = "1193635b07695688dad5ad6e3aff340f1a75a4ee03a1c90289cb59fdc96c8e66"
