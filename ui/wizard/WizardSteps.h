#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QListWidget>
#include <QStringList>

namespace Cw {

// The wizard's pages, in order. Pages appended by other modules (user mapping, server variables, sync
// options, lookups) get ids from FirstExtra on, before the summary.
enum PageId : int {
    Welcome = 1,
    Connector = 2,
    Keys = 3,
    Endpoint = 4,
    Save = 5,
    Check = 6,
    FirstExtra = 100,
    Summary = 1000
};

// The 16 steps of the vendor walkthrough and which of them each page covers (PRODUCT.md's table).
class WizardSteps final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::WizardSteps)

public:
    static QStringList all(); // 16 translated lines: "4. New connector: a unique instance name"
    static QList<int> stepsOf(int pageId); // 1-based step numbers
};

// The step list beside the pages: all 16 steps, then the pages after step 16 (local data, user mapping, …, the
// summary) under a heading of their own; the current page's rows highlighted and selected, and kept in view (also
// after the list is laid out or resized: wrapped items change height with the width).
class StepList final : public QListWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepList)

public:
    explicit StepList(QWidget* parent = nullptr);
    // A page after step 16, listed under "After step 16" in the order added.
    void addPageStep(int pageId, const QString& title);
    void showPage(int pageId);
    // The current page's rows, 1-based: steps 1–16, then the heading and the pages added.
    QList<int> currentSteps() const { return m_current; }
    // Whether every current step is inside the visible part of the list.
    bool currentStepsVisible() const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void keepCurrentVisible();
    void fitItemHeights();

    QList<int> m_current;
    QHash<int, int> m_pageRows; // pages after step 16: their 1-based row
};

} // namespace Cw
