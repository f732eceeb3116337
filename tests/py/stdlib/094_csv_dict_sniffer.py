# csv.DictReader, csv.DictWriter and csv.Sniffer (CPython's Lib/csv.py) on minipy's native _csv.
import csv
import io

text = "id,name,score\n1,Ann,9.5\n2,Bob\n3,Cy,7,extra,more\n"
for row in csv.DictReader(io.StringIO(text)):
    print(row)
reader = csv.DictReader(io.StringIO(text), restkey="rest", restval="?")
print(reader.fieldnames)
for row in reader:
    print(row)
print(list(csv.DictReader(io.StringIO("a|b\n1|2\n"), fieldnames=["x", "y"], delimiter="|")))

out = io.StringIO()
writer = csv.DictWriter(out, fieldnames=["id", "name"], restval="-", lineterminator="\n")
writer.writeheader()
writer.writerow({"id": 1, "name": "Ann, A."})
writer.writerows([{"id": 2}, {"name": "Cy"}])
print(repr(out.getvalue()))
try:
    writer.writerow({"id": 4, "age": 5})
except ValueError as e:
    print("ValueError:", e)
try:
    csv.DictWriter(out, ["a"], extrasaction="nope")
except ValueError as e:
    print("ValueError:", e)
csv.DictWriter(out, ["a"], extrasaction="ignore").writerow({"a": 1, "b": 2})

sniffer = csv.Sniffer()
sample = "name;age;city\nAnn;31;'Paris; France'\nBob;4;Rome\n"
dialect = sniffer.sniff(sample)
print(repr(dialect.delimiter), repr(dialect.quotechar), dialect.doublequote, dialect.skipinitialspace)
print(sniffer.has_header(sample))
print(list(csv.reader(io.StringIO(sample), dialect)))
print(repr(sniffer.sniff("a,b,c\n1,2,3\n", delimiters=",;").delimiter))
try:
    sniffer.sniff("abc")
except csv.Error as e:
    print("csv.Error:", e)
