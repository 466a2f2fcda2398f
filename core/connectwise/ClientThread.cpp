#include "core/connectwise/ClientThread.h"

#include "core/connectwise/NetworkAccessFactory.h"

namespace Cw {

ClientThread::ClientThread(const ApiClient& source)
{
    m_thread.setObjectName(QStringLiteral("cw-network"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    // Deleted in the thread once its event loop has ended, with everything parented to it.
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
    const Connection connection = source.connection();
    const std::optional<CompanyInfo> info = source.companyInfo();
    const std::shared_ptr<RateGovernor> governor = source.governor();
    const NetworkAccessFactory* network = &source.networkFactory();
    QMetaObject::invokeMethod(
        m_context,
        [this, connection, info, governor, network] {
            m_client = new ApiClient(*network, connection, governor, m_context); // its manager made in this thread
            if (info) {
                m_client->setCompanyInfo(*info); // no second company lookup
            }
        },
        Qt::BlockingQueuedConnection);
}

ClientThread::~ClientThread()
{
    m_thread.quit();
    m_thread.wait();
}

} // namespace Cw
