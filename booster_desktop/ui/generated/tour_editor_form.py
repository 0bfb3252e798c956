# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'tour_editor.ui'
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
    QLayout, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_TourEditor(object):
    def setupUi(self, TourEditor):
        if not TourEditor.objectName():
            TourEditor.setObjectName(u"TourEditor")
        TourEditor.resize(560, 580)
        TourEditor.setMinimumSize(QSize(520, 0))
        self.main_layout = QVBoxLayout(TourEditor)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.code_label = QLabel(TourEditor)
        self.code_label.setObjectName(u"code_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.code_label)

        self.code = QLineEdit(TourEditor)
        self.code.setObjectName(u"code")
        self.code.setMaxLength(8)
        self.code.setPlaceholderText(u"CAT")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.code)

        self.code_error = QLabel(TourEditor)
        self.code_error.setObjectName(u"code_error")
        self.code_error.setStyleSheet(u"color: #b00020;")
        self.code_error.setText(u"")
        self.code_error.setTextFormat(Qt.TextFormat.PlainText)
        self.code_error.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.code_error)

        self.title_label = QLabel(TourEditor)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(TourEditor)
        self.title.setObjectName(u"title")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.title)

        self.title_error = QLabel(TourEditor)
        self.title_error.setObjectName(u"title_error")
        self.title_error.setStyleSheet(u"color: #b00020;")
        self.title_error.setText(u"")
        self.title_error.setTextFormat(Qt.TextFormat.PlainText)
        self.title_error.setWordWrap(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.title_error)

        self.region_label = QLabel(TourEditor)
        self.region_label.setObjectName(u"region_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.region_label)

        self.region = QLineEdit(TourEditor)
        self.region.setObjectName(u"region")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.region)

        self.city_label = QLabel(TourEditor)
        self.city_label.setObjectName(u"city_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.city_label)

        self.city = QLineEdit(TourEditor)
        self.city.setObjectName(u"city")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.city)

        self.country_label = QLabel(TourEditor)
        self.country_label.setObjectName(u"country_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.country_label)

        self.country = QComboBox(TourEditor)
        self.country.setObjectName(u"country")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.country)

        self.host_agency_label = QLabel(TourEditor)
        self.host_agency_label.setObjectName(u"host_agency_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.host_agency_label)

        self.host_agency = QComboBox(TourEditor)
        self.host_agency.setObjectName(u"host_agency")
        self.host_agency.setEditable(True)
        self.host_agency.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.host_agency.setMinimumContentsLength(20)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.host_agency)

        self.start_date_label = QLabel(TourEditor)
        self.start_date_label.setObjectName(u"start_date_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.start_date_label)

        self.start_date = QDateEdit(TourEditor)
        self.start_date.setObjectName(u"start_date")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.start_date.sizePolicy().hasHeightForWidth())
        self.start_date.setSizePolicy(sizePolicy)
        self.start_date.setCalendarPopup(True)
        self.start_date.setDisplayFormat(u"yyyy-MM-dd")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.start_date)

        self.end_date_label = QLabel(TourEditor)
        self.end_date_label.setObjectName(u"end_date_label")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.end_date_label)

        self.end_date = QDateEdit(TourEditor)
        self.end_date.setObjectName(u"end_date")
        sizePolicy.setHeightForWidth(self.end_date.sizePolicy().hasHeightForWidth())
        self.end_date.setSizePolicy(sizePolicy)
        self.end_date.setCalendarPopup(True)
        self.end_date.setDisplayFormat(u"yyyy-MM-dd")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.end_date)

        self.dates_error = QLabel(TourEditor)
        self.dates_error.setObjectName(u"dates_error")
        self.dates_error.setStyleSheet(u"color: #b00020;")
        self.dates_error.setText(u"")
        self.dates_error.setTextFormat(Qt.TextFormat.PlainText)
        self.dates_error.setWordWrap(True)

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.dates_error)

        self.capacity_label = QLabel(TourEditor)
        self.capacity_label.setObjectName(u"capacity_label")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.capacity_label)

        self.capacity = QSpinBox(TourEditor)
        self.capacity.setObjectName(u"capacity")
        sizePolicy.setHeightForWidth(self.capacity.sizePolicy().hasHeightForWidth())
        self.capacity.setSizePolicy(sizePolicy)
        self.capacity.setMaximum(100000)

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.capacity)

        self.capacity_error = QLabel(TourEditor)
        self.capacity_error.setObjectName(u"capacity_error")
        self.capacity_error.setStyleSheet(u"color: #b00020;")
        self.capacity_error.setText(u"")
        self.capacity_error.setTextFormat(Qt.TextFormat.PlainText)
        self.capacity_error.setWordWrap(True)

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.capacity_error)

        self.time_zone_label = QLabel(TourEditor)
        self.time_zone_label.setObjectName(u"time_zone_label")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.time_zone_label)

        self.time_zone = QComboBox(TourEditor)
        self.time_zone.setObjectName(u"time_zone")
        self.time_zone.setEditable(True)

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.time_zone)

        self.time_zone_error = QLabel(TourEditor)
        self.time_zone_error.setObjectName(u"time_zone_error")
        self.time_zone_error.setStyleSheet(u"color: #b00020;")
        self.time_zone_error.setText(u"")
        self.time_zone_error.setTextFormat(Qt.TextFormat.PlainText)
        self.time_zone_error.setWordWrap(True)

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.time_zone_error)

        self.notes_label = QLabel(TourEditor)
        self.notes_label.setObjectName(u"notes_label")

        self.form.setWidget(15, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(TourEditor)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.notes)


        self.main_layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(TourEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setOrientation(Qt.Orientation.Horizontal)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.code_label.setBuddy(self.code)
        self.title_label.setBuddy(self.title)
        self.region_label.setBuddy(self.region)
        self.city_label.setBuddy(self.city)
        self.country_label.setBuddy(self.country)
        self.host_agency_label.setBuddy(self.host_agency)
        self.start_date_label.setBuddy(self.start_date)
        self.end_date_label.setBuddy(self.end_date)
        self.capacity_label.setBuddy(self.capacity)
        self.time_zone_label.setBuddy(self.time_zone)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.code, self.title)
        QWidget.setTabOrder(self.title, self.region)
        QWidget.setTabOrder(self.region, self.city)
        QWidget.setTabOrder(self.city, self.country)
        QWidget.setTabOrder(self.country, self.host_agency)
        QWidget.setTabOrder(self.host_agency, self.start_date)
        QWidget.setTabOrder(self.start_date, self.end_date)
        QWidget.setTabOrder(self.end_date, self.capacity)
        QWidget.setTabOrder(self.capacity, self.time_zone)
        QWidget.setTabOrder(self.time_zone, self.notes)

        self.retranslateUi(TourEditor)

        QMetaObject.connectSlotsByName(TourEditor)
    # setupUi

    def retranslateUi(self, TourEditor):
        TourEditor.setWindowTitle(QCoreApplication.translate("TourEditor", u"Tour", None))
        self.code_label.setText(QCoreApplication.translate("TourEditor", u"Co&de:", None))
        self.title_label.setText(QCoreApplication.translate("TourEditor", u"T&itle:", None))
        self.title.setPlaceholderText(QCoreApplication.translate("TourEditor", u"e.g. Catalonia", None))
        self.region_label.setText(QCoreApplication.translate("TourEditor", u"&Region:", None))
        self.city_label.setText(QCoreApplication.translate("TourEditor", u"Cit&y:", None))
        self.country_label.setText(QCoreApplication.translate("TourEditor", u"Cou&ntry:", None))
        self.host_agency_label.setText(QCoreApplication.translate("TourEditor", u"&Host agency:", None))
        self.start_date_label.setText(QCoreApplication.translate("TourEditor", u"St&art date:", None))
        self.end_date_label.setText(QCoreApplication.translate("TourEditor", u"&End date:", None))
        self.capacity_label.setText(QCoreApplication.translate("TourEditor", u"Ca&pacity:", None))
        self.time_zone_label.setText(QCoreApplication.translate("TourEditor", u"&Time zone:", None))
        self.notes_label.setText(QCoreApplication.translate("TourEditor", u"N&otes:", None))
    # retranslateUi

