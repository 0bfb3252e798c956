# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'programme_details.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLayout, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ProgrammeDetails(object):
    def setupUi(self, ProgrammeDetails):
        if not ProgrammeDetails.objectName():
            ProgrammeDetails.setObjectName(u"ProgrammeDetails")
        ProgrammeDetails.resize(600, 640)
        ProgrammeDetails.setMinimumSize(QSize(540, 0))
        self.main_layout = QVBoxLayout(ProgrammeDetails)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.intro = QLabel(ProgrammeDetails)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.programme_box = QGroupBox(ProgrammeDetails)
        self.programme_box.setObjectName(u"programme_box")
        self.programme_box_form = QFormLayout(self.programme_box)
        self.programme_box_form.setObjectName(u"programme_box_form")
        self.programme_box_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_label = QLabel(self.programme_box)
        self.title_label.setObjectName(u"title_label")

        self.programme_box_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(self.programme_box)
        self.title.setObjectName(u"title")

        self.programme_box_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.title_error = QLabel(self.programme_box)
        self.title_error.setObjectName(u"title_error")
        self.title_error.setStyleSheet(u"color: #b00020;")
        self.title_error.setText(u"")
        self.title_error.setTextFormat(Qt.TextFormat.PlainText)
        self.title_error.setWordWrap(True)

        self.programme_box_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title_error)

        self.key_label = QLabel(self.programme_box)
        self.key_label.setObjectName(u"key_label")

        self.programme_box_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.key_label)

        self.key = QLabel(self.programme_box)
        self.key.setObjectName(u"key")
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.programme_box_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.key)

        self.logo_label = QLabel(self.programme_box)
        self.logo_label.setObjectName(u"logo_label")

        self.programme_box_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.logo_label)

        self.logo_row = QHBoxLayout()
        self.logo_row.setObjectName(u"logo_row")
        self.logo_preview = QLabel(self.programme_box)
        self.logo_preview.setObjectName(u"logo_preview")
        self.logo_preview.setMinimumSize(QSize(120, 48))

        self.logo_row.addWidget(self.logo_preview)

        self.choose_logo = QPushButton(self.programme_box)
        self.choose_logo.setObjectName(u"choose_logo")

        self.logo_row.addWidget(self.choose_logo)

        self.remove_logo = QPushButton(self.programme_box)
        self.remove_logo.setObjectName(u"remove_logo")

        self.logo_row.addWidget(self.remove_logo)

        self.logo_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.logo_row.addItem(self.logo_spacer)


        self.programme_box_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.logo_row)

        self.logo_error = QLabel(self.programme_box)
        self.logo_error.setObjectName(u"logo_error")
        self.logo_error.setStyleSheet(u"color: #b00020;")
        self.logo_error.setText(u"")
        self.logo_error.setTextFormat(Qt.TextFormat.PlainText)
        self.logo_error.setWordWrap(True)

        self.programme_box_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.logo_error)


        self.main_layout.addWidget(self.programme_box)

        self.coordinator_box = QGroupBox(ProgrammeDetails)
        self.coordinator_box.setObjectName(u"coordinator_box")
        self.coordinator_box_form = QFormLayout(self.coordinator_box)
        self.coordinator_box_form.setObjectName(u"coordinator_box_form")
        self.coordinator_box_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.coordinator_name_label = QLabel(self.coordinator_box)
        self.coordinator_name_label.setObjectName(u"coordinator_name_label")

        self.coordinator_box_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.coordinator_name_label)

        self.coordinator_name = QLineEdit(self.coordinator_box)
        self.coordinator_name.setObjectName(u"coordinator_name")

        self.coordinator_box_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.coordinator_name)

        self.coordinator_name_error = QLabel(self.coordinator_box)
        self.coordinator_name_error.setObjectName(u"coordinator_name_error")
        self.coordinator_name_error.setStyleSheet(u"color: #b00020;")
        self.coordinator_name_error.setText(u"")
        self.coordinator_name_error.setTextFormat(Qt.TextFormat.PlainText)
        self.coordinator_name_error.setWordWrap(True)

        self.coordinator_box_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.coordinator_name_error)

        self.coordinator_title_label = QLabel(self.coordinator_box)
        self.coordinator_title_label.setObjectName(u"coordinator_title_label")

        self.coordinator_box_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.coordinator_title_label)

        self.coordinator_title = QLineEdit(self.coordinator_box)
        self.coordinator_title.setObjectName(u"coordinator_title")

        self.coordinator_box_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.coordinator_title)

        self.coordinator_title_error = QLabel(self.coordinator_box)
        self.coordinator_title_error.setObjectName(u"coordinator_title_error")
        self.coordinator_title_error.setStyleSheet(u"color: #b00020;")
        self.coordinator_title_error.setText(u"")
        self.coordinator_title_error.setTextFormat(Qt.TextFormat.PlainText)
        self.coordinator_title_error.setWordWrap(True)

        self.coordinator_box_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.coordinator_title_error)

        self.coordinator_email_label = QLabel(self.coordinator_box)
        self.coordinator_email_label.setObjectName(u"coordinator_email_label")

        self.coordinator_box_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.coordinator_email_label)

        self.coordinator_email = QLineEdit(self.coordinator_box)
        self.coordinator_email.setObjectName(u"coordinator_email")

        self.coordinator_box_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.coordinator_email)

        self.coordinator_email_error = QLabel(self.coordinator_box)
        self.coordinator_email_error.setObjectName(u"coordinator_email_error")
        self.coordinator_email_error.setStyleSheet(u"color: #b00020;")
        self.coordinator_email_error.setText(u"")
        self.coordinator_email_error.setTextFormat(Qt.TextFormat.PlainText)
        self.coordinator_email_error.setWordWrap(True)

        self.coordinator_box_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.coordinator_email_error)

        self.coordinator_phone_label = QLabel(self.coordinator_box)
        self.coordinator_phone_label.setObjectName(u"coordinator_phone_label")

        self.coordinator_box_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.coordinator_phone_label)

        self.coordinator_phone = QLineEdit(self.coordinator_box)
        self.coordinator_phone.setObjectName(u"coordinator_phone")

        self.coordinator_box_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.coordinator_phone)

        self.coordinator_phone_error = QLabel(self.coordinator_box)
        self.coordinator_phone_error.setObjectName(u"coordinator_phone_error")
        self.coordinator_phone_error.setStyleSheet(u"color: #b00020;")
        self.coordinator_phone_error.setText(u"")
        self.coordinator_phone_error.setTextFormat(Qt.TextFormat.PlainText)
        self.coordinator_phone_error.setWordWrap(True)

        self.coordinator_box_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.coordinator_phone_error)

        self.emergency_phone_label = QLabel(self.coordinator_box)
        self.emergency_phone_label.setObjectName(u"emergency_phone_label")

        self.coordinator_box_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.emergency_phone_label)

        self.emergency_phone = QLineEdit(self.coordinator_box)
        self.emergency_phone.setObjectName(u"emergency_phone")

        self.coordinator_box_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.emergency_phone)

        self.emergency_phone_error = QLabel(self.coordinator_box)
        self.emergency_phone_error.setObjectName(u"emergency_phone_error")
        self.emergency_phone_error.setStyleSheet(u"color: #b00020;")
        self.emergency_phone_error.setText(u"")
        self.emergency_phone_error.setTextFormat(Qt.TextFormat.PlainText)
        self.emergency_phone_error.setWordWrap(True)

        self.coordinator_box_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.emergency_phone_error)


        self.main_layout.addWidget(self.coordinator_box)

        self.tour_box = QGroupBox(ProgrammeDetails)
        self.tour_box.setObjectName(u"tour_box")
        self.tour_box_form = QFormLayout(self.tour_box)
        self.tour_box_form.setObjectName(u"tour_box_form")
        self.tour_box_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.tour_label = QLabel(self.tour_box)
        self.tour_label.setObjectName(u"tour_label")

        self.tour_box_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.tour_label)

        self.tour = QComboBox(self.tour_box)
        self.tour.setObjectName(u"tour")

        self.tour_box_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.tour)

        self.hotel_name_label = QLabel(self.tour_box)
        self.hotel_name_label.setObjectName(u"hotel_name_label")

        self.tour_box_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.hotel_name_label)

        self.hotel_name = QLineEdit(self.tour_box)
        self.hotel_name.setObjectName(u"hotel_name")

        self.tour_box_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.hotel_name)

        self.hotel_name_error = QLabel(self.tour_box)
        self.hotel_name_error.setObjectName(u"hotel_name_error")
        self.hotel_name_error.setStyleSheet(u"color: #b00020;")
        self.hotel_name_error.setText(u"")
        self.hotel_name_error.setTextFormat(Qt.TextFormat.PlainText)
        self.hotel_name_error.setWordWrap(True)

        self.tour_box_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.hotel_name_error)

        self.hotel_address_label = QLabel(self.tour_box)
        self.hotel_address_label.setObjectName(u"hotel_address_label")

        self.tour_box_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.hotel_address_label)

        self.hotel_address = QLineEdit(self.tour_box)
        self.hotel_address.setObjectName(u"hotel_address")

        self.tour_box_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.hotel_address)

        self.hotel_address_error = QLabel(self.tour_box)
        self.hotel_address_error.setObjectName(u"hotel_address_error")
        self.hotel_address_error.setStyleSheet(u"color: #b00020;")
        self.hotel_address_error.setText(u"")
        self.hotel_address_error.setTextFormat(Qt.TextFormat.PlainText)
        self.hotel_address_error.setWordWrap(True)

        self.tour_box_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.hotel_address_error)

        self.hotel_phone_label = QLabel(self.tour_box)
        self.hotel_phone_label.setObjectName(u"hotel_phone_label")

        self.tour_box_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.hotel_phone_label)

        self.hotel_phone = QLineEdit(self.tour_box)
        self.hotel_phone.setObjectName(u"hotel_phone")

        self.tour_box_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.hotel_phone)

        self.hotel_phone_error = QLabel(self.tour_box)
        self.hotel_phone_error.setObjectName(u"hotel_phone_error")
        self.hotel_phone_error.setStyleSheet(u"color: #b00020;")
        self.hotel_phone_error.setText(u"")
        self.hotel_phone_error.setTextFormat(Qt.TextFormat.PlainText)
        self.hotel_phone_error.setWordWrap(True)

        self.tour_box_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.hotel_phone_error)

        self.contact_name_label = QLabel(self.tour_box)
        self.contact_name_label.setObjectName(u"contact_name_label")

        self.tour_box_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.contact_name_label)

        self.contact_name = QLineEdit(self.tour_box)
        self.contact_name.setObjectName(u"contact_name")

        self.tour_box_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.contact_name)

        self.contact_name_error = QLabel(self.tour_box)
        self.contact_name_error.setObjectName(u"contact_name_error")
        self.contact_name_error.setStyleSheet(u"color: #b00020;")
        self.contact_name_error.setText(u"")
        self.contact_name_error.setTextFormat(Qt.TextFormat.PlainText)
        self.contact_name_error.setWordWrap(True)

        self.tour_box_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.contact_name_error)

        self.contact_phone_label = QLabel(self.tour_box)
        self.contact_phone_label.setObjectName(u"contact_phone_label")

        self.tour_box_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.contact_phone_label)

        self.contact_phone = QLineEdit(self.tour_box)
        self.contact_phone.setObjectName(u"contact_phone")

        self.tour_box_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.contact_phone)

        self.contact_phone_error = QLabel(self.tour_box)
        self.contact_phone_error.setObjectName(u"contact_phone_error")
        self.contact_phone_error.setStyleSheet(u"color: #b00020;")
        self.contact_phone_error.setText(u"")
        self.contact_phone_error.setTextFormat(Qt.TextFormat.PlainText)
        self.contact_phone_error.setWordWrap(True)

        self.tour_box_form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.contact_phone_error)

        self.contact_email_label = QLabel(self.tour_box)
        self.contact_email_label.setObjectName(u"contact_email_label")

        self.tour_box_form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.contact_email_label)

        self.contact_email = QLineEdit(self.tour_box)
        self.contact_email.setObjectName(u"contact_email")

        self.tour_box_form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.contact_email)

        self.contact_email_error = QLabel(self.tour_box)
        self.contact_email_error.setObjectName(u"contact_email_error")
        self.contact_email_error.setStyleSheet(u"color: #b00020;")
        self.contact_email_error.setText(u"")
        self.contact_email_error.setTextFormat(Qt.TextFormat.PlainText)
        self.contact_email_error.setWordWrap(True)

        self.tour_box_form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.contact_email_error)


        self.main_layout.addWidget(self.tour_box)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.buttons = QDialogButtonBox(ProgrammeDetails)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.coordinator_name_label.setBuddy(self.coordinator_name)
        self.coordinator_title_label.setBuddy(self.coordinator_title)
        self.coordinator_email_label.setBuddy(self.coordinator_email)
        self.coordinator_phone_label.setBuddy(self.coordinator_phone)
        self.emergency_phone_label.setBuddy(self.emergency_phone)
        self.tour_label.setBuddy(self.tour)
        self.hotel_name_label.setBuddy(self.hotel_name)
        self.hotel_address_label.setBuddy(self.hotel_address)
        self.hotel_phone_label.setBuddy(self.hotel_phone)
        self.contact_name_label.setBuddy(self.contact_name)
        self.contact_phone_label.setBuddy(self.contact_phone)
        self.contact_email_label.setBuddy(self.contact_email)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProgrammeDetails)

        QMetaObject.connectSlotsByName(ProgrammeDetails)
    # setupUi

    def retranslateUi(self, ProgrammeDetails):
        ProgrammeDetails.setWindowTitle(QCoreApplication.translate("ProgrammeDetails", u"Programme details", None))
        self.intro.setText(QCoreApplication.translate("ProgrammeDetails", u"Printed on every booklet, badge and certificate: who to call, and where the group sleeps.", None))
        self.programme_box.setTitle(QCoreApplication.translate("ProgrammeDetails", u"Programme", None))
        self.title_label.setText(QCoreApplication.translate("ProgrammeDetails", u"&Title:", None))
        self.title.setPlaceholderText(QCoreApplication.translate("ProgrammeDetails", u"e.g. Cluster Booster: inspiration and learning tours", None))
        self.key_label.setText(QCoreApplication.translate("ProgrammeDetails", u"Key:", None))
