#pragma once

#include "ui/wizard/Prompter.h"

#include <QPointer>
#include <QTimer>

namespace CwTest {

// Answers the UI's questions from a script, later through the event loop (like a dialog would), so GUI
// tests never block on a modal dialog. Records every question asked.
class ScriptedPrompter final : public Cw::Prompter
{
public:
    QList<int> answers; // the index of the button to press, per question; -1 (dismissed) when none left
    QStringList questions;
    QString saveFilePath; // what the file dialog "chooses"
    QString openFilePath; // what the open-file dialog "chooses"

    void ask(QWidget*, const QString&, const QString& text, const QStringList& choices, QObject* context,
             std::function<void(int)> done) override
    {
        questions.append(text + QStringLiteral(" [") + choices.join(QLatin1Char('|')) + QLatin1Char(']'));
        const int answer = answers.isEmpty() ? -1 : answers.takeFirst();
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void chooseSaveFile(QWidget*, const QString&, const QString&, const QString&, QObject* context,
                        std::function<void(const QString&)> done) override
    {
        const QString path = saveFilePath;
        QTimer::singleShot(0, context, [done, path] { done(path); });
    }
    void chooseOpenFile(QWidget*, const QString&, const QString&, const QString&, QObject* context,
                        std::function<void(const QString&)> done) override
    {
        const QString path = openFilePath;
        QTimer::singleShot(0, context, [done, path] { done(path); });
    }
};

} // namespace CwTest
