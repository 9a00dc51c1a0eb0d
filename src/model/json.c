#include "model/json.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* What the byte scan found before cJSON is asked to parse. */
struct scan {
	size_t bad;        /* offset of the first refused byte */
	const char *why;   /* NULL when the bytes are acceptable */
	const char *hint;
	size_t open_string; /* where an unterminated string starts, + 1 */
	size_t depth;      /* brackets still open at the end */
};

/*
 * Length of the UTF-8 sequence at s (at most n bytes available), or 0 when
 * it is not one: overlong forms, surrogates and code points above
 * U+10FFFF are refused as RFC 3629 asks.
 */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t want, i;
	unsigned long cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		want = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		want = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		want = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n < want)
		return 0;
	for (i = 1; i < want; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((want == 3 && cp < 0x800) || (want == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return want;
}

/*
 * One pass over the bytes: encoding, control characters in strings and
 * nesting depth. cJSON recurses once per bracket, so the depth must be
 * known before it runs.
 */
static void scan_bytes(struct scan *sc, const unsigned char *s, size_t len)
{
	size_t i = 0, depth = 0, start = 0, n;
	int in_string = 0;

	memset(sc, 0, sizeof(*sc));
	while (i < len) {
		n = utf8_len(s + i, len - i);
		if (!n) {
			sc->why = "invalid UTF-8";
			sc->hint = "JSON must be UTF-8; re-export the file as UTF-8";
			break;
		}
		if (s[i] == 0) {
			sc->why = "NUL byte";
			sc->hint = "a JSON text never contains NUL bytes; is this a binary file?";
			break;
		}
		if (in_string) {
			if (s[i] == '"')
				in_string = 0;
			else if (s[i] == '\\' && i + 1 < len && s[i + 1] >= 0x20 &&
				 s[i + 1] < 0x80)
				i++;
			else if (s[i] < 0x20) {
				sc->why = "control character inside a string";
				sc->hint = "write it as an escape such as \\n or \\u0009";
				break;
			}
		} else if (s[i] == '"') {
			in_string = 1;
			start = i;
		} else if (s[i] == '[' || s[i] == '{') {
			if (++depth > SG_JSON_MAX_DEPTH) {
				sc->why = "nesting deeper than 256 levels";
				sc->hint = "no SBOM or lockfile needs this depth; the file is damaged or hostile";
				break;
			}
		} else if ((s[i] == ']' || s[i] == '}') && depth) {
			depth--;
		}
		i += n;
	}
	sc->bad = i;
	sc->open_string = in_string ? start + 1 : 0;
	sc->depth = depth;
}

void sg_json_position(size_t *line, size_t *col, const char *data,
		      size_t len, size_t offset)
{
	size_t i;

	*line = 1;
	*col = 1;
	if (offset > len)
		offset = len;
	for (i = 0; i < offset; i++) {
		unsigned char c = (unsigned char)data[i];

		if (c == '\n') {
			(*line)++;
			*col = 1;
		} else if ((c & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

/* Record "name:line:col: what" with a hint; returns -1. */
static int fail_at(const char *name, const char *data, size_t len,
		   size_t offset, const char *what, const char *hint)
{
	size_t line, col;

	sg_json_position(&line, &col, data, len, offset);
	sg_error_set("%s:%zu:%zu: %s", name, line, col, what);
	sg_error_hint("%s", hint);
	return -1;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* cJSON stores through malloc; make it abort on OOM like sg_xmalloc. */
static void *hook_malloc(size_t size)
{
	return sg_xmalloc(size ? size : 1);
}

int sg_json_parse(struct cJSON **out, const char *name, const char *data,
		  size_t len)
{
	static cJSON_Hooks hooks = { hook_malloc, free };
	struct sg_buf what = SG_BUF_INIT;
	const char *end = NULL;
	struct scan sc;
	size_t skip = 0, at, i;
	cJSON *root;

	*out = NULL;
	cJSON_InitHooks(&hooks);
	if (len > SG_JSON_MAX_SIZE) {
		sg_error_set("%s: %zu bytes is more than the 64 MiB limit",
			     name, len);
		sg_error_hint("sdlgate refuses JSON documents over 64 MiB; check that the file is the one you meant");
		return -1;
	}
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
		skip = 3;
	scan_bytes(&sc, (const unsigned char *)data + skip, len - skip);
	if (sc.why)
		return fail_at(name, data, len, skip + sc.bad, sc.why, sc.hint);
	for (i = skip; i < len && is_space(data[i]); i++)
		;
	if (i == len)
		return fail_at(name, data, len, len, "empty document",
			       "a JSON document holds one object or array");

	if (sc.open_string)
		return fail_at(name, data, len, skip + sc.open_string - 1,
			       "string not terminated",
			       "the closing quote is missing, or the file is truncated");

	root = cJSON_ParseWithLengthOpts(data + skip, len - skip, &end, 0);
	if (!root) {
		at = end ? (size_t)(end - data) : skip;
		/* cJSON points at the last token it saw, not past the end */
		for (i = at; i < len && is_space(data[i]); i++)
			;
		if (sc.depth && i + 1 >= len)
			return fail_at(name, data, len, len,
				       "unexpected end of input",
				       "the file is truncated; regenerate it");
		sg_buf_adds(&what, "invalid JSON near '");
		for (i = at; i < len && data[i] != '\n'; i++) {
			unsigned char c = (unsigned char)data[i];

			if (i >= at + 12 && (c & 0xc0) != 0x80)
				break;
			sg_buf_addch(&what, c < 0x20 || c == '\'' ? '?' : (char)c);
		}
		sg_buf_addch(&what, '\'');
		fail_at(name, data, len, at, what.ptr,
			"fix the JSON syntax at this position (a missing comma, quote or bracket is the usual cause)");
		sg_buf_release(&what);
		return -1;
	}
	for (at = (size_t)(end - data); at < len && is_space(data[at]); at++)
		;
	if (at < len) {
		cJSON_Delete(root);
		return fail_at(name, data, len, at,
			       "unexpected data after the JSON value",
			       "a JSON document holds exactly one value");
	}
	*out = root;
	return 0;
}

static const cJSON *member(const cJSON *obj, const char *key)
{
	if (!obj || !cJSON_IsObject(obj))
		return NULL;
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

int sg_json_get_string(const char **out, const cJSON *obj, const char *key)
{
	const cJSON *item = member(obj, key);

	*out = NULL;
	if (!item)
		return SG_JSON_ABSENT;
	if (!cJSON_IsString(item) || !item->valuestring)
		return SG_JSON_WRONG_TYPE;
	*out = item->valuestring;
	return SG_JSON_OK;
}

int sg_json_get_object(const cJSON **out, const cJSON *obj, const char *key)
{
	const cJSON *item = member(obj, key);

	*out = NULL;
	if (!item)
		return SG_JSON_ABSENT;
	if (!cJSON_IsObject(item))
		return SG_JSON_WRONG_TYPE;
	*out = item;
	return SG_JSON_OK;
}

int sg_json_get_array(const cJSON **out, const cJSON *obj, const char *key)
{
	const cJSON *item = member(obj, key);

	*out = NULL;
	if (!item)
		return SG_JSON_ABSENT;
	if (!cJSON_IsArray(item))
		return SG_JSON_WRONG_TYPE;
	*out = item;
	return SG_JSON_OK;
}

int sg_json_get_number(double *out, const cJSON *obj, const char *key)
{
	const cJSON *item = member(obj, key);

	*out = 0;
	if (!item)
		return SG_JSON_ABSENT;
	if (!cJSON_IsNumber(item))
		return SG_JSON_WRONG_TYPE;
	*out = item->valuedouble;
	return SG_JSON_OK;
}

int sg_json_get_bool(int *out, const cJSON *obj, const char *key)
{
	const cJSON *item = member(obj, key);

	*out = 0;
	if (!item)
		return SG_JSON_ABSENT;
	if (!cJSON_IsBool(item))
		return SG_JSON_WRONG_TYPE;
	*out = cJSON_IsTrue(item);
	return SG_JSON_OK;
}

const char *sg_json_type_name(const cJSON *item)
{
	if (!item)
		return "nothing";
	if (cJSON_IsString(item))
		return "a string";
	if (cJSON_IsNumber(item))
		return "a number";
	if (cJSON_IsBool(item))
		return "a boolean";
	if (cJSON_IsNull(item))
		return "null";
	if (cJSON_IsArray(item))
		return "an array";
	if (cJSON_IsObject(item))
		return "an object";
	return "an unknown value";
}

static int plain_key(const char *key)
{
	const char *p;

	if (!*key)
		return 0;
	for (p = key; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' ||
		      *p == '@' || *p == '$'))
			return 0;
	return 1;
}

size_t sg_json_path_key(struct sg_buf *path, const char *key)
{
	size_t old = path->len;
	int plain = plain_key(key);

	if (plain && path->len)
		sg_buf_addch(path, '.');
	else if (!plain)
		sg_buf_adds(path, "[\"");
	/* keys end up in messages on a terminal: no control characters */
	for (; *key; key++)
		sg_buf_addch(path, (unsigned char)*key < 0x20 || *key == 0x7f ? '?' : *key);
	if (!plain)
		sg_buf_adds(path, "\"]");
	return old;
}

size_t sg_json_path_index(struct sg_buf *path, size_t index)
{
	size_t old = path->len;

	sg_buf_addf(path, "[%zu]", index);
	return old;
}
