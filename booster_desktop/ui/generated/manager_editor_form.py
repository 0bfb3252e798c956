# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'manager_editor.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLayout,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ManagerEditor(object):
    def setupUi(self, ManagerEditor):
        if not ManagerEditor.objectName():
            ManagerEditor.setObjectName(u"ManagerEditor")
        ManagerEditor.resize(560, 700)
        ManagerEditor.setMinimumSize(QSize(520, 0))
        self.main_layout = QVBoxLayout(ManagerEditor)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.given_name_label = QLabel(ManagerEditor)
        self.given_name_label.setObjectName(u"given_name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.given_name_label)

        self.given_name = QLineEdit(ManagerEditor)
        self.given_name.setObjectName(u"given_name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.given_name)

        self.family_name_label = QLabel(ManagerEditor)
        self.family_name_label.setObjectName(u"family_name_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.family_name_label)

        self.family_name = QLineEdit(ManagerEditor)
        self.family_name.setObjectName(u"family_name")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.family_name)

        self.name_error = QLabel(ManagerEditor)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setStyleSheet(u"color: #b00020;")
        self.name_error.setText(u"")
        self.name_error.setTextFormat(Qt.TextFormat.PlainText)
        self.name_error.setWordWrap(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.arabic_name_label = QLabel(ManagerEditor)
        self.arabic_name_label.setObjectName(u"arabic_name_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.arabic_name_label)

        self.arabic_name = QLineEdit(ManagerEditor)
        self.arabic_name.setObjectName(u"arabic_name")
        self.arabic_name.setLayoutDirection(Qt.LayoutDirection.RightToLeft)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.arabic_name)

        self.country_label = QLabel(ManagerEditor)
        self.country_label.setObjectName(u"country_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.country_label)

        self.country_and_city = QHBoxLayout()
        self.country_and_city.setObjectName(u"country_and_city")
        self.country = QComboBox(ManagerEditor)
        self.country.setObjectName(u"country")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.country.sizePolicy().hasHeightForWidth())
        self.country.setSizePolicy(sizePolicy)

        self.country_and_city.addWidget(self.country)

        self.city_label = QLabel(ManagerEditor)
        self.city_label.setObjectName(u"city_label")

        self.country_and_city.addWidget(self.city_label)

        self.city = QLineEdit(ManagerEditor)
        self.city.setObjectName(u"city")
        self.city.setMinimumSize(QSize(150, 0))
        sizePolicy.setHeightForWidth(self.city.sizePolicy().hasHeightForWidth())
        self.city.setSizePolicy(sizePolicy)

        self.country_and_city.addWidget(self.city)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.country_and_city)

        self.country_error = QLabel(ManagerEditor)
        self.country_error.setObjectName(u"country_error")
        self.country_error.setStyleSheet(u"color: #b00020;")
        self.country_error.setText(u"")
        self.country_error.setTextFormat(Qt.TextFormat.PlainText)
        self.country_error.setWordWrap(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.country_error)

        self.organisation_label = QLabel(ManagerEditor)
        self.organisation_label.setObjectName(u"organisation_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.organisation_label)

        self.organisation = QComboBox(ManagerEditor)
        self.organisation.setObjectName(u"organisation")
        self.organisation.setEditable(True)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.organisation)

        self.role_label = QLabel(ManagerEditor)
        self.role_label.setObjectName(u"role_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role = QLineEdit(ManagerEditor)
        self.role.setObjectName(u"role")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.role)

        self.email_label = QLabel(ManagerEditor)
        self.email_label.setObjectName(u"email_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email = QLineEdit(ManagerEditor)
        self.email.setObjectName(u"email")
        self.email.setPlaceholderText(u"name@cluster.org")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.email)

        self.email_error = QLabel(ManagerEditor)
        self.email_error.setObjectName(u"email_error")
        self.email_error.setStyleSheet(u"color: #b00020;")
        self.email_error.setText(u"")
        self.email_error.setTextFormat(Qt.TextFormat.PlainText)
        self.email_error.setWordWrap(True)

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.email_error)

        self.phone_label = QLabel(ManagerEditor)
        self.phone_label.setObjectName(u"phone_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone = QLineEdit(ManagerEditor)
        self.phone.setObjectName(u"phone")
        self.phone.setPlaceholderText(u"+212 5 22 00 00 00")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.phone)

        self.gender_label = QLabel(ManagerEditor)
        self.gender_label.setObjectName(u"gender_label")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.gender_label)

        self.gender = QComboBox(ManagerEditor)
        self.gender.setObjectName(u"gender")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.gender)

        self.status_label = QLabel(ManagerEditor)
        self.status_label.setObjectName(u"status_label")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status = QComboBox(ManagerEditor)
        self.status.setObjectName(u"status")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.status)

        self.dietary_needs_label = QLabel(ManagerEditor)
        self.dietary_needs_label.setObjectName(u"dietary_needs_label")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.dietary_needs_label)

        self.diets_box = QWidget(ManagerEditor)
        self.diets_box.setObjectName(u"diets_box")
        self.diets_layout = QGridLayout(self.diets_box)
        self.diets_layout.setObjectName(u"diets_layout")
        self.diets_layout.setContentsMargins(0, 0, 0, 0)
        self.diet_vegetarian = QCheckBox(self.diets_box)
        self.diet_vegetarian.setObjectName(u"diet_vegetarian")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.diet_vegetarian.sizePolicy().hasHeightForWidth())
        self.diet_vegetarian.setSizePolicy(sizePolicy1)

        self.diets_layout.addWidget(self.diet_vegetarian, 0, 0, 1, 1)

        self.diet_vegan = QCheckBox(self.diets_box)
        self.diet_vegan.setObjectName(u"diet_vegan")
        sizePolicy1.setHeightForWidth(self.diet_vegan.sizePolicy().hasHeightForWidth())
        self.diet_vegan.setSizePolicy(sizePolicy1)

        self.diets_layout.addWidget(self.diet_vegan, 0, 1, 1, 1)

        self.diet_halal = QCheckBox(self.diets_box)
        self.diet_halal.setObjectName(u"diet_halal")
        sizePolicy1.setHeightForWidth(self.diet_halal.sizePolicy().hasHeightForWidth())
        self.diet_halal.setSizePolicy(sizePolicy1)

        self.diets_layout.addWidget(self.diet_halal, 0, 2, 1, 1)

        self.diet_no_pork = QCheckBox(self.diets_box)
        self.diet_no_pork.setObjectName(u"diet_no_pork")
        sizePolicy1.setHeightForWidth(self.diet_no_pork.sizePolicy().hasHeightForWidth())
        self.diet_no_pork.setSizePolicy(sizePolicy1)

        self.diets_layout.addWidget(self.diet_no_pork, 0, 3, 1, 1)

        self.diet_no_alcohol = QCheckBox(self.diets_box)
        self.diet_no_alcohol.setObjectName(u"diet_no_alcohol")
        sizePolicy1.setHeightForWidth(self.diet_no_alcohol.sizePolicy().hasHeightForWidth())
        self.diet_no_alcohol.setSizePolicy(sizePolicy1)

        self.diets_layout.addWidget(self.diet_no_alcohol, 1, 0, 1, 1)

        self.diet_gluten_free = QCheckBox(self.diets_box)
        self.diet_gluten_free.setObjectName(u"diet_gluten_free")
        sizePolicy1.setHeightForWidth(self.diet_gluten_free.sizePolicy().hasHeightForWidth())
        self.diet_gluten_free.setSizePolicy(sizePolicy1)

        self.diets_layout.addWidget(self.diet_gluten_free, 1, 1, 1, 1)

        self.diet_lactose_free = QCheckBox(self.diets_box)
        self.diet_lactose_free.setObjectName(u"diet_lactose_free")
        sizePolicy1.setHeightForWidth(self.diet_lactose_free.sizePolicy().hasHeightForWidth())
        self.diet_lactose_free.setSizePolicy(sizePolicy1)

        self.diets_layout.addWidget(self.diet_lactose_free, 1, 2, 1, 1)

        self.diet_nut_allergy = QCheckBox(self.diets_box)
        self.diet_nut_allergy.setObjectName(u"diet_nut_allergy")
        sizePolicy1.setHeightForWidth(self.diet_nut_allergy.sizePolicy().hasHeightForWidth())
        self.diet_nut_allergy.setSizePolicy(sizePolicy1)

        self.diets_layout.addWidget(self.diet_nut_allergy, 1, 3, 1, 1)

        self.dietary_needs = QLineEdit(self.diets_box)
        self.dietary_needs.setObjectName(u"dietary_needs")

        self.diets_layout.addWidget(self.dietary_needs, 2, 0, 1, 4)


        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.diets_box)

        self.accessibility_needs_label = QLabel(ManagerEditor)
        self.accessibility_needs_label.setObjectName(u"accessibility_needs_label")

        self.form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.accessibility_needs_label)

        self.accessibility_needs = QLineEdit(ManagerEditor)
        self.accessibility_needs.setObjectName(u"accessibility_needs")

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.accessibility_needs)

        self.notes_label = QLabel(ManagerEditor)
        self.notes_label.setObjectName(u"notes_label")

        self.form.setWidget(15, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes = QPlainTextEdit(ManagerEditor)
        self.notes.setObjectName(u"notes")
        self.notes.setMaximumSize(QSize(16777215, 80))
        self.notes.setTabChangesFocus(True)

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.notes)


        self.main_layout.addLayout(self.form)

        self.travel_group = QGroupBox(ManagerEditor)
        self.travel_group.setObjectName(u"travel_group")
        self.travel_form = QFormLayout(self.travel_group)
        self.travel_form.setObjectName(u"travel_form")
        self.travel_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.show_travel = QCheckBox(self.travel_group)
        self.show_travel.setObjectName(u"show_travel")

        self.travel_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.show_travel)

        self.nationality_label = QLabel(self.travel_group)
        self.nationality_label.setObjectName(u"nationality_label")

        self.travel_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nationality_label)

        self.nationality = QComboBox(self.travel_group)
        self.nationality.setObjectName(u"nationality")

        self.travel_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nationality)

        self.passport_number_label = QLabel(self.travel_group)
        self.passport_number_label.setObjectName(u"passport_number_label")

        self.travel_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passport_number_label)

        self.passport_number = QLineEdit(self.travel_group)
        self.passport_number.setObjectName(u"passport_number")
        self.passport_number.setEchoMode(QLineEdit.EchoMode.Password)

        self.travel_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passport_number)

        self.passport_expiry_label = QLabel(self.travel_group)
        self.passport_expiry_label.setObjectName(u"passport_expiry_label")

        self.travel_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.passport_expiry_label)

        self.passport_expiry = QLineEdit(self.travel_group)
        self.passport_expiry.setObjectName(u"passport_expiry")
        self.passport_expiry.setEchoMode(QLineEdit.EchoMode.Password)

        self.travel_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.passport_expiry)

        self.date_of_birth_label = QLabel(self.travel_group)
        self.date_of_birth_label.setObjectName(u"date_of_birth_label")

        self.travel_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.date_of_birth_label)

        self.date_of_birth = QLineEdit(self.travel_group)
        self.date_of_birth.setObjectName(u"date_of_birth")
        self.date_of_birth.setEchoMode(QLineEdit.EchoMode.Password)

        self.travel_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.date_of_birth)

        self.travel_error = QLabel(self.travel_group)
        self.travel_error.setObjectName(u"travel_error")
        self.travel_error.setStyleSheet(u"color: #b00020;")
        self.travel_error.setText(u"")
        self.travel_error.setTextFormat(Qt.TextFormat.PlainText)
        self.travel_error.setWordWrap(True)

        self.travel_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.travel_error)


        self.main_layout.addWidget(self.travel_group)

        self.buttons = QDialogButtonBox(ManagerEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setOrientation(Qt.Orientation.Horizontal)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.given_name_label.setBuddy(self.given_name)
        self.family_name_label.setBuddy(self.family_name)
        self.arabic_name_label.setBuddy(self.arabic_name)
        self.country_label.setBuddy(self.country)
        self.city_label.setBuddy(self.city)
        self.organisation_label.setBuddy(self.organisation)
        self.role_label.setBuddy(self.role)
        self.email_label.setBuddy(self.email)
        self.phone_label.setBuddy(self.phone)
        self.gender_label.setBuddy(self.gender)
        self.status_label.setBuddy(self.status)
        self.dietary_needs_label.setBuddy(self.diet_vegetarian)
        self.accessibility_needs_label.setBuddy(self.accessibility_needs)
        self.notes_label.setBuddy(self.notes)
        self.nationality_label.setBuddy(self.nationality)
        self.passport_number_label.setBuddy(self.passport_number)
        self.passport_expiry_label.setBuddy(self.passport_expiry)
        self.date_of_birth_label.setBuddy(self.date_of_birth)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.given_name, self.family_name)
        QWidget.setTabOrder(self.family_name, self.arabic_name)
        QWidget.setTabOrder(self.arabic_name, self.country)
        QWidget.setTabOrder(self.country, self.city)
        QWidget.setTabOrder(self.city, self.organisation)
        QWidget.setTabOrder(self.organisation, self.role)
        QWidget.setTabOrder(self.role, self.email)
        QWidget.setTabOrder(self.email, self.phone)
        QWidget.setTabOrder(self.phone, self.gender)
        QWidget.setTabOrder(self.gender, self.status)
        QWidget.setTabOrder(self.status, self.diet_vegetarian)
        QWidget.setTabOrder(self.diet_vegetarian, self.diet_vegan)
        QWidget.setTabOrder(self.diet_vegan, self.diet_halal)
        QWidget.setTabOrder(self.diet_halal, self.diet_no_pork)
        QWidget.setTabOrder(self.diet_no_pork, self.diet_no_alcohol)
        QWidget.setTabOrder(self.diet_no_alcohol, self.diet_gluten_free)
        QWidget.setTabOrder(self.diet_gluten_free, self.diet_lactose_free)
        QWidget.setTabOrder(self.diet_lactose_free, self.diet_nut_allergy)
        QWidget.setTabOrder(self.diet_nut_allergy, self.dietary_needs)
        QWidget.setTabOrder(self.dietary_needs, self.accessibility_needs)
        QWidget.setTabOrder(self.accessibility_needs, self.notes)
        QWidget.setTabOrder(self.notes, self.show_travel)
        QWidget.setTabOrder(self.show_travel, self.nationality)
        QWidget.setTabOrder(self.nationality, self.passport_number)
        QWidget.setTabOrder(self.passport_number, self.passport_expiry)
        QWidget.setTabOrder(self.passport_expiry, self.date_of_birth)

        self.retranslateUi(ManagerEditor)

        QMetaObject.connectSlotsByName(ManagerEditor)
    # setupUi

    def retranslateUi(self, ManagerEditor):
        ManagerEditor.setWindowTitle(QCoreApplication.translate("ManagerEditor", u"Manager", None))
        self.given_name_label.setText(QCoreApplication.translate("ManagerEditor", u"&Given name:", None))
        self.family_name_label.setText(QCoreApplication.translate("ManagerEditor", u"&Family name:", None))
        self.arabic_name_label.setText(QCoreApplication.translate("ManagerEditor", u"Name in &Arabic script:", None))
        self.country_label.setText(QCoreApplication.translate("ManagerEditor", u"&Country:", None))
        self.city_label.setText(QCoreApplication.translate("ManagerEditor", u"Cit&y:", None))
        self.city.setPlaceholderText(QCoreApplication.translate("ManagerEditor", u"e.g. Sfax", None))
        self.organisation_label.setText(QCoreApplication.translate("ManagerEditor", u"Cluster / &organisation:", None))
        self.role_label.setText(QCoreApplication.translate("ManagerEditor", u"&Role:", None))
        self.role.setPlaceholderText(QCoreApplication.translate("ManagerEditor", u"e.g. Cluster manager", None))
        self.email_label.setText(QCoreApplication.translate("ManagerEditor", u"&Email:", None))
        self.phone_label.setText(QCoreApplication.translate("ManagerEditor", u"&Phone:", None))
        self.gender_label.setText(QCoreApplication.translate("ManagerEditor", u"Ge&nder:", None))
        self.status_label.setText(QCoreApplication.translate("ManagerEditor", u"Stat&us:", None))
        self.dietary_needs_label.setText(QCoreApplication.translate("ManagerEditor", u"&Diet:", None))
        self.diet_vegetarian.setText(QCoreApplication.translate("ManagerEditor", u"Vegetarian", None))
        self.diet_vegan.setText(QCoreApplication.translate("ManagerEditor", u"Vegan", None))
        self.diet_halal.setText(QCoreApplication.translate("ManagerEditor", u"Halal", None))
        self.diet_no_pork.setText(QCoreApplication.translate("ManagerEditor", u"No pork", None))
        self.diet_no_alcohol.setText(QCoreApplication.translate("ManagerEditor", u"No alcohol", None))
        self.diet_gluten_free.setText(QCoreApplication.translate("ManagerEditor", u"Gluten-free", None))
        self.diet_lactose_free.setText(QCoreApplication.translate("ManagerEditor", u"Lactose-free", None))
        self.diet_nut_allergy.setText(QCoreApplication.translate("ManagerEditor", u"Nut allergy", None))
        self.dietary_needs.setPlaceholderText(QCoreApplication.translate("ManagerEditor", u"Anything else, in the manager's words (e.g. no fish)", None))
        self.accessibility_needs_label.setText(QCoreApplication.translate("ManagerEditor", u"Accessi&bility needs:", None))
        self.accessibility_needs.setPlaceholderText(QCoreApplication.translate("ManagerEditor", u"e.g. step-free access", None))
        self.notes_label.setText(QCoreApplication.translate("ManagerEditor", u"No&tes:", None))
        self.travel_group.setTitle(QCoreApplication.translate("ManagerEditor", u"Travel documents (sensitive)", None))
        self.show_travel.setText(QCoreApplication.translate("ManagerEditor", u"Show tra&vel documents", None))
        self.nationality_label.setText(QCoreApplication.translate("ManagerEditor", u"Nat&ionality:", None))
        self.passport_number_label.setText(QCoreApplication.translate("ManagerEditor", u"Passport nu&mber:", None))
        self.passport_expiry_label.setText(QCoreApplication.translate("ManagerEditor", u"Passport e&xpiry:", None))
        self.passport_expiry.setPlaceholderText(QCoreApplication.translate("ManagerEditor", u"YYYY-MM-DD", None))
        self.date_of_birth_label.setText(QCoreApplication.translate("ManagerEditor", u"Date of birt&h:", None))
        self.date_of_birth.setPlaceholderText(QCoreApplication.translate("ManagerEditor", u"YYYY-MM-DD", None))
    # retranslateUi

