#include "ui/wizard/ConnectorPage.h"

#include "core/connectwise/Region.h"
#include "core/setup/CompanyProbe.h"
#include "core/setup/SetupController.h"
#include "ui/common/UrlLabel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <QWizard>

namespace Cw {

ConnectorPage::ConnectorPage(SetupController& controller, CompanyProbe& probe, QWidget* parent)
    : SetupPage(controller, parent), m_probe(probe)
{
    setObjectName(QStringLiteral("connectorPage"));
    setTitle(tr("New connector"));
    setCommitPage(false);
    setButtonText(QWizard::NextButton, tr("&Save as draft >"));

    auto* form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("instanceName"));
    m_name->setAccessibleName(tr("Connector name"));
    m_name->setPlaceholderText(tr("e.g. Production"));
    m_nameStatus = new QLabel(this);
    m_nameStatus->setObjectName(QStringLiteral("nameStatus"));
    m_nameStatus->setWordWrap(true);
    auto* nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);
    form->addRow(QString(), m_nameStatus);

    m_deployment = new QComboBox(this);
    m_deployment->setObjectName(QStringLiteral("deployment"));
    m_deployment->setAccessibleName(tr("Deployment"));
    for (const Region& region : Region::all()) {
        if (region.deployment == Deployment::Staging) {
            continue;
        }
        m_deployment->addItem(tr("ConnectWise Cloud — %1").arg(region.displayName()), region.code());
    }
    m_deployment->addItem(tr("On-premise (your own server)"), nameOf(Deployment::OnPremise));
    m_deployment->addItem(tr("ConnectWise staging"), nameOf(Deployment::Staging));
    if (controller.demo().isValid()) {
        m_deployment->addItem(tr("Demo (simulated ConnectWise)"), nameOf(Deployment::Demo));
    }
    auto* deploymentLabel = new QLabel(tr("&Deployment:"), this);
    deploymentLabel->setBuddy(m_deployment);
    form->addRow(deploymentLabel, m_deployment);

    m_site = new QLineEdit(this);
    m_site->setObjectName(QStringLiteral("site"));
    m_site->setAccessibleName(tr("Site address"));
    m_site->setPlaceholderText(tr("cw.example.com or the URL you log in at"));
    m_siteLabel = new QLabel(tr("S&ite:"), this);
    m_siteLabel->setBuddy(m_site);
    m_siteStatus = new QLabel(this);
    m_siteStatus->setObjectName(QStringLiteral("siteStatus"));
    m_siteStatus->setWordWrap(true);
    m_siteStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_siteLabel, m_site);
    form->addRow(QString(), m_siteStatus);
    m_apiUrl = new UrlLabel(this);
    m_apiUrl->setObjectName(QStringLiteral("apiUrl"));

    m_company = new QLineEdit(this);
    m_company->setObjectName(QStringLiteral("companyId"));
    m_company->setAccessibleName(tr("Company ID"));
    m_company->setPlaceholderText(tr("the company you type at the ConnectWise login"));
    auto* companyLabel = new QLabel(tr("&Company ID:"), this);
    companyLabel->setBuddy(m_company);
    m_companyStatus = new QLabel(this);
    m_companyStatus->setObjectName(QStringLiteral("companyStatus"));
    m_companyStatus->setWordWrap(true);
    m_companyStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(companyLabel, m_company);
    form->addRow(QString(), m_companyStatus);
    form->addRow(m_apiUrl); // a URL gets the full width, on one line

    content()->addLayout(form);
    addNote(tr("Next saves this connector as a draft. Until then, Cancel leaves nothing behind."));
    content()->addStretch();

    setTabOrder(m_name, m_deployment);
    setTabOrder(m_deployment, m_site);
    setTabOrder(m_site, m_company);

    connect(m_name, &QLineEdit::textEdited, this, &ConnectorPage::onNameEdited);
    connect(m_deployment, &QComboBox::currentIndexChanged, this, &ConnectorPage::onDeploymentChanged);
    connect(m_site, &QLineEdit::textEdited, this, &ConnectorPage::onTargetEdited);
    connect(m_company, &QLineEdit::textEdited, this, &ConnectorPage::onTargetEdited);
    connect(&m_probe, &CompanyProbe::stateChanged, this, &ConnectorPage::onProbeChanged);
}

void ConnectorPage::initializePage()
{
    m_loading = true;
    const Instance& draft = controller().draft();
    m_name->setText(draft.name);
    int index = m_deployment->findData(draft.deployment);
    m_deployment->setCurrentIndex(index < 0 ? 0 : index);
    m_site->setText(draft.site);
    m_company->setText(draft.companyId);
    m_loading = false;
    onDeploymentChanged();
    onNameEdited();
}

