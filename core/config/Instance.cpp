#include "core/config/Instance.h"

#include <QRegularExpression>

namespace Cw {

namespace {

bool hasControlCharacter(const QString& text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator) {
            return true;
        }
    }
    return false;
}

bool hasWhitespace(const QString& text)
{
    for (const QChar c : text) {
        if (c.isSpace()) {
            return true;
        }
    }
    return false;
}

bool invalid(StoreError* error, const QString& field, const QString& message)
{
    return StoreError::fail(error, StoreError::Code::Invalid, message, field);
}

} // namespace

QString Instance::stateName(State state)
{
    return state == State::Ready ? QStringLiteral("ready") : QStringLiteral("draft");
}

std::optional<Instance::State> Instance::stateFromName(const QString& name)
{
    if (name == QLatin1String("draft")) {
        return State::Draft;
    }
    if (name == QLatin1String("ready")) {
        return State::Ready;
    }
    return std::nullopt;
}

QString Instance::proxyModeName(ProxyMode mode)
{
    switch (mode) {
    case ProxyMode::None:
        return QStringLiteral("none");
    case ProxyMode::Manual:
        return QStringLiteral("manual");
    case ProxyMode::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<Instance::ProxyMode> Instance::proxyModeFromName(const QString& name)
{
    if (name == QLatin1String("system")) {
        return ProxyMode::System;
    }
    if (name == QLatin1String("none")) {
        return ProxyMode::None;
    }
    if (name == QLatin1String("manual")) {
        return ProxyMode::Manual;
    }
    return std::nullopt;
}

QString Instance::normalizedName(const QString& name)
{
    return name.trimmed().normalized(QString::NormalizationForm_C);
}

QString Instance::nameKey(const QString& name)
{
    return normalizedName(name).toCaseFolded();
}

bool Instance::validateName(const QString& rawName, StoreError* error)
{
    const QString field = tr("Name");
    const QString name = normalizedName(rawName);
    if (name.isEmpty()) {
        return invalid(error, field, tr("Name: a connector needs a name. Type one, e.g. 'Production'."));
    }
    if (hasControlCharacter(name)) {
        return invalid(error, field,
                       tr("Name: it must not contain line breaks, tabs or other control characters. Type the name "
                          "on one line."));
    }
    const qsizetype length = name.toUcs4().size();
    if (length > maxNameLength) {
        return invalid(error, field,
                       tr("Name: it is %1 characters long; use at most %2 characters.").arg(length).arg(maxNameLength));
    }
    return true;
}

bool Instance::validateCompanyId(const QString& rawCompanyId, StoreError* error)
{
    const QString field = tr("Company ID");
    const QString companyId = rawCompanyId.trimmed();
    if (companyId.isEmpty()) {
        return invalid(error, field,
                       tr("Company ID: enter the company id you type at the ConnectWise login, e.g. 'acme'."));
    }
    if (hasWhitespace(companyId)) {
        return invalid(error, field,
                       tr("Company ID: '%1' contains spaces; a company id is one word, exactly as typed at the "
                          "ConnectWise login.")
                           .arg(companyId));
    }
    const QString forbidden = QStringLiteral("/\\+:?#@");
    for (const QChar c : companyId) {
        if (forbidden.contains(c) || hasControlCharacter(QString(c))) {
            return invalid(error, field,
                           tr("Company ID: '%1' contains '%2', which a company id never does; copy it from the "
                              "ConnectWise login page (the field 'Company').")
                               .arg(companyId, QString(c)));
        }
    }
    if (companyId.size() > 100) {
        return invalid(error, field, tr("Company ID: it is longer than 100 characters; check what was pasted."));
    }
    return true;
}

bool Instance::validateClientId(const QString& rawClientId, StoreError* error)
{
    const QString clientId = rawClientId.trimmed();
    if (clientId.isEmpty()) {
        return true;
    }
    static const QRegularExpression guid(
        QStringLiteral("^\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}?$"));
    const bool braced = clientId.startsWith(QLatin1Char('{'));
    if (!guid.match(clientId).hasMatch() || braced != clientId.endsWith(QLatin1Char('}'))) {
        return invalid(error, tr("Client ID"),
                       tr("Client ID: '%1' is not a GUID. A client id looks like "
                          "1b4e28ba-2fa1-11d2-883f-0016d3cca427; it comes from developer.connectwise.com (ClientID), "
                          "or leave it empty to use the one built into cwconnector.")
                           .arg(clientId));
    }
    return true;
}

bool Instance::validateMaxInFlight(int maxInFlight, StoreError* error)
{
    if (maxInFlight < 1 || maxInFlight > maxMaxInFlight) {
        return invalid(error, tr("Requests in flight"),
                       tr("Requests in flight: %1 is out of range; use a number from 1 to %2 (1 sends one request "
                          "at a time, %3 is the default).")
                           .arg(maxInFlight)
                           .arg(maxMaxInFlight)
                           .arg(defaultMaxInFlight));
    }
    return true;
}

void Instance::normalize()
{
    name = normalizedName(name);
    deployment = deployment.trimmed().toLower();
    site = site.trimmed();
    companyId = companyId.trimmed();
    clientId = clientId.trimmed();
    if (validateClientId(clientId, nullptr)) {
        clientId = clientId.toLower().remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    }
    codebaseOverride = codebaseOverride.trimmed();
    caFile = caFile.trimmed();
    proxyHost = proxyHost.trimmed();
    if (proxyMode != ProxyMode::Manual) {
        proxyHost.clear();
        proxyPort = 0;
    }
}

bool Instance::validate(StoreError* error) const
{
    if (!validateName(name, error) || !validateCompanyId(companyId, error) || !validateClientId(clientId, error) ||
        !validateMaxInFlight(maxInFlight, error)) {
        return false;
    }
    const std::optional<Deployment> kind = deploymentKind();
    if (!kind) {
        return invalid(error, tr("Deployment"),
                       tr("Deployment: '%1' is not known; use a ConnectWise Cloud region (%2), onpremise, staging "
                          "or demo.")
                           .arg(deployment, namesOf(Deployments::cloudRegions()).join(QLatin1String(", "))));
    }
    if (hasWhitespace(site) || site.size() > 255) {
        return invalid(error, tr("Site"),
                       tr("Site: '%1' is not a host name or URL; paste the address of your ConnectWise site, e.g. "
                          "cw.example.com.")
                           .arg(site));
    }
    if (site.isEmpty() && Deployments::needsSite(*kind)) {
        return invalid(error, tr("Site"),
                       tr("Site: an on-premise or demo connector needs the address of its ConnectWise site, e.g. "
                          "cw.example.com."));
    }
    if (hasWhitespace(codebaseOverride)) {
        return invalid(error, tr("Codebase"),
                       tr("Codebase: '%1' contains spaces; a codebase looks like v2025_1/ (or leave it empty to use "
                          "the one ConnectWise reports).")
                           .arg(codebaseOverride));
    }
    if (hasControlCharacter(caFile)) {
        return invalid(error, tr("CA file"),
                       tr("CA file: the path contains control characters; choose the file again."));
    }
    if (proxyMode == ProxyMode::Manual) {
        if (proxyHost.isEmpty() || hasWhitespace(proxyHost) || proxyHost.contains(QLatin1String("://"))) {
            return invalid(error, tr("Proxy host"),
                           tr("Proxy host: type the proxy's host name only, e.g. proxy.example.com (no spaces, no "
                              "http://)."));
        }
        if (proxyHost.contains(QLatin1Char('@'))) {
            return invalid(error, tr("Proxy host"),
                           tr("Proxy host: it must not contain a user name or password; type only the host name."));
        }
        if (proxyPort < 1 || proxyPort > 65535) {
            return invalid(error, tr("Proxy port"),
                           tr("Proxy port: %1 is not a port; use a number from 1 to 65535, e.g. 8080.").arg(proxyPort));
        }
    }
    return true;
}

} // namespace Cw
