#include "ui/settings/ConnectionSection.h"

#include "core/check/CheckFindings.h"
#include "core/config/ConnectorSession.h"
#include "core/config/InstanceRepository.h"
#include "core/config/SettingsSections.h"
#include "core/secrets/SecretStore.h"
#include "ui/common/Prompter.h"
#include "ui/main/ConnectorListModel.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>

namespace Cw {

ConnectionSection::ConnectionSection(Prompter& prompter, QWidget* parent)
    : SettingsSection(parent), m_prompter(prompter)
{
    auto* form = new QFormLayout(this);
    m_deployment = new QComboBox(this);
    m_deployment->setObjectName(QStringLiteral("deployment"));
    for (const Deployment d : allOf<Deployment>()) {
        m_deployment->addItem(ConnectorListModel::deploymentLabel(nameOf(d)), nameOf(d));
    }
    auto* deploymentLabel = new QLabel(tr("&Deployment:"), this);
    deploymentLabel->setBuddy(m_deployment);
    m_deployment->setAccessibleName(tr("Deployment"));
    form->addRow(deploymentLabel, m_deployment);
    m_site = addLine(tr("&Site:"), QStringLiteral("site"), form);
    m_site->setPlaceholderText(tr("na.myconnectwise.net, or your own server"));
    m_company = addLine(tr("C&ompany ID:"), QStringLiteral("companyId"), form);
    m_clientId = addLine(tr("C&lient ID:"), QStringLiteral("clientId"), form);
    m_clientId->setPlaceholderText(tr("the GUID from developer.connectwise.com, or empty for the default"));

    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setAccessibleName(tr("Private CA file"));
    m_caFile->setPlaceholderText(tr("a PEM file, only for a private certificate authority"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("browseCaFile"));
    m_browse->setAccessibleName(tr("Browse for the private CA file"));
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    auto* caLabel = new QLabel(tr("Private &CA file:"), this);
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);
    m_tls = new QLabel(this);
    m_tls->setObjectName(QStringLiteral("tlsFinding"));
    m_tls->setWordWrap(true);
    form->addRow(QString(), m_tls);

    m_proxyMode = new QComboBox(this);
    m_proxyMode->setObjectName(QStringLiteral("proxyMode"));
    m_proxyMode->setAccessibleName(tr("Proxy"));
    m_proxyMode->addItem(tr("The system's proxy settings"), Instance::proxyModeName(Instance::ProxyMode::System));
    m_proxyMode->addItem(tr("No proxy"), Instance::proxyModeName(Instance::ProxyMode::None));
    m_proxyMode->addItem(tr("This proxy:"), Instance::proxyModeName(Instance::ProxyMode::Manual));
    auto* proxyLabel = new QLabel(tr("&Proxy:"), this);
    proxyLabel->setBuddy(m_proxyMode);
    form->addRow(proxyLabel, m_proxyMode);
    m_proxyHost = addLine(tr("Proxy &host:"), QStringLiteral("proxyHost"), form);
    m_proxyPort = new QSpinBox(this);
    m_proxyPort->setObjectName(QStringLiteral("proxyPort"));
    m_proxyPort->setAccessibleName(tr("Proxy port"));
    m_proxyPort->setRange(0, 65535);
    auto* portLabel = new QLabel(tr("Proxy por&t:"), this);
    portLabel->setBuddy(m_proxyPort);
    form->addRow(portLabel, m_proxyPort);
    m_proxyUser = addLine(tr("Proxy &user (optional):"), QStringLiteral("proxyUser"), form);
    m_proxyPassword = addLine(tr("Proxy pass&word:"), QStringLiteral("proxyPassword"), form);
    m_proxyPassword->setEchoMode(QLineEdit::Password);
    auto* loginNote = new QLabel(tr("The proxy login is kept in the keychain, never in the database."), this);
    loginNote->setWordWrap(true);
    form->addRow(QString(), loginNote);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("connectionMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    form->addRow(m_message);

    const auto edited = [this] {
        if (!m_loading) {
            setModified(true);
            validate();
        }
    };
    for (QLineEdit* line : {m_site, m_company, m_clientId, m_caFile, m_proxyHost}) {
        connect(line, &QLineEdit::textEdited, this, edited);
    }
    for (QLineEdit* line : {m_proxyUser, m_proxyPassword}) {
        connect(line, &QLineEdit::textEdited, this, [this, edited] {
            m_loginEdited = true;
            edited();
        });
    }
    connect(m_deployment, &QComboBox::currentIndexChanged, this, edited);
    connect(m_proxyPort, &QSpinBox::valueChanged, this, edited);
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, [this, edited] {
        updateProxyFields();
        edited();
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString start = m_caFile->text().isEmpty() ? QDir::homePath() : QFileInfo(m_caFile->text()).path();
        m_prompter.chooseOpenFile(this, tr("Private CA file"), start,
                                  tr("PEM certificates (*.pem *.crt);;All files (*)"), this,
                                  [this](const QString& path) {
                                      if (!path.isEmpty()) {
                                          m_caFile->setText(QDir::toNativeSeparators(path));
                                          setModified(true);
                                          validate();
                                      }
                                  });
    });
}

QLineEdit* ConnectionSection::addLine(const QString& label, const QString& objectName, QFormLayout* form)
{
    auto* line = new QLineEdit(this);
    line->setObjectName(objectName);
    auto* buddy = new QLabel(label, this);
    buddy->setBuddy(line);
    QString name = label;
    line->setAccessibleName(name.remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    form->addRow(buddy, line);
    return line;
}

SettingsPlace ConnectionSection::place() const
{
    return SettingsPlace::Connection;
}

void ConnectionSection::load(const SectionContext& context)
{
    m_context = context;
    m_loading = true;
    const Instance& i = context.instance;
    m_deployment->setCurrentIndex(m_deployment->findData(i.deployment));
    m_site->setText(i.site);
    m_company->setText(i.companyId);
    m_clientId->setText(i.clientId);
    m_caFile->setText(i.caFile);
    m_proxyMode->setCurrentIndex(m_proxyMode->findData(Instance::proxyModeName(i.proxyMode)));
    m_proxyHost->setText(i.proxyHost);
    m_proxyPort->setValue(i.proxyPort);
    m_proxyUser->clear();
    m_proxyPassword->clear();
    m_tls->setText(tlsFinding());
    m_loading = false;
    m_loginEdited = false;
    updateProxyFields();
    loadProxyLogin();
    setModified(false);
    validate();
}

void ConnectionSection::loadProxyLogin()
{
    if (!m_context.secrets || m_context.instance.keyId.isEmpty()) {
        return;
    }
    m_context.secrets->read({m_context.instance.keyId, SecretNames::proxyUser()}, this,
                            [this](const SecretResult& result) {
                                if (result.ok() && !m_loginEdited) {
                                    m_proxyUser->setText(result.value);
                                }
                            });
}

QString ConnectionSection::tlsFinding() const
{
    if (!m_context.instance.lastCheckAt.isValid()) {
        return tr("TLS: not checked yet.");
    }
    for (const CheckFinding& f : CheckFindings(*m_context.database).load(m_context.instance.id)) {
        if (f.stepId == QLatin1String("tls")) {
            return tr("The last check's TLS step: %1 %2").arg(f.diagnosis, f.fix);
        }
    }
    return tr("The last check's TLS step found nothing wrong with the certificate.");
}

void ConnectionSection::updateProxyFields()
{
    const bool manual = m_proxyMode->currentData().toString() == Instance::proxyModeName(Instance::ProxyMode::Manual);
    for (QWidget* w : std::initializer_list<QWidget*> {m_proxyHost, m_proxyPort, m_proxyUser, m_proxyPassword}) {
        w->setEnabled(manual);
    }
}

Instance ConnectionSection::edited() const
{
    Instance i = m_context.instance;
    i.deployment = m_deployment->currentData().toString();
    i.site = m_site->text();
    i.companyId = m_company->text();
    i.clientId = m_clientId->text();
    i.caFile = QDir::fromNativeSeparators(m_caFile->text().trimmed());
    i.proxyMode =
        Instance::proxyModeFromName(m_proxyMode->currentData().toString()).value_or(Instance::ProxyMode::System);
    i.proxyHost = m_proxyHost->text();
    i.proxyPort = m_proxyPort->value();
    i.normalize();
    return i;
}

void ConnectionSection::validate()
{
    const Instance i = edited();
    StoreError error;
    QString message;
    if (!i.validate(&error)) {
        message = error.message;
    } else if (!i.caFile.isEmpty() && !QFileInfo(i.caFile).isReadable()) {
        message = tr("Private CA file: %1 cannot be read. Choose the PEM file with Browse…, or leave the field empty.")
                      .arg(QDir::toNativeSeparators(i.caFile));
    } else if (!m_proxyPassword->text().isEmpty() && m_proxyUser->text().trimmed().isEmpty()) {
        message = tr("Proxy user: a password needs a user name. Enter the user, or clear the password.");
    }
    m_message->setText(message);
    setValidation(message);
}

bool ConnectionSection::apply(QString* error)
{
    validate();
    if (!validationMessage().isEmpty()) {
        *error = validationMessage();
        return false;
    }
    Instance i = edited();
    StoreError storeError;
    if (!InstanceRepository(*m_context.database).update(&i, &storeError)) {
        *error = storeError.message;
        return false;
    }
    m_context.instance = i;
    // applied() follows, always after apply() returned (the dialog waits for it).
    QTimer::singleShot(0, this, &ConnectionSection::writeProxyLogin);
    return true;
}

void ConnectionSection::writeProxyLogin()
{
    const bool manual = m_context.instance.proxyMode == Instance::ProxyMode::Manual;
    if (!m_loginEdited && manual) {
        setModified(false);
        emit applied(true, QString());
        return;
    }
    // No manual proxy, or an empty user: the login is removed from the keychain.
    ConnectorSession::writeProxyLogin(m_context.instance, *m_context.secrets, m_proxyUser->text(),
                                      m_proxyPassword->text(), this, [this](const SecretResult& result) {
                                          if (result.ok()) {
                                              m_loginEdited = false;
                                              setModified(false);
                                          }
                                          emit applied(result.ok(), result.message);
                                      });
}

} // namespace Cw
