// The setup wizard on a 1366×768 screen at 150 % (LAPTOP_SCREEN), every page in turn with real content — the company
// found, the check finished, the configuration pages with ConnectWise's live lists — as an admin walks through it
// against cwconnector-sim: each fits the screen with its buttons inside, and every control is reachable with Tab
// and has an accessible name.
#include "core/secrets/MemorySecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "core/setup/SetupController.h"
#include "tests/support/SyncFixture.h"
#include "tests/ui/ScriptedPrompter.h"
#include "tests/ui/WindowChecks.h"
#include "ui/panels/LookupsPanel.h"
#include "ui/wizard/PanelPage.h"
#include "ui/wizard/SetupWizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>

using namespace Cw;

namespace {
constexpr int kWait = 60000;

void type(QWidget* root, const char* objectName, const QString& text)
{
    auto* edit = root->findChild<QLineEdit*>(QString::fromLatin1(objectName));
    QVERIFY2(edit, objectName);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}
// A configuration panel fits its page's width: nothing of it is reached only by scrolling sideways.
bool noSidewaysScrolling(QWidget* page, QString* why)
{
    for (const QScrollArea* scroll : page->findChildren<QScrollArea*>()) {
        if (scroll->isVisible() && scroll->widget() && scroll->horizontalScrollBar()->maximum() > 0) {
            *why = QStringLiteral("%1 needs %2 logical pixels, the page shows %3")
                       .arg(QString::fromLatin1(scroll->widget()->metaObject()->className()))
                       .arg(scroll->widget()->minimumSizeHint().width())
                       .arg(scroll->viewport()->width());
            return false;
        }
    }
    return true;
}
} // namespace

class TestWizardFit final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyPageFits();

private:
    CwTest::SyncFixture f;
    CwTest::ScriptedPrompter m_prompter;
};

void TestWizardFit::initTestCase()
{
    QString why;
    QVERIFY2(CwTest::onLaptopScreen(&why), qPrintable(why));
    QVERIFY2(f.start({}), qPrintable(f.error));
}

void TestWizardFit::everyPageFits()
{
    MemorySecretStore store;
    InstanceSecrets secrets(store);
    SetupController controller(*f.db, secrets, CwTest::network());
    SetupWizard wizard(controller, m_prompter, SetupWizard::Mode::Create, PanelPage::configurationPages());
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const Connection sim = CwTest::syncSimConnection(f.sim.baseUrl());

    QList<int> visited;
    while (true) {
        const int id = wizard.currentId();
        QVERIFY2(!visited.contains(id), qPrintable(QStringLiteral("page %1 again").arg(id)));
        visited.append(id);
        if (id == Connector) {
            type(&wizard, "instanceName", QStringLiteral("Fit"));
            auto* deployment = wizard.findChild<QComboBox*>(QStringLiteral("deployment"));
            deployment->setCurrentIndex(deployment->findData(QStringLiteral("onpremise")));
            type(&wizard, "site", f.sim.baseUrl().toString());
            type(&wizard, "companyId", sim.companyId);
            QTRY_VERIFY_WITH_TIMEOUT(controller.companyInfo(), kWait);
        } else if (id == Keys) {
            type(&wizard, "publicKey", sim.publicKey);
            type(&wizard, "privateKey", sim.privateKey);
        }
        QAbstractButton* next = wizard.button(id == Summary ? QWizard::FinishButton : QWizard::NextButton);
        QTRY_VERIFY_WITH_TIMEOUT(next->isVisible() && next->isEnabled(), kWait); // the check or live lists done
        QTest::qWait(50); // late layout of what arrived
        QString why;
        QVERIFY2(CwTest::fitsScreen(&wizard, &why), qPrintable(QStringLiteral("page %1: %2").arg(id).arg(why)));
        QVERIFY2(CwTest::keyboardReachable(&wizard, &why), qPrintable(QStringLiteral("page %1: %2").arg(id).arg(why)));
        QVERIFY2(CwTest::mnemonicsUnique(&wizard, &why), qPrintable(QStringLiteral("page %1: %2").arg(id).arg(why)));
        QVERIFY2(noSidewaysScrolling(wizard.currentPage(), &why),
                 qPrintable(QStringLiteral("page %1: %2").arg(id).arg(why)));
        if (auto* lookups = wizard.currentPage()->findChild<LookupsPanel*>()) { // with the report of Auto-map all
            lookups->findChild<QPushButton*>(QStringLiteral("autoMapAll"))->click();
            QTest::qWait(50);
            QVERIFY(!lookups->autoMapSummary().isEmpty());
            QVERIFY2(noSidewaysScrolling(wizard.currentPage(), &why), qPrintable(why));
        }
        if (id == Summary) {
            break;
        }
        next->click();
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentId() != id, kWait); // the key test and Save are asynchronous
    }
    // Every page was seen, the configuration pages (from FirstExtra on) too.
    QCOMPARE(visited.size(), wizard.pageIds().size());
    QVERIFY(std::count_if(visited.cbegin(), visited.cend(), [](int id) { return id >= FirstExtra && id < Summary; }) >=
            4);
}

QTEST_MAIN(TestWizardFit)
#include "tst_wizardfit.moc"
