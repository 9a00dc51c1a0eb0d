#include "report/report.h"

#include <string.h>

extern const struct sg_reporter sg_reporter_text;
extern const struct sg_reporter sg_reporter_json;
extern const struct sg_reporter sg_reporter_junit;
extern const struct sg_reporter sg_reporter_sarif;
extern const struct sg_reporter sg_reporter_codequality;
extern const struct sg_reporter sg_reporter_markdown;

/* Add a format: one file defining `sg_reporter_<name>`, one row here. */
static const struct sg_reporter *const reporters[] = {
	&sg_reporter_text,
	&sg_reporter_json,
	&sg_reporter_junit,
	&sg_reporter_sarif,
	&sg_reporter_codequality,
	&sg_reporter_markdown,
	NULL,
};

const struct sg_reporter *sg_reporter_find(const char *name)
{
	const struct sg_reporter *const *r;

	for (r = reporters; *r; r++)
		if (!strcmp((*r)->name, name))
			return *r;
	return NULL;
}

const struct sg_reporter *const *sg_reporters(void)
{
	return reporters;
}
