#pragma once

#include "ui/settings/SettingsSection.h"

#include <QPointer>

class QLabel;
class QLineEdit;

namespace Cw {

class ConnectorSession;
class KeyRotation;
struct KeyRotationResult;

// Settings › Keys: replaces the connector's API key pair. Apply tests the new pair against ConnectWise first
// (KeyRotation with connectWiseKeyValidator; through a manual proxy with its login): a pair that does not work is not
// saved and the old one stays.
class KeysSection final : public SettingsSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeysSection)

public:
    explicit KeysSection(QWidget* parent = nullptr);
    ~KeysSection() override;

    SettingsPlace place() const override;
    QString title() const override { return tr("Keys"); }
    void load(const SectionContext& context) override;
    bool apply(QString* error) override;
    bool appliesLater() const override { return true; }

    QString resultText() const;

private:
    void validate();
    void startRotation(const ConnectorSession& session);
    void finished(const KeyRotationResult& result);

    SectionContext m_context;
    QLineEdit* m_public = nullptr;
    QLineEdit* m_private = nullptr;
    QLabel* m_result = nullptr;
    QPointer<KeyRotation> m_rotation;
};

} // namespace Cw
