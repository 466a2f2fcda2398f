#include "ui/panels/SettingsPanel.h"

#include "core/config/RemoteListsLoader.h"
#include "core/connectwise/ApiClient.h"

namespace Cw {

SettingsPanel::SettingsPanel(QWidget* parent) : QWidget(parent) { }

SettingsPanel::~SettingsPanel() = default;

void SettingsPanel::setLists(const RemoteLists& lists)
{
    m_lists = lists;
    listsChanged();
}

void SettingsPanel::setApiClient(ApiClient* client)
{
    m_client = client;
    listsChanged(); // Refresh becomes available
}

void SettingsPanel::refresh()
{
    if (!m_client || m_refreshing) {
        return;
    }
    m_refreshing = true;
    auto* loader = new RemoteListsLoader(m_client, this);
    connect(loader, &RemoteListsLoader::finished, this, [this, loader](const ApiError& error) {
        loader->deleteLater();
        m_refreshing = false;
        if (!error.isOk()) {
            emit refreshFailed(tr("Could not read the %1 from ConnectWise: %2 %3")
                                   .arg(RemoteLists::displayName(loader->failedKind()), error.message(), error.fix()));
            return;
        }
        RemoteLists merged = m_lists;
        const QStringList kinds = loader->lists().kinds();
        for (const QString& kind : kinds) {
            merged.set(kind, loader->lists().items(kind));
        }
        setLists(merged);
        emit listsRefreshed();
    });
    loader->start(listKinds());
}

void SettingsPanel::setModified(bool on)
{
    m_modified = on;
    if (on) {
        emit modified();
    }
}

} // namespace Cw
