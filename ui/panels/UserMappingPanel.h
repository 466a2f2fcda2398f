#pragma once

#include "core/config/UserMappings.h"
#include "ui/panels/SettingsPanel.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace Cw {

// Local users <-> ConnectWise members (API and inactive members are not offered). "Auto-match" suggests a
// member by e-mail, then name, then identifier, with its confidence; the admin confirms each suggestion
// (a suggestion is saved unconfirmed until then). Unmapped users are allowed and shown.
class UserMappingPanel final : public SettingsPanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserMappingPanel)

public:
    explicit UserMappingPanel(QWidget* parent = nullptr);
    ~UserMappingPanel() override;

    QString title() const override { return tr("User mapping"); }
    QStringList listKinds() const override { return {QStringLiteral("member")}; }

    // The local users (UserMappings::localUsers(database)); set before load().
    void setUsers(const QList<LocalUser>& users) { m_users = users; }

    void load() override;
    bool save(QString* error) override;

    void autoMatch();
    void confirmAll(); // confirms every suggestion shown
    QList<UserRow> rows() const { return m_rows; }
    QTableWidget* table() const { return m_table; }

protected:
    void listsChanged() override;

private:
    void fillTable();
    void updateSummary();

    QList<LocalUser> m_users;
    QList<UserRow> m_rows;
    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_refresh = nullptr;
    bool m_filling = false;
};

} // namespace Cw
