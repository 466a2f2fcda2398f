#include "ui/settings/SettingsDialog.h"

#include "core/config/ConnectorSession.h"
#include "core/config/SettingsSections.h"
#include "core/connectwise/ApiClient.h"
#include "core/setup/InstanceSecrets.h"
#include "ui/common/Prompter.h"
#include "ui/common/WindowSize.h"
#include "ui/panels/LookupsPanel.h"
#include "ui/panels/ServerVariablesPanel.h"
#include "ui/panels/SyncOptionsPanel.h"
#include "ui/panels/UserMappingPanel.h"
#include "ui/settings/ConnectionSection.h"
#include "ui/settings/KeysSection.h"
#include "ui/settings/LocalDataSection.h"
#include "ui/settings/PanelSection.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Cw {

SettingsDialog::SettingsDialog(Database& database, InstanceSecrets& secrets, const NetworkAccessFactory& network,
                               Prompter& prompter, const Instance& instance, const LocalDataFactory& localData,
                               QWidget* parent)
    : QDialog(parent), m_database(database), m_secrets(secrets), m_prompter(prompter)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings — %1").arg(instance.name));
    m_context.database = &database;
    m_context.instance = instance;
    m_context.secrets = &secrets.storeFor(instance.id);
    m_context.network = &network;

    m_categories = new QListWidget(this);
    m_categories->setObjectName(QStringLiteral("settingsCategories"));
    m_categories->setAccessibleName(tr("Settings sections"));
    m_categories->setMaximumWidth(180);
    m_stack = new QStackedWidget(this);

    addSection(new ConnectionSection(prompter));
    addSection(new KeysSection);
    addSection(new LocalDataSection(localData ? localData(database, nullptr) : nullptr));
    addSection(new PanelSection(SettingsPlace::UserMapping, new UserMappingPanel));
    addSection(new PanelSection(SettingsPlace::ServerVariables, new ServerVariablesPanel));
    addSection(new PanelSection(SettingsPlace::SyncOptions, new SyncOptionsPanel));
    addSection(new PanelSection(SettingsPlace::Lookups, new LookupsPanel));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::ApplyRole);
    m_apply->setObjectName(QStringLiteral("applySection"));
    m_revert = buttons->addButton(tr("Re&vert"), QDialogButtonBox::ResetRole);
    m_revert->setObjectName(QStringLiteral("revertSection"));
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    m_apply->setDefault(true);

    auto* body = new QHBoxLayout;
    body->addWidget(m_categories);
    body->addWidget(m_stack, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    WindowSize::fitToScreen(this, {860, 480});

    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, [this] { applyCurrent(); });
    connect(m_revert, &QPushButton::clicked, this, [this] {
        m_sections.at(m_stack->currentIndex())->load(m_context);
        setMessage(QString(), false);
    });
    connect(m_categories, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_stack->currentIndex()) {
            switchTo(row, QString());
        }
    });
    for (SettingsSection* section : m_sections) {
        section->load(m_context);
    }
    m_categories->setCurrentRow(0);
    updateButtons();
    openClient();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addSection(SettingsSection* section)
{
    m_sections.append(section);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(section);
    m_stack->addWidget(scroll);
    auto* item = new QListWidgetItem(section->title(), m_categories);
    item->setData(Qt::UserRole, SettingsSections::id(section->place()));
    connect(section, &SettingsSection::modifiedChanged, this, &SettingsDialog::updateButtons);
    connect(section, &SettingsSection::validationChanged, this, [this, section](const QString& text) {
        if (section == m_sections.value(m_stack->currentIndex())) {
            setMessage(text, !text.isEmpty());
        }
        updateButtons();
    });
    connect(section, &SettingsSection::applied, this, [this, section](bool ok, const QString& text) {
        m_applying = false;
        setMessage(ok ? tr("%1: saved.").arg(section->title()) : text, !ok);
        if (ok) {
            emit sectionApplied(section->place());
        }
        updateButtons();
    });
}

