#pragma once

#include "app/sim/WriteHooks.h"

#include <QHash>
#include <QSet>

namespace Sim {

class Dataset;

// Keeps invoices and sales orders in step with their product items (procurement/products) and their payments
// (finance/invoices/{id}/payments), the way ConnectWise computes them:
// - an invoice's productTotal is the sum of quantity x price over its product items, leaving out the lines whose
//   billableOption is DoNotBill or NoCharge; subtotal = serviceTotal + expenseTotal + productTotal,
//   total = subtotal + salesTax; payments is the sum of its payments; balance = total - payments - credits;
// - a sales order's subTotal is the same sum over its lines, total = subTotal + taxTotal, productIds its lines.
// The totals belong to the server: a POST starts them at 0, a PUT or PATCH keeps them. Seeded invoices and orders
// have no product items and keep their seeded totals until one of their lines changes (then the line sums replace
// productTotal / subTotal) or one of their payments changes (then payments is recomputed). Whenever totals change,
// the record's _info/lastUpdated does too. A product item must reference an existing catalog item and an existing
// invoice or sales order; a payment may not be larger than its invoice's open balance.
// The product items and payments of each invoice and order are indexed (built on first use, kept up to date by
// written()), so a write recomputes its parent from that parent's own records, not from every record.
class Ledger final : public WriteHooks
{
public:
    explicit Ledger(Dataset& dataset) : m_dataset(dataset) { }
    // The dataset was generated again: the index is built again on next use.
    void forget();

    std::vector<FieldError> prepare(const CollectionSpec& spec, QJsonObject* record,
                                    const QJsonObject& previous) override;
    void written(const CollectionSpec& spec, const QJsonObject& record, const QJsonObject& previous) override;

private:
    std::vector<FieldError> prepareProduct(const CollectionSpec& spec, QJsonObject* record);
    std::vector<FieldError> preparePayment(const CollectionSpec& spec, QJsonObject* record,
                                           const QJsonObject& previous);
    void recomputeInvoice(qint64 invoiceId, bool lines, bool payments);
    void recomputeOrder(qint64 orderId);
    // The children of each parent: product items by invoice and by sales order, payments by invoice.
    struct Children
    {
        QHash<qint64, QSet<qint64>> byParent;
        bool built = false;
    };
    Children& linesOf(const QString& parentField); // "invoice" or "salesOrder"
    Children& paymentsOf();
    static void build(Children* children, const Collection& collection, const QString& parentField);
    static void move(Children* children, const QString& parentField, const QJsonObject& record,
                     const QJsonObject& previous);
    double lineTotal(const QString& parentField, qint64 parentId, QJsonArray* ids = nullptr);

    Dataset& m_dataset;
    Children m_invoiceLines;
    Children m_orderLines;
    Children m_payments;
};

} // namespace Sim
