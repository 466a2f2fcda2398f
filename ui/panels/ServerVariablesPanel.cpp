#include "ui/panels/ServerVariablesPanel.h"

#include "core/config/ConfigNames.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Cw {

namespace {

const QString kStaleStyle = QStringLiteral("color: #b00020;");

} // namespace

ServerVariablesPanel::ServerVariablesPanel(QWidget* parent) : SettingsPanel(parent)
{
    auto* outer = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Defaults for records this connector creates in ConnectWise. Values are picked from "
                                "ConnectWise's own lists."),
                             this);
    intro->setWordWrap(true);
    outer->addWidget(intro);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto* body = new QWidget(scroll);
    auto* grid = new QGridLayout(body);
    int line = 0;
    for (const VariableInfo& info : ServerVariables::all()) {
        Row row;
        auto* label = new QLabel(info.title, body);
        QWidget* editor = nullptr;
        if (info.instanceField) {
            row.edit = new QLineEdit(body);
            row.edit->setReadOnly(true);
            row.edit->setPlaceholderText(info.example);
            editor = row.edit;
        } else {
            row.combo = new QComboBox(body);
            connect(row.combo, &QComboBox::currentIndexChanged, this, [this, key = info.key] {
                if (m_loading) {
                    return;
                }
                setModified(true);
                if (key == QLatin1String("product_category")) {
                    fillCombo(QStringLiteral("product_subcategory"), currentId(QStringLiteral("product_subcategory")),
                              QString());
                }
                updateStale();
            });
            editor = row.combo;
        }
        editor->setObjectName(QStringLiteral("variable_") + info.key);
        editor->setAccessibleName(info.title);
        const QString help = tr("Used for: %1. %2 Example: %3").arg(info.usedFor, info.explanation, info.example);
        editor->setToolTip(help);
        editor->setAccessibleDescription(help);
        label->setBuddy(editor);
        auto* helpLabel = new QLabel(help, body);
        helpLabel->setWordWrap(true);
        helpLabel->setStyleSheet(QStringLiteral("color: palette(mid);"));
        row.status = new QLabel(body);
        row.status->setObjectName(QStringLiteral("status_") + info.key);
        row.status->setWordWrap(true);
        row.status->setStyleSheet(kStaleStyle);
        row.status->setVisible(false);
        grid->addWidget(label, line, 0);
        grid->addWidget(editor, line, 1);
        grid->addWidget(helpLabel, line + 1, 1);
        grid->addWidget(row.status, line + 2, 1);
        line += 3;
        m_rows.insert(info.key, row);
    }
    grid->setRowStretch(line, 1);
    scroll->setWidget(body);
    outer->addWidget(scroll, 1);

    auto* bottom = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_refresh = new QPushButton(tr("&Refresh lists"), this);
    m_refresh->setObjectName(QStringLiteral("refresh"));
    m_refresh->setToolTip(tr("Pull the ConnectWise lists again"));
    m_refresh->setEnabled(false);
    connect(m_refresh, &QPushButton::clicked, this, &SettingsPanel::refresh);
    connect(this, &SettingsPanel::refreshFailed, m_message, &QLabel::setText);
    bottom->addWidget(m_message, 1);
    bottom->addWidget(m_refresh);
    outer->addLayout(bottom);
}

ServerVariablesPanel::~ServerVariablesPanel() = default;

void ServerVariablesPanel::setInstance(const Instance& instance)
{
    m_instance = instance;
    m_rows.value(QStringLiteral("connectwise_url"))
        .edit->setText(instance.site.isEmpty() ? instance.deployment : instance.site);
    m_rows.value(QStringLiteral("company_id")).edit->setText(instance.companyId);
    m_rows.value(QStringLiteral("client_id")).edit->setText(instance.clientId);
}

QString ServerVariablesPanel::currentId(const QString& key) const
{
    const Row row = m_rows.value(key);
    if (row.combo) {
        return row.combo->currentData().toString();
    }
    return row.edit ? row.edit->text().trimmed() : QString();
}

