/*
 * pcdebug.c: developer tool - runs the checking pipeline on one file and
 * prints every mention with its readings, priors, supports and the
 * evidence list, to see why the checker decided what it did.
 * usage: pcdebug DB FILE
 */
#include "context/context.h"
#include "detect/detect.h"
#include "match/match.h"
#include "read/read.h"
#include "resolve/resolve.h"
#include "scan/scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	struct db *db;
	struct diag d;
	struct arena a;
	struct read_doc doc;
	struct scan_doc sd;
	struct match_result mr;
	struct ctx cx;
	struct ctx_cues cues;
	struct resolve_cache cache;
	struct resolve_state rs;
	struct finding *f;
	struct resolved_place *pl;
	size_t nf, np, i, j;
	FILE *fp;
	char *src;
	long len;

	if (argc != 3)
		return 2;
	diag_clear(&d);
	if (db_open(argv[1], DB_OPEN_READONLY, &db, &d) != PC_OK) {
		fprintf(stderr, "%s\n", d.msg);
		return 2;
	}
	fp = fopen(argv[2], "rb");
	if (!fp)
		return 2;
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	src = malloc((size_t)len + 1);
	if (fread(src, 1, (size_t)len, fp) != (size_t)len)
		return 2;
	fclose(fp);
	arena_init(&a, 0);
	ctx_cues_load(db, &cues, &d);
	resolve_cache_init(&cache, db);
	if (read_doc(src, (size_t)len, read_fmt_from_name(argv[2]), argv[2], &a, &doc, &d) ||
	    scan_run(doc.text, doc.len, &a, &sd, &d) || match_run(db, &sd, &a, &mr, &d) ||
	    ctx_build(&sd, &mr, &cues, &a, &cx, &d) || resolve_run(db, &cache, &sd, &mr, &cx, &a, &rs, &d)) {
		fprintf(stderr, "pipeline error: %s\n", d.msg);
		return 2;
	}
	printf("static evidence:\n");
	for (i = 0; i < cx.n_ev; i++)
		printf("  [%d src%d] %s -> %s %s.%s (id %lld) w=%.2f sent=%u\n", cx.ev[i].level, cx.ev[i].source,
		       cx.ev[i].what, cx.ev[i].place->name, cx.ev[i].place->country, cx.ev[i].place->admin1,
		       (long long)cx.ev[i].place->id, cx.ev[i].weight, cx.ev[i].sent);
	for (i = 0; i < mr.n; i++) {
		const struct mention *m = &mr.m[i];
		printf("mention %zu '%s' key='%s' flags=0x%x keep=%d best=%d conf=%.2f qual=%d\n", i, m->surface,
		       m->key, m->flags, rs.rm[i].keep, rs.rm[i].best, rs.rm[i].conf, m->qualifier);
		for (j = 0; j < m->n_cands && j < 8; j++)
			printf("    %c %-24s %s.%-4s k%d nk%d pop=%lld prior=%.2f sup=%.2f score=%.2f\n",
			       (int)j == rs.rm[i].best ? '*' : ' ', m->cands[j].place.name, m->cands[j].place.country,
			       m->cands[j].place.admin1, m->cands[j].place.kind, m->cands[j].name_kind,
			       (long long)m->cands[j].place.population, rs.rm[i].sc[j].prior, rs.rm[i].sc[j].support,
			       rs.rm[i].sc[j].score);
		printf("    qual=%d seg=%u alts=%zu:", rs.rm[i].qual, rs.rm[i].seg, rs.rm[i].n_alts);
		for (j = 0; j < rs.rm[i].n_alts && j < 12; j++)
			printf(" %s(%s.%s r%d)", rs.rm[i].alts[j].form, rs.rm[i].alts[j].place->country,
			       rs.rm[i].alts[j].place->admin1, rs.rm[i].alts[j].rel);
		printf("\n");
	}
	detect_run(&rs, NULL, &a, &f, &nf, &pl, &np, &d);
	for (i = 0; i < nf; i++) {
		printf("FINDING %s %s: %s -> %s (%.2f)\n", f[i].rule, f[i].text, f[i].message,
		       f[i].suggestion ? f[i].suggestion : "-", f[i].confidence);
		for (j = 0; j < f[i].n_evidence; j++)
			printf("   ev: %s\n", f[i].evidence[j]);
	}
	arena_free(&a);
	resolve_cache_free(&cache);
	ctx_cues_free(&cues);
	db_close(db);
	free(src);
	return 0;
}
