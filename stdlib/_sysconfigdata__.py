# _sysconfigdata__ — the build variables sysconfig reads: Debian's sysconfig names the module
# "_sysconfigdata_" + sys.abiflags + "_" + the multiarch tag, both empty for minipy. CPython's is
# written by its configure script; minipy is built by CMake, so only the variables code asks about
# are here.
build_time_vars = {
    "EXT_SUFFIX": None,  # minipy loads no extension modules
    "SOABI": None,
    "Py_DEBUG": 0,
    "Py_ENABLE_SHARED": 0,
    "WITH_DOC_STRINGS": 1,
}