void ConnectorPage::onNameEdited()
{
    const QString problem = controller().nameProblem(m_name->text());
    m_nameStatus->setText(m_name->text().trimmed().isEmpty() ? tr("Give the connector a name you will recognise.")
                                                             : problem);
    m_nameStatus->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #b00020;"));
    m_nameStatus->setVisible(!m_nameStatus->text().isEmpty());
    controller().setName(m_name->text());
    emit completeChanged();
}

Deployment ConnectorPage::chosenDeployment() const
{
    return parseName<Deployment>(m_deployment->currentData().toString()).value_or(Deployment::Na);
}

void ConnectorPage::onDeploymentChanged()
{
    const Deployment deployment = chosenDeployment();
    if (!m_loading && deployment != controller().draft().deploymentKind()) {
        controller().setDeployment(deployment);
        m_site->setText(controller().draft().site);
        m_company->setText(controller().draft().companyId);
    }
    const bool ownSite = Deployments::needsSite(deployment);
    m_site->setVisible(ownSite);
    m_siteLabel->setVisible(ownSite);
    onTargetEdited();
}

void ConnectorPage::onTargetEdited()
{
    if (m_loading) {
        return;
    }
    controller().draft().deployment = nameOf(chosenDeployment());
    if (m_site->isVisible() || Deployments::needsSite(chosenDeployment())) {
        controller().setSite(m_site->text());
    }
    controller().setCompanyId(m_company->text());
    QString error;
    const QString site = controller().normalizedSite(&error);
    m_siteStatus->setText(site.isEmpty() ? error : tr("The API URL follows once ConnectWise knows the company."));
    m_apiUrl->setFullText(site.isEmpty() ? QString() : tr("Site: %1").arg(site));
    onProbeChanged();
}

void ConnectorPage::onProbeChanged()
{
    switch (m_probe.state()) {
    case CompanyProbe::State::Idle:
        m_companyStatus->setText(m_company->text().trimmed().isEmpty()
                                     ? tr("The company name appears here once ConnectWise knows the company.")
                                     : QString());
        m_companyStatus->setStyleSheet(QString());
        break;
    case CompanyProbe::State::Waiting:
        m_companyStatus->setText(tr("Looking up “%1”…").arg(m_company->text().trimmed()));
        m_companyStatus->setStyleSheet(QString());
        break;
    case CompanyProbe::State::Found:
        m_companyStatus->setText(tr("Found: %1").arg(m_probe.companyName()));
        m_siteStatus->setText(QString());
        m_apiUrl->setFullText(tr("API URL: %1").arg(m_probe.apiBaseUrl().toString()));
        m_companyStatus->setStyleSheet(QStringLiteral("color: #1b5e20;"));
        if (m_advanceWhenFound) {
            m_advanceWhenFound = false;
            if (wizard() && wizard()->currentPage() == this) {
                wizard()->next();
            }
        }
        break;
    case CompanyProbe::State::Failed:
        m_companyStatus->setText(tr("Company ID: %1").arg(m_probe.errorMessage()));
        m_companyStatus->setStyleSheet(QStringLiteral("color: #b00020;"));
        if (m_advanceWhenFound) {
            m_advanceWhenFound = false;
            showError(tr("Company ID: %1").arg(m_probe.errorMessage()));
        }
        break;
    }
    emit completeChanged();
}

bool ConnectorPage::isComplete() const
{
    return !m_name->text().trimmed().isEmpty() && !m_company->text().trimmed().isEmpty() && !m_advanceWhenFound;
}

bool ConnectorPage::validatePage()
{
    const QString nameProblem = controller().nameProblem(m_name->text());
    if (!nameProblem.isEmpty()) {
        showError(nameProblem);
        m_name->setFocus();
        return false;
    }
    onTargetEdited();
    QString siteError;
    if (controller().siteApiUrl(&siteError).isEmpty()) {
        showError(siteError);
        m_site->setFocus();
        return false;
    }
    switch (m_probe.state()) {
    case CompanyProbe::State::Found:
        return finish();
    case CompanyProbe::State::Failed:
        showError(tr("Company ID: %1").arg(m_probe.errorMessage()));
        m_company->setFocus();
        return false;
    case CompanyProbe::State::Idle:
    case CompanyProbe::State::Waiting:
        break;
    }
    showInfo(tr("Looking up the company…"));
    m_advanceWhenFound = true;
    controller().lookUpCompany();
    emit completeChanged();
    return false;
}

bool ConnectorPage::finish()
{
    if (controller().isEditing()) {
        showError(QString());
        return true; // settings are written by Save
    }
    QString error;
    if (!controller().saveDraft(&error)) {
        showError(error);
        return false;
    }
    showError(QString());
    return true;
}

} // namespace Cw
