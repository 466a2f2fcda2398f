#include "ui/sync/SyncHistoryDialog.h"

#include "core/sync/SyncDescriptor.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncHistory.h"
#include "ui/common/WindowSize.h"
#include "ui/sync/ConflictPicker.h"
#include "ui/sync/SyncOutcomeFilter.h"
#include "ui/sync/SyncOutcomeModel.h"
#include "ui/sync/SyncRunModel.h"
#include "ui/sync/SyncTexts.h"
#include "ui/wizard/Prompter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Cw {

namespace {

QTableView* makeTable(QWidget* parent, const char* name, const QString& accessible)
{
    auto* table = new QTableView(parent);
    table->setObjectName(QLatin1String(name));
    table->setAccessibleName(accessible);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setResizeContentsPrecision(500); // sizing columns samples rows, never 100,000
    return table;
}

} // namespace

SyncHistoryDialog::SyncHistoryDialog(Database& database, Prompter& prompter, const Instance& instance, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_prompter(prompter)
    , m_instance(instance)
    , m_runs(new SyncRunModel(this))
    , m_outcomes(new SyncOutcomeModel(this))
    , m_filter(new SyncOutcomeFilter(this))
{
    setObjectName(QStringLiteral("syncHistoryDialog"));
    setWindowTitle(tr("Sync history — %1").arg(instance.name));
    m_filter->setSourceModel(m_outcomes);

    m_runTable = makeTable(this, "syncRuns", tr("Sync runs"));
    m_runTable->setModel(m_runs);
    m_outcomeTable = makeTable(this, "syncRunOutcomes", tr("Records of the selected run"));
    m_outcomeTable->setModel(m_filter);
    m_outcomeTable->setSortingEnabled(true);
    m_outcomeTable->sortByColumn(-1, Qt::AscendingOrder); // the engine's order until a header is clicked

    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("historyActionFilter"));
    m_action->setAccessibleName(tr("Show records by action"));
    m_action->addItem(tr("All actions"), -1);
    m_action->addItem(SyncTexts::action(SyncOutcome::Action::Failed), int(SyncOutcome::Action::Failed));
    m_action->addItem(SyncTexts::action(SyncOutcome::Action::Conflict), int(SyncOutcome::Action::Conflict));
    m_action->addItem(SyncTexts::action(SyncOutcome::Action::Skipped), int(SyncOutcome::Action::Skipped));
    m_action->addItem(SyncTexts::action(SyncOutcome::Action::Created), int(SyncOutcome::Action::Created));
    m_action->addItem(SyncTexts::action(SyncOutcome::Action::Updated), int(SyncOutcome::Action::Updated));
    m_entity = new QComboBox(this);
    m_entity->setObjectName(QStringLiteral("historyEntityFilter"));
    m_entity->setAccessibleName(tr("Show records of an entity"));
    m_entity->addItem(tr("All entities"), QString());
    for (const SyncDescriptor& d : SyncDescriptors::all()) { // the lines too: they have outcomes of their own
        m_entity->addItem(SyncTexts::entity(d.entity), nameOf(d.entity));
    }
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setAccessibleName(tr("Search ids and reasons"));
    m_search->setPlaceholderText(tr("Search ids and reasons"));
    m_search->setClearButtonEnabled(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    m_export = new QPushButton(tr("&Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("historyExportCsv"));
    m_export->setAccessibleName(tr("Export the records shown as CSV"));
    m_export->setAutoDefault(false);
    m_picker = new ConflictPicker(database, instance.id, this);
    m_picker->attach(m_outcomeTable);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_action);
    filters->addWidget(m_entity);
    filters->addWidget(m_search, 1);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(filters);
    rightLayout->addWidget(m_outcomeTable, 1);
    rightLayout->addWidget(m_picker);
    rightLayout->addWidget(m_status);
    // Runs above, the selected run's records below: both tables are wide (ten columns of runs, six of records),
    // so each gets the dialog's whole width.
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_runTable);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({200, 400});

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    WindowSize::fitToScreen(this, {1100, 640});

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &SyncHistoryDialog::exportCsv);
    connect(m_action, &QComboBox::currentIndexChanged, this, &SyncHistoryDialog::applyFilter);
    connect(m_entity, &QComboBox::currentIndexChanged, this, &SyncHistoryDialog::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, &SyncHistoryDialog::applyFilter);
    connect(m_runTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                showRun(current.isValid() ? current.data(SyncRunModel::RunIdRole).toLongLong() : 0);
            });
    reload();
}

void SyncHistoryDialog::reload()
{
    const qint64 selected = selectedRun();
    StoreError error;
    m_runs->setRuns(SyncHistory(m_database).runs(m_instance.id, 200, &error));
    m_runTable->resizeColumnsToContents();
    if (error.isError()) {
        m_status->setText(error.message);
    }
    if (m_runs->rowCount() == 0) {
        m_status->setText(tr("No sync has run for this connector yet."));
        showRun(0);
        return;
    }
    if (selected == 0 || !selectRun(selected)) {
        selectRun(m_runs->runs().first().id);
    }
}

bool SyncHistoryDialog::selectRun(qint64 runId)
{
    int row = m_runs->rowOf(runId);
    if (row < 0) {
        // A run that is newer than the list (e.g. just finished): load again.
        StoreError error;
        m_runs->setRuns(SyncHistory(m_database).runs(m_instance.id, 200, &error));
        row = m_runs->rowOf(runId);
        if (row < 0) {
            return false;
        }
    }
    const QModelIndex index = m_runs->index(row, 0);
    m_runTable->setCurrentIndex(index);
    m_runTable->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_runTable->scrollTo(index);
    if (m_shownRun != runId) {
        showRun(runId);
    }
    return true;
}

qint64 SyncHistoryDialog::selectedRun() const
{
    return m_shownRun;
}

void SyncHistoryDialog::showRun(qint64 runId)
{
    m_shownRun = runId;
    StoreError error;
    m_outcomes->setOutcomes(runId > 0 ? SyncHistory(m_database).outcomes(runId, &error) : QList<SyncOutcome>());
    if (error.isError()) {
        m_status->setText(error.message);
        return;
    }
    for (int column = 0; column < SyncOutcomeModel::ReasonColumn; ++column) {
        m_outcomeTable->resizeColumnToContents(column); // measures a sample of rows, not all of them
    }
    applyFilter();
}

void SyncHistoryDialog::applyFilter()
{
    const int action = m_action->currentData().toInt();
    m_filter->setAction(action < 0 ? std::nullopt : std::optional(SyncOutcome::Action(action)));
    m_filter->setEntity(parseName<Entity>(m_entity->currentData().toString()));
    m_filter->setText(m_search->text());
    if (m_shownRun > 0) {
        const QLocale locale;
        m_status->setText(tr("%1 of %2 records of this run shown.")
                              .arg(locale.toString(m_filter->rowCount()), locale.toString(m_outcomes->rowCount())));
    }
    m_export->setEnabled(m_filter->rowCount() > 0);
}

void SyncHistoryDialog::exportCsv()
{
    m_prompter.chooseSaveFile(
        this, tr("Export CSV"), QDir::home().filePath(tr("cwconnector-run-%1.csv").arg(m_shownRun)),
        tr("CSV files (*.csv)"), this, [this](const QString& path) {
            if (path.isEmpty()) {
                return;
            }
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                file.write(SyncEngine::toCsv(m_filter->visibleOutcomes())) < 0) {
                m_status->setText(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
            }
        });
}

} // namespace Cw
