# An uncaught exception group of more than 15 exceptions: the rest is summarised.
raise ExceptionGroup("wide", [ValueError(i) for i in range(17)])
