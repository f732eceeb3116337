# xml.etree.ElementTree (CPython's pure-Python module) on minipy's pyexpat: fromstring, parse,
# iterparse, XMLPullParser, tostring, namespaces, ParseError positions and a TreeBuilder target.
import io
import xml.etree.ElementTree as ET

DOC = """<?xml version="1.0"?>
<catalog xmlns:dc="http://purl.org/dc/elements/1.1/">
  <book id="b1" lang="en">
    <dc:title>Dive &amp; Swim</dc:title>
    <price currency="EUR">12.50</price>
  </book>
  <book id="b2">
    <dc:title><![CDATA[<Raw> title]]></dc:title>
    <price>7</price>
    <!-- no currency -->
  </book>
</catalog>
"""

root = ET.fromstring(DOC)
print(root.tag, root.attrib, len(root))
for book in root.iter("book"):
    title = book.find("{http://purl.org/dc/elements/1.1/}title")
    print(book.get("id"), sorted(book.attrib.items()), repr(title.text), book.find("price").text)
print([e.tag for e in root.iter()])
print(root.findall(".//price[@currency]")[0].attrib)
ns = {"dc": "http://purl.org/dc/elements/1.1/"}
print([t.text for t in root.findall(".//dc:title", ns)])

tree = ET.parse(io.BytesIO(DOC.encode()))
print(tree.getroot().tag, tree.find("book/price").text)

print(ET.tostring(root.find("book"), encoding="unicode"))
print(ET.tostring(ET.fromstring("<a b='1'><c>x</c>tail<d/></a>")))
e = ET.Element("root", x="1")
ET.SubElement(e, "child").text = "hi & <bye>"
print(ET.tostring(e, encoding="unicode"))
buf = io.BytesIO()
ET.ElementTree(e).write(buf, encoding="utf-8", xml_declaration=True)
print(buf.getvalue())

print("--- iterparse")
for event, elem in ET.iterparse(io.BytesIO(DOC.encode()), events=("start", "end", "start-ns", "end-ns")):
    if event in ("start-ns", "end-ns"):
        print(event, elem)
    else:
        print(event, elem.tag)

print("--- XMLPullParser")
pp = ET.XMLPullParser(events=("start", "end", "comment", "pi"))
for piece in ["<root><a>1</a", "><?target data?><!-- c --><b x='2'/>", "</root>"]:
    pp.feed(piece)
    for event, elem in pp.read_events():
        if event in ("start", "end"):
            print(event, elem.tag, elem.attrib, elem.text)
        else:
            print(event, elem.text)
pp.close()

print("--- TreeBuilder target and XMLParser")
class Target:
    def __init__(self):
        self.log = []
    def start(self, tag, attrib):
        self.log.append(("start", tag, attrib))
    def end(self, tag):
        self.log.append(("end", tag))
    def data(self, data):
        self.log.append(("data", data))
    def comment(self, text):
        self.log.append(("comment", text))
    def close(self):
        return self.log
parser = ET.XMLParser(target=Target())
parser.feed("<a x='1'>hello<!--note--><b/>world</a>")
for item in parser.close():
    print(item)
print(ET.XMLParser().version.startswith("Expat"))

print("--- errors")
for bad in ["<a><b></a>", "<a>", "<a>&bogus;</a>", "text"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as err:
        print(repr(bad), err, err.code, err.position)

print("--- entities and doctype")
root = ET.fromstring('<!DOCTYPE r [<!ENTITY who "world">]><r>hello &who;</r>')
print(root.text)
print(ET.fromstring("<r>caf\u00e9 \u263a</r>").text)
print(ET.fromstring("<?xml version='1.0' encoding='iso-8859-1'?><r>caf\xe9</r>".encode("latin-1")).text)
