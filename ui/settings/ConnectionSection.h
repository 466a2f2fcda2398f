#pragma once

#include "ui/settings/SettingsSection.h"

class QFormLayout;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Cw {

class Prompter;

// Settings › Connection: deployment, site, company, client ID, the private CA file (with a file picker and what the
// last TLS check found), and the proxy: system, none or manual with an optional login, which is kept in the
// keychain (SecretNames::proxyUser / proxyPassword), never in the database or a log. Validates as the admin types.
class ConnectionSection final : public SettingsSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionSection)

public:
    ConnectionSection(Prompter& prompter, QWidget* parent = nullptr);

    SettingsPlace place() const override;
    QString title() const override { return tr("Connection"); }
    void load(const SectionContext& context) override;
    bool apply(QString* error) override;
    bool appliesLater() const override { return true; }

    // The instance as the fields describe it (normalised, not validated).
    Instance edited() const;

private:
    QLineEdit* addLine(const QString& label, const QString& objectName, QFormLayout* form);
    void loadProxyLogin();
    void validate();
    void updateProxyFields();
    void writeProxyLogin();
    QString tlsFinding() const;

    Prompter& m_prompter;
    SectionContext m_context;
    QComboBox* m_deployment = nullptr;
    QLineEdit* m_site = nullptr;
    QLineEdit* m_company = nullptr;
    QLineEdit* m_clientId = nullptr;
    QLineEdit* m_caFile = nullptr;
    QPushButton* m_browse = nullptr;
    QLabel* m_tls = nullptr;
    QComboBox* m_proxyMode = nullptr;
    QLineEdit* m_proxyHost = nullptr;
    QSpinBox* m_proxyPort = nullptr;
    QLineEdit* m_proxyUser = nullptr;
    QLineEdit* m_proxyPassword = nullptr;
    QLabel* m_message = nullptr;
    bool m_loading = false;
    bool m_loginEdited = false;
};

} // namespace Cw
