#pragma once

#include "core/sync/ConnectorStatus.h"

#include <QWidget>

class QLabel;
class QTableWidget;
class QVBoxLayout;

namespace Cw {

// The selected connector's state at a glance (the connector window's right side): the last check and what it
// found, each entity's local records, sync options and last sync, and what needs attention, each with the
// button that opens the Settings section (and row) that fixes it. It only shows the ConnectorStatus it is given.
class ConnectorStatusView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorStatusView)

public:
    explicit ConnectorStatusView(QWidget* parent = nullptr);

    void setStatus(const ConnectorStatus& status);
    void clear(); // nothing selected

    QString checkText() const;
    QTableWidget* entityTable() const { return m_entities; }
    // The attention items shown, in order, and their fix buttons (objectName "fix-<section>").
    QList<AttentionItem> attention() const { return m_items; }
    QList<QWidget*> fixButtons() const { return m_buttons; }

signals:
    // A fix button: open `section` of the shown connector's settings, at `row` when not empty.
    void fixRequested(Cw::SettingsPlace section, const QString& row);

private:
    void fillEntities(const ConnectorStatus& status);
    void fillAttention(const QList<AttentionItem>& items);

    QLabel* m_title = nullptr;
    QLabel* m_check = nullptr;
    QTableWidget* m_entities = nullptr;
    QLabel* m_attentionTitle = nullptr;
    QWidget* m_attentionBox = nullptr;
    QVBoxLayout* m_attentionLayout = nullptr;
    QList<AttentionItem> m_items;
    QList<QWidget*> m_buttons;
};

} // namespace Cw
