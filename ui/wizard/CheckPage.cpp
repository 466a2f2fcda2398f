#include "ui/wizard/CheckPage.h"

#include "core/check/CheckReport.h"
#include "core/setup/CheckRunner.h"
#include "core/setup/SetupController.h"
#include "ui/check/CheckResultsView.h"
#include "ui/wizard/Prompter.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Cw {

CheckPage::CheckPage(SetupController& controller, Prompter& prompter, QWidget* parent)
    : SetupPage(controller, parent), m_prompter(prompter), m_runner(new CheckRunner(&controller.database(), this))
{
    setObjectName(QStringLiteral("checkPage"));
    setTitle(tr("Systems check"));
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("checkVerdict"));
    m_verdict->setWordWrap(true);
    content()->addWidget(m_verdict);
    m_results = new CheckResultsView(this);
    content()->addWidget(m_results, 2);
    auto* selected = new QLabel(this);
    selected->setObjectName(QStringLiteral("selectedResult"));
    selected->setWordWrap(true);
    selected->setTextInteractionFlags(Qt::TextSelectableByMouse);
    content()->addWidget(selected);
    connect(m_results, &CheckResultsView::selectedTextChanged, selected, &QLabel::setText);

    auto* row = new QHBoxLayout();
    m_retry = new QPushButton(tr("R&etry"), this);
    m_retry->setObjectName(QStringLiteral("retryCheck"));
    m_cancel = new QPushButton(tr("S&top"), this);
    m_cancel->setObjectName(QStringLiteral("cancelCheck"));
    m_save = new QPushButton(tr("Save &report…"), this);
    m_save->setObjectName(QStringLiteral("saveReport"));
    row->addWidget(m_retry);
    row->addWidget(m_cancel);
    row->addWidget(m_save);
    row->addStretch();
    content()->addLayout(row);

    auto* membersLabel = new QLabel(tr("&Members pulled for user mapping:"), this);
    m_members = new QListWidget(this);
    m_members->setObjectName(QStringLiteral("members"));
    m_members->setAccessibleName(tr("Members pulled for user mapping"));
    m_members->setMinimumHeight(60);
    membersLabel->setBuddy(m_members);
    content()->addWidget(membersLabel);
    content()->addWidget(m_members, 1);

    connect(m_retry, &QPushButton::clicked, this, &CheckPage::startCheck);
    connect(m_cancel, &QPushButton::clicked, m_runner, &CheckRunner::cancel);
    connect(m_save, &QPushButton::clicked, this, &CheckPage::saveReport);
    connect(m_runner, &CheckRunner::stepFinished, m_results, &CheckResultsView::updateResult);
    connect(m_runner, &CheckRunner::finished, this, &CheckPage::onFinished);
}

void CheckPage::initializePage()
{
    startCheck();
}

void CheckPage::startCheck()
{
    QString error;
    const auto session = controller().session(&error);
    if (!session) {
        showError(error);
        return;
    }
    showError(QString());
    m_results->clearResults();
    m_members->clear();
    m_verdict->setText(tr("Checking the connection layer by layer…"));
    m_retry->setEnabled(false);
    m_save->setEnabled(false);
    m_cancel->setEnabled(true);
    m_runner->start(*session, controller().draft().id);
    emit completeChanged();
}

void CheckPage::onFinished()
{
    const CheckSummary summary = m_runner->summary();
    m_results->setResults(summary.results);
    m_retry->setEnabled(true);
    m_save->setEnabled(true);
    m_cancel->setEnabled(false);
    if (summary.cancelled) {
        m_verdict->setText(tr("The check was stopped. Retry to run it again."));
    } else if (summary.passed()) {
        m_verdict->setText(tr("All checks passed: the connector can reach ConnectWise and use every module."));
    } else {
        const CheckResult* failure = summary.firstFailure();
        m_verdict->setText(failure ? tr("Not ready: %1 — %2").arg(failure->title, failure->fix)
                                   : tr("Not ready: see the rows marked FAILED."));
    }
    for (const Member& member : m_runner->members()) {
        auto* item =
            new QListWidgetItem(tr("%1 (%2) %3").arg(member.fullName(), member.identifier, member.email), m_members);
        item->setData(Qt::UserRole, member.id);
    }
    emit completeChanged();
}

bool CheckPage::isComplete() const
{
    return !m_runner->isRunning();
}

void CheckPage::saveReport()
{
    const QString suggested = QDir::home().filePath(
        tr("cwconnector-check-%1.txt")
            .arg(controller().draft().name.simplified().replace(QLatin1Char(' '), QLatin1Char('-'))));
    m_prompter.chooseSaveFile(this, tr("Save check report"), suggested, tr("Text files (*.txt)"), this,
                              [this](const QString& path) {
                                  if (path.isEmpty()) {
                                      return;
                                  }
                                  QString error;
                                  if (m_runner->saveReport(path, &error)) {
                                      showInfo(tr("Report saved to %1 (keys removed).").arg(path));
                                  } else {
                                      showError(error);
                                  }
                              });
}

} // namespace Cw
