#include "ui/main/ConnectorStatusView.h"

#include "ui/sync/SyncTexts.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Cw {

namespace {

QString when(const QDateTime& time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

ConnectorStatusView::ConnectorStatusView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("connectorStatus"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("statusTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_check = new QLabel(this);
    m_check->setObjectName(QStringLiteral("statusCheck"));
    m_check->setWordWrap(true);
    m_check->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_entities = new QTableWidget(0, 4, this);
    m_entities->setObjectName(QStringLiteral("statusEntities"));
    m_entities->setAccessibleName(tr("Entities: local records, sync options and the last sync"));
    m_entities->setHorizontalHeaderLabels({tr("Entity"), tr("Local records"), tr("Sync"), tr("Last sync")});
    m_entities->verticalHeader()->hide();
    m_entities->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_entities->setSelectionMode(QAbstractItemView::NoSelection);
    m_entities->setTabKeyNavigation(false);
    m_entities->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_entities->horizontalHeader()->setStretchLastSection(true);
    m_entities->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    m_attentionTitle = new QLabel(tr("Needs attention"), this);
    m_attentionTitle->setFont(titleFont);
    m_attentionBox = new QWidget(this);
    m_attentionBox->setObjectName(QStringLiteral("statusAttention"));
    m_attentionLayout = new QVBoxLayout(m_attentionBox);
    m_attentionLayout->setContentsMargins(0, 0, 0, 0);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_check);
    layout->addWidget(m_attentionTitle);
    layout->addWidget(m_attentionBox);
    layout->addWidget(m_entities, 1);
    clear();
}

void ConnectorStatusView::clear()
{
    m_title->setText(tr("Select a connector to see its state."));
    m_check->clear();
    m_entities->setRowCount(0);
    m_entities->hide();
    fillAttention({});
    m_attentionTitle->hide();
}

QString ConnectorStatusView::checkText() const
{
    return m_check->text();
}

void ConnectorStatusView::setStatus(const ConnectorStatus& status)
{
    const Instance& instance = status.instance();
    m_title->setText(instance.name);
    if (!instance.lastCheckAt.isValid()) {
        m_check->setText(tr("Last check: never."));
    } else if (instance.lastCheckPassed.value_or(false)) {
        m_check->setText(tr("Last check: passed, %1.").arg(when(instance.lastCheckAt)));
    } else {
        QStringList failed;
        for (const CheckFinding& finding : status.findings()) {
            if (finding.status == QLatin1String("failed")) {
                failed.append(finding.title);
            }
        }
        m_check->setText(
            failed.isEmpty()
                ? tr("Last check: failed, %1.").arg(when(instance.lastCheckAt))
                : tr("Last check: failed, %1 — %2.").arg(when(instance.lastCheckAt), failed.join(QLatin1String(", "))));
    }
    fillEntities(status);
    fillAttention(status.attention());
}

void ConnectorStatusView::fillEntities(const ConnectorStatus& status)
{
    m_entities->setRowCount(static_cast<int>(status.entities().size()));
    int row = 0;
    for (const EntityStatus& e : status.entities()) {
        const QString sync = e.pushOn && e.pullOn ? tr("push and pull")
            : e.pushOn                            ? tr("push")
            : e.pullOn                            ? tr("pull")
                                                  : tr("off");
        QString last = tr("never");
        if (e.lastSyncAt.isValid()) {
            const SyncCounts& c = e.lastCounts;
            last = tr("%1 (%2): %3 created, %4 updated, %5 skipped, %6 failed")
                       .arg(when(e.lastSyncAt), e.lastStatus)
                       .arg(c.created)
                       .arg(c.updated)
                       .arg(c.skipped)
                       .arg(c.failed);
        }
        const QStringList cells {SyncTexts::entity(e.entity), QLocale().toString(e.localRecords),
                                 e.blocked.isEmpty() ? sync : tr("%1 — blocked").arg(sync), last};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (!e.blocked.isEmpty()) {
                item->setToolTip(e.blocked);
            }
            m_entities->setItem(row, column, item);
        }
        ++row;
    }
    m_entities->show();
}

void ConnectorStatusView::fillAttention(const QList<AttentionItem>& items)
{
    m_buttons.clear(); // children of the rows deleted below
    while (QLayoutItem* item = m_attentionLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_items = items;
    m_attentionTitle->setVisible(true);
    if (items.isEmpty()) {
        auto* fine = new QLabel(tr("Nothing needs attention."), m_attentionBox);
        fine->setObjectName(QStringLiteral("statusNothing"));
        m_attentionLayout->addWidget(fine);
        return;
    }
    for (const AttentionItem& item : items) {
        auto* row = new QWidget(m_attentionBox);
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto* text = new QLabel(item.text, row);
        text->setWordWrap(true);
        auto* button = new QPushButton(item.action, row);
        button->setObjectName(QStringLiteral("fix-") + SettingsSections::id(item.section));
        button->setAccessibleName(item.action);
        button->setAccessibleDescription(item.text);
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this,
                [this, section = item.section, target = item.row] { emit fixRequested(section, target); });
        rowLayout->addWidget(text, 1);
        rowLayout->addWidget(button, 0, Qt::AlignTop);
        m_attentionLayout->addWidget(row);
        m_buttons.append(button);
    }
}

} // namespace Cw
