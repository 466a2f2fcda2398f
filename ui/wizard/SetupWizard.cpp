#include "ui/wizard/SetupWizard.h"

#include "core/setup/CompanyProbe.h"
#include "core/setup/SetupController.h"
#include "ui/common/Prompter.h"
#include "ui/wizard/CheckPage.h"
#include "ui/wizard/ConnectorPage.h"
#include "ui/wizard/EndpointPage.h"
#include "ui/wizard/KeysPage.h"
#include "ui/wizard/SavePage.h"
#include "ui/wizard/SummaryPage.h"
#include "ui/wizard/WelcomePage.h"

#include <QScreen>

namespace Cw {

SetupWizard::SetupWizard(SetupController& controller, Prompter& prompter, Mode mode, const QList<ExtraPage>& extraPages,
                         QWidget* parent)
    : QWizard(parent), m_controller(controller), m_prompter(prompter), m_mode(mode), m_steps(new StepList(this))
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(mode == Mode::Create ? tr("New connector") : tr("Connector settings"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setOption(QWizard::HaveHelpButton, false);
    setSideWidget(m_steps);

    setPage(Welcome, new WelcomePage(controller, this));
    setPage(Connector, new ConnectorPage(controller, controller.companyProbe(), this));
    setPage(Keys, new KeysPage(controller, this));
    setPage(Endpoint, new EndpointPage(controller, controller.companyProbe(), prompter, this));
    setPage(Save, new SavePage(controller, this));
    setPage(Check, new CheckPage(controller, prompter, this));
    int id = FirstExtra;
    for (const ExtraPage& factory : extraPages) {
        if (QWizardPage* page = factory(controller)) {
            m_steps->addPageStep(id, page->title());
            setPage(id++, page);
        }
    }
    auto* summary = new SummaryPage(controller, this);
    m_steps->addPageStep(Summary, summary->title());
    setPage(Summary, summary);

    connect(this, &QWizard::currentIdChanged, m_steps, &StepList::showPage);
    connect(&controller, &SetupController::saveStateChanged, this, [this](SetupController::SaveState state) {
        if (state == SetupController::SaveState::Saved) {
            emit connectorChanged();
        }
    });
    connect(this, &QWizard::currentIdChanged, this, [this](int pageId) {
        if (pageId == Keys && m_mode == Mode::Create) {
            emit connectorChanged(); // the draft now exists
        }
    });
    // Modest sizes: at 150 % scaling on 1366×768, 780×460 becomes 1170×690 device pixels, leaving room for
    // the title bar and the task bar. Every page scrolls when the window is smaller.
    setMinimumSize(520, 360);
    QSize initial(780, 460);
    if (const QScreen* screen = this->screen()) {
        initial = initial.boundedTo(screen->availableSize() * 0.9).expandedTo(minimumSize());
    }
    resize(initial);
}

SetupWizard::~SetupWizard() = default;

void SetupWizard::reject()
{
    if (m_asking) {
        return;
    }
    const bool unsavedDraft =
        m_mode == Mode::Create && m_controller.isStored() && m_controller.draft().state == Instance::State::Draft;
    if (!unsavedDraft) {
        rejectNow();
        return;
    }
    m_asking = true;
    m_prompter.ask(this, tr("Cancel setup"),
                   tr("The connector “%1” is saved as a draft. Keep the draft to finish it later, or discard it "
                      "(its settings and any stored keys are removed)?")
                       .arg(m_controller.draft().name),
                   {tr("&Keep draft"), tr("&Discard"), tr("&Continue setup")}, this, [this](int choice) {
                       m_asking = false;
                       if (choice == 0) {
                           rejectNow();
                       } else if (choice == 1) {
                           m_controller.discard(this, [this](bool, const QString&) {
                               emit connectorChanged();
                               rejectNow();
                           });
                       }
                   });
}

void SetupWizard::accept()
{
    const auto* summary = qobject_cast<SummaryPage*>(page(Summary));
    const bool sync = summary && currentId() == Summary && summary->syncAfterFinish();
    const QString name = m_controller.draft().name;
    QWizard::accept();
    if (sync) {
        emit syncRequested(name);
    }
}

void SetupWizard::rejectNow()
{
    QWizard::reject();
}

} // namespace Cw
