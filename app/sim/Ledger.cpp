#include "app/sim/Ledger.h"

#include "app/sim/Dataset.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

namespace Sim {

namespace {

const QString kInvoices = QStringLiteral("finance/invoices");
const QString kOrders = QStringLiteral("sales/orders");
const QString kProducts = QStringLiteral("procurement/products");
const QString kCatalog = QStringLiteral("procurement/catalog");
const QString kInvoice = QStringLiteral("invoice");
const QString kSalesOrder = QStringLiteral("salesOrder");
const QStringList kInvoiceTotals = {
    QStringLiteral("serviceTotal"), QStringLiteral("expenseTotal"), QStringLiteral("productTotal"),
    QStringLiteral("subtotal"),     QStringLiteral("salesTax"),     QStringLiteral("total"),
    QStringLiteral("payments"),     QStringLiteral("credits"),      QStringLiteral("balance")};
const QStringList kOrderTotals = {QStringLiteral("subTotal"), QStringLiteral("taxTotal"), QStringLiteral("total"),
                                  QStringLiteral("productIds")};

double cents(double value)
{
    return static_cast<double>(qRound64(value * 100.0)) / 100.0;
}

qint64 idOf(const QJsonValue& reference)
{
    return reference.toObject().value(QLatin1String("id")).toInteger();
}

// The server-owned members: zero on a POST, the stored ones on a PUT or PATCH.
void keepOwned(QJsonObject* record, const QJsonObject& previous, const QStringList& members)
{
    for (const QString& member : members) {
        const bool list = member == QLatin1String("productIds");
        record->insert(
            member, previous.isEmpty() ? (list ? QJsonValue(QJsonArray()) : QJsonValue(0.0)) : previous.value(member));
    }
}

FieldError notFound(const CollectionSpec& spec, const QString& what, qint64 id, const QString& field)
{
    return FieldError {QStringLiteral("NotFound"), QStringLiteral("%1 %2 was not found.").arg(what).arg(id),
                       spec.resource, field};
}

// Writes record back with a new _info/lastUpdated, when it differs from what is stored.
void rewrite(Collection& collection, const QJsonObject& before, QJsonObject after)
{
    if (after == before) {
        return;
    }
    QJsonObject info = after.value(QLatin1String("_info")).toObject();
    info.insert(QStringLiteral("lastUpdated"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    info.insert(QStringLiteral("updatedBy"), QStringLiteral("APIIntegration"));
    after.insert(QStringLiteral("_info"), info);
    collection.replace(after.value(QLatin1String("id")).toInteger(), after);
}

} // namespace

std::vector<FieldError> Ledger::prepare(const CollectionSpec& spec, QJsonObject* record, const QJsonObject& previous)
{
    if (spec.path == kInvoices) {
        keepOwned(record, previous, kInvoiceTotals);
    } else if (spec.path == kOrders) {
        keepOwned(record, previous, kOrderTotals);
    } else if (spec.path == kProducts) {
        return prepareProduct(spec, record);
    } else if (&spec == &m_dataset.payments().spec()) {
        return preparePayment(spec, record, previous);
    }
    return {};
}

std::vector<FieldError> Ledger::prepareProduct(const CollectionSpec& spec, QJsonObject* record)
{
    std::vector<FieldError> errors;
    const qint64 catalogId = idOf(record->value(QLatin1String("catalogItem")));
    const Record* catalog = m_dataset.collection(kCatalog)->find(catalogId);
    if (!catalog) {
        errors.push_back(notFound(spec, QStringLiteral("Catalog item"), catalogId, QStringLiteral("catalogItem/id")));
    }
    const bool onInvoice = record->contains(kInvoice) && !record->value(kInvoice).isNull();
    const bool onOrder = record->contains(kSalesOrder) && !record->value(kSalesOrder).isNull();
    if (onInvoice == onOrder) {
        errors.push_back(FieldError {
            onInvoice ? QStringLiteral("InvalidField") : QStringLiteral("MissingRequiredField"),
            QStringLiteral("A product item belongs to one invoice or one sales order."), spec.resource, kInvoice});
        return errors;
    }
    const QString parentField = onInvoice ? kInvoice : kSalesOrder;
    const qint64 parentId = idOf(record->value(parentField));
    const Record* parent = m_dataset.collection(onInvoice ? kInvoices : kOrders)->find(parentId);
    if (!parent) {
        errors.push_back(notFound(spec, onInvoice ? QStringLiteral("Invoice") : QStringLiteral("Sales order"), parentId,
                                  parentField + QStringLiteral("/id")));
    }
    if (!errors.empty()) {
        return errors;
    }
    const QJsonObject item = catalog->object();
    const QJsonObject owner = parent->object();
    record->insert(QStringLiteral("catalogItem"),
                   QJsonObject {{QStringLiteral("id"), catalogId},
                                {QStringLiteral("identifier"), item.value(QLatin1String("identifier"))}});
    if (onInvoice) {
        record->insert(kInvoice,
                       QJsonObject {{QStringLiteral("id"), parentId},
                                    {QStringLiteral("identifier"), owner.value(QLatin1String("invoiceNumber"))},
                                    {QStringLiteral("billingType"), owner.value(QLatin1String("type"))},
                                    {QStringLiteral("applyToType"), owner.value(QLatin1String("applyToType"))}});
    } else {
        record->insert(
            kSalesOrder,
            QJsonObject {{QStringLiteral("id"), parentId}, {QStringLiteral("identifier"), QString::number(parentId)}});
    }
    record->insert(QStringLiteral("company"), owner.value(QLatin1String("company")));
    // What the line does not say comes from the catalog item, as in ConnectWise.
    for (const char* member : {"description", "customerDescription", "price", "cost", "productClass", "taxableFlag"}) {
        const QString key = QLatin1String(member);
        if (!record->contains(key) || record->value(key).isNull()) {
            record->insert(key, item.value(key));
        }
    }
    if (!record->contains(QLatin1String("quantity")) || record->value(QLatin1String("quantity")).isNull()) {
        record->insert(QStringLiteral("quantity"), 1.0);
    }
    return errors;
}

std::vector<FieldError> Ledger::preparePayment(const CollectionSpec& spec, QJsonObject* record,
                                               const QJsonObject& previous)
{
    const double amount = record->value(QLatin1String("amount")).toVariant().toDouble();
    if (amount <= 0) {
        return {FieldError {QStringLiteral("InvalidField"), QStringLiteral("The payment amount must be more than 0."),
                            spec.resource, QStringLiteral("amount")}};
    }
    const qint64 invoiceId = idOf(record->value(kInvoice));
    const Record* invoice = m_dataset.collection(kInvoices)->find(invoiceId);
    if (!invoice) {
        return {notFound(spec, QStringLiteral("Invoice"), invoiceId, QStringLiteral("invoice/id"))};
    }
    const double open = invoice->value({QStringLiteral("balance")}).toDouble() +
        previous.value(QLatin1String("amount")).toVariant().toDouble();
    if (amount > open + 0.005) {
        return {FieldError {QStringLiteral("InvalidField"),
                            QStringLiteral("The payment amount %1 is more than the invoice's open balance of %2.")
                                .arg(amount, 0, 'f', 2)
                                .arg(open, 0, 'f', 2),
                            spec.resource, QStringLiteral("amount")}};
    }
    if (!record->contains(QLatin1String("paymentDate"))) {
        record->insert(QStringLiteral("paymentDate"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    }
    if (!record->contains(QLatin1String("type"))) {
        record->insert(QStringLiteral("type"), QStringLiteral("Payment"));
    }
    record->insert(QStringLiteral("appliedBy"), QStringLiteral("APIIntegration"));
    return {};
}

void Ledger::forget()
{
    m_invoiceLines = Children();
    m_orderLines = Children();
    m_payments = Children();
}

void Ledger::build(Children* children, const Collection& collection, const QString& parentField)
{
    for (const Record& record : collection.records()) {
        if (const qint64 parent = record.value({parentField, QStringLiteral("id")}).toInteger()) {
            children->byParent[parent].insert(record.id);
        }
    }
    children->built = true;
}

Ledger::Children& Ledger::linesOf(const QString& parentField)
{
    Children& children = parentField == kInvoice ? m_invoiceLines : m_orderLines;
    if (!children.built) {
        build(&children, *m_dataset.collection(kProducts), parentField);
    }
    return children;
}

Ledger::Children& Ledger::paymentsOf()
{
    if (!m_payments.built) {
        build(&m_payments, m_dataset.payments(), kInvoice);
    }
    return m_payments;
}

// A written record leaves its previous parent and joins its new one (an index not built yet is built from the
// collection, which already holds the write, when it is first needed).
void Ledger::move(Children* children, const QString& parentField, const QJsonObject& record,
                  const QJsonObject& previous)
{
    if (!children->built) {
        return;
    }
    const qint64 id = (record.isEmpty() ? previous : record).value(QLatin1String("id")).toInteger();
    if (const qint64 before = idOf(previous.value(parentField))) {
        children->byParent[before].remove(id);
    }
    if (const qint64 after = idOf(record.value(parentField))) {
        children->byParent[after].insert(id);
    }
}

void Ledger::written(const CollectionSpec& spec, const QJsonObject& record, const QJsonObject& previous)
{
    if (spec.path == kProducts) {
        move(&m_invoiceLines, kInvoice, record, previous);
        move(&m_orderLines, kSalesOrder, record, previous);
        for (const QJsonObject& line : {previous, record}) {
            if (const qint64 invoice = idOf(line.value(kInvoice))) {
                recomputeInvoice(invoice, true, false);
            }
            if (const qint64 order = idOf(line.value(kSalesOrder))) {
                recomputeOrder(order);
            }
        }
    } else if (&spec == &m_dataset.payments().spec()) {
        move(&m_payments, kInvoice, record, previous);
        recomputeInvoice(idOf((record.isEmpty() ? previous : record).value(kInvoice)), false, true);
    }
}

// Sum of quantity x price over the billable lines of one parent ("invoice"/"salesOrder" id); their ids in *ids.
double Ledger::lineTotal(const QString& parentField, qint64 parentId, QJsonArray* ids)
{
    const Collection& products = *m_dataset.collection(kProducts);
    QList<qint64> lineIds = linesOf(parentField).byParent.value(parentId).values();
    std::sort(lineIds.begin(), lineIds.end());
    double sum = 0;
    for (const qint64 lineId : lineIds) {
        const Record* found = products.find(lineId);
        if (!found) {
            continue;
        }
        const Record& line = *found;
        if (ids) {
            ids->append(line.id);
        }
        const QString billable = line.value({QStringLiteral("billableOption")}).toString();
        if (billable == QLatin1String("DoNotBill") || billable == QLatin1String("NoCharge")) {
            continue;
        }
        sum += cents(line.value({QStringLiteral("quantity")}).toDouble() *
                     line.value({QStringLiteral("price")}).toDouble());
    }
    return cents(sum);
}

void Ledger::recomputeInvoice(qint64 invoiceId, bool lines, bool payments)
{
    Collection& invoices = *m_dataset.collection(kInvoices);
    const Record* stored = invoices.find(invoiceId);
    if (!stored) {
        return;
    }
    const QJsonObject before = stored->object();
    QJsonObject after = before;
    auto number = [&after](const char* member) { return after.value(QLatin1String(member)).toDouble(); };
    if (lines) {
        const double product = lineTotal(kInvoice, invoiceId);
        after.insert(QStringLiteral("productTotal"), product);
        after.insert(QStringLiteral("subtotal"), cents(number("serviceTotal") + number("expenseTotal") + product));
        after.insert(QStringLiteral("total"), cents(number("subtotal") + number("salesTax")));
    }
    if (payments) {
        double paid = 0;
        for (const qint64 paymentId : paymentsOf().byParent.value(invoiceId)) {
            if (const Record* payment = m_dataset.payments().find(paymentId)) {
                paid += payment->value({QStringLiteral("amount")}).toDouble();
            }
        }
        after.insert(QStringLiteral("payments"), cents(paid));
    }
    after.insert(QStringLiteral("balance"), cents(number("total") - number("payments") - number("credits")));
    rewrite(invoices, before, after);
}

void Ledger::recomputeOrder(qint64 orderId)
{
    Collection& orders = *m_dataset.collection(kOrders);
    const Record* stored = orders.find(orderId);
    if (!stored) {
        return;
    }
    const QJsonObject before = stored->object();
    QJsonObject after = before;
    QJsonArray ids;
    const double subTotal = lineTotal(kSalesOrder, orderId, &ids);
    after.insert(QStringLiteral("subTotal"), subTotal);
    after.insert(QStringLiteral("total"), cents(subTotal + after.value(QLatin1String("taxTotal")).toDouble()));
    after.insert(QStringLiteral("productIds"), ids);
    rewrite(orders, before, after);
}

} // namespace Sim
