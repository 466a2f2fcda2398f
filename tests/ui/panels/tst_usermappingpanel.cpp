#include "core/config/RemoteResolver.h"
#include "tests/support/SimFixture.h"
#include "ui/panels/UserMappingPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

using namespace Cw;

// The user-mapping panel through its widgets: auto-match on tricky users against the simulator's members
// (case and spaces in e-mails, accents in names, an inactive member's e-mail), confirmation, unmapped users
// allowed, and two members with the same name.
class TestUserMappingPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void autoMatchConfirmAndSave();
    void twoMembersWithOneNameAskTheAdmin();

private:
    CwTest::SimProcess m_sim;
    RemoteLists m_lists;
};

void TestUserMappingPanel::initTestCase()
{
    QVERIFY2(m_sim.start(), qPrintable(m_sim.output()));
    ApiClient* client = CwTest::simClient(m_sim.baseUrl(), this);
    m_lists = CwTest::fetchLists(client, {QLatin1String(RemoteResolver::member)});
    QCOMPARE(m_lists.members().size(), 16);
}

void TestUserMappingPanel::autoMatchConfirmAndSave()
{
    ConnectorConfig config;
    UserMappingPanel panel;
    panel.setConfig(&config);
    panel.setUsers({{QStringLiteral("u1"), QStringLiteral("J. Smith"), QStringLiteral(" JSmith@SIMULATED-msp.example")},
                    {QStringLiteral("u2"), QStringLiteral("  lena   MULLER"), QString()},
                    {QStringLiteral("u3"), QStringLiteral("Robert F"), QStringLiteral("bformer@simulated-msp.example")},
                    {QStringLiteral("u4"), QStringLiteral("Nobody"), QString()}});
    panel.setLists(m_lists);
    panel.load();
    panel.show();
    QTableWidget* table = panel.table();
    QCOMPARE(table->rowCount(), 4);
    auto member = [table](int row) { return qobject_cast<QComboBox*>(table->cellWidget(row, 1)); };
    auto confirmed = [table](int row) { return qobject_cast<QCheckBox*>(table->cellWidget(row, 3)); };
    QCOMPARE(member(0)->count(), 13); // (not mapped) + 12 people: no API or inactive member offered

    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("autoMatch")), Qt::LeftButton);
    QCOMPARE(member(0)->currentData().toString(), QStringLiteral("101"));
    QVERIFY(table->item(0, 2)->text().contains(QLatin1String("email, 100")));
    QVERIFY(!confirmed(0)->isChecked()); // a suggestion until the admin confirms
    QCOMPARE(member(1)->currentData().toString(), QStringLiteral("106"));
    QVERIFY(table->item(1, 2)->text().startsWith(QLatin1String("name")));
    QVERIFY(member(2)->currentData().toString().isEmpty()); // the inactive member's e-mail: no match
    QVERIFY(table->item(2, 0)->background().style() != Qt::NoBrush); // unmapped is highlighted
    QVERIFY(member(3)->currentData().toString().isEmpty());
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("summary"))->text().contains(QLatin1String("2 unmapped")));

    // The admin confirms the first suggestion and maps u3 by hand; u4 stays unmapped (allowed).
    QTest::mouseClick(confirmed(0), Qt::LeftButton);
    QVERIFY(confirmed(0)->isChecked());
    member(2)->setCurrentIndex(member(2)->findData(QStringLiteral("107")));
    QVERIFY(confirmed(2)->isChecked());

    QString error;
    QVERIFY(panel.save(&error));
    QCOMPARE(config.userMappings.size(), 3);
    QHash<QString, UserMapping> byUser;
    for (const UserMapping& m : config.userMappings) {
        byUser.insert(m.localUserId, m);
    }
    QVERIFY(byUser.value(QStringLiteral("u1")).confirmed);
    QCOMPARE(byUser.value(QStringLiteral("u1")).matchBy, UserMapping::MatchBy::Email);
    QCOMPARE(byUser.value(QStringLiteral("u1")).memberIdentifier, QStringLiteral("jsmith"));
    QVERIFY(!byUser.value(QStringLiteral("u2")).confirmed);
    QCOMPARE(byUser.value(QStringLiteral("u3")).memberId, QStringLiteral("107"));
    QCOMPARE(byUser.value(QStringLiteral("u3")).matchBy, UserMapping::MatchBy::Manual);
    QVERIFY(!byUser.contains(QStringLiteral("u4")));

    // Loading the saved configuration shows the same state.
    UserMappingPanel again;
    again.setConfig(&config);
    again.setUsers({{QStringLiteral("u1"), QStringLiteral("J. Smith"), QString()}});
    again.setLists(m_lists);
    again.load();
    QCOMPARE(qobject_cast<QComboBox*>(again.table()->cellWidget(0, 1))->currentData().toString(),
             QStringLiteral("101"));
    QVERIFY(qobject_cast<QCheckBox*>(again.table()->cellWidget(0, 3))->isChecked());
}

void TestUserMappingPanel::twoMembersWithOneNameAskTheAdmin()
{
    RemoteLists lists;
    QList<RemoteItem> members;
    for (int id : {201, 202}) {
        RemoteItem item;
        item.id = QString::number(id);
        item.member.id = id;
        item.member.identifier = QStringLiteral("akim%1").arg(id);
        item.member.firstName = QStringLiteral("Alex");
        item.member.lastName = QStringLiteral("Kim");
        item.member.licenseClass = QStringLiteral("F");
        item.name = item.member.fullName();
        members.append(item);
    }
    lists.set(QLatin1String(RemoteResolver::member), members);
    ConnectorConfig config;
    UserMappingPanel panel;
    panel.setConfig(&config);
    panel.setUsers({{QStringLiteral("u9"), QStringLiteral("ALEX kim"), QString()}});
    panel.setLists(lists);
    panel.load();
    panel.autoMatch();
    QVERIFY(qobject_cast<QComboBox*>(panel.table()->cellWidget(0, 1))->currentData().toString().isEmpty());
    QVERIFY(panel.table()->item(0, 2)->text().contains(QLatin1String("several")));
    QVERIFY(panel.rows().first().ambiguous);
}

QTEST_MAIN(TestUserMappingPanel)
#include "tst_usermappingpanel.moc"
