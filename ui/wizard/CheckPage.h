#pragma once

#include "ui/wizard/SetupPage.h"

class QLabel;
class QListWidget;
class QPushButton;

namespace Cw {

class CheckResultsView;
class CheckRunner;
class Prompter;

// Step 16: the layered systems check (rows per layer with status, summary, diagnosis and fix), Retry,
// Cancel, Save report (redacted, to a file), then the members pulled for user mapping.
class CheckPage final : public SetupPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckPage)

public:
    CheckPage(SetupController& controller, Prompter& prompter, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    CheckRunner* runner() const { return m_runner; }

private:
    void startCheck();
    void onFinished();
    void saveReport();

    Prompter& m_prompter;
    CheckRunner* m_runner;
    CheckResultsView* m_results;
    QLabel* m_verdict;
    QPushButton* m_retry;
    QPushButton* m_cancel;
    QPushButton* m_save;
    QListWidget* m_members;
};

} // namespace Cw
