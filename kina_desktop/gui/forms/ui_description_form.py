# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'description_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from kina_desktop.gui.widgets.date_fields import (DateEdit, OptionalDateEdit)

class Ui_DescriptionForm(object):
    def setupUi(self, DescriptionForm):
        if not DescriptionForm.objectName():
            DescriptionForm.setObjectName(u"DescriptionForm")
        self.columns = QHBoxLayout(DescriptionForm)
        self.columns.setObjectName(u"columns")
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.left = QVBoxLayout()
        self.left.setObjectName(u"left")
        self.registration_group = QGroupBox(DescriptionForm)
        self.registration_group.setObjectName(u"registration_group")
        self.registration_group_layout = QFormLayout(self.registration_group)
        self.registration_group_layout.setObjectName(u"registration_group_layout")
        self.registration_group_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind_label = QLabel(self.registration_group)
        self.kind_label.setObjectName(u"kind_label")
        self.kind_label.setText(u"Soort registratie")

        self.registration_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(self.registration_group)
        self.kind.setObjectName(u"kind")

        self.registration_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind)

        self.category_label = QLabel(self.registration_group)
        self.category_label.setObjectName(u"category_label")
        self.category_label.setText(u"Categorie")

        self.registration_group_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category = QComboBox(self.registration_group)
        self.category.setObjectName(u"category")

        self.registration_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.category)

        self.level_label = QLabel(self.registration_group)
        self.level_label.setObjectName(u"level_label")
        self.level_label.setText(u"Niveau")

        self.registration_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.level_label)

        self.level = QComboBox(self.registration_group)
        self.level.setObjectName(u"level")

        self.registration_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.level)

        self.channel_label = QLabel(self.registration_group)
        self.channel_label.setObjectName(u"channel_label")
        self.channel_label.setText(u"Kanaal")

        self.registration_group_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.channel_label)

        self.channel = QComboBox(self.registration_group)
        self.channel.setObjectName(u"channel")

        self.registration_group_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.channel)

        self.received_on_label = QLabel(self.registration_group)
        self.received_on_label.setObjectName(u"received_on_label")
        self.received_on_label.setText(u"Datum van ontvangst")

        self.registration_group_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.received_on_label)

        self.received_on = DateEdit(self.registration_group)
        self.received_on.setObjectName(u"received_on")
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat(u"dd-MM-yyyy")

        self.registration_group_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.received_on)


        self.left.addWidget(self.registration_group)

        self.complainant_group = QGroupBox(DescriptionForm)
        self.complainant_group.setObjectName(u"complainant_group")
        self.complainant_group_layout = QFormLayout(self.complainant_group)
        self.complainant_group_layout.setObjectName(u"complainant_group_layout")
        self.complainant_group_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.complainant_name_label = QLabel(self.complainant_group)
        self.complainant_name_label.setObjectName(u"complainant_name_label")
        self.complainant_name_label.setText(u"Naam klager")

        self.complainant_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.complainant_name_label)

        self.complainant_name = QLineEdit(self.complainant_group)
        self.complainant_name.setObjectName(u"complainant_name")
        self.complainant_name.setMaxLength(200)

        self.complainant_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.complainant_name)

        self.complainant_street_label = QLabel(self.complainant_group)
        self.complainant_street_label.setObjectName(u"complainant_street_label")
        self.complainant_street_label.setText(u"Straat en huisnummer")

        self.complainant_group_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.complainant_street_label)

        self.complainant_street = QLineEdit(self.complainant_group)
        self.complainant_street.setObjectName(u"complainant_street")
        self.complainant_street.setMaxLength(200)

        self.complainant_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.complainant_street)

        self.complainant_postal_code_label = QLabel(self.complainant_group)
        self.complainant_postal_code_label.setObjectName(u"complainant_postal_code_label")
        self.complainant_postal_code_label.setText(u"Postcode")

        self.complainant_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.complainant_postal_code_label)

        self.complainant_postal_code = QLineEdit(self.complainant_group)
        self.complainant_postal_code.setObjectName(u"complainant_postal_code")
        self.complainant_postal_code.setMaxLength(16)
        self.complainant_postal_code.setMaximumSize(QSize(110, 16777215))

        self.complainant_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.complainant_postal_code)

        self.complainant_city_label = QLabel(self.complainant_group)
        self.complainant_city_label.setObjectName(u"complainant_city_label")
        self.complainant_city_label.setText(u"Gemeente")

        self.complainant_group_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.complainant_city_label)

        self.complainant_city = QLineEdit(self.complainant_group)
        self.complainant_city.setObjectName(u"complainant_city")
        self.complainant_city.setMaxLength(100)

        self.complainant_group_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.complainant_city)

        self.complainant_email_label = QLabel(self.complainant_group)
        self.complainant_email_label.setObjectName(u"complainant_email_label")
        self.complainant_email_label.setText(u"E-mailadres")

        self.complainant_group_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.complainant_email_label)

        self.complainant_email = QLineEdit(self.complainant_group)
        self.complainant_email.setObjectName(u"complainant_email")
        self.complainant_email.setMaxLength(254)

        self.complainant_group_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.complainant_email)

        self.complainant_phone_label = QLabel(self.complainant_group)
        self.complainant_phone_label.setObjectName(u"complainant_phone_label")
        self.complainant_phone_label.setText(u"Telefoon")

        self.complainant_group_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.complainant_phone_label)

        self.complainant_phone = QLineEdit(self.complainant_group)
        self.complainant_phone.setObjectName(u"complainant_phone")
        self.complainant_phone.setMaxLength(40)

        self.complainant_group_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.complainant_phone)

        self.complainant_language_label = QLabel(self.complainant_group)
        self.complainant_language_label.setObjectName(u"complainant_language_label")
        self.complainant_language_label.setText(u"Taal")

        self.complainant_group_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.complainant_language_label)

        self.complainant_language = QComboBox(self.complainant_group)
        self.complainant_language.setObjectName(u"complainant_language")

        self.complainant_group_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.complainant_language)


        self.left.addWidget(self.complainant_group)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left.addItem(self.left_spacer)


        self.columns.addLayout(self.left)

        self.right = QVBoxLayout()
        self.right.setObjectName(u"right")
        self.complaint_group = QGroupBox(DescriptionForm)
        self.complaint_group.setObjectName(u"complaint_group")
        self.complaint_group_layout = QFormLayout(self.complaint_group)
        self.complaint_group_layout.setObjectName(u"complaint_group_layout")
        self.complaint_group_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.organisation_label = QLabel(self.complaint_group)
        self.organisation_label.setObjectName(u"organisation_label")
        self.organisation_label.setText(u"Betrokken OCMW of dienst")

        self.complaint_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.organisation_label)

        self.organisation = QLineEdit(self.complaint_group)
        self.organisation.setObjectName(u"organisation")
        self.organisation.setMaxLength(200)

        self.complaint_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.organisation)

        self.staff_member_label = QLabel(self.complaint_group)
        self.staff_member_label.setObjectName(u"staff_member_label")
        self.staff_member_label.setText(u"Betrokken personeelslid")

        self.complaint_group_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.staff_member_label)

        self.staff_member = QLineEdit(self.complaint_group)
        self.staff_member.setObjectName(u"staff_member")
        self.staff_member.setMaxLength(200)

        self.complaint_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.staff_member)

        self.subject_label = QLabel(self.complaint_group)
        self.subject_label.setObjectName(u"subject_label")
        self.subject_label.setText(u"Onderwerp")

        self.complaint_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.subject_label)

        self.subject = QLineEdit(self.complaint_group)
        self.subject.setObjectName(u"subject")
        self.subject.setMaxLength(200)

        self.complaint_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.subject)

        self.facts_on_label = QLabel(self.complaint_group)
        self.facts_on_label.setObjectName(u"facts_on_label")
        self.facts_on_label.setText(u"Datum van de feiten")

        self.complaint_group_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.facts_on_label)

        self.facts_on = OptionalDateEdit(self.complaint_group)
        self.facts_on.setObjectName(u"facts_on")

        self.complaint_group_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.facts_on)

        self.text_label = QLabel(self.complaint_group)
        self.text_label.setObjectName(u"text_label")
        self.text_label.setText(u"Inhoud van de klacht")

        self.complaint_group_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.text_label)

        self.text = QPlainTextEdit(self.complaint_group)
        self.text.setObjectName(u"text")
        self.text.setMinimumSize(QSize(0, 150))
        self.text.setTabChangesFocus(True)

        self.complaint_group_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.text)

        self.request_label = QLabel(self.complaint_group)
        self.request_label.setObjectName(u"request_label")
        self.request_label.setText(u"Vraag van de klager")

        self.complaint_group_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.request_label)

        self.request = QPlainTextEdit(self.complaint_group)
        self.request.setObjectName(u"request")
        self.request.setMinimumSize(QSize(0, 70))
        self.request.setTabChangesFocus(True)

        self.complaint_group_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.request)


        self.right.addWidget(self.complaint_group)


        self.columns.addLayout(self.right)

