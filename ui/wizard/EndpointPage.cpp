#include "ui/wizard/EndpointPage.h"

#include "core/config/InstanceConnection.h"
#include "core/connectwise/Region.h"
#include "core/setup/CompanyProbe.h"
#include "core/setup/SetupController.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Cw {

EndpointPage::EndpointPage(SetupController& controller, CompanyProbe& probe, QWidget* parent)
    : SetupPage(controller, parent), m_probe(probe)
{
    setObjectName(QStringLiteral("endpointPage"));
    setTitle(tr("Site and endpoint"));
    addNote(tr("The site is where your ConnectWise lives. Paste the address you log in at, the API host or a "
               "full API link: it is normalised. The endpoint (API URL) is discovered from ConnectWise; override "
               "the codebase only if your ConnectWise administrator tells you to."));
    auto* form = new QFormLayout();
    m_site = new QLineEdit(this);
    m_site->setObjectName(QStringLiteral("endpointSite"));
    m_site->setAccessibleName(tr("Site"));
    auto* siteLabel = new QLabel(tr("&Site:"), this);
    siteLabel->setBuddy(m_site);
    m_siteStatus = new QLabel(this);
    m_siteStatus->setObjectName(QStringLiteral("endpointSiteStatus"));
    m_siteStatus->setWordWrap(true);
    m_siteStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_discovered = new QLabel(this);
    m_discovered->setObjectName(QStringLiteral("discoveredEndpoint"));
    m_discovered->setWordWrap(true);
    m_discovered->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_codebase = new QLineEdit(this);
    m_codebase->setObjectName(QStringLiteral("codebaseOverride"));
    m_codebase->setAccessibleName(tr("Codebase override"));
    m_codebase->setPlaceholderText(tr("empty: use the discovered codebase"));
    auto* codebaseLabel = new QLabel(tr("Codebase &override:"), this);
    codebaseLabel->setBuddy(m_codebase);
    form->addRow(siteLabel, m_site);
    form->addRow(QString(), m_siteStatus);
    form->addRow(tr("Endpoint:"), m_discovered);
    form->addRow(codebaseLabel, m_codebase);
    content()->addLayout(form);
    content()->addStretch();

    connect(m_site, &QLineEdit::textEdited, this, &EndpointPage::updatePreview);
    connect(m_codebase, &QLineEdit::textEdited, this, &EndpointPage::updatePreview);
    connect(&m_probe, &CompanyProbe::stateChanged, this, &EndpointPage::updatePreview);
}

QString EndpointPage::siteText() const
{
    return m_site->text().trimmed();
}

void EndpointPage::initializePage()
{
    const Instance& draft = controller().draft();
    QString site = draft.site;
    if (site.isEmpty()) {
        if (const auto region = draft.deploymentKind() ? Region::of(*draft.deploymentKind()) : std::nullopt) {
            site = QStringLiteral("https://") + region->loginHost + QLatin1Char('/');
        }
    }
    m_initialSite = site;
    m_site->setText(site);
    m_codebase->setText(draft.codebaseOverride);
    m_probe.setTarget(draft);
    m_probe.lookupNow();
    updatePreview();
}

void EndpointPage::updatePreview()
{
    const SiteParseResult parsed = Site::parse(siteText(), tr("Site"));
    if (!parsed.ok()) {
        m_siteStatus->setText(parsed.message + QLatin1Char(' ') + parsed.fix);
        m_siteStatus->setStyleSheet(QStringLiteral("color: #b00020;"));
    } else {
        const QString codebase = Site::normaliseCodebase(m_codebase->text());
        m_siteStatus->setText(
            tr("Resolves to %1")
                .arg(parsed.site->apiBaseUrl(codebase.isEmpty() ? parsed.site->codebaseOverride() : codebase)
                         .toString()));
        m_siteStatus->setStyleSheet(QString());
    }
    switch (m_probe.state()) {
    case CompanyProbe::State::Found:
        controller().setDiscoveredApiUrl(m_probe.apiBaseUrl());
        m_discovered->setText(
            tr("%1 (codebase %2 on %3)")
                .arg(m_probe.apiBaseUrl().toString(), m_probe.info().codebase, m_probe.info().siteUrl));
        break;
    case CompanyProbe::State::Failed:
        m_discovered->setText(m_probe.errorMessage());
        break;
    case CompanyProbe::State::Waiting:
        m_discovered->setText(tr("Asking ConnectWise…"));
        break;
    case CompanyProbe::State::Idle:
        m_discovered->setText(QString());
        break;
    }
}

bool EndpointPage::validatePage()
{
    Instance& draft = controller().draft();
    const QString text = siteText();
    if (text != m_initialSite) {
        if (draft.deploymentKind() == Deployment::Demo) {
            draft.site = text;
        } else {
            QString error;
            if (!InstanceConnection::applySite(&draft, QString(), text, &error)) {
                showError(error);
                m_site->setFocus();
                return false;
            }
        }
    }
    const QString codebaseText = m_codebase->text().trimmed();
    const QString codebase = Site::normaliseCodebase(codebaseText);
    if (!codebaseText.isEmpty() && codebase.isEmpty()) {
        showError(tr("Codebase override: “%1” is not a codebase; it looks like v2025_1/ — or leave it empty.")
                      .arg(codebaseText));
        m_codebase->setFocus();
        return false;
    }
    if (!codebase.isEmpty()) {
        draft.codebaseOverride = codebase;
    } else if (text == m_initialSite) {
        draft.codebaseOverride.clear();
    }
    QString error;
    if (controller().siteApiUrl(&error).isEmpty()) {
        showError(error);
        return false;
    }
    showError(QString());
    return true;
}

} // namespace Cw
