/* sg_lockfile_read: the same bytes read as every lockfile sdlgate knows. */
#include "fuzz.h"

#include "model/lockfile.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {
		"package-lock.json", "npm-shrinkwrap.json", "Cargo.lock",
		"conan.lock", "vcpkg.json",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct sg_lockfile lock = SG_LOCKFILE_INIT;

		if (sg_lockfile_read(&lock, names[i], (const char *)data, size) < 0)
			sg_error_clear();
		sg_lockfile_release(&lock);
	}
	return 0;
}
