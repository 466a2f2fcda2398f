#pragma once

#include "core/config/ConnectorSession.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace Cw {

class CheckResultsView;
class CheckRunner;
class Database;
class Prompter;

// The connector window's Check: the systems check of a saved connector in a dialog, with the same rows as
// the wizard's check page, Retry, Stop and Save report.
class CheckDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckDialog)

public:
    CheckDialog(Database& database, Prompter& prompter, const QString& name, QWidget* parent = nullptr);

    void start(const ConnectorSession& session, qint64 instanceId);
    void showProblem(const QString& text);
    CheckRunner* runner() const { return m_runner; }
    CheckResultsView* results() const { return m_results; }

signals:
    void checkFinished();

private:
    Prompter& m_prompter;
    QString m_name;
    CheckRunner* m_runner;
    CheckResultsView* m_results;
    QLabel* m_verdict;
    QPushButton* m_retry;
    QPushButton* m_stop;
    QPushButton* m_save;
};

} // namespace Cw
