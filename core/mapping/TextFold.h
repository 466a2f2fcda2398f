#pragma once

#include <QString>
#include <QStringList>

namespace Cw {

// Folds text for matching names across systems: case, accents (é -> e), punctuation and runs of
// whitespace are ignored, so "  José  O'Neil " and "jose oneil" compare equal.
namespace TextFold {

QString fold(const QString& text);
// The folded words, e.g. {"jose", "oneil"}.
QStringList words(const QString& text);
// 0..100: how much two names share, by folded words (Jaccard on words, with a bonus for equal text).
int similarity(const QString& a, const QString& b);

} // namespace TextFold

} // namespace Cw
