#include "core/connectwise/Site.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace Cw {

namespace {

QString stripInvisible(const QString& input)
{
    QString out;
    out.reserve(input.size());
    for (const QChar c : input) {
        // Zero-width characters and BOMs arrive with copy and paste from web pages and chat tools.
        if (c == QChar(0x200B) || c == QChar(0x200C) || c == QChar(0x200D) || c == QChar(0x2060) ||
            c == QChar(0xFEFF)) {
            continue;
        }
        out.append(c == QChar(0x00A0) ? QLatin1Char(' ') : c);
    }
    return out.trimmed();
}

const QRegularExpression& codebasePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^v\\d+_\\d+(?:_[A-Za-z0-9]+)?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

} // namespace

SiteParseResult Site::parse(const QString& input, const QString& fieldName)
{
    SiteParseResult result;
    result.field = fieldName.isEmpty() ? tr("ConnectWise site") : fieldName;
    const auto fail = [&result](const QString& message, const QString& fix) {
        result.message = message;
        result.fix = fix;
        return result;
    };
    const QString example = tr("Paste the address you log in to ConnectWise with, for example "
                               "https://na.myconnectwise.net, or your own server's host name.");

    const QString text = stripInvisible(input);
    if (text.isEmpty()) {
        return fail(tr("%1 is empty.").arg(result.field), example);
    }
    if (text.contains(QLatin1Char(' ')) || text.contains(QLatin1Char('\t'))) {
        return fail(tr("%1 \"%2\" contains spaces, so it is not a web address.").arg(result.field, text), example);
    }

    QString withScheme = text;
    const qsizetype schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd < 0) {
        withScheme = QStringLiteral("https://") + text;
    } else {
        const QString scheme = text.left(schemeEnd).toLower();
        if (scheme != QLatin1String("https") && scheme != QLatin1String("http")) {
            return fail(tr("%1 starts with \"%2://\", which ConnectWise does not use.").arg(result.field, scheme),
                        tr("Use an https:// address, for example https://na.myconnectwise.net."));
        }
    }

    const QUrl url(withScheme, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        return fail(tr("%1 \"%2\" is not a valid web address or host name.").arg(result.field, text), example);
    }
    if (!url.userInfo().isEmpty()) {
        return fail(tr("%1 contains a user name or password.").arg(result.field),
                    tr("Remove the part before \"@\": keys are entered in their own fields, never in the address."));
    }

    Site site;
    site.m_host = url.host().toLower();
    site.m_port = url.port(-1);
    site.m_plainHttp = url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0;
    if (site.m_plainHttp && !isLoopbackHost(site.m_host)) {
        return fail(tr("%1 uses plain http://, which would send your API keys unencrypted; ConnectWise only "
                       "accepts https.")
                        .arg(result.field),
                    tr("Change \"http://\" to \"https://\" in %1 (plain http is only allowed for a local "
                       "simulator on 127.0.0.1 or localhost).")
                        .arg(result.field));
    }
    if (site.m_host.endsWith(QLatin1Char('.'))) {
        site.m_host.chop(1);
    }

    site.m_region = Region::byHost(site.m_host);
    if (site.m_region && site.m_port == -1) {
        site.m_host = site.m_region->apiHost; // the login host serves no API; its api- twin does
    }

    // Keep a codebase only from an API endpoint: https://host/v4_6_release/apis/3.0/...
    const QStringList segments = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.size() >= 2 && codebasePattern().match(segments.at(0)).hasMatch() &&
        segments.at(1).compare(QLatin1String("apis"), Qt::CaseInsensitive) == 0) {
        site.m_codebaseOverride = normaliseCodebase(segments.at(0));
    }

    result.site = site;
    return result;
}

QString Site::scheme() const
{
    return m_plainHttp ? QStringLiteral("http") : QStringLiteral("https");
}

QString Site::hostAndPort() const
{
    const QString host = m_host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(m_host) : m_host;
    return m_port < 0 ? host : host + QLatin1Char(':') + QString::number(m_port);
}

QUrl Site::companyInfoUrl(const QString& companyId) const
{
    QUrl url;
    url.setScheme(scheme());
    url.setHost(m_host);
    url.setPort(m_port);
    url.setPath(QStringLiteral("/login/companyinfo/") + companyId.trimmed());
    return url;
}

QUrl Site::apiBaseUrl(const QString& codebase, const QString& apiHostAndPort) const
{
    const QString authority = apiHostAndPort.trimmed().isEmpty() ? hostAndPort() : apiHostAndPort.trimmed();
    const QString base = scheme() + QStringLiteral("://") + authority + QLatin1Char('/') + normaliseCodebase(codebase) +
        QStringLiteral("apis/3.0");
    return QUrl(base, QUrl::StrictMode);
}

QString Site::toString() const
{
    QString text = scheme() + QStringLiteral("://") + hostAndPort();
    if (!m_codebaseOverride.isEmpty()) {
        text += QLatin1Char('/') + m_codebaseOverride + QStringLiteral("apis/3.0");
    }
    return text;
}

bool Site::isLoopbackHost(const QString& host)
{
    QString h = host.toLower();
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']'))) {
        h = h.mid(1, h.size() - 2);
    }
    if (h == QLatin1String("localhost") || h == QLatin1String("localhost.")) {
        return true;
    }
    QHostAddress address;
    return address.setAddress(h) && address.isLoopback();
}

QString Site::normaliseCodebase(const QString& text)
{
    QString codebase = text.trimmed();
    while (codebase.startsWith(QLatin1Char('/'))) {
        codebase.remove(0, 1);
    }
    while (codebase.endsWith(QLatin1Char('/'))) {
        codebase.chop(1);
    }
    if (!codebasePattern().match(codebase).hasMatch()) {
        return QString();
    }
    return codebase + QLatin1Char('/');
}

bool Site::operator==(const Site& other) const
{
    return m_host == other.m_host && m_port == other.m_port && m_plainHttp == other.m_plainHttp &&
        m_codebaseOverride == other.m_codebaseOverride;
}

} // namespace Cw
