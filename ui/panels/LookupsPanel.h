#pragma once

#include "core/config/LookupTables.h"
#include "ui/panels/AutoMapReport.h"
#include "ui/panels/SettingsPanel.h"

#include <QHash>
#include <QSet>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Cw {

// The lookup tables: local values (from LocalRecordStore::values plus values the admin adds) mapped to ConnectWise
// values from live lists. Auto-map suggests by name with a confidence for the table shown; Auto-map all tables maps,
// in every table, the values with an exact name or ISO code match and says per table what it mapped and what is
// left (Undo auto-map takes it back). Neither ever changes a value the admin set by hand. Unmapped values are
// highlighted; an empty ConnectWise list says which Table Setup entry to customise.
class LookupsPanel final : public SettingsPanel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LookupsPanel)

public:
    explicit LookupsPanel(QWidget* parent = nullptr);
    ~LookupsPanel() override;

    QString title() const override { return tr("Lookups"); }
    QStringList listKinds() const override { return RemoteLists::lookupKinds(); }

    // lookup -> the local values (LocalRecordStore::values(lookup)); set before load().
    void setLocalValues(const QHash<QString, QStringList>& values) { m_localValues = values; }
    // Values the admin typed in; the host adds them with LocalRecordStore::addValue after save().
    QList<QPair<QString, QString>> addedValues() const { return m_added; }

    void load() override;
    bool save(QString* error) override;

    void showLookup(const QString& lookup);
    void autoMap(); // the shown lookup
    // Every table, exact matches only (LookupTables::kExactMatch); shows and returns the report.
    AutoMapReport autoMapAll();
    // Unmaps what the last autoMapAll() mapped, except the values changed by hand since.
    void undoAutoMapAll();
    QString autoMapSummary() const; // empty until Auto-map all tables ran
    void addLocalValue(const QString& value); // to the shown lookup
    QList<LookupRow> rows(const QString& lookup) const { return m_rows.value(lookup); }
    QTableWidget* table() const { return m_table; }
    QString emptyListMessage() const;

protected:
    void listsChanged() override;

private:
    void fillTable();
    QString current() const;
    // LookupTables::autoMap of one table, keeping the rows the admin set by hand (even to unmapped).
    QList<LookupRow> autoMapped(const QString& lookup, int minConfidence) const;
    AutoMapReport::Table autoMapTable(const QString& lookup);
    static QString rowKey(const QString& lookup, const QString& localValue);

    struct AutoMapped
    {
        QString lookup;
        LookupRow before;
        QString remoteId; // what auto-map set
    };

    QHash<QString, QStringList> m_localValues;
    QHash<QString, QList<LookupRow>> m_rows;
    QList<QPair<QString, QString>> m_added;
    QSet<QString> m_byHand; // rowKey()s the admin picked a value for since load()
    QList<AutoMapped> m_lastAutoMap;
    QComboBox* m_lookup = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QLineEdit* m_newValue = nullptr;
    QPushButton* m_refresh = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_undo = nullptr;
    bool m_filling = false;
};

} // namespace Cw
