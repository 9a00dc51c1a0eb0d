#ifndef SG_MODEL_SBOM_H
#define SG_MODEL_SBOM_H

#include "util/buf.h"
#include "util/str.h"

#include <stddef.h>

/*
 * A format-neutral SBOM: CycloneDX JSON 1.2-1.6, SPDX JSON 2.2/2.3 and
 * SPDX 3.0 JSON-LD are read into the same plain structs, so that rules
 * never see cJSON. Checking (sg_sbom_check) reads the document once more,
 * because most structural checks concern fields the model does not keep.
 */

enum sg_sbom_format {
	SG_SBOM_UNKNOWN = 0,
	SG_SBOM_CYCLONEDX,
	SG_SBOM_SPDX2,
	SG_SBOM_SPDX3,
};

/* Largest SBOM read (64 MiB), the same as SG_JSON_MAX_SIZE. */
#define SG_SBOM_MAX_SIZE ((size_t)64 << 20)

/*
 * One component (CycloneDX components[], nested ones included; SPDX 2
 * packages[]; SPDX 3 software_Package elements and their subclasses). Any
 * field may be NULL when the document does not state it; strings are
 * copied as written (an SPDX supplier may be "NOASSERTION").
 */
struct sg_sbom_component {
	char *name;
	char *version;   /* CycloneDX version, SPDX versionInfo */
	char *supplier;  /* supplier.name, manufacturer.name, publisher; SPDX */
	char *purl;
	char *cpe;
	char *swid;      /* CycloneDX swid.tagId; SPDX swid external ref */
	char *ref;       /* bom-ref, SPDXID or spdxId */
	char *group;     /* CycloneDX group (an npm scope such as "@babel") */
	char *path;      /* JSON location: "components[2].components[0]" */
};

struct sg_sbom {
	int format;            /* enum sg_sbom_format */
	char *spec_version;    /* "1.6", "2.3", "3.0.1" */
	char *author;          /* authors (else tools) or creators; NULL: none */
	char *timestamp;       /* as written; NULL when absent */
	struct sg_sbom_component *components;
	size_t components_nr;
	size_t components_alloc;
	/* CycloneDX dependsOn entries; SPDX relationships of a dependency kind */
	size_t dependency_edges;
	/* CycloneDX dependencies[] entries (a leaf counts); SPDX relationships */
	size_t dependencies_nr;
};

/*
 * Read an SBOM. Returns 0 and a model the caller frees with
 * sg_sbom_free(), even when the document has structural problems (use
 * sg_sbom_check to find those), or -1 with an input error naming `name`
 * when the input is not JSON ("name:line:col: ..."), too big or too deep,
 * or not an SBOM at all. The error carries a hint.
 */
int sg_sbom_parse(struct sg_sbom **out, const char *name, const char *data,
		  size_t len);
void sg_sbom_free(struct sg_sbom *sbom);

/* "CycloneDX", "SPDX 2", "SPDX 3" (static strings), for messages. */
const char *sg_sbom_format_name(int format);

/*
 * One problem found in an SBOM. `message` starts with the JSON location
 * ("components[3].hashes[0].alg: ...") when there is one; `path` is that
 * location alone (NULL for document-level issues). NTIA issues set
 * `missing` to words from: name, version, identifier, supplier (for a
 * component, named "name@version", "name@?" or "?@?" in `component`) or
 * author, timestamp, dependencies (for the document, component NULL).
 */
struct sg_sbom_issue {
	char *message;
	char *hint;
	char *path;
	char *component;
	struct sg_strlist missing;
};

struct sg_sbom_issues {
	struct sg_sbom_issue *items;
	size_t nr;
	size_t alloc;
};

#define SG_SBOM_ISSUES_INIT { NULL, 0, 0 }

/* Also check the NTIA minimum elements. */
#define SG_SBOM_CHECK_NTIA 1u

/*
 * Parse and check in one go. Returns 0 and appends the issues found (maybe
 * none) to `out` in document order, or -1 when the input is not an SBOM
 * at all, with the same error as sg_sbom_parse.
 */
int sg_sbom_check(struct sg_sbom_issues *out, const char *name,
		  const char *data, size_t len, unsigned flags);
/*
 * The same, also handing back the model read on the way (NULL on -1), for
 * callers that report on the document too: one parse instead of two.
 */
int sg_sbom_check_read(struct sg_sbom_issues *out, struct sg_sbom **sbom,
		       const char *name, const char *data, size_t len,
		       unsigned flags);
void sg_sbom_issues_release(struct sg_sbom_issues *issues);

/*
 * ---- Internal to src/model/sbom*.c: the reader the format files share. ----
 *
 * A reader walks the cJSON tree, fills `sbom` and, when `issues` is not
 * NULL, records structural problems. Each issue remembers the JSON node it
 * is about, so that issues found by later passes can be put back into
 * document order. `path` is the location of the node being read.
 */
struct cJSON;

struct sg_sbom__id {
	const char *id;           /* borrowed from the tree */
	char *path;
	const struct cJSON *node;
	const struct cJSON *owner;  /* the object that declares it */
	int target;               /* a component, service, package, element */
};

