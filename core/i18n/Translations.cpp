#include "core/i18n/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Cw {

namespace {

bool load(QCoreApplication* app, const QString& file, const QString& directory)
{
    auto* translator = new QTranslator(app);
    if (!translator->load(file, directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

QString installTranslations(QCoreApplication* app, const QLocale& locale)
{
    load(app, QStringLiteral("cwconnector_en"), QStringLiteral(":/i18n"));
    const QString language = locale.name().section(QLatin1Char('_'), 0, 0);
    if (language == QLatin1String("en") || language.isEmpty() || language == QLatin1String("C")) {
        return QStringLiteral("en");
    }
    // Installed later means asked first: the user's language wins over the English plural forms.
    if (!load(app, QStringLiteral("cwconnector_") + language, QStringLiteral(":/i18n"))) {
        return QStringLiteral("en");
    }
    load(app, QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return language;
}

} // namespace Cw
