#pragma once

#include "core/domain/Entity.h"
#include "core/domain/SyncOperation.h"
#include "ui/panels/SettingsPanel.h"

#include <QMap>
#include <QPair>

class QCheckBox;
class QComboBox;
class QLabel;

namespace Cw {

// The entity x operation sync matrix. Only supported cells can be ticked; each cell's tooltip says what it
// does and which ConnectWise permission it needs; below, the permissions the systems check will probe, and the
// conflict policy (what a sync does with a field changed on both sides).
class SyncOptionsPanel final : public SettingsPanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncOptionsPanel)

public:
    explicit SyncOptionsPanel(QWidget* parent = nullptr);
    ~SyncOptionsPanel() override;

    QString title() const override { return tr("Sync options"); }
    QStringList listKinds() const override { return {}; }

    void load() override;
    bool save(QString* error) override;

    QCheckBox* cell(Entity entity, Operation operation) const;
    QComboBox* conflictPolicy() const { return m_conflicts; }

protected:
    void listsChanged() override { }

private:
    ConnectorConfig edited() const;
    void updatePermissions();

    QMap<QPair<Entity, Operation>, QCheckBox*> m_cells;
    QLabel* m_permissions = nullptr;
    QComboBox* m_conflicts = nullptr; // data: int(ConflictPolicy)
};

} // namespace Cw
