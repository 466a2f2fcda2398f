#pragma once

#include "core/sync/SyncTypes.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace Cw {

// Narrows a SyncOutcomeModel: one action (or all), one entity (or all), and a text found in the local id,
// the ConnectWise id or the reason (case-insensitive).
class SyncOutcomeFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncOutcomeFilter)

public:
    explicit SyncOutcomeFilter(QObject* parent = nullptr);

    void setAction(std::optional<SyncOutcome::Action> action);
    void setEntity(std::optional<Entity> entity); // nullopt: every entity
    void setText(const QString& text);
    // The outcomes that pass the filter, in the view's order (for Export CSV).
    QList<SyncOutcome> visibleOutcomes() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::optional<SyncOutcome::Action> m_action;
    std::optional<Entity> m_entity;
    QString m_text;
};

} // namespace Cw
