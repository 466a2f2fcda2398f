#pragma once

#include "ui/wizard/SetupPage.h"

class QCheckBox;
class QLabel;

namespace Cw {

// The last page: what was set up and what comes next (user mapping, server variables, sync options and
// lookups are reachable from the connector's settings), and "Sync now after Finish" — on for the demo, whose
// tour ends in a sync; off for a real connector, whose options the admin turns on first.
class SummaryPage final : public SetupPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryPage)

public:
    explicit SummaryPage(SetupController& controller, QWidget* parent = nullptr);
    void initializePage() override;
    bool syncAfterFinish() const;

private:
    QLabel* m_text;
    QCheckBox* m_syncAfter;
};

} // namespace Cw
