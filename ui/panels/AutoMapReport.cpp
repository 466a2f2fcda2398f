#include "ui/panels/AutoMapReport.h"

namespace Cw {

int AutoMapReport::mappedCount() const
{
    int n = 0;
    for (const Table& t : tables) {
        n += static_cast<int>(t.mapped.size());
    }
    return n;
}

int AutoMapReport::unmappedCount() const
{
    int n = 0;
    for (const Table& t : tables) {
        n += static_cast<int>(t.unmapped.size());
    }
    return n;
}

QString AutoMapReport::text() const
{
    const QString separator = tr(", ");
    QStringList lines;
    lines.append(tr("Auto-map all tables (exact name or ISO code matches): %1 mapped, %2 left unmapped.")
                     .arg(mappedCount())
                     .arg(unmappedCount()));
    QStringList unused;
    for (const Table& t : tables) {
        if (!t.inUse()) {
            unused.append(t.title);
            continue;
        }
        QStringList parts;
        if (!t.mapped.isEmpty()) {
            parts.append(tr("mapped %1").arg(t.mapped.join(separator)));
        }
        if (!t.unmapped.isEmpty()) {
            parts.append(tr("left unmapped: %1").arg(t.unmapped.join(separator)));
        }
        if (t.kept > 0) {
            parts.append(tr("kept %1 already mapped").arg(t.kept));
        }
        if (!t.note.isEmpty()) {
            parts.append(t.note);
        }
        lines.append(tr("• %1: %2").arg(t.title, parts.join(tr("; "))));
    }
    if (!unused.isEmpty()) {
        lines.append(tr("No values in use: %1.").arg(unused.join(separator)));
    }
    if (unmappedCount() > 0) {
        lines.append(tr("Pick a ConnectWise value for each value left unmapped: records using it are skipped."));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace Cw
