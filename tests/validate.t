# validate(1): Frictionless Table Schema checks. Schemas are written by
# each case; tests/data holds the unit register for foreign keys.

### --help and --version
$ validate --help | head -1; validate --version
>>>
Usage: validate -s SCHEMA [OPTION]... [FILE]...
validate (govstat) 0.1.0

### no schema is a usage error
$ validate < /dev/null
>>>2
validate: give the schema with -s FILE (or --infer to write one)
Try 'validate --help' for more information.
>>>= 2

### integer: pass and fail
$ printf '{"fields": [{"name": "n", "type": "integer"}]}' > s.json; printf 'n\n12\n-3\n+4\n1.5\nx\n' | validate -s s.json
>>>
n
12
-3
+4
>>>2
validate: -:5: type-error:n:'1.5' is not of type integer
validate: -:6: type-error:n:'x' is not of type integer
validate: 5 rows read, 3 written, 2 rejected
>>>= 1

### number: decimals and exponents pass; NaN and text fail
$ printf '{"fields": [{"name": "x", "type": "number"}]}' > s.json; printf 'x\n1.5\n-2\n1e3\n.5\nNaN\n"1,5"\n' | validate -s s.json
>>>
x
1.5
-2
1e3
.5
>>>2
validate: -:6: type-error:x:'NaN' is not of type number
validate: -:7: type-error:x:'1,5' is not of type number
validate: 6 rows read, 4 written, 2 rejected
>>>= 1

### boolean: default true and false values, and custom ones
$ printf '{"fields": [{"name": "b", "type": "boolean"}, {"name": "c", "type": "boolean", "trueValues": ["是"], "falseValues": ["否"]}]}' > s.json; printf 'b,c\ntrue,是\n0,否\nyes,是\nTRUE,true\n' | validate -s s.json
>>>
b,c
true,是
0,否
>>>2
validate: -:4: type-error:b:'yes' is not of type boolean
validate: -:5: type-error:c:'true' is not of type boolean
validate: 4 rows read, 2 written, 2 rejected
>>>= 1

### date: ISO by default, "any", and a strptime pattern; impossible dates fail
$ printf '{"fields": [{"name": "d", "type": "date"}, {"name": "a", "type": "date", "format": "any"}, {"name": "p", "type": "date", "format": "%%d/%%m/%%Y"}]}' > s.json; printf 'd,a,p\n2020-03-05,2020年3月5日,05/03/2020\n2020-3-5,2020/3/5,5/3/2020\n2020-02-30,2020.3.5,31/02/2020\n' | validate -s s.json
>>>
d,a,p
2020-03-05,2020年3月5日,05/03/2020
>>>2
validate: -:3: type-error:d:'2020-3-5' is not of type date (YYYY-MM-DD)
validate: -:4: type-error:d:'2020-02-30' is not of type date (YYYY-MM-DD); type-error:p:'31/02/2020' is not of type date (format %d/%m/%Y)
validate: 3 rows read, 1 written, 2 rejected
>>>= 1

### datetime, year, yearmonth
$ printf '{"fields": [{"name": "t", "type": "datetime"}, {"name": "y", "type": "year"}, {"name": "m", "type": "yearmonth"}]}' > s.json; printf 't,y,m\n2020-03-05T08:30:00Z,2020,2020-03\n2020-03-05T08:30:00.5+08:00,1999,2020-12\n2020-03-05 08:30:00,20,2020-13\n' | validate -s s.json
>>>
t,y,m
2020-03-05T08:30:00Z,2020,2020-03
2020-03-05T08:30:00.5+08:00,1999,2020-12
>>>2
validate: -:4: type-error:t:'2020-03-05 08:30:00' is not of type datetime (YYYY-MM-DDThh:mm:ss); type-error:y:'20' is not of type year; type-error:m:'2020-13' is not of type yearmonth
validate: 3 rows read, 2 written, 1 rejected
>>>= 1

