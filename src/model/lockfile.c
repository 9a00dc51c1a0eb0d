#include "model/lockfile.h"
#include "model/json.h"
#include "model/sbom.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/str.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *base;
	int kind;
} known[] = {
	{ "package-lock.json", SG_LOCKFILE_NPM },
	{ "npm-shrinkwrap.json", SG_LOCKFILE_NPM },
	{ "Cargo.lock", SG_LOCKFILE_CARGO },
	{ "conan.lock", SG_LOCKFILE_CONAN },
	{ "vcpkg.json", SG_LOCKFILE_VCPKG },
};

int sg_lockfile_is_known(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t i;

	base = base ? base + 1 : path;
	for (i = 0; i < SG_ARRAY_SIZE(known); i++)
		if (!strcmp(base, known[i].base))
			return known[i].kind;
	return SG_LOCKFILE_UNKNOWN;
}

/* A length of SIZE_MAX means "up to the NUL". */
static void add(struct sg_lockfile *lock, const char *name, size_t name_len,
		const char *version, size_t version_len, int dev)
{
	struct sg_lockfile_entry *e;

	SG_ALLOC_GROW(lock->items, lock->nr + 1, lock->alloc);
	e = &lock->items[lock->nr++];
	e->name = sg_xstrndup(name, name_len == SIZE_MAX ? strlen(name) : name_len);
	e->version = !version ? NULL : sg_xstrndup(version, version_len == SIZE_MAX ?
						   strlen(version) : version_len);
	e->dev = dev;
}

static int cmp_version(const char *a, const char *b)
{
	if (!a || !b)
		return !a && !b ? 0 : !a ? -1 : 1;
	return strcmp(a, b);
}

static int cmp_entry(const void *a, const void *b)
{
	const struct sg_lockfile_entry *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (!c)
		c = cmp_version(x->version, y->version);
	return c ? c : x->dev - y->dev;
}

/* Sort, and keep one of each name@version (a runtime use wins over dev). */
static void finish(struct sg_lockfile *lock)
{
	size_t i, n = 0;

	if (lock->nr > 1)
		qsort(lock->items, lock->nr, sizeof(*lock->items), cmp_entry);
	for (i = 0; i < lock->nr; i++) {
		if (n && !strcmp(lock->items[n - 1].name, lock->items[i].name) &&
		    !cmp_version(lock->items[n - 1].version, lock->items[i].version)) {
			free(lock->items[i].name);
			free(lock->items[i].version);
			continue;
		}
		lock->items[n++] = lock->items[i];
	}
	lock->nr = n;
}

void sg_lockfile_release(struct sg_lockfile *lock)
{
	size_t i;

	for (i = 0; i < lock->nr; i++) {
		free(lock->items[i].name);
		free(lock->items[i].version);
	}
	free(lock->items);
	*lock = (struct sg_lockfile)SG_LOCKFILE_INIT;
}

/* A lockfile being read: where its entries go, its name, the JSON location. */
struct reader {
	struct sg_lockfile *lock;
	const char *path;
	struct sg_buf where;
};

/* "path: location: what", with a hint that the file is generated. */
static int bad(struct reader *rd, const char *what)
{
	sg_error_set("%s: %s%s%s", rd->path, rd->where.ptr,
		     rd->where.len ? ": " : "", what);
	sg_error_hint("lockfiles are written by the package manager; regenerate it rather than editing it by hand");
	return -1;
}

/* `obj` (or its member `key`) is not what the format has there. */
static int type_error(struct reader *rd, const cJSON *obj, const char *key,
		      const char *want)
{
	struct sg_buf what = SG_BUF_INIT;
	int error;

	if (key)
		sg_json_path_key(&rd->where, key);
	sg_buf_addf(&what, "expected %s, found %s", want, sg_json_type_name(
		    key ? cJSON_GetObjectItemCaseSensitive(obj, key) : obj));
	error = bad(rd, what.ptr);
	sg_buf_release(&what);
	return error;
}

/* ---- npm: package-lock.json / npm-shrinkwrap.json ---- */

