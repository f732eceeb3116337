// mappingproxy.h — types.MappingProxyType: a read-only view of a mapping, what type.__dict__ and
// re.Pattern.groupindex give, so code cannot change a class's namespace behind its back.
#pragma once

#include "objects/object.h"

namespace minipy {

extern Type mappingproxy_type;
void init_mappingproxy_type();
// A proxy reading through to `mapping` (borrowed), which keeps changing underneath it.
Ref mappingproxy_new(Object* mapping);

}  // namespace minipy
