# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'closure_form.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from kina_desktop.gui.widgets.date_fields import OptionalDateEdit

class Ui_ClosureForm(object):
    def setupUi(self, ClosureForm):
        if not ClosureForm.objectName():
            ClosureForm.setObjectName(u"ClosureForm")
        self.columns = QHBoxLayout(ClosureForm)
        self.columns.setObjectName(u"columns")
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.left = QVBoxLayout()
        self.left.setObjectName(u"left")
        self.closure_group = QGroupBox(ClosureForm)
        self.closure_group.setObjectName(u"closure_group")
        self.closure_group_layout = QFormLayout(self.closure_group)
        self.closure_group_layout.setObjectName(u"closure_group_layout")
        self.closure_group_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.informed_on_label = QLabel(self.closure_group)
        self.informed_on_label.setObjectName(u"informed_on_label")
        self.informed_on_label.setText(u"Klager ge\u00efnformeerd op")

        self.closure_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.informed_on_label)

        self.informed_on = OptionalDateEdit(self.closure_group)
        self.informed_on.setObjectName(u"informed_on")

        self.closure_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.informed_on)

        self.communication_label = QLabel(self.closure_group)
        self.communication_label.setObjectName(u"communication_label")
        self.communication_label.setText(u"Wat aan de klager werd meegedeeld")

        self.closure_group_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.communication_label)

        self.communication = QPlainTextEdit(self.closure_group)
        self.communication.setObjectName(u"communication")
        self.communication.setMinimumSize(QSize(0, 200))
        self.communication.setTabChangesFocus(True)

        self.closure_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.communication)

        self.closed_on_label = QLabel(self.closure_group)
        self.closed_on_label.setObjectName(u"closed_on_label")
        self.closed_on_label.setText(u"Afgesloten op")

        self.closure_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.closed_on_label)

        self.closed_on = OptionalDateEdit(self.closure_group)
        self.closed_on.setObjectName(u"closed_on")

        self.closure_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.closed_on)


        self.left.addWidget(self.closure_group)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left.addItem(self.left_spacer)


        self.columns.addLayout(self.left)

#if QT_CONFIG(shortcut)
        self.informed_on_label.setBuddy(self.informed_on)
        self.communication_label.setBuddy(self.communication)
        self.closed_on_label.setBuddy(self.closed_on)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ClosureForm)

        QMetaObject.connectSlotsByName(ClosureForm)
    # setupUi

    def retranslateUi(self, ClosureForm):
        ClosureForm.setWindowTitle(QCoreApplication.translate("ClosureForm", u"Afronding", None))
        self.closure_group.setTitle(QCoreApplication.translate("ClosureForm", u"Afronding", None))
    # retranslateUi

