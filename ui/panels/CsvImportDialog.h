#pragma once

#include "core/localdata/CsvImport.h"

#include <QDialog>
#include <QElapsedTimer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace Cw {

class CsvImportWorker;
class Database;
class Prompter;

// Imports one CSV file of one local entity: the file, its encoding (detected, changeable: the preview re-reads),
// a preview of the first rows as they will be stored, the row errors (row, line, column, message), "Import the
// good rows only", and the import itself in a thread of its own (CsvImportWorker, with its own Database
// connection) with a progress bar, the rows per second and Cancel (nothing written). Enter imports; Esc cancels a
// running import, else closes. imported() tells the Local data panel to refresh its counts. Browse… asks for the
// file through the Prompter (a window-modal file dialog; tests answer it).
class CsvImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvImportDialog)

public:
    static constexpr int kPreviewRows = 20;

    CsvImportDialog(Database& database, Prompter& prompter, const LocalEntity& entity, QWidget* parent = nullptr);
    ~CsvImportDialog() override;

    void setFile(const QString& path); // detects the encoding and reads the preview
    void setEncoding(TextEncoding encoding); // re-reads the preview
    TextEncoding encoding() const;
    void setGoodRowsOnly(bool goodRowsOnly);
    bool startImport(); // what Import does; false when it cannot start (no file, a run going)
    void cancelImport();
    bool isRunning() const;
    CsvImportWorker* worker() const { return m_worker; }

    QTableWidget* preview() const { return m_preview; }
    QTableWidget* errors() const { return m_errors; }
    QString encodingNote() const;
    QString resultText() const;
    const CsvImport::Result& lastResult() const { return m_lastResult; }

    void reject() override; // Esc and Close: cancel a running import first

signals:
    void imported(const QString& entity, const Cw::CsvImport::Result& result);

private:
    void browse();
    void readPreview();
    void showErrors(const QList<CsvRowError>& errors, int total);
    void onProgress(int rows, qint64 bytes, qint64 totalBytes);
    void onFinished(const CsvImport::Result& result);
    void setRunning(bool running);

    Database& m_database;
    Prompter& m_prompter;
    LocalEntity m_entity;
    CsvImportWorker* m_worker = nullptr;
    QLineEdit* m_file = nullptr;
    QPushButton* m_browse = nullptr;
    QComboBox* m_encoding = nullptr;
    QLabel* m_note = nullptr;
    QTableWidget* m_preview = nullptr;
    QTableWidget* m_errors = nullptr;
    QCheckBox* m_goodOnly = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_rate = nullptr;
    QLabel* m_resultLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_close = nullptr;
    QElapsedTimer m_clock;
    CsvImport::Result m_lastResult;
};

} // namespace Cw
