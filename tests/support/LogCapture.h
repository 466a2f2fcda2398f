#pragma once

// Collects the messages of one logging category while it lives (from any thread), for tests that check the log. A
// category also collects its sub-categories: LogCapture("cwconnector") collects every module's messages.

#include <QMutex>
#include <QStringList>
#include <QtGlobal>

namespace CwTest {

class LogCapture final
{
public:
    explicit LogCapture(const char* category = "cwconnector.core.connectwise") : m_category(category)
    {
        const QMutexLocker lock(&mutex());
        current() = this;
        m_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        const QMutexLocker lock(&mutex());
        current() = nullptr;
    }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    QString text() const
    {
        const QMutexLocker lock(&mutex());
        return m_lines.join(QLatin1Char('\n'));
    }

private:
    static QMutex& mutex()
    {
        static QMutex m;
        return m;
    }
    static LogCapture*& current()
    {
        static LogCapture* capture = nullptr;
        return capture;
    }
    static bool isWithin(const char* category, const char* root)
    {
        const size_t length = qstrlen(root);
        return qstrncmp(category, root, length) == 0 && (category[length] == '\0' || category[length] == '.');
    }
    static void handle(QtMsgType, const QMessageLogContext& context, const QString& message)
    {
        const QMutexLocker lock(&mutex());
        LogCapture* capture = current();
        if (capture && context.category && isWithin(context.category, capture->m_category)) {
            capture->m_lines.append(message);
        }
    }

    const char* m_category;
    QStringList m_lines;
    QtMessageHandler m_previous = nullptr;
};

} // namespace CwTest
