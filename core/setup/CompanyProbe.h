#pragma once

#include "core/config/Instance.h"
#include "core/connectwise/CompanyInfo.h"
#include "core/connectwise/CompanyLookup.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace Cw {

class ApiClient;
class NetworkAccessFactory;

// The wizard's live company lookup (steps 7 and 13): as soon as a company id and a site are known it asks
// GET /login/companyinfo/{company} (no keys needed), debounced while the admin types, and tells the
// company name, the codebase and the API host — or why the lookup failed, with the fix.
class CompanyProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompanyProbe)

public:
    enum class State { Idle, Waiting, Found, Failed };

    explicit CompanyProbe(const NetworkAccessFactory& network, QObject* parent = nullptr);
    ~CompanyProbe() override;

    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }
    // Takes deployment, site, company id, CA file and proxy from the instance; starts a lookup after the
    // debounce interval when they changed. An incomplete target (no company id, bad site) is Idle.
    void setTarget(const Instance& instance);
    // The manual proxy's login for the lookups (none: an empty user); a new login looks up again.
    void setProxyLogin(const QString& user, const QString& password);
    // Looks up right away (e.g. when leaving the page) unless the same target already has an answer.
    void lookupNow();

    State state() const { return m_state; }
    QString companyName() const { return m_info.companyName; }
    CompanyInfo info() const { return m_info; }
    QUrl apiBaseUrl() const { return m_apiBaseUrl; } // what the API URL resolves to, once Found
    QString errorMessage() const { return m_error; } // translated message + fix, when Failed
    ApiError error() const { return m_apiError; }

signals:
    void stateChanged(Cw::CompanyProbe::State state);

private:
    void start();
    void onFinished(const CompanyLookupResult& result);
    void setState(State state);

    const NetworkAccessFactory& m_network;
    QTimer m_debounce;
    Instance m_target;
    QString m_proxyUser;
    QString m_proxyPassword;
    QString m_targetKey;
    QString m_answeredKey;
    QPointer<ApiClient> m_client;
    QPointer<CompanyLookup> m_lookup;
    State m_state = State::Idle;
    CompanyInfo m_info;
    QUrl m_apiBaseUrl;
    QString m_error;
    ApiError m_apiError;
};

} // namespace Cw