static int npm_packages(struct reader *rd, const cJSON *packages)
{
	const cJSON *p;
	const char *version, *name;
	int link, dev;

	for (p = packages->child; p; p = p->next) {
		size_t old;

		/* the root "" and workspace folders are the project itself */
		name = strstr(p->string, "node_modules/");
		if (!name)
			continue;
		old = sg_json_path_key(&rd->where, p->string);
		while (strstr(name + 1, "node_modules/"))
			name = strstr(name + 1, "node_modules/");
		name += strlen("node_modules/");
		if (!cJSON_IsObject(p))
			return type_error(rd, p, NULL, "an object");
		if (sg_json_get_bool(&link, p, "link") == SG_JSON_WRONG_TYPE)
			return type_error(rd, p, "link", "a boolean");
		if (sg_json_get_bool(&dev, p, "dev") == SG_JSON_WRONG_TYPE)
			return type_error(rd, p, "dev", "a boolean");
		if (sg_json_get_string(&version, p, "version") == SG_JSON_WRONG_TYPE)
			return type_error(rd, p, "version", "a string");
		if (!link && *name)
			add(rd->lock, name, SIZE_MAX, version, SIZE_MAX, dev);
		sg_buf_setlen(&rd->where, old);
	}
	return 0;
}

/* lockfileVersion 1: "dependencies" nested by name. */
static int npm_dependencies(struct reader *rd, const cJSON *deps)
{
	const cJSON *d, *sub;
	const char *version;
	int dev;

	for (d = deps->child; d; d = d->next) {
		size_t old = sg_json_path_key(&rd->where, d->string);

		if (!cJSON_IsObject(d))
			return type_error(rd, d, NULL, "an object");
		if (sg_json_get_string(&version, d, "version") == SG_JSON_WRONG_TYPE)
			return type_error(rd, d, "version", "a string");
		sg_json_get_bool(&dev, d, "dev");
		add(rd->lock, d->string, SIZE_MAX, version, SIZE_MAX, dev);
		if (sg_json_get_object(&sub, d, "dependencies") == SG_JSON_WRONG_TYPE)
			return type_error(rd, d, "dependencies", "an object");
		if (sub) {
			size_t o = sg_json_path_key(&rd->where, "dependencies");

			if (npm_dependencies(rd, sub) < 0)
				return -1;
			sg_buf_setlen(&rd->where, o);
		}
		sg_buf_setlen(&rd->where, old);
	}
	return 0;
}

static int read_npm(struct reader *rd, const cJSON *root)
{
	const cJSON *packages, *deps;

	if (sg_json_get_object(&packages, root, "packages") == SG_JSON_WRONG_TYPE)
		return type_error(rd, root, "packages", "an object");
	if (packages) {
		sg_json_path_key(&rd->where, "packages");
		return npm_packages(rd, packages);
	}
	if (sg_json_get_object(&deps, root, "dependencies") == SG_JSON_WRONG_TYPE)
		return type_error(rd, root, "dependencies", "an object");
	if (!deps)
		return bad(rd, "neither 'packages' nor 'dependencies': not an npm lockfile");
	sg_json_path_key(&rd->where, "dependencies");
	return npm_dependencies(rd, deps);
}

/* ---- Conan: "name/version[@user/channel][#rrev[%ts]]" ---- */

static int conan_ref(struct reader *rd, const char *ref, int dev)
{
	const char *slash = strchr(ref, '/');
	size_t vlen;

	if (!slash || slash == ref || strchr(ref, ' '))
		return bad(rd, "not a Conan reference (name/version)");
	vlen = strcspn(slash + 1, "@#%:");
	if (!vlen)
		return bad(rd, "a Conan reference without a version");
	add(rd->lock, ref, (size_t)(slash - ref), slash + 1, vlen, dev);
	return 0;
}

static int read_conan(struct reader *rd, const cJSON *root)
{
	static const char *const lists[] = {
		"requires", "build_requires", "python_requires", "config_requires",
	};
	const cJSON *arr, *item, *graph, *nodes;
	const char *ref, *context;
	size_t i, j, old;

	if (sg_json_get_object(&graph, root, "graph_lock") == SG_JSON_WRONG_TYPE)
		return type_error(rd, root, "graph_lock", "an object");
	if (graph) {
		/* Conan 1: graph_lock.nodes.<id>.ref; node "0" is the consumer */
		sg_json_path_key(&rd->where, "graph_lock");
		if (sg_json_get_object(&nodes, graph, "nodes") != SG_JSON_OK)
			return type_error(rd, graph, "nodes", "an object");
		sg_json_path_key(&rd->where, "nodes");
		for (item = nodes->child; item; item = item->next) {
			old = sg_json_path_key(&rd->where, item->string);
			if (sg_json_get_string(&ref, item, "ref") == SG_JSON_WRONG_TYPE)
				return type_error(rd, item, "ref", "a string");
			sg_json_get_string(&context, item, "context");
			sg_json_path_key(&rd->where, "ref");
			if (ref && strcmp(item->string, "0") &&
			    conan_ref(rd, ref,
				      context && !strcmp(context, "build")) < 0)
				return -1;
			sg_buf_setlen(&rd->where, old);
		}
		return 0;
	}
	for (i = 0; i < SG_ARRAY_SIZE(lists); i++) {
		if (sg_json_get_array(&arr, root, lists[i]) == SG_JSON_WRONG_TYPE)
			return type_error(rd, root, lists[i], "an array");
		old = sg_json_path_key(&rd->where, lists[i]);
		for (j = 0, item = arr ? arr->child : NULL; item; item = item->next, j++) {
			size_t o = sg_json_path_index(&rd->where, j);

			if (!cJSON_IsString(item))
				return type_error(rd, item, NULL, "a string");
			if (conan_ref(rd, item->valuestring, i > 0) < 0)
				return -1;
			sg_buf_setlen(&rd->where, o);
		}
		sg_buf_setlen(&rd->where, old);
	}
	return 0;
}

