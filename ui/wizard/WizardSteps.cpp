#include "ui/wizard/WizardSteps.h"

#include <QScrollBar>
#include <QStyle>
#include <QTimer>

namespace Cw {

QStringList WizardSteps::all()
{
    return {
        tr("1. Start: prerequisites (API member, security role, keys)"),
        tr("2. The connector window"),
        tr("3. Its list of connectors"),
        tr("4. New connector: a unique name"),
        tr("5. Deployment: cloud region, on-premise, staging"),
        tr("6. Save as draft"),
        tr("7. Company ID, looked up live"),
        tr("8. Where to find the public key"),
        tr("9. Paste the public key"),
        tr("10. The private key is shown once"),
        tr("11. Paste the private key"),
        tr("12. Site: region or your own host"),
        tr("13. Endpoint (API URL), discovered"),
        tr("14. Save: keychain and database"),
        tr("15. The connector's overview"),
        tr("16. Systems check and members"),
    };
}

QList<int> WizardSteps::stepsOf(int pageId)
{
    switch (pageId) {
    case Welcome:
        return {1, 2, 3};
    case Connector:
        return {4, 5, 6, 7};
    case Keys:
        return {8, 9, 10, 11};
    case Endpoint:
        return {12, 13};
    case Save:
        return {14, 15};
    case Check:
        return {16};
    default:
        return {};
    }
}

StepList::StepList(QWidget* parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("stepList"));
    setAccessibleName(tr("Setup steps"));
    setFocusPolicy(Qt::NoFocus);
    setProperty("displayOnly", true); // shows progress; not a control to Tab to (tests/ui/WindowChecks.h)
    setSelectionMode(QAbstractItemView::MultiSelection);
    setWordWrap(true);
    setTextElideMode(Qt::ElideNone);
    setResizeMode(QListView::Adjust);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    addItems(WizardSteps::all());
    setMinimumWidth(150);
    setMaximumWidth(230);
    setMinimumHeight(80);
}

void StepList::addPageStep(int pageId, const QString& title)
{
    if (m_pageRows.isEmpty()) {
        auto* heading = new QListWidgetItem(tr("After step 16"), this);
        heading->setFlags(Qt::ItemIsEnabled); // a heading: never selected
        QFont f = heading->font();
        f.setItalic(true);
        heading->setFont(f);
    }
    addItem(title);
    m_pageRows.insert(pageId, count());
    keepCurrentVisible();
}

void StepList::showPage(int pageId)
{
    const QList<int> steps =
        m_pageRows.contains(pageId) ? QList<int> {m_pageRows.value(pageId)} : WizardSteps::stepsOf(pageId);
    if (steps.isEmpty() && pageId < FirstExtra) {
        return;
    }
    m_current = steps;
    clearSelection();
    for (int i = 0; i < count(); ++i) {
        QFont f = item(i)->font();
        const bool current = steps.contains(i + 1);
        f.setBold(current);
        item(i)->setFont(f);
        item(i)->setSelected(current);
    }
    keepCurrentVisible();
}

void StepList::keepCurrentVisible()
{
    if (m_current.isEmpty()) {
        return;
    }
    // After the pending relayout of the wrapped items; the first step wins when the range is taller than the view.
    QTimer::singleShot(0, this, [this] {
        if (m_current.isEmpty()) {
            return;
        }
        fitItemHeights();
        doItemsLayout();
        scrollToItem(item(m_current.last() - 1), QAbstractItemView::EnsureVisible);
        scrollToItem(item(m_current.first() - 1), QAbstractItemView::EnsureVisible);
    });
}

void StepList::fitItemHeights()
{
    // Each step as tall as its text wrapped in bold at the list's width, current or not: QListView's layout keeps
    // the height an item had before it turned bold, which left the last step below the scroll range, and a step
    // list whose lines jump when the page changes reads badly anyway.
    const int margin = style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1;
    const int width = viewport()->width() - 2 * margin;
    if (width <= 0) {
        return;
    }
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    for (int i = 0; i < count(); ++i) {
        const QRect text = metrics.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, item(i)->text());
        item(i)->setSizeHint(QSize(viewport()->width(), text.height() + 2));
    }
}

bool StepList::currentStepsVisible() const
{
    const QRect view = viewport()->rect();
    for (const int step : m_current) {
        const QRect rect = visualItemRect(item(step - 1));
        if (rect.top() < view.top() || rect.bottom() > view.bottom()) {
            return false;
        }
    }
    return true;
}

void StepList::resizeEvent(QResizeEvent* event)
{
    QListWidget::resizeEvent(event);
    keepCurrentVisible();
}

void StepList::showEvent(QShowEvent* event)
{
    QListWidget::showEvent(event);
    keepCurrentVisible();
}

} // namespace Cw