### string formats: email, uri, uuid
$ printf '{"fields": [{"name": "e", "type": "string", "format": "email"}, {"name": "u", "type": "string", "format": "uri"}, {"name": "id", "type": "string", "format": "uuid"}]}' > s.json; printf 'e,u,id\nzhang@example.cn,https://gov.example.cn/a,123e4567-e89b-12d3-a456-426614174000\nzhang@,ftp//x,123e4567e89b12d3a456426614174000\n' | validate -s s.json
>>>
e,u,id
zhang@example.cn,https://gov.example.cn/a,123e4567-e89b-12d3-a456-426614174000
>>>2
validate: -:3: type-error:e:'zhang@' is not of type string (format email); type-error:u:'ftp//x' is not of type string (format uri); type-error:id:'123e4567e89b12d3a456426614174000' is not of type string (format uuid)
validate: 2 rows read, 1 written, 1 rejected
>>>= 1

### required: an empty value fails, an optional one passes
$ printf '{"fields": [{"name": "a", "constraints": {"required": true}}, {"name": "b"}]}' > s.json; printf 'a,b\nx,\n,y\n' | validate -s s.json
>>>
a,b
x,
>>>2
validate: -:3: constraint-error:a:a value is required
validate: 2 rows read, 1 written, 1 rejected
>>>= 1

### missingValues: listed values count as missing
$ printf '{"fields": [{"name": "k"}, {"name": "n", "type": "integer", "constraints": {"required": true}}], "missingValues": ["", "-", "NA"]}' > s.json; printf 'k,n\na,3\nb,-\nc,NA\n-,NA\n' | validate -s s.json
>>>
k,n
a,3
>>>2
validate: -:3: constraint-error:n:a value is required
validate: -:4: constraint-error:n:a value is required
validate: -:5: blank-row::the row is blank
validate: 4 rows read, 1 written, 3 rejected
>>>= 1

### minimum, maximum and the exclusive bounds, on numbers and dates
$ printf '{"fields": [{"name": "n", "type": "number", "constraints": {"minimum": 0, "exclusiveMaximum": 1}}, {"name": "d", "type": "date", "constraints": {"exclusiveMinimum": "2020-01-01", "maximum": "2020-12-31"}}]}' > s.json; printf 'n,d\n0,2020-01-02\n0.99,2020-12-31\n-0.1,2020-01-01\n1,2021-01-01\n' | validate -s s.json
>>>
n,d
0,2020-01-02
0.99,2020-12-31
>>>2
validate: -:4: constraint-error:n:'-0.1' is below the minimum 0; constraint-error:d:'2020-01-01' is not above the minimum 2020-01-01
validate: -:5: constraint-error:n:'1' is not below the maximum 1; constraint-error:d:'2021-01-01' is above the maximum 2020-12-31
validate: 4 rows read, 2 written, 2 rejected
>>>= 1

### minLength and maxLength count characters, not bytes
$ printf '{"fields": [{"name": "s", "constraints": {"minLength": 2, "maxLength": 3}}]}' > s.json; printf 's\n田园镇\nab\n田\n田园镇村\n' | validate -s s.json
>>>
s
田园镇
ab
>>>2
validate: -:4: constraint-error:s:'田' is shorter than 2 characters
validate: -:5: constraint-error:s:'田园镇村' is longer than 3 characters
validate: 4 rows read, 2 written, 2 rejected
>>>= 1

### pattern must match the whole value
$ printf '{"fields": [{"name": "code", "constraints": {"pattern": "[0-9]{4}"}}]}' > s.json; printf 'code\n5101\n51011\nx5101\n' | validate -s s.json
>>>
code
5101
>>>2
validate: -:3: constraint-error:code:'51011' does not match the pattern [0-9]{4}
validate: -:4: constraint-error:code:'x5101' does not match the pattern [0-9]{4}
validate: 3 rows read, 1 written, 2 rejected
>>>= 1

### a pattern whose repetitions would make the C library's regcomp allocate without bound is refused
$ printf '{"fields": [{"name": "code", "constraints": {"pattern": "(x+)+++++++++++++++++++"}}]}' > s.json; printf 'code\nx\n' | validate -s s.json
>>>2
validate: s.json: field 'code': pattern '(x+)+++++++++++++++++++' repeats too much (its repetitions times its length pass a million)
>>>= 2

