# pickle.loads of damaged data raises what CPython's C unpickler raises: EOFError when the input ends
# between two opcodes, UnpicklingError when it ends inside an opcode's argument ("pickle data was
# truncated") or an opcode finds too little on the stack; pickle.py's own classes (pickle._loads)
# keep their IndexError/EOFError. Imported before pickle, _pickle still gives pickle its classes.
import _pickle
import io
import pickle

print(pickle.loads is _pickle.loads, pickle.Unpickler is _pickle.Unpickler)
bad = [b"", b"N", b"(", b"K", b"\x80", b"\x80\x04\x95", b"I1", b".", b"0", b"1", b"2", b"(2", b"R", b")R",
       b"Na", b"b", b"d", b"e", b"(e", b"ibuiltins\nlist\n", b"l", b"o", b"(o", b"p1\n", b"q\x00", b"s",
       b"NNs", b"t", b"u", b"(u", b"\x81", b"\x85", b"N\x86", b"\x87", b"\x90", b"(\x90", b"\x91", b"\x92",
       b"\x94", b"N(.", b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00N", b"S", b"S'abc", b"J\x00",
       b"X\x05\x00\x00\x00ab", b"\x80\x02]q\x00(K\x01K\x02e"]
for data in bad:
    for load in (pickle.loads, lambda d: pickle.Unpickler(io.BytesIO(d)).load()):
        try:
            print(data, load(data))
        except Exception as e:
            print(data, type(e).__name__, e)
for data in [b"", b".", b"K"]:
    try:
        pickle._loads(data)
    except Exception as e:
        print(data, "pickle._loads:", type(e).__name__)
print(pickle.loads(b"(N."), pickle.loads(b"N(1."), pickle.loads(pickle.dumps([1, {2: "ab" * 35000}]))[1][2][:5])


class NoInit(pickle.Unpickler):
    def __init__(self):
        pass


try:
    NoInit().load()
except pickle.UnpicklingError as e:
    print("UnpicklingError", e)
try:
    pickle.loads("text")
except TypeError as e:
    print("TypeError", e)
