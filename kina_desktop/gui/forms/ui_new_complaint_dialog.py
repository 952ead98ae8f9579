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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFrame, QGroupBox, QHeaderView,
    QLabel, QScrollArea, QSizePolicy, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

from kina_desktop.gui.case.description_form import DescriptionForm

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

        self.confirmation_letter = QCheckBox(NewComplaintDialog)
        self.confirmation_letter.setObjectName(u"confirmation_letter")
        self.confirmation_letter.setChecked(True)

        self.dialog_layout.addWidget(self.confirmation_letter)

        self.known_group = QGroupBox(NewComplaintDialog)
        self.known_group.setObjectName(u"known_group")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.known_group.sizePolicy().hasHeightForWidth())
        self.known_group.setSizePolicy(sizePolicy)
        self.known_layout = QVBoxLayout(self.known_group)
        self.known_layout.setObjectName(u"known_layout")
        self.known_summary = QLabel(self.known_group)
        self.known_summary.setObjectName(u"known_summary")
        self.known_summary.setWordWrap(True)

        self.known_layout.addWidget(self.known_summary)

        self.known_cases = QTreeWidget(self.known_group)
        self.known_cases.setObjectName(u"known_cases")
        self.known_cases.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.known_cases.setRootIsDecorated(False)
        self.known_cases.setUniformRowHeights(True)
        self.known_cases.setMaximumSize(QSize(16777215, 120))

        self.known_layout.addWidget(self.known_cases)

        self.known_proposal = QLabel(self.known_group)
        self.known_proposal.setObjectName(u"known_proposal")
        self.known_proposal.setWordWrap(True)

        self.known_layout.addWidget(self.known_proposal)


        self.dialog_layout.addWidget(self.known_group)

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
        NewComplaintDialog.setWindowTitle(QCoreApplication.translate("NewComplaintDialog", u"Nieuwe registratie", None))
        self.intro.setText(QCoreApplication.translate("NewComplaintDialog", u"Registreer een klacht, informatievraag of anonieme melding. Het opvolgingsnummer wordt toegekend bij het registreren.", None))
        self.confirmation_letter.setText(QCoreApplication.translate("NewComplaintDialog", u"Meteen de vraag om schriftelijke bevestiging maken en in de klachtenmap bewaren (Art. 3)", None))
        self.known_group.setTitle(QCoreApplication.translate("NewComplaintDialog", u"Gekende klager", None))
        ___qtreewidgetitem = self.known_cases.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("NewComplaintDialog", u"Status", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("NewComplaintDialog", u"Onderwerp", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("NewComplaintDialog", u"Ontvangen", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("NewComplaintDialog", u"Nummer", None))
    # retranslateUi

