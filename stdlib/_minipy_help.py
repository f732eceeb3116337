# _minipy_help.py — help(), minipy's own, in the plain-text layout of CPython 3.11's pydoc for
# functions, classes and modules (pydoc itself needs inspect, which minipy cannot run yet), and the
# interactive help> prompt that help() without an argument starts.
import sys

_NOARG = object()

# Module attributes pydoc never lists.
_HIDDEN = {"__author__", "__builtins__", "__cached__", "__credits__", "__date__", "__doc__",
           "__file__", "__spec__", "__loader__", "__module__", "__name__", "__package__",
           "__path__", "__qualname__", "__slots__", "__version__"}

_KEYWORDS = ["False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
             "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
             "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
             "return", "try", "while", "with", "yield"]

_function = type(lambda: None)


def _is_routine(obj):
    return isinstance(obj, _function) or type(obj).__name__ in (
        "method", "builtin_function_or_method", "method_descriptor", "wrapper_descriptor",
        "method-wrapper", "classmethod_descriptor")


def _is_module(obj):
    return type(obj) is type(sys)


def _is_class(obj):
    return isinstance(obj, type)


# ---- docstrings ----

def _own_doc(obj):
    # The object's own docstring, not one its type gives every instance (pydoc's _getowndoc).
    try:
        doc = obj.__doc__
    except Exception:
        return None
    if not isinstance(doc, str):
        return None
    if not _is_class(obj) and doc == getattr(type(obj), "__doc__", None):
        return None
    return doc


