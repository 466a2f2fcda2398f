#pragma once

#include "core/check/CheckResult.h"

#include <QTreeWidget>

namespace Cw {

// The systems check as rows, one per layer: a status icon (QStyle standard icons), the layer and its
// one-line summary; a row that did not pass expands to the diagnosis, the fix and the technical details.
// Used by the wizard's check page and by the connector window's Check dialog.
class CheckResultsView final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckResultsView)

public:
    explicit CheckResultsView(QWidget* parent = nullptr);

    void clearResults();
    void setResults(const QList<CheckResult>& results);
    void updateResult(const CheckResult& result); // adds the row or replaces the row with the same id

    // For tests and accessibility: what a row shows.
    int rowCount() const { return topLevelItemCount(); }
    bool hasRow(const QString& id) const { return findRow(id) != nullptr; }
    CheckResult::Status rowStatus(const QString& id) const;
    QString rowText(const QString& id) const; // every line of the row and its details

    static QString statusText(CheckResult::Status status); // translated

signals:
    // The whole text of the selected layer (title, result, problem, fix, details), for a label beside the
    // rows: long fixes do not fit a row.
    void selectedTextChanged(const QString& text);

private:
    QTreeWidgetItem* findRow(const QString& id) const;
    void fill(QTreeWidgetItem* item, const CheckResult& result);
};

} // namespace Cw
