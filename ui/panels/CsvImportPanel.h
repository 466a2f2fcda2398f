#pragma once

#include "core/localdata/CsvImport.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace Cw {

class Database;

// Imports a CSV file of a local entity from the GUI: entity, file, a preview of the first rows, the bad
// rows with their row and line numbers, "skip bad rows", then CsvImport writes it in one transaction.
class CsvImportPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvImportPanel)

public:
    using FileChooser = std::function<QString(QWidget* parent)>;
    static constexpr int kPreviewRows = 20;

    explicit CsvImportPanel(Database& database, QWidget* parent = nullptr);
    ~CsvImportPanel() override;

    // The file dialog; tests replace it.
    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }

    void setEntity(const QString& entity);
    void setFile(const QString& path); // updates the preview
    void setSkipBadRows(bool skip);
    bool importFile(); // what the Import button does; false when nothing was written

    QTableWidget* preview() const { return m_preview; }
    QListWidget* errors() const { return m_errors; }
    QString resultText() const;
    const CsvImport::Result& lastResult() const { return m_result; }

signals:
    void imported(const QString& entity, int rows);

private:
    void browse();
    void updatePreview();

    Database& m_database;
    FileChooser m_chooser;
    QComboBox* m_entity = nullptr;
    QLineEdit* m_file = nullptr;
    QTableWidget* m_preview = nullptr;
    QListWidget* m_errors = nullptr;
    QCheckBox* m_skip = nullptr;
    QPushButton* m_import = nullptr;
    QLabel* m_resultLabel = nullptr;
    CsvImport::Result m_result;
    int m_badRows = 0;
};

} // namespace Cw
