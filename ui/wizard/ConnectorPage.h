#pragma once

#include "core/domain/Deployment.h"
#include "ui/wizard/SetupPage.h"

class QComboBox;
class QLabel;

namespace Cw {
class UrlLabel;
}
class QLineEdit;

namespace Cw {

class CompanyProbe;

// Steps 4–7: a unique name (checked live), the deployment (cloud region, on-premise, staging, or the demo
// simulator), the company id with its live lookup. Next = "Save as draft" (step 6): before it, Cancel leaves
// no trace. The company id belongs to the draft because a stored instance always names its company.
class ConnectorPage final : public SetupPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorPage)

public:
    ConnectorPage(SetupController& controller, CompanyProbe& probe, QWidget* parent = nullptr);

    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

private:
    void onNameEdited();
    Deployment chosenDeployment() const;
    void onDeploymentChanged();
    void onTargetEdited();
    void onProbeChanged();
    bool finish();

    CompanyProbe& m_probe;
    QLineEdit* m_name;
    QLabel* m_nameStatus;
    QComboBox* m_deployment;
    QLabel* m_siteLabel;
    QLineEdit* m_site;
    QLabel* m_siteStatus;
    UrlLabel* m_apiUrl;
    QLineEdit* m_company;
    QLabel* m_companyStatus;
    bool m_advanceWhenFound = false;
    bool m_loading = false;
};

} // namespace Cw
