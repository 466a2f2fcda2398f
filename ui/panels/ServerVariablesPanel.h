#pragma once

#include "core/config/Instance.h"
#include "core/config/ServerVariables.h"
#include "ui/panels/SettingsPanel.h"

#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Cw {

// The eleven server variables: each with what it is used for, an explanation and an example. Values are
// picked from live ConnectWise lists (name and id); subcategories follow the chosen category; the payment
// method ids are picked from the local system's own payment methods (the methods of its payments); URL, company
// id and client id come from the connector (read-only). A stored id that is gone or inactive in ConnectWise is
// flagged with the reason and the fix.
class ServerVariablesPanel final : public SettingsPanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerVariablesPanel)

public:
    explicit ServerVariablesPanel(QWidget* parent = nullptr);
    ~ServerVariablesPanel() override;

    QString title() const override { return tr("Server variables"); }
    QStringList listKinds() const override { return RemoteLists::variableKinds(); }
    void setInstance(const Instance& instance);
    // The local payment methods (LocalRecordStore::values(LocalSchema::paymentMethodList())); set before load().
    void setPaymentMethods(const QStringList& methods) { m_paymentMethods = methods; }

    void load() override;
    bool save(QString* error) override;

    // The variables currently flagged (for the host's summary and the tests).
    QList<StaleVariable> stale() const { return m_stale; }

protected:
    void listsChanged() override;

private:
    struct Row
    {
        QComboBox* combo = nullptr; // picked from a list, an enum or the local payment methods
        QLineEdit* edit = nullptr; // instance fields (read-only)
        QLabel* status = nullptr;
    };

    void fillCombo(const QString& key, const QString& selectedId, const QString& selectedName);
    QString currentId(const QString& key) const;
    void updateStale();

    QHash<QString, Row> m_rows;
    QPushButton* m_refresh = nullptr;
    QLabel* m_message = nullptr;
    Instance m_instance;
    QStringList m_paymentMethods;
    QList<StaleVariable> m_stale;
    bool m_loading = false;
};

} // namespace Cw
