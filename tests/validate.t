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

### a pattern PCRE2 cannot read is refused, with its reason
$ printf '{"fields": [{"name": "code", "constraints": {"pattern": "(x+)+++++++++++++++++++"}}]}' > s.json; printf 'code\nx\n' | validate -s s.json
>>>2
validate: s.json: field 'code': pattern '(x+)+++++++++++++++++++' is not a valid regular expression: quantifier does not follow a repeatable item at byte 7
>>>= 2

### a pattern that backtracks without bound stops at PCRE2's match limit: the value is rejected, quickly
$ printf '{"fields": [{"name": "code", "constraints": {"pattern": "(a|aa)*"}}]}' > s.json; printf 'code\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\naa\n' | validate -s s.json
>>>
code
aa
>>>2
validate: -:2: constraint-error:code:'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' cannot be checked against the pattern (a|aa)* (it passes PCRE2's match limit)
validate: 2 rows read, 1 written, 1 rejected
>>>= 1

### patterns as Frictionless reads them (PCRE2, UTF and Unicode properties, anchored): \d, \p{Han}, alternation over the whole value
$ printf '{"fields": [{"name": "单号", "constraints": {"pattern": "[A-Z]{2}\\\\d{6}"}}, {"name": "镇", "constraints": {"pattern": "\\\\p{Han}{2,5}(镇|乡)"}}, {"name": "k", "constraints": {"pattern": "a|bc"}}]}' > s.json; printf '单号,镇,k\nQX123456,溪山镇,a\nQX12345,溪山镇,bc\nqx123456,Xishan乡,abc\nQX123456,溪山镇,bca\n' | validate -s s.json
>>>
单号,镇,k
QX123456,溪山镇,a
>>>2
validate: -:3: constraint-error:单号:'QX12345' does not match the pattern [A-Z]{2}\d{6}
validate: -:4: constraint-error:单号:'qx123456' does not match the pattern [A-Z]{2}\d{6}; constraint-error:镇:'Xishan乡' does not match the pattern \p{Han}{2,5}(镇|乡); constraint-error:k:'abc' does not match the pattern a|bc
validate: -:5: constraint-error:k:'bca' does not match the pattern a|bc
validate: 4 rows read, 1 written, 3 rejected
>>>= 1

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

### a row of empty or blank cells is dropped and counted, as by every tool (blank-row is for missing values)
$ printf '{"fields": [{"name": "a"}, {"name": "b"}]}' > s.json; printf 'a,b\n,\n1,2\n \t, \n' | validate -v -s s.json
>>>
a,b
1,2
>>>2
validate: 3 rows read, 1 written, 0 rejected, 2 dropped

### every error of a row is listed in _errors; read = valid + rejected
$ cp "$DATA/units.csv" .; printf '{"fields": [{"name": "id", "constraints": {"required": true, "pattern": "[A-Z]{2}[0-9]{4}"}}, {"name": "township"}, {"name": "village"}, {"name": "status", "constraints": {"enum": ["resolved", "failed"]}}, {"name": "people", "type": "integer", "constraints": {"minimum": 1}}], "primaryKey": "id", "foreignKeys": [{"fields": ["township", "village"], "reference": {"resource": "units.csv", "fields": ["township", "village"]}}]}' > s.json; printf 'id,township,village,status,people\nTY0001,田园镇,桃源村,resolved,2\nTY0002,田园镇,桃源村,closed,0\nty0003,田园镇,无名村,failed,x\nTY0001,石桥乡,白沙村,resolved,3\nTY0005,石桥乡,白沙村,failed,1\n' > in.csv; validate -s s.json -r rej.csv in.csv > ok.csv; echo "status $?"; cat rej.csv; echo "read 5 = valid $(($(wc -l < ok.csv) - 1)) + rejected $(($(wc -l < rej.csv) - 1))"
>>>
status 1
id,township,village,status,people,_line,_errors,_raw
TY0002,田园镇,桃源村,closed,0,3,"constraint-error:status:'closed' is not one of: resolved, failed; constraint-error:people:'0' is below the minimum 1",
ty0003,田园镇,无名村,failed,x,4,"constraint-error:id:'ty0003' does not match the pattern [A-Z]{2}[0-9]{4}; type-error:people:'x' is not of type integer; foreign-key:township,village:'田园镇, 无名村' is not in units.csv (township,village)",
TY0001,石桥乡,白沙村,resolved,3,5,primary-key:id:'TY0001' repeats the primary key of line 2,
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
validate: -:1: incorrect-label:b:the label 'c' at position 2 is not the field name 'b'
validate: -:1: incorrect-label:c:the label 'b' at position 3 is not the field name 'c'
validate: -:1: missing-label:c:the header has no column for field 'c'
validate: -:1: extra-label:d:the label 'd' at position 4 is not a field of the schema
>>>= 3

### duplicate-label and blank-label
$ printf '{"fields": [{"name": "a"}, {"name": "b"}, {"name": "c"}], "fieldsMatch": "subset"}' > s.json; printf 'a,b,a,c,\n1,2,3,4,5\n' | validate -s s.json
>>>2
validate: -:1: duplicate-label:a:the label 'a' at position 3 repeats position 1
validate: -:1: blank-label::the label in the header at position 5 is blank
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
validate: -:1: missing-label::the header has no column for any field of the schema
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
validate: s.json: field 'a': pattern '([' is not a valid regular expression: missing terminating ] for character class at byte 3
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
  "stats": {"tasks": 1, "errors": 2, "warnings": 0, "seconds": 0, "rows": 2, "validRows": 1, "invalidRows": 1, "uncheckedRows": 0, "blankRows": 0, "bytes": 13, "sha256": "614045c14b68dee58977d0121e9e94b4e82d53634a421840ab9a8f50cca9e60d"},
  "warnings": [],
  "errors": [
    {"type":"type-error","code":"type-error","title":"Type Error","message":"'x' is not of type integer","note":"'x' is not of type integer","rowNumber":3,"fieldNumber":1,"fieldName":"id","cell":"x"},
    {"type":"constraint-error","code":"constraint-error","title":"Constraint Error","message":"'b' is not one of: a","note":"'b' is not one of: a","rowNumber":3,"fieldNumber":2,"fieldName":"s","cell":"b"}
  ],
  "tasks": [{"name": "in.csv", "type": "table", "valid": false, "place": "in.csv", "schema": "s.json",
    "labels": ["id","s"],
    "stats": {"errors": 2, "warnings": 0, "seconds": 0, "sha256": "614045c14b68dee58977d0121e9e94b4e82d53634a421840ab9a8f50cca9e60d", "bytes": 13, "fields": 2, "rows": 2, "validRows": 1, "invalidRows": 1, "uncheckedRows": 0, "blankRows": 0},
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

### header errors are in the report too, in the task of the file whose header it is
$ printf '{"fields": [{"name": "a"}, {"name": "c"}]}' > s.json; printf 'b\n1\n' | validate -s s.json --report rep.json 2>/dev/null; echo "status $?"; grep -o '"type":"[a-z-]*"' rep.json | sort | uniq -c | sed 's/^ *//'; printf 'b\n1\n' > b.csv; validate -s s.json --report rep.json b.csv 2>/dev/null; grep -o '"tasks": [0-9][0-9]*\|"name": "[^"]*"' rep.json
>>>
status 3
2 "type":"incorrect-label"
2 "type":"missing-label"
"tasks": 1
"name": "b.csv"

### the report over several inputs: one task per file, with its own name, rows, bytes, sha256 and errors (keys are checked across the files, as one table); the top level sums the rows and bytes, has no single sha256, and repeats every error
$ printf '{"fields": [{"name": "id", "type": "integer"}, {"name": "s", "constraints": {"enum": ["a"]}}], "primaryKey": "id"}' > s.json; printf 'id,s\n1,a\nx,b\n' > a.csv; printf 'id,s\n2,a\n,\n1,a\n3,a\n' > b.csv; validate -s s.json --report rep.json a.csv b.csv > /dev/null 2>&1; echo "status $?"; grep -o '"stats": {[^}]*}' rep.json | sed 's/"seconds": [0-9.]*, //'; grep -o '"name": "[^"]*"\|"valid": [a-z]*' rep.json | tr '\n' ' '; echo; sed -n '/"tasks": \[/,$p' rep.json | grep -o '"rowNumber":[0-9]*,"fieldNumber":[0-9]*\|"name": "[^"]*"' | tr '\n' ' '; echo; for f in a.csv b.csv; do printf '%s %s\n' "$(sha256sum $f | cut -c1-64)" "$(wc -c < $f)"; done; grep -c '"rowNumber"' rep.json
>>>
status 1
"stats": {"tasks": 2, "errors": 3, "warnings": 0, "rows": 6, "validRows": 3, "invalidRows": 2, "uncheckedRows": 0, "blankRows": 1, "bytes": 32, "sha256": null}
"stats": {"errors": 2, "warnings": 0, "sha256": "614045c14b68dee58977d0121e9e94b4e82d53634a421840ab9a8f50cca9e60d", "bytes": 13, "fields": 2, "rows": 2, "validRows": 1, "invalidRows": 1, "uncheckedRows": 0, "blankRows": 0}
"stats": {"errors": 1, "warnings": 0, "sha256": "995f0109252614e2c074e14ac5ff5d7c066d7e6e37bfde0b4cb14e99c9546a46", "bytes": 19, "fields": 2, "rows": 4, "validRows": 2, "invalidRows": 1, "uncheckedRows": 0, "blankRows": 1}
"valid": false "name": "a.csv" "valid": false "name": "b.csv" "valid": false 
"name": "a.csv" "rowNumber":3,"fieldNumber":1 "rowNumber":3,"fieldNumber":2 "name": "b.csv" "rowNumber":4,"fieldNumber":1 
614045c14b68dee58977d0121e9e94b4e82d53634a421840ab9a8f50cca9e60d 13
995f0109252614e2c074e14ac5ff5d7c066d7e6e37bfde0b4cb14e99c9546a46 19
6

### several inputs, one left out for another header and one that cannot be opened: each has a task that is not valid, with its error; the report is not valid when the status is 3, and every row read is counted where it went
$ printf '{"fields": [{"name": "id", "type": "integer"}, {"name": "s"}]}' > s.json; printf 'id,s\n1,a\n2,b\n' > ok.csv; printf 'id,t\n3,a\n4,b\n' > vb.csv; validate -s s.json --report rep.json ok.csv vb.csv nothere.csv > /dev/null; echo "status $?"; grep -o '"name": "[^"]*"\|"valid": [a-z]*\|"message":"[^"]*"\|"labels": \[[^]]*\]' rep.json; grep -o '"rows": [0-9]*, "validRows": [0-9]*, "invalidRows": [0-9]*, "uncheckedRows": [0-9]*, "blankRows": [0-9]*\|"sha256": [^,}]*' rep.json
>>>
status 3
"valid": false
"message":"header differs from the first file's: column 2 is 't', expected 's'"
"message":"cannot open: No such file or directory"
"name": "ok.csv"
"valid": true
"labels": ["id","s"]
"name": "vb.csv"
"valid": false
"labels": []
"message":"header differs from the first file's: column 2 is 't', expected 's'"
"name": "nothere.csv"
"valid": false
"labels": []
"message":"cannot open: No such file or directory"
"rows": 2, "validRows": 2, "invalidRows": 0, "uncheckedRows": 0, "blankRows": 0
"sha256": null
"sha256": "3d714d3438b13d2067b71bc76de2f2254ba0b471cd89cbfce9695623139184b0"
"rows": 2, "validRows": 2, "invalidRows": 0, "uncheckedRows": 0, "blankRows": 0
"sha256": null
"rows": 0, "validRows": 0, "invalidRows": 0, "uncheckedRows": 0, "blankRows": 0
"sha256": null
"rows": 0, "validRows": 0, "invalidRows": 0, "uncheckedRows": 0, "blankRows": 0
>>>2
validate: nothere.csv: cannot open: No such file or directory
validate: vb.csv:1: header differs from the first file's: column 2 is 't', expected 's'

### no input can be opened: the report still has a task for each, not valid
$ printf '{"fields": [{"name": "id"}]}' > s.json; validate -s s.json --report rep.json nothere.csv gone.csv 2>/dev/null; echo "status $?"; grep -o '"tasks": [0-9][0-9]*\|"name": "[^"]*"\|"valid": [a-z]*' rep.json | tr '\n' ' '; echo
>>>
status 3
"valid": false "tasks": 2 "name": "nothere.csv" "valid": false "name": "gone.csv" "valid": false 

### --max-errors: the rows left unchecked are counted as such, and their file's task is not valid
$ printf '{"fields": [{"name": "n", "type": "integer"}]}' > s.json; printf 'n\nx\n' > a.csv; printf 'n\n1\n2\n' > b.csv; validate -s s.json --max-errors 1 --report rep.json a.csv b.csv > /dev/null 2>&1; echo "status $?"; grep -o '"valid": [a-z]*\|"rows": [0-9]*, "validRows": [0-9]*, "invalidRows": [0-9]*, "uncheckedRows": [0-9]*' rep.json | tr '\n' ' '; echo
>>>
status 1
"valid": false "rows": 3, "validRows": 0, "invalidRows": 1, "uncheckedRows": 2 "valid": false "rows": 1, "validRows": 0, "invalidRows": 1, "uncheckedRows": 0 "valid": false "rows": 2, "validRows": 0, "invalidRows": 0, "uncheckedRows": 2 

### a key repeated across files names the file of the earlier line, in stderr, _errors and the report; within one file, the line alone
$ printf '{"fields": [{"name": "id"}, {"name": "u", "constraints": {"unique": true}}, {"name": "v"}], "primaryKey": "id", "uniqueKeys": [["u", "v"]]}' > s.json; printf 'id,u,v\nA,1,x\n' > va.csv; printf 'id,u,v\nB,2,y\nA,1,x\nB,3,z\n' > vc.csv; validate -s s.json -r rej.csv --report rep.json va.csv vc.csv; echo "status $?"; cut -d, -f4- rej.csv; grep -o '"message":"[^"]*"' rep.json | sort -u; validate -s s.json va.csv vc.csv > /dev/null
>>>
id,u,v
A,1,x
B,2,y
status 1
_line,_errors,_raw
3,"unique-error:u:'1' repeats the value of va.csv:2; primary-key:id:'A' repeats the primary key of va.csv:2; unique-error:u,v:'1, x' repeats the unique key (u,v) of va.csv:2",
4,primary-key:id:'B' repeats the primary key of line 2,
"message":"'1' repeats the value of va.csv:2"
"message":"'1, x' repeats the unique key (u,v) of va.csv:2"
"message":"'A' repeats the primary key of va.csv:2"
"message":"'B' repeats the primary key of line 2"
>>>2
validate: 4 rows read, 2 written, 2 rejected
validate: vc.csv:3: unique-error:u:'1' repeats the value of va.csv:2; primary-key:id:'A' repeats the primary key of va.csv:2; unique-error:u,v:'1, x' repeats the unique key (u,v) of va.csv:2
validate: vc.csv:4: primary-key:id:'B' repeats the primary key of line 2
validate: 4 rows read, 2 written, 2 rejected
>>>= 1

### in Chinese, a key repeated across files names the file too
$ printf '{"fields": [{"name": "id"}], "primaryKey": "id"}' > s.json; printf 'id\nA\n' > va.csv; printf 'id\nA\n' > vc.csv; LOCPATH="$TOP/build/locales" LC_ALL=zh_CN.UTF-8 validate -s s.json va.csv vc.csv > /dev/null
>>>2
validate: vc.csv:2: primary-key:id:“A”与 va.csv 第 2 行的主键重复
validate: 读入 2 行，写出 1 行，拒收 1 行
>>>= 1

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

### --infer on a full disk: the schema's write fails loudly with its reason, also when it is larger than stdio's buffer, and the manifest records the status and the schema's bytes
$ printf 'a\n1\n' | validate --infer > /dev/full; echo "status $?"; awk 'BEGIN { printf "h"; for (i = 0; i < 300; i++) printf ",c%d", i; print ""; printf "1"; for (i = 0; i < 300; i++) printf ",%d", i; print "" }' > wide.csv; validate --infer wide.csv > /dev/full; echo "status $?"; validate --infer --manifest m.jsonl wide.csv > s.json; validate --infer --manifest m.jsonl wide.csv > /dev/full; grep -o '"status":[0-9]' m.jsonl; grep -c "\"role\":\"input\",\"name\":\"wide.csv\".*\"role\":\"output\",\"name\":\"-\",\"sha256\":\"$(sha256sum s.json | cut -c1-64)\",\"bytes\":$(wc -c < s.json),\"rows\":null" m.jsonl
>>>
status 3
status 3
"status":0
"status":3
2
>>>2
validate: write error: No space left on device
validate: write error: No space left on device
validate: write error: No space left on device

### --bom: the valid rows and the rejects file begin with the UTF-8 byte-order mark, then the bytes they have without it; every tool reads the rejects back as they are
$ printf '{"fields": [{"name": "code", "type": "integer"}, {"name": "name"}]}' > s.json; printf 'code,name\n1,田园镇\nx,石桥乡\n' > in.csv; validate -s s.json -r plain.csv in.csv > plain.out 2>/dev/null; validate -s s.json --bom -r rej.csv in.csv > out.csv; head -c 7 out.csv | od -An -tx1; head -c 7 rej.csv | od -An -tx1; tail -c +4 out.csv | cmp - plain.out && tail -c +4 rej.csv | cmp - plain.csv && echo "the same bytes after the mark"; ingest rej.csv | cmp - plain.csv && validate --infer rej.csv | grep -c '"name": "code"' && tally -g name -a 'n=count()' rej.csv && rank -k _line rej.csv | cut -d, -f1,2,6
>>>
 ef bb bf 63 6f 64 65
 ef bb bf 63 6f 64 65
the same bytes after the mark
1
name,n
石桥乡,1
code,name,rank
x,石桥乡,1
>>>2
validate: 2 rows read, 1 written, 1 rejected

### --output-encoding gb18030: the valid rows and the rejects in GB18030 (田园镇 is cc ef d4 b0 d5 f2, 石桥乡 ca af c7 c5 cf e7); ingest -e gb18030 reads the rejects back; -o tsv too, with no mark
$ printf '{"fields": [{"name": "code", "type": "integer"}, {"name": "name"}]}' > s.json; printf 'code,name\n1,田园镇\nx,石桥乡\n' > in.csv; validate -s s.json -r plain.csv in.csv > plain.out 2>/dev/null; validate -s s.json --output-encoding gb18030 -r rej.csv in.csv > out.csv; sed -n 2p out.csv | od -An -tx1; sed -n 2p rej.csv | head -c 8 | od -An -tx1; iconv -f gb18030 -t utf-8 out.csv | cmp - plain.out && echo "the rows round trip"; ingest -e gb18030 rej.csv | cmp - plain.csv && echo "ingest -e gb18030 reads the rejects"; validate -s s.json -o tsv --output-encoding gb18030 -r r.tsv in.csv 2>/dev/null | head -c 8 | od -An -tx1; head -c 4 r.tsv | od -An -tx1; ingest -e gb18030 r.tsv | sed -n 2p
>>>
 31 2c cc ef d4 b0 d5 f2 0a
 78 2c ca af c7 c5 cf e7
the rows round trip
ingest -e gb18030 reads the rejects
 63 6f 64 65 09 6e 61 6d
 63 6f 64 65
x	石桥乡	3	type-error:code:'x' is not of type integer	
>>>2
validate: 2 rows read, 1 written, 1 rejected

### --manifest: the valid rows' and the rejects file's SHA-256 are those of the bytes written, mark and encoding included
$ printf '{"fields": [{"name": "code", "type": "integer"}, {"name": "name"}]}' > s.json; printf 'code,name\n1,田园镇\nx,石桥乡\n' > in.csv; validate -s s.json --manifest m.jsonl --bom --output-encoding utf-16le -r rej.csv in.csv > out.csv 2>/dev/null; for f in out.csv rej.csv; do grep -c "\"sha256\":\"$(sha256sum $f | cut -c1-64)\",\"bytes\":$(wc -c < $f)," m.jsonl; done; grep -o '"role":"[a-z]*","name":"[^"]*"' m.jsonl
>>>
1
1
"role":"output","name":"-"
"role":"rejects","name":"rej.csv"
"role":"schema","name":"s.json"
"role":"input","name":"in.csv"

### --bom and --output-encoding go with CSV and TSV: JSON output (-o json, or the input's) and --infer's schema refuse them; an encoding iconv does not know; a character the encoding cannot hold stops the tool, naming the rejects file
$ printf '{"fields": [{"name": "a"}]}' > s.json; printf 'a\n1\n' > in.csv; validate -s s.json -o json --bom in.csv; echo "status $?"; printf '{"a":"1"}\n' | validate -s s.json --output-encoding gb18030 -r rej.json; echo "status $?"; test -e rej.json || echo "no rejects file"; validate --infer --bom in.csv; echo "status $?"; validate -s s.json --output-encoding nope in.csv; echo "status $?"; printf '{"fields": [{"name": "a", "type": "integer"}]}' > n.json; printf 'a\n1\n😀\n' | validate -s n.json --output-encoding gbk -r rej.csv; echo "status $?"
>>>
status 2
status 2
no rejects file
status 2
status 2
a
1
status 3
>>>2
validate: --bom and --output-encoding go with -o csv or tsv
Try 'validate --help' for more information.
validate: --bom and --output-encoding go with -o csv or tsv
Try 'validate --help' for more information.
validate: --infer writes a JSON schema: --bom and --output-encoding are for CSV and TSV records
Try 'validate --help' for more information.
validate: --output-encoding: iconv knows no encoding 'nope'
Try 'validate --help' for more information.
validate: 2 rows read, 1 written, 1 rejected
validate: rej.csv: '😀' cannot be written in gbk

### a schema that gives a key twice is refused, not half-read (found by fuzzing)
$ printf '{"fields": [{"name": "a"}], "primaryKey": "a", "primaryKey": "a"}' > s.json; validate -s s.json < /dev/null; printf '{"values": {"s": {"x": "1", "x": "2"}}}' > m.json; ingest -m m.json < /dev/null
>>>2
validate: s.json: the schema gives the key 'primaryKey' twice in one object
ingest: m.json: the map gives the key 'x' twice in one object
>>>= 2

### datetime, default format: XML Schema's dateTime as the Table Schema reads it (seconds required, fraction, offset up to 14:00, 24:00:00 ends the day)
$ printf '{"fields": [{"name": "t", "type": "datetime"}]}' > s.json; printf 't\n2021-05-03T14:30:00\n2021-05-03T14:30:00.250+08:00\n2021-05-03T09:05:00Z\n2021-05-03T24:00:00\n2021-05-03T14:30\n2021-05-03 14:30:00\n2021-05-03T25:10:00\n2021-05-03T14:61:00\n2021-05-03T14:30:60\n2021-05-03T14:30:00+15:00\n2021-05-03T24:00:01\n2021-02-29T08:00:00\n' | validate -s s.json
>>>
t
2021-05-03T14:30:00
2021-05-03T14:30:00.250+08:00
2021-05-03T09:05:00Z
2021-05-03T24:00:00
>>>2
validate: -:6: type-error:t:'2021-05-03T14:30' is not of type datetime (YYYY-MM-DDThh:mm:ss)
validate: -:7: type-error:t:'2021-05-03 14:30:00' is not of type datetime (YYYY-MM-DDThh:mm:ss)
validate: -:8: type-error:t:'2021-05-03T25:10:00' is not of type datetime (YYYY-MM-DDThh:mm:ss)
validate: -:9: type-error:t:'2021-05-03T14:61:00' is not of type datetime (YYYY-MM-DDThh:mm:ss)
validate: -:10: type-error:t:'2021-05-03T14:30:60' is not of type datetime (YYYY-MM-DDThh:mm:ss)
validate: -:11: type-error:t:'2021-05-03T14:30:00+15:00' is not of type datetime (YYYY-MM-DDThh:mm:ss)
validate: -:12: type-error:t:'2021-05-03T24:00:01' is not of type datetime (YYYY-MM-DDThh:mm:ss)
validate: -:13: type-error:t:'2021-02-29T08:00:00' is not of type datetime (YYYY-MM-DDThh:mm:ss)
validate: 12 rows read, 4 written, 8 rejected
>>>= 1

### datetime "any": a space for the T, no seconds, ingest's date spellings with h:mm; a pattern; values compare as instants
$ printf '{"fields": [{"name": "接警时间", "type": "datetime", "format": "any", "constraints": {"minimum": "2021-05-01T00:00:00"}}, {"name": "p", "type": "datetime", "format": "%%d/%%m/%%Y %%H:%%M"}, {"name": "z", "type": "datetime", "constraints": {"maximum": "2021-05-03T12:00:00Z"}}]}' > s.json; printf '接警时间,p,z\n2021-05-03 14:30,03/05/2021 14:30,2021-05-03T19:30:00+08:00\n2021/5/3 21:20,3/5/2021 21:20,2021-05-03T12:00:00\n2021年5月3日 9:05:07,03/05/2021 24:00,2021-05-03T12:30:00+08:00\n2021-04-30T23:59:59,31/04/2021 10:00,2021-05-03T12:30:00\n2021-05-03 14:61,03/05/2021,2021-05-03T04:00:00-08:00\n' | validate -s s.json
>>>
接警时间,p,z
2021-05-03 14:30,03/05/2021 14:30,2021-05-03T19:30:00+08:00
2021/5/3 21:20,3/5/2021 21:20,2021-05-03T12:00:00
>>>2
validate: -:4: type-error:p:'03/05/2021 24:00' is not of type datetime (format %d/%m/%Y %H:%M)
validate: -:5: constraint-error:接警时间:'2021-04-30T23:59:59' is below the minimum 2021-05-01T00:00:00; type-error:p:'31/04/2021 10:00' is not of type datetime (format %d/%m/%Y %H:%M); constraint-error:z:'2021-05-03T12:30:00' is above the maximum 2021-05-03T12:00:00Z
validate: -:6: type-error:接警时间:'2021-05-03 14:61' is not of type datetime (format any); type-error:p:'03/05/2021' is not of type datetime (format %d/%m/%Y %H:%M)
validate: 5 rows read, 2 written, 3 rejected
>>>= 1

### lineage columns pass through unchecked whatever fieldsMatch says; with exact the fields match the other columns in order
$ for m in exact equal subset superset partial; do printf '{"fields": [{"name": "a", "type": "integer"}, {"name": "b"}], "fieldsMatch": "%s"}' $m > s.json; printf 'a,b,_file,_line\n1,x,溪山镇.xlsx[纠纷],5\n' | validate -s s.json | tail -1; echo "$m $?"; done; printf '{"fields": [{"name": "a", "type": "integer"}]}' > s.json; printf '_file,a,_line\nf.csv,2,9\nf.csv,x,10\n' | validate -s s.json
>>>
1,x,溪山镇.xlsx[纠纷],5
exact 0
1,x,溪山镇.xlsx[纠纷],5
equal 0
1,x,溪山镇.xlsx[纠纷],5
subset 0
1,x,溪山镇.xlsx[纠纷],5
superset 0
1,x,溪山镇.xlsx[纠纷],5
partial 0
_file,a,_line
f.csv,2,9
>>>2
validate: -:3: type-error:a:'x' is not of type integer
validate: 2 rows read, 1 written, 1 rejected
>>>= 1

### a lineage column the schema names as a field is checked as one; a row of nothing but lineage is blank
$ printf '{"fields": [{"name": "a"}, {"name": "_line", "type": "integer", "constraints": {"maximum": 9}}], "fieldsMatch": "equal"}' > s.json; printf 'a,_file,_line\nx,f.csv,9\ny,f.csv,10\n' | validate -s s.json; printf '{"fields": [{"name": "a"}]}' > s.json; printf 'a,_file,_line\n,f.csv,3\n' | validate -s s.json
>>>
a,_file,_line
x,f.csv,9
a,_file,_line
>>>2
validate: -:3: constraint-error:_line:'10' is above the maximum 9
validate: 2 rows read, 1 written, 1 rejected
validate: -:2: blank-row::the row is blank
validate: 1 rows read, 0 written, 1 rejected
>>>= 1

### README's pipeline on the bundled sample: ingest --lineage | validate with the shipped schema and the sample's register
$ ingest -m "$TOP/share/govstat/maps/disputes.json" --lineage -r ing.csv "$TOP/share/govstat/samples/raw-disputes.csv" | validate -v -s "$TOP/share/govstat/schemas/disputes.json" --resource units.csv="$TOP/share/govstat/samples/units.csv" -r rej.csv > valid.csv; echo "status $?"; head -2 valid.csv | sed 's|,[^,]*raw-disputes.csv,|,raw-disputes.csv,|'; wc -l < rej.csv
>>>
status 0
township,village,date_found,category,people,risk,mediation_level,status,date_closed,case_id,_file,_line
青山乡,北坡村,2020-10-24,forest_rights,3,low,township,resolved,2020-10-28,MD20200001,raw-disputes.csv,4
1
>>>2
ingest: 1505 rows read, 1500 written, 2 rejected, 3 dropped
validate: 1500 rows read, 1500 written, 0 rejected

### README's pipeline, its last step: the village rates over the sample's register with their rollups, the county last
$ ingest -m "$TOP/share/govstat/maps/disputes.json" --lineage "$TOP/share/govstat/samples/raw-disputes.csv" 2>/dev/null | validate -s "$TOP/share/govstat/schemas/disputes.json" --resource units.csv="$TOP/share/govstat/samples/units.csv" 2>/dev/null > valid.csv; tally --universe "$TOP/share/govstat/samples/units.csv" --level village --rollup -a 'rate=ratio(count(status=="resolved"),count())' valid.csv > t.csv; echo "status $?"; head -2 t.csv; wc -l < t.csv; tail -n 1 t.csv
>>>
status 0
township,village,rate
田园镇,田园社区,1.0000
139
*,*,0.9380

### an input that cannot be opened is named before the schema's resources are loaded, each one, also when a resource is missing too (status 3); the inputs that open are checked
$ printf '{"fields": [{"name": "code"}], "foreignKeys": [{"fields": "code", "reference": {"resource": "units.csv", "fields": "code"}}]}' > s.json; validate -s s.json nosuch.csv other.csv; echo "status $?"; printf 'code\n1\n' > units.csv; printf 'code\n1\n2\n' > ok.csv; validate -s s.json nosuch.csv ok.csv; echo "status $?"
>>>
status 3
code
1
status 3
>>>2
validate: nosuch.csv: cannot open: No such file or directory
validate: other.csv: cannot open: No such file or directory
validate: s.json: foreign key: cannot open units.csv (the resource units.csv): No such file or directory; name the file with --resource units.csv=FILE
validate: nosuch.csv: cannot open: No such file or directory
validate: ok.csv:3: foreign-key:code:'2' is not in units.csv (code)
validate: 2 rows read, 1 written, 1 rejected

### a foreign key's resource that is not beside the schema says how to name it; --resource names only the schema's resources
$ printf '{"fields": [{"name": "v"}], "foreignKeys": [{"fields": "v", "reference": {"resource": "units.csv", "fields": "name"}}]}' > s.json; printf 'v\n下坝村\n' | validate -s s.json; printf 'v\n下坝村\n' | validate -s s.json --resource register.csv=x.csv; printf 'v\n下坝村\n' | validate -s s.json --resource units.csv; printf 'v\n下坝村\n鹭岛村\n' | validate -s s.json --resource units.csv="$DATA/validate2/units.csv"
>>>
v
下坝村
>>>2
validate: s.json: foreign key: cannot open units.csv (the resource units.csv): No such file or directory; name the file with --resource units.csv=FILE
validate: --resource: no foreign key of the schema refers to the resource 'register.csv'
Try 'validate --help' for more information.
validate: --resource: give NAME=FILE (the resource as the schema names it, and its file)
Try 'validate --help' for more information.
validate: -:3: foreign-key:v:'鹭岛村' is not in units.csv (name)
validate: 2 rows read, 1 written, 1 rejected
>>>= 1

### superset: a required field's column may not be absent (a primary key's fields are required)
$ printf '{"fields": [{"name": "id"}, {"name": "n", "constraints": {"required": true}}, {"name": "note"}], "primaryKey": "id", "fieldsMatch": "superset"}' > s.json; printf 'note\nx\n' | validate -s s.json; printf 'n,id\n1,a\n' | validate -s s.json
>>>
n,id
1,a
>>>2
validate: -:1: missing-label:id:the header has no column for field 'id', which is required
validate: -:1: missing-label:n:the header has no column for field 'n', which is required

### the shipped schemas on another county: its own ids, its register, columns it lacks, lineage; the rules counties use
$ cp -R "$DATA/validate2" v2; cd v2; S="$TOP/share/govstat/schemas"; R="--resource units.csv=units.csv"; validate -s "$S/disputes.json" $R disputes.csv; validate -s "$S/households.json" $R households.csv; validate -s "$S/incidents.json" $R incidents.csv; validate -s "$S/units.json" units.csv > /dev/null
>>>
case_id,date_found,township,village,category,status,date_closed,_file,_line
溪纠〔2021〕7号,2021-05-03,溪山镇,枫林社区,neighbours,resolved,2021-05-06,溪山镇2021.xlsx[纠纷],5
溪纠〔2021〕8号,2021-05-09,溪山镇,下坝村,land_contract,in_mediation,,溪山镇2021.xlsx[纠纷],6
白纠-0032,2021-06-02,白鹭乡,鹭洲村,damages,resolved,2021-06-02,白鹭乡.csv,4
township,village,households,safe_households
溪山镇,枫林社区,980,901
白鹭乡,上坝村,640,600
incident_id,date,township,village,type,_file,_line
110-20210503-0042,2021-05-03,溪山镇,枫林社区,public_order,警情导出.csv,2
110-20210503-0043,2021-05-03,溪山镇,,invalid,警情导出.csv,3
110-20210504-0001,2021-05-04,白鹭乡,鹭洲村,criminal,警情导出.csv,4
>>>2
validate: disputes.csv:4: row-constraint::the row breaks the rule 'empty(date_closed) || date_closed >= date_found'
validate: 4 rows read, 3 written, 1 rejected
validate: households.csv:3: row-constraint::the row breaks the rule 'safe_households <= households'
validate: 3 rows read, 2 written, 1 rejected
validate: units.csv:8: row-constraint::the row breaks the rule 'empty(households) || empty(population) || households <= population'
validate: 7 rows read, 6 written, 1 rejected
>>>= 1

### rowConstraints: expressions over the fields (backticks for Chinese names), each failure a row-constraint error naming the rule, in _errors and the report
$ printf '{"fields": [{"name": "编号"}, {"name": "受理日期", "type": "date"}, {"name": "办结日期", "type": "date"}, {"name": "户数", "type": "integer"}, {"name": "平安户数", "type": "integer"}], "rowConstraints": ["empty(`办结日期`) || `办结日期` >= `受理日期`", "`平安户数` <= `户数`"]}' > s.json; printf '编号,受理日期,办结日期,户数,平安户数\nA1,2021-05-01,2021-05-03,10,9\nA2,2021-05-01,2021-04-30,10,11\nA3,2021-05-01,,10,10\nA4,2021-05-01,x,10,99\n' | validate -s s.json -r rej.csv --report rep.json; echo "status $?"; cat rej.csv; grep -o '"type":"row-constraint"[^}]*' rep.json | head -1
>>>
编号,受理日期,办结日期,户数,平安户数
A1,2021-05-01,2021-05-03,10,9
A3,2021-05-01,,10,10
status 1
编号,受理日期,办结日期,户数,平安户数,_line,_errors,_raw
A2,2021-05-01,2021-04-30,10,11,3,row-constraint::the row breaks the rule 'empty(`办结日期`) || `办结日期` >= `受理日期`'; row-constraint::the row breaks the rule '`平安户数` <= `户数`',
A4,2021-05-01,x,10,99,5,type-error:办结日期:'x' is not of type date (YYYY-MM-DD),
"type":"row-constraint","code":"row-constraint","title":"Row Constraint","message":"the row breaks the rule 'empty(`办结日期`) || `办结日期` >= `受理日期`'","note":"the row breaks the rule 'empty(`办结日期`) || `办结日期` >= `受理日期`'","rowNumber":3,"fieldName":null,"cell":null
>>>2
validate: 4 rows read, 2 written, 2 rejected

### rowConstraints: a rule over a field the schema lacks, or that does not parse, is refused; one that cannot be evaluated on a row rejects it saying why; a missing value is empty
$ printf '{"fields": [{"name": "a"}], "rowConstraints": ["b > 1"]}' > s.json; validate -s s.json < /dev/null; printf '{"fields": [{"name": "a"}], "rowConstraints": ["a >"]}' > s.json; validate -s s.json < /dev/null; printf '{"fields": [{"name": "a"}], "rowConstraints": "a > 1"}' > s.json; validate -s s.json < /dev/null; printf '{"fields": [{"name": "a"}, {"name": "b"}], "missingValues": ["", "-"], "rowConstraints": ["a + 1 > 2", "empty(b) || b == a"], "fieldsMatch": "superset"}' > s.json; printf 'a,b\nx,x\n3,-\n3,4\n5,5\n' | validate -s s.json; printf 'a\n3\n' | validate -s s.json
>>>
a,b
3,-
5,5
a
3
>>>2
validate: s.json: rowConstraints: 'b > 1': no field 'b' of the schema
validate: s.json: rowConstraints: 'a >': expression ends too soon at character 4
validate: s.json: rowConstraints must be a list of expressions
validate: -:2: row-constraint::the rule 'a + 1 > 2' cannot be checked on this row: field 'a': 'x' is not a number
validate: -:4: row-constraint::the row breaks the rule 'empty(b) || b == a'
validate: 4 rows read, 2 written, 2 rejected

### --infer leaves the lineage out: the schema takes the records with or without it
$ printf 'g,n\nx,1\ny,2\n' > led.csv; ingest --lineage led.csv > l.csv; validate --infer l.csv | tee s.json; validate -s s.json l.csv > /dev/null; echo "status $?"; validate -s s.json led.csv > /dev/null; echo "status $?"
>>>
{
  "fields": [
    {"name": "g", "type": "string", "constraints": {"required": true}},
    {"name": "n", "type": "integer", "constraints": {"required": true}}
  ],
  "missingValues": [""]
}
status 0
status 0

### --infer reports malformed rows and leaves them out (status 1), and gives no schema for a header validate -s would refuse
$ printf 'a,b\n1,x"y\n2,3\n4,5,6\n' | validate --infer; echo "status $?"; printf '户号,,户号\n1,2,3\n' | validate --infer; echo "status $?"
>>>
{
  "fields": [
    {"name": "a", "type": "integer", "constraints": {"required": true}},
    {"name": "b", "type": "integer", "constraints": {"required": true}}
  ],
  "missingValues": [""]
}
status 1
status 3
>>>2
validate: -:2: misplaced quote (a quote inside an unquoted field, or text after a closing quote); the row is left out of the inference
validate: -:4: row has 3 fields, the header has 2; the row is left out of the inference
validate: 3 rows read, 1 used for the schema, 2 rejected (malformed, left out)
validate: -: blank-label::the label in the header at position 2 is blank; name the column before inferring a schema
validate: -: duplicate-label:户号:the label '户号' at position 3 repeats position 1; rename one before inferring a schema

### a huge cell is quoted by its first 200 bytes in _errors and the report, and kept whole in its own column
$ printf '{"fields": [{"name": "n", "type": "integer"}, {"name": "k", "constraints": {"maxLength": 3}}], "primaryKey": "k"}' > s.json; awk 'BEGIN { printf "n,k\n"; for (r = 0; r < 2; r++) { for (i = 0; i < 300000; i++) printf "数"; printf ",%s\n", r ? "abcd" : "ab" } }' > in.csv; validate -s s.json -r rej.csv --report rep.json in.csv; echo "status $?"; wc -c < rej.csv; cut -d, -f3- rej.csv | sed 's/数\{5,\}/数.../g'; grep -o '"cell":"[^"]*"' rep.json | LC_ALL=C awk '{ print length }' | sort -u
>>>
n,k
status 1
1800604
_line,_errors,_raw
2,type-error:n:'数......' (900000 bytes) is not of type integer,
3,type-error:n:'数......' (900000 bytes) is not of type integer; constraint-error:k:'abcd' is longer than 3 characters,
13
207
>>>2
validate: 2 rows read, 0 written, 2 rejected

### datetime "any": a date alone is that day's midnight, as ingest writes it; the shipped incidents schema reads time stamps and days alike
$ printf '{"fields":[{"name":"d","type":"datetime","format":"any"}]}' > s.json; printf 'd\n2020-03-05\n2020-03-05T14:30:00\n2020年3月5日\n2020-02-30\n' | validate -s s.json; echo "status $?"; grep -A2 '"name": "date"' "$TOP/share/govstat/schemas/incidents.json"
>>>
d
2020-03-05
2020-03-05T14:30:00
2020年3月5日
status 1
      "name": "date",
      "type": "datetime",
      "format": "any",
>>>2
validate: -:5: type-error:d:'2020-02-30' is not of type datetime (format any)
validate: 4 rows read, 3 written, 1 rejected

### --report: standard input of another header is an incorrect-label task too, and a file left at a byte it cannot decode has that reason in its task, as stderr said it
$ printf '{"fields":[{"name":"a","type":"integer"},{"name":"s"}]}' > s.json; printf 'a,s\n1,x\n' > ok.csv; printf 'a,s\n3,z\n4,\377\376\n' > bad.csv; printf 'a,t\n5,q\n' | validate -s s.json --report r.json ok.csv - bad.csv > /dev/null; echo "status $?"; /usr/bin/python3 -c 'import json, sys; r = json.load(open("r.json")); print(r["valid"]); [print(t["valid"], t["stats"]["rows"], [e["type"] + ": " + e["message"] for e in t["errors"]]) for t in r["tasks"]]'
>>>
status 3
False
True 1 []
False 0 ["incorrect-label: header differs from the first file's: column 2 is 't', expected 's'"]
False 1 ['source-error: invalid UTF-8 byte 0xFF, and the text does not read as Chinese in GB18030 either (ingest -e NAME reads it in its encoding: -e gb18030, -e latin1, -e cp1252 ...)']
>>>2
validate: -:1: header differs from the first file's: column 2 is 't', expected 's'
validate: bad.csv:3: invalid UTF-8 byte 0xFF, and the text does not read as Chinese in GB18030 either (ingest -e NAME reads it in its encoding: -e gb18030, -e latin1, -e cp1252 ...)
