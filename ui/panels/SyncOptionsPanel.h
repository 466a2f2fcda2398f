#pragma once

#include "ui/panels/SettingsPanel.h"

#include <QHash>

class QCheckBox;
class QLabel;

namespace Cw {

// The entity x operation sync matrix. Only supported cells can be ticked; each cell's tooltip says what it
// does and which ConnectWise permission it needs; below, the permissions the systems check will probe.
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

    QCheckBox* cell(const QString& entity, const QString& operation) const;

protected:
    void listsChanged() override { }

private:
    ConnectorConfig edited() const;
    void updatePermissions();

    QHash<QString, QCheckBox*> m_cells; // "entity.operation"
    QLabel* m_permissions = nullptr;
};

} // namespace Cw
