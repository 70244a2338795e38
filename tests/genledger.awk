# Synthetic dispute ledger for benchmarks: deterministic (a Park-Miller
# generator, the same in every awk), Chinese values, about 85 bytes a row,
# 5% of notes holding a comma and so quoted. Columns: 3 township, 7
# status, 8 people (numeric), as the benchmark commands expect. Villages:
# 10 in each of the first 7 townships, 9 in the other 6: 124 in all, the
# register that genunits.awk writes.
# Usage: awk -v rows=N -f genledger.awk
function rnd(n) { seed = (seed * 16807) % 2147483647; return seed % n }
BEGIN {
	seed = 20200305
	nt = split("田园镇 石桥乡 龙潭镇 白沙乡 新华镇 青山乡 桃源镇 河口乡 金竹镇 松林乡 云台镇 柳溪乡 红岩镇", town, " ")
	nc = split("婚姻家庭 邻里纠纷 土地承包 山林权属 劳动争议 损害赔偿 征地拆迁 合同纠纷", cat, " ")
	split("组 村 乡镇 县", lvl, " ")
	split("化解 化解 化解 化解 化解 化解 化解 调解中 移交 失败", st, " ")
	print "id,date_found,township,village,category,mediation_level,status,people,note"
	for (i = 1; i <= rows; i++) {
		t = rnd(nt) + 1
		v = rnd(t <= 7 ? 10 : 9) + 1
		note = rnd(20) == 0 ? "\"当事人" rnd(9) "人,签协议\"" : "调解达成协议"
		printf "%d,2020-%02d-%02d,%s,%s%d村,%s,%s,%s,%d,%s\n", i, rnd(12) + 1, rnd(28) + 1,
			town[t], town[t], v, cat[rnd(nc) + 1], lvl[rnd(4) + 1],
			st[rnd(10) + 1], rnd(6) + 1, note
	}
}
