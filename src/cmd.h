#ifndef SG_CMD_H
#define SG_CMD_H

/*
 * Adding a command:
 *  1. write src/cmd/<name>.c with `int cmd_<name>(int argc, char **argv,
 *     struct sg_ctx *ctx)`;
 *  2. declare it below;
 *  3. add its row to `commands[]` in src/cmd/dispatch.c (setup flags and a
 *     one-line description: --help is generated from the table);
 *  4. add a tests/cli/tNNNN-<name>.sh script.
 */

/* Exit codes: stable, documented in --help. */
#define SG_EXIT_PASS 0     /* gate passed (warnings and waived findings allowed) */
#define SG_EXIT_FAIL 1     /* at least one finding of severity error */
#define SG_EXIT_INPUT 2    /* usage error or invalid policy/registry/SBOM/risk/review */
#define SG_EXIT_REPO 3     /* repository or environment problem */

struct sg_ctx;

int sg_main(int argc, char **argv);

#endif
