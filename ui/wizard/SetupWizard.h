#pragma once

#include "ui/wizard/WizardSteps.h"

#include <QWizard>

#include <functional>

namespace Cw {

class Prompter;
class SetupController;
class StepList;

// The setup wizard (and, in Edit mode, the connector's settings: the same pages, showing the saved values).
// Pages are thin: they bind widgets to the SetupController. The step list beside the pages shows the 16
// walkthrough steps and where the admin is.
//
// Seam for the settings panels (user mapping, server variables, sync options, lookups): pass ExtraPage
// factories; they are inserted, in order, after the systems check and before the summary.
class SetupWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupWizard)

public:
    enum class Mode { Create, Edit };
    using ExtraPage = std::function<QWizardPage*(SetupController& controller)>;

    SetupWizard(SetupController& controller, Prompter& prompter, Mode mode, const QList<ExtraPage>& extraPages = {},
                QWidget* parent = nullptr);
    ~SetupWizard() override;

    SetupController& controller() const { return m_controller; }
    StepList* stepList() const { return m_steps; }
    Mode mode() const { return m_mode; }

    // Cancel: before step 6 nothing exists; after it, asks keep-or-discard (through the Prompter).
    void reject() override;
    void accept() override;

signals:
    void connectorChanged(); // something was written to the database (draft, save, discard)
    void syncRequested(const QString& connectorName); // Finish with "Run Sync now after Finish" checked

private:
    void rejectNow();

    SetupController& m_controller;
    Prompter& m_prompter;
    Mode m_mode;
    StepList* m_steps;
    bool m_asking = false;
};

} // namespace Cw
