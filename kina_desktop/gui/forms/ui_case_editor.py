# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_editor.ui'
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
    QFrame, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QTabWidget, QVBoxLayout, QWidget)

class Ui_CaseEditor(object):
    def setupUi(self, CaseEditor):
        if not CaseEditor.objectName():
            CaseEditor.setObjectName(u"CaseEditor")
        CaseEditor.resize(1080, 720)
        self.editor_layout = QVBoxLayout(CaseEditor)
        self.editor_layout.setObjectName(u"editor_layout")
        self.title = QLabel(CaseEditor)
        self.title.setObjectName(u"title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.editor_layout.addWidget(self.title)

        self.summary = QLabel(CaseEditor)
        self.summary.setObjectName(u"summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        self.editor_layout.addWidget(self.summary)

        self.message_frame = QFrame(CaseEditor)
        self.message_frame.setObjectName(u"message_frame")
        self.message_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.message_layout = QHBoxLayout(self.message_frame)
        self.message_layout.setObjectName(u"message_layout")
        self.message = QLabel(self.message_frame)
        self.message.setObjectName(u"message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.message.sizePolicy().hasHeightForWidth())
        self.message.setSizePolicy(sizePolicy)

        self.message_layout.addWidget(self.message)

        self.reload_button = QPushButton(self.message_frame)
        self.reload_button.setObjectName(u"reload_button")
        self.reload_button.setAutoDefault(False)

        self.message_layout.addWidget(self.reload_button)


        self.editor_layout.addWidget(self.message_frame)

        self.tabs = QTabWidget(CaseEditor)
        self.tabs.setObjectName(u"tabs")
        self.description_tab = QWidget()
        self.description_tab.setObjectName(u"description_tab")
        self.description_tab_layout = QVBoxLayout(self.description_tab)
        self.description_tab_layout.setObjectName(u"description_tab_layout")
        self.tabs.addTab(self.description_tab, "")
        self.handling_tab = QWidget()
        self.handling_tab.setObjectName(u"handling_tab")
        self.handling_tab_layout = QVBoxLayout(self.handling_tab)
        self.handling_tab_layout.setObjectName(u"handling_tab_layout")
        self.tabs.addTab(self.handling_tab, "")
        self.closure_tab = QWidget()
        self.closure_tab.setObjectName(u"closure_tab")
        self.closure_tab_layout = QVBoxLayout(self.closure_tab)
        self.closure_tab_layout.setObjectName(u"closure_tab_layout")
        self.tabs.addTab(self.closure_tab, "")

        self.editor_layout.addWidget(self.tabs)

        self.general_errors = QLabel(CaseEditor)
        self.general_errors.setObjectName(u"general_errors")
        self.general_errors.setWordWrap(True)

        self.editor_layout.addWidget(self.general_errors)

        self.buttons = QDialogButtonBox(CaseEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close|QDialogButtonBox.StandardButton.Save)

        self.editor_layout.addWidget(self.buttons)


        self.retranslateUi(CaseEditor)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(CaseEditor)
    # setupUi

    def retranslateUi(self, CaseEditor):
        CaseEditor.setWindowTitle(QCoreApplication.translate("CaseEditor", u"Dossier", None))
        self.reload_button.setText(QCoreApplication.translate("CaseEditor", u"Opnieuw laden", None))
        self.tabs.setTabText(self.tabs.indexOf(self.description_tab), QCoreApplication.translate("CaseEditor", u"Beschrijving", None))
        self.tabs.setTabText(self.tabs.indexOf(self.handling_tab), QCoreApplication.translate("CaseEditor", u"Behandeling", None))
        self.tabs.setTabText(self.tabs.indexOf(self.closure_tab), QCoreApplication.translate("CaseEditor", u"Afronding", None))
    # retranslateUi

