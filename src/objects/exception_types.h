// exception_types.h — the one list of Python 3.11's built-in exception classes: name, base class,
// docstring, base classes first. Expanded into the type declarations (objects/errors.h), their
// definitions and initialisation (objects/exceptions.cpp) and, through these, the builtins module.
// BaseExceptionGroup/ExceptionGroup, with their own constructor and methods, are in exception_group.cpp.
#pragma once

#define MINIPY_EXCEPTION_TYPES(X)                                                                        \
    X(BaseException, object, "Common base class for all exceptions")                                     \
    X(SystemExit, BaseException, "Request to exit from the interpreter.")                                \
    X(KeyboardInterrupt, BaseException, "Program interrupted by user.")                                  \
    X(GeneratorExit, BaseException, "Request that a generator exit.")                                    \
    X(Exception, BaseException, "Common base class for all non-exit exceptions.")                        \
    X(StopIteration, Exception, "Signal the end from iterator.__next__().")                              \
    X(StopAsyncIteration, Exception, "Signal the end from iterator.__anext__().")                        \
    X(ArithmeticError, Exception, "Base class for arithmetic errors.")                                   \
    X(FloatingPointError, ArithmeticError, "Floating point operation failed.")                           \
    X(OverflowError, ArithmeticError, "Result too large to be represented.")                             \
    X(ZeroDivisionError, ArithmeticError, "Second argument to a division or modulo operation was zero.") \
    X(AssertionError, Exception, "Assertion failed.")                                                    \
    X(AttributeError, Exception, "Attribute not found.")                                                 \
    X(BufferError, Exception, "Buffer error.")                                                           \
    X(EOFError, Exception, "Read beyond end of file.")                                                   \
    X(ImportError, Exception, "Import can't find module, or can't find name in module.")                 \
    X(ModuleNotFoundError, ImportError, "Module not found.")                                             \
    X(LookupError, Exception, "Base class for lookup errors.")                                           \
    X(IndexError, LookupError, "Sequence index out of range.")                                           \
    X(KeyError, LookupError, "Mapping key not found.")                                                   \
    X(MemoryError, Exception, "Out of memory.")                                                          \
    X(NameError, Exception, "Name not found globally.")                                                  \
    X(UnboundLocalError, NameError, "Local name referenced but not bound to a value.")                   \
    X(OSError, Exception, "Base class for I/O related errors.")                                          \
    X(BlockingIOError, OSError, "I/O operation would block.")                                            \
    X(ChildProcessError, OSError, "Child process error.")                                                \
    X(ConnectionError, OSError, "Connection error.")                                                     \
    X(BrokenPipeError, ConnectionError, "Broken pipe.")                                                  \
    X(ConnectionAbortedError, ConnectionError, "Connection aborted.")                                    \
    X(ConnectionRefusedError, ConnectionError, "Connection refused.")                                    \
    X(ConnectionResetError, ConnectionError, "Connection reset.")                                        \
    X(FileExistsError, OSError, "File already exists.")                                                  \
    X(FileNotFoundError, OSError, "File not found.")                                                     \
    X(InterruptedError, OSError, "Interrupted by signal.")                                               \
    X(IsADirectoryError, OSError, "Operation doesn't work on directories.")                              \
    X(NotADirectoryError, OSError, "Operation only works on directories.")                               \
    X(PermissionError, OSError, "Not enough permissions.")                                               \
    X(ProcessLookupError, OSError, "Process not found.")                                                 \
    X(TimeoutError, OSError, "Timeout expired.")                                                         \
    X(ReferenceError, Exception, "Weak ref proxy used after referent went away.")                        \
    X(RuntimeError, Exception, "Unspecified run-time error.")                                            \
    X(NotImplementedError, RuntimeError, "Method or function hasn't been implemented yet.")              \
    X(RecursionError, RuntimeError, "Recursion limit exceeded.")                                         \
    X(SyntaxError, Exception, "Invalid syntax.")                                                         \
    X(IndentationError, SyntaxError, "Improper indentation.")                                            \
    X(TabError, IndentationError, "Improper mixture of spaces and tabs.")                                \
    X(SystemError, Exception,                                                                            \
      "Internal error in the Python interpreter.\n\n"                                                    \
      "Please report this to the Python maintainer, along with the traceback,\n"                         \
      "the Python version, and the hardware/OS platform and version.")                                   \
    X(TypeError, Exception, "Inappropriate argument type.")                                              \
    X(ValueError, Exception, "Inappropriate argument value (of correct type).")                          \
    X(UnicodeError, ValueError, "Unicode related error.")                                                \
    X(UnicodeDecodeError, UnicodeError, "Unicode decoding error.")                                       \
    X(UnicodeEncodeError, UnicodeError, "Unicode encoding error.")                                       \
    X(UnicodeTranslateError, UnicodeError, "Unicode translation error.")                                 \
    X(Warning, Exception, "Base class for warning categories.")                                          \
    X(UserWarning, Warning, "Base class for warnings generated by user code.")                           \
    X(DeprecationWarning, Warning, "Base class for warnings about deprecated features.")                 \
    X(PendingDeprecationWarning, Warning,                                                                \
      "Base class for warnings about features which will be deprecated\nin the future.")                 \
    X(SyntaxWarning, Warning, "Base class for warnings about dubious syntax.")                           \
    X(RuntimeWarning, Warning, "Base class for warnings about dubious runtime behavior.")                \
    X(FutureWarning, Warning,                                                                            \
      "Base class for warnings about constructs that will change semantically\nin the future.")          \
    X(ImportWarning, Warning, "Base class for warnings about probable mistakes in module imports")       \
    X(UnicodeWarning, Warning,                                                                           \
      "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.") \
    X(BytesWarning, Warning,                                                                             \
      "Base class for warnings about bytes and buffer related problems, mostly\n"                        \
      "related to conversion from str or comparing to str.")                                             \
    X(EncodingWarning, Warning, "Base class for warnings about encodings.")                              \
    X(ResourceWarning, Warning, "Base class for warnings about resource usage.")
