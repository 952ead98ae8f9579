# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'account_form.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_AccountForm(object):
    def setupUi(self, AccountForm):
        if not AccountForm.objectName():
            AccountForm.setObjectName(u"AccountForm")
        self.form = QFormLayout(AccountForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.username_label = QLabel(AccountForm)
        self.username_label.setObjectName(u"username_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username = QLineEdit(AccountForm)
        self.username.setObjectName(u"username")
        self.username.setMaxLength(41)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.display_name_label = QLabel(AccountForm)
        self.display_name_label.setObjectName(u"display_name_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.display_name_label)

        self.display_name = QLineEdit(AccountForm)
        self.display_name.setObjectName(u"display_name")
        self.display_name.setMaxLength(200)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.display_name)

        self.function_label = QLabel(AccountForm)
        self.function_label.setObjectName(u"function_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.function_label)

        self.function = QLineEdit(AccountForm)
        self.function.setObjectName(u"function")
        self.function.setMaxLength(200)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.function)

        self.phone_label = QLabel(AccountForm)
        self.phone_label.setObjectName(u"phone_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone = QLineEdit(AccountForm)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(40)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phone)

        self.email_label = QLabel(AccountForm)
        self.email_label.setObjectName(u"email_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email = QLineEdit(AccountForm)
        self.email.setObjectName(u"email")
        self.email.setMaxLength(200)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.email)

        self.password_label = QLabel(AccountForm)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(AccountForm)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.password)

        self.repeated_password_label = QLabel(AccountForm)
        self.repeated_password_label.setObjectName(u"repeated_password_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.repeated_password_label)

        self.repeated_password = QLineEdit(AccountForm)
        self.repeated_password.setObjectName(u"repeated_password")
        self.repeated_password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.repeated_password)

        self.roles_label = QLabel(AccountForm)
        self.roles_label.setObjectName(u"roles_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.roles_label)

        self.roles = QWidget(AccountForm)
        self.roles.setObjectName(u"roles")
        self.roles_layout = QVBoxLayout(self.roles)
        self.roles_layout.setSpacing(2)
        self.roles_layout.setObjectName(u"roles_layout")
        self.roles_layout.setContentsMargins(0, 0, 0, 0)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.roles)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username)
        self.display_name_label.setBuddy(self.display_name)
        self.function_label.setBuddy(self.function)
        self.phone_label.setBuddy(self.phone)
        self.email_label.setBuddy(self.email)
        self.password_label.setBuddy(self.password)
        self.repeated_password_label.setBuddy(self.repeated_password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.display_name)
        QWidget.setTabOrder(self.display_name, self.function)
        QWidget.setTabOrder(self.function, self.phone)
        QWidget.setTabOrder(self.phone, self.email)
        QWidget.setTabOrder(self.email, self.password)
        QWidget.setTabOrder(self.password, self.repeated_password)

        self.retranslateUi(AccountForm)

        QMetaObject.connectSlotsByName(AccountForm)
    # setupUi

    def retranslateUi(self, AccountForm):
        AccountForm.setWindowTitle(QCoreApplication.translate("AccountForm", u"Account", None))
        self.username_label.setText(QCoreApplication.translate("AccountForm", u"Gebruikersnaam", None))
        self.display_name_label.setText(QCoreApplication.translate("AccountForm", u"Naam", None))
        self.function_label.setText(QCoreApplication.translate("AccountForm", u"Functie", None))
        self.phone_label.setText(QCoreApplication.translate("AccountForm", u"Telefoon", None))
        self.email_label.setText(QCoreApplication.translate("AccountForm", u"E-mailadres", None))
        self.password_label.setText(QCoreApplication.translate("AccountForm", u"Wachtwoord", None))
        self.repeated_password_label.setText(QCoreApplication.translate("AccountForm", u"Wachtwoord herhalen", None))
        self.roles_label.setText(QCoreApplication.translate("AccountForm", u"Rollen", None))
    # retranslateUi

