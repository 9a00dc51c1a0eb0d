#include "report/report.h"
#include "util/buf.h"

static int write_text(struct sg_buf *out, const struct sg_report *report)
{
	sg_buf_addf(out, "%zu error(s), %zu warning(s)\n", report->errors,
		    report->warnings);
	return 0;
}

const struct sg_reporter sg_reporter_text = {
	"text", "human-readable, grouped by commit (default)", write_text,
};
