Keys that look alike to tally's table of recent groups (same length, same
first and last four bytes, values swapped between columns, empty values),
rows alternating between them so that each row follows another group.

### keys alike in length and in their first and last four bytes are groups of their own
$ tally -g k -a 'n=count()' -a 's=sum(v)'
<<<
k,v
abcdXwxyz,1
abcdYwxyz,10
abcdXwxyz,100
abcdYwxyz,1000
abcdZwxyz,10000
abcdXwxyz,100000
>>>
k,n,s
abcdXwxyz,3,100101
abcdYwxyz,2,1010
abcdZwxyz,1,10000

### two columns with their values swapped, empty values, and subtotals over them
$ tally -g a,b -a 'n=count()' -a 's=sum(v)' --rollup
<<<
a,b,v
田园镇,石桥乡,1
石桥乡,田园镇,2
田园镇,石桥乡,4
,x,8
x,,16
,x,32
石桥乡,田园镇,64
>>>
a,b,n,s
,x,2,40
,*,2,40
x,,1,16
x,*,1,16
田园镇,石桥乡,2,5
田园镇,*,2,5
石桥乡,田园镇,2,66
石桥乡,*,2,66
*,*,7,127
