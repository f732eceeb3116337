# pyexpat: handlers called in order with their arguments, attribute options, namespaces,
# buffer_text, errors with code/lineno/offset, and the module's constants and submodules.
import pyexpat
import xml.parsers.expat as expat
from xml.parsers.expat import errors, model

print(expat.ParserCreate is pyexpat.ParserCreate, expat.error is expat.ExpatError)
print(expat.ExpatError.__module__, expat.ExpatError.__name__)
print(type(expat.version_info), len(expat.version_info), expat.EXPAT_VERSION.startswith("expat_"))
print(expat.native_encoding, type(expat.features), all(isinstance(f, tuple) for f in expat.features))
print(expat.XML_PARAM_ENTITY_PARSING_NEVER, expat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE,
      expat.XML_PARAM_ENTITY_PARSING_ALWAYS)
print(model.XML_CTYPE_EMPTY, model.XML_CTYPE_SEQ, model.XML_CQUANT_NONE, model.XML_CQUANT_PLUS)
print(errors.XML_ERROR_SYNTAX, errors.codes[errors.XML_ERROR_SYNTAX], errors.messages[2])
print(expat.ErrorString(3), expat.ErrorString(4))
import sys
print("pyexpat.errors" in sys.modules, sys.modules["xml.parsers.expat.errors"] is errors)
print(type(expat.ParserCreate()).__name__, expat.XMLParserType.__name__)

DOC = b"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE root [
  <!ELEMENT root (item*, note?)>
  <!ATTLIST root lang CDATA "en">
  <!ENTITY ent "entity text">
  <!NOTATION png SYSTEM "image/png">
]>
<?pi-target some data?>
<root a="1" b="two">
  <!-- a comment -->
  <item id="x">text &amp; more &ent;</item>
  <![CDATA[raw <data>]]>
  <note/>
