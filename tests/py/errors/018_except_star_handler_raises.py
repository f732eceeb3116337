# except*: an exception raised in a clause joins the unhandled rest in a new ExceptionGroup.
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError:
    raise KeyError("from handler")
