#include "ui/main/ConnectorListModel.h"

#include "core/connectwise/Region.h"
#include "core/domain/Deployment.h"

#include <QLocale>

namespace Cw {

ConnectorListModel::ConnectorListModel(QObject* parent) : QAbstractListModel(parent) { }

void ConnectorListModel::setConnectors(const QVector<ConnectorRow>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

const ConnectorRow* ConnectorListModel::connectorAt(int row) const
{
    if (row < 0 || row >= m_rows.size()) {
        return nullptr;
    }
    return &m_rows.at(row);
}

int ConnectorListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QString ConnectorListModel::stateText(const ConnectorRow& row) const
{
    const QLocale locale;
    QString text = row.ready ? tr("Ready") : tr("Draft");
    if (row.lastCheck.isValid()) {
        text += QStringLiteral(" · ") +
            (row.lastCheckPassed ? tr("check passed %1") : tr("check failed %1"))
                .arg(locale.toString(row.lastCheck.toLocalTime(), QLocale::ShortFormat));
    } else {
        text += QStringLiteral(" · ") + tr("never checked");
    }
    if (row.lastSync.isValid()) {
        text += QStringLiteral(" · ") +
            tr("synced %1").arg(locale.toString(row.lastSync.toLocalTime(), QLocale::ShortFormat));
    }
    return text;
}

QString ConnectorListModel::deploymentLabel(const QString& deployment)
{
    const auto kind = parseName<Deployment>(deployment);
    if (kind && Deployments::isCloudRegion(*kind)) {
        const auto region = Region::of(*kind);
        return tr("ConnectWise Cloud (%1)").arg(region ? region->displayName() : deployment);
    }
    if (kind == Deployment::Staging) {
        return tr("ConnectWise staging");
    }
    if (kind == Deployment::Demo) {
        return tr("Demo (simulated ConnectWise)");
    }
    return tr("On-premise");
}

QVariant ConnectorListModel::data(const QModelIndex& index, int role) const
{
    const ConnectorRow* row = connectorAt(index.row());
    if (!row || index.parent().isValid()) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return QString(row->name + QLatin1Char('\n') + row->deployment + QStringLiteral(" · ") + stateText(*row));
    case Qt::AccessibleTextRole:
        return QString(row->name + QLatin1String(", ") + stateText(*row));
    case Qt::ToolTipRole:
        return row->deployment;
    case NameRole:
        return row->name;
    case StateRole:
        return row->ready;
    default:
        return {};
    }
}

} // namespace Cw
