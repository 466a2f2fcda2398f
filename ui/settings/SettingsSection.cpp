#include "ui/settings/SettingsSection.h"

namespace Cw {

SettingsSection::SettingsSection(QWidget* parent) : QWidget(parent) { }

void SettingsSection::setModified(bool on)
{
    if (m_modified != on) {
        m_modified = on;
        emit modifiedChanged(on);
    }
}

void SettingsSection::setValidation(const QString& message)
{
    if (m_validation != message) {
        m_validation = message;
        emit validationChanged(message);
    }
}

} // namespace Cw