// The one place the dialog opens the connector (keys read, never written; no check): the live client of the panels.
void SettingsDialog::openClient()
{
    ConnectorSession::open(
        m_context.instance, *m_context.secrets, *m_context.network, this, [this](const OpenedSession& opened) {
            const QString error = opened.error;
            if (opened.session) {
                m_context.client = opened.session->newClient(this);
                for (SettingsSection* section : m_sections) {
                    section->clientReady(m_context.client);
                }
            } else {
                setMessage(tr("The lists from ConnectWise are not available: %1 Enter the keys under Keys.").arg(error),
                           true);
            }
            emit clientReady();
        });
}

SettingsSection* SettingsDialog::section(SettingsPlace place) const
{
    for (SettingsSection* s : m_sections) {
        if (s->place() == place) {
            return s;
        }
    }
    return nullptr;
}

SettingsPlace SettingsDialog::currentSection() const
{
    SettingsSection* current = m_sections.value(m_stack->currentIndex());
    return current ? current->place() : SettingsPlace::None;
}

QString SettingsDialog::message() const
{
    return m_message->text();
}

void SettingsDialog::showSection(SettingsPlace place, const QString& row)
{
    int index = 0;
    for (int i = 0; i < m_sections.size(); ++i) {
        if (m_sections.at(i)->place() == place) {
            index = i;
        }
    }
    switchTo(index, row);
}

void SettingsDialog::switchTo(int index, const QString& row)
{
    const int current = m_stack->currentIndex();
    auto go = [this, index, row] {
        m_stack->setCurrentIndex(index);
        const QSignalBlocker blocker(m_categories);
        m_categories->setCurrentRow(index);
        SettingsSection* section = m_sections.at(index);
        setMessage(section->validationMessage(), !section->validationMessage().isEmpty());
        section->selectRow(row);
        updateButtons();
    };
    if (index == current) {
        go();
        return;
    }
    {
        const QSignalBlocker blocker(m_categories);
        m_categories->setCurrentRow(current); // until the admin answered
    }
    leaveCurrent(go);
}

void SettingsDialog::leaveCurrent(std::function<void()> then)
{
    SettingsSection* section = m_sections.value(m_stack->currentIndex());
    if (!section || !section->isModified()) {
        then();
        return;
    }
    m_prompter.ask(this, tr("Unsaved changes"),
                   tr("The section “%1” has changes that are not saved.").arg(section->title()),
                   {tr("&Apply"), tr("&Discard"), tr("&Stay")}, this, [this, section, then](int choice) {
                       if (choice == 0) {
                           applyCurrent([then](bool ok) {
                               if (ok) {
                                   then();
                               }
                           });
                       } else if (choice == 1) {
                           section->load(m_context);
                           then();
                       }
                   });
}

void SettingsDialog::applyCurrent(std::function<void(bool ok)> then)
{
    SettingsSection* section = m_sections.at(m_stack->currentIndex());
    QString error;
    if (!section->apply(&error)) {
        setMessage(error, true);
        if (then) {
            then(false);
        }
        return;
    }
    if (section->place() == SettingsPlace::Connection) {
        m_context.instance = static_cast<ConnectionSection*>(section)->edited();
    }
    if (!section->appliesLater()) {
        setMessage(tr("%1: saved.").arg(section->title()), false);
        emit sectionApplied(section->place());
        updateButtons();
        if (then) {
            then(true);
        }
        return;
    }
    m_applying = true;
    updateButtons();
    if (then) {
        auto* guard = new QObject(this);
        connect(section, &SettingsSection::applied, guard, [guard, then](bool ok, const QString&) {
            delete guard;
            then(ok);
        });
    }
}

void SettingsDialog::updateButtons()
{
    SettingsSection* section = m_sections.value(m_stack->currentIndex());
    const bool modified = section && section->isModified();
    m_apply->setEnabled(modified && !m_applying);
    m_revert->setEnabled(modified && !m_applying);
    for (int i = 0; i < m_sections.size(); ++i) {
        QListWidgetItem* item = m_categories->item(i);
        item->setText(m_sections.at(i)->isModified() ? tr("%1 *").arg(m_sections.at(i)->title())
                                                     : m_sections.at(i)->title());
    }
}

void SettingsDialog::setMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void SettingsDialog::reject()
{
    leaveCurrent([this] { QDialog::reject(); });
}

} // namespace Cw
