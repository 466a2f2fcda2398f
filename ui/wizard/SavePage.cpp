#include "ui/wizard/SavePage.h"

#include "core/setup/InstanceSecrets.h"
#include "core/setup/SetupController.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

namespace Cw {

SavePage::SavePage(SetupController& controller, QWidget* parent) : SetupPage(controller, parent)
{
    setObjectName(QStringLiteral("savePage"));
    setTitle(tr("Save the connector"));
    setButtonText(QWizard::NextButton, tr("&Save >"));
    m_overview = new QLabel(this);
    m_overview->setObjectName(QStringLiteral("overview"));
    m_overview->setWordWrap(true);
    m_overview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    content()->addWidget(m_overview);
    addNote(tr("Save puts the keys into the system keychain and the settings into the connector database. "
               "The next page runs the systems check."));

    auto* row = new QHBoxLayout();
    m_retry = new QPushButton(tr("&Retry the keychain"), this);
    m_retry->setObjectName(QStringLiteral("retryKeychain"));
    m_sessionOnly = new QPushButton(tr("Keep keys for this session &only"), this);
    m_sessionOnly->setObjectName(QStringLiteral("sessionOnly"));
    m_retry->hide();
    m_sessionOnly->hide();
    row->addWidget(m_retry);
    row->addWidget(m_sessionOnly);
    row->addStretch();
    content()->addLayout(row);
    content()->addStretch();

    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_advance = true;
        this->controller().retrySave();
    });
    connect(m_sessionOnly, &QPushButton::clicked, this, [this] {
        m_advance = true;
        this->controller().saveSessionOnly();
    });
    connect(&controller, &SetupController::saveStateChanged, this, &SavePage::onSaveState);
}

void SavePage::initializePage()
{
    const Instance& d = controller().draft();
    QString error;
    QString api = controller().apiUrl();
    if (api.isEmpty()) {
        api = controller().siteApiUrl(&error);
    }
    const QString proxy = d.proxyMode == Instance::ProxyMode::Manual
        ? tr("manual, %1:%2").arg(d.proxyHost).arg(d.proxyPort)
        : (d.proxyMode == Instance::ProxyMode::None ? tr("none") : tr("system settings"));
    m_overview->setText(
        tr("<table>"
           "<tr><td><b>Name</b></td><td>%1</td></tr>"
           "<tr><td><b>Deployment</b></td><td>%2</td></tr>"
           "<tr><td><b>Company ID</b></td><td>%3</td></tr>"
           "<tr><td><b>API URL</b></td><td>%4</td></tr>"
           "<tr><td><b>Codebase</b></td><td>%5</td></tr>"
           "<tr><td><b>Proxy</b></td><td>%6</td></tr>"
           "<tr><td><b>Keys</b></td><td>%7</td></tr>"
           "</table>")
            .arg(d.name.toHtmlEscaped(), d.deployment.toHtmlEscaped(), d.companyId.toHtmlEscaped(), api.toHtmlEscaped(),
                 d.codebaseOverride.isEmpty() ? tr("discovered") : d.codebaseOverride.toHtmlEscaped(),
                 proxy.toHtmlEscaped(), controller().secrets().primary().storageDescription().toHtmlEscaped()));
    m_retry->hide();
    m_sessionOnly->hide();
    showError(QString());
}

bool SavePage::isComplete() const
{
    return controller().saveState() != SetupController::SaveState::Saving;
}

bool SavePage::validatePage()
{
    if (m_justSaved) {
        m_justSaved = false;
        return true;
    }
    m_advance = true;
    showInfo(tr("Saving…"));
    controller().save();
    return false;
}

void SavePage::onSaveState()
{
    emit completeChanged();
    switch (controller().saveState()) {
    case SetupController::SaveState::Idle:
    case SetupController::SaveState::Saving:
        return;
    case SetupController::SaveState::Saved:
        m_retry->hide();
        m_sessionOnly->hide();
        showInfo(controller().saveMessage().isEmpty() ? tr("Saved.") : controller().saveMessage());
        if (m_advance && wizard() && wizard()->currentPage() == this) {
            m_advance = false;
            m_justSaved = true;
            wizard()->next();
        }
        return;
    case SetupController::SaveState::KeychainUnusable:
        m_advance = false;
        showError(tr("Keys not saved: %1 Retry once the keychain is unlocked, or keep the keys for this session "
                     "only (you will be asked for them again next time).")
                      .arg(controller().saveMessage()));
        m_retry->show();
        m_sessionOnly->show();
        m_retry->setFocus();
        return;
    case SetupController::SaveState::Failed:
        m_advance = false;
        showError(tr("Not saved: %1").arg(controller().saveMessage()));
        return;
    }
}

} // namespace Cw
