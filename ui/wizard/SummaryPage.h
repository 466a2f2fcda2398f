#pragma once

#include "ui/wizard/SetupPage.h"

class QLabel;

namespace Cw {

// The last page: what was set up and what comes next (user mapping, server variables, sync options and
// lookups are reachable from the connector's settings).
class SummaryPage final : public SetupPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryPage)

public:
    explicit SummaryPage(SetupController& controller, QWidget* parent = nullptr);
    void initializePage() override;

private:
    QLabel* m_text;
};

} // namespace Cw
