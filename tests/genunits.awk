# The unit register that matches genledger.awk: 13 townships, 124
# villages (10 in each of the first 7 townships, 9 in the other 6).
# Usage: awk -f genunits.awk
BEGIN {
	nt = split("田园镇 石桥乡 龙潭镇 白沙乡 新华镇 青山乡 桃源镇 河口乡 金竹镇 松林乡 云台镇 柳溪乡 红岩镇", town, " ")
	print "code,township,village,level,kind"
	for (t = 1; t <= nt; t++)
		for (v = 1; v <= (t <= 7 ? 10 : 9); v++)
			printf "%02d%02d,%s,%s%d村,village,village\n", t, v, town[t], town[t], v
}
