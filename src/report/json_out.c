#include "report/json_out.h"
#include "report/xml.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/str.h"

#include <cjson/cJSON.h>

struct cJSON *sg_json_text(const char *s)
{
	struct sg_buf b = SG_BUF_INIT;
	cJSON *item;

	/* cJSON copies bytes as they are: paths and messages from history may not be UTF-8 */
	sg_utf8_add(&b, s ? s : "");
	item = cJSON_CreateString(b.ptr);
	sg_buf_release(&b);
	return item;
}

void sg_json_add_text(struct cJSON *object, const char *key, const char *s)
{
	cJSON_AddItemToObject(object, key, sg_json_text(s));
}

struct cJSON *sg_json_strings(const struct sg_strlist *list)
{
	cJSON *arr = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < list->nr; i++)
		cJSON_AddItemToArray(arr, sg_json_text(list->items[i]));
	return arr;
}

struct cJSON *sg_json_string_or_null(const char *s)
{
	return s ? sg_json_text(s) : cJSON_CreateNull();
}

int sg_json_emit(struct sg_buf *out, struct cJSON *root, const char *what)
{
	char *text = cJSON_Print(root);

	cJSON_Delete(root);
	if (!text)
		return sg_error_set("cannot write the %s: out of memory", what);
	sg_buf_adds(out, text);
	sg_buf_addch(out, '\n');
	cJSON_free(text);
	return 0;
}
