# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'handling_form.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from kina_desktop.gui.widgets.date_fields import OptionalDateEdit

class Ui_HandlingForm(object):
    def setupUi(self, HandlingForm):
        if not HandlingForm.objectName():
            HandlingForm.setObjectName(u"HandlingForm")
        self.columns = QHBoxLayout(HandlingForm)
        self.columns.setObjectName(u"columns")
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.left = QVBoxLayout()
        self.left.setObjectName(u"left")
        self.assessment_group = QGroupBox(HandlingForm)
        self.assessment_group.setObjectName(u"assessment_group")
        self.assessment_group_layout = QFormLayout(self.assessment_group)
        self.assessment_group_layout.setObjectName(u"assessment_group_layout")
        self.assessment_group_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.handler_name_label = QLabel(self.assessment_group)
        self.handler_name_label.setObjectName(u"handler_name_label")
        self.handler_name_label.setText(u"Klachtenbehandelaar")

        self.assessment_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.handler_name_label)

        self.handler_name = QLabel(self.assessment_group)
        self.handler_name.setObjectName(u"handler_name")
        self.handler_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.assessment_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.handler_name)

        self.admissibility_label = QLabel(self.assessment_group)
        self.admissibility_label.setObjectName(u"admissibility_label")
        self.admissibility_label.setText(u"Ontvankelijkheid")

        self.assessment_group_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.admissibility_label)

        self.admissibility = QComboBox(self.assessment_group)
        self.admissibility.setObjectName(u"admissibility")

        self.assessment_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.admissibility)

        self.investigation_label = QLabel(self.assessment_group)
        self.investigation_label.setObjectName(u"investigation_label")
        self.investigation_label.setText(u"Onderzoek")

        self.assessment_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.investigation_label)

        self.investigation = QPlainTextEdit(self.assessment_group)
        self.investigation.setObjectName(u"investigation")
        self.investigation.setMinimumSize(QSize(0, 130))
        self.investigation.setTabChangesFocus(True)

        self.assessment_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.investigation)

        self.verdict_label = QLabel(self.assessment_group)
        self.verdict_label.setObjectName(u"verdict_label")
        self.verdict_label.setText(u"Oordeel")

        self.assessment_group_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.verdict_label)

        self.verdict = QComboBox(self.assessment_group)
        self.verdict.setObjectName(u"verdict")

        self.assessment_group_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.verdict)

        self.verdict_motivation_label = QLabel(self.assessment_group)
        self.verdict_motivation_label.setObjectName(u"verdict_motivation_label")
        self.verdict_motivation_label.setText(u"Motivering voor de klager")

        self.assessment_group_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.verdict_motivation_label)

        self.verdict_motivation = QPlainTextEdit(self.assessment_group)
        self.verdict_motivation.setObjectName(u"verdict_motivation")
        self.verdict_motivation.setMinimumSize(QSize(0, 90))
        self.verdict_motivation.setTabChangesFocus(True)

        self.assessment_group_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.verdict_motivation)


        self.left.addWidget(self.assessment_group)


        self.columns.addLayout(self.left)

        self.right = QVBoxLayout()
        self.right.setObjectName(u"right")
        self.measures_group = QGroupBox(HandlingForm)
        self.measures_group.setObjectName(u"measures_group")
        self.measures_group_layout = QFormLayout(self.measures_group)
        self.measures_group_layout.setObjectName(u"measures_group_layout")
        self.measures_group_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.measures_label = QLabel(self.measures_group)
        self.measures_label.setObjectName(u"measures_label")
        self.measures_label.setText(u"Oplossingen en maatregelen")

        self.measures_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.measures_label)

        self.measures = QPlainTextEdit(self.measures_group)
        self.measures.setObjectName(u"measures")
        self.measures.setMinimumSize(QSize(0, 90))
        self.measures.setTabChangesFocus(True)

        self.measures_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.measures)

        self.measures_discussed_with_team = QCheckBox(self.measures_group)
        self.measures_discussed_with_team.setObjectName(u"measures_discussed_with_team")
        self.measures_discussed_with_team.setText(u"Besproken met het klachtenteam")

        self.measures_group_layout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.measures_discussed_with_team)


        self.right.addWidget(self.measures_group)

        self.follow_up_group = QGroupBox(HandlingForm)
        self.follow_up_group.setObjectName(u"follow_up_group")
        self.follow_up_group_layout = QFormLayout(self.follow_up_group)
        self.follow_up_group_layout.setObjectName(u"follow_up_group_layout")
        self.follow_up_group_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.working_group_meeting_on_label = QLabel(self.follow_up_group)
        self.working_group_meeting_on_label.setObjectName(u"working_group_meeting_on_label")
        self.working_group_meeting_on_label.setText(u"Vergadering permanente werkgroep")

        self.follow_up_group_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.working_group_meeting_on_label)

        self.working_group_meeting_on = OptionalDateEdit(self.follow_up_group)
        self.working_group_meeting_on.setObjectName(u"working_group_meeting_on")

        self.follow_up_group_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.working_group_meeting_on)

        self.working_group_minutes_label = QLabel(self.follow_up_group)
        self.working_group_minutes_label.setObjectName(u"working_group_minutes_label")
        self.working_group_minutes_label.setText(u"Verslag permanente werkgroep")

        self.follow_up_group_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.working_group_minutes_label)

        self.working_group_minutes = QPlainTextEdit(self.follow_up_group)
        self.working_group_minutes.setObjectName(u"working_group_minutes")
        self.working_group_minutes.setMinimumSize(QSize(0, 60))
        self.working_group_minutes.setTabChangesFocus(True)

        self.follow_up_group_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.working_group_minutes)

        self.staff_conversation_on_label = QLabel(self.follow_up_group)
        self.staff_conversation_on_label.setObjectName(u"staff_conversation_on_label")
        self.staff_conversation_on_label.setText(u"Gesprek met het personeelslid")

        self.follow_up_group_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.staff_conversation_on_label)

        self.staff_conversation_on = OptionalDateEdit(self.follow_up_group)
        self.staff_conversation_on.setObjectName(u"staff_conversation_on")

        self.follow_up_group_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.staff_conversation_on)

        self.personnel_file_report_on_label = QLabel(self.follow_up_group)
        self.personnel_file_report_on_label.setObjectName(u"personnel_file_report_on_label")
        self.personnel_file_report_on_label.setText(u"Verslag in het personeelsdossier")

        self.follow_up_group_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.personnel_file_report_on_label)

        self.personnel_file_report_on = OptionalDateEdit(self.follow_up_group)
        self.personnel_file_report_on.setObjectName(u"personnel_file_report_on")

        self.follow_up_group_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.personnel_file_report_on)

        self.board_meeting_on_label = QLabel(self.follow_up_group)
        self.board_meeting_on_label.setObjectName(u"board_meeting_on_label")
        self.board_meeting_on_label.setText(u"Vergadering Raad van Bestuur")

        self.follow_up_group_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.board_meeting_on_label)

        self.board_meeting_on = OptionalDateEdit(self.follow_up_group)
        self.board_meeting_on.setObjectName(u"board_meeting_on")

        self.follow_up_group_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.board_meeting_on)

        self.minutes_copy_handed_on_label = QLabel(self.follow_up_group)
        self.minutes_copy_handed_on_label.setObjectName(u"minutes_copy_handed_on_label")
        self.minutes_copy_handed_on_label.setText(u"Afschrift verslag overhandigd")

        self.follow_up_group_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.minutes_copy_handed_on_label)

        self.minutes_copy_handed_on = OptionalDateEdit(self.follow_up_group)
        self.minutes_copy_handed_on.setObjectName(u"minutes_copy_handed_on")

        self.follow_up_group_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.minutes_copy_handed_on)


        self.right.addWidget(self.follow_up_group)

        self.right_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.right.addItem(self.right_spacer)


        self.columns.addLayout(self.right)

