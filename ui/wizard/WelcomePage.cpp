#include "ui/wizard/WelcomePage.h"

#include "core/connectwise/Endpoints.h"
#include "core/setup/SetupController.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Cw {

WelcomePage::WelcomePage(SetupController& controller, QWidget* parent) : SetupPage(controller, parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    setTitle(tr("Connect to ConnectWise Manage"));
    addNote(tr("This wizard connects this system to one ConnectWise company. Before you start, ask your "
               "ConnectWise administrator for:"));
    addNote(tr("<ul><li>an <b>API member</b> (System › Members › API Members) used only by this connector;</li>"
               "<li>a <b>custom security role</b> for it, with the entries in the table below;</li>"
               "<li>that member's <b>public and private API keys</b>.</li></ul>"));

    auto* proxyBox = new QGroupBox(tr("Proxy (used for every connection this connector makes)"), this);
    auto* form = new QFormLayout(proxyBox);
    m_proxyMode = new QComboBox(proxyBox);
    m_proxyMode->setObjectName(QStringLiteral("proxyMode"));
    m_proxyMode->setAccessibleName(tr("Proxy"));
    m_proxyMode->addItem(tr("Use the system proxy settings"), QStringLiteral("system"));
    m_proxyMode->addItem(tr("No proxy"), QStringLiteral("none"));
    m_proxyMode->addItem(tr("Manual proxy"), QStringLiteral("manual"));
    m_proxyHost = new QLineEdit(proxyBox);
    m_proxyHost->setObjectName(QStringLiteral("proxyHost"));
    m_proxyHost->setAccessibleName(tr("Proxy host"));
    m_proxyHost->setPlaceholderText(tr("proxy.example.com"));
    m_proxyPort = new QSpinBox(proxyBox);
    m_proxyPort->setObjectName(QStringLiteral("proxyPort"));
    m_proxyPort->setAccessibleName(tr("Proxy port"));
    m_proxyPort->setRange(0, 65535);
    m_proxyPort->setValue(3128);
    auto* modeLabel = new QLabel(tr("&Proxy:"), proxyBox);
    modeLabel->setBuddy(m_proxyMode);
    auto* hostLabel = new QLabel(tr("Proxy &host:"), proxyBox);
    hostLabel->setBuddy(m_proxyHost);
    auto* portLabel = new QLabel(tr("Proxy por&t:"), proxyBox);
    portLabel->setBuddy(m_proxyPort);
    form->addRow(modeLabel, m_proxyMode);
    form->addRow(hostLabel, m_proxyHost);
    form->addRow(portLabel, m_proxyPort);
    content()->addWidget(proxyBox);

    // The permission table: every security-role entry the connector uses, and what for.
    QStringList seen;
    QString rows;
    for (const Endpoint& endpoint : Endpoints::all()) {
        const QString permission = endpoint.permission();
        if (permission.isEmpty() || seen.contains(permission)) {
            continue;
        }
        seen.append(permission);
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                    .arg(permission.toHtmlEscaped(), endpoint.purpose().toHtmlEscaped());
    }
    auto* permissions =
        addNote(tr("<b>Security role entries</b> (System › Security Roles › your role): "
                   "Inquire level “All”, Add/Edit “All” where the connector writes.") +
                QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">") + rows + QStringLiteral("</table>"));
    permissions->setObjectName(QStringLiteral("permissionTable"));

    content()->addStretch();

    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, &WelcomePage::updateProxyFields);
    updateProxyFields();
}

void WelcomePage::initializePage()
{
    const Instance& draft = controller().draft();
    m_proxyMode->setCurrentIndex(m_proxyMode->findData(Instance::proxyModeName(draft.proxyMode)));
    if (draft.proxyMode == Instance::ProxyMode::Manual) {
        m_proxyHost->setText(draft.proxyHost);
        m_proxyPort->setValue(draft.proxyPort);
    }
    updateProxyFields();
}

void WelcomePage::updateProxyFields()
{
    const bool manual = m_proxyMode->currentData().toString() == QLatin1String("manual");
    m_proxyHost->setEnabled(manual);
    m_proxyPort->setEnabled(manual);
}

bool WelcomePage::validatePage()
{
    Instance& draft = controller().draft();
    draft.proxyMode =
        Instance::proxyModeFromName(m_proxyMode->currentData().toString()).value_or(Instance::ProxyMode::System);
    if (draft.proxyMode == Instance::ProxyMode::Manual) {
        const QString host = m_proxyHost->text().trimmed();
        if (host.isEmpty() || host.contains(QLatin1String("://")) || host.contains(QLatin1Char(' '))) {
            showError(tr("Proxy host: type the proxy's host name only, e.g. proxy.example.com."));
            m_proxyHost->setFocus();
            return false;
        }
        if (m_proxyPort->value() < 1) {
            showError(tr("Proxy port: use a number from 1 to 65535, e.g. 3128."));
            m_proxyPort->setFocus();
            return false;
        }
        draft.proxyHost = host;
        draft.proxyPort = m_proxyPort->value();
    } else {
        draft.proxyHost.clear();
        draft.proxyPort = 0;
    }
    showError(QString());
    return true;
}

} // namespace Cw
