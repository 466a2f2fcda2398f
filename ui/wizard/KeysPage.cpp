#include "ui/wizard/KeysPage.h"

#include "core/setup/KeyPaste.h"
#include "core/setup/KeyProbe.h"
#include "core/setup/SetupController.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <QWizard>

namespace Cw {

KeyEdit::KeyEdit(QWidget* parent) : QLineEdit(parent)
{
    setEchoMode(QLineEdit::Password);
    setClearButtonEnabled(true);
}

void KeyEdit::keyPressEvent(QKeyEvent* event)
{
    if (event == QKeySequence::Paste) {
        emit pasted(QApplication::clipboard()->text());
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

KeysPage::KeysPage(SetupController& controller, QWidget* parent)
    : SetupPage(controller, parent), m_probe(new KeyProbe(this))
{
    setObjectName(QStringLiteral("keysPage"));
    setTitle(tr("API keys"));
    addNote(tr("<b>Where to find them:</b> in ConnectWise open System › Members › API Members, choose the API "
               "member of this connector, then the API Keys tab, and add a key."));
    addNote(tr("<b>The private key is shown only once</b>, right after you add the key. Copy it now; if it is "
               "lost, delete the key and add a new one. You can paste both keys at once into either field."));

    auto* form = new QFormLayout();
    m_public = new KeyEdit(this);
    m_public->setObjectName(QStringLiteral("publicKey"));
    m_public->setAccessibleName(tr("Public key"));
    m_private = new KeyEdit(this);
    m_private->setObjectName(QStringLiteral("privateKey"));
    m_private->setAccessibleName(tr("Private key"));
    m_show = new QCheckBox(tr("Sho&w keys"), this);
    m_show->setObjectName(QStringLiteral("showKeys"));
    m_show->setAccessibleName(tr("Show keys"));
    auto* publicLabel = new QLabel(tr("P&ublic key:"), this);
    publicLabel->setBuddy(m_public);
    auto* privateLabel = new QLabel(tr("P&rivate key:"), this);
    privateLabel->setBuddy(m_private);
    form->addRow(publicLabel, m_public);
    form->addRow(privateLabel, m_private);
    form->addRow(QString(), m_show);
    content()->addLayout(form);
    content()->addStretch();

    connect(m_show, &QCheckBox::toggled, this, [this](bool show) {
        m_public->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
        m_private->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_public, &KeyEdit::pasted, this, [this](const QString& text) { onPasted(m_public, text); });
    connect(m_private, &KeyEdit::pasted, this, [this](const QString& text) { onPasted(m_private, text); });
    connect(m_public, &QLineEdit::textChanged, this, &KeysPage::onEdited);
    connect(m_private, &QLineEdit::textChanged, this, &KeysPage::onEdited);
    connect(m_probe, &KeyProbe::finished, this, &KeysPage::onProbeFinished);
}

void KeysPage::initializePage()
{
    const ApiKeyPair keys = controller().keys();
    {
        const QSignalBlocker blockPublic(m_public);
        const QSignalBlocker blockPrivate(m_private);
        m_public->setText(keys.publicKey);
        m_private->setText(keys.privateKey);
    }
    m_passed = false;
    emit completeChanged();
}

void KeysPage::onPasted(KeyEdit* field, const QString& text)
{
    if (const auto pair = KeyPaste::split(text)) {
        m_public->setText(pair->publicKey);
        m_private->setText(pair->privateKey);
        showInfo(tr("Both keys were pasted: the public key and the private key fields are filled."));
        return;
    }
    field->insert(KeyPaste::clean(text));
}

void KeysPage::onEdited()
{
    // A two-key text typed or dropped into one field is split as well.
    for (KeyEdit* field : {m_public, m_private}) {
        if (const auto pair = KeyPaste::split(field->text())) {
            const QSignalBlocker a(m_public);
            const QSignalBlocker b(m_private);
            m_public->setText(pair->publicKey);
            m_private->setText(pair->privateKey);
            break;
        }
    }
    controller().setKeys(ApiKeyPair {m_public->text(), m_private->text()});
    m_passed = false;
    emit completeChanged();
}

bool KeysPage::isComplete() const
{
    return !KeyPaste::clean(m_public->text()).isEmpty() && !KeyPaste::clean(m_private->text()).isEmpty() &&
        !m_probe->isRunning();
}

bool KeysPage::validatePage()
{
    if (m_passed) {
        return true;
    }
    controller().setKeys(ApiKeyPair {m_public->text(), m_private->text()});
    QString error;
    const auto session = controller().session(&error);
    if (!session) {
        showError(error);
        return false;
    }
    showInfo(tr("Checking the keys with ConnectWise…"));
    m_probe->start(*session);
    emit completeChanged();
    return false;
}

void KeysPage::onProbeFinished(bool passed, const QString& message)
{
    emit completeChanged();
    if (!passed) {
        const ApiError error = m_probe->lastError();
        if (error.kind == ApiError::Kind::KeysRejected) {
            showError(tr("Keys rejected: %1").arg(message));
            m_public->setFocus();
        } else {
            showError(tr("The keys could not be checked: %1").arg(message));
        }
        return;
    }
    showInfo(tr("The keys work."));
    m_passed = true;
    if (wizard() && wizard()->currentPage() == this) {
        wizard()->next();
    }
}

} // namespace Cw
