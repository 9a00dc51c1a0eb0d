#ifndef SG_REPORT_JSON_OUT_H
#define SG_REPORT_JSON_OUT_H

struct cJSON;
struct sg_buf;
struct sg_strlist;

/* Helpers shared by the JSON-writing reporters. */

/* A JSON array of the strings of `list`. */
struct cJSON *sg_json_strings(const struct sg_strlist *list);

/* A JSON string, or null when `s` is NULL. */
struct cJSON *sg_json_string_or_null(const char *s);

/*
 * Print `root` (consumed: it is deleted) to `out`, with a final newline.
 * Returns 0, or -1 with an error naming `what` when cJSON runs out of memory.
 */
int sg_json_emit(struct sg_buf *out, struct cJSON *root, const char *what);

#endif
