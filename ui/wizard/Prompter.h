#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QFileDialog;
class QWidget;

namespace Cw {

// Questions and file choices the UI asks the admin. Asynchronous (dialogs are opened with open(), never
// exec()), so tests answer them through their own Prompter and never block on a modal loop.
class Prompter
{
public:
    virtual ~Prompter() = default;

    // Shows `text` with one button per choice (the first is the default); done(index of the chosen
    // button, or -1 when the dialog was dismissed). Not called if `context` is destroyed first.
    virtual void ask(QWidget* parent, const QString& title, const QString& text, const QStringList& choices,
                     QObject* context, std::function<void(int choice)> done) = 0;
    // Asks for a file to write; done(path, or empty when cancelled).
    virtual void chooseSaveFile(QWidget* parent, const QString& title, const QString& suggestedPath,
                                const QString& filter, QObject* context, std::function<void(const QString&)> done) = 0;
    // Asks for an existing file to read; done(path, or empty when cancelled).
    virtual void chooseOpenFile(QWidget* parent, const QString& title, const QString& directory, const QString& filter,
                                QObject* context, std::function<void(const QString&)> done) = 0;
};

// The real dialogs: QMessageBox and QFileDialog, window-modal, opened with open().
class DialogPrompter final : public Prompter
{
public:
    void ask(QWidget* parent, const QString& title, const QString& text, const QStringList& choices, QObject* context,
             std::function<void(int choice)> done) override;
    void chooseSaveFile(QWidget* parent, const QString& title, const QString& suggestedPath, const QString& filter,
                        QObject* context, std::function<void(const QString&)> done) override;
    void chooseOpenFile(QWidget* parent, const QString& title, const QString& directory, const QString& filter,
                        QObject* context, std::function<void(const QString&)> done) override;

private:
    static void openFileDialog(QFileDialog* dialog, int acceptMode, QObject* context,
                               std::function<void(const QString&)> done);
};

} // namespace Cw
