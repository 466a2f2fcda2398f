#pragma once

#include "ui/wizard/SetupPage.h"

class QLabel;
class QLineEdit;

namespace Cw {

class CompanyProbe;

// Steps 12–13: the site (region host or your own host; any pasted form — login URL, api- host, full
// endpoint, bare host — is normalised) and the endpoint discovered from companyinfo (codebase + API host),
// shown and overridable.
class EndpointPage final : public SetupPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointPage)

public:
    EndpointPage(SetupController& controller, CompanyProbe& probe, QWidget* parent = nullptr);

    void initializePage() override;
    bool validatePage() override;

private:
    void updatePreview();
    QString siteText() const;

    CompanyProbe& m_probe;
    QLineEdit* m_site;
    QLabel* m_siteStatus;
    QLabel* m_discovered;
    QLineEdit* m_codebase;
    QString m_initialSite;
};

} // namespace Cw