#if QT_CONFIG(shortcut)
        self.handler_name_label.setBuddy(self.handler_name)
        self.admissibility_label.setBuddy(self.admissibility)
        self.investigation_label.setBuddy(self.investigation)
        self.verdict_label.setBuddy(self.verdict)
        self.verdict_motivation_label.setBuddy(self.verdict_motivation)
        self.measures_label.setBuddy(self.measures)
        self.working_group_meeting_on_label.setBuddy(self.working_group_meeting_on)
        self.working_group_minutes_label.setBuddy(self.working_group_minutes)
        self.staff_conversation_on_label.setBuddy(self.staff_conversation_on)
        self.personnel_file_report_on_label.setBuddy(self.personnel_file_report_on)
        self.board_meeting_on_label.setBuddy(self.board_meeting_on)
        self.minutes_copy_handed_on_label.setBuddy(self.minutes_copy_handed_on)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HandlingForm)

        QMetaObject.connectSlotsByName(HandlingForm)
    # setupUi

    def retranslateUi(self, HandlingForm):
        HandlingForm.setWindowTitle(QCoreApplication.translate("HandlingForm", u"Behandeling", None))
        self.assessment_group.setTitle(QCoreApplication.translate("HandlingForm", u"Beoordeling", None))
        self.measures_group.setTitle(QCoreApplication.translate("HandlingForm", u"Oplossingen en maatregelen", None))
        self.follow_up_group.setTitle(QCoreApplication.translate("HandlingForm", u"Niveau 3 en personeelsaangelegenheden", None))
    # retranslateUi

