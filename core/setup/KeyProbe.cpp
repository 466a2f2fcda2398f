#include "core/setup/KeyProbe.h"

#include "core/check/KeyValidation.h"

#include <QPointer>

#include <memory>

namespace Cw {

KeyProbe::KeyProbe(QObject* parent) : QObject(parent) { }

void KeyProbe::start(const ConnectorSession& session)
{
    m_running = true;
    const int generation = ++m_generation;
    auto error = std::make_shared<ApiError>();
    const KeyValidator validator = connectWiseKeyValidator(session, this, error.get());
    QPointer<KeyProbe> self(this);
    validator(ApiKeyPair {session.connection().publicKey, session.connection().privateKey},
              [self, generation, error](bool passed, const QString& message) {
                  if (!self || generation != self->m_generation) {
                      return;
                  }
                  self->m_running = false;
                  self->m_error = *error;
                  self->m_message = message;
                  emit self->finished(passed, message);
              });
}

} // namespace Cw
