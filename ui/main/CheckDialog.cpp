#include "ui/main/CheckDialog.h"

#include "core/setup/CheckRunner.h"
#include "ui/check/CheckResultsView.h"
#include "ui/common/WindowSize.h"
#include "ui/wizard/Prompter.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Cw {

CheckDialog::CheckDialog(Database& database, Prompter& prompter, const QString& name, QWidget* parent)
    : QDialog(parent), m_prompter(prompter), m_name(name), m_runner(new CheckRunner(&database, this))
{
    setObjectName(QStringLiteral("checkDialog"));
    setWindowTitle(tr("Systems check — %1").arg(name));
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("checkVerdict"));
    m_verdict->setWordWrap(true);
    m_results = new CheckResultsView(this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_retry = buttons->addButton(tr("R&etry"), QDialogButtonBox::ActionRole);
    m_retry->setObjectName(QStringLiteral("retryCheck"));
    m_stop = buttons->addButton(tr("S&top"), QDialogButtonBox::ActionRole);
    m_stop->setObjectName(QStringLiteral("cancelCheck"));
    m_save = buttons->addButton(tr("Save &report…"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("saveReport"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_verdict);
    layout->addWidget(m_results, 1);
    auto* selected = new QLabel(this);
    selected->setObjectName(QStringLiteral("selectedResult"));
    selected->setWordWrap(true);
    selected->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(selected);
    connect(m_results, &CheckResultsView::selectedTextChanged, selected, &QLabel::setText);
    layout->addWidget(buttons);
    WindowSize::fitToScreen(this, {720, 460});

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_results->clearResults();
        m_runner->retry();
    });
    connect(m_stop, &QPushButton::clicked, m_runner, &CheckRunner::cancel);
    connect(m_runner, &CheckRunner::started, this, [this] {
        m_verdict->setText(tr("Checking the connection layer by layer…"));
        m_retry->setEnabled(false);
        m_save->setEnabled(false);
        m_stop->setEnabled(true);
    });
    connect(m_runner, &CheckRunner::stepFinished, m_results, &CheckResultsView::updateResult);
    connect(m_runner, &CheckRunner::finished, this, [this](const CheckSummary& summary) {
        m_results->setResults(summary.results);
        m_retry->setEnabled(true);
        m_save->setEnabled(true);
        m_stop->setEnabled(false);
        const CheckResult* failure = summary.firstFailure();
        m_verdict->setText(summary.cancelled      ? tr("The check was stopped.")
                               : summary.passed() ? tr("All checks passed.")
                               : failure          ? tr("Not ready: %1 — %2").arg(failure->title, failure->fix)
                                                  : tr("Not ready."));
        emit checkFinished();
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        m_prompter.chooseSaveFile(this, tr("Save check report"),
                                  QDir::home().filePath(tr("cwconnector-check-%1.txt").arg(m_name)),
                                  tr("Text files (*.txt)"), this, [this](const QString& path) {
                                      QString error;
                                      if (!path.isEmpty() && !m_runner->saveReport(path, &error)) {
                                          m_verdict->setText(error);
                                      }
                                  });
    });
}

void CheckDialog::start(const ConnectorSession& session, qint64 instanceId)
{
    m_runner->start(session, instanceId);
}

void CheckDialog::showProblem(const QString& text)
{
    m_verdict->setText(text);
    m_retry->setEnabled(false);
    m_stop->setEnabled(false);
    m_save->setEnabled(false);
}

} // namespace Cw
