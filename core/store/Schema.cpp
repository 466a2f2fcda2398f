#include "core/store/Schema.h"

namespace Cw::Schema {

namespace {

// Migration 1: connectors and their settings, and the local system's records. Documented in docs/database.md.
Migration migration1()
{
    Migration m;
    m.version = 1;
    m.description = QStringLiteral("connectors, their settings and the local system's records");
    m.statements = QStringList {
        // Connector instances. name_key is the trimmed, case-folded name: UNIQUE makes names unique without
        // regard to case. Times are UTC milliseconds since 1970 (BIGINT); booleans are INTEGER 0/1.
        QStringLiteral("CREATE TABLE instances ("
                       " id {auto_id},"
                       " name TEXT NOT NULL,"
                       " name_key TEXT NOT NULL UNIQUE,"
                       " deployment TEXT NOT NULL,"
                       " site TEXT NOT NULL DEFAULT '',"
                       " company_id TEXT NOT NULL,"
                       " client_id TEXT NOT NULL DEFAULT '',"
                       " codebase_override TEXT NOT NULL DEFAULT '',"
                       " ca_file TEXT NOT NULL DEFAULT '',"
                       " proxy_mode TEXT NOT NULL DEFAULT 'system' CHECK (proxy_mode IN ('system', 'none', 'manual')),"
                       " proxy_host TEXT NOT NULL DEFAULT '',"
                       " proxy_port INTEGER NOT NULL DEFAULT 0 CHECK (proxy_port BETWEEN 0 AND 65535),"
                       " state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'ready')),"
                       " created_at BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL,"
                       " last_check_at BIGINT,"
                       " last_check_passed INTEGER CHECK (last_check_passed IN (0, 1)),"
                       " last_sync_at BIGINT)"),
        QStringLiteral("CREATE TABLE server_variables ("
                       " instance_id BIGINT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,"
                       " variable TEXT NOT NULL,"
                       " remote_id TEXT NOT NULL,"
                       " remote_name TEXT NOT NULL DEFAULT '',"
                       " PRIMARY KEY (instance_id, variable))"),
        QStringLiteral("CREATE TABLE sync_options ("
                       " instance_id BIGINT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,"
                       " entity TEXT NOT NULL,"
                       " operation TEXT NOT NULL,"
                       " enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),"
                       " PRIMARY KEY (instance_id, entity, operation))"),
        QStringLiteral("CREATE TABLE lookups ("
                       " instance_id BIGINT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,"
                       " lookup TEXT NOT NULL,"
                       " local_value TEXT NOT NULL,"
                       " remote_id TEXT NOT NULL,"
                       " remote_name TEXT NOT NULL DEFAULT '',"
                       " PRIMARY KEY (instance_id, lookup, local_value))"),
        QStringLiteral("CREATE TABLE user_mappings ("
                       " instance_id BIGINT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,"
                       " local_user_id TEXT NOT NULL,"
                       " member_id TEXT NOT NULL,"
                       " member_identifier TEXT NOT NULL DEFAULT '',"
                       " match_by TEXT NOT NULL DEFAULT 'manual'"
                       "  CHECK (match_by IN ('email', 'name', 'identifier', 'manual')),"
                       " confidence INTEGER NOT NULL DEFAULT 100 CHECK (confidence BETWEEN 0 AND 100),"
                       " confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),"
                       " PRIMARY KEY (instance_id, local_user_id))"),
        // The local system's records: shared by every connector, fed by CSV import or by other programs.
        // Columns are the CSV columns; id is the local system's own id. Money is NUMERIC(18,4); dates are
        // ISO-8601 text (YYYY-MM-DD). References between them are not enforced: the sync skips a record
        // whose account or invoice is missing, with a reason, so that imports can arrive in any order.
        QStringLiteral("CREATE TABLE accounts ("
                       " id TEXT NOT NULL PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " account_type TEXT, currency TEXT, phone TEXT, website TEXT, address_line1 TEXT,"
                       " city TEXT, state TEXT, zip TEXT, country TEXT)"),
        QStringLiteral("CREATE TABLE products ("
                       " id TEXT NOT NULL PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " description TEXT, product_type TEXT, unit_type TEXT,"
                       " price NUMERIC(18, 4), cost NUMERIC(18, 4))"),
        QStringLiteral("CREATE TABLE invoices ("
                       " id TEXT NOT NULL PRIMARY KEY,"
                       " number TEXT NOT NULL,"
                       " account_id TEXT NOT NULL,"
                       " invoice_stage TEXT, invoice_type TEXT, currency TEXT,"
                       " date TEXT, due_date TEXT, total NUMERIC(18, 4))"),
        QStringLiteral("CREATE TABLE orders ("
                       " id TEXT NOT NULL PRIMARY KEY,"
                       " account_id TEXT NOT NULL,"
                       " order_stage TEXT, currency TEXT, date TEXT, total NUMERIC(18, 4), description TEXT)"),
        QStringLiteral("CREATE TABLE payments ("
                       " id TEXT NOT NULL PRIMARY KEY,"
                       " invoice_id TEXT NOT NULL,"
                       " method TEXT NOT NULL CHECK (method IN ('credit_card', 'bank_deposit')),"
                       " amount NUMERIC(18, 4) NOT NULL,"
                       " date TEXT)"),
        QStringLiteral("CREATE TABLE users ("
                       " id TEXT NOT NULL PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " email TEXT)"),
        QStringLiteral("CREATE INDEX invoices_account ON invoices (account_id)"),
        QStringLiteral("CREATE INDEX orders_account ON orders (account_id)"),
        QStringLiteral("CREATE INDEX payments_invoice ON payments (invoice_id)"),
        // The local value lists, one table: list is account_type, currency, invoice_stage, invoice_type,
        // product_type, unit_type or order_stage (the lookup names).
        QStringLiteral("CREATE TABLE value_lists ("
                       " list TEXT NOT NULL,"
                       " value TEXT NOT NULL,"
                       " PRIMARY KEY (list, value))"),
    };
    return m;
}

// Migration 2: the sync engine's link table, its per-entity pull state and the sync history. Documented in
// docs/database.md.
Migration migration2()
{
    Migration m;
    m.version = 2;
    m.description = QStringLiteral("sync links, pull state and sync history");
    m.statements = QStringList {
        // One row per local record known to ConnectWise. remote_id is NULL while a create is in flight (the
        // row is written before the POST): a rerun then looks the record up by its key before creating again.
        QStringLiteral("CREATE TABLE sync_links ("
                       " instance_id BIGINT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,"
                       " entity TEXT NOT NULL,"
                       " local_id TEXT NOT NULL,"
                       " remote_id BIGINT,"
                       " remote_ref TEXT NOT NULL DEFAULT '',"
                       " pushed_hash TEXT NOT NULL DEFAULT '',"
                       " pushed_body TEXT NOT NULL DEFAULT '',"
                       " updated_at BIGINT NOT NULL,"
                       " PRIMARY KEY (instance_id, entity, local_id))"),
        QStringLiteral("CREATE UNIQUE INDEX sync_links_remote ON sync_links (instance_id, entity, remote_id)"),
        // Incremental pulls: the high-water mark (UTC ms of the newest lastUpdated pulled completely), and
        // while a pull is under way, its since-mark, the last id committed and the newest lastUpdated so far.
        QStringLiteral("CREATE TABLE sync_state ("
                       " instance_id BIGINT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,"
                       " entity TEXT NOT NULL,"
                       " high_water BIGINT,"
                       " run_since BIGINT,"
                       " resume_after_id BIGINT,"
                       " pending_high BIGINT,"
                       " PRIMARY KEY (instance_id, entity))"),
        QStringLiteral("CREATE TABLE sync_runs ("
                       " id {auto_id},"
                       " instance_id BIGINT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,"
                       " started_at BIGINT NOT NULL,"
                       " finished_at BIGINT,"
                       " direction TEXT NOT NULL CHECK (direction IN ('pull', 'push', 'both')),"
                       " dry_run INTEGER NOT NULL DEFAULT 0 CHECK (dry_run IN (0, 1)),"
                       " entities TEXT NOT NULL DEFAULT '',"
                       " created INTEGER NOT NULL DEFAULT 0,"
                       " updated INTEGER NOT NULL DEFAULT 0,"
                       " unchanged INTEGER NOT NULL DEFAULT 0,"
                       " skipped INTEGER NOT NULL DEFAULT 0,"
                       " failed INTEGER NOT NULL DEFAULT 0,"
                       " status TEXT NOT NULL DEFAULT 'running'"
                       "  CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted')),"
                       " message TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TABLE sync_outcomes ("
                       " run_id BIGINT NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,"
                       " direction TEXT NOT NULL,"
                       " entity TEXT NOT NULL,"
                       " local_id TEXT NOT NULL DEFAULT '',"
                       " remote_id BIGINT,"
                       " action TEXT NOT NULL CHECK (action IN ('created', 'updated', 'skipped', 'failed')),"
                       " reason TEXT)"),
        QStringLiteral("CREATE INDEX sync_outcomes_run ON sync_outcomes (run_id)"),
    };
    return m;
}

Migration migration3()
{
    Migration m;
    m.version = 3;
    m.description = QStringLiteral("sync outcomes without an IN-list check; pulled values on links; order owner");
    // SQLite evaluates a CHECK (x IN ('a', 'b', ...)) by building an ephemeral table on every insert: a third
    // of the cost of writing an outcome row, and a pull writes one per record. The same rule as comparisons.
    m.statements = QStringList {
        QStringLiteral("CREATE TABLE sync_outcomes_v3 ("
                       " run_id BIGINT NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,"
                       " direction TEXT NOT NULL,"
                       " entity TEXT NOT NULL,"
                       " local_id TEXT NOT NULL DEFAULT '',"
                       " remote_id BIGINT,"
                       " action TEXT NOT NULL CHECK (action = 'created' OR action = 'updated' OR action = 'skipped'"
                       "  OR action = 'failed'),"
                       " reason TEXT)"),
        QStringLiteral("INSERT INTO sync_outcomes_v3 (run_id, direction, entity, local_id, remote_id, action, reason)"
                       " SELECT run_id, direction, entity, local_id, remote_id, action, reason FROM sync_outcomes"),
        QStringLiteral("DROP TABLE sync_outcomes"),
        QStringLiteral("ALTER TABLE sync_outcomes_v3 RENAME TO sync_outcomes"),
        QStringLiteral("CREATE INDEX sync_outcomes_run ON sync_outcomes (run_id)"),
        // A pull records the local values it wrote (a few hundred bytes) instead of computing, serialising
        // and hashing the body a push would send for every pulled record; see core/sync/SyncSnapshot.h.
        QStringLiteral("ALTER TABLE sync_links ADD COLUMN pulled_values TEXT NOT NULL DEFAULT ''"),
        // The local user who owns an order (users.id): the user mapping gives the order's sales rep.
        QStringLiteral("ALTER TABLE orders ADD COLUMN user_id TEXT"),
    };
    return m;
}

// Migration 4: one sync of a connector at a time. The row of a connector is its sync lease (core/sync/SyncLease):
// taken in a write transaction, renewed by the holder's heartbeat, deleted at the end of the run. Times are the
// database's clock (UTC ms), so that desktops sharing a PostgreSQL server compare heartbeats on one clock.
Migration syncLeases()
{
    Migration m;
    m.version = 4;
    m.description = QStringLiteral("sync leases: one sync of a connector at a time");
    m.statements = QStringList {
        QStringLiteral("CREATE TABLE sync_leases ("
                       " instance_id BIGINT NOT NULL PRIMARY KEY REFERENCES instances (id) ON DELETE CASCADE,"
                       " holder_id TEXT NOT NULL,"
                       " host TEXT NOT NULL,"
                       " process_id BIGINT NOT NULL,"
                       " program TEXT NOT NULL,"
                       " started_at BIGINT NOT NULL,"
                       " heartbeat_at BIGINT NOT NULL)"),
    };
    return m;
}

// Invoice and order lines, the invoice balance, payment methods as local ids, the country value list. Self-contained
// (another branch may renumber it): it reads nothing but the tables of migrations 1 to 3.
Migration migrationLines()
{
    Migration m;
    m.version = 5;
    m.description = QStringLiteral("invoice and order lines; invoice balance; payment methods are local ids");
    m.statements = QStringList {
        // The lines of invoices and orders (pushed as ConnectWise product items with their invoice or order).
        // Like the other local references, invoice_id / order_id / product_id are indexed, not enforced.
        QStringLiteral("CREATE TABLE invoice_lines ("
                       " id TEXT NOT NULL PRIMARY KEY,"
                       " invoice_id TEXT NOT NULL,"
                       " product_id TEXT NOT NULL,"
                       " description TEXT,"
                       " quantity NUMERIC(18, 4) NOT NULL,"
                       " price NUMERIC(18, 4))"),
        QStringLiteral("CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id)"),
        QStringLiteral("CREATE TABLE order_lines ("
                       " id TEXT NOT NULL PRIMARY KEY,"
                       " order_id TEXT NOT NULL,"
                       " product_id TEXT NOT NULL,"
                       " description TEXT,"
                       " quantity NUMERIC(18, 4) NOT NULL,"
                       " price NUMERIC(18, 4))"),
        QStringLiteral("CREATE INDEX order_lines_order ON order_lines (order_id)"),
        // What is still open on an invoice in ConnectWise: written by the pull, never by a CSV import.
        QStringLiteral("ALTER TABLE invoices ADD COLUMN balance NUMERIC(18, 4)"),
        // payments.method is the local system's own payment-method id: free text (no CHECK), rows kept. The table is
        // made again under its own name (a renamed one would keep another name for its key on PostgreSQL).
        QStringLiteral("CREATE TABLE payments_copy AS SELECT id, invoice_id, method, amount, date FROM payments"),
        QStringLiteral("DROP TABLE payments"),
        QStringLiteral("CREATE TABLE payments ("
                       " id TEXT NOT NULL PRIMARY KEY,"
                       " invoice_id TEXT NOT NULL,"
                       " method TEXT NOT NULL,"
                       " amount NUMERIC(18, 4) NOT NULL,"
                       " date TEXT)"),
        QStringLiteral("INSERT INTO payments (id, invoice_id, method, amount, date)"
                       " SELECT id, invoice_id, method, amount, date FROM payments_copy"),
        QStringLiteral("DROP TABLE payments_copy"),
        QStringLiteral("CREATE INDEX payments_invoice ON payments (invoice_id)"),
        // The new value lists: the payment methods (server variables pick from them) and the countries (a lookup).
        QStringLiteral("INSERT INTO value_lists (list, value)"
                       " SELECT DISTINCT 'payment_method', method FROM payments"),
        QStringLiteral("INSERT INTO value_lists (list, value)"
                       " SELECT DISTINCT 'country', country FROM accounts WHERE country IS NOT NULL AND country <> ''"),
        // Until now a payment's method was credit_card or bank_deposit and chose which of the two variables had to
        // be set. The variables now hold the local method id itself: the same payments stay selected.
        QStringLiteral("UPDATE server_variables SET remote_id = 'credit_card', remote_name = 'credit_card'"
                       " WHERE variable = 'credit_card_method_id'"),
        QStringLiteral("UPDATE server_variables SET remote_id = 'bank_deposit', remote_name = 'bank_deposit'"
                       " WHERE variable = 'bank_deposit_method_id'"),
    };
    return m;
}

// Migration 6: how many requests of a connector are on the wire at once (its rate governor's ceiling).
Migration requestsInFlight()
{
    Migration m;
    m.version = 6;
    m.description = QStringLiteral("requests in flight per connector");
    m.statements = QStringList {
        QStringLiteral("ALTER TABLE instances ADD COLUMN max_in_flight INTEGER NOT NULL DEFAULT 4"
                       " CHECK (max_in_flight BETWEEN 1 AND 16)"),
    };
    return m;
}

// Migration 7: conflicts (a record changed on both sides since its last sync). Self-contained (another branch may
// renumber it): it reads nothing but the tables of migrations 1 to 3. Links made before it have no base (base_updated
// NULL): they sync as before until their next sync records one.
Migration syncConflicts()
{
    Migration m;
    m.version = 7;
    m.description = QStringLiteral("sync conflicts: link bases, the record's kept side, the conflict policy");
    m.statements = QStringList {
        // The base both sides agreed on at the last sync: after a push the local values pushed (base_values, a
        // SyncSnapshot); after a pull pulled_values (base_values then ''). base_updated: ConnectWise's
        // _info/lastUpdated at that moment (UTC ms). keep_side: the side the admin keeps for the record's conflict.
        QStringLiteral("ALTER TABLE sync_links ADD COLUMN base_values TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sync_links ADD COLUMN base_updated BIGINT"),
        QStringLiteral("ALTER TABLE sync_links ADD COLUMN keep_side TEXT NOT NULL DEFAULT ''"
                       " CHECK (keep_side = '' OR keep_side = 'local' OR keep_side = 'connectwise')"),
        // The outcome action 'conflict', with the conflicting fields (a JSON array of {field, local, connectwise}).
        QStringLiteral("CREATE TABLE sync_outcomes_v6 ("
                       " run_id BIGINT NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,"
                       " direction TEXT NOT NULL,"
                       " entity TEXT NOT NULL,"
                       " local_id TEXT NOT NULL DEFAULT '',"
                       " remote_id BIGINT,"
                       " action TEXT NOT NULL CHECK (action = 'created' OR action = 'updated' OR action = 'skipped'"
                       "  OR action = 'failed' OR action = 'conflict'),"
                       " reason TEXT,"
                       " conflicts TEXT)"),
        QStringLiteral("INSERT INTO sync_outcomes_v6 (run_id, direction, entity, local_id, remote_id, action, reason)"
                       " SELECT run_id, direction, entity, local_id, remote_id, action, reason FROM sync_outcomes"),
        QStringLiteral("DROP TABLE sync_outcomes"),
        QStringLiteral("ALTER TABLE sync_outcomes_v6 RENAME TO sync_outcomes"),
        QStringLiteral("CREATE INDEX sync_outcomes_run ON sync_outcomes (run_id)"),
        QStringLiteral("ALTER TABLE sync_runs ADD COLUMN conflicts INTEGER NOT NULL DEFAULT 0"),
        // The connector's conflict policy (no row: report).
        QStringLiteral("CREATE TABLE sync_policies ("
                       " instance_id BIGINT NOT NULL PRIMARY KEY REFERENCES instances (id) ON DELETE CASCADE,"
                       " conflicts TEXT NOT NULL DEFAULT 'report'"
                       "  CHECK (conflicts = 'report' OR conflicts = 'connectwise' OR conflicts = 'local'))"),
    };
    return m;
}

// Migration 8: what the last systems check of each connector found (core/check/CheckFindings), so the connector
// window shows it without asking ConnectWise again. Self-contained: it reads nothing but `instances`.
Migration checkFindings()
{
    Migration m;
    m.version = 8;
    m.description = QStringLiteral("the findings of each connector's last systems check");
    m.statements = QStringList {
        QStringLiteral("CREATE TABLE check_findings ("
                       " instance_id BIGINT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL,"
                       " step_id TEXT NOT NULL,"
                       " status TEXT NOT NULL,"
                       " title TEXT NOT NULL,"
                       " diagnosis TEXT NOT NULL,"
                       " fix TEXT NOT NULL,"
                       " variable TEXT NOT NULL,"
                       " PRIMARY KEY (instance_id, position))"),
    };
    return m;
}

} // namespace

QList<Migration> migrations()
{
    return {migration1(),     migration2(),       migration3(),    syncLeases(),
            migrationLines(), requestsInFlight(), syncConflicts(), checkFindings()};
}

int latestVersion()
{
    return migrations().constLast().version;
}

} // namespace Cw::Schema
