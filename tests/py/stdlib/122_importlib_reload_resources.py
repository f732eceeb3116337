# importlib beyond the import statement: reload (the same module object run again, its new and old
# names), a module loaded from a file path (spec_from_file_location, module_from_spec,
# exec_module), importlib.resources on a package's files, importlib.metadata on a distribution
# found on sys.path, and the abstract classes of importlib.abc.
import importlib
import importlib.abc
import importlib.machinery
import importlib.metadata
import importlib.resources
import importlib.util
import os
import sys
import tempfile

folder = tempfile.mkdtemp()
sys.path.insert(0, folder)


def write(relative, text):
    path = os.path.join(folder, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path


write("counter_mod.py", "VERSION = 1\nloads = globals().get('loads', 0) + 1\n")
import counter_mod  # noqa: E402
print(counter_mod.VERSION, counter_mod.loads)
write("counter_mod.py", "VERSION = 2\nloads = globals().get('loads', 0) + 1\nNEW = 'new name'\n")
importlib.invalidate_caches()
again = importlib.reload(counter_mod)
print(again is counter_mod, counter_mod.VERSION, counter_mod.loads, counter_mod.NEW)

try:
    importlib.reload(type(sys)("never_imported"))
except ImportError as e:
    print("ImportError:", e, e.name)
try:
    importlib.reload(42)
except TypeError as e:
    print("TypeError:", e)

write("pkg_r/__init__.py", "from . import leaf\n")
write("pkg_r/leaf.py", "VALUE = 'first'\n")
import pkg_r  # noqa: E402
write("pkg_r/leaf.py", "VALUE = 'second'\n")
importlib.reload(pkg_r.leaf)
print(pkg_r.leaf.VALUE, sys.modules["pkg_r.leaf"] is pkg_r.leaf)

path = write("loose/plugin.py", "NAME = __name__\ndef run():\n    return NAME + ' ran'\n")
spec = importlib.util.spec_from_file_location("plugin_by_path", path)
print(type(spec.loader).__name__, spec.origin == path, spec.submodule_search_locations)
plugin = importlib.util.module_from_spec(spec)
spec.loader.exec_module(plugin)
print(plugin.run(), plugin.__file__ == path, "plugin_by_path" in sys.modules)
print(importlib.util.spec_from_file_location("data", os.path.join(folder, "x.txt")))
init = write("loose/asdir/__init__.py", "")
print(importlib.util.spec_from_file_location("asdir", init).submodule_search_locations == [os.path.dirname(init)])

write("pkg_r/data/greeting.txt", "hello, resources\n")
write("pkg_r/data/__init__.py", "")
files = importlib.resources.files("pkg_r")
print(files.joinpath("data", "greeting.txt").read_text(), end="")
print(sorted(p.name for p in files.joinpath("data").iterdir() if not p.name.startswith("__")))
print(importlib.resources.files("json").joinpath("decoder.py").is_file())
with importlib.resources.as_file(files / "leaf.py") as real:
    print(os.path.basename(real), os.path.exists(real))

write("demo_dist-1.2.3.dist-info/METADATA",
      "Metadata-Version: 2.1\nName: demo-dist\nVersion: 1.2.3\nSummary: A distribution for a test\n"
      "Requires-Dist: nothing-real (>=1.0)\n")
write("demo_dist-1.2.3.dist-info/entry_points.txt", "[console_scripts]\ndemo = demo_dist.cli:main\n")
write("demo_dist-1.2.3.dist-info/top_level.txt", "demo_dist\n")
print(importlib.metadata.version("demo-dist"), importlib.metadata.version("demo_dist"))
meta = importlib.metadata.metadata("demo-dist")
print(meta["Name"], meta["Summary"], importlib.metadata.requires("demo-dist"))
print([(e.name, e.value, e.group) for e in importlib.metadata.entry_points(group="console_scripts")
       if e.name == "demo"])
try:
    importlib.metadata.version("no-such-dist-anywhere")
except importlib.metadata.PackageNotFoundError as e:
    print("PackageNotFoundError:", e)


class Finder(importlib.abc.MetaPathFinder):
    pass


print(hasattr(Finder(), "find_spec"), Finder().invalidate_caches())
print(issubclass(importlib.machinery.SourceFileLoader, importlib.abc.SourceLoader),
      issubclass(importlib.machinery.FileFinder, importlib.abc.PathEntryFinder),
      issubclass(importlib.machinery.PathFinder, importlib.abc.MetaPathFinder),
      isinstance(importlib.machinery.BuiltinImporter, importlib.abc.MetaPathFinder))


class Loader(importlib.abc.Loader):
    pass


print(hasattr(Loader(), "exec_module"), Loader().create_module(None))
try:
    Loader().load_module("never")
except ImportError as e:
    print("ImportError:", e)


class StringLoader(importlib.abc.SourceLoader):
    def get_filename(self, fullname):
        return "<string:" + fullname + ">"

    def get_data(self, path):
        return b"ANSWER = 6 * 7\n"


module = importlib.util.module_from_spec(importlib.util.spec_from_loader("from_string", StringLoader()))
module.__spec__.loader.exec_module(module)
print(module.ANSWER, StringLoader().get_source("from_string"), end="")
print(StringLoader().is_package("from_string"))
