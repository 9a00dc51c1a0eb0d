#ifndef SG_UTIL_GLOB_H
#define SG_UTIL_GLOB_H

struct sg_strlist;

/*
 * Match a repository path ("src/net/tls.c") against a policy pattern, the
 * way .gitignore patterns read:
 *  - `*` and `?` stay inside one directory, `[a-z]` and `[!x]` are classes;
 *  - a double star as a whole component spans directories ("src/" + "**");
 *  - a pattern without `/` matches a file or directory name at any depth;
 *  - a pattern with `/` is anchored at the root (a leading `/` is dropped)
 *    and also matches everything below a directory it names;
 *  - a trailing `/` matches directories only.
 * Returns 1 on a match, 0 otherwise. Any pattern and path get an answer,
 * in at most (path length) x (pattern length) steps: a path from a pushed
 * tree is untrusted and must never escape a trigger by being hard.
 */
int sg_glob_match(const char *pattern, const char *path);

/* 1 when `path` matches any pattern of `patterns`. */
int sg_glob_match_any(const struct sg_strlist *patterns, const char *path);

/* 1 when the pattern contains a wildcard character. */
int sg_glob_has_wildcard(const char *pattern);

#endif
