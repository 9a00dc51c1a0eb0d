#ifndef SG_GIT_HOOKSDIR_H
#define SG_GIT_HOOKSDIR_H

struct sg_repo;

/*
 * The directory git runs this repository's hooks from, as git 2.39
 * decides it: core.hooksPath when set ("~/" expanded; a relative path is
 * taken from where hooks run: the top of the working tree, or the git
 * directory of a bare repository), else the hooks/ directory shared by
 * every worktree. 0 with *out (caller frees, no trailing '/') and
 * *from_config set when core.hooksPath decided it; -1 on error.
 */
int sg_repo_hooks_dir(char **out, int *from_config, struct sg_repo *repo);

#endif
