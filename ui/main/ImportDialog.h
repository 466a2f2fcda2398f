#pragma once

#include "core/config/Instance.h"
#include "core/secrets/SecretKey.h"

#include <QDialog>

class QFormLayout;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Cw {

// Import configuration: the new connector's name, its ConnectWise (deployment, site, company) and its keys, asked
// in one small dialog (and, when the file's connector uses a manual proxy, that proxy's login); the rest comes from
// the file. OK stays disabled until the fields are valid, and the
// message names the field and the fix.
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    // exported: the instance the file describes (its name, deployment, site and company are the defaults).
    ImportDialog(const Instance& exported, QWidget* parent = nullptr);

    Instance target() const; // normalised
    ApiKeyPair keys() const;
    QString proxyUser() const; // empty without a manual proxy or a login
    QString proxyPassword() const;
    QString validationMessage() const;
    void showError(const QString& text);

private:
    QLineEdit* addLine(const QString& label, const QString& objectName, const QString& text);
    void validate();

    Instance m_exported;
    QLineEdit* m_name = nullptr;
    QComboBox* m_deployment = nullptr;
    QLineEdit* m_site = nullptr;
    QLineEdit* m_company = nullptr;
    QLineEdit* m_public = nullptr;
    QLineEdit* m_private = nullptr;
    QLineEdit* m_proxyUser = nullptr; // only for a manual proxy
    QLineEdit* m_proxyPassword = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QFormLayout* m_form = nullptr;
};

} // namespace Cw
