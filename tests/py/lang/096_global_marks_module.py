# A `global` statement in any function marks the name global in the module's own scope too (as
# CPython's symtable): module-level code then stores it with STORE_GLOBAL, which shows when exec()
# runs the module with locals apart from its globals.
import dis

globals_ns = {}
locals_ns = {}
exec("""if 1:
    def f():
        y = 1
        def g():
            global y
            return y
        def h():
            return y + 1
        return g, h
    y = 9
    g, h = f()
    result9 = g()
    result2 = h()
    z = 3
    """, globals_ns, locals_ns)
print(locals_ns["result2"], locals_ns["result9"])
print(sorted(k for k in globals_ns if k != "__builtins__"), sorted(locals_ns))

source = """if 1:
    x = 7
    def f():
        x = 1
        def g():
            global x
            def i():
                def h():
                    return x
                return h()
            return i()
        return g()
    result = f()
"""
local_ns = {}
exec(source, {}, local_ns)
print(local_ns["result"])

code = compile("counter = 0\ndef bump():\n    global counter\n    counter += 1\nbump()\nplain = 1\n", "<m>", "exec")
ops = [(i.opname, i.argval) for i in dis.get_instructions(code) if i.opname.startswith("STORE")]
print(ops)
space = {}
exec(code, space)
print(space["counter"], space["plain"])
