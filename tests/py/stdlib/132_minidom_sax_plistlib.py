# Three more users of pyexpat: xml.dom.minidom (through xml.dom.expatbuilder), xml.sax with its
# expatreader driver, and plistlib's XML format.
import datetime
import io
import plistlib
import xml.dom.minidom as minidom
import xml.sax
import xml.sax.handler
from xml.sax.saxutils import XMLGenerator

print("--- minidom")
doc = minidom.parseString(
    '<?xml version="1.0"?><!DOCTYPE note [<!ENTITY sig "-- me">]>'
    '<note date="today" xmlns:x="urn:x"><to>Tove</to><x:body>Hi &amp; bye &sig;</x:body>'
    '<!-- c --><![CDATA[<raw>]]><empty/></note>')
print(doc.documentElement.tagName, doc.documentElement.getAttribute("date"))
print(doc.doctype.name, [e.tagName for e in doc.getElementsByTagName("to")])
body = doc.getElementsByTagNameNS("urn:x", "body")[0]
print(body.localName, body.prefix, body.namespaceURI, repr(body.firstChild.data))
print(doc.documentElement.toxml())
print(doc.toprettyxml(indent="  ")[:200])
doc2 = minidom.parse(io.BytesIO(b"<a><b k='v'>t</b></a>"))
print(doc2.toxml())
try:
    minidom.parseString("<a><b></a>")
except Exception as e:
    print(type(e).__name__, e, e.lineno, e.offset)

print("--- sax")
class Handler(xml.sax.handler.ContentHandler):
    def startDocument(self):
        print("startDocument")
    def endDocument(self):
        print("endDocument")
    def startElement(self, name, attrs):
        print("start", name, sorted(attrs.items()))
    def endElement(self, name):
        print("end", name)
    def characters(self, content):
        if content.strip():
            print("chars", repr(content))
    def processingInstruction(self, target, data):
        print("pi", target, data)
xml.sax.parseString(b"<?xml version='1.0'?><r a='1'><?go now?><c>text &lt;here&gt;</c><d b='2'/></r>",
                    Handler())

class NSHandler(xml.sax.handler.ContentHandler):
    def startPrefixMapping(self, prefix, uri):
        print("prefix", prefix, uri)
    def startElementNS(self, name, qname, attrs):
        print("startNS", name, qname, sorted(attrs.items()))
    def endElementNS(self, name, qname):
        print("endNS", name, qname)
parser = xml.sax.make_parser()
parser.setFeature(xml.sax.handler.feature_namespaces, True)
parser.setContentHandler(NSHandler())
parser.parse(io.BytesIO(b"<p:r xmlns:p='urn:p' p:a='1'><p:c/></p:r>"))

try:
    xml.sax.parseString(b"<r><unclosed></r>", xml.sax.handler.ContentHandler())
except xml.sax.SAXParseException as e:
    print("SAXParseException", e.getMessage(), e.getLineNumber(), e.getColumnNumber())

out = io.StringIO()
gen = XMLGenerator(out)
xml.sax.parseString(b"<r x='1'>a &amp; b<e/></r>", gen)
print(out.getvalue())

incremental = xml.sax.make_parser()
incremental.setContentHandler(Handler())
for piece in [b"<r><c>pa", b"rt</c", b"></r>"]:
    incremental.feed(piece)
incremental.close()

print("--- plistlib")
data = {
    "name": "minipy",
    "version": 3,
    "ratio": 0.5,
    "enabled": True,
    "disabled": False,
    "tags": ["a", "b & c", "<d>"],
    "nested": {"empty": [], "inner": {"x": 1}},
    "blob": b"\x00\x01binary\xff",
    "when": datetime.datetime(2024, 5, 17, 12, 30, 45),
    "unicode": "caf\u00e9 \u263a",
}
xml_bytes = plistlib.dumps(data)
print(xml_bytes.decode())
back = plistlib.loads(xml_bytes)
print(back == data, sorted(back))
print(plistlib.loads(plistlib.dumps([1, "two", {"three": 3.0}], sort_keys=False)))
binary = plistlib.dumps(data, fmt=plistlib.FMT_BINARY)
print(plistlib.loads(binary) == data)
try:
    plistlib.loads(b"<plist><dict><key>a</key></plist>")
except Exception as e:
    print(type(e).__name__, e)
