#include "ui/sync/ConflictPicker.h"

#include "core/sync/SyncLinkStore.h"
#include "core/sync/SyncTypes.h"
#include "ui/sync/SyncOutcomeModel.h"
#include "ui/sync/SyncTexts.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>

namespace Cw {

ConflictPicker::ConflictPicker(Database& database, qint64 instanceId, QWidget* parent)
    : QWidget(parent)
    , m_database(database)
    , m_instanceId(instanceId)
    , m_text(new QLabel(this))
    , m_keepConnectWise(new QPushButton(tr("Keep Connect&Wise"), this))
    , m_keepLocal(new QPushButton(tr("Keep loc&al"), this))
{
    setObjectName(QStringLiteral("conflictPicker"));
    m_text->setObjectName(QStringLiteral("conflictText"));
    m_text->setWordWrap(true);
    m_keepConnectWise->setObjectName(QStringLiteral("keepConnectWise"));
    m_keepConnectWise->setAccessibleName(tr("Keep ConnectWise's values of the selected conflict"));
    m_keepConnectWise->setAutoDefault(false);
    m_keepLocal->setObjectName(QStringLiteral("keepLocal"));
    m_keepLocal->setAccessibleName(tr("Keep the local values of the selected conflict"));
    m_keepLocal->setAutoDefault(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_keepConnectWise);
    layout->addWidget(m_keepLocal);
    connect(m_keepConnectWise, &QPushButton::clicked, this, [this] { keep(KeepSide::ConnectWise); });
    connect(m_keepLocal, &QPushButton::clicked, this, [this] { keep(KeepSide::Local); });
    select(QModelIndex());
}

void ConflictPicker::attach(QTableView* table)
{
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { select(current); });
    // A new model (a new preview, another run) clears the selection without a current-row change.
    connect(table->model(), &QAbstractItemModel::modelReset, this, [this] { select(QModelIndex()); });
}

QString ConflictPicker::text() const
{
    return m_text->text();
}

void ConflictPicker::select(const QModelIndex& index)
{
    const bool conflict = index.isValid() &&
        index.data(SyncOutcomeModel::ActionRole).toInt() == int(SyncOutcome::Action::Conflict) &&
        !index.data(SyncOutcomeModel::LocalIdRole).toString().isEmpty();
    m_localId = conflict ? index.data(SyncOutcomeModel::LocalIdRole).toString() : QString();
    m_entity = conflict ? index.data(SyncOutcomeModel::EntityRole).value<Entity>() : Entity::Accounts;
    m_keepConnectWise->setEnabled(conflict);
    m_keepLocal->setEnabled(conflict);
    m_text->setText(conflict ? tr("%1 %2 changed on both sides: pick the side the next sync writes.")
                                   .arg(SyncTexts::entity(m_entity), m_localId)
                             : tr("Select a conflict to keep ConnectWise's or the local values."));
}

void ConflictPicker::keep(KeepSide side)
{
    if (m_localId.isEmpty()) {
        return;
    }
    StoreError error;
    if (!SyncLinkStore(m_database, m_instanceId).setKeep(m_entity, m_localId, side, &error)) {
        m_text->setText(error.message);
        return;
    }
    m_text->setText(
        side == KeepSide::ConnectWise
            ? tr("The next sync writes ConnectWise's values to %1 %2.").arg(SyncTexts::entity(m_entity), m_localId)
            : tr("The next sync pushes the local values of %1 %2 to ConnectWise.")
                  .arg(SyncTexts::entity(m_entity), m_localId));
    emit picked(m_entity, m_localId, side);
}

} // namespace Cw
