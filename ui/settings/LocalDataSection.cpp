#include "ui/settings/LocalDataSection.h"

#include "core/config/SettingsSections.h"

#include <QLabel>
#include <QMetaObject>
#include <QVBoxLayout>

namespace Cw {

LocalDataSection::LocalDataSection(QWidget* panel, QWidget* parent) : SettingsSection(parent), m_panel(panel)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    if (!m_panel) {
        auto* placeholder = new QLabel(tr("The local records (accounts, products, invoices, orders, payments, users) "
                                          "are shared by every connector. Import them with "
                                          "cwconnector-cli import-csv, or write them with SQL (docs/database.md)."),
                                       this);
        placeholder->setObjectName(QStringLiteral("localDataPlaceholder"));
        placeholder->setWordWrap(true);
        m_panel = placeholder;
    }
    m_panel->setParent(this);
    layout->addWidget(m_panel);
    layout->addStretch();
}

SettingsPlace LocalDataSection::place() const
{
    return SettingsPlace::LocalData;
}

void LocalDataSection::load(const SectionContext& context)
{
    Q_UNUSED(context)
    // LocalDataPanel::refresh(): the counts again. Not every panel has one (the placeholder).
    if (m_panel->metaObject()->indexOfMethod("refresh()") >= 0) {
        QMetaObject::invokeMethod(m_panel, "refresh");
    }
}

bool LocalDataSection::apply(QString* error)
{
    Q_UNUSED(error)
    return true;
}

} // namespace Cw
