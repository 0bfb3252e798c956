# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'topic_editor.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLayout,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_TopicEditor(object):
    def setupUi(self, TopicEditor):
        if not TopicEditor.objectName():
            TopicEditor.setObjectName(u"TopicEditor")
        TopicEditor.resize(560, 330)
        TopicEditor.setMinimumSize(QSize(520, 0))
        self.main_layout = QVBoxLayout(TopicEditor)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_label = QLabel(TopicEditor)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(TopicEditor)
        self.name.setObjectName(u"name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.name_error = QLabel(TopicEditor)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setStyleSheet(u"color: #b00020;")
        self.name_error.setText(u"")
        self.name_error.setTextFormat(Qt.TextFormat.PlainText)
        self.name_error.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.description_label = QLabel(TopicEditor)
        self.description_label.setObjectName(u"description_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description = QPlainTextEdit(TopicEditor)
        self.description.setObjectName(u"description")
        self.description.setTabChangesFocus(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.description)

        self.is_priority = QCheckBox(TopicEditor)
        self.is_priority.setObjectName(u"is_priority")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.is_priority)


        self.main_layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(TopicEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setOrientation(Qt.Orientation.Horizontal)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.description_label.setBuddy(self.description)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.description)
        QWidget.setTabOrder(self.description, self.is_priority)

        self.retranslateUi(TopicEditor)

        QMetaObject.connectSlotsByName(TopicEditor)
    # setupUi

    def retranslateUi(self, TopicEditor):
        TopicEditor.setWindowTitle(QCoreApplication.translate("TopicEditor", u"Topic", None))
        self.name_label.setText(QCoreApplication.translate("TopicEditor", u"&Name:", None))
        self.name.setPlaceholderText(QCoreApplication.translate("TopicEditor", u"e.g. Internationalisation of cluster members", None))
        self.description_label.setText(QCoreApplication.translate("TopicEditor", u"&Description:", None))
        self.is_priority.setText(QCoreApplication.translate("TopicEditor", u"&Priority topic for the programme", None))
    # retranslateUi

