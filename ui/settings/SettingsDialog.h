#pragma once

#include "core/config/Instance.h"
#include "ui/settings/SettingsSection.h"

#include <QDialog>

#include <functional>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace Cw {

class InstanceSecrets;
class NetworkAccessFactory;
class Prompter;

// A connector's settings: one dialog, a category list beside the sections (the KeePassXC pattern), one concern
// per section: Connection, Keys, Local data, User mapping, Server variables, Sync options, Lookups (SettingsPlace).
// Each section saves on its own with Apply (Revert drops its edits); leaving a section or closing the dialog with
// unsaved changes asks Apply / Discard / Stay. The keys are read once, to give the panels live ConnectWise lists;
// changing a configuration panel never writes the keys and never runs the check.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // The Local data section's widget (ui/panels LocalDataPanel: (Database&, QWidget* parent)); null: a placeholder.
    using LocalDataFactory = std::function<QWidget*(Database& database, QWidget* parent)>;

    SettingsDialog(Database& database, InstanceSecrets& secrets, const NetworkAccessFactory& network,
                   Prompter& prompter, const Instance& instance, const LocalDataFactory& localData,
                   QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // Shows a section (None shows Connection), at a row where it has rows. Asks first when the shown section has
    // unsaved changes.
    void showSection(SettingsPlace place, const QString& row = QString());
    SettingsPlace currentSection() const;
    SettingsSection* section(SettingsPlace place) const;
    QListWidget* categories() const { return m_categories; }
    QPushButton* applyButton() const { return m_apply; }
    QString message() const;
    const Instance& instance() const { return m_context.instance; }

    void reject() override;

signals:
    void sectionApplied(Cw::SettingsPlace place); // the section's settings are saved
    void clientReady(); // the keys were read and the panels have a live client (or could not: message() says why)

private:
    void addSection(SettingsSection* section);
    void openClient();
    void applyCurrent(std::function<void(bool ok)> then = {});
    void switchTo(int index, const QString& row);
    void leaveCurrent(std::function<void()> then);
    void updateButtons();
    void setMessage(const QString& text, bool error);

    Database& m_database;
    InstanceSecrets& m_secrets;
    Prompter& m_prompter;
    SectionContext m_context;
    QListWidget* m_categories = nullptr;
    QStackedWidget* m_stack = nullptr;
    QList<SettingsSection*> m_sections;
    QLabel* m_message = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_revert = nullptr;
    bool m_applying = false;
};

} // namespace Cw
