#include "ui/main/ImportDialog.h"

#include "ui/main/ConnectorListModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace Cw {

ImportDialog::ImportDialog(const Instance& exported, QWidget* parent) : QDialog(parent), m_exported(exported)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import configuration"));
    m_form = new QFormLayout(this);
    auto* intro = new QLabel(tr("A new connector is created from the file as a draft. ConnectWise ids are looked up "
                                "again by name in the ConnectWise below; what is not found is listed afterwards."),
                             this);
    intro->setWordWrap(true);
    m_form->addRow(intro);
    m_name = addLine(tr("&Name:"), QStringLiteral("importName"), exported.name);
    m_deployment = new QComboBox(this);
    m_deployment->setObjectName(QStringLiteral("importDeployment"));
    m_deployment->setAccessibleName(tr("Deployment"));
    for (const Deployment d : allOf<Deployment>()) {
        m_deployment->addItem(ConnectorListModel::deploymentLabel(nameOf(d)), nameOf(d));
    }
    m_deployment->setCurrentIndex(qMax(0, m_deployment->findData(exported.deployment)));
    auto* deploymentLabel = new QLabel(tr("&Deployment:"), this);
    deploymentLabel->setBuddy(m_deployment);
    m_form->addRow(deploymentLabel, m_deployment);
    m_site = addLine(tr("&Site:"), QStringLiteral("importSite"), exported.site);
    m_company = addLine(tr("C&ompany ID:"), QStringLiteral("importCompany"), exported.companyId);
    m_public = addLine(tr("P&ublic key:"), QStringLiteral("importPublicKey"), QString());
    m_private = addLine(tr("P&rivate key:"), QStringLiteral("importPrivateKey"), QString());
    m_private->setEchoMode(QLineEdit::Password);
    if (exported.proxyMode == Instance::ProxyMode::Manual) {
        auto* proxyNote = new QLabel(tr("The connector goes through the proxy %1:%2, as in the file. If that proxy "
                                        "asks for a login, enter it; it is kept in the keychain.")
                                         .arg(exported.proxyHost)
                                         .arg(exported.proxyPort),
                                     this);
        proxyNote->setWordWrap(true);
        m_form->addRow(proxyNote);
        m_proxyUser = addLine(tr("Proxy us&er (optional):"), QStringLiteral("importProxyUser"), QString());
        m_proxyPassword = addLine(tr("Proxy pass&word:"), QStringLiteral("importProxyPassword"), QString());
        m_proxyPassword->setEchoMode(QLineEdit::Password);
    }
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("importMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_form->addRow(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    m_form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_deployment, &QComboBox::currentIndexChanged, this, &ImportDialog::validate);
    validate();
}

QLineEdit* ImportDialog::addLine(const QString& label, const QString& objectName, const QString& text)
{
    auto* line = new QLineEdit(text, this);
    line->setObjectName(objectName);
    QString name = label;
    line->setAccessibleName(name.remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    auto* buddy = new QLabel(label, this);
    buddy->setBuddy(line);
    m_form->addRow(buddy, line);
    connect(line, &QLineEdit::textChanged, this, &ImportDialog::validate);
    return line;
}

Instance ImportDialog::target() const
{
    Instance i = m_exported;
    i.name = m_name->text();
    i.deployment = m_deployment->currentData().toString();
    i.site = m_site->text();
    i.companyId = m_company->text();
    i.normalize();
    return i;
}

ApiKeyPair ImportDialog::keys() const
{
    return {m_public->text().trimmed(), m_private->text().trimmed()};
}

QString ImportDialog::proxyUser() const
{
    return m_proxyUser ? m_proxyUser->text().trimmed() : QString();
}

QString ImportDialog::proxyPassword() const
{
    return m_proxyPassword && !proxyUser().isEmpty() ? m_proxyPassword->text() : QString();
}

QString ImportDialog::validationMessage() const
{
    return m_message->text();
}

void ImportDialog::showError(const QString& text)
{
    m_message->setText(text);
}

void ImportDialog::validate()
{
    if (!m_message) {
        return; // still being built
    }
    StoreError error;
    QString message;
    if (!target().validate(&error)) {
        message = error.message;
    } else if (keys().publicKey.isEmpty() || keys().privateKey.isEmpty()) {
        message = tr("Keys: enter the public and the private key of the API member in the target ConnectWise.");
    } else if (m_proxyPassword && !m_proxyPassword->text().isEmpty() && proxyUser().isEmpty()) {
        message = tr("Proxy user: a password needs a user name. Enter the user, or clear the password.");
    }
    m_message->setText(message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(message.isEmpty());
}

} // namespace Cw
