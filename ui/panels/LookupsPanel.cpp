#include "ui/panels/LookupsPanel.h"

#include "core/config/ConfigNames.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Cw {

LookupsPanel::LookupsPanel(QWidget* parent) : SettingsPanel(parent)
{
    auto* outer = new QVBoxLayout(this);
    // Two rows, so the panel fits the wizard's page on a 1366×768 screen at 150 % without scrolling sideways: the
    // table and its lists, then what maps them.
    auto* top = new QHBoxLayout;
    m_lookup = new QComboBox(this);
    m_lookup->setObjectName(QStringLiteral("lookup"));
    m_lookup->setAccessibleName(tr("Lookup table"));
    m_lookup->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const QString& lookup : ConfigNames::lookups()) {
        m_lookup->addItem(LookupTables::title(lookup), lookup);
    }
    auto* label = new QLabel(tr("&Table:"), this);
    label->setBuddy(m_lookup);
    top->addWidget(label);
    top->addWidget(m_lookup, 1);
    m_refresh = new QPushButton(tr("&Refresh lists"), this);
    m_refresh->setObjectName(QStringLiteral("refresh"));
    m_refresh->setEnabled(false);
    top->addWidget(m_refresh);
    outer->addLayout(top);

    auto* mapping = new QHBoxLayout;
    auto* autoButton = new QPushButton(tr("Auto-map t&his table"), this);
    autoButton->setObjectName(QStringLiteral("autoMap"));
    autoButton->setToolTip(tr("Suggest a ConnectWise value for each unmapped value of this table by name"));
    mapping->addWidget(autoButton);
    auto* allButton = new QPushButton(tr("Auto-map a&ll tables"), this);
    allButton->setObjectName(QStringLiteral("autoMapAll"));
    allButton->setToolTip(tr("In every table, map each unmapped value to the ConnectWise value with the same name or "
                             "ISO code; values set by hand are kept"));
    mapping->addWidget(allButton);
    m_undo = new QPushButton(tr("&Undo auto-map"), this);
    m_undo->setObjectName(QStringLiteral("undoAutoMap"));
    m_undo->setToolTip(tr("Unmap the values Auto-map all tables mapped (values changed since are kept)"));
    m_undo->setVisible(false);
    mapping->addWidget(m_undo);
    mapping->addStretch(1);
    outer->addLayout(mapping);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("autoMapSummary"));
    m_summary->setAccessibleName(tr("What Auto-map all tables did"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setVisible(false);
    outer->addWidget(m_summary);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("emptyList"));
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_empty->setVisible(false);
    outer->addWidget(m_empty);

    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("values"));
    m_table->setAccessibleName(tr("Local values and their ConnectWise values"));
    m_table->setHorizontalHeaderLabels({tr("Local value"), tr("ConnectWise value"), tr("Confidence")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setVisible(false);
    outer->addWidget(m_table, 1);

    auto* add = new QHBoxLayout;
    m_newValue = new QLineEdit(this);
    m_newValue->setObjectName(QStringLiteral("newValue"));
    m_newValue->setPlaceholderText(tr("A local value not in the list yet"));
    m_newValue->setAccessibleName(tr("New local value"));
    auto* addButton = new QPushButton(tr("A&dd value"), this);
    addButton->setObjectName(QStringLiteral("addValue"));
    add->addWidget(m_newValue, 1);
    add->addWidget(addButton);
    outer->addLayout(add);

    connect(m_lookup, &QComboBox::currentIndexChanged, this, [this] { fillTable(); });
    connect(autoButton, &QPushButton::clicked, this, &LookupsPanel::autoMap);
    connect(allButton, &QPushButton::clicked, this, [this] { autoMapAll(); });
    connect(m_undo, &QPushButton::clicked, this, &LookupsPanel::undoAutoMapAll);
    connect(m_refresh, &QPushButton::clicked, this, &SettingsPanel::refresh);
    connect(addButton, &QPushButton::clicked, this, [this] {
        addLocalValue(m_newValue->text());
        m_newValue->clear();
    });
}

LookupsPanel::~LookupsPanel() = default;

QString LookupsPanel::current() const
{
    return m_lookup->currentData().toString();
}

void LookupsPanel::showLookup(const QString& lookup)
{
    m_lookup->setCurrentIndex(m_lookup->findData(lookup));
}

QString LookupsPanel::emptyListMessage() const
{
    return m_empty->isVisible() ? m_empty->text() : QString();
}

QString LookupsPanel::autoMapSummary() const
{
    return m_summary->isVisible() ? m_summary->text() : QString();
}

QString LookupsPanel::rowKey(const QString& lookup, const QString& localValue)
{
    return lookup + QLatin1Char('\n') + localValue;
}

void LookupsPanel::load()
{
    m_rows.clear();
    m_added.clear();
    m_byHand.clear();
    m_lastAutoMap.clear();
    m_summary->clear();
    m_summary->setVisible(false);
    m_undo->setVisible(false);
    const ConnectorConfig empty;
    for (const QString& lookup : ConfigNames::lookups()) {
        m_rows.insert(lookup, LookupTables::rows(lookup, m_localValues.value(lookup), config() ? *config() : empty));
    }
    fillTable();
    setModified(false);
}

void LookupsPanel::listsChanged()
{
    m_refresh->setEnabled(canRefresh());
    fillTable();
}

QList<LookupRow> LookupsPanel::autoMapped(const QString& lookup, int minConfidence) const
{
    const QList<LookupRow> before = m_rows.value(lookup);
    QList<LookupRow> after = LookupTables::autoMap(lookup, before, lists(), minConfidence);
    for (int r = 0; r < after.size(); ++r) {
        if (m_byHand.contains(rowKey(lookup, before.at(r).localValue))) {
            after[r] = before.at(r);
        }
    }
    return after;
}

void LookupsPanel::autoMap()
{
    const QString lookup = current();
    m_rows.insert(lookup, autoMapped(lookup, 0));
    setModified(true);
    fillTable();
}

AutoMapReport::Table LookupsPanel::autoMapTable(const QString& lookup)
{
    AutoMapReport::Table table;
    table.title = LookupTables::title(lookup);
    const QList<LookupRow> before = m_rows.value(lookup);
    const QList<LookupRow> after = autoMapped(lookup, LookupTables::kExactMatch);
    for (int r = 0; r < after.size(); ++r) {
        const LookupRow& row = after.at(r);
        if (before.at(r).mapped()) {
            ++table.kept;
        } else if (row.mapped()) {
            table.mapped.append(tr("%1 to %2").arg(row.localValue.trimmed(), row.remoteName));
            m_lastAutoMap.append({lookup, before.at(r), row.remoteId});
        } else if (m_byHand.contains(rowKey(lookup, row.localValue))) {
            table.unmapped.append(tr("%1 (set to unmapped by hand)").arg(row.localValue.trimmed()));
        } else {
            table.unmapped.append(row.ambiguous ? tr("%1 (two ConnectWise values match)").arg(row.localValue.trimmed())
                                                : row.localValue.trimmed());
        }
    }
    if (!after.isEmpty() && LookupTables::choices(lookup, lists()).isEmpty()) {
        const QString fix = LookupTables::emptyListFix(lookup, lists());
        table.note = fix.isEmpty() ? tr("the ConnectWise list is not loaded yet (Refresh lists)") : fix;
    }
    m_rows.insert(lookup, after);
    return table;
}

AutoMapReport LookupsPanel::autoMapAll()
{
    AutoMapReport report;
    m_lastAutoMap.clear();
    for (const QString& lookup : ConfigNames::lookups()) {
        report.tables.append(autoMapTable(lookup));
    }
    if (!m_lastAutoMap.isEmpty()) {
        setModified(true);
    }
    fillTable();
    m_summary->setText(report.text());
    m_summary->setVisible(true);
    m_undo->setVisible(!m_lastAutoMap.isEmpty());
    return report;
}

void LookupsPanel::undoAutoMapAll()
{
    int undone = 0;
    for (const AutoMapped& change : std::as_const(m_lastAutoMap)) {
        QList<LookupRow>& rows = m_rows[change.lookup];
        for (LookupRow& row : rows) {
            if (row.localValue == change.before.localValue && row.remoteId == change.remoteId &&
                !m_byHand.contains(rowKey(change.lookup, row.localValue))) {
                row = change.before;
                ++undone;
            }
        }
    }
    m_lastAutoMap.clear();
    setModified(true);
    fillTable();
    m_summary->setText(tr("Auto-map undone: %1 unmapped again.").arg(undone));
    m_undo->setVisible(false);
}

void LookupsPanel::addLocalValue(const QString& value)
{
    const QString lookup = current();
    const QString trimmed = value.trimmed();
    QList<LookupRow>& rows = m_rows[lookup];
    if (trimmed.isEmpty() ||
        std::any_of(rows.cbegin(), rows.cend(), [&](const LookupRow& r) { return r.localValue == trimmed; })) {
        return;
    }
    LookupRow row;
    row.localValue = trimmed;
    rows.append(row);
    m_added.append({lookup, trimmed});
    setModified(true);
    fillTable();
}

void LookupsPanel::fillTable()
{
    const QString lookup = current();
    const QList<RemoteItem> choices = LookupTables::choices(lookup, lists());
    const QString fix = LookupTables::emptyListFix(lookup, lists());
    m_empty->setText(fix);
    m_empty->setVisible(!fix.isEmpty());
    m_filling = true;
    const QList<LookupRow> rows = m_rows.value(lookup);
    m_table->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const LookupRow& row = rows.at(r);
        auto* local = new QTableWidgetItem(row.localValue);
        local->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        if (!row.mapped()) {
            local->setBackground(QColor(255, 228, 225));
            local->setToolTip(row.ambiguous ? tr("Two ConnectWise values fit equally well: pick one.")
                                            : tr("Unmapped: records with this value are skipped."));
        }
        m_table->setItem(r, 0, local);
        auto* combo = new QComboBox(m_table);
        combo->setAccessibleName(tr("ConnectWise value for %1").arg(row.localValue));
        combo->addItem(tr("(unmapped)"), QString());
        for (const RemoteItem& item : choices) {
            combo->addItem(item.label(), item.id);
        }
        int index = combo->findData(row.remoteId);
        if (index < 0 && row.mapped()) {
            combo->addItem(tr("%1 (%2) — not available in ConnectWise").arg(row.remoteName, row.remoteId),
                           row.remoteId);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(std::max(index, 0));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, lookup, r] {
            if (m_filling) {
                return;
            }
            LookupRow& edited = m_rows[lookup][r];
            edited.remoteId = combo->currentData().toString();
            edited.remoteName = edited.remoteId.isEmpty() ? QString() : combo->currentText();
            if (const auto item = lists().find(ConfigNames::resolverKindForLookup(lookup), edited.remoteId)) {
                edited.remoteName = item->name;
            } else if (!ConfigNames::fixedValuesForLookup(lookup).isEmpty()) {
                edited.remoteName = edited.remoteId;
            }
            edited.confidence = -1;
            m_byHand.insert(rowKey(lookup, edited.localValue));
            setModified(true);
            // Update in place: rebuilding the table would delete this combo box inside its own signal.
            m_table->item(r, 0)->setBackground(edited.mapped() ? QBrush() : QBrush(QColor(255, 228, 225)));
            m_table->item(r, 2)->setText(edited.mapped() ? tr("set by hand") : QString());
        });
        m_table->setCellWidget(r, 1, combo);
        QString how; // an auto-map's confidence, a pick made now, or a mapping saved before
        if (row.mapped()) {
            how = row.confidence >= 0                               ? QStringLiteral("%1 %").arg(row.confidence)
                : m_byHand.contains(rowKey(lookup, row.localValue)) ? tr("set by hand")
                                                                    : tr("saved");
        }
        auto* confidence = new QTableWidgetItem(how);
        confidence->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(r, 2, confidence);
    }
    m_filling = false;
}

bool LookupsPanel::save(QString* error)
{
    if (!config()) {
        *error = tr("No configuration to save to.");
        return false;
    }
    QList<LookupValue> values;
    for (const QString& lookup : ConfigNames::lookups()) {
        for (const LookupRow& row : m_rows.value(lookup)) {
            if (row.mapped()) {
                values.append({lookup, row.localValue, row.remoteId, row.remoteName});
            }
        }
    }
    config()->lookups = values;
    setModified(false);
    return true;
}

} // namespace Cw
