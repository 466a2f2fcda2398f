#pragma once

#include "ui/wizard/SetupPage.h"

class QGroupBox;
class QLabel;

namespace Cw {
class UrlLabel;
}
class QLineEdit;

namespace Cw {

class CompanyProbe;
class Prompter;

// Steps 12–13: the site (region host or your own host; any pasted form — login URL, api- host, full
// endpoint, bare host — is normalised) and the endpoint discovered from companyinfo (codebase + API host),
// shown and overridable.
class EndpointPage final : public SetupPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointPage)

public:
    EndpointPage(SetupController& controller, CompanyProbe& probe, Prompter& prompter, QWidget* parent = nullptr);

    void initializePage() override;
    bool validatePage() override;

private:
    void updatePreview();
    QGroupBox* buildAdvanced();
    void onClientIdEdited();
    void onCaFileEdited();
    void browseCaFile();
    QString siteText() const;

    CompanyProbe& m_probe;
    Prompter& m_prompter;
    QLineEdit* m_site;
    QLabel* m_siteStatus; // problems with the site, wrapped
    UrlLabel* m_resolved; // the API URL the site resolves to, one line
    UrlLabel* m_discovered; // the endpoint ConnectWise told, one line
    QLabel* m_discoveredStatus; // waiting, or why the lookup failed, wrapped
    QLineEdit* m_codebase;
    QLineEdit* m_clientId;
    QLabel* m_clientIdStatus;
    QLineEdit* m_caFile;
    QLabel* m_caFileStatus;
    QString m_initialSite;
};

} // namespace Cw
