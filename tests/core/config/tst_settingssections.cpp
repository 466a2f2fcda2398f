// SettingsPlace: the one name of a Settings section, in core (sync fixes, attention items) and in the desktop app;
// its stable string ids (object names, the dialog's category list) are derived from it and read back.
#include "core/config/SettingsSections.h"
#include "core/sync/SyncFix.h"

#include <QSet>
#include <QTest>

using namespace Cw;

class TestSettingsSections final : public QObject
{
    Q_OBJECT

private slots:
    void idsAreStableAndReadBack();
    void syncFixesNameTheirPlace();
};

void TestSettingsSections::idsAreStableAndReadBack()
{
    const QStringList documented {QStringLiteral("connection"),       QStringLiteral("keys"),
                                  QStringLiteral("local-data"),       QStringLiteral("user-mapping"),
                                  QStringLiteral("server-variables"), QStringLiteral("sync-options"),
                                  QStringLiteral("lookups")};
    QStringList ids;
    for (const SettingsPlace place : SettingsSections::all()) {
        ids << SettingsSections::id(place);
        QCOMPARE(SettingsSections::fromId(SettingsSections::id(place)), place);
    }
    QCOMPARE(ids, documented); // the dialog's order
    QVERIFY(!SettingsSections::all().contains(SettingsPlace::None));
    QVERIFY(SettingsSections::id(SettingsPlace::None).isEmpty());
    QCOMPARE(SettingsSections::fromId(QStringLiteral("no-such-section")), SettingsPlace::None);
    QCOMPARE(SettingsSections::fromId(QString()), SettingsPlace::None);
}

void TestSettingsSections::syncFixesNameTheirPlace()
{
    const SyncFix turnOn = SyncFix::turnOn(Entity::Accounts, Direction::Push);
    QCOMPARE(turnOn.place, SettingsPlace::SyncOptions);
    QVERIFY2(turnOn.text.contains(SyncFix::placeTitle(SettingsPlace::SyncOptions)), qPrintable(turnOn.text));
    QCOMPARE(SyncFix::pickVariable(QStringLiteral("product_category")).place, SettingsPlace::ServerVariables);
    QSet<QString> titles;
    for (const SettingsPlace place : SettingsSections::all()) {
        titles.insert(SyncFix::placeTitle(place));
    }
    QCOMPARE(titles.size(), SettingsSections::all().size()); // one title each
}

QTEST_GUILESS_MAIN(TestSettingsSections)
#include "tst_settingssections.moc"
