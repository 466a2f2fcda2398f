#include "ui/panels/SyncOptionsPanel.h"

#include "core/config/SyncMatrix.h"
#include "core/connectwise/Endpoints.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
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
    const QList<Operation>& operations = allOf<Operation>();
    for (int c = 0; c < operations.size(); ++c) {
        grid->addWidget(new QLabel(SyncMatrix::operationTitle(operations.at(c)), this), 0, c + 1, Qt::AlignCenter);
    }
    const QList<Entity> entities = SyncMatrix::entities();
    for (int r = 0; r < entities.size(); ++r) {
        const Entity entity = entities.at(r);
        grid->addWidget(new QLabel(SyncMatrix::entityTitle(entity), this), r + 1, 0);
        for (int c = 0; c < operations.size(); ++c) {
            const Operation operation = operations.at(c);
            const SyncCell info = SyncMatrix::cell(entity, operation);
            auto* box = new QCheckBox(this);
            box->setObjectName(QStringLiteral("option_%1_%2").arg(nameOf(entity), nameOf(operation)));
            box->setAccessibleName(SyncMatrix::entityTitle(entity) + QLatin1String(": ") +
                                   SyncMatrix::operationTitle(operation));
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
            m_cells.insert({entity, operation}, box);
        }
    }
    outer->addLayout(grid);
    m_permissions = new QLabel(this);
    m_permissions->setObjectName(QStringLiteral("permissions"));
    m_permissions->setWordWrap(true);
    m_permissions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_permissions);
    m_conflicts = new QComboBox(this);
    m_conflicts->setObjectName(QStringLiteral("conflictPolicy"));
    m_conflicts->addItem(tr("Report them: write neither side"), int(ConflictPolicy::Report));
    m_conflicts->addItem(tr("ConnectWise wins"), int(ConflictPolicy::ConnectWise));
    m_conflicts->addItem(tr("Local wins"), int(ConflictPolicy::Local));
    m_conflicts->setToolTip(tr("A field changed in ConnectWise and locally since the record's last sync is a "
                               "conflict. Reported conflicts show both values in the preview and the history, "
                               "where you keep one side per record."));
    connect(m_conflicts, &QComboBox::currentIndexChanged, this, [this] { setModified(true); });
    auto* form = new QFormLayout;
    auto* conflictsLabel = new QLabel(tr("&Conflicts:"), this);
    conflictsLabel->setBuddy(m_conflicts);
    m_conflicts->setAccessibleName(tr("Conflicts"));
    form->addRow(conflictsLabel, m_conflicts);
    outer->addLayout(form);
    outer->addStretch(1);
}

SyncOptionsPanel::~SyncOptionsPanel() = default;

QCheckBox* SyncOptionsPanel::cell(Entity entity, Operation operation) const
{
    return m_cells.value({entity, operation});
}

void SyncOptionsPanel::load()
{
    for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it) {
        const QSignalBlocker blocker(it.value());
        it.value()->setChecked(config() && SyncMatrix::isEnabled(*config(), it.key().first, it.key().second));
    }
    {
        const QSignalBlocker blocker(m_conflicts);
        const ConflictPolicy policy = config() ? config()->conflictPolicy : ConflictPolicy::Report;
        m_conflicts->setCurrentIndex(m_conflicts->findData(int(policy)));
    }
    setModified(false);
    updatePermissions();
}

ConnectorConfig SyncOptionsPanel::edited() const
{
    ConnectorConfig out;
    for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it) {
        if (it.value()->isEnabled()) {
            SyncMatrix::setEnabled(&out, it.key().first, it.key().second, it.value()->isChecked());
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
    config()->conflictPolicy = static_cast<ConflictPolicy>(m_conflicts->currentData().toInt());
    setModified(false);
    return true;
}

} // namespace Cw
