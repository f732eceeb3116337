# pwd (native: the password database) and getpass.getuser from CPython's Lib, which asks the
# environment first and pwd when it says nothing.
import getpass
import os
import pwd

root = pwd.getpwuid(0)
print(root.pw_name, root.pw_uid, root.pw_gid, root[0], len(root), type(root).__name__, type(root).__module__)
print(pwd.getpwnam("root") == root, pwd.struct_passwd.n_fields, [type(x).__name__ for x in root])
me = pwd.getpwuid(os.getuid())
print(me.pw_uid == os.getuid(), pwd.getpwnam(me.pw_name).pw_uid == me.pw_uid, any(e.pw_uid == 0 for e in pwd.getpwall()))
for call, arg in [(pwd.getpwuid, 2**31 - 7), (pwd.getpwnam, "no-such-user-minipy")]:
    try:
        call(arg)
    except KeyError as e:
        print("KeyError:", e)
try:
    pwd.getpwnam(3)
except TypeError as e:
    print("TypeError:", e)
for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
    os.environ.pop(name, None)
print(getpass.getuser() == me.pw_name)
os.environ["USER"] = "someone"
print(getpass.getuser())
