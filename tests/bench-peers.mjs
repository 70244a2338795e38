// The analytic engines an analyst would otherwise group a ledger with,
// measured in-process on the query tally runs in tests/bench.sh: by
// township, count, a conditional count and a sum. The time printed is the
// engine's own (reading the CSV and grouping), node's start-up excluded;
// the peak RSS is the whole node process's.
//
// Usage: node bench-peers.mjs duckdb|polars LEDGER.csv THREADS
// Prints: "SECONDS PEAK_RSS_KB GROUPS" on one line.
const [engine, file, threads] = process.argv.slice(2);
if (!engine || !file)
	throw new Error('usage: node bench-peers.mjs duckdb|polars LEDGER.csv THREADS');

async function duckdb() {
	const { DuckDBInstance } = await import('@duckdb/node-api');
	const t0 = performance.now();
	const db = await DuckDBInstance.create(':memory:', { threads: String(threads || 2) });
	const con = await db.connect();
	const quoted = file.replaceAll("'", "''");
	const res = await con.runAndReadAll(
		`SELECT township, count(*) AS n, count(*) FILTER (WHERE status = '化解') AS resolved,
		        sum(people) AS people
		   FROM read_csv('${quoted}', header = true) GROUP BY township`);
	const groups = res.getRows().length;
	return [(performance.now() - t0) / 1000, groups];
}

async function polars() {
	// read once, when polars starts its thread pool
	if (threads) process.env.POLARS_MAX_THREADS = String(threads);
	const pl = (await import('nodejs-polars')).default;
	const t0 = performance.now();
	const df = pl.readCSV(file);
	const g = df.groupBy('township').agg(
		pl.len().alias('n'),
		pl.col('status').eq(pl.lit('化解')).sum().alias('resolved'),
		pl.col('people').sum().alias('people'));
	return [(performance.now() - t0) / 1000, g.height];
}

const run = { duckdb, polars }[engine];
if (!run) throw new Error(`no engine ${engine}`);
const [seconds, groups] = await run();
console.log(`${seconds.toFixed(3)} ${process.resourceUsage().maxRSS} ${groups}`);