### enum, on text and on typed numbers (1.0 is the enum's 1)
$ printf '{"fields": [{"name": "s", "constraints": {"enum": ["resolved", "failed"]}}, {"name": "n", "type": "number", "constraints": {"enum": [1, 2]}}]}' > s.json; printf 's,n\nresolved,1.0\nfailed,2\nclosed,3\n' | validate -s s.json
>>>
s,n
resolved,1.0
failed,2
>>>2
validate: -:4: constraint-error:s:'closed' is not one of: resolved, failed; constraint-error:n:'3' is not one of: 1, 2
validate: 3 rows read, 2 written, 1 rejected
>>>= 1

### unique compares typed values: 01 repeats 1
$ printf '{"fields": [{"name": "n", "type": "integer", "constraints": {"unique": true}}]}' > s.json; printf 'n\n1\n2\n01\n\n' | validate -s s.json
>>>
n
1
2
>>>2
validate: -:4: unique-error:n:'01' repeats the value of line 2
validate: 3 rows read, 2 written, 1 rejected
>>>= 1

### primaryKey over two fields: required and unique together
$ printf '{"fields": [{"name": "t"}, {"name": "v"}], "primaryKey": ["t", "v"]}' > s.json; printf 't,v\na,1\na,2\na,1\n,3\n' | validate -s s.json
>>>
t,v
a,1
a,2
>>>2
validate: -:4: primary-key:t,v:'a, 1' repeats the primary key of line 2
validate: -:5: constraint-error:t:a value is required
validate: 4 rows read, 2 written, 2 rejected
>>>= 1

### uniqueKeys: a key with a missing part is not checked
$ printf '{"fields": [{"name": "t"}, {"name": "v"}], "uniqueKeys": [["t", "v"]]}' > s.json; printf 't,v\na,1\na,1\na,\na,\n' | validate -s s.json
>>>
t,v
a,1
a,
a,
>>>2
validate: -:3: unique-error:t,v:'a, 1' repeats the unique key (t,v) of line 2
validate: 4 rows read, 3 written, 1 rejected
>>>= 1

### foreignKeys: every dispute's village is in the unit register
$ cp "$DATA/units.csv" .; printf '{"fields": [{"name": "township"}, {"name": "village"}], "foreignKeys": [{"fields": ["township", "village"], "reference": {"resource": "units.csv", "fields": ["township", "village"]}}]}' > s.json; printf 'township,village\n田园镇,桃源村\n田园镇,石桥社区\n石桥乡,\n' | validate -s s.json
>>>
township,village
田园镇,桃源村
石桥乡,
>>>2
validate: -:3: foreign-key:township,village:'田园镇, 石桥社区' is not in units.csv (township,village)
validate: 3 rows read, 2 written, 1 rejected
>>>= 1

### the referenced resource is found beside the schema
$ mkdir sch; cp "$DATA/units.csv" sch/; printf '{"fields": [{"name": "village"}], "foreignKeys": [{"fields": "village", "reference": {"resource": "units.csv", "fields": "village"}}]}' > sch/s.json; printf 'village\n龙井村\n' | validate -s sch/s.json
>>>
village
龙井村

### missing-cell and extra-cell
$ printf '{"fields": [{"name": "a"}, {"name": "b"}, {"name": "c"}]}' > s.json; printf 'a,b,c\n1,2\n1,2,3,4\n' | validate -s s.json
>>>
a,b,c
>>>2
validate: -:2: missing-cell:c:the row has no cell for this field
validate: -:3: extra-cell::the row has an extra cell at position 4
validate: 2 rows read, 0 written, 2 rejected
>>>= 1

### blank-row
$ printf '{"fields": [{"name": "a"}, {"name": "b"}]}' > s.json; printf 'a,b\n,\n1,2\n' | validate -s s.json
>>>
a,b
1,2
>>>2
validate: -:2: blank-row::the row is blank
validate: 2 rows read, 1 written, 1 rejected
>>>= 1

