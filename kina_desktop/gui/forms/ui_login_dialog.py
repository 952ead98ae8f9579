# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(460, 240)
        self.dialog_layout = QVBoxLayout(LoginDialog)
        self.dialog_layout.setSpacing(10)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setSpacing(14)
        self.header_layout.setObjectName(u"header_layout")
        self.logo = QLabel(LoginDialog)
        self.logo.setObjectName(u"logo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.logo.sizePolicy().hasHeightForWidth())
        self.logo.setSizePolicy(sizePolicy)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.header_layout.addWidget(self.logo)

        self.heading_layout = QVBoxLayout()
        self.heading_layout.setObjectName(u"heading_layout")
        self.heading = QLabel(LoginDialog)
        self.heading.setObjectName(u"heading")

        self.heading_layout.addWidget(self.heading)

        self.intro = QLabel(LoginDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.heading_layout.addWidget(self.intro)


        self.header_layout.addLayout(self.heading_layout)


        self.dialog_layout.addLayout(self.header_layout)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.username_label = QLabel(LoginDialog)
        self.username_label.setObjectName(u"username_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username = QLineEdit(LoginDialog)
        self.username.setObjectName(u"username")
        self.username.setMaxLength(63)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.password_label = QLabel(LoginDialog)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(LoginDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)


        self.dialog_layout.addLayout(self.form)

        self.message = QLabel(LoginDialog)
        self.message.setObjectName(u"message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.dialog_layout.addWidget(self.message)

        self.spacer = QSpacerItem(0, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.spacer)

        self.database = QLabel(LoginDialog)
        self.database.setObjectName(u"database")
        self.database.setTextFormat(Qt.TextFormat.PlainText)
        self.database.setWordWrap(True)

        self.dialog_layout.addWidget(self.database)

        self.buttons = QDialogButtonBox(LoginDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.password)

        self.retranslateUi(LoginDialog)

        QMetaObject.connectSlotsByName(LoginDialog)
    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"Aanmelden", None))
        self.heading.setText(QCoreApplication.translate("LoginDialog", u"KINA Klachten", None))
        self.intro.setText(QCoreApplication.translate("LoginDialog", u"Meld u aan met uw gebruikersnaam en wachtwoord.", None))
        self.username_label.setText(QCoreApplication.translate("LoginDialog", u"Gebruikersnaam", None))
        self.password_label.setText(QCoreApplication.translate("LoginDialog", u"Wachtwoord", None))
    # retranslateUi

