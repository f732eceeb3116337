# Imports a module that does not exist: `from brokenpkg import sub` must name it (test 061).
import no_such_module_anywhere