### every error of a row is listed in _errors; read = valid + rejected
$ cp "$DATA/units.csv" .; printf '{"fields": [{"name": "id", "constraints": {"required": true, "pattern": "[A-Z]{2}[0-9]{4}"}}, {"name": "township"}, {"name": "village"}, {"name": "status", "constraints": {"enum": ["resolved", "failed"]}}, {"name": "people", "type": "integer", "constraints": {"minimum": 1}}], "primaryKey": "id", "foreignKeys": [{"fields": ["township", "village"], "reference": {"resource": "units.csv", "fields": ["township", "village"]}}]}' > s.json; printf 'id,township,village,status,people\nTY0001,田园镇,桃源村,resolved,2\nTY0002,田园镇,桃源村,closed,0\nty0003,田园镇,无名村,failed,x\nTY0001,石桥乡,白沙村,resolved,3\nTY0005,石桥乡,白沙村,failed,1\n' > in.csv; validate -s s.json -r rej.csv in.csv > ok.csv; echo "status $?"; cat rej.csv; echo "read 5 = valid $(($(wc -l < ok.csv) - 1)) + rejected $(($(wc -l < rej.csv) - 1))"
>>>
status 1
id,township,village,status,people,_line,_errors
TY0002,田园镇,桃源村,closed,0,3,"constraint-error:status:'closed' is not one of: resolved, failed; constraint-error:people:'0' is below the minimum 1"
ty0003,田园镇,无名村,failed,x,4,"constraint-error:id:'ty0003' does not match the pattern [A-Z]{2}[0-9]{4}; type-error:people:'x' is not of type integer; foreign-key:township,village:'田园镇, 无名村' is not in units.csv (township,village)"
TY0001,石桥乡,白沙村,resolved,3,5,primary-key:id:'TY0001' repeats the primary key of line 2
read 5 = valid 2 + rejected 3
>>>2
validate: 5 rows read, 2 written, 3 rejected

### a malformed row is a source-error, and reading goes on
$ printf '{"fields": [{"name": "a"}, {"name": "b"}]}' > s.json; printf 'a,b\n1,x"y\n2,3\n' | validate -s s.json
>>>
a,b
2,3
>>>2
validate: -:2: source-error::misplaced quote (a quote inside an unquoted field, or text after a closing quote)
validate: 2 rows read, 1 written, 1 rejected
>>>= 1

### fieldsMatch exact: a missing, an extra and a misplaced label (status 3)
$ printf '{"fields": [{"name": "a"}, {"name": "b"}, {"name": "c"}]}' > s.json; printf 'a,c,b\n1,2,3\n' | validate -s s.json; printf 'a,b\n1,2\n' | validate -s s.json; printf 'a,b,c,d\n1,2,3,4\n' | validate -s s.json
>>>2
validate: -: incorrect-label:b:the label 'c' at position 2 is not the field name 'b'
validate: -: incorrect-label:c:the label 'b' at position 3 is not the field name 'c'
validate: -: missing-label:c:the header has no column for field 'c'
validate: -: extra-label:d:the label 'd' at position 4 is not a field of the schema
>>>= 3

### duplicate-label and blank-label
$ printf '{"fields": [{"name": "a"}, {"name": "b"}, {"name": "c"}], "fieldsMatch": "subset"}' > s.json; printf 'a,b,a,c,\n1,2,3,4,5\n' | validate -s s.json
>>>2
validate: -: duplicate-label:a:the label 'a' at position 3 repeats position 1
validate: -: blank-label::the label in the header at position 5 is blank
>>>= 3

### fieldsMatch subset: extra columns pass through, fields are found by name
$ printf '{"fields": [{"name": "n", "type": "integer"}], "fieldsMatch": "subset"}' > s.json; printf 'note,n\nhello,1\nbye,x\n' | validate -s s.json
>>>
note,n
hello,1
>>>2
validate: -:3: type-error:n:'x' is not of type integer
validate: 2 rows read, 1 written, 1 rejected
>>>= 1

