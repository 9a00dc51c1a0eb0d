#ifndef SG_POLICY_YAML_H
#define SG_POLICY_YAML_H

#include <stddef.h>

struct sg_strlist;

/*
 * A YAML document as a plain tree that remembers where each node was
 * written, so every error can name file:line:column. Aliases are expanded
 * into copies while the tree is built, with a bound on the total number of
 * nodes and on depth, so "billion laughs" and deep nesting fail cleanly.
 */
enum sg_ynode_type {
	SG_YNODE_SCALAR,
	SG_YNODE_SEQ,
	SG_YNODE_MAP,
};

struct sg_ynode;

struct sg_ypair {
	struct sg_ynode *key;
	struct sg_ynode *value;
};

struct sg_ynode {
	enum sg_ynode_type type;
	const char *file;       /* name of the file it came from (owned by its sg_ydoc) */
	size_t line;            /* 1-based */
	size_t column;          /* 1-based */
	char *value;            /* scalar text */
	int plain;              /* scalar was written without quotes */
	struct sg_ynode **items; /* sequence */
	struct sg_ypair *pairs;  /* mapping, in document order */
	size_t nr;
};

struct sg_ydoc {
	char *name;             /* file name used in messages */
	struct sg_ynode *root;  /* NULL for an empty document */
};

#define SG_YAML_MAX_NODES 100000
#define SG_YAML_MAX_DEPTH 64

/*
 * Parse `len` bytes of YAML named `name`. Returns 0 and a document the
 * caller frees with sg_ydoc_free(), or -1 with an input error
 * "name:line:column: problem".
 */
int sg_yaml_parse(struct sg_ydoc **out, const char *name,
		  const char *data, size_t len);
void sg_ydoc_free(struct sg_ydoc *doc);
/* Free a node and everything below it (NULL is fine). */
void sg_ynode_free(struct sg_ynode *node);

/* Record an input error located at `node` (or the file when NULL); returns -1. */
int sg_yaml_error(const struct sg_ydoc *doc, const struct sg_ynode *node,
		  const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The same with a fixed hint (what to write instead); returns -1. */
int sg_yaml_error_hint(const struct sg_ydoc *doc, const struct sg_ynode *node,
		       const char *hint, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The value of `key` in a mapping, or NULL. */
struct sg_ynode *sg_ymap_get(const struct sg_ynode *map, const char *key);

/* 1 for an explicit YAML null (`~`, `null`, empty plain scalar). */
int sg_ynode_is_null(const struct sg_ynode *node);

/* Type checks that record "file:l:c: 'what' must be a ..." errors. */
int sg_yaml_want_map(const struct sg_ydoc *doc, const struct sg_ynode *node,
		     const char *what);
int sg_yaml_want_seq(const struct sg_ydoc *doc, const struct sg_ynode *node,
		     const char *what);
int sg_yaml_want_scalar(const struct sg_ydoc *doc, const struct sg_ynode *node,
			const char *what);

/*
 * Refuse keys of a mapping that are not in the NULL-terminated `allowed`
 * list, naming the unknown key and the keys that are allowed. Also refuses
 * duplicated keys.
 */
int sg_yaml_check_keys(const struct sg_ydoc *doc, const struct sg_ynode *map,
		       const char *what, const char *const *allowed);

/* Read a scalar as a string (caller frees). */
int sg_yaml_get_string(char **out, const struct sg_ydoc *doc,
		       const struct sg_ynode *node, const char *what);
/* Read true/false (YAML 1.1 and 1.2 spellings). */
int sg_yaml_get_bool(int *out, const struct sg_ydoc *doc,
		     const struct sg_ynode *node, const char *what);
/* Read a non-negative integer. */
int sg_yaml_get_uint(unsigned *out, const struct sg_ydoc *doc,
		     const struct sg_ynode *node, const char *what);
/* Read a string or a list of strings into `out` (appending). */
int sg_yaml_get_strings(struct sg_strlist *out, const struct sg_ydoc *doc,
			const struct sg_ynode *node, const char *what);

#endif
