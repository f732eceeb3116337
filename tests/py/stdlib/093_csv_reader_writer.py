# csv.reader and csv.writer over CPython's Lib/csv.py and minipy's native _csv: quoting styles,
# escapes, embedded line ends, empty lines, numeric fields, line_num, and StringIO(newline='').
import csv
import io

text = 'name,age,note\r\nAnn,31,"likes ""tea"", cake"\r\n\r\nBob,4,"two\r\nlines"\r\nCy,,\r\n'
reader = csv.reader(io.StringIO(text, newline=""))
for row in reader:
    print(reader.line_num, row)

print(list(csv.reader(["a;b;'c;d'"], delimiter=";", quotechar="'")))
print(list(csv.reader(["a, b,  c"], skipinitialspace=True)))
print(list(csv.reader([r"a\,b,c\\d"], escapechar="\\")))
print(list(csv.reader(['1,"x",2.5'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['a,"b'])))  # cut off inside quotes: taken as it stands
print(list(csv.reader(['"a"b,c'])))
print(list(csv.reader(["a\tb"], dialect="excel-tab")))
print(list(csv.reader(['"é","ü,ß"'])))

for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    out = io.StringIO()
    w = csv.writer(out, quoting=quoting)
    w.writerow(["plain", "with,comma", 'with"quote', "two\nlines", 7, 2.5, None, True])
    w.writerows([[], [""], ["", ""]])
    print(repr(out.getvalue()))

out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_NONE, escapechar="\\")
print(w.writerow(["a,b", 'q"', "back\\slash"]))
print(repr(out.getvalue()))
out = io.StringIO()
csv.writer(out, doublequote=False, escapechar="\\", lineterminator="\n").writerow(['say "hi"'])
csv.writer(out, dialect="unix").writerow(["u", 1])
print(repr(out.getvalue()))

# What the writer writes, the reader reads back.
rows = [["a", "b,c", 'd"e', "f\r\ng", "", " lead", "trail "], ["1"], [""]]
out = io.StringIO(newline="")
csv.writer(out).writerows(rows)
print(list(csv.reader(io.StringIO(out.getvalue(), newline=""))) == rows)

for bad, kwargs in [(["a,b"], dict(quoting=csv.QUOTE_NONE)), ([""], dict(quoting=csv.QUOTE_NONE, escapechar="\\"))]:
    try:
        csv.writer(io.StringIO(), **kwargs).writerow(bad)
    except csv.Error as e:
        print("csv.Error:", e)
for lines, kwargs in [(['a,"b"c'], dict(strict=True)), (['"a'], dict(strict=True)), (["a\rb"], {}), ([b"a,b"], {})]:
    try:
        print(list(csv.reader(lines, **kwargs)))
    except csv.Error as e:
        print("csv.Error:", e)
try:
    csv.writer(io.StringIO()).writerow(5)
except csv.Error as e:
    print("csv.Error:", e)

limit = csv.field_size_limit(5)
try:
    list(csv.reader(["123456"]))
except csv.Error as e:
    print("csv.Error:", e)
print(csv.field_size_limit(limit), csv.field_size_limit() == limit)

# newline modes of io.StringIO, which csv files are opened with
for newline in (None, "", "\n", "\r", "\r\n"):
    s = io.StringIO("a\r\nb\rc\nd", newline=newline)
    print(repr(newline), list(s), repr(s.getvalue()), s.newlines)
