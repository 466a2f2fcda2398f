#include "CsvGenerator.h"

#include <QDate>
#include <QFile>

namespace Bench {

namespace {

QByteArray quoted(const QByteArray& text)
{
    QByteArray out = text;
    out.replace('"', "\"\"");
    return '"' + out + '"';
}

} // namespace

QByteArray CsvGenerator::header() const
{
    return m_entity.csvColumnNames().join(QLatin1Char(',')).toUtf8();
}

QByteArray CsvGenerator::value(const Cw::LocalColumn& column, int index) const
{
    static const char* const words[] = {"Alpha", "Müller", "Zoë", "Nord", "Sæther", "Björk", "Castro", "Dubois"};
    const QByteArray number = QByteArray::number(index);
    const QByteArray name = column.name.toUtf8();
    switch (column.type) {
    case Cw::LocalColumn::Type::Decimal:
        return QByteArray::number(index % 1000) + '.' + QByteArray::number(index % 100);
    case Cw::LocalColumn::Type::Date:
        return QDate(2026, 1, 1).addDays(index % 365).toString(Qt::ISODate).toUtf8();
    case Cw::LocalColumn::Type::Choice:
        return column.choices.at(index % column.choices.size()).toUtf8();
    case Cw::LocalColumn::Type::Text:
        break;
    }
    if (column.name == QLatin1String("id")) {
        return m_entity.name().left(3).toUtf8() + number;
    }
    if (column.name.endsWith(QLatin1String("_id"))) { // a reference: ids of another entity
        return column.name.left(3).toUtf8() + QByteArray::number(index / 3 + 1);
    }
    if (!column.valueList.isEmpty()) {
        return name + ' ' + QByteArray::number(index % 5);
    }
    QByteArray text = QByteArray(words[index % 8]) + ' ' + number;
    if (column.name == QLatin1String("name")) {
        text += ", Ltd.";
    } else if (index % 100 == 0 && column.maxLength >= 200) {
        text += "\nsecond line";
    }
    if (column.maxLength > 0) {
        text = QString::fromUtf8(text).left(column.maxLength).toUtf8();
    }
    return text.contains(',') || text.contains('\n') ? quoted(text) : text;
}

QByteArray CsvGenerator::row(int index, bool bad) const
{
    QByteArrayList cells;
    bool emptied = false;
    for (const Cw::LocalColumn& c : m_entity.columns) {
        if (c.pulledOnly) {
            continue; // not a CSV column (invoices.balance)
        }
        if (bad && !emptied && c.required && c.name != QLatin1String("id")) {
            emptied = true;
            cells.append(QByteArray());
            continue;
        }
        cells.append(value(c, index));
    }
    return cells.join(',');
}

bool CsvGenerator::write(const QString& path, int rows, int bad) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    QByteArray chunk = "\xEF\xBB\xBF" + header() + '\n';
    for (int i = 1; i <= rows; ++i) {
        chunk += row(i, bad > 0 && i % std::max(1, rows / bad) == 0) + '\n';
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    return file.write(chunk) == chunk.size() && file.flush();
}

} // namespace Bench
