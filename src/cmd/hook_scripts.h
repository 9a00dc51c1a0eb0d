#ifndef SG_CMD_HOOK_SCRIPTS_H
#define SG_CMD_HOOK_SCRIPTS_H

/*
 * The text of hooks/<name> (pre-commit, commit-msg, pre-push,
 * pre-receive) as built into the binary from the project's hooks/
 * directory (see src/CMakeLists.txt), or NULL for any other name.
 */
const char *sg_hook_script(const char *name);

/* The line that marks a script as sdlgate's own wrapper. */
#define SG_HOOK_WRAPPER_MARK "# sdlgate-hook-wrapper "

#endif
