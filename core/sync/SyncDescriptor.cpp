#include "core/sync/SyncDescriptor.h"

#include "core/config/ConfigNames.h"
#include "core/connectwise/Endpoints.h"

namespace Cw {

bool SyncDescriptor::supports(Operation operation) const
{
    return ConfigNames::isSupportedSyncOption(optionsEntity(), operation) &&
        (directionOf(operation) != Direction::Pull || fromRemote);
}

QString SyncDescriptor::permission() const
{
    return Endpoints::permissionFor(path);
}

const QList<SyncDescriptor>& SyncDescriptors::all()
{
    static const QList<SyncDescriptor> descriptors = {accounts(), products(),   invoices(), invoiceLines(),
                                                      orders(),   orderLines(), payments()};
    return descriptors;
}

const SyncDescriptor* SyncDescriptors::find(Entity entity)
{
    for (const SyncDescriptor& d : all()) {
        if (d.entity == entity) {
            return &d;
        }
    }
    return nullptr;
}

QList<Entity> SyncDescriptors::entities()
{
    QList<Entity> entities;
    for (const SyncDescriptor& d : all()) {
        if (!d.followsParent) {
            entities.append(d.entity);
        }
    }
    return entities;
}

const SyncDescriptor* SyncDescriptors::linesOf(Entity parent)
{
    for (const SyncDescriptor& d : all()) {
        if (d.followsParent && d.parentEntity == parent) {
            return &d;
        }
    }
    return nullptr;
}

} // namespace Cw
