#pragma once

#include <QDateTime>
#include <QString>
#include <QtGlobal>

namespace Sim {

// SplitMix64 seeded from (seed, stream, index): each record draws from its own sequence, so a record
// depends only on the seed and its id, never on how many records are generated or in which order.
class SeededRandom final
{
public:
    SeededRandom(quint64 seed, quint64 stream, quint64 index)
        : m_state(seed * 0x9E3779B97F4A7C15ULL ^ (stream + 1) * 0xBF58476D1CE4E5B9ULL ^
                  (index + 1) * 0x94D049BB133111EBULL)
    {
        next();
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int bounded(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<quint64>(n)); }
    int range(int low, int high) { return low + bounded(high - low + 1); } // inclusive
    bool chance(int percent) { return bounded(100) < percent; }
    double amount(double low, double high) // rounded to cents
    {
        const double v = low + (high - low) * static_cast<double>(next() % 1000000ULL) / 1000000.0;
        return static_cast<double>(qRound64(v * 100.0)) / 100.0;
    }
    template <typename T, std::size_t N>
    const T& pick(const T (&items)[N])
    {
        return items[bounded(static_cast<int>(N))];
    }

private:
    quint64 m_state;
};

// "2024-03-05T14:22:10Z" for seconds since the epoch, the timestamp form ConnectWise uses.
inline QString isoTime(qint64 secsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secsSinceEpoch, Qt::UTC).toString(Qt::ISODate);
}

} // namespace Sim
