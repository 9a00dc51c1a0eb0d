#ifndef SG_MODEL_JSON_H
#define SG_MODEL_JSON_H

#include <stddef.h>

/*
 * cJSON helpers for untrusted documents (SBOMs, lockfiles). Only src/model
 * and src/report include cJSON; everything else sees plain structs.
 */

struct cJSON;
struct sg_buf;

/* Largest JSON document sdlgate reads (64 MiB). */
#define SG_JSON_MAX_SIZE ((size_t)64 << 20)
/* Deepest nesting of arrays and objects accepted (cJSON allows 1000). */
#define SG_JSON_MAX_DEPTH 256

/*
 * Parse `len` bytes of `data` named `name` (a path, used in messages).
 * Before cJSON sees the bytes they are scanned once, so that oversized
 * input, nesting deeper than SG_JSON_MAX_DEPTH, invalid UTF-8, NUL bytes
 * and raw control characters inside strings are refused without deep
 * recursion; a leading UTF-8 byte order mark is skipped and trailing
 * garbage is refused. Returns 0 and a tree the caller frees with
 * cJSON_Delete(), or -1 with an input error "name:line:col: problem" and a
 * hint.
 */
int sg_json_parse(struct cJSON **out, const char *name, const char *data,
		  size_t len);

/*
 * The 1-based line and column of byte `offset` in `data`; columns count
 * characters (UTF-8 sequences), not bytes.
 */
void sg_json_position(size_t *line, size_t *col, const char *data,
		      size_t len, size_t offset);

/*
 * Typed lookups of a member of an object. Each returns SG_JSON_OK and sets
 * *out when the member exists with the wanted type, SG_JSON_ABSENT when it
 * does not exist (or `obj` is NULL or not an object), and
 * SG_JSON_WRONG_TYPE when it exists with another type (null included).
 * Pointers are borrowed from the tree.
 */
enum sg_json_lookup {
	SG_JSON_WRONG_TYPE = -1,
	SG_JSON_ABSENT = 0,
	SG_JSON_OK = 1,
};

int sg_json_get_string(const char **out, const struct cJSON *obj,
		       const char *key);
int sg_json_get_object(const struct cJSON **out, const struct cJSON *obj,
		       const char *key);
int sg_json_get_array(const struct cJSON **out, const struct cJSON *obj,
		      const char *key);
int sg_json_get_number(double *out, const struct cJSON *obj, const char *key);
int sg_json_get_bool(int *out, const struct cJSON *obj, const char *key);

/* "a string", "an object", "null"...: for "expected X, found Y" messages. */
const char *sg_json_type_name(const struct cJSON *item);

/*
 * Build the location of a node as readers descend: ".key" (or "key" at
 * the start; keys that are not plain words are written ["key"]) and
 * "[index]". Each returns the previous length, to restore with
 * sg_buf_setlen() on the way back up.
 */
size_t sg_json_path_key(struct sg_buf *path, const char *key);
size_t sg_json_path_index(struct sg_buf *path, size_t index);

#endif