/* ---- vcpkg.json: dependencies with "version>=", and overrides ---- */

static int vcpkg_version(struct reader *rd, const char **out, const cJSON *obj,
			 const char *const *keys)
{
	const cJSON *item;

	*out = NULL;
	for (; *keys; keys++) {
		item = cJSON_GetObjectItemCaseSensitive(obj, *keys);
		if (item && !cJSON_IsString(item))
			return type_error(rd, obj, *keys, "a string");
		if (item && !*out)
			*out = item->valuestring;
	}
	return 0;
}

/* An override pins a version: it replaces "version>=" (manifests are small). */
static void vcpkg_override(struct sg_lockfile *lock, const char *name,
			   const char *version, size_t len)
{
	size_t i, hits = 0;

	for (i = 0; i < lock->nr; i++) {
		if (strcmp(lock->items[i].name, name))
			continue;
		free(lock->items[i].version);
		lock->items[i].version = sg_xstrndup(version, len);
		hits++;
	}
	if (!hits)
		add(lock, name, SIZE_MAX, version, len, 0);
}

static int read_vcpkg(struct reader *rd, const cJSON *root)
{
	static const char *const min_keys[] = { "version>=", NULL };
	static const char *const pin_keys[] = {
		"version", "version-semver", "version-date", "version-string", NULL,
	};
	static const char *const lists[] = { "dependencies", "overrides" };
	const cJSON *arr, *item;
	const char *name, *version;
	size_t i, j, old, o, len;
	int host;

	for (i = 0; i < SG_ARRAY_SIZE(lists); i++) {
		if (sg_json_get_array(&arr, root, lists[i]) == SG_JSON_WRONG_TYPE)
			return type_error(rd, root, lists[i], "an array");
		old = sg_json_path_key(&rd->where, lists[i]);
		for (j = 0, item = arr ? arr->child : NULL; item; item = item->next, j++) {
			o = sg_json_path_index(&rd->where, j);
			name = cJSON_GetStringValue(item);
			version = NULL;
			host = 0;
			if (!name && !cJSON_IsObject(item))
				return type_error(rd, item, NULL, "a string or an object");
			if (!name && sg_json_get_string(&name, item, "name") != SG_JSON_OK)
				return type_error(rd, item, "name", "a string");
			if (cJSON_IsObject(item) &&
			    vcpkg_version(rd, &version, item, i ? pin_keys : min_keys) < 0)
				return -1;
			if (!*name || (i && !version))
				return bad(rd, i ? "an override without a version" :
					   "a dependency without a name");
			sg_json_get_bool(&host, item, "host");
			/* "1.2.13#2": the port version is vcpkg's, not upstream's */
			len = version ? strcspn(version, "#") : 0;
			if (i)
				vcpkg_override(rd->lock, name, version, len);
			else
				add(rd->lock, name, SIZE_MAX, version, len, host);
			sg_buf_setlen(&rd->where, o);
		}
		sg_buf_setlen(&rd->where, old);
	}
	return 0;
}

/* ---- Cargo.lock: [[package]] tables, read line by line ---- */

/*
 * `key = "value"` on `line`: 1 and *out set, 0 when the line is about
 * another key, -1 when the value is not a basic string.
 */