#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind)
        self.category_label.setBuddy(self.category)
        self.level_label.setBuddy(self.level)
        self.channel_label.setBuddy(self.channel)
        self.received_on_label.setBuddy(self.received_on)
        self.complainant_name_label.setBuddy(self.complainant_name)
        self.complainant_street_label.setBuddy(self.complainant_street)
        self.complainant_postal_code_label.setBuddy(self.complainant_postal_code)
        self.complainant_city_label.setBuddy(self.complainant_city)
        self.complainant_email_label.setBuddy(self.complainant_email)
        self.complainant_phone_label.setBuddy(self.complainant_phone)
        self.complainant_language_label.setBuddy(self.complainant_language)
        self.organisation_label.setBuddy(self.organisation)
        self.staff_member_label.setBuddy(self.staff_member)
        self.subject_label.setBuddy(self.subject)
        self.facts_on_label.setBuddy(self.facts_on)
        self.text_label.setBuddy(self.text)
        self.request_label.setBuddy(self.request)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind, self.category)
        QWidget.setTabOrder(self.category, self.level)
        QWidget.setTabOrder(self.level, self.channel)
        QWidget.setTabOrder(self.channel, self.received_on)
        QWidget.setTabOrder(self.received_on, self.complainant_name)
        QWidget.setTabOrder(self.complainant_name, self.complainant_street)
        QWidget.setTabOrder(self.complainant_street, self.complainant_postal_code)
        QWidget.setTabOrder(self.complainant_postal_code, self.complainant_city)
        QWidget.setTabOrder(self.complainant_city, self.complainant_email)
        QWidget.setTabOrder(self.complainant_email, self.complainant_phone)
        QWidget.setTabOrder(self.complainant_phone, self.complainant_language)
        QWidget.setTabOrder(self.complainant_language, self.organisation)
        QWidget.setTabOrder(self.organisation, self.staff_member)
        QWidget.setTabOrder(self.staff_member, self.subject)
        QWidget.setTabOrder(self.subject, self.facts_on)
        QWidget.setTabOrder(self.facts_on, self.text)
        QWidget.setTabOrder(self.text, self.request)

        self.retranslateUi(DescriptionForm)

        QMetaObject.connectSlotsByName(DescriptionForm)
    # setupUi

    def retranslateUi(self, DescriptionForm):
        DescriptionForm.setWindowTitle(QCoreApplication.translate("DescriptionForm", u"Beschrijving", None))
        self.registration_group.setTitle(QCoreApplication.translate("DescriptionForm", u"Registratie", None))
        self.complainant_group.setTitle(QCoreApplication.translate("DescriptionForm", u"Klager", None))
        self.complainant_email.setPlaceholderText(QCoreApplication.translate("DescriptionForm", u"naam@voorbeeld.be", None))
        self.complaint_group.setTitle(QCoreApplication.translate("DescriptionForm", u"Klacht", None))
        self.organisation.setPlaceholderText(QCoreApplication.translate("DescriptionForm", u"bijvoorbeeld OCMW Zoersel", None))
        self.staff_member.setPlaceholderText(QCoreApplication.translate("DescriptionForm", u"alleen bij personeelsaangelegenheden", None))
    # retranslateUi

