#include "ui/sync/SyncDialog.h"

#include "core/store/Database.h"
#include "core/sync/SyncDescriptor.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncLease.h"
#include "core/sync/SyncSettings.h"
#include "core/sync/SyncWorker.h"
#include "ui/common/Prompter.h"
#include "ui/common/WindowSize.h"
#include "ui/sync/ConflictPicker.h"
#include "ui/sync/SyncOutcomeModel.h"
#include "ui/sync/SyncProgressPanel.h"
#include "ui/sync/SyncResultText.h"
#include "ui/sync/SyncTexts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Cw {

SyncDialog::SyncDialog(Database& database, Prompter& prompter, const Instance& instance,
                       const ConnectorSession& session, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_prompter(prompter)
    , m_instance(instance)
    , m_worker(new SyncWorker(database.location(), session, this))
{
    setObjectName(QStringLiteral("syncDialog"));
    setWindowTitle(tr("Sync now — %1").arg(instance.name));
    buildInputs();

    m_progress = new SyncProgressPanel(this);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("syncResult"));
    m_result->setAccessibleName(tr("Result of the sync"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont resultFont = m_result->font();
    resultFont.setBold(true);
    m_result->setFont(resultFont);

    m_outcomeModel = new SyncOutcomeModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("syncOutcomes"));
    m_table->setAccessibleName(tr("Records: what would be or was created, updated or skipped, and why"));
    m_table->setModel(m_outcomeModel);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setResizeContentsPrecision(500); // a 100,000-record preview sizes from a sample
    m_table->setWordWrap(false);
    // Room for a few records whatever the result above says (it shows every line; the counts table gives way).
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() +
                              4 * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth());
    m_picker = new ConflictPicker(m_database, m_instance.id, this);
    m_picker->attach(m_table);

    auto makeButton = [this](const QString& text, const char* name, const QString& accessible) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(QLatin1String(name));
        button->setAccessibleName(accessible);
        button->setAutoDefault(false);
        return button;
    };
    m_preview = makeButton(tr("&Preview"), "syncPreview", tr("Preview: a dry run that writes nothing"));
    m_preview->setDefault(true);
    m_sync = makeButton(tr("&Sync"), "syncStart", tr("Sync: run the sync and write the changes"));
    m_cancel = makeButton(tr("&Cancel"), "syncCancel", tr("Cancel the running sync"));
    m_saveCsv = makeButton(tr("Save as CS&V…"), "syncSaveCsv", tr("Save the records as CSV"));
    m_history = makeButton(tr("Show in &history"), "syncShowHistory", tr("Show this run in the sync history"));
    m_close = makeButton(tr("C&lose"), "syncClose", tr("Close the sync window"));
    m_fix = makeButton(tr("Fix in S&ettings…"), "syncFixInSettings",
                       tr("Open the connector's settings where what kept an entity from starting is fixed"));
    m_fix->setVisible(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_preview);
    buttons->addWidget(m_sync);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    buttons->addWidget(m_fix);
    buttons->addWidget(m_saveCsv);
    buttons->addWidget(m_history);
    buttons->addWidget(m_close);

    auto* layout = qobject_cast<QVBoxLayout*>(this->layout());
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_picker);
    layout->addLayout(buttons);
    WindowSize::fitToScreen(this, {860, 600});

    connect(m_preview, &QPushButton::clicked, this, &SyncDialog::preview);
    connect(m_sync, &QPushButton::clicked, this, &SyncDialog::startSync);
    connect(m_cancel, &QPushButton::clicked, this, &SyncDialog::cancelRun);
    connect(m_close, &QPushButton::clicked, this, &SyncDialog::reject);
    connect(m_saveCsv, &QPushButton::clicked, this, &SyncDialog::saveCsv);
    connect(m_fix, &QPushButton::clicked, this, [this] {
        if (!m_summary.fixes.isEmpty()) {
            emit settingsRequested(SyncResultText::fixPlace(m_summary));
        }
    });
    connect(m_history, &QPushButton::clicked, this, [this] { emit historyRequested(m_summary.runId); });
    connect(m_worker, &SyncWorker::progress, m_progress, &SyncProgressPanel::updateProgress);
    connect(m_worker, &SyncWorker::countsChanged, m_progress, &SyncProgressPanel::updateCounts);
    connect(m_worker, &SyncWorker::finished, this, &SyncDialog::finish);
    setRunning(false);
    m_saveCsv->setEnabled(false);
    m_history->setEnabled(false);
    showOtherSync();
}

