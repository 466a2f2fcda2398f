#pragma once

#include "ui/wizard/SetupPage.h"

#include <QLineEdit>

class QCheckBox;

namespace Cw {

class KeyProbe;

// A masked key field that hands a paste to the page (so a two-key paste can fill both fields).
class KeyEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyEdit)

public:
    explicit KeyEdit(QWidget* parent = nullptr);

signals:
    void pasted(const QString& text);

protected:
    void keyPressEvent(QKeyEvent* event) override;
};

// Steps 8–11: where to find the keys (System › Members › API Members › API Keys; the private key is shown
// only once), two masked fields (trimmed; show toggle; both keys can be pasted at once into either).
// Leaving the page checks the keys with /system/info and names the problem here ("keys rejected").
class KeysPage final : public SetupPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeysPage)

public:
    KeysPage(SetupController& controller, QWidget* parent = nullptr);

    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

private:
    void onPasted(KeyEdit* field, const QString& text);
    void onEdited();
    void onProbeFinished(bool passed, const QString& message);

    KeyEdit* m_public;
    KeyEdit* m_private;
    QCheckBox* m_show;
    KeyProbe* m_probe;
    bool m_passed = false;
};

} // namespace Cw
