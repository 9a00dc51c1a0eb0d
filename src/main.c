#include "cmd.h"

int main(int argc, char **argv)
{
	return sg_main(argc, argv);
}
