// The wizard read at 150 % (QT_SCALE_FACTOR=1.5) on 1366×768: the step list keeps the current step in view on
// every page, also at the smallest window size; URLs sit on one full-width line, elided in the middle with the
// full text in the tooltip, never wrapped into a narrow column.
#include "core/secrets/MemorySecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "core/setup/SetupController.h"
#include "core/store/Database.h"
#include "tests/support/SimFixture.h"
#include "tests/ui/ScriptedPrompter.h"
#include "ui/common/UrlLabel.h"
#include "ui/wizard/SetupWizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace Cw;

class TestWizardLayout final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void stepListKeepsTheCurrentStepVisible();
    void urlsDoNotWrap();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<InstanceSecrets> m_secrets;
    std::unique_ptr<SetupController> m_controller;
    CwTest::ScriptedPrompter m_prompter;
    std::unique_ptr<SetupWizard> m_wizard;
};

void TestWizardLayout::init()
{
    QCOMPARE(qgetenv("QT_SCALE_FACTOR"), QByteArray("1.5"));
    m_db = std::make_unique<Database>(DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("layout.sqlite"))));
    QVERIFY(m_db->open());
    m_store = std::make_unique<MemorySecretStore>();
    m_secrets = std::make_unique<InstanceSecrets>(*m_store);
    m_controller = std::make_unique<SetupController>(*m_db, *m_secrets, CwTest::network());
    m_wizard = std::make_unique<SetupWizard>(*m_controller, m_prompter, SetupWizard::Mode::Create);
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
}

void TestWizardLayout::cleanup()
{
    m_wizard.reset();
    m_controller.reset();
    m_secrets.reset();
    m_store.reset();
    m_db.reset();
}

void TestWizardLayout::stepListKeepsTheCurrentStepVisible()
{
    StepList* steps = m_wizard->stepList();
    for (const QSize& size : {m_wizard->size(), m_wizard->minimumSize()}) {
        m_wizard->resize(size);
        for (const int page : m_wizard->pageIds()) {
            steps->showPage(page); // what the wizard does when the page changes
            QTRY_VERIFY2(steps->currentStepsVisible(),
                         qPrintable(QStringLiteral("page %1 at %2x%3: step %4 out of view")
                                        .arg(page)
                                        .arg(size.width())
                                        .arg(size.height())
                                        .arg(steps->currentSteps().value(0))));
        }
    }
    // The last page, the summary, is the last row, under the heading after step 16.
    QCOMPARE(steps->currentSteps(), QList<int>({steps->count()}));
    QCOMPARE(steps->item(16)->text(), QStringLiteral("After step 16"));
    QVERIFY(!(steps->item(16)->flags() & Qt::ItemIsSelectable));
    QCOMPARE(steps->item(steps->count() - 1)->text(), m_wizard->page(Summary)->title());
}

void TestWizardLayout::urlsDoNotWrap()
{
    m_wizard->button(QWizard::NextButton)->click();
    QCOMPARE(m_wizard->currentId(), int(Connector));
    auto* apiUrl = m_wizard->findChild<UrlLabel*>(QStringLiteral("apiUrl"));
    QVERIFY(apiUrl);
    auto* site = m_wizard->findChild<QLineEdit*>(QStringLiteral("site"));
    m_wizard->findChild<QComboBox*>(QStringLiteral("deployment"))
        ->setCurrentIndex(
            m_wizard->findChild<QComboBox*>(QStringLiteral("deployment"))->findData(QStringLiteral("onpremise")));
    const QString url = QStringLiteral("https://connectwise.a-rather-long-host-name-of-an-msp.example.com:8443");
    site->setFocus();
    QTest::keyClicks(site, url);
    QTRY_VERIFY(apiUrl->fullText().contains(url));
    const int oneLine = apiUrl->fontMetrics().lineSpacing() + 2 * (apiUrl->frameWidth() + apiUrl->margin()) + 2;
    QVERIFY2(apiUrl->height() <= oneLine, qPrintable(QStringLiteral("%1 > %2").arg(apiUrl->height()).arg(oneLine)));
    QVERIFY(!apiUrl->text().contains(QLatin1Char('\n')));
    // The full width of the page, not the field column.
    QVERIFY2(apiUrl->width() > site->width(),
             qPrintable(QStringLiteral("%1 <= %2").arg(apiUrl->width()).arg(site->width())));

    // Narrower than the URL: elided in the middle, the full text in the tooltip.
    m_wizard->resize(m_wizard->minimumSize());
    QTRY_VERIFY(apiUrl->isElided());
    QVERIFY(apiUrl->text().contains(QChar(0x2026)));
    QCOMPARE(apiUrl->toolTip(), apiUrl->fullText());
    QVERIFY(apiUrl->height() <= oneLine);
}

QTEST_MAIN(TestWizardLayout)
#include "tst_wizard_layout.moc"
