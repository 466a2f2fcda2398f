// The invoice, sales order and payment descriptors.
#include "core/connectwise/Endpoints.h"
#include "core/sync/SyncDescriptor.h"
#include "core/sync/SyncMapping.h"

namespace Cw {

using namespace SyncMapping;

namespace {

QString value(const LocalRecord& record, const char* column)
{
    return text(record.values.value(QLatin1String(column)));
}

// Sets field to the lookup of a local value (required or not); false with the skip reason when unmapped.
bool mapped(const SyncInputs& in, const LocalRecord& r, const char* column, const QString& lookup, const QString& field,
            bool required, bool asReference, PushBody* out)
{
    const QString local = value(r, column);
    if (local.isEmpty()) {
        if (required) {
            out->skipReason = SyncSettings::invalidFieldReason(QLatin1String(column), SyncSettings::tr("is empty"));
            return false;
        }
        return true;
    }
    const QString id = in.settings->lookup(lookup, local);
    if (id.isEmpty()) {
        out->skipReason = SyncSettings::unmappedReason(lookup, local);
        return false;
    }
    out->body.insert(field, asReference ? reference(id) : QJsonValue(id));
    return true;
}

bool linkedCompany(const SyncInputs& in, const LocalRecord& r, PushBody* out)
{
    const QString account = value(r, "account_id");
    const qint64 company = in.linkedRemoteId(Entity::Accounts, account);
    if (company <= 0) {
        out->skipReason = SyncSettings::missingLinkReason(Entity::Accounts, account);
        return false;
    }
    out->body.insert(QStringLiteral("company"), reference(QString::number(company)));
    return true;
}

PushBody invoiceBody(const LocalRecord& r, const SyncInputs& in)
{
    PushBody out;
    out.path = Endpoints::invoices();
    const QString number = value(r, "number");
    if (number.isEmpty() || number.size() > 15) {
        out.skipReason = SyncSettings::invalidFieldReason(QStringLiteral("number"),
                                                          SyncSettings::tr("must have 1 to 15 characters"));
        return out;
    }
    out.key = number;
    out.body.insert(QStringLiteral("invoiceNumber"), number);
    if (!mapped(in, r, "invoice_type", QStringLiteral("invoice_type"), QStringLiteral("type"), true, false, &out) ||
        !mapped(in, r, "invoice_stage", QStringLiteral("invoice_stage"), QStringLiteral("status"), false, true, &out) ||
        !mapped(in, r, "currency", QStringLiteral("currency"), QStringLiteral("currency"), false, true, &out) ||
        !linkedCompany(in, r, &out)) {
        return out;
    }
    put(&out.body, QStringLiteral("date"), date(r.values.value(QStringLiteral("date"))));
    put(&out.body, QStringLiteral("dueDate"), date(r.values.value(QStringLiteral("due_date"))));
    return out;
}

PullValues invoiceValues(const JsonRecord& c, const SyncInputs& in)
{
    PullValues out;
    const QString status = referenceId(c.value(QLatin1String("status")));
    const QString stage = in.settings->reverseLookup(QStringLiteral("invoice_stage"), status);
    if (!status.isEmpty() && stage.isEmpty()) {
        out.skipReason = SyncSettings::unmappedReason(
            QStringLiteral("invoice_stage"),
            c.value(QLatin1String("status")).toObject().value(QLatin1String("name")).toString(status));
        return out;
    }
    out.values.insert(QStringLiteral("invoice_stage"), stage.isEmpty() ? QVariant() : QVariant(stage));
    // What is still open: ConnectWise's balance (total - payments - credits), never sent back.
    const QString balance = moneyText(c.value(QLatin1String("balance")));
    out.values.insert(QStringLiteral("balance"), balance.isEmpty() ? QVariant() : QVariant(balance));
    return out;
}

PushBody orderBody(const LocalRecord& r, const SyncInputs& in)
{
    PushBody out;
    out.path = Endpoints::salesOrders();
    // The local id travels as the PO number: the key a lost create is found again by.
    if (r.id.size() > 50) {
        out.skipReason =
            SyncSettings::invalidFieldReason(QStringLiteral("id"), SyncSettings::tr("must have at most 50 characters"));
        return out;
    }
    out.key = r.id;
    out.body.insert(QStringLiteral("poNumber"), r.id);
    if (!mapped(in, r, "order_stage", QStringLiteral("order_stage"), QStringLiteral("status"), true, true, &out) ||
        !mapped(in, r, "currency", QStringLiteral("currency"), QStringLiteral("currency"), false, true, &out) ||
        !linkedCompany(in, r, &out)) {
        return out;
    }
    QString rep = in.settings->memberFor(value(r, "user_id"));
    if (rep.isEmpty()) {
        rep = in.settings->variable(QStringLiteral("sales_representative"));
    }
    if (rep.isEmpty()) {
        out.skipReason = SyncSettings::missingVariableReason(QStringLiteral("sales_representative"));
        return out;
    }
    out.body.insert(QStringLiteral("salesRep"), reference(rep));
    put(&out.body, QStringLiteral("orderDate"), date(r.values.value(QStringLiteral("date"))));
    put(&out.body, QStringLiteral("description"), value(r, "description"));
    return out;
}

PullValues orderValues(const JsonRecord& c, const SyncInputs& in)
{
    PullValues out;
    const QString status = referenceId(c.value(QLatin1String("status")));
    const QString stage = in.settings->reverseLookup(QStringLiteral("order_stage"), status);
    if (stage.isEmpty()) {
        out.skipReason = SyncSettings::unmappedReason(
            QStringLiteral("order_stage"),
            c.value(QLatin1String("status")).toObject().value(QLatin1String("name")).toString(status));
        return out;
    }
    out.values.insert(QStringLiteral("order_stage"), stage);
    return out;
}

PushBody paymentBody(const LocalRecord& r, const SyncInputs& in)
{
    PushBody out;
    const QString invoice = value(r, "invoice_id");
    const qint64 invoiceId = in.linkedRemoteId(Entity::Invoices, invoice);
    if (invoiceId <= 0) {
        out.skipReason = SyncSettings::missingLinkReason(Entity::Invoices, invoice);
        return out;
    }
    out.path = QStringLiteral("finance/invoices/%1/payments").arg(invoiceId);
    // Pre-sync selection (the BSS document): only payments made with one of the two local methods are pushed.
    const QString method = value(r, "method");
    const QString creditCard = in.settings->variable(QStringLiteral("credit_card_method_id"));
    const QString bankDeposit = in.settings->variable(QStringLiteral("bank_deposit_method_id"));
    if (method.isEmpty() || (method != creditCard && method != bankDeposit)) {
        const QString unset = SyncSettings::tr("not set");
        out.skipReason =
            SyncSettings::tr("method %1 is neither the credit-card method nor the bank-deposit method "
                             "(credit_card_method_id: %2, bank_deposit_method_id: %3); pick them with: variables NAME "
                             "--set credit_card_method_id=METHOD")
                .arg(method, creditCard.isEmpty() ? unset : creditCard, bankDeposit.isEmpty() ? unset : bankDeposit);
        return out;
    }
    // The Payment model has no payment method: the method ids only choose which payments are pushed.
    out.body.insert(QStringLiteral("invoice"), reference(QString::number(invoiceId)));
    out.body.insert(QStringLiteral("amount"), money(r.values.value(QStringLiteral("amount"))));
    put(&out.body, QStringLiteral("paymentDate"), date(r.values.value(QStringLiteral("date"))));
    return out;
}

} // namespace

SyncDescriptor SyncDescriptors::invoices()
{
    SyncDescriptor d;
    d.entity = Entity::Invoices;
    d.remoteName = QStringLiteral("invoice");
    d.path = Endpoints::invoices();
    d.keyField = QStringLiteral("invoiceNumber");
    d.lookups = {QStringLiteral("invoice_type"), QStringLiteral("invoice_stage"), QStringLiteral("currency")};
    d.updatableFields = {QStringLiteral("type"), QStringLiteral("status"), QStringLiteral("currency"),
                         QStringLiteral("date"), QStringLiteral("dueDate")};
    d.pullFields = {QStringLiteral("id"),        QStringLiteral("invoiceNumber"),
                    QStringLiteral("status/id"), QStringLiteral("status/name"),
                    QStringLiteral("balance"),   QStringLiteral("_info/lastUpdated")};
    d.totalFields = {QStringLiteral("id"), QStringLiteral("total"), QStringLiteral("balance"),
                     QStringLiteral("_info/lastUpdated")};
    d.toRemote = invoiceBody;
    d.fromRemote = invoiceValues;
    return d;
}

SyncDescriptor SyncDescriptors::orders()
{
    SyncDescriptor d;
    d.entity = Entity::Orders;
    d.remoteName = QStringLiteral("sales order");
    d.path = Endpoints::salesOrders();
    d.keyField = QStringLiteral("poNumber");
    d.variables = {QStringLiteral("sales_representative")};
    d.lookups = {QStringLiteral("order_stage"), QStringLiteral("currency")};
    d.updatableFields = {QStringLiteral("status"), QStringLiteral("currency"), QStringLiteral("orderDate"),
                         QStringLiteral("description"), QStringLiteral("salesRep")};
    d.pullFields = {QStringLiteral("id"), QStringLiteral("poNumber"), QStringLiteral("status/id"),
                    QStringLiteral("status/name"), QStringLiteral("_info/lastUpdated")};
    d.totalFields = {QStringLiteral("id"), QStringLiteral("total"), QStringLiteral("_info/lastUpdated")};
    d.toRemote = orderBody;
    d.fromRemote = orderValues;
    return d;
}

SyncDescriptor SyncDescriptors::payments()
{
    SyncDescriptor d;
    d.entity = Entity::Payments;
    d.remoteName = QStringLiteral("invoice payment");
    d.path = Endpoints::invoices();
    d.parentEntity = Entity::Invoices;
    d.variables = {QStringLiteral("credit_card_method_id"), QStringLiteral("bank_deposit_method_id")};
    d.toRemote = paymentBody;
    return d;
}

} // namespace Cw