### fieldsMatch equal, superset and partial
$ printf '{"fields": [{"name": "a"}, {"name": "b"}], "fieldsMatch": "equal"}' > s1.json; printf '{"fields": [{"name": "a"}, {"name": "b"}], "fieldsMatch": "superset"}' > s2.json; printf '{"fields": [{"name": "a"}, {"name": "b"}], "fieldsMatch": "partial"}' > s3.json; printf 'b,a\n1,2\n' | validate -s s1.json; printf 'b\n1\n' | validate -s s2.json; printf 'b,x\n1,2\n' | validate -s s3.json; printf 'x\n1\n' | validate -s s3.json
>>>
b,a
1,2
b
1
b,x
1,2
>>>2
validate: -: missing-label::the header has no column for any field of the schema
>>>= 3

### a schema property govstat does not support is refused, naming it (status 2)
$ printf '{"fields": [{"name": "n", "type": "integer", "bareNumber": false}]}' > s.json; validate -s s.json < /dev/null; printf '{"fields": [{"name": "n", "type": "geopoint"}]}' > s.json; validate -s s.json < /dev/null; printf '{"fields": [{"name": "n", "constraints": {"jsonSchema": {}}}]}' > s.json; validate -s s.json < /dev/null; printf '{"fields": [{"name": "n"}], "rowsMatch": 1}' > s.json; validate -s s.json < /dev/null
>>>2
validate: s.json: field 'n': unsupported property 'bareNumber'
validate: s.json: field 'n': unsupported type 'geopoint'
validate: s.json: field 'n': unsupported constraint 'jsonSchema'
validate: s.json: unsupported property 'rowsMatch'
>>>= 2

### a schema that is not JSON, or whose bounds do not fit the type
$ printf '{"fields": [\n{"name": "n",}]}' > s.json; validate -s s.json < /dev/null; printf '{"fields": [{"name": "d", "type": "date", "constraints": {"minimum": "soon"}}]}' > s.json; validate -s s.json < /dev/null; printf '{"fields": [{"name": "a", "constraints": {"pattern": "(["}}]}' > s.json; validate -s s.json < /dev/null
>>>2
validate: s.json:2: the schema is not valid JSON
validate: s.json: field 'd': minimum 'soon' is not of type date
validate: s.json: field 'a': pattern '([' is not a valid POSIX extended regular expression
>>>= 2

### --max-errors stops checking; the rows after are counted and said
$ printf '{"fields": [{"name": "n", "type": "integer"}]}' > s.json; printf 'n\nx\n1\ny\nz\n2\n' | validate -s s.json --max-errors 2
>>>
n
1
>>>2
validate: -:2: type-error:n:'x' is not of type integer
validate: -:4: type-error:n:'y' is not of type integer
validate: 5 rows read, 1 valid, 2 rejected, 2 not checked after 2 errors (--max-errors)
>>>= 1

