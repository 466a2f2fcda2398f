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
    // A row of the proxy form: the field, named for tests and screen readers, behind its label with a mnemonic.
    const auto addRow = [proxyBox, form](QWidget* field, const char* objectName, const QString& name,
                                         const QString& label) {
        field->setObjectName(QLatin1String(objectName));
        field->setAccessibleName(name);
        auto* rowLabel = new QLabel(label, proxyBox);
        rowLabel->setBuddy(field);
        form->addRow(rowLabel, field);
    };
    m_proxyMode = new QComboBox(proxyBox);
    m_proxyMode->addItem(tr("Use the system proxy settings"), QStringLiteral("system"));
    m_proxyMode->addItem(tr("No proxy"), QStringLiteral("none"));
    m_proxyMode->addItem(tr("Manual proxy"), QStringLiteral("manual"));
    addRow(m_proxyMode, "proxyMode", tr("Proxy"), tr("&Proxy:"));
    m_proxyHost = new QLineEdit(proxyBox);
    m_proxyHost->setPlaceholderText(tr("proxy.example.com"));
    addRow(m_proxyHost, "proxyHost", tr("Proxy host"), tr("Proxy &host:"));
    m_proxyPort = new QSpinBox(proxyBox);
    m_proxyPort->setRange(0, 65535);
    m_proxyPort->setValue(3128);
    addRow(m_proxyPort, "proxyPort", tr("Proxy port"), tr("Proxy por&t:"));
    m_proxyUser = new QLineEdit(proxyBox);
    m_proxyUser->setPlaceholderText(tr("only when the proxy asks for a login"));
    addRow(m_proxyUser, "proxyUser", tr("Proxy user"), tr("Proxy &user (optional):"));
    m_proxyPassword = new QLineEdit(proxyBox);
    m_proxyPassword->setEchoMode(QLineEdit::Password);
    addRow(m_proxyPassword, "proxyPassword", tr("Proxy password"), tr("Proxy pass&word:"));
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
        m_proxyUser->setText(controller().proxyUser());
        m_proxyPassword->setText(controller().proxyPassword());
    }
    updateProxyFields();
}

void WelcomePage::updateProxyFields()
{
    const bool manual = m_proxyMode->currentData().toString() == QLatin1String("manual");
    for (QWidget* field : std::initializer_list<QWidget*> {m_proxyHost, m_proxyPort, m_proxyUser, m_proxyPassword}) {
        field->setEnabled(manual);
    }
}

bool WelcomePage::validatePage()
{
    const auto mode =
        Instance::proxyModeFromName(m_proxyMode->currentData().toString()).value_or(Instance::ProxyMode::System);
    if (mode != Instance::ProxyMode::Manual) {
        controller().setProxy(mode);
        controller().setProxyLogin(QString(), QString());
        showError(QString());
        return true;
    }
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
    if (m_proxyUser->text().trimmed().isEmpty() && !m_proxyPassword->text().isEmpty()) {
        showError(tr("Proxy user: a password needs a user name. Enter the user, or clear the password."));
        m_proxyUser->setFocus();
        return false;
    }
    controller().setProxy(mode, host, m_proxyPort->value());
    controller().setProxyLogin(m_proxyUser->text(), m_proxyPassword->text()); // kept in the keychain at Save
    showError(QString());
    return true;
}

} // namespace Cw