void ServerVariablesPanel::fillCombo(const QString& key, const QString& selectedId, const QString& selectedName)
{
    QComboBox* combo = m_rows.value(key).combo;
    if (!combo) {
        return;
    }
    const bool wasLoading = m_loading;
    m_loading = true;
    combo->clear();
    combo->addItem(tr("(not set)"), QString());
    const bool local = ServerVariables::info(key).localId;
    if (local) {
        for (const QString& method : std::as_const(m_paymentMethods)) {
            combo->addItem(method, method);
        }
    } else {
        const QString category =
            key == QLatin1String("product_subcategory") ? currentId(QStringLiteral("product_category")) : QString();
        const QList<RemoteItem> items = ServerVariables::choices(key, lists(), category);
        for (const RemoteItem& item : items) {
            combo->addItem(item.label(), item.id);
        }
    }
    if (!selectedId.isEmpty()) {
        int index = combo->findData(selectedId);
        if (index < 0) {
            // Keep a stored id that is no longer offered, flagged, so nothing changes silently.
            combo->addItem(local ? tr("%1 — not a payment method of the local system").arg(selectedId)
                                 : tr("%1 (%2) — not available in ConnectWise")
                                       .arg(selectedName.isEmpty() ? selectedId : selectedName, selectedId),
                           selectedId);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
    }
    m_loading = wasLoading;
}

void ServerVariablesPanel::load()
{
    m_loading = true;
    // Category before subcategory: the subcategories are filtered by it.
    for (const QString& key : ConfigNames::storedServerVariables()) {
        const auto stored = config() ? ServerVariables::stored(*config(), key) : std::nullopt;
        fillCombo(key, stored ? stored->remoteId : QString(), stored ? stored->remoteName : QString());
    }
    m_loading = false;
    setModified(false);
    updateStale();
}

void ServerVariablesPanel::listsChanged()
{
    m_refresh->setEnabled(canRefresh());
    m_loading = true;
    for (const QString& key : ConfigNames::storedServerVariables()) {
        if (m_rows.value(key).combo) {
            QString name;
            if (config()) {
                if (const auto stored = ServerVariables::stored(*config(), key)) {
                    name = stored->remoteId == currentId(key) ? stored->remoteName : QString();
                }
            }
            fillCombo(key, currentId(key), name);
        }
    }
    m_loading = false;
    m_message->setText(tr("Lists read from ConnectWise."));
    updateStale();
}

void ServerVariablesPanel::updateStale()
{
    ConnectorConfig shown;
    for (const QString& key : ConfigNames::storedServerVariables()) {
        const QString id = currentId(key);
        if (!id.isEmpty()) {
            QString name;
            if (config()) {
                if (const auto stored = ServerVariables::stored(*config(), key); stored && stored->remoteId == id) {
                    name = stored->remoteName;
                }
            }
            shown.serverVariables.append({key, id, name});
        }
    }
    m_stale = ServerVariables::staleVariables(shown, lists());
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        it->status->setVisible(false);
    }
    for (const StaleVariable& s : m_stale) {
        QLabel* status = m_rows.value(s.key).status;
        status->setText(s.reason + QLatin1Char(' ') + s.fix);
        status->setVisible(true);
    }
}

bool ServerVariablesPanel::save(QString* error)
{
    if (!config()) {
        *error = tr("No configuration to save to.");
        return false;
    }
    QList<ServerVariable> variables;
    for (const QString& key : ConfigNames::storedServerVariables()) {
        const QString id = currentId(key);
        if (id.isEmpty()) {
            continue;
        }
        QString name = id; // a local payment-method id is its own name
        const Row row = m_rows.value(key);
        if (row.combo && !ServerVariables::info(key).localId) {
            if (const auto item = lists().find(ServerVariables::info(key).kind, id)) {
                name = item->name;
            } else if (const auto stored = ServerVariables::stored(*config(), key)) {
                name = stored->remoteName;
            }
        }
        variables.append({key, id, name});
    }
    config()->serverVariables = variables;
    setModified(false);
    return true;
}

} // namespace Cw
