#pragma once

#include <QWizardPage>

class QLabel;
class QVBoxLayout;

namespace Cw {

class SetupController;

// Base of the wizard's pages: the content sits in a scroll area (so every page fits 1366×768 at 150 %),
// with an inline message line at the bottom for validation errors that name the field and the fix.
class SetupPage : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupPage)

public:
    SetupPage(SetupController& controller, QWidget* parent = nullptr);

    QString errorText() const;

protected:
    QVBoxLayout* content() const { return m_content; }
    SetupController& controller() const { return m_controller; }
    void showError(const QString& text); // empty hides it
    void showInfo(const QString& text);
    QLabel* addNote(const QString& text); // a wrapped explanatory paragraph

private:
    SetupController& m_controller;
    QVBoxLayout* m_content;
    QLabel* m_message;
};

} // namespace Cw
