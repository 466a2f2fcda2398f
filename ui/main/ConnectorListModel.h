#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QVector>

namespace Cw {

// One row of the connector window: what an admin needs to see at a glance.
struct ConnectorRow
{
    QString name;
    QString deployment; // "ConnectWise Cloud (North America)", "On-premise", ...
    bool ready = false; // false: still a draft
    QDateTime lastCheck;
    bool lastCheckPassed = false;
    QDateTime lastSync;
};

class ConnectorListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorListModel)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        StateRole,
    };

    explicit ConnectorListModel(QObject* parent = nullptr);

    void setConnectors(const QVector<ConnectorRow>& rows);
    const ConnectorRow* connectorAt(int row) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    QString stateText(const ConnectorRow& row) const;
    // "ConnectWise Cloud (North America)", "On-premise", ... for a Deployment name.
    static QString deploymentLabel(const QString& deployment);

private:
    QVector<ConnectorRow> m_rows;
};

} // namespace Cw
