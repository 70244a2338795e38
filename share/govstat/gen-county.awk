# A synthetic county for govstat's demo and tests: 13 townships and 124
# villages and communities, and a year (2020) of disputes, incidents,
# petitions, titles, households and survey answers, written as townships
# send them: Chinese headers over two rows, a title row, notes at the
# bottom, dates spelt several ways, and a few bad rows. Deterministic (a
# Park-Miller generator, the same in every awk). ALL DATA IS SYNTHETIC.
#
# Usage: awk -v what=units|disputes|incidents|petitions|titles|households|survey -f gen-county.awk
#        awk -v what=disputes|incidents|petitions -v year=2019 -f gen-county.awk
#        awk -v what=yearly -v year=2019|2020 -f gen-county.awk
# (the year before, for the year-on-year check: other rows, a little worse)
function rnd(n) { seed = (seed * 16807) % 2147483647; return seed % n }
function pick(list,   a, n) { n = split(list, a, " "); return a[rnd(n) + 1] }
function isleap(y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
function day_of_year(d,   m, md) {
	# the d-th day (0-based) of year Y as y m d
	split("31 " (isleap(Y) ? 29 : 28) " 31 30 31 30 31 31 30 31 30 31", md, " ")
	for (m = 1; d >= md[m]; m++) d -= md[m]
	M = m; DD = d + 1
}
function raw_date(d,   s) {
	day_of_year(d)
	s = rnd(4)
	if (s == 0) return sprintf("%d-%02d-%02d", Y, M, DD)
	if (s == 1) return sprintf("%d/%d/%d", Y, M, DD)
	if (s == 2) return sprintf("%d年%d月%d日", Y, M, DD)
	return sprintf("%d.%d.%d", Y, M, DD)
}
function footer(n) {
	print "备注：本表数据为演示用合成数据，非真实情况。" substr(",,,,,,,,,,,,", 1, n - 1)
	print "制表人：王某,审核人：李某" substr(",,,,,,,,,,,,", 1, n - 2)
}
BEGIN {
	Y = what != "yearly" && year ? year + 0 : 2020
	seed = Y == 2020 ? 20200101 : Y * 10000 + 101
	nt = split("田园镇 石桥乡 龙潭镇 白沙乡 新华镇 青山乡 桃源镇 河口乡 金竹镇 松林乡 云台镇 柳溪乡 红岩镇", town, " ")
	split("东山 西岭 南坪 北坡 中寨 上坝 下湾 前进 红星 胜利", vstem, " ")
	nv = 0
	for (t = 1; t <= nt; t++)
		for (v = 1; v <= (t <= 7 ? 10 : 9); v++) {
			nv++
			vt[nv] = t
			vname[nv] = v == 1 ? substr(town[t], 1, 2) "社区" : vstem[v] "村"
			vcode[nv] = sprintf("52%02d%02d", t, v)
		}
	if (what == "units") {
		print "code,name,level,parent,township,kind,population,households"
		print "52,示例县,county,,,county,152400,41800"
		for (t = 1; t <= nt; t++)
			printf "52%02d,%s,township,52,%s,township,%d,%d\n", t, town[t], town[t], 8000 + rnd(6000), 2200 + rnd(1500)
		for (i = 1; i <= nv; i++) {
			h = 150 + rnd(300)
			printf "%s,%s,village,52%02d,%s,%s,%d,%d\n", vcode[i], vname[i], vt[i], town[vt[i]],
				vname[i] ~ /社区$/ ? "community" : "village", h * 3 + rnd(200), h
		}
		exit
	}
	if (what == "disputes") {
		print Y "年 示例县矛盾纠纷排查化解情况表（合成数据）,,,,,,,,,,"
		print "序号,乡镇,村(社区),排查日期,纠纷类型,涉及人数,风险等级,调处,,结案日期,案件编号"
		print ",,,,,,,层级,结果,,"
		ncat = split("婚姻家庭 邻里纠纷 土地承包 山林权属 劳动争议 损害赔偿 征地拆迁 合同纠纷 其他纠纷", cat, " ")
		for (n = 1; n <= 1500; n++) {
			i = rnd(nv) + 1
			d = rnd(360)
			r = rnd(100)
			status = r < (Y == 2020 ? 94 : 92) ? "已化解" : r < 96 ? "调解中" : r < 98 ? "已移交" : "化解失败"
			if (r < 94 && rnd(10) == 0) status = "化解成功"
			l = rnd(100)
			level = l < 35 ? "组" : l < 80 ? "村" : l < 95 ? "乡镇" : "县"
			closed = status == "调解中" ? "" : raw_date(d + rnd(5) < 365 ? d + rnd(5) : d)
			people = 2 + rnd(5)
			if (rnd(40) == 0) people = "１２"
			printf "%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,MD%d%04d\n", n, town[vt[i]], vname[i], raw_date(d),
				cat[rnd(ncat) + 1], people, pick("低 低 低 中 高"), level, status, closed, Y, n
		}
		# bad rows: an impossible date, a result the map does not know
		printf "1501,%s,%s,%d年2月30日,邻里纠纷,2,低,村,已化解,,MD%d1501\n", town[1], vname[2], Y, Y
		printf "1502,%s,%s,%d-06-01,邻里纠纷,3,低,村,已和解,,MD%d1502\n", town[2], vname[12], Y, Y
		print ",,,,,,,,,,"
		footer(11)
		exit
	}
	if (what == "incidents") {
		print Y "年 示例县警情台账（合成数据）,,,,,,,,,,,"
		print "序号,警情编号,事件编号,接警日期,乡镇,村(社区),警情,,,街面警情,敏感时期,处置单位"
		print ",,,,,,类别,性质,等级,,,"
		n = 0
		for (e = 1; e <= (Y == 2020 ? 2600 : 2700); e++) {
			i = rnd(nv) + 1
			# serious cases stay in about half of the villages
			r = rnd(100)
			type = r < 12 ? "刑事" : r < 45 ? "治安" : r < 55 ? "交通事故" : r < 58 ? "火灾" : r < 85 ? "求助" : r < 95 ? "投诉" : "无效警情"
			if (type == "刑事" && i % 2 == 0) type = "治安"
			ev = ""
			if (type == "刑事") ev = pick("盗窃 诈骗 其他")
			sev = "一般"
			d = rnd(360)
			units = rnd(10) == 0 ? 2 : 1
			for (u = 1; u <= units; u++) {
				n++
				printf "%d,JQ%d%04d,SJ%s%05d,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", n, Y, n, Y == 2020 ? "" : Y, e, raw_date(d), town[vt[i]],
					vname[i], type, ev, sev, rnd(3) == 0 ? "是" : "否", rnd(12) == 0 ? "是" : "否",
					u == 1 ? town[vt[i]] "派出所" : "县交警大队"
			}
		}
		# the negative list: events in a few townships
		split("4 故意杀人 刑事 重大 否|9 群体性事件 治安 重大 是|9 非正常上访 治安 一般 否|2 重大交通事故 交通事故 重大 否|11 涉毒 刑事 一般 否|6 非正常上访 治安 一般 否", neg, "|")
		for (k = 1; k <= (Y == 2020 ? 6 : 0); k++) {
			split(neg[k], f, " ")
			n++; e++
			i = 0
			for (j = 1; j <= nv; j++) if (vt[j] == f[1] + 0 && !i) i = j + 1
			printf "%d,JQ2020%04d,SJ%05d,%s,%s,%s,%s,%s,%s,否,%s,%s派出所\n", n, n, e, raw_date(100 + 30 * k), town[vt[i]],
				vname[i], f[3], f[2], f[4], f[5], town[vt[i]]
		}
		printf "%d,JQ%d%04d,SJ%s%05d,%d-13-01,%s,%s,治安,,一般,否,否,\n", n + 1, Y, n + 1, Y == 2020 ? "" : Y, e + 1, Y, town[3], vname[25]
		footer(12)
		exit
	}
	if (what == "petitions") {
		print Y "年 示例县信访登记表（合成数据）,,,,,,,,,"
		print "序号,信访编号,登记日期,乡镇,村(社区),形式,人数,类型,,"
		print ",,,,,,,集体访,越级访,非正常访"
		for (n = 1; n <= (Y == 2020 ? 420 : 450); n++) {
			i = rnd(nv) + 1
			c = rnd(12) == 0
			printf "%d,XF%d%04d,%s,%s,%s,%s,%d,%s,%s,%s\n", n, Y, n, raw_date(rnd(360)), town[vt[i]], vname[i],
				pick("来信 来访 来访 网上信访 电话"), c ? 5 + rnd(20) : 1 + rnd(2), c ? "是" : "否",
				rnd(15) == 0 ? "是" : "否", rnd(60) == 0 ? "是" : "否"
		}
		printf "%d,XF%d%04d,%d-05-05,%s,不存在村,来访,1,否,否,否\n", n, Y, n, Y, town[5]
		footer(10)
		exit
	}
	if (what == "titles") {
		print "2020年 示例县平安创建情况表（合成数据）,,,,,,"
		print "乡镇,村(社区),年度,创建情况,,,"
		print ",,,平安村寨(社区),上年平安村寨(社区),无毒村,无邪教村"
		for (i = 1; i <= nv; i++) {
			last = rnd(10) < 9
			now = last ? rnd(50) != 0 : rnd(2)
			printf "%s,%s,2020,%s,%s,%s,%s\n", town[vt[i]], vname[i], now ? "是" : "否", last ? "是" : "否",
				rnd(20) ? "是" : "否", rnd(30) ? "是" : "否"
		}
		footer(7)
		exit
	}
	if (what == "households") {
		print "2020年 示例县平安家庭创建统计表（合成数据）,,,,"
		print "乡镇,村(社区),年度,户数,"
		print ",,,总户数,平安家庭户数"
		for (i = 1; i <= nv; i++) {
			h = 150 + rnd(300)
			s = int(h * (85 + rnd(14)) / 100)
			printf "%s,%s,2020,\"%s\",%d\n", town[vt[i]], vname[i], h >= 1000 ? "1," substr(h, 2) : h, s
		}
		footer(5)
		exit
	}
	if (what == "survey") {
		print "2020年 示例县群众安全感满意度电话调查（合成数据）,,,,,,"
		print "访问编号,访问日期,乡镇,村(社区),是否有效,评价,"
		print ",,,,,安全感,满意度"
		for (n = 1; n <= 1300; n++) {
			i = rnd(nv) + 1
			ok = rnd(20) != 0
			s = rnd(100); sat = rnd(100)
			printf "DC2020%04d,%s,%s,%s,%s,%s,%s\n", n, raw_date(rnd(360)), town[vt[i]], vname[i], ok ? "是" : "否",
				ok ? (s < 70 ? "安全" : s < 93 ? "比较安全" : s < 98 ? "不太安全" : "不安全") : "",
				ok ? (sat < 45 ? "很满意" : sat < 85 ? "满意" : sat < 95 ? "一般" : sat < 99 ? "不满意" : "很不满意") : ""
		}
		footer(7)
		exit
	}
	if (what == "yearly") {
		# the yearly score table of the "five up, two down" check (the four
		# scores no ledger gives), for year=2019 or year=2020 (2020 mostly
		# better: the check has work to do), with the county's own row
		print "township,livelihood_support,police_visibility,public_order_control,emergency_response"
		for (t = 1; t <= nt; t++) {
			b = year == 2020 ? 1 : 0
			ls = 80 + rnd(10) + 3 * b; rnd(60)
			pv = 70 + rnd(15) + 4 * b; po = 75 + rnd(12) + 2 * b; er = 85 + rnd(10) + (t % 5 ? b : -2)
			rnd(30); rnd(20)
			printf "%s,%.2f,%.2f,%.2f,%.2f\n", town[t], ls, pv, po, er
			sls += ls; spv += pv; spo += po; ser += er
		}
		printf "全县,%.2f,%.2f,%.2f,%.2f\n", sls / nt, spv / nt, spo / nt, ser / nt
		exit
	}
	print "gen-county.awk: unknown what=" what > "/dev/stderr"
	exit 2
}
