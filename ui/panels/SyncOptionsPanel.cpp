#include "ui/panels/SyncOptionsPanel.h"

#include "core/config/ConfigNames.h"
#include "core/config/SyncMatrix.h"
#include "core/connectwise/Endpoints.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Cw {

SyncOptionsPanel::SyncOptionsPanel(QWidget* parent) : SettingsPanel(parent)
{
    auto* outer = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Tick what the connector may do. Empty cells are not supported by ConnectWise."), this);
    intro->setWordWrap(true);
    outer->addWidget(intro);
    auto* grid = new QGridLayout;
    const QStringList operations = ConfigNames::operations();
    for (int c = 0; c < operations.size(); ++c) {
        grid->addWidget(new QLabel(SyncMatrix::operationTitle(operations.at(c)), this), 0, c + 1, Qt::AlignCenter);
    }
    const QStringList entities = SyncMatrix::entities();
    for (int r = 0; r < entities.size(); ++r) {
        const QString& entity = entities.at(r);
        grid->addWidget(new QLabel(SyncMatrix::entityTitle(entity), this), r + 1, 0);
        for (int c = 0; c < operations.size(); ++c) {
            const SyncCell info = SyncMatrix::cell(entity, operations.at(c));
            auto* box = new QCheckBox(this);
            box->setObjectName(QStringLiteral("option_%1_%2").arg(entity, operations.at(c)));
            box->setAccessibleName(SyncMatrix::entityTitle(entity) + QLatin1String(": ") +
                                   SyncMatrix::operationTitle(operations.at(c)));
            box->setEnabled(info.supported);
            box->setVisible(info.supported);
            box->setToolTip(info.supported
                                ? tr("%1\nNeeds the ConnectWise permission %2.").arg(info.description, info.permission)
                                : info.description);
            connect(box, &QCheckBox::toggled, this, [this] {
                setModified(true);
                updatePermissions();
            });
            grid->addWidget(box, r + 1, c + 1, Qt::AlignCenter);
            m_cells.insert(entity + QLatin1Char('.') + operations.at(c), box);
        }
    }
    outer->addLayout(grid);
    m_permissions = new QLabel(this);
    m_permissions->setObjectName(QStringLiteral("permissions"));
    m_permissions->setWordWrap(true);
    m_permissions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_permissions);
    outer->addStretch(1);
}

SyncOptionsPanel::~SyncOptionsPanel() = default;

QCheckBox* SyncOptionsPanel::cell(const QString& entity, const QString& operation) const
{
    return m_cells.value(entity + QLatin1Char('.') + operation);
}

void SyncOptionsPanel::load()
{
    for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it) {
        const QString entity = it.key().section(QLatin1Char('.'), 0, 0);
        const QString operation = it.key().section(QLatin1Char('.'), 1);
        const QSignalBlocker blocker(it.value());
        it.value()->setChecked(config() && SyncMatrix::isEnabled(*config(), entity, operation));
    }
    setModified(false);
    updatePermissions();
}

ConnectorConfig SyncOptionsPanel::edited() const
{
    ConnectorConfig out;
    for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it) {
        if (it.value()->isEnabled()) {
            SyncMatrix::setEnabled(&out, it.key().section(QLatin1Char('.'), 0, 0),
                                   it.key().section(QLatin1Char('.'), 1), it.value()->isChecked());
        }
    }
    return out;
}

void SyncOptionsPanel::updatePermissions()
{
    QStringList permissions;
    for (const QString& path : SyncMatrix::permissionPathsFor(edited())) {
        const QString permission = Endpoints::permissionFor(path);
        if (!permissions.contains(permission)) {
            permissions.append(permission);
        }
    }
    m_permissions->setText(tr("The API member's security role needs: %1").arg(permissions.join(QLatin1String("; "))));
}

bool SyncOptionsPanel::save(QString* error)
{
    if (!config()) {
        *error = tr("No configuration to save to.");
        return false;
    }
    const ConnectorConfig options = edited();
    for (const SyncOption& o : options.syncOptions) {
        SyncMatrix::setEnabled(config(), o.entity, o.operation, o.enabled);
    }
    setModified(false);
    return true;
}

} // namespace Cw
