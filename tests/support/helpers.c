#include "helpers.h"

#include <stdlib.h>

const char *sg_test_shared_data(void)
{
	return getenv("SG_SHARED_DATA");
}

const char *sg_test_source_dir(void)
{
	const char *dir = getenv("SG_SOURCE_DIR");

	return dir ? dir : ".";
}
