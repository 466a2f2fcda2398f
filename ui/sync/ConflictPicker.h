#pragma once

#include "core/domain/ConflictPolicy.h"
#include "core/domain/Entity.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Cw {

class Database;

// Under a table of sync outcomes (the preview, the history): for the conflict selected, Keep ConnectWise / Keep
// local. The pick is remembered on the record's link (SyncLinkStore::setKeep): the next sync writes that side.
class ConflictPicker final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictPicker)

public:
    ConflictPicker(Database& database, qint64 instanceId, QWidget* parent = nullptr);

    // Follows the table's current row (a SyncOutcomeModel, or a proxy over one).
    void attach(QTableView* table);
    QPushButton* keepConnectWise() const { return m_keepConnectWise; }
    QPushButton* keepLocal() const { return m_keepLocal; }
    QString text() const;

signals:
    void picked(Cw::Entity entity, const QString& localId, Cw::KeepSide side);

private:
    void select(const QModelIndex& index);
    void keep(KeepSide side);

    Database& m_database;
    qint64 m_instanceId;
    Entity m_entity = Entity::Accounts;
    QString m_localId; // empty: no conflict selected
    QLabel* m_text;
    QPushButton* m_keepConnectWise;
    QPushButton* m_keepLocal;
};

} // namespace Cw
