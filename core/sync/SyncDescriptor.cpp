#include "core/sync/SyncDescriptor.h"

#include "core/config/ConfigNames.h"
#include "core/connectwise/Endpoints.h"

namespace Cw {

bool SyncDescriptor::supports(const QString& operation) const
{
    return ConfigNames::isSupportedSyncOption(entity, operation) &&
        (!operation.startsWith(QLatin1String("pull")) || fromRemote);
}

QString SyncDescriptor::permission() const
{
    return Endpoints::permissionFor(path);
}

const QList<SyncDescriptor>& SyncDescriptors::all()
{
    static const QList<SyncDescriptor> descriptors = {accounts(), products(), invoices(), orders(), payments()};
    return descriptors;
}

const SyncDescriptor* SyncDescriptors::find(const QString& entity)
{
    for (const SyncDescriptor& d : all()) {
        if (d.entity == entity) {
            return &d;
        }
    }
    return nullptr;
}

QStringList SyncDescriptors::entityNames()
{
    QStringList names;
    for (const SyncDescriptor& d : all()) {
        names.append(d.entity);
    }
    return names;
}

} // namespace Cw
