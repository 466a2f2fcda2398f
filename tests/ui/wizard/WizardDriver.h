#pragma once

#include "ui/common/UrlLabel.h"
#include "ui/wizard/SetupWizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

// Drives a SetupWizard like an admin would: typing into its fields and pressing its buttons.
namespace WizardDriver {

constexpr int kWait = 30000;

inline void type(QWidget* root, const char* objectName, const QString& text)
{
    auto* edit = root->findChild<QLineEdit*>(QString::fromLatin1(objectName));
    QVERIFY2(edit, objectName);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

inline QString text(QWidget* root, const char* objectName)
{
    if (auto* edit = root->findChild<QLineEdit*>(QString::fromLatin1(objectName))) {
        return edit->text();
    }
    if (auto* url = root->findChild<Cw::UrlLabel*>(QString::fromLatin1(objectName))) {
        return url->fullText();
    }
    if (auto* label = root->findChild<QLabel*>(QString::fromLatin1(objectName))) {
        return label->text();
    }
    return QStringLiteral("<no widget %1>").arg(QString::fromLatin1(objectName));
}

inline void choose(QWidget* root, const char* objectName, const QString& data)
{
    auto* combo = root->findChild<QComboBox*>(QString::fromLatin1(objectName));
    QVERIFY2(combo, objectName);
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
}

inline void press(QWizard* wizard, QWizard::WizardButton which)
{
    QAbstractButton* button = wizard->button(which);
    QVERIFY(button);
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled() && button->isVisible(), kWait);
    button->click();
}

inline void screenshot(QWidget* widget, const QString& name)
{
    QDir().mkpath(QStringLiteral(CW_SCREENSHOT_DIR));
    QCoreApplication::processEvents();
    QVERIFY(widget->grab().save(QStringLiteral(CW_SCREENSHOT_DIR "/") + name + QStringLiteral(".png")));
}

} // namespace WizardDriver
