#include "ui/panels/CsvImportDialog.h"

#include "core/localdata/CsvImportWorker.h"
#include "core/localdata/CsvPreview.h"
#include "core/store/Database.h"
#include "ui/common/Prompter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Cw {

namespace {

QTableWidget* makeTable(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* table = new QTableWidget(parent);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setTabKeyNavigation(false); // Tab moves to the next control, the arrows move in the table
    table->verticalHeader()->setVisible(false);
    table->setMinimumHeight(60);
    return table;
}

} // namespace

CsvImportDialog::CsvImportDialog(Database& database, Prompter& prompter, const LocalEntity& entity, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_prompter(prompter)
    , m_entity(entity)
    , m_worker(new CsvImportWorker(database.location(), this))
{
    setObjectName(QStringLiteral("csvImportDialog"));
    setWindowTitle(tr("Import %1 from CSV").arg(entity.name()));

    auto* form = new QFormLayout;
    auto* fileRow = new QHBoxLayout;
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("file"));
    m_file->setAccessibleName(tr("CSV file"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("browse"));
    m_browse->setAccessibleName(tr("Browse for the CSV file"));
    m_browse->setAutoDefault(false);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    auto* fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_encoding->setAccessibleName(tr("Encoding"));
    for (const TextEncoding e : allOf<TextEncoding>()) {
        m_encoding->addItem(TextEncodings::label(e), static_cast<int>(e));
    }
    auto* encodingLabel = new QLabel(tr("&Encoding:"), this);
    encodingLabel->setBuddy(m_encoding);
    form->addRow(encodingLabel, m_encoding);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("encodingNote"));
    m_note->setWordWrap(true);
    m_note->setText(tr("Columns: %1. The first line names them; other columns are ignored.")
                        .arg(entity.csvColumnNames().join(QLatin1String(", "))));

    m_preview = makeTable(QStringLiteral("preview"), tr("Preview of the first rows as they will be stored"), this);
    m_errors = makeTable(QStringLiteral("errors"), tr("Rows with errors"), this);
    m_errors->setColumnCount(4);
    m_errors->setHorizontalHeaderLabels({tr("Row"), tr("Line"), tr("Column"), tr("Problem")});
    m_errors->horizontalHeader()->setStretchLastSection(true);
    for (int column = 0; column < 3; ++column) { // row, line and column are short; the problem takes the rest
        m_errors->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_preview);
    split->addWidget(m_errors);
    split->setChildrenCollapsible(false);

    m_goodOnly = new QCheckBox(tr("Import the &good rows only (report the bad ones)"), this);
    m_goodOnly->setObjectName(QStringLiteral("goodRowsOnly"));
    m_goodOnly->setAccessibleName(tr("Import the good rows only"));
    auto* progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setAccessibleName(tr("Import progress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("rate"));
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_rate);
    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(QStringLiteral("result"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_buttons = new QDialogButtonBox(this);
    m_import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::ActionRole);
    m_import->setObjectName(QStringLiteral("import"));
    m_import->setAccessibleName(tr("Import the file"));
    m_import->setDefault(true);
    m_import->setEnabled(false);
    m_close = m_buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("close"));
    m_close->setAutoDefault(false);
    m_close->setAccessibleName(tr("Close"));

    auto* outer = new QVBoxLayout(this);
    outer->addLayout(form);
    outer->addWidget(m_note);
    outer->addWidget(split, 1);
    outer->addWidget(m_goodOnly);
    outer->addLayout(progressRow);
    outer->addWidget(m_resultLabel);
    outer->addWidget(m_buttons);
    // 1366×768 at 150 % leaves about 910×480 logical pixels: stay well inside.
    resize(760, 440);

    connect(m_browse, &QPushButton::clicked, this, &CsvImportDialog::browse);
    connect(m_file, &QLineEdit::editingFinished, this, [this] {
        if (!isRunning()) {
            setFile(m_file->text().trimmed());
        }
    });
    connect(m_encoding, &QComboBox::activated, this, &CsvImportDialog::readPreview);
    connect(m_import, &QPushButton::clicked, this, &CsvImportDialog::startImport);
    connect(m_close, &QPushButton::clicked, this, &CsvImportDialog::reject);
    connect(m_worker, &CsvImportWorker::progress, this, &CsvImportDialog::onProgress);
    connect(m_worker, &CsvImportWorker::finished, this, &CsvImportDialog::onFinished);
}

CsvImportDialog::~CsvImportDialog() = default;

void CsvImportDialog::browse()
{
    m_prompter.chooseOpenFile(this, tr("CSV file of %1").arg(m_entity.name()), m_file->text(),
                              tr("CSV files (*.csv *.txt);;All files (*)"), this, [this](const QString& path) {
                                  if (!path.isEmpty() && !isRunning()) {
                                      setFile(path);
                                  }
                              });
}

void CsvImportDialog::setFile(const QString& path)
{
    m_file->setText(path);
    m_resultLabel->clear();
    if (path.isEmpty()) {
        return;
    }
    const CsvPreview::Detection detected = CsvPreview::detect(path);
    m_encoding->setCurrentIndex(m_encoding->findData(static_cast<int>(detected.encoding)));
    if (detected.byteOrderMark) {
        m_note->setText(
            tr("The file starts with a byte-order mark: it is %1.").arg(TextEncodings::label(detected.encoding)));
    } else if (detected.notUtf8.isError()) {
        m_note->setText(tr("%1 It is read as Windows-1252; if the preview looks wrong, pick another encoding.")
                            .arg(detected.notUtf8.message()));
    } else {
        m_note->setText(tr("The file reads as UTF-8. If the preview looks wrong, pick the encoding it was saved in."));
    }
    readPreview();
}

void CsvImportDialog::setEncoding(TextEncoding encoding)
{
    m_encoding->setCurrentIndex(m_encoding->findData(static_cast<int>(encoding)));
    readPreview();
}

TextEncoding CsvImportDialog::encoding() const
{
    return static_cast<TextEncoding>(m_encoding->currentData().toInt());
}

void CsvImportDialog::setGoodRowsOnly(bool goodRowsOnly)
{
    m_goodOnly->setChecked(goodRowsOnly);
}

void CsvImportDialog::readPreview()
{
    m_preview->clear();
    m_preview->setRowCount(0);
    m_errors->setRowCount(0);
    const QString path = m_file->text().trimmed();
    m_import->setEnabled(false);
    if (path.isEmpty()) {
        return;
    }
    const CsvPreview preview = CsvPreview::read(m_entity, path, encoding(), kPreviewRows);
    const QStringList columns = m_entity.csvColumnNames();
    m_preview->setColumnCount(static_cast<int>(columns.size()));
    m_preview->setHorizontalHeaderLabels(columns);
    m_preview->setRowCount(static_cast<int>(preview.records.size()));
    for (int r = 0; r < preview.records.size(); ++r) {
        for (int c = 0; c < columns.size(); ++c) {
            const QVariant value = preview.records.at(r).values.value(columns.at(c));
            const QString text =
                value.typeId() == QMetaType::QDate ? value.toDate().toString(Qt::ISODate) : value.toString();
            m_preview->setItem(r, c, new QTableWidgetItem(text));
        }
    }
    m_preview->resizeColumnsToContents();
    showErrors(preview.errors, static_cast<int>(preview.errors.size()));
    if (!preview.fileError.isEmpty()) {
        m_resultLabel->setText(preview.fileError);
        return;
    }
    m_resultLabel->setText(preview.wholeFile
                               ? tr("%n row(s) in the file; %1 with errors.", nullptr, preview.rowsRead)
                                     .arg(preview.rowsRead - preview.records.size())
                               : tr("The preview shows the first rows; the whole file is checked as it is imported."));
    m_import->setEnabled(true);
}

void CsvImportDialog::showErrors(const QList<CsvRowError>& errors, int total)
{
    m_errors->setRowCount(static_cast<int>(errors.size()));
    for (int i = 0; i < errors.size(); ++i) {
        const CsvRowError& e = errors.at(i);
        m_errors->setItem(i, 0, new QTableWidgetItem(QString::number(e.row)));
        m_errors->setItem(i, 1, new QTableWidgetItem(QString::number(e.line)));
        m_errors->setItem(i, 2, new QTableWidgetItem(e.column));
        m_errors->setItem(i, 3, new QTableWidgetItem(e.message));
    }
    m_errors->setAccessibleDescription(tr("%n error(s)", nullptr, total));
}

bool CsvImportDialog::startImport()
{
    const QString path = m_file->text().trimmed();
    if (path.isEmpty() || isRunning()) {
        return false;
    }
    CsvImport::Options options;
    options.encoding = encoding();
    options.skipBadRows = m_goodOnly->isChecked();
    if (!m_worker->start(m_entity.name(), path, options)) {
        return false;
    }
    m_clock.start();
    m_progress->setValue(0);
    m_rate->clear();
    m_resultLabel->setText(tr("Importing…"));
    setRunning(true);
    return true;
}

void CsvImportDialog::cancelImport()
{
    if (isRunning()) {
        m_resultLabel->setText(tr("Cancelling…"));
        m_worker->cancel();
    }
}

bool CsvImportDialog::isRunning() const
{
    return m_worker->isRunning();
}

void CsvImportDialog::onProgress(int rows, qint64 bytes, qint64 totalBytes)
{
    if (totalBytes > 0) {
        m_progress->setValue(static_cast<int>(bytes * 1000 / totalBytes));
    }
    const double seconds = std::max<double>(m_clock.elapsed(), 1) / 1000.0;
    m_rate->setText(
        tr("%1 rows, %2 rows/s").arg(QLocale().toString(rows), QLocale().toString(qRound64(rows / seconds))));
}

void CsvImportDialog::onFinished(const CsvImport::Result& result)
{
    m_lastResult = result;
    setRunning(false);
    if (result.imported || !result.cancelled) {
        onProgress(result.rows, 1, 1);
    }
    showErrors(result.rowErrors, result.errorCount);
    QString text = result.describe(0); // the errors are in the table
    if (result.errorCount > result.rowErrors.size()) {
        text += QLatin1Char(' ') +
            tr("The table lists the first %1 of %2 errors.")
                .arg(QLocale().toString(qlonglong(result.rowErrors.size())), QLocale().toString(result.errorCount));
    }
    m_resultLabel->setText(text);
    if (result.imported) {
        emit imported(m_entity.name(), result);
    }
}

void CsvImportDialog::setRunning(bool running)
{
    m_file->setEnabled(!running);
    m_browse->setEnabled(!running);
    m_encoding->setEnabled(!running);
    m_goodOnly->setEnabled(!running);
    m_import->setEnabled(!running);
    m_close->setText(running ? tr("&Cancel") : tr("&Close"));
    m_close->setAccessibleName(running ? tr("Cancel the import; nothing is written") : tr("Close"));
    if (!running) {
        m_import->setFocus();
    }
}

void CsvImportDialog::reject()
{
    if (isRunning()) {
        cancelImport(); // the dialog stays open to say that nothing was written
        return;
    }
    QDialog::reject();
}

QString CsvImportDialog::encodingNote() const
{
    return m_note->text();
}

QString CsvImportDialog::resultText() const
{
    return m_resultLabel->text();
}

} // namespace Cw
