#ifndef SG_REPORT_JSON_OUT_H
#define SG_REPORT_JSON_OUT_H

struct cJSON;
struct sg_buf;
struct sg_strlist;

/* Helpers shared by the JSON-writing reporters. */

/* A JSON string of `s` made valid UTF-8 (invalid bytes replaced). */
struct cJSON *sg_json_text(const char *s);
void sg_json_add_text(struct cJSON *object, const char *key, const char *s);

/* A JSON array of the strings of `list`, made valid UTF-8. */
struct cJSON *sg_json_strings(const struct sg_strlist *list);

/* A JSON string (valid UTF-8), or null when `s` is NULL. */
struct cJSON *sg_json_string_or_null(const char *s);

/*
 * Print `root` (consumed: it is deleted) to `out`, with a final newline.
 * Returns 0, or -1 with an error naming `what` when cJSON runs out of memory.
 */
int sg_json_emit(struct sg_buf *out, struct cJSON *root, const char *what);

#endif
