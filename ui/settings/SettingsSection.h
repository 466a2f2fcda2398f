#pragma once

#include "core/config/Instance.h"
#include "core/config/SettingsSections.h"

#include <QWidget>

class QLabel;

namespace Cw {

class ApiClient;
class Database;
class NetworkAccessFactory;
class SecretStore;

// What every section of the Settings dialog works on: the database, the connector, where its secrets live and,
// once the keys were read, a client for live ConnectWise lists (null until then, or when the keys cannot be read).
struct SectionContext
{
    Database* database = nullptr;
    Instance instance;
    SecretStore* secrets = nullptr;
    const NetworkAccessFactory* network = nullptr; // how the connector's clients reach ConnectWise
    ApiClient* client = nullptr;
};

// One section of a connector's Settings dialog (one concern: connection, keys, a configuration panel, ...). A section
// validates as the admin types (validationMessage(): a message naming the field and the fix, shown next to it by
// the dialog) and saves on its own: apply() writes exactly this section's settings, nothing else. The dialog asks
// before leaving a section with unsaved changes.
class SettingsSection : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsSection)

public:
    explicit SettingsSection(QWidget* parent = nullptr);

    virtual SettingsPlace place() const = 0;
    virtual QString title() const = 0;
    // Loads the saved settings into the widgets (and drops the edits).
    virtual void load(const SectionContext& context) = 0;
    // Writes the section; false with *error (naming the field and the fix) when nothing was written. An
    // asynchronous section (keys) answers with applied() later and returns true.
    virtual bool apply(QString* error) = 0;
    // Whether apply() answers later through applied() (the keys are tested first).
    virtual bool appliesLater() const { return false; }
    // Selects a row (a lookup, a user id, a variable key), when the section has rows.
    virtual void selectRow(const QString& row) { Q_UNUSED(row) }
    // The live client became available (the keys were read): sections with live lists refresh them.
    virtual void clientReady(ApiClient* client) { Q_UNUSED(client) }

    bool isModified() const { return m_modified; }
    // Why the current input cannot be applied, or empty.
    QString validationMessage() const { return m_validation; }

signals:
    void modifiedChanged(bool modified);
    void validationChanged(const QString& message);
    void applied(bool ok, const QString& message); // appliesLater() sections; others report through apply()

protected:
    void setModified(bool on);
    void setValidation(const QString& message);

private:
    bool m_modified = false;
    QString m_validation;
};

} // namespace Cw
