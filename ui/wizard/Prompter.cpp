#include "ui/wizard/Prompter.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

namespace Cw {

void DialogPrompter::ask(QWidget* parent, const QString& title, const QString& text, const QStringList& choices,
                         QObject* context, std::function<void(int choice)> done)
{
    auto* box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("prompterQuestion"));
    QList<QAbstractButton*> buttons;
    for (int i = 0; i < choices.size(); ++i) {
        QPushButton* button = box->addButton(choices.at(i),
                                             i == choices.size() - 1 && choices.size() > 1 ? QMessageBox::RejectRole
                                                                                           : QMessageBox::AcceptRole);
        buttons.append(button);
        if (i == 0) {
            box->setDefaultButton(button);
        }
    }
    QPointer<QObject> guard(context);
    QObject::connect(box, &QMessageBox::finished, box, [box, buttons, guard, done](int) {
        if (!guard) {
            return;
        }
        done(static_cast<int>(buttons.indexOf(box->clickedButton())));
    });
    box->open();
}

void DialogPrompter::chooseSaveFile(QWidget* parent, const QString& title, const QString& suggestedPath,
                                    const QString& filter, QObject* context, std::function<void(const QString&)> done)
{
    openFileDialog(new QFileDialog(parent, title, suggestedPath, filter), QFileDialog::AcceptSave, context,
                   std::move(done));
}

void DialogPrompter::chooseOpenFile(QWidget* parent, const QString& title, const QString& directory,
                                    const QString& filter, QObject* context, std::function<void(const QString&)> done)
{
    auto* dialog = new QFileDialog(parent, title, directory, filter);
    dialog->setFileMode(QFileDialog::ExistingFile);
    openFileDialog(dialog, QFileDialog::AcceptOpen, context, std::move(done));
}

void DialogPrompter::openFileDialog(QFileDialog* dialog, int acceptMode, QObject* context,
                                    std::function<void(const QString&)> done)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(static_cast<QFileDialog::AcceptMode>(acceptMode));
    QPointer<QObject> guard(context);
    QObject::connect(dialog, &QFileDialog::finished, dialog, [dialog, guard, done](int result) {
        if (!guard) {
            return;
        }
        done(result == QDialog::Accepted && !dialog->selectedFiles().isEmpty() ? dialog->selectedFiles().first()
                                                                               : QString());
    });
    dialog->open();
}

} // namespace Cw
