#include "cmd.h"
int cmd_init(int argc, char **argv, struct sg_ctx *ctx) { (void)argc; (void)argv; (void)ctx; return 0; }