SyncDialog::~SyncDialog() = default; // the worker (a child) cancels and waits

void SyncDialog::buildInputs()
{
    m_entity = new QComboBox(this);
    m_entity->setObjectName(QStringLiteral("syncEntity"));
    m_entity->setAccessibleName(tr("What to sync"));
    m_entity->addItem(tr("All entities"), QString());
    for (const SyncDescriptor& d : SyncDescriptors::all()) {
        m_entity->addItem(SyncTexts::entity(d.entity), nameOf(d.entity));
    }
    m_direction = new QComboBox(this);
    m_direction->setObjectName(QStringLiteral("syncDirection"));
    m_direction->setAccessibleName(tr("Direction"));
    m_direction->addItem(tr("Push and pull"), nameOf(Direction::Both));
    m_direction->addItem(tr("Push only (local to ConnectWise)"), nameOf(Direction::Push));
    m_direction->addItem(tr("Pull only (ConnectWise to local)"), nameOf(Direction::Pull));
    m_full = new QCheckBox(tr("&Full pull"), this);
    m_full->setObjectName(QStringLiteral("syncFullPull"));
    m_full->setAccessibleName(tr("Full pull: ignore the last sync mark"));
    m_full->setToolTip(tr("Pull every record again instead of only those changed since the last sync."));

    // One row: what, which way and Full pull, so the records keep the room on a 1366×768 screen at 150 %.
    auto* inputs = new QHBoxLayout;
    auto* scopeLabel = new QLabel(tr("Sc&ope:"), this); // Alt+S is Sync
    scopeLabel->setBuddy(m_entity);
    auto* directionLabel = new QLabel(tr("&Direction:"), this);
    directionLabel->setBuddy(m_direction);
    inputs->addWidget(scopeLabel);
    inputs->addWidget(m_entity, 1);
    inputs->addSpacing(12);
    inputs->addWidget(directionLabel);
    inputs->addWidget(m_direction, 1);
    inputs->addSpacing(12);
    inputs->addWidget(m_full);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(inputs);
    connect(m_direction, &QComboBox::currentIndexChanged, this, &SyncDialog::updateEntityChoices);
    updateEntityChoices();
}

// Only the entities that can start in the chosen direction(s) are offered; the others say why.
void SyncDialog::updateEntityChoices()
{
    StoreError error;
    const auto settings = SyncSettings::load(m_database, m_instance.id, &error);
    const Direction direction = chosenDirection();
    auto* model = qobject_cast<QStandardItemModel*>(m_entity->model());
    for (int i = 1; i < m_entity->count(); ++i) {
        const SyncDescriptor* d = SyncDescriptors::find(*parseName<Entity>(m_entity->itemData(i).toString()));
        QStringList reasons;
        bool startable = false;
        for (const bool push : {true, false}) {
            if ((push && direction == Direction::Pull) || (!push && direction == Direction::Push)) {
                continue;
            }
            if (!d->syncs(push ? Direction::Push : Direction::Pull)) {
                continue; // e.g. payments are never pulled: not a reason to disable them for "both"
            }
            SyncFix fix;
            const QString why = settings ? SyncEngine::blocker(*d, *settings, push, &fix) : error.message;
            if (why.isEmpty()) {
                startable = true;
            } else {
                reasons.append((push ? tr("Push: %1") : tr("Pull: %1")).arg(why) +
                               (fix.isValid() ? QLatin1Char(' ') + fix.text : QString()));
            }
        }
        if (reasons.isEmpty() && !startable) {
            reasons.append(direction == Direction::Push ? tr("%1 cannot be pushed.").arg(m_entity->itemText(i))
                                                        : tr("%1 cannot be pulled.").arg(m_entity->itemText(i)));
        }
        if (QStandardItem* item = model ? model->item(i) : nullptr) {
            item->setEnabled(startable);
        }
        m_entity->setItemData(i, reasons.join(QLatin1Char('\n')), Qt::ToolTipRole);
    }
    if (model && model->item(m_entity->currentIndex()) && !model->item(m_entity->currentIndex())->isEnabled()) {
        m_entity->setCurrentIndex(0);
    }
}