</root>
"""

events = []
def rec(name):
    def handler(*args):
        events.append((name,) + args)
    return handler

p = expat.ParserCreate()
for h in ["StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler",
          "CharacterDataHandler", "CommentHandler", "StartCdataSectionHandler",
          "EndCdataSectionHandler", "StartDoctypeDeclHandler", "EndDoctypeDeclHandler",
          "EntityDeclHandler", "XmlDeclHandler", "ElementDeclHandler", "AttlistDeclHandler",
          "NotationDeclHandler"]:
    setattr(p, h, rec(h.replace("Handler", "")))
print(p.Parse(DOC, True))
for e in events:
    print(e)

print("--- ordered and specified attributes")
for ordered in (False, True):
    for specified in (False, True):
        p = expat.ParserCreate()
        p.ordered_attributes = ordered
        p.specified_attributes = specified
        got = []
        p.StartElementHandler = lambda name, attrs: got.append((name, attrs))
        p.Parse(b'<!DOCTYPE r [<!ATTLIST r d CDATA "dflt">]><r z="1" a="2"/>', True)
        print(ordered, specified, p.ordered_attributes, got)

print("--- namespaces")
events = []
p = expat.ParserCreate(namespace_separator="|")
p.StartElementHandler = rec("start")
p.EndElementHandler = rec("end")
p.StartNamespaceDeclHandler = rec("ns")
p.EndNamespaceDeclHandler = rec("endns")
p.Parse('<a xmlns="urn:d" xmlns:x="urn:x"><x:b x:c="1"/></a>', True)
for e in events:
    print(e)
events = []
p = expat.ParserCreate(namespace_separator=" ")
p.namespace_prefixes = True
p.StartElementHandler = rec("start")
p.Parse('<x:b xmlns:x="urn:x" x:c="1"/>', True)
print(events, p.namespace_prefixes)
for bad in (42, "ab"):
    try:
        expat.ParserCreate(namespace_separator=bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print("--- buffer_text")
for buffered in (False, True):
    p = expat.ParserCreate()
    p.buffer_text = buffered
    chunks = []
    p.CharacterDataHandler = chunks.append
    p.Parse(b"<a>one &amp; two\nthree<![CDATA[four]]>five</a>", True)
    print(buffered, p.buffer_text, p.buffer_size, p.buffer_used, chunks)
p = expat.ParserCreate()
p.buffer_text = True
p.buffer_size = 4
chunks = []
p.CharacterDataHandler = chunks.append
p.Parse(b"<a>ab&amp;cdefgh&lt;i</a>", True)
print(chunks)
for bad in (0, -1, "x"):
    try:
        p.buffer_size = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print("--- errors")
for doc in [b"<a>", b"<a></b>", b"", b"<a/><b/>", b"<a x='1' x='2'/>", b"\n\n  <a>&nope;</a>"]:
    p = expat.ParserCreate()
    try:
        p.Parse(doc, True)
    except expat.ExpatError as e:
        print(repr(doc), "->", e, "|", e.code, e.lineno, e.offset, errors.messages[e.code])
        print("   ", p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)

print("--- handler exceptions stop the parse")
p = expat.ParserCreate()
seen = []
def start(name, attrs):
    seen.append(name)
    if name == "b":
        raise KeyError(name)
p.StartElementHandler = start
try:
    p.Parse(b"<a><b><c/></b></a>", True)
except KeyError as e:
    print("KeyError", e, seen)

print("--- incremental, positions, intern, ParseFile, base")
p = expat.ParserCreate()
pos = []
p.StartElementHandler = lambda n, a: pos.append((n, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex))
for piece in [b"<ro", b"ot>\n <ch", b"ild/>", b"</root>"]:
    p.Parse(piece)
p.Parse(b"", True)
print(pos)
names = []
p = expat.ParserCreate()
p.StartElementHandler = lambda n, a: names.append(n)
p.Parse(b"<e><e/><e/></e>", True)
print(len(names), all(n is names[0] for n in names), sorted(p.intern))
print(expat.ParserCreate(intern=None).intern)
import io
p = expat.ParserCreate()
got = []
p.StartElementHandler = lambda n, a: got.append(n)
print(p.ParseFile(io.BytesIO(b"<doc>" + b"<x/>" * 1000 + b"</doc>")), len(got))
try:
    p.ParseFile(io.BytesIO(b"<doc/>"))
except expat.ExpatError as e:
    print(e.code == errors.codes[errors.XML_ERROR_FINISHED], e)
p.SetBase("http://example.com/")
print(p.GetBase(), expat.ParserCreate().GetBase())
print(p.StartElementHandler is not None, p.EndElementHandler)
try:
    p.no_such_thing = 1
except AttributeError as e:
    print("AttributeError", e)

print("--- default handler, skipped entity, external entity")
p = expat.ParserCreate()
out = []
p.DefaultHandler = out.append
p.Parse(b"<a x='1'>t<!--c--></a>", True)
print(out)
p = expat.ParserCreate()
out = []
p.ExternalEntityRefHandler = lambda *a: out.append(a) or 1
p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_ALWAYS)
p.Parse(b'<!DOCTYPE a [<!ENTITY e SYSTEM "e.xml">]><a>&e;</a>', True)
print(out)
p = expat.ParserCreate()
inner = []
def ext(context, base, system_id, public_id):
    child = p.ExternalEntityParserCreate(context)
    child.CharacterDataHandler = inner.append
    child.Parse(b"from the entity", True)
    return 1
p.ExternalEntityRefHandler = ext
p.CharacterDataHandler = inner.append
p.Parse(b'<!DOCTYPE a [<!ENTITY e SYSTEM "e.xml">]><a>[&e;]</a>', True)
print(inner)
p = expat.ParserCreate()
p.SkippedEntityHandler = rec("skipped")
events = []
p.Parse(b'<!DOCTYPE a SYSTEM "x.dtd"><a>&undeclared;</a>', True)
print(events)
p = expat.ParserCreate("iso-8859-1")
txt = []
p.CharacterDataHandler = txt.append
p.Parse(b"<a>caf\xe9</a>", True)
print(txt)
