#pragma once

#include <QLocale>

class QCoreApplication;

namespace Cw {

// Loads the translations compiled into cwcore (":/i18n/cwconnector_<language>.qm") and Qt's own, for
// the given locale. English is always loaded underneath, for its plural forms ("1 value", "2 values").
// The translators are children of app. Returns the language that was loaded ("en" when the locale has
// no translation of its own).
QString installTranslations(QCoreApplication* app, const QLocale& locale = QLocale());

} // namespace Cw