#if QT_CONFIG(tooltip)
        self.key.setToolTip(QCoreApplication.translate("ProgrammeDetails", u"The programme's identity in calendars and exchanged journals; it never changes.", None))
#endif // QT_CONFIG(tooltip)
        self.logo_label.setText(QCoreApplication.translate("ProgrammeDetails", u"Logo:", None))
        self.logo_preview.setText(QCoreApplication.translate("ProgrammeDetails", u"No logo", None))
        self.choose_logo.setText(QCoreApplication.translate("ProgrammeDetails", u"C&hoose\u2026", None))
        self.remove_logo.setText(QCoreApplication.translate("ProgrammeDetails", u"&Remove", None))
        self.coordinator_box.setTitle(QCoreApplication.translate("ProgrammeDetails", u"Coordinator", None))
        self.coordinator_name_label.setText(QCoreApplication.translate("ProgrammeDetails", u"&Name:", None))
        self.coordinator_name.setPlaceholderText(QCoreApplication.translate("ProgrammeDetails", u"e.g. Leila Mansour", None))
        self.coordinator_title_label.setText(QCoreApplication.translate("ProgrammeDetails", u"&Job title:", None))
        self.coordinator_title.setPlaceholderText(QCoreApplication.translate("ProgrammeDetails", u"e.g. Programme coordinator", None))
        self.coordinator_email_label.setText(QCoreApplication.translate("ProgrammeDetails", u"&E-mail:", None))
        self.coordinator_email.setPlaceholderText(QCoreApplication.translate("ProgrammeDetails", u"name@example.org", None))
        self.coordinator_phone_label.setText(QCoreApplication.translate("ProgrammeDetails", u"&Phone:", None))
        self.coordinator_phone.setPlaceholderText(QCoreApplication.translate("ProgrammeDetails", u"+32 2 555 01 23", None))
        self.emergency_phone_label.setText(QCoreApplication.translate("ProgrammeDetails", u"E&mergency phone:", None))
        self.emergency_phone.setPlaceholderText(QCoreApplication.translate("ProgrammeDetails", u"a number answered day and night", None))
        self.tour_box.setTitle(QCoreApplication.translate("ProgrammeDetails", u"Each tour's hotel and contact", None))
        self.tour_label.setText(QCoreApplication.translate("ProgrammeDetails", u"T&our:", None))
        self.hotel_name_label.setText(QCoreApplication.translate("ProgrammeDetails", u"&Hotel:", None))
        self.hotel_name.setPlaceholderText(QCoreApplication.translate("ProgrammeDetails", u"e.g. Hotel Gr\u00e0cia Centre", None))
        self.hotel_address_label.setText(QCoreApplication.translate("ProgrammeDetails", u"Hotel a&ddress:", None))
        self.hotel_phone_label.setText(QCoreApplication.translate("ProgrammeDetails", u"Hotel pho&ne:", None))
        self.contact_name_label.setText(QCoreApplication.translate("ProgrammeDetails", u"On-site &contact:", None))
        self.contact_name.setPlaceholderText(QCoreApplication.translate("ProgrammeDetails", u"when not the coordinator", None))
        self.contact_phone_label.setText(QCoreApplication.translate("ProgrammeDetails", u"Contact ph&one:", None))
        self.contact_email_label.setText(QCoreApplication.translate("ProgrammeDetails", u"Contact e-m&ail:", None))
    # retranslateUi

