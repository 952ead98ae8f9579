# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_complaint_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFrame, QLabel, QScrollArea, QSizePolicy,
    QVBoxLayout, QWidget)

from kina_desktop.gui.description_form import DescriptionForm

class Ui_NewComplaintDialog(object):
    def setupUi(self, NewComplaintDialog):
        if not NewComplaintDialog.objectName():
            NewComplaintDialog.setObjectName(u"NewComplaintDialog")
        NewComplaintDialog.resize(1040, 680)
        self.dialog_layout = QVBoxLayout(NewComplaintDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.intro = QLabel(NewComplaintDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.dialog_layout.addWidget(self.intro)

        self.scroll = QScrollArea(NewComplaintDialog)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.description_form = DescriptionForm()
        self.description_form.setObjectName(u"description_form")
        self.scroll.setWidget(self.description_form)

        self.dialog_layout.addWidget(self.scroll)

        self.message = QLabel(NewComplaintDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.dialog_layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(NewComplaintDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.buttons)


        self.retranslateUi(NewComplaintDialog)

        QMetaObject.connectSlotsByName(NewComplaintDialog)
    # setupUi

    def retranslateUi(self, NewComplaintDialog):
        NewComplaintDialog.setWindowTitle(QCoreApplication.translate("NewComplaintDialog", u"Nieuwe klacht registreren", None))
        self.intro.setText(QCoreApplication.translate("NewComplaintDialog", u"Registreer een klacht, informatievraag of anonieme melding. Het opvolgingsnummer wordt toegekend bij het registreren.", None))
    # retranslateUi

