#include "app/sim/ControlApi.h"

#include "app/sim/ApiError.h"
#include "app/sim/Simulator.h"

#include <QJsonDocument>

namespace Sim {

namespace {

HttpResponse ok(const QJsonObject& object)
{
    return HttpResponse::json(200, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

HttpResponse ControlApi::handle(const HttpRequest& request)
{
    const QByteArray what = request.path.mid(6); // after "/_sim/"
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (what == "state" && get) {
        return ok(m_simulator.state());
    }
    if (what == "requests" && get) {
        return HttpResponse::json(200, QJsonDocument(m_simulator.requestLog().toJson()).toJson(QJsonDocument::Compact));
    }
    if (what == "violations" && get) {
        return HttpResponse::json(200, QJsonDocument(m_simulator.violations().toJson()).toJson(QJsonDocument::Compact));
    }
    if (what == "faults" && get) {
        return ok(m_simulator.faults().settings().toJson());
    }
    if (what == "faults" && post) {
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        FaultSettings settings;
        QString error;
        if (!document.isObject()) {
            return ApiError::reply(400, QStringLiteral("InvalidObject"), QStringLiteral("Send a JSON object."));
        }
        if (!FaultSettings::fromJson(document.object(), &settings, &error)) {
            return ApiError::reply(400, QStringLiteral("InvalidObject"), error);
        }
        m_simulator.faults().setSettings(settings);
        return ok(m_simulator.faults().settings().toJson());
    }
    if (what == "reset" && post) {
        quint64 seed = m_simulator.dataset().seed();
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        if (body.value(QLatin1String("seed")).isDouble()) {
            seed = static_cast<quint64>(body.value(QLatin1String("seed")).toInteger());
        }
        m_simulator.dataset().reset(seed);
        m_simulator.violations().clear();
        return ok(m_simulator.state());
    }
    return ApiError::notFound(QStringLiteral("Unknown control endpoint: %1 /_sim/%2")
                                  .arg(QString::fromLatin1(request.method), QString::fromUtf8(what)));
}

} // namespace Sim
