#include "core/i18n/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void compiledIntoCore();
    void englishPluralForms();
    void unknownLanguageFallsBackToEnglish();
};

void TestTranslations::compiledIntoCore()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/cwconnector_en.qm")));
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/cwconnector_de.qm")));
}

void TestTranslations::englishPluralForms()
{
    QCOMPARE(Cw::installTranslations(QCoreApplication::instance(), QLocale(QLocale::English)), QStringLiteral("en"));
    const char* source = "%n bad row(s) skipped.";
    QCOMPARE(QCoreApplication::translate("Cw::CsvImport", source, nullptr, 1), QStringLiteral("1 bad row skipped."));
    QCOMPARE(QCoreApplication::translate("Cw::CsvImport", source, nullptr, 3), QStringLiteral("3 bad rows skipped."));
    // Strings without plural forms stay as written.
    QCOMPARE(QCoreApplication::translate("Cw::CsvImport", "Row %1 (line %2): %3"),
             QStringLiteral("Row %1 (line %2): %3"));
}

void TestTranslations::unknownLanguageFallsBackToEnglish()
{
    QCOMPARE(Cw::installTranslations(QCoreApplication::instance(), QLocale(QLocale::Esperanto)), QStringLiteral("en"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