struct sg_sbom__use {
	const char *id;
	char *path;
	const struct cJSON *node;
	unsigned flags;           /* SG_SBOM__USE_* */
};

#define SG_SBOM__USE_BOMLINK 1u   /* CycloneDX "urn:cdx:" links are fine here */
#define SG_SBOM__USE_ANY 2u       /* any declared id, not only a component */

struct sg_sbom_reader {
	struct sg_sbom *sbom;
	struct sg_sbom_issues *issues;
	const struct cJSON **anchors;  /* the node of each issue */
	size_t anchors_alloc;
	const struct cJSON **component_nodes;
	size_t component_nodes_alloc;
	struct sg_sbom__id *ids;
	size_t ids_nr, ids_alloc;
	struct sg_sbom__use *uses;
	size_t uses_nr, uses_alloc;
	struct sg_buf path;
	int minor;                     /* CycloneDX 1.x, SPDX 2.x minor version */
	int in_model;                  /* CycloneDX: under components[] of the root */
};

int sg_sbom__open(struct sg_sbom_reader *r, struct cJSON **root,
		  const char *name, const char *data, size_t len);
void sg_sbom__reader_release(struct sg_sbom_reader *r);
/* Dispatch to the reader of the format sg_sbom__open recognised. */
int sg_sbom__read(struct sg_sbom_reader *r, const struct cJSON *root);
int sg_sbom__read_cyclonedx(struct sg_sbom_reader *r, const struct cJSON *root);
int sg_sbom__read_spdx2(struct sg_sbom_reader *r, const struct cJSON *root);
int sg_sbom__read_spdx3(struct sg_sbom_reader *r, const struct cJSON *root);

/* Record an issue at the current path (plus `key` when not NULL). */
void sg_sbom__issue(struct sg_sbom_reader *r, const struct cJSON *node,
		    const char *key, const char *hint, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/*
 * Typed members with issues for wrong types and, when `required`, for
 * absence. Strings that are empty count as absent for `required`.
 */
const char *sg_sbom__str(struct sg_sbom_reader *r, const struct cJSON *obj,
			 const char *key, int required);
const struct cJSON *sg_sbom__arr(struct sg_sbom_reader *r,
				 const struct cJSON *obj, const char *key,
				 int required);
const struct cJSON *sg_sbom__obj(struct sg_sbom_reader *r,
				 const struct cJSON *obj, const char *key,
				 int required);
/* A string member that must be one of `values` (NULL-terminated). */
const char *sg_sbom__enum(struct sg_sbom_reader *r, const struct cJSON *obj,
			  const char *key, const char *const *values,
			  int required);
int sg_sbom__in(const char *s, const char *const *values);
/* Refuse "@NAME@" and "${NAME}" left over from a template. */
void sg_sbom__placeholder(struct sg_sbom_reader *r, const struct cJSON *obj,
			  const char *key, const char *value);
/* RFC 3339 date-time; `zulu` demands the SPDX form YYYY-MM-DDThh:mm:ssZ. */
int sg_sbom__is_datetime(const char *s, int zulu);
int sg_sbom__is_hex(const char *s, size_t len);

size_t sg_sbom__push_key(struct sg_sbom_reader *r, const char *key);
size_t sg_sbom__push_index(struct sg_sbom_reader *r, size_t index);
void sg_sbom__pop(struct sg_sbom_reader *r, size_t len);

struct sg_sbom_component *sg_sbom__add_component(struct sg_sbom_reader *r,
						 const struct cJSON *node);
/* An identifier declared at the current path (plus `key`). */
void sg_sbom__declare(struct sg_sbom_reader *r, const struct cJSON *node,
		      const char *key, const char *id, int target);
/* A reference at the current path (plus `key`) that must resolve. */
void sg_sbom__use(struct sg_sbom_reader *r, const struct cJSON *node,
		  const char *key, const char *id, unsigned flags);
/*
 * The array of references under `key` of `obj`: each must be a non-empty
 * string, listed once, and resolve (checked later). Returns how many are
 * usable.
 */
size_t sg_sbom__uses(struct sg_sbom_reader *r, const struct cJSON *obj,
		     const char *key, unsigned flags);
/* Call fn for each object of the array `key` of `obj`, with the path set. */
void sg_sbom__each(struct sg_sbom_reader *r, const struct cJSON *obj,
		   const char *key, int required,
		   void (*fn)(struct sg_sbom_reader *r, const struct cJSON *item));
/* Replace control characters (values quoted into messages) with '?'. */
void sg_sbom__printable(char *s);
/* A copy of `s`, or NULL. */
char *sg_sbom__dup(const char *s);
/* Append ", "-separated to a malloc'd string (for author lists). */
void sg_sbom__append(char **dst, const char *s);

/* Known SPDX license or exception identifier (exact case). */
int sg_sbom__license_known(const char *id);
/* Known with another case: the correct spelling, else NULL. */
const char *sg_sbom__license_fold(const char *id);

#endif
