#pragma once

#include "ui/panels/CsvImportDialog.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;

namespace Cw {

class Database;
class Prompter;

// The local data: for every entity of LocalSchema (one row each, in the schema's order, so entities added to the
// schema appear by themselves) its record count, what its CSV file holds (the columns), and, when it has none,
// what needs it ("User mapping needs users"); Import CSV… opens a CsvImportDialog, and the counts refresh after
// an import. Used by the wizard's "Local data" page and the Settings dialog's "Local data" section.
class LocalDataPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalDataPanel)

public:
    // prompter: the import dialogs ask for their file through it.
    LocalDataPanel(Database& database, Prompter& prompter, QWidget* parent = nullptr);
    ~LocalDataPanel() override;

public slots:
    // Reads the counts again (after an import elsewhere, or when the page is shown; Settings calls it by name).
    void refresh();

public:
    int count(const QString& entity) const { return m_counts.value(entity, -1); } // -1: unreadable
    // What Import CSV… does: opens (window-modal, deleted on close) the import dialog of entity.
    CsvImportDialog* openImport(const QString& entity);

signals:
    // After an import wrote something, once the counts are refreshed.
    void imported(const QString& entity);

private:
    struct Row
    {
        QLabel* count = nullptr;
        QLabel* needs = nullptr;
    };
    static QString neededFor(const QString& entity); // what a count of 0 holds up

    Database& m_database;
    Prompter& m_prompter;
    QHash<QString, Row> m_rows;
    QHash<QString, int> m_counts;
    QLabel* m_error = nullptr;
};

} // namespace Cw
