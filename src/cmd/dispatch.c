#include "cmd.h"

#include <stdio.h>

int sg_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("sdlgate %s\n", SDLGATE_VERSION);
	return SG_EXIT_PASS;
}