### the report: frictionless's shape, with rows, bytes, sha256 and every error
$ printf '{"fields": [{"name": "id", "type": "integer"}, {"name": "s", "constraints": {"enum": ["a"]}}]}' > s.json; printf 'id,s\n1,a\nx,b\n' > in.csv; validate -s s.json --report rep.json in.csv > /dev/null 2>&1; echo "status $?"; sed 's/"seconds": [0-9.]*/"seconds": 0/g' rep.json; sha256sum in.csv | cut -c1-64; wc -c < in.csv
>>>
status 1
{
  "valid": false,
  "stats": {"tasks": 1, "errors": 2, "warnings": 0, "seconds": 0, "rows": 2, "bytes": 13, "sha256": "614045c14b68dee58977d0121e9e94b4e82d53634a421840ab9a8f50cca9e60d"},
  "warnings": [],
  "errors": [
    {"type":"type-error","code":"type-error","title":"Type Error","message":"'x' is not of type integer","note":"'x' is not of type integer","rowNumber":3,"fieldNumber":1,"fieldName":"id","cell":"x"},
    {"type":"constraint-error","code":"constraint-error","title":"Constraint Error","message":"'b' is not one of: a","note":"'b' is not one of: a","rowNumber":3,"fieldNumber":2,"fieldName":"s","cell":"b"}
  ],
  "tasks": [{"name": "in.csv", "type": "table", "valid": false, "place": "in.csv", "schema": "s.json",
    "labels": ["id","s"],
    "stats": {"errors": 2, "warnings": 0, "seconds": 0, "sha256": "614045c14b68dee58977d0121e9e94b4e82d53634a421840ab9a8f50cca9e60d", "bytes": 13, "fields": 2, "rows": 2},
    "warnings": [],
    "errors": [
    {"type":"type-error","code":"type-error","title":"Type Error","message":"'x' is not of type integer","note":"'x' is not of type integer","rowNumber":3,"fieldNumber":1,"fieldName":"id","cell":"x"},
    {"type":"constraint-error","code":"constraint-error","title":"Constraint Error","message":"'b' is not one of: a","note":"'b' is not one of: a","rowNumber":3,"fieldNumber":2,"fieldName":"s","cell":"b"}
  ]}]
}
614045c14b68dee58977d0121e9e94b4e82d53634a421840ab9a8f50cca9e60d
13

### a valid file: a valid report and status 0
$ printf '{"fields": [{"name": "id", "type": "integer"}]}' > s.json; printf 'id\n1\n' | validate -s s.json --report rep.json > /dev/null; echo "status $?"; grep -c '"valid": true' rep.json
>>>
status 0
2

### header errors are in the report too
$ printf '{"fields": [{"name": "a"}, {"name": "c"}]}' > s.json; printf 'b\n1\n' | validate -s s.json --report rep.json 2>/dev/null; echo "status $?"; grep -o '"type":"[a-z-]*"' rep.json | sort | uniq -c | sed 's/^ *//'
>>>
status 3
2 "type":"incorrect-label"
2 "type":"missing-label"

### --infer writes a starting schema that validates its own input
$ printf 'code,name,n,rate,day,ok,month\n5101,石桥社区,3,0.5,2020-03-05,true,2020-03\n5102,白沙村,,1,2020-03-06,false,2020-04\n' > in.csv; validate --infer in.csv | tee s.json; validate -s s.json in.csv > /dev/null; echo "status $?"
>>>
{
  "fields": [
    {"name": "code", "type": "integer", "constraints": {"required": true}},
    {"name": "name", "type": "string", "constraints": {"required": true}},
    {"name": "n", "type": "integer"},
    {"name": "rate", "type": "number", "constraints": {"required": true}},
    {"name": "day", "type": "date", "constraints": {"required": true}},
    {"name": "ok", "type": "boolean", "constraints": {"required": true}},
    {"name": "month", "type": "yearmonth", "constraints": {"required": true}}
  ],
  "missingValues": [""]
}
status 0

### JSON lines in, JSON lines out
$ printf '{"fields": [{"name": "n", "type": "integer"}]}' > s.json; printf '{"n": 1}\n{"n": "x"}\n' | validate -s s.json
>>>
{"n":"1"}
>>>2
validate: -:2: type-error:n:'x' is not of type integer
validate: 2 rows read, 1 written, 1 rejected
>>>= 1

### a full disk is a write error
$ printf '{"fields": [{"name": "n"}]}' > s.json; printf 'n\n1\n' | validate -s s.json > /dev/full
>>>2
validate: write error: No space left on device
>>>= 3

### a schema that gives a key twice is refused, not half-read (found by fuzzing)
$ printf '{"fields": [{"name": "a"}], "primaryKey": "a", "primaryKey": "a"}' > s.json; validate -s s.json < /dev/null; printf '{"values": {"s": {"x": "1", "x": "2"}}}' > m.json; ingest -m m.json < /dev/null
>>>2
validate: s.json: the schema gives the key 'primaryKey' twice in one object
ingest: m.json: the map gives the key 'x' twice in one object
>>>= 2