static int toml_string(char **out, const char *line, size_t len,
		       const char *key)
{
	size_t n = strlen(key), i = n;
	struct sg_buf value = SG_BUF_INIT;

	*out = NULL;
	if (len <= n || strncmp(line, key, n) || (line[n] != ' ' && line[n] != '='))
		return 0;
	while (i < len && line[i] == ' ')
		i++;
	if (i >= len || line[i++] != '=')
		return 0;
	while (i < len && line[i] == ' ')
		i++;
	if (i >= len || line[i++] != '"')
		return -1;
	for (; i < len && line[i] != '"'; i++) {
		if (line[i] == '\\' && i + 1 < len)
			i++;
		sg_buf_addch(&value, line[i]);
	}
	if (i >= len) {
		sg_buf_release(&value);
		return -1;
	}
	*out = sg_buf_detach(&value);
	return 1;
}

struct cargo_pkg {
	char *field[3];   /* name, version, source */
	size_t line;      /* of its [[package]] header; 0: none open */
};

static int cargo_error(const char *path, size_t line, const char *what)
{
	sg_error_set("%s:%zu: %s", path, line, what);
	sg_error_hint("Cargo.lock is written by cargo; regenerate it with 'cargo generate-lockfile'");
	return -1;
}

static int cargo_flush(struct reader *rd, struct cargo_pkg *p)
{
	int error = 0, i;

	if (p->line && (!p->field[0] || !p->field[1]))
		error = cargo_error(rd->path, p->line, p->field[0] ?
				    "[[package]] without a version" :
				    "[[package]] without a name");
	else if (p->line && p->field[2])
		/* packages without a source are the workspace's own crates */
		add(rd->lock, p->field[0], SIZE_MAX, p->field[1], SIZE_MAX, 0);
	for (i = 0; i < 3; i++)
		free(p->field[i]);
	memset(p, 0, sizeof(*p));
	return error;
}

static int read_cargo(struct reader *rd, const char *data, size_t len)
{
	static const char *const keys[] = { "name", "version", "source" };
	struct cargo_pkg pkg = { { NULL, NULL, NULL }, 0 };
	size_t pos, next, lineno = 0, n, k;
	const char *line, *nl;
	char *value;

	if (len > SG_JSON_MAX_SIZE)
		return bad(rd, "larger than the 64 MiB limit");
	for (pos = 0; pos < len; pos = next) {
		line = data + pos;
		nl = memchr(line, '\n', len - pos);
		n = nl ? (size_t)(nl - line) : len - pos;
		next = pos + n + 1;
		lineno++;
		while (n && strchr("\r\t ", line[n - 1]))
			n--;
		while (n && (*line == ' ' || *line == '\t'))
			line++, n--;
		if (!n || *line == '#')
			continue;
		if (*line == '[') {
			if (cargo_flush(rd, &pkg) < 0)
				return -1;
			pkg.line = n == 11 && !strncmp(line, "[[package]]", 11) ? lineno : 0;
			continue;
		}
		for (k = 0; pkg.line && k < 3; k++) {
			if (toml_string(&value, line, n, keys[k]) < 0) {
				cargo_flush(rd, &pkg);
				return cargo_error(rd->path, lineno, k == 0 ? "'name' is not a quoted string" :
						   k == 1 ? "'version' is not a quoted string" :
						   "'source' is not a quoted string");
			}
			if (value && !pkg.field[k])
				pkg.field[k] = value;
			else
				free(value);
		}
	}
	return cargo_flush(rd, &pkg);
}

int sg_lockfile_read(struct sg_lockfile *out, const char *path,
		     const char *data, size_t len)
{
	struct reader rd = { out, path, SG_BUF_INIT };
	int kind = sg_lockfile_is_known(path), error;
	cJSON *root = NULL;

	if (!kind) {
		sg_error_set("%s: not a lockfile sdlgate reads", path);
		sg_error_hint("known lockfiles: package-lock.json, npm-shrinkwrap.json, Cargo.lock, conan.lock, vcpkg.json");
		return -1;
	}
	out->kind = kind;
	if (kind == SG_LOCKFILE_CARGO)
		error = read_cargo(&rd, data, len);
	else
		error = sg_json_parse(&root, path, data, len);
	if (!error && root && !cJSON_IsObject(root))
		error = bad(&rd, "the top level is not a JSON object");
	else if (!error && root && kind == SG_LOCKFILE_NPM)
		error = read_npm(&rd, root);
	else if (!error && root && kind == SG_LOCKFILE_CONAN)
		error = read_conan(&rd, root);
	else if (!error && root)
		error = read_vcpkg(&rd, root);
	if (!error)
		finish(out);
	else
		sg_lockfile_release(out);
	cJSON_Delete(root);
	sg_buf_release(&rd.where);
	return error;
}
