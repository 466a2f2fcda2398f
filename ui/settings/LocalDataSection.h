#pragma once

#include "ui/settings/SettingsSection.h"

namespace Cw {

// Settings › Local data: hosts the local-data engineer's panel (made by the dialog's factory); nothing to apply, the
// panel imports on its own. Without a factory, a placeholder says where the records come from.
class LocalDataSection final : public SettingsSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalDataSection)

public:
    explicit LocalDataSection(QWidget* panel, QWidget* parent = nullptr);

    SettingsPlace place() const override;
    QString title() const override { return tr("Local data"); }
    void load(const SectionContext& context) override;
    bool apply(QString* error) override;
    QWidget* panel() const { return m_panel; }

private:
    QWidget* m_panel;
};

} // namespace Cw
