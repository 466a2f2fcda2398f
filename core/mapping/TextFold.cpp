#include "core/mapping/TextFold.h"

#include <QSet>

namespace Cw::TextFold {

QString fold(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool pendingSpace = false;
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
            category == QChar::Mark_Enclosing) {
            continue; // the accent of a decomposed letter
        }
        if (c.isLetterOrNumber()) {
            if (pendingSpace && !out.isEmpty()) {
                out.append(QLatin1Char(' '));
            }
            pendingSpace = false;
            out.append(c);
        } else if (c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('/') ||
                   c == QLatin1Char(',') || c == QLatin1Char('.')) {
            pendingSpace = true;
        }
        // other punctuation (apostrophes, quotes) is dropped without splitting the word
    }
    // Upper-casing first expands letters with a multi-letter upper case (ß -> SS), which plain case
    // folding keeps as they are.
    return out.toUpper().toCaseFolded();
}

QStringList words(const QString& text)
{
    return fold(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

int similarity(const QString& a, const QString& b)
{
    const QString fa = fold(a);
    const QString fb = fold(b);
    if (fa.isEmpty() || fb.isEmpty()) {
        return 0;
    }
    if (fa == fb) {
        return 100;
    }
    const QStringList wa = fa.split(QLatin1Char(' '));
    const QStringList wb = fb.split(QLatin1Char(' '));
    const QSet<QString> sa(wa.cbegin(), wa.cend());
    const QSet<QString> sb(wb.cbegin(), wb.cend());
    const int common = static_cast<int>(QSet<QString>(sa).intersect(sb).size());
    const int all = static_cast<int>(QSet<QString>(sa).unite(sb).size());
    if (common == 0) {
        // "Net 30" vs "Net30": compare without spaces before giving up
        QString ja = fa;
        QString jb = fb;
        ja.remove(QLatin1Char(' '));
        jb.remove(QLatin1Char(' '));
        return ja == jb ? 90 : 0;
    }
    return 80 * common / all;
}

} // namespace Cw::TextFold
