#include "policy/yaml.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/str.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct builder {
	yaml_document_t *document;
	const char *name;
	size_t nodes;
};

void sg_ynode_free(struct sg_ynode *node)
{
	size_t i;

	if (!node)
		return;
	if (node->type == SG_YNODE_SEQ) {
		for (i = 0; i < node->nr; i++)
			sg_ynode_free(node->items[i]);
	} else if (node->type == SG_YNODE_MAP) {
		for (i = 0; i < node->nr; i++) {
			sg_ynode_free(node->pairs[i].key);
			sg_ynode_free(node->pairs[i].value);
		}
	}
	free(node->items);
	free(node->pairs);
	free(node->value);
	free(node);
}

void sg_ydoc_free(struct sg_ydoc *doc)
{
	if (!doc)
		return;
	sg_ynode_free(doc->root);
	free(doc->name);
	free(doc);
}

static int build(struct sg_ynode **out, struct builder *b, yaml_node_t *src,
		 int depth)
{
	struct sg_ynode *node;
	size_t n, i;

	if (depth > SG_YAML_MAX_DEPTH) {
		sg_error_set("%s:%zu:%zu: nesting deeper than %d levels",
			     b->name, src->start_mark.line + 1,
			     src->start_mark.column + 1, SG_YAML_MAX_DEPTH);
		sg_error_hint("flatten the document; sdlgate bounds nesting so hostile input cannot exhaust it");
		return -1;
	}
	if (++b->nodes > SG_YAML_MAX_NODES) {
		sg_error_set("%s:%zu:%zu: more than %d nodes after alias expansion",
			     b->name, src->start_mark.line + 1,
			     src->start_mark.column + 1, SG_YAML_MAX_NODES);
		sg_error_hint("avoid deeply repeated aliases; sdlgate bounds alias expansion");
		return -1;
	}

	node = sg_xcalloc(1, sizeof(*node));
	node->file = b->name;
	node->line = src->start_mark.line + 1;
	node->column = src->start_mark.column + 1;
	*out = node;

	switch (src->type) {
	case YAML_SCALAR_NODE:
		node->type = SG_YNODE_SCALAR;
		node->value = sg_xstrndup((const char *)src->data.scalar.value,
					  src->data.scalar.length);
		node->plain = src->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return 0;
	case YAML_SEQUENCE_NODE:
		node->type = SG_YNODE_SEQ;
		n = (size_t)(src->data.sequence.items.top -
			     src->data.sequence.items.start);
		node->items = sg_xcalloc(n, sizeof(*node->items));
		for (i = 0; i < n; i++) {
			yaml_node_t *item = yaml_document_get_node(b->document,
				src->data.sequence.items.start[i]);
			node->nr = i + 1;
			if (build(&node->items[i], b, item, depth + 1) < 0)
				return -1;
		}
		node->nr = n;
		return 0;
	case YAML_MAPPING_NODE:
		node->type = SG_YNODE_MAP;
		n = (size_t)(src->data.mapping.pairs.top -
			     src->data.mapping.pairs.start);
		node->pairs = sg_xcalloc(n, sizeof(*node->pairs));
		for (i = 0; i < n; i++) {
			yaml_node_pair_t *pair = &src->data.mapping.pairs.start[i];
			node->nr = i + 1;
			if (build(&node->pairs[i].key, b,
				  yaml_document_get_node(b->document, pair->key),
				  depth + 1) < 0 ||
			    build(&node->pairs[i].value, b,
				  yaml_document_get_node(b->document, pair->value),
				  depth + 1) < 0)
				return -1;
		}
		node->nr = n;
		return 0;
	default:
		return sg_error_set("%s: empty YAML node", b->name);
	}
}

