#include "report/fingerprint.h"
#include "report/report.h"
#include "util/alloc.h"
#include "util/sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add_field(struct sg_sha256 *ctx, const char *s)
{
	/* NUL-separated, so "a"+"bc" and "ab"+"c" differ */
	if (s)
		sg_sha256_update(ctx, s, strlen(s));
	sg_sha256_update(ctx, "", 1);
}

static void digest(char out[65], const struct sg_finding *f, size_t nth)
{
	static const char hex[] = "0123456789abcdef";
	struct sg_sha256 ctx;
	unsigned char raw[32];
	char num[32];
	size_t i;

	sg_sha256_init(&ctx);
	add_field(&ctx, "sdlgate-finding-v1");
	add_field(&ctx, f->rule);
	add_field(&ctx, f->commit);
	for (i = 0; i < f->paths.nr; i++)
		add_field(&ctx, f->paths.items[i]);
	add_field(&ctx, "");
	snprintf(num, sizeof(num), "%u", f->line);
	add_field(&ctx, num);
	add_field(&ctx, f->message);
	if (nth) {
		snprintf(num, sizeof(num), "#%zu", nth);
		add_field(&ctx, num);
	}
	sg_sha256_final(raw, &ctx);
	for (i = 0; i < 32; i++) {
		out[2 * i] = hex[raw[i] >> 4];
		out[2 * i + 1] = hex[raw[i] & 15];
	}
	out[64] = '\0';
}

struct slot {
	const char *fp;
	size_t index;
};

static int cmp_slot(const void *pa, const void *pb)
{
	const struct slot *a = pa, *b = pb;
	int c = strcmp(a->fp, b->fp);

	if (c)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

char (*sg_report_fingerprints(const struct sg_report *report))[65]
{
	size_t n = report->findings.nr, i, nth;
	char (*fps)[65] = sg_xcalloc(n ? n : 1, sizeof(*fps));
	char (*base)[65] = sg_xcalloc(n ? n : 1, sizeof(*base));
	struct slot *slots = sg_xcalloc(n ? n : 1, sizeof(*slots));

	for (i = 0; i < n; i++) {
		digest(base[i], &report->findings.items[i], 0);
		memcpy(fps[i], base[i], sizeof(base[i]));
		slots[i].fp = base[i];
		slots[i].index = i;
	}
	/* equal findings: the 2nd, 3rd... in report order get their rank mixed in */
	qsort(slots, n, sizeof(*slots), cmp_slot);
	for (i = 1, nth = 0; i < n; i++) {
		nth = strcmp(slots[i].fp, slots[i - 1].fp) ? 0 : nth + 1;
		if (nth)
			digest(fps[slots[i].index], &report->findings.items[slots[i].index], nth);
	}
	free(slots);
	free(base);
	return fps;
}
