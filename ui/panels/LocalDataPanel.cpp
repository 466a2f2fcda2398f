#include "ui/panels/LocalDataPanel.h"

#include "core/localdata/LocalRecordStore.h"
#include "core/localdata/LocalSchema.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Cw {

LocalDataPanel::LocalDataPanel(Database& database, Prompter& prompter, QWidget* parent)
    : QWidget(parent), m_database(database), m_prompter(prompter)
{
    setObjectName(QStringLiteral("localDataPanel"));
    auto* intro = new QLabel(tr("The records of your own system that the connector syncs, one CSV file per kind. "
                                "Import the files, or keep what the database already holds."),
                             this);
    intro->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* inner = new QWidget;
    auto* grid = new QGridLayout(inner);
    grid->setColumnStretch(0, 1);
    int line = 0;
    for (const LocalEntity& entity : LocalSchema::entities()) {
        const QString name = entity.name();
        auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped()), inner);
        Row row;
        row.count = new QLabel(inner);
        row.count->setObjectName(QStringLiteral("count_") + name);
        row.count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto* button = new QPushButton(tr("Import CSV…"), inner);
        button->setObjectName(QStringLiteral("import_") + name);
        button->setAccessibleName(tr("Import %1 from a CSV file").arg(name));
        auto* columns = new QLabel(tr("Columns: %1").arg(entity.csvColumnNames().join(QLatin1String(", "))), inner);
        columns->setWordWrap(true);
        columns->setObjectName(QStringLiteral("columns_") + name);
        row.needs = new QLabel(inner);
        row.needs->setObjectName(QStringLiteral("needs_") + name);
        row.needs->setWordWrap(true);
        row.needs->hide();
        grid->addWidget(title, line, 0);
        grid->addWidget(row.count, line, 1);
        grid->addWidget(button, line, 2);
        grid->addWidget(columns, line + 1, 0, 1, 3);
        grid->addWidget(row.needs, line + 2, 0, 1, 3);
        line += 3;
        m_rows.insert(name, row);
        connect(button, &QPushButton::clicked, this, [this, name] { openImport(name); });
    }
    grid->setRowStretch(line, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(intro);
    outer->addWidget(m_error);
    outer->addWidget(scroll, 1);
    refresh();
}

LocalDataPanel::~LocalDataPanel() = default;

QString LocalDataPanel::neededFor(const QString& entity)
{
    static const QHash<QString, const char*> needs {
        {QStringLiteral("accounts"),
         QT_TR_NOOP("Invoices and orders belong to accounts, and the account type and currency lookups list their "
                    "values: import accounts first.")},
        {QStringLiteral("products"), QT_TR_NOOP("Order and invoice lines refer to products.")},
        {QStringLiteral("invoices"), QT_TR_NOOP("Payments and invoice lines belong to invoices.")},
        {QStringLiteral("orders"), QT_TR_NOOP("Order lines belong to orders.")},
        {QStringLiteral("users"),
         QT_TR_NOOP("User mapping needs users: without them no order gets its own sales rep.")},
    };
    const auto found = needs.constFind(entity);
    return found == needs.cend() ? QString() : tr(*found);
}

void LocalDataPanel::refresh()
{
    LocalRecordStore store(m_database);
    QStringList problems;
    for (const LocalEntity& entity : LocalSchema::entities()) {
        const QString name = entity.name();
        const Row row = m_rows.value(name);
        StoreError error;
        const int n = store.count(entity, &error);
        if (error.isError()) {
            problems.append(error.message);
            m_counts.insert(name, -1);
            row.count->setText(tr("unreadable"));
            continue;
        }
        m_counts.insert(name, n);
        row.count->setText(tr("%n record(s)", nullptr, n).replace(QString::number(n), QLocale().toString(n)));
        row.count->setAccessibleName(tr("%1: %n record(s)", nullptr, n).arg(name));
        const QString needs = n == 0 ? neededFor(name) : QString();
        row.needs->setText(needs.isEmpty() ? QString() : tr("None yet. %1").arg(needs));
        row.needs->setVisible(!needs.isEmpty());
    }
    m_error->setText(problems.join(QLatin1Char('\n')));
    m_error->setVisible(!problems.isEmpty());
}

CsvImportDialog* LocalDataPanel::openImport(const QString& entity)
{
    const auto local = LocalSchema::entity(entity);
    if (!local) {
        return nullptr;
    }
    auto* dialog = new CsvImportDialog(m_database, m_prompter, *local, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CsvImportDialog::imported, this, [this](const QString& name) {
        refresh();
        emit imported(name);
    });
    dialog->open();
    return dialog;
}

} // namespace Cw
