#pragma once

#include "ui/wizard/SetupWizard.h"

#include <QWizardPage>

namespace Cw {

class LocalDataPanel;

// The wizard's "Local data" page, after the systems check and before user mapping: the LocalDataPanel, so the
// admin imports the CSV files (or keeps what the database already holds) before mapping users and lookups,
// which read those records. Added through SetupWizard's extra pages (factory()).
class LocalDataPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalDataPage)

public:
    explicit LocalDataPage(SetupController& controller, QWidget* parent = nullptr);

    void initializePage() override; // the counts again: another program may have written meanwhile
    LocalDataPanel* panel() const { return m_panel; }

    // For SetupWizard's extra pages: put it before PanelPage::configurationPages().
    static SetupWizard::ExtraPage factory();

private:
    LocalDataPanel* m_panel;
};

} // namespace Cw
