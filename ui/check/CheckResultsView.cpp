#include "ui/check/CheckResultsView.h"

#include <QApplication>
#include <QHeaderView>
#include <QStyle>

namespace Cw {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kStatusRole = Qt::UserRole + 2;

QIcon statusIcon(const QStyle* style, CheckResult::Status status)
{
    switch (status) {
    case CheckResult::Status::Passed:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case CheckResult::Status::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case CheckResult::Status::Failed:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case CheckResult::Status::Skipped:
        return style->standardIcon(QStyle::SP_MediaSkipForward);
    case CheckResult::Status::Running:
    case CheckResult::Status::Pending:
        break;
    }
    return style->standardIcon(QStyle::SP_BrowserReload);
}
} // namespace

CheckResultsView::CheckResultsView(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("checkResults"));
    setAccessibleName(tr("Systems check results"));
    setColumnCount(2);
    setHeaderLabels({tr("Layer"), tr("Result")});
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    setColumnWidth(0, 250);
    header()->setStretchLastSection(true);
    setWordWrap(true);
    setUniformRowHeights(false);
    setRootIsDecorated(true);
    setMinimumHeight(120);
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* current) {
        while (current && current->parent()) {
            current = current->parent();
        }
        emit selectedTextChanged(current ? rowText(current->data(0, kIdRole).toString()) : QString());
    });
}

QString CheckResultsView::statusText(CheckResult::Status status)
{
    switch (status) {
    case CheckResult::Status::Pending:
        return tr("waiting");
    case CheckResult::Status::Running:
        return tr("running");
    case CheckResult::Status::Passed:
        return tr("passed");
    case CheckResult::Status::Warning:
        return tr("warning");
    case CheckResult::Status::Failed:
        return tr("FAILED");
    case CheckResult::Status::Skipped:
        return tr("skipped");
    }
    return QString();
}

void CheckResultsView::clearResults()
{
    clear();
}

void CheckResultsView::setResults(const QList<CheckResult>& results)
{
    clear();
    QTreeWidgetItem* firstProblem = nullptr;
    for (const CheckResult& result : results) {
        updateResult(result);
        if (!firstProblem && result.status == CheckResult::Status::Failed) {
            firstProblem = findRow(result.id);
        }
    }
    if (firstProblem) {
        // The first failure is what the admin needs to see: bring it, with its fix, into view.
        setCurrentItem(firstProblem);
        scrollToItem(firstProblem, QAbstractItemView::PositionAtTop);
    }
}

void CheckResultsView::updateResult(const CheckResult& result)
{
    QTreeWidgetItem* item = findRow(result.id);
    if (!item) {
        item = new QTreeWidgetItem(this);
    }
    fill(item, result);
}

void CheckResultsView::fill(QTreeWidgetItem* item, const CheckResult& result)
{
    qDeleteAll(item->takeChildren());
    item->setData(0, kIdRole, result.id);
    item->setData(0, kStatusRole, static_cast<int>(result.status));
    item->setIcon(0, statusIcon(style(), result.status));
    item->setText(0, result.title);
    item->setToolTip(0, result.title);
    QString line = statusText(result.status);
    if (!result.summary.isEmpty()) {
        line += QStringLiteral(" — ") + result.summary;
    }
    if (result.isDone() && result.durationMs > 0) {
        line += tr(" (%1 ms)").arg(result.durationMs);
    }
    item->setText(1, line);
    item->setToolTip(1, line);
    const bool failed = result.status == CheckResult::Status::Failed;
    if (failed) {
        item->setForeground(0, QBrush(Qt::red));
        item->setForeground(1, QBrush(Qt::red));
    }
    auto addChild = [item](const QString& label, const QString& text) {
        if (text.isEmpty()) {
            return;
        }
        auto* child = new QTreeWidgetItem(item);
        child->setText(0, label);
        child->setText(1, text);
        child->setToolTip(1, text);
    };
    addChild(tr("Problem"), result.diagnosis);
    addChild(tr("Fix"), result.fix);
    addChild(tr("Details"), result.details);
    item->setExpanded(failed || result.status == CheckResult::Status::Warning);
}

QTreeWidgetItem* CheckResultsView::findRow(const QString& id) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->data(0, kIdRole).toString() == id) {
            return topLevelItem(i);
        }
    }
    return nullptr;
}

CheckResult::Status CheckResultsView::rowStatus(const QString& id) const
{
    const QTreeWidgetItem* item = findRow(id);
    return item ? static_cast<CheckResult::Status>(item->data(0, kStatusRole).toInt()) : CheckResult::Status::Pending;
}

QString CheckResultsView::rowText(const QString& id) const
{
    const QTreeWidgetItem* item = findRow(id);
    if (!item) {
        return QString();
    }
    QStringList lines {item->text(0) + QLatin1Char(' ') + item->text(1)};
    for (int i = 0; i < item->childCount(); ++i) {
        lines.append(item->child(i)->text(0) + QStringLiteral(": ") + item->child(i)->text(1));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace Cw
