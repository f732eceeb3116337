# UTF-8 mode (PEP 540) and C locale coercion (PEP 538), as CPython 3.11 decides them at start-up:
# each child runs in a controlled environment and reports its flag, its encodings and its locale;
# then PYTHONIOENCODING.
import os
import subprocess
import sys

REPORT = """if 1:
    import io, locale, os, sys
    print(sys.flags.utf8_mode, open(os.devnull, 'w').encoding, io.text_encoding(None),
          locale.getpreferredencoding(False), locale.getencoding())
    print(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors(),
          [(s.encoding, s.errors) for s in (sys.stdin, sys.stdout, sys.stderr)])
    print(locale.setlocale(locale.LC_CTYPE), locale.setlocale(locale.LC_NUMERIC),
          os.environ.get('LC_CTYPE'), ascii(sys.argv[1:]))
"""


def run(label, env, *options):
    child_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    # The sanitizer builds' settings pass through (CI's ASan stage turns leak reports off).
    child_env.update({k: v for k, v in os.environ.items() if k.endswith("SAN_OPTIONS")})
    child_env.update(env)
    p = subprocess.run([sys.executable, *options, "-c", REPORT, "h\xe9"], env=child_env,
                       capture_output=True, text=True, errors="backslashreplace")
    print("--", label, p.returncode)
    print(p.stdout, end="")
    print(p.stderr, end="")


run("LANG=C.UTF-8", {"LANG": "C.UTF-8"})
run("LC_ALL=C.UTF-8", {"LC_ALL": "C.UTF-8"})
run("LANG=C", {"LANG": "C"})
run("LANG=POSIX", {"LANG": "POSIX"})
run("LC_ALL=C", {"LC_ALL": "C"})
run("LC_ALL=POSIX", {"LC_ALL": "POSIX"})
run("no locale variables", {})
run("LC_CTYPE=C LANG=C.UTF-8", {"LC_CTYPE": "C", "LANG": "C.UTF-8"})
run("PYTHONUTF8=1", {"LANG": "C.UTF-8", "PYTHONUTF8": "1"})
run("PYTHONUTF8=0", {"LANG": "C.UTF-8", "PYTHONUTF8": "0"})
run("LANG=C PYTHONUTF8=0", {"LANG": "C", "PYTHONUTF8": "0"})
run("LC_ALL=C PYTHONUTF8=0", {"LC_ALL": "C", "PYTHONUTF8": "0"})
run("-X utf8", {"LANG": "C.UTF-8"}, "-X", "utf8")
run("-X utf8=1", {"LANG": "C.UTF-8"}, "-X", "utf8=1")
run("-X utf8=0 LC_ALL=C", {"LC_ALL": "C"}, "-X", "utf8=0")
run("-X utf8=0 over PYTHONUTF8=1", {"LANG": "C.UTF-8", "PYTHONUTF8": "1"}, "-X", "utf8=0")
run("-E ignores PYTHONUTF8", {"LANG": "C.UTF-8", "PYTHONUTF8": "1"}, "-E")
run("PYTHONCOERCECLOCALE=0", {"LANG": "C", "PYTHONCOERCECLOCALE": "0"})
run("PYTHONCOERCECLOCALE=warn", {"LANG": "C", "PYTHONCOERCECLOCALE": "warn"})
run("PYTHONCOERCECLOCALE=warn LC_ALL=C", {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "warn"})
run("-X utf8=2", {"LANG": "C.UTF-8"}, "-X", "utf8=2")
run("PYTHONUTF8=yes", {"LANG": "C.UTF-8", "PYTHONUTF8": "yes"})
# PYTHONIOENCODING names the standard streams' encoding and errors, over UTF-8 mode's.
run("PYTHONIOENCODING=latin1 -X utf8", {"LANG": "C.UTF-8", "PYTHONIOENCODING": "latin1"}, "-X", "utf8")
run("PYTHONIOENCODING=:namereplace", {"LANG": "C.UTF-8", "PYTHONIOENCODING": ":namereplace"})
run("PYTHONIOENCODING=ascii:replace LC_ALL=C", {"LC_ALL": "C", "PYTHONIOENCODING": "ascii:replace"})
