# hashlib.py — minipy's hashlib: the names of CPython's hashlib over the native _hashlib (OpenSSL's
# digests). It comes before CPython's own Lib/hashlib.py on the search path, which would also look
# for _blake2, _md5, ... modules that minipy does not have.
import _hashlib

__always_supported = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
                      'blake2b', 'blake2s',
                      'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
                      'shake_128', 'shake_256')

algorithms_guaranteed = set(__always_supported)
algorithms_available = algorithms_guaranteed | _hashlib.openssl_md_meth_names

__all__ = __always_supported + ('new', 'algorithms_guaranteed',
                                'algorithms_available', 'pbkdf2_hmac', 'file_digest')

md5 = _hashlib.openssl_md5
sha1 = _hashlib.openssl_sha1
sha224 = _hashlib.openssl_sha224
sha256 = _hashlib.openssl_sha256
sha384 = _hashlib.openssl_sha384
sha512 = _hashlib.openssl_sha512
sha3_224 = _hashlib.openssl_sha3_224
sha3_256 = _hashlib.openssl_sha3_256
sha3_384 = _hashlib.openssl_sha3_384
sha3_512 = _hashlib.openssl_sha3_512
shake_128 = _hashlib.openssl_shake_128
shake_256 = _hashlib.openssl_shake_256
pbkdf2_hmac = _hashlib.pbkdf2_hmac


def new(name, data=b'', **kwargs):
    """new(name, data=b'') - Return a new hashing object using the named algorithm;
    optionally initialized with data (which must be a bytes-like object).
    """
    try:
        return _hashlib.new(name, data, **kwargs)
    except ValueError:
        # CPython's message once neither OpenSSL nor a built-in module has the digest.
        raise ValueError('unsupported hash type ' + name) from None


def __blake2(name, max_digest_size):
    # OpenSSL 3.0 offers BLAKE2 with its default parameters only (CPython uses its own _blake2
    # for the keyed and shortened variants, which minipy does not have).
    def constructor(data=b'', *, digest_size=max_digest_size, key=b'', salt=b'', person=b'',
                    fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0,
                    last_node=False, usedforsecurity=True):
        if (digest_size != max_digest_size or key or salt or person or fanout != 1 or depth != 1
                or leaf_size or node_offset or node_depth or inner_size or last_node):
            raise ValueError(name + ' with parameters other than the defaults is not supported by minipy')
        return _hashlib.new(name, data)
    constructor.__name__ = name
    return constructor


blake2b = __blake2('blake2b', 64)
blake2s = __blake2('blake2s', 32)


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a file-like object. Returns a digest object.

    *fileobj* must be a file-like object opened for reading in binary mode.
    *digest* must either be a hash algorithm name as a *str*, a hash
    constructor, or a callable that returns a hash object.
    """
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    if not (hasattr(fileobj, 'read') and hasattr(fileobj, 'readable') and fileobj.readable()):
        raise ValueError(f"'{fileobj!r}' is not a file-like object in binary reading mode.")
    while True:
        chunk = fileobj.read(_bufsize)
        if not chunk:
            break
        digestobj.update(chunk)
    return digestobj
