# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_editor.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLayout, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QSizePolicy, QSpinBox, QTimeEdit,
    QVBoxLayout, QWidget)

class Ui_SessionEditor(object):
    def setupUi(self, SessionEditor):
        if not SessionEditor.objectName():
            SessionEditor.setObjectName(u"SessionEditor")
        SessionEditor.resize(560, 560)
        SessionEditor.setMinimumSize(QSize(520, 0))
        self.main_layout = QVBoxLayout(SessionEditor)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.tour_label = QLabel(SessionEditor)
        self.tour_label.setObjectName(u"tour_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.tour_label)

        self.tour = QComboBox(SessionEditor)
        self.tour.setObjectName(u"tour")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.tour)

        self.kind_label = QLabel(SessionEditor)
        self.kind_label.setObjectName(u"kind_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind = QComboBox(SessionEditor)
        self.kind.setObjectName(u"kind")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.title_label = QLabel(SessionEditor)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(SessionEditor)
        self.title.setObjectName(u"title")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.title)

        self.title_error = QLabel(SessionEditor)
        self.title_error.setObjectName(u"title_error")
        self.title_error.setStyleSheet(u"color: #b00020;")
        self.title_error.setText(u"")
        self.title_error.setTextFormat(Qt.TextFormat.PlainText)
        self.title_error.setWordWrap(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.title_error)

        self.date_label = QLabel(SessionEditor)
        self.date_label.setObjectName(u"date_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date = QDateEdit(SessionEditor)
        self.date.setObjectName(u"date")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.date.sizePolicy().hasHeightForWidth())
        self.date.setSizePolicy(sizePolicy)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(u"yyyy-MM-dd")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.date)

        self.date_warning = QLabel(SessionEditor)
        self.date_warning.setObjectName(u"date_warning")
        self.date_warning.setStyleSheet(u"color: #8a5300;")
        self.date_warning.setText(u"")
        self.date_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.date_warning.setWordWrap(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.date_warning)

        self.start_time_label = QLabel(SessionEditor)
        self.start_time_label.setObjectName(u"start_time_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.start_time_label)

        self.start_time = QTimeEdit(SessionEditor)
        self.start_time.setObjectName(u"start_time")
        sizePolicy.setHeightForWidth(self.start_time.sizePolicy().hasHeightForWidth())
        self.start_time.setSizePolicy(sizePolicy)
        self.start_time.setDisplayFormat(u"HH:mm")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.start_time)

        self.end_time_label = QLabel(SessionEditor)
        self.end_time_label.setObjectName(u"end_time_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.end_time_label)

        self.end_time = QTimeEdit(SessionEditor)
        self.end_time.setObjectName(u"end_time")
        sizePolicy.setHeightForWidth(self.end_time.sizePolicy().hasHeightForWidth())
        self.end_time.setSizePolicy(sizePolicy)
        self.end_time.setDisplayFormat(u"HH:mm")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.end_time)

        self.time_error = QLabel(SessionEditor)
        self.time_error.setObjectName(u"time_error")
        self.time_error.setStyleSheet(u"color: #b00020;")
        self.time_error.setText(u"")
        self.time_error.setTextFormat(Qt.TextFormat.PlainText)
        self.time_error.setWordWrap(True)

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.time_error)

        self.venue_label = QLabel(SessionEditor)
        self.venue_label.setObjectName(u"venue_label")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.venue_label)

        self.venue = QLineEdit(SessionEditor)
        self.venue.setObjectName(u"venue")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.venue)

        self.address_label = QLabel(SessionEditor)
        self.address_label.setObjectName(u"address_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address = QLineEdit(SessionEditor)
        self.address.setObjectName(u"address")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.address)

        self.visited_organisation_label = QLabel(SessionEditor)
        self.visited_organisation_label.setObjectName(u"visited_organisation_label")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.visited_organisation_label)

        self.visited_organisation = QComboBox(SessionEditor)
        self.visited_organisation.setObjectName(u"visited_organisation")
        self.visited_organisation.setEditable(True)

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.visited_organisation)

        self.contact_name_label = QLabel(SessionEditor)
        self.contact_name_label.setObjectName(u"contact_name_label")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.contact_name_label)

        self.contact_name = QLineEdit(SessionEditor)
        self.contact_name.setObjectName(u"contact_name")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.contact_name)

        self.contact_phone_label = QLabel(SessionEditor)
        self.contact_phone_label.setObjectName(u"contact_phone_label")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.contact_phone_label)

        self.contact_phone = QLineEdit(SessionEditor)
        self.contact_phone.setObjectName(u"contact_phone")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.contact_phone)

        self.topics_label = QLabel(SessionEditor)
        self.topics_label.setObjectName(u"topics_label")

        self.form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.topics_label)

        self.topics = QListWidget(SessionEditor)
        self.topics.setObjectName(u"topics")
        self.topics.setMaximumSize(QSize(16777215, 110))

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.topics)

        self.transfer_mode_label = QLabel(SessionEditor)
        self.transfer_mode_label.setObjectName(u"transfer_mode_label")

        self.form.setWidget(15, QFormLayout.ItemRole.LabelRole, self.transfer_mode_label)

        self.transfer_mode = QLineEdit(SessionEditor)
        self.transfer_mode.setObjectName(u"transfer_mode")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.transfer_mode)

        self.transfer_minutes_label = QLabel(SessionEditor)
        self.transfer_minutes_label.setObjectName(u"transfer_minutes_label")

        self.form.setWidget(16, QFormLayout.ItemRole.LabelRole, self.transfer_minutes_label)

        self.transfer_minutes = QSpinBox(SessionEditor)
        self.transfer_minutes.setObjectName(u"transfer_minutes")
        sizePolicy.setHeightForWidth(self.transfer_minutes.sizePolicy().hasHeightForWidth())
        self.transfer_minutes.setSizePolicy(sizePolicy)
        self.transfer_minutes.setMaximum(1440)

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.transfer_minutes)

        self.description_label = QLabel(SessionEditor)
        self.description_label.setObjectName(u"description_label")

        self.form.setWidget(17, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description = QPlainTextEdit(SessionEditor)
        self.description.setObjectName(u"description")
        self.description.setTabChangesFocus(True)

        self.form.setWidget(17, QFormLayout.ItemRole.FieldRole, self.description)


        self.main_layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(SessionEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setOrientation(Qt.Orientation.Horizontal)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.tour_label.setBuddy(self.tour)
        self.kind_label.setBuddy(self.kind)
        self.title_label.setBuddy(self.title)
        self.date_label.setBuddy(self.date)
        self.start_time_label.setBuddy(self.start_time)
        self.end_time_label.setBuddy(self.end_time)
        self.venue_label.setBuddy(self.venue)
        self.address_label.setBuddy(self.address)
        self.visited_organisation_label.setBuddy(self.visited_organisation)
        self.contact_name_label.setBuddy(self.contact_name)
        self.contact_phone_label.setBuddy(self.contact_phone)
        self.topics_label.setBuddy(self.topics)
        self.transfer_mode_label.setBuddy(self.transfer_mode)
        self.transfer_minutes_label.setBuddy(self.transfer_minutes)
        self.description_label.setBuddy(self.description)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tour, self.kind)
        QWidget.setTabOrder(self.kind, self.title)
        QWidget.setTabOrder(self.title, self.date)
        QWidget.setTabOrder(self.date, self.start_time)
        QWidget.setTabOrder(self.start_time, self.end_time)
        QWidget.setTabOrder(self.end_time, self.venue)
        QWidget.setTabOrder(self.venue, self.address)
        QWidget.setTabOrder(self.address, self.visited_organisation)
        QWidget.setTabOrder(self.visited_organisation, self.contact_name)
        QWidget.setTabOrder(self.contact_name, self.contact_phone)
        QWidget.setTabOrder(self.contact_phone, self.topics)
        QWidget.setTabOrder(self.topics, self.transfer_mode)
        QWidget.setTabOrder(self.transfer_mode, self.transfer_minutes)
        QWidget.setTabOrder(self.transfer_minutes, self.description)

        self.retranslateUi(SessionEditor)

        QMetaObject.connectSlotsByName(SessionEditor)
    # setupUi

    def retranslateUi(self, SessionEditor):
        SessionEditor.setWindowTitle(QCoreApplication.translate("SessionEditor", u"Session", None))
        self.tour_label.setText(QCoreApplication.translate("SessionEditor", u"&Tour:", None))
        self.kind_label.setText(QCoreApplication.translate("SessionEditor", u"&Kind:", None))
        self.title_label.setText(QCoreApplication.translate("SessionEditor", u"T&itle:", None))
        self.date_label.setText(QCoreApplication.translate("SessionEditor", u"&Date:", None))
        self.start_time_label.setText(QCoreApplication.translate("SessionEditor", u"St&art time:", None))
        self.end_time_label.setText(QCoreApplication.translate("SessionEditor", u"&End time:", None))
        self.venue_label.setText(QCoreApplication.translate("SessionEditor", u"&Venue:", None))
        self.address_label.setText(QCoreApplication.translate("SessionEditor", u"Add&ress:", None))
        self.visited_organisation_label.setText(QCoreApplication.translate("SessionEditor", u"&Visited:", None))
        self.contact_name_label.setText(QCoreApplication.translate("SessionEditor", u"Host &contact:", None))
        self.contact_name.setPlaceholderText(QCoreApplication.translate("SessionEditor", u"Who receives the group", None))
        self.contact_phone_label.setText(QCoreApplication.translate("SessionEditor", u"Contact p&hone:", None))
        self.contact_phone.setPlaceholderText(QCoreApplication.translate("SessionEditor", u"+34 93 000 00 00", None))
        self.topics_label.setText(QCoreApplication.translate("SessionEditor", u"T&opics:", None))
        self.transfer_mode_label.setText(QCoreApplication.translate("SessionEditor", u"Transfer &mode:", None))
        self.transfer_mode.setPlaceholderText(QCoreApplication.translate("SessionEditor", u"coach, walk, metro...", None))
        self.transfer_minutes_label.setText(QCoreApplication.translate("SessionEditor", u"Trans&fer time:", None))
        self.transfer_minutes.setSuffix(QCoreApplication.translate("SessionEditor", u" min", None))
        self.description_label.setText(QCoreApplication.translate("SessionEditor", u"Descri&ption:", None))
    # retranslateUi

