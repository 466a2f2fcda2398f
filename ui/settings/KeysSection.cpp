#include "ui/settings/KeysSection.h"

#include "core/check/KeyValidation.h"
#include "core/config/ConnectorSession.h"
#include "core/config/InstanceConnection.h"
#include "core/config/SettingsSections.h"
#include "core/secrets/KeyRotation.h"
#include "core/secrets/SecretStore.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace Cw {

KeysSection::KeysSection(QWidget* parent) : SettingsSection(parent)
{
    auto* form = new QFormLayout(this);
    auto* intro = new QLabel(tr("Enter a new key pair of the API member. Apply tests it against ConnectWise first; a "
                                "pair that does not work is not saved, and the current one stays."),
                             this);
    intro->setWordWrap(true);
    form->addRow(intro);
    m_public = new QLineEdit(this);
    m_public->setObjectName(QStringLiteral("newPublicKey"));
    m_public->setAccessibleName(tr("New public key"));
    auto* publicLabel = new QLabel(tr("New p&ublic key:"), this);
    publicLabel->setBuddy(m_public);
    form->addRow(publicLabel, m_public);
    m_private = new QLineEdit(this);
    m_private->setObjectName(QStringLiteral("newPrivateKey"));
    m_private->setAccessibleName(tr("New private key"));
    m_private->setEchoMode(QLineEdit::Password);
    auto* privateLabel = new QLabel(tr("New p&rivate key:"), this);
    privateLabel->setBuddy(m_private);
    form->addRow(privateLabel, m_private);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("keysResult"));
    m_result->setWordWrap(true);
    form->addRow(m_result);
    for (QLineEdit* line : {m_public, m_private}) {
        connect(line, &QLineEdit::textEdited, this, [this] {
            setModified(!m_public->text().isEmpty() || !m_private->text().isEmpty());
            validate();
        });
    }
}

KeysSection::~KeysSection() = default;

SettingsPlace KeysSection::place() const
{
    return SettingsPlace::Keys;
}

QString KeysSection::resultText() const
{
    return m_result->text();
}

void KeysSection::load(const SectionContext& context)
{
    m_context = context;
    m_public->clear();
    m_private->clear();
    m_result->clear();
    setModified(false);
    setValidation(QString());
}

void KeysSection::validate()
{
    QString message;
    if (m_public->text().trimmed().isEmpty()) {
        message = tr("New public key: enter the public key of the API member (Manage › My Account › API Keys).");
    } else if (m_private->text().trimmed().isEmpty()) {
        message = tr("New private key: enter the private key shown once when the pair was created.");
    }
    m_result->setText(message);
    setValidation(message);
}

bool KeysSection::apply(QString* error)
{
    validate();
    if (!validationMessage().isEmpty()) {
        *error = validationMessage();
        return false;
    }
    if (m_rotation && m_rotation->isRunning()) {
        *error = tr("The new keys are being tested; wait for the answer.");
        return false;
    }
    QString connectionError;
    const auto session = ConnectorSession::open(m_context.instance, {}, *m_context.network, &connectionError);
    if (!session) {
        *error = connectionError;
        return false;
    }
    m_result->setText(tr("Testing the new keys against ConnectWise…"));
    // Through a manual proxy the keys are tested with its login, as every request of the connector is.
    ConnectorSession::readProxyLogin(
        m_context.instance, *m_context.secrets, this,
        [this, session = *session](const SecretResult& login, const QString& user, const QString& password) {
            if (!login.ok()) {
                m_result->setText(login.message);
                emit applied(false, login.message);
                return;
            }
            startRotation(session.withProxyLogin(user, password));
        });
    return true;
}

void KeysSection::startRotation(const ConnectorSession& session)
{
    delete m_rotation;
    m_rotation = new KeyRotation(*m_context.secrets, connectWiseKeyValidator(session, this), this);
    connect(m_rotation, &KeyRotation::finished, this, &KeysSection::finished);
    m_rotation->start(InstanceConnection::secretId(m_context.instance),
                      {m_public->text().trimmed(), m_private->text().trimmed()});
}

void KeysSection::finished(const KeyRotationResult& result)
{
    if (result.ok()) {
        m_public->clear();
        m_private->clear();
        m_result->setText(tr("The new keys work and are saved; the old ones are gone."));
        setModified(false);
        emit applied(true, QString());
        return;
    }
    const QString message = result.outcome == KeyRotationResult::Outcome::ValidationFailed
        ? tr("The new keys were not saved; the old ones are unchanged. %1").arg(result.message)
        : result.message;
    m_result->setText(message);
    emit applied(false, message);
}

} // namespace Cw
