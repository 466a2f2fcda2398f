#include "ui/wizard/SetupPage.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Cw {

SetupPage::SetupPage(SetupController& controller, QWidget* parent) : QWizardPage(parent), m_controller(controller)
{
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* body = new QWidget(scroll);
    m_content = new QVBoxLayout(body);
    m_content->setContentsMargins(0, 0, 4, 0);
    scroll->setWidget(body);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pageMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll, 1);
    outer->addWidget(m_message);
}

QString SetupPage::errorText() const
{
    return m_message->isVisible() || !m_message->text().isEmpty() ? m_message->text() : QString();
}

void SetupPage::showError(const QString& text)
{
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void SetupPage::showInfo(const QString& text)
{
    m_message->setStyleSheet(QString());
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QLabel* SetupPage::addNote(const QString& text)
{
    auto* label = new QLabel(text, this);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(true);
    m_content->addWidget(label);
    return label;
}

} // namespace Cw