// Another process or desktop syncing this connector (a live holder of its lease): say who, before Sync is refused.
void SyncDialog::showOtherSync()
{
    const auto holder = SyncLease::holder(m_database, m_instance.id);
    if (holder && !isRunning()) {
        m_result->setText(tr("%1 is being synced by %2. Sync is refused until that sync has finished; Preview works "
                             "meanwhile.")
                              .arg(m_instance.name, SyncLease::describe(*holder)));
    }
}

void SyncDialog::setPageSize(int pageSize)
{
    m_worker->setPageSize(pageSize);
}

Direction SyncDialog::chosenDirection() const
{
    return parseName<Direction>(m_direction->currentData().toString()).value_or(Direction::Both);
}

SyncRequest SyncDialog::request() const
{
    SyncRequest r;
    r.instanceId = m_instance.id;
    if (const auto entity = parseName<Entity>(m_entity->currentData().toString())) {
        r.entities = {*entity};
    }
    const Direction direction = chosenDirection();
    r.push = direction != Direction::Pull;
    r.pull = direction != Direction::Push;
    r.full = m_full->isChecked();
    return r;
}

bool SyncDialog::isRunning() const
{
    return m_worker->isRunning();
}

QString SyncDialog::resultText() const
{
    return m_result->text();
}

QString SyncDialog::progressText() const
{
    return m_progress->progressText();
}

void SyncDialog::preview()
{
    start(true);
}

void SyncDialog::startSync()
{
    start(false);
}

void SyncDialog::start(bool dryRun)
{
    if (isRunning()) {
        return;
    }
    SyncRequest r = request();
    r.dryRun = dryRun;
    m_summary = SyncSummary();
    m_outcomeModel->setOutcomes({});
    m_progress->reset();
    m_result->setText(dryRun ? tr("Previewing: nothing is written…") : tr("Syncing…"));
    m_saveCsv->setEnabled(false);
    m_history->setEnabled(false);
    m_fix->setVisible(false); // until this run says what kept an entity from starting
    if (m_worker->start(r)) {
        setRunning(true);
    }
}

void SyncDialog::cancelRun()
{
    if (!isRunning()) {
        return;
    }
    m_cancel->setEnabled(false);
    m_result->setText(tr("Cancelling…"));
    m_worker->cancel();
}

void SyncDialog::setRunning(bool running)
{
    m_entity->setEnabled(!running);
    m_direction->setEnabled(!running);
    m_full->setEnabled(!running);
    m_preview->setEnabled(!running);
    m_sync->setEnabled(!running);
    m_cancel->setEnabled(running);
}

void SyncDialog::finish(const SyncSummary& summary)
{
    m_summary = summary;
    setRunning(false);
    m_progress->showSummary(summary);
    m_outcomeModel->setOutcomes(summary.outcomes);
    m_table->resizeColumnsToContents();
    m_result->setText(SyncResultText::of(summary));
    m_saveCsv->setEnabled(!summary.outcomes.isEmpty());
    m_history->setEnabled(summary.runId > 0);
    m_fix->setVisible(!summary.fixes.isEmpty());
    (summary.runId > 0 ? m_history : m_preview)->setFocus();
    emit runFinished(summary);
    if (m_closeAfterRun) {
        m_closeAfterRun = false;
        QDialog::reject();
    }
}

void SyncDialog::saveCsv()
{
    m_prompter.chooseSaveFile(
        this, tr("Save as CSV"),
        QDir::home().filePath(m_summary.dryRun ? tr("cwconnector-preview-%1.csv").arg(m_instance.name)
                                               : tr("cwconnector-sync-%1.csv").arg(m_instance.name)),
        tr("CSV files (*.csv)"), this, [this](const QString& path) {
            if (path.isEmpty()) {
                return;
            }
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                file.write(SyncEngine::toCsv(m_summary.outcomes)) < 0) {
                m_result->setText(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
            }
        });
}

void SyncDialog::reject()
{
    if (!isRunning()) {
        QDialog::reject();
        return;
    }
    m_prompter.ask(this, tr("Sync is running"),
                   tr("The sync is still running. Cancel it and close? What was done so far is kept."),
                   {tr("Cancel the sync and close"), tr("Keep syncing")}, this, [this](int choice) {
                       if (choice != 0) {
                           return;
                       }
                       if (!isRunning()) {
                           QDialog::reject();
                           return;
                       }
                       m_closeAfterRun = true;
                       cancelRun();
                   });
}

void SyncDialog::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier && isRunning()) {
        cancelRun();
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

} // namespace Cw
