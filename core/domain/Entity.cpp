#include "core/domain/Entity.h"

namespace Cw {

template <>
const NameTable<Entity>& nameTable<Entity>()
{
    static const NameTable<Entity> table {
        {Entity::Accounts, "accounts"},          {Entity::Products, "products"}, {Entity::Invoices, "invoices"},
        {Entity::InvoiceLines, "invoice_lines"}, {Entity::Orders, "orders"},     {Entity::OrderLines, "order_lines"},
        {Entity::Payments, "payments"},          {Entity::Users, "users"},
    };
    return table;
}

} // namespace Cw
