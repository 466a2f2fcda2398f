#pragma once

// The journey's data (the local system's CSV export) and the steps on the panels that take more than a press or two:
// a CSV file through the import window, the user mapping, the lookup tables. Each step works only through the
// widgets (JourneyDriver.h) and returns false with a warning saying where it stopped.
#include "JourneyDriver.h"

#include "tests/ui/ScriptedPrompter.h"
#include "tests/ui/WindowChecks.h"
#include "tests/ui/wizard/WizardDriver.h"
#include "ui/panels/CsvImportDialog.h"
#include "ui/panels/LocalDataPanel.h"
#include "ui/panels/LookupsPanel.h"
#include "ui/panels/UserMappingPanel.h"

#include <QCheckBox>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>

namespace Journey {

// The local system's export: parents first. The users have the e-mail addresses of three simulator members; the
// lookup values use the names ConnectWise (the simulator) has, so auto-map finds them.
struct CsvFile
{
    const char* entity;
    int rows;
    const char* content;
};
inline const CsvFile kFiles[] = {
    {"accounts", 2,
     "id,name,account_type,currency,phone,website,address_line1,city,state,zip,country\n"
     "A1,Journey Traders,Client,USD,555-0100,,1 Harbor Way,Tampa,FL,33602,United States\n"
     "A2,Journey Logistics,Client,USD,555-0110,,200 Main St,Austin,TX,73301,United States\n"},
    {"products", 2,
     "id,name,description,product_type,unit_type,price,cost\n"
     "P1,Journey Laptop 14,\"14-inch laptop, 16 GB\",Hardware,Laptops,1200,900\n"
     "P2,Journey Cable 3 m,Patch cable,Hardware,Cables,6,2\n"},
    {"invoices", 1,
     "id,number,account_id,invoice_stage,invoice_type,currency,date,due_date,total\n"
     "I1,JRN-1001,A1,New,Standard,USD,2024-05-02,2024-06-01,2412\n"},
    {"invoice_lines", 2,
     "id,invoice_id,product_id,description,quantity,price\n"
     "I1-1,I1,P1,Laptops for the new office,2,1200\n"
     "I1-2,I1,P2,Patch cables,2,6\n"},
    {"users", 3,
     "id,name,email\n"
     "U1,John Smith,jsmith@simulated-msp.example\n"
     "U2,Maria Garcia,mgarcia@simulated-msp.example\n"
     "U3,David Chen,dchen@simulated-msp.example\n"},
};
// What the pushes need mapped, per lookup table.
inline const QHash<QString, QStringList> kLookupValues = {
    {QStringLiteral("account_type"), {QStringLiteral("Client")}},
    {QStringLiteral("currency"), {QStringLiteral("USD")}},
    {QStringLiteral("country"), {QStringLiteral("United States")}},
    {QStringLiteral("product_type"), {QStringLiteral("Hardware")}},
    {QStringLiteral("unit_type"), {QStringLiteral("Laptops"), QStringLiteral("Cables")}},
    {QStringLiteral("invoice_stage"), {QStringLiteral("New")}},
    {QStringLiteral("invoice_type"), {QStringLiteral("Standard")}},
};

inline bool fail(const QString& why)
{
    qWarning("%s", qPrintable(why));
    return false;
}

// The window fits the 1366×768 screen at 150 % (the test runs on it: LAPTOP_SCREEN).
inline bool fitsLaptop(QWidget* window)
{
    QString why;
    return (window && CwTest::fitsScreen(window, &why)) || fail(QStringLiteral("does not fit: ") + why);
}

// Import CSV… of the file's entity: the file picked with Browse… (the file dialog answered by `browse`) or, without
// one, its path typed into File (leaving the field reads the preview); the preview checked, Import pressed, the
// progress to its end, the count of new rows said, Close; the panel counts them.
inline bool importCsv(Cw::LocalDataPanel* panel, const CsvFile& file, const QString& path,
                      CwTest::ScriptedPrompter* browse = nullptr)
{
    const QString entity = QString::fromLatin1(file.entity);
    if (!click(panel->findChild<QPushButton*>(QStringLiteral("import_") + entity), file.entity)) {
        return false;
    }
    auto* dialog = waitForWindow<Cw::CsvImportDialog>(QStringLiteral("csvImportDialog"));
    if (!fitsLaptop(dialog)) {
        return false;
    }
    auto* field = dialog->findChild<QLineEdit*>(QStringLiteral("file"));
    if (browse) {
        browse->openFilePath = path;
        const qsizetype asked = browse->fileDialogs.size();
        if (!click(dialog->findChild<QPushButton*>(QStringLiteral("browse")), "Browse") ||
            browse->fileDialogs.size() != asked + 1 || !QTest::qWaitFor([&] { return field->text() == path; }, kWait)) {
            return fail(QStringLiteral("Browse… did not pick %1: %2").arg(path, field->text()));
        }
    } else {
        field->setFocus();
        QTest::keyClicks(field, path);
        QTest::keyClick(field, Qt::Key_Tab);
    }
    auto* preview = dialog->findChild<QTableWidget*>(QStringLiteral("preview"));
    const QString firstId =
        QString::fromLatin1(file.content).section(QLatin1Char('\n'), 1, 1).section(QLatin1Char(','), 0, 0);
    if (!QTest::qWaitFor([&] { return preview->rowCount() == file.rows; }, kWait) ||
        preview->item(0, 0)->text() != firstId ||
        dialog->findChild<QTableWidget*>(QStringLiteral("errors"))->rowCount() != 0) {
        return fail(QStringLiteral("preview of %1: %2 rows").arg(entity).arg(preview->rowCount()));
    }
    auto* close = dialog->findChild<QPushButton*>(QStringLiteral("close"));
    auto* result = dialog->findChild<QLabel*>(QStringLiteral("result"));
    if (!click(dialog->findChild<QPushButton*>(QStringLiteral("import")), "Import") ||
        !QTest::qWaitFor(
            [&] {
                return close->text() == QStringLiteral("&Close") &&
                    result->text().contains(QStringLiteral("%1 new").arg(file.rows));
            },
            kWait) ||
        dialog->findChild<QProgressBar*>(QStringLiteral("progress"))->value() != 1000) {
        return fail(QStringLiteral("import of %1: %2").arg(entity, result->text()));
    }
    QPointer<Cw::CsvImportDialog> closing(dialog);
    if (!click(close, "Close") || !QTest::qWaitFor([&] { return !closing || !closing->isVisible(); }, kWait)) {
        return fail(QStringLiteral("the import window stays open"));
    }
    auto* count = panel->findChild<QLabel*>(QStringLiteral("count_") + entity);
    return QTest::qWaitFor([&] { return count->text().startsWith(QStringLiteral("%1 record").arg(file.rows)); },
                           kWait) ||
        fail(QStringLiteral("the page counts %1: %2").arg(entity, count->text()));
}

// Auto-match suggests each user's member by e-mail; Confirm suggestions confirms them all.
inline bool autoMatchAndConfirm(Cw::UserMappingPanel* panel, int users)
{
    auto* table = panel ? panel->findChild<QTableWidget*>(QStringLiteral("users")) : nullptr;
    if (!table || table->rowCount() != users || !listsShown(table)) {
        return fail(QStringLiteral("no users or no members shown"));
    }
    if (!click(panel->findChild<QPushButton*>(QStringLiteral("autoMatch")), "Auto-match")) {
        return false;
    }
    for (int r = 0; r < table->rowCount(); ++r) {
        const QString user = table->item(r, 0)->text(); // "John Smith <jsmith@...>"
        const QString identifier = user.section(QLatin1Char('<'), 1).section(QLatin1Char('@'), 0, 0);
        const QString member = qobject_cast<QComboBox*>(table->cellWidget(r, 1))->currentText();
        if (!member.contains(identifier) || qobject_cast<QCheckBox*>(table->cellWidget(r, 3))->isChecked()) {
            return fail(QStringLiteral("suggestion for %1: %2").arg(user, member)); // unconfirmed until confirmed
        }
    }
    if (!click(panel->findChild<QPushButton*>(QStringLiteral("confirmAll")), "Confirm suggestions")) {
        return false;
    }
    for (int r = 0; r < table->rowCount(); ++r) {
        if (!qobject_cast<QCheckBox*>(table->cellWidget(r, 3))->isChecked()) {
            return fail(QStringLiteral("row %1 is not confirmed").arg(r));
        }
    }
    const QString summary = panel->findChild<QLabel*>(QStringLiteral("summary"))->text();
    return (summary.contains(QStringLiteral("0 unmapped")) && summary.contains(QStringLiteral("0 suggestion"))) ||
        fail(summary);
}

// Auto-map all tables, once: the summary says what it mapped and that nothing the records use is left; then every
// table of the Table list picked in turn shows the values the records use mapped.
inline bool autoMapAllLookups(Cw::LookupsPanel* panel, const QHash<QString, QStringList>& used)
{
    auto* tables = panel ? panel->findChild<QComboBox*>(QStringLiteral("lookup")) : nullptr;
    auto* values = panel ? panel->findChild<QTableWidget*>(QStringLiteral("values")) : nullptr;
    if (!tables || !values || !listsShown(values)) {
        return fail(QStringLiteral("no lookup lists shown"));
    }
    if (!click(panel->findChild<QPushButton*>(QStringLiteral("autoMapAll")), "Auto-map all tables")) {
        return false;
    }
    auto* summary = panel->findChild<QLabel*>(QStringLiteral("autoMapSummary"));
    int expected = 0;
    for (const QStringList& list : used) {
        expected += static_cast<int>(list.size());
    }
    if (!summary->isVisible() ||
        !summary->text().startsWith(
            QStringLiteral("Auto-map all tables (exact name or ISO code matches): %1 mapped, 0 left unmapped.")
                .arg(expected))) {
        return fail(QStringLiteral("the auto-map summary: ") + summary->text());
    }
    for (int i = 0; i < tables->count(); ++i) {
        if (!pickIndex(tables, i)) {
            return false;
        }
        for (const QString& value : used.value(tables->currentData().toString())) {
            QComboBox* combo = rowCombo(values, value);
            if (!combo || combo->currentIndex() <= 0) {
                return fail(QStringLiteral("%1: %2 is not mapped").arg(tables->currentText(), value));
            }
        }
    }
    return true;
}

} // namespace Journey
