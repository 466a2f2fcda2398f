#pragma once

#include "core/config/ConnectorConfig.h"
#include "core/config/RemoteLists.h"
#include "core/connectwise/ApiClient.h"

#include <QPointer>
#include <QWidget>

namespace Cw {

// One configuration panel, used both as the body of a setup-wizard page and as a page of the connector's
// settings dialog (the KeePassXC pattern). The host owns the ConnectorConfig and persists it
// (ConnectorConfigRepository::replace) after save(); the panel never writes the database itself.
//
//   panel->setConfig(&config);         // the host's in-memory configuration
//   panel->setLists(lists);            // live ConnectWise lists the host already has (optional)
//   panel->setApiClient(client);       // enables Refresh (pulls the panel's lists again)
//   panel->load();                     // config -> widgets
//   ... if (panel->isModified()) panel->save(&error);   // widgets -> config; false + error when invalid
class SettingsPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPanel)

public:
    explicit SettingsPanel(QWidget* parent = nullptr);
    ~SettingsPanel() override;

    virtual QString title() const = 0;
    // The RemoteResolver kinds this panel shows (what Refresh pulls).
    virtual QStringList listKinds() const = 0;

    void setConfig(ConnectorConfig* config) { m_config = config; }
    ConnectorConfig* config() const { return m_config; }
    void setLists(const RemoteLists& lists);
    const RemoteLists& lists() const { return m_lists; }
    void setApiClient(ApiClient* client);

    virtual void load() = 0;
    virtual bool save(QString* error) = 0;
    bool isModified() const { return m_modified; }

public slots:
    // Pulls listKinds() again through the API client; listsRefreshed() or refreshFailed() follows.
    void refresh();

signals:
    void modified();
    void listsRefreshed();
    void refreshFailed(const QString& message);

protected:
    // Called after the lists changed (setLists or Refresh): rebuild the choices, keep the edits.
    virtual void listsChanged() = 0;
    void setModified(bool on);
    bool canRefresh() const { return m_client != nullptr; }

private:
    ConnectorConfig* m_config = nullptr;
    RemoteLists m_lists;
    QPointer<ApiClient> m_client;
    bool m_modified = false;
    bool m_refreshing = false;
};

} // namespace Cw
