#include "ui/panels/UserMappingPanel.h"

#include "core/config/RemoteResolver.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Cw {

namespace {

const QColor kUnmapped(255, 228, 225);

} // namespace

UserMappingPanel::UserMappingPanel(QWidget* parent) : SettingsPanel(parent)
{
    auto* outer = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    top->addWidget(m_summary, 1);
    auto* autoButton = new QPushButton(tr("Auto-&match"), this);
    autoButton->setObjectName(QStringLiteral("autoMatch"));
    autoButton->setToolTip(tr("Suggest a member for each unmapped user: e-mail, then name, then identifier"));
    auto* confirmButton = new QPushButton(tr("&Confirm suggestions"), this);
    confirmButton->setObjectName(QStringLiteral("confirmAll"));
    m_refresh = new QPushButton(tr("&Refresh members"), this);
    m_refresh->setObjectName(QStringLiteral("refresh"));
    m_refresh->setEnabled(false);
    top->addWidget(autoButton);
    top->addWidget(confirmButton);
    top->addWidget(m_refresh);
    outer->addLayout(top);

    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("users"));
    m_table->setAccessibleName(tr("Local users and their ConnectWise members"));
    m_table->setHorizontalHeaderLabels({tr("Local user"), tr("ConnectWise member"), tr("Match"), tr("Confirmed")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    outer->addWidget(m_table, 1);

    connect(autoButton, &QPushButton::clicked, this, &UserMappingPanel::autoMatch);
    connect(confirmButton, &QPushButton::clicked, this, &UserMappingPanel::confirmAll);
    connect(m_refresh, &QPushButton::clicked, this, &SettingsPanel::refresh);
}

UserMappingPanel::~UserMappingPanel() = default;

void UserMappingPanel::load()
{
    m_rows = UserMappings::rows(m_users, config() ? *config() : ConnectorConfig(), lists());
    fillTable();
    setModified(false);
}

void UserMappingPanel::listsChanged()
{
    m_refresh->setEnabled(canRefresh());
    if (!m_rows.isEmpty()) {
        // Keep the edits; re-check the mapped members against the new list.
        ConnectorConfig shown;
        for (const UserRow& row : m_rows) {
            if (row.mapped()) {
                shown.userMappings.append(UserMappings::toMapping(row, lists(), row.confirmed));
            }
        }
        m_rows = UserMappings::rows(m_users, shown, lists());
    }
    fillTable();
}

void UserMappingPanel::autoMatch()
{
    m_rows = UserMappings::autoMatch(m_rows, lists());
    setModified(true);
    fillTable();
}

void UserMappingPanel::confirmAll()
{
    for (UserRow& row : m_rows) {
        row.confirmed = row.confirmed || row.mapped();
    }
    setModified(true);
    fillTable();
}

void UserMappingPanel::fillTable()
{
    m_filling = true;
    const QList<RemoteItem> members = lists().mappableMembers();
    m_table->setRowCount(static_cast<int>(m_rows.size()));
    for (int r = 0; r < m_rows.size(); ++r) {
        const UserRow& row = m_rows.at(r);
        auto* user = new QTableWidgetItem(
            row.user.email.isEmpty() ? row.user.name : QStringLiteral("%1 <%2>").arg(row.user.name, row.user.email));
        user->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        if (!row.mapped() || !row.note.isEmpty()) {
            user->setBackground(kUnmapped);
        }
        user->setToolTip(row.note);
        m_table->setItem(r, 0, user);

        auto* combo = new QComboBox(m_table);
        combo->setAccessibleName(tr("Member for %1").arg(row.user.name));
        combo->addItem(tr("(not mapped)"), QString());
        for (const RemoteItem& m : members) {
            combo->addItem(m.label(), m.id);
        }
        int index = combo->findData(row.memberId);
        if (index < 0 && row.mapped()) {
            combo->addItem(tr("%1 — not available").arg(row.memberLabel.isEmpty() ? row.memberId : row.memberLabel),
                           row.memberId);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(std::max(index, 0));
        m_table->setCellWidget(r, 1, combo);

        QString match;
        if (row.ambiguous) {
            match = tr("several members fit: pick one");
        } else if (row.mapped()) {
            match = QStringLiteral("%1, %2 %").arg(row.matchBy).arg(row.confidence);
        } else {
            match = row.note.isEmpty() ? tr("unmapped") : row.note;
        }
        auto* matchItem = new QTableWidgetItem(match);
        matchItem->setFlags(Qt::ItemIsEnabled);
        matchItem->setToolTip(row.note);
        m_table->setItem(r, 2, matchItem);

        auto* confirmed = new QCheckBox(m_table);
        confirmed->setAccessibleName(tr("Confirmed for %1").arg(row.user.name));
        confirmed->setChecked(row.confirmed);
        confirmed->setEnabled(row.mapped());
        m_table->setCellWidget(r, 3, confirmed);

        connect(combo, &QComboBox::currentIndexChanged, this, [this, r, combo, confirmed, matchItem, user] {
            if (m_filling) {
                return;
            }
            UserRow& edited = m_rows[r];
            edited.memberId = combo->currentData().toString();
            edited.memberLabel = combo->currentText();
            edited.matchBy = QStringLiteral("manual");
            edited.confidence = 100;
            edited.confirmed = edited.mapped(); // picking by hand is a confirmation
            edited.ambiguous = false;
            edited.note.clear();
            confirmed->setChecked(edited.confirmed);
            confirmed->setEnabled(edited.mapped());
            matchItem->setText(edited.mapped() ? tr("manual") : tr("unmapped"));
            user->setBackground(edited.mapped() ? QBrush() : QBrush(kUnmapped));
            setModified(true);
            updateSummary();
        });
        connect(confirmed, &QCheckBox::toggled, this, [this, r](bool on) {
            if (!m_filling) {
                m_rows[r].confirmed = on;
                setModified(true);
                updateSummary();
            }
        });
    }
    m_filling = false;
    updateSummary();
}

void UserMappingPanel::updateSummary()
{
    int unmapped = 0;
    int unconfirmed = 0;
    for (const UserRow& row : m_rows) {
        unmapped += row.mapped() ? 0 : 1;
        unconfirmed += row.mapped() && !row.confirmed ? 1 : 0;
    }
    m_summary->setText(tr("%1 user(s): %2 unmapped (allowed), %3 suggestion(s) to confirm.")
                           .arg(m_rows.size())
                           .arg(unmapped)
                           .arg(unconfirmed));
}

bool UserMappingPanel::save(QString* error)
{
    if (!config()) {
        *error = tr("No configuration to save to.");
        return false;
    }
    QList<UserMapping> mappings;
    for (const UserRow& row : m_rows) {
        if (row.mapped()) {
            mappings.append(UserMappings::toMapping(row, lists(), row.confirmed));
        }
    }
    config()->userMappings = mappings;
    setModified(false);
    return true;
}

} // namespace Cw
