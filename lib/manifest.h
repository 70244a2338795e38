/* manifest: the audit trail across a pipeline.
 *
 * When the environment variable GOVSTAT_MANIFEST names a file, or a tool
 * is given --manifest FILE, the tool appends one JSON line to it when it
 * ends: the tool, its version and arguments, and for each input, setting
 * file, output and rejects file its name, role, SHA-256, bytes and rows
 *
 *   {"tool":"tally","version":"0.1.0","args":["-g","township",...],
 *    "status":0,"files":[{"role":"input","name":"-","sha256":"…",
 *    "bytes":1234,"rows":56,"skipped":3},{"role":"output",...}]}
 *
 * An input's "rows" are its data rows (good and bad, as the tool saw
 * them), its "skipped" the blank and footer rows the reading left out,
 * present when there were any: over the inputs, rows plus skipped is the
 * run's "counts" read, and written + rejected + dropped of those counts.
 *
 * The line is written with one write() on a file opened for appending,
 * under an exclusive lock, so tools running side by side in a pipeline
 * never interleave their lines. report --manifest-in renders the file.
 *
 * A run that exits without calling gs_manifest_end (a usage error after
 * gs_manifest_begin, an unusable input, gs_die) appends its line all the
 * same, from an exit handler, with the exit status and the files recorded
 * so far: a failed attempt is part of the audit trail. */
#ifndef GS_MANIFEST_H
#define GS_MANIFEST_H

#include "stream.h"
#include "writer.h"

/* Start recording for this run: PATH (from --manifest, or NULL to use
 * GOVSTAT_MANIFEST); the arguments are those gs_cli_init kept. Returns 1
 * when a manifest will be written. */
int gs_manifest_begin(const char *path);

/* The manifest's path, NULL when none is recorded. */
const char *gs_manifest_path(void);

/* 1 when a manifest is being recorded (tools then hash their inputs). */
int gs_manifest_on(void);

/* Record the files a stream read, with ROLE ("input", "reference" ...). */
void gs_manifest_stream(const gs_stream *st, const char *role);

/* Called by gs_stream_open and gs_stream_close: a run that ends early
 * (the exit handler) lists, as inputs, the files its open and closed
 * streams had read that the tool had not recorded yet. */
void gs_manifest_watch(const gs_stream *st);
void gs_manifest_unwatch(const gs_stream *st);

/* Record a setting or side file (map, schema, catalogue, universe ...) by
 * reading and hashing it. Its "rows" are null: it is not read as records;
 * its "sha256" is null when it cannot be read. */
void gs_manifest_file(const char *path, const char *role);

/* Record standard output as written by W (a writer made after
 * gs_manifest_begin hashes from its start). */
void gs_manifest_output(gs_writer *w);

/* Record a file the tool wrote, with what it knows of it. */
void gs_manifest_written(const char *name, const char *role, const char *sha256,
                         unsigned long long bytes, long rows);

/* Record the run's row counts (read = written + rejected + dropped), as
 * "counts":{"read":N,"written":N,"rejected":N,"dropped":N}. */
void gs_manifest_counts(long read, long written, long rejected, long dropped);

/* Append the line (status STATUS). Returns STATUS, or GS_IO when the
 * manifest cannot be written (reported). */
int gs_manifest_end(int status);

/* Forget the run without writing its line: for a manifest that must not
 * be written (it is one of the run's inputs). */
void gs_manifest_abandon(void);

#endif
