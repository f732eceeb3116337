# tarfile's and zipfile's bzip2 and xz support, through CPython's own tarfile.py, zipfile.py and
# shutil.make_archive: archives written, listed and read back in a temporary directory.
import array
import io
import os
import shutil
import tarfile
import tempfile
import zipfile

files = {
    "a.txt": b"alpha\n" * 500,
    "dir/b.bin": bytes(range(256)) * 40,
    "dir/sub/c.txt": "\u00e9t\u00e9 unicode text\n".encode() * 100,
    "empty": b"",
}

with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, "src")
    for name, content in files.items():
        path = os.path.join(src, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(content)

    for mode in ("bz2", "xz"):
        archive = os.path.join(tmp, "t.tar." + mode)
        with tarfile.open(archive, "w:" + mode) as tar:
            for name in sorted(files):
                tar.add(os.path.join(src, name), arcname=name)
        with tarfile.open(archive) as tar:  # the compression is detected
            names = tar.getnames()
            ok = all(tar.extractfile(n).read() == files[n] for n in names)
        print(mode, names, ok)
        with tarfile.open(archive, "r:" + mode) as tar:
            print([(m.name, m.size) for m in tar.getmembers()])
        # Streaming mode, through a file object.
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w|" + mode) as tar:
            info = tarfile.TarInfo("streamed.txt")
            info.size = len(files["a.txt"])
            tar.addfile(info, io.BytesIO(files["a.txt"]))
        buf.seek(0)
        with tarfile.open(fileobj=buf, mode="r|*") as tar:
            for m in tar:
                print(mode, "stream", m.name, tar.extractfile(m).read() == files["a.txt"])
        out = os.path.join(tmp, "out_" + mode)
        with tarfile.open(archive) as tar:
            tar.extractall(out)
        print(all(open(os.path.join(out, n), "rb").read() == c for n, c in files.items()))
        try:
            tarfile.open(archive, "r:gz")
        except tarfile.ReadError as e:
            print("ReadError", e)

    for method, label in ((zipfile.ZIP_BZIP2, "bzip2"), (zipfile.ZIP_LZMA, "lzma")):
        archive = os.path.join(tmp, label + ".zip")
        with zipfile.ZipFile(archive, "w", compression=method) as z:
            for name in sorted(files):
                z.write(os.path.join(src, name), arcname=name)
            z.writestr("written.txt", "written directly " * 50)
        with zipfile.ZipFile(archive) as z:
            print(label, z.testzip(), [(i.filename, i.compress_type, i.file_size) for i in z.infolist()])
            print(all(z.read(n) == files[n] for n in files), z.read("written.txt")[:17])
            with z.open("dir/b.bin") as f:
                print(f.read(10), len(f.read()))
        # Any bytes-like data: zipfile hands a memoryview to crc32 and to the compressor.
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", method) as z:
            with z.open("q", "w") as f:
                print(f.write(array.array("Q", [1, 2, 3])), f.write(memoryview(b"view")))
        with zipfile.ZipFile(buf) as z:
            print(z.read("q")[-6:])
        # Mixed methods in one archive, appended to.
        with zipfile.ZipFile(archive, "a") as z:
            z.writestr("stored.txt", b"stored", compress_type=zipfile.ZIP_STORED)
        with zipfile.ZipFile(archive) as z:
            print(sorted(set(i.compress_type for i in z.infolist())), z.read("stored.txt"))

    for fmt in ("bztar", "xztar"):
        name = shutil.make_archive(os.path.join(tmp, "made"), fmt, root_dir=src)
        print(fmt, os.path.basename(name))
        unpacked = os.path.join(tmp, "unpacked_" + fmt)
        shutil.unpack_archive(name, unpacked)
        print(sorted(os.path.relpath(os.path.join(d, f), unpacked) for d, _, fs in os.walk(unpacked) for f in fs))
    print(sorted(n for n, _ in shutil.get_archive_formats()))
