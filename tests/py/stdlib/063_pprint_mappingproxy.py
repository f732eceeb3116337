# pprint of dicts and of a mappingproxy (types.MappingProxyType is its own type now: pprint took
# every dict for one and recursed without end).
import pprint
import types

pprint.pprint({'a': list(range(30)), 'b': {'c': 1}})


class C:
    x = 1


print(pprint.pformat(types.MappingProxyType({'k': 'v' * 50, 'j': list(range(20))})))
print(pprint.pformat(C.__dict__['x']))