def _clean(doc):
    # inspect.cleandoc: the first line as is, the common indentation of the others removed, and
    # blank lines at either end dropped.
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        text = line.lstrip()
        if text:
            indent = len(line) - len(text)
            margin = indent if margin is None else min(margin, indent)
    lines[0] = lines[0].lstrip()
    if margin is not None:
        lines[1:] = [line[margin:] for line in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def getdoc(obj):
    doc = _own_doc(obj)
    return _clean(doc) if doc else ""


def _indent(text, prefix="    "):
    if not text:
        return ""
    lines = [prefix + line for line in text.split("\n")]
    lines[-1] = lines[-1].rstrip()
    return "\n".join(lines)


def _section(title, contents):
    return title + "\n" + _indent(contents).rstrip() + "\n\n"


def _classname(cls, modname):
    name = cls.__name__
    if cls.__module__ != modname:
        name = cls.__module__ + "." + name
    return name


# ---- signatures ----

def _parameters(fn):
    # The parameter list of a Python function, from its code object, as str(inspect.signature()).
    code = fn.__code__
    names = code.co_varnames
    npos, nposonly, nkw = code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount
    defaults = fn.__defaults__ or ()
    kwdefaults = fn.__kwdefaults__ or {}
    parts = []
    first_default = npos - len(defaults)
    for i in range(npos):
        part = names[i]
        if i >= first_default:
            part += "=" + repr(defaults[i - first_default])
        parts.append(part)
        if i == nposonly - 1:
            parts.append("/")
    star = npos + nkw
    if code.co_flags & 0x04:
        parts.append("*" + names[star])
        star += 1
    elif nkw:
        parts.append("*")
    for name in names[npos:npos + nkw]:
        parts.append(name + "=" + repr(kwdefaults[name]) if name in kwdefaults else name)
    if code.co_flags & 0x08:
        parts.append("**" + names[star])
    return parts


def _signature(obj):
    # "(a, b=2)", or None where minipy cannot tell (native functions carry no signature).
    drop_first = False
    if type(obj).__name__ == "method":
        obj, drop_first = obj.__func__, True
    if not isinstance(obj, _function):
        return None
    parts = _parameters(obj)
    if drop_first and parts and not parts[0].startswith("*"):
        parts = parts[1:]
        if parts and parts[0] == "/":
            parts = parts[1:]
    return "(" + ", ".join(parts) + ")"


def _class_signature(cls):
    # What calling the class takes: its __init__'s (or __new__'s) parameters less the first.
    for klass in cls.__mro__:
        for name in ("__init__", "__new__"):
            fn = klass.__dict__.get(name)
            if isinstance(fn, staticmethod):
                fn = fn.__func__
            if isinstance(fn, _function):
                parts = _parameters(fn)[1:]
                return "(" + ", ".join(parts) + ")"
        if klass is not cls and klass.__module__ == "builtins":
            return None
    return None


# ---- the documenters ----

def _visible(name, obj=None):
    if name in _HIDDEN:
        return False
    if name.startswith("__") and name.endswith("__"):
        return True
    return not name.startswith("_")


def docroutine(obj, name=None, mod=None, cl=None):
    realname = getattr(obj, "__name__", name)
    name = name or realname
    note = ""
    if type(obj).__name__ == "method":
        imclass = obj.__self__.__class__
        if cl:
            if imclass is not cl:
                note = " from " + _classname(imclass, mod)
        else:
            note = " method of %s instance" % _classname(imclass, mod)
    title = name if name == realname else name + " = " + realname
    argspec = _signature(obj)
    if realname == "<lambda>" and argspec:
        title, argspec = name + " lambda ", argspec[1:-1]
    decl = title + (argspec or "(...)") + note
    doc = getdoc(obj)
    return decl + "\n" + (doc and _indent(doc).rstrip() + "\n")


def docdata(obj, name=None):
    result = name + "\n" if name else ""
    doc = getdoc(obj)
    if doc:
        result += _indent(doc) + "\n"
    return result


def docother(obj, name=None, maxlen=None, doc=None):
    text = repr(obj)
    if maxlen:
        line = (name + " = " if name else "") + text
        chop = maxlen - len(line)
        if chop < 0:
            text = text[:chop] + "..."
    line = (name + " = " if name else "") + text
    if doc:
        line += "\n" + _indent(str(doc)) + "\n"
    return line


def _kind(value):
    if isinstance(value, staticmethod):
        return "static method"
    if isinstance(value, classmethod):
        return "class method"
    if isinstance(value, property):
        return "readonly property" if value.fset is None else "data descriptor"
    if _is_routine(value):
        return "method"
    if hasattr(type(value), "__get__") and hasattr(type(value), "__set__"):
        return "data descriptor"
    return "data"


def _class_attributes(cls):
    # (name, kind, defining class, raw value) for every visible attribute, as inspect's
    # classify_class_attrs: each name belongs to the first class along the mro that defines it.
    attrs = []
    seen = set()
    for klass in cls.__mro__:
        for name, value in klass.__dict__.items():
            if name in seen or not _visible(name):
                continue
            seen.add(name)
            attrs.append((name, _kind(value), klass, value))
    return attrs


def docclass(cls, name=None, mod=None):
    realname = cls.__name__
    name = name or realname
    mod = mod or cls.__module__
    title = "class " + realname if name == realname else name + " = class " + realname
    if cls.__bases__:
        title += "(%s)" % ", ".join(_classname(base, mod) for base in cls.__bases__)
    contents = []
    push = contents.append
    argspec = _class_signature(cls)
    if argspec and argspec != "()":
        push(name + argspec + "\n")
    doc = getdoc(cls)
    if doc:
        push(doc + "\n")
    mro = list(cls.__mro__)
    if len(mro) > 2:
        push("Method resolution order:")
        for base in mro:
            push("    " + _classname(base, mod))
        push("")
    need_rule = [False]

    def heading(text):
        if need_rule[0]:
            push("-" * 70)
        need_rule[0] = True
        push(text)

    attrs = _class_attributes(cls)
    for thisclass in mro:
        mine = sorted((a for a in attrs if a[2] is thisclass), key=lambda a: a[0])
        if not mine or (thisclass is object and cls is not object):
            continue
        tag = "defined here" if thisclass is cls else "inherited from " + _classname(thisclass, mod)
        for kind, label in (("method", "Methods"), ("class method", "Class methods"),
                            ("static method", "Static methods")):
            ok = [a for a in mine if a[1] == kind]
            if ok:
                heading("%s %s:\n" % (label, tag))
                for attr_name, _, _, value in ok:
                    push(document(getattr(cls, attr_name), attr_name, mod, cls))
        for kind, label in (("readonly property", "Readonly properties"),
                            ("data descriptor", "Data descriptors")):
            ok = [a for a in mine if a[1] == kind]
            if ok:
                heading("%s %s:\n" % (label, tag))
                for attr_name, _, _, value in ok:
                    push(docdata(value, attr_name))
        ok = [a for a in mine if a[1] == "data"]
        if ok:
            heading("Data and other attributes %s:\n" % tag)
            for attr_name, _, _, value in ok:
                push(docother(getattr(cls, attr_name), attr_name, maxlen=70, doc=getdoc(value)) + "\n")
    text = "\n".join(contents)
    if not text:
        return title + "\n"
    return title + "\n" + _indent(text.rstrip(), " |  ") + "\n"


def _class_tree(classes, modname):
    # pydoc's tree of the module's classes under their bases, each level four spaces in.
    children = {}
    roots = []
    for c in classes:
        if c.__bases__:
            for parent in c.__bases__:
                children.setdefault(parent, [])
                if c not in children[parent]:
                    children[parent].append(c)
                if parent in classes:
                    break
        elif c not in roots:
            roots.append(c)
    for parent in children:
        if parent not in classes and parent not in roots:
            roots.append(parent)

    def walk(level, parent, prefix):
        out = ""
        for c in sorted(level, key=lambda c: (c.__module__, c.__name__)):
            out += prefix + _classname(c, modname)
            if c.__bases__ and c.__bases__ != (parent,):
                out += "(%s)" % ", ".join(_classname(b, modname) for b in c.__bases__)
            out += "\n"
            if c in children:
                out += walk(children[c], c, prefix + "    ")
        return out

    return walk(roots, None, "")


def docmodule(module, name=None, mod=None):
    name = module.__name__
    doc = getdoc(module)
    lines = doc.split("\n", 1) if doc else [""]
    synopsis = lines[0].strip()
    description = lines[1].strip() if len(lines) > 1 else ""
    result = _section("NAME", name + (synopsis and " - " + synopsis))
    if description:
        result += _section("DESCRIPTION", description)
    members = sorted(vars(module).items())
    classes = [(k, v) for k, v in members
               if _is_class(v) and getattr(v, "__module__", None) == name and _visible(k)]
    funcs = [(k, v) for k, v in members
             if _is_routine(v) and (getattr(v, "__module__", None) in (name, None) or
                                    type(v).__name__ == "builtin_function_or_method") and _visible(k)]
    data = [(k, v) for k, v in members
            if not (_is_module(v) or _is_class(v) or _is_routine(v)) and _visible(k)]
    if classes:
        contents = [_class_tree([v for k, v in classes], name)]
        contents += [document(v, k, name) for k, v in classes]
        result += _section("CLASSES", "\n".join(contents))
    if funcs:
        result += _section("FUNCTIONS", "\n".join(document(v, k, name) for k, v in funcs))
    if data:
        result += _section("DATA", "\n".join(docother(v, k, maxlen=70) for k, v in data))
    file = getattr(module, "__file__", None)
    result += _section("FILE", file if isinstance(file, str) else "(built-in)")
    return result


def document(obj, name=None, mod=None, cl=None):
    if _is_module(obj):
        return docmodule(obj, name, mod)
    if _is_class(obj):
        return docclass(obj, name, mod)
    if _is_routine(obj):
        return docroutine(obj, name, mod, cl)
    if isinstance(obj, property):
        return docdata(obj, name)
    return docother(obj, name)


def describe(obj):
    if _is_module(obj):
        if not isinstance(getattr(obj, "__file__", None), str):
            return "built-in module " + obj.__name__
        if hasattr(obj, "__path__"):
            return "package " + obj.__name__
        return "module " + obj.__name__
    kind = type(obj).__name__
    if kind == "builtin_function_or_method":
        return "built-in function " + obj.__name__
    if _is_class(obj):
        return "class " + obj.__name__
    if isinstance(obj, _function):
        return "function " + obj.__name__
    if kind == "method":
        return "method " + obj.__name__
    return kind


def render_doc(obj, title="Python Library Documentation: %s", name=None):
    desc = describe(obj)
    module = None if _is_module(obj) else sys.modules.get(getattr(obj, "__module__", None))
    if module is None and type(obj).__name__ == "builtin_function_or_method":
        import builtins  # native functions do not record their module; the builtins are found here
        if getattr(builtins, obj.__name__, None) is obj:
            module = builtins
    if name and "." in name:
        desc += " in " + name[:name.rfind(".")]
    elif module is not None and module is not obj:
        desc += " in module " + module.__name__
    if not (_is_module(obj) or _is_class(obj) or _is_routine(obj) or isinstance(obj, property)
            or _own_doc(obj)):
        # A piece of data: its class is documented instead.
        obj = type(obj)
        desc += " object"
    return title % desc + "\n\n" + document(obj, name)


# ---- finding what a string names ----

def locate(path):
    # "os.path", "len", "str.upper": a module, then attributes; else a builtin. None if not found.
    parts = path.split(".")
    module, n = None, 1
    while n <= len(parts):
        try:
            module = __import__(".".join(parts[:n]))
            for part in parts[1:n]:
                module = getattr(module, part)
        except ImportError:
            break
        except Exception:
            return None
        n += 1
    if module is not None:
        obj, rest = module, parts[n - 1:]
    else:
        import builtins
        obj, rest = builtins, parts
    for part in rest:
        try:
            obj = getattr(obj, part)
        except AttributeError:
            return None
    return obj


def _help_on(request):
    if isinstance(request, str):
        text = request.strip()
        if text in _KEYWORDS:
            print("minipy's help has no pages on keywords yet; the tutorial explains %r:" % text)
            print("https://docs.python.org/3.11/reference/compound_stmts.html\n")
            return
        obj = locate(text)
        if obj is None:
            print("No Python documentation found for %r.\n"
                  "Use help() to get the interactive help utility.\n"
                  "Use help(str) for help on the str class.\n" % text)
            return
        print(render_doc(obj, "Help on %s:", name=text))
        return
    print(render_doc(request, "Help on %s:", name=getattr(request, "__name__", None)
                     if isinstance(getattr(request, "__name__", None), str) else None))


def interactive():
    print("\nWelcome to minipy's help utility! (the layout of Python 3.11's)\n\n"
          "Enter the name of any module, function, class or keyword to get help on it;\n"
          "\"keywords\" lists the keywords. To quit this help utility and return to the\n"
          "interpreter, just type \"quit\" (or an empty line).\n")
    while True:
        try:
            request = input("help> ")
        except (EOFError, KeyboardInterrupt):
            break
        request = request.strip()
        if request in ("", "q", "quit"):
            break
        if request == "keywords":
            print("\nHere is a list of the Python keywords.\n")
            for i in range(0, len(_KEYWORDS), 4):
                print("".join(k.ljust(20) for k in _KEYWORDS[i:i + 4]).rstrip())
            print()
            continue
        _help_on(request)
    print("\nYou are now leaving help and returning to the minipy interpreter.\n"
          "If you want to ask for help on a particular object directly from the\n"
          "interpreter, you can type \"help(object)\".  Executing \"help('string')\"\n"
          "has the same effect as typing a particular string at the help> prompt.")


def help(request=_NOARG):
    if request is _NOARG:
        interactive()
    else:
        _help_on(request)