int sg_yaml_parse(struct sg_ydoc **out, const char *name,
		  const char *data, size_t len)
{
	yaml_parser_t parser;
	yaml_document_t document;
	struct sg_ydoc *doc = NULL;
	struct builder b;
	yaml_node_t *root;
	int error = -1, have_document = 0;

	*out = NULL;
	if (!yaml_parser_initialize(&parser))
		return sg_error_set("%s: cannot initialise the YAML parser", name);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);

	if (!yaml_parser_load(&parser, &document)) {
		sg_error_set("%s:%zu:%zu: invalid YAML: %s%s%s", name,
			     parser.problem_mark.line + 1,
			     parser.problem_mark.column + 1,
			     parser.problem ? parser.problem : "syntax error",
			     parser.context ? " " : "",
			     parser.context ? parser.context : "");
		sg_error_hint("check indentation, quoting and that tabs are not used for indentation");
		goto done;
	}
	have_document = 1;

	doc = sg_xcalloc(1, sizeof(*doc));
	doc->name = sg_xstrdup(name);
	root = yaml_document_get_root_node(&document);
	if (root) {
		b.document = &document;
		b.name = doc->name;
		b.nodes = 0;
		if (build(&doc->root, &b, root, 0) < 0)
			goto done;
	}
	*out = doc;
	doc = NULL;
	error = 0;
done:
	sg_ydoc_free(doc);
	if (have_document)
		yaml_document_delete(&document);
	yaml_parser_delete(&parser);
	return error;
}

static void locate_error(const struct sg_ydoc *doc, const struct sg_ynode *node,
			 const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));

static void locate_error(const struct sg_ydoc *doc, const struct sg_ynode *node,
			 const char *fmt, va_list ap)
{
	struct sg_buf msg = SG_BUF_INIT;

	if (node)
		sg_buf_addf(&msg, "%s:%zu:%zu: ",
			    node->file ? node->file : doc->name, node->line,
			    node->column);
	else
		sg_buf_addf(&msg, "%s: ", doc->name);
	sg_buf_vaddf(&msg, fmt, ap);
	sg_error_set("%s", msg.ptr);
	sg_buf_release(&msg);
}

int sg_yaml_error(const struct sg_ydoc *doc, const struct sg_ynode *node,
		  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	locate_error(doc, node, fmt, ap);
	va_end(ap);
	return -1;
}

int sg_yaml_error_hint(const struct sg_ydoc *doc, const struct sg_ynode *node,
		       const char *hint, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	locate_error(doc, node, fmt, ap);
	va_end(ap);
	sg_error_hint("%s", hint);
	return -1;
}

struct sg_ynode *sg_ymap_get(const struct sg_ynode *map, const char *key)
{
	size_t i;

	if (!map || map->type != SG_YNODE_MAP)
		return NULL;
	for (i = 0; i < map->nr; i++) {
		const struct sg_ynode *k = map->pairs[i].key;

		if (k->type == SG_YNODE_SCALAR && !strcmp(k->value, key))
			return map->pairs[i].value;
	}
	return NULL;
}

int sg_ynode_is_null(const struct sg_ynode *node)
{
	return !node || (node->type == SG_YNODE_SCALAR && node->plain &&
			 (!*node->value || !strcmp(node->value, "~") ||
			  !strcmp(node->value, "null") ||
			  !strcmp(node->value, "Null") ||
			  !strcmp(node->value, "NULL")));
}

static const char *type_name(enum sg_ynode_type type)
{
	switch (type) {
	case SG_YNODE_MAP:
		return "a mapping";
	case SG_YNODE_SEQ:
		return "a list";
	default:
		return "a scalar";
	}
}

static int want(const struct sg_ydoc *doc, const struct sg_ynode *node,
		const char *what, enum sg_ynode_type type)
{
	static const char *const hints[] = {
		[SG_YNODE_MAP] = "write it as a mapping of keys, e.g. 'key: value' lines indented below it, or {key: value}",
		[SG_YNODE_SEQ] = "write it as a list, e.g. [a, b] or '- a' lines indented below it",
		[SG_YNODE_SCALAR] = "write it as a single value (quote it if it holds ': ' or starts with a special character)",
	};

	if (node && node->type == type)
		return 0;
	return sg_yaml_error_hint(doc, node, hints[type], "'%s' must be %s, not %s", what,
				  type_name(type), node ? type_name(node->type) : "missing");
}

int sg_yaml_want_map(const struct sg_ydoc *doc, const struct sg_ynode *node,
		     const char *what)
{
	return want(doc, node, what, SG_YNODE_MAP);
}

int sg_yaml_want_seq(const struct sg_ydoc *doc, const struct sg_ynode *node,
		     const char *what)
{
	return want(doc, node, what, SG_YNODE_SEQ);
}

