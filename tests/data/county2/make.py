#!/usr/bin/env python3
"""The second county's ledgers, 溪山县: made here so that every byte is
known. GB18030 files are written as a Windows export writes them; the
workbook with python3-xlsxwriter (date-time cells as Excel stores them).
Run from this directory: python3 make.py"""
import datetime

def gbk(name, lines):
    with open(name, 'wb') as f:
        f.write(('\r\n'.join(lines) + '\r\n').encode('gb18030'))

# Police calls, the 2020 template: 序号 first, 所属乡镇/所在村居, 接警时间
# in every spelling the township clerks use.
gbk('police-2020.csv', [
    '溪山县公安局110接警记录（2020年3月）,,,,,,',
    '序号,接警编号,接警时间,所属乡镇,所在村居,警情类别,处置结果',
    '1,JJ2003001,2020-03-05 14:30,龙泉镇,上湾村,治安,已处置',
    '2,JJ2003002,2020/3/5 21:20,龙泉镇,下湾村,求助,已处置',
    '3,JJ2003003,2020-03-06 08:05:30,白沙乡,沙坪村,交通,移交',
    '4,JJ2003004,2020-03-07T09:15,白沙乡,竹林村,刑事,已处置',
    '5,JJ2003005,2020年3月8日 14时30分,青石镇,石门村,治安,已处置',
    '6,JJ2003006,2020年3月8日14:45,青石镇,石门村,求助,已处置',
    '7,JJ2003007,２０２０－０３－０９\u3000１０：２０,望江街道,江滨社区,治安,已处置',
    '8,JJ2003008,43899.6875,望江街道,江滨社区,交通,已处置',
    '9,JJ2003009,2020-03-10 25:10,龙泉镇,上湾村,治安,已处置',
    '10,JJ2003010,2020-03-10 14:61,龙泉镇,上湾村,治安,已处置',
    '11,JJ2003011,2020-03-11,白沙乡,沙坪村,求助,已处置',
    ',,,龙泉镇,小计,,',
    ',,,合计,,,',
    '填报人：张卫东,,,,,,',
])

# The 2021 template: other names, other order, no 序号, 小计 in 乡镇.
gbk('police-2021.csv', [
    '溪山县接处警登记表,,,,,',
    '警情编号,乡镇,村(居),报警时间,警情类型,处理结果',
    'JQ2101001,龙泉镇,下湾村,2021-01-04 07:45,治安,已处置',
    'JQ2101002,白沙乡,竹林村,2021/1/4 23:59:59,交通,已处置',
    ',小计,,,,',
    'JQ2101003,望江街道,江滨社区,2021年1月5日 9时5分,求助,已处置',
    ',合计,,,,',
])

# A file that has both templates' township column, and one with neither.
gbk('police-both.csv', [
    '溪山县接处警登记表,,,,,,',
    '警情编号,乡镇,所属乡镇,村(居),报警时间,警情类型,处理结果',
    'JQ2102001,龙泉镇,龙泉镇,下湾村,2021-02-01 10:00,治安,已处置',
])
gbk('police-none.csv', [
    '溪山县接处警登记表,,,,',
    '警情编号,村(居),报警时间,警情类型,处理结果',
    'JQ2102002,下湾村,2021-02-01 10:00,治安,已处置',
])

# Disputes compiled by the county office: 受理时间 with times, 登记日期
# a date that some clerks wrote with a time, 小计/合计 rows per township.
gbk('disputes-compiled.csv', [
    '溪山县矛盾纠纷受理汇总表,,,,,',
    '镇街,村居,受理时间,登记日期,纠纷种类,当事人数',
    '龙泉镇,上湾村,2020-04-01 09:00,2020-04-01,邻里,2',
    '龙泉镇,下湾村,2020-04-02 16:20:00,2020-04-02 16:20,土地,3',
    '龙泉镇,小计,,,,5',
    '白沙乡,竹林村,2020年4月3日 10时00分,2020年4月3日,婚姻家庭,2',
    '白沙乡,小计,,,,2',
    '合计,,,,,7',
])

# The week of 2020-04-06 (a Monday) to 2020-04-12: 受理时间 as date-times,
# for govstat-weekly; the last row is the Monday after.
with open('disputes-week.csv', 'w', encoding='utf-8') as f:
    f.write('township,village,received_at,category,people,status\n'
            '龙泉镇,上湾村,2020-04-06T08:30:00,neighbour,2,resolved\n'
            '龙泉镇,下湾村,2020-04-12T23:10:00,land,3,in_mediation\n'
            '白沙乡,竹林村,2020-04-12T00:00:00,family,2,resolved\n'
            '白沙乡,沙坪村,2020-04-13T00:05:00,land,4,resolved\n')

# Latin-1 and a file that mixes GB18030 and UTF-8.
with open('latin1.csv', 'wb') as f:
    f.write('name,n\nMüller,1\nJosé,2\n'.encode('latin-1'))
with open('mixed.csv', 'wb') as f:
    f.write('镇街,件数\n龙泉镇,1\n'.encode('gb18030') + '白沙乡,2\n'.encode('utf-8'))

# A workbook whose 受理时间 cells are date-times, as a township's Excel
# keeps them.
import xlsxwriter
wb = xlsxwriter.Workbook('petitions.xlsx')
ws = wb.add_worksheet('信访登记')
dt = wb.add_format({'num_format': 'yyyy-mm-dd hh:mm'})
ws.write_row(0, 0, ['镇街', '村居', '受理时间', '信访事项'])
rows = [
    ('龙泉镇', '上湾村', datetime.datetime(2020, 5, 11, 9, 30), '土地'),
    ('青石镇', '石门村', datetime.datetime(2020, 5, 12, 15, 45, 10), '劳资'),
    ('望江街道', '江滨社区', datetime.datetime(2020, 5, 13, 0, 0), '物业'),
]
for r, row in enumerate(rows, 1):
    ws.write(r, 0, row[0])
    ws.write(r, 1, row[1])
    ws.write_datetime(r, 2, row[2], dt)
    ws.write(r, 3, row[3])
wb.close()
