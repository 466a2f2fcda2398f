#pragma once

#include "core/config/LookupTables.h"
#include "ui/panels/SettingsPanel.h"

#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Cw {

// The eight lookup tables: local values (from LocalRecordStore::values plus values the admin adds) mapped
// to ConnectWise values from live lists. Auto-map suggests by name with a confidence; unmapped values are
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
    void addLocalValue(const QString& value); // to the shown lookup
    QList<LookupRow> rows(const QString& lookup) const { return m_rows.value(lookup); }
    QTableWidget* table() const { return m_table; }
    QString emptyListMessage() const;

protected:
    void listsChanged() override;

private:
    void fillTable();
    QString current() const;

    QHash<QString, QStringList> m_localValues;
    QHash<QString, QList<LookupRow>> m_rows;
    QList<QPair<QString, QString>> m_added;
    QComboBox* m_lookup = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QLineEdit* m_newValue = nullptr;
    QPushButton* m_refresh = nullptr;
    bool m_filling = false;
};

} // namespace Cw
