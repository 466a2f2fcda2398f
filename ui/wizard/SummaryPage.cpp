#include "ui/wizard/SummaryPage.h"

#include "core/setup/SetupController.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Cw {

SummaryPage::SummaryPage(SetupController& controller, QWidget* parent) : SetupPage(controller, parent)
{
    setObjectName(QStringLiteral("summaryPage"));
    setTitle(tr("Summary"));
    setFinalPage(true);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("summaryText"));
    m_text->setWordWrap(true);
    content()->addWidget(m_text);
    m_syncAfter = new QCheckBox(tr("Run &Sync now after Finish"), this);
    m_syncAfter->setObjectName(QStringLiteral("syncAfterFinish"));
    m_syncAfter->setAccessibleName(tr("Run Sync now after Finish"));
    content()->addWidget(m_syncAfter);
    content()->addStretch();
}

bool SummaryPage::syncAfterFinish() const
{
    return m_syncAfter->isChecked();
}

void SummaryPage::initializePage()
{
    const Instance& d = controller().draft();
    QString text = tr("<p>The connector <b>%1</b> for company <b>%2</b> is saved.</p>")
                       .arg(d.name.toHtmlEscaped(), d.companyId.toHtmlEscaped());
    if (controller().isSessionOnly()) {
        text += tr("<p>Its keys are kept for this session only: you will be asked for them again next time.</p>");
    }
    text += tr("<p>Open its <b>Settings</b> in the connector window at any time to change these values or to run "
               "the systems check again.</p>");
    m_text->setText(text);
    m_syncAfter->setVisible(!controller().isEditing());
    m_syncAfter->setChecked(!controller().isEditing() && d.deploymentKind() == Deployment::Demo);
}

} // namespace Cw
