#include "ui/wizard/EndpointPage.h"

#include "core/config/InstanceConnection.h"
#include "core/connectwise/Region.h"
#include "core/setup/CompanyProbe.h"
#include "core/setup/SetupController.h"
#include "ui/common/Prompter.h"
#include "ui/common/UrlLabel.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Cw {

EndpointPage::EndpointPage(SetupController& controller, CompanyProbe& probe, Prompter& prompter, QWidget* parent)
    : SetupPage(controller, parent), m_probe(probe), m_prompter(prompter)
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
    m_resolved = new UrlLabel(this);
    m_resolved->setObjectName(QStringLiteral("resolvedEndpoint"));
    m_discovered = new UrlLabel(this);
    m_discovered->setObjectName(QStringLiteral("discoveredEndpoint"));
    m_discoveredStatus = new QLabel(this);
    m_discoveredStatus->setObjectName(QStringLiteral("discoveredStatus"));
    m_discoveredStatus->setWordWrap(true);
    m_discoveredStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_codebase = new QLineEdit(this);
    m_codebase->setObjectName(QStringLiteral("codebaseOverride"));
    m_codebase->setAccessibleName(tr("Codebase override"));
    m_codebase->setPlaceholderText(tr("empty: use the discovered codebase"));
    auto* codebaseLabel = new QLabel(tr("Codebase &override:"), this);
    codebaseLabel->setBuddy(m_codebase);
    form->addRow(siteLabel, m_site);
    form->addRow(QString(), m_siteStatus);
    form->addRow(m_resolved); // URLs get the full width, on one line
    form->addRow(m_discovered);
    form->addRow(m_discoveredStatus);
    form->addRow(codebaseLabel, m_codebase);
    content()->addLayout(form);
    content()->addWidget(buildAdvanced());
    content()->addStretch();

    connect(m_site, &QLineEdit::textEdited, this, &EndpointPage::updatePreview);
    connect(m_codebase, &QLineEdit::textEdited, this, &EndpointPage::updatePreview);
    connect(&m_probe, &CompanyProbe::stateChanged, this, &EndpointPage::updatePreview);
}

QGroupBox* EndpointPage::buildAdvanced()
{
    auto* group = new QGroupBox(tr("Advanced"), this);
    auto* form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_clientId = new QLineEdit(group);
    m_clientId->setObjectName(QStringLiteral("clientId"));
    m_clientId->setAccessibleName(tr("Client ID"));
    m_clientId->setPlaceholderText(tr("the integration's GUID from developer.connectwise.com"));
    auto* clientIdLabel = new QLabel(tr("Client &ID:"), group);
    clientIdLabel->setBuddy(m_clientId);
    m_clientIdStatus = new QLabel(group);
    m_clientIdStatus->setObjectName(QStringLiteral("clientIdStatus"));
    m_clientIdStatus->setWordWrap(true);
    m_clientIdStatus->setStyleSheet(QStringLiteral("color: #b00020;"));
    form->addRow(clientIdLabel, m_clientId);
    form->addRow(QString(), m_clientIdStatus);

    m_caFile = new QLineEdit(group);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setAccessibleName(tr("Private CA file"));
    m_caFile->setPlaceholderText(tr("only for a server with a certificate of your own CA"));
    auto* browse = new QPushButton(tr("Bro&wse…"), group);
    browse->setObjectName(QStringLiteral("browseCaFile"));
    browse->setAccessibleName(tr("Choose the private CA file"));
    browse->setAutoDefault(false);
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    auto* caLabel = new QLabel(tr("Private C&A file:"), group);
    caLabel->setBuddy(m_caFile);
    m_caFileStatus = new QLabel(group);
    m_caFileStatus->setObjectName(QStringLiteral("caFileStatus"));
    m_caFileStatus->setWordWrap(true);
    m_caFileStatus->setStyleSheet(QStringLiteral("color: #b00020;"));
    form->addRow(caLabel, caRow);
    form->addRow(QString(), m_caFileStatus);

    connect(m_clientId, &QLineEdit::textEdited, this, &EndpointPage::onClientIdEdited);
    connect(m_caFile, &QLineEdit::textEdited, this, &EndpointPage::onCaFileEdited);
    connect(browse, &QPushButton::clicked, this, &EndpointPage::browseCaFile);
    return group;
}

void EndpointPage::onClientIdEdited()
{
    m_clientIdStatus->setText(controller().setClientId(m_clientId->text()));
}

void EndpointPage::onCaFileEdited()
{
    m_caFileStatus->setText(controller().setCaFile(m_caFile->text()));
}

void EndpointPage::browseCaFile()
{
    m_prompter.chooseOpenFile(this, tr("Private CA file"), m_caFile->text(),
                              tr("Certificates (*.pem *.crt *.cer);;All files (*)"), this, [this](const QString& path) {
                                  if (!path.isEmpty()) {
                                      m_caFile->setText(path);
                                      onCaFileEdited();
                                  }
                              });
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
    m_clientId->setText(draft.clientId);
    m_caFile->setText(draft.caFile);
    onClientIdEdited();
    onCaFileEdited();
    controller().lookUpCompany();
    updatePreview();
}

void EndpointPage::updatePreview()
{
    const SiteParseResult parsed = Site::parse(siteText(), tr("Site"));
    if (!parsed.ok()) {
        m_siteStatus->setText(parsed.message + QLatin1Char(' ') + parsed.fix);
        m_siteStatus->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_resolved->setFullText(QString());
    } else {
        const QString codebase = Site::normaliseCodebase(m_codebase->text());
        m_siteStatus->setText(QString());
        m_resolved->setFullText(
            tr("Resolves to %1")
                .arg(parsed.site->apiBaseUrl(codebase.isEmpty() ? parsed.site->codebaseOverride() : codebase)
                         .toString()));
    }
    switch (m_probe.state()) {
    case CompanyProbe::State::Found:
        m_discovered->setFullText(
            tr("Endpoint: %1 (codebase %2 on %3)")
                .arg(m_probe.apiBaseUrl().toString(), m_probe.info().codebase, m_probe.info().siteUrl));
        m_discoveredStatus->setText(QString());
        break;
    case CompanyProbe::State::Failed:
        m_discovered->setFullText(QString());
        m_discoveredStatus->setText(m_probe.errorMessage());
        break;
    case CompanyProbe::State::Waiting:
        m_discovered->setFullText(QString());
        m_discoveredStatus->setText(tr("Asking ConnectWise for the endpoint…"));
        break;
    case CompanyProbe::State::Idle:
        m_discovered->setFullText(QString());
        m_discoveredStatus->setText(QString());
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
    for (const auto& [problem, field] : {std::pair {controller().setClientId(m_clientId->text()), m_clientId},
                                         std::pair {controller().setCaFile(m_caFile->text()), m_caFile}}) {
        if (!problem.isEmpty()) {
            showError(problem);
            field->setFocus();
            return false;
        }
    }
    showError(QString());
    return true;
}

} // namespace Cw
