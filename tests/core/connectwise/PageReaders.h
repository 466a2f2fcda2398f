#pragma once

// The pager tests' page reader (tst_pager, tst_threadedpager).

#include "core/connectwise/JsonView.h"

#include <QList>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace CwTest {

// A Pager::RawPrepare that reads a page's ids (a QList<qint64> as Page::prepared), counting in *offThread the pages
// it read on another thread than `notOn`.
inline std::function<std::shared_ptr<void>(const QByteArray&, qsizetype*, QString*)>
idReader(std::atomic_int* offThread, QThread* notOn)
{
    return [offThread, notOn](const QByteArray& body, qsizetype* count, QString* error) -> std::shared_ptr<void> {
        if (QThread::currentThread() != notOn) {
            ++*offThread;
        }
        std::vector<Cw::JsonView> records;
        if (!Cw::JsonView::splitArray(body, &records, error)) {
            return nullptr;
        }
        *count = static_cast<qsizetype>(records.size());
        auto ids = std::make_shared<QList<qint64>>();
        for (const Cw::JsonView& v : records) {
            ids->append(v.value(QLatin1String("id")).toInteger());
        }
        return ids;
    };
}

} // namespace CwTest
