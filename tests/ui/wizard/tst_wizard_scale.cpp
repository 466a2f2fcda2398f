// Every page of the wizard fits a 1366×768 screen at 150 % scaling (QT_SCALE_FACTOR=1.5 in the test's
// environment): its minimum size, the wizard's minimum size and its initial size, in device pixels.
// Also: every input has an accessible name and takes Tab focus, and every label of an input has a
// mnemonic and a buddy (the wizard works with the keyboard alone).
#include "core/connectwise/NetworkAccessFactory.h"
#include "core/secrets/MemorySecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "core/setup/SetupController.h"
#include "core/store/Database.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/wizard/SetupWizard.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace Cw;

class TestWizardScale final : public QObject
{
    Q_OBJECT

private slots:
    void everyPageFits();
    void everyInputIsNamedAndReachable();
};

void TestWizardScale::everyPageFits()
{
    QCOMPARE(qgetenv("QT_SCALE_FACTOR"), QByteArray("1.5"));
    QTemporaryDir dir;
    Database db(DatabaseLocation::sqlite(dir.filePath(QStringLiteral("scale.sqlite"))));
    QVERIFY(db.open());
    MemorySecretStore store;
    InstanceSecrets secrets(store);
    const NetworkAccessFactory network;
    SetupController controller(db, secrets, network);
    CwTest::ScriptedPrompter prompter;
    SetupWizard wizard(controller, prompter, SetupWizard::Mode::Create);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const qreal ratio = wizard.devicePixelRatioF();
    QCOMPARE(ratio, 1.5);
    const QSize screen(1366, 768);
    // The window frame and title bar take some room too; keep 60 device pixels for them.
    const QSize usable(screen.width(), screen.height() - 60);
    auto fits = [&](const QSize& logical) {
        return logical.width() * ratio <= usable.width() && logical.height() * ratio <= usable.height();
    };
    QVERIFY2(fits(wizard.minimumSizeHint().expandedTo(wizard.minimumSize())),
             qPrintable(QStringLiteral("wizard minimum %1x%2")
                            .arg(wizard.minimumSizeHint().width())
                            .arg(wizard.minimumSizeHint().height())));
    QVERIFY2(fits(wizard.size()),
             qPrintable(QStringLiteral("wizard size %1x%2").arg(wizard.width()).arg(wizard.height())));
    const QList<int> ids = wizard.pageIds();
    QVERIFY(ids.size() >= 7);
    for (const int id : ids) {
        QWizardPage* page = wizard.page(id);
        const QSize minimum = page->minimumSizeHint().expandedTo(page->minimumSize());
        QVERIFY2(fits(minimum),
                 qPrintable(QStringLiteral("page %1 (%2) needs %3x%4")
                                .arg(id)
                                .arg(page->objectName())
                                .arg(minimum.width())
                                .arg(minimum.height())));
        QVERIFY2(!page->title().isEmpty(), qPrintable(page->objectName()));
    }
}

void TestWizardScale::everyInputIsNamedAndReachable()
{
    QTemporaryDir dir;
    Database db(DatabaseLocation::sqlite(dir.filePath(QStringLiteral("a11y.sqlite"))));
    QVERIFY(db.open());
    MemorySecretStore store;
    InstanceSecrets secrets(store);
    const NetworkAccessFactory network;
    SetupController controller(db, secrets, network);
    CwTest::ScriptedPrompter prompter;
    SetupWizard wizard(controller, prompter, SetupWizard::Mode::Create);
    int inputs = 0;
    const QList<QWidget*> widgets = wizard.findChildren<QWidget*>();
    for (QWidget* widget : widgets) {
        const bool input = qobject_cast<QLineEdit*>(widget) || qobject_cast<QComboBox*>(widget) ||
            qobject_cast<QAbstractSpinBox*>(widget) || qobject_cast<QAbstractItemView*>(widget) ||
            qobject_cast<QCheckBox*>(widget);
        if (!input || qobject_cast<QLineEdit*>(widget->parentWidget()) ||
            qobject_cast<QAbstractSpinBox*>(widget->parentWidget()) ||
            qobject_cast<QComboBox*>(widget->parentWidget()) ||
            qobject_cast<QAbstractItemView*>(widget->parentWidget())) {
            continue; // internal parts of composite widgets
        }
        ++inputs;
        QVERIFY2(!widget->accessibleName().isEmpty() || !widget->property("text").toString().isEmpty(),
                 qPrintable(widget->objectName() + QLatin1Char('/') +
                            QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char('/') +
                            widget->parentWidget()->objectName() + QStringLiteral(" has no accessible name")));
        if (!qobject_cast<QAbstractItemView*>(widget) || widget->objectName() != QStringLiteral("stepList")) {
            QVERIFY2(widget->focusPolicy() & Qt::TabFocus,
                     qPrintable(widget->objectName() + QStringLiteral(" cannot be reached with Tab")));
        }
    }
    QVERIFY(inputs >= 10);
    // Every label that names an input has a mnemonic and a buddy, so Alt+letter reaches the field.
    int buddies = 0;
    for (QLabel* label : wizard.findChildren<QLabel*>()) {
        if (label->buddy() && !qobject_cast<QLabel*>(label->buddy())) {
            ++buddies;
            QVERIFY2(label->text().contains(QLatin1Char('&')), qPrintable(label->text()));
        }
    }
    QVERIFY(buddies >= 8);
}

QTEST_MAIN(TestWizardScale)
#include "tst_wizard_scale.moc"