int sg_yaml_want_scalar(const struct sg_ydoc *doc, const struct sg_ynode *node,
			const char *what)
{
	return want(doc, node, what, SG_YNODE_SCALAR);
}

int sg_yaml_check_keys(const struct sg_ydoc *doc, const struct sg_ynode *map,
		       const char *what, const char *const *allowed)
{
	struct sg_buf list = SG_BUF_INIT;
	size_t i, j;
	const char *const *a;

	if (sg_yaml_want_map(doc, map, what) < 0)
		return -1;
	for (i = 0; i < map->nr; i++) {
		const struct sg_ynode *key = map->pairs[i].key;
		int known = 0;

		if (key->type != SG_YNODE_SCALAR)
			return sg_yaml_error(doc, key, "keys of '%s' must be plain names",
					     what);
		for (j = 0; j < i; j++)
			if (map->pairs[j].key->type == SG_YNODE_SCALAR &&
			    !strcmp(map->pairs[j].key->value, key->value))
				return sg_yaml_error_hint(doc, key,
					"a key appears once in a mapping: merge the two entries or remove one",
					"duplicate key '%s' in '%s'", key->value, what);
		for (a = allowed; *a; a++)
			if (!strcmp(*a, key->value))
				known = 1;
		if (known)
			continue;
		for (a = allowed; *a; a++)
			sg_buf_addf(&list, "%s%s", list.len ? ", " : "", *a);
		sg_yaml_error(doc, key, "unknown key '%s' in '%s'", key->value,
			      what);
		sg_error_hint("the keys of '%s' are: %s", what, list.ptr);
		sg_buf_release(&list);
		return -1;
	}
	return 0;
}

int sg_yaml_get_string(char **out, const struct sg_ydoc *doc,
		       const struct sg_ynode *node, const char *what)
{
	*out = NULL;
	if (sg_yaml_want_scalar(doc, node, what) < 0)
		return -1;
	*out = sg_xstrdup(node->value);
	return 0;
}

int sg_yaml_get_bool(int *out, const struct sg_ydoc *doc,
		     const struct sg_ynode *node, const char *what)
{
	static const char *const yes[] = { "true", "True", "TRUE", "yes", "Yes", "on", NULL };
	static const char *const no[] = { "false", "False", "FALSE", "no", "No", "off", NULL };
	const char *const *p;

	if (sg_yaml_want_scalar(doc, node, what) < 0)
		return -1;
	for (p = yes; *p; p++)
		if (!strcmp(node->value, *p)) {
			*out = 1;
			return 0;
		}
	for (p = no; *p; p++)
		if (!strcmp(node->value, *p)) {
			*out = 0;
			return 0;
		}
	return sg_yaml_error_hint(doc, node, "write true or false",
				  "'%s' must be true or false, not '%s'", what, node->value);
}

int sg_yaml_get_uint(unsigned *out, const struct sg_ydoc *doc,
		     const struct sg_ynode *node, const char *what)
{
	char *end;
	unsigned long v;

	if (sg_yaml_want_scalar(doc, node, what) < 0)
		return -1;
	errno = 0;
	v = strtoul(node->value, &end, 10);
	if (!*node->value || *end || errno || v > 100000 ||
	    node->value[0] == '-')
		return sg_yaml_error_hint(doc, node, "write a number from 0 to 100000, without quotes or sign",
			"'%s' must be a whole number, not '%s'", what, node->value);
	*out = (unsigned)v;
	return 0;
}

int sg_yaml_get_strings(struct sg_strlist *out, const struct sg_ydoc *doc,
			const struct sg_ynode *node, const char *what)
{
	size_t i;

	if (node && node->type == SG_YNODE_SCALAR) {
		sg_strlist_add(out, node->value);
		return 0;
	}
	if (sg_yaml_want_seq(doc, node, what) < 0)
		return -1;
	for (i = 0; i < node->nr; i++) {
		if (node->items[i]->type != SG_YNODE_SCALAR)
			return sg_yaml_error(doc, node->items[i],
				"items of '%s' must be strings", what);
		sg_strlist_add(out, node->items[i]->value);
	}
	return 0;
}
