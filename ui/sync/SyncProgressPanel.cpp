#include "ui/sync/SyncProgressPanel.h"

#include "ui/sync/SyncTexts.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Cw {

namespace {

enum Column {
    EntityColumn,
    ProcessedColumn,
    CreatedColumn,
    UpdatedColumn,
    UnchangedColumn,
    SkippedColumn,
    FailedColumn,
    ConflictColumn
};
constexpr int kColumns = 8;
constexpr int kKeyRole = Qt::UserRole + 1; // "push accounts"

QString rowKey(Direction direction, Entity entity)
{
    return SyncSlot {direction, entity}.label();
}

} // namespace

SyncProgressPanel::SyncProgressPanel(QWidget* parent) : QWidget(parent)
{
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("syncProgressBar"));
    m_bar->setAccessibleName(tr("Progress of the entity being synced"));
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("syncProgressText"));
    m_text->setAccessibleName(tr("Sync progress"));
    m_text->setWordWrap(true);
    m_table = new QTableWidget(0, kColumns, this);
    m_table->setObjectName(QStringLiteral("syncCountsTable"));
    m_table->setAccessibleName(tr("Counts per entity"));
    m_table->setHorizontalHeaderLabels({tr("Entity"), tr("Processed"), tr("Created"), tr("Updated"), tr("Unchanged"),
                                        tr("Skipped"), tr("Failed"), tr("Conflicts")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(EntityColumn, QHeaderView::Stretch);
    m_table->setMaximumHeight(m_table->horizontalHeader()->sizeHint().height() * 7);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_text);
    layout->addWidget(m_table);
}

void SyncProgressPanel::reset()
{
    m_table->setRowCount(0);
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_text->clear();
}

int SyncProgressPanel::rowOf(Direction direction, Entity entity) const
{
    const QString key = rowKey(direction, entity);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, EntityColumn)->data(kKeyRole).toString() == key) {
            return row;
        }
    }
    return -1;
}

int SyncProgressPanel::ensureRow(Direction direction, Entity entity)
{
    int row = rowOf(direction, entity);
    if (row >= 0) {
        return row;
    }
    row = m_table->rowCount();
    m_table->insertRow(row);
    auto* name = new QTableWidgetItem(tr("%1 %2").arg(SyncTexts::direction(direction), SyncTexts::entity(entity)));
    name->setData(kKeyRole, rowKey(direction, entity));
    m_table->setItem(row, EntityColumn, name);
    for (int column = ProcessedColumn; column < kColumns; ++column) {
        auto* item = new QTableWidgetItem(QString());
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, column, item);
    }
    return row;
}

void SyncProgressPanel::updateProgress(Direction direction, Entity entity, int processed, int total)
{
    const int row = ensureRow(direction, entity);
    if (processed == 0) {
        m_entityTimer.start();
    }
    const QLocale locale;
    m_table->item(row, ProcessedColumn)
        ->setText(total >= 0 ? tr("%1 of %2").arg(locale.toString(processed), locale.toString(total))
                             : locale.toString(processed));
    if (total < 0) {
        m_bar->setRange(0, 0); // busy
    } else {
        m_bar->setRange(0, std::max(total, 1));
        m_bar->setValue(std::min(processed, std::max(total, 1)));
    }
    const QString name = SyncTexts::entity(entity);
    const QString count = locale.toString(processed);
    QString text;
    if (total >= 0) {
        text = direction == Direction::Push ? tr("Pushing %1: %2 of %3").arg(name, count, locale.toString(total))
                                            : tr("Pulling %1: %2 of %3").arg(name, count, locale.toString(total));
    } else {
        text = direction == Direction::Push ? tr("Pushing %1: %2").arg(name, count)
                                            : tr("Pulling %1: %2").arg(name, count);
    }
    const qint64 elapsed = m_entityTimer.isValid() ? m_entityTimer.elapsed() : 0;
    if (processed > 0 && elapsed > 0) {
        const qint64 rate = qint64(processed) * 1000 / elapsed;
        text += tr(" — %1 records/s").arg(locale.toString(rate));
    }
    m_text->setText(text);
}

void SyncProgressPanel::setCounts(int row, const SyncCounts& c)
{
    m_table->item(row, ProcessedColumn)->setText(QLocale().toString(c.total()));
    setActionCounts(row, c);
}

void SyncProgressPanel::setActionCounts(int row, const SyncCounts& c)
{
    const QLocale locale;
    m_table->item(row, CreatedColumn)->setText(locale.toString(c.created));
    m_table->item(row, UpdatedColumn)->setText(locale.toString(c.updated));
    m_table->item(row, UnchangedColumn)->setText(locale.toString(c.unchanged));
    m_table->item(row, SkippedColumn)->setText(locale.toString(c.skipped));
    m_table->item(row, FailedColumn)->setText(locale.toString(c.failed));
    m_table->item(row, ConflictColumn)->setText(locale.toString(c.conflict));
}

void SyncProgressPanel::updateCounts(Direction direction, Entity entity, const SyncCounts& c)
{
    setActionCounts(ensureRow(direction, entity), c);
}

void SyncProgressPanel::showSummary(const SyncSummary& summary)
{
    for (auto it = summary.pushCounts.cbegin(); it != summary.pushCounts.cend(); ++it) {
        setCounts(ensureRow(Direction::Push, it.key()), it.value());
    }
    for (auto it = summary.pullCounts.cbegin(); it != summary.pullCounts.cend(); ++it) {
        setCounts(ensureRow(Direction::Pull, it.key()), it.value());
    }
    const SyncCounts totals = summary.totals();
    m_bar->setRange(0, 1);
    m_bar->setValue(summary.fatalError.isEmpty() ? 1 : 0);
    m_text->setText(tr("Total: %1").arg(SyncTexts::counts(totals)));
}

QString SyncProgressPanel::progressText() const
{
    return m_text->text();
}

} // namespace Cw
