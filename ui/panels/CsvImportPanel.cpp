#include "ui/panels/CsvImportPanel.h"

#include "core/localdata/CsvEntityParser.h"
#include "core/localdata/LocalSchema.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Cw {

CsvImportPanel::CsvImportPanel(Database& database, QWidget* parent) : QWidget(parent), m_database(database)
{
    m_chooser = [](QWidget* owner) {
        return QFileDialog::getOpenFileName(owner, tr("CSV file to import"), QString(),
                                            tr("CSV files (*.csv);;All files (*)"));
    };
    auto* outer = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_entity = new QComboBox(this);
    m_entity->setObjectName(QStringLiteral("entity"));
    m_entity->setAccessibleName(tr("Entity"));
    for (const QString& name : LocalSchema::entityNames()) {
        m_entity->addItem(name, name);
    }
    form->addRow(tr("&Entity:"), m_entity);
    auto* fileRow = new QHBoxLayout;
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("file"));
    m_file->setAccessibleName(tr("CSV file"));
    auto* browseButton = new QPushButton(tr("&Browse…"), this);
    browseButton->setObjectName(QStringLiteral("browse"));
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browseButton);
    form->addRow(tr("&File:"), fileRow);
    outer->addLayout(form);

    auto* columns = new QLabel(this);
    columns->setObjectName(QStringLiteral("columns"));
    columns->setWordWrap(true);
    outer->addWidget(columns);

    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setAccessibleName(tr("Preview of the first rows"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    outer->addWidget(m_preview, 2);

    m_errors = new QListWidget(this);
    m_errors->setObjectName(QStringLiteral("errors"));
    m_errors->setAccessibleName(tr("Rows with errors"));
    outer->addWidget(m_errors, 1);

    auto* bottom = new QHBoxLayout;
    m_skip = new QCheckBox(tr("&Skip bad rows (import the good ones)"), this);
    m_skip->setObjectName(QStringLiteral("skipBadRows"));
    m_import = new QPushButton(tr("&Import"), this);
    m_import->setObjectName(QStringLiteral("import"));
    m_import->setEnabled(false);
    bottom->addWidget(m_skip, 1);
    bottom->addWidget(m_import);
    outer->addLayout(bottom);
    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(QStringLiteral("result"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_resultLabel);

    auto showColumns = [this, columns] {
        const auto entity = LocalSchema::entity(m_entity->currentData().toString());
        columns->setText(entity ? tr("Columns: %1 (a header row; extra columns are ignored)")
                                      .arg(entity->columnNames().join(QLatin1Char(',')))
                                : QString());
    };
    showColumns();
    connect(m_entity, &QComboBox::currentIndexChanged, this, [this, showColumns] {
        showColumns();
        updatePreview();
    });
    connect(browseButton, &QPushButton::clicked, this, &CsvImportPanel::browse);
    connect(m_file, &QLineEdit::editingFinished, this, &CsvImportPanel::updatePreview);
    connect(m_skip, &QCheckBox::toggled, this, &CsvImportPanel::updatePreview);
    connect(m_import, &QPushButton::clicked, this, &CsvImportPanel::importFile);
}

CsvImportPanel::~CsvImportPanel() = default;

void CsvImportPanel::setEntity(const QString& entity)
{
    m_entity->setCurrentIndex(m_entity->findData(entity));
}

void CsvImportPanel::setFile(const QString& path)
{
    m_file->setText(path);
    updatePreview();
}

void CsvImportPanel::setSkipBadRows(bool skip)
{
    m_skip->setChecked(skip);
}

void CsvImportPanel::browse()
{
    const QString path = m_chooser(this);
    if (!path.isEmpty()) {
        setFile(path);
    }
}

void CsvImportPanel::updatePreview()
{
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    m_errors->clear();
    m_resultLabel->clear();
    m_badRows = 0;
    m_import->setEnabled(false);
    const auto entity = LocalSchema::entity(m_entity->currentData().toString());
    const QString path = m_file->text().trimmed();
    if (!entity || path.isEmpty()) {
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_resultLabel->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    CsvEntityParser parser(*entity);
    if (!parser.start(&file)) {
        m_resultLabel->setText(parser.fileError());
        return;
    }
    const QStringList columns = entity->columnNames();
    m_preview->setColumnCount(static_cast<int>(columns.size()));
    m_preview->setHorizontalHeaderLabels(columns);
    LocalRecord record;
    while (parser.next(&record)) {
        const int r = m_preview->rowCount();
        if (r >= kPreviewRows) {
            continue;
        }
        m_preview->setRowCount(r + 1);
        for (int c = 0; c < columns.size(); ++c) {
            const QVariant value = record.values.value(columns.at(c));
            m_preview->setItem(r, c, new QTableWidgetItem(value.toString()));
        }
    }
    if (!parser.fileError().isEmpty()) {
        m_resultLabel->setText(parser.fileError());
        return;
    }
    for (const CsvRowError& e : parser.errors().kept()) {
        m_errors->addItem(tr("Row %1 (line %2), %3: %4").arg(e.row).arg(e.line).arg(e.column, e.message));
    }
    m_badRows = parser.errors().badRows();
    m_resultLabel->setText(tr("%1 row(s) read, %2 bad.").arg(parser.rowCount()).arg(m_badRows));
    m_import->setEnabled(m_badRows == 0 || m_skip->isChecked());
}

bool CsvImportPanel::importFile()
{
    const QString entity = m_entity->currentData().toString();
    m_result =
        CsvImport(m_database).importFile(entity, m_file->text().trimmed(), {TextEncoding::Utf8, m_skip->isChecked()});
    m_resultLabel->setText(m_result.describe());
    if (m_result.imported) {
        emit imported(entity, m_result.rows);
    }
    return m_result.imported;
}

QString CsvImportPanel::resultText() const
{
    return m_resultLabel->text();
}

} // namespace Cw
