#!/usr/bin/python3
"""Count the pixels of a binary PPM (P6) near a colour.

Usage: ppm_colour.py FILE.ppm RRGGBB [TOLERANCE]

Prints the number of pixels whose red, green and blue each lie within
TOLERANCE (8) of the colour's."""
import sys

data = open(sys.argv[1], "rb").read()
want = bytes.fromhex(sys.argv[2])
tol = int(sys.argv[3]) if len(sys.argv) > 3 else 8
# header: P6 WIDTH HEIGHT MAXVAL, separated by white space
fields, pos = [], 0
while len(fields) < 4:
    while data[pos:pos + 1].isspace():
        pos += 1
    end = pos
    while not data[end:end + 1].isspace():
        end += 1
    fields.append(data[pos:end])
    pos = end
pos += 1
assert fields[0] == b"P6" and fields[3] == b"255", "not an 8-bit P6 file"
n = 0
px = data[pos:]
for i in range(0, len(px) - 2, 3):
    if all(abs(px[i + k] - want[k]) <= tol for k in range(3)):
        n += 1
print(n)
