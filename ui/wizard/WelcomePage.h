#pragma once

#include "ui/wizard/SetupPage.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace Cw {

// Steps 1–3: what is needed before starting (an API member, a custom security role, its keys) and the
// proxy settings, with the proxy's login when it asks for one — here, before any network call is made.
class WelcomePage final : public SetupPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(SetupController& controller, QWidget* parent = nullptr);

    void initializePage() override;
    bool validatePage() override;

private:
    void updateProxyFields();

    QComboBox* m_proxyMode;
    QLineEdit* m_proxyHost;
    QSpinBox* m_proxyPort;
    QLineEdit* m_proxyUser;
    QLineEdit* m_proxyPassword;
};

} // namespace Cw
