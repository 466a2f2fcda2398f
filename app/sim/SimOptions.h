#pragma once

#include "app/sim/SimConfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcessEnvironment>

namespace Sim {

// cwconnector-sim's command line (see README "The ConnectWise simulator") turned into a SimConfig.
// Keys come only from the environment (CWSIM_PUBLIC_KEY / CWSIM_PRIVATE_KEY), never from argv.
class SimOptions final
{
    Q_DECLARE_TR_FUNCTIONS(Sim::SimOptions)

public:
    SimOptions();

    QCommandLineParser& parser() { return m_parser; }

    // After parser().process(): fills *config, or returns false with a message naming the bad flag.
    bool toConfig(const QProcessEnvironment& environment, SimConfig* config, QString* error) const;
    quint16 port() const { return m_port; }

private:
    QCommandLineParser m_parser;
    mutable quint16 m_port = 0;
};

} // namespace Sim
