#pragma once

#include "ui/wizard/SetupPage.h"

class QLabel;
class QPushButton;

namespace Cw {

// Steps 14–15: the connector's overview (every value that will be saved) and Save: keys into the keychain
// (asynchronously), settings into the database. When the keychain cannot be used: Retry, or keep the keys
// for this session only, with a clear notice.
class SavePage final : public SetupPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavePage)

public:
    explicit SavePage(SetupController& controller, QWidget* parent = nullptr);

    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

private:
    void onSaveState();

    QLabel* m_overview;
    QPushButton* m_retry;
    QPushButton* m_sessionOnly;
    bool m_advance = false;
    bool m_justSaved = false;
};

} // namespace Cw
