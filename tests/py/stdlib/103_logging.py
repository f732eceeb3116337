# CPython's logging, unchanged from its Lib: loggers in a hierarchy, levels, handlers with formatters
# (%-style, {-style, $-style), filters, LoggerAdapter, exc_info tracebacks, dictConfig, and the
# "No handlers could be found" fallback (logging.lastResort writes to sys.stderr).
import io
import logging
import logging.config
import logging.handlers
import sys

stream = io.StringIO()
root = logging.getLogger()
h = logging.StreamHandler(stream)
h.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
root.addHandler(h)
root.setLevel(logging.DEBUG)

app = logging.getLogger("app")
db = logging.getLogger("app.db")
print(db.parent is app, app.parent is root, db.getEffectiveLevel(), logging.getLevelName(db.getEffectiveLevel()))
app.setLevel(logging.INFO)
db.debug("hidden %d", 1)
db.info("query took %.1f ms", 2.25)
app.warning("careful: %s", {"k": 1})
db.error("failed")
print(db.isEnabledFor(logging.DEBUG), db.isEnabledFor(logging.ERROR), db.getEffectiveLevel())


class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1


f = OnlyOdd()
app.addFilter(f)
for i in range(4):
    app.info("number %d", i)
app.removeFilter(f)

brace = logging.StreamHandler(stream)
brace.setFormatter(logging.Formatter("[{levelname:>8}] {name} {message}", style="{"))
dollar = logging.StreamHandler(stream)
dollar.setFormatter(logging.Formatter("$levelname/$name: $message", style="$"))
other = logging.getLogger("other")
other.propagate = False
other.addHandler(brace)
other.addHandler(dollar)
other.critical("both styles")

adapter = logging.LoggerAdapter(app, {"user": "ann"})
adapter.info("adapted")
print(adapter.process("m", {}))

try:
    1 / 0
except ZeroDivisionError:
    db.exception("it broke")
lines = stream.getvalue().splitlines()
print("\n".join(line for line in lines if not line.startswith("  File")))

mem = logging.handlers.MemoryHandler(capacity=2, target=logging.StreamHandler(sys.stdout))
mem.setFormatter(logging.Formatter("%(message)s"))
mlog = logging.getLogger("mem")
mlog.propagate = False
mlog.addHandler(mem)
mlog.warning("one")
print("buffered", len(mem.buffer))
mlog.warning("two")
print("buffered", len(mem.buffer))

logging.config.dictConfig({
    "version": 1,
    "formatters": {"short": {"format": "%(name)s|%(levelname)s|%(message)s"}},
    "handlers": {"out": {"class": "logging.StreamHandler", "formatter": "short", "stream": "ext://sys.stdout"}},
    "loggers": {"cfg": {"handlers": ["out"], "level": "WARNING", "propagate": False}},
})
cfg = logging.getLogger("cfg")
cfg.info("not shown")
cfg.warning("configured")
print(logging.getLevelName(15), logging.getLevelName("WARNING"), logging.INFO, logging.WARN == logging.WARNING)
logging.addLevelName(15, "VERBOSE")
print(logging.getLevelName(15))

record = logging.makeLogRecord({"msg": "hello %s", "args": ("you",), "levelno": 30, "levelname": "WARNING"})
print(record.getMessage(), record.levelname, logging.Formatter("%(message)s!").format(record))

root.removeHandler(h)
sys.stderr = sys.stdout  # lastResort writes to sys.stderr when nothing handles a record
logging.getLogger("lonely").warning("no handler anywhere")
logging.getLogger("lonely").info("below lastResort's level")
sys.stderr = sys.__stderr__
logging.shutdown()
